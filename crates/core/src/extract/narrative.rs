//! The narrative: what the report's prose says in numbers.
//!
//! Reports restate their tables in sentences ("共收到政府信息公开申请8件，已办结8件"). This
//! module reads the prose outside the tables into sentences, finds the numbers in them with
//! their byte spans, and keeps only what a sentence *clearly* claims:
//!
//! - [`Claim`]s: a count of requests received, carried in, processed, carried out, of one
//!   outcome group, of reviews or lawsuits, of 规章 / 规范性文件 issued, repealed, in force or
//!   newly published (rules N601–N607 compare them with the tables);
//! - [`PercentList`]s: "N 条，占 P%" items and the total they refer to (N608);
//! - [`Breakdown`]s: "共 N …，其中 A …、B …" (N609).
//!
//! How it decides, in order (false alarms are worse than misses, so every doubt drops the
//! number):
//!
//! 1. **Prose only.** Lines inside a table (and the section heading above it), lines that
//!    look like table rows (pipes, tabs, several values) and lines that are a value alone are
//!    left out; a line break joins lines (PDF text wraps inside sentences) unless the line
//!    ends a sentence, is a heading, or the next line starts a numbered item.
//! 2. **Sentences and clauses.** A sentence ends at 。！？; a clause at ，；、：（）.
//!    Text is matched after normalisation (full-width → half-width, no white space,
//!    traditional → simplified), and spans point back into the input.
//! 3. **Numbers.** ASCII and full-width digits (with thousands separators and decimals) and
//!    Chinese numerals (十二, 两, 二十三, 一百零五) followed by a unit. Numbers with
//!    余/近/约/多/左右/以上/超过… are approximate and never compared; ordinals (第…) and
//!    dates are not counts.
//! 4. **Claims.** A claim needs its keyword and its number in one clause, with nothing
//!    between them but filler words from a short list: "收到政府信息公开申请8件" is a claim,
//!    "收到网上申请5件" (a subset) and "受理商标注册399件" are not. A clause is dropped
//!    when it speaks of last year (上年/去年/同比/较…, or another year than the report's),
//!    of letters, hotlines or consultations (信箱, 来信, 热线, 咨询, 留言, 信访…), or of a
//!    narrower or other scope (代表, 政府办, 办公室, 本级, 部门, 乡镇…, unless the agency is
//!    itself that office). Qualifiers ("含上年结转申请N件") are read as what they qualify,
//!    never as another addend.

use crate::ingest::norm::normalize_char;
use crate::ingest::{CellClass, Document};
use crate::span::Span;

/// What the prose says in numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Narrative {
    /// The sentences that carry a claim, a percentage list or a breakdown.
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
    pub percent_lists: Vec<PercentList>,
    pub breakdowns: Vec<Breakdown>,
}

impl Narrative {
    /// The sentence, shortened to about 60 characters around the number.
    pub fn quote(&self, sentence: usize, num: &Num) -> String {
        let Some(s) = self.sentences.get(sentence) else {
            return String::new();
        };
        shorten(&s.text, num.at, num.at + num.len)
    }

    pub fn sentence_span(&self, sentence: usize) -> Option<Span> {
        self.sentences.get(sentence).map(|s| s.span)
    }
}

/// One sentence of the prose.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub span: Span,
    /// The sentence as written, white space removed; [`Num::at`] counts characters in it.
    pub text: String,
}

/// A number written in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Num {
    pub value: f64,
    /// The number's digits in the input (without its unit).
    pub span: Span,
    /// Character offset of the number in its sentence's `text`, and its length.
    pub at: usize,
    pub len: usize,
    /// The unit written after it ("件", "条", "%"), if one of the known ones.
    pub unit: Option<&'static str>,
    /// Written with 余/近/约/多/左右/以上/超过…: never compared.
    pub approx: bool,
    /// Digits after the decimal point, as written.
    pub decimals: u8,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// Character offset just after the unit (or the number when it has none).
    pub end: usize,
}

impl Num {
    fn is_count(&self) -> bool {
        !self.approx && self.unit.is_some_and(|u| COUNT_UNITS.contains(&u))
    }

    fn is_percent(&self) -> bool {
        self.unit == Some("%")
    }
}

/// What a sentence claims a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// Requests received this year (收到/受理/新收 … 申请 N 件).
    Received,
    /// Requests carried in from last year (上年结转 N 件).
    CarriedIn,
    /// Requests processed (办结/答复 N 件).
    Processed,
    /// Requests carried out to next year (结转下年度 / 顺延 / 正在办理 N 件).
    CarriedOut,
    /// Requests with one outcome (予以公开, 不予公开 … N 件).
    Outcome(Outcome),
    /// 行政复议 N 件.
    Reviews,
    /// 行政诉讼 N 件.
    Lawsuits,
    /// A count of 规章 or 规范性文件.
    Docs(DocKind, DocMeasure),
}

/// The outcome groups of the requests table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Granted,
    PartlyGranted,
    /// 予以公开及部分公开.
    GrantedOrPartly,
    Withheld,
    Unavailable,
    NotProcessed,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// 规章.
    Rules,
    /// （行政）规范性文件.
    NormativeDocs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocMeasure {
    /// 制发 / 印发 / 出台.
    Issued,
    /// 废止.
    Repealed,
    /// 现行有效.
    InForce,
    /// 新公开.
    Published,
}

/// A number a sentence clearly names.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    pub num: Num,
    /// Index in [`Narrative::sentences`].
    pub sentence: usize,
    /// A count of received requests qualified "含上年结转…": it may include them.
    pub includes_carried_in: bool,
}

/// "N 条，占 P%".
#[derive(Clone, Debug, PartialEq)]
pub struct PercentItem {
    pub count: Num,
    pub percent: Num,
}

