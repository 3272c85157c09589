//! L901 — the legacy statistics table's "其中" items do not fit their total, or 本年 >
//! 历年累计.
//!
//! **What**: in the statistics table of a report for 2018 or earlier, per column:
//! - the "其中" items of a total (行政复议数: 维持 / 纠错 / 其他情形 …) add up to more
//!   than it;
//! - an exhaustive breakdown (the ways of applying: 当面 / 网上 / 信函 …; the kinds of
//!   answer: 同意公开 / 同意部分公开 / 不予公开 / 其他类型 …) does not add up to it (when
//!   a row the reader does not know stands among its items, only "more than the total" is
//!   checked);
//! - an item that may overlap the others (政府网站公开数 under 主动公开文件数: one document
//!   may be on the website and in the gazette) is alone larger than the total;
//! - for every row, 本年 is larger than 历年累计 (the years so far include this one).
//!
//! **Why**: the "其中" hierarchy of the provincial table says so.
//! **Fails**: "受理政府信息公开申请总数 | 10" with 当面 3, 网上 5, 信函 4.
//! **Passes**: 当面 3, 网上 5, 信函 2; seed 002 (政府网站公开数 1348 of 主动公开文件数 2240).
//! **Fix**: correct the total or the item.
//! `actual` = the total, `expected` = the sum of the items; for one item larger than its
//! total, `actual` = the item and `expected` = the total; for 本年 > 历年累计, `actual` =
//! 本年 and `expected` = 历年累计. `cells` and `spans`: the total first, then the items.

use super::{fmt_num, same, Rule};
use crate::report::{Finding, Report, Severity};
use crate::schema::{LegacySplit, LEGACY_GROUPS};
use crate::table::{Row, Table};

pub const RULE: Rule = Rule {
    code: "L901",
    severity: Severity::Warning,
    title: "统计表分项与合计不符",
    check,
};

fn col_zh(col: &str) -> &'static str {
    if col == "cumulative" {
        "历年累计"
    } else {
        "本年"
    }
}

/// A cell's number, when its row's alignment is not a guess.
fn number(row: &Row, col: &str) -> Option<f64> {
    if row.misaligned.is_some() {
        return None;
    }
    row.cell(col).and_then(|c| c.value.as_number())
}

fn check(r: &Report, out: &mut Vec<Finding>) {
    let Some(t) = r.tables.legacy.as_ref() else {
        return;
    };
    for (parent, parts, split) in LEGACY_GROUPS {
        let Some(total_row) = t.row(parent) else {
            continue;
        };
        let rows: Vec<&Row> = parts.iter().filter_map(|p| t.row(p)).collect();
        if rows.is_empty() {
            continue;
        }
        let split = match split {
            LegacySplit::Exhaustive if unknown_inside(t, total_row, parts) => LegacySplit::Parts,
            s => *s,
        };
        for col in total_row.cells.iter().map(|c| c.col) {
            let Some(total) = number(total_row, col) else {
                continue;
            };
            match split {
                LegacySplit::Each => {
                    for row in &rows {
                        let Some(v) = number(row, col) else { continue };
                        if v > total {
                            let msg = format!(
                                "统计表{}列：“{}”为 {}，大于其总数“{}” {}。",
                                col_zh(col),
                                row.def.label,
                                fmt_num(v),
                                total_row.def.label,
                                fmt_num(total)
                            );
                            out.push(finding(t, total_row, &[row], col, msg, total, v));
                        }
                    }
                }
                LegacySplit::Parts | LegacySplit::Exhaustive => {
                    let values: Option<Vec<f64>> = rows.iter().map(|r| number(r, col)).collect();
                    let Some(values) = values else { continue };
                    let sum: f64 = values.iter().sum();
                    let exhaustive = split == LegacySplit::Exhaustive;
                    let wrong = if exhaustive {
                        !same(sum, total)
                    } else {
                        sum > total + 1e-9
                    };
                    if !wrong {
                        continue;
                    }
                    let items: Vec<String> = rows
                        .iter()
                        .zip(&values)
                        .map(|(r, v)| format!("{} {}", r.def.label, fmt_num(*v)))
                        .collect();
                    let how = if exhaustive {
                        "应当等于"
                    } else {
                        "超过了"
                    };
                    let msg = format!(
                        "统计表{}列：“{}”为 {}，其中各项（{}）之和为 {}，{}总数。",
                        col_zh(col),
                        total_row.def.label,
                        fmt_num(total),
                        items.join("、"),
                        fmt_num(sum),
                        how
                    );
                    out.push(finding(t, total_row, &rows, col, msg, sum, total));
                }
            }
        }
    }
    // 本年 ≤ 历年累计.
    for row in &t.rows {
        let (Some(year), Some(all)) = (number(row, "this_year"), number(row, "cumulative")) else {
            continue;
        };
        if year > all + 1e-9 {
            let msg = format!(
                "统计表“{}”本年为 {}，大于历年累计 {}。",
                row.def.label,
                fmt_num(year),
                fmt_num(all)
            );
            let cells = vec![
                t.path(row.def.key, "this_year"),
                t.path(row.def.key, "cumulative"),
            ];
            let spans = ["this_year", "cumulative"]
                .into_iter()
                .filter_map(|c| row.cell(c).and_then(|c| c.span));
            out.push(
                Finding::new(
                    RULE.code,
                    RULE.severity,
                    format!("legacy/row/{}", row.def.key),
                    msg,
                )
                .cells(cells)
                .values(all, year)
                .spans(spans),
            );
        }
    }
}

/// A row the reader does not know stands among the group's items: the breakdown may have
/// more items than were read.
fn unknown_inside(t: &Table, total: &Row, parts: &[&str]) -> bool {
    let Some(start) = total.label_span.map(|s| s.start) else {
        return true;
    };
    // The group ends at the first known row after the total that is not one of its items.
    let end = t
        .rows
        .iter()
        .filter_map(|r| r.label_span.map(|s| (s.start, r.def.key)))
        .filter(|(s, k)| *s > start && !parts.contains(k))
        .map(|(s, _)| s)
        .min()
        .unwrap_or(usize::MAX);
    t.extra_rows
        .iter()
        .filter_map(|e| e.span.map(|s| s.start))
        .any(|s| s > start && s < end)
}

fn finding(
    t: &Table,
    total: &Row,
    parts: &[&Row],
    col: &str,
    msg: String,
    expected: f64,
    actual: f64,
) -> Finding {
    let mut cells = vec![t.path(total.def.key, col)];
    cells.extend(parts.iter().map(|r| t.path(r.def.key, col)));
    let spans = std::iter::once(total)
        .chain(parts.iter().copied())
        .filter_map(|r| r.cell(col).and_then(|c| c.span));
    Finding::new(
        RULE.code,
        RULE.severity,
        format!("legacy/row/{}", total.def.key),
        msg,
    )
    .cells(cells)
    .values(expected, actual)
    .spans(spans)
}
