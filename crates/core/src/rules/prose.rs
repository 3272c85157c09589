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
use crate::schema::TableKind;

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
    agrees: bool,
}

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
        let Some(s) = sum(table, &t.cells) else {
            continue;
        };
        let value = claim.num.value;
        let agrees = super::same(s.value, value)
            || t.also
                .iter()
                .filter_map(|cells| sum(table, cells))
                .any(|a| super::same(a.value, value));
        compared.push(Compared {
            claim,
            target: t,
            sum: s,
            agrees,
        });
    }
    for c in &compared {
        let confirmed = compared
            .iter()
            .any(|o| o.agrees && o.target.subject == c.target.subject);
        if c.agrees || confirmed {
            continue;
        }
        out.push(finding(rule, n, c));
    }
}

fn finding(rule: &Rule, n: &Narrative, c: &Compared) -> Finding {
    let (e, a) = (c.sum.value, c.claim.num.value);
    let msg = format!(
        "正文所说{}为 {}，{}为 {}，两者不符。",
        c.target.what,
        fmt_num(a),
        c.target.where_,
        fmt_num(e)
    );
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
