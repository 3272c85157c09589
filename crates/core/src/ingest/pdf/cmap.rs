//! CMaps: how a font's byte string splits into character codes, which CID each code selects,
//! and (in a ToUnicode CMap) which Unicode text each code stands for.
//!
//! Parsed from the CMap program text (`begincodespacerange`, `beginbfchar`, `beginbfrange`,
//! `begincidchar`, `begincidrange`); ranges stay ranges, so `<0000> <FFFF>` costs nothing.
//! The predefined CMaps that Chinese PDFs name without embedding (Identity-H/V, UniGB-UCS2,
//! UniGB-UTF16, GBK-EUC, GB-EUC …) are described by [`Predefined`].

use std::collections::HashMap;

/// A character code: its value and its length in bytes (1–4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Code {
    pub value: u32,
    pub len: u8,
}

#[derive(Clone, Debug, PartialEq)]
struct CodeRange {
    len: u8,
    lo: u32,
    hi: u32,
}

#[derive(Clone, Debug, PartialEq)]
enum BfTarget {
    /// UTF-16 code units of the first code; later codes add to the last unit.
    Base(Vec<u16>),
    /// One string per code.
    List(Vec<String>),
}

#[derive(Clone, Debug, PartialEq)]
struct BfRange {
    len: u8,
    lo: u32,
    hi: u32,
    target: BfTarget,
}

/// A parsed CMap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CMap {
    codespace: Vec<CodeRange>,
    bf_chars: HashMap<Code, String>,
    bf_ranges: Vec<BfRange>,
    cid_chars: HashMap<Code, u32>,
    cid_ranges: Vec<(CodeRange, u32)>,
}

/// Entries beyond this many are ignored: a real CMap has a few thousand.
const MAX_ENTRIES: usize = 200_000;

