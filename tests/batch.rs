//! Many files at once: the batch's reducer (files in, rows out; sorting, filtering, progress,
//! stopping), its findings across years, and opening one of its reports in the single view.
//! Every expected count comes from the core reading the same file on its own.

// A test that cannot read its fixture should stop right there, loudly.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::path::Path;
use std::rc::Rc;

use gouji_core::{Severity, Template};
use gouji_web::batch::{
    natural, Batch, BatchAction, Column, Outcome, Show, Status, View, BATCH_LIMIT,
};
use gouji_web::reading;
use gouji_web::state::{Action, Origin, State};
use yew::Reducible;

fn fixture(path: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading fixture {}: {e}", path.display()))
}

const SEEDS: [&str; 5] = [
    "000_7dba22183337286f.txt",
    "001_a59a8232ffc24999.txt",
    "002_01eb1ecf6fdff090.txt",
    "003_89f707ba0384b85a.txt",
    "004_a362a86d6de7df23.txt",
];

fn seed(name: &str) -> Vec<u8> {
    fixture(&format!("tests/fixtures/seeds/{name}"))
}

/// A batch of these files, read in order, as the page reads them.
fn read_all(files: &[(&str, Vec<u8>)]) -> Batch {
    let mut batch = Batch::default().apply(BatchAction::Start {
        id: 7,
        files: files
            .iter()
            .map(|(n, b)| (n.to_string(), b.len()))
            .collect(),
        left_out: 0,
    });
    for (index, (name, bytes)) in files.iter().enumerate() {
        batch = batch.apply(BatchAction::Read {
            id: 7,
            index,
            checked: Box::new(reading::check_now(name, bytes)),
        });
    }
    batch
}

fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    SEEDS.iter().map(|n| (*n, seed(n))).collect()
}

#[test]
fn every_file_gets_a_row_with_the_counts_of_its_own_report() {
    let files = seeds();
    let batch = read_all(&files);
    assert!(!batch.reading());
    assert_eq!(batch.progress(), (5, 5));
    let rows = batch.rows();
    assert_eq!(rows.len(), 5);
    let mut errors = 0;
    for (row, (name, bytes)) in rows.iter().zip(&files) {
        // The report the core makes of the file alone (what the CLI prints for it).
        let alone = gouji_core::check_bytes(bytes).report;
        assert_eq!(row.item.name.as_str(), *name, "the files' order");
        assert_eq!(row.errors, alone.count(Severity::Error), "{name}");
        assert_eq!(row.warnings, alone.count(Severity::Warning), "{name}");
        assert_eq!(row.infos, alone.count(Severity::Info), "{name}");
        assert_eq!(row.agency, alone.agency.as_deref(), "{name}");
        assert_eq!(row.year, alone.year, "{name}");
        assert_eq!(row.template, Some(alone.template), "{name}");
        assert_eq!(row.across, 0, "the seeds are of different agencies");
        let status = if alone.count(Severity::Error) > 0 {
            Status::Errors
        } else if alone.template == Template::Unknown {
            Status::Unknown
        } else if alone.count(Severity::Warning) > 0 {
            Status::Warnings
        } else {
            Status::Clean
        };
        assert_eq!(row.status, status, "{name}");
        errors += row.errors;
    }
    assert!(
        errors > 0,
        "some seed has errors: the comparison proves something"
    );
    assert!(batch.pairs.is_empty());
    assert!(batch.across.is_empty());
}

#[test]
fn progress_counts_the_files_read_and_ignores_results_of_another_batch() {
    let files = seeds();
    let start = Batch::default().apply(BatchAction::Start {
        id: 3,
        files: files
            .iter()
            .map(|(n, b)| (n.to_string(), b.len()))
            .collect(),
        left_out: 0,
    });
    assert_eq!(start.progress(), (0, 5));
    assert!(start.reading());
    assert!(start.rows().iter().all(|r| r.status == Status::Waiting));
    let read = |b: &Batch, id, index: usize| {
        b.apply(BatchAction::Read {
            id,
            index,
            checked: Box::new(reading::check_now(files[index].0, &files[index].1)),
        })
    };
    let one = read(&start, 3, 1);
    assert_eq!(one.progress(), (1, 5));
    assert_eq!(one.row(1).unwrap().status, Status::Errors);
    // A result for an older batch, or for a file already read, changes nothing.
    assert_eq!(read(&one, 2, 0), one);
    let again = read(&one, 3, 1);
    assert_eq!(again.progress(), (1, 5));
    assert!(
        matches!(&again.items[1].outcome, Outcome::Done { report, .. }
        if Rc::ptr_eq(report, one.items[1].report().unwrap()))
    );
    // Out of range: nothing.
    assert_eq!(
        read(&one, 3, 0)
            .apply(BatchAction::Failed {
                id: 3,
                index: 9,
                why: "x".into()
            })
            .progress(),
        (2, 5)
    );
}

