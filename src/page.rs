//! The page's state: the single report ([`State`]), the batch ([`Batch`]), and what crosses
//! them — opening a batch's report as the single view, back to the list, the rule page
//! (规则说明) opened from a finding, and the re-checked copy of the report with a repair
//! applied. One reducer, [`Page::apply`]; the single report's and the batch's own reducers do
//! the rest. Plain data, tested natively (`tests/page.rs`); the browser's side is
//! [`crate::app`] and [`crate::tasks`].

use std::rc::Rc;

use gouji_core::Report;
use yew::prelude::*;

use crate::batch::{Batch, BatchAction, View};
use crate::state::{Action, Origin, State};
use crate::trial;

/// The rule page open in place of the result.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleView {
    pub code: AttrValue,
    /// The finding it was opened from (its index in the report shown), to come back to.
    pub from: Option<usize>,
}

/// The report re-checked with a repair applied to a copy of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    /// The copy, checked; its text is the repaired text.
    pub state: Rc<State>,
    /// Which repair: 0 the chosen one, `n` the `n`-th alternative.
    pub which: usize,
    /// How many cells it changed.
    pub changes: usize,
}

/// What the page shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub single: Rc<State>,
    pub batch: Rc<Batch>,
    pub rule: Option<RuleView>,
    pub trial: Option<Trial>,
}

/// Everything that can happen to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum PageAction {
    /// To the single report. A selection goes to the report shown (the re-checked copy when
    /// one is shown); any other action to the original, and a new report there ends the copy.
    Single(Action),
    /// To the batch.
    Batch(BatchAction),
    /// The batch's report `index` becomes the single view, as if its file had been opened
    /// alone.
    Open(usize),
    /// Back to the batch's list.
    List,
    /// Open the rule page of a code, from the finding at this index (if from one).
    Explain {
        code: AttrValue,
        from: Option<usize>,
    },
    /// Close the rule page: back to where it was opened.
    CloseRule,
    /// Apply a repair of the report shown (0: the chosen one, `n`: the `n`-th alternative)
    /// to a copy of its text and check the copy.
    TryRepair(usize),
    /// Back to the original report.
    Original,
}

impl Page {
    /// The page at the start of a visit (see [`State::start`]).
    pub fn start(stored: Option<String>, fragment: Option<&str>) -> Page {
        Page {
            single: Rc::new(State::start(stored, fragment)),
            ..Page::default()
        }
    }

    /// The state whose report is shown: the re-checked copy, or the report itself.
    pub fn shown(&self) -> &Rc<State> {
        match &self.trial {
            Some(t) => &t.state,
            None => &self.single,
        }
    }

    /// The batch's report the page shows, when it still shows it (not after 清空, an edit that
    /// made it another text, or another file).
    pub fn current_item(&self) -> Option<usize> {
        match self.batch.view {
            View::Item(i) => match &self.single.origin {
                Origin::File { name, .. }
                    if self.batch.items.get(i).is_some_and(|it| it.name == *name) =>
                {
                    Some(i)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The page after `action`.
    pub fn apply(&self, action: PageAction) -> Page {
        Rc::new(self.clone()).reduce(action).as_ref().clone()
    }

    fn with_single(self: Rc<Self>, single: Rc<State>) -> Rc<Self> {
        if Rc::ptr_eq(&single, &self.single) {
            return self;
        }
        let same_report = match (&single.report, &self.single.report) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        // Another report: the copy and the rule page were about the one before.
        Rc::new(Page {
            single,
            trial: if same_report {
                self.trial.clone()
            } else {
                None
            },
            rule: if same_report { self.rule.clone() } else { None },
            ..(*self).clone()
        })
    }

    fn with_batch(self: Rc<Self>, batch: Rc<Batch>) -> Rc<Self> {
        if Rc::ptr_eq(&batch, &self.batch) {
            return self;
        }
        Rc::new(Page {
            batch,
            ..(*self).clone()
        })
    }
}

/// The repair `which` of a report (0: the chosen one).
fn repair_of(report: &Report, which: usize) -> Option<&[gouji_core::Change]> {
    let repair = report.repair.as_ref().filter(|r| !r.is_empty())?;
    match which {
        0 => Some(&repair.changes),
        n => repair.alternatives.get(n - 1).map(Vec::as_slice),
    }
}

impl Reducible for Page {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        match action {
            // The page's own module never holds a batch (it hands one over: crate::handover);
            // a guard here, not an early return, lets the batch's code go from it.
            PageAction::Batch(_) | PageAction::Open(_) | PageAction::List if !crate::BATCH => self,
            PageAction::Single(action @ Action::Select(_)) if self.trial.is_some() => {
                let Some(trial) = &self.trial else {
                    return self;
                };
                let state = trial.state.clone().reduce(action);
                if Rc::ptr_eq(&state, &trial.state) {
                    return self;
                }
                let trial = Trial {
                    state,
                    ..trial.clone()
                };
                Rc::new(Page {
                    trial: Some(trial),
                    ..(*self).clone()
                })
            }
            PageAction::Single(action) => {
                let single = self.single.clone().reduce(action);
                self.with_single(single)
            }
            PageAction::Batch(action) => {
                let batch = self.batch.clone().reduce(action);
                self.with_batch(batch)
            }
            PageAction::Open(index) => {
                let Some((name, size, kind, text, report)) = self.batch.opened(index) else {
                    return self;
                };
                let batch = Rc::new(self.batch.apply(BatchAction::Open(index)));
                let single = Rc::new(self.single.apply(Action::Open {
                    name,
                    size,
                    kind,
                    text,
                    report,
                }));
                Rc::new(Page {
                    single,
                    batch,
                    rule: None,
                    trial: None,
                })
            }
            PageAction::List => {
                let batch = self.batch.clone().reduce(BatchAction::List);
                let page = Page {
                    batch,
                    rule: None,
                    trial: None,
                    ..(*self).clone()
                };
                if page == *self {
                    self
                } else {
                    Rc::new(page)
                }
            }
            PageAction::Explain { code, from } => {
                let rule = Some(RuleView { code, from });
                if rule == self.rule {
                    return self;
                }
                Rc::new(Page {
                    rule,
                    ..(*self).clone()
                })
            }
            PageAction::CloseRule if self.rule.is_none() => self,
            PageAction::CloseRule => Rc::new(Page {
                rule: None,
                ..(*self).clone()
            }),
            PageAction::TryRepair(which) => {
                let original = &self.single;
                let Some(report) = &original.report else {
                    return self;
                };
                let Some(changes) = repair_of(report, which) else {
                    return self;
                };
                let Some(text) = trial::repaired_text(&original.text, report, changes) else {
                    return self;
                };
                let state = State::default().apply(Action::Load {
                    text,
                    origin: Origin::Typed,
                });
                Rc::new(Page {
                    trial: Some(Trial {
                        state: Rc::new(state),
                        which,
                        changes: changes.len(),
                    }),
                    rule: None,
                    ..(*self).clone()
                })
            }
            PageAction::Original if self.trial.is_none() => self,
            PageAction::Original => Rc::new(Page {
                trial: None,
                ..(*self).clone()
            }),
        }
    }
}
