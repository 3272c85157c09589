//! What a finding concerns — the report's content, or how the file was read — and, for a
//! content finding, how certain the reading it rests on is. One place decides both, for every
//! finding of every rule ([`super::run`], [`crate::across::check_across`]), from what the
//! reader really knows; the rules themselves say nothing of it.
//!
//! **Concerns.** A finding is about the reading when what it says is a fact of the reading,
//! not of the report: S101 (no table recognised: the file could not be read, bytes were
//! replaced, a font gives no text, or nothing is there), S104 when a whole table could not be
//! read reliably or rows of it are not in the file as a converter wrote it (its subject is the
//! table, not a row), S106 (a row's values placed by a
//! guess), M702 when the period cannot be read (characters lost), V202 when the cell that
//! cannot be read as a number holds a lost character (U+FFFD). Everything else is about the
//! content: its numbers, its structure, its text.
//!
//! **Reading certainty** of a content finding is the least certain of what it rests on: each
//! cell it names ([`cell`]) and the sentence it quotes ([`sentence`]); a missing row (S104)
//! or a row outside the template (S105) rests on how its table was read (the least certain
//! of its cells). A finding that names no cell and quotes no sentence otherwise (a missing
//! section, a template that does not fit its year) rests on nothing read cell by cell and
//! has none.
//!
//! | the cell came from | certainty |
//! |---|---|
//! | a table's own cells: HTML, .docx, a browser's copy (TAB), pipes written in the text | 确定 (`certain`) |
//! | a PDF table rebuilt from its ruling lines, or without them from the columns its values stand in (TAB rows of the PDF reader) | 较可靠 (`likely`) |
//! | a line split on white space (PDF text without a drawn grid, plain text), or a value alone on its line (its column known only by order) | 不确定 (`uncertain`) |
//!
//! and, whatever the layout: a row placed by a keyword of its label rather than its wording
//! ([`crate::table::Row::label_loose`]) is at most 较可靠; a row whose values do not fit its
//! columns (S106), or a line with a lost character, is 不确定. A sentence is 确定 unless a
//! character of it was lost (不确定). Each less certain reading comes with one sentence that
//! says why (`reading_note`), the one of the least certain cell.

use crate::extract::Period;
use crate::ingest::{Format, InputFacts};
use crate::report::{Certainty, Concern, Finding, Report};
use crate::schema::TableKind;
use crate::table::{Cell, Layout, Row, Table};

/// The character a reader puts for one it lost.
const LOST: char = '\u{FFFD}';

/// Set what `f` concerns and, for a content finding, how certain its reading is and why.
pub fn annotate(r: &Report, f: &mut Finding) {
    f.concerns = concerns(r, f);
    let (reading, note) = match f.concerns {
        Concern::Reading => (None, None),
        Concern::Content => match certainty(r, f) {
            Some((c, note)) => (Some(c), note),
            None => (None, None),
        },
    };
    f.reading = reading;
    f.reading_note = note;
}

fn concerns(r: &Report, f: &Finding) -> Concern {
    let reading = match f.code {
        "S101" | "S106" => true,
        // A table not read reliably is said once, with the table as its subject; a missing
        // row has the row's path.
        "S104" => !f.subject.contains('/'),
        "M702" => matches!(r.facts.meta.period, Some(Period::Unreadable { .. })),
        "V202" => f
            .cells
            .iter()
            .any(|p| lookup(r, p).is_some_and(|(_, c)| c.raw.contains(LOST))),
        _ => false,
    };
    if reading {
        Concern::Reading
    } else {
        Concern::Content
    }
}

