//! Scans: a PDF page without a text layer, or an image (.png .jpg .tif),
//! read by Tesseract's Thai model (`tesseract-ocr-tha`), word by word with
//! its confidence.
//!
//! A PDF page is rasterised by poppler's `pdftoppm` at 300 dpi for an A4
//! page (the resolution Tesseract is trained for), its long side at most
//! [`RASTER_LONG_SIDE`] pixels, so that a page of any size costs the same
//! memory; then Tesseract reads it (`tsv`: each word with its box and
//! confidence, for each page's mean). The text is Tesseract's own (`txt`),
//! and the normalise stage repairs it as it repairs a PDF's text.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::engine::{self, Bounds, Workdir};
use super::{Extraction, Format, Line, Source, sha256_hex};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, ErrorKind, Result};

/// The long side of a rasterised page in pixels: an A4 page (11.69 in) at
/// 300 dpi.
const RASTER_LONG_SIDE: &str = "3508";

/// Tesseract's model: Thai (its Latin letters and digits included; adding
/// `eng` doubled the time and read the reference scan no better).
const LANGUAGES: &str = "tha";

/// Longest the rasterising of one page may take (about 1 s here).
const RASTER_TIMEOUT: Duration = Duration::from_secs(120);

/// Longest Tesseract may take on one page (5–15 s for a page of Thai at 300
/// dpi on one core).
const OCR_TIMEOUT: Duration = Duration::from_secs(300);

/// Tesseract's own threads per run: one, because `batch` already reads one
/// file per core (more threads per run only contend for the same cores).
const OCR_THREADS: &str = "1";

/// A page whose mean word confidence is below this (Tesseract's 0–100) gets a
/// warning: on the scans of the fixtures a clean 300 dpi page reads at 85–95
/// and a page that lost names at under 70.
pub(crate) const LOW_CONFIDENCE: f32 = 70.0;

/// Most pixels of an image given to OCR (a 300 dpi A3 page is 35 million):
/// a small file that declares a huge image is refused before Tesseract
/// allocates it.
const MAX_PIXELS: u64 = 100_000_000;

/// One page as OCR read it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    /// Its lines, in reading order.
    pub lines: Vec<String>,
    /// Mean word confidence (0–100), weighted by the words' lengths.
    pub confidence: f32,
}

/// Page `page` of the PDF at `pdf` rasterised and read by OCR.
pub(crate) fn read_page(
    path: &str,
    pdf: &Path,
    page: u32,
    work: &Workdir,
    options: &crate::Options,
) -> Result<Vec<Page>> {
    let image = rasterise(path, pdf, page, work, options)?;
    let read = recognise(path, &image, work, options);
    let _ = std::fs::remove_file(&image);
    read
}

/// Page `page` of `pdf` as a grey PNG in `work`; its path.
fn rasterise(
    path: &str,
    pdf: &Path,
    page: u32,
    work: &Workdir,
    options: &crate::Options,
) -> Result<PathBuf> {
    let n = page.to_string();
    let args = [
        OsStr::new("-f"),
        OsStr::new(&n),
        OsStr::new("-l"),
        OsStr::new(&n),
        OsStr::new("-scale-to"),
        OsStr::new(RASTER_LONG_SIDE),
        OsStr::new("-gray"),
        OsStr::new("-png"),
        OsStr::new("-singlefile"),
        pdf.as_os_str(),
        OsStr::new("page"),
    ];
    engine::run(
        path,
        &engine::PDFTOPPM,
        &args,
        &[],
        work.path(),
        Bounds::new(&options.limits, RASTER_TIMEOUT),
    )?;
    let image = work.join("page.png");
    if !image.is_file() {
        return Err(Error::new(
            path,
            ErrorKind::Corrupt(format!("pdftoppm made no image of page {page}")),
        ));
    }
    Ok(image)
}

