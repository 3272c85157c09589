//! Many reports at once: the files of a batch, what each came to, the summary table's order
//! and filter, and the findings across years among them. One reducer, [`Batch::apply`], like
//! [`crate::state`]; tested natively (`tests/batch.rs`).
//!
//! The batch never reads a file itself: the page reads each one (through
//! [`crate::reading::read_file`]) and hands over the result with [`BatchAction::Read`], so
//! how bytes become a report can change (a worker, asynchronously) without touching this.

use std::cmp::Ordering;
use std::rc::Rc;

use gouji_core::roster::Roster;
use gouji_core::{Checked, Finding, Report, Severity, Template};
use yew::prelude::*;

use crate::reading::{self, FileKind};
use crate::roster::RosterList;
use crate::shared::Shared;
use crate::state::{Notice, Tone};

/// The most files one batch reads. Each report stays in memory with its text while the batch
/// is open (a few hundred KB for a long one); a few hundred keep the page responsive on an
/// ordinary office computer, and an office checks its dozens of reports well within this.
pub const BATCH_LIMIT: usize = 200;

/// A column of the summary table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Agency,
    Year,
    Template,
    /// 发布: the publication date, marked when late.
    Published,
    /// 实质公开率: ranked only with at least [`MIN_APPLICATIONS`] applications.
    Substantive,
    Errors,
    Warnings,
    Status,
}

/// Fewer applications than this make a rate too small a sample to rank or colour: one
/// refusal among three applications is 33 %, which says nothing about the agency.
pub const MIN_APPLICATIONS: f64 = 30.0;

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Name,
        Column::Agency,
        Column::Year,
        Column::Template,
        Column::Published,
        Column::Substantive,
        Column::Errors,
        Column::Warnings,
        Column::Status,
    ];

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "文件名",
            Column::Agency => "机关",
            Column::Year => "年度",
            Column::Template => "模板",
            Column::Published => "发布",
            Column::Substantive => "实质公开率",
            Column::Errors => "错误",
            Column::Warnings => "警告",
            Column::Status => "状态",
        }
    }

    /// A name for tests and tools (`data-column`).
    pub fn id(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Agency => "agency",
            Column::Year => "year",
            Column::Template => "template",
            Column::Published => "published",
            Column::Substantive => "substantive",
            Column::Errors => "errors",
            Column::Warnings => "warnings",
            Column::Status => "status",
        }
    }

    /// Counts sort the most first on the first click; names, years and status in their
    /// natural order.
    fn descending_first(self) -> bool {
        matches!(
            self,
            Column::Errors | Column::Warnings | Column::Substantive
        )
    }
}

/// The order of the summary table: by a column, or as the files were given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub column: Option<Column>,
    pub descending: bool,
}

impl Sort {
    /// `aria-sort` of a column's heading.
    pub fn aria(&self, column: Column) -> &'static str {
        match self.column {
            Some(c) if c == column && self.descending => "descending",
            Some(c) if c == column => "ascending",
            _ => "none",
        }
    }
}

/// Which reports the summary table shows, by their status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Show {
    #[default]
    All,
    /// 只看有错误的
    Errors,
    /// 有错误或警告的
    Problems,
    /// 未发现问题的
    Clean,
    /// 无法读取或未识别出统计表的
    Unread,
    /// 逾期发布: published after the deadline of 条例第四十九条 (M703).
    Late,
    /// 缺报单位: the roster's units without a report (no report row; see [`crate::roster`]).
    Missing,
}

