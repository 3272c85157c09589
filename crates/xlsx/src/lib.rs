//! gouji-xlsx: the Excel workbook an office sends back to its units, built from the JSON
//! document (`gouji check --format json`, the app's 导出 JSON, reviews included). Building from
//! the document keeps the CLI, the app and the workbook one shape; see [`doc`].
//!
//! Sheets, in order:
//! - **汇总**: a row per report (file, unit, year, template, publication date and its source,
//!   deadline, late, counts, the evaluators' indicators as percentages, repeated shares);
//! - one sheet per kind of problem, by [`sheets::sheet_of`] (表格勾稽, 正文与表格, 格式与结构,
//!   跨年度衔接, 发布时间, 内容雷同 — the last also lists the document's `similarity`);
//! - **缺报单位**: the document's `roster`, unit by unit, or one line saying none was given;
//! - **整改清单**: unit by unit, each open error or warning (no review has found it 不是问题 or
//!   已整改), numbered, with its cells and what to change.
//!
//! Every sheet has a frozen, filtered header row and widths for Chinese text. The web app
//! builds this crate with `wasm` as its workbook worker (`static/xlsx.js`), loaded only when
//! 导出 Excel is clicked.

pub mod doc;
mod fix;
pub mod sheets;
#[cfg(feature = "wasm")]
mod wasm;

use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use serde_json::Value;

use doc::{array_at, num_at, str_at, Doc, FindingView, ReportView};
use sheets::{sheet_of, Sheet};

/// Every sheet's name, in the workbook's order.
pub const SHEET_NAMES: [&str; 9] = [
    SUMMARY,
    "表格勾稽",
    "正文与表格",
    "格式与结构",
    "跨年度衔接",
    "发布时间",
    "内容雷同",
    ROSTER,
    FIX_LIST,
];

const SUMMARY: &str = "汇总";
const ROSTER: &str = "缺报单位";
const FIX_LIST: &str = "整改清单";

/// The workbook of a JSON document given as text. A text that is no JSON object gets a
/// message in Chinese, as does a workbook the writer refuses.
pub fn workbook_from_json(json: &str) -> Result<Vec<u8>, String> {
    let doc: Value =
        serde_json::from_str(json).map_err(|e| format!("不是 gouji 的 JSON 文档：{e}"))?;
    if !doc.is_object() {
        return Err("不是 gouji 的 JSON 文档：应为一个对象".to_string());
    }
    workbook(&doc).map_err(|e| format!("无法生成工作簿：{e}"))
}

/// The workbook (the bytes of an .xlsx file) of a JSON document.
pub fn workbook(doc: &Value) -> Result<Vec<u8>, XlsxError> {
    let doc = Doc::of(doc);
    let style = Style::new();
    let mut book = Workbook::new();
    put(&mut book, &style, SUMMARY, &summary(&doc))?;
    for sheet in Sheet::ALL {
        put(&mut book, &style, sheet.name(), &findings(&doc, sheet))?;
    }
    put(&mut book, &style, ROSTER, &roster(&doc))?;
    put(&mut book, &style, FIX_LIST, &fix::list(&doc))?;
    book.save_to_buffer()
}

/// A column: its header, its width (in Latin characters; a Chinese one takes two) and whether
/// its text wraps.
#[derive(Clone, Copy)]
pub(crate) struct Col {
    title: &'static str,
    width: f64,
    wrap: bool,
}

pub(crate) const fn col(title: &'static str, width: f64, wrap: bool) -> Col {
    Col { title, width, wrap }
}

/// A cell's content.
pub(crate) enum Cell {
    Text(String),
    Number(f64),
    /// A share (0.62) shown as a percentage.
    Share(f64),
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn opt_text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }

    fn opt_number(n: Option<f64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Number)
    }

    fn opt_share(n: Option<f64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Share)
    }
}

/// A sheet's content: its columns and rows.
pub(crate) struct Grid {
    cols: &'static [Col],
    rows: Vec<Vec<Cell>>,
}

struct Style {
    header: Format,
    plain: Format,
    wrap: Format,
    share: Format,
}

impl Style {
    fn new() -> Style {
        let top = Format::new().set_align(FormatAlign::Top);
        Style {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xDDE7F0)),
            wrap: top.clone().set_text_wrap(),
            share: top.clone().set_num_format("0.0%"),
            plain: top,
        }
    }
}

/// Excel holds at most 32 767 characters in a cell; a longer text is cut, and says so.
const MAX_CELL_CHARS: usize = 32_000;

fn cut(s: &str) -> String {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => format!("{}……（已截断）", s.get(..at).unwrap_or_default()),
        None => s.to_string(),
    }
}

