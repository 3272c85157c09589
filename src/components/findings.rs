//! The findings, grouped by severity (errors, warnings, information), each with its code, the
//! checker's own Chinese message and the cells it involves. An item is a button: selecting it
//! highlights its cells in the tables and marks its place in the source view. A finding about
//! how the file was read is labelled 关于文件读取; a content finding read with less than full
//! certainty says 读取把握：较可靠 or 不确定 (the hover text says why); a fully certain one,
//! the common case, carries no label. Each finding can be marked 已核实, 不是问题 (with the
//! reason) or 已整改 ([`crate::review`]); the panel counts those still 待处理.

use gouji_core::{Certainty, Concern, Finding, Report, Severity};
use yew::prelude::*;

use crate::shared::Shared;

use crate::labels;
use crate::review::{self, Decision, ReviewState, SharedReviews};
use crate::state::Selection;

#[derive(Properties, Clone, PartialEq)]
pub struct FindingsPanelProps {
    pub report: Shared<Report>,
    /// The index of the selected finding.
    pub selected: Option<usize>,
    pub on_select: Callback<Option<Selection>>,
    /// Open the rule page of a code, from the finding at this index.
    pub on_explain: Callback<(AttrValue, Option<usize>)>,
    /// Repair suggestions, drawn under the findings once the core provides them.
    #[prop_or_default]
    pub repair: Option<Html>,
    /// The decisions about findings kept in this browser.
    #[prop_or_default]
    pub reviews: SharedReviews,
    /// A decision made or taken back: the finding's fingerprint and the decision.
    #[prop_or_default]
    pub on_review: Callback<(String, Option<Decision>)>,
}

/// The mark shown with each severity, so that colour is never the only sign.
pub fn glyph(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✕",
        Severity::Warning => "!",
        Severity::Info => "i",
    }
}

/// The severity mark: a glyph in a shape, hidden from screen readers (the name is read).
pub fn severity_mark(severity: Severity) -> Html {
    html! {
        <span class={classes!("sev", format!("sev--{}", severity.id()))} aria-hidden="true">
            { glyph(severity) }
        </span>
    }
}

/// The label that says what a finding concerns and how certain its reading is; nothing for a
/// content finding read with certainty.
pub fn reading_label(f: &Finding) -> Html {
    label(f.concerns, f.reading, f.reading_note)
}

fn label(concerns: Concern, reading: Option<Certainty>, note: Option<&'static str>) -> Html {
    let (class, text, title) = match (concerns, reading) {
        (Concern::Reading, _) => (
            "reading-label--reading",
            "关于文件读取".to_string(),
            Concern::Reading.note_zh(),
        ),
        (Concern::Content, Some(c @ (Certainty::Likely | Certainty::Uncertain))) => (
            if c == Certainty::Likely {
                "reading-label--likely"
            } else {
                "reading-label--uncertain"
            },
            format!("读取把握：{}", c.name_zh()),
            note.unwrap_or(c.note_zh()),
        ),
        _ => return html! {},
    };
    html! {
        <span class={classes!("reading-label", class)} {title}>{ text }</span>
    }
}

#[function_component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    let report = &*props.report;
    let views: Vec<ItemView> = report
        .findings
        .iter()
        .map(|f| ItemView::new(report, f))
        .collect();
    let counts = props
        .reviews
        .count(views.iter().map(|v| (v.severity, v.fingerprint.as_str())));
    let groups = [Severity::Error, Severity::Warning, Severity::Info].map(|s| {
        let items: Vec<(usize, &ItemView)> = views
            .iter()
            .enumerate()
            .filter(|(_, v)| v.severity == s)
            .collect();
        (s, items)
    });
    let item = |(index, view): &(usize, &ItemView)| {
        let decided = props.reviews.get(&view.fingerprint).cloned();
        html! {
            <FindingItem
                key={*index}
                index={*index}
                view={(*view).clone()}
                selected={props.selected == Some(*index)}
                {decided}
                on_select={props.on_select.clone()}
                on_explain={props.on_explain.clone()}
                on_review={props.on_review.clone()}
            />
        }
    };

    html! {
        <section class="panel findings" aria-labelledby="findings-title">
            <header class="panel__head">
                <h2 id="findings-title" class="panel__title">{ "检查发现" }</h2>
                <span class="panel__meta">
                    { format!("共 {} 条", report.findings.len()) }
                    if !report.findings.is_empty() {
                        <span
                            id="findings-pending"
                            class={classes!("findings__pending", (counts.pending == 0).then_some("is-done"))}
                            data-pending={counts.pending.to_string()}
                            data-reviewed={counts.reviewed().to_string()}
                            title="错误与警告中尚未标记为已核实、不是问题或已整改的条数；标记只保存在本机浏览器中"
                        >
                            { format!(" · 待处理 {}", counts.pending) }
                        </span>
                    }
                </span>
            </header>
            <div id="findings" class="findings__body">
                if report.findings.is_empty() {
                    <p class="findings__none">{ "没有发现问题：表格的勾稽关系都成立，正文与表格一致。" }</p>
                }
                { for groups.iter().filter(|(_, items)| !items.is_empty()).map(|(s, items)| html! {
                    <div class={classes!("findings__group", format!("findings__group--{}", s.id()))}>
                        <h3 class="findings__group-title">
                            { severity_mark(*s) }
                            { s.name_zh() }
                            <span class="findings__group-n">{ items.len() }</span>
                        </h3>
                        <ol class="findings__list">
                            { for items.iter().map(item) }
                        </ol>
                    </div>
                }) }
                if let Some(repair) = props.repair.clone() {
                    <section class="findings__repair" aria-label="最可能出错的单元格">{ repair }</section>
                }
            </div>
        </section>
    }
}

