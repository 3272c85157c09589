//! Walking the tree into the text a browser would copy: blocks as lines, tables as TAB rows
//! with a merged cell once.

use super::tree::*;

/// A step of a walk through a subtree: entering a node (its children follow unless the
/// visitor says not to), or leaving it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    Enter(Id),
    Leave(Id),
}

/// Walk the subtree under `root` without recursion. `visit` returns whether to go into a
/// node's children on `Enter`.
pub(super) fn walk(dom: &Dom, root: Id, mut visit: impl FnMut(Step) -> bool) {
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
pub(super) fn is_skipped(tag: &str) -> bool {
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
pub(super) fn is_block(tag: &str) -> bool {
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

pub(super) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether a node gives no text: a skipped or hidden element, or a foreign (SVG, MathML)
/// one.
pub(super) fn silent(dom: &Dom, id: Id) -> bool {
    match dom.elem(id) {
        Some(e) => e.hidden || e.ns != html5ever::ns!(html) || is_skipped(&e.local),
        None => matches!(dom.node(id).map(|n| &n.data), Some(Data::Other)),
    }
}

// ------------------------------------------------------------------ text output

/// White space that collapses: what HTML calls white space, and `&nbsp;`.
pub(super) fn collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}' | '\u{A0}')
}

/// East Asian wide characters: a line break between two of them is no space (CSS Text:
/// segment break transformation), so "商业<br/>企业" reads "商业企业".
pub(super) fn wide(c: char) -> bool {
    crate::ingest::norm::is_wide(c)
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Pending {
    None,
    /// Spaces.
    Space,
    /// A line break in the source, a `<br>` or a block boundary inside a cell.
    Break,
}

/// Text being written with HTML's white-space rules.
pub(super) struct Out {
    pub(super) text: String,
    /// The current line has text.
    pub(super) open: bool,
    pub(super) pending: Pending,
    pub(super) last: char,
    /// Inside a cell: block boundaries and `<br>` are soft breaks, not new lines.
    pub(super) cell: bool,
    /// Depth of `<pre>`: white space kept as written (outside cells).
    pub(super) pre: usize,
}

impl Out {
    pub(super) fn new(cell: bool) -> Out {
        Out {
            text: String::new(),
            open: false,
            pending: Pending::None,
            last: '\n',
            cell,
            pre: 0,
        }
    }

    pub(super) fn push_char(&mut self, c: char) {
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

    pub(super) fn push_text(&mut self, s: &str) {
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
    pub(super) fn brk(&mut self) {
        if self.cell {
            self.pending = self.pending.max(Pending::Break);
        } else {
            self.end_line();
        }
    }

    pub(super) fn end_line(&mut self) {
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
pub(super) fn layout_tables(dom: &Dom) -> Vec<bool> {
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

/// The rows of a table in order, each with its cells, and its caption.
pub(super) fn table_rows(dom: &Dom, table: Id) -> (Vec<Vec<Id>>, Option<Id>) {
    let mut rows = Vec::new();
    let mut caption = None;
    let cells = |tr: Id| -> Vec<Id> {
        dom.children(tr)
            .filter(|&c| matches!(dom.tag(c), Some("td" | "th")))
            .collect()
    };
    for child in dom.children(table) {
        match dom.tag(child) {
            Some("tr") => rows.push(cells(child)),
            Some("thead" | "tbody" | "tfoot") => {
                for tr in dom.children(child) {
                    if dom.tag(tr) == Some("tr") {
                        rows.push(cells(tr));
                    }
                }
            }
            Some("caption") if caption.is_none() => caption = Some(child),
            _ => {}
        }
    }
    (rows, caption)
}

/// The text of a cell (or caption), collapsed to one line, with how many blocks it has.
pub(super) fn cell_text(dom: &Dom, cell: Id) -> (String, usize) {
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

/// The state of rendering a page.
pub(super) struct Renderer<'a> {
    pub(super) dom: &'a Dom,
    pub(super) layout: Vec<bool>,
    pub(super) out: Out,
}

impl Renderer<'_> {
    pub(super) fn run(&mut self) {
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
    pub(super) fn data_table(&mut self, table: Id) -> bool {
        let dom = self.dom;
        let (rows, caption) = table_rows(dom, table);
        if rows.iter().all(|cells| cells.len() <= 1) {
            return false;
        }
        let texts: Vec<Vec<String>> = {
            let mut texts = Vec::with_capacity(rows.len());
            for cells in &rows {
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
        for row in &texts {
            if row.iter().any(|t| !t.is_empty()) {
                self.out.text.push_str(&row.join("\t"));
                self.out.text.push('\n');
            }
        }
        self.out.open = false;
        self.out.pending = Pending::None;
        self.out.last = '\n';
        true
    }
}
