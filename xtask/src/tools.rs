//! Making sure the tools are there: each is looked up (on PATH, at the pinned version) and
//! installed only when missing. Everything installed comes from a package registry (crates.io,
//! npm, Debian), never from a download of release binaries: Trunk is pinned (Trunk.toml) to the
//! same versions, so it finds these on PATH and never downloads anything itself.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::run::{say, step, Cmd, Failure};

/// Must match `trunk-version` in Trunk.toml.
const TRUNK: &str = "0.21.14";
/// Must match the `wasm-bindgen` pin in Cargo.toml and `wasm_bindgen` in Trunk.toml.
const WASM_BINDGEN: &str = "0.2.130";
/// Must match `wasm_opt = "version_132"` in Trunk.toml. Debian's binaryen is older; npm's
/// `binaryen` package has this version.
const BINARYEN: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Where tools installed by npm for this project live (wasm-opt), ahead of the system's on PATH.
fn npm_prefix(root: &Path) -> PathBuf {
    root.join("target/tools/npm")
}

/// The wasm32 target, trunk, wasm-bindgen-cli and wasm-opt.
pub fn ensure_build_tools(root: &Path) -> Result<(), Failure> {
    step("tools for building the web app");
    set_path(root)?;
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK, &["--locked"], " (a few minutes)")?;
    // Without --locked: the crate's lock file names a dependency version the registry lacks.
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", WASM_BINDGEN, &[], "")?;
    ensure_wasm_opt(root)
}

/// Chromium (and chromedriver), a Chinese font for screenshots, and playwright-core. Returns
/// the Chromium to drive.
pub fn ensure_browser_tools(root: &Path) -> Result<PathBuf, Failure> {
    step("tools for the browser tests");
    match Cmd::new("node").args(["--version"]).output() {
        Some(v) => say(&format!("node {}: found", v.trim())),
        None => {
            return Err(Failure(
                "Node.js (with npm) is needed for the browser tests; install it first".into(),
            ))
        }
    }

    let chromium = std::env::var_os("GOUJI_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| which("chromium"));
    let mut packages = Vec::new();
    match &chromium {
        Some(path) => say(&format!("chromium: found at {}", path.display())),
        None => packages.push("chromium"),
    }
    match which("chromedriver") {
        Some(path) => say(&format!("chromedriver: found at {}", path.display())),
        None => packages.push("chromium-driver"),
    }
    // Without a CJK font, Chinese text in screenshots shows as boxes.
    let cjk = Cmd::new("fc-list")
        .args([":lang=zh", "family"])
        .output()
        .is_some_and(|o| !o.trim().is_empty());
    if cjk {
        say("a Chinese font: found");
    } else {
        packages.push("fonts-noto-cjk");
    }
    if !packages.is_empty() {
        apt_install(&packages)?;
    }
    let chromium = match chromium.or_else(|| which("chromium")) {
        Some(path) => path,
        None => {
            return Err(Failure(
                "chromium is still not on PATH after installing it".into(),
            ))
        }
    };

    ensure_playwright(&root.join("tests/browser"))?;
    Ok(chromium)
}

/// LibreOffice Writer, for `renderings` only (never for `test`: the renderings are committed).
/// Returns the `soffice` to run.
pub fn ensure_writer() -> Result<PathBuf, Failure> {
    step("LibreOffice Writer, for the .docx and Writer's PDF of each page");
    if let Some(path) = which("soffice") {
        say(&format!("soffice: found at {}", path.display()));
        return Ok(path);
    }
    apt_install(&["libreoffice-writer"])?;
    which("soffice").ok_or_else(|| {
        Failure("soffice is still not on PATH after installing libreoffice-writer".into())
    })
}

/// What `test` opens the workbook with: Python's openpyxl and LibreOffice Calc, each installed
/// (apt-get) only when absent. Returns the `soffice` to run.
pub fn ensure_workbook_readers() -> Result<PathBuf, Failure> {
    step("openpyxl and LibreOffice Calc, to open the --xlsx workbook");
    let openpyxl = Cmd::new("/usr/bin/python3")
        .args(["-c", "import openpyxl"])
        .quiet()
        .succeeds();
    let calc = Cmd::new("dpkg-query")
        .args(["-W", "-f=${Status}", "libreoffice-calc"])
        .output()
        .is_some_and(|status| status.contains("install ok installed"));
    let mut missing = Vec::new();
    if !openpyxl {
        missing.push("python3-openpyxl");
    }
    if !calc || which("soffice").is_none() {
        missing.push("libreoffice-calc");
    }
    if missing.is_empty() {
        say("python3-openpyxl, libreoffice-calc: found");
    } else {
        apt_install(&missing)?;
    }
    which("soffice").ok_or_else(|| {
        Failure("soffice is still not on PATH after installing libreoffice-calc".into())
    })
}

/// poppler-utils (`pdfunite`, `pdfseparate`, `pdfinfo`), which the bench's PDFs of many pages
/// are made with. Only looked up, never installed: the bench runs without a network, and
/// without poppler only that part is skipped. Whether it is there.
pub fn poppler() -> bool {
    let missing: Vec<&str> = ["pdfunite", "pdfseparate", "pdfinfo"]
        .into_iter()
        .filter(|bin| which(bin).is_none())
        .collect();
    if missing.is_empty() {
        say("poppler-utils (pdfunite, pdfseparate, pdfinfo): found");
        true
    } else {
        say(&format!(
            "poppler-utils: {} not on PATH, so the PDFs of many pages are not measured \
             (apt-get install poppler-utils)",
            missing.join(", ")
        ));
        false
    }
}

/// PATH for this task and everything it runs: the project's npm tools, then cargo's bin folder
/// (where `cargo install` puts trunk and wasm-bindgen), then the rest.
fn set_path(root: &Path) -> Result<(), Failure> {
    let mut dirs = vec![npm_prefix(root).join("bin")];
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(home) = cargo_home {
        dirs.push(home.join("bin"));
    }
    let old = std::env::var_os("PATH").unwrap_or_default();
    dirs.extend(
        std::env::split_paths(&old)
            .filter(|d| !dirs.contains(d))
            .collect::<Vec<_>>(),
    );
    let path: OsString =
        std::env::join_paths(dirs).map_err(|e| Failure(format!("cannot build PATH: {e}")))?;
    // Edition 2021: set_var is a safe function; this task is single-threaded.
    std::env::set_var("PATH", path);
    Ok(())
}

fn ensure_wasm_target() -> Result<(), Failure> {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == WASM_TARGET) => {
            say(&format!("rust target {WASM_TARGET}: installed"));
            Ok(())
        }
        Some(_) => {
            say(&format!("rust target {WASM_TARGET}: missing; adding it"));
            Cmd::new("rustup")
                .args(["target", "add", WASM_TARGET])
                .run()
        }
        None => Err(Failure(format!(
            "rustup is not on PATH, so the {WASM_TARGET} target cannot be checked or added; \
             install Rust with rustup (https://rustup.rs), or add the target yourself"
        ))),
    }
}

