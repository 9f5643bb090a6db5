//! The one error type of the library.
//!
//! Only what stops a file from being read at all is an error (I/O, undecodable
//! bytes, a format we refuse). Structural oddities are diagnostics.

use std::fmt;
use std::sync::Arc;

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

/// An error that stops one input from being parsed: what went wrong
/// ([`Error::kind`]), about which input ([`Error::path`]) and where
/// ([`Error::line`]); an I/O failure keeps the [`std::io::Error`] behind it
/// as its [`source`](std::error::Error::source).
#[derive(Debug, Clone)]
pub struct Error {
    path: String,
    line: Option<u32>,
    kind: ErrorKind,
    /// The I/O error behind an [`ErrorKind::Io`], shared so that `Error`
    /// stays `Clone`.
    source: Option<Arc<std::io::Error>>,
}

/// Equal when path, line and kind are: the I/O error behind is not compared
/// (`io::Error` has no equality; its message is in the kind).
impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        (&self.path, self.line, &self.kind) == (&other.path, other.line, &other.kind)
    }
}

impl Eq for Error {}

impl Error {
    /// A new error about `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        Error {
            path: path.into(),
            line: None,
            kind,
            source: None,
        }
    }

    /// An [`ErrorKind::Io`] about `path` that keeps `error` as its source
    /// (the kind holds its message in a few plain words).
    pub fn io(path: impl Into<String>, error: std::io::Error) -> Self {
        Error::new(path, ErrorKind::Io(crate::io_message(&error))).with_source(error)
    }

    /// The same error, caused by `error`.
    fn with_source(mut self, error: std::io::Error) -> Self {
        self.source = Some(Arc::new(error));
        self
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
    /// Always one line: the path and the message are [`escape_name`]d, so a
    /// file, zip part or sheet name with a newline cannot forge a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self.kind.to_string();
        write!(f, "{}: {}", escape_name(&self.path), escape_name(&kind))?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    /// The [`std::io::Error`] behind an [`ErrorKind::Io`], when there was one
    /// (not for "is a directory", which kamsang decides itself).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// `name` fit for a one-line message: control characters (a newline, a
/// carriage return, an escape sequence for the terminal, the C1 range) and
/// the Unicode line and paragraph separators written as `\n`, `\r`, `\t` or
/// `\u{XX}`; everything else (Thai, spaces, backslashes of Windows paths)
/// kept. Borrowed when there is nothing to escape.
pub fn escape_name(name: &str) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !name.chars().any(needs) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Result with the library's error.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_control_characters_stay_on_one_line() {
        assert_eq!(escape_name("ก/x.txt"), "ก/x.txt");
        assert_eq!(escape_name("a\nkamsang: b"), "a\\nkamsang: b");
        assert_eq!(
            escape_name("\r\t\u{1b}[2J\u{85}\u{2028}"),
            "\\r\\t\\u{1b}[2J\\u{85}\\u{2028}"
        );
        let e = Error::new("x\ny.txt", ErrorKind::Corrupt("part a\nb".into())).at_line(3);
        assert_eq!(e.to_string(), "x\\ny.txt: part a\\nb (line 3)");
    }

    #[test]
    fn an_io_error_is_its_source() {
        use std::error::Error as _;
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let e = Error::io("a.txt", io);
        assert_eq!(e.kind(), &ErrorKind::Io("permission denied".to_string()));
        assert_eq!(e.to_string(), "a.txt: cannot read: permission denied");
        let source = e.source().and_then(|s| s.downcast_ref::<std::io::Error>());
        assert_eq!(
            source.map(std::io::Error::kind),
            Some(std::io::ErrorKind::PermissionDenied)
        );
        assert!(Error::new("a.txt", ErrorKind::Empty).source().is_none());
        // Windows' system messages end with a full stop the line goes on after
        let full = std::io::Error::other("Not enough space on the disk.");
        assert_eq!(
            Error::io("a.txt", full).to_string(),
            "a.txt: cannot read: Not enough space on the disk"
        );
    }
}
