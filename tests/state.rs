//! The UI state: text or bytes in, report out, through the one reducer; what the page says
//! about files; the names of cells. Native tests; the browser tests in tests/browser check the
//! same through the page.

// A test that cannot read its fixture or finds no report should stop right there, loudly.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::rc::Rc;

use gouji_core::{Severity, Template};
use gouji_web::labels;
use gouji_web::reading::{self, FileKind};
use gouji_web::state::{
    file_too_large, fits_storage, needs_debounce, Action, Notice, Origin, Selection, State, Tone,
    IMMEDIATE_BYTES, STORE_LIMIT_BYTES,
};
use yew::{AttrValue, Reducible};

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading fixture {}: {e}", path.display()))
}

const S000: &str = "000_7dba22183337286f.txt";
const S001: &str = "001_a59a8232ffc24999.txt";
const S003: &str = "003_89f707ba0384b85a.txt";
const S004: &str = "004_a362a86d6de7df23.txt";

fn position(state: &State, code: &str, subject: &str) -> usize {
    state
        .report
        .as_ref()
        .expect("a report")
        .findings
        .iter()
        .position(|f| f.code == code && f.subject == subject)
        .unwrap_or_else(|| panic!("no {code} on {subject}"))
}

#[test]
fn starts_empty() {
    let state = State::default();
    assert_eq!(state.input.as_str(), "");
    assert!(state.report.is_none());
    assert!(!state.stale);
}

#[test]
fn editing_checks_the_text() {
    let text = seed(S001);
    let state = State::default().apply(Action::Edit(text.clone()));
    assert_eq!(state.input.as_str(), text);
    assert_eq!(
        state.text.as_str(),
        text,
        "spans point into the checked text"
    );
    let report = state
        .report
        .as_ref()
        .expect("a report for a non-blank text");
    assert_eq!(report.template, Template::Gb2019);
    assert_eq!(report.year, Some(2020));
    assert!(report.count(Severity::Error) > 0);
    assert!(report
        .findings
        .iter()
        .any(|f| f.code == "A301" && f.subject == "requests/row/new"));
    assert_eq!(state.origin, Origin::Typed);
    assert_eq!(state.revision, 0, "typing never rewrites the box");
}

#[test]
fn the_report_is_the_one_of_the_current_text() {
    let first = State::default().apply(Action::Edit(seed(S001)));
    let second = first.apply(Action::Edit(seed(S003)));
    let report = second.report.as_ref().expect("a report");
    assert_eq!(report.template, Template::Gb2021);
    assert_eq!(report.year, Some(2023));
}

#[test]
fn a_long_text_is_checked_when_typing_pauses() {
    let long = seed(S000).repeat(3);
    assert!(needs_debounce(long.len()));
    assert!(!needs_debounce(IMMEDIATE_BYTES));
    let before = State::default().apply(Action::Edit(seed(S001)));
    let typed = before.apply(Action::Edit(long.clone()));
    assert!(typed.stale);
    assert_eq!(typed.input.as_str(), long);
    // Until then the page keeps showing the last report, with the text it points into.
    assert_eq!(typed.text, before.text);
    assert!(Rc::ptr_eq(
        typed.report.as_ref().expect("old report"),
        before.report.as_ref().expect("old report")
    ));
    let checked = typed.apply(Action::Check);
    assert!(!checked.stale);
    assert_eq!(checked.text.as_str(), long);
    assert_eq!(
        checked.report.as_ref().expect("a report").year,
        Some(2020),
        "the long text's own report"
    );
    // A check with nothing due changes nothing.
    let again = Rc::new(checked).reduce(Action::Check);
    assert!(Rc::ptr_eq(&again, &again.clone().reduce(Action::Check)));
}

#[test]
fn blank_text_has_no_report() {
    for text in ["", " ", "\n\n\t　\n"] {
        let state = State::default().apply(Action::Edit(text.to_string()));
        assert_eq!(state.input.as_str(), text);
        assert!(state.report.is_none(), "{text:?} should not be checked");
        assert_eq!(state.text.as_str(), "");
    }
}

#[test]
fn clear_empties_everything_and_rewrites_the_box() {
    let state = State::default()
        .apply(Action::Edit(seed(S000)))
        .apply(Action::Select(Some(Selection::Cell(
            "requests/new/natural".into(),
        ))))
        .apply(Action::Clear);
    assert_eq!(state.input.as_str(), "");
    assert!(state.report.is_none());
    assert!(state.selection.is_none());
    assert_eq!(state.revision, 1);
    assert_eq!(
        State {
            revision: 0,
            ..state
        },
        State::default()
    );
}

