//! Rough timing of `check` on files: `cargo run --release -p gouji-core --example timeit -- FILE...`.
//! A developer's aid while profiling; the figures that count come from `cargo bench`.

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let n = 200;
        let t = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(gouji_core::check(std::hint::black_box(&text)));
        }
        let per = t.elapsed() / n;
        println!("{path}: {} bytes, {per:?} per check", text.len());
    }
}
