//! Repair: the fewest cell changes that make every A301–A303 and R401 equation hold.
//!
//! One wrong number breaks several equations at once (seed 001: two blank 总计 cells give two
//! A301, one A302 and one A303). Official statisticians call the way back *error localisation*
//! (Fellegi and Holt): find the smallest set of cells whose change lets every edit rule hold.
//! This module does that for the two tables whose cells are tied by sums, exactly, and says so
//! when it could not finish.
//!
//! # The equations
//!
//! The same equations the rules check, written as `Σ coefficient·cell = 0` with coefficients
//! ±1:
//!
//! - A301, per requests row: the six applicant columns − `total` = 0;
//! - A302, per requests column: the outcome rows ([`outcome_rows`], `other` or `other.*` as
//!   the table printed it) − （七）总计 = 0;
//! - A303, per requests column: `new` + `carried_in` − `total` − `carried_out` = 0;
//! - R401, per appeals row: the four outcomes − `total` = 0.
//!
//! A repair gives some cells new values; every value it writes is a non-negative whole
//! number. Cells are treated as follows:
//!
//! - a number (a non-negative whole number) keeps its value unless the repair changes it, and
//!   changing it costs one;
//! - a blank cell counts as 0, as everywhere else, and may be changed like a number (its
//!   change is shown with `from` 0 and marked blank);
//! - a cell that has no usable value — unreadable text (V202), a negative count (V203), a
//!   fraction (V204), or a missing cell — must be given a value in any case: it is a variable
//!   that every repair sets (so it costs the same in every repair and is left out of the
//!   count that is minimised), and its equations stay in, which the rules had to skip. Its
//!   value is forced by the equations when they pin it; otherwise the smallest distance to
//!   what was written (0 for text) is taken, as for any other freedom (below);
//! - a row whose values did not fit its columns (S106) is left out, with every equation that
//!   involves it, as the rules leave it out: which number is in which column is a guess, and a
//!   repair built on a guess would point at the wrong cell;
//! - an absent row (S104) leaves out the equations that need it; as in A302, a missing
//!   outcome row leaves out all A302 columns (their sums would be wrong for that reason
//!   alone).
//!
//! # The search
//!
//! The cells and equations fall apart into independent parts: each appeals row is a part of
//! its own (its cells are in no other equation), and the requests table is one part (rows and
//! columns tie every cell together). Parts where every equation holds and no cell needs a
//! value are skipped; the others are searched one by one, and a repair of the report is one
//! minimum repair of each part.
//!
//! Within a part the search is iterative deepening over the set `S` of changed cells:
//! `k = 0, 1, 2, …`, and at each `k` a depth-first search adds one cell at a time. The
//! structure of the equations prunes it:
//!
//! - an equation that fails and has no cell in `S` needs one of its cells added;
//! - an equation with exactly one cell of `S` forces that cell's value (coefficients are ±1):
//!   if the value is negative, or equal to what the cell already says (a "change" by 0: the
//!   set would not be minimal), another of the equation's cells must be added; if two
//!   equations force one cell to different values, a cell of one of them must be added;
//! - such needs are lower bounds: needs whose candidate cells are disjoint need distinct cells
//!   (equations of one kind — the A301 rows, the A302 columns, the A303 columns, the R401
//!   rows — never share a cell), so `|S| + bound > k` cuts the branch;
//! - the search branches on the need with the fewest candidates (a 4-cell A303 column before a
//!   22-cell A302 column), and a set reached twice by different orders is searched once;
//! - when no such need remains, the equations touching `S` are solved exactly (rational
//!   Gauss–Jordan); when they have no non-negative whole solution, some cell of an equation
//!   touching `S` must be added (a cell elsewhere leaves those equations unchanged), and the
//!   search goes on with those candidates.
//!
//! The branching is complete: every need above must be met by any repair that contains `S`
//! and changes each of its cells by something other than 0, so every minimum repair is
//! reached by some path. The first level with a solution is therefore the minimum, and the
//! search finishes that level to find every minimum repair of the part (how many, which
//! cells all of them change, and the best few). On the base report a handful of wrong cells
//! takes well under a millisecond; ten take milliseconds to a tenth of a second.
//!
//! Values: a single changed cell gets the value its equations force. When a set of cells
//! has freedom (the equations leave `f > 0` dimensions), the values are those closest to
//! what was written, in total absolute difference, keeping every cell non-negative: the
//! distance is convex and piecewise linear, so its minimum lies where `f` of the planes
//! "cell = 0" and "cell = as written" meet; those points are enumerated and rounded to whole
//! numbers. (The sums of these tables give whole-number corners in every case we tried; a
//! set whose only solutions are fractions is treated as having none.)
//!
//! # Ties and alternatives
//!
//! Among minimum repairs the chosen one fills the most blank cells (a blank left where a
//! number belonged is the commonest slip), then changes the most totals (a total is more
//! often mistyped than recounted), then moves the numbers least (total absolute change),
//! then comes first in table order. The others are reported as alternatives (best first, at
//! most [`ALTERNATIVES`]), together with the number of minimum repairs and the cells that
//! every one of them changes: those are the cells to fix first.
//!
//! # Bounded work
//!
//! The search counts nodes (sets looked at, corner points tried); there are no clocks in
//! wasm. When the count reaches the budget ([`DEFAULT_BUDGET`], or the one given to
//! [`solve_with`]), `exhausted` is set. If a minimum level had already been reached its
//! repairs are still minimum, but the count, alternatives and certain cells may be
//! incomplete; if not, a part gets a plain repair built step by step (each failing sum's
//! total recomputed, carried-out or new adjusted for A303), which makes the equations hold
//! but need not be the smallest.

