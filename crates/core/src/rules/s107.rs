//! S107 — one of the six section headings is missing or out of order.
//!
//! **What**: 一、总体情况 … 六、其他需要报告的事项, in that order, as the national format lays
//! the report out. A heading that lost its numeral ("、主动公开政府信息情况") still counts.
//! **Why**: readers and evaluators look for each section by its heading.
//! **Fails**: a report that ends after 五 without 六、其他需要报告的事项.
//! **Passes**: all six headings in order.
//! **Fix**: add the missing heading (with "无" when there is nothing to report).

use super::Rule;
use crate::extract::sections::SECTION_NAMES;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "S107",
    severity: Severity::Info,
    title: "章节标题缺失或顺序不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    if !r.template.is_national() {
        return;
    }
    let found: Vec<u8> = r.facts.sections.iter().map(|s| s.number).collect();
    let missing: Vec<&str> = (1..=6u8)
        .filter(|n| !found.contains(n))
        .map(|n| SECTION_NAMES[n as usize - 1])
        .collect();
    let mut firsts: Vec<u8> = Vec::new();
    for n in &found {
        if !firsts.contains(n) {
            firsts.push(*n);
        }
    }
    let in_order = firsts.windows(2).all(|w| w[0] < w[1]);
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("缺少章节标题：{}", missing.join("、")));
    }
    if !in_order {
        let order: Vec<&str> = firsts
            .iter()
            .map(|n| SECTION_NAMES[*n as usize - 1])
            .collect();
        parts.push(format!("章节顺序为：{}", order.join(" → ")));
    }
    if !parts.is_empty() {
        let spans = r.facts.sections.iter().map(|s| s.span);
        out.push(
            Finding::new(
                RULE.code,
                RULE.severity,
                "report",
                format!("{}。", parts.join("；")),
            )
            .spans(spans),
        );
    }
}
