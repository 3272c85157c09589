//! PDF files read as published: the three real reports give what their README says, and the
//! same tables as their text extractions; small PDFs built here pin down fonts (Identity-H
//! with ToUnicode, Identity-V, WinAnsi), layout (lines, gaps, page numbers) and every way a
//! PDF can fail to be read (damaged, encrypted, scanned, a stream bomb, junk after `%PDF-`).

#![cfg(feature = "pdf")]
// A test fails by panicking; building fixtures that cannot fail is no user input.
#![allow(clippy::expect_used, clippy::panic)]

mod support;

use std::sync::LazyLock;

use gouji_core::ingest::{FileProblem, Format};
use gouji_core::{check_bytes, Checked, Report, Severity, Template, Value};
use proptest::prelude::*;
use proptest::sample::Index;
use support::fixtures::{bytes, local, shared};
use support::invariants::assert_checked;
use support::mutate::{apply_bytes, byte_edits, cut};
use support::rng::noise;
use support::{cases, deflate_zeros, s101};

/// A published report of `tests/fixtures/reports`.
fn fixture(name: &str) -> Vec<u8> {
    bytes(&shared("reports").join(name))
}

fn read_pdf(name: &str) -> Checked {
    let c = check_bytes(&fixture(name));
    assert_eq!(c.report.facts.input.format, Format::Pdf, "{name}");
    assert_eq!(c.report.facts.input.problem, None, "{name}");
    assert_checked(&c);
    c
}

/// (code, subject, expected, actual) of every finding of a severity, sorted.
fn findings(r: &Report, s: Severity) -> Vec<(String, String, Option<f64>, Option<f64>)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == s)
        .map(|f| (f.code.to_string(), f.subject.clone(), f.expected, f.actual))
        .collect();
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v
}

/// Every cell of every table as "table/row/col=value".
fn cells(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for t in r.tables.iter() {
        for (row, c) in t.cells() {
            let v = match c.value {
                Value::Number(n) => format!("{n}"),
                Value::Blank => "_".into(),
                Value::Unreadable => format!("?{}", c.raw),
                Value::Missing => "∅".into(),
            };
            out.push(format!("{}={v}", t.path(row.def.key, c.col)));
        }
    }
    out
}

/// The PDF reads to the same tables and findings as its text extraction.
fn same_as_text_extraction(name: &str) {
    let pdf = read_pdf(name).report;
    let txt = check_bytes(&fixture(&format!("{name}.txt"))).report;
    assert_eq!(cells(&pdf), cells(&txt), "{name}");
    assert!(
        cells(&pdf).len() > 150,
        "{name}: {} cells",
        cells(&pdf).len()
    );
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        assert_eq!(findings(&pdf, s), findings(&txt, s), "{name} {s:?}");
    }
    assert_eq!(
        (pdf.template, pdf.year, &pdf.agency),
        (txt.template, txt.year, &txt.agency)
    );
}

fn error(
    code: &str,
    subject: &str,
    exp: f64,
    act: f64,
) -> (String, String, Option<f64>, Option<f64>) {
    (code.into(), subject.into(), Some(exp), Some(act))
}

#[test]
fn hongze_2023_as_published() {
    let c = read_pdf("hongze-2023-qzf.pdf");
    let r = &c.report;
    assert_eq!((r.template, r.year), (Template::Gb2021, Some(2023)));
    assert_eq!(
        findings(r, Severity::Error),
        vec![
            error("R401", "appeals/review", 11.0, 0.0),
            error("R401", "appeals/suit_after_review", 5.0, 0.0),
        ]
    );
    let warnings: Vec<String> = findings(r, Severity::Warning)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(warnings, vec!["S102"]);
    let t = r.tables.requests.as_ref().expect("requests");
    assert_eq!(t.number("new", "total"), Some(21.0));
    assert_eq!(t.number("total", "total"), Some(21.0));
    // The label typo of the published table is read as the row it is.
    assert!(c.text.contains("2.其他法律行政止公开"));
    assert_eq!(t.number("withheld.prohibited", "total"), Some(0.0));
    // Chinese from Identity-H fonts with ToUnicode, page numbers gone.
    assert!(c
        .text
        .starts_with("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n"));
    assert!(
        !c.text.lines().any(|l| l.trim() == "- 3 -"),
        "page number kept"
    );
    assert_eq!(c.report.facts.input.replaced, 0);
}

