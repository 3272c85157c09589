//! Reading: bytes or text in, the text every span will point into and what the input was
//! ([`Read`]) out. Decoding, rendering HTML, extracting a PDF's or a Word file's text all
//! happen here, before extraction; the result can be made in one place (the web app's
//! reader worker) and checked in another ([`crate::check_read`]).

pub use super::dates::DeclaredDate;
use super::file::{self, sniff, Format};
use super::problem::FileProblem;
use super::{decode, decode_html, html, Decoded, InputKind};

/// What the input was, before it was text. Serialisable both ways, so that a reader running
/// elsewhere (the web app's reader worker) can hand it over with the text (see
/// [`Read`]).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct InputFacts {
    pub bytes: usize,
    /// The text's encoding ("UTF-8", "GB18030" …), or the file format's name ("PDF", "DOCX").
    pub encoding: String,
    /// Characters lost on the way to text (each a U+FFFD): bytes that fit no encoding, or
    /// PDF glyphs whose font gives no Unicode text.
    pub replaced: usize,
    pub binary: bool,
    /// What kind of file the bytes were.
    pub format: Format,
    /// Why a PDF or Word file could not be read, or was read only in part.
    pub problem: Option<FileProblem>,
    /// How the input was read: [`InputKind::Text`] or [`InputKind::Html`].
    pub kind: InputKind,
    /// The encoding an HTML page declares, if any (whether or not it was followed).
    pub declared: Option<String>,
    /// Length of the text extraction read (for HTML, the text rendered from the page).
    pub text_bytes: usize,
    /// An HTML page too large to read whole was read up to a limit.
    pub truncated: bool,
    /// An HTML page nested its elements deeper than the limit; the deeper ones were read as
    /// text.
    pub too_deep: bool,
    /// The text had more lines or cells than the text reader reads
    /// ([`super::text::MAX_LINES`], [`super::text::MAX_CELLS`]): it was read
    /// up to there.
    pub cut: bool,
    /// The publication date an HTML page's metadata gives (`<meta name="PubDate" …>`), as
    /// written: it is not in the rendered text, so it travels here.
    pub page_date: Option<Box<DeclaredDate>>,
    /// When a PDF or Word file says it was made (a PDF's `/CreationDate` or XMP
    /// `xmp:CreateDate`, a .docx's `dcterms:created`), as written.
    pub created: Option<Box<DeclaredDate>>,
}

/// A report's input read as text, before extraction: the text every span will point into,
/// and what the input was. Reading (decoding, rendering HTML, extracting a PDF's or a Word
/// file's text) is the costly, dependency-heavy half of checking bytes; a `Read` can be made
/// in one place (the web app's reader worker, built with the readers) and checked in another
/// (the page, built without them) by [`crate::check_read`]. Serialisable both ways for that.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Read {
    pub text: String,
    pub input: InputFacts,
}

/// The largest input the core reads, in bytes (64 MiB). The text of an annual report is
/// 10 KB to 1 MB, a saved page a few hundred KB, a PDF with its fonts and images a few MB
/// and rarely a few tens of MB. Anything larger is not a report this tool can read, and
/// reading it would hold the page (or the command) for many seconds and hundreds of MB of
/// memory for nothing. Larger input is not read at all: the report is empty, with an S101
/// finding naming the input's size and this limit ([`FileProblem::OverLimit`]).
/// The web app and the command check a file's size against it before reading the file.
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// What is read of an input beyond [`MAX_INPUT_BYTES`]: nothing; S101 says why.
fn over_limit(bytes: usize, format: Format, kind: InputKind) -> Read {
    let input = InputFacts {
        bytes,
        encoding: String::new(),
        format,
        kind,
        problem: Some(FileProblem::OverLimit { bytes }),
        ..Default::default()
    };
    Read {
        text: String::new(),
        input,
    }
}

/// The facts of text given as text; an [`over_limit`] read when it is too large.
pub fn text_facts(text: &str) -> Result<InputFacts, Box<Read>> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Box::new(over_limit(
            text.len(),
            Format::Text,
            InputKind::Text,
        )));
    }
    Ok(InputFacts {
        bytes: text.len(),
        encoding: "UTF-8".to_string(),
        text_bytes: text.len(),
        ..Default::default()
    })
}

/// Read HTML that is already text (the clipboard's `text/html`) as [`check_html_str`] does.
pub fn read_html_str(html: &str) -> Read {
    if html.len() > MAX_INPUT_BYTES {
        return over_limit(html.len(), Format::Text, InputKind::Html);
    }
    let d = Decoded {
        text: html.to_string(),
        encoding: "UTF-8",
        ..Default::default()
    };
    read_decoded(d, html.len(), InputKind::Html)
}

/// Read bytes as [`check_bytes_as`] does, without checking them.
pub fn read_bytes_as(bytes: &[u8], kind: InputKind) -> Read {
    if bytes.len() > MAX_INPUT_BYTES {
        return over_limit(bytes.len(), sniff(bytes), kind);
    }
    // PDF and Word files are told by their bytes, whatever the caller guessed.
    if kind != InputKind::Html && sniff(bytes) != Format::Text {
        let f = file::read(bytes);
        let input = InputFacts {
            bytes: bytes.len(),
            encoding: f.encoding.to_string(),
            replaced: f.replaced,
            binary: f.binary,
            format: f.format,
            problem: f.problem,
            text_bytes: f.text.len(),
            created: file::created(bytes, f.format).map(Box::new),
            ..Default::default()
        };
        return Read {
            text: f.text,
            input,
        };
    }
    let kind = match kind {
        InputKind::Auto => {
            // After a UTF-16 BOM the markup is not ASCII bytes: look at the decoded text.
            let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
            let html = if utf16 {
                html::looks_like_html(decode(bytes).text.as_bytes())
            } else {
                html::looks_like_html(bytes)
            };
            if html {
                InputKind::Html
            } else {
                InputKind::Text
            }
        }
        k => k,
    };
    let d = match kind {
        InputKind::Html => decode_html(bytes),
        _ => decode(bytes),
    };
    read_decoded(d, bytes.len(), kind)
}

fn read_decoded(d: Decoded, bytes: usize, kind: InputKind) -> Read {
    let mut input = InputFacts {
        bytes,
        encoding: d.encoding.to_string(),
        replaced: d.replaced,
        binary: d.binary,
        kind,
        declared: d.declared.map(str::to_string),
        ..Default::default()
    };
    // Binary bytes are not parsed as a page: there is no page in them to render.
    let text = if kind == InputKind::Html && !d.binary {
        let r = html::render(&d.text);
        input.truncated = r.truncated;
        input.too_deep = r.too_deep;
        input.page_date = r
            .page_date
            .map(|(key, value)| Box::new(DeclaredDate { key, value }));
        r.text
    } else {
        d.text
    };
    input.text_bytes = text.len();
    Read { text, input }
}
