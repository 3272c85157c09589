//! 内容雷同: how much of one report's prose is found again in another report's.
//!
//! The prose is [`crate::extract::prose`]'s: outside the tables, by section, boilerplate left
//! out. It is compared as a stream of characters without punctuation or white space, every
//! number (a year, a count) one and the same character, so that "2023年" against "2024年" or a
//! changed count does not hide a copied sentence. A character of report A counts as repeated
//! when it lies in a run of [`SHINGLE`] characters that report B also has anywhere in its
//! prose (a shingle); the share is repeated characters over A's characters. Shingles are
//! hashed once per report and looked up in B's sorted hashes, so a comparison is linear in
//! the two texts; a batch finds each report's likely nearest other through an index of
//! shingles ([`Index`]) instead of comparing all pairs.

use serde::Serialize;

use crate::extract::prose::Prose;
use crate::extract::sections::SECTION_NAMES;
use crate::ingest::norm::normalize_char;

/// Characters in a run that counts as repeated.
pub const SHINGLE: usize = 8;

/// The method, as the findings and the JSON say it.
pub const METHOD: &str = "去掉表格、标题、标点、空白和格式规定的套话（《条例》开头、统计期限、网址、咨询方式等），数字与年份一律视作相同，按连续 8 个字相同计：本报告正文中落在与对方正文相同的 8 字片段内的字数占本报告正文字数的比例。";

/// A share at or above this is 雷同 (a warning): the assessment rules' 与上年度重复率大于50%.
pub const WARN_AT: f64 = 0.5;

/// A report's prose ready to compare: per section, the hash of the shingle starting at each
/// character, and all its shingles sorted.
#[derive(Clone, Debug, Default)]
pub struct Shingled {
    sections: Vec<ShingledSection>,
    set: Vec<u64>,
}

#[derive(Clone, Debug)]
struct ShingledSection {
    number: u8,
    chars: usize,
    starts: Vec<u64>,
}

impl Shingled {
    /// Characters compared (after normalisation).
    pub fn chars(&self) -> usize {
        self.sections.iter().map(|s| s.chars).sum()
    }
}

/// The characters compared: normalised, letters and digits only, each run of digits one `#`
/// (a number with a decimal point too).
fn normalised(sentences: &[String]) -> Vec<char> {
    let mut out = Vec::new();
    for ch in sentences.iter().flat_map(|s| s.chars()) {
        let Some(c) = normalize_char(ch) else {
            continue;
        };
        if c.is_ascii_digit() {
            if out.last() != Some(&'#') {
                out.push('#');
            }
        } else if c.is_alphanumeric() {
            out.push(c);
        }
    }
    out
}

fn hash(window: &[char]) -> u64 {
    // FNV-1a over the code points: no cryptography needed, only few collisions.
    window.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &c| {
        (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Make a report's prose ready to compare.
pub fn shingle(prose: &Prose) -> Shingled {
    let mut out = Shingled::default();
    for s in &prose.sections {
        let chars = normalised(&s.sentences);
        let starts: Vec<u64> = chars.windows(SHINGLE).map(hash).collect();
        out.set.extend(&starts);
        out.sections.push(ShingledSection {
            number: s.number,
            chars: chars.len(),
            starts,
        });
    }
    out.set.sort_unstable();
    out.set.dedup();
    out
}

/// How much of one report's prose the other has.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub chars: usize,
    pub repeated_chars: usize,
    pub sections: Vec<SectionShare>,
}

impl Measure {
    pub fn share(&self) -> f64 {
        ratio(self.repeated_chars, self.chars)
    }
}

/// One section's share (`section` 1–6).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionShare {
    pub section: u8,
    pub title: &'static str,
    pub share: f64,
    pub chars: usize,
    pub repeated_chars: usize,
}

/// repeated / chars with four decimals; 0 for no characters.
fn ratio(repeated: usize, chars: usize) -> f64 {
    if chars == 0 {
        return 0.0;
    }
    (repeated as f64 / chars as f64 * 10_000.0).round() / 10_000.0
}

/// The section's name without its numeral ("总体情况").
pub fn section_title(number: u8) -> &'static str {
    SECTION_NAMES
        .get(usize::from(number).wrapping_sub(1))
        .and_then(|n| n.split_once('、'))
        .map_or("", |(_, name)| name)
}

/// How much of `a`'s prose lies in shingles `b` also has, per section (merged when a section
/// appears twice) and overall.
pub fn measure(a: &Shingled, b: &Shingled) -> Measure {
    let mut sections: Vec<SectionShare> = Vec::new();
    for s in &a.sections {
        let mut repeated = 0;
        let mut covered_to = 0;
        for (i, h) in s.starts.iter().enumerate() {
            if b.set.binary_search(h).is_ok() {
                repeated += i + SHINGLE - covered_to.max(i);
                covered_to = i + SHINGLE;
            }
        }
        match sections.iter_mut().find(|x| x.section == s.number) {
            Some(x) => {
                x.chars += s.chars;
                x.repeated_chars += repeated;
            }
            None => sections.push(SectionShare {
                section: s.number,
                title: section_title(s.number),
                share: 0.0,
                chars: s.chars,
                repeated_chars: repeated,
            }),
        }
    }
    for x in &mut sections {
        x.share = ratio(x.repeated_chars, x.chars);
    }
    sections.sort_by_key(|x| x.section);
    Measure {
        chars: sections.iter().map(|x| x.chars).sum(),
        repeated_chars: sections.iter().map(|x| x.repeated_chars).sum(),
        sections,
    }
}

