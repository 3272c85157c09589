//! The files agencies publish, read as they are: PDF (and the message for what cannot be read).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::gouji;

#[test]
fn a_published_pdf_gives_what_its_text_gives() {
    let pdf = gouji(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/reports/hongze-2023-qzf.pdf",
    ]);
    let txt = gouji(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/reports/hongze-2023-qzf.pdf.txt",
    ]);
    assert_eq!(pdf.code, 1, "{}", pdf.stderr);
    let (p, t) = (pdf.report(), txt.report());
    assert_eq!(p["template"], "gb2021");
    assert_eq!(p["year"], 2023);
    assert_eq!(p["tables"]["requests"], t["tables"]["requests"]);
    assert_eq!(p["tables"]["appeals"], t["tables"]["appeals"]);
    let codes = |r: &serde_json::Value| -> Vec<(String, String)> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] != "info")
            .map(|f| {
                (
                    f["code"].as_str().unwrap().to_string(),
                    f["subject"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        codes(&p),
        vec![
            ("S102".to_string(), "report".to_string()),
            ("R401".to_string(), "appeals/review".to_string()),
            ("R401".to_string(), "appeals/suit_after_review".to_string()),
        ]
    );
}

#[test]
fn an_old_word_file_is_named_not_failed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.doc");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(0u8, 1024));
    std::fs::write(&path, bytes).unwrap();
    let run = gouji(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "not a failure of the command");
    assert!(run.stdout.contains("S101"), "{}", run.stdout);
    assert!(run.stdout.contains(".docx"), "{}", run.stdout);
}

#[test]
fn a_saved_web_page_is_read_as_html() {
    let run = gouji(&[
        "check",
        "--format",
        "json",
        "crates/core/tests/fixtures/html/gb2021-gbk-declared.html",
    ]);
    let r = run.report();
    assert_eq!(r["template"], "gb2021", "{}", run.stdout);
    assert_eq!(r["tables"]["requests"]["new"]["total"], 24);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn a_file_beyond_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.pdf");
    // Sparse: 65 MiB on paper, nothing on disk; the command must refuse it from its size.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(65 << 20).unwrap();
    drop(f);
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, common::fixture_bytes(&common::seed("000"))).unwrap();
    let run = common::gouji_paths(&["check"], &[big.clone(), ok]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("big.pdf")
            && run.stderr.contains("文件有 65.0 MB，超过了 64 MB 的上限"),
        "{}",
        run.stderr
    );
    // The other file is still checked.
    assert!(run.stdout.contains("ok.txt"), "{}", run.stdout);
}

#[test]
fn standard_input_beyond_the_size_limit_is_not_read() {
    let bytes = vec![b'a'; gouji_core::MAX_INPUT_BYTES + 1];
    let run = common::gouji_with_stdin(&["check", "-"], Some(&bytes));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("标准输入") && run.stderr.contains("64 MB 的上限"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}
