//! Thai repair of extraction damage: what a PDF text layer or OCR does to Thai
//! text that a typist never does, undone before normalisation. Applied only
//! to text that came from a PDF or a scan (or, on `--repair-pdf-text`, a .txt
//! that did): the same rules on typed text could join what a writer meant
//! apart.
//!
//! | rule | damage | example |
//! |---|---|---|
//! | [`pua_to_thai`] | glyph variants of the Private Use Area (raised, lowered, left-shifted marks; ญ ฐ without their foot) that Thai fonts draw with and PDFs give as text | `ก\u{F70B}` → `ก้` |
//! | a space before a mark | a mark drawn apart from its consonant, read as a word gap | `ดังนี ้` → `ดังนี้`, `ชูศักดิ ์` → `ชูศักดิ์` |
//! | a space before ะ า ำ | a vowel read as a new word | `ไฟฟ้ า` → `ไฟฟ้า` |
//! | a space after เ แ โ ใ ไ | a leading vowel read as a word | `เ ป็น` → `เป็น` |
//! | a space after ั, after เ◌็ | a closed syllable cut before its final | `ปั ญหา` → `ปัญหา`, `เป็ น` → `เป็น` |
//! | a tone after the final of ั | the tone drawn after the final consonant | `ตัง้`, `ขัน ้` → `ตั้ง`, `ขั้น` |
//! | NIKHAHIT + SARA AA | SARA AM as the two glyphs it is drawn with | `ตํ าแหน่ง` → `ตำแหน่ง` |
//! | a split order word | [`PDF_SPLIT_WORDS`] cut by a space | `คำ สั่ง` → `คำสั่ง` |
//!
//! Every rule needs the damage to be certain from the letters alone: a mark
//! or a vowel cannot start a word, a leading vowel cannot end one, a syllable
//! with ั has a final. What is not certain stays as extracted: a dropped mark
//! (`หนา` for `หน้า`) is never guessed back, and a mark moved past the next
//! consonant with a space after it (`ฤทธิข์ อง`) is left, because
//! `ไปรษณีย์ อง` is written that way on purpose.

use super::lexicon::PDF_SPLIT_WORDS;
use super::normalize::{
    is_consonant, is_follow_vowel, is_lead_vowel, is_space_like, is_thai_mark, is_tone,
};

const NIKHAHIT: char = '\u{0E4D}';
const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';
const MAI_HAN_AKAT: char = '\u{0E31}';
const MAITAIKHU: char = '\u{0E47}';

/// What [`repair_line`] changed, by kind (for the diagnostic that says so).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Private Use Area glyphs mapped back to Thai letters.
    pub pua: usize,
    /// Spaces removed from inside a syllable.
    pub spaces: usize,
    /// Tone marks moved back before the final consonant of a ั syllable.
    pub tones: usize,
    /// NIKHAHIT + SARA AA made SARA AM again.
    pub sara_am: usize,
    /// Order words split by a space joined again.
    pub words: usize,
}

impl Repairs {
    /// Whether anything was changed.
    pub fn any(&self) -> bool {
        self.total() > 0
    }

    /// Changes of every kind.
    pub fn total(&self) -> usize {
        self.pua + self.spaces + self.tones + self.sara_am + self.words
    }

    /// Add `other`'s counts.
    pub fn add(&mut self, other: Repairs) {
        self.pua += other.pua;
        self.spaces += other.spaces;
        self.tones += other.tones;
        self.sara_am += other.sara_am;
        self.words += other.words;
    }
}

