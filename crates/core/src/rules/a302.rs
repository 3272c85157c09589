//! A302 — in one column of the requests table, （七）总计 ≠ the sum of the outcome rows.
//!
//! **What**: granted + partly_granted + withheld.* + unavailable.* + not_processed.* + other
//! (gb2019) or other.* (gb2021) = total, per column.
//! **Why**: （七）总计 is defined as the total of the outcomes （一）–（六）.
//! **Fails**: outcomes summing to 0 under a （七）总计 of 1.
//! **Passes**: outcomes summing to the total.
//! **Fix**: find the outcome that was left out, or correct the total.
//! `actual` = （七）总计 of the column; `expected` = the sum of the outcome rows.

use super::{difference, equation, failing, fmt_num, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{col_label, TableKind};

pub const RULE: Rule = Rule {
    code: "A302",
    severity: Severity::Error,
    title: "办理结果合计不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for (eq, actual, expected) in failing(r, RULE.code) {
        let msg = format!(
            "申请情况表 {}列: （七）总计 = {}，（一）至（六）办理结果之和 = {}{}",
            col_label(TableKind::Requests, eq.line),
            fmt_num(actual.value),
            fmt_num(expected.value),
            difference(
                "（七）总计",
                "（一）至（六）之和",
                actual.value,
                expected.value
            )
        );
        let (e, a) = (expected.value, actual.value);
        out.push(equation(&RULE, eq.subject(), msg, (actual, expected), e, a));
    }
}
