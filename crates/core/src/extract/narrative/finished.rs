//! "所有申请均已按期办结": a sentence that says every application was finished.
//!
//! Only clear claims are read. The clause must say 办结 (or 办理完毕) with a word for "all"
//! before it (所有, 全部, 均, 全, 一律), and what is all must be the applications: the
//! clause names them ("所有申请均已按期办结"), or 均/全部 follows a count of applications
//! received ("共收到政府信息公开申请28件，均已按期办结"). After a count processed
//! ("已办结8件，均在法定期限内") or of finished ones ("办结的申请均…") it only says that
//! the finished ones were on time, and is not read; 办结率 is a rate, not read either.

use super::claims::{APPEALS, DISCLOSURE_REQUESTS, NOT_REQUESTS};
use super::sentences::{clauses, Sent};

/// Words for "all".
const ALL: &[&str] = &["所有", "全部", "均", "全", "一律"];
/// Verbs of finishing.
const FINISHED: &[&str] = &["办结", "办理完毕", "处理完毕"];
/// Verbs of receiving, for the clause before "均…办结".
const RECEIVED: &[&str] = &["收到", "受理", "新收", "接收"];

/// The character range of the clause that says every application was finished, if one does.
pub(super) fn all_finished(s: &Sent) -> Option<(usize, usize)> {
    let n = s.len();
    let about_requests =
        s.has_any(0, n, DISCLOSURE_REQUESTS) || s.has(0, n, "依申请") || s.has(0, n, "公开申请");
    if !about_requests || s.has_any(0, n, NOT_REQUESTS) {
        return None;
    }
    let cls = clauses(s);
    for (ci, cl) in cls.iter().enumerate() {
        let (a, b) = (cl.from, cl.to);
        let Some(verb) = FINISHED.iter().find_map(|w| s.find(a, b, w)) else {
            continue;
        };
        let text = s.text(a, b);
        if text.contains("率")
            || text.contains("办结的")
            || text.contains("未")
            || text.contains("没有")
            || text.contains("不")
            || s.has_any(a, b, APPEALS)
        {
            continue;
        }
        let Some(all) = ALL.iter().find_map(|w| s.find(a, verb, w)) else {
            continue;
        };
        // What "all" is: the applications named in the clause before the word…
        let names_requests = s.has(a, verb, "申请") && !s.has(a, all, "办结");
        // …or a count of applications received in the clause just before.
        let after_received = ci.checked_sub(1).and_then(|p| cls.get(p)).is_some_and(|p| {
            s.has_any(p.from, p.to, RECEIVED)
                && s.has(p.from, p.to, "申请")
                && !s.has_any(p.from, p.to, FINISHED)
                && !s.has(p.from, p.to, "答复")
        }) && s.text(a, all).chars().count() <= 4;
        if names_requests || after_received {
            return Some((a, b));
        }
    }
    None
}
