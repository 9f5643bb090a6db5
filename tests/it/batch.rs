//! `kamsang batch` on real trees built in a temp directory from the fixtures:
//! good files, broken ones, links, loops and hidden folders — every file must be
//! accounted for exactly once.

use crate::common;
#[path = "batch/not_orders.rs"]
mod not_orders;
#[path = "batch/safety.rs"]
mod safety;

use std::collections::BTreeSet;
#[cfg(unix)]
use std::io::Write;
#[cfg(unix)]
use std::os::unix::fs::symlink;
use std::path::Path;
#[cfg(unix)]
use std::process::Command;
use std::process::Stdio;

use serde_json::Value;

use common::{copy, fixture, run_in};

/// Bytes that are no format at all (xorshift, so the test is repeatable).
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn summary(out: &Path) -> Value {
    let text = std::fs::read_to_string(out.join("summary.json")).expect("summary.json");
    serde_json::from_str(&text).expect("summary is JSON")
}

fn count(s: &Value, key: &str) -> u64 {
    s[key]
        .as_u64()
        .unwrap_or_else(|| panic!("summary has no {key}: {s}"))
}

/// Every file under `dir` (hidden ones too), relative, sorted; but not the
/// batch's own state folder `.kamsang/` (lock, resume stamps) at the top.
fn all_files(dir: &Path) -> BTreeSet<String> {
    all_files_with_state(dir)
        .into_iter()
        .filter(|f| !f.starts_with(".kamsang/"))
        .collect()
}

/// Every file under `dir`, `.kamsang/` included.
fn all_files_with_state(dir: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("under dir");
                found.insert(rel.to_string_lossy().into_owned());
            }
        }
    }
    found
}

/// [`all_files`], or none while `dir` is not there yet.
fn all_files_if_any(dir: &Path) -> BTreeSet<String> {
    if dir.is_dir() {
        all_files(dir)
    } else {
        BTreeSet::new()
    }
}

/// The files of the tree that convert, relative to `in/`.
#[cfg(unix)]
const GOOD: &[&str] = &[
    "2566/office-a/policy.txt",
    "2566/office-a/policy.docx",
    "2566/office-a/pm.txt",
    "2566/office-b/auto.docx",
    "2566/office-b/ncpo.TXT",
    "2567/lo.docx",
    "2567/sheet.ods",
    "2567/sheet.xlsx",
    "outside/outside.txt",
];

/// The files that must be listed as failed, relative to `in/`.
#[cfg(unix)]
const BROKEN: &[&str] = &[
    "broken/empty.txt",
    "broken/gone.txt",
    "broken/legacy.doc",
    "broken/pipe.txt",
    "broken/random.docx",
    "broken/scan.pdf",
    "broken/truncated.docx",
];

