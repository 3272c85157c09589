//! Giving values to row labels.
//!
//! A table reaches us as a flat stream: row labels, group labels, label fragments and runs of
//! values. In most layouts a row's values follow its label. In text taken from a PDF they
//! may sit *between* the lines of a wrapped label, or just before a one-line label (the
//! extractor orders lines by their vertical centre). Two readings are tried:
//!
//! 1. **In order**: when the stream has exactly one full run of values per row label, the
//!    n-th run belongs to the n-th label. This is what PDF text needs and is the same as (2)
//!    whenever every run follows its label.
//! 2. **By adjacency**: a row takes the values that follow its label until it is full; a run
//!    that arrives when the current row is full waits, and goes to the next row if that row
//!    gets no values after its own label. Runs nobody takes are reported as extra rows.

use crate::ingest::Document;

/// One item of a table's stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ev {
    /// A recognised row label; the slot numbers the rows found, from 0.
    Row { slot: usize, cell: usize },
    /// A label of a group of rows (（三）不予公开) or a block (第二十条第（一）项).
    Group { cell: usize },
    /// Text that is neither: a piece of a wrapped label, a header, an unknown row's label.
    Frag { cell: usize },
    /// A value cell (a number, a blank, or a value that cannot be read).
    Val { cell: usize },
}

/// What a row got.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assigned {
    /// The value cells, in column order (at most the row's column count).
    pub cells: Vec<usize>,
    /// How many values the input gave the row, when that is not its column count.
    pub found: Option<usize>,
}

/// A run of values that no row took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// The text just before the run, if any: its probable label.
    pub label: Option<usize>,
    /// That text was a group label: the run is a subtotal of the group.
    pub after_group: bool,
    pub cells: Vec<usize>,
}

#[derive(Clone, Debug)]
struct Run {
    cells: Vec<usize>,
    label: Option<usize>,
    after_group: bool,
}

/// Split the value cells into runs: a run ends at any text, and at the end of a line that
/// held several values (a row of a tab, pipe or space layout).
fn runs(events: &[Ev], doc: &Document) -> Vec<(usize, Run)> {
    let mut out: Vec<(usize, Run)> = Vec::new();
    let mut cur: Option<Run> = None;
    let mut cur_pos = 0;
    let mut last_text: Option<(usize, bool)> = None;
    for (pos, ev) in events.iter().enumerate() {
        match *ev {
            Ev::Val { cell } => {
                // A run ends at the end of a line that held several of its values.
                let ends_row = cur
                    .as_ref()
                    .and_then(|run| run.cells.last())
                    .is_some_and(|&last| {
                        let prev_line = doc.cells[last].line;
                        let on_prev = cur.as_ref().map_or(0, |run| {
                            run.cells
                                .iter()
                                .rev()
                                .take_while(|&&c| doc.cells[c].line == prev_line)
                                .count()
                        });
                        doc.cells[cell].line != prev_line && on_prev >= 2
                    });
                if ends_row {
                    out.extend(cur.take().map(|run| (cur_pos, run)));
                }
                match cur.as_mut() {
                    Some(run) => run.cells.push(cell),
                    None => {
                        cur_pos = pos;
                        cur = Some(Run {
                            cells: vec![cell],
                            label: last_text.map(|t| t.0),
                            after_group: last_text.is_some_and(|t| t.1),
                        });
                    }
                }
            }
            Ev::Row { .. } | Ev::Group { .. } | Ev::Frag { .. } => {
                out.extend(cur.take().map(|run| (cur_pos, run)));
                last_text = match *ev {
                    Ev::Group { cell } => Some((cell, true)),
                    Ev::Frag { cell } => Some((cell, false)),
                    _ => None,
                };
            }
        }
    }
    out.extend(cur.take().map(|run| (cur_pos, run)));
    out
}

fn is_blank(doc: &Document, c: usize) -> bool {
    doc.cells[c].raw.is_empty() || doc.cells[c].class == crate::ingest::CellClass::Blank
}

