//! Title, year, agency and the statistics period.

use super::sections::SectionHit;
use crate::ingest::norm::ascii_digit;
use crate::ingest::Document;
use crate::span::Span;

/// A year found in the input, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearAt {
    pub year: i32,
    pub span: Span,
}

/// The statistics period (统计期限) as the report states it.
#[derive(Clone, Debug, PartialEq)]
pub enum Period {
    /// Read in full: from (year, month, day) to (year, month, day).
    Read {
        from: (i32, u32, u32),
        to: (i32, u32, u32),
        span: Span,
        quote: String,
    },
    /// A period is stated but cannot be read (characters lost: "202311日至1231").
    Unreadable { span: Span, quote: String },
}

impl Period {
    pub fn span(&self) -> Span {
        match self {
            Period::Read { span, .. } | Period::Unreadable { span, .. } => *span,
        }
    }

    pub fn quote(&self) -> &str {
        match self {
            Period::Read { quote, .. } | Period::Unreadable { quote, .. } => quote,
        }
    }
}

/// What the report says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// The title's text and span, when a title line was found.
    pub title: Option<(String, Span)>,
    pub title_year: Option<YearAt>,
    pub period: Option<Period>,
    /// The first year section 一 speaks of.
    pub body_year: Option<YearAt>,
    pub agency: Option<String>,
}

impl Meta {
    /// The report's year: the title's, else the period's, else the body's.
    pub fn year(&self) -> Option<i32> {
        self.title_year
            .map(|y| y.year)
            .or(match &self.period {
                Some(Period::Read { from, to, .. }) if from.0 == to.0 => Some(to.0),
                Some(Period::Read { to, .. }) => Some(to.0),
                _ => None,
            })
            .or(self.body_year.map(|y| y.year))
    }
}

