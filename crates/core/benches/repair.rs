//! The repair search (error localisation) on its own, extraction left out.
//! `cargo bench -p gouji-core --bench repair`
//!
//! Typical: the seeds with errors (000: three changes four ways; 001: two blank totals).
//! Worst cases: the gb2021 base report with every requests total blank (ten changes), and
//! with 4, 6, 8 and 20 random cells changed; the last one shows what a budget-bound search
//! costs.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use gouji_core::repair;
use gouji_core::{check, check_bytes, Report, Table, Value};

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap_or_default()
}

fn base() -> Report {
    check(&String::from_utf8_lossy(&read(
        "tests/fixtures/base/gb2021-pipe.txt",
    )))
}

fn set(t: &mut Table, i: usize, f: impl Fn(&Value) -> Value) {
    if let Some(c) = t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()).nth(i) {
        c.value = f(&c.value);
    }
}

/// splitmix64
fn rng(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn cases() -> Vec<(String, Report)> {
    let mut out = Vec::new();
    for seed in ["000_7dba22183337286f", "001_a59a8232ffc24999"] {
        let bytes = read(&format!("../../tests/fixtures/seeds/{seed}.txt"));
        out.push((format!("seed-{}", &seed[..3]), check_bytes(&bytes).report));
    }
    let mut blank = base();
    if let Some(t) = blank.tables.requests.as_mut() {
        for i in 0..175 {
            if i % 7 == 6 {
                set(t, i, |_| Value::Blank);
            }
        }
    }
    out.push(("blank-totals".into(), blank));
    for errors in [4, 6, 8, 20] {
        let mut r = base();
        let mut state = 0x7265_7061_6972 + errors as u64;
        if let Some(t) = r.tables.requests.as_mut() {
            for _ in 0..errors {
                let i = (rng(&mut state) % 175) as usize;
                let d = 1.0 + (rng(&mut state) % 9) as f64;
                set(t, i, |v| Value::Number(v.as_number().unwrap_or(0.0) + d));
            }
        }
        out.push((format!("random-{errors}"), r));
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("repair");
    for (name, r) in cases() {
        let (req, app) = (r.tables.requests.as_ref(), r.tables.appeals.as_ref());
        let once = repair::solve(req, app, r.facts.single_other);
        eprintln!(
            "{name}: {} changes, {} minimum repairs, exhausted: {}",
            once.changes.len(),
            once.count,
            once.exhausted
        );
        g.bench_with_input(BenchmarkId::from_parameter(&name), &r, |b, r| {
            b.iter(|| {
                repair::solve(
                    r.tables.requests.as_ref(),
                    r.tables.appeals.as_ref(),
                    r.facts.single_other,
                )
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
