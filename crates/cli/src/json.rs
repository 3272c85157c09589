//! `--format json`: one document, `{"format": 1, "reports": [...]}`, pretty-printed.
//!
//! Each report is rendered on its own (so that reports can be printed as they are checked)
//! and indented into the document; the result is byte for byte what serializing the whole
//! document at once with `serde_json::to_string_pretty` gives, plus a final line break. JSON strings never hold a raw
//! line break, so indenting line by line is safe.

use std::io::{self, Write};

use gouji_core::Report;
use serde::Serialize;

/// The version of the JSON contract; raised only when a field is renamed or removed.
pub const FORMAT: u32 = 1;

/// One entry of `reports`: `source` first, then the report's own fields in their order
/// (template, year, agency, tables, findings).
#[derive(Serialize)]
struct Entry<'a> {
    source: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// One report as pretty JSON, not yet indented into the document.
pub fn render(source: &str, report: &Report) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&Entry { source, report })
}

pub fn write_head(out: &mut impl Write) -> io::Result<()> {
    write!(out, "{{\n  \"format\": {FORMAT},\n  \"reports\": [")
}

pub fn write_entry(out: &mut impl Write, rendered: &str, first: bool) -> io::Result<()> {
    if !first {
        out.write_all(b",")?;
    }
    for line in rendered.lines() {
        out.write_all(b"\n    ")?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Close the `reports` array.
pub fn write_reports_end(out: &mut impl Write, empty: bool) -> io::Result<()> {
    if empty {
        out.write_all(b"]")
    } else {
        out.write_all(b"\n  ]")
    }
}

/// One cross-year finding and the report it belongs to (the later year's).
#[derive(Serialize)]
struct AcrossEntry<'a> {
    source: &'a str,
    #[serde(flatten)]
    finding: &'a gouji_core::Finding,
}

/// `"across"`: the findings of the cross-year rules (Y801, Y802), each with the `source` of
/// the report it belongs to; then close the document.
pub fn write_across(
    out: &mut impl Write,
    across: &[(usize, gouji_core::Finding)],
    views: &[(String, Option<Report>)],
) -> io::Result<()> {
    let entries: Vec<AcrossEntry> = across
        .iter()
        .map(|(i, f)| AcrossEntry {
            source: views.get(*i).map_or("", |v| v.0.as_str()),
            finding: f,
        })
        .collect();
    let body = serde_json::to_string_pretty(&entries).map_err(io::Error::other)?;
    write!(out, ",\n  \"across\": ")?;
    for (n, line) in body.lines().enumerate() {
        if n > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(line.as_bytes())?;
    }
    out.write_all(b"\n}\n")
}