impl Show {
    pub const ALL: [Show; 7] = [
        Show::All,
        Show::Errors,
        Show::Problems,
        Show::Clean,
        Show::Unread,
        Show::Late,
        Show::Missing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Show::All => "全部报告",
            Show::Errors => "只看有错误的",
            Show::Problems => "有错误或警告的",
            Show::Clean => "未发现问题的",
            Show::Unread => "无法读取或未识别的",
            Show::Late => "逾期发布",
            Show::Missing => "缺报单位",
        }
    }

    /// The `<option>` value.
    pub fn id(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Errors => "errors",
            Show::Problems => "problems",
            Show::Clean => "clean",
            Show::Unread => "unread",
            Show::Late => "late",
            Show::Missing => "missing",
        }
    }

    pub fn from_id(id: &str) -> Show {
        Show::ALL
            .into_iter()
            .find(|s| s.id() == id)
            .unwrap_or_default()
    }

    fn admits(self, row: &Row) -> bool {
        let status = row.status;
        match self {
            Show::All => true,
            Show::Errors => status == Status::Errors,
            Show::Problems => matches!(status, Status::Errors | Status::Warnings),
            Show::Clean => status == Status::Clean,
            Show::Unread => matches!(
                status,
                Status::Unreadable | Status::Unknown | Status::Skipped
            ),
            Show::Late => row.late,
            Show::Missing => false,
        }
    }
}

/// Where a report of the batch stands. The order is the status column's sort order: what
/// needs attention first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// The file could not be read (or held no text).
    Unreadable,
    /// At least one error.
    Errors,
    /// No standard table recognised.
    Unknown,
    /// No error, some warnings.
    Warnings,
    /// Neither errors nor warnings.
    Clean,
    /// Not read yet.
    Waiting,
    /// Not read: reading was stopped.
    Skipped,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Unreadable => "无法读取",
            Status::Errors => "有错误",
            Status::Unknown => "未识别统计表",
            Status::Warnings => "需要核实",
            Status::Clean => "未发现问题",
            Status::Waiting => "等待读取",
            Status::Skipped => "未读取",
        }
    }

    /// A name for tests, tools and the stylesheet (`data-status`).
    pub fn id(self) -> &'static str {
        match self {
            Status::Unreadable => "unreadable",
            Status::Errors => "errors",
            Status::Unknown => "unknown",
            Status::Warnings => "warnings",
            Status::Clean => "clean",
            Status::Waiting => "waiting",
            Status::Skipped => "skipped",
        }
    }
}

/// What became of one file.
/// Reports are compared by identity ([`Shared`]): a report is never changed once made.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Waiting,
    /// Read and checked: the text read from the file and its report.
    Done {
        text: AttrValue,
        report: Shared<Report>,
    },
    /// Not read: why, in Chinese, and the report of the core when it had the bytes (an S101
    /// saying why; the CLI's JSON lists it too).
    Unreadable {
        why: AttrValue,
        report: Option<Shared<Report>>,
    },
    /// Reading was stopped before this file.
    Skipped,
}

/// One file of the batch.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub name: AttrValue,
    pub size: usize,
    pub outcome: Outcome,
}

impl Item {
    /// The report of a file that was read.
    pub fn report(&self) -> Option<&Rc<Report>> {
        match &self.outcome {
            Outcome::Done { report, .. } => Some(report),
            _ => None,
        }
    }

    /// The report the core made of the file's bytes, also when it could not read them.
    pub fn checked_report(&self) -> Option<&Rc<Report>> {
        match &self.outcome {
            Outcome::Done { report, .. } => Some(report),
            Outcome::Unreadable { report, .. } => report.as_deref(),
            _ => None,
        }
    }
}

/// What the summary table shows of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub index: usize,
    pub item: &'a Item,
    pub agency: Option<&'a str>,
    pub year: Option<i32>,
    pub template: Option<Template>,
    /// Findings of each severity, the cross-year ones included (as the CLI's summary counts).
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// How many of those are cross-year findings.
    pub across: usize,
    pub status: Status,
    /// When the report was published, as read ([`gouji_core::extract::published`]).
    pub published: Option<gouji_core::ingest::dates::Date>,
    /// Published after its deadline (the report has an M703).
    pub late: bool,
    /// 实质公开率 and the applications it is of (（七）总计).
    pub substantive: Option<f64>,
    pub applications: Option<f64>,
}

