//! `--roster FILE`: the list of units that should have a report, read before checking and
//! matched against the reports' agencies after ([`gouji_core::roster`]).
//!
//! In the text output, a 名单核对 block after the reports:
//!
//! ```text
//! 名单核对（units.txt）：共 3 个单位，有报告 2 个（其中 1 个为推测匹配），缺报 1 个：平潭综合实验区某某局；名单外的报告 1 份：b.html
//!   推测：平潭综合实验区交通与建设局 ← a.html（平潭综合实验区交通与建设局（区交通运输局））：…
//! ```
//!
//! A missing unit is no error of a report: it does not change the exit status.

use std::io::{self, Write};
use std::path::Path;

use gouji_core::roster::{Found, Roster, RosterText, MAX_UNITS};

use crate::inputs;

/// The roster's units and the name it goes by (the path as given), or the message to print
/// before exiting with status 2.
pub fn load(path: &Path) -> Result<(String, RosterText), String> {
    let source = path.display().to_string();
    let bytes = match inputs::read_file(path) {
        Ok(bytes) => bytes,
        Err(inputs::ReadError::Io(e)) => {
            return Err(format!(
                "gouji: 无法读取名单 “{source}”：{}",
                inputs::reason(&e)
            ))
        }
        Err(inputs::ReadError::OverLimit(size)) => {
            return Err(format!(
                "gouji: 无法读取名单 “{source}”：文件有 {:.1} MB，不像是单位名单",
                size as f64 / (1024.0 * 1024.0)
            ))
        }
    };
    let list = gouji_core::roster::parse_bytes(&bytes);
    if list.not_text {
        return Err(format!(
            "gouji: 名单 “{source}” 不是文本文件（Excel 表格请另存为 .csv 或 .txt，每行一个单位）"
        ));
    }
    if list.units.is_empty() {
        return Err(format!(
            "gouji: 名单 “{source}” 中没有读到单位名称（每行一个单位，或带“单位名称”表头的 .csv）"
        ));
    }
    if list.cut {
        eprintln!("gouji: 名单 “{source}” 超过 {MAX_UNITS} 个单位，只核对前 {MAX_UNITS} 个");
    }
    Ok((source, list))
}

/// The 名单核对 block: one line of counts, then a line for each guess.
pub fn write_text(out: &mut impl Write, roster: &Roster, sources: &[String]) -> io::Result<()> {
    let source = |i: usize| sources.get(i).map_or("?", String::as_str);
    let count = |f: Found| roster.units.iter().filter(|u| u.found == f).count();
    let (guesses, missing) = (count(Found::Guess), count(Found::Missing));
    let mut line = format!(
        "名单核对（{}）：共 {} 个单位，有报告 {} 个",
        roster.source,
        roster.units.len(),
        roster.units.len() - missing
    );
    if guesses > 0 {
        line.push_str(&format!("（其中 {guesses} 个为推测匹配）"));
    }
    line.push_str(&format!("，缺报 {missing} 个"));
    if missing > 0 {
        let names: Vec<&str> = roster
            .units
            .iter()
            .filter(|u| u.found == Found::Missing)
            .map(|u| u.unit.as_str())
            .collect();
        line.push_str(&format!("：{}", names.join("、")));
    }
    if roster.unlisted.is_empty() {
        line.push_str("；没有名单外的报告");
    } else {
        let names: Vec<&str> = roster.unlisted.iter().map(|&i| source(i)).collect();
        line.push_str(&format!(
            "；名单外的报告 {} 份：{}",
            names.len(),
            names.join("、")
        ));
    }
    writeln!(out, "{line}")?;
    for u in roster.units.iter().filter(|u| u.found == Found::Guess) {
        let reports: Vec<&str> = u.reports.iter().map(|&i| source(i)).collect();
        writeln!(
            out,
            "  推测：{} ← {}（{}）：{}",
            u.unit,
            reports.join("、"),
            u.agency.as_deref().unwrap_or("机关不详"),
            u.reason.as_deref().unwrap_or_default()
        )?;
    }
    Ok(())
}
