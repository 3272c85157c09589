//! The command against awkward input: empty, binary, broken or foreign-encoded bytes, a very
//! large file, a cut-off report, text that is not a report, standard input, folders, missing
//! paths, bad arguments, and parallelism. Each test checks the exit status and a part of the
//! output that says the right thing happened.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::{fixture_bytes, gouji, gouji_paths, gouji_with_stdin, seed, Run};
use serde_json::Value;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn codes(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn sources(run: &Run) -> Vec<String> {
    run.json()["reports"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["source"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A report without its `source`, to compare runs over different paths.
fn without_source(mut report: Value) -> Value {
    if let Some(map) = report.as_object_mut() {
        map.remove("source");
    }
    report
}

#[test]
fn an_empty_file_is_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.txt", b"");
    let run = gouji_paths(&["check", "--format", "json"], std::slice::from_ref(&path));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = run.report();
    assert_eq!(r["template"], "unknown");
    assert_eq!(r["year"], Value::Null);
    assert_eq!(r["agency"], Value::Null);
    assert_eq!(r["tables"], serde_json::json!({}));
    assert_eq!(codes(&r), ["S101"]);

    let run = gouji_paths(&["check"], &[path]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("模板 unknown · 年份不详 · 机关不详"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("info[S101] "), "{}", run.stdout);
}

#[test]
fn binary_bytes_are_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = common::rng::noise(4096);
    bytes.extend_from_slice(b"\x00\x00PK\x03\x04\xff\xfe\x80");
    let path = write(dir.path(), "image.txt", &bytes);
    let run = gouji_paths(&["check", "--format", "json"], &[path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = run.report();
    assert_eq!(r["template"], "unknown");
    assert_eq!(codes(&r), ["S101"]);
    let message = r["findings"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("二进制"),
        "S101 says the input looks binary: {message}"
    );
}

/// A seed with a few bytes that are neither UTF-8 nor GBK: read with replacement characters,
/// still checked as the report it is.
#[test]
fn invalid_utf8_is_read_with_replacements() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = fixture_bytes(&seed("001"));
    let at = bytes.iter().position(|&b| b == b'\n').unwrap_or(0);
    bytes.splice(at..at, [0xFF, 0xFE, 0xC0, 0x80].iter().copied());
    let path = write(dir.path(), "broken.txt", &bytes);
    let run = gouji_paths(&["check", "--format", "json"], &[path]);
    let r = run.report();
    assert_eq!(r["template"], "gb2019");
    assert_eq!(r["year"], 2020);
    assert!(codes(&r).contains(&"A301".to_string()), "{:?}", codes(&r));
    assert_eq!(run.code, 1);
}

/// A report saved as GBK (or GB18030, for one with characters GBK lacks) gives the same
/// report as the UTF-8 file, spans included: they point into the decoded text, which is the
/// same.
#[test]
fn gbk_gives_the_same_report_as_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (seed("000"), encoding_rs::GBK),
        (seed("004"), encoding_rs::GBK),
        (
            "tests/fixtures/reports/huaian-2024-szf.pdf.txt".to_string(),
            encoding_rs::GBK,
        ),
        // Seed 003 has U+2002 (en space), which GBK lacks.
        (seed("003"), encoding_rs::GB18030),
    ];
    for (i, (utf8, encoding)) in cases.iter().enumerate() {
        let text = String::from_utf8(fixture_bytes(utf8)).unwrap();
        let (encoded, _, unmappable) = encoding.encode(&text);
        assert!(!unmappable, "{utf8} encodes to {}", encoding.name());
        assert!(
            std::str::from_utf8(&encoded).is_err(),
            "the {} bytes are not UTF-8",
            encoding.name()
        );
        let path = write(dir.path(), &format!("{i}.txt"), &encoded);

        let a = gouji(&["check", "--format", "json", utf8]);
        let b = gouji_paths(&["check", "--format", "json"], &[path]);
        assert_eq!(a.code, b.code);
        assert_eq!(
            without_source(a.report()),
            without_source(b.report()),
            "{utf8} as {}",
            encoding.name()
        );
    }
}

/// A 50 MB file: a seed followed by 50 MB of appendix lines. The command reads it whole
/// (std::fs::read) and still finds the seed's errors.
///
/// The filler is ASCII because the core's speed depends on the text: with the core at
/// opt-level 1 (the dev profile), 50 MB of Chinese prose takes minutes, which a test run on
/// a shared machine cannot afford; `a_long_report_of_many_copies` covers Chinese text.
#[test]
fn a_50_mb_file_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = fixture_bytes(&seed("000"));
    let line = format!("{}\n", "appendix page of the annual report ".repeat(28));
    while bytes.len() < 50 * 1024 * 1024 {
        bytes.extend_from_slice(line.as_bytes());
    }
    let path = write(dir.path(), "big.txt", &bytes);
    drop(bytes);
    let run = gouji_paths(&["check"], &[path]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("模板 gb2019 · 2020年 · 湘阴县人民政府 · 3 个错误，0 个警告"),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("error[A303] 申请情况表 自然人列: 第一项+第二项 = 39，第三项+第四项 = 36"));
}

/// Chinese text all the way: a seed repeated to 2 MB. The tables are read from the first
/// copy.
#[test]
fn a_long_report_of_many_copies() {
    let dir = tempfile::tempdir().unwrap();
    let one = fixture_bytes(&seed("000"));
    let mut bytes = Vec::new();
    while bytes.len() < 2 * 1024 * 1024 {
        bytes.extend_from_slice(&one);
    }
    let path = write(dir.path(), "many.txt", &bytes);
    let run = gouji_paths(&["check", "--format", "json"], &[path]);
    let r = run.report();
    assert_eq!(r["template"], "gb2019");
    assert_eq!(r["tables"]["requests"]["new"]["total"], 44);
    assert_eq!(run.code, 1);
}

/// Seed 000 cut off after "(六)其他处理" in its requests table: the rows after it are missing
/// (S104), the appeals table is missing (S103), and the command still prints the report.
#[test]
fn a_report_cut_off_in_its_requests_table() {
    let dir = tempfile::tempdir().unwrap();
    let text = String::from_utf8(fixture_bytes(&seed("000"))).unwrap();
    let cut = text.find("(六)其他处理").expect("the seed has （六）");
    let path = write(
        dir.path(),
        "cut.txt",
        &text.as_bytes()[..cut + "(六)其他处理".len()],
    );

    let run = gouji_paths(&["check", "--format", "json"], std::slice::from_ref(&path));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let r = run.report();
    assert_eq!(r["template"], "gb2019");
    assert_eq!(
        r["tables"]["requests"]["new"]["total"], 44,
        "the rows before the cut are read"
    );
    assert!(
        r["tables"]["requests"].get("carried_out").is_none(),
        "no row after the cut"
    );
    assert!(r["tables"].get("appeals").is_none(), "no appeals table");
    let subjects: Vec<(&str, &str)> = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or(""),
                f["subject"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        subjects.contains(&("S104", "requests/row/carried_out")),
        "{subjects:?}"
    );
    assert!(subjects.contains(&("S103", "appeals")), "{subjects:?}");

    let run = gouji_paths(&["check"], &[path]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("error[S104] 申请情况表缺少“四、结转下年度继续办理”行。"),
        "{}",
        run.stdout
    );
}

#[test]
fn text_that_is_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "notes.md",
        "# 会议纪要\n\n今天讨论了明年的工作计划，共有 12 人参加。\n".as_bytes(),
    );
    // Named explicitly, a file is checked whatever its extension.
    let run = gouji_paths(&["check"], &[path]);
    assert_eq!(run.code, 0, "not a report is not a failure");
    assert!(run.stdout.contains("模板 unknown"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("info[S101] 〔读取〕未识别出年度报告的标准表格"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.is_empty());
}

#[test]
fn standard_input() {
    let bytes = fixture_bytes(&seed("001"));
    let run = gouji_with_stdin(&["check", "--format", "json", "-"], Some(&bytes));
    assert_eq!(run.code, 1);
    let r = run.report();
    assert_eq!(r["source"], "-");
    let file = gouji(&["check", "--format", "json", &seed("001")]);
    assert_eq!(without_source(r), without_source(file.report()));

    let run = gouji_with_stdin(&["check", "-"], Some(&bytes));
    assert!(
        run.stdout
            .starts_with("== -  模板 gb2019 · 2020年 · 湘西高新区 · 4 个错误"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_empty_standard_input() {
    let run = gouji_with_stdin(&["check", "-"], Some(b""));
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("info[S101]"), "{}", run.stdout);
}

/// A folder is walked recursively; .txt/.htm/.html files (any case) are taken, others left;
/// the order is the byte order of the paths, whatever order they were created in.
#[test]
fn a_folder_recursively_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    let seed0 = fixture_bytes(&seed("000"));
    for name in [
        "z.txt",
        "b/2.htm",
        "a.txt",
        "b/1.TXT",
        "a/x.html",
        "b/c/deep.txt",
        "skip.xlsx",
        "skip",
    ] {
        write(&root, name, &seed0);
    }
    let run = gouji_paths(&["check", "--format", "json"], std::slice::from_ref(&root));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let r = root.to_string_lossy().into_owned();
    let expected: Vec<String> = [
        "a.txt",
        "a/x.html",
        "b/1.TXT",
        "b/2.htm",
        "b/c/deep.txt",
        "z.txt",
    ]
    .iter()
    .map(|n| format!("{r}/{n}"))
    .collect();
    assert_eq!(sources(&run), expected);

    // The text output ends with the summary table and the totals.
    let run = gouji_paths(&["check"], &[root]);
    assert!(run.stdout.contains("来源"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("共 6 份报告，6 份有错误：18 个错误，0 个警告"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_empty_folder_checks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "readme.xlsx", b"PK");
    let run = gouji_paths(&["check", "--format", "json"], &[dir.path().to_path_buf()]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.json(),
        serde_json::json!({ "format": 1, "reports": [], "across": [] })
    );
    assert!(
        run.stderr
            .contains("没有 .txt、.htm、.html、.pdf、.docx 或 .doc 文件"),
        "{}",
        run.stderr
    );
}

/// Several paths: reports in the order given; folders expanded in place.
#[test]
fn paths_in_the_order_given() {
    let run = gouji(&[
        "check",
        "--format",
        "json",
        &seed("003"),
        "tests/fixtures/reports",
        &seed("001"),
    ]);
    assert_eq!(
        sources(&run),
        [
            seed("003"),
            "tests/fixtures/reports/hongze-2023-qzf.pdf".to_string(),
            "tests/fixtures/reports/hongze-2023-qzf.pdf.txt".to_string(),
            "tests/fixtures/reports/hongze-2024-qzf.pdf".to_string(),
            "tests/fixtures/reports/hongze-2024-qzf.pdf.txt".to_string(),
            "tests/fixtures/reports/huaian-2024-szf.pdf".to_string(),
            "tests/fixtures/reports/huaian-2024-szf.pdf.txt".to_string(),
            seed("001"),
        ]
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_nonexistent_path_fails_but_the_others_are_checked() {
    let run = gouji(&["check", "nope.txt"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        "gouji: 无法读取 “nope.txt”：文件不存在"
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);

    let good = seed("004");
    let run = gouji(&["check", "--format", "json", &good, "missing/dir", &good]);
    assert_eq!(run.code, 2, "a failed path outweighs a clean report");
    assert!(
        run.stderr
            .contains("gouji: 无法读取 “missing/dir”：文件不存在"),
        "{}",
        run.stderr
    );
    assert_eq!(sources(&run), [good.clone(), good]);
}

#[test]
fn clean_and_erroneous_reports_set_the_status() {
    assert_eq!(gouji(&["check", &seed("004")]).code, 0);
    assert_eq!(gouji(&["check", &seed("004"), &seed("000")]).code, 1);
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["check", "--frobnicate", "x.txt"][..],
        &["check", "--format", "xml", "x.txt"],
        &["check", "--jobs", "0", "x.txt"],
        &["check", "--jobs", "many", "x.txt"],
        &["check"],
        &["frobnicate"],
        &[],
    ] {
        let run = gouji(args);
        assert_eq!(run.code, 2, "gouji {args:?}");
        assert!(!run.stderr.is_empty(), "gouji {args:?} says why");
        assert!(run.stdout.is_empty(), "gouji {args:?}");
    }
}

#[test]
fn help_exits_0() {
    let run = gouji(&["check", "--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--format"), "{}", run.stdout);
}

/// The output does not depend on how many reports are checked at once.
#[test]
fn jobs_1_and_jobs_2_print_the_same() {
    for format in ["text", "json"] {
        let one = gouji(&["check", "--format", format, "--jobs", "1", "tests/fixtures"]);
        let two = gouji(&["check", "--format", format, "--jobs", "2", "tests/fixtures"]);
        assert_eq!(one.code, 1);
        assert_eq!(
            (one.code, &one.stdout),
            (two.code, &two.stdout),
            "--format {format}"
        );
    }
}

/// Many small files (more than one chunk of parallel work) come out in order.
#[test]
fn many_files_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let small = "一、总体情况\n本机关今年没有收到申请。\n".as_bytes();
    for i in 0..300 {
        write(dir.path(), &format!("r{i:04}.txt"), small);
    }
    let run = gouji_paths(
        &["check", "--format", "json", "--jobs", "3"],
        &[dir.path().to_path_buf()],
    );
    assert_eq!(run.code, 0);
    let got = sources(&run);
    assert_eq!(got.len(), 300);
    let mut sorted = got.clone();
    sorted.sort();
    assert_eq!(got, sorted);
}

/// The JSON document: pretty-printed with two-space indents, `format` first, then
/// `reports`, each with `source` first and the report's fields in the contract's order.
#[test]
fn json_document_shape() {
    let run = gouji(&["check", "--format", "json", &seed("000"), &seed("002")]);
    let doc = run.json();
    assert_eq!(doc["format"], 1);
    assert_eq!(doc["reports"].as_array().map(Vec::len), Some(2));
    assert!(
        run.stdout
            .starts_with("{\n  \"format\": 1,\n  \"reports\": [\n    {\n      \"source\": "),
        "{}",
        run.stdout
    );
    // The cross-year findings (none between 2020 and 2013), then the shares of repeated
    // prose (none: different years and agencies, little in common) close the document.
    assert!(
        run.stdout
            .ends_with("\n    }\n  ],\n  \"across\": [],\n  \"similarity\": []\n}\n"),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .lines()
        .all(|l| (l.len() - l.trim_start().len()) % 2 == 0));
    // Field order as printed (serde_json's Value sorts keys, so read the text).
    for report in run.stdout.split("\n    {\n").skip(1) {
        let at: Vec<Option<usize>> = [
            "\"source\"",
            "\"template\"",
            "\"year\"",
            "\"agency\"",
            "\"tables\"",
            "\"findings\"",
        ]
        .iter()
        .map(|k| {
            report
                .find(&format!("\n      {k}: "))
                .or_else(|| report.starts_with(&format!("      {k}")).then_some(0))
        })
        .collect();
        assert!(
            at.iter().all(Option::is_some),
            "every field at the top of a report: {at:?}"
        );
        assert!(at.windows(2).all(|w| w[0] < w[1]), "field order: {at:?}");
    }
    // Nothing found: an empty list, still one document.
    let dir = tempfile::tempdir().unwrap();
    let run = gouji_paths(&["check", "--format", "json"], &[dir.path().to_path_buf()]);
    assert_eq!(
        run.stdout,
        "{\n  \"format\": 1,\n  \"reports\": [],\n  \"across\": []\n}\n"
    );
}
