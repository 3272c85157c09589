//! The parts of the page. Each gets its data and callbacks from [`crate::app::App`] and keeps
//! no state about the report of its own.

mod findings;
mod input;
mod summary;

pub use findings::{FindingsList, FindingsListProps};
pub use input::{ReportInput, ReportInputProps};
pub use summary::{Summary, SummaryProps};
