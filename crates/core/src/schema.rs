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
}

impl TableKind {
    pub const ALL: [TableKind; 3] = [TableKind::Active, TableKind::Requests, TableKind::Appeals];

    pub fn key(self) -> &'static str {
        match self {
            TableKind::Active => "active",
            TableKind::Requests => "requests",
            TableKind::Appeals => "appeals",
        }
    }

    /// Short Chinese name used in messages.
    pub fn name_zh(self) -> &'static str {
        match self {
            TableKind::Active => "主动公开情况表",
            TableKind::Requests => "申请情况表",
            TableKind::Appeals => "复议诉讼情况表",
        }
    }

    /// The section heading the table stands under.
    pub fn heading_zh(self) -> &'static str {
        match self {
            TableKind::Active => "二、主动公开政府信息情况",
            TableKind::Requests => "三、收到和处理政府信息公开申请情况",
            TableKind::Appeals => "四、政府信息公开行政复议、行政诉讼情况",
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

/// The rows a table has under a template, in table order. The requests table's `other`
/// rows depend on the form the report actually used; see [`request_rows`].
pub fn template_rows(kind: TableKind, template: Template) -> &'static [RowDef] {
    match (kind, template) {
        (TableKind::Requests, Template::Gb2019) => &REQUEST_ROWS_2019,
        (TableKind::Requests, _) => &REQUEST_ROWS_2021,
        (TableKind::Appeals, _) => &APPEAL_ROWS,
        (TableKind::Active, Template::Gb2019) => &ACTIVE_ROWS_2019,
        (TableKind::Active, _) => &ACTIVE_ROWS_2021,
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
    }
}
