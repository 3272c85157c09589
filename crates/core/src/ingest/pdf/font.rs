//! Fonts, as far as text extraction needs them: how a shown string splits into codes, the
//! Unicode text of each code, and each glyph's advance (for positions).
//!
//! Composite (Type0) fonts: the encoding CMap (Identity-H/V as Word and WPS write Chinese, a
//! predefined GBK or UCS-2 CMap, or an embedded one), the ToUnicode CMap, `W`/`DW` widths and
//! `W2`/`DW2` for vertical writing. Simple fonts: one byte per code, ToUnicode or the
//! `Encoding` (WinAnsi, MacRoman, Standard, `Differences` glyph names), `Widths`.

use hayro_syntax::object::{Array, Dict, Object};

use super::cmap::{CMap, Code, Predefined};
use super::glyphs::glyph_name_char;
use super::{get, Budget};

/// How the bytes of a shown string become codes and CIDs.
#[derive(Clone, Debug)]
enum Encoding {
    /// One byte per code, for simple fonts; Unicode from this table if no ToUnicode.
    Simple(Box<[Option<char>; 256]>),
    Predefined(Predefined),
    Embedded(CMap),
}

/// Advances of a CID font, by CID ranges.
#[derive(Clone, Debug, Default)]
struct CidWidths {
    /// (first, last, index into `values` or usize::MAX for `single`), sorted by first.
    ranges: Vec<(u32, u32, WidthAt)>,
    values: Vec<f64>,
    default: f64,
}

#[derive(Clone, Copy, Debug)]
enum WidthAt {
    /// One width for the whole range.
    Same(f64),
    /// Per-CID widths from this index of `values`.
    List(usize),
}

/// Vertical metrics of a CID font: (w1y, vx, vy) per CID, in glyph units.
#[derive(Clone, Debug, Default)]
struct VerticalMetrics {
    ranges: Vec<(u32, u32, [f64; 3])>,
    default_vy: f64,
    default_w1: f64,
}

#[derive(Clone, Debug)]
enum Widths {
    Simple {
        first: u32,
        widths: Vec<f64>,
        missing: f64,
    },
    Cid(CidWidths),
}

/// A loaded font.
#[derive(Clone, Debug)]
pub struct Font {
    encoding: Encoding,
    to_unicode: Option<CMap>,
    widths: Widths,
    vertical: Option<VerticalMetrics>,
    /// Glyph units → text space (1/1000, or a Type3 font's matrix).
    scale: f64,
}

/// One code of a shown string.
#[derive(Clone, Debug, PartialEq)]
pub struct GlyphCode {
    /// Bytes the code took.
    pub len: usize,
    /// Unicode text, when the font says.
    pub text: Option<String>,
    /// Horizontal advance in text space units (before the font size).
    pub w0: f64,
    /// For vertical writing: the vertical advance (negative: downwards) and the position
    /// vector from the horizontal to the vertical origin, in text space units.
    pub vertical: Option<[f64; 3]>,
    /// A single-byte code 32, to which word spacing applies.
    pub word_space: bool,
}

/// Widths arrays longer than this are cut: no font has more glyphs.
const MAX_WIDTHS: usize = 70_000;