/// What a finding's item draws, compared by value: a keystroke that leaves a finding as it was
/// (most of them) leaves its item as it was, not drawn again. The finding's spans are not
/// here: they move with every character typed before them, and the item does not draw them.
#[derive(Clone, PartialEq)]
pub struct ItemView {
    code: &'static str,
    severity: Severity,
    subject: String,
    /// The subject as people name it (the path itself when it has no name).
    subject_name: String,
    message: String,
    quote: Option<String>,
    concerns: Concern,
    reading: Option<Certainty>,
    reading_note: Option<&'static str>,
    /// How many cells the finding involves, and the first ones named with their values.
    cells: usize,
    chips: Vec<(String, String)>,
    fingerprint: String,
}

impl ItemView {
    fn new(report: &Report, f: &Finding) -> ItemView {
        ItemView {
            code: f.code,
            severity: f.severity,
            subject: f.subject.clone(),
            subject_name: gouji_core::names::subject_name(&f.subject)
                .unwrap_or_else(|| f.subject.clone()),
            message: f.message.clone(),
            quote: f.quote.clone(),
            concerns: f.concerns,
            reading: f.reading,
            reading_note: f.reading_note,
            cells: f.cells.len(),
            chips: chips(report, f),
            fingerprint: review::fingerprint(report, f),
        }
    }
}

#[derive(Properties, Clone, PartialEq)]
struct FindingItemProps {
    /// The finding's index in the report.
    index: usize,
    view: ItemView,
    selected: bool,
    /// The decision about it kept in this browser.
    decided: Option<Decision>,
    on_select: Callback<Option<Selection>>,
    on_explain: Callback<(AttrValue, Option<usize>)>,
    on_review: Callback<(String, Option<Decision>)>,
}

#[function_component]
fn FindingItem(props: &FindingItemProps) -> Html {
    let FindingItemProps {
        index,
        view: f,
        selected,
        decided,
        ..
    } = props;
    let (index, selected) = (*index, *selected);
    let severity = f.severity.id();
    let next = if selected {
        None
    } else {
        Some(Selection::Finding(index))
    };
    let onclick = {
        let next = next.clone();
        props.on_select.reform(move |_: MouseEvent| next.clone())
    };
    let onkeydown = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " ") {
                e.prevent_default();
                on_select.emit(next.clone());
            }
        })
    };
    // The rule page: a button of its own inside the finding, so it neither selects nor
    // unselects the finding.
    let explain = {
        let on_explain = props.on_explain.clone();
        let code = AttrValue::from(f.code);
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            on_explain.emit((code.clone(), Some(index)));
        })
    };
    let stop_keys = Callback::from(|e: KeyboardEvent| e.stop_propagation());
    html! {
        <li
            id={format!("finding-{index}")}
            class={classes!(
                "finding",
                format!("finding--{severity}"),
                selected.then_some("is-selected"),
                decided.as_ref().map(|r| format!("finding--{}", r.mark.id())),
            )}
            data-review={decided.as_ref().map(|r| r.mark.id())}
            data-code={f.code}
            data-severity={severity}
            data-subject={f.subject.clone()}
            data-index={index.to_string()}
            data-concerns={f.concerns.id()}
            data-reading={f.reading.map(|c| c.id())}
            tabindex="0"
            role="button"
            aria-pressed={if selected { "true" } else { "false" }}
            {onclick}
            {onkeydown}
        >
            <div class="finding__head">
                { severity_mark(f.severity) }
                <span class="sr-only">{ f.severity.name_zh() }</span>
                <code class="finding__code">{ f.code }</code>
                <span class="finding__subject" title={f.subject.clone()}>{ f.subject_name.clone() }</span>
                { label(f.concerns, f.reading, f.reading_note) }
                <button
                    type="button"
                    class="finding__explain"
                    data-explain={f.code}
                    title={format!("{} 的规则说明：检查什么、依据、例子、怎么改", f.code)}
                    onclick={explain}
                    onkeydown={stop_keys}
                >
                    { "规则说明" }
                </button>
            </div>
            <p class="finding__message">{ f.message.clone() }</p>
            if let Some(quote) = &f.quote {
                <blockquote class="finding__quote">{ quote.clone() }</blockquote>
            }
            { cells(f) }
            { review_control(index, f.fingerprint.clone(), decided.clone(), &props.on_review) }
        </li>
    }
}

