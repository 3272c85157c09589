//! N602 — the narrative's count of requests carried in from last year differs from the table.
//!
//! **What**: "上年结转 N 件" (alone, or as "含上年结转N件" qualifying a count of received
//! requests) against `requests/carried_in/total`.
//! **Why**: the prose restates the table's second item.
//! **Fails**: "上年结转政府信息公开申请5件" with 二、上年结转 总计 2.
//! **Passes**: "上年结转2件"; "答复30件（含上年结转申请5件）" (a qualifier of the processed
//! count: some carried-in requests may still be open, so it is not compared).
//! **Fix**: correct the sentence or the table.

use super::prose::{cell, compare};
use super::Rule;
use crate::extract::narrative::ClaimKind;
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;

pub const RULE: Rule = Rule {
    code: "N602",
    severity: Severity::Warning,
    title: "正文所述上年结转数与表格不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    compare(
        r,
        &RULE,
        |_, c| {
            (c.kind == ClaimKind::CarriedIn).then(|| {
                cell(
                    TableKind::Requests,
                    "carried_in",
                    "total",
                    "上年结转的申请",
                    "申请情况表第二项“上年结转”总计".into(),
                )
            })
        },
        out,
    );
}