#[test]
fn files_beyond_the_limit_are_left_out_with_a_notice() {
    let batch = Batch::default().apply(BatchAction::Start {
        id: 1,
        files: vec![("a.txt".into(), 1); BATCH_LIMIT],
        left_out: 3,
    });
    let notice = batch.notice.as_ref().expect("a notice");
    assert!(notice.text.contains(&BATCH_LIMIT.to_string()));
    assert!(notice.text.contains("另外 3 个未读取"), "{}", notice.text);
    let within = Batch::default().apply(BatchAction::Start {
        id: 1,
        files: vec![("a.txt".into(), 1)],
        left_out: 0,
    });
    assert!(within.notice.is_none());
}

#[test]
fn sorting_by_a_heading_and_again_the_other_way_round() {
    let batch = read_all(&seeds());
    let errors = |b: &Batch| b.rows().iter().map(|r| r.errors).collect::<Vec<_>>();
    let by_errors = batch.apply(BatchAction::Sort(Column::Errors));
    assert_eq!(
        by_errors.sort.aria(Column::Errors),
        "descending",
        "most errors first"
    );
    assert_eq!(by_errors.sort.aria(Column::Name), "none");
    let e = errors(&by_errors);
    assert!(e.windows(2).all(|w| w[0] >= w[1]), "{e:?}");
    assert_ne!(e, errors(&batch), "the order changed");
    let back = by_errors.apply(BatchAction::Sort(Column::Errors));
    assert_eq!(back.sort.aria(Column::Errors), "ascending");
    let e = errors(&back);
    assert!(e.windows(2).all(|w| w[0] <= w[1]), "{e:?}");

    let years = |b: &Batch| b.rows().iter().map(|r| r.year).collect::<Vec<_>>();
    let by_year = batch.apply(BatchAction::Sort(Column::Year));
    assert_eq!(by_year.sort.aria(Column::Year), "ascending");
    let y = years(&by_year);
    assert!(y.windows(2).all(|w| w[0] <= w[1]), "{y:?}");

    let agencies = |b: &Batch| {
        b.rows()
            .iter()
            .map(|r| r.agency.map(str::to_string))
            .collect::<Vec<_>>()
    };
    let by_agency = batch
        .apply(BatchAction::Sort(Column::Agency))
        .apply(BatchAction::Sort(Column::Agency));
    assert_eq!(by_agency.sort.aria(Column::Agency), "descending");
    let a = agencies(&by_agency);
    assert!(a.windows(2).all(|w| w[0] >= w[1]), "{a:?}");

    let by_status = batch.apply(BatchAction::Sort(Column::Status));
    let s: Vec<Status> = by_status.rows().iter().map(|r| r.status).collect();
    assert!(s.windows(2).all(|w| w[0] <= w[1]), "{s:?}");
    assert_eq!(s[0], Status::Errors, "what needs attention first");
}

#[test]
fn rows_without_a_value_come_last_either_way() {
    let files = vec![
        ("a.txt", seed(SEEDS[0])),
        (
            "b.txt",
            "一、总体情况\n没有表格，没有年份。".as_bytes().to_vec(),
        ),
        ("c.txt", seed(SEEDS[3])),
    ];
    let batch = read_all(&files);
    assert_eq!(batch.row(1).unwrap().year, None);
    for twice in [false, true] {
        let mut sorted = batch.apply(BatchAction::Sort(Column::Year));
        if twice {
            sorted = sorted.apply(BatchAction::Sort(Column::Year));
        }
        let names: Vec<&str> = sorted.rows().iter().map(|r| r.item.name.as_str()).collect();
        assert_eq!(names.last(), Some(&"b.txt"), "descending: {twice}");
    }
}

