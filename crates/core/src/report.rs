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

/// What a finding is about: the report's content (its numbers, structure, text), or how the
/// file was read (bytes replaced, a table that could not be read reliably, a row whose
/// values are placed by a guess). Decided for every finding in one place,
/// [`crate::rules::reading`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Concern {
    #[default]
    Content,
    Reading,
}

impl Concern {
    pub fn id(self) -> &'static str {
        match self {
            Concern::Content => "content",
            Concern::Reading => "reading",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Concern::Content => "报告内容",
            Concern::Reading => "文件读取",
        }
    }

    /// One sentence on what it means for a finding, for a label's hover text.
    pub fn note_zh(self) -> &'static str {
        match self {
            Concern::Content => "这条发现说的是报告的内容：数字、结构或文字。",
            Concern::Reading => {
                "这条发现说的是文件如何被读取（字符丢失、表格或行未能可靠读出），不是报告本身的错误。"
            }
        }
    }
}

/// How certain the reading a content finding rests on is: that its cells are the cells the
/// report prints (in their rows and columns), that its sentence is the sentence written.
/// Ordered from the least certain, so that the reading of several cells is their minimum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Columns told by the gaps between values, or values alone on their lines; characters
    /// lost next to them.
    Uncertain,
    /// Cells rebuilt from a PDF's ruling lines; a row placed by a keyword of its label.
    Likely,
    /// Cells of the file's own table structure (HTML, .docx, TAB or pipe separated text).
    Certain,
}

impl Certainty {
    pub fn id(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Likely => "likely",
            Certainty::Uncertain => "uncertain",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Certainty::Certain => "确定",
            Certainty::Likely => "较可靠",
            Certainty::Uncertain => "不确定",
        }
    }

    /// One sentence on why, for a label's hover text and the command's output.
    pub fn note_zh(self) -> &'static str {
        match self {
            Certainty::Certain => "所依据的单元格或句子按文件自身的表格结构和文字读出。",
            Certainty::Likely => {
                "所依据的单元格由 PDF 的表格框线或数值所在的列重建，或行名与模板措辞不同、只按关键词认出；读取大致可靠。"
            }
            Certainty::Uncertain => {
                "所依据的单元格只按空格或先后顺序分列，或同一行有无法识别的字符（�）；这条发现可能是读取造成的，请对照原文核实。"
            }
        }
    }
}

/// What a person decided about a finding (the web app's 审核): the checker never makes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// 已核实: the finding is right; the report needs correcting.
    Verified,
    /// 不是问题: the finding is wrong or does not matter here (the reason says why).
    NotAProblem,
    /// 已整改: the report has been corrected.
    Fixed,
}

impl ReviewState {
    pub const ALL: [ReviewState; 3] = [
        ReviewState::Verified,
        ReviewState::NotAProblem,
        ReviewState::Fixed,
    ];

    /// The identifier in JSON.
    pub fn id(self) -> &'static str {
        match self {
            ReviewState::Verified => "verified",
            ReviewState::NotAProblem => "not_a_problem",
            ReviewState::Fixed => "fixed",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            ReviewState::Verified => "已核实",
            ReviewState::NotAProblem => "不是问题",
            ReviewState::Fixed => "已整改",
        }
    }

    pub fn from_id(id: &str) -> Option<ReviewState> {
        ReviewState::ALL.into_iter().find(|m| m.id() == id)
    }
}

/// A decision about a finding as its JSON shows it: `{"state", "state_zh", "reason"?}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    pub state: ReviewState,
    pub state_zh: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Review {
    pub fn new(state: ReviewState, reason: &str) -> Review {
        let reason = reason.trim();
        Review {
            state,
            state_zh: state.name_zh(),
            reason: (!reason.is_empty()).then(|| reason.to_string()),
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
    /// The report's content, or how the file was read.
    pub concerns: Concern,
    /// For a content finding that rests on cells or sentences read from the file: how
    /// certain that reading is. `None` for a finding about the reading itself, and for one
    /// that rests on nothing read (a missing section, a template that does not fit the year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<Certainty>,
    /// Why the reading is less than certain, in Chinese; `None` when it is certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading_note: Option<&'static str>,
    /// Where in the input the finding points (cells, labels, sentences).
    pub spans: Vec<Span>,
    /// A person's decision about it, when an export carries one (the web app's 审核); the
    /// checker leaves it `None`, and JSON shows it only when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
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
            concerns: Concern::Content,
            reading: None,
            reading_note: None,
            spans: Vec::new(),
            review: None,
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
    /// When the report was published and where that was read; absent when no date can be
    /// read ([`crate::extract::published`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<crate::extract::published::Published>,
    /// By when it had to be, from the kind of agency its name says it is
    /// ([`crate::extract::deadline`]).
    pub deadline: crate::extract::deadline::Deadline,
    /// The evaluators' indicators (实质公开率 …); absent for a template that is not national
    /// ([`crate::indicators`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicators: Option<crate::indicators::Indicators>,
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
