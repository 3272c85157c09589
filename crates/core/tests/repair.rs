//! The repair (error localisation): the seeds and reports whose answer was worked out by hand,
//! the treatment of unreadable cells, misaligned and absent rows, ties, the budget, the JSON,
//! and a property over random balanced tables with random cells changed.
//!
//! Every repair found here is checked by this file's own evaluation of the equations, not by
//! the core's.

// A test fails by panicking: `expect` on what a fixture must have is the clearest message.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use gouji_core::repair::{self, Change, Repair};
use gouji_core::schema::{outcome_rows, APPEAL_PARTS, REQUEST_PARTS};
use gouji_core::{check, Report, Table, Value};
use support::fixtures::{report, seed_path, shared};
use support::rng::{Rng, SEED};

/// The report of a seed ("000").
fn seed(name: &str) -> Report {
    report(&seed_path(name))
}

fn load(rel: &str) -> Report {
    report(&shared(rel))
}

fn base() -> String {
    support::fixtures::base("gb2021-pipe.txt")
}

fn edited(edits: &[(&str, &str)]) -> Report {
    let mut text = base();
    for (old, new) in edits {
        assert!(text.contains(old), "{old:?} not in the base report");
        text = text.replacen(old, new, 1);
    }
    check(&text)
}

fn rep(r: &Report) -> &Repair {
    r.repair.as_ref().expect("a repair for a national report")
}

/// `cell from→to` of a list of changes, sorted; blank shown as `_`, unreadable as `?`.
fn show(changes: &[Change]) -> Vec<String> {
    let mut v: Vec<String> = changes
        .iter()
        .map(|c| {
            let from = match c.from {
                Value::Number(n) => format!("{n}"),
                Value::Blank => "_".into(),
                Value::Unreadable | Value::Missing => "?".into(),
            };
            format!("{} {}→{}", c.cell, from, c.to)
        })
        .collect();
    v.sort();
    v
}

// ------------------------------------------------------------------ independent evaluation

/// One row as this test reads it: key, cells (`None` for a cell without a number), aligned.
type GridRow = (&'static str, Vec<(&'static str, Option<i64>)>, bool);

/// A table's values as this test reads them.
#[derive(Clone)]
struct Grid {
    rows: Vec<GridRow>,
}

impl Grid {
    fn of(t: &Table) -> Grid {
        Grid {
            rows: t
                .rows
                .iter()
                .map(|r| {
                    let cells = r
                        .cells
                        .iter()
                        .map(|c| {
                            let v = match c.value {
                                Value::Number(n) if n.fract() == 0.0 && n >= 0.0 => Some(n as i64),
                                Value::Blank => Some(0),
                                _ => None,
                            };
                            (c.col, v)
                        })
                        .collect();
                    (r.def.key, cells, r.misaligned.is_none())
                })
                .collect(),
        }
    }

    fn get(&self, row: &str, col: &str) -> Option<Option<i64>> {
        let (_, cells, aligned) = self.rows.iter().find(|(k, _, _)| *k == row)?;
        if !aligned {
            return None;
        }
        cells.iter().find(|(c, _)| *c == col).map(|(_, v)| *v)
    }
}

/// Every equation the rules would check, as (terms) with ±1; an equation with a cell absent or
/// in a misaligned row is left out. Cells without a number stay in (as `None`).
fn equations(
    req: Option<&Grid>,
    app: Option<&Grid>,
    single_other: bool,
) -> Vec<Vec<(String, i64)>> {
    let mut out = Vec::new();
    let mut push = |g: &Grid, table: &str, terms: Vec<(&str, &str, i64)>| {
        if terms.iter().all(|(r, c, _)| g.get(r, c).is_some()) {
            out.push(
                terms
                    .into_iter()
                    .map(|(r, c, k)| (format!("{table}/{r}/{c}"), k))
                    .collect(),
            );
        }
    };
    if let Some(g) = req {
        let cols: Vec<&str> = REQUEST_PARTS.iter().copied().chain(["total"]).collect();
        for (row, _, _) in &g.rows {
            let mut t: Vec<(&str, &str, i64)> =
                REQUEST_PARTS.iter().map(|p| (*row, *p, 1)).collect();
            t.push((row, "total", -1));
            push(g, "requests", t);
        }
        let outcomes: Vec<&str> = outcome_rows(single_other).map(|d| d.key).collect();
        for col in &cols {
            let mut t: Vec<(&str, &str, i64)> = outcomes.iter().map(|o| (*o, *col, 1)).collect();
            t.push(("total", col, -1));
            push(g, "requests", t);
            push(
                g,
                "requests",
                vec![
                    ("new", col, 1),
                    ("carried_in", col, 1),
                    ("total", col, -1),
                    ("carried_out", col, -1),
                ],
            );
        }
    }
    if let Some(g) = app {
        for (row, _, _) in &g.rows {
            let mut t: Vec<(&str, &str, i64)> =
                APPEAL_PARTS.iter().map(|p| (*row, *p, 1)).collect();
            t.push((row, "total", -1));
            push(g, "appeals", t);
        }
    }
    out
}