#[test]
fn file_names_sort_as_people_read_numbers() {
    use std::cmp::Ordering;
    assert_eq!(natural("报告2.txt", "报告10.txt"), Ordering::Less);
    assert_eq!(natural("2023年报告", "2023年报告"), Ordering::Equal);
    assert_eq!(natural("a9", "a09"), Ordering::Equal);
    assert_eq!(natural("a", "a1"), Ordering::Less);
    assert_eq!(natural("b1", "a2"), Ordering::Greater);
    let files: Vec<(String, usize)> = ["r10.txt", "r2.txt", "r1.txt"]
        .iter()
        .map(|n| (n.to_string(), 1))
        .collect();
    let batch = Batch::default()
        .apply(BatchAction::Start {
            id: 1,
            files,
            left_out: 0,
        })
        .apply(BatchAction::Sort(Column::Name));
    let names: Vec<&str> = batch.rows().iter().map(|r| r.item.name.as_str()).collect();
    assert_eq!(names, ["r1.txt", "r2.txt", "r10.txt"]);
}

#[test]
fn filtering_by_text_and_by_status() {
    let batch = read_all(&seeds());
    let all = batch.rows().len();
    // By agency: 湘阴县人民政府 and 湘西高新区.
    let xiang = batch.apply(BatchAction::Filter("湘".into()));
    let rows = xiang.rows();
    assert!(!rows.is_empty() && rows.len() < all);
    assert!(rows.iter().all(|r| r.agency.unwrap_or("").contains('湘')));
    let expected = batch
        .rows()
        .iter()
        .filter(|r| r.agency.unwrap_or("").contains('湘'))
        .count();
    assert_eq!(rows.len(), expected);
    // By file name, case aside; every word must match.
    let by_name = batch.apply(BatchAction::Filter(" 003_89F ".into()));
    assert_eq!(by_name.rows().len(), 1);
    assert_eq!(
        batch
            .apply(BatchAction::Filter("003 湘".into()))
            .rows()
            .len(),
        0
    );
    // By status.
    let errors = batch.apply(BatchAction::Show(Show::Errors));
    let with_errors = batch.rows().iter().filter(|r| r.errors > 0).count();
    assert!(with_errors > 0 && with_errors < all);
    assert_eq!(errors.rows().len(), with_errors);
    assert!(errors.rows().iter().all(|r| r.errors > 0));
    let problems = batch.apply(BatchAction::Show(Show::Problems));
    assert_eq!(
        problems.rows().len(),
        batch
            .rows()
            .iter()
            .filter(|r| r.errors + r.warnings > 0)
            .count()
    );
    let clean = batch.apply(BatchAction::Show(Show::Clean));
    assert!(clean
        .rows()
        .iter()
        .all(|r| r.errors == 0 && r.warnings == 0));
    assert_eq!(Show::from_id("errors"), Show::Errors);
    assert_eq!(Show::from_id("nonsense"), Show::All);
    // Both at once, and the filter does not change the counts of the whole batch.
    let both = errors.apply(BatchAction::Filter("湘".into()));
    assert!(both
        .rows()
        .iter()
        .all(|r| r.errors > 0 && r.agency.unwrap_or("").contains('湘')));
    assert_eq!(both.tally(), batch.tally());
}

/// Two years of one agency, the second not continuing the first (as the CLI's tests do).
fn two_years() -> (String, String) {
    let base =
        String::from_utf8(fixture("crates/core/tests/fixtures/base/gb2021-pipe.txt")).unwrap();
    let next = base
        .replace("2022年", "2023年")
        .replace("规章 | 1 | 0 | 5 |", "规章 | 1 | 0 | 6 |")
        .replace(
            "行政规范性文件 | 4 | 2 | 30 |",
            "行政规范性文件 | 4 | 2 | 32 |",
        )
        .replace(
            "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
            "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |",
        );
    assert!(
        next != base && next.contains("| 3 |"),
        "the base fixture changed: update this test"
    );
    (base, next)
}

