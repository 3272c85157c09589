//! When the report was published, from the strongest source the input has:
//!
//! 1. the page's metadata (`<meta name="PubDate" content="2025-01-20 09:30">`, which the
//!    reader keeps in [`InputFacts::page_date`]);
//! 2. a 发布时间 / 发布日期 / 时间 / 日期 line of the page, above the report's first section
//!    ("来源：某局 时间：2025-01-20 09:30", "发布时间:2021-01-12 18:00:00 字体大小:");
//! 3. a PDF's or .docx's creation date ([`InputFacts::created`]): weaker, the file may have
//!    been made before or long after the report was put online;
//! 4. the report's own 落款 date: a line after its last section that is a date alone, below
//!    the agency's name, or the name and the date on one line ("2025年1月15日",
//!    "二〇二五年一月十五日"): the weakest, it says when the report was signed, not published.
//!
//! A date must be one of the calendar, and after the statistics year: a date on or before
//! 31 December of the year the report covers cannot be the day it was published (a page's
//! template date, a stale copy), and is passed over.

use serde::Serialize;

use crate::ingest::dates::{find_any, find_written, parse_numeric, Date};
use crate::ingest::norm::ascii_digit;
use crate::ingest::{DeclaredDate, InputFacts};
use crate::span::Span;

use super::sections::SectionHit;

/// Where a publication date was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The page's metadata (`<meta name="PubDate">` and the like).
    PageMeta,
    /// A 发布时间 / 发布日期 / 时间： line of the page.
    PageLine,
    /// The PDF's or .docx's creation date.
    FileCreated,
    /// The report's 落款 date.
    Signature,
}

impl DateSource {
    pub fn id(self) -> &'static str {
        match self {
            DateSource::PageMeta => "page_meta",
            DateSource::PageLine => "page_line",
            DateSource::FileCreated => "file_created",
            DateSource::Signature => "signature",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            DateSource::PageMeta => "网页元数据",
            DateSource::PageLine => "网页发布时间",
            DateSource::FileCreated => "文件创建日期",
            DateSource::Signature => "落款日期",
        }
    }

    /// A weak source: a file's creation date or the date the report was signed, not the day
    /// it was put online.
    pub fn is_weak(self) -> bool {
        matches!(self, DateSource::FileCreated | DateSource::Signature)
    }
}

/// The report's publication date, where it was read, and the words it was read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Published {
    pub date: Date,
    pub source: DateSource,
    pub quote: String,
    /// Where in the text the date's line is (a page line or a 落款; the metadata and a file's
    /// creation date are not in the text).
    #[serde(skip)]
    pub span: Option<Span>,
}

/// Lines of a page's 发布时间 bar are short; a longer line is prose.
const MAX_BAR_LINE: usize = 120;

/// Read the publication date. `year`: the statistics year, when known.
pub fn read(
    text: &str,
    input: &InputFacts,
    sections: &[SectionHit],
    year: Option<i32>,
) -> Option<Published> {
    let after_year = |d: &Date| year.is_none_or(|y| d.year > y);
    let declared = |decl: &Option<Box<DeclaredDate>>, source: DateSource| {
        let decl = decl.as_ref()?;
        let date = parse_numeric(&decl.value).filter(after_year)?;
        let quote = match source {
            DateSource::PageMeta => {
                format!("<meta name=\"{}\" content=\"{}\">", decl.key, decl.value)
            }
            _ => format!("{}: {}", decl.key, decl.value),
        };
        Some(Published {
            date,
            source,
            quote,
            span: None,
        })
    };
    let first_section = sections
        .iter()
        .map(|s| s.span.start)
        .min()
        .unwrap_or(text.len().min(8000));
    declared(&input.page_date, DateSource::PageMeta)
        .or_else(|| page_line(text, first_section, &after_year))
        .or_else(|| declared(&input.created, DateSource::FileCreated))
        .or_else(|| signature(text, sections, &after_year))
}

/// The lines of `text` from byte `from` to byte `to`, each with its start.
fn lines(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, &str)> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let to = floor(to);
    let from = floor(from).min(to);
    let mut at = from;
    text.get(from..to)
        .unwrap_or("")
        .split('\n')
        .map(move |line| {
            let start = at;
            at += line.len() + 1;
            (start, line)
        })
}

/// The keys of a page's date line, the longer first.
const LINE_KEYS: &[&str] = &["发布时间", "发布日期", "时间", "日期"];

