//! The batch's roster: loaded before or after the files, kept from one batch to the next,
//! matched once every file is read, the 缺报单位 filter, 清除名单, and `roster` in the batch's
//! JSON export (indices into the exported reports).

#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use gouji_core::roster::Found;
use gouji_web::batch::{Batch, BatchAction, Show};
use gouji_web::reading;
use gouji_web::roster::{RosterList, PASTED};

fn seed(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Seed 000 is 湘阴县人民政府's report, seed 003 秀山土家族苗族自治县人民政府办公室's.
const SEED_000: &str = "000_7dba22183337286f.txt";
const SEED_003: &str = "003_89f707ba0384b85a.txt";

fn start(batch: &Batch, id: u32) -> Batch {
    batch.apply(BatchAction::Start {
        id,
        files: vec![
            ("broken.pdf".to_string(), 10),
            (SEED_000.to_string(), 1),
            (SEED_003.to_string(), 1),
        ],
        left_out: 0,
    })
}

fn read(batch: Batch, id: u32) -> Batch {
    let batch = batch.apply(BatchAction::Failed {
        id,
        index: 0,
        why: "浏览器未能读取。".into(),
    });
    [SEED_000, SEED_003]
        .iter()
        .enumerate()
        .fold(batch, |batch, (i, name)| {
            batch.apply(BatchAction::Read {
                id,
                index: i + 1,
                checked: Box::new(reading::check_now(name, &seed(name))),
            })
        })
}

fn list() -> RosterList {
    RosterList::from_text("units.txt", "单位名称\n1、湘阴县政府\n2、平江县人民政府\n").unwrap()
}

#[test]
fn the_roster_is_matched_once_every_file_is_read_and_kept_for_the_next_batch() {
    // Loaded while the files are read: matched when the last one is in.
    let batch = start(&Batch::default(), 1).apply(BatchAction::Roster(Some(list())));
    assert!(batch.roster.is_none(), "not while reading");
    let batch = read(batch, 1);
    let roster = batch.roster.clone().expect("matched");
    let found: Vec<(Found, Vec<usize>)> = roster
        .units
        .iter()
        .map(|u| (u.found, u.reports.clone()))
        .collect();
    assert_eq!(found, [(Found::Guess, vec![1]), (Found::Missing, vec![])]);
    assert_eq!(roster.units[0].agency.as_deref(), Some("湘阴县人民政府"));
    // The unread file and seed 003 are outside the roster.
    assert_eq!(roster.unlisted, [0, 2]);

    // The next batch keeps the roster, and so does closing one.
    let next = start(&batch, 2);
    assert_eq!(next.roster_list, batch.roster_list);
    assert!(next.roster.is_none());
    assert_eq!(read(next, 2).roster.unwrap().missing, 1);
    assert!(batch.apply(BatchAction::Close).roster_list.is_some());

    // Loaded after the files: matched at once.
    let late = read(start(&Batch::default(), 3), 3).apply(BatchAction::Roster(Some(list())));
    assert_eq!(late.roster, batch.roster);
}

#[test]
fn missing_units_filter_and_clearing() {
    let batch = read(start(&Batch::default(), 1), 1).apply(BatchAction::Roster(Some(list())));
    let missing = batch.apply(BatchAction::Show(Show::Missing));
    assert!(
        missing.rows().is_empty(),
        "缺报单位 lists units, not reports"
    );
    assert_eq!(Show::from_id("missing"), Show::Missing);
    let cleared = missing.apply(BatchAction::Roster(None));
    assert!(cleared.roster.is_none() && cleared.roster_list.is_none());
    assert_eq!(cleared.show, Show::All, "no roster, no 缺报单位");
    assert_eq!(cleared.rows().len(), 3);
}

#[test]
fn the_batch_json_carries_the_roster() {
    let batch = read(start(&Batch::default(), 1), 1);
    let reviews = gouji_web::review::Reviews::default();
    let without: serde_json::Value =
        serde_json::from_str(&gouji_web::export::batch_json(&batch, &reviews)).unwrap();
    assert!(without.get("roster").is_none());
    let batch = batch.apply(BatchAction::Roster(Some(list())));
    let doc: serde_json::Value =
        serde_json::from_str(&gouji_web::export::batch_json(&batch, &reviews)).unwrap();
    // The file the browser could not read is not among the exported reports: indices shift.
    assert_eq!(doc["reports"][0]["source"], SEED_000);
    assert_eq!(doc["roster"]["units"][0]["reports"], serde_json::json!([0]));
    assert_eq!(doc["roster"]["units"][1]["match"], "missing");
    assert_eq!(doc["roster"]["unlisted"], serde_json::json!([1]));
    assert_eq!(doc["roster"]["source"], "units.txt");
}

#[test]
fn a_roster_is_kept_as_text_and_read_back() {
    let list = list();
    assert_eq!(list.units, ["湘阴县政府", "平江县人民政府"]);
    assert_eq!(RosterList::from_stored(&list.to_stored()), Some(list));
    assert_eq!(RosterList::from_stored("units.txt\n\n"), None);
    assert_eq!(RosterList::from_stored(""), None);
    let err = RosterList::from_text(PASTED, "单位名称\n\n123\n").unwrap_err();
    assert!(err.contains("没有读到单位名称"), "{err}");
}
