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

use std::collections::HashSet;

use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

use crate::report::{Report, Span};
use crate::schema::{
    outcome_rows, TableKind, APPEAL_COLS, APPEAL_PARTS, REQUEST_COLS, REQUEST_PARTS,
};
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

/// The repair of a report: `None` unless the report is of a national template and has a
/// requests or appeals table (there are no A or R equations otherwise).
pub fn for_report(report: &Report) -> Option<Repair> {
    if !report.template.is_national() {
        return None;
    }
    // A misread table (S104) takes no part: its equations are not checked either.
    let reliable = |t: &&crate::table::Table| !crate::rules::s104::misread(report, t);
    let (requests, appeals) = (
        report.tables.requests.as_ref().filter(reliable),
        report.tables.appeals.as_ref().filter(reliable),
    );
    if requests.is_none() && appeals.is_none() {
        return None;
    }
    Some(solve(requests, appeals, report.facts.single_other))
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

// ------------------------------------------------------------------------------ the model

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    A301,
    A302,
    A303,
    R401,
}

/// A cell that takes part in at least one equation.
#[derive(Clone, Debug)]
struct Var<'t> {
    table: TableKind,
    row: &'static str,
    cell: &'t Cell,
    /// The value kept when the cell is not changed (0 for a cell that must be given one).
    base: i64,
    /// The value closeness is measured from (what was written, rounded; 0 for text).
    origin: i64,
    /// The cell has no usable count and every repair gives it a value.
    forced: bool,
    blank: bool,
    total: bool,
}

/// `Σ coefficient·value = 0`.
#[derive(Clone, Debug)]
struct Equation {
    kind: Kind,
    terms: Vec<(usize, i64)>,
    /// The cells the plain repair solves this equation for, in order of preference.
    solve_for: Vec<usize>,
    /// When the plain repair treats this equation (lower first).
    stage: u8,
}

struct Model<'t> {
    vars: Vec<Var<'t>>,
    eqs: Vec<Equation>,
}

impl<'t> Model<'t> {
    fn build(
        requests: Option<&'t Table>,
        appeals: Option<&'t Table>,
        single_other: bool,
    ) -> Model<'t> {
        let tables = || [requests, appeals].into_iter().flatten();
        let mut vars = Vec::with_capacity(tables().map(|t| t.rows.len() * 7).sum());
        // (table, row, index of its first cell): a row's cells follow its columns in order.
        let mut rows: Vec<(TableKind, &'static str, usize)> =
            Vec::with_capacity(tables().map(|t| t.rows.len()).sum());
        for t in tables() {
            let cols = match t.kind {
                TableKind::Requests => REQUEST_COLS,
                _ => APPEAL_COLS,
            };
            for row in &t.rows {
                let laid_out = row
                    .cells
                    .iter()
                    .map(|c| c.col)
                    .eq(cols.iter().map(|c| c.key));
                if row.misaligned.is_some() || !laid_out {
                    continue;
                }
                rows.push((t.kind, row.def.key, vars.len()));
                vars.extend(row.cells.iter().map(|c| Var::new(t.kind, row.def.key, c)));
            }
        }
        let mut m = Model {
            vars,
            eqs: Vec::with_capacity(rows.len() + 2 * REQUEST_COLS.len()),
        };
        // Rows absent or misaligned have no cells here: their equations are left out.
        let first = |kind: TableKind, row: &str| {
            rows.iter().find(|r| r.0 == kind && r.1 == row).map(|r| r.2)
        };
        let (parts, total) = (REQUEST_PARTS.len(), REQUEST_COLS.len() - 1);
        let (appeal_parts, appeal_total) = (APPEAL_PARTS.len(), APPEAL_COLS.len() - 1);
        let at = |row: Option<usize>, col: usize, coef: i64| row.map(|r| (r + col, coef));

        // A301 and R401: each row on its own.
        for &(kind, key, f) in &rows {
            let (n, t, eq) = match kind {
                TableKind::Requests => (parts, total, Kind::A301),
                _ => (appeal_parts, appeal_total, Kind::R401),
            };
            let mut terms: Vec<Option<(usize, i64)>> = (0..n).map(|c| Some((f + c, 1))).collect();
            terms.push(Some((f + t, -1)));
            let stage = match (kind, key) {
                (TableKind::Requests, "total") => 2,
                (TableKind::Requests, "new" | "carried_in" | "carried_out") => 4,
                _ => 0,
            };
            m.push(eq, terms, vec![f + t], stage);
        }
        if requests.is_some() {
            let k = TableKind::Requests;
            let outcomes: Vec<Option<usize>> = outcome_rows(single_other)
                .map(|d| first(k, d.key))
                .collect();
            let [new, carried_in, tot, carried_out] =
                ["new", "carried_in", "total", "carried_out"].map(|r| first(k, r));
            for col in 0..REQUEST_COLS.len() {
                let last = col == total;
                // A302
                let mut terms: Vec<Option<(usize, i64)>> =
                    outcomes.iter().map(|&o| at(o, col, 1)).collect();
                terms.push(at(tot, col, -1));
                let sf = at(tot, col, -1).map(|t| t.0).into_iter().collect();
                m.push(Kind::A302, terms, sf, if last { 5 } else { 1 });
                // A303
                let terms = vec![
                    at(new, col, 1),
                    at(carried_in, col, 1),
                    at(tot, col, -1),
                    at(carried_out, col, -1),
                ];
                let sf = [at(carried_out, col, -1), at(new, col, 1)]
                    .into_iter()
                    .flatten()
                    .map(|t| t.0)
                    .collect();
                m.push(Kind::A303, terms, sf, if last { 5 } else { 3 });
            }
        }
        m
    }

