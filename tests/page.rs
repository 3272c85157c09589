//! The page's reducer: the single report and the batch together, the rule page opened from a
//! finding and closed again, and a repair tried on a copy of the text.

#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::path::Path;
use std::rc::Rc;

use gouji_core::Severity;
use gouji_web::batch::{BatchAction, View};
use gouji_web::page::{Page, PageAction};
use gouji_web::state::{Action, Selection};
use gouji_web::trial;
use yew::Reducible;

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

fn edit(page: &Page, name: &str) -> Page {
    page.apply(PageAction::Single(Action::Edit(seed(name))))
}

fn errors(page: &Page) -> usize {
    page.shown()
        .report
        .as_ref()
        .expect("a report")
        .count(Severity::Error)
}

#[test]
fn a_batch_report_opens_as_the_single_view_and_the_list_comes_back() {
    let mut page = Page::default().apply(PageAction::Batch(BatchAction::Start {
        id: 1,
        files: vec![("a.txt".into(), 10), ("b.txt".into(), 10)],
        left_out: 0,
    }));
    for (index, name) in [S001, S004].into_iter().enumerate() {
        let checked = Box::new(gouji_core::check_bytes(seed(name).as_bytes()));
        page = page.apply(PageAction::Batch(BatchAction::Read {
            id: 1,
            index,
            checked,
        }));
    }
    let opened = page.apply(PageAction::Open(1));
    assert_eq!(opened.batch.view, View::Item(1));
    assert_eq!(opened.current_item(), Some(1));
    assert_eq!(opened.single.input.as_str(), seed(S004));
    assert!(Rc::ptr_eq(
        opened.single.report.as_ref().unwrap(),
        opened.batch.items[1].report().unwrap()
    ));
    // Not read (out of range): nothing changes.
    let same = Rc::new(opened.clone());
    assert!(Rc::ptr_eq(&same.clone().reduce(PageAction::Open(9)), &same));
    let listed = opened.apply(PageAction::List);
    assert_eq!(listed.batch.view, View::List);
    // An edit makes the single view another text: no longer the batch's report.
    let edited = opened.apply(PageAction::Single(Action::Edit("别的".into())));
    assert_eq!(edited.current_item(), None);
}

#[test]
fn the_rule_page_opens_from_a_finding_and_closes_to_the_same_place() {
    let page = edit(&Page::default(), S001).apply(PageAction::Single(Action::Select(Some(
        Selection::Finding(0),
    ))));
    let open = page.apply(PageAction::Explain {
        code: "A303".into(),
        from: Some(0),
    });
    let rule = open.rule.as_ref().expect("the rule page");
    assert_eq!((rule.code.as_str(), rule.from), ("A303", Some(0)));
    let back = open.apply(PageAction::CloseRule);
    assert!(back.rule.is_none());
    assert_eq!(back.single.selection, Some(Selection::Finding(0)));
    assert!(
        Rc::ptr_eq(&back.single, &page.single),
        "the report is untouched"
    );
}

#[test]
fn a_repair_is_tried_on_a_copy_and_the_original_comes_back() {
    let page = edit(&Page::default(), S001);
    assert!(errors(&page) > 0);
    let tried = page.apply(PageAction::TryRepair(0));
    let trial = tried.trial.as_ref().expect("a re-checked copy");
    assert_eq!(trial.changes, 2);
    assert_eq!(errors(&tried), 0, "the repair makes every equation hold");
    assert_ne!(tried.shown().text, page.single.text);
    // The original is as it was: the box, the text, the report.
    assert!(Rc::ptr_eq(&tried.single, &page.single));
    // A selection goes to the copy shown.
    let selected = tried.apply(PageAction::Single(Action::Select(Some(Selection::Cell(
        "requests/new/total".into(),
    )))));
    assert!(selected.trial.as_ref().unwrap().state.selection.is_some());
    assert!(selected.single.selection.is_none());
    let back = selected.apply(PageAction::Original);
    assert!(back.trial.is_none());
    assert!(errors(&back) > 0);
    // A new text ends the copy.
    let edited = edit(&tried, S004);
    assert!(edited.trial.is_none());
    // A repair that does not exist: nothing happens.
    let same = Rc::new(page.clone());
    assert!(Rc::ptr_eq(
        &same.clone().reduce(PageAction::TryRepair(99)),
        &same
    ));
}

#[test]
fn every_alternative_repair_of_seed_000_makes_the_equations_hold() {
    let page = edit(&Page::default(), S000);
    let report = page.single.report.clone().unwrap();
    let repair = report.repair.as_ref().unwrap();
    for which in 0..=repair.alternatives.len() {
        let tried = page.apply(PageAction::TryRepair(which));
        let shown = tried.shown().report.clone().unwrap();
        let equations = shown
            .findings
            .iter()
            .filter(|f| matches!(f.code, "A301" | "A302" | "A303" | "R401"))
            .count();
        assert_eq!(equations, 0, "repair {which}");
    }
}

#[test]
fn the_repaired_text_changes_only_the_repaired_cells() {
    let text = seed(S001);
    let report = gouji_core::check(&text);
    let changes = &report.repair.as_ref().unwrap().changes;
    let repaired = trial::repaired_text(&text, &report, changes).expect("spans for every cell");
    assert!(trial::applicable(&text, &report, changes));
    let again = gouji_core::check(&repaired);
    for c in changes {
        let (_, _, cell) = gouji_web::labels::cell(&again, &c.cell).unwrap();
        assert_eq!(cell.raw, gouji_web::labels::number(c.to), "{}", c.cell);
    }
    // Lines without a repaired cell are as they were.
    let before: Vec<&str> = text.lines().collect();
    let after: Vec<&str> = repaired.lines().collect();
    assert_eq!(before.len(), after.len());
    let changed = before.iter().zip(&after).filter(|(a, b)| a != b).count();
    assert!(changed >= 1 && changed <= changes.len(), "{changed}");
    // Nothing to write into: no copy.
    assert!(!trial::applicable(&text, &report, &[]));
}
