//! The rule catalogue: one file per code, each registered once in [`RULES`].
//!
//! A rule reads the extracted [`Report`] (tables and [`crate::extract::Facts`]) and pushes
//! findings; it never changes the model. Codes are stable: a published code is never reused.

use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;
use crate::table::Table;

mod a301;
mod a302;
mod a303;
mod l901;
mod m701;
mod m702;
mod m703;
mod n601;
mod n602;
mod n603;
mod n604;
mod n605;
mod n606;
mod n607;
mod n608;
mod n609;
mod n610;
mod n611;
mod n612;
mod p501;
mod p502;
mod p503;
mod prose;
mod r401;
pub mod reading;
mod s101;
mod s102;
mod s103;
mod s104;
mod s105;
mod s106;
mod s107;
mod v201;
mod v202;
mod v203;
mod v204;
mod y801;
mod y802;
mod y803;
mod y804;

/// A rule of the catalogue.
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// One line, in Chinese: what the rule checks.
    pub title: &'static str,
    pub check: fn(&Report, &mut Vec<Finding>),
}

/// Every rule, in catalogue order.
pub const RULES: &[Rule] = &[
    s101::RULE,
    s102::RULE,
    s103::RULE,
    s104::RULE,
    s105::RULE,
    s106::RULE,
    s107::RULE,
    v201::RULE,
    v202::RULE,
    v203::RULE,
    v204::RULE,
    a301::RULE,
    a302::RULE,
    a303::RULE,
    r401::RULE,
    p501::RULE,
    p502::RULE,
    p503::RULE,
    n601::RULE,
    n602::RULE,
    n603::RULE,
    n604::RULE,
    n605::RULE,
    n606::RULE,
    n607::RULE,
    n608::RULE,
    n609::RULE,
    n610::RULE,
    n611::RULE,
    n612::RULE,
    m701::RULE,
    m702::RULE,
    m703::RULE,
    l901::RULE,
];

/// Every cross-report rule (run by [`crate::across::check_across`]).
pub const ACROSS_RULES: &[AcrossRule] = &[y801::RULE, y802::RULE, y803::RULE, y804::RULE];

/// Two reports of one agency for consecutive years.
pub struct Pair<'a> {
    pub prev: &'a Report,
    pub cur: &'a Report,
    /// Set when the agency was matched on a guess: the reason.
    pub guess: Option<String>,
    /// Where `prev` and `cur` stand in the reports given to [`crate::across::pairs`].
    pub prev_index: usize,
    pub cur_index: usize,
}

impl Pair<'_> {
    /// The sentence that ends a finding's message when the agency match was a guess.
    pub fn guess_note(&self) -> String {
        match &self.guess {
            Some(why) => format!("（按名称推测为同一机关：{why}）"),
            None => String::new(),
        }
    }
}

/// A rule about two reports.
pub struct AcrossRule {
    pub code: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub check: AcrossCheck,
}

/// What a cross-report rule reads.
pub enum AcrossCheck {
    /// Two reports of one agency for consecutive years; findings are the later one's.
    Pair(fn(&Pair, &mut Vec<Finding>)),
    /// How much of one report's prose another has ([`crate::similarity`]); findings are the
    /// report's (`Similar::report`).
    Similar(fn(&Similar, &mut Vec<Finding>)),
}

/// One entry of the batch's `similarity`, with its two reports.
pub struct Similar<'a> {
    pub entry: &'a crate::similarity::Similarity,
    pub report: &'a Report,
    pub other: &'a Report,
}

/// Run every rule.
pub fn run(report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in RULES {
        let before = out.len();
        (rule.check)(report, &mut out);
        debug_assert!(out[before..]
            .iter()
            .all(|f| f.code == rule.code && f.severity <= rule.severity));
        for f in &mut out[before..] {
            reading::annotate(report, f);
        }
    }
    out
}

/// Look a rule up by its code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// A number as a message shows it: whole numbers without a fraction.
pub fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The direction of a difference in words: "，总计比各列之和多 1" — `stated` is what the report
/// says (`actual`), `computed` what the equation gives (`expected`).
pub fn difference(stated: &str, computed: &str, actual: f64, expected: f64) -> String {
    let (word, by) = if actual > expected {
        ("多", actual - expected)
    } else {
        ("少", expected - actual)
    };
    format!("，{stated}比{computed}{word} {}", fmt_num(by))
}