/// How certain a reading is, and, when less than certain, why (one sentence in Chinese).
pub type Judged = (Certainty, Option<&'static str>);

/// The least certain of the finding's cells and sentence (the first of them when several
/// are as uncertain). A finding that names neither but is about a table's rows (a missing
/// row, S104; a row the template does not have, S105) rests on how that table was read: the
/// least certain of its cells. `None` otherwise.
fn certainty(r: &Report, f: &Finding) -> Option<Judged> {
    let input = &r.facts.input;
    let cells = f
        .cells
        .iter()
        .filter_map(|p| lookup(r, p))
        .map(|(row, c)| cell(input, row, c));
    let quote = f.quote.as_deref().map(sentence);
    let found = cells.chain(quote).min_by_key(|j| j.0);
    if found.is_some() || !matches!(f.code, "S104" | "S105") {
        return found;
    }
    let table = table_of(r, f.subject.split('/').next()?)?;
    table
        .cells()
        .map(|(row, c)| cell(input, row, c))
        .min_by_key(|j| j.0)
}

/// How certain a cell's reading is: that it is the cell the report prints in that row and
/// column (see the table in the module's documentation).
pub fn cell(input: &InputFacts, row: &Row, c: &Cell) -> Judged {
    if c.lost {
        return (
            Certainty::Uncertain,
            Some("所依据的单元格所在行有无法识别的字符（�），可能丢了数字。"),
        );
    }
    if row.misaligned.is_some() {
        return (
            Certainty::Uncertain,
            Some("所依据的行数值个数与列数不符，各数值属于哪一列是推测的。"),
        );
    }
    let by_layout: Judged = match c.layout {
        Layout::Tab if input.format == Format::Pdf => (
            Certainty::Likely,
            Some("所依据的单元格由 PDF 的表格框线重建（没有框线时按数值所在的列重建），框线缺失、合并单元格或列的对齐有误可能使数值错位。"),
        ),
        Layout::Tab | Layout::Pipe => (Certainty::Certain, None),
        Layout::Space => (
            Certainty::Uncertain,
            Some("所依据的单元格只按数字之间的空白分列（PDF 中没有画出表格线，或纯文本），空白单元格可能使数值错列。"),
        ),
        Layout::Alone => (
            Certainty::Uncertain,
            Some("所依据的数值各占一行，属于哪一列只能按先后顺序推定。"),
        ),
    };
    if row.label_loose && by_layout.0 == Certainty::Certain {
        (
            Certainty::Likely,
            Some("所依据的行，行名与模板的措辞不同，是按关键词认出的。"),
        )
    } else {
        by_layout
    }
}

/// How certain a sentence's reading is, from its quote.
pub fn sentence(quote: &str) -> Judged {
    if quote.contains(LOST) {
        (
            Certainty::Uncertain,
            Some("所依据的句子中有无法识别的字符（�），可能丢了数字。"),
        )
    } else {
        (Certainty::Certain, None)
    }
}

/// The table of a key (`requests`), when the report has it.
fn table_of<'r>(r: &'r Report, key: &str) -> Option<&'r Table> {
    let kind = [
        TableKind::Active,
        TableKind::Requests,
        TableKind::Appeals,
        TableKind::Legacy,
    ]
    .into_iter()
    .find(|k| k.key() == key)?;
    r.tables.get(kind)
}

