//! `--format text`: compiler-style diagnostics in Chinese.
//!
//! ```text
//! == reports/a.txt  模板 gb2019 · 2020年 · 湘阴县人民政府 · 3 个错误，0 个警告，1 条提示
//! 发布日期不详；期限 2021-03-31（政府，条例第四十九条）
//! 指标：申请 39 件 · 实质公开率 97.4%（38/39） · 不予公开率 2.6%（1/39） · …
//! error[A303] 申请情况表 自然人列: 第一项+第二项 = 39，第三项+第四项 = 36
//!   --> 第 104 行
//!    | 39 |
//! ```
//!
//! The location comes from the finding's first span (a byte offset into the decoded text),
//! shown as a line number and the line itself, shortened around the span when it is long.
//!
//! A finding about how the file was read (not about the report) opens with 〔读取〕. A content
//! finding whose cells or sentence were read with less than full certainty says so on a line
//! of its own (`= 读取把握：较可靠（…）`); a fully certain one, the common case of a web page or
//! a .docx, says nothing, so that the usual output stays as short as before.

use std::fmt::Write as _;
use std::io::{self, Write};

use gouji_core::{Certainty, Checked, Concern, Finding, Severity};

use crate::Summary;

/// How many display columns of a source line or quote to show.
const SNIPPET_WIDTH: usize = 72;

/// Render one report: the header line, then each finding.
pub fn render(source: &str, checked: &Checked) -> String {
    let report = &checked.report;
    let mut s = String::new();
    let year = report
        .year
        .map_or_else(|| "年份不详".to_string(), |y| format!("{y}年"));
    let agency = report.agency.as_deref().unwrap_or("机关不详");
    let _ = writeln!(
        s,
        "== {source}  模板 {} · {year} · {agency} · {} 个错误，{} 个警告，{} 条提示",
        report.template.id(),
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
    );
    let _ = writeln!(s, "{}", dates_line(report));
    if let Some(line) = indicators_line(report) {
        let _ = writeln!(s, "{line}");
    }
    let mut lines = None;
    for f in &report.findings {
        let mark = match f.concerns {
            Concern::Reading => "〔读取〕",
            Concern::Content => "",
        };
        let _ = writeln!(s, "{}[{}] {mark}{}", f.severity.id(), f.code, f.message);
        let lines = lines.get_or_insert_with(|| LineIndex::new(&checked.text));
        write_location(&mut s, f, &checked.text, lines);
        write_certainty(&mut s, f);
    }
    if let Some(repair) = &report.repair {
        write_repair(&mut s, repair);
    }
    s
}

/// When the report was published and by when it had to be:
/// "发布：2025-01-20（网页元数据）；期限 2025-01-31（部门，条例第四十九条）". A date read from a weak
/// source says so; a late one is marked; when the agency's kind is unknown, both deadlines.
pub fn dates_line(report: &gouji_core::Report) -> String {
    let deadline = &report.deadline;
    let published = match &report.published {
        Some(p) => {
            let weak = if p.source.is_weak() {
                "，来源较弱"
            } else {
                ""
            };
            let late = match deadline.date {
                Some(d) if p.date > d => "，晚于期限",
                _ => "",
            };
            format!(
                "发布：{}（{}{weak}{late}）",
                p.date.iso(),
                p.source.name_zh()
            )
        }
        None => "发布日期不详".to_string(),
    };
    let due = match (deadline.date, report.year) {
        (Some(d), _) => format!(
            "期限 {}（{}，{}）",
            d.iso(),
            deadline.kind.name_zh(),
            deadline.article_zh()
        ),
        (None, Some(year)) => {
            let (department, government) = gouji_core::extract::deadline::Deadline::both(year);
            let iso = |d: Option<gouji_core::ingest::dates::Date>| {
                d.map_or_else(|| "不详".to_string(), |d| d.iso())
            };
            format!(
                "期限不详（{}，无法判断；部门 {}，政府 {}，{}）",
                deadline.kind.name_zh(),
                iso(department),
                iso(government),
                deadline.article_zh()
            )
        }
        (None, None) => "期限不详（年份不详）".to_string(),
    };
    format!("{published}；{due}")
}

