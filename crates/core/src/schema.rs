//! The official table layouts: which tables, rows and columns a template has, under the
//! keys of the format contract (`table/row/col`), with their Chinese labels.
//!
//! Everything here is static data; extraction and rules read it, nothing writes it.

use serde::Serialize;

/// Which national format a report follows (detected from its labels, not its year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Template {
    /// 国办公开办函〔2021〕30号: reports for 2021 and later.
    Gb2021,
    /// 国办公开办函〔2019〕60号: reports for 2019 and 2020.
    Gb2019,
    /// Before 2019: no national table, a provincial 统计表.
    Legacy,
    /// No table recognised.
    Unknown,
}

impl Template {
    pub fn id(self) -> &'static str {
        match self {
            Template::Gb2021 => "gb2021",
            Template::Gb2019 => "gb2019",
            Template::Legacy => "legacy",
            Template::Unknown => "unknown",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Template::Gb2021 => "2021年版格式",
            Template::Gb2019 => "2019年版格式（试行）",
            Template::Legacy => "2019年以前的统计表",
            Template::Unknown => "未识别",
        }
    }

    /// The two national templates that carry the three tables.
    pub fn is_national(self) -> bool {
        matches!(self, Template::Gb2021 | Template::Gb2019)
    }
}

/// The three tables of a national-template report, plus the legacy statistics table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableKind {
    Active,
    Requests,
    Appeals,
    /// The statistics table of a report for 2018 or earlier (指标名称 / 计量单位 / 本年 /
    /// 历年累计); see [`LEGACY_ROWS`].
    Legacy,
}

impl TableKind {
    /// The three tables of the national templates (the legacy table is not one of them).
    pub const ALL: [TableKind; 3] = [TableKind::Active, TableKind::Requests, TableKind::Appeals];

    pub fn key(self) -> &'static str {
        match self {
            TableKind::Active => "active",
            TableKind::Requests => "requests",
            TableKind::Appeals => "appeals",
            TableKind::Legacy => "legacy",
        }
    }

    /// Short Chinese name used in messages.
    pub fn name_zh(self) -> &'static str {
        match self {
            TableKind::Active => "主动公开情况表",
            TableKind::Requests => "申请情况表",
            TableKind::Appeals => "复议诉讼情况表",
            TableKind::Legacy => "统计表",
        }
    }

    /// The section heading the table stands under.
    pub fn heading_zh(self) -> &'static str {
        match self {
            TableKind::Active => "二、主动公开政府信息情况",
            TableKind::Requests => "三、收到和处理政府信息公开申请情况",
            TableKind::Appeals => "四、政府信息公开行政复议、行政诉讼情况",
            TableKind::Legacy => "政府信息公开情况统计表",
        }
    }
}

/// What a column may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColKind {
    /// A non-negative whole number.
    Count,
    /// 本年增/减: a whole number that may be negative.
    Change,
    /// An amount of money: may be decimal.
    Amount,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColDef {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: ColKind,
}

const fn col(key: &'static str, label: &'static str, kind: ColKind) -> ColDef {
    ColDef { key, label, kind }
}

/// A row of a table as the template prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowDef {
    pub key: &'static str,
    /// The label as the template prints it (sub-rows with their group's label in front).
    pub label: &'static str,
    /// A short name for messages.
    pub short: &'static str,
    pub cols: &'static [ColDef],
}

// ---------------------------------------------------------------- requests

pub const REQUEST_COLS: &[ColDef] = &[
    col("natural", "自然人", ColKind::Count),
    col("commercial", "商业企业", ColKind::Count),
    col("research", "科研机构", ColKind::Count),
    col("nonprofit", "社会公益组织", ColKind::Count),
    col("legal_service", "法律服务机构", ColKind::Count),
    col("other_org", "其他", ColKind::Count),
    col("total", "总计", ColKind::Count),
];

/// The six applicant columns whose sum is `total`.
pub const REQUEST_PARTS: &[&str] = &[
    "natural",
    "commercial",
    "research",
    "nonprofit",
    "legal_service",
    "other_org",
];

