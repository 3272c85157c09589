//! A report's tables rendered as an official-template web page (the table the template
//! prints, with rowspan and colspan, holding the values as the report wrote them), the rest
//! of its text as paragraphs. Used by `tests/html.rs` (the seeds as pages read like their
//! text) and by `examples/fixture_tool.rs` (`cargo xtask renderings` writes the seeds as
//! pages into tests/fixtures/corpus/seed-*/page.html).

use std::fmt::Write as _;

use gouji_core::schema::ACTIVE_BLOCKS;
use gouji_core::{Report, Table, Value};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn td(out: &mut String, text: &str, rowspan: usize, colspan: usize) {
    out.push_str("<td");
    if rowspan > 1 {
        let _ = write!(out, " rowspan=\"{rowspan}\"");
    }
    if colspan > 1 {
        let _ = write!(out, " colspan=\"{colspan}\"");
    }
    if text.is_empty() {
        out.push_str("><p align=\"center\">&nbsp;</p></td>");
    } else {
        let _ = write!(
            out,
            "><p align=\"center\"><span>{}</span></p></td>",
            esc(text)
        );
    }
}

/// The raw text of a row's label, as the report wrote it.
fn label(text: &str, row: &gouji_core::Row) -> String {
    row.label_span
        .and_then(|s| text.get(s.start..s.end))
        .map_or_else(|| row.def.label.to_string(), str::to_string)
}

/// A row's values as the report wrote them; cells the report did not have are left out.
fn values(out: &mut String, row: &gouji_core::Row, last_colspan: usize) {
    let present: Vec<&gouji_core::Cell> = row
        .cells
        .iter()
        .filter(|c| c.value != Value::Missing)
        .collect();
    for (i, c) in present.iter().enumerate() {
        let cs = if i + 1 == present.len() {
            last_colspan
        } else {
            1
        };
        td(out, &c.raw, 1, cs);
    }
}

fn extra_rows(out: &mut String, t: &Table) {
    for e in &t.extra_rows {
        out.push_str("<tr>");
        td(out, &e.label, 1, 1);
        for v in &e.values {
            td(out, v, 1, 1);
        }
        out.push_str("</tr>\n");
    }
}

fn active_html(text: &str, t: &Table) -> String {
    let mut out = String::from("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n");
    for (heading, keys) in ACTIVE_BLOCKS {
        let rows: Vec<_> = t
            .rows
            .iter()
            .filter(|r| keys.contains(&r.def.key))
            .collect();
        let Some(first) = rows.first() else { continue };
        out.push_str("<tr>");
        td(&mut out, heading, 1, 4);
        out.push_str("</tr>\n<tr>");
        td(&mut out, "信息内容", 1, 1);
        let n = first.def.cols.len();
        for (i, col) in first.def.cols.iter().enumerate() {
            let cs = if i + 1 == n { 4 - n } else { 1 };
            td(&mut out, col.label, 1, cs);
        }
        out.push_str("</tr>\n");
        for row in rows {
            out.push_str("<tr>");
            td(&mut out, &label(text, row), 1, 1);
            values(&mut out, row, 4 - row.def.cols.len());
            out.push_str("</tr>\n");
        }
    }
    extra_rows(&mut out, t);
    out.push_str("</tbody>\n</table>\n");
    out
}

