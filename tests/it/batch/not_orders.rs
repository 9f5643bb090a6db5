//! Files that are not orders, by their name: Word's lock file `~$x.docx` on a
//! shared drive (a small binary owner record, not a zip), `Thumbs.db`,
//! `desktop.ini`, `.DS_Store` and AppleDouble `._x.docx` are skipped by
//! name and counted as such: never failures, never "ok" orders, no output.
//! `batch -` applies the same rule to paths from stdin, where each still
//! gets its line (`{"path":…,"skipped":…}`).

use super::{all_files, count, summary};
use crate::common::{self, copy, run_in};

use serde_json::Value;

/// What Word writes as `~$name.docx` while the document is open: the user's
/// name in a fixed 162-byte record (here with a zip-like start, so a reader
/// sniffing bytes would take it for a broken .docx).
fn lock_file() -> Vec<u8> {
    let mut b = b"PK\x03\x04".to_vec();
    b.extend_from_slice(b"\x07somchai");
    b.resize(162, 0);
    b
}

/// `T/in`: one order, each kind of non-order beside it, and a folder whose
/// name starts like a lock file (a folder is entered whatever its name).
fn tree(t: &std::path::Path) {
    let i = t.join("in");
    copy("docx/phetchaburi1-typed.docx", &i.join("share/คำสั่ง.docx"));
    copy(
        "parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt",
        &i.join("~$folder/pm.txt"),
    );
    let put = |rel: &str, bytes: &[u8]| std::fs::write(i.join(rel), bytes).expect("write");
    put("share/~$คำสั่ง.docx", &lock_file());
    put("share/~$ble.xlsx", &lock_file());
    put("share/Thumbs.db", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1thumbs");
    put("share/desktop.ini", b"[.ShellClassInfo]\r\n");
    put("share/.DS_Store", b"\0\0\0\x01Bud1");
    put("share/._คำสั่ง.docx", b"\0\x05\x16\x07\0\x02\0\0Mac OS X");
}

#[test]
fn lock_files_and_desktop_litter_are_skipped_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    tree(t);
    let o = run_in(t, &["batch", "in", "-o", "out"], None);
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let s = summary(&t.join("out"));
    assert_eq!(count(&s, "failed"), 0, "{s}");
    assert_eq!(count(&s, "ok") + count(&s, "ok_with_warnings"), 2, "{s}");
    assert_eq!(count(&s, "skipped"), 6, "{s}");
    assert_eq!(count(&s, "hidden"), 0, "{s}");
    assert_eq!(count(&s, "files_seen"), 8, "{s}");
    let names = &s["skipped_names"];
    assert_eq!(names["office lock file (~$…)"], 2, "{s}");
    for one in [
        "Thumbs.db",
        "desktop.ini",
        ".DS_Store",
        "AppleDouble file (._…)",
    ] {
        assert_eq!(names[one], 1, "{one}: {s}");
    }
    assert!(err.contains("not orders, skipped by name: "), "{err}");
    let failures = std::fs::read_to_string(t.join("out/failures.jsonl")).expect("failures");
    assert!(failures.is_empty(), "{failures}");
    let want: std::collections::BTreeSet<String> = [
        "share/คำสั่ง.docx.json",
        "~$folder/pm.txt.json",
        "summary.json",
        "failures.jsonl",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    assert_eq!(all_files(&t.join("out")), want);
}

#[test]
fn paths_from_stdin_follow_the_same_rule_one_line_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    tree(t);
    let paths = [
        "in/share/~$คำสั่ง.docx",
        "in/share/คำสั่ง.docx",
        "in/share/Thumbs.db",
        "in/share/._คำสั่ง.docx",
        "in/share/desktop.ini",
    ];
    let stdin = paths.join("\n") + "\n";
    let o = run_in(
        t,
        &["batch", "-", "--jsonl", "-", "-j", "2"],
        Some(stdin.as_bytes()),
    );
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let lines: Vec<Value> = common::stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), paths.len(), "{err}");
    for (path, line) in paths.iter().zip(&lines) {
        if *path == "in/share/คำสั่ง.docx" {
            assert!(line.get("schema_version").is_some(), "{line}");
            assert_eq!(line["people"].as_array().map(Vec::len), Some(7));
        } else {
            assert_eq!(line["path"], *path, "{line}");
            assert!(line["skipped"].is_string(), "{line}");
            assert!(line.get("error").is_none(), "{line}");
        }
    }
    assert!(err.contains("0 failed, 4 skipped"), "{err}");
}
