//! The roster (名单核对): which units of a list have a report among those checked together.
//!
//! An office that collects its subordinate units' reports holds a list of the units that must
//! publish one. [`parse`] reads such a list as people keep it — one unit a line, numbered or
//! not, or a .csv/.txt table with a header line (单位名称, 序号…) — and [`check_roster`]
//! matches each unit against the reports' agencies with the tolerant matching cross-year
//! checking uses ([`crate::across::match_agency`]): the same name is an exact match, a weaker
//! one a guess, said as one with its reason. Each report goes to at most one unit, the best
//! match; a report that matches two units equally well goes to the first, as a guess.
//!
//! A unit without a report is not a fault of any report: there is no finding for it, only the
//! roster's own result, the `roster` field of the JSON document ([`crate::json::Document`]).
//!
//! ```
//! use gouji_core::roster::{check_roster, parse, Found};
//! let list = parse("单位名称\n1. 湘阴县人民政府\n2、平江县人民政府、\n");
//! assert_eq!(list.units, ["湘阴县人民政府", "平江县人民政府"]);
//! let roster = check_roster("units.txt", &list.units, &[Some("湘阴县政府")]);
//! assert_eq!(roster.units[0].found, Found::Guess);
//! assert_eq!(roster.units[1].found, Found::Missing);
//! assert_eq!(roster.missing, 1);
//! ```

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::across::{match_agency, AgencyMatch};
use crate::ingest::norm::normalize;

/// At most this many units are read from a list; the rest are cut ([`RosterText::cut`]).
pub const MAX_UNITS: usize = 5_000;

/// A cell longer than this (in characters) is prose, not a unit's name.
const MAX_NAME_CHARS: usize = 100;

/// Cells that make a line a header line, not a unit.
const HEADER_WORDS: &[&str] = &[
    "单位",
    "单位名称",
    "单位全称",
    "报送单位",
    "名称",
    "机关",
    "机关名称",
    "行政机关",
    "部门",
    "部门名称",
    "序号",
    "编号",
    "备注",
];

/// The units of a roster as read from its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterText {
    /// The units' names, in the list's order, each once (a repeated name is read once).
    pub units: Vec<String>,
    /// The list had more than [`MAX_UNITS`] units; those after it were not read.
    pub cut: bool,
    /// The bytes are no text (a spreadsheet, a PDF): nothing was read from them.
    pub not_text: bool,
}

/// The result of matching a roster against the reports checked together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Roster {
    /// Where the roster came from (its file name).
    pub source: String,
    /// One per unit, in the roster's order.
    pub units: Vec<Unit>,
    /// How many units have no report.
    pub missing: usize,
    /// The reports (indices) whose agency matches no unit, or that have no agency.
    pub unlisted: Vec<usize>,
}

/// One unit of the roster and its reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// The unit's name as the roster writes it.
    pub unit: String,
    /// `exact` when at least one report names the unit surely, `guess` when the reports only
    /// probably do, `missing` when none does.
    #[serde(rename = "match")]
    pub found: Found,
    /// The reports (indices, ascending) that matched this unit.
    pub reports: Vec<usize>,
    /// For a guess: the first guessed report's agency, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// For a guess: why the names were taken for one unit, in Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// How a unit was found among the reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Found {
    Exact,
    Guess,
    Missing,
}

impl Found {
    /// The word the CLI and the app show: 有报告, 推测, 缺报.
    pub fn name_zh(self) -> &'static str {
        match self {
            Found::Exact => "有报告",
            Found::Guess => "推测",
            Found::Missing => "缺报",
        }
    }
}

/// Read a roster file's bytes: decoded as the core decodes a report's text (UTF-8 with or
/// without BOM, UTF-16 with BOM, GB18030/GBK), then [`parse`]d.
/// Bytes that look binary (an .xlsx, a PDF) give no units and say so.
pub fn parse_bytes(bytes: &[u8]) -> RosterText {
    let decoded = crate::ingest::decode::decode(bytes);
    if decoded.binary {
        return RosterText {
            not_text: true,
            ..RosterText::default()
        };
    }
    parse(&decoded.text)
}