/// Build `T/in` (and `T/extra`, reached through a link): the tree of the tests.
#[cfg(unix)]
fn build_tree(t: &Path) {
    let i = t.join("in");
    copy(
        "parse/phetchaburi1-policy-plan.txt",
        &i.join("2566/office-a/policy.txt"),
    );
    copy(
        "docx/phetchaburi1-typed.docx",
        &i.join("2566/office-a/policy.docx"),
    );
    copy(
        "parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt",
        &i.join("2566/office-a/pm.txt"),
    );
    copy(
        "docx/phetchaburi1-autonum.docx",
        &i.join("2566/office-b/auto.docx"),
    );
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &i.join("2566/office-b/ncpo.TXT"),
    );
    copy(
        "docx/phetchaburi1-libreoffice.docx",
        &i.join("2567/lo.docx"),
    );
    copy(
        "sheet/phetchaburi1-policy-plan.ods",
        &i.join("2567/sheet.ods"),
    );
    copy(
        "sheet/phetchaburi1-policy-plan.xlsx",
        &i.join("2567/sheet.xlsx"),
    );
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("extra/outside.txt"),
    );

    let b = i.join("broken");
    std::fs::create_dir_all(&b).expect("mkdir");
    let docx = std::fs::read(fixture("docx/phetchaburi1-typed.docx")).expect("docx");
    std::fs::write(b.join("truncated.docx"), &docx[..docx.len() / 2]).expect("write");
    std::fs::write(b.join("random.docx"), noise(4096)).expect("write");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(vec![0u8; 504]);
    std::fs::write(b.join("legacy.doc"), ole).expect("write");
    std::fs::write(
        b.join("scan.pdf"),
        b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n",
    )
    .expect("write");
    std::fs::write(b.join("empty.txt"), b"").expect("write");
    symlink("no-such-target.txt", b.join("gone.txt")).expect("symlink");
    let fifo = Command::new("mkfifo")
        .arg(b.join("pipe.txt"))
        .status()
        .expect("mkfifo");
    assert!(fifo.success());

    // A loop, a second path to a file, a hard link, a folder outside the tree.
    symlink("..", i.join("2566/loop")).expect("symlink");
    symlink("../2566/office-a/pm.txt", i.join("2567/again.txt")).expect("symlink");
    std::fs::hard_link(i.join("2566/office-b/ncpo.TXT"), i.join("2567/hard.txt")).expect("link");
    symlink("../extra", i.join("outside")).expect("symlink");

    // Hidden: a folder with an order inside (not entered), a lock file.
    copy(
        "parse/phetchaburi1-policy-plan.txt",
        &i.join(".git/objects/x.txt"),
    );
    std::fs::write(i.join("2567/.~lock.sheet.xlsx#"), b"lock").expect("write");
    // Not taken.
    std::fs::write(i.join("2567/notes.md"), "# notes\n").expect("write");
    std::fs::write(i.join("2567/photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0]).expect("write");
}

fn out_name(rel: &str) -> String {
    format!("{rel}.json")
}

#[test]
// symbolic links, a FIFO and Unix permissions: not on Windows
#[cfg(unix)]
fn every_file_in_the_tree_is_accounted_for_once() {
    if common::unix_binary_only() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    build_tree(t);
    let o = run_in(t, &["batch", "in", "-o", "out", "-j", "2"], None);
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(o.stdout.is_empty());

    let s = summary(&t.join("out"));
    assert_eq!(count(&s, "ok") + count(&s, "ok_with_warnings"), 9, "{s}");
    assert_eq!(count(&s, "failed"), 7, "{s}");
    assert_eq!(count(&s, "skipped"), 2, "{s}");
    assert_eq!(count(&s, "duplicates"), 2, "{s}");
    assert_eq!(count(&s, "resumed"), 0, "{s}");
    assert_eq!(count(&s, "files_seen"), 20, "{s}");
    assert_eq!(count(&s, "hidden"), 2, "{s}");
    assert_eq!(count(&s, "repeated_folders"), 1, "{s}");
    // Five broken files reach the parser; the dangling link and the pipe do not.
    assert_eq!(count(&s, "parsed"), 14, "{s}");
    assert_eq!(s["skipped_extensions"]["md"], 1);
    assert_eq!(s["skipped_extensions"]["jpg"], 1);
    assert_eq!(s["slowest"].as_array().map(Vec::len), Some(5));

    // Exactly the converted files are mirrored, plus the two batch files: no
    // temp file, nothing from the hidden folder, nothing for a failure.
    let mut want: BTreeSet<String> = GOOD.iter().map(|r| out_name(r)).collect();
    want.insert("summary.json".into());
    want.insert("failures.jsonl".into());
    assert_eq!(all_files(&t.join("out")), want);

    // Each output is byte for byte what `kamsang parse` prints for that path.
    for rel in GOOD {
        let path = format!("in/{rel}");
        let parsed = run_in(t, &["parse", &path], None);
        assert_eq!(parsed.status.code(), Some(0), "{rel}");
        let written = std::fs::read(t.join("out").join(out_name(rel))).expect("output");
        assert!(
            written == parsed.stdout,
            "{rel}: batch output differs from parse"
        );
    }

    let failures = std::fs::read_to_string(t.join("out/failures.jsonl")).expect("failures");
    let mut listed = BTreeSet::new();
    for line in failures.lines() {
        let v: Value = serde_json::from_str(line).expect("failure line is JSON");
        let path = v["path"].as_str().expect("path").to_string();
        let error = v["error"].as_str().expect("error").to_string();
        assert!(!error.is_empty() && !error.starts_with("in/"), "{line}");
        // The same failure, one line on stderr.
        assert!(
            err.contains(&format!("kamsang: {path}: {error}\n")),
            "{path} not on stderr"
        );
        assert!(listed.insert(path), "listed twice: {line}");
    }
    let want: BTreeSet<String> = BROKEN.iter().map(|r| format!("in/{r}")).collect();
    assert_eq!(listed, want);
    for (rel, says) in [
        ("pipe.txt", "not a regular file"),
        ("gone.txt", "broken symbolic link"),
        ("legacy.doc", "soffice"),
        ("scan.pdf", "pdftotext"),
        ("empty.txt", "empty input"),
        ("random.docx", "not a Word .docx file"),
        ("truncated.docx", "truncated"),
    ] {
        let line = failures
            .lines()
            .find(|l| l.contains(&format!("in/broken/{rel}\"")))
            .expect("listed");
        assert!(line.contains(says), "{rel}: {line}");
    }
    assert!(err.contains("kamsang: batch: 20 files: "), "{err}");
    assert!(
        err.contains("7 failed, listed in out/failures.jsonl"),
        "{err}"
    );
}

#[test]
fn compact_writes_what_parse_compact_prints_and_resume_notices_the_switch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy("parse/phetchaburi1-policy-plan.txt", &t.join("in/a.txt"));
    copy("docx/phetchaburi1-typed.docx", &t.join("in/b/c.docx"));
    let files = [
        ("in/a.txt", "out/a.txt.json"),
        ("in/b/c.docx", "out/b/c.docx.json"),
    ];
    let pretty = run_in(t, &["batch", "in", "-o", "out"], None);
    assert_eq!(pretty.status.code(), Some(0), "{}", common::stderr(&pretty));
    for (_, out) in files {
        let json = std::fs::read_to_string(t.join(out)).expect("pretty output");
        assert!(json.lines().count() > 1, "{out} is pretty");
    }
    // a pretty output does not stand for a compact run: parsed again
    let compact = run_in(
        t,
        &["batch", "in", "-o", "out", "--compact", "--resume"],
        None,
    );
    assert_eq!(
        compact.status.code(),
        Some(0),
        "{}",
        common::stderr(&compact)
    );
    let s = summary(&t.join("out"));
    assert_eq!((count(&s, "parsed"), count(&s, "resumed")), (2, 0), "{s}");
    for (input, out) in files {
        let json = std::fs::read_to_string(t.join(out)).expect("compact output");
        assert_eq!(
            json,
            // the path as the batch walked to it (`in\a.txt` on Windows)
            format!("{}\n", common::parse_compact(t, &common::native(input))),
            "{out}"
        );
    }
    let again = run_in(
        t,
        &["batch", "in", "-o", "out", "--compact", "--resume"],
        None,
    );
    assert_eq!(again.status.code(), Some(0), "{}", common::stderr(&again));
    let s = summary(&t.join("out"));
    assert_eq!((count(&s, "parsed"), count(&s, "resumed")), (0, 2), "{s}");
}

