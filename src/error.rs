//! The one error type of the library.
//!
//! Only what stops a file from being read at all is an error (I/O, undecodable
//! bytes, a format we refuse). Structural oddities are diagnostics.

use std::fmt;

/// What went wrong, without the path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(String),
    /// The input is empty (no bytes, or only blank lines).
    #[error("empty input: no text to parse")]
    Empty,
    /// The bytes are not text in an encoding we read.
    #[error("not readable text: {0}")]
    Encoding(String),
    /// A format kamsang does not read, with advice on converting it.
    #[error("{0}")]
    Unsupported(String),
    /// A damaged container (truncated zip, broken XML).
    #[error("{0}")]
    Corrupt(String),
    /// The input passes a safety limit (size, compression ratio, depth …).
    #[error("{0}")]
    Limit(String),
}

/// An error that stops one input from being parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: String,
    line: Option<u32>,
    kind: ErrorKind,
}

impl Error {
    /// A new error about `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        Error {
            path: path.into(),
            line: None,
            kind,
        }
    }

    /// The same error, located at a 1-based line.
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The input the error is about.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The 1-based line, when the error has one.
    pub fn line(&self) -> Option<u32> {
        self.line
    }
}

impl fmt::Display for Error {
    /// `PATH: what is wrong (line L)`; the CLI puts `kamsang: ` in front.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Result with the library's error.
pub type Result<T> = std::result::Result<T, Error>;
