//! The UI state and its one reducer.
//!
//! Every change to what the page shows goes through [`State::apply`]: the text in the input box,
//! the text the report was checked from and the report change together, so the page never
//! shows a report of some other text, and every span of the report points into [`State::text`].
//! The state is plain data, so it is tested natively (`tests/state.rs`); timers, storage and
//! the DOM live in [`crate::app`].

use std::rc::Rc;

use gouji_core::{Read, Report};
use yew::prelude::*;

use crate::reading::{self, FileKind, FileRead};
use crate::share::{self, Fragment};

/// Inputs up to this many bytes are checked on every keystroke; longer ones
/// [`DEBOUNCE_MS`] after the last one, so typing never waits for the checker.
pub const IMMEDIATE_BYTES: usize = 20 * 1024;

/// How long after the last keystroke a long input is checked.
pub const DEBOUNCE_MS: u32 = 200;

/// The largest input kept in the browser's storage for the next visit (UTF-8 bytes).
pub const STORE_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// Whether an input of `len` bytes waits for a pause in typing before it is checked.
pub fn needs_debounce(len: usize) -> bool {
    len > IMMEDIATE_BYTES
}

/// The largest file the page reads (bytes): the core's limit on any input
/// ([`gouji_core::MAX_INPUT_BYTES`]), checked against the file's size before it is read into
/// memory, so that a huge file never stalls the page.
pub const FILE_LIMIT_BYTES: f64 = gouji_core::MAX_INPUT_BYTES as f64;

/// Why a file of `size` bytes is not read, when it is too large.
pub fn file_too_large(name: &str, size: f64) -> Option<Notice> {
    (size > FILE_LIMIT_BYTES).then(|| {
        Notice::new(
            Tone::Error,
            format!(
                "文件“{name}”有 {}，超过了 {} MB 的上限，未读取。年度报告的文字通常不超过 1 MB，PDF 文件通常不超过几十 MB：请确认选对了文件。",
                reading::size_zh(size as usize),
                FILE_LIMIT_BYTES as usize / (1024 * 1024)
            ),
        )
    })
}

/// Whether a text is small enough to be kept for the next visit.
pub fn fits_storage(text: &str) -> bool {
    text.len() <= STORE_LIMIT_BYTES
}

/// Where the text in the box came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Origin {
    /// Typed or pasted (or edited after being loaded).
    #[default]
    Typed,
    /// Read from a dropped or picked file.
    File {
        name: AttrValue,
        size: usize,
        kind: FileKind,
    },
    /// One of the sample reports.
    Example { label: AttrValue },
    /// Kept from the last visit.
    Restored,
    /// Opened from a share link (see [`crate::share`]).
    Shared,
}

/// What the user is looking at closely.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// A finding, by its index in `report.findings`.
    Finding(usize),
    /// A table cell, by its path (`table/row/col`).
    Cell(AttrValue),
}

/// How a notice should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// A sentence for the user about their input or about keeping it.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: AttrValue,
}

impl Notice {
    pub fn new(tone: Tone, text: impl Into<AttrValue>) -> Self {
        Notice {
            tone,
            text: text.into(),
        }
    }
}

/// What the page shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The text in the input box, as typed, pasted or loaded.
    pub input: AttrValue,
    /// Counts the times the box's text was replaced from outside the box (a file, an example,
    /// the last visit, 清空); the box is written only then, so typing is never interrupted.
    pub revision: u32,
    /// The text `report` was checked from: every span of the report points into it.
    pub text: AttrValue,
    /// The report checked from `text`; `None` while the input is empty or only whitespace.
    pub report: Option<Rc<Report>>,
    /// The input changed after `report` was made; a check is due (long inputs, while typing).
    pub stale: bool,
    pub origin: Origin,
    /// About the input: what kind of file it was, why it could not be read.
    pub notice: Option<Notice>,
    /// About keeping the input for the next visit (too large, refused by the browser).
    pub storage: Option<Notice>,
    pub selection: Option<Selection>,
    /// The name of a file being read.
    pub reading: Option<AttrValue>,
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The input box now holds this text (typed, pasted or dropped as text). Short texts are
    /// checked at once; long ones wait for [`Action::Check`].
    Edit(String),
    /// Check the input now, if it changed since the last check.
    Check,
    /// Replace the input with a text from elsewhere (an example, the last visit); checked now.
    Load { text: String, origin: Origin },
    /// A file is being read.
    Reading(String),
    /// A file was read by the readers ([`crate::reading::read_file`]); its text is checked
    /// here.
    File(FileRead),
    /// A report already read (a file of a batch) becomes the one shown, as if its file had
    /// been opened alone.
    Open {
        name: AttrValue,
        size: usize,
        kind: FileKind,
        text: AttrValue,
        report: Rc<Report>,
    },
    /// A paste of the clipboard's HTML (see [`crate::reading::PASTE_HTML`]) replaced the box;
    /// this is what the readers made of it.
    Html(Read),
    /// Something could not be done (a file unreadable, an example not loaded).
    Failed(Notice),
    /// Something to say about what is being done (the batch module loading).
    Inform(Notice),
    /// Empty the input box (and the stored copy: see [`crate::app`]).
    Clear,
    /// Look at a finding or a cell, or at nothing.
    Select(Option<Selection>),
    /// What became of keeping the input for the next visit (`None`: kept, or nothing to say).
    Stored(Option<Notice>),
    /// Close the notice about the input.
    Dismiss,
}

