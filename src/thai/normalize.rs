//! Thai normalisation: one canonical character sequence for what a reader sees
//! as the same text, so that names and duties compare equal across files and
//! years.
//!
//! Works on one line at a time and never joins or splits lines. The rules are
//! the small named steps below, applied in one pass by [`normalize_line`]:
//!
//! | step | fixes | example |
//! |---|---|---|
//! | [`is_invisible`] | zero-width and format characters pasted from the web or Word | `สม‹ZWSP›ชาย` → `สมชาย` |
//! | [`is_space_like`] | NBSP runs from HTML, tabs, typographic spaces; runs collapse, ends trimmed | `นาย‹NBSP›‹NBSP›ก` → `นาย ก` |
//! | [`attaches_to_previous`] | a space typed before a mark that belongs to the consonant | `พ ุ่ม` → `พุ่ม` |
//! | [`is_dangling_sign`] | a tone mark or sign with no consonant to sit on | `่ก` → `ก` |
//! | [`lakkhangyao_to_sara_aa`] | ๅ typed for า | `กๅร` → `การ` |
//! | [`sara_e_pair`] | เ + เ typed for แ | `เเก้ว` → `แก้ว` |
//! | [`is_repeatable_vowel`] | a spacing vowel typed twice | `นาา` → `นา` |
//! | [`canonical_marks`] | marks in any order, a mark twice, two tone marks | `ก่ิ` → `กิ่`, `ก่่` → `ก่`, `ก่้` → `ก้` |
//! | [`sara_am`] | ํ + า typed for ำ, also with a tone between | `น‹ํ›‹้›า` → `น้ำ` |
//! | [`tone_before_follow_vowel`] | a tone typed after า ะ ำ | `กา่` → `ก่า`, `กำ้` → `ก้ำ` |
//! | NFC | other scripts in canonical composition | `e‹U+0301›` → `é` |
//!
//! Marks are never merged across a space (PyThaiNLP turns `สา าม` into `สาม`),
//! and no Thai consonant or vowel letter is ever dropped. Leading and trailing
//! spaces are dropped: the reader records indentation separately.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

const NIKHAHIT: char = '\u{0E4D}';
const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';
const SARA_E: char = '\u{0E40}';
const SARA_AE: char = '\u{0E41}';
const LAKKHANGYAO: char = '\u{0E45}';

/// Invisible characters removed outright: zero-width space, ZWNJ, ZWJ, word
/// joiner and the invisible operators, BOM / zero-width no-break space, soft
/// hyphen, left-to-right and right-to-left marks. They are pasted in from web
/// pages and Word and make equal names compare unequal.
///
/// `"สม\u{200B}ชาย"` → `"สมชาย"`
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Space-like characters that become a plain space: tab, vertical tab, form
/// feed, NBSP (from HTML), Ogham space, the typographic spaces U+2000–U+200A,
/// line and paragraph separators (a line is never split), narrow NBSP, medium
/// mathematical space, ideographic space. Runs collapse to one space and the
/// line's ends are trimmed.
///
/// `"นาย\u{00A0}\u{00A0}สมชาย"` → `"นาย สมชาย"`
pub fn is_space_like(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Thai combining marks written above or below a consonant.
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

fn is_tone(c: char) -> bool {
    matches!(c, '\u{0E48}'..='\u{0E4B}')
}

fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E2E}')
}

/// Vowels written after the consonant on the line (ะ า ำ ๅ).
fn is_follow_vowel(c: char) -> bool {
    matches!(c, '\u{0E30}' | '\u{0E32}' | '\u{0E33}' | '\u{0E45}')
}

/// Vowels written before the consonant (เ แ โ ใ ไ).
fn is_lead_vowel(c: char) -> bool {
    matches!(c, '\u{0E40}'..='\u{0E44}')
}

/// Any Thai vowel letter, spacing or combining.
fn is_vowel(c: char) -> bool {
    is_follow_vowel(c)
        || is_lead_vowel(c)
        || matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E39}' | '\u{0E47}')
}

/// A space typed between a consonant and the mark that belongs to it is a typo:
/// the mark joins the consonant (as PyThaiNLP does). Only when the consonant is
/// not itself the final of a syllable (preceded by a vowel), so that `ภาพ ุ่`
/// is left alone.
///
/// `"พ ุ่ม"` → `"พุ่ม"`
pub fn attaches_to_previous(out: &str) -> bool {
    let mut back = out.chars().rev();
    match (back.next(), back.next()) {
        (Some(c), before) => is_consonant(c) && !before.is_some_and(is_vowel),
        _ => false,
    }
}

