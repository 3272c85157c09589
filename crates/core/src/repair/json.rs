//! The repair in the JSON contract's shape.

use super::*;

/// One change as JSON: `{cell, from, to}`, `from` 0 for a blank (with `"blank": true`) and
/// `null` for a cell that had no number (with `"unreadable": true`); `"determined": false`
/// when the value is one choice among several.
struct ChangeJson<'a>(&'a Change);

impl Serialize for ChangeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let flag = match c.from {
            Value::Blank => Some("blank"),
            Value::Unreadable | Value::Missing => Some("unreadable"),
            Value::Number(_) => None,
        };
        let extra = usize::from(flag.is_some()) + usize::from(!c.determined);
        let mut m = s.serialize_struct("Change", 3 + extra)?;
        m.serialize_field("cell", &c.cell)?;
        m.serialize_field("from", &Num(c.from.as_number()))?;
        m.serialize_field("to", &Num(Some(c.to)))?;
        match flag {
            Some("blank") => m.serialize_field("blank", &true)?,
            Some(_) => m.serialize_field("unreadable", &true)?,
            None => {}
        }
        if !c.determined {
            m.serialize_field("determined", &false)?;
        }
        m.end()
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

struct Changes<'a>(&'a [Change]);

impl Serialize for Changes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ChangeJson))
    }
}

/// In a report the repair is flattened into `repair` (the chosen changes, as the JSON
/// contract has it), `repair_count`, `repair_alternatives`, `repair_certain` and
/// `repair_exhausted`.
impl Serialize for Repair {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("repair", &Changes(&self.changes))?;
        m.serialize_entry("repair_count", &self.count)?;
        let alts: Vec<Changes> = self.alternatives.iter().map(|a| Changes(a)).collect();
        m.serialize_entry("repair_alternatives", &alts)?;
        m.serialize_entry("repair_certain", &self.certain)?;
        m.serialize_entry("repair_exhausted", &self.exhausted)?;
        m.end()
    }
}