/// Writes a sheet: header row frozen and filtered, column widths, the rows.
fn put(book: &mut Workbook, style: &Style, name: &str, grid: &Grid) -> Result<(), XlsxError> {
    let sheet: &mut Worksheet = book.add_worksheet().set_name(name)?;
    for (c, col) in (0u16..).zip(grid.cols) {
        sheet.set_column_width(c, col.width)?;
        sheet.write_string_with_format(0, c, col.title, &style.header)?;
    }
    for (r, row) in (1u32..).zip(&grid.rows) {
        for ((c, cell), col) in (0u16..).zip(row).zip(grid.cols) {
            let text = if col.wrap { &style.wrap } else { &style.plain };
            match cell {
                Cell::Text(s) => sheet.write_string_with_format(r, c, cut(s), text)?,
                Cell::Number(n) => sheet.write_number_with_format(r, c, *n, text)?,
                Cell::Share(n) => sheet.write_number_with_format(r, c, *n, &style.share)?,
                Cell::Empty => sheet,
            };
        }
    }
    let last_row = u32::try_from(grid.rows.len()).unwrap_or(u32::MAX);
    let last_col = u16::try_from(grid.cols.len().saturating_sub(1)).unwrap_or(0);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

const SUMMARY_COLS: &[Col] = &[
    col("文件", 30.0, true),
    col("单位", 26.0, true),
    col("年度", 7.0, false),
    col("模板", 14.0, true),
    col("发布日期", 12.0, false),
    col("日期来源", 12.0, false),
    col("期限", 14.0, true),
    col("逾期", 7.0, false),
    col("错误", 7.0, false),
    col("警告", 7.0, false),
    col("提示", 7.0, false),
    col("申请数", 8.0, false),
    col("实质公开率", 11.0, false),
    col("不予公开率", 11.0, false),
    col("无法提供率", 11.0, false),
    col("本机关不掌握占比", 11.0, false),
    col("复议纠错率", 11.0, false),
    col("诉讼纠错率", 11.0, false),
    col("结转率", 9.0, false),
    col("与上年雷同", 11.0, false),
    col("与他单位雷同", 11.0, false),
];

/// The indicators of 汇总, in its column order (keys of a report's `indicators`).
const RATES: [&str; 7] = [
    "substantive_rate",
    "withheld_rate",
    "unavailable_rate",
    "not_held_share",
    "review_corrected_rate",
    "suit_corrected_rate",
    "carried_out_rate",
];

fn summary(doc: &Doc) -> Grid {
    let rows = doc
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let count = |severity: &str| {
                let n = doc
                    .findings
                    .iter()
                    .filter(|f| f.report == Some(i) && f.severity == severity)
                    .count();
                Cell::Number(n as f64)
            };
            let late = doc
                .findings
                .iter()
                .any(|f| f.report == Some(i) && f.code == "M703");
            let published = r.value.get("published");
            let indicators = r.value.get("indicators");
            let rate = |key: &str| {
                Cell::opt_share(
                    indicators
                        .and_then(|v| v.get(key))
                        .and_then(|v| num_at(v, "value")),
                )
            };
            let mut row = vec![
                Cell::text(r.source),
                Cell::opt_text(r.agency),
                Cell::opt_number(r.year.map(|y| y as f64)),
                Cell::text(template_name(str_at(r.value, "template"))),
                Cell::text(
                    published
                        .and_then(|p| str_at(p, "date"))
                        .unwrap_or("日期不详"),
                ),
                Cell::opt_text(
                    published
                        .and_then(|p| str_at(p, "source"))
                        .map(date_source_name),
                ),
                Cell::text(deadline(r)),
                Cell::text(late_text(r, late)),
                count("error"),
                count("warning"),
                count("info"),
                Cell::opt_number(indicators.and_then(|v| num_at(v, "applications"))),
            ];
            row.extend(RATES.iter().map(|k| rate(k)));
            row.push(Cell::opt_share(share_of(doc, i, "previous_year")));
            row.push(Cell::opt_share(share_of(doc, i, "other_unit")));
            row
        })
        .collect();
    Grid {
        cols: SUMMARY_COLS,
        rows,
    }
}

fn template_name(id: Option<&str>) -> &'static str {
    use gouji_core::Template;
    [
        Template::Gb2021,
        Template::Gb2019,
        Template::Legacy,
        Template::Unknown,
    ]
    .into_iter()
    .find(|t| Some(t.id()) == id)
    .unwrap_or(Template::Unknown)
    .name_zh()
}

fn date_source_name(id: &str) -> &str {
    use gouji_core::extract::published::DateSource;
    [
        DateSource::PageMeta,
        DateSource::PageLine,
        DateSource::FileCreated,
        DateSource::Signature,
    ]
    .into_iter()
    .find(|s| s.id() == id)
    .map_or(id, |s| s.name_zh())
}

