//! Reports of one agency for consecutive years, checked together (Y801, Y802).

mod support;

use gouji_core::across::{check_across, ACROSS_RULES};
use gouji_core::{check, Report};
use support::fixtures::{base, shared, text};

/// The base report (2022) and a 2023 report of the same agency that continues it.
fn two_years() -> (String, String) {
    let y2022 = base("gb2021-pipe.txt");
    let y2023 = y2022
        .replace("2022年", "2023年")
        .replace("规章 | 1 | 0 | 5 |", "规章 | 1 | 0 | 6 |")
        .replace(
            "行政规范性文件 | 4 | 2 | 30 |",
            "行政规范性文件 | 4 | 2 | 32 |",
        );
    (y2022, y2023)
}

/// The findings of the table rules (Y801, Y802); those on the prose (Y803, Y804) are
/// tests/similarity.rs's.
fn findings(texts: &[&str]) -> Vec<(usize, String, String)> {
    let reports: Vec<Report> = texts.iter().map(|t| check(t)).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    check_across(&refs)
        .into_iter()
        .filter(|(_, f)| matches!(f.code, "Y801" | "Y802"))
        .map(|(i, f)| (i, f.code.to_string(), f.subject))
        .collect()
}

#[test]
fn consecutive_years_that_continue() {
    let (a, b) = two_years();
    assert_eq!(check(&b).year, Some(2023));
    assert!(findings(&[&a, &b]).is_empty());
    // Order of input does not matter.
    assert!(findings(&[&b, &a]).is_empty());
}

#[test]
fn y801_fires_per_column_that_does_not_continue() {
    let (a, b) = two_years();
    let b = b.replace(
        "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
    );
    let f = findings(&[&a, &b]);
    assert_eq!(
        f,
        vec![
            (1, "Y801".into(), "requests/col/natural".into()),
            (1, "Y801".into(), "requests/col/total".into())
        ]
    );
}

#[test]
fn y802_fires_when_documents_in_force_do_not_carry_over() {
    let (a, b) = two_years();
    let b = b.replace("规章 | 1 | 0 | 6 |", "规章 | 1 | 0 | 9 |");
    assert_eq!(
        findings(&[&a, &b]),
        vec![(1, "Y802".into(), "active/row/rules".into())]
    );
}

#[test]
fn years_that_are_not_consecutive_or_agencies_that_differ_are_not_compared() {
    let (a, b) = two_years();
    let b_bad = b.replace(
        "二、上年结转政府信息公开申请数量 | 2 |",
        "二、上年结转政府信息公开申请数量 | 9 |",
    );
    let c = b_bad.replace("2023年", "2024年");
    assert!(
        findings(&[&a, &c]).is_empty(),
        "2022 and 2024 are not consecutive"
    );
    let other = b_bad.replace("示范区人民政府", "邻近县人民政府");
    assert!(findings(&[&a, &other]).is_empty(), "another agency");
}

#[test]
fn a_guessed_agency_match_says_so() {
    let (a, b) = two_years();
    let b = b
        .replace("示范区人民政府2023年", "某市示范区人民政府2023年")
        .replace(
            "二、上年结转政府信息公开申请数量 | 2 |",
            "二、上年结转政府信息公开申请数量 | 9 |",
        );
    let reports: Vec<Report> = [a, b].iter().map(|t| check(t)).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let f = check_across(&refs);
    assert!(f
        .iter()
        .any(|(_, f)| f.code == "Y801" && f.message.contains("按名称推测为同一机关")));
}

#[test]
fn hongze_2023_and_2024_continue() {
    let a = text(&shared("reports/hongze-2023-qzf.pdf.txt"));
    let b = text(&shared("reports/hongze-2024-qzf.pdf.txt"));
    assert!(findings(&[&a, &b]).is_empty());
}

#[test]
fn cross_year_codes_are_not_reused_by_single_report_rules() {
    for r in ACROSS_RULES {
        assert!(
            gouji_core::rules::rule(r.code).is_none(),
            "{} registered twice",
            r.code
        );
    }
}
