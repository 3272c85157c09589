//! The page: the input on top; then the summary, the tables, and beside them the findings and
//! the source view. Several files at once make a batch: its summary table takes the page's
//! place, and each of its reports opens in the same view as a single one. A finding's code
//! opens its rule page (规则说明) in place of the result; a repair can be tried on a copy of
//! the text. This is where the page's state ([`crate::page`]) meets the browser: debounced
//! checking of long inputs, keeping the input for the next visit, files dropped anywhere on the
//! page (read by [`crate::tasks`]), share links in the address, the sample reports, and
//! scrolling to what is selected.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::batch::{BatchAction, View};
use crate::components::{
    has_repair, row_id, shows_list, BatchBar, BatchView, CellDetail, FindingsPanel, InputPanel,
    RepairView, ReportTools, RulePage, SourceView, Summary, TablesView, TrialBar,
};
use crate::examples::{Example, EXAMPLES};
use crate::page::{Page, PageAction};
use crate::review::{Decision, Reviews, SharedReviews};
use crate::share::{self, Fragment};
use crate::shared::Shared;
use crate::state::{needs_debounce, Action, Notice, Origin, Selection, State, Tone, DEBOUNCE_MS};
use crate::tasks::{self, Dispatch, Generation};
use crate::{browser, handover, marks};

/// How long after the last change the input is kept for the next visit.
const SAVE_MS: u32 = 400;