#[test]
fn unchanged_text_keeps_the_same_state() {
    let state = Rc::new(State::default()).reduce(Action::Edit(seed(S004)));
    let again = state.clone().reduce(Action::Edit(state.input.to_string()));
    assert!(Rc::ptr_eq(&state, &again));
    let same = again.clone().reduce(Action::Select(None));
    assert!(Rc::ptr_eq(&again, &same));
    let cleared = again.reduce(Action::Clear);
    assert!(cleared.report.is_none());
}

#[test]
fn text_that_is_no_report_still_gets_a_report() {
    let state = State::default().apply(Action::Edit("你好\u{0}😀\u{FFFD}|||\t\t1 2 3".to_string()));
    let report = state
        .report
        .as_ref()
        .expect("a report for any non-blank text");
    assert_eq!(report.template, Template::Unknown);
    assert!(report.findings.iter().any(|f| f.code == "S101"));
}

#[test]
fn loading_an_example_replaces_the_box_and_checks_at_once() {
    let long = seed(S000).repeat(3);
    let state = State::default().apply(Action::Load {
        text: long.clone(),
        origin: Origin::Example {
            label: "湘阴县".into(),
        },
    });
    assert_eq!(state.revision, 1);
    assert!(!state.stale, "a loaded text is checked even when long");
    assert_eq!(state.text.as_str(), long);
    assert!(state.report.is_some());
    assert!(matches!(state.origin, Origin::Example { .. }));
}

#[test]
fn the_last_visit_comes_back_checked() {
    let state = State::restored(Some(seed(S004)));
    assert_eq!(state.input.as_str(), seed(S004));
    assert_eq!(state.origin, Origin::Restored);
    assert_eq!(
        state.report.as_ref().expect("a report").template,
        Template::Gb2021
    );
    assert_eq!(State::restored(None), State::default());
    assert_eq!(State::restored(Some("  \n".into())), State::default());
}

#[test]
fn a_file_goes_through_check_bytes_and_its_text_fills_the_box() {
    // UTF-16LE with a BOM: only decoding the bytes gives the report back.
    let text = seed(S001);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let state = State::default().apply(Action::File(reading::read_now("报告.txt", &bytes)));
    assert_eq!(state.input.as_str(), text);
    assert_eq!(state.text.as_str(), text);
    assert_eq!(state.revision, 1);
    assert!(state.notice.is_none(), "a text file needs no notice");
    assert_eq!(
        state.origin,
        Origin::File {
            name: "报告.txt".into(),
            size: bytes.len(),
            kind: FileKind::Text
        }
    );
    let report = state.report.as_ref().expect("a report");
    assert_eq!(report.template, Template::Gb2019);
    assert_eq!(report.count(Severity::Error), 4);
}

#[test]
fn a_file_the_core_cannot_read_keeps_the_box_and_the_page_says_why() {
    let before = State::default().apply(Action::Edit(seed(S004)));
    for (name, bytes) in [
        ("报告.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec()),
        (
            "报告.docx",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml".to_vec(),
        ),
        (
            "报告.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".to_vec(),
        ),
    ] {
        let state = before.apply(Action::File(reading::read_now(name, &bytes)));
        assert_eq!(state.input, before.input, "{name}: the box keeps its text");
        assert_eq!(state.report, before.report, "{name}: the report stays");
        let notice = state.notice.as_ref().expect("a notice");
        assert_eq!(notice.tone, Tone::Warning);
        assert!(notice.text.contains("粘贴"), "{name}: {}", notice.text);
        assert!(notice.text.contains(name), "{name}: {}", notice.text);
    }
}

#[test]
fn a_published_pdf_is_read_and_the_box_shows_its_text() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/reports/hongze-2023-qzf.pdf"
    ))
    .expect("the PDF fixture");
    let state = State::default().apply(Action::File(reading::read_now("洪泽区.pdf", &bytes)));
    let checked = gouji_core::check_bytes(&bytes);
    assert!(!checked.text.trim().is_empty());
    assert_eq!(
        state.input.as_str(),
        checked.text,
        "the box holds the extracted text"
    );
    assert_eq!(state.text.as_str(), checked.text, "the spans point into it");
    let report = state.report.as_ref().expect("a report");
    assert_eq!(report.template, Template::Gb2021);
    let notice = state.notice.as_ref().expect("a notice");
    assert_eq!(notice.tone, Tone::Info);
    assert!(!notice.text.contains("粘贴"), "{}", notice.text);
}

