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
pub mod equations;
pub mod explain;
pub mod extract;
pub mod indicators;
pub mod ingest;
pub mod json;
pub mod names;
pub mod repair;
pub mod report;
pub mod roster;
pub mod rules;
pub mod schema;
pub mod similarity;
pub mod span;
pub mod table;

pub use ingest::InputKind;
pub use repair::{Change, Repair};
pub use report::{Certainty, Concern, Finding, Report, Review, ReviewState, Severity};
pub use schema::{TableKind, Template};
pub use span::Span;
pub use table::{Cell, Row, Table, Tables, Value};

/// A report read from bytes: the text that was read (every span points into it) and the
/// report. For HTML input the text is the page rendered as a browser would copy it (see
/// [`ingest::html`]), so spans point into that rendering, not into the HTML source.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub text: String,
    pub report: Report,
}

pub use ingest::read::{read_bytes_as, read_html_str, Read, MAX_INPUT_BYTES};

/// Check a report given as text. Text beyond [`MAX_INPUT_BYTES`] is not read (S101 says so).
pub fn check(text: &str) -> Report {
    match ingest::read::text_facts(text) {
        Ok(input) => check_with(text, input),
        Err(over) => check_read(*over).report,
    }
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

/// Whether this build reads PDF files (cargo feature `pdf`). Without it a PDF gets an S101
/// finding saying so; an app may load a build that has it when a PDF is dropped
/// (see [`ingest::sniff`]).
pub const READS_PDF: bool = cfg!(feature = "pdf");

/// Whether this build reads Word .docx files (cargo feature `docx`).
pub const READS_DOCX: bool = cfg!(feature = "docx");

fn check_with(text: &str, input: ingest::InputFacts) -> Report {
    let (template, tables, facts) = extract::extract(text, &input);
    let year = facts.meta.year();
    let mut report = Report {
        template,
        year,
        agency: facts.meta.agency.clone(),
        published: facts.published.clone(),
        deadline: extract::deadline::deadline(facts.meta.agency.as_deref(), year),
        indicators: indicators::of(&tables, template, facts.single_other),
        tables,
        findings: Vec::new(),
        repair: None,
        facts,
    };
    report.findings = rules::run(&report);
    if report.template.is_national() {
        // A misread table (S104) takes no part: its equations are not checked either.
        let (template, single) = (report.template, report.facts.single_other);
        let reliable = |t: &Table| !t.misread(template, single);
        let requests = report.tables.requests.as_ref().filter(|t| reliable(t));
        let appeals = report.tables.appeals.as_ref().filter(|t| reliable(t));
        report.repair = repair::for_tables(requests, appeals, single);
    }
    report
}
