//! Every rendering of every corpus report reads to the report's truth.
//!
//! tests/fixtures/corpus/<folder>/ holds a real report's saved page (`page.html`) with its
//! hand-made `truth.txt` (format: tests/support/truth.rs), or a seed report rendered as an
//! official-layout page (`seed-NNN/`, whose truth is the reading of the seed's text, which
//! tests/seeds.rs checks against the seed's hand-made results), and beside it the renderings
//! `cargo xtask renderings` made of that page: its innerText in Chromium, the text of a
//! select-all in Chromium (`getSelection().toString()`), the page in GBK,
//! Chromium's PDF, LibreOffice Writer's .docx and Writer's PDF of that .docx; and Markdown as
//! converters write it (tests/fixtures/corpus/README.md): `markitdown.md`, the page converted
//! by markitdown (HTML → Markdown pipe tables), and `pymupdf4llm.md`, Chromium's PDF converted
//! by pymupdf4llm (its own `Col1` headers, merged cells repeated, `<br>` in cells, a table
//! split at a page break).
//!
//! Each (folder, rendering) is checked with `check_bytes`, and must give the truth's template,
//! year, every row of the three tables (cells, blanks, absent rows), the rows outside the
//! template, the publication date (the page's metadata in the HTML renderings, its 时间 line
//! in the others), and exactly the truth's errors and warnings (code and subject). Info findings are
//! not compared: S101, the only finding about the input itself, is info and says how a file
//! was read (bytes replaced, a font without ToUnicode); a rendering that loses its tables
//! already fails on the template and the cells.
//!
//! KNOWN.txt lists the pairs that do not read exactly yet, each with a FIXME. The test fails
//! when an unlisted pair does not read exactly and when a listed one does (remove its line:
//! the list only shrinks). A listed pair must still give no error the truth does not have (a
//! misreading must never be reported as the report's error); a pair that does so today is
//! marked `errors-today`, and the test fails when the mark is no longer needed.
//!
//! Rows a rendering does not hold at all (a converter lost them at a page break) cannot be
//! read from it: a listed pair marked `not-in-file=requests/total,requests/carried_out` must
//! differ from the truth in exactly those rows, each not read, and in the one S104 warning
//! about each of their tables that says so as a finding about the reading (`concerns:
//! reading`); nothing else may differ. Such a pair is counted apart ("but for rows not in the
//! file"), not as reading exactly.
//!
//! `cargo test -p gouji-core --test corpus -- --nocapture` prints, per rendering, how many
//! reports read exactly.

// A test fails by panicking.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gouji_core::{check_bytes, Concern, Report};
use support::invariants::assert_checked;
use support::truth::{self, Truth};

/// The renderings of a report, the page first.
const RENDERINGS: [&str; 9] = [
    "page.html",
    "innertext.txt",
    "selection.txt",
    "gbk.html",
    "chromium.pdf",
    "writer.docx",
    "writer.pdf",
    "markitdown.md",
    "pymupdf4llm.md",
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn text(p: &Path) -> String {
    String::from_utf8(read(p)).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A line of KNOWN.txt:
/// `<folder> <rendering> [errors-today] [not-in-file=<table/row>,…] FIXME: <what is wrong>`.
#[derive(Debug)]
struct Known {
    errors_today: bool,
    /// Rows the rendering does not hold (`table/row`).
    not_in_file: Vec<String>,
    seen: bool,
}

fn known(corpus: &Path) -> BTreeMap<(String, String), Known> {
    let mut out = BTreeMap::new();
    let path = corpus.join("KNOWN.txt");
    for (n, line) in text(&path).lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(folder), Some(rendering)) = (words.next(), words.next()) else {
            panic!("KNOWN.txt line {}: expected `folder rendering …`", n + 1);
        };
        let mut rest: Vec<&str> = words.collect();
        let errors_today = rest.first() == Some(&"errors-today");
        if errors_today {
            rest.remove(0);
        }
        let not_in_file: Vec<String> =
            match rest.first().and_then(|w| w.strip_prefix("not-in-file=")) {
                Some(rows) => {
                    let rows = rows.split(',').map(str::to_string).collect();
                    rest.remove(0);
                    rows
                }
                None => Vec::new(),
            };
        assert!(
            rest.first().is_some_and(|w| w.starts_with("FIXME")) && rest.len() > 1,
            "KNOWN.txt line {}: every pair needs a one-line `FIXME: what is wrong`",
            n + 1
        );
        assert!(
            RENDERINGS.contains(&rendering),
            "KNOWN.txt line {}: no rendering {rendering:?}",
            n + 1
        );
        let key = (folder.to_string(), rendering.to_string());
        assert!(
            !out.contains_key(&key),
            "KNOWN.txt line {}: listed twice",
            n + 1
        );
        out.insert(
            key,
            Known {
                errors_today,
                not_in_file,
                seen: false,
            },
        );
    }
    out
}

