//! Extraction + checking of each seed report and each PDF text extraction, natively; of a
//! 1 MB report (a seed's narrative repeated, then its tables); and of the HTML fixtures, with
//! one page repeated to 1, 4 and 16 MB to show the time grows linearly with the size of a page.
//! `cargo bench -p gouji-core --bench check`

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn inputs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut out = Vec::new();
    for dir in ["seeds", "reports"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if let Ok(text) = std::fs::read_to_string(&p) {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                out.push((name, text));
            }
        }
    }
    out
}

/// A 1 MB report as a long one is: the title, the narrative of section 一 of seed 000
/// repeated until the report reaches 1 MB, then the seed's tables and closing sections once.
fn big_report(inputs: &[(String, String)]) -> Option<(String, String)> {
    let (_, seed) = inputs.iter().find(|(n, _)| n.starts_with("000_"))?;
    let tables = seed.find("二、主动公开政府信息情况")?;
    let (title, narrative) = seed[..tables].split_once('\n')?;
    let mut big = format!("{title}\n");
    while big.len() + seed.len() - tables < 1 << 20 {
        big.push_str(narrative);
    }
    big.push_str(&seed[tables..]);
    Some(("report-1MB".into(), big))
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    let mut inputs = inputs();
    inputs.extend(big_report(&inputs));
    for (name, text) in inputs {
        if text.len() > 100_000 {
            g.sample_size(20);
        }
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, t| {
            b.iter(|| gouji_core::check(t))
        });
    }
    g.finish();
}

fn bench_html(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if let Ok(bytes) = std::fs::read(&p) {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                pages.push((name, bytes));
            }
        }
    }
    let official = pages
        .iter()
        .find(|(n, _)| n == "gb2021-official.html")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    let body = official.find("<body>").map_or(0, |i| i + "<body>".len());
    for mb in [1, 4, 16] {
        let mut big = official[..body].to_string();
        while big.len() < mb << 20 {
            big.push_str(&official[body..]);
        }
        pages.push((format!("official-repeated-{mb}MB"), big.into_bytes()));
    }
    let mut g = c.benchmark_group("html");
    g.sample_size(10);
    for (name, bytes) in &pages {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, t| {
            b.iter(|| gouji_core::check_html(t))
        });
    }
    g.finish();
}

criterion_group!(benches, bench, bench_html);
criterion_main!(benches);
