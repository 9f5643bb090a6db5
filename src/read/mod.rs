//! Reading inputs into a [`Source`]: lines with provenance, whatever the format.
//!
//! Every reader (txt now; docx and spreadsheets later) yields the same `Source`,
//! so the rest of the pipeline never knows where the lines came from.

pub mod container;
pub(crate) mod convert;
pub mod docx;
pub(crate) mod engine;
pub(crate) mod ocr;
pub(crate) mod pdf;
pub mod sheet;
pub mod table;
pub mod txt;

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind, Result};
use crate::label::Label;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Plain text.
    Txt,
    /// Word document.
    Docx,
    /// Excel workbook.
    Xlsx,
    /// OpenDocument spreadsheet.
    Ods,
    /// PDF: its text layer, or OCR of its pages.
    Pdf,
    /// A scanned image (.png, .jpg, .tif), read by OCR.
    Image,
    /// Legacy Word document, converted by LibreOffice.
    Doc,
    /// OpenDocument text, converted by LibreOffice.
    Odt,
    /// Rich Text Format, converted by LibreOffice.
    Rtf,
    /// Legacy Excel workbook, converted by LibreOffice.
    Xls,
}

impl Format {
    /// The name used in JSON (`source.format`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Ods => "ods",
            Format::Pdf => "pdf",
            Format::Image => "image",
            Format::Doc => "doc",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
            Format::Xls => "xls",
        }
    }
}

/// One line of input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    /// Byte offsets in the normalised `text` where the raw line had a wide gap
    /// (three or more spaces or NBSPs): an item label right after one starts a
    /// new item mid-line. Filled by the normalise stage.
    pub gaps: Vec<usize>,
    /// Whether the line starts a paragraph the writer made (see [`ParaStart`]).
    pub para_start: ParaStart,
    /// The item label, when the reader knows it from the document's
    /// structure rather than from the text (a spreadsheet row's person
    /// number, a duty number made whole, `N.k`): `text` is then what follows
    /// the label. Written labels in the text are left for the outline,
    /// which places a line with a known label by it, without reading its
    /// text for one.
    pub label: Option<Label>,
    /// The cells of a table row, by what their column holds (a person row of
    /// a spreadsheet: the name, the position, the rank), as byte ranges of
    /// `text`; empty for a line that is not such a row. `text` is the cells
    /// joined by a space, in normal form (see [`Line::normalized`]).
    pub cells: Vec<TableCell>,
    /// The reader has already put `text` in normal form (it read table cells
    /// to know their labels and roles), so the normalise stage leaves it as it
    /// is and the ranges in `cells` stay true: each text is normalised once.
    pub normalized: bool,
    /// The line is a row of a table (a .docx `w:tr`, a caption row of one
    /// merged cell included): the page shows it in a grid, so it is never a
    /// line of the signer's position, and a table after the signature is
    /// the annex's.
    pub table_row: bool,
    /// The 1-based page the line is on, for a paged input (a PDF, a scan,
    /// a .txt extracted from a PDF with its form feeds); `None` otherwise.
    pub page: Option<u32>,
}

/// What a cell of a table row holds, by its column's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CellRole {
    /// The person's name (ชื่อ-สกุล).
    Name,
    /// The person's position (ตำแหน่ง).
    Position,
    /// The person's rank or academic standing (วิทยฐานะ).
    Rank,
}

/// A cell of a table row inside its [`Line::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableCell {
    /// What the cell holds.
    pub role: CellRole,
    /// Where it starts in the text (byte offset).
    pub start: usize,
    /// Where it ends in the text (byte offset, exclusive).
    pub end: usize,
}

impl TableCell {
    /// The cell's text in `text` (the line or node text it was made for).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Where a line came from, for joining: a line of a text file may be a wrap
/// the writer never typed, but a .docx paragraph (`w:p`) is one the writer
/// made, since Word wraps lines itself; a soft break (`w:br`) inside a
/// paragraph is a line break typed where the writer wanted one, which may
/// fall mid-sentence or mid-word, so the line after it joins by the rules of
/// wrapped text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ParaStart {
    /// A format that does not mark paragraphs (text, spreadsheet cells).
    #[default]
    Unknown,
    /// The first line of a .docx paragraph or table row: a real boundary.
    Paragraph,
    /// A line after a soft break (`w:br`, `w:cr`) inside a .docx paragraph.
    SoftBreak,
}

