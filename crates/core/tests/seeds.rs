//! The five seed reports and the three PDF extractions: what `seeds-expected.md` and the
//! reports' README say a correct checker finds, cell by cell and finding by finding.

// A test fails by panicking.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use gouji_core::{check_bytes, Report, Severity, TableKind, Template, Value};
use support::fixtures::{bytes, report, seed_path, shared};

/// The report of a seed ("000").
fn seed(name: &str) -> Report {
    report(&seed_path(name))
}

/// The report of a published report's text ("hongze-2023-qzf.pdf.txt").
fn published(name: &str) -> Report {
    report(&shared("reports").join(name))
}

/// (code, subject, expected, actual) of every error.
fn errors(r: &Report) -> Vec<(String, String, Option<f64>, Option<f64>)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.code.to_string(), f.subject.clone(), f.expected, f.actual))
        .collect();
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v
}

fn codes(r: &Report, s: Severity) -> Vec<String> {
    r.findings
        .iter()
        .filter(|f| f.severity == s)
        .map(|f| format!("{} {}", f.code, f.subject))
        .collect()
}

fn e(
    code: &str,
    subject: &str,
    expected: f64,
    actual: f64,
) -> (String, String, Option<f64>, Option<f64>) {
    (
        code.to_string(),
        subject.to_string(),
        Some(expected),
        Some(actual),
    )
}

/// The narrative's claims as "Kind value", in the order read.
fn claims(r: &Report) -> Vec<String> {
    r.facts
        .narrative
        .claims
        .iter()
        .map(|c| format!("{:?} {}", c.kind, c.num.value))
        .collect()
}

/// Compare a table with rows written as "key: v v v …" ("_" blank); rows not listed must
/// hold `default` in every cell.
fn assert_table(r: &Report, kind: TableKind, listed: &str, default: &str) {
    let t = r
        .tables
        .get(kind)
        .unwrap_or_else(|| panic!("no {} table", kind.key()));
    let mut rows_listed = Vec::new();
    for line in listed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (key, vals) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("bad line {line}"));
        rows_listed.push((key.trim(), vals.split_whitespace().collect::<Vec<_>>()));
    }
    for row in &t.rows {
        let want: Vec<&str> = rows_listed
            .iter()
            .find(|(k, _)| *k == row.def.key)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| vec![default; row.cells.len()]);
        let got: Vec<String> = row
            .cells
            .iter()
            .map(|c| match c.value {
                Value::Number(n) => format!("{n}"),
                Value::Blank => "_".into(),
                Value::Unreadable => "?".into(),
                Value::Missing => "∅".into(),
            })
            .collect();
        assert_eq!(got, want, "{}/{}", kind.key(), row.def.key);
    }
    for (k, _) in &rows_listed {
        assert!(t.row(k).is_some(), "row {k} not extracted");
    }
}

#[test]
fn seed_000_xiangyin_2020() {
    let r = seed("000");
    assert_eq!((r.template, r.year), (Template::Gb2019, Some(2020)));
    assert_eq!(r.agency.as_deref(), Some("湘阴县人民政府"));
    assert_eq!(
        errors(&r),
        vec![
            e("A303", "requests/col/legal_service", 8.0, 5.0),
            e("A303", "requests/col/natural", 36.0, 39.0),
            e("R401", "appeals/suit_after_review", 1.0, 0.0),
        ]
    );
    assert!(
        codes(&r, Severity::Warning).is_empty(),
        "{:?}",
        codes(&r, Severity::Warning)
    );
    assert!(codes(&r, Severity::Info).contains(&"V201 requests".to_string()));
    // The prose agrees with the table: 44 received, 5 still in process (no N finding).
    // "39件均…予以答复" is not read (the number stands before its verb), nor the 15 letters
    // of the mayor's mailbox "正在处理".
    assert_eq!(claims(&r), vec!["Received 44", "CarriedOut 5"]);
    let t = r.tables.requests.as_ref().map(|t| t.rows.len());
    assert_eq!(t, Some(23));
    assert_table(
        &r,
        TableKind::Requests,
        "new: 39 _ _ _ 5 _ 44
         granted: 36 _ _ _ 2 _ 38
         withheld.process: _ _ _ _ 1 _ 1
         total: 36 _ _ _ 3 _ 39
         carried_out: _ _ _ _ 5 _ 5",
        "_",
    );
    assert_table(
        &r,
        TableKind::Appeals,
        "review: 0 0 1 0 1
         suit_after_review: 0 0 0 1 0",
        "0",
    );
    assert_table(
        &r,
        TableKind::Active,
        "normative_docs: 18 18 96
         licensing: 713 20 733
         penalty: 1217 -681 536
         fees: 54 0
         procurement: 528 360000000",
        "0",
    );
}