/// A 发布时间 line above the first section: a key, a colon (or a space), then a date.
fn page_line(text: &str, to: usize, after_year: &dyn Fn(&Date) -> bool) -> Option<Published> {
    for (start, line) in lines(text, 0, to) {
        if line.len() > MAX_BAR_LINE * 3 || line.chars().count() > MAX_BAR_LINE {
            continue;
        }
        for key in LINE_KEYS {
            for (at, _) in line.match_indices(key) {
                let before = line[..at].chars().next_back();
                // 时间 and 日期 stand alone ("来源：某局 时间：…"), not inside a word (办公时间,
                // 成文日期, 更新时间).
                let alone = key.starts_with('发')
                    || before.is_none_or(|c| c.is_whitespace() || "|｜】]）)>".contains(c));
                if !alone {
                    continue;
                }
                let rest = &line[at + key.len()..];
                let rest = rest.trim_start_matches(|c: char| c.is_whitespace());
                let Some(rest) = rest
                    .strip_prefix(['：', ':'])
                    .map(|r| r.trim_start())
                    .or_else(|| (rest.len() < line.len() - at - key.len()).then_some(rest))
                else {
                    continue;
                };
                if rest.chars().next().is_none_or(|c| ascii_digit(c).is_none()) {
                    continue;
                }
                let Some((date, _, _)) = find_any(rest).filter(|(_, a, _)| *a == 0) else {
                    continue;
                };
                if !after_year(&date) {
                    continue;
                }
                let quote = line[at..].trim();
                let quote: String = quote.chars().take(40).collect();
                return Some(Published {
                    date,
                    source: DateSource::PageLine,
                    quote: quote.trim_end().to_string(),
                    span: Some(Span::new(start, start + line.len())),
                });
            }
        }
    }
    None
}

/// Characters a 落款 line is padded with.
fn pad(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

/// The words an agency's name (as signed under a report) ends with.
const ORGAN_ENDS: &[&str] = &[
    "政府",
    "局",
    "委员会",
    "委",
    "办公室",
    "办",
    "中心",
    "厅",
    "署",
    "院",
    "处",
    "部",
    "站",
    "所",
    "队",
    "馆",
    "会",
    "小组",
    "办事处",
];

/// A line that is an agency's name: short, no sentence punctuation, an organ's ending.
fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    (2..=40).contains(&n)
        && !s.contains(['。', '，', '；', '：', ',', ';', ':', '、'])
        && ORGAN_ENDS.iter().any(|e| s.ends_with(e))
}

/// The 落款 date: after the last section heading, the first line that is a written date
/// alone under a name line, or a name and a date.
fn signature(
    text: &str,
    sections: &[SectionHit],
    after_year: &dyn Fn(&Date) -> bool,
) -> Option<Published> {
    let last = sections.iter().map(|s| s.span.end).max()?;
    let mut name_above = false;
    let mut since_name = 0;
    for (start, line) in lines(text, last, text.len()) {
        let trimmed = line.trim_matches(pad);
        if trimmed.is_empty() {
            continue;
        }
        let dated =
            find_written(trimmed).filter(|(_, _, b)| trimmed[*b..].trim_matches(pad).is_empty());
        if let Some((date, a, _)) = dated {
            let beside = trimmed[..a].trim_matches(pad);
            let signed = if beside.is_empty() {
                name_above && since_name <= 1
            } else {
                is_name(beside)
            };
            if signed && after_year(&date) {
                let offset = line.find(trimmed).unwrap_or(0);
                return Some(Published {
                    date,
                    source: DateSource::Signature,
                    quote: trimmed.chars().filter(|c| !pad(*c)).collect(),
                    span: Some(Span::new(start + offset, start + offset + trimmed.len())),
                });
            }
        }
        if is_name(trimmed) {
            name_above = true;
            since_name = 0;
        } else {
            since_name += 1;
            if since_name > 1 {
                name_above = false;
            }
        }
    }
    None
}