/// `cells` without soft blanks (lines of white space that may be empty paragraphs of a cell,
/// see [`crate::ingest::Cell::soft`]) beyond the `n` a row needs, the last ones first.
fn drop_soft(doc: &Document, cells: &[usize], n: usize) -> Vec<usize> {
    let mut drop = cells.len().saturating_sub(n);
    if drop == 0 || !cells.iter().any(|&c| doc.cells[c].soft) {
        return cells.to_vec();
    }
    // One pass from the end, so that a long run costs its length.
    let mut kept: Vec<usize> = Vec::with_capacity(cells.len());
    for &c in cells.iter().rev() {
        if drop > 0 && doc.cells[c].soft {
            drop -= 1;
        } else {
            kept.push(c);
        }
    }
    kept.reverse();
    kept
}

/// `cells` fitted to the `n` a row needs, where the input has more than `n` for a reason that
/// is no value of the report: soft blanks ([`drop_soft`]), and in a Markdown row a merged
/// cell repeated in every column it spans ("| 行政许可 | 3 | 3 | 3 |", as PDF-to-Markdown
/// converters write a value spanning three columns): equal cells at the end of one pipe row
/// beyond `n` are one cell.
fn fit(doc: &Document, cells: &[usize], n: usize) -> Vec<usize> {
    let mut v = drop_soft(doc, cells, n);
    let line = |c: usize| doc.cells[c].line;
    let piped_row = v.first().is_some_and(|&f| {
        doc.lines.get(line(f)).is_some_and(|l| l.piped) && v.iter().all(|&c| line(c) == line(f))
    });
    while piped_row && v.len() > n {
        let k = v.len();
        if k >= 2 && doc.cells[v[k - 1]].raw == doc.cells[v[k - 2]].raw {
            v.pop();
        } else {
            break;
        }
    }
    v
}

/// A run without the blank cells beyond `n` at its end (row padding), then at its start, and
/// fitted to `n` ([`fit`]).
fn trim_padding(doc: &Document, cells: &[usize], n: usize) -> Vec<usize> {
    let mut v = drop_soft(doc, cells, n);
    while v.len() > n && v.last().is_some_and(|&c| is_blank(doc, c)) {
        v.pop();
    }
    let skip = leading_blanks(doc, &v, n);
    fit(doc, &v.split_off(skip), n)
}

/// How many blank cells at the start of `cells` are beyond the `n` a row needs, counting the
/// cells on the first cell's line: an empty cell between a label and its values (a label
/// column split in two, "（六）其他处理 | | 0 0 0 0 0 0 0") is no value.
fn leading_blanks(doc: &Document, cells: &[usize], n: usize) -> usize {
    let Some(&first) = cells.first() else {
        return 0;
    };
    let line = doc.cells[first].line;
    let on_line = cells
        .iter()
        .take_while(|&&c| doc.cells[c].line == line)
        .count();
    let mut k = 0;
    while on_line - k > n && cells.get(k).is_some_and(|&c| is_blank(doc, c)) {
        k += 1;
    }
    k
}

