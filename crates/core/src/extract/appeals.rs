//! The `appeals` table (四、政府信息公开行政复议、行政诉讼情况): one row of 15 numbers under a
//! two-level header, read as three groups of five.

use super::rows::Assigned;
use super::{build_row, Region};
use crate::ingest::value::looks_like_bad_value;
use crate::ingest::{CellClass, Document};
use crate::schema::{TableKind, APPEAL_ROWS};
use crate::table::Table;

const CELLS: usize = 15;

/// Read the 15 values: the run of value cells that holds the region's first number (taking
/// in blanks just before it, on its line or on lines of their own, when the run is short of
/// 15).
pub fn read(doc: &Document, region: &Region) -> Option<Table> {
    let cells = &doc.cells;
    let is_val = |i: usize| {
        let c = &cells[i];
        c.is_value() || (c.class == CellClass::Text && looks_like_bad_value(&c.raw))
    };
    let first = (region.from..region.to).find(|&i| cells[i].class == CellClass::Number)?;
    let mut run: Vec<usize> = (first..region.to).take_while(|&i| is_val(i)).collect();
    // A blank first value: on the row's own line (pipe, TAB and space rows), or, in the
    // one-cell-per-line layout, a line of its own; a blank at the end of a header row is not
    // a value.
    let alone = |i: usize| doc.line_cells(cells[i].line).len() == 1;
    let same_line = |i: usize| cells[i].line == cells[first].line;
    let mut back = first;
    while run.len() < CELLS
        && back > region.from
        && cells[back - 1].class == CellClass::Blank
        && (same_line(back - 1) || (alone(back - 1) && alone(first)))
    {
        back -= 1;
        run.insert(0, back);
    }
    // Blank padding after the 15th value is not a value.
    while run.len() > CELLS
        && run
            .last()
            .is_some_and(|&c| cells[c].class == CellClass::Blank)
    {
        run.pop();
    }
    let found = run.len();
    let mut table = Table::new(TableKind::Appeals);
    for (g, def) in APPEAL_ROWS.iter().enumerate() {
        let part: Vec<usize> = run.iter().copied().skip(g * 5).take(5).collect();
        let a = Assigned {
            found: (found != CELLS).then_some(found),
            cells: part,
        };
        table.rows.push(build_row(doc, def, None, &a, false));
    }
    table.span = super::region_span(doc, region.from, region.to);
    Some(table)
}
