//! The batch view: every report of a batch in one summary table (sortable by its headings,
//! filtered by name, agency and status), the progress while files are read, and the findings
//! across years; and the bar above a report of the batch opened in full.

use gouji_core::{Finding, Severity};
use yew::prelude::*;

use super::input::tone;
use crate::batch::{Batch, BatchAction, Column, Outcome, Row, Show, Status, View, YearPair};
use crate::components::compare::{ComparePage, CompareView};
use crate::components::findings::severity_mark;
use crate::shared::Shared;
use crate::{browser, export, workbook};

#[derive(Properties, PartialEq)]
pub struct BatchViewProps {
    pub batch: Shared<Batch>,
    /// What happens to the batch (sort, filter, …).
    pub on_batch: Callback<BatchAction>,
    /// Open the report at this index in full.
    pub on_open: Callback<usize>,
    /// Files picked to start another batch (or one file, for the single-report page).
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Stop reading the files not read yet.
    pub on_stop: Callback<()>,
    /// Forget the batch.
    pub on_close: Callback<()>,
    /// Open the rule page of a cross-year finding's code.
    pub on_explain: Callback<(AttrValue, Option<usize>)>,
    /// The decisions about findings (the rows' 待处理, the exports).
    #[prop_or_default]
    pub reviews: crate::review::SharedReviews,
}

/// The id of a row of the summary table (for focus when coming back from a report).
pub fn row_id(index: usize) -> String {
    format!("batch-row-{index}")
}

