//! The report's own prose: the text outside the tables, by the six sections, without the
//! sentences the official format makes every report write.
//!
//! 内容雷同 (Y803, Y804, [`crate::similarity`]) compares what a report says in its own words
//! with another report. Section headings, the tables and their headings, and the boilerplate
//! of [`BOILERPLATE`] (the 《条例》 opening, the statistics period, where to read the report,
//! whom to ask) would make every pair of reports look alike, so they are left out here; what
//! is kept is a compact copy (at most [`MAX_CHARS`] characters), since a report does not keep
//! its text.

use serde::{Deserialize, Serialize};

use super::sections::SectionHit;
use crate::ingest::norm::normalize_char;
use crate::ingest::Document;
use crate::span::Span;

/// Characters of prose kept for a report: more than any real report's narrative.
pub const MAX_CHARS: usize = 40_000;

/// The prose of a report, by section (1–6, in section order; a section without prose is
/// absent). Text before the first heading (the title and the opening) is not kept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prose {
    pub sections: Vec<ProseSection>,
}

/// One section's prose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProseSection {
    /// 1 to 6.
    pub number: u8,
    /// The sentences as written, white space removed, boilerplate left out.
    pub sentences: Vec<String>,
}

impl Prose {
    /// The section's sentences joined, as the side-by-side view shows them.
    pub fn section_text(&self, number: u8) -> String {
        self.sections
            .iter()
            .filter(|s| s.number == number)
            .flat_map(|s| s.sentences.iter())
            .map(String::as_str)
            .collect()
    }
}

/// A sentence the official format makes everyone write. A sentence is boilerplate when, after
/// normalisation (full width → half width, traditional → simplified, no white space), it has
/// one word of every group and is at most `max_chars` long (a long sentence says more than
/// the boilerplate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Boilerplate {
    /// What it is, in English.
    pub what: &'static str,
    pub groups: &'static [&'static [&'static str]],
    pub max_chars: usize,
    /// A sentence it takes, as real reports write it (tested).
    pub example: &'static str,
}

/// The boilerplate, as data.
pub const BOILERPLATE: &[Boilerplate] = &[
    Boilerplate {
        what: "the opening: the report is made under the 条例",
        groups: &[
            &["根据", "依据", "按照", "依照"],
            &["政府信息公开条例", "条例"],
            &["编制", "编写", "制作", "发布", "公布", "本报告"],
        ],
        max_chars: 160,
        example: "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制。",
    },
    Boilerplate {
        what: "what the report consists of",
        groups: &[
            &["本报告由", "报告包括", "报告内容包括", "全文包括", "全文由"],
            &["总体情况"],
        ],
        max_chars: 200,
        example: "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。",
    },
    Boilerplate {
        what: "the statistics period",
        groups: &[&["统计期限", "统计时限", "统计期间"]],
        max_chars: 80,
        example: "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
    },
    Boilerplate {
        what: "where the report can be read",
        groups: &[
            &["电子版", "网址", "网站"],
            &["下载", "查阅", "查询", "登录", "浏览"],
        ],
        max_chars: 120,
        example: "本报告的电子版可在平潭综合实验区管委会门户网站（www.pingtan.gov.cn）查阅或下载。",
    },
    Boilerplate {
        what: "whom to ask about the report",
        groups: &[&["如对本报告", "对本报告有", "如有疑问", "任何疑问"]],
        max_chars: 200,
        example: "如对本报告有任何疑问，请与平潭综合实验区交通与建设局联系（地址：平潭综合实验区某路1号；邮编：350400；电话：0591-12345678）。",
    },
    Boilerplate {
        what: "contact details",
        groups: &[&[
            "联系电话", "联系方式", "联系人", "邮编", "邮政编码", "传真", "电子邮箱", "联系地址",
        ]],
        max_chars: 80,
        example: "联系电话：0591-86161234，邮编：350400。",
    },
    Boilerplate {
        what: "the note of the applications table",
        groups: &[&["勾稽关系"]],
        max_chars: 100,
        example: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    },
    Boilerplate {
        what: "a table's heading",
        groups: &[&["第二十条第", "信息内容", "单位:"]],
        max_chars: 24,
        example: "第二十条第（一）项",
    },
    Boilerplate {
        what: "the report's title",
        groups: &[&["政府信息公开工作年度报告", "政府信息公开年度报告"]],
        max_chars: 60,
        example: "平潭综合实验区交通与建设局2023年政府信息公开工作年度报告",
    },
    Boilerplate {
        what: "section 六 with nothing to report",
        groups: &[&["无其他需要报告", "没有其他需要报告", "无需要报告的其他事项"]],
        max_chars: 40,
        example: "本机关无其他需要报告的事项。",
    },
    Boilerplate {
        what: "section 六's statement on processing fees (the format asks for it)",
        groups: &[&["信息处理费", "处理费"], &["未", "没有", "无", "不"]],
        max_chars: 120,
        example: "本年度未收取信息处理费。",
    },
    Boilerplate {
        what: "the date under the signature",
        groups: &[&["年"], &["月"], &["日"]],
        max_chars: 12,
        example: "2024年1月15日",
    },
];

