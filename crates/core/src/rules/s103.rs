//! S103 — a report of a national template lacks one of the three tables.
//!
//! **What**: a gb2019/gb2021 report in which the active-disclosure, requests or appeals
//! table was not found.
//! **Why**: the national format requires all three tables, even when every number is 0.
//! **Fails**: a report whose 四、…行政复议、行政诉讼情况 section says "无" instead of a table.
//! **Passes**: a report with all three tables, zeros included.
//! **Fix**: print the missing table with its numbers (0 where nothing happened).

use super::Rule;
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;

pub const RULE: Rule = Rule {
    code: "S103",
    severity: Severity::Warning,
    title: "缺少三张表之一",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    if !r.template.is_national() {
        return;
    }
    for kind in TableKind::ALL {
        if r.tables.get(kind).is_none() {
            let msg = format!(
                "没有找到{}（“{}”下的表格）。",
                kind.name_zh(),
                kind.heading_zh()
            );
            out.push(Finding::new(RULE.code, RULE.severity, kind.key(), msg));
        }
    }
}