/// The pages Tesseract reads in `image` (a multi-page TIFF has several):
/// one run writes the text (`txt`: Tesseract's own lines and spaces, which
/// for Thai are the writer's; its word boxes are single letters) and the
/// words with their confidence (`tsv`), and both are read through the cap.
fn recognise(
    path: &str,
    image: &Path,
    work: &Workdir,
    options: &crate::Options,
) -> Result<Vec<Page>> {
    let args = [
        image.as_os_str(),
        OsStr::new("ocr"),
        OsStr::new("-l"),
        OsStr::new(LANGUAGES),
        OsStr::new("txt"),
        OsStr::new("tsv"),
    ];
    let envs = [("OMP_THREAD_LIMIT", OsStr::new(OCR_THREADS))];
    let bounds = Bounds::new(&options.limits, OCR_TIMEOUT);
    engine::run(path, &engine::TESSERACT, &args, &envs, work.path(), bounds)?;
    let read = |name: &str| {
        let file = work.join(name);
        let bytes = engine::read_output_file(path, &file, bounds.max_output, "Tesseract's output");
        let _ = std::fs::remove_file(&file);
        bytes.map(|b| String::from_utf8_lossy(&b).into_owned())
    };
    let text = read("ocr.txt")?;
    let confidences = confidences_of_tsv(&read("ocr.tsv")?);
    let mut pages: Vec<&str> = text.split('\u{000C}').collect();
    if pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok(pages
        .into_iter()
        .enumerate()
        .map(|(i, t)| Page {
            lines: t
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string)
                .collect(),
            confidence: confidences.get(i).copied().unwrap_or(0.0),
        })
        .collect())
}

/// The mean word confidence of each page of Tesseract's TSV (level, page,
/// block, paragraph, line, word, left, top, width, height, confidence, text),
/// weighted by the words' lengths, in page order.
fn confidences_of_tsv(tsv: &str) -> Vec<f32> {
    let mut pages: Vec<(u32, f64, f64)> = Vec::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [level, page, _, _, _, _, _, _, _, _, conf, text] = cols.as_slice() else {
            continue;
        };
        let text = text.trim();
        let Ok(c) = conf.trim().parse::<f64>() else {
            continue;
        };
        if level.trim() != "5" || text.is_empty() || c < 0.0 {
            continue;
        }
        let page = page.trim().parse::<u32>().unwrap_or(0);
        if pages.last().is_none_or(|p| p.0 != page) {
            pages.push((page, 0.0, 0.0));
        }
        if let Some((_, sum, weight)) = pages.last_mut() {
            let w = text.chars().count() as f64;
            *sum += c * w;
            *weight += w;
        }
    }
    pages
        .into_iter()
        .map(|(_, sum, weight)| {
            if weight > 0.0 {
                (sum / weight) as f32
            } else {
                0.0
            }
        })
        .collect()
}

/// The diagnostics of an OCR-read order: one saying the text is OCR's, with
/// each page's confidence, and a warning for each page below
/// [`LOW_CONFIDENCE`].
pub(crate) fn diagnostics(ocr: &[(u32, f32)], lines: &[Line]) -> Vec<Diagnostic> {
    let first_line = |page: u32| {
        lines
            .iter()
            .find(|l| l.page == Some(page))
            .map_or(1, |l| l.line)
    };
    let each: Vec<String> = ocr
        .iter()
        .map(|(page, c)| format!("page {page} {c:.1}%"))
        .collect();
    let mut out = vec![Diagnostic::new(
        Code::OcrText,
        ocr.first().map_or(1, |(p, _)| first_line(*p)),
        format!(
            "read by OCR (Tesseract, {LANGUAGES}), mean word confidence {}: names and numbers may be misread",
            each.join(", ")
        ),
    )];
    for (page, c) in ocr.iter().filter(|(_, c)| *c < LOW_CONFIDENCE) {
        out.push(Diagnostic::new(
            Code::OcrLowConfidence,
            first_line(*page),
            format!(
                "page {page} read by OCR with a mean word confidence of {c:.1}%, under {LOW_CONFIDENCE}%: check it against the scan"
            ),
        ));
    }
    out
}

/// What image format `bytes` are, by their first bytes, as the extension
/// Tesseract's image library reads it by.
pub(crate) fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some("tif")
    } else {
        None
    }
}

/// Width × height a PNG or JPEG declares, from its header; `None` for what
/// it cannot tell (a TIFF, a damaged header).
fn declared_pixels(bytes: &[u8]) -> Option<u64> {
    let be16 = |i: usize| {
        Some(u64::from(u16::from_be_bytes([
            *bytes.get(i)?,
            *bytes.get(i + 1)?,
        ])))
    };
    let be32 = |i: usize| {
        let b: [u8; 4] = bytes.get(i..i + 4)?.try_into().ok()?;
        Some(u64::from(u32::from_be_bytes(b)))
    };
    if bytes.starts_with(b"\x89PNG") {
        // IHDR: width and height right after the chunk type
        return Some(be32(16)? * be32(20)?);
    }
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    // JPEG: walk the segments to the frame header (SOF0–SOF15 but DHT, JPG, DAC)
    let mut i = 2;
    while bytes.get(i) == Some(&0xFF) {
        let marker = *bytes.get(i + 1)?;
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            return Some(be16(i + 5)? * be16(i + 7)?);
        }
        i += 2 + usize::try_from(be16(i + 2)?).ok()?;
    }
    None
}