/// The "N 条，占 P%" items of one sentence that share a unit, and the total the sentence
/// states for them, if it does ("共 T 件，其中 … N 件，占 P%").
#[derive(Clone, Debug, PartialEq)]
pub struct PercentList {
    pub sentence: usize,
    pub items: Vec<PercentItem>,
    pub total: Option<Num>,
}

/// "共 N …，其中 A …、B …": a total and the parts listed under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub sentence: usize,
    pub total: Num,
    pub parts: Vec<Num>,
}

/// What the extractor needs to know about the report.
#[derive(Clone, Debug, Default)]
pub struct Context<'a> {
    /// The report's year: a sentence about another year is not about this one.
    pub year: Option<i32>,
    pub agency: Option<&'a str>,
    /// Stretches of the input that are tables (and their headings).
    pub excluded: Vec<Span>,
    /// Lines that are section headings, in increasing order.
    pub heading_lines: Vec<usize>,
}

/// Units a count may carry.
const COUNT_UNITS: &[&str] = &[
    "件", "宗", "个", "条", "份", "起", "项", "次", "部", "篇", "则", "家", "人次", "件次", "人",
    "名",
];

/// Units read after a number, longest first.
const UNITS: &[&str] = &[
    "个百分点",
    "人次",
    "件次",
    "万元",
    "亿元",
    "%",
    "件",
    "宗",
    "个",
    "条",
    "份",
    "起",
    "项",
    "次",
    "部",
    "篇",
    "则",
    "家",
    "人",
    "名",
    "封",
    "期",
    "场",
    "批",
    "元",
    "年",
    "月",
    "日",
    "号",
    "天",
    "户",
    "本",
    "块",
    "所",
    "位",
    "类",
];

/// A sentence longer than this is cut (run-on text, or no punctuation at all).
const MAX_SENTENCE: usize = 800;

// ------------------------------------------------------------------ sentences

/// A sentence being read: normalised and original characters with their byte ranges.
#[derive(Default)]
struct Sent {
    norm: Vec<char>,
    /// `norm` as a string, and the byte offset of each character in it, for fast search.
    flat: String,
    nb: Vec<usize>,
    orig: Vec<char>,
    start: Vec<usize>,
    end: Vec<usize>,
}

impl Sent {
    fn clear(&mut self) {
        self.norm.clear();
        self.flat.clear();
        self.nb.clear();
        self.orig.clear();
        self.start.clear();
        self.end.clear();
    }

    fn len(&self) -> usize {
        self.norm.len()
    }

    fn text(&self, a: usize, b: usize) -> String {
        let b = b.min(self.norm.len());
        let a = a.min(b);
        self.flat[self.byte(a)..self.byte(b)].to_string()
    }

    fn span(&self, a: usize, b: usize) -> Span {
        let b = b.min(self.norm.len());
        if a >= b {
            let at = self.start.get(a).copied().unwrap_or(0);
            return Span::new(at, at);
        }
        Span::new(self.start[a], self.end[b - 1])
    }

    /// Byte offset in `flat` of character `i` (the end for `i` past the last).
    fn byte(&self, i: usize) -> usize {
        self.nb.get(i).copied().unwrap_or(self.flat.len())
    }

    /// First occurrence of `pat` in `a..b`.
    fn find(&self, a: usize, b: usize, pat: &str) -> Option<usize> {
        let (ba, bb) = (self.byte(a), self.byte(b));
        if pat.is_empty() || ba >= bb {
            return None;
        }
        let hay = self.flat.get(ba..bb)?;
        // Most patterns are absent: a quick scan for their last character tells most.
        if !pat
            .chars()
            .next_back()
            .is_some_and(|last| hay.contains(last))
        {
            return None;
        }
        let off = hay.find(pat)?;
        self.nb.binary_search(&(ba + off)).ok()
    }

    fn has(&self, a: usize, b: usize, pat: &str) -> bool {
        self.find(a, b, pat).is_some()
    }

    fn has_any(&self, a: usize, b: usize, pats: &[&str]) -> bool {
        pats.iter().any(|p| self.has(a, b, p))
    }

    /// Whether `pat` ends exactly at `i` (exclusive).
    fn ends_with_at(&self, i: usize, pat: &str) -> bool {
        i <= self.norm.len() && self.flat[..self.byte(i)].ends_with(pat)
    }

    /// Whether `pat` starts exactly at `i`.
    fn starts_with_at(&self, i: usize, pat: &str) -> bool {
        i <= self.norm.len() && self.flat[self.byte(i)..].starts_with(pat)
    }
}

/// Read the narrative of a document.
pub fn read(text: &str, doc: &Document, ctx: &Context) -> Narrative {
    let mut out = Narrative::default();
    let mut cur = Pending::default();
    let mut sent = Sent::default();
    let excluded = |span: Span| {
        ctx.excluded
            .iter()
            .any(|e| span.start < e.end && e.start < span.end)
    };
    for (li, line) in doc.lines.iter().enumerate() {
        let raw = text.get(line.span.start..line.span.end).unwrap_or("");
        let cells = doc.line_cells(li);
        let tableish = raw.contains(['|', '｜', '\t'])
            || (cells.len() >= 3 && cells.iter().filter(|c| c.is_value()).count() >= 2)
            || (cells.len() == 1 && cells[0].class != CellClass::Text);
        if line.page_number {
            continue; // a page number inside a sentence does not end it
        }
        if raw.trim().is_empty() || tableish || excluded(line.span) {
            cur.finish(text, &mut sent, &mut out, ctx);
            continue;
        }
        let item = starts_item(raw);
        // A numbered heading of its own: "一、总体情况", "（二）依申请公开方面".
        let heading = ctx.heading_lines.binary_search(&li).is_ok()
            || (item && raw.chars().count() <= 30 && !raw.contains(['。', '，', ',', '；']));
        if heading || item {
            cur.finish(text, &mut sent, &mut out, ctx);
        }
        // Only where a sentence ends, how long it is and whether it has a number are looked
        // at here; a sentence is read character by character only when it has a number.
        let mut from = line.span.start;
        for (i, ch) in raw.char_indices() {
            if ch.is_whitespace() {
                continue;
            }
            cur.chars += 1;
            cur.numeric |= is_numeric_char(ch);
            if matches!(ch, '。' | '！' | '？' | '!' | '?') || cur.chars >= MAX_SENTENCE {
                let end = line.span.start + i + ch.len_utf8();
                cur.ranges.push(Span::new(from, end));
                from = end;
                cur.finish(text, &mut sent, &mut out, ctx);
            }
        }
        if from < line.span.end {
            cur.ranges.push(Span::new(from, line.span.end));
        }
        let last = raw.trim_end().chars().last();
        if heading || last.is_some_and(|c| matches!(c, ':' | '：' | ';' | '；')) {
            cur.finish(text, &mut sent, &mut out, ctx);
        }
    }
    cur.finish(text, &mut sent, &mut out, ctx);
    out
}

