//! Ruling lines → table grids, the way a "lattice" table finder reads a page: the borders a
//! page draws are snapped and joined into lines, lines that cross form one table, the
//! distinct positions of its vertical and horizontal lines are its column and row
//! boundaries, and a boundary that is not drawn between two grid cells makes them one merged
//! cell (a rowspan or colspan). A table without borders is not found here: `stream` reads the
//! pages that have no grid.
//!
//! Work is bounded: rulings are sorted once, crossings are looked up by binary search, and a
//! page with more than [`MAX_LINES`] joined lines or a grid of more than [`MAX_CELLS`] cells
//! is read as lines.

use super::content::Ruling;

/// Rulings this close across their direction are one line (a border drawn as two
/// half-pixel rectangles, or per cell with rounding).
const SNAP: f64 = 1.5;
/// Boundaries closer than this (in points) are one: no cell is that narrow, and tables drawn
/// with cell spacing have each border twice.
const MIN_CELL: f64 = 3.0;
/// Pieces of one line this close along it are joined.
const JOIN: f64 = 2.0;
/// A horizontal and a vertical line cross when each reaches within this of the other.
const CROSS: f64 = 2.0;
/// Joined lines a page may have for tables to be looked for.
const MAX_LINES: usize = 20_000;
/// Grid cells of one table.
const MAX_CELLS: usize = 200_000;
/// Lines shorter than this are specks, not borders.
const MIN_LENGTH: f64 = 3.0;

/// A line: position across, extent along.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Line {
    at: f64,
    from: f64,
    to: f64,
}

/// One table found on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// Column boundaries, left to right (at least three: two columns).
    pub xs: Vec<f64>,
    /// Row boundaries, top to bottom (at least three: two rows).
    pub ys: Vec<f64>,
    /// For each grid cell (row-major), the index of the merged cell it belongs to.
    pub cell_of: Vec<usize>,
    /// The merged cells: first row, last row, first column, last column (inclusive).
    pub cells: Vec<Cell>,
    /// No border is drawn along the top: the table goes on from the page before.
    pub open_top: bool,
    /// No border is drawn along the bottom: the table goes on on the next page.
    pub open_bottom: bool,
}

/// A merged cell of a grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    pub row0: usize,
    pub row1: usize,
    pub col0: usize,
    pub col1: usize,
}

impl Grid {
    fn cols(&self) -> usize {
        self.xs.len() - 1
    }

    /// Whether a point lies inside the table.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) = (
            self.xs.first(),
            self.xs.last(),
            self.ys.first(),
            self.ys.last(),
        ) else {
            return false;
        };
        x >= x0 && x <= x1 && y >= y0 && y <= y1
    }

    /// The merged cell a point inside the table falls in.
    pub fn cell_at(&self, x: f64, y: f64) -> Option<usize> {
        let col = self.xs.partition_point(|&b| b <= x).checked_sub(1)?;
        let row = self.ys.partition_point(|&b| b <= y).checked_sub(1)?;
        let col = col.min(self.cols().checked_sub(1)?);
        let row = row.min(self.ys.len().checked_sub(2)?);
        self.cell_of.get(row * self.cols() + col).copied()
    }
}

/// Snap and join one direction's rulings into lines, sorted by position then start.
fn join(mut rs: Vec<Line>) -> Vec<Line> {
    rs.sort_by(|a, b| a.at.total_cmp(&b.at));
    let mut out: Vec<Line> = Vec::new();
    let mut i = 0;
    while i < rs.len() {
        // A run of rulings within SNAP of the run's first.
        let start = i;
        let first = rs[i].at;
        while i < rs.len() && rs[i].at - first <= SNAP {
            i += 1;
        }
        let group = &mut rs[start..i];
        let at = group.iter().map(|r| r.at).sum::<f64>() / group.len() as f64;
        group.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Line> = None;
        for r in group.iter() {
            match cur.as_mut() {
                Some(c) if r.from <= c.to + JOIN => c.to = c.to.max(r.to),
                _ => {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    cur = Some(Line { at, ..*r });
                }
            }
        }
        if let Some(c) = cur {
            out.push(c);
        }
    }
    out.retain(|l| l.to - l.from >= MIN_LENGTH);
    out
}

