//! Decision states: what the person checking a report has decided about each finding —
//! 已核实 (confirmed: the report is wrong here), 不是问题 (not a problem, with the reason) or
//! 已整改 (corrected) — kept in this browser only, never sent anywhere.
//!
//! A decision is kept under the finding's fingerprint ([`fingerprint`]): the report's agency
//! and year, the finding's code and subject, the cells it involves with their values as
//! written, and its quote. Checking the same report again (after a reload, from the same file
//! in a batch, from a share link) gives the same fingerprints, so the decisions come back; a
//! finding whose cells now hold other values is a new finding, and starts unreviewed.
//!
//! The decisions are plain data ([`Reviews`]), read from and written to JSON for the browser's
//! storage, the share link and the exports; [`Reviews::pending`] counts the errors and warnings
//! nobody has decided on yet (待处理).

use std::rc::Rc;

pub use gouji_core::ReviewState;
use gouji_core::{Finding, Report, Severity};

use crate::shared::Shared;

/// How many decisions the browser keeps; past it, the oldest are forgotten first.
pub const KEPT: usize = 5000;

/// The longest reason kept, in characters.
pub const REASON_CHARS: usize = 500;

/// A decision, its reason (for 不是问题; may be empty for the others) and when it was made
/// (milliseconds since 1970, to forget the oldest first).
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    pub mark: ReviewState,
    pub reason: String,
    pub at: f64,
}

impl Decision {
    pub fn new(mark: ReviewState, reason: &str, at: f64) -> Decision {
        Decision {
            mark,
            reason: reason.trim().chars().take(REASON_CHARS).collect(),
            at,
        }
    }

    /// The decision as the exports' JSON shows it.
    pub fn to_core(&self) -> gouji_core::Review {
        gouji_core::Review::new(self.mark, &self.reason)
    }
}

/// The fingerprint of a finding of a report: 16 hexadecimal digits (FNV-1a, 64 bits) of the
/// agency, year, code, subject, each involved cell's path and value as written, and the quote.
pub fn fingerprint(report: &Report, f: &Finding) -> String {
    let mut h = Fnv::default();
    h.field(report.agency.as_deref().unwrap_or(""));
    h.field(&report.year.map(|y| y.to_string()).unwrap_or_default());
    h.field(f.code);
    h.field(&f.subject);
    for path in &f.cells {
        h.field(path);
        h.field(
            crate::labels::cell(report, path)
                .map(|(_, _, c)| c.raw.as_str())
                .unwrap_or("\u{1}"),
        );
    }
    h.field(f.quote.as_deref().unwrap_or(""));
    format!("{:016x}", h.0)
}

/// FNV-1a over fields, each closed by a byte no UTF-8 text holds.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn field(&mut self, s: &str) {
        for &b in s.as_bytes().iter().chain(&[0xff]) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Every decision kept, by fingerprint: a vector kept in the fingerprints' order and searched
/// by halves (a map type of its own would add more to the page's download than it saves).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reviews {
    map: Vec<(String, Decision)>,
}

/// What a report's findings add up to: how many carry each mark, and how many errors and
/// warnings carry none (待处理).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pending: usize,
    pub verified: usize,
    pub not_a_problem: usize,
    pub fixed: usize,
}

impl Counts {
    pub fn reviewed(&self) -> usize {
        self.verified + self.not_a_problem + self.fixed
    }
}

impl Reviews {
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn get(&self, fingerprint: &str) -> Option<&Decision> {
        let at = self.find(fingerprint).ok()?;
        self.map.get(at).map(|(_, r)| r)
    }

    /// Where a fingerprint is, or where it would go.
    fn find(&self, fingerprint: &str) -> Result<usize, usize> {
        self.map
            .binary_search_by(|(k, _)| k.as_str().cmp(fingerprint))
    }

    fn insert(&mut self, fingerprint: &str, review: Decision) {
        match self.find(fingerprint) {
            Ok(at) => {
                if let Some(slot) = self.map.get_mut(at) {
                    slot.1 = review;
                }
            }
            Err(at) => self.map.insert(at, (fingerprint.to_string(), review)),
        }
    }

    /// The decision about a finding of a report.
    pub fn of(&self, report: &Report, f: &Finding) -> Option<&Decision> {
        self.get(&fingerprint(report, f))
    }

    /// These decisions with one changed (`None` takes the decision back).
    pub fn with(&self, fingerprint: &str, review: Option<Decision>) -> Reviews {
        let mut next = self.clone();
        match (review, next.find(fingerprint)) {
            (Some(r), _) => next.insert(fingerprint, r),
            (None, Ok(at)) => {
                next.map.remove(at);
            }
            (None, Err(_)) => {}
        }
        next.forget_oldest();
        next
    }

