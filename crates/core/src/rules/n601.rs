//! N601 — the narrative's count of requests received differs from the table.
//!
//! **What**: a sentence that clearly counts this year's requests ("共收到政府信息公开申请
//! 8件", "全市共受理政府信息公开申请 3119 件") against `requests/new/total`.
//! **Why**: the prose restates the table; when they differ one of them is wrong, and readers
//! quote the prose.
//! **Fails**: "共收到政府信息公开申请30件" with 一、本年新收 总计 24.
//! **Passes**: "共收到政府信息公开申请24件"; "共收到申请约30件" (approximate: not compared);
//! "区政府办代表区政府受理申请17件" (another scope); "较去年增加申请3件" (last year);
//! "共收到申请26件（含上年结转2件）" with 24 new and 2 carried in (the qualifier is read, not
//! added).
//! **Fix**: correct the sentence or the table.

use super::prose::compare;
use super::Rule;
use crate::extract::narrative::ClaimKind;
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;

pub const RULE: Rule = Rule {
    code: "N601",
    severity: Severity::Warning,
    title: "正文所述收到申请数与表格不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    compare(
        r,
        &RULE,
        |_, c| {
            (c.kind == ClaimKind::Received).then(|| {
                let mut t = super::prose::cell(
                    TableKind::Requests,
                    "new",
                    "total",
                    "本年收到的申请",
                    "申请情况表第一项“本年新收”总计".into(),
                );
                if c.includes_carried_in {
                    t.also = vec![vec![("new", "total"), ("carried_in", "total")]];
                }
                t
            })
        },
        out,
    );
}