/// The Thai letter a Private Use Area glyph variant stands for, as Thai fonts
/// number them: Windows' U+F700–U+F71A and Apple's U+F884–U+F89E (the
/// variants HarfBuzz's fallback Thai shaper and Word use when a font has no
/// OpenType Thai features: a tone lowered over a consonant without an upper
/// vowel, shifted left under the tail of ป ฝ ฟ, ญ and ฐ without their foot
/// when a vowel goes below). `None` for any other character.
///
/// `'\u{F70B}'` → `'้'`; `'\u{F70F}'` → `'ญ'`
pub fn pua_to_thai(c: char) -> Option<char> {
    let t = match c {
        // Windows
        '\u{F700}' => '\u{0E10}',
        '\u{F701}' => '\u{0E34}',
        '\u{F702}' => '\u{0E35}',
        '\u{F703}' => '\u{0E36}',
        '\u{F704}' => '\u{0E37}',
        '\u{F705}' | '\u{F70A}' | '\u{F713}' => '\u{0E48}',
        '\u{F706}' | '\u{F70B}' | '\u{F714}' => '\u{0E49}',
        '\u{F707}' | '\u{F70C}' | '\u{F715}' => '\u{0E4A}',
        '\u{F708}' | '\u{F70D}' | '\u{F716}' => '\u{0E4B}',
        '\u{F709}' | '\u{F70E}' | '\u{F717}' => '\u{0E4C}',
        '\u{F70F}' => '\u{0E0D}',
        '\u{F710}' => '\u{0E31}',
        '\u{F711}' => '\u{0E4D}',
        '\u{F712}' => '\u{0E47}',
        '\u{F718}' => '\u{0E38}',
        '\u{F719}' => '\u{0E39}',
        '\u{F71A}' => '\u{0E3A}',
        // Apple
        '\u{F884}' => '\u{0E31}',
        '\u{F885}' => '\u{0E34}',
        '\u{F886}' => '\u{0E35}',
        '\u{F887}' => '\u{0E36}',
        '\u{F888}' => '\u{0E37}',
        '\u{F889}' => '\u{0E47}',
        '\u{F88A}'..='\u{F88C}' => '\u{0E48}',
        '\u{F88D}'..='\u{F88F}' => '\u{0E49}',
        '\u{F890}'..='\u{F892}' => '\u{0E4A}',
        '\u{F893}'..='\u{F895}' => '\u{0E4B}',
        '\u{F896}'..='\u{F898}' => '\u{0E4C}',
        '\u{F899}' => '\u{0E4D}',
        '\u{F89A}' => '\u{0E0D}',
        '\u{F89B}' => '\u{0E38}',
        '\u{F89C}' => '\u{0E39}',
        '\u{F89D}' => '\u{0E3A}',
        '\u{F89E}' => '\u{0E10}',
        _ => return None,
    };
    Some(t)
}

/// Whether a run of spaces between `before` (the text up to the run) and
/// `next` (the character after it) cuts a syllable, so that the run is
/// extraction damage: see the module's table.
fn space_inside_syllable(before: &[char], next: char) -> bool {
    let mut back = before.iter().rev().copied();
    let Some(prev) = back.next() else {
        return false;
    };
    if !super::is_thai_letter(prev) {
        return false;
    }
    // a mark or a following vowel never starts a word
    if is_thai_mark(next) || is_follow_vowel(next) {
        return true;
    }
    if !is_consonant(next) {
        return false;
    }
    // a leading vowel never ends one
    if is_lead_vowel(prev) {
        return true;
    }
    // ั, with or without its tone, is a closed syllable: its final follows
    let before_tone = if is_tone(prev) {
        back.next()
    } else {
        Some(prev)
    };
    if before_tone == Some(MAI_HAN_AKAT) {
        return true;
    }
    // เ◌็ is closed too (ก็ alone is a word, so only after a leading vowel)
    prev == MAITAIKHU && {
        let mut b = before.iter().rev().skip(1);
        b.next().is_some_and(|&c| is_consonant(c)) && b.next().is_some_and(|&c| is_lead_vowel(c))
    }
}