#[cfg(test)]
// A test fails by panicking.
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn sections_at(text: &str, heading: &str) -> Vec<SectionHit> {
        let at = text.find(heading).expect("heading");
        vec![SectionHit {
            number: 6,
            cell: 0,
            span: Span::new(at, at + heading.len()),
            numeral_lost: false,
        }]
    }

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).expect("a date")
    }

    #[test]
    fn a_date_line_above_the_report() {
        let text =
            "某局2024年报告\n来源：某局 时间：2025-01-20 09:30\n六、其他需要报告的事项\n无。";
        let s = sections_at(text, "六、");
        let p = read(text, &InputFacts::default(), &s, Some(2024)).expect("a date");
        assert_eq!(
            (p.date, p.source),
            (date(2025, 1, 20), DateSource::PageLine)
        );
        assert_eq!(p.quote, "时间：2025-01-20 09:30");
        let span = p.span.expect("span");
        assert_eq!(
            &text[span.start..span.end],
            "来源：某局 时间：2025-01-20 09:30"
        );
        // The first 8000 bytes without headings, wherever a character ends.
        let long = format!(
            "{}\n时间：2025-01-20\n{}",
            "页".repeat(1000),
            "字".repeat(3000)
        );
        let p = read(&long, &InputFacts::default(), &[], Some(2024));
        assert_eq!(p.map(|p| p.date), Some(date(2025, 1, 20)));
        // Inside a word, 时间 is no key; a date of the statistics year is no publication date.
        for line in [
            "办公时间：2025-01-20",
            "时间：2024-12-31",
            "时间：2025-02-30",
        ] {
            let text = format!("{line}\n六、其他需要报告的事项\n无。");
            let s = sections_at(&text, "六、");
            assert_eq!(
                read(&text, &InputFacts::default(), &s, Some(2024)),
                None,
                "{line}"
            );
        }
    }

    #[test]
    fn metadata_first_then_the_line_then_the_file_then_the_signature() {
        let text = "发布时间:2025-01-21\n六、其他需要报告的事项\n无。\n某县教育局\n2025年1月15日";
        let s = sections_at(text, "六、");
        let meta = InputFacts {
            page_date: Some(Box::new(DeclaredDate {
                key: "PubDate".into(),
                value: "2025-01-22 10:00".into(),
            })),
            created: Some(Box::new(DeclaredDate {
                key: "CreationDate".into(),
                value: "D:20250123000000+08'00'".into(),
            })),
            ..InputFacts::default()
        };
        let p = read(text, &meta, &s, Some(2024)).expect("meta");
        assert_eq!(
            (p.date, p.source),
            (date(2025, 1, 22), DateSource::PageMeta)
        );
        assert_eq!(
            p.quote,
            "<meta name=\"PubDate\" content=\"2025-01-22 10:00\">"
        );
        let p = read(text, &InputFacts::default(), &s, Some(2024)).expect("line");
        assert_eq!(p.source, DateSource::PageLine);
        let no_line = text.replacen("发布时间:2025-01-21\n", "", 1);
        let s2 = sections_at(&no_line, "六、");
        let created = InputFacts {
            created: meta.created.clone(),
            ..InputFacts::default()
        };
        let p = read(&no_line, &created, &s2, Some(2024)).expect("file");
        assert_eq!(
            (p.date, p.source),
            (date(2025, 1, 23), DateSource::FileCreated)
        );
        let p = read(&no_line, &InputFacts::default(), &s2, Some(2024)).expect("signature");
        assert_eq!(
            (p.date, p.source),
            (date(2025, 1, 15), DateSource::Signature)
        );
        assert_eq!(p.quote, "2025年1月15日");
    }

    #[test]
    fn signatures_as_written() {
        let read_sig = |text: &str| {
            let s = sections_at(text, "六、");
            read(text, &InputFacts::default(), &s, Some(2024)).map(|p| p.date)
        };
        let tail = "六、其他需要报告的事项\n本年度未收取费用。\n";
        assert_eq!(
            read_sig(&format!("{tail}\n某市教育局\n\n二〇二五年一月十五日\n")),
            Some(date(2025, 1, 15))
        );
        assert_eq!(
            read_sig(&format!("{tail}某市教育局　　2025年1月15日\n")),
            Some(date(2025, 1, 15))
        );
        // A date in a sentence, a date without a name, an impossible date: no 落款.
        assert_eq!(
            read_sig(&format!("{tail}截至2025年1月15日，共办结。\n")),
            None
        );
        assert_eq!(read_sig(&format!("{tail}\n2025年1月15日\n")), None);
        assert_eq!(
            read_sig(&format!("{tail}某市教育局\n2025年2月30日\n")),
            None
        );
        assert_eq!(
            read_sig(&format!("{tail}某市教育局\n2024年12月30日\n")),
            None
        );
    }
}
