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
//! Every data table is also returned as a [`Grid`] that places each cell at its row and
//! column, honouring `rowspan` and `colspan`, with the cell's span in the rendered text.
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
//! - the tree is an arena walked without recursion; table placement is
//!   O(cells · log columns).

use std::borrow::Cow;
use std::cell::{Cell as StdCell, RefCell};
use std::rc::Rc;

use encoding_rs::Encoding;
use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, Namespace, QualName, TokenizerResult};

use super::bytes::{find, find_ascii_ci};
use crate::span::Span;

/// Nodes the parser may create before it stops taking input (about 100 MB of tree; a real
/// report page has a few thousand, a portal page around it some tens of thousands).
pub const MAX_NODES: usize = 2_000_000;

/// How deep elements may nest. Real report pages, layout tables and all, stay under 60.
pub const MAX_DEPTH: u32 = 128;

/// Attributes a tag keeps. Real tags have a handful (Word's exports a dozen or two).
pub const MAX_ATTRS: usize = 128;

/// Columns tracked for placing merged cells; cells beyond are placed one after another.
const MAX_COLS: usize = 1024;
/// The HTML standard's limits on `colspan` and `rowspan`.
const MAX_COLSPAN: usize = 1000;
const MAX_ROWSPAN: usize = 65534;

/// Input handed to the parser at a time, so that the node budget is checked as it goes.
const CHUNK: usize = 1 << 20;

/// The text of a page, as a browser would copy it, and its data tables.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendered {
    pub text: String,
    pub tables: Vec<Grid>,
    /// The page was larger than [`MAX_NODES`] nodes and was read only up to that point.
    pub truncated: bool,
    /// Elements nested deeper than [`MAX_DEPTH`]; the deeper ones were read as text of the
    /// deepest.
    pub too_deep: bool,
}

impl Rendered {
    /// The text of a cell of one of [`Rendered::tables`].
    pub fn cell_text(&self, cell: &GridCell) -> &str {
        self.text.get(cell.span.start..cell.span.end).unwrap_or("")
    }
}

/// A data table: its rows, each with the cells that start in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    pub rows: Vec<Vec<GridCell>>,
}

/// A cell of a data table, placed on the table's grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridCell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    /// Where the cell's text is in [`Rendered::text`] (empty for a blank cell).
    pub span: Span,
}

// ------------------------------------------------------------------ sniffing and charset

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

// ------------------------------------------------------------------ the tree

type Id = u32;
const NIL: Id = Id::MAX;
const DOCUMENT: Id = 0;

#[derive(Debug)]
struct Elem {
    ns: Namespace,
    local: LocalName,
    rowspan: u32,
    colspan: u32,
    hidden: bool,
    /// The contents of a `<template>` (a separate fragment, never rendered).
    template: Id,
    mathml_annotation_xml_integration_point: bool,
}

#[derive(Debug)]
enum Data {
    Document,
    Element(Box<Elem>),
    Text(String),
    /// Comments, processing instructions, template contents: kept for the tree builder,
    /// never rendered.
    Other,
}

#[derive(Debug)]
struct Node {
    /// Depth in the tree when the node was placed (the document is 0).
    depth: u32,
    parent: Id,
    prev: Id,
    next: Id,
    first: Id,
    last: Id,
    data: Data,
}

#[derive(Debug, Default)]
struct Dom {
    nodes: Vec<Node>,
}

impl Dom {
    fn node(&self, id: Id) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    fn node_mut(&mut self, id: Id) -> Option<&mut Node> {
        self.nodes.get_mut(id as usize)
    }

