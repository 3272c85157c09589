//! V201 — blank or placeholder cells were read as 0.
//!
//! **What**: one finding per table, listing every cell that was empty or held "/", "-", "—"
//! or "无".
//! **Why**: arithmetic needs a number in every cell; reading a blank as 0 is the usual
//! intent, but the reader should know it was assumed.
//! **Fails** (as info): "39 | | | | 5 | | 44".
//! **Passes**: every cell written, "0" included.
//! **Fix**: write 0 in cells with nothing to report.

use super::Rule;
use crate::report::{Finding, Report, Severity};

pub const RULE: Rule = Rule {
    code: "V201",
    severity: Severity::Info,
    title: "空白单元格按 0 计算",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    for table in r.tables.iter() {
        let blanks: Vec<_> = table.cells().filter(|(_, c)| c.value.is_blank()).collect();
        if blanks.is_empty() {
            continue;
        }
        let written: Vec<&str> = {
            let mut w: Vec<&str> = blanks
                .iter()
                .map(|(_, c)| c.raw.as_str())
                .filter(|s| !s.is_empty())
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        };
        let how = if written.is_empty() {
            "空白".to_string()
        } else {
            format!("空白或写作“{}”", written.join("”“"))
        };
        let msg = format!(
            "{}有 {} 个单元格{}，按 0 计算。",
            table.kind.name_zh(),
            blanks.len(),
            how
        );
        let cells = blanks
            .iter()
            .map(|(row, c)| table.path(row.def.key, c.col))
            .collect();
        let spans = blanks.iter().filter_map(|(_, c)| c.span);
        out.push(
            Finding::new(RULE.code, RULE.severity, table.kind.key(), msg)
                .cells(cells)
                .spans(spans),
        );
    }
}
