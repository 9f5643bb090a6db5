//! Thai normalisation: one canonical byte sequence for what a reader sees as the
//! same text, so that names and duties compare equal across files and years.
//!
//! Works on one line at a time and never joins or splits lines. Each rule is a
//! small step, applied in [`normalize_line`] in the order below. Leading
//! whitespace is dropped here: the reader records indentation separately.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

const NIKHAHIT: char = '\u{0E4D}';
const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';
const SARA_E: char = '\u{0E40}';
const SARA_AE: char = '\u{0E41}';

/// Invisible characters removed outright: zero-width space, ZWNJ, ZWJ, word
/// joiner, BOM / zero-width no-break space, soft hyphen. They are pasted in from
/// web pages and Word and make equal names compare unequal.
///
/// `"สม\u{200B}ชาย"` → `"สมชาย"`
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Space-like characters that become a plain space: tab, NBSP (from HTML), the
/// typographic spaces U+2000–U+200A, narrow NBSP, medium mathematical space,
/// ideographic space.
///
/// `"นาย\u{00A0}\u{00A0}สมชาย"` → `"นาย สมชาย"` (after collapsing)
pub fn is_space_like(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{000B}' | '\u{000C}' | '\u{00A0}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Thai combining marks written above or below a consonant.
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Canonical order of stacked marks: above vowels and ็ first, then ฺ, then the
/// below vowels ุ ู, then tone marks, then ์ ํ ๎ (ties by code point). Typists
/// enter tone-then-vowel as often as vowel-then-tone; both render alike, so both
/// must become one sequence. The order agrees with Unicode's canonical combining
/// classes (ฺ 9, ุ ู 103, tones 107), so NFC never reorders the result.
///
/// `"ก\u{0E48}\u{0E34}"` (tone, vowel) → `"ก\u{0E34}\u{0E48}"`
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

/// Normalise one line of text (see the module doc). Idempotent.
///
/// Steps:
/// 1. invisible characters removed ([`is_invisible`]);
/// 2. space-like characters become a space, runs collapse to one, leading and
///    trailing spaces are dropped;
/// 3. two SARA E (เ + เ) become SARA AE (แ), the way a typewriter habit wrote it;
/// 4. stacked marks are put in canonical order and a mark repeated by mistake
///    (ก่่) is kept once;
/// 5. NIKHAHIT + SARA AA (ํ + า) becomes SARA AM (ำ), also with a tone mark between
///    them (น + ํ + ้ + า → น้ำ);
/// 6. Unicode NFC.
///
/// ```
/// use kamsang::thai::normalize_line;
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
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_invisible(c) {
            continue;
        }
        if is_space_like(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if is_thai_mark(c) {
            // Gather the whole run of marks (invisibles inside it are dropped).
            marks.clear();
            marks.push(c);
            while let Some(&n) = chars.peek() {
                if is_thai_mark(n) {
                    marks.push(n);
                } else if !is_invisible(n) {
                    break;
                }
                chars.next();
            }
            let mut am = false;
            if marks.contains(&NIKHAHIT) && chars.peek() == Some(&SARA_AA) {
                chars.next();
                marks.retain(|&m| m != NIKHAHIT);
                am = true;
            }
            // sorting also brings a repeated mark together, to be kept once
            marks.sort_by_key(|&m| mark_key(m));
            marks.dedup();
            out.extend(marks.iter());
            if am {
                out.push(SARA_AM);
            }
            continue;
        }
        if c == SARA_E && chars.peek() == Some(&SARA_E) {
            chars.next();
            out.push(SARA_AE);
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

/// The normalise stage of the pipeline: every line of `source` normalised.
pub fn normalize(mut source: crate::read::Source) -> crate::read::Source {
    for line in &mut source.lines {
        line.text = normalize_line(&line.text);
    }
    source
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
    fn marks_reordered_and_deduplicated() {
        assert_eq!(n("ก\u{0E48}\u{0E34}"), "ก\u{0E34}\u{0E48}");
        assert_eq!(n("ก\u{0E48}\u{0E48}"), "ก\u{0E48}");
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

    #[test]
    fn canonical_text_unchanged() {
        let s = "1.1 กลุ่มงานธุรการ (SRBM) น้ำ แก้ว";
        assert_eq!(n(s), s);
        assert_eq!(n(&n(s)), n(s));
    }
}