/// Sums compare equal when they differ by less than this (amounts carry decimals).
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// The sum of some cells of a table, with the cells and their spans; `None` when a cell is
/// absent, missing or unreadable, or its row's alignment is a guess (S106): the equation
/// cannot be evaluated then. The cells' paths are made only for a finding ([`Sum::paths`]).
pub struct Sum<'a> {
    pub value: f64,
    kind: crate::schema::TableKind,
    cells: Vec<(&'a str, &'a str)>,
    pub spans: Vec<crate::span::Span>,
}

impl Sum<'_> {
    /// The paths of the cells summed, in order.
    pub fn paths(&self) -> Vec<String> {
        self.cells
            .iter()
            .map(|(row, col)| crate::table::cell_path(self.kind, row, col))
            .collect()
    }
}

pub fn sum<'a>(table: &Table, cells: &[(&'a str, &'a str)]) -> Option<Sum<'a>> {
    let mut s = Sum {
        value: 0.0,
        kind: table.kind,
        cells: Vec::with_capacity(cells.len()),
        spans: Vec::with_capacity(cells.len()),
    };
    for &(row, col) in cells {
        let r = table.row(row)?;
        if r.misaligned.is_some() {
            return None;
        }
        let cell = r.cell(col)?;
        s.value += cell.value.as_number()?;
        s.cells.push((row, col));
        s.spans.extend(cell.span);
    }
    Some(s)
}

/// The equations of one code (see [`crate::equations`]) that fail, each with both sides
/// summed: `(equation, stated, computed)`. An equation with a cell that is absent, missing,
/// unreadable or in a misaligned row is skipped ([`sum`]): it cannot be evaluated, and a
/// guess would give false alarms. Only reports of a national template have equations.
pub fn failing(
    report: &Report,
    code: &str,
) -> Vec<(crate::equations::Equation, Sum<'static>, Sum<'static>)> {
    if !report.template.is_national() {
        return Vec::new();
    }
    let (requests, appeals) = (
        national_table(report, TableKind::Requests),
        national_table(report, TableKind::Appeals),
    );
    let mut out = Vec::new();
    for eq in crate::equations::equations(requests, appeals, report.facts.single_other) {
        if eq.code != code {
            continue;
        }
        let Some(t) = national_table(report, eq.table) else {
            continue;
        };
        let (Some(stated), Some(computed)) = (sum(t, &eq.stated), sum(t, &eq.computed)) else {
            continue;
        };
        if !same(stated.value, computed.value) {
            out.push((eq, stated, computed));
        }
    }
    out
}

/// A table of a national template that was read reliably (not [`Table::misread`]): the only
/// tables equations and comparisons run on.
pub fn national_table(report: &Report, kind: TableKind) -> Option<&Table> {
    if report.template.is_national() {
        report
            .tables
            .get(kind)
            .filter(|t| !t.misread(report.template, report.facts.single_other))
    } else {
        None
    }
}

/// An equation that failed: `left = right` does not hold. The finding lists the cells of
/// both sides, left first (the rules put the side the report states — `actual` — on the
/// left, so the first span points at the cell that is most often wrong: the total).
pub fn equation(
    rule: &Rule,
    subject: String,
    message: String,
    (left, right): (Sum, Sum),
    expected: f64,
    actual: f64,
) -> Finding {
    let mut cells = left.paths();
    for p in right.paths() {
        if !cells.contains(&p) {
            cells.push(p);
        }
    }
    let mut spans = left.spans;
    spans.extend(right.spans);
    Finding::new(rule.code, rule.severity, subject, message)
        .cells(cells)
        .values(expected, actual)
        .spans(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_says_which_side_is_larger() {
        assert_eq!(
            difference("总计", "各列之和", 5.0, 3.0),
            "，总计比各列之和多 2"
        );
        assert_eq!(
            difference("总计", "各列之和", 0.0, 1.0),
            "，总计比各列之和少 1"
        );
        assert_eq!(
            difference("总计", "各列之和", 1.5, 1.0),
            "，总计比各列之和多 0.5"
        );
    }

    #[test]
    fn codes_are_registered_once_in_catalogue_order() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), codes.len(), "a code is registered twice");
        let order = |c: &str| "SVARPNMYL".find(&c[..1]).unwrap_or(99);
        let mut by_family = codes.clone();
        by_family.sort_by_key(|c| (order(c), *c));
        assert_eq!(codes, by_family);
    }

    #[test]
    fn numbers_in_messages() {
        assert_eq!(fmt_num(39.0), "39");
        assert_eq!(fmt_num(-4.0), "-4");
        assert_eq!(fmt_num(7730.28), "7730.28");
    }
}
