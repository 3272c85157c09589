//! Where the fixtures are and how a test reads them.
//!
//! - [`shared`]: the repository's `tests/fixtures` (the seed reports, the published reports,
//!   the corpus), used by every crate's tests;
//! - [`local`]: this crate's `tests/fixtures` (base reports, layouts, rule cases, narrative
//!   cases, pages, PDFs).
//!
//! The seeds are what `tests/fixtures/seeds/` holds, read from the folder: a seed added there
//! is checked by every test that goes through [`seeds`].

// A test fails by panicking: a fixture that cannot be read says which.
#![allow(clippy::panic)]

use std::path::{Path, PathBuf};

use gouji_core::{check_bytes, Report};

/// A path in the repository's `tests/fixtures`.
pub fn shared(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(rel)
}

/// A path in this crate's `tests/fixtures`.
pub fn local(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn text(path: &Path) -> String {
    String::from_utf8(bytes(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files of a folder (not its subfolders), sorted; those whose name ends with `ending`
/// when it is not empty.
pub fn files(dir: &Path, ending: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| p.to_string_lossy().ends_with(ending))
        .collect();
    out.sort();
    out
}

/// Every seed report (`tests/fixtures/seeds/*.txt`), in the order of their names.
pub fn seeds() -> Vec<PathBuf> {
    let seeds = files(&shared("seeds"), ".txt");
    assert!(!seeds.is_empty(), "no seed in tests/fixtures/seeds");
    seeds
}

/// The seed whose file name starts with `name` ("000", or the whole name).
pub fn seed_path(name: &str) -> PathBuf {
    seeds()
        .into_iter()
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(name))
        })
        .unwrap_or_else(|| panic!("no seed {name} in tests/fixtures/seeds"))
}

/// The text of the seed whose file name starts with `name`.
pub fn seed(name: &str) -> String {
    text(&seed_path(name))
}

/// A base report of `fixtures/base/` ("gb2021-pipe.txt").
pub fn base(name: &str) -> String {
    text(&local("base").join(name))
}

/// The report of a file, read as the command reads it.
pub fn report(path: &Path) -> Report {
    check_bytes(&bytes(path)).report
}

/// Every fixture file a report can be read from: the seeds, the published reports (text and
/// PDF), the base reports and their layouts, the saved pages.
pub fn report_files() -> Vec<PathBuf> {
    let mut out = seeds();
    out.extend(files(&shared("reports"), ""));
    for dir in ["base", "layouts", "html"] {
        out.extend(files(&local(dir), ""));
    }
    out
}