/// A tone that ends `out` right after `ั` + a consonant was drawn after the
/// final: it moves back before it (`ตัง้` → `ตั้ง`). A syllable with ั ends
/// in its final consonant, so a tone on that consonant is never written.
fn tone_after_final(out: &mut [char]) -> bool {
    let n = out.len();
    if n < 3 {
        return false;
    }
    match (out.get(n - 3), out.get(n - 2), out.get(n - 1)) {
        (Some(&MAI_HAN_AKAT), Some(&c), Some(&t)) if is_consonant(c) && is_tone(t) => {
            out.swap(n - 2, n - 1);
            true
        }
        _ => false,
    }
}

/// One line of PDF- or OCR-derived text with its extraction damage undone,
/// and what was changed. Idempotent; never drops a Thai letter; leaves a
/// line without damage as it is.
///
/// `"ผู้อำนวยการ ดังนี ้"` → `"ผู้อำนวยการ ดังนี้"`
pub fn repair_line(line: &str) -> (String, Repairs) {
    let mut r = Repairs::default();
    let mut out: Vec<char> = Vec::with_capacity(line.len() / 2);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match pua_to_thai(c) {
            Some(t) => {
                r.pua += 1;
                t
            }
            None => c,
        };
        if is_space_like(c) {
            // the whole run, then what follows it
            let mut run = vec![c];
            while let Some(&n) = chars.peek().filter(|&&n| is_space_like(n)) {
                run.push(n);
                chars.next();
            }
            let next = chars.peek().map(|&n| pua_to_thai(n).unwrap_or(n));
            if next.is_some_and(|n| space_inside_syllable(&out, n)) {
                r.spaces += 1;
            } else {
                out.extend(run);
            }
            continue;
        }
        if c == SARA_AA && sara_am(&mut out) {
            r.sara_am += 1;
            continue;
        }
        out.push(c);
        if is_tone(c) && tone_after_final(&mut out) {
            r.tones += 1;
        }
    }
    let mut text: String = out.into_iter().collect();
    for word in PDF_SPLIT_WORDS {
        r.words += join_split(&mut text, word);
    }
    (text, r)
}

/// NIKHAHIT (with a tone after it or not) ending `out`, before a SARA AA:
/// both become SARA AM, the tone kept before it (`ตํ` + `า` → `ตำ`).
fn sara_am(out: &mut Vec<char>) -> bool {
    let n = out.len();
    match (n.checked_sub(2).and_then(|i| out.get(i)), out.last()) {
        (_, Some(&NIKHAHIT)) => {
            out.pop();
            out.push(SARA_AM);
            true
        }
        (Some(&NIKHAHIT), Some(&t)) if is_tone(t) => {
            out.truncate(n - 2);
            out.push(t);
            out.push(SARA_AM);
            true
        }
        _ => false,
    }
}