impl CMap {
    /// Parse a CMap program. Never fails: what cannot be read is left out.
    pub fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lex = Lexer { data, pos: 0 };
        let mut operands: Vec<Token> = Vec::new();
        let mut entries = 0usize;
        while let Some(tok) = lex.next() {
            let Token::Keyword(kw) = tok else {
                if operands.len() < 4096 {
                    operands.push(tok);
                }
                continue;
            };
            match kw {
                b"endcodespacerange" => {
                    for pair in operands.chunks_exact(2) {
                        if let (Token::Hex(lo), Token::Hex(hi)) = (&pair[0], &pair[1]) {
                            if let (Some(l), Some(h)) = (code_of(lo), code_of(hi)) {
                                if l.len == h.len {
                                    cmap.codespace.push(CodeRange {
                                        len: l.len,
                                        lo: l.value,
                                        hi: h.value,
                                    });
                                }
                            }
                        }
                    }
                }
                b"endbfchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let (Token::Hex(src), Some(dst)) = (&pair[0], text_of(&pair[1])) {
                            if let Some(code) = code_of(src) {
                                cmap.bf_chars.insert(code, dst);
                                entries += 1;
                            }
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in operands.chunks_exact(3) {
                        let (Token::Hex(lo), Token::Hex(hi)) = (&triple[0], &triple[1]) else {
                            continue;
                        };
                        let (Some(l), Some(h)) = (code_of(lo), code_of(hi)) else {
                            continue;
                        };
                        if l.len != h.len || h.value < l.value {
                            continue;
                        }
                        let target = match &triple[2] {
                            Token::Hex(d) => BfTarget::Base(utf16_units(d)),
                            Token::Array(items) => BfTarget::List(
                                items
                                    .iter()
                                    .map(|t| match t {
                                        Token::Hex(b) => utf16_text(b),
                                        _ => String::new(),
                                    })
                                    .collect(),
                            ),
                            _ => continue,
                        };
                        cmap.bf_ranges.push(BfRange {
                            len: l.len,
                            lo: l.value,
                            hi: h.value,
                            target,
                        });
                        entries += 1;
                    }
                }
                b"endcidchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let (Token::Hex(src), Token::Int(cid)) = (&pair[0], &pair[1]) {
                            if let Some(code) = code_of(src) {
                                cmap.cid_chars.insert(code, *cid);
                                entries += 1;
                            }
                        }
                    }
                }
                b"endcidrange" => {
                    for triple in operands.chunks_exact(3) {
                        if let (Token::Hex(lo), Token::Hex(hi), Token::Int(cid)) =
                            (&triple[0], &triple[1], &triple[2])
                        {
                            if let (Some(l), Some(h)) = (code_of(lo), code_of(hi)) {
                                if l.len == h.len && l.value <= h.value {
                                    cmap.cid_ranges.push((
                                        CodeRange {
                                            len: l.len,
                                            lo: l.value,
                                            hi: h.value,
                                        },
                                        *cid,
                                    ));
                                    entries += 1;
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
            operands.clear();
            if entries > MAX_ENTRIES {
                break;
            }
        }
        // Sorted for binary search; among overlapping ranges (malformed) the later wins.
        cmap.bf_ranges.sort_by_key(|r| (r.len, r.lo));
        cmap.cid_ranges.sort_by_key(|(r, _)| (r.len, r.lo));
        cmap
    }

    /// Whether the CMap declares its code space.
    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// Split the next code off `bytes` by the code space; `None` at the end. Bytes that fit
    /// no range are taken one code of the shortest length at a time.
    pub fn next_code(&self, bytes: &[u8]) -> Option<Code> {
        if bytes.is_empty() {
            return None;
        }
        for len in 1..=4u8 {
            let Some(head) = bytes.get(..len as usize) else {
                break;
            };
            let value = be(head);
            if self
                .codespace
                .iter()
                .any(|r| r.len == len && r.lo <= value && value <= r.hi)
            {
                return Some(Code { value, len });
            }
        }
        let len = self
            .codespace
            .iter()
            .map(|r| r.len)
            .min()
            .unwrap_or(1)
            .clamp(1, 4)
            .min(bytes.len().min(4) as u8);
        Some(Code {
            value: be(&bytes[..len as usize]),
            len,
        })
    }

    /// The Unicode text of a code, from `bfchar`/`bfrange`.
    pub fn unicode(&self, code: Code) -> Option<String> {
        if let Some(s) = self.bf_chars.get(&code) {
            return Some(s.clone());
        }
        let r = covering(&self.bf_ranges, code, |r| (r.len, r.lo, r.hi))?;
        let offset = code.value - r.lo;
        match &r.target {
            BfTarget::Base(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.wrapping_add(offset as u16);
                Some(String::from_utf16_lossy(&units))
            }
            BfTarget::List(list) => list.get(offset as usize).cloned(),
        }
    }

    /// The CID of a code, from `cidchar`/`cidrange`.
    pub fn cid(&self, code: Code) -> Option<u32> {
        if let Some(&cid) = self.cid_chars.get(&code) {
            return Some(cid);
        }
        covering(&self.cid_ranges, code, |(r, _)| (r.len, r.lo, r.hi))
            .map(|(r, cid)| cid.saturating_add(code.value - r.lo))
    }
}

/// The range that covers a code, in ranges sorted by (length, low end): the last range that
/// starts at or below the code, or one of the few before it when ranges overlap.
fn covering<T>(ranges: &[T], code: Code, key: impl Fn(&T) -> (u8, u32, u32)) -> Option<&T> {
    let at = ranges.partition_point(|r| {
        let (len, lo, _) = key(r);
        (len, lo) <= (code.len, code.value)
    });
    ranges[..at].iter().rev().take(8).find(|r| {
        let (len, lo, hi) = key(r);
        len == code.len && lo <= code.value && code.value <= hi
    })
}

/// The CMaps a PDF may name instead of embedding one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Predefined {
    /// Identity-H / Identity-V: two-byte codes, code = CID; Unicode only from ToUnicode.
    Identity,
    /// UniGB-UCS2, UniCNS-UCS2 …: two-byte codes that are UCS-2.
    Ucs2,
    /// UniGB-UTF16 …: UTF-16BE codes.
    Utf16,
    /// GBK-EUC, GB-EUC, GBpc-EUC, GBK2K, GBKp-EUC: one byte below 0x81, else two; GBK text.
    Gbk,
}

impl Predefined {
    /// The predefined CMap of a name, and whether it writes vertically.
    pub fn from_name(name: &[u8]) -> Option<(Predefined, bool)> {
        let vertical = name.ends_with(b"-V");
        let base = name
            .strip_suffix(b"-H")
            .or_else(|| name.strip_suffix(b"-V"))
            .unwrap_or(name);
        let kind = if base == b"Identity" {
            Predefined::Identity
        } else if base.starts_with(b"Uni") && base.ends_with(b"UCS2") {
            Predefined::Ucs2
        } else if base.starts_with(b"Uni") && base.ends_with(b"UTF16") {
            Predefined::Utf16
        } else if base.starts_with(b"GB") {
            Predefined::Gbk
        } else {
            return None;
        };
        Some((kind, vertical))
    }

    /// Split the next code off `bytes`.
    pub fn next_code(self, bytes: &[u8]) -> Option<Code> {
        let first = *bytes.first()?;
        let len: u8 = match self {
            Predefined::Identity | Predefined::Ucs2 => 2,
            Predefined::Utf16 => {
                if (0xD8..0xDC).contains(&first) {
                    4
                } else {
                    2
                }
            }
            Predefined::Gbk => {
                if first >= 0x81 {
                    2
                } else {
                    1
                }
            }
        };
        let len = len.min(bytes.len().min(4) as u8);
        Some(Code {
            value: be(&bytes[..len as usize]),
            len,
        })
    }

    /// The Unicode text a code stands for, where the CMap itself says it.
    pub fn unicode(self, code: Code) -> Option<String> {
        let bytes = code.value.to_be_bytes();
        let b = &bytes[4 - usize::from(code.len.min(4))..];
        match self {
            Predefined::Identity => None,
            Predefined::Ucs2 | Predefined::Utf16 => {
                let units: Vec<u16> = b
                    .chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect();
                Some(String::from_utf16_lossy(&units))
            }
            Predefined::Gbk => {
                let (text, _, bad) = encoding_rs::GBK.decode(b);
                (!bad).then(|| text.into_owned())
            }
        }
    }
}

fn be(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

fn code_of(bytes: &[u8]) -> Option<Code> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some(Code {
        value: be(bytes),
        len: bytes.len() as u8,
    })
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    let mut units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| match p {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect();
    if units.is_empty() {
        units.push(0);
    }
    units
}

fn utf16_text(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

fn text_of(tok: &Token) -> Option<String> {
    match tok {
        Token::Hex(b) => Some(utf16_text(b)),
        // `/space`-style glyph names occasionally stand in bfchar.
        Token::Name(n) => super::glyphs::glyph_name_char(n).map(String::from),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Int(u32),
    Name(&'a [u8]),
    Keyword(&'a [u8]),
    Array(Vec<Token<'a>>),
    Other,
}

struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<Token<'a>> {
        self.next_at(0)
    }

    fn next_at(&mut self, depth: usize) -> Option<Token<'a>> {
        loop {
            let c = self.peek()?;
            match c {
                b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0' => self.pos += 1,
                b'%' => {
                    while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
        let c = self.peek()?;
        let start = self.pos;
        match c {
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Some(Token::Other)
            }
            b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Some(Token::Other)
            }
            b'<' => {
                self.pos += 1;
                let mut digits = Vec::new();
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == b'>' {
                        break;
                    }
                    if let Some(d) = (c as char).to_digit(16) {
                        digits.push(d as u8);
                    }
                }
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                Some(Token::Hex(
                    digits.chunks_exact(2).map(|p| p[0] << 4 | p[1]).collect(),
                ))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.peek() {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(_) => {
                            if depth > 8 {
                                self.pos += 1;
                                continue;
                            }
                            match self.next_at(depth + 1) {
                                Some(t) => {
                                    if items.len() < 65_536 {
                                        items.push(t);
                                    }
                                }
                                None => break,
                            }
                        }
                    }
                }
                Some(Token::Array(items))
            }
            b'(' => {
                // A literal string (in CIDSystemInfo); skipped with its nesting.
                let mut level = 0usize;
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    match c {
                        b'\\' => self.pos += 1,
                        b'(' => level += 1,
                        b')' => {
                            level = level.saturating_sub(1);
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                Some(Token::Other)
            }
            b'/' => {
                self.pos += 1;
                let s = self.pos;
                self.regular();
                Some(Token::Name(&self.data[s..self.pos]))
            }
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Some(Token::Other)
            }
            _ => {
                self.regular();
                if self.pos == start {
                    self.pos += 1;
                    return Some(Token::Other);
                }
                let word = &self.data[start..self.pos];
                if word.iter().all(u8::is_ascii_digit) {
                    let n = word
                        .iter()
                        .try_fold(0u32, |acc, d| {
                            acc.checked_mul(10)?.checked_add(u32::from(d - b'0'))
                        })
                        .unwrap_or(0);
                    Some(Token::Int(n))
                } else if word[0].is_ascii_alphabetic() {
                    Some(Token::Keyword(word))
                } else {
                    Some(Token::Other)
                }
            }
        }
    }

    fn skip_space(&mut self) {
        while self
            .peek()
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0'))
        {
            self.pos += 1;
        }
    }

    fn regular(&mut self) {
        while self.peek().is_some_and(|c| {
            !matches!(
                c,
                b' ' | b'\t'
                    | b'\r'
                    | b'\n'
                    | b'\x0c'
                    | b'\0'
                    | b'('
                    | b')'
                    | b'<'
                    | b'>'
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b'/'
                    | b'%'
            )
        }) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<01F4> <603B>
<0A2B> <8BA1>
endbfchar
2 beginbfrange
<0010> <0019> <0030>
<0100> <0101> [<5E74> <D840DC00>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn bfchar_and_bfrange() {
        let m = CMap::parse(TO_UNICODE);
        let code = |v| Code { value: v, len: 2 };
        assert_eq!(m.unicode(code(0x01F4)).as_deref(), Some("总"));
        assert_eq!(m.unicode(code(0x0A2B)).as_deref(), Some("计"));
        assert_eq!(m.unicode(code(0x0003)).as_deref(), Some(" "));
        assert_eq!(m.unicode(code(0x0013)).as_deref(), Some("3"));
        assert_eq!(m.unicode(code(0x0100)).as_deref(), Some("年"));
        assert_eq!(m.unicode(code(0x0101)).as_deref(), Some("\u{20000}"));
        assert_eq!(m.unicode(code(0x0200)), None);
        assert_eq!(m.next_code(&[0x01, 0xF4, 0x0A]), Some(code(0x01F4)));
    }

    #[test]
    fn cid_ranges_and_mixed_code_lengths() {
        let m = CMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
              1 begincidrange <20> <7E> 1 endcidrange
              1 begincidchar <B0A1> 1000 endcidchar",
        );
        assert_eq!(
            m.next_code(b"A"),
            Some(Code {
                value: 0x41,
                len: 1
            })
        );
        assert_eq!(
            m.next_code(&[0xB0, 0xA1]),
            Some(Code {
                value: 0xB0A1,
                len: 2
            })
        );
        assert_eq!(
            m.cid(Code {
                value: 0x41,
                len: 1
            }),
            Some(34)
        );
        assert_eq!(
            m.cid(Code {
                value: 0xB0A1,
                len: 2
            }),
            Some(1000)
        );
    }

    #[test]
    fn predefined_gbk_and_ucs2() {
        let (gbk, v) = Predefined::from_name(b"GBK-EUC-H").unwrap_or((Predefined::Identity, true));
        assert_eq!((gbk, v), (Predefined::Gbk, false));
        let code = gbk.next_code(&[0xD7, 0xDC, 0x31]);
        assert_eq!(code.and_then(|c| gbk.unicode(c)).as_deref(), Some("总"));
        let (ucs, _) =
            Predefined::from_name(b"UniGB-UCS2-V").unwrap_or((Predefined::Identity, false));
        let code = ucs.next_code(&[0x8B, 0xA1]);
        assert_eq!(code.and_then(|c| ucs.unicode(c)).as_deref(), Some("计"));
        assert_eq!(
            Predefined::from_name(b"Identity-V"),
            Some((Predefined::Identity, true))
        );
    }

    #[test]
    fn garbage_never_panics() {
        let mut junk: Vec<u8> = (0..5000u32)
            .map(|i| (i.wrapping_mul(7919) % 251) as u8)
            .collect();
        junk.extend_from_slice(b"endbfrange endcidrange <<<[[[[(((");
        let m = CMap::parse(&junk);
        let _ = m.next_code(&[0xFF; 3]);
        let _ = m.unicode(Code { value: 1, len: 1 });
    }
}