    /// Keep an equation only when every one of its cells is there.
    fn push(
        &mut self,
        kind: Kind,
        terms: Vec<Option<(usize, i64)>>,
        solve_for: Vec<usize>,
        stage: u8,
    ) {
        let Some(terms) = terms.into_iter().collect::<Option<Vec<_>>>() else {
            return;
        };
        self.eqs.push(Equation {
            kind,
            terms,
            solve_for,
            stage,
        });
    }

    /// The independent parts (cells joined by equations) that have something to do: an
    /// equation fails or a cell must be given a value.
    fn parts(&self) -> Vec<Sys> {
        let n = self.vars.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        for e in &self.eqs {
            if let Some(&(first, _)) = e.terms.first() {
                for &(v, _) in &e.terms {
                    let (a, b) = (root(&mut parent, first), root(&mut parent, v));
                    if a != b {
                        parent[b.max(a)] = a.min(b);
                    }
                }
            }
        }
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new(); // (root, equations)
        for (ei, e) in self.eqs.iter().enumerate() {
            let Some(&(first, _)) = e.terms.first() else {
                continue;
            };
            let r = root(&mut parent, first);
            match groups.iter_mut().find(|(g, _)| *g == r) {
                Some((_, list)) => list.push(ei),
                None => groups.push((r, vec![ei])),
            }
        }
        groups
            .into_iter()
            .filter(|(_, eqs)| eqs.iter().any(|&e| self.needs_work(e)))
            .map(|(_, eqs)| Sys::new(self, &eqs))
            .collect()
    }

    fn needs_work(&self, e: usize) -> bool {
        self.eqs.get(e).is_some_and(|eq| {
            let mut sum = 0;
            for &(v, c) in &eq.terms {
                let var = &self.vars[v];
                if var.forced {
                    return true;
                }
                sum += c * var.base;
            }
            sum != 0
        })
    }

    /// One repair per part, combined: the chosen one, the alternatives, the count and the
    /// certain cells.
    fn combine(&self, parts: &[(Sys, Found)]) -> Repair {
        let mut repair = Repair {
            exhausted: parts.iter().any(|(_, f)| f.exhausted),
            ..Repair::default()
        };
        let live: Vec<&(Sys, Found)> = parts.iter().filter(|(_, f)| !f.best.is_empty()).collect();
        if live.is_empty() {
            return repair;
        }
        repair.count = live
            .iter()
            .fold(1u64, |acc, (_, f)| acc.saturating_mul(f.count.max(1)));
        if parts.iter().any(|(_, f)| f.count == 0) {
            repair.count = 0;
        }
        // Every combination of the parts' best repairs, ordered by the summed key.
        let mut combos: Vec<(Key, Vec<usize>)> = vec![(Key::default(), Vec::new())];
        for (_, f) in &live {
            let mut next = Vec::new();
            for (key, picks) in &combos {
                for (i, sol) in f.best.iter().enumerate() {
                    let mut p = picks.clone();
                    p.push(i);
                    next.push((key.plus(sol.key), p));
                }
            }
            next.sort();
            next.truncate(ALTERNATIVES + 1);
            combos = next;
        }
        let changes = |picks: &[usize]| {
            let mut out: Vec<(usize, Change)> = Vec::new();
            for ((sys, f), &i) in live.iter().zip(picks) {
                if let Some(sol) = f.best.get(i) {
                    for &(v, to) in &sol.values {
                        let g = sys.global[v];
                        out.push((g, self.change(g, to, !sol.loose.contains(&v))));
                    }
                }
            }
            out.sort_by_key(|(g, _)| *g);
            out.into_iter().map(|(_, c)| c).collect::<Vec<_>>()
        };
        let mut all = combos.iter().map(|(_, p)| changes(p));
        repair.changes = all.next().unwrap_or_default();
        repair.alternatives = all.collect();
        let mut certain: Vec<usize> = Vec::new();
        for (sys, f) in &live {
            if let Some(set) = &f.certain {
                certain.extend(set.iter().map(|&v| sys.global[v]));
            }
        }
        certain.sort_unstable();
        repair.certain = certain.into_iter().map(|g| self.path(g)).collect();
        repair
    }

