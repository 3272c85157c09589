//! R401 — in the appeals table, upheld + corrected + other + pending ≠ total.
//!
//! **What**: for 行政复议, 未经复议直接起诉 and 复议后起诉, the four outcomes add up to 总计.
//! **Why**: every review or lawsuit ends in one of the outcomes or is still pending.
//! **Fails**: 复议后起诉: 尚未审结 1, 总计 0.
//! **Passes**: 尚未审结 1, 总计 1.
//! **Fix**: correct the total, or the outcome that is wrong.
//! `actual` = total; `expected` = the sum of the four outcomes.

use super::{difference, equation, failing, fmt_num, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{row_def, TableKind};

pub const RULE: Rule = Rule {
    code: "R401",
    severity: Severity::Error,
    title: "复议诉讼合计不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for (eq, actual, expected) in failing(r, RULE.code) {
        let short = row_def(TableKind::Appeals, eq.line).map_or(eq.line, |d| d.short);
        let msg = format!(
            "复议诉讼表 {}: 总计 = {}，维持+纠正+其他+尚未审结 = {}{}",
            short,
            fmt_num(actual.value),
            fmt_num(expected.value),
            difference("总计", "四项结果之和", actual.value, expected.value)
        );
        let (e, a) = (expected.value, actual.value);
        out.push(equation(&RULE, eq.subject(), msg, (actual, expected), e, a));
    }
}
