//! Reading and checking apart: what `read_bytes_as` gives, sent through JSON as the web app's
//! reader worker sends it, checks to exactly what `check_bytes` gives, for every fixture file
//! and for files that cannot be read.

// A test fails by panicking.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use gouji_core::{check_bytes_as, check_html_str, check_read, read_bytes_as, read_html_str};
use gouji_core::{InputKind, Read};

fn through_json(read: &Read) -> Read {
    let json = serde_json::to_string(read).expect("a Read serialises");
    serde_json::from_str(&json).expect("and reads back")
}

fn same_both_ways(bytes: &[u8], kind: InputKind, what: &str) {
    let direct = check_bytes_as(bytes, kind);
    let read = read_bytes_as(bytes, kind);
    let back = through_json(&read);
    assert_eq!(back, read, "{what}: the Read survives JSON");
    assert_eq!(
        check_read(back),
        direct,
        "{what}: checked apart = checked at once"
    );
}

#[test]
fn every_fixture_file_checks_the_same_read_apart() {
    let files = support::fixtures::report_files();
    assert!(files.len() >= 20, "fixtures not found: {files:?}");
    for path in files {
        let bytes = support::fixtures::bytes(&path);
        same_both_ways(&bytes, InputKind::Auto, &path.display().to_string());
    }
}

#[test]
fn pages_and_unreadable_files_check_the_same_read_apart() {
    // A GBK page that declares its encoding, read as HTML.
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "<html><head><meta charset=gbk></head><body><p>二、主动公开政府信息情况</p></body></html>",
    );
    same_both_ways(&gbk, InputKind::Html, "GBK page");
    // Bytes that fit no encoding, a binary file, an empty one.
    same_both_ways(b"\xff\xfe\x00\x00\x01\x02\x03", InputKind::Auto, "binary");
    same_both_ways(b"", InputKind::Auto, "empty");
    same_both_ways(
        b"\x81\x30\xff\xff report",
        InputKind::Text,
        "broken GB18030",
    );
    // Files whose problem the facts carry: an old .doc, a damaged PDF.
    same_both_ways(
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an OLE file",
        InputKind::Auto,
        "old .doc",
    );
    same_both_ways(
        b"%PDF-1.7\nnot really a PDF",
        InputKind::Auto,
        "damaged PDF",
    );
}

#[test]
fn clipboard_html_checks_the_same_read_apart() {
    let html = "<table><tr><td>本年新收政府信息公开申请数量</td><td>3</td></tr></table>";
    let read = read_html_str(html);
    assert_eq!(check_read(through_json(&read)), check_html_str(html));
}