    /// These decisions and `other`'s; where both decided on a finding, the later decision.
    pub fn merged(&self, other: &Reviews) -> Reviews {
        let mut next = self.clone();
        for (k, r) in &other.map {
            match next.get(k) {
                Some(mine) if mine.at >= r.at => {}
                _ => next.insert(k, r.clone()),
            }
        }
        next.forget_oldest();
        next
    }

    /// Past [`KEPT`], the oldest decision goes, one at a time: a decision is added one at a
    /// time, and a link adds one report's few, so there are never many to forget.
    fn forget_oldest(&mut self) {
        while self.map.len() > KEPT {
            let oldest = self
                .map
                .iter()
                .enumerate()
                .min_by(|(_, a), (_, b)| a.1.at.total_cmp(&b.1.at))
                .map(|(i, _)| i);
            let Some(i) = oldest else { break };
            self.map.remove(i);
        }
    }

    /// The decisions about one report's findings only (what its share link carries).
    pub fn of_report(&self, report: &Report) -> Reviews {
        let mut mine = Reviews::default();
        for f in &report.findings {
            let k = fingerprint(report, f);
            if let Some(r) = self.get(&k) {
                mine.insert(&k, r.clone());
            }
        }
        mine
    }

    /// A report's findings counted by their decisions.
    pub fn counts(&self, report: &Report) -> Counts {
        let fingerprints: Vec<(Severity, String)> = report
            .findings
            .iter()
            .map(|f| (f.severity, fingerprint(report, f)))
            .collect();
        self.count(fingerprints.iter().map(|(s, k)| (*s, k.as_str())))
    }

    /// Findings given by their severities and fingerprints, counted by their decisions.
    pub fn count<'a>(&self, findings: impl Iterator<Item = (Severity, &'a str)>) -> Counts {
        let mut c = Counts::default();
        for (severity, k) in findings {
            match self.get(k).map(|r| r.mark) {
                Some(ReviewState::Verified) => c.verified += 1,
                Some(ReviewState::NotAProblem) => c.not_a_problem += 1,
                Some(ReviewState::Fixed) => c.fixed += 1,
                None if severity != Severity::Info => c.pending += 1,
                None => {}
            }
        }
        c
    }

    /// The errors and warnings of a report nobody has decided on (待处理).
    pub fn pending(&self, report: &Report) -> usize {
        self.counts(report).pending
    }

    /// The decisions as text for the browser's storage and share links: a line each,
    /// `fingerprint TAB state TAB at TAB reason` (the reason's own tabs and line breaks become
    /// spaces). Plain lines rather than JSON: the page's first download stays small.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (k, r) in &self.map {
            let reason: String = r
                .reason
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            out.push_str(&format!("{k}\t{}\t{}\t{reason}\n", r.mark.id(), r.at));
        }
        out
    }

    /// Decisions read back from [`Reviews::to_text`]; a line that is not one (an unknown state,
    /// a bad fingerprint, anything else) is left out, never an error.
    pub fn from_text(text: &str) -> Reviews {
        let mut reviews = Reviews::default();
        // What this page writes has at most KEPT lines; more is not read (nor left to slow the
        // page down).
        for line in text.lines().take(KEPT) {
            let mut parts = line.splitn(4, '\t');
            let (Some(k), Some(state), Some(at)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let ok_key = k.len() == 16 && k.bytes().all(|b| b.is_ascii_hexdigit());
            let at = at.parse::<f64>().ok().filter(|t| t.is_finite());
            if let (true, Some(mark), Some(at)) = (ok_key, ReviewState::from_id(state), at) {
                let reason = parts.next().unwrap_or("");
                reviews.insert(k, Decision::new(mark, reason, at));
            }
        }
        reviews.forget_oldest();
        reviews
    }

    /// A copy of a report whose findings carry their decisions (`Finding::review`), for the
    /// exports; the report itself when none was decided.
    pub fn annotated(&self, report: &Report) -> Option<Report> {
        let decided: Vec<Option<gouji_core::Review>> = report
            .findings
            .iter()
            .map(|f| self.of(report, f).map(Decision::to_core))
            .collect();
        if decided.iter().all(Option::is_none) {
            return None;
        }
        let mut copy = report.clone();
        for (f, review) in copy.findings.iter_mut().zip(decided) {
            f.review = review;
        }
        Some(copy)
    }
}

/// The page's decisions, shared between the components (compared by identity).
pub type SharedReviews = Shared<Reviews>;

