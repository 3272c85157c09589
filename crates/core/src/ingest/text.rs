//! Plain text → lines → cells.

use super::norm::normalize;
use super::value::{self, Reading};
use crate::span::Span;
use crate::table::{Layout, Value};

/// How a cell reads, before any table gives it a column.
#[derive(Clone, Debug, PartialEq)]
pub enum CellClass {
    /// A number.
    Number,
    /// Empty or a placeholder for zero.
    Blank,
    /// Anything else: a label, a fragment of one, prose, or a value that cannot be read.
    Text,
}

/// One cell of the input.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The text as written, trimmed.
    pub raw: String,
    /// The normalised text (see [`super::norm`]), for matching labels.
    pub norm: String,
    pub span: Span,
    /// Index of the line the cell is on.
    pub line: usize,
    pub class: CellClass,
    pub reading: Reading,
    /// How the cell was told apart from its neighbours on its line.
    pub layout: Layout,
    /// A blank made of a line of white space in a text whose table cells stand one to a
    /// line (a browser's select-all of cells holding paragraphs, "&nbsp;" for a blank): it
    /// may be a blank cell or an empty paragraph of a cell, and a row that has more values
    /// than columns drops it first.
    pub soft: bool,
}

impl Cell {
    pub fn is_value(&self) -> bool {
        matches!(self.class, CellClass::Number | CellClass::Blank)
    }
}

/// One line of the input (page numbers removed).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub span: Span,
    /// Range of this line's cells in [`Document::cells`].
    pub cells: std::ops::Range<usize>,
    /// A page number line ("- 3 -", "第 3 页"), kept out of the cells.
    pub page_number: bool,
    /// A pipe row of Markdown's kind (the text's rows open with a pipe).
    pub piped: bool,
}

/// Lines read at most. A report has a few thousand (a long PDF perhaps 20 000); the limit
/// keeps memory bounded (about 50 bytes a line) for input that is all line breaks.
pub const MAX_LINES: usize = 1_000_000;

/// Cells read at most. A report's tables have a few hundred, its whole text a few thousand;
/// the limit keeps memory bounded (about 200 bytes a cell) for input such as "0\n" or "0\t"
/// repeated millions of times.
pub const MAX_CELLS: usize = 500_000;

/// The input as lines and cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub lines: Vec<Line>,
    pub cells: Vec<Cell>,
    /// The text had more than [`MAX_LINES`] lines or [`MAX_CELLS`] cells: it was read up to
    /// there.
    pub truncated: bool,
}

impl Document {
    /// Split text into lines and cells.
    pub fn from_text(text: &str) -> Document {
        let mut doc = Document::default();
        let mut pipes = Pipes {
            markdown: opening_pipes(text),
            open_row: false,
            after_tab: false,
            after_single: false,
        };
        let mut start = 0;
        let bytes = text.as_bytes();
        while start <= bytes.len() {
            let end = memchr_newline(bytes, start).unwrap_or(bytes.len());
            let mut line_end = end;
            if line_end > start && bytes[line_end - 1] == b'\r' {
                line_end -= 1;
            }
            doc.push_line(text, Span::new(start, line_end), &mut pipes);
            if end >= bytes.len() {
                break;
            }
            if doc.lines.len() >= MAX_LINES || doc.cells.len() >= MAX_CELLS {
                doc.truncated = true;
                break;
            }
            start = end + 1;
        }
        doc
    }

    /// The cells of one line.
    pub fn line_cells(&self, line: usize) -> &[Cell] {
        self.lines
            .get(line)
            .map_or(&[], |l| &self.cells[l.cells.clone()])
    }