const fn req(key: &'static str, label: &'static str, short: &'static str) -> RowDef {
    RowDef {
        key,
        label,
        short,
        cols: REQUEST_COLS,
    }
}

const REQ_HEAD: [RowDef; 20] = [
    req(
        "new",
        "一、本年新收政府信息公开申请数量",
        "第一项（本年新收）",
    ),
    req(
        "carried_in",
        "二、上年结转政府信息公开申请数量",
        "第二项（上年结转）",
    ),
    req("granted", "（一）予以公开", "（一）予以公开"),
    req(
        "partly_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（二）部分公开",
    ),
    req(
        "withheld.state_secret",
        "（三）不予公开 1.属于国家秘密",
        "不予公开·国家秘密",
    ),
    req(
        "withheld.prohibited",
        "2.其他法律行政法规禁止公开",
        "不予公开·法律法规禁止",
    ),
    req(
        "withheld.three_safeties",
        "3.危及“三安全一稳定”",
        "不予公开·三安全一稳定",
    ),
    req(
        "withheld.third_party",
        "4.保护第三方合法权益",
        "不予公开·第三方权益",
    ),
    req(
        "withheld.internal",
        "5.属于三类内部事务信息",
        "不予公开·内部事务",
    ),
    req(
        "withheld.process",
        "6.属于四类过程性信息",
        "不予公开·过程性信息",
    ),
    req(
        "withheld.enforcement",
        "7.属于行政执法案卷",
        "不予公开·执法案卷",
    ),
    req("withheld.query", "8.属于行政查询事项", "不予公开·行政查询"),
    req(
        "unavailable.not_held",
        "（四）无法提供 1.本机关不掌握相关政府信息",
        "无法提供·不掌握",
    ),
    req(
        "unavailable.needs_creation",
        "2.没有现成信息需要另行制作",
        "无法提供·需另行制作",
    ),
    req(
        "unavailable.unclear",
        "3.补正后申请内容仍不明确",
        "无法提供·仍不明确",
    ),
    req(
        "not_processed.petition",
        "（五）不予处理 1.信访举报投诉类申请",
        "不予处理·信访举报投诉",
    ),
    req("not_processed.repeated", "2.重复申请", "不予处理·重复申请"),
    req(
        "not_processed.publication",
        "3.要求提供公开出版物",
        "不予处理·公开出版物",
    ),
    req(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        "不予处理·大量反复申请",
    ),
    req(
        "not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        "不予处理·确认或重新出具",
    ),
];

const REQ_OTHER_2019: RowDef = req("other", "（六）其他处理", "（六）其他处理");
const REQ_OTHER_2021: [RowDef; 3] = [
    req(
        "other.no_correction",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "其他处理·逾期不补正",
    ),
    req(
        "other.no_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他处理·逾期未缴费",
    ),
    req("other.misc", "3.其他", "其他处理·其他"),
];
const REQ_TAIL: [RowDef; 2] = [
    req("total", "（七）总计", "（七）总计"),
    req(
        "carried_out",
        "四、结转下年度继续办理",
        "第四项（结转下年度）",
    ),
];

const fn concat_rows<const N: usize>(parts: [&[RowDef]; 4]) -> [RowDef; N] {
    let mut out = [REQ_TAIL[0]; N];
    let mut i = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut j = 0;
        while j < parts[p].len() {
            out[i] = parts[p][j];
            i += 1;
            j += 1;
        }
        p += 1;
    }
    out
}

/// gb2021: 25 rows.
pub const REQUEST_ROWS_2021: [RowDef; 25] =
    concat_rows([&REQ_HEAD, &REQ_OTHER_2021, &REQ_TAIL, &[]]);
/// gb2019: 23 rows (a single （六）其他处理).
pub const REQUEST_ROWS_2019: [RowDef; 23] =
    concat_rows([&REQ_HEAD, &[REQ_OTHER_2019], &REQ_TAIL, &[]]);

/// Every requests row either template can have, in table order (gb2019's `other` before
/// gb2021's `other.*`).
pub const REQUEST_ROWS_ANY: [RowDef; 26] =
    concat_rows([&REQ_HEAD, &[REQ_OTHER_2019], &REQ_OTHER_2021, &REQ_TAIL]);

