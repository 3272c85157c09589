//! The legacy statistics table (reports for 2018 and earlier): 指标名称 | 计量单位 | 本年 |
//! 历年累计, one row per indicator, "其中" items under their total.
//!
//! The table is read from its header (指标名称) on: each known label starts a row (keys in
//! [`crate::schema::LEGACY_ROWS`]), the value cells after it fill its columns, unit cells
//! (件, 条, 万元 …) are skipped. A label the reader does not know becomes an extra row; a
//! sub-item label ("维持具体行政行为数") is read in the context of the row above it, so the
//! same words under 行政复议 and under 行政诉讼 get different keys.

use super::{build_row, extra_row, rows};
use crate::ingest::value::looks_like_bad_value;
use crate::ingest::{CellClass, Document};
use crate::schema::{legacy_parent, row_def, TableKind, LEGACY_ROWS, LEGACY_ROWS_ONE};
use crate::table::Table;

/// Cells that are a unit of the 计量单位 column.
const UNIT_CELLS: &[&str] = &[
    "件", "条", "个", "项", "人", "人次", "次", "万元", "元", "份", "篇", "期", "家", "场", "起",
];

/// Text cells in a row before the table ends.
const MAX_STRAY: usize = 4;

/// What a header cell names.
enum Header {
    ThisYear,
    Cumulative,
    Other,
}

fn header(t: &str) -> Option<Header> {
    if t.contains("累计") {
        return Some(Header::Cumulative);
    }
    if matches!(
        t,
        "本年" | "本年度" | "数量" | "本期" | "本年数" | "本年数量"
    ) {
        return Some(Header::ThisYear);
    }
    let year = t.trim_end_matches("年度").trim_end_matches('年');
    if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) && t.len() > 4 {
        return Some(Header::ThisYear);
    }
    if matches!(
        t,
        "计量单位" | "单位" | "备注" | "序号" | "指标名称" | "项目"
    ) {
        return Some(Header::Other);
    }
    None
}

