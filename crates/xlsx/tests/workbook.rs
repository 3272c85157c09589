//! The workbook read back with calamine: its sheets, header rows, row counts equal to the JSON
//! document's, and the values of known reports (the seeds and the jtj corpus pages).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Cursor;
use std::path::Path;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use serde_json::{json, Value};

use gouji_xlsx::sheets::{sheet_of, Sheet};
use gouji_xlsx::{workbook, workbook_from_json, SHEET_NAMES};

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The document `gouji check --format json` gives for the seeds and the jtj pages.
fn document() -> Value {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(fixtures().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for year in 2020..=2025 {
        files.push(fixtures().join(format!("corpus/jtj-{year}/page.html")));
    }
    let checked: Vec<(String, gouji_core::Report)> = files
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let dir = p.parent().unwrap().file_name().unwrap().to_string_lossy();
            let name = p.file_name().unwrap().to_string_lossy();
            (
                format!("{dir}/{name}"),
                gouji_core::check_bytes(&bytes).report,
            )
        })
        .collect();
    let reports: Vec<&gouji_core::Report> = checked.iter().map(|(_, r)| r).collect();
    let across = gouji_core::across::check_across(&reports);
    let named: Vec<(Option<&str>, &gouji_core::Report)> =
        checked.iter().map(|(s, r)| (Some(s.as_str()), r)).collect();
    let doc = gouji_core::json::Document::new(&named, &across, false);
    serde_json::to_value(&doc).unwrap()
}

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: Vec<u8>) -> Book {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name).unwrap()
}

