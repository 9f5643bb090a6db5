//! Diff benchmark: two 100-person orders.
//!
//! Last year's order is the reference order's 7 people copied 15 times (100
//! kept), each copy with its own names and duty titles; this year's is the
//! `next-year` fixture copied the same way, so each copy carries that
//! fixture's 16 changes (renames, a retirement with reassigned duties, a moved
//! duty, new, reworded and renumbered duties, changed substitutes): about 230
//! changes in all. Parsing is outside the timed loop; only `kamsang::diff` is
//! timed. Throughput is the two orders' JSON size in bytes.
//!
//! Run with `cargo bench --bench diff`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kamsang::DutyOrder;
use kamsang::model::{Duty, Person};

const PEOPLE: usize = 100;
/// People a side in the scale benchmark.
const SCALE_PEOPLE: usize = 2000;

fn parse(rel: &str) -> DutyOrder {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    kamsang::parse_path(path.to_str().unwrap()).unwrap()
}

/// `digits` with Arabic digits written as Thai ones (๐–๙).
fn to_thai(digits: &str) -> String {
    digits
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x0E50 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Copy `order`'s people until there are `PEOPLE`, each copy with distinct
/// names, numbers and duty titles (the copy number in Thai digits).
fn hundred(order: &DutyOrder) -> DutyOrder {
    copies(order, PEOPLE)
}

/// Copy `order`'s people until there are `people` of them (see [`hundred`]).
fn copies(order: &DutyOrder, people: usize) -> DutyOrder {
    let mut out = order.clone();
    out.people.clear();
    let mut n = 0;
    'copies: for copy in 0.. {
        let tag = to_thai(&copy.to_string());
        for p in &order.people {
            if n == people {
                break 'copies;
            }
            n += 1;
            let mut p: Person = p.clone();
            let suffix = |s: &str| format!("{s}{tag}");
            p.id = format!("p{n}");
            let old_number = p.number.clone().unwrap_or_default();
            p.number = Some(n.to_string());
            p.given_name = p.given_name.as_deref().map(suffix);
            p.family_name = p.family_name.as_deref().map(suffix);
            p.full_name = suffix(&p.full_name.replace(' ', &format!("{tag} ")));
            for s in &mut p.substitutes {
                s.full_name = suffix(&s.full_name.replace(' ', &format!("{tag} ")));
                s.person_id = s.person_id.as_ref().map(|id| {
                    let k: usize = id.trim_start_matches('p').parse().unwrap_or(1);
                    format!("p{}", copy * order.people.len() + k)
                });
            }
            for d in &mut p.duties {
                retitle(d, &old_number, n, &tag);
            }
            out.people.push(p);
        }
    }
    out
}

fn retitle(d: &mut Duty, old_number: &str, n: usize, tag: &str) {
    d.title = format!("{} ชุดที่ {tag}", d.title);
    d.number = d
        .number
        .as_deref()
        .map(|x| x.replacen(old_number, &n.to_string(), 1));
}

fn bench(c: &mut Criterion) {
    let old = hundred(&parse("fixtures/diff/next-year/old.txt"));
    let new = hundred(&parse("fixtures/diff/next-year/new.txt"));
    assert_eq!(old.people.len(), PEOPLE);
    assert_eq!(new.people.len(), PEOPLE);
    let bytes =
        serde_json::to_string(&old).unwrap().len() + serde_json::to_string(&new).unwrap().len();
    let changes = kamsang::diff(&old, &new).changes.len();
    eprintln!("diff/100-people: {changes} changes, {bytes} bytes of JSON");
    let mut g = c.benchmark_group("diff");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("100-people", |b| {
        b.iter(|| kamsang::diff(black_box(&old), black_box(&new)))
    });
    g.bench_function("100-people-self", |b| {
        b.iter(|| kamsang::diff(black_box(&old), black_box(&old)))
    });
    // Worst case for the matcher: every title rewritten (characters reversed),
    // so no duty pairs by an exact pass and every one goes through word similarity.
    let mut unrelated = new.clone();
    for p in &mut unrelated.people {
        for d in &mut p.duties {
            d.title = d.title.chars().rev().collect();
        }
    }
    g.bench_function("100-people-all-titles-rewritten", |b| {
        b.iter(|| kamsang::diff(black_box(&old), black_box(&unrelated)))
    });
    g.finish();

    // Scale: the matcher must not be quadratic in people (issue 12: 16k × 16k
    // took 109 s). 2,000 people a side keeps a quadratic matcher measurable.
    let old = copies(&parse("fixtures/diff/next-year/old.txt"), SCALE_PEOPLE);
    let new = copies(&parse("fixtures/diff/next-year/new.txt"), SCALE_PEOPLE);
    let mut g = c.benchmark_group("diff-scale");
    g.sample_size(10);
    g.bench_function("2000-people", |b| {
        b.iter(|| kamsang::diff(black_box(&old), black_box(&new)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
