//! V202 — a cell cannot be read as a number.
//!
//! **What**: a cell in a number column holds text such as "若干" or "5件?".
//! **Why**: the tables are statistics; a cell that is not a number cannot be checked or summed,
//! so every equation it is part of is skipped.
//! **Fails**: "（一）予以公开 | 若干 | …".
//! **Passes**: "（一）予以公开 | 12 | …", "/" or "无" for nothing.
//! **Fix**: write the number.

use super::Rule;
use crate::report::{Finding, Report, Severity};
use crate::table::Value;

pub const RULE: Rule = Rule {
    code: "V202",
    severity: Severity::Error,
    title: "单元格不是数字",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for table in r.tables.iter() {
        for (row, c) in table.cells() {
            if c.value != Value::Unreadable {
                continue;
            }
            let path = table.path(row.def.key, c.col);
            let msg = format!(
                "{}“{}”行“{}”列的内容“{}”无法读作数字，涉及它的等式未检查。",
                table.kind.name_zh(),
                row.def.short,
                crate::schema::col_label(table.kind, c.col),
                c.raw
            );
            out.push(
                Finding::new(RULE.code, RULE.severity, path.clone(), msg)
                    .cells(vec![path])
                    .quote(c.raw.clone())
                    .spans(c.span),
            );
        }
    }
}
