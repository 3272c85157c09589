//! The HTML reader on arbitrary bytes. UTF-8 bytes are read as clipboard HTML
//! (`check_html_str`) and rendered on their own (`ingest::html::render`); other bytes as a
//! saved page (`check_html`: charset sniffing and decoding, then rendering). No panic, no
//! hang; the rendered text's lines and cells keep their promises, the reports keep every
//! promise of crates/core/tests/support/invariants.rs, and the clipboard check reads exactly
//! the rendered text.
#![no_main]

#[path = "../../crates/core/tests/support/invariants.rs"]
mod invariants;

use gouji_core::ingest::html::render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(html) => {
            let rendered = render(html);
            invariants::assert_rendered(&rendered);
            let checked = gouji_core::check_html_str(html);
            invariants::assert_checked(&checked);
            assert_eq!(
                checked.text, rendered.text,
                "check_html_str read another text"
            );
        }
        Err(_) => invariants::assert_checked(&gouji_core::check_html(data)),
    }
});