impl Row<'_> {
    /// The 实质公开率 when there are enough applications to rank it by.
    pub fn ranked_substantive(&self) -> Option<f64> {
        self.substantive
            .filter(|_| self.applications.is_some_and(|n| n >= MIN_APPLICATIONS))
    }
}

/// Two reports of one agency for consecutive years, as the cross-year rules compared them.
#[derive(Clone, Debug, PartialEq)]
pub struct YearPair {
    /// Indices into the batch's items: the earlier year's report, the later one's.
    pub prev: usize,
    pub cur: usize,
    /// Set when the agency names differ a little: why they were taken for one agency.
    pub guess: Option<String>,
}

/// What the page shows of a batch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The summary table.
    #[default]
    List,
    /// One report's full view (the single-report page), by its index.
    Item(usize),
    /// The single-report page with some other input; the batch waits to be returned to.
    Away,
}

/// A batch of reports.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// Which batch this is: results for another one are ignored.
    pub id: u32,
    pub items: Vec<Item>,
    /// Pairs of consecutive years of one agency among the reports (once all are read).
    pub pairs: Rc<Vec<YearPair>>,
    /// The cross-report findings (Y801–Y804) with the index of the report each belongs to (the
    /// later year's, or the one whose prose repeats), once all are read.
    pub across: Rc<Vec<(usize, Finding)>>,
    /// How much of each report's prose another has (indices into `items`), once all are read.
    pub similarity: Rc<Vec<gouji_core::similarity::Similarity>>,
    pub sort: Sort,
    /// The text filter on file names and agencies.
    pub query: AttrValue,
    pub show: Show,
    pub view: View,
    /// About the batch as a whole (files left out beyond the limit).
    pub notice: Option<Notice>,
    /// The roster loaded (kept from one batch to the next) and, once all files are read, its
    /// units matched against the reports (indices into `items`).
    pub roster_list: Option<Rc<RosterList>>,
    pub roster: Option<Rc<Roster>>,
}

/// Everything that can happen to a batch.
#[derive(Clone, Debug, PartialEq)]
pub enum BatchAction {
    /// A new batch of files (name, size in bytes), in the order given; `left_out` more were
    /// given beyond [`BATCH_LIMIT`] and will not be read.
    Start {
        id: u32,
        files: Vec<(String, usize)>,
        left_out: usize,
    },
    /// A file was read ([`crate::reading::read_file`]) and checked.
    Read {
        id: u32,
        index: usize,
        checked: Box<Checked>,
    },
    /// A file could not be read (too large, or the browser could not read it): why.
    Failed {
        id: u32,
        index: usize,
        why: String,
    },
    /// Stop reading: the files not read yet stay unread.
    Stop {
        id: u32,
    },
    /// Sort by a column (again: the other way round).
    Sort(Column),
    /// Show only reports whose file name or agency contain every word of this text.
    Filter(String),
    Show(Show),
    /// Open a report's full view.
    Open(usize),
    /// Back to the summary table.
    List,
    /// To the single-report page, keeping the batch.
    Away,
    /// Forget the batch.
    Close,
    /// A roster to match the reports against, or none (清除名单).
    Roster(Option<RosterList>),
}

impl Batch {
    /// Whether there is a batch at all.
    pub fn is_open(&self) -> bool {
        !self.items.is_empty()
    }

    /// Files read (or given up on), and files in the batch.
    pub fn progress(&self) -> (usize, usize) {
        let done = self
            .items
            .iter()
            .filter(|i| i.outcome != Outcome::Waiting)
            .count();
        (done, self.items.len())
    }

    /// Whether files are still being read.
    pub fn reading(&self) -> bool {
        self.items.iter().any(|i| i.outcome == Outcome::Waiting)
    }

