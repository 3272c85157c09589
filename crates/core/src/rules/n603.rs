//! N603 — the narrative's count of requests processed differs from the table.
//!
//! **What**: "办结/答复 N 件" against `requests/total/total` (（七）总计, the requests
//! processed this year).
//! **Why**: the prose restates the table's total of outcomes.
//! **Fails**: "已办结20件" with （七）总计 24.
//! **Passes**: "已办结24件"; "39件均依法予以答复" (the number is not what 答复 counts in
//! that order of words, so it is not read); "办结率100%".
//! **Fix**: correct the sentence or the table.

use super::prose::{cell, compare};
use super::Rule;
use crate::extract::narrative::ClaimKind;
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;

pub const RULE: Rule = Rule {
    code: "N603",
    severity: Severity::Warning,
    title: "正文所述办结数与表格不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    compare(
        r,
        &RULE,
        |_, c| {
            (c.kind == ClaimKind::Processed).then(|| {
                cell(
                    TableKind::Requests,
                    "total",
                    "total",
                    "办结（答复）的申请",
                    "申请情况表（七）总计".into(),
                )
            })
        },
        out,
    );
}
