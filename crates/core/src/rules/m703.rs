//! M703 — published after the deadline of 《政府信息公开条例》第四十九条.
//!
//! **What**: the report's publication date ([`crate::extract::published`]: the page's
//! metadata, its 发布时间 line, the file's creation date, or the 落款 date, strongest first)
//! is after the deadline its agency's kind gives ([`crate::extract::deadline`]): 1月31日 of
//! the next year for a department of a county-or-above government, 3月31日 for such a
//! government's own report (for reports on 2018 and earlier, the 2008 条例's 第三十一条:
//! 3月31日 for every organ).
//! **Why**: evaluators deduct for a report published late; the article sets the day.
//! **Fails**: 湘阴县教育局's report on 2024 with `<meta name="PubDate" content="2025-02-10">`.
//! **Passes**: the same on 2025-01-31; a 管委会's report of any date (its kind is not told by
//! its name: no deadline); a report whose date cannot be read.
//! **Fix**: publish on time; if the date read is not the publication date (a file made later,
//! a page republished), check it against the site's record.
//!
//! The message names the source, and says so when it is weak (a file's creation date, a
//! 落款): the day the report was signed or its file made is not the day it went online.

use super::Rule;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "M703",
    severity: Severity::Warning,
    title: "报告晚于条例规定的期限公开",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    let (Some(p), Some(deadline)) = (&r.published, r.deadline.date) else {
        return;
    };
    if p.date <= deadline {
        return;
    }
    let weak = if p.source.is_weak() {
        "；这一日期来源较弱（不一定是上网公开的日期），请以网站发布记录核实"
    } else {
        ""
    };
    let msg = format!(
        "报告的公开日期 {}（{}）晚于{}规定的期限 {}（{}）{weak}。",
        p.date.zh(),
        p.source.name_zh(),
        r.deadline.article_zh(),
        deadline.zh(),
        r.deadline.kind.name_zh(),
    );
    out.push(
        Finding::new(RULE.code, RULE.severity, "report", msg)
            .quote(p.quote.clone())
            .spans(p.span),
    );
}
