//! The text reader on arbitrary UTF-8: every cell's span slices the input to the cell's text.
#![no_main]

use gouji_core::ingest::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = Document::from_text(text);
    for c in &doc.cells {
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        assert_eq!(&text[c.span.start..c.span.end], c.raw);
    }
    for l in &doc.lines {
        assert!(l.span.end <= text.len());
    }
});
