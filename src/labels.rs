//! Names for people: a cell path (`requests/new/natural`) as the table, row and column labels
//! the report prints, read from the core's schema and the report's own tables.

use gouji_core::schema;
use gouji_core::{Cell, Report, Row, Table, TableKind};

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
