//! The tables as the official templates print them: merged header cells, the row groups of
//! 三、本年度办理结果, the 15 numbers of the appeals row under their two-level header, the
//! active table's blocks. Every cell shows its text as written (blank stays blank) and the
//! worst finding that involves it, in colour *and* with a mark (✕ ! i), so that the colour is
//! never the only sign.
//!
//! The layout comes from the core's schema (`def.cols`, the row definitions, the active
//! table's blocks); which cell has which severity comes from [`Report::cell_severity`].

use std::collections::BTreeMap;
use std::rc::Rc;

use gouji_core::schema::{self, ColDef, RowDef};
use gouji_core::table::ExtraRow;
use gouji_core::{Cell, Change, Report, Row, Severity, Table, TableKind, Template, Value};
use wasm_bindgen::JsCast;

use crate::marks::{cell_marks, CellMark};
use yew::prelude::*;

use crate::shared::Shared;

#[derive(Properties, Clone, PartialEq)]
pub struct TablesViewProps {
    pub report: Shared<Report>,
    /// The cells of the selection (a finding's cells, or the selected cell).
    pub selected: Rc<Vec<AttrValue>>,
    /// The selected cell, when a cell is selected.
    pub current: Option<AttrValue>,
    /// Called with a cell's path when it is clicked or activated from the keyboard.
    pub on_cell: Callback<AttrValue>,
}

/// What every cell of a card needs to know to draw itself.
struct Ctx<'a> {
    report: &'a Report,
    /// How each cell of the table a finding involves is marked (loud where the error most
    /// likely is).
    marks: &'a BTreeMap<String, CellMark>,
    selected: &'a [AttrValue],
    current: Option<&'a str>,
}

#[function_component]
pub fn TablesView(props: &TablesViewProps) -> Html {
    let report = &*props.report;
    let marks = cell_marks(report);

    // One listener for every cell: the cell is found from the event's target.
    let onclick = {
        let on_cell = props.on_cell.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(path) = cell_path_of(e.target()) {
                on_cell.emit(path);
            }
        })
    };
    let onkeydown = {
        let on_cell = props.on_cell.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " ") {
                if let Some(path) = cell_path_of(e.target()) {
                    e.prevent_default();
                    on_cell.emit(path);
                }
            }
        })
    };

    let national = report.template.is_national();
    let mut kinds: Vec<TableKind> = TableKind::ALL
        .into_iter()
        .filter(|&kind| national || report.tables.get(kind).is_some())
        .collect();
    // Any other table the report has (the statistics table of a report before 2019).
    kinds.extend(
        report
            .tables
            .iter()
            .map(|t| t.kind)
            .filter(|k| !TableKind::ALL.contains(k)),
    );
    let cards: Vec<Html> = kinds
        .into_iter()
        .map(|kind| {
        let prefix = format!("{}/", kind.key());
        let ours = |p: &str| p.starts_with(&prefix);
        html! {
            <SheetCard
                key={kind.key()}
                report={props.report.clone()}
                {kind}
                marks={marks.iter().filter(|(p, _)| ours(p)).map(|(p, m)| (p.clone(), *m)).collect::<BTreeMap<_, _>>()}
                changes={report.repair.as_ref().map(|r| r.changes.iter().filter(|c| ours(&c.cell)).cloned().collect::<Vec<_>>()).unwrap_or_default()}
                selected={props.selected.iter().filter(|p| ours(p)).cloned().collect::<Vec<_>>()}
                current={props.current.clone().filter(|p| ours(p))}
            />
        }
    })
        .collect();

    html! {
        <div id="tables" class="tables" {onclick} {onkeydown}>
            if cards.is_empty() {
                <p class="tables__none">
                    { "没有识别出统计表。请确认粘贴的是报告全文，且包含“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”三张表。" }
                </p>
            } else {
                { for cards }
            }
        </div>
    }
}

