//! What a correct checker says about the fixtures, written out from the spec
//! (seeds-expected.md for the five seeds, the reports' README for the three PDF extractions),
//! independently of what the core prints today. The snapshots in `snapshots.rs` record the
//! output; these tests say whether it is right.
//!
//! Each test runs the `gouji` command with `--format json` and compares:
//! template, year, agency, the exact set of errors (code, subject, expected, actual), the
//! exact set of warnings, the infos the spec names, and the exit status.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{gouji, seed};
use serde_json::Value;

/// `(code, subject, expected, actual)` of a finding, numbers as JSON gives them.
type Key = (String, String, Option<f64>, Option<f64>);

fn findings(report: &Value, severity: &str) -> Vec<Key> {
    let mut out: Vec<Key> = report["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .filter(|f| f["severity"] == severity)
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_string(),
                f["subject"].as_str().unwrap_or_default().to_string(),
                f["expected"].as_f64(),
                f["actual"].as_f64(),
            )
        })
        .collect();
    out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    out
}

fn key(code: &str, subject: &str, expected: f64, actual: f64) -> Key {
    (
        code.to_string(),
        subject.to_string(),
        Some(expected),
        Some(actual),
    )
}

fn codes(report: &Value, severity: &str) -> Vec<String> {
    findings(report, severity)
        .into_iter()
        .map(|k| k.0)
        .collect()
}

/// Check one file as JSON; returns the report and the exit status.
fn check(path: &str) -> (Value, i32) {
    let run = gouji(&["check", "--format", "json", path]);
    assert!(run.stderr.is_empty(), "{path}: stderr: {}", run.stderr);
    (run.report(), run.code)
}

fn assert_head(report: &Value, template: &str, year: i64, agency: &str) {
    assert_eq!(report["template"], template, "template");
    assert_eq!(report["year"], year, "year");
    assert_eq!(report["agency"], agency, "agency");
}

fn cell(report: &Value, table: &str, row: &str, col: &str) -> Value {
    report["tables"][table][row][col].clone()
}

// ---------------------------------------------------------------- 000 湘阴县人民政府 2020

#[test]
fn seed_000_xiangyin_2020() {
    let (r, code) = check(&seed("000"));
    assert_head(&r, "gb2019", 2020, "湘阴县人民政府");
    // A303: actual = new + carried_in, expected = total + carried_out.
    // R401: actual = total, expected = the sum of the four outcomes.
    assert_eq!(
        findings(&r, "error"),
        vec![
            key("A303", "requests/col/legal_service", 8.0, 5.0),
            key("A303", "requests/col/natural", 36.0, 39.0),
            key("R401", "appeals/suit_after_review", 1.0, 0.0),
        ]
    );
    assert_eq!(codes(&r, "warning"), Vec::<String>::new(), "no warnings");
    assert!(
        findings(&r, "info")
            .iter()
            .any(|k| k.0 == "V201" && k.1 == "requests"),
        "V201 on requests (many blank cells)"
    );
    // The narrative agrees with the tables (44 received, 39 answered, 5 in process).
    let n: Vec<Value> = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with('N')))
        .cloned()
        .collect();
    assert!(n.is_empty(), "no N finding: {n:?}");
    assert_eq!(code, 1);
}

/// The numbers of the JSON contract's own example (cli.md), which is this report.
#[test]
fn seed_000_tables_as_in_the_contract_example() {
    let (r, _) = check(&seed("000"));
    for (col, v) in [
        ("natural", Value::from(39)),
        ("commercial", Value::Null),
        ("research", Value::Null),
        ("nonprofit", Value::Null),
        ("legal_service", Value::from(5)),
        ("other_org", Value::Null),
        ("total", Value::from(44)),
    ] {
        assert_eq!(cell(&r, "requests", "new", col), v, "requests/new/{col}");
    }
    for (col, v) in [("made", 0), ("published", 0), ("public_total", 0)] {
        assert_eq!(cell(&r, "active", "rules", col), v, "active/rules/{col}");
    }
    for (col, v) in [
        ("upheld", 0),
        ("corrected", 0),
        ("other", 1),
        ("pending", 0),
        ("total", 1),
    ] {
        assert_eq!(
            cell(&r, "appeals", "review", col),
            v,
            "appeals/review/{col}"
        );
    }
    // 3.6亿元 in 元.
    assert_eq!(cell(&r, "active", "procurement", "amount"), 360_000_000);
}

