//! N604 — the narrative's count of requests carried out to next year differs from the table.
//!
//! **What**: "结转下年度 N 件", "N 件顺延到下年度", "目前有 N 件在办理中" against
//! `requests/carried_out/total`.
//! **Why**: the prose restates the table's fourth item.
//! **Fails**: "另有5件结转下年度继续办理" with 四、结转下年度继续办理 总计 2.
//! **Passes**: "2件正在办理中"; "市长信箱来件…正在处理件15封" (letters, not requests).
//! **Fix**: correct the sentence or the table.

use super::prose::{cell, compare};
use super::Rule;
use crate::extract::narrative::ClaimKind;
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;

pub const RULE: Rule = Rule {
    code: "N604",
    severity: Severity::Warning,
    title: "正文所述结转下年度数与表格不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    compare(
        r,
        &RULE,
        |_, c| {
            (c.kind == ClaimKind::CarriedOut).then(|| {
                cell(
                    TableKind::Requests,
                    "carried_out",
                    "total",
                    "结转下年度的申请",
                    "申请情况表第四项“结转下年度继续办理”总计".into(),
                )
            })
        },
        out,
    );
}
