//! PDF: the text layer, page by page, through poppler's `pdftotext`; a page
//! without one (a scan) through OCR ([`super::ocr`]).
//!
//! The engine was chosen by measuring (the note of issue 16 has the numbers):
//! on PDFs LibreOffice made from the fixtures (Thai in Laksaman, the font it
//! puts for TH SarabunPSK), `pdftotext -raw` — the text in the order the
//! page draws it — gives every mark where the writer typed it; `pdftotext
//! -layout` and its default mode sort glyphs by position, and Thai marks drawn
//! with an offset then fall apart from their consonant (`ดังนี ้`, `เป็ น`,
//! `ชูศักดิ ์`); the `pdf-extract` crate drops the spaces between words and
//! reads no faster. So the text is `-raw`; its damage that remains, and what
//! other PDF writers do (glyph variants of the Private Use Area), is the
//! normalise stage's Thai repair ([`crate::thai::repair`]).
//!
//! Lines are numbered through the document (the n-th line of the extracted
//! text, as `pdftotext` prints it), and each knows its page.

use std::ffi::OsStr;
use std::time::Duration;

use super::engine::{self, Bounds, Workdir};
use super::{Extraction, Format, Line, Source, sha256_hex};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, ErrorKind, Result};

/// Longest a text extraction may run: `pdftotext` reads a 300-page order in
/// about 2 s (measured on the 28-page reference order: 0.06 s), so this is
/// only ever reached by a PDF built to stall it.
const TEXT_TIMEOUT: Duration = Duration::from_secs(120);

/// A page whose text layer has fewer letters or digits than this is a scan
/// (a scanner's PDF has no text, or only a stamp's few characters): `--ocr
/// auto` reads it by OCR. A page of an order has hundreds.
pub(crate) const MIN_TEXT_CHARS: usize = 20;

/// Bytes in which a PDF's `%PDF-` header is looked for: the PDF reference
/// lets a file put up to 1,024 bytes of other data before it.
const HEADER_WINDOW: usize = 1024;

/// Whether `bytes` are a PDF (its header in the first [`HEADER_WINDOW`] bytes).
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..HEADER_WINDOW).unwrap_or(bytes);
    memchr::memmem::find(head, b"%PDF-").is_some()
}

