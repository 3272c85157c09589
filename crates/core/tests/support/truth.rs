//! The hand-made truth of a corpus report (`tests/fixtures/corpus/<folder>/truth.txt`), and how
//! a checked report differs from it (used by tests/corpus.rs).
//!
//! The format, one item a line; `#` starts a comment anywhere (reasons, `# note:`,
//! `# unsure:` lines), blank lines are ignored:
//!
//! ```text
//! source: <archive path of page.html>
//! chars: 120660                 (characters of page.html, as Python's len() counts them)
//! template: gb2021              (gb2019 | gb2021, decided by the labels the tables carry)
//! year: 2023                    (the statistics year)
//! agency: 平潭综合实验区行政审批局
//! published: 2024-01-30 page_meta  (the publication date read off the page and where: the
//!                               page's <meta name="PubDate">, else its 时间 line …)
//! [active]                      then [requests] and [appeals]: every row of the template,
//! rules: 0 0 0                  in template order, `key: v v v` with one value a column
//! penalty: _                    `_` a blank cell or a placeholder (/, -, —, 无)
//! rules: absent                 a row the report does not have
//! licensing: ?                  a cell whose text is not a number (若干)
//! [extra]
//! 其他主动公开文件: 3 0 5       a row the report added (label: values)
//! [findings]
//! A303 requests/col/total       an error or warning a correct checker gives: code, subject
//! ```
//!
//! Row keys are the schema's (`withheld.state_secret`, …). A truth is complete when it has its
//! `[findings]` section (possibly empty).

use std::collections::BTreeMap;

use gouji_core::schema::{request_rows, template_rows, TableKind};
use gouji_core::{Report, Severity, Table, Value};

/// What one cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Number(f64),
    Blank,
    Unreadable,
}

/// A row of a table: its cells, or absent from the report.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Absent,
    Cells(Vec<Cell>),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Truth {
    pub source: Option<String>,
    pub chars: Option<usize>,
    pub template: String,
    pub year: Option<i32>,
    pub agency: Option<String>,
    /// The publication date (`2024-01-30`) and its source (`page_meta`, `page_line`,
    /// `file_created`, `signature`).
    pub published: Option<(String, String)>,
    /// Table key (`active`, `requests`, `appeals`) → row key → row, in the file's order.
    pub tables: BTreeMap<String, Vec<(String, Row)>>,
    /// Rows outside the template: label (white space removed) and values (normalised).
    pub extra: Vec<(String, Vec<String>)>,
    /// (code, subject) of every error and warning, sorted.
    pub findings: Vec<(String, String)>,
    /// The `[findings]` section is there.
    pub complete: bool,
}

pub const TABLES: [&str; 3] = ["active", "requests", "appeals"];

fn strip_comment(line: &str) -> &str {
    line.find('#').map_or(line, |i| &line[..i]).trim()
}

fn cell(word: &str) -> Result<Cell, String> {
    match word {
        "_" => Ok(Cell::Blank),
        "?" => Ok(Cell::Unreadable),
        w => w
            .parse::<f64>()
            .map(Cell::Number)
            .map_err(|_| format!("not a value: {w:?}")),
    }
}

