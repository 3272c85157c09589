//! 整改清单: what each unit has to change, unit by unit, numbered within the unit. Only open
//! findings: errors and warnings that no review has found 不是问题 or 已整改 (infos are not
//! faults to correct). What to change is the repair's new values when the report's `repair`
//! changes this finding's cells (the equations A301–A303 and R401, which the repair solves),
//! else the rule's 怎么改 (`gouji explain`).

use serde_json::Value;

use crate::doc::{array_at, num_at, str_at, Doc, FindingView};
use crate::{cell_name, col, place, review, severity_name, Cell, Col, Grid};

const COLS: &[Col] = &[
    col("单位", 26.0, true),
    col("序号", 6.0, false),
    col("年度", 7.0, false),
    col("文件", 30.0, true),
    col("级别", 6.0, false),
    col("问题", 60.0, true),
    col("涉及单元格", 36.0, true),
    col("怎么改", 60.0, true),
    col("规则", 7.0, false),
    col("审核", 18.0, true),
];

/// The codes whose findings the repair resolves.
const REPAIRED: [&str; 4] = ["A301", "A302", "A303", "R401"];

pub(crate) fn list(doc: &Doc) -> Grid {
    // Units in the order their first report comes in the document.
    let mut units: Vec<&str> = Vec::new();
    for r in &doc.reports {
        if !units.contains(&r.unit()) {
            units.push(r.unit());
        }
    }
    let mut rows = Vec::new();
    for unit in units {
        let open = doc
            .findings
            .iter()
            .filter(|f| f.is_open() && doc.report(f.report).map(|r| r.unit()) == Some(unit));
        // Each report's own findings, then its cross-report ones: sorted by report, stable.
        let mut open: Vec<&FindingView> = open.collect();
        open.sort_by_key(|f| f.report);
        for (n, f) in (1u32..).zip(open) {
            let report = doc.report(f.report);
            rows.push(vec![
                Cell::text(unit),
                Cell::Number(f64::from(n)),
                Cell::opt_number(report.and_then(|r| r.year).map(|y| y as f64)),
                Cell::opt_text(report.map(|r| r.source)),
                Cell::text(severity_name(f.severity)),
                Cell::text(problem(f.value)),
                Cell::text(place(f.value)),
                Cell::text(change(report.map(|r| r.value), f)),
                Cell::text(f.code),
                Cell::text(review(f.value)),
            ]);
        }
    }
    Grid { cols: COLS, rows }
}

/// The finding as a sentence: its message, and the quote it rests on.
fn problem(f: &Value) -> String {
    let message = str_at(f, "message").unwrap_or_default();
    match str_at(f, "quote") {
        Some(q) if !q.is_empty() => format!("{message}（原文：{q}）"),
        _ => message.to_string(),
    }
}

/// What to change: the repair's changes among the finding's cells, else the rule's advice.
fn change(report: Option<&Value>, f: &FindingView) -> String {
    let repaired = report
        .filter(|_| REPAIRED.contains(&f.code))
        .map(|r| repair_steps(r, f.value))
        .filter(|steps| !steps.is_empty());
    match repaired {
        Some(steps) => steps,
        None => {
            gouji_core::explain::explain(f.code).map_or_else(String::new, |e| e.fix.to_string())
        }
    }
}

fn repair_steps(report: &Value, f: &Value) -> String {
    let cells: Vec<&str> = array_at(f, "cells")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let steps: Vec<String> = array_at(report, "repair")
        .iter()
        .filter(|c| str_at(c, "cell").is_some_and(|cell| cells.contains(&cell)))
        .filter_map(|c| {
            let cell = cell_name(str_at(c, "cell")?);
            let to = fmt(num_at(c, "to")?);
            let from = if c.get("blank").is_some() {
                "空白".to_string()
            } else {
                num_at(c, "from").map_or_else(|| "无法读出的值".to_string(), fmt)
            };
            let choice = if c.get("determined").and_then(Value::as_bool) == Some(false) {
                "（可取的值之一）"
            } else {
                ""
            };
            Some(format!("把“{cell}”由 {from} 改为 {to}{choice}"))
        })
        .collect();
    if steps.is_empty() {
        return String::new();
    }
    let count = report
        .get("repair_count")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let exhausted = report.get("repair_exhausted").and_then(Value::as_bool) == Some(true);
    let note = if exhausted {
        "（按使所有等式成立的改动推算；搜索未穷尽，可能不是最少改动，请核对原始台账）".to_string()
    } else if count > 1 {
        format!("（按使所有等式成立的最少改动推算，共有 {count} 种同样少的改法，请核对原始台账）")
    } else {
        "（按使所有等式成立的最少改动推算）".to_string()
    };
    format!("{}{note}", steps.join("；"))
}

fn fmt(n: f64) -> String {
    gouji_core::rules::fmt_num(n)
}
