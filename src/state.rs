//! The UI state and its one reducer.
//!
//! Every change to what the page shows goes through [`State::apply`]: the text in the input box
//! and the report checked from it change together, so the page never shows a report of some
//! other text. The state is plain data, so it is tested natively (`tests/state.rs`).

use std::rc::Rc;

use gouji_core::Report;
use yew::prelude::*;

/// What the page shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The text in the input box, exactly as typed or pasted.
    pub input: AttrValue,
    /// The report checked from `input`; `None` while the input is empty or only whitespace.
    pub report: Option<Rc<Report>>,
}

/// Everything a user can do to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The input box now holds this text (typed, pasted or dropped).
    Edit(String),
    /// Empty the input box.
    Clear,
}

impl State {
    /// The state after `action`. Checking runs here, once per change of the text.
    pub fn apply(&self, action: Action) -> State {
        match action {
            Action::Edit(text) if text.as_str() == self.input.as_str() => self.clone(),
            Action::Edit(text) => {
                let report = if text.trim().is_empty() {
                    None
                } else {
                    Some(Rc::new(gouji_core::check(&text)))
                };
                State {
                    input: AttrValue::from(text),
                    report,
                }
            }
            Action::Clear => State::default(),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match &action {
            // Unchanged text: keep the same state so nothing re-renders.
            Action::Edit(text) if text.as_str() == self.input.as_str() => self,
            _ => Rc::new(self.apply(action)),
        }
    }
}
