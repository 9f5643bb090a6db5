//! Golden tests: every `fixtures/parse/<case>.txt` and
//! `fixtures/committee/<case>.txt` against `<case>.json` beside it, and the
//! invariants that hold on every fixture of every format.
//!
//! To update after an intended change: `UPDATE_GOLDEN=1 cargo test --test it golden::`,
//! then read the diff (`git diff fixtures/`) line by line before committing.

use crate::common;

use kamsang::model::NodeKind;

/// The folders whose `.txt` fixtures each have a reviewed `.json` snapshot.
const SNAPSHOT_DIRS: &[&str] = &["fixtures/parse", "fixtures/committee"];

/// Every fixture an order can be read from: (folder, extension).
const ALL_FIXTURES: &[(&str, &str)] = &[
    ("fixtures/parse", "txt"),
    ("fixtures/committee", "txt"),
    ("fixtures/corpus", "txt"),
    ("fixtures/heldout", "txt"),
    ("fixtures/docx", "docx"),
    ("fixtures/sheet", "xlsx"),
    ("fixtures/sheet", "ods"),
];

/// `path` relative to the package root, as text.
fn relative(path: &std::path::Path) -> String {
    path.strip_prefix(common::root())
        .expect("under root")
        .to_str()
        .expect("utf-8")
        .to_string()
}

/// The files of `ALL_FIXTURES`, each folder non-empty.
fn every_fixture() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for (dir, ext) in ALL_FIXTURES {
        let found = common::files_with_ext(&common::root().join(dir), ext);
        assert!(!found.is_empty(), "no {ext} fixtures in {dir}");
        files.extend(found);
    }
    files
}

#[test]
fn golden_fixtures() {
    let mut failures = Vec::new();
    let mut files = Vec::new();
    for dir in SNAPSHOT_DIRS {
        let found = common::files_with_ext(&common::root().join(dir), "txt");
        assert!(!found.is_empty(), "no fixtures in {dir}");
        files.extend(found);
    }
    for input in files {
        let rel = relative(&input);
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
    for input in every_fixture() {
        let bytes = std::fs::read(&input).expect("read fixture");
        let name = input.file_name().and_then(|n| n.to_str()).expect("name");
        let a = serde_json::to_string(&common::parse_as(name, &bytes)).expect("json");
        let b = serde_json::to_string(&common::parse_as(name, &bytes)).expect("json");
        assert!(a == b, "{}: two parses differ", input.display());
    }
}

/// Every fixture of every format gives a schema-valid order whose outline
/// is lossless: each non-blank normalised line (a paragraph of a .docx, a
/// row of a sheet) lies in an outline node, no node spans a line the source
/// does not have, and no line is the continuation of two nodes. (A line may
/// start several nodes: an item written after a wide gap mid-line, the cells
/// of one sheet row; a name inside an inline list shares its item's line
/// and is not counted.)
#[test]
fn every_fixture_is_schema_valid_and_its_outline_lossless() {
    let validator = common::validator();
    let mut failures = Vec::new();
    for input in every_fixture() {
        let rel = relative(&input);
        let bytes = std::fs::read(&input).expect("read fixture");
        let order = common::parse_as(&rel, &bytes);
        let value = serde_json::to_value(&order).expect("serialises");
        common::assert_valid(&validator, &value, &rel);

        let lines = kamsang::Parser::new()
            .normalize_bytes(&rel, &bytes)
            .expect("normalises")
            .lines;
        let known: std::collections::BTreeSet<u32> = lines.iter().map(|l| l.line).collect();
        let mut covered = std::collections::BTreeSet::new();
        let mut continued = std::collections::BTreeMap::<u32, u32>::new();
        let mut todo: Vec<&kamsang::model::OutlineNode> = order.outline.iter().collect();
        while let Some(n) = todo.pop() {
            if n.kind != NodeKind::Name {
                for l in n.line_start..=n.line_end {
                    if !known.contains(&l) {
                        failures.push(format!(
                            "{rel}: node {} spans line {l}, not in the source",
                            n.id
                        ));
                    }
                    covered.insert(l);
                    if l > n.line_start {
                        *continued.entry(l).or_default() += 1;
                    }
                }
            }
            todo.extend(n.children.iter());
        }
        for l in lines.iter().filter(|l| !l.text.trim().is_empty()) {
            if !covered.contains(&l.line) {
                failures.push(format!("{rel}:{}: in no outline node: {}", l.line, l.text));
            }
        }
        for (l, n) in continued.iter().filter(|(_, n)| **n > 1) {
            failures.push(format!("{rel}:{l}: continues {n} outline nodes"));
        }
    }
    assert!(
        failures.is_empty(),
        "outline not lossless:\n{}",
        failures.join("\n")
    );
}

/// Every person, duty, step and committee of every fixture has an id of its
/// own (012: a bullet after `1.1` `1.2` `1.3` under the same person was
/// `p1.d1` like `1.1`, its value in the list of bullets).
#[test]
fn every_id_is_unique_in_every_fixture() {
    fn duty_ids<'a>(duties: &'a [kamsang::model::Duty], out: &mut Vec<&'a str>) {
        for d in duties {
            out.push(&d.id);
            duty_ids(&d.steps, out);
        }
    }
    let mut failures = Vec::new();
    let mut ids_seen = 0;
    for input in every_fixture() {
        let rel = relative(&input);
        let bytes = std::fs::read(&input).expect("read fixture");
        let order = common::parse_as(&rel, &bytes);
        let mut ids: Vec<&str> = Vec::new();
        for p in &order.people {
            ids.push(&p.id);
            duty_ids(&p.duties, &mut ids);
        }
        for c in &order.committees {
            ids.push(&c.id);
            duty_ids(&c.duties, &mut ids);
        }
        ids_seen += ids.len();
        let mut seen = std::collections::BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                failures.push(format!("{rel}: {id} twice"));
            }
        }
    }
    assert!(ids_seen > 1000, "only {ids_seen} ids");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
