//! Share links: the report's text, compressed, in the page address's fragment.
//!
//! A link is the page's address followed by `#v1.` and the text compressed with zlib (deflate
//! with a checksum, [`miniz_oxide`]) and written in base64url without padding (RFC 4648 §5).
//! The fragment (after `#`) is never sent to a server: whoever opens the link checks the text
//! in their own browser, exactly as the sender did. `v1` is the version of this format; a
//! later one can change the encoding and still say what an older page cannot read.
//!
//! The link carries the text the page checked (for a PDF, Word file or web page, the text read
//! from it, as the input box shows it), and the page that opens it checks that text.
//!
//! When the sender has marked findings (已核实, 不是问题, 已整改; [`crate::review`]), the link
//! carries those decisions too: `#v2.` and, compressed and written the same way, the text's
//! length in bytes on a line of its own, the text, then the decisions
//! ([`Reviews::to_text`]). A link without decisions stays `v1`, which every page reads; a
//! page older than `v2` says that the link was made by a newer version.
//!
//! The zlib checksum (Adler-32) and the end of the deflate stream let a link that was cut
//! short or altered on its way be told from a good one: it is refused with a message, never
//! shown as half a report.
//!
//! The page compresses with the browser's own zlib (`CompressionStream("deflate")`,
//! [`encode_in_page`]), so that its download carries no compressor: only the inflate half of
//! [`miniz_oxide`], to read links. [`encode`] and [`encode_with`] make the same fragments with
//! miniz's compressor, for the native tests and tools (any zlib stream reads back the same).

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::decompress_to_vec_zlib_with_limit;

use crate::review::Reviews;

/// What starts a share fragment of this format (after the `#`).
pub const PREFIX: &str = "v1.";

/// What starts a share fragment that also carries review decisions.
pub const PREFIX_REVIEWED: &str = "v2.";

/// The longest fragment a link may carry, in characters (≈ bytes: base64url is ASCII).
///
/// Browsers open far longer addresses (Chromium up to 2 MB, Firefox 1 MB), but a link has to
/// survive being pasted into chat tools, mail and office systems, whose limits on a message are
/// much lower and rarely documented; a link of a few tens of kilobytes is already unwieldy
/// there. 32 KiB holds a report text of roughly 50 KB (about 17,000 characters of Chinese,
/// which compresses to a little under half), several times a typical annual report (the
/// reports the project tests with are 6–12 KB of text, 4–7 KB as a fragment). Longer reports
/// are shared as files.
pub const LIMIT_CHARS: usize = 32 * 1024;

/// The longest text a fragment may unpack to. A small fragment can unpack to a very large text
/// (deflate reaches about 1000:1 on repetitive input); nothing longer than this was made by a
/// share button whose fragment fits [`LIMIT_CHARS`] from a real report.
pub const LIMIT_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// How hard to compress: miniz's best ordinary level (10 is much slower for a few bytes).
const LEVEL: u8 = 9;

/// Why a text cannot be shared as a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLarge {
    /// The text's length (UTF-8 bytes).
    pub text_bytes: usize,
    /// The fragment's length it would have had (characters), when it was worked out (not for
    /// a text longer than [`LIMIT_TEXT_BYTES`]).
    pub chars: Option<usize>,
}

impl TooLarge {
    /// What the page says.
    pub fn message(&self) -> String {
        let size = match self.chars {
            Some(chars) => format!("报告文本压缩后仍有约 {} KB", chars.div_ceil(1024)),
            None => format!("报告文本有 {}", crate::reading::size_zh(self.text_bytes)),
        };
        format!(
            "{size}，超过了分享链接 {} KB 的上限（过长的链接在聊天工具、邮件中容易被截断）。\
             请改为直接发送报告文件，或用“导出 JSON”“导出 CSV”保存检查结果。",
            LIMIT_CHARS / 1024
        )
    }
}

/// The fragment (without `#`) that carries `text`, or why it would be too long.
pub fn encode(text: &str) -> Result<String, TooLarge> {
    encode_with(text, &Reviews::default())
}

/// The fragment that carries `text` and the decisions about its findings (`v1` when there are
/// none), or why it would be too long.
pub fn encode_with(text: &str, reviews: &Reviews) -> Result<String, TooLarge> {
    fits(text)?;
    let (prefix, payload) = payload(text, reviews);
    finish(prefix, text, &compress_to_vec_zlib(&payload, LEVEL))
}

/// A text this long never fits: it is not compressed at all.
fn fits(text: &str) -> Result<(), TooLarge> {
    if text.len() > LIMIT_TEXT_BYTES {
        return Err(TooLarge {
            text_bytes: text.len(),
            chars: None,
        });
    }
    Ok(())
}

/// The fragment of a compressed payload, or why it is too long.
fn finish(prefix: &str, text: &str, packed: &[u8]) -> Result<String, TooLarge> {
    let fragment = format!("{prefix}{}", base64url(packed));
    if fragment.len() > LIMIT_CHARS {
        return Err(TooLarge {
            text_bytes: text.len(),
            chars: Some(fragment.len()),
        });
    }
    Ok(fragment)
}

/// What a fragment packs (before compression): the text alone (`v1`), or with the decisions.
fn payload(text: &str, reviews: &Reviews) -> (&'static str, Vec<u8>) {
    if reviews.is_empty() {
        (PREFIX, text.as_bytes().to_vec())
    } else {
        let packed = format!("{}\n{text}{}", text.len(), reviews.to_text());
        (PREFIX_REVIEWED, packed.into_bytes())
    }
}

