//! Positioned glyphs → text lines. A table drawn with borders (`grid`) is read by its cells:
//! a cell's text is every glyph inside it, however many lines it wraps over, and each grid
//! row is one line of TAB-separated cells with a merged cell once, as the HTML and .docx
//! readers give a table; a page without a grid is handed to `stream`, which reads a table
//! drawn without borders by the columns its values stand in. Everything else is laid out the way a PDF text extractor does: glyphs on one
//! baseline (within a tolerance) form a line, read left to right, with a space wherever a gap
//! is wider than a fraction of the font size (between table cells, around digits set apart).
//! Running heads, running feet and page numbers are left out; tables that continue on the
//! next page simply continue.
//!
//! The text reader (`ingest::text`) then reads this as it reads text pasted from a PDF viewer:
//! space-separated rows, values of a wrapped label on a line between the label's lines, a
//! vertical group label one character per line.

use super::content::{Glyph, PageContent, Ruling};
use super::grid;

/// Glyphs whose baselines differ by at most this many font sizes share a line. Cells of one
/// row set in different fonts differ by up to ≈0.3 (a Chinese label, Times digits); a wrapped
/// label's values sit about half a line (≥0.5 font size) from either of its lines.
pub(super) const BASELINE_TOLERANCE: f64 = 0.4;
/// A gap wider than this many font sizes is a space.
pub(super) const SPACE_GAP: f64 = 0.2;
/// Lines within this share of the page height from the top or bottom may be running heads,
/// running feet or page numbers.
const MARGIN_ZONE: f64 = 0.1;

/// One laid-out line of a page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageLine {
    pub text: String,
    /// Baseline, from the top of the page.
    pub y: f64,
    /// Font size of the line's first glyph.
    pub size: f64,
    /// The cells of a table's row, when the line is one.
    pub row: Option<Box<TableRow>>,
}

/// A table row's cells, kept to join a row cut by a page break.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// Left and right edge of each cell given on the line, and its text.
    pub cells: Vec<(f64, f64, String)>,
    /// The first row of a table with no top border (going on from the page before).
    pub open_top: bool,
    /// The last row of a table with no bottom border (going on on the next page).
    pub open_bottom: bool,
}

/// A page read: by its ruled tables' cells, or not yet (it draws no table grid).
pub enum Page {
    Read(Vec<PageLine>),
    Unruled(Vec<Glyph>),
}

/// A page's text as lines, top to bottom: its tables by their cells, the rest as lines; a
/// page without table grids is given back as its glyphs (`stream` reads runs of them).
/// `unmapped` counts glyphs without text (written as U+FFFD).
pub fn page_lines(content: PageContent, unmapped: &mut usize) -> Page {
    let PageContent {
        mut glyphs,
        mut rulings,
    } = content;
    drop_underlines(&mut rulings, &glyphs);
    let grids = grid::find(&rulings);
    if grids.is_empty() {
        return Page::Unruled(glyphs);
    }
    keep_upright(&mut glyphs);
    let mut in_cells: Vec<Vec<Vec<Glyph>>> = grids
        .iter()
        .map(|g| vec![Vec::new(); g.cells.len()])
        .collect();
    let mut rest = Vec::new();
    let places = overflow_kept(
        &glyphs,
        |g| {
            // The glyph's middle: halfway along, a third of its size above the baseline.
            let (x, y) = ((g.x0 + g.x1) / 2.0, g.y - 0.3 * g.size);
            grids
                .iter()
                .position(|t| t.contains(x, y))
                .and_then(|t| Some((t, grids[t].cell_at(x, y)?)))
        },
        |(t, c)| {
            let grid = &grids[t];
            grid.cells
                .get(c)
                .and_then(|cell| grid.xs.get(cell.col1 + 1))
                .copied()
                .unwrap_or(f64::INFINITY)
        },
    );
    for (g, place) in glyphs.into_iter().zip(places) {
        match place.and_then(|(t, c)| in_cells.get_mut(t)?.get_mut(c)) {
            Some(cell) => cell.push(g),
            None => rest.push(g),
        }
    }
    for (grid, cells) in grids.iter().zip(in_cells.iter_mut()) {
        lift_overflow(grid, cells, &mut rest);
    }
    let mut out = lines(rest, unmapped);
    for (t, cells) in grids.iter().zip(in_cells) {
        let sizes: Vec<f64> = cells
            .iter()
            .map(|c| c.first().map_or(0.0, |g| g.size))
            .collect();
        let texts: Vec<String> = cells.into_iter().map(|c| cell_text(c, unmapped)).collect();
        let cols = t.xs.len().saturating_sub(1);
        let nrows = t.ys.len().saturating_sub(1);
        for r in 0..nrows {
            let mut row: Vec<&str> = Vec::new();
            let mut boxes: Vec<(f64, f64, String)> = Vec::new();
            let mut size = 0.0f64;
            // Whether a cell of the row reaches the table's last grid row: a row whose cells
            // span rows goes on to the bottom of the table with them.
            let mut reaches_bottom = false;
            for c in 0..cols {
                let Some(&k) = t.cell_of.get(r * cols + c) else {
                    continue;
                };
                let Some(cell) = t.cells.get(k) else {
                    continue;
                };
                // A table going on from the page before: a merged cell of its first row that
                // spans rows (a group label cut by the page break) was given on that page.
                let continued = t.open_top
                    && r == 0
                    && cell.row1 > 0
                    && texts.get(k).is_none_or(|s| s.is_empty());
                if cell.row0 == r && cell.col0 == c && !continued {
                    let text = texts.get(k).map_or("", String::as_str);
                    row.push(text);
                    let x0 = t.xs.get(cell.col0).copied().unwrap_or(0.0);
                    let x1 = t.xs.get(cell.col1 + 1).copied().unwrap_or(x0);
                    boxes.push((x0, x1, text.to_string()));
                    reaches_bottom |= cell.row1 + 1 == nrows;
                    size = size.max(sizes.get(k).copied().unwrap_or(0.0));
                }
            }
            if row.iter().all(|s| s.is_empty()) {
                continue;
            }
            out.push(PageLine {
                text: row.join("\t"),
                y: t.ys[r],
                size: size.max(1.0),
                row: Some(Box::new(TableRow {
                    cells: boxes,
                    open_top: t.open_top && r == 0,
                    open_bottom: t.open_bottom && reaches_bottom,
                })),
            });
        }
    }
    out.sort_by(|a, b| a.y.total_cmp(&b.y));
    Page::Read(out)
}