mod algebra;
mod json;
mod model;
mod search;

use model::{Model, Sys};
use search::Search;

use std::collections::HashSet;

use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

use crate::equations::{self, CellRef};
use crate::schema::{TableKind, APPEAL_COLS, REQUEST_COLS};
use crate::span::Span;
use crate::table::{cell_path, serialize_number, Cell, Table, Value};

/// The node budget of [`solve`]: a few tenths of a second in the worst case.
pub const DEFAULT_BUDGET: u64 = 100_000;

/// At most this many alternatives are kept (besides the chosen repair).
pub const ALTERNATIVES: usize = 5;

/// Values beyond this are not read as counts (no table counts that many).
const MAX_COUNT: f64 = 1.0e12;

/// One cell given a new value.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// `table/row/col`
    pub cell: String,
    /// What the cell said: a number, blank (counted as 0), or unreadable/missing.
    pub from: Value,
    /// The cell's text as written.
    pub raw: String,
    /// The value that makes the equations hold.
    pub to: f64,
    /// The equations fix `to` once the cells to change are chosen. `false` when other values
    /// would do as well (cells with freedom, see the module doc): `to` is then the choice
    /// closest to what was written.
    pub determined: bool,
    /// Where the cell is in the input.
    pub span: Option<Span>,
}

impl Change {
    /// The value the equations read before the change: blank as 0, `None` when the cell had
    /// no usable number.
    pub fn from_number(&self) -> Option<f64> {
        self.from.as_number()
    }

    pub fn is_blank(&self) -> bool {
        self.from.is_blank()
    }
}

/// The smallest set of cell changes that makes every A301–A303 and R401 equation hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Repair {
    /// The chosen minimum repair, in table order; empty when every equation holds.
    pub changes: Vec<Change>,
    /// Other minimum repairs, best first (at most [`ALTERNATIVES`]).
    pub alternatives: Vec<Vec<Change>>,
    /// How many minimum repairs there are (saturating). 0 when `changes` is empty, and when
    /// the search ran out before it reached the minimum; possibly too low when `exhausted`.
    pub count: u64,
    /// Paths of the cells that every minimum repair changes: the most certain culprits.
    pub certain: Vec<String>,
    /// The search ran out of budget: `changes` still makes the equations hold when it is not
    /// empty, but may not be minimal, and the rest may be incomplete.
    pub exhausted: bool,
}

impl Repair {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The chosen repair's change to a cell.
    pub fn change(&self, path: &str) -> Option<&Change> {
        self.changes.iter().find(|c| c.cell == path)
    }

    /// The cell is changed by every minimum repair.
    pub fn is_certain(&self, path: &str) -> bool {
        self.certain.iter().any(|c| c == path)
    }
}

/// The repair of a report's requests and appeals tables: `None` unless it has a requests or appeals table (there
/// are no A or R equations otherwise). Only reports of a national template have equations;
/// the caller decides that. `single_other`: the requests table printed （六）其他处理 as one
/// row.
pub fn for_tables(
    requests: Option<&Table>,
    appeals: Option<&Table>,
    single_other: bool,
) -> Option<Repair> {
    if requests.is_none() && appeals.is_none() {
        return None;
    }
    Some(solve(requests, appeals, single_other))
}

/// Find the minimum repairs of a requests and an appeals table with the default budget.
/// `single_other`: the requests table printed （六）其他处理 as one row.
pub fn solve(requests: Option<&Table>, appeals: Option<&Table>, single_other: bool) -> Repair {
    solve_with(requests, appeals, single_other, DEFAULT_BUDGET)
}

/// [`solve`] with a node budget.
pub fn solve_with(
    requests: Option<&Table>,
    appeals: Option<&Table>,
    single_other: bool,
    budget: u64,
) -> Repair {
    let model = Model::build(requests, appeals, single_other);
    let mut nodes = 0u64;
    let mut parts = Vec::new();
    // Small parts first, so that a part that uses up the budget does not starve them.
    let mut systems = model.parts();
    systems.sort_by_key(Sys::n);
    for sys in systems {
        let mut search = Search::new(&sys, budget, nodes);
        search.run();
        nodes = search.nodes;
        let exhausted = search.exhausted;
        let mut found = search.into_found();
        if found.best.is_empty() {
            found.best.extend(sys.fallback());
            found.count = 0;
            found.certain = None;
        }
        found.exhausted = exhausted;
        parts.push((sys, found));
    }
    model.combine(&parts)
}
