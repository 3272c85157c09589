//! Content streams → positioned glyphs and ruling lines: the text operators and the graphics
//! state that moves them (q/Q, cm, BT, Tf, Td, TD, Tm, T*, Tc, Tw, Tz, TL, Ts, Tj, TJ, ', ",
//! Do of form XObjects), and the path operators (m, l, re, h, c/v/y, S, s, f, F, f*, B, B*,
//! b, b*, n) for the horizontal and vertical lines a table's borders are drawn with: stroked
//! segments, and thin filled rectangles (Word, LibreOffice and Chromium draw cell borders so).
//! Nothing else that only paints.

use std::collections::HashMap;
use std::rc::Rc;

use hayro_syntax::content::UntypedIter;
use hayro_syntax::object::{Dict, Object, ObjectIdentifier, Stream};
use hayro_syntax::page::Resources;

use super::font::{Font, GlyphCode};
use super::{get, Budget};

/// A 2-D affine matrix [a b c d e f]: (x, y) → (a·x + c·y + e, b·x + d·y + f).
pub type Matrix = [f64; 6];

pub const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m1` then `m2`.
pub fn mul(m1: &Matrix, m2: &Matrix) -> Matrix {
    [
        m1[0] * m2[0] + m1[1] * m2[2],
        m1[0] * m2[1] + m1[1] * m2[3],
        m1[2] * m2[0] + m1[3] * m2[2],
        m1[2] * m2[1] + m1[3] * m2[3],
        m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
        m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// One glyph on a page, in page space with y growing downwards.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Its text; `None` when the font gives none.
    pub text: Option<String>,
    /// Left and right edge.
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Font size on the page.
    pub size: f64,
    /// The glyph stands upright (not rotated or skewed with the text).
    pub upright: bool,
}

/// A horizontal or vertical line on a page, in page space with y growing downwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ruling {
    pub horizontal: bool,
    /// y of a horizontal line, x of a vertical one.
    pub at: f64,
    /// Where it starts and ends along its direction (`from <= to`).
    pub from: f64,
    pub to: f64,
}

/// What a page draws that its text is read from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    pub rulings: Vec<Ruling>,
}

/// Rulings kept per page (a page of tables draws a few thousand border pieces); past this
/// the page is read without them, as lines.
pub const MAX_RULINGS: usize = 100_000;
/// Points of one path (a border is a few; glyph outlines drawn as paths are not borders).
const MAX_PATH_POINTS: usize = 4096;
/// A filled rectangle at most this thick (in points) is a line.
const THIN: f64 = 2.5;
/// A segment whose ends differ by at most this across its direction is straight.
const STRAIGHT: f64 = 0.5;

/// The path being built: subpaths of points in page space, and whether any part is a curve.
#[derive(Default)]
struct Path {
    subpaths: Vec<Vec<(f64, f64)>>,
    points: usize,
    curved: bool,
}

impl Path {
    fn point(&mut self, p: (f64, f64), new_subpath: bool) {
        if self.points >= MAX_PATH_POINTS || !(p.0.is_finite() && p.1.is_finite()) {
            self.curved = true;
            return;
        }
        self.points += 1;
        match self.subpaths.last_mut() {
            Some(sp) if !new_subpath => sp.push(p),
            _ => self.subpaths.push(vec![p]),
        }
    }

    fn close(&mut self) {
        if let Some(sp) = self.subpaths.last_mut() {
            if let Some(&first) = sp.first() {
                if sp.len() > 1 {
                    sp.push(first);
                }
            }
        }
    }

    /// Paint the path: its straight segments when stroked, its thin boxes when filled.
    fn paint(&mut self, stroke: bool, fill: bool, out: &mut Vec<Ruling>) {
        let path = std::mem::take(self);
        if path.curved {
            return;
        }
        for sp in &path.subpaths {
            if stroke {
                for w in sp.windows(2) {
                    push_segment(w[0], w[1], out);
                }
            }
            if fill && sp.len() >= 3 {
                let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
                for &(x, y) in sp {
                    x0 = x0.min(x);
                    x1 = x1.max(x);
                    y0 = y0.min(y);
                    y1 = y1.max(y);
                }
                // A thin box, or a thin bevelled piece of a border (a slanted sliver's box is
                // not thin both ways).
                let (w, h) = (x1 - x0, y1 - y0);
                if h <= THIN && w > h {
                    push_ruling(true, (y0 + y1) / 2.0, x0, x1, out);
                } else if w <= THIN && h > w {
                    push_ruling(false, (x0 + x1) / 2.0, y0, y1, out);
                }
            }
        }
    }
}

fn push_segment(a: (f64, f64), b: (f64, f64), out: &mut Vec<Ruling>) {
    if (a.1 - b.1).abs() <= STRAIGHT && (a.0 - b.0).abs() > STRAIGHT {
        push_ruling(true, (a.1 + b.1) / 2.0, a.0.min(b.0), a.0.max(b.0), out);
    } else if (a.0 - b.0).abs() <= STRAIGHT && (a.1 - b.1).abs() > STRAIGHT {
        push_ruling(false, (a.0 + b.0) / 2.0, a.1.min(b.1), a.1.max(b.1), out);
    }
}

fn push_ruling(horizontal: bool, at: f64, from: f64, to: f64, out: &mut Vec<Ruling>) {
    if out.len() < MAX_RULINGS && at.is_finite() && from.is_finite() && to.is_finite() {
        out.push(Ruling {
            horizontal,
            at,
            from,
            to,
        });
    }
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    char_spacing: f64,
    word_spacing: f64,
    horiz_scale: f64,
    leading: f64,
    font: Option<Rc<Font>>,
    size: f64,
    rise: f64,
}

/// Reads the glyphs of pages, keeping fonts loaded across pages.
pub struct Interpreter<'b> {
    fonts: HashMap<FontKey, Rc<Font>>,
    pub budget: &'b mut Budget,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectIdentifier),
    Inline(usize, usize),
}

const MAX_FORM_DEPTH: usize = 8;
const MAX_SAVED_STATES: usize = 256;
const MAX_MARKED_DEPTH: usize = 256;
const MAX_FONT_NAMES: usize = 256;

impl<'b> Interpreter<'b> {
    pub fn new(budget: &'b mut Budget) -> Self {
        Interpreter {
            fonts: HashMap::new(),
            budget,
        }
    }

    /// The glyphs and rulings of one content stream, drawn with `ctm` as the initial matrix.
    pub fn run(&mut self, content: &[u8], resources: &Resources<'_>, ctm: Matrix) -> PageContent {
        let mut out = PageContent::default();
        self.run_into(content, resources, ctm, 0, &mut out);
        out
    }

    fn font(&mut self, dict: &Dict<'_>) -> Rc<Font> {
        let key = match dict.obj_id() {
            Some(id) => FontKey::Object(id),
            None => FontKey::Inline(dict.data().as_ptr() as usize, dict.data().len()),
        };
        if let Some(f) = self.fonts.get(&key) {
            return f.clone();
        }
        let f = Rc::new(Font::load(dict, self.budget));
        self.fonts.insert(key, f.clone());
        f
    }

    fn run_into(
        &mut self,
        content: &[u8],
        resources: &Resources<'_>,
        ctm: Matrix,
        depth: usize,
        out: &mut PageContent,
    ) {
        let mut path = Path::default();
        let mut gs = GState {
            ctm,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horiz_scale: 1.0,
            leading: 0.0,
            font: None,
            size: 0.0,
            rise: 0.0,
        };
        let mut saved: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        // Marked content: each open sequence, whether it is a pagination artifact and the
        // text it stands for.
        let mut marked: Vec<Marked> = Vec::new();
        let mut codes: Vec<GlyphCode> = Vec::new();
        // The fonts of this stream's resources by name: a Tf looks its font up once, not its
        // dictionary again from the file for every run of text (at most MAX_FONT_NAMES kept).
        let mut by_name: HashMap<Vec<u8>, Option<Rc<Font>>> = HashMap::new();
        let mut iter = UntypedIter::new(content);
        while let Some(inst) = iter.next() {
            if !self.budget.op() {
                return;
            }
            let op: &[u8] = inst.operator;
            let args: Vec<&Object<'_>> = inst.operands().collect();
            let num = |i: usize| match args.get(i) {
                Some(Object::Number(n)) => Some(n.as_f64()).filter(|v| v.is_finite()),
                _ => None,
            };
            let last_nums = |n: usize| -> Option<Vec<f64>> {
                let start = args.len().checked_sub(n)?;
                (start..args.len()).map(num).collect()
            };
            match op {
                b"q" if saved.len() < MAX_SAVED_STATES => saved.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = last_nums(6) {
                        gs.ctm = mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &gs.ctm);
                    }
                }
                b"m" | b"l" => {
                    if let Some(v) = last_nums(2) {
                        path.point(apply(&gs.ctm, v[0], v[1]), op == b"m");
                    }
                }
                b"c" | b"v" | b"y" => path.curved = true,
                b"re" => {
                    if let Some(v) = last_nums(4) {
                        let (x, y, w, h) = (v[0], v[1], v[2], v[3]);
                        path.point(apply(&gs.ctm, x, y), true);
                        path.point(apply(&gs.ctm, x + w, y), false);
                        path.point(apply(&gs.ctm, x + w, y + h), false);
                        path.point(apply(&gs.ctm, x, y + h), false);
                        path.close();
                    }
                }
                b"h" => path.close(),
                b"S" => path.paint(true, false, &mut out.rulings),
                b"s" => {
                    path.close();
                    path.paint(true, false, &mut out.rulings);
                }
                b"f" | b"F" | b"f*" => path.paint(false, true, &mut out.rulings),
                b"B" | b"B*" => path.paint(true, true, &mut out.rulings),
                b"b" | b"b*" => {
                    path.close();
                    path.paint(true, true, &mut out.rulings);
                }
                b"n" => path = Path::default(),
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tc" => gs.char_spacing = last_nums(1).map_or(0.0, |v| v[0]),
                b"Tw" => gs.word_spacing = last_nums(1).map_or(0.0, |v| v[0]),
                b"Tz" => gs.horiz_scale = last_nums(1).map_or(100.0, |v| v[0]) / 100.0,
                b"TL" => gs.leading = last_nums(1).map_or(0.0, |v| v[0]),
                b"Ts" => gs.rise = last_nums(1).map_or(0.0, |v| v[0]),
                b"Tf" => {
                    let name = args.iter().find_map(|a| match a {
                        Object::Name(n) => Some(n.clone()),
                        _ => None,
                    });
                    gs.size = num(args.len().saturating_sub(1)).unwrap_or(0.0);
                    gs.font = name.and_then(|n| match by_name.get(n.as_ref()) {
                        Some(font) => font.clone(),
                        None => {
                            let font = resources.get_font(&n).map(|d| self.font(&d));
                            if by_name.len() < MAX_FONT_NAMES {
                                by_name.insert(n.to_vec(), font.clone());
                            }
                            font
                        }
                    });
                }
                b"Td" | b"TD" => {
                    if let Some(v) = last_nums(2) {
                        if op == b"TD" {
                            gs.leading = -v[1];
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, v[0], v[1]], &tlm);
                        tm = tlm;
                    }
                }
                b"Tm" => {
                    if let Some(m) = last_nums(6) {
                        tlm = [m[0], m[1], m[2], m[3], m[4], m[5]];
                        tm = tlm;
                    }
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op == b"\"" {
                        if let (Some(aw), Some(ac)) = (num(0), num(1)) {
                            gs.word_spacing = aw;
                            gs.char_spacing = ac;
                        }
                    }
                    if op != b"Tj" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Object::String(s)) = args.last() {
                        self.show(s.as_bytes(), &gs, &mut tm, &mut codes, &mut marked, out);
                    }
                }
                b"TJ" => {
                    let Some(Object::Array(items)) = args.last() else {
                        continue;
                    };
                    for item in get::items(items) {
                        match item {
                            Object::String(s) => {
                                let bytes = s.as_bytes();
                                self.show(bytes, &gs, &mut tm, &mut codes, &mut marked, out);
                            }
                            Object::Number(n) => {
                                let adj = n.as_f64();
                                if adj.is_finite() {
                                    let vertical = gs.font.as_ref().is_some_and(|f| f.vertical());
                                    let d = -adj / 1000.0 * gs.size;
                                    tm = if vertical {
                                        mul(&[1.0, 0.0, 0.0, 1.0, 0.0, d], &tm)
                                    } else {
                                        mul(&[1.0, 0.0, 0.0, 1.0, d * gs.horiz_scale, 0.0], &tm)
                                    };
                                }
                            }
                            _ => {}
                        }
                    }
                }
                b"BMC" | b"BDC" if marked.len() < MAX_MARKED_DEPTH => {
                    marked.push(Marked {
                        pagination: is_pagination(&args),
                        actual: replacement_text(&args),
                    });
                }
                b"EMC" => {
                    marked.pop();
                }
                b"Do" => {
                    if depth >= MAX_FORM_DEPTH {
                        continue;
                    }
                    let Some(Object::Name(name)) = args.last() else {
                        continue;
                    };
                    let Some(form) = resources.get_x_object(name) else {
                        continue;
                    };
                    self.form(&form, resources, &gs.ctm, depth, out);
                }
                _ => {}
            }
        }
    }

    fn form(
        &mut self,
        form: &Stream<'_>,
        parent: &Resources<'_>,
        ctm: &Matrix,
        depth: usize,
        out: &mut PageContent,
    ) {
        let dict = form.dict();
        if get::name(dict, b"Subtype").as_deref() != Some(b"Form") {
            return;
        }
        let matrix = get::array(dict, b"Matrix")
            .map(|a| get::numbers(&a).take(7).collect::<Vec<f64>>())
            .filter(|m| m.len() == 6 && m.iter().all(|v| v.is_finite()))
            .map_or(IDENTITY, |m| [m[0], m[1], m[2], m[3], m[4], m[5]]);
        let Some(data) = self.budget.decode(form) else {
            return;
        };
        let own = get::dict(dict, b"Resources").map(Resources::new);
        let resources = own.as_ref().unwrap_or(parent);
        self.run_into(&data, resources, mul(&matrix, ctm), depth + 1, out);
    }

    fn show(
        &mut self,
        bytes: &[u8],
        gs: &GState,
        tm: &mut Matrix,
        codes: &mut Vec<GlyphCode>,
        marked: &mut [Marked],
        out: &mut PageContent,
    ) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        codes.clear();
        font.decode(bytes, codes);
        let hidden = marked.iter().any(|m| m.pagination);
        let mut actual = actual_text(marked);
        let th = gs.horiz_scale;
        for g in codes.iter_mut() {
            // Inside a span with /ActualText, its first glyph stands for the whole text and
            // the others for nothing.
            if let Some(a) = actual.as_deref_mut() {
                g.text = Some(if a.given {
                    String::new()
                } else {
                    a.given = true;
                    a.text.clone()
                });
            }
            let size_m = [gs.size * th, 0.0, 0.0, gs.size, 0.0, gs.rise];
            let trm = mul(&mul(&size_m, tm), &gs.ctm);
            let spacing = gs.char_spacing + if g.word_space { gs.word_spacing } else { 0.0 };
            match g.vertical {
                Some([w1, vx, vy]) => {
                    // The glyph hangs from its vertical origin: its horizontal origin is
                    // at (-vx, -vy) from there.
                    let (x0, y) = apply(&trm, -vx, -vy);
                    let (x1, _) = apply(&trm, g.w0 - vx, -vy);
                    if !hidden && self.budget.glyph() {
                        out.glyphs.push(glyph(g, x0, x1, y, &trm));
                    }
                    let ty = w1 * gs.size + spacing;
                    *tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, ty], tm);
                }
                None => {
                    let (x0, y) = apply(&trm, 0.0, 0.0);
                    let (x1, _) = apply(&trm, g.w0, 0.0);
                    if !hidden && self.budget.glyph() {
                        out.glyphs.push(glyph(g, x0, x1, y, &trm));
                    }
                    let tx = (g.w0 * gs.size + spacing) * th;
                    *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
                }
            }
        }
    }
}

fn glyph(g: &GlyphCode, x0: f64, x1: f64, y: f64, trm: &Matrix) -> Glyph {
    let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
    // Upright: the glyph's x axis runs along the page's x axis.
    let upright = trm[0] > 0.0 && trm[1].abs() <= trm[0] * 0.1 && trm[3].abs() > 0.0;
    Glyph {
        text: g.text.clone(),
        x0: x0.min(x1),
        x1: x0.max(x1),
        y,
        size: if size.is_finite() { size } else { 0.0 },
        upright,
    }
}

/// An open marked-content sequence.
struct Marked {
    /// A running head, running foot or page number.
    pagination: bool,
    /// The text its glyphs stand for (`/ActualText`), when it gives one.
    actual: Option<ActualText>,
}

/// A span's `/ActualText`, and whether a glyph has been given it yet.
struct ActualText {
    text: String,
    given: bool,
}

/// The innermost open span's replacement text.
fn actual_text(marked: &mut [Marked]) -> Option<&mut ActualText> {
    marked.iter_mut().rev().find_map(|m| m.actual.as_mut())
}

/// `/Span <</ActualText (…)>> BDC`: the text the span's glyphs stand for (Writer gives a
/// character its font has no glyph for so, drawing a fallback glyph whose ToUnicode says
/// another character).
fn replacement_text(args: &[&Object<'_>]) -> Option<ActualText> {
    let Some(Object::Dict(props)) = args.get(1) else {
        return None;
    };
    let Some(Object::String(s)) = get::object(props, b"ActualText") else {
        return None;
    };
    Some(ActualText {
        text: text_string(s.as_bytes()),
        given: false,
    })
}

/// A PDF text string: UTF-16BE after a byte order mark, UTF-8 after one, else
/// PDFDocEncoding (read as Latin-1, which it is for printable ASCII).
fn text_string(bytes: &[u8]) -> String {
    let text: String = if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]));
        char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect()
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    text.chars().filter(|c| !c.is_control()).collect()
}

/// `/Artifact <</Type /Pagination …>>` or `/Subtype /Header|/Footer`: running heads, page
/// numbers.
fn is_pagination(args: &[&Object<'_>]) -> bool {
    let Some(Object::Name(tag)) = args.first() else {
        return false;
    };
    if tag.as_ref() != b"Artifact" {
        return false;
    }
    let Some(Object::Dict(props)) = args.get(1) else {
        return false;
    };
    get::name(props, b"Type").as_deref() == Some(b"Pagination")
        || matches!(
            get::name(props, b"Subtype").as_deref(),
            Some(b"Header" | b"Footer")
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_left_to_right() {
        let scale = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        let shift = [1.0, 0.0, 0.0, 1.0, 10.0, 5.0];
        // Scale first, then shift.
        assert_eq!(apply(&mul(&scale, &shift), 1.0, 1.0), (12.0, 7.0));
        assert_eq!(apply(&mul(&shift, &scale), 1.0, 1.0), (22.0, 12.0));
    }
}