/// Assign value runs to rows. `ncols(slot)` is the column count of the row in that slot.
pub fn assign(
    events: &[Ev],
    doc: &Document,
    ncols: &dyn Fn(usize) -> usize,
) -> (Vec<(usize, Assigned)>, Vec<Orphan>) {
    let runs = runs(events, doc);
    let rows: Vec<(usize, usize)> = events
        .iter()
        .enumerate()
        .filter_map(|(pos, e)| match e {
            Ev::Row { slot, .. } => Some((pos, *slot)),
            _ => None,
        })
        .collect();

    // 1. In order, when every row has exactly one full run.
    if !rows.is_empty() && runs.len() == rows.len() {
        let trimmed: Vec<Vec<usize>> = runs
            .iter()
            .zip(&rows)
            .map(|((_, run), (_, slot))| trim_padding(doc, &run.cells, ncols(*slot)))
            .collect();
        let all_full = trimmed
            .iter()
            .zip(&rows)
            .all(|(t, (_, slot))| t.len() == ncols(*slot));
        if all_full {
            let assigned = rows
                .iter()
                .zip(trimmed)
                .map(|((_, slot), cells)| (*slot, Assigned { cells, found: None }))
                .collect();
            return (assigned, Vec::new());
        }
    }

    // 2. By adjacency.
    struct Found {
        slot: usize,
        after: Vec<usize>,
        excess: usize,
        before: Vec<Run>,
    }
    let mut found: Vec<Found> = Vec::new();
    let mut pending: Vec<Run> = Vec::new();
    let mut orphans: Vec<Orphan> = Vec::new();
    let mut ri = 0;
    for (pos, ev) in events.iter().enumerate() {
        if let Ev::Row { slot, .. } = *ev {
            found.push(Found {
                slot,
                after: Vec::new(),
                excess: 0,
                before: std::mem::take(&mut pending),
            });
        }
        while ri < runs.len() && runs[ri].0 == pos {
            let mut run = runs[ri].1.clone();
            ri += 1;
            if let Some(cur) = found.last() {
                let need = ncols(cur.slot).saturating_sub(cur.after.len());
                if need > 0 && cur.after.is_empty() {
                    let skip = leading_blanks(doc, &run.cells, need);
                    let mut cells = run.cells[..skip].to_vec();
                    cells.extend(fit(doc, &run.cells[skip..], need));
                    run.cells = cells;
                }
            }
            let mut rest: &[usize] = &run.cells;
            if let Some(cur) = found.last_mut() {
                let need = ncols(cur.slot).saturating_sub(cur.after.len());
                if need > 0 && cur.after.is_empty() {
                    rest = &rest[leading_blanks(doc, rest, need)..];
                }
                if need > 0 {
                    let take = need.min(rest.len());
                    cur.after.extend_from_slice(&rest[..take]);
                    rest = &rest[take..];
                    // Values left on the same line as the row's last value are the row's own
                    // surplus (a row longer than its columns), not another row's.
                    if let Some(&last) = cur.after.last() {
                        let line = doc.cells[last].line;
                        let same_line: Vec<usize> = rest
                            .iter()
                            .copied()
                            .take_while(|&c| doc.cells[c].line == line)
                            .collect();
                        cur.excess += same_line.iter().filter(|&&c| !is_blank(doc, c)).count();
                        rest = &rest[same_line.len()..];
                    }
                }
            }
            if rest.iter().all(|&c| is_blank(doc, c)) {
                continue;
            }
            let label = if rest.len() == run.cells.len() {
                run.label
            } else {
                None
            };
            pending.push(Run {
                cells: rest.to_vec(),
                label,
                after_group: run.after_group && label.is_some(),
            });
        }
    }
    let mut assigned = Vec::new();
    for f in found {
        let n = ncols(f.slot);
        let mut before = f.before;
        let (cells, extra) = if f.after.is_empty() {
            match before.pop() {
                Some(run) => {
                    let t = trim_padding(doc, &run.cells, n);
                    let extra = t.len().saturating_sub(n);
                    (t.into_iter().take(n).collect::<Vec<_>>(), extra)
                }
                None => (Vec::new(), 0),
            }
        } else {
            (f.after, f.excess)
        };
        for run in before {
            orphans.push(Orphan {
                label: run.label,
                after_group: run.after_group,
                cells: run.cells,
            });
        }
        let len = cells.len() + extra;
        let found_n = (len != n).then_some(len);
        assigned.push((
            f.slot,
            Assigned {
                cells,
                found: found_n,
            },
        ));
    }
    for run in pending {
        orphans.push(Orphan {
            label: run.label,
            after_group: run.after_group,
            cells: run.cells,
        });
    }
    (assigned, orphans)
}
