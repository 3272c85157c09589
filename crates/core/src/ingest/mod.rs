//! Input kinds → one normalised document: a sequence of lines, each split into cells with
//! their byte spans in the input.
//!
//! Every layout of `formats.md` becomes the same flat stream of cells: one cell per line,
//! cells ending in " |", pipe rows, tab-separated rows, space-separated rows from PDF text.
//! Extraction then reads tables from that stream without caring which layout it was.
//!
//! Files that are not text are first read as text ([`file::read`]): a PDF's text layer laid
//! out as a PDF text extractor gives it ([`pdf`]), a Word document's paragraphs and tables
//! as a browser copies them ([`docx`]); HTML is rendered to such text ([`html`]): tables as
//! TAB-separated rows.

pub mod bytes;
pub mod dates;
pub mod decode;
#[cfg(feature = "docx")]
pub mod docx;
pub mod file;
pub mod html;
pub mod norm;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod problem;
pub mod read;
pub mod text;
pub mod value;

pub use decode::{decode, decode_html, Decoded, InputKind};
pub use file::{sniff, FileText, Format};
pub use problem::FileProblem;
pub use read::{DeclaredDate, InputFacts, Read};
pub use text::{Cell, CellClass, Document, Line};
