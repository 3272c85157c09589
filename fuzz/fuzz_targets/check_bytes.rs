//! The whole check on arbitrary bytes (text in any encoding, HTML, PDF, .docx, anything):
//! no panic, no hang (libFuzzer's -timeout), and the result keeps every promise of
//! crates/core/tests/support/invariants.rs: every span slices the text it points into on
//! char boundaries, every cell path a finding or the repair names is a cell of the report's
//! tables (what the page uses for `data-cell`).
#![no_main]

#[path = "../../crates/core/tests/support/invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    invariants::assert_checked(&gouji_core::check_bytes(data));
});
