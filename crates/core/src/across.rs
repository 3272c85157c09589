//! Across reports: reports of the same agency for consecutive years, and the units of one
//! batch, checked together.
//!
//! The later report's 上年结转 must continue the earlier one's 结转下年度继续办理 (Y801),
//! and 现行有效件数 must carry over (Y802). Agencies are matched by name, tolerating the
//! small variations real reports have ("人民政府办公室" / "政府办公室", a name with or without
//! its city in front, or with a second name in brackets); a match on such a guess is said in the
//! finding. How much of a report's prose repeats the year before's (Y803) or another unit's
//! (Y804) is [`similarity`]'s.

use crate::ingest::norm::normalize;
use crate::report::{Finding, Report};
pub use crate::rules::{AcrossCheck, AcrossRule, Pair, Similar, ACROSS_RULES};
use crate::similarity::{measure, shingle, Index, Similarity, SimilarityKind};

/// How two agency names were matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgencyMatch {
    /// The same name (after normalising width, spaces and traditional characters).
    Same,
    /// Probably the same agency: the reason, in Chinese.
    Guess(String),
    Different,
}

/// Suffixes that make a name an agency's, so that "X区人民政府" inside "Y市X区人民政府" is the
/// same agency rather than a coincidence of characters.
const AGENCY_ENDS: &[&str] = &[
    "政府",
    "办公室",
    "局",
    "委员会",
    "中心",
    "管委会",
    "委",
    "厅",
    "院",
    "办",
    "街道办事处",
    "镇",
    "乡",
];

/// Compare two agency names.
pub fn match_agency(a: &str, b: &str) -> AgencyMatch {
    let (na, nb) = (normalize(a), normalize(b));
    if na.is_empty() || nb.is_empty() {
        return AgencyMatch::Different;
    }
    if na == nb {
        return AgencyMatch::Same;
    }
    let (sa, sb) = (na.replace("人民", ""), nb.replace("人民", ""));
    if sa == sb {
        return AgencyMatch::Guess(format!("“{a}”与“{b}”仅差“人民”二字"));
    }
    // A name followed by another in brackets ("交通与建设局（区交通运输局）"): the agency
    // under its second name.
    let (ba, bb) = (without_bracket(&sa), without_bracket(&sb));
    if ba == bb {
        return AgencyMatch::Guess(format!("“{a}”与“{b}”仅差括号中的另一名称"));
    }
    let (sa, sb) = (ba.to_string(), bb.to_string());
    let (short, long) = if sa.chars().count() <= sb.chars().count() {
        (&sa, &sb)
    } else {
        (&sb, &sa)
    };
    let agency_like = AGENCY_ENDS.iter().any(|e| short.ends_with(e));
    if short.chars().count() >= 4 && agency_like && long.ends_with(short.as_str()) {
        return AgencyMatch::Guess(format!(
            "“{a}”与“{b}”一个名称包含另一个（前面多了上级地名）"
        ));
    }
    AgencyMatch::Different
}

/// A normalised name without a bracketed part at its end ("X局(Y局)" → "X局"), when
/// something is left before it.
fn without_bracket(name: &str) -> &str {
    match name.strip_suffix(')').and_then(|s| s.rfind('(')) {
        Some(at) if at > 0 => name.get(..at).unwrap_or(name),
        _ => name,
    }
}

/// The pairs of reports that the cross-year rules compare: for each report with a year and
/// an agency, the report of the same agency for the year before, if there is one (a sure match
/// over a guess; the first one in input order). Indices into `reports`, earlier year first.
pub fn pairs<'a>(reports: &[&'a Report]) -> Vec<Pair<'a>> {
    let mut out = Vec::new();
    for (j, earlier) in earlier_reports(reports).into_iter().enumerate() {
        let Some((i, guess)) = earlier else { continue };
        out.push(Pair {
            prev: reports[i],
            cur: reports[j],
            guess,
            prev_index: i,
            cur_index: j,
        });
    }
    out
}

/// Check reports against each other. Returns findings with the index (into `reports`) of the
/// report each belongs to: the later year's, or for Y804 the report whose prose repeats.
pub fn check_across(reports: &[&Report]) -> Vec<(usize, Finding)> {
    check_all(reports).0
}