impl Default for Shared<Reviews> {
    fn default() -> Self {
        Shared(Rc::new(Reviews::default()))
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../tests/fixtures/seeds/000_7dba22183337286f.txt");

    fn report(text: &str) -> Report {
        gouji_core::check(text)
    }

    #[test]
    fn fingerprints_survive_checking_again_and_change_with_the_cells() {
        let a = report(SEED);
        let b = report(SEED);
        assert!(!a.findings.is_empty());
        let fa: Vec<String> = a.findings.iter().map(|f| fingerprint(&a, f)).collect();
        let fb: Vec<String> = b.findings.iter().map(|f| fingerprint(&b, f)).collect();
        assert_eq!(fa, fb);
        // Distinct findings, distinct fingerprints.
        let mut unique = fa.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), fa.len());

        // Another value in a finding's first cell: that finding is a new one.
        let (i, f) = a
            .findings
            .iter()
            .enumerate()
            .find(|(_, f)| !f.cells.is_empty())
            .expect("a finding about cells");
        let (_, _, cell) = crate::labels::cell(&a, &f.cells[0]).expect("its cell");
        let span = cell.span.expect("where it is written");
        let mut edited = SEED.to_string();
        edited.replace_range(span.start..span.end, "987654");
        let c = report(&edited);
        let fc: Vec<String> = c.findings.iter().map(|f| fingerprint(&c, f)).collect();
        assert!(!fc.contains(&fa[i]), "{} on other values", f.code);
    }

    #[test]
    fn counting_storing_and_merging() {
        let r = report(SEED);
        let f = r
            .findings
            .iter()
            .find(|f| f.severity != Severity::Info)
            .expect("seed 000 has an error or warning");
        let before = Reviews::default().counts(&r);
        let k = fingerprint(&r, f);
        let reviews = Reviews::default().with(
            &k,
            Some(Decision::new(ReviewState::NotAProblem, "  原文如此 ", 5.0)),
        );
        let after = reviews.counts(&r);
        assert_eq!(after.pending + 1, before.pending);
        assert_eq!(after.not_a_problem, 1);
        assert_eq!(reviews.of(&r, f).unwrap().reason, "原文如此");

        let back = Reviews::from_text(&reviews.to_text());
        assert_eq!(back, reviews);
        assert_eq!(Reviews::from_text("not a line\n\t\t"), Reviews::default());
        assert_eq!(
            Reviews::from_text(
                "zz\tfixed\t1\t\n0123456789abcdef\todd\t1\t\n0123456789abcdef\tfixed\tNaN\t"
            ),
            Reviews::default()
        );
        // A reason's own tabs and line breaks do not break the lines.
        let odd = Reviews::default().with(
            &k,
            Some(Decision::new(ReviewState::NotAProblem, "一\t二\n三", 1.0)),
        );
        assert_eq!(
            Reviews::from_text(&odd.to_text()).get(&k).unwrap().reason,
            "一 二 三"
        );

        let later = Reviews::default().with(&k, Some(Decision::new(ReviewState::Fixed, "", 9.0)));
        assert_eq!(
            reviews.merged(&later).get(&k).unwrap().mark,
            ReviewState::Fixed
        );
        assert_eq!(
            later.merged(&reviews).get(&k).unwrap().mark,
            ReviewState::Fixed
        );
        assert!(reviews.with(&k, None).is_empty());
    }

    #[test]
    fn the_oldest_are_forgotten_past_the_limit() {
        let mut reviews = Reviews::default();
        for i in 0..KEPT + 3 {
            let k = format!("{i:016x}");
            reviews = reviews.with(&k, Some(Decision::new(ReviewState::Verified, "", i as f64)));
        }
        assert_eq!(reviews.len(), KEPT);
        assert!(reviews.get(&format!("{:016x}", 0)).is_none());
        assert!(reviews.get(&format!("{:016x}", KEPT + 2)).is_some());
    }

    #[test]
    fn exports_carry_the_decisions() {
        let r = report(SEED);
        let f = &r.findings[0];
        let k = fingerprint(&r, f);
        let reviewed = |doc: &str| -> usize {
            let v: serde_json::Value = serde_json::from_str(doc).unwrap();
            v.pointer("/reports/0/findings")
                .and_then(serde_json::Value::as_array)
                .unwrap()
                .iter()
                .filter(|f| f.get("review").is_some())
                .count()
        };
        let plain = crate::export::report_json(None, &r, &Reviews::default());
        assert_eq!(reviewed(&plain), 0);
        let reviews =
            Reviews::default().with(&k, Some(Decision::new(ReviewState::Verified, "", 1.0)));
        let doc = crate::export::report_json(None, &r, &reviews);
        let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(
            v.pointer("/reports/0/findings/0/review"),
            Some(&serde_json::json!({"state": "verified", "state_zh": "已核实"}))
        );
        assert_eq!(reviewed(&doc), 1, "only the decided finding carries one");
    }
}