    fn path(&self, g: usize) -> String {
        let v = &self.vars[g];
        cell_path(v.table, v.row, v.cell.col)
    }

    fn change(&self, g: usize, to: i64, determined: bool) -> Change {
        let v = &self.vars[g];
        Change {
            cell: self.path(g),
            from: v.cell.value.clone(),
            raw: v.cell.raw.clone(),
            to: to as f64,
            determined,
            span: v.cell.span,
        }
    }
}

impl<'t> Var<'t> {
    fn new(table: TableKind, row: &'static str, c: &'t Cell) -> Var<'t> {
        let count = match c.value {
            Value::Number(n) if n >= 0.0 && n.fract() == 0.0 && n < MAX_COUNT => Some(n as i64),
            Value::Blank => Some(0),
            _ => None,
        };
        let origin = match c.value {
            Value::Number(n) if n.is_finite() && n.abs() < MAX_COUNT => n.round() as i64,
            _ => 0,
        };
        Var {
            table,
            row,
            cell: c,
            base: count.unwrap_or(0),
            origin: count.unwrap_or(origin),
            forced: count.is_none(),
            blank: c.value.is_blank(),
            total: c.col == "total" || (table == TableKind::Requests && row == "total"),
        }
    }
}

// ------------------------------------------------------------------------------ one part

/// One independent part, with local cell numbers.
struct Sys {
    /// Local cell → index into the model's cells.
    global: Vec<usize>,
    base: Vec<i64>,
    origin: Vec<i64>,
    forced: Vec<bool>,
    blank: Vec<bool>,
    total: Vec<bool>,
    eqs: Vec<Equation>,
    /// Per equation: Σ coefficient·base.
    full: Vec<i64>,
}

impl Sys {
    fn new(m: &Model, eq_ids: &[usize]) -> Sys {
        // Model cell → local number (usize::MAX: not in this part).
        let mut local_of = vec![usize::MAX; m.vars.len()];
        for &e in eq_ids {
            for &(v, _) in &m.eqs[e].terms {
                local_of[v] = 0;
            }
        }
        let mut global = Vec::with_capacity(m.vars.len());
        for (g, l) in local_of.iter_mut().enumerate() {
            if *l == 0 {
                *l = global.len();
                global.push(g);
            }
        }
        let local = |g: usize| local_of[g];
        let eqs: Vec<Equation> = eq_ids
            .iter()
            .map(|&e| {
                let src = &m.eqs[e];
                Equation {
                    kind: src.kind,
                    terms: src.terms.iter().map(|&(v, c)| (local(v), c)).collect(),
                    solve_for: src.solve_for.iter().map(|&v| local(v)).collect(),
                    stage: src.stage,
                }
            })
            .collect();
        let pick = |f: fn(&Var) -> i64| global.iter().map(|&g| f(&m.vars[g])).collect();
        let flag = |f: fn(&Var) -> bool| global.iter().map(|&g| f(&m.vars[g])).collect();
        let base: Vec<i64> = pick(|v| v.base);
        let full = eqs
            .iter()
            .map(|e| e.terms.iter().map(|&(v, c)| c * base[v]).sum())
            .collect();
        Sys {
            base,
            origin: pick(|v| v.origin),
            forced: flag(|v| v.forced),
            blank: flag(|v| v.blank),
            total: flag(|v| v.total),
            eqs,
            full,
            global,
        }
    }

    fn n(&self) -> usize {
        self.global.len()
    }

    /// Solutions are compared by this (smaller is better).
    fn key(&self, values: &[(usize, i64)]) -> Key {
        let changed = || values.iter().filter(|&&(v, _)| !self.forced[v]);
        Key {
            blanks: -(changed().filter(|&&(v, _)| self.blank[v]).count() as i64),
            totals: -(changed().filter(|&&(v, _)| self.total[v]).count() as i64),
            distance: values
                .iter()
                .map(|&(v, x)| (x - self.origin[v]).abs())
                .sum(),
        }
    }

    /// A plain repair for when the search ran out: solve each failing sum for its total,
    /// stage by stage; `None` when that does not make every equation hold.
    fn fallback(&self) -> Option<Sol> {
        let mut val: Vec<i64> = (0..self.n())
            .map(|v| {
                if self.forced[v] {
                    self.origin[v].max(0)
                } else {
                    self.base[v]
                }
            })
            .collect();
        let mut order: Vec<&Equation> = self.eqs.iter().collect();
        order.sort_by_key(|e| e.stage);
        let residual =
            |val: &[i64], e: &Equation| -> i64 { e.terms.iter().map(|&(v, c)| c * val[v]).sum() };
        for _ in 0..3 {
            for e in &order {
                let r = residual(&val, e);
                if r == 0 {
                    continue;
                }
                for &v in &e.solve_for {
                    let c = e.terms.iter().find(|t| t.0 == v).map_or(0, |t| t.1);
                    let x = val[v] - r * c;
                    if c != 0 && x >= 0 {
                        val[v] = x;
                        break;
                    }
                }
            }
        }
        if self.eqs.iter().any(|e| residual(&val, e) != 0) {
            return None;
        }
        let values: Vec<(usize, i64)> = (0..self.n())
            .filter(|&v| self.forced[v] || val[v] != self.base[v])
            .map(|v| (v, val[v]))
            .collect();
        Some(Sol {
            key: self.key(&values),
            set: values
                .iter()
                .filter(|(v, _)| !self.forced[*v])
                .map(|(v, _)| *v)
                .collect(),
            values,
            // Not the closest choice, only one that holds: no value is claimed to be fixed.
            loose: (0..self.n()).collect(),
        })
    }
}

