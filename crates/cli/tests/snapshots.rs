//! The text and JSON output of every fixture, as reviewed snapshots (`insta`).
//!
//! Each snapshot starts with the exit status. A snapshot records what the command prints
//! today; whether that is *right* is asserted separately, from the spec, in
//! `seeds_expected.rs`. Review a changed snapshot against that spec before accepting it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{gouji, Run};

const FIXTURES: [&str; 8] = [
    "seeds/000_7dba22183337286f.txt",
    "seeds/001_a59a8232ffc24999.txt",
    "seeds/002_01eb1ecf6fdff090.txt",
    "seeds/003_89f707ba0384b85a.txt",
    "seeds/004_a362a86d6de7df23.txt",
    "reports/hongze-2023-qzf.pdf.txt",
    "reports/hongze-2024-qzf.pdf.txt",
    "reports/huaian-2024-szf.pdf.txt",
];

fn shown(run: &Run) -> String {
    assert!(run.stderr.is_empty(), "unexpected stderr: {}", run.stderr);
    format!("exit: {}\n---\n{}", run.code, run.stdout)
}

/// `seeds/000_7dba22183337286f.txt` → `seed_000`; `reports/hongze-2023-qzf.pdf.txt` → `hongze-2023-qzf`.
fn name(fixture: &str) -> String {
    let file = fixture.rsplit('/').next().unwrap_or(fixture);
    match fixture.strip_prefix("seeds/") {
        Some(_) => format!("seed_{}", &file[..3]),
        None => file.trim_end_matches(".pdf.txt").to_string(),
    }
}

#[test]
fn text_of_each_fixture() {
    for fixture in FIXTURES {
        let run = gouji(&["check", &format!("tests/fixtures/{fixture}")]);
        insta::assert_snapshot!(format!("text_{}", name(fixture)), shown(&run));
    }
}

#[test]
fn json_of_each_fixture() {
    for fixture in FIXTURES {
        let run = gouji(&[
            "check",
            "--format",
            "json",
            &format!("tests/fixtures/{fixture}"),
        ]);
        insta::assert_snapshot!(format!("json_{}", name(fixture)), shown(&run));
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