/// A value as the truth writes it: `_` for a blank or placeholder, a number without
/// thousands separators, else the text.
pub fn normalise_value(raw: &str) -> String {
    let t = raw.trim();
    if matches!(
        t,
        "" | "_" | "/" | "-" | "—" | "——" | "－" | "无" | "\u{a0}"
    ) {
        return "_".into();
    }
    match t.replace(',', "").parse::<f64>() {
        Ok(n) => format!("{n}"),
        Err(_) => t.to_string(),
    }
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Parses a truth file; an error names the line.
pub fn parse(text: &str) -> Result<Truth, String> {
    let mut t = Truth::default();
    let mut section: Option<String> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.is_empty() {
            continue;
        }
        let err = |m: String| format!("line {}: {m}: {raw:?}", n + 1);
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            match name {
                "active" | "requests" | "appeals" => {
                    t.tables.entry(name.to_string()).or_default();
                }
                "extra" => {}
                "findings" => t.complete = true,
                _ => return Err(err("unknown section".into())),
            }
            section = Some(name.to_string());
            continue;
        }
        match section.as_deref() {
            None => {
                let (key, value) = line
                    .split_once(':')
                    .ok_or_else(|| err("expected `key: value`".into()))?;
                let value = value.trim();
                match key.trim() {
                    "source" => t.source = Some(value.into()),
                    "chars" => {
                        t.chars = Some(value.parse().map_err(|_| err("chars".into()))?);
                    }
                    "template" => t.template = value.into(),
                    "year" => t.year = Some(value.parse().map_err(|_| err("year".into()))?),
                    "agency" => t.agency = Some(value.into()),
                    "published" => {
                        let mut w = value.split_whitespace();
                        let (Some(date), Some(source), None) = (w.next(), w.next(), w.next())
                        else {
                            return Err(err("expected `published: DATE SOURCE`".into()));
                        };
                        let sources = ["page_meta", "page_line", "file_created", "signature"];
                        if date.len() != 10 || !sources.contains(&source) {
                            return Err(err("expected `published: 2024-01-30 page_meta`".into()));
                        }
                        t.published = Some((date.into(), source.into()));
                    }
                    k => return Err(err(format!("unknown key {k:?}"))),
                }
            }
            Some("findings") => {
                let mut words = line.split_whitespace();
                let (Some(code), Some(subject), None) = (words.next(), words.next(), words.next())
                else {
                    return Err(err("expected `CODE subject`".into()));
                };
                t.findings.push((code.into(), subject.into()));
            }
            Some("extra") => {
                let (label, values) = line
                    .rsplit_once(':')
                    .ok_or_else(|| err("expected `label: values`".into()))?;
                let values = values.split_whitespace().map(normalise_value).collect();
                t.extra.push((no_space(label), values));
            }
            Some(table) => {
                let (key, values) = line
                    .split_once(':')
                    .ok_or_else(|| err("expected `row: values`".into()))?;
                let row = if values.trim() == "absent" {
                    Row::Absent
                } else {
                    Row::Cells(
                        values
                            .split_whitespace()
                            .map(cell)
                            .collect::<Result<_, _>>()
                            .map_err(err)?,
                    )
                };
                let rows = t.tables.entry(table.to_string()).or_default();
                if rows.iter().any(|(k, _)| k == key.trim()) {
                    return Err(err("row given twice".into()));
                }
                rows.push((key.trim().to_string(), row));
            }
        }
    }
    if !matches!(t.template.as_str(), "gb2019" | "gb2021") {
        return Err(format!(
            "template must be gb2019 or gb2021, not {:?}",
            t.template
        ));
    }
    t.findings.sort();
    t.extra.sort();
    Ok(t)
}

fn cell_of(v: &Value) -> Option<Cell> {
    match v {
        Value::Number(n) => Some(Cell::Number(*n)),
        Value::Blank => Some(Cell::Blank),
        Value::Unreadable => Some(Cell::Unreadable),
        Value::Missing => None,
    }
}

fn report_table<'a>(r: &'a Report, key: &str) -> Option<&'a Table> {
    let kind = match key {
        "active" => TableKind::Active,
        "requests" => TableKind::Requests,
        "appeals" => TableKind::Appeals,
        _ => return None,
    };
    r.tables.get(kind)
}

/// The errors and warnings of a report as (code, subject), sorted. Info findings (S101 among
/// them) are not compared: they say how the input was read, not what is wrong with the report.
pub fn findings(r: &Report) -> Vec<(String, String)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
        .map(|f| (f.code.to_string(), f.subject.clone()))
        .collect();
    v.sort();
    v
}

/// Whether a truth finding `(code, subject)` is this finding: the same code and subject, or,
/// for a narrative code (N…), the truth's subject `narrative`, as the truth files name every
/// N finding (the checker names the table cell the sentence contradicts).
fn matches(truth: &(String, String), code: &str, subject: &str) -> bool {
    truth.0 == code && (truth.1 == subject || (code.starts_with('N') && truth.1 == "narrative"))
}

/// The errors of a report that the truth does not list.
pub fn unfounded_errors(r: &Report, truth: &Truth) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| {
            !truth
                .findings
                .iter()
                .any(|t| matches(t, f.code, &f.subject))
        })
        .map(|f| format!("{} {}", f.code, f.subject))
        .collect()
}

/// A report read as a truth: what a correct reading of the same report must give (for the
/// seeds, whose text's reading tests/seeds.rs checks against their hand-made results).
pub fn of_report(r: &Report) -> Truth {
    let mut t = Truth {
        template: r.template.id().to_string(),
        year: r.year,
        agency: r.agency.clone(),
        published: published_of(r),
        complete: true,
        findings: findings(r),
        ..Truth::default()
    };
    for key in TABLES {
        let Some(table) = report_table(r, key) else {
            continue;
        };
        let defs = match table.kind {
            TableKind::Requests => request_rows(r.template, r.facts.single_other),
            kind => template_rows(kind, r.template),
        };
        let mut rows = Vec::new();
        for def in defs {
            let row = match table.row(def.key) {
                Some(row) => {
                    Row::Cells(row.cells.iter().filter_map(|c| cell_of(&c.value)).collect())
                }
                None => Row::Absent,
            };
            rows.push((def.key.to_string(), row));
        }
        t.tables.insert(key.to_string(), rows);
        for e in &table.extra_rows {
            t.extra.push((
                no_space(&e.label),
                e.values.iter().map(|v| normalise_value(v)).collect(),
            ));
        }
    }
    t.extra.sort();
    t
}

fn published_of(r: &Report) -> Option<(String, String)> {
    r.published
        .as_ref()
        .map(|p| (p.date.iso(), p.source.id().to_string()))
}