fn find_root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find_root(parent, a), find_root(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Distinct positions (within MIN_CELL) of values.
fn positions(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    let mut group: Vec<f64> = Vec::new();
    for x in v {
        if group.first().is_some_and(|&f| x - f > MIN_CELL) {
            out.push(group.iter().sum::<f64>() / group.len() as f64);
            group.clear();
        }
        group.push(x);
    }
    if !group.is_empty() {
        out.push(group.iter().sum::<f64>() / group.len() as f64);
    }
    out
}

/// Whether one of `lines` (sorted by position) lies at `at` and covers `along`.
fn drawn(lines: &[Line], at: f64, along: f64) -> bool {
    let lo = lines.partition_point(|l| l.at < at - MIN_CELL);
    lines[lo..]
        .iter()
        .take_while(|l| l.at <= at + MIN_CELL)
        .any(|l| l.from - CROSS <= along && along <= l.to + CROSS)
}

/// The tables a page's rulings draw.
pub fn find(rulings: &[Ruling]) -> Vec<Grid> {
    let line = |r: &Ruling| Line {
        at: r.at,
        from: r.from.min(r.to),
        to: r.from.max(r.to),
    };
    let hs = join(rulings.iter().filter(|r| r.horizontal).map(line).collect());
    let vs = join(rulings.iter().filter(|r| !r.horizontal).map(line).collect());
    if hs.is_empty() || vs.is_empty() || hs.len() + vs.len() > MAX_LINES {
        return Vec::new();
    }
    // Lines that cross are of one table: for each horizontal line, the vertical lines
    // within its extent (found by position, `vs` being sorted by it) that reach its height.
    let n = hs.len() + vs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut crossings = 0usize;
    for (i, h) in hs.iter().enumerate() {
        let lo = vs.partition_point(|v| v.at < h.from - CROSS);
        for (j, v) in vs[lo..].iter().enumerate() {
            if v.at > h.to + CROSS {
                break;
            }
            crossings += 1;
            if crossings > MAX_CELLS * 4 {
                return Vec::new();
            }
            if v.from - CROSS <= h.at && h.at <= v.to + CROSS {
                union(&mut parent, i, hs.len() + lo + j);
            }
        }
    }
    let mut slot_of_root = vec![usize::MAX; n];
    let mut groups: Vec<(Vec<Line>, Vec<Line>)> = Vec::new();
    for i in 0..n {
        let root = find_root(&mut parent, i);
        if slot_of_root[root] == usize::MAX {
            slot_of_root[root] = groups.len();
            groups.push((Vec::new(), Vec::new()));
        }
        let g = &mut groups[slot_of_root[root]];
        if i < hs.len() {
            g.0.push(hs[i]);
        } else {
            g.1.push(vs[i - hs.len()]);
        }
    }
    groups.into_iter().filter_map(|(h, v)| grid(h, v)).collect()
}

/// The grid of one table's lines (each list sorted by position), if it has two rows and two
/// columns.
fn grid(hs: Vec<Line>, vs: Vec<Line>) -> Option<Grid> {
    let mut ys = positions(hs.iter().map(|l| l.at).collect());
    let mut xs = positions(vs.iter().map(|l| l.at).collect());
    // A table wider than the page (Chromium clips it) has no border where it is clipped:
    // its horizontal lines reach past the outermost vertical one, and where (at least two of)
    // them end bounds a column.
    let mut froms: Vec<f64> = hs.iter().map(|l| l.from).collect();
    froms.sort_by(f64::total_cmp);
    let mut tos: Vec<f64> = hs.iter().map(|l| l.to).collect();
    tos.sort_by(|a, b| b.total_cmp(a));
    if let (Some(&left), Some(&first)) = (froms.get(1), xs.first()) {
        if first - left > MIN_CELL {
            xs.insert(0, left);
        }
    }
    if let (Some(&right), Some(&last)) = (tos.get(1), xs.last()) {
        if right - last > MIN_CELL {
            xs.push(right);
        }
    }
    // A table cut by a page break has no border where it is cut (Chromium draws none): its
    // vertical lines reach past the last horizontal one, and that end bounds a row.
    let top = vs.iter().map(|l| l.from).fold(f64::INFINITY, f64::min);
    let bottom = vs.iter().map(|l| l.to).fold(f64::NEG_INFINITY, f64::max);
    let open_top = ys.first().is_some_and(|&y| y - top > MIN_CELL);
    if open_top {
        ys.insert(0, top);
    }
    let open_bottom = ys.last().is_some_and(|&y| bottom - y > MIN_CELL);
    if open_bottom {
        ys.push(bottom);
    }
    if xs.len() < 3 || ys.len() < 3 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    if rows.checked_mul(cols)? > MAX_CELLS {
        return None;
    }
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    for r in 0..rows {
        let mid_y = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..cols {
            let mid_x = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < cols && !drawn(&vs, xs[c + 1], mid_y) {
                union(&mut parent, r * cols + c, r * cols + c + 1);
            }
            if r + 1 < rows && !drawn(&hs, ys[r + 1], mid_x) {
                union(&mut parent, r * cols + c, (r + 1) * cols + c);
            }
        }
    }
    let mut cell_of = vec![0usize; rows * cols];
    let mut cells: Vec<Cell> = Vec::new();
    let mut index_of_root = vec![usize::MAX; rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            let i = r * cols + c;
            let root = find_root(&mut parent, i);
            if index_of_root[root] == usize::MAX {
                index_of_root[root] = cells.len();
                cells.push(Cell {
                    row0: r,
                    row1: r,
                    col0: c,
                    col1: c,
                });
            }
            let k = index_of_root[root];
            let cell = &mut cells[k];
            cell.row0 = cell.row0.min(r);
            cell.row1 = cell.row1.max(r);
            cell.col0 = cell.col0.min(c);
            cell.col1 = cell.col1.max(c);
            cell_of[i] = k;
        }
    }
    Some(Grid {
        xs,
        ys,
        cell_of,
        cells,
        open_top,
        open_bottom,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, x0: f64, x1: f64) -> Ruling {
        Ruling {
            horizontal: true,
            at: y,
            from: x0,
            to: x1,
        }
    }

    fn v(x: f64, y0: f64, y1: f64) -> Ruling {
        Ruling {
            horizontal: false,
            at: x,
            from: y0,
            to: y1,
        }
    }

    #[test]
    fn a_grid_with_a_rowspan_and_a_colspan() {
        // 3 columns × 3 rows; the first column's last two rows are one cell, the first row's
        // last two columns are one cell. Borders drawn in pieces, a hair apart.
        let rulings = vec![
            h(0.0, 0.0, 50.0),
            h(0.3, 50.0, 150.0),
            h(10.0, 0.0, 150.0),
            h(20.0, 50.0, 100.0),
            h(20.2, 100.0, 150.0),
            h(30.0, 0.0, 150.0),
            v(0.0, 0.0, 30.0),
            v(50.0, 0.0, 30.0),
            v(100.0, 10.0, 30.0),
            v(150.0, 0.0, 30.0),
            // A lone underline elsewhere is no table.
            h(200.0, 0.0, 100.0),
        ];
        let grids = find(&rulings);
        assert_eq!(grids.len(), 1);
        let g = &grids[0];
        assert_eq!((g.xs.len(), g.ys.len()), (4, 4));
        assert_eq!(g.cells.len(), 7);
        let at = |x, y| g.cell_at(x, y).and_then(|k| g.cells.get(k).copied());
        assert_eq!(
            at(120.0, 5.0),
            Some(Cell {
                row0: 0,
                row1: 0,
                col0: 1,
                col1: 2
            })
        );
        assert_eq!(
            at(10.0, 25.0),
            Some(Cell {
                row0: 1,
                row1: 2,
                col0: 0,
                col1: 0
            })
        );
        assert!(g.contains(10.0, 25.0) && !g.contains(10.0, 35.0));
    }

    #[test]
    fn a_table_clipped_at_the_page_edge_keeps_its_outer_columns() {
        // Chromium clips a table wider than the page: the rows' borders reach past the
        // first and last vertical lines drawn, and where they end bounds a column.
        let rulings = vec![
            h(0.0, 5.0, 300.0),
            h(20.0, 5.0, 300.0),
            h(40.0, 5.0, 300.0),
            v(60.0, 0.0, 40.0),
            v(150.0, 0.0, 40.0),
            v(240.0, 0.0, 40.0),
        ];
        let grids = find(&rulings);
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].xs, vec![5.0, 60.0, 150.0, 240.0, 300.0]);
        // One line reaching further (a rule under the table's caption) is no column.
        let mut more = rulings.clone();
        more.push(h(30.0, 0.0, 100.0));
        assert_eq!(find(&more)[0].xs.first(), Some(&5.0));
    }

    #[test]
    fn a_box_is_not_a_table() {
        let rulings = vec![
            h(0.0, 0.0, 100.0),
            h(50.0, 0.0, 100.0),
            v(0.0, 0.0, 50.0),
            v(100.0, 0.0, 50.0),
        ];
        assert!(find(&rulings).is_empty());
    }

    #[test]
    fn a_big_grid_drawn_cell_by_cell_is_one_table() {
        // 100 × 100 cells, each drawing its own four borders (as Chromium does): 40 000
        // rulings, joined into 202 lines before any crossing is looked for.
        let mut rulings = Vec::new();
        for r in 0..100 {
            for c in 0..100 {
                let (x, y) = (f64::from(c) * 10.0, f64::from(r) * 10.0);
                rulings.push(h(y, x, x + 10.0));
                rulings.push(h(y + 10.0, x, x + 10.0));
                rulings.push(v(x, y, y + 10.0));
                rulings.push(v(x + 10.0, y, y + 10.0));
            }
        }
        let grids = find(&rulings);
        assert_eq!(grids.len(), 1);
        assert_eq!((grids[0].xs.len(), grids[0].ys.len()), (101, 101));
        assert_eq!(grids[0].cells.len(), 10_000);
    }
}