/// The outcome rows whose sum is （七）总计, for a table that has the given `other` form.
pub fn outcome_rows(single_other: bool) -> impl Iterator<Item = &'static RowDef> {
    REQUEST_ROWS_ANY.iter().filter(move |r| {
        let k = r.key;
        let is_outcome = !matches!(k, "new" | "carried_in" | "total" | "carried_out");
        let other_ok = if single_other {
            !k.starts_with("other.")
        } else {
            k != "other"
        };
        is_outcome && other_ok
    })
}

// ---------------------------------------------------------------- appeals

pub const APPEAL_COLS: &[ColDef] = &[
    col("upheld", "结果维持", ColKind::Count),
    col("corrected", "结果纠正", ColKind::Count),
    col("other", "其他结果", ColKind::Count),
    col("pending", "尚未审结", ColKind::Count),
    col("total", "总计", ColKind::Count),
];

/// The four outcomes whose sum is `total`.
pub const APPEAL_PARTS: &[&str] = &["upheld", "corrected", "other", "pending"];

pub const APPEAL_ROWS: [RowDef; 3] = [
    RowDef {
        key: "review",
        label: "行政复议",
        short: "行政复议",
        cols: APPEAL_COLS,
    },
    RowDef {
        key: "suit_direct",
        label: "行政诉讼 未经复议直接起诉",
        short: "未经复议直接起诉",
        cols: APPEAL_COLS,
    },
    RowDef {
        key: "suit_after_review",
        label: "行政诉讼 复议后起诉",
        short: "复议后起诉",
        cols: APPEAL_COLS,
    },
];

// ---------------------------------------------------------------- active

pub const ACTIVE_DOC_COLS_2021: &[ColDef] = &[
    col("issued", "本年制发件数", ColKind::Count),
    col("repealed", "本年废止件数", ColKind::Count),
    col("in_force", "现行有效件数", ColKind::Count),
];
pub const ACTIVE_DECISION_COLS_2021: &[ColDef] =
    &[col("decisions", "本年处理决定数量", ColKind::Count)];
pub const ACTIVE_FEE_COLS_2021: &[ColDef] =
    &[col("amount", "本年收费金额（单位：万元）", ColKind::Amount)];

pub const ACTIVE_DOC_COLS_2019: &[ColDef] = &[
    col("made", "本年新制作数量", ColKind::Count),
    col("published", "本年新公开数量", ColKind::Count),
    col("public_total", "对外公开总数量", ColKind::Count),
];
pub const ACTIVE_ITEM_COLS_2019: &[ColDef] = &[
    col("prev_items", "上一年项目数量", ColKind::Count),
    col("change", "本年增/减", ColKind::Change),
    col("decisions", "处理决定数量", ColKind::Count),
];
pub const ACTIVE_FEE_COLS_2019: &[ColDef] = &[
    col("prev_items", "上一年项目数量", ColKind::Count),
    col("change", "本年增/减", ColKind::Change),
];
pub const ACTIVE_PROCUREMENT_COLS_2019: &[ColDef] = &[
    col("projects", "采购项目数量", ColKind::Count),
    col("amount", "采购总金额", ColKind::Amount),
];

const fn act(key: &'static str, label: &'static str, cols: &'static [ColDef]) -> RowDef {
    RowDef {
        key,
        label,
        short: label,
        cols,
    }
}

pub const ACTIVE_ROWS_2021: [RowDef; 6] = [
    act("rules", "规章", ACTIVE_DOC_COLS_2021),
    act("normative_docs", "行政规范性文件", ACTIVE_DOC_COLS_2021),
    act("licensing", "行政许可", ACTIVE_DECISION_COLS_2021),
    act("penalty", "行政处罚", ACTIVE_DECISION_COLS_2021),
    act("coercion", "行政强制", ACTIVE_DECISION_COLS_2021),
    act("fees", "行政事业性收费", ACTIVE_FEE_COLS_2021),
];

