//! Golden tests: every `fixtures/parse/<case>.txt` against `<case>.json` beside it.
//!
//! To update after an intended change: `UPDATE_GOLDEN=1 cargo test --test it golden::`,
//! then read the diff (`git diff fixtures/`) line by line before committing.

use crate::common;

#[test]
fn golden_fixtures() {
    let root = common::root();
    let mut failures = Vec::new();
    let files = common::files_with_ext(&root.join("fixtures/parse"), "txt");
    assert!(!files.is_empty(), "no fixtures");
    for input in files {
        let rel = input
            .strip_prefix(&root)
            .expect("under root")
            .to_str()
            .expect("utf-8")
            .to_string();
        let bytes = std::fs::read(&input).expect("read fixture");
        let order = kamsang::parse_bytes(&rel, &bytes).expect("fixture parses");
        let mut got = serde_json::to_string_pretty(&order).expect("serialise");
        got.push('\n');
        failures.extend(common::golden(&input.with_extension("json"), &got));
    }
    assert!(
        failures.is_empty(),
        "golden mismatch (UPDATE_GOLDEN=1 cargo test --test it golden:: to accept, then read the diff):\n{}",
        failures.join("\n")
    );
}

#[test]
fn two_parses_are_byte_identical() {
    let root = common::root();
    for input in common::files_with_ext(&root.join("fixtures/parse"), "txt") {
        let bytes = std::fs::read(&input).expect("read fixture");
        let a = serde_json::to_string(&kamsang::parse_bytes("x.txt", &bytes).expect("parses"))
            .expect("json");
        let b = serde_json::to_string(&kamsang::parse_bytes("x.txt", &bytes).expect("parses"))
            .expect("json");
        assert_eq!(a, b);
    }
}
