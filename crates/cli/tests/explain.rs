//! `gouji explain CODE`: the rule's explanation as text, exit 2 for an unknown code.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::gouji;

#[test]
fn a_known_code_prints_every_section() {
    let out = gouji(&["explain", "A303"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("A303（错误）"), "{}", out.stdout);
    for heading in [
        "检查什么",
        "依据",
        "触发的例子",
        "不触发的例子",
        "怎么改",
        "已知局限",
    ] {
        assert!(out.stdout.contains(heading), "{heading}: {}", out.stdout);
    }
    assert!(out.stdout.contains("第一项加第二项之和"), "{}", out.stdout);
}

#[test]
fn codes_are_read_in_any_case_and_cross_year_codes_are_known() {
    let out = gouji(&["explain", "y801"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("Y801"), "{}", out.stdout);
}

#[test]
fn an_unknown_code_exits_2_and_says_so() {
    let out = gouji(&["explain", "X999"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("没有规则代码“X999”"), "{}", out.stderr);
    assert!(out.stderr.contains("A303"), "{}", out.stderr);
}
