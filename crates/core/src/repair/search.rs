//! The search: iterative deepening over the set of changed cells (see the module doc).

use super::algebra::*;
use super::model::*;
use super::*;

/// Words of a [`Set`]: 192 cells, more than a part can have (the requests table has at most
/// 26 rows of 7 cells, an appeals row 5).
pub(super) const WORDS: usize = 3;
pub(super) const MAX_CELLS: usize = WORDS * 64;

/// A set of cells of a part, as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct Set([u64; WORDS]);

impl Set {
    pub(super) fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub(super) fn with(mut self, i: usize) -> Set {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
        self
    }

    pub(super) fn and(self, o: Set) -> Set {
        Set([self.0[0] & o.0[0], self.0[1] & o.0[1], self.0[2] & o.0[2]])
    }

    pub(super) fn or(self, o: Set) -> Set {
        Set([self.0[0] | o.0[0], self.0[1] | o.0[1], self.0[2] | o.0[2]])
    }

    pub(super) fn minus(self, o: Set) -> Set {
        Set([
            self.0[0] & !o.0[0],
            self.0[1] & !o.0[1],
            self.0[2] & !o.0[2],
        ])
    }

    pub(super) fn len(self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    pub(super) fn is_empty(self) -> bool {
        self.0 == [0; WORDS]
    }

    pub(super) fn iter(self) -> impl Iterator<Item = usize> {
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
pub(super) struct Fnv(u64);

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

pub(super) type Visited = HashSet<Set, std::hash::BuildHasherDefault<Fnv>>;

// ------------------------------------------------------------------------------ the search

/// A need: at least one of these cells must be added. `kind` when it comes from one
/// equation (equations of one kind share no cell).
pub(super) struct Need {
    pub(super) cells: Set,
    pub(super) kind: Option<Kind>,
}

pub(super) enum Look {
    /// Some need has no candidate left.
    Dead,
    Needs(Vec<Need>),
    /// No local need: values pinned by single-cell equations, as (cell, value).
    Clean(Vec<(usize, i64)>),
}

pub(super) struct Search<'s> {
    pub(super) sys: &'s Sys,
    /// Per equation, its cells.
    pub(super) masks: Vec<Set>,
    pub(super) budget: u64,
    pub(super) nodes: u64,
    pub(super) exhausted: bool,
    pub(super) visited: Visited,
    pub(super) best: Vec<Sol>,
    pub(super) count: u64,
    pub(super) certain: Option<Set>,
}

impl<'s> Search<'s> {
    pub(super) fn new(sys: &'s Sys, budget: u64, nodes: u64) -> Self {
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

    pub(super) fn into_found(self) -> Found {
        Found {
            certain: self.certain.map(|s| s.iter().collect()),
            best: self.best,
            count: self.count,
            exhausted: self.exhausted,
        }
    }

    pub(super) fn tick(&mut self) -> bool {
        if self.nodes >= self.budget {
            self.exhausted = true;
            return false;
        }
        self.nodes += 1;
        true
    }

    pub(super) fn run(&mut self) {
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

    pub(super) fn dfs(&mut self, s: Set, depth: usize, k: usize) {
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
    pub(super) fn look(&self, s: Set) -> Look {
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
    pub(super) fn neighbourhood(&self, s: Set) -> Set {
        self.masks
            .iter()
            .filter(|m| !m.and(s).is_empty())
            .fold(Set::default(), |acc, &m| acc.or(m))
            .minus(s)
    }

    pub(super) fn record(&mut self, values: Vec<(usize, i64)>, loose: Vec<usize>) {
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
    pub(super) fn solve(&mut self, s: Set, pinned: &[(usize, i64)]) -> Option<Solved> {
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
    pub(super) fn closest(
        &mut self,
        members: &[usize],
        a: &Affine,
    ) -> Option<(Vec<i64>, Vec<usize>)> {
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
pub(super) fn lower_bound(needs: &[Need]) -> usize {
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
pub(super) fn combination_first(pick: &mut [usize], n: usize) -> bool {
    for (i, p) in pick.iter_mut().enumerate() {
        *p = i;
    }
    pick.len() <= n
}

/// The next combination in lexicographic order; false after the last.
pub(super) fn combination_next(pick: &mut [usize], n: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
