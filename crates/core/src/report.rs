//! What checking a report produces: the extracted model and its findings, as plain data.
//! Rendering (text, JSON, highlights) happens at the edges.

use serde::ser::Serializer;
use serde::Serialize;

use crate::schema::Template;
pub use crate::span::Span;
use crate::table::{serialize_number, Tables};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// One thing the checker has to say about a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// What the finding is about: `report`, a table, `requests/row/new`, `requests/col/total`,
    /// `appeals/review`, a cell path…
    pub subject: String,
    /// In Chinese, showing both sides of the equation where there is one.
    pub message: String,
    /// Paths (`table/row/col`) of the cells involved.
    pub cells: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub expected: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub actual: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where in the input the finding points (cells, labels, sentences).
    pub spans: Vec<Span>,
}

fn opt_number<S: Serializer>(n: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) => serialize_number(*n, s),
        None => s.serialize_none(),
    }
}

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity,
            subject: subject.into(),
            message: message.into(),
            cells: Vec::new(),
            expected: None,
            actual: None,
            quote: None,
            spans: Vec::new(),
        }
    }

    pub fn cells(mut self, cells: Vec<String>) -> Self {
        self.cells = cells;
        self
    }

    pub fn values(mut self, expected: f64, actual: f64) -> Self {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }

    pub fn quote(mut self, quote: impl Into<String>) -> Self {
        self.quote = Some(quote.into());
        self
    }

    pub fn spans(mut self, spans: impl IntoIterator<Item = Span>) -> Self {
        self.spans.extend(spans);
        self
    }
}

/// A report read and checked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub template: Template,
    pub year: Option<i32>,
    pub agency: Option<String>,
    pub tables: Tables,
    pub findings: Vec<Finding>,
    /// The smallest set of cell changes that makes every A and R equation hold (`None` when
    /// the report has no national requests or appeals table). JSON shows it as `repair` (the
    /// chosen changes) followed by `repair_count`, `repair_alternatives`, `repair_certain`
    /// and `repair_exhausted`; nothing when `None`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub repair: Option<crate::repair::Repair>,
    /// What extraction saw beyond the tables; rules read it, JSON does not show it.
    #[serde(skip)]
    pub facts: crate::extract::Facts,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The worst severity among the findings that involve a cell path.
    pub fn cell_severity(&self, path: &str) -> Option<Severity> {
        self.findings
            .iter()
            .filter(|f| f.cells.iter().any(|c| c == path))
            .map(|f| f.severity)
            .max()
    }
}
