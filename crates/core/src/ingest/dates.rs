//! Calendar dates as reports and files write them: "2025-01-20 09:30" (a page's metadata and
//! its 发布时间 line), "D:20250120093000+08'00'" (a PDF's /CreationDate),
//! "2025-01-20T01:30:00Z" (XMP, a .docx's `dcterms:created`), "2025年1月20日" and
//! "二〇二五年一月二十日" (a 落款). Every date is validated: there is no 2月30日.

use super::norm::ascii_digit;

/// A day of the calendar, validated. Ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// The years a date of a report may have.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

impl Date {
    /// The date, when it is one of the calendar (and its year one a report can have).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (YEARS.contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// `2025-01-20`
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `2025年1月20日`
    pub fn zh(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// A date written with digits and separators at the start of `s` (white space before it
/// skipped): "2025-01-20", "2025-1-20 09:30", "2025/01/20", "2025.01.20", "2025-01-20T01:30Z",
/// and a PDF date "D:20250120…" or bare "20250120…".
pub fn parse_numeric(s: &str) -> Option<Date> {
    let s = s.trim_start();
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits: Vec<u32> = s.chars().map_while(ascii_digit).collect();
    if digits.len() >= 8 {
        let n = |a: usize, b: usize| digits[a..b].iter().fold(0, |v, d| v * 10 + d);
        return Date::new(n(0, 4) as i32, n(4, 6), n(6, 8));
    }
    let mut parts = Vec::with_capacity(3);
    let mut rest = s;
    for i in 0..3 {
        let len: usize = rest
            .chars()
            .take_while(|&c| ascii_digit(c).is_some())
            .map(char::len_utf8)
            .sum();
        let want = if i == 0 { 4..=4 } else { 1..=2 };
        if !want.contains(&rest[..len].chars().count()) {
            return None;
        }
        let v = rest[..len]
            .chars()
            .filter_map(ascii_digit)
            .fold(0u32, |v, d| v * 10 + d);
        parts.push(v);
        rest = &rest[len..];
        if i < 2 {
            let mut c = rest.chars();
            match c.next() {
                Some('-' | '/' | '.' | '－') => rest = c.as_str(),
                _ => return None,
            }
        }
    }
    // "2025-01-201" is no date.
    if rest.chars().next().and_then(ascii_digit).is_some() {
        return None;
    }
    Date::new(parts[0] as i32, parts[1], parts[2])
}

/// A Chinese numeral digit (〇 一 … 九, and the forms a PDF's font or a typist gives 〇).
fn cn_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' | 'O' | 'o' | 'Ｏ' | '◯' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// A month or day: digits ("1", "01", "３１") or a Chinese number up to 三十一 (一, 十, 十五,
/// 二十, 二十一, 三十一).
fn small_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 3 {
        return None;
    }
    if s.chars().all(|c| ascii_digit(c).is_some()) {
        return Some(s.chars().filter_map(ascii_digit).fold(0, |v, d| v * 10 + d));
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [a] => cn_digit(*a).filter(|&d| d > 0),
        ['十', b] => cn_digit(*b).filter(|&d| d > 0).map(|d| 10 + d),
        [a, '十'] => cn_digit(*a).filter(|&d| d > 1).map(|d| d * 10),
        [a, '十', b] => {
            let (a, b) = (cn_digit(*a)?, cn_digit(*b)?);
            (a > 1 && b > 0).then_some(a * 10 + b)
        }
        _ => None,
    }
}

/// A date "YYYY年M月D日" (digits, white space allowed between the parts) or "二〇二五年一月十五日"
/// that `s` holds somewhere: the date and its byte range in `s`.
pub fn find_written(s: &str) -> Option<(Date, usize, usize)> {
    for (at, _) in s.match_indices('年') {
        // The year: the four digits (or Chinese digits) before 年, spaces allowed before 年.
        let before = s[..at].trim_end();
        let year_chars: Vec<(usize, char)> = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| ascii_digit(*c).is_some() || cn_digit(*c).is_some())
            .collect();
        if year_chars.len() != 4 {
            continue;
        }
        let start = year_chars[3].0;
        let year = year_chars
            .iter()
            .rev()
            .map(|&(_, c)| ascii_digit(c).or_else(|| cn_digit(c)).unwrap_or(0))
            .fold(0u32, |v, d| v * 10 + d) as i32;
        let after = &s[at + '年'.len_utf8()..];
        let Some((m, rest)) = after.split_once('月') else {
            continue;
        };
        let Some((d, _)) = rest.split_once('日') else {
            continue;
        };
        let compact = |t: &str| -> String { t.chars().filter(|c| !c.is_whitespace()).collect() };
        let (Some(month), Some(day)) = (small_number(&compact(m)), small_number(&compact(d)))
        else {
            continue;
        };
        let Some(date) = Date::new(year, month, day) else {
            continue;
        };
        let end = at + '年'.len_utf8() + m.len() + '月'.len_utf8() + d.len() + '日'.len_utf8();
        return Some((date, start, end));
    }
    None
}

