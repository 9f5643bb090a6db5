//! The committed schema is the generated one, and every output validates.

use crate::common;

#[test]
fn committed_schema_matches_generated() {
    let committed =
        std::fs::read_to_string(common::root().join("schemas/duty-order.v1.schema.json"))
            .expect("schemas/duty-order.v1.schema.json is committed");
    let generated = kamsang::schema::schema_json();
    assert!(
        committed == generated,
        "schemas/duty-order.v1.schema.json is stale: run `cargo run -q -- schema > schemas/duty-order.v1.schema.json` and review the diff"
    );
}

#[test]
fn schema_is_draft_2020_12_with_id() {
    let s = kamsang::schema::schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["$id"], kamsang::model::SCHEMA_ID);
}

#[test]
fn every_fixture_output_validates() {
    let v = common::validator();
    let mut files = Vec::new();
    for dir in ["fixtures/parse", "fixtures/corpus", "fixtures/committee"] {
        let found = common::files_with_ext(&common::root().join(dir), "txt");
        assert!(!found.is_empty(), "{dir}");
        files.extend(found);
    }
    for f in files {
        let order = kamsang::parse_path(f.to_str().expect("utf-8 path")).expect("fixture parses");
        let value = serde_json::to_value(&order).expect("serialises");
        common::assert_valid(&v, &value, &f.display().to_string());
    }
}

#[test]
fn schema_rejects_a_broken_document() {
    // the check above could pass with a schema that accepts anything
    let v = common::validator();
    let order = kamsang::parse_str("x.txt", "1. นายก ข\n1.1 งาน\n").expect("parses");
    let mut value = serde_json::to_value(&order).expect("serialises");
    value["people"][0]["duties"][0]["line_start"] = serde_json::json!(0);
    assert!(!v.is_valid(&value));
    let mut value = serde_json::to_value(&order).expect("serialises");
    value["people"][0]["full_name"] = serde_json::json!(5);
    assert!(!v.is_valid(&value));
    let mut value = serde_json::to_value(&order).expect("serialises");
    value["header"]["kind"] = serde_json::json!(["committee"]);
    assert!(!v.is_valid(&value));
    let mut value = serde_json::to_value(&order).expect("serialises");
    value["source"]["sha256"] = serde_json::json!("XYZ");
    assert!(!v.is_valid(&value));
}

#[test]
fn a_newer_minor_version_with_an_added_field_validates_and_reads() {
    // SPEC: a minor version only adds, so a consumer of this schema accepts a
    // 1.y document with fields it does not know, and kamsang reads it
    let v = common::validator();
    let order = kamsang::parse_str("x.txt", "1. นายก ข\n1.1 งาน\n").expect("parses");
    let mut value = serde_json::to_value(&order).expect("serialises");
    value["schema_version"] = serde_json::json!("1.9.0");
    value["people"][0]["added_in_1_9"] = serde_json::json!({"x": 1});
    value["added_in_1_9"] = serde_json::json!(true);
    common::assert_valid(&v, &value, "a 1.9 document");
    // a kind value a newer version adds reads as `other`
    value["header"]["kind"] = serde_json::json!("kind_added_in_1_9");
    let read: kamsang::DutyOrder = serde_json::from_value(value).expect("reads a 1.9 document");
    assert_eq!(read.people[0].full_name, "นายก ข");
    assert_eq!(read.header.kind, kamsang::model::DocumentKind::Other);
}

/// An order with a committee, a substitute clause and a diagnostic: every
/// open enum of the model has a value in it.
const ENUMS_ORDER: &str = "\
คำสั่งโรงเรียนบ้านนา
เรื่อง แต่งตั้งคณะกรรมการ
1. นายก ข ตำแหน่ง ครู
1.1 งานสารบรรณ
1.3 กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ นางค ง ปฏิบัติงานแทน
2. นางค ง ตำแหน่ง ครู
2.1 งานการเงิน
";