/// Read a PDF into lines with their pages; pages without text are read by
/// OCR as `options.ocr` says.
pub(crate) fn read(path: &str, bytes: &[u8], options: &crate::Options) -> Result<Source> {
    let work = Workdir::new(path)?;
    let pdf = work.write(path, "in.pdf", bytes)?;
    let pages = text_pages(path, &work, options)?;
    let scans: Vec<bool> = pages
        .iter()
        .map(|p| p.chars().filter(|c| c.is_alphanumeric()).count() < MIN_TEXT_CHARS)
        .collect();
    let ocr_page = |i: usize| match options.ocr {
        crate::OcrMode::Always => true,
        crate::OcrMode::Never => false,
        crate::OcrMode::Auto => scans.get(i).copied().unwrap_or(false),
    };
    if options.ocr == crate::OcrMode::Never && scans.iter().all(|&s| s) {
        return Err(Error::new(
            path,
            ErrorKind::Unsupported(
                "this PDF has no text layer (a scan?); read it by OCR with --ocr auto (Tesseract)"
                    .to_string(),
            ),
        ));
    }
    let mut lines = Vec::new();
    let mut diagnostics = Vec::new();
    let mut ocr = Vec::new();
    let mut n: u32 = 0;
    for (i, text) in pages.iter().enumerate() {
        let page = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if ocr_page(i) {
            match super::ocr::read_page(path, &pdf, page, &work, options) {
                Ok(read) => {
                    for p in read {
                        ocr.push((page, p.confidence));
                        for text in p.lines {
                            n = n.saturating_add(1);
                            lines.push(line(text, n, page));
                        }
                    }
                    continue;
                }
                // a scanned page among pages with text, and no OCR engine:
                // the text is read, the page is said to be missing
                Err(e)
                    if options.ocr == crate::OcrMode::Auto
                        && matches!(e.kind(), ErrorKind::Unsupported(_))
                        && !scans.iter().all(|&s| s) =>
                {
                    diagnostics.push(Diagnostic::new(
                        Code::PageNotRead,
                        n.saturating_add(1),
                        format!(
                            "page {page} has no text layer and was not read: {}",
                            e.kind()
                        ),
                    ));
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
        // the text of a page ends with its last line's newline
        let body = text.strip_suffix('\n').unwrap_or(text);
        if body.is_empty() {
            continue;
        }
        for l in body.split('\n') {
            n = n.saturating_add(1);
            lines.push(line(l.to_string(), n, page));
        }
    }
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    if !ocr.is_empty() {
        diagnostics.extend(super::ocr::diagnostics(&ocr, &lines));
    }
    Ok(Source {
        path: path.to_string(),
        format: Format::Pdf,
        encoding: None,
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines,
        diagnostics,
        extraction: Extraction {
            pages: Some(u32::try_from(pages.len()).unwrap_or(u32::MAX)),
            ocr,
            repair: true,
        },
    })
}

/// One extracted line on `page`.
pub(crate) fn line(text: String, n: u32, page: u32) -> Line {
    Line {
        indent: super::txt::indent_of(&text),
        trailing: super::txt::trailing_of(&text),
        text,
        line: n,
        page: Some(page),
        ..Line::default()
    }
}

/// The text layer of `in.pdf` in `work`, one string a page (empty for a
/// page without text), as `pdftotext -raw` prints it.
fn text_pages(path: &str, work: &Workdir, options: &crate::Options) -> Result<Vec<String>> {
    let args = [
        OsStr::new("-raw"),
        OsStr::new("-enc"),
        OsStr::new("UTF-8"),
        OsStr::new("-eol"),
        OsStr::new("unix"),
        OsStr::new("in.pdf"),
        OsStr::new("-"),
    ];
    let out = engine::run(
        path,
        &engine::PDFTOTEXT,
        &args,
        &[],
        work.path(),
        Bounds::new(&options.limits, TEXT_TIMEOUT),
    )?;
    let text = match String::from_utf8(out) {
        Ok(t) => t,
        // pdftotext writes UTF-8; a font's broken map may still give a stray byte
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    // a form feed ends every page, the last one too
    let mut pages: Vec<String> = text.split('\u{000C}').map(str::to_string).collect();
    if pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok(pages)
}

/// Pages of a text extracted from a PDF with its form feeds kept (what
/// `pdftotext FILE` writes, read with `--repair-pdf-text`): each line gets
/// its page, a form feed at its start or end counting the page over.
pub(crate) fn pages_of_text(lines: &mut [Line]) -> Option<u32> {
    const FORM_FEED: char = '\u{000C}';
    if !lines.iter().any(|l| l.text.contains(FORM_FEED)) {
        return None;
    }
    let mut page: u32 = 1;
    let mut last_with_text = 1;
    for l in lines.iter_mut() {
        let feeds = u32::try_from(l.text.matches(FORM_FEED).count()).unwrap_or(0);
        let before = u32::try_from(
            l.text
                .chars()
                .take_while(|&c| c == FORM_FEED || c == ' ')
                .filter(|&c| c == FORM_FEED)
                .count(),
        )
        .unwrap_or(0);
        page = page.saturating_add(before);
        l.page = Some(page);
        if l.text.chars().any(|c| c != FORM_FEED && !c.is_whitespace()) {
            last_with_text = page;
        }
        page = page.saturating_add(feeds - before.min(feeds));
    }
    Some(last_with_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_known_by_its_header() {
        assert!(is_pdf(b"%PDF-1.7\n..."));
        assert!(is_pdf(b"\xEF\xBB\xBFjunk %PDF-1.4"));
        assert!(!is_pdf(b"%PD"));
        let mut late = vec![b' '; HEADER_WINDOW];
        late.extend_from_slice(b"%PDF-1.4");
        assert!(!is_pdf(&late));
    }

    #[test]
    fn form_feeds_number_the_pages_of_a_text() {
        let mut lines = super::super::txt::split_lines("a\nb\n\u{000C}c\nd\u{000C}\ne\n\u{000C}");
        assert_eq!(pages_of_text(&mut lines), Some(3));
        let pages: Vec<_> = lines.iter().map(|l| l.page).collect();
        assert_eq!(
            pages,
            [Some(1), Some(1), Some(2), Some(2), Some(3), Some(4)]
        );
        let mut plain = super::super::txt::split_lines("a\nb\n");
        assert_eq!(pages_of_text(&mut plain), None);
        assert!(plain.iter().all(|l| l.page.is_none()));
    }
}