/// The value of a path after the changes; `None` when the cell has no number and no change.
fn value_after(req: &Grid, app: &Grid, changes: &[Change], path: &str) -> Option<i64> {
    if let Some(c) = changes.iter().find(|c| c.cell == path) {
        return Some(c.to as i64);
    }
    let mut parts = path.splitn(3, '/');
    let (t, r, c) = (parts.next()?, parts.next()?, parts.next()?);
    let g = if t == "requests" { req } else { app };
    g.get(r, c).flatten()
}

/// The repair's values are whole and non-negative, and every equation holds after it.
fn assert_repairs(req: &Table, app: &Table, single_other: bool, changes: &[Change]) {
    let (rg, ag) = (Grid::of(req), Grid::of(app));
    for c in changes {
        assert!(c.to >= 0.0 && c.to.fract() == 0.0, "{c:?}");
    }
    for eq in equations(Some(&rg), Some(&ag), single_other) {
        let sum: Option<i64> = eq
            .iter()
            .map(|(p, k)| value_after(&rg, &ag, changes, p).map(|v| v * k))
            .sum();
        assert_eq!(sum, Some(0), "{eq:?} after {:?}", show(changes));
    }
}

// ------------------------------------------------------------------ seeds and reports

#[test]
fn seed_001_unique_repair_of_two_blank_totals() {
    let r = seed("001");
    let rp = rep(&r);
    assert_eq!(
        show(&rp.changes),
        vec!["requests/new/total 0→1", "requests/other/total 0→1"]
    );
    assert_eq!(rp.count, 1);
    assert!(rp.alternatives.is_empty());
    assert_eq!(
        rp.certain,
        vec!["requests/new/total", "requests/other/total"]
    );
    assert!(!rp.exhausted);
    let t = r.tables.requests.as_ref().expect("requests");
    let a = r.tables.appeals.as_ref().expect("appeals");
    assert_repairs(t, a, r.facts.single_other, &rp.changes);
}

#[test]
fn seed_000_three_changes_four_ways() {
    let r = seed("000");
    let rp = rep(&r);
    assert!(!rp.exhausted);
    // The chosen one fills the blank carried_out/natural and sets the appeals total.
    assert_eq!(
        show(&rp.changes),
        vec![
            "appeals/suit_after_review/total 0→1",
            "requests/carried_out/legal_service 5→2",
            "requests/carried_out/natural _→3",
        ]
    );
    // Three applications move from natural to legal_service in `new` or in `carried_out`,
    // and the appeals row is fixed by its total or by pending: 2 × 2.
    assert_eq!(rp.count, 4);
    let mut alts: Vec<Vec<String>> = rp.alternatives.iter().map(|a| show(a)).collect();
    alts.sort();
    assert_eq!(
        alts,
        vec![
            vec![
                "appeals/suit_after_review/pending 1→0".to_string(),
                "requests/carried_out/legal_service 5→2".into(),
                "requests/carried_out/natural _→3".into(),
            ],
            vec![
                "appeals/suit_after_review/pending 1→0".to_string(),
                "requests/new/legal_service 5→8".into(),
                "requests/new/natural 39→36".into(),
            ],
            vec![
                "appeals/suit_after_review/total 0→1".to_string(),
                "requests/new/legal_service 5→8".into(),
                "requests/new/natural 39→36".into(),
            ],
        ]
    );
    assert!(rp.certain.is_empty(), "{:?}", rp.certain);
    let t = r.tables.requests.as_ref().expect("requests");
    let a = r.tables.appeals.as_ref().expect("appeals");
    assert_repairs(t, a, r.facts.single_other, &rp.changes);
    for alt in &rp.alternatives {
        assert_repairs(t, a, r.facts.single_other, alt);
    }
}

