//! M702 — the statistics period is not 1 January – 31 December of one year, or cannot be read.
//!
//! **What**: 统计期限 stated with other dates, or with characters lost so that it cannot be
//! read ("本报告数据统计时限为202311日至1231").
//! **Why**: the tables count one calendar year; another period, or an unreadable one, makes the
//! numbers incomparable. Lost characters are never repaired silently.
//! **Fails** (as info): "统计期限自2020年1月1日至2020年11月30日".
//! **Passes**: "统计期限自2020年1月1日起至2020年12月31日止".
//! **Fix**: state the full calendar year.

use super::Rule;
use crate::extract::Period;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "M702",
    severity: Severity::Info,
    title: "统计期限不是一个完整自然年或无法读取",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let Some(p) = &r.facts.meta.period else {
        return;
    };
    let msg = match p {
        Period::Unreadable { quote, .. } => {
            format!("统计期限无法读取（可能有字符丢失）：“{quote}”。")
        }
        Period::Read { from, to, .. } => {
            if *from == (from.0, 1, 1) && *to == (from.0, 12, 31) {
                return;
            }
            format!(
                "统计期限为 {}年{}月{}日 至 {}年{}月{}日，不是一个完整的自然年。",
                from.0, from.1, from.2, to.0, to.1, to.2
            )
        }
    };
    out.push(
        Finding::new(RULE.code, RULE.severity, "report", msg)
            .quote(p.quote().to_string())
            .spans([p.span()]),
    );
}