/// As [`encode_with`], compressed by the browser (the page's share button); why not, in
/// Chinese.
pub async fn encode_in_page(text: &str, reviews: &Reviews) -> Result<String, String> {
    fits(text).map_err(|e| e.message())?;
    let (prefix, payload) = payload(text, reviews);
    let packed = browser_zlib::deflate(&payload)
        .await
        .map_err(|()| "这个浏览器不能压缩文本，未能生成链接。请改用新版浏览器。".to_string())?;
    finish(prefix, text, &packed).map_err(|e| e.message())
}

/// The browser's zlib: `CompressionStream("deflate")` writes the zlib format (RFC 1950).
mod browser_zlib {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    #[wasm_bindgen]
    extern "C" {
        type CompressionStream;
        #[wasm_bindgen(constructor, catch)]
        fn new(format: &str) -> Result<CompressionStream, JsValue>;
        #[wasm_bindgen(method, getter)]
        fn readable(this: &CompressionStream) -> web_sys::ReadableStream;
        #[wasm_bindgen(method, getter)]
        fn writable(this: &CompressionStream) -> web_sys::WritableStream;
    }

    /// `bytes` compressed, or `Err` when the browser cannot.
    pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, ()> {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(drop)?;
        let zlib = CompressionStream::new("deflate").map_err(drop)?;
        let pair = web_sys::ReadableWritablePair::new(&zlib.readable(), &zlib.writable());
        let stream = blob.stream().pipe_through(&pair);
        let response =
            web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(drop)?;
        let buffer = JsFuture::from(response.array_buffer().map_err(drop)?)
            .await
            .map_err(drop)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// What an address's fragment holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fragment {
    /// No fragment, or one that is not a share link (left alone).
    None,
    /// A share link's text.
    Text(String),
    /// A share link that cannot be read: why, in Chinese.
    Bad(String),
}

/// Whether a fragment (with or without its `#`) is a share link of any version: `v` and a
/// number, then a dot.
pub fn is_share(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .strip_prefix('v')
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads a fragment, with or without its `#`.
pub fn decode(fragment: &str) -> Fragment {
    decode_all(fragment).0
}

/// The review decisions a fragment carries (none for a `v1` link or anything else).
pub fn reviews(fragment: &str) -> Reviews {
    decode_all(fragment).1
}

fn decode_all(fragment: &str) -> (Fragment, Reviews) {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (data, prefix, reviewed) = if let Some(data) = fragment.strip_prefix(PREFIX) {
        (data, PREFIX, false)
    } else if let Some(data) = fragment.strip_prefix(PREFIX_REVIEWED) {
        (data, PREFIX_REVIEWED, true)
    } else {
        // `v3.`, `v10.`…: a share link of a later format.
        let read = if is_share(fragment) {
            Fragment::Bad(
                "这个分享链接由更新版本的勾稽生成，本页面无法读取。请用最新版本的页面打开它。"
                    .to_string(),
            )
        } else {
            Fragment::None
        };
        return (read, Reviews::default());
    };
    let bytes = match unpack(data, prefix) {
        Ok(bytes) => bytes,
        Err(why) => return (Fragment::Bad(why), Reviews::default()),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return (Fragment::Bad(bad("链接的内容不是文字")), Reviews::default());
    };
    if !reviewed {
        return (Fragment::Text(text), Reviews::default());
    }
    // The text's length, a line break, the text, the decisions.
    let split = text.split_once('\n').and_then(|(n, rest)| {
        let n: usize = n.parse().ok()?;
        let body = rest.get(..n)?;
        Some((body.to_string(), Reviews::from_text(&rest[n..])))
    });
    let Some((text, reviews)) = split else {
        return (
            Fragment::Bad(bad("链接的内容不完整或被改动过")),
            Reviews::default(),
        );
    };
    (Fragment::Text(text), reviews)
}

/// The bytes a fragment's data (after its prefix) packs, or why they cannot be had.
fn unpack(data: &str, prefix: &str) -> Result<Vec<u8>, String> {
    // A link wrapped onto several lines in a mail keeps its characters.
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    if data.is_empty() {
        return Err(bad(&format!("链接在“#{prefix}”之后没有内容")));
    }
    if data.len() > LIMIT_CHARS {
        return Err(bad("链接超出了分享链接的长度上限"));
    }
    let Some(packed) = unbase64url(&data) else {
        return Err(bad("链接中含有不属于分享链接的字符"));
    };
    decompress_to_vec_zlib_with_limit(&packed, LIMIT_TEXT_BYTES)
        .map_err(|_| bad("链接的内容不完整或被改动过"))
}

fn bad(why: &str) -> String {
    format!("分享链接无法打开：{why}（可能在复制或转发时被截断）。请向发送者重新索取完整的链接。")
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        // 1 byte → 2 characters, 2 → 3, 3 → 4.
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * k) & 63) as usize]));
        }
    }
    out
}

/// Reads base64url with or without padding; `None` for any other character, or a length no
/// encoder gives.
pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => return None,
            };
            n |= u32::from(v) << (18 - 6 * i);
        }
        for k in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * k)) as u8);
        }
    }
    Some(out)
}
