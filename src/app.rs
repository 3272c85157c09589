//! The page: the input on top; then the summary, the tables, and beside them the findings and
//! the source view. This is where the state meets the browser: debounced checking of long
//! inputs, keeping the input for the next visit, files dropped anywhere on the page, the
//! sample reports, and scrolling to what is selected.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::components::{
    has_repair, CellDetail, FindingsPanel, InputPanel, Mark, RepairView, SourceView, Summary,
    TablesView,
};
use crate::examples::{Example, EXAMPLES};
use crate::labels;
use crate::reading;
use crate::state::{
    file_too_large, needs_debounce, Action, Notice, Origin, Selection, State, Tone, DEBOUNCE_MS,
};

/// How long after the last change the input is kept for the next visit.
const SAVE_MS: u32 = 400;

type Dispatch = UseReducerDispatcher<State>;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| State::restored(browser::load_input()));
    let dispatch = state.dispatcher();
    let check_timer = use_mut_ref(|| None::<Timeout>);
    let save_timer = use_mut_ref(|| None::<Timeout>);
    let latest = use_mut_ref(AttrValue::default);
    let dragging = use_state_eq(|| false);
    latest.replace(state.input.clone());

    let on_edit = {
        let timer = check_timer.clone();
        use_callback(dispatch.clone(), move |text: String, dispatch| {
            let wait = needs_debounce(text.len());
            dispatch.dispatch(Action::Edit(text));
            // A newer keystroke cancels the pending check; a long text is checked when the
            // typing pauses.
            let next = wait.then(|| {
                let dispatch = dispatch.clone();
                Timeout::new(DEBOUNCE_MS, move || dispatch.dispatch(Action::Check))
            });
            timer.replace(next);
        })
    };
    let on_paste_html = use_callback(dispatch.clone(), |html: String, dispatch| {
        read_html(html, dispatch.clone());
    });
    let on_file = use_callback(dispatch.clone(), |file: web_sys::File, dispatch| {
        read_file(file, dispatch.clone());
    });
    let on_example = use_callback(dispatch.clone(), |example: Example, dispatch| {
        load_example(example, dispatch.clone());
    });
    let on_clear = {
        let timer = check_timer.clone();
        use_callback(dispatch.clone(), move |(), dispatch| {
            timer.replace(None);
            dispatch.dispatch(Action::Clear);
            browser::focus("report-input");
        })
    };
    let on_dismiss = use_callback(dispatch.clone(), |(), dispatch| {
        dispatch.dispatch(Action::Dismiss);
    });
    let on_select = use_callback(dispatch.clone(), |selection, dispatch| {
        dispatch.dispatch(Action::Select(selection));
    });
    let on_cell = use_callback(dispatch.clone(), |path: AttrValue, dispatch| {
        dispatch.dispatch(Action::Select(Some(Selection::Cell(path))));
    });

    // Keep the input for the next visit, a moment after the last change; 清空 forgets it
    // at once.
    {
        let timer = save_timer.clone();
        let dispatch = dispatch.clone();
        use_effect_with(state.input.clone(), move |input| {
            let input = input.clone();
            let empty = input.is_empty();
            let save = move || dispatch.dispatch(Action::Stored(browser::save_input(&input)));
            if empty {
                timer.replace(None);
                save();
            } else {
                timer.replace(Some(Timeout::new(SAVE_MS, save)));
            }
        });
    }

    // Files dropped anywhere on the page; the last keystrokes saved when the page goes away.
    {
        let dispatch = dispatch.clone();
        let dragging = dragging.setter();
        let latest = latest.clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window()
                .map(|w| window_listeners(&w, dragging, dispatch, latest))
                .unwrap_or_default();
            move || drop(listeners)
        });
    }

    // Bring what is selected into view once it is drawn: a finding's first cell, and the
    // first mark in the source view.
    {
        let first_cell = match &state.selection {
            Some(Selection::Finding(_)) => state.selected_cells().into_iter().next(),
            _ => None,
        };
        use_effect_with(state.selection.clone(), move |selection| {
            if selection.is_some() {
                let finding = matches!(selection, Some(Selection::Finding(_)));
                Timeout::new(0, move || {
                    match first_cell {
                        Some(path) => browser::scroll_to_cell(&path),
                        // A finding about the text alone: bring its place in the text into view.
                        None if finding => browser::scroll_to_id("source"),
                        None => {}
                    }
                    browser::scroll_source_to_mark();
                })
                .forget();
            }
        });
    }

    let result = match &state.report {
        Some(report) => {
            let selected = Rc::new(state.selected_cells());
            let current = match &state.selection {
                Some(Selection::Cell(path)) => Some(path.clone()),
                _ => None,
            };
            let (marks, caption) = marks(&state);
            let repair = has_repair(report).then(|| {
                html! {
                    <RepairView
                        report={report.clone()}
                        current={current.clone()}
                        on_select={on_select.clone()}
                    />
                }
            });
            html! {
                <>
                    <Summary report={report.clone()} />
                    <div class="workspace">
                        <div class="workspace__main">
                            <TablesView
                                report={report.clone()}
                                {selected}
                                current={current.clone()}
                                on_cell={on_cell.clone()}
                            />
                        </div>
                        <aside class="workspace__side" aria-label="检查发现与原文定位">
                            if let Some(path) = current {
                                <CellDetail
                                    report={report.clone()}
                                    text={state.text.clone()}
                                    {path}
                                    on_select={on_select.clone()}
                                />
                            }
                            <FindingsPanel
                                report={report.clone()}
                                selected={state.selected_finding().map(|(i, _)| i)}
                                on_select={on_select.clone()}
                                {repair}
                            />
                            <SourceView text={state.text.clone()} {marks} {caption} />
                        </aside>
                    </div>
                </>
            }
        }
        None => empty(&on_example),
    };

    html! {
        <>
            <header class="masthead">
                <div class="masthead__inner">
                    <h1 class="masthead__title">
                        <span class="masthead__name">{ "勾稽" }</span>
                        <span class="masthead__subtitle">{ "政府信息公开工作年度报告检查" }</span>
                    </h1>
                    <p class="masthead__note">
                        <span class="masthead__lock" aria-hidden="true">{ "◆" }</span>
                        { "检查全部在本机浏览器中完成，报告文本不会发送到任何地方。" }
                    </p>
                </div>
            </header>
            <main class="page">
                <InputPanel
                    value={state.input.clone()}
                    revision={state.revision}
                    origin={state.origin.clone()}
                    stale={state.stale}
                    reading={state.reading.clone()}
                    notice={state.notice.clone()}
                    storage={state.storage.clone()}
                    {on_edit}
                    {on_paste_html}
                    {on_file}
                    on_example={on_example.clone()}
                    {on_clear}
                    {on_dismiss}
                />
                <div
                    class="result"
                    aria-live="polite"
                    aria-label="检查结果"
                    aria-busy={if state.stale { "true" } else { "false" }}
                    data-stale={state.stale.then_some("true")}
                >
                    { result }
                </div>
            </main>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true">
                    <div class="drop-overlay__box">
                        <p class="drop-overlay__title">{ "松开鼠标，读取这个文件" }</p>
                        <p class="drop-overlay__note">{ "文件只在本机浏览器中读取，不会上传。" }</p>
                    </div>
                </div>
            }
        </>
    }
}