/// Read a roster's text: one unit a line. Blank lines, a leading BOM, numbering ("1." "1、"
/// "（一）" "①"), surrounding spaces and quotes and a trailing 、，；。 are no part of a name.
/// A line with commas or tabs is a table row: a first line naming its columns (单位名称,
/// 序号…) is a header, and the unit is the cell under the first column that names units, or
/// else the first cell that looks like a name (two Chinese characters or more). A title line
/// ending in 名单 is skipped.
pub fn parse(text: &str) -> RosterText {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = RosterText::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut column: Option<usize> = None;
    for line in text.lines() {
        let cells: Vec<String> = split_row(line).into_iter().map(clean).collect();
        if out.units.is_empty() && is_header(&cells) {
            column = cells.iter().position(|c| names_units(c)).or(column);
            continue;
        }
        let Some(name) = name_of(&cells, column) else {
            continue;
        };
        if !seen.insert(normalize(name)) {
            continue;
        }
        if out.units.len() == MAX_UNITS {
            out.cut = true;
            break;
        }
        out.units.push(name.to_string());
    }
    out
}

/// A header line: a cell names a column (单位名称, 序号…) and none is named like a unit
/// (ends in 局, 政府, 委员会…; "联系人" does not).
fn is_header(cells: &[String]) -> bool {
    const UNIT_ENDS: &[char] = &[
        '局', '府', '会', '室', '心', '院', '所', '站', '处', '馆', '队', '镇', '乡', '办', '委',
        '厅', '部', '署', '社', '司', '团', '校', '区', '县', '市',
    ];
    let unit_like = |c: &String| looks_like_name(c) && c.ends_with(UNIT_ENDS);
    cells.iter().any(|c| is_header_word(c)) && !cells.iter().any(unit_like)
}

/// The unit a row names: the cell of the units' column when the header named one, else the
/// first cell that looks like a name. A title ending in 名单 names none.
fn name_of(cells: &[String], column: Option<usize>) -> Option<&str> {
    let cell = match column {
        Some(c) => cells.get(c).filter(|c| looks_like_name(c))?,
        None => cells.iter().find(|c| looks_like_name(c))?,
    };
    let title = cells.len() == 1 && cell.trim_end_matches([':', '：']).ends_with("名单");
    (!title).then_some(cell.as_str())
}

/// A line's cells: split at tabs, else at commas (a CSV row, double quotes honoured), else
/// the whole line.
fn split_row(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        return line.split('\t').collect();
    }
    if !line.contains(',') {
        return vec![line];
    }
    let mut cells = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                cells.push(line.get(start..i).unwrap_or_default());
                start = i + 1;
            }
            _ => {}
        }
    }
    cells.push(line.get(start..).unwrap_or_default());
    cells
}

/// A cell without surrounding spaces and quotes, leading numbering and trailing punctuation.
fn clean(cell: &str) -> String {
    let trimmed = |s: &str| -> String {
        s.trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\u{feff}')
            .to_string()
    };
    let s = trimmed(cell);
    let s = trimmed(without_numbering(&s));
    trimmed(s.trim_end_matches(['、', '，', ',', '；', ';', '。', '.']))
}

/// A name without the numbering in front of it: "1." "1、" "1）" "(1)" "（一）" "一、" "①" or
/// a number and a space.
fn without_numbering(s: &str) -> &str {
    let is_numeral =
        |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || is_cjk_numeral(c);
    if let Some(rest) = s.strip_prefix(['(', '（']) {
        if let Some(close) = rest.find([')', '）']) {
            let inside = rest.get(..close).unwrap_or_default();
            if !inside.is_empty() && inside.chars().all(is_numeral) {
                let after = rest.get(close..).unwrap_or_default();
                return after
                    .get(after.chars().next().map_or(0, char::len_utf8)..)
                    .unwrap_or_default();
            }
        }
        return s;
    }
    if let Some(rest) = s.strip_prefix(|c: char| ('①'..='⑳').contains(&c)) {
        return rest;
    }
    let digits = s.trim_start_matches(is_numeral);
    if digits.len() == s.len() {
        return s;
    }
    let ascii = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    match digits.chars().next() {
        Some('、' | '．' | '.' | ')' | '）' | ':' | '：') => digits
            .get(digits.chars().next().map_or(0, char::len_utf8)..)
            .unwrap_or_default(),
        Some(c) if ascii && c.is_whitespace() => digits,
        // A number alone is a 序号 cell, not a name.
        None if ascii => "",
        _ => s,
    }
}