/// One table's card, with what it draws from the report: the table, and the marks, repair
/// changes and selection of its own cells. Compared by what is drawn, so that a keystroke
/// elsewhere leaves the card as it was, not drawn again; the cells' places in the text
/// (which move with every character typed before them) are not compared, nor drawn.
#[derive(Properties)]
struct SheetCardProps {
    report: Shared<Report>,
    kind: TableKind,
    marks: BTreeMap<String, CellMark>,
    changes: Vec<Change>,
    selected: Vec<AttrValue>,
    current: Option<AttrValue>,
}

impl SheetCardProps {
    fn table(&self) -> Option<&Table> {
        self.report.tables.iter().find(|t| t.kind == self.kind)
    }
}

impl PartialEq for SheetCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.report.template == other.report.template
            && self.marks == other.marks
            && self.changes == other.changes
            && self.selected == other.selected
            && self.current == other.current
            && match (self.table(), other.table()) {
                (Some(a), Some(b)) => drawn_alike(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// Two tables that draw alike: the same rows with the same cells as written and read, the same
/// extra rows. Where in the text they were read is not drawn.
fn drawn_alike(a: &Table, b: &Table) -> bool {
    let row = |x: &Row, y: &Row| {
        std::ptr::eq(x.def, y.def)
            && x.misaligned == y.misaligned
            && x.cells.len() == y.cells.len()
            && x.cells
                .iter()
                .zip(&y.cells)
                .all(|(c, d)| c.col == d.col && c.value == d.value && c.raw == d.raw)
    };
    let extra = |x: &ExtraRow, y: &ExtraRow| {
        x.label == y.label && x.values == y.values && x.subtotal == y.subtotal
    };
    a.kind == b.kind
        && a.rows.len() == b.rows.len()
        && a.rows.iter().zip(&b.rows).all(|(x, y)| row(x, y))
        && a.extra_rows.len() == b.extra_rows.len()
        && a.extra_rows
            .iter()
            .zip(&b.extra_rows)
            .all(|(x, y)| extra(x, y))
}

#[function_component]
fn SheetCard(props: &SheetCardProps) -> Html {
    let ctx = Ctx {
        report: &props.report,
        marks: &props.marks,
        selected: &props.selected,
        current: props.current.as_deref(),
    };
    card(props.kind, props.table(), &ctx)
}

fn cell_path_of(target: Option<web_sys::EventTarget>) -> Option<AttrValue> {
    let el: web_sys::Element = target?.dyn_into().ok()?;
    let cell = el.closest("[data-cell]").ok()??;
    cell.get_attribute("data-cell").map(AttrValue::from)
}

/// One table in its card: heading, the table (or a note that it was not found), extra rows.
fn card(kind: TableKind, table: Option<&Table>, ctx: &Ctx) -> Html {
    let template = ctx.report.template;
    let form = match (kind, template) {
        (TableKind::Active | TableKind::Requests, Template::Gb2019) => Some("2019年版"),
        (TableKind::Active | TableKind::Requests, Template::Gb2021) => Some("2021年版"),
        _ => None,
    };
    let body = match table {
        None => html! {
            <p class="sheet-card__absent">{ "报告中没有找到这张表。" }</p>
        },
        Some(table) => {
            let sheet = if kind == TableKind::Requests {
                requests(table, ctx)
            } else if kind == TableKind::Appeals {
                appeals(table, ctx)
            } else if kind == TableKind::Active {
                active(table, ctx)
            } else {
                generic(table, ctx)
            };
            html! {
                <>
                    <div class="sheet-card__scroll">{ sheet }</div>
                    { extra_rows(table) }
                </>
            }
        }
    };
    html! {
        <section
            class={classes!("sheet-card", table.is_none().then_some("sheet-card--absent"))}
            data-table={kind.key()}
            aria-label={kind.name_zh()}
        >
            <header class="sheet-card__head">
                <h3 class="sheet-card__title">{ kind.heading_zh() }</h3>
                <span class="sheet-card__name">
                    { kind.name_zh() }
                    if let Some(form) = form {
                        { " · " }{ form }
                    }
                </span>
            </header>
            { body }
        </section>
    }
}

// ------------------------------------------------------------------------------ cells

/// A cell holding a value: its text as written, `data-cell`, and `data-severity` when a
/// finding involves it.
fn value_cell(table: &Table, row: &Row, cell: &Cell, ctx: &Ctx, colspan: usize) -> Html {
    let path = table.path(row.key(), cell.col);
    let mark = ctx.marks.get(&path).copied();
    let severity = mark.map(|m| m.severity);
    // Quiet: one of the cells an equation involves, not the likely culprit.
    let quiet = mark.is_some_and(|m| !m.loud && m.severity != Severity::Info);
    let selected = ctx.selected.iter().any(|p| p.as_str() == path);
    let current = ctx.current == Some(path.as_str());
    let col = row
        .def
        .cols
        .iter()
        .find(|c| c.key == cell.col)
        .map_or(cell.col, |c| c.label);
    let (state, reading) = match cell.value {
        Value::Number(_) => (None, None),
        Value::Blank => (Some("cell--blank"), Some("空白，按 0 计算")),
        Value::Unreadable => (Some("cell--unreadable"), Some("无法读作数字")),
        Value::Missing => (Some("cell--missing"), Some("此格未写出")),
    };
    let mut title = format!("{} · {}：", row.def.short, col);
    title.push_str(if cell.raw.is_empty() {
        "（空）"
    } else {
        &cell.raw
    });
    if let Some(reading) = reading {
        title.push('（');
        title.push_str(reading);
        title.push('）');
    }
    if let Some(s) = severity {
        title.push_str(if quiet { " — 涉及" } else { " — 有" });
        title.push_str(s.name_zh());
        if quiet {
            title.push_str("（所在等式不成立，但最可能出错的不是这一格）");
        }
    }
    // A cell of the chosen repair: the most likely wrong numbers (see the findings panel).
    let change = ctx.report.repair.as_ref().and_then(|r| r.change(&path));
    if let Some(change) = change {
        title.push_str(" — ");
        title.push_str(&crate::labels::suggestion(change));
    }
    let class = classes!(
        "cell",
        severity.map(|s| format!("cell--{}", s.id())),
        quiet.then_some("cell--quiet"),
        change.map(|_| "cell--repair"),
        state,
        selected.then_some("is-selected"),
        current.then_some("is-current"),
    );
    html! {
        <td
            {class}
            data-cell={path}
            data-severity={severity.map(Severity::id)}
            data-mark={mark.filter(|m| m.severity != Severity::Info).map(|m| if m.loud { "loud" } else { "quiet" })}
            data-repair={change.map(|c| crate::labels::number(c.to))}
            data-selected={selected.then_some("true")}
            colspan={(colspan > 1).then(|| colspan.to_string())}
            tabindex="0"
            {title}
        >
            { cell.raw.clone() }
        </td>
    }
}

/// The value cells of a found row, the last one widened to fill `width` columns.
fn value_cells(table: &Table, row: &Row, ctx: &Ctx, width: usize) -> Html {
    let n = row.cells.len();
    row.cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let span = if i + 1 == n {
                width.saturating_sub(n) + 1
            } else {
                1
            };
            value_cell(table, row, c, ctx, span)
        })
        .collect::<Html>()
}

