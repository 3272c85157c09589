//! N607 — the narrative's count of 规章 or 规范性文件 differs from the active-disclosure table.
//!
//! **What**: "制发/印发规范性文件 N 件", "废止 N 件", "现行有效 N 件" (gb2021: `issued`,
//! `repealed`, `in_force`) and "制发 N 件", "新公开 N 件" (gb2019: `made`, `published`) for the
//! rows `rules` and `normative_docs`.
//! **Why**: the prose restates the table of 第二十条第（一）项.
//! **Fails**: "本年制发行政规范性文件6件" with 本年制发件数 4.
//! **Passes**: "本年制发行政规范性文件4件"; "规章和规范性文件15份" (two rows in one number);
//! "政策性文件11件" (not a 规范性文件); "制定完善规章制度5项".
//! **Fix**: correct the sentence or the table.

use super::prose::{cell, compare};
use super::Rule;
use crate::extract::narrative::{ClaimKind, DocKind, DocMeasure};
use crate::report::{Finding, Report, Severity};
use crate::schema::{TableKind, Template};

pub const RULE: Rule = Rule {
    code: "N607",
    severity: Severity::Warning,
    title: "正文所述规章、规范性文件数与表格不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    compare(
        r,
        &RULE,
        |r, c| {
            let ClaimKind::Docs(doc, measure) = c.kind else {
                return None;
            };
            let (row, row_zh) = match doc {
                DocKind::Rules => ("rules", "规章"),
                DocKind::NormativeDocs => ("normative_docs", "规范性文件"),
            };
            let (col, col_zh, verb) = match (r.template, measure) {
                (Template::Gb2021, DocMeasure::Issued) => ("issued", "本年制发件数", "本年制发"),
                (Template::Gb2021, DocMeasure::Repealed) => {
                    ("repealed", "本年废止件数", "本年废止")
                }
                (Template::Gb2021, DocMeasure::InForce) => ("in_force", "现行有效件数", "现行有效"),
                (Template::Gb2019, DocMeasure::Issued) => ("made", "本年新制作数量", "本年制作"),
                (Template::Gb2019, DocMeasure::Published) => {
                    ("published", "本年新公开数量", "本年新公开")
                }
                _ => return None,
            };
            Some(cell(
                TableKind::Active,
                row,
                col,
                format!("{verb}的{row_zh}"),
                format!("主动公开情况表“{row_zh}”{col_zh}"),
            ))
        },
        out,
    );
}
