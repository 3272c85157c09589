//! N610 — 五、存在的主要问题及改进情况 names no problem.
//!
//! **What**: the text under the heading 五、存在的主要问题及改进情况 (up to the next section
//! heading) is empty, "无"/"暂无", or a short line (at most 30 characters) without a word
//! that names a shortcoming or an improvement (不足, 差距, 有待, 薄弱, 滞后, 加强, 提升,
//! 完善, 改进 …).
//! **Why**: both national formats (国办公开办函〔2019〕60号, 〔2021〕30号) ask this section to
//! state the main problems of the year and how they are being improved; evaluations mark a
//! section without content as missing.
//! **Fails**: "五、存在的主要问题及改进情况\n无。"; "五、…\n（一）存在的主要问题\n（二）改进情况".
//! **Passes**: "政务公开的深度和广度还有待提升。下一步将加强业务培训。"; a missing heading 五
//! (S107 says so instead).
//! **Fix**: write the year's main problems and the steps taken or planned.

use super::Rule;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "N610",
    severity: Severity::Warning,
    title: "“存在的主要问题及改进情况”未写明问题",
    check,
};

/// Words that name a shortcoming or what is done about it.
const PROBLEM_WORDS: &[&str] = &[
    "不足",
    "差距",
    "有待",
    "薄弱",
    "滞后",
    "欠缺",
    "不够",
    "不到位",
    "不高",
    "不强",
    "不及时",
    "不规范",
    "不全面",
    "不平衡",
    "短板",
    "加强",
    "提升",
    "提高",
    "完善",
    "改进",
    "优化",
    "推进",
    "落实",
    "规范",
    "强化",
    "培训",
];

/// Lines that only repeat the section's own sub-headings.
const SUBHEADINGS: &[&str] = &[
    "(一)",
    "(二)",
    "1.",
    "2.",
    "一是",
    "存在的主要问题及改进情况",
    "存在的主要问题",
    "主要问题",
    "存在问题",
    "改进情况",
    "改进措施",
];

fn check(r: &Report, out: &mut Vec<Finding>) {
    if !r.template.is_national() {
        return;
    }
    let Some(body) = r.facts.section_bodies.iter().find(|b| b.number == 5) else {
        return;
    };
    let mut rest = body.text.clone();
    for h in SUBHEADINGS {
        rest = rest.replace(h, "");
    }
    let rest: String = rest
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !"。，、；：".contains(*c))
        .collect();
    let names_problem = PROBLEM_WORDS.iter().any(|w| rest.contains(w));
    if rest.chars().count() > 30 || names_problem {
        return;
    }
    let said = if rest.is_empty() {
        "没有内容".to_string()
    } else {
        format!("只写了“{rest}”")
    };
    out.push(
        Finding::new(
            RULE.code,
            RULE.severity,
            "report",
            format!(
                "“五、存在的主要问题及改进情况”{said}，未写明本年度存在的主要问题及改进措施。建议如实写明工作中的不足和改进情况。"
            ),
        )
        .spans([body.heading]),
    );
}