    fn elem(&self, id: Id) -> Option<&Elem> {
        match &self.node(id)?.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The local name of an HTML element (`None` for other nodes and foreign elements).
    fn tag(&self, id: Id) -> Option<&str> {
        let e = self.elem(id)?;
        (e.ns == html5ever::ns!(html)).then_some(&*e.local)
    }

    fn add(&mut self, data: Data) -> Id {
        let id = Id::try_from(self.nodes.len())
            .unwrap_or(NIL - 1)
            .min(NIL - 1);
        self.nodes.push(Node {
            depth: 0,
            parent: NIL,
            prev: NIL,
            next: NIL,
            first: NIL,
            last: NIL,
            data,
        });
        id
    }

    fn link(&self, id: Id, f: impl Fn(&Node) -> Id) -> Id {
        self.node(id).map_or(NIL, f)
    }

    fn detach(&mut self, id: Id) {
        let Some(n) = self.node_mut(id) else { return };
        let (parent, prev, next) = (n.parent, n.prev, n.next);
        n.parent = NIL;
        n.prev = NIL;
        n.next = NIL;
        match self.node_mut(prev) {
            Some(p) => p.next = next,
            None => {
                if let Some(p) = self.node_mut(parent) {
                    p.first = next;
                }
            }
        }
        match self.node_mut(next) {
            Some(n) => n.prev = prev,
            None => {
                if let Some(p) = self.node_mut(parent) {
                    p.last = prev;
                }
            }
        }
    }

    fn append_child(&mut self, parent: Id, child: Id) {
        if self.node(parent).is_none() || self.node(child).is_none() || parent == child {
            return;
        }
        self.detach(child);
        let last = self.link(parent, |n| n.last);
        let depth = self.node(parent).map_or(0, |p| p.depth.saturating_add(1));
        if let Some(c) = self.node_mut(child) {
            c.parent = parent;
            c.prev = last;
            c.depth = depth;
        }
        match self.node_mut(last) {
            Some(l) => l.next = child,
            None => {
                if let Some(p) = self.node_mut(parent) {
                    p.first = child;
                }
            }
        }
        if let Some(p) = self.node_mut(parent) {
            p.last = child;
        }
    }

    fn insert_before(&mut self, sibling: Id, child: Id) {
        let parent = self.link(sibling, |n| n.parent);
        if parent == NIL || self.node(child).is_none() || sibling == child {
            return;
        }
        self.detach(child);
        let prev = self.link(sibling, |n| n.prev);
        let depth = self.node(sibling).map_or(0, |s| s.depth);
        if let Some(c) = self.node_mut(child) {
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
            c.depth = depth;
        }
        if let Some(s) = self.node_mut(sibling) {
            s.prev = child;
        }
        match self.node_mut(prev) {
            Some(p) => p.next = child,
            None => {
                if let Some(p) = self.node_mut(parent) {
                    p.first = child;
                }
            }
        }
    }

    /// Text merges into a text node just before the insertion point.
    fn text_at(&mut self, before: Id, text: &str) -> Option<Id> {
        if let Some(Node {
            data: Data::Text(t),
            ..
        }) = self.node_mut(before)
        {
            t.push_str(text);
            return None;
        }
        Some(self.add(Data::Text(text.to_string())))
    }

    fn children(&self, id: Id) -> Children<'_> {
        Children {
            dom: self,
            next: self.link(id, |n| n.first),
            left: self.nodes.len(),
        }
    }
}

struct Children<'a> {
    dom: &'a Dom,
    next: Id,
    /// A bound on the steps, so that no broken link can loop.
    left: usize,
}

impl Iterator for Children<'_> {
    type Item = Id;
    fn next(&mut self) -> Option<Id> {
        if self.next == NIL || self.left == 0 {
            return None;
        }
        self.left -= 1;
        let id = self.next;
        self.next = self.dom.link(id, |n| n.next);
        Some(id)
    }
}

/// A node as the tree builder holds it: its place in the arena and, so that the builder can
/// ask for an element's name without touching the arena, the name itself.
#[derive(Clone, Debug)]
struct Handle {
    id: Id,
    name: Rc<QualName>,
}

/// What the parser's driver watches while the tree grows.
#[derive(Default)]
struct Watch {
    /// Nodes in the arena.
    nodes: StdCell<usize>,
    /// Depth of the parser's current element, as last seen.
    depth: StdCell<u32>,
    /// A start tag was dropped for nesting too deep.
    too_deep: StdCell<bool>,
}

struct Sink {
    dom: RefCell<Dom>,
    watch: Rc<Watch>,
    /// The name handed out for nodes that are not elements.
    no_name: Rc<QualName>,
}