/// The cells of a row the report does not have.
fn absent_cells(width: usize) -> Html {
    html! {
        <td class="cell cell--absent" colspan={width.max(1).to_string()}>{ "未找到" }</td>
    }
}

/// A row label; a row whose values did not fit its columns says so.
fn label_cell(text: &str, row: Option<&Row>, colspan: usize, class: &'static str) -> Html {
    let guess = row.and_then(|r| r.misaligned.as_ref()).map(|m| {
        format!(
            "此行在报告中有 {} 个数值，而表格有 {} 列：各数值所在的列是推测的。",
            m.found, m.expected
        )
    });
    html! {
        <th
            scope="row"
            class={classes!("sheet__label", class, row.is_none().then_some("sheet__label--absent"))}
            colspan={(colspan > 1).then(|| colspan.to_string())}
        >
            { text.to_string() }
            if let Some(guess) = guess {
                <span class="guess" title={guess.clone()} aria-label={guess}>{ "≈" }</span>
            }
        </th>
    }
}

// ------------------------------------------------------------------------------ requests

/// Keys of the requests rows outside 三、本年度办理结果.
const REQUEST_OUTSIDE: &[&str] = &["new", "carried_in", "carried_out"];

fn requests(table: &Table, ctx: &Ctx) -> Html {
    let single_other = table.row("other").is_some();
    let defs = schema::request_rows(ctx.report.template, single_other);
    let plan = plan(defs, table);
    let cols: &[ColDef] = table
        .rows
        .first()
        .map_or(schema::REQUEST_COLS, |r| r.def.cols);
    let width = cols.len();

    // The group header of the applicant columns: 自然人 | 法人或其他组织 (five) | 总计.
    let orgs: Vec<&ColDef> = cols
        .iter()
        .filter(|c| c.key != "natural" && c.key != "total")
        .collect();
    let outcomes = plan
        .iter()
        .filter(|(d, _)| !REQUEST_OUTSIDE.contains(&d.key))
        .count();

    let mut body = Vec::with_capacity(plan.len());
    let mut first_outcome = true;
    for (i, (def, row)) in plan.iter().enumerate() {
        let mut labels = Vec::new();
        if REQUEST_OUTSIDE.contains(&def.key) {
            labels.push(label_cell(def.label, *row, 3, "sheet__label--item"));
        } else {
            if first_outcome {
                first_outcome = false;
                labels.push(html! {
                    <th scope="rowgroup" class="sheet__group sheet__group--outer" rowspan={outcomes.to_string()}>
                        { "三、本年度办理结果" }
                    </th>
                });
            }
            match def.key.split_once('.') {
                Some((group, _)) => {
                    let starts = i == 0
                        || plan[i - 1]
                            .0
                            .key
                            .split_once('.')
                            .is_none_or(|(g, _)| g != group);
                    let (group_label, item) = match def.label.split_once(' ') {
                        Some((g, item)) if starts => (g, item),
                        _ => ("", def.label),
                    };
                    if starts {
                        let size = plan[i..]
                            .iter()
                            .take_while(|(d, _)| {
                                d.key.split_once('.').is_some_and(|(g, _)| g == group)
                            })
                            .count();
                        labels.push(html! {
                            <th scope="rowgroup" class="sheet__group" rowspan={size.to_string()}>
                                { group_label.to_string() }
                            </th>
                        });
                    }
                    labels.push(label_cell(item, *row, 1, "sheet__label--item"));
                }
                None => labels.push(label_cell(def.label, *row, 2, "sheet__label--item")),
            }
        }
        let values = match row {
            Some(row) => value_cells(table, row, ctx, width),
            None => absent_cells(width),
        };
        let class = classes!(
            "sheet__row",
            row.is_none().then_some("sheet__row--absent"),
            matches!(def.key, "total" | "carried_out" | "new" | "carried_in")
                .then_some("sheet__row--key"),
        );
        body.push(html! {
            <tr key={def.key} {class} data-row={def.key}>
                { for labels }
                { values }
            </tr>
        });
    }

    html! {
        <table class="sheet sheet--requests">
            <colgroup>
                <col class="sheet__col-group" />
                <col class="sheet__col-group" />
                <col class="sheet__col-item" />
                { for cols.iter().map(|_| html! { <col class="sheet__col-num" /> }) }
            </colgroup>
            <thead>
                <tr>
                    <th class="sheet__corner" colspan="3" rowspan="3" scope="col">
                        { "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" }
                    </th>
                    <th colspan={width.to_string()} scope="colgroup">{ "申请人情况" }</th>
                </tr>
                <tr>
                    { for cols.iter().map(|c| match c.key {
                        "natural" | "total" => html! { <th rowspan="2" scope="col">{ c.label }</th> },
                        _ if orgs.first().is_some_and(|o| o.key == c.key) => html! {
                            <th colspan={orgs.len().to_string()} scope="colgroup">{ "法人或其他组织" }</th>
                        },
                        _ => html! {},
                    }) }
                </tr>
                <tr>
                    { for orgs.iter().map(|c| html! { <th scope="col">{ c.label }</th> }) }
                </tr>
            </thead>
            <tbody>{ for body }</tbody>
        </table>
    }
}

