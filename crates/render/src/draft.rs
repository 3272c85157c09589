//! The draft: a report as the 填报 view edits it and as every format prints it — the title,
//! the text before section 一, the prose of the six sections, and the cells of the three
//! tables by path, as typed.

use std::collections::BTreeMap;

use gouji_core::schema::{request_rows, template_rows, TableKind, Template};
use gouji_core::{Report, Value};
use serde::{Deserialize, Serialize};

/// The six section headings both national templates print (the ones the core finds).
pub use gouji_core::extract::sections::SECTION_NAMES as HEADINGS;

/// A report as the 填报 view edits it.
///
/// `cells` holds the tables: a cell's path (`requests/total/total`, as `gouji_core::names`
/// names them) → its text as typed; a path absent or `""` is a blank cell. A table is printed
/// when the draft has a path of it (present, even `""`), or when the draft has no path at
/// all (every table printed empty); [`Draft::empty`] has every path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// gb2021 or gb2019 (`"gb2021"` in JSON); any other template prints no tables.
    #[serde(with = "template_id")]
    pub template: Template,
    /// "平潭综合实验区某某局2023年政府信息公开工作年度报告"; may be empty.
    pub title: String,
    pub agency: String,
    pub year: Option<i32>,
    /// The text between the title and section 一 (the 统计期限 sentence and the like), a
    /// paragraph a line.
    #[serde(default)]
    pub preamble: String,
    /// The prose of sections 一 … 六, a paragraph a line (the headings come from the
    /// template; a section's table is printed after its prose). Fewer than six entries read
    /// as empty sections; more are printed after 六.
    pub sections: Vec<String>,
    pub cells: BTreeMap<String, String>,
}

mod template_id {
    use gouji_core::Template;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Template, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.id())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Template, D::Error> {
        let id = String::deserialize(d)?;
        Ok(match id.as_str() {
            "gb2019" => Template::Gb2019,
            "legacy" => Template::Legacy,
            "unknown" => Template::Unknown,
            _ => Template::Gb2021,
        })
    }
}

/// The tables a national template prints, in order.
pub const TABLES: [TableKind; 3] = TableKind::ALL;

/// Every cell path of a table under a template, in reading order (the requests table's
/// （六）其他处理 as the template has it).
pub fn template_paths(kind: TableKind, template: Template) -> Vec<String> {
    let rows = match kind {
        TableKind::Requests => request_rows(template, false),
        k => template_rows(k, template),
    };
    rows.iter()
        .flat_map(|r| {
            r.cols
                .iter()
                .map(move |c| format!("{}/{}/{}", kind.key(), r.key, c.key))
        })
        .collect()
}

impl Draft {
    /// A draft with nothing filled: every cell of the template's three tables present and
    /// blank, six empty sections. A template that is not national gives a gb2021 draft.
    pub fn empty(template: Template) -> Draft {
        let template = if template.is_national() {
            template
        } else {
            Template::Gb2021
        };
        let cells = TABLES
            .iter()
            .flat_map(|k| template_paths(*k, template))
            .map(|p| (p, String::new()))
            .collect();
        Draft {
            template,
            title: String::new(),
            agency: String::new(),
            year: None,
            preamble: String::new(),
            sections: vec![String::new(); 6],
            cells,
        }
    }

    /// A checked report as a draft: its template, title, agency and year, the text before
    /// section 一, the prose of each section (its text between the headings, the tables
    /// excluded), and every cell its three tables have, as the report wrote it (a cell the
    /// report did not have is absent). `text` is the text the report was read from
    /// (`Checked::text`).
    pub fn from_report(report: &Report, text: &str) -> Draft {
        let mut cells = BTreeMap::new();
        for kind in TABLES {
            let Some(t) = report.tables.get(kind) else {
                continue;
            };
            for (row, cell) in t.cells() {
                if cell.value != Value::Missing {
                    cells.insert(t.path(row.key(), cell.col), one_line(&cell.raw));
                }
            }
        }
        let (preamble, sections) = prose(report, text);
        Draft {
            template: report.template,
            title: report
                .facts
                .meta
                .title
                .as_ref()
                .map(|(t, _)| t.trim().to_string())
                .unwrap_or_default(),
            agency: report.agency.clone().unwrap_or_default(),
            year: report.year,
            preamble,
            sections,
            cells,
        }
    }

    /// Next year's draft from last year's report: the year after, the agency, the title
    /// with the year changed, the template's tables blank but for 二、上年结转 (the requests
    /// carried in), which is last year's 四、结转下年度继续办理; the sections empty; the
    /// 统计期限 sentence for the new year. From 2021 on the template is gb2021.
    pub fn next_year(last: &Report, text: &str) -> Draft {
        let old = Draft::from_report(last, text);
        let year = old.year.map(|y| y.saturating_add(1));
        let template = match (year, old.template) {
            (Some(y), _) if y >= 2021 => Template::Gb2021,
            (_, t) if t.is_national() => t,
            _ => Template::Gb2021,
        };
        let mut draft = Draft::empty(template);
        draft.agency = old.agency.clone();
        draft.year = year;
        draft.title = match (old.year, year) {
            (Some(o), Some(n)) if !old.title.is_empty() => {
                old.title.replacen(&format!("{o}年"), &format!("{n}年"), 1)
            }
            (_, Some(n)) if !old.agency.is_empty() => {
                format!("{}{n}年政府信息公开工作年度报告", old.agency)
            }
            _ => String::new(),
        };
        if let Some(n) = year {
            draft.preamble =
                format!("本报告中所列数据的统计期限自{n}年1月1日起至{n}年12月31日止。");
        }
        let prefix = "requests/carried_out/";
        for (path, value) in &old.cells {
            if let Some(col) = path.strip_prefix(prefix) {
                draft
                    .cells
                    .insert(format!("requests/carried_in/{col}"), value.clone());
            }
        }
        draft
    }

