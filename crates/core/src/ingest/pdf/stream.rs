//! Tables drawn without borders → rows, the way a "stream" table finder reads a page: on a
//! run of pages without ruled grids, the value columns are where numbers stand line after
//! line (x-centres that recur), the lines whose words are all numbers in those columns are a
//! table's value lines, and the text left of the columns is its labels. Labels are read by
//! cell: the label columns' boundaries are where many lines start (not counting a first
//! line's indent), a column's lines a line's pitch apart are one cell, and a cell goes to the
//! row whose values stand beside it (a cell beside several rows is a group label, given with
//! its first row). Each row comes out as the ruled-grid reader gives one (`layout`): one
//! line of TAB-separated cells.
//!
//! It engages only when it is sure: enough value lines, every word in the columns a value
//! of its own column, every row given a label, a value set apart from its row's other values
//! (Writer centres a cell's text on its own) given to a row lacking that column. Otherwise
//! the pages are laid out as lines, as before.
//!
//! Work is linear in the glyphs (after sorting): lines, words and segments are built once,
//! and the rows near a value or a cell are found by binary search.

use super::content::Glyph;
use super::layout::{self, PageLine};

/// Value lines a column's x-centre must recur on to be a value column.
const MIN_ROWS: usize = 6;
/// Value columns a table has at least.
const MIN_COLUMNS: usize = 3;
/// Numbers of one column stand this many font sizes apart at most (centred digits of
/// different widths stand exactly; a little slack for rounding).
const COLUMN_TOLERANCE: f64 = 0.3;
/// A label column's edge: glyphs starting within this many points of it.
const EDGE_TOLERANCE: f64 = 1.0;
/// Lines whose text starts at one x to make a label column's edge.
const MIN_EDGE_LINES: usize = 3;
/// A cell's lines are at most this many line pitches apart; rows are set further apart by
/// the cells' padding.
const CELL_GAP: f64 = 1.25;
/// A value set apart from its row's others stands at most this many line pitches away.
const STRAY_REACH: f64 = 2.5;
/// A label cell beside no row's values is given to the nearest row within this many line
/// pitches.
const LABEL_REACH: f64 = 1.5;

/// A line of a page: glyph indices (into its page's glyphs) sorted left to right.
struct Line {
    page: usize,
    y: f64,
    size: f64,
    glyphs: Vec<usize>,
}

/// A gap-separated run of a line's glyphs.
struct Word {
    /// Range in the line's `glyphs`.
    from: usize,
    to: usize,
    x0: f64,
    x1: f64,
    text: String,
}

