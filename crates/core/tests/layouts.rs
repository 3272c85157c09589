//! The same report in every text layout reads to the same tables: pipe rows, tab-separated
//! rows, one cell per line ending in " |" (with traditional characters and full-width
//! digits), and space-separated rows from a PDF with page numbers and wrapped labels.

// A test fails by panicking.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use gouji_core::{check, Severity, Template};

/// A fixture of this crate ("base/gb2021-pipe.txt").
fn read(rel: &str) -> String {
    support::fixtures::text(&support::fixtures::local(rel))
}

/// Every table's numbers, blank read as 0, as "table/row/col=value" lines.
fn numbers(text: &str) -> Vec<String> {
    let r = check(text);
    let mut out = Vec::new();
    for t in r.tables.iter() {
        for (row, c) in t.cells() {
            out.push(format!(
                "{}={:?}",
                t.path(row.def.key, c.col),
                c.value.as_number()
            ));
        }
    }
    out
}

#[test]
fn every_layout_reads_the_same_tables() {
    let base = read("base/gb2021-pipe.txt");
    let want = numbers(&base);
    assert_eq!(want.len(), 10 + 175 + 15);
    for layout in [
        "layouts/gb2021-tab.txt",
        "layouts/gb2021-space.txt",
        "layouts/gb2021-cellpipe-trad.txt",
    ] {
        let text = read(layout);
        assert_eq!(numbers(&text), want, "{layout}");
        let r = check(&text);
        assert_eq!(
            (r.template, r.year),
            (Template::Gb2021, Some(2022)),
            "{layout}"
        );
        let loud: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| &f.message)
            .collect();
        assert!(loud.is_empty(), "{layout}: {loud:?}");
    }
}

#[test]
fn cells_remember_where_they_came_from() {
    for layout in [
        "base/gb2021-pipe.txt",
        "layouts/gb2021-tab.txt",
        "layouts/gb2021-space.txt",
        "layouts/gb2021-cellpipe-trad.txt",
    ] {
        let text = read(layout);
        let r = check(&text);
        for t in r.tables.iter() {
            for (row, c) in t.cells() {
                let span = c.span.unwrap_or_else(|| {
                    panic!("{layout}: {} has no span", t.path(row.def.key, c.col))
                });
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                assert_eq!(&text[span.start..span.end], c.raw, "{layout}");
            }
        }
    }
}

#[test]
fn blank_cells_stay_blank() {
    let r = check(&read("layouts/gb2021-cellpipe-trad.txt"));
    let t = r.tables.requests.as_ref().expect("requests");
    assert_eq!(
        t.cell("withheld.process", "natural")
            .map(|c| c.value.clone()),
        Some(gouji_core::Value::Blank)
    );
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "V201" && f.subject == "requests"));
}

/// What the reader gives for one cell.
fn value(
    text: &str,
    table: gouji_core::TableKind,
    row: &str,
    col: &str,
) -> Option<gouji_core::Value> {
    check(text)
        .tables
        .get(table)
        .and_then(|t| t.cell(row, col))
        .map(|c| c.value.clone())
}

#[test]
fn a_blank_first_value_of_the_appeals_row_stays_in_its_column() {
    use gouji_core::{TableKind::Appeals, Value};
    let pipe = read("base/gb2021-pipe.txt")
        .replace("\n1 | 0 | 0 | 1 | 2 | 0 |", "\n | 0 | 0 | 1 | 2 | 0 |");
    let tab = read("layouts/gb2021-tab.txt").replace("\n1\t0\t0\t1\t2\t0\t", "\n\t0\t0\t1\t2\t0\t");
    for (layout, text) in [("pipe rows", pipe), ("TAB rows", tab)] {
        assert_eq!(
            value(&text, Appeals, "review", "upheld"),
            Some(Value::Blank),
            "{layout}"
        );
        assert_eq!(
            value(&text, Appeals, "review", "total"),
            Some(Value::Number(2.0)),
            "{layout}"
        );
        assert_eq!(
            value(&text, Appeals, "suit_after_review", "total"),
            Some(Value::Number(1.0)),
            "{layout}"
        );
    }
}

#[test]
fn a_placeholder_word_is_a_value_in_a_space_row() {
    use gouji_core::{TableKind::Requests, Value};
    let text = read("layouts/gb2021-space.txt").replace(
        "1.本机关不掌握相关政府信息 4 1 0 0 0 0 5",
        "1.本机关不掌握相关政府信息 4 无 0 0 0 0 5",
    );
    let row = "unavailable.not_held";
    assert_eq!(
        value(&text, Requests, row, "commercial"),
        Some(Value::Blank)
    );
    assert_eq!(
        value(&text, Requests, row, "total"),
        Some(Value::Number(5.0))
    );
}

