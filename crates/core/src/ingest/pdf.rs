//! PDF files → text, read from the text layer in the browser as natively.
//!
//! `hayro-syntax` reads the file's structure (xref tables and streams, object streams,
//! filters, decryption with the empty password that "protected" PDFs use to restrict
//! printing). This module interprets the pages' content streams for glyphs and their
//! positions (`content`), maps codes to Unicode through the fonts' CMaps (`font`, `cmap`),
//! and lays the glyphs out as lines of text (`layout`) in the form the text reader already
//! reads: what a PDF text extractor gives.
//!
//! Nothing here trusts the file: every stream is inflated with a cap, the total work is
//! budgeted, and failures become a [`FileProblem`] for S101 to explain.

mod cmap;
mod content;
mod font;
mod glyphs;
mod grid;
mod layout;
mod stream;

use hayro_syntax::object::{Array, Dict, Name, Object, Stream};
use hayro_syntax::Filter;
use hayro_syntax::{LoadPdfError, Pdf};

use super::bytes;
use super::problem::FileProblem;

/// Largest decoded size of one stream.
const STREAM_LIMIT: usize = 64 << 20;
/// Largest decoded size of all streams together.
const TOTAL_LIMIT: usize = 256 << 20;
/// Streams whose filters this module does not inflate itself are decoded only up to this raw
/// size (so that no filter chain can expand past [`STREAM_LIMIT`]).
const FOREIGN_FILTER_RAW_LIMIT: usize = 48 << 10;
/// Content stream operators, over all pages and forms (a long report has a few hundred
/// thousand).
const OP_LIMIT: usize = 10_000_000;
/// Glyphs, over all pages (a long report has a few hundred thousand).
const GLYPH_LIMIT: usize = 1_000_000;

/// Dictionary entries by kind. Everything is read as an `Object` and matched here, so that
/// the PDF library's parser is instantiated once rather than once per kind (wasm size).
pub(crate) mod get {
    use super::{Array, Dict, Name, Object, Stream};

    pub fn object<'a>(d: &Dict<'a>, key: &[u8]) -> Option<Object<'a>> {
        d.get::<Object<'a>>(key)
    }

    pub fn name<'a>(d: &Dict<'a>, key: &[u8]) -> Option<Name<'a>> {
        match object(d, key)? {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    pub fn dict<'a>(d: &Dict<'a>, key: &[u8]) -> Option<Dict<'a>> {
        match object(d, key)? {
            Object::Dict(x) => Some(x),
            _ => None,
        }
    }

    pub fn stream<'a>(d: &Dict<'a>, key: &[u8]) -> Option<Stream<'a>> {
        match object(d, key)? {
            Object::Stream(x) => Some(x),
            _ => None,
        }
    }

    pub fn array<'a>(d: &Dict<'a>, key: &[u8]) -> Option<Array<'a>> {
        match object(d, key)? {
            Object::Array(x) => Some(x),
            _ => None,
        }
    }

    /// A finite number.
    pub fn number(d: &Dict<'_>, key: &[u8]) -> Option<f64> {
        as_number(&object(d, key)?)
    }

    pub fn as_number(o: &Object<'_>) -> Option<f64> {
        match o {
            Object::Number(n) => Some(n.as_f64()).filter(|v| v.is_finite()),
            _ => None,
        }
    }

    /// The items of an array, resolved.
    pub fn items<'a>(a: &Array<'a>) -> impl Iterator<Item = Object<'a>> + 'a {
        a.iter::<Object<'a>>()
    }

    /// The numbers of an array (other items skipped).
    pub fn numbers<'a>(a: &Array<'a>) -> impl Iterator<Item = f64> + 'a {
        items(a).filter_map(|o| as_number(&o))
    }
}

/// The text of a PDF and what was seen on the way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfText {
    pub text: String,
    pub pages: usize,
    /// Glyphs whose font gives no Unicode text (written as U+FFFD).
    pub unmapped: usize,
    /// Why the file could not be read, or was read only in part.
    pub problem: Option<FileProblem>,
}

/// Work and memory spent on one file.
pub(crate) struct Budget {
    decoded: usize,
    ops: usize,
    glyphs: usize,
    /// A limit was reached.
    pub exceeded: bool,
    /// Streams that could not be decoded.
    pub failed: usize,
}

