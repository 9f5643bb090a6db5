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
//! `diff-10k`: 10,000 people a side as *text*, generated here at bench time
//! (never committed, see [`order_text`]): the `next-year` fixture's people
//! written out again and again with distinct names and duty titles, so every
//! block of 7 people carries that fixture's changes. Both texts are parsed,
//! then diffed; a plain median of [`SCALE_RUNS`] runs of each (criterion's
//! least sample size of 10 would take minutes on ~100 MB of text) prints
//! `diff / (parse old + parse new)`. Skipped when a filter argument is given
//! that is not part of `diff-10k`.
//!
//! Run with `cargo bench --bench diff`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kamsang::DutyOrder;
use kamsang::model::{Duty, DutyKind, Person};

const PEOPLE: usize = 100;
/// People a side in the scale benchmark.
const SCALE_PEOPLE: usize = 2000;
/// People a side in the text-scale benchmark (issue 17: within 2.5× of the two parses).
const TEXT_PEOPLE: usize = 10_000;
/// Runs of each stage in the text-scale benchmark, of which the median is printed.
const SCALE_RUNS: usize = 3;
/// Thai consonants that spell a copy's number in names (base 30), so names
/// stay Thai letters (a digit in a name would change how it is read).
const TAG_LETTERS: &str = "กขคงจฉชซญฐฑณดตถทธนบปผพฟภมยรลวส";

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
    d.title = format!("{} ชุดที่ {tag}", d.title).into();
    d.number = d
        .number
        .as_deref()
        .map(|x| x.replacen(old_number, &n.to_string(), 1).into());
}

/// Copy `copy`'s tag: its number in [`TAG_LETTERS`].
fn letter_tag(mut copy: usize) -> String {
    let letters: Vec<char> = TAG_LETTERS.chars().collect();
    let mut out = Vec::new();
    loop {
        out.push(letters[copy % letters.len()]);
        copy /= letters.len();
        if copy == 0 {
            break;
        }
    }
    out.into_iter().rev().collect()
}

/// `text` with every name of `names` followed by `tag`.
fn tag_names(text: &str, names: &[String], tag: &str) -> String {
    let mut out = text.to_string();
    for name in names {
        out = out.replace(name.as_str(), &format!("{name}{tag}"));
    }
    out
}

/// One step (or sub-step) and its own, indented by `depth`, its number's
/// person part `from` written as `to`.
fn write_step(
    out: &mut String,
    d: &Duty,
    depth: usize,
    from: &str,
    to: &str,
    w: &dyn Fn(&str) -> String,
) {
    let label = match (d.number.as_deref(), d.label.as_deref()) {
        (Some(n), _) if n.starts_with(&format!("{from}.")) => n.replacen(from, to, 1),
        (_, Some(l)) => l.to_string(),
        (Some(n), None) => n.to_string(),
        (None, None) => String::new(),
    };
    let _ = writeln!(out, "{}{label} {}", "    ".repeat(depth), w(&d.title));
    for s in &d.steps {
        write_step(out, s, depth + 1, from, to, w);
    }
}