/// A tone mark or sign (่ ้ ๊ ๋ ็ ฺ ์ ํ ๎) at the start of a line or after a
/// space sits on nothing: it is a stray keystroke and is dropped. Vowel signs
/// (ั ิ ี ึ ื ุ ู) are letters and are kept even there.
///
/// `"่กา"` → `"กา"`
pub fn is_dangling_sign(c: char) -> bool {
    is_thai_mark(c) && !is_vowel(c)
}

/// LAKKHANGYAO (ๅ) typed for SARA AA (า), as PyThaiNLP reads it; after ฤ and ฦ
/// it is the real ๅ (ฤๅ, ฦๅ) and stays.
///
/// `"กๅร"` → `"การ"`, `"ฤๅษี"` unchanged
pub fn lakkhangyao_to_sara_aa(prev: Option<char>) -> char {
    match prev {
        Some('\u{0E24}' | '\u{0E26}') => LAKKHANGYAO,
        _ => SARA_AA,
    }
}

/// Two SARA E (เ + เ) typed for SARA AE (แ), a typewriter habit.
///
/// `"เเก้ว"` → `"แก้ว"`
pub fn sara_e_pair(c: char, next: Option<char>) -> bool {
    c == SARA_E && next == Some(SARA_E)
}

/// A spacing vowel (ะ า ำ เ แ โ ใ ไ) directly after the same vowel is a repeated
/// keystroke and is kept once. Never across a space: `"สา าม"` stays.
///
/// `"นาา"` → `"นา"`
pub fn is_repeatable_vowel(c: char) -> bool {
    is_follow_vowel(c) || is_lead_vowel(c)
}

/// Canonical order of a run of stacked marks: above vowels and ็ first, then ฺ,
/// then the below vowels ุ ู, then the tone mark, then ์ ํ ๎ (ties by code
/// point). Typists enter tone-then-vowel as often as vowel-then-tone; both render
/// alike, so both must become one sequence. A mark repeated by mistake is kept
/// once, and of two different tone marks the last typed is kept (as PyThaiNLP
/// does). The order agrees with Unicode's canonical combining classes (ฺ 9, ุ ู
/// 103, tones 107), so NFC never reorders the result.
///
/// `['่', 'ิ']` → `['ิ', '่']`; `['่', '่']` → `['่']`; `['่', '้']` → `['้']`
pub fn canonical_marks(marks: &mut Vec<char>) {
    if marks.len() < 2 {
        return;
    }
    if let Some(last_tone) = marks.iter().rev().copied().find(|&c| is_tone(c)) {
        marks.retain(|&c| !is_tone(c) || c == last_tone);
    }
    marks.sort_by_key(|&c| mark_key(c));
    marks.dedup();
}

fn mark_key(c: char) -> (u8, char) {
    let rank = match c {
        '\u{0E3A}' => 1,
        '\u{0E38}' | '\u{0E39}' => 2,
        '\u{0E48}'..='\u{0E4B}' => 3,
        '\u{0E4C}'..='\u{0E4E}' => 4,
        _ => 0,
    };
    (rank, c)
}

/// NIKHAHIT + SARA AA (ํ + า) typed for SARA AM (ำ), also with a tone mark
/// between or before them: the NIKHAHIT leaves the mark run and the า becomes ำ.
/// Returns whether the run held a NIKHAHIT that the next character completes.
///
/// `"น\u{0E4D}\u{0E49}\u{0E32}"` → `"น้ำ"`
pub fn sara_am(marks: &mut Vec<char>, next: Option<char>) -> bool {
    // ๅ typed for า counts as า here too (see lakkhangyao_to_sara_aa)
    if matches!(next, Some(SARA_AA | LAKKHANGYAO)) && marks.contains(&NIKHAHIT) {
        marks.retain(|&m| m != NIKHAHIT);
        true
    } else {
        false
    }
}

