//! The real binary, run on fixtures and on a temp directory.

mod common;

use std::process::{Command, Output, Stdio};

fn kamsang(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kamsang"))
        .args(args)
        .current_dir(common::root())
        .output()
        .expect("run kamsang")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const REFERENCE: &str = "fixtures/parse/phetchaburi1-policy-plan.txt";

#[test]
fn parse_prints_the_golden_json() {
    let o = kamsang(&["parse", REFERENCE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let want = std::fs::read(common::root().join("fixtures/parse/phetchaburi1-policy-plan.json"))
        .expect("golden");
    assert!(o.stdout == want, "stdout differs from the golden JSON");
    assert!(o.stderr.is_empty());
}

#[test]
fn parse_compact_and_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out.json");
    let o = kamsang(&[
        "parse",
        REFERENCE,
        "--compact",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let text = std::fs::read_to_string(&out).expect("written");
    assert_eq!(text.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["people"].as_array().map(Vec::len), Some(7));
    common::assert_valid(&common::validator(), &v, "compact output");
}

#[test]
fn parse_reads_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kamsang"))
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all("1. นายสมชาย ใจดี ตำแหน่ง ครู\n1.1 งานสอน\n".as_bytes())
            .expect("write");
    }
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["source"]["path"], "-");
    assert_eq!(v["people"][0]["family_name"], "ใจดี");
    assert_eq!(v["people"][0]["position"], "ครู");
}

#[test]
fn missing_file_is_one_line_and_exit_1() {
    let o = kamsang(&["parse", "no/such/order.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "kamsang: no/such/order.txt: cannot read: no such file\n"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_inputs_get_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.txt", b"", "empty input: no text to parse"),
        ("blank.txt", b"  \n\n", "empty input: no text to parse"),
        (
            "zip.txt",
            b"PK\x03\x04rest",
            "this is a zip container (.docx/.xlsx?), not plain text; .docx is not read yet",
        ),
        (
            "old.doc",
            b"\xD0\xCF\x11\xE0",
            "legacy .doc is not supported; convert it with `libreoffice --headless --convert-to docx FILE`",
        ),
        (
            "bad.txt",
            b"ok\n\xFF\xFE\xFD\n",
            "not readable text: invalid UTF-8 at byte 3 (TIS-620/Windows-874 is not read yet) (line 2)",
        ),
    ];
    for (name, bytes, msg) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let p = path.to_str().expect("utf-8");
        let o = kamsang(&["parse", p]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert_eq!(stderr(&o), format!("kamsang: {p}: {msg}\n"), "{name}");
    }
}

#[test]
fn check_lists_diagnostics_and_goes_on_after_a_failure() {
    let o = kamsang(&["check", "missing.txt", REFERENCE]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "kamsang: missing.txt: cannot read: no such file\n"
    );
    let out = String::from_utf8(o.stdout).expect("utf-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 9);
    assert_eq!(
        lines[0],
        "fixtures/parse/phetchaburi1-policy-plan.txt:111: warning: 3.3.4 is written under 3.2 before 3.3 has begun: read as 3.2.4"
    );
    let o = kamsang(&["check", REFERENCE]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let o = kamsang(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let committed =
        std::fs::read(common::root().join("schemas/duty-order.v1.schema.json")).expect("schema");
    assert!(o.stdout == committed);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(kamsang(&[]).status.code(), Some(2));
    assert_eq!(kamsang(&["parse"]).status.code(), Some(2));
    assert_eq!(kamsang(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(kamsang(&["check"]).status.code(), Some(2));
}
