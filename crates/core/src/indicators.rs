//! The indicators evaluators compute for each report from its requests and appeals tables:
//!
//! | indicator | numerator | denominator |
//! |---|---|---|
//! | `substantive_rate` 实质公开率 | （一）予以公开 + （二）部分公开 | （七）总计 |
//! | `withheld_rate` 不予公开率 | （三）不予公开, its 8 rows | （七）总计 |
//! | `unavailable_rate` 无法提供率 | （四）无法提供, its 3 rows | （七）总计 |
//! | `not_held_share` 本机关不掌握占无法提供 | （四）1.本机关不掌握相关政府信息 | （四）无法提供 |
//! | `review_corrected_rate` 复议纠错率 | 行政复议 结果纠正 | 行政复议 总计 |
//! | `suit_corrected_rate` 诉讼纠错率 | 行政诉讼 结果纠正 (direct + after review) | their 总计 |
//! | `carried_out_rate` 结转率 | 四、结转下年度继续办理 | 一、本年新收 + 二、上年结转 |
//!
//! Every cell is the 总计 column's (requests) or the group's (appeals). A blank cell counts
//! as 0, as arithmetic reads it; an unreadable or missing cell, a row that is absent or whose
//! values were placed by a guess (S106), and a table not read reliably (S104) make the
//! indicators that use it unreadable (`value`, and the side it is on, `null`), as do a
//! denominator of 0. Only the national templates (gb2021, gb2019) have indicators.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::schema::{Template, REQUEST_ROWS_ANY};
use crate::table::{serialize_number, Table, Tables};

/// A ratio and what it is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Ratio {
    /// `numerator / denominator`, to four decimals; `None` when either side cannot be read
    /// or the denominator is 0.
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

impl Ratio {
    fn new(numerator: Option<f64>, denominator: Option<f64>) -> Ratio {
        let value = match (numerator, denominator) {
            (Some(n), Some(d)) if d != 0.0 => Some((n / d * 1e4).round() / 1e4),
            _ => None,
        };
        Ratio {
            value,
            numerator,
            denominator,
        }
    }

    /// "33.9%" (one decimal), or "—" when there is no value.
    pub fn percent(&self) -> String {
        match self.value {
            Some(v) => {
                let p = format!("{:.1}", v * 100.0);
                format!("{}%", p.strip_suffix(".0").unwrap_or(&p))
            }
            None => "—".to_string(),
        }
    }
}

struct Num(Option<f64>);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(n) => serialize_number(n, s),
            None => s.serialize_none(),
        }
    }
}

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Ratio", 3)?;
        m.serialize_field("value", &self.value)?;
        m.serialize_field("numerator", &Num(self.numerator))?;
        m.serialize_field("denominator", &Num(self.denominator))?;
        m.end()
    }
}

/// A report's indicators.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Indicators {
    /// The applications the report answered: （七）总计 总计.
    pub applications: Option<f64>,
    pub substantive_rate: Ratio,
    pub withheld_rate: Ratio,
    pub unavailable_rate: Ratio,
    pub not_held_share: Ratio,
    pub review_corrected_rate: Ratio,
    pub suit_corrected_rate: Ratio,
    pub carried_out_rate: Ratio,
}

impl Serialize for Indicators {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("Indicators", 8)?;
        m.serialize_field("applications", &Num(self.applications))?;
        m.serialize_field("substantive_rate", &self.substantive_rate)?;
        m.serialize_field("withheld_rate", &self.withheld_rate)?;
        m.serialize_field("unavailable_rate", &self.unavailable_rate)?;
        m.serialize_field("not_held_share", &self.not_held_share)?;
        m.serialize_field("review_corrected_rate", &self.review_corrected_rate)?;
        m.serialize_field("suit_corrected_rate", &self.suit_corrected_rate)?;
        m.serialize_field("carried_out_rate", &self.carried_out_rate)?;
        m.end()
    }
}

/// The value of a cell for the indicators: blank = 0; `None` when the table, the row or the
/// cell is absent, unreadable or missing, or the row's alignment is a guess.
fn cell(t: Option<&Table>, row: &str, col: &str) -> Option<f64> {
    let r = t?.row(row)?;
    if r.misaligned.is_some() {
        return None;
    }
    r.cell(col)?.value.as_number()
}

fn sum(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    values.into_iter().sum()
}

/// The total of a group of request rows (`withheld.`, `unavailable.`).
fn group(t: Option<&Table>, prefix: &str) -> Option<f64> {
    sum(REQUEST_ROWS_ANY
        .iter()
        .filter(|d| d.key.starts_with(prefix))
        .map(|d| cell(t, d.key, "total")))
}

/// The indicators of a report's tables; `None` for a template that is not national.
pub fn of(tables: &Tables, template: Template, single_other: bool) -> Option<Indicators> {
    if !template.is_national() {
        return None;
    }
    let reliable = |t: &&Table| !t.misread(template, single_other);
    let req = tables.requests.as_ref().filter(reliable);
    let app = tables.appeals.as_ref().filter(reliable);
    let total = cell(req, "total", "total");
    let unavailable = group(req, "unavailable.");
    let suits = ["suit_direct", "suit_after_review"];
    Some(Indicators {
        applications: total,
        substantive_rate: Ratio::new(
            sum([
                cell(req, "granted", "total"),
                cell(req, "partly_granted", "total"),
            ]),
            total,
        ),
        withheld_rate: Ratio::new(group(req, "withheld."), total),
        unavailable_rate: Ratio::new(unavailable, total),
        not_held_share: Ratio::new(cell(req, "unavailable.not_held", "total"), unavailable),
        review_corrected_rate: Ratio::new(
            cell(app, "review", "corrected"),
            cell(app, "review", "total"),
        ),
        suit_corrected_rate: Ratio::new(
            sum(suits.map(|r| cell(app, r, "corrected"))),
            sum(suits.map(|r| cell(app, r, "total"))),
        ),
        carried_out_rate: Ratio::new(
            cell(req, "carried_out", "total"),
            sum([cell(req, "new", "total"), cell(req, "carried_in", "total")]),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_round_and_say_when_they_cannot_be_read() {
        let r = Ratio::new(Some(258.0), Some(761.0));
        assert_eq!(r.value, Some(0.339));
        assert_eq!(r.percent(), "33.9%");
        assert_eq!(Ratio::new(Some(1.0), Some(3.0)).value, Some(0.3333));
        assert_eq!(Ratio::new(Some(3.0), Some(3.0)).percent(), "100%");
        assert_eq!(Ratio::new(Some(0.0), Some(0.0)).value, None);
        assert_eq!(Ratio::new(None, Some(5.0)).value, None);
        assert_eq!(Ratio::new(None, Some(5.0)).percent(), "—");
    }
}