    /// The state after `action`.
    pub fn apply(&self, action: BatchAction) -> Batch {
        match action {
            BatchAction::Start {
                id,
                files,
                left_out,
            } => {
                let notice = (left_out > 0).then(|| {
                    Notice::new(
                        Tone::Warning,
                        format!(
                            "一次最多检查 {BATCH_LIMIT} 个文件：只读取了前 {BATCH_LIMIT} 个，另外 {left_out} 个未读取。请分批打开。"
                        ),
                    )
                });
                Batch {
                    id,
                    roster_list: self.roster_list.clone(),
                    items: files
                        .into_iter()
                        .map(|(name, size)| Item {
                            name: name.into(),
                            size,
                            outcome: Outcome::Waiting,
                        })
                        .collect(),
                    notice,
                    ..Batch::default()
                }
            }
            BatchAction::Read { id, index, checked } => {
                let why = reading::why_unreadable(&checked).map(str::to_string);
                let outcome = match why {
                    Some(why) => Outcome::Unreadable {
                        why: why.into(),
                        report: Some(Shared::new(checked.report)),
                    },
                    None if checked.text.trim().is_empty() => Outcome::Unreadable {
                        why: "文件中没有文字。".into(),
                        report: Some(Shared::new(checked.report)),
                    },
                    None => Outcome::Done {
                        text: checked.text.into(),
                        report: Shared::new(checked.report),
                    },
                };
                self.settle(id, index, outcome)
            }
            BatchAction::Failed { id, index, why } => self.settle(
                id,
                index,
                Outcome::Unreadable {
                    why: why.into(),
                    report: None,
                },
            ),
            BatchAction::Stop { id } if id == self.id && self.reading() => {
                let mut next = self.clone();
                for item in &mut next.items {
                    if item.outcome == Outcome::Waiting {
                        item.outcome = Outcome::Skipped;
                    }
                }
                next.finished()
            }
            BatchAction::Stop { .. } => self.clone(),
            BatchAction::Sort(column) => {
                let descending = if self.sort.column == Some(column) {
                    !self.sort.descending
                } else {
                    column.descending_first()
                };
                Batch {
                    sort: Sort {
                        column: Some(column),
                        descending,
                    },
                    ..self.clone()
                }
            }
            BatchAction::Filter(query) => Batch {
                query: query.into(),
                ..self.clone()
            },
            BatchAction::Show(show) => Batch {
                show,
                ..self.clone()
            },
            BatchAction::Open(index) => match self.items.get(index).and_then(Item::report) {
                Some(_) => Batch {
                    view: View::Item(index),
                    ..self.clone()
                },
                None => self.clone(),
            },
            BatchAction::List => Batch {
                view: View::List,
                ..self.clone()
            },
            BatchAction::Away => Batch {
                view: View::Away,
                ..self.clone()
            },
            BatchAction::Close => Batch {
                id: self.id,
                roster_list: self.roster_list.clone(),
                ..Batch::default()
            },
            BatchAction::Roster(list) => {
                let mut next = Batch {
                    roster_list: list.map(Rc::new),
                    roster: None,
                    ..self.clone()
                };
                if next.show == Show::Missing && next.roster_list.is_none() {
                    next.show = Show::All;
                }
                if next.is_open() && !next.reading() {
                    next.roster = crate::roster::matched(&next).map(Rc::new);
                }
                next
            }
        }
    }

    /// The batch with one file's outcome, if the file is this batch's and still waiting; the
    /// cross-year findings once the last one is in.
    fn settle(&self, id: u32, index: usize, outcome: Outcome) -> Batch {
        let waiting = self
            .items
            .get(index)
            .is_some_and(|i| i.outcome == Outcome::Waiting);
        if id != self.id || !waiting {
            return self.clone();
        }
        let mut next = self.clone();
        next.items[index].outcome = outcome;
        if next.reading() {
            next
        } else {
            next.finished()
        }
    }

