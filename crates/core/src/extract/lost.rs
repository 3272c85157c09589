//! Rows a converter lost where it cut a table at a page break.
//!
//! A PDF-to-Markdown converter writes a table that a page break splits as two pipe tables
//! ([`super::split::splits`]), and what stands at the break may not reach its output at all:
//! pymupdf4llm drops rows that stand at the top of the next page (in one real report
//! （七）总计 and 四、结转下年度继续办理, with the heading of section 四 after them), and a
//! table's only value row when it stands alone on the next page. Such rows are not in the
//! file: whether the report has them cannot be told from it, so they are a problem of the
//! reading (S104 says so once, with the table as its subject), not rows the report lacks, and
//! no equation runs on them (they are absent).
//!
//! A template row that was not read was lost at a break when it sits at one:
//! - between the row read before it and the row read after it, the first one's pipe table
//!   ends (nothing but empty cells after it) and the second one's begins (nothing but its
//!   header before it): the table is continued across the break;
//! - after the table's last row read, its pipe table ends there and the next thing in the
//!   file is another pipe table, in a file a converter evidently wrote (column names of its
//!   own, [`super::split::made_by_converter`]).
//!
//! And a table of which only the header is in such a file (its pipe table holds the header
//! rows and not one value) has lost all its rows ([`header_only`]). (Two rows whose labels the
//! converter merged into one cell of a line that does not say which row its values are,
//! [`super::split::Merged`], cannot be read either; [`Why::Merged`].) A row missing anywhere
//! else is the report's (S104 as an error), and so is every row missing from a table read
//! from HTML, a .docx, TAB-separated text or a PDF: those are not cut at page breaks.

use super::split::{is_empty, made_by_converter, splits};
use super::Region;
use crate::ingest::{CellClass, Document};
use crate::schema::{request_rows, template_rows, RowDef, TableKind, Template};
use crate::span::Span;
use crate::table::{Row, Table, Tables};

/// Why rows of a table cannot be read from a converter's Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Lost at a page break: they are not in the file.
    Break,
    /// Only the table's header is in the file.
    HeaderOnly,
    /// Their labels are merged into one cell of a line that does not say which row its
    /// values are ([`super::split::Merged`]).
    Merged,
}

/// Template rows of a table that cannot be read from the file because of how a converter
/// wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Lost {
    pub table: TableKind,
    /// The rows' keys, in table order.
    pub rows: Vec<&'static str>,
    pub why: Why,
    /// Where the file's table is cut: the last line before the break (for a table with only
    /// its header, the header).
    pub span: Span,
}

/// The line of the text that holds byte `at`.
fn line_at(doc: &Document, at: usize) -> usize {
    doc.lines.partition_point(|l| l.span.end < at)
}

/// The line a row was read from: its label's, or its first value's.
fn row_line(doc: &Document, row: &Row) -> Option<usize> {
    let span = row
        .label_span
        .or_else(|| row.cells.iter().find_map(|c| c.span))?;
    Some(line_at(doc, span.start))
}

/// Lines `lines` are rows of one pipe table that hold nothing (empty cells, a converter's
/// `Col2`, the delimiter line).
fn only_empty(doc: &Document, lines: std::ops::Range<usize>) -> bool {
    lines.into_iter().all(|i| {
        doc.lines
            .get(i)
            .is_some_and(|l| l.piped && doc.cells[l.cells.clone()].iter().all(is_empty))
    })
}

fn rows_of(kind: TableKind, template: Template, single_other: bool) -> &'static [RowDef] {
    match kind {
        TableKind::Requests => request_rows(template, single_other),
        kind => template_rows(kind, template),
    }
}

/// The rows of `table` that were lost at a page break of the file (see the module's
/// documentation), in table order, and the line the table is cut after.
fn lost_rows(
    doc: &Document,
    table: &Table,
    defs: &'static [RowDef],
    cuts: &[(usize, usize)],
    converter: bool,
) -> Option<Lost> {
    let line_of = |d: &RowDef| table.row(d.key).map(|r| row_line(doc, r));
    let mut rows = Vec::new();
    let mut cut: Option<usize> = None;
    let mut i = 0;
    while i < defs.len() {
        if table.row(defs[i].key).is_some() {
            i += 1;
            continue;
        }
        let j = (i..defs.len())
            .find(|&k| table.row(defs[k].key).is_some())
            .unwrap_or(defs.len());
        let before = i.checked_sub(1).and_then(|p| line_of(&defs[p])).flatten();
        let after = defs.get(j).map(|d| line_of(d).flatten());
        if let Some(p) = before {
            // The first cut after the row before (the cuts are in order; past it, no later
            // one can follow the row with nothing between).
            let at = cuts
                .get(cuts.partition_point(|&(a, _)| a < p))
                .filter(|&&(a, _)| only_empty(doc, p + 1..a + 1));
            let lost = at.is_some_and(|&(_, b)| match after {
                Some(Some(n)) => b <= n && only_empty(doc, b..n),
                Some(None) => false,
                None => converter,
            });
            if lost {
                rows.extend(defs[i..j].iter().map(|d| d.key));
                cut = cut.or(at.map(|&(a, _)| a));
            }
        }
        i = j;
    }
    let span = doc.lines.get(cut?)?.span;
    Some(Lost {
        table: table.kind,
        rows,
        why: Why::Break,
        span,
    })
}

/// The rows the converter lost at page breaks, table by table (none unless the text has
/// pipe tables cut at a page break).
pub fn find(
    text: &str,
    doc: &Document,
    tables: &Tables,
    template: Template,
    single_other: bool,
) -> Vec<Lost> {
    if !template.is_national() {
        return Vec::new();
    }
    let cuts = splits(doc);
    if cuts.is_empty() {
        return Vec::new();
    }
    let converter = made_by_converter(text, doc);
    TableKind::ALL
        .into_iter()
        .filter_map(|kind| tables.get(kind))
        .filter_map(|t| {
            let defs = rows_of(t.kind, template, single_other);
            lost_rows(doc, t, defs, &cuts, converter)
        })
        .collect()
}

/// Where the appeals table's header stands in `region` when it is all the file holds of the
/// table: a pipe table with 行政复议 and 行政诉讼 in its header and not one value after them in
/// the region, in a file a converter wrote. Its value row was lost at the page break.
pub fn header_only(text: &str, doc: &Document, region: &Region) -> Option<Span> {
    let cells = doc.cells.get(region.from..region.to)?;
    let header = |word: &str| {
        cells
            .iter()
            .position(|c| c.norm == word && doc.lines.get(c.line).is_some_and(|l| l.piped))
    };
    let (review, suit) = (header("行政复议")?, header("行政诉讼")?);
    let first = review.min(suit);
    if cells[first..].iter().any(|c| c.class == CellClass::Number) || !made_by_converter(text, doc)
    {
        return None;
    }
    // The header's pipe table: from its first line while the lines are pipe rows.
    let line = cells[first].line;
    let last = (line..doc.lines.len())
        .take_while(|&i| doc.lines[i].piped)
        .last()?;
    let end = doc.lines.get(last)?.span;
    Some(cells[first].span.cover(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_by_offset() {
        let doc = Document::from_text("ab\ncd\n\nef");
        assert_eq!(line_at(&doc, 0), 0);
        assert_eq!(line_at(&doc, 2), 0);
        assert_eq!(line_at(&doc, 3), 1);
        assert_eq!(line_at(&doc, 8), 3);
    }
}