/// Lines as they would be typed: a known [`Line::label`], a space, then the
/// text (the label no longer apart), for `kamsang normalize` to print. The
/// outline stage reads the label itself, never this text.
pub(crate) fn type_labels(lines: &mut [Line]) {
    for line in lines {
        let Some(label) = line.label.take() else {
            continue;
        };
        if line.text.is_empty() {
            line.text = label.written.into_string();
            line.gaps.clear();
        } else {
            let shift = label.written.len() + 1;
            line.text.insert(0, ' ');
            line.text.insert_str(0, &label.written);
            for g in &mut line.gaps {
                *g += shift;
            }
        }
    }
}

/// A document as lines with provenance.
#[derive(Debug, Clone, PartialEq)]
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
    /// Pages, OCR and repair: what a paged or extracted input adds.
    pub extraction: Extraction,
}

/// What a reader that extracted its text (a PDF's text layer, OCR, a .txt
/// from a PDF) records beside the lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Pages of the input, for a paged one.
    pub pages: Option<u32>,
    /// The pages read by OCR, each with Tesseract's mean word confidence (0–100).
    pub ocr: Vec<(u32, f32)>,
    /// The text came from a PDF or OCR: the normalise stage repairs its
    /// extraction damage first ([`crate::thai::repair`]) and removes running
    /// page headers, footers and page numbers.
    pub repair: bool,
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

/// Refuse formats kamsang does not read, by their first bytes, with advice on
/// how to convert them.
pub fn sniff_refusal(path: &str, bytes: &[u8]) -> Result<()> {
    let msg = if bytes.starts_with(b"GIF8") {
        Some("a GIF image is not read; save the scan as .png, .jpg or .tif for OCR")
    } else {
        None
    };
    match msg {
        Some(m) => Err(Error::new(path, ErrorKind::Unsupported(m.to_string()))),
        None => Ok(()),
    }
}