#[test]
fn balanced_reports_need_no_repair() {
    for rel in [
        "seeds/003",
        "seeds/004",
        "reports/hongze-2024-qzf.pdf.txt",
        "reports/huaian-2024-szf.pdf.txt",
    ] {
        let r = match rel.strip_prefix("seeds/") {
            Some(name) => seed(name),
            None => load(rel),
        };
        let rp = rep(&r);
        assert!(rp.is_empty(), "{rel}: {:?}", show(&rp.changes));
        assert_eq!((rp.count, rp.exhausted), (0, false), "{rel}");
        assert!(rp.alternatives.is_empty() && rp.certain.is_empty(), "{rel}");
    }
    // A legacy report has no A or R equations: no repair at all.
    assert!(seed("002").repair.is_none());
}

#[test]
fn hongze_2023_two_appeals_totals() {
    let r = load("reports/hongze-2023-qzf.pdf.txt");
    let rp = rep(&r);
    assert_eq!(
        show(&rp.changes),
        vec![
            "appeals/review/total 0→11",
            "appeals/suit_after_review/total 0→5"
        ]
    );
    // Size 2 is the minimum (two failing rows share no cell). The review row has one repair
    // (10 upheld + 1 corrected cannot be cut to 0 by one cell), but 复议后起诉 "5 0 0 0 0"
    // also balances with upheld 5→0: two minimum repairs, and only review/total is certain.
    assert_eq!(rp.count, 2);
    assert_eq!(rp.alternatives.len(), 1);
    assert_eq!(
        show(&rp.alternatives[0]),
        vec![
            "appeals/review/total 0→11",
            "appeals/suit_after_review/upheld 5→0"
        ]
    );
    assert_eq!(rp.certain, vec!["appeals/review/total"]);
    let t = r.tables.requests.as_ref().expect("requests");
    let a = r.tables.appeals.as_ref().expect("appeals");
    assert_repairs(t, a, r.facts.single_other, &rp.changes);
}

// ------------------------------------------------------------------ cells and rows

#[test]
fn an_unreadable_cell_is_given_its_value() {
    let r = edited(&[("（一）予以公开 | 10 |", "（一）予以公开 | 若干 |")]);
    let rp = rep(&r);
    assert_eq!(show(&rp.changes), vec!["requests/granted/natural ?→10"]);
    assert_eq!(rp.changes[0].raw, "若干");
    assert!(rp.changes[0].determined);
    assert_eq!((rp.count, rp.exhausted), (1, false));
    assert_eq!(rp.certain, vec!["requests/granted/natural"]);
}

#[test]
fn an_unreadable_cell_and_a_wrong_one() {
    // granted/natural unreadable, and new/total 24 mistyped as 42: the unreadable cell's
    // value comes from its row and column; new/total is the one real change.
    let r = edited(&[
        ("（一）予以公开 | 10 |", "（一）予以公开 | 若干 |"),
        ("| 1 | 0 | 24 |\n二、", "| 1 | 0 | 42 |\n二、"),
    ]);
    let rp = rep(&r);
    assert_eq!(
        show(&rp.changes),
        vec!["requests/granted/natural ?→10", "requests/new/total 42→24"]
    );
    assert_eq!(rp.count, 1);
}

#[test]
fn unreadable_cells_with_freedom_are_marked_undetermined() {
    // Four unreadable cells in a rectangle (granted/partly_granted × natural/commercial): the
    // row and column sums fix them only up to moving one application around the rectangle.
    let r = edited(&[
        (
            "（一）予以公开 | 10 | 1 |",
            "（一）予以公开 | 若干 | 若干 |",
        ),
        ("不计其他情形） | 3 | 1 |", "不计其他情形） | 若干 | 若干 |"),
    ]);
    let rp = rep(&r);
    assert_eq!(rp.changes.len(), 4, "{:?}", show(&rp.changes));
    assert!(rp
        .changes
        .iter()
        .all(|c| !c.determined && c.from == Value::Unreadable));
    assert_eq!((rp.count, rp.exhausted), (1, false));
    let t = r.tables.requests.as_ref().expect("requests");
    let a = r.tables.appeals.as_ref().expect("appeals");
    assert_repairs(t, a, false, &rp.changes);
    // The values written were 10, 1, 3, 1; any of natural 9..=11 in granted balances.
    let granted = rp.change("requests/granted/natural").map(|c| c.to);
    assert!(
        matches!(granted, Some(x) if (9.0..=11.0).contains(&x)),
        "{granted:?}"
    );
    let json = serde_json::to_value(&r).unwrap_or_default();
    assert_eq!(json["repair"][0]["determined"], false);
    assert_eq!(json["repair"][0]["unreadable"], true);
    assert!(json["repair"][0]["from"].is_null());
}