impl Word {
    fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// How a line stands to the value columns.
enum Kind {
    /// Text in the columns that is not one value a column: the line is no table row.
    Breaking,
    /// Values by column (possibly none: a line of labels only).
    Values { values: Vec<(usize, String)> },
}

/// A table row being read: its value lines' extent and the values by column.
struct Row {
    page: usize,
    top: f64,
    bottom: f64,
    size: f64,
    values: Vec<Option<String>>,
    cells: Vec<(usize, String)>,
}

/// A piece of a label column on one line.
struct Segment {
    line: usize,
    col: usize,
    glyphs: Vec<usize>,
}

/// A label cell: a column's segments a line's pitch apart.
struct Block {
    page: usize,
    col: usize,
    top: f64,
    bottom: f64,
    segments: Vec<usize>,
}

/// A run of pages without ruled grids as lines, their borderless tables read by row.
pub fn read_pages(pages: Vec<Vec<Glyph>>, unmapped: &mut usize) -> Vec<Vec<PageLine>> {
    let mut pages: Vec<Vec<Glyph>> = pages
        .into_iter()
        .map(|mut glyphs| {
            layout::keep_upright(&mut glyphs);
            glyphs.retain(|g| {
                g.y.is_finite() && g.x0.is_finite() && g.x1.is_finite() && g.size.is_finite()
            });
            glyphs
        })
        .collect();
    let lines = page_lines(&pages);
    let mut rows: Vec<Row> = Vec::new();
    let mut used: Vec<Vec<bool>> = pages.iter().map(|p| vec![false; p.len()]).collect();
    if let Some(columns) = value_columns(&pages, &lines) {
        for region in regions(&pages, &lines, &columns) {
            if let Some(found) = read_region(&pages, &lines, &region, columns.len(), unmapped) {
                for &l in &region.lines {
                    for &g in &lines[l].glyphs {
                        used[lines[l].page][g] = true;
                    }
                }
                rows.extend(found.rows);
                // Label text given to no row is laid out as lines.
                for (page, g) in found.unused {
                    used[page][g] = false;
                }
            }
        }
    }
    let mut out: Vec<Vec<PageLine>> = Vec::with_capacity(pages.len());
    for (p, glyphs) in pages.iter_mut().enumerate() {
        let mut keep = used[p].iter();
        let rest: Vec<Glyph> = std::mem::take(glyphs)
            .into_iter()
            .filter(|_| !keep.next().copied().unwrap_or(false))
            .collect();
        out.push(layout::lines(rest, unmapped));
    }
    for row in rows {
        let mut cells: Vec<String> = row.cells.into_iter().map(|c| c.1).collect();
        cells.extend(row.values.into_iter().map(Option::unwrap_or_default));
        if let Some(page) = out.get_mut(row.page) {
            page.push(PageLine {
                text: cells.join("\t"),
                y: row.top,
                size: row.size,
                row: None,
            });
        }
    }
    for page in &mut out {
        page.sort_by(|a, b| a.y.total_cmp(&b.y));
    }
    out
}

/// Every page's glyphs as lines (as `layout::lines` groups them), pages in order.
fn page_lines(pages: &[Vec<Glyph>]) -> Vec<Line> {
    let mut out = Vec::new();
    for (p, glyphs) in pages.iter().enumerate() {
        let mut order: Vec<usize> = (0..glyphs.len())
            .filter(|&i| {
                glyphs[i]
                    .text
                    .as_deref()
                    .is_none_or(|t| !t.chars().all(char::is_whitespace))
            })
            .collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&glyphs[a], &glyphs[b]);
            a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0))
        });
        let mut start = 0;
        while start < order.len() {
            let anchor = &glyphs[order[start]];
            let tol = layout::BASELINE_TOLERANCE * anchor.size.max(1.0);
            let mut end = start + 1;
            while end < order.len() && glyphs[order[end]].y - anchor.y <= tol {
                end += 1;
            }
            let mut line: Vec<usize> = order[start..end].to_vec();
            line.sort_by(|&a, &b| glyphs[a].x0.total_cmp(&glyphs[b].x0));
            out.push(Line {
                page: p,
                y: anchor.y,
                size: anchor.size.max(1.0),
                glyphs: line,
            });
            start = end;
        }
    }
    out
}

/// A line's words: runs of glyphs split where a gap is a space.
fn words(glyphs: &[Glyph], line: &Line) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for (k, &i) in line.glyphs.iter().enumerate() {
        let g = &glyphs[i];
        let t = g.text.as_deref().unwrap_or("\u{FFFD}");
        match out.last_mut() {
            Some(w) if g.x0 - w.x1 <= layout::SPACE_GAP * line.size => {
                w.to = k + 1;
                w.x1 = w.x1.max(g.x1);
                // A "fake bold" copy a hair to the right is one glyph.
                if !(w.text.ends_with(t) && g.x0 - glyphs[line.glyphs[k - 1]].x0 < 0.3 * g.size) {
                    w.text.push_str(t);
                }
            }
            _ => out.push(Word {
                from: k,
                to: k + 1,
                x0: g.x0,
                x1: g.x1,
                text: t.to_string(),
            }),
        }
    }
    out
}

/// A value as tables write one: a number, or a dash or slash for none.
fn is_value(t: &str) -> bool {
    let t = t.trim();
    let number = t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'));
    number || matches!(t, "-" | "—" | "–" | "－" | "/" | "／")
}