/// A digit in any width, or a Chinese numeral.
fn is_numeric_char(c: char) -> bool {
    matches!(c, '0'..='9' | '０'..='９' | '十') || is_cn_digit(c)
}

/// The sentence being read, as stretches of the input.
#[derive(Default)]
struct Pending {
    ranges: Vec<Span>,
    chars: usize,
    numeric: bool,
}

impl Pending {
    /// End the sentence: read it when it has a number, and start a new one.
    fn finish(&mut self, text: &str, sent: &mut Sent, out: &mut Narrative, ctx: &Context) {
        if self.numeric && self.chars >= 4 {
            sent.clear();
            for r in &self.ranges {
                let Some(part) = text.get(r.start..r.end) else {
                    continue;
                };
                for (i, ch) in part.char_indices() {
                    let Some(n) = normalize_char(ch) else {
                        continue;
                    };
                    let start = r.start + i;
                    sent.norm.push(n);
                    sent.nb.push(sent.flat.len());
                    sent.flat.push(n);
                    sent.orig.push(ch);
                    sent.start.push(start);
                    sent.end.push(start + ch.len_utf8());
                }
            }
            analyse(sent, out, ctx);
        }
        self.ranges.clear();
        self.chars = 0;
        self.numeric = false;
    }
}

/// A line that starts a numbered item: "（一）", "(二)", "三、", "1、", "2.".
fn starts_item(raw: &str) -> bool {
    let mut t = ['\0'; 5];
    let mut n = 0;
    for c in raw.trim_start().chars().take(5) {
        t[n] = c;
        n += 1;
    }
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    match &t[..n] {
        ['（' | '(', a, '）' | ')', ..] if numeral(*a) => true,
        ['（' | '(', a, b, '）' | ')', ..] if numeral(*a) && numeral(*b) => true,
        [a, '、', ..] if numeral(*a) => true,
        [a, '.' | '．', b, ..] if a.is_ascii_digit() && !b.is_ascii_digit() => true,
        _ => false,
    }
}

/// A clause of a sentence: `from..to` in characters, and the separator before it.
#[derive(Clone, Copy, Debug)]
struct Clause {
    from: usize,
    to: usize,
    sep_before: char,
    paren: bool,
}

fn clauses(s: &Sent) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut depth = 0i32;
    let mut sep_before = '^';
    let mut paren = false;
    for (i, &c) in s.norm.iter().enumerate() {
        if matches!(c, ',' | ';' | '、' | ':' | '(' | ')' | '。' | '!' | '?') {
            out.push(Clause {
                from,
                to: i,
                sep_before,
                paren,
            });
            match c {
                '(' => depth += 1,
                ')' => depth = (depth - 1).max(0),
                _ => {}
            }
            paren = depth > 0;
            sep_before = c;
            from = i + 1;
        }
    }
    out.push(Clause {
        from,
        to: s.len(),
        sep_before,
        paren,
    });
    out
}

fn analyse(s: &Sent, out: &mut Narrative, ctx: &Context) {
    let nums = scan_numbers(s);
    if nums.is_empty() {
        return;
    }
    let cls = clauses(s);
    let idx = out.sentences.len();
    let mut claims: Vec<Claim> = Vec::new();
    let scoped_kinds = std::cell::RefCell::new(Vec::new());
    let mut flags: Option<Flags> = None;
    for (ci, cl) in cls.iter().enumerate() {
        let in_this = |n: &&Num| n.at >= cl.from && n.at + n.len <= cl.to;
        if !nums.iter().filter(in_this).any(|n| n.is_count()) {
            continue;
        }
        let in_clause: Vec<&Num> = nums.iter().filter(in_this).collect();
        let flags = flags.get_or_insert_with(|| Flags {
            not_requests: s.has_any(0, s.len(), &NOT_REQUESTS[..NOT_REQUESTS.len() - 2]),
            disclosure: s.has_any(0, s.len(), DISCLOSURE_REQUESTS),
            requests: s.has(0, s.len(), "申请"),
            disclosing: s.has(0, s.len(), "公开"),
        });
        let a = Analysis {
            flags,
            s,
            cls: &cls,
            ci,
            cl: *cl,
            nums: &in_clause,
            ctx,
            scoped_kinds: &scoped_kinds,
        };
        claims.extend(a.claims(idx));
    }
    // A kind counted for another scope, or twice with two values, is a breakdown by
    // subject: none of its counts in the sentence is compared.
    let scoped = scoped_kinds.into_inner();
    let twice: Vec<ClaimKind> = claims
        .iter()
        .filter(|c| {
            claims
                .iter()
                .any(|o| o.kind == c.kind && o.num.value != c.num.value)
        })
        .map(|c| c.kind)
        .collect();
    claims.retain(|c| !scoped.contains(&c.kind) && !twice.contains(&c.kind));
    let percent_lists = percent_lists(s, &nums, &cls, idx, ctx);
    let breakdowns = breakdowns(s, &nums, &cls, idx, ctx);
    if claims.is_empty() && percent_lists.is_empty() && breakdowns.is_empty() {
        return;
    }
    out.sentences.push(Sentence {
        span: s.span(0, s.len()),
        text: s.orig.iter().collect(),
    });
    out.claims.extend(claims);
    out.percent_lists.extend(percent_lists);
    out.breakdowns.extend(breakdowns);
}

