//! N609 — "共 N …，其中 A …、B …" where the parts add up to more than N.
//!
//! **What**: a total followed by "其中" and parts with the same unit, one count per clause,
//! none of them another kind of statement (办结, 占, 较上年 … end the list). Parts of two
//! kinds (自然人 and 予以公开) are two breakdowns, not one: nothing is said then.
//! **Why**: the parts of a whole cannot exceed it.
//! **Fails**: "共收到政府信息公开申请24件，其中自然人申请20件、法人申请6件".
//! **Passes**: "…24件，其中自然人申请20件、法人申请4件"; "共收到申请24件，其中自然人20件，
//! 已全部办结24件" (办结 is not a part).
//! **Fix**: correct the total or a part.
//! `expected` = the total as written, `actual` = the sum of the parts. `spans`: the total
//! first, then the sentence, then each part.

use super::{fmt_num, Rule};
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "N609",
    severity: Severity::Warning,
    title: "正文所列分项之和超过总数",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let n = &r.facts.narrative;
    for b in &n.breakdowns {
        let sum: f64 = b.parts.iter().map(|p| p.value).sum();
        if sum <= b.total.value + 1e-9 {
            continue;
        }
        let parts: Vec<String> = b.parts.iter().map(|p| fmt_num(p.value)).collect();
        let msg = format!(
            "总数为 {}，其中各项 {} 之和为 {}，超过总数。",
            fmt_num(b.total.value),
            parts.join(" + "),
            fmt_num(sum)
        );
        let mut spans = vec![b.total.span];
        spans.extend(n.sentence_span(b.sentence));
        spans.extend(b.parts.iter().map(|p| p.span));
        out.push(
            Finding::new(RULE.code, RULE.severity, "narrative", msg)
                .values(b.total.value, sum)
                .quote(n.quote(b.sentence, &b.total))
                .spans(spans),
        );
    }
}
