//! Extracted tables: every cell as written, its reading, and where in the input it came from.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::schema::{request_rows, template_rows, ColKind, RowDef, TableKind, Template};
use crate::span::Span;

/// What a cell says.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number, in the column's own unit.
    Number(f64),
    /// Empty, or a placeholder for zero ("/", "-", "—", "无"). Arithmetic reads it as 0.
    Blank,
    /// Text that cannot be read as a number ("若干", "5件?").
    Unreadable,
    /// The row had fewer values than columns, so this cell was never written.
    Missing,
}

impl Value {
    /// The value arithmetic uses: blanks and placeholders count as 0; unreadable and
    /// missing cells have no value.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Blank => Some(0.0),
            Value::Unreadable | Value::Missing => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Value::Blank)
    }
}

/// How the text reader told a cell apart from its neighbours on its line (see
/// [`crate::ingest::text`]). With the kind of input, it says how the cell's place in its row
/// was known: [`crate::rules::reading`] decides from it how certain a finding's reading is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Cells separated by TAB: a table's own cells, as the HTML and .docx readers give them,
    /// as a browser copies a table, and as the PDF reader gives a grid rebuilt from ruling
    /// lines.
    Tab,
    /// Cells separated by pipes written in the text.
    Pipe,
    /// A line split on white space ("规章 0 0 0"): columns told only by the gaps between
    /// values, as PDF text without a drawn grid, or plain text, gives them.
    Space,
    /// The cell alone on its line: its column is known only from the order of the values.
    #[default]
    Alone,
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub col: &'static str,
    pub kind: ColKind,
    pub value: Value,
    /// The cell's text as written (trimmed).
    pub raw: String,
    /// A unit written in the cell, when it had one ("元", "万元", "亿元").
    pub unit: Option<&'static str>,
    /// Where in the input the cell's text is.
    pub span: Option<Span>,
    /// How the cell was told apart on its line.
    pub layout: Layout,
    /// Characters were lost on the cell's line (a U+FFFD: bytes that fit no encoding, or a
    /// PDF glyph whose font gives no text): a digit or a cell may be missing.
    pub lost: bool,
}

/// One template row of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub def: &'static RowDef,
    /// Where in the input the row's label is.
    pub label_span: Option<Span>,
    /// One cell per column of the row's definition, in order.
    pub cells: Vec<Cell>,
    /// How many values the row actually had in the input, when that differs from the number
    /// of columns (S106): the alignment of the cells is then a guess.
    pub misaligned: Option<Misalignment>,
    /// The label as written is not the template's wording, nor a piece of it (only a
    /// keyword matched: "（七）合计" for （七）总计, a label with a misprint): the row was
    /// placed by tolerant matching.
    pub label_loose: bool,
}

impl Row {
    pub fn key(&self) -> &'static str {
        self.def.key
    }

    pub fn cell(&self, col: &str) -> Option<&Cell> {
        self.cells.iter().find(|c| c.col == col)
    }
}

/// A row whose values did not fit its columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Misalignment {
    /// Values found in the input for the row.
    pub found: usize,
    /// Columns the row has.
    pub expected: usize,
}

/// A row printed in the report that the template does not have (S105), or a subtotal row
/// for one of the outcome groups. Its numbers stay out of every sum.
#[derive(Clone, Debug, PartialEq)]
pub struct ExtraRow {
    pub label: String,
    pub span: Option<Span>,
    pub values: Vec<String>,
    /// A subtotal of a group of template rows (e.g. （三）不予公开 with numbers of its own):
    /// tolerated without a finding.
    pub subtotal: bool,
}

/// One extracted table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    /// The rows found, in table order. Rows of the template that were not found are absent.
    pub rows: Vec<Row>,
    pub extra_rows: Vec<ExtraRow>,
    /// The stretch of input the table was read from.
    pub span: Option<Span>,
}