impl Budget {
    fn new() -> Self {
        Budget {
            decoded: 0,
            ops: 0,
            glyphs: 0,
            exceeded: false,
            failed: 0,
        }
    }

    /// Count one operator; false once the limit is reached.
    fn op(&mut self) -> bool {
        self.ops += 1;
        if self.ops > OP_LIMIT {
            self.exceeded = true;
        }
        !self.exceeded
    }

    /// Count one glyph; false once the limit is reached.
    fn glyph(&mut self) -> bool {
        self.glyphs += 1;
        if self.glyphs > GLYPH_LIMIT {
            self.exceeded = true;
        }
        !self.exceeded
    }

    /// A stream's decoded data, within the limits.
    fn decode(&mut self, stream: &Stream<'_>) -> Option<Vec<u8>> {
        if self.exceeded {
            return None;
        }
        let limit = STREAM_LIMIT.min(TOTAL_LIMIT.saturating_sub(self.decoded));
        let filters = stream.filters();
        let raw = stream.raw_data();
        let predictor = get::dict(stream.dict(), b"DecodeParms")
            .and_then(|p| get::number(&p, b"Predictor"))
            .unwrap_or(1.0);
        let data = match filters.as_slice() {
            [] => Ok(raw.into_owned()),
            [Filter::FlateDecode] if predictor <= 1.0 => inflate(&raw, limit),
            _ if raw.len() <= FOREIGN_FILTER_RAW_LIMIT => {
                stream.decoded().map(|d| d.into_owned()).map_err(|_| false)
            }
            _ => Err(false),
        };
        match data {
            Ok(d) if d.len() <= limit => {
                self.decoded += d.len();
                Some(d)
            }
            Ok(_) | Err(true) => {
                self.exceeded = true;
                None
            }
            Err(false) => {
                self.failed += 1;
                None
            }
        }
    }
}

/// Inflate zlib (or bare deflate) data to at most `limit` bytes. `Err(true)`: the limit was
/// reached; `Err(false)`: not deflate data. A stream cut short or corrupt near its end gives
/// what it had (as PDF readers do).
fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, bool> {
    let zlib = data.len() >= 2
        && data[0] & 0x0F == 8
        && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
    match inflate_with(data, limit, zlib) {
        Ok(out) => Ok(out),
        Err(Some(out)) if !out.is_empty() => Ok(out),
        Err(None) => Err(true),
        Err(Some(_)) if zlib => match inflate_with(data, limit, false) {
            Ok(out) => Ok(out),
            Err(Some(out)) if !out.is_empty() => Ok(out),
            Err(None) => Err(true),
            Err(Some(_)) => Err(false),
        },
        Err(Some(_)) => Err(false),
    }
}

/// `Err(None)`: the limit was reached; `Err(Some(partial))`: the data is not valid deflate
/// from some point on.
fn inflate_with(mut input: &[u8], limit: usize, zlib: bool) -> Result<Vec<u8>, Option<Vec<u8>>> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let mut flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF
        | inflate_flags::TINFL_FLAG_IGNORE_ADLER32;
    if zlib {
        flags |= inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER;
    }
    let mut out = vec![0u8; input.len().saturating_mul(4).clamp(1024, limit.max(1))];
    let mut state = Box::<DecompressorOxide>::default();
    let mut pos = 0;
    loop {
        let (status, consumed, written) = decompress(&mut state, input, &mut out, pos, flags);
        pos += written;
        input = input.get(consumed..).unwrap_or(&[]);
        match status {
            TINFLStatus::Done => {
                out.truncate(pos);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return Err(None);
                }
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            _ => {
                out.truncate(pos);
                return Err(Some(out));
            }
        }
    }
}

