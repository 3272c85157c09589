//! A table row cut by a page break in converter Markdown.
//!
//! A PDF-to-Markdown converter writes a table that a page break splits as two pipe tables,
//! and a row whose label wraps across the break is cut with it: its label's first lines end
//! the first table ("| （五）不予处理 | 5.要求行<br>政机关确 | 0 | 0 | … |"), the rest opens
//! the next one as its header row ("| Col1 | Col2 | 认或重新<br>出具已获<br>取信息 | Col4 | … |"),
//! and the row's values may sit in either piece. When the two pieces of the label make a
//! label of the template, and the pieces' values never both fill one column, the two lines are
//! one row: the label joined, each column's value from the piece that holds one.

use crate::ingest::norm::normalize;
use crate::ingest::text::{is_column_name, without_br};
use crate::ingest::value::read as read_value;
use crate::ingest::{Cell, CellClass, Document, Line};
use crate::schema::{
    RowDef, TableKind, ACTIVE_ROWS_2019, ACTIVE_ROWS_2021, APPEAL_ROWS, REQUEST_ROWS_ANY,
};
use crate::span::Span;

/// "3.其他", "(3)其他" → "其他".
fn strip_numbering(t: &str) -> &str {
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')'));
    t.trim_start_matches(['.', '、', ',', ')'])
}

/// The template's own label of a row, normalised, without its group's label and numbering.
fn row_label(def: &RowDef) -> String {
    let tail = def.label.rsplit(' ').next().unwrap_or(def.label);
    normalize(tail)
}

/// A label's letters and digits after its numbering: a converter may write a label's
/// punctuation as spaces ("危及“三安全 一稳定”"), which normalisation drops.
fn letters(t: &str) -> String {
    strip_numbering(t)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The table and row of the template a label (normalised) is the label of.
fn template_row(t: &str) -> Option<(TableKind, &'static str)> {
    let t = letters(t);
    if t.is_empty() {
        return None;
    }
    let pools: [(TableKind, &'static [RowDef]); 4] = [
        (TableKind::Requests, &REQUEST_ROWS_ANY),
        (TableKind::Active, &ACTIVE_ROWS_2021),
        (TableKind::Active, &ACTIVE_ROWS_2019),
        (TableKind::Appeals, &APPEAL_ROWS),
    ];
    pools.iter().find_map(|&(kind, defs)| {
        defs.iter()
            .find(|d| letters(&row_label(d)) == t)
            .map(|d| (kind, d.key))
    })
}

/// Whether `t` (normalised) is a row label of the template.
fn is_template_label(t: &str) -> bool {
    template_row(t).is_some()
}

/// A cell with nothing in it (a converter's made-up `Col4` is one too).
pub(super) fn is_empty(c: &Cell) -> bool {
    if c.class != CellClass::Blank {
        return false;
    }
    let raw = without_br(&c.raw);
    let raw = raw.as_deref().unwrap_or(&c.raw).trim();
    raw.is_empty() || is_column_name(raw)
}

/// A pipe row's label and the values after it: (label cell, value cells), when the line's
/// last text cell is followed by values only.
fn label_and_values(doc: &Document, line: usize) -> Option<(usize, std::ops::Range<usize>)> {
    let l = doc.lines.get(line)?;
    if !l.piped {
        return None;
    }
    let label = l.cells.clone().rev().find(|&i| !doc.cells[i].is_value())?;
    let values = label + 1..l.cells.end;
    (!values.is_empty()).then_some((label, values))
}

/// The join of lines `a` (the last row of a pipe table) and `b` (the next table's first row),
/// as (label cell of `a`, label cell of `b`, for each value of `a` the cell that holds it).
fn join_of(doc: &Document, a: usize, b: usize) -> Option<(usize, usize, Vec<usize>)> {
    let (la, va) = label_and_values(doc, a)?;
    let (lb, vb) = label_and_values(doc, b)?;
    // Before the continued label, the next piece has only the group columns left empty.
    let lb_line = doc.lines.get(b)?;
    if !(lb_line.cells.start..lb).all(|i| is_empty(&doc.cells[i])) {
        return None;
    }
    if va.len() != vb.len() {
        return None;
    }
    let first = &doc.cells[la].norm;
    if first.is_empty() || doc.cells[lb].norm.is_empty() || is_template_label(first) {
        return None;
    }
    let joined = format!("{first}{}", doc.cells[lb].norm);
    if !is_template_label(&joined) {
        return None;
    }
    let mut cells = Vec::with_capacity(va.len());
    for (x, y) in va.zip(vb) {
        match (is_empty(&doc.cells[x]), is_empty(&doc.cells[y])) {
            (_, true) => cells.push(x),
            (true, false) => cells.push(y),
            // Both pieces give the column a value: which one is the row's is not certain.
            (false, false) => return None,
        }
    }
    Some((la, lb, cells))
}

/// Where a converter split its tables: `(a, b)` when line `a` is the last row of a pipe
/// table and line `b`, after nothing but empty lines, is the header row of the next one (the
/// delimiter line after it has no cells). Two tables with no text between them are one table
/// cut at a page break (or, when the text between was lost there, two tables and what stood
/// between them).
pub fn splits(doc: &Document) -> Vec<(usize, usize)> {
    let with_cells: Vec<usize> = (0..doc.lines.len())
        .filter(|&i| !doc.lines[i].cells.is_empty())
        .collect();
    with_cells
        .windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|&(a, b)| {
            let header = doc.lines.get(b + 1).is_some_and(|l| l.cells.is_empty());
            b >= a + 2 && header && doc.lines[a].piped && doc.lines[b].piped
        })
        .collect()
}

/// Whether `text` (read into `doc`) is Markdown a PDF converter wrote: its pipe tables carry
/// column names of the converter's own (`Col2`) where the PDF's header cell was empty or
/// merged (the text reader reads them as empty cells, so the text is looked at).
pub fn made_by_converter(text: &str, doc: &Document) -> bool {
    doc.lines.iter().filter(|l| l.piped).any(|l| {
        text.get(l.span.start..l.span.end)
            .is_some_and(|s| s.split(['|', '｜']).any(|c| is_column_name(c.trim())))
    })
}

/// A cell's text cut at each "<br>" (in the spellings [`without_br`] reads).
fn br_pieces(raw: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut from, mut at) = (0, 0);
    while let Some(i) = raw[at..].find('<').map(|i| at + i) {
        let tag = ["<br>", "<br/>", "<br />"].iter().find(|t| {
            raw.get(i..i + t.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(t))
        });
        at = i + 1;
        if let Some(t) = tag {
            pieces.push(&raw[from..i]);
            from = i + t.len();
            at = from;
        }
    }
    pieces.push(&raw[from..]);
    pieces
}

