//! S106 — a row has more or fewer values than columns.
//!
//! **What**: the row's label was found but the count of numbers after it differs from the
//! template's column count, so which number belongs to which column is a guess.
//! **Why**: text copied from web pages and PDFs drops blank cells; reading "3 3" as
//! 自然人 3, 总计 3 or as 自然人 3, 商业企业 3 changes every sum.
//! **Fails**: "（一）予以公开 | 36 | 38" in a table of 7 columns.
//! **Passes**: all seven values, blanks written as "0" or "/".
//! **Fix**: write every cell, with 0 for nothing.

use super::Rule;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "S106",
    severity: Severity::Warning,
    title: "行的数值个数与列数不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for table in r.tables.iter() {
        for row in &table.rows {
            let Some(m) = &row.misaligned else { continue };
            // The appeals table is one printed row of 15: say it once.
            if table.kind == crate::schema::TableKind::Appeals && row.def.key != "review" {
                continue;
            }
            let guess = if m.found < m.expected {
                "已按从左到右依次对齐，后面缺少的列视为未填写（不参与计算）"
            } else {
                "已取前面的数值依次对齐，多出的数值未计入"
            };
            let what = if table.kind == crate::schema::TableKind::Appeals {
                format!(
                    "{}应有 15 个数值，读到 {} 个",
                    table.kind.name_zh(),
                    m.found
                )
            } else {
                format!(
                    "{}“{}”行应有 {} 个数值，读到 {} 个",
                    table.kind.name_zh(),
                    row.def.label,
                    m.expected,
                    m.found
                )
            };
            let subject = format!("{}/row/{}", table.kind.key(), row.def.key);
            let cells = row
                .cells
                .iter()
                .map(|c| table.path(row.def.key, c.col))
                .collect();
            let spans = row
                .label_span
                .into_iter()
                .chain(row.cells.iter().filter_map(|c| c.span));
            out.push(
                Finding::new(
                    RULE.code,
                    RULE.severity,
                    subject,
                    format!("{what}；{guess}。"),
                )
                .cells(cells)
                .spans(spans),
            );
        }
    }
}
