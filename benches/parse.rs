//! Parse throughput benchmarks.
//!
//! * `parse/<case>`: end to end for every `fixtures/parse/<case>.txt`: decode +
//!   normalise + outline + order + `serde_json::to_string`. The file is read once,
//!   outside the timed loop. Throughput is the input's size in bytes.
//! * `normalize_line/<case>`: `thai::normalize_line` over every line of the
//!   reference fixture. Throughput is the whole file's size in bytes.
//!
//! Run with `cargo bench --bench parse`.

// A benchmark on committed fixtures: a missing or unreadable fixture should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The fixture whose lines feed the `normalize_line` bench.
const REFERENCE: &str = "phetchaburi1-policy-plan";

/// `fixtures/parse` under the crate root.
fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/parse")
}

/// Every `*.txt` in `fixtures/parse`, sorted so bench order is stable.
fn fixtures() -> Vec<PathBuf> {
    let dir = fixture_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("read_dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

/// The file stem, used as the bench id.
fn case_name(path: &Path) -> String {
    path.file_stem()
        .expect("fixture has a name")
        .to_string_lossy()
        .into_owned()
}

/// read + normalise + parse + serialise, one bench per fixture.
fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let path_str = path.to_str().expect("fixture path is UTF-8").to_string();
        // Fail before timing if the fixture does not parse.
        kamsang::parse_bytes(&path_str, &bytes).unwrap_or_else(|e| panic!("{e}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(case_name(&path), |b| {
            b.iter(|| {
                let order = kamsang::parse_bytes(black_box(&path_str), black_box(&bytes)).unwrap();
                black_box(serde_json::to_string(&order).unwrap())
            });
        });
    }
    group.finish();
}

/// `thai::normalize_line` over every line of the reference fixture.
fn bench_normalize_line(c: &mut Criterion) {
    let path = fixture_dir().join(format!("{REFERENCE}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lines: Vec<&str> = text.lines().collect();
    let mut group = c.benchmark_group("normalize_line");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(REFERENCE, |b| {
        b.iter(|| {
            for line in &lines {
                black_box(kamsang::normalize_line(black_box(line)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_parse, bench_normalize_line);
criterion_main!(benches);
