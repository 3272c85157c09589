//! The source view: the text the report was checked from, with the selection's spans marked.
//! Spans are UTF-8 byte offsets on char boundaries; the view cuts the Rust string at them and
//! draws the pieces as text, so no offset is ever handed to a DOM API in another unit.
//!
//! The view draws nothing until something is selected, and for a very long text only the
//! stretch around the first mark, so the page stays light.

use gouji_core::Span;
use yew::prelude::*;

use crate::labels;

/// Texts up to this many bytes are drawn whole; longer ones around the first mark.
const WHOLE_LIMIT: usize = 256 * 1024;
/// How much text is drawn either side of the first mark in a long text.
const CONTEXT: usize = 16 * 1024;

/// A stretch to mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    /// A label rather than a value (drawn more quietly).
    pub label: bool,
}

#[derive(Properties, Clone, PartialEq)]
pub struct SourceViewProps {
    /// The text the report was checked from.
    pub text: AttrValue,
    pub marks: Vec<Mark>,
    /// What is marked, in a few words ("A303 的出处", "单元格的出处").
    #[prop_or_default]
    pub caption: AttrValue,
}

#[function_component]
pub fn SourceView(props: &SourceViewProps) -> Html {
    let text = props.text.as_str();
    let marks = clean(text, &props.marks);

    // The mark to show first: a value rather than a label or the sentence around a figure.
    let focus = marks
        .iter()
        .find(|m| {
            !m.label
                && !marks.iter().any(|o| {
                    o.span != m.span && m.span.start <= o.span.start && o.span.end <= m.span.end
                })
        })
        .or(marks.first());
    let body = match focus {
        None if props.marks.is_empty() => html! {
            <p class="source__hint">{ "点击右侧的问题或表格中的单元格，这里会标出它在原文中的位置。" }</p>
        },
        None => html! {
            <p class="source__hint">{ "所选内容在原文中没有对应的位置。" }</p>
        },
        Some(first) => {
            let (lo, hi) = window(text, first.span);
            let line = labels::line_of(text, first.span.start);
            let partial = lo > 0 || hi < text.len();
            html! {
                <>
                    <p class="source__where">
                        { format!("第 {line} 行") }
                        if marks.len() > 1 {
                            { format!(" · {} 处标记", marks.len()) }
                        }
                        if partial {
                            { " · 原文较长，只显示标记附近的内容" }
                        }
                    </p>
                    <div id="source-text" class="source__text" tabindex="0" aria-label="原文，标出了所选内容的位置">
                        { pieces(text, lo, hi, &marks) }
                    </div>
                </>
            }
        }
    };

    html! {
        <section id="source" class="panel source" aria-labelledby="source-title">
            <header class="panel__head">
                <h2 id="source-title" class="panel__title">{ "原文定位" }</h2>
                if !props.caption.is_empty() {
                    <span class="panel__meta">{ props.caption.clone() }</span>
                }
            </header>
            { body }
        </section>
    }
}

/// The marks that lie inside the text on char boundaries, in order, without duplicates.
fn clean(text: &str, marks: &[Mark]) -> Vec<Mark> {
    let mut ok: Vec<Mark> = marks
        .iter()
        .copied()
        .filter(|m| {
            m.span.start <= m.span.end
                && m.span.end <= text.len()
                && text.is_char_boundary(m.span.start)
                && text.is_char_boundary(m.span.end)
        })
        .collect();
    ok.sort_by_key(|m| (m.span.start, m.span.end, m.label));
    ok.dedup_by_key(|m| m.span);
    ok
}

/// The stretch of text to draw: all of it, or whole lines around `first` in a long text.
fn window(text: &str, first: Span) -> (usize, usize) {
    if text.len() <= WHOLE_LIMIT {
        return (0, text.len());
    }
    let mut lo = first.start.saturating_sub(CONTEXT);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (first.end + CONTEXT).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    // Whole lines: start after a line break, end at one.
    if lo > 0 {
        if let Some(nl) = text[lo..first.start].find('\n') {
            lo += nl + 1;
        }
    }
    if let Some(nl) = text[first.end..hi].rfind('\n') {
        hi = first.end + nl;
    }
    (lo, hi)
}

/// How a stretch of marked text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ink {
    /// A value the selection is about (a cell's number, a figure in a sentence).
    Strong,
    /// Around other marks: the sentence a figure stands in.
    Context,
    /// A row label.
    Label,
}