#[test]
fn hongze_2024_as_published() {
    let c = read_pdf("hongze-2024-qzf.pdf");
    let r = &c.report;
    assert_eq!((r.template, r.year), (Template::Gb2021, Some(2024)));
    assert!(
        findings(r, Severity::Error).is_empty(),
        "{:?}",
        findings(r, Severity::Error)
    );
    let warnings: Vec<String> = findings(r, Severity::Warning)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(warnings, vec!["S102"]);
    let t = r.tables.requests.as_ref().expect("requests");
    assert_eq!(t.number("new", "total"), Some(95.0));
    assert_eq!(t.number("total", "total"), Some(95.0));
    let a = r.tables.appeals.as_ref().expect("appeals");
    assert_eq!(a.number("review", "total"), Some(2.0));
    assert_eq!(a.number("suit_direct", "total"), Some(1.0));
    assert_eq!(a.number("suit_after_review", "total"), Some(3.0));
}

#[test]
fn huaian_2024_as_published() {
    let c = read_pdf("huaian-2024-szf.pdf");
    let r = &c.report;
    assert_eq!((r.template, r.year), (Template::Gb2021, Some(2024)));
    assert_eq!(r.agency.as_deref(), Some("淮安市人民政府"));
    assert!(
        findings(r, Severity::Error).is_empty(),
        "{:?}",
        findings(r, Severity::Error)
    );
    assert!(
        findings(r, Severity::Warning).is_empty(),
        "{:?}",
        findings(r, Severity::Warning)
    );
    let t = r.tables.requests.as_ref().expect("requests");
    assert_eq!(t.number("new", "total"), Some(3119.0));
    assert_eq!(t.number("carried_in", "total"), Some(34.0));
    assert_eq!(t.number("total", "total"), Some(3050.0));
    assert_eq!(t.number("carried_out", "total"), Some(103.0));
    assert_eq!(t.number("unavailable.not_held", "natural"), Some(746.0));
    let a = r.tables.active.as_ref().expect("active");
    assert_eq!(a.number("fees", "amount"), Some(96171.6));
}

#[test]
fn the_pdfs_read_like_their_text_extractions() {
    for name in [
        "hongze-2023-qzf.pdf",
        "hongze-2024-qzf.pdf",
        "huaian-2024-szf.pdf",
    ] {
        same_as_text_extraction(name);
    }
}

// ---- PDFs built here -------------------------------------------------------------------

