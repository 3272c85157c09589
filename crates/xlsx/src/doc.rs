//! The JSON document (`gouji check --format json`, the app's 导出 JSON) as the workbook reads
//! it: a `serde_json::Value`, so that fields the checker gains (`roster`, `similarity`) are read
//! when present without this crate depending on their Rust types, and a document of an older
//! or newer checker still gives a workbook. A field that is missing or of another type reads
//! as absent; nothing here fails.

use serde_json::Value;

/// One report of `reports`.
pub struct ReportView<'a> {
    pub value: &'a Value,
    pub source: &'a str,
    pub agency: Option<&'a str>,
    pub year: Option<i64>,
}

impl<'a> ReportView<'a> {
    fn of(value: &'a Value) -> ReportView<'a> {
        ReportView {
            value,
            source: str_at(value, "source").unwrap_or_default(),
            agency: str_at(value, "agency").filter(|a| !a.is_empty()),
            year: value.get("year").and_then(Value::as_i64),
        }
    }

    /// The unit a report is filed under in 整改清单: its agency, else its file.
    pub fn unit(&self) -> &'a str {
        self.agency
            .or((!self.source.is_empty()).then_some(self.source))
            .unwrap_or("（未识别单位）")
    }
}

/// A finding of a report or of `across`, with the index of the report it belongs to.
pub struct FindingView<'a> {
    pub value: &'a Value,
    pub report: Option<usize>,
    pub code: &'a str,
    pub severity: &'a str,
}

impl FindingView<'_> {
    /// An error or a warning that no review has settled (不是问题, 已整改): what 整改清单 lists.
    pub fn is_open(&self) -> bool {
        let settled = matches!(
            self.value.get("review").and_then(|r| str_at(r, "state")),
            Some("not_a_problem" | "fixed")
        );
        matches!(self.severity, "error" | "warning") && !settled
    }
}

/// The document's parts the workbook reads.
pub struct Doc<'a> {
    pub reports: Vec<ReportView<'a>>,
    /// Every finding: each report's own, then the cross-report findings, in document order.
    pub findings: Vec<FindingView<'a>>,
    pub roster: Option<&'a Value>,
    pub similarity: &'a [Value],
}

impl<'a> Doc<'a> {
    pub fn of(doc: &'a Value) -> Doc<'a> {
        let reports: Vec<ReportView> = array_at(doc, "reports")
            .iter()
            .map(ReportView::of)
            .collect();
        let mut findings = Vec::new();
        for (i, r) in reports.iter().enumerate() {
            for f in array_at(r.value, "findings") {
                findings.push(finding(f, Some(i)));
            }
        }
        for f in array_at(doc, "across") {
            findings.push(finding(f, across_report(f, &reports)));
        }
        Doc {
            reports,
            findings,
            roster: doc.get("roster").filter(|r| r.is_object()),
            similarity: array_at(doc, "similarity"),
        }
    }

    pub fn report(&self, index: Option<usize>) -> Option<&ReportView<'a>> {
        index.and_then(|i| self.reports.get(i))
    }
}

fn finding(value: &Value, report: Option<usize>) -> FindingView<'_> {
    FindingView {
        value,
        report,
        code: str_at(value, "code").unwrap_or_default(),
        severity: str_at(value, "severity").unwrap_or_default(),
    }
}

/// The report a cross-report finding belongs to: its `report` index when the document has
/// one (the app's and the JavaScript API's), else the report with its `source` (the CLI's).
fn across_report(f: &Value, reports: &[ReportView]) -> Option<usize> {
    if let Some(i) = f.get("report").and_then(Value::as_u64) {
        return usize::try_from(i).ok().filter(|&i| i < reports.len());
    }
    let source = str_at(f, "source")?;
    reports.iter().position(|r| r.source == source)
}

pub fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

pub fn array_at<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
}

pub fn num_at(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}