/// The rows under the header, as text (numbers as written by `Data`'s Display).
fn body(range: &Range<Data>) -> Vec<Vec<String>> {
    range
        .rows()
        .skip(1)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn header(range: &Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn column(range: &Range<Data>, title: &str) -> usize {
    header(range).iter().position(|h| h == title).unwrap()
}

/// Every finding of the document: (report index or None, the finding).
fn all_findings(doc: &Value) -> Vec<&Value> {
    let mut out: Vec<&Value> = doc["reports"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["findings"].as_array().unwrap())
        .collect();
    out.extend(doc["across"].as_array().unwrap());
    out
}

#[test]
fn sheets_headers_and_counts_follow_the_document() {
    let doc = document();
    let mut book = open(workbook(&doc).unwrap());
    assert_eq!(book.sheet_names(), SHEET_NAMES.map(String::from).to_vec());

    let summary = sheet(&mut book, "汇总");
    assert_eq!(header(&summary)[..4], ["文件", "单位", "年度", "模板"]);
    assert_eq!(
        body(&summary).len(),
        doc["reports"].as_array().unwrap().len()
    );

    let findings = all_findings(&doc);
    assert!(
        !doc["across"].as_array().unwrap().is_empty(),
        "jtj has Y802"
    );
    let mut listed = 0;
    for s in Sheet::ALL {
        let range = sheet(&mut book, s.name());
        assert_eq!(
            header(&range)[..11],
            [
                "单位",
                "年度",
                "文件",
                "规则",
                "级别",
                "位置",
                "说明",
                "应为",
                "实为",
                "原文",
                "读取把握"
            ]
        );
        let rows = body(&range);
        let code = column(&range, "规则");
        let expected = findings
            .iter()
            .filter(|f| sheet_of(f["code"].as_str().unwrap()) == s)
            .count();
        let with_code = rows.iter().filter(|r| !r[code].is_empty()).count();
        assert_eq!(with_code, expected, "{}", s.name());
        listed += with_code;
    }
    assert_eq!(listed, findings.len(), "every finding on one sheet");

    // No roster in the document: one line says so.
    let roster = body(&sheet(&mut book, "缺报单位"));
    assert_eq!(roster.len(), 1);
    assert!(roster[0][0].contains("未提供单位名单"));

    let open_count = findings
        .iter()
        .filter(|f| matches!(f["severity"].as_str(), Some("error" | "warning")))
        .count();
    assert!(open_count > 0);
    assert_eq!(body(&sheet(&mut book, "整改清单")).len(), open_count);
}

#[test]
fn values_of_known_reports() {
    let doc = document();
    let mut book = open(workbook(&doc).unwrap());
    let summary = sheet(&mut book, "汇总");
    let rows = body(&summary);
    let jtj = rows
        .iter()
        .find(|r| r[0] == "jtj-2024/page.html")
        .expect("jtj-2024 in 汇总");
    assert_eq!(jtj[1], "平潭综合实验区交通与建设局");
    assert_eq!(jtj[2], "2024");
    assert_eq!(jtj[4], "2025-01-22");
    assert_eq!(jtj[5], "网页元数据");
    assert!(jtj[6].contains("机关类别不详"), "{}", jtj[6]);
    // Y802 of jtj-2024 counts among its warnings, as the CLI's summary counts it.
    let warnings = column(&summary, "警告");
    assert_eq!(jtj[warnings], "1");

    let seed = rows
        .iter()
        .position(|r| r[0].starts_with("seeds/000_"))
        .expect("seed 000");
    let rate = summary
        .get((seed + 1, column(&summary, "实质公开率")))
        .unwrap();
    assert_eq!(*rate, Data::Float(0.9744));
    assert_eq!(rows[seed][column(&summary, "申请数")], "39");

    let across = sheet(&mut book, "跨年度衔接");
    let y802 = body(&across)
        .into_iter()
        .find(|r| r[3] == "Y802" && r[1] == "2024")
        .expect("Y802 of 2024");
    assert_eq!(y802[0], "平潭综合实验区交通与建设局");
    assert!(y802[5].contains("主动公开情况表"), "{}", y802[5]);
    assert_eq!((y802[7].as_str(), y802[8].as_str()), ("17", "23"));

    // 整改清单: seed 000's equations have a repair; its changes are what to do.
    let fix = sheet(&mut book, "整改清单");
    let how = column(&fix, "怎么改");
    let seed_rows: Vec<Vec<String>> = body(&fix)
        .into_iter()
        .filter(|r| r[0] == "湘阴县人民政府")
        .collect();
    assert!(!seed_rows.is_empty());
    let numbers: Vec<&str> = seed_rows.iter().map(|r| r[1].as_str()).collect();
    let wanted: Vec<String> = (1..=seed_rows.len()).map(|n| n.to_string()).collect();
    assert_eq!(numbers, wanted, "numbered per unit");
    assert!(
        seed_rows.iter().any(|r| r[how].contains("由 空白 改为 3")
            && r[how].contains("第四项（结转下年度） · 自然人列")),
        "{seed_rows:?}"
    );
}

#[test]
fn reviews_roster_and_similarity_are_read_when_present() {
    let mut doc = document();
    // Mark every finding of seed 000 settled: 不是问题 for the first, 已整改 for the rest.
    let findings = doc["reports"][0]["findings"].as_array_mut().unwrap();
    let settled = findings
        .iter()
        .filter(|f| matches!(f["severity"].as_str(), Some("error" | "warning")))
        .count();
    assert!(settled > 1);
    for (n, f) in findings.iter_mut().enumerate() {
        f["review"] = if n == 0 {
            json!({"state": "not_a_problem", "state_zh": "不是问题", "reason": "原表如此"})
        } else {
            json!({"state": "fixed", "state_zh": "已整改"})
        };
    }
    let reports = doc["reports"].as_array().unwrap().len();
    doc["roster"] = json!({
        "source": "units.txt",
        "units": [
            {"unit": "平潭综合实验区交通与建设局", "match": "exact", "reports": [5, 6]},
            {"unit": "湘阴县政府", "match": "guess", "reports": [0], "agency": "湘阴县人民政府"},
            {"unit": "平潭综合实验区另一局", "match": "missing", "reports": []}
        ],
        "missing": 1,
        "unlisted": [1, 2]
    });
    doc["similarity"] = json!([
        {"report": 6, "other": 5, "kind": "previous_year", "share": 0.62, "chars": 2400,
         "repeated_chars": 1488, "method": "去除模板句后逐句比对。",
         "sections": [{"section": 1, "title": "总体情况", "share": 0.7, "chars": 1200, "repeated_chars": 840}]},
        {"report": 0, "other": 6, "kind": "other_unit", "share": 0.31, "chars": 100, "repeated_chars": 31}
    ]);
    let mut book = open(workbook(&doc).unwrap());

    let fix = body(&sheet(&mut book, "整改清单"));
    assert!(
        fix.iter().all(|r| r[0] != "湘阴县人民政府"),
        "settled findings left out"
    );
    let format = sheet(&mut book, "格式与结构");
    let review = column(&format, "审核");
    assert!(body(&format)
        .iter()
        .any(|r| r[0] == "湘阴县人民政府" && r[review] == "不是问题：原表如此"));

    let roster = body(&sheet(&mut book, "缺报单位"));
    assert_eq!(roster.len(), 3 + 2);
    assert_eq!(roster[1][1], "已报送（按名称推测）");
    assert_eq!(roster[1][3], "湘阴县人民政府");
    assert_eq!(roster[2][1], "缺报");
    assert_eq!(roster[3][1], "名单以外");

    let similar = sheet(&mut book, "内容雷同");
    let share = column(&similar, "雷同比例");
    let rows = body(&similar);
    // The document's own Y803/Y804 findings first, then the two entries.
    let findings = doc["across"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| matches!(f["code"].as_str(), Some("Y803" | "Y804")))
        .count();
    assert_eq!(
        rows.len(),
        findings + 2,
        "the findings, then the two entries"
    );
    assert_eq!(similar.get((1 + findings, share)), Some(&Data::Float(0.62)));
    assert!(rows[findings][5].contains("总体情况 70%"));

    let summary = sheet(&mut book, "汇总");
    let prev = column(&summary, "与上年雷同");
    let other = column(&summary, "与他单位雷同");
    assert_eq!(summary.get((7, prev)), Some(&Data::Float(0.62)));
    assert_eq!(summary.get((1, other)), Some(&Data::Float(0.31)));
    assert_eq!(body(&summary).len(), reports);
}

#[test]
fn any_json_object_gives_a_workbook_and_anything_else_a_message() {
    for doc in [
        json!({}),
        json!({"reports": 3, "across": "x", "roster": [], "similarity": {}}),
        json!({"reports": [{"findings": [{"code": 7, "cells": [1, null]}], "year": "x"}],
               "across": [{"code": "Y801", "report": 99}],
               "similarity": [{"report": -1, "share": "a"}]}),
        json!({"reports": [{"source": "长.txt", "findings": [{"code": "A301", "severity": "error",
               "message": "长".repeat(40_000)}]}]}),
    ] {
        let mut book = open(workbook(&doc).unwrap());
        assert_eq!(book.sheet_names().len(), SHEET_NAMES.len());
        let tables = body(&sheet(&mut book, "表格勾稽"));
        for row in tables {
            assert!(row[6].chars().count() < 32_767);
        }
    }
    for bad in ["", "[]", "3", "{", "null"] {
        let message = workbook_from_json(bad).unwrap_err();
        assert!(message.contains("JSON"), "{message}");
    }
    assert!(workbook_from_json(r#"{"format": 1, "reports": [], "across": []}"#).is_ok());
}