    /// The batch with its cross-year pairs, findings and shares of repeated prose worked out.
    fn finished(mut self) -> Batch {
        let (index, reports): (Vec<usize>, Vec<&Report>) = self
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| item.report().map(|r| (i, &**r)))
            .unzip();
        let pairs = gouji_core::across::pairs(&reports)
            .into_iter()
            .map(|p| YearPair {
                prev: index[p.prev_index],
                cur: index[p.cur_index],
                guess: p.guess,
            })
            .collect();
        let (across, mut similarity) = gouji_core::across::check_all(&reports);
        let across = across.into_iter().map(|(j, f)| (index[j], f)).collect();
        for e in &mut similarity {
            e.report = index[e.report];
            e.other = index[e.other];
        }
        self.pairs = Rc::new(pairs);
        self.across = Rc::new(across);
        self.similarity = Rc::new(similarity);
        self.roster = crate::roster::matched(&self).map(Rc::new);
        self
    }

    /// What the summary table shows of the item at `index`.
    pub fn row(&self, index: usize) -> Option<Row<'_>> {
        let item = self.items.get(index)?;
        let mut row = Row {
            index,
            item,
            agency: None,
            year: None,
            template: None,
            errors: 0,
            warnings: 0,
            infos: 0,
            across: 0,
            status: Status::Waiting,
            published: None,
            late: false,
            substantive: None,
            applications: None,
        };
        match &item.outcome {
            Outcome::Waiting => {}
            Outcome::Skipped => row.status = Status::Skipped,
            Outcome::Unreadable { .. } => row.status = Status::Unreadable,
            Outcome::Done { report, .. } => {
                row.agency = report.agency.as_deref();
                row.year = report.year;
                row.template = Some(report.template);
                row.published = report.published.as_ref().map(|p| p.date);
                row.late = report.findings.iter().any(|f| f.code == "M703");
                if let Some(i) = &report.indicators {
                    row.substantive = i.substantive_rate.value;
                    row.applications = i.applications;
                }
                let across = self.across.iter().filter(|(i, _)| *i == index);
                let count = |s: Severity| {
                    report.count(s) + across.clone().filter(|(_, f)| f.severity == s).count()
                };
                row.errors = count(Severity::Error);
                row.warnings = count(Severity::Warning);
                row.infos = count(Severity::Info);
                row.across = across.count();
                row.status = if row.errors > 0 {
                    Status::Errors
                } else if report.template == Template::Unknown {
                    Status::Unknown
                } else if row.warnings > 0 {
                    Status::Warnings
                } else {
                    Status::Clean
                };
            }
        }
        Some(row)
    }

    /// Every row, in the files' order.
    pub fn all_rows(&self) -> Vec<Row<'_>> {
        (0..self.items.len()).filter_map(|i| self.row(i)).collect()
    }

    /// The rows the summary table shows: filtered, then sorted (ties keep the files' order).
    pub fn rows(&self) -> Vec<Row<'_>> {
        let words: Vec<String> = self
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let mut rows: Vec<Row> = self
            .all_rows()
            .into_iter()
            .filter(|r| self.show.admits(r))
            .filter(|r| {
                let name = r.item.name.to_lowercase();
                let agency = r.agency.unwrap_or_default().to_lowercase();
                words
                    .iter()
                    .all(|w| name.contains(w.as_str()) || agency.contains(w.as_str()))
            })
            .collect();
        if let Some(column) = self.sort.column {
            let descending = self.sort.descending;
            rows.sort_by(|a, b| compare(a, b, column, descending));
        }
        rows
    }

    /// Counts of the whole batch: reports read, with errors, with warnings only, unread.
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for row in self.all_rows() {
            match row.status {
                Status::Errors => t.errors += 1,
                Status::Warnings => t.warnings += 1,
                Status::Clean => t.clean += 1,
                Status::Unknown => t.unknown += 1,
                Status::Unreadable | Status::Skipped => t.unread += 1,
                Status::Waiting => {}
            }
        }
        t
    }

    /// The file name and what it was read as, for the single-report page.
    pub fn opened(
        &self,
        index: usize,
    ) -> Option<(AttrValue, usize, FileKind, AttrValue, Rc<Report>)> {
        let item = self.items.get(index)?;
        match &item.outcome {
            Outcome::Done { text, report } => Some((
                item.name.clone(),
                item.size,
                FileKind::of_report(report),
                text.clone(),
                report.0.clone(),
            )),
            _ => None,
        }
    }
}

