//! The batch's 名单核对 panel: load a roster (a .txt/.csv file, read and decoded in the page, or
//! names pasted), see each unit with 有报告 / 推测 / 缺报 and its reports (which open), the
//! reports outside the roster, and 清除名单. The roster is kept in this browser for the next
//! batch ([`crate::browser::load_roster`]).

use gouji_core::roster::{Found, Roster, Unit};
use yew::prelude::*;

use crate::batch::{Batch, BatchAction};
use crate::browser;
use crate::roster::{RosterList, PASTED};
use crate::shared::Shared;

/// A roster file larger than this is no list of units.
const MAX_ROSTER_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct RosterPanelProps {
    pub batch: Shared<Batch>,
    pub on_batch: Callback<BatchAction>,
    /// Open the report at this index in full.
    pub on_open: Callback<usize>,
    /// Show only the units without a report (the 缺报单位 filter).
    pub only_missing: bool,
}

#[function_component]
pub fn RosterPanel(props: &RosterPanelProps) -> Html {
    let batch: &Batch = &props.batch;
    let failed = use_state_eq(|| None::<AttrValue>);
    let pasted = use_state_eq(String::new);

    // A roster kept by an earlier batch or visit comes back with the panel.
    {
        let on_batch = props.on_batch.clone();
        let loaded = batch.roster_list.is_some();
        use_effect_with((), move |()| {
            if !loaded {
                if let Some(list) = browser::load_roster() {
                    on_batch.emit(BatchAction::Roster(Some(list)));
                }
            }
        });
    }

    let set = {
        let on_batch = props.on_batch.clone();
        let failed = failed.clone();
        Callback::from(move |list: Result<RosterList, String>| match list {
            Ok(list) => {
                failed.set(if browser::save_roster(Some(&list)) {
                    None
                } else {
                    Some("此浏览器不允许网页在本机保存内容，名单只用于这一次批量检查。".into())
                });
                on_batch.emit(BatchAction::Roster(Some(list)));
            }
            Err(why) => failed.set(Some(why.into())),
        })
    };
    let on_pick = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let file = input.files().and_then(|list| list.get(0));
            input.set_value("");
            let Some(file) = file else { return };
            let set = set.clone();
            wasm_bindgen_futures::spawn_local(async move {
                set.emit(read_roster(file).await);
            });
        })
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                pasted.set(area.value());
            }
        })
    };
    let on_paste_apply = {
        let set = set.clone();
        let pasted = pasted.clone();
        Callback::from(move |_: MouseEvent| set.emit(RosterList::from_text(PASTED, &pasted)))
    };
    let on_clear = {
        let on_batch = props.on_batch.clone();
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| {
            browser::save_roster(None);
            failed.set(None);
            on_batch.emit(BatchAction::Roster(None));
        })
    };

    let picker = |label: &'static str| {
        html! {
            <>
                <input id="roster-file-input" class="file-input" type="file" accept=".txt,.csv,text/plain,text/csv" onchange={on_pick.clone()} />
                <label for="roster-file-input" class="button">{ label }</label>
            </>
        }
    };
    let error = failed.as_ref().map(|why| {
        html! {
            <div id="roster-error" class="notice notice--error" role="alert">
                <p class="notice__text">{ why.clone() }</p>
            </div>
        }
    });

    let Some(list) = &batch.roster_list else {
        return html! {
            <section id="batch-roster" class="roster panel" aria-label="名单核对">
                <div class="panel__head">
                    <h3 class="panel__title">{ "名单核对" }</h3>
                    <span class="panel__meta">{ "未载入名单" }</span>
                </div>
                <div class="roster__body">
                    <p class="roster__lead">{ "载入应报送年度报告的单位名单（.txt 或 .csv，每行一个单位），核对哪些单位没有报告。名单只保存在本机浏览器中。" }</p>
                    <div class="roster__tools">
                        { picker("载入名单文件…") }
                    </div>
                    <details class="roster__paste">
                        <summary>{ "或粘贴名单" }</summary>
                        <textarea id="roster-paste" class="roster__textarea" rows="6" placeholder="每行一个单位名称" value={(*pasted).clone()} oninput={on_paste_input} />
                        <button type="button" id="roster-paste-apply" class="button button--primary" onclick={on_paste_apply}>{ "核对名单" }</button>
                    </details>
                    { for error }
                </div>
            </section>
        };
    };

    html! {
        <section id="batch-roster" class="roster panel" aria-label="名单核对" data-source={list.source.clone()}>
            <div class="panel__head">
                <h3 class="panel__title">{ "名单核对" }</h3>
                <span id="roster-summary" class="panel__meta">{ summary(list, batch.roster.as_deref()) }</span>
            </div>
            <div class="roster__body">
                <div class="roster__tools">
                    { picker("更换名单…") }
                    <button type="button" id="roster-clear" class="button" onclick={on_clear}>{ "清除名单" }</button>
                </div>
                if list.cut {
                    <p class="roster__note">{ format!("名单超过 {} 个单位，只核对了前 {} 个。", gouji_core::roster::MAX_UNITS, gouji_core::roster::MAX_UNITS) }</p>
                }
                { for error }
                if let Some(roster) = &batch.roster {
                    { units_table(batch, roster, &props.on_open, props.only_missing) }
                    if !props.only_missing {
                        { unlisted(batch, roster, &props.on_open) }
                    }
                } else {
                    <p class="roster__note">{ "全部文件读取完成后核对名单。" }</p>
                }
            </div>
        </section>
    }
}

