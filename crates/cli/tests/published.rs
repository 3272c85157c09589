//! The publication date, the deadline and the indicators: one line each under a report's
//! header in the text output, and `published`, `deadline`, `indicators` in the JSON.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{fixture_bytes, gouji, gouji_with_stdin, seed};

/// The lines right under the header of a one-report text output.
fn under_header(stdout: &str) -> Vec<&str> {
    let mut lines = stdout.lines();
    let header = lines.next().unwrap_or_default();
    assert!(header.starts_with("== "), "{stdout}");
    lines.take(2).collect()
}

#[test]
fn text_says_when_published_by_when_due_and_the_indicators() {
    let run = gouji(&["check", &seed("003")]);
    let lines = under_header(&run.stdout);
    assert_eq!(
        lines[0],
        "发布：2024-01-30（网页发布时间）；期限 2024-01-31（部门，条例第四十九条）"
    );
    // 8 answered: 1 granted + 2 partly, 1 withheld, 3 unavailable (all 不掌握), none carried.
    assert_eq!(
        lines[1],
        "指标：申请 8 件 · 实质公开率 37.5%（3/8） · 不予公开率 12.5%（1/8） · \
         无法提供率 37.5%（3/8） · 本机关不掌握占无法提供 100%（3/3） · \
         复议纠错率 —（0/0） · 诉讼纠错率 —（0/0） · 结转率 0%（0/8）"
    );

    let run = gouji(&["check", &seed("000")]);
    let lines = under_header(&run.stdout);
    assert_eq!(
        lines[0],
        "发布日期不详；期限 2021-03-31（政府，条例第四十九条）"
    );
    assert!(lines[1].starts_with("指标：申请 39 件 · 实质公开率 97.4%（38/39）"));

    // A zone's report: no deadline is told, both are shown.
    let run = gouji(&["check", &seed("001")]);
    assert_eq!(
        under_header(&run.stdout)[0],
        "发布：2021-01-12（网页发布时间）；期限不详（机关类别不详，无法判断；\
         部门 2021-01-31，政府 2021-03-31，条例第四十九条）"
    );

    // A legacy report has no indicator line.
    let run = gouji(&["check", &seed("002")]);
    let lines = under_header(&run.stdout);
    assert_eq!(
        lines[0],
        "发布：2014-01-14（网页发布时间）；期限 2014-03-31（政府，2008年条例第三十一条）"
    );
    assert!(!lines[1].starts_with("指标："), "{lines:?}");
}

#[test]
fn json_has_the_fields() {
    let run = gouji(&["check", "--format", "json", &seed("003")]);
    let r = run.report();
    assert_eq!(
        r["published"],
        serde_json::json!({"date": "2024-01-30", "source": "page_line", "quote": "日期:2024-01-30"})
    );
    assert_eq!(
        r["deadline"],
        serde_json::json!({"kind": "department", "date": "2024-01-31"})
    );
    let i = &r["indicators"];
    assert_eq!(i["applications"], 8);
    assert_eq!(
        i["substantive_rate"],
        serde_json::json!({"value": 0.375, "numerator": 3, "denominator": 8})
    );
    assert_eq!(i["review_corrected_rate"]["value"], serde_json::Value::Null);
    // The fields stand beside template, year and agency, in this order.
    let at = |k: &str| run.stdout.find(&format!("\"{k}\":")).unwrap();
    assert!(at("agency") < at("published") && at("published") < at("deadline"));
    assert!(at("deadline") < at("indicators") && at("indicators") < at("tables"));

    let r = gouji(&["check", "--format", "json", &seed("000")]).report();
    assert!(r.get("published").is_none(), "no date in seed 000");
    assert_eq!(r["deadline"]["kind"], "government");
    let r = gouji(&["check", "--format", "json", &seed("001")]).report();
    assert_eq!(
        r["deadline"],
        serde_json::json!({"kind": "unknown", "date": null})
    );
    let r = gouji(&["check", "--format", "json", &seed("002")]).report();
    assert!(r.get("indicators").is_none(), "legacy");
}

/// A real page whose agency is made a city's department and whose PubDate is made late (in
/// memory: the fixture is not changed) gives M703 in both outputs; its own date gives none.
#[test]
fn a_late_page_gives_m703() {
    let page =
        String::from_utf8(fixture_bytes("tests/fixtures/corpus/jjf-2024/page.html")).unwrap();
    let m703 = |doc: &serde_json::Value| -> Vec<String> {
        doc["reports"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "M703")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    let department = page.replace("平潭综合实验区经济发展局", "福州市经济发展局");
    let on_time = gouji_with_stdin(
        &["check", "--format", "json", "-"],
        Some(department.as_bytes()),
    );
    let doc = on_time.json();
    assert_eq!(doc["reports"][0]["deadline"]["kind"], "department");
    assert_eq!(doc["reports"][0]["published"]["source"], "page_meta");
    assert!(m703(&doc).is_empty());

    let late = department.replace(
        "<meta name=\"PubDate\" content=\"2025-01-27 10:12\"/>",
        "<meta name=\"PubDate\" content=\"2025-02-10 10:12\"/>",
    );
    assert_ne!(late, department);
    let doc = gouji_with_stdin(&["check", "--format", "json", "-"], Some(late.as_bytes())).json();
    assert_eq!(
        m703(&doc),
        vec!["报告的公开日期 2025年2月10日（网页元数据）晚于条例第四十九条规定的期限 2025年1月31日（部门）。"]
    );
    let text = gouji_with_stdin(&["check", "-"], Some(late.as_bytes()));
    assert!(
        text.stdout.contains(
            "发布：2025-02-10（网页元数据，晚于期限）；期限 2025-01-31（部门，条例第四十九条）"
        ),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("warning[M703]"), "{}", text.stdout);
}
