//! Reading PDFs of 1 to 200 pages natively, to show the time grows linearly with the pages:
//! the corpus's Chromium and Writer PDFs (tests/fixtures/corpus/*/{chromium,writer}.pdf),
//! taken in turn and joined with poppler's `pdfunite` until a file has at least 10, 50, 100
//! and 200 pages; and the first page alone (`pdfseparate`). The files are made at every run
//! into target/bench/pages/ (never into git), named by their number of pages. Two groups:
//! `pdf_read` (the text layer read: `read_bytes_as`) and `pdf_check` (read and checked:
//! `check_bytes`, as `gouji check` does); criterion's throughput is pages per second.
//! Without poppler-utils the bench says so and measures nothing.
//! `cargo bench -p gouji-core --bench pages`

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gouji_core::InputKind;

/// The sizes made, in pages (at least; a file is joined whole).
const SIZES: [usize; 5] = [1, 10, 50, 100, 200];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The number of pages of a PDF, as `pdfinfo` says.
fn pages_of(pdf: &Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))?
        .trim()
        .parse()
        .ok()
}

fn run(cmd: &mut Command) -> bool {
    cmd.output().is_ok_and(|o| o.status.success())
}

/// The corpus's PDFs in a fixed order (each page's Chromium PDF, then its Writer PDF), with
/// their pages.
fn sources() -> Vec<(PathBuf, usize)> {
    let corpus = root().join("tests/fixtures/corpus");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    dirs.sort();
    dirs.iter()
        .flat_map(|d| [d.join("chromium.pdf"), d.join("writer.pdf")])
        .filter(|p| p.is_file())
        .filter_map(|p| {
            let n = pages_of(&p)?;
            Some((p, n))
        })
        .collect()
}

/// Makes the files of every size in `dir`; each as (pages, path).
fn make(dir: &Path) -> Result<Vec<(usize, PathBuf)>, String> {
    if !run(Command::new("pdfunite").arg("-v")) || !run(Command::new("pdfinfo").arg("-v")) {
        return Err(
            "poppler-utils (pdfunite, pdfseparate, pdfinfo) is not installed: \
                    apt-get install poppler-utils"
                .into(),
        );
    }
    let sources = sources();
    if sources.is_empty() {
        return Err("no PDFs in tests/fixtures/corpus".into());
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut made = Vec::new();
    for size in SIZES {
        let (pages, file) = if size == 1 {
            let file = dir.join("pages-1.pdf");
            let pattern = dir.join("first-%d.pdf");
            let ok = run(Command::new("pdfseparate")
                .args(["-f", "1", "-l", "1"])
                .arg(&sources[0].0)
                .arg(&pattern))
                && std::fs::rename(dir.join("first-1.pdf"), &file).is_ok();
            if !ok {
                return Err("pdfseparate failed".into());
            }
            (1, file)
        } else {
            let mut parts = Vec::new();
            let mut pages = 0;
            for (path, n) in sources.iter().cycle() {
                if pages >= size {
                    break;
                }
                parts.push(path.clone());
                pages += n;
            }
            let file = dir.join(format!("pages-{pages}.pdf"));
            // pdfunite needs two files at least; one file of enough pages is used as it is.
            let ok = if parts.len() == 1 {
                std::fs::copy(&parts[0], &file).is_ok()
            } else {
                run(Command::new("pdfunite").args(&parts).arg(&file))
            };
            if !ok {
                return Err(format!("pdfunite failed for {pages} pages"));
            }
            (pages, file)
        };
        if pages_of(&file) != Some(pages) {
            return Err(format!("{} does not have {pages} pages", file.display()));
        }
        made.push((pages, file));
    }
    Ok(made)
}

fn bench(c: &mut Criterion) {
    let dir = root().join("target/bench/pages");
    let files = match make(&dir) {
        Ok(files) => files,
        Err(why) => {
            eprintln!("pages: skipped, {why}");
            return;
        }
    };
    let inputs: Vec<(usize, Vec<u8>)> = files
        .iter()
        .filter_map(|(pages, path)| Some((*pages, std::fs::read(path).ok()?)))
        .collect();
    for group in ["pdf_read", "pdf_check"] {
        let mut g = c.benchmark_group(group);
        // A 200-page file takes about a tenth of a second: ten samples are enough.
        g.sample_size(10);
        for (pages, bytes) in &inputs {
            g.throughput(Throughput::Elements(*pages as u64));
            let id = BenchmarkId::from_parameter(format!("pages-{pages}"));
            if group == "pdf_read" {
                g.bench_with_input(id, bytes, |b, bytes| {
                    b.iter(|| gouji_core::read_bytes_as(bytes, InputKind::Auto))
                });
            } else {
                g.bench_with_input(id, bytes, |b, bytes| {
                    b.iter(|| gouji_core::check_bytes(bytes))
                });
            }
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
