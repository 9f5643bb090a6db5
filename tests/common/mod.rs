//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Run the real `kamsang` binary from the package root.
pub fn kamsang(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kamsang"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run kamsang")
}

/// The command's standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The package root (integration tests run with it as the working directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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
    let o = Command::new(env!("CARGO_BIN_EXE_kamsang"))
        .args(["parse", "--compact", path])
        .current_dir(dir)
        .output()
        .expect("parse");
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