/// The finding's decision: a choice of 待处理 / 已核实 / 不是问题 / 已整改, and for 不是问题
/// the reason. Its own events neither select the finding nor reach the finding's keys.
fn review_control(
    index: usize,
    fingerprint: String,
    decided: Option<Decision>,
    on_review: &Callback<(String, Option<Decision>)>,
) -> Html {
    let id = format!("review-{index}");
    let mark = decided.as_ref().map(|r| r.mark);
    let reason = decided
        .as_ref()
        .map(|r| r.reason.clone())
        .unwrap_or_default();
    let on_mark = {
        let on_review = on_review.clone();
        let fingerprint = fingerprint.clone();
        let reason = reason.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            let review =
                ReviewState::from_id(&select.value()).map(|m| Decision::new(m, &reason, now()));
            on_review.emit((fingerprint.clone(), review));
        })
    };
    let on_reason = {
        let on_review = on_review.clone();
        let fingerprint = fingerprint.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let review = Decision::new(ReviewState::NotAProblem, &input.value(), now());
                on_review.emit((fingerprint.clone(), Some(review)));
            }
        })
    };
    let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
    let stop_keys = Callback::from(|e: KeyboardEvent| e.stop_propagation());
    let option = |m: Option<ReviewState>| {
        let (value, label) = m.map_or(("", "待处理"), |m| (m.id(), m.name_zh()));
        html! { <option {value} selected={m == mark}>{ label }</option> }
    };
    html! {
        <div class="review" onclick={stop} onkeydown={stop_keys}>
            <label class="review__label" for={id.clone()}>{ "审核" }</label>
            <select id={id} class="review__state" data-fingerprint={fingerprint} onchange={on_mark}>
                { option(None) }
                { for ReviewState::ALL.into_iter().map(|m| option(Some(m))) }
            </select>
            if mark == Some(ReviewState::NotAProblem) {
                <input
                    type="text"
                    class="review__reason"
                    aria-label="不是问题的理由"
                    placeholder="写明理由，例如：表下注明了口径"
                    maxlength={review::REASON_CHARS.to_string()}
                    value={reason}
                    onchange={on_reason}
                />
                if decided.as_ref().is_some_and(|r| r.reason.is_empty()) {
                    <span class="review__hint">{ "请写明理由" }</span>
                }
            }
        </div>
    }
}

/// Now, in milliseconds since 1970 (when a decision was made).
fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// How many cells are listed by name; more are counted, and the first three named.
const LISTED: usize = 6;

/// The cells a finding's item names: "第一项（本年新收）·自然人" and the value as written.
fn chips(report: &Report, f: &Finding) -> Vec<(String, String)> {
    let shown = if f.cells.len() > LISTED {
        3
    } else {
        f.cells.len()
    };
    f.cells
        .iter()
        .take(shown)
        .map(|path| {
            let name = labels::cell_name(report, path).map_or_else(|| path.clone(), |n| n.short());
            let value = match labels::cell(report, path).map(|(_, _, c)| c.raw.as_str()) {
                Some("") => "空白".to_string(),
                Some(raw) => raw.to_string(),
                None => "—".to_string(),
            };
            (name, value)
        })
        .collect()
}

/// "涉及：第一项（本年新收）·自然人 39、…": the cells a finding involves, named as the
/// report names them, with their values as written; many cells are counted, not listed.
fn cells(f: &ItemView) -> Html {
    if f.cells == 0 {
        return html! {};
    }
    let chips = f.chips.iter().map(|(name, value)| {
        html! {
            <li class="chip">
                <span class="chip__name">{ name.clone() }</span>
                <span class="chip__value">{ value.clone() }</span>
            </li>
        }
    });
    html! {
        <div class="finding__cells">
            <span class="finding__cells-label">
                { if f.cells > f.chips.len() { format!("涉及 {} 个单元格，如：", f.cells) } else { "涉及：".to_string() } }
            </span>
            <ul class="chips">{ for chips }</ul>
        </div>
    }
}
