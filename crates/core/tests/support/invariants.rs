//! What every result of the core must satisfy, whatever the input. Shared by the tests
//! (`mod support;`) and the fuzz targets (fuzz/fuzz_targets, by `#[path]`), so that a crash
//! found by fuzzing and its regression test check the same things.
//!
//! Each function panics with a message naming the broken promise.

#![allow(dead_code)]

use std::collections::HashSet;

use gouji_core::extract::narrative::Narrative;
use gouji_core::ingest::html::Rendered;
use gouji_core::ingest::Document;
use gouji_core::{Checked, Report, Span, TableKind};

/// The span lies inside `text`, starts before it ends, and both ends are char boundaries.
pub fn span_ok(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fn assert_span(text: &str, s: Span, what: &dyn Fn() -> String) {
    assert!(
        span_ok(text, s),
        "{}: span {}..{} is not a slice of the {}-byte text on char boundaries",
        what(),
        s.start,
        s.end,
        text.len()
    );
}

/// The paths the page can show: `data-cell` of every cell of every table the report has
/// (`table.path(row, col)`, as src/components/tables.rs writes it).
pub fn cell_paths(r: &Report) -> HashSet<String> {
    r.tables
        .iter()
        .flat_map(|t| t.cells().map(move |(row, c)| t.path(row.key(), c.col)))
        .collect()
}

/// Every span of the report slices `c.text` on char boundaries (cells to their text as
/// written, the narrative's numbers and sentences too); every cell path a finding or the
/// repair names is a cell of the report's tables; every row has one cell per column of its
/// definition.
pub fn assert_checked(c: &Checked) {
    let text = &c.text;
    let r = &c.report;
    assert!(
        r.facts.input.text_bytes == text.len(),
        "facts say the text has {} bytes, it has {}",
        r.facts.input.text_bytes,
        text.len()
    );
    for t in r.tables.iter() {
        let key = t.kind.key();
        if let Some(s) = t.span {
            assert_span(text, s, &|| format!("table {key}"));
        }
        for row in &t.rows {
            if let Some(s) = row.label_span {
                assert_span(text, s, &|| format!("label of {key}/{}", row.key()));
            }
            let cols: Vec<&str> = row.def.cols.iter().map(|c| c.key).collect();
            let have: Vec<&str> = row.cells.iter().map(|c| c.col).collect();
            assert_eq!(
                have,
                cols,
                "cells of {key}/{} against its columns",
                row.key()
            );
            for cell in &row.cells {
                if let Some(s) = cell.span {
                    let path = t.path(row.key(), cell.col);
                    assert_span(text, s, &|| format!("cell {path}"));
                    assert_eq!(
                        text[s.start..s.end].trim(),
                        cell.raw,
                        "cell {path}: its span does not hold its text"
                    );
                }
            }
        }
        for extra in &t.extra_rows {
            if let Some(s) = extra.span {
                assert_span(text, s, &|| format!("extra row of {key}"));
            }
        }
    }
    assert_narrative(text, &r.facts.narrative);
    let paths = cell_paths(r);
    for f in &r.findings {
        for s in &f.spans {
            assert_span(text, *s, &|| format!("{} finding", f.code));
        }
        for p in &f.cells {
            assert!(
                paths.contains(p),
                "{} names cell {p:?}, which is not a cell of the report's tables",
                f.code
            );
        }
        assert!(!f.message.is_empty(), "{} has no message", f.code);
        // A subject naming one cell (`table/row/col`, not `table/row/…` or `table/col/…`,
        // which name a row or a column) names a cell of the report.
        let parts: Vec<&str> = f.subject.split('/').collect();
        if let [table, row, _] = parts[..] {
            let table_key = TableKind::ALL
                .iter()
                .chain([&TableKind::Legacy])
                .any(|k| k.key() == table);
            if table_key && row != "row" && row != "col" {
                assert!(
                    paths.contains(&f.subject),
                    "{} is about cell {:?}, which is not a cell of the report's tables",
                    f.code,
                    f.subject
                );
            }
        }
    }
    if let Some(repair) = &r.repair {
        let changes = repair
            .changes
            .iter()
            .chain(repair.alternatives.iter().flatten());
        for ch in changes {
            assert!(
                paths.contains(&ch.cell),
                "the repair changes {:?}, which is not a cell of the report's tables",
                ch.cell
            );
            if let Some(s) = ch.span {
                assert_span(text, s, &|| format!("repair of {}", ch.cell));
            }
        }
        for p in &repair.certain {
            assert!(paths.contains(p), "certain culprit {p:?} is not a cell");
        }
    }
}

/// The text reader: lines cover the text in order, cells lie on their lines and slice the
/// text to their raw text.
pub fn assert_document(text: &str, doc: &Document) {
    let mut prev_end = 0;
    let mut next_cell = 0;
    for (i, l) in doc.lines.iter().enumerate() {
        assert_span(text, l.span, &|| format!("line {i}"));
        assert!(
            l.span.start >= prev_end,
            "line {i} starts before line {} ends",
            i.wrapping_sub(1)
        );
        prev_end = l.span.end;
        assert_eq!(
            l.cells.start, next_cell,
            "line {i}: its cells do not follow the previous line's"
        );
        next_cell = l.cells.end;
        for c in &doc.cells[l.cells.clone()] {
            assert_span(text, c.span, &|| format!("cell on line {i}"));
            assert!(
                l.span.start <= c.span.start && c.span.end <= l.span.end,
                "a cell of line {i} lies outside the line"
            );
            assert_eq!(
                c.line, i,
                "a cell of line {i} says it is on line {}",
                c.line
            );
            assert_eq!(&text[c.span.start..c.span.end], c.raw, "cell on line {i}");
        }
    }
    assert_eq!(next_cell, doc.cells.len(), "cells belong to no line");
}

/// The narrative read from `text`: every sentence, claim, percentage, breakdown and "all
/// finished" clause slices the text and names a sentence the narrative has; every claim can
/// be quoted.
pub fn assert_narrative(text: &str, n: &Narrative) {
    let sentence = |i: usize, what: &str| {
        assert!(
            i < n.sentences.len(),
            "{what} names sentence {i} of {}",
            n.sentences.len()
        );
    };
    for (i, s) in n.sentences.iter().enumerate() {
        assert_span(text, s.span, &|| format!("sentence {i}"));
    }
    for c in &n.claims {
        sentence(c.sentence, "a claim");
        assert_span(text, c.num.span, &|| {
            format!("the number of a {:?} claim", c.kind)
        });
        let _ = n.quote(c.sentence, &c.num);
    }
    for l in &n.percent_lists {
        sentence(l.sentence, "a percentage list");
        for item in &l.items {
            assert_span(text, item.count.span, &|| "a percentage's count".into());
            assert_span(text, item.percent.span, &|| "a percentage".into());
        }
        if let Some(t) = &l.total {
            assert_span(text, t.span, &|| "a percentage list's total".into());
        }
    }
    for b in &n.breakdowns {
        sentence(b.sentence, "a breakdown");
        assert_span(text, b.total.span, &|| "a breakdown's total".into());
        for p in &b.parts {
            assert_span(text, p.span, &|| "a breakdown's part".into());
        }
    }
    for a in &n.all_finished {
        sentence(a.sentence, "an \"all finished\" clause");
        assert_span(text, a.span, &|| "an \"all finished\" clause".into());
    }
}

/// The HTML reader: the rendered text ends without a line break, and its lines and cells
/// keep [`assert_document`].
pub fn assert_rendered(r: &Rendered) {
    assert!(
        !r.text.ends_with('\n'),
        "the rendered text ends with a line break"
    );
    assert_document(&r.text, &Document::from_text(&r.text));
}
