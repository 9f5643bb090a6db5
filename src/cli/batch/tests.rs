//! `batch::run` with a parser that misbehaves on purpose (panics, removes
//! files or OUTDIR mid-run): the parse function is the only hook into the
//! middle of a run, so these tests call the runner itself, not the binary.
//! (Moved from tests/batch.rs when the batch walker left the library.)

use std::path::{Path, PathBuf};

/// `fixtures/REL` under the crate root.
fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::copy(fixture(from), to).expect("copy fixture");
}

/// A small order; `k` makes each one different (another sha256).
fn small_order(k: usize) -> String {
    format!(
        "คำสั่งโรงเรียนทดสอบ ที่ {k}/2566\nเรื่อง มอบหมายหน้าที่\n1. นายสมชาย ใจดี ตำแหน่ง ครู\n   1.1 งานสอน {k}\n   1.2 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n"
    )
}

/// `n` small orders under `dir` in 10 folders.
fn small_tree(dir: &Path, n: usize) {
    for k in 0..n {
        let p = dir.join(format!("{:02}/order-{k:04}.txt", k % 10));
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, small_order(k)).expect("write");
    }
}

/// A run on `input` into `out` with `jobs` workers and default options.
fn config(input: PathBuf, out: PathBuf, jobs: usize) -> super::Config {
    super::Config {
        inputs: super::Inputs::Paths(vec![input]),
        outdir: Some(out),
        jsonl: None,
        db: None,
        jobs,
        resume: false,
        unordered: false,
        progress: super::ProgressMode::Off,
        options: kamsang::Options::default(),
        compact: false,
        outline: Default::default(),
    }
}

#[test]
fn jobs_are_capped_at_max_jobs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    small_tree(&t.join("many"), 300);
    let parse =
        |path: &str, bytes: &[u8]| kamsang::parse_bytes(path, bytes).map_err(|e| e.to_string());
    let s = super::run(&config(t.join("many"), t.join("out"), 10_000), &parse).expect("batch runs");
    assert_eq!(s.jobs, super::MAX_JOBS);
    assert_eq!(s.files_seen, 300);
}

#[test]
fn a_panic_in_the_parser_fails_one_file_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("in/a.txt"),
    );
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("in/boom.txt"),
    );
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("in/c.txt"),
    );
    let config = super::Config {
        inputs: super::Inputs::Paths(vec![t.join("in")]),
        outdir: Some(t.join("out")),
        jsonl: None,
        db: None,
        jobs: 2,
        resume: false,
        unordered: false,
        progress: super::ProgressMode::Off,
        options: kamsang::Options::default(),
        compact: false,
        outline: Default::default(),
    };
    let parse = |path: &str, bytes: &[u8]| {
        if path.ends_with("boom.txt") {
            panic!("a deliberate panic: this test checks that a batch survives one");
        }
        kamsang::parse_bytes(path, bytes).map_err(|e| e.to_string())
    };
    let summary = super::run(&config, &parse).expect("batch runs");
    assert_eq!(
        (summary.failed, summary.ok + summary.ok_with_warnings),
        (1, 2)
    );
    let failures = std::fs::read_to_string(t.join("out/failures.jsonl")).expect("failures");
    assert!(failures.contains("boom.txt\",\"error\":\"internal error (please report)\""));
    assert!(t.join("out/a.txt.json").exists() && t.join("out/c.txt.json").exists());
}

#[test]
fn files_removed_or_made_unreadable_during_the_batch_fail_alone() {
    // One worker and sorted order: while a.txt is parsed, the walker has
    // already listed b.txt and c.txt; the parser (the only hook into the middle
    // of a run) deletes b.txt and replaces c.txt by a folder, which root cannot
    // read as a file either.
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    for name in ["a.txt", "b.txt", "c.txt", "d.txt"] {
        copy(
            "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
            &t.join("in").join(name),
        );
    }
    let config = super::Config {
        inputs: super::Inputs::Paths(vec![t.join("in")]),
        outdir: Some(t.join("out")),
        jsonl: None,
        db: None,
        jobs: 1,
        resume: false,
        unordered: false,
        progress: super::ProgressMode::Off,
        options: kamsang::Options::default(),
        compact: false,
        outline: Default::default(),
    };
    let (b, c) = (t.join("in/b.txt"), t.join("in/c.txt"));
    let parse = |path: &str, bytes: &[u8]| {
        if path.ends_with("a.txt") {
            std::fs::remove_file(&b).expect("remove b");
            std::fs::remove_file(&c).expect("remove c");
            std::fs::create_dir(&c).expect("c becomes a folder");
        }
        kamsang::parse_bytes(path, bytes).map_err(|e| e.to_string())
    };
    let summary = super::run(&config, &parse).expect("batch runs");
    assert_eq!(summary.files_seen, 4, "every file counted once");
    assert_eq!(summary.failed, 2);
    assert_eq!(summary.ok + summary.ok_with_warnings, 2);
    let failures = std::fs::read_to_string(t.join("out/failures.jsonl")).expect("failures");
    let lines: Vec<&str> = failures.lines().collect();
    assert_eq!(lines.len(), 2, "{failures}");
    assert!(
        lines[0].ends_with("b.txt\",\"error\":\"cannot read: no such file\"}"),
        "{failures}"
    );
    assert!(
        lines[1].ends_with("c.txt\",\"error\":\"cannot read: is a folder, not a file\"}"),
        "{failures}"
    );
    assert!(t.join("out/a.txt.json").exists() && t.join("out/d.txt.json").exists());
    assert!(!t.join("out/b.txt.json").exists() && !t.join("out/c.txt.json").exists());
}

#[test]
fn an_outdir_removed_during_the_run_is_not_recreated_and_all_is_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    small_tree(&t.join("in"), 30);
    std::fs::write(t.join("in/00/empty.txt"), b"").expect("write");
    let out: PathBuf = t.join("out");
    let config = super::Config {
        inputs: super::Inputs::Paths(vec![t.join("in")]),
        outdir: Some(out.clone()),
        jsonl: None,
        db: None,
        jobs: 1,
        resume: false,
        unordered: false,
        progress: super::ProgressMode::Off,
        options: kamsang::Options::default(),
        compact: false,
        outline: Default::default(),
    };
    let seen = std::sync::atomic::AtomicUsize::new(0);
    let parse = |path: &str, bytes: &[u8]| {
        if seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 5 {
            std::fs::remove_dir_all(&out).expect("remove OUTDIR");
        }
        kamsang::parse_bytes(path, bytes).map_err(|e| e.to_string())
    };
    let s = super::run(&config, &parse).expect("batch runs");
    assert_eq!(s.files_seen, 31);
    assert!(s.not_reached > 0, "{s:?}");
    assert_eq!(
        s.ok + s.ok_with_warnings + s.failed + s.not_reached,
        31,
        "{s:?}"
    );
    let stopped = s.stopped.as_deref().expect("stopped");
    assert!(
        stopped.contains("OUTDIR was removed or replaced"),
        "{stopped}"
    );
    assert!(stopped.contains("summary.json: cannot write"), "{stopped}");
    assert!(!out.exists(), "OUTDIR recreated");
}
