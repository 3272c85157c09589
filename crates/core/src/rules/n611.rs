//! N611 — a gb2021 report's 六、其他需要报告的事项 says nothing of 信息处理费.
//!
//! **What**: in a report of the 2021 format, the text under 六、其他需要报告的事项 (up to
//! the end, or the next section heading) has none of 处理费, 收费, 费用, 收取, 不涉及.
//! **Why**: 国办公开办函〔2021〕30号 says of section 六 that the collection of 信息处理费
//! (under 《政府信息公开信息处理费管理办法》) is reported there (收取信息处理费情况在此处
//! 报告); the 2019 format did not ask it, so gb2019 reports are not checked.
//! **Fails**: a 2021-format report whose 六 reads "无。" or only speaks of the website.
//! **Passes**: "本年度未收取信息处理费。"; "未收取政府信息依申请处理费用"; "没有收取";
//! "不涉及"; "全年收取政府信息公开信息处理费 0 元"; a report without 六 (S107 says so).
//! **Fix**: say in 六 whether 信息处理费 was charged (the notices sent, the amount), even
//! when none was.

use super::Rule;
use crate::report::{Finding, Report, Severity};
use crate::schema::Template;

pub const RULE: Rule = Rule {
    code: "N611",
    severity: Severity::Warning,
    title: "“其他需要报告的事项”未说明信息处理费收取情况",
    check,
};

/// Words that say something about the fee (also "not charged", "does not apply").
const FEE_WORDS: &[&str] = &["处理费", "收费", "费用", "收取", "不涉及"];

fn check(r: &Report, out: &mut Vec<Finding>) {
    if r.template != Template::Gb2021 {
        return;
    }
    let Some(body) = r.facts.section_bodies.iter().find(|b| b.number == 6) else {
        return;
    };
    if FEE_WORDS.iter().any(|w| body.text.contains(w)) {
        return;
    }
    out.push(
        Finding::new(
            RULE.code,
            RULE.severity,
            "report",
            "“六、其他需要报告的事项”未说明信息处理费的收取情况。按 2021 年版格式，收取信息处理费的情况在此处报告；建议写明本年度是否收取（未收取的，也可写明“未收取信息处理费”）。".to_string(),
        )
        .spans([body.heading]),
    );
}
