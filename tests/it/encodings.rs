//! The reference order re-encoded as archives hold it (TIS-620, UTF-16 with BOM,
//! CRLF / CR line ends, a UTF-8 BOM) gives the same JSON as the UTF-8 original,
//! apart from `source`. The re-encoded bytes are made here, from the fixture.

use crate::common;

use kamsang::DutyOrder;

fn reference() -> String {
    std::fs::read_to_string(common::root().join("fixtures/parse/phetchaburi1-policy-plan.txt"))
        .expect("reference")
}

fn json_without_source(order: &DutyOrder) -> String {
    let mut v = serde_json::to_value(order).expect("serialise");
    v["source"] = serde_json::Value::Null;
    serde_json::to_string_pretty(&v).expect("serialise")
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn re_encoded_reference_orders_parse_identically() {
    let text = reference();
    let base = kamsang::parse_bytes("r.txt", text.as_bytes()).expect("utf-8 parses");
    let want = json_without_source(&base);
    let (tis, _, unmappable) = encoding_rs::WINDOWS_874.encode(&text);
    assert!(!unmappable, "the reference order is all TIS-620 characters");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("TIS-620", tis.into_owned(), "tis-620"),
        (
            "TIS-620 with CRLF",
            encoding_rs::WINDOWS_874
                .encode(&text.replace('\n', "\r\n"))
                .0
                .into_owned(),
            "tis-620",
        ),
        ("UTF-16LE with BOM", utf16(&text, false), "utf-16le"),
        ("UTF-16BE with BOM", utf16(&text, true), "utf-16be"),
        (
            "UTF-16LE with BOM and CRLF",
            utf16(&text.replace('\n', "\r\n"), false),
            "utf-16le",
        ),
        ("CRLF", text.replace('\n', "\r\n").into_bytes(), "utf-8"),
        ("CR", text.replace('\n', "\r").into_bytes(), "utf-8"),
        (
            "UTF-8 with BOM",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            "utf-8",
        ),
    ];
    for (what, bytes, encoding) in cases {
        let order = kamsang::parse_bytes("r.txt", &bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(order.source.encoding.as_deref(), Some(encoding), "{what}");
        assert_eq!(order.source.bytes, bytes.len() as u64, "{what}");
        let got = json_without_source(&order);
        if got != want {
            let diff = similar::TextDiff::from_lines(&want, &got)
                .unified_diff()
                .to_string();
            panic!("{what} parses differently:\n{diff}");
        }
    }
}

#[test]
fn tis_620_with_an_unmapped_byte_keeps_the_rest() {
    let text = reference();
    let mut bytes = encoding_rs::WINDOWS_874.encode(&text).0.into_owned();
    // 0xFC is unassigned in TIS-620: put one into line 50
    let line_50 = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(48)
        .map(|(i, _)| i + 20)
        .expect("50 lines");
    bytes.insert(line_50, 0xFC);
    let order = kamsang::parse_bytes("r.txt", &bytes).expect("still TIS-620");
    let errors: Vec<(u32, &str)> = order
        .diagnostics
        .iter()
        .filter(|d| d.severity == kamsang::Severity::Error)
        .map(|d| (d.line, d.code.as_str()))
        .collect();
    assert_eq!(errors, [(50, "undecodable_bytes")]);
    assert_eq!(order.people.len(), 7);
}
