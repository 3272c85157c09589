//! The `active` table (二、主动公开政府信息情况): blocks 第二十条第（一）（五）（六）（八）（九）项,
//! each with a header row naming its columns.

use super::rows::{assign, Ev};
use super::{build_row, extra_row, Region};
use crate::ingest::value::looks_like_bad_value;
use crate::ingest::{CellClass, Document};
use crate::schema::{RowDef, TableKind, Template, ACTIVE_ROWS_2019, ACTIVE_ROWS_2021};
use crate::table::Table;

/// Header labels of each template (normalised), for template detection and for choosing
/// the columns of a block.
pub const GB2021_HEADERS: &[&str] = &[
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "本年收费金额",
];
pub const GB2019_HEADERS: &[&str] = &[
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "采购项目数量",
    "采购总金额",
];

/// The row a label names: (key, is the gb2019-only form).
fn row_key(t: &str) -> Option<&'static str> {
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、'));
    let n = t.chars().count();
    let is = |label: &str| t == label || (t.starts_with(label) && n <= label.chars().count() + 3);
    if is("规章") {
        Some("rules")
    } else if is("行政规范性文件") || is("规范性文件") {
        Some("normative_docs")
    } else if is("行政许可") {
        Some("licensing")
    } else if is("其他对外管理服务事项") {
        Some("other_services")
    } else if is("行政处罚") {
        Some("penalty")
    } else if is("行政强制") {
        Some("coercion")
    } else if is("行政事业性收费") {
        Some("fees")
    } else if is("政府集中采购") {
        Some("procurement")
    } else {
        None
    }
}

/// The definition of a row: by the block header's style when it has one, else by template.
fn row_def(key: &str, style: Template) -> Option<&'static RowDef> {
    let (first, second): (&[RowDef], &[RowDef]) = if style == Template::Gb2019 {
        (&ACTIVE_ROWS_2019, &ACTIVE_ROWS_2021)
    } else {
        (&ACTIVE_ROWS_2021, &ACTIVE_ROWS_2019)
    };
    first.iter().chain(second).find(|r| r.key == key)
}

fn is_block_heading(t: &str) -> bool {
    t.starts_with("第二十条")
}

fn header_style(t: &str) -> Option<Template> {
    if GB2021_HEADERS.iter().any(|h| t.contains(h)) {
        Some(Template::Gb2021)
    } else if GB2019_HEADERS.iter().any(|h| t.contains(h)) {
        Some(Template::Gb2019)
    } else {
        None
    }
}

/// Read the table in the region, for the template detected from the whole report.
pub fn read(doc: &Document, region: &Region, template: Template) -> Option<Table> {
    let mut events = Vec::new();
    let mut defs: Vec<&'static RowDef> = Vec::new();
    let mut style = template;
    let mut block_style: Option<Template> = None;
    for i in region.from..region.to {
        let c = &doc.cells[i];
        if c.is_value() {
            events.push(Ev::Val { cell: i });
            continue;
        }
        let t = &c.norm;
        if is_block_heading(t) {
            block_style = None;
            events.push(Ev::Group { cell: i });
            continue;
        }
        if let Some(s) = header_style(t) {
            block_style = Some(s);
            events.push(Ev::Group { cell: i });
            continue;
        }
        if let Some(key) = row_key(t) {
            if let Some(def) = row_def(key, block_style.unwrap_or(style)) {
                if let Some(s) = block_style {
                    style = s;
                }
                events.push(Ev::Row {
                    slot: defs.len(),
                    cell: i,
                });
                defs.push(def);
                continue;
            }
        }
        let prev_is_value_or_row = matches!(events.last(), Some(Ev::Val { .. } | Ev::Row { .. }));
        if looks_like_bad_value(&c.raw) && prev_is_value_or_row {
            events.push(Ev::Val { cell: i });
        } else {
            events.push(Ev::Frag { cell: i });
        }
    }
    if defs.is_empty() {
        return None;
    }
    let (assigned, orphans) = assign(&events, doc, &|slot| defs[slot].cols.len());
    let mut table = Table::new(TableKind::Active);
    let mut seen = Vec::new();
    for (slot, a) in assigned {
        let def = defs[slot];
        if seen.contains(&def.key) {
            continue; // a repeated label (e.g. in a note under the table)
        }
        seen.push(def.key);
        let label = events.iter().find_map(|e| match e {
            Ev::Row { slot: s, cell } if *s == slot => Some(*cell),
            _ => None,
        });
        table
            .rows
            .push(build_row(doc, def, label, &a, def.key == "procurement"));
    }
    table.extra_rows = orphans
        .iter()
        .filter(|o| {
            o.label
                .is_some_and(|l| doc.cells[l].class == CellClass::Text)
        })
        .map(|o| extra_row(doc, o))
        .collect();
    table.span = super::region_span(doc, region.from, region.to);
    Some(table)
}
