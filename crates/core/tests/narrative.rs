//! The narrative's phrasing cases: what the prose of a report claims in numbers.
//!
//! A case file (`fixtures/narrative/*.case`) holds many cases. A case is a `text:` line and
//! the lines after it, each something the narrative read from that text must hold:
//!
//! ```text
//! # comment
//! year: 2023 | year: none        (for the cases after it; 2023 unless said)
//! text: <the prose>              (`\n` stands for a line break)
//! claims: Received 8, Processed 8   (every claim, in order: `Kind value`, `+carried-in`
//!                                    when the count may include last year's; `none`)
//! claim: Received 26 +carried-in    (this claim is among them)
//! percents: 329 24.4%, 89 6% [of T] (one line per percentage list, in order; `none`)
//! breakdowns: 10 = 8 + 3            (one line per breakdown, in order; `none`)
//! number: １２ | sentence: … | quote: …   (the first claim's number and sentence as
//!                                          written, and the quote shown with it)
//! numeral: 十二 = 12                (a Chinese numeral's value; `= some`: any number)
//! ```
//!
//! What a case does not name is not compared, except that every list it names is compared
//! whole. Every text also keeps the narrative's invariants (support/invariants.rs).

// A test fails by panicking.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;

use gouji_core::extract::narrative::{chinese_number, read, shorten, Context, Narrative, Num};
use gouji_core::ingest::Document;
use proptest::prelude::*;
use support::fixtures::{files, local, text};
use support::invariants::assert_narrative;

/// One case: where it is, the text, and what its narrative must hold.
struct Case {
    at: String,
    year: Option<i32>,
    text: String,
    expects: Vec<(String, String)>,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

/// A numeral to read: where it is, the numeral, its value or `some`.
type Numeral = (String, String, String);

/// The cases of a file, and its numerals.
fn parse(path: &Path) -> Result<(Vec<Case>, Vec<Numeral>), String> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut cases: Vec<Case> = Vec::new();
    let mut numerals = Vec::new();
    let mut year = Some(2023);
    for (i, line) in text(path).lines().enumerate() {
        let at = format!("{name}:{}", i + 1);
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line
            .split_once(':')
            .ok_or(format!("{at}: no `key:` in {line:?}"))?;
        let rest = rest.trim();
        match key {
            "year" => {
                year = match rest {
                    "none" => None,
                    y => Some(y.parse().map_err(|_| format!("{at}: bad year {y:?}"))?),
                }
            }
            "text" => cases.push(Case {
                at,
                year,
                text: unescape(rest),
                expects: Vec::new(),
            }),
            "numeral" => {
                let (n, v) = rest
                    .split_once(" = ")
                    .ok_or(format!("{at}: want `N = value`"))?;
                numerals.push((at, n.to_string(), v.to_string()));
            }
            "claims" | "claim" | "percents" | "breakdowns" | "number" | "sentence" | "quote" => {
                let case = cases
                    .last_mut()
                    .ok_or(format!("{at}: {key} before any text"))?;
                case.expects.push((key.to_string(), rest.to_string()));
            }
            other => return Err(format!("{at}: unknown key {other:?}")),
        }
    }
    if let Some(c) = cases.iter().find(|c| c.expects.is_empty()) {
        return Err(format!("{}: a text that expects nothing", c.at));
    }
    Ok((cases, numerals))
}

fn narrative(text: &str, year: Option<i32>) -> Narrative {
    let doc = Document::from_text(text);
    read(
        text,
        &doc,
        &Context {
            year,
            ..Context::default()
        },
    )
}

fn num(n: &Num) -> String {
    format!("{}", n.value)
}

/// The claims as the case file writes them: `Kind value`, `+carried-in` when the count may
/// include last year's.
fn claims(n: &Narrative) -> Vec<String> {
    n.claims
        .iter()
        .map(|c| {
            let with = if c.includes_carried_in {
                " +carried-in"
            } else {
                ""
            };
            format!("{:?} {}{with}", c.kind, num(&c.num))
        })
        .collect()
}

/// Each percentage list: `N P%, …`, ` of T` when it states its total.
fn percents(n: &Narrative) -> Vec<String> {
    n.percent_lists
        .iter()
        .map(|l| {
            let items: Vec<String> = l
                .items
                .iter()
                .map(|i| format!("{} {}%", num(&i.count), num(&i.percent)))
                .collect();
            let of = l.total.as_ref().map(|t| format!(" of {}", num(t)));
            format!("{}{}", items.join(", "), of.unwrap_or_default())
        })
        .collect()
}

/// Each breakdown: `T = A + B …`.
fn breakdowns(n: &Narrative) -> Vec<String> {
    n.breakdowns
        .iter()
        .map(|b| {
            let parts: Vec<String> = b.parts.iter().map(num).collect();
            format!("{} = {}", num(&b.total), parts.join(" + "))
        })
        .collect()
}

