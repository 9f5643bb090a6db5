//! .docx reading: kamsang's reader beside the bare cost of inflating
//! `word/document.xml` and scanning its XML events, beside the floor of what
//! kamsang reads (the three parts, see [`floor`]), and beside docx-rs
//! `read_docx`, on the committed .docx fixtures (`fixtures/docx/*.docx`).
//! After each group a line prints kamsang's medians over the floor's
//! (criterion's medians, from `target/criterion/docx_<name>/*/new/estimates.json`
//! of this run).
//!
//! `cargo bench --bench docx`
#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark on committed fixtures

use std::hint::black_box;
use std::io::{Cursor, Read};
use std::time::SystemTime;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/ratio.rs"]
mod ratio;

/// The parts kamsang's .docx reader inflates and tokenises, each whole.
const PARTS: [&str; 3] = ["word/document.xml", "word/styles.xml", "word/numbering.xml"];

/// Bench ids of the floor and of kamsang's two stages.
const FLOOR: &str = "floor: inflate + tokenise 3 parts";
const READ: &str = "kamsang read + normalize";
const PARSE: &str = "kamsang parse + JSON";

/// The floor of kamsang's .docx reading: open the zip, and for each of
/// [`PARTS`] present inflate it, check it is UTF-8 (as the reader does) and
/// walk its XML events with quick-xml (the crate and settings the reader
/// uses). Returns the number of events.
fn floor(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut n = 0;
    let mut raw = Vec::new();
    for part in PARTS {
        let Ok(mut file) = zip.by_name(part) else {
            continue;
        };
        raw.clear();
        file.read_to_end(&mut raw).expect("inflate");
        let xml = std::str::from_utf8(&raw).expect("utf-8 part");
        let mut reader = quick_xml::Reader::from_str(xml);
        reader.config_mut().trim_text(false);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                Ok(e) => {
                    black_box(&e);
                    n += 1;
                }
            }
        }
    }
    n
}

/// Inflate word/document.xml and walk its XML events: the floor for any reader.
fn bare(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("inflate");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut n = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) | Err(_) => break,
            Ok(e) => {
                black_box(&e);
                n += 1;
            }
        }
    }
    n
}

fn docx(c: &mut Criterion) {
    let since = SystemTime::now();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/docx");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "docx"));
    files.sort();
    for path in files {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let bytes = std::fs::read(&path).expect("fixture");
        let p = path.to_str().expect("utf-8 path").to_string();
        kamsang::parse_bytes(&p, &bytes).expect("fixture parses");
        let group = format!("docx/{name}");
        let mut g = c.benchmark_group(&group);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function("bare inflate + XML scan", |b| {
            b.iter(|| bare(black_box(&bytes)))
        });
        g.bench_function(FLOOR, |b| b.iter(|| floor(black_box(&bytes))));
        // the reader is private: read + normalise is the nearest public stage
        let parser = kamsang::Parser::new();
        g.bench_function(READ, |b| {
            b.iter(|| {
                parser
                    .normalize_bytes(&p, black_box(&bytes))
                    .expect("reads")
            })
        });
        g.bench_function(PARSE, |b| {
            b.iter(|| {
                let order = kamsang::parse_bytes(&p, black_box(&bytes)).expect("parses");
                serde_json::to_string(&order).expect("json")
            })
        });
        g.bench_function("docx-rs read_docx", |b| {
            b.iter(|| docx_rs::read_docx(black_box(&bytes)).map(|_| ()))
        });
        g.finish();
        let pairs = [(READ, FLOOR), (PARSE, FLOOR)];
        ratio::print(&group, bytes.len() as u64, &pairs, since);
    }
}

criterion_group!(benches, docx);
criterion_main!(benches);