fn is_cjk_numeral(c: char) -> bool {
    "一二三四五六七八九十百".contains(c)
}

fn is_header_word(cell: &str) -> bool {
    HEADER_WORDS.contains(&cell.trim_end_matches([':', '：']))
}

/// A header cell that names the units' column.
fn names_units(cell: &str) -> bool {
    is_header_word(cell)
        && ["单位", "名称", "机关", "部门"]
            .iter()
            .any(|w| cell.contains(w))
}

/// Two Chinese characters or more, not too long, not a header word.
fn looks_like_name(cell: &str) -> bool {
    let cjk = cell
        .chars()
        .filter(|c| matches!(c, '\u{4E00}'..='\u{9FFF}'))
        .count();
    cjk >= 2 && cell.chars().count() <= MAX_NAME_CHARS && !is_header_word(cell)
}

/// Match the roster's units against the reports' agencies (`agencies[i]` is report `i`'s,
/// `None` when it could not be read). `source` names the roster in the result.
pub fn check_roster(source: &str, units: &[String], agencies: &[Option<&str>]) -> Roster {
    let mut exact: HashMap<String, usize> = HashMap::new();
    for (u, name) in units.iter().enumerate() {
        let norm = normalize(name);
        if !norm.is_empty() {
            exact.entry(norm).or_insert(u);
        }
    }
    // Per unit, its reports: (index, the guess's reason when it is one).
    let mut found: Vec<Vec<(usize, Option<String>)>> = vec![Vec::new(); units.len()];
    let mut unlisted = Vec::new();
    for (i, agency) in agencies.iter().enumerate() {
        match agency.and_then(|a| best_unit(a, units, &exact)) {
            Some((u, why)) => {
                if let Some(list) = found.get_mut(u) {
                    list.push((i, why));
                }
            }
            None => unlisted.push(i),
        }
    }
    let units: Vec<Unit> = units
        .iter()
        .zip(found)
        .map(|(name, reports)| unit(name, &reports, agencies))
        .collect();
    Roster {
        source: source.to_string(),
        missing: units.iter().filter(|u| u.found == Found::Missing).count(),
        units,
        unlisted,
    }
}

/// The unit a report's agency matches best: the one of the same name, else the first one a
/// guess matches (with the guess's reason, which names the others that matched as well).
fn best_unit(
    agency: &str,
    units: &[String],
    exact: &HashMap<String, usize>,
) -> Option<(usize, Option<String>)> {
    if let Some(&u) = exact.get(&normalize(agency)) {
        return Some((u, None));
    }
    let mut guesses =
        units
            .iter()
            .enumerate()
            .filter_map(|(u, name)| match match_agency(name, agency) {
                AgencyMatch::Guess(why) => Some((u, why)),
                _ => None,
            });
    let (first, why) = guesses.next()?;
    let others: Vec<&str> = guesses
        .map(|(u, _)| units.get(u).map_or("", String::as_str))
        .collect();
    let why = match others.as_slice() {
        [] => why,
        [other, ..] => format!(
            "{why}；名单中另有 {} 个单位也能对上（如“{other}”），取名单中靠前的一个",
            others.len()
        ),
    };
    Some((first, Some(why)))
}

