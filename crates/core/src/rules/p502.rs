//! P502 — gb2021: 本年制发件数 > 现行有效件数 + 本年废止件数.
//!
//! **What**: for 规章 and 行政规范性文件, more documents issued this year than can be
//! accounted for: each one issued is either still in force or was repealed.
//! **Why**: a document issued this year is counted in 现行有效件数 unless it was repealed.
//! **Fails**: "行政规范性文件 | 10 | 0 | 3".
//! **Passes**: "行政规范性文件 | 10 | 11 | 39".
//! **Fix**: check 现行有效件数 (all documents in force, not only this year's).

use super::{fmt_num, national_table, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{TableKind, Template};

pub const RULE: Rule = Rule {
    code: "P502",
    severity: Severity::Warning,
    title: "本年制发件数大于现行有效与废止之和",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    if r.template != Template::Gb2021 {
        return;
    }
    let Some(t) = national_table(r, TableKind::Active) else {
        return;
    };
    for key in ["rules", "normative_docs"] {
        let (Some(issued), Some(repealed), Some(in_force)) = (
            t.number(key, "issued"),
            t.number(key, "repealed"),
            t.number(key, "in_force"),
        ) else {
            continue;
        };
        if issued > in_force + repealed {
            let Some(row) = t.row(key) else { continue };
            let msg = format!(
                "主动公开情况表 {}: 本年制发件数 = {}，大于现行有效件数 + 本年废止件数 = {}",
                row.def.label,
                fmt_num(issued),
                fmt_num(in_force + repealed)
            );
            let cols = ["issued", "repealed", "in_force"];
            let cells = cols.iter().map(|c| t.path(key, c)).collect();
            let spans = cols
                .into_iter()
                .filter_map(|c| t.cell(key, c).and_then(|c| c.span));
            out.push(
                Finding::new(RULE.code, RULE.severity, format!("active/row/{key}"), msg)
                    .cells(cells)
                    .values(in_force + repealed, issued)
                    .spans(spans),
            );
        }
    }
}
