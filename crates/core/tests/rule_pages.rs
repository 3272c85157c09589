//! The web page loads its rule pages (规则说明) from `static/rules.json` when one is first
//! opened, so that its own WebAssembly does not carry the texts. That file must say exactly
//! what [`gouji_core::explain`] says: this test builds it from the core and fails on any
//! difference. `GOUJI_WRITE_RULES=1 cargo test -p gouji-core --test rule_pages` writes it.

#![allow(clippy::panic)]

use std::path::PathBuf;

use gouji_core::explain;

fn file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/rules.json")
}

/// `{ "CODE": [["检查什么", "…"], …], … }`, a code a line, in catalogue order.
fn expected() -> String {
    let mut lines = Vec::new();
    for code in explain::codes() {
        let Some(e) = explain::explain(code) else {
            continue;
        };
        let sections: Vec<[&str; 2]> = e.sections().iter().map(|&(h, t)| [h, t]).collect();
        let json = serde_json::to_string(&sections).unwrap_or_default();
        lines.push(format!("{}:{json}", serde_json::Value::from(code)));
    }
    format!("{{\n{}\n}}\n", lines.join(",\n"))
}

#[test]
fn rules_json_is_the_cores_rule_pages() {
    let want = expected();
    if std::env::var_os("GOUJI_WRITE_RULES").is_some() {
        std::fs::write(file(), &want).unwrap_or_else(|e| panic!("writing rules.json: {e}"));
    }
    let have = std::fs::read_to_string(file()).unwrap_or_default();
    assert!(
        have == want,
        "static/rules.json differs from gouji_core::explain; write it again with \
         GOUJI_WRITE_RULES=1 cargo test -p gouji-core --test rule_pages"
    );
}

#[test]
fn every_code_of_the_catalogue_has_its_page_in_the_file() {
    let have: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file()).unwrap_or_default())
            .unwrap_or_default();
    for code in explain::codes() {
        let page = &have[code];
        let sections = page.as_array().map(Vec::len).unwrap_or(0);
        assert_eq!(sections, 6, "{code}: the page's six sections in rules.json");
        let heading = page[0][0].as_str().unwrap_or("");
        assert_eq!(heading, "检查什么", "{code}: the first section");
    }
}
