//! Document → template, year, agency, and typed tables with cell provenance.
//!
//! Extraction never fails: what it cannot find it leaves out, and what it had to guess it
//! records in [`Facts`] for the rules to report.

pub mod active;
pub mod appeals;
pub mod deadline;
pub mod legacy;
pub mod lost;
pub mod meta;
pub mod narrative;
pub mod prose;
pub mod published;
pub mod requests;
pub mod rows;
pub mod sections;
pub mod split;

use crate::ingest::value::read_for;
use crate::ingest::Document;
pub use crate::ingest::InputFacts;
use crate::schema::{RowDef, TableKind, Template, APPEAL_ROWS};
use crate::span::Span;
use crate::table::{Cell, ExtraRow, Layout, Misalignment, Row, Table, Tables, Value};
pub use meta::{Meta, Period, YearAt};
pub use sections::SectionHit;

/// A label that marks one template, and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub label: String,
    pub span: Span,
}

/// Everything extraction saw besides the tables.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub input: InputFacts,
    pub sections: Vec<SectionHit>,
    pub meta: Meta,
    /// Labels only gb2021 has, as found.
    pub gb2021_markers: Vec<Marker>,
    /// Labels only gb2019 has, as found (a single-row （六）其他处理 among them).
    pub gb2019_markers: Vec<Marker>,
    /// Labels of a legacy statistics table, as found.
    pub legacy_markers: Vec<Marker>,
    /// The requests table printed （六）其他处理 as one row.
    pub single_other: bool,
    /// What the prose says in numbers (rules N601–N609).
    pub narrative: narrative::Narrative,
    /// The text of sections 五 and 六 (rules N610, N611).
    pub section_bodies: Vec<sections::SectionBody>,
    /// When the report was published, from the strongest source the input has.
    pub published: Option<published::Published>,
    /// Rows a converter's Markdown lost where it cut a table at a page break (S104 says so
    /// as a problem of the reading).
    pub lost: Vec<lost::Lost>,
    /// The prose by section without boilerplate (rules Y803, Y804). Empty without the
    /// `prose` feature (the web page's checking per keystroke, which never compares two
    /// reports).
    pub prose: prose::Prose,
}

/// A stretch of cells `from..to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub from: usize,
    pub to: usize,
}

pub(crate) fn region_span(doc: &Document, from: usize, to: usize) -> Option<Span> {
    let first = doc.cells.get(from)?;
    let last = doc.cells.get(to.checked_sub(1)?)?;
    Some(first.span.cover(last.span))
}

/// Build a row from the value cells assigned to it.
pub(crate) fn build_row(
    doc: &Document,
    def: &'static RowDef,
    label: Option<usize>,
    a: &rows::Assigned,
    amount_in_yuan: bool,
) -> Row {
    let cells = def
        .cols
        .iter()
        .enumerate()
        .map(|(i, col)| match a.cells.get(i).map(|&c| &doc.cells[c]) {
            Some(src) => {
                let text = crate::ingest::text::without_br(&src.raw);
                let r = read_for(
                    text.as_deref().unwrap_or(&src.raw),
                    col.kind,
                    amount_in_yuan,
                );
                Cell {
                    col: col.key,
                    kind: col.kind,
                    value: r.value,
                    raw: src.raw.clone(),
                    unit: r.unit,
                    span: Some(src.span),
                    layout: src.layout,
                    lost: doc
                        .line_cells(src.line)
                        .iter()
                        .any(|c| c.raw.contains('\u{FFFD}')),
                }
            }
            None => Cell {
                col: col.key,
                kind: col.kind,
                value: Value::Missing,
                raw: String::new(),
                unit: None,
                span: None,
                layout: Layout::Alone,
                lost: false,
            },
        })
        .collect();
    Row {
        def,
        label_span: label.map(|l| doc.cells[l].span),
        cells,
        misaligned: a.found.map(|found| Misalignment {
            found,
            expected: def.cols.len(),
        }),
        label_loose: label.is_some_and(|l| !label_fits(&doc.cells[l].norm, def.label)),
    }
}

