//! What can be done with a checked report besides reading it: 分享链接 (the text in the page's
//! address, see [`crate::share`]), 导出 CSV, 导出 JSON (see [`crate::export`]), 导出 Excel (see
//! [`crate::workbook`]) and 打印.

use gouji_core::Report;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::shared;

use crate::{browser, export, reading, share, workbook};

#[derive(Properties, Clone, PartialEq)]
pub struct ReportToolsProps {
    pub report: shared::Shared<Report>,
    /// The text the report was checked from (what a share link carries).
    pub text: AttrValue,
    /// The name of the file the report came from, if it came from one.
    pub source: Option<AttrValue>,
    /// The decisions about findings: exports and the share link carry this report's.
    #[prop_or_default]
    pub reviews: crate::review::SharedReviews,
}

/// What the share panel shows.
#[derive(Clone, Debug, PartialEq)]
enum Shared {
    /// The link; whether it is on the clipboard (`None` while copying).
    Link {
        url: AttrValue,
        chars: usize,
        copied: Option<bool>,
    },
    /// Why there is no link.
    Refused(AttrValue),
}

#[function_component]
pub fn ReportTools(props: &ReportToolsProps) -> Html {
    let shared = use_state_eq(|| None::<Shared>);
    let failed = use_state_eq(|| None::<AttrValue>);

    // A link made for another text is no link for this one.
    {
        let shared = shared.clone();
        let failed = failed.clone();
        use_effect_with(props.text.clone(), move |_| {
            shared.set(None);
            failed.set(None);
        });
    }

    let on_share = {
        let shared = shared.clone();
        let text = props.text.clone();
        let report = props.report.clone();
        let reviews = props.reviews.clone();
        Callback::from(move |_: MouseEvent| {
            let shared = shared.clone();
            let text = text.clone();
            // This report's decisions only, worked out when asked (not at every keystroke).
            let decided = reviews.of_report(&report);
            spawn_local(async move {
                let fragment = match share::encode_in_page(&text, &decided).await {
                    Ok(fragment) => fragment,
                    Err(why) => {
                        shared.set(Some(Shared::Refused(why.into())));
                        return;
                    }
                };
                let Some(url) = browser::address_with(&fragment) else {
                    shared.set(Some(Shared::Refused(
                        "无法读取本页面的地址，未能生成链接。".into(),
                    )));
                    return;
                };
                let chars = fragment.len();
                let url = AttrValue::from(url);
                shared.set(Some(Shared::Link {
                    url: url.clone(),
                    chars,
                    copied: None,
                }));
                let copied = browser::copy_text(&url).await;
                shared.set(Some(Shared::Link {
                    url,
                    chars,
                    copied: Some(copied),
                }));
            });
        })
    };

    let save = |ext: &'static str| {
        let report = props.report.clone();
        let source = props.source.clone();
        let failed = failed.clone();
        let reviews = props.reviews.clone();
        Callback::from(move |_: MouseEvent| {
            let source = source.as_deref();
            let (content, mime) = if ext == "csv" {
                (
                    export::report_csv(source, &report, &reviews),
                    "text/csv;charset=utf-8",
                )
            } else {
                (
                    export::report_json(source, &report, &reviews),
                    "application/json;charset=utf-8",
                )
            };
            let name = export::file_name(source, &report, ext);
            match browser::download(&name, mime, &content) {
                Ok(()) => failed.set(None),
                Err(why) => failed.set(Some(format!("未能导出：{why}。").into())),
            }
        })
    };
    let save_xlsx = {
        let report = props.report.clone();
        let source = props.source.clone();
        let failed = failed.clone();
        let reviews = props.reviews.clone();
        Callback::from(move |_: MouseEvent| {
            let source = source.as_deref();
            let json = export::report_json(source, &report, &reviews);
            let name = export::file_name(source, &report, "xlsx");
            let failed = failed.clone();
            spawn_local(async move {
                match workbook::save(json, name).await {
                    Ok(()) => failed.set(None),
                    Err(why) => failed.set(Some(format!("未能导出：{why}。").into())),
                }
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let close = {
        let shared = shared.clone();
        Callback::from(move |_: MouseEvent| shared.set(None))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });

    let panel = match &*shared {
        None => html! {},
        Some(Shared::Refused(why)) => html! {
            <div id="share-panel" class="share notice notice--error" role="alert">
                <p class="notice__text">{ why.clone() }</p>
                <button type="button" class="icon-button" onclick={close} aria-label="关闭" title="关闭">{ "×" }</button>
            </div>
        },
        Some(Shared::Link { url, chars, copied }) => {
            let status = match copied {
                None => "正在复制到剪贴板…",
                Some(true) => "链接已复制到剪贴板，可以直接粘贴发送。",
                Some(false) => {
                    "浏览器未允许自动复制：请选中上面的链接，按 Ctrl+C（Mac 上 ⌘+C）复制。"
                }
            };
            html! {
                <div id="share-panel" class="share" role="region" aria-label="分享链接">
                    <div class="share__head">
                        <label class="share__label" for="share-link">{ "分享链接" }</label>
                        <button type="button" class="icon-button" onclick={close} aria-label="关闭" title="关闭">{ "×" }</button>
                    </div>
                    <input
                        id="share-link"
                        class="share__link"
                        type="text"
                        readonly=true
                        value={url.clone()}
                        onfocus={select_all}
                        spellcheck="false"
                    />
                    <p
                        id="share-status"
                        class="share__status"
                        data-copied={copied.map(|c| if c { "true" } else { "false" })}
                        role="status"
                    >
                        { status }
                    </p>
                    <p class="share__note">
                        { format!(
                            "链接里包含报告全文（压缩后约 {}），放在地址的“#”之后：打开链接时，报告文本不会发送给任何服务器，而是在对方的浏览器中重新检查。任何拿到链接的人（以及记录了它的浏览器历史）都能看到报告全文。",
                            reading::size_zh(*chars)
                        ) }
                    </p>
                </div>
            }
        }
    };

    html! {
        <div class="report-tools">
            <div class="report-tools__bar" role="toolbar" aria-label="分享、导出与打印">
                <button type="button" id="share-button" class="button" onclick={on_share}>{ "分享链接" }</button>
                <button type="button" id="export-csv" class="button" onclick={save("csv")} title="表格中的每个单元格和每条检查发现，可用 Excel、WPS 打开">{ "导出 CSV" }</button>
                <button type="button" id="export-json" class="button" onclick={save("json")} title="与命令行 gouji check --format json 相同的格式">{ "导出 JSON" }</button>
                if workbook::AVAILABLE {
                    <button type="button" id="export-xlsx" class="button" onclick={save_xlsx} title="汇总、各类问题和整改清单，与命令行 gouji check --xlsx 相同">{ "导出 Excel" }</button>
                }
                <button type="button" id="print-button" class="button" onclick={on_print}>{ "打印" }</button>
            </div>
            { panel }
            if let Some(why) = &*failed {
                <div class="notice notice--error" role="alert">
                    <p class="notice__text">{ why.clone() }</p>
                </div>
            }
        </div>
    }
}