impl Font {
    /// Read a font dictionary. Never fails: a font that cannot be read gives codes without
    /// text (counted as unreadable characters).
    pub fn load(dict: &Dict<'_>, budget: &mut Budget) -> Font {
        let subtype = get::name(dict, b"Subtype");
        let to_unicode = get::stream(dict, b"ToUnicode")
            .and_then(|s| budget.decode(&s))
            .map(|d| CMap::parse(&d));
        if subtype.as_deref() == Some(b"Type0") {
            return Self::load_type0(dict, to_unicode, budget);
        }
        let scale = if subtype.as_deref() == Some(b"Type3") {
            get::array(dict, b"FontMatrix")
                .and_then(|a| get::numbers(&a).next())
                .filter(|s| s.is_finite() && s.abs() < 10.0)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let first = get::number(dict, b"FirstChar")
            .unwrap_or(0.0)
            .clamp(0.0, 255.0) as u32;
        let widths: Vec<f64> = get::array(dict, b"Widths")
            .map(|a| get::numbers(&a).take(256).collect())
            .unwrap_or_default();
        let missing = get::dict(dict, b"FontDescriptor")
            .and_then(|d| get::number(&d, b"MissingWidth"))
            .filter(|w| *w > 0.0)
            .unwrap_or(if widths.is_empty() { 500.0 } else { 0.0 });
        Font {
            encoding: Encoding::Simple(Box::new(simple_encoding(dict))),
            to_unicode,
            widths: Widths::Simple {
                first,
                widths,
                missing,
            },
            vertical: None,
            scale,
        }
    }

    fn load_type0(dict: &Dict<'_>, to_unicode: Option<CMap>, budget: &mut Budget) -> Font {
        let (encoding, vertical) = match get::object(dict, b"Encoding") {
            Some(Object::Name(name)) => match Predefined::from_name(&name) {
                Some((p, v)) => (Encoding::Predefined(p), v),
                None => (Encoding::Predefined(Predefined::Identity), false),
            },
            Some(Object::Stream(s)) => {
                let wmode = get::number(s.dict(), b"WMode") == Some(1.0);
                let data = budget.decode(&s).unwrap_or_default();
                let vertical = wmode || crate::ingest::bytes::find(&data, 0, b"/WMode 1").is_some();
                let cmap = CMap::parse(&data);
                if cmap.has_codespace() {
                    (Encoding::Embedded(cmap), vertical)
                } else {
                    (Encoding::Predefined(Predefined::Identity), vertical)
                }
            }
            _ => (Encoding::Predefined(Predefined::Identity), false),
        };
        let descendant = get::array(dict, b"DescendantFonts")
            .and_then(|a| {
                get::items(&a).find_map(|o| match o {
                    Object::Dict(d) => Some(d),
                    _ => None,
                })
            })
            .unwrap_or_default();
        let widths = Widths::Cid(cid_widths(&descendant));
        let vertical = vertical.then(|| vertical_metrics(&descendant));
        Font {
            encoding,
            to_unicode,
            widths,
            vertical,
            scale: 0.001,
        }
    }

    /// Whether the font writes vertically (Identity-V and other -V CMaps).
    pub fn vertical(&self) -> bool {
        self.vertical.is_some()
    }

    /// Split a shown string into codes with their text and advances.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<GlyphCode>) {
        let mut rest = bytes;
        while !rest.is_empty() {
            let code = match &self.encoding {
                Encoding::Simple(_) => Some(Code {
                    value: u32::from(rest[0]),
                    len: 1,
                }),
                Encoding::Predefined(p) => p.next_code(rest),
                Encoding::Embedded(m) => m.next_code(rest),
            };
            let Some(code) = code.filter(|c| c.len > 0) else {
                break;
            };
            let len = usize::from(code.len).min(rest.len());
            rest = &rest[len..];
            out.push(self.glyph(code, len));
        }
    }