#[function_component]
pub fn BatchView(props: &BatchViewProps) -> Html {
    let batch: &Batch = &props.batch;
    let dispatch = props.on_batch.clone();
    let failed = use_state_eq(|| None::<AttrValue>);
    // 对照查看 open in place of the list: (the report, the other report).
    let comparing = use_state_eq(|| None::<(usize, usize)>);
    let on_compare = {
        let comparing = comparing.clone();
        Callback::from(move |pair: (usize, usize)| {
            comparing.set(Some(pair));
            browser::scroll_to_id("compare");
        })
    };
    let rows = batch.rows();
    let (done, total) = batch.progress();
    let tally = batch.tally();

    let on_filter = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.emit(BatchAction::Filter(input.value()));
            }
        })
    };
    let on_show = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                dispatch.emit(BatchAction::Show(Show::from_id(&select.value())));
            }
        })
    };
    let on_pick = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_files.emit(files_of(&input));
                input.set_value("");
            }
        })
    };
    let save = |ext: &'static str| {
        let handle = props.batch.clone();
        let failed = failed.clone();
        let reviews = props.reviews.clone();
        Callback::from(move |_: MouseEvent| {
            let batch: &Batch = &handle;
            let (content, mime) = if ext == "csv" {
                (export::batch_csv(batch, &reviews), "text/csv;charset=utf-8")
            } else {
                (
                    export::batch_json(batch, &reviews),
                    "application/json;charset=utf-8",
                )
            };
            match browser::download(&export::batch_file_name(batch, ext), mime, &content) {
                Ok(()) => failed.set(None),
                Err(why) => failed.set(Some(format!("未能导出：{why}。").into())),
            }
        })
    };
    let save_xlsx = {
        let handle = props.batch.clone();
        let failed = failed.clone();
        let reviews = props.reviews.clone();
        Callback::from(move |_: MouseEvent| {
            let json = export::batch_json(&handle, &reviews);
            let name = export::batch_file_name(&handle, "xlsx");
            let failed = failed.clone();
            yew::platform::spawn_local(async move {
                match workbook::save(json, name).await {
                    Ok(()) => failed.set(None),
                    Err(why) => failed.set(Some(format!("未能导出：{why}。").into())),
                }
            });
        })
    };
    let away = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(BatchAction::Away))
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    let stop = props.on_stop.reform(|_: MouseEvent| ());
    let reading = batch.reading();
    // 缺报单位 shows the roster's missing units instead of the reports.
    let missing = batch.show == Show::Missing;

    let heads = Column::ALL.map(|column| {
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(BatchAction::Sort(column)))
        };
        let aria = batch.sort.aria(column);
        let arrow = match aria {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "↕",
        };
        let numeric = matches!(
            column,
            Column::Errors | Column::Warnings | Column::Year | Column::Substantive
        );
        html! {
            <th
                scope="col"
                aria-sort={aria}
                data-column={column.id()}
                class={classes!("batch-table__head", numeric.then_some("batch-table__head--num"))}
            >
                <button type="button" class="batch-table__sort" {onclick}>
                    { column.label() }
                    <span class={classes!("batch-table__arrow", (aria != "none").then_some("is-active"))} aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    });

    let body = rows
        .iter()
        .map(|row| table_row(row, &props.on_open, &props.reviews));

    if let Some(view) = (*comparing).and_then(|(r, o)| compare_view(batch, r, o)) {
        let back = {
            let comparing = comparing.clone();
            Callback::from(move |()| {
                comparing.set(None);
                browser::scroll_to_id("batch-across");
            })
        };
        return html! { <ComparePage view={view} on_back={back} /> };
    }

    html! {
        <section id="batch" class="batch" aria-label="批量检查">
            <div class="batch__head">
                <h2 class="batch__title">
                    { "批量检查" }
                    <span class="batch__count">{ format!("{total} 份报告") }</span>
                </h2>
                <div class="batch__tools">
                    <input id="batch-file-input" class="file-input" type="file" multiple=true onchange={on_pick} />
                    <label for="batch-file-input" class="button button--primary">{ "打开其他文件…" }</label>
                    <button type="button" id="batch-export-csv" class="button" onclick={save("csv")} disabled={reading}>{ "导出 CSV" }</button>
                    <button type="button" id="batch-export-json" class="button" onclick={save("json")} disabled={reading}>{ "导出 JSON" }</button>
                    if workbook::AVAILABLE {
                        <button type="button" id="batch-export-xlsx" class="button" onclick={save_xlsx} disabled={reading} title="汇总、各类问题和整改清单，与命令行 gouji check --xlsx 相同">{ "导出 Excel" }</button>
                    }
                    <button type="button" id="batch-away" class="button" onclick={away}>{ "单份检查" }</button>
                    <button type="button" id="batch-close" class="button" onclick={close}>{ "关闭批量检查" }</button>
                </div>
            </div>
            if reading {
                <div id="batch-progress" class="batch__progress" role="status" aria-live="polite">
                    <progress class="batch__bar" value={done.to_string()} max={total.to_string()} />
                    <span class="batch__progress-text">{ format!("正在读取 {}/{}…", (done + 1).min(total), total) }</span>
                    <button type="button" id="batch-stop" class="button" onclick={stop}>{ "停止读取" }</button>
                </div>
            }
            if let Some(notice) = &batch.notice {
                <div class={classes!("notice", tone(notice.tone))} role="status">
                    <p class="notice__text">{ notice.text.clone() }</p>
                </div>
            }
            if let Some(why) = &*failed {
                <div class="notice notice--error" role="alert">
                    <p class="notice__text">{ why.clone() }</p>
                </div>
            }
            <ul id="batch-tally" class="batch__tally" aria-label="各状态的报告数">
                <li class="tally tally--errors">{ severity_mark(Severity::Error) }{ format!("有错误 {} 份", tally.errors) }</li>
                <li class="tally tally--warnings">{ severity_mark(Severity::Warning) }{ format!("需要核实 {} 份", tally.warnings) }</li>
                <li class="tally tally--clean"><span class="sev sev--ok" aria-hidden="true">{ "✓" }</span>{ format!("未发现问题 {} 份", tally.clean) }</li>
                if tally.unknown > 0 {
                    <li class="tally tally--unknown"><span class="sev sev--unknown" aria-hidden="true">{ "?" }</span>{ format!("未识别统计表 {} 份", tally.unknown) }</li>
                }
                if tally.unread > 0 {
                    <li class="tally tally--unread"><span class="sev sev--unread" aria-hidden="true">{ "∅" }</span>{ format!("无法读取 {} 份", tally.unread) }</li>
                }
            </ul>
            <div class="batch__filters">
                <label class="batch__filter">
                    <span class="batch__filter-label">{ "筛选" }</span>
                    <input
                        id="batch-filter"
                        class="batch__search"
                        type="search"
                        placeholder="文件名或机关名称中的文字"
                        value={batch.query.clone()}
                        oninput={on_filter}
                        autocomplete="off"
                    />
                </label>
                <label class="batch__filter">
                    <span class="batch__filter-label">{ "显示" }</span>
                    <select id="batch-show" class="batch__select" onchange={on_show}>
                        { for Show::ALL.iter().filter(|s| **s != Show::Missing || batch.roster_list.is_some()).map(|s| html! {
                            <option value={s.id()} selected={*s == batch.show}>{ s.label() }</option>
                        }) }
                    </select>
                </label>
                <span id="batch-shown" class="batch__shown">{ format!("显示 {} / {} 份", rows.len(), total) }</span>
            </div>
            <super::roster::RosterPanel
                batch={props.batch.clone()}
                on_batch={dispatch.clone()}
                on_open={props.on_open.clone()}
                only_missing={missing}
            />
            if !missing {
            <div class="batch__scroll">
                <table id="batch-table" class="batch-table">
                    <caption class="sr-only">{ "批量检查的报告：点击表头排序，点击一行（或选中后按回车）查看该报告的完整检查结果" }</caption>
                    <thead><tr>{ for heads }</tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            if rows.is_empty() {
                <p class="batch__none">{ "没有符合筛选条件的报告。" }</p>
            } else {
                <p class="batch__hint">{ "点击一行（或用 Tab 选中后按回车）查看该报告的完整检查结果。" }</p>
            }
            }
            { across(batch, &props.on_open, &props.on_explain, &on_compare) }
        </section>
    }
}

