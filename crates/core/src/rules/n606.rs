//! N606 — the narrative's count of reviews or lawsuits differs from the appeals table.
//!
//! **What**: "行政复议 N 件" against `appeals/review/total`; "行政诉讼 N 件" against
//! `appeals/suit_direct/total` + `appeals/suit_after_review/total`.
//! **Why**: the prose restates the table.
//! **Fails**: "因政府信息公开被申请行政复议3件" with 行政复议 总计 2.
//! **Passes**: "被申请行政复议2件"; "行政复议和行政诉讼各1件" (two things in one number: not
//! compared); "行政复议被纠错1件" (a part, not the total).
//! **Fix**: correct the sentence or the table.

use super::prose::{compare, Target};
use super::Rule;
use crate::extract::narrative::ClaimKind;
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;

pub const RULE: Rule = Rule {
    code: "N606",
    severity: Severity::Warning,
    title: "正文所述复议诉讼数与表格不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    compare(
        r,
        &RULE,
        |_, c| match c.kind {
            ClaimKind::Reviews => Some(super::prose::cell(
                TableKind::Appeals,
                "review",
                "total",
                "行政复议",
                "复议诉讼情况表行政复议总计".into(),
            )),
            ClaimKind::Lawsuits => Some(Target {
                table: TableKind::Appeals,
                cells: vec![("suit_direct", "total"), ("suit_after_review", "total")],
                also: Vec::new(),
                subject: "appeals/suits".into(),
                what: "行政诉讼".into(),
                where_: "复议诉讼情况表行政诉讼（未经复议直接起诉与复议后起诉）总计".into(),
            }),
            _ => None,
        },
        out,
    );
}
