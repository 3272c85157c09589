//! Y804 — two different units of one batch share their prose.
//!
//! **What**: in a batch, for each report the other unit's report whose prose has most of its
//! own ([`crate::similarity`], boilerplate left out): a warning when the share is 50 % or more.
//! **Why**: the 2021 format names 内容雷同 among the failings of a report; a unit's report
//! that is mostly another unit's text does not report its own work.
//! **Fails**: 某区教育局's 总体情况 and 存在的主要问题 are 某区卫健局's with the name changed.
//! **Passes**: both follow the format's headings and boilerplate but describe their own work.
//! **Fix**: write the report from the unit's own work, problems and measures.

use super::y803::{figures, percent};
use super::{AcrossCheck, AcrossRule, Similar};
use crate::report::{Finding, Severity};
use crate::similarity::{SimilarityKind, WARN_AT};

pub const RULE: AcrossRule = AcrossRule {
    code: "Y804",
    severity: Severity::Warning,
    title: "正文与同批另一单位的报告雷同",
    check: AcrossCheck::Similar(check),
};

fn check(s: &Similar, out: &mut Vec<Finding>) {
    let e = s.entry;
    if e.kind != SimilarityKind::OtherUnit || e.share < WARN_AT {
        return;
    }
    let year = s
        .other
        .year
        .map(|y| format!("{y}年"))
        .unwrap_or_else(|| "年度不详".into());
    let msg = format!(
        "正文与同批另一单位“{}”（{year}）的报告雷同 {}：{}",
        s.other.agency.as_deref().unwrap_or("名称不详"),
        percent(e.share),
        figures(e, "该单位报告"),
    );
    out.push(Finding::new(RULE.code, RULE.severity, "narrative", msg));
}