impl State {
    /// The state at the start of a visit: the stored input of the last one, checked.
    pub fn restored(stored: Option<String>) -> State {
        match stored {
            Some(text) if !text.trim().is_empty() => State::default().apply(Action::Load {
                text,
                origin: Origin::Restored,
            }),
            _ => State::default(),
        }
    }

    /// The state at the start of a visit: the text of a share link in the page's address
    /// (`fragment`, with or without `#`) wins over the stored input of the last visit; a share
    /// link that cannot be read leaves the stored input and says why.
    pub fn start(stored: Option<String>, fragment: Option<&str>) -> State {
        match fragment.map(share::decode) {
            Some(Fragment::Text(text)) => State::default().apply(Action::Load {
                text,
                origin: Origin::Shared,
            }),
            Some(Fragment::Bad(why)) => {
                State::restored(stored).apply(Action::Failed(Notice::new(Tone::Error, why)))
            }
            Some(Fragment::None) | None => State::restored(stored),
        }
    }

    /// The state after `action`. Checking runs here, once per change of the text.
    pub fn apply(&self, action: Action) -> State {
        match action {
            Action::Edit(text) if text.as_str() == self.input.as_str() => self.clone(),
            Action::Edit(text) => {
                let mut next = State {
                    input: AttrValue::from(text),
                    origin: Origin::Typed,
                    ..self.clone()
                };
                if needs_debounce(next.input.len()) {
                    next.stale = true;
                    next
                } else {
                    next.checked(next.input.clone())
                }
            }
            Action::Check if self.stale => self.checked(self.input.clone()),
            Action::Check => self.clone(),
            Action::Load { text, origin } => {
                let input = AttrValue::from(text);
                State {
                    input: input.clone(),
                    revision: self.revision.wrapping_add(1),
                    origin,
                    notice: None,
                    reading: None,
                    ..self.clone()
                }
                .checked(input)
            }
            Action::Reading(name) => State {
                reading: Some(name.into()),
                ..self.clone()
            },
            Action::File(file) => self.file(file),
            Action::Open {
                name,
                size,
                kind,
                text,
                report,
            } => {
                let report = (!text.trim().is_empty()).then_some(report);
                State {
                    input: text.clone(),
                    revision: self.revision.wrapping_add(1),
                    origin: Origin::File { name, size, kind },
                    notice: None,
                    reading: None,
                    selection: None,
                    ..self.clone()
                }
                .with_report(text, report)
            }
            Action::Html(read) => {
                let checked = gouji_core::check_read(read);
                let input = AttrValue::from(checked.text);
                let report = (!input.trim().is_empty()).then(|| Rc::new(checked.report));
                State {
                    input: input.clone(),
                    revision: self.revision.wrapping_add(1),
                    origin: Origin::Typed,
                    notice: None,
                    reading: None,
                    ..self.clone()
                }
                .with_report(input, report)
            }
            Action::Failed(notice) | Action::Inform(notice) => State {
                notice: Some(notice),
                reading: None,
                ..self.clone()
            },
            Action::Clear => State {
                revision: self.revision.wrapping_add(1),
                storage: self.storage.clone(),
                ..State::default()
            },
            Action::Select(selection) => State {
                selection,
                ..self.clone()
            },
            Action::Stored(storage) => State {
                storage,
                ..self.clone()
            },
            Action::Dismiss => State {
                notice: None,
                ..self.clone()
            },
        }
    }

    /// The state with `text` checked as typed text: the report, the text it points into, and
    /// the selection carried over to the new report where it still means something.
    fn checked(&self, text: AttrValue) -> State {
        let report = if text.trim().is_empty() {
            None
        } else {
            Some(Rc::new(gouji_core::check(&text)))
        };
        self.with_report(text, report)
    }

