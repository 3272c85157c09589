//! 内容雷同 (Y803, Y804): cases that fire and near misses that must not, the shares of the
//! JSON's `similarity`, and the development corpus's figures, reviewed by hand.

mod support;

use gouji_core::across::{check_all, Similar};
use gouji_core::similarity::{Similarity, SimilarityKind};
use gouji_core::{check, Report, Severity};
use support::fixtures::{base, bytes, shared};

/// What the base report's 总体情况 and 存在的主要问题 say, in a unit's own words.
const OVERALL: &str = "2022年，示范区人民政府坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。\n（一）主动公开方面。全年通过门户网站主动公开政府信息1520条，发布政策解读材料36篇，召开新闻发布会8场，围绕优化营商环境、乡村振兴、民生保障等重点领域持续加大公开力度。\n（二）依申请公开方面。进一步规范申请受理、登记、审核、答复流程，全年新收政府信息公开申请24件，均在法定期限内答复。\n（三）平台建设方面。整合政务新媒体账号4个，完善政府信息公开专栏，及时更新机构职能、权责清单等基础信息。";
const PROBLEMS: &str = "政务公开的深度和广度还有待提升，政策解读形式较为单一。下一步将加强业务培训，丰富图表、视频等解读形式，提升公开质量。";

/// The base report (2022, 示范区人民政府) with its prose replaced by `overall` and
/// `problems`, for `year` and `agency`.
fn report(year: i32, agency: &str, overall: &str, problems: &str) -> String {
    base("gb2021-pipe.txt")
        .replace(
            "2022年，示范区人民政府坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。",
            overall,
        )
        .replace(
            "政务公开的深度和广度还有待提升。下一步将加强业务培训。",
            problems,
        )
        .replace("2022年", &format!("{year}年"))
        .replace("示范区人民政府", agency)
}

/// A cross-report finding of the prose rules: the report's index, code, severity, message.
type Found = (usize, &'static str, Severity, String);

fn checked(texts: &[String]) -> (Vec<Found>, Vec<Similarity>) {
    let reports: Vec<Report> = texts.iter().map(|t| check(t)).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let (findings, similarity) = check_all(&refs);
    let findings = findings
        .into_iter()
        .filter(|(_, f)| f.code == "Y803" || f.code == "Y804")
        .map(|(i, f)| (i, f.code, f.severity, f.message))
        .collect();
    (findings, similarity)
}

#[test]
fn y803_fires_on_last_year_prose_with_the_year_and_counts_changed() {
    let later = OVERALL
        .replace("1520条", "1608条")
        .replace("36篇", "41篇")
        .replace("24件", "31件");
    let texts = [
        report(2022, "示范区人民政府", OVERALL, PROBLEMS),
        report(2023, "示范区人民政府", &later, PROBLEMS),
    ];
    let (findings, similarity) = checked(&texts);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let (i, code, severity, message) = &findings[0];
    assert_eq!((*i, *code, *severity), (1, "Y803", Severity::Warning));
    assert!(message.contains("雷同 100.0%"), "{message}");
    assert!(message.contains("一、总体情况"), "{message}");
    assert!(message.contains("按连续 8 个字相同计"), "{message}");
    let e = &similarity[0];
    assert_eq!(
        (e.report, e.other, e.kind),
        (1, 0, SimilarityKind::PreviousYear)
    );
    assert_eq!(e.share, 1.0);
    assert_eq!(e.chars, e.repeated_chars);
    assert_eq!(
        e.sections.iter().map(|s| s.section).collect::<Vec<_>>(),
        [1, 5],
        "六 is only the processing-fee sentence, boilerplate"
    );
}

#[test]
fn y803_near_miss_a_template_only_prose_repeats_nothing() {
    // Both years say only what the format makes everyone write.
    let only_template = |year: i32| {
        report(year, "示范区人民政府", "", "")
            .replace(
                "六、其他需要报告的事项\n本年度未收取信息处理费。",
                "六、其他需要报告的事项\n本年度无其他需要报告的事项。\n本报告的电子版可在示范区人民政府门户网站查阅或下载。\n如对本报告有任何疑问，请与示范区人民政府办公室联系。",
            )
    };
    let (findings, similarity) = checked(&[only_template(2022), only_template(2023)]);
    assert_eq!(similarity.len(), 1, "a consecutive pair is always measured");
    assert_eq!((similarity[0].chars, similarity[0].share), (0, 0.0));
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].2, Severity::Info, "{findings:?}");
    assert!(
        findings[0].3.contains("没有可比较的文字"),
        "{}",
        findings[0].3
    );
}

