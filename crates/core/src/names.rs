//! Names for people: a cell path (`requests/total/total`) or a finding's subject
//! (`requests/col/natural`, `appeals/review`, `active`) as the tables' own Chinese labels, from
//! [`crate::schema`]: "申请情况表 · （七）总计 · 总计列". The paths stay the machine's names (JSON,
//! hover text); these are what a person reads.

use crate::schema::{self, TableKind};

/// The table with this key (`active`, `requests`, `appeals`, `legacy`).
fn table_kind(key: &str) -> Option<TableKind> {
    [
        TableKind::Active,
        TableKind::Requests,
        TableKind::Appeals,
        TableKind::Legacy,
    ]
    .into_iter()
    .find(|k| k.key() == key)
}

/// The Chinese name of a column of a table, `None` when the table has no such column.
fn col_name(kind: TableKind, key: &str) -> Option<&'static str> {
    let label = schema::col_label(kind, key);
    (!label.is_empty()).then_some(label)
}

/// The name of a cell path `table/row/col`: "申请情况表 · （七）总计 · 总计列". `None` when the
/// path is not a cell of the schema's tables. Row keys may hold dots, never slashes.
pub fn cell_name(path: &str) -> Option<String> {
    let (table, rest) = path.split_once('/')?;
    let (row, col) = rest.rsplit_once('/')?;
    let kind = table_kind(table)?;
    let def = schema::row_def(kind, row)?;
    let col = def.cols.iter().find(|c| c.key == col)?;
    Some(format!(
        "{} · {} · {}列",
        kind.name_zh(),
        def.short,
        col.label
    ))
}

/// The name of what a finding is about (its `subject`): a cell, a row (`requests/row/new`),
/// a column (`requests/col/natural`), a row of the appeals table (`appeals/review`), a table
/// (`active`), or the whole report (`report`). `None` for a subject the schema does not name.
pub fn subject_name(subject: &str) -> Option<String> {
    if subject == "report" {
        return Some("整份报告".to_string());
    }
    if let Some(kind) = table_kind(subject) {
        return Some(kind.name_zh().to_string());
    }
    let (table, rest) = subject.split_once('/')?;
    let kind = table_kind(table)?;
    if let Some(row) = rest.strip_prefix("row/") {
        let def = schema::row_def(kind, row)?;
        return Some(format!("{} · {}", kind.name_zh(), def.short));
    }
    if let Some(col) = rest.strip_prefix("col/") {
        return Some(format!("{} · {}列", kind.name_zh(), col_name(kind, col)?));
    }
    if !rest.contains('/') {
        let def = schema::row_def(kind, rest)?;
        return Some(format!("{} · {}", kind.name_zh(), def.short));
    }
    cell_name(subject)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_by_table_row_and_column() {
        assert_eq!(
            cell_name("requests/total/total").as_deref(),
            Some("申请情况表 · （七）总计 · 总计列")
        );
        assert_eq!(
            cell_name("requests/withheld.query/natural").as_deref(),
            Some("申请情况表 · 不予公开·行政查询 · 自然人列")
        );
        assert_eq!(
            cell_name("appeals/review/upheld").as_deref(),
            Some("复议诉讼情况表 · 行政复议 · 结果维持列")
        );
        assert_eq!(
            cell_name("active/rules/issued").as_deref(),
            Some("主动公开情况表 · 规章 · 本年制发件数列")
        );
    }

    #[test]
    fn what_is_not_a_cell_has_no_name() {
        for path in [
            "",
            "requests",
            "requests/total",
            "requests/nope/total",
            "requests/total/nope",
            "nope/total/total",
            "requests/total/total/x",
            "requests/col/natural",
        ] {
            assert_eq!(cell_name(path), None, "{path}");
        }
    }

    #[test]
    fn subjects_are_named() {
        let cases = [
            ("report", "整份报告"),
            ("active", "主动公开情况表"),
            ("requests/row/new", "申请情况表 · 第一项（本年新收）"),
            ("requests/col/natural", "申请情况表 · 自然人列"),
            ("appeals/review", "复议诉讼情况表 · 行政复议"),
            ("requests/total/total", "申请情况表 · （七）总计 · 总计列"),
        ];
        for (subject, name) in cases {
            assert_eq!(subject_name(subject).as_deref(), Some(name), "{subject}");
        }
        for subject in [
            "",
            "requests/row/nope",
            "requests/col/nope",
            "x/y",
            "appeals/nope",
        ] {
            assert_eq!(subject_name(subject), None, "{subject}");
        }
    }
}
