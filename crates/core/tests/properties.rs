//! Property: a table printed in any layout the reader supports reads back to the values that
//! were printed, blanks kept blank, whatever the values (0, small, large, amounts with
//! decimals, blanks anywhere).
//!
//! The printers are the reports of `fixtures/base` and `fixtures/layouts` (the same gb2021
//! report as pipe rows, TAB rows, space rows like PDF text, one cell per line ending in " |",
//! and that layout without its pipes, one cell per line; a gb2019 report one cell per line),
//! each with every value cell replaced by a random value, and an HTML page built from the
//! TAB layout (one `<table>` per run of TAB rows, `&nbsp;` or nothing for a blank). Where the template's cells are is read once from the
//! template itself; the property is then that reading the printed text finds each printed
//! value at its path.

#![allow(clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use gouji_core::extract::{extract, InputFacts};
use gouji_core::ingest::html;
use gouji_core::schema::ColKind;
use gouji_core::{check, Span, Tables, Value};
use proptest::prelude::*;

/// A fixture of this crate ("base/gb2021-pipe.txt").
fn read(rel: &str) -> String {
    support::fixtures::text(&support::fixtures::local(rel))
}

/// A value to print.
#[derive(Clone, Copy, Debug)]
enum Val {
    Blank,
    /// A whole number; in an amount column it is printed as quarters (`n / 4`, exact in
    /// binary and in decimal: 0.25, 0.5, 0.75).
    Num(u64),
}

fn val() -> impl Strategy<Value = Val> {
    prop_oneof![
        3 => Just(Val::Num(0)),
        2 => Just(Val::Blank),
        3 => (1u64..100).prop_map(Val::Num),
        1 => (100u64..100_000).prop_map(Val::Num),
        1 => (100_000u64..10_000_000_000).prop_map(Val::Num),
    ]
}

/// How a layout writes a blank cell.
#[derive(Clone, Copy, Debug)]
enum Blank {
    /// Nothing: the cell's separators (pipes, TABs) stay.
    Empty,
    /// A placeholder for zero: where an empty cell would vanish (space rows, one cell per
    /// line), reports write one.
    Placeholder,
}

const PLACEHOLDERS: [&str; 4] = ["/", "-", "—", "无"];

/// A template: its text and where its value cells are, in text order.
struct Template {
    text: String,
    cells: Vec<(String, ColKind, Span)>,
    blank: Blank,
}

impl Template {
    fn new(rel: &str, blank: Blank) -> Template {
        Template::of(rel, read(rel), blank)
    }

    fn of(rel: &str, text: String, blank: Blank) -> Template {
        let r = check(&text);
        let mut cells: Vec<(String, ColKind, Span)> = r
            .tables
            .iter()
            .flat_map(|t| {
                t.cells().map(move |(row, c)| {
                    let span = c
                        .span
                        .unwrap_or_else(|| panic!("{rel}: {} has no span", c.col));
                    (t.path(row.key(), c.col), c.kind, span)
                })
            })
            .collect();
        assert!(cells.len() >= 150, "{rel}: only {} cells", cells.len());
        cells.sort_by_key(|(_, _, s)| s.start);
        Template { text, cells, blank }
    }

    /// The template with every value cell replaced by `vals` (cycled), and what each path
    /// must read as.
    fn print(&self, vals: &[Val], placeholder: usize) -> (String, BTreeMap<String, Value>) {
        let mut out = String::with_capacity(self.text.len() * 2);
        let mut want = BTreeMap::new();
        let mut at = 0;
        for (i, (path, kind, span)) in self.cells.iter().enumerate() {
            let v = vals[i % vals.len()];
            out.push_str(&self.text[at..span.start]);
            let (written, value) = match (v, kind) {
                (Val::Blank, _) => match self.blank {
                    Blank::Empty => (String::new(), Value::Blank),
                    Blank::Placeholder => (
                        PLACEHOLDERS[(placeholder + i) % PLACEHOLDERS.len()].to_string(),
                        Value::Blank,
                    ),
                },
                (Val::Num(n), ColKind::Amount) => {
                    let x = n as f64 / 4.0;
                    (format!("{x}"), Value::Number(x))
                }
                (Val::Num(n), _) => (n.to_string(), Value::Number(n as f64)),
            };
            // A cell that was empty in the template (a lone "|") gets a space before its
            // separator, as a printer would write it.
            let pad = span.start == span.end && !written.is_empty();
            out.push_str(&written);
            if pad {
                out.push(' ');
            }
            want.insert(path.clone(), value);
            at = span.end;
        }
        out.push_str(&self.text[at..]);
        (out, want)
    }
}

/// The values the reader finds in a text (extraction only: the rules and the repair search
/// are not what this property is about).
fn values(text: &str) -> BTreeMap<String, Value> {
    let (_, tables, _): (_, Tables, _) = extract(text, &InputFacts::default());
    tables
        .iter()
        .flat_map(|t| {
            t.cells()
                .map(move |(row, c)| (t.path(row.key(), c.col), c.value.clone()))
        })
        .collect()
}

