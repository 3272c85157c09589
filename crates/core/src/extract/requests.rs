//! The `requests` table (三、收到和处理政府信息公开申请情况).

use super::rows::{assign, Ev};
use super::{build_row, extra_row, Region};
use crate::ingest::value::looks_like_bad_value;
use crate::ingest::{CellClass, Document};
use crate::schema::{RowDef, TableKind, REQUEST_ROWS_ANY};
use crate::table::Table;

/// Whether a normalised label names a row; `prev` is the key of the row matched before
/// (labels are matched in table order, which is what tells "3.其他" apart from the
/// applicant column "其他").
fn matches_row(key: &str, t: &str, prev: Option<&str>) -> bool {
    let any = |ks: &[&str]| ks.iter().any(|k| t.contains(k));
    match key {
        "new" => any(&["本年新收", "新收政府信息公开申请"]),
        "carried_in" => any(&["上年结转"]),
        "granted" => t.contains("予以公开") && !any(&["不予", "部分", "及"]),
        "partly_granted" => t.contains("部分公开"),
        "withheld.state_secret" => any(&["国家秘密"]),
        "withheld.prohibited" => any(&["禁止公开", "其他法律"]),
        "withheld.three_safeties" => any(&["三安全", "一稳定"]),
        "withheld.third_party" => any(&["第三方"]),
        "withheld.internal" => any(&["内部事务"]),
        "withheld.process" => any(&["过程性"]),
        "withheld.enforcement" => any(&["执法案卷"]),
        "withheld.query" => any(&["行政查询", "查询事项"]),
        "unavailable.not_held" => any(&["不掌握"]),
        "unavailable.needs_creation" => any(&["另行制作", "没有现成"]),
        "unavailable.unclear" => any(&["仍不明确", "补正后申请"]),
        "not_processed.petition" => any(&["信访", "举报投诉"]),
        "not_processed.repeated" => any(&["重复申请"]),
        "not_processed.publication" => any(&["出版物"]),
        "not_processed.excessive" => any(&["大量反复"]),
        "not_processed.confirmation" => any(&["重新出具", "确认或重新"]),
        "other" => t.contains("其他处理"),
        "other.no_correction" => any(&["不补正", "无正当理由逾期"]),
        "other.no_fee" => any(&["收费通知", "缴纳费用", "逾期未按"]),
        "other.misc" => {
            prev.is_some_and(|p| p.starts_with("other")) && strip_numbering(t) == "其他"
        }
        "total" => any(&["总计", "合计"]),
        "carried_out" => any(&["结转下年度", "下年度继续办理", "继续办理"]),
        _ => false,
    }
}

/// "3.其他", "3、其他", "(3)其他" → "其他".
fn strip_numbering(t: &str) -> &str {
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')'));
    t.trim_start_matches(['.', '、', ',', ')'])
}

fn is_group_label(t: &str) -> bool {
    [
        "本年度办理结果",
        "不予公开",
        "无法提供",
        "不予处理",
        "其他处理",
    ]
    .iter()
    .any(|g| t.contains(g))
        || t.chars().count() <= 2
}

/// Labels longer than this are prose, never a row label.
const MAX_LABEL: usize = 70;

/// The index in [`REQUEST_ROWS_ANY`] of the row a label names, searching after `after`.
fn find_row(t: &str, after: Option<usize>) -> Option<usize> {
    if t.chars().count() > MAX_LABEL {
        return None;
    }
    let start = after.map_or(0, |a| a + 1);
    let prev = after.map(|a| REQUEST_ROWS_ANY[a].key);
    (start..REQUEST_ROWS_ANY.len()).find(|&i| matches_row(REQUEST_ROWS_ANY[i].key, t, prev))
}

/// The first cell that labels the `new` row, in the region.
pub fn first_row_cell(doc: &Document, region: &Region) -> Option<usize> {
    (region.from..region.to).find(|&i| {
        let c = &doc.cells[i];
        c.class == CellClass::Text && find_row(&c.norm, None) == Some(0)
    })
}