/// Find a year "YYYY年" (spaces allowed between) in `s`, from byte `from`; returns the year
/// and its byte range.
fn find_year(s: &str, from: usize) -> Option<(i32, usize, usize)> {
    let chars: Vec<(usize, char)> = s
        .get(from..)?
        .char_indices()
        .map(|(i, c)| (i + from, c))
        .collect();
    let mut i = 0;
    while i < chars.len() {
        if ascii_digit(chars[i].1).is_some() && (i == 0 || ascii_digit(chars[i - 1].1).is_none()) {
            let mut j = i;
            let mut y = 0i32;
            while j < chars.len() && j - i < 5 {
                match ascii_digit(chars[j].1) {
                    Some(d) => y = y * 10 + d as i32,
                    None => break,
                }
                j += 1;
            }
            if j - i == 4 && (1990..=2100).contains(&y) {
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                if k < chars.len() && chars[k].1 == '年' {
                    let end = chars[k].0 + '年'.len_utf8();
                    return Some((y, chars[i].0, end));
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// Read the title, year, agency and period.
pub fn read_meta(text: &str, doc: &Document, sections: &[SectionHit]) -> Meta {
    let mut meta = Meta::default();
    let first_section = sections
        .first()
        .map_or(text.len().min(4000), |s| s.span.start);
    read_title(text, doc, first_section, &mut meta);
    meta.period = read_period(text);
    // The body's year: the first year in section 一 (or, without headings, the text's start).
    let body_from = sections
        .iter()
        .find(|s| s.number == 1)
        .map_or(first_section.min(text.len()), |s| s.span.end);
    let body_to = text.len().min(floor_char(text, body_from + 3000));
    if let Some((y, a, b)) = text
        .get(..body_to)
        .and_then(|t| find_year(t, floor_char(text, body_from)))
    {
        meta.body_year = Some(YearAt {
            year: y,
            span: Span::new(a, b),
        });
    }
    if meta.agency.is_none() {
        meta.agency = agency_from_body(text, body_from, body_to);
    }
    if let Some(a) = &meta.agency {
        meta.agency = Some(widen_agency(text, a));
    }
    meta
}

fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn read_title(text: &str, doc: &Document, limit: usize, meta: &mut Meta) {
    let mut prev: Option<&str> = None;
    for line in doc.lines.iter().take(40) {
        if line.span.start > limit {
            break;
        }
        let s = text[line.span.start..line.span.end].trim();
        if s.is_empty() {
            continue;
        }
        // Compared as unified ideographs ("年度报吿" with a radical from a PDF's font).
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(crate::ingest::norm::unified)
            .collect();
        let is_title = compact.chars().count() <= 80
            && (compact.contains("年度报告") || compact.contains("年报"))
            && compact.contains("公开")
            && !compact.contains('。')
            && find_year(s, 0).is_some();
        if is_title {
            if let Some((y, a, b)) = find_year(s, 0) {
                meta.title_year = Some(YearAt {
                    year: y,
                    span: Span::new(line.span.start + a, line.span.start + b),
                });
                let before = s[..a].trim();
                let after = s[b..].trim_start_matches('度').trim();
                meta.agency = agency_from_title(before, after, prev);
            }
            meta.title = Some((s.to_string(), line.span));
            return;
        }
        prev = Some(s);
    }
}

/// "湘阴县人民政府2020年政府信息公开…" → before the year; "2020年湘西高新区信息公开…" →
/// after the year up to 信息公开; a title that starts with the year takes the line above.
fn agency_from_title(before: &str, after: &str, prev: Option<&str>) -> Option<String> {
    let clean = |s: &str| -> Option<String> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.trim_matches(|c: char| matches!(c, '-' | '—' | '|' | ':' | '：' | '《' | '》'));
        let n = s.chars().count();
        (2..=40).contains(&n).then(|| s.to_string())
    };
    if let Some(a) = clean(before) {
        return Some(a);
    }
    for stop in ["政府信息公开", "政务信息公开", "信息公开", "政务公开"] {
        if let Some(i) = after.find(stop) {
            if let Some(a) = clean(&after[..i]) {
                return Some(a);
            }
            break;
        }
    }
    prev.and_then(|p| {
        let short = p.chars().count() <= 30 && !p.contains(['。', '，', ',', '|', ':', '：']);
        if short {
            clean(p)
        } else {
            None
        }
    })
}

/// "2021年，沿海工业城发展服务中心政务信息公开工作…" → the name between the year and 信息公开.
fn agency_from_body(text: &str, from: usize, to: usize) -> Option<String> {
    let from = floor_char(text, from);
    let (_, _, end) = find_year(text.get(..to)?, from)?;
    let rest = text.get(end..)?;
    let rest = rest.trim_start_matches(['，', ',', ' ', '度']);
    let window: String = rest.chars().take(40).collect();
    for stop in ["政府信息公开", "政务信息公开", "政务公开", "信息公开"] {
        if let Some(i) = window.find(stop) {
            let name = &window[..i];
            let n = name.chars().count();
            let plain = !name.contains(['，', ',', '。', '、', '在', '我', '本']);
            if (3..=30).contains(&n) && plain {
                return Some(name.to_string());
            }
            return None;
        }
    }
    None
}

/// "清流县" → "清流县人民政府" when the report names itself so elsewhere.
fn widen_agency(text: &str, agency: &str) -> String {
    if agency.ends_with("政府") || agency.contains("办公室") || agency.ends_with('局') {
        return agency.to_string();
    }
    let wider = format!("{agency}人民政府");
    if text.contains(&wider) {
        wider
    } else {
        agency.to_string()
    }
}

const PERIOD_KEYS: &[&str] = &[
    "统计期限",
    "统计时限",
    "统计数据时限",
    "统计时间",
    "统计区间",
    "统计周期",
];

/// Find "统计期限自2020年1月1日起至2020年12月31日止" and read it.
fn read_period(text: &str) -> Option<Period> {
    // The text is read without white space but line breaks (a key or a date may be split
    // by spaces), as characters with their offsets in the input.
    let compact = |from: usize| {
        text[from..]
            .char_indices()
            .map(move |(i, c)| (from + i, c))
            .filter(|(_, c)| !c.is_whitespace() || *c == '\n')
    };
    // The first key: every key starts with 统, so only there is one compared.
    let (start, key, after) = text.match_indices('统').find_map(|(at, _)| {
        PERIOD_KEYS.iter().find_map(|key| {
            let mut chars = compact(at);
            let mut end = at;
            for k in key.chars() {
                let (i, c) = chars.next()?;
                if c != k {
                    return None;
                }
                end = i + c.len_utf8();
            }
            Some((at, *key, end))
        })
    })?;
    // The statement runs to the sentence's end; a line break ends it unless the next line
    // goes on with the date (PDF text wraps inside sentences).
    let mut stmt = String::new();
    let mut stmt_chars = 0;
    let mut end = text.len();
    let mut chars = compact(after);
    while let Some((i, c)) = chars.next() {
        if matches!(c, '。' | '，' | ',' | ';' | '；' | '）' | ')') || stmt_chars >= 40 {
            end = i;
            break;
        }
        if c == '\n' {
            let next = chars.clone().map(|(_, c)| c).find(|&c| c != '\n');
            let goes_on =
                next.is_some_and(|n| ascii_digit(n).is_some() || "起至年月日到止".contains(n));
            if !goes_on {
                end = i;
                break;
            }
            continue;
        }
        stmt.push(c);
        stmt_chars += 1;
    }
    let stmt = stmt.as_str();
    let span = Span::new(start, end.max(start));
    let quote = format!("{key}{stmt}");
    match parse_range(stmt) {
        Some((from, to)) => Some(Period::Read {
            from,
            to,
            span,
            quote,
        }),
        None => Some(Period::Unreadable { span, quote }),
    }
}

/// "自2020年1月1日起至2020年12月31日止", "为2013年1月1日至2013年12月31日",
/// "自2020年1月1日至12月31日".
/// A date as (year, month, day).
type Date = (i32, u32, u32);

fn parse_range(s: &str) -> Option<(Date, Date)> {
    let s = s.trim_start_matches(['自', '为', '是', ':', '：', '从']);
    let (a, b) = s.split_once('至').or_else(|| s.split_once('到'))?;
    let a = a.trim_end_matches('起');
    let b = b.trim_end_matches('止');
    let from = parse_date(a, None)?;
    let to = parse_date(b, Some(from.0))?;
    Some((from, to))
}

fn parse_date(s: &str, default_year: Option<i32>) -> Option<(i32, u32, u32)> {
    let nums = |t: &str| -> Option<u32> {
        let mut v = 0u32;
        if t.is_empty() || t.chars().count() > 4 {
            return None;
        }
        for c in t.chars() {
            v = v * 10 + ascii_digit(c)?;
        }
        Some(v)
    };
    let (y, rest) = match s.split_once('年') {
        Some((y, r)) => (nums(y)? as i32, r),
        None => (default_year?, s),
    };
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let (m, d) = (nums(m)?, nums(d)?);
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_their_forms() {
        let p = read_period("本年报中所列数据的统计期限自2020年1月1日起至2020年12月31日止。");
        assert!(matches!(
            p,
            Some(Period::Read {
                from: (2020, 1, 1),
                to: (2020, 12, 31),
                ..
            })
        ));
        let p = read_period("统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。");
        assert!(matches!(
            p,
            Some(Period::Read {
                to: (2023, 12, 31),
                ..
            })
        ));
        let p = read_period("统计期限自2020年1月1日至12月31日。");
        assert!(matches!(
            p,
            Some(Period::Read {
                to: (2020, 12, 31),
                ..
            })
        ));
        let p = read_period("本报告数据统计时限为202311日至1231\n\n一、总体情况");
        assert!(matches!(p, Some(Period::Unreadable { .. })));
        assert_eq!(read_period("没有期限"), None);
    }

    #[test]
    fn years_with_spaces() {
        assert_eq!(find_year("2023 年政府信息", 0).map(|y| y.0), Some(2023));
        assert_eq!(find_year("电话2260199年", 0), None);
        assert_eq!(find_year("发布时间:2021-01-12", 0), None);
    }
}
