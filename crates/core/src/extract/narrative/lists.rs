//! Percentage lists ("N 条，占 P%") and breakdowns ("共 N …，其中 A …、B …").

use super::claims::{last_year_before, mentions_other_year, only_fillers};
use super::sentences::{Clause, Sent};
use super::*;

// ------------------------------------------------------------------ percentages

pub(super) fn percent_lists(
    s: &Sent,
    nums: &[Num],
    cls: &[Clause],
    sentence: usize,
    ctx: &Context,
) -> Vec<PercentList> {
    let mut items: Vec<PercentItem> = Vec::new();
    for (k, p) in nums.iter().enumerate() {
        if !p.is_percent() || p.approx {
            continue;
        }
        // 占 (比|总数的|…) P%: what stands between 占 and the number.
        let Some(zhan) = (p.at.saturating_sub(12)..p.at)
            .rev()
            .find(|&i| s.norm[i] == '占')
        else {
            continue;
        };
        let between = s.text(zhan + 1, p.at);
        if !only_fillers(&between, PERCENT_BASE) {
            continue; // 占全市的…, 占上年的…: another base
        }
        // The count just before 占, with at most a separator between.
        let Some(count) = k.checked_sub(1).and_then(|c| nums.get(c)) else {
            continue;
        };
        let sep = s.text(count.end, zhan);
        if !count.is_count() || !matches!(sep.as_str(), "" | "," | "(") {
            continue;
        }
        let cl = cls.iter().find(|c| c.from <= count.at && count.at < c.to);
        let other_year = cl.is_some_and(|c| mentions_other_year(s, c.from, c.to))
            || ctx
                .year
                .is_some_and(|y| last_year_before(s, count.at).is_some_and(|w| w != y));
        if other_year || s.has_any(zhan, p.at + p.len + 2, &["同比", "增长", "下降"]) {
            continue;
        }
        items.push(PercentItem {
            count: count.clone(),
            percent: p.clone(),
        });
    }
    let mut out: Vec<PercentList> = Vec::new();
    for item in items {
        match out.iter_mut().find(|l| {
            l.items
                .first()
                .is_some_and(|f| f.count.unit == item.count.unit)
        }) {
            Some(l) => l.items.push(item),
            None => out.push(PercentList {
                sentence,
                items: vec![item],
                total: None,
            }),
        }
    }
    for l in &mut out {
        l.total = stated_total(s, nums, cls, l);
    }
    out
}

/// Words that may stand between 占 and the percentage when it is of the list's own total.
pub(super) const PERCENT_BASE: &[&str] = &[
    "比",
    "总数的",
    "总数",
    "总量的",
    "总量",
    "总件数的",
    "全部的",
    "全部",
    "申请总数的",
    "的",
    "约",
];

/// The total a sentence states for its percentages: a count with the items' unit before
/// the first item, said with 共/共计/合计/总计 or followed by 其中.
pub(super) fn stated_total(s: &Sent, nums: &[Num], cls: &[Clause], l: &PercentList) -> Option<Num> {
    let first = l.items.first()?;
    let unit = first.count.unit;
    let candidates: Vec<&Num> = nums
        .iter()
        .filter(|n| n.at < first.count.at && n.unit == unit && n.is_count())
        .filter(|n| {
            let cl = cls.iter().find(|c| c.from <= n.at && n.at < c.to);
            let said_total = cl
                .is_some_and(|c| s.has_any(c.from, n.at, &["共", "合计", "总计", "累计", "总数"]));
            let then_qizhong = cl
                .is_some_and(|c| s.starts_with_at(c.to + 1, "其中") || s.has(n.end, c.to, "其中"));
            said_total || then_qizhong
        })
        .collect();
    match candidates[..] {
        [one] => Some(one.clone()),
        _ => None,
    }
}

// ------------------------------------------------------------------ breakdowns

/// Words that end a list of parts: the clause says something else than a part.
pub(super) const NOT_A_PART: &[&str] = &[
    "办结", "答复", "均", "全部", "已", "另", "此外", "同比", "较", "占", "结转", "上年", "去年",
    "增长", "下降", "增加", "减少", "其中", "分别", "共", "合计", "总计", "累计", "率", "平均",
    "人均",
];

