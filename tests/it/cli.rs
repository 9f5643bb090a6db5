//! The real binary, run on fixtures and on a temp directory.

use crate::common;

use common::{kamsang, stderr};

use common::REFERENCE;

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
    let text = "1. นายสมชาย ใจดี ตำแหน่ง ครู\n1.1 งานสอน\n";
    let o = common::run_in(&common::root(), &["parse", "-"], Some(text.as_bytes()));
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
    let cases: [(&str, &[u8], &str); 6] = [
        ("empty.txt", b"", "empty input: no text to parse"),
        ("blank.txt", b"  \n\n", "empty input: no text to parse"),
        (
            // not nul.txt: NUL (with any extension) is a device on Windows
            "nuls.txt",
            b"a\x00b\n",
            "not readable text: contains NUL bytes: binary data, or UTF-16 without a BOM (use --encoding utf-16le)",
        ),
        (
            "zip.txt",
            b"PK\x03\x04rest",
            "not a readable zip container (invalid Zip archive: Could not find EOCD); the file may be truncated",
        ),
        (
            "old.doc",
            b"\xD0\xCF\x11\xE0",
            "named .doc but is not a Word .doc file (its first bytes are not that format's); rename it or convert it",
        ),
        (
            "bad.txt",
            b"ok\n\xFF\xFE\xFD\n",
            "not readable text: not UTF-8, UTF-16 or TIS-620 text (binary data?); force one with --encoding",
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
fn a_reader_that_goes_away_is_not_an_error() {
    // `kamsang parse X | head -c 16`: the JSON (200 KB) is more than a pipe
    // holds, so the writes after the reader has gone fail, quietly
    for args in [&["parse", REFERENCE][..], &["normalize", REFERENCE][..]] {
        let mut child = common::kamsang_bin()
            .args(args)
            .current_dir(common::root())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn kamsang");
        let mut first = [0u8; 16];
        let mut out = child.stdout.take().expect("stdout");
        std::io::Read::read_exact(&mut out, &mut first).expect("the output begins");
        drop(out);
        let o = child.wait_with_output().expect("wait");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn check_lists_diagnostics_and_goes_on_after_a_failure() {
    let o = kamsang(&["check", "missing.txt", REFERENCE]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "kamsang: missing.txt: cannot read: no such file\n2 files checked, 1 with errors\n"
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

#[test]
fn damaged_utf8_is_read_with_a_diagnostic_on_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("damaged.txt");
    let mut bytes = "1. นายสมชาย ใจดี\n1.1 งานสารบรรณ\n1.2 งานประสานงาน\n"
        .as_bytes()
        .to_vec();
    let at = bytes.iter().position(|&b| b == b'\n').expect("newline") + 8;
    bytes.insert(at, 0xFF);
    std::fs::write(&path, &bytes).expect("write");
    let p = path.to_str().expect("utf-8");
    let o = kamsang(&["check", p]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!(
            "{p}:2: error: 1 byte sequence(s) could not be decoded as utf-8 and were replaced by U+FFFD\n"
        )
    );
}

#[test]
fn normalize_prints_one_line_per_input_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("n.txt");
    std::fs::write(
        &path,
        "  เเก้ว\u{00A0}\u{00A0}น\u{0E4D}\u{0E49}\u{0E32}  \r\n\r\nสม\u{200B}ชาย\n",
    )
    .expect("write");
    let o = kamsang(&["normalize", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "แก้ว น้ำ\n\nสมชาย\n");
}

#[test]
fn encoding_flag_and_arabic_digits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tis.txt");
    // "๑. นายสมชาย ใจดี" / "๑.๑ งาน" in TIS-620
    let (bytes, _, bad) = encoding_rs::WINDOWS_874.encode("๑. นายสมชาย ใจดี\n๑.๑ งานสอน\n");
    assert!(!bad);
    std::fs::write(&path, &bytes).expect("write");
    let p = path.to_str().expect("utf-8");
    let o = kamsang(&[
        "parse",
        p,
        "--encoding",
        "tis-620",
        "--arabic-digits",
        "--compact",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["source"]["encoding"], "tis-620");
    assert_eq!(v["people"][0]["duties"][0]["label"], "1.1");
    assert_eq!(v["outline"][0]["label"], "1.");
    let o = kamsang(&["parse", p, "--compact"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["people"][0]["duties"][0]["label"], "๑.๑");
    assert_eq!(v["people"][0]["duties"][0]["number"], "1.1");
    assert_eq!(
        kamsang(&["parse", p, "--encoding", "ebcdic-th"])
            .status
            .code(),
        Some(2)
    );
}

use common::kamsang_in;

#[test]
// a symbolic link among the cases (on Windows it needs a privilege)
#[cfg(unix)]
fn an_output_that_is_an_input_is_refused_by_every_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let text = std::fs::read(common::root().join(REFERENCE)).expect("fixture");
    std::fs::write(t.join("x.txt"), &text).expect("write");
    std::fs::write(t.join("y.txt"), &text).expect("write");
    std::os::unix::fs::symlink(t.join("x.txt"), t.join("soft.txt")).expect("symlink");
    std::fs::hard_link(t.join("y.txt"), t.join("hard.txt")).expect("hard link");
    // kamsang's JSON under the name a `--to csv` folder gives a table
    let o = kamsang_in(t, &["parse", "x.txt", "-o", "people.csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json = std::fs::read(t.join("people.csv")).expect("read");
    for args in [
        &["parse", "x.txt", "-o", "x.txt"][..],
        &["render", "x.txt", "--to", "html", "-o", "soft.txt"][..],
        &["render", "y.txt", "--to", "xlsx", "-o", "hard.txt"][..],
        &["render", "people.csv", "--to", "csv", "-o", "."][..],
        &["export", "people.csv", "--to", "csv", "-o", "."][..],
        &["export", "people.csv", "--to", "xlsx", "-o", "people.csv"][..],
        &["parse", "x.txt", "-o", "soft.txt"][..],
        &["parse", "soft.txt", "-o", "x.txt"][..],
        &["parse", "y.txt", "--compact", "-o", "hard.txt"][..],
        &["render", "x.txt", "--to", "txt", "-o", "x.txt"][..],
        &["render", "y.txt", "--to", "docx", "-o", "hard.txt"][..],
        &["diff", "x.txt", "y.txt", "-o", "y.txt"][..],
        &[
            "diff", "x.txt", "y.txt", "--format", "html", "-o", "soft.txt",
        ][..],
    ] {
        let o = kamsang_in(t, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("kamsang: ") && err.contains("it would be overwritten"),
            "{err}"
        );
    }
    for name in ["x.txt", "y.txt", "hard.txt", "soft.txt"] {
        assert!(
            std::fs::read(t.join(name)).expect("read") == text,
            "{name} changed"
        );
    }
    assert!(std::fs::read(t.join("people.csv")).expect("read") == json);
    assert!(!t.join("duties.csv").exists(), "nothing written beside it");
    // `-o -` is stdout, never a file named "-"
    let o = kamsang_in(t, &["parse", "x.txt", "--compact", "-o", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
    let o = kamsang_in(t, &["render", "x.txt", "--to", "txt", "-o", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!o.stdout.is_empty());
    assert!(!t.join("-").exists());
}

#[test]
fn outputs_are_replaced_whole_and_a_failed_write_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    std::fs::copy(common::root().join(REFERENCE), t.join("x.txt")).expect("copy");
    for args in [
        &["parse", "x.txt", "-o", "out.json"][..],
        &["render", "x.txt", "--to", "docx", "-o", "out.docx"][..],
        &[
            "diff",
            "x.txt",
            "x.txt",
            "--format",
            "json",
            "-o",
            "out.diff.json",
        ][..],
    ] {
        std::fs::write(t.join(args[args.len() - 1]), b"old").expect("old output");
        let o = kamsang_in(t, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let out = std::fs::read(t.join(args[args.len() - 1])).expect("read");
        assert!(out.len() > 100 && !out.starts_with(b"old"), "{args:?}");
    }
    let mut names: Vec<String> = std::fs::read_dir(t)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["out.diff.json", "out.docx", "out.json", "x.txt"]);
    // no folder: one line, exit 1, nothing created
    let o = kamsang_in(t, &["parse", "x.txt", "-o", "no/such/dir/out.json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("kamsang: no/such/dir/out.json: cannot write"),
        "{err}"
    );
    assert!(!t.join("no").exists());
}

#[test]
fn readme_library_example_is_examples_parse_order() {
    // README's "Library" section shows examples/parse_order.rs from its first
    // `use` on; CI builds and runs the example, so the README's code runs too.
    let root = common::root();
    let example = std::fs::read_to_string(root.join("examples/parse_order.rs")).expect("example");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let code = &example[example.find("use kamsang::").expect("a use line")..];
    assert!(
        readme.contains(&format!("```rust\n{}\n```", code.trim_end())),
        "README's Library example differs from examples/parse_order.rs"
    );
}

#[test]
fn parse_outline_modes_drop_what_they_say() {
    // issue 17: --outline ids keeps the tree without its words, none no tree;
    // people and duties keep their text in every mode
    let json = |mode: &str| -> (serde_json::Value, usize) {
        let o = kamsang(&["parse", "--compact", "--outline", mode, REFERENCE]);
        assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
        (
            serde_json::from_slice(&o.stdout).expect("JSON"),
            o.stdout.len(),
        )
    };
    let (full, full_len) = json("full");
    let (ids, ids_len) = json("ids");
    let (none, none_len) = json("none");
    let default = kamsang(&["parse", "--compact", REFERENCE]);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&default.stdout).expect("JSON"),
        full
    );
    assert_eq!(none["outline"], serde_json::json!([]));
    let n = full["outline"].as_array().expect("outline").len();
    assert!(n > 0);
    assert_eq!(ids["outline"].as_array().expect("outline").len(), n);
    let ids_text = serde_json::to_string(&ids["outline"]).expect("json");
    assert!(!ids_text.contains("\"text\""), "an ids node has text");
    assert!(
        serde_json::to_string(&full["outline"])
            .expect("json")
            .contains("\"text\"")
    );
    for v in [&ids, &none] {
        assert_eq!(v["people"], full["people"]);
        assert_eq!(v["header"], full["header"]);
    }
    assert!(
        none_len < ids_len && ids_len < full_len,
        "{none_len} {ids_len} {full_len}"
    );
    let bad = kamsang(&["parse", "--outline", "text", REFERENCE]);
    assert_eq!(bad.status.code(), Some(2));
}
