//! N605 — the narrative's count of one outcome differs from the table.
//!
//! **What**: "予以公开 N 件", "部分公开 N 件", "予以公开及部分公开 N 件", "不予公开 N 件",
//! "无法提供 N 件", "不予处理 N 件", "其他处理 N 件" against the sum of that group's rows in
//! the `total` column.
//! **Why**: the prose restates the table's outcomes.
//! **Fails**: "其中予以公开15件" with （一）予以公开 总计 12.
//! **Passes**: "其中予以公开12件"; "不予公开1件" with one row of （三）不予公开 at 1.
//! **Fix**: correct the sentence or the table.

use super::prose::{compare, Target};
use super::Rule;
use crate::extract::narrative::{ClaimKind, Outcome};
use crate::report::{Finding, Report, Severity};
use crate::schema::{TableKind, REQUEST_ROWS_ANY};

pub const RULE: Rule = Rule {
    code: "N605",
    severity: Severity::Warning,
    title: "正文所述办理结果数与表格不符",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    compare(r, &RULE, target, out);
}

fn target(r: &Report, c: &crate::extract::narrative::Claim) -> Option<Target> {
    let ClaimKind::Outcome(o) = c.kind else {
        return None;
    };
    let table = r.tables.requests.as_ref()?;
    let prefix = |p: &str| -> Vec<(&'static str, &'static str)> {
        REQUEST_ROWS_ANY
            .iter()
            .filter(|d| d.key.starts_with(p) && table.row(d.key).is_some())
            .map(|d| (d.key, "total"))
            .collect()
    };
    let (group, what, where_, cells) = match o {
        Outcome::Granted => (
            "granted",
            "予以公开的申请",
            "（一）予以公开",
            vec![("granted", "total")],
        ),
        Outcome::PartlyGranted => (
            "partly_granted",
            "部分公开的申请",
            "（二）部分公开",
            vec![("partly_granted", "total")],
        ),
        Outcome::GrantedOrPartly => (
            "granted+partly_granted",
            "予以公开及部分公开的申请",
            "（一）予以公开与（二）部分公开",
            vec![("granted", "total"), ("partly_granted", "total")],
        ),
        Outcome::Withheld => (
            "withheld",
            "不予公开的申请",
            "（三）不予公开各项",
            prefix("withheld."),
        ),
        Outcome::Unavailable => (
            "unavailable",
            "无法提供的申请",
            "（四）无法提供各项",
            prefix("unavailable."),
        ),
        Outcome::NotProcessed => (
            "not_processed",
            "不予处理的申请",
            "（五）不予处理各项",
            prefix("not_processed."),
        ),
        Outcome::Other => {
            let cells = if table.row("other").is_some() {
                vec![("other", "total")]
            } else {
                prefix("other.")
            };
            ("other", "其他处理的申请", "（六）其他处理", cells)
        }
    };
    if cells.is_empty() {
        return None;
    }
    Some(Target {
        table: TableKind::Requests,
        cells,
        also: Vec::new(),
        subject: format!("requests/{group}"),
        what: what.into(),
        where_: format!("申请情况表{where_}总计"),
    })
}
