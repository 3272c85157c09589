//! The input: the report's text (typed, pasted, or shown after a file is read), a button to
//! pick a file, the 示例 menu, 清空, and what the page has to say about the input.
//!
//! The box is not redrawn on every keystroke: the page writes into it only when its text is
//! replaced from outside (a file, an example, the last visit, 清空), which `revision` counts.
//! That keeps typing smooth in long reports and leaves the caret alone.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::examples::{Example, EXAMPLES};
use crate::reading;
use crate::state::{Notice, Origin, Tone};

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The text the box holds.
    pub value: AttrValue,
    /// Bumped whenever `value` replaces the box's text from outside.
    pub revision: u32,
    pub origin: Origin,
    /// A check of the text is due (long inputs, while typing).
    pub stale: bool,
    /// The name of a file being read.
    pub reading: Option<AttrValue>,
    pub notice: Option<Notice>,
    pub storage: Option<Notice>,
    /// Called with the box's whole text after every change.
    pub on_edit: Callback<String>,
    /// Called with the clipboard's HTML when a paste replaces the whole box and
    /// [`reading::PASTE_HTML`] is set.
    pub on_paste_html: Callback<String>,
    /// Files picked with 打开文件… (one: this page; several: a batch).
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_example: Callback<Example>,
    pub on_clear: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[function_component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let area = use_node_ref();

    // Write the box only when its text was replaced from outside.
    {
        let area = area.clone();
        let value = props.value.clone();
        use_effect_with(props.revision, move |_| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                if el.value() != value.as_str() {
                    el.set_value(&value);
                    // A loaded report is read from its beginning.
                    el.set_scroll_top(0);
                }
            }
        });
    }

    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_edit.emit(el.value());
            }
        })
    };

    let onpaste = {
        let on_paste_html = props.on_paste_html.clone();
        Callback::from(move |e: Event| {
            if !reading::PASTE_HTML {
                // The browser pastes the clipboard's plain text.
                return;
            }
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(data) = e.clipboard_data() else {
                return;
            };
            let whole = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
                .is_some_and(|el| {
                    let len = el.value().encode_utf16().count() as u32;
                    let start = el.selection_start().ok().flatten().unwrap_or(0);
                    let end = el.selection_end().ok().flatten().unwrap_or(0);
                    len == 0 || (start == 0 && end == len)
                });
            if let Ok(html) = data.get_data("text/html") {
                if whole && !html.trim().is_empty() {
                    e.prevent_default();
                    on_paste_html.emit(html);
                }
            }
        })
    };

    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let files = crate::components::files_of(&input);
                if !files.is_empty() {
                    on_files.emit(files);
                }
                // Picking the same file again must read it again.
                input.set_value("");
            }
        })
    };

    let clear = props.on_clear.reform(|_: MouseEvent| ());
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    let empty = props.value.is_empty();

    let status = {
        let chars = if props.value.len() < 4 * 1024 * 1024 {
            props.value.chars().count()
        } else {
            props.value.len() / 3
        };
        let origin = match &props.origin {
            Origin::Typed => String::new(),
            Origin::File { name, size, .. } => {
                format!("来自文件“{name}”（{}）", reading::size_zh(*size))
            }
            Origin::Example { label } => format!("示例：{label}"),
            Origin::Restored => "上次打开时的内容".to_string(),
            Origin::Shared => "来自分享链接".to_string(),
        };
        html! {
            <p class="input__status" aria-live="polite">
                <span class="input__count">{ format!("{chars} 字") }</span>
                if !origin.is_empty() {
                    <span class="input__origin">{ origin }</span>
                }
                if let Some(name) = &props.reading {
                    <span class="input__busy">{ format!("正在读取“{name}”…") }</span>
                } else if props.stale {
                    <span class="input__busy">{ "正在检查…" }</span>
                }
            </p>
        }
    };

    html! {
        <section class="input" aria-label="报告文本">
            <div class="input__bar">
                <label class="input__label" for="report-input">{ "报告全文" }</label>
                <div class="input__tools">
                    <input id="file-input" class="file-input" type="file" multiple=true {onchange} />
                    <label for="file-input" class="button button--primary">{ "打开文件…" }</label>
                    <ExamplesMenu on_example={props.on_example.clone()} />
                    <button type="button" class="button" onclick={clear} disabled={empty}>{ "清空" }</button>
                </div>
            </div>
            <textarea
                ref={area}
                id="report-input"
                class="input__text"
                {oninput}
                {onpaste}
                placeholder="把政府信息公开工作年度报告的全文（连同其中的统计表）复制后粘贴到这里；也可以把 PDF、Word（.docx）、网页（.html）或 .txt 文件拖到页面上的任何地方，或点“打开文件…”；一次选择多个文件即可批量检查。检查在本机浏览器中进行，随输随查。"
                spellcheck="false"
                autocomplete="off"
            />
            { status }
            if let Some(notice) = &props.notice {
                <div class={classes!("notice", tone(notice.tone))} role="status">
                    <p class="notice__text">{ notice.text.clone() }</p>
                    <button type="button" class="icon-button" onclick={dismiss} aria-label="关闭提示" title="关闭">{ "×" }</button>
                </div>
            }
            if let Some(notice) = &props.storage {
                <div class={classes!("notice", tone(notice.tone))} role="status">
                    <p id="storage-notice" class="notice__text">{ notice.text.clone() }</p>
                </div>
            }
        </section>
    }
}

pub(crate) fn tone(tone: Tone) -> &'static str {
    match tone {
        Tone::Info => "notice--info",
        Tone::Warning => "notice--warning",
        Tone::Error => "notice--error",
    }
}

#[derive(Properties, PartialEq)]
pub struct ExamplesMenuProps {
    pub on_example: Callback<Example>,
}

/// The 示例 button and its menu of sample reports. Escape or choosing closes it.
#[function_component]
pub fn ExamplesMenu(props: &ExamplesMenuProps) -> Html {
    let open = use_state_eq(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
                crate::browser::focus("examples-button");
            }
        })
    };
    // Close when the focus leaves the menu (a click elsewhere, Tab past the last item).
    let onfocusout = {
        let open = open.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = match (e.current_target(), e.related_target()) {
                (Some(menu), Some(next)) => menu
                    .dyn_into::<web_sys::Node>()
                    .ok()
                    .zip(next.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|(menu, next)| menu.contains(Some(&next))),
                _ => false,
            };
            if !inside {
                open.set(false);
            }
        })
    };
    html! {
        <div class="menu" {onkeydown} {onfocusout}>
            <button
                type="button"
                id="examples-button"
                class="button"
                aria-haspopup="true"
                aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="examples-menu"
                onclick={toggle}
            >
                { "示例" }<span class="button__caret" aria-hidden="true">{ "▾" }</span>
            </button>
            if *open {
                <ul id="examples-menu" class="menu__list" aria-label="示例报告">
                    { for EXAMPLES.iter().map(|ex| {
                        let onclick = {
                            let open = open.clone();
                            let on_example = props.on_example.clone();
                            let ex = *ex;
                            Callback::from(move |_: MouseEvent| {
                                open.set(false);
                                on_example.emit(ex);
                            })
                        };
                        html! {
                            <li key={ex.path}>
                                <button type="button" class="menu__item" data-example={ex.path} {onclick}>
                                    <span class="menu__label">{ ex.label }</span>
                                    <span class="menu__note">{ ex.note }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
