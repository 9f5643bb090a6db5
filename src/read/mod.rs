//! Reading inputs into a [`Source`]: lines with provenance, whatever the format.
//!
//! Every reader (txt now; docx and spreadsheets later) yields the same `Source`,
//! so the rest of the pipeline never knows where the lines came from.

pub mod txt;

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind, Result};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Plain text.
    Txt,
}

impl Format {
    /// The name used in JSON (`source.format`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
        }
    }
}

/// One line of input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text; raw from the reader, normalised by [`crate::thai::normalize_line`]
    /// (then without leading or trailing space).
    pub text: String,
    /// Leading whitespace of the raw line, in characters (a tab counts 4). A hint
    /// only: real files indent at random.
    pub indent: usize,
    /// Trailing whitespace of the raw line, in characters. Exactly one means the
    /// writer typed a space where the line wrapped (a word boundary); longer runs
    /// are layout padding. Used when joining wrapped lines.
    pub trailing: usize,
    /// 1-based line number (paragraph number for Office files).
    pub line: u32,
}

/// A document as lines with provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as given ("-" for stdin).
    pub path: String,
    /// What kind of file it was.
    pub format: Format,
    /// Text encoding, when the input was text.
    pub encoding: Option<String>,
    /// SHA-256 of the input bytes, lowercase hex.
    pub sha256: String,
    /// Size of the input.
    pub bytes: u64,
    /// The lines, in order.
    pub lines: Vec<Line>,
    /// What the reader noticed (bytes it could not decode, …).
    pub diagnostics: Vec<crate::diagnostic::Diagnostic>,
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 0xF), 16).unwrap_or('0'));
    }
    s
}

/// Refuse containers and formats that are not text, by their first bytes, with
/// advice on how to convert them.
pub fn sniff_refusal(path: &str, bytes: &[u8]) -> Result<()> {
    let msg = if bytes.starts_with(b"PK\x03\x04") {
        Some("this is a zip container (.docx/.xlsx?), not plain text; .docx is not read yet")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some(
            "legacy Word/Excel (.doc/.xls) is not supported; convert it with `libreoffice --headless --convert-to docx FILE`",
        )
    } else if bytes.starts_with(b"%PDF") {
        Some(
            "PDF is not supported; convert it to text or .docx first (e.g. `pdftotext -layout FILE`)",
        )
    } else {
        None
    };
    match msg {
        Some(m) => Err(Error::new(path, ErrorKind::Unsupported(m.to_string()))),
        None => Ok(()),
    }
}

/// Read bytes into a `Source`, choosing the reader from the path's extension and
/// the bytes themselves; `encoding` forces a text encoding.
pub fn read_bytes(
    path: &str,
    bytes: &[u8],
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Source> {
    let lower = path.to_lowercase();
    for (ext, advice) in [
        (
            ".doc",
            "legacy .doc is not supported; convert it with `libreoffice --headless --convert-to docx FILE`",
        ),
        (
            ".pdf",
            "PDF is not supported; convert it to text or .docx first (e.g. `pdftotext -layout FILE`)",
        ),
    ] {
        if lower.ends_with(ext) {
            return Err(Error::new(path, ErrorKind::Unsupported(advice.to_string())));
        }
    }
    sniff_refusal(path, bytes)?;
    txt::read(path, bytes, encoding)
}
