//! gouji-reader: the web app's reader, run in a Web Worker that the page starts the first time
//! it has a file (or the clipboard's HTML) to read.
//!
//! Reading is the heavy half of checking bytes: the HTML parser, the Chinese legacy encodings,
//! the PDF and Word readers are most of the core's code by size and none of it is needed to
//! check text typed or pasted into the page. So the page's own WebAssembly carries only the
//! checker, and this module carries the readers: bytes in, a [`gouji_core::Read`] (the text
//! every span will point into, and what the input was) out, as JSON, which the page checks
//! with [`gouji_core::check_read`]. The result is exactly what [`gouji_core::check_bytes_as`]
//! gives (tested in the core).
//!
//! It also marks the passages two reports' prose share for the side-by-side view (对照查看,
//! [`compare`]), with the `similar` diff crate, which the page's first download does not carry.
//!
//! The worker's script is `static/reader.js`; the page's side is `src/reader.js` with
//! `src/reading.rs`.

use gouji_core::{read_bytes_as, read_html_str, InputKind, Read};
use wasm_bindgen::prelude::*;

pub mod compare;

/// How the page asks for bytes to be read: `"html"` for a file named or looking like a web
/// page (read as HTML whatever its content), anything else to be told by the bytes.
pub fn kind(name: &str) -> InputKind {
    match name {
        "html" => InputKind::Html,
        _ => InputKind::Auto,
    }
}

/// Reads a file's bytes; `kind` as in [`kind`]. JSON of a [`gouji_core::Read`].
#[wasm_bindgen(js_name = readBytes)]
pub fn read_bytes(bytes: &[u8], kind_name: &str) -> String {
    to_json(&read_bytes_as(bytes, kind(kind_name)))
}

/// Reads the clipboard's `text/html`. JSON of a [`gouji_core::Read`].
#[wasm_bindgen(js_name = readHtml)]
pub fn read_html(html: &str) -> String {
    to_json(&read_html_str(html))
}

/// 对照查看: `{"report": Prose, "other": Prose}` (JSON of two
/// [`gouji_core::extract::prose::Prose`]) in, the JSON of a
/// [`gouji_core::similarity::Marked`] out (no sections for a request that does not parse).
#[wasm_bindgen(js_name = compareProse)]
pub fn compare_prose(request: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Request {
        report: gouji_core::extract::prose::Prose,
        other: gouji_core::extract::prose::Prose,
    }
    let marked = serde_json::from_str::<Request>(request)
        .map(|r| compare::mark(&r.report, &r.other))
        .unwrap_or_default();
    serde_json::to_string(&marked).unwrap_or_else(|_| String::from("{\"sections\":[]}"))
}

fn to_json(read: &Read) -> String {
    // A Read is strings, numbers and enums: serialising it cannot fail. Were it ever to, the
    // page gets an empty Read, which it reports as a file with no text in it.
    serde_json::to_string(read).unwrap_or_else(|_| String::from("{}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_here_check_as_the_core_checks_them() {
        let page = "<table><tr><td>二、主动公开政府信息情况</td></tr></table>".as_bytes();
        for (name, kind) in [("html", InputKind::Html), ("auto", InputKind::Auto)] {
            let read: Read = serde_json::from_str(&read_bytes(page, name)).unwrap_or_default();
            assert_eq!(
                gouji_core::check_read(read),
                gouji_core::check_bytes_as(page, kind),
                "{name}"
            );
        }
    }

    #[test]
    fn clipboard_html_reads_as_the_core_reads_it() {
        let html = "<p>本年新收政府信息公开申请数量</p><table><tr><td>1</td></tr></table>";
        let read: Read = serde_json::from_str(&read_html(html)).unwrap_or_default();
        assert_eq!(read, read_html_str(html));
        assert!(read.text.contains("本年新收"), "{:?}", read.text);
    }
}