/// Whether a label as written (normalised) is the template's wording or a piece of it, the
/// numbering and punctuation aside: "（二）部分公开（区分处理的，只计这一情" (wrapped) and
/// "1.属于国家秘密" (without its group) fit; "（七）合计" for （七）总计 and "其他法律行政止公开"
/// for 2.其他法律行政法规禁止公开 do not (a keyword placed them). Labels that name the
/// template's wording with more around it ("（一）予以公开（件）") fit too.
pub(crate) fn label_fits(written: &str, official: &str) -> bool {
    let core = |s: &str| -> String {
        s.chars()
            .filter(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(c) && !"一二三四五六七八九十".contains(*c)
            })
            .collect()
    };
    let w = core(written);
    let o = core(&crate::ingest::norm::normalize(official));
    if w.is_empty() {
        return true;
    }
    // The row's own part of a sub-row's label: "（三）不予公开 1.属于国家秘密" → 属于国家秘密.
    let own = official
        .rsplit(' ')
        .next()
        .map(|p| core(&crate::ingest::norm::normalize(p)))
        .unwrap_or_default();
    o.contains(&w) || (!own.is_empty() && w.contains(&own))
}

pub(crate) fn extra_row(doc: &Document, o: &rows::Orphan) -> ExtraRow {
    let label = o.label.map(|l| &doc.cells[l]);
    let span = o
        .cells
        .iter()
        .map(|&c| doc.cells[c].span)
        .reduce(Span::cover);
    ExtraRow {
        label: label.map_or_else(String::new, |c| c.raw.clone()),
        span: match (label.map(|c| c.span), span) {
            (Some(a), Some(b)) => Some(a.cover(b)),
            (a, b) => a.or(b),
        },
        values: o.cells.iter().map(|&c| doc.cells[c].raw.clone()).collect(),
        subtotal: o.after_group,
    }
}

const LEGACY_LABELS: &[&str] = &[
    "指标名称",
    "历年累计",
    "主动公开文件数",
    "受理政府信息公开申请总数",
    "对申请的答复总数",
    "政府信息公开收费减免金额",
];

/// Where each table's cells are.
struct Regions {
    active: Option<Region>,
    requests: Option<Region>,
    appeals: Option<Region>,
}

fn find_regions(doc: &Document, sections: &[SectionHit]) -> Regions {
    let n = doc.cells.len();
    let short = |i: usize| doc.cells[i].norm.chars().count() <= 80;
    let heading = |num: u8, after: usize| {
        sections
            .iter()
            .find(|s| s.number == num && s.cell >= after)
            .map(|s| s.cell)
    };
    let req_start = heading(3, 0)
        .or_else(|| {
            (0..n).find(|&i| {
                short(i)
                    && (doc.cells[i].norm.contains("勾稽关系") || doc.cells[i].norm == "申请人情况")
            })
        })
        .or_else(|| requests::first_row_cell(doc, &Region { from: 0, to: n }));
    let app_start = match req_start {
        Some(r) => heading(4, r).or_else(|| (r..n).find(|&i| doc.cells[i].norm == "行政复议")),
        None => heading(4, 0),
    };
    let act_start =
        heading(2, 0).or_else(|| (0..n).find(|&i| doc.cells[i].norm.starts_with("第二十条第")));
    // A region ends at the next region's start or at the next heading of a later section.
    let end_of = |start: usize, number: u8| -> usize {
        let mut end = n;
        for s in sections {
            if s.cell > start && s.number > number {
                end = end.min(s.cell);
            }
        }
        for other in [act_start, req_start, app_start].into_iter().flatten() {
            if other > start {
                end = end.min(other);
            }
        }
        end
    };
    Regions {
        active: act_start.map(|s| Region {
            from: s + 1,
            to: end_of(s, 2),
        }),
        requests: req_start.map(|s| Region {
            from: s,
            to: end_of(s, 3),
        }),
        appeals: app_start.map(|s| Region {
            from: s + 1,
            to: end_of(s, 4),
        }),
    }
}

