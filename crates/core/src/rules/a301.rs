//! A301 — on one row of the requests table, 总计 ≠ the sum of the six applicant columns.
//!
//! **What**: natural + commercial + research + nonprofit + legal_service + other_org = total,
//! on every row, including a row whose total is blank while its parts are not.
//! **Why**: 总计 is the total over applicants (自然人 and the five kinds of 法人或其他组织).
//! **Fails**: "一、本年新收… | 1 | 0 | 0 | 0 | 0 | 0 | 0" (parts 1, total 0).
//! **Passes**: "一、本年新收… | 1 | 0 | 0 | 0 | 0 | 0 | 1".
//! **Fix**: correct the total, or the applicant column that is wrong.
//! `actual` = the row's total cell; `expected` = the sum of its six parts.

use super::{difference, equation, failing, fmt_num, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{row_def, TableKind};

pub const RULE: Rule = Rule {
    code: "A301",
    severity: Severity::Error,
    title: "行合计不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for (eq, actual, expected) in failing(r, RULE.code) {
        let short = row_def(TableKind::Requests, eq.line).map_or(eq.line, |d| d.short);
        let msg = format!(
            "申请情况表 {}行: 总计 = {}，自然人与法人或其他组织各列之和 = {}{}",
            short,
            fmt_num(actual.value),
            fmt_num(expected.value),
            difference("总计", "各列之和", actual.value, expected.value)
        );
        let (e, a) = (expected.value, actual.value);
        out.push(equation(&RULE, eq.subject(), msg, (actual, expected), e, a));
    }
}
