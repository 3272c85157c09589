//! The model: the cells the equations tie together, and the independent parts.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    A301,
    A302,
    A303,
    R401,
}

/// A cell that takes part in at least one equation.
#[derive(Clone, Debug)]
pub(super) struct Var<'t> {
    pub(super) table: TableKind,
    pub(super) row: &'static str,
    pub(super) cell: &'t Cell,
    /// The value kept when the cell is not changed (0 for a cell that must be given one).
    pub(super) base: i64,
    /// The value closeness is measured from (what was written, rounded; 0 for text).
    pub(super) origin: i64,
    /// The cell has no usable count and every repair gives it a value.
    pub(super) forced: bool,
    pub(super) blank: bool,
    pub(super) total: bool,
}

/// `Σ coefficient·value = 0`.
#[derive(Clone, Debug)]
pub(super) struct Equation {
    pub(super) kind: Kind,
    pub(super) terms: Vec<(usize, i64)>,
    /// The cells the plain repair solves this equation for, in order of preference.
    pub(super) solve_for: Vec<usize>,
    /// When the plain repair treats this equation (lower first).
    pub(super) stage: u8,
}

pub(super) struct Model<'t> {
    pub(super) vars: Vec<Var<'t>>,
    pub(super) eqs: Vec<Equation>,
    /// Per equation of `eqs`: its code and subject, as the rules name it.
    pub(super) names: Vec<(&'static str, String)>,
}

