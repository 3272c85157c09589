//! N608 — "N 条，占 P%" where N / (the total it refers to) does not give P.
//!
//! **What**: a sentence lists counts with their shares ("机构职能类信息329条，占24.4%；…").
//! The total is the one the sentence states ("共 T 件，其中 … N 件，占 P%"), or, for a list
//! of three or more items, the sum of the items when two thirds of them agree with it. An
//! item is wrong only when no reasonable rounding of N / total gives P: rounding half-up or
//! truncating, to the decimals P is written with or to those the rest of the list uses
//! ("6%" among "24.4%", "1.48%" also reads as "6.0%"). Truncating to fewer decimals than
//! the list uses counts only when the other items truncate too.
//! When the sentence gives no such total and its items are outcome counts ("其中予以公开258件，
//! 占33.9%"), the share is of the applications the table's outcomes count: （七）总计 总计,
//! or the sum of its applicant columns when that cell is blank and they are filled (the
//! message says so). A share that fits the applications received (第一项, or 第一项+第二项)
//! is not wrong either.
//! **Why**: a share that does not follow from its own numbers is a typing or copying error.
//! **Fails**: seed 002: "规划计划类信息89条，占6%" in a list whose items sum to 1348 and
//! round their shares (89 / 1348 = 6.6%).
//! **Passes**: "占6.6%"; "占6.60%"; "占7%"; a list that truncates (21.36 written 21.3);
//! "占全市的15%" (another total, not compared); "约占6%".
//! **Fix**: recompute the share, or correct the count.
//! `actual` = P as written; `expected` = N / total × 100, to two decimals. `spans`: the
//! percentage first, then the sentence, the count, and the stated total if there is one.

use super::prose::{table_sum, FROM_PARTS};
use super::{fmt_num, Rule, Sum};
use crate::extract::narrative::{ClaimKind, Narrative, Num, PercentItem, PercentList};
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;

pub const RULE: Rule = Rule {
    code: "N608",
    severity: Severity::Warning,
    title: "正文所述占比与数字不符",
    check,
};

/// Whether P is N / T rounded (half-up; an exact half either way), and whether it is N / T
/// truncated, at `decimals`.
fn fits(n: f64, t: f64, p: &Num, decimals: u8) -> (bool, bool) {
    let x = 100.0 * n / t;
    let step = 10f64.powi(-i32::from(decimals));
    let eps = 1e-9 * x.abs().max(1.0);
    let round = (x - p.value).abs() <= step / 2.0 + eps;
    let trunc = x - p.value >= -eps && x - p.value < step - eps;
    (round, trunc)
}

/// For each item, whether some reasonable rounding of N / `t` gives its P.
///
/// An item is read at its own decimals and at the list's: "6%" among items written with one
/// or two decimals also reads as "6.0%". P is right when N / T rounds to it at either, or
/// truncates to it at the list's decimals; truncating to fewer decimals than the list uses
/// is right only when the other items truncate too (one of them fits only by truncation,
/// none only by rounding).
fn judge(items: &[PercentItem], t: f64) -> Vec<bool> {
    let own: Vec<(bool, bool)> = items
        .iter()
        .map(|i| fits(i.count.value, t, &i.percent, i.percent.decimals))
        .collect();
    (0..items.len())
        .map(|k| {
            let item = &items[k];
            let d = item.percent.decimals;
            let others = (0..items.len()).filter(|&j| j != k);
            let list_d = others
                .clone()
                .map(|j| items[j].percent.decimals)
                .min()
                .unwrap_or(d);
            let round_only = others.clone().filter(|&j| own[j].0 && !own[j].1).count();
            let trunc_only = others.filter(|&j| own[j].1 && !own[j].0).count();
            let truncating = trunc_only > 0 && round_only == 0;
            let (round, trunc) = own[k];
            let (round_l, trunc_l) = fits(item.count.value, t, &item.percent, d.max(list_d));
            round || round_l || trunc_l || (trunc && (list_d <= d || truncating))
        })
        .collect()
}

