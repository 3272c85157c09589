//! Exact rational arithmetic and Gauss–Jordan elimination for the search.

/// A rational number `n/d`, `d > 0`, in lowest terms. Operations give `None` on overflow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Q {
    pub(super) n: i128,
    pub(super) d: i128,
}

pub(super) fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Q {
    pub(super) const ZERO: Q = Q { n: 0, d: 1 };

    pub(super) fn int(n: i64) -> Q {
        Q {
            n: i128::from(n),
            d: 1,
        }
    }

    pub(super) fn new(n: i128, d: i128) -> Option<Q> {
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

    pub(super) fn is_zero(self) -> bool {
        self.n == 0
    }

    pub(super) fn add(self, o: Q) -> Option<Q> {
        let n = self
            .n
            .checked_mul(o.d)?
            .checked_add(o.n.checked_mul(self.d)?)?;
        Q::new(n, self.d.checked_mul(o.d)?)
    }

    pub(super) fn sub(self, o: Q) -> Option<Q> {
        self.add(Q {
            n: o.n.checked_neg()?,
            d: o.d,
        })
    }

    pub(super) fn mul(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.n)?, self.d.checked_mul(o.d)?)
    }

    pub(super) fn div(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.d)?, self.d.checked_mul(o.n)?)
    }

    pub(super) fn floor(self) -> i64 {
        i64::try_from(self.n.div_euclid(self.d.max(1))).unwrap_or(i64::MAX)
    }

    pub(super) fn ceil(self) -> i64 {
        let f = self.n.div_euclid(self.d.max(1));
        let c = if self.n.rem_euclid(self.d.max(1)) == 0 {
            f
        } else {
            f + 1
        };
        i64::try_from(c).unwrap_or(i64::MAX)
    }

    pub(super) fn whole(self) -> Option<i64> {
        if self.d == 1 {
            i64::try_from(self.n).ok()
        } else {
            None
        }
    }
}

/// The solutions of a linear system: `x_i = at0_i + Σ_j dir_i_j · t_j`, one `t_j` per free
/// unknown.
pub(super) struct Affine {
    pub(super) at0: Vec<Q>,
    pub(super) dir: Vec<Vec<Q>>,
    pub(super) free: Vec<usize>,
}

impl Affine {
    /// Gauss–Jordan over the rationals; `None` when the system has no solution (or the
    /// numbers overflow).
    pub(super) fn solve(mut rows: Vec<(Vec<Q>, Q)>, n: usize) -> Option<Affine> {
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
    pub(super) fn at(&self, t: &[i64]) -> Option<Vec<i64>> {
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
}
