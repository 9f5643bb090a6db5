//! Page artefacts and scans of real PDFs in a batch (issue 16): a running
//! footer and page numbers on every page of a PDF LibreOffice made from the
//! reference given a Word header and footer; a scanner's image-only PDF
//! read by OCR in `batch`, beside an .odt LibreOffice converts. The tools
//! and helpers are [`super::pdf`]'s.

use crate::common;

use std::path::Path;
use std::process::Command;

use kamsang::DutyOrder;
use kamsang::model::OutlineNode;

use super::pdf::{DOCX, docx_order, duties, from_pages, parse, people, skip, soffice_convert};

/// A running footer every page repeats (the office and the order's subject,
/// as offices print them) for the fixture given a header and footer.
const FOOTER: &str = "สำเนาคำสั่ง สพป.เพชรบุรี เขต 1 เรื่อง การกำหนดหน้าที่";

/// The .docx at `rel` with a page header holding the page number (`- 2 -`,
/// a Word PAGE field) and a running footer ([`FOOTER`]) on every page, as a
/// new .docx at `to`.
fn with_header_and_footer(rel: &str, to: &Path) {
    use std::io::{Read, Write};
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">- </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:hdr>"#
    );
    let footer = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W}"><w:p><w:r><w:t>{FOOTER}</w:t></w:r></w:p></w:ftr>"#
    );
    let bytes = std::fs::read(common::fixture(rel)).expect("fixture");
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).expect("entry");
            let name = f.name().expect("entry name").to_string();
            let mut text = Vec::new();
            f.read_to_end(&mut text).expect("read");
            let edit = |text: Vec<u8>, from: &str, to: &str| {
                let s = String::from_utf8(text).expect("utf-8");
                assert!(s.contains(from), "{name}: no {from}");
                s.replacen(from, to, 1).into_bytes()
            };
            let text = match name.as_str() {
                "word/document.xml" => edit(
                    text,
                    "<w:sectPr>",
                    r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdKsHeader"/><w:footerReference w:type="default" r:id="rIdKsFooter"/>"#,
                ),
                "word/_rels/document.xml.rels" => edit(
                    text,
                    "</Relationships>",
                    &format!(
                        r#"<Relationship Id="rIdKsHeader" Type="{REL}/header" Target="header1.xml"/><Relationship Id="rIdKsFooter" Type="{REL}/footer" Target="footer1.xml"/></Relationships>"#
                    ),
                ),
                "[Content_Types].xml" => edit(
                    text,
                    "</Types>",
                    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#,
                ),
                _ => text,
            };
            z.start_file(name, opts).expect("zip");
            z.write_all(&text).expect("zip");
        }
        for (name, xml) in [("word/header1.xml", &header), ("word/footer1.xml", &footer)] {
            z.start_file(name, opts).expect("zip");
            z.write_all(xml.as_bytes()).expect("zip");
        }
        z.finish().expect("zip");
    }
    std::fs::write(to, out.into_inner()).expect("write");
}

/// Page numbers and a running footer on every page of a real PDF (the
/// reference given a header and a footer in Word's own way, exported by
/// LibreOffice) are removed, each with a diagnostic, and the order reads
/// as its .docx (which never reads headers and footers).
#[test]
fn page_numbers_and_running_footers_of_a_pdf_are_removed_with_a_diagnostic() {
    if skip(true, true, false) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = dir.path().join("paged.docx");
    with_header_and_footer(DOCX, &docx);
    // the .docx reader ignores them: the edited file still reads as the fixture
    let from_docx = parse(&docx, kamsang::Options::default());
    assert_eq!(people(&from_docx), people(&docx_order()));
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("run soffice");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = dir.path().join("paged.pdf");
    // the text layer has them: what the test is about is there
    let text = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.lines().any(|l| l.trim() == "- 2 -"), "no page number");
    let pages = from_pages(&text).expect("pages") as usize;
    assert!(pages > 2);
    assert_eq!(text.matches(FOOTER).count(), pages);

    let from_pdf = parse(&pdf, kamsang::Options::default());
    assert_eq!(from_pdf.source.pages, Some(pages as u32));
    let removed = |what: &str| -> Vec<String> {
        from_pdf
            .diagnostics
            .iter()
            .filter(|d| d.code == kamsang::diagnostic::Code::PageArtefactRemoved)
            .filter(|d| d.message.contains(what))
            .map(|d| d.message.clone())
            .collect()
    };
    // each page's number, with its page
    let numbers = removed("page number removed");
    assert_eq!(numbers.len(), pages, "{numbers:?}");
    assert_eq!(numbers[1], "page 2: page number removed: - 2 -");
    // the footer on every page, the first too
    let footers = removed(&format!("running footer removed: {FOOTER}"));
    assert_eq!(footers.len(), pages, "{footers:?}");
    assert!(footers[0].starts_with("page 1: "));
    // nothing of them is left in the outline
    fn texts(nodes: &[OutlineNode], out: &mut Vec<String>) {
        for n in nodes {
            out.push(n.text.to_string());
            texts(&n.children, out);
        }
    }
    let mut all = Vec::new();
    texts(&from_pdf.outline, &mut all);
    assert!(
        !all.iter()
            .any(|t| t.contains(FOOTER) || t.contains("- 2 -")),
        "a page artefact is left"
    );
    // and the order is the .docx's
    assert_eq!(people(&from_pdf), people(&from_docx));
    assert_eq!(duties(&from_pdf), duties(&from_docx));
}

