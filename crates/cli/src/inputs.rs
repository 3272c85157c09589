//! From the PATH arguments to the list of reports to check, in a stable order.
//!
//! A file named explicitly is checked whatever its extension. A folder is walked
//! recursively for files ending in .txt, .htm, .html, .pdf, .docx or .doc (the old Word
//! format gets a message asking for .docx or PDF); its files are sorted by the bytes of
//! their paths, so the order does not depend on the file system. `-` is standard input, read
//! once (naming it twice checks the same bytes twice).

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The extensions a folder walk picks up (compared without regard to case).
const EXTENSIONS: [&str; 6] = ["txt", "htm", "html", "pdf", "docx", "doc"];

/// One report to check.
pub struct Input {
    /// The path as given on the command line, or joined under a folder given there; `-` for
    /// standard input.
    pub source: String,
    pub origin: Origin,
}

pub enum Origin {
    File(PathBuf),
    Stdin,
}

/// The inputs found, the bytes of standard input when `-` was named, and a message for each
/// path that could not be read.
pub struct Collected {
    pub inputs: Vec<Input>,
    pub stdin: Option<Vec<u8>>,
    pub failures: Vec<String>,
}

pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut c = Collected {
        inputs: Vec::new(),
        stdin: None,
        failures: Vec::new(),
    };
    // Standard input is read once; when it was refused, naming it again is refused quietly.
    let mut stdin_refused = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if stdin_refused {
                continue;
            }
            if c.stdin.is_none() {
                let mut bytes = Vec::new();
                let limit = gouji_core::MAX_INPUT_BYTES as u64 + 1;
                if let Err(e) = io::stdin().lock().take(limit).read_to_end(&mut bytes) {
                    c.failures
                        .push(format!("gouji: 无法读取标准输入：{}", reason(&e)));
                    continue;
                }
                if bytes.len() > gouji_core::MAX_INPUT_BYTES {
                    c.failures.push(format!(
                        "gouji: 未检查标准输入：超过了 {} MB 的上限（年度报告的文字通常不超过 1 MB，PDF 文件通常不超过几十 MB）",
                        gouji_core::MAX_INPUT_BYTES >> 20
                    ));
                    stdin_refused = true;
                    continue;
                }
                c.stdin = Some(bytes);
            }
            c.inputs.push(Input {
                source: "-".to_string(),
                origin: Origin::Stdin,
            });
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => c.failures.push(unreadable(&display(path), &e)),
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                let mut seen = HashSet::new();
                walk(path, &mut found, &mut seen, &mut c.failures);
                found.sort_by(|a, b| {
                    a.as_os_str()
                        .as_encoded_bytes()
                        .cmp(b.as_os_str().as_encoded_bytes())
                });
                if found.is_empty() {
                    eprintln!(
                        "gouji: 文件夹 “{}” 中没有 .txt、.htm、.html、.pdf、.docx 或 .doc 文件",
                        display(path)
                    );
                }
                c.inputs.extend(found.into_iter().map(|p| Input {
                    source: display(&p),
                    origin: Origin::File(p),
                }));
            }
            Ok(_) => c.inputs.push(Input {
                source: display(path),
                origin: Origin::File(path.clone()),
            }),
        }
    }
    c
}

/// Collect the report files under `dir`. Symbolic links are followed; a folder reached twice
/// (a link loop) is walked once.
fn walk(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    failures: &mut Vec<String>,
) {
    if let Ok(canonical) = std::fs::canonicalize(dir) {
        if !seen.insert(canonical) {
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            failures.push(format!(
                "gouji: 无法读取文件夹 “{}”：{}",
                display(dir),
                reason(&e)
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                failures.push(format!(
                    "gouji: 无法读取文件夹 “{}”：{}",
                    display(dir),
                    reason(&e)
                ));
                continue;
            }
        };
        let path = entry.path();
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(&path)
                .map(|m| m.is_dir())
                .unwrap_or(false),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
        if is_dir {
            walk(&path, found, seen, failures);
        } else if is_report_file(&path) {
            found.push(path);
        }
    }
}

fn is_report_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Why a file was not checked.
pub enum ReadError {
    Io(io::Error),
    /// The file has more than [`gouji_core::MAX_INPUT_BYTES`] (this many, or at least this
    /// many when it grew while being read).
    OverLimit(u64),
}

/// A file's bytes, unless it is larger than [`gouji_core::MAX_INPUT_BYTES`]: its size is
/// checked before it is read, and no more than the limit is ever read (a file that grows, or
/// a device such as /dev/zero, stops there).
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let limit = gouji_core::MAX_INPUT_BYTES as u64;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > limit {
        return Err(ReadError::OverLimit(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::OverLimit(bytes.len() as u64));
    }
    Ok(bytes)
}

/// `gouji: 未检查 “big.pdf”：文件有 80.0 MB，超过了 64 MB 的上限（…）`
pub fn over_limit(source: &str, size: u64) -> String {
    format!(
        "gouji: 未检查 “{source}”：文件有 {:.1} MB，超过了 {} MB 的上限（年度报告的文字通常不超过 1 MB，PDF 文件通常不超过几十 MB，请确认选对了文件）",
        size as f64 / (1024.0 * 1024.0),
        gouji_core::MAX_INPUT_BYTES >> 20
    )
}

/// `gouji: 无法读取 “x.txt”：文件不存在`
pub fn unreadable(source: &str, e: &io::Error) -> String {
    format!("gouji: 无法读取 “{source}”：{}", reason(e))
}

/// Why a path could not be read, in Chinese.
pub fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "文件不存在".to_string(),
        io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
        io::ErrorKind::IsADirectory => "这是一个文件夹".to_string(),
        io::ErrorKind::InvalidData => "内容无法读取".to_string(),
        _ => e.to_string(),
    }
}