/// The first date of either form in `s`: "2025-01-20" or "2025年1月20日".
pub fn find_any(s: &str) -> Option<(Date, usize, usize)> {
    let numeric = s.char_indices().find_map(|(i, c)| {
        let starts = ascii_digit(c).is_some()
            && s[..i]
                .chars()
                .next_back()
                .is_none_or(|p| ascii_digit(p).is_none());
        if !starts {
            return None;
        }
        let d = parse_numeric(&s[i..])?;
        // The date's own characters: digits and separators.
        let len: usize = s[i..]
            .chars()
            .take_while(|&c| ascii_digit(c).is_some() || "-/.－".contains(c))
            .map(char::len_utf8)
            .sum();
        Some((d, i, i + len))
    });
    let written = find_written(s);
    match (numeric, written) {
        (Some(a), Some(b)) => Some(if a.1 <= b.1 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// A date a file declares outside its text: where (`PubDate`, `CreationDate`,
/// `dcterms:created` …) and the value as written (`2025-01-20 09:30`,
/// `D:20250120093000+08'00'`). Read as a date by [`crate::extract::published`].
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct DeclaredDate {
    pub key: String,
    pub value: String,
}

#[cfg(test)]
// A test fails by panicking.
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn only_calendar_dates() {
        assert!(d(2024, 2, 29).is_some());
        assert!(d(2025, 2, 29).is_none());
        assert!(d(2025, 2, 30).is_none());
        assert!(d(2025, 4, 31).is_none());
        assert!(d(2025, 13, 1).is_none());
        assert!(d(2025, 1, 0).is_none());
        assert!(d(1900, 2, 29).is_none());
        assert!(d(2000, 2, 29).is_some());
        assert_eq!(d(2025, 1, 5).map(|x| x.iso()), Some("2025-01-05".into()));
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(parse_numeric("2020-01-08 09:27"), d(2020, 1, 8));
        assert_eq!(parse_numeric("2021-1-12 18:00:00"), d(2021, 1, 12));
        assert_eq!(parse_numeric("2021/01/12"), d(2021, 1, 12));
        assert_eq!(parse_numeric("D:20250225101115+08'00'"), d(2025, 2, 25));
        assert_eq!(parse_numeric("2025-02-25T02:11:15Z"), d(2025, 2, 25));
        assert_eq!(parse_numeric("2025-02-30"), None);
        assert_eq!(parse_numeric("2025-01-201"), None);
        assert_eq!(parse_numeric("0591-2316076"), None);
        assert_eq!(parse_numeric("20251301"), None);
    }

    #[test]
    fn written_forms() {
        let f = |s: &str| find_written(s).map(|x| x.0);
        assert_eq!(f("2025年1月15日"), d(2025, 1, 15));
        assert_eq!(f("2025 年 1 月 15 日"), d(2025, 1, 15));
        assert_eq!(f("二〇二五年一月十五日"), d(2025, 1, 15));
        assert_eq!(f("二〇二四年十二月三十一日"), d(2024, 12, 31));
        assert_eq!(f("二○二六年二月二十日"), d(2026, 2, 20));
        assert_eq!(f("2025年2月30日"), None);
        assert_eq!(f("2025年度"), None);
        assert_eq!(f("20250年1月1日"), None);
        let s = "平潭综合实验区经济发展局  2025年1月27日";
        let (_, a, b) = find_written(s).expect("a date");
        assert_eq!(&s[a..b], "2025年1月27日");
    }

    #[test]
    fn either_form_first() {
        let f = |s: &str| find_any(s).map(|x| x.0);
        assert_eq!(f("发布时间:2014-01-14 10:42 | 来源"), d(2014, 1, 14));
        assert_eq!(f("日期：2024年1月30日"), d(2024, 1, 30));
        assert_eq!(f("电话0591-23163387"), None);
    }
}
