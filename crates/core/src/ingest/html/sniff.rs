//! Telling a page from text, and the encoding a page declares.

use encoding_rs::Encoding;

use crate::ingest::bytes::find_ascii_ci;

/// Tags that can open an HTML document or a fragment of one (clipboard HTML).
const OPENERS: &[&str] = &[
    "!doctype html",
    "html",
    "head",
    "body",
    "meta",
    "title",
    "link",
    "style",
    "script",
    "base",
    "table",
    "tbody",
    "tr",
    "td",
    "p",
    "div",
    "span",
    "font",
    "center",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "b",
    "strong",
    "ul",
    "ol",
    "li",
    "!--",
    "?xml",
];

/// Markers that no plain-text report contains, looked for anywhere in the first kilobyte
/// (clipboard formats put a header before the HTML).
const MARKERS: &[&[u8]] = &[b"<!doctype html", b"<html", b"<body", b"<table"];

/// Whether bytes are an HTML page or fragment: after a BOM and white space they open with
/// a tag that starts pages or fragments (`<!DOCTYPE html`, `<html`, `<meta`, `<table`,
/// `<p>`, …), or their first kilobyte holds `<html`, `<body` or `<table`.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = head.get(start..).unwrap_or(&[]);
    if let Some(after) = rest.strip_prefix(b"<") {
        for tag in OPENERS {
            let t = tag.as_bytes();
            let Some(name) = after.get(..t.len()) else {
                continue;
            };
            if !name.eq_ignore_ascii_case(t) {
                continue;
            }
            // The name must end there: "<p>" or "<p class", not "<pre" or "<param".
            let ends = match after.get(t.len()) {
                None => true,
                Some(b) => !b.is_ascii_alphanumeric(),
            };
            if ends || tag.starts_with('!') || tag.starts_with('?') {
                return true;
            }
        }
    }
    MARKERS.iter().any(|m| find_ascii_ci(head, 0, m).is_some())
}

/// The encoding a page declares: `<meta charset="gbk">`, `<meta http-equiv="Content-Type"
/// content="text/html; charset=gb2312">`, or `<?xml … encoding="gb2312"?>`, looked for in
/// the first 64 KB (pages put long keyword lists before it). The first declaration wins.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    let mut from = 0;
    loop {
        let meta = find_ascii_ci(head, from, b"<meta");
        let xml = if from == 0 {
            find_ascii_ci(head, 0, b"<?xml")
        } else {
            None
        };
        let (at, key): (usize, &[u8]) = match (meta, xml) {
            (Some(m), Some(x)) if m < x => (m, b"charset"),
            (_, Some(x)) => (x, b"encoding"),
            (Some(m), None) => (m, b"charset"),
            (None, None) => return None,
        };
        let end = head
            .get(at..)
            .and_then(|t| t.iter().position(|&b| b == b'>'))
            .map_or(head.len(), |p| at + p);
        let tag = head.get(at..end).unwrap_or(&[]);
        if let Some(label) = attr_after(tag, key) {
            if let Some(enc) = Encoding::for_label(label) {
                return Some(enc);
            }
        }
        from = end.max(at + 1);
    }
}

/// In a tag's text, the value after `key` and `=` (quotes and spaces skipped).
fn attr_after<'a>(tag: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let k = find_ascii_ci(tag, 0, key)?;
    let mut i = k + key.len();
    let skip_space = |i: &mut usize| {
        while tag.get(*i).is_some_and(|b| b.is_ascii_whitespace()) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    if tag.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    skip_space(&mut i);
    while tag.get(i).is_some_and(|&b| b == b'"' || b == b'\'') {
        i += 1;
    }
    let start = i;
    while tag
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
    {
        i += 1;
    }
    (i > start).then(|| tag.get(start..i)).flatten()
}