#[test]
fn seed_001_xiangxi_2020() {
    let r = seed("001");
    assert_eq!((r.template, r.year), (Template::Gb2019, Some(2020)));
    assert_eq!(
        errors(&r),
        vec![
            e("A301", "requests/row/new", 1.0, 0.0),
            e("A301", "requests/row/other", 1.0, 0.0),
            e("A302", "requests/col/total", 0.0, 1.0),
            e("A303", "requests/col/total", 1.0, 0.0),
        ]
    );
    assert!(
        codes(&r, Severity::Warning).is_empty(),
        "{:?}",
        codes(&r, Severity::Warning)
    );
    assert_table(
        &r,
        TableKind::Requests,
        "new: 1 0 0 0 0 0 0
         other: 1 0 0 0 0 0 0
         total: 1 0 0 0 0 0 1",
        "0",
    );
    assert_table(&r, TableKind::Appeals, "", "0");
}

#[test]
fn seed_002_qingliu_2013_legacy() {
    let checked = check_bytes(&bytes(&seed_path("002")));
    let (text, r) = (&checked.text, &checked.report);
    assert_eq!((r.template, r.year), (Template::Legacy, Some(2013)));
    assert!(errors(r).is_empty(), "{:?}", errors(r));
    // Exactly one warning: N608 on "规划计划类信息89条,占6%" (89 / 1348 = 6.6 %).
    assert_eq!(
        codes(r, Severity::Warning),
        vec!["N608 narrative".to_string()]
    );
    let f = r.findings.iter().find(|f| f.code == "N608").expect("N608");
    assert_eq!((f.expected, f.actual), (Some(6.6), Some(6.0)));
    assert!(
        f.quote
            .as_deref()
            .is_some_and(|q| q.contains("规划计划类信息89条,占6%")),
        "{:?}",
        f.quote
    );
    // The percentage first, then the sentence, then the count.
    let at = |i: usize| f.spans.get(i).map(|s| &text[s.start..s.end]);
    assert_eq!(at(0), Some("6"));
    assert!(at(1).is_some_and(|s| s.starts_with("2013各级政府") && s.ends_with("占8.01%。")));
    assert_eq!(at(2), Some("89"));
    // The appendix 统计表: 2013年 and 历年累计.
    assert_table(
        r,
        TableKind::Legacy,
        "active_docs: 2240 7670
         active_docs.website: 1348 5791",
        "0",
    );
    let t = r.tables.legacy.as_ref().expect("legacy");
    let keys: Vec<&str> = t.rows.iter().map(|r| r.def.key).collect();
    assert_eq!(
        keys,
        vec![
            "active_docs",
            "active_docs.website",
            "active_docs.gazette",
            "requests_received",
            "requests_received.in_person",
            "requests_received.online",
            "requests_received.letter",
            "answers",
            "answers.granted",
            "answers.partly_granted",
            "answers.withheld",
            "answers.other",
            "fees_waived",
            "reviews",
            "lawsuits",
            "complaints"
        ]
    );
    assert!(t.extra_rows.is_empty(), "{:?}", t.extra_rows);
}

#[test]
fn seed_003_xiushan_2023() {
    let r = seed("003");
    assert_eq!((r.template, r.year), (Template::Gb2021, Some(2023)));
    assert_eq!(
        r.agency.as_deref(),
        Some("秀山土家族苗族自治县人民政府办公室")
    );
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    assert!(
        codes(&r, Severity::Warning).is_empty(),
        "{:?}",
        codes(&r, Severity::Warning)
    );
    // The lost characters of the statistics period are reported, not repaired.
    assert!(codes(&r, Severity::Info).contains(&"M702 report".to_string()));
    // "调整废止行政规范性文件11件", "共收到政府信息公开申请8件，已办结8件": all agree.
    assert_eq!(
        claims(&r),
        vec![
            "Docs(NormativeDocs, Repealed) 11",
            "Received 8",
            "Processed 8"
        ]
    );
    assert_table(
        &r,
        TableKind::Requests,
        "new: 7 1 0 0 0 0 8
         granted: 1 0 0 0 0 0 1
         partly_granted: 2 0 0 0 0 0 2
         withheld.internal: 1 0 0 0 0 0 1
         unavailable.not_held: 2 1 0 0 0 0 3
         not_processed.petition: 1 0 0 0 0 0 1
         total: 7 1 0 0 0 0 8",
        "0",
    );
    assert_eq!(r.tables.requests.as_ref().map(|t| t.rows.len()), Some(25));
    assert_table(&r, TableKind::Active, "normative_docs: 10 11 39", "0");
}

