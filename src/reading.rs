//! What the page can read: the one place that says which kinds of file go to
//! [`gouji_core::check_bytes`] and what the page tells the user about the others, and what a
//! paste does with the clipboard's `text/html`.
//!
//! Every file the page reads, one at a time or in a batch, becomes a report through
//! [`read_file`] and nowhere else; the callers never look at how.
//!
//! When the core learns to read a kind of document, add it to [`READ_BY_CORE`] (and, for
//! HTML, set [`PASTE_HTML`]): nothing else in the app needs to change.
//!
//! Reading is done by the core's readers ([`gouji_core::read_bytes_as`]), which the page's own
//! WebAssembly does not carry: [`read_file`] and [`read_html`] hand the bytes to the reader
//! worker (crates/reader, started by `src/reader.js` the first time there is something to
//! read) and get back a [`Read`], which the state checks with [`gouji_core::check_read`].
//! Built with the cargo feature `inline-readers` (the one-file offline page, where a worker
//! cannot be started from disk), the page reads in place instead.

use gouji_core::{InputKind, Read};

use gouji_core::{Checked, Report};

/// What a file is, judged from its content first and its name second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text (any encoding the core decodes: UTF-8, UTF-16 with BOM, GB18030/GBK).
    Text,
    /// A saved web page or fragment (.html, .htm, or markup content).
    Html,
    /// A PDF file.
    Pdf,
    /// A Word document (.docx), or another zip container (the core says when it holds no
    /// Word document).
    Docx,
    /// An old binary Word document (.doc) or other Office file.
    Doc,
}

/// The kinds the core reads as what they are: text, HTML (rendered as a browser copies it,
/// tables as TAB-separated rows), PDF and Word .docx (the core extracts their text). The page
/// shows that text, which the report's spans point into. An old .doc goes to the core too: it
/// recognises the format and says in S101 why it cannot read it, and the page shows that.
/// Any other kind would be refused with a word from [`note`].
pub const READ_BY_CORE: &[FileKind] = &[
    FileKind::Text,
    FileKind::Html,
    FileKind::Pdf,
    FileKind::Docx,
    FileKind::Doc,
];

/// Whether a paste whose clipboard holds `text/html` goes through the core's HTML reading
/// ([`gouji_core::check_html_str`]) when it replaces the whole box; the box then shows the
/// page's text as the core renders it. Without `text/html` (or when the paste goes into the
/// middle of the text), the textarea receives the clipboard's plain text, the browser's default.
pub const PASTE_HTML: bool = true;

impl FileKind {
    /// What the file is, from its first bytes, then its name's extension.
    pub fn sniff(name: &str, bytes: &[u8]) -> FileKind {
        let head = &bytes[..bytes.len().min(1024)];
        if head.starts_with(b"%PDF-") {
            return FileKind::Pdf;
        }
        if head.starts_with(b"PK\x03\x04") {
            // A zip: a .docx, or .xlsx, .odt…, which the core recognises and explains.
            return FileKind::Docx;
        }
        if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            return FileKind::Doc;
        }
        if looks_like_markup(head) {
            return FileKind::Html;
        }
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" | "shtml" | "mht" | "mhtml" => FileKind::Html,
            "pdf" => FileKind::Pdf,
            "docx" | "xlsx" | "odt" | "wps" => FileKind::Docx,
            "doc" | "xls" => FileKind::Doc,
            _ => FileKind::Text,
        }
    }

    /// Whether the core reads this kind as what it is.
    pub fn read_by_core(self) -> bool {
        READ_BY_CORE.contains(&self)
    }

    /// Whether the bytes are worth checking at all: text-like kinds are, and every kind the
    /// core reads or explains.
    pub fn worth_checking(self) -> bool {
        self.read_by_core() || matches!(self, FileKind::Text | FileKind::Html)
    }
}

/// A file's bytes read and checked here and now, with the readers linked into this build
/// (native tests): what [`read_file`] and [`gouji_core::check_read`] give together.
pub fn check_now(name: &str, bytes: &[u8]) -> Checked {
    gouji_core::check_bytes_as(bytes, input_kind(FileKind::sniff(name, bytes)))
}

/// Why the core could not read a file at all (an old .doc, an encrypted or scanned PDF, a
/// damaged file), in its own words (S101); `None` when it read some text.
pub fn why_unreadable(checked: &Checked) -> Option<&str> {
    if !checked.text.trim().is_empty() || checked.report.facts.input.problem.is_none() {
        return None;
    }
    Some(
        checked
            .report
            .findings
            .iter()
            .find(|f| f.code == "S101")
            .map_or("这个文件无法读取。", |f| f.message.as_str()),
    )
}

impl FileKind {
    /// What a file was, as the core read it.
    pub fn of_report(report: &Report) -> FileKind {
        use gouji_core::ingest::Format;
        let input = &report.facts.input;
        match input.format {
            Format::Pdf => FileKind::Pdf,
            Format::Docx | Format::Zip => FileKind::Docx,
            Format::OldOffice => FileKind::Doc,
            Format::Text if input.kind == gouji_core::InputKind::Html => FileKind::Html,
            Format::Text => FileKind::Text,
        }
    }
}

/// What the page says about a file of this kind, when there is something to say before the
/// core has read it.
pub fn note(kind: FileKind) -> Option<&'static str> {
    if kind.read_by_core() {
        return None;
    }
    match kind {
        // Read by the core, which explains in S101 when it cannot read one.
        FileKind::Text | FileKind::Html | FileKind::Pdf | FileKind::Docx | FileKind::Doc => None,
    }
}

