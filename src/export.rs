//! What 导出 CSV and 导出 JSON save, and under which file name.
//!
//! CSV is for people with Excel or WPS: UTF-8 with a byte order mark (without it Excel reads
//! the file as the system's ANSI code page and the Chinese turns to mojibake), lines ending in
//! CRLF, fields quoted as RFC 4180 says. JSON is the CLI's document exactly
//! ([`gouji_core::json`]), for tools, with one addition: a finding someone marked (已核实,
//! 不是问题, 已整改; [`crate::review`]) carries `review`. The CSV gives the same in its 审核 and
//! 理由 columns, and a batch's rows their 待处理 count.

use gouji_core::json::Document;
use gouji_core::{Report, Value};

use crate::batch::{Batch, Outcome};
use crate::labels;
use crate::review::Reviews;

/// A CSV document being written.
pub struct Csv {
    out: String,
}

impl Default for Csv {
    fn default() -> Self {
        Csv::new()
    }
}

impl Csv {
    /// An empty document: only the byte order mark.
    pub fn new() -> Csv {
        Csv {
            out: String::from('\u{FEFF}'),
        }
    }

    /// One record.
    pub fn row<S: AsRef<str>>(&mut self, fields: &[S]) {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_field(&mut self.out, field.as_ref());
        }
        self.out.push_str("\r\n");
    }

    /// An empty line between blocks.
    pub fn blank(&mut self) {
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// A field, quoted when it holds a comma, a quote or a line break (RFC 4180), or leading or
/// trailing spaces (which spreadsheets would drop). A text that a spreadsheet would run as a
/// formula (`=…`, `+…`, `@…`, `-…` other than a plain number) gets a leading apostrophe, so
/// that a report's text can never be a formula in someone's spreadsheet.
fn push_field(out: &mut String, field: &str) {
    let formula = match field.as_bytes().first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        Some(b'-') => field.len() > 1 && field[1..].parse::<f64>().is_err(),
        _ => false,
    };
    let field = if formula {
        format!("'{field}")
    } else {
        field.to_string()
    };
    let quote =
        field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ');
    if quote {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&field);
    }
}

/// What a cell's number is in the 数值 column: the number, or nothing (a blank cell, a
/// placeholder for zero, text that is not a number, a value never written).
fn value(v: &Value) -> String {
    match v {
        Value::Number(n) => labels::number(*n),
        Value::Blank | Value::Unreadable | Value::Missing => String::new(),
    }
}

/// The CSV of one report: what it is, every cell of its tables (table, row label, column
/// label, the number, the cell as written, its path), then its findings.
pub fn report_csv(source: Option<&str>, report: &Report, reviews: &Reviews) -> String {
    let mut csv = Csv::new();
    csv.row(&["报告", source.unwrap_or("")]);
    csv.row(&["机关", report.agency.as_deref().unwrap_or("未识别")]);
    let year = report
        .year
        .map_or_else(|| "未识别".to_string(), |y| y.to_string());
    csv.row(&["年度", year.as_str()]);
    csv.row(&["格式", report.template.name_zh()]);
    csv.blank();

    csv.row(&["表格", "行", "列", "数值", "原文", "单元格"]);
    for table in report.tables.iter() {
        let name = table.kind.name_zh();
        for (row, cell) in table.cells() {
            let col = row
                .def
                .cols
                .iter()
                .find(|d| d.key == cell.col)
                .map_or(cell.col, |d| d.label);
            let path = table.path(row.def.key, cell.col);
            csv.row(&[
                name,
                row.def.label,
                col,
                &value(&cell.value),
                &cell.raw,
                &path,
            ]);
        }
        // Rows the template does not have: as printed, their numbers by position.
        for extra in &table.extra_rows {
            for (i, v) in extra.values.iter().enumerate() {
                let label = format!("{}（不属于模板）", extra.label);
                let col = format!("第 {} 个数", i + 1);
                csv.row(&[name, &label, &col, "", v, ""]);
            }
        }
    }
    csv.blank();

    csv.row(&[
        "级别",
        "代码",
        "说明",
        "涉及单元格",
        "单元格路径",
        "审核",
        "理由",
    ]);
    for f in &report.findings {
        let names: Vec<String> = f
            .cells
            .iter()
            .map(|p| labels::cell_name(report, p).map_or_else(|| p.clone(), |n| n.full()))
            .collect();
        let review = reviews.of(report, f);
        csv.row(&[
            f.severity.name_zh(),
            f.code,
            &f.message,
            &names.join("；"),
            &f.cells.join(" "),
            review.map_or("", |r| r.mark.name_zh()),
            review.map_or("", |r| r.reason.as_str()),
        ]);
    }
    csv.finish()
}