/// A row to draw: its definition, and the report's row when the report has it.
type Planned<'t> = (&'static RowDef, Option<&'t Row>);

/// The rows to draw: the template's rows in order, found or not, then any row the report
/// has that the template does not list.
fn plan<'t>(defs: &'static [RowDef], table: &'t Table) -> Vec<Planned<'t>> {
    let mut plan: Vec<Planned> = defs.iter().map(|d| (d, table.row(d.key))).collect();
    for row in &table.rows {
        if !defs.iter().any(|d| d.key == row.key()) {
            plan.push((row.def, Some(row)));
        }
    }
    plan
}

// ------------------------------------------------------------------------------ appeals

fn appeals(table: &Table, ctx: &Ctx) -> Html {
    let defs = schema::template_rows(TableKind::Appeals, ctx.report.template);
    // 行政复议 stands alone; the 行政诉讼 rows share a heading above their own names.
    let (suits, reviews): (Vec<&RowDef>, Vec<&RowDef>) =
        defs.iter().partition(|d| d.label.starts_with("行政诉讼"));
    let width = |d: &RowDef| d.cols.len().max(1);
    let suit_width: usize = suits.iter().map(|d| width(d)).sum();
    let all: Vec<&RowDef> = reviews.iter().chain(suits.iter()).copied().collect();

    html! {
        <table class="sheet sheet--appeals">
            <thead>
                <tr>
                    { for reviews.iter().map(|d| html! {
                        <th colspan={width(d).to_string()} rowspan="2" scope="colgroup" class="sheet__band">{ d.label }</th>
                    }) }
                    if !suits.is_empty() {
                        <th colspan={suit_width.to_string()} scope="colgroup" class="sheet__band">{ "行政诉讼" }</th>
                    }
                </tr>
                <tr>
                    { for suits.iter().map(|d| html! {
                        <th colspan={width(d).to_string()} scope="colgroup" class="sheet__band">{ d.short }</th>
                    }) }
                </tr>
                <tr>
                    { for all.iter().flat_map(|d| d.cols.iter().enumerate().map(move |(i, c)| html! {
                        <th scope="col" class={classes!("sheet__sub", (i == 0).then_some("sheet__sub--first"))}>{ c.label }</th>
                    })) }
                </tr>
            </thead>
            <tbody>
                <tr class="sheet__row">
                    { for all.iter().map(|d| match table.row(d.key) {
                        Some(row) => value_cells(table, row, ctx, width(d)),
                        None => absent_cells(width(d)),
                    }) }
                </tr>
            </tbody>
        </table>
    }
}