/// Cells of a row whose values are numbers this many at least (besides the one looked at)
/// make a row of values.
const VALUE_ROW: usize = 3;

/// Text that overflowed into a row of values from the cell above: in a row whose cells are
/// numbers on one baseline, the glyphs of a cell that stand above that baseline when the
/// cell's glyphs on it are a number (Writer lets a header cell of fixed height, set one
/// character a line, spill its last character past a page break into the first value
/// cell). They are no part of the value and are laid out as a line of their own.
fn lift_overflow(grid: &grid::Grid, cells: &mut [Vec<Glyph>], rest: &mut Vec<Glyph>) {
    let number = |gs: &[&Glyph]| {
        !gs.is_empty()
            && gs.iter().all(|g| {
                g.text
                    .as_deref()
                    .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit() || c == '.'))
            })
    };
    // Each row's single-row cells.
    let mut by_row: Vec<Vec<usize>> = vec![Vec::new(); grid.ys.len().saturating_sub(1)];
    for (k, c) in grid.cells.iter().enumerate() {
        if let (true, Some(row)) = (c.row0 == c.row1, by_row.get_mut(c.row0)) {
            row.push(k);
        }
    }
    for in_row in by_row {
        // The baseline of the cells that are numbers.
        let mut baselines: Vec<f64> = in_row
            .iter()
            .filter_map(|&k| {
                let gs: Vec<&Glyph> = cells.get(k)?.iter().collect();
                let y = gs.first()?.y;
                let one_line = gs
                    .iter()
                    .all(|g| (g.y - y).abs() <= BASELINE_TOLERANCE * g.size);
                (number(&gs) && one_line).then_some(y)
            })
            .collect();
        if baselines.len() < VALUE_ROW + 1 {
            continue;
        }
        baselines.sort_by(f64::total_cmp);
        let y = baselines[baselines.len() / 2];
        for &k in &in_row {
            let Some(cell) = cells.get_mut(k) else {
                continue;
            };
            let near = |g: &Glyph| (g.y - y).abs() <= BASELINE_TOLERANCE * g.size.max(1.0);
            let on: Vec<&Glyph> = cell.iter().filter(|g| near(g)).collect();
            let above = cell.iter().any(|g| !near(g) && g.y < y);
            if !above || !number(&on) || cell.iter().any(|g| !near(g) && g.y > y) {
                continue;
            }
            let (kept, lifted): (Vec<Glyph>, Vec<Glyph>) =
                std::mem::take(cell).into_iter().partition(|g| near(g));
            *cell = kept;
            rest.extend(lifted);
        }
    }
}

