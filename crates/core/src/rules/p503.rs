//! P503 — the fee amount is written with a unit that contradicts the column's 万元.
//!
//! **What**: gb2021's 本年收费金额（单位：万元） holding "316441元" or "3亿元".
//! **Why**: the column's unit is printed in its header; a cell with another unit is off by a
//! factor of 10 000 or more when read in 万元.
//! **Fails**: "行政事业性收费 | 316441元".
//! **Passes**: "行政事业性收费 | 31.6441" or "31.6441万元".
//! **Fix**: convert to 万元 and drop the unit from the cell.

use super::{national_table, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;

pub const RULE: Rule = Rule {
    code: "P503",
    severity: Severity::Warning,
    title: "收费金额单位与“万元”不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let Some(t) = national_table(r, TableKind::Active) else {
        return;
    };
    let Some(cell) = t.cell("fees", "amount") else {
        return;
    };
    let Some(unit) = cell.unit else { return };
    if unit == "万元" {
        return;
    }
    let msg = format!(
        "主动公开情况表 行政事业性收费: 本年收费金额的单位是万元，单元格却写作“{}”（单位：{}）。",
        cell.raw, unit
    );
    let path = t.path("fees", "amount");
    out.push(
        Finding::new(RULE.code, RULE.severity, "active/row/fees", msg)
            .cells(vec![path])
            .quote(cell.raw.clone())
            .spans(cell.span),
    );
}
