//! The indicators of the seeds, computed by hand from the seeds' tables as printed, and the
//! publication date and deadline each seed's text gives.

// A test fails by panicking.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use gouji_core::extract::deadline::AgencyKind;
use gouji_core::extract::published::DateSource;
use gouji_core::indicators::{Indicators, Ratio};
use gouji_core::Report;
use support::fixtures::{report, seed_path};

fn seed(name: &str) -> Report {
    report(&seed_path(name))
}

fn indicators(name: &str) -> Indicators {
    seed(name)
        .indicators
        .expect("a national template has indicators")
}

fn ratio(value: Option<f64>, numerator: Option<f64>, denominator: Option<f64>) -> Ratio {
    Ratio {
        value,
        numerator,
        denominator,
    }
}

/// Seed 003 (秀山县人民政府办公室 2023, gb2021), every cell written: new 8 (7 + 1) and
/// carried_in 0; 予以公开 1, 部分公开 2, 不予公开 5.内部事务 1, 无法提供 1.不掌握 3, 不予处理
/// 1.信访 1; （七）总计 8; 结转 0; the appeals row 15 zeros.
#[test]
fn seed_003_every_cell_written() {
    let i = indicators("003");
    assert_eq!(i.applications, Some(8.0));
    assert_eq!(i.substantive_rate, ratio(Some(0.375), Some(3.0), Some(8.0)));
    assert_eq!(i.withheld_rate, ratio(Some(0.125), Some(1.0), Some(8.0)));
    assert_eq!(i.unavailable_rate, ratio(Some(0.375), Some(3.0), Some(8.0)));
    assert_eq!(i.not_held_share, ratio(Some(1.0), Some(3.0), Some(3.0)));
    // No review and no suit: 0 of 0 is no rate.
    assert_eq!(i.review_corrected_rate, ratio(None, Some(0.0), Some(0.0)));
    assert_eq!(i.suit_corrected_rate, ratio(None, Some(0.0), Some(0.0)));
    assert_eq!(i.carried_out_rate, ratio(Some(0.0), Some(0.0), Some(8.0)));
}

/// Seed 000 (湘阴县人民政府 2020, gb2019), most cells blank (read as 0): new 44, carried_in
/// blank; 予以公开 38, 部分公开 blank; 不予公开 6.过程性信息 1; 无法提供 all blank;
/// （七）总计 39; 结转 5. Appeals: 行政复议 0 0 1 0 1; 未经复议直接起诉 0 0 0 0 0; 复议后起诉
/// 0 0 0 1 0 (a pending suit with a total of 0, as printed).
#[test]
fn seed_000_blank_cells_count_as_zero() {
    let i = indicators("000");
    assert_eq!(i.applications, Some(39.0));
    assert_eq!(
        i.substantive_rate,
        ratio(Some(0.9744), Some(38.0), Some(39.0))
    );
    assert_eq!(i.withheld_rate, ratio(Some(0.0256), Some(1.0), Some(39.0)));
    assert_eq!(i.unavailable_rate, ratio(Some(0.0), Some(0.0), Some(39.0)));
    assert_eq!(i.not_held_share, ratio(None, Some(0.0), Some(0.0)));
    assert_eq!(
        i.review_corrected_rate,
        ratio(Some(0.0), Some(0.0), Some(1.0))
    );
    assert_eq!(i.suit_corrected_rate, ratio(None, Some(0.0), Some(0.0)));
    assert_eq!(
        i.carried_out_rate,
        ratio(Some(0.1136), Some(5.0), Some(44.0))
    );
    assert_eq!(i.carried_out_rate.percent(), "11.4%");
}

/// An unreadable cell makes the indicators that use it unreadable, and only those.
#[test]
fn an_unreadable_cell_takes_its_indicators_out() {
    let text = support::fixtures::seed("003");
    let row = "(一)予以公开\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n";
    assert!(text.contains(row), "the row is in the seed as written");
    let changed = text.replacen(row, &row.replace("0\n\n1\n", "0\n\n若干\n"), 1);
    let i = gouji_core::check(&changed).indicators.expect("indicators");
    assert_eq!(i.substantive_rate, ratio(None, None, Some(8.0)));
    assert_eq!(i.withheld_rate, ratio(Some(0.125), Some(1.0), Some(8.0)));
}

/// The legacy seed (清流县 2013) has no indicators; the text of seed 004 has no date.
#[test]
fn legacy_reports_have_no_indicators() {
    assert_eq!(seed("002").indicators, None);
}

#[test]
fn the_seeds_dates_and_deadlines() {
    let s = seed("003");
    let p = s.published.expect("日期:2024-01-30");
    assert_eq!(
        (p.date.iso(), p.source),
        ("2024-01-30".into(), DateSource::PageLine)
    );
    assert_eq!(s.deadline.kind, AgencyKind::Department);
    assert_eq!(s.deadline.date.map(|d| d.iso()), Some("2024-01-31".into()));
    assert!(!s.findings.iter().any(|f| f.code == "M703"));

    let s = seed("002");
    let p = s.published.expect("发布时间:2014-01-14");
    assert_eq!(p.date.iso(), "2014-01-14");
    assert_eq!(s.deadline.kind, AgencyKind::Government);
    assert!(s.deadline.old_law);

    let s = seed("001");
    assert_eq!(s.deadline.kind, AgencyKind::Unknown, "湘西高新区");
    assert_eq!(s.deadline.date, None);
    assert_eq!(seed("004").published, None);
}
