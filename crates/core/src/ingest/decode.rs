//! Bytes → text. UTF-8 (with or without BOM) first; a file that is not UTF-8 but decodes
//! cleanly as GB18030 (a superset of GBK and GB2312) is read as that; anything else is read
//! with replacement characters and the damage is counted, so that a finding can say so.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// Text decoded from bytes, with what was seen on the way.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Decoded {
    pub text: String,
    /// "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE".
    pub encoding: &'static str,
    /// Byte sequences that fit no encoding and were replaced by U+FFFD.
    pub replaced: usize,
    /// The bytes look like a binary file (NUL bytes, many control characters).
    pub binary: bool,
}

/// Decode a file's bytes.
pub fn decode(bytes: &[u8]) -> Decoded {
    let binary = looks_binary(bytes);
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, binary);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF { UTF_16LE } else { UTF_16BE };
        let (text, had_errors) = enc.decode_with_bom_removal(&bytes[2..]);
        return Decoded {
            replaced: if had_errors {
                count_replacements(&text)
            } else {
                0
            },
            text: text.into_owned(),
            encoding: enc.name(),
            binary: false,
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            replaced: 0,
            binary,
        };
    }
    if !binary {
        if let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            return Decoded {
                text: text.into_owned(),
                encoding: "GB18030",
                replaced: 0,
                binary,
            };
        }
    }
    utf8(bytes, binary)
}

fn utf8(bytes: &[u8], binary: bool) -> Decoded {
    let text = String::from_utf8_lossy(bytes);
    let replaced = match &text {
        std::borrow::Cow::Borrowed(_) => 0,
        std::borrow::Cow::Owned(s) => count_replacements(s),
    };
    Decoded {
        text: text.into_owned(),
        encoding: "UTF-8",
        replaced,
        binary,
    }
}

fn count_replacements(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// NUL bytes, or more than 1 in 20 bytes being control characters other than white space.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.is_empty() {
        return false;
    }
    if sample.contains(&0) && !(bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("总计".as_bytes()).text, "总计");
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("总计".as_bytes());
        let d = decode(&b);
        assert_eq!((d.text.as_str(), d.encoding), ("总计", "UTF-8"));
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = GB18030.encode("四、结转下年度继续办理 5");
        let d = decode(&bytes);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "四、结转下年度继续办理 5");
    }

    #[test]
    fn binary_and_broken_bytes_are_counted() {
        let d = decode(&[0x00, 0x01, 0xFF, 0xFE, 0x80, 0x00]);
        assert!(d.binary);
        assert!(d.replaced > 0);
    }
}