#[test]
fn outline_mode_writes_what_parse_writes_and_resume_notices_the_switch() {
    // issue 17: batch --outline M writes (and sends as JSON lines) exactly
    // what parse --outline M prints; a run in another mode parses again
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy("parse/phetchaburi1-policy-plan.txt", &t.join("in/a.txt"));
    copy("docx/phetchaburi1-typed.docx", &t.join("in/b/c.docx"));
    let files = [
        ("in/a.txt", "out/a.txt.json"),
        ("in/b/c.docx", "out/b/c.docx.json"),
    ];
    let parse = |mode: &str, path: &str| {
        let o = common::kamsang_in(t, &["parse", "--compact", "--outline", mode, path]);
        assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
        String::from_utf8(o.stdout).expect("utf-8")
    };
    // (each run its own JSON-lines file: under Wine a second batch could not
    // write over the first one's, `permission denied`; not yet understood)
    let run = |mode: &str, resume: bool, jsonl: &str| {
        let mut args = vec!["batch", "in", "-o", "out", "--compact", "--jsonl", jsonl];
        args.extend(["--outline", mode]);
        if resume {
            args.push("--resume");
        }
        let o = run_in(t, &args, None);
        assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
        let s = summary(&t.join("out"));
        (count(&s, "parsed"), count(&s, "resumed"))
    };
    for (mode, resume, want) in [
        ("ids", false, (2, 0)),
        ("ids", true, (0, 2)),
        ("none", true, (2, 0)),
    ] {
        let jsonl_name = format!("all-{mode}-{resume}.jsonl");
        assert_eq!(
            run(mode, resume, &jsonl_name),
            want,
            "--outline {mode}, resume {resume}"
        );
        let mut lines = String::new();
        for (input, out) in files {
            let written = std::fs::read_to_string(t.join(out)).expect("output");
            let printed = parse(mode, &common::native(input));
            assert_eq!(written, printed, "{out} --outline {mode}");
            lines.push_str(&printed);
        }
        let jsonl = std::fs::read_to_string(t.join(&jsonl_name)).expect("jsonl");
        assert_eq!(jsonl, lines, "--outline {mode}, resume {resume}");
    }
    let none: Value =
        serde_json::from_str(&std::fs::read_to_string(t.join("out/a.txt.json")).expect("json"))
            .expect("JSON");
    assert_eq!(none["outline"], serde_json::json!([]));
}

