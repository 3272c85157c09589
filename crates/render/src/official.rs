//! A checked report's own text as an official-template web page: every line outside the
//! tables a paragraph, each table (from its section heading to its last cell) the table the
//! template prints, holding the labels and values as the report wrote them and the rows the
//! template lacks. The seeds' pages in tests/fixtures/corpus/seed-*/page.html are written by
//! it (`crates/core/examples/fixture_tool.rs`), and the core's tests print with it
//! (`tests/support/official.rs`) and read them back.

use std::fmt::Write as _;

use gouji_core::{Report, Table, TableKind, Value};

use crate::html::{esc, table};
use crate::layout::{grid, Source, SourceRow};

/// The raw text of a row's label, as the report wrote it.
fn label(text: &str, row: &gouji_core::Row) -> String {
    row.label_span
        .and_then(|s| text.get(s.start..s.end))
        .map_or_else(|| row.def.label.to_string(), str::to_string)
}

fn source(text: &str, t: &Table) -> Source {
    Source {
        kind: t.kind,
        rows: t
            .rows
            .iter()
            .map(|r| SourceRow {
                def: r.def,
                label: label(text, r),
                values: r
                    .cells
                    .iter()
                    .filter(|c| c.value != Value::Missing)
                    .map(|c| c.raw.clone())
                    .collect(),
            })
            .collect(),
        extra: if t.kind == TableKind::Appeals {
            Vec::new()
        } else {
            t.extra_rows
                .iter()
                .map(|e| (e.label.clone(), e.values.clone()))
                .collect()
        },
    }
}

/// The page; a report whose tables overlap in the text gives the tables it can place.
pub fn official_page(text: &str, report: &Report) -> String {
    let line_start = |at: usize| {
        text.get(..at)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1)
    };
    let line_end = |at: usize| {
        text.get(at..)
            .and_then(|s| s.find('\n'))
            .map_or(text.len(), |i| at + i)
    };
    let mut tables: Vec<(usize, usize, String)> = Vec::new();
    for t in report.tables.iter() {
        let Some(span) = t.span else { continue };
        let section = match t.kind {
            TableKind::Active => 2,
            TableKind::Requests => 3,
            TableKind::Appeals => 4,
            TableKind::Legacy => continue,
        };
        let html = table(&grid(&source(text, t)));
        let heading_end = report
            .facts
            .sections
            .iter()
            .filter(|s| s.number == section && s.span.end <= span.start)
            .map(|s| line_end(s.span.end))
            .next_back();
        let start = heading_end.map_or_else(|| line_start(span.start), |e| (e + 1).min(text.len()));
        let end = line_end(span.end);
        tables.push((start, end, html));
    }
    tables.sort_by_key(|t| t.0);
    let mut out = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年报</title></head>\n<body>\n",
    );
    let mut at = 0;
    let paragraphs = |out: &mut String, from: usize, to: usize| {
        for line in text.get(from..to).unwrap_or("").lines() {
            let line = line.trim();
            if !line.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", esc(line));
            }
        }
    };
    for (start, end, html) in &tables {
        if *start < at {
            continue;
        }
        paragraphs(&mut out, at, *start);
        out.push_str(html);
        at = *end;
    }
    paragraphs(&mut out, at, text.len());
    out.push_str("</body>\n</html>\n");
    out
}
