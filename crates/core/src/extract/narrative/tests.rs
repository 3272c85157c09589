use super::*;

fn narrative(text: &str, year: Option<i32>) -> Narrative {
    let doc = Document::from_text(text);
    read(
        text,
        &doc,
        &Context {
            year,
            ..Context::default()
        },
    )
}

fn claims(text: &str) -> Vec<(ClaimKind, f64)> {
    narrative(text, Some(2023))
        .claims
        .iter()
        .map(|c| (c.kind, c.num.value))
        .collect()
}

#[test]
fn chinese_numerals() {
    assert_eq!(chinese_number("十二"), Some(12.0));
    assert_eq!(chinese_number("两"), Some(2.0));
    assert_eq!(chinese_number("二十三"), Some(23.0));
    assert_eq!(chinese_number("一百零五"), Some(105.0));
    assert_eq!(chinese_number("十"), Some(10.0));
    assert_eq!(chinese_number("一千二百"), Some(1200.0));
    assert_eq!(chinese_number("二〇二四"), Some(2024.0));
    assert_eq!(chinese_number("三万"), Some(30000.0));
    // Nonsense runs give some number, never an overflow.
    assert!(chinese_number("九亿亿亿亿亿亿亿亿亿亿亿").is_some());
    assert!(chinese_number("九千九百亿亿九千").is_some());
}

#[test]
fn the_ways_requests_are_counted() {
    use ClaimKind::*;
    assert_eq!(
        claims("2023年共收到政府信息公开申请8件，已办结8件，均在法定期限内予以答复。"),
        vec![(Received, 8.0), (Processed, 8.0)]
    );
    assert_eq!(
        claims("收到依申请公开来件44件,纸质信函来件8件,39件均依法依规予以答复,目前有5件在办理中。"),
        vec![(Received, 44.0), (CarriedOut, 5.0)]
    );
    assert_eq!(
        claims("全年共收到依申请公开件两件，均予以公开。"),
        vec![(Received, 2.0)]
    );
    assert_eq!(
        claims("全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复）。"),
        vec![(Received, 3119.0), (Processed, 3050.0), (CarriedOut, 103.0)]
    );
    assert_eq!(
        claims("本年新收政府信息公开申请二十三件，上年结转两件。"),
        vec![(Received, 23.0), (CarriedIn, 2.0)]
    );
}

#[test]
fn what_is_not_a_claim() {
    // Approximate, last year, subsets, letters, other scopes.
    assert!(claims("共收到政府信息公开申请20余件。").is_empty());
    assert!(claims("共收到政府信息公开申请约20件。").is_empty());
    assert!(claims("去年共收到政府信息公开申请15件。").is_empty());
    assert!(claims("2022年共收到政府信息公开申请15件。").is_empty());
    assert!(claims("较上年增加政府信息公开申请3件。").is_empty());
    assert!(claims("共收到网上政府信息公开申请5件。").is_empty());
    assert!(claims("收到市长信箱来件285封，正在处理件15封。").is_empty());
    assert!(claims("受理商标注册399件。").is_empty());
    assert!(claims("区政府办代表区政府受理政府信息公开申请 17 件。").is_empty());
    assert!(claims("共受理政府信息公开咨询20件。").is_empty());
}

#[test]
fn breakdowns_by_subject_and_other_requests() {
    use ClaimKind::*;
    // The same kind for two subjects: neither is compared.
    assert!(claims("县政府制发规范性文件4件，县政府办公室制发规范性文件3件。").is_empty());
    // Other kinds of 申请.
    assert!(claims("受理行政许可申请1200件，办结1200件，其中5件正在办理中。").is_empty());
    // A count with its carried-in part.
    let n = narrative(
        "全年共收到政府信息公开申请26件，其中上年结转2件。",
        Some(2023),
    );
    assert_eq!(n.claims[0].kind, Received);
    assert!(n.claims[0].includes_carried_in);
    // Reviews not about disclosure.
    assert!(
        claims("本机关作为被申请人的行政复议案件共10件，其中涉及政府信息公开的2件。").is_empty()
    );
}

#[test]
fn outcomes_appeals_and_documents() {
    use ClaimKind::*;
    assert_eq!(
        claims("本年度收到申请24件，其中予以公开12件，部分公开4件，不予公开1件。"),
        vec![
            (Received, 24.0),
            (Outcome(super::Outcome::Granted), 12.0),
            (Outcome(super::Outcome::PartlyGranted), 4.0),
            (Outcome(super::Outcome::Withheld), 1.0)
        ]
    );
    assert_eq!(
        claims("政府信息公开行政复议 351 件，其中结果维持 72 件；政府信息公开行政诉讼 46 件。"),
        vec![(Reviews, 351.0), (Lawsuits, 46.0)]
    );
    assert!(claims("因政府信息公开被申请行政复议和提起行政诉讼各1件。").is_empty());
    assert_eq!(
        claims("调整废止行政规范性文件11件，39行政规范性文件纳入文件库。"),
        vec![(Docs(DocKind::NormativeDocs, DocMeasure::Repealed), 11.0)]
    );
    assert!(claims("地方行政规章和各级行政机关制定的规范性文件15份。").is_empty());
    assert!(claims("制定完善规章制度5项。").is_empty());
    assert!(claims("市政府及市政府办政策性文件 11 件。").is_empty());
}