#[test]
fn a_misaligned_row_is_left_out() {
    // 部分公开 lost a value (S106): its equations are left out, A302 with them, and the
    // error in new/total is still found through A301 and A303.
    let r = edited(&[
        (
            "不计其他情形） | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
            "不计其他情形） | 3 | 1 | 0 | 0 | 0 | 4 |",
        ),
        ("| 1 | 0 | 24 |\n二、", "| 1 | 0 | 25 |\n二、"),
    ]);
    assert!(r.findings.iter().any(|f| f.code == "S106"));
    let rp = rep(&r);
    assert_eq!(show(&rp.changes), vec!["requests/new/total 25→24"]);
    assert_eq!(rp.count, 1);
    assert!(rp
        .changes
        .iter()
        .all(|c| !c.cell.contains("partly_granted")));
}

#[test]
fn an_absent_row_leaves_out_its_equations_and_ties_prefer_totals() {
    // Without 结转下年度 there is no A303: new/total 25 against parts summing to 24 is fixed
    // by the total or by any one part; the total is chosen, the six parts are alternatives.
    let r = edited(&[
        ("四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n", ""),
        ("| 1 | 0 | 24 |\n二、", "| 1 | 0 | 25 |\n二、"),
    ]);
    assert!(r.findings.iter().any(|f| f.code == "S104"));
    let rp = rep(&r);
    assert_eq!(show(&rp.changes), vec!["requests/new/total 25→24"]);
    assert_eq!(rp.count, 7);
    assert_eq!(rp.alternatives.len(), repair::ALTERNATIVES);
    for alt in &rp.alternatives {
        assert_eq!(alt.len(), 1);
        assert!(alt[0].cell.starts_with("requests/new/"), "{alt:?}");
        assert_eq!(alt[0].to, alt[0].from_number().unwrap_or(-1.0) + 1.0);
    }
    assert!(rp.certain.is_empty());
}

/// The base report with every requests total blank: ten rows whose parts are not all zero.
fn blank_totals() -> Report {
    let mut r = check(&base());
    if let Some(t) = r.tables.requests.as_mut() {
        for row in &mut t.rows {
            for c in &mut row.cells {
                if c.col == "total" {
                    c.value = Value::Blank;
                    c.raw = String::new();
                }
            }
        }
    }
    r
}

#[test]
fn many_blank_totals_are_filled() {
    let r = blank_totals();
    let (t, a) = (r.tables.requests.as_ref(), r.tables.appeals.as_ref());
    let rp = repair::solve(t, a, false);
    assert!(!rp.exhausted);
    assert_eq!(rp.changes.len(), 10);
    assert!(rp
        .changes
        .iter()
        .all(|c| c.is_blank() && c.cell.ends_with("/total")));
    // carried_in and carried_out hold only 2 natural each: zeroing both balances too, with
    // their totals left blank; filling blanks wins the tie.
    assert_eq!(rp.count, 2);
    let alt = rp.alternatives.first().map(|a| show(a)).unwrap_or_default();
    assert!(
        alt.contains(&"requests/carried_in/natural 2→0".to_string()),
        "{alt:?}"
    );
    assert!(
        alt.contains(&"requests/carried_out/natural 2→0".to_string()),
        "{alt:?}"
    );
    assert_eq!(rp.certain.len(), 8);
    if let (Some(t), Some(a)) = (t, a) {
        assert_repairs(t, a, false, &rp.changes);
        assert_repairs(t, a, false, &rp.alternatives[0]);
    }
}

