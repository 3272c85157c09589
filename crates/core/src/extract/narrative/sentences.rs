//! Sentences and clauses: a sentence as normalised characters mapped back to the input.

use crate::span::Span;

/// A sentence being read: normalised and original characters with their byte ranges.
#[derive(Default)]
pub(super) struct Sent {
    pub(super) norm: Vec<char>,
    /// `norm` as a string, and the byte offset of each character in it, for fast search.
    pub(super) flat: String,
    pub(super) nb: Vec<usize>,
    pub(super) orig: Vec<char>,
    pub(super) start: Vec<usize>,
    pub(super) end: Vec<usize>,
}

impl Sent {
    pub(super) fn clear(&mut self) {
        self.norm.clear();
        self.flat.clear();
        self.nb.clear();
        self.orig.clear();
        self.start.clear();
        self.end.clear();
    }

    pub(super) fn len(&self) -> usize {
        self.norm.len()
    }

    pub(super) fn text(&self, a: usize, b: usize) -> String {
        let b = b.min(self.norm.len());
        let a = a.min(b);
        self.flat[self.byte(a)..self.byte(b)].to_string()
    }

    pub(super) fn span(&self, a: usize, b: usize) -> Span {
        let b = b.min(self.norm.len());
        if a >= b {
            let at = self.start.get(a).copied().unwrap_or(0);
            return Span::new(at, at);
        }
        Span::new(self.start[a], self.end[b - 1])
    }

    /// Byte offset in `flat` of character `i` (the end for `i` past the last).
    pub(super) fn byte(&self, i: usize) -> usize {
        self.nb.get(i).copied().unwrap_or(self.flat.len())
    }

    /// First occurrence of `pat` in `a..b`.
    pub(super) fn find(&self, a: usize, b: usize, pat: &str) -> Option<usize> {
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

    pub(super) fn has(&self, a: usize, b: usize, pat: &str) -> bool {
        self.find(a, b, pat).is_some()
    }

    pub(super) fn has_any(&self, a: usize, b: usize, pats: &[&str]) -> bool {
        pats.iter().any(|p| self.has(a, b, p))
    }

    /// Whether `pat` ends exactly at `i` (exclusive).
    pub(super) fn ends_with_at(&self, i: usize, pat: &str) -> bool {
        i <= self.norm.len() && self.flat[..self.byte(i)].ends_with(pat)
    }

    /// Whether `pat` starts exactly at `i`.
    pub(super) fn starts_with_at(&self, i: usize, pat: &str) -> bool {
        i <= self.norm.len() && self.flat[self.byte(i)..].starts_with(pat)
    }
}

/// A line that starts a numbered item: "（一）", "(二)", "三、", "1、", "2.".
pub(super) fn starts_item(raw: &str) -> bool {
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
pub(super) struct Clause {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) sep_before: char,
    pub(super) paren: bool,
}

pub(super) fn clauses(s: &Sent) -> Vec<Clause> {
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