fn html_fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/core/tests/fixtures/html")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading fixture {}: {e}", path.display()))
}

#[test]
fn an_html_file_is_read_as_html_and_the_box_shows_the_rendered_page() {
    let bytes = html_fixture("gb2021-gbk-declared.html");
    let checked = gouji_core::check_html(&bytes);
    let state = State::default().apply(Action::File(reading::read_now("report.html", &bytes)));
    assert_eq!(
        state.input.as_str(),
        checked.text,
        "the box holds the page's text"
    );
    assert_eq!(state.text.as_str(), checked.text, "the spans point into it");
    assert!(state.input.contains('\t'), "tables become TAB rows");
    assert!(!state.input.contains("<td"), "no markup in the box");
    let report = state.report.as_ref().expect("a report");
    assert_eq!(report.template, Template::Gb2021);
    assert!(reading::note(FileKind::Html).is_none());
    let notice = state.notice.as_ref().expect("a notice");
    assert_eq!(notice.tone, Tone::Info, "{}", notice.text);
    assert!(!notice.text.contains("纯文本"), "{}", notice.text);
}

#[test]
fn a_fragment_in_an_htm_file_is_read_as_html_by_its_name() {
    let html = format!("总体情况<pre>{}</pre>", seed(S004));
    let checked = gouji_core::check_html(html.as_bytes());
    let state =
        State::default().apply(Action::File(reading::read_now("报告.HTM", html.as_bytes())));
    assert_eq!(state.input.as_str(), checked.text);
    assert!(!state.input.contains("<pre>"));
    assert!(state.report.is_some());
}

#[test]
fn a_pasted_html_replaces_the_box_with_its_rendered_text() {
    let html = String::from_utf8_lossy(&html_fixture("gb2021-official.html")).into_owned();
    let checked = gouji_core::check_html_str(&html);
    let state = State::default()
        .apply(Action::Edit("旧的文字".into()))
        .apply(Action::Html(gouji_core::read_html_str(&html)));
    assert_eq!(state.input.as_str(), checked.text);
    assert_eq!(state.text.as_str(), checked.text);
    assert_eq!(state.revision, 1, "the box is rewritten");
    let report = state.report.as_ref().expect("a report");
    assert_eq!(report.template, Template::Gb2021);
}

#[test]
fn an_empty_file_says_it_is_empty() {
    let state = State::default().apply(Action::File(reading::read_now("空.txt", &[])));
    assert!(state.report.is_none());
    assert!(state
        .notice
        .as_ref()
        .is_some_and(|n| n.text.contains("没有文字")));
}

#[test]
fn files_are_told_apart_by_content_before_name() {
    assert_eq!(FileKind::sniff("a.txt", b"%PDF-1.4"), FileKind::Pdf);
    assert_eq!(
        FileKind::sniff("a.pdf", "一、总体情况".as_bytes()),
        FileKind::Pdf
    );
    assert_eq!(FileKind::sniff("a.txt", b"PK\x03\x04"), FileKind::Docx);
    assert_eq!(
        FileKind::sniff("a.txt", b"\xEF\xBB\xBF  <!doctype HTML><html>"),
        FileKind::Html
    );
    assert_eq!(FileKind::sniff("a", b"<TABLE><tr>"), FileKind::Html);
    assert_eq!(FileKind::sniff("a.HTM", "总计".as_bytes()), FileKind::Html);
    assert_eq!(
        FileKind::sniff("报告", "一、总体情况 <b>".as_bytes()),
        FileKind::Text
    );
    assert_eq!(FileKind::sniff("", b""), FileKind::Text);
    assert!(FileKind::Text.read_by_core());
    assert!(reading::note(FileKind::Text).is_none());
    for kind in [FileKind::Html, FileKind::Pdf, FileKind::Docx, FileKind::Doc] {
        assert_eq!(
            reading::note(kind).is_some(),
            !kind.read_by_core(),
            "{kind:?}"
        );
    }
}

#[test]
fn a_failure_becomes_a_notice_that_can_be_dismissed() {
    let notice = Notice::new(Tone::Error, "示例未能载入");
    let state = State::default()
        .apply(Action::Reading("a.txt".into()))
        .apply(Action::Failed(notice.clone()));
    assert_eq!(state.notice, Some(notice));
    assert!(state.reading.is_none());
    assert!(state.apply(Action::Dismiss).notice.is_none());
}

