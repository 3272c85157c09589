//! The whole check on arbitrary bytes: no panic, no hang; every span lies inside the decoded
//! text on char boundaries; every cell path names a real table, row and column.
#![no_main]

use gouji_core::{check_bytes, schema};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = check_bytes(data);
    let text = &checked.text;
    let ok = |s: gouji_core::Span| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    let r = &checked.report;
    for f in &r.findings {
        assert!(f.spans.iter().all(|s| ok(*s)), "{} span outside the input", f.code);
        for path in &f.cells {
            let mut parts = path.split('/');
            let (Some(table), Some(row), Some(col), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
                panic!("bad cell path {path}");
            };
            let kind = schema::TableKind::ALL.iter().copied().find(|k| k.key() == table);
            let Some(kind) = kind else { continue }; // other tables (legacy) have their own keys
            let def = schema::row_def(kind, row).unwrap_or_else(|| panic!("no row {row} in {table}"));
            assert!(def.cols.iter().any(|c| c.key == col), "no column {col} in {table}/{row}");
        }
    }
    for t in r.tables.iter() {
        for (_, c) in t.cells() {
            if let Some(s) = c.span {
                assert!(ok(s), "cell span outside the input");
            }
        }
    }
});
