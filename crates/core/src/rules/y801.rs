//! Y801 — per column, 结转下年度继续办理 of year N−1 ≠ 上年结转 of year N.
//!
//! **What**: with reports of one agency for consecutive years checked together, the
//! applications the earlier report carried over must be the ones the later report carried in.
//! **Why**: 四、结转下年度继续办理 of one year and 二、上年结转政府信息公开申请数量 of the next
//! count the same applications.
//! **Fails**: 2023 carries out 自然人 3; 2024 carries in 自然人 0.
//! **Passes**: 3 carried out, 3 carried in.
//! **Fix**: correct whichever year's number is wrong (and the equations it is part of).

use super::{fmt_num, same, AcrossCheck, AcrossRule, Pair};
use crate::report::{Finding, Severity};
use crate::schema::{col_label, TableKind, REQUEST_COLS};

pub const RULE: AcrossRule = AcrossRule {
    code: "Y801",
    severity: Severity::Error,
    title: "上年结转与上一年度结转下年度不一致",
    check: AcrossCheck::Pair(check),
};

fn check(p: &Pair, out: &mut Vec<Finding>) {
    let (Some(prev), Some(cur)) = (
        p.prev.tables.requests.as_ref(),
        p.cur.tables.requests.as_ref(),
    ) else {
        return;
    };
    for col in REQUEST_COLS.iter().map(|c| c.key) {
        let (Some(carried_out), Some(carried_in)) = (
            prev.number("carried_out", col),
            cur.number("carried_in", col),
        ) else {
            continue;
        };
        if same(carried_out, carried_in) {
            continue;
        }
        let msg = format!(
            "跨年度衔接 {}列: 上一年度（{}年）报告“结转下年度继续办理” = {}，本年度“上年结转” = {}{}",
            col_label(TableKind::Requests, col),
            p.prev.year.unwrap_or_default(),
            fmt_num(carried_out),
            fmt_num(carried_in),
            p.guess_note()
        );
        let cell = cur.cell("carried_in", col);
        out.push(
            Finding::new(RULE.code, RULE.severity, format!("requests/col/{col}"), msg)
                .cells(vec![cur.path("carried_in", col)])
                .values(carried_out, carried_in)
                .spans(cell.and_then(|c| c.span)),
        );
    }
}
