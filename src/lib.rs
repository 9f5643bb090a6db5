//! kamsang (คำสั่ง, "order") turns Thai duty orders — the documents in which a
//! school or government office assigns duties to named staff — into structured,
//! schema-checked JSON.
//!
//! The pipeline runs one way, one stage per module:
//!
//! ```text
//! bytes ──read──▶ Source ──normalize──▶ Source ──outline──▶ Outline ──order──▶ DutyOrder ──serde──▶ JSON
//! ```
//!
//! The parser never refuses a readable text: it always returns an order plus
//! diagnostics. Only unreadable input (I/O, undecodable bytes, a refused format,
//! an input past a safety [`Limits`]) is an [`Error`].
//!
//! The public API is small, and everything else is private so that the
//! stages can change without a semver break:
//! - [`Parser`] with [`Options`] (and the shortcuts [`parse_path`],
//!   [`parse_bytes`], [`parse_reader`], [`parse_str`] for the default options):
//!   an input to a [`DutyOrder`];
//! - [`model`]: the types that are the JSON ([`DutyOrder`] and its parts);
//! - [`diagnostic`]: what the parser noticed ([`Diagnostic`], [`Severity`],
//!   and [`diagnostic::Code`], the catalogue of codes);
//! - [`diff()`] and [`diff::report`]: what changed between two orders;
//! - [`render`]: an order written back as a clean .txt or .docx;
//! - [`schema`]: the JSON Schemas of the output;
//! - [`json`]: an order's JSON with less of its outline (`--outline`);
//! - `db` (feature `db`, on with `cli`): an archive of orders in one SQLite
//!   file, with the same person linked across orders;
//! - [`Error`] / [`ErrorKind`] and [`Limits`].
//!
//! ```
//! let text = "เรื่อง การกำหนดหน้าที่\n1. นางสาวธนะพร  ฉายแสง ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการ\n   1.1 งานวิเคราะห์\n   1.3 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
//! let order = kamsang::parse_str("example.txt", text)?;
//! let p = &order.people[0];
//! assert_eq!(p.family_name.as_deref(), Some("ฉายแสง"));
//! assert_eq!(p.rank.as_deref(), Some("ชำนาญการ"));
//! assert_eq!(p.duties[1].number.as_deref(), Some("1.2")); // written 1.3, corrected
//! assert_eq!(p.duties[1].kind, kamsang::model::DutyKind::OtherAssigned);
//! assert_eq!(order.diagnostics[0].code, kamsang::diagnostic::Code::NumberSkipped);
//! # Ok::<(), kamsang::Error>(())
//! ```
#![deny(missing_docs)]
// Input reaches almost everything here: no unwrap/expect outside unit tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

#[cfg(feature = "db")]
pub mod db;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod json;
mod label;
mod limits;
pub mod model;
mod normalize;
mod ocr_labels;
mod order;
mod outline;
mod pages;
mod read;
pub mod render;
pub mod schema;
mod text;
mod thai;

use std::io::Read;
use std::path::Path;

pub use diagnostic::{Diagnostic, Severity};
pub use diff::{Diff, diff};
pub use error::{Error, ErrorKind, Result};
pub use limits::{Limits, MAX_DEPTH_CEILING};
pub use model::DutyOrder;
pub use thai::normalize_line;

/// The encoding labels that `--encoding` (and the Python package's
/// `encoding=`) take; [`Options::with_encoding_label`] knows more aliases.
pub const ENCODING_LABELS: [&str; 5] = ["utf-8", "utf-16le", "utf-16be", "tis-620", "windows-874"];

/// How to read an order. `Options::default()` detects the encoding, keeps
/// digits as written and applies the default [`Limits`].
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct Options {
    /// Force this text encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Rewrite Thai digits (๐–๙) as Arabic ones in the output text.
    pub arabic_digits: bool,
    /// Safety limits: file size, inflated part size and ratio, line length,
    /// outline depth and node count (see [`Limits`]).
    pub limits: Limits,
    /// When to read a PDF page or an image by OCR (Tesseract).
    pub ocr: OcrMode,
    /// Whether .doc, .odt, .rtf and .xls are converted by LibreOffice.
    pub convert: ConvertMode,
    /// Repair a .txt as text extracted from a PDF (`--repair-pdf-text`):
    /// the Thai repair of extraction damage, and page headers, footers and
    /// numbers removed, pages counted by form feeds.
    pub repair_pdf_text: bool,
}