// ------------------------------------------------------------------ numbers

fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    )
}

fn is_cn_numeral(c: char) -> bool {
    is_cn_digit(c) || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// 十二 → 12, 两 → 2, 二十三 → 23, 一百零五 → 105, 二〇二四 → 2024.
pub fn chinese_number(s: &str) -> Option<f64> {
    let digit = |c: char| -> Option<u64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || chars.len() > 12 {
        return None;
    }
    if chars.len() > 1 && chars.iter().all(|&c| digit(c).is_some()) {
        // Digit by digit: 二〇二四.
        let mut v: u64 = 0;
        for &c in &chars {
            v = v * 10 + digit(c)?;
        }
        return Some(v as f64);
    }
    let (mut total, mut section, mut num): (u64, u64, u64) = (0, 0, 0);
    for &c in &chars {
        if let Some(d) = digit(c) {
            num = d;
            continue;
        }
        let unit: u64 = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section = section.saturating_add(num).max(1).saturating_mul(unit);
            total = total.saturating_add(section);
            section = 0;
        } else {
            let n = if num == 0 && unit == 10 { 1 } else { num };
            section = section.saturating_add(n.saturating_mul(unit));
        }
        num = 0;
    }
    Some(total.saturating_add(section).saturating_add(num) as f64)
}

const APPROX_BEFORE: &[&str] = &[
    "近", "约", "逾", "超", "大约", "将近", "接近", "不到", "不足", "多达",
];
const APPROX_AFTER: &[&str] = &["左右", "上下", "以上", "以下", "多", "余", "许"];

fn scan_numbers(s: &Sent) -> Vec<Num> {
    let n = &s.norm;
    let mut out = Vec::new();
    let mut i = 0;
    while i < n.len() {
        let c = n[i];
        let (value, end, decimals, chinese) = if c.is_ascii_digit() {
            let prev = i.checked_sub(1).map(|p| n[p]);
            let (value, end, decimals) = read_digits(n, i);
            if prev.is_some_and(|p| {
                p.is_ascii_alphanumeric() || matches!(p, '@' | '-' | '/' | '.' | '_' | '#')
            }) {
                i = end;
                continue;
            }
            (value, end, decimals, false)
        } else if is_cn_numeral(c) {
            let mut end = i;
            while end < n.len() && is_cn_numeral(n[end]) && end - i < 12 {
                end += 1;
            }
            let run: String = n[i..end].iter().collect();
            match chinese_number(&run) {
                Some(v) => (Some(v), end, 0, true),
                None => {
                    i = end;
                    continue;
                }
            }
        } else {
            i += 1;
            continue;
        };
        let Some(value) = value else {
            i = end;
            continue;
        };
        // The unit, maybe after 余/多.
        let mut j = end;
        let mut approx = false;
        if j < n.len() && matches!(n[j], '余' | '多') {
            approx = true;
            j += 1;
        }
        let unit = UNITS.iter().copied().find(|u| s.starts_with_at(j, u));
        let unit_end = j + unit.map_or(0, |u| u.chars().count());
        let ordinal = s.ends_with_at(i, "第");
        if chinese {
            // A Chinese numeral is a count only with a unit after it; a lone 一 only with
            // the units that do not make words (一起, 一个, 一次, 一批 …).
            let ok = unit.is_some_and(|u| COUNT_UNITS.contains(&u) || u == "%")
                && (value != 1.0 || matches!(unit, Some("件" | "条" | "项" | "宗")))
                && !ordinal;
            if !ok {
                i = end;
                continue;
            }
        }
        let before_approx = APPROX_BEFORE.iter().any(|p| s.ends_with_at(i, p))
            || (chinese && (s.ends_with_at(i, "数") || s.ends_with_at(i, "几")));
        let after = if unit.is_some() { unit_end } else { end };
        let after_approx = APPROX_AFTER.iter().any(|p| s.starts_with_at(after, p));
        // A date or a code goes on after the number: 2021-01-12, 10:42.
        let code = matches!(n.get(end), Some('-' | '/' | ':' | '.'));
        out.push(Num {
            value,
            span: s.span(i, end),
            at: i,
            len: end - i,
            unit: if ordinal || code { None } else { unit },
            approx: approx || before_approx || after_approx,
            decimals,
            chinese,
            end: after,
        });
        i = end.max(i + 1);
    }
    out
}

/// Read digits at `i`: the value (None when it is not a plain number), where it ends, and
/// its decimals. Thousands separators are read when every group has three digits.
fn read_digits(n: &[char], i: usize) -> (Option<f64>, usize, u8) {
    let mut j = i;
    let mut digits = String::new();
    while j < n.len() && n[j].is_ascii_digit() {
        digits.push(n[j]);
        j += 1;
    }
    // Thousands: "3,119".
    if digits.len() <= 3 {
        loop {
            let group_ok = n.get(j) == Some(&',')
                && n.get(j + 1..j + 4)
                    .is_some_and(|g| g.iter().all(|c| c.is_ascii_digit()))
                && !n.get(j + 4).is_some_and(|c| c.is_ascii_digit());
            if !group_ok {
                break;
            }
            digits.extend(&n[j + 1..j + 4]);
            j += 4;
        }
    }
    let mut decimals = 0u8;
    if n.get(j) == Some(&'.') && n.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
        digits.push('.');
        j += 1;
        while j < n.len() && n[j].is_ascii_digit() {
            digits.push(n[j]);
            decimals = decimals.saturating_add(1);
            j += 1;
        }
    }
    if digits.len() > 15 {
        return (None, j, 0);
    }
    (digits.parse::<f64>().ok(), j, decimals)
}

