//! The six section headings, and the stretches of cells each table is read from.

use crate::ingest::Document;
use crate::span::Span;

/// A section heading found in the input.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionHit {
    /// 1 to 6.
    pub number: u8,
    /// Index of the heading's cell.
    pub cell: usize,
    pub span: Span,
    /// The heading's numeral was lost ("、主动公开政府信息情况").
    pub numeral_lost: bool,
}

pub const SECTION_NAMES: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];

/// Which section a normalised heading text names, if it is one.
fn section_of(body: &str) -> Option<u8> {
    let has = |s: &str| body.contains(s);
    if body == "总体情况" || body == "概述" || body == "总体概况" || body.starts_with("总体情况")
    {
        return Some(1);
    }
    if body.starts_with("主动公开政府信息") && body.len() <= 60 {
        return Some(2);
    }
    if (body.starts_with("收到和处理政府信息公开申请")
        || body.starts_with("收到和处理政府信息公开的申请"))
        && body.len() <= 75
    {
        return Some(3);
    }
    if has("行政复议") && has("行政诉讼") && body.ends_with("情况") && !has("本年") {
        return Some(4);
    }
    if has("存在的主要问题") || has("存在主要问题") {
        return Some(5);
    }
    if body.starts_with("其他需要报告的事项") || body.starts_with("其他需要报告事项")
    {
        return Some(6);
    }
    None
}

/// Read a heading: an optional Chinese numeral and separator, then a section name.
/// Returns the section, and whether the numeral is missing though a separator is there.
pub fn heading(norm: &str) -> Option<(u8, bool)> {
    if norm.chars().count() > 40 {
        return None;
    }
    let mut chars = norm.chars();
    let first = chars.next()?;
    let (numeral, rest) = if let Some(i) = NUMERALS.iter().position(|&n| n == first) {
        (Some(i as u8 + 1), chars.as_str())
    } else {
        (None, norm)
    };
    let (had_sep, rest) = match rest.strip_prefix(['、', '.', ',', ':']) {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let section = section_of(rest)?;
    match numeral {
        // "四、结转下年度继续办理" has a numeral but names no section: handled by section_of.
        Some(n) if had_sep => (n == section).then_some((section, false)),
        Some(_) => None,
        None => Some((section, had_sep)),
    }
    .filter(|_| numeral.is_some() || had_sep || is_bare_heading(rest))
}

/// A heading with neither numeral nor separator must be the name alone.
fn is_bare_heading(rest: &str) -> bool {
    SECTION_NAMES
        .iter()
        .any(|n| n.split_once('、').is_some_and(|(_, name)| name == rest))
}

/// Every section heading in the document, in input order.
pub fn find_sections(doc: &Document) -> Vec<SectionHit> {
    let mut out = Vec::new();
    for line in &doc.lines {
        // A heading is a line of its own (one cell, or a first cell followed by pipes).
        let Some(idx) = line.cells.clone().next() else {
            continue;
        };
        let cell = &doc.cells[idx];
        let rest_blank = doc.cells[line.cells.clone()]
            .iter()
            .skip(1)
            .all(|c| c.raw.is_empty());
        if !rest_blank {
            continue;
        }
        if let Some((number, numeral_lost)) = heading(&cell.norm) {
            out.push(SectionHit {
                number,
                cell: idx,
                span: cell.span,
                numeral_lost,
            });
        }
    }
    out
}

/// The text of a section after its heading, up to the next section's heading.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionBody {
    /// 5 or 6.
    pub number: u8,
    /// The heading's span.
    pub heading: Span,
    /// The body, normalised, white space removed, at most [`MAX_BODY`] characters.
    pub text: String,
}

/// Characters of a body kept: enough to tell an empty or one-line section.
pub const MAX_BODY: usize = 4000;

/// The bodies of sections 五 and 六 (the first heading of each).
pub fn bodies(text: &str, sections: &[SectionHit]) -> Vec<SectionBody> {
    let mut out = Vec::new();
    for number in [5u8, 6] {
        let Some(hit) = sections.iter().find(|s| s.number == number) else {
            continue;
        };
        let end = sections
            .iter()
            .filter(|s| s.span.start > hit.span.end)
            .map(|s| s.span.start)
            .min()
            .unwrap_or(text.len());
        let body = text.get(hit.span.end..end).unwrap_or("");
        let text: String = body
            .chars()
            .filter(|c| !c.is_whitespace())
            .filter_map(crate::ingest::norm::normalize_char)
            .take(MAX_BODY)
            .collect();
        out.push(SectionBody {
            number,
            heading: hit.span,
            text,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::norm::normalize;

    fn h(s: &str) -> Option<(u8, bool)> {
        heading(&normalize(s))
    }

    #[test]
    fn recognises_headings_and_their_variants() {
        assert_eq!(h("一、总体情况"), Some((1, false)));
        assert_eq!(h("二、主动公开政府信息情况"), Some((2, false)));
        assert_eq!(h("、主动公开政府信息情况"), Some((2, true)));
        assert_eq!(h("三、收到和处理政府信息公开申请情况"), Some((3, false)));
        assert_eq!(
            h("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
            Some((4, false))
        );
        assert_eq!(
            h("五、政府信息公开工作存在的主要问题及改进情况"),
            Some((5, false))
        );
        assert_eq!(h("六、其他需要报告的事项"), Some((6, false)));
    }

    #[test]
    fn rows_and_prose_are_not_headings() {
        assert_eq!(h("四、结转下年度继续办理"), None);
        assert_eq!(h("三、本年度办理结果"), None);
        assert_eq!(h("一、本年新收政府信息公开申请数量"), None);
        assert_eq!(h("主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况"), None);
    }
}
