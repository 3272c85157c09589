//! The text reader, then the whole check, on arbitrary UTF-8: lines cover the text in order,
//! every cell lies on its line and its span slices the input to the cell's text; the report
//! keeps every promise of crates/core/tests/support/invariants.rs.
#![no_main]

#[path = "../../crates/core/tests/support/invariants.rs"]
mod invariants;

use gouji_core::ingest::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    invariants::assert_document(text, &Document::from_text(text));
    let report = gouji_core::check(text);
    invariants::assert_checked(&gouji_core::Checked {
        text: text.to_string(),
        report,
    });
});