/// The boilerplate a sentence (as written) is, if it is one.
pub fn boilerplate(sentence: &str) -> Option<&'static Boilerplate> {
    let norm: String = sentence.chars().filter_map(normalize_char).collect();
    let len = norm.chars().count();
    BOILERPLATE.iter().find(|b| {
        len <= b.max_chars
            && b.groups
                .iter()
                .all(|g| g.iter().any(|word| norm.contains(word)))
    })
}

/// Read the prose of a document: the lines that are not table rows, not inside `excluded`
/// (the tables), not section headings and not page numbers, cut into sentences.
pub fn read(text: &str, doc: &Document, excluded: &[Span], sections: &[SectionHit]) -> Prose {
    let mut headings: Vec<(usize, u8)> = sections
        .iter()
        .filter_map(|s| doc.cells.get(s.cell).map(|c| (c.line, s.number)))
        .collect();
    headings.sort_unstable();
    let mut out = Prose::default();
    let mut kept = 0;
    let mut cur = String::new();
    let mut section: Option<u8> = None;
    let last_heading = headings.last().map(|h| h.0);
    // Short lines without punctuation after the last heading, held back: three in a row are
    // the end of the report (the signature, then a page's links and footer).
    let mut held: Vec<&str> = Vec::new();
    for (li, line) in doc.lines.iter().enumerate() {
        if let Ok(i) = headings.binary_search_by_key(&li, |h| h.0) {
            flush(&mut cur, section, &mut out, &mut kept);
            section = headings.get(i).map(|h| h.1);
            continue;
        }
        let raw = text.get(line.span.start..line.span.end).unwrap_or("");
        let skip = line.page_number
            || raw.trim().is_empty()
            || super::narrative::tableish(raw, doc.line_cells(li))
            || excluded
                .iter()
                .any(|e| line.span.start < e.end && e.start < line.span.end);
        if skip || section.is_none() {
            flush(&mut cur, section, &mut out, &mut kept);
            continue;
        }
        let bare = raw.trim().chars().count() <= 30
            && !raw.contains(['。', '，', ',', '；', ';', '：', ':', '！', '？']);
        if bare && last_heading.is_some_and(|h| li > h) {
            held.push(raw);
            if held.len() >= 3 {
                break;
            }
            continue;
        }
        for held_line in held.drain(..) {
            flush(&mut cur, section, &mut out, &mut kept);
            cur.extend(held_line.chars().filter(|c| !c.is_whitespace()));
            flush(&mut cur, section, &mut out, &mut kept);
        }
        for ch in raw.chars().filter(|c| !c.is_whitespace()) {
            cur.push(ch);
            if matches!(ch, '。' | '！' | '？' | '!' | '?' | '；' | ';') {
                flush(&mut cur, section, &mut out, &mut kept);
            }
        }
        // A line ends a sentence when it ends a clause or is a heading of its own; otherwise
        // the next line goes on with it (PDF text wraps inside sentences).
        let short = raw.trim().chars().count() <= 30 && !raw.contains(['。', '，', ',']);
        if short || raw.trim_end().ends_with([':', '：']) {
            flush(&mut cur, section, &mut out, &mut kept);
        }
    }
    flush(&mut cur, section, &mut out, &mut kept);
    if held.len() < 3 {
        for held_line in held {
            cur.extend(held_line.chars().filter(|c| !c.is_whitespace()));
            flush(&mut cur, section, &mut out, &mut kept);
        }
    }
    out
}