fn markers(doc: &Document, region: Option<Region>, labels: &[&str]) -> Vec<Marker> {
    let mut out: Vec<Marker> = Vec::new();
    let Some(r) = region else { return out };
    for c in &doc.cells[r.from..r.to] {
        // A number or a placeholder names nothing.
        if c.is_value() {
            continue;
        }
        for l in labels {
            // A label's last character is looked for first (a quick scan), the label only
            // where that character is.
            if c.norm.len() >= l.len()
                && !out.iter().any(|m| m.label == *l)
                && l.chars()
                    .next_back()
                    .is_some_and(|last| c.norm.contains(last))
                && c.norm.contains(l)
            {
                out.push(Marker {
                    label: (*l).to_string(),
                    span: c.span,
                });
            }
        }
    }
    out
}

/// Decide the template from the labels present: the template with more of its own labels
/// wins; a tie goes by the year.
fn decide_template(f: &Facts, have_tables: bool, year: Option<i32>) -> Template {
    if have_tables {
        let (a, b) = (f.gb2021_markers.len(), f.gb2019_markers.len());
        let tie_goes_2019 = a == b && year.is_some_and(|y| y <= 2020);
        if b > a || tie_goes_2019 {
            Template::Gb2019
        } else {
            Template::Gb2021
        }
    } else if f.legacy_markers.len() >= 2 {
        Template::Legacy
    } else {
        Template::Unknown
    }
}

/// Extract everything from a decoded input.
pub fn extract(text: &str, decoded: &InputFacts) -> (Template, Tables, Facts) {
    let (doc, merged) = split::clear_merged_labels(split::join_cut_rows(Document::from_text(text)));
    let mut facts = Facts {
        input: decoded.clone(),
        ..Facts::default()
    };
    facts.input.cut = doc.truncated;
    facts.sections = sections::find_sections(&doc);
    facts.section_bodies = sections::bodies(text, &facts.sections);
    facts.meta = meta::read_meta(text, &doc, &facts.sections);
    facts.published = published::read(text, decoded, &facts.sections, facts.meta.year());
    let regions = find_regions(&doc, &facts.sections);

    let mut tables = Tables::default();
    if let Some(r) = regions.requests {
        if let Some((t, single)) = requests::read(&doc, &r) {
            facts.single_other = single;
            if single {
                if let Some(row) = t.row("other") {
                    let span = row.label_span.unwrap_or(Span::new(0, 0));
                    facts.gb2019_markers.push(Marker {
                        label: "（六）其他处理（单行）".into(),
                        span,
                    });
                }
            }
            if t.rows.iter().any(|r| r.def.key.starts_with("other.")) {
                if let Some(span) = t
                    .rows
                    .iter()
                    .find(|r| r.def.key.starts_with("other."))
                    .and_then(|r| r.label_span)
                {
                    facts.gb2021_markers.push(Marker {
                        label: "（六）其他处理（分三项）".into(),
                        span,
                    });
                }
            }
            tables.requests = Some(t);
        }
    }
    facts
        .gb2021_markers
        .extend(markers(&doc, regions.active, active::GB2021_HEADERS));
    let mut m19 = markers(&doc, regions.active, active::GB2019_HEADERS);
    m19.extend(markers(
        &doc,
        regions.active,
        &["第二十条第(九)项", "政府集中采购", "其他对外管理服务事项"],
    ));
    facts.gb2019_markers.extend(m19);
    let mut header_only = None;
    if let Some(r) = regions.appeals {
        tables.appeals = appeals::read(&doc, &r);
        if tables.appeals.is_none() {
            // Only the header is in the file: the table is there, its row was lost.
            header_only = lost::header_only(text, &doc, &r);
            tables.appeals = header_only.map(|span| Table {
                span: Some(span),
                ..Table::new(TableKind::Appeals)
            });
        }
    }
    let have_tables = tables.requests.is_some()
        || tables.appeals.is_some()
        || regions.active.is_some_and(|r| r.to > r.from);
    let all = Region {
        from: 0,
        to: doc.cells.len(),
    };
    facts.legacy_markers = markers(&doc, Some(all), LEGACY_LABELS);
    let year = facts.meta.year();
    let mut template = decide_template(&facts, have_tables, year);
    if let Some(r) = regions.active {
        tables.active = active::read(&doc, &r, template);
    }
    if template.is_national() && tables.iter().next().is_none() {
        template = if facts.legacy_markers.len() >= 2 {
            Template::Legacy
        } else {
            Template::Unknown
        };
    }
    if template == Template::Legacy {
        tables.legacy = legacy::read(&doc);
    }
    facts.lost = lost::find(text, &doc, &tables, template, facts.single_other);
    if let Some(span) = header_only.filter(|_| template.is_national()) {
        facts.lost.push(lost::Lost {
            table: TableKind::Appeals,
            rows: APPEAL_ROWS.iter().map(|d| d.key).collect(),
            why: lost::Why::HeaderOnly,
            span,
        });
    }
    for m in merged {
        let Some(t) = tables.get(m.table).filter(|_| template.is_national()) else {
            continue;
        };
        let rows: Vec<&'static str> = m.rows.into_iter().filter(|k| t.row(k).is_none()).collect();
        if !rows.is_empty() {
            facts.lost.push(lost::Lost {
                table: m.table,
                rows,
                why: lost::Why::Merged,
                span: m.span,
            });
        }
    }
    let excluded = table_spans(&tables, &facts);
    #[cfg(feature = "prose")]
    {
        facts.prose = prose::read(text, &doc, &excluded, &facts.sections);
    }
    facts.narrative = read_narrative(text, &doc, excluded, &facts);
    (template, tables, facts)
}