/// How many reports of a batch are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub clean: usize,
    pub unknown: usize,
    pub unread: usize,
}

/// The order of two rows by a column; a row without the value (a file not read, a report
/// without a recognised agency or year) comes last either way.
fn compare(a: &Row, b: &Row, column: Column, descending: bool) -> Ordering {
    fn last<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) if descending => b.cmp(&a),
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    let read = |r: &Row| r.item.report().is_some();
    match column {
        Column::Name => {
            let o = natural(&a.item.name, &b.item.name);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        Column::Agency => last(a.agency.map(Natural), b.agency.map(Natural), descending),
        Column::Year => last(a.year, b.year, descending),
        Column::Template => last(
            a.template.map(template_rank),
            b.template.map(template_rank),
            descending,
        ),
        Column::Published => last(a.published, b.published, descending),
        // Rates in ten-thousandths, so that they order as integers; too few applications: last.
        Column::Substantive => last(
            a.ranked_substantive().map(|v| (v * 1e4).round() as i64),
            b.ranked_substantive().map(|v| (v * 1e4).round() as i64),
            descending,
        ),
        Column::Errors => last(
            read(a).then_some(a.errors),
            read(b).then_some(b.errors),
            descending,
        ),
        Column::Warnings => last(
            read(a).then_some(a.warnings),
            read(b).then_some(b.warnings),
            descending,
        ),
        Column::Status => {
            let o = a.status.cmp(&b.status);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
    }
}

/// The templates newest first, unrecognised last.
fn template_rank(t: Template) -> u8 {
    match t {
        Template::Gb2021 => 0,
        Template::Gb2019 => 1,
        Template::Legacy => 2,
        Template::Unknown => 3,
    }
}

/// A name compared as people read it: "报告2" before "报告10".
#[derive(PartialEq, Eq)]
struct Natural<'a>(&'a str);

impl Ord for Natural<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        natural(self.0, other.0)
    }
}

impl PartialOrd for Natural<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compares runs of ASCII digits by their value, everything else character by character.
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(ca), Some(cb)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if ca.is_ascii_digit() && cb.is_ascii_digit() {
            let da = a.find(|c: char| !c.is_ascii_digit()).unwrap_or(a.len());
            let db = b.find(|c: char| !c.is_ascii_digit()).unwrap_or(b.len());
            let (na, nb) = (
                a[..da].trim_start_matches('0'),
                b[..db].trim_start_matches('0'),
            );
            let o = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if o != Ordering::Equal {
                return o;
            }
            a = &a[da..];
            b = &b[db..];
        } else {
            if ca != cb {
                return ca.cmp(&cb);
            }
            a = &a[ca.len_utf8()..];
            b = &b[cb.len_utf8()..];
        }
    }
}

impl Reducible for Batch {
    type Action = BatchAction;

    fn reduce(self: Rc<Self>, action: BatchAction) -> Rc<Self> {
        let unchanged = match &action {
            BatchAction::Filter(q) => q.as_str() == self.query.as_str(),
            BatchAction::Show(s) => *s == self.show,
            BatchAction::List => self.view == View::List,
            BatchAction::Away => self.view == View::Away || !self.is_open(),
            BatchAction::Close => !self.is_open(),
            _ => false,
        };
        if unchanged {
            self
        } else {
            Rc::new(self.apply(action))
        }
    }
}
