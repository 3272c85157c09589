//! The project's tasks, run as `cargo xtask <task>` (an alias in .cargo/config.toml):
//!
//! - `serve`: install what is missing, then `trunk serve` the web app on http://127.0.0.1:8080/.
//! - `test`:  install what is missing, then every check, in order: formatting (advisory), the
//!   native tests, the core for wasm32, the release build of the web app, the browser tests.
//! - `dist`:  install what is missing, then build the web app for release into dist/, with the
//!   JavaScript API for other pages (dist/js/, see embed.rs) and the one-file offline page
//!   (dist/gouji.html, see single.rs).
//! - `bench`: how fast the checker is, against the project's targets (see bench.rs and
//!   BENCHMARKS.md); `bench --check` fails when the bundle or the redraw got slower than
//!   recorded, `bench --record` records them.
//! - `renderings`: every rendering of each corpus report (tests/fixtures/corpus/: Chromium's
//!   PDF and innerText, Writer's .docx and PDF, the page in GBK), and the seeds as pages; see
//!   renderings.rs. Only this task installs LibreOffice Writer.
//! - `fuzz [SECONDS]`: run each fuzz target of fuzz/ for SECONDS (default 30), one after
//!   another, on a corpus seeded from the fixtures; nightly Rust is needed (a clear message
//!   when it is absent), cargo-fuzz is installed when missing. CI runs `fuzz 30` after `test`.
//!
//! Tools are looked up on PATH first and installed only when absent or at another version, so
//! a fresh machine (Debian, rustup, Node.js with npm, root) needs nothing but package
//! registries. Standard library only, to build in seconds.