static PIPE: LazyLock<Template> =
    LazyLock::new(|| Template::new("base/gb2021-pipe.txt", Blank::Empty));
static TAB: LazyLock<Template> =
    LazyLock::new(|| Template::new("layouts/gb2021-tab.txt", Blank::Empty));
static SPACE: LazyLock<Template> =
    LazyLock::new(|| Template::new("layouts/gb2021-space.txt", Blank::Placeholder));
static CELL_PIPE: LazyLock<Template> =
    LazyLock::new(|| Template::new("layouts/gb2021-cellpipe-trad.txt", Blank::Empty));
static LINES: LazyLock<Template> =
    LazyLock::new(|| Template::new("base/gb2019-lines.txt", Blank::Placeholder));
/// The gb2021 report one cell per line with blank lines between: the " |" layout without its
/// pipes (a blank cell written "/", the rows' "||||" dropped).
static LINES_2021: LazyLock<Template> = LazyLock::new(|| {
    let pipes = read("layouts/gb2021-cellpipe-trad.txt");
    let cells: Vec<&str> = pipes
        .lines()
        .filter_map(|l| match l.trim() {
            "|" => Some("/"),
            t if t.chars().all(|c| c == '|') => None,
            t => Some(t.strip_suffix('|').unwrap_or(t).trim_end()),
        })
        .collect();
    Template::of(
        "gb2021 one cell per line",
        cells.join("\n\n"),
        Blank::Placeholder,
    )
});

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An HTML page of a TAB-layout text: every run of lines with TABs is a `<table>`, one
/// `<tr>` per line and one `<td>` per cell (a blank cell as `&nbsp;` or nothing, by turns);
/// every other line a `<p>`.
fn html_page(text: &str) -> String {
    let mut out = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n",
    );
    let mut in_table = false;
    let mut blanks = 0;
    for line in text.lines() {
        let row = line.contains('\t');
        if row && !in_table {
            out.push_str("<table border=\"1\"><tbody>\n");
        } else if !row && in_table {
            out.push_str("</tbody></table>\n");
        }
        in_table = row;
        if row {
            out.push_str("<tr>");
            for cell in line.split('\t') {
                if cell.trim().is_empty() {
                    blanks += 1;
                    out.push_str(if blanks % 2 == 0 {
                        "<td>&nbsp;</td>"
                    } else {
                        "<td></td>"
                    });
                } else {
                    out.push_str(&format!("<td><span>{}</span></td>", escape(cell)));
                }
            }
            out.push_str("</tr>\n");
        } else if !line.trim().is_empty() {
            out.push_str(&format!("<p>{}</p>\n", escape(line)));
        }
    }
    if in_table {
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn assert_reads_back(
    layout: &str,
    text: &str,
    got: BTreeMap<String, Value>,
    want: &BTreeMap<String, Value>,
) {
    for (path, w) in want {
        let g = got.get(path);
        assert_eq!(
            g,
            Some(w),
            "{layout}: {path} printed as {w:?} read as {g:?}\n--- printed text ---\n{text}"
        );
    }
    assert_eq!(got.len(), want.len(), "{layout}: other cells read");
}

proptest! {
    #![proptest_config(support::cases(256))]

    #[test]
    fn pipe_rows_read_back(vals in prop::collection::vec(val(), 200)) {
        let (text, want) = PIPE.print(&vals, 0);
        assert_reads_back("pipe rows", &text, values(&text), &want);
    }

    #[test]
    fn tab_rows_read_back(vals in prop::collection::vec(val(), 200)) {
        let (text, want) = TAB.print(&vals, 0);
        assert_reads_back("TAB rows", &text, values(&text), &want);
    }

    #[test]
    fn space_rows_read_back(vals in prop::collection::vec(val(), 200), p in 0usize..4) {
        let (text, want) = SPACE.print(&vals, p);
        assert_reads_back("space rows", &text, values(&text), &want);
    }

    #[test]
    fn cells_ending_in_a_pipe_read_back(vals in prop::collection::vec(val(), 200)) {
        let (text, want) = CELL_PIPE.print(&vals, 0);
        assert_reads_back("\" |\" cells", &text, values(&text), &want);
    }

    #[test]
    fn one_cell_per_line_reads_back(vals in prop::collection::vec(val(), 200), p in 0usize..4) {
        let (text, want) = LINES.print(&vals, p);
        assert_reads_back("one cell per line", &text, values(&text), &want);
    }

    #[test]
    fn one_cell_per_line_gb2021_reads_back(vals in prop::collection::vec(val(), 200), p in 0usize..4) {
        let (text, want) = LINES_2021.print(&vals, p);
        assert_reads_back("one cell per line (gb2021)", &text, values(&text), &want);
    }

    #[test]
    fn an_html_table_reads_back(vals in prop::collection::vec(val(), 200)) {
        let (text, want) = TAB.print(&vals, 0);
        let page = html_page(&text);
        let rendered = html::render(&page);
        assert_reads_back("HTML table", &page, values(&rendered.text), &want);
    }
}
