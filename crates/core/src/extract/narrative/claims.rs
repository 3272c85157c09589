//! Claims: what a clause clearly says a count is.

use super::sentences::{Clause, Sent};
use super::words::*;
use super::*;

/// Words of clauses about letters, hotlines, consultations and petitions: their counts are
/// not 政府信息公开申请.
pub(super) const NOT_REQUESTS: &[&str] = &[
    "信箱", "来信", "信件", "热线", "12345", "咨询", "留言", "信访", "投诉", "举报", "建议",
    "提案", "诉求", "工单", "来电", "来访",
];

/// Words of clauses about appeals: their counts are not requests either.
pub(super) const APPEALS: &[&str] = &["复议", "诉讼"];

/// Words that make a sentence about 政府信息公开申请 (not 行政许可申请 and the like).
pub(super) const DISCLOSURE_REQUESTS: &[&str] =
    &["信息公开申请", "信息公开的申请", "依申请公开", "公开申请"];

/// Words that make a clause about another year (上年 / 上一年 too, unless it is 上年结转).
pub(super) const OTHER_YEAR: &[&str] = &["去年", "同比", "较上", "比上", "同期", "前年", "环比"];

/// Whether `a..b` speaks of another year: [`OTHER_YEAR`], or 上年 / 上一年 not followed by
/// 结转 (上年结转 is this year's carried-in count).
pub(super) fn mentions_other_year(s: &Sent, a: usize, b: usize) -> bool {
    if s.has_any(a, b, OTHER_YEAR) {
        return true;
    }
    for w in ["上一年", "上年"] {
        let mut i = a;
        while let Some(p) = s.find(i, b, w) {
            let rest = s.text(p + w.chars().count(), (p + 8).min(b));
            let carried = rest.starts_with("结转")
                || rest.starts_with("度结转")
                || rest.starts_with("度的结转");
            if !carried {
                return true;
            }
            i = p + 1;
        }
    }
    false
}

/// Words that name a narrower or other scope than the report's agency.
pub(super) const SCOPE: &[&str] = &[
    "代表",
    "政府办",
    "办公室",
    "本级",
    "直属",
    "下属",
    "部门",
    "乡镇",
    "街道",
    "县直",
    "市直",
    "区直",
    "各单位",
    "分别",
    "局",
    "中心",
    "公司",
    "委员会",
];

/// What a whole sentence speaks of, worked out once.
pub(super) struct Flags {
    /// Letters, hotlines, consultations, petitions ([`NOT_REQUESTS`]).
    pub(super) not_requests: bool,
    /// 政府信息公开申请 ([`DISCLOSURE_REQUESTS`]).
    pub(super) disclosure: bool,
    /// 申请.
    pub(super) requests: bool,
    /// 公开.
    pub(super) disclosing: bool,
    /// Documents or information items ([`ITEMS`]).
    pub(super) items: bool,
}

/// Words of sentences that count documents or information items by their disclosure
/// attribute ("印发公文类政府信息共432条，其中主动公开信息数99条，依申请公开信息数311条").
pub(super) const ITEMS: &[&str] = &[
    "公文",
    "信息数",
    "制发政府信息",
    "印发政府信息",
    "主动公开信息",
    "主动公开政府信息",
];

pub(super) struct Analysis<'a> {
    pub(super) flags: &'a Flags,
    pub(super) s: &'a Sent,
    pub(super) cls: &'a [Clause],
    pub(super) ci: usize,
    pub(super) cl: Clause,
    pub(super) nums: &'a [&'a Num],
    pub(super) ctx: &'a Context<'a>,
}

/// What one reading of a clause found: a claim, or a kind counted for another scope.
pub(super) enum Reading {
    Claim(Claim),
    /// A sentence that counts this kind for another scope ("县政府制发4件，县政府办公室制发3件")
    /// is a breakdown by subject: none of its counts of that kind is compared.
    Scoped(ClaimKind),
}

/// What the readings of one clause found.
#[derive(Default)]
pub(super) struct ClauseClaims {
    pub(super) claims: Vec<Claim>,
    /// Kinds the clause counts for another scope.
    pub(super) scoped: Vec<ClaimKind>,
}

