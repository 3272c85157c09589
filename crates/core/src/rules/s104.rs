//! S104 — a row of the template is missing from a table that is otherwise present.
//!
//! **What**: a template row (e.g. 四、结转下年度继续办理) was not found in its table.
//! **Why**: the national format fixes every row; a missing row hides numbers from the
//! equations. A gb2021 table whose （六）其他处理 is one row (the 2019 form) is read as `other`
//! and reported once as S102, not as three missing rows.
//! **Fails**: a requests table cut off after （五）不予处理.
//! **Passes**: a table with every row, blank or not.
//! **Fix**: restore the row with its numbers.

use super::Rule;
use crate::report::{Finding, Report, Severity};
use crate::schema::{request_rows, template_rows, TableKind};

pub const RULE: Rule = Rule {
    code: "S104",
    severity: Severity::Error,
    title: "表格缺少模板中的行",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    if !r.template.is_national() {
        return;
    }
    for table in r.tables.iter() {
        let rows = match table.kind {
            TableKind::Requests => request_rows(r.template, r.facts.single_other),
            kind => template_rows(kind, r.template),
        };
        for def in rows {
            if table.row(def.key).is_none() {
                let msg = format!("{}缺少“{}”行。", table.kind.name_zh(), def.label);
                let subject = format!("{}/row/{}", table.kind.key(), def.key);
                out.push(Finding::new(RULE.code, RULE.severity, subject, msg).spans(table.span));
            }
        }
    }
}
