//! Parse throughput benchmarks.
//!
//! * `parse/<case>/kamsang`: end to end for every `fixtures/parse/<case>.txt`:
//!   decode + normalise + outline + order + `serde_json::to_string`. The file is
//!   read once, outside the timed loop. Throughput is the input's size in bytes.
//! * `parse/<case>/floor`: the bare scan of the same bytes already in memory,
//!   what no reader can skip: UTF-8 decode (validation), line split and a count
//!   of the Thai characters (U+0E00–U+0E7F) of every line. After each group a
//!   line prints kamsang's median over the floor's (criterion's medians, read
//!   from `target/criterion/parse_<case>/*/new/estimates.json` of this run).
//! * `normalize_line/<case>`: `thai::normalize_line` over every line of the
//!   reference fixture. Throughput is the whole file's size in bytes.
//!
//! Run with `cargo bench --bench parse`.

// A benchmark on committed fixtures: a missing or unreadable fixture should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/ratio.rs"]
mod ratio;

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

/// The floor of a .txt parse: UTF-8 decode + line split + Thai character
/// count of bytes already in memory. Returns (lines, Thai characters).
fn floor(bytes: &[u8]) -> (usize, usize) {
    let text = std::str::from_utf8(bytes).expect("the fixtures are UTF-8");
    let (mut lines, mut thai) = (0, 0);
    for line in text.lines() {
        lines += 1;
        thai += line
            .chars()
            .filter(|c| ('\u{0E00}'..='\u{0E7F}').contains(c))
            .count();
    }
    (lines, thai)
}

/// read + normalise + parse + serialise beside the floor, one group per fixture.
fn bench_parse(c: &mut Criterion) {
    let since = SystemTime::now();
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let path_str = path.to_str().expect("fixture path is UTF-8").to_string();
        // Fail before timing if the fixture does not parse.
        kamsang::parse_bytes(&path_str, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let name = format!("parse/{}", case_name(&path));
        let mut group = c.benchmark_group(&name);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("kamsang", |b| {
            b.iter(|| {
                let order = kamsang::parse_bytes(black_box(&path_str), black_box(&bytes)).unwrap();
                black_box(serde_json::to_string(&order).unwrap())
            });
        });
        group.bench_function("floor", |b| b.iter(|| floor(black_box(&bytes))));
        group.finish();
        ratio::print(&name, bytes.len() as u64, &[("kamsang", "floor")], since);
    }
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
