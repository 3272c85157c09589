//! Why a file could not be read: a leaf every reader and the S101 rule use.

/// Why a file could not be read, or could be read only in part. S101 says it in Chinese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FileProblem {
    /// This build carries no reader for the format (the cargo feature `pdf` or `docx` is off).
    NotInThisBuild,
    /// The old binary Word format (or another OLE file): ask for .docx or PDF.
    OldOffice,
    /// A zip that holds no `word/document.xml`.
    NotWord,
    /// The PDF needs a password to open.
    Encrypted,
    /// The file is damaged or not what its first bytes say.
    Damaged,
    /// A PDF whose pages carry no text (scanned images).
    NoText { pages: usize },
    /// The file unpacks to more than the reader allows (a zip bomb or a PDF stream bomb).
    TooLarge { limit_mib: usize },
    /// A zip with more entries than any Word document has.
    TooManyEntries { limit: usize },
    /// The input is larger than [`crate::ingest::read::MAX_INPUT_BYTES`]: it was not read at all.
    OverLimit { bytes: usize },
}