/// The files an `<input type=file>` holds, in order.
pub fn files_of(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn table_row(row: &Row, on_open: &Callback<usize>, reviews: &crate::review::Reviews) -> Html {
    let index = row.index;
    let readable = row.item.report().is_some();
    // Once some of a report's findings are marked: how many are still to be looked at.
    let counts = row
        .item
        .report()
        .map(|r| reviews.counts(r))
        .filter(|c| c.reviewed() > 0);
    let onclick = {
        let on_open = on_open.clone();
        Callback::from(move |_: MouseEvent| {
            if readable {
                on_open.emit(index);
            }
        })
    };
    let onkeydown = {
        let on_open = on_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if readable && (e.key() == "Enter" || e.key() == " ") {
                e.prevent_default();
                on_open.emit(index);
            }
        })
    };
    let muted = |text: &str| html! { <span class="batch-table__muted">{ text.to_string() }</span> };
    let count = |n: usize, severity: Severity| {
        if !readable {
            return muted("—");
        }
        html! {
            <span class={classes!("batch-count", (n > 0).then(|| format!("batch-count--{}", severity.id())))}>
                if n > 0 { { severity_mark(severity) } }
                { n }
            </span>
        }
    };
    let small = row.substantive.is_some() && row.ranked_substantive().is_none();
    let why = match &row.item.outcome {
        Outcome::Unreadable { why, .. } => Some(why.clone()),
        _ => None,
    };
    html! {
        <tr
            key={index}
            id={row_id(index)}
            class={classes!("batch-table__row", readable.then_some("is-openable"))}
            tabindex={readable.then_some("0")}
            data-index={index.to_string()}
            data-name={row.item.name.clone()}
            data-status={row.status.id()}
            data-errors={readable.then(|| row.errors.to_string())}
            data-warnings={readable.then(|| row.warnings.to_string())}
            data-infos={readable.then(|| row.infos.to_string())}
            aria-label={readable.then(|| format!("{}：{}，打开查看", row.item.name, row.status.label()))}
            {onclick}
            {onkeydown}
        >
            <td class="batch-table__name">{ row.item.name.clone() }</td>
            <td class="batch-table__agency">{ match row.agency { Some(a) => html! { a.to_string() }, None if readable => muted("未识别"), None => html! {} } }</td>
            <td class="batch-table__num">{ match row.year { Some(y) => html! { y }, None if readable => muted("未识别"), None => html! {} } }</td>
            <td class="batch-table__template">{ row.template.map(|t| t.name_zh()).unwrap_or_default() }</td>
            <td class="batch-table__published" data-late={row.late.then_some("true")}>{ published_cell(row, readable) }</td>
            <td class="batch-table__num" data-rate="substantive" data-small={small.then_some("true")}>{ substantive_cell(row, readable) }</td>
            <td class="batch-table__num" data-count="errors">{ count(row.errors, Severity::Error) }</td>
            <td class="batch-table__num" data-count="warnings">{ count(row.warnings, Severity::Warning) }</td>
            <td class="batch-table__status">
                { status_badge(row.status) }
                if let Some(c) = counts {
                    <span class="batch-table__pending" data-pending={c.pending.to_string()}>
                        { format!("已标记 {}，待处理 {}", c.reviewed(), c.pending) }
                    </span>
                }
                if row.across > 0 {
                    <span class="batch-table__across">{ format!("含跨年度 {} 处", row.across) }</span>
                }
                if let Some(why) = why {
                    <span class="batch-table__why">{ why }</span>
                }
            </td>
        </tr>
    }
}

