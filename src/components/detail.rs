//! A selected cell: what it says, how the checker read it, where in the input it came from,
//! and the findings that involve it (each one a button that selects the finding).

use gouji_core::{Report, Value};
use yew::prelude::*;

use crate::shared::Shared;

use crate::components::findings::severity_mark;
use crate::labels;
use crate::state::Selection;

#[derive(Properties, Clone, PartialEq)]
pub struct CellDetailProps {
    pub report: Shared<Report>,
    /// The text the report was checked from (for line numbers).
    pub text: AttrValue,
    pub path: AttrValue,
    pub on_select: Callback<Option<Selection>>,
}

/// A number as people write it: whole numbers without a fraction.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[function_component]
pub fn CellDetail(props: &CellDetailProps) -> Html {
    let report = &*props.report;
    let path = props.path.as_str();
    let name = labels::cell_name(report, path);
    let found = labels::cell(report, path);
    let involved: Vec<(usize, &gouji_core::Finding)> = report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.cells.iter().any(|c| c == path))
        .collect();
    let close = props.on_select.reform(|_: MouseEvent| None);

    let facts = match found {
        None => html! { <p class="detail__none">{ "报告中没有这个单元格。" }</p> },
        Some((_, _, cell)) => {
            let written = if cell.raw.is_empty() {
                html! { <span class="detail__muted">{ "（空白）" }</span> }
            } else {
                html! { <strong class="detail__raw">{ cell.raw.clone() }</strong> }
            };
            let reading = match &cell.value {
                Value::Number(n) => {
                    let unit = cell.unit.map(|u| format!("（{u}）")).unwrap_or_default();
                    format!("{}{unit}", number(*n))
                }
                Value::Blank => "空白或占位符，计算时按 0".to_string(),
                Value::Unreadable => "无法读作数字，不参与计算".to_string(),
                Value::Missing => "此格在报告中没有写出，不参与计算".to_string(),
            };
            let place = match cell.span {
                Some(span) => match labels::line_of(&props.text, span.start) {
                    0 => "原文中没有对应位置".to_string(),
                    line => format!("原文第 {line} 行（见下方原文定位）"),
                },
                None => "原文中没有对应位置".to_string(),
            };
            html! {
                <dl class="detail__facts">
                    <div><dt>{ "原文写作" }</dt><dd>{ written }</dd></div>
                    <div><dt>{ "读作" }</dt><dd>{ reading }</dd></div>
                    <div><dt>{ "出处" }</dt><dd>{ place }</dd></div>
                </dl>
            }
        }
    };

    html! {
        <section id="cell-detail" class="panel detail" aria-labelledby="cell-detail-title">
            <header class="panel__head">
                <h2 id="cell-detail-title" class="panel__title">{ "单元格" }</h2>
                <button type="button" class="icon-button" onclick={close} aria-label="关闭单元格详情" title="关闭">{ "×" }</button>
            </header>
            <p class="detail__name">{ name.map_or_else(|| path.to_string(), |n| n.full()) }</p>
            <code class="detail__path">{ path.to_string() }</code>
            { facts }
            <p class="detail__sub">
                { if involved.is_empty() {
                    "没有问题涉及这个单元格。".to_string()
                } else {
                    format!("涉及这个单元格的问题（{}）：", involved.len())
                } }
            </p>
            if !involved.is_empty() {
                <ul class="detail__findings">
                    { for involved.iter().map(|(i, f)| {
                        let onclick = props.on_select.reform({
                            let i = *i;
                            move |_: MouseEvent| Some(Selection::Finding(i))
                        });
                        html! {
                            <li key={*i}>
                                <button type="button" class={classes!("detail__finding", format!("detail__finding--{}", f.severity.id()))} {onclick}>
                                    { severity_mark(f.severity) }
                                    <span class="sr-only">{ f.severity.name_zh() }</span>
                                    <code class="finding__code">{ f.code }</code>
                                    <span class="detail__finding-text">{ f.message.clone() }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