/// `<!doctype html`, `<html`, `<table`, `<meta`, `<body`, `<div`, `<p>` near the start,
/// after any BOM and white space, in ASCII case-insensitively.
fn looks_like_markup(head: &[u8]) -> bool {
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = start.trim_ascii_start();
    if !start.starts_with(b"<") {
        return false;
    }
    let lower: Vec<u8> = start.iter().take(256).map(u8::to_ascii_lowercase).collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<meta",
        b"<body",
        b"<table",
        b"<div",
        b"<p>",
        b"<p ",
        b"<!--",
    ]
    .iter()
    .any(|tag| lower.starts_with(tag))
}

/// A size for people: "812 字节", "12.3 KB", "1.2 MB".
pub fn size_zh(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} 字节")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// A file, read: what the page knows of it and the text the readers made of it (or why
/// they could not).
#[derive(Clone, Debug, PartialEq)]
pub struct FileRead {
    pub name: String,
    pub size: usize,
    pub kind: FileKind,
    pub read: Result<Read, String>,
}

/// How the readers are to read a file of this kind: a file named or looking like a web page
/// as HTML whatever its content (a fragment may not start with markup), anything else as its
/// bytes say.
pub fn input_kind(kind: FileKind) -> InputKind {
    match kind {
        FileKind::Html => InputKind::Html,
        _ => InputKind::Auto,
    }
}

/// Reads a file here and now, with the readers linked into this build (native tests, and the
/// one-file page).
pub fn read_now(name: impl Into<String>, bytes: &[u8]) -> FileRead {
    let name = name.into();
    let kind = FileKind::sniff(&name, bytes);
    FileRead {
        read: Ok(gouji_core::read_bytes_as(bytes, input_kind(kind))),
        size: bytes.len(),
        kind,
        name,
    }
}

/// Reads a file: in the reader worker (loaded the first time), or in place with the feature
/// `inline-readers`. A worker that cannot be started or fails gives `Err` with why.
pub async fn read_file(name: String, bytes: Vec<u8>) -> FileRead {
    #[cfg(all(target_arch = "wasm32", not(feature = "inline-readers")))]
    {
        let kind = FileKind::sniff(&name, &bytes);
        let kind_name = match input_kind(kind) {
            InputKind::Html => "html",
            _ => "auto",
        };
        let size = bytes.len();
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        drop(bytes);
        let read = worker::answer(worker::read_bytes(array, kind_name)).await;
        FileRead {
            name,
            size,
            kind,
            read,
        }
    }
    #[cfg(not(all(target_arch = "wasm32", not(feature = "inline-readers"))))]
    {
        read_now(name, &bytes)
    }
}

/// Reads the clipboard's `text/html` as a page (see [`PASTE_HTML`]).
pub async fn read_html(html: String) -> Result<Read, String> {
    #[cfg(all(target_arch = "wasm32", not(feature = "inline-readers")))]
    {
        worker::answer(worker::read_html(&html)).await
    }
    #[cfg(not(all(target_arch = "wasm32", not(feature = "inline-readers"))))]
    {
        Ok(gouji_core::read_html_str(&html))
    }
}

/// 对照查看: the passages two reports' prose share, marked, from the reader worker (which
/// carries the diff), or in place with the feature `inline-readers`.
pub async fn compare_prose(
    report: &gouji_core::extract::prose::Prose,
    other: &gouji_core::extract::prose::Prose,
) -> Result<gouji_core::similarity::Marked, String> {
    #[derive(serde::Serialize)]
    struct Request<'a> {
        report: &'a gouji_core::extract::prose::Prose,
        other: &'a gouji_core::extract::prose::Prose,
    }
    let request = serde_json::to_string(&Request { report, other }).unwrap_or_default();
    #[cfg(all(target_arch = "wasm32", not(feature = "inline-readers")))]
    {
        worker::answer(worker::compare_prose(&request)).await
    }
    #[cfg(feature = "inline-readers")]
    {
        serde_json::from_str(&gouji_reader::compare_prose(&request))
            .map_err(|_| "比对结果无法识别".to_string())
    }
    #[cfg(not(any(target_arch = "wasm32", feature = "inline-readers")))]
    {
        drop(request);
        Err("此版本不能对照查看（比对在网页的读取器中进行）".to_string())
    }
}

/// The page's side of the reader worker: `src/reader.js` starts it, numbers the requests and
/// hands back each answer as the JSON of a [`Read`] (or of a [`gouji_core::similarity::Marked`]).
#[cfg(all(target_arch = "wasm32", not(feature = "inline-readers")))]
mod worker {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen(module = "/src/reader.js")]
    extern "C" {
        #[wasm_bindgen(js_name = readBytes)]
        pub fn read_bytes(bytes: js_sys::Uint8Array, kind: &str) -> js_sys::Promise;
        #[wasm_bindgen(js_name = readHtml)]
        pub fn read_html(html: &str) -> js_sys::Promise;
        #[wasm_bindgen(js_name = compareProse)]
        pub fn compare_prose(request: &str) -> js_sys::Promise;
    }

    /// The worker's answer, or why there is none, in Chinese.
    pub async fn answer<T: serde::de::DeserializeOwned>(
        promise: js_sys::Promise,
    ) -> Result<T, String> {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(json) => {
                let json = json.as_string().unwrap_or_default();
                serde_json::from_str(&json)
                    .map_err(|_| "读取器返回的结果无法识别，请刷新页面后重试".to_string())
            }
            Err(error) => {
                let why = error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| error.as_string())
                    .unwrap_or_default();
                Err(format!("读取器出错（{why}），请刷新页面后重试"))
            }
        }
    }
}