/// A PDF file from object bodies (object i+1 is `objects[i]`, object 1 the catalog) and extra
/// trailer entries.
fn build_pdf(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn obj(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut v = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// CIDs of the test font and the text their ToUnicode gives. CID 9 maps to the Kangxi
/// radical ⾏ (U+2F8F), as some Word fonts do, and must read as 行.
const GLYPHS: &[(u16, &str)] = &[
    (1, "总"),
    (2, "计"),
    (3, "规"),
    (4, "章"),
    (5, "三"),
    (6, "、"),
    (9, "\u{2F8F}"),
    (10, "政"),
];

fn to_unicode() -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    s.push_str(&format!("{} beginbfchar\n", GLYPHS.len()));
    for (cid, text) in GLYPHS {
        let units: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
        s.push_str(&format!("<{cid:04X}> <{units}>\n"));
    }
    s.push_str("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
    s.into_bytes()
}

/// A stream object: its number, dictionary entries and data.
type Stream = (usize, String, Vec<u8>);

/// The objects of one A4 page with `content`, the fonts F1 (Identity-H), F2 (Identity-V),
/// F3 (Helvetica, WinAnsi) and an image Im1. Streams are (number, dictionary, data).
fn one_page_objects(content: &[u8], compress: bool) -> (Vec<Vec<u8>>, Vec<Stream>) {
    let content = if compress {
        ("/Filter /FlateDecode".to_string(), zlib(content))
    } else {
        (String::new(), content.to_vec())
    };
    let objects = vec![
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        obj(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
             /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 9 0 R >> /XObject << /Im1 10 0 R >> >> >>",
        ),
        Vec::new(),
        obj("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>"),
        obj("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-V /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>"),
        obj("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 /W [1 [1000 1000]] >>"),
        Vec::new(),
        obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 57 /Widths [278 0 0 0 0 0 0 0 0 0 0 0 0 333 0 0 556 556 556 556 556 556 556 556 556 556] >>"),
        Vec::new(),
    ];
    let streams = vec![
        (4, content.0, content.1),
        (8, String::new(), to_unicode()),
        (
            10,
            "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
                .to_string(),
            b"\x80".to_vec(),
        ),
    ];
    (objects, streams)
}

fn one_page(content: &[u8], compress: bool) -> Vec<u8> {
    let (mut objects, streams) = one_page_objects(content, compress);
    for (n, dict, data) in streams {
        objects[n - 1] = stream(&dict, &data);
    }
    build_pdf(&objects, "")
}

/// Rows at y = 700, 680, 650 (PDF space), a vertical label at x = 40, a page number.
const TEXT_PAGE: &[u8] = b"BT /F1 12 Tf 1 0 0 1 72 700 Tm <00030004> Tj ET
BT /F3 12 Tf 1 0 0 1 300 700 Tm (12) Tj ET
BT /F1 12 Tf 1 0 0 1 72 680 Tm [<0001> 0 <0002>] TJ ET
BT /F1 12 Tf 72 650 Td <0009000A> Tj ET
BT /F2 12 Tf 1 0 0 1 40 640 Tm <00050006> Tj ET
BT /F3 10 Tf 1 0 0 1 290 40 Tm (- 1 -) Tj ET
";

#[test]
fn identity_h_and_v_with_to_unicode_lay_out_as_lines() {
    for compress in [false, true] {
        let c = check_bytes(&one_page(TEXT_PAGE, compress));
        assert_eq!(c.report.facts.input.format, Format::Pdf);
        assert_eq!(c.report.facts.input.problem, None);
        // Cells apart get a space; the vertical label stands one character per line; the page
        // number is gone.
        assert_eq!(
            c.text, "规章 12\n总计\n行政\n三\n、\n",
            "compressed: {compress}"
        );
        assert_eq!(c.report.facts.input.replaced, 0);
        assert_checked(&c);
    }
}

#[test]
fn glyphs_without_unicode_are_counted_not_guessed() {
    // CID 7 has no ToUnicode entry.
    let c = check_bytes(&one_page(
        b"BT /F1 12 Tf 72 700 Td <000100070002> Tj ET",
        false,
    ));
    assert_eq!(c.text, "总\u{FFFD}计\n");
    assert_eq!(c.report.facts.input.replaced, 1);
    let msg = s101(&c.report);
    assert!(
        msg.contains("1 个字符") && msg.contains("ToUnicode"),
        "{msg}"
    );
}

#[test]
fn an_image_only_pdf_says_it_has_no_text() {
    let c = check_bytes(&one_page(b"q 595 0 0 842 0 0 cm /Im1 Do Q", true));
    assert_eq!(c.report.template, Template::Unknown);
    assert_eq!(
        c.report.facts.input.problem,
        Some(FileProblem::NoText { pages: 1 })
    );
    let msg = s101(&c.report);
    assert!(
        msg.contains("没有可以提取的文字") && msg.contains("扫描"),
        "{msg}"
    );
    assert!(c.text.is_empty());
}

#[test]
fn a_password_protected_pdf_says_so() {
    let mut pdf = build_pdf(
        &[
            obj("<< /Type /Catalog /Pages 2 0 R >>"),
            obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
            stream("", b"BT /F1 12 Tf (secret) Tj ET"),
            obj(&format!(
                "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1028 /O <{}> /U <{}> >>",
                "3C".repeat(32),
                "A5".repeat(32)
            )),
        ],
        "/Encrypt 5 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]",
    );
    let c = check_bytes(&pdf);
    assert_eq!(c.report.facts.input.problem, Some(FileProblem::Encrypted));
    let msg = s101(&c.report);
    assert!(msg.contains("已加密") && msg.contains("密码"), "{msg}");
    // The same without the trailer's ID still reads as encrypted, not as text.
    let at = pdf.windows(4).rposition(|w| w == b"/ID ").unwrap_or(0);
    pdf.truncate(at);
    pdf.extend_from_slice(b">>\n%%EOF\n");
    let c = check_bytes(&pdf);
    assert!(
        matches!(
            c.report.facts.input.problem,
            Some(FileProblem::Encrypted | FileProblem::Damaged)
        ),
        "{:?}",
        c.report.facts.input.problem
    );
}

/// MD5 (RFC 1321), for encrypting a test PDF as PDF writers do.
fn md5(data: &[u8]) -> [u8; 16] {
    const S: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
    let k: Vec<u32> = (0..64)
        .map(|i| ((f64::from(i + 1)).sin().abs() * 4_294_967_296.0) as u32)
        .collect();
    let mut h = [0x6745_2301u32, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_le_bytes());
    for chunk in msg.chunks(64) {
        let m: Vec<u32> = chunk
            .chunks(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(S[(i / 16) * 4 + i % 4]));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 16];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_le_bytes());
    }
    out
}

fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut s: Vec<u8> = (0..=255).collect();
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|&b| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[usize::from(i)]);
            s.swap(usize::from(i), usize::from(j));
            b ^ s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))]
        })
        .collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02X}")).collect()
}

#[test]
fn a_pdf_with_only_an_owner_password_is_read() {
    assert_eq!(hex(&md5(b"")), "D41D8CD98F00B204E9800998ECF8427E");
    assert_eq!(hex(&md5(b"abc")), "900150983CD24FB0D6963F7D28E17F72");
    // Standard security handler, revision 2 (RC4, 40-bit): the empty user password opens
    // the file, the owner password only restricts printing and copying.
    const PAD: &[u8; 32] = b"\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A";
    let id = [0x11u8; 16];
    let p: i32 = -44;
    let mut owner = b"owner".to_vec();
    owner.extend_from_slice(&PAD[..27]);
    let o = rc4(&md5(&owner)[..5], PAD);
    let mut seed = PAD.to_vec();
    seed.extend_from_slice(&o);
    seed.extend_from_slice(&p.to_le_bytes());
    seed.extend_from_slice(&id);
    let key = md5(&seed)[..5].to_vec();
    let u = rc4(&key, PAD);
    let (mut objects, streams) = one_page_objects(TEXT_PAGE, true);
    for (n, dict, data) in streams {
        let mut k = key.clone();
        k.extend_from_slice(&[n as u8, 0, 0, 0, 0]);
        objects[n - 1] = stream(&dict, &rc4(&md5(&k)[..10], &data));
    }
    objects.push(obj(&format!(
        "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P {p} >>",
        hex(&o),
        hex(&u)
    )));
    let trailer = format!(
        "/Encrypt {} 0 R /ID [<{}> <{}>]",
        objects.len(),
        hex(&id),
        hex(&id)
    );
    let c = check_bytes(&build_pdf(&objects, &trailer));
    assert_eq!(c.report.facts.input.problem, None);
    assert_eq!(c.text, "规章 12\n总计\n行政\n三\n、\n");
}

#[test]
fn a_damaged_pdf_says_so() {
    // Junk after the header.
    let mut junk = b"%PDF-1.7\n".to_vec();
    junk.extend(noise(20_000));
    let c = check_bytes(&junk);
    assert_eq!(c.report.facts.input.format, Format::Pdf);
    assert_eq!(c.report.facts.input.problem, Some(FileProblem::Damaged));
    let msg = s101(&c.report);
    assert!(msg.contains("PDF") && msg.contains("已损坏"), "{msg}");

    // A real report cut off after its first tenth.
    let whole = fixture("huaian-2024-szf.pdf");
    let c = check_bytes(&whole[..whole.len() / 10]);
    assert!(c.report.facts.input.problem.is_some() || !c.text.is_empty());
    assert!(!s101(&c.report).is_empty() || c.report.template != Template::Unknown);

    // A page whose content stream is not deflate data although it says so.
    let bad = build_pdf(
        &[
            obj("<< /Type /Catalog /Pages 2 0 R >>"),
            obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
            stream("/Filter /FlateDecode", &[0xFF; 16]),
        ],
        "",
    );
    let c = check_bytes(&bad);
    assert_eq!(c.report.facts.input.problem, Some(FileProblem::Damaged));
}