/// The lowercase extension of `path` ("" when none).
fn extension(path: &str) -> String {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Read bytes into a `Source`. The format is decided from the bytes, not only
/// the extension: a .docx named .txt is read as .docx (with a diagnostic), and
/// text named .docx is an error that says so. A line longer than
/// `options.limits.max_line_chars` is an error: no order has one, and every
/// later stage works line by line.
pub fn read_bytes(path: &str, bytes: &[u8], options: &crate::Options) -> Result<Source> {
    let source = read_format(path, bytes, options)?;
    check_line_lengths(&source, &options.limits)?;
    Ok(source)
}

/// The line-length rule: a line longer than `limits.max_line_chars` is an
/// error (no order has one, and every later stage works line by line).
pub(crate) fn check_line_lengths(source: &Source, limits: &crate::Limits) -> Result<()> {
    let max = limits.max_line_chars;
    // bytes ≥ characters: count characters only on lines that might be too long
    if let Some((line, chars)) = source
        .lines
        .iter()
        .filter(|l| l.text.len() > max)
        .map(|l| (l.line, l.text.chars().count()))
        .find(|&(_, chars)| chars > max)
    {
        return Err(limits.line_too_long(&source.path, line, chars));
    }
    Ok(())
}

/// The reader for what the bytes are (see [`read_bytes`]).
fn read_format(path: &str, bytes: &[u8], options: &crate::Options) -> Result<Source> {
    if bytes.is_empty() {
        // zero bytes are empty whatever the name says (a .docx that never got written)
        return Err(Error::new(path, ErrorKind::Empty));
    }
    let ext = extension(path);
    if ext == "ppt" || ext == "pptx" {
        return Err(Error::new(
            path,
            ErrorKind::Unsupported(format!(
                "a .{ext} presentation is not an order kamsang reads; save it as PDF or .docx"
            )),
        ));
    }
    if pdf::is_pdf(bytes) {
        return with_mismatch(pdf::read(path, bytes, options)?, &ext, &["pdf"]);
    }
    if ocr::image_kind(bytes).is_some() {
        return with_mismatch(
            ocr::read_image(path, bytes, options)?,
            &ext,
            &["png", "jpg", "jpeg", "tif", "tiff"],
        );
    }
    if let Some(kind) = convert::legacy_kind(bytes, &ext) {
        let expected: &[&str] = match kind {
            convert::Legacy::Rtf => &["rtf"],
            convert::Legacy::Xls => &["xls"],
            _ => &["doc", "dot"],
        };
        return with_mismatch(convert::read(path, bytes, kind, options)?, &ext, expected);
    }
    sniff_refusal(path, bytes)?;
    if container::is_zip(bytes) {
        let mut c = container::Container::open(path, bytes, options.limits)?;
        let (source, expected) = match c.kind() {
            container::Kind::Docx => (
                docx::read(path, bytes, c)?,
                ["docx", "docm", "dotx"].as_slice(),
            ),
            container::Kind::Xlsx => (
                sheet::read(path, bytes, Format::Xlsx, options.limits)?,
                ["xlsx", "xlsm"].as_slice(),
            ),
            container::Kind::Ods => (
                sheet::read(path, bytes, Format::Ods, options.limits)?,
                ["ods"].as_slice(),
            ),
            container::Kind::Odt => {
                drop(c);
                let source = convert::read(path, bytes, convert::Legacy::Odt, options)?;
                return with_mismatch(source, &ext, &["odt", "ott"]);
            }
            container::Kind::Other => {
                return Err(Error::new(
                    path,
                    ErrorKind::Unsupported(
                        "a zip archive that is not a .docx, .xlsx, .ods or .odt document"
                            .to_string(),
                    ),
                ));
            }
        };
        return with_mismatch(source, &ext, expected);
    }
    if let Some(kind) = match ext.as_str() {
        "docx" | "docm" | "dotx" => Some("a Word .docx"),
        "xlsx" | "xlsm" => Some("an Excel .xlsx"),
        "ods" => Some("an OpenDocument .ods"),
        "odt" => Some("an OpenDocument .odt"),
        "doc" => Some("a Word .doc"),
        "rtf" => Some("an .rtf"),
        "xls" => Some("an Excel .xls"),
        "png" | "jpg" | "jpeg" | "tif" | "tiff" => Some("an image"),
        "pdf" => Some("a PDF"),
        _ => None,
    } {
        let zipped = matches!(
            ext.as_str(),
            "docx" | "docm" | "dotx" | "xlsx" | "xlsm" | "ods" | "odt"
        );
        let looks = if txt::read(path, bytes, options.encoding).is_ok() {
            "it looks like plain text"
        } else if zipped {
            "it is not a zip container"
        } else {
            "its first bytes are not that format's"
        };
        return Err(Error::new(
            path,
            ErrorKind::Unsupported(format!(
                "named .{ext} but is not {kind} file ({looks}); rename it or convert it"
            )),
        ));
    }
    let mut source = txt::read(path, bytes, options.encoding)?;
    if options.repair_pdf_text {
        source.extraction.pages = pdf::pages_of_text(&mut source.lines);
        source.extraction.repair = true;
    }
    Ok(source)
}

/// `source` with a [`Code::FormatMismatch`](crate::diagnostic::Code::FormatMismatch)
/// warning first when the extension `ext` is none of `expected`: the content
/// decided the reader.
fn with_mismatch(mut source: Source, ext: &str, expected: &[&str]) -> Result<Source> {
    if !expected.contains(&ext) {
        let named = if ext.is_empty() {
            "without an extension".to_string()
        } else {
            format!("named .{ext}")
        };
        source.diagnostics.insert(
            0,
            crate::diagnostic::Diagnostic::new(
                crate::diagnostic::Code::FormatMismatch,
                1,
                format!(
                    "{named} but is a .{} file: read as .{}",
                    source.format.as_str(),
                    source.format.as_str()
                ),
            ),
        );
    }
    Ok(source)
}