/// A tool installed with `cargo install <krate> --version <version>`, whose `--version` output
/// reads `<bin> <version>`.
fn ensure_cargo_tool(
    bin: &str,
    krate: &str,
    version: &str,
    flags: &[&str],
    note: &str,
) -> Result<(), Failure> {
    let found = version_word(bin, 1);
    if found.as_deref() == Some(version) {
        say(&format!("{bin} {version}: found"));
        return Ok(());
    }
    let why = found
        .map(|v| format!("found {v}, need {version}"))
        .unwrap_or_else(|| "not on PATH".into());
    say(&format!(
        "{bin} {version}: {why}; installing it from crates.io{note}"
    ));
    Cmd::cargo()
        .args(["install", krate, "--version", version])
        .args(flags)
        .run()?;
    match version_word(bin, 1) {
        Some(v) if v == version => Ok(()),
        other => Err(Failure(format!(
            "installed {krate} {version}, but `{bin} --version` now says {}; is another {bin} earlier on PATH?",
            other.unwrap_or_else(|| "nothing".into())
        ))),
    }
}

/// wasm-opt from npm's `binaryen` package, into the project's own prefix (so neither the system's
/// older wasm-opt nor its global npm folder is touched). Its `--version` reads
/// `wasm-opt version 132 (version_132)`.
fn ensure_wasm_opt(root: &Path) -> Result<(), Failure> {
    let found = version_word("wasm-opt", 2);
    if found.as_deref() == Some(BINARYEN) {
        say(&format!("wasm-opt version {BINARYEN}: found"));
        return Ok(());
    }
    let why = found
        .map(|v| format!("found version {v}"))
        .unwrap_or_else(|| "not on PATH".into());
    say(&format!("wasm-opt version {BINARYEN}: {why}; installing binaryen@{BINARYEN} from npm into target/tools/npm"));
    if which("npm").is_none() {
        return Err(Failure(
            "npm is needed to install wasm-opt (binaryen); install Node.js with npm first".into(),
        ));
    }
    let prefix = npm_prefix(root);
    Cmd::new("npm")
        .args(["install", "--global", "--no-audit", "--no-fund", "--prefix"])
        .args([&prefix])
        .args([format!("binaryen@{BINARYEN}")])
        .run()?;
    match version_word("wasm-opt", 2) {
        Some(v) if v == BINARYEN => Ok(()),
        other => Err(Failure(format!(
            "installed binaryen@{BINARYEN}, but `wasm-opt --version` says version {}",
            other.unwrap_or_else(|| "nothing".into())
        ))),
    }
}