/// An underline lies at most this many font sizes below its text's baseline; a cell's
/// border below its last line is further down, past the descenders and the cell's padding.
const UNDERLINE_DROP: f64 = 0.16;
/// Glyphs looked at for one ruling being an underline (past this it is not one).
const UNDERLINE_GLYPHS: usize = 4096;

/// Drop the underlines of underlined text (Writer draws them as rulings, one per run of
/// text, reaching the cell's borders where the text fills the cell): a horizontal ruling
/// just below a baseline whose glyphs cover its whole length is the text's, not a border.
fn drop_underlines(rulings: &mut Vec<Ruling>, glyphs: &[Glyph]) {
    let mut by_y: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.upright && g.y.is_finite() && g.size.is_finite() && g.size > 0.0)
        .filter(|g| g.text.as_deref().is_some_and(|t| !t.trim().is_empty()))
        .collect();
    if by_y.is_empty() {
        return;
    }
    by_y.sort_by(|a, b| a.y.total_cmp(&b.y));
    let max_size = by_y.iter().map(|g| g.size).fold(0.0f64, f64::max);
    let mut spans: Vec<(f64, f64)> = Vec::new();
    rulings.retain(|r| {
        if !r.horizontal || r.to - r.from <= 0.0 {
            return true;
        }
        let lo = by_y.partition_point(|g| g.y < r.at - UNDERLINE_DROP * max_size);
        let hi = by_y.partition_point(|g| g.y <= r.at);
        if hi - lo > UNDERLINE_GLYPHS {
            return true;
        }
        // The stretches of the ruling its text covers, a glyph reaching a little to each
        // side (the underlined gaps between words and cells' digits).
        spans.clear();
        for g in &by_y[lo..hi] {
            let reach = 0.3 * g.size;
            let (x0, x1) = ((g.x0 - reach).max(r.from), (g.x1 + reach).min(r.to));
            if r.at - g.y <= UNDERLINE_DROP * g.size && x1 > x0 {
                spans.push((x0, x1));
            }
        }
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (mut covered, mut end) = (0.0, r.from);
        for &(x0, x1) in spans.iter() {
            let x0 = x0.max(end);
            if x1 > x0 {
                covered += x1 - x0;
                end = x1;
            }
        }
        covered < 0.95 * (r.to - r.from)
    });
}

/// Glyphs set closer than this many font sizes after the one before them on its baseline
/// run on from it: a cell's text never touches the next cell's, its padding sets them apart.
const TOUCHING: f64 = 0.1;

/// The cell (table, merged cell) each glyph is read in: the one `place` puts its middle in,
/// except that text running on past its cell's right border (`right` of a place) with no
/// gap, a glyph straddling the border and those touching it after it (Writer lets a long
/// word overflow a narrow cell), stays in the cell it starts in.
fn overflow_kept(
    glyphs: &[Glyph],
    place: impl Fn(&Glyph) -> Option<(usize, usize)>,
    right: impl Fn((usize, usize)) -> f64,
) -> Vec<Option<(usize, usize)>> {
    let mut places: Vec<Option<(usize, usize)>> = glyphs.iter().map(place).collect();
    let mut moved = vec![false; glyphs.len()];
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&glyphs[a], &glyphs[b]);
        a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0))
    });
    for w in order.windows(2) {
        let (p, g) = (&glyphs[w[0]], &glyphs[w[1]]);
        let size = g.size.max(1.0);
        let same_line = (g.y - p.y).abs() <= TOUCHING * size && (g.size - p.size).abs() < 0.5;
        let touching = same_line && (g.x0 - p.x1).abs() <= TOUCHING * size;
        if let (true, Some(from), Some(to)) = (touching, places[w[0]], places[w[1]]) {
            let straddles = g.x0 < right(from) && right(from) < g.x1;
            if from.0 == to.0 && from.1 != to.1 && (straddles || moved[w[0]]) {
                places[w[1]] = Some(from);
                moved[w[1]] = true;
            }
        }
    }
    places
}

/// A cell's glyphs as one line of text: its lines joined, with a space between them unless
/// both sides are wide (CJK) characters, as a browser wraps a cell's text.
fn cell_text(glyphs: Vec<Glyph>, unmapped: &mut usize) -> String {
    let mut text = String::new();
    for line in lines(glyphs, unmapped) {
        join_wrapped(&mut text, &line.text.replace('\t', " "));
    }
    text
}

