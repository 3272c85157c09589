//! Running commands: each is printed before it runs, and a failure names the command.

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// Why a task stopped, for the user.
#[derive(Debug)]
pub struct Failure(pub String);

/// Prints the heading of a step.
pub fn step(title: &str) {
    println!("\n==> {title}");
    // Headings must come before the output of the commands they announce.
    let _ = std::io::stdout().flush();
}

/// Prints what is being done, for steps that are not a single command.
pub fn say(text: &str) {
    println!("    {text}");
    let _ = std::io::stdout().flush();
}

/// A command to run, with no standard input (CI has none) and the output shown as it comes.
pub struct Cmd {
    command: Command,
    shown: String,
    quiet: bool,
}

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>) -> Cmd {
        let program = program.as_ref();
        let mut command = Command::new(program);
        command.stdin(Stdio::null());
        Cmd {
            command,
            shown: program.to_string_lossy().into_owned(),
            quiet: false,
        }
    }

    /// The cargo that runs this task (so rustup's toolchain choice holds).
    pub fn cargo() -> Cmd {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut cmd = Cmd::new(cargo);
        cmd.shown = "cargo".into();
        cmd
    }

    pub fn args<I, S>(mut self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            let arg = arg.as_ref();
            let _ = write!(self.shown, " {}", arg.to_string_lossy());
            self.command.arg(arg);
        }
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cmd {
        self.command.env(key, value);
        self
    }

    pub fn dir(mut self, dir: &Path) -> Cmd {
        self.command.current_dir(dir);
        self
    }

    /// Neither print the command nor show its output (for probes).
    pub fn quiet(mut self) -> Cmd {
        self.quiet = true;
        self.command.stdout(Stdio::null()).stderr(Stdio::null());
        self
    }

    /// Runs the command; fails unless it exits with success.
    pub fn run(mut self) -> Result<(), Failure> {
        self.announce();
        match self.command.status() {
            Ok(status) if status.success() => Ok(()),
            Ok(status) => Err(Failure(format!("`{}` failed ({status})", self.shown))),
            Err(e) => Err(Failure(format!("cannot run `{}`: {e}", self.shown))),
        }
    }

    /// Replaces this process with the command (for long-running servers: signals reach it
    /// directly). Returns only if it cannot be started.
    pub fn exec(mut self) -> Failure {
        use std::os::unix::process::CommandExt;
        self.announce();
        let error = self.command.exec();
        Failure(format!("cannot run `{}`: {error}", self.shown))
    }

    /// Runs the command; whether it exited with success.
    pub fn succeeds(mut self) -> bool {
        self.announce();
        self.command.status().map(|s| s.success()).unwrap_or(false)
    }

    /// Runs the command quietly; its standard output and error together, when it succeeded.
    pub fn output(mut self) -> Option<String> {
        let out = self
            .command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        Some(text)
    }

    fn announce(&self) {
        if !self.quiet {
            println!("$ {}", self.shown);
            let _ = std::io::stdout().flush();
        }
    }
}

/// Prints the size of each file of dist/, with the gzip size of the WebAssembly and JavaScript
/// when a `gzip` command exists.
pub fn report_sizes(dist: &Path) {
    report_folder(dist, "dist/");
}

/// Prints the size of each file of a folder, under `label`, as [`report_sizes`] does.
pub fn report_folder(dist: &Path, label: &str) {
    let Ok(entries) = std::fs::read_dir(dist) else {
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    println!("\n{label}:");
    for file in files {
        let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let zipped = match file.extension().and_then(OsStr::to_str) {
            Some("wasm" | "js") => gzip_size(&file)
                .map(|n| format!(", gzip {}", kib(n)))
                .unwrap_or_default(),
            _ => String::new(),
        };
        println!("  {name:<48} {}{zipped}", kib(size));
    }
}

pub fn gzip_size(file: &Path) -> Option<u64> {
    let out = Command::new("gzip")
        .arg("-9")
        .arg("-c")
        .arg(file)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

pub fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