/// The base the items are shares of, if one is clear, with the verdict on each item.
fn base(l: &PercentList) -> Option<(f64, Option<&Num>, Vec<bool>)> {
    let n = l.items.len();
    if let Some(total) = &l.total {
        let ok = judge(&l.items, total.value);
        let a = ok.iter().filter(|o| **o).count();
        if total.value > 0.0 && (n == 1 || (a >= 1 && 2 * a >= n)) {
            return Some((total.value, Some(total), ok));
        }
    }
    if n >= 3 {
        let sum: f64 = l.items.iter().map(|i| i.count.value).sum();
        let ok = judge(&l.items, sum);
        let a = ok.iter().filter(|o| **o).count();
        if sum > 0.0 && a >= 3 && 3 * a >= 2 * n {
            return Some((sum, None, ok));
        }
    }
    None
}

fn check(r: &Report, out: &mut Vec<Finding>) {
    let narrative = &r.facts.narrative;
    for l in &narrative.percent_lists {
        let Some((t, stated, ok)) = base(l) else {
            table_base(r, narrative, l, out);
            continue;
        };
        for (item, ok) in l.items.iter().zip(ok) {
            if !ok {
                out.push(finding(narrative, l, item, t, stated));
            }
        }
    }
}

/// Shares of outcome counts, of the table's applications: an item is wrong when it fits
/// neither （七）总计 nor what was received (第一项, 第一项+第二项).
fn table_base(r: &Report, n: &Narrative, l: &PercentList, out: &mut Vec<Finding>) {
    let outcome = |item: &PercentItem| {
        n.claims.iter().any(|c| {
            c.sentence == l.sentence
                && c.num.span == item.count.span
                && matches!(c.kind, ClaimKind::Outcome(_))
        })
    };
    if l.items.is_empty() || !l.items.iter().all(outcome) {
        return;
    }
    let Some((processed, from_parts)) = table_sum(r, TableKind::Requests, &[("total", "total")])
    else {
        return;
    };
    if processed.value <= 0.0 {
        return;
    }
    let received = [
        vec![("new", "total")],
        vec![("new", "total"), ("carried_in", "total")],
    ];
    let others: Vec<f64> = received
        .iter()
        .filter_map(|cells| table_sum(r, TableKind::Requests, cells))
        .map(|(s, _)| s.value)
        .filter(|v| *v > 0.0)
        .collect();
    let ok = judge(&l.items, processed.value);
    for (k, item) in l.items.iter().enumerate() {
        let fits_other = others.iter().any(|&t| judge(&l.items, t)[k]);
        if !ok[k] && !fits_other {
            out.push(table_finding(n, l, item, &processed, from_parts));
        }
    }
}

fn table_finding(
    n: &Narrative,
    l: &PercentList,
    item: &PercentItem,
    processed: &Sum,
    from_parts: bool,
) -> Finding {
    let t = processed.value;
    let x = (100.0 * item.count.value / t * 100.0).round() / 100.0;
    let mut msg = format!(
        "{} / {}（申请情况表（七）总计）= {}%，正文写作 {}%。",
        fmt_num(item.count.value),
        fmt_num(t),
        fmt_num(x),
        fmt_num(item.percent.value)
    );
    if from_parts {
        msg.push_str(FROM_PARTS);
    }
    let mut spans = vec![item.percent.span];
    spans.extend(n.sentence_span(l.sentence));
    spans.push(item.count.span);
    spans.extend(processed.spans.iter().copied());
    Finding::new(RULE.code, RULE.severity, "narrative", msg)
        .cells(processed.paths())
        .values(x, item.percent.value)
        .quote(n.quote(l.sentence, &item.percent))
        .spans(spans)
}

