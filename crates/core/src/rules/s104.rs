//! S104 — a row of the template is missing from a table that is otherwise present.
//!
//! **What**: a template row (e.g. 四、结转下年度继续办理) was not found in its table.
//! **Why**: the national format fixes every row; a missing row hides numbers from the
//! equations. A gb2021 table whose （六）其他处理 is one row (the 2019 form) is read as `other`
//! and reported once as S102, not as three missing rows. A row left out of 表二 (active: a
//! department without rule-making power deleting 规章) is a format deviation, so a warning;
//! in the requests and appeals tables it is an error.
//! **A misreading is not the report's error**: when fewer than half of a table's template rows
//! could be placed ([`Table::misread`]), the table was almost surely not read as it is printed (a
//! PDF's layout, a pasted table out of order) rather than printed without most of its rows;
//! then ONE warning with subject the table says what was recognised and what the user can do,
//! no row is reported missing, and no equation (A301–A303, R401), repair or narrative
//! comparison runs on that table (`rules::national_table` leaves it out). The threshold: real
//! reports that drop rows drop a few (规章, a cut-off （六）); the misread PDFs we measured
//! placed 0–5 of 25 request rows. Half is far from both.
//! **Rows a converter lost at a page break** are not the report's either: a PDF-to-Markdown
//! converter that cuts a table at a page break may leave out the rows at the break
//! ([`crate::extract::lost`]: rows missing exactly where the file's pipe table ends and the
//! next begins, or a table of which only the header is in the file). Those rows are not in the
//! file, so ONE warning with subject the table names them, says the table was cut at a page
//! break in the file, and what the user can do (check the original, give the page instead);
//! they are not reported missing, and the equations that involve them do not run (their cells
//! are absent). So are two rows whose labels the converter merged into one cell of a line that
//! does not say which of them its values are (`extract::split::Merged`). A row missing
//! anywhere else in such a table is still reported.
//! **Fails**: a requests table cut off after （五）不予处理.
//! **Passes**: a table with every row, blank or not.
//! **Fix**: restore the row with its numbers; for a misread table, give the original web page
//! or .docx, or copy the table from the page.

use super::Rule;
use crate::extract::lost::{Lost, Why};
use crate::report::{Finding, Report, Severity};
use crate::schema::{request_rows, template_rows, RowDef, TableKind};

pub const RULE: Rule = Rule {
    code: "S104",
    severity: Severity::Error,
    title: "表格缺少模板中的行",
    check,
};

/// The template rows of a table of this report.
fn rows_of(r: &Report, kind: TableKind) -> &'static [RowDef] {
    match kind {
        TableKind::Requests => request_rows(r.template, r.facts.single_other),
        kind => template_rows(kind, r.template),
    }
}

fn check(r: &Report, out: &mut Vec<Finding>) {
    if !r.template.is_national() {
        return;
    }
    for table in r.tables.iter() {
        let rows = rows_of(r, table.kind);
        let severity = match table.kind {
            TableKind::Active => Severity::Warning,
            _ => Severity::Error,
        };
        let lost: Vec<&Lost> = r
            .facts
            .lost
            .iter()
            .filter(|l| l.table == table.kind)
            .collect();
        let is_lost = |key: &str| lost.iter().any(|l| l.rows.contains(&key));
        let placed = rows
            .iter()
            .filter(|d| table.row(d.key).is_some() || is_lost(d.key))
            .count();
        if !lost.is_empty() && placed * 2 >= rows.len() {
            out.push(lost_rows(table.kind, rows, &lost));
        } else if table.misread(r.template, r.facts.single_other) {
            let found: Vec<&str> = rows
                .iter()
                .filter(|d| table.row(d.key).is_some())
                .map(|d| d.label)
                .collect();
            let recognised = if found.is_empty() {
                "没有识别出任何一行".to_string()
            } else {
                format!("只识别出{}行：{}", found.len(), found.join("、"))
            };
            let msg = format!(
                "{}未能可靠读出：模板共{}行，{}。这多半是文件的表格排版没有被正确读取（例如 PDF 中跨行的单元格），而不是报告缺少这些行，因此不报告缺行，也不检查该表的等式。可改为拖入原网页或 .docx 文件，或从网页上复制该表格后粘贴。",
                table.kind.name_zh(),
                rows.len(),
                recognised
            );
            out.push(
                Finding::new(
                    RULE.code,
                    Severity::Warning,
                    table.kind.key().to_string(),
                    msg,
                )
                .spans(table.span),
            );
            continue;
        }
        for def in rows {
            if table.row(def.key).is_none() && !is_lost(def.key) {
                let msg = format!("{}缺少“{}”行。", table.kind.name_zh(), def.label);
                let subject = format!("{}/row/{}", table.kind.key(), def.key);
                out.push(Finding::new(RULE.code, severity, subject, msg).spans(table.span));
            }
        }
    }
}