/// The value columns' x-centres, left to right: where numbers stand on at least
/// [`MIN_ROWS`] lines that hold several of them.
fn value_columns(pages: &[Vec<Glyph>], lines: &[Line]) -> Option<Vec<f64>> {
    let mut centres: Vec<(f64, usize, f64)> = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        let ws = words(&pages[line.page], line);
        let numbers: Vec<&Word> = ws.iter().filter(|w| is_value(&w.text)).collect();
        if numbers.len() >= MIN_COLUMNS {
            centres.extend(numbers.iter().map(|w| (w.centre(), l, line.size)));
        }
    }
    centres.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut columns = Vec::new();
    let mut i = 0;
    while i < centres.len() {
        let first = centres[i];
        let mut j = i;
        while j < centres.len() && centres[j].0 - first.0 <= COLUMN_TOLERANCE * first.2 {
            j += 1;
        }
        let mut on: Vec<usize> = centres[i..j].iter().map(|c| c.1).collect();
        on.sort_unstable();
        on.dedup();
        if on.len() >= MIN_ROWS {
            columns.push(centres[i..j].iter().map(|c| c.0).sum::<f64>() / (j - i) as f64);
        }
        i = j;
    }
    (columns.len() >= MIN_COLUMNS).then_some(columns)
}

/// A run of lines that may be one table: no breaking line among them, and value lines.
struct Region {
    lines: Vec<usize>,
    kinds: Vec<Kind>,
    /// Where the label area ends: text left of it is labels.
    label_limit: f64,
}

/// The value column a word stands in, if any.
fn column_of(columns: &[f64], w: &Word, size: f64) -> Option<usize> {
    let c = w.centre();
    let k = columns.partition_point(|&x| x < c);
    [k.checked_sub(1), Some(k)]
        .into_iter()
        .flatten()
        .filter(|&k| k < columns.len())
        .find(|&k| (columns[k] - c).abs() <= COLUMN_TOLERANCE * size)
}

/// The runs of lines between breaking lines that hold a full line of values.
fn regions(pages: &[Vec<Glyph>], lines: &[Line], columns: &[f64]) -> Vec<Region> {
    let (Some(&first), Some(&second)) = (columns.first(), columns.get(1)) else {
        return Vec::new();
    };
    let label_limit = first - (second - first) / 2.0;
    let full = MIN_COLUMNS.max(columns.len().div_ceil(2));
    let mut out = Vec::new();
    let mut cur = Region {
        lines: Vec::new(),
        kinds: Vec::new(),
        label_limit,
    };
    let mut has_full = false;
    for (l, line) in lines.iter().enumerate() {
        let kind = kind(&pages[line.page], line, columns, label_limit);
        if let Kind::Values { values } = &kind {
            has_full |= values.len() >= full;
            cur.lines.push(l);
            cur.kinds.push(kind);
            continue;
        }
        if has_full {
            out.push(cur);
        }
        cur = Region {
            lines: Vec::new(),
            kinds: Vec::new(),
            label_limit,
        };
        has_full = false;
    }
    if has_full {
        out.push(cur);
    }
    out
}

/// Whether a line's words right of the label area are each one value of its own column.
fn kind(glyphs: &[Glyph], line: &Line, columns: &[f64], label_limit: f64) -> Kind {
    let mut values: Vec<(usize, String)> = Vec::new();
    for w in words(glyphs, line) {
        if w.centre() < label_limit && w.x1 < label_limit + COLUMN_TOLERANCE * line.size {
            continue;
        }
        match column_of(columns, &w, line.size) {
            Some(c) if is_value(&w.text) && values.iter().all(|v| v.0 != c) => {
                values.push((c, w.text.trim().to_string()));
            }
            _ => return Kind::Breaking,
        }
    }
    Kind::Values { values }
}

/// What a region gave: its rows, and label glyphs given to none (page, glyph).
struct Found {
    rows: Vec<Row>,
    unused: Vec<(usize, usize)>,
}