pub const ACTIVE_ROWS_2019: [RowDef; 8] = [
    act("rules", "规章", ACTIVE_DOC_COLS_2019),
    act("normative_docs", "规范性文件", ACTIVE_DOC_COLS_2019),
    act("licensing", "行政许可", ACTIVE_ITEM_COLS_2019),
    act(
        "other_services",
        "其他对外管理服务事项",
        ACTIVE_ITEM_COLS_2019,
    ),
    act("penalty", "行政处罚", ACTIVE_ITEM_COLS_2019),
    act("coercion", "行政强制", ACTIVE_ITEM_COLS_2019),
    act("fees", "行政事业性收费", ACTIVE_FEE_COLS_2019),
    act("procurement", "政府集中采购", ACTIVE_PROCUREMENT_COLS_2019),
];

/// The block headings of the active table (第二十条第（N）项), by the rows they hold.
pub const ACTIVE_BLOCKS: &[(&str, &[&str])] = &[
    ("第二十条第（一）项", &["rules", "normative_docs"]),
    ("第二十条第（五）项", &["licensing", "other_services"]),
    ("第二十条第（六）项", &["penalty", "coercion"]),
    ("第二十条第（八）项", &["fees"]),
    ("第二十条第（九）项", &["procurement"]),
];

// ---------------------------------------------------------------- legacy

/// The legacy statistics table's columns: 本年 (the report's year) and 历年累计.
pub const LEGACY_COLS: &[ColDef] = &[
    col("this_year", "本年", ColKind::Count),
    col("cumulative", "历年累计", ColKind::Count),
];
/// The same for a table that prints only one number per row (本年 / 数量).
pub const LEGACY_COLS_ONE: &[ColDef] = &[col("this_year", "本年", ColKind::Count)];
pub const LEGACY_AMOUNT_COLS: &[ColDef] = &[
    col("this_year", "本年", ColKind::Amount),
    col("cumulative", "历年累计", ColKind::Amount),
];
pub const LEGACY_AMOUNT_COLS_ONE: &[ColDef] = &[col("this_year", "本年", ColKind::Amount)];

/// How the parts under a legacy row relate to it (rule L901).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegacySplit {
    /// "其中" items that do not overlap: their sum never exceeds the total.
    Parts,
    /// Items that together are the total (the ways of applying, the kinds of answer).
    Exhaustive,
    /// Items that may overlap (one document published on the website *and* in the gazette):
    /// each alone never exceeds the total.
    Each,
}

/// One row of the legacy table: key, label (the common provincial wording), whether it is
/// an amount of money.
struct LegacySpec(&'static str, &'static str, bool);

