//! A303 — in one column, new + carried_in ≠ total + carried_out.
//!
//! **What**: the identity printed in the table's own header: （本列数据的勾稽关系为：第一项加
//! 第二项之和，等于第三项加第四项之和）.
//! **Why**: every application received or carried in is either processed this year or carried
//! over to the next.
//! **Fails**: 自然人 39 new + 0 carried in, but 36 processed + 0 carried out.
//! **Passes**: 39 + 0 = 34 + 5.
//! **Fix**: the applications not yet processed belong in 四、结转下年度继续办理.
//! `actual` = new + carried_in; `expected` = total + carried_out.

use super::{difference, equation, failing, fmt_num, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{col_label, TableKind};

pub const RULE: Rule = Rule {
    code: "A303",
    severity: Severity::Error,
    title: "第一项加第二项不等于第三项加第四项",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for (eq, actual, expected) in failing(r, RULE.code) {
        let msg = format!(
            "申请情况表 {}列: 第一项+第二项 = {}，第三项+第四项 = {}{}",
            col_label(TableKind::Requests, eq.line),
            fmt_num(actual.value),
            fmt_num(expected.value),
            difference(
                "第一、二两项之和",
                "第三、四两项之和",
                actual.value,
                expected.value
            )
        );
        // Cells in the order of the identity: new, carried_in, total, carried_out.
        let (e, a) = (expected.value, actual.value);
        out.push(equation(&RULE, eq.subject(), msg, (actual, expected), e, a));
    }
}
