//! 导出 CSV and 导出 JSON: what Excel and WPS get (BOM, CRLF, RFC 4180 quoting, every cell,
//! blanks blank, the findings), the CLI's JSON document, and the files' names.

#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use gouji_core::json::Document;
use gouji_core::{Report, Value};
use gouji_web::batch::{Batch, BatchAction};
use gouji_web::export::{
    batch_csv, batch_file_name, batch_json, file_name, report_csv, report_json, Csv,
};
use gouji_web::review::{fingerprint, Decision, ReviewState, Reviews};
use gouji_web::{labels, reading};

fn seed(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const S000: &str = "000_7dba22183337286f.txt";
const S001: &str = "001_a59a8232ffc24999.txt";
const S004: &str = "004_a362a86d6de7df23.txt";

/// Reads CSV as RFC 4180 says (quoted fields may hold commas, quotes and line breaks).
fn parse(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{FEFF}').expect("a byte order mark");
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only before LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a bare LF ends a record"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

#[test]
fn fields_are_quoted_as_rfc_4180_says() {
    let mut csv = Csv::new();
    csv.row(&[
        "plain",
        "a,b",
        "say \"hi\"",
        "two\nlines",
        " padded ",
        "",
        "中文",
    ]);
    csv.row(&["=1+2", "+x", "@sum", "-5", "-", "-x", "3"]);
    let text = csv.finish();
    assert!(text.starts_with('\u{FEFF}'));
    assert_eq!(
        text,
        "\u{FEFF}plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",,中文\r\n'=1+2,'+x,'@sum,-5,-,'-x,3\r\n"
    );
    let records = parse(&text);
    assert_eq!(
        records[0],
        [
            "plain",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            " padded ",
            "",
            "中文"
        ]
    );
}

/// The blocks of a report's CSV, split at its empty lines.
fn blocks(csv: &str) -> Vec<Vec<Vec<String>>> {
    let mut out = vec![Vec::new()];
    for record in parse(csv) {
        if record == [""] {
            out.push(Vec::new());
        } else {
            out.last_mut().unwrap().push(record);
        }
    }
    out
}

fn report(name: &str) -> Report {
    reading::check_now(name, &seed(name)).report
}

#[test]
fn the_csv_of_a_report_has_every_cell_and_every_finding() {
    for name in [S000, S001, S004] {
        let report = report(name);
        // One finding marked 不是问题: the CSV says so in its 审核 and 理由 columns.
        let marked = report.findings.first();
        let reviews = marked.map_or_else(Reviews::default, |f| {
            Reviews::default().with(
                &fingerprint(&report, f),
                Some(Decision::new(ReviewState::NotAProblem, "表内注明", 1.0)),
            )
        });
        let csv = report_csv(Some(name), &report, &reviews);
        let blocks = blocks(&csv);
        assert_eq!(blocks.len(), 3, "{name}: facts, cells, findings");
        let facts = &blocks[0];
        assert_eq!(facts[0], ["报告", name]);
        assert_eq!(facts[1], ["机关", report.agency.as_deref().unwrap()]);
        assert_eq!(facts[2], ["年度", &report.year.unwrap().to_string()]);
        assert_eq!(facts[3], ["格式", report.template.name_zh()]);

        let cells = &blocks[1];
        assert_eq!(cells[0], ["表格", "行", "列", "数值", "原文", "单元格"]);
        let extra: usize = report
            .tables
            .iter()
            .flat_map(|t| &t.extra_rows)
            .map(|r| r.values.len())
            .sum();
        let expected: usize = report.tables.iter().map(|t| t.cells().count()).sum();
        assert!(expected > 50, "{name}: {expected} cells");
        assert_eq!(
            cells.len() - 1,
            expected + extra,
            "{name}: one record per cell"
        );
        let mut blank = 0;
        for table in report.tables.iter() {
            for (row, cell) in table.cells() {
                let path = table.path(row.def.key, cell.col);
                let record = cells
                    .iter()
                    .find(|r| r[5] == path)
                    .unwrap_or_else(|| panic!("{path}"));
                let name_of = labels::cell_name(&report, &path).unwrap();
                assert_eq!(record[0], table.kind.name_zh());
                assert_eq!(record[1], row.def.label);
                assert_eq!(record[2], name_of.col);
                assert_eq!(record[4], cell.raw, "{path}: as written");
                match &cell.value {
                    Value::Number(n) => assert_eq!(record[3], labels::number(*n), "{path}"),
                    _ => {
                        assert_eq!(record[3], "", "{path}: blank kept blank");
                        blank += 1;
                    }
                }
            }
        }
        if name == S000 {
            assert!(blank > 0, "seed 000 has blank cells (V201)");
        }

        let findings = &blocks[2];
        assert_eq!(
            findings[0],
            [
                "级别",
                "代码",
                "说明",
                "涉及单元格",
                "单元格路径",
                "审核",
                "理由"
            ]
        );
        assert_eq!(findings.len() - 1, report.findings.len());
        if marked.is_some() {
            assert_eq!(findings[1][5..], ["不是问题", "表内注明"], "{name}");
        }
        for (record, f) in findings[1..].iter().zip(&report.findings) {
            if !marked.is_some_and(|m| std::ptr::eq(f, m)) {
                assert_eq!(record[5..], ["", ""], "{name}: not marked");
            }
            assert_eq!(record[0], f.severity.name_zh());
            assert_eq!(record[1], f.code);
            assert_eq!(record[2], f.message);
            assert_eq!(record[4], f.cells.join(" "));
            assert_eq!(
                record[3].split('；').filter(|s| !s.is_empty()).count(),
                f.cells.len()
            );
        }
    }
}

#[test]
fn the_json_of_a_report_is_the_clis_document() {
    let report = report(S001);
    let json = report_json(Some(S001), &report, &Reviews::default());
    assert_eq!(
        json,
        Document::new(&[(Some(S001), &report)], &[], false).to_pretty()
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], 1);
    assert_eq!(value["reports"][0]["source"], S001);
    assert_eq!(value["reports"][0]["year"], 2020);
    assert_eq!(value["across"], serde_json::json!([]));
    assert!(json.ends_with("}\n"));
    // No name, no source.
    let unnamed: serde_json::Value =
        serde_json::from_str(&report_json(None, &report, &Reviews::default())).unwrap();
    assert!(unnamed["reports"][0].get("source").is_none());
}

#[test]
fn a_batch_exports_its_table_and_the_clis_document() {
    let names = [S000, S001, S004];
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.resize(2048, 0);
    let mut files: Vec<(String, Vec<u8>)> =
        names.iter().map(|n| (n.to_string(), seed(n))).collect();
    files.push(("旧格式.doc".into(), doc));
    let mut batch = Batch::default().apply(BatchAction::Start {
        id: 1,
        files: files.iter().map(|(n, b)| (n.clone(), b.len())).collect(),
        left_out: 0,
    });
    for (index, (name, bytes)) in files.iter().enumerate() {
        batch = batch.apply(BatchAction::Read {
            id: 1,
            index,
            checked: Box::new(reading::check_now(name, bytes)),
        });
    }
    // The first report's findings all decided but one: its row says 待处理 1.
    let first_report = batch.items[0].checked_report().unwrap().clone();
    let mut reviews = Reviews::default();
    for f in first_report.findings.iter().skip(1) {
        reviews = reviews.with(
            &fingerprint(&first_report, f),
            Some(Decision::new(ReviewState::Fixed, "", 1.0)),
        );
    }
    let records = parse(&batch_csv(&batch, &reviews));
    assert_eq!(
        records[0],
        [
            "文件名",
            "机关",
            "年度",
            "模板",
            "错误",
            "警告",
            "提示",
            "待处理",
            "状态",
            "说明"
        ]
    );
    assert_eq!(records.len(), 1 + files.len());
    for (record, row) in records[1..].iter().zip(batch.all_rows()) {
        assert_eq!(record[0], row.item.name.as_str());
        assert_eq!(record[8], row.status.label());
    }
    let first = &records[1];
    let alone = report(S000);
    assert_eq!(first[1], alone.agency.clone().unwrap());
    assert_eq!(
        first[4],
        alone.count(gouji_core::Severity::Error).to_string()
    );
    let unread = records.last().unwrap();
    assert_eq!(unread[4], "", "no counts for a file not read");
    assert!(!unread[9].is_empty(), "why it was not read");
    assert_eq!(unread[7], "", "no 待处理 for a file not read");
    let expected_pending =
        usize::from(first_report.findings[0].severity != gouji_core::Severity::Info);
    assert_eq!(records[1][7], expected_pending.to_string());
    assert_eq!(
        records[2][7],
        report(S001)
            .findings
            .iter()
            .filter(|f| f.severity != gouji_core::Severity::Info)
            .count()
            .to_string()
    );

    // JSON: every file the core had bytes of, as the CLI lists them (the .doc with its S101).
    let json = batch_json(&batch, &Reviews::default());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let reports = value["reports"].as_array().unwrap();
    assert_eq!(reports.len(), files.len());
    for ((name, bytes), entry) in files.iter().zip(reports) {
        let alone = gouji_core::check_bytes(bytes).report;
        let expected = serde_json::to_value(gouji_core::json::Entry {
            source: Some(name),
            report: &alone,
        })
        .unwrap();
        assert_eq!(*entry, expected, "{name}");
    }
    assert_eq!(value["across"], serde_json::json!([]));
}

#[test]
fn file_names_come_from_the_agency_and_year_or_the_file() {
    let named = report(S001);
    assert_eq!(
        file_name(Some(S001), &named, "csv"),
        "湘西高新区2020年报告-勾稽检查结果.csv"
    );
    let unknown = gouji_core::check("没有机关，没有年份。");
    assert_eq!(
        file_name(Some("a/b/年报 2023.txt"), &unknown, "json"),
        "年报 2023-勾稽检查结果.json"
    );
    assert_eq!(
        file_name(Some("报告"), &unknown, "csv"),
        "报告-勾稽检查结果.csv"
    );
    assert_eq!(file_name(None, &unknown, "csv"), "报告-勾稽检查结果.csv");
    assert_eq!(
        file_name(Some("a:b*c?.txt"), &unknown, "csv"),
        "a_b_c_-勾稽检查结果.csv"
    );
    assert_eq!(
        file_name(Some("..."), &unknown, "csv"),
        "报告-勾稽检查结果.csv"
    );
    let batch = Batch::default().apply(BatchAction::Start {
        id: 1,
        files: vec![("a".into(), 1), ("b".into(), 1)],
        left_out: 0,
    });
    assert_eq!(batch_file_name(&batch, "csv"), "勾稽批量检查-2份报告.csv");
}
