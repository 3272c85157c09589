//! The findings, grouped by severity (errors, warnings, information), each with its code, the
//! checker's own Chinese message and the cells it involves. An item is a button: selecting it
//! highlights its cells in the tables and marks its place in the source view. A finding about
//! how the file was read is labelled 关于文件读取; a content finding read with less than full
//! certainty says 读取把握：较可靠 or 不确定 (the hover text says why); a fully certain one,
//! the common case, carries no label.

use gouji_core::{Certainty, Concern, Finding, Report, Severity};
use yew::prelude::*;

use crate::shared::Shared;

use crate::labels;
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
    let (class, text, title) = match (f.concerns, f.reading) {
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
            f.reading_note.unwrap_or(c.note_zh()),
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
    let groups = [Severity::Error, Severity::Warning, Severity::Info].map(|s| {
        let items: Vec<(usize, &Finding)> = report
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.severity == s)
            .collect();
        (s, items)
    });

    html! {
        <section class="panel findings" aria-labelledby="findings-title">
            <header class="panel__head">
                <h2 id="findings-title" class="panel__title">{ "检查发现" }</h2>
                <span class="panel__meta">{ format!("共 {} 条", report.findings.len()) }</span>
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
                            { for items.iter().map(|(i, f)| item(report, *i, f, props)) }
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

fn item(report: &Report, index: usize, f: &Finding, props: &FindingsPanelProps) -> Html {
    let severity = f.severity.id();
    let selected = props.selected == Some(index);
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
    let subject = gouji_core::names::subject_name(&f.subject).unwrap_or_else(|| f.subject.clone());
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
            key={index}
            id={format!("finding-{index}")}
            class={classes!("finding", format!("finding--{severity}"), selected.then_some("is-selected"))}
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
                <span class="finding__subject" title={f.subject.clone()}>{ subject }</span>
                { reading_label(f) }
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
            { cells(report, f) }
        </li>
    }
}

/// "涉及：第一项（本年新收）·自然人 39、…": the cells a finding involves, named as the
/// report names them, with their values as written; many cells are counted, not listed.
fn cells(report: &Report, f: &Finding) -> Html {
    const LISTED: usize = 6;
    if f.cells.is_empty() {
        return html! {};
    }
    let shown = if f.cells.len() > LISTED {
        3
    } else {
        f.cells.len()
    };
    let chips = f.cells.iter().take(shown).map(|path| {
        let name = labels::cell_name(report, path).map_or_else(|| path.clone(), |n| n.short());
        let raw = labels::cell(report, path).map(|(_, _, c)| c.raw.clone());
        html! {
            <li class="chip">
                <span class="chip__name">{ name }</span>
                <span class="chip__value">
                    { match raw.as_deref() {
                        Some("") => "空白".to_string(),
                        Some(raw) => raw.to_string(),
                        None => "—".to_string(),
                    } }
                </span>
            </li>
        }
    });
    html! {
        <div class="finding__cells">
            <span class="finding__cells-label">
                { if f.cells.len() > shown { format!("涉及 {} 个单元格，如：", f.cells.len()) } else { "涉及：".to_string() } }
            </span>
            <ul class="chips">{ for chips }</ul>
        </div>
    }
}
