//! The page: the input on top; then the summary, the tables, and beside them the findings and
//! the source view. Several files at once make a batch: its summary table takes the page's
//! place, and each of its reports opens in the same view as a single one. This is where the
//! state meets the browser: debounced checking of long inputs, keeping the input for the next
//! visit, files dropped anywhere on the page, reading a batch's files one after the other,
//! share links in the address, the sample reports, and scrolling to what is selected.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::batch::{Batch, BatchAction, View, BATCH_LIMIT};
use crate::components::{
    has_repair, row_id, shows_list, BatchBar, BatchView, CellDetail, FindingsPanel, InputPanel,
    Mark, RepairView, ReportTools, SourceView, Summary, TablesView,
};
use crate::examples::{Example, EXAMPLES};
use crate::share::{self, Fragment};
use crate::state::{
    file_too_large, needs_debounce, Action, Notice, Origin, Selection, State, Tone, DEBOUNCE_MS,
};
use crate::{browser, labels, reading};

/// How long after the last change the input is kept for the next visit.
const SAVE_MS: u32 = 400;

type Dispatch = UseReducerDispatcher<State>;
type BatchDispatch = UseReducerDispatcher<Batch>;

#[function_component]
pub fn App() -> Html {
    // A share link in the address wins over the input kept from the last visit.
    let state = use_reducer(|| State::start(browser::load_input(), browser::fragment().as_deref()));
    let dispatch = state.dispatcher();
    let batch = use_reducer(Batch::default);
    let batch_dispatch = batch.dispatcher();
    // The batch whose files are being read; a newer batch, 停止读取 and 关闭 change it, which
    // stops the reading of the older one.
    let reading_batch = use_mut_ref(|| 0_u32);
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
    let on_files = {
        let generation = reading_batch.clone();
        use_callback(
            (dispatch.clone(), batch_dispatch.clone()),
            move |files: Vec<web_sys::File>, (dispatch, batch)| {
                open_files(files, dispatch, batch, &generation);
            },
        )
    };
    let on_open = {
        let batch = batch.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |index: usize| {
            if let Some((name, size, kind, text, report)) = batch.opened(index) {
                batch.dispatch(BatchAction::Open(index));
                dispatch.dispatch(Action::Open {
                    name,
                    size,
                    kind,
                    text,
                    report,
                });
                browser::scroll_to_top();
            }
        })
    };
    let on_list = {
        let batch = batch.clone();
        Callback::from(move |()| {
            let back_to = match batch.view {
                View::Item(i) => Some(i),
                _ => None,
            };
            batch.dispatch(BatchAction::List);
            // The row of the report just read, once the list is drawn again.
            Timeout::new(0, move || match back_to {
                Some(i) => {
                    browser::scroll_to_id(&row_id(i));
                    browser::focus(&row_id(i));
                }
                None => browser::scroll_to_top(),
            })
            .forget();
        })
    };
    let on_stop = {
        let generation = reading_batch.clone();
        let batch = batch.clone();
        Callback::from(move |()| {
            next_batch(&generation);
            batch.dispatch(BatchAction::Stop { id: batch.id });
        })
    };
    let on_close = {
        let generation = reading_batch.clone();
        let batch = batch_dispatch.clone();
        Callback::from(move |()| {
            next_batch(&generation);
            batch.dispatch(BatchAction::Close);
        })
    };
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

    // Files dropped anywhere on the page; a share link pasted into the address of the open
    // page; the last keystrokes saved when the page goes away.
    {
        let dispatch = dispatch.clone();
        let batch = batch_dispatch.clone();
        let dragging = dragging.setter();
        let latest = latest.clone();
        let on_files = on_files.clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window()
                .map(|w| window_listeners(&w, dragging, on_files, dispatch, batch, latest))
                .unwrap_or_default();
            move || drop(listeners)
        });
    }

    // Once the text of a share link is edited or replaced, the link leaves the address, so
    // that reloading shows what the box holds (kept for the next visit) rather than the link.
    use_effect_with(state.origin.clone(), |origin| {
        if *origin != Origin::Shared && browser::fragment().is_some_and(|f| share::is_share(&f)) {
            browser::clear_fragment();
        }
    });

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

    // The report of the batch the page shows, when it still shows it (not after 清空, an
    // edit that made it another text, or another file).
    let current = match batch.view {
        View::Item(i) => match &state.origin {
            Origin::File { name, .. } if batch.items.get(i).is_some_and(|it| it.name == *name) => {
                Some(i)
            }
            _ => None,
        },
        _ => None,
    };

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
            let source = match &state.origin {
                Origin::File { name, .. } => Some(name.clone()),
                _ => None,
            };
            html! {
                <>
                    <ReportTools report={report.clone()} text={state.text.clone()} {source} />
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
                if shows_list(&batch) {
                    <BatchView
                        batch={batch.clone()}
                        on_open={on_open.clone()}
                        on_files={on_files.clone()}
                        {on_stop}
                        on_close={on_close.clone()}
                    />
                } else {
                    if batch.is_open() {
                        <BatchBar
                            batch={batch.clone()}
                            {current}
                            {on_open}
                            {on_list}
                            {on_close}
                        />
                    }
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
                        {on_files}
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
                }
            </main>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true">
                    <div class="drop-overlay__box">
                        <p class="drop-overlay__title">{ "松开鼠标，读取文件" }</p>
                        <p class="drop-overlay__note">{ "一次放入多个文件即可批量检查。文件只在本机浏览器中读取，不会上传。" }</p>
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
                <li>{ "或者把发布的 PDF、Word（.docx）、网页或 .txt 文件拖到页面上的任何地方，或点“打开文件…”；一次放入或选择多个文件，即可批量检查，并核对同一机关相邻年度的数字是否衔接；" }</li>
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

/// One file: this page, as always (leaving a batch's list if one is shown); several: a batch.
fn open_files(
    files: Vec<web_sys::File>,
    dispatch: &Dispatch,
    batch: &BatchDispatch,
    generation: &Rc<RefCell<u32>>,
) {
    match <[web_sys::File; 1]>::try_from(files) {
        Ok([file]) => {
            batch.dispatch(BatchAction::Away);
            read_one(file, dispatch.clone());
        }
        Err(files) if files.is_empty() => {}
        Err(files) => read_batch(files, batch.clone(), generation.clone()),
    }
}

/// A new batch id; the reading of the one before stops.
fn next_batch(generation: &Rc<RefCell<u32>>) -> u32 {
    let mut g = generation.borrow_mut();
    *g = g.wrapping_add(1);
    *g
}

/// Reads the files of a batch one after the other, each through [`reading::read_file`], and
/// hands each result to the batch; between two files the browser draws (the progress) and
/// handles input (停止读取). Stops when another batch starts, or reading is stopped.
fn read_batch(files: Vec<web_sys::File>, batch: BatchDispatch, generation: Rc<RefCell<u32>>) {
    let id = next_batch(&generation);
    let left_out = files.len().saturating_sub(BATCH_LIMIT);
    let files: Vec<web_sys::File> = files.into_iter().take(BATCH_LIMIT).collect();
    batch.dispatch(BatchAction::Start {
        id,
        files: files
            .iter()
            .map(|f| (f.name(), f.size().max(0.0) as usize))
            .collect(),
        left_out,
    });
    browser::scroll_to_top();
    let current = move || *generation.borrow() == id;
    spawn_local(async move {
        // The list of waiting files is drawn before the first is read.
        browser::yield_now().await;
        for (index, file) in files.into_iter().enumerate() {
            if !current() {
                return;
            }
            let name = file.name();
            if let Some(notice) = file_too_large(&name, file.size()) {
                batch.dispatch(BatchAction::Failed {
                    id,
                    index,
                    why: notice.text.to_string(),
                });
                continue;
            }
            let blob = gloo_file::Blob::from(file);
            match gloo_file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => {
                    if !current() {
                        return;
                    }
                    let file = reading::read_file(name, bytes).await;
                    if !current() {
                        return;
                    }
                    match file.read {
                        Ok(read) => {
                            let checked = Box::new(gouji_core::check_read(read));
                            batch.dispatch(BatchAction::Read { id, index, checked });
                        }
                        Err(why) => batch.dispatch(BatchAction::Failed { id, index, why }),
                    }
                }
                Err(_) => batch.dispatch(BatchAction::Failed {
                    id,
                    index,
                    why: "浏览器无法读取这个文件的内容（可能已被移动或删除，或者是一个文件夹）。"
                        .to_string(),
                }),
            }
            browser::yield_now().await;
        }
    });
}