#[test]
fn a_stream_bomb_stops_at_the_cap() {
    // A content stream inflating to 80 MiB of zeros (past the 64 MiB cap).
    let mut bomb = vec![0x78, 0x01];
    bomb.extend(deflate_zeros(80));
    let pdf = build_pdf(
        &[
            obj("<< /Type /Catalog /Pages 2 0 R >>"),
            obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
            stream("/Filter /FlateDecode", &bomb),
        ],
        "",
    );
    assert!(pdf.len() < 400 << 10, "{} bytes", pdf.len());
    let c = check_bytes(&pdf);
    assert_eq!(
        c.report.facts.input.problem,
        Some(FileProblem::TooLarge { limit_mib: 64 })
    );
    assert!(s101(&c.report).contains("64 MiB"), "{}", s101(&c.report));

    // An object stream, which the PDF library would inflate without a cap, is checked first.
    let mut objects = vec![
        obj("<< /Type /Catalog /Pages 2 0 R >>"),
        obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
        stream("", b"BT ET"),
    ];
    objects.push(stream(
        "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
        &bomb,
    ));
    let c = check_bytes(&build_pdf(&objects, ""));
    assert_eq!(
        c.report.facts.input.problem,
        Some(FileProblem::TooLarge { limit_mib: 64 })
    );
}

/// A published PDF, read once.
static HONGZE_2024: LazyLock<Vec<u8>> = LazyLock::new(|| fixture("hongze-2024-qzf.pdf"));

proptest! {
    #![proptest_config(cases(32))]

    #[test]
    fn a_pdf_cut_anywhere_keeps_the_invariants(at in any::<Index>()) {
        assert_checked(&check_bytes(&HONGZE_2024[..cut(at, HONGZE_2024.len())]));
    }

    #[test]
    fn a_pdf_with_bytes_overwritten_keeps_the_invariants(edits in byte_edits(20)) {
        assert_checked(&check_bytes(&apply_bytes(&HONGZE_2024, &edits)));
    }
}

/// PDFs made from the official-layout pages (`fixtures/html/`): Chromium's print to PDF
/// (cell borders as thin filled boxes, separate borders as bevelled pieces, a table and a
/// row cut by page breaks) and LibreOffice's export of the page saved as .docx.
fn made_pdf(name: &str) -> Vec<u8> {
    bytes(&local("pdf").join(name))
}

fn page(name: &str) -> Vec<u8> {
    bytes(&local("html").join(name))
}

#[test]
fn pdfs_of_official_pages_read_by_their_cells_as_the_pages_do() {
    for (pdf, html) in [
        ("gb2021-official.chromium.pdf", "gb2021-official.html"),
        (
            "gb2021-gbk-declared.chromium.pdf",
            "gb2021-gbk-declared.html",
        ),
        ("gb2019-saved-page.chromium.pdf", "gb2019-saved-page.html"),
        ("gb2021-official.libreoffice.pdf", "gb2021-official.html"),
    ] {
        let p = check_bytes(&made_pdf(pdf));
        assert_eq!(p.report.facts.input.format, Format::Pdf, "{pdf}");
        assert_eq!(p.report.facts.input.problem, None, "{pdf}");
        assert_checked(&p);
        let h = check_bytes(&page(html)).report;
        assert!(cells(&p.report).len() > 150, "{pdf}");
        assert_eq!(cells(&p.report), cells(&h), "{pdf}");
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            assert_eq!(findings(&p.report, s), findings(&h, s), "{pdf} {s:?}");
        }
        assert_eq!(
            (p.report.template, p.report.year),
            (h.template, h.year),
            "{pdf}"
        );
    }
}

