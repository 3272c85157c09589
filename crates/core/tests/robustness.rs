//! No input crashes the core: empty, binary, broken encodings, huge, truncated anywhere.
//! Every span the core returns lies inside the input, on char boundaries.

#![allow(clippy::expect_used, clippy::panic)]

mod support;

use std::sync::LazyLock;

use gouji_core::ingest::{html, Document};
use gouji_core::{check, check_bytes, check_html_str, Report, Severity, Template};
use proptest::prelude::*;
use proptest::sample::Index;
use support::fixtures::{base, bytes, report_files, seed, seeds, text};
use support::invariants::{assert_checked, assert_document, assert_rendered};
use support::mutate::{apply_text, cut_text, text_edits};
use support::rng::noise;
use support::{cases, s101 as s101_message};

/// The report of `text` keeps every invariant (spans, cell paths; see support/invariants.rs).
fn assert_invariants(text: &str, r: &Report) {
    assert_checked(&gouji_core::Checked {
        text: text.to_string(),
        report: r.clone(),
    });
}

#[test]
fn empty_input_says_it_is_empty() {
    let c = check_bytes(b"");
    assert_eq!(c.report.template, Template::Unknown);
    assert!(s101_message(&c.report).contains("输入为空"));
}

#[test]
fn binary_bytes_are_named_as_binary() {
    let c = check_bytes(&noise(4096));
    assert_eq!(c.report.template, Template::Unknown);
    assert!(
        s101_message(&c.report).contains("二进制"),
        "{}",
        s101_message(&c.report)
    );
    assert_invariants(&c.text, &c.report);
}

#[test]
fn invalid_utf8_is_counted() {
    let mut bytes = "这是一段文字".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xC3, 0x28, 0xA0, 0xA1, 0xFF]);
    bytes.extend_from_slice("之后还有文字".as_bytes());
    let c = check_bytes(&bytes);
    let msg = s101_message(&c.report);
    assert!(msg.contains("无法按 UTF-8 或 GBK 编码识别"), "{msg}");
}

#[test]
fn gbk_bytes_read_like_utf8() {
    let text = seed("000");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let from_gbk = check_bytes(&gbk).report;
    let from_utf8 = check(&text);
    assert_eq!(from_gbk.tables, from_utf8.tables);
    let codes = |r: &Report| {
        r.findings
            .iter()
            .map(|f| (f.code, f.subject.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&from_gbk), codes(&from_utf8));
}

#[test]
fn a_text_that_is_not_a_report() {
    let r = check("今天天气很好，我们去公园散步。\n公园里有很多人。\n");
    assert_eq!(r.template, Template::Unknown);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].code, "S101");
}

#[test]
fn a_report_cut_off_halfway_through_its_table() {
    let text = seed("004");
    let cut = text.find("3.要求提供公开出版物").expect("row present");
    let r = check(&text[..cut]);
    assert_eq!(r.template, Template::Gb2021);
    let has = |code: &str, subject: &str| {
        r.findings
            .iter()
            .any(|f| f.code == code && f.subject == subject)
    };
    assert!(has("S104", "requests/row/total"));
    assert!(has("S104", "requests/row/carried_out"));
    assert!(has("S103", "appeals"));
    // Equations that need the missing rows are not evaluated, so they cannot be false alarms.
    assert!(!r.findings.iter().any(|f| matches!(f.code, "A302" | "A303")));
}

/// The seeds' texts, read once.
static SEEDS: LazyLock<Vec<String>> = LazyLock::new(|| seeds().iter().map(|p| text(p)).collect());

fn any_seed() -> impl Strategy<Value = &'static str> {
    (0..SEEDS.len()).prop_map(|i| SEEDS[i].as_str())
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn any_prefix_of_any_seed_keeps_the_invariants(text in any_seed(), at in any::<Index>()) {
        let cut = cut_text(text, at);
        assert_invariants(cut, &check(cut));
    }

    /// Pipes, TABs, line breaks and full-width digits put anywhere, characters dropped, the
    /// lines in reverse order.
    #[test]
    fn edited_seeds_keep_the_invariants(
        text in any_seed(),
        edits in text_edits(40),
        reverse in any::<bool>(),
    ) {
        let mut edited = apply_text(text, &edits);
        if reverse {
            edited = edited.lines().rev().collect::<Vec<_>>().join("\n");
        }
        assert_invariants(&edited, &check(&edited));
    }
}

#[test]
fn a_50_mb_input_is_checked() {
    let unit = seed("000");
    let mut big = String::with_capacity(50 * 1024 * 1024 + unit.len());
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(&unit);
    }
    let r = check(&big);
    // The first copy is the report; the rest is noise after it, read without crashing.
    assert_eq!(r.template, Template::Gb2019);
    assert!(r.findings.iter().any(|f| f.severity == Severity::Error));
}

#[test]
fn a_50_mb_line_without_breaks() {
    let big = "数".repeat(17 * 1024 * 1024);
    let r = check(&big);
    assert_eq!(r.template, Template::Unknown);
}

#[test]
fn every_fixture_keeps_the_invariants() {
    let files = report_files();
    assert!(files.len() >= 20, "fixtures not found: {files:?}");
    for path in files {
        let bytes = bytes(&path);
        let c = check_bytes(&bytes);
        assert_checked(&c);
        assert_document(&c.text, &Document::from_text(&c.text));
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let r = html::render(text);
            assert_rendered(&r);
            let c = check_html_str(text);
            assert_checked(&c);
            assert_eq!(c.text, r.text, "{}", path.display());
        }
    }
}

