//! The input box: the report's text, typed or pasted.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportInputProps {
    /// The text the box holds.
    pub value: AttrValue,
    /// Called with the box's whole text after every change.
    pub on_edit: Callback<String>,
    /// Called when the user empties the box.
    pub on_clear: Callback<()>,
}

#[function_component]
pub fn ReportInput(props: &ReportInputProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_edit.emit(area.value());
            }
        })
    };
    let onclick = props.on_clear.reform(|_: MouseEvent| ());
    let chars = props.value.chars().count();

    html! {
        <section class="input" aria-label="报告文本">
            <label class="input__label" for="report-input">{ "年度报告全文" }</label>
            <textarea
                id="report-input"
                class="input__text"
                value={props.value.clone()}
                {oninput}
                placeholder="把政府信息公开工作年度报告的全文（连同其中的统计表）复制后粘贴到这里。"
                spellcheck="false"
                autocomplete="off"
            />
            <div class="input__bar">
                <span class="input__count">{ format!("{chars} 字") }</span>
                <button type="button" class="button" {onclick} disabled={chars == 0}>{ "清空" }</button>
            </div>
        </section>
    }
}
