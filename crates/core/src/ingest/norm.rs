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

/// U+2E80–U+2EF3 (CJK Radicals Supplement), each as its Equivalent_Unified_Ideograph
/// (Unicode's EquivalentUnifiedIdeograph.txt), or itself where Unicode gives none.
const SUPPLEMENT: &str = "\
    ⺀厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑彐忄心扌攵⺚旡日月歺母民氵氺灬爫爫丬牛\
    犭王𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑\
    钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟";

/// U+2F00–U+2FD5 (Kangxi Radicals), each as its unified ideograph (NFKC).
const KANGXI: &str = "\
    一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀\
    寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋\
    比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸\
    缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛\
    辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻\
    黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// U+F900–U+FAD9 (CJK Compatibility Ideographs), each as its canonical equivalent (NFC), or
/// itself where it is a unified ideograph of its own (U+FA0E, U+FA0F, …).
const COMPATIBILITY: &str = "\
    豈更車賈滑串句龜龜契金喇奈懶癩羅蘿螺裸邏樂洛烙珞落酪駱亂卵欄爛蘭鸞嵐濫藍襤拉臘蠟\
    廊朗浪狼郎來冷勞擄櫓爐盧老蘆虜路露魯鷺碌祿綠菉錄鹿論壟弄籠聾牢磊賂雷壘屢樓淚漏累\
    縷陋勒肋凜凌稜綾菱陵讀拏樂諾丹寧怒率異北磻便復不泌數索參塞省葉說殺辰沈拾若掠略亮\
    兩凉梁糧良諒量勵呂女廬旅濾礪閭驪麗黎力曆歷轢年憐戀撚漣煉璉秊練聯輦蓮連鍊列劣咽烈\
    裂說廉念捻殮簾獵令囹寧嶺怜玲瑩羚聆鈴零靈領例禮醴隸惡了僚寮尿料樂燎療蓼遼龍暈阮劉\
    杻柳流溜琉留硫紐類六戮陸倫崙淪輪律慄栗率隆利吏履易李梨泥理痢罹裏裡里離匿溺吝燐璘\
    藺隣鱗麟林淋臨立笠粒狀炙識什茶刺切度拓糖宅洞暴輻行降見廓兀嗀﨎﨏塚﨑晴﨓﨔凞猪益\
    礼神祥福靖精羽﨟蘒﨡諸﨣﨤逸都﨧﨨﨩飯飼館鶴郞隷侮僧免勉勤卑喝嘆器塀墨層屮悔慨憎\
    懲敏既暑梅海渚漢煮爫琢碑社祉祈祐祖祝禍禎穀突節練縉繁署者臭艹艹著褐視謁謹賓贈辶逸\
    難響頻恵𤋮舘﩮﩯並况全侀充冀勇勺喝啕喙嗢塚墳奄奔婢嬨廒廙彩徭惘慎愈憎慠懲戴揄搜摒\
    敖晴朗望杖歹殺流滛滋漢瀞煮瞧爵犯猪瑱甆画瘝瘟益盛直睊着磌窱節类絛練缾者荒華蝹襁覆\
    視調諸請謁諾諭謹變贈輸遲醙鉶陼難靖韛響頋頻鬒龜𢡊𢡄𣏕㮝䀘䀹𥉉𥳐𧻓齃龎";

/// The three blocks' tables as one list of characters, built once: the supplement, then the
/// Kangxi radicals, then the compatibility ideographs.
fn unified_table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        SUPPLEMENT
            .chars()
            .chain(KANGXI.chars())
            .chain(COMPATIBILITY.chars())
            .collect()
    })
}

/// A radical or compatibility ideograph as the unified ideograph it stands for (fonts in
/// Word-, WPS- and some browser-made PDFs give "⾏政" for 行政, "⻓" for 长); any other
/// character as it is. Only what is compared goes through this: the text shown keeps what
/// the file says.
pub fn unified(c: char) -> char {
    let n = c as u32;
    let (base, at) = match n {
        0x2E80..=0x2EF3 => (0x2E80, 0),
        0x2F00..=0x2FD5 => (0x2F00, 0x2EF4 - 0x2E80),
        0xF900..=0xFAD9 => (0xF900, 0x2EF4 - 0x2E80 + 0x2FD6 - 0x2F00),
        _ => return c,
    };
    unified_table()
        .get((n - base + at) as usize)
        .copied()
        .unwrap_or(c)
}

/// Whether a character is one that [`unified`] may change.
fn is_radical_or_compatibility(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x2FDF | 0xF900..=0xFAFF)
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
    if is_radical_or_compatibility(c) {
        return Some(trad_to_simp(unified(c)));
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
    fn radicals_and_compatibility_ideographs_are_the_ideographs() {
        assert_eq!(SUPPLEMENT.chars().count(), 0x2EF4 - 0x2E80);
        assert_eq!(KANGXI.chars().count(), 0x2FD6 - 0x2F00);
        assert_eq!(COMPATIBILITY.chars().count(), 0xFADA - 0xF900);
        // ⺠ ⻓ ⻔ (supplement), ⾦ ⾏ ⻅ (Kangxi), 﨑 (compatibility) and the traditional form a
        // Kangxi radical gives (⾧ 長 → 长).
        assert_eq!(normalize("⼈⺠政府"), "人民政府");
        assert_eq!(normalize("⾏政机关"), "行政机关");
        assert_eq!(normalize("⻓⻔⻅⾦"), "长门见金");
        assert_eq!(normalize("\u{2FA7}"), "长");
        assert_eq!(unified('\u{F90A}'), '金');
        assert_eq!(unified('\u{FA11}'), '\u{FA11}');
        // No equivalent: kept.
        assert_eq!(unified('\u{2E80}'), '\u{2E80}');
        assert_eq!(unified('\u{2FDF}'), '\u{2FDF}');
        assert_eq!(unified('总'), '总');
    }

    #[test]
    fn the_pair_table_is_well_formed() {
        let chars: Vec<char> = TRAD_SIMP.chars().collect();
        assert_eq!(chars.len() % 2, 0, "pairs of traditional and simplified");
    }
}