#[test]
fn seed_004_coastal_2021() {
    let r = seed("004");
    assert_eq!((r.template, r.year), (Template::Gb2021, Some(2021)));
    assert_eq!(r.agency.as_deref(), Some("沿海工业城发展服务中心"));
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    assert_eq!(claims(&r), vec!["Received 2"]);
    assert!(
        codes(&r, Severity::Warning).is_empty(),
        "{:?}",
        codes(&r, Severity::Warning)
    );
    assert_table(
        &r,
        TableKind::Requests,
        "new: 2 0 0 0 0 0 2
         granted: 2 0 0 0 0 0 2
         total: 2 0 0 0 0 0 2",
        "0",
    );
    assert_eq!(r.tables.requests.as_ref().map(|t| t.rows.len()), Some(25));
}

#[test]
fn report_hongze_2023_single_other_and_two_r401() {
    let r = published("hongze-2023-qzf.pdf.txt");
    assert_eq!((r.template, r.year), (Template::Gb2021, Some(2023)));
    assert_eq!(
        errors(&r),
        vec![
            e("R401", "appeals/review", 11.0, 0.0),
            e("R401", "appeals/suit_after_review", 5.0, 0.0)
        ]
    );
    assert_eq!(claims(&r), vec!["Received 21"]);
    assert_eq!(
        codes(&r, Severity::Warning),
        vec!["S102 report".to_string()]
    );
    assert_table(
        &r,
        TableKind::Requests,
        "new: 21 0 0 0 0 0 21
         partly_granted: 4 0 0 0 0 0 4
         withheld.state_secret: 1 0 0 0 0 0 1
         withheld.process: 1 0 0 0 0 0 1
         withheld.enforcement: 1 0 0 0 0 0 1
         unavailable.not_held: 10 0 0 0 0 0 10
         unavailable.needs_creation: 3 0 0 0 0 0 3
         not_processed.petition: 1 0 0 0 0 0 1
         total: 21 0 0 0 0 0 21",
        "0",
    );
    assert_table(
        &r,
        TableKind::Appeals,
        "review: 10 1 0 0 0\nsuit_after_review: 5 0 0 0 0",
        "0",
    );
    assert_table(
        &r,
        TableKind::Active,
        "normative_docs: 0 5 5\nlicensing: 550\npenalty: 4119\ncoercion: 195\nfees: 7730.28",
        "0",
    );
}

#[test]
fn report_hongze_2024_balances() {
    let r = published("hongze-2024-qzf.pdf.txt");
    assert_eq!((r.template, r.year), (Template::Gb2021, Some(2024)));
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    assert_eq!(
        codes(&r, Severity::Warning),
        vec!["S102 report".to_string()]
    );
    assert_table(
        &r,
        TableKind::Appeals,
        "review: 1 1 0 0 2\nsuit_direct: 1 0 0 0 1\nsuit_after_review: 2 0 1 0 3",
        "0",
    );
    let t = r.tables.requests.as_ref().expect("requests");
    assert_eq!(t.number("new", "total"), Some(95.0));
    assert_eq!(t.number("total", "total"), Some(95.0));
    // "区政府办代表区政府受理政府信息公开申请 17 件": the office's count, not the
    // government's 95 — a different scope, so not compared.
    assert!(claims(&r).is_empty(), "{:?}", claims(&r));
}

#[test]
fn report_huaian_2024_clean() {
    let r = published("huaian-2024-szf.pdf.txt");
    assert_eq!((r.template, r.year), (Template::Gb2021, Some(2024)));
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    assert!(
        codes(&r, Severity::Warning).is_empty(),
        "{:?}",
        codes(&r, Severity::Warning)
    );
    let t = r.tables.requests.as_ref().expect("requests");
    assert_eq!(t.number("new", "total"), Some(3119.0));
    assert_eq!(t.number("carried_in", "total"), Some(34.0));
    assert_eq!(t.number("total", "total"), Some(3050.0));
    assert_eq!(t.number("carried_out", "total"), Some(103.0));
    assert_eq!(t.number("unavailable.not_held", "natural"), Some(746.0));
    assert_eq!(t.number("other.no_correction", "total"), Some(71.0));
    let a = r.tables.active.as_ref().expect("active");
    assert_eq!(a.number("fees", "amount"), Some(96171.6));
    // Its prose restates the tables, across PDF line breaks, and agrees: no N finding.
    assert_eq!(
        claims(&r),
        vec![
            "Received 3119",
            "Processed 3050",
            "CarriedOut 103",
            "Reviews 351",
            "Lawsuits 46"
        ]
    );
    let b: Vec<(f64, f64)> = r
        .facts
        .narrative
        .breakdowns
        .iter()
        .map(|b| (b.total.value, b.parts.iter().map(|p| p.value).sum()))
        .collect();
    assert_eq!(b, vec![(351.0, 351.0), (46.0, 46.0)]);
}
