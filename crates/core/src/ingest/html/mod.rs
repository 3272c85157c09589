//! HTML → document text: a saved report page or rich text pasted from a browser, read with a
//! browser-grade HTML5 parser (html5ever) and rendered to the plain text the text reader
//! already understands.
//!
//! The rendering is what a browser gives when its page is selected and copied:
//!
//! - block elements (`p`, `div`, `h1`–`h6`, `li`, …) and `<br>` end lines;
//! - every row of a data table becomes one line of TAB-separated cells, a merged cell
//!   (`rowspan`, `colspan`) appearing once, at its first row and column; the text reader
//!   splits such lines into cells ([`super::text`]) and extraction assigns them to rows as
//!   it does for a table copied out of a browser;
//! - inside a cell, white space collapses to one space and line breaks (`<br>`, `<p>`)
//!   disappear between two Chinese characters ("商业<br/>企业" → "商业企业"), as CSS does
//!   for East Asian text; `&nbsp;` is white space, so a cell holding only `&nbsp;` is blank;
//! - a table whose cells hold other tables or headings is page layout, not data: its cells
//!   are read as blocks, and the tables inside them as tables;
//! - scripts, styles, comments, `<template>`, `<noscript>`, `<iframe>`, forms' lists, the
//!   `<head>`, and elements hidden with `hidden` or `display:none` give no text. Nothing is
//!   executed or fetched: the page is only parsed.
//!
//! Limits, so that time stays linear in the size of the page and memory bounded:
//! - elements nest at most [`MAX_DEPTH`] deep: deeper start tags are dropped (their text
//!   stays, in the deepest element), which [`Rendered::too_deep`] says. The parser's scope
//!   checks walk its stack of open elements, so an unbounded stack would make a page of
//!   100 000 unclosed `<div>`s take quadratic time;
//! - parsing stops taking input after [`MAX_NODES`] nodes (a page far beyond any report),
//!   which [`Rendered::truncated`] says;
//! - a tag keeps at most [`MAX_ATTRS`] attributes, the rest are dropped before parsing: the
//!   tokenizer checks each new attribute against the tag's others, so one tag with 100 000
//!   attributes would take quadratic time;
//! - the tree is an arena walked without recursion.

mod render;
mod sniff;
mod tree;

use render::{layout_tables, Out, Renderer};
pub use sniff::{declared_encoding, looks_like_html};
use tree::parse;

/// Nodes the parser may create before it stops taking input (about 100 MB of tree; a real
/// report page has a few thousand, a portal page around it some tens of thousands).
pub const MAX_NODES: usize = 2_000_000;

/// How deep elements may nest. Real report pages, layout tables and all, stay under 60.
pub const MAX_DEPTH: u32 = 128;

/// Attributes a tag keeps. Real tags have a handful (Word's exports a dozen or two).
pub const MAX_ATTRS: usize = 128;

/// Input handed to the parser at a time, so that the node budget is checked as it goes.
const CHUNK: usize = 1 << 20;

/// The text of a page, as a browser would copy it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendered {
    pub text: String,
    /// The page was larger than [`MAX_NODES`] nodes and was read only up to that point.
    pub truncated: bool,
    /// Elements nested deeper than [`MAX_DEPTH`]; the deeper ones were read as text of the
    /// deepest.
    pub too_deep: bool,
    /// The page's publication date as its `<meta>` gives it (`PubDate` …): name and content.
    pub page_date: Option<(String, String)>,
}

/// Render HTML to the text a browser would copy from it.
pub fn render(html: &str) -> Rendered {
    let (dom, truncated, too_deep) = parse(html);
    let mut r = Renderer {
        dom: &dom,
        layout: layout_tables(&dom),
        out: Out::new(false),
    };
    r.run();
    let mut text = r.out.text;
    let trimmed = text.trim_end_matches('\n').len();
    text.truncate(trimmed);
    Rendered {
        text,
        truncated,
        too_deep,
        page_date: dom.page_date.clone(),
    }
}
