//! Every rule has a case that fires it and a near miss that must not.
//!
//! A case (`fixtures/cases/*.case`) names a base report from `fixtures/base/` (or gives its
//! whole text), edits it, and says what the checker must find:
//!
//! ```text
//! # comment
//! base: gb2021-pipe.txt          | text: <a line of input>  (repeatable)
//! replace: OLD => NEW            (`\n` stands for a line break; OLD must occur)
//! delete-lines: FROM .. TO       (from the line containing FROM through the line containing TO)
//! expect: CODE SUBJECT [expected=N actual=N]
//! absent: CODE
//! once: CODE SUBJECT             (the finding is given exactly once)
//! html-head: <meta …>            (the text is checked as a page: this in its <head>, each
//!                                 line of the text a <p> of its body)
//! ```
//!
//! Every error and warning the checker gives must be named by an `expect` line: a case
//! fails on a false alarm as much as on a miss. Info findings are free unless `absent`.

// A test fails by panicking.
#![allow(clippy::expect_used)]

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use gouji_core::{check, Report, Severity};
use support::invariants::assert_checked;

fn fixtures() -> PathBuf {
    support::fixtures::local("")
}

struct Expect {
    code: String,
    subject: String,
    values: Option<(f64, f64)>,
}

struct Case {
    text: String,
    expects: Vec<Expect>,
    absent: Vec<String>,
    once: Vec<(String, String)>,
    /// Check the text as an HTML page with this in its `<head>`.
    html_head: Option<String>,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn parse_case(path: &Path) -> Result<Case, String> {
    let src = fs::read_to_string(path).map_err(|e| format!("read {}: {e}", path.display()))?;
    let mut text = String::new();
    let mut expects = Vec::new();
    let mut absent = Vec::new();
    let mut once = Vec::new();
    let mut html_head = None;
    for line in src.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line.split_once(':').ok_or(format!("bad line {line:?}"))?;
        let rest = rest.trim();
        match key {
            "base" => {
                text = fs::read_to_string(fixtures().join("base").join(rest))
                    .map_err(|e| format!("base {rest}: {e}"))?
            }
            "text" => {
                text.push_str(&unescape(rest));
                text.push('\n');
            }
            "replace" => {
                let (old, new) = rest
                    .split_once(" => ")
                    .ok_or(format!("bad replace {rest:?}"))?;
                let (old, new) = (unescape(old), unescape(new));
                if !text.contains(&old) {
                    return Err(format!("replace: {old:?} not in the text"));
                }
                text = text.replacen(&old, &new, 1);
            }
            "delete-lines" => {
                let (from, to) = rest
                    .split_once(" .. ")
                    .ok_or(format!("bad delete-lines {rest:?}"))?;
                let lines: Vec<&str> = text.lines().collect();
                let a = lines
                    .iter()
                    .position(|l| l.contains(from))
                    .ok_or(format!("no line with {from:?}"))?;
                let b = a + lines[a..]
                    .iter()
                    .position(|l| l.contains(to))
                    .ok_or(format!("no line with {to:?}"))?;
                let kept: Vec<&str> = lines[..a].iter().chain(&lines[b + 1..]).copied().collect();
                text = kept.join("\n");
            }
            "expect" => {
                let mut parts = rest.split_whitespace();
                let code = parts.next().ok_or("expect needs a code")?.to_string();
                let subject = parts.next().ok_or("expect needs a subject")?.to_string();
                let mut e = None;
                let mut a = None;
                for p in parts {
                    if let Some(v) = p.strip_prefix("expected=") {
                        e = v.parse().ok();
                    } else if let Some(v) = p.strip_prefix("actual=") {
                        a = v.parse().ok();
                    }
                }
                expects.push(Expect {
                    code,
                    subject,
                    values: e.zip(a),
                });
            }
            "absent" => absent.push(rest.to_string()),
            "html-head" => html_head = Some(rest.to_string()),
            "once" => {
                let (code, subject) = rest.split_once(' ').ok_or(format!("bad once {rest:?}"))?;
                once.push((code.to_string(), subject.trim().to_string()));
            }
            other => return Err(format!("unknown directive {other:?}")),
        }
    }
    Ok(Case {
        text,
        expects,
        absent,
        once,
        html_head,
    })
}

/// The case's text as a page: `head` in its `<head>`, each line a `<p>`.
fn as_page(text: &str, head: &str) -> String {
    let escape = |l: &str| {
        l.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let body: String = text
        .lines()
        .map(|l| format!("<p>{}</p>\n", escape(l)))
        .collect();
    format!("<!DOCTYPE html><html><head>{head}</head><body>\n{body}</body></html>\n")
}

fn verify(name: &str, case: &Case, report: &Report) -> Vec<String> {
    let mut problems = Vec::new();
    for e in &case.expects {
        let hit = report
            .findings
            .iter()
            .find(|f| f.code == e.code && f.subject == e.subject);
        match hit {
            None => problems.push(format!(
                "{name}: expected {} {} — not found",
                e.code, e.subject
            )),
            Some(f) => {
                if let Some((ev, av)) = e.values {
                    if f.expected != Some(ev) || f.actual != Some(av) {
                        problems.push(format!(
                            "{name}: {} {}: expected={:?} actual={:?}, want {ev} / {av}",
                            e.code, e.subject, f.expected, f.actual
                        ));
                    }
                }
            }
        }
    }
    for (code, subject) in &case.once {
        let n = report
            .findings
            .iter()
            .filter(|f| f.code == code && &f.subject == subject)
            .count();
        if n != 1 {
            problems.push(format!(
                "{name}: {code} {subject} given {n} times, want once"
            ));
        }
    }
    for code in &case.absent {
        for f in report.findings.iter().filter(|f| f.code == code) {
            problems.push(format!(
                "{name}: {code} must not fire, but: {} {}",
                f.subject, f.message
            ));
        }
    }
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
    {
        if !case
            .expects
            .iter()
            .any(|e| e.code == f.code && e.subject == f.subject)
        {
            problems.push(format!(
                "{name}: unexpected {}[{}] {} — {}",
                f.severity.id(),
                f.code,
                f.subject,
                f.message
            ));
        }
    }
    problems
}

#[test]
fn every_case_gives_exactly_its_findings() {
    let dir = fixtures().join("cases");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("cases folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "case"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 40, "only {} cases", paths.len());
    let mut problems = Vec::new();
    for p in &paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match parse_case(p) {
            Ok(case) => {
                let checked = match &case.html_head {
                    Some(head) => gouji_core::check_html(as_page(&case.text, head).as_bytes()),
                    None => gouji_core::Checked {
                        text: case.text.clone(),
                        report: check(&case.text),
                    },
                };
                problems.extend(verify(&name, &case, &checked.report));
                // Whatever the case, its report keeps every invariant.
                assert_checked(&checked);
            }
            Err(e) => problems.push(format!("{name}: {e}")),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Each rule code has at least one case in which it fires and one that names it `absent`.
#[test]
fn every_rule_has_a_case_that_fires_and_a_near_miss() {
    let dir = fixtures().join("cases");
    let all: String = fs::read_dir(&dir)
        .expect("cases folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| fs::read_to_string(e.path()).ok())
        .collect::<Vec<_>>()
        .join("\n");
    for rule in gouji_core::rules::RULES {
        assert!(
            all.contains(&format!("expect: {} ", rule.code)),
            "{}: no case fires it",
            rule.code
        );
        assert!(
            all.contains(&format!("absent: {}", rule.code)),
            "{}: no near miss",
            rule.code
        );
    }
}