#[test]
fn consecutive_years_of_one_agency_are_checked_against_each_other() {
    let (base, next) = two_years();
    let files = vec![
        ("2023.txt", next.clone().into_bytes()),
        (SEEDS[0], seed(SEEDS[0])),
        ("2022.txt", base.clone().into_bytes()),
    ];
    let batch = read_all(&files);
    // The core's own findings across these reports, in the batch's numbering.
    let reports: Vec<gouji_core::Report> = files
        .iter()
        .map(|(_, b)| gouji_core::check_bytes(b).report)
        .collect();
    let refs: Vec<&gouji_core::Report> = reports.iter().collect();
    let expected = gouji_core::across::check_across(&refs);
    assert!(
        expected.iter().any(|(i, f)| *i == 0 && f.code == "Y801"),
        "{expected:?}"
    );
    assert_eq!(*batch.across, expected);
    assert_eq!(batch.pairs.len(), 1);
    assert_eq!((batch.pairs[0].prev, batch.pairs[0].cur), (2, 0));
    // The later year's row counts them, as the CLI's summary does.
    let row = batch.row(0).unwrap();
    let own = gouji_core::check(&next);
    let across_errors = expected
        .iter()
        .filter(|(_, f)| f.severity == Severity::Error)
        .count();
    assert_eq!(row.errors, own.count(Severity::Error) + across_errors);
    assert_eq!(row.across, expected.len());
    assert_eq!(row.status, Status::Errors);
    assert_eq!(
        batch.row(2).unwrap().across,
        0,
        "the earlier year's report has none"
    );
}

#[test]
fn across_years_waits_for_the_last_file() {
    let (base, next) = two_years();
    let files = [
        ("2022.txt", base.into_bytes()),
        ("2023.txt", next.into_bytes()),
    ];
    let batch = Batch::default().apply(BatchAction::Start {
        id: 1,
        files: files
            .iter()
            .map(|(n, b)| (n.to_string(), b.len()))
            .collect(),
        left_out: 0,
    });
    let one = batch.apply(BatchAction::Read {
        id: 1,
        index: 1,
        checked: Box::new(reading::check_now(files[1].0, &files[1].1)),
    });
    assert!(one.across.is_empty() && one.pairs.is_empty());
    let both = one.apply(BatchAction::Read {
        id: 1,
        index: 0,
        checked: Box::new(reading::check_now(files[0].0, &files[0].1)),
    });
    assert_eq!(both.pairs.len(), 1);
    assert!(!both.across.is_empty());
}

#[test]
fn stopping_leaves_the_rest_unread_and_settles_the_batch() {
    let files = seeds();
    let batch = Batch::default()
        .apply(BatchAction::Start {
            id: 5,
            files: files
                .iter()
                .map(|(n, b)| (n.to_string(), b.len()))
                .collect(),
            left_out: 0,
        })
        .apply(BatchAction::Read {
            id: 5,
            index: 0,
            checked: Box::new(reading::check_now(files[0].0, &files[0].1)),
        });
    // Another batch's stop does nothing.
    assert_eq!(batch.apply(BatchAction::Stop { id: 4 }), batch);
    let stopped = batch.apply(BatchAction::Stop { id: 5 });
    assert!(!stopped.reading());
    assert_eq!(stopped.progress(), (5, 5));
    let statuses: Vec<Status> = stopped.all_rows().iter().map(|r| r.status).collect();
    assert_eq!(statuses[0], Status::Errors);
    assert!(statuses[1..].iter().all(|s| *s == Status::Skipped));
    assert_eq!(
        stopped.apply(BatchAction::Show(Show::Unread)).rows().len(),
        4
    );
    // A late result of the stopped reading changes nothing.
    let late = stopped.apply(BatchAction::Read {
        id: 5,
        index: 1,
        checked: Box::new(reading::check_now(files[1].0, &files[1].1)),
    });
    assert_eq!(late, stopped);
}