/// The rows of one region, if it reads surely.
fn read_region(
    pages: &[Vec<Glyph>],
    lines: &[Line],
    region: &Region,
    ncols: usize,
    unmapped: &mut usize,
) -> Option<Found> {
    let full = MIN_COLUMNS.max(ncols.div_ceil(2));
    // Rows: the full value lines; a line of a few values joins the nearest row on its page
    // that lacks those columns.
    let mut rows: Vec<Row> = Vec::new();
    let mut strays: Vec<(usize, &Vec<(usize, String)>)> = Vec::new();
    for (&l, kind) in region.lines.iter().zip(&region.kinds) {
        let Kind::Values { values } = kind else {
            continue;
        };
        let line = &lines[l];
        if values.len() >= full {
            let mut row = Row {
                page: line.page,
                top: line.y,
                bottom: line.y,
                size: line.size,
                values: vec![None; ncols],
                cells: Vec::new(),
            };
            for (c, v) in values {
                row.values[*c] = Some(v.clone());
            }
            rows.push(row);
        } else if !values.is_empty() {
            strays.push((l, values));
        }
    }
    if rows.len() < MIN_ROWS {
        return None;
    }
    let pitch = pitch(pages, lines, region);
    let reach = STRAY_REACH * pitch;
    for (l, values) in strays {
        let line = &lines[l];
        let lacks = |r: &Row| values.iter().all(|(c, _)| r.values[*c].is_none());
        let distance = |r: &Row| (line.y - r.top).abs().min((line.y - r.bottom).abs());
        let near = window(&rows, line.page, line.y - 2.0 * reach, line.y + reach);
        let row = rows
            .get_mut(near)?
            .iter_mut()
            .filter(|r| lacks(r) && distance(r) <= reach)
            .min_by(|a, b| distance(a).total_cmp(&distance(b)))?;
        row.top = row.top.min(line.y);
        row.bottom = row.bottom.max(line.y);
        for (c, v) in values {
            row.values[*c] = Some(v.clone());
        }
    }
    rows.sort_by(|a, b| a.page.cmp(&b.page).then(a.top.total_cmp(&b.top)));
    // Label cells.
    let segments = segments(pages, lines, region, pitch);
    let blocks = blocks(lines, &segments, pitch, &rows);
    let mut given: Vec<Option<usize>> = Vec::with_capacity(blocks.len());
    for b in &blocks {
        let beside = |r: &Row| {
            r.page == b.page && r.top <= b.bottom + 0.25 * pitch && r.bottom >= b.top - 0.25 * pitch
        };
        let distance = |r: &Row| (r.top - b.bottom).max(b.top - r.bottom).max(0.0);
        // A row's values span at most twice the reach of a stray value.
        let from = b.top - (2.0 * STRAY_REACH + LABEL_REACH + 1.0) * pitch;
        let near = window(&rows, b.page, from, b.bottom + (LABEL_REACH + 1.0) * pitch);
        let start = near.start;
        let near = rows.get(near).unwrap_or(&[]);
        let row = near.iter().position(beside).or_else(|| {
            near.iter()
                .enumerate()
                .filter(|(_, r)| distance(r) <= LABEL_REACH * pitch)
                .min_by(|p, q| distance(p.1).total_cmp(&distance(q.1)))
                .map(|(i, _)| i)
        });
        given.push(row.map(|i| start + i));
    }
    let mut labelled = vec![false; rows.len()];
    for &r in given.iter().flatten() {
        if let Some(l) = labelled.get_mut(r) {
            *l = true;
        }
    }
    if labelled.contains(&false) {
        return None;
    }
    let mut unused = Vec::new();
    for (b, row) in blocks.iter().zip(given) {
        match row.and_then(|r| rows.get_mut(r)) {
            Some(row) => {
                let text = block_text(pages, lines, &segments, b, unmapped);
                row.cells.push((b.col, text));
            }
            None => {
                for &s in &b.segments {
                    let seg = &segments[s];
                    unused.extend(seg.glyphs.iter().map(|&g| (lines[seg.line].page, g)));
                }
            }
        }
    }
    for r in &mut rows {
        r.cells.sort_by_key(|c| c.0);
    }
    Some(Found { rows, unused })
}

/// The rows (sorted by page and top) of a page whose tops lie from `from` to `to`.
fn window(rows: &[Row], page: usize, from: f64, to: f64) -> std::ops::Range<usize> {
    let before = |r: &Row, y: f64| r.page < page || (r.page == page && r.top < y);
    let start = rows.partition_point(|r| before(r, from));
    let end = rows.partition_point(|r| before(r, to) || (r.page == page && r.top == to));
    start..end.max(start)
}

