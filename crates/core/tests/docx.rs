//! Word .docx files: a gb2021 report built here as Word builds one (tables with `vMerge` for
//! 三、本年度办理结果 and （三）不予公开, `gridSpan` for header groups, text split into runs)
//! reads exactly as the same report copied from a browser (layouts/gb2021-tab.txt); and every
//! way a .docx can fail to be read gets a clear message: a zip bomb, too many entries, a zip
//! that is not a Word document, an old binary .doc, a damaged file.

#![cfg(feature = "docx")]
// A test fails by panicking; building fixtures that cannot fail is no user input.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use std::io::{Cursor, Write};
use std::sync::LazyLock;

use gouji_core::ingest::{FileProblem, Format};
use gouji_core::{check, check_bytes, Severity, Template};
use proptest::prelude::*;
use proptest::sample::Index;
use support::fixtures::{local, text};
use support::invariants::assert_checked;
use support::mutate::{apply_bytes, byte_edits, cut};
use support::{cases, deflate_zeros, s101};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// A table cell as Word writes it.
#[derive(Clone, Copy)]
enum C {
    /// Plain cell.
    T(&'static str),
    /// `gridSpan`: across several grid columns.
    Span(&'static str, u32),
    /// `vMerge restart`: the first cell of a vertical merge.
    Down(&'static str),
    /// `vMerge restart` and `gridSpan`.
    DownSpan(&'static str, u32),
    /// `vMerge` continuation, one grid column.
    Cont,
    /// `vMerge` continuation across several grid columns.
    ContSpan(u32),
}

enum Block {
    P(&'static str),
    Table(Vec<Vec<C>>),
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph as Word writes it: properties, a bookmark, the text in several runs (split
/// after the first digit run, as Word does around numbers).
fn paragraph(text: &str) -> String {
    let mut runs = String::new();
    let split = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(text.len(), |(i, _)| i);
    for part in [&text[..split], &text[split..]] {
        if !part.is_empty() {
            runs.push_str(&format!(
                "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:sz w:val=\"21\"/></w:rPr>\
                 <w:t xml:space=\"preserve\">{}</w:t></w:r>",
                esc(part)
            ));
        }
    }
    format!(
        "<w:p><w:pPr><w:jc w:val=\"left\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>\
         <w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:proofErr w:type=\"spellStart\"/>{runs}\
         <w:bookmarkEnd w:id=\"0\"/></w:p>"
    )
}

fn cell(c: C) -> String {
    let (props, text) = match c {
        C::T(t) => (String::new(), t),
        C::Span(t, n) => (format!("<w:gridSpan w:val=\"{n}\"/>"), t),
        C::Down(t) => ("<w:vMerge w:val=\"restart\"/>".to_string(), t),
        C::DownSpan(t, n) => (
            format!("<w:gridSpan w:val=\"{n}\"/><w:vMerge w:val=\"restart\"/>"),
            t,
        ),
        C::Cont => ("<w:vMerge/>".to_string(), ""),
        C::ContSpan(n) => (format!("<w:gridSpan w:val=\"{n}\"/><w:vMerge/>"), ""),
    };
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>{props}<w:vAlign w:val=\"center\"/></w:tcPr>{}</w:tc>",
        paragraph(text)
    )
}

fn document_xml(blocks: &[Block]) -> String {
    let mut body = String::new();
    for b in blocks {
        match b {
            Block::P(t) => body.push_str(&paragraph(t)),
            Block::Table(rows) => {
                body.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"1000\"/></w:tblGrid>");
                for row in rows {
                    body.push_str("<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>");
                    for &c in row {
                        body.push_str(&cell(c));
                    }
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl>");
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    )
}

/// A .docx file (zip) with the given document.xml.
fn docx(document: &str) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
        ),
        ("word/document.xml", document),
        (
            "word/footer1.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:r><w:t>- 1 -</w:t></w:r></w:p></w:ftr>",
        ),
    ];
    for (name, text) in parts {
        z.start_file(name, opts).expect("start entry");
        z.write_all(text.as_bytes()).expect("write entry");
    }
    z.finish().expect("finish zip").into_inner()
}

const V0: [C; 7] = [C::T("0"); 7];

fn values(v: [&'static str; 7]) -> [C; 7] {
    v.map(C::T)
}

fn row(head: &[C], vals: [C; 7]) -> Vec<C> {
    let mut r = head.to_vec();
    r.extend(vals);
    r
}

/// The gb2021 report of layouts/gb2021-tab.txt, with the official template's merged cells.
fn gb2021_report() -> Vec<Block> {
    use C::*;
    let active = vec![
        vec![Span("第二十条第（一）项", 4)],
        vec![
            T("信息内容"),
            T("本年制发件数"),
            T("本年废止件数"),
            T("现行有效件数"),
        ],
        vec![T("规章"), T("1"), T("0"), T("5")],
        vec![T("行政规范性文件"), T("4"), T("2"), T("30")],
        vec![Span("第二十条第（五）项", 4)],
        vec![T("信息内容"), Span("本年处理决定数量", 3)],
        vec![T("行政许可"), Span("1200", 3)],
        vec![Span("第二十条第（六）项", 4)],
        vec![T("信息内容"), Span("本年处理决定数量", 3)],
        vec![T("行政处罚"), Span("300", 3)],
        vec![T("行政强制"), Span("12", 3)],
        vec![Span("第二十条第（八）项", 4)],
        vec![T("信息内容"), Span("本年收费金额（单位：万元）", 3)],
        vec![T("行政事业性收费"), Span("56.5", 3)],
    ];
    let withheld = [
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ];
    let mut requests = vec![
        vec![
            DownSpan(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
            ),
            Span("申请人情况", 7),
        ],
        vec![
            ContSpan(3),
            Down("自然人"),
            Span("法人或其他组织", 5),
            Down("总计"),
        ],
        vec![
            ContSpan(3),
            Cont,
            T("商业企业"),
            T("科研机构"),
            T("社会公益组织"),
            T("法律服务机构"),
            T("其他"),
            Cont,
        ],
        row(
            &[Span("一、本年新收政府信息公开申请数量", 3)],
            values(["20", "3", "0", "0", "1", "0", "24"]),
        ),
        row(
            &[Span("二、上年结转政府信息公开申请数量", 3)],
            values(["2", "0", "0", "0", "0", "0", "2"]),
        ),
        row(
            &[Down("三、本年度办理结果"), Span("（一）予以公开", 2)],
            values(["10", "1", "0", "0", "1", "0", "12"]),
        ),
        row(
            &[
                Cont,
                Span(
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                    2,
                ),
            ],
            values(["3", "1", "0", "0", "0", "0", "4"]),
        ),
        row(&[Cont, Down("（三）不予公开"), T("1.属于国家秘密")], V0),
    ];
    for (i, label) in withheld.iter().enumerate() {
        let vals = if i == 2 {
            values(["1", "0", "0", "0", "0", "0", "1"])
        } else {
            V0
        };
        requests.push(row(&[Cont, Cont, T(label)], vals));
    }
    requests.extend([
        row(
            &[
                Cont,
                Down("（四）无法提供"),
                T("1.本机关不掌握相关政府信息"),
            ],
            values(["4", "1", "0", "0", "0", "0", "5"]),
        ),
        row(&[Cont, Cont, T("2.没有现成信息需要另行制作")], V0),
        row(&[Cont, Cont, T("3.补正后申请内容仍不明确")], V0),
        row(
            &[Cont, Down("（五）不予处理"), T("1.信访举报投诉类申请")],
            values(["1", "0", "0", "0", "0", "0", "1"]),
        ),
        row(&[Cont, Cont, T("2.重复申请")], V0),
        row(&[Cont, Cont, T("3.要求提供公开出版物")], V0),
        row(&[Cont, Cont, T("4.无正当理由大量反复申请")], V0),
        row(
            &[Cont, Cont, T("5.要求行政机关确认或重新出具已获取信息")],
            V0,
        ),
        row(
            &[
                Cont,
                Down("（六）其他处理"),
                T("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ],
            V0,
        ),
        row(
            &[
                Cont,
                Cont,
                T("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            ],
            V0,
        ),
        row(
            &[Cont, Cont, T("3.其他")],
            values(["1", "0", "0", "0", "0", "0", "1"]),
        ),
        row(
            &[Cont, Span("（七）总计", 2)],
            values(["20", "3", "0", "0", "1", "0", "24"]),
        ),
        row(
            &[Span("四、结转下年度继续办理", 3)],
            values(["2", "0", "0", "0", "0", "0", "2"]),
        ),
    ]);
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut sub: Vec<C> = heads.iter().map(|h| T(h)).collect();
    sub.extend(heads.iter().map(|h| T(h)));
    let mut row3 = vec![Cont; 5];
    row3.extend(sub);
    let appeals = vec![
        vec![Span("行政复议", 5), Span("行政诉讼", 10)],
        vec![
            Down("结果维持"),
            Down("结果纠正"),
            Down("其他结果"),
            Down("尚未审结"),
            Down("总计"),
            Span("未经复议直接起诉", 5),
            Span("复议后起诉", 5),
        ],
        row3,
        [
            "1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "0", "0", "1", "0", "1",
        ]
        .map(T)
        .to_vec(),
    ];
    vec![
        Block::P("示范区人民政府2022年政府信息公开工作年度报告"),
        Block::P("本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"),
        Block::P("一、总体情况"),
        Block::P("2022年，示范区人民政府坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。"),
        Block::P("二、主动公开政府信息情况"),
        Block::Table(active),
        Block::P("三、收到和处理政府信息公开申请情况"),
        Block::Table(requests),
        Block::P("四、政府信息公开行政复议、行政诉讼情况"),
        Block::Table(appeals),
        Block::P("五、存在的主要问题及改进情况"),
        Block::P("政务公开的深度和广度还有待提升。下一步将加强业务培训。"),
        Block::P("六、其他需要报告的事项"),
        Block::P("本年度未收取信息处理费。"),
    ]
}

fn tab_fixture() -> String {
    text(&local("layouts/gb2021-tab.txt"))
}

#[test]
fn merged_cells_read_as_a_browser_copies_the_table() {
    let file = docx(&document_xml(&gb2021_report()));
    let c = check_bytes(&file);
    assert_eq!(c.report.facts.input.format, Format::Docx);
    assert_eq!(c.report.facts.input.problem, None);
    assert_eq!(c.text, tab_fixture());
    assert_checked(&c);

    let pasted = check(&tab_fixture());
    assert_eq!(c.report.tables, pasted.tables);
    assert_eq!(
        (c.report.template, c.report.year),
        (Template::Gb2021, Some(2022))
    );
    let t = c.report.tables.requests.as_ref().expect("requests");
    assert_eq!(t.number("new", "total"), Some(24.0));
    assert_eq!(t.number("withheld.three_safeties", "natural"), Some(0.0));
    assert_eq!(t.number("withheld.third_party", "total"), Some(1.0));
    assert_eq!(t.number("other.misc", "total"), Some(1.0));
    assert_eq!(t.number("carried_out", "natural"), Some(2.0));
    let a = c.report.tables.appeals.as_ref().expect("appeals");
    assert_eq!(a.number("suit_after_review", "total"), Some(1.0));
    assert!(
        !c.report
            .findings
            .iter()
            .any(|f| matches!(f.severity, Severity::Error | Severity::Warning)),
        "{:?}",
        c.report.findings
    );
}

#[test]
fn a_wrong_number_in_a_docx_is_found_in_the_docx_text() {
    let mut report = gb2021_report();
    // （七）总计 of 自然人: 20 → 21, so the column no longer adds up.
    if let Some(Block::Table(rows)) = report.get_mut(7) {
        if let Some(r) = rows
            .iter_mut()
            .find(|r| matches!(r.get(1), Some(C::Span("（七）总计", 2))))
        {
            r[2] = C::T("21");
        }
    }
    let c = check_bytes(&docx(&document_xml(&report)));
    let errors: Vec<&str> = c
        .report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.code)
        .collect();
    assert!(
        errors.contains(&"A301") || errors.contains(&"A303"),
        "{errors:?}"
    );
    // The finding points at the 21 in the extracted text.
    let cell = c
        .report
        .tables
        .requests
        .as_ref()
        .and_then(|t| t.row("total"))
        .and_then(|r| r.cells.first())
        .and_then(|cell| cell.span)
        .expect("span of total/natural");
    assert_eq!(&c.text[cell.start..cell.end], "21");
    assert_checked(&c);
}

/// A zip holding one entry, written by hand so that its data can be any deflate stream.
fn zip_with_raw_deflate(name: &str, deflated: &[u8], size: u64, crc: u32) -> Vec<u8> {
    let mut z = Vec::new();
    let name = name.as_bytes();
    let header = |sig: &[u8], central: bool| {
        let mut h = sig.to_vec();
        if central {
            h.extend_from_slice(&20u16.to_le_bytes()); // made by
        }
        h.extend_from_slice(&20u16.to_le_bytes()); // version needed
        h.extend_from_slice(&0u16.to_le_bytes()); // flags
        h.extend_from_slice(&8u16.to_le_bytes()); // deflate
        h.extend_from_slice(&0u32.to_le_bytes()); // time, date
        h.extend_from_slice(&crc.to_le_bytes());
        h.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
        h.extend_from_slice(&(size as u32).to_le_bytes());
        h.extend_from_slice(&(name.len() as u16).to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes()); // extra
        if central {
            h.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
            h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            h.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        }
        h.extend_from_slice(name);
        h
    };
    z.extend(header(b"PK\x03\x04", false));
    z.extend_from_slice(deflated);
    let cd = z.len() as u32;
    z.extend(header(b"PK\x01\x02", true));
    let cd_len = z.len() as u32 - cd;
    z.extend_from_slice(b"PK\x05\x06");
    z.extend_from_slice(&[0; 4]);
    z.extend_from_slice(&1u16.to_le_bytes());
    z.extend_from_slice(&1u16.to_le_bytes());
    z.extend_from_slice(&cd_len.to_le_bytes());
    z.extend_from_slice(&cd.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z
}

#[test]
fn a_zip_bomb_named_docx_stops_at_the_cap() {
    let mib = 80;
    let deflated = deflate_zeros(mib);
    let mut crc = flate2::Crc::new();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..mib {
        crc.update(&zeros);
    }
    let bomb = zip_with_raw_deflate(
        "word/document.xml",
        &deflated,
        (mib as u64) << 20,
        crc.sum(),
    );
    assert!(bomb.len() < 400 << 10, "{} bytes", bomb.len());
    let c = check_bytes(&bomb);
    assert_eq!(c.report.facts.input.format, Format::Docx);
    assert_eq!(
        c.report.facts.input.problem,
        Some(FileProblem::TooLarge { limit_mib: 64 })
    );
    let msg = s101(&c.report);
    assert!(msg.contains("64 MiB") && msg.contains("Word"), "{msg}");

    // The same bomb whose headers claim a small size: the cap counts what comes out.
    let liar = zip_with_raw_deflate("word/document.xml", &deflated, 4096, crc.sum());
    let c = check_bytes(&liar);
    assert!(
        matches!(
            c.report.facts.input.problem,
            Some(FileProblem::TooLarge { .. } | FileProblem::Damaged)
        ),
        "{:?}",
        c.report.facts.input.problem
    );
}

#[test]
fn too_many_entries_stop_early() {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..10_001 {
        z.start_file(format!("customXml/item{i}.xml"), opts)
            .expect("entry");
    }
    z.start_file("word/document.xml", opts).expect("entry");
    z.write_all(document_xml(&[Block::P("一、总体情况")]).as_bytes())
        .expect("write");
    let file = z.finish().expect("zip").into_inner();
    let c = check_bytes(&file);
    assert_eq!(
        c.report.facts.input.problem,
        Some(FileProblem::TooManyEntries { limit: 10_000 })
    );
    assert!(s101(&c.report).contains("10000"), "{}", s101(&c.report));
}

#[test]
fn other_zips_and_old_doc_files_say_what_to_do() {
    // An .xlsx-like zip.
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file("xl/workbook.xml", SimpleFileOptions::default())
        .expect("entry");
    z.write_all(b"<workbook/>").expect("write");
    let xlsx = z.finish().expect("zip").into_inner();
    let c = check_bytes(&xlsx);
    assert_eq!(c.report.facts.input.format, Format::Zip);
    assert!(
        s101(&c.report).contains("word/document.xml"),
        "{}",
        s101(&c.report)
    );

    // A zip that only mentions the name inside an entry.
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file(
        "notes.txt",
        SimpleFileOptions::default().compression_method(CompressionMethod::Stored),
    )
    .expect("entry");
    z.write_all(b"see word/document.xml").expect("write");
    let c = check_bytes(&z.finish().expect("zip").into_inner());
    assert_eq!(c.report.facts.input.problem, Some(FileProblem::NotWord));

    // The old binary .doc.
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend(vec![0u8; 4096]);
    let c = check_bytes(&doc);
    assert_eq!(c.report.facts.input.format, Format::OldOffice);
    let msg = s101(&c.report);
    assert!(
        msg.contains(".docx") && msg.contains("PDF") && msg.contains(".doc"),
        "{msg}"
    );
}

/// The gb2021 report as a .docx, built once.
static DOCX: LazyLock<Vec<u8>> = LazyLock::new(|| docx(&document_xml(&gb2021_report())));

#[test]
fn a_damaged_docx_says_so() {
    // Without its central directory a zip cannot be opened.
    let c = check_bytes(&DOCX[..DOCX.len() / 2]);
    assert_eq!(c.report.facts.input.problem, Some(FileProblem::Damaged));
    assert!(s101(&c.report).contains("已损坏"), "{}", s101(&c.report));
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn a_docx_cut_anywhere_keeps_the_invariants(at in any::<Index>()) {
        assert_checked(&check_bytes(&DOCX[..cut(at, DOCX.len())]));
    }

    #[test]
    fn a_docx_with_bytes_overwritten_keeps_the_invariants(edits in byte_edits(8)) {
        assert_checked(&check_bytes(&apply_bytes(&DOCX, &edits)));
    }
}
