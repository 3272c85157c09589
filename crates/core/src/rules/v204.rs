//! V204 — a fractional number in a count column.
//!
//! **What**: a decimal in any column but an `amount` (only amounts of money may have cents).
//! **Why**: applications, documents and decisions are counted in whole numbers.
//! **Fails**: "（一）予以公开 | 2.5".
//! **Passes**: "行政事业性收费 | 7730.28" (本年收费金额, 万元).
//! **Fix**: write the whole count.

use super::{fmt_num, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::ColKind;
use crate::table::Value;

pub const RULE: Rule = Rule {
    code: "V204",
    severity: Severity::Error,
    title: "计数列出现小数",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for table in r.tables.iter() {
        for (row, c) in table.cells() {
            let Value::Number(n) = c.value else { continue };
            if n.fract() == 0.0 || c.kind == ColKind::Amount {
                continue;
            }
            let path = table.path(row.def.key, c.col);
            let msg = format!(
                "{}“{}”行“{}”列为小数 {}，计数应为整数。",
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