// ------------------------------------------------------------------ claims

/// Words of clauses about letters, hotlines, consultations and petitions: their counts are
/// not 政府信息公开申请.
const NOT_REQUESTS: &[&str] = &[
    "信箱", "来信", "信件", "热线", "12345", "咨询", "留言", "信访", "投诉", "举报", "建议",
    "提案", "诉求", "工单", "来电", "来访", "复议", "诉讼",
];

/// Words that make a sentence about 政府信息公开申请 (not 行政许可申请 and the like).
const DISCLOSURE_REQUESTS: &[&str] = &["信息公开申请", "信息公开的申请", "依申请公开", "公开申请"];

/// Words that make a clause about another year (上年 / 上一年 too, unless it is 上年结转).
const OTHER_YEAR: &[&str] = &["去年", "同比", "较上", "比上", "同期", "前年", "环比"];

/// Whether `a..b` speaks of another year: [`OTHER_YEAR`], or 上年 / 上一年 not followed by
/// 结转 (上年结转 is this year's carried-in count).
fn mentions_other_year(s: &Sent, a: usize, b: usize) -> bool {
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
const SCOPE: &[&str] = &[
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
struct Flags {
    /// Letters, hotlines, consultations, petitions ([`NOT_REQUESTS`] but 复议/诉讼).
    not_requests: bool,
    /// 政府信息公开申请 ([`DISCLOSURE_REQUESTS`]).
    disclosure: bool,
    /// 申请.
    requests: bool,
    /// 公开.
    disclosing: bool,
}

struct Analysis<'a> {
    flags: &'a Flags,
    s: &'a Sent,
    cls: &'a [Clause],
    ci: usize,
    cl: Clause,
    nums: &'a [&'a Num],
    ctx: &'a Context<'a>,
    /// Kinds counted for another scope in this sentence.
    scoped_kinds: &'a std::cell::RefCell<Vec<ClaimKind>>,
}

impl Analysis<'_> {
    fn text(&self, a: usize, b: usize) -> String {
        self.s.text(a, b)
    }

    fn clause_has(&self, pats: &[&str]) -> bool {
        self.s.has_any(self.cl.from, self.cl.to, pats)
    }

    /// The clause speaks of another year than the report's.
    fn other_year(&self, upto: usize) -> bool {
        mentions_other_year(self.s, self.cl.from, self.cl.to)
            || self
                .ctx
                .year
                .is_some_and(|y| last_year_before(self.s, upto).is_some_and(|w| w != y))
    }

    /// The text before `at` in the clause names a narrower or other scope. The kind is
    /// remembered: a sentence that counts the same thing for another scope elsewhere
    /// ("县政府制发4件，县政府办公室制发3件") is a breakdown by subject, and none of its
    /// counts of that kind is compared.
    fn scoped(&self, at: usize, kind: ClaimKind) -> bool {
        let scoped = self.scoped_subject(at);
        if scoped {
            self.scoped_kinds.borrow_mut().push(kind);
        }
        scoped
    }

    fn scoped_subject(&self, at: usize) -> bool {
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

    /// The clause is a part of a total said before ("其中…", or after a bare "其中").
    fn is_part(&self) -> bool {
        self.s.starts_with_at(self.cl.from, "其中")
            || self
                .ci
                .checked_sub(1)
                .and_then(|p| self.cls.get(p))
                .is_some_and(|p| self.text(p.from, p.to) == "其中")
    }

    /// The first count number after `at` in the clause, if nothing but filler words stand
    /// between.
    fn number_after(&self, at: usize, fillers: &[&str]) -> Option<&Num> {
        let n = self.nums.iter().find(|n| n.at >= at)?;
        if !n.is_count() {
            return None;
        }
        only_fillers(&self.text(at, n.at), fillers).then_some(*n)
    }

    /// The count number whose unit ends just before `at` (with fillers between).
    fn number_before(&self, at: usize, fillers: &[&str]) -> Option<&Num> {
        let n = self.nums.iter().rev().find(|n| n.end <= at)?;
        if !n.is_count() {
            return None;
        }
        only_fillers(&self.text(n.end, at), fillers).then_some(*n)
    }

    fn claim(&self, kind: ClaimKind, num: &Num, sentence: usize) -> Claim {
        Claim {
            kind,
            num: num.clone(),
            sentence,
            includes_carried_in: false,
        }
    }

    fn claims(&self, sentence: usize) -> Vec<Claim> {
        let mut out = Vec::new();
        let mut push = |c: Option<Claim>| {
            if let Some(c) = c {
                if !c.num.approx && !self.other_year(c.num.at) {
                    out.push(c);
                }
            }
        };
        push(self.received(sentence));
        push(self.carried_in(sentence));
        push(self.processed(sentence));
        push(self.carried_out(sentence));
        push(self.outcome(sentence));
        push(self.appeals(sentence));
        push(self.docs(sentence));
        // One number, one meaning: a number two readings claim is dropped.
        let mut seen: Vec<usize> = Vec::new();
        let dup: Vec<usize> = out
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
        out.retain(|c| !dup.contains(&c.num.at));
        out
    }

    /// 收到/受理/新收 … 申请 N 件.
    fn received(&self, sentence: usize) -> Option<Claim> {
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
            || !about_disclosure
            || self.scoped(at, ClaimKind::Received)
            || self.is_part()
        {
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
        Some(c)
    }

    /// 上年结转 N 件 (alone, or qualifying a count of received requests).
    fn carried_in(&self, sentence: usize) -> Option<Claim> {
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
        Some(self.claim(ClaimKind::CarriedIn, n, sentence))
    }

    /// 办结/答复 N 件.
    fn processed(&self, sentence: usize) -> Option<Claim> {
        if self.flags.not_requests
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
        if self.scoped(at, ClaimKind::Processed) {
            return None;
        }
        Some(self.claim(ClaimKind::Processed, n, sentence))
    }

    /// 结转下年度 N 件 / N 件顺延到下年度 / N 件正在办理.
    fn carried_out(&self, sentence: usize) -> Option<Claim> {
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
                    if !self.scoped(p, ClaimKind::CarriedOut) {
                        return Some(self.claim(ClaimKind::CarriedOut, n, sentence));
                    }
                }
            }
        }
        // b. N 件顺延/结转(到)下年度.
        for verb in ["顺延", "结转", "转入", "延续"] {
            if let Some(p) = s.find(from, to, verb) {
                if next_year(p + verb.chars().count()).is_some() {
                    if let Some(n) = self.number_before(p, &["申请", "需", "将", "均", "的"])
                    {
                        if !self.scoped(n.at, ClaimKind::CarriedOut) {
                            return Some(self.claim(ClaimKind::CarriedOut, n, sentence));
                        }
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
                    if !self.scoped(n.at, ClaimKind::CarriedOut) {
                        return Some(self.claim(ClaimKind::CarriedOut, n, sentence));
                    }
                }
                let after = p + w.chars().count();
                if let Some(n) = self.number_after(after, &["中", "的", "有", "共", "申请", "为"])
                {
                    if !self.scoped(p, ClaimKind::CarriedOut) {
                        return Some(self.claim(ClaimKind::CarriedOut, n, sentence));
                    }
                }
            }
        }
        None
    }

    /// 予以公开 N 件, 不予公开 N 件 … (or N 件予以公开).
    fn outcome(&self, sentence: usize) -> Option<Claim> {
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
        if self.scoped(at.min(n.at), ClaimKind::Outcome(outcome)) {
            return None;
        }
        Some(self.claim(ClaimKind::Outcome(outcome), n, sentence))
    }

    /// 行政复议 N 件 / 行政诉讼 N 件.
    fn appeals(&self, sentence: usize) -> Option<Claim> {
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
        if self.scoped(at, kind) {
            return None;
        }
        Some(self.claim(kind, n, sentence))
    }

    /// 制发/废止/现行有效/新公开 规章 或 规范性文件 N 件.
    fn docs(&self, sentence: usize) -> Option<Claim> {
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
        if self.scoped(v_at.min(noun_at), ClaimKind::Docs(doc, measure)) {
            return None;
        }
        Some(self.claim(ClaimKind::Docs(doc, measure), n, sentence))
    }
}

