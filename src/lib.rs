//! gouji-web: the browser page of gouji 勾稽. Paste a 政府信息公开工作年度报告, see what the
//! checker found.
//!
//! The page only draws what [`gouji_core::check`] and [`gouji_core::check_bytes`] return; no
//! rule lives here.
//!
//! - [`page`]: the page's reducer: the single report, the batch, and what crosses them (opening
//!   a batch's report, the rule page, a repair tried on a copy of the text).
//! - [`state`]: the single report's reducer (text or bytes in, report out, selection).
//! - [`marks`]: which table cells are marked how (loud where the error most likely is), and
//!   what the source view marks.
//! - [`trial`]: the report's text with a repair applied.
//! - [`tasks`]: reading files, pasted pages and sample reports (asynchronous).
//! - [`shared`]: a handle compared by identity, for props.
//! - [`batch`]: many files at once: the summary table's reducer, the findings across years.
//! - [`share`]: share links (the text, compressed, in the address's fragment).
//! - [`review`]: what the reader decided about each finding (已核实, 不是问题, 已整改), kept
//!   under a fingerprint that survives checking the same report again.
//! - [`export`]: CSV and JSON of a report or a batch, and their file names.
//! - [`handover`]: the batch module, loaded when several files are opened at once.
//! - [`workbook`]: 导出 Excel, made in a worker loaded only when asked.
//! - [`app`]: the page, wiring the state to the components and the browser (timers, storage,
//!   drag and drop, scrolling).
//! - [`components`]: the input, the summary, the tables, the findings, the cell detail, the
//!   source view.
//! - [`reading`]: which kinds of file the core reads, and what the page says about the others.
//! - [`examples`]: the sample reports of the 示例 menu.
//! - [`labels`]: cell paths as the report's own row and column labels.
//! - [`browser`]: storage, fetch and scrolling, failing softly.

pub mod app;
pub mod batch;
pub mod browser;
pub mod components;
pub mod examples;
pub mod export;
pub mod handover;
pub mod labels;
pub mod marks;
pub mod page;
pub mod reading;
pub mod review;
pub mod roster;
pub mod rule_pages;
pub mod share;
pub mod shared;
pub mod state;
pub mod tasks;
pub mod trial;
pub mod workbook;

pub use app::App;

/// Whether this build checks batches itself: the batch module (crates/batch, the `batch`
/// feature), the one-file page, and native builds. The page's own module does not: it hands a
/// batch over to the batch module ([`handover`]), and everything only a batch needs is left out
/// of it.
pub const BATCH: bool = cfg!(any(feature = "batch", not(target_arch = "wasm32")));

/// Shown in place of a silently dead page when the code panics.
pub const FATAL_NOTICE: &str = "页面出现内部错误，检查已停止。请刷新页面后重试。";

/// Mounts the app into `#app` (or `<body>` when the page has no such element). A panic
/// shows [`FATAL_NOTICE`] in `#fatal` and is reported on the browser console.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_fatal();
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    let app = match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
    handover::keep(app);
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn show_fatal() {
    let fatal = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("fatal"));
    if let Some(el) = fatal {
        el.set_text_content(Some(FATAL_NOTICE));
        // Failing to unhide leaves the page as it was; nothing more can be done then.
        let _ = el.remove_attribute("hidden");
    }
}