#[test]
fn input_beyond_the_size_limit_is_not_read() {
    use gouji_core::ingest::{FileProblem, Format};
    use gouji_core::MAX_INPUT_BYTES;
    // A zip of no Word document, exactly at the limit: read (and named as not Word).
    let mut zip = b"PK\x03\x04".to_vec();
    zip.resize(MAX_INPUT_BYTES, 0);
    let at = check_bytes(&zip);
    assert_eq!(at.report.facts.input.problem, Some(FileProblem::NotWord));
    // One byte more: not read at all, and S101 names the size and the limit.
    zip.push(0);
    let over = check_bytes(&zip);
    assert_eq!(
        over.report.facts.input.problem,
        Some(FileProblem::OverLimit {
            bytes: MAX_INPUT_BYTES + 1
        })
    );
    assert_eq!(over.report.facts.input.format, Format::Zip);
    assert!(over.text.is_empty());
    let msg = s101_message(&over.report);
    assert!(
        msg.contains("输入有 64.0 MB，超过了 64 MB 的上限，没有读取"),
        "{msg}"
    );
    assert_checked(&over);
    // Text and clipboard HTML given as strings are held to the same limit.
    let text = "年".repeat(MAX_INPUT_BYTES / 3 + 1);
    let r = check(&text);
    assert_eq!(r.template, Template::Unknown);
    assert!(
        s101_message(&r).contains("超过了 64 MB 的上限"),
        "{}",
        s101_message(&r)
    );
    let html = check_html_str(&text);
    assert!(html.text.is_empty());
    assert!(s101_message(&html.report).contains("超过了 64 MB 的上限"));
}

#[test]
fn millions_of_cells_or_lines_are_read_up_to_the_limit() {
    use gouji_core::ingest::text::{MAX_CELLS, MAX_LINES};
    // A report, then more one-number lines than the reader takes: the report is read, the
    // rest cut (memory stays bounded), and the report's spans still hold.
    let text = base("gb2021-pipe.txt") + &"0\n".repeat(MAX_CELLS + 10);
    let doc = Document::from_text(&text);
    assert!(doc.truncated);
    assert_eq!(doc.cells.len(), MAX_CELLS);
    let r = check(&text);
    assert_eq!(r.template, Template::Gb2021);
    assert!(r.facts.input.cut);
    assert_invariants(&text, &r);
    // One line of TAB-separated cells, and nothing but line breaks.
    let row = "\t0".repeat(MAX_CELLS + 10);
    let doc = Document::from_text(&row);
    assert!(doc.truncated && doc.cells.len() == MAX_CELLS && doc.lines.len() == 1);
    let breaks = "\n".repeat(MAX_LINES + 10);
    let doc = Document::from_text(&breaks);
    assert!(doc.truncated && doc.lines.len() == MAX_LINES);
    let r = check(&breaks);
    assert!(
        s101_message(&r).contains("100 万行或 50 万个单元格，只读取了前面的部分"),
        "{}",
        s101_message(&r)
    );
    // Below the limits nothing is cut.
    assert!(!check(&base("gb2021-pipe.txt")).facts.input.cut);
}

#[test]
fn a_tag_keeps_its_first_attributes_only() {
    use gouji_core::ingest::html::MAX_ATTRS;
    let attrs = |n: usize| {
        (0..n)
            .map(|i| format!("a{i}=\"x>{i}\" "))
            .collect::<String>()
    };
    // `hidden` as the last attribute kept hides the element; one further it is dropped.
    let kept = format!(
        "<p>前</p><div {}hidden>隐藏</div><p>后</p>",
        attrs(MAX_ATTRS - 1)
    );
    assert_eq!(html::render(&kept).text, "前\n后");
    let dropped = format!(
        "<p>前</p><div {}hidden>隐藏</div><p>后</p>",
        attrs(MAX_ATTRS)
    );
    assert_eq!(html::render(&dropped).text, "前\n隐藏\n后");
    // Something like a tag in a script or a comment is not cut (cutting it would cut the
    // script's or comment's end, and the text after it would be lost).
    let script = format!(
        "<script>var s = '<b {}hidden';</script><p>文字</p>",
        attrs(MAX_ATTRS)
    );
    assert_eq!(html::render(&script).text, "文字");
    let comment = format!("<!-- <b {}hidden --><p>文字</p>", attrs(MAX_ATTRS));
    assert_eq!(html::render(&comment).text, "文字");
    // 200 000 attributes on one tag, before a report: read in linear time, report found.
    let page = format!(
        "<html><body><div {}>{}</div></body></html>",
        attrs(200_000),
        base("gb2021-pipe.txt").replace('\n', "<br>")
    );
    let c = check_html_str(&page);
    assert_eq!(c.report.template, Template::Gb2021);
    assert_checked(&c);
}

#[test]
fn a_page_of_millions_of_elements_is_read_up_to_the_limit() {
    use gouji_core::ingest::html::MAX_NODES;
    // A report, then more elements than the parser takes: the report is read, the rest cut.
    let page = format!(
        "<html><body><pre>{}</pre>{}</body></html>",
        base("gb2021-pipe.txt"),
        "<i>x</i>".repeat(MAX_NODES)
    );
    let r = html::render(&page);
    assert!(r.truncated);
    let c = check_html_str(&page);
    assert_eq!(c.report.template, Template::Gb2021);
    assert!(c.report.facts.input.truncated);
    assert_checked(&c);
}
