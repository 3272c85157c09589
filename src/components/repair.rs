//! 最可能出错的单元格: the fewest cell changes that make every sum of the requests and appeals
//! tables hold (the core's [`gouji_core::Repair`]). One line per change of the chosen repair,
//! each a button that selects the cell and brings it into view; then whether the repair is
//! the only one of its size, the others, the cells every one of them changes, and a note when
//! the search stopped before it was sure.

use gloo_timers::callback::Timeout;
use gouji_core::{Change, Repair, Report};
use yew::prelude::*;

use crate::shared::Shared;

use crate::browser;
use crate::labels;
use crate::state::Selection;

#[derive(Properties, Clone, PartialEq)]
pub struct RepairViewProps {
    pub report: Shared<Report>,
    /// The text the report was checked from (a repair is tried on a copy of it).
    pub text: AttrValue,
    /// The selected cell, when a cell is selected.
    pub current: Option<AttrValue>,
    pub on_select: Callback<Option<Selection>>,
    /// Apply a repair (0: the chosen one, `n`: the `n`-th alternative) to a copy of the text
    /// and check it.
    pub on_try: Callback<usize>,
}

/// Whether the report has a repair worth showing: some equation fails.
pub fn has_repair(report: &Report) -> bool {
    report.repair.as_ref().is_some_and(|r| !r.is_empty())
}

#[function_component]
pub fn RepairView(props: &RepairViewProps) -> Html {
    let report = &*props.report;
    let Some(repair) = report.repair.as_ref().filter(|r| !r.is_empty()) else {
        return html! {};
    };
    let n = repair.changes.len();
    let minimal = repair.count > 0;
    let lead = if minimal {
        format!("改动 {n} 处即可使全部等式成立")
    } else {
        format!("改动 {n} 处即可使全部等式成立（未必是最少的改法）")
    };
    let items = repair
        .changes
        .iter()
        .map(|c| line(report, repair, c, props));
    // 确定: the only minimum repair; 可能: one of several (all listed below), or a search that
    // stopped before it was sure.
    let certain = repair.count == 1 && !repair.exhausted;
    let (verdict, verdict_note) = if certain {
        ("确定", "这是唯一的最少改法")
    } else {
        ("可能", "还有同样少的其他改法，或搜索没有穷尽")
    };
    html! {
        <div
            class="repair"
            data-changes={n.to_string()}
            data-count={repair.count.to_string()}
            data-exhausted={repair.exhausted.then_some("true")}
        >
            <h3 class="repair__title">
                <span class="repair__badge" aria-hidden="true">{ "改" }</span>
                { "最可能出错的单元格" }
                <span
                    class={classes!("repair__verdict", if certain { "repair__verdict--certain" } else { "repair__verdict--possible" })}
                    data-verdict={if certain { "certain" } else { "possible" }}
                    title={verdict_note}
                >
                    { verdict }
                </span>
            </h3>
            <p class="repair__lead">{ lead }</p>
            <ol class="repair__list">{ for items }</ol>
            { try_button(report, &props.text, &repair.changes, 0, &props.on_try) }
            { uniqueness(report, repair) }
            { alternatives(report, repair, props) }
            if repair.exhausted {
                <p class="repair__note repair__note--exhausted">
                    { "计算量达到上限，搜索没有穷尽：上面的改法能使全部等式成立，但可能不是最少的，同样少的改法的种数、其他改法和共同的单元格也可能不全。" }
                </p>
            }
        </div>
    }
}

