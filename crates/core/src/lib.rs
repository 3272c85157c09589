//! gouji-core: read a 政府信息公开工作年度报告 (government information disclosure annual
//! report), extract its tables, and check every rule of the catalogue.
//!
//! Text (or bytes) in, a [`Report`] out: template, year, agency, the tables with every cell's
//! source span, and the findings. No IO, no platform APIs; the same code runs natively in the
//! `gouji` command and as WebAssembly in the browser.
//!
//! ```
//! let report = gouji_core::check("一、总体情况\n本机关今年没有表格。");
//! assert_eq!(report.template, gouji_core::Template::Unknown);
//! assert!(report.findings.iter().any(|f| f.code == "S101"));
//! ```

pub mod across;
pub mod explain;
pub mod extract;
pub mod ingest;
pub mod json;
pub mod names;
pub mod repair;
pub mod report;
pub mod rules;
pub mod schema;
pub mod table;

pub use ingest::InputKind;
pub use repair::{Change, Repair};
pub use report::{Finding, Report, Severity, Span};
pub use schema::{TableKind, Template};
pub use table::{Cell, Row, Table, Tables, Value};

/// A report read from bytes: the text that was read (every span points into it) and the
/// report. For HTML input the text is the page rendered as a browser would copy it (see
/// [`ingest::html`]), so spans point into that rendering, not into the HTML source.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub text: String,
    pub report: Report,
}

/// A report's input read as text, before extraction: the text every span will point into,
/// and what the input was. Reading (decoding, rendering HTML, extracting a PDF's or a Word
/// file's text) is the costly, dependency-heavy half of checking bytes; a `Read` can be made
/// in one place (the web app's reader worker, built with the readers) and checked in another
/// (the page, built without them) by [`check_read`]. Serialisable both ways for that.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Read {
    pub text: String,
    pub input: extract::InputFacts,
}

/// The largest input the core reads, in bytes (64 MiB). The text of an annual report is
/// 10 KB to 1 MB, a saved page a few hundred KB, a PDF with its fonts and images a few MB
/// and rarely a few tens of MB. Anything larger is not a report this tool can read, and
/// reading it would hold the page (or the command) for many seconds and hundreds of MB of
/// memory for nothing. Larger input is not read at all: the report is empty, with an S101
/// finding naming the input's size and this limit ([`ingest::FileProblem::OverLimit`]).
/// The web app and the command check a file's size against it before reading the file.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// What is read of an input beyond [`MAX_INPUT_BYTES`]: nothing; S101 says why.
fn over_limit(bytes: usize, format: ingest::Format, kind: InputKind) -> Read {
    let input = extract::InputFacts {
        bytes,
        encoding: String::new(),
        format,
        kind,
        problem: Some(ingest::FileProblem::OverLimit { bytes }),
        ..Default::default()
    };
    Read {
        text: String::new(),
        input,
    }
}

/// Check a report given as text. Text beyond [`MAX_INPUT_BYTES`] is not read (S101 says so).
pub fn check(text: &str) -> Report {
    if text.len() > MAX_INPUT_BYTES {
        return check_read(over_limit(
            text.len(),
            ingest::Format::Text,
            InputKind::Text,
        ))
        .report;
    }
    let input = extract::InputFacts {
        bytes: text.len(),
        encoding: "UTF-8".to_string(),
        text_bytes: text.len(),
        ..Default::default()
    };
    check_with(text, input)
}

/// Check what was read ([`read_bytes_as`], [`read_html_str`], or the same run elsewhere).
pub fn check_read(read: Read) -> Checked {
    let report = check_with(&read.text, read.input);
    Checked {
        text: read.text,
        report,
    }
}

/// Check a report given as the bytes of a file, of any kind the core reads, told apart by
/// the bytes, not a file name: text in UTF-8 with or without BOM, UTF-16 with BOM, or
/// GB18030/GBK/GB2312; an HTML page (its declared encoding honoured, see
/// [`ingest::html::looks_like_html`]); a PDF with a text layer (feature `pdf`); a Word .docx
/// (feature `docx`). `Checked::text` is the text the report was read from (for HTML, PDF or
/// Word, the text rendered or extracted from it); every span points into it. A file that
/// cannot be read (an encrypted or scanned PDF, an old .doc, a damaged file) gets an S101
/// finding that says why; `report.facts.input` tells the format and the problem. Bytes
/// beyond [`MAX_INPUT_BYTES`] are not read.
pub fn check_bytes(bytes: &[u8]) -> Checked {
    check_bytes_as(bytes, InputKind::Auto)
}