/// Read a picked roster file: its bytes decoded as text in the page.
async fn read_roster(file: web_sys::File) -> Result<RosterList, String> {
    let name = file.name();
    if file.size() > MAX_ROSTER_BYTES {
        return Err(format!("“{name}”超过 4 MB，不像是单位名单。"));
    }
    let bytes = gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(file))
        .await
        .map_err(|_| format!("浏览器未能读取“{name}”。"))?;
    let text = browser::decode_text(&bytes).ok_or_else(|| {
        format!("“{name}”不是文本文件：Excel 表格请另存为 .csv 或 .txt（每行一个单位）。")
    })?;
    RosterList::from_text(&name, &text)
}

/// "名单（units.txt）：共 12 个单位，有报告 10 个（其中 1 个为推测匹配），缺报 2 个"
fn summary(list: &RosterList, roster: Option<&Roster>) -> String {
    let Some(roster) = roster else {
        return format!("名单（{}）：共 {} 个单位", list.source, list.units.len());
    };
    let guesses = roster
        .units
        .iter()
        .filter(|u| u.found == Found::Guess)
        .count();
    let found = roster.units.len() - roster.missing;
    let guessed = if guesses > 0 {
        format!("（其中 {guesses} 个为推测匹配）")
    } else {
        String::new()
    };
    format!(
        "名单（{}）：共 {} 个单位，有报告 {found} 个{guessed}，缺报 {} 个",
        roster.source,
        roster.units.len(),
        roster.missing
    )
}

fn units_table(
    batch: &Batch,
    roster: &Roster,
    on_open: &Callback<usize>,
    only_missing: bool,
) -> Html {
    let shown: Vec<&Unit> = roster
        .units
        .iter()
        .filter(|u| !only_missing || u.found == Found::Missing)
        .collect();
    if shown.is_empty() {
        return html! { <p id="roster-none" class="roster__note">{ "名单中的单位都有报告。" }</p> };
    }
    let row = |u: &&Unit| {
        let reports = u.reports.iter().map(|&i| open_button(batch, i, on_open));
        html! {
            <tr class="roster-table__row" data-match={match_id(u.found)} data-unit={u.unit.clone()}>
                <td class="roster-table__unit">{ u.unit.clone() }</td>
                <td class="roster-table__status">
                    <span class={classes!("roster-status", format!("roster-status--{}", match_id(u.found)))}>{ u.found.name_zh() }</span>
                </td>
                <td class="roster-table__reports">
                    { for reports }
                    if let Some(why) = &u.reason {
                        <span class="roster-table__why">{ format!("按名称推测：{why}") }</span>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <div class="batch__scroll">
            <table id="roster-table" class="batch-table roster-table">
                <caption class="sr-only">{ "名单中的单位及其报告" }</caption>
                <thead><tr>
                    <th scope="col" class="batch-table__head">{ "单位" }</th>
                    <th scope="col" class="batch-table__head">{ "状态" }</th>
                    <th scope="col" class="batch-table__head">{ "报告" }</th>
                </tr></thead>
                <tbody>{ for shown.iter().map(row) }</tbody>
            </table>
        </div>
    }
}

/// The reports whose agency matches no unit of the roster.
fn unlisted(batch: &Batch, roster: &Roster, on_open: &Callback<usize>) -> Html {
    if roster.unlisted.is_empty() {
        return html! {};
    }
    html! {
        <p id="roster-unlisted" class="roster__unlisted">
            { format!("名单外的报告 {} 份：", roster.unlisted.len()) }
            { for roster.unlisted.iter().map(|&i| open_button(batch, i, on_open)) }
        </p>
    }
}

/// A report of the batch by its file name, opening it when it was read.
fn open_button(batch: &Batch, index: usize, on_open: &Callback<usize>) -> Html {
    let Some(item) = batch.items.get(index) else {
        return html! {};
    };
    if item.report().is_none() {
        return html! { <span class="roster-table__file batch-table__muted">{ item.name.clone() }</span> };
    }
    let on_open = on_open.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_open.emit(index));
    html! {
        <button type="button" class="link-button roster-table__file" data-index={index.to_string()} {onclick}>{ item.name.clone() }</button>
    }
}

fn match_id(found: Found) -> &'static str {
    match found {
        Found::Exact => "exact",
        Found::Guess => "guess",
        Found::Missing => "missing",
    }
}
