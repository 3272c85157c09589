//! Bytes → text. UTF-8 (with or without BOM) first; a file that is not UTF-8 but decodes
//! cleanly as GB18030 (a superset of GBK and GB2312) is read as that; anything else is read
//! with replacement characters and the damage is counted, so that a finding can say so.
//!
//! An HTML page may also name its encoding (`<meta charset>`, see
//! [`super::html::declared_encoding`]). The bytes still come first: a page whose bytes are
//! valid UTF-8 is UTF-8 whatever it declares (browsers that save a page re-encode it and
//! often leave the old declaration), and a declaration is followed only when it names a
//! Chinese multi-byte encoding (GBK, GB2312, GB18030, Big5); a page declaring a Western
//! encoding for Chinese bytes is read by its bytes, never as mojibake.

use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE};

/// What the input is: plain text, or an HTML page or fragment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum InputKind {
    /// Decide from the content ([`super::html::looks_like_html`]).
    Auto,
    /// Plain text (pasted text, .txt files).
    #[default]
    Text,
    /// HTML (saved web pages, .html/.htm files, clipboard `text/html`).
    Html,
}

/// Text decoded from bytes, with what was seen on the way.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Decoded {
    pub text: String,
    /// "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", "Big5".
    pub encoding: &'static str,
    /// Byte sequences that fit no encoding and were replaced by U+FFFD.
    pub replaced: usize,
    /// The bytes look like a binary file (NUL bytes, many control characters).
    pub binary: bool,
    /// The encoding an HTML page declares, as the standard names it ("GBK", "UTF-8"…),
    /// whether or not it was followed.
    pub declared: Option<&'static str>,
}

/// Decode a file's bytes as text.
pub fn decode(bytes: &[u8]) -> Decoded {
    let binary = looks_binary(bytes);
    if let Some(d) = decode_bom(bytes, binary) {
        return d;
    }
    decode_by_content(bytes, binary, None)
}

/// Decode the bytes of an HTML page: a BOM, else the bytes if they are UTF-8, else the
/// Chinese encoding the page declares, else GB18030, else the least damaging reading.
pub fn decode_html(bytes: &[u8]) -> Decoded {
    let binary = looks_binary(bytes);
    let declared = super::html::declared_encoding(bytes);
    let mut d = match decode_bom(bytes, binary) {
        Some(d) => d,
        None => {
            let follow = declared.filter(|e| [GBK, GB18030, BIG5].contains(e));
            decode_by_content(bytes, binary, follow)
        }
    };
    d.declared = declared.map(Encoding::name);
    d
}

fn decode_bom(bytes: &[u8], binary: bool) -> Option<Decoded> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(utf8_lossy(rest, binary));
    }
    let enc = if bytes.starts_with(b"\xFF\xFE") {
        UTF_16LE
    } else if bytes.starts_with(b"\xFE\xFF") {
        UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_with_bom_removal(bytes.get(2..).unwrap_or(&[]));
    Some(Decoded {
        replaced: if had_errors {
            count_replacements(&text)
        } else {
            0
        },
        text: text.into_owned(),
        encoding: enc.name(),
        binary: false,
        declared: None,
    })
}

/// UTF-8 if valid; else `declared` (lossy) when given; else GB18030 if it decodes cleanly;
/// else whichever of UTF-8 and GB18030 the bytes fit better, with the damage counted.
fn decode_by_content(bytes: &[u8], binary: bool, declared: Option<&'static Encoding>) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            replaced: 0,
            binary,
            declared: None,
        };
    }
    if let Some(enc) = declared {
        return lossy(enc, bytes, binary);
    }
    if !binary {
        if let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            return Decoded {
                text: text.into_owned(),
                encoding: "GB18030",
                replaced: 0,
                binary,
                declared: None,
            };
        }
    }
    // Neither fits. Text that is mostly UTF-8 has many valid multi-byte characters among
    // its damaged ones; GBK text is almost never valid UTF-8, so it has next to none.
    let utf8 = utf8_lossy(bytes, binary);
    if binary {
        return utf8;
    }
    let valid_multibyte = utf8
        .text
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{FFFD}')
        .count();
    if valid_multibyte >= utf8.replaced {
        return utf8;
    }
    let gb = lossy(GB18030, bytes, binary);
    if gb.replaced < utf8.replaced {
        gb
    } else {
        utf8
    }
}

fn lossy(enc: &'static Encoding, bytes: &[u8], binary: bool) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        replaced: if had_errors {
            count_replacements(&text)
        } else {
            0
        },
        text: text.into_owned(),
        encoding: if enc == GB18030 {
            "GB18030"
        } else {
            enc.name()
        },
        binary,
        declared: None,
    }
}

fn utf8_lossy(bytes: &[u8], binary: bool) -> Decoded {
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
        declared: None,
    }
}

fn count_replacements(s: &str) -> usize {
    s.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// NUL bytes, or more than 1 in 20 bytes being control characters other than white space.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
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
