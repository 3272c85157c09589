//! Which sheet of the workbook a finding goes on: decided once, here, by its code.
//!
//! A code is looked up as written first (M703 is a date, not the report's structure; Y803 and
//! Y804 are repeated narrative, not the tables' carry-over), then by its family letter. Every
//! code of `rules::RULES` and `ACROSS_RULES` lands on exactly one sheet (tested).

/// The sheets that list findings, in the workbook's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// 表格勾稽: the tables' equations, values and their plausibility.
    Tables,
    /// 正文与表格: the narrative against the tables.
    Narrative,
    /// 格式与结构: sections, template, rows, metadata, legacy tables.
    Structure,
    /// 跨年度衔接: this year's carried-over figures against last year's report.
    AcrossYears,
    /// 发布时间: published after the deadline.
    Published,
    /// 内容雷同: narrative repeated from last year or from another unit.
    Similar,
}

impl Sheet {
    pub const ALL: [Sheet; 6] = [
        Sheet::Tables,
        Sheet::Narrative,
        Sheet::Structure,
        Sheet::AcrossYears,
        Sheet::Published,
        Sheet::Similar,
    ];

    /// The sheet's name (its tab).
    pub fn name(self) -> &'static str {
        match self {
            Sheet::Tables => "表格勾稽",
            Sheet::Narrative => "正文与表格",
            Sheet::Structure => "格式与结构",
            Sheet::AcrossYears => "跨年度衔接",
            Sheet::Published => "发布时间",
            Sheet::Similar => "内容雷同",
        }
    }
}

/// Codes or family letters and their sheet. A full code wins over its family.
const BY_CODE: &[(&str, Sheet)] = &[
    ("M703", Sheet::Published),
    ("Y801", Sheet::AcrossYears),
    ("Y802", Sheet::AcrossYears),
    ("Y803", Sheet::Similar),
    ("Y804", Sheet::Similar),
    ("A", Sheet::Tables),
    ("R", Sheet::Tables),
    ("V", Sheet::Tables),
    ("N", Sheet::Narrative),
    ("S", Sheet::Structure),
    ("M", Sheet::Structure),
    ("P", Sheet::Structure),
    ("L", Sheet::Structure),
];

/// The sheet of a code; a code of a family this table does not know (a newer checker's) goes
/// on 格式与结构 rather than nowhere.
pub fn sheet_of(code: &str) -> Sheet {
    let family = code.get(..1).unwrap_or_default();
    BY_CODE
        .iter()
        .find(|(key, _)| *key == code)
        .or_else(|| BY_CODE.iter().find(|(key, _)| *key == family))
        .map_or(Sheet::Structure, |&(_, sheet)| sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(code: &str) -> Vec<Sheet> {
        let family = &code[..1];
        let exact: Vec<Sheet> = BY_CODE
            .iter()
            .filter(|(k, _)| *k == code)
            .map(|e| e.1)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        BY_CODE
            .iter()
            .filter(|(k, _)| *k == family)
            .map(|e| e.1)
            .collect()
    }

    #[test]
    fn every_code_has_exactly_one_sheet() {
        for code in gouji_core::explain::codes() {
            let found = entries(code);
            assert_eq!(found.len(), 1, "{code}: {found:?}");
            assert_eq!(sheet_of(code), found[0]);
        }
    }

    #[test]
    fn the_exceptions_and_families() {
        assert_eq!(sheet_of("A303"), Sheet::Tables);
        assert_eq!(sheet_of("V201"), Sheet::Tables);
        assert_eq!(sheet_of("N601"), Sheet::Narrative);
        assert_eq!(sheet_of("M701"), Sheet::Structure);
        assert_eq!(sheet_of("M703"), Sheet::Published);
        assert_eq!(sheet_of("Y802"), Sheet::AcrossYears);
        assert_eq!(sheet_of("Y803"), Sheet::Similar);
        assert_eq!(sheet_of("L901"), Sheet::Structure);
        assert_eq!(sheet_of(""), Sheet::Structure);
    }

    #[test]
    fn keys_are_unique_and_full_codes_exist() {
        for (i, (key, _)) in BY_CODE.iter().enumerate() {
            assert!(
                BY_CODE[i + 1..].iter().all(|(k, _)| k != key),
                "{key} twice"
            );
            // A full code is registered, or one of the repeated-narrative codes, which the
            // sheet reserves before its rule exists.
            if key.len() > 1 {
                assert!(
                    gouji_core::explain::codes().any(|c| c == *key) || key.starts_with("Y80"),
                    "{key} is no code"
                );
            }
        }
    }
}