/// The indicators in one line (national templates only): "指标：申请 39 件 · 实质公开率 97.4%（38/39） · …".
pub fn indicators_line(report: &gouji_core::Report) -> Option<String> {
    let i = report.indicators.as_ref()?;
    let ratio = |name: &str, r: &gouji_core::indicators::Ratio| {
        let parts = match (r.numerator, r.denominator) {
            (Some(n), Some(d)) => format!("（{}/{}）", fmt_num(n), fmt_num(d)),
            _ => "（无法读取）".to_string(),
        };
        format!("{name} {}{parts}", r.percent())
    };
    let applications = i.applications.map_or_else(
        || "申请数无法读取".to_string(),
        |n| format!("申请 {} 件", fmt_num(n)),
    );
    let parts = [
        applications,
        ratio("实质公开率", &i.substantive_rate),
        ratio("不予公开率", &i.withheld_rate),
        ratio("无法提供率", &i.unavailable_rate),
        ratio("本机关不掌握占无法提供", &i.not_held_share),
        ratio("复议纠错率", &i.review_corrected_rate),
        ratio("诉讼纠错率", &i.suit_corrected_rate),
        ratio("结转率", &i.carried_out_rate),
    ];
    Some(format!("指标：{}", parts.join(" · ")))
}

/// The smallest repair: one line a change ("建议：requests/new/total 0 → 1"), then whether it
/// is the only one, and the alternatives.
fn write_repair(s: &mut String, repair: &gouji_core::Repair) {
    if repair.is_empty() {
        return;
    }
    let change = |c: &gouji_core::Change| {
        let from = match c.from_number() {
            Some(_) if c.is_blank() => "空白".to_string(),
            Some(n) => fmt_num(n),
            None => format!("“{}”", c.raw),
        };
        let mark = if repair.count > 1 && repair.is_certain(&c.cell) {
            "（每种改法都要改它）"
        } else {
            ""
        };
        format!("{} {from} → {}{mark}", c.cell, fmt_num(c.to))
    };
    let _ = writeln!(
        s,
        "最可能出错的单元格：改动 {} 处即可使全部等式成立{}",
        repair.changes.len(),
        if repair.exhausted {
            "（搜索达到上限，未必最少）"
        } else {
            ""
        }
    );
    for c in &repair.changes {
        let _ = writeln!(s, "建议：{}", change(c));
    }
    if repair.count == 1 {
        let _ = writeln!(s, "这是唯一的最少改法。");
    } else if repair.count > 1 {
        let _ = writeln!(s, "同样少的改法共 {} 种，其他改法：", repair.count);
        for (i, alt) in repair.alternatives.iter().enumerate() {
            let parts: Vec<String> = alt.iter().map(change).collect();
            let _ = writeln!(s, "  {}. {}", i + 1, parts.join("；"));
        }
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn write_location(s: &mut String, f: &Finding, text: &str, lines: &LineIndex) {
    let located = f.spans.first().and_then(|span| {
        if span.start > text.len() || !text.is_char_boundary(span.start) {
            return None;
        }
        Some((
            lines.line_of(span.start),
            lines.line_text(text, span.start),
            span.end.max(span.start) - span.start,
        ))
    });
    if let Some((number, (line, offset), len)) = located {
        let _ = writeln!(s, "  --> 第 {number} 行");
        if f.quote.is_none() {
            let snippet = shorten(line, offset, len);
            if !snippet.text.is_empty() {
                let _ = writeln!(s, "   | {}", snippet.text);
                if let Some((col, w)) = snippet.mark {
                    let _ = writeln!(s, "   | {}{}", " ".repeat(col), "^".repeat(w.max(1)));
                }
            }
        }
    }
    if let Some(quote) = &f.quote {
        let quote = quote.trim();
        if !quote.is_empty() {
            let _ = writeln!(s, "   = 原文：{}", shorten(quote, 0, 0).text);
        }
    }
}

/// "读取把握：不确定（…）" under a content finding read with less than full certainty.
fn write_certainty(s: &mut String, f: &Finding) {
    if let Some(c @ (Certainty::Likely | Certainty::Uncertain)) = f.reading {
        let why = f.reading_note.unwrap_or(c.note_zh());
        let _ = writeln!(s, "   = 读取把握：{}（{why}）", c.name_zh());
    }
}

/// Byte offsets of line starts, built once per report, so that locating a finding in a
/// 50 MB text does not rescan it.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// 1-based line number of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The line holding `offset` (without its line break) and the offset within it.
    fn line_text<'t>(&self, text: &'t str, offset: usize) -> (&'t str, usize) {
        let n = self.line_of(offset);
        let start = self.starts.get(n - 1).copied().unwrap_or(0);
        let end = self.starts.get(n).map_or(text.len(), |&next| next - 1);
        let line = text.get(start..end).unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        (line, offset.saturating_sub(start).min(line.len()))
    }
}