/// When a PDF page or an image is read by OCR (`--ocr`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum OcrMode {
    /// Pages without a text layer, and images (the default).
    #[default]
    Auto,
    /// Never: a PDF without text is an error, and so is an image.
    Never,
    /// Every page, even one with a text layer (a PDF whose text layer is
    /// garbage, as some scanners make).
    Always,
}

impl std::str::FromStr for OcrMode {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "auto" => Ok(OcrMode::Auto),
            "never" => Ok(OcrMode::Never),
            "always" => Ok(OcrMode::Always),
            _ => Err(format!("unknown OCR mode {s:?} (auto, never, always)")),
        }
    }
}

/// Whether legacy office files are converted by LibreOffice (`--convert`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConvertMode {
    /// When `soffice` is installed (the default).
    #[default]
    Auto,
    /// Never: a .doc, .odt, .rtf or .xls is an error with advice.
    Never,
}

impl std::str::FromStr for ConvertMode {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "auto" => Ok(ConvertMode::Auto),
            "never" => Ok(ConvertMode::Never),
            _ => Err(format!("unknown conversion mode {s:?} (auto, never)")),
        }
    }
}

impl Options {
    /// Options that force the encoding named by `label` ("utf-8", "utf-16le",
    /// "utf-16be", "tis-620", "windows-874", …); `None` for an unknown label.
    pub fn with_encoding_label(mut self, label: &str) -> Option<Self> {
        self.encoding = Some(read::txt::encoding_for_label(label)?);
        Some(self)
    }

    /// The same options with Thai digits rewritten as Arabic ones (or not).
    pub fn with_arabic_digits(mut self, yes: bool) -> Self {
        self.arabic_digits = yes;
        self
    }

    /// The same options under other [`Limits`].
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The same options with another [`OcrMode`].
    pub fn with_ocr(mut self, ocr: OcrMode) -> Self {
        self.ocr = ocr;
        self
    }

    /// The same options with another [`ConvertMode`].
    pub fn with_convert(mut self, convert: ConvertMode) -> Self {
        self.convert = convert;
        self
    }

    /// The same options with a .txt read as a PDF's extracted text (or not).
    pub fn with_repair_pdf_text(mut self, yes: bool) -> Self {
        self.repair_pdf_text = yes;
        self
    }
}

/// The text of an input after reading and normalising, before any structure
/// is recovered (what `kamsang normalize` prints).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Normalized {
    /// The lines, in input order.
    pub lines: Vec<NormalizedLine>,
    /// What the reader noticed (bytes it could not decode, a misnamed file …).
    pub diagnostics: Vec<Diagnostic>,
}

/// One normalised line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NormalizedLine {
    /// 1-based line number (paragraph number for .docx, row for spreadsheets).
    pub line: u32,
    /// The normalised text, without leading or trailing space.
    pub text: String,
}

/// Reads orders under one set of [`Options`]. Every entry point applies
/// every limit the same way: an input past one is an [`ErrorKind::Limit`]
/// error, never silently cut.
///
/// ```
/// let options = kamsang::Options::default().with_arabic_digits(true);
/// let parser = kamsang::Parser::with_options(options);
/// let order = parser.parse_str("x.txt", "๑. นายสมชาย ใจดี\n๑.๑ งานสอน\n")?;
/// assert_eq!(order.people[0].duties[0].number.as_deref(), Some("1.1"));
/// # Ok::<(), kamsang::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Parser {
    options: Options,
}

impl Parser {
    /// A parser with the default [`Options`].
    pub fn new() -> Self {
        Parser::default()
    }

    /// A parser with these options.
    pub fn with_options(options: Options) -> Self {
        Parser { options }
    }

    /// The options this parser applies.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Parse the file at `path` (or stdin when `path` is "-"). The extension
    /// and the first bytes pick the reader (.txt, .docx, .xlsx, .ods, .pdf,
    /// an image, .doc / .odt / .rtf / .xls through LibreOffice).
    pub fn parse_path(&self, path: &str) -> Result<DutyOrder> {
        let source = {
            // the raw bytes are dropped as soon as they are decoded into lines
            let bytes = self.read_path(path)?;
            read::read_bytes(path, &bytes, &self.options)?
        };
        self.finish(source)
    }