// ------------------------------------------------------------------------------ active

fn active(table: &Table, ctx: &Ctx) -> Html {
    let defs = schema::template_rows(TableKind::Active, ctx.report.template);
    let plan = plan(defs, table);
    let width = plan
        .iter()
        .map(|(d, r)| r.map_or(d.cols.len(), |r| r.def.cols.len()))
        .max()
        .unwrap_or(1)
        .max(1);

    // Blocks in the schema's order; rows of no block go last, under no heading.
    let mut blocks: Vec<(Option<&str>, Vec<Planned>)> = Vec::new();
    for (label, keys) in schema::ACTIVE_BLOCKS {
        let rows: Vec<_> = plan
            .iter()
            .filter(|(d, _)| keys.contains(&d.key))
            .copied()
            .collect();
        if !rows.is_empty() {
            blocks.push((Some(label), rows));
        }
    }
    let rest: Vec<_> = plan
        .iter()
        .filter(|(d, _)| {
            !schema::ACTIVE_BLOCKS
                .iter()
                .any(|(_, k)| k.contains(&d.key))
        })
        .copied()
        .collect();
    if !rest.is_empty() {
        blocks.push((None, rest));
    }

    html! {
        <table class="sheet sheet--active">
            <colgroup>
                <col class="sheet__col-item sheet__col-item--active" />
                { for (0..width).map(|_| html! { <col class="sheet__col-num sheet__col-num--wide" /> }) }
            </colgroup>
            { for blocks.iter().map(|(label, rows)| {
                let cols: &[ColDef] = rows
                    .iter()
                    .find_map(|(_, r)| r.map(|r| r.def.cols))
                    .unwrap_or(rows.first().map_or(&[][..], |(d, _)| d.cols));
                let n = cols.len();
                html! {
                    <tbody key={label.unwrap_or("")}>
                        if let Some(label) = label {
                            <tr class="sheet__band-row">
                                <th colspan={(width + 1).to_string()} scope="rowgroup" class="sheet__band">{ *label }</th>
                            </tr>
                        }
                        <tr class="sheet__head-row">
                            <th scope="col" class="sheet__sub">{ "信息内容" }</th>
                            { for cols.iter().enumerate().map(|(i, c)| {
                                let span = if i + 1 == n { width.saturating_sub(n) + 1 } else { 1 };
                                html! {
                                    <th scope="col" class="sheet__sub" colspan={(span > 1).then(|| span.to_string())}>{ c.label }</th>
                                }
                            }) }
                        </tr>
                        { for rows.iter().map(|(d, r)| html! {
                            <tr key={d.key} class={classes!("sheet__row", r.is_none().then_some("sheet__row--absent"))} data-row={d.key}>
                                { label_cell(d.label, *r, 1, "sheet__label--item") }
                                { match r {
                                    Some(row) => value_cells(table, row, ctx, width),
                                    None => absent_cells(width),
                                } }
                            </tr>
                        }) }
                    </tbody>
                }
            }) }
        </table>
    }
}

