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
            // A row key can have other columns in the other template (active: gb2019/gb2021).
            let pools: [&[schema::RowDef]; 5] = [
                &schema::REQUEST_ROWS_ANY,
                &schema::APPEAL_ROWS,
                &schema::ACTIVE_ROWS_2021,
                &schema::ACTIVE_ROWS_2019,
                &[],
            ];
            let known = pools.iter().flat_map(|p| p.iter()).any(|d| d.key == row && d.cols.iter().any(|c| c.key == col));
            assert!(known || schema::row_def(kind, row).is_none(), "no column {col} in {table}/{row}");
            assert!(schema::row_def(kind, row).is_some(), "no row {row} in {table}");
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
