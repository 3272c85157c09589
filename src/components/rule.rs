//! 规则说明: the page of one rule, opened from a finding's code in place of the result, with a
//! way back to the finding; and the bar above a report re-checked with a repair applied. The
//! texts are the core's ([`gouji_core::explain`]), loaded when a page is opened
//! ([`crate::rule_pages`]); the title and severity come with the catalogue the page checks with.

use gouji_core::explain;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::findings::severity_mark;

#[derive(Properties, Clone, PartialEq)]
pub struct RulePageProps {
    pub code: AttrValue,
    /// Back to where the page was opened.
    pub on_back: Callback<()>,
}

#[function_component]
pub fn RulePage(props: &RulePageProps) -> Html {
    let back = props.on_back.reform(|_: MouseEvent| ());
    let code = props.code.as_str();
    let title = explain::rule_title(code);
    // The sections of the page for this code, once they are loaded.
    let loaded = use_state_eq(|| None::<(AttrValue, Result<Vec<(String, String)>, String>)>);
    {
        let loaded = loaded.clone();
        use_effect_with(props.code.clone(), move |code| {
            let code = code.clone();
            spawn_local(async move {
                let got = crate::rule_pages::sections(&code).await;
                loaded.set(Some((code, got)));
            });
        });
    }
    let body = match &*loaded {
        Some((c, Ok(sections))) if c == &props.code && !sections.is_empty() => html! {
            <dl class="rule__sections">
                { for sections.iter().map(|(heading, text)| html! {
                    <div class="rule__section">
                        <dt class="rule__heading">{ heading.clone() }</dt>
                        <dd class="rule__text">{ text.clone() }</dd>
                    </div>
                }) }
            </dl>
        },
        Some((c, Ok(_))) if c == &props.code => {
            html! { <p class="rule__none">{ "这条规则暂无说明。" }</p> }
        }
        Some((c, Err(why))) if c == &props.code => {
            html! { <p class="rule__error" role="alert">{ why.clone() }</p> }
        }
        _ => html! { <p class="rule__wait" role="status">{ "正在载入规则说明…" }</p> },
    };
    html! {
        <section id="rule" class="panel rule" data-rule={props.code.clone()} aria-labelledby="rule-title">
            <header class="panel__head rule__head">
                <h2 id="rule-title" class="panel__title" tabindex="-1">
                    if let Some((_, severity)) = title {
                        { severity_mark(severity) }
                        <span class="sr-only">{ severity.name_zh() }</span>
                    }
                    <code class="rule__code">{ code }</code>
                    { " " }
                    { title.map_or("", |(t, _)| t) }
                </h2>
                <span class="panel__meta">{ "规则说明" }</span>
            </header>
            { body }
            <p class="rule__actions">
                <button type="button" id="rule-back" class="button button--primary" onclick={back}>
                    <span aria-hidden="true">{ "← " }</span>{ "返回检查结果" }
                </button>
            </p>
        </section>
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct TrialBarProps {
    /// 0: the chosen repair; `n`: the `n`-th alternative.
    pub which: usize,
    /// How many cells it changed.
    pub changes: usize,
    pub on_original: Callback<()>,
}

/// Above a report re-checked from a copy of the text with a repair applied.
#[function_component]
pub fn TrialBar(props: &TrialBarProps) -> Html {
    let back = props.on_original.reform(|_: MouseEvent| ());
    let which = if props.which == 0 {
        "最可能的改法".to_string()
    } else {
        format!("其他改法之{}", props.which)
    };
    html! {
        <div id="trial" class="trial notice notice--info" role="status" data-which={props.which.to_string()}>
            <p class="trial__text">
                { format!("下面是按{which}改动 {} 处后，对修改后的文字副本重新检查的结果；原报告的文字没有改动。", props.changes) }
            </p>
            <button type="button" id="trial-back" class="button" onclick={back}>
                <span aria-hidden="true">{ "← " }</span>{ "返回原报告" }
            </button>
        </div>
    }
}