/// One change: "第一项（本年新收）·总计  空白 → 44", a button that selects the cell.
fn line(report: &Report, repair: &Repair, change: &Change, props: &RepairViewProps) -> Html {
    let path = AttrValue::from(change.cell.clone());
    let name = labels::cell_name(report, &change.cell);
    let short = name
        .as_ref()
        .map_or_else(|| change.cell.clone(), labels::CellName::short);
    let full = name.map_or_else(|| change.cell.clone(), |n| n.full());
    let current = props.current.as_deref() == Some(change.cell.as_str());
    let certain = repair.count > 1 && repair.is_certain(&change.cell);
    let select = {
        let on_select = props.on_select.clone();
        let path = path.clone();
        move || {
            on_select.emit(Some(Selection::Cell(path.clone())));
            let path = path.clone();
            // Once the selection is drawn.
            Timeout::new(0, move || browser::scroll_to_cell(&path)).forget();
        }
    };
    let onclick = {
        let select = select.clone();
        Callback::from(move |_: MouseEvent| select())
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if matches!(e.key().as_str(), "Enter" | " ") {
            e.prevent_default();
            select();
        }
    });
    let mut title = format!("{full}：{}", labels::suggestion(change));
    if !change.determined {
        title.push_str("；其他数值也能使等式成立，这是最接近原值的一个");
    }
    html! {
        <li
            key={change.cell.clone()}
            class={classes!("repair__item", current.then_some("is-current"))}
            data-repair-cell={path.clone()}
            tabindex="0"
            role="button"
            aria-pressed={if current { "true" } else { "false" }}
            {title}
            {onclick}
            {onkeydown}
        >
            <span class="repair__cell">{ short }</span>
            <span class="repair__change">
                <span class="repair__from">{ labels::was(change) }</span>
                { " → " }
                <span class="repair__to">{ labels::number(change.to) }</span>
            </span>
            if certain {
                <span class="repair__tag">{ "必改" }</span>
            }
        </li>
    }
}

/// Whether the chosen repair is the only one of its size, and which cells all of them change.
fn uniqueness(report: &Report, repair: &Repair) -> Html {
    match repair.count {
        0 => html! {},
        1 => html! {
            <p class="repair__note repair__note--unique">{ "这是唯一的最少改法。" }</p>
        },
        count => {
            let more = if repair.exhausted { "至少" } else { "" };
            let shared = if repair.certain.is_empty() {
                "这些改法没有共同的单元格，需要核对原始记录才能确定改哪一处。".to_string()
            } else {
                let names: Vec<String> = repair.certain.iter().map(|p| name(report, p)).collect();
                format!(
                    "每一种都要改动：{}（标“必改”），应当先核对。",
                    names.join("、")
                )
            };
            html! {
                <p class="repair__note repair__note--count">
                    { format!("同样只改动 {} 处的改法{more}有 {count} 种，上面是最可能的一种。{shared}", repair.changes.len()) }
                </p>
            }
        }
    }
}

/// The other minimum repairs, best first, each in one line.
fn alternatives(report: &Report, repair: &Repair, props: &RepairViewProps) -> Html {
    if repair.alternatives.is_empty() {
        return html! {};
    }
    let shown = repair.alternatives.len();
    let title = if (repair.count as usize) > shown + 1 {
        format!("其他改法（列出 {shown} 种）：")
    } else {
        "其他改法：".to_string()
    };
    html! {
        <div class="repair__alternatives">
            <p class="repair__alt-title">{ title }</p>
            <ol class="repair__alt-list">
                { for repair.alternatives.iter().enumerate().map(|(i, alt)| html! {
                    <li class="repair__alt">
                        { alt.iter().map(|c| format!("{} {} → {}", name(report, &c.cell), labels::was(c), labels::number(c.to))).collect::<Vec<_>>().join("；") }
                        { try_button(report, &props.text, alt, i + 1, &props.on_try) }
                    </li>
                }) }
            </ol>
        </div>
    }
}

fn name(report: &Report, path: &str) -> String {
    labels::cell_name(report, path).map_or_else(|| path.to_string(), |n| n.short())
}

/// 按此修改后重新检查: checks a copy of the text with these changes written into it; nothing
/// when a changed cell has no place in the text to write into.
fn try_button(
    report: &Report,
    text: &str,
    changes: &[Change],
    which: usize,
    on_try: &Callback<usize>,
) -> Html {
    if !crate::trial::applicable(text, report, changes) {
        return html! {};
    }
    let onclick = on_try.reform(move |_: MouseEvent| which);
    let class = if which == 0 {
        classes!("button", "button--primary", "repair__try")
    } else {
        classes!("button", "button--small", "repair__try", "repair__try--alt")
    };
    html! {
        <button type="button" {class} data-try={which.to_string()} {onclick}
            title="把这些单元格改成建议的数值，对文字的副本重新检查；原文不变，可以返回">
            { "按此修改后重新检查" }
        </button>
    }
}
