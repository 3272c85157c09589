//! Reports of one agency for consecutive years checked in one call are compared (Y801/Y802),
//! and their prose (Y803, the document's `similarity`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::gouji;

/// The `across` entries of the table rules (Y801, Y802).
fn table_findings(json: &serde_json::Value) -> Vec<serde_json::Value> {
    json["across"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|f| f["code"] == "Y801" || f["code"] == "Y802")
        .collect()
}

fn temp_pair(carried_in: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = std::fs::read_to_string(
        common::crate_dir().join("crates/core/tests/fixtures/base/gb2021-pipe.txt"),
    )
    .expect("base fixture");
    let next = base
        .replace("2022年", "2023年")
        .replace("规章 | 1 | 0 | 5 |", "规章 | 1 | 0 | 6 |")
        .replace(
            "行政规范性文件 | 4 | 2 | 30 |",
            "行政规范性文件 | 4 | 2 | 32 |",
        )
        .replace(
            "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
            &format!("二、上年结转政府信息公开申请数量 | {carried_in} |"),
        );
    std::fs::write(dir.path().join("2022.txt"), base).expect("write");
    std::fs::write(dir.path().join("2023.txt"), next).expect("write");
    dir
}

#[test]
fn continuing_years_give_no_cross_year_finding() {
    let dir = temp_pair("2 | 0 | 0 | 0 | 0 | 0 | 2");
    let run = gouji(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    // The two years' prose is the same: Y803 warns, nothing is an error.
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json = run.json();
    assert_eq!(table_findings(&json), Vec::<serde_json::Value>::new());
    let y803: Vec<&serde_json::Value> = json["across"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["code"] == "Y803")
        .collect();
    assert_eq!(y803.len(), 1, "{json}");
    assert_eq!(y803[0]["severity"], "warning");
    assert!(y803[0]["source"].as_str().unwrap().ends_with("2023.txt"));
    let similarity = json["similarity"].as_array().cloned().unwrap_or_default();
    assert_eq!(similarity.len(), 1, "{json}");
    assert_eq!(
        (
            &similarity[0]["report"],
            &similarity[0]["other"],
            &similarity[0]["kind"]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!(0),
            &serde_json::json!("previous_year")
        )
    );
    assert_eq!(similarity[0]["share"], 1.0);
    assert_eq!(similarity[0]["sections"][0]["title"], "总体情况");
    let text = gouji(&["check", dir.path().to_str().unwrap()]);
    assert!(text.stdout.contains("warning[Y803]"), "{}", text.stdout);
    assert!(text.stdout.contains("== 内容雷同"), "{}", text.stdout);
    assert!(text.stdout.contains("100.0%"), "{}", text.stdout);
}

#[test]
fn one_report_has_no_similarity() {
    let dir = temp_pair("2 | 0 | 0 | 0 | 0 | 0 | 2");
    let one = dir.path().join("2022.txt");
    let run = gouji(&["check", "--format", "json", one.to_str().unwrap()]);
    assert!(run.json().get("similarity").is_none(), "{}", run.stdout);
}

#[test]
fn a_break_between_years_is_an_error_of_the_later_report() {
    let dir = temp_pair("2 | 0 | 0 | 0 | 0 | 0 | 3");
    let run = gouji(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    let across = table_findings(&run.json());
    assert_eq!(across.len(), 1, "{across:?}");
    assert_eq!(across[0]["code"], "Y801");
    assert_eq!(across[0]["subject"], "requests/col/total");
    assert!(across[0]["source"].as_str().unwrap().ends_with("2023.txt"));
    assert_eq!(
        (across[0]["expected"].as_f64(), across[0]["actual"].as_f64()),
        (Some(2.0), Some(3.0))
    );
    let text = gouji(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(text.code, 1);
    assert!(text.stdout.contains("== 跨年度检查"), "{}", text.stdout);
    assert!(text.stdout.contains("error[Y801]"));
}

#[test]
fn hongze_2023_and_2024_continue() {
    let run = gouji(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/reports/hongze-2023-qzf.pdf.txt",
        "tests/fixtures/reports/hongze-2024-qzf.pdf.txt",
    ]);
    assert_eq!(table_findings(&run.json()), Vec::<serde_json::Value>::new());
}
