//! Label normalisation: full-width forms to half-width, no white space, traditional
//! characters to simplified, one form of each bracket and separator. Labels are compared
//! only after this.

/// Traditional → simplified for the characters that occur in report labels, headings and
/// the phrases the checker looks for. Pairs: traditional then simplified.
const TRAD_SIMP: &str = "總总計计結结轉转繼继續续辦办開开請请數数與与處处據据報报況况動动關关於于機机構构組组織织體体業业類类務务內内資资條条項项規规範范現现廢废發发決决許许罰罚強强費费額额單单萬万採采購购專专門门問问題题進进經经議议訴诉審审維维糾纠復复複复認认確确獲获應应為为區区縣县鄉乡鎮镇廳厅會会員员書书記记號号長长網网億亿實实際际護护權权險险穩稳屬属國国執执詢询補补後后訪访舉举無无當当覆复繳缴納纳統统時时間间劃划態态參参預预稅税產产擔担環环衛卫醫医療疗養养營营徵征處处對对於于這这個个們们來来說说問问書书傳传圖图種种樣样學学習习歲岁愛爱從从眾众層层導导處处價价錄录邊边須须頁页號号熱热質质簡简氣气產产藝艺雙双發发週周麼么麽么製制祕秘訊讯範范嚴严優优勢势標标準准區区鏈链線线級级報报況况員员種种處处極极積积獲获總总備备斷断廣广爭争慶庆團团訟讼沒没華华堅坚將将編编訓训過过還还";

/// The pairs sorted by the traditional character, and a bit per character from the first
/// traditional one to the last saying whether it is one: most characters are not, and are
/// told so by one bit.
struct TradTable {
    pairs: Vec<(char, char)>,
    first: u32,
    bits: Vec<u64>,
}

/// The table, built once.
fn trad_table() -> &'static TradTable {
    static TABLE: std::sync::OnceLock<TradTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = TRAD_SIMP.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.chunks_exact(2).map(|p| (p[0], p[1])).collect();
        pairs.sort_by_key(|p| p.0);
        pairs.dedup_by_key(|p| p.0);
        let first = pairs.first().map_or(0, |p| p.0 as u32);
        let last = pairs.last().map_or(0, |p| p.0 as u32);
        let mut bits = vec![0u64; (last - first) as usize / 64 + 1];
        for (t, _) in &pairs {
            let i = (*t as u32 - first) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        TradTable { pairs, first, bits }
    })
}

fn trad_to_simp(c: char) -> char {
    if (c as u32) < 0x4E00 {
        return c;
    }
    let table = trad_table();
    let Some(i) = (c as u32).checked_sub(table.first) else {
        return c;
    };
    let i = i as usize;
    if table
        .bits
        .get(i / 64)
        .is_none_or(|w| w & (1 << (i % 64)) == 0)
    {
        return c;
    }
    match table.pairs.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => table.pairs[i].1,
        Err(_) => c,
    }
}

/// Map one character to its normal form; `None` drops it (white space).
pub fn normalize_char(c: char) -> Option<char> {
    // Most characters of a report: ideographs, where only traditional forms change.
    if matches!(c, '\u{4E00}'..='\u{9FFF}') {
        return Some(trad_to_simp(c));
    }
    if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
        return None;
    }
    let c = match c {
        // Full-width ASCII block.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '〔' | '【' => '(',
        '〕' | '】' => ')',
        '−' | '–' | '‐' => '-',
        '“' | '”' | '「' | '」' | '"' => '"',
        '‘' | '’' => '\'',
        _ => trad_to_simp(c),
    };
    Some(c)
}

/// The normal form of a label.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter_map(normalize_char));
    out
}

/// Digits in any width as ASCII, for reading numbers.
pub fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Whether a character is East Asian wide (it takes two columns in a terminal, and a line
/// break between two of them is no space in CSS text layout).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Whether a character is a CJK ideograph.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_space_and_traditional() {
        assert_eq!(normalize("（七）總計"), "(七)总计");
        assert_eq!(
            normalize("四、結轉下年度繼續辦理"),
            "四、结转下年度继续办理"
        );
        assert_eq!(normalize("商业 企业"), "商业企业");
        assert_eq!(normalize("第二十条第（一）项"), "第二十条第(一)项");
        assert_eq!(normalize("１２３"), "123");
        assert_eq!(normalize("结果\n纠正"), "结果纠正");
    }

    #[test]
    fn every_pair_is_found_through_the_bits() {
        for p in TRAD_SIMP.chars().collect::<Vec<_>>().chunks_exact(2) {
            let simplified = trad_to_simp(p[0]);
            assert_ne!(simplified, p[0], "{}", p[0]);
            assert!(
                TRAD_SIMP.contains(&format!("{}{simplified}", p[0])),
                "{}",
                p[0]
            );
        }
        assert_eq!(trad_to_simp('总'), '总');
        assert_eq!(trad_to_simp('𠀀'), '𠀀');
    }

    #[test]
    fn the_pair_table_is_well_formed() {
        let chars: Vec<char> = TRAD_SIMP.chars().collect();
        assert_eq!(chars.len() % 2, 0, "pairs of traditional and simplified");
    }
}
