//! `--xlsx FILE`: the Excel workbook of the run (`gouji_xlsx`), built from the JSON document
//! the run would print with `--format json`, so that the workbook and the JSON never differ.
//!
//! The file is written beside its destination under a temporary name and renamed into place,
//! so that a run that fails half-way never leaves a truncated workbook where an earlier one was.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes the workbook of a JSON document to `path`; the message to print when it cannot.
pub fn write(path: &Path, document: &[u8]) -> Result<(), String> {
    let failed = |why: String| format!("gouji: 无法写出工作簿 “{}”：{why}", path.display());
    let doc: serde_json::Value =
        serde_json::from_slice(document).map_err(|e| failed(format!("JSON 文档有误：{e}")))?;
    let bytes = gouji_xlsx::workbook(&doc).map_err(|e| failed(e.to_string()))?;
    let temp = temporary(path);
    let written = fs::File::create(&temp)
        .and_then(|mut f| {
            f.write_all(&bytes)?;
            f.sync_all()
        })
        .and_then(|()| fs::rename(&temp, path));
    written.map_err(|e| {
        // Nothing to clean up when the temporary file was never created.
        let _ = fs::remove_file(&temp);
        failed(e.to_string())
    })
}

/// `dir/.name.tmp-PID` beside `path`.
fn temporary(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "gouji.xlsx".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}