/// What is wrong with the case's narrative, one line each.
fn verify(case: &Case) -> Vec<String> {
    let text = &case.text;
    let n = narrative(text, case.year);
    assert_narrative(text, &n);
    let lines = |key: &str| -> Vec<&str> {
        case.expects
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let shown = |items: Vec<String>, sep: &str| match items.is_empty() {
        true => "none".to_string(),
        false => items.join(sep),
    };
    let claims = claims(&n);
    let mut problems = Vec::new();
    for (key, got, sep) in [
        ("claims", shown(claims.clone(), ", "), ", "),
        ("percents", shown(percents(&n), "\n"), "\n"),
        ("breakdowns", shown(breakdowns(&n), "\n"), "\n"),
    ] {
        let want = lines(key);
        if !want.is_empty() && got != want.join(sep) {
            problems.push(format!(
                "{}: {key} {got:?}, want {:?}",
                case.at,
                want.join(sep)
            ));
        }
    }
    for want in lines("claim") {
        if !claims.iter().any(|c| c == want) {
            problems.push(format!("{}: claim {want:?} not among {claims:?}", case.at));
        }
    }
    let first = n.claims.first();
    let number = first.and_then(|c| text.get(c.num.span.start..c.num.span.end));
    let sentence = first
        .and_then(|c| n.sentence_span(c.sentence))
        .and_then(|s| text.get(s.start..s.end));
    let quote = first.map(|c| n.quote(c.sentence, &c.num));
    for (key, got) in [
        ("number", number.map(str::to_string)),
        ("sentence", sentence.map(str::to_string)),
        ("quote", quote),
    ] {
        for want in lines(key) {
            if got.as_deref() != Some(want) {
                problems.push(format!("{}: {key} {got:?}, want {want:?}", case.at));
            }
        }
    }
    problems
}

#[test]
fn every_phrasing_case_reads_as_it_says() {
    let paths = files(&local("narrative"), ".case");
    assert!(paths.len() >= 5, "only {} case files", paths.len());
    let (mut texts, mut numerals) = (0, 0);
    let mut problems = Vec::new();
    for p in &paths {
        match parse(p) {
            Ok((cases, nums)) => {
                for case in &cases {
                    problems.extend(verify(case));
                }
                for (at, n, want) in &nums {
                    let got = chinese_number(n);
                    let ok = match want.as_str() {
                        "some" => got.is_some(),
                        v => got.map(|g| format!("{g}")).as_deref() == Some(v),
                    };
                    if !ok {
                        problems.push(format!("{at}: {n} read as {got:?}, want {want}"));
                    }
                }
                texts += cases.len();
                numerals += nums.len();
            }
            Err(e) => problems.push(e),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    assert!(
        texts >= 30 && numerals >= 5,
        "{texts} texts, {numerals} numerals"
    );
}

/// A case that expects something else fails, and says where.
#[test]
fn a_wrong_expectation_is_named() {
    let case = Case {
        at: "here:1".into(),
        year: Some(2023),
        text: "共收到政府信息公开申请8件。".into(),
        expects: vec![
            ("claims".into(), "Received 9".into()),
            ("claim".into(), "Processed 8".into()),
            ("breakdowns".into(), "none".into()),
        ],
    };
    let problems = verify(&case);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("here:1: claims"), "{problems:?}");
    assert!(problems[1].starts_with("here:1: claim "), "{problems:?}");
}

#[test]
fn a_long_sentence_is_quoted_around_its_number() {
    let long: String = "甲".repeat(100) + "共收到申请8件" + &"乙".repeat(100);
    let q = shorten(&long, 106, 107);
    assert!(q.contains("共收到申请8件"), "{q}");
    assert!(q.chars().count() <= 62);
}

/// Words, numbers and punctuation of the prose, to be put together at random.
const PIECES: &[&str] = &[
    "1",
    "23",
    "３",
    "4.5",
    "1,234",
    "十",
    "二",
    "两",
    "百",
    "万",
    "亿",
    "零",
    "件",
    "条",
    "%",
    "％",
    "余",
    "约",
    "近",
    "左右",
    "占",
    "共",
    "其中",
    "，",
    "。",
    "；",
    "、",
    "（",
    "）",
    "(",
    ")",
    ":",
    "\n",
    " ",
    "收到",
    "受理",
    "政府信息公开申请",
    "办结",
    "答复",
    "结转",
    "下年度",
    "上年",
    "正在办理中",
    "予以公开",
    "不予公开",
    "行政复议",
    "行政诉讼",
    "规章",
    "规范性文件",
    "制发",
    "废止",
    "2023年",
    "较去年",
    "代表",
    "信箱",
    "第",
    "-",
    "é",
    "\u{200b}",
    "｜",
];

proptest! {
    #![proptest_config(support::cases(256))]

    /// Any mix of them keeps the narrative's invariants.
    #[test]
    fn any_mix_of_numbers_words_and_punctuation_keeps_the_invariants(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 60),
    ) {
        let text = pieces.concat();
        assert_narrative(&text, &narrative(&text, Some(2023)));
    }
}
