//! The official layout of the three tables as a grid of cells with their row and column
//! spans (each merged cell once, in its first row), the one source of every format's tables.

use gouji_core::schema::{request_rows, template_rows, RowDef, TableKind, ACTIVE_BLOCKS};

use crate::draft::{one_line, Draft};

/// A cell of the printed table.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub rowspan: usize,
    pub colspan: usize,
}

fn cell(text: &str, rowspan: usize, colspan: usize) -> Cell {
    Cell {
        text: text.to_string(),
        rowspan,
        colspan,
    }
}

/// A table as printed: its rows, each with the cells that start in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub kind: TableKind,
    /// Columns the table is wide.
    pub width: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// A row to print: its definition, its label as it is to be printed, and its values in
/// column order (only the cells it has).
pub struct SourceRow {
    pub def: &'static RowDef,
    pub label: String,
    pub values: Vec<String>,
}

/// A table to print: its rows in table order and the rows the template does not have
/// (label and values), printed after them.
pub struct Source {
    pub kind: TableKind,
    pub rows: Vec<SourceRow>,
    pub extra: Vec<(String, Vec<String>)>,
}

/// The label a row prints in its own cell: the template's label without its group's
/// ("（三）不予公开 1.属于国家秘密" → "1.属于国家秘密"; 行政诉讼's rows print no label).
fn own_label(def: &RowDef) -> &'static str {
    if def.key.contains('.') {
        def.label.split_once(' ').map_or(def.label, |(_, own)| own)
    } else {
        def.label
    }
}

impl Source {
    /// A draft's table: every row of its template, every cell (blank when absent), the
    /// template's labels.
    pub fn of_draft(draft: &Draft, kind: TableKind) -> Source {
        let rows: &[RowDef] = match kind {
            TableKind::Requests => request_rows(draft.template, draft.single_other()),
            k => template_rows(k, draft.template),
        };
        let prefix = format!("{}/", kind.key());
        let any = draft.cells.keys().any(|p| p.starts_with(&prefix));
        let rows = rows
            .iter()
            .filter(|def| !any || draft.has_row(kind, def.key))
            .map(|def| SourceRow {
                def,
                label: own_label(def).to_string(),
                values: def
                    .cols
                    .iter()
                    .map(|c| one_line(draft.cell(&format!("{}/{}/{}", kind.key(), def.key, c.key))))
                    .collect(),
            })
            .collect();
        Source {
            kind,
            rows,
            extra: Vec::new(),
        }
    }
}

fn values(out: &mut Vec<Cell>, row: &SourceRow, last_colspan: usize) {
    let n = row.values.len();
    for (i, v) in row.values.iter().enumerate() {
        let cs = if i + 1 == n { last_colspan } else { 1 };
        out.push(cell(v, 1, cs));
    }
}

fn extra_rows(rows: &mut Vec<Vec<Cell>>, src: &Source) {
    for (label, vals) in &src.extra {
        let mut r = vec![cell(label, 1, 1)];
        r.extend(vals.iter().map(|v| cell(v, 1, 1)));
        rows.push(r);
    }
}

fn active(src: &Source) -> Grid {
    let mut rows = Vec::new();
    for (heading, keys) in ACTIVE_BLOCKS {
        let block: Vec<_> = src
            .rows
            .iter()
            .filter(|r| keys.contains(&r.def.key))
            .collect();
        let Some(first) = block.first() else { continue };
        rows.push(vec![cell(heading, 1, 4)]);
        let mut head = vec![cell("信息内容", 1, 1)];
        let n = first.def.cols.len();
        for (i, col) in first.def.cols.iter().enumerate() {
            let cs = if i + 1 == n {
                4usize.saturating_sub(n).max(1)
            } else {
                1
            };
            head.push(cell(col.label, 1, cs));
        }
        rows.push(head);
        for row in block {
            let mut r = vec![cell(&row.label, 1, 1)];
            values(
                &mut r,
                row,
                4usize.saturating_sub(row.def.cols.len()).max(1),
            );
            rows.push(r);
        }
    }
    extra_rows(&mut rows, src);
    Grid {
        kind: TableKind::Active,
        width: 4,
        rows,
    }
}

fn group(key: &str) -> Option<&'static str> {
    let (g, _) = key.split_once('.')?;
    Some(match g {
        "withheld" => "（三）不予公开",
        "unavailable" => "（四）无法提供",
        "not_processed" => "（五）不予处理",
        _ => "（六）其他处理",
    })
}

fn requests(src: &Source) -> Grid {
    let mut rows = vec![
        vec![
            cell(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
                3,
            ),
            cell("申请人情况", 1, 7),
        ],
        vec![
            cell("自然人", 2, 1),
            cell("法人或其他组织", 1, 5),
            cell("总计", 2, 1),
        ],
        [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ]
        .iter()
        .map(|h| cell(h, 1, 1))
        .collect(),
    ];
    let top = |key: &str| matches!(key, "new" | "carried_in" | "carried_out");
    let outcomes = src.rows.iter().filter(|r| !top(r.def.key)).count();
    let mut outcome_seen = false;
    let mut group_seen: Option<&str> = None;
    for row in &src.rows {
        let key = row.def.key;
        let mut r = Vec::new();
        if top(key) {
            r.push(cell(&row.label, 1, 3));
        } else {
            if !outcome_seen {
                r.push(cell("三、本年度办理结果", outcomes, 1));
                outcome_seen = true;
            }
            match group(key) {
                Some(g) => {
                    if group_seen != Some(g) {
                        let n = src
                            .rows
                            .iter()
                            .filter(|r| group(r.def.key) == Some(g))
                            .count();
                        r.push(cell(g, n, 1));
                        group_seen = Some(g);
                    }
                    r.push(cell(&row.label, 1, 1));
                }
                None => r.push(cell(&row.label, 1, 2)),
            }
        }
        values(&mut r, row, 1);
        rows.push(r);
    }
    extra_rows(&mut rows, src);
    Grid {
        kind: TableKind::Requests,
        width: 10,
        rows,
    }
}

fn appeals(src: &Source) -> Grid {
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut second: Vec<Cell> = heads.iter().map(|h| cell(h, 2, 1)).collect();
    second.push(cell("未经复议直接起诉", 1, 5));
    second.push(cell("复议后起诉", 1, 5));
    let mut values_row = Vec::new();
    for row in &src.rows {
        values(&mut values_row, row, 1);
    }
    Grid {
        kind: TableKind::Appeals,
        width: 15,
        rows: vec![
            vec![cell("行政复议", 1, 5), cell("行政诉讼", 1, 10)],
            second,
            heads.iter().chain(&heads).map(|h| cell(h, 1, 1)).collect(),
            values_row,
        ],
    }
}

/// The table as the official format prints it.
pub fn grid(src: &Source) -> Grid {
    match src.kind {
        TableKind::Active => active(src),
        TableKind::Requests => requests(src),
        _ => appeals(src),
    }
}
