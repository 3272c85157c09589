//! By when the report had to be published, from the kind of agency its name says it is.
//!
//! 《中华人民共和国政府信息公开条例》（2019年修订）第四十九条: a department of a government
//! at county level or above (县级以上人民政府部门) publishes its report on the year before by
//! 31 January; a county-or-above government's own report (本级政府年度报告, published by its
//! 政府信息公开工作主管部门) by 31 March. Reports on 2018 and earlier fell under the 2008
//! 条例's 第三十一条: every administrative organ by 31 March.
//!
//! The kind is told from the name only, and only when the name says it plainly:
//! - a government: "…人民政府" (or "…政府") of a 省, 自治区, 市, 州, 盟, 县, 区 or 旗;
//! - a department: a name ending in 局, 委员会, 办公室, 中心, 厅 … with such a place in front
//!   ("湘阴县教育局", "秀山土家族苗族自治县人民政府办公室");
//! - unknown otherwise: a township or street (乡, 镇, 街道), a zone and its committees
//!   (开发区, 高新区, 实验区, 管委会, 管理委员会 …), a village, or a name without a place.

use serde::Serialize;

use crate::ingest::dates::Date;

/// The kind of agency the deadline depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyKind {
    /// A department of a government at county level or above.
    Department,
    /// A government at county level or above.
    Government,
    /// Not told by the name.
    Unknown,
}

impl AgencyKind {
    pub fn name_zh(self) -> &'static str {
        match self {
            AgencyKind::Department => "部门",
            AgencyKind::Government => "政府",
            AgencyKind::Unknown => "机关类别不详",
        }
    }
}

/// The deadline of a report: `date` is `None` when the kind is unknown or the year is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub kind: AgencyKind,
    pub date: Option<Date>,
    /// The report is on 2018 or earlier: the 2008 条例's 第三十一条 applies.
    #[serde(skip)]
    pub old_law: bool,
}

impl Deadline {
    /// The article the deadline comes from, as messages name it.
    pub fn article_zh(&self) -> &'static str {
        if self.old_law {
            "2008年条例第三十一条"
        } else {
            "条例第四十九条"
        }
    }

    /// Both deadlines of a year's report, for a report whose kind is unknown: (department,
    /// government).
    pub fn both(year: i32) -> (Option<Date>, Option<Date>) {
        let next = year.checked_add(1);
        if year <= 2018 {
            let d = next.and_then(|y| Date::new(y, 3, 31));
            return (d, d);
        }
        (
            next.and_then(|y| Date::new(y, 1, 31)),
            next.and_then(|y| Date::new(y, 3, 31)),
        )
    }
}

/// Words that make a name a township's, a street's, a village's or a zone's: the deadline of
/// 第四十九条 is not told for them.
/// (A 乡 or 镇 only as a township's government: 乡村振兴局 and 镇江市 are not townships.)
const NOT_COUNTY: &[&str] = &[
    "乡人民政府",
    "镇人民政府",
    "乡政府",
    "镇政府",
    "街道",
    "社区",
    "村民委员会",
    "居民委员会",
    "管委会",
    "管理委员会",
    "开发区",
    "高新区",
    "园区",
    "实验区",
    "试验区",
    "示范区",
    "保税区",
    "合作区",
    "工业城",
    "度假区",
    "风景区",
    "农场",
];

/// A place at county level or above ends with one of these.
const PLACES: &[char] = &['省', '市', '州', '盟', '县', '区', '旗'];

/// The endings of a department's name.
const DEPARTMENT_ENDS: &[&str] = &[
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
    "馆",
    "站",
    "所",
    "队",
];

/// The kind of agency a name says it is.
pub fn kind_of(name: &str) -> AgencyKind {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let township = name.ends_with(['乡', '镇']);
    if name.is_empty() || township || NOT_COUNTY.iter().any(|w| name.contains(w)) {
        return AgencyKind::Unknown;
    }
    let place_before = |end: usize| name[..end].contains(PLACES) || name[..end].contains("自治区");
    for gov in ["人民政府", "政府"] {
        if let Some(at) = name.strip_suffix(gov).map(str::len) {
            return if place_before(at) && !name[..at].ends_with("信息公开") {
                AgencyKind::Government
            } else {
                AgencyKind::Unknown
            };
        }
    }
    if let Some(end) = DEPARTMENT_ENDS.iter().find_map(|e| name.strip_suffix(e)) {
        // The place stands before the department's own name: "湘阴县教育局", "某市人民政府办公室".
        if place_before(end.len()) {
            return AgencyKind::Department;
        }
    }
    AgencyKind::Unknown
}

/// The deadline of a report by `agency` on `year`.
pub fn deadline(agency: Option<&str>, year: Option<i32>) -> Deadline {
    let kind = agency.map_or(AgencyKind::Unknown, kind_of);
    let old_law = year.is_some_and(|y| y <= 2018);
    let date = year.and_then(|y| {
        let (department, government) = Deadline::both(y);
        match kind {
            AgencyKind::Department => department,
            AgencyKind::Government => government,
            AgencyKind::Unknown => None,
        }
    });
    Deadline {
        kind,
        date,
        old_law,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        for g in [
            "湘阴县人民政府",
            "淮安市人民政府",
            "淮安市洪泽区人民政府",
            "湖南省人民政府",
            "新疆维吾尔自治区人民政府",
            "秀山土家族苗族自治县人民政府",
            "清流县政府",
        ] {
            let want = if g.ends_with("政府") {
                AgencyKind::Government
            } else {
                AgencyKind::Department
            };
            assert_eq!(kind_of(g), want, "{g}");
        }
        for d in [
            "湘阴县教育局",
            "秀山土家族苗族自治县人民政府办公室",
            "长沙市发展和改革委员会",
            "湖南省人民政府办公厅",
            "某市政务服务中心",
            "湘阴县乡村振兴局",
            "镇江市教育局",
        ] {
            assert_eq!(kind_of(d), AgencyKind::Department, "{d}");
        }
        for u in [
            "湘西高新区管委会办公室",
            "平潭综合实验区经济发展局",
            "沿海工业城发展服务中心",
            "某镇人民政府",
            "某街道办事处",
            "示范区人民政府",
            "教育局",
            "",
        ] {
            assert_eq!(kind_of(u), AgencyKind::Unknown, "{u}");
        }
    }

    #[test]
    fn deadlines_by_kind_and_year() {
        let d = |a: &str, y| deadline(Some(a), Some(y)).date.map(|d| d.iso());
        assert_eq!(d("湘阴县教育局", 2024), Some("2025-01-31".into()));
        assert_eq!(d("湘阴县人民政府", 2024), Some("2025-03-31".into()));
        assert_eq!(d("某镇人民政府", 2024), None);
        // The 2008 条例: every organ by 31 March.
        assert_eq!(d("湘阴县教育局", 2013), Some("2014-03-31".into()));
        assert!(deadline(Some("湘阴县教育局"), Some(2013)).old_law);
        assert_eq!(deadline(Some("湘阴县教育局"), None).date, None);
        assert_eq!(deadline(None, Some(2024)).kind, AgencyKind::Unknown);
    }
}