/// A line as shown under a finding.
#[derive(Debug, PartialEq)]
struct Snippet {
    text: String,
    /// Where the span starts in the shown text and how wide it is, in display columns; only
    /// when the line has more on it than the span, so that a mark says something.
    mark: Option<(usize, usize)>,
}

/// The line trimmed, and when it is wider than [`SNIPPET_WIDTH`], a window of it that starts
/// a little before the span (`offset`, `len` bytes), with "…" where it was cut.
fn shorten(line: &str, offset: usize, len: usize) -> Snippet {
    let lead = line.len() - line.trim_start().len();
    let line = line.trim();
    let mut offset = offset.saturating_sub(lead).min(line.len());
    while !line.is_char_boundary(offset) {
        offset -= 1;
    }
    let mut from = 0;
    if width(line) > SNIPPET_WIDTH {
        // Start up to 16 columns before the span, on a char boundary.
        from = offset;
        let mut back = 0;
        for (i, c) in line[..offset].char_indices().rev() {
            back += char_width(c);
            if back > 16 {
                break;
            }
            from = i;
        }
    }
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    let mut w = 0;
    let mut to = line.len();
    for (i, c) in line[from..].char_indices() {
        w += char_width(c);
        if w > SNIPPET_WIDTH {
            to = from + i;
            break;
        }
    }
    text.push_str(&line[from..to]);
    if to < line.len() {
        text.push('…');
    }
    let mut end = (offset + len).min(to).max(offset);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let span_text = &line[offset..end];
    let others = line[..offset]
        .chars()
        .chain(line[end..].chars())
        .any(|c| !c.is_whitespace() && c != '|');
    let mark = (others && offset < to && !span_text.is_empty()).then(|| {
        (
            usize::from(from > 0) + width(&line[from..offset]),
            width(span_text),
        )
    });
    Snippet { text, mark }
}

/// Write the closing table of a run over several reports, and the totals.
pub fn write_summary(out: &mut impl Write, rows: &[Summary], failures: usize) -> io::Result<()> {
    let header = ["来源", "年份", "模板", "错误", "警告"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.source.clone(),
                r.year.map_or_else(|| "—".to_string(), |y| y.to_string()),
                r.template.to_string(),
                r.errors.to_string(),
                r.warnings.to_string(),
            ]
        })
        .collect();
    let mut widths = header.map(width);
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cols: [&str; 5]| {
        let mut s = String::new();
        for (i, (cell, w)) in cols.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - width(cell));
            // Text columns are left-aligned, counts right-aligned.
            if i < 3 {
                s.push_str(cell);
                s.push_str(&pad);
            } else {
                s.push_str(&pad);
                s.push_str(cell);
            }
            if i + 1 < cols.len() {
                s.push_str("  ");
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(header))?;
    for row in &cells {
        writeln!(
            out,
            "{}",
            line([&row[0], &row[1], &row[2], &row[3], &row[4]].map(String::as_str))
        )?;
    }
    let errors: usize = rows.iter().map(|r| r.errors).sum();
    let warnings: usize = rows.iter().map(|r| r.warnings).sum();
    let infos: usize = rows.iter().map(|r| r.infos).sum();
    let with_errors = rows.iter().filter(|r| r.errors > 0).count();
    write!(
        out,
        "共 {} 份报告，{with_errors} 份有错误：{errors} 个错误，{warnings} 个警告，{infos} 条提示",
        rows.len()
    )?;
    if failures > 0 {
        write!(out, "；{failures} 个路径无法读取")?;
    }
    writeln!(out)
}