/// A unit's entry from the reports that matched it.
fn unit(name: &str, reports: &[(usize, Option<String>)], agencies: &[Option<&str>]) -> Unit {
    let first_guess = reports
        .iter()
        .find_map(|(i, why)| Some((*i, why.as_ref()?)));
    let found = if reports.is_empty() {
        Found::Missing
    } else if reports.iter().any(|(_, why)| why.is_none()) {
        Found::Exact
    } else {
        Found::Guess
    };
    let guess = first_guess.filter(|_| found == Found::Guess);
    Unit {
        unit: name.to_string(),
        found,
        reports: reports.iter().map(|(i, _)| *i).collect(),
        agency: guess.and_then(|(i, _)| agencies.get(i).copied().flatten().map(str::to_string)),
        reason: guess.map(|(_, why)| why.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<String> {
        parse(text).units
    }

    #[test]
    fn one_unit_a_line_without_numbering_spaces_and_punctuation() {
        let text = "\u{feff}平潭综合实验区交通与建设局\r\n\n  1. 平潭综合实验区财政金融局，\n\
                    2、平潭综合实验区教育局、\n（一）平潭综合实验区社会事业局\n\
                    (12) 平潭综合实验区自然资源与规划局\n③平潭综合实验区经济发展局\n\
                    \u{3000}十、平潭综合实验区市场监督管理局；\n4 平潭综合实验区卫生健康委员会\n";
        assert_eq!(
            units(text),
            [
                "平潭综合实验区交通与建设局",
                "平潭综合实验区财政金融局",
                "平潭综合实验区教育局",
                "平潭综合实验区社会事业局",
                "平潭综合实验区自然资源与规划局",
                "平潭综合实验区经济发展局",
                "平潭综合实验区市场监督管理局",
                "平潭综合实验区卫生健康委员会",
            ]
        );
    }

    #[test]
    fn a_name_that_begins_like_numbering_keeps_it() {
        // "十" before 、 is numbering; inside a name, a numeral is part of it.
        assert_eq!(
            units("一中\n（区交通运输局）\n"),
            ["一中", "（区交通运输局）"]
        );
    }

    #[test]
    fn a_table_with_a_header_gives_the_units_column() {
        let csv = "序号,单位名称,联系人,电话\n1,平潭综合实验区交通与建设局,张三,123\n\
                   2,\"平潭综合实验区财政金融局\",李四,456\n3,,王五,789\n";
        assert_eq!(
            units(csv),
            ["平潭综合实验区交通与建设局", "平潭综合实验区财政金融局"]
        );
        // Tabs, no header: the first cell that looks like a name.
        assert_eq!(
            units("1\t湘阴县人民政府\t备注\n2\t平江县人民政府\t\n"),
            ["湘阴县人民政府", "平江县人民政府"]
        );
        // The units' column named 部门 after a column of remarks.
        assert_eq!(units("备注,部门\n已报送,湘阴县教育局\n"), ["湘阴县教育局"]);
    }

    #[test]
    fn titles_repeats_and_noise_give_no_units() {
        let text = "2024年度政府信息公开工作年度报告报送单位名单\n单位\n湘阴县人民政府\n\
                    湘阴县人民政府\n湘阴县 人民政府\n123\n局\n";
        assert_eq!(units(text), ["湘阴县人民政府"]);
        assert_eq!(units(""), Vec::<String>::new());
        assert_eq!(units("\u{feff}\n \n,,,\n\"\n"), Vec::<String>::new());
        assert_eq!(units(&"名".repeat(200)), Vec::<String>::new());
    }

    #[test]
    fn a_long_list_is_cut() {
        let text: String = (0..MAX_UNITS + 3)
            .map(|i| format!("第{i}号单位\n"))
            .collect();
        let list = parse(&text);
        assert_eq!(list.units.len(), MAX_UNITS);
        assert!(list.cut);
        assert!(!parse("湘阴县人民政府").cut);
    }

    #[test]
    fn gbk_bytes_are_read() {
        let (bytes, _, _) = encoding_rs::GBK.encode("单位名称\n湘阴县人民政府\n");
        assert_eq!(parse_bytes(&bytes).units, ["湘阴县人民政府"]);
        let zip = [
            b'P', b'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        let list = parse_bytes(&zip);
        assert!(list.not_text && list.units.is_empty());
    }

    #[test]
    fn any_text_is_read_without_a_panic() {
        // Pieces that meet each of the parser's branches, in every order a small generator
        // makes; each unit read is a cleaned, non-empty cell of the text.
        let pieces = [
            "（",
            "）",
            "(",
            ")",
            "1",
            "十",
            "、",
            ".",
            ",",
            "\t",
            "\n",
            "\"",
            " ",
            "\u{3000}",
            "单位名称",
            "序号",
            "局",
            "湘阴县人民政府",
            "①",
            "名单",
            "：",
            "\u{feff}",
            "é",
            "；",
        ];
        let mut seed = 0x2545_f491_u64;
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..12 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let list = parse(&text);
            for unit in &list.units {
                assert!(
                    !unit.is_empty() && !unit.contains('\n'),
                    "{text:?}: {unit:?}"
                );
            }
            let agencies = [Some(text.as_str()), None];
            let r = check_roster("t", &list.units, &agencies);
            assert_eq!(r.units.len(), list.units.len());
        }
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn units_are_matched_exactly_by_guess_or_not_at_all() {
        let units = names(&[
            "平潭综合实验区交通与建设局",
            "湘阴县人民政府",
            "平潭综合实验区财政金融局",
            "平潭综合实验区教育局",
        ]);
        let agencies = [
            Some("平潭综合实验区交通与建设局（区交通运输局）"), // 0: guess for unit 0
            Some("湘阴县政府"),                                 // 1: guess for unit 1
            Some("平潭综合实验区教育局"),                       // 2: exact for unit 3
            Some("平潭综合实验区社会事业局"),                   // 3: in no unit
            None,                                               // 4: agency unknown
            Some("平潭综合实验区教育局"),                       // 5: exact, another year
        ];
        let r = check_roster("units.txt", &units, &agencies);
        assert_eq!(r.source, "units.txt");
        let found: Vec<(Found, Vec<usize>)> = r
            .units
            .iter()
            .map(|u| (u.found, u.reports.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (Found::Guess, vec![0]),
                (Found::Guess, vec![1]),
                (Found::Missing, vec![]),
                (Found::Exact, vec![2, 5]),
            ]
        );
        assert_eq!(
            r.units[0].agency.as_deref(),
            Some("平潭综合实验区交通与建设局（区交通运输局）")
        );
        assert!(r.units[0]
            .reason
            .as_deref()
            .is_some_and(|w| w.contains("括号")));
        assert!(r.units[1]
            .reason
            .as_deref()
            .is_some_and(|w| w.contains("人民")));
        assert_eq!(r.units[2].agency, None);
        assert_eq!(r.units[3].reason, None);
        assert_eq!(r.missing, 1);
        assert_eq!(r.unlisted, [3, 4]);
    }

    #[test]
    fn a_report_goes_to_one_unit_the_best() {
        // An exact match wins over a guess; of two guesses the first, said with the other.
        let units = names(&["洪泽区人民政府", "淮安市洪泽区人民政府", "宿迁市洪泽区政府"]);
        let r = check_roster("u", &units, &[Some("淮安市洪泽区人民政府")]);
        assert_eq!(r.units[1].found, Found::Exact);
        assert_eq!(r.units[0].found, Found::Missing);
        let r = check_roster("u", &units, &[Some("江苏省淮安市洪泽区人民政府")]);
        let found: Vec<Found> = r.units.iter().map(|u| u.found).collect();
        assert_eq!(found, [Found::Guess, Found::Missing, Found::Missing]);
        let why = r.units[0].reason.as_deref().unwrap_or_default();
        assert!(why.contains("另有 1 个单位"), "{why}");
        // A unit with a sure report and a guessed one is found surely.
        let r = check_roster(
            "u",
            &names(&["湘阴县人民政府"]),
            &[Some("湘阴县政府"), Some("湘阴县人民政府")],
        );
        assert_eq!(r.units[0].found, Found::Exact);
        assert_eq!(r.units[0].reports, [0, 1]);
        assert_eq!(r.units[0].agency, None);
    }

    #[test]
    fn json_names_as_agreed() {
        let r = check_roster(
            "units.txt",
            &names(&["湘阴县人民政府", "平江县人民政府"]),
            &[Some("湘阴县政府"), Some("某某局")],
        );
        let json = serde_json::to_value(&r).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!({
                "source": "units.txt",
                "units": [
                    {"unit": "湘阴县人民政府", "match": "guess", "reports": [0],
                     "agency": "湘阴县政府", "reason": "“湘阴县人民政府”与“湘阴县政府”仅差“人民”二字"},
                    {"unit": "平江县人民政府", "match": "missing", "reports": []}
                ],
                "missing": 1,
                "unlisted": [1]
            })
        );
    }
}