#[test]
fn unreadable_files_say_why_and_cannot_be_opened() {
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.resize(4096, 0);
    let files = vec![
        ("old.doc", doc),
        ("empty.txt", b"   \n".to_vec()),
        (SEEDS[3], seed(SEEDS[3])),
    ];
    let batch = read_all(&files).apply(BatchAction::Failed {
        id: 7,
        index: 2,
        why: "x".into(),
    });
    let old = batch.row(0).unwrap();
    assert_eq!(old.status, Status::Unreadable);
    let Outcome::Unreadable { why, report } = &old.item.outcome else {
        panic!("old.doc: {:?}", old.item.outcome)
    };
    let s101 = gouji_core::check_bytes(&files[0].1).report;
    let s101 = s101
        .findings
        .iter()
        .find(|f| f.code == "S101")
        .expect("S101 for an old .doc");
    assert_eq!(why.as_str(), s101.message, "the core's own words");
    assert!(
        report.is_some(),
        "the core's report is kept for the JSON export"
    );
    assert_eq!(batch.row(1).unwrap().status, Status::Unreadable);
    // Opening an unreadable report does nothing; a readable one opens.
    assert_eq!(batch.apply(BatchAction::Open(0)).view, View::List);
    assert!(batch.opened(0).is_none());
    let mixed = read_all(&files);
    assert_eq!(mixed.apply(BatchAction::Open(2)).view, View::Item(2));
    assert_eq!(mixed.apply(BatchAction::Open(99)).view, View::List);
}

#[test]
fn a_report_of_the_batch_opens_in_the_single_view_as_if_opened_alone() {
    let files = seeds();
    let batch = read_all(&files).apply(BatchAction::Open(1));
    assert_eq!(batch.view, View::Item(1));
    let (name, size, kind, text, report) = batch.opened(1).expect("a readable report");
    let state = State::default()
        .apply(Action::Edit("别的文字".into()))
        .apply(Action::Open {
            name: name.clone(),
            size,
            kind,
            text: text.clone(),
            report: report.clone(),
        });
    // The same report (not checked again), the text it points into, the file's name.
    assert!(Rc::ptr_eq(state.report.as_ref().unwrap(), &report));
    assert_eq!(state.text, text);
    assert_eq!(state.input, text);
    assert_eq!(state.revision, 1, "the box is rewritten");
    assert!(
        matches!(&state.origin, Origin::File { name: n, size: s, kind: k } if *n == name && *s == files[1].1.len() && *k == reading::FileKind::Text)
    );
    // The same as opening the file alone.
    let alone = State::default().apply(Action::File(reading::read_now(name.as_str(), &files[1].1)));
    assert_eq!(alone.text, state.text);
    assert_eq!(alone.report.as_deref(), state.report.as_deref());
    assert_eq!(alone.origin, state.origin);
    // Back to the list, away, closed.
    assert_eq!(batch.apply(BatchAction::List).view, View::List);
    assert_eq!(batch.apply(BatchAction::Away).view, View::Away);
    let closed = batch.apply(BatchAction::Close);
    assert!(!closed.is_open());
    assert_eq!(
        closed.id, batch.id,
        "a late result still finds no batch of its id"
    );
}

#[test]
fn the_reducer_keeps_the_state_when_nothing_changes() {
    let batch = Rc::new(read_all(&seeds()));
    let same = batch.clone().reduce(BatchAction::Filter(String::new()));
    assert!(Rc::ptr_eq(&same, &batch));
    let same = batch.clone().reduce(BatchAction::List);
    assert!(Rc::ptr_eq(&same, &batch));
    let empty = Rc::new(Batch::default());
    assert!(Rc::ptr_eq(&empty.clone().reduce(BatchAction::Away), &empty));
    let changed = batch.clone().reduce(BatchAction::Sort(Column::Name));
    assert!(!Rc::ptr_eq(&changed, &batch));
}

#[test]
fn what_a_file_was_read_as() {
    use reading::FileKind;
    let html = fixture("crates/core/tests/fixtures/html/gb2021-gbk-declared.html");
    let pdf = fixture("tests/fixtures/reports/hongze-2023-qzf.pdf");
    for (name, bytes, kind) in [
        ("a.html", html, FileKind::Html),
        ("a.pdf", pdf, FileKind::Pdf),
        ("a.txt", seed(SEEDS[0]), FileKind::Text),
    ] {
        let checked = reading::check_now(name, &bytes);
        assert_eq!(FileKind::of_report(&checked.report), kind, "{name}");
        assert_eq!(FileKind::sniff(name, &bytes), kind, "{name}");
    }
}