#[test]
fn a_small_budget_is_reported_and_the_repair_still_holds() {
    let r = blank_totals();
    let (t, a) = (r.tables.requests.as_ref(), r.tables.appeals.as_ref());
    let rp = repair::solve_with(t, a, false, 20);
    assert!(rp.exhausted);
    assert!(!rp.changes.is_empty());
    if let (Some(t), Some(a)) = (t, a) {
        assert_repairs(t, a, false, &rp.changes);
    }
}

#[test]
fn json_shape() {
    let r = seed("000");
    let json = serde_json::to_string(&r).unwrap_or_default();
    let at = |k: &str| json.find(&format!("\"{k}\":")).unwrap_or(usize::MAX);
    let order = [
        "template",
        "year",
        "agency",
        "tables",
        "findings",
        "repair",
        "repair_count",
        "repair_alternatives",
        "repair_certain",
        "repair_exhausted",
    ];
    for w in order.windows(2) {
        assert!(at(w[0]) < at(w[1]), "{} before {} in {json}", w[0], w[1]);
    }
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    let first = &v["repair"][0];
    assert_eq!(first["cell"], "requests/carried_out/natural");
    assert_eq!(first["from"], 0);
    assert_eq!(first["to"], 3);
    assert_eq!(first["blank"], true);
    assert_eq!(v["repair"][1]["from"], 5);
    assert!(v["repair"][1].get("blank").is_none());
    assert_eq!(v["repair_count"], 4);
    assert_eq!(v["repair_exhausted"], false);
    // Balanced: an empty array; legacy: no field at all.
    let clean = serde_json::to_value(seed("004")).unwrap_or_default();
    assert_eq!(clean["repair"], serde_json::json!([]));
    let legacy = serde_json::to_value(seed("002")).unwrap_or_default();
    assert!(legacy.get("repair").is_none());
}

// ------------------------------------------------------------------ property

/// Mostly 0, sometimes a small count.
fn sparse(rng: &mut Rng) -> i64 {
    if rng.below(10) < 6 {
        0
    } else {
        1 + rng.below(40) as i64
    }
}

fn set_cell(t: &mut Table, row: &str, col: &str, v: Option<i64>) {
    for r in &mut t.rows {
        if r.def.key == row {
            for c in &mut r.cells {
                if c.col == col {
                    c.value = match v {
                        Some(n) => Value::Number(n as f64),
                        None => Value::Blank,
                    };
                    c.raw = v.map(|n| n.to_string()).unwrap_or_default();
                }
            }
        }
    }
}

/// A random balanced gb2021 requests table and appeals table, in the shape of the base report;
/// some zeros written as blanks.
fn balanced(rng: &mut Rng) -> (Table, Table) {
    let r = check(&base());
    let mut req = r.tables.requests.clone().expect("requests");
    let mut app = r.tables.appeals.clone().expect("appeals");
    let outcomes: Vec<&str> = outcome_rows(false).map(|d| d.key).collect();
    let mut grid: Vec<(&str, &str, i64)> = Vec::new();
    let mut col_total = [0i64; 6];
    for o in &outcomes {
        let mut row_total = 0;
        for (i, p) in REQUEST_PARTS.iter().enumerate() {
            let v = if rng.below(3) == 0 { sparse(rng) } else { 0 };
            grid.push((o, p, v));
            row_total += v;
            col_total[i] += v;
        }
        grid.push((o, "total", row_total));
    }
    let (mut new_t, mut in_t, mut out_t) = (0, 0, 0);
    for (i, p) in REQUEST_PARTS.iter().enumerate() {
        let out = sparse(rng) / 4;
        let carried_in = rng.below((col_total[i] + out) as u64 + 1) as i64 / 3;
        let new = col_total[i] + out - carried_in;
        grid.push(("total", p, col_total[i]));
        grid.push(("carried_out", p, out));
        grid.push(("carried_in", p, carried_in));
        grid.push(("new", p, new));
        new_t += new;
        in_t += carried_in;
        out_t += out;
    }
    grid.push(("total", "total", col_total.iter().sum()));
    grid.push(("new", "total", new_t));
    grid.push(("carried_in", "total", in_t));
    grid.push(("carried_out", "total", out_t));
    for (row, col, v) in grid {
        let blank = v == 0 && rng.below(4) == 0;
        set_cell(&mut req, row, col, (!blank).then_some(v));
    }
    for row in ["review", "suit_direct", "suit_after_review"] {
        let mut total = 0;
        for p in APPEAL_PARTS {
            let v = sparse(rng) / 8;
            total += v;
            set_cell(&mut app, row, p, Some(v));
        }
        set_cell(&mut app, row, "total", Some(total));
    }
    (req, app)
}

