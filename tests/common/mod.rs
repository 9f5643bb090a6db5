//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use kamsang::DutyOrder;
use kamsang::model::OutlineNode;

pub mod browser;
mod under_test;
pub use under_test::*;

/// The reference order: a real school duty order, the first fixture.
pub const REFERENCE: &str = "fixtures/parse/phetchaburi1-policy-plan.txt";

/// Run the binary under test ([`kamsang_bin`]) from the package root.
pub fn kamsang(args: &[&str]) -> Output {
    kamsang_in(&root(), args)
}

/// `kamsang ARGS` run in `dir`.
pub fn kamsang_in(dir: &Path, args: &[&str]) -> Output {
    kamsang_bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kamsang")
}

/// `kamsang ARGS` run in `dir` with `stdin` on its standard input (none:
/// /dev/null), both outputs captured.
pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = kamsang_bin()
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kamsang");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

/// The command's standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The command's standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The package root (integration tests run with it as the working directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `fixtures/REL` under the package root.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The text of `fixtures/REL`.
pub fn fixture_text(rel: &str) -> String {
    std::fs::read_to_string(fixture(rel)).unwrap_or_else(|e| panic!("fixtures/{rel}: {e}"))
}

/// Copy `fixtures/FROM` to `to`, making its folder.
pub fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::copy(fixture(from), to).expect("copy fixture");
}

/// `text` parsed as a file `x.txt`.
pub fn parse(text: &str) -> DutyOrder {
    kamsang::parse_str("x.txt", text).expect("parses")
}

/// `bytes` parsed as a file `name` (its extension says the format).
pub fn parse_as(name: &str, bytes: &[u8]) -> DutyOrder {
    kamsang::parse_bytes(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The file `rel` (from the package root) parsed under its own name.
pub fn parse_fixture(rel: &str) -> DutyOrder {
    let bytes = std::fs::read(root().join(rel)).expect("fixture");
    kamsang::parse_bytes(rel, &bytes).expect("fixture parses")
}

/// The reference order, parsed from its path.
pub fn reference_order() -> DutyOrder {
    kamsang::parse_path(root().join(REFERENCE).to_str().expect("utf-8 path"))
        .expect("reference parses")
}

/// The outline node `id`, at any depth.
pub fn node<'a>(nodes: &'a [OutlineNode], id: &str) -> &'a OutlineNode {
    let mut todo: Vec<&OutlineNode> = nodes.iter().collect();
    while let Some(n) = todo.pop() {
        if n.id == id {
            return n;
        }
        todo.extend(n.children.iter());
    }
    panic!("no outline node {id}");
}

/// A .docx (a stored zip) of `parts` (name, XML text) and an empty
/// `[Content_Types].xml`.
pub fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("[Content_Types].xml", opts).expect("zip");
        z.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
            .expect("zip");
        for (name, text) in parts {
            z.start_file(*name, opts).expect("zip");
            z.write_all(text.as_bytes()).expect("zip");
        }
        z.finish().expect("zip");
    }
    buf.into_inner()
}

/// A validator for the committed schema.
pub fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schemas/duty-order.v1.schema.json"))
        .expect("committed schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// Panic with every validation error when `value` does not fit the schema.
pub fn assert_valid(validator: &jsonschema::Validator, value: &serde_json::Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not validate:\n{}",
        errors.join("\n")
    );
}

/// Every file in `dir` with extension `ext`, sorted.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// Compare `got` with the golden file `want_path`; with `UPDATE_GOLDEN` set,
/// write it instead. `Some(readable diff)` when they differ.
pub fn golden(want_path: &Path, got: &str) -> Option<String> {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(want_path, got).expect("write expected");
        return None;
    }
    let want = std::fs::read_to_string(want_path).unwrap_or_default();
    (want != got).then(|| {
        let diff = similar::TextDiff::from_lines(&want, got)
            .unified_diff()
            .context_radius(3)
            .header("expected", "got")
            .to_string();
        format!("{}:\n{diff}", want_path.display())
    })
}

/// `kamsang parse --compact PATH` run in `dir`: the one JSON line a batch in
/// JSONL mode must give for the same file.
pub fn parse_compact(dir: &Path, path: &str) -> String {
    let o = kamsang_in(dir, &["parse", "--compact", path]);
    assert_eq!(o.status.code(), Some(0), "{path}: {}", stderr(&o));
    String::from_utf8(o.stdout)
        .expect("utf-8")
        .trim_end_matches('\n')
        .to_string()
}

/// `true` when a test must skip because an outside tool is missing: prints
/// `skipped: REASON` so the log says why. With the environment variable
/// `require` set (`.ci/run` sets every one), a missing tool fails the test
/// instead, so CI never skips silently.
pub fn skip_without(available: bool, require: &str, reason: &str) -> bool {
    if available {
        eprintln!("ran: {require} tool present");
        return false;
    }
    assert!(
        std::env::var_os(require).is_none(),
        "{require} is set but the tool is missing: {reason}"
    );
    eprintln!("skipped: {reason} (set {require}=1 to make this a failure)");
    true
}