// ---------------------------------------------------------------- 001 湘西高新区 2020

#[test]
fn seed_001_xiangxi_2020() {
    let (r, code) = check(&seed("001"));
    assert_head(&r, "gb2019", 2020, "湘西高新区");
    // A301: actual = the row's total, expected = the sum of its parts.
    // A302: actual = （七）总计, expected = the sum of the outcome rows.
    assert_eq!(
        findings(&r, "error"),
        vec![
            key("A301", "requests/row/new", 1.0, 0.0),
            key("A301", "requests/row/other", 1.0, 0.0),
            key("A302", "requests/col/total", 0.0, 1.0),
            key("A303", "requests/col/total", 1.0, 0.0),
        ]
    );
    assert_eq!(codes(&r, "warning"), Vec::<String>::new(), "no warnings");
    assert_eq!(code, 1);
}

// ---------------------------------------------------------------- 002 清流县人民政府 2013

#[test]
fn seed_002_qingliu_2013() {
    let (r, code) = check(&seed("002"));
    assert_head(&r, "legacy", 2013, "清流县人民政府");
    assert_eq!(findings(&r, "error"), Vec::<Key>::new(), "no errors");
    // Exactly one warning: N608 on "规划计划类信息89条,占6%" (89 / 1348 = 6.6 %).
    let warnings: Vec<&Value> = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "warning")
        .collect();
    assert_eq!(
        codes(&r, "warning"),
        vec!["N608".to_string()],
        "warnings: {warnings:?}"
    );
    let w = warnings[0];
    let quote = w["quote"].as_str().unwrap_or_default();
    assert!(
        quote.contains("89条") && quote.contains("6%"),
        "N608 quotes the 89条/6% clause: {quote}"
    );
    assert_eq!(w["actual"].as_f64(), Some(6.0), "the text says 6%");
    let expected = w["expected"].as_f64().unwrap_or(f64::NAN);
    assert!(
        (expected - 6.6).abs() < 0.05,
        "89 / 1348 = 6.6 %, got {expected}"
    );
    assert_eq!(code, 0);
}

// ---------------------------------------------------------------- 003 秀山 2023

#[test]
fn seed_003_xiushan_2023() {
    let (r, code) = check(&seed("003"));
    assert_head(&r, "gb2021", 2023, "秀山土家族苗族自治县人民政府办公室");
    assert_eq!(findings(&r, "error"), Vec::<Key>::new(), "no errors");
    assert_eq!(codes(&r, "warning"), Vec::<String>::new(), "no warnings");
    // The statistics period lost characters: M702 as info.
    assert!(codes(&r, "info").contains(&"M702".to_string()), "M702 info");
    assert_eq!(code, 0);
}

// ---------------------------------------------------------------- 004 沿海工业城 2021

#[test]
fn seed_004_yanhai_2021() {
    let (r, code) = check(&seed("004"));
    assert_head(&r, "gb2021", 2021, "沿海工业城发展服务中心");
    assert_eq!(findings(&r, "error"), Vec::<Key>::new(), "no errors");
    assert_eq!(codes(&r, "warning"), Vec::<String>::new(), "no warnings");
    assert_eq!(code, 0);
}

// ---------------------------------------------------------------- the PDF extractions