/// The rows of the legacy statistics table that are read, by stable key. Sub-rows (the
/// "其中" items) have their parent's key before a dot; [`LEGACY_GROUPS`] says how they
/// relate to it. Rows with other labels are kept as extra rows.
///
/// | key | label |
/// |---|---|
/// | `active_docs` | 主动公开文件数 / 主动公开政府信息数 |
/// | `active_docs.normative` | 其中：主动公开规范性文件数 |
/// | `active_docs.website` | 政府网站公开数 |
/// | `active_docs.gazette` | 政府公报公开数 |
/// | `active_docs.weibo`, `.wechat`, `.other_channels` | 政务微博 / 政务微信 / 其他方式公开数 |
/// | `normative_issued` | 制发规范性文件总数 |
/// | `requests_received` | 受理政府信息公开申请总数 / 收到申请数 |
/// | `requests_received.in_person`, `.fax`, `.online`, `.email`, `.letter`, `.other` | 当面 / 传真 / 网上（网络） / 电子邮件 / 信函 / 其他形式申请数 |
/// | `requests_processed` | 申请办结数; `.on_time` 按时办结数, `.extended` 延期办结数 |
/// | `answers` | 对申请的答复总数 / 申请答复数 |
/// | `answers.already_public` | 属于已主动公开范围数 |
/// | `answers.granted` | 同意公开答复数 |
/// | `answers.partly_granted` | 同意部分公开答复数 |
/// | `answers.withheld` | 不予公开答复数 / 不同意公开答复数 (its 其中 items: `.state_secret`, `.commercial_secret`, `.privacy`, `.safety`, `.not_gov_info`, `.other`) |
/// | `answers.not_held` | 不属于本行政机关公开数 |
/// | `answers.not_exist` | 申请信息不存在数 |
/// | `answers.correction` | 告知作出更改补充数 |
/// | `answers.redirected` | 告知通过其他途径办理数 |
/// | `answers.other` | 其他类型答复数 |
/// | `fees` | 依申请公开信息收取的费用 (万元) |
/// | `fees_waived` | 政府信息公开收费减免金额 |
/// | `reviews` | 行政复议数; `.upheld` 维持具体行政行为数, `.corrected` 被依法纠错数, `.other` 其他情形数 |
/// | `lawsuits` | 行政诉讼数; `.upheld`, `.corrected`, `.other` as for reviews |
/// | `complaints` | 接受行政申诉、举报数 / 被举报投诉数 |
const LEGACY_SPECS: [LegacySpec; 49] = [
    LegacySpec("active_docs", "主动公开文件数", false),
    LegacySpec("active_docs.normative", "主动公开规范性文件数", false),
    LegacySpec("active_docs.website", "政府网站公开数", false),
    LegacySpec("active_docs.gazette", "政府公报公开数", false),
    LegacySpec("active_docs.weibo", "政务微博公开数", false),
    LegacySpec("active_docs.wechat", "政务微信公开数", false),
    LegacySpec("active_docs.other_channels", "其他方式公开数", false),
    LegacySpec("normative_issued", "制发规范性文件总数", false),
    LegacySpec("requests_received", "受理政府信息公开申请总数", false),
    LegacySpec("requests_received.in_person", "当面申请数", false),
    LegacySpec("requests_received.fax", "传真申请数", false),
    LegacySpec("requests_received.online", "网上申请数", false),
    LegacySpec("requests_received.email", "电子邮件申请数", false),
    LegacySpec("requests_received.letter", "信函申请数", false),
    LegacySpec("requests_received.other", "其他形式申请数", false),
    LegacySpec("requests_processed", "申请办结数", false),
    LegacySpec("requests_processed.on_time", "按时办结数", false),
    LegacySpec("requests_processed.extended", "延期办结数", false),
    LegacySpec("answers", "对申请的答复总数", false),
    LegacySpec("answers.already_public", "属于已主动公开范围数", false),
    LegacySpec("answers.granted", "同意公开答复数", false),
    LegacySpec("answers.partly_granted", "同意部分公开答复数", false),
    LegacySpec("answers.withheld", "不予公开答复数", false),
    LegacySpec("answers.withheld.state_secret", "涉及国家秘密", false),
    LegacySpec("answers.withheld.commercial_secret", "涉及商业秘密", false),
    LegacySpec("answers.withheld.privacy", "涉及个人隐私", false),
    LegacySpec(
        "answers.withheld.safety",
        "危及国家安全、公共安全、经济安全和社会稳定",
        false,
    ),
    LegacySpec(
        "answers.withheld.not_gov_info",
        "不是《条例》所指政府信息",
        false,
    ),
    LegacySpec("answers.withheld.other", "法律法规规定的其他情形", false),
    LegacySpec("answers.not_held", "不属于本行政机关公开数", false),
    LegacySpec("answers.not_exist", "申请信息不存在数", false),
    LegacySpec("answers.correction", "告知作出更改补充数", false),
    LegacySpec("answers.redirected", "告知通过其他途径办理数", false),
    LegacySpec("answers.other", "其他类型答复数", false),
    LegacySpec("fees", "依申请公开信息收取的费用", true),
    LegacySpec("fees_waived", "政府信息公开收费减免金额", true),
    LegacySpec("reviews", "行政复议数", false),
    LegacySpec("reviews.upheld", "维持具体行政行为数", false),
    LegacySpec("reviews.corrected", "被依法纠错数", false),
    LegacySpec("reviews.other", "其他情形数", false),
    LegacySpec("lawsuits", "行政诉讼数", false),
    LegacySpec(
        "lawsuits.upheld",
        "维持具体行政行为或者驳回原告诉讼请求数",
        false,
    ),
    LegacySpec("lawsuits.corrected", "被依法纠错数", false),
    LegacySpec("lawsuits.other", "其他情形数", false),
    LegacySpec("complaints", "接受行政申诉、举报数", false),
    // Kept for tables that print them; no rule reads them yet.
    LegacySpec("offices", "政府信息公开工作专门机构数", false),
    LegacySpec("staff", "从事政府信息公开工作人员数", false),
    LegacySpec("staff.full_time", "专职人员数", false),
    LegacySpec("staff.part_time", "兼职人员数", false),
];