/// The distance between the baselines of a label cell's lines: from each line of labels to
/// the next one on its page that starts at the same x (a wrapped cell's next line, or the
/// next row's label), the lower quartile of those gaps that are less than two line heights
/// (rows are set further apart than a cell's lines by the cells' padding).
fn pitch(pages: &[Vec<Glyph>], lines: &[Line], region: &Region) -> f64 {
    // (page, y, x of the first label glyph) of each line with labels.
    let starts: Vec<(usize, f64, f64, f64)> = region
        .lines
        .iter()
        .filter_map(|&l| {
            let line = &lines[l];
            let x = line
                .glyphs
                .iter()
                .map(|&g| &pages[line.page][g])
                .find(|g| g.x1 <= region.label_limit)?
                .x0;
            Some((line.page, line.y, x, line.size))
        })
        .collect();
    let mut gaps = Vec::new();
    for (i, &(page, y, x, size)) in starts.iter().enumerate() {
        let next = starts[i + 1..]
            .iter()
            .take_while(|s| s.0 == page && s.1 - y < 2.2 * size)
            .find(|s| (s.2 - x).abs() <= EDGE_TOLERANCE);
        if let Some(&(_, y1, _, _)) = next {
            if y1 - y > 0.8 * size {
                gaps.push(y1 - y);
            }
        }
    }
    gaps.sort_by(f64::total_cmp);
    let size = starts.iter().map(|s| s.3).fold(1.0f64, f64::max);
    gaps.get(gaps.len() / 4).copied().unwrap_or(1.5 * size)
}

/// Each region line's label glyphs, split into the label columns.
fn segments(pages: &[Vec<Glyph>], lines: &[Line], region: &Region, pitch: f64) -> Vec<Segment> {
    let labels: Vec<(usize, Vec<usize>)> = region
        .lines
        .iter()
        .map(|&l| {
            let line = &lines[l];
            let glyphs = &pages[line.page];
            let ws = words(glyphs, line);
            let kept: Vec<usize> = ws
                .iter()
                .filter(|w| w.centre() < region.label_limit)
                .flat_map(|w| line.glyphs[w.from..w.to].iter().copied())
                .collect();
            (l, kept)
        })
        .filter(|(_, g)| !g.is_empty())
        .collect();
    let edges = edges(pages, lines, &labels, pitch);
    // A segment starts at a glyph that starts on an edge, or after a gap in another column;
    // its column is the edges left of its start.
    let column = |x: f64| edges.partition_point(|&e| e <= x + EDGE_TOLERANCE);
    let on_edge = |x: f64| {
        let k = edges.partition_point(|&e| e < x - EDGE_TOLERANCE);
        edges.get(k).is_some_and(|&e| e <= x + EDGE_TOLERANCE)
    };
    let mut out: Vec<Segment> = Vec::new();
    for (l, glyphs) in labels {
        let size = lines[l].size;
        let page = &pages[lines[l].page];
        let mut cur: Vec<usize> = Vec::new();
        let mut end = f64::NEG_INFINITY;
        for g in glyphs {
            let x = page[g].x0;
            let col = cur.first().map_or(0, |&f| column(page[f].x0));
            let gap = x - end > layout::SPACE_GAP * size;
            end = end.max(page[g].x1);
            if !cur.is_empty() && (on_edge(x) || (gap && column(x) != col)) {
                out.push(Segment {
                    line: l,
                    col,
                    glyphs: std::mem::take(&mut cur),
                });
            }
            cur.push(g);
        }
        if let Some(&f) = cur.first() {
            out.push(Segment {
                line: l,
                col: column(page[f].x0),
                glyphs: cur,
            });
        }
    }
    out
}