/// The publication date, or 日期不详; a late one marked 逾期.
fn published_cell(row: &Row, readable: bool) -> Html {
    match row.published {
        Some(d) if row.late => html! {
            <>
                { d.iso() }
                <span class="batch-table__late" title="晚于条例第四十九条规定的期限（M703）">{ "逾期" }</span>
            </>
        },
        Some(d) => html! { d.iso() },
        None if readable => html! { <span class="batch-table__muted">{ "日期不详" }</span> },
        None => html! {},
    }
}

/// The 实质公开率; with fewer than 30 applications, plain and with a note (no rank, no colour).
fn substantive_cell(row: &Row, readable: bool) -> Html {
    let percent = |v: f64| {
        let p = format!("{:.1}", v * 100.0);
        format!("{}%", p.strip_suffix(".0").unwrap_or(&p))
    };
    match (row.substantive, row.ranked_substantive()) {
        (Some(_), Some(v)) => html! { percent(v) },
        (Some(v), None) => html! {
            <span class="batch-table__muted" title="申请不足30件，不参与排序">
                { format!("{}（{}件）", percent(v), row.applications.unwrap_or(0.0) as u64) }
            </span>
        },
        (None, _) if readable => html! { <span class="batch-table__muted">{ "—" }</span> },
        (None, _) => html! {},
    }
}

fn status_badge(status: Status) -> Html {
    let mark = match status {
        Status::Errors => severity_mark(Severity::Error),
        Status::Warnings => severity_mark(Severity::Warning),
        Status::Clean => html! { <span class="sev sev--ok" aria-hidden="true">{ "✓" }</span> },
        Status::Unknown => {
            html! { <span class="sev sev--unknown" aria-hidden="true">{ "?" }</span> }
        }
        Status::Unreadable | Status::Skipped => {
            html! { <span class="sev sev--unread" aria-hidden="true">{ "∅" }</span> }
        }
        Status::Waiting => {
            html! { <span class="sev sev--waiting" aria-hidden="true">{ "…" }</span> }
        }
    };
    html! {
        <span class={classes!("status", format!("status--{}", status.id()))}>
            { mark }{ status.label() }
        </span>
    }
}

