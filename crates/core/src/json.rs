//! The JSON contract: the document `gouji check --format json` prints, which the JavaScript
//! API returns as objects and the web app's 导出 JSON saves. One shape, defined here:
//!
//! ```text
//! { "format": 1,
//!   "reports": [ { "source": …, "template": …, "year": …, "agency": …, "tables": …, "findings": … }, … ],
//!   "across":  [ { "source": …, "code": "Y801", … }, … ],
//!   "similarity": [ { "report": 1, "other": 0, "kind": "previous_year", "share": 0.62, … }, … ],
//!   "roster":  { "source": …, "units": […], "missing": …, "unlisted": […] } }
//! ```
//!
//! Each entry of `reports` is `source` (where the report came from, when it has a name)
//! followed by the [`Report`]'s own fields; each entry of `across` is a cross-year finding
//! ([`crate::across`]) with the `source` of the report it belongs to (the later year's), and,
//! for callers that want it, that report's index (`report`); `similarity` (when two reports
//! or more were checked together) says how much of each report's prose another has. `roster`
//! is there only when a roster was given ([`crate::roster`]).

use serde::Serialize;

use crate::report::{Finding, Report};
use crate::roster::Roster;
use crate::similarity::Similarity;

/// The version of the JSON contract; raised only when a field is renamed or removed.
pub const FORMAT: u32 = 1;

/// One entry of `reports`: `source` first (left out when the report has no name), then the
/// report's own fields in their order (template, year, agency, tables, findings, repair).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Entry<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    #[serde(flatten)]
    pub report: &'a Report,
}

/// One entry of `across`: the `source` of the report the finding belongs to, the index of that
/// report in `reports` when the caller asks for it (the JavaScript API does, the CLI does not),
/// then the finding's own fields.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct AcrossEntry<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<usize>,
    #[serde(flatten)]
    pub finding: &'a Finding,
}

/// The whole document.
#[derive(Clone, Debug, Serialize)]
pub struct Document<'a> {
    pub format: u32,
    pub reports: Vec<Entry<'a>>,
    pub across: Vec<AcrossEntry<'a>>,
    /// How much of each report's prose another has ([`crate::across::similarity`]); present
    /// when at least two reports were checked together ([`Document::with_similarity`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<&'a [Similarity]>,
    /// The units of a roster and their reports, when a roster was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roster: Option<&'a Roster>,
}

impl<'a> Document<'a> {
    /// The document for reports (each with its source, if it has one) and the cross-year
    /// findings among them (as [`crate::across::check_across`] gives them: the index of the
    /// report each belongs to). `with_index` adds that index to each `across` entry.
    pub fn new(
        reports: &[(Option<&'a str>, &'a Report)],
        across: &'a [(usize, Finding)],
        with_index: bool,
    ) -> Document<'a> {
        Document {
            format: FORMAT,
            reports: reports
                .iter()
                .map(|&(source, report)| Entry { source, report })
                .collect(),
            across: across
                .iter()
                .map(|(i, finding)| AcrossEntry {
                    source: reports.get(*i).and_then(|r| r.0),
                    report: with_index.then_some(*i),
                    finding,
                })
                .collect(),
            similarity: None,
            roster: None,
        }
    }

    /// The document with `similarity`, when at least two reports were checked together
    /// (indices into `reports`, as [`crate::across::check_all`] gives them).
    pub fn with_similarity(mut self, similarity: &'a [Similarity]) -> Document<'a> {
        if self.reports.len() >= 2 {
            self.similarity = Some(similarity);
        }
        self
    }

    /// The document with a roster's result (its indices are into this document's `reports`).
    pub fn with_roster(mut self, roster: Option<&'a Roster>) -> Document<'a> {
        self.roster = roster;
        self
    }

    /// The document as `gouji check --format json` prints it: pretty-printed (two spaces),
    /// with a final line break.
    #[cfg(feature = "json")]
    pub fn to_pretty(&self) -> String {
        // Serializing plain data into a String cannot fail: every map key is a string and
        // every number finite or written as null by serde_json.
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn across_entries_name_their_report() {
        let a = crate::check("一、总体情况");
        let b = crate::check("二、主动公开政府信息情况");
        let f = Finding::new("Y801", crate::report::Severity::Error, "requests", "x");
        let across = vec![(1, f)];
        let doc = Document::new(&[(Some("a.txt"), &a), (None, &b)], &across, true);
        assert_eq!(doc.reports.len(), 2);
        assert_eq!(doc.across[0].report, Some(1));
        assert_eq!(doc.across[0].source, None, "report 1 has no source");
        let doc = Document::new(&[(Some("a.txt"), &a), (Some("b.txt"), &b)], &across, false);
        assert_eq!(doc.across[0].source, Some("b.txt"));
        assert_eq!(doc.across[0].report, None);
    }

    #[cfg(feature = "json")]
    #[test]
    fn the_roster_is_there_only_when_given() {
        let a = crate::check("一、总体情况");
        let doc = Document::new(&[(Some("a.txt"), &a)], &[], false);
        assert!(!doc.to_pretty().contains("\"roster\""));
        let roster = crate::roster::check_roster("units.txt", &["湘阴县人民政府".into()], &[None]);
        let json = doc.with_roster(Some(&roster)).to_pretty();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(value["roster"]["missing"], 1);
        assert_eq!(value["roster"]["unlisted"], serde_json::json!([0]));
    }
}