/// [`check_across`] and [`similarity`] at once (the prose is compared once).
pub fn check_all(reports: &[&Report]) -> (Vec<(usize, Finding)>, Vec<Similarity>) {
    let pairs = pairs(reports);
    let similar = similarity_of(reports, &pairs);
    let mut out = Vec::new();
    for pair in &pairs {
        for rule in ACROSS_RULES {
            let AcrossCheck::Pair(check) = rule.check else {
                continue;
            };
            let mut found = Vec::new();
            check(pair, &mut found);
            // The cells a cross-year finding names are the later year's.
            for f in &mut found {
                crate::rules::reading::annotate(pair.cur, f);
            }
            out.extend(found.into_iter().map(|f| (pair.cur_index, f)));
        }
    }
    for entry in &similar {
        let (Some(&report), Some(&other)) = (reports.get(entry.report), reports.get(entry.other))
        else {
            continue;
        };
        let s = Similar {
            entry,
            report,
            other,
        };
        for rule in ACROSS_RULES {
            let AcrossCheck::Similar(check) = rule.check else {
                continue;
            };
            let mut found = Vec::new();
            check(&s, &mut found);
            for f in &mut found {
                crate::rules::reading::annotate(report, f);
            }
            out.extend(found.into_iter().map(|f| (entry.report, f)));
        }
    }
    (out, similar)
}

/// How much of each report's prose is found again in another's (the JSON's `similarity`):
/// every pair of [`pairs`] (the later report's prose in the earlier one's), and for each
/// report the other unit's report that has most of it, when that is at least
/// [`OTHER_UNIT_FROM`]. Nothing for fewer than two reports; a report without prose of its own
/// has a share of 0 against the year before and no other unit.
pub fn similarity(reports: &[&Report]) -> Vec<Similarity> {
    similarity_of(reports, &pairs(reports))
}

/// Another unit's report is named in `similarity` from this share on (so that a batch of 200
/// does not give 40 000 entries).
pub const OTHER_UNIT_FROM: f64 = 0.3;

/// Candidates measured for a report's nearest other unit, most shingles in common first.
const CANDIDATES: usize = 3;

fn similarity_of(reports: &[&Report], pairs: &[Pair]) -> Vec<Similarity> {
    if reports.len() < 2 {
        return Vec::new();
    }
    let all: Vec<_> = reports.iter().map(|r| shingle(&r.facts.prose)).collect();
    let mut out = Vec::new();
    for p in pairs {
        let (Some(cur), Some(prev)) = (all.get(p.cur_index), all.get(p.prev_index)) else {
            continue;
        };
        let mut e = Similarity::new(
            p.cur_index,
            p.prev_index,
            SimilarityKind::PreviousYear,
            measure(cur, prev),
        );
        e.guess = p.guess.clone();
        out.push(e);
    }
    let index = Index::new(&all);
    for (i, mine) in all.iter().enumerate() {
        if mine.chars() == 0 {
            continue;
        }
        let best = index
            .candidates(i, &all)
            .into_iter()
            .filter(|&o| different_units(reports[i], reports[o]))
            .take(CANDIDATES)
            .map(|o| (o, measure(mine, &all[o])))
            .fold(
                None::<(usize, crate::similarity::Measure)>,
                |best, (o, m)| match best {
                    Some((_, ref b)) if b.share() >= m.share() => best,
                    _ => Some((o, m)),
                },
            );
        if let Some((o, m)) = best.filter(|(_, m)| m.share() >= OTHER_UNIT_FROM) {
            out.push(Similarity::new(i, o, SimilarityKind::OtherUnit, m));
        }
    }
    out
}

/// Two reports are of different units when both name their agency and the names do not
/// match, not even on a guess.
fn different_units(a: &Report, b: &Report) -> bool {
    match (a.agency.as_deref(), b.agency.as_deref()) {
        (Some(x), Some(y)) => match_agency(x, y) == AgencyMatch::Different,
        _ => false,
    }
}