/// What the source view marks for the selection, and its caption.
fn marks(state: &State) -> (Vec<Mark>, AttrValue) {
    let Some(report) = &state.report else {
        return (Vec::new(), AttrValue::default());
    };
    match &state.selection {
        Some(Selection::Finding(_)) => {
            let Some((_, f)) = state.selected_finding() else {
                return (Vec::new(), AttrValue::default());
            };
            let mut marks: Vec<Mark> = f
                .spans
                .iter()
                .map(|&span| Mark { span, label: false })
                .collect();
            if marks.is_empty() {
                marks = f
                    .cells
                    .iter()
                    .filter_map(|p| labels::cell(report, p).and_then(|(_, _, c)| c.span))
                    .map(|span| Mark { span, label: false })
                    .collect();
            }
            (marks, AttrValue::from(format!("{} 的出处", f.code)))
        }
        Some(Selection::Cell(path)) => {
            let mut marks = Vec::new();
            if let Some((_, row, cell)) = labels::cell(report, path) {
                if let Some(span) = row.label_span {
                    marks.push(Mark { span, label: true });
                }
                if let Some(span) = cell.span {
                    marks.push(Mark { span, label: false });
                }
            }
            let caption = labels::cell_name(report, path)
                .map(|n| format!("{} 的出处", n.short()))
                .unwrap_or_default();
            (marks, AttrValue::from(caption))
        }
        None => (Vec::new(), AttrValue::default()),
    }
}