/// Page 1 of `pdf` as a scanner makes a PDF of it: a 300 dpi grey image on
/// an A4 page, no text layer (the image uncompressed, so that the test
/// needs no image library).
fn scanned_pdf(pdf: &Path, dir: &Path) -> Vec<u8> {
    let o = Command::new("pdftoppm")
        .args(["-f", "1", "-l", "1", "-r", "300", "-gray", "-singlefile"])
        .arg(pdf)
        .arg(dir.join("scan"))
        .output()
        .expect("run pdftoppm");
    assert!(o.status.success());
    // PGM: `P5`, width, height, maximum value, each a word, then the pixels
    let pgm = std::fs::read(dir.join("scan.pgm")).expect("pgm");
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let pixels = &pgm[at + 1..];
    let (w, h) = (&fields[1], &fields[2]);
    assert_eq!((fields[0].as_str(), fields[3].as_str()), ("P5", "255"));
    let draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q\n";
    let mut out: Vec<u8> = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |out: &mut Vec<u8>, head: String, stream: Option<&[u8]>| {
        offsets.push(out.len());
        out.extend_from_slice(head.as_bytes());
        if let Some(bytes) = stream {
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(bytes);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n");
    };
    object(
        &mut out,
        "1 0 obj <</Type/Catalog/Pages 2 0 R>>".into(),
        None,
    );
    object(
        &mut out,
        "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>>".into(),
        None,
    );
    object(
        &mut out,
        "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</Im0 4 0 R>>>>/Contents 5 0 R>>".into(),
        None,
    );
    object(
        &mut out,
        format!(
            "4 0 obj <</Type/XObject/Subtype/Image/Width {w}/Height {h}/ColorSpace/DeviceGray/BitsPerComponent 8/Length {}>>\n",
            pixels.len()
        ),
        Some(pixels),
    );
    object(
        &mut out,
        format!("5 0 obj <</Length {}>>\n", draw.len()),
        Some(draw),
    );
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer <</Size {}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// `batch` over a scanned PDF, an .odt and a .txt counts the file read by
/// OCR and the one LibreOffice converted, in summary.json and on stderr.
#[test]
fn batch_counts_the_files_read_by_ocr_and_converted_by_libreoffice() {
    if skip(true, true, true) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let work = dir.path().join("work");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&work).expect("mkdir");
    std::fs::create_dir_all(&input).expect("mkdir");
    let pdf = soffice_convert(&work, DOCX, "pdf");
    let scan = scanned_pdf(&pdf, &work);
    std::fs::write(input.join("scan.pdf"), &scan).expect("write");
    std::fs::copy(soffice_convert(&work, DOCX, "odt"), input.join("order.odt")).expect("copy");
    common::copy(
        "parse/phetchaburi1-policy-plan.txt",
        &input.join("order.txt"),
    );
    let o = common::run_in(dir.path(), &["batch", "in", "-o", "out"], None);
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let text = std::fs::read_to_string(dir.path().join("out/summary.json")).expect("summary");
    let s: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let count = |k: &str| s[k].as_u64().unwrap_or_else(|| panic!("no {k}: {s}"));
    assert_eq!(count("ok") + count("ok_with_warnings"), 3, "{s}");
    assert_eq!(count("read_by_ocr"), 1, "{s}");
    assert_eq!(count("converted_by_libreoffice"), 1, "{s}");
    assert!(
        err.contains("kamsang: batch: 1 read by OCR (check names and numbers against the scans), 1 converted by LibreOffice\n"),
        "{err}"
    );
    // the scan was read by OCR because it has no text layer (--ocr auto)
    let json = std::fs::read_to_string(dir.path().join("out/scan.pdf.json")).expect("json");
    let order: DutyOrder = serde_json::from_str(&json).expect("order");
    assert_eq!(order.source.ocr.len(), 1);
    assert_eq!(order.people[0].full_name, docx_order().people[0].full_name);
}