#[test]
fn a_wrapped_cell_is_one_cell_and_a_cut_row_one_row() {
    let c = check_bytes(&made_pdf("gb2021-official.chromium.pdf"));
    // A label over two lines, the values of its row after it.
    assert!(c.text.contains(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t1\t0\t0\t0\t0\t4\n"
    ));
    // Group labels spanning rows once, at their first row.
    assert!(c
        .text
        .contains("三、本年度办理结果\t（一）予以公开\t10\t1\t0\t0\t1\t0\t12\n"));
    // The row that starts page 2 (no border above it) is its own row.
    assert!(c
        .text
        .contains("\n4.保护第三方合法权益\t1\t0\t\t\t0\t0\t1\n"));
    // A row whose label a page break cuts in two.
    let c = check_bytes(&made_pdf("gb2021-gbk-declared.chromium.pdf"));
    assert!(c
        .text
        .contains("\n5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n"));
    // Prose keeps its order around the tables.
    let i = c.text.find("三、收到和处理政府信息公开申请情况");
    let j = c.text.find("一、本年新收政府信息公开申请数量\t");
    assert!(i.is_some() && j.is_some() && i < j);
}

/// A two-row table drawn with stroked borders: columns at x = 70, 100, 200, rows at
/// y = 740, 700, 670 (PDF space), the border between the rows drawn cell by cell; `cells` is
/// what is drawn inside it. Its second row reads "三、" and 5.
fn two_row_table(cells: &str) -> Vec<u8> {
    let content = format!(
        "0.5 w 70 740 m 200 740 l S 70 700 m 100 700 l S 100 700 m 200 700 l S \
         70 670 m 200 670 l S 70 740 m 70 670 l S 100 740 m 100 670 l S 200 740 m 200 670 l S\n\
         {cells}\n\
         BT /F1 12 Tf 1 0 0 1 72 680 Tm <00050006> Tj ET\n\
         BT /F3 12 Tf 1 0 0 1 150 680 Tm (5) Tj ET\n"
    );
    one_page(content.as_bytes(), false)
}

#[test]
fn a_span_with_actual_text_reads_as_that_text() {
    // Writer draws a character its font lacks with a fallback glyph whose ToUnicode says
    // another character, and gives the character as the span's /ActualText.
    let c = check_bytes(&one_page(
        b"BT /F1 12 Tf 1 0 0 1 72 700 Tm <0003> Tj /Span <</ActualText <FEFF7AE0>>> BDC <0001> Tj EMC <0002> Tj ET\n\
          BT /F1 12 Tf 1 0 0 1 72 680 Tm /Span <</ActualText (12)>> BDC <00010002> Tj EMC ET\n",
        false,
    ));
    assert_eq!(c.text, "规章计\n12\n");
}

#[test]
fn text_overflowing_its_cell_stays_in_it() {
    // "规章总计" runs on past the border at x = 100 (its glyphs 12 wide from x = 72), with no
    // gap: it is the first cell's; the value set apart from it is the second's.
    let c = check_bytes(&two_row_table(
        "BT /F1 12 Tf 1 0 0 1 72 712 Tm <0003000400010002> Tj ET\n\
         BT /F3 12 Tf 1 0 0 1 150 712 Tm (12) Tj ET",
    ));
    assert_eq!(c.text, "规章总计\t12\n三、\t5\n");
}

#[test]
fn an_underline_is_not_a_border() {
    // The label's first line underlined from border to border, 1 point below its baseline:
    // no row boundary. Its second line stands 3 points above the cell's own border (a
    // quarter of its size, past any underline), which stays a border.
    let c = check_bytes(&two_row_table(
        "BT /F1 12 Tf 1 0 0 1 72 726 Tm <00030004> Tj ET 70 725 m 100 725 l S\n\
         BT /F1 12 Tf 1 0 0 1 72 703 Tm <00010002> Tj ET\n\
         BT /F3 12 Tf 1 0 0 1 150 712 Tm (12) Tj ET",
    ));
    assert_eq!(c.text, "规章总计\t12\n三、\t5\n");
}