/// For each report, the report of the year before by the same agency, if any: a sure match
/// over a guess (with the guess's reason), the first one in input order.
fn earlier_reports(reports: &[&Report]) -> Vec<Option<(usize, Option<String>)>> {
    use std::collections::{HashMap, HashSet};
    // Thousands of reports may be checked together: each name is normalised once, and the
    // earlier year's reports are looked up, not searched.
    let norms: Vec<Option<String>> = reports
        .iter()
        .map(|r| r.agency.as_deref().map(normalize))
        .collect();
    // Per year, the first report of each name as written, in input order.
    let mut by_year: HashMap<i32, Vec<usize>> = HashMap::new();
    let mut names: HashSet<(i32, &str)> = HashSet::new();
    let mut first_same: HashMap<(i32, &str), usize> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        let (Some(year), Some(agency), Some(norm)) =
            (r.year, r.agency.as_deref(), norms[i].as_deref())
        else {
            continue;
        };
        if names.insert((year, agency)) {
            by_year.entry(year).or_default().push(i);
        }
        if !norm.is_empty() {
            first_same.entry((year, norm)).or_insert(i);
        }
    }
    let earlier = |j: usize, cur: &Report| -> Option<(usize, Option<String>)> {
        let (Some(year), Some(agency)) = (cur.year, cur.agency.as_deref()) else {
            return None;
        };
        let norm = norms[j].as_deref().unwrap_or_default();
        if let Some(&i) = first_same
            .get(&(year - 1, norm))
            .filter(|_| !norm.is_empty())
        {
            return Some((i, None));
        }
        // No sure match: the first guess, each name of the year before tried once.
        for &i in by_year.get(&(year - 1)).map_or(&[][..], Vec::as_slice) {
            let Some(prev) = reports[i].agency.as_deref() else {
                continue;
            };
            if let AgencyMatch::Guess(why) = match_agency(prev, agency) {
                return Some((i, Some(why)));
            }
        }
        None
    };
    reports
        .iter()
        .enumerate()
        .map(|(j, cur)| earlier(j, cur))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(year: i32, agency: &str) -> Report {
        let mut r = crate::check("");
        r.year = Some(year);
        r.agency = Some(agency.to_string());
        r
    }

    #[test]
    fn the_year_before_a_sure_match_over_a_guess_first_in_order() {
        let rs = [
            report(2022, "淮安市洪泽区人民政府"), // a guess for 3
            report(2022, "洪泽区人民政府"),       // the sure match for 3
            report(2022, "洪泽区人民政府"),       // also sure, but later
            report(2023, "洪泽区人民政府"),
            report(2023, "江苏省淮安市洪泽区人民政府"), // only guesses: the first, 0
            report(2023, "湘阴县人民政府"),             // nothing
            report(2024, "洪泽区人民政府"),             // 3 or 4? 3 is sure
        ];
        let refs: Vec<&Report> = rs.iter().collect();
        let found: Vec<Option<(usize, bool)>> = earlier_reports(&refs)
            .into_iter()
            .map(|e| e.map(|(i, guess)| (i, guess.is_some())))
            .collect();
        assert_eq!(
            found,
            [
                None,
                None,
                None,
                Some((1, false)),
                Some((0, true)),
                None,
                Some((3, false))
            ]
        );
    }

    #[test]
    fn agency_names_match_with_their_variations() {
        assert_eq!(
            match_agency("湘阴县人民政府", "湘阴县人民政府"),
            AgencyMatch::Same
        );
        assert_eq!(
            match_agency("湘阴县人民政府 ", "湘阴县人民政府"),
            AgencyMatch::Same
        );
        assert!(matches!(
            match_agency("湘阴县人民政府办公室", "湘阴县政府办公室"),
            AgencyMatch::Guess(_)
        ));
        assert!(matches!(
            match_agency("洪泽区人民政府", "淮安市洪泽区人民政府"),
            AgencyMatch::Guess(_)
        ));
        assert_eq!(
            match_agency("湘阴县人民政府", "平江县人民政府"),
            AgencyMatch::Different
        );
        assert_eq!(
            match_agency("区政府", "某区政府"),
            AgencyMatch::Different,
            "too short to be sure"
        );
        assert_eq!(
            match_agency("洪泽区人民政府", "洪泽区人民政府办公室"),
            AgencyMatch::Different
        );
        // A second name in brackets, and the same with the zone's name in front.
        assert!(matches!(
            match_agency(
                "平潭综合实验区交通与建设局",
                "平潭综合实验区交通与建设局（区交通运输局）"
            ),
            AgencyMatch::Guess(why) if why.contains("括号")
        ));
        assert!(matches!(
            match_agency("交通与建设局", "平潭综合实验区交通与建设局(区交通运输局)"),
            AgencyMatch::Guess(_)
        ));
        assert_eq!(
            match_agency(
                "平潭综合实验区交通与建设局（区交通运输局）",
                "（区交通运输局）"
            ),
            AgencyMatch::Different,
            "a bracket alone is no name"
        );
        assert_eq!(
            match_agency(
                "平潭综合实验区财政金融局",
                "平潭综合实验区交通与建设局（财政金融局）"
            ),
            AgencyMatch::Different
        );
    }
}