/// Append a wrapped cell's next line to its text: with a space between them unless both
/// sides are wide (CJK) characters.
pub(super) fn join_wrapped(text: &mut String, line: &str) {
    if let (Some(a), Some(b)) = (text.chars().last(), line.chars().next()) {
        if !(crate::ingest::norm::is_wide(a) && crate::ingest::norm::is_wide(b)) {
            text.push(' ');
        }
    }
    text.push_str(line);
}

/// Rotated text (a diagonal watermark, a turned stamp) is not part of any row; keep it only
/// when the page has nothing else.
pub(super) fn keep_upright(glyphs: &mut Vec<Glyph>) {
    let upright = glyphs.iter().filter(|g| g.upright).count();
    if upright * 2 >= glyphs.len() {
        glyphs.retain(|g| g.upright);
    }
}

/// A page's glyphs as lines, top to bottom. `unmapped` counts glyphs without text (written
/// as U+FFFD).
pub fn lines(mut glyphs: Vec<Glyph>, unmapped: &mut usize) -> Vec<PageLine> {
    keep_upright(&mut glyphs);
    glyphs
        .retain(|g| g.y.is_finite() && g.x0.is_finite() && g.x1.is_finite() && g.size.is_finite());
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut out = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let anchor = &glyphs[start];
        let tol = BASELINE_TOLERANCE * anchor.size.max(1.0);
        let mut end = start + 1;
        while end < glyphs.len() && glyphs[end].y - anchor.y <= tol {
            end += 1;
        }
        let (y, anchor_size) = (anchor.y, anchor.size.max(1.0));
        let line = &mut glyphs[start..end];
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let text = line_text(line, unmapped);
        if !text.is_empty() {
            out.push(PageLine {
                text,
                y,
                size: anchor_size,
                row: None,
            });
        }
        start = end;
    }
    out
}

pub(super) fn line_text(line: &[Glyph], unmapped: &mut usize) -> String {
    let mut text = String::new();
    let mut prev: Option<&Glyph> = None;
    // Recently written glyphs, to drop the copies that "fake bold" draws a hair apart.
    let mut recent: Vec<&Glyph> = Vec::new();
    for g in line {
        let t = g.text.as_deref().unwrap_or("\u{FFFD}");
        if t.chars().all(char::is_whitespace) {
            continue;
        }
        let size = g.size.max(1.0);
        if recent
            .iter()
            .any(|r| r.text == g.text && (r.x0 - g.x0).abs() < 0.3 * size)
        {
            continue;
        }
        if let Some(p) = prev {
            let gap = g.x0 - p.x1;
            if gap > SPACE_GAP * size.min(p.size.max(1.0)) {
                text.push(' ');
            }
        }
        if g.text.is_none() {
            *unmapped += 1;
        }
        text.extend(t.chars().filter(|c| !c.is_control()));
        prev = Some(g);
        recent.push(g);
        if recent.len() > 4 {
            recent.remove(0);
        }
    }
    text.trim().to_string()
}

/// Join a table row cut by a page break: the last row of a page's table with no bottom
/// border and the first row of the next page's table with no top border are one row, each
/// cell's text going on in the cell above it.
pub fn join_cut_rows(pages: &mut [Vec<PageLine>]) {
    for i in 1..pages.len() {
        let (before, after) = pages.split_at_mut(i);
        let (Some(prev), Some(next)) = (before.last_mut(), after.first_mut()) else {
            continue;
        };
        let Some(a) = prev.iter().rposition(|l| l.row.is_some()) else {
            continue;
        };
        let Some(b) = next.iter().position(|l| l.row.is_some()) else {
            continue;
        };
        let (Some(top), Some(bottom)) = (prev[a].row.as_deref(), next[b].row.as_deref()) else {
            continue;
        };
        let open = top.open_bottom && bottom.open_top;
        let closed_cut = a + 1 == prev.len() && b == 0 && continues(top, bottom);
        if !(open || closed_cut) {
            continue;
        }
        let mut cells = top.cells.clone();
        let mut fits = true;
        for (x0, x1, text) in bottom.cells.iter().filter(|c| !c.2.is_empty()) {
            let overlap = |c: &(f64, f64, String)| x1.min(c.1) - x0.max(c.0);
            let best = (0..cells.len())
                .filter(|&k| overlap(&cells[k]) > 0.0)
                .max_by(|&p, &q| overlap(&cells[p]).total_cmp(&overlap(&cells[q])));
            match best {
                Some(k) => {
                    let cell = &mut cells[k].2;
                    if let (Some(a), Some(b)) = (cell.chars().last(), text.chars().next()) {
                        if !(crate::ingest::norm::is_wide(a) && crate::ingest::norm::is_wide(b)) {
                            cell.push(' ');
                        }
                    }
                    cell.push_str(text);
                }
                None => fits = false,
            }
        }
        if !fits {
            continue;
        }
        let text: Vec<&str> = cells.iter().map(|c| c.2.as_str()).collect();
        prev[a].text = text.join("\t");
        if let Some(row) = prev[a].row.as_mut() {
            row.cells = cells;
            row.open_bottom = false;
        }
        next.remove(b);
    }
}

