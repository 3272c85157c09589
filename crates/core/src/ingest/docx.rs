//! Word .docx files → text: the body of `word/document.xml`, paragraphs as lines and tables
//! as a browser copies them (one line per row, cells joined by TAB, a merged cell once at its
//! first position: `gridSpan` adds no empty cells, a `vMerge` continuation is left out), so
//! that the text reader reads the tables as it reads a table copied from a web page.
//!
//! The zip is read with a cap on the entry count and on the bytes inflated (counted while
//! reading, never taken from the headers), so a zip bomb stops early with a message.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::problem::FileProblem;

/// Most bytes inflated from `word/document.xml`.
pub const XML_LIMIT: usize = 64 << 20;
/// Most entries in the zip (a report has a few dozen).
pub const ENTRY_LIMIT: usize = 10_000;
/// Tables nested deeper than this are read as text of their cell.
const MAX_NESTING: usize = 64;

/// The text of a .docx file and why it could not be read, if it could not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocxText {
    pub text: String,
    pub problem: Option<FileProblem>,
}

/// Read the text of a .docx file.
pub fn read(bytes: &[u8]) -> DocxText {
    match document_xml(bytes) {
        Ok(xml) => {
            let xml = String::from_utf8_lossy(&xml);
            let text = render(&xml);
            let problem = text.trim().is_empty().then_some(FileProblem::Damaged);
            DocxText { text, problem }
        }
        Err(problem) => DocxText {
            text: String::new(),
            problem: Some(problem),
        },
    }
}

/// `docProps/core.xml`, the document's properties (its first 64 KiB).
pub fn core_xml(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    if zip.len() > ENTRY_LIMIT {
        return None;
    }
    let entry = zip.by_name("docProps/core.xml").ok()?;
    let mut xml = Vec::new();
    let _ = entry.take(64 << 10).read_to_end(&mut xml);
    Some(xml)
}

fn document_xml(bytes: &[u8]) -> Result<Vec<u8>, FileProblem> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| FileProblem::Damaged)?;
    if zip.len() > ENTRY_LIMIT {
        return Err(FileProblem::TooManyEntries { limit: ENTRY_LIMIT });
    }
    let entry = match zip.by_name("word/document.xml") {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Err(FileProblem::NotWord),
        Err(_) => return Err(FileProblem::Damaged),
    };
    let mut xml = Vec::new();
    // One byte over the limit tells a document of exactly the limit from a bigger one.
    let read = entry.take(XML_LIMIT as u64 + 1).read_to_end(&mut xml);
    if xml.len() > XML_LIMIT {
        return Err(FileProblem::TooLarge {
            limit_mib: XML_LIMIT >> 20,
        });
    }
    match read {
        Ok(_) => Ok(xml),
        // A checksum error or a stream cut short: read what came out, if anything.
        Err(_) if !xml.is_empty() => Ok(xml),
        Err(_) => Err(FileProblem::Damaged),
    }
}

/// A table being read.
#[derive(Default)]
struct TableState {
    lines: Vec<String>,
    row: Vec<CellState>,
    cell: Option<CellState>,
}

#[derive(Default)]
struct CellState {
    text: String,
    /// The cell's blocks as lines (a nested table's rows keep their TABs), for a cell that
    /// holds a table: such a cell lays out a page rather than holding a value.
    lines: Vec<String>,
    /// A table is nested in this cell.
    holds_table: bool,
    /// A `vMerge`/`hMerge` continuation: the merged cell already stands in an earlier row or
    /// column.
    continued: bool,
}

/// Elements whose text is not part of the document as shown: deleted text, field codes,
/// the fallback copy of alternate content.
fn skipped(local: &[u8]) -> bool {
    matches!(
        local,
        b"del" | b"delText" | b"instrText" | b"Fallback" | b"moveFrom" | b"delInstrText"
    )
}

fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find_map(|a| (local(a.key.as_ref().as_bytes()) == b"val").then(|| a.value.to_string()))
}

/// Render the body XML as text.
pub fn render(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut out: Vec<String> = Vec::new();
    let mut paras: Vec<String> = Vec::new();
    let mut tables: Vec<TableState> = Vec::new();
    let mut skip = 0usize;
    let mut in_text = false;
    let mut runs = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) => {
                let name = e.name();
                let l = local(name.as_ref().as_bytes());
                if skip > 0 || skipped(l) {
                    skip += 1;
                    continue;
                }
                match l {
                    b"p" => paras.push(String::new()),
                    b"r" => runs += 1,
                    b"t" => in_text = true,
                    b"tbl" => {
                        if tables.len() < MAX_NESTING {
                            tables.push(TableState::default());
                        }
                    }
                    b"tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.row.clear();
                        }
                    }
                    b"tc" => {
                        if let Some(t) = tables.last_mut() {
                            t.cell = Some(CellState::default());
                        }
                    }
                    _ => empty_element(l, &e, runs, &mut paras, &mut tables),
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let name = e.name();
                let l = local(name.as_ref().as_bytes());
                empty_element(l, &e, runs, &mut paras, &mut tables);
            }
            Event::End(e) => {
                let name = e.name();
                let l = local(name.as_ref().as_bytes());
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match l {
                    b"t" => in_text = false,
                    b"r" => runs = runs.saturating_sub(1),
                    b"p" => {
                        if let Some(p) = paras.pop() {
                            put_paragraph(p, &mut tables, &mut out);
                        }
                    }
                    b"tc" => {
                        if let Some(t) = tables.last_mut() {
                            if let Some(c) = t.cell.take() {
                                if !c.continued {
                                    t.row.push(c);
                                }
                            }
                        }
                    }
                    b"tr" => {
                        if let Some(t) = tables.last_mut() {
                            end_row(t);
                        }
                    }
                    b"tbl" => {
                        if let Some(t) = tables.pop() {
                            // A table nested in a cell becomes text of that cell.
                            match tables.last_mut().and_then(|o| o.cell.as_mut()) {
                                Some(cell) => {
                                    cell.holds_table = true;
                                    for line in t.lines {
                                        append(&mut cell.text, &line.replace('\t', " "));
                                        cell.lines.push(line);
                                    }
                                }
                                None => out.extend(t.lines),
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let (Some(c), Some(p)) = (c, paras.last_mut()) {
                    p.push(c);
                }
            }
            _ => {}
        }
    }
    // Whatever is still open (a truncated document) is written out as it stands.
    while let Some(p) = paras.pop() {
        put_paragraph(p, &mut tables, &mut out);
    }
    while let Some(mut t) = tables.pop() {
        if let Some(c) = t.cell.take() {
            t.row.push(c);
        }
        end_row(&mut t);
        out.extend(t.lines);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// Elements that stand for a character or mark a merged cell.
fn empty_element(
    l: &[u8],
    e: &BytesStart<'_>,
    runs: usize,
    paras: &mut [String],
    tables: &mut [TableState],
) {
    match l {
        // Tab stops (w:tabs/w:tab) are not characters: only a tab inside a run is.
        b"tab" | b"br" | b"cr" | b"noBreakHyphen" if runs > 0 => {
            if let Some(p) = paras.last_mut() {
                p.push(match l {
                    b"tab" => '\t',
                    b"noBreakHyphen" => '-',
                    _ => '\n',
                });
            }
        }
        b"vMerge" | b"hMerge" => {
            if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                // No value, or "continue": this cell continues the one before.
                c.continued = val(e).is_none_or(|v| v != "restart");
            }
        }
        _ => {}
    }
}

/// A finished row: one line of TAB-separated cells, as a browser copies a row; but a row
/// with a cell that holds a table lays out a page (a report pasted into a one-cell frame),
/// and gives its cells' blocks as lines, the nested tables' rows among them.
fn end_row(t: &mut TableState) {
    let row = std::mem::take(&mut t.row);
    if row.iter().any(|c| c.holds_table) {
        for c in row {
            t.lines
                .extend(c.lines.into_iter().filter(|l| !l.trim().is_empty()));
        }
        return;
    }
    if row.iter().any(|c| !c.text.trim().is_empty()) {
        let cells: Vec<&str> = row.iter().map(|c| c.text.trim()).collect();
        t.lines.push(cells.join("\t"));
    }
}

/// A finished paragraph: into the open table cell, or out as lines.
fn put_paragraph(p: String, tables: &mut [TableState], out: &mut Vec<String>) {
    if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
        append(&mut cell.text, &p.replace(['\t', '\n'], " "));
        for line in p.split('\n') {
            if !line.trim().is_empty() {
                cell.lines.push(line.trim_end().to_string());
            }
        }
        return;
    }
    for line in p.split('\n') {
        if !line.trim().is_empty() {
            out.push(line.trim_end().to_string());
        }
    }
}

fn append(to: &mut String, s: &str) {
    let s = s.trim();
    if s.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{inner}</w:body></w:document>"#
        )
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn paragraphs_are_lines() {
        let xml = body(&format!(
            "{}{}<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>\
             <w:r><w:t xml:space=\"preserve\">A &amp; B</w:t></w:r><w:r><w:br/><w:t>&#x603B;计</w:t></w:r></w:p>",
            p("一、总体情况"),
            p("本年度")
        ));
        assert_eq!(render(&xml), "一、总体情况\n本年度\nA & B\n总计\n");
    }

    #[test]
    fn merged_cells_appear_once() {
        let tc =
            |props: &str, text: &str| format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text));
        let xml = body(&format!(
            "<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc("<w:vMerge w:val=\"restart\"/>", "三、本年度办理结果"),
            tc("", "（一）予以公开"),
            tc("", "10"),
            tc("<w:vMerge/>", ""),
            tc("<w:gridSpan w:val=\"2\"/>", "（二）部分公开"),
            tc("", "3"),
        ));
        assert_eq!(
            render(&xml),
            "三、本年度办理结果\t（一）予以公开\t10\n（二）部分公开\t3\n"
        );
    }

    #[test]
    fn a_one_cell_frame_around_the_report_gives_its_blocks_as_lines() {
        let tc = |inner: &str| format!("<w:tc>{inner}</w:tc>");
        let inner = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc(&p("规章")),
            tc(&p("0")),
            tc(&p("规范性文件")),
            tc(&p("6")),
        );
        let xml = body(&format!(
            "<w:tbl><w:tr>{}</w:tr></w:tbl>",
            tc(&format!(
                "{}{}{inner}{}",
                p("标题"),
                p("二、主动公开政府信息情况"),
                p("三、")
            )),
        ));
        assert_eq!(
            render(&xml),
            "标题\n二、主动公开政府信息情况\n规章\t0\n规范性文件\t6\n三、\n"
        );
        // A cell of paragraphs without a table is still one cell of its row.
        let xml = body(&format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc(&format!("{}{}", p("（二）部分公开"), p("（区分处理的）"))),
            tc(&p("3")),
        ));
        assert_eq!(render(&xml), "（二）部分公开 （区分处理的）\t3\n");
    }

    #[test]
    fn deleted_text_and_field_codes_are_not_text() {
        let xml = body(
            "<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>新</w:t></w:r></w:p>",
        );
        assert_eq!(render(&xml), "新\n");
    }

    #[test]
    fn broken_xml_gives_what_it_had() {
        let xml = body(&p("一、总体情况"));
        let cut = &xml[..xml.len() - 30];
        assert!(render(cut).contains("一、总体情况"));
        let _ = render("<w:p><w:r><w:t>&bogus;</w:t><<<<");
    }
}