/// The families of parts: parts of two families are two breakdowns, not one.
pub(super) const FAMILIES: &[&[&str]] = &[
    &["自然人", "法人", "企业", "组织", "机构"],
    &[
        "予以公开",
        "部分公开",
        "不予公开",
        "无法提供",
        "不予处理",
        "其他处理",
    ],
    &["维持", "纠正", "纠错", "其他结果", "尚未审结"],
    &[
        "当面",
        "网上",
        "网络",
        "信函",
        "传真",
        "电子邮件",
        "邮寄",
        "书面",
        "电话",
        "现场",
    ],
];

/// Whether the labels of a list of parts are parallel: all of one family, or (none of a
/// family) all ending alike ("…类信息", "专职/兼职"). Anything else may mix two ways of
/// counting the same things, and is not added up.
pub(super) fn parallel(labels: &[String]) -> bool {
    let families: Vec<Option<usize>> = labels
        .iter()
        .map(|l| {
            FAMILIES
                .iter()
                .position(|f| f.iter().any(|w| l.contains(w)))
        })
        .collect();
    if families.iter().all(|f| f.is_some()) {
        return families.windows(2).all(|w| w[0] == w[1]);
    }
    if families.iter().any(|f| f.is_some()) {
        return false;
    }
    let last: Vec<Option<char>> = labels.iter().map(|l| l.chars().last()).collect();
    last.windows(2).all(|w| w[0] == w[1])
}

pub(super) fn breakdowns(
    s: &Sent,
    nums: &[Num],
    cls: &[Clause],
    sentence: usize,
    ctx: &Context,
) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (ci, cl) in cls.iter().enumerate() {
        // The clause with "其中": at its start, or alone before the parts.
        if !s.starts_with_at(cl.from, "其中") || cl.paren {
            continue;
        }
        // The total: the only count of the clause just before, joined by a comma.
        if cl.sep_before != ',' || ci == 0 {
            continue;
        }
        let prev = cls[ci - 1];
        let in_prev: Vec<&Num> = nums
            .iter()
            .filter(|n| n.at >= prev.from && n.at < prev.to && n.unit.is_some())
            .filter(|n| !matches!(n.unit, Some("年" | "月" | "日")))
            .collect();
        let [total] = in_prev[..] else { continue };
        if !total.is_count() || mentions_other_year(s, prev.from, prev.to) {
            continue;
        }
        if ctx
            .year
            .is_some_and(|y| last_year_before(s, total.at).is_some_and(|w| w != y))
        {
            continue;
        }
        // The parts: following clauses of one count each, until one is something else.
        let mut parts: Vec<Num> = Vec::new();
        let mut labels: Vec<String> = Vec::new();
        let mut first = true;
        for c in &cls[ci..] {
            if !first && (c.sep_before == ';' || c.sep_before == '。' || c.paren != cl.paren) {
                break;
            }
            let from = if first { cl.from + 2 } else { c.from };
            first = false;
            let body = s.text(from, c.to);
            if body.is_empty() {
                continue;
            }
            let in_c: Vec<&Num> = nums
                .iter()
                .filter(|n| n.at >= from && n.at < c.to)
                .collect();
            if in_c.is_empty() && c.to < s.len() && s.norm.get(c.to) == Some(&'、') {
                continue; // "乡镇、部门…N条": a label list before its number
            }
            let [n] = in_c[..] else { break };
            let label = s.text(from, n.at);
            let ok = n.is_count()
                && n.unit == total.unit
                && label.chars().count() <= 15
                && !NOT_A_PART.iter().any(|w| body.contains(w))
                && n.end == c.to;
            if !ok {
                break;
            }
            parts.push(n.clone());
            labels.push(label);
        }
        if parts.is_empty() {
            continue;
        }
        if !parallel(&labels) {
            continue;
        }
        out.push(Breakdown {
            sentence,
            total: total.clone(),
            parts,
        });
    }
    out
}