#[test]
fn a_newer_minor_version_with_unknown_enum_values_validates_loads_and_diffs() {
    // SPEC: kamsang reads JSON of any 1.x, and a consumer validating against
    // this schema accepts a newer 1.y document: a diagnostic code, a format,
    // an outline kind, a duty kind, a label form, a document kind a later
    // version adds, and fields it adds anywhere
    let v = common::validator();
    let order = kamsang::parse_str("x.txt", ENUMS_ORDER).expect("parses");
    assert!(!order.diagnostics.is_empty() && !order.people[0].duties.is_empty());
    let mut value = serde_json::to_value(&order).expect("serialises");
    value["schema_version"] = serde_json::json!("1.9.0");
    value["added_in_1_9"] = serde_json::json!([1, 2]);
    value["source"]["format"] = serde_json::json!("format_added_in_1_9");
    value["source"]["added_in_1_9"] = serde_json::json!("x");
    value["header"]["kind"] = serde_json::json!("kind_added_in_1_9");
    value["outline"][0]["kind"] = serde_json::json!("kind_added_in_1_9");
    value["outline"][0]["added_in_1_9"] = serde_json::json!(null);
    value["people"][0]["duties"][0]["kind"] = serde_json::json!("kind_added_in_1_9");
    value["people"][0]["duties"][0]["label_form"] = serde_json::json!("roman");
    value["people"][0]["duties"][0]["added_in_1_9"] = serde_json::json!(1);
    value["people"][0]["substitutes"][0]["added_in_1_9"] = serde_json::json!(1);
    value["diagnostics"][0]["code"] = serde_json::json!("code_added_in_1_9");
    value["diagnostics"][0]["added_in_1_9"] = serde_json::json!({});
    common::assert_valid(&v, &value, "a 1.9 document with new enum values");
    // the open enums still refuse what is not a string
    let mut wrong = value.clone();
    wrong["diagnostics"][0]["code"] = serde_json::json!(7);
    assert!(!v.is_valid(&wrong));

    let body = serde_json::to_vec(&value).expect("serialises");
    let read = kamsang::DutyOrder::from_json_slice(&body, 32).expect("reads a 1.9 document");
    use kamsang::diagnostic::Code;
    use kamsang::model::{DocumentKind, DutyKind, Format, LabelForm, NodeKind};
    assert_eq!(read.source.format, Format::Unknown);
    assert_eq!(read.header.kind, DocumentKind::Other);
    assert_eq!(read.outline[0].kind, NodeKind::Unknown);
    assert_eq!(read.people[0].duties[0].kind, DutyKind::Unknown);
    assert_eq!(
        read.people[0].duties[0].label_form,
        Some(LabelForm::Unknown)
    );
    assert_eq!(read.diagnostics[0].code, Code::Unknown);
    assert_eq!(read.people[0].full_name, order.people[0].full_name);

    // and it diffs: against itself nothing changed, against the order it
    // came from only what the later version's values changed
    assert!(kamsang::diff(&read, &read).changes.is_empty());
    let d = kamsang::diff(&order, &read);
    let kinds: Vec<&str> = d.changes.iter().map(|c| c.kind.as_str()).collect();
    assert!(
        !kinds.contains(&"person_added") && !kinds.contains(&"person_removed"),
        "{kinds:?}"
    );

    // through the command line too
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, new) = (dir.path().join("old.json"), dir.path().join("new.json"));
    std::fs::write(&old, serde_json::to_vec(&order).expect("json")).expect("write");
    std::fs::write(&new, &body).expect("write");
    let out = common::kamsang(&[
        "diff",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
}

#[test]
fn every_output_validates_in_every_outline_mode() {
    // `--outline ids|none` (issue 17): the schema says what each mode drops,
    // so what it writes still validates, and reads back as the same order
    // but for the outline's words
    use kamsang::json::{OutlineMode, to_vec};
    let v = common::validator();
    let mut files = Vec::new();
    for (dir, ext) in [
        ("fixtures/parse", "txt"),
        ("fixtures/corpus", "txt"),
        ("fixtures/committee", "txt"),
        ("fixtures/docx", "docx"),
        ("fixtures/sheet", "xlsx"),
    ] {
        let found = common::files_with_ext(&common::root().join(dir), ext);
        assert!(!found.is_empty(), "{dir}");
        files.extend(found);
    }
    let nodes = |outline: &serde_json::Value| -> Vec<serde_json::Value> {
        let mut todo: Vec<&serde_json::Value> = outline.as_array().expect("array").iter().collect();
        let mut out = Vec::new();
        while let Some(n) = todo.pop() {
            out.push(n.clone());
            todo.extend(n["children"].as_array().expect("children"));
        }
        out
    };
    for f in files {
        let what = f.display().to_string();
        let order = kamsang::parse_path(f.to_str().expect("utf-8 path")).expect("fixture parses");
        let full: serde_json::Value = serde_json::to_value(&order).expect("serialises");
        for mode in [OutlineMode::Ids, OutlineMode::None] {
            let bytes = to_vec(&order, mode, true).expect("serialises");
            let value: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
            common::assert_valid(&v, &value, &format!("{what} --outline {}", mode.name()));
            let back = kamsang::Parser::new()
                .load_order_bytes("back.json", &bytes)
                .expect("reads back");
            assert_eq!(back.people, order.people, "{what}");
            assert_eq!(back.committees, order.committees, "{what}");
            assert_eq!(back.header, order.header, "{what}");
            let (mine, all) = (nodes(&value["outline"]), nodes(&full["outline"]));
            match mode {
                OutlineMode::None => assert!(mine.is_empty(), "{what}"),
                _ => {
                    // every node, each without its words
                    assert_eq!(mine.len(), all.len(), "{what}");
                    for (a, b) in mine.iter().zip(&all) {
                        assert!(
                            a.get("text").is_none() && a.get("cells").is_none(),
                            "{what}"
                        );
                        for k in ["id", "number", "label", "kind", "line_start", "line_end"] {
                            assert_eq!(a[k], b[k], "{what}: {k}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn an_ids_outline_still_needs_its_structure() {
    // the check above could pass with a schema that accepts any node
    let v = common::validator();
    let order = kamsang::parse_str("x.txt", "1. นายก ข\n1.1 งาน\n").expect("parses");
    let bytes = kamsang::json::to_vec(&order, kamsang::json::OutlineMode::Ids, true).expect("json");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    assert!(v.is_valid(&value));
    for field in ["id", "kind", "line_start", "line_end", "children"] {
        let mut broken = value.clone();
        let node = broken["outline"][0].as_object_mut().expect("a node");
        node.remove(field);
        assert!(!v.is_valid(&broken), "a node without {field} validates");
    }
}