#[test]
fn y803_near_miss_a_rewritten_prose_is_below_half() {
    let rewritten = "2023年，示范区人民政府围绕中心工作推进政务公开，公开质量明显提升。\n（一）主动公开方面。聚焦重大项目建设和教育医疗等民生事项，全年主动公开政府信息1608条，政策解读材料41篇均与文件同步发布。\n（二）依申请公开方面。全年新收申请31件，组织答复文书合法性审查，答复规范化水平进一步提高。\n（三）平台建设方面。完善政府信息公开专栏，及时更新机构职能、权责清单等基础信息。";
    let problems = "部分单位公开不够及时。下一步将建立每月通报制度，督促按时公开。";
    let texts = [
        report(2022, "示范区人民政府", OVERALL, PROBLEMS),
        report(2023, "示范区人民政府", rewritten, problems),
    ];
    let (findings, similarity) = checked(&texts);
    let share = similarity[0].share;
    assert!(share > 0.0 && share < 0.5, "{share}");
    assert_eq!(findings.len(), 1);
    assert_eq!((findings[0].1, findings[0].2), ("Y803", Severity::Info));
    assert!(findings[0].3.contains("重复 "), "{}", findings[0].3);
}

#[test]
fn y804_fires_on_two_units_with_one_prose() {
    let texts = [
        report(2023, "示范市教育局", OVERALL, PROBLEMS),
        report(2023, "示范市卫生健康委员会", OVERALL, PROBLEMS),
    ];
    let (findings, similarity) = checked(&texts);
    let codes: Vec<(usize, &str, Severity)> = findings.iter().map(|f| (f.0, f.1, f.2)).collect();
    assert_eq!(
        codes,
        [
            (0, "Y804", Severity::Warning),
            (1, "Y804", Severity::Warning)
        ]
    );
    assert!(
        findings[0].3.contains("示范市卫生健康委员会"),
        "{}",
        findings[0].3
    );
    // All but the characters around the two names.
    assert!(
        similarity
            .iter()
            .all(|e| e.kind == SimilarityKind::OtherUnit && e.share > 0.9 && e.share < 1.0),
        "{similarity:?}"
    );
}

#[test]
fn y804_near_miss_units_that_share_only_the_format_and_a_phrase() {
    let other = "2023年，示范市卫生健康委员会坚持以公开为常态、不公开为例外，围绕医疗卫生重点领域推进公开。\n全年公开医疗机构执业许可、公共卫生监督抽检等信息640条，开展健康科普解读12次，处理群众留言85件。";
    let texts = [
        report(2023, "示范市教育局", OVERALL, PROBLEMS),
        report(
            2023,
            "示范市卫生健康委员会",
            other,
            "个别科室公开意识不强。下一步将纳入年度考核。",
        ),
    ];
    let (findings, similarity) = checked(&texts);
    assert!(findings.is_empty(), "{findings:?}");
    assert!(similarity.iter().all(|e| e.share < 0.3), "{similarity:?}");
}