    fn glyph(&self, code: Code, len: usize) -> GlyphCode {
        let text = self
            .to_unicode
            .as_ref()
            .and_then(|m| m.unicode(code))
            .or_else(|| match &self.encoding {
                Encoding::Simple(table) => table
                    .get(code.value as usize)
                    .copied()
                    .flatten()
                    .map(String::from),
                Encoding::Predefined(p) => p.unicode(code),
                Encoding::Embedded(_) => None,
            })
            .map(|t| repair_radicals(&t))
            .filter(|t| !t.is_empty());
        let (w0, cid) = match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => {
                let w = code
                    .value
                    .checked_sub(*first)
                    .and_then(|i| widths.get(i as usize))
                    .copied()
                    .unwrap_or(*missing);
                (w, code.value)
            }
            Widths::Cid(cw) => {
                let cid = match &self.encoding {
                    Encoding::Embedded(m) => m.cid(code).unwrap_or(code.value),
                    Encoding::Predefined(Predefined::Identity) => code.value,
                    // Without the Adobe tables the CID is unknown: half width for one-byte
                    // (ASCII) codes, the default width for the rest.
                    _ => {
                        let w = if code.len == 1 { 500.0 } else { cw.default };
                        return self.finish(code, len, text, w, None);
                    }
                };
                (cw.width(cid), cid)
            }
        };
        self.finish(code, len, text, w0, Some(cid))
    }

    fn finish(
        &self,
        code: Code,
        len: usize,
        text: Option<String>,
        w0: f64,
        cid: Option<u32>,
    ) -> GlyphCode {
        let w0 = if w0.is_finite() { w0 } else { 0.0 };
        let vertical = self.vertical.as_ref().map(|v| {
            let m = cid.and_then(|c| v.get(c));
            let [w1, vx, vy] = m.unwrap_or([v.default_w1, w0 / 2.0, v.default_vy]);
            [w1 * self.scale, vx * self.scale, vy * self.scale]
        });
        GlyphCode {
            len,
            text,
            w0: w0 * self.scale,
            vertical,
            word_space: len == 1 && code.value == 32,
        }
    }
}

impl CidWidths {
    fn width(&self, cid: u32) -> f64 {
        let i = self.ranges.partition_point(|r| r.0 <= cid);
        // Ranges may overlap; look back over a few for one that covers the CID.
        for r in self.ranges[..i].iter().rev().take(8) {
            if r.0 <= cid && cid <= r.1 {
                return match r.2 {
                    WidthAt::Same(w) => w,
                    WidthAt::List(at) => self
                        .values
                        .get(at + (cid - r.0) as usize)
                        .copied()
                        .unwrap_or(self.default),
                };
            }
        }
        self.default
    }
}

impl VerticalMetrics {
    fn get(&self, cid: u32) -> Option<[f64; 3]> {
        let i = self.ranges.partition_point(|r| r.0 <= cid);
        self.ranges[..i]
            .iter()
            .rev()
            .take(8)
            .find(|r| r.0 <= cid && cid <= r.1)
            .map(|r| r.2)
    }
}

fn numbers(a: &Array<'_>) -> Vec<f64> {
    get::numbers(a).take(MAX_WIDTHS).collect()
}

fn cid_widths(font: &Dict<'_>) -> CidWidths {
    let mut cw = CidWidths {
        default: get::number(font, b"DW").unwrap_or(1000.0),
        ..CidWidths::default()
    };
    let Some(w) = get::array(font, b"W") else {
        return cw;
    };
    let items: Vec<Object<'_>> = get::items(&w).take(MAX_WIDTHS).collect();
    let num = |o: &Object<'_>| match o {
        Object::Number(n) => Some(n.as_f64()),
        _ => None,
    };
    let mut i = 0;
    while i < items.len() && cw.values.len() < MAX_WIDTHS {
        let Some(first) = num(&items[i]).filter(|f| *f >= 0.0) else {
            break;
        };
        let first = first as u32;
        match items.get(i + 1) {
            Some(Object::Array(list)) => {
                let ws = numbers(list);
                if !ws.is_empty() {
                    let last = first.saturating_add(ws.len() as u32 - 1);
                    cw.ranges
                        .push((first, last, WidthAt::List(cw.values.len())));
                    cw.values.extend(ws);
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(width)) = (num(o), items.get(i + 2).and_then(num)) else {
                    break;
                };
                if last >= f64::from(first) {
                    cw.ranges.push((first, last as u32, WidthAt::Same(width)));
                }
                i += 3;
            }
            None => break,
        }
    }
    cw.ranges.sort_by_key(|r| r.0);
    cw
}

