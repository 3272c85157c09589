//! 按此修改后重新检查: a copy of the report's text with the cells of a repair rewritten to
//! their new values, to be checked as any text is. Every cell carries the span of its text in
//! the text the report was checked from, so each changed cell's span is replaced by the new
//! number; the original text is not touched.

use gouji_core::{Change, Report};

use crate::labels;

/// The text with each change's cell replaced by its new value; `None` when a cell of the
/// repair has no place in the text (a cell the report did not write at all), or two cells
/// overlap, so that the copy could not say what the repair says.
pub fn repaired_text(text: &str, report: &Report, changes: &[Change]) -> Option<String> {
    let edits = edits(text, report, changes)?;
    let mut out = String::with_capacity(text.len() + 16 * edits.len());
    let mut at = 0;
    for (start, end, value) in edits {
        out.push_str(text.get(at..start)?);
        out.push_str(&value);
        at = end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// Whether [`repaired_text`] can write these changes into the text (without making the copy).
pub fn applicable(text: &str, report: &Report, changes: &[Change]) -> bool {
    !changes.is_empty() && edits(text, report, changes).is_some()
}

/// The replacements, in text order: (start, end, new text).
fn edits(text: &str, report: &Report, changes: &[Change]) -> Option<Vec<(usize, usize, String)>> {
    let mut edits: Vec<(usize, usize, String)> = Vec::with_capacity(changes.len());
    for change in changes {
        let (_, _, cell) = labels::cell(report, &change.cell)?;
        let span = cell.span?;
        text.get(span.start..span.end)?;
        edits.push((span.start, span.end, labels::number(change.to)));
    }
    edits.sort_by_key(|e| e.0);
    if edits.windows(2).any(|w| w[0].1 > w[1].0) {
        return None;
    }
    Some(edits)
}