/// The deadline of 条例第四十九条, or both when the kind of agency cannot be told.
fn deadline(r: &ReportView) -> String {
    let d = r.value.get("deadline");
    match d.and_then(|d| str_at(d, "date")) {
        Some(date) => date.to_string(),
        None if d.and_then(|d| str_at(d, "kind")) == Some("unknown") => {
            "机关类别不详（部门1月31日，政府3月31日）".to_string()
        }
        None => "不详".to_string(),
    }
}

fn late_text(r: &ReportView, late: bool) -> &'static str {
    let date = r.value.get("published").and_then(|p| str_at(p, "date"));
    let due = r.value.get("deadline").and_then(|d| str_at(d, "date"));
    match (late, date, due) {
        (true, _, _) => "逾期",
        (false, Some(_), Some(_)) => "否",
        _ => "不详",
    }
}

/// The largest repeated share of a report's narrative in `similarity` entries of a kind.
fn share_of(doc: &Doc, report: usize, kind: &str) -> Option<f64> {
    doc.similarity
        .iter()
        .filter(|e| e.get("report").and_then(Value::as_u64) == Some(report as u64))
        .filter(|e| str_at(e, "kind") == Some(kind))
        .filter_map(|e| num_at(e, "share"))
        .reduce(f64::max)
}

const FINDING_COLS: &[Col] = &FINDING_ARRAY;

const FINDING_ARRAY: [Col; 12] = [
    col("单位", 26.0, true),
    col("年度", 7.0, false),
    col("文件", 30.0, true),
    col("规则", 7.0, false),
    col("级别", 6.0, false),
    col("位置", 36.0, true),
    col("说明", 60.0, true),
    col("应为", 9.0, false),
    col("实为", 9.0, false),
    col("原文", 40.0, true),
    col("读取把握", 9.0, false),
    col("审核", 18.0, true),
];

/// 内容雷同 adds the figures of each `similarity` entry after the findings' columns.
const SIMILAR_COLS: &[Col] = &{
    const EXTRA: [Col; 5] = [
        col("对比文件", 30.0, true),
        col("雷同比例", 10.0, false),
        col("正文字数", 9.0, false),
        col("重复字数", 9.0, false),
        col("方法", 40.0, true),
    ];
    let mut all = [col("", 0.0, false); 17];
    let mut i = 0;
    while i < all.len() {
        all[i] = if i < FINDING_ARRAY.len() {
            FINDING_ARRAY[i]
        } else {
            EXTRA[i - FINDING_ARRAY.len()]
        };
        i += 1;
    }
    all
};

fn findings(doc: &Doc, sheet: Sheet) -> Grid {
    let mut rows: Vec<Vec<Cell>> = doc
        .findings
        .iter()
        .filter(|f| sheet_of(f.code) == sheet)
        .map(|f| finding_row(doc, f))
        .collect();
    if sheet != Sheet::Similar {
        return Grid {
            cols: FINDING_COLS,
            rows,
        };
    }
    rows.extend(doc.similarity.iter().map(|e| similarity_row(doc, e)));
    Grid {
        cols: SIMILAR_COLS,
        rows,
    }
}