/// How a repair ranks among equals: more blanks filled, more totals changed, less moved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    blanks: i64,
    totals: i64,
    distance: i64,
}

impl Key {
    fn plus(self, o: Key) -> Key {
        Key {
            blanks: self.blanks + o.blanks,
            totals: self.totals + o.totals,
            distance: self.distance + o.distance,
        }
    }
}

/// A repair of one part.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Sol {
    key: Key,
    /// The changed cells (those that must be given a value left out), ascending.
    set: Vec<usize>,
    /// Every cell given a value, with the value.
    values: Vec<(usize, i64)>,
    /// Cells whose value the equations leave open (one choice is shown).
    loose: Vec<usize>,
}

/// Values for the cells of a set, and the cells among them whose value is left open.
type Solved = (Vec<(usize, i64)>, Vec<usize>);

/// What the search of a part found.
struct Found {
    best: Vec<Sol>,
    count: u64,
    /// Cells in every minimum repair (`None`: unknown).
    certain: Option<Vec<usize>>,
    exhausted: bool,
}

// ------------------------------------------------------------------------------ sets

/// Words of a [`Set`]: 192 cells, more than a part can have (the requests table has at most
/// 26 rows of 7 cells, an appeals row 5).
const WORDS: usize = 3;
const MAX_CELLS: usize = WORDS * 64;

/// A set of cells of a part, as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
struct Set([u64; WORDS]);

impl Set {
    fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn with(mut self, i: usize) -> Set {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
        self
    }

    fn and(self, o: Set) -> Set {
        Set([self.0[0] & o.0[0], self.0[1] & o.0[1], self.0[2] & o.0[2]])
    }

    fn or(self, o: Set) -> Set {
        Set([self.0[0] | o.0[0], self.0[1] | o.0[1], self.0[2] | o.0[2]])
    }

    fn minus(self, o: Set) -> Set {
        Set([
            self.0[0] & !o.0[0],
            self.0[1] & !o.0[1],
            self.0[2] & !o.0[2],
        ])
    }

    fn len(self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    fn is_empty(self) -> bool {
        self.0 == [0; WORDS]
    }

    fn iter(self) -> impl Iterator<Item = usize> {
        self.0.into_iter().enumerate().flat_map(|(wi, mut w)| {
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let b = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(wi * 64 + b)
            })
        })
    }
}

/// FNV-1a over the set's words: the visited sets are hashed once per node, and SipHash's
/// resistance to chosen keys is not needed for them.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Visited = HashSet<Set, std::hash::BuildHasherDefault<Fnv>>;

// ------------------------------------------------------------------------------ the search

/// A need: at least one of these cells must be added. `kind` when it comes from one
/// equation (equations of one kind share no cell).
struct Need {
    cells: Set,
    kind: Option<Kind>,
}

enum Look {
    /// Some need has no candidate left.
    Dead,
    Needs(Vec<Need>),
    /// No local need: values pinned by single-cell equations, as (cell, value).
    Clean(Vec<(usize, i64)>),
}

struct Search<'s> {
    sys: &'s Sys,
    /// Per equation, its cells.
    masks: Vec<Set>,
    budget: u64,
    nodes: u64,
    exhausted: bool,
    visited: Visited,
    best: Vec<Sol>,
    count: u64,
    certain: Option<Set>,
}

impl<'s> Search<'s> {
    fn new(sys: &'s Sys, budget: u64, nodes: u64) -> Self {
        let masks = sys
            .eqs
            .iter()
            .map(|e| e.terms.iter().fold(Set::default(), |m, &(v, _)| m.with(v)))
            .collect();
        Search {
            sys,
            masks,
            budget,
            nodes,
            exhausted: false,
            visited: Visited::default(),
            best: Vec::new(),
            count: 0,
            certain: None,
        }
    }

    fn into_found(self) -> Found {
        Found {
            certain: self.certain.map(|s| s.iter().collect()),
            best: self.best,
            count: self.count,
            exhausted: self.exhausted,
        }
    }

    fn tick(&mut self) -> bool {
        if self.nodes >= self.budget {
            self.exhausted = true;
            return false;
        }
        self.nodes += 1;
        true
    }

