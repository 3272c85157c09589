//! 对照查看: two reports' prose side by side, section by section, the passages they share
//! marked (Y803, Y804). The marking is the reader worker's ([`crate::reading::compare_prose`],
//! with the `similar` diff crate), asked for when the view opens; the page only draws it.

use gouji_core::similarity::{section_title, Marked, Piece};
use gouji_core::Report;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::shared::Shared;

/// The two reports compared: `report`'s prose (the later year's, or the report the finding
/// is about) against `other`'s.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareView {
    pub report: Shared<Report>,
    pub other: Shared<Report>,
    pub report_label: AttrValue,
    pub other_label: AttrValue,
    /// The share of `report`'s prose found in `other`'s.
    pub share: f64,
}

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    pub view: CompareView,
    /// Back to the batch's list.
    pub on_back: Callback<()>,
}

#[function_component]
pub fn ComparePage(props: &ComparePageProps) -> Html {
    let marked = use_state_eq(|| None::<Result<Marked, String>>);
    {
        let marked = marked.clone();
        use_effect_with(
            (props.view.report.clone(), props.view.other.clone()),
            move |(report, other)| {
                marked.set(None);
                let (report, other) = (report.clone(), other.clone());
                spawn_local(async move {
                    let got =
                        crate::reading::compare_prose(&report.facts.prose, &other.facts.prose)
                            .await;
                    marked.set(Some(got));
                });
            },
        );
    }
    let back = props.on_back.reform(|_: MouseEvent| ());
    let v = &props.view;
    let body = match &*marked {
        None => html! { <p class="compare__wait" role="status">{ "正在比对…" }</p> },
        Some(Err(why)) => html! { <p class="compare__error" role="alert">{ why.clone() }</p> },
        Some(Ok(m)) if m.sections.is_empty() => {
            html! { <p class="compare__none">{ "两份报告都没有可比较的正文。" }</p> }
        }
        Some(Ok(m)) => html! {
            <div class="compare__sections">
                { for m.sections.iter().map(|s| html! {
                    <section class="compare__section" data-section={s.section.to_string()}>
                        <h3 class="compare__title">{ format!("{}、{}", numeral(s.section), section_title(s.section)) }</h3>
                        <div class="compare__columns">
                            <div class="compare__side compare__side--other">{ pieces(&s.other) }</div>
                            <div class="compare__side compare__side--report">{ pieces(&s.report) }</div>
                        </div>
                    </section>
                }) }
            </div>
        },
    };
    html! {
        <section id="compare" class="panel compare" aria-labelledby="compare-title">
            <header class="panel__head">
                <h2 id="compare-title" class="panel__title" tabindex="-1">{ "对照查看：正文重复部分" }</h2>
                <span class="panel__meta">{ format!("重复 {:.1}%", v.share * 100.0) }</span>
            </header>
            <p class="compare__lead">
                { "左：" }<strong class="compare__label">{ v.other_label.clone() }</strong>
                { "；右：" }<strong class="compare__label">{ v.report_label.clone() }</strong>
                { "。两边都有的连续 8 个字以上的文字标为" }<mark class="compare__repeated">{ "重复" }</mark>
                { "（不计表格、标题和格式规定的套话；比例按全文计，句子换了位置也算）。" }
            </p>
            { body }
            <p class="rule__actions">
                <button type="button" id="compare-back" class="button button--primary" onclick={back}>
                    <span aria-hidden="true">{ "← " }</span>{ "返回批量列表" }
                </button>
            </p>
        </section>
    }
}

fn numeral(section: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六"]
        .get(usize::from(section).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

fn pieces(pieces: &[Piece]) -> Html {
    if pieces.is_empty() {
        return html! { <p class="compare__empty">{ "（本部分没有正文）" }</p> };
    }
    html! {
        <p class="compare__text">
            { for pieces.iter().map(|p| if p.repeated {
                html! { <mark class="compare__repeated">{ p.text.clone() }</mark> }
            } else {
                html! { <span>{ p.text.clone() }</span> }
            }) }
        </p>
    }
}