impl Analysis<'_> {
    pub(super) fn text(&self, a: usize, b: usize) -> String {
        self.s.text(a, b)
    }

    pub(super) fn clause_has(&self, pats: &[&str]) -> bool {
        self.s.has_any(self.cl.from, self.cl.to, pats)
    }

    /// The clause speaks of another year than the report's.
    pub(super) fn other_year(&self, upto: usize) -> bool {
        mentions_other_year(self.s, self.cl.from, self.cl.to)
            || self
                .ctx
                .year
                .is_some_and(|y| last_year_before(self.s, upto).is_some_and(|w| w != y))
    }

    /// The text before `at` in the clause names a narrower or other scope.
    pub(super) fn scoped_subject(&self, at: usize) -> bool {
        let mut subject = self.text(self.cl.from, at);
        // "我办", "本局", "本机关": the agency itself.
        for self_ref in ['我', '本'] {
            while let Some(p) = subject.find(self_ref) {
                let mut rest = subject[p..].chars();
                rest.next();
                rest.next();
                subject = format!("{}{}", &subject[..p], rest.as_str());
            }
        }
        SCOPE.iter().any(|m| {
            subject.contains(m)
                && !self
                    .ctx
                    .agency
                    .is_some_and(|a| a.contains(m) && *m != "代表")
        })
    }

    /// Whether a claim's subject is the applications themselves. A count in 条 is of
    /// documents or information items unless the words just before it name the
    /// applications ("共收到政府信息公开申请0条"); a sentence that counts documents or
    /// information items ("印发公文类政府信息共432条，其中…不予公开22条") gives no outcome,
    /// no count processed and none carried over.
    pub(super) fn about_requests(&self, c: &Claim) -> bool {
        let request_kind = !matches!(
            c.kind,
            ClaimKind::Reviews | ClaimKind::Lawsuits | ClaimKind::Docs(..)
        );
        if !request_kind {
            return true;
        }
        if c.num.unit == Some("条") {
            let mut before = self.text(self.cl.from, c.num.at);
            while let Some(t) = ["共计", "合计", "数量", "共", "计", "为", "有", "的", "了"]
                .iter()
                .find_map(|f| before.strip_suffix(f))
            {
                before = t.to_string();
            }
            if !before.ends_with("申请") {
                return false;
            }
        }
        let counted_by_outcome = matches!(
            c.kind,
            ClaimKind::Outcome(_) | ClaimKind::Processed | ClaimKind::CarriedOut
        );
        !(counted_by_outcome && self.flags.items)
    }

    /// The clause lists parts of a total said before it: it, or a clause before it in the
    /// same list, opens with 其中/属于/含/包括 (or follows a bare "其中"). A list in
    /// brackets ends at its bracket; a clause outside brackets skips the bracketed ones.
    pub(super) fn in_breakdown(&self) -> bool {
        const OPENERS: &[&str] = &["其中", "属于", "含", "包括"];
        let paren = self.cl.paren;
        let mut k = self.ci;
        loop {
            let Some(c) = self.cls.get(k) else {
                return false;
            };
            if c.paren == paren {
                if OPENERS.iter().any(|w| self.s.starts_with_at(c.from, w)) {
                    return true;
                }
                if matches!(c.sep_before, ';' | '。' | '!' | '?' | '^')
                    || (paren && c.sep_before == '(')
                {
                    return false;
                }
            } else if paren {
                return false;
            }
            let Some(prev) = k.checked_sub(1) else {
                return false;
            };
            k = prev;
        }
    }

    /// The clause is a part of a total said before ("其中…", or after a bare "其中").
    pub(super) fn is_part(&self) -> bool {
        self.s.starts_with_at(self.cl.from, "其中")
            || self
                .ci
                .checked_sub(1)
                .and_then(|p| self.cls.get(p))
                .is_some_and(|p| self.text(p.from, p.to) == "其中")
    }

    /// The first count number after `at` in the clause, if nothing but filler words stand
    /// between.
    pub(super) fn number_after(&self, at: usize, fillers: &[&str]) -> Option<&Num> {
        let n = self.nums.iter().find(|n| n.at >= at)?;
        if !n.is_count() {
            return None;
        }
        only_fillers(&self.text(at, n.at), fillers).then_some(*n)
    }

    /// The count number whose unit ends just before `at` (with fillers between).
    pub(super) fn number_before(&self, at: usize, fillers: &[&str]) -> Option<&Num> {
        let n = self.nums.iter().rev().find(|n| n.end <= at)?;
        if !n.is_count() {
            return None;
        }
        only_fillers(&self.text(n.end, at), fillers).then_some(*n)
    }

    pub(super) fn claim(&self, kind: ClaimKind, num: &Num, sentence: usize) -> Claim {
        Claim {
            kind,
            num: num.clone(),
            sentence,
            includes_carried_in: false,
        }
    }

    /// Every reading of the clause: its claims (one number, one meaning) and the kinds it
    /// counts for another scope.
    pub(super) fn claims(&self, sentence: usize) -> ClauseClaims {
        let mut out = ClauseClaims::default();
        let readings = [
            self.received(sentence),
            self.carried_in(sentence),
            self.processed(sentence),
            self.carried_out(sentence),
            self.outcome(sentence),
            self.appeals(sentence),
            self.docs(sentence),
        ];
        for r in readings.into_iter().flatten() {
            match r {
                Reading::Claim(c) => {
                    if !c.num.approx && !self.other_year(c.num.at) && self.about_requests(&c) {
                        out.claims.push(c);
                    }
                }
                Reading::Scoped(kind) => out.scoped.push(kind),
            }
        }
        // One number, one meaning: a number two readings claim is dropped.
        let mut seen: Vec<usize> = Vec::new();
        let dup: Vec<usize> = out
            .claims
            .iter()
            .filter_map(|c| {
                if seen.contains(&c.num.at) {
                    Some(c.num.at)
                } else {
                    seen.push(c.num.at);
                    None
                }
            })
            .collect();
        out.claims.retain(|c| !dup.contains(&c.num.at));
        out
    }

    /// 收到/受理/新收 … 申请 N 件.
    pub(super) fn received(&self, sentence: usize) -> Option<Reading> {
        if self.cl.paren {
            return None;
        }
        let (at, len) = [
            "新收到",
            "共收到",
            "收到",
            "共受理",
            "受理",
            "新收",
            "共接收",
            "接收",
        ]
        .iter()
        .find_map(|t| {
            self.s
                .find(self.cl.from, self.cl.to, t)
                .map(|p| (p, t.chars().count()))
        })?;
        let n = self.number_after(at + len, RECEIVED_FILLERS)?;
        let gap = self.text(at + len, n.at);
        let about_disclosure = gap.contains("公开") || self.flags.disclosing;
        if !gap.contains("申请")
            || self.clause_has(NOT_REQUESTS)
            || self.clause_has(APPEALS)
            || !about_disclosure
        {
            return None;
        }
        if self.scoped_subject(at) {
            return Some(Reading::Scoped(ClaimKind::Received));
        }
        if self.is_part() {
            return None;
        }
        let mut c = self.claim(ClaimKind::Received, n, sentence);
        // "（含上年结转申请N件）" or "，其中上年结转N件" right after: the count may
        // include them.
        c.includes_carried_in = self.cls.get(self.ci + 1).is_some_and(|next| {
            let qualifies = (next.paren && next.sep_before == '(')
                || ["其中", "含", "包括"]
                    .iter()
                    .any(|w| self.s.starts_with_at(next.from, w));
            qualifies && self.s.has(next.from, next.to, "结转")
        });
        Some(Reading::Claim(c))
    }

    /// 上年结转 N 件 (alone, or qualifying a count of received requests).
    pub(super) fn carried_in(&self, sentence: usize) -> Option<Reading> {
        let at = self.s.find(self.cl.from, self.cl.to, "结转")?;
        let before = self.text(self.cl.from, at);
        let last_year = ["上年", "上年度", "上一年", "上一年度", "去年"]
            .iter()
            .any(|p| before.ends_with(p))
            || self.ctx.year.is_some_and(|y| {
                before.ends_with(&format!("{}年", y - 1))
                    || before.ends_with(&format!("{}年度", y - 1))
            });
        if !last_year || self.clause_has(&["信箱", "来信", "信访", "咨询", "复议", "诉讼"])
        {
            return None;
        }
        let n = self.number_after(at + 2, CARRIED_FILLERS)?;
        if self.cl.paren {
            // A qualifier: only when it qualifies a count of received requests.
            let owner = self.cls[..self.ci].iter().rev().find(|c| !c.paren)?;
            let t = self.text(owner.from, owner.to);
            if !["收到", "受理", "新收", "接收"]
                .iter()
                .any(|v| t.contains(v))
            {
                return None;
            }
        }
        Some(Reading::Claim(self.claim(
            ClaimKind::CarriedIn,
            n,
            sentence,
        )))
    }

    /// 办结/答复 N 件.
    pub(super) fn processed(&self, sentence: usize) -> Option<Reading> {
        // "办结2件，其中公开答复1件": an outcome among the parts, not a count processed.
        if self.in_breakdown()
            || self.flags.not_requests
            || !self.flags.disclosure
            || !self.clause_has(&["办", "答复", "完毕"])
            || self.clause_has(&["率", "复议", "诉讼", "结转", "顺延"])
        {
            return None;
        }
        let (at, len) = [
            "办理完毕",
            "处理完毕",
            "办理完成",
            "完成答复",
            "办结",
            "答复",
        ]
        .iter()
        .find_map(|t| {
            self.s
                .find(self.cl.from, self.cl.to, t)
                .map(|p| (p, t.chars().count()))
        })?;
        let n = self.number_after(at + len, PROCESSED_FILLERS)?;
        if self.scoped_subject(at) {
            return Some(Reading::Scoped(ClaimKind::Processed));
        }
        Some(Reading::Claim(self.claim(
            ClaimKind::Processed,
            n,
            sentence,
        )))
    }

    /// 结转下年度 N 件 / N 件顺延到下年度 / N 件正在办理.
    pub(super) fn carried_out(&self, sentence: usize) -> Option<Reading> {
        if self.flags.not_requests
            || !self.flags.disclosure
            || !self.clause_has(&["结转", "顺延", "转入", "延续", "办理", "办结"])
            || self.clause_has(&["复议", "诉讼", "率"])
        {
            return None;
        }
        let s = self.s;
        let (from, to) = (self.cl.from, self.cl.to);
        let next_year = |p: usize| -> Option<usize> {
            // 下年度 / 下一年度 / 下年 / 次年 / <year+1>年 at p (after 到/至).
            let p = if s.starts_with_at(p, "到") || s.starts_with_at(p, "至") {
                p + 1
            } else {
                p
            };
            for w in ["下一年度", "下一年", "下年度", "下年", "次年", "明年"] {
                if s.starts_with_at(p, w) {
                    return Some(p + w.chars().count());
                }
            }
            let y = self.ctx.year?;
            for w in [format!("{}年度", y + 1), format!("{}年", y + 1)] {
                if s.starts_with_at(p, &w) {
                    return Some(p + w.chars().count());
                }
            }
            None
        };
        // a. 结转(至)下年度(继续办理) N 件.
        if let Some(p) = s.find(from, to, "结转") {
            if let Some(after) = next_year(p + 2) {
                if let Some(n) = self.number_after(after, CARRIED_OUT_FILLERS) {
                    if self.scoped_subject(p) {
                        return Some(Reading::Scoped(ClaimKind::CarriedOut));
                    }
                    return Some(Reading::Claim(self.claim(
                        ClaimKind::CarriedOut,
                        n,
                        sentence,
                    )));
                }
            }
        }
        // b. N 件顺延/结转(到)下年度.
        for verb in ["顺延", "结转", "转入", "延续"] {
            if let Some(p) = s.find(from, to, verb) {
                if next_year(p + verb.chars().count()).is_some() {
                    if let Some(n) = self.number_before(p, &["申请", "需", "将", "均", "的"])
                    {
                        if self.scoped_subject(n.at) {
                            return Some(Reading::Scoped(ClaimKind::CarriedOut));
                        }
                        return Some(Reading::Claim(self.claim(
                            ClaimKind::CarriedOut,
                            n,
                            sentence,
                        )));
                    }
                }
            }
        }
        // c. N 件正在办理(中) / 正在办理 N 件.
        for w in [
            "正在办理中",
            "正在办理",
            "仍在办理",
            "尚在办理",
            "在办理中",
            "办理中",
            "尚未办结",
        ] {
            if let Some(p) = s.find(from, to, w) {
                if let Some(n) = self.number_before(p, &["申请", "仍", "尚", "还", "均", "目前"])
                {
                    if self.scoped_subject(n.at) {
                        return Some(Reading::Scoped(ClaimKind::CarriedOut));
                    }
                    return Some(Reading::Claim(self.claim(
                        ClaimKind::CarriedOut,
                        n,
                        sentence,
                    )));
                }
                let after = p + w.chars().count();
                if let Some(n) = self.number_after(after, &["中", "的", "有", "共", "申请", "为"])
                {
                    if self.scoped_subject(p) {
                        return Some(Reading::Scoped(ClaimKind::CarriedOut));
                    }
                    return Some(Reading::Claim(self.claim(
                        ClaimKind::CarriedOut,
                        n,
                        sentence,
                    )));
                }
            }
        }
        None
    }

    /// 予以公开 N 件, 不予公开 N 件 … (or N 件予以公开).
    pub(super) fn outcome(&self, sentence: usize) -> Option<Reading> {
        if !self.flags.requests
            || !self.clause_has(&["公开", "提供", "处理"])
            || self.clause_has(&["主动", "率", "复议", "诉讼"])
        {
            return None;
        }
        let s = self.s;
        let (from, to) = (self.cl.from, self.cl.to);
        let mut found: Vec<(Outcome, usize, usize)> = Vec::new();
        let mut i = from;
        while i < to {
            let hit = OUTCOME_WORDS
                .iter()
                .find(|(w, _)| s.starts_with_at(i, w) && i + w.chars().count() <= to);
            match hit {
                Some((w, o)) => {
                    let len = w.chars().count();
                    let negated = *o == Outcome::Granted
                        && (s.ends_with_at(i, "不") || s.ends_with_at(i, "部分"));
                    if !negated {
                        found.push((*o, i, len));
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        let [(outcome, at, len)] = found[..] else {
            return None;
        };
        let n = self
            .number_after(at + len, OUTCOME_FILLERS)
            .or_else(|| self.number_before(at, &["均", "申请", "为", "被"]))?;
        if self.scoped_subject(at.min(n.at)) {
            return Some(Reading::Scoped(ClaimKind::Outcome(outcome)));
        }
        Some(Reading::Claim(self.claim(
            ClaimKind::Outcome(outcome),
            n,
            sentence,
        )))
    }

    /// 行政复议 N 件 / 行政诉讼 N 件.
    pub(super) fn appeals(&self, sentence: usize) -> Option<Reading> {
        let s = self.s;
        let (from, to) = (self.cl.from, self.cl.to);
        let review = s
            .find(from, to, "行政复议")
            .filter(|&p| !s.starts_with_at(p + 4, "后"));
        let suit = s.find(from, to, "行政诉讼");
        let (kind, at) = match (review, suit) {
            (Some(p), None) => (ClaimKind::Reviews, p),
            (None, Some(p)) => (ClaimKind::Lawsuits, p),
            _ => return None,
        };
        if !self.s.has(self.cl.from, at, "公开")
            || self.cl.sep_before == '、'
            || self.clause_has(&[
                "纠错",
                "纠正",
                "败诉",
                "胜诉",
                "维持",
                "撤销",
                "驳回",
                "审结",
                "直接起诉",
                "复议后",
                "各",
                "率",
                "和",
                "及",
                "与",
            ])
        {
            return None;
        }
        let n = self.number_after(at + 4, APPEAL_FILLERS)?;
        if self.scoped_subject(at) {
            return Some(Reading::Scoped(kind));
        }
        Some(Reading::Claim(self.claim(kind, n, sentence)))
    }

    /// 制发/废止/现行有效/新公开 规章 或 规范性文件 N 件.
    pub(super) fn docs(&self, sentence: usize) -> Option<Reading> {
        let s = self.s;
        let (from, to) = (self.cl.from, self.cl.to);
        let rules = s
            .find(from, to, "规章")
            .filter(|&p| !s.starts_with_at(p + 2, "制度"));
        let normative = s.find(from, to, "规范性文件");
        let (doc, noun_at, noun_len) = match (rules, normative) {
            (Some(p), None) => (DocKind::Rules, p, 2),
            (None, Some(p)) => {
                let p = if s.ends_with_at(p, "行政") {
                    p - 2
                } else {
                    p
                };
                let len = if s.starts_with_at(p, "行政") { 7 } else { 5 };
                (DocKind::NormativeDocs, p, len)
            }
            _ => return None,
        };
        if self.clause_has(&[
            "清理",
            "备案",
            "审查",
            "审核",
            "解读",
            "征求意见",
            "草案",
            "合法性",
            "政策性",
            "各级",
            "部门",
            "乡镇",
        ]) {
            return None;
        }
        let verbs: Vec<(DocMeasure, usize, usize)> = DOC_VERBS
            .iter()
            .filter_map(|(w, m)| s.find(from, to, w).map(|p| (*m, p, w.chars().count())))
            .collect();
        let mut measures: Vec<DocMeasure> = verbs.iter().map(|v| v.0).collect();
        measures.dedup();
        let [measure] = measures[..] else {
            return None;
        };
        // The longest verb of that measure (调整废止 over 废止).
        let (_, v_at, v_len) = verbs
            .iter()
            .filter(|v| v.0 == measure)
            .max_by_key(|v| v.2)
            .copied()?;
        let (first_end, second_at, last_end) = if v_at < noun_at {
            (v_at + v_len, noun_at, noun_at + noun_len)
        } else {
            (noun_at + noun_len, v_at, v_at + v_len)
        };
        if v_at + v_len > noun_at && noun_at + noun_len > v_at {
            return None; // overlapping words
        }
        if !only_fillers(&self.text(first_end, second_at), DOC_BETWEEN) {
            return None;
        }
        let n = self.number_after(last_end, DOC_FILLERS)?;
        if self.scoped_subject(v_at.min(noun_at)) {
            return Some(Reading::Scoped(ClaimKind::Docs(doc, measure)));
        }
        Some(Reading::Claim(self.claim(
            ClaimKind::Docs(doc, measure),
            n,
            sentence,
        )))
    }
}

/// Whether `gap` is made of filler words only (or is empty).
pub(super) fn only_fillers(gap: &str, fillers: &[&str]) -> bool {
    let mut rest = gap;
    'outer: while !rest.is_empty() {
        let mut best: Option<&str> = None;
        for f in fillers {
            if rest.starts_with(f) && best.is_none_or(|b| f.len() > b.len()) {
                best = Some(f);
            }
        }
        match best {
            Some(f) => {
                rest = &rest[f.len()..];
                continue 'outer;
            }
            None => return false,
        }
    }
    true
}

/// The last "YYYY年" written before character `upto`.
pub(super) fn last_year_before(s: &Sent, upto: usize) -> Option<i32> {
    let n = &s.norm;
    let mut found = None;
    for i in 0..upto.min(n.len()) {
        let Some(run) = n.get(i..i + 5) else { break };
        let prev_digit = i > 0 && n[i - 1].is_ascii_digit();
        if !prev_digit && run[..4].iter().all(|c| c.is_ascii_digit()) && run[4] == '年' {
            let y: String = run[..4].iter().collect();
            if let Ok(y) = y.parse::<i32>() {
                if (1990..=2100).contains(&y) {
                    found = Some(y);
                }
            }
        }
    }
    found
}