fn finding(
    n: &crate::extract::narrative::Narrative,
    l: &PercentList,
    item: &PercentItem,
    t: f64,
    stated: Option<&Num>,
) -> Finding {
    let x = (100.0 * item.count.value / t * 100.0).round() / 100.0;
    let base = if stated.is_some() {
        "句中所述总数"
    } else {
        "各项之和"
    };
    let msg = format!(
        "{} / {}（{}）= {}%，正文写作 {}%。",
        fmt_num(item.count.value),
        fmt_num(t),
        base,
        fmt_num(x),
        fmt_num(item.percent.value)
    );
    let mut spans = vec![item.percent.span];
    spans.extend(n.sentence_span(l.sentence));
    spans.push(item.count.span);
    spans.extend(stated.map(|s| s.span));
    Finding::new(RULE.code, RULE.severity, "narrative", msg)
        .values(x, item.percent.value)
        .quote(n.quote(l.sentence, &item.percent))
        .spans(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(value: f64, decimals: u8) -> Num {
        Num {
            value,
            span: crate::span::Span::new(0, 0),
            at: 0,
            len: 0,
            unit: Some("%"),
            approx: false,
            decimals,
            chinese: false,
            end: 0,
        }
    }

    fn f(n: f64, t: f64, p: f64, d: u8) -> (bool, bool) {
        fits(n, t, &pct(p, d), d)
    }

    #[test]
    fn rounding_and_truncation() {
        // 89 / 1348 = 6.602…
        assert_eq!(f(89.0, 1348.0, 6.6, 1), (true, true));
        assert_eq!(f(89.0, 1348.0, 6.0, 0), (false, true));
        assert_eq!(f(89.0, 1348.0, 7.0, 0), (true, false));
        assert_eq!(f(89.0, 1348.0, 6.60, 2), (true, true));
        // 288 / 1348 = 21.36…: 21.4 rounds, 21.3 truncates.
        assert_eq!(f(288.0, 1348.0, 21.4, 1), (true, false));
        assert_eq!(f(288.0, 1348.0, 21.3, 1), (false, true));
        // Exactly half: 1 / 8 = 12.5 → 13 (half-up); 12 (half-even, or truncated) too.
        assert_eq!(f(1.0, 8.0, 13.0, 0), (true, false));
        assert_eq!(f(1.0, 8.0, 12.0, 0), (true, true));
        assert_eq!(f(1.0, 8.0, 14.0, 0), (false, false));
        assert_eq!(f(1.0, 8.0, 12.5, 1), (true, true));
    }

    fn item(n: f64, p: f64, d: u8) -> PercentItem {
        let mut count = pct(n, 0);
        count.unit = Some("条");
        PercentItem {
            count,
            percent: pct(p, d),
        }
    }

    #[test]
    fn an_item_is_read_at_the_lists_precision() {
        // Seed 002's habit: 288 → 21.4 rounds; 89 → "6" is neither 7 nor 6.6.
        let items = [
            item(329.0, 24.4, 1),
            item(288.0, 21.4, 1),
            item(89.0, 6.0, 0),
        ];
        assert_eq!(judge(&items, 1348.0), vec![true, true, false]);
        // "7%" rounds at its own precision; "6.6%" at the list's.
        let items = [
            item(329.0, 24.4, 1),
            item(288.0, 21.4, 1),
            item(89.0, 7.0, 0),
        ];
        assert_eq!(judge(&items, 1348.0), vec![true, true, true]);
        // A list that truncates throughout: 21.3, and 6 for 6.6.
        let items = [
            item(329.0, 24.4, 1),
            item(288.0, 21.3, 1),
            item(89.0, 6.0, 0),
        ];
        assert_eq!(judge(&items, 1348.0), vec![true, true, true]);
        // Whole numbers only: truncation is accepted.
        let items = [
            item(329.0, 24.0, 0),
            item(288.0, 21.0, 0),
            item(89.0, 6.0, 0),
        ];
        assert_eq!(judge(&items, 1348.0), vec![true, true, true]);
        // Two decimals, truncated: 21.36 → 21.36, 6.602 → 6.60.
        let items = [
            item(288.0, 21.36, 2),
            item(89.0, 6.60, 2),
            item(329.0, 24.40, 2),
        ];
        assert_eq!(judge(&items, 1348.0), vec![true, true, true]);
    }
}
