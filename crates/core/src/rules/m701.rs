//! M701 — the years disagree: title, statistics period, and the year the body speaks of.
//!
//! **What**: the title says one year, the 统计期限 another, or section 一 opens with a third.
//! **Why**: a report copied from last year's often keeps an old year somewhere.
//! **Fails**: title "2021年…年度报告" with 统计期限自2020年1月1日至2020年12月31日.
//! **Passes**: every year the same.
//! **Fix**: correct the year that is left over.

use super::Rule;
use crate::extract::Period;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "M701",
    severity: Severity::Warning,
    title: "报告中的年份不一致",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let m = &r.facts.meta;
    let mut seen: Vec<(&str, i32, crate::span::Span)> = Vec::new();
    if let Some(y) = m.title_year {
        seen.push(("标题", y.year, y.span));
    }
    if let Some(Period::Read { from, to, span, .. }) = &m.period {
        if from.0 == to.0 {
            seen.push(("统计期限", to.0, *span));
        }
    }
    if let Some(y) = m.body_year {
        seen.push(("正文", y.year, y.span));
    }
    let Some(first) = seen.first() else { return };
    if seen.iter().all(|s| s.1 == first.1) {
        return;
    }
    let parts: Vec<String> = seen
        .iter()
        .map(|(what, y, _)| format!("{what} {y} 年"))
        .collect();
    let msg = format!("报告中的年份不一致：{}。", parts.join("，"));
    out.push(Finding::new(RULE.code, RULE.severity, "report", msg).spans(seen.iter().map(|s| s.2)));
}
