//! Input kinds → one normalised document: a sequence of lines, each split into cells with
//! their byte spans in the input.
//!
//! Every layout of `formats.md` becomes the same flat stream of cells: one cell per line,
//! cells ending in " |", pipe rows, tab-separated rows, space-separated rows from PDF text.
//! Extraction then reads tables from that stream without caring which layout it was.
//! HTML is first rendered to such text ([`html`]): tables as TAB-separated rows.

pub mod decode;
pub mod html;
pub mod norm;
pub mod text;
pub mod value;

pub use decode::{decode, decode_html, Decoded, InputKind};
pub use text::{Cell, CellClass, Document, Line};
