//! PDFs and scans (issue 16): kamsang beside the bare engines it runs, in
//! pages per second (throughput elements = pages).
//!
//! Made once, at the start, from the reference order's .docx: its PDF by
//! LibreOffice (`soffice --convert-to pdf`), the PDF's first page alone
//! (`pdfseparate`) and that page rasterised at 300 dpi (`pdftoppm`), as a
//! scanner saves a page. Then:
//!
//! - text PDF: `pdftotext -raw` alone (the floor) beside kamsang's parse of
//!   the PDF (pdftotext, Thai repair, page artefacts, parse, JSON);
//! - OCR of an image: `tesseract -l tha … txt tsv` alone (what kamsang asks
//!   of it) beside kamsang's parse of the .png;
//! - OCR of a scanned PDF page: `pdftoppm` + `tesseract` alone beside
//!   kamsang's parse of the one-page PDF with `--ocr always`.
//!
//! Without LibreOffice, poppler or Tesseract's Thai model, the groups that
//! need them are skipped with the reason printed.
//!
//! `cargo bench --bench pdf`
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark on a made file

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

/// The reference order as Word writes it (typed numbers), 28 pages as PDF.
const DOCX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/docx/phetchaburi1-typed.docx"
);

/// Samples of an OCR benchmark: one page takes seconds, and 10 samples (the
/// fewest criterion takes) already give a median to a few percent.
const OCR_SAMPLES: usize = 10;

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn have_tesseract_thai() -> bool {
    Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l == "tha")
        })
}

/// Run `program ARGS` in `dir`; panics (the benchmark is wrong) when it fails.
fn run(dir: &Path, program: &str, args: &[&str]) -> Vec<u8> {
    let o = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("OMP_THREAD_LIMIT", "1")
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        o.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// The inputs, made once in `dir`: the PDF, its first page as a PDF, and
/// that page as a 300 dpi grey PNG.
struct Made {
    pdf: PathBuf,
    pages: u64,
    page1_pdf: PathBuf,
    page1_png: PathBuf,
}

fn make(dir: &Path) -> Made {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let out = dir.to_str().expect("utf-8 dir");
    run(
        dir,
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            out,
            DOCX,
        ],
    );
    let pdf = dir.join("phetchaburi1-typed.pdf");
    let text = run(
        dir,
        "pdftotext",
        &["-raw", "-enc", "UTF-8", "phetchaburi1-typed.pdf", "-"],
    );
    let pages = String::from_utf8_lossy(&text)
        .trim_end_matches(['\n', '\u{c}'])
        .matches('\u{c}')
        .count() as u64
        + 1;
    run(
        dir,
        "pdfseparate",
        &["-f", "1", "-l", "1", "phetchaburi1-typed.pdf", "page1.pdf"],
    );
    run(
        dir,
        "pdftoppm",
        &[
            "-r",
            "300",
            "-gray",
            "-png",
            "-singlefile",
            "page1.pdf",
            "page1",
        ],
    );
    Made {
        pdf,
        pages,
        page1_pdf: dir.join("page1.pdf"),
        page1_png: dir.join("page1.png"),
    }
}

fn pdf(c: &mut Criterion) {
    if !runs("soffice", &["--version"]) {
        eprintln!("bench pdf: skipped: LibreOffice (soffice) is not installed");
        return;
    }
    if !runs("pdftotext", &["-v"]) || !runs("pdftoppm", &["-v"]) {
        eprintln!("bench pdf: skipped: poppler (pdftotext, pdftoppm) is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let made = make(dir.path());
    let d = dir.path();

    // a text PDF, all its pages
    let bytes = std::fs::read(&made.pdf).expect("pdf");
    let name = made.pdf.to_str().expect("utf-8").to_string();
    let parser = kamsang::Parser::new();
    let order = parser.parse_bytes(&name, &bytes).expect("the PDF parses");
    assert!(order.source.ocr.is_empty());
    let mut g = c.benchmark_group(format!("pdf/text ({} pages)", made.pages));
    g.throughput(Throughput::Elements(made.pages));
    g.sample_size(20);
    g.bench_function("bare pdftotext -raw", |b| {
        b.iter(|| {
            run(
                d,
                "pdftotext",
                &[
                    "-raw",
                    "-enc",
                    "UTF-8",
                    "-eol",
                    "unix",
                    "phetchaburi1-typed.pdf",
                    "-",
                ],
            )
        })
    });
    g.bench_function("kamsang parse + JSON", |b| {
        b.iter(|| {
            let order = parser
                .parse_bytes(&name, black_box(&bytes))
                .expect("parses");
            serde_json::to_string(&order).expect("json")
        })
    });
    g.finish();

    if !have_tesseract_thai() {
        eprintln!(
            "bench pdf: OCR skipped: Tesseract's Thai model is not installed (apt-get install tesseract-ocr tesseract-ocr-tha)"
        );
        return;
    }

    // a scanned page as an image
    let png = std::fs::read(&made.page1_png).expect("png");
    let png_name = made.page1_png.to_str().expect("utf-8").to_string();
    let order = parser
        .parse_bytes(&png_name, &png)
        .expect("the scan parses");
    assert_eq!(order.source.ocr.len(), 1);
    let mut g = c.benchmark_group("ocr/image (1 page, 300 dpi)");
    g.throughput(Throughput::Elements(1));
    g.sample_size(OCR_SAMPLES);
    g.sampling_mode(SamplingMode::Flat);
    g.measurement_time(Duration::from_secs(60));
    g.bench_function("bare tesseract -l tha txt tsv", |b| {
        b.iter(|| {
            run(
                d,
                "tesseract",
                &["page1.png", "ocr", "-l", "tha", "txt", "tsv"],
            )
        })
    });
    g.bench_function("kamsang parse + JSON", |b| {
        b.iter(|| {
            let order = parser
                .parse_bytes(&png_name, black_box(&png))
                .expect("parses");
            serde_json::to_string(&order).expect("json")
        })
    });
    g.finish();

    // a scanned PDF page: rasterised, then read
    let page = std::fs::read(&made.page1_pdf).expect("page pdf");
    let page_name = made.page1_pdf.to_str().expect("utf-8").to_string();
    let always = kamsang::Parser::with_options(
        kamsang::Options::default().with_ocr(kamsang::OcrMode::Always),
    );
    let order = always
        .parse_bytes(&page_name, &page)
        .expect("the page parses");
    assert_eq!(order.source.ocr.len(), 1);
    let mut g = c.benchmark_group("ocr/pdf page (1 page, 300 dpi)");
    g.throughput(Throughput::Elements(1));
    g.sample_size(OCR_SAMPLES);
    g.sampling_mode(SamplingMode::Flat);
    g.measurement_time(Duration::from_secs(60));
    g.bench_function("bare pdftoppm + tesseract", |b| {
        b.iter(|| {
            run(
                d,
                "pdftoppm",
                &[
                    "-scale-to",
                    "3508",
                    "-gray",
                    "-png",
                    "-singlefile",
                    "page1.pdf",
                    "raster",
                ],
            );
            run(
                d,
                "tesseract",
                &["raster.png", "ocr", "-l", "tha", "txt", "tsv"],
            )
        })
    });
    g.bench_function("kamsang parse --ocr always + JSON", |b| {
        b.iter(|| {
            let order = always
                .parse_bytes(&page_name, black_box(&page))
                .expect("parses");
            serde_json::to_string(&order).expect("json")
        })
    });
    g.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
