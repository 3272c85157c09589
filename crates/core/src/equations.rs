//! The statistical law of the tables, written once: every sum equation of the requests and
//! appeals tables (A301–A303, R401) as data.
//!
//! Two consumers read this list and nothing else: the four rules, which evaluate each
//! equation and report those that fail (skipping an equation with a cell they cannot read),
//! and [`crate::repair`], which solves all of them together for the fewest cell changes
//! (giving a cell it cannot read a value instead). When a template changes rows, this is the
//! one place to change.
//!
//! | code | one equation per | stated (`actual`) | computed (`expected`) |
//! |---|---|---|---|
//! | A301 | requests row | the row's `total` | the six applicant columns |
//! | A302 | requests column | （七）`total` | the outcome rows ([`outcome_rows`]) |
//! | A303 | requests column | `new` + `carried_in` | `total` + `carried_out` |
//! | R401 | appeals row | the group's `total` | `upheld` + `corrected` + `other` + `pending` |
//!
//! Special cases, decided here so that both consumers agree:
//! - an equation exists only for rows the table has (A301, R401: one per row found);
//! - A302 exists for no column when an outcome row is absent (S104): the sum would be wrong
//!   for that reason alone;
//! - A303 exists for every column; a row it needs that is absent leaves it unevaluable.
//!
//! What makes an existing equation unevaluable (a missing, unreadable or misaligned cell) is
//! each consumer's own policy, documented where it is applied.

use crate::schema::{outcome_rows, TableKind, APPEAL_PARTS, REQUEST_COLS, REQUEST_PARTS};
use crate::table::{cell_path, Table};

/// A cell of a table: `(row key, column key)`.
pub type CellRef = (&'static str, &'static str);

/// The codes of the equations, in catalogue order.
pub const CODES: [&str; 4] = ["A301", "A302", "A303", "R401"];

/// One equation: the cells of `stated` add up to the cells of `computed`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Equation {
    /// The rule that checks it: A301, A302, A303 or R401.
    pub code: &'static str,
    pub table: TableKind,
    /// The row (A301, R401) or column (A302, A303) the equation is about.
    pub line: &'static str,
    /// The side the report states: a total, or new + carried_in (A303). `actual`.
    pub stated: Vec<CellRef>,
    /// The side computed from the other cells. `expected`.
    pub computed: Vec<CellRef>,
}

impl Equation {
    /// The finding's subject: `requests/row/<row>`, `requests/col/<col>`, `appeals/<row>`.
    pub fn subject(&self) -> String {
        match (self.table, self.code) {
            (TableKind::Requests, "A301") => format!("requests/row/{}", self.line),
            (TableKind::Requests, _) => format!("requests/col/{}", self.line),
            (kind, _) => format!("{}/{}", kind.key(), self.line),
        }
    }

    /// Every cell of the equation with its sign in `Σ sign·cell = 0`: the computed side
    /// positive, the stated side negative.
    pub fn terms(&self) -> impl Iterator<Item = (CellRef, i64)> + '_ {
        let computed = self.computed.iter().map(|&c| (c, 1));
        computed.chain(self.stated.iter().map(|&c| (c, -1)))
    }

    /// The paths of every cell, stated side first.
    pub fn paths(&self) -> Vec<String> {
        self.stated
            .iter()
            .chain(&self.computed)
            .map(|(r, c)| cell_path(self.table, r, c))
            .collect()
    }
}

/// The equations of a report's requests and appeals tables, in catalogue order (A301 by
/// row, A302 and A303 by column, R401 by row). `single_other`: the requests table printed
/// （六）其他处理 as one row (the 2019 form).
pub fn equations(
    requests: Option<&Table>,
    appeals: Option<&Table>,
    single_other: bool,
) -> Vec<Equation> {
    let mut out = Vec::new();
    if let Some(t) = requests {
        out.extend(rows_of(t, "A301", REQUEST_PARTS));
        let outcomes: Vec<&'static str> = outcome_rows(single_other).map(|d| d.key).collect();
        if outcomes.iter().all(|k| t.row(k).is_some()) {
            for col in REQUEST_COLS.iter().map(|c| c.key) {
                out.push(Equation {
                    code: "A302",
                    table: TableKind::Requests,
                    line: col,
                    stated: vec![("total", col)],
                    computed: outcomes.iter().map(|&k| (k, col)).collect(),
                });
            }
        }
        for col in REQUEST_COLS.iter().map(|c| c.key) {
            out.push(Equation {
                code: "A303",
                table: TableKind::Requests,
                line: col,
                stated: vec![("new", col), ("carried_in", col)],
                computed: vec![("total", col), ("carried_out", col)],
            });
        }
    }
    if let Some(t) = appeals {
        out.extend(rows_of(t, "R401", APPEAL_PARTS));
    }
    out
}

/// One equation per row found: the parts add up to the row's `total`.
fn rows_of<'t>(
    t: &'t Table,
    code: &'static str,
    parts: &'static [&'static str],
) -> impl Iterator<Item = Equation> + 't {
    t.rows.iter().map(move |row| {
        let key = row.def.key;
        Equation {
            code,
            table: t.kind,
            line: key,
            stated: vec![(key, "total")],
            computed: parts.iter().map(|&c| (key, c)).collect(),
        }
    })
}