fn vertical_metrics(font: &Dict<'_>) -> VerticalMetrics {
    let dw2: Vec<f64> = get::array(font, b"DW2")
        .map(|a| numbers(&a))
        .unwrap_or_default();
    let mut vm = VerticalMetrics {
        ranges: Vec::new(),
        default_vy: dw2.first().copied().unwrap_or(880.0),
        default_w1: dw2.get(1).copied().unwrap_or(-1000.0),
    };
    let Some(w2) = get::array(font, b"W2") else {
        return vm;
    };
    let items: Vec<Object<'_>> = get::items(&w2).take(MAX_WIDTHS).collect();
    let num = |o: &Object<'_>| match o {
        Object::Number(n) => Some(n.as_f64()),
        _ => None,
    };
    let mut i = 0;
    while i < items.len() && vm.ranges.len() < MAX_WIDTHS {
        let Some(first) = num(&items[i]).filter(|f| *f >= 0.0) else {
            break;
        };
        let first = first as u32;
        match items.get(i + 1) {
            Some(Object::Array(list)) => {
                for (k, m) in numbers(list).chunks_exact(3).enumerate() {
                    let cid = first.saturating_add(k as u32);
                    vm.ranges.push((cid, cid, [m[0], m[1], m[2]]));
                }
                i += 2;
            }
            Some(o) => {
                let m: Vec<f64> = items
                    .get(i + 2..i + 5)
                    .map(|s| s.iter().filter_map(num).collect())
                    .unwrap_or_default();
                let (Some(last), [a, b, c]) = (num(o), m.as_slice()) else {
                    break;
                };
                vm.ranges.push((first, last as u32, [*a, *b, *c]));
                i += 5;
            }
            None => break,
        }
    }
    vm.ranges.sort_by_key(|r| r.0);
    vm
}

/// The code → character table of a simple font without ToUnicode.
fn simple_encoding(font: &Dict<'_>) -> [Option<char>; 256] {
    let mut table = [None; 256];
    let (base, differences) = match get::object(font, b"Encoding") {
        Some(Object::Name(n)) => (Some(n), None),
        Some(Object::Dict(d)) => (
            get::name(&d, b"BaseEncoding"),
            get::array(&d, b"Differences"),
        ),
        _ => (None, None),
    };
    let single = match base.as_deref() {
        Some(b"WinAnsiEncoding") => Some(encoding_rs::WINDOWS_1252),
        Some(b"MacRomanEncoding") => Some(encoding_rs::MACINTOSH),
        _ => None,
    };
    for (i, slot) in table.iter_mut().enumerate() {
        *slot = match single {
            Some(enc) => {
                let b = [i as u8];
                let (s, _, bad) = enc.decode(&b);
                if bad {
                    None
                } else {
                    s.chars().next().filter(|c| !c.is_control())
                }
            }
            // StandardEncoding and fonts' built-in encodings agree with ASCII on the
            // printable range, which is what reports need (digits, Latin letters).
            None => (32..127).contains(&i).then_some(i as u8 as char),
        };
    }
    if let Some(diffs) = differences {
        let mut code: Option<usize> = None;
        for item in get::items(&diffs).take(1024) {
            match item {
                Object::Number(n) => code = usize::try_from(n.as_i64()).ok(),
                Object::Name(name) => {
                    if let Some(c) = code {
                        if let Some(slot) = table.get_mut(c) {
                            *slot = glyph_name_char(&name);
                        }
                        code = Some(c + 1);
                    }
                }
                _ => {}
            }
        }
    }
    table
}

/// Fonts in Word- and WPS-made PDFs often map ideographs to the look-alike radical code points
/// ("⾏政" for 行政, "⻓" for 长); these are the same glyphs, so they are read as the ideographs.
fn repair_radicals(s: &str) -> String {
    s.chars()
        .map(|c| match c as u32 {
            0x2E80..=0x2FDF => crate::ingest::norm::unified(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_read_as_ideographs() {
        assert_eq!(repair_radicals("\u{2F8F}政\u{2EDA}"), "行政页");
        assert_eq!(repair_radicals("总计"), "总计");
        // Compatibility ideographs are real characters of the file: kept in the text.
        assert_eq!(repair_radicals("\u{F90A}"), "\u{F90A}");
    }
}