/// What the page shows before there is any input: what to do, and the sample reports.
fn empty(on_example: &Callback<Example>) -> Html {
    html! {
        <section class="result__empty welcome" aria-label="使用说明">
            <h2 class="welcome__title">{ "把年度报告放进来，立即看到每一处对不上的数字" }</h2>
            <ol class="welcome__steps">
                <li>{ "在网页、Word 或 PDF 中全选报告正文（连同其中的统计表），复制后粘贴到上面的输入框；" }</li>
                <li>{ "或者把发布的 PDF、Word（.docx）或 .txt 文件拖到页面上的任何地方，或点“打开文件…”；" }</li>
                <li>{ "页面会画出识别出的三张统计表，标出每一处勾稽关系不成立、数值无法读取、正文与表格不一致的地方。点一条问题，即可看到它涉及的单元格和原文位置。" }</li>
            </ol>
            <p class="welcome__try">{ "没有报告在手？先看一份示例：" }</p>
            <ul class="welcome__examples">
                { for EXAMPLES.iter().map(|ex| {
                    let onclick = {
                        let ex = *ex;
                        on_example.reform(move |_: MouseEvent| ex)
                    };
                    html! {
                        <li key={ex.path}>
                            <button type="button" class="example-card" data-example={ex.path} {onclick}>
                                <span class="example-card__label">{ ex.label }</span>
                                <span class="example-card__note">{ ex.note }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// Reads a file's bytes and hands them to the state; failures become a notice.
fn read_file(file: web_sys::File, dispatch: Dispatch) {
    let name = file.name();
    let size = file.size();
    if let Some(notice) = file_too_large(&name, size) {
        dispatch.dispatch(Action::Failed(notice));
        return;
    }
    dispatch.dispatch(Action::Reading(name.clone()));
    let blob = gloo_file::Blob::from(file);
    spawn_local(async move {
        match gloo_file::futures::read_as_bytes(&blob).await {
            Ok(bytes) => dispatch.dispatch(Action::File(reading::read_file(name, bytes).await)),
            Err(_) => dispatch.dispatch(Action::Failed(Notice::new(
                Tone::Error,
                format!("文件“{name}”未能读取：浏览器无法读取它的内容（可能已被移动或删除）。"),
            ))),
        }
    });
}

/// Reads the clipboard's HTML (in the reader worker) and puts its text in the box.
fn read_html(html: String, dispatch: Dispatch) {
    dispatch.dispatch(Action::Reading("剪贴板中的网页".to_string()));
    spawn_local(async move {
        match reading::read_html(html).await {
            Ok(read) => dispatch.dispatch(Action::Html(read)),
            Err(why) => dispatch.dispatch(Action::Failed(Notice::new(
                Tone::Error,
                format!("粘贴的网页未能读取：{why}。"),
            ))),
        }
    });
}

/// Fetches a sample report from the page's own folder and loads it.
fn load_example(example: Example, dispatch: Dispatch) {
    spawn_local(async move {
        match browser::fetch_text(example.path).await {
            Ok(text) => dispatch.dispatch(Action::Load {
                text,
                origin: Origin::Example {
                    label: example.label.into(),
                },
            }),
            Err(why) => dispatch.dispatch(Action::Failed(Notice::new(
                Tone::Error,
                format!("示例“{}”未能载入：{why}。", example.label),
            ))),
        }
    });
}

/// Whether a drag carries files (not text being dragged within the page).
fn carries_files(event: &Event) -> bool {
    event
        .dyn_ref::<web_sys::DragEvent>()
        .and_then(|e| e.data_transfer())
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// The page-wide listeners: drag and drop of files (with the overlay), and saving the input
/// when the page is hidden or closed.
fn window_listeners(
    window: &web_sys::Window,
    dragging: UseStateSetter<bool>,
    dispatch: Dispatch,
    latest: Rc<std::cell::RefCell<AttrValue>>,
) -> Vec<EventListener> {
    // dragenter/dragleave fire for every element crossed; the overlay shows while the
    // count of entered elements is above zero.
    let depth = Rc::new(Cell::new(0_i32));
    let options = EventListenerOptions::enable_prevent_default();
    let enter = {
        let depth = depth.clone();
        let dragging = dragging.clone();
        EventListener::new_with_options(window, "dragenter", options, move |e| {
            if carries_files(e) {
                e.prevent_default();
                depth.set(depth.get() + 1);
                dragging.set(true);
            }
        })
    };
    let over = EventListener::new_with_options(window, "dragover", options, move |e| {
        if carries_files(e) {
            // Without this the browser would open the file instead of handing it to the page.
            e.prevent_default();
            if let Some(dt) = e
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|e| e.data_transfer())
            {
                dt.set_drop_effect("copy");
            }
        }
    });
    let leave = {
        let depth = depth.clone();
        let dragging = dragging.clone();
        EventListener::new_with_options(window, "dragleave", options, move |e| {
            if carries_files(e) {
                depth.set((depth.get() - 1).max(0));
                if depth.get() == 0 {
                    dragging.set(false);
                }
            }
        })
    };
    let drop = EventListener::new_with_options(window, "drop", options, move |e| {
        if !carries_files(e) {
            return;
        }
        e.prevent_default();
        depth.set(0);
        dragging.set(false);
        let file = e
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|e| e.data_transfer())
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            read_file(file, dispatch.clone());
        }
    });
    let hide = EventListener::new(window, "pagehide", move |_| {
        let _ = browser::save_input(&latest.borrow());
    });
    vec![enter, over, leave, drop, hide]
}