/// What two reports are to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SimilarityKind {
    /// The same agency, the year before.
    PreviousYear,
    /// Another unit of the batch.
    OtherUnit,
}

/// One entry of the JSON's `similarity`: the share of report `report`'s prose found again in
/// report `other`'s (indices into the reports checked together).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Similarity {
    pub report: usize,
    pub other: usize,
    pub kind: SimilarityKind,
    pub share: f64,
    pub chars: usize,
    pub repeated_chars: usize,
    pub sections: Vec<SectionShare>,
    pub method: &'static str,
    /// Set when the agencies of a previous-year pair were matched on a guess: the reason.
    #[serde(skip)]
    pub guess: Option<String>,
}

impl Similarity {
    pub fn new(report: usize, other: usize, kind: SimilarityKind, m: Measure) -> Similarity {
        Similarity {
            report,
            other,
            kind,
            share: m.share(),
            chars: m.chars,
            repeated_chars: m.repeated_chars,
            sections: m.sections,
            method: METHOD,
            guess: None,
        }
    }

    /// The sections that repeat most, as a message names them: those at [`WARN_AT`] or more
    /// (at most two), else the one that repeats most, if any does.
    pub fn worst_sections(&self) -> Vec<&SectionShare> {
        let mut by_share: Vec<&SectionShare> = self
            .sections
            .iter()
            .filter(|s| s.repeated_chars > 0)
            .collect();
        by_share.sort_by(|a, b| b.share.total_cmp(&a.share).then(b.chars.cmp(&a.chars)));
        let high = by_share.iter().filter(|s| s.share >= WARN_AT).count();
        by_share.truncate(high.clamp(1, 2));
        by_share
    }
}

/// The side-by-side view of two reports' prose (对照查看): per section, each side's text cut
/// into pieces, the repeated ones marked. Made by the reader worker (with the `similar` diff
/// crate, which the page's first download does not carry); the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Marked {
    pub sections: Vec<MarkedSection>,
}

#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct MarkedSection {
    /// 1 to 6.
    pub section: u8,
    /// The report's prose of the section and the other report's.
    pub report: Vec<Piece>,
    pub other: Vec<Piece>,
}

/// A stretch of a section's text; `repeated` when the other side has it too.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Piece {
    pub text: String,
    pub repeated: bool,
}

/// A shingle in more reports than this says nothing about which two are alike (wording many
/// write): it is not counted when looking for candidates (it still counts in [`measure`]).
const COMMON: usize = 24;

/// Which reports have each shingle, for finding a report's likely nearest others.
pub struct Index {
    postings: std::collections::HashMap<u64, Vec<u32>>,
}

impl Index {
    pub fn new(all: &[Shingled]) -> Index {
        let mut postings: std::collections::HashMap<u64, Vec<u32>> =
            std::collections::HashMap::new();
        for (i, s) in all.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for &h in &s.set {
                postings.entry(h).or_default().push(i);
            }
        }
        Index { postings }
    }

    /// The other reports that share shingles with report `i`, most shared first (then in
    /// input order); shingles that many reports have are not counted.
    pub fn candidates(&self, i: usize, all: &[Shingled]) -> Vec<usize> {
        let mut counts: std::collections::HashMap<usize, usize> = Default::default();
        for h in all.get(i).map_or(&[][..], |s| s.set.as_slice()) {
            let Some(list) = self.postings.get(h).filter(|l| l.len() <= COMMON) else {
                continue;
            };
            for &o in list {
                let o = o as usize;
                if o != i {
                    *counts.entry(o).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(usize, usize)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out.into_iter().map(|(o, _)| o).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::prose::ProseSection;

    fn prose(sections: &[(u8, &str)]) -> Shingled {
        shingle(&Prose {
            sections: sections
                .iter()
                .map(|&(number, text)| ProseSection {
                    number,
                    sentences: vec![text.to_string()],
                })
                .collect(),
        })
    }

    #[test]
    fn numbers_and_years_do_not_hide_a_copied_sentence() {
        let a = prose(&[(
            1,
            "2024年，我局共主动公开政府信息352条，其中规范性文件12件。",
        )]);
        let b = prose(&[(
            1,
            "2023年，我局共主动公开政府信息298条，其中规范性文件9件。",
        )]);
        let m = measure(&a, &b);
        assert_eq!(m.share(), 1.0, "{m:?}");
        assert_eq!(m.sections[0].title, "总体情况");
    }

    #[test]
    fn only_runs_of_eight_count() {
        // 7 characters in common then a different one, twice: nothing repeated.
        let a = prose(&[(5, "一二三四五六七甲一二三四五六七乙")]);
        let b = prose(&[(5, "一二三四五六七丙")]);
        assert_eq!(measure(&a, &b).repeated_chars, 0);
        let b = prose(&[(6, "零一二三四五六七甲零")]);
        let m = measure(&a, &b);
        assert_eq!(m.repeated_chars, 8, "{m:?}");
        assert_eq!((m.chars, m.share()), (16, 0.5));
    }

    #[test]
    fn the_candidates_of_a_batch_share_shingles() {
        let all = [
            prose(&[(1, "我局全面推进政务公开标准化规范化建设工作")]),
            prose(&[(1, "今年本单位重点围绕乡村振兴开展公开工作")]),
            prose(&[(1, "我局全面推进政务公开标准化规范化建设")]),
        ];
        let index = Index::new(&all);
        assert_eq!(index.candidates(0, &all), [2]);
        assert_eq!(index.candidates(1, &all), Vec::<usize>::new());
        assert_eq!(index.candidates(9, &all), Vec::<usize>::new());
    }
}