/// Whether a table's first row on a page, drawn with a border above it, is the rest of the
/// row that ends the page before (Writer closes a row cut by a page break with borders on
/// both pages): each of its cells stands exactly under a cell of that row, it goes on with
/// the text of at least one of them, and it has no number under a number (a row of its
/// own has its values under the values above), only under an empty cell (a value set in
/// the middle of the whole row falls on its second part).
fn continues(top: &TableRow, bottom: &TableRow) -> bool {
    let numeric = |t: &str| {
        let t = t.trim();
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '%'))
    };
    if !top.cells.iter().any(|c| numeric(&c.2)) {
        return false;
    }
    let mut goes_on = false;
    for (x0, x1, text) in bottom.cells.iter().filter(|c| !c.2.trim().is_empty()) {
        let Some(above) = top
            .cells
            .iter()
            .find(|c| (c.0 - x0).abs() <= 3.0 && (c.1 - x1).abs() <= 3.0)
        else {
            return false;
        };
        match (numeric(&above.2), numeric(text), above.2.trim().is_empty()) {
            (true, _, _) => return false,
            (false, true, false) => return false,
            (false, false, false) => goes_on = true,
            _ => {}
        }
    }
    goes_on
}

/// Drop page numbers and running heads/feet from pages of lines. `heights` are the pages'
/// heights.
pub fn drop_page_furniture(pages: &mut [Vec<PageLine>], heights: &[f64]) {
    let in_margin = |l: &PageLine, h: f64| l.y < h * MARGIN_ZONE || l.y > h * (1.0 - MARGIN_ZONE);
    // A line repeated in the margins of many pages (digits aside) is a running head or foot.
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (page, &h) in pages.iter().zip(heights) {
        let mut keys: Vec<String> = page
            .iter()
            .filter(|l| in_margin(l, h))
            .map(|l| furniture_key(&l.text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            match seen.iter_mut().find(|(s, _)| *s == k) {
                Some((_, n)) => *n += 1,
                None => seen.push((k, 1)),
            }
        }
    }
    let repeated = |key: &str| {
        pages.len() >= 3
            && !key.is_empty()
            && seen
                .iter()
                .any(|(s, n)| s == key && *n * 2 >= pages.len() && *n >= 3)
    };
    let drop: Vec<Vec<bool>> = pages
        .iter()
        .zip(heights)
        .map(|(page, &h)| {
            let n = page.len();
            let pitch = line_pitch(page);
            (0..n)
                .map(|i| {
                    let l = &page[i];
                    // A table's row is never furniture.
                    if !in_margin(l, h) || l.text.contains('\t') {
                        return false;
                    }
                    if repeated(&furniture_key(&l.text)) {
                        return true;
                    }
                    // A page number stands alone above or below everything else, further
                    // from it than the page's lines are from each other (a value alone on
                    // its line in a table laid out one cell a line is not).
                    let apart = |other: Option<&PageLine>| {
                        other.is_none_or(|o| {
                            let gap = (o.y - l.y).abs();
                            gap > 1.5 * l.size.max(o.size) && gap > 1.25 * pitch
                        })
                    };
                    let alone = (i == 0 && apart(page.get(1)))
                        || (i + 1 == n && apart(i.checked_sub(1).and_then(|j| page.get(j))));
                    alone && is_page_number(&l.text)
                })
                .collect()
        })
        .collect();
    for (page, drop) in pages.iter_mut().zip(drop) {
        let mut it = drop.into_iter();
        page.retain(|_| !it.next().unwrap_or(false));
    }
}

/// The usual distance between the baselines of a page's consecutive lines: the median, 0
/// for a page of fewer than three lines.
fn line_pitch(page: &[PageLine]) -> f64 {
    let mut ys: Vec<f64> = page.iter().map(|l| l.y).filter(|y| y.is_finite()).collect();
    ys.sort_by(f64::total_cmp);
    let mut gaps: Vec<f64> = ys
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|&g| g > 0.0)
        .collect();
    if gaps.len() < 2 {
        return 0.0;
    }
    gaps.sort_by(f64::total_cmp);
    gaps[gaps.len() / 2]
}