const fn legacy_rows<const N: usize>(specs: &[LegacySpec; N], one: bool) -> [RowDef; N] {
    let mut out = [REQ_TAIL[0]; N];
    let mut i = 0;
    while i < N {
        let LegacySpec(key, label, amount) = specs[i];
        let cols = match (amount, one) {
            (false, false) => LEGACY_COLS,
            (false, true) => LEGACY_COLS_ONE,
            (true, false) => LEGACY_AMOUNT_COLS,
            (true, true) => LEGACY_AMOUNT_COLS_ONE,
        };
        out[i] = RowDef {
            key,
            label,
            short: label,
            cols,
        };
        i += 1;
    }
    out
}

/// The legacy table's rows, with both columns (本年, 历年累计).
pub const LEGACY_ROWS: [RowDef; 49] = legacy_rows(&LEGACY_SPECS, false);
/// The same rows for a table that prints one number per row.
pub const LEGACY_ROWS_ONE: [RowDef; 49] = legacy_rows(&LEGACY_SPECS, true);

/// The "其中" groups of the legacy table: parent, its parts, and how they relate.
pub const LEGACY_GROUPS: &[(&str, &[&str], LegacySplit)] = &[
    (
        "active_docs",
        &[
            "active_docs.normative",
            "active_docs.website",
            "active_docs.gazette",
            "active_docs.weibo",
            "active_docs.wechat",
            "active_docs.other_channels",
        ],
        LegacySplit::Each,
    ),
    (
        "requests_received",
        &[
            "requests_received.in_person",
            "requests_received.fax",
            "requests_received.online",
            "requests_received.email",
            "requests_received.letter",
            "requests_received.other",
        ],
        LegacySplit::Exhaustive,
    ),
    (
        "requests_processed",
        &["requests_processed.on_time", "requests_processed.extended"],
        LegacySplit::Parts,
    ),
    (
        "answers",
        &[
            "answers.already_public",
            "answers.granted",
            "answers.partly_granted",
            "answers.withheld",
            "answers.not_held",
            "answers.not_exist",
            "answers.correction",
            "answers.redirected",
            "answers.other",
        ],
        LegacySplit::Exhaustive,
    ),
    (
        "answers.withheld",
        &[
            "answers.withheld.state_secret",
            "answers.withheld.commercial_secret",
            "answers.withheld.privacy",
            "answers.withheld.safety",
            "answers.withheld.not_gov_info",
            "answers.withheld.other",
        ],
        LegacySplit::Parts,
    ),
    (
        "reviews",
        &["reviews.upheld", "reviews.corrected", "reviews.other"],
        LegacySplit::Parts,
    ),
    (
        "lawsuits",
        &["lawsuits.upheld", "lawsuits.corrected", "lawsuits.other"],
        LegacySplit::Parts,
    ),
    (
        "staff",
        &["staff.full_time", "staff.part_time"],
        LegacySplit::Parts,
    ),
];

/// The group a legacy row is a part of: its parent's key.
pub fn legacy_parent(key: &str) -> Option<&'static str> {
    LEGACY_GROUPS
        .iter()
        .find(|(_, parts, _)| parts.contains(&key))
        .map(|(p, _, _)| *p)
}

/// The rows a table has under a template, in table order. The requests table's `other`
/// rows depend on the form the report actually used; see [`request_rows`].
pub fn template_rows(kind: TableKind, template: Template) -> &'static [RowDef] {
    match (kind, template) {
        (TableKind::Requests, Template::Gb2019) => &REQUEST_ROWS_2019,
        (TableKind::Requests, _) => &REQUEST_ROWS_2021,
        (TableKind::Appeals, _) => &APPEAL_ROWS,
        (TableKind::Active, Template::Gb2019) => &ACTIVE_ROWS_2019,
        (TableKind::Active, _) => &ACTIVE_ROWS_2021,
        (TableKind::Legacy, _) => &LEGACY_ROWS,
    }
}

