//! A302 — in one column of the requests table, （七）总计 ≠ the sum of the outcome rows.
//!
//! **What**: granted + partly_granted + withheld.* + unavailable.* + not_processed.* + other
//! (gb2019) or other.* (gb2021) = total, per column.
//! **Why**: （七）总计 is defined as the total of the outcomes （一）–（六）.
//! **Fails**: outcomes summing to 0 under a （七）总计 of 1.
//! **Passes**: outcomes summing to the total.
//! **Fix**: find the outcome that was left out, or correct the total.
//! `actual` = （七）总计 of the column; `expected` = the sum of the outcome rows.

use super::{equation, fmt_num, national_table, same, sum, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{col_label, outcome_rows, TableKind, REQUEST_COLS};

pub const RULE: Rule = Rule {
    code: "A302",
    severity: Severity::Error,
    title: "办理结果合计不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let Some(t) = national_table(r, TableKind::Requests) else {
        return;
    };
    let outcomes: Vec<&str> = outcome_rows(r.facts.single_other).map(|d| d.key).collect();
    // With an outcome row missing (S104) the sum would be wrong for that reason alone.
    if outcomes.iter().any(|k| t.row(k).is_none()) {
        return;
    }
    for col in REQUEST_COLS.iter().map(|c| c.key) {
        let cells: Vec<(&str, &str)> = outcomes.iter().map(|k| (*k, col)).collect();
        let (Some(expected), Some(actual)) = (sum(t, &cells), sum(t, &[("total", col)])) else {
            continue;
        };
        if same(expected.value, actual.value) {
            continue;
        }
        let msg = format!(
            "申请情况表 {}列: （七）总计 = {}，（一）至（六）办理结果之和 = {}",
            col_label(TableKind::Requests, col),
            fmt_num(actual.value),
            fmt_num(expected.value)
        );
        let (e, a) = (expected.value, actual.value);
        out.push(equation(
            &RULE,
            format!("requests/col/{col}"),
            msg,
            (actual, expected),
            e,
            a,
        ));
    }
}