impl<'t> Model<'t> {
    pub(super) fn build(
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
            names: Vec::new(),
        };
        // Rows absent or misaligned have no cells here: their equations are left out.
        let first = |kind: TableKind, row: &str| {
            rows.iter().find(|r| r.0 == kind && r.1 == row).map(|r| r.2)
        };
        let column = |kind: TableKind, col: &str| {
            let cols = match kind {
                TableKind::Requests => REQUEST_COLS,
                _ => APPEAL_COLS,
            };
            cols.iter().position(|c| c.key == col)
        };
        let at =
            |kind: TableKind, (row, col): CellRef| Some(first(kind, row)? + column(kind, col)?);
        let last = |eq: &equations::Equation| eq.line == "total";
        for eq in equations::equations(requests, appeals, single_other) {
            let kind = match eq.code {
                "A301" => Kind::A301,
                "A302" => Kind::A302,
                "A303" => Kind::A303,
                _ => Kind::R401,
            };
            let terms = eq
                .terms()
                .map(|(c, s)| at(eq.table, c).map(|v| (v, s)))
                .collect();
            // The plain repair's order: row totals of the outcomes first, then the column
            // sums, the carried-over identity, the rows the identity reads, the last column.
            let (solve_for, stage): (Vec<CellRef>, u8) = match kind {
                Kind::A301 | Kind::R401 => {
                    let stage = match (kind, eq.line) {
                        (Kind::A301, "total") => 2,
                        (Kind::A301, "new" | "carried_in" | "carried_out") => 4,
                        _ => 0,
                    };
                    (eq.stated.clone(), stage)
                }
                Kind::A302 => (eq.stated.clone(), if last(&eq) { 5 } else { 1 }),
                Kind::A303 => (
                    vec![eq.computed[1], eq.stated[0]],
                    if last(&eq) { 5 } else { 3 },
                ),
            };
            let solve_for = solve_for
                .into_iter()
                .filter_map(|c| at(eq.table, c))
                .collect();
            m.push(kind, terms, solve_for, stage, (eq.code, eq.subject()));
        }
        m
    }

    /// Keep an equation only when every one of its cells is there.
    pub(super) fn push(
        &mut self,
        kind: Kind,
        terms: Vec<Option<(usize, i64)>>,
        solve_for: Vec<usize>,
        stage: u8,
        name: (&'static str, String),
    ) {
        let Some(terms) = terms.into_iter().collect::<Option<Vec<_>>>() else {
            return;
        };
        self.names.push(name);
        self.eqs.push(Equation {
            kind,
            terms,
            solve_for,
            stage,
        });
    }

    /// The independent parts (cells joined by equations) that have something to do: an
    /// equation fails or a cell must be given a value.
    pub(super) fn parts(&self) -> Vec<Sys> {
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

    pub(super) fn needs_work(&self, e: usize) -> bool {
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
    pub(super) fn combine(&self, parts: &[(Sys, Found)]) -> Repair {
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

    pub(super) fn path(&self, g: usize) -> String {
        let v = &self.vars[g];
        cell_path(v.table, v.row, v.cell.col)
    }

    pub(super) fn change(&self, g: usize, to: i64, determined: bool) -> Change {
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
    pub(super) fn new(table: TableKind, row: &'static str, c: &'t Cell) -> Var<'t> {
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
pub(super) struct Sys {
    /// Local cell → index into the model's cells.
    pub(super) global: Vec<usize>,
    pub(super) base: Vec<i64>,
    pub(super) origin: Vec<i64>,
    pub(super) forced: Vec<bool>,
    pub(super) blank: Vec<bool>,
    pub(super) total: Vec<bool>,
    pub(super) eqs: Vec<Equation>,
    /// Per equation: Σ coefficient·base.
    pub(super) full: Vec<i64>,
}

impl Sys {
    pub(super) fn new(m: &Model, eq_ids: &[usize]) -> Sys {
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

    pub(super) fn n(&self) -> usize {
        self.global.len()
    }

    /// Solutions are compared by this (smaller is better).
    pub(super) fn key(&self, values: &[(usize, i64)]) -> Key {
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
    pub(super) fn fallback(&self) -> Option<Sol> {
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
pub(super) struct Key {
    pub(super) blanks: i64,
    pub(super) totals: i64,
    pub(super) distance: i64,
}

impl Key {
    pub(super) fn plus(self, o: Key) -> Key {
        Key {
            blanks: self.blanks + o.blanks,
            totals: self.totals + o.totals,
            distance: self.distance + o.distance,
        }
    }
}

/// A repair of one part.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Sol {
    pub(super) key: Key,
    /// The changed cells (those that must be given a value left out), ascending.
    pub(super) set: Vec<usize>,
    /// Every cell given a value, with the value.
    pub(super) values: Vec<(usize, i64)>,
    /// Cells whose value the equations leave open (one choice is shown).
    pub(super) loose: Vec<usize>,
}

/// Values for the cells of a set, and the cells among them whose value is left open.
pub(super) type Solved = (Vec<(usize, i64)>, Vec<usize>);

/// What the search of a part found.
pub(super) struct Found {
    pub(super) best: Vec<Sol>,
    pub(super) count: u64,
    /// Cells in every minimum repair (`None`: unknown).
    pub(super) certain: Option<Vec<usize>>,
    pub(super) exhausted: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;
    use std::path::{Path, PathBuf};

    fn fixtures() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        let mut dirs = vec![
            root.join("../../tests/fixtures"),
            root.join("tests/fixtures"),
        ];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| {
                    ["txt", "html", "case", "pdf", "docx"]
                        .iter()
                        .any(|k| x == *k)
                }) {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }

    /// The equations the rules report as failing are exactly the failing equations of the
    /// repair's model that it can evaluate (no cell it must give a value); the model holds
    /// the equations of [`equations::equations`] whose rows it laid out, and no other.
    #[test]
    fn the_rules_check_the_equations_the_repair_solves() {
        let codes = equations::CODES;
        let mut checked = 0;
        for path in fixtures() {
            let bytes = std::fs::read(&path).unwrap_or_default();
            let r: Report = crate::check_bytes(&bytes).report;
            if !r.template.is_national() {
                continue;
            }
            let (req, app) = (r.tables.requests.as_ref(), r.tables.appeals.as_ref());
            let m = Model::build(req, app, r.facts.single_other);
            let all: Vec<(&str, String)> = equations::equations(req, app, r.facts.single_other)
                .iter()
                .map(|e| (e.code, e.subject()))
                .collect();
            assert!(
                m.names.iter().all(|n| all.contains(n)),
                "{}: the model has an equation the table does not",
                path.display()
            );
            let mut failing: Vec<(&str, String)> = Vec::new();
            for (eq, name) in m.eqs.iter().zip(&m.names) {
                let forced = eq.terms.iter().any(|&(v, _)| m.vars[v].forced);
                let sum: i64 = eq.terms.iter().map(|&(v, c)| c * m.vars[v].base).sum();
                if !forced && sum != 0 {
                    failing.push(name.clone());
                }
            }
            let mut reported: Vec<(&str, String)> = r
                .findings
                .iter()
                .filter(|f| codes.contains(&f.code))
                .map(|f| (f.code, f.subject.clone()))
                .collect();
            failing.sort();
            reported.sort();
            assert_eq!(reported, failing, "{}", path.display());
            checked += 1;
        }
        assert!(
            checked > 20,
            "only {checked} reports of a national template"
        );
    }
}