impl Table {
    pub fn new(kind: TableKind) -> Self {
        Table {
            kind,
            rows: Vec::new(),
            extra_rows: Vec::new(),
            span: None,
        }
    }

    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.def.key == key)
    }

    /// The table was found but fewer than half of its template rows could be placed: it was
    /// not read reliably (a PDF's layout, a pasted table out of order), and nothing is
    /// concluded from its rows — no missing row, no equation, no repair, no comparison (S104
    /// says so once). Real reports that leave rows out leave out a few (规章, a cut-off
    /// （六）); the misread PDFs measured placed 0–5 of 25 request rows.
    pub fn misread(&self, template: Template, single_other: bool) -> bool {
        if !template.is_national() {
            return false;
        }
        let rows = match self.kind {
            TableKind::Requests => request_rows(template, single_other),
            kind => template_rows(kind, template),
        };
        let placed = rows.iter().filter(|d| self.row(d.key).is_some()).count();
        !rows.is_empty() && placed * 2 < rows.len()
    }

    pub fn cell(&self, row: &str, col: &str) -> Option<&Cell> {
        self.row(row).and_then(|r| r.cell(col))
    }

    /// The cell's value for arithmetic (blank = 0); `None` when the cell is absent,
    /// missing or unreadable.
    pub fn number(&self, row: &str, col: &str) -> Option<f64> {
        self.cell(row, col).and_then(|c| c.value.as_number())
    }

    /// `table/row/col`
    pub fn path(&self, row: &str, col: &str) -> String {
        cell_path(self.kind, row, col)
    }

    /// Every cell with its path.
    pub fn cells(&self) -> impl Iterator<Item = (&Row, &Cell)> {
        self.rows
            .iter()
            .flat_map(|r| r.cells.iter().map(move |c| (r, c)))
    }
}

/// The path of a cell: `table/row/col`.
pub fn cell_path(kind: TableKind, row: &str, col: &str) -> String {
    format!("{}/{}/{}", kind.key(), row, col)
}

/// The tables of a report. Absent tables were not found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tables {
    pub active: Option<Table>,
    pub requests: Option<Table>,
    pub appeals: Option<Table>,
    /// The statistics table of a legacy report (2018 and earlier).
    pub legacy: Option<Table>,
}

impl Tables {
    pub fn get(&self, kind: TableKind) -> Option<&Table> {
        match kind {
            TableKind::Active => self.active.as_ref(),
            TableKind::Requests => self.requests.as_ref(),
            TableKind::Appeals => self.appeals.as_ref(),
            TableKind::Legacy => self.legacy.as_ref(),
        }
    }

    pub fn slot(&mut self, kind: TableKind) -> &mut Option<Table> {
        match kind {
            TableKind::Active => &mut self.active,
            TableKind::Requests => &mut self.requests,
            TableKind::Appeals => &mut self.appeals,
            TableKind::Legacy => &mut self.legacy,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Table> {
        [&self.active, &self.requests, &self.appeals, &self.legacy]
            .into_iter()
            .flatten()
    }
}

/// A number as JSON shows it: whole numbers without a fraction.
pub(crate) fn serialize_number<S: Serializer>(n: f64, s: S) -> Result<S::Ok, S::Error> {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        s.serialize_i64(n as i64)
    } else {
        s.serialize_f64(n)
    }
}

struct CellValue<'a>(&'a Value);

impl Serialize for CellValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Number(n) => serialize_number(*n, s),
            _ => s.serialize_none(),
        }
    }
}

struct RowValues<'a>(&'a Row);

impl Serialize for RowValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.cells.len()))?;
        for c in &self.0.cells {
            m.serialize_entry(c.col, &CellValue(&c.value))?;
        }
        m.end()
    }
}

/// `{ row: { col: number | null } }` in table order, as the JSON contract prints it.
impl Serialize for Table {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.rows.len()))?;
        for r in &self.rows {
            m.serialize_entry(r.def.key, &RowValues(r))?;
        }
        m.end()
    }
}

impl Serialize for Tables {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for t in self.iter() {
            m.serialize_entry(t.kind.key(), t)?;
        }
        m.end()
    }
}