/// End the sentence being read: keep it in its section unless it is boilerplate or the cap
/// is reached.
fn flush(cur: &mut String, section: Option<u8>, out: &mut Prose, kept: &mut usize) {
    let sentence = std::mem::take(cur);
    let Some(number) = section else { return };
    let len = sentence.chars().count();
    if len == 0 || *kept + len > MAX_CHARS || boilerplate(&sentence).is_some() {
        return;
    }
    *kept += len;
    match out.sections.last_mut() {
        Some(s) if s.number == number => s.sentences.push(sentence),
        _ => out.sections.push(ProseSection {
            number,
            sentences: vec![sentence],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_boilerplate_entry_takes_its_example() {
        for b in BOILERPLATE {
            assert_eq!(
                boilerplate(b.example).map(|f| f.what),
                Some(b.what),
                "{}",
                b.what
            );
        }
    }

    #[test]
    fn sentences_of_the_report_own_are_not_boilerplate() {
        for s in [
            "按照《条例》规定，我局及时受理并答复依申请公开事项，全年未发生行政复议。",
            "我局在门户网站开设政务公开专栏，全年主动公开政府信息352条。",
            "2023年，我局坚持以公开为常态、不公开为例外，扎实推进政务公开工作。",
            "一是加强组织领导，二是完善制度建设，三是强化监督检查。",
        ] {
            assert_eq!(boilerplate(s).map(|b| b.what), None, "{s}");
        }
    }

    fn prose(text: &str) -> Prose {
        let doc = Document::from_text(text);
        let sections = super::super::sections::find_sections(&doc);
        read(text, &doc, &[], &sections)
    }

    #[test]
    fn prose_by_section_without_headings_tables_or_boilerplate() {
        let p = prose(
            "某局2023年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2023年，我局扎实推进\n政务公开工作。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n二、主动公开政府信息情况\n规章 | 1 | 0 | 5 |\n五、存在的主要问题及改进情况\n一是公开不够及时；二是解读不够深入。\n",
        );
        assert_eq!(
            p.sections,
            [
                ProseSection {
                    number: 1,
                    sentences: vec!["2023年，我局扎实推进政务公开工作。".into()],
                },
                ProseSection {
                    number: 5,
                    sentences: vec!["一是公开不够及时；".into(), "二是解读不够深入。".into()],
                },
            ]
        );
        assert_eq!(p.section_text(5), "一是公开不够及时；二是解读不够深入。");
    }

    #[test]
    fn the_report_ends_before_a_page_footer() {
        let p = prose(
            "六、其他需要报告的事项
（一）人大建议办理
本年度办理人大建议3件。
某某局
附件下载
友情链接
人民网
版权所有：某某网站
",
        );
        assert_eq!(
            p.section_text(6),
            "（一）人大建议办理本年度办理人大建议3件。"
        );
        let p = prose(
            "六、其他需要报告的事项
本年度办理人大建议3件。
某某局
",
        );
        assert_eq!(p.section_text(6), "本年度办理人大建议3件。某某局");
    }
}