/// The label columns' left edges: x where the text of at least [`MIN_EDGE_LINES`] lines
/// starts after a gap, unless the line below such a line mostly starts further left within
/// a few characters (a first line's indent, or text centred in its cell).
fn edges(
    pages: &[Vec<Glyph>],
    lines: &[Line],
    labels: &[(usize, Vec<usize>)],
    pitch: f64,
) -> Vec<f64> {
    // (x, index in `labels`) of every run start.
    let mut starts: Vec<(f64, usize)> = Vec::new();
    for (k, (l, glyphs)) in labels.iter().enumerate() {
        let line = &lines[*l];
        let page = &pages[line.page];
        let mut end = f64::NEG_INFINITY;
        for &g in glyphs {
            if page[g].x0 - end > layout::SPACE_GAP * line.size {
                starts.push((page[g].x0, k));
            }
            end = end.max(page[g].x1);
        }
    }
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let below = |k: usize| {
        let (l, _) = &labels[k];
        let line = &lines[*l];
        labels[k + 1..]
            .iter()
            .take_while(|(m, _)| {
                lines[*m].page == line.page && lines[*m].y <= line.y + 1.25 * pitch
            })
            .find(|(m, _)| lines[*m].y >= line.y + 0.75 * pitch)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        let first = starts[i].0;
        let mut j = i;
        while j < starts.len() && starts[j].0 - first <= EDGE_TOLERANCE {
            j += 1;
        }
        let mut on: Vec<usize> = starts[i..j].iter().map(|s| s.1).collect();
        on.sort_unstable();
        on.dedup();
        let x = starts[i..j].iter().map(|s| s.0).sum::<f64>() / (j - i) as f64;
        if on.len() >= MIN_EDGE_LINES {
            let (mut indented, mut not) = (0, 0);
            for &k in &on {
                let Some((m, glyphs)) = below(k) else {
                    continue;
                };
                let page = &pages[lines[*m].page];
                let size = lines[*m].size;
                let further_left = glyphs.iter().any(|&g| {
                    let x0 = page[g].x0;
                    x0 < x - EDGE_TOLERANCE && x0 >= x - 3.0 * size
                });
                if further_left {
                    indented += 1;
                } else {
                    not += 1;
                }
            }
            if not >= indented {
                out.push(x);
            }
        }
        i = j;
    }
    out
}

/// Each label column's segments a line's pitch apart as one cell; a cell going on past a
/// page break (before the next page's first row) is joined to the column's last cell.
fn blocks(lines: &[Line], segments: &[Segment], pitch: f64, rows: &[Row]) -> Vec<Block> {
    let mut order: Vec<usize> = (0..segments.len()).collect();
    order.sort_by(|&a, &b| {
        let (la, lb) = (&lines[segments[a].line], &lines[segments[b].line]);
        segments[a]
            .col
            .cmp(&segments[b].col)
            .then(la.page.cmp(&lb.page))
            .then(la.y.total_cmp(&lb.y))
    });
    let first_row = |page: usize| {
        rows.get(rows.partition_point(|r| r.page < page))
            .filter(|r| r.page == page)
            .map_or(f64::INFINITY, |r| r.top)
    };
    let mut out: Vec<Block> = Vec::new();
    for s in order {
        let seg = &segments[s];
        let line = &lines[seg.line];
        match out.last_mut() {
            Some(b)
                if b.col == seg.col
                    && b.page == line.page
                    && line.y - b.bottom <= CELL_GAP * pitch =>
            {
                b.bottom = line.y;
                b.segments.push(s);
            }
            Some(b)
                if b.col == seg.col
                    && b.page + 1 == line.page
                    && line.y + 0.5 * pitch < first_row(line.page) =>
            {
                b.segments.push(s);
            }
            _ => out.push(Block {
                page: line.page,
                col: seg.col,
                top: line.y,
                bottom: line.y,
                segments: vec![s],
            }),
        }
    }
    out
}

