//! The page: the input box on one side, what the checker found on the other.

use yew::prelude::*;

use crate::components::{FindingsList, ReportInput, Summary};
use crate::state::{Action, State};

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);

    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(text)))
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Clear))
    };

    let result = match &state.report {
        Some(report) => html! {
            <>
                <Summary report={report.clone()} />
                <FindingsList report={report.clone()} />
            </>
        },
        None => html! {
            <p class="result__empty">
                { "粘贴报告后，这里会列出识别出的格式、年度、机关，以及每一处表格数字不相符、数值无法读取、正文与表格不一致的地方。" }
            </p>
        },
    };

    html! {
        <>
            <header class="masthead">
                <h1 class="masthead__title">
                    { "勾稽" }
                    <span class="masthead__subtitle">{ "政府信息公开工作年度报告检查" }</span>
                </h1>
                <p class="masthead__note">{ "检查全部在本机浏览器中完成，报告文本不会发送到任何地方。" }</p>
            </header>
            <main class="layout">
                <ReportInput value={state.input.clone()} {on_edit} {on_clear} />
                <section class="result" aria-live="polite" aria-label="检查结果">
                    { result }
                </section>
            </main>
        </>
    }
}