    fn with_report(&self, text: AttrValue, report: Option<Rc<Report>>) -> State {
        let selection = carry_selection(
            self.report.as_deref(),
            report.as_deref(),
            self.selection.clone(),
        );
        State {
            text: if report.is_some() {
                text
            } else {
                AttrValue::default()
            },
            report,
            stale: false,
            selection,
            ..self.clone()
        }
    }

    fn file(&self, file: FileRead) -> State {
        let FileRead {
            name,
            size,
            kind,
            read,
        } = file;
        let label = format!("“{name}”（{}）", reading::size_zh(size));
        if !kind.worth_checking() {
            let text = reading::note(kind).unwrap_or("这个文件目前无法读取。");
            return State {
                notice: Some(Notice::new(
                    Tone::Warning,
                    format!("未读取 {label}：{text}"),
                )),
                reading: None,
                ..self.clone()
            };
        }
        let checked = match read {
            Ok(read) => gouji_core::check_read(read),
            Err(why) => {
                return State {
                    notice: Some(Notice::new(Tone::Error, format!("未读取 {label}：{why}。"))),
                    reading: None,
                    ..self.clone()
                }
            }
        };
        // A file the core could not read (an old .doc, an encrypted or scanned PDF, a damaged
        // file): the box and the report stay as they were, and the page says why, in the
        // core's own words (S101).
        if let Some(why) = reading::why_unreadable(&checked) {
            return State {
                notice: Some(Notice::new(Tone::Warning, format!("未读取 {label}：{why}"))),
                reading: None,
                ..self.clone()
            };
        }
        let input = AttrValue::from(checked.text);
        let blank = input.trim().is_empty();
        let notice = if blank {
            Some(Notice::new(
                Tone::Warning,
                format!("已读取 {label}，但其中没有文字。"),
            ))
        } else if kind == FileKind::Html {
            Some(Notice::new(
                Tone::Info,
                format!(
                    "已读取 {label}：输入框中是网页的文字，与在浏览器中全选、复制所得相同\
                     （表格每行一行，单元格之间以制表符分隔）；检查和原文定位都依据这些文字。"
                ),
            ))
        } else if matches!(kind, FileKind::Pdf | FileKind::Docx) {
            Some(Notice::new(
                Tone::Info,
                format!(
                    "已读取 {label}：输入框中是从文件里提取出的文字，检查和原文定位都依据这些文字；\
                     表格的换行与分栏可能与原文件的版面不同。"
                ),
            ))
        } else {
            reading::note(kind).map(|n| Notice::new(Tone::Warning, format!("已读取 {label}。{n}")))
        };
        let report = (!blank).then(|| Rc::new(checked.report));
        State {
            input: input.clone(),
            revision: self.revision.wrapping_add(1),
            origin: Origin::File {
                name: name.into(),
                size,
                kind,
            },
            notice,
            reading: None,
            ..self.clone()
        }
        .with_report(input, report)
    }

    /// The finding selected, if a finding is.
    pub fn selected_finding(&self) -> Option<(usize, &gouji_core::Finding)> {
        match (&self.selection, &self.report) {
            (Some(Selection::Finding(i)), Some(report)) => report.findings.get(*i).map(|f| (*i, f)),
            _ => None,
        }
    }

    /// The paths of the cells the selection involves: a finding's cells, or the cell itself.
    pub fn selected_cells(&self) -> Vec<AttrValue> {
        match &self.selection {
            Some(Selection::Finding(_)) => self
                .selected_finding()
                .map(|(_, f)| f.cells.iter().map(|c| AttrValue::from(c.clone())).collect())
                .unwrap_or_default(),
            Some(Selection::Cell(path)) => vec![path.clone()],
            None => Vec::new(),
        }
    }
}

/// The selection in the new report: the same cell, or the finding with the same code and
/// subject; nothing when the finding is gone.
fn carry_selection(
    old: Option<&Report>,
    new: Option<&Report>,
    selection: Option<Selection>,
) -> Option<Selection> {
    let new = new?;
    match selection? {
        Selection::Cell(path) => Some(Selection::Cell(path)),
        Selection::Finding(i) => {
            let was = old?.findings.get(i)?;
            new.findings
                .iter()
                .position(|f| f.code == was.code && f.subject == was.subject)
                .map(Selection::Finding)
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let unchanged = match &action {
            Action::Edit(text) => text.as_str() == self.input.as_str(),
            Action::Check => !self.stale,
            Action::Select(s) => *s == self.selection,
            Action::Stored(s) => *s == self.storage,
            Action::Dismiss => self.notice.is_none(),
            _ => false,
        };
        // Nothing changes: keep the same state so nothing re-renders.
        if unchanged {
            self
        } else {
            Rc::new(self.apply(action))
        }
    }
}
