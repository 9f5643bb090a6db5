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
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod batch;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod limits;
pub mod model;
pub mod order;
pub mod outline;
pub mod output;
pub mod read;
pub mod render;
pub mod schema;
pub mod thai;

pub use diagnostic::{Diagnostic, Severity};
pub use diff::{Diff, diff};
pub use error::{Error, ErrorKind, Result};
pub use limits::Limits;
pub use model::DutyOrder;

/// How to read and write an order. `Options::default()` detects the encoding
/// and keeps digits as written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Force this text encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Rewrite Thai digits (๐–๙) as Arabic ones in the output text.
    pub arabic_digits: bool,
    /// Safety limits: file size, inflated part size and ratio, line length,
    /// outline depth and node count (see [`Limits`]).
    pub limits: Limits,
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
    let source = {
        // the raw bytes are dropped as soon as they are decoded into lines
        let bytes = read_input_with(path, options)?;
        read::read_bytes(path, &bytes, options)?
    };
    Ok(finish(parse_source_with(source, options)?, options))
}

/// An order from `path`: a document kamsang reads (.txt, .docx, .xlsx, .ods),
/// or a JSON file that `kamsang parse` wrote earlier (recognised by its
/// content: a JSON object with a `schema_version`). Used by `kamsang diff`.
pub fn load_order_with(path: &str, options: &Options) -> Result<DutyOrder> {
    let bytes = read_input_with(path, options)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let looks_json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && body.windows(16).any(|w| w == b"\"schema_version\"");
    if !looks_json {
        return parse_bytes_with(path, &bytes, options);
    }
    let order = DutyOrder::from_json_slice(body, options.limits.depth()).map_err(|e| {
        Error::new(
            path,
            ErrorKind::Corrupt(format!("JSON that is not a kamsang duty order: {e}")),
        )
    })?;
    // the people limit of diff: JSON can hold more people than a parse of
    // the same limits would ever give
    if order.people.len() > options.limits.max_nodes {
        return Err(Error::new(
            path,
            ErrorKind::Limit(format!(
                "more than {} people, the node limit (raise it with --max-nodes)",
                options.limits.max_nodes
            )),
        ));
    }
    Ok(order)
}

/// The bytes of `path`, or of stdin when `path` is "-", refused past the
/// default file-size limit (see [`read_input_with`]).
pub fn read_input(path: &str) -> Result<Vec<u8>> {
    read_input_with(path, &Options::default())
}

/// The bytes of `path` (or stdin for "-"). A file larger than
/// `options.limits.max_file_bytes` is refused from its metadata, before any
/// of it is read; stdin and files that grow while read are cut one byte past
/// the limit and refused, so memory never holds more than the limit.
pub fn read_input_with(path: &str, options: &Options) -> Result<Vec<u8>> {
    use std::io::Read;
    let max = options.limits.max_file_bytes;
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(max.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| Error::new(path, ErrorKind::Io(io_message(&e))))?;
        if buf.len() as u64 > max {
            return Err(options.limits.file_too_big(path, None));
        }
        return Ok(buf);
    }
    read_file_capped(std::path::Path::new(path), path, &options.limits)
}

/// Bytes asked of the system per read: a multiple of 8, because some files
/// under /proc (`pagemap`) refuse a read of any other size; the copy out of
/// it costs about 1% of a parse.
const READ_CHUNK: usize = 64 * 1024;

/// The bytes of the file at `file` (`path` names it in errors), through the
/// one size-capped reader of `parse` and `batch`: refused from its metadata
/// when larger than `limits.max_file_bytes`, and read at most one byte past
/// the limit otherwise, so a file that lies about its size (`/proc/self/pagemap`
/// says 0 bytes and holds terabytes) or grows while read is cut and refused.
pub fn read_file_capped(file: &std::path::Path, path: &str, limits: &Limits) -> Result<Vec<u8>> {
    use std::io::Read;
    let max = limits.max_file_bytes;
    let io = |e: std::io::Error| Error::new(path, ErrorKind::Io(io_message(&e)));
    let mut buf = Vec::new();
    let file = std::fs::File::open(file).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(Error::new(
            path,
            ErrorKind::Io("is a directory".to_string()),
        ));
    }
    if meta.len() > max {
        return Err(limits.file_too_big(path, Some(meta.len())));
    }
    // a regular file's size is known: one allocation, no doubling
    buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0));
    let mut file = file;
    let mut chunk = vec![0u8; READ_CHUNK];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
        if buf.len() as u64 > max {
            // a device or a file that grew or lied: cut, size unknown
            return Err(limits.file_too_big(path, None));
        }
    }
    Ok(buf)
}

/// Parse bytes read from `path` (the path names the input in errors and in
/// `source.path`, and its extension picks the reader).
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<DutyOrder> {
    parse_bytes_with(path, bytes, &Options::default())
}

/// [`parse_bytes`] with options (bytes past `options.limits.max_file_bytes`
/// are refused, as from a file).
pub fn parse_bytes_with(path: &str, bytes: &[u8], options: &Options) -> Result<DutyOrder> {
    let len = bytes.len() as u64;
    if len > options.limits.max_file_bytes {
        return Err(options.limits.file_too_big(path, Some(len)));
    }
    let source = read::read_bytes(path, bytes, options)?;
    Ok(finish(parse_source_with(source, options)?, options))
}

/// The last, optional rewrites of a parsed order.
fn finish(order: DutyOrder, options: &Options) -> DutyOrder {
    if options.arabic_digits {
        order.with_arabic_digits()
    } else {
        order
    }
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

/// The stages after reading: normalise → outline → order, under the default
/// limits (an outline past the node limit keeps only the nodes before it).
pub fn parse_source(source: read::Source) -> DutyOrder {
    let mut source = thai::normalize::normalize(source);
    let outline = outline::build(&source);
    // the order stage needs the outline, not the lines: free them first
    source.lines = Vec::new();
    order::build(&source, outline)
}

/// [`parse_source`] under `options.limits`: an outline with more nodes than
/// the limit is an error.
pub fn parse_source_with(source: read::Source, options: &Options) -> Result<DutyOrder> {
    let mut source = thai::normalize::normalize(source);
    // takes the lines out of the source as it goes
    let outline = outline::build_with(&mut source, &options.limits)?;
    Ok(order::build(&source, outline))
}

/// An I/O error in a few plain words, without Rust's `(os error N)`.
pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.split_once(" (os error") {
                Some((message, _)) => message.to_string(),
                None => s,
            }
        }
    }
}
