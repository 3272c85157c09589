//! S105 — a row that is not in the template.
//!
//! **What**: numbers under a label the template does not have (e.g. 其他主动公开文件 under
//! 第二十条第（一）项), or numbers no label can be found for.
//! **Why**: extra rows are not part of any printed equation; their numbers are kept out of the
//! sums and shown so the reader can judge. Subtotal rows of （三）–（六） are tolerated silently.
//! **Fails**: "其他文件 | 3 | 1 | 4" inside the active table.
//! **Passes**: the template's rows only.
//! **Fix**: move the numbers to the template row they belong to, or drop the row.

use super::Rule;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "S105",
    severity: Severity::Warning,
    title: "模板以外的行",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    if !r.template.is_national() {
        return;
    }
    for table in r.tables.iter() {
        for extra in table.extra_rows.iter().filter(|e| !e.subtotal) {
            let label = if extra.label.is_empty() {
                "（无标签）"
            } else {
                extra.label.as_str()
            };
            let msg = format!(
                "{}中有模板以外的行“{}”：数值 {} 未计入任何合计。",
                table.kind.name_zh(),
                label,
                extra
                    .values
                    .iter()
                    .map(|v| if v.is_empty() { "空" } else { v.as_str() })
                    .collect::<Vec<_>>()
                    .join("、")
            );
            out.push(
                Finding::new(RULE.code, RULE.severity, table.kind.key(), msg).spans(extra.span),
            );
        }
    }
}
