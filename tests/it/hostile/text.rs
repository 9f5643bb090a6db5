//! Text that cannot be right must say so (issue 12): mixed encodings in one
//! file, UTF-32, label numbers too big to be labels, undefined XML entities,
//! a zip with two parts of one name.

use super::expansion::{docx, xlsx, zip_of};
use super::{Dir, assert_fails, assert_parses, codes};

const ORDER: &str = "คำสั่งโรงเรียนบ้านหนองแก\nเรื่อง แต่งตั้งผู้รับผิดชอบงาน\n1. นายสมชาย ใจดี ตำแหน่ง ครู\n2. นางสาวสมศรี มีสุข ตำแหน่ง ครู\n";

/// Windows-874 bytes of Thai text (U+0E01..U+0E5B map to 0xA1..0xFB).
fn tis620(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c as u32 {
            t @ 0x0E01..=0x0E5B => u8::try_from(t - 0x0E01 + 0xA1).expect("thai"),
            a => u8::try_from(a).expect("ascii"),
        })
        .collect()
}

#[test]
fn a_utf8_line_in_a_tis620_file_is_read_as_utf8_with_a_diagnostic() {
    let d = Dir::new();
    let mut bytes = tis620(ORDER);
    bytes.extend_from_slice("3. นายสมหมาย รักงาน ตำแหน่ง ครู\n".as_bytes());
    d.write("mixed.txt", &bytes);
    let v = assert_parses(&d.run(&["parse", "mixed.txt"]));
    assert_eq!(v["source"]["encoding"], "tis-620");
    let names: Vec<&str> = v["people"]
        .as_array()
        .expect("people")
        .iter()
        .filter_map(|p| p["full_name"].as_str())
        .collect();
    assert_eq!(names, ["นายสมชาย ใจดี", "นางสาวสมศรี มีสุข", "นายสมหมาย รักงาน"]);
    let mixed: Vec<u64> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "mixed_encoding")
        .filter_map(|d| d["line"].as_u64())
        .collect();
    assert_eq!(mixed, [5]);
}

#[test]
fn a_tis620_line_in_a_utf8_file_is_read_as_thai_with_a_diagnostic() {
    let d = Dir::new();
    let mut bytes = ORDER.as_bytes().to_vec();
    bytes.extend_from_slice(&tis620("3. นายสมหมาย รักงาน ตำแหน่ง ครู\n"));
    d.write("mixed8.txt", &bytes);
    let v = assert_parses(&d.run(&["parse", "mixed8.txt"]));
    assert_eq!(v["source"]["encoding"], "utf-8");
    assert_eq!(v["people"][2]["full_name"], "นายสมหมาย รักงาน");
    assert!(codes(&v).contains(&"mixed_encoding"));
    assert!(!codes(&v).contains(&"undecodable_bytes"));
}

fn utf32(s: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE, 0, 0]
    } else {
        vec![0, 0, 0xFE, 0xFF]
    };
    for c in s.chars() {
        let v = c as u32;
        out.extend_from_slice(&if little {
            v.to_le_bytes()
        } else {
            v.to_be_bytes()
        });
    }
    out
}

#[test]
fn utf32_with_a_bom_is_decoded_not_read_as_utf16() {
    let d = Dir::new();
    for (name, little, enc) in [("le.txt", true, "utf-32le"), ("be.txt", false, "utf-32be")] {
        d.write(name, &utf32(ORDER, little));
        let v = assert_parses(&d.run(&["parse", name]));
        assert_eq!(v["source"]["encoding"], enc);
        assert_eq!(v["people"][1]["full_name"], "นางสาวสมศรี มีสุข");
    }
}

#[test]
fn label_numbers_past_the_bound_stay_text_with_a_diagnostic() {
    let d = Dir::new();
    let text =
        format!("{ORDER}4294967295. งานหนึ่ง\n4294967296. งานสอง\n99999999999999999999. งานสาม\n");
    d.write("big.txt", text.as_bytes());
    let v = assert_parses(&d.run(&["parse", "big.txt"]));
    let out: Vec<(u64, &str)> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "label_out_of_range")
        .filter_map(|d| Some((d["line"].as_u64()?, d["label"].as_str()?)))
        .collect();
    assert_eq!(
        out,
        [
            (5, "4294967295."),
            (6, "4294967296."),
            (7, "99999999999999999999.")
        ]
    );
    // ids stay unique (4294967295 once saturated into a duplicate)
    let ids = v["outline"].to_string();
    let mut seen = std::collections::HashSet::new();
    for id in ids.split("\"id\":\"").skip(1) {
        let id = id.split('"').next().unwrap_or("");
        assert!(seen.insert(id.to_string()), "duplicate id {id}");
    }
    assert!(ids.contains("4294967296. งานสอง"), "kept as text: {ids}");
}

#[test]
fn an_undefined_entity_in_document_xml_is_kept_and_reported() {
    let d = Dir::new();
    d.write(
        "ent.docx",
        &docx(
            "<w:p><w:r><w:t>คำสั่งโรงเรียน</w:t></w:r></w:p><w:p><w:r><w:t>งาน&nbsp;สารบรรณ</w:t></w:r></w:p>",
            None,
        ),
    );
    let v = assert_parses(&d.run(&["parse", "ent.docx"]));
    assert!(codes(&v).contains(&"undefined_entity"), "{v}");
    assert!(v["outline"].to_string().contains("งาน&nbsp;สารบรรณ"));
}

#[test]
fn an_undefined_entity_in_a_shared_string_is_reported() {
    // calamine refuses it: the workbook is damaged (Excel does not open it)
    let d = Dir::new();
    d.write("ent.xlsx", &xlsx("", &["x&nbsp;y"]));
    assert_fails(
        &d.run(&["parse", "ent.xlsx"]),
        "kamsang: ent.xlsx: damaged .xlsx workbook (Xml error: at 0..0: unrecognized entity `&nbsp;`)",
    );
}

/// A zip holding `word/document.xml` twice: the second is written under a
/// name of the same length, then renamed in place in both zip headers.
pub(super) fn docx_twice() -> Vec<u8> {
    let body = |t: &str| {
        format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:body></w:document>"#
        )
    };
    let (a, b) = (body("คำสั่งที่หนึ่ง"), body("คำสั่งที่สอง"));
    let mut bytes = zip_of(&[
        ("word/document.xml", a.as_bytes()),
        ("word/documenX.xml", b.as_bytes()),
    ]);
    let from = b"word/documenX.xml";
    let mut i = 0;
    while let Some(at) = bytes
        .get(i..)
        .and_then(|t| t.windows(from.len()).position(|w| w == from))
    {
        bytes[i + at..i + at + from.len()].copy_from_slice(b"word/document.xml");
        i += at + from.len();
    }
    bytes
}

#[test]
fn a_zip_with_two_parts_of_one_name_is_refused() {
    let d = Dir::new();
    d.write("twice.docx", &docx_twice());
    assert_fails(
        &d.run(&["parse", "twice.docx"]),
        "kamsang: twice.docx: the zip container holds two parts of the same name (which one is the document is ambiguous): refused",
    );
}