/// The truth of a folder: its truth.txt (whose `chars:` must be the page's length), or for
/// `seed-NNN` the reading of tests/fixtures/seeds/NNN_*.txt.
fn truth_of(dir: &Path, name: &str) -> Result<Truth, String> {
    let file = dir.join("truth.txt");
    if file.is_file() {
        let t = truth::parse(&text(&file)).map_err(|e| format!("{name}/truth.txt: {e}"))?;
        if !t.complete {
            return Err(format!("{name}/truth.txt has no [findings] section"));
        }
        let chars = text(&dir.join("page.html")).chars().count();
        if t.chars != Some(chars) {
            return Err(format!(
                "{name}/page.html has {chars} characters, truth.txt says {:?}: not the page the truth was made from",
                t.chars
            ));
        }
        return Ok(t);
    }
    let number = name
        .strip_prefix("seed-")
        .ok_or_else(|| format!("{name} has no truth.txt"))?;
    let seed = support::fixtures::seed_path(&format!("{number}_"));
    Ok(truth::of_report(&check_bytes(&read(&seed)).report))
}

#[test]
fn every_rendering_of_every_corpus_report_reads_to_its_truth() {
    let corpus = fixtures().join("corpus");
    let mut known = known(&corpus);
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("page.html").is_file())
        .collect();
    folders.sort();
    assert!(
        folders
            .iter()
            .filter(|d| !name(d).starts_with("seed-"))
            .count()
            >= 1,
        "no corpus report in {}",
        corpus.display()
    );

    let mut failures = Vec::new();
    // rendering → (real reports exact, real reports, seeds exact, seeds, real reports exact
    // but for rows not in the file)
    let mut tally: BTreeMap<&str, [usize; 5]> = BTreeMap::new();
    for dir in &folders {
        let name = name(dir);
        let seed = name.starts_with("seed-");
        let truth = match truth_of(dir, &name) {
            Ok(t) => t,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        for rendering in RENDERINGS {
            let file = dir.join(rendering);
            if !file.is_file() {
                failures.push(format!(
                    "{name}/{rendering} is missing: run `cargo xtask renderings`"
                ));
                continue;
            }
            let checked = check_bytes(&read(&file));
            assert_checked(&checked);
            let mut diffs = truth::differences(&checked.report, &truth);
            let page = rendering.ends_with(".html");
            diffs.extend(truth::published_difference(&checked.report, &truth, page));
            let exact = diffs.is_empty();
            let unfounded = truth::unfounded_errors(&checked.report, &truth);
            let entry = known.get_mut(&(name.clone(), rendering.to_string()));
            let not_in_file = entry
                .as_ref()
                .map(|k| k.not_in_file.clone())
                .unwrap_or_default();
            let beyond = beyond_the_file(&diffs, &checked.report, &not_in_file);
            let t = tally.entry(rendering).or_default();
            let at = if seed { 2 } else { 0 };
            t[at] += usize::from(exact);
            t[at + 1] += 1;
            t[4] += usize::from(!exact && !seed && beyond.as_ref().is_ok_and(Vec::is_empty));

            let listed = entry.map(|k| {
                k.seen = true;
                k.errors_today
            });
            let problem = match beyond {
                Err(e) => Some(e),
                Ok(rest) if !not_in_file.is_empty() && !exact => {
                    if rest.is_empty() {
                        verdict_not_in_file(&unfounded, listed == Some(true))
                    } else {
                        Some(format!(
                            "differs from its truth beyond the rows not in the file:\n      {}",
                            rest.join("\n      ")
                        ))
                    }
                }
                Ok(_) => verdict(&diffs, &unfounded, listed),
            };
            if let Some(problem) = problem {
                failures.push(format!("{name} {rendering} {problem}"));
            }
        }
    }
    for ((folder, rendering), k) in &known {
        if !k.seen {
            failures.push(format!(
                "KNOWN.txt lists {folder} {rendering}, which is not in the corpus"
            ));
        }
    }

    println!("renderings that read exactly (real reports; seeds):");
    for rendering in RENDERINGS {
        let [e, n, se, sn, but] = tally.get(rendering).copied().unwrap_or_default();
        let but = if but > 0 {
            format!(" (and {but} but for rows not in the file)")
        } else {
            String::new()
        };
        println!("  {rendering:<14} {e:>3} of {n:<3} reports{but}; {se} of {sn} seeds");
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

/// What is wrong with a (folder, rendering): `diffs` from the truth (none: it reads exactly),
/// the errors the truth does not have, and whether KNOWN.txt lists the pair (with its
/// `errors-today` mark). `None` when all is as KNOWN.txt says.
fn verdict(diffs: &[String], unfounded: &[String], listed: Option<bool>) -> Option<String> {
    match (diffs.is_empty(), listed) {
        (true, None) => None,
        (true, Some(_)) => Some("now reads exactly: remove its line from KNOWN.txt".into()),
        (false, None) => Some(format!(
            "does not read to its truth (fix the reader, or list the pair{} with a FIXME in \
             KNOWN.txt):\n      {}",
            if unfounded.is_empty() {
                ""
            } else {
                " marked errors-today"
            },
            diffs.join("\n      ")
        )),
        (false, Some(errors_today)) => match (unfounded.is_empty(), errors_today) {
            (true, true) => Some(
                "no longer gives an error the truth lacks: remove its `errors-today` mark \
                 from KNOWN.txt"
                    .into(),
            ),
            (false, false) => Some(format!(
                "gives errors the truth does not have (a misreading reported as the report's \
                 error): {}",
                unfounded.join(", ")
            )),
            _ => None,
        },
    }
}

/// The differences of a report from its truth that its rows not in the file (`table/row`) do
/// not explain: each such row not read, and the S104 warning about its table, a finding about
/// the reading. `Err` when such a row was read after all, or when the rows' table lacks that
/// warning.
fn beyond_the_file(
    diffs: &[String],
    report: &Report,
    not_in_file: &[String],
) -> Result<Vec<String>, String> {
    let mut explained: Vec<String> = Vec::new();
    for row in not_in_file {
        let line = format!("{row}: not read");
        if !diffs.contains(&line) {
            return Err(format!(
                "lists {row} not-in-file, but it is read or no row of the truth: remove it \
                 from the mark in KNOWN.txt"
            ));
        }
        explained.push(line);
    }
    let mut tables: Vec<&str> = not_in_file
        .iter()
        .filter_map(|r| r.split('/').next())
        .collect();
    tables.dedup();
    for table in tables {
        let said = report
            .findings
            .iter()
            .any(|f| f.code == "S104" && f.subject == table && f.concerns == Concern::Reading);
        if !said {
            return Err(format!(
                "rows of {table} are not in the file, but no S104 {table} says so as a finding \
                 about the reading"
            ));
        }
        let prefix = format!("+ S104 {table}: ");
        explained.extend(diffs.iter().filter(|d| d.starts_with(&prefix)).cloned());
    }
    Ok(diffs
        .iter()
        .filter(|d| !explained.contains(d))
        .cloned()
        .collect())
}

/// What is wrong with a pair that reads to its truth but for its rows not in the file: an
/// error the truth does not have, or an `errors-today` mark no longer needed.
fn verdict_not_in_file(unfounded: &[String], errors_today: bool) -> Option<String> {
    match (unfounded.is_empty(), errors_today) {
        (true, true) => Some(
            "no longer gives an error the truth lacks: remove its `errors-today` mark from \
             KNOWN.txt"
                .into(),
        ),
        (false, false) => Some(format!(
            "gives errors the truth does not have (a misreading reported as the report's \
             error): {}",
            unfounded.join(", ")
        )),
        (true, false) | (false, true) => None,
    }
}

#[test]
fn known_pairs_may_only_shrink() {
    let d = ["requests/new: 1 (truth 2)".to_string()];
    let e = ["A301 requests/row/new".to_string()];
    // As KNOWN.txt says.
    assert_eq!(verdict(&[], &[], None), None);
    assert_eq!(verdict(&d, &[], Some(false)), None);
    assert_eq!(verdict(&d, &e, Some(true)), None);
    // A listed pair that reads exactly, an unlisted one that does not, a mark no longer
    // needed, a mark missing.
    assert!(verdict(&[], &[], Some(false)).is_some_and(|v| v.contains("remove its line")));
    assert!(verdict(&d, &[], None).is_some_and(|v| !v.contains("errors-today")));
    assert!(verdict(&d, &e, None).is_some_and(|v| v.contains("errors-today")));
    assert!(verdict(&d, &[], Some(true)).is_some_and(|v| v.contains("remove its `errors-today`")));
    assert!(verdict(&d, &e, Some(false)).is_some_and(|v| v.contains("A301 requests/row/new")));
}

/// Rows not in a rendering explain exactly their own differences: each row not read and
/// the S104 reading warning of its table; a row listed but read is refused.
#[test]
fn rows_not_in_the_file_explain_only_themselves() {
    let dir = fixtures().join("corpus/hzs-2021");
    let truth = truth::parse(&text(&dir.join("truth.txt"))).expect("truth");
    let report = check_bytes(&read(&dir.join("pymupdf4llm.md"))).report;
    let diffs = truth::differences(&report, &truth);
    let rows = |r: &[&str]| r.iter().map(|r| r.to_string()).collect::<Vec<_>>();
    let both = rows(&["requests/total", "requests/carried_out"]);
    assert_eq!(beyond_the_file(&diffs, &report, &both), Ok(Vec::new()));
    let one = rows(&["requests/total"]);
    assert_eq!(
        beyond_the_file(&diffs, &report, &one),
        Ok(vec!["requests/carried_out: not read".to_string()])
    );
    let read_row = rows(&["requests/total", "requests/carried_out", "requests/new"]);
    assert!(beyond_the_file(&diffs, &report, &read_row).is_err());
    // Without the reading warning the rows explain nothing.
    let mut content = report.clone();
    content.findings.retain(|f| f.code != "S104");
    assert!(beyond_the_file(&diffs, &content, &both).is_err());
}

/// A seed's reading against its own truth differs in nothing; one changed cell, a lost row, a
/// finding of another subject, each is named.
#[test]
fn differences_name_each_disagreement() {
    let seed = support::fixtures::seed_path("001");
    let report = check_bytes(&read(&seed)).report;
    let t = truth::of_report(&report);
    assert!(
        t.findings.iter().any(|(c, _)| c == "A301"),
        "{:?}",
        t.findings
    );
    assert_eq!(truth::differences(&report, &t), Vec::<String>::new());
    assert!(truth::unfounded_errors(&report, &t).is_empty());

    let mut cell = t.clone();
    let rows = cell.tables.get_mut("requests").expect("requests");
    if let truth::Row::Cells(c) = &mut rows[0].1 {
        c[0] = truth::Cell::Number(12345.0);
    }
    let d = truth::differences(&report, &cell);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].starts_with("requests/new:"), "{d:?}");

    let mut absent = t.clone();
    absent.tables.get_mut("requests").expect("requests")[1].1 = truth::Row::Absent;
    let d = truth::differences(&report, &absent);
    assert_eq!(
        d,
        vec!["requests/carried_in: read, truth absent".to_string()]
    );

    // An error named with another subject is a difference both ways, and unfounded.
    let mut other = t.clone();
    let i = other
        .findings
        .iter()
        .position(|(c, _)| c == "A301")
        .expect("A301");
    other.findings[i].1 = "requests/row/granted".into();
    let d = truth::differences(&report, &other);
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(truth::unfounded_errors(&report, &other).len(), 1);

    let mut fewer = t.clone();
    fewer.findings.clear();
    assert!(!truth::unfounded_errors(&report, &fewer).is_empty());
}