#[test]
fn hongze_2023() {
    let (r, code) = check("tests/fixtures/reports/hongze-2023-qzf.pdf.txt");
    assert_eq!(r["template"], "gb2021");
    assert_eq!(r["year"], 2023);
    // The title prints "洪泽区人民政府"; the body names 淮安市洪泽区人民政府.
    let agency = r["agency"].as_str().unwrap_or_default();
    assert!(agency.ends_with("洪泽区人民政府"), "agency {agency}");
    assert_eq!(
        findings(&r, "error"),
        vec![
            key("R401", "appeals/review", 11.0, 0.0),
            key("R401", "appeals/suit_after_review", 5.0, 0.0)
        ]
    );
    assert_eq!(
        codes(&r, "warning"),
        vec!["S102".to_string()],
        "the single-row （六）其他处理"
    );
    // The requests table balances: 21 received, 21 processed; the typo'd label
    // "2.其他法律行政止公开" is still read as its row.
    assert_eq!(cell(&r, "requests", "new", "total"), 21);
    assert_eq!(cell(&r, "requests", "total", "total"), 21);
    assert_eq!(cell(&r, "requests", "withheld.prohibited", "total"), 0);
    assert_eq!(code, 1);
}

#[test]
fn hongze_2024() {
    let (r, code) = check("tests/fixtures/reports/hongze-2024-qzf.pdf.txt");
    assert_head(&r, "gb2021", 2024, "淮安市洪泽区人民政府");
    assert_eq!(findings(&r, "error"), Vec::<Key>::new(), "no errors");
    // S102 for the single-row （六）. The prose's 17 件 (the office alone) vs the table's 95
    // is a different scope: a warning is defensible only as N601 saying so.
    let warnings = codes(&r, "warning");
    assert!(warnings.contains(&"S102".to_string()), "S102: {warnings:?}");
    assert!(
        warnings.iter().all(|c| c == "S102" || c == "N601"),
        "warnings: {warnings:?}"
    );
    assert_eq!(cell(&r, "requests", "new", "total"), 95);
    assert_eq!(cell(&r, "requests", "total", "total"), 95);
    for (group, total) in [("review", 2), ("suit_direct", 1), ("suit_after_review", 3)] {
        assert_eq!(
            cell(&r, "appeals", group, "total"),
            total,
            "appeals/{group}/total"
        );
    }
    assert_eq!(code, 0);
}

#[test]
fn huaian_2024() {
    let (r, code) = check("tests/fixtures/reports/huaian-2024-szf.pdf.txt");
    assert_head(&r, "gb2021", 2024, "淮安市人民政府");
    assert_eq!(findings(&r, "error"), Vec::<Key>::new(), "no errors");
    assert_eq!(codes(&r, "warning"), Vec::<String>::new(), "no warnings");
    // 3119 + 34 = 3050 + 103; the fee cell is 96171.6 (万元); "（四）无 / 法提供" is read.
    assert_eq!(cell(&r, "requests", "new", "total"), 3119);
    assert_eq!(cell(&r, "requests", "carried_in", "total"), 34);
    assert_eq!(cell(&r, "requests", "total", "total"), 3050);
    assert_eq!(cell(&r, "requests", "carried_out", "total"), 103);
    assert_eq!(cell(&r, "active", "fees", "amount"), 96171.6);
    assert_eq!(cell(&r, "requests", "unavailable.not_held", "total"), 769);
    assert_eq!(code, 0);
}

/// 结转下年度 of 2023 (0) equals 上年结转 of 2024 (0) in every column: checked together,
/// the two 洪泽区 reports give no Y801.
#[test]
fn hongze_2023_and_2024_together_hold_y801() {
    let run = gouji(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/reports/hongze-2023-qzf.pdf.txt",
        "tests/fixtures/reports/hongze-2024-qzf.pdf.txt",
    ]);
    let doc = run.json();
    let y: Vec<&Value> = doc["reports"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| r["findings"].as_array().into_iter().flatten())
        .filter(|f| f["code"] == "Y801")
        .collect();
    assert!(y.is_empty(), "no Y801: {y:?}");
    // 2023 has R401 errors.
    assert_eq!(run.code, 1);
}
