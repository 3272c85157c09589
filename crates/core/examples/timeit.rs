//! Rough timing of `check` on files: `cargo run --release -p gouji-core --example timeit -- FILE...`.
//! A developer's aid while profiling; the figures that count come from `cargo bench`.
//! `TIMEIT_RUNS` sets the runs per file (200), e.g. 10 under `valgrind --tool=callgrind`.

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let n: u32 = std::env::var("TIMEIT_RUNS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200);
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(gouji_core::check(std::hint::black_box(&text)));
        }
        let per = t.elapsed() / n;
        println!("{path}: {} bytes, {per:?} per check", text.len());
    }
}