impl Sink {
    fn add(&self, data: Data) -> Id {
        let mut dom = self.dom.borrow_mut();
        let id = dom.add(data);
        self.watch.nodes.set(dom.nodes.len());
        id
    }

    fn handle(&self, id: Id) -> Handle {
        Handle {
            id,
            name: Rc::clone(&self.no_name),
        }
    }

    /// After `node` was placed: an element is the parser's current node, text goes into
    /// the current node.
    fn placed(&self, dom: &Dom, node: Id) {
        let Some(n) = dom.node(node) else { return };
        let depth = match n.data {
            Data::Element(_) => n.depth,
            _ => n.depth.saturating_sub(1),
        };
        self.watch.depth.set(depth);
        self.watch.nodes.set(dom.nodes.len());
    }
}

fn span_attr(attrs: &[Attribute], name: &str, max: usize) -> u32 {
    let v = attrs
        .iter()
        .find(|a| a.name.ns == html5ever::ns!() && &*a.name.local == name)
        .map(|a| {
            let digits: String = a
                .value
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .take(9)
                .collect();
            digits.parse::<usize>().unwrap_or(1)
        })
        .unwrap_or(1);
    u32::try_from(v.min(max)).unwrap_or(1)
}

/// `hidden`, or an inline style with `display:none` or `visibility:hidden`.
fn is_hidden(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        if a.name.ns != html5ever::ns!() {
            return false;
        }
        match &*a.name.local {
            "hidden" => true,
            "style" => {
                let s: String = a
                    .value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .flat_map(char::to_lowercase)
                    .collect();
                s.contains("display:none") || s.contains("visibility:hidden")
            }
            _ => false,
        }
    })
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: std::borrow::Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.handle(DOCUMENT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let template = if flags.template {
            self.add(Data::Other)
        } else {
            NIL
        };
        let is_cell = name.ns == html5ever::ns!(html) && matches!(&*name.local, "td" | "th");
        let (rowspan, colspan) = if is_cell {
            // rowspan="0" spans to the end of the row group.
            let r = if attrs
                .iter()
                .any(|a| &*a.name.local == "rowspan" && a.value.trim() == "0")
            {
                0
            } else {
                span_attr(&attrs, "rowspan", MAX_ROWSPAN).max(1)
            };
            (r, span_attr(&attrs, "colspan", MAX_COLSPAN).max(1))
        } else {
            (1, 1)
        };
        let id = self.add(Data::Element(Box::new(Elem {
            hidden: is_hidden(&attrs),
            ns: name.ns.clone(),
            local: name.local.clone(),
            rowspan,
            colspan,
            template,
            mathml_annotation_xml_integration_point: flags.mathml_annotation_xml_integration_point,
        })));
        Handle {
            id,
            name: Rc::new(name),
        }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.handle(self.add(Data::Other))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.handle(self.add(Data::Other))
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut dom = self.dom.borrow_mut();
        let node = match child {
            NodeOrText::AppendNode(n) => n.id,
            NodeOrText::AppendText(t) => {
                let last = dom.link(parent.id, |n| n.last);
                match dom.text_at(last, &t) {
                    Some(n) => n,
                    None => return,
                }
            }
        };
        dom.append_child(parent.id, node);
        self.placed(&dom, node);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self.dom.borrow().link(element.id, |n| n.parent) != NIL;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        let t = self
            .dom
            .borrow()
            .elem(target.id)
            .map_or(NIL, |e| e.template);
        if t == NIL {
            self.handle(self.add(Data::Other))
        } else {
            self.handle(t)
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        let mut dom = self.dom.borrow_mut();
        let node = match child {
            NodeOrText::AppendNode(n) => n.id,
            NodeOrText::AppendText(t) => {
                let prev = dom.link(sibling.id, |n| n.prev);
                match dom.text_at(prev, &t) {
                    Some(n) => n,
                    None => return,
                }
            }
        };
        dom.insert_before(sibling.id, node);
        self.placed(&dom, node);
    }

    fn pop(&self, node: &Handle) {
        let depth = self.dom.borrow().node(node.id).map_or(0, |n| n.depth);
        self.watch.depth.set(depth.saturating_sub(1));
    }

    fn add_attrs_if_missing(&self, _target: &Handle, _attrs: Vec<Attribute>) {}

    fn remove_from_parent(&self, target: &Handle) {
        self.dom.borrow_mut().detach(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut dom = self.dom.borrow_mut();
        let kids: Vec<Id> = dom.children(node.id).collect();
        for k in kids {
            dom.append_child(new_parent.id, k);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.dom
            .borrow()
            .elem(handle.id)
            .is_some_and(|e| e.mathml_annotation_xml_integration_point)
    }
}

/// Elements whose start tag is kept however deep: they hold no nested elements (void
/// elements), switch the tokenizer to raw text (dropping `<script>` would let its code be
/// read as the page's text), or add nothing to the stack.
fn kept_at_any_depth(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "html"
            | "head"
            | "body"
    )
}

/// Between tokenizer and tree builder: drops start tags that would nest deeper than
/// [`MAX_DEPTH`].
struct DepthGuard {
    builder: TreeBuilder<Handle, Sink>,
    watch: Rc<Watch>,
}

impl TokenSink for DepthGuard {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        if let Token::TagToken(tag) = &token {
            if tag.kind == TagKind::StartTag
                && self.watch.depth.get() >= MAX_DEPTH
                && !kept_at_any_depth(&tag.name)
            {
                self.watch.too_deep.set(true);
                return TokenSinkResult::Continue;
            }
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Parse a page into the arena, feeding it in chunks and stopping at [`MAX_NODES`].
/// Returns the tree, whether input was left unread, and whether nesting was capped.
fn parse(html: &str) -> (Dom, bool, bool) {
    let html = &*bound_attributes(html);
    let watch = Rc::new(Watch::default());
    let mut dom = Dom::default();
    dom.add(Data::Document);
    let sink = Sink {
        dom: RefCell::new(dom),
        watch: Rc::clone(&watch),
        no_name: Rc::new(QualName::new(None, html5ever::ns!(), LocalName::from(""))),
    };
    let guard = DepthGuard {
        builder: TreeBuilder::new(sink, TreeBuilderOpts::default()),
        watch: Rc::clone(&watch),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    let mut rest = html;
    let mut truncated = false;
    while !rest.is_empty() {
        if watch.nodes.get() >= MAX_NODES {
            truncated = true;
            break;
        }
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        input.push_back(StrTendril::from_slice(chunk));
        rest = tail;
        // A finished <script> pauses the tokenizer (for a browser to run it); we run
        // nothing and go on.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    }
    tokenizer.end();
    let dom = tokenizer.sink.builder.sink.dom.into_inner();
    (dom, truncated, watch.too_deep.get())
}

/// The page with every tag's attributes after its first [`MAX_ATTRS`] removed. Tags are
/// found as the tokenizer finds them, closely enough: comments and the text of `script`,
/// `style`, `textarea`, `title` and `xmp` are skipped; attribute values may be quoted and
/// hold `>`. One pass, no copy unless a tag is cut.
fn bound_attributes(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'<').map(|p| p + i) {
        i = p + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let end_tag = b.get(i) == Some(&b'/');
        let name_at = if end_tag { i + 1 } else { i };
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut j = name_at;
        while j < b.len() && !ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
            j += 1;
        }
        let name = html[name_at..j].to_ascii_lowercase();
        // Attributes, each: a name, then perhaps `=` and a value.
        let mut attrs = 0;
        let mut keep_to = None;
        loop {
            while j < b.len() && (ws(b[j]) || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            attrs += 1;
            j += 1; // a name's first character may be anything, `=` too
            while j < b.len() && !ws(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
                j += 1;
            }
            let mut k = j;
            while k < b.len() && ws(b[k]) {
                k += 1;
            }
            if b.get(k) == Some(&b'=') {
                k += 1;
                while k < b.len() && ws(b[k]) {
                    k += 1;
                }
                match b.get(k) {
                    Some(&q @ (b'"' | b'\'')) => {
                        k = b[k + 1..]
                            .iter()
                            .position(|&c| c == q)
                            .map_or(b.len(), |e| k + 1 + e + 1);
                    }
                    _ => {
                        while k < b.len() && !ws(b[k]) && b[k] != b'>' {
                            k += 1;
                        }
                    }
                }
                j = k;
            }
            if attrs == MAX_ATTRS {
                keep_to = Some(j);
            }
        }
        if let (Some(keep), true) = (keep_to, attrs > MAX_ATTRS) {
            out.push_str(&html[copied..keep]);
            copied = j;
        }
        i = j;
        if !end_tag
            && matches!(
                name.as_str(),
                "script" | "style" | "textarea" | "title" | "xmp"
            )
        {
            let close = format!("</{name}");
            i = find_ascii_ci(b, i, close.as_bytes()).unwrap_or(b.len());
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

// ------------------------------------------------------------------ walking

/// A step of a walk through a subtree: entering a node (its children follow unless the
/// visitor says not to), or leaving it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Enter(Id),
    Leave(Id),
}

/// Walk the subtree under `root` without recursion. `visit` returns whether to go into a
/// node's children on `Enter`.
fn walk(dom: &Dom, root: Id, mut visit: impl FnMut(Step) -> bool) {
    let mut budget = dom.nodes.len().saturating_mul(2).saturating_add(4);
    let mut cur = root;
    loop {
        if budget == 0 {
            return;
        }
        budget -= 1;
        let first = dom.link(cur, |n| n.first);
        if visit(Step::Enter(cur)) && first != NIL {
            cur = first;
            continue;
        }
        // Leave this node, then its ancestors until one has a next sibling.
        loop {
            if budget == 0 {
                return;
            }
            budget -= 1;
            visit(Step::Leave(cur));
            if cur == root {
                return;
            }
            let next = dom.link(cur, |n| n.next);
            if next != NIL {
                cur = next;
                break;
            }
            cur = dom.link(cur, |n| n.parent);
            if cur == NIL {
                return;
            }
        }
    }
}

/// Elements whose content is never text of the page.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "noembed"
            | "noframes"
            | "object"
            | "embed"
            | "textarea"
            | "select"
            | "datalist"
            | "option"
            | "canvas"
            | "video"
            | "audio"
            | "title"
            | "xmp"
            | "plaintext"
    )
}

/// Elements that stand on lines of their own.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether a node gives no text: a skipped or hidden element, or a foreign (SVG, MathML)
/// one.
fn silent(dom: &Dom, id: Id) -> bool {
    match dom.elem(id) {
        Some(e) => e.hidden || e.ns != html5ever::ns!(html) || is_skipped(&e.local),
        None => matches!(dom.node(id).map(|n| &n.data), Some(Data::Other)),
    }
}

// ------------------------------------------------------------------ text output

/// White space that collapses: what HTML calls white space, and `&nbsp;`.
fn collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}' | '\u{A0}')
}

/// East Asian wide characters: a line break between two of them is no space (CSS Text:
/// segment break transformation), so "商业<br/>企业" reads "商业企业".
fn wide(c: char) -> bool {
    super::norm::is_wide(c)
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    None,
    /// Spaces.
    Space,
    /// A line break in the source, a `<br>` or a block boundary inside a cell.
    Break,
}

/// Text being written with HTML's white-space rules.
struct Out {
    text: String,
    /// The current line has text.
    open: bool,
    pending: Pending,
    last: char,
    /// Inside a cell: block boundaries and `<br>` are soft breaks, not new lines.
    cell: bool,
    /// Depth of `<pre>`: white space kept as written (outside cells).
    pre: usize,
}

impl Out {
    fn new(cell: bool) -> Out {
        Out {
            text: String::new(),
            open: false,
            pending: Pending::None,
            last: '\n',
            cell,
            pre: 0,
        }
    }

    fn push_char(&mut self, c: char) {
        if self.open {
            match self.pending {
                Pending::None => {}
                Pending::Space => self.text.push(' '),
                Pending::Break => {
                    if !(wide(self.last) && wide(c)) {
                        self.text.push(' ');
                    }
                }
            }
        }
        self.pending = Pending::None;
        self.text.push(c);
        self.last = c;
        self.open = true;
    }

    fn push_text(&mut self, s: &str) {
        if self.pre > 0 && !self.cell {
            for c in s.chars() {
                match c {
                    '\n' => self.end_line(),
                    '\r' => {}
                    ' ' | '\t' | '\u{A0}' => {
                        self.text.push(if c == '\t' { '\t' } else { ' ' });
                        self.open = true;
                    }
                    _ => self.push_char(c),
                }
            }
            return;
        }
        for c in s.chars() {
            if collapsible(c) {
                let p = if c == '\n' || c == '\r' {
                    Pending::Break
                } else {
                    Pending::Space
                };
                self.pending = self.pending.max(p);
            } else if c.is_control() {
                // Stray control characters are not text.
            } else {
                self.push_char(c);
            }
        }
    }

    /// A block boundary or `<br>`.
    fn brk(&mut self) {
        if self.cell {
            self.pending = self.pending.max(Pending::Break);
        } else {
            self.end_line();
        }
    }

    fn end_line(&mut self) {
        if self.open {
            let trimmed = self.text.trim_end_matches([' ', '\t']).len();
            self.text.truncate(trimmed);
            self.text.push('\n');
        }
        self.open = false;
        self.pending = Pending::None;
        self.last = '\n';
    }
}

// ------------------------------------------------------------------ tables

/// Which tables are page layout: a cell of theirs holds a table or a heading.
fn layout_tables(dom: &Dom) -> Vec<bool> {
    let mut layout = vec![false; dom.nodes.len()];
    // (table, inside one of its cells), innermost last.
    let mut ctx: Vec<(Id, bool)> = Vec::new();
    walk(dom, DOCUMENT, |step| match step {
        Step::Enter(id) => {
            if silent(dom, id) {
                return false;
            }
            match dom.tag(id) {
                Some("table") => {
                    if let Some(&(t, true)) = ctx.last() {
                        if let Some(l) = layout.get_mut(t as usize) {
                            *l = true;
                        }
                    }
                    ctx.push((id, false));
                }
                Some("td" | "th") => {
                    let t = ctx.last().map_or(NIL, |c| c.0);
                    ctx.push((t, true));
                }
                Some(tag) if is_heading(tag) => {
                    if let Some(&(t, true)) = ctx.last() {
                        if let Some(l) = layout.get_mut(t as usize) {
                            *l = true;
                        }
                    }
                }
                _ => {}
            }
            true
        }
        Step::Leave(id) => {
            if !silent(dom, id) && matches!(dom.tag(id), Some("table" | "td" | "th")) {
                ctx.pop();
            }
            true
        }
    });
    layout
}

/// The rows of a table in order, each with its row group's number, and its caption.
fn table_rows(dom: &Dom, table: Id) -> (Vec<(usize, Vec<Id>)>, Option<Id>) {
    let mut rows = Vec::new();
    let mut caption = None;
    let cells = |tr: Id| -> Vec<Id> {
        dom.children(tr)
            .filter(|&c| matches!(dom.tag(c), Some("td" | "th")))
            .collect()
    };
    let mut group = 0;
    for child in dom.children(table) {
        match dom.tag(child) {
            Some("tr") => rows.push((group, cells(child))),
            Some("thead" | "tbody" | "tfoot") => {
                group += 1;
                for tr in dom.children(child) {
                    if dom.tag(tr) == Some("tr") {
                        rows.push((group, cells(tr)));
                    }
                }
                group += 1;
            }
            Some("caption") if caption.is_none() => caption = Some(child),
            _ => {}
        }
    }
    (rows, caption)
}

/// The text of a cell (or caption), collapsed to one line, with how many blocks it has.
fn cell_text(dom: &Dom, cell: Id) -> (String, usize) {
    let mut out = Out::new(true);
    let mut blocks = 0;
    walk(dom, cell, |step| match step {
        Step::Enter(id) => {
            if id != cell && silent(dom, id) {
                return false;
            }
            match dom.node(id).map(|n| &n.data) {
                Some(Data::Text(t)) => out.push_text(t),
                Some(Data::Element(_)) if id != cell => match dom.tag(id) {
                    Some("br") => out.brk(),
                    Some(tag) if is_block(tag) => {
                        blocks += 1;
                        out.brk();
                    }
                    _ => {}
                },
                _ => {}
            }
            true
        }
        Step::Leave(id) => {
            if id != cell && !silent(dom, id) && dom.tag(id).is_some_and(is_block) {
                out.brk();
            }
            true
        }
    });
    (out.text, blocks)
}

/// Which columns are taken by cells from rows above, as a segment tree over
/// [`MAX_COLS`] columns holding, per column, the first row at which it is free again.
struct Cover {
    min: Vec<usize>,
    lazy: Vec<Option<usize>>,
}

impl Cover {
    fn new() -> Cover {
        Cover {
            min: vec![0; 2 * MAX_COLS],
            lazy: vec![None; 2 * MAX_COLS],
        }
    }

    fn push_down(&mut self, node: usize) {
        if let Some(v) = self.lazy.get(node).copied().flatten() {
            for child in [2 * node, 2 * node + 1] {
                if let Some(m) = self.min.get_mut(child) {
                    *m = v;
                }
                if let Some(l) = self.lazy.get_mut(child) {
                    *l = Some(v);
                }
            }
            if let Some(l) = self.lazy.get_mut(node) {
                *l = None;
            }
        }
    }

    fn pull_up(&mut self, node: usize) {
        let a = self.min.get(2 * node).copied().unwrap_or(0);
        let b = self.min.get(2 * node + 1).copied().unwrap_or(0);
        if let Some(m) = self.min.get_mut(node) {
            *m = a.min(b);
        }
    }

    /// Columns `from..to` are taken until row `until`.
    fn take(&mut self, from: usize, to: usize, until: usize) {
        self.take_in(1, 0, MAX_COLS, from, to.min(MAX_COLS), until);
    }

    fn take_in(&mut self, node: usize, lo: usize, hi: usize, from: usize, to: usize, v: usize) {
        if to <= lo || hi <= from || from >= to {
            return;
        }
        if from <= lo && hi <= to {
            if let Some(m) = self.min.get_mut(node) {
                *m = v;
            }
            if let Some(l) = self.lazy.get_mut(node) {
                *l = Some(v);
            }
            return;
        }
        self.push_down(node);
        let mid = (lo + hi) / 2;
        self.take_in(2 * node, lo, mid, from, to, v);
        self.take_in(2 * node + 1, mid, hi, from, to, v);
        self.pull_up(node);
    }

    /// The first column at or after `from` that is free at row `row`.
    fn free(&mut self, from: usize, row: usize) -> usize {
        if from >= MAX_COLS {
            return from;
        }
        self.free_in(1, 0, MAX_COLS, from, row).unwrap_or(MAX_COLS)
    }

    fn free_in(
        &mut self,
        node: usize,
        lo: usize,
        hi: usize,
        from: usize,
        row: usize,
    ) -> Option<usize> {
        if hi <= from || self.min.get(node).copied().unwrap_or(0) > row {
            return None;
        }
        if hi - lo == 1 {
            return Some(lo);
        }
        self.push_down(node);
        let mid = (lo + hi) / 2;
        self.free_in(2 * node, lo, mid, from, row)
            .or_else(|| self.free_in(2 * node + 1, mid, hi, from, row))
    }
}

/// The state of rendering a page.
struct Renderer<'a> {
    dom: &'a Dom,
    layout: Vec<bool>,
    out: Out,
    tables: Vec<Grid>,
}

impl Renderer<'_> {
    fn run(&mut self) {
        let dom = self.dom;
        walk(dom, DOCUMENT, |step| match step {
            Step::Enter(id) => {
                if silent(dom, id) {
                    return false;
                }
                match &dom.node(id).map(|n| &n.data) {
                    Some(Data::Text(t)) => {
                        self.out.push_text(t);
                        true
                    }
                    Some(Data::Element(_)) => match dom.tag(id) {
                        Some("br") => {
                            self.out.end_line();
                            false
                        }
                        Some("table") => {
                            self.out.end_line();
                            let layout = self.layout.get(id as usize).copied().unwrap_or(false);
                            layout || !self.data_table(id)
                        }
                        Some(tag) => {
                            if tag == "pre" {
                                self.out.pre += 1;
                            }
                            if is_block(tag) {
                                self.out.end_line();
                            }
                            true
                        }
                        None => true,
                    },
                    _ => true,
                }
            }
            Step::Leave(id) => {
                if silent(dom, id) {
                    return true;
                }
                if let Some(tag) = dom.tag(id) {
                    if tag == "pre" {
                        self.out.pre = self.out.pre.saturating_sub(1);
                    }
                    if is_block(tag) {
                        self.out.end_line();
                    }
                }
                true
            }
        });
        self.out.end_line();
    }

    /// Render a table as data: one line per row. Returns false when it turns out to be
    /// layout (one cell per row, or a cell holding long text in several blocks), which is
    /// then read as blocks.
    fn data_table(&mut self, table: Id) -> bool {
        let dom = self.dom;
        let (rows, caption) = table_rows(dom, table);
        if rows.iter().all(|(_, cells)| cells.len() <= 1) {
            return false;
        }
        let texts: Vec<Vec<String>> = {
            let mut texts = Vec::with_capacity(rows.len());
            for (_, cells) in &rows {
                let mut row = Vec::with_capacity(cells.len());
                for &c in cells {
                    let (t, blocks) = cell_text(dom, c);
                    if blocks >= 2 && t.chars().count() > 200 {
                        return false;
                    }
                    row.push(t);
                }
                texts.push(row);
            }
            texts
        };
        if let Some(c) = caption {
            let (t, _) = cell_text(dom, c);
            self.out.push_text(&t);
            self.out.end_line();
        }
        // Where each row group ends, for rowspan="0" and for clamping.
        let mut group_end = vec![rows.len(); rows.len()];
        for i in (0..rows.len()).rev() {
            if let (Some(a), Some(b)) = (rows.get(i), rows.get(i + 1)) {
                if a.0 == b.0 {
                    group_end[i] = group_end.get(i + 1).copied().unwrap_or(rows.len());
                } else {
                    group_end[i] = i + 1;
                }
            }
        }
        let mut cover = Cover::new();
        let mut grid = Grid::default();
        for (r, ((_, cells), row_texts)) in rows.iter().zip(&texts).enumerate() {
            let end = group_end.get(r).copied().unwrap_or(rows.len());
            let mut x = 0;
            let mut placed = Vec::with_capacity(cells.len());
            let line_start = self.out.text.len();
            let any_text = row_texts.iter().any(|t| !t.is_empty());
            for (i, (&c, t)) in cells.iter().zip(row_texts).enumerate() {
                let (rs, cs) = dom
                    .elem(c)
                    .map_or((1, 1), |e| (e.rowspan as usize, e.colspan as usize));
                let rowspan = if rs == 0 { end - r } else { rs.min(end - r) }.max(1);
                let col = cover.free(x, r);
                if rowspan > 1 {
                    cover.take(col, col + cs, r + rowspan);
                }
                x = col + cs;
                if any_text && i > 0 {
                    self.out.text.push('\t');
                }
                let start = self.out.text.len();
                if any_text {
                    self.out.text.push_str(t);
                }
                placed.push(GridCell {
                    row: r,
                    col,
                    rowspan,
                    colspan: cs,
                    span: Span::new(start, self.out.text.len()),
                });
            }
            if any_text && self.out.text.len() > line_start {
                self.out.text.push('\n');
            }
            grid.rows.push(placed);
        }
        self.out.open = false;
        self.out.pending = Pending::None;
        self.out.last = '\n';
        self.tables.push(grid);
        true
    }
}

/// Render HTML to the text a browser would copy from it, with its data tables.
pub fn render(html: &str) -> Rendered {
    let (dom, truncated, too_deep) = parse(html);
    let mut r = Renderer {
        dom: &dom,
        layout: layout_tables(&dom),
        out: Out::new(false),
        tables: Vec::new(),
    };
    r.run();
    let mut text = r.out.text;
    let trimmed = text.trim_end_matches('\n').len();
    text.truncate(trimmed);
    Rendered {
        text,
        tables: r.tables,
        truncated,
        too_deep,
    }
}