/// The stretches of the input that are tables, and the headings of their sections when they
/// stand before them: not prose.
fn table_spans(tables: &Tables, facts: &Facts) -> Vec<Span> {
    let mut excluded = Vec::new();
    for t in tables.iter() {
        let Some(span) = t.span else { continue };
        let section = match t.kind {
            crate::schema::TableKind::Active => 2,
            crate::schema::TableKind::Requests => 3,
            crate::schema::TableKind::Appeals => 4,
            crate::schema::TableKind::Legacy => 0,
        };
        // The section's heading, when it stands before the table, and the table. A
        // sentence between them is prose ("2023年，共收到政府信息公开申请0条。" under 三).
        if let Some(h) = facts
            .sections
            .iter()
            .rfind(|s| s.number == section && s.span.start <= span.start)
        {
            excluded.push(h.span);
        }
        excluded.push(span);
    }
    excluded
}

/// Read the prose outside the tables (and outside the headings of their sections).
fn read_narrative(
    text: &str,
    doc: &Document,
    excluded: Vec<Span>,
    facts: &Facts,
) -> narrative::Narrative {
    let ctx = narrative::Context {
        year: facts.meta.year(),
        agency: facts.meta.agency.as_deref(),
        excluded,
        heading_lines: {
            let mut lines: Vec<usize> = facts
                .sections
                .iter()
                .filter_map(|s| doc.cells.get(s.cell).map(|c| c.line))
                .collect();
            lines.sort_unstable();
            lines
        },
    };
    narrative::read(text, doc, &ctx)
}

#[cfg(test)]
mod label_tests {
    use super::label_fits;
    use crate::ingest::norm::normalize;

    fn fits(written: &str, official: &str) -> bool {
        label_fits(&normalize(written), official)
    }

    #[test]
    fn labels_as_written_and_labels_placed_by_a_keyword() {
        let partly = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
        assert!(fits("（二）部分公开（区分处理的，只计这一情", partly));
        assert!(fits("(二)部分公开", partly));
        assert!(fits("1.属于国家秘密", "（三）不予公开 1.属于国家秘密"));
        assert!(fits(
            "（三）不予公开 1.属于国家秘密",
            "（三）不予公开 1.属于国家秘密"
        ));
        assert!(fits("四、結轉下年度繼續辦理", "四、结转下年度继续办理"));
        assert!(fits("规范性文件", "行政规范性文件"));
        assert!(fits("行政规范性文件", "规范性文件"));
        assert!(!fits("（七）合计", "（七）总计"));
        assert!(!fits(
            "三 2.其他法律行政止公开",
            "2.其他法律行政法规禁止公开"
        ));
    }
}