/// Display width in a terminal: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let wide = gouji_core::ingest::norm::is_wide(c);
    let c = c as u32;
    if wide {
        2
    } else if c < 0x20 || (0x300..=0x36F).contains(&c) || c == 0x200B {
        0
    } else {
        1
    }
}

/// The text of `gouji explain CODE`: the code, its severity and title, then each section of
/// its explanation. `None` for a code without one.
pub(crate) fn explanation(code: &str) -> Option<String> {
    let e = gouji_core::explain::explain(code)?;
    let (title, severity) = gouji_core::explain::rule_title(code)?;
    let mut out = format!("{code}（{}）{title}\n", severity.name_zh());
    for (heading, body) in e.sections() {
        out.push_str(&format!("\n{heading}\n  {body}\n"));
    }
    Some(out)
}

/// The cross-year findings, after every report: `error[Y801] source: message`.
pub fn write_across(
    out: &mut impl Write,
    across: &[(usize, gouji_core::Finding)],
    views: &[(String, Option<gouji_core::Report>)],
) -> io::Result<()> {
    writeln!(out, "== 跨年度检查（同一机关相邻年度的报告）")?;
    for (i, f) in across {
        let source = views.get(*i).map_or("", |v| v.0.as_str());
        writeln!(
            out,
            "{}[{}] {source}: {}",
            f.severity.id(),
            f.code,
            f.message
        )?;
    }
    Ok(())
}

/// The shares of repeated prose: `source: 62.0%（1488/2400 字）见于上一年度 other`.
pub fn write_similarity(
    out: &mut impl Write,
    similarity: &[gouji_core::similarity::Similarity],
    views: &[(String, Option<gouji_core::Report>)],
) -> io::Result<()> {
    use gouji_core::similarity::SimilarityKind;
    writeln!(out, "== 内容雷同（正文重复比例，不计表格和格式套话）")?;
    let source = |i: usize| views.get(i).map_or("", |v| v.0.as_str());
    for e in similarity {
        let whom = match e.kind {
            SimilarityKind::PreviousYear => "上一年度",
            SimilarityKind::OtherUnit => "另一单位",
        };
        writeln!(
            out,
            "{}: {:.1}%（{}/{} 字）见于{whom} {}",
            source(e.report),
            e.share * 100.0,
            e.repeated_chars,
            e.chars,
            source(e.other)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_and_lines() {
        let text = "一\r\n二 |\n\n三四五";
        let idx = LineIndex::new(text);
        let at = text.find('二').unwrap_or(0);
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(at), 2);
        assert_eq!(idx.line_text(text, at), ("二 |", 0));
        let at = text.find('四').unwrap_or(0);
        assert_eq!(idx.line_of(at), 4);
        assert_eq!(idx.line_text(text, at), ("三四五", 3));
        assert_eq!(idx.line_of(text.len()), 4);
    }

    #[test]
    fn long_lines_are_shortened_around_the_span() {
        let line = "甲".repeat(100) + "目标" + &"乙".repeat(100);
        let at = line.find('目').unwrap_or(0);
        let s = shorten(&line, at, "目标".len());
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{s:?}");
        assert!(s.text.contains("目标"), "{s:?}");
        assert!(width(&s.text) <= SNIPPET_WIDTH + 2);
        // The mark sits under 目标: "…" and eight 甲 before it.
        assert_eq!(s.mark, Some((1 + 16, 4)));
        // A line that is only the span gets no mark.
        assert_eq!(
            shorten("  39 | ", 2, 2),
            Snippet {
                text: "39 |".into(),
                mark: None
            }
        );
        // A row of values marks the one meant.
        let row = "（六）其他处理 0 10 0";
        let at = row.find("10").unwrap_or(0);
        assert_eq!(
            shorten(row, at, 2),
            Snippet {
                text: row.into(),
                mark: Some((17, 2))
            }
        );
    }

    #[test]
    fn widths() {
        assert_eq!(width("gb2019"), 6);
        assert_eq!(width("湘阴县"), 6);
        assert_eq!(width("（七）"), 6);
    }
}
