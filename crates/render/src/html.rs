//! HTML: the tables with rowspan and colspan exactly as the official format prints them, the
//! prose a paragraph a line; a fragment to paste into a site's editor, or a whole page.

use std::fmt::Write as _;

use crate::draft::{Draft, HEADINGS};
use crate::layout::{grid, Grid, Source};

pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn td(out: &mut String, text: &str, rowspan: usize, colspan: usize) {
    out.push_str("<td");
    if rowspan > 1 {
        let _ = write!(out, " rowspan=\"{rowspan}\"");
    }
    if colspan > 1 {
        let _ = write!(out, " colspan=\"{colspan}\"");
    }
    if text.is_empty() {
        out.push_str("><p align=\"center\">&nbsp;</p></td>");
    } else {
        let _ = write!(
            out,
            "><p align=\"center\"><span>{}</span></p></td>",
            esc(text)
        );
    }
}

/// A table as `<table>`, one `<tr>` a line.
pub fn table(grid: &Grid) -> String {
    let mut out = String::from("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n");
    for row in &grid.rows {
        out.push_str("<tr>");
        for c in row {
            td(&mut out, &c.text, c.rowspan, c.colspan);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn paragraphs(out: &mut String, text: &str) {
    for line in text.lines() {
        let line = line.trim();
        if !line.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(line));
        }
    }
}

/// The body of the report: title, the text before 一, each heading, its prose and its table.
pub fn fragment(draft: &Draft) -> String {
    let mut out = String::new();
    let title = draft.title.trim();
    if !title.is_empty() {
        let _ = writeln!(out, "<h1>{}</h1>", esc(&crate::draft::one_line(title)));
    }
    paragraphs(&mut out, &draft.preamble);
    for (i, heading) in HEADINGS.iter().enumerate() {
        let _ = writeln!(out, "<h2>{heading}</h2>");
        if let Some(prose) = draft.sections.get(i) {
            paragraphs(&mut out, prose);
        }
        if let Some(kind) = crate::table_of_section(i) {
            if draft.has_table(kind) {
                out.push_str(&table(&grid(&Source::of_draft(draft, kind))));
            }
        }
    }
    for extra in draft.sections.iter().skip(HEADINGS.len()) {
        paragraphs(&mut out, extra);
    }
    out
}

/// A whole page: `<meta charset>`, the title, a style sheet of table borders, the fragment.
pub fn page(draft: &Draft) -> String {
    let title = crate::draft::one_line(&draft.title);
    let title = if title.is_empty() {
        "政府信息公开工作年度报告".to_string()
    } else {
        title
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title>\n\
         <style>body{{max-width:60em;margin:2em auto;line-height:1.6}}h1{{text-align:center;font-size:1.4em}}\
         h2{{font-size:1.1em}}table{{border-collapse:collapse;margin:1em 0}}td{{border:1px solid #000;padding:2px 4px}}\
         td p{{margin:0}}</style></head>\n<body>\n{}</body>\n</html>\n",
        esc(&title),
        fragment(draft)
    )
}