/// Object streams and xref streams are inflated by `hayro-syntax` itself, without a cap;
/// check them first. Finds each `stream` keyword whose dictionary names `/ObjStm` or `/XRef`.
fn check_structure_streams(bytes: &[u8]) -> Result<(), FileProblem> {
    let mut total = 0usize;
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| bytes::find(rest, 0, b"stream"))
    {
        let kw = from + at;
        from = kw + 6;
        // "endstream" is not a stream start.
        if kw >= 3 && bytes.get(kw - 3..kw) == Some(b"end") {
            continue;
        }
        let dict_start = kw.saturating_sub(1024);
        let dict = &bytes[dict_start..kw];
        let dict = match find_last(dict, b"obj") {
            Some(o) => &dict[o..],
            None => dict,
        };
        if bytes::find(dict, 0, b"/ObjStm").is_none() && bytes::find(dict, 0, b"/XRef").is_none() {
            continue;
        }
        let mut start = kw + 6;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let Some(data) = bytes.get(start..) else {
            break;
        };
        let limit = STREAM_LIMIT.min(TOTAL_LIMIT.saturating_sub(total));
        match inflate(data, limit) {
            Ok(d) => total += d.len(),
            Err(true) => {
                return Err(FileProblem::TooLarge {
                    limit_mib: STREAM_LIMIT >> 20,
                })
            }
            Err(false) => {}
        }
    }
    Ok(())
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Read the text of a PDF file.
pub fn read(bytes: &[u8]) -> PdfText {
    let fail = |problem| PdfText {
        problem: Some(problem),
        ..PdfText::default()
    };
    if let Err(p) = check_structure_streams(bytes) {
        return fail(p);
    }
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(LoadPdfError::Decryption(_)) => return fail(FileProblem::Encrypted),
        Err(LoadPdfError::Invalid) => return fail(FileProblem::Damaged),
    };
    let mut budget = Budget::new();
    let pages = pdf.pages();
    let mut unmapped = 0;
    let mut page_lines = Vec::with_capacity(pages.len());
    let mut heights = Vec::with_capacity(pages.len());
    {
        let mut interp = content::Interpreter::new(&mut budget);
        for page in pages.iter() {
            let content = page_content(page, interp.budget);
            let ctm = page.initial_transform(true).as_coeffs();
            let drawn = interp.run(&content, page.resources(), ctm);
            page_lines.push(layout::page_lines(drawn, &mut unmapped));
            heights.push(f64::from(page.render_dimensions().1));
            if interp.budget.exceeded {
                break;
            }
        }
    }
    let mut page_lines = unruled_read(page_lines, &mut unmapped);
    layout::drop_page_furniture(&mut page_lines, &heights);
    layout::join_cut_rows(&mut page_lines);
    let mut text = String::new();
    for line in page_lines.iter().flatten() {
        text.push_str(&line.text);
        text.push('\n');
    }
    let problem = if budget.exceeded {
        Some(FileProblem::TooLarge {
            limit_mib: STREAM_LIMIT >> 20,
        })
    } else if text.trim().is_empty() {
        Some(if budget.failed > 0 {
            FileProblem::Damaged
        } else {
            FileProblem::NoText { pages: pages.len() }
        })
    } else {
        None
    };
    PdfText {
        text,
        pages: pages.len(),
        unmapped,
        problem,
    }
}

/// Pages as lines: each run of pages without table grids read together (`stream`), their
/// borderless tables by row.
fn unruled_read(pages: Vec<layout::Page>, unmapped: &mut usize) -> Vec<Vec<layout::PageLine>> {
    let mut out = Vec::with_capacity(pages.len());
    let mut run: Vec<Vec<content::Glyph>> = Vec::new();
    for page in pages {
        match page {
            layout::Page::Unruled(glyphs) => run.push(glyphs),
            layout::Page::Read(lines) => {
                out.extend(stream::read_pages(std::mem::take(&mut run), unmapped));
                out.push(lines);
            }
        }
    }
    out.extend(stream::read_pages(run, unmapped));
    out
}

/// A page's content: one stream or an array of them, joined.
fn page_content(page: &hayro_syntax::page::Page<'_>, budget: &mut Budget) -> Vec<u8> {
    let dict = page.raw();
    let mut out = Vec::new();
    match get::object(dict, b"Contents") {
        Some(Object::Stream(s)) => return budget.decode(&s).unwrap_or_default(),
        Some(Object::Array(parts)) => {
            for part in get::items(&parts) {
                if let Object::Stream(s) = part {
                    if let Some(d) = budget.decode(&s) {
                        out.extend_from_slice(&d);
                        out.push(b'\n');
                    }
                }
            }
        }
        _ => {}
    }
    out
}