/// Check the bytes of an HTML page or fragment (a saved .html/.htm file), whatever its
/// content looks like.
pub fn check_html(bytes: &[u8]) -> Checked {
    check_bytes_as(bytes, InputKind::Html)
}

/// Check HTML that is already text, such as the clipboard's `text/html`: no decoding, and
/// any charset the markup declares is ignored.
pub fn check_html_str(html: &str) -> Checked {
    check_read(read_html_str(html))
}

/// Check bytes read as the given kind of input; [`InputKind::Auto`] decides from the
/// content. Bytes beyond [`MAX_INPUT_BYTES`] are not read (S101 says so).
pub fn check_bytes_as(bytes: &[u8], kind: InputKind) -> Checked {
    check_read(read_bytes_as(bytes, kind))
}

/// Read HTML that is already text (the clipboard's `text/html`) as [`check_html_str`] does.
pub fn read_html_str(html: &str) -> Read {
    if html.len() > MAX_INPUT_BYTES {
        return over_limit(html.len(), ingest::Format::Text, InputKind::Html);
    }
    let d = ingest::Decoded {
        text: html.to_string(),
        encoding: "UTF-8",
        ..Default::default()
    };
    read_decoded(d, html.len(), InputKind::Html)
}

/// Read bytes as [`check_bytes_as`] does, without checking them.
pub fn read_bytes_as(bytes: &[u8], kind: InputKind) -> Read {
    if bytes.len() > MAX_INPUT_BYTES {
        return over_limit(bytes.len(), ingest::sniff(bytes), kind);
    }
    // PDF and Word files are told by their bytes, whatever the caller guessed.
    if kind != InputKind::Html && ingest::sniff(bytes) != ingest::Format::Text {
        let f = ingest::file::read(bytes);
        let input = extract::InputFacts {
            bytes: bytes.len(),
            encoding: f.encoding.to_string(),
            replaced: f.replaced,
            binary: f.binary,
            format: f.format,
            problem: f.problem,
            text_bytes: f.text.len(),
            ..Default::default()
        };
        return Read {
            text: f.text,
            input,
        };
    }
    let kind = match kind {
        InputKind::Auto => {
            // After a UTF-16 BOM the markup is not ASCII bytes: look at the decoded text.
            let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
            let html = if utf16 {
                ingest::html::looks_like_html(ingest::decode(bytes).text.as_bytes())
            } else {
                ingest::html::looks_like_html(bytes)
            };
            if html {
                InputKind::Html
            } else {
                InputKind::Text
            }
        }
        k => k,
    };
    let d = match kind {
        InputKind::Html => ingest::decode_html(bytes),
        _ => ingest::decode(bytes),
    };
    read_decoded(d, bytes.len(), kind)
}

fn read_decoded(d: ingest::Decoded, bytes: usize, kind: InputKind) -> Read {
    let mut input = extract::InputFacts {
        bytes,
        encoding: d.encoding.to_string(),
        replaced: d.replaced,
        binary: d.binary,
        kind,
        declared: d.declared.map(str::to_string),
        ..Default::default()
    };
    // Binary bytes are not parsed as a page: there is no page in them to render.
    let text = if kind == InputKind::Html && !d.binary {
        let r = ingest::html::render(&d.text);
        input.truncated = r.truncated;
        input.too_deep = r.too_deep;
        r.text
    } else {
        d.text
    };
    input.text_bytes = text.len();
    Read { text, input }
}

/// Whether this build reads PDF files (cargo feature `pdf`). Without it a PDF gets an S101
/// finding saying so; an app may load a build that has it when a PDF is dropped
/// (see [`ingest::sniff`]).
pub const READS_PDF: bool = cfg!(feature = "pdf");

/// Whether this build reads Word .docx files (cargo feature `docx`).
pub const READS_DOCX: bool = cfg!(feature = "docx");

fn check_with(text: &str, input: extract::InputFacts) -> Report {
    let (template, tables, facts) = extract::extract(text, &input);
    let mut report = Report {
        template,
        year: facts.meta.year(),
        agency: facts.meta.agency.clone(),
        tables,
        findings: Vec::new(),
        repair: None,
        facts,
    };
    report.findings = rules::run(&report);
    report.repair = repair::for_report(&report);
    report
}