const RECEIVED_FILLERS: &[&str] = &[
    "政府信息公开申请",
    "政府信息公开的申请",
    "信息公开申请",
    "依申请公开申请",
    "依申请公开",
    "政府信息公开",
    "公开申请",
    "申请件",
    "申请",
    "来件",
    "件",
    "各类",
    "共计",
    "合计",
    "总计",
    "共",
    "计",
    "了",
    "的",
    "数量",
    "数",
    "为",
    "是",
    "有",
    "政府信息",
    "信息",
];
const CARRIED_FILLERS: &[&str] = &[
    "的政府信息公开申请",
    "政府信息公开申请",
    "申请",
    "未办结",
    "的",
    "件",
    "共",
    "了",
    "为",
    "有",
];
const PROCESSED_FILLERS: &[&str] = &[
    "政府信息公开申请",
    "依申请公开申请",
    "依申请公开",
    "申请",
    "共计",
    "共",
    "了",
    "的",
    "件",
    "数",
    "为",
];
const CARRIED_OUT_FILLERS: &[&str] = &[
    "继续办理",
    "继续答复",
    "办理",
    "答复",
    "的",
    "申请",
    "共",
    "有",
    "为",
];
const OUTCOME_FILLERS: &[&str] = &["的", "申请", "共", "为", "有", "了", "答复", "决定", "件"];
const APPEAL_FILLERS: &[&str] = &[
    "案件", "申请", "共计", "共", "计", "有", "为", "了", "的", "件", "总数", "数量", "案", "被",
];
const DOC_BETWEEN: &[&str] = &[
    "行政",
    "的",
    "了",
    "各类",
    "市政府",
    "县政府",
    "区政府",
    "政府",
    "共",
    "共计",
    "有",
];
const DOC_FILLERS: &[&str] = &[
    "件", "的", "共", "共计", "计", "了", "为", "有", "数量", "件数", "数",
];

/// Outcome words, longest first so that "予以公开及部分公开" wins over its parts.
const OUTCOME_WORDS: &[(&str, Outcome)] = &[
    ("予以公开及部分公开", Outcome::GrantedOrPartly),
    ("予以公开和部分公开", Outcome::GrantedOrPartly),
    ("予以公开或部分公开", Outcome::GrantedOrPartly),
    ("部分公开", Outcome::PartlyGranted),
    ("不予公开", Outcome::Withheld),
    ("予以公开", Outcome::Granted),
    ("无法提供", Outcome::Unavailable),
    ("不予处理", Outcome::NotProcessed),
    ("其他处理", Outcome::Other),
];

const DOC_VERBS: &[(&str, DocMeasure)] = &[
    ("制发", DocMeasure::Issued),
    ("印发", DocMeasure::Issued),
    ("出台", DocMeasure::Issued),
    ("调整废止", DocMeasure::Repealed),
    ("宣布废止", DocMeasure::Repealed),
    ("废止", DocMeasure::Repealed),
    ("现行有效", DocMeasure::InForce),
    ("新公开", DocMeasure::Published),
];

