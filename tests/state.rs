//! The UI state: text in, report out, through the one reducer. Native tests; the browser tests
//! in tests/browser check the same through the page.

// A test that cannot read its fixture or finds no report should stop right there, loudly.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::rc::Rc;

use gouji_core::{Severity, Template};
use gouji_web::state::{Action, State};
use yew::Reducible;

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading fixture {}: {e}", path.display()))
}

#[test]
fn starts_empty() {
    let state = State::default();
    assert_eq!(state.input.as_str(), "");
    assert!(state.report.is_none());
}

#[test]
fn editing_checks_the_text() {
    let text = seed("001_a59a8232ffc24999.txt");
    let state = State::default().apply(Action::Edit(text.clone()));
    assert_eq!(state.input.as_str(), text);
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
}

#[test]
fn the_report_is_the_one_of_the_current_text() {
    let first = State::default().apply(Action::Edit(seed("001_a59a8232ffc24999.txt")));
    let second = first.apply(Action::Edit(seed("003_89f707ba0384b85a.txt")));
    let report = second.report.as_ref().expect("a report");
    assert_eq!(report.template, Template::Gb2021);
    assert_eq!(report.year, Some(2023));
}

#[test]
fn blank_text_has_no_report() {
    for text in ["", " ", "\n\n\t　\n"] {
        let state = State::default().apply(Action::Edit(text.to_string()));
        assert_eq!(state.input.as_str(), text);
        assert!(state.report.is_none(), "{text:?} should not be checked");
    }
}

#[test]
fn clear_empties_everything() {
    let state = State::default()
        .apply(Action::Edit(seed("000_7dba22183337286f.txt")))
        .apply(Action::Clear);
    assert_eq!(state, State::default());
}

#[test]
fn unchanged_text_keeps_the_same_state() {
    let state = Rc::new(State::default()).reduce(Action::Edit(seed("004_a362a86d6de7df23.txt")));
    let again = state.clone().reduce(Action::Edit(state.input.to_string()));
    assert!(Rc::ptr_eq(&state, &again));
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
