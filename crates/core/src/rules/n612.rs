//! N612 — the prose says every application was finished, the table carries some over.
//!
//! **What**: a sentence that clearly says all applications were finished ("所有申请均已按期
//! 办结", "共收到政府信息公开申请28件，均已按期办结") while `requests/carried_out/total`
//! (四、结转下年度继续办理) is more than 0. Only 办结 (办理完毕) with a word for "all" is
//! read, and only when "all" is the applications (named in the clause, or counted as
//! received just before); "已办结8件，均在法定期限内答复" says only that the finished ones
//! were on time, and "均已答复" or 办结率 are not read.
//! **Why**: an application carried over to next year is not finished; one of the two is
//! wrong, or the sentence means something narrower than it says.
//! **Fails**: "所有申请均已按期办结" with 结转下年度继续办理 总计 2.
//! **Passes**: the same with 结转 0; "已办结22件，均在法定期限内办结" with 结转 2.
//! **Fix**: correct the sentence (e.g. "已办结的申请均在法定期限内答复，另有2件结转下年度")
//! or the table.

use super::prose::claim_spans_of;
use super::{fmt_num, national_table, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::TableKind;
use crate::table::Value;

pub const RULE: Rule = Rule {
    code: "N612",
    severity: Severity::Warning,
    title: "正文称申请均已办结，但表中有结转下年度的申请",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let n = &r.facts.narrative;
    let Some(claim) = n.all_finished.first() else {
        return;
    };
    let Some(table) = national_table(r, TableKind::Requests) else {
        return;
    };
    let Some(cell) = table.cell("carried_out", "total") else {
        return;
    };
    let Value::Number(carried) = cell.value else {
        return;
    };
    if carried <= 0.0
        || table
            .row("carried_out")
            .is_some_and(|r| r.misaligned.is_some())
    {
        return;
    }
    let quote = n
        .sentences
        .get(claim.sentence)
        .map(|s| crate::extract::narrative::shorten(&s.text, 0, 0))
        .unwrap_or_default();
    let mut spans = claim_spans_of(n, claim.span, claim.sentence);
    spans.extend(cell.span);
    out.push(
        Finding::new(
            RULE.code,
            RULE.severity,
            crate::table::cell_path(TableKind::Requests, "carried_out", "total"),
            format!(
                "正文称申请均已办结，但申请情况表第四项“结转下年度继续办理”总计为 {}：结转的申请尚未办结。若本意是已办结的申请均按期答复，建议如实写明，并核对表格。",
                fmt_num(carried)
            ),
        )
        .cells(vec![crate::table::cell_path(
            TableKind::Requests,
            "carried_out",
            "total",
        )])
        .values(carried, 0.0)
        .quote(quote)
        .spans(spans),
    );
}
