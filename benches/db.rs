//! Orders per second into the SQLite archive (`batch --db`) against JSON
//! lines into a sink (`batch --jsonl /dev/null`): the same parse, then
//! either `Archive::import` (rows, persons linking, one transaction per
//! group of orders, WAL) or serialisation into `io::sink()`.
//!
//! The inputs are a mix of fixtures: the reference order, its next-year
//! version, and six committee and duty orders; each timed round parses all
//! of them under fresh paths (so every import is an `Added`, never a
//! skipped `Unchanged`). Throughput is in orders. After criterion, a plain
//! median of a few rounds of each prints the ratio and the database size
//! per order.
//!
//! Run with `cargo bench --bench db`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const INPUTS: [&str; 8] = [
    "fixtures/parse/phetchaburi1-policy-plan.txt",
    "fixtures/diff/next-year/new.txt",
    "fixtures/committee/school-exam-committees.txt",
    "fixtures/committee/school-unnumbered-committees-and-members.txt",
    "fixtures/committee/office-inline-duties-and-stand-ins.txt",
    "fixtures/committee/school-duty-groups-restart.txt",
    "fixtures/parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
    "fixtures/parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt",
];

/// Copies of the inputs in one round: 8 × 8 = 64 orders, one group.
const COPIES: usize = 8;

fn inputs() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    INPUTS
        .iter()
        .map(|rel| std::fs::read(root.join(rel)).unwrap())
        .collect()
}

/// One round of the `--jsonl` sink: parse and serialise every order.
fn jsonl_round(inputs: &[Vec<u8>], round: u64) {
    for copy in 0..COPIES {
        for (k, bytes) in inputs.iter().enumerate() {
            let path = format!("r{round}/c{copy}/{k}.txt");
            let order = kamsang::parse_bytes(&path, bytes).unwrap();
            serde_json::to_writer(std::io::sink(), &order).unwrap();
        }
    }
}

/// One round into the archive: parse and import every order.
fn db_round(db: &mut kamsang::db::Archive, inputs: &[Vec<u8>], round: u64) {
    for copy in 0..COPIES {
        for (k, bytes) in inputs.iter().enumerate() {
            let path = format!("r{round}/c{copy}/{k}.txt");
            let order = kamsang::parse_bytes(&path, bytes).unwrap();
            black_box(db.import(&order, "bench").unwrap());
        }
    }
    db.commit().unwrap();
}

fn orders_per_second(c: &mut Criterion) {
    let inputs = inputs();
    let orders = (COPIES * inputs.len()) as u64;
    let dir = tempfile::tempdir().unwrap();
    let mut db = kamsang::db::Archive::open(&dir.path().join("bench.sqlite")).unwrap();
    let mut group = c.benchmark_group("batch_sink");
    group.throughput(Throughput::Elements(orders));
    group.sample_size(20);
    let mut round = 0u64;
    group.bench_function("jsonl_sink", |b| {
        b.iter(|| {
            round += 1;
            jsonl_round(&inputs, round);
        })
    });
    group.bench_function("sqlite", |b| {
        b.iter(|| {
            round += 1;
            db_round(&mut db, &inputs, round);
        })
    });
    group.finish();

    // The ratio, from plain medians of a few rounds each (criterion's own
    // estimates are in target/criterion/batch_sink/).
    let median = |f: &mut dyn FnMut()| {
        let mut times: Vec<Duration> = (0..9)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        times.sort();
        times[times.len() / 2]
    };
    let jsonl = median(&mut || {
        round += 1;
        jsonl_round(&inputs, round);
    });
    let sqlite = median(&mut || {
        round += 1;
        db_round(&mut db, &inputs, round);
    });
    let counts = db.counts().unwrap();
    drop(db);
    let size: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let per_s = |d: Duration| orders as f64 / d.as_secs_f64();
    println!(
        "db bench: median round of {orders} orders: jsonl sink {:.1} ms ({:.0} orders/s), sqlite {:.1} ms ({:.0} orders/s); sqlite / jsonl = {:.2}x; database {:.1} KB per order ({} orders, {} people, {} duties, {} persons)",
        jsonl.as_secs_f64() * 1e3,
        per_s(jsonl),
        sqlite.as_secs_f64() * 1e3,
        per_s(sqlite),
        sqlite.as_secs_f64() / jsonl.as_secs_f64(),
        size as f64 / 1024.0 / counts.orders.max(1) as f64,
        counts.orders,
        counts.people,
        counts.duties,
        counts.persons
    );
}

criterion_group!(benches, orders_per_second);
criterion_main!(benches);
