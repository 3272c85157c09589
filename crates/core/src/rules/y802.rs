//! Y802 — gb2021: 现行有效件数 of year N ≠ 现行有效件数 of N−1 + 本年制发件数 − 本年废止件数.
//!
//! **What**: for 规章 and 行政规范性文件, documents in force carry over from one year to the
//! next, plus those issued and minus those repealed.
//! **Why**: the three columns of 第二十条第（一）项 describe one stock and its flows. A
//! clean-up (清理) that re-counts the stock breaks the identity legitimately, hence a warning.
//! **Fails**: 2023 in force 5; 2024 issued 3, repealed 0, in force 9.
//! **Passes**: 2024 in force 8.
//! **Fix**: check 现行有效件数, or explain the re-count in the report.

use super::{fmt_num, same, AcrossCheck, AcrossRule, Pair};
use crate::report::{Finding, Severity};
use crate::schema::Template;

pub const RULE: AcrossRule = AcrossRule {
    code: "Y802",
    severity: Severity::Warning,
    title: "现行有效件数与上一年度不衔接",
    check: AcrossCheck::Pair(check),
};

fn check(p: &Pair, out: &mut Vec<Finding>) {
    if p.prev.template != Template::Gb2021 || p.cur.template != Template::Gb2021 {
        return;
    }
    let (Some(prev), Some(cur)) = (p.prev.tables.active.as_ref(), p.cur.tables.active.as_ref())
    else {
        return;
    };
    for key in ["rules", "normative_docs"] {
        let (Some(before), Some(issued), Some(repealed), Some(in_force)) = (
            prev.number(key, "in_force"),
            cur.number(key, "issued"),
            cur.number(key, "repealed"),
            cur.number(key, "in_force"),
        ) else {
            continue;
        };
        let expected = before + issued - repealed;
        if same(expected, in_force) {
            continue;
        }
        let label = cur.row(key).map_or(key, |r| r.def.label);
        let msg = format!(
            "跨年度衔接 {label}: 本年度现行有效件数 = {}，上一年度（{}年）现行有效 {} + 本年制发 {} − 本年废止 {} = {}{}",
            fmt_num(in_force),
            p.prev.year.unwrap_or_default(),
            fmt_num(before),
            fmt_num(issued),
            fmt_num(repealed),
            fmt_num(expected),
            p.guess_note()
        );
        let cols = ["issued", "repealed", "in_force"];
        let spans = cols
            .iter()
            .filter_map(|c| cur.cell(key, c).and_then(|c| c.span));
        out.push(
            Finding::new(RULE.code, RULE.severity, format!("active/row/{key}"), msg)
                .cells(cols.iter().map(|c| cur.path(key, c)).collect())
                .values(expected, in_force)
                .spans(spans),
        );
    }
}
