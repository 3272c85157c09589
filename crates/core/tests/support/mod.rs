//! Helpers shared by the tests (`mod support;`): where the fixtures are and the seeds
//! ([`fixtures`]), the one random generator ([`rng`]) and the properties' configuration
//! ([`cases`]), damaged inputs ([`mutate`]), the invariants every result must keep
//! ([`invariants`], shared with the fuzz targets), a report as an official-template page
//! ([`official`]), the truth files of the corpus ([`truth`]), and file builders for
//! tests/pdf.rs and tests/docx.rs.

#![allow(dead_code)]

pub mod fixtures;
pub mod invariants;
pub mod mutate;
pub mod official;
pub mod rng;
pub mod truth;

use flate2::{Compress, Compression, FlushCompress};
use gouji_core::Report;
use proptest::test_runner::{Config, RngSeed};

/// A property's configuration: `n` cases from the tests' fixed seed ([`rng::SEED`]), so every
/// run tries the same inputs, and no regression files written.
pub fn cases(n: u32) -> Config {
    Config {
        cases: n,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(rng::SEED),
        ..Config::default()
    }
}

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

/// The S101 message, or "" when S101 did not fire.
pub fn s101(r: &Report) -> String {
    r.findings
        .iter()
        .find(|f| f.code == "S101")
        .map(|f| f.message.clone())
        .unwrap_or_default()
}
