//! The tests' one random generator: SplitMix64 (Steele, Lea and Flood, 2014), a 64-bit
//! counter passed through a mixing function. Small, fast, and the same numbers on every
//! machine for a seed, so a failing case fails again. Not for anything but tests.
//!
//! Standing alone (no crate but std), so the command's tests include it too (by `#[path]`).
//! The proptest properties are seeded with [`SEED`] (`support::cases`).

#![allow(dead_code)]

/// The seed every test starts from unless it needs a stream of its own.
pub const SEED: u64 = 0x6f75_6a69_2024;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| (self.next_u64() >> 56) as u8).collect()
    }
}

/// `n` bytes that are no text in any encoding (every byte value, NULs among them), the same
/// in every run.
pub fn noise(n: usize) -> Vec<u8> {
    Rng::new(SEED).bytes(n)
}
