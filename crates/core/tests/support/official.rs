//! A report's tables rendered as an official-template web page (the table the template
//! prints, with rowspan and colspan, holding the values as the report wrote them), the rest
//! of its text as paragraphs: the renderer's printer, [`gouji_render::official`]. Used by
//! `tests/html.rs` (the seeds as pages read like their text) and by `examples/fixture_tool.rs`
//! (`cargo xtask renderings` writes the seeds as pages into
//! tests/fixtures/corpus/seed-*/page.html).

// Not every test file that includes the support module prints a page.
#[allow(unused_imports)]
pub use gouji_render::official::official_page;