    /// Parse bytes read from `path` (the path names the input in errors and
    /// in `source.path`, and its extension picks the reader). Bytes past
    /// `limits.max_file_bytes` are refused, as from a file.
    pub fn parse_bytes(&self, path: &str, bytes: &[u8]) -> Result<DutyOrder> {
        let len = bytes.len() as u64;
        if len > self.options.limits.max_file_bytes {
            return Err(self.options.limits.file_too_big(path, Some(len)));
        }
        let source = read::read_bytes(path, bytes, &self.options)?;
        self.finish(source)
    }

    /// Parse everything `reader` yields, named `path` (as in
    /// [`Parser::parse_bytes`]). At most `limits.max_file_bytes` are read:
    /// a longer stream is refused without holding more than the limit.
    pub fn parse_reader(&self, path: &str, reader: impl Read) -> Result<DutyOrder> {
        let bytes = self.read_capped(path, reader)?;
        self.parse_bytes(path, &bytes)
    }

    /// Parse text that is already decoded; read as plain text whatever the
    /// extension of `path`.
    pub fn parse_str(&self, path: &str, text: &str) -> Result<DutyOrder> {
        let limits = &self.options.limits;
        let bytes = text.as_bytes();
        if bytes.len() as u64 > limits.max_file_bytes {
            return Err(limits.file_too_big(path, Some(bytes.len() as u64)));
        }
        let source = read::Source {
            path: path.to_string(),
            format: read::Format::Txt,
            encoding: Some("utf-8".to_string()),
            sha256: read::sha256_hex(bytes),
            bytes: bytes.len() as u64,
            lines: read::txt::split_lines(text),
            diagnostics: Vec::new(),
            extraction: Default::default(),
        };
        // the line-length rule of `read::read_bytes`, for text that skipped the reader
        read::check_line_lengths(&source, limits)?;
        self.finish(source)
    }

    /// An order from `path`: a document kamsang reads (.txt, .docx, .xlsx,
    /// .ods), or a JSON file that `kamsang parse` wrote earlier (recognised by
    /// its content: a JSON object with a `schema_version`). Used by
    /// `kamsang diff`.
    pub fn load_order(&self, path: &str) -> Result<DutyOrder> {
        let bytes = self.read_path(path)?;
        self.load_order_bytes(path, &bytes)
    }

    /// [`Parser::load_order`] of bytes read from `path` (the path names the
    /// input in errors and in `source.path`): a document, or the JSON of an
    /// order, told apart by content.
    pub fn load_order_bytes(&self, path: &str, bytes: &[u8]) -> Result<DutyOrder> {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let looks_json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
            && body.windows(16).any(|w| w == b"\"schema_version\"");
        if !looks_json {
            return self.parse_bytes(path, bytes);
        }
        let order = DutyOrder::from_json_slice(body, self.options.limits.depth()).map_err(|e| {
            Error::new(
                path,
                ErrorKind::Corrupt(format!("JSON that is not a kamsang duty order: {e}")),
            )
        })?;
        // the people limit of diff: JSON can hold more people than a parse of
        // the same limits would ever give
        let max = self.options.limits.max_nodes;
        if order.people.len() > max {
            return Err(Error::new(
                path,
                ErrorKind::Limit(format!(
                    "more than {max} people, the node limit (raise it with --max-nodes)"
                )),
            ));
        }
        Ok(order)
    }

    /// Read and normalise only: the text of every line of `path`'s bytes, in
    /// order (for `kamsang normalize`).
    pub fn normalize_bytes(&self, path: &str, bytes: &[u8]) -> Result<Normalized> {
        let len = bytes.len() as u64;
        if len > self.options.limits.max_file_bytes {
            return Err(self.options.limits.file_too_big(path, Some(len)));
        }
        let mut source = normalize::normalize(read::read_bytes(path, bytes, &self.options)?);
        // the lines as the outline reads them
        read::type_labels(&mut source.lines);
        Ok(Normalized {
            lines: source
                .lines
                .into_iter()
                .map(|l| NormalizedLine {
                    line: l.line,
                    text: l.text,
                })
                .collect(),
            diagnostics: source.diagnostics,
        })
    }