/// A line with its digits (page numbers, dates) taken out.
fn furniture_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
        .collect()
}

/// "- 3 -", "—3—", "3", "第 3 页", "第3页 共10页", "3 / 10", "Page 3"; never numbers set
/// apart by white space ("0 0 0", a table's row of values).
fn is_page_number(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.windows(2).any(|w| {
        w[0].ends_with(|c: char| c.is_ascii_digit())
            && w[1].starts_with(|c: char| c.is_ascii_digit())
    }) {
        return false;
    }
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 16 {
        return false;
    }
    let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    let dash = |c: char| matches!(c, '-' | '－' | '—' | '–' | '−' | '_' | '·' | '•');
    let inner = t.trim_matches(dash);
    if digits(inner) {
        return true;
    }
    if let Some((a, b)) = inner.split_once('/') {
        return digits(a) && digits(b);
    }
    if let Some(rest) = inner
        .strip_prefix("Page")
        .or_else(|| inner.strip_prefix("page"))
    {
        return digits(rest);
    }
    crate::ingest::text::is_page_of(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x0: f64, y: f64) -> Glyph {
        Glyph {
            text: Some(text.to_string()),
            x0,
            x1: x0 + 10.0,
            y,
            size: 10.0,
            upright: true,
        }
    }

    fn texts(glyphs: Vec<Glyph>) -> Vec<String> {
        let mut n = 0;
        lines(glyphs, &mut n).into_iter().map(|l| l.text).collect()
    }

    fn h(at: f64, from: f64, to: f64) -> Ruling {
        Ruling {
            horizontal: true,
            at,
            from,
            to,
        }
    }

    fn v(at: f64, from: f64, to: f64) -> Ruling {
        Ruling {
            horizontal: false,
            at,
            from,
            to,
        }
    }

    fn page(glyphs: Vec<Glyph>, rulings: Vec<Ruling>) -> Vec<PageLine> {
        let mut n = 0;
        match page_lines(PageContent { glyphs, rulings }, &mut n) {
            Page::Read(lines) => lines,
            Page::Unruled(glyphs) => lines(glyphs, &mut n),
        }
    }

    #[test]
    fn a_row_cut_below_a_shorter_cell_is_joined() {
        // Page 1: columns at 0, 50, 100, 150, rows at 0, 20, 40, the verticals going on to
        // the page break at 60 with no border there. The first column's cell ends at 40 (a
        // new group starts under it, empty here), the second row's label and value cells
        // reach down to the break: that row goes on on page 2.
        let one = page(
            vec![
                g("三", 5.0, 15.0),
                g("1", 110.0, 15.0),
                g("规", 55.0, 35.0),
                g("章", 65.0, 35.0),
                g("2", 110.0, 35.0),
            ],
            vec![
                h(0.0, 0.0, 150.0),
                h(20.0, 0.0, 150.0),
                h(40.0, 0.0, 50.0),
                v(0.0, 0.0, 60.0),
                v(50.0, 0.0, 60.0),
                v(100.0, 0.0, 60.0),
                v(150.0, 0.0, 60.0),
            ],
        );
        // Page 2: no border above its first row, the label's last line in it.
        let two = page(
            vec![
                g("总", 55.0, 15.0),
                g("计", 65.0, 15.0),
                g("5", 110.0, 35.0),
            ],
            vec![
                h(20.0, 0.0, 150.0),
                h(40.0, 0.0, 150.0),
                v(0.0, 0.0, 40.0),
                v(50.0, 0.0, 40.0),
                v(100.0, 0.0, 40.0),
                v(150.0, 0.0, 40.0),
            ],
        );
        let mut pages = vec![one, two];
        join_cut_rows(&mut pages);
        let text: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| p.iter().map(|l| l.text.as_str()).collect())
            .collect();
        assert_eq!(text, vec![vec!["三\t\t1", "\t规章总计\t2"], vec!["\t\t5"]]);
    }

    fn row(cells: &[(f64, f64, &str)]) -> PageLine {
        let cells: Vec<(f64, f64, String)> = cells
            .iter()
            .map(|&(a, b, t)| (a, b, t.to_string()))
            .collect();
        PageLine {
            text: cells
                .iter()
                .map(|c| c.2.as_str())
                .collect::<Vec<_>>()
                .join("\t"),
            y: 0.0,
            size: 10.0,
            row: Some(Box::new(TableRow {
                cells,
                open_top: false,
                open_bottom: false,
            })),
        }
    }

    #[test]
    fn a_row_closed_on_both_pages_is_joined_only_when_it_goes_on() {
        let top = || {
            row(&[
                (0.0, 50.0, "3.危及“三"),
                (50.0, 80.0, "0"),
                (80.0, 110.0, ""),
            ])
        };
        // The label goes on, the value set in the middle of the whole row falls on page 2.
        let mut pages = vec![
            vec![top()],
            vec![
                row(&[
                    (0.0, 50.0, "安全一稳定”"),
                    (50.0, 80.0, ""),
                    (80.0, 110.0, "1"),
                ]),
                row(&[(0.0, 50.0, "4.保护"), (50.0, 80.0, "2"), (80.0, 110.0, "2")]),
            ],
        ];
        join_cut_rows(&mut pages);
        assert_eq!(pages[0][0].text, "3.危及“三安全一稳定”\t0\t1");
        assert_eq!(pages[1].len(), 1);
        // A row of its own: values under the values, or cells of other widths.
        for next in [
            row(&[(0.0, 50.0, "4.保护"), (50.0, 80.0, "2"), (80.0, 110.0, "")]),
            row(&[(0.0, 80.0, "第二十条"), (80.0, 110.0, "")]),
        ] {
            let mut pages = vec![vec![top()], vec![next]];
            join_cut_rows(&mut pages);
            assert_eq!(pages[1].len(), 1);
            assert_eq!(pages[0][0].text, "3.危及“三\t0\t");
        }
    }

    #[test]
    fn only_text_straddling_a_border_runs_on_into_the_next_cell() {
        // Columns at 0, 30, 65, 100. "三、" ends on the border at 30 and "（一" starts on
        // it, touching: each is its own cell's. "信" straddles the border at 65: it is the
        // second cell's, and so is "息", touching it after it.
        let lines = page(
            vec![
                g("三", 10.0, 15.0),
                g("、", 20.0, 15.0),
                g("（", 30.0, 15.0),
                g("一", 40.0, 15.0),
                g("成", 50.0, 15.0),
                g("信", 60.0, 15.0),
                g("息", 70.0, 15.0),
                g("9", 85.0, 35.0),
            ],
            vec![
                h(0.0, 0.0, 100.0),
                h(20.0, 0.0, 100.0),
                h(40.0, 0.0, 100.0),
                v(0.0, 0.0, 40.0),
                v(30.0, 0.0, 40.0),
                v(65.0, 0.0, 40.0),
                v(100.0, 0.0, 40.0),
            ],
        );
        let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text, vec!["三、\t（一成信息\t", "\t\t9"]);
    }

    #[test]
    fn text_above_a_row_of_values_is_not_a_value() {
        // Columns at 0, 20, …; a header row from 0 to 30 and a row from 30 to 60 whose
        // values stand on the baseline at 55. "持" above them in the first cell spilled from
        // the cell above; it is laid out as a line of its own. A label cell's two lines stay
        // as they are, and so does a row with too few numbers to be a row of values.
        let rulings = |cols: usize| {
            let right = 20.0 * cols as f64;
            let mut r = vec![h(0.0, 0.0, right), h(30.0, 0.0, right), h(60.0, 0.0, right)];
            r.extend((0..=cols).map(|c| v(20.0 * c as f64, 0.0, 60.0)));
            r
        };
        let cell = |t: &str, col: usize, y: f64| Glyph {
            x1: 20.0 * col as f64 + 12.0,
            ..g(t, 20.0 * col as f64 + 2.0, y)
        };
        let text =
            |lines: Vec<PageLine>| -> Vec<String> { lines.into_iter().map(|l| l.text).collect() };
        let mut glyphs = vec![cell("表", 0, 25.0), cell("持", 0, 42.0)];
        glyphs.extend((0..5).map(|c| cell("0", c, 55.0)));
        assert_eq!(
            text(page(glyphs, rulings(5))),
            vec!["表\t\t\t\t", "0\t0\t0\t0\t0", "持"]
        );
        let mut label = vec![
            cell("表", 0, 25.0),
            cell("规", 0, 42.0),
            cell("章", 0, 55.0),
        ];
        label.extend((1..5).map(|c| cell("0", c, 55.0)));
        assert_eq!(
            text(page(label, rulings(5))),
            vec!["表\t\t\t\t", "规章\t0\t0\t0\t0"]
        );
        let mut few = vec![cell("表", 0, 25.0), cell("持", 0, 42.0)];
        few.extend((0..3).map(|c| cell("0", c, 55.0)));
        assert_eq!(text(page(few, rulings(3))), vec!["表\t\t", "持 0\t0\t0"]);
    }

    #[test]
    fn baselines_make_lines_and_gaps_make_spaces() {
        let glyphs = vec![
            g("规", 10.0, 100.0),
            g("章", 20.0, 100.5),
            g("0", 200.0, 100.0),
            g("1", 300.0, 99.8),
            g("2", 310.0, 99.8),
            // A wrapped label's second line, then values between its lines.
            g("总", 10.0, 120.0),
            g("4", 200.0, 126.0),
            g("计", 10.0, 132.0),
        ];
        assert_eq!(texts(glyphs), vec!["规章 0 12", "总", "4", "计"]);
    }

    #[test]
    fn fake_bold_copies_are_dropped() {
        let glyphs = vec![
            g("总", 10.0, 100.0),
            g("总", 10.4, 100.0),
            g("计", 20.0, 100.0),
        ];
        assert_eq!(texts(glyphs), vec!["总计"]);
    }

    #[test]
    fn page_numbers_and_running_heads() {
        assert!(is_page_number("- 3 -"));
        assert!(is_page_number("第 3 页 共 10 页"));
        assert!(is_page_number("12"));
        assert!(is_page_number("3/10"));
        assert!(!is_page_number("2023 年"));
        // A row of values is no page number.
        assert!(!is_page_number("0 0 0 0 0"));
        assert!(!is_page_number("- 1 2 -"));
        let page = |n: usize| {
            vec![
                PageLine {
                    text: "某某区人民政府文件".into(),
                    y: 30.0,
                    size: 10.0,
                    row: None,
                },
                PageLine {
                    text: format!("正文第{n}页的内容"),
                    y: 400.0,
                    size: 10.0,
                    row: None,
                },
                PageLine {
                    text: "0 0 0".into(),
                    y: 770.0,
                    size: 10.0,
                    row: None,
                },
                PageLine {
                    text: format!("- {n} -"),
                    y: 800.0,
                    size: 10.0,
                    row: None,
                },
            ]
        };
        let mut pages: Vec<Vec<PageLine>> = (1..=4).map(page).collect();
        drop_page_furniture(&mut pages, &[842.0; 4]);
        // A value alone at the foot of a page is not a page number when it sits on the
        // table's last lines.
        let mut table_end = vec![vec![
            PageLine {
                text: "1.本机关不掌握相关政府信息".into(),
                y: 762.0,
                size: 10.0,
                row: None,
            },
            PageLine {
                text: "10".into(),
                y: 768.0,
                size: 10.0,
                row: None,
            },
        ]];
        drop_page_furniture(&mut table_end, &[842.0]);
        assert_eq!(table_end[0].len(), 2);
        for (i, p) in pages.iter().enumerate() {
            let t: Vec<&str> = p.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(t, vec![format!("正文第{}页的内容", i + 1), "0 0 0".into()]);
        }
    }

    fn line(text: &str, y: f64) -> PageLine {
        PageLine {
            text: text.into(),
            y,
            size: 12.0,
            row: None,
        }
    }

    #[test]
    fn a_value_alone_at_a_page_break_is_no_page_number() {
        // A legacy table laid out one cell a line (label, this year's value, the cumulative
        // one), cut by the page break between a row's two values: the value opening the next
        // page and the one closing a page stand as far from their neighbours as every line
        // does, so they are values, not page numbers.
        let mut pages = vec![
            vec![
                line("正文", 60.0),
                line("受理政府信息公开申请总数", 740.0),
                line("0", 763.0),
                line("其中:1.当面申请数", 786.0),
                line("3", 809.0),
            ],
            vec![
                line("2", 40.0),
                line("2.网上申请数", 63.0),
                line("0", 86.0),
                line("0", 109.0),
            ],
        ];
        drop_page_furniture(&mut pages, &[842.0; 2]);
        assert_eq!(pages[0].len(), 5);
        assert_eq!(pages[1].len(), 4);
        // Set apart further than that, it is one.
        let mut numbered = vec![vec![
            line("正文第一行", 700.0),
            line("正文第二行", 723.0),
            line("正文第三行", 746.0),
            line("3", 810.0),
        ]];
        drop_page_furniture(&mut numbered, &[842.0]);
        assert_eq!(numbered[0].len(), 3);
    }
}