fn name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The truth format's parser, on a near miss of each kind (tests/support/truth.rs).
#[test]
fn truth_files_are_parsed_strictly() {
    let good = "source: x\nchars: 10\ntemplate: gb2021\nyear: 2023  # a comment\nagency: 某局\n\
                published: 2024-01-30 page_meta\n\
                [active]\nrules: absent\npenalty: _ 3.5 ?\n[extra]\n其他 文件: 3 / 5\n\
                [findings]\nA303 requests/col/total  # 5+0 ≠ 4+0\n";
    let t = truth::parse(good).expect("parses");
    assert_eq!(t.year, Some(2023));
    assert_eq!(
        t.published,
        Some(("2024-01-30".to_string(), "page_meta".to_string()))
    );
    assert!(t.complete);
    assert_eq!(
        t.tables["active"],
        vec![
            ("rules".to_string(), truth::Row::Absent),
            (
                "penalty".to_string(),
                truth::Row::Cells(vec![
                    truth::Cell::Blank,
                    truth::Cell::Number(3.5),
                    truth::Cell::Unreadable
                ])
            ),
        ]
    );
    assert_eq!(
        t.extra,
        vec![(
            "其他文件".to_string(),
            vec!["3".into(), "_".into(), "5".into()]
        )]
    );
    assert_eq!(
        t.findings,
        vec![("A303".into(), "requests/col/total".into())]
    );

    assert!(
        !truth::parse("template: gb2021\n[active]\n")
            .unwrap()
            .complete
    );
    for bad in [
        "template: gb2022\n[findings]\n",
        "template: gb2021\n[active]\nrules: 1 x 3\n[findings]\n",
        "template: gb2021\n[active]\nrules: 1\nrules: 2\n[findings]\n",
        "template: gb2021\n[tables]\n",
        "template: gb2021\n[findings]\nA303\n",
        "template: gb2021\nwho: me\n",
        "template: gb2021\npublished: 2024-01-30\n[findings]\n",
        "template: gb2021\npublished: 2024-01-30 website\n[findings]\n",
    ] {
        assert!(truth::parse(bad).is_err(), "{bad:?}");
    }
}
