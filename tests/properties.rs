//! Invariants over generated input: normalisation is idempotent and keeps every
//! letter, parsing never panics, and every output validates against the schema.

mod common;

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
            let once = kamsang::thai::normalize_line(line);
            prop_assert_eq!(kamsang::thai::normalize_line(&once), once.clone());
        }
    }

    #[test]
    fn normalize_is_idempotent_on_any_string(s in any::<String>()) {
        let once = kamsang::thai::normalize_line(&s);
        prop_assert_eq!(kamsang::thai::normalize_line(&once), once.clone());
    }

    #[test]
    fn normalize_keeps_consonants_and_ascii_alphanumerics(s in order_like_text()) {
        for line in s.lines() {
            let out = kamsang::thai::normalize_line(line);
            prop_assert_eq!(thai_consonants(&out), thai_consonants(line));
            let ascii = |t: &str| t.chars().filter(char::is_ascii_alphanumeric).collect::<String>();
            prop_assert_eq!(ascii(&out), ascii(line));
        }
    }

    #[test]
    fn normalize_never_drops_a_vowel_letter(s in order_like_text()) {
        for line in s.lines() {
            let out = kamsang::thai::normalize_line(line);
            prop_assert_eq!(vowel_sets(&out), vowel_sets(line), "{:?} → {:?}", line, out);
        }
    }

    #[test]
    fn parse_never_panics_and_output_validates(s in order_like_text()) {
        let order = kamsang::parse_str("gen.txt", &s);
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
    let order = kamsang::parse_str("r.txt", &text);
    let mut count = vec![0u32; text.lines().count() + 1];
    let mut todo: Vec<&kamsang::model::OutlineNode> = order.outline.iter().collect();
    while let Some(n) = todo.pop() {
        if n.kind != "name" {
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
