//! The summary: the verdict, which template, year and agency the checker recognised, and how
//! many findings of each severity it has. Its `data-*` attributes carry the same facts for
//! tests and tools.

use gouji_core::{Report, Severity, Template};
use yew::prelude::*;

use crate::shared::Shared;

use crate::components::findings::severity_mark;

#[derive(Properties, Clone, PartialEq)]
pub struct SummaryProps {
    pub report: Shared<Report>,
}

#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let report = &*props.report;
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let infos = report.count(Severity::Info);

    let (verdict, tone, mark) = if errors > 0 {
        (format!("发现 {errors} 处错误"), "summary--error", "✕")
    } else if report.template == Template::Unknown {
        ("未识别出标准统计表".to_string(), "summary--unknown", "?")
    } else if warnings > 0 {
        (
            format!("未发现错误，有 {warnings} 处需要核实"),
            "summary--warning",
            "!",
        )
    } else {
        ("未发现错误或警告".to_string(), "summary--ok", "✓")
    };

    let year = report.year.map(|y| y.to_string()).unwrap_or_default();
    let agency = report.agency.clone().unwrap_or_default();
    let unknown = || html! { <span class="summary__unknown">{ "未识别" }</span> };

    html! {
        <div
            id="summary"
            class={classes!("summary", tone)}
            data-template={report.template.id()}
            data-year={year.clone()}
            data-agency={agency.clone()}
            data-errors={errors.to_string()}
            data-warnings={warnings.to_string()}
            data-infos={infos.to_string()}
        >
            <div class="summary__verdict">
                <span class="summary__mark" aria-hidden="true">{ mark }</span>
                <p class="summary__text">{ verdict }</p>
            </div>
            <dl class="summary__facts">
                <div class="summary__fact">
                    <dt>{ "机关" }</dt>
                    <dd>{ if agency.is_empty() { unknown() } else { html! { agency } } }</dd>
                </div>
                <div class="summary__fact">
                    <dt>{ "年度" }</dt>
                    <dd>{ if year.is_empty() { unknown() } else { html! { format!("{year}年") } } }</dd>
                </div>
                <div class="summary__fact">
                    <dt>{ "格式" }</dt>
                    <dd>{ report.template.name_zh() }</dd>
                </div>
            </dl>
            <ul class="summary__counts" aria-label="各级别问题数">
                { count(Severity::Error, errors) }
                { count(Severity::Warning, warnings) }
                { count(Severity::Info, infos) }
            </ul>
        </div>
    }
}

fn count(severity: Severity, n: usize) -> Html {
    html! {
        <li class={classes!("count", format!("count--{}", severity.id()), (n == 0).then_some("count--zero"))}>
            { severity_mark(severity) }
            <span class="count__name">{ severity.name_zh() }</span>
            <strong class="count__n">{ n }</strong>
        </li>
    }
}
