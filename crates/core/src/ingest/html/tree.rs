//! The page parsed by html5ever into a small arena of our own, with caps on nodes, depth and
//! attributes.

use std::borrow::Cow;
use std::cell::{Cell as StdCell, RefCell};
use std::rc::Rc;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, Namespace, QualName, TokenizerResult};

use super::*;
use crate::ingest::bytes::{find, find_ascii_ci};

pub(super) type Id = u32;
pub(super) const NIL: Id = Id::MAX;
pub(super) const DOCUMENT: Id = 0;

#[derive(Debug)]
pub(super) struct Elem {
    pub(super) ns: Namespace,
    pub(super) local: LocalName,
    pub(super) hidden: bool,
    /// The contents of a `<template>` (a separate fragment, never rendered).
    pub(super) template: Id,
    pub(super) mathml_annotation_xml_integration_point: bool,
}

#[derive(Debug)]
pub(super) enum Data {
    Document,
    Element(Box<Elem>),
    Text(String),
    /// Comments, processing instructions, template contents: kept for the tree builder,
    /// never rendered.
    Other,
}

#[derive(Debug)]
pub(super) struct Node {
    /// Depth in the tree when the node was placed (the document is 0).
    pub(super) depth: u32,
    pub(super) parent: Id,
    pub(super) prev: Id,
    pub(super) next: Id,
    pub(super) first: Id,
    pub(super) last: Id,
    pub(super) data: Data,
}

#[derive(Debug, Default)]
pub(super) struct Dom {
    pub(super) nodes: Vec<Node>,
    /// The first `<meta>` that gives the page's publication date: its name and content.
    pub(super) page_date: Option<(String, String)>,
}

impl Dom {
    pub(super) fn node(&self, id: Id) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    pub(super) fn node_mut(&mut self, id: Id) -> Option<&mut Node> {
        self.nodes.get_mut(id as usize)
    }

    pub(super) fn elem(&self, id: Id) -> Option<&Elem> {
        match &self.node(id)?.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The local name of an HTML element (`None` for other nodes and foreign elements).
    pub(super) fn tag(&self, id: Id) -> Option<&str> {
        let e = self.elem(id)?;
        (e.ns == html5ever::ns!(html)).then_some(&*e.local)
    }

    pub(super) fn add(&mut self, data: Data) -> Id {
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

    pub(super) fn link(&self, id: Id, f: impl Fn(&Node) -> Id) -> Id {
        self.node(id).map_or(NIL, f)
    }

    pub(super) fn detach(&mut self, id: Id) {
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

    pub(super) fn append_child(&mut self, parent: Id, child: Id) {
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

    pub(super) fn insert_before(&mut self, sibling: Id, child: Id) {
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
    pub(super) fn text_at(&mut self, before: Id, text: &str) -> Option<Id> {
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

    pub(super) fn children(&self, id: Id) -> Children<'_> {
        Children {
            dom: self,
            next: self.link(id, |n| n.first),
            left: self.nodes.len(),
        }
    }
}

pub(super) struct Children<'a> {
    pub(super) dom: &'a Dom,
    pub(super) next: Id,
    /// A bound on the steps, so that no broken link can loop.
    pub(super) left: usize,
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
pub(super) struct Handle {
    pub(super) id: Id,
    pub(super) name: Rc<QualName>,
}

/// What the parser's driver watches while the tree grows.
#[derive(Default)]
pub(super) struct Watch {
    /// Nodes in the arena.
    pub(super) nodes: StdCell<usize>,
    /// Depth of the parser's current element, as last seen.
    pub(super) depth: StdCell<u32>,
    /// A start tag was dropped for nesting too deep.
    pub(super) too_deep: StdCell<bool>,
}

pub(super) struct Sink {
    pub(super) dom: RefCell<Dom>,
    pub(super) watch: Rc<Watch>,
    /// The name handed out for nodes that are not elements.
    pub(super) no_name: Rc<QualName>,
}

impl Sink {
    pub(super) fn add(&self, data: Data) -> Id {
        let mut dom = self.dom.borrow_mut();
        let id = dom.add(data);
        self.watch.nodes.set(dom.nodes.len());
        id
    }

    pub(super) fn handle(&self, id: Id) -> Handle {
        Handle {
            id,
            name: Rc::clone(&self.no_name),
        }
    }

    /// After `node` was placed: an element is the parser's current node, text goes into
    /// the current node.
    pub(super) fn placed(&self, dom: &Dom, node: Id) {
        let Some(n) = dom.node(node) else { return };
        let depth = match n.data {
            Data::Element(_) => n.depth,
            _ => n.depth.saturating_sub(1),
        };
        self.watch.depth.set(depth);
        self.watch.nodes.set(dom.nodes.len());
    }
}

/// The names (`name`, `property` or `itemprop`, compared without case) of the `<meta>`
/// elements that give a page's publication date: the 政府网站 metadata standard's `PubDate`
/// and the common others.
const DATE_METAS: &[&str] = &[
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "firstpublishedtime",
    "article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
];

/// A `<meta>`'s name and content, when it names a publication date and has a content.
fn meta_date(attrs: &[Attribute]) -> Option<(String, String)> {
    let attr = |key: &str| {
        attrs
            .iter()
            .find(|a| a.name.ns == html5ever::ns!() && &*a.name.local == key)
            .map(|a| a.value.trim().to_string())
    };
    let name = ["name", "property", "itemprop"]
        .iter()
        .filter_map(|k| attr(k))
        .find(|n| DATE_METAS.iter().any(|m| n.eq_ignore_ascii_case(m)))?;
    let content = attr("content").filter(|c| !c.is_empty() && c.len() <= 100)?;
    Some((name, content))
}

/// `hidden`, or an inline style with `display:none` or `visibility:hidden`.
pub(super) fn is_hidden(attrs: &[Attribute]) -> bool {
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
        if &*name.local == "meta" && self.dom.borrow().page_date.is_none() {
            if let Some(date) = meta_date(&attrs) {
                self.dom.borrow_mut().page_date = Some(date);
            }
        }
        let id = self.add(Data::Element(Box::new(Elem {
            hidden: is_hidden(&attrs),
            ns: name.ns.clone(),
            local: name.local.clone(),
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
pub(super) fn kept_at_any_depth(name: &str) -> bool {
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
pub(super) struct DepthGuard {
    pub(super) builder: TreeBuilder<Handle, Sink>,
    pub(super) watch: Rc<Watch>,
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
pub(super) fn parse(html: &str) -> (Dom, bool, bool) {
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
pub(super) fn bound_attributes(html: &str) -> Cow<'_, str> {
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
