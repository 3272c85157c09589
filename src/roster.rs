//! The batch's roster (名单核对) in the page: the list of units loaded from a file or pasted,
//! how it is kept in this browser (`gouji.roster`) for the next batch, and its units matched
//! against the batch's reports by the core ([`gouji_core::roster`]).
//!
//! Like the batch, nothing here reads a file: the component hands over the text (decoded in
//! the page, see [`crate::browser::decode_text`]).

use gouji_core::roster::{check_roster, parse, Roster};

use crate::batch::Batch;

/// A roster loaded into the page: where it came from and its units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterList {
    /// The file's name, or 粘贴的名单.
    pub source: String,
    pub units: Vec<String>,
    /// More than [`gouji_core::roster::MAX_UNITS`] were given; the rest were not read.
    pub cut: bool,
}

/// The name a pasted roster goes by.
pub const PASTED: &str = "粘贴的名单";

impl RosterList {
    /// The roster in a text (one unit a line, or a .csv with a header), or why there is none.
    pub fn from_text(source: &str, text: &str) -> Result<RosterList, String> {
        let list = parse(text);
        if list.units.is_empty() {
            return Err(format!(
                "“{source}”中没有读到单位名称：每行写一个单位，或使用带“单位名称”表头的 .csv 文件。"
            ));
        }
        Ok(RosterList {
            source: source.to_string(),
            units: list.units,
            cut: list.cut,
        })
    }

    /// As kept in `localStorage`: the source on the first line, then a unit a line.
    pub fn to_stored(&self) -> String {
        let mut out = self.source.replace('\n', " ");
        for unit in &self.units {
            out.push('\n');
            out.push_str(unit);
        }
        out
    }

    /// Back from [`RosterList::to_stored`]; none when nothing usable was kept.
    pub fn from_stored(text: &str) -> Option<RosterList> {
        let (source, rest) = text.split_once('\n')?;
        let units: Vec<String> = rest
            .lines()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_string)
            .collect();
        (!units.is_empty()).then(|| RosterList {
            source: source.to_string(),
            units,
            cut: false,
        })
    }
}

/// The batch's roster matched against its files (indices into `items`; a file that could not
/// be read has no agency, so it is on no unit's list), when a roster is loaded.
pub fn matched(batch: &Batch) -> Option<Roster> {
    let list = batch.roster_list.as_ref()?;
    let agencies: Vec<Option<&str>> = batch
        .items
        .iter()
        .map(|item| item.checked_report().and_then(|r| r.agency.as_deref()))
        .collect();
    Some(check_roster(&list.source, &list.units, &agencies))
}

/// The roster for an export's document, whose `reports` are `items` in this order (indices
/// into the batch's items).
pub fn for_export(batch: &Batch, items: &[usize]) -> Option<Roster> {
    let list = batch.roster_list.as_ref()?;
    let agencies: Vec<Option<&str>> = items
        .iter()
        .map(|&i| {
            batch
                .items
                .get(i)
                .and_then(|item| item.checked_report())
                .and_then(|r| r.agency.as_deref())
        })
        .collect();
    Some(check_roster(&list.source, &list.units, &agencies))
}
