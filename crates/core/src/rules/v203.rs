//! V203 — a negative number where only 本年增/减 may be negative.
//!
//! **What**: a count below zero in any column but `change`.
//! **Why**: numbers of applications, documents and decisions cannot be negative.
//! **Fails**: "行政处罚 | -5".
//! **Passes**: "本年增/减 | -681" (gb2019 `change`).
//! **Fix**: write the count; a decrease belongs in 本年增/减 only.

use super::{fmt_num, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::ColKind;
use crate::table::Value;

pub const RULE: Rule = Rule {
    code: "V203",
    severity: Severity::Error,
    title: "不应为负数",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for table in r.tables.iter() {
        for (row, c) in table.cells() {
            let Value::Number(n) = c.value else { continue };
            if n >= 0.0 || c.kind == ColKind::Change {
                continue;
            }
            let path = table.path(row.def.key, c.col);
            let msg = format!(
                "{}“{}”行“{}”列为负数 {}，只有“本年增/减”可以为负。",
                table.kind.name_zh(),
                row.def.short,
                crate::schema::col_label(table.kind, c.col),
                fmt_num(n)
            );
            out.push(
                Finding::new(RULE.code, RULE.severity, path.clone(), msg)
                    .cells(vec![path])
                    .spans(c.span),
            );
        }
    }
}