    fn run(&mut self) {
        let sys = self.sys;
        if sys.n() > MAX_CELLS {
            self.exhausted = true;
            return;
        }
        let root = (0..sys.n())
            .filter(|&v| sys.forced[v])
            .fold(Set::default(), Set::with);
        let changeable = (0..sys.n()).filter(|&v| !sys.forced[v]).count();
        let start = match self.look(root) {
            Look::Needs(needs) => lower_bound(&needs),
            _ => 0,
        };
        for k in start..=changeable {
            self.visited.clear();
            self.visited.insert(root);
            self.dfs(root, 0, k);
            if self.count > 0 || self.exhausted {
                break;
            }
        }
    }

    fn dfs(&mut self, s: Set, depth: usize, k: usize) {
        if !self.tick() {
            return;
        }
        let candidates: Set = match self.look(s) {
            Look::Dead => return,
            Look::Needs(needs) => {
                if depth >= k || depth + lower_bound(&needs) > k {
                    return;
                }
                match needs.into_iter().min_by_key(|n| n.cells.len()) {
                    Some(n) => n.cells,
                    None => return,
                }
            }
            Look::Clean(pinned) => match self.solve(s, &pinned) {
                Some((values, loose)) => {
                    self.record(values, loose);
                    return;
                }
                None if depth < k => self.neighbourhood(s),
                None => return,
            },
        };
        for v in candidates.iter() {
            let t = s.with(v);
            if self.visited.insert(t) {
                self.dfs(t, depth + 1, k);
            }
            if self.exhausted {
                return;
            }
        }
    }

    /// The local needs of a set.
    fn look(&self, s: Set) -> Look {
        let sys = self.sys;
        let mut needs = Vec::new();
        let mut pinned: Vec<(usize, i64, usize)> = Vec::new(); // (cell, value, equation)
        for (ei, e) in sys.eqs.iter().enumerate() {
            let mask = self.masks[ei];
            let inside = mask.and(s);
            let need = |more: Option<usize>| Need {
                cells: more
                    .and_then(|m| self.masks.get(m).copied())
                    .unwrap_or_default()
                    .or(mask)
                    .minus(s),
                kind: if more.is_none() { Some(e.kind) } else { None },
            };
            match inside.len() {
                0 if sys.full[ei] != 0 => needs.push(need(None)),
                1 => {
                    let Some(v) = inside.iter().next() else {
                        continue;
                    };
                    let c = e.terms.iter().find(|t| t.0 == v).map_or(1, |t| t.1);
                    let r = sys.full[ei] - c * sys.base[v];
                    // c·value + r = 0, c = ±1.
                    let value = -r * c;
                    if value < 0 || (!sys.forced[v] && value == sys.base[v]) {
                        needs.push(need(None));
                    } else {
                        match pinned.iter().find(|p| p.0 == v) {
                            Some(&(_, p, pe)) if p != value => needs.push(need(Some(pe))),
                            Some(_) => {}
                            None => pinned.push((v, value, ei)),
                        }
                    }
                }
                _ => {}
            }
        }
        if needs.iter().any(|n| n.cells.is_empty()) {
            Look::Dead
        } else if needs.is_empty() {
            Look::Clean(pinned.into_iter().map(|(v, x, _)| (v, x)).collect())
        } else {
            Look::Needs(needs)
        }
    }

    /// Cells outside `s` in the equations that touch `s`.
    fn neighbourhood(&self, s: Set) -> Set {
        self.masks
            .iter()
            .filter(|m| !m.and(s).is_empty())
            .fold(Set::default(), |acc, &m| acc.or(m))
            .minus(s)
    }

    fn record(&mut self, values: Vec<(usize, i64)>, loose: Vec<usize>) {
        let sys = self.sys;
        let set: Vec<usize> = values
            .iter()
            .map(|&(v, _)| v)
            .filter(|&v| !sys.forced[v])
            .collect();
        let mask = values.iter().fold(Set::default(), |m, &(v, _)| m.with(v));
        self.certain = Some(self.certain.map_or(mask, |c| c.and(mask)));
        self.count = self.count.saturating_add(1);
        let sol = Sol {
            key: sys.key(&values),
            set,
            values,
            loose,
        };
        let at = self.best.partition_point(|b| b <= &sol);
        if at <= ALTERNATIVES {
            self.best.insert(at, sol);
            self.best.truncate(ALTERNATIVES + 1);
        }
    }