    fn push_line(&mut self, text: &str, span: Span, pipes: &mut Pipes) {
        let s = &text[span.start..span.end];
        let first = self.cells.len();
        let line_no = self.lines.len();
        let page_number = is_page_number(s);
        if !page_number {
            // A leading pipe closes an empty first cell, unless pipes open rows (Markdown)
            // or the line goes on with a row broken before one of its pipes.
            let opening = pipes.markdown || pipes.open_row;
            let t = s.trim_matches(is_space);
            if !t.is_empty() {
                pipes.open_row = t.contains(['|', '｜']) && !t.ends_with(['|', '｜']);
            }
            // A browser's copy of a row whose cells hold paragraphs puts each cell on lines
            // of its own, and, in its innerText, the TAB between cells on a line alone.
            // After such a TAB, another lone TAB (a cell holding nothing) is a blank cell, and
            // so is a line of white space (a cell holding "&nbsp;") unless the cell goes on
            // with a value. Without a lone TAB before it (a select-all copy has none), a line
            // of white space after a line that was one short cell is a soft blank: a blank
            // cell, or an empty paragraph of a cell when its row has more values than columns.
            let lone_tab = is_lone_tab(s);
            let white = t.is_empty() && !s.is_empty() && self.cells.len() < MAX_CELLS;
            if white && pipes.after_tab && (lone_tab || !cell_goes_on(text, span.end)) {
                self.cells.push(make_cell(
                    "",
                    Span::new(span.start, span.start),
                    line_no,
                    Layout::Alone,
                ));
            } else if white && !lone_tab && !pipes.after_tab && pipes.after_single {
                let mut cell = make_cell(
                    "",
                    Span::new(span.start, span.start),
                    line_no,
                    Layout::Alone,
                );
                cell.soft = true;
                self.cells.push(cell);
            }
            if !s.is_empty() {
                pipes.after_tab = lone_tab;
            }
            let before = self.cells.len();
            let (cells, layout) = split_cells(s, opening);
            for (a, b) in cells {
                if self.cells.len() >= MAX_CELLS {
                    self.truncated = true;
                    break;
                }
                let raw = &s[a..b];
                self.cells.push(make_cell(
                    raw,
                    Span::new(span.start + a, span.start + b),
                    line_no,
                    layout,
                ));
            }
            if !t.is_empty() {
                let new = &self.cells[before..];
                pipes.after_single = new.len() == 1 && new[0].raw.len() <= SHORT_CELL;
            }
        }
        let piped = pipes.markdown && !s.contains('\t') && s.contains(['|', '｜']);
        self.lines.push(Line {
            span,
            cells: first..self.cells.len(),
            page_number,
            piped,
        });
    }
}

fn is_lone_tab(s: &str) -> bool {
    s.chars().filter(|&c| c == '\t').count() == 1 && s.chars().all(is_space)
}

/// Whether the cell of the white-space line that ends at `end` goes on with a value in a
/// later paragraph ("&nbsp;" above the number, however many empty lines apart): the next line
/// with text, past empty and white-space lines, reads as a value. A lone TAB (the next cell),
/// a label (the next row) or the end of the text: the cell was blank.
fn cell_goes_on(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let mut start = end;
    loop {
        // Past this line's break ("\r\n" is one).
        start = match bytes.get(start) {
            Some(b'\r') if bytes.get(start + 1) == Some(&b'\n') => start + 2,
            Some(_) => start + 1,
            None => return false,
        };
        let next_end = memchr_newline(bytes, start).unwrap_or(bytes.len());
        let mut line_end = next_end;
        if line_end > start && bytes[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        let line = text.get(start..line_end).unwrap_or("");
        if is_lone_tab(line) {
            return false;
        }
        let t = line.trim_matches(is_space);
        if !t.is_empty() {
            return t.len() <= 40 && is_value_token(t);
        }
        start = line_end;
    }
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|p| {
            let i = from + p;
            // A lone '\r' (old Mac files) ends a line too; "\r\n" ends at the '\n'.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i + 1
            } else {
                i
            }
        })
}

/// Cells longer than this are prose: never a label or a value, so only their start is
/// normalised (labels are matched on short cells only) and they are not read as numbers.
const LONG_CELL: usize = 600;

fn make_cell(raw: &str, span: Span, line: usize, layout: Layout) -> Cell {
    if raw.len() > LONG_CELL {
        let mut cut = LONG_CELL;
        while !raw.is_char_boundary(cut) {
            cut -= 1;
        }
        let reading = Reading {
            value: Value::Unreadable,
            unit: None,
        };
        return Cell {
            raw: raw.to_string(),
            norm: normalize(&raw[..cut]),
            span,
            line,
            class: CellClass::Text,
            reading,
            layout,
            soft: false,
        };
    }
    // A line break inside a Markdown table's cell is written "<br>": no text of the cell.
    let unbroken = without_br(raw);
    let raw_read = unbroken.as_deref().unwrap_or(raw);
    let reading = value::read(raw_read);
    let class = match reading.value {
        Value::Number(_) => CellClass::Number,
        Value::Blank => CellClass::Blank,
        _ => CellClass::Text,
    };
    Cell {
        raw: raw.to_string(),
        norm: normalize(raw_read),
        span,
        line,
        class,
        reading,
        layout,
        soft: false,
    }
}