fn all_cells(req: &Table, app: &Table) -> Vec<(bool, &'static str, &'static str)> {
    let mut v = Vec::new();
    for (is_req, t) in [(true, req), (false, app)] {
        for r in &t.rows {
            for c in &r.cells {
                v.push((is_req, r.def.key, c.col));
            }
        }
    }
    v
}

fn number(t: &Table, row: &str, col: &str) -> i64 {
    t.number(row, col).map_or(-1, |n| n as i64)
}

/// Is there a repair that changes only these cells? (This file's own check, for one or two
/// cells: each cell's value is forced by an equation it is alone in; two appeals cells of one
/// row share their only equation and are solved together.)
fn repairable_with(req: &Grid, app: &Grid, eqs: &[Vec<(String, i64)>], cells: &[String]) -> bool {
    let val = |p: &str| value_after(req, app, &[], p).unwrap_or(0);
    let mut forced: Vec<Option<i64>> = vec![None; cells.len()];
    for eq in eqs {
        let inside: Vec<usize> = (0..cells.len())
            .filter(|&i| eq.iter().any(|(p, _)| *p == cells[i]))
            .collect();
        let rest: i64 = eq
            .iter()
            .filter(|(p, _)| !cells.contains(p))
            .map(|(p, k)| k * val(p))
            .sum();
        match inside.as_slice() {
            [] if rest != 0 => return false,
            [i] => {
                let k = eq.iter().find(|(p, _)| *p == cells[*i]).map_or(1, |e| e.1);
                let v = -rest * k;
                if v < 0 || forced[*i].is_some_and(|f| f != v) {
                    return false;
                }
                forced[*i] = Some(v);
            }
            _ => {}
        }
    }
    for eq in eqs {
        let inside: Vec<usize> = (0..cells.len())
            .filter(|&i| eq.iter().any(|(p, _)| *p == cells[i]))
            .collect();
        if inside.len() < 2 {
            continue;
        }
        let rest: i64 = eq
            .iter()
            .filter(|(p, _)| !cells.contains(p))
            .map(|(p, k)| k * val(p))
            .sum();
        let coef = |i: usize| eq.iter().find(|(p, _)| *p == cells[i]).map_or(1, |e| e.1);
        match (forced[inside[0]], forced[inside[1]]) {
            (Some(a), Some(b)) if coef(inside[0]) * a + coef(inside[1]) * b + rest != 0 => {
                return false;
            }
            // Both cells only here: c0·a + c1·b = −rest has a non-negative solution unless
            // both coefficients have the sign of `rest`.
            (None, None) if coef(inside[0]) == coef(inside[1]) && coef(inside[0]) * rest > 0 => {
                return false;
            }
            _ => {}
        }
    }
    true
}

