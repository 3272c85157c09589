//! Every seed and corpus report, made a draft and rendered in each format, reads back
//! through the core to exactly its cells, with no finding the original did not have.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use gouji_core::{check_bytes, Report, TableKind, Value};
use gouji_render::{render, Draft, Format};

fn fixtures(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel)
}

/// The seeds' texts and the corpus pages, by name.
fn reports() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut seeds: Vec<_> = std::fs::read_dir(fixtures("seeds"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty());
    for p in seeds {
        out.push((
            format!("seeds/{}", p.file_name().unwrap().to_string_lossy()),
            std::fs::read(&p).unwrap(),
        ));
    }
    let mut pages: Vec<_> = std::fs::read_dir(fixtures("corpus"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path().join("page.html")))
        .filter(|p| p.is_file())
        .collect();
    pages.sort();
    assert!(pages.len() > 10);
    for p in pages {
        let name = p.parent().unwrap().file_name().unwrap().to_string_lossy();
        out.push((format!("corpus/{name}"), std::fs::read(&p).unwrap()));
    }
    out
}

/// Every cell of the three tables: path → value (a number, blank, unreadable).
fn cells(r: &Report) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for kind in TableKind::ALL {
        if let Some(t) = r.tables.get(kind) {
            for (row, c) in t.cells() {
                if c.value != Value::Missing {
                    out.insert(t.path(row.key(), c.col), c.value.clone());
                }
            }
        }
    }
    out
}

fn findings(r: &Report) -> BTreeSet<(String, String)> {
    r.findings
        .iter()
        .map(|f| (f.code.to_string(), f.subject.clone()))
        .collect()
}

/// (report, format, what differs and why): reports whose rendering does not read back
/// exactly yet. This list may only shrink.
const KNOWN: &[(&str, &str, &str)] = &[
    ("seeds/002_01eb1ecf6fdff090.txt", "text", "the legacy 统计表 (reports for 2018 and earlier) is not printed yet: the draft holds the three national tables only"),
    ("seeds/002_01eb1ecf6fdff090.txt", "html", "the legacy 统计表 (reports for 2018 and earlier) is not printed yet: the draft holds the three national tables only"),
    ("seeds/002_01eb1ecf6fdff090.txt", "page", "the legacy 统计表 (reports for 2018 and earlier) is not printed yet: the draft holds the three national tables only"),
    ("corpus/seed-002", "text", "the legacy 统计表 (reports for 2018 and earlier) is not printed yet: the draft holds the three national tables only"),
    ("corpus/seed-002", "html", "the legacy 统计表 (reports for 2018 and earlier) is not printed yet: the draft holds the three national tables only"),
    ("corpus/seed-002", "page", "the legacy 统计表 (reports for 2018 and earlier) is not printed yet: the draft holds the three national tables only"),
];

fn known(name: &str, format: Format) -> bool {
    KNOWN
        .iter()
        .any(|(n, f, _)| *n == name && *f == format.id())
}

fn round_trip(formats: &[Format]) {
    let mut failures = Vec::new();
    for (name, bytes) in reports() {
        let original = check_bytes(&bytes);
        let draft = Draft::from_report(&original.report, &original.text);
        let want = cells(&original.report);
        let had = findings(&original.report);
        for &format in formats {
            let out = render(&draft, format);
            let back = check_bytes(&out);
            let got = cells(&back.report);
            let mut problems = Vec::new();
            if got != want {
                let missing: Vec<_> = want
                    .iter()
                    .filter(|(p, v)| got.get(*p) != Some(v))
                    .map(|(p, v)| format!("{p}={v:?}→{:?}", got.get(p)))
                    .take(6)
                    .collect();
                let extra: Vec<_> = got
                    .keys()
                    .filter(|p| !want.contains_key(*p))
                    .take(6)
                    .collect();
                problems.push(format!("cells differ: {missing:?}; extra {extra:?}"));
            }
            let new: Vec<_> = findings(&back.report).difference(&had).cloned().collect();
            if !new.is_empty() {
                problems.push(format!("new findings {new:?}"));
            }
            if back.report.template != original.report.template {
                problems.push(format!(
                    "template {:?} → {:?}",
                    original.report.template, back.report.template
                ));
            }
            match (problems.is_empty(), known(&name, format)) {
                (false, false) => failures.push(format!(
                    "{name} as {}: {}",
                    format.id(),
                    problems.join("; ")
                )),
                (true, true) => failures.push(format!(
                    "{name} as {} reads back now: take it out of KNOWN",
                    format.id()
                )),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_reads_back_to_the_same_cells() {
    round_trip(&[Format::Text]);
}

#[test]
fn html_and_page_read_back_to_the_same_cells() {
    round_trip(&[Format::Html, Format::Page]);
}

#[test]
fn odd_text_renders_escaped_and_reads_back() {
    let mut draft = Draft::empty(gouji_core::Template::Gb2021);
    draft.title = "某局<b>&\t2023年\n政府信息公开工作年度报告".into();
    draft.sections[0] = "甲<script>\t乙&amp;\r\n丙".into();
    draft
        .cells
        .insert("requests/new/natural".into(), "\t5\n".into());
    draft
        .cells
        .insert("requests/new/commercial".into(), "<&>".into());
    for format in [Format::Html, Format::Page, Format::Text] {
        let out = String::from_utf8(render(&draft, format)).unwrap();
        if format != Format::Text {
            assert!(!out.contains("<script>"), "{}", format.id());
            assert!(!out.contains("<b>"), "{}", format.id());
        }
        let back = check_bytes(out.as_bytes());
        let t = back.report.tables.requests.as_ref().unwrap();
        assert_eq!(t.number("new", "natural"), Some(5.0), "{}", format.id());
    }
}

#[test]
fn text_round_trip_keeps_cells_and_sections() {
    for (name, bytes) in reports() {
        let original = check_bytes(&bytes);
        if !original.report.template.is_national() {
            continue;
        }
        let draft = Draft::from_report(&original.report, &original.text);
        let text = String::from_utf8(render(&draft, Format::Text)).unwrap();
        let again = Draft::from_report(&gouji_core::check(&text), &text);
        assert_eq!(again.cells, draft.cells, "{name}");
        assert_eq!(again.sections, draft.sections, "{name}");
    }
}
