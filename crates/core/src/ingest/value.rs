//! Reading one cell's text as a number: digits of any width, signs, "减4", units, and the
//! placeholders that stand for zero.

use super::norm::ascii_digit;
use crate::schema::ColKind;
use crate::table::Value;

/// What a cell's text reads as, before its column is known.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub value: Value,
    pub unit: Option<&'static str>,
}

/// Placeholders written for zero or "nothing to report".
const PLACEHOLDERS: &[&str] = &[
    "/", "／", "-", "－", "—", "——", "–", "−", "\\", "无", "\u{3000}",
];

/// Words that stand where a number should be but say no number.
const VAGUE: &[&str] = &[
    "若干",
    "不详",
    "未统计",
    "待统计",
    "未知",
    "多件",
    "数件",
    "少量",
    "暂缺",
];

/// Units a number may carry in a cell, longest first.
const UNITS: &[&str] = &[
    "人次", "万元", "亿元", "元", "件", "个", "项", "条", "次", "家", "份",
];

/// Whether a character can begin a number or a placeholder (white space aside): a digit, a
/// sign, 减 or 增, or the first character of a [`PLACEHOLDERS`] entry. Most cells of a
/// report are prose; this turns them away without copying them.
fn may_start_value(c: char) -> bool {
    ascii_digit(c).is_some()
        || matches!(
            c,
            '+' | '＋' | '-' | '－' | '−' | '–' | '减' | '增' | '/' | '／' | '—' | '\\' | '无'
        )
}

/// Whether a character other than a digit can end a value: the last character of a unit or
/// of a placeholder.
pub(crate) fn may_end_value(c: char) -> bool {
    UNITS.iter().chain(PLACEHOLDERS).any(|u| u.ends_with(c))
}

/// Read a cell's text. `Unreadable` when it is neither a number nor a placeholder.
pub fn read(raw: &str) -> Reading {
    match raw.chars().find(|c| !c.is_whitespace()) {
        Some(c) if !may_start_value(c) => {
            return Reading {
                value: Value::Unreadable,
                unit: None,
            }
        }
        _ => {}
    }
    let t: std::borrow::Cow<str> = if raw.contains(char::is_whitespace) {
        raw.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        raw.into()
    };
    let t = t.as_ref();
    if t.is_empty() || PLACEHOLDERS.contains(&t) {
        return Reading {
            value: Value::Blank,
            unit: None,
        };
    }
    match parse_number(t) {
        Some((n, unit)) => Reading {
            value: Value::Number(n),
            unit,
        },
        None => Reading {
            value: Value::Unreadable,
            unit: None,
        },
    }
}

/// Whether a text (already known not to be a label) could be a cell value that failed to
/// read, such as "若干" or "5件?": it has a digit, or is one of the vague words.
pub fn looks_like_bad_value(raw: &str) -> bool {
    let t: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let n = t.chars().count();
    if n == 0 || n > 10 {
        return false;
    }
    VAGUE.iter().any(|v| t.contains(v))
        || (t.chars().any(|c| ascii_digit(c).is_some())
            && !t.chars().any(|c| matches!(c, '年' | '月' | '日' | '页')))
}

