//! The findings list: one item per finding, errors first, each with its severity, code and
//! the checker's own Chinese message.

use std::rc::Rc;

use gouji_core::{Finding, Report};
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct FindingsListProps {
    pub report: Rc<Report>,
}

impl PartialEq for FindingsListProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

#[function_component]
pub fn FindingsList(props: &FindingsListProps) -> Html {
    let mut findings: Vec<&Finding> = props.report.findings.iter().collect();
    // Errors first, then warnings, then information; the checker's order within each.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));

    html! {
        <section class="findings" aria-label="发现的问题">
            <h2 class="findings__title">{ "检查发现" }</h2>
            if findings.is_empty() {
                <p class="findings__none">{ "没有任何发现。" }</p>
            } else {
                <ol id="findings" class="findings__list">
                    { for findings.iter().enumerate().map(|(i, f)| item(i, f)) }
                </ol>
            }
        </section>
    }
}

fn item(index: usize, f: &Finding) -> Html {
    let severity = f.severity.id();
    html! {
        <li
            key={index}
            class={classes!("finding", format!("finding--{severity}"))}
            data-code={f.code}
            data-severity={severity}
            data-subject={f.subject.clone()}
        >
            <div class="finding__head">
                <span class="finding__severity">{ f.severity.name_zh() }</span>
                <code class="finding__code">{ f.code }</code>
                <code class="finding__subject">{ f.subject.clone() }</code>
            </div>
            <p class="finding__message">{ f.message.clone() }</p>
            if let Some(quote) = &f.quote {
                <blockquote class="finding__quote">{ quote.clone() }</blockquote>
            }
        </li>
    }
}