/// Whether `gap` is made of filler words only (or is empty).
fn only_fillers(gap: &str, fillers: &[&str]) -> bool {
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
fn last_year_before(s: &Sent, upto: usize) -> Option<i32> {
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

// ------------------------------------------------------------------ percentages

fn percent_lists(
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
const PERCENT_BASE: &[&str] = &[
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
fn stated_total(s: &Sent, nums: &[Num], cls: &[Clause], l: &PercentList) -> Option<Num> {
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
const NOT_A_PART: &[&str] = &[
    "办结", "答复", "均", "全部", "已", "另", "此外", "同比", "较", "占", "结转", "上年", "去年",
    "增长", "下降", "增加", "减少", "其中", "分别", "共", "合计", "总计", "累计", "率", "平均",
    "人均",
];

/// The families of parts: parts of two families are two breakdowns, not one.
const FAMILIES: &[&[&str]] = &[
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
fn parallel(labels: &[String]) -> bool {
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

fn breakdowns(
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

// ------------------------------------------------------------------ quoting

/// A sentence shortened to about 60 characters around `a..b` (character offsets).
pub fn shorten(text: &str, a: usize, b: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    const MAX: usize = 60;
    if chars.len() <= MAX {
        return text.to_string();
    }
    let b = b.min(chars.len());
    let a = a.min(b);
    let before = 26usize;
    let mut from = a.saturating_sub(before);
    let mut to = (from + MAX).min(chars.len());
    if to < b {
        to = b;
    }
    if to - from < MAX {
        from = to.saturating_sub(MAX);
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&chars[from..to]);
    if to < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrative(text: &str, year: Option<i32>) -> Narrative {
        let doc = Document::from_text(text);
        read(
            text,
            &doc,
            &Context {
                year,
                ..Context::default()
            },
        )
    }

    fn claims(text: &str) -> Vec<(ClaimKind, f64)> {
        narrative(text, Some(2023))
            .claims
            .iter()
            .map(|c| (c.kind, c.num.value))
            .collect()
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_number("十二"), Some(12.0));
        assert_eq!(chinese_number("两"), Some(2.0));
        assert_eq!(chinese_number("二十三"), Some(23.0));
        assert_eq!(chinese_number("一百零五"), Some(105.0));
        assert_eq!(chinese_number("十"), Some(10.0));
        assert_eq!(chinese_number("一千二百"), Some(1200.0));
        assert_eq!(chinese_number("二〇二四"), Some(2024.0));
        assert_eq!(chinese_number("三万"), Some(30000.0));
        // Nonsense runs give some number, never an overflow.
        assert!(chinese_number("九亿亿亿亿亿亿亿亿亿亿亿").is_some());
        assert!(chinese_number("九千九百亿亿九千").is_some());
    }

    #[test]
    fn the_ways_requests_are_counted() {
        use ClaimKind::*;
        assert_eq!(
            claims("2023年共收到政府信息公开申请8件，已办结8件，均在法定期限内予以答复。"),
            vec![(Received, 8.0), (Processed, 8.0)]
        );
        assert_eq!(
            claims(
                "收到依申请公开来件44件,纸质信函来件8件,39件均依法依规予以答复,目前有5件在办理中。"
            ),
            vec![(Received, 44.0), (CarriedOut, 5.0)]
        );
        assert_eq!(
            claims("全年共收到依申请公开件两件，均予以公开。"),
            vec![(Received, 2.0)]
        );
        assert_eq!(
            claims("全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复）。"),
            vec![(Received, 3119.0), (Processed, 3050.0), (CarriedOut, 103.0)]
        );
        assert_eq!(
            claims("本年新收政府信息公开申请二十三件，上年结转两件。"),
            vec![(Received, 23.0), (CarriedIn, 2.0)]
        );
    }

    #[test]
    fn what_is_not_a_claim() {
        // Approximate, last year, subsets, letters, other scopes.
        assert!(claims("共收到政府信息公开申请20余件。").is_empty());
        assert!(claims("共收到政府信息公开申请约20件。").is_empty());
        assert!(claims("去年共收到政府信息公开申请15件。").is_empty());
        assert!(claims("2022年共收到政府信息公开申请15件。").is_empty());
        assert!(claims("较上年增加政府信息公开申请3件。").is_empty());
        assert!(claims("共收到网上政府信息公开申请5件。").is_empty());
        assert!(claims("收到市长信箱来件285封，正在处理件15封。").is_empty());
        assert!(claims("受理商标注册399件。").is_empty());
        assert!(claims("区政府办代表区政府受理政府信息公开申请 17 件。").is_empty());
        assert!(claims("共受理政府信息公开咨询20件。").is_empty());
    }

    #[test]
    fn breakdowns_by_subject_and_other_requests() {
        use ClaimKind::*;
        // The same kind for two subjects: neither is compared.
        assert!(claims("县政府制发规范性文件4件，县政府办公室制发规范性文件3件。").is_empty());
        // Other kinds of 申请.
        assert!(claims("受理行政许可申请1200件，办结1200件，其中5件正在办理中。").is_empty());
        // A count with its carried-in part.
        let n = narrative(
            "全年共收到政府信息公开申请26件，其中上年结转2件。",
            Some(2023),
        );
        assert_eq!(n.claims[0].kind, Received);
        assert!(n.claims[0].includes_carried_in);
        // Reviews not about disclosure.
        assert!(
            claims("本机关作为被申请人的行政复议案件共10件，其中涉及政府信息公开的2件。")
                .is_empty()
        );
    }

    #[test]
    fn outcomes_appeals_and_documents() {
        use ClaimKind::*;
        assert_eq!(
            claims("本年度收到申请24件，其中予以公开12件，部分公开4件，不予公开1件。"),
            vec![
                (Received, 24.0),
                (Outcome(super::Outcome::Granted), 12.0),
                (Outcome(super::Outcome::PartlyGranted), 4.0),
                (Outcome(super::Outcome::Withheld), 1.0)
            ]
        );
        assert_eq!(
            claims("政府信息公开行政复议 351 件，其中结果维持 72 件；政府信息公开行政诉讼 46 件。"),
            vec![(Reviews, 351.0), (Lawsuits, 46.0)]
        );
        assert!(claims("因政府信息公开被申请行政复议和提起行政诉讼各1件。").is_empty());
        assert_eq!(
            claims("调整废止行政规范性文件11件，39行政规范性文件纳入文件库。"),
            vec![(Docs(DocKind::NormativeDocs, DocMeasure::Repealed), 11.0)]
        );
        assert!(claims("地方行政规章和各级行政机关制定的规范性文件15份。").is_empty());
        assert!(claims("制定完善规章制度5项。").is_empty());
        assert!(claims("市政府及市政府办政策性文件 11 件。").is_empty());
    }

    #[test]
    fn percentages_and_their_total() {
        let n = narrative(
            "主要类别有:机构职能类信息329条,占24.4%;规划计划类信息89条,占6%;其他108条,占8.01%。",
            None,
        );
        assert_eq!(n.percent_lists.len(), 1);
        assert_eq!(n.percent_lists[0].items.len(), 3);
        assert_eq!(n.percent_lists[0].total, None);
        let n = narrative("共收到申请8件，其中予以公开5件，占62.5%。", None);
        assert_eq!(
            n.percent_lists[0].total.as_ref().map(|t| t.value),
            Some(8.0)
        );
        let n = narrative("本县受理申请50件，占全市的15%。", None);
        assert!(n.percent_lists.is_empty());
    }

    #[test]
    fn breakdowns_stop_at_what_is_not_a_part() {
        let n = narrative("共收到申请10件，其中自然人申请8件、法人申请3件。", None);
        assert_eq!(n.breakdowns.len(), 1);
        assert_eq!(n.breakdowns[0].parts.len(), 2);
        let n = narrative("共收到申请10件，其中自然人申请8件，已全部办结10件。", None);
        assert_eq!(n.breakdowns[0].parts.len(), 1);
        let n = narrative("共收到申请10件，其中自然人8件，予以公开5件。", None);
        assert!(n.breakdowns.is_empty(), "two families");
        let n = narrative(
            "共收到申请10件，其中网上申请6件，书面申请4件，涉及城建领域3件。",
            None,
        );
        assert!(n.breakdowns.is_empty(), "a family and a stray");
        let n = narrative("共发布信息100条，其中政策文件40条，网站发布80条。", None);
        assert!(n.breakdowns.is_empty(), "labels that are not alike");
        let n = narrative("人员共80人，其中专职3人，兼职77人。", None);
        assert_eq!(n.breakdowns[0].parts.len(), 2);
    }

    #[test]
    fn spans_point_at_the_number() {
        let text = "一、总体情况\n共收到政府信息公开申请 １２ 件。\n";
        let n = narrative(text, None);
        let c = &n.claims[0];
        assert_eq!(&text[c.num.span.start..c.num.span.end], "１２");
        let s = &n.sentences[c.sentence];
        assert_eq!(
            &text[s.span.start..s.span.end],
            "共收到政府信息公开申请 １２ 件。"
        );
        assert_eq!(
            n.quote(c.sentence, &c.num),
            "共收到政府信息公开申请１２件。"
        );
    }

    #[test]
    fn shortening_keeps_the_number() {
        let long: String = "甲".repeat(100) + "共收到申请8件" + &"乙".repeat(100);
        let q = shorten(&long, 106, 107);
        assert!(q.contains("共收到申请8件"), "{q}");
        assert!(q.chars().count() <= 62);
    }

    #[test]
    fn any_mix_of_numbers_words_and_punctuation_is_safe() {
        const PIECES: &[&str] = &[
            "1",
            "23",
            "３",
            "4.5",
            "1,234",
            "十",
            "二",
            "两",
            "百",
            "万",
            "亿",
            "零",
            "件",
            "条",
            "%",
            "％",
            "余",
            "约",
            "近",
            "左右",
            "占",
            "共",
            "其中",
            "，",
            "。",
            "；",
            "、",
            "（",
            "）",
            "(",
            ")",
            ":",
            "\n",
            " ",
            "收到",
            "受理",
            "政府信息公开申请",
            "办结",
            "答复",
            "结转",
            "下年度",
            "上年",
            "正在办理中",
            "予以公开",
            "不予公开",
            "行政复议",
            "行政诉讼",
            "规章",
            "规范性文件",
            "制发",
            "废止",
            "2023年",
            "较去年",
            "代表",
            "信箱",
            "第",
            "-",
            "é",
            "\u{200b}",
            "｜",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..60 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let n = narrative(&text, Some(2023));
            let ok = |sp: Span| {
                sp.start <= sp.end
                    && sp.end <= text.len()
                    && text.is_char_boundary(sp.start)
                    && text.is_char_boundary(sp.end)
            };
            for c in &n.claims {
                assert!(ok(c.num.span), "{text:?}");
                let _ = n.quote(c.sentence, &c.num);
            }
            for s in &n.sentences {
                assert!(ok(s.span), "{text:?}");
            }
            for l in &n.percent_lists {
                assert!(l
                    .items
                    .iter()
                    .all(|i| ok(i.count.span) && ok(i.percent.span)));
            }
            for b in &n.breakdowns {
                assert!(ok(b.total.span) && b.parts.iter().all(|p| ok(p.span)));
            }
        }
    }
}