/// The two template labels a cell's `<br>`-separated lines make, when they make two
/// ("3.其<br>他<br>（七）总计" → "3.其他", "（七）总计"), normalised.
fn two_labels(raw: &str) -> Option<(String, String)> {
    // Two labels and their line breaks are short; a longer cell is prose.
    if raw.len() > 240 {
        return None;
    }
    let pieces = br_pieces(raw);
    (1..pieces.len()).find_map(|k| {
        let first = normalize(&pieces[..k].concat());
        let second = normalize(&pieces[k..].concat());
        (is_template_label(&first) && is_template_label(&second)).then_some((first, second))
    })
}

/// How many cells at a row's start may hold its labels (a group, a sub-group, the row's own,
/// each perhaps repeated by the converter).
const LABEL_CELLS: usize = 8;

/// Two rows of one table whose labels a converter wrote into one cell, on a line that does
/// not say which of them it is: its values cannot be given to either.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub table: TableKind,
    pub rows: [&'static str; 2],
    /// The line.
    pub span: Span,
}

/// `doc` with the converter's merged label cells emptied. A converter that reads a column's
/// text across two rows writes it into both: "| 3.其<br>他<br>（七）总计 | Col2 | 3.其<br>他 |
/// 0 | … |" then "| 3.其<br>他<br>（七）总计 | （七）总计 | （七）总计 | 11 | … |". A cell
/// holding two template labels, on a pipe row that has another cell holding one of them,
/// is not the row's label but that merged column: an empty cell, and the row is the one its
/// own label names. On a row of values with no such cell, which of the two rows the values
/// are is not known: the whole line is emptied, and the two rows are returned as
/// [`Merged`] (S104 says they could not be read).
pub fn clear_merged_labels(mut doc: Document) -> (Document, Vec<Merged>) {
    let mut cleared: Vec<usize> = Vec::new();
    let mut merged: Vec<Merged> = Vec::new();
    for line in doc.lines.iter().filter(|l| l.piped) {
        // Labels stand at a row's start: its first cells are looked at, so that a line of
        // many cells costs its length.
        let head = line.cells.start..line.cells.end.min(line.cells.start + LABEL_CELLS);
        for i in head.clone() {
            let c = &doc.cells[i];
            if c.is_value() {
                continue;
            }
            let Some((first, second)) = two_labels(&c.raw) else {
                continue;
            };
            let named = head.clone().filter(|&j| j != i).any(|j| {
                let o = &doc.cells[j];
                let own = letters(&o.norm);
                !o.is_value()
                    && !own.is_empty()
                    && (own == letters(&first) || own == letters(&second))
            });
            let values = line
                .cells
                .clone()
                .any(|j| doc.cells[j].class == CellClass::Number);
            if named {
                cleared.push(i);
            } else if let (true, Some((a, x)), Some((b, y))) =
                (values, template_row(&first), template_row(&second))
            {
                if a == b {
                    cleared.extend(line.cells.clone());
                    merged.push(Merged {
                        table: a,
                        rows: [x, y],
                        span: line.span,
                    });
                }
            }
        }
    }
    for i in cleared {
        let c = &mut doc.cells[i];
        c.raw.clear();
        c.norm.clear();
        c.class = CellClass::Blank;
        c.reading = read_value("");
    }
    (doc, merged)
}

