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
        replaced: 0,
        binary: false,
    };
    check_with(text, input)
}

/// Check a report given as the bytes of a file: UTF-8 with or without BOM, UTF-16 with BOM,
/// or GB18030/GBK/GB2312.
pub fn check_bytes(bytes: &[u8]) -> Checked {
    let d = ingest::decode(bytes);
    let input = extract::InputFacts {
        bytes: bytes.len(),
        encoding: d.encoding,
        replaced: d.replaced,
        binary: d.binary,
    };
    let report = check_with(&d.text, input);
    Checked {
        text: d.text,
        report,
    }
}

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
