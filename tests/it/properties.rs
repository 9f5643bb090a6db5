//! Invariants over generated input: normalisation is idempotent and keeps every
//! letter, parsing never panics, and every output validates against the schema.

use crate::common;

use proptest::prelude::*;

/// Text built from what orders are made of: Thai letters and marks, digits (Thai
/// and Arabic), label punctuation, titles, spaces of every kind, invisibles, and
/// newlines.
fn order_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[ก-ฮ]{1,6}",
        "[\u{0E30}-\u{0E3A}\u{0E40}-\u{0E4E}]{1,3}",
        "[0-9๐-๙]{1,3}",
        Just(". ".to_string()),
        Just(".".to_string()),
        Just(") ".to_string()),
        Just("(".to_string()),
        Just("นางสาว".to_string()),
        Just("นาย".to_string()),
        Just("ตำแหน่ง ".to_string()),
        Just("กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ ".to_string()),
        Just("ขั้นตอนการปฏิบัติงาน".to_string()),
        Just("กลุ่มงาน".to_string()),
        Just("เรื่อง ".to_string()),
        Just("งานอื่น ๆ ตามที่ได้รับมอบหมาย".to_string()),
        "[ \u{00A0}\u{200B}\u{00AD}\t]{1,3}",
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        "[a-zA-Z]{1,4}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn validator() -> &'static jsonschema::Validator {
    static V: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    V.get_or_init(common::validator)
}

fn thai_consonants(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| ('\u{0E01}'..='\u{0E2E}').contains(c))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn normalize_is_idempotent(s in order_like_text()) {
        for line in s.lines() {
            let once = kamsang::normalize_line(line);
            prop_assert_eq!(kamsang::normalize_line(&once), once.clone());
        }
    }

    #[test]
    fn normalize_is_idempotent_on_any_string(s in any::<String>()) {
        let once = kamsang::normalize_line(&s);
        prop_assert_eq!(kamsang::normalize_line(&once), once.clone());
    }

    #[test]
    fn normalize_keeps_consonants_and_ascii_alphanumerics(s in order_like_text()) {
        for line in s.lines() {
            let out = kamsang::normalize_line(line);
            prop_assert_eq!(thai_consonants(&out), thai_consonants(line));
            let ascii = |t: &str| t.chars().filter(char::is_ascii_alphanumeric).collect::<String>();
            prop_assert_eq!(ascii(&out), ascii(line));
        }
    }

    #[test]
    fn normalize_never_drops_a_vowel_letter(s in order_like_text()) {
        for line in s.lines() {
            let out = kamsang::normalize_line(line);
            prop_assert_eq!(vowel_sets(&out), vowel_sets(line), "{:?} → {:?}", line, out);
        }
    }

    #[test]
    fn parse_never_panics_and_output_validates(s in order_like_text()) {
        let order = kamsang::parse_str("gen.txt", &s).expect("parses");
        let value = serde_json::to_value(&order).expect("serialises");
        let v = validator();
        let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    #[test]
    fn parse_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = kamsang::parse_bytes("gen.txt", &bytes);
    }
}

#[test]
fn outline_covers_every_non_blank_line_once() {
    // lossless: each non-blank line of the reference order is in exactly one node
    let path = common::root().join("fixtures/parse/phetchaburi1-policy-plan.txt");
    let text = std::fs::read_to_string(&path).expect("reference");
    let order = kamsang::parse_str("r.txt", &text).expect("parses");
    let mut count = vec![0u32; text.lines().count() + 1];
    let mut todo: Vec<&kamsang::model::OutlineNode> = order.outline.iter().collect();
    while let Some(n) = todo.pop() {
        if n.kind.as_str() != "name" {
            for l in n.line_start..=n.line_end {
                count[l as usize] += 1;
            }
        }
        todo.extend(n.children.iter());
    }
    for (i, line) in text.lines().enumerate() {
        let want = u32::from(!line.trim().is_empty());
        assert_eq!(count[i + 1], want, "line {}", i + 1);
    }
}

