//! Text as a browser's select-all copy of the official page gives it: the title, headings
//! and paragraphs a line each, a table row a line of TAB-separated cells, a merged cell once
//! (in its first row).

use crate::draft::{one_line, Draft, HEADINGS};
use crate::layout::{grid, Grid, Source};

/// A table, a row a line.
pub fn table(out: &mut String, grid: &Grid) {
    for row in &grid.rows {
        let cells: Vec<String> = row.iter().map(|c| one_line(&c.text)).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
}

fn paragraphs(out: &mut String, text: &str) {
    for line in text.lines() {
        let line = one_line(line);
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
}

pub fn text(draft: &Draft) -> String {
    let mut out = String::new();
    paragraphs(&mut out, &one_line(&draft.title));
    paragraphs(&mut out, &draft.preamble);
    for (i, heading) in HEADINGS.iter().enumerate() {
        out.push_str(heading);
        out.push('\n');
        if let Some(prose) = draft.sections.get(i) {
            paragraphs(&mut out, prose);
        }
        if let Some(kind) = crate::table_of_section(i) {
            if draft.has_table(kind) {
                table(&mut out, &grid(&Source::of_draft(draft, kind)));
            }
        }
    }
    for extra in draft.sections.iter().skip(HEADINGS.len()) {
        paragraphs(&mut out, extra);
    }
    out
}