/// How the report's publication date differs from the truth's. `page`: the rendering is the
/// page itself (its metadata kept); any other rendering keeps only the page's text, so the
/// truth's `page_meta` date is read from the page's 时间 line there (`page_line`).
pub fn published_difference(r: &Report, truth: &Truth, page: bool) -> Option<String> {
    let want = truth.published.clone().map(|(date, source)| {
        let source = if !page && source == "page_meta" {
            "page_line".to_string()
        } else {
            source
        };
        (date, source)
    });
    let got = published_of(r);
    (got != want).then(|| format!("published {got:?} (truth {want:?})"))
}

fn show(cells: &[Cell]) -> String {
    cells
        .iter()
        .map(|c| match c {
            Cell::Number(n) => format!("{n}"),
            Cell::Blank => "_".into(),
            Cell::Unreadable => "?".into(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The truth writes a number as the cell writes it; the checker reads an amount written in
/// 万元 or 亿元 in a column counted in 元 (gb2019 procurement) as 元. Either is the same cell.
fn same(want: &[Cell], got: &[Cell], units: &[Option<&str>]) -> bool {
    want.len() == got.len()
        && want
            .iter()
            .zip(got)
            .zip(units)
            .all(|((w, g), unit)| match (w, g) {
                (Cell::Number(w), Cell::Number(g)) => {
                    let factor = match unit {
                        Some("万元") => 1e4,
                        Some("亿元") => 1e8,
                        _ => 1.0,
                    };
                    (w - g).abs() < 1e-9 || (w * factor - g).abs() < 1e-6 * factor
                }
                (w, g) => w == g,
            })
}

/// Every way the report differs from the truth (empty: it reads exactly): template, year, each
/// row of the three tables (cells, or absent), the rows outside the template, the errors and
/// warnings.
pub fn differences(r: &Report, truth: &Truth) -> Vec<String> {
    let mut out = Vec::new();
    if r.template.id() != truth.template {
        out.push(format!(
            "template {} (truth {})",
            r.template.id(),
            truth.template
        ));
    }
    if r.year != truth.year {
        out.push(format!("year {:?} (truth {:?})", r.year, truth.year));
    }
    for (key, rows) in &truth.tables {
        let Some(table) = report_table(r, key) else {
            out.push(format!("{key}: no table"));
            continue;
        };
        for (row_key, want) in rows {
            let got = table.row(row_key).map(|row| {
                row.cells
                    .iter()
                    .map(|c| cell_of(&c.value).map(|v| (v, c.unit)))
                    .collect::<Vec<_>>()
            });
            match (want, got) {
                (Row::Absent, None) => {}
                (Row::Absent, Some(_)) => out.push(format!("{key}/{row_key}: read, truth absent")),
                (Row::Cells(_), None) => out.push(format!("{key}/{row_key}: not read")),
                (Row::Cells(want), Some(got)) => {
                    let missing = got.iter().any(Option::is_none);
                    let (got, units): (Vec<Cell>, Vec<Option<&str>>) =
                        got.into_iter().flatten().unzip();
                    if missing || !same(want, &got, &units) {
                        out.push(format!(
                            "{key}/{row_key}: {}{} (truth {})",
                            show(&got),
                            if missing { " + missing cells" } else { "" },
                            show(want)
                        ));
                    }
                }
            }
        }
        for row in &table.rows {
            if !rows.iter().any(|(k, _)| k == row.def.key) {
                out.push(format!("{key}/{}: read, not in the truth", row.def.key));
            }
        }
    }
    for key in TABLES {
        if !truth.tables.contains_key(key) && report_table(r, key).is_some() {
            out.push(format!("{key}: read, not in the truth"));
        }
    }
    let mut extra = Vec::new();
    for key in TABLES {
        if let Some(table) = report_table(r, key) {
            for e in &table.extra_rows {
                extra.push((
                    no_space(&e.label),
                    e.values
                        .iter()
                        .map(|v| normalise_value(v))
                        .collect::<Vec<_>>(),
                ));
            }
        }
    }
    extra.sort();
    if extra != truth.extra {
        out.push(format!("extra rows {extra:?} (truth {:?})", truth.extra));
    }
    let mut want = truth.findings.clone();
    let mut unexpected = Vec::new();
    for f in &r.findings {
        if !matches!(f.severity, Severity::Error | Severity::Warning) {
            continue;
        }
        match want.iter().position(|w| matches(w, f.code, &f.subject)) {
            Some(i) => {
                want.remove(i);
            }
            None => unexpected.push(f),
        }
    }
    for f in unexpected {
        let quote = f
            .quote
            .as_deref()
            .map(|q| format!(" «{q}»"))
            .unwrap_or_default();
        out.push(format!("+ {} {}: {}{quote}", f.code, f.subject, f.message));
    }
    for (code, subject) in want {
        out.push(format!("- {code} {subject} (in the truth, not found)"));
    }
    out
}
