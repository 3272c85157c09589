//! Damaged inputs for the properties over the invariants ([`super::invariants`]): a file cut
//! anywhere, bytes overwritten anywhere (with the bytes that break markup and encodings more
//! often than chance would), text edited on char boundaries with what makes or breaks rows.
//! Run with [`super::cases`]: a fixed seed and a fixed number of cases.

use proptest::prelude::*;
use proptest::sample::Index;

/// Bytes that break a page, a PDF or a zip: markup, a quote, an invalid UTF-8 byte, NUL, or
/// any byte.
pub fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        Just(b'<'),
        Just(b'>'),
        Just(b'"'),
        Just(0xFF),
        Just(0),
        any::<u8>(),
    ]
}

/// One to `max` bytes overwritten, each at a place given as a fraction of the input.
pub fn byte_edits(max: usize) -> impl Strategy<Value = Vec<(Index, u8)>> {
    prop::collection::vec((any::<Index>(), byte()), 1..=max)
}

pub fn apply_bytes(bytes: &[u8], edits: &[(Index, u8)]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    if !out.is_empty() {
        for (at, b) in edits {
            let i = at.index(out.len());
            out[i] = *b;
        }
    }
    out
}

/// The first `at` of `len` (0 to `len`, both included).
pub fn cut(at: Index, len: usize) -> usize {
    at.index(len + 1)
}

/// The text cut at a char boundary.
pub fn cut_text(text: &str, at: Index) -> &str {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let end = bounds
        .get(cut(at, bounds.len()))
        .copied()
        .unwrap_or(text.len());
    &text[..end]
}

/// What text edits insert: the separators of rows (pipes, TABs, line breaks, spaces), a
/// full-width digit, Chinese punctuation, a heading's numbering; `""` deletes a character.
const INSERTS: &[&str] = &["|", "\t", "\n", " ", "８", "，", "。", "一、", "（", ""];

/// One to `max` text edits, each at a char boundary given as a fraction of the text.
pub fn text_edits(max: usize) -> impl Strategy<Value = Vec<(Index, &'static str)>> {
    prop::collection::vec((any::<Index>(), prop::sample::select(INSERTS)), 1..=max)
}

pub fn apply_text(text: &str, edits: &[(Index, &str)]) -> String {
    let mut out = text.to_string();
    for (at, insert) in edits {
        let bounds: Vec<usize> = out.char_indices().map(|(i, _)| i).collect();
        if bounds.is_empty() {
            out.push_str(insert);
            continue;
        }
        let i = bounds[at.index(bounds.len())];
        if insert.is_empty() {
            out.remove(i);
        } else {
            out.insert_str(i, insert);
        }
    }
    out
}