/// The 单位, 年度, 文件 cells of the report at an index.
fn report_cells(doc: &Doc, index: Option<usize>) -> [Cell; 3] {
    match doc.report(index) {
        Some(r) => [
            Cell::opt_text(r.agency),
            Cell::opt_number(r.year.map(|y| y as f64)),
            Cell::text(r.source),
        ],
        None => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

fn finding_row(doc: &Doc, f: &FindingView) -> Vec<Cell> {
    let v = f.value;
    let mut row: Vec<Cell> = report_cells(doc, f.report).into();
    row.extend([
        Cell::text(f.code),
        Cell::text(severity_name(f.severity)),
        Cell::text(place(v)),
        Cell::opt_text(str_at(v, "message")),
        Cell::opt_number(num_at(v, "expected")),
        Cell::opt_number(num_at(v, "actual")),
        Cell::opt_text(str_at(v, "quote")),
        Cell::text(reading(v)),
        Cell::text(review(v)),
    ]);
    row
}

fn similarity_row(doc: &Doc, e: &Value) -> Vec<Cell> {
    let index = |key: &str| {
        e.get(key)
            .and_then(Value::as_u64)
            .and_then(|i| usize::try_from(i).ok())
    };
    let what = match str_at(e, "kind") {
        Some("previous_year") => "与同一机关上一年度报告的正文比对",
        Some("other_unit") => "与同一批次其他单位报告的正文比对",
        _ => "正文比对",
    };
    let sections: Vec<String> = array_at(e, "sections")
        .iter()
        .filter_map(|s| {
            let share = num_at(s, "share")?;
            let title = str_at(s, "title").unwrap_or_default();
            Some(format!("{title} {:.0}%", share * 100.0))
        })
        .collect();
    let other = doc.report(index("other"));
    let mut row: Vec<Cell> = report_cells(doc, index("report")).into();
    row.extend([
        Cell::Empty,
        Cell::Empty,
        Cell::text(if sections.is_empty() {
            "正文（表格以外）".to_string()
        } else {
            sections.join("；")
        }),
        Cell::text(what),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::opt_text(other.map(|o| o.source)),
        Cell::opt_share(num_at(e, "share")),
        Cell::opt_number(num_at(e, "chars")),
        Cell::opt_number(num_at(e, "repeated_chars")),
        Cell::opt_text(str_at(e, "method")),
    ]);
    row
}

fn severity_name(id: &str) -> &str {
    match id {
        "error" => "错误",
        "warning" => "警告",
        "info" => "提示",
        other => other,
    }
}

/// At most this many cells are named in 位置; the rest are counted.
const MAX_NAMED_CELLS: usize = 8;

/// Where a finding is: its cells' Chinese names, else its subject's.
pub(crate) fn place(f: &Value) -> String {
    let cells: Vec<&str> = array_at(f, "cells")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    if cells.is_empty() {
        let subject = str_at(f, "subject").unwrap_or_default();
        return gouji_core::names::subject_name(subject).unwrap_or_else(|| subject.to_string());
    }
    let mut named: Vec<String> = cells
        .iter()
        .take(MAX_NAMED_CELLS)
        .map(|c| cell_name(c))
        .collect();
    if cells.len() > MAX_NAMED_CELLS {
        named.push(format!("等 {} 个单元格", cells.len()));
    }
    named.join("；")
}

pub(crate) fn cell_name(path: &str) -> String {
    gouji_core::names::cell_name(path).unwrap_or_else(|| path.to_string())
}

fn reading(f: &Value) -> String {
    use gouji_core::Certainty;
    if str_at(f, "concerns") == Some("reading") {
        return "读取问题".to_string();
    }
    let id = str_at(f, "reading");
    [Certainty::Certain, Certainty::Likely, Certainty::Uncertain]
        .into_iter()
        .find(|c| Some(c.id()) == id)
        .map_or(String::new(), |c| c.name_zh().to_string())
}

/// A review decision as written in the sheets: 已核实, 不是问题：reason, 已整改.
pub(crate) fn review(f: &Value) -> String {
    let Some(r) = f.get("review") else {
        return String::new();
    };
    let state = str_at(r, "state_zh").unwrap_or_default();
    match str_at(r, "reason") {
        Some(reason) => format!("{state}：{reason}"),
        None => state.to_string(),
    }
}

const ROSTER_COLS: &[Col] = &[
    col("单位", 36.0, true),
    col("核对结果", 18.0, false),
    col("报告文件", 40.0, true),
    col("报告中的机关名称", 30.0, true),
];

/// 缺报单位: every unit of the roster with what the batch has of it, then the reports of no
/// listed unit; one line when no roster was given.
fn roster(doc: &Doc) -> Grid {
    let Some(roster) = doc.roster else {
        return Grid {
            cols: ROSTER_COLS,
            rows: vec![vec![Cell::text("未提供单位名单，无法核对缺报单位。")]],
        };
    };
    let sources = |indices: &[Value]| {
        indices
            .iter()
            .filter_map(|i| doc.report(i.as_u64().and_then(|i| usize::try_from(i).ok())))
            .map(|r| r.source)
            .collect::<Vec<_>>()
            .join("；")
    };
    let mut rows: Vec<Vec<Cell>> = array_at(roster, "units")
        .iter()
        .map(|u| {
            let status = match str_at(u, "match") {
                Some("exact") => "已报送",
                Some("guess") => "已报送（按名称推测）",
                Some("missing") => "缺报",
                _ => "",
            };
            vec![
                Cell::opt_text(str_at(u, "unit")),
                Cell::text(status),
                Cell::text(sources(array_at(u, "reports"))),
                Cell::opt_text(str_at(u, "agency")),
            ]
        })
        .collect();
    rows.extend(array_at(roster, "unlisted").iter().map(|i| {
        let r = doc.report(i.as_u64().and_then(|i| usize::try_from(i).ok()));
        vec![
            Cell::opt_text(r.and_then(|r| r.agency)),
            Cell::text("名单以外"),
            Cell::opt_text(r.map(|r| r.source)),
            Cell::opt_text(r.and_then(|r| r.agency)),
        ]
    }));
    Grid {
        cols: ROSTER_COLS,
        rows,
    }
}