/// A tone mark typed after the vowel that follows the consonant (า ะ ำ) belongs
/// on the consonant: it moves before the vowel, into the consonant's marks.
///
/// `"กา่"` → `"ก่า"`; `"กำ้"` → `"ก้ำ"`
pub fn tone_before_follow_vowel(out: &mut String, marks: &mut Vec<char>) {
    if !marks.iter().any(|&c| is_tone(c)) || !out.chars().next_back().is_some_and(is_follow_vowel) {
        return;
    }
    // only when a consonant stands before the vowel to take the tone
    let mut back = out
        .chars()
        .rev()
        .skip_while(|&c| is_follow_vowel(c))
        .skip_while(|&c| is_thai_mark(c));
    if !back.next().is_some_and(is_consonant) {
        return;
    }
    let mut vowels = Vec::new();
    while let Some(c) = out.chars().next_back().filter(|&c| is_follow_vowel(c)) {
        out.pop();
        vowels.push(c);
    }
    let mut cluster = Vec::new();
    while let Some(c) = out.chars().next_back().filter(|&c| is_thai_mark(c)) {
        out.pop();
        cluster.push(c);
    }
    cluster.reverse();
    cluster.extend(marks.iter().copied().filter(|&c| is_tone(c)));
    marks.retain(|&c| !is_tone(c));
    canonical_marks(&mut cluster);
    out.extend(cluster);
    out.extend(vowels.iter().rev());
}

/// Normalise one line of text (see the module doc for the rules). Idempotent;
/// never joins or splits lines.
///
/// ```
/// use kamsang::normalize_line;
/// assert_eq!(normalize_line("  น\u{0E4D}\u{0E49}\u{0E32}  ใจ\u{00A0}\u{00A0}ดี  "), "น้ำ ใจ ดี");
/// assert_eq!(normalize_line("เเก้ว"), "แก้ว");
/// ```
pub fn normalize_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut marks: Vec<char> = Vec::with_capacity(8);
    // Thai and ASCII text is already in NFC once marks are ordered; only other
    // scripts need the NFC pass.
    let mut needs_nfc = false;
    let mut chars = s.chars().filter(|&c| !is_invisible(c)).peekable();
    while let Some(c) = chars.next() {
        if is_space_like(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if is_thai_mark(c) {
            marks.clear();
            marks.push(c);
            while let Some(&n) = chars.peek().filter(|&&n| is_thai_mark(n)) {
                marks.push(n);
                chars.next();
            }
            if pending_space && attaches_to_previous(&out) {
                pending_space = false;
            }
            let starts_cluster = out.is_empty() || pending_space;
            let am = sara_am(&mut marks, chars.peek().copied());
            if am {
                chars.next();
            }
            if starts_cluster {
                marks.retain(|&m| !is_dangling_sign(m));
            }
            if pending_space && (!marks.is_empty() || am) {
                out.push(' ');
                pending_space = false;
            }
            tone_before_follow_vowel(&mut out, &mut marks);
            canonical_marks(&mut marks);
            out.extend(marks.iter());
            if am && !out.ends_with(SARA_AM) {
                out.push(SARA_AM);
            }
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        let c = if c == LAKKHANGYAO {
            lakkhangyao_to_sara_aa(out.chars().rev().find(|&c| !is_thai_mark(c)))
        } else {
            c
        };
        if sara_e_pair(c, chars.peek().copied()) {
            chars.next();
            if !out.ends_with(SARA_AE) {
                out.push(SARA_AE);
            }
            continue;
        }
        if is_repeatable_vowel(c) && out.ends_with(c) {
            continue;
        }
        needs_nfc |= !(c.is_ascii() || ('\u{0E00}'..='\u{0E7F}').contains(&c));
        out.push(c);
    }
    if !needs_nfc || is_nfc_quick(out.chars()) == IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_line as n;

    #[test]
    fn sara_am_from_nikhahit_and_sara_aa() {
        assert_eq!(n("ก\u{0E4D}\u{0E32}"), "กำ");
        assert_eq!(n("น\u{0E4D}\u{0E49}\u{0E32}"), "น้ำ");
        assert_eq!(n("น\u{0E49}\u{0E4D}\u{0E32}"), "น้ำ");
        // PyThaiNLP leaves a stray mark here
        assert_eq!(n("ก\u{0E4D}\u{0E4D}\u{0E32}"), "กำ");
    }

    #[test]
    fn spaces_and_invisibles() {
        assert_eq!(
            n("\u{FEFF}  นาย\u{00A0}\u{00A0}สม\u{200B}ชาย\t "),
            "นาย สมชาย"
        );
        assert_eq!(n("   "), "");
        // vowels are never merged across a space (PyThaiNLP: "สา าม" → "สาม")
        assert_eq!(n("สา าม"), "สา าม");
    }
}