/// The base report as Markdown writes it: every pipe row opened with a pipe.
fn markdown(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.trim_end().ends_with('|') {
                format!("| {l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn warned(text: &str, code: &str, subject: &str) -> bool {
    check(text)
        .findings
        .iter()
        .any(|f| f.code == code && f.subject == subject)
}

#[test]
fn a_merged_cell_a_markdown_converter_repeats_is_one_value() {
    let base = read("base/gb2021-pipe.txt");
    let md = markdown(&base);
    assert_eq!(numbers(&md), numbers(&base));
    // As PDF-to-Markdown converters write a value spanning three columns, and a header row of
    // the converter's own ("Col2" …) with its delimiter line and `<br>` in a label.
    let repeated = md
        .replace("| 行政许可 | 1200 |", "| 行政许可 | 1200 | 1200 | 1200 |")
        .replace("| （一）予以公开 |", "| （一）予<br>以公开 |");
    let repeated = repeated.replacen(
        "| 规章",
        "| 信息内容 | Col2 | Col3 | Col4 |\n|---|---|---|---|\n| 规章",
        1,
    );
    assert!(["1200 | 1200 | 1200", "予<br>以", "Col2"]
        .iter()
        .all(|s| repeated.contains(s)));
    assert_eq!(numbers(&repeated), numbers(&base));
    assert!(!warned(&repeated, "S106", "active/row/licensing"));
    assert!(!warned(&repeated, "S105", "active"));
    // Near misses: repeated values that are not all equal, and a TAB row (no converter
    // repeats cells there), are a row with too many values.
    let unequal = md.replace("| 行政许可 | 1200 |", "| 行政许可 | 1200 | 1200 | 7 |");
    assert!(warned(&unequal, "S106", "active/row/licensing"));
    let tab =
        read("layouts/gb2021-tab.txt").replace("行政许可\t1200", "行政许可\t1200\t1200\t1200");
    assert!(warned(&tab, "S106", "active/row/licensing"));
}

#[test]
fn markdown_rows_whose_labels_lost_their_numbering_read_the_same() {
    let base = read("base/gb2021-pipe.txt");
    let mut md = markdown(&base);
    for n in ["一", "二", "三", "四", "五", "六", "七"] {
        md = md.replace(&format!("| （{n}）"), "| ");
        md = md.replace(&format!("| {n}、"), "| ");
    }
    for d in 1..=8 {
        md = md.replace(&format!("| {d}."), "| ");
    }
    assert!(md.contains("| 予以公开 |") && md.contains("| 属于国家秘密 |"));
    assert_eq!(numbers(&md), numbers(&base));
    assert!(!warned(&md, "S104", "requests"));
}

/// The base report as a PDF-to-Markdown converter writes it when a page break falls inside
/// the （六）其他处理 row: the row's label cut between two pipe tables, the rest of the label
/// and the row's last value opening the next table as its header row.
fn cut_at_a_page_break(rest: &str, first_total: &str) -> String {
    let row =
        "| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 \
               | 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
    let cut = format!(
        "| （六）其他处理 | 1.申请人无正当理由<br>逾期不补正、<br>行政机关不 | 0 | 0 | 0 | 0 | 0 \
         | 0 | {first_total} |\n\n\n| Col1 | Col2 | {rest} | Col4 | Col5 | Col6 | Col7 | Col8 \
         | Col9 | 0 |\n|---|---|---|---|---|---|---|---|---|---|"
    );
    let md = markdown(&read("base/gb2021-pipe.txt"));
    assert!(md.contains(row));
    md.replace(row, &cut)
}

#[test]
fn a_row_cut_between_two_markdown_tables_is_one_row() {
    let base = read("base/gb2021-pipe.txt");
    let cut = cut_at_a_page_break("再处理其政府<br>信息公开申请", "");
    assert_eq!(numbers(&cut), numbers(&base));
    let r = check(&cut);
    let loud: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| (&f.code, &f.subject))
        .collect();
    assert!(loud.is_empty(), "{loud:?}");
    // Near misses: a next table whose first row does not finish the label, and pieces that
    // both give the row's last column a value, are not one row.
    let unrelated = cut_at_a_page_break("其他说明", "");
    assert!(warned(&unrelated, "S105", "requests"));
    let both = cut_at_a_page_break("再处理其政府<br>信息公开申请", "0");
    assert!(warned(&both, "S105", "requests"));
}
