//! Numbers in a sentence: digits, Chinese numerals, their units and approximations.

use super::sentences::Sent;
use super::{Num, COUNT_UNITS};

pub(super) fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    )
}

pub(super) fn is_cn_numeral(c: char) -> bool {
    is_cn_digit(c) || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// 十二 → 12, 两 → 2, 二十三 → 23, 一百零五 → 105, 二〇二四 → 2024.
pub fn chinese_number(s: &str) -> Option<f64> {
    let digit = |c: char| -> Option<u64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || chars.len() > 12 {
        return None;
    }
    if chars.len() > 1 && chars.iter().all(|&c| digit(c).is_some()) {
        // Digit by digit: 二〇二四.
        let mut v: u64 = 0;
        for &c in &chars {
            v = v * 10 + digit(c)?;
        }
        return Some(v as f64);
    }
    let (mut total, mut section, mut num): (u64, u64, u64) = (0, 0, 0);
    for &c in &chars {
        if let Some(d) = digit(c) {
            num = d;
            continue;
        }
        let unit: u64 = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section = section.saturating_add(num).max(1).saturating_mul(unit);
            total = total.saturating_add(section);
            section = 0;
        } else {
            let n = if num == 0 && unit == 10 { 1 } else { num };
            section = section.saturating_add(n.saturating_mul(unit));
        }
        num = 0;
    }
    Some(total.saturating_add(section).saturating_add(num) as f64)
}

pub(super) const APPROX_BEFORE: &[&str] = &[
    "近", "约", "逾", "超", "大约", "将近", "接近", "不到", "不足", "多达",
];
pub(super) const APPROX_AFTER: &[&str] = &["左右", "上下", "以上", "以下", "多", "余", "许"];

pub(super) fn scan_numbers(s: &Sent) -> Vec<Num> {
    let n = &s.norm;
    let mut out = Vec::new();
    let mut i = 0;
    while i < n.len() {
        let c = n[i];
        let (value, end, decimals, chinese) = if c.is_ascii_digit() {
            let prev = i.checked_sub(1).map(|p| n[p]);
            let (value, end, decimals) = read_digits(n, i);
            if prev.is_some_and(|p| {
                p.is_ascii_alphanumeric() || matches!(p, '@' | '-' | '/' | '.' | '_' | '#')
            }) {
                i = end;
                continue;
            }
            (value, end, decimals, false)
        } else if is_cn_numeral(c) {
            let mut end = i;
            while end < n.len() && is_cn_numeral(n[end]) && end - i < 12 {
                end += 1;
            }
            let run: String = n[i..end].iter().collect();
            match chinese_number(&run) {
                Some(v) => (Some(v), end, 0, true),
                None => {
                    i = end;
                    continue;
                }
            }
        } else {
            i += 1;
            continue;
        };
        let Some(value) = value else {
            i = end;
            continue;
        };
        // The unit, maybe after 余/多.
        let mut j = end;
        let mut approx = false;
        if j < n.len() && matches!(n[j], '余' | '多') {
            approx = true;
            j += 1;
        }
        let unit = UNITS.iter().copied().find(|u| s.starts_with_at(j, u));
        let unit_end = j + unit.map_or(0, |u| u.chars().count());
        let ordinal = s.ends_with_at(i, "第");
        if chinese {
            // A Chinese numeral is a count only with a unit after it; a lone 一 only with
            // the units that do not make words (一起, 一个, 一次, 一批 …).
            let ok = unit.is_some_and(|u| COUNT_UNITS.contains(&u) || u == "%")
                && (value != 1.0 || matches!(unit, Some("件" | "条" | "项" | "宗")))
                && !ordinal;
            if !ok {
                i = end;
                continue;
            }
        }
        let before_approx = APPROX_BEFORE.iter().any(|p| s.ends_with_at(i, p))
            || (chinese && (s.ends_with_at(i, "数") || s.ends_with_at(i, "几")));
        let after = if unit.is_some() { unit_end } else { end };
        let after_approx = APPROX_AFTER.iter().any(|p| s.starts_with_at(after, p));
        // A date or a code goes on after the number: 2021-01-12, 10:42.
        let code = matches!(n.get(end), Some('-' | '/' | ':' | '.'));
        out.push(Num {
            value,
            span: s.span(i, end),
            at: i,
            len: end - i,
            unit: if ordinal || code { None } else { unit },
            approx: approx || before_approx || after_approx,
            decimals,
            chinese,
            end: after,
        });
        i = end.max(i + 1);
    }
    out
}

/// Read digits at `i`: the value (None when it is not a plain number), where it ends, and
/// its decimals. Thousands separators are read when every group has three digits.
pub(super) fn read_digits(n: &[char], i: usize) -> (Option<f64>, usize, u8) {
    let mut j = i;
    let mut digits = String::new();
    while j < n.len() && n[j].is_ascii_digit() {
        digits.push(n[j]);
        j += 1;
    }
    // Thousands: "3,119".
    if digits.len() <= 3 {
        loop {
            let group_ok = n.get(j) == Some(&',')
                && n.get(j + 1..j + 4)
                    .is_some_and(|g| g.iter().all(|c| c.is_ascii_digit()))
                && !n.get(j + 4).is_some_and(|c| c.is_ascii_digit());
            if !group_ok {
                break;
            }
            digits.extend(&n[j + 1..j + 4]);
            j += 4;
        }
    }
    let mut decimals = 0u8;
    if n.get(j) == Some(&'.') && n.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
        digits.push('.');
        j += 1;
        while j < n.len() && n[j].is_ascii_digit() {
            digits.push(n[j]);
            decimals = decimals.saturating_add(1);
            j += 1;
        }
    }
    if digits.len() > 15 {
        return (None, j, 0);
    }
    (digits.parse::<f64>().ok(), j, decimals)
}

/// Units read after a number, longest first.
pub(super) const UNITS: &[&str] = &[
    "个百分点",
    "人次",
    "件次",
    "万元",
    "亿元",
    "%",
    "件",
    "宗",
    "个",
    "条",
    "份",
    "起",
    "项",
    "次",
    "部",
    "篇",
    "则",
    "家",
    "人",
    "名",
    "封",
    "期",
    "场",
    "批",
    "元",
    "年",
    "月",
    "日",
    "号",
    "天",
    "户",
    "本",
    "块",
    "所",
    "位",
    "类",
];