/// Read a cell for a column of the given kind: units are converted where the column's unit
/// is known (`amount` of procurement is in 元; 万元 and 亿元 are converted).
pub fn read_for(raw: &str, kind: ColKind, amount_in_yuan: bool) -> Reading {
    let mut r = read(raw);
    if let (Value::Number(n), ColKind::Amount, true) = (&r.value, kind, amount_in_yuan) {
        let factor = match r.unit {
            Some("亿元") => 1e8,
            Some("万元") => 1e4,
            _ => 1.0,
        };
        r.value = Value::Number(round6(n * factor));
    }
    r
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn parse_number(t: &str) -> Option<(f64, Option<&'static str>)> {
    let mut s = t;
    let mut negative = false;
    for (prefix, neg) in [
        ("+", false),
        ("＋", false),
        ("-", true),
        ("－", true),
        ("−", true),
        ("–", true),
        ("减少", true),
        ("减", true),
        ("增加", false),
        ("增", false),
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            negative = neg;
            break;
        }
    }
    let mut unit = None;
    for u in UNITS {
        if let Some(rest) = s.strip_suffix(u) {
            s = rest;
            unit = Some(*u);
            break;
        }
    }
    let mut int_part: u128 = 0;
    let mut frac = String::new();
    let mut seen_digit = false;
    let mut seen_point = false;
    for (i, c) in s.char_indices() {
        if let Some(d) = ascii_digit(c) {
            seen_digit = true;
            if seen_point {
                if frac.len() < 12 {
                    frac.push(char::from_digit(d, 10)?);
                }
            } else {
                int_part = int_part.checked_mul(10)?.checked_add(d as u128)?;
                if int_part > 1_000_000_000_000_000 {
                    return None;
                }
            }
        } else if matches!(c, '.' | '．') && !seen_point && seen_digit {
            seen_point = true;
        } else if matches!(c, ',' | '，') && seen_digit && !seen_point {
            // Thousands separator: must be followed by three digits.
            let mut next = s[i + c.len_utf8()..].chars();
            if !(0..3).all(|_| next.next().and_then(ascii_digit).is_some()) {
                return None;
            }
        } else {
            return None;
        }
    }
    if !seen_digit || (seen_point && frac.is_empty()) {
        return None;
    }
    let mut n = int_part as f64;
    if !frac.is_empty() {
        let f: f64 = format!("0.{frac}").parse().ok()?;
        n += f;
    }
    Some((if negative { -n } else { n }, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(raw: &str) -> Option<f64> {
        match read(raw).value {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn reads_the_ways_numbers_are_written() {
        assert_eq!(num("39"), Some(39.0));
        assert_eq!(num("３９"), Some(39.0));
        assert_eq!(num("-681"), Some(-681.0));
        assert_eq!(num("减4"), Some(-4.0));
        assert_eq!(num("+12"), Some(12.0));
        assert_eq!(num("7730.28"), Some(7730.28));
        assert_eq!(num("3,119"), Some(3119.0));
        assert_eq!(num("5件"), Some(5.0));
        assert_eq!(read("3.6亿元").unit, Some("亿元"));
    }

    #[test]
    fn placeholders_are_blank_and_words_unreadable() {
        for p in ["", " ", "/", "-", "—", "无", "——"] {
            assert_eq!(read(p).value, Value::Blank, "{p:?}");
        }
        for u in ["若干", "5件?", "1.2.3", "3,1", "."] {
            assert_eq!(read(u).value, Value::Unreadable, "{u:?}");
        }
    }

    #[test]
    fn every_placeholder_and_sign_may_start_a_value() {
        for p in PLACEHOLDERS {
            if let Some(c) = p.chars().find(|c| !c.is_whitespace()) {
                assert!(may_start_value(c), "{p:?}");
            }
        }
        for prefix in ["+", "＋", "-", "－", "−", "–", "减少", "减", "增加", "增"] {
            let text = format!("{prefix}3");
            assert_eq!(
                read(&text).value.as_number().map(f64::abs),
                Some(3.0),
                "{text:?}"
            );
        }
        assert_eq!(read("本年新收 3").value, Value::Unreadable);
    }

    #[test]
    fn amounts_convert_to_yuan_when_asked() {
        let r = read_for("3.6亿元", ColKind::Amount, true);
        assert_eq!(r.value, Value::Number(360_000_000.0));
        let r = read_for("52.15", ColKind::Amount, true);
        assert_eq!(r.value, Value::Number(52.15));
    }

    #[test]
    fn bad_value_candidates() {
        assert!(looks_like_bad_value("若干"));
        assert!(looks_like_bad_value("5件?"));
        assert!(!looks_like_bad_value("计其他情形）"));
        assert!(!looks_like_bad_value("年"));
        assert!(!looks_like_bad_value("2023年1月1日"));
    }
}
