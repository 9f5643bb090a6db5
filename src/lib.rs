//! kamsang (คำสั่ง, "order") turns Thai duty orders — the documents in which a
//! school or government office assigns duties to named staff — into structured,
//! schema-checked JSON.
//!
//! The pipeline runs one way, one stage per module:
//!
//! ```text
//! bytes ──read──▶ Source ──thai::normalize──▶ Source ──outline──▶ Outline ──order──▶ DutyOrder ──serde──▶ JSON
//! ```
//!
//! The parser never refuses a readable text: it always returns an order plus
//! diagnostics. Only unreadable input (I/O, undecodable bytes, a refused format)
//! is an [`Error`].
//!
//! ```
//! let text = "เรื่อง การกำหนดหน้าที่\n1. นางสาวธนะพร  ฉายแสง ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการ\n   1.1 งานวิเคราะห์\n   1.3 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
//! let order = kamsang::parse_str("example.txt", text);
//! let p = &order.people[0];
//! assert_eq!(p.family_name.as_deref(), Some("ฉายแสง"));
//! assert_eq!(p.rank.as_deref(), Some("ชำนาญการ"));
//! assert_eq!(p.duties[1].number.as_deref(), Some("1.2")); // written 1.3, corrected
//! assert_eq!(p.duties[1].kind, "other_assigned");
//! assert_eq!(order.diagnostics[0].code, "number_skipped");
//! ```
#![deny(missing_docs)]
// Input reaches almost everything here: no unwrap/expect outside unit tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod batch;
pub mod diagnostic;
pub mod error;
pub mod model;
pub mod order;
pub mod outline;
pub mod read;
pub mod render;
pub mod schema;
pub mod thai;

pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, ErrorKind, Result};
pub use model::DutyOrder;

/// How to read and write an order. `Options::default()` detects the encoding
/// and keeps digits as written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Force this text encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Rewrite Thai digits (๐–๙) as Arabic ones in the output text.
    pub arabic_digits: bool,
    /// Limits on what a .docx/.xlsx/.ods container may inflate to.
    pub limits: read::container::Limits,
}

impl Options {
    /// Options that force the encoding named by `label` ("utf-8", "utf-16le",
    /// "utf-16be", "tis-620", "windows-874", …); `None` for an unknown label.
    pub fn with_encoding_label(mut self, label: &str) -> Option<Self> {
        self.encoding = Some(read::txt::encoding_for_label(label)?);
        Some(self)
    }
}

/// Parse the file at `path` (or stdin when `path` is "-").
pub fn parse_path(path: &str) -> Result<DutyOrder> {
    parse_path_with(path, &Options::default())
}

/// [`parse_path`] with options.
pub fn parse_path_with(path: &str, options: &Options) -> Result<DutyOrder> {
    let bytes = read_input(path)?;
    parse_bytes_with(path, &bytes, options)
}

/// The bytes of `path`, or of stdin when `path` is "-".
pub fn read_input(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Error::new(path, ErrorKind::Io(io_message(&e))))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| Error::new(path, ErrorKind::Io(io_message(&e))))
    }
}

/// Parse bytes read from `path` (the path names the input in errors and in
/// `source.path`, and its extension picks the reader).
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<DutyOrder> {
    parse_bytes_with(path, bytes, &Options::default())
}

/// [`parse_bytes`] with options.
pub fn parse_bytes_with(path: &str, bytes: &[u8], options: &Options) -> Result<DutyOrder> {
    let source = read::read_bytes(path, bytes, options)?;
    let order = parse_source(source);
    Ok(if options.arabic_digits {
        order.with_arabic_digits()
    } else {
        order
    })
}

/// Parse text that is already decoded.
pub fn parse_str(path: &str, text: &str) -> DutyOrder {
    let bytes = text.as_bytes();
    let source = read::Source {
        path: path.to_string(),
        format: read::Format::Txt,
        encoding: Some("utf-8".to_string()),
        sha256: read::sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines: read::txt::split_lines(text),
        diagnostics: Vec::new(),
    };
    parse_source(source)
}

/// Read and normalise only: the text of every line of `path`'s bytes, in order
/// (for `kamsang normalize`).
pub fn normalize_bytes(path: &str, bytes: &[u8], options: &Options) -> Result<read::Source> {
    let source = read::read_bytes(path, bytes, options)?;
    Ok(thai::normalize::normalize(source))
}

/// The stages after reading: normalise → outline → order.
pub fn parse_source(source: read::Source) -> DutyOrder {
    let source = thai::normalize::normalize(source);
    let outline = outline::build(&source);
    order::build(&source, outline)
}

/// An I/O error in a few plain words, without Rust's `(os error N)`.
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
