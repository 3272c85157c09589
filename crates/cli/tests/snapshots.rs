//! The text and JSON output of every fixture, as reviewed snapshots (`insta`).
//!
//! Each snapshot starts with the exit status. A snapshot records what the command prints
//! today; whether that is *right* is asserted separately, from the spec, in
//! `seeds_expected.rs`. Review a changed snapshot against that spec before accepting it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{gouji, Run};

/// The seeds and the published reports' text extractions, as their folders hold them.
fn fixtures() -> Vec<String> {
    let mut all = common::seeds();
    all.extend(common::fixture_files("tests/fixtures/reports", ".pdf.txt"));
    assert!(all.len() >= 8, "{all:?}");
    all
}

fn shown(run: &Run) -> String {
    assert!(run.stderr.is_empty(), "unexpected stderr: {}", run.stderr);
    format!("exit: {}\n---\n{}", run.code, run.stdout)
}

/// `tests/fixtures/seeds/000_7dba22183337286f.txt` → `seed_000`;
/// `tests/fixtures/reports/hongze-2023-qzf.pdf.txt` → `hongze-2023-qzf`.
fn name(fixture: &str) -> String {
    let file = fixture.rsplit('/').next().unwrap_or(fixture);
    match fixture.strip_prefix("tests/fixtures/seeds/") {
        Some(_) => format!("seed_{}", &file[..3]),
        None => file.trim_end_matches(".pdf.txt").to_string(),
    }
}

#[test]
fn text_of_each_fixture() {
    for fixture in fixtures() {
        let run = gouji(&["check", &fixture]);
        insta::assert_snapshot!(format!("text_{}", name(&fixture)), shown(&run));
    }
}

#[test]
fn json_of_each_fixture() {
    for fixture in fixtures() {
        let run = gouji(&["check", "--format", "json", &fixture]);
        insta::assert_snapshot!(format!("json_{}", name(&fixture)), shown(&run));
    }
}

/// A whole folder in text: the reports in byte order of their paths, then the summary table.
#[test]
fn text_of_the_fixtures_folder() {
    // The seeds and the published reports: the corpus (tests/fixtures/corpus) has a test of
    // its own (crates/core/tests/corpus.rs) and would make this snapshot change with it.
    let run = gouji(&["check", "tests/fixtures/seeds", "tests/fixtures/reports"]);
    insta::assert_snapshot!("text_fixtures_folder", shown(&run));
}
