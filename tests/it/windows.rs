//! The Windows binary (`x86_64-pc-windows-gnu`) under Wine: the CLI's
//! essential cases give what the Linux binary gives, byte for byte where the
//! output holds no path the two systems spell differently.
//!
//! Runs when the release `kamsang.exe` (`KAMSANG_WINDOWS_BIN`, or
//! `target/x86_64-pc-windows-gnu/release/kamsang.exe`) and Wine are there;
//! otherwise each test skips with its reason, unless `KAMSANG_REQUIRE_WINE` is
//! set (as `.ci/run` does after building it and installing Wine). The rest of
//! the CLI's tests run on it too, in a step of their own (`.ci/run`, with
//! `KAMSANG_TEST_EXE` and `KAMSANG_TEST_RUNNER`: tests/common/under_test.rs);
//! the last test here checks and prints the list of those that cannot.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::REFERENCE as ORDER;
const GOLDEN: &str = "fixtures/parse/phetchaburi1-policy-plan.json";

/// The Windows binary under test.
fn exe() -> PathBuf {
    std::env::var_os("KAMSANG_WINDOWS_BIN").map_or_else(
        || common::root().join("target/x86_64-pc-windows-gnu/release/kamsang.exe"),
        |p| common::root().join(p),
    )
}

fn on_path(program: &str) -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path).any(|d| d.join(program).is_file())
}

/// `None` (after printing why) when the test must skip.
fn setup() -> Option<PathBuf> {
    let (exe, wine) = (exe(), common::find_wine());
    let available = exe.is_file() && wine.is_some() && on_path(common::MINGW_GCC);
    let reason = format!(
        "needs Wine, {} and the Windows build at {} (cargo build --release --target x86_64-pc-windows-gnu)",
        common::MINGW_GCC,
        exe.display()
    );
    if common::skip_without(available, "KAMSANG_REQUIRE_WINE", &reason) {
        return None;
    }
    common::boot_wine(wine.as_deref()?);
    wine
}

/// Run the Windows binary in `dir`.
fn win(wine: &Path, dir: &Path, args: &[&str]) -> Output {
    common::wine_command(wine, &exe())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run kamsang.exe under wine")
}

/// Run the Linux binary (the one cargo built, whatever the binary under
/// test is) in `dir`: what the Windows one must match.
fn linux(dir: &Path, args: &[&str]) -> Output {
    Command::new(common::cargo_bin())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run kamsang")
}

/// Same exit code, stdout and stderr.
fn assert_same(what: &str, windows: &Output, linux: &Output) {
    assert_eq!(
        common::stderr(windows),
        common::stderr(linux),
        "{what}: stderr"
    );
    assert_eq!(windows.status.code(), linux.status.code(), "{what}: exit");
    assert!(
        windows.stdout == linux.stdout,
        "{what}: stdout differs\n--- windows\n{}\n--- linux\n{}",
        String::from_utf8_lossy(&windows.stdout),
        String::from_utf8_lossy(&linux.stdout)
    );
}