/// The findings across years: each pair of consecutive years of one agency, and what the
/// cross-year rules found in it.
fn across(
    batch: &Batch,
    on_open: &Callback<usize>,
    on_explain: &Callback<(AttrValue, Option<usize>)>,
    on_compare: &Callback<(usize, usize)>,
) -> Html {
    let units: Vec<(usize, &Finding)> = batch
        .across
        .iter()
        .filter(|(_, f)| f.code == "Y804")
        .map(|(i, f)| (*i, f))
        .collect();
    if batch.pairs.is_empty() && units.is_empty() {
        return html! {};
    }
    let compare = |i: usize, f: &Finding| compare_button(batch, i, f, on_compare);
    let name = |i: usize| {
        batch
            .items
            .get(i)
            .map(|item| item.name.to_string())
            .unwrap_or_default()
    };
    let year = |i: usize| {
        batch
            .items
            .get(i)
            .and_then(|item| item.report())
            .and_then(|r| r.year)
            .map(|y| format!("{y}年"))
            .unwrap_or_default()
    };
    let agency = |i: usize| {
        batch
            .items
            .get(i)
            .and_then(|item| item.report())
            .and_then(|r| r.agency.clone())
            .unwrap_or_default()
    };
    let found = batch.across.len();
    let pair_html = |pair: &YearPair| {
        let findings: Vec<&Finding> = batch
            .across
            .iter()
            .filter(|(i, f)| *i == pair.cur && f.code != "Y804")
            .map(|(_, f)| f)
            .collect();
        let open = |i: usize| {
            let on_open = on_open.clone();
            Callback::from(move |_: MouseEvent| on_open.emit(i))
        };
        html! {
            <li class="across__pair" data-prev={pair.prev.to_string()} data-cur={pair.cur.to_string()}>
                <p class="across__who">
                    <strong>{ agency(pair.cur) }</strong>
                    <button type="button" class="link-button" onclick={open(pair.prev)}>{ format!("{}（{}）", year(pair.prev), name(pair.prev)) }</button>
                    <span aria-hidden="true">{ " → " }</span>
                    <button type="button" class="link-button" onclick={open(pair.cur)}>{ format!("{}（{}）", year(pair.cur), name(pair.cur)) }</button>
                </p>
                if let Some(why) = &pair.guess {
                    <p class="across__guess">{ format!("按名称推测为同一机关：{why}") }</p>
                }
                if findings.is_empty() {
                    <p class="across__ok"><span class="sev sev--ok" aria-hidden="true">{ "✓" }</span>{ "两年的报告前后衔接，未发现问题。" }</p>
                } else {
                    <ul class="across__findings">
                        { for findings.iter().map(|f| across_finding(f, on_explain, compare(pair.cur, f))) }
                    </ul>
                }
            </li>
        }
    };
    html! {
        <section id="batch-across" class="across panel" aria-label="跨年度核对">
            <div class="panel__head">
                <h3 class="panel__title">{ "跨年度核对" }</h3>
                <span class="panel__meta">{ format!("同一机关相邻年度的报告 {} 组，发现 {} 处问题", batch.pairs.len(), found) }</span>
            </div>
            <p class="across__lead">{ "后一年的“上年结转”应等于前一年的“结转下年度继续办理”，规章和规范性文件的现行有效件数应前后衔接；后一年的正文有多少照搬前一年（Y803），可点“对照查看”逐段比较。" }</p>
            <ul class="across__pairs">
                { for batch.pairs.iter().map(pair_html) }
            </ul>
            if !units.is_empty() {
                <div class="across__units">
                    <p class="across__lead">{ "同批不同单位的报告正文雷同（不计表格和格式规定的套话）：" }</p>
                    <ul class="across__findings">
                        { for units.iter().map(|&(i, f)| html! {
                            <>
                                <li class="across__who">{ format!("{}（{}）", agency(i), name(i)) }</li>
                                { across_finding(f, on_explain, compare(i, f)) }
                            </>
                        }) }
                    </ul>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct BatchBarProps {
    pub batch: Shared<Batch>,
    /// The report of the batch the page shows, when it shows one of them.
    pub current: Option<usize>,
    pub on_open: Callback<usize>,
    pub on_list: Callback<()>,
    pub on_close: Callback<()>,
    /// Open the rule page of a cross-year finding's code.
    pub on_explain: Callback<(AttrValue, Option<usize>)>,
}

/// Above a report of the batch: where it stands in the batch, back to the list, the previous
/// and next report (in the list's order), and the findings across years that concern it.
#[function_component]
pub fn BatchBar(props: &BatchBarProps) -> Html {
    let batch: &Batch = &props.batch;
    let list = props.on_list.reform(|_: MouseEvent| ());
    let close = props.on_close.reform(|_: MouseEvent| ());
    let total = batch.items.len();
    let back = html! {
        <button type="button" id="batch-back" class="button button--primary" onclick={list}>
            <span aria-hidden="true">{ "← " }</span>{ format!("返回批量列表（{total} 份）") }
        </button>
    };
    let Some(current) = props.current else {
        return html! {
            <nav id="batch-bar" class="batch-bar" aria-label="批量检查">
                { back }
                <span class="batch-bar__where">{ "批量检查的结果仍保留，可随时返回。" }</span>
                <button type="button" class="button" onclick={close}>{ "关闭批量检查" }</button>
            </nav>
        };
    };
    let order: Vec<usize> = batch
        .rows()
        .iter()
        .filter(|r| r.item.report().is_some())
        .map(|r| r.index)
        .collect();
    let at = order.iter().position(|&i| i == current);
    let step = |delta: isize| {
        let target = at
            .and_then(|p| p.checked_add_signed(delta))
            .and_then(|p| order.get(p).copied());
        let on_open = props.on_open.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(t) = target {
                on_open.emit(t);
            }
        });
        (onclick, target.is_none())
    };
    let (prev, no_prev) = step(-1);
    let (next, no_next) = step(1);
    let name = batch
        .items
        .get(current)
        .map(|i| i.name.clone())
        .unwrap_or_default();
    let where_ = match at {
        Some(p) => format!("第 {}/{} 份：{name}", p + 1, order.len()),
        None => name.to_string(),
    };
    let mine: Vec<&Finding> = batch
        .across
        .iter()
        .filter(|(i, _)| *i == current)
        .map(|(_, f)| f)
        .collect();
    html! {
        <nav id="batch-bar" class="batch-bar" aria-label="批量检查" data-index={current.to_string()}>
            { back }
            <span class="batch-bar__where">{ where_ }</span>
            <span class="batch-bar__steps">
                <button type="button" id="batch-prev" class="button" onclick={prev} disabled={no_prev}>{ "上一份" }</button>
                <button type="button" id="batch-next" class="button" onclick={next} disabled={no_next}>{ "下一份" }</button>
            </span>
            if !mine.is_empty() {
                <div class="batch-bar__across" role="note">
                    <p class="batch-bar__across-title">{ "与上一年度报告核对（跨年度）：" }</p>
                    <ul class="across__findings">
                        { for mine.iter().map(|f| across_finding(f, &props.on_explain, None)) }
                    </ul>
                </div>
            }
        </nav>
    }
}

/// Whether the page shows the batch's list (rather than a report).
pub fn shows_list(batch: &Batch) -> bool {
    batch.is_open() && batch.view == View::List
}

/// One cross-year finding, as the batch's 跨年度核对 panel and a report's bar list it.
fn across_finding(
    f: &Finding,
    on_explain: &Callback<(AttrValue, Option<usize>)>,
    compare: Option<Html>,
) -> Html {
    let code = AttrValue::from(f.code);
    let explain = on_explain.reform(move |_: MouseEvent| (code.clone(), None));
    html! {
        <li class={classes!("across-finding", format!("across-finding--{}", f.severity.id()))} data-code={f.code} data-severity={f.severity.id()}>
            { severity_mark(f.severity) }
            <span class="across-finding__code">{ f.code }</span>
            <span class="sr-only">{ f.severity.name_zh() }</span>
            <span class="across-finding__message">{ f.message.clone() }</span>
            { crate::components::findings::reading_label(f) }
            <button
                type="button"
                class="finding__explain"
                data-explain={f.code}
                title={format!("{} 的规则说明：检查什么、依据、例子、怎么改", f.code)}
                onclick={explain}
            >
                { "规则说明" }
            </button>
            { compare.unwrap_or_default() }
        </li>
    }
}

/// The 对照查看 button of a Y803 or Y804 finding of report `i`: its entry of the batch's
/// `similarity`, when the other report has prose to compare.
fn compare_button(
    batch: &Batch,
    i: usize,
    f: &Finding,
    on_compare: &Callback<(usize, usize)>,
) -> Option<Html> {
    use gouji_core::similarity::SimilarityKind;
    let kind = match f.code {
        "Y803" => SimilarityKind::PreviousYear,
        "Y804" => SimilarityKind::OtherUnit,
        _ => return None,
    };
    let e = batch
        .similarity
        .iter()
        .find(|e| e.report == i && e.kind == kind && e.chars > 0)?;
    let pair = (e.report, e.other);
    let onclick = on_compare.reform(move |_: MouseEvent| pair);
    Some(html! {
        <button type="button" class="finding__explain compare-open" data-compare={format!("{}-{}", pair.0, pair.1)} {onclick}>
            { "对照查看" }
        </button>
    })
}

/// What 对照查看 shows of reports `report` and `other` of the batch.
fn compare_view(batch: &Batch, report: usize, other: usize) -> Option<CompareView> {
    let side = |i: usize| {
        let item = batch.items.get(i)?;
        let r = item.report()?;
        let label = format!(
            "{}{}（{}）",
            r.agency.as_deref().unwrap_or("机关不详"),
            r.year.map(|y| format!(" {y}年")).unwrap_or_default(),
            item.name
        );
        Some((Shared::from(r), AttrValue::from(label)))
    };
    let entry = batch
        .similarity
        .iter()
        .find(|e| e.report == report && e.other == other)?;
    let (report, report_label) = side(report)?;
    let (other, other_label) = side(other)?;
    Some(CompareView {
        report,
        other,
        report_label,
        other_label,
        share: entry.share,
    })
}