#[test]
// symbolic links, a FIFO and Unix permissions: not on Windows
#[cfg(unix)]
fn resume_does_no_parsing_work_and_notices_changes() {
    if common::unix_binary_only() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    build_tree(t);
    std::fs::remove_dir_all(t.join("in/broken")).expect("rm broken");
    let first = run_in(t, &["batch", "in", "-o", "out"], None);
    assert_eq!(first.status.code(), Some(0), "{}", common::stderr(&first));
    let before: Vec<(Vec<u8>, std::time::SystemTime)> = GOOD
        .iter()
        .map(|r| {
            let p = t.join("out").join(out_name(r));
            let m = std::fs::metadata(&p)
                .expect("meta")
                .modified()
                .expect("mtime");
            (std::fs::read(&p).expect("read"), m)
        })
        .collect();

    let again = run_in(t, &["batch", "in", "-o", "out", "--resume"], None);
    assert_eq!(again.status.code(), Some(0), "{}", common::stderr(&again));
    let s = summary(&t.join("out"));
    assert_eq!((count(&s, "parsed"), count(&s, "resumed")), (0, 9), "{s}");
    assert_eq!(count(&s, "files_seen"), 13, "{s}");
    for (r, (bytes, mtime)) in GOOD.iter().zip(&before) {
        let p = t.join("out").join(out_name(r));
        assert!(&std::fs::read(&p).expect("read") == bytes, "{r} changed");
        let m = std::fs::metadata(&p)
            .expect("meta")
            .modified()
            .expect("mtime");
        assert_eq!(&m, mtime, "{r} was rewritten");
    }

    // A changed input (new sha256) and an input newer than its output are parsed.
    let pm = t.join("in/2566/office-a/pm.txt");
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&pm)
        .expect("open");
    f.write_all("\nเพิ่มเติม\n".as_bytes()).expect("append");
    drop(f);
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(t.join("in/2567/lo.docx"))
        .and_then(|f| f.set_modified(later))
        .expect("set mtime");
    let third = run_in(t, &["batch", "in", "-o", "out", "--resume"], None);
    assert_eq!(third.status.code(), Some(0), "{}", common::stderr(&third));
    let s = summary(&t.join("out"));
    assert_eq!((count(&s, "parsed"), count(&s, "resumed")), (2, 7), "{s}");
    let fresh = run_in(t, &["parse", "in/2566/office-a/pm.txt"], None);
    let written = std::fs::read(t.join("out/2566/office-a/pm.txt.json")).expect("pm");
    assert!(
        written == fresh.stdout,
        "pm.txt output is not the new parse"
    );
}

