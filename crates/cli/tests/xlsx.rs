//! `gouji check --xlsx FILE`: the workbook is written beside the usual output, built from the
//! same JSON document; an unwritable path is a Chinese message and exit status 2.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Reader, Xlsx};
use common::gouji;

fn paths() -> Vec<String> {
    let mut paths = common::seeds();
    paths.extend((2020..=2025).map(|y| format!("tests/fixtures/corpus/jtj-{y}/page.html")));
    paths
}

fn rows(bytes: Vec<u8>, sheet: &str) -> usize {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    book.worksheet_range(sheet).unwrap().height() - 1
}

#[test]
fn the_workbook_is_written_beside_text_and_json_output() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("结果.xlsx");
    let book_arg = book.to_str().unwrap().to_string();
    let mut args = vec!["check", "--format", "json", "--xlsx", &book_arg];
    let paths = paths();
    args.extend(paths.iter().map(String::as_str));
    let json_run = gouji(&args);
    assert_eq!(
        json_run.code, 1,
        "the seeds have errors: {}",
        json_run.stderr
    );
    let doc = json_run.json();
    let bytes = std::fs::read(&book).unwrap();
    assert_eq!(&bytes[..4], b"PK\x03\x04", "a zip");
    // Built from the printed document: the same workbook as the library makes of it.
    assert_eq!(
        rows(bytes.clone(), "汇总"),
        doc["reports"].as_array().unwrap().len()
    );
    let from_doc = gouji_xlsx::workbook(&doc).unwrap();
    for sheet in gouji_xlsx::SHEET_NAMES {
        assert_eq!(
            rows(bytes.clone(), sheet),
            rows(from_doc.clone(), sheet),
            "{sheet}"
        );
    }
    // Nothing but the workbook was left in the folder.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["结果.xlsx"]);

    // Text output: the same workbook, the usual text on stdout.
    std::fs::remove_file(&book).unwrap();
    args.drain(1..3);
    let text_run = gouji(&args);
    assert_eq!(text_run.code, 1);
    assert!(
        text_run.stdout.contains("湘阴县人民政府"),
        "{}",
        text_run.stdout
    );
    let again = std::fs::read(&book).unwrap();
    for sheet in gouji_xlsx::SHEET_NAMES {
        assert_eq!(
            rows(again.clone(), sheet),
            rows(from_doc.clone(), sheet),
            "{sheet}"
        );
    }
}

#[test]
fn an_unwritable_path_is_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("没有的文件夹/结果.xlsx");
    let seed = &common::seeds()[4];
    let run = gouji(&["check", "--xlsx", missing.to_str().unwrap(), seed]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("无法写出工作簿"), "{}", run.stderr);
    assert!(!run.stdout.is_empty(), "the report is still printed");
    // A folder where the file should be.
    let run = gouji(&["check", "--xlsx", dir.path().to_str().unwrap(), seed]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("无法写出工作簿"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary left"
    );
}
