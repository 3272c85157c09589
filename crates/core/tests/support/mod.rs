//! Helpers shared by the tests: file builders for tests/pdf.rs and tests/docx.rs, a report as
//! an official-template page ([`official`]), the truth files of the corpus ([`truth`]), and the
//! invariants every result must keep ([`invariants`], shared with the fuzz targets).

#![allow(dead_code)]

pub mod invariants;
pub mod official;
pub mod truth;

use flate2::{Compress, Compression, FlushCompress};
use gouji_core::{Checked, Report, Span};

/// A raw deflate stream (no zlib header) that inflates to `mib` MiB of zero bytes, in about
/// 1 KiB per MiB: one MiB of zeros compressed and sync-flushed, repeated (a block may refer
/// back into the previous copy, which holds zeros too), then an empty final block.
pub fn deflate_zeros(mib: usize) -> Vec<u8> {
    let mut c = Compress::new(Compression::best(), false);
    let mut chunk = Vec::with_capacity(8 << 10);
    let zeros = vec![0u8; 1 << 20];
    let mut fed = 0;
    while fed < zeros.len() {
        let before = c.total_in();
        chunk.reserve(8 << 10);
        let _ = c.compress_vec(&zeros[fed..], &mut chunk, FlushCompress::None);
        fed += (c.total_in() - before) as usize;
    }
    loop {
        chunk.reserve(8 << 10);
        let before = chunk.len();
        let _ = c.compress_vec(&[], &mut chunk, FlushCompress::Sync);
        if chunk.len() == before || chunk.ends_with(&[0, 0, 0xFF, 0xFF]) {
            break;
        }
    }
    let mut out = Vec::with_capacity(chunk.len() * mib + 2);
    for _ in 0..mib {
        out.extend_from_slice(&chunk);
    }
    // BFINAL=1, fixed Huffman, end of block.
    out.extend_from_slice(&[0x03, 0x00]);
    out
}

/// Every span of the report lies inside the checked text, on char boundaries.
pub fn assert_spans_inside(c: &Checked) {
    let text = &c.text;
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for f in &c.report.findings {
        for s in &f.spans {
            assert!(ok(*s), "{} span {s:?} outside the text", f.code);
        }
    }
    for t in c.report.tables.iter() {
        for (_, cell) in t.cells() {
            if let Some(s) = cell.span {
                assert!(ok(s), "cell span {s:?} outside the text");
            }
        }
    }
}

/// The S101 message, or "" when S101 did not fire.
pub fn s101(r: &Report) -> String {
    r.findings
        .iter()
        .find(|f| f.code == "S101")
        .map(|f| f.message.clone())
        .unwrap_or_default()
}