#[test]
fn one_unit_in_other_years_is_not_another_unit() {
    // 2021 and 2023 of one agency: not consecutive, and not another unit either.
    let texts = [
        report(2021, "示范区人民政府", OVERALL, PROBLEMS),
        report(2023, "示范区人民政府", OVERALL, PROBLEMS),
    ];
    let (findings, similarity) = checked(&texts);
    assert!(findings.is_empty(), "{findings:?}");
    assert!(similarity.is_empty(), "{similarity:?}");
}

#[test]
fn the_rules_see_the_entry_and_both_reports() {
    // Similar is what a similarity rule reads; its reports are the entry's.
    let texts = [
        report(2022, "示范区人民政府", OVERALL, PROBLEMS),
        report(2023, "示范区人民政府", OVERALL, PROBLEMS),
    ];
    let reports: Vec<Report> = texts.iter().map(|t| check(t)).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let (_, similarity) = check_all(&refs);
    let e = &similarity[0];
    let s = Similar {
        entry: e,
        report: refs[e.report],
        other: refs[e.other],
    };
    assert_eq!((s.report.year, s.other.year), (Some(2023), Some(2022)));
}

fn corpus(folder: &str) -> Report {
    gouji_core::check_html(&bytes(&shared("corpus").join(folder).join("page.html"))).report
}

/// The development corpus, each agency's years checked together (the pages as published):
/// every consecutive pair's share, reviewed by reading the two reports. jjf-2020's 总体情况 is
/// jjf-2019's with the year and a few sentences changed (87.5 %), the only warning; jtj-2023
/// and jtj-2025 keep more than half of the year before's 总体情况 but add enough of their own
/// to stay below half overall; the rest describe each year's work. No two agencies' reports
/// share 30 % (their common wording is the format's), so there is no other-unit entry.
#[test]
fn the_corpus_figures_reviewed_by_hand() {
    let mut folders: Vec<String> = std::fs::read_dir(shared("corpus"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("seed") && !n.contains('.'))
        .collect();
    folders.sort();
    assert!(folders.len() >= 20, "{folders:?}");
    let reports: Vec<Report> = folders.iter().map(|f| corpus(f)).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let (findings, similarity) = check_all(&refs);
    let got: Vec<(String, String, String, f64)> = similarity
        .iter()
        .map(|e| {
            (
                folders[e.report].clone(),
                folders[e.other].clone(),
                format!("{:?}", e.kind),
                e.share,
            )
        })
        .collect();
    let expected: &[(&str, &str, f64)] = &[
        ("hzs-2022", "hzs-2021", 0.1689),
        ("hzs-2023", "hzs-2022", 0.2644),
        ("hzs-2024", "hzs-2023", 0.3711),
        ("hzs-2025", "hzs-2024", 0.1616),
        ("jjf-2020", "jjf-2019", 0.7682),
        ("jjf-2021", "jjf-2020", 0.2299),
        ("jjf-2022", "jjf-2021", 0.3636),
        ("jjf-2023", "jjf-2022", 0.2433),
        ("jjf-2024", "jjf-2023", 0.2744),
        ("jjf-2025", "jjf-2024", 0.1527),
        ("jtj-2020", "jtj-2019", 0.1601),
        ("jtj-2021", "jtj-2020", 0.2187),
        ("jtj-2022", "jtj-2021", 0.3158),
        ("jtj-2023", "jtj-2022", 0.4781),
        ("jtj-2024", "jtj-2023", 0.2541),
        ("jtj-2025", "jtj-2024", 0.4918),
    ];
    let expected: Vec<(String, String, String, f64)> = expected
        .iter()
        .map(|&(a, b, s)| (a.into(), b.into(), "PreviousYear".into(), s))
        .collect();
    assert_eq!(got, expected);
    let warnings: Vec<(&str, &str)> = findings
        .iter()
        .filter(|(_, f)| f.severity >= Severity::Warning && f.code >= "Y803")
        .map(|(i, f)| (folders[*i].as_str(), f.code))
        .collect();
    assert_eq!(warnings, [("jjf-2020", "Y803")]);
}
