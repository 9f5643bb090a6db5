//! The committed schema is the generated one, and every output validates.

mod common;

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
