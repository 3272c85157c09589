//! Y803 — the later of two reports of one agency for consecutive years repeats the earlier
//! one's prose.
//!
//! **What**: with reports of one agency for consecutive years checked together, the share of
//! the later report's prose (outside the tables, without the boilerplate the format makes
//! everyone write) found again in the earlier one's ([`crate::similarity`]): a warning at
//! 50 % or more, otherwise information, always given for such a pair.
//! **Why**: the 2021 format names 内容雷同 among the failings of a report; assessment rules
//! deduct for 与上年度重复率大于50%. A report should say what this year's work was.
//! **Fails**: the 2024 report's 总体情况 and 存在的主要问题 are the 2023 ones with the year
//! and the counts changed.
//! **Passes** (information only): the 2024 report describes this year's work in its own words.
//! **Fix**: rewrite the repeated sections with this year's work, problems and measures.

use super::{AcrossCheck, AcrossRule, Similar};
use crate::report::{Finding, Severity};
use crate::similarity::{Similarity, SimilarityKind, WARN_AT};

pub const RULE: AcrossRule = AcrossRule {
    code: "Y803",
    severity: Severity::Warning,
    title: "正文与上一年度报告雷同",
    check: AcrossCheck::Similar(check),
};

fn check(s: &Similar, out: &mut Vec<Finding>) {
    let e = s.entry;
    if e.kind != SimilarityKind::PreviousYear {
        return;
    }
    let (severity, word) = if e.share >= WARN_AT {
        (Severity::Warning, "雷同")
    } else {
        (Severity::Info, "重复")
    };
    let guess = match &e.guess {
        Some(why) => format!("（按名称推测为同一机关：{why}）"),
        None => String::new(),
    };
    let msg = format!(
        "正文与上一年度（{}年）报告{word} {}：{}{guess}",
        s.other.year.unwrap_or_default(),
        percent(e.share),
        figures(e, "上年报告"),
    );
    out.push(Finding::new(RULE.code, severity, "narrative", msg));
}

/// A share as a message writes it: "62.0%".
pub(super) fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// The figures and the method: "本报告正文 2400 字中有 1488 字见于上年报告；重复最多的是
/// 一、总体情况（70.0%）。方法：…".
pub(super) fn figures(e: &Similarity, other: &str) -> String {
    if e.chars == 0 {
        return format!(
            "本报告正文除表格、标题和格式规定的套话外没有可比较的文字。方法：{}",
            e.method
        );
    }
    let worst: Vec<String> = e
        .worst_sections()
        .iter()
        .map(|s| {
            format!(
                "{}（{}，{} 字中 {} 字）",
                crate::extract::sections::SECTION_NAMES
                    .get(usize::from(s.section).wrapping_sub(1))
                    .copied()
                    .unwrap_or(s.title),
                percent(s.share),
                s.chars,
                s.repeated_chars
            )
        })
        .collect();
    let worst = if worst.is_empty() {
        String::new()
    } else {
        format!("；重复最多的是{}", worst.join("、"))
    };
    format!(
        "本报告正文 {} 字中有 {} 字见于{other}{worst}。方法：{}",
        e.chars, e.repeated_chars, e.method
    )
}