mod bench;
mod embed;
mod renderings;
mod run;
mod single;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use run::{step, Cmd, Failure};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  serve [--port N]   build the web app and serve it on http://127.0.0.1:8080/ (or port N)
  test               every check: native tests, wasm build, release build, browser tests
  dist               build the web app for release into dist/, with the JavaScript API
                     (dist/js/) and the one-file offline page (dist/gouji.html)
  renderings         write every rendering of each report of tests/fixtures/corpus/ (Chromium's
                     PDF and innerText, LibreOffice Writer's .docx and PDF, GBK), the seeds
                     as official-layout pages first; installs LibreOffice Writer if missing

  fuzz [SECONDS]     run each fuzz target (fuzz/) for SECONDS (default 30) with cargo-fuzz
                     on nightly, its corpus seeded from the test fixtures
  bench [PART...]    how fast: native (criterion), cli (10 000 reports), wasm (the core in
                     Chromium), app (bundle size, keystroke-to-redraw, first render); all
                     parts by default. Figures: target/bench/figures.txt; see BENCHMARKS.md
  bench --check      the bundle's size and the redraw against xtask/bench-recorded.txt;
                     fails when one is more than 20 % worse
  bench --record     measure the same and write xtask/bench-recorded.txt

Missing tools (the wasm32 target, trunk, wasm-bindgen-cli, wasm-opt; for `test` also
Chromium, a CJK font and playwright-core; for `renderings` also LibreOffice Writer) are
installed first, saying what is done.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => port(&args[1..]).and_then(serve),
        Some("test") if args.len() == 1 => test(),
        Some("dist") if args.len() == 1 => dist(),
        Some("renderings") if args.len() == 1 => root().and_then(|root| renderings::run(&root)),
        Some("fuzz") if args.len() <= 2 => fuzz(args.get(1).map(String::as_str)),
        Some("bench") => root().and_then(|root| bench::run(&root, &args[1..])),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(Failure(format!(
            "unknown or missing task: {}\n\n{USAGE}",
            args.join(" ")
        ))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn port(args: &[String]) -> Result<u16, Failure> {
    match args {
        [] => Ok(8080),
        [flag, n] if flag == "--port" => n
            .parse()
            .map_err(|_| Failure(format!("--port needs a number from 1 to 65535, not {n:?}"))),
        _ => Err(Failure(format!(
            "serve takes only --port N, not {:?}\n\n{USAGE}",
            args.join(" ")
        ))),
    }
}

/// The repository's root: the folder above xtask/.
fn root() -> Result<PathBuf, Failure> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest
        .parent()
        .ok_or_else(|| Failure("xtask/ has no parent folder".into()))?;
    std::env::set_current_dir(root)
        .map_err(|e| Failure(format!("cannot enter {}: {e}", root.display())))?;
    Ok(root.to_path_buf())
}

fn serve(port: u16) -> Result<(), Failure> {
    let root = root()?;
    tools::ensure_build_tools(&root)?;
    step(&format!(
        "serving the web app on http://127.0.0.1:{port}/ (Ctrl+C stops)"
    ));
    Err(Cmd::new("trunk")
        .args([
            "serve",
            "--address",
            "127.0.0.1",
            "--port",
            &port.to_string(),
        ])
        .exec())
}

fn dist() -> Result<(), Failure> {
    let root = root()?;
    tools::ensure_build_tools(&root)?;
    build_release(&root)?;
    println!("\ndist/ is ready: copy the folder to any static host (any path works).");
    Ok(())
}

fn test() -> Result<(), Failure> {
    let root = root()?;
    tools::ensure_build_tools(&root)?;
    let browser = root.join("tests/browser/run.mjs").is_file();
    let chromium = if browser {
        Some(tools::ensure_browser_tools(&root)?)
    } else {
        None
    };

    step("checking formatting: cargo fmt --all -- --check (advisory, never fails the run)");
    if Cmd::cargo().args(["fmt", "--version"]).quiet().succeeds() {
        if !Cmd::cargo()
            .args(["fmt", "--all", "--", "--check", "-l"])
            .succeeds()
        {
            println!("note: the files listed above are not formatted as `cargo fmt --all` would; not a failure.");
        }
    } else {
        println!("note: rustfmt is not installed; skipped (rustup component add rustfmt).");
    }

    step("native tests: cargo test --workspace");
    Cmd::cargo().args(["test", "--workspace"]).run()?;

    step("the workbook in openpyxl and LibreOffice Calc: tests/xlsx/check.py (seeds and corpus)");
    let soffice = tools::ensure_workbook_readers()?;
    Cmd::cargo().args(["build", "-p", "gouji-cli"]).run()?;
    let pages = corpus_pages(&root)?;
    Cmd::new("/usr/bin/python3")
        .args([
            "tests/xlsx/check.py".as_ref(),
            root.join("target/debug/gouji").as_os_str(),
        ])
        .args([soffice.as_os_str(), "tests/fixtures/seeds".as_ref()])
        .args(pages.iter().map(|p| p.as_os_str()))
        .run()?;

    step("the core for WebAssembly: cargo build -p gouji-core --target wasm32-unknown-unknown");
    Cmd::cargo()
        .args([
            "build",
            "-p",
            "gouji-core",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .run()?;

    build_release(&root)?;

    match chromium {
        // The browser tests' closing line (`browser: N passed, 0 failed`) closes the run.
        Some(chromium) => {
            step("browser tests: node tests/browser/run.mjs (Chromium, dist/ served on 127.0.0.1)");
            Cmd::new("node")
                .args([
                    "tests/browser/run.mjs",
                    "--dist",
                    "dist",
                    "--screenshots",
                    "tests/browser/screenshots",
                ])
                .env("GOUJI_CHROMIUM", &chromium)
                .run()
        }
        None => {
            println!(
                "\nno browser tests (tests/browser/run.mjs is absent); all other checks passed"
            );
            Ok(())
        }
    }
}

/// Every corpus page (`tests/fixtures/corpus/*/page.html`), from the repository's root, sorted.
fn corpus_pages(root: &Path) -> Result<Vec<PathBuf>, Failure> {
    let corpus = Path::new("tests/fixtures/corpus");
    let dirs = std::fs::read_dir(root.join(corpus))
        .map_err(|e| Failure(format!("{}: {e}", corpus.display())))?;
    let mut pages: Vec<PathBuf> = dirs
        .filter_map(|e| e.ok())
        .map(|e| corpus.join(e.file_name()).join("page.html"))
        .filter(|p| root.join(p).is_file())
        .collect();
    pages.sort();
    Ok(pages)
}

/// `trunk build --release` into dist/, then the sizes of what a browser downloads; then the
/// JavaScript API (dist/js/, dist/embed/) and the one-file page (dist/gouji.html), which Trunk
/// would remove if they were made before it.
pub(crate) fn build_release(root: &Path) -> Result<(), Failure> {
    step("the web app, release build: trunk build --release (into dist/)");
    Cmd::new("trunk").args(["build", "--release"]).run()?;
    run::report_sizes(&root.join("dist"));
    embed::build(root)?;
    single::build(root)
}

/// A fuzz target of fuzz/ and the fixtures its corpus starts from: folders, and the file
/// name endings taken from them (all files when empty).
struct FuzzTarget {
    name: &'static str,
    seeds: &'static [&'static str],
    endings: &'static [&'static str],
}

const TEXT_SEEDS: &[&str] = &[
    "tests/fixtures/seeds",
    "tests/fixtures/reports",
    "crates/core/tests/fixtures/base",
    "crates/core/tests/fixtures/layouts",
    "crates/core/tests/fixtures/cases",
];

const FUZZ_TARGETS: [FuzzTarget; 3] = [
    // Any bytes: text in every encoding, pages, PDFs.
    FuzzTarget {
        name: "check_bytes",
        seeds: &[
            "tests/fixtures/seeds",
            "tests/fixtures/reports",
            "crates/core/tests/fixtures/base",
            "crates/core/tests/fixtures/layouts",
            "crates/core/tests/fixtures/cases",
            "crates/core/tests/fixtures/html",
        ],
        endings: &[],
    },
    FuzzTarget {
        name: "text_cells",
        seeds: TEXT_SEEDS,
        endings: &[".txt", ".case"],
    },
    FuzzTarget {
        name: "html",
        seeds: &["crates/core/tests/fixtures/html", "tests/browser/fixtures"],
        endings: &[".html", ".htm"],
    },
];

/// Seconds one input may take before libFuzzer calls it a hang and stops with the input
/// saved. Inputs take well under a second each with sanitizers (the slowest fixture, a
/// 400 KB PDF, too); the margin is for a shared machine, where a niced run can be starved
/// for many seconds by other work.
const FUZZ_TIMEOUT: u32 = 60;

fn fuzz(seconds: Option<&str>) -> Result<(), Failure> {
    let seconds: u32 = match seconds {
        None => 30,
        Some(s) => s
            .parse()
            .map_err(|_| Failure(format!("fuzz takes a number of seconds, not {s:?}")))?,
    };
    let root = root()?;
    tools::ensure_fuzz_tools()?;
    for target in &FUZZ_TARGETS {
        let corpus = root.join("fuzz/corpus").join(target.name);
        std::fs::create_dir_all(&corpus)
            .map_err(|e| Failure(format!("cannot make {}: {e}", corpus.display())))?;
        let mut seeded = 0;
        for dir in target.seeds {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let from = entry.path();
                let name = entry.file_name().to_string_lossy().into_owned();
                let wanted =
                    target.endings.is_empty() || target.endings.iter().any(|e| name.ends_with(e));
                if from.is_file() && wanted {
                    std::fs::copy(&from, corpus.join(&name))
                        .map_err(|e| Failure(format!("cannot copy {}: {e}", from.display())))?;
                    seeded += 1;
                }
            }
        }
        step(&format!(
            "fuzz {} for {seconds} s (corpus fuzz/corpus/{0}, {seeded} fixtures added)",
            target.name
        ));
        Cmd::new("cargo")
            .args(["+nightly", "fuzz", "run", target.name])
            .args([corpus.as_os_str()])
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                &format!("-timeout={FUZZ_TIMEOUT}"),
                "-rss_limit_mb=4096",
                "-print_final_stats=1",
            ])
            .dir(&root.join("fuzz"))
            .run()
            .map_err(|Failure(m)| {
                Failure(format!(
                    "{m}\nfuzz target {} found an input that breaks it: see the crash or \
                     timeout file named above (fuzz/artifacts/{0}/); reproduce it with \
                     `cargo +nightly fuzz run {0} <file>` in fuzz/, and keep it as a test in \
                     crates/core/tests/robustness.rs",
                    target.name
                ))
            })?;
    }
    Ok(())
}
