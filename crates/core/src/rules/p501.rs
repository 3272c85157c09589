//! P501 — gb2019: 本年新公开数量 > 对外公开总数量.
//!
//! **What**: for 规章 and 规范性文件, more documents newly published this year than are
//! published in all.
//! **Why**: the documents published this year are part of the total published.
//! **Fails**: "规范性文件 | 18 | 18 | 12".
//! **Passes**: "规范性文件 | 18 | 18 | 96".
//! **Fix**: correct 对外公开总数量 (it counts every year, not only this one).

use super::{fmt_num, national_table, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{TableKind, Template};

pub const RULE: Rule = Rule {
    code: "P501",
    severity: Severity::Warning,
    title: "本年新公开数量大于对外公开总数量",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    if r.template != Template::Gb2019 {
        return;
    }
    let Some(t) = national_table(r, TableKind::Active) else {
        return;
    };
    for key in ["rules", "normative_docs"] {
        let (Some(p), Some(total)) = (t.number(key, "published"), t.number(key, "public_total"))
        else {
            continue;
        };
        if p > total {
            let Some(row) = t.row(key) else { continue };
            let msg = format!(
                "主动公开情况表 {}: 本年新公开数量 = {}，大于对外公开总数量 = {}",
                row.def.label,
                fmt_num(p),
                fmt_num(total)
            );
            let cells = vec![t.path(key, "published"), t.path(key, "public_total")];
            let spans = ["published", "public_total"]
                .into_iter()
                .filter_map(|c| t.cell(key, c).and_then(|c| c.span));
            out.push(
                Finding::new(RULE.code, RULE.severity, format!("active/row/{key}"), msg)
                    .cells(cells)
                    .values(total, p)
                    .spans(spans),
            );
        }
    }
}
