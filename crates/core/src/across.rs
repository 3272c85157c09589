//! Across years: reports of the same agency for consecutive years, checked together.
//!
//! The later report's 上年结转 must continue the earlier one's 结转下年度继续办理 (Y801),
//! and 现行有效件数 must carry over (Y802). Agencies are matched by name, tolerating the
//! small variations real reports have ("人民政府办公室" / "政府办公室", a name with or without
//! its city in front); a match on such a guess is said in the finding.

use crate::ingest::norm::normalize;
use crate::report::{Finding, Report, Severity};

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

/// Two reports of one agency for consecutive years.
pub struct Pair<'a> {
    pub prev: &'a Report,
    pub cur: &'a Report,
    /// Set when the agency was matched on a guess: the reason.
    pub guess: Option<String>,
    /// Where `prev` and `cur` stand in the reports given to [`pairs`].
    pub prev_index: usize,
    pub cur_index: usize,
}

impl Pair<'_> {
    /// The sentence that ends a finding's message when the agency match was a guess.
    pub fn guess_note(&self) -> String {
        match &self.guess {
            Some(why) => format!("（按名称推测为同一机关：{why}）"),
            None => String::new(),
        }
    }
}

/// A rule about two reports.
pub struct AcrossRule {
    pub code: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub check: fn(&Pair, &mut Vec<Finding>),
}

/// Every cross-year rule.
pub const ACROSS_RULES: &[AcrossRule] = &[crate::rules::y801::RULE, crate::rules::y802::RULE];

/// The pairs of reports that the cross-year rules compare: for each report with a year and
/// an agency, the report of the same agency for the year before, if there is one (a sure match
/// over a guess; the first one in input order). Indices into `reports`, earlier year first.
pub fn pairs<'a>(reports: &[&'a Report]) -> Vec<Pair<'a>> {
    let mut out = Vec::new();
    for (j, cur) in reports.iter().enumerate() {
        let (Some(year), Some(agency)) = (cur.year, cur.agency.as_deref()) else {
            continue;
        };
        let mut best: Option<(usize, Option<String>)> = None;
        for (i, prev) in reports.iter().enumerate() {
            if i == j || prev.year != Some(year - 1) {
                continue;
            }
            let Some(pa) = prev.agency.as_deref() else {
                continue;
            };
            match match_agency(pa, agency) {
                AgencyMatch::Same => {
                    best = Some((i, None));
                    break;
                }
                AgencyMatch::Guess(why) if best.is_none() => best = Some((i, Some(why))),
                _ => {}
            }
        }
        if let Some((i, guess)) = best {
            out.push(Pair {
                prev: reports[i],
                cur,
                guess,
                prev_index: i,
                cur_index: j,
            });
        }
    }
    out
}

/// Check reports against each other. Returns findings with the index (into `reports`) of the
/// report each belongs to: the later year's.
pub fn check_across(reports: &[&Report]) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    for pair in pairs(reports) {
        for rule in ACROSS_RULES {
            let mut found = Vec::new();
            (rule.check)(&pair, &mut found);
            out.extend(found.into_iter().map(|f| (pair.cur_index, f)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