    /// Values for the cells of `s` under which every equation holds, all non-negative whole
    /// numbers, every changed cell really changed, closest to what was written.
    /// Also the cells whose value is not fixed (another whole solution exists that differs
    /// there).
    fn solve(&mut self, s: Set, pinned: &[(usize, i64)]) -> Option<Solved> {
        let sys = self.sys;
        let members: Vec<usize> = s.iter().filter(|&v| v < sys.n()).collect();
        let touching: Vec<usize> = (0..sys.eqs.len())
            .filter(|&e| !self.masks[e].and(s).is_empty())
            .collect();
        // Every cell pinned by an equation of its own: the values are forced; check the rest.
        if pinned.len() == members.len() {
            let value = |v: usize| pinned.iter().find(|p| p.0 == v).map_or(0, |p| p.1);
            let holds = touching.iter().all(|&e| {
                sys.eqs[e]
                    .terms
                    .iter()
                    .map(|&(v, c)| c * if s.has(v) { value(v) } else { sys.base[v] })
                    .sum::<i64>()
                    == 0
            });
            return holds.then(|| (members.iter().map(|&v| (v, value(v))).collect(), Vec::new()));
        }
        // Otherwise solve the equations touching `s` for its cells.
        let rows: Vec<(Vec<Q>, Q)> = touching
            .iter()
            .map(|&e| {
                let eq = &sys.eqs[e];
                let mut coef = vec![Q::ZERO; members.len()];
                let mut rhs = 0i64;
                for &(v, c) in &eq.terms {
                    match members.binary_search(&v) {
                        Ok(i) => coef[i] = Q::int(c),
                        Err(_) => rhs -= c * sys.base[v],
                    }
                }
                (coef, Q::int(rhs))
            })
            .collect();
        let affine = Affine::solve(rows, members.len())?;
        let (best, loose) = self.closest(&members, &affine)?;
        let loose = loose
            .into_iter()
            .filter_map(|i| members.get(i).copied())
            .collect();
        Some((members.into_iter().zip(best).collect(), loose))
    }

    /// The whole, non-negative solution closest to what was written (see the module doc),
    /// and the positions (in `members`) whose value a neighbouring whole solution changes.
    fn closest(&mut self, members: &[usize], a: &Affine) -> Option<(Vec<i64>, Vec<usize>)> {
        let sys = self.sys;
        let ok = |vals: &[i64]| {
            members
                .iter()
                .zip(vals)
                .all(|(&v, &x)| x >= 0 && (sys.forced[v] || x != sys.base[v]))
        };
        let distance = |vals: &[i64]| -> i64 {
            members
                .iter()
                .zip(vals)
                .map(|(&v, &x)| (x - sys.origin[v]).abs())
                .sum()
        };
        let f = a.free.len();
        if f == 0 {
            let vals = a.at(&[])?;
            return ok(&vals).then_some((vals, Vec::new()));
        }
        // Planes "cell = 0" and "cell = as written", in the free coordinates.
        let mut planes: Vec<(usize, i64)> = Vec::new();
        for (i, &v) in members.iter().enumerate() {
            planes.push((i, 0));
            if sys.origin[v] > 0 {
                planes.push((i, sys.origin[v]));
            }
        }
        let mut best: Option<(i64, Vec<i64>, Vec<i64>)> = None; // (distance, values, t)
        let mut pick = vec![0usize; f];
        let mut more = combination_first(&mut pick, planes.len());
        while more {
            if !self.tick() {
                break;
            }
            // Solve the f planes for the free coordinates.
            let rows: Vec<(Vec<Q>, Q)> = pick
                .iter()
                .filter_map(|&p| planes.get(p))
                .map(|&(i, target)| {
                    let coef = a.dir.get(i).cloned().unwrap_or_default();
                    let rhs = Q::int(target).sub(a.at0.get(i).copied().unwrap_or(Q::ZERO));
                    (coef, rhs.unwrap_or(Q::ZERO))
                })
                .collect();
            if let Some(corner) = Affine::solve(rows, f).filter(|c| c.free.is_empty()) {
                // The corner, and the whole points around it when it is fractional.
                let exact = &corner.at0;
                let fractional: Vec<usize> = (0..f).filter(|&j| exact[j].d != 1).collect();
                for round in 0..(1u32 << fractional.len().min(8)) {
                    let t: Vec<i64> = exact
                        .iter()
                        .enumerate()
                        .map(|(j, q)| match fractional.iter().position(|&x| x == j) {
                            Some(b) if round & (1 << b) != 0 => q.ceil(),
                            _ => q.floor(),
                        })
                        .collect();
                    let Some(vals) = a.at(&t) else { continue };
                    if !ok(&vals) {
                        continue;
                    }
                    let d = distance(&vals);
                    if best
                        .as_ref()
                        .is_none_or(|(bd, bv, _)| (d, &vals) < (*bd, bv))
                    {
                        best = Some((d, vals, t));
                    }
                }
            }
            more = combination_next(&mut pick, planes.len());
        }
        let (_, vals, t) = best?;
        // One step along each free coordinate: which values does another solution change?
        let mut loose = Vec::new();
        for j in 0..f {
            for step in [-1, 1] {
                let mut u = t.clone();
                if let Some(x) = u.get_mut(j) {
                    *x += step;
                }
                if let Some(other) = a.at(&u).filter(|o| ok(o)) {
                    loose.extend((0..vals.len()).filter(|&i| other.get(i) != vals.get(i)));
                }
            }
        }
        loose.sort_unstable();
        loose.dedup();
        Some((vals, loose))
    }
}

