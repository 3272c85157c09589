//! 对照查看: two reports' prose side by side, the passages they share marked.
//!
//! Section by section, the two texts are compared character by character with the `similar`
//! crate (Myers' diff); a run both have of at least [`SHINGLE`] characters is marked as
//! repeated on both sides, as the share of [`gouji_core::similarity`] counts it (which also
//! finds a sentence moved within the section; the diff shows what stayed in order). Here in
//! the reader worker, not in the page: the page's first download does not carry the diff.

use gouji_core::extract::prose::Prose;
use gouji_core::similarity::{Marked, MarkedSection, Piece, SHINGLE};
use similar::{Algorithm, DiffOp};

/// Characters of a section compared: beyond, the rest is shown unmarked (the diff's time
/// grows with the product of the two lengths when they differ).
const MAX_SECTION: usize = 8_000;

/// The marked sections of `report` against `other`, in section order.
pub fn mark(report: &Prose, other: &Prose) -> Marked {
    let mut numbers: Vec<u8> = report
        .sections
        .iter()
        .chain(&other.sections)
        .map(|s| s.number)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let sections = numbers
        .into_iter()
        .map(|n| {
            let (report, other) = section(&report.section_text(n), &other.section_text(n));
            MarkedSection {
                section: n,
                report,
                other,
            }
        })
        .collect();
    Marked { sections }
}

/// One section's two texts, cut into pieces.
fn section(mine: &str, theirs: &str) -> (Vec<Piece>, Vec<Piece>) {
    let a: Vec<char> = mine.chars().collect();
    let b: Vec<char> = theirs.chars().collect();
    let (a_head, a_tail) = a.split_at(a.len().min(MAX_SECTION));
    let (b_head, b_tail) = b.split_at(b.len().min(MAX_SECTION));
    let ops = similar::capture_diff_slices(Algorithm::Myers, b_head, a_head);
    let (mut left, mut right) = (Pieces::default(), Pieces::default());
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                let repeated = len >= SHINGLE;
                right.push(&b_head[old_index..old_index + len], repeated);
                left.push(&a_head[new_index..new_index + len], repeated);
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => right.push(&b_head[old_index..old_index + old_len], false),
            DiffOp::Insert {
                new_index, new_len, ..
            } => left.push(&a_head[new_index..new_index + new_len], false),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                right.push(&b_head[old_index..old_index + old_len], false);
                left.push(&a_head[new_index..new_index + new_len], false);
            }
        }
    }
    left.push(a_tail, false);
    right.push(b_tail, false);
    (left.0, right.0)
}

/// Pieces being built: a stretch joins the last piece when it is marked the same.
#[derive(Default)]
struct Pieces(Vec<Piece>);

impl Pieces {
    fn push(&mut self, chars: &[char], repeated: bool) {
        if chars.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.repeated == repeated => last.text.extend(chars),
            _ => self.0.push(Piece {
                text: chars.iter().collect(),
                repeated,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gouji_core::extract::prose::ProseSection;

    fn prose(sections: &[(u8, &str)]) -> Prose {
        Prose {
            sections: sections
                .iter()
                .map(|&(number, text)| ProseSection {
                    number,
                    sentences: vec![text.to_string()],
                })
                .collect(),
        }
    }

    fn marked(pieces: &[Piece]) -> Vec<(&str, bool)> {
        pieces
            .iter()
            .map(|p| (p.text.as_str(), p.repeated))
            .collect()
    }

    #[test]
    fn a_copied_sentence_is_marked_on_both_sides_a_new_one_is_not() {
        let later = prose(&[
            (
                1,
                "我局坚持以公开为常态不公开为例外。今年新开通了微信公众号。",
            ),
            (5, "无。"),
        ]);
        let earlier = prose(&[(1, "我局坚持以公开为常态不公开为例外。去年整合了网站栏目。")]);
        let m = mark(&later, &earlier);
        assert_eq!(m.sections.len(), 2);
        let s = &m.sections[0];
        assert_eq!(s.section, 1);
        assert_eq!(
            marked(&s.report)[0],
            ("我局坚持以公开为常态不公开为例外。", true)
        );
        assert!(
            marked(&s.report)[1..].iter().all(|(_, r)| !r),
            "{:?}",
            s.report
        );
        assert_eq!(
            marked(&s.other)[0],
            ("我局坚持以公开为常态不公开为例外。", true)
        );
        // Section 五 is only the later report's.
        assert_eq!(marked(&m.sections[1].report), [("无。", false)]);
        assert!(m.sections[1].other.is_empty());
    }

    #[test]
    fn short_runs_in_common_are_not_marked() {
        let m = mark(
            &prose(&[(1, "甲乙丙丁一二三")]),
            &prose(&[(1, "子丑一二三寅卯")]),
        );
        assert!(m.sections[0].report.iter().all(|p| !p.repeated));
        // Every character is in a piece, once.
        let text: String = m.sections[0]
            .report
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(text, "甲乙丙丁一二三");
    }
}
