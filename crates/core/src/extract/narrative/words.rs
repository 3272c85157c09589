//! The word lists the claim readers match: fillers between a keyword and its number,
//! outcome words, verbs of documents.

use super::{DocMeasure, Outcome};

pub(super) const RECEIVED_FILLERS: &[&str] = &[
    "政府信息公开申请",
    "政府信息公开的申请",
    "信息公开申请",
    "依申请公开申请",
    "依申请公开",
    "政府信息公开",
    "公开申请",
    "申请件",
    "申请",
    "来件",
    "件",
    "各类",
    "共计",
    "合计",
    "总计",
    "共",
    "计",
    "了",
    "的",
    "数量",
    "数",
    "为",
    "是",
    "有",
    "政府信息",
    "信息",
];
pub(super) const CARRIED_FILLERS: &[&str] = &[
    "的政府信息公开申请",
    "政府信息公开申请",
    "申请",
    "未办结",
    "的",
    "件",
    "共",
    "了",
    "为",
    "有",
];
pub(super) const PROCESSED_FILLERS: &[&str] = &[
    "政府信息公开申请",
    "依申请公开申请",
    "依申请公开",
    "依申请",
    "申请",
    "共计",
    "共",
    "了",
    "的",
    "件",
    "数",
    "为",
];
pub(super) const CARRIED_OUT_FILLERS: &[&str] = &[
    "继续办理",
    "继续答复",
    "办理",
    "答复",
    "的",
    "申请",
    "共",
    "有",
    "为",
];
pub(super) const OUTCOME_FILLERS: &[&str] =
    &["的", "申请", "共", "为", "有", "了", "答复", "决定", "件"];
pub(super) const APPEAL_FILLERS: &[&str] = &[
    "案件", "申请", "共计", "共", "计", "有", "为", "了", "的", "件", "总数", "数量", "案", "被",
];
pub(super) const DOC_BETWEEN: &[&str] = &[
    "行政",
    "的",
    "了",
    "各类",
    "市政府",
    "县政府",
    "区政府",
    "政府",
    "共",
    "共计",
    "有",
];
pub(super) const DOC_FILLERS: &[&str] = &[
    "件", "的", "共", "共计", "计", "了", "为", "有", "数量", "件数", "数",
];

/// Outcome words, longest first so that "予以公开及部分公开" wins over its parts.
pub(super) const OUTCOME_WORDS: &[(&str, Outcome)] = &[
    ("予以公开及部分公开", Outcome::GrantedOrPartly),
    ("予以公开和部分公开", Outcome::GrantedOrPartly),
    ("予以公开或部分公开", Outcome::GrantedOrPartly),
    ("部分公开", Outcome::PartlyGranted),
    ("不予公开", Outcome::Withheld),
    ("予以公开", Outcome::Granted),
    ("无法提供", Outcome::Unavailable),
    ("不予处理", Outcome::NotProcessed),
    ("其他处理", Outcome::Other),
];

pub(super) const DOC_VERBS: &[(&str, DocMeasure)] = &[
    ("制发", DocMeasure::Issued),
    ("印发", DocMeasure::Issued),
    ("出台", DocMeasure::Issued),
    ("调整废止", DocMeasure::Repealed),
    ("宣布废止", DocMeasure::Repealed),
    ("废止", DocMeasure::Repealed),
    ("现行有效", DocMeasure::InForce),
    ("新公开", DocMeasure::Published),
];
