//! What the narrative rules share: comparing a number a sentence claims with the table
//! cells it restates, and building the finding the app shows beside both.
//!
//! A finding of N601–N607 carries `actual` (the sentence's number), `expected` (the table's),
//! `cells` (the table cells compared), `quote` (the sentence, shortened around the number)
//! and `spans`: the number in the input first, then the whole sentence, then the cells in
//! the order of `cells`.

use super::{fmt_num, national_table, sum, Rule, Sum};
use crate::extract::narrative::{Claim, Narrative};
use crate::report::{Finding, Report};
use crate::schema::{TableKind, REQUEST_PARTS};

/// What a claim is compared with.
pub(super) struct Target {
    pub table: TableKind,
    /// The cells whose sum the sentence restates, as (row, col).
    pub cells: Vec<(&'static str, &'static str)>,
    /// Other sums the sentence may equally mean (a count "含上年结转" may include them).
    pub also: Vec<Vec<(&'static str, &'static str)>>,
    pub subject: String,
    /// What the sentence counts, in Chinese ("本年收到的申请").
    pub what: String,
    /// Where the table has it, in Chinese ("申请情况表第一项“本年新收”总计").
    pub where_: String,
}

struct Compared<'a> {
    claim: &'a Claim,
    target: Target,
    sum: Sum<'static>,
    /// The sum was taken over the applicant columns: the 总计 cells are blank.
    from_parts: bool,
    agrees: bool,
}

/// The cells to add up for `cells` of a requests table: a 总计 cell left blank (or never
/// written) whose row has its applicant columns filled is replaced by those columns
/// (some reports fill only the applicant columns). Says whether it replaced one.
fn with_parts(
    table: &crate::table::Table,
    cells: &[(&'static str, &'static str)],
) -> (Vec<(&'static str, &'static str)>, bool) {
    use crate::table::Value;
    if table.kind != TableKind::Requests {
        return (cells.to_vec(), false);
    }
    let mut out = Vec::with_capacity(cells.len());
    let mut replaced = false;
    for &(row, col) in cells {
        let blank_total = col == "total"
            && table
                .cell(row, col)
                .is_some_and(|c| matches!(c.value, Value::Blank | Value::Missing));
        let parts: Vec<Option<&Value>> = REQUEST_PARTS
            .iter()
            .map(|p| table.cell(row, p).map(|c| &c.value))
            .collect();
        let filled = parts
            .iter()
            .all(|v| matches!(v, Some(Value::Number(_) | Value::Blank)))
            && parts.iter().any(|v| matches!(v, Some(Value::Number(_))));
        if blank_total && filled {
            out.extend(REQUEST_PARTS.iter().map(|p| (row, *p)));
            replaced = true;
        } else {
            out.push((row, col));
        }
    }
    (out, replaced)
}

/// The sum of `cells` of a reliably read national table, a blank 总计 cell replaced by its
/// row's applicant columns as [`compare`] does; with whether one was. `None` when the table
/// is absent or misread, or a cell cannot be summed.
pub(super) fn table_sum(
    r: &Report,
    kind: TableKind,
    cells: &[(&'static str, &'static str)],
) -> Option<(Sum<'static>, bool)> {
    let table = national_table(r, kind)?;
    let (cells, from_parts) = with_parts(table, cells);
    Some((sum(table, &cells)?, from_parts))
}

/// What a message adds when a sum was taken over the applicant columns.
pub(super) const FROM_PARTS: &str = "（表中总计栏空白，此处按申请人各栏之和计。）";

/// Compare every claim `target` gives a target with the table; a mismatch is a finding
/// unless another sentence says the same thing with the table's number (then the
/// mismatching one most likely speaks of something narrower, and nothing is said).
pub(super) fn compare(
    r: &Report,
    rule: &Rule,
    target: impl Fn(&Report, &Claim) -> Option<Target>,
    out: &mut Vec<Finding>,
) {
    let n = &r.facts.narrative;
    let mut compared: Vec<Compared> = Vec::new();
    for claim in &n.claims {
        let Some(t) = target(r, claim) else { continue };
        let Some(table) = national_table(r, t.table) else {
            continue;
        };
        let (cells, from_parts) = with_parts(table, &t.cells);
        let Some(s) = sum(table, &cells) else {
            continue;
        };
        let value = claim.num.value;
        let agrees = super::same(s.value, value)
            || t.also
                .iter()
                .filter_map(|cells| sum(table, &with_parts(table, cells).0))
                .any(|a| super::same(a.value, value));
        compared.push(Compared {
            claim,
            target: t,
            sum: s,
            from_parts,
            agrees,
        });
    }
    // Identical findings (the same cells, the same number) are given once.
    let mut given: Vec<(&str, f64)> = Vec::new();
    for c in &compared {
        let confirmed = compared
            .iter()
            .any(|o| o.agrees && o.target.subject == c.target.subject);
        let said = given
            .iter()
            .any(|(s, v)| *s == c.target.subject && super::same(*v, c.claim.num.value));
        if c.agrees || confirmed || said {
            continue;
        }
        given.push((&c.target.subject, c.claim.num.value));
        out.push(finding(rule, n, c));
    }
}

fn finding(rule: &Rule, n: &Narrative, c: &Compared) -> Finding {
    let (e, a) = (c.sum.value, c.claim.num.value);
    let mut msg = format!(
        "正文所说{}为 {}，{}为 {}，两者不符。",
        c.target.what,
        fmt_num(a),
        c.target.where_,
        fmt_num(e)
    );
    if c.from_parts {
        msg.push_str(FROM_PARTS);
    }
    Finding::new(rule.code, rule.severity, c.target.subject.clone(), msg)
        .cells(c.sum.paths())
        .values(e, a)
        .quote(n.quote(c.claim.sentence, &c.claim.num))
        .spans(claim_spans(n, c.claim))
        .spans(c.sum.spans.iter().copied())
}

/// The number's span, then the sentence's.
pub(super) fn claim_spans(n: &Narrative, claim: &Claim) -> Vec<crate::span::Span> {
    let mut v = vec![claim.num.span];
    v.extend(n.sentence_span(claim.sentence));
    v
}

/// A span in a sentence, then the sentence's.
pub(super) fn claim_spans_of(
    n: &Narrative,
    span: crate::span::Span,
    sentence: usize,
) -> Vec<crate::span::Span> {
    let mut v = vec![span];
    v.extend(n.sentence_span(sentence));
    v
}

/// A single cell as a target.
pub(super) fn cell(
    table: TableKind,
    row: &'static str,
    col: &'static str,
    what: impl Into<String>,
    where_: String,
) -> Target {
    Target {
        table,
        cells: vec![(row, col)],
        also: Vec::new(),
        subject: crate::table::cell_path(table, row, col),
        what: what.into(),
        where_,
    }
}
