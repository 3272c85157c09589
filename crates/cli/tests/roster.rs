//! `gouji check --roster FILE`: the 名单核对 block in the text output, `roster` in the JSON,
//! the exit status left to the reports, and the roster's own errors (status 2).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{gouji, seed};

const JTJ_2023: &str = "tests/fixtures/corpus/jtj-2023/page.html";
const HZS_2023: &str = "tests/fixtures/corpus/hzs-2023/page.html";

/// A roster file in a temporary folder (kept alive by the returned guard).
fn roster(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("roster written");
    let path = path.to_string_lossy().into_owned();
    (dir, path)
}

/// Three units: one with a report of its exact name, one whose report says 人民政府 where the
/// roster says 政府 (a guess), one without a report.
const UNITS: &str = "单位名称\n1、平潭综合实验区交通与建设局\n2、湘阴县政府\n\
                     3、平潭综合实验区财政金融局\n";

#[test]
fn text_has_the_roster_block_after_the_reports() {
    let (_dir, units) = roster("units.txt", UNITS.as_bytes());
    let seed = seed("000");
    let run = gouji(&["check", "--roster", &units, JTJ_2023, &seed, HZS_2023]);
    assert_eq!(run.code, 1, "seed 000 has errors: {}", run.stderr);
    let block: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("名单核对"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        block,
        [
            format!(
                "名单核对（{units}）：共 3 个单位，有报告 2 个（其中 1 个为推测匹配），\
                 缺报 1 个：平潭综合实验区财政金融局；名单外的报告 1 份：{HZS_2023}"
            ),
            format!(
                "  推测：湘阴县政府 ← {seed}（湘阴县人民政府）：\
                 “湘阴县政府”与“湘阴县人民政府”仅差“人民”二字"
            ),
        ]
    );
    // The block comes after every report and before the closing summary.
    let at = run.stdout.find("名单核对").unwrap();
    assert!(run.stdout.rfind("== ").unwrap() < at);
    assert!(run.stdout[at..].contains("来源"), "the summary follows");
}

#[test]
fn a_missing_unit_does_not_change_the_exit_status() {
    let (_dir, units) = roster("units.txt", UNITS.as_bytes());
    let run = gouji(&["check", "--roster", &units, JTJ_2023]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run
        .stdout
        .contains("缺报 2 个：湘阴县政府、平潭综合实验区财政金融局；没有名单外的报告"));
    // Without a roster, no block.
    let run = gouji(&["check", JTJ_2023]);
    assert!(!run.stdout.contains("名单核对"));
}

#[test]
fn json_has_the_roster() {
    // A GBK .csv, as a spreadsheet saves it on a Chinese Windows.
    let csv = "序号,单位名称,联系人\r\n1,平潭综合实验区交通与建设局,张三\r\n2,湘阴县政府,李四\r\n\
               3,平潭综合实验区财政金融局,王五\r\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(csv);
    let (_dir, units) = roster("units.csv", &bytes);
    let seed = seed("000");
    let run = gouji(&[
        "check", "--format", "json", "--roster", &units, JTJ_2023, &seed, HZS_2023,
    ]);
    let doc = run.json();
    assert_eq!(
        doc["roster"],
        serde_json::json!({
            "source": units,
            "units": [
                {"unit": "平潭综合实验区交通与建设局", "match": "exact", "reports": [0]},
                {"unit": "湘阴县政府", "match": "guess", "reports": [1],
                 "agency": "湘阴县人民政府",
                 "reason": "“湘阴县政府”与“湘阴县人民政府”仅差“人民”二字"},
                {"unit": "平潭综合实验区财政金融局", "match": "missing", "reports": []}
            ],
            "missing": 1,
            "unlisted": [2]
        })
    );
    assert_eq!(doc["reports"][2]["source"], HZS_2023);
    // `roster` closes the document; without --roster it is absent.
    assert!(run.stdout.ends_with("]\n  }\n}\n"), "{}", run.stdout);
    let run = gouji(&["check", "--format", "json", JTJ_2023]);
    assert!(run.json().get("roster").is_none());
}

#[test]
fn a_roster_that_cannot_be_read_or_names_no_unit_is_status_2() {
    let run = gouji(&["check", "--roster", "no/such/units.txt", JTJ_2023]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        "gouji: 无法读取名单 “no/such/units.txt”：文件不存在"
    );
    assert!(run.stdout.is_empty(), "nothing is checked: {}", run.stdout);

    let (_dir, units) = roster("units.txt", "单位名称\n\n  \n123\n".as_bytes());
    let run = gouji(&["check", "--roster", &units, JTJ_2023]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("中没有读到单位名称"), "{}", run.stderr);

    let (_dir, units) = roster(
        "units.xlsx",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x00\x00",
    );
    let run = gouji(&["check", "--format", "json", "--roster", &units, JTJ_2023]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("不是文本文件"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}
