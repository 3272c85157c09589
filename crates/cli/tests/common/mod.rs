//! Run the `gouji` binary the way a user does, from the repository's root (where the shared
//! fixtures are) so that the paths in its output (and in the snapshots) are the relative
//! ones given on the command line.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the command gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The `--format json` document.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The only report of a `--format json` run.
    pub fn report(&self) -> serde_json::Value {
        let doc = self.json();
        let reports = doc["reports"].as_array().expect("reports is an array");
        assert_eq!(reports.len(), 1, "expected one report:\n{}", self.stdout);
        reports[0].clone()
    }
}

/// The repository's root: the fixtures shared by every crate live in its `tests/fixtures`.
pub fn crate_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The tests' one random generator, shared with the core's tests.
#[path = "../../../core/tests/support/rng.rs"]
pub mod rng;

/// The files of a folder of the repository (`tests/fixtures/seeds`) whose names end with
/// `ending`, as paths from the repository's root, sorted.
pub fn fixture_files(dir: &str, ending: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(crate_dir().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(ending))
        .map(|f| format!("{dir}/{f}"))
        .collect();
    files.sort();
    files
}

/// Every seed report, as the folder holds them (`tests/fixtures/seeds/NNN_….txt`).
pub fn seeds() -> Vec<String> {
    let seeds = fixture_files("tests/fixtures/seeds", ".txt");
    assert!(!seeds.is_empty(), "no seed in tests/fixtures/seeds");
    seeds
}

/// The path of the seed whose file name starts with `name` ("000").
pub fn seed(name: &str) -> String {
    seeds()
        .into_iter()
        .find(|p| p.rsplit('/').next().is_some_and(|f| f.starts_with(name)))
        .unwrap_or_else(|| panic!("no seed {name}"))
}

pub fn fixture_bytes(rel: &str) -> Vec<u8> {
    std::fs::read(crate_dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `gouji <args>` with nothing on standard input.
pub fn gouji(args: &[&str]) -> Run {
    gouji_with_stdin(args, None)
}

pub fn gouji_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .current_dir(crate_dir())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gouji binary runs");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        let bytes = bytes.to_vec();
        // Write from another thread so a large input cannot deadlock against a full stdout.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let out = child.wait_with_output().expect("gouji finishes");
    Run {
        code: out
            .status
            .code()
            .expect("gouji exited normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `gouji` with absolute paths (for files in a temporary folder).
pub fn gouji_paths(args: &[&str], paths: &[PathBuf]) -> Run {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend(paths.iter().map(|p| p.to_string_lossy().into_owned()));
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    gouji(&refs)
}
