//! Which cells the page marks how: one wrong number is drawn loudly in its one cell, the other
//! cells of its broken equations quietly; and what the source view marks for a selection.

#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use gouji_core::Severity;
use gouji_web::labels;
use gouji_web::marks::{cell_marks, source_marks};
use gouji_web::state::{Action, Selection, State};

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading fixture {}: {e}", path.display()))
}

const S000: &str = "000_7dba22183337286f.txt";
const S001: &str = "001_a59a8232ffc24999.txt";
const S004: &str = "004_a362a86d6de7df23.txt";

/// Seed 004 (no equation fails) with one cell's text replaced.
fn s004_with(path: &str, value: &str) -> String {
    let text = seed(S004);
    let report = gouji_core::check(&text);
    let span = labels::cell(&report, path)
        .and_then(|(_, _, c)| c.span)
        .expect("the cell has a span");
    format!("{}{value}{}", &text[..span.start], &text[span.end..])
}

fn loud(marks: &std::collections::HashMap<String, gouji_web::marks::CellMark>) -> Vec<&str> {
    let mut v: Vec<&str> = marks
        .iter()
        .filter(|(_, m)| m.loud)
        .map(|(p, _)| p.as_str())
        .collect();
    v.sort_unstable();
    v
}

#[test]
fn a_clean_report_marks_nothing_loudly() {
    let report = gouji_core::check(&seed(S004));
    assert!(loud(&cell_marks(&report)).is_empty());
}

#[test]
fn one_wrong_total_is_one_loud_cell_and_its_equations_are_quiet() {
    let report = gouji_core::check(&s004_with("requests/total/total", "999"));
    let errors: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.code)
        .collect();
    assert!(
        errors.contains(&"A301") || errors.contains(&"A302"),
        "{errors:?}"
    );
    let marks = cell_marks(&report);
    assert_eq!(loud(&marks), ["requests/total/total"]);
    let quiet: Vec<&String> = marks
        .iter()
        .filter(|(_, m)| !m.loud && m.severity == Severity::Error)
        .map(|(p, _)| p)
        .collect();
    assert!(
        quiet.len() >= 10,
        "the row's and the column's cells: {quiet:?}"
    );
    // The same severity as the core gives every involved cell: data-severity is unchanged.
    for (path, m) in &marks {
        assert_eq!(Some(m.severity), report.cell_severity(path), "{path}");
    }
}

#[test]
fn every_cell_the_repair_changes_is_loud_and_every_error_has_a_loud_cell() {
    for name in [S000, S001] {
        let report = gouji_core::check(&seed(name));
        let marks = cell_marks(&report);
        let repair = report.repair.as_ref().expect("a repair");
        assert!(!repair.changes.is_empty(), "{name}");
        for c in &repair.changes {
            assert!(marks[&c.cell].loud, "{name} {}", c.cell);
        }
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            if !f.cells.is_empty() {
                assert!(
                    f.cells.iter().any(|c| marks[c].loud),
                    "{name}: {} {} has no loud cell",
                    f.code,
                    f.subject
                );
            }
        }
    }
}

#[test]
fn information_alone_is_never_loud() {
    let report = gouji_core::check(&seed(S000));
    let marks = cell_marks(&report);
    let infos: Vec<_> = marks
        .values()
        .filter(|m| m.severity == Severity::Info)
        .collect();
    assert!(!infos.is_empty());
    assert!(infos.iter().all(|m| !m.loud));
}

#[test]
fn a_selected_cell_marks_its_label_and_its_value() {
    let state = State::default()
        .apply(Action::Edit(seed(S001)))
        .apply(Action::Select(Some(Selection::Cell(
            "requests/new/natural".into(),
        ))));
    let (marks, caption) = source_marks(&state);
    assert_eq!(marks.len(), 2);
    assert!(marks[0].label && !marks[1].label);
    assert!(caption.contains("自然人"), "{caption}");
    let nothing = State::default().apply(Action::Edit(seed(S001)));
    assert!(source_marks(&nothing).0.is_empty());
}
