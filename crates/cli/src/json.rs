//! `--format json`: one document, `{"format": 1, "reports": [...], "across": [...]}` (and
//! `"roster"` with `--roster`),
//! pretty-printed, in the shape of [`gouji_core::json`].
//!
//! Each report is rendered on its own (so that reports can be printed as they are checked)
//! and indented into the document; the result is byte for byte what serializing the whole
//! document at once ([`gouji_core::json::Document::to_pretty`]) gives. JSON strings never
//! hold a raw line break, so indenting line by line is safe.

use std::io::{self, Write};

use gouji_core::json::{AcrossEntry, Entry, FORMAT};
use gouji_core::roster::Roster;
use gouji_core::Report;

/// One report as pretty JSON, not yet indented into the document.
pub fn render(source: &str, report: &Report) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&Entry {
        source: Some(source),
        report,
    })
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

/// Close `reports`, write `across` (and `similarity` when two reports or more were checked,
/// `roster` when one was given), close the document: what follows the last report.
pub fn write_tail(
    out: &mut impl Write,
    across: &[(usize, gouji_core::Finding)],
    similarity: &[gouji_core::similarity::Similarity],
    roster: Option<&Roster>,
    views: &[(String, Option<Report>)],
) -> io::Result<()> {
    write_reports_end(out, views.is_empty())?;
    write_across(out, across, views)?;
    if views.len() >= 2 {
        write_similarity(out, similarity)?;
    }
    write_end(out, roster)
}

/// `"across"`: the findings of the cross-report rules (Y801–Y804), each with the `source` of
/// the report it belongs to.
pub fn write_across(
    out: &mut impl Write,
    across: &[(usize, gouji_core::Finding)],
    views: &[(String, Option<Report>)],
) -> io::Result<()> {
    let entries: Vec<AcrossEntry> = across
        .iter()
        .map(|(i, f)| AcrossEntry {
            source: Some(views.get(*i).map_or("", |v| v.0.as_str())),
            report: None,
            finding: f,
        })
        .collect();
    let body = serde_json::to_string_pretty(&entries).map_err(io::Error::other)?;
    write_field(out, "across", &body)
}

/// `"similarity"`: the shares of repeated prose (written when two reports or more were checked).
pub fn write_similarity(
    out: &mut impl Write,
    similarity: &[gouji_core::similarity::Similarity],
) -> io::Result<()> {
    let body = serde_json::to_string_pretty(similarity).map_err(io::Error::other)?;
    write_field(out, "similarity", &body)
}

/// A field of the document, its pretty JSON indented.
fn write_field(out: &mut impl Write, name: &str, body: &str) -> io::Result<()> {
    write!(out, ",\n  \"{name}\": ")?;
    for (n, line) in body.lines().enumerate() {
        if n > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// `"roster"`, when one was given; then close the document.
pub fn write_end(out: &mut impl Write, roster: Option<&Roster>) -> io::Result<()> {
    if let Some(roster) = roster {
        let body = serde_json::to_string_pretty(roster).map_err(io::Error::other)?;
        write!(out, ",\n  \"roster\": ")?;
        for (n, line) in body.lines().enumerate() {
            if n > 0 {
                out.write_all(b"\n  ")?;
            }
            out.write_all(line.as_bytes())?;
        }
    }
    out.write_all(b"\n}\n")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use gouji_core::json::Document;

    /// The document written a report at a time is the core's document, byte for byte.
    #[test]
    fn streaming_gives_the_document() {
        let a = gouji_core::check("一、总体情况\n本机关2023年……");
        let b = gouji_core::check("二、主动公开政府信息情况");
        let across = [(
            1,
            gouji_core::Finding::new("Y801", gouji_core::Severity::Error, "requests", "x"),
        )];
        let views = vec![("a.txt".to_string(), None), ("b.txt".to_string(), None)];
        for reports in [
            vec![],
            vec![("a.txt", &a)],
            vec![("a.txt", &a), ("b.txt", &b)],
        ] {
            let across = if reports.len() == 2 { &across[..] } else { &[] };
            let mut out = Vec::new();
            write_head(&mut out).unwrap();
            for (n, (source, report)) in reports.iter().enumerate() {
                write_entry(&mut out, &render(source, report).unwrap(), n == 0).unwrap();
            }
            write_reports_end(&mut out, reports.is_empty()).unwrap();
            write_across(&mut out, across, &views).unwrap();
            let refs: Vec<&Report> = reports.iter().map(|(_, r)| *r).collect();
            let similarity = gouji_core::across::similarity(&refs);
            if reports.len() >= 2 {
                write_similarity(&mut out, &similarity).unwrap();
            }
            let named: Vec<(Option<&str>, &Report)> =
                reports.iter().map(|(s, r)| (Some(*s), *r)).collect();
            let agencies = vec![Some("湘阴县人民政府"); reports.len()];
            let roster = gouji_core::roster::check_roster(
                "units.txt",
                &["湘阴县人民政府".to_string(), "平江县人民政府".to_string()],
                &agencies,
            );
            for roster in [None, Some(&roster)] {
                let mut out = out.clone();
                write_end(&mut out, roster).unwrap();
                let whole = Document::new(&named, across, false)
                    .with_similarity(&similarity)
                    .with_roster(roster)
                    .to_pretty();
                assert_eq!(String::from_utf8(out).unwrap(), whole);
            }
        }
    }
}
