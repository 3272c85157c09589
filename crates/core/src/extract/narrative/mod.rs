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

mod claims;
mod finished;
mod lists;
mod numbers;
mod sentences;
mod words;

pub use numbers::chinese_number;

use crate::ingest::norm::normalize_char;
use crate::ingest::{CellClass, Document};
use crate::span::Span;
use claims::{Analysis, Flags, DISCLOSURE_REQUESTS, ITEMS, NOT_REQUESTS};
use lists::{breakdowns, percent_lists};
use numbers::{is_cn_digit, scan_numbers};
use sentences::{clauses, starts_item, Sent};

/// What the prose says in numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Narrative {
    /// The sentences that carry a claim, a percentage list or a breakdown.
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
    pub percent_lists: Vec<PercentList>,
    pub breakdowns: Vec<Breakdown>,
    /// Sentences that say every application was finished ("所有申请均已按期办结"), with the
    /// clause that says it (rule N612).
    pub all_finished: Vec<AllFinished>,
}

/// "所有申请均已按期办结": the sentence and the clause's span in the input.
#[derive(Clone, Debug, PartialEq)]
pub struct AllFinished {
    /// Index in [`Narrative::sentences`].
    pub sentence: usize,
    pub span: Span,
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

/// A sentence longer than this is cut (run-on text, or no punctuation at all).
const MAX_SENTENCE: usize = 800;

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
        let tableish = tableish(raw, doc.line_cells(li));
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

/// A line that looks like a table row (pipes, tabs, several values) or is a value alone:
/// not prose.
pub(crate) fn tableish(raw: &str, cells: &[crate::ingest::Cell]) -> bool {
    raw.contains(['|', '｜', '\t'])
        || (cells.len() >= 3 && cells.iter().filter(|c| c.is_value()).count() >= 2)
        || (cells.len() == 1 && cells[0].class != CellClass::Text)
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
        let finishing = || {
            self.ranges.iter().any(|r| {
                text.get(r.start..r.end)
                    .is_some_and(|t| t.contains("办结") || t.contains("完毕"))
            })
        };
        if self.chars >= 4 && (self.numeric || finishing()) {
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

fn analyse(s: &Sent, out: &mut Narrative, ctx: &Context) {
    let mut pushed = None;
    if let Some((a, b)) = finished::all_finished(s) {
        pushed = Some(out.sentences.len());
        out.all_finished.push(AllFinished {
            sentence: out.sentences.len(),
            span: s.span(a, b),
        });
        out.sentences.push(Sentence {
            span: s.span(0, s.len()),
            text: s.orig.iter().collect(),
        });
    }
    let nums = scan_numbers(s);
    if nums.is_empty() {
        return;
    }
    let cls = clauses(s);
    let idx = pushed.unwrap_or(out.sentences.len());
    let mut claims: Vec<Claim> = Vec::new();
    let mut scoped: Vec<ClaimKind> = Vec::new();
    let mut flags: Option<Flags> = None;
    for (ci, cl) in cls.iter().enumerate() {
        let in_this = |n: &&Num| n.at >= cl.from && n.at + n.len <= cl.to;
        if !nums.iter().filter(in_this).any(|n| n.is_count()) {
            continue;
        }
        let in_clause: Vec<&Num> = nums.iter().filter(in_this).collect();
        let flags = flags.get_or_insert_with(|| Flags {
            not_requests: s.has_any(0, s.len(), NOT_REQUESTS),
            disclosure: s.has_any(0, s.len(), DISCLOSURE_REQUESTS),
            requests: s.has(0, s.len(), "申请"),
            disclosing: s.has(0, s.len(), "公开"),
            items: s.has_any(0, s.len(), ITEMS),
        });
        let a = Analysis {
            flags,
            s,
            cls: &cls,
            ci,
            cl: *cl,
            nums: &in_clause,
            ctx,
        };
        let found = a.claims(idx);
        claims.extend(found.claims);
        scoped.extend(found.scoped);
    }
    // A kind counted for another scope, or twice with two values, is a breakdown by
    // subject: none of its counts in the sentence is compared.
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
    if pushed.is_none() {
        out.sentences.push(Sentence {
            span: s.span(0, s.len()),
            text: s.orig.iter().collect(),
        });
    }
    out.claims.extend(claims);
    out.percent_lists.extend(percent_lists);
    out.breakdowns.extend(breakdowns);
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