/// Read the table. Returns it with whether （六）其他处理 was a single row.
pub fn read(doc: &Document, region: &Region) -> Option<(Table, bool)> {
    let start = first_row_cell(doc, region)?;
    let mut events = Vec::new();
    let mut slots: Vec<usize> = Vec::new(); // slot → index in REQUEST_ROWS_ANY
    let mut last: Option<usize> = None;
    for i in start..region.to {
        let c = &doc.cells[i];
        if c.is_value() {
            events.push(Ev::Val { cell: i });
            continue;
        }
        if let Some(r) = find_row(&c.norm, last) {
            events.push(Ev::Row {
                slot: slots.len(),
                cell: i,
            });
            slots.push(r);
            last = Some(r);
            continue;
        }
        let next_is_value = doc.cells.get(i + 1).is_some_and(|n| n.is_value()) && i + 1 < region.to;
        let prev_is_value_or_row = matches!(events.last(), Some(Ev::Val { .. } | Ev::Row { .. }));
        if looks_like_bad_value(&c.raw) && (next_is_value || prev_is_value_or_row) {
            events.push(Ev::Val { cell: i });
        } else if is_group_label(&c.norm) {
            events.push(Ev::Group { cell: i });
        } else {
            events.push(Ev::Frag { cell: i });
        }
    }
    // （六）其他处理 followed by its three sub-rows is a group label, not the gb2019 row.
    let has_sub_other = slots
        .iter()
        .any(|&r| REQUEST_ROWS_ANY[r].key.starts_with("other."));
    if has_sub_other {
        if let Some(pos) = slots
            .iter()
            .position(|&r| REQUEST_ROWS_ANY[r].key == "other")
        {
            slots.remove(pos);
            for e in events.iter_mut() {
                match *e {
                    Ev::Row { slot, cell } if slot == pos => *e = Ev::Group { cell },
                    Ev::Row { slot, cell } if slot > pos => {
                        *e = Ev::Row {
                            slot: slot - 1,
                            cell,
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let def = |slot: usize| -> &'static RowDef { &REQUEST_ROWS_ANY[slots[slot]] };
    let (assigned, orphans) = assign(&events, doc, &|slot| def(slot).cols.len());
    let mut table = Table::new(TableKind::Requests);
    for (slot, a) in assigned {
        let label = events.iter().find_map(|e| match e {
            Ev::Row { slot: s, cell } if *s == slot => Some(*cell),
            _ => None,
        });
        table.rows.push(build_row(doc, def(slot), label, &a, false));
    }
    table.extra_rows = orphans.iter().map(|o| extra_row(doc, o)).collect();
    table.span = super::region_span(doc, start, region.to);
    let single_other = table.row("other").is_some();
    Some((table, single_other))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::norm::normalize;

    fn row(label: &str, after: Option<&str>) -> Option<&'static str> {
        let after = after.and_then(|k| REQUEST_ROWS_ANY.iter().position(|r| r.key == k));
        find_row(&normalize(label), after).map(|i| REQUEST_ROWS_ANY[i].key)
    }

    #[test]
    fn labels_in_their_real_forms() {
        assert_eq!(row("一、本年新收政府信息公开申请数量", None), Some("new"));
        assert_eq!(
            row(
                "（二）部分公开（区分处理的，只计这一情 形，不",
                Some("granted")
            ),
            Some("partly_granted")
        );
        assert_eq!(
            row("三 2.其他法律行政止公开", Some("withheld.state_secret")),
            Some("withheld.prohibited")
        );
        assert_eq!(
            row(
                "5.要求行政机关确认或重 新出具",
                Some("not_processed.excessive")
            ),
            Some("not_processed.confirmation")
        );
        assert_eq!(row("3、其他", Some("other.no_fee")), Some("other.misc"));
        assert_eq!(row("（七）總計", Some("other.misc")), Some("total"));
        assert_eq!(
            row("四、結轉下年度繼續辦理", Some("total")),
            Some("carried_out")
        );
    }

    #[test]
    fn headers_and_fragments_are_not_rows() {
        assert_eq!(row("其他", Some("new")), None);
        assert_eq!(row("计其他情形）", Some("partly_granted")), None);
        assert_eq!(row("已获取信息", Some("not_processed.confirmation")), None);
    }
}
