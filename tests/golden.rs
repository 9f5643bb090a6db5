//! Golden tests: every `fixtures/parse/<case>.txt` against `<case>.json` beside it.
//!
//! To update after an intended change: `UPDATE_GOLDEN=1 cargo test --test golden`,
//! then read the diff (`git diff fixtures/`) line by line before committing.

mod common;

#[test]
fn golden_fixtures() {
    let root = common::root();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
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
        let want_path = input.with_extension("json");
        if update {
            std::fs::write(&want_path, &got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        if want != got {
            let diff = similar::TextDiff::from_lines(&want, &got)
                .unified_diff()
                .context_radius(3)
                .header("expected", "got")
                .to_string();
            failures.push(format!("{}:\n{}", want_path.display(), diff));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatch (UPDATE_GOLDEN=1 cargo test --test golden to accept, then read the diff):\n{}",
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

#[test]
fn crlf_cr_and_bom_give_the_same_order() {
    let root = common::root();
    let lf = std::fs::read_to_string(root.join("fixtures/parse/phetchaburi1-policy-plan.txt"))
        .expect("reference");
    let base = kamsang::parse_str("x.txt", &lf);
    let variants = [
        lf.replace('\n', "\r\n").into_bytes(),
        lf.replace('\n', "\r").into_bytes(),
        [b"\xEF\xBB\xBF".as_slice(), lf.as_bytes()].concat(),
    ];
    for bytes in variants {
        let mut order = kamsang::parse_bytes("x.txt", &bytes).expect("parses");
        order.source = base.source.clone();
        assert!(
            order == base,
            "a line-end or BOM variant parsed differently"
        );
    }
}