/// A cell's text: its segments' lines joined as a wrapped cell's (`layout::join_wrapped`).
fn block_text(
    pages: &[Vec<Glyph>],
    lines: &[Line],
    segments: &[Segment],
    b: &Block,
    unmapped: &mut usize,
) -> String {
    let mut text = String::new();
    for &s in &b.segments {
        let seg = &segments[s];
        let page = &pages[lines[seg.line].page];
        let glyphs: Vec<Glyph> = seg.glyphs.iter().map(|&g| page[g].clone()).collect();
        let t = layout::line_text(&glyphs, unmapped);
        layout::join_wrapped(&mut text, &t);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word set one 10-point glyph a character from `x0`.
    fn word(text: &str, x0: f64, y: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: Some(c.to_string()),
                x0: x0 + 10.0 * i as f64,
                x1: x0 + 10.0 * (i + 1) as f64,
                y,
                size: 10.0,
                upright: true,
            })
            .collect()
    }

    /// Values centred on the columns at 200, 240, 280, 320 (a digit is 10 wide).
    fn values(vs: &[(usize, &str)], y: f64) -> Vec<Glyph> {
        vs.iter()
            .flat_map(|&(c, v)| {
                let width = 10.0 * v.chars().count() as f64;
                word(v, 200.0 + 40.0 * c as f64 - width / 2.0, y)
            })
            .collect()
    }

    fn read(pages: Vec<Vec<Glyph>>) -> Vec<Vec<String>> {
        let mut n = 0;
        read_pages(pages, &mut n)
            .into_iter()
            .map(|p| p.into_iter().map(|l| l.text).collect())
            .collect()
    }

    fn all(cols: [&str; 4]) -> Vec<(usize, &str)> {
        cols.into_iter().enumerate().collect()
    }

    /// Two pages of a table drawn without borders, label cells 14 points a line, rows 20
    /// apart: a label wrapped around its values, a group label beside three rows (sharing
    /// their baselines, its lines interleaved with theirs), a sub-label with its first line
    /// indented, a value set apart from its row's others, and a label cut by the page break.
    fn table() -> Vec<Vec<Glyph>> {
        let one = [
            word(
                "表一：情况说明文字一直写到右边的页边为止而不停下来",
                10.0,
                60.0,
            ),
            word("一、甲", 10.0, 100.0),
            values(&all(["1", "2", "3", "4"]), 100.0),
            word("二、乙乙", 10.0, 120.0),
            values(&all(["5", "6", "7", "8"]), 127.0),
            word("乙乙", 10.0, 134.0),
            word("（三）", 10.0, 154.0),
            word("1.子子", 80.0, 154.0),
            values(&all(["0", "0", "0", "0"]), 154.0),
            word("丙", 10.0, 168.0),
            word("子子", 60.0, 168.0),
            word("2.子子", 80.0, 188.0),
            values(&all(["0", "0", "0", "0"]), 188.0),
            word("子子", 60.0, 202.0),
            word("3.丁", 80.0, 222.0),
            values(&[(0, "9"), (1, "9"), (2, "9")], 222.0),
            values(&[(3, "27")], 236.0),
            word("4.保护", 80.0, 790.0),
            values(&all(["0", "0", "0", "0"]), 790.0),
        ];
        let two = [
            word("第三方", 60.0, 40.0),
            word("四、戊", 10.0, 80.0),
            values(&all(["1", "1", "1", "1"]), 80.0),
            word("五、已", 10.0, 100.0),
            values(&all(["2", "2", "2", "2"]), 100.0),
            word(
                "六、正文的下一节说明文字写到右边的页边为止而不停",
                10.0,
                140.0,
            ),
        ];
        vec![one.concat(), two.concat()]
    }

    #[test]
    fn a_borderless_table_reads_by_row() {
        assert_eq!(
            read(table()),
            vec![
                vec![
                    "表一：情况说明文字一直写到右边的页边为止而不停下来",
                    "一、甲\t1\t2\t3\t4",
                    "二、乙乙乙乙\t5\t6\t7\t8",
                    "（三）丙\t1.子子子子\t0\t0\t0\t0",
                    "2.子子子子\t0\t0\t0\t0",
                    "3.丁\t9\t9\t9\t27",
                    "4.保护第三方\t0\t0\t0\t0",
                ],
                vec![
                    "四、戊\t1\t1\t1\t1",
                    "五、已\t2\t2\t2\t2",
                    "六、正文的下一节说明文字写到右边的页边为止而不停",
                ],
            ]
        );
    }

    #[test]
    fn an_unsure_table_is_laid_out_as_lines() {
        let as_lines = |pages: Vec<Vec<Glyph>>| -> Vec<Vec<String>> {
            pages
                .into_iter()
                .map(|p| {
                    let mut n = 0;
                    layout::lines(p, &mut n)
                        .into_iter()
                        .map(|l| l.text)
                        .collect()
                })
                .collect()
        };
        // Too few rows: the second page alone.
        let short = vec![table().swap_remove(1)];
        assert_eq!(read(short.clone()), as_lines(short));
        // A value in no column.
        let mut off = table();
        off[0].extend(values(&[(0, "5")], 300.0).into_iter().map(|mut g| {
            g.x0 += 17.0;
            g.x1 += 17.0;
            g
        }));
        off[0].extend(word("某", 10.0, 300.0));
        assert_eq!(read(off.clone()), as_lines(off));
        // A row without a label.
        let mut bare = table();
        bare[1].extend(values(&all(["3", "3", "3", "3"]), 90.0));
        assert_eq!(read(bare.clone()), as_lines(bare));
    }
}
