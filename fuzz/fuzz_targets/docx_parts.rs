//! Structure-aware .docx target: the input is the text of up to three parts
//! (document.xml, numbering.xml, styles.xml) separated by a NUL byte, packed
//! into a valid zip at every run. Mutations then hit the XML and numbering
//! readers instead of dying at the zip's checksums.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let document = parts.next().unwrap_or_default();
    let numbering = parts.next();
    let styles = parts.next();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, bytes: &[u8]| {
        zip.start_file(name, stored).expect("start part");
        zip.write_all(bytes).expect("write part");
    };
    add("word/document.xml", document);
    if let Some(n) = numbering {
        add("word/numbering.xml", n);
    }
    if let Some(s) = styles {
        add("word/styles.xml", s);
    }
    let bytes = zip.finish().expect("finish zip").into_inner();
    if let Ok(order) = kamsang::parse_bytes("fuzz.docx", &bytes) {
        let _ = serde_json::to_vec(&order);
    }
});
