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
pub mod extract;
pub mod ingest;
pub mod repair;
pub mod report;
pub mod rules;
pub mod schema;
pub mod table;

pub use repair::{Change, Repair};
pub use report::{Finding, Report, Severity, Span};
pub use schema::{TableKind, Template};
pub use table::{Cell, Row, Table, Tables, Value};

/// A report read from bytes: the decoded text (every span points into it) and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub text: String,
    pub report: Report,
}

/// Check a report given as text.
pub fn check(text: &str) -> Report {
    let input = extract::InputFacts {
        bytes: text.len(),
        encoding: "UTF-8",
        ..extract::InputFacts::default()
    };
    check_with(text, input)
}

/// Check a report given as the bytes of a file, of any kind the core reads (told apart by
/// the bytes, not a file name): text in UTF-8 with or without BOM, UTF-16 with BOM, or
/// GB18030/GBK/GB2312; a PDF with a text layer (feature `pdf`); a Word .docx (feature
/// `docx`). `Checked::text` is the text the report was read from (for a PDF or Word file,
/// the text extracted from it); every span points into it. A file that cannot be read (an
/// encrypted or scanned PDF, an old .doc, a damaged file) gets an S101 finding that says why;
/// `report.facts.input` tells the format and the problem.
pub fn check_bytes(bytes: &[u8]) -> Checked {
    let f = ingest::file::read(bytes);
    let input = extract::InputFacts {
        bytes: bytes.len(),
        encoding: f.encoding,
        replaced: f.replaced,
        binary: f.binary,
        format: f.format,
        problem: f.problem,
    };
    let report = check_with(&f.text, input);
    Checked {
        text: f.text,
        report,
    }
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