/// For each consonant-led segment, the set of vowel letters in it, read the way
/// the rules allow them to change: ๅ is า, ำ is ํ + า, แ is เ (เเ → แ).
fn vowel_sets(s: &str) -> Vec<std::collections::BTreeSet<char>> {
    let mut out = vec![std::collections::BTreeSet::new()];
    for c in s.chars() {
        if ('\u{0E01}'..='\u{0E2E}').contains(&c) {
            out.push(std::collections::BTreeSet::new());
        }
        let c = match c {
            '\u{0E45}' | '\u{0E33}' => '\u{0E32}',
            '\u{0E41}' => '\u{0E40}',
            c => c,
        };
        let vowel = matches!(c, '\u{0E30}' | '\u{0E31}' | '\u{0E32}' | '\u{0E34}'..='\u{0E39}' | '\u{0E40}'..='\u{0E44}' | '\u{0E47}');
        if vowel && let Some(last) = out.last_mut() {
            last.insert(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Hostile input (issue 8): arbitrary bytes in every format and arbitrary
// mutations of the fixtures (txt and docx) never panic, give schema-valid
// output or a one-line error, and give the same output twice. The fuzzers in
// `fuzz/` do the same for hours; this is the few-second version CI runs.

use std::sync::OnceLock;

/// Parse `bytes` as `path`; an order must validate against the schema, an
/// error must be one line that starts with the path.
fn check_parse(path: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    match kamsang::parse_bytes(path, bytes) {
        Ok(order) => {
            let v = serde_json::to_value(&order).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let errors: Vec<String> = validator()
                .iter_errors(&v)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            prop_assert!(errors.is_empty(), "{path}: {}", errors.join("\n"));
            // twice the same bytes, twice the same JSON
            let again = kamsang::parse_bytes(path, bytes)
                .map(|o| serde_json::to_string(&o).unwrap_or_default())
                .unwrap_or_default();
            prop_assert_eq!(serde_json::to_string(&order).unwrap_or_default(), again);
        }
        Err(e) => {
            let msg = e.to_string();
            prop_assert!(msg.starts_with(&format!("{path}: ")), "{msg}");
            prop_assert!(!msg.contains('\n'), "{msg}");
        }
    }
    Ok(())
}

fn fixture(rel: &str) -> &'static [u8] {
    static TXT_BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    static DOCX_BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    let cell = if rel.ends_with(".docx") {
        &DOCX_BYTES
    } else {
        &TXT_BYTES
    };
    cell.get_or_init(|| std::fs::read(common::root().join(rel)).expect("fixture"))
}

use common::REFERENCE as TXT;
const DOCX: &str = "fixtures/docx/phetchaburi1-typed.docx";

/// One edit of a byte string.
#[derive(Debug, Clone)]
enum Mutation {
    /// Overwrite the byte at a position (as a fraction of the length).
    Set(f64, u8),
    /// Insert bytes at a position.
    Insert(f64, Vec<u8>),
    /// Remove a range.
    Remove(f64, usize),
    /// Cut everything after a position.
    Truncate(f64),
    /// Repeat a range in place.
    Duplicate(f64, usize),
}

fn at(len: usize, frac: f64) -> usize {
    ((len as f64 * frac) as usize).min(len)
}

fn apply(bytes: &[u8], edits: &[Mutation]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    for m in edits {
        match m {
            Mutation::Set(p, v) => {
                let i = at(b.len(), *p);
                if let Some(x) = b.get_mut(i) {
                    *x = *v;
                }
            }
            Mutation::Insert(p, v) => {
                let i = at(b.len(), *p);
                b.splice(i..i, v.iter().copied());
            }
            Mutation::Remove(p, n) => {
                let i = at(b.len(), *p);
                let end = (i + n).min(b.len());
                b.drain(i..end);
            }
            Mutation::Truncate(p) => b.truncate(at(b.len(), *p)),
            Mutation::Duplicate(p, n) => {
                let i = at(b.len(), *p);
                let end = (i + n).min(b.len());
                let piece = b.get(i..end).map(<[u8]>::to_vec).unwrap_or_default();
                b.splice(end..end, piece);
            }
        }
    }
    b
}

/// Bytes that matter to the readers: labels, Thai marks, line ends, NUL,
/// BOMs, XML and zip signatures, invalid UTF-8.
fn interesting() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"1.1.1 ".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(vec![0]),
        Just(vec![0xFF, 0xFE]),
        Just(vec![0xEF, 0xBB, 0xBF]),
        Just(vec![0xE0, 0xB9]),
        Just("ํา่่เเ\u{200b}".as_bytes().to_vec()),
        Just("ขั้นตอนการปฏิบัติงาน\n".as_bytes().to_vec()),
        Just("กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ ".as_bytes().to_vec()),
        Just(b"<w:p><w:r><w:t>".to_vec()),
        Just(b"<!DOCTYPE x>".to_vec()),
        Just(b"PK\x03\x04".to_vec()),
        proptest::collection::vec(any::<u8>(), 1..16),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let frac = 0.0..1.0f64;
    prop_oneof![
        (frac.clone(), any::<u8>()).prop_map(|(p, v)| Mutation::Set(p, v)),
        (frac.clone(), interesting()).prop_map(|(p, v)| Mutation::Insert(p, v)),
        (frac.clone(), 1..64usize).prop_map(|(p, n)| Mutation::Remove(p, n)),
        frac.clone().prop_map(Mutation::Truncate),
        (frac, 1..256usize).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_any_format(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        ext in prop_oneof![Just("txt"), Just("docx"), Just("xlsx"), Just("ods"), Just("")],
    ) {
        check_parse(&format!("input.{ext}"), &bytes)?;
    }

    #[test]
    fn arbitrary_thai_text(text in "[ก-๙0-9. ()\\-\n\t]{0,400}") {
        check_parse("input.txt", text.as_bytes())?;
    }

    #[test]
    fn mutated_text_fixture(edits in proptest::collection::vec(mutation(), 1..8)) {
        check_parse("mutated.txt", &apply(fixture(TXT), &edits))?;
    }
}

proptest! {
    // a .docx parse is slower: fewer cases
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn mutated_docx_fixture(edits in proptest::collection::vec(mutation(), 1..4)) {
        check_parse("mutated.docx", &apply(fixture(DOCX), &edits))?;
    }
}