/// `word` written with one space between two of its characters, in `text`,
/// joined again; how many were. Each space is looked at in place, without
/// building the split forms (allocating them for every word and line cost
/// 70% of a PDF's parse, measured with callgrind on the reference).
fn join_split(text: &mut String, word: &str) -> usize {
    if !text.contains(' ') {
        return 0;
    }
    let cuts: Vec<(&str, &str)> = word
        .char_indices()
        .skip(1)
        .map(|(i, _)| word.split_at(i))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut joined = 0;
    let mut from = 0;
    for (at, _) in text.match_indices(' ') {
        let (Some(before), Some(after)) = (text.get(..at), text.get(at + 1..)) else {
            continue;
        };
        if cuts
            .iter()
            .any(|(head, tail)| before.ends_with(head) && after.starts_with(tail))
        {
            out.push_str(text.get(from..at).unwrap_or(""));
            from = at + 1;
            joined += 1;
        }
    }
    if joined > 0 {
        out.push_str(text.get(from..).unwrap_or(""));
        *text = out;
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Damage seen in real extractions (pdftotext -layout of a LibreOffice
    /// PDF of the reference order; the Royal Gazette texts of the corpus)
    /// and what the writer typed.
    const CASES: &[(&str, &str)] = &[
        ("นายชูศักดิ ์ ประเสริฐ", "นายชูศักดิ์ ประเสริฐ"),
        ("ดังนี ้", "ดังนี้"),
        ("ในกลุ่มนโยบายและแผน ดังนี ้", "ในกลุ่มนโยบายและแผน ดังนี้"),
        ("การศึกษาเป็ นไปตามนโยบาย", "การศึกษาเป็นไปตามนโยบาย"),
        ("แก้ไขปั ญหาการปฏิบัติงาน", "แก้ไขปัญหาการปฏิบัติงาน"),
        ("เสนอฝ่ ายบริหารพิจารณา", "เสนอฝ่ายบริหารพิจารณา"),
        ("ไฟฟ้ า", "ไฟฟ้า"),
        ("ตัง้", "ตั้ง"),
        ("การศึกษาขัน ้ พื้นฐาน", "การศึกษาขั้น พื้นฐาน"),
        ("ตํ าแหน่ง", "ตำแหน่ง"),
        ("ตําแหน่ง", "ตำแหน่ง"),
        ("น\u{0E4D}\u{0E49}า", "น้ำ"),
        ("คำ สั่ง สำนักนายกรัฐมนตรี", "คำสั่ง สำนักนายกรัฐมนตรี"),
        ("ตำ แหน่ง", "ตำแหน่ง"),
        ("เ ป็น", "เป็น"),
        ("ป\u{F712}นต\u{F70B}น", "ป็นต้น"),
        ("ผู\u{F70B}อำนวยการ", "ผู้อำนวยการ"),
        ("ป\u{F713}า", "ป่า"),
        ("ข\u{F71A}", "ขฺ"),
    ];

    #[test]
    fn real_damage_is_repaired() {
        for (damaged, typed) in CASES {
            assert_eq!(repair_line(damaged).0, *typed, "{damaged}");
        }
    }

    /// Text a writer typed that looks like damage but is not.
    const LEFT: &[&str] = &[
        "ที่ นี่",
        "ก็ ได้",
        "ไปรษณีย์ อง",
        "หนา",
        "ผลสัมฤทธิข์ องงาน",
        "1. นาย ก ข",
        "ครู ค.ศ. 3",
        "คำ ถาม",
        "e- filing",
        "ภาพ ุ่",
    ];

    #[test]
    fn what_is_not_certain_is_left() {
        for text in LEFT {
            // "ภาพ ุ่": a mark after a space is damage in a PDF, so it joins
            let (out, r) = repair_line(text);
            if *text == "ภาพ ุ่" {
                assert_eq!(out, "ภาพุ่");
                continue;
            }
            assert_eq!(&out, text);
            assert!(!r.any(), "{text}");
        }
    }

    #[test]
    fn repair_is_idempotent_and_keeps_every_letter() {
        for (damaged, _) in CASES {
            let (once, _) = repair_line(damaged);
            let (twice, r) = repair_line(&once);
            assert_eq!(once, twice);
            assert!(!r.any(), "{damaged}");
            let letters = |s: &str| s.chars().filter(|c| is_consonant(*c)).count();
            assert_eq!(letters(damaged), letters(&once), "{damaged}");
        }
    }

    #[test]
    fn repairs_are_counted_by_kind() {
        let (_, r) = repair_line("ก\u{F70B}า ดังนี ้ ตํ า คำ สั่ง ตัง้");
        assert_eq!(
            r,
            Repairs {
                pua: 1,
                spaces: 2,
                tones: 1,
                sara_am: 1,
                words: 1
            }
        );
    }

    #[test]
    fn every_pua_variant_maps_to_a_thai_mark_or_letter() {
        for c in ('\u{F700}'..='\u{F71A}').chain('\u{F884}'..='\u{F89E}') {
            let t = pua_to_thai(c).unwrap_or_else(|| panic!("{:X}", u32::from(c)));
            assert!(('\u{0E01}'..='\u{0E4E}').contains(&t));
        }
        assert_eq!(pua_to_thai('\u{F71B}'), None);
        assert_eq!(pua_to_thai('ก'), None);
    }
}