#[test]
fn two_real_reports_of_one_agency_pair_up_on_a_guess_about_the_name() {
    let files = vec![
        (
            "hongze-2024-qzf.pdf",
            fixture("tests/fixtures/reports/hongze-2024-qzf.pdf"),
        ),
        (
            "hongze-2023-qzf.pdf",
            fixture("tests/fixtures/reports/hongze-2023-qzf.pdf"),
        ),
    ];
    let batch = read_all(&files);
    assert_eq!(batch.pairs.len(), 1);
    let pair = &batch.pairs[0];
    assert_eq!((pair.prev, pair.cur), (1, 0));
    assert!(
        pair.guess.is_some(),
        "洪泽区人民政府 / 淮安市洪泽区人民政府"
    );
    let reports: Vec<gouji_core::Report> = files
        .iter()
        .map(|(_, b)| gouji_core::check_bytes(b).report)
        .collect();
    let refs: Vec<&gouji_core::Report> = reports.iter().collect();
    assert_eq!(*batch.across, gouji_core::across::check_across(&refs));
}

/// The 发布 and 实质公开率 columns and the 逾期发布 filter: a real page made late (in memory: its
/// agency a city's department, its PubDate after 1月31日), the seeds and two published reports.
#[test]
fn publication_dates_late_reports_and_the_substantive_rate() {
    let page = String::from_utf8(fixture("tests/fixtures/corpus/jjf-2024/page.html")).unwrap();
    let late = page
        .replace("平潭综合实验区经济发展局", "福州市经济发展局")
        .replace(
            "<meta name=\"PubDate\" content=\"2025-01-27 10:12\"/>",
            "<meta name=\"PubDate\" content=\"2025-02-10 10:12\"/>",
        );
    assert_ne!(late, page);
    let mut files = seeds();
    files.push(("late.html", late.into_bytes()));
    files.push((
        "hongze-2024-qzf.pdf.txt",
        fixture("tests/fixtures/reports/hongze-2024-qzf.pdf.txt"),
    ));
    files.push((
        "huaian-2024-szf.pdf.txt",
        fixture("tests/fixtures/reports/huaian-2024-szf.pdf.txt"),
    ));
    let batch = read_all(&files);
    let row = |name: &str| {
        batch
            .all_rows()
            .into_iter()
            .find(|r| r.item.name == name)
            .unwrap()
    };
    let l = row("late.html");
    assert_eq!(l.published.map(|d| d.iso()), Some("2025-02-10".into()));
    assert!(l.late);
    // Seed 003 was published on 2024-01-30, a day before its deadline; seed 000 has no date.
    let on_time = row(SEEDS[3]);
    assert_eq!(
        on_time.published.map(|d| d.iso()),
        Some("2024-01-30".into())
    );
    assert!(!on_time.late);
    assert_eq!(row(SEEDS[0]).published, None);

    let shown = batch.apply(BatchAction::Show(Show::Late));
    let names: Vec<String> = shown
        .rows()
        .iter()
        .map(|r| r.item.name.to_string())
        .collect();
    assert_eq!(names, vec!["late.html".to_string()]);
    assert_eq!(Show::from_id("late"), Show::Late);

    // Seed 003: 3 of 8 applications; too few to rank, though its rate is read.
    let small = row(SEEDS[3]);
    assert_eq!(small.substantive, Some(0.375));
    assert_eq!(small.ranked_substantive(), None);
    // hongze-2024: (予以公开 + 部分公开) 59 of 95.
    assert_eq!(
        row("hongze-2024-qzf.pdf.txt").ranked_substantive(),
        Some(0.6211)
    );

    let sorted = batch.apply(BatchAction::Sort(Column::Substantive));
    assert_eq!(sorted.sort.aria(Column::Substantive), "descending");
    let rates: Vec<Option<f64>> = sorted
        .rows()
        .iter()
        .map(|r| r.ranked_substantive())
        .collect();
    let ranked: Vec<f64> = rates.iter().map_while(|r| *r).collect();
    assert!(ranked.len() >= 3, "{rates:?}");
    assert!(ranked.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    assert!(
        rates[ranked.len()..].iter().all(Option::is_none),
        "{rates:?}"
    );

    let by_date = batch.apply(BatchAction::Sort(Column::Published));
    let dates: Vec<_> = by_date.rows().iter().map(|r| r.published).collect();
    let known: Vec<_> = dates.iter().map_while(|d| *d).collect();
    assert!(known.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(dates[known.len()..].iter().all(Option::is_none));
}