    /// The text of a cell, `""` when absent.
    pub fn cell(&self, path: &str) -> &str {
        self.cells.get(path).map_or("", String::as_str)
    }

    /// Whether a table is printed: the draft has a path of it, or has no path at all.
    pub fn has_table(&self, kind: TableKind) -> bool {
        if !self.template.is_national() {
            return false;
        }
        if self.cells.is_empty() {
            return true;
        }
        let prefix = format!("{}/", kind.key());
        self.cells.keys().any(|p| p.starts_with(&prefix))
    }

    /// Whether the draft has a path of a row (a table prints the rows it has, or every row
    /// when it has none).
    pub fn has_row(&self, kind: TableKind, key: &str) -> bool {
        let prefix = format!("{}/{key}/", kind.key());
        self.cells.keys().any(|p| p.starts_with(&prefix))
    }

    /// Whether the requests table prints （六）其他处理 as one row: always under gb2019; under
    /// gb2021 when the draft has the single row's cells and none of the three rows'.
    pub fn single_other(&self) -> bool {
        self.template == Template::Gb2019
            || (self.cells.keys().any(|p| p.starts_with("requests/other/"))
                && !self.cells.keys().any(|p| p.starts_with("requests/other.")))
    }
}

/// A cell's text on one line: tabs and line breaks as spaces, trimmed.
pub(crate) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() && c != '\u{3000}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The lines of `text[from..to]` trimmed, blank lines left out, joined by newlines.
fn lines(text: &str, from: usize, to: usize) -> String {
    let Some(s) = text.get(from..to) else {
        return String::new();
    };
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1)
}

fn line_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| at + i)
}

/// The text before section 一 (after the title line) and the prose of each section, the
/// tables' lines excluded.
fn prose(report: &Report, text: &str) -> (String, Vec<String>) {
    let mut sections = vec![String::new(); 6];
    // Where each table's lines are: from its first line (or the end of its section's
    // heading when the table stands under it) to its last.
    let mut hits: Vec<_> = report
        .facts
        .sections
        .iter()
        .filter(|h| (1..=6).contains(&h.number) && h.span.end <= text.len())
        .collect();
    hits.sort_by_key(|h| h.span.start);
    let mut tables: Vec<(usize, usize)> = Vec::new();
    for t in report.tables.iter() {
        let Some(span) = t.span else { continue };
        if span.end > text.len() || span.start > span.end {
            continue;
        }
        // The table's header rows stand before its span: from its section's heading on.
        let section = match t.kind {
            TableKind::Active => 2,
            TableKind::Requests => 3,
            TableKind::Appeals => 4,
            TableKind::Legacy => 0,
        };
        let start = hits
            .iter()
            .filter(|h| h.number == section && h.span.end <= span.start)
            .map(|h| line_end(text, h.span.end))
            .next_back()
            .map_or_else(|| line_start(text, span.start), |e| e.min(span.start));
        tables.push((start, line_end(text, span.end)));
    }
    // The text outside the tables between `from` and `to`.
    let outside = |from: usize, to: usize| -> String {
        let mut parts = Vec::new();
        let mut at = from;
        for &(s, e) in &tables {
            if e <= at || s >= to {
                continue;
            }
            if s > at {
                parts.push(lines(text, at, s));
            }
            at = at.max(e);
        }
        if at < to {
            parts.push(lines(text, at, to));
        }
        parts.retain(|p| !p.is_empty());
        parts.join("\n")
    };
    let title_end = report
        .facts
        .meta
        .title
        .as_ref()
        .map(|(_, s)| s.end)
        .filter(|e| *e <= text.len())
        .map_or(0, |e| line_end(text, e));
    let first = hits
        .first()
        .map_or(text.len(), |h| line_start(text, h.span.start));
    let preamble = if title_end <= first {
        outside(title_end, first)
    } else {
        String::new()
    };
    for (i, h) in hits.iter().enumerate() {
        let from = line_end(text, h.span.end);
        let to = hits
            .get(i + 1)
            .map_or(text.len(), |n| line_start(text, n.span.start));
        if from >= to {
            continue;
        }
        let body = outside(from, to);
        if body.is_empty() {
            continue;
        }
        let slot = &mut sections[usize::from(h.number - 1)];
        if !slot.is_empty() {
            slot.push('\n');
        }
        slot.push_str(&body);
    }
    (preamble, sections)
}