#[test]
fn property_random_changes_are_localised() {
    let mut rng = Rng::new(SEED);
    for k in 1..=3usize {
        let cases = [0, 300, 150, 80][k];
        for case in 0..cases {
            let (req0, app0) = balanced(&mut rng);
            assert!(repair::solve(Some(&req0), Some(&app0), false).is_empty());
            let (mut req, mut app) = (req0.clone(), app0.clone());
            let cells = all_cells(&req0, &app0);
            // Half the cases change cells of one requests row or column: errors that meet in
            // an equation, where a smaller or a different repair may exist.
            let pool: Vec<usize> = match rng.below(4) {
                0 => {
                    let row = cells[rng.below(175) as usize].1;
                    (0..cells.len())
                        .filter(|&i| cells[i].0 && cells[i].1 == row)
                        .collect()
                }
                1 => {
                    let col = cells[rng.below(175) as usize].2;
                    (0..cells.len())
                        .filter(|&i| cells[i].0 && cells[i].2 == col)
                        .collect()
                }
                _ => (0..cells.len()).collect(),
            };
            let mut picked: Vec<usize> = Vec::new();
            while picked.len() < k {
                let i = pool[rng.below(pool.len() as u64) as usize];
                if !picked.contains(&i) {
                    picked.push(i);
                }
            }
            let mut changed = Vec::new();
            for &i in &picked {
                let (is_req, row, col) = cells[i];
                let t = if is_req { &mut req } else { &mut app };
                let was = number(t, row, col);
                let to = if was > 0 && rng.below(3) == 0 {
                    None // a number lost: blank
                } else {
                    let d = 1 + rng.below(12) as i64;
                    Some(if rng.below(2) == 0 && was >= d {
                        was - d
                    } else {
                        was + d
                    })
                };
                set_cell(t, row, col, to);
                let path = format!(
                    "{}/{row}/{col}",
                    if is_req { "requests" } else { "appeals" }
                );
                changed.push((path, was));
            }
            let rp = repair::solve(Some(&req), Some(&app), false);
            let ctx = format!(
                "k={k} case {case}: changed {changed:?}, repair {:?}",
                show(&rp.changes)
            );
            assert!(!rp.exhausted, "{ctx}");
            assert!(rp.changes.len() <= k, "{ctx}");
            assert_repairs(&req, &app, false, &rp.changes);
            for alt in &rp.alternatives {
                assert_eq!(alt.len(), rp.changes.len(), "{ctx}");
                assert_repairs(&req, &app, false, alt);
            }
            for c in &rp.certain {
                assert!(rp.change(c).is_some(), "{ctx}");
                assert!(
                    rp.alternatives
                        .iter()
                        .all(|a| a.iter().any(|x| x.cell == *c)),
                    "{ctx}"
                );
            }
            // No smaller repair exists (checked here by brute force up to two cells).
            let (rg, ag) = (Grid::of(&req), Grid::of(&app));
            let eqs = equations(Some(&rg), Some(&ag), false);
            let paths: Vec<String> = cells
                .iter()
                .map(|(r, row, col)| {
                    format!("{}/{row}/{col}", if *r { "requests" } else { "appeals" })
                })
                .collect();
            // A repair must touch every failing equation: only such sets are tried.
            let failing: u64 = eqs
                .iter()
                .enumerate()
                .filter(|(_, eq)| {
                    eq.iter()
                        .map(|(p, k)| value_after(&rg, &ag, &[], p).unwrap_or(0) * k)
                        .sum::<i64>()
                        != 0
                })
                .fold(0, |m, (i, _)| m | 1 << i);
            let touches: Vec<u64> = paths
                .iter()
                .map(|p| {
                    eqs.iter()
                        .enumerate()
                        .filter(|(_, eq)| eq.iter().any(|(q, _)| q == p))
                        .fold(0, |m, (i, _)| m | 1 << i)
                })
                .collect();
            let n = rp.changes.len();
            assert_eq!(n == 0, failing == 0, "{ctx}");
            if n >= 2 {
                for (i, p) in paths.iter().enumerate() {
                    if touches[i] & failing == failing {
                        assert!(
                            !repairable_with(&rg, &ag, &eqs, std::slice::from_ref(p)),
                            "{ctx}: {p} alone repairs"
                        );
                    }
                }
            }
            if n >= 3 {
                for (i, p) in paths.iter().enumerate() {
                    for (j, q) in paths.iter().enumerate().skip(i + 1) {
                        if (touches[i] | touches[j]) & failing == failing {
                            assert!(
                                !repairable_with(&rg, &ag, &eqs, &[p.clone(), q.clone()]),
                                "{ctx}: {p} and {q} repair"
                            );
                        }
                    }
                }
            }
            if k == 1 {
                let (path, was) = &changed[0];
                assert_eq!(n, 1, "{ctx}");
                // The changed cell, restored, is among the minimum repairs shown …
                let restores =
                    |a: &[Change]| a.len() == 1 && a[0].cell == *path && a[0].to as i64 == *was;
                let shown = 1 + rp.alternatives.len();
                if rp.count as usize <= shown {
                    assert!(
                        restores(&rp.changes) || rp.alternatives.iter().any(|a| restores(a)),
                        "{ctx}"
                    );
                }
                // … and when it is the only one, it is the repair.
                if rp.count == 1 {
                    assert!(restores(&rp.changes), "{ctx}");
                }
                // In the requests table every cell is in two equations: always unique.
                if path.starts_with("requests/") {
                    assert_eq!(rp.count, 1, "{ctx}");
                }
            }
        }
    }
}