/// Needs with disjoint candidates need distinct cells: a lower bound on the cells to add.
fn lower_bound(needs: &[Need]) -> usize {
    let greedy = |order: &[&Need]| {
        let mut used = Set::default();
        let mut n = 0;
        for need in order {
            if need.cells.and(used).is_empty() {
                used = used.or(need.cells);
                n += 1;
            }
        }
        n
    };
    let mut by_size: Vec<&Need> = needs.iter().collect();
    by_size.sort_by_key(|n| n.cells.len());
    let mut best = greedy(&by_size);
    for kind in [Kind::A301, Kind::A302, Kind::A303, Kind::R401] {
        best = best.max(needs.iter().filter(|n| n.kind == Some(kind)).count());
    }
    best
}

/// The first `k`-combination of `0..n` in `pick`; false when there is none.
fn combination_first(pick: &mut [usize], n: usize) -> bool {
    for (i, p) in pick.iter_mut().enumerate() {
        *p = i;
    }
    pick.len() <= n
}

/// The next combination in lexicographic order; false after the last.
fn combination_next(pick: &mut [usize], n: usize) -> bool {
    let k = pick.len();
    for i in (0..k).rev() {
        if pick[i] < n - k + i {
            pick[i] += 1;
            for j in i + 1..k {
                pick[j] = pick[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

// ------------------------------------------------------------------------------ exact algebra

/// A rational number `n/d`, `d > 0`, in lowest terms. Operations give `None` on overflow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Q {
    n: i128,
    d: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Q {
    const ZERO: Q = Q { n: 0, d: 1 };

    fn int(n: i64) -> Q {
        Q {
            n: i128::from(n),
            d: 1,
        }
    }

    fn new(n: i128, d: i128) -> Option<Q> {
        if d == 0 {
            return None;
        }
        let g = gcd(n, d).max(1);
        let (n, d) = (n / g, d / g);
        Some(if d < 0 {
            Q {
                n: n.checked_neg()?,
                d: d.checked_neg()?,
            }
        } else {
            Q { n, d }
        })
    }

    fn is_zero(self) -> bool {
        self.n == 0
    }

    fn add(self, o: Q) -> Option<Q> {
        let n = self
            .n
            .checked_mul(o.d)?
            .checked_add(o.n.checked_mul(self.d)?)?;
        Q::new(n, self.d.checked_mul(o.d)?)
    }

    fn sub(self, o: Q) -> Option<Q> {
        self.add(Q {
            n: o.n.checked_neg()?,
            d: o.d,
        })
    }

    fn mul(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.n)?, self.d.checked_mul(o.d)?)
    }

    fn div(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.d)?, self.d.checked_mul(o.n)?)
    }

    fn floor(self) -> i64 {
        i64::try_from(self.n.div_euclid(self.d.max(1))).unwrap_or(i64::MAX)
    }

    fn ceil(self) -> i64 {
        let f = self.n.div_euclid(self.d.max(1));
        let c = if self.n.rem_euclid(self.d.max(1)) == 0 {
            f
        } else {
            f + 1
        };
        i64::try_from(c).unwrap_or(i64::MAX)
    }

    fn whole(self) -> Option<i64> {
        if self.d == 1 {
            i64::try_from(self.n).ok()
        } else {
            None
        }
    }
}

/// The solutions of a linear system: `x_i = at0_i + Σ_j dir_i_j · t_j`, one `t_j` per free
/// unknown.
struct Affine {
    at0: Vec<Q>,
    dir: Vec<Vec<Q>>,
    free: Vec<usize>,
}

impl Affine {
    /// Gauss–Jordan over the rationals; `None` when the system has no solution (or the
    /// numbers overflow).
    fn solve(mut rows: Vec<(Vec<Q>, Q)>, n: usize) -> Option<Affine> {
        let mut pivots: Vec<(usize, usize)> = Vec::new(); // (row, column)
        let mut r = 0;
        for col in 0..n {
            let Some(p) = (r..rows.len()).find(|&i| !rows[i].0[col].is_zero()) else {
                continue;
            };
            rows.swap(r, p);
            let pv = rows[r].0[col];
            for x in rows[r].0.iter_mut() {
                *x = x.div(pv)?;
            }
            rows[r].1 = rows[r].1.div(pv)?;
            let (pc, pr) = (rows[r].0.clone(), rows[r].1);
            for (i, row) in rows.iter_mut().enumerate() {
                let f = row.0[col];
                if i == r || f.is_zero() {
                    continue;
                }
                for (x, &y) in row.0.iter_mut().zip(&pc) {
                    *x = x.sub(f.mul(y)?)?;
                }
                row.1 = row.1.sub(f.mul(pr)?)?;
            }
            pivots.push((r, col));
            r += 1;
        }
        if rows[r..].iter().any(|(_, rhs)| !rhs.is_zero()) {
            return None;
        }
        let free: Vec<usize> = (0..n)
            .filter(|c| pivots.iter().all(|&(_, pc)| pc != *c))
            .collect();
        let mut at0 = vec![Q::ZERO; n];
        let mut dir = vec![vec![Q::ZERO; free.len()]; n];
        for (j, &fc) in free.iter().enumerate() {
            dir[fc][j] = Q::int(1);
        }
        for &(row, col) in &pivots {
            at0[col] = rows[row].1;
            for (j, &fc) in free.iter().enumerate() {
                dir[col][j] = Q::ZERO.sub(rows[row].0[fc])?;
            }
        }
        Some(Affine { at0, dir, free })
    }

    /// The whole values at free coordinates `t`; `None` when one is a fraction.
    fn at(&self, t: &[i64]) -> Option<Vec<i64>> {
        self.at0
            .iter()
            .zip(&self.dir)
            .map(|(&a, d)| {
                let mut x = a;
                for (&c, &tj) in d.iter().zip(t) {
                    x = x.add(c.mul(Q::int(tj))?)?;
                }
                x.whole()
            })
            .collect()
    }
}

// ------------------------------------------------------------------------------ JSON

/// One change as JSON: `{cell, from, to}`, `from` 0 for a blank (with `"blank": true`) and
/// `null` for a cell that had no number (with `"unreadable": true`); `"determined": false`
/// when the value is one choice among several.
struct ChangeJson<'a>(&'a Change);