#[test]
fn an_input_that_breaks_loses_its_old_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy("docx/phetchaburi1-typed.docx", &t.join("in/a.docx"));
    copy("parse/phetchaburi1-policy-plan.txt", &t.join("in/b.txt"));
    let o = run_in(t, &["batch", "in", "-o", "out"], None);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(t.join("out/a.docx.json").exists());
    std::fs::write(t.join("in/a.docx"), noise(100)).expect("break it");
    let o = run_in(t, &["batch", "in", "-o", "out", "--resume"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(!t.join("out/a.docx.json").exists(), "stale output kept");
    let failures = std::fs::read_to_string(t.join("out/failures.jsonl")).expect("failures");
    assert_eq!(failures.lines().count(), 1);
    let path = serde_json::to_string(&common::native("in/a.docx")).expect("json");
    assert!(failures.contains(&format!("\"path\":{path}")), "{failures}");
    let s = summary(&t.join("out"));
    assert_eq!((count(&s, "resumed"), count(&s, "failed")), (1, 1), "{s}");
}

#[test]
fn a_killed_run_leaves_only_whole_json_and_resume_finishes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let text = std::fs::read(fixture("parse/phetchaburi1-policy-plan.txt")).expect("fixture");
    let n = 300;
    for k in 0..n {
        let p = t.join(format!("in/{:02}/order-{k:03}.txt", k % 10));
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, &text).expect("write");
    }
    let mut child = common::kamsang_bin()
        .args(["batch", "in", "-o", "out", "-j", "1", "--progress", "none"])
        .current_dir(t)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Kill it once it has written a few outputs (or when it is done anyway).
    let mut written = 0;
    for _ in 0..6000 {
        written = all_files_if_any(&t.join("out"))
            .iter()
            .filter(|f| f.ends_with(".txt.json"))
            .count();
        if written >= 10 || child.try_wait().expect("try_wait").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert!(written >= 10, "no output before the kill");

    let sha = common::root().join("fixtures/parse/phetchaburi1-policy-plan.json");
    let golden: Value = serde_json::from_slice(&std::fs::read(sha).expect("golden")).expect("json");
    let mut whole = 0;
    for f in all_files(&t.join("out")) {
        let name = f.rsplit('/').next().expect("name");
        if name.starts_with('.') {
            assert!(name.ends_with(".tmp"), "unexpected hidden file {f}");
            continue; // a write cut short: hidden, never mistaken for output
        }
        if f == "failures.jsonl" {
            continue;
        }
        let text = std::fs::read(t.join("out").join(&f)).expect("read");
        let v: Value = serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(v["source"]["sha256"], golden["source"]["sha256"], "{f}");
        assert_eq!(v["people"], golden["people"], "{f}");
        assert!(text.ends_with(b"}\n"));
        whole += 1;
    }
    assert!(whole >= 10);

    let o = run_in(
        t,
        &["batch", "in", "-o", "out", "--resume", "-j", "2"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let s = summary(&t.join("out"));
    // every whole output is resumed, but the one (a single worker) the kill
    // may have caught between writing it and writing its resume stamp
    assert!(count(&s, "resumed") + 1 >= whole as u64, "{s}");
    assert_eq!(count(&s, "resumed") + count(&s, "parsed"), n, "{s}");
    let outputs = all_files(&t.join("out"))
        .iter()
        .filter(|f| f.ends_with(".txt.json") && !f.contains("/."))
        .count();
    assert_eq!(outputs as u64, n);
}

use common::parse_compact as compact;

#[test]
fn jsonl_file_with_outdir_and_resume_gives_the_same_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy("docx/phetchaburi1-typed.docx", &t.join("in/a.docx"));
    copy(
        "sheet/phetchaburi1-policy-plan.xlsx",
        &t.join("in/b/c.xlsx"),
    );
    std::fs::write(t.join("in/bad.txt"), b"").expect("write");
    let args = ["batch", "in", "-o", "out", "--jsonl", "all.jsonl"];
    let o = run_in(t, &args, None);
    assert_eq!(o.status.code(), Some(1));
    let first = std::fs::read_to_string(t.join("all.jsonl")).expect("jsonl");
    let want = format!(
        "{}\n{}\n{{\"path\":{},\"error\":\"empty input: no text to parse\"}}\n",
        compact(t, &common::native("in/a.docx")),
        compact(t, &common::native("in/b/c.xlsx")),
        serde_json::to_string(&common::native("in/bad.txt")).expect("json"),
    );
    assert_eq!(first, want);
    let o = run_in(t, &[&args[..], &["--resume"]].concat(), None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(t.join("all.jsonl")).expect("jsonl"),
        want
    );
    let s = summary(&t.join("out"));
    assert_eq!((count(&s, "parsed"), count(&s, "resumed")), (1, 2), "{s}");
}

#[test]
fn several_inputs_are_mirrored_under_their_own_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("2566/x.txt"),
    );
    copy(
        "docx/phetchaburi1-typed.docx",
        &t.join("archive/2567/x.docx"),
    );
    copy("sheet/phetchaburi1-policy-plan.ods", &t.join("loose.ods"));
    let o = run_in(
        t,
        &["batch", "2566", "archive/2567", "loose.ods", "-o", "out"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let want: BTreeSet<String> = [
        "2566/x.txt.json",
        "2567/x.docx.json",
        "loose.ods.json",
        "summary.json",
        "failures.jsonl",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(all_files(&t.join("out")), want);
    let v: Value =
        serde_json::from_slice(&std::fs::read(t.join("out/2567/x.docx.json")).expect("read"))
            .expect("json");
    // the folder as given, the name joined to it
    assert_eq!(
        v["source"]["path"],
        format!("archive/2567{}", common::native("/x.docx"))
    );
}

#[test]
fn impossible_layouts_are_usage_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("a/2566/x.txt"),
    );
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("b/2566/x.txt"),
    );
    for (args, says) in [
        (
            &["batch", "a", "-o", "a/json"][..],
            "inside the input folder",
        ),
        (
            &["batch", "a/2566", "-o", "."][..],
            "contains the input folder",
        ),
        (&["batch", "a", "a/2566", "-o", "out"][..], "overlap"),
        (
            &["batch", "a/2566", "b/2566", "-o", "out"][..],
            "both be mirrored",
        ),
        (
            &["batch", "a", "-o", "out", "--jsonl", "a/all.jsonl"][..],
            "inside an input folder",
        ),
        (&["batch", "-", "-o", "out"][..], "JSON lines only"),
        (&["batch", "a"][..], "needs -o OUTDIR"),
        (
            &["batch", "a", "--jsonl", "-", "--resume"][..],
            "--resume needs -o",
        ),
        (&["batch", "a", "-o", "out", "-j", "0"][..], "-j"),
    ] {
        let o = run_in(t, args, Some(b""));
        let err = common::stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(
            err.starts_with("kamsang: ") || err.starts_with("error: "),
            "{err}"
        );
    }
    assert!(!t.join("a/json").exists() && !t.join("out").exists());
    // A hidden OUTDIR inside the input is never walked: allowed.
    let o = run_in(t, &["batch", "a", "-o", "a/.json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(t.join("a/.json/2566/x.txt.json").exists());
    let again = run_in(t, &["batch", "a", "-o", "a/.json"], None);
    assert_eq!(count(&summary(&t.join("a/.json")), "files_seen"), 1);
    assert_eq!(again.status.code(), Some(0));
}

#[test]
#[cfg(unix)]
fn a_file_without_read_permission_fails_alone() {
    let uid = Command::new("id").arg("-u").output().expect("id -u");
    if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        eprintln!("skipped: running as root, chmod 000 does not stop root from reading");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("in/ok.txt"),
    );
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("in/secret.txt"),
    );
    std::fs::set_permissions(
        t.join("in/secret.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .expect("chmod");
    let o = run_in(t, &["batch", "in", "-o", "out"], None);
    assert_eq!(o.status.code(), Some(1));
    let failures = std::fs::read_to_string(t.join("out/failures.jsonl")).expect("failures");
    assert_eq!(
        failures,
        "{\"path\":\"in/secret.txt\",\"error\":\"cannot read: permission denied\"}\n"
    );
    assert!(t.join("out/ok.txt.json").exists());
}

#[test]
fn six_hundred_files_with_broken_ones_mixed_in_are_all_accounted_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let docx = std::fs::read(fixture("docx/phetchaburi1-typed.docx")).expect("docx");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(vec![0u8; 504]);
    let good_sources = [
        "docx/phetchaburi1-typed.docx",
        "docx/phetchaburi1-autonum.docx",
        "docx/phetchaburi1-libreoffice.docx",
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        "parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt",
        "sheet/phetchaburi1-policy-plan.xlsx",
        "sheet/phetchaburi1-policy-plan.ods",
    ];
    let (mut good, mut broken, mut skipped) = (Vec::new(), BTreeSet::new(), 0);
    for i in 0..600usize {
        let folder = format!("in/{}/office-{:02}", 2560 + i % 5, i % 12);
        std::fs::create_dir_all(t.join(&folder)).expect("mkdir");
        match i % 20 {
            // One in twenty is broken, five kinds in turn.
            0 => {
                let (name, bytes): (&str, Vec<u8>) = match i / 20 % 5 {
                    0 => ("truncated.docx", docx[..docx.len() / 3].to_vec()),
                    1 => ("random.docx", noise(2048 + i)),
                    2 => ("legacy.doc", ole.clone()),
                    3 => ("scan.pdf", b"%PDF-1.4\n".to_vec()),
                    _ => ("empty.txt", Vec::new()),
                };
                let rel = format!("{folder}/{i:03}-{name}");
                std::fs::write(t.join(&rel), bytes).expect("write");
                broken.insert(rel);
            }
            19 => {
                std::fs::write(t.join(format!("{folder}/{i:03}.md")), "notes").expect("write");
                skipped += 1;
            }
            k => {
                let from = good_sources[k % good_sources.len()];
                let ext = from.rsplit('.').next().expect("ext");
                let rel = format!("{folder}/{i:03}.{ext}");
                copy(from, &t.join(&rel));
                good.push(rel);
            }
        }
    }
    assert_eq!((good.len(), broken.len(), skipped), (540, 30, 30));

    let o = run_in(t, &["batch", "in", "-o", "out", "-j", "2"], None);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let s = summary(&t.join("out"));
    assert_eq!(count(&s, "files_seen"), 600, "{s}");
    assert_eq!(count(&s, "ok") + count(&s, "ok_with_warnings"), 540, "{s}");
    assert_eq!((count(&s, "failed"), count(&s, "skipped")), (30, 30), "{s}");

    // Every good file has its output (for its own path), every broken one a
    // single failure line, and nothing else is in OUTDIR.
    let mut want: BTreeSet<String> = good
        .iter()
        .map(|rel| out_name(rel.strip_prefix("in/").expect("in/")))
        .collect();
    want.insert("summary.json".into());
    want.insert("failures.jsonl".into());
    assert_eq!(all_files(&t.join("out")), want);
    for rel in good.iter().step_by(37) {
        let out = t
            .join("out")
            .join(out_name(rel.strip_prefix("in/").expect("in/")));
        let v: Value = serde_json::from_slice(&std::fs::read(out).expect("read")).expect("json");
        assert_eq!(v["source"]["path"], common::native(rel));
    }
    let failures = std::fs::read_to_string(t.join("out/failures.jsonl")).expect("failures");
    let listed: Vec<String> = failures
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json");
            v["path"].as_str().expect("path").to_string()
        })
        .collect();
    assert_eq!(listed.len(), 30);
    let broken: BTreeSet<String> = broken.iter().map(|p| common::native(p)).collect();
    assert_eq!(listed.into_iter().collect::<BTreeSet<_>>(), broken);

    // A second run with --resume parses only the broken files again.
    let o = run_in(
        t,
        &["batch", "in", "-o", "out", "-j", "2", "--resume"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let s = summary(&t.join("out"));
    assert_eq!(
        (count(&s, "resumed"), count(&s, "parsed")),
        (540, 30),
        "{s}"
    );
}

#[test]
fn the_file_size_limit_refuses_before_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy("parse/phetchaburi1-policy-plan.txt", &t.join("in/big.txt"));
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("in/small.txt"),
    );
    let o = run_in(
        t,
        &["batch", "in", "-o", "out", "--max-file-size", "30K"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with(&format!("kamsang: {}: input is 68844 bytes, past the limit of 30 KiB for one file (raise it with --max-file-size)\n", common::native("in/big.txt"))),
        "{err}"
    );
    let s = summary(&t.join("out"));
    assert_eq!((count(&s, "failed"), count(&s, "parsed")), (1, 1));
    assert!(t.join("out/small.txt.json").exists());
}
