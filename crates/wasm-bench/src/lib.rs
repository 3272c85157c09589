//! The core as WebAssembly with nothing around it, so a browser can time `check` alone:
//! extraction, the rules and the repair search, without converting the report into
//! JavaScript objects (the app uses the report in Rust too). Built by `cargo xtask bench`
//! with the web app's profile (`wasm-release`, then `wasm-opt -Oz`) and timed by
//! tests/browser/bench.mjs.

use wasm_bindgen::prelude::*;

/// Checks a report given as text; the number of findings, so the work cannot be skipped.
#[wasm_bindgen]
pub fn check(text: &str) -> usize {
    gouji_core::check(text).findings.len()
}

/// Checks a report given as the bytes of a file (any format the core reads); the number of
/// findings.
#[wasm_bindgen(js_name = checkBytes)]
pub fn check_bytes(bytes: &[u8]) -> usize {
    gouji_core::check_bytes(bytes).report.findings.len()
}