/// `s` without its "<br>", "<br/>" and "<br />" (any case), when it has one: a cell's text
/// as it is read.
pub fn without_br(s: &str) -> Option<String> {
    if !s.contains('<') {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut found = false;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let tag = ["<br>", "<br/>", "<br />"].iter().find(|t| {
            tail.get(..t.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(t))
        });
        match tag {
            Some(t) => {
                found = true;
                rest = &tail[t.len()..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    found.then_some(out)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Byte range of `s[a..b]` without surrounding white space.
fn trim_range(s: &str, a: usize, b: usize) -> (usize, usize) {
    let part = &s[a..b];
    let lead = part.len() - part.trim_start_matches(is_space).len();
    let trail = part.len() - part.trim_end_matches(is_space).len();
    if lead + trail >= part.len() {
        (a, a)
    } else {
        (a + lead, b - trail)
    }
}

/// "- 3 -", "— 12 —", "-3-", "第 3 页", "第3页 共10页".
fn is_page_number(s: &str) -> bool {
    let dashes = |c: char| matches!(c, '-' | '－' | '—' | '–' | '−' | '_');
    // A page line starts with a dash or 第; most lines do not, and are told so here.
    if !s
        .chars()
        .find(|c| !is_space(*c))
        .is_some_and(|c| dashes(c) || c == '第')
    {
        return false;
    }
    let t: String = s.chars().filter(|c| !is_space(*c)).collect();
    if t.is_empty() || t.chars().count() > 16 {
        return false;
    }
    let inner = t.trim_matches(dashes);
    let had_dashes = inner.len() < t.len() && t.starts_with(dashes) && t.ends_with(dashes);
    let digits =
        |x: &str| !x.is_empty() && x.chars().all(|c| super::norm::ascii_digit(c).is_some());
    if had_dashes && digits(inner) {
        return true;
    }
    is_page_of(inner)
}

/// "第3页", "第3页共10页" (white space already removed): a page line in any reader's text.
pub(crate) fn is_page_of(inner: &str) -> bool {
    let digits =
        |x: &str| !x.is_empty() && x.chars().all(|c| super::norm::ascii_digit(c).is_some());
    let Some(rest) = inner.strip_prefix('第') else {
        return false;
    };
    let Some((n, tail)) = rest.split_once('页') else {
        return false;
    };
    let tail_ok = tail.is_empty()
        || tail
            .strip_prefix('共')
            .and_then(|x| x.strip_suffix('页'))
            .is_some_and(digits);
    digits(n) && tail_ok
}

/// How pipes are used in a text, for the cell before a line's leading pipe.
struct Pipes {
    /// Rows open with a pipe too ("| 规章 | 0 |"): a leading pipe opens the row.
    markdown: bool,
    /// The last line with text held pipes and did not end with one: a row broken across
    /// lines, so a leading pipe on the next line opens nothing.
    open_row: bool,
    /// The last line that was not empty held a lone TAB: a cell follows.
    after_tab: bool,
    /// The last line with text was one short cell (a value, a label).
    after_single: bool,
}

/// Longest text (bytes) of a cell that may stand alone on its line in a table.
const SHORT_CELL: usize = 240;

/// Whether the text's pipe rows open with a pipe (Markdown: "| a | b |"), rather than only
/// closing each cell with one ("a | b |"): most lines that hold pipes and text start with a
/// pipe. Lines of pipes alone (blank cells, row padding) do not count.
fn opening_pipes(text: &str) -> bool {
    let (mut rows, mut opened) = (0usize, 0usize);
    for line in text.lines() {
        let t = line.trim_matches(is_space);
        let pipe = |c: char| matches!(c, '|' | '｜');
        if t.contains(pipe) && !t.chars().all(|c| pipe(c) || is_space(c)) {
            rows += 1;
            if t.starts_with(pipe) {
                opened += 1;
            }
        }
    }
    opened * 2 > rows
}

/// Split one line into cells, as byte ranges into the line, with how they were told apart.
/// With `opening`, a leading pipe opens the row rather than closing an empty first cell.
fn split_cells(s: &str, opening: bool) -> (Vec<(usize, usize)>, Layout) {
    let (a, b) = trim_range(s, 0, s.len());
    if a == b {
        return (Vec::new(), Layout::Alone);
    }
    if s.contains('\t') {
        return (split_on(s, '\t', false, false), Layout::Tab);
    }
    if s.contains('|') || s.contains('｜') {
        let pipes = s.chars().filter(|c| matches!(c, '|' | '｜')).count();
        let only_pipes = s.chars().all(|c| matches!(c, '|' | '｜') || is_space(c));
        if only_pipes {
            // A lone "|" is a blank cell; a run of pipes is row padding.
            let cells = if pipes == 1 { vec![(a, a)] } else { Vec::new() };
            return (cells, Layout::Pipe);
        }
        let mut cells = split_on(s, '|', true, opening);
        if opening {
            // Markdown's line under a header ("|---|:---:|") holds no cells.
            if cells.iter().all(|&(a, b)| is_delimiter(&s[a..b])) {
                return (Vec::new(), Layout::Pipe);
            }
            // A converter's own names for the columns of a table without a header ("Col1",
            // "Col2" …, as PDF-to-Markdown converters write them, in its first row) stand
            // for empty cells.
            for c in cells.iter_mut() {
                if is_column_name(&s[c.0..c.1]) {
                    c.1 = c.0;
                }
            }
        }
        return (cells, Layout::Pipe);
    }
    if let Some(cells) = split_space_row(s) {
        return (cells, Layout::Space);
    }
    (vec![(a, b)], Layout::Alone)
}

/// "---", ":---:": a cell of Markdown's line under a header.
fn is_delimiter(t: &str) -> bool {
    let d = t.trim_start_matches(':').trim_end_matches(':');
    d.len() >= 3 && d.bytes().all(|b| b == b'-')
}

/// "Col1", "Col12": a column's name a Markdown converter made up.
pub fn is_column_name(t: &str) -> bool {
    t.strip_prefix("Col")
        .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Split on a separator. With `pipe`, an empty piece after a trailing separator is not a
/// cell (the pipe closes the cell before it), nor, with `opening`, one before a leading
/// separator.
fn split_on(s: &str, sep: char, pipe: bool, opening: bool) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let is_sep = c == sep || (pipe && c == '｜');
        if is_sep {
            pieces.push((start, i));
            start = i + c.len_utf8();
        }
    }
    pieces.push((start, s.len()));
    let mut out: Vec<(usize, usize)> = pieces
        .into_iter()
        .map(|(a, b)| trim_range(s, a, b))
        .collect();
    if pipe {
        if out.last().is_some_and(|(a, b)| a == b) {
            out.pop();
        }
        if opening
            && out.first().is_some_and(|(a, b)| a == b)
            && s.trim_start_matches(is_space).starts_with(['|', '｜'])
        {
            out.remove(0);
        }
    }
    out
}

/// A token that can stand as a value in a space-separated row: a number or a placeholder
/// for zero ("/", "-", "—", "无" …).
fn is_value_token(t: &str) -> bool {
    matches!(value::read(t).value, Value::Number(_) | Value::Blank)
}

/// "规章 0 0 0" → ["规章", "0", "0", "0"]; "4 0 0 0 0 0 4" → seven cells. `None` when the
/// line does not end in values (then it is one cell).
fn split_space_row(s: &str) -> Option<Vec<(usize, usize)>> {
    // A row ends in a value: a digit, a unit or a placeholder. Prose ends otherwise.
    let last = s.chars().rev().find(|c| !is_space(*c))?;
    if !(super::norm::ascii_digit(last).is_some() || value::may_end_value(last)) {
        return None;
    }
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if is_space(c) {
            if let Some(st) = start.take() {
                tokens.push((st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        tokens.push((st, s.len()));
    }
    let values = tokens
        .iter()
        .rev()
        .take_while(|(a, b)| b - a <= 40 && is_value_token(&s[*a..*b]))
        .count();
    let labels = tokens.len() - values;
    if values == 0 || (labels == 0 && values == 1) {
        return None;
    }
    // A label before a single trailing number must not be prose with a number at its end
    // ("邮编 223100"): only short labels, or several values, make a row.
    if values == 1 && labels > 0 {
        let label_chars = s[tokens[0].0..tokens[labels - 1].1].chars().count();
        if label_chars > 24 {
            return None;
        }
    }
    let mut out = Vec::new();
    if labels > 0 {
        out.push((tokens[0].0, tokens[labels - 1].1));
    }
    out.extend_from_slice(&tokens[labels..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_tokens_end_as_the_quick_test_expects() {
        for t in [
            "3",
            "３",
            "12件",
            "5人次",
            "3.6万元",
            "-",
            "—",
            "/",
            "－",
            "／",
            "——",
            "–",
        ] {
            assert!(is_value_token(t), "{t:?}");
            let last = t.chars().last().unwrap_or(' ');
            assert!(
                super::super::norm::ascii_digit(last).is_some() || value::may_end_value(last),
                "{t:?}"
            );
        }
        assert!(is_page_number("  第 3 页 共 10 页"));
        assert!(!is_page_number("3 页"));
    }

    fn cells(text: &str) -> Vec<String> {
        Document::from_text(text)
            .cells
            .iter()
            .map(|c| c.raw.clone())
            .collect()
    }

    #[test]
    fn pipe_cells_one_per_line() {
        assert_eq!(cells("39 |\n|\n||\n5 |"), vec!["39", "", "5"]);
    }

    #[test]
    fn pipe_rows_and_continuations() {
        assert_eq!(cells("规章 | 0 | 0 | 0 |"), vec!["规章", "0", "0", "0"]);
        assert_eq!(cells("a | 2 | ||"), vec!["a", "2", "", ""]);
        assert_eq!(cells("0 | |"), vec!["0", ""]);
    }

    #[test]
    fn a_leading_pipe_closes_an_empty_cell_unless_rows_open_with_pipes() {
        // Cells closed by pipes: an empty first cell.
        assert_eq!(
            cells("行政复议 | 行政诉讼 |\n | 5 | 0 |"),
            vec!["行政复议", "行政诉讼", "", "5", "0"]
        );
        // A row broken before a pipe goes on: no empty cell.
        assert_eq!(cells("a | 1 | 2\n| 3 |"), vec!["a", "1", "2", "3"]);
        // Markdown rows open with a pipe.
        assert_eq!(
            cells("| 规章 | 0 |\n| 行政许可 | 5 |\n| | 7 |"),
            vec!["规章", "0", "行政许可", "5", "", "7"]
        );
    }

    #[test]
    fn cells_on_lines_of_their_own_between_lone_tabs() {
        // As Chromium copies a row whose cells hold <p>: blanks as "&nbsp;" or as nothing.
        let text = "（一）予以公开\n\n\t\n\n36\n\n\t\n\n\u{a0}\n\n\t\n\n\t\n\n2\n";
        assert_eq!(cells(text), vec!["（一）予以公开", "36", "", "", "2"]);
        let doc = Document::from_text(text);
        assert_eq!(doc.cells[2].class, CellClass::Blank);
        // Empty lines after a lone TAB are no cell (white space after a short cell is a soft
        // blank, below).
        assert_eq!(cells("标题\n\n正文\n\t\n\n\n3"), vec!["标题", "正文", "3"]);
        assert_eq!(cells("a\t1\n\u{a0}\nb"), vec!["a", "1", "b"]);
        // A cell whose first paragraph is "&nbsp;" goes on with its value, however far below;
        // a blank last cell of a row is followed by the next row's label.
        assert_eq!(
            cells("新收\n\n\t\n\n0\n\n\t\n\n\u{a0}\n\n\n\n\n\n\n11\n\n\n\n\n结转\n\n\t\n\n\u{a0}\n\n\n\n\n办理"),
            vec!["新收", "0", "11", "结转", "", "办理"]
        );
        assert_eq!(cells("a\r\n\t\r\n\u{a0}\r\n\r\n\r\nb"), vec!["a", "", "b"]);
    }

    #[test]
    fn white_space_after_a_cell_alone_on_its_line_is_a_soft_blank() {
        let doc = Document::from_text("（一）予以公开\n\n36\n\n\u{a0}\n\n2\n");
        let soft: Vec<bool> = doc.cells.iter().map(|c| c.soft).collect();
        assert_eq!(soft, vec![false, false, true, false]);
        assert_eq!(doc.cells[2].class, CellClass::Blank);
        // Not after prose, a tab row or nothing; not after a lone TAB (a hard blank then).
        let long = "很长的一段正文。".repeat(12);
        assert_eq!(cells(&format!("{long}\n\u{a0}\nb")).len(), 2);
        assert_eq!(cells("a\t1\n\u{a0}\nb"), vec!["a", "1", "b"]);
        assert_eq!(cells("\u{a0}\nb"), vec!["b"]);
        let tab = Document::from_text("a\n\t\n\u{a0}\n\t\n1");
        assert!(!tab.cells[1].soft && tab.cells[1].raw.is_empty());
    }

    #[test]
    fn markdown_delimiter_lines_are_no_cells_and_made_up_column_names_empty_ones() {
        assert_eq!(
            cells("|主动公开|Col2|Col3|\n|---|:---:|---|\n|规章|0|Col|\n|Col1|1|2|"),
            vec!["主动公开", "", "", "规章", "0", "Col", "", "1", "2"]
        );
        // A row of placeholders for zero is no delimiter line.
        assert_eq!(cells("|a|-|\n|b|-|-|"), vec!["a", "-", "b", "-", "-"]);
        // Without Markdown's opening pipes a cell "Col2" is text as written.
        assert_eq!(cells("a | Col2 |\nb | 1 |"), vec!["a", "Col2", "b", "1"]);
        assert_eq!(cells("- | -- |"), vec!["-", "--"]);
        let doc = Document::from_text("|a|1|\nb 1\n");
        assert!(doc.lines[0].piped && !doc.lines[1].piped);
    }

    #[test]
    fn a_line_break_written_br_is_no_text_of_a_cell() {
        let doc = Document::from_text("|1.属于国家秘<br>密|0<BR/>|a <br /> b|x<b>y<|\n");
        let norms: Vec<&str> = doc.cells.iter().map(|c| c.norm.as_str()).collect();
        assert_eq!(norms, vec!["1.属于国家秘密", "0", "ab", "x<b>y<"]);
        assert_eq!(doc.cells[1].class, CellClass::Number);
        assert_eq!(doc.cells[0].raw, "1.属于国家秘<br>密");
    }

    #[test]
    fn tab_rows_keep_blank_cells() {
        assert_eq!(cells("规章\t0\t\t3"), vec!["规章", "0", "", "3"]);
    }

    #[test]
    fn space_rows_from_pdf_text() {
        assert_eq!(cells("规章 1 0 11"), vec!["规章", "1", "0", "11"]);
        assert_eq!(
            cells("4 0 0 0 0 0 4"),
            vec!["4", "0", "0", "0", "0", "0", "4"]
        );
        assert_eq!(
            cells("三 2.其他法律行政止公开 0 0"),
            vec!["三 2.其他法律行政止公开", "0", "0"]
        );
        assert_eq!(cells("2024 年 1 月 1 日"), vec!["2024 年 1 月 1 日"]);
        // Any placeholder for zero stands as a value, "无" too.
        assert_eq!(
            cells("1.本机关不掌握相关政府信息 0 无 — 85"),
            vec!["1.本机关不掌握相关政府信息", "0", "无", "—", "85"]
        );
    }

    #[test]
    fn page_numbers_are_dropped() {
        assert!(cells("- 3 -").is_empty());
        assert!(cells("— 12 —").is_empty());
        assert!(cells("第 3 页 共 10 页").is_empty());
        assert_eq!(cells("3"), vec!["3"]);
    }

    #[test]
    fn spans_point_into_the_input() {
        let text = "第一行\r\n规章 | 12 |\n";
        let doc = Document::from_text(text);
        for c in &doc.cells {
            assert_eq!(&text[c.span.start..c.span.end], c.raw);
        }
        assert_eq!(doc.lines.len(), 3);
    }
}
