//! A301 — on one row of the requests table, 总计 ≠ the sum of the six applicant columns.
//!
//! **What**: natural + commercial + research + nonprofit + legal_service + other_org = total,
//! on every row, including a row whose total is blank while its parts are not.
//! **Why**: 总计 is the total over applicants (自然人 and the five kinds of 法人或其他组织).
//! **Fails**: "一、本年新收… | 1 | 0 | 0 | 0 | 0 | 0 | 0" (parts 1, total 0).
//! **Passes**: "一、本年新收… | 1 | 0 | 0 | 0 | 0 | 0 | 1".
//! **Fix**: correct the total, or the applicant column that is wrong.
//! `actual` = the row's total cell; `expected` = the sum of its six parts.

use super::{equation, fmt_num, national_table, same, sum, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{TableKind, REQUEST_PARTS};

pub const RULE: Rule = Rule {
    code: "A301",
    severity: Severity::Error,
    title: "行合计不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let Some(t) = national_table(r, TableKind::Requests) else {
        return;
    };
    for row in &t.rows {
        let key = row.def.key;
        let parts: Vec<(&str, &str)> = REQUEST_PARTS.iter().map(|c| (key, *c)).collect();
        let (Some(expected), Some(actual)) = (sum(t, &parts), sum(t, &[(key, "total")])) else {
            continue;
        };
        if same(expected.value, actual.value) {
            continue;
        }
        let msg = format!(
            "申请情况表 {}行: 总计 = {}，自然人与法人或其他组织各列之和 = {}",
            row.def.short,
            fmt_num(actual.value),
            fmt_num(expected.value)
        );
        let (e, a) = (expected.value, actual.value);
        out.push(equation(
            &RULE,
            format!("requests/row/{key}"),
            msg,
            (actual, expected),
            e,
            a,
        ));
    }
}