/// Reads a file's bytes and hands them to the state; failures become a notice.
fn read_one(file: web_sys::File, dispatch: Dispatch) {
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

/// The page-wide listeners: drag and drop of files (with the overlay), a share link opened in
/// the page already open (only the fragment changes), and saving the input when the page is
/// hidden or closed.
fn window_listeners(
    window: &web_sys::Window,
    dragging: UseStateSetter<bool>,
    on_files: Callback<Vec<web_sys::File>>,
    dispatch: Dispatch,
    batch: BatchDispatch,
    latest: Rc<RefCell<AttrValue>>,
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
        let files: Vec<web_sys::File> = e
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|e| e.data_transfer())
            .and_then(|dt| dt.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        if !files.is_empty() {
            on_files.emit(files);
        }
    });
    let hash = EventListener::new(window, "hashchange", move |_| {
        match browser::fragment().as_deref().map(share::decode) {
            Some(Fragment::Text(text)) => {
                batch.dispatch(BatchAction::Away);
                dispatch.dispatch(Action::Load {
                    text,
                    origin: Origin::Shared,
                });
                browser::scroll_to_top();
            }
            Some(Fragment::Bad(why)) => {
                batch.dispatch(BatchAction::Away);
                dispatch.dispatch(Action::Failed(Notice::new(Tone::Error, why)));
            }
            Some(Fragment::None) | None => {}
        }
    });
    let hide = EventListener::new(window, "pagehide", move |_| {
        let _ = browser::save_input(&latest.borrow());
    });
    vec![enter, over, leave, drop, hash, hide]
}