#[test]
fn parse_gives_the_golden_json_byte_for_byte() {
    let Some(wine) = setup() else { return };
    let root = common::root();
    let golden = std::fs::read(root.join(GOLDEN)).expect("golden");
    let o = win(&wine, &root, &["parse", ORDER]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(o.stderr.is_empty(), "{}", common::stderr(&o));
    assert!(
        o.stdout == golden,
        "parse on Windows differs from {GOLDEN}:\n{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // -o writes the same bytes (atomically, through a rename on Windows)
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.json");
    let o = win(
        &wine,
        &root,
        &["parse", ORDER, "-o", out.to_str().expect("utf-8")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(std::fs::read(&out).expect("out.json") == golden);
    // and again over the file now there
    let o = win(
        &wine,
        &root,
        &["parse", ORDER, "-o", out.to_str().expect("utf-8")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(std::fs::read(&out).expect("out.json") == golden);
}

#[test]
fn check_normalize_and_diff_match_linux() {
    let Some(wine) = setup() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let text = std::fs::read_to_string(common::root().join(ORDER)).expect("order");
    std::fs::write(t.join("เก่า.txt"), &text).expect("write");
    std::fs::write(
        t.join("ใหม่.txt"),
        text.replacen("ฐิติการ", "ฐิติพร", 1)
            .replacen("พนักงานธุรการ", "เจ้าพนักงานธุรการ", 1),
    )
    .expect("write");
    // TIS-620 bytes, so the decoding path runs too
    let (tis, _, _) = encoding_rs::WINDOWS_874.encode(&text);
    std::fs::write(t.join("tis.txt"), &tis).expect("write");
    for args in [
        &["check", "เก่า.txt", "tis.txt"][..],
        &["check", "--strict", "ใหม่.txt"][..],
        &["normalize", "tis.txt"][..],
        &["normalize", "--encoding", "windows-874", "tis.txt"][..],
        &["diff", "เก่า.txt", "ใหม่.txt"][..],
        &["diff", "--format", "json", "เก่า.txt", "ใหม่.txt"][..],
        &["diff", "--format", "html", "เก่า.txt", "ใหม่.txt"][..],
        &["diff", "--exit-code", "เก่า.txt", "ใหม่.txt"][..],
        &["diff", "--exit-code", "เก่า.txt", "เก่า.txt"][..],
    ] {
        assert_same(&args.join(" "), &win(&wine, t, args), &linux(t, args));
    }
}

#[test]
fn render_txt_and_docx_match_linux() {
    let Some(wine) = setup() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    std::fs::copy(common::root().join(ORDER), t.join("คำสั่ง.txt")).expect("copy");
    for (to, numbering) in [("txt", "typed"), ("docx", "typed"), ("docx", "auto")] {
        let (w, l) = (format!("w.{numbering}.{to}"), format!("l.{numbering}.{to}"));
        let args = |out: &str| {
            [
                "render",
                "คำสั่ง.txt",
                "--to",
                to,
                "--numbering",
                numbering,
                "-o",
                out,
            ]
            .map(str::to_string)
        };
        let (wa, la) = (args(&w), args(&l));
        let ow = win(&wine, t, &wa.each_ref().map(String::as_str));
        let ol = linux(t, &la.each_ref().map(String::as_str));
        assert_eq!(ow.status.code(), Some(0), "{to}: {}", common::stderr(&ow));
        assert_eq!(ol.status.code(), Some(0), "{to}: {}", common::stderr(&ol));
        let (bw, bl) = (
            std::fs::read(t.join(&w)).expect("windows output"),
            std::fs::read(t.join(&l)).expect("linux output"),
        );
        let what = format!("render --to {to} --numbering {numbering}");
        if to == "txt" {
            assert!(!bw.is_empty() && bw == bl, "{what} differs");
        } else {
            // the zip's "made by" byte names the system (DOS or Unix): the
            // parts inside must be the same bytes
            assert_eq!(parts(&bw), parts(&bl), "{what} differs");
        }
    }
}

/// Every part of a zip: its name and bytes, in order.
fn parts(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).expect("part");
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut part, &mut bytes).expect("inflate");
            (part.name().expect("part name").to_string(), bytes)
        })
        .collect()
}

/// A small tree with Thai folder and file names, a hard link (one file
/// reached twice) and a file batch does not take.
fn tree(t: &Path) {
    let text = std::fs::read(common::root().join(ORDER)).expect("order");
    std::fs::create_dir_all(t.join("in/ปี 2566")).expect("mkdir");
    std::fs::write(t.join("in/ปี 2566/คำสั่งที่ 1.txt"), &text).expect("write");
    std::fs::write(t.join("in/a.txt"), &text).expect("write");
    std::fs::hard_link(t.join("in/a.txt"), t.join("in/b-hardlink.txt")).expect("link");
    std::fs::write(t.join("in/notes.md"), b"not an order").expect("write");
    std::fs::write(t.join("in/empty.txt"), b"").expect("write");
}

/// `value` with every `source.path` (and `path` of a failure) spelled with
/// `/`: the one place Windows writes `\`, as the walk joined the names.
fn slashes(mut value: serde_json::Value) -> serde_json::Value {
    if let Some(p) = value.pointer_mut("/source/path")
        && let Some(s) = p.as_str()
    {
        *p = serde_json::Value::String(s.replace('\\', "/"));
    }
    if let Some(p) = value.get_mut("path")
        && let Some(s) = p.as_str()
    {
        *p = serde_json::Value::String(s.replace('\\', "/"));
    }
    value
}

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn batch_over_a_tree_with_thai_names_matches_linux() {
    let Some(wine) = setup() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    tree(t);
    let args = |out: &'static str| ["batch", "in", "-o", out, "-j", "2", "--progress", "plain"];
    let ow = win(&wine, t, &args("out-w"));
    let ol = linux(t, &args("out-l"));
    assert_eq!(
        ow.status.code(),
        Some(1),
        "empty.txt fails: {}",
        common::stderr(&ow)
    );
    assert_eq!(ol.status.code(), Some(1), "{}", common::stderr(&ol));
    let err = common::stderr(&ow);
    assert!(
        err.contains("1 failed") && err.contains("1 duplicates"),
        "the hard link is one file on Windows too:\n{err}"
    );
    for rel in ["ปี 2566/คำสั่งที่ 1.txt.json", "a.txt.json"] {
        assert_eq!(
            slashes(json(&t.join("out-w").join(rel))),
            slashes(json(&t.join("out-l").join(rel))),
            "{rel}"
        );
    }
    let links = ["a.txt.json", "b-hardlink.txt.json"];
    for out in ["out-w", "out-l"] {
        let made: Vec<bool> = links.iter().map(|l| t.join(out).join(l).exists()).collect();
        assert_eq!(made.iter().filter(|m| **m).count(), 1, "{out}: {made:?}");
    }
    let failures = |out: &str| -> Vec<serde_json::Value> {
        std::fs::read_to_string(t.join(out).join("failures.jsonl"))
            .expect("failures.jsonl")
            .lines()
            .map(|l| slashes(serde_json::from_str(l).expect("JSON line")))
            .collect()
    };
    assert_eq!(failures("out-w"), failures("out-l"));
    let summary = |out: &str| {
        let mut s = json(&t.join(out).join("summary.json"));
        // times and the job count are the machine's; the counts must agree
        if let Some(o) = s.as_object_mut() {
            o.retain(|k, v| (v.is_u64() && k != "jobs") || k == "skipped_extensions");
        }
        s
    };
    assert_eq!(summary("out-w"), summary("out-l"));
    // JSON lines to stdout, ordered: the same documents
    let jl = ["batch", "in", "--jsonl", "-", "--progress", "none"];
    let (ow, ol) = (win(&wine, t, &jl), linux(t, &jl));
    let lines = |o: &Output| -> Vec<serde_json::Value> {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .map(|l| slashes(serde_json::from_str(l).expect("JSON line")))
            .collect()
    };
    assert_eq!(
        ow.status.code(),
        ol.status.code(),
        "{}",
        common::stderr(&ow)
    );
    let (lw, ll) = (lines(&ow), lines(&ol));
    assert!(lw.len() >= 2, "{}", common::stderr(&ow));
    assert_eq!(lw, ll);
}

#[test]
fn errors_and_exit_codes_match_linux() {
    let Some(wine) = setup() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    std::fs::create_dir(t.join("โฟลเดอร์")).expect("mkdir");
    std::fs::write(t.join("ว่าง.txt"), b"").expect("write");
    std::fs::write(t.join("bin.txt"), b"\x00\x01\x02\x03binary\x00").expect("write");
    std::fs::copy(common::root().join(ORDER), t.join("x.txt")).expect("copy");
    for args in [
        &["parse", "ไม่มี.txt"][..],
        &["parse", "ว่าง.txt"][..],
        &["parse", "bin.txt"][..],
        &["parse", "โฟลเดอร์"][..],
        &["parse", "x.txt", "-o", "x.txt"][..],
        &["parse", "x.txt", "--encoding", "latin1"][..],
        &["parse"][..],
        &["frobnicate"][..],
        &["check", "ไม่มี.txt", "x.txt"][..],
        &["batch", "ไม่มี", "-o", "out"][..],
    ] {
        let (w, l) = (win(&wine, t, args), linux(t, args));
        assert_eq!(w.status.code(), l.status.code(), "{args:?}: exit");
        assert!(matches!(w.status.code(), Some(1 | 2)), "{args:?}");
        // clap names the program as it was run (kamsang.exe); the rest is ours
        let (ew, el) = (common::stderr(&w), common::stderr(&l));
        assert_eq!(ew.replace("kamsang.exe", "kamsang"), el, "{args:?}: stderr");
        assert!(w.stdout == l.stdout, "{args:?}: stdout");
    }
    assert!(
        !t.join("out").exists(),
        "a batch usage error creates nothing"
    );
}

#[test]
fn completions_man_and_version_match_linux() {
    let Some(wine) = setup() else { return };
    let t = common::root();
    for args in [
        &["--version"][..],
        &["schema"][..],
        &["completions", "powershell"][..],
        &["man"][..],
    ] {
        let (w, l) = (win(&wine, &t, args), linux(&t, args));
        assert_eq!(w.status.code(), Some(0), "{args:?}: {}", common::stderr(&w));
        assert!(
            String::from_utf8_lossy(&w.stdout).replace("kamsang.exe", "kamsang")
                == String::from_utf8_lossy(&l.stdout),
            "{args:?}: stdout differs"
        );
    }
}

/// The CLI tests that do not run whole on the Windows binary under Wine
/// (`common::UNIX_BINARY_ONLY`) are tests that say so: each name is a test
/// in the file its module path names and calls `common::unix_binary_only()`,
/// and no other test calls it. Printed, so CI's log lists them.
#[test]
fn the_tests_wine_cannot_run_are_listed_exactly() {
    let it = common::root().join("tests/it");
    let mut calls = 0;
    for (name, reason) in common::UNIX_BINARY_ONLY {
        eprintln!("not under Wine: {name}: {reason}");
        let (module, test) = name.rsplit_once("::").expect("module::test");
        let file = it.join(format!("{}.rs", module.replace("::", "/")));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{name}: {}: {e}", file.display()));
        let at = text
            .find(&format!("\nfn {test}()"))
            .unwrap_or_else(|| panic!("{name}: no fn {test} in {}", file.display()));
        let body = &text[at + 1..];
        let body = &body[..body.find("\n}\n").expect("end of the test")];
        assert!(
            body.contains("common::unix_binary_only()"),
            "{name} does not call common::unix_binary_only()"
        );
        calls += 1;
    }
    let mut called = 0;
    let mut todo = vec![it];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).expect("tests/it") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("windows.rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                called += text.matches("common::unix_binary_only()").count();
            }
        }
    }
    assert_eq!(called, calls, "a test calls unix_binary_only() unlisted");
}