/// The row and cell of a path `table/row/col`, when the report has it.
fn lookup<'r>(r: &'r Report, path: &str) -> Option<(&'r Row, &'r Cell)> {
    let mut parts = path.splitn(3, '/');
    let (table, row, col) = (parts.next()?, parts.next()?, parts.next()?);
    let row = table_of(r, table)?.row(row)?;
    Some((row, row.cell(col)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Read;
    use crate::report::Severity;

    const BASE: &str = include_str!("../../tests/fixtures/base/gb2021-pipe.txt");
    const GRANTED: &str = "（一）予以公开 | 10 | 1 | 0 | 0 | 1 | 0 | 12 |";
    const WRONG: &str = "（一）予以公开 | 10 | 1 | 0 | 0 | 1 | 0 | 13 |";

    fn check_as(text: &str, format: Format) -> Report {
        let mut input = crate::ingest::read::text_facts(text).unwrap_or_default();
        input.format = format;
        crate::check_read(Read {
            text: text.to_string(),
            input,
        })
        .report
    }

    /// The pipe rows as TAB rows, as a browser copies a table (or the PDF reader gives a grid).
    fn tabs(text: &str) -> String {
        text.lines()
            .map(|l| {
                if !l.contains('|') {
                    return l.to_string();
                }
                let mut cells: Vec<&str> = l.split('|').map(str::trim).collect();
                if cells.last() == Some(&"") {
                    cells.pop();
                }
                cells.join("\t")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The first A301's reading, with what it concerns.
    fn a301(r: &Report) -> Option<(Concern, Option<Certainty>, &str)> {
        let f = r.findings.iter().find(|f| f.code == "A301");
        assert!(f.is_some(), "no A301 in {:?}", r.findings);
        f.map(|f| (f.concerns, f.reading, f.subject.as_str()))
    }

    #[test]
    fn the_files_own_table_cells_are_read_with_certainty() {
        let text = BASE.replace(GRANTED, WRONG);
        let r = crate::check(&text);
        let want = (
            Concern::Content,
            Some(Certainty::Certain),
            "requests/row/granted",
        );
        assert_eq!(a301(&r), Some(want));
        // The same table as TAB rows: a browser's copy of a table.
        assert_eq!(a301(&crate::check(&tabs(&text))), Some(want));
    }

    #[test]
    fn pdf_grids_are_likely_and_loose_labels_at_most_likely() {
        let r = check_as(&tabs(&BASE.replace(GRANTED, WRONG)), Format::Pdf);
        assert_eq!(a301(&r).and_then(|f| f.1), Some(Certainty::Likely));
        // （七）总计 written 合计: placed by its keyword only.
        let loose = BASE.replace(
            "（七）总计 | 20 | 3 | 0 | 0 | 1 | 0 | 24 |",
            "（七）合计 | 20 | 3 | 0 | 0 | 1 | 0 | 25 |",
        );
        let r = crate::check(&loose);
        let want = (
            Concern::Content,
            Some(Certainty::Likely),
            "requests/row/total",
        );
        assert_eq!(a301(&r), Some(want));
    }

    #[test]
    fn lost_characters_make_the_reading_uncertain() {
        let text = BASE.replace(
            GRANTED,
            "（一）予以公开 | 10 | 1 | 0 | 0 | 1 | 0\u{FFFD} | 13 |",
        );
        let r = crate::check(&text);
        let f = r
            .findings
            .iter()
            .find(|f| f.cells.iter().any(|c| c.starts_with("requests/granted/")));
        assert!(f.is_some(), "no finding on granted in {:?}", r.findings);
        let Some(f) = f else { return };
        if f.code == "V202" {
            assert_eq!(f.concerns, Concern::Reading);
            assert_eq!(f.reading, None);
        } else {
            assert_eq!(f.reading, Some(Certainty::Uncertain));
        }
    }

    #[test]
    fn findings_about_the_reading_carry_no_certainty() {
        let r = crate::check("这不是年度报告。");
        let s101 = r.findings.iter().find(|f| f.code == "S101");
        assert!(s101.is_some_and(|f| f.concerns == Concern::Reading && f.reading.is_none()));
        // A row short of one value: its alignment is a guess (S106).
        let short = BASE.replace(GRANTED, "（一）予以公开 | 10 | 1 | 0 | 0 | 1 | 12 |");
        let r = crate::check(&short);
        let s106 = r.findings.iter().find(|f| f.code == "S106");
        assert!(s106.is_some_and(|f| f.concerns == Concern::Reading && f.reading.is_none()));
        assert!(r
            .findings
            .iter()
            .filter(|f| f.code != "S106")
            .all(|f| f.concerns == Concern::Content));
        // A missing row rests on how its table was read.
        let missing = BASE.replace(GRANTED, "");
        let r = crate::check(&missing);
        let s104 = r.findings.iter().find(|f| f.code == "S104");
        assert!(
            s104.is_some_and(
                |f| f.concerns == Concern::Content && f.reading == Some(Certainty::Certain)
            ),
            "{:?}",
            r.findings
        );
        let r = check_as(&tabs(&missing), Format::Pdf);
        let s104 = r.findings.iter().find(|f| f.code == "S104");
        assert!(s104.is_some_and(|f| f.reading == Some(Certainty::Likely)));
        // A missing section rests on no cell or sentence.
        let text = BASE.replace("五、存在的主要问题及改进情况", "");
        let r = crate::check(&text);
        assert!(r
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Info && f.cells.is_empty() && f.quote.is_none())
            .all(|f| f.reading.is_none()));
    }

    #[test]
    fn cells_by_layout() {
        let mut r = crate::check(BASE);
        let input = InputFacts::default();
        assert!(r.tables.requests.is_some(), "no requests table");
        let Some(t) = r.tables.requests.as_mut() else {
            return;
        };
        let row = &mut t.rows[0];
        let layouts = [
            (Layout::Tab, Certainty::Certain),
            (Layout::Pipe, Certainty::Certain),
            (Layout::Space, Certainty::Uncertain),
            (Layout::Alone, Certainty::Uncertain),
        ];
        for (layout, want) in layouts {
            row.cells[0].layout = layout;
            assert_eq!(cell(&input, row, &row.cells[0]).0, want, "{layout:?}");
        }
        row.cells[0].layout = Layout::Pipe;
        row.label_loose = true;
        assert_eq!(cell(&input, row, &row.cells[0]).0, Certainty::Likely);
        row.cells[0].layout = Layout::Space;
        assert_eq!(cell(&input, row, &row.cells[0]).0, Certainty::Uncertain);
        assert_eq!(sentence("予以公开12件").0, Certainty::Certain);
        assert_eq!(sentence("予以公开1\u{FFFD}件").0, Certainty::Uncertain);
    }
}
