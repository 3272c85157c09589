//! S102 — the template does not fit the year.
//!
//! **What**: a report for 2021 or later uses labels of the 2019 format (本年新制作数量,
//! 第二十条第（九）项, a single-row （六）其他处理), or a report for 2019 or 2020 uses labels of
//! the 2021 format (本年制发件数, the three rows of （六）其他处理).
//! **Why**: 国办公开办函〔2021〕30号 replaced the 2019 format from the 2021 reports on; the
//! year decides which format applies.
//! **Fails**: a 2023 report whose （六）其他处理 is one row.
//! **Passes**: a 2023 report with （六） split into 1./2./3.
//! **Fix**: use the format that applies to the report's year.

use super::Rule;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "S102",
    severity: Severity::Warning,
    title: "表格格式与年度不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let (Some(year), true) = (r.year, r.template.is_national()) else {
        return;
    };
    let f = &r.facts;
    let (wrong, format_name, right_name) = if year >= 2021 {
        (
            &f.gb2019_markers,
            "2019年版（国办公开办函〔2019〕60号）",
            "2021年版（国办公开办函〔2021〕30号）",
        )
    } else if (2019..=2020).contains(&year) {
        (
            &f.gb2021_markers,
            "2021年版（国办公开办函〔2021〕30号）",
            "2019年版（国办公开办函〔2019〕60号）",
        )
    } else {
        return;
    };
    if wrong.is_empty() {
        return;
    }
    let labels: Vec<&str> = wrong.iter().map(|m| m.label.as_str()).collect();
    let msg = format!(
        "{year}年的报告应使用{right_name}格式，但用了{format_name}格式的标签：{}",
        labels.join("、")
    );
    out.push(
        Finding::new(RULE.code, RULE.severity, "report", msg).spans(wrong.iter().map(|m| m.span)),
    );
}