/// "其中:1.政府网站公开数" → "政府网站公开数"; "(一)维持…" → "维持…"; "一、…" → "…".
fn strip_label(t: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let mut t = t;
    loop {
        let before = t.len();
        t = t.trim_start_matches("其中");
        t = t.trim_start_matches([':', ',', ' ', '.']);
        if let Some(rest) = t.strip_prefix('(') {
            let inner = rest.trim_start_matches(numeral);
            if inner.len() < rest.len() {
                if let Some(r) = inner.strip_prefix(')') {
                    t = r;
                }
            }
        }
        let rest = t.trim_start_matches(numeral);
        if rest.len() < t.len() {
            if let Some(r) = rest.strip_prefix(['.', '、', ')']) {
                t = r;
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// The key a label names, read after the row `last` (for the sub-items whose words repeat).
fn legacy_key(norm: &str, last: Option<&str>) -> Option<&'static str> {
    let t = strip_label(norm);
    if t.is_empty() || t.chars().count() > 50 {
        return None;
    }
    let has = |w: &str| t.contains(w);
    let under = |p: &str| last.is_some_and(|l| l == p || l.starts_with(&format!("{p}.")));
    let key = if has("当面") {
        "requests_received.in_person"
    } else if has("传真") {
        "requests_received.fax"
    } else if has("电子邮件") {
        "requests_received.email"
    } else if (has("网上") || has("网络")) && has("申请") {
        "requests_received.online"
    } else if has("信函") {
        "requests_received.letter"
    } else if has("其他形式") || (has("其他") && has("申请") && under("requests_received"))
    {
        "requests_received.other"
    } else if has("按时办结") {
        "requests_processed.on_time"
    } else if has("延期办结") {
        "requests_processed.extended"
    } else if has("办结") {
        "requests_processed"
    } else if has("已主动公开") {
        "answers.already_public"
    } else if has("部分公开") {
        "answers.partly_granted"
    } else if has("同意公开") {
        "answers.granted"
    } else if has("不予公开") || has("不同意公开") {
        "answers.withheld"
    } else if has("国家秘密") {
        "answers.withheld.state_secret"
    } else if has("商业秘密") {
        "answers.withheld.commercial_secret"
    } else if has("个人隐私") {
        "answers.withheld.privacy"
    } else if has("危及") {
        "answers.withheld.safety"
    } else if has("不是") && has("政府信息") {
        "answers.withheld.not_gov_info"
    } else if has("规定的其他") && under("answers.withheld") {
        "answers.withheld.other"
    } else if has("不属于本") {
        "answers.not_held"
    } else if has("不存在") {
        "answers.not_exist"
    } else if has("更改补充") {
        "answers.correction"
    } else if has("其他途径") {
        "answers.redirected"
    } else if has("其他类型答复") || (has("其他") && under("answers")) {
        "answers.other"
    } else if has("答复") {
        "answers"
    } else if has("减免") {
        "fees_waived"
    } else if has("收取") && has("费") {
        "fees"
    } else if has("行政复议") {
        "reviews"
    } else if has("行政诉讼") {
        "lawsuits"
    } else if has("维持") || has("纠错") || has("纠正") || has("其他情形") {
        let parent = if under("reviews") {
            "reviews"
        } else if under("lawsuits") {
            "lawsuits"
        } else {
            return None;
        };
        let part = if has("维持") {
            "upheld"
        } else if has("其他情形") {
            "other"
        } else {
            "corrected"
        };
        return row_def(TableKind::Legacy, &format!("{parent}.{part}")).map(|d| d.key);
    } else if has("申诉") || has("举报") || has("投诉") {
        "complaints"
    } else if has("制发") && has("规范性文件") {
        "normative_issued"
    } else if has("主动公开") && has("规范性文件") {
        "active_docs.normative"
    } else if has("政府网站") {
        "active_docs.website"
    } else if has("公报") {
        "active_docs.gazette"
    } else if has("微博") {
        "active_docs.weibo"
    } else if has("微信") {
        "active_docs.wechat"
    } else if has("其他方式") && under("active_docs") {
        "active_docs.other_channels"
    } else if has("主动公开") {
        "active_docs"
    } else if (has("受理") || has("收到")) && has("申请") {
        "requests_received"
    } else if has("专门机构") {
        "offices"
    } else if has("专职") {
        "staff.full_time"
    } else if has("兼职") {
        "staff.part_time"
    } else if has("从事") && has("人员") {
        "staff"
    } else {
        return None;
    };
    // A sub-item is one only under its own total.
    match legacy_parent(key) {
        Some(p) if !under(p) => None,
        _ => Some(key),
    }
}

/// A row being read.
struct Building {
    key: Option<&'static str>,
    label: usize,
    values: Vec<usize>,
}

/// Read the legacy table, if the document has one.
pub fn read(doc: &Document) -> Option<Table> {
    let cells = &doc.cells;
    let short = |i: usize| cells[i].norm.chars().count() <= 50;
    let start = (0..cells.len()).find(|&i| short(i) && cells[i].norm.contains("指标名称"));
    // Without a header: the first known label followed by a value.
    let start = start.or_else(|| {
        (0..cells.len()).find(|&i| {
            cells[i].class == CellClass::Text
                && short(i)
                && legacy_key(&cells[i].norm, None).is_some_and(|k| !k.contains('.'))
                && (i + 1..(i + 3).min(cells.len())).any(|j| cells[j].is_value())
        })
    })?;
    // The header: which value column comes first.
    let mut order: Vec<&'static str> = Vec::new();
    let mut i = start;
    if cells[start].norm.contains("指标名称") {
        i += 1;
        while i < cells.len() {
            match header(&cells[i].norm) {
                Some(Header::ThisYear) if !order.contains(&"this_year") => order.push("this_year"),
                Some(Header::Cumulative) if !order.contains(&"cumulative") => {
                    order.push("cumulative")
                }
                Some(_) => {}
                None => break,
            }
            i += 1;
        }
    }
    let mut built: Vec<Building> = Vec::new();
    let mut stray = 0;
    let mut end = i;
    while i < cells.len() {
        let c = &cells[i];
        let cols = if order.is_empty() { 2 } else { order.len() };
        // A soft blank (white space that may be an empty paragraph) is a value only where
        // the row still lacks one.
        if c.soft && built.last().is_none_or(|b| b.values.len() >= cols) {
            i += 1;
            continue;
        }
        if c.is_value()
            || (c.class == CellClass::Text
                && looks_like_bad_value(&c.raw)
                && built.last().is_some_and(|b| b.values.len() < cols))
        {
            if let Some(b) = built.last_mut() {
                b.values.push(i);
                end = i + 1;
                stray = 0;
            }
            i += 1;
            continue;
        }
        if UNIT_CELLS.contains(&c.norm.as_str()) {
            i += 1;
            continue;
        }
        if c.norm.chars().count() > 60 || super::sections::heading(&c.norm).is_some() {
            break;
        }
        let last = built.iter().rev().find_map(|b| b.key);
        let key = legacy_key(&c.norm, last).filter(|k| !built.iter().any(|b| b.key == Some(k)));
        if key.is_none() {
            stray += 1;
            if stray >= MAX_STRAY {
                break;
            }
        } else {
            stray = 0;
        }
        built.push(Building {
            key,
            label: i,
            values: Vec::new(),
        });
        i += 1;
    }
    if !built
        .iter()
        .any(|b| b.key.is_some() && !b.values.is_empty())
    {
        return None;
    }
    // Without a header, the number of columns is what most rows have.
    if order.is_empty() {
        let two = built.iter().filter(|b| b.values.len() >= 2).count();
        let one = built.iter().filter(|b| b.values.len() == 1).count();
        order = if two >= one {
            vec!["this_year", "cumulative"]
        } else {
            vec!["this_year"]
        };
    }
    let defs: &[crate::schema::RowDef] = if order.len() == 1 {
        &LEGACY_ROWS_ONE
    } else {
        &LEGACY_ROWS
    };
    let mut table = Table::new(TableKind::Legacy);
    for b in &built {
        match b.key.and_then(|k| defs.iter().find(|d| d.key == k)) {
            Some(def) => {
                // Put the values in the definition's column order.
                let cells_in_order: Vec<usize> = def
                    .cols
                    .iter()
                    .filter_map(|col| {
                        let pos = order.iter().position(|o| *o == col.key)?;
                        b.values.get(pos).copied()
                    })
                    .collect();
                let found = b.values.len();
                let a = rows::Assigned {
                    cells: cells_in_order,
                    found: (found != order.len()).then_some(found),
                };
                table
                    .rows
                    .push(build_row(doc, def, Some(b.label), &a, false));
            }
            None if !b.values.is_empty() => {
                table.extra_rows.push(extra_row(
                    doc,
                    &rows::Orphan {
                        label: Some(b.label),
                        after_group: false,
                        cells: b.values.clone(),
                    },
                ));
            }
            None => {}
        }
    }
    let first = cells.get(start).map(|c| c.span);
    let last = end
        .checked_sub(1)
        .and_then(|e| cells.get(e))
        .map(|c| c.span);
    table.span = match (first, last) {
        (Some(a), Some(b)) => Some(a.cover(b)),
        (a, b) => a.or(b),
    };
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::norm::normalize;

    fn key(label: &str, last: Option<&str>) -> Option<&'static str> {
        legacy_key(&normalize(label), last)
    }

    #[test]
    fn labels_of_the_provincial_tables() {
        assert_eq!(key("主动公开文件数", None), Some("active_docs"));
        assert_eq!(
            key("其中:1.政府网站公开数", Some("active_docs")),
            Some("active_docs.website")
        );
        assert_eq!(
            key("受理政府信息公开申请总数", Some("active_docs.gazette")),
            Some("requests_received")
        );
        assert_eq!(
            key("3.信函申请数", Some("requests_received.online")),
            Some("requests_received.letter")
        );
        assert_eq!(key("对申请的答复总数", None), Some("answers"));
        assert_eq!(
            key("2.同意部分公开答复数", Some("answers.granted")),
            Some("answers.partly_granted")
        );
        assert_eq!(
            key("4.其他类型答复数", Some("answers.withheld")),
            Some("answers.other")
        );
        assert_eq!(key("政府信息公开收费减免金额", None), Some("fees_waived"));
        assert_eq!(key("接受行政申诉、举报数", None), Some("complaints"));
        assert_eq!(
            key("（一）维持具体行政行为数", Some("reviews")),
            Some("reviews.upheld")
        );
        assert_eq!(
            key("（二）被依法纠错数", Some("lawsuits.upheld")),
            Some("lawsuits.corrected")
        );
    }

    #[test]
    fn sub_items_only_under_their_total() {
        assert_eq!(key("当面申请数", Some("answers")), None);
        assert_eq!(key("（一）维持具体行政行为数", None), None);
    }

    #[test]
    fn reads_a_pipe_table() {
        let text = "指标名称 | 计量单位 | 本年 | 历年累计\n受理政府信息公开申请总数 | 件 | 10 | 40\n其中：1.当面申请数 | 件 | 3 | 10\n2.网上申请数 | 件 | 5 | 20\n3.信函申请数 | 件 | 2 | 10\n";
        let doc = Document::from_text(text);
        let Some(t) = read(&doc) else {
            unreachable!("no table read from {text}");
        };
        assert_eq!(t.number("requests_received", "this_year"), Some(10.0));
        assert_eq!(t.number("requests_received", "cumulative"), Some(40.0));
        assert_eq!(
            t.number("requests_received.letter", "cumulative"),
            Some(10.0)
        );
        assert!(t.rows.iter().all(|r| r.misaligned.is_none()));
    }
}