impl Serialize for ChangeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let flag = match c.from {
            Value::Blank => Some("blank"),
            Value::Unreadable | Value::Missing => Some("unreadable"),
            Value::Number(_) => None,
        };
        let extra = usize::from(flag.is_some()) + usize::from(!c.determined);
        let mut m = s.serialize_struct("Change", 3 + extra)?;
        m.serialize_field("cell", &c.cell)?;
        m.serialize_field("from", &Num(c.from.as_number()))?;
        m.serialize_field("to", &Num(Some(c.to)))?;
        match flag {
            Some("blank") => m.serialize_field("blank", &true)?,
            Some(_) => m.serialize_field("unreadable", &true)?,
            None => {}
        }
        if !c.determined {
            m.serialize_field("determined", &false)?;
        }
        m.end()
    }
}

struct Num(Option<f64>);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(n) => serialize_number(n, s),
            None => s.serialize_none(),
        }
    }
}

struct Changes<'a>(&'a [Change]);

impl Serialize for Changes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ChangeJson))
    }
}

/// In a report the repair is flattened into `repair` (the chosen changes, as the JSON
/// contract has it), `repair_count`, `repair_alternatives`, `repair_certain` and
/// `repair_exhausted`.
impl Serialize for Repair {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("repair", &Changes(&self.changes))?;
        m.serialize_entry("repair_count", &self.count)?;
        let alts: Vec<Changes> = self.alternatives.iter().map(|a| Changes(a)).collect();
        m.serialize_entry("repair_alternatives", &alts)?;
        m.serialize_entry("repair_certain", &self.certain)?;
        m.serialize_entry("repair_exhausted", &self.exhausted)?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rationals() {
        let third = Q::new(1, 3).unwrap_or_default();
        let two_thirds = third.add(third).unwrap_or_default();
        assert_eq!(two_thirds, Q { n: 2, d: 3 });
        assert_eq!(two_thirds.floor(), 0);
        assert_eq!(two_thirds.ceil(), 1);
        assert_eq!(Q::new(-4, 2).and_then(Q::whole), Some(-2));
        assert_eq!(Q::new(-1, 3).map(Q::floor), Some(-1));
        assert_eq!(Q::new(1, 0), None);
    }

    #[test]
    fn gauss_jordan_free_unknowns() {
        // x0 + x1 = 5, x1 + x2 = 3: x2 free.
        let rows = vec![
            (vec![Q::int(1), Q::int(1), Q::ZERO], Q::int(5)),
            (vec![Q::ZERO, Q::int(1), Q::int(1)], Q::int(3)),
        ];
        let a = Affine::solve(rows, 3);
        let a = a.as_ref();
        assert_eq!(a.map(|a| a.free.clone()), Some(vec![2]));
        assert_eq!(a.and_then(|a| a.at(&[1])), Some(vec![3, 2, 1]));
        // x0 = 1 and x0 = 2: no solution.
        let rows = vec![(vec![Q::int(1)], Q::int(1)), (vec![Q::int(1)], Q::int(2))];
        assert!(Affine::solve(rows, 1).is_none());
    }

    #[test]
    fn combinations() {
        let mut pick = vec![0; 2];
        let mut all = Vec::new();
        let mut more = combination_first(&mut pick, 4);
        while more {
            all.push(pick.clone());
            more = combination_next(&mut pick, 4);
        }
        assert_eq!(all.len(), 6);
        assert_eq!(all.last(), Some(&vec![2, 3]));
        assert!(!combination_first(&mut [0; 3], 2));
    }
}