/// playwright-core (only the library: it drives the system's Chromium, and never downloads a
/// browser), as locked in tests/browser/package-lock.json.
fn ensure_playwright(dir: &Path) -> Result<(), Failure> {
    let wanted = std::fs::read_to_string(dir.join("package.json"))
        .ok()
        .and_then(|t| json_string_after(&t, "playwright-core").map(str::to_owned));
    let Some(wanted) = wanted else {
        return Err(Failure(
            "tests/browser/package.json does not name a playwright-core version".into(),
        ));
    };
    let installed = std::fs::read_to_string(dir.join("node_modules/playwright-core/package.json"))
        .ok()
        .and_then(|t| json_string_after(&t, "version").map(str::to_owned));
    if installed.as_deref() == Some(wanted.as_str()) {
        say(&format!(
            "playwright-core {wanted}: installed in tests/browser"
        ));
        return Ok(());
    }
    say(&format!(
        "playwright-core {wanted}: not installed in tests/browser; installing it from npm"
    ));
    let install = if dir.join("package-lock.json").is_file() {
        "ci"
    } else {
        "install"
    };
    Cmd::new("npm")
        .args([install, "--no-audit", "--no-fund"])
        .dir(dir)
        .run()
}

fn apt_install(packages: &[&str]) -> Result<(), Failure> {
    let list = packages.join(" ");
    if which("apt-get").is_none() {
        return Err(Failure(format!(
            "missing: {list}, and there is no apt-get to install them with; install them yourself \
             (set GOUJI_CHROMIUM to the Chromium executable if it is not `chromium` on PATH)"
        )));
    }
    let root = Cmd::new("id")
        .args(["-u"])
        .output()
        .is_some_and(|id| id.trim() == "0");
    let sudo = !root
        && which("sudo").is_some()
        && Cmd::new("sudo").args(["-n", "true"]).quiet().succeeds();
    if !root && !sudo {
        return Err(Failure(format!(
            "missing: {list}; installing them needs root: sudo apt-get install -y {list}"
        )));
    }
    say(&format!("missing: {list}; installing with apt-get"));
    let apt = |args: &[&str]| {
        let cmd = if sudo {
            Cmd::new("sudo").args(["apt-get"])
        } else {
            Cmd::new("apt-get")
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive")
    };
    apt(&["update"]).run()?;
    apt(&["install", "-y"]).args(packages).run()
}

/// Word `n` (from 0) of `<bin> --version`, when the command runs.
fn version_word(bin: &str, n: usize) -> Option<String> {
    which(bin)?;
    let out = Cmd::new(bin).args(["--version"]).output()?;
    out.lines()
        .next()?
        .split_whitespace()
        .nth(n)
        .map(str::to_owned)
}

/// The first executable file called `name` on PATH.
fn which(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// The string value after `"key"` and a colon in a JSON text (enough for package.json files).
fn json_string_after<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let quoted = format!("\"{key}\"");
    let rest = &text[text.find(&quoted)? + quoted.len()..];
    let rest = rest
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}

/// Nightly Rust (needed, not installed: a toolchain is the machine owner's choice) and
/// cargo-fuzz (installed from crates.io when missing), for `cargo xtask fuzz`.
pub fn ensure_fuzz_tools() -> Result<(), Failure> {
    step("fuzzing tools");
    match Cmd::new("cargo").args(["+nightly", "--version"]).output() {
        Some(v) => say(&format!("nightly Rust: found ({})", v.trim())),
        None => {
            return Err(Failure(
                "fuzzing needs nightly Rust (cargo-fuzz builds with sanitizers), and \
                 `cargo +nightly --version` does not run. Install it with\n\n    \
                 rustup toolchain install nightly --profile minimal\n\nthen run `cargo xtask fuzz` again."
                    .into(),
            ))
        }
    }
    ensure_cargo_tool("cargo-fuzz", "cargo-fuzz", "0.13.2", &["--locked"], "")
}

#[cfg(test)]
mod tests {
    use super::json_string_after;

    #[test]
    fn reads_package_json_strings() {
        let json = r#"{ "name": "x", "devDependencies": { "playwright-core": "1.65.1" }, "version" : "2.0.0" }"#;
        assert_eq!(json_string_after(json, "playwright-core"), Some("1.65.1"));
        assert_eq!(json_string_after(json, "version"), Some("2.0.0"));
        assert_eq!(json_string_after(json, "missing"), None);
        assert_eq!(json_string_after(r#"{"version": 3}"#, "version"), None);
    }
}
