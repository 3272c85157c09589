//! Files that are not plain text: what kind of file the bytes are (sniffed from their first
//! bytes, never from a file name), read by the reader for its format.

use super::bytes::find;
use super::problem::FileProblem;

/// The kind of file, as its bytes say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// Text or HTML in any encoding the decoder knows (and anything unrecognised).
    #[default]
    Text,
    /// A PDF file (`%PDF-`).
    Pdf,
    /// A Word .docx file: a zip holding `word/document.xml`.
    Docx,
    /// An OLE compound file: the old binary Word .doc (or .wps, .xls, .ppt).
    OldOffice,
    /// A zip that is not a Word document (.xlsx, .odt, an archive).
    Zip,
}

impl Format {
    /// The name shown to people.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "文本",
            Format::Pdf => "PDF",
            Format::Docx => "Word（.docx）",
            Format::OldOffice => "旧版 Office（.doc）",
            Format::Zip => "zip 压缩包",
        }
    }
}

/// A file's bytes as text, and what was seen on the way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileText {
    pub text: String,
    pub format: Format,
    /// The text's encoding ("UTF-8", "GB18030" …), or the file format's name ("PDF", "DOCX").
    pub encoding: &'static str,
    /// Characters lost: bytes that fit no encoding, or PDF glyphs without Unicode text;
    /// each is a U+FFFD in `text`.
    pub replaced: usize,
    /// The bytes look like a binary file of no known kind.
    pub binary: bool,
    pub problem: Option<FileProblem>,
}

/// Read a file's bytes as text, whatever kind of file it is.
pub fn read(bytes: &[u8]) -> FileText {
    let format = sniff(bytes);
    let from = |text: String, encoding, replaced, problem| FileText {
        text,
        format,
        encoding,
        replaced,
        binary: false,
        problem,
    };
    match format {
        Format::Text => {
            let d = super::decode(bytes);
            FileText {
                text: d.text,
                format,
                encoding: d.encoding,
                replaced: d.replaced,
                binary: d.binary,
                problem: None,
            }
        }
        #[cfg(feature = "pdf")]
        Format::Pdf => {
            let p = super::pdf::read(bytes);
            from(p.text, "PDF", p.unmapped, p.problem)
        }
        #[cfg(feature = "docx")]
        Format::Docx => {
            let d = super::docx::read(bytes);
            from(d.text, "DOCX", 0, d.problem)
        }
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => from(String::new(), "PDF", 0, Some(FileProblem::NotInThisBuild)),
        #[cfg(not(feature = "docx"))]
        Format::Docx => from(String::new(), "DOCX", 0, Some(FileProblem::NotInThisBuild)),
        Format::OldOffice => from(String::new(), "OLE", 0, Some(FileProblem::OldOffice)),
        Format::Zip => from(String::new(), "ZIP", 0, Some(FileProblem::NotWord)),
    }
}

/// When the file says it was made: a PDF's `/CreationDate (D:…)` in its document
/// information (or its XMP `<xmp:CreateDate>`), found in the file's bytes as they stand (a
/// dictionary inside a compressed object stream is not seen); a .docx's `dcterms:created`
/// in `docProps/core.xml`.
pub fn created(bytes: &[u8], format: Format) -> Option<super::dates::DeclaredDate> {
    let declared = |key: &str, value: &[u8]| {
        let value = std::str::from_utf8(value).ok()?.trim();
        (!value.is_empty()).then(|| super::dates::DeclaredDate {
            key: key.to_string(),
            value: value.to_string(),
        })
    };
    match format {
        Format::Pdf => {
            if let Some(at) = find(bytes, 0, b"/CreationDate") {
                let rest = &bytes[at + 13..bytes.len().min(at + 13 + 64)];
                let open = rest.iter().position(|&b| b == b'(')?;
                let close = rest[open..].iter().position(|&b| b == b')')? + open;
                return declared("CreationDate", &rest[open + 1..close]);
            }
            let at = find(bytes, 0, b"<xmp:CreateDate>")? + 16;
            let rest = &bytes[at..bytes.len().min(at + 64)];
            let end = rest.iter().position(|&b| b == b'<')?;
            declared("xmp:CreateDate", &rest[..end])
        }
        #[cfg(feature = "docx")]
        Format::Docx => {
            let xml = super::docx::core_xml(bytes)?;
            let at = find(&xml, 0, b"<dcterms:created")?;
            let open = xml[at..].iter().position(|&b| b == b'>')? + at + 1;
            let close = find(&xml, open, b"</dcterms:created>")?;
            declared("dcterms:created", &xml[open..close.min(open + 64)])
        }
        _ => None,
    }
}

const PDF_MAGIC: &[u8] = b"%PDF-";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// What kind of file the bytes are. A PDF header may follow a little junk (up to 1 KiB, as
/// readers allow); a zip is a Word document when it names `word/document.xml`.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    if bytes.starts_with(PDF_MAGIC) || find(head, 0, PDF_MAGIC).is_some_and(|_| !looks_text(head)) {
        return Format::Pdf;
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Format::OldOffice;
    }
    if bytes.starts_with(ZIP_MAGIC) {
        // Entry names are stored in clear in the local headers and the central directory.
        return if find(bytes, 0, b"word/document.xml").is_some() {
            Format::Docx
        } else {
            Format::Zip
        };
    }
    Format::Text
}

/// A text that merely mentions "%PDF-" is text: a real PDF has a binary comment line or
/// non-text bytes near its start.
fn looks_text(head: &[u8]) -> bool {
    std::str::from_utf8(head).is_ok() && !head.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_magic() {
        assert_eq!(sniff(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), Format::Pdf);
        assert_eq!(
            sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            Format::OldOffice
        );
        assert_eq!(sniff(b"PK\x03\x04....word/document.xml...."), Format::Docx);
        assert_eq!(sniff(b"PK\x03\x04....xl/workbook.xml...."), Format::Zip);
        assert_eq!(sniff("一、总体情况".as_bytes()), Format::Text);
        assert_eq!(sniff(b""), Format::Text);
    }

    #[cfg(not(feature = "pdf"))]
    #[test]
    fn without_the_pdf_feature_a_pdf_says_so() {
        let f = read(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n");
        assert_eq!(f.format, Format::Pdf);
        assert_eq!(f.problem, Some(FileProblem::NotInThisBuild));
    }

    #[cfg(not(feature = "docx"))]
    #[test]
    fn without_the_docx_feature_a_docx_says_so() {
        let f = read(b"PK\x03\x04....word/document.xml....");
        assert_eq!(f.format, Format::Docx);
        assert_eq!(f.problem, Some(FileProblem::NotInThisBuild));
    }

    #[test]
    fn a_text_mentioning_the_pdf_magic_is_text() {
        assert_eq!(
            sniff("报告说明：文件头 %PDF- 表示 PDF".as_bytes()),
            Format::Text
        );
        assert_eq!(sniff(b"\r\n\x00\x01%PDF-1.4\n"), Format::Pdf);
    }
}