/// The requests rows for a template given whether the report printed （六）其他处理 as a
/// single row (the gb2019 form; a gb2021 report doing so is reported once, as S102).
pub fn request_rows(template: Template, single_other: bool) -> &'static [RowDef] {
    if template == Template::Gb2019 || single_other {
        &REQUEST_ROWS_2019
    } else {
        &REQUEST_ROWS_2021
    }
}

/// Find a row definition by key among every row either template can have.
pub fn row_def(kind: TableKind, key: &str) -> Option<&'static RowDef> {
    let pools: &[&'static [RowDef]] = match kind {
        TableKind::Requests => &[&REQUEST_ROWS_ANY],
        TableKind::Appeals => &[&APPEAL_ROWS],
        TableKind::Active => &[&ACTIVE_ROWS_2021, &ACTIVE_ROWS_2019],
        TableKind::Legacy => &[&LEGACY_ROWS],
    };
    pools.iter().flat_map(|p| p.iter()).find(|r| r.key == key)
}

/// The Chinese name of a column, for messages.
pub fn col_label(kind: TableKind, key: &str) -> &'static str {
    let pools: &[&'static [ColDef]] = match kind {
        TableKind::Requests => &[REQUEST_COLS],
        TableKind::Appeals => &[APPEAL_COLS],
        TableKind::Active => &[
            ACTIVE_DOC_COLS_2021,
            ACTIVE_DECISION_COLS_2021,
            ACTIVE_FEE_COLS_2021,
            ACTIVE_DOC_COLS_2019,
            ACTIVE_ITEM_COLS_2019,
            ACTIVE_PROCUREMENT_COLS_2019,
        ],
        TableKind::Legacy => &[LEGACY_COLS, LEGACY_AMOUNT_COLS],
    };
    pools
        .iter()
        .flat_map(|p| p.iter())
        .find(|c| c.key == key)
        .map_or("", |c| c.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_have_the_documented_sizes() {
        let cells = |rows: &[RowDef]| rows.iter().map(|r| r.cols.len()).sum::<usize>();
        assert_eq!(cells(&REQUEST_ROWS_2021), 175);
        assert_eq!(cells(&REQUEST_ROWS_2019), 161);
        assert_eq!(cells(&ACTIVE_ROWS_2021), 10);
        assert_eq!(cells(&ACTIVE_ROWS_2019), 22);
        assert_eq!(cells(&APPEAL_ROWS), 15);
    }

    #[test]
    fn outcome_rows_follow_the_other_form() {
        let single: Vec<_> = outcome_rows(true).map(|r| r.key).collect();
        let split: Vec<_> = outcome_rows(false).map(|r| r.key).collect();
        assert_eq!(single.len(), 19);
        assert_eq!(split.len(), 21);
        assert!(single.contains(&"other") && !single.contains(&"other.misc"));
        assert!(split.contains(&"other.misc") && !split.contains(&"other"));
    }

    #[test]
    fn row_keys_are_unique() {
        let mut keys: Vec<_> = REQUEST_ROWS_ANY.iter().map(|r| r.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), REQUEST_ROWS_ANY.len());
        let mut keys: Vec<_> = LEGACY_ROWS.iter().map(|r| r.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), LEGACY_ROWS.len());
    }

    #[test]
    fn legacy_groups_name_known_rows() {
        for (parent, parts, _) in LEGACY_GROUPS {
            assert!(row_def(TableKind::Legacy, parent).is_some(), "{parent}");
            for p in *parts {
                assert!(row_def(TableKind::Legacy, p).is_some(), "{p}");
                assert!(p.starts_with(parent), "{p} under {parent}");
            }
        }
        assert_eq!(LEGACY_ROWS_ONE[0].cols.len(), 1);
        assert_eq!(legacy_parent("answers.granted"), Some("answers"));
    }
}