/// The text from `lo` to `hi` cut at every mark's ends: plain, or marked with the ink of the
/// innermost marks that cover it. A mark that holds other marks is drawn as their context, so
/// a figure stays visible inside its highlighted sentence. Empty marks (blank cells) are
/// drawn as a small box at their place.
fn segments(lo: usize, hi: usize, marks: &[Mark]) -> Vec<(usize, usize, Option<Ink>)> {
    let container: Vec<bool> = marks
        .iter()
        .map(|m| {
            marks.iter().any(|o| {
                o.span != m.span && m.span.start <= o.span.start && o.span.end <= m.span.end
            })
        })
        .collect();
    let mut cuts: Vec<usize> = vec![lo, hi];
    for m in marks {
        for at in [m.span.start, m.span.end] {
            if lo <= at && at <= hi {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() * 2);
    for (i, &a) in cuts.iter().enumerate() {
        for m in marks
            .iter()
            .filter(|m| m.span.start == a && m.span.end == a)
        {
            let ink = if m.label { Ink::Label } else { Ink::Strong };
            out.push((a, a, Some(ink)));
        }
        let Some(&b) = cuts.get(i + 1) else { break };
        let covering = marks
            .iter()
            .zip(&container)
            .filter(|(m, _)| m.span.start <= a && b <= m.span.end && m.span.start < m.span.end);
        let mut ink = None;
        for (m, &holds) in covering {
            let this = match (m.label, holds) {
                (true, _) => Ink::Label,
                (false, true) => Ink::Context,
                (false, false) => Ink::Strong,
            };
            ink = Some(match (ink, this) {
                (Some(Ink::Strong), _) | (_, Ink::Strong) => Ink::Strong,
                (Some(Ink::Context), _) | (_, Ink::Context) => Ink::Context,
                _ => Ink::Label,
            });
        }
        out.push((a, b, ink));
    }
    out
}

/// The text from `lo` to `hi` as plain pieces and marks.
fn pieces(text: &str, lo: usize, hi: usize, marks: &[Mark]) -> Html {
    segments(lo, hi, marks)
        .into_iter()
        .filter_map(|(a, b, ink)| {
            let piece = text.get(a..b)?;
            Some(match ink {
                None if piece.is_empty() => return None,
                None => html! { { piece.to_string() } },
                Some(ink) if a == b => {
                    let class = classes!(
                        "mark",
                        "mark--empty",
                        (ink == Ink::Label).then_some("mark--label")
                    );
                    html! { <mark {class} title="空白单元格的位置"></mark> }
                }
                Some(ink) => {
                    let class = classes!(
                        "mark",
                        match ink {
                            Ink::Strong => None,
                            Ink::Context => Some("mark--context"),
                            Ink::Label => Some("mark--label"),
                        }
                    );
                    html! { <mark {class}>{ piece.to_string() }</mark> }
                }
            })
        })
        .collect::<Html>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize) -> Mark {
        Mark {
            span: Span::new(start, end),
            label: false,
        }
    }

    #[test]
    fn marks_outside_the_text_or_off_char_boundaries_are_dropped() {
        let text = "总计 39";
        let marks = clean(
            text,
            &[m(0, 3), m(1, 2), m(8, 10), m(20, 30), m(5, 4), m(0, 3)],
        );
        assert_eq!(marks, vec![m(0, 3)]);
        assert_eq!(clean(text, &[m(7, 9)]), vec![m(7, 9)]);
    }

    #[test]
    fn a_figure_inside_its_marked_sentence_stays_strong() {
        // "占6%" inside the sentence: the sentence is context, the figure strong.
        let marks = [m(0, 20), m(5, 6), m(10, 10)];
        let segs = segments(0, 30, &marks);
        assert_eq!(
            segs,
            vec![
                (0, 5, Some(Ink::Context)),
                (5, 6, Some(Ink::Strong)),
                (6, 10, Some(Ink::Context)),
                (10, 10, Some(Ink::Strong)),
                (10, 20, Some(Ink::Context)),
                (20, 30, None),
            ]
        );
    }

    #[test]
    fn separate_marks_stay_separate_and_labels_stay_quiet() {
        let label = Mark {
            span: Span::new(0, 4),
            label: true,
        };
        let segs = segments(0, 12, &[label, m(6, 8), m(8, 10)]);
        assert_eq!(
            segs,
            vec![
                (0, 4, Some(Ink::Label)),
                (4, 6, None),
                (6, 8, Some(Ink::Strong)),
                (8, 10, Some(Ink::Strong)),
                (10, 12, None),
            ]
        );
    }

    #[test]
    fn a_long_text_is_cut_at_line_breaks_around_the_mark() {
        let line = "一行文字，没有数字。\n";
        let text = line.repeat(WHOLE_LIMIT / line.len() * 3);
        let at = text.len() / 2;
        let at = (at..).find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let (lo, hi) = window(&text, Span::new(at, at));
        assert!(lo < at && at <= hi);
        assert!(hi - lo <= 2 * CONTEXT + 8);
        assert!(lo == 0 || text[..lo].ends_with('\n'));
        assert!(hi == text.len() || text[hi..].starts_with('\n'));
    }
}
