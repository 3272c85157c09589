//! gouji-render: the standard copy of a report in the official layout — an HTML fragment to
//! paste into a site's editor, a whole page, or text as a browser copies the
//! page. Every format reads back through `gouji_core` to the draft's cells.
//!
//! ```
//! use gouji_render::{render, Draft, Format};
//! let mut draft = Draft::empty(gouji_core::Template::Gb2021);
//! draft.cells.insert("requests/new/natural".into(), "3".into());
//! let text = String::from_utf8(render(&draft, Format::Text)).unwrap_or_default();
//! let report = gouji_core::check(&text);
//! assert_eq!(report.tables.requests.and_then(|t| t.number("new", "natural")), Some(3.0));
//! ```

pub mod draft;
pub mod html;
pub mod layout;
pub mod official;
pub mod text;

pub use draft::{Draft, HEADINGS};

use gouji_core::TableKind;

/// What [`render`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An HTML fragment to paste into a site's editor (no `<html>`, no style).
    Html,
    /// A whole HTML page: `<meta charset>`, title, a style sheet.
    Page,
    /// Plain text as a browser copies the page (UTF-8).
    Text,
}

impl Format {
    /// `html`, `page`, `text` (`txt`).
    pub fn from_id(id: &str) -> Option<Format> {
        Some(match id.trim().to_ascii_lowercase().as_str() {
            "html" => Format::Html,
            "page" => Format::Page,
            "text" | "txt" => Format::Text,
            _ => return None,
        })
    }

    pub fn id(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Page => "page",
            Format::Text => "text",
        }
    }

    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html | Format::Page => "html",
            Format::Text => "txt",
        }
    }

    /// The media type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Html | Format::Page => "text/html;charset=utf-8",
            Format::Text => "text/plain;charset=utf-8",
        }
    }
}

/// The table a section prints after its prose (section index 0–5).
pub(crate) fn table_of_section(i: usize) -> Option<TableKind> {
    match i {
        1 => Some(TableKind::Active),
        2 => Some(TableKind::Requests),
        3 => Some(TableKind::Appeals),
        _ => None,
    }
}

/// The draft in a format: UTF-8 bytes.
pub fn render(draft: &Draft, format: Format) -> Vec<u8> {
    match format {
        Format::Html => html::fragment(draft).into_bytes(),
        Format::Page => html::page(draft).into_bytes(),
        Format::Text => text::text(draft).into_bytes(),
    }
}
