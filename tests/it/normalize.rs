//! Table of normalisation cases: every rule of SPEC's "Thai normalisation",
//! PyThaiNLP's known failures, edge cases, and canonical text that must come out
//! unchanged. Escapes spell out what is invisible or easy to misread.

use kamsang::normalize_line;

/// (input, expected, what the case checks)
const CASES: &[(&str, &str, &str)] = &[
    // --- SARA AM (ำ) from NIKHAHIT + SARA AA
    ("ก\u{0E4D}\u{0E32}", "กำ", "ํ + า → ำ"),
    ("น\u{0E4D}\u{0E49}\u{0E32}", "น้ำ", "ํ + tone + า → tone + ำ"),
    ("น\u{0E49}\u{0E4D}\u{0E32}", "น้ำ", "tone + ํ + า → tone + ำ"),
    (
        "ก\u{0E4D}\u{0E4D}\u{0E32}",
        "กำ",
        "PyThaiNLP leaves a stray ํ in กํํา",
    ),
    ("ท\u{0E4D}\u{0E32}งาน", "ทำงาน", "ทํางาน inside a word"),
    ("น้ำ", "น้ำ", "canonical น้ำ unchanged"),
    ("ก\u{0E4D}", "ก\u{0E4D}", "ํ without า stays"),
    (
        "ก\u{0E4D} \u{0E32}",
        "ก\u{0E4D} \u{0E32}",
        "ํ and า across a space are not joined",
    ),
    // --- tone marks and above/below vowels in canonical order
    (
        "ก\u{0E48}\u{0E34}",
        "ก\u{0E34}\u{0E48}",
        "tone before above vowel → vowel first",
    ),
    (
        "ป\u{0E49}\u{0E38}",
        "ป\u{0E38}\u{0E49}",
        "tone before below vowel → vowel first",
    ),
    (
        "ก\u{0E4C}\u{0E34}",
        "ก\u{0E34}\u{0E4C}",
        "thanthakhat before above vowel → vowel first",
    ),
    ("ที่", "ที่", "canonical ที่ unchanged"),
    ("ศักดิ์", "ศักดิ์", "canonical ดิ์ unchanged"),
    (
        "ค\u{0E38}\u{0E3A}",
        "ค\u{0E3A}\u{0E38}",
        "phinthu before below vowel (NFC order)",
    ),
    // --- a mark repeated by mistake is kept once
    ("ก\u{0E48}\u{0E48}", "ก\u{0E48}", "ก่่ → ก่"),
    ("ด\u{0E35}\u{0E35}\u{0E35}", "ดี", "ดีีี → ดี"),
    (
        "ก\u{0E34}\u{0E48}\u{0E34}",
        "ก\u{0E34}\u{0E48}",
        "repeated vowel split by a tone",
    ),
    (
        "ก\u{0E48}\u{0E49}",
        "ก\u{0E49}",
        "two different tones: the last typed is kept (PyThaiNLP)",
    ),
    (
        "ค\u{0E38}\u{0E3A}\u{0E38}",
        "ค\u{0E3A}\u{0E38}",
        "repeat not adjacent after sorting",
    ),
    // --- two SARA E become SARA AE
    ("เเก้ว", "แก้ว", "เเ → แ"),
    (
        "\u{0E40}\u{0E40}\u{0E1B}\u{0E25}\u{0E01}",
        "แปลก",
        "เเปลก → แปลก",
    ),
    ("เก เก", "เก เก", "เ … เ across a space is not แ"),
    // --- a spacing vowel typed twice
    ("นาา", "นา", "าา → า"),
    ("โโต", "โต", "โโ → โ"),
    ("นานา", "นานา", "repetition across a consonant is a word"),
    (
        "สา าม",
        "สา าม",
        "PyThaiNLP collapses vowels across spaces: สา าม → สาม; we do not",
    ),
    // --- tone typed after the following vowel; ๅ typed for า
    (
        "กา\u{0E48}",
        "ก\u{0E48}า",
        "tone after า moves onto the consonant",
    ),
    ("กำ\u{0E49}", "ก\u{0E49}ำ", "tone after ำ moves before it"),
    ("กๅร", "การ", "ๅ → า"),
    ("ฤๅษี", "ฤๅษี", "ฤๅ keeps its ๅ"),
    // --- spaces typed before marks, and marks with nothing to sit on
    (
        "พ \u{0E38}\u{0E48}ม",
        "พ\u{0E38}\u{0E48}ม",
        "space before a mark after a consonant (PyThaiNLP)",
    ),
    (
        "\u{0E48}กา",
        "กา",
        "a tone at the start of the line sits on nothing",
    ),
    (
        "คำ \u{0E48}ที่สอง",
        "คำ ที่สอง",
        "a tone after a space sits on nothing",
    ),
    // --- zero-width and format characters removed
    ("สม\u{200B}ชาย", "สมชาย", "zero-width space"),
    ("สม\u{200C}ชาย", "สมชาย", "zero-width non-joiner"),
    (
        "สม\u{200D}ชาย",
        "สมชาย",
        "zero-width joiner (PyThaiNLP keeps it)",
    ),
    ("สม\u{2060}ชาย", "สมชาย", "word joiner (PyThaiNLP keeps it)"),
    ("\u{FEFF}สมชาย", "สมชาย", "BOM at the start"),
    ("สม\u{FEFF}ชาย", "สมชาย", "zero-width no-break space inside"),
    ("สม\u{00AD}ชาย", "สมชาย", "soft hyphen (PyThaiNLP keeps it)"),
    (
        "ก\u{200B}\u{0E48}",
        "ก\u{0E48}",
        "a zero-width space between a consonant and its tone",
    ),
    (
        "\u{200E}ครู\u{200F}",
        "ครู",
        "left-to-right and right-to-left marks",
    ),
    // --- spaces: NBSP and others become a space, runs collapse, ends trimmed
    ("นาย\u{00A0}สมชาย", "นาย สมชาย", "NBSP (PyThaiNLP keeps it)"),
    ("นาย\u{00A0}\u{00A0}\u{00A0}สมชาย", "นาย สมชาย", "NBSP run"),
    (
        "ก\u{2003}ข\u{202F}ค\u{3000}ง",
        "ก ข ค ง",
        "em space, narrow NBSP, ideographic space",
    ),
    ("ก\tข", "ก ข", "tab"),
    ("ก    ข", "ก ข", "run of spaces"),
    ("ข้อความ   ", "ข้อความ", "trailing spaces dropped"),
    (
        "   ข้อความ",
        "ข้อความ",
        "leading spaces dropped (indentation is kept by the reader)",
    ),
    (
        "\u{00A0}\u{200B} \u{00A0}",
        "",
        "only spaces and invisibles",
    ),
    // --- NFC for what is not Thai
    ("Cafe\u{0301}", "Café", "combining acute → precomposed"),
    // --- canonical text unchanged, digits and Latin untouched
    ("1.1 กลุ่มงานธุรการ", "1.1 กลุ่มงานธุรการ", "a label and a title"),
    ("ที่ ๑๖/๒๕๖๐", "ที่ ๑๖/๒๕๖๐", "Thai digits are kept as written"),
    (
        "(SCHOOL-BASED MANAGEMENT ) e-filing",
        "(SCHOOL-BASED MANAGEMENT ) e-filing",
        "Latin text untouched",
    ),
    ("นางสาวธนะพร ฉายแสง", "นางสาวธนะพร ฉายแสง", "a name"),
    (
        "งานอื่น ๆ ตามที่ได้รับมอบหมาย",
        "งานอื่น ๆ ตามที่ได้รับมอบหมาย",
        "ๆ after a space",
    ),
    ("", "", "empty line"),
];

#[test]
fn normalisation_table() {
    assert!(CASES.len() >= 40);
    let mut failures = Vec::new();
    for (input, want, what) in CASES {
        let got = normalize_line(input);
        if &got != want {
            failures.push(format!("{what}: {input:?} → {got:?}, want {want:?}"));
        }
        // every expected output is itself canonical
        let again = normalize_line(want);
        if &again != want {
            failures.push(format!(
                "{what}: expected {want:?} is not canonical: → {again:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