/// Read a scanned image by OCR.
pub(crate) fn read_image(path: &str, bytes: &[u8], options: &crate::Options) -> Result<Source> {
    let kind = image_kind(bytes).unwrap_or("png");
    if options.ocr == crate::OcrMode::Never {
        return Err(Error::new(
            path,
            ErrorKind::Unsupported(
                "an image is read only by OCR, and --ocr never was given".to_string(),
            ),
        ));
    }
    if let Some(pixels) = declared_pixels(bytes).filter(|&p| p > MAX_PIXELS) {
        return Err(Error::new(
            path,
            ErrorKind::Limit(format!(
                "the image is {pixels} pixels, past the limit of {MAX_PIXELS} for OCR"
            )),
        ));
    }
    let work = Workdir::new(path)?;
    let image = work.write(path, &format!("in.{kind}"), bytes)?;
    let pages = recognise(path, &image, &work, options)?;
    let mut lines = Vec::new();
    let mut ocr = Vec::new();
    let mut n: u32 = 0;
    for (i, p) in pages.into_iter().enumerate() {
        let page = u32::try_from(i + 1).unwrap_or(u32::MAX);
        ocr.push((page, p.confidence));
        for text in p.lines {
            n = n.saturating_add(1);
            lines.push(super::pdf::line(text, n, page));
        }
    }
    if lines.is_empty() {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    let diagnostics = diagnostics(&ocr, &lines);
    Ok(Source {
        path: path.to_string(),
        format: Format::Image,
        encoding: None,
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines,
        diagnostics,
        extraction: Extraction {
            pages: Some(u32::try_from(ocr.len()).unwrap_or(u32::MAX)),
            ocr,
            repair: true,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t
4\t1\t1\t1\t1\t0\t10\t10\t100\t30\t-1\t
5\t1\t1\t1\t1\t1\t10\t10\t50\t30\t90.5\tคำสั่ง
5\t1\t1\t1\t1\t2\t70\t10\t50\t30\t80\tที่
5\t1\t1\t1\t2\t1\t10\t50\t50\t30\t95\t1.
5\t1\t1\t1\t2\t2\t70\t50\t50\t30\t-1\t 
5\t1\t1\t2\t1\t1\t10\t90\t50\t30\t60\tนาย
5\t2\t1\t1\t1\t1\t10\t10\t50\t30\t50\tก
";

    #[test]
    fn tsv_words_give_each_page_a_confidence() {
        let pages = confidences_of_tsv(TSV);
        assert_eq!(pages.len(), 2);
        // (90.5×6 + 80×3 + 95×2 + 60×3) / 14; the word of confidence -1 left out
        let want = (90.5 * 6.0 + 80.0 * 3.0 + 95.0 * 2.0 + 60.0 * 3.0) / 14.0;
        assert!((f64::from(pages[0]) - want).abs() < 0.01);
        assert!((pages[1] - 50.0).abs() < 0.01);
        assert!(confidences_of_tsv("").is_empty());
        assert!(confidences_of_tsv("header\nbroken\trow\n").is_empty());
    }

    #[test]
    fn a_low_page_gets_a_warning() {
        let lines = vec![
            super::super::pdf::line("ก".into(), 1, 1),
            super::super::pdf::line("ข".into(), 2, 2),
        ];
        let d = diagnostics(&[(1, 91.0), (2, 55.5)], &lines);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].code, Code::OcrText);
        assert!(
            d[0].message.contains("page 1 91.0%, page 2 55.5%"),
            "{}",
            d[0].message
        );
        assert_eq!((d[1].code, d[1].line), (Code::OcrLowConfidence, 2));
    }

    #[test]
    fn declared_sizes_are_read_from_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&100_000u32.to_be_bytes());
        png.extend_from_slice(&200_000u32.to_be_bytes());
        assert_eq!(declared_pixels(&png), Some(20_000_000_000));
        assert_eq!(image_kind(&png), Some("png"));
        // SOI, an APP0 of 4 bytes, SOF0 with height 3000 and width 2000
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0x0B, 0xB8, 0x07, 0xD0,
        ];
        assert_eq!(declared_pixels(&jpeg), Some(6_000_000));
        assert_eq!(declared_pixels(b"II*\0"), None);
        assert_eq!(declared_pixels(&[0xFF, 0xD8, 0xFF]), None);
    }
}