fn requests_html(text: &str, t: &Table) -> String {
    let mut out = String::from("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n<tr>");
    td(
        &mut out,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        3,
        3,
    );
    td(&mut out, "申请人情况", 1, 7);
    out.push_str("</tr>\n<tr>");
    td(&mut out, "自然人", 2, 1);
    td(&mut out, "法人或其他组织", 1, 5);
    td(&mut out, "总计", 2, 1);
    out.push_str("</tr>\n<tr>");
    for h in [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ] {
        td(&mut out, h, 1, 1);
    }
    out.push_str("</tr>\n");
    let group = |key: &str| -> Option<&'static str> {
        let (g, _) = key.split_once('.')?;
        Some(match g {
            "withheld" => "（三）不予公开",
            "unavailable" => "（四）无法提供",
            "not_processed" => "（五）不予处理",
            _ => "（六）其他处理",
        })
    };
    let top = |key: &str| matches!(key, "new" | "carried_in" | "carried_out");
    let outcomes = t.rows.iter().filter(|r| !top(r.def.key)).count();
    let mut outcome_seen = false;
    let mut group_seen: Option<&str> = None;
    for row in &t.rows {
        let key = row.def.key;
        out.push_str("<tr>");
        if top(key) {
            td(&mut out, &label(text, row), 1, 3);
        } else {
            if !outcome_seen {
                td(&mut out, "三、本年度办理结果", outcomes, 1);
                outcome_seen = true;
            }
            match group(key) {
                Some(g) => {
                    if group_seen != Some(g) {
                        let n = t
                            .rows
                            .iter()
                            .filter(|r| group(r.def.key) == Some(g))
                            .count();
                        td(&mut out, g, n, 1);
                        group_seen = Some(g);
                    }
                    td(&mut out, &label(text, row), 1, 1);
                }
                None => td(&mut out, &label(text, row), 1, 2),
            }
        }
        values(&mut out, row, 1);
        out.push_str("</tr>\n");
    }
    extra_rows(&mut out, t);
    out.push_str("</tbody>\n</table>\n");
    out
}

fn appeals_html(t: &Table) -> String {
    let mut out = String::from("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n<tr>");
    td(&mut out, "行政复议", 1, 5);
    td(&mut out, "行政诉讼", 1, 10);
    out.push_str("</tr>\n<tr>");
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    for h in heads {
        td(&mut out, h, 2, 1);
    }
    td(&mut out, "未经复议直接起诉", 1, 5);
    td(&mut out, "复议后起诉", 1, 5);
    out.push_str("</tr>\n<tr>");
    for h in heads.iter().chain(&heads) {
        td(&mut out, h, 1, 1);
    }
    out.push_str("</tr>\n<tr>");
    for row in &t.rows {
        values(&mut out, row, 1);
    }
    out.push_str("</tr>\n</tbody>\n</table>\n");
    out
}

/// A report as an official-template web page: every line of its text outside the tables
/// a paragraph, each table (from its section heading to its last cell) the table the
/// template prints, with rowspan and colspan, holding the values as the report wrote them.
pub fn official_page(text: &str, report: &Report) -> String {
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i);
    let mut tables: Vec<(usize, usize, String)> = Vec::new();
    for t in report.tables.iter() {
        let Some(span) = t.span else { continue };
        let (section, html) = match t.kind.key() {
            "active" => (2, active_html(text, t)),
            "requests" => (3, requests_html(text, t)),
            "appeals" => (4, appeals_html(t)),
            _ => continue,
        };
        let heading_end = report
            .facts
            .sections
            .iter()
            .filter(|s| s.number == section && s.span.end <= span.start)
            .map(|s| line_end(s.span.end))
            .next_back();
        let start = heading_end.map_or_else(|| line_start(span.start), |e| (e + 1).min(text.len()));
        let end = line_end(span.end);
        tables.push((start, end, html));
    }
    tables.sort_by_key(|t| t.0);
    let mut out = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年报</title></head>\n<body>\n",
    );
    let mut at = 0;
    let paragraphs = |out: &mut String, from: usize, to: usize| {
        for line in text[from..to].lines() {
            let line = line.trim();
            if !line.is_empty() {
                let _ = writeln!(out, "<p>{}</p>", esc(line));
            }
        }
    };
    for (start, end, html) in &tables {
        assert!(*start >= at, "tables overlap");
        paragraphs(&mut out, at, *start);
        out.push_str(html);
        at = *end;
    }
    paragraphs(&mut out, at, text.len());
    out.push_str("</body>\n</html>\n");
    out
}