    /// The bytes of `path`, or of stdin when `path` is "-". A file larger
    /// than `limits.max_file_bytes` is refused from its metadata, before any
    /// of it is read; stdin and files that grow while read are cut one byte
    /// past the limit and refused, so memory never holds more than the limit.
    pub fn read_path(&self, path: &str) -> Result<Vec<u8>> {
        if path == "-" {
            return self.read_capped(path, std::io::stdin().lock());
        }
        self.read_file(Path::new(path), path)
    }

    /// The bytes of the file at `file` (`name` names it in errors), through
    /// the one size-capped reader of `parse` and `batch`: refused from its
    /// metadata when larger than `limits.max_file_bytes`, and read at most
    /// one byte past the limit otherwise, so a file that lies about its size
    /// (`/proc/self/pagemap` says 0 bytes and holds terabytes) or grows while
    /// read is cut and refused.
    pub fn read_file(&self, file: &Path, name: &str) -> Result<Vec<u8>> {
        let limits = &self.options.limits;
        let max = limits.max_file_bytes;
        let io = |e: std::io::Error| Error::io(name, e);
        let file = std::fs::File::open(file).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(Error::new(
                name,
                ErrorKind::Io("is a directory".to_string()),
            ));
        }
        if meta.len() > max {
            return Err(limits.file_too_big(name, Some(meta.len())));
        }
        let mut buf = Vec::new();
        // a regular file's size is known: one allocation, no doubling
        buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0));
        read_chunks(file, &mut buf, name, limits)?;
        Ok(buf)
    }

    /// All of `reader`, refused past the file-size limit.
    fn read_capped(&self, name: &str, reader: impl Read) -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        read_chunks(reader, &mut buf, name, &self.options.limits)?;
        Ok(buf)
    }

    /// The stages after reading: normalise → outline → order, then the
    /// optional rewrites. An outline past the node limit is an error.
    fn finish(&self, source: read::Source) -> Result<DutyOrder> {
        let mut source = normalize::normalize(source);
        // the lines' pages, before the outline takes the lines
        let pages = pages::PageMap::of(&source.lines);
        // takes the lines out of the source as it goes
        let outline = outline::build_with(&mut source, &self.options.limits)?;
        let mut order = order::build(&source, outline);
        pages.apply(&mut order);
        Ok(if self.options.arabic_digits {
            order.with_arabic_digits()
        } else {
            order
        })
    }
}

/// Bytes asked of the system per read: a multiple of 8, because some files
/// under /proc (`pagemap`) refuse a read of any other size; the copy out of
/// it costs about 1% of a parse.
const READ_CHUNK: usize = 64 * 1024;

/// Append `reader`'s bytes to `buf`, in [`READ_CHUNK`]s, and stop with an
/// error one byte past `limits.max_file_bytes` (the size then unknown).
fn read_chunks(
    mut reader: impl Read,
    buf: &mut Vec<u8>,
    name: &str,
    limits: &Limits,
) -> Result<()> {
    let max = limits.max_file_bytes;
    let mut chunk = vec![0u8; READ_CHUNK];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(name, e)),
        };
        buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
        if buf.len() as u64 > max {
            // a device or a file that grew or lied: cut, size unknown
            return Err(limits.file_too_big(name, None));
        }
    }
}

/// Parse the file at `path` (or stdin when `path` is "-") with the default
/// options; see [`Parser::parse_path`].
pub fn parse_path(path: &str) -> Result<DutyOrder> {
    Parser::new().parse_path(path)
}

/// Parse bytes named `path` with the default options; see
/// [`Parser::parse_bytes`].
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<DutyOrder> {
    Parser::new().parse_bytes(path, bytes)
}

/// Parse what `reader` yields, named `path`, with the default options; see
/// [`Parser::parse_reader`].
pub fn parse_reader(path: &str, reader: impl Read) -> Result<DutyOrder> {
    Parser::new().parse_reader(path, reader)
}

/// Parse decoded text with the default options; see [`Parser::parse_str`].
pub fn parse_str(path: &str, text: &str) -> Result<DutyOrder> {
    Parser::new().parse_str(path, text)
}

/// An I/O error in a few plain words, without Rust's `(os error N)`.
pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            let message = s.split_once(" (os error").map_or(s.as_str(), |(m, _)| m);
            // Windows ends its system messages with a full stop; ours go on
            message.trim_end().trim_end_matches('.').to_string()
        }
    }
}
