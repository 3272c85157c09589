//! Searching bytes: the readers' one way to find a marker in a file or a page.

use memchr::memmem;

/// Where `needle` first occurs in `hay` at or after `from`.
pub fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

/// [`find`], ASCII letters in any case (`needle` given in lower case or any case).
pub fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut at = from;
    while let Some(p) = hay.get(at..).and_then(|h| memchr::memchr2(lo, up, h)) {
        let start = at + p;
        let tail = hay.get(start + 1..start + 1 + rest.len());
        if tail.is_some_and(|t| t.eq_ignore_ascii_case(rest)) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_from_an_offset() {
        assert_eq!(find(b"abcabc", 0, b"bc"), Some(1));
        assert_eq!(find(b"abcabc", 2, b"bc"), Some(4));
        assert_eq!(find(b"abc", 5, b"bc"), None);
        assert_eq!(find(b"abc", 0, b""), None);
        assert_eq!(find(b"ab", 0, b"abc"), None);
    }

    #[test]
    fn ignores_ascii_case_only() {
        assert_eq!(find_ascii_ci(b"x<META charset>", 0, b"<meta"), Some(1));
        assert_eq!(find_ascii_ci(b"<Meta><meta", 1, b"<meta"), Some(6));
        assert_eq!(find_ascii_ci(b"<met", 0, b"<meta"), None);
        assert_eq!(
            find_ascii_ci("\u{c5}<meta".as_bytes(), 0, b"<META"),
            Some(2)
        );
        assert_eq!(find_ascii_ci(b"abc", 0, b""), None);
    }
}
