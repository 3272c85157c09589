//! The parts of the page. Each gets its data and callbacks from [`crate::app::App`] and keeps
//! no state about the report of its own.

mod batch;
mod compare;
mod detail;
pub mod findings;
mod input;
mod repair;
mod roster;
mod rule;
mod source;
mod summary;
mod tables;
mod tools;

pub use batch::{files_of, row_id, shows_list, BatchBar, BatchBarProps, BatchView, BatchViewProps};
pub use detail::{CellDetail, CellDetailProps};
pub use findings::{FindingsPanel, FindingsPanelProps};
pub use input::{ExamplesMenu, ExamplesMenuProps, InputPanel, InputPanelProps};
pub use repair::{has_repair, RepairView, RepairViewProps};
pub use rule::{RulePage, RulePageProps, TrialBar, TrialBarProps};
pub use source::{Mark, SourceView, SourceViewProps};
pub use summary::{Summary, SummaryProps};
pub use tables::{TablesView, TablesViewProps};
pub use tools::{ReportTools, ReportToolsProps};