#[test]
fn large_files_and_texts_are_refused_or_not_kept() {
    assert!(file_too_large("a.txt", 1024.0).is_none());
    let limit = gouji_core::MAX_INPUT_BYTES as f64;
    assert!(file_too_large("a.pdf", limit).is_none());
    let refused = file_too_large("大.pdf", limit + 1.0).expect("too large");
    assert!(refused.text.contains("大.pdf"));
    assert!(
        refused.text.contains("64.0 MB，超过了 64 MB 的上限"),
        "{}",
        refused.text
    );
    assert!(fits_storage(&"字".repeat(STORE_LIMIT_BYTES / 3)));
    assert!(!fits_storage(&"a".repeat(STORE_LIMIT_BYTES + 1)));
}

#[test]
fn selecting_a_finding_selects_its_cells() {
    let state = State::default().apply(Action::Edit(seed(S000)));
    let i = position(&state, "R401", "appeals/suit_after_review");
    let state = state.apply(Action::Select(Some(Selection::Finding(i))));
    let (_, f) = state.selected_finding().expect("selected");
    assert_eq!(f.code, "R401");
    let mut cells: Vec<String> = state
        .selected_cells()
        .iter()
        .map(|c| c.to_string())
        .collect();
    cells.sort();
    assert_eq!(
        cells,
        [
            "appeals/suit_after_review/corrected",
            "appeals/suit_after_review/other",
            "appeals/suit_after_review/pending",
            "appeals/suit_after_review/total",
            "appeals/suit_after_review/upheld",
        ]
    );
    let cell = state.apply(Action::Select(Some(Selection::Cell(
        "requests/new/natural".into(),
    ))));
    assert_eq!(
        cell.selected_cells(),
        vec![AttrValue::from("requests/new/natural")]
    );
    assert!(cell.selected_finding().is_none());
}

#[test]
fn the_selection_follows_its_finding_into_the_next_report_or_goes() {
    let text = seed(S000);
    let state = State::default().apply(Action::Edit(text.clone()));
    let i = position(&state, "A303", "requests/col/legal_service");
    let state = state.apply(Action::Select(Some(Selection::Finding(i))));
    // An edit that keeps the finding: a character added to the title.
    let edited = state.apply(Action::Edit(format!("{text}\n")));
    let (_, f) = edited.selected_finding().expect("still selected");
    assert_eq!(
        (f.code, f.subject.as_str()),
        ("A303", "requests/col/legal_service")
    );
    // A text without it: the selection goes.
    let other = edited.apply(Action::Edit(seed(S004)));
    assert!(other.selection.is_none());
    // A cell stays selected across reports.
    let cell = other
        .apply(Action::Select(Some(Selection::Cell(
            "requests/new/total".into(),
        ))))
        .apply(Action::Edit(seed(S003)));
    assert_eq!(
        cell.selection,
        Some(Selection::Cell("requests/new/total".into()))
    );
}

#[test]
fn cells_are_named_as_the_report_names_them() {
    let state = State::default().apply(Action::Edit(seed(S000)));
    let report = state.report.as_ref().expect("a report");
    let name = labels::cell_name(report, "requests/new/natural").expect("a name");
    assert_eq!(name.table, "申请情况表");
    assert_eq!(name.col, "自然人");
    assert!(name.row.contains("本年新收"), "{}", name.row);
    let (_, _, cell) = labels::cell(report, "requests/new/natural").expect("the cell");
    assert_eq!(cell.raw, "39");
    assert!(labels::cell_name(report, "requests/withheld.query/total").is_some());
    assert!(labels::cell_name(report, "nonsense").is_none());
    assert!(labels::cell_name(report, "requests/new/no_such_col").is_none());
    assert_eq!(labels::line_of("a\nb\nc", 4), 3);
    assert_eq!(labels::line_of("总计", 1), 0, "not a char boundary");
}

#[test]
fn a_file_the_reader_could_not_read_keeps_the_box_and_says_why() {
    let before = State::default().apply(Action::Edit(seed(S004)));
    let state = before.apply(Action::File(reading::FileRead {
        name: "年报.pdf".into(),
        size: 1200,
        kind: FileKind::Pdf,
        read: Err("读取器未能加载".into()),
    }));
    assert_eq!(state.input, before.input, "the box keeps its text");
    assert_eq!(state.report, before.report, "the report stays");
    assert!(state.reading.is_none(), "no longer reading");
    let notice = state.notice.as_ref().expect("a notice");
    assert_eq!(notice.tone, Tone::Error);
    assert!(
        notice.text.contains("年报.pdf") && notice.text.contains("读取器未能加载"),
        "{}",
        notice.text
    );
}
