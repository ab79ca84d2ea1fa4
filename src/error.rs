//! Errors the library reports. Each says what went wrong with the input and, where there is
//! something to do about it, what.

use std::path::PathBuf;

/// Why a document could not be processed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is a directory; give a file (or use `eurodoc batch` for folders)", .0.display())]
    IsDirectory(PathBuf),
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary ({0}), not a PDF, HTML, XML, Markdown or text document")]
    Binary(&'static str),
    #[error(
        "the text is not valid UTF-8 (first bad byte at offset {offset}); convert it first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`"
    )]
    InvalidUtf8 { offset: usize },
    #[error("the file is named .pdf but is not a PDF (no %PDF- header)")]
    NotPdf,
    #[error("the PDF is encrypted and cannot be opened without a password")]
    Encrypted,
    #[error("the PDF is damaged: {0}")]
    MalformedPdf(String),
    #[error("the XML is not well formed: {0}")]
    Xml(String),
    #[error("the document has no text eurodoc can read{0}")]
    NoText(&'static str),
    #[error("gave up: {0} (the input looks pathological)")]
    Budget(String),
    #[error("internal error while processing the document: {0}; please report it with the file")]
    Internal(String),
}

impl Error {
    /// A short stable name for the kind of error, used in machine-readable error records.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Io { .. } => "io",
            Error::IsDirectory(_) => "is_directory",
            Error::Empty => "empty",
            Error::Binary(_) => "binary",
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::NotPdf => "not_pdf",
            Error::Encrypted => "encrypted",
            Error::MalformedPdf(_) => "malformed_pdf",
            Error::Xml(_) => "malformed_xml",
            Error::NoText(_) => "no_text",
            Error::Budget(_) => "budget",
            Error::Internal(_) => "internal",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