/// An order of `people` people as text: the fixture's lines above its first
/// person, then its people written again and again (numbered on, names and
/// duty titles tagged with the copy, see [`letter_tag`]).
fn order_text(fixture: &str, order: &DutyOrder, people: usize) -> String {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture)).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("1.") {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    let names: Vec<String> = order
        .people
        .iter()
        .flat_map(|p| [p.given_name.clone(), p.family_name.clone()])
        .flatten()
        .collect();
    let mut n = 0;
    let mut group: Option<String> = None;
    'copies: for copy in 0.. {
        let tag = letter_tag(copy);
        let w = |s: &str| tag_names(s, &names, &tag);
        for p in &order.people {
            if n == people {
                break 'copies;
            }
            n += 1;
            if p.work_group.is_some() && p.work_group != group {
                let _ = writeln!(out, "{}", p.work_group.as_deref().unwrap_or(""));
            }
            group = p.work_group.clone();
            let mut line = format!("{n}. {}", w(&p.full_name));
            for part in [&p.position, &p.rank, &p.role].into_iter().flatten() {
                line.push_str("  ");
                line.push_str(part);
            }
            let _ = writeln!(
                out,
                "{line}  {}",
                p.duty_intro.as_deref().unwrap_or("มีหน้าที่ ดังนี้")
            );
            let from = p.number.clone().unwrap_or_default();
            let retitled = |t: &str| format!("{} ชุดที่ {tag}", w(t));
            let has_clause = p
                .duties
                .iter()
                .any(|d| d.kind == DutyKind::SubstituteClause);
            for d in &p.duties {
                let plain = matches!(d.kind, DutyKind::SubstituteClause | DutyKind::OtherAssigned);
                if plain {
                    write_step(&mut out, d, 1, &from, &n.to_string(), &w);
                } else {
                    let mut d = d.clone();
                    d.title = retitled(&d.title).into();
                    write_step(&mut out, &d, 1, &from, &n.to_string(), &w);
                }
            }
            if !has_clause && !p.substitutes.is_empty() {
                out.push_str(
                    "        กรณีที่ไม่สามารถปฏิบัติราชการได้ให้บุคคลต่อไปนี้ปฏิบัติงานแทนตามลำดับ\n       ",
                );
                for (i, s) in p.substitutes.iter().enumerate() {
                    let _ = write!(out, " {}. {} ", i + 1, w(&s.full_name));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Whether a filter argument given to the bench binary leaves out `id`.
fn filtered_out(id: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    !filters.is_empty() && !filters.iter().any(|f| id.contains(f.as_str()))
}

/// Resident memory now and its peak since the last reset, in KiB.
#[derive(Debug, Clone, Copy)]
struct Rss {
    now: i64,
    peak: i64,
}

/// The process's resident memory (`VmRSS`) and peak (`VmHWM`) from
/// /proc/self/status, then the peak reset to now (`clear_refs` 5): Linux
/// only, `None` elsewhere.
fn rss_reset() -> Option<Rss> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<i64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    let rss = Rss {
        now: field("VmRSS:")?,
        peak: field("VmHWM:")?,
    };
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    Some(rss)
}

/// 10,000 people a side as text: parse both, diff, print medians and the ratio.
fn text_scale() {
    // `cargo test --all-targets` runs this binary without `--bench` (criterion's
    // test mode, one pass per bench): the 2×92 MB parse would take minutes in a
    // debug build and measures nothing there, so it runs under `cargo bench` only.
    if !std::env::args().any(|a| a == "--bench") {
        println!("diff-10k: skipped in test mode (runs under `cargo bench --bench diff`)");
        return;
    }
    if filtered_out("diff-10k") {
        return;
    }
    let old_order = parse("fixtures/diff/next-year/old.txt");
    let new_order = parse("fixtures/diff/next-year/new.txt");
    let old_text = order_text("fixtures/diff/next-year/old.txt", &old_order, TEXT_PEOPLE);
    let new_text = order_text("fixtures/diff/next-year/new.txt", &new_order, TEXT_PEOPLE);
    let parse_text = |t: &str| kamsang::parse_str("old.txt", t).unwrap();
    let before = rss_reset();
    let (old, new) = (parse_text(&old_text), parse_text(&new_text));
    let parsed = rss_reset();
    let changes = kamsang::diff(&old, &new).changes.len();
    let diffed = rss_reset();
    if let (Some(b), Some(p), Some(d)) = (before, parsed, diffed) {
        let mib = |kib: i64| kib as f64 / 1024.0;
        println!(
            "diff-10k memory: parsing both orders peaked {:.0} MiB over the texts (holding {:.0} MiB after); the diff peaked {:.0} MiB over the two parsed orders ({:.2}x the parses' peak)",
            mib(p.peak - b.now),
            mib(p.now - b.now),
            mib(d.peak - p.now),
            (d.peak - p.now) as f64 / (p.peak - b.now) as f64
        );
    }
    eprintln!(
        "diff-10k: {} and {} bytes of text, {} and {} people, {changes} changes",
        old_text.len(),
        new_text.len(),
        old.people.len(),
        new.people.len()
    );
    let parses = median(SCALE_RUNS, || {
        black_box(parse_text(black_box(&old_text)));
        black_box(parse_text(black_box(&new_text)));
    });
    let diff = median(SCALE_RUNS, || {
        black_box(kamsang::diff(black_box(&old), black_box(&new)));
    });
    // every catch-all reworded (งานอื่น ๆ … → และงานอื่น ๆ …): none pairs by
    // its title, each goes through the catch-all pass
    let mut reworded = new.clone();
    for d in reworded.people.iter_mut().flat_map(|p| p.duties.iter_mut()) {
        if d.kind == DutyKind::OtherAssigned {
            d.title = format!("และ{}", d.title).into();
        }
    }
    let catch_alls = median(SCALE_RUNS, || {
        black_box(kamsang::diff(black_box(&old), black_box(&reworded)));
    });
    println!(
        "diff-10k: parse old + new {:.2} s, diff {:.2} s, diff with every catch-all reworded {:.2} s; diff / parses = {:.2}x, {:.2}x (plain medians of {SCALE_RUNS} runs)",
        parses.as_secs_f64(),
        diff.as_secs_f64(),
        catch_alls.as_secs_f64(),
        diff.as_secs_f64() / parses.as_secs_f64(),
        catch_alls.as_secs_f64() / parses.as_secs_f64()
    );
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
            d.title = d.title.chars().rev().collect::<String>().into();
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

    text_scale();
}

criterion_group!(benches, bench);
criterion_main!(benches);
