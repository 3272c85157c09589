//! R401 — in the appeals table, upheld + corrected + other + pending ≠ total.
//!
//! **What**: for 行政复议, 未经复议直接起诉 and 复议后起诉, the four outcomes add up to 总计.
//! **Why**: every review or lawsuit ends in one of the outcomes or is still pending.
//! **Fails**: 复议后起诉: 尚未审结 1, 总计 0.
//! **Passes**: 尚未审结 1, 总计 1.
//! **Fix**: correct the total, or the outcome that is wrong.
//! `actual` = total; `expected` = the sum of the four outcomes.

use super::{equation, fmt_num, national_table, same, sum, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{TableKind, APPEAL_PARTS};

pub const RULE: Rule = Rule {
    code: "R401",
    severity: Severity::Error,
    title: "复议诉讼合计不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let Some(t) = national_table(r, TableKind::Appeals) else {
        return;
    };
    for row in &t.rows {
        let key = row.def.key;
        let parts: Vec<(&str, &str)> = APPEAL_PARTS.iter().map(|c| (key, *c)).collect();
        let (Some(expected), Some(actual)) = (sum(t, &parts), sum(t, &[(key, "total")])) else {
            continue;
        };
        if same(expected.value, actual.value) {
            continue;
        }
        let msg = format!(
            "复议诉讼表 {}: 总计 = {}，维持+纠正+其他+尚未审结 = {}",
            row.def.short,
            fmt_num(actual.value),
            fmt_num(expected.value)
        );
        let (e, a) = (expected.value, actual.value);
        out.push(equation(
            &RULE,
            format!("appeals/{key}"),
            msg,
            (actual, expected),
            e,
            a,
        ));
    }
}