/// The one warning about the rows of a table that cannot be read because of how a converter
/// wrote the file.
fn lost_rows(kind: TableKind, rows: &[RowDef], lost: &[&Lost]) -> Finding {
    const CUT: &str = "在文件中被分页处切开（PDF 转换成的 Markdown 会在分页处把表格分成几段，分页处的内容可能没有转换过来）";
    let labels = |l: &Lost| -> Vec<String> {
        rows.iter()
            .filter(|d| l.rows.contains(&d.key))
            .map(|d| format!("“{}”", d.label))
            .collect()
    };
    let parts: Vec<String> = lost
        .iter()
        .map(|l| {
            let named = labels(l);
            match l.why {
                Why::Break => format!("{CUT}：{}共{}行不在文件中", named.join(""), named.len()),
                Why::HeaderOnly => format!("{CUT}：文件中只有该表的表头，它的数值行不在文件中"),
                Why::Merged => format!(
                    "中有一行把两行的行名合写在一格（PDF 转换工具所为），数值属于哪一行无法确定：{}",
                    named.join("")
                ),
            }
        })
        .collect();
    let msg = format!(
        "{}{}，无法读取。从这个文件看不出原报告中这些行的数值，因此不报告缺行，也不检查涉及这些行的等式。请核对原件；或改为拖入原网页、PDF 或 .docx 文件，或从网页上复制该表格后粘贴。",
        kind.name_zh(),
        parts.join("；该表")
    );
    Finding::new(RULE.code, Severity::Warning, kind.key().to_string(), msg)
        .spans(lost.iter().map(|l| l.span))
}

#[cfg(test)]
mod tests {
    use crate::report::Severity;

    const BASE: &str = include_str!("../../tests/fixtures/base/gb2021-pipe.txt");

    fn s104(text: &str) -> Vec<(String, Severity)> {
        crate::check(text)
            .findings
            .into_iter()
            .filter(|f| f.code == "S104")
            .map(|f| (f.subject, f.severity))
            .collect()
    }

    #[test]
    fn a_row_left_out_of_the_active_table_is_a_warning() {
        let text = BASE.replace("规章 | 1 | 0 | 5 |\n", "");
        assert_eq!(
            s104(&text),
            vec![("active/row/rules".to_string(), Severity::Warning)]
        );
        let text = BASE.replace("2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", "");
        assert_eq!(
            s104(&text),
            vec![(
                "requests/row/not_processed.repeated".to_string(),
                Severity::Error
            )]
        );
    }

    const CONVERTER: &str = include_str!("../../tests/fixtures/base/gb2021-converter.md");

    /// Markdown pipe rows as TAB rows (a browser's copy of the same table): no delimiter
    /// lines, no pipe tables to be cut.
    fn as_tab_rows(text: &str) -> String {
        text.lines()
            .filter(|l| !l.starts_with("|---"))
            .map(
                |l| match l.strip_prefix('|').and_then(|l| l.strip_suffix('|')) {
                    Some(row) => row
                        .split('|')
                        .map(|c| if c.starts_with("Col") { "" } else { c })
                        .collect::<Vec<_>>()
                        .join("\t"),
                    None => l.to_string(),
                },
            )
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn rows_lost_where_a_converter_cut_the_table_are_a_reading_finding() {
        let start = CONVERTER
            .find("|三、本<br>年度办<br>理结果|（七）总计")
            .unwrap_or(0);
        let end = CONVERTER.find("|行政复议|").unwrap_or(0);
        // The rows and the heading of section 四 lost, the empty lines between the tables kept.
        let text = format!("{}\n\n{}", &CONVERTER[..start], &CONVERTER[end..]);
        let r = crate::check(&text);
        let s: Vec<_> = r.findings.iter().filter(|f| f.code == "S104").collect();
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(
            (s[0].subject.as_str(), s[0].severity, s[0].concerns),
            (
                "requests",
                Severity::Warning,
                crate::report::Concern::Reading
            )
        );
        assert!(s[0].message.contains("分页"), "{}", s[0].message);
        assert!(s[0]
            .message
            .contains("“（七）总计”“四、结转下年度继续办理”共2行"));
        assert!(s[0].message.contains("请核对原件"), "{}", s[0].message);
        // The same table as a browser copies it: not cut, the rows are missing from it.
        let tab = as_tab_rows(&text);
        assert_eq!(
            s104(&tab),
            vec![
                ("requests/row/total".to_string(), Severity::Error),
                ("requests/row/carried_out".to_string(), Severity::Error)
            ]
        );
        assert!(s104(&as_tab_rows(CONVERTER)).is_empty());
    }

    #[test]
    fn a_table_most_of_whose_rows_are_not_placed_is_said_once() {
        let start = BASE.find("（三）不予公开 | 1.").unwrap_or(0);
        let end = BASE.find("四、结转下年度").unwrap_or(0);
        let text = format!("{}{}", &BASE[..start], &BASE[end..]);
        let f = crate::check(&text);
        let s: Vec<_> = f.findings.iter().filter(|f| f.code == "S104").collect();
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].subject.as_str(), s[0].severity),
            ("requests", Severity::Warning)
        );
        assert!(s[0].message.contains("只识别出5行"), "{}", s[0].message);
        assert!(s[0].message.contains("原网页或 .docx"), "{}", s[0].message);
        assert!(f.findings.iter().all(|f| !f.code.starts_with('A')));
    }
}