#[function_component]
pub fn App() -> Html {
    // A share link in the address wins over the input kept from the last visit.
    let page = use_reducer(|| Page::start(browser::load_input(), browser::fragment().as_deref()));
    let dispatch = page.dispatcher();
    let state: Rc<State> = page.single.clone();
    let shown: Rc<State> = page.shown().clone();
    let batch = Shared::from(&page.batch);
    let generation = (*use_memo((), |()| Generation::default())).clone();
    let check_timer = use_mut_ref(|| None::<Timeout>);
    let save_timer = use_mut_ref(|| None::<Timeout>);
    let latest = use_mut_ref(AttrValue::default);
    let dragging = use_state_eq(|| false);
    latest.replace(state.input.clone());
    // The decisions about findings: kept from earlier visits, and those a share link carries.
    let reviews = use_reducer(|| {
        let from_link = browser::fragment()
            .map(|f| share::reviews(&f))
            .unwrap_or_default();
        ReviewStore(Shared::new(browser::load_reviews().merged(&from_link)))
    });
    let shared_reviews: SharedReviews = reviews.0.clone();
    // Stable across renders, so that a finding's item left as it was is not drawn again.
    let on_review = use_callback(
        reviews.dispatcher(),
        |(fingerprint, review): (String, Option<Decision>), reviews| {
            reviews.dispatch(ReviewAction::Set(fingerprint, review));
        },
    );
    let on_link_reviews = {
        let reviews = reviews.dispatcher();
        Callback::from(move |link: Reviews| reviews.dispatch(ReviewAction::Merge(link)))
    };
    use_effect_with(shared_reviews.clone(), |reviews| {
        browser::save_reviews(reviews);
    });

    let on_edit = {
        let timer = check_timer.clone();
        use_callback(dispatch.clone(), move |text: String, dispatch| {
            let wait = needs_debounce(text.len());
            dispatch.dispatch(PageAction::Single(Action::Edit(text)));
            // A newer keystroke cancels the pending check; a long text is checked when the
            // typing pauses.
            let next = wait.then(|| {
                let dispatch = dispatch.clone();
                Timeout::new(DEBOUNCE_MS, move || {
                    dispatch.dispatch(PageAction::Single(Action::Check))
                })
            });
            timer.replace(next);
        })
    };
    let on_paste_html = use_callback(dispatch.clone(), |html: String, dispatch| {
        tasks::read_html(html, dispatch.clone());
    });
    let on_files = {
        let generation = generation.clone();
        let latest = latest.clone();
        use_callback(
            dispatch.clone(),
            move |files: Vec<web_sys::File>, dispatch| {
                if !crate::BATCH && files.len() > 1 {
                    let input = latest.borrow().clone();
                    handover::open_batch(files, dispatch.clone(), input);
                    return;
                }
                tasks::open_files(files, dispatch, &generation);
            },
        )
    };
    // The files the batch module was started with (crate::handover), once it is mounted.
    {
        let on_files = on_files.clone();
        use_effect_with((), move |()| {
            let files = handover::take_pending();
            if !files.is_empty() {
                on_files.emit(files);
            }
        });
    }
    let on_open = use_callback(dispatch.clone(), |index: usize, dispatch| {
        dispatch.dispatch(PageAction::Open(index));
        browser::scroll_to_top();
    });
    let on_list = {
        let back_to = match page.batch.view {
            View::Item(i) => Some(i),
            _ => None,
        };
        use_callback((dispatch.clone(), back_to), |(), (dispatch, back_to)| {
            dispatch.dispatch(PageAction::List);
            let back_to = *back_to;
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
        let generation = generation.clone();
        use_callback(
            (dispatch.clone(), page.batch.id),
            move |(), (dispatch, id)| {
                generation.next();
                dispatch.dispatch(PageAction::Batch(BatchAction::Stop { id: *id }));
            },
        )
    };
    let on_close = {
        let generation = generation.clone();
        use_callback(dispatch.clone(), move |(), dispatch| {
            generation.next();
            dispatch.dispatch(PageAction::Batch(BatchAction::Close));
        })
    };
    let on_batch = use_callback(dispatch.clone(), |action: BatchAction, dispatch| {
        dispatch.dispatch(PageAction::Batch(action));
    });
    let on_example = use_callback(dispatch.clone(), |example: Example, dispatch| {
        tasks::load_example(example, dispatch.clone());
    });
    let on_clear = {
        let timer = check_timer.clone();
        use_callback(dispatch.clone(), move |(), dispatch| {
            timer.replace(None);
            dispatch.dispatch(PageAction::Single(Action::Clear));
            browser::focus("report-input");
        })
    };
    let on_dismiss = use_callback(dispatch.clone(), |(), dispatch| {
        dispatch.dispatch(PageAction::Single(Action::Dismiss));
    });
    let on_select = use_callback(dispatch.clone(), |selection, dispatch| {
        dispatch.dispatch(PageAction::Single(Action::Select(selection)));
    });
    let on_cell = use_callback(dispatch.clone(), |path: AttrValue, dispatch| {
        dispatch.dispatch(PageAction::Single(Action::Select(Some(Selection::Cell(
            path,
        )))));
    });
    let on_explain = use_callback(
        dispatch.clone(),
        |(code, from): (AttrValue, Option<usize>), dispatch| {
            dispatch.dispatch(PageAction::Explain { code, from });
            Timeout::new(0, || {
                browser::scroll_to_id("rule");
                browser::focus("rule-title");
            })
            .forget();
        },
    );
    let on_rule_back = {
        let from = page.rule.as_ref().and_then(|r| r.from);
        use_callback((dispatch.clone(), from), |(), (dispatch, from)| {
            dispatch.dispatch(PageAction::CloseRule);
            let id = match from {
                Some(i) => format!("finding-{i}"),
                None => "findings".to_string(),
            };
            // Back to the finding the page was opened from, once the findings are drawn.
            Timeout::new(0, move || {
                browser::scroll_to_id(&id);
                browser::focus(&id);
            })
            .forget();
        })
    };
    let on_try = use_callback(dispatch.clone(), |which: usize, dispatch| {
        dispatch.dispatch(PageAction::TryRepair(which));
        Timeout::new(0, || browser::scroll_to_id("trial")).forget();
    });
    let on_original = use_callback(dispatch.clone(), |(), dispatch| {
        dispatch.dispatch(PageAction::Original);
        Timeout::new(0, || browser::scroll_to_id("findings")).forget();
    });

    // Keep the input for the next visit, a moment after the last change; 清空 forgets it
    // at once.
    {
        let timer = save_timer.clone();
        let dispatch = dispatch.clone();
        use_effect_with(state.input.clone(), move |input| {
            let input = input.clone();
            let empty = input.is_empty();
            let save = move || {
                dispatch.dispatch(PageAction::Single(Action::Stored(browser::save_input(
                    &input,
                ))))
            };
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
        let dragging = dragging.setter();
        let latest = latest.clone();
        let on_files = on_files.clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window()
                .map(|w| {
                    window_listeners(&w, dragging, on_files, dispatch, latest, on_link_reviews)
                })
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
        let first_cell = match &shown.selection {
            Some(Selection::Finding(_)) => shown.selected_cells().into_iter().next(),
            _ => None,
        };
        use_effect_with(shown.selection.clone(), move |selection| {
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

    let current = page.current_item();

    let result = match (&page.rule, &shown.report) {
        (Some(rule), _) => html! {
            <RulePage code={rule.code.clone()} on_back={on_rule_back.clone()} />
        },
        (None, Some(report)) => {
            let report = Shared::from(report);
            let selected = Rc::new(shown.selected_cells());
            let current = match &shown.selection {
                Some(Selection::Cell(path)) => Some(path.clone()),
                _ => None,
            };
            let (marks, caption) = marks::source_marks(&shown);
            let trial = page.trial.as_ref().map(|t| {
                html! {
                    <TrialBar which={t.which} changes={t.changes} on_original={on_original.clone()} />
                }
            });
            let repair = (has_repair(&report) && page.trial.is_none()).then(|| {
                html! {
                    <RepairView
                        report={report.clone()}
                        text={shown.text.clone()}
                        current={current.clone()}
                        on_select={on_select.clone()}
                        on_try={on_try.clone()}
                    />
                }
            });
            let source = match &state.origin {
                Origin::File { name, .. } if page.trial.is_none() => Some(name.clone()),
                _ => None,
            };
            html! {
                <>
                    { for trial }
                    <ReportTools
                        report={report.clone()}
                        text={shown.text.clone()}
                        {source}
                        reviews={shared_reviews.clone()}
                    />
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
                                    text={shown.text.clone()}
                                    {path}
                                    on_select={on_select.clone()}
                                />
                            }
                            <FindingsPanel
                                report={report.clone()}
                                selected={shown.selected_finding().map(|(i, _)| i)}
                                on_select={on_select.clone()}
                                on_explain={on_explain.clone()}
                                {repair}
                                reviews={shared_reviews.clone()}
                                on_review={on_review.clone()}
                            />
                            <SourceView text={shown.text.clone()} {marks} {caption} />
                        </aside>
                    </div>
                </>
            }
        }
        (None, None) => empty(&on_example),
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
                if let (true, Some(rule)) = (crate::BATCH && shows_list(&page.batch), &page.rule) {
                    <RulePage code={rule.code.clone()} on_back={on_rule_back.clone()} />
                } else if crate::BATCH && shows_list(&page.batch) {
                    <BatchView
                        batch={batch.clone()}
                        {on_batch}
                        on_open={on_open.clone()}
                        on_files={on_files.clone()}
                        {on_stop}
                        on_close={on_close.clone()}
                        on_explain={on_explain.clone()}
                        reviews={shared_reviews.clone()}
                    />
                } else {
                    if crate::BATCH && page.batch.is_open() {
                        <BatchBar
                            batch={batch.clone()}
                            {current}
                            {on_open}
                            {on_list}
                            {on_close}
                            on_explain={on_explain.clone()}
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

/// The page's decisions about findings, as a reducer (each change makes a new value, so the
/// components that show them redraw).
struct ReviewStore(SharedReviews);

enum ReviewAction {
    /// A finding's decision made or taken back.
    Set(String, Option<Decision>),
    /// The decisions a share link carries, added to those kept.
    Merge(Reviews),
}

impl Reducible for ReviewStore {
    type Action = ReviewAction;

    fn reduce(self: Rc<Self>, action: ReviewAction) -> Rc<Self> {
        let next = match action {
            ReviewAction::Set(fingerprint, review) => self.0.with(&fingerprint, review),
            ReviewAction::Merge(link) if link.is_empty() => return self,
            ReviewAction::Merge(link) => self.0.merged(&link),
        };
        Rc::new(ReviewStore(Shared::new(next)))
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
    latest: Rc<RefCell<AttrValue>>,
    on_link_reviews: Callback<Reviews>,
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
        let fragment = browser::fragment();
        match fragment.as_deref().map(share::decode) {
            Some(Fragment::Text(text)) => {
                if let Some(f) = fragment.as_deref() {
                    on_link_reviews.emit(share::reviews(f));
                }
                dispatch.dispatch(PageAction::Batch(BatchAction::Away));
                dispatch.dispatch(PageAction::Single(Action::Load {
                    text,
                    origin: Origin::Shared,
                }));
                browser::scroll_to_top();
            }
            Some(Fragment::Bad(why)) => {
                dispatch.dispatch(PageAction::Batch(BatchAction::Away));
                dispatch.dispatch(PageAction::Single(Action::Failed(Notice::new(
                    Tone::Error,
                    why,
                ))));
            }
            Some(Fragment::None) | None => {}
        }
    });
    let hide = EventListener::new(window, "pagehide", move |_| {
        let _ = browser::save_input(&latest.borrow());
    });
    vec![enter, over, leave, drop, hash, hide]
}
