//! Which marks the page draws for a report: how each table cell is marked (its worst
//! severity, drawn loudly where the error most likely is and quietly where an equation merely
//! involves it), and what the source view marks for the selection. Plain data, tested
//! natively (`tests/marks.rs`).

use std::collections::HashMap;

use gouji_core::{Finding, Report, Severity};
use yew::AttrValue;

pub use crate::components::Mark;
use crate::labels;
use crate::state::{Selection, State};

/// How a table cell is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellMark {
    /// The worst severity among the findings that involve the cell (as
    /// [`Report::cell_severity`]).
    pub severity: Severity,
    /// Drawn loudly: the cell is where the problem most likely is (the smallest repair changes
    /// it, or the finding is about the cell itself, or a finding names no likelier cell).
    /// Otherwise quietly, as one of the cells an equation involves.
    pub loud: bool,
}

/// The marks of every cell some finding involves, by path.
///
/// One wrong 总计 breaks its row's and its column's equations, and those findings involve
/// every cell of the row and the column; the smallest repair ([`gouji_core::Repair`]) names
/// the one cell to change. So a finding's cells are loud when the repair changes them, or when
/// the finding is about that cell (`subject` is the cell's path, as V202–V204), or when none of
/// the finding's cells is one the repair changes (a narrative figure, a row guessed, a repair
/// that could not be found): then nothing points at a likelier cell. Information (such as
/// V201, every blank cell) is always quiet.
pub fn cell_marks(report: &Report) -> HashMap<String, CellMark> {
    let culprits: Vec<&str> = report
        .repair
        .as_ref()
        .map(|r| r.changes.iter().map(|c| c.cell.as_str()).collect())
        .unwrap_or_default();
    let mut marks: HashMap<String, CellMark> = HashMap::new();
    for f in &report.findings {
        let names_culprit = f.cells.iter().any(|c| culprits.contains(&c.as_str()));
        for cell in &f.cells {
            let loud = f.severity != Severity::Info
                && (culprits.contains(&cell.as_str()) || f.subject == *cell || !names_culprit);
            let mark = CellMark {
                severity: f.severity,
                loud,
            };
            marks
                .entry(cell.clone())
                .and_modify(|m| *m = worse(*m, mark))
                .or_insert(mark);
        }
    }
    marks
}

/// The mark of a cell two findings involve: the worse severity, loud when a finding of that
/// severity draws it loudly.
fn worse(a: CellMark, b: CellMark) -> CellMark {
    match a.severity.cmp(&b.severity) {
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Equal => CellMark {
            severity: a.severity,
            loud: a.loud || b.loud,
        },
    }
}

/// What the source view marks for the selection, and its caption.
pub fn source_marks(state: &State) -> (Vec<Mark>, AttrValue) {
    let Some(report) = &state.report else {
        return (Vec::new(), AttrValue::default());
    };
    match &state.selection {
        Some(Selection::Finding(_)) => {
            let Some((_, f)) = state.selected_finding() else {
                return (Vec::new(), AttrValue::default());
            };
            (
                finding_marks(report, f),
                AttrValue::from(format!("{} 的出处", f.code)),
            )
        }
        Some(Selection::Cell(path)) => {
            let mut marks = Vec::new();
            if let Some((_, row, cell)) = labels::cell(report, path) {
                if let Some(span) = row.label_span {
                    marks.push(Mark { span, label: true });
                }
                if let Some(span) = cell.span {
                    marks.push(Mark { span, label: false });
                }
            }
            let caption = labels::cell_name(report, path)
                .map(|n| format!("{} 的出处", n.short()))
                .unwrap_or_default();
            (marks, AttrValue::from(caption))
        }
        None => (Vec::new(), AttrValue::default()),
    }
}

/// A finding's own spans; for a finding without any, the spans of its cells.
fn finding_marks(report: &Report, f: &Finding) -> Vec<Mark> {
    let marks: Vec<Mark> = f
        .spans
        .iter()
        .map(|&span| Mark { span, label: false })
        .collect();
    if !marks.is_empty() {
        return marks;
    }
    f.cells
        .iter()
        .filter_map(|p| labels::cell(report, p).and_then(|(_, _, c)| c.span))
        .map(|span| Mark { span, label: false })
        .collect()
}
