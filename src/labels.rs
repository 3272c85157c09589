//! Names for people: a cell path (`requests/new/natural`) as the table, row and column labels
//! the report prints, read from the core's schema and the report's own tables.

use gouji_core::schema;
use gouji_core::{Cell, Change, Report, Row, Table, TableKind, Value};

/// A cell as people name it.
#[derive(Clone, Debug, PartialEq)]
pub struct CellName {
    /// 申请情况表
    pub table: &'static str,
    /// The row's short name (第一项（本年新收）, 不予公开·国家秘密, 行政复议…).
    pub row: &'static str,
    /// The column's label (自然人, 总计, 本年新制作数量…).
    pub col: &'static str,
}

impl CellName {
    /// "申请情况表 · 第一项（本年新收） · 自然人"
    pub fn full(&self) -> String {
        format!("{} · {} · {}", self.table, self.row, self.col)
    }

    /// "第一项（本年新收）·自然人"
    pub fn short(&self) -> String {
        format!("{}·{}", self.row, self.col)
    }
}

/// Splits a path into its table, row and column keys. Row keys may hold dots, never slashes.
pub fn split_path(path: &str) -> Option<(&str, &str, &str)> {
    let (table, rest) = path.split_once('/')?;
    let (row, col) = rest.rsplit_once('/')?;
    Some((table, row, col))
}

/// The table of the report with this key.
pub fn table<'r>(report: &'r Report, key: &str) -> Option<&'r Table> {
    report.tables.iter().find(|t| t.kind.key() == key)
}

/// The row and cell of the report at this path, when the report has them.
pub fn cell<'r>(report: &'r Report, path: &str) -> Option<(&'r Table, &'r Row, &'r Cell)> {
    let (t, r, c) = split_path(path)?;
    let table = table(report, t)?;
    let row = table.row(r)?;
    let cell = row.cell(c)?;
    Some((table, row, cell))
}

/// The name of the cell at this path: from the report's own table when it has the row, else
/// from the schema.
pub fn cell_name(report: &Report, path: &str) -> Option<CellName> {
    let (t, r, c) = split_path(path)?;
    if let Some(table) = table(report, t) {
        if let Some(row) = table.row(r) {
            let col = row.def.cols.iter().find(|d| d.key == c).map(|d| d.label)?;
            return Some(CellName {
                table: table.kind.name_zh(),
                row: row.def.short,
                col,
            });
        }
    }
    let kind = TableKind::ALL.into_iter().find(|k| k.key() == t)?;
    let row = schema::row_def(kind, r)?;
    let col = row.cols.iter().find(|d| d.key == c).map(|d| d.label)?;
    Some(CellName {
        table: kind.name_zh(),
        row: row.short,
        col,
    })
}

/// The 1-based line of a byte offset in `text` (0 when the offset is not in the text).
pub fn line_of(text: &str, offset: usize) -> usize {
    match text.get(..offset) {
        Some(before) => before.bytes().filter(|&b| b == b'\n').count() + 1,
        None => 0,
    }
}

/// A count as people write it: `3`, not `3.0`; a fraction as it is.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// What a cell said before a repair changes it: "0", "空白", "“若干”".
pub fn was(change: &Change) -> String {
    match &change.from {
        Value::Number(n) => number(*n),
        Value::Blank => "空白".to_string(),
        Value::Unreadable => format!("“{}”", change.raw),
        Value::Missing => "未写出".to_string(),
    }
}

/// "建议改为 1（原为 0）": the repair's value for a cell, and what the cell said.
pub fn suggestion(change: &Change) -> String {
    let was = match &change.from {
        Value::Blank => "原为空白，按 0 计".to_string(),
        Value::Number(_) => format!("原为 {}", was(change)),
        Value::Unreadable => format!("原为{}，无法读作数字", was(change)),
        Value::Missing => "原未写出".to_string(),
    };
    format!("建议改为 {}（{was}）", number(change.to))
}