/// The CSV of a batch: the summary table (every report, whatever the filter shows), then the
/// findings across years.
pub fn batch_csv(batch: &Batch, reviews: &Reviews) -> String {
    let mut csv = Csv::new();
    csv.row(&[
        "文件名",
        "机关",
        "年度",
        "模板",
        "错误",
        "警告",
        "提示",
        "待处理",
        "状态",
        "说明",
    ]);
    for row in batch.all_rows() {
        let read = row.item.report().is_some();
        let count = |n: usize| if read { n.to_string() } else { String::new() };
        let why = match &row.item.outcome {
            Outcome::Unreadable { why, .. } => why.to_string(),
            _ if row.across > 0 => format!("含跨年度核对发现 {} 处", row.across),
            _ => String::new(),
        };
        csv.row(&[
            row.item.name.as_str(),
            row.agency.unwrap_or(""),
            &row.year.map(|y| y.to_string()).unwrap_or_default(),
            row.template.map_or("", |t| t.name_zh()),
            &count(row.errors),
            &count(row.warnings),
            &count(row.infos),
            &row.item
                .report()
                .map(|r| reviews.pending(r).to_string())
                .unwrap_or_default(),
            row.status.label(),
            &why,
        ]);
    }
    if !batch.across.is_empty() {
        csv.blank();
        csv.row(&["跨年度核对", "级别", "代码", "说明"]);
        for (i, f) in batch.across.iter() {
            let name = batch.items.get(*i).map_or("", |item| item.name.as_str());
            csv.row(&[name, f.severity.name_zh(), f.code, &f.message]);
        }
    }
    csv.finish()
}

/// The JSON of one report: the CLI's document for that one file, each finding someone decided
/// on carrying its `review` ([`Reviews::annotated`]).
pub fn report_json(source: Option<&str>, report: &Report, reviews: &Reviews) -> String {
    let annotated = reviews.annotated(report);
    let report = annotated.as_ref().unwrap_or(report);
    Document::new(&[(source, report)], &[], false).to_pretty()
}

/// The JSON of a batch: the CLI's document for its files, in the order given (a file the
/// browser could not read is left out, as the CLI leaves out a path it cannot read), with the
/// roster's result when a roster is loaded.
pub fn batch_json(batch: &Batch, reviews: &Reviews) -> String {
    let mut index = vec![None; batch.items.len()];
    let mut order = Vec::new();
    let mut checked = Vec::new();
    for (i, item) in batch.items.iter().enumerate() {
        if let Some(report) = item.checked_report() {
            index[i] = Some(checked.len());
            order.push(i);
            checked.push((item.name.as_str(), &**report, reviews.annotated(report)));
        }
    }
    let reports: Vec<(Option<&str>, &Report)> = checked
        .iter()
        .map(|(name, report, annotated)| (Some(*name), annotated.as_ref().unwrap_or(report)))
        .collect();
    let across: Vec<(usize, gouji_core::Finding)> = batch
        .across
        .iter()
        .filter_map(|(i, f)| Some((index.get(*i).copied().flatten()?, f.clone())))
        .collect();
    // Shares between two exported reports, their indices into the exported `reports`.
    let similarity: Vec<gouji_core::similarity::Similarity> = batch
        .similarity
        .iter()
        .filter_map(|e| {
            let report = index.get(e.report).copied().flatten()?;
            let other = index.get(e.other).copied().flatten()?;
            Some(gouji_core::similarity::Similarity {
                report,
                other,
                ..e.clone()
            })
        })
        .collect();
    let roster = crate::roster::for_export(batch, &order);
    Document::new(&reports, &across, false)
        .with_similarity(&similarity)
        .with_roster(roster.as_ref())
        .to_pretty()
}

/// A file name for a report's export: its agency and year when the checker found them, else
/// the name of the file it came from, else 报告.
pub fn file_name(source: Option<&str>, report: &Report, ext: &str) -> String {
    let base = match (&report.agency, report.year, source) {
        (Some(agency), Some(year), _) => format!("{agency}{year}年报告"),
        (_, _, Some(source)) => {
            let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
            match name.rsplit_once('.') {
                Some((stem, _)) if !stem.is_empty() => stem.to_string(),
                _ => name.to_string(),
            }
        }
        _ => "报告".to_string(),
    };
    format!("{}-勾稽检查结果.{ext}", safe(&base))
}

/// A file name for a batch's export.
pub fn batch_file_name(batch: &Batch, ext: &str) -> String {
    format!("勾稽批量检查-{}份报告.{ext}", batch.items.len())
}

/// A name every file system takes: no path separators, reserved or control characters, at
/// most 60 characters.
fn safe(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    let name = name.trim().trim_matches('.');
    if name.is_empty() {
        "报告".to_string()
    } else {
        name.to_string()
    }
}