#[test]
fn percentages_and_their_total() {
    let n = narrative(
        "主要类别有:机构职能类信息329条,占24.4%;规划计划类信息89条,占6%;其他108条,占8.01%。",
        None,
    );
    assert_eq!(n.percent_lists.len(), 1);
    assert_eq!(n.percent_lists[0].items.len(), 3);
    assert_eq!(n.percent_lists[0].total, None);
    let n = narrative("共收到申请8件，其中予以公开5件，占62.5%。", None);
    assert_eq!(
        n.percent_lists[0].total.as_ref().map(|t| t.value),
        Some(8.0)
    );
    let n = narrative("本县受理申请50件，占全市的15%。", None);
    assert!(n.percent_lists.is_empty());
}

#[test]
fn breakdowns_stop_at_what_is_not_a_part() {
    let n = narrative("共收到申请10件，其中自然人申请8件、法人申请3件。", None);
    assert_eq!(n.breakdowns.len(), 1);
    assert_eq!(n.breakdowns[0].parts.len(), 2);
    let n = narrative("共收到申请10件，其中自然人申请8件，已全部办结10件。", None);
    assert_eq!(n.breakdowns[0].parts.len(), 1);
    let n = narrative("共收到申请10件，其中自然人8件，予以公开5件。", None);
    assert!(n.breakdowns.is_empty(), "two families");
    let n = narrative(
        "共收到申请10件，其中网上申请6件，书面申请4件，涉及城建领域3件。",
        None,
    );
    assert!(n.breakdowns.is_empty(), "a family and a stray");
    let n = narrative("共发布信息100条，其中政策文件40条，网站发布80条。", None);
    assert!(n.breakdowns.is_empty(), "labels that are not alike");
    let n = narrative("人员共80人，其中专职3人，兼职77人。", None);
    assert_eq!(n.breakdowns[0].parts.len(), 2);
}

#[test]
fn spans_point_at_the_number() {
    let text = "一、总体情况\n共收到政府信息公开申请 １２ 件。\n";
    let n = narrative(text, None);
    let c = &n.claims[0];
    assert_eq!(&text[c.num.span.start..c.num.span.end], "１２");
    let s = &n.sentences[c.sentence];
    assert_eq!(
        &text[s.span.start..s.span.end],
        "共收到政府信息公开申请 １２ 件。"
    );
    assert_eq!(
        n.quote(c.sentence, &c.num),
        "共收到政府信息公开申请１２件。"
    );
}

#[test]
fn shortening_keeps_the_number() {
    let long: String = "甲".repeat(100) + "共收到申请8件" + &"乙".repeat(100);
    let q = shorten(&long, 106, 107);
    assert!(q.contains("共收到申请8件"), "{q}");
    assert!(q.chars().count() <= 62);
}

#[test]
fn any_mix_of_numbers_words_and_punctuation_is_safe() {
    const PIECES: &[&str] = &[
        "1",
        "23",
        "３",
        "4.5",
        "1,234",
        "十",
        "二",
        "两",
        "百",
        "万",
        "亿",
        "零",
        "件",
        "条",
        "%",
        "％",
        "余",
        "约",
        "近",
        "左右",
        "占",
        "共",
        "其中",
        "，",
        "。",
        "；",
        "、",
        "（",
        "）",
        "(",
        ")",
        ":",
        "\n",
        " ",
        "收到",
        "受理",
        "政府信息公开申请",
        "办结",
        "答复",
        "结转",
        "下年度",
        "上年",
        "正在办理中",
        "予以公开",
        "不予公开",
        "行政复议",
        "行政诉讼",
        "规章",
        "规范性文件",
        "制发",
        "废止",
        "2023年",
        "较去年",
        "代表",
        "信箱",
        "第",
        "-",
        "é",
        "\u{200b}",
        "｜",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..60 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
        }
        let n = narrative(&text, Some(2023));
        let ok = |sp: Span| {
            sp.start <= sp.end
                && sp.end <= text.len()
                && text.is_char_boundary(sp.start)
                && text.is_char_boundary(sp.end)
        };
        for c in &n.claims {
            assert!(ok(c.num.span), "{text:?}");
            let _ = n.quote(c.sentence, &c.num);
        }
        for s in &n.sentences {
            assert!(ok(s.span), "{text:?}");
        }
        for l in &n.percent_lists {
            assert!(l
                .items
                .iter()
                .all(|i| ok(i.count.span) && ok(i.percent.span)));
        }
        for b in &n.breakdowns {
            assert!(ok(b.total.span) && b.parts.iter().all(|p| ok(p.span)));
        }
    }
}