/// `doc` with every row cut between two pipe tables joined; `doc` itself when there is none.
pub fn join_cut_rows(doc: Document) -> Document {
    let mut joins: Vec<(usize, usize, usize, usize, Vec<usize>)> = Vec::new();
    for (a, b) in splits(&doc) {
        if let Some((la, lb, cells)) = join_of(&doc, a, b) {
            joins.push((a, b, la, lb, cells));
        }
    }
    if joins.is_empty() {
        return doc;
    }
    let Document {
        lines,
        cells: old,
        truncated,
    } = doc;
    let mut out = Document {
        lines: Vec::with_capacity(lines.len()),
        cells: Vec::with_capacity(old.len()),
        truncated,
    };
    let mut next = joins.iter().peekable();
    let mut dropped: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let start = out.cells.len();
        if dropped.contains(&i) {
            out.lines.push(Line {
                cells: start..start,
                ..line.clone()
            });
            continue;
        }
        match next.peek() {
            Some(&&(a, b, la, lb, ref values)) if a == i => {
                next.next();
                dropped.push(b);
                for c in line.cells.start..=la {
                    let mut cell = old[c].clone();
                    if c == la {
                        cell.raw.push_str(&old[lb].raw);
                        cell.norm.push_str(&old[lb].norm);
                    }
                    out.cells.push(cell);
                }
                for &v in values {
                    let mut cell = old[v].clone();
                    cell.line = i;
                    out.cells.push(cell);
                }
            }
            _ => out.cells.extend(old[line.cells.clone()].iter().cloned()),
        }
        out.lines.push(Line {
            cells: start..out.cells.len(),
            ..line.clone()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        let doc = join_cut_rows(Document::from_text(text));
        doc.cells.iter().map(|c| c.norm.clone()).collect()
    }

    #[test]
    fn a_label_cut_between_two_pipe_tables_is_joined() {
        let text = "|a|b|c|d|\n|---|---|---|---|\n|（五）不予处理|5.要求行<br>政机关确|0||\n\n\n\
                    |Col1|Col2|认或重新出具<br>已获取信息|Col4|7|\n|---|---|---|---|---|\n";
        let got = labels(text);
        assert!(got.contains(&"5.要求行政机关确认或重新出具已获取信息".to_string()));
        assert!(!got.iter().any(|t| t == "认或重新出具已获取信息"));
    }

    #[test]
    fn punctuation_written_as_a_space_still_joins() {
        let text = "|a|b|c|\n|---|---|---|\n|（六）其他处理|1.申请人无正当理由|0|\n\n\n\
                    |Col1|逾 期 不 补<br>正 行 政 机 关 不 再 处 理 其 政 府 信 息 公 开 申 请|Col3|\n\
                    |---|---|---|\n";
        let joined = "1.申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请";
        assert!(labels(text).iter().any(|t| t == joined));
        // Near miss: other letters are no label of the template.
        let other = text.replace("不 再", "仍 再");
        assert!(!labels(&other)
            .iter()
            .any(|t| t.starts_with("1.申请人无正当理由逾")));
    }

    #[test]
    fn values_in_both_pieces_are_not_joined() {
        let text = "|a|b|c|d|\n|---|---|---|---|\n|（五）不予处理|5.要求行<br>政机关确|0|1|\n\n\n\
                    |Col1|Col2|认或重新出具<br>已获取信息|Col4|7|\n|---|---|---|---|---|\n";
        assert!(labels(text).contains(&"认或重新出具已获取信息".to_string()));
    }
}