// ------------------------------------------------------------------------------ others

/// Any other table (the statistics table of a report before 2019): the rows the report has,
/// parts indented under their totals.
fn generic(table: &Table, ctx: &Ctx) -> Html {
    let widest = table
        .rows
        .iter()
        .max_by_key(|r| r.def.cols.len())
        .map(|r| r.def.cols);
    let cols: &[ColDef] = widest.unwrap_or(&[]);
    let width = cols.len().max(1);
    html! {
        <table class="sheet sheet--generic">
            <thead>
                <tr>
                    <th scope="col" class="sheet__sub">{ "指标名称" }</th>
                    { for cols.iter().map(|c| html! { <th scope="col" class="sheet__sub">{ c.label }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for table.rows.iter().map(|row| {
                    let depth = row.key().matches('.').count().min(3);
                    html! {
                        <tr key={row.key()} class="sheet__row" data-row={row.key()}>
                            { label_cell(row.def.label, Some(row), 1, match depth {
                                0 => "sheet__label--item",
                                1 => "sheet__label--sub",
                                _ => "sheet__label--subsub",
                            }) }
                            { value_cells(table, row, ctx, width) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// Rows printed in the report that the template does not have: shown, outside every sum.
fn extra_rows(table: &Table) -> Html {
    if table.extra_rows.is_empty() {
        return html! {};
    }
    html! {
        <div class="extra">
            <p class="extra__note">
                { format!(
                    "报告的这张表中另有 {} 行不属于模板，以下照录，未计入任何合计：",
                    table.extra_rows.len()
                ) }
            </p>
            <table class="sheet sheet--extra">
                <tbody>
                    { for table.extra_rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row" class="sheet__label">
                                { r.label.clone() }
                                if r.subtotal {
                                    <span class="extra__tag">{ "分组小计" }</span>
                                }
                            </th>
                            { for r.values.iter().map(|v| html! { <td class="cell cell--extra">{ v.clone() }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
