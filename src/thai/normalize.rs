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
pub(crate) const fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

pub(crate) const fn is_tone(c: char) -> bool {
    matches!(c, '\u{0E48}'..='\u{0E4B}')
}

pub(crate) fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E2E}')
}

/// Vowels written after the consonant on the line (ะ า ำ ๅ).
pub(crate) const fn is_follow_vowel(c: char) -> bool {
    matches!(c, '\u{0E30}' | '\u{0E32}' | '\u{0E33}' | '\u{0E45}')
}

/// Vowels written before the consonant (เ แ โ ใ ไ).
pub(crate) const fn is_lead_vowel(c: char) -> bool {
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
pub const fn is_repeatable_vowel(c: char) -> bool {
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
    (mark_rank(c), c)
}

/// Where a mark goes in [`canonical_marks`]'s order (0 for above vowels and ็).
const fn mark_rank(c: char) -> u8 {
    match c {
        '\u{0E3A}' => 1,
        '\u{0E38}' | '\u{0E39}' => 2,
        '\u{0E48}'..='\u{0E4B}' => 3,
        '\u{0E4C}'..='\u{0E4E}' => 4,
        _ => 0,
    }
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
    match quick(s, None) {
        Some(out) => out,
        None => normalize_slow(s),
    }
}

/// [`normalize_line`] for a line that needs no rule but the spaces and
/// invisibles ones, which most lines of a document are: the text between
/// spaces is copied as it stands, runs of space-like characters become one
/// space, the ends are trimmed and invisibles dropped. `None` as soon as a
/// character could need another rule; the line then goes through them all.
///
/// No other rule applies when: only ASCII and Thai remain; every run of marks
/// sits on a letter (not at the start, not after a space), is in canonical
/// order with no mark twice and at most one tone, holds no NIKHAHIT, and no
/// tone follows a vowel written after the consonant; there is no ๅ and no
/// spacing vowel typed twice (เเ included).
///
/// With `wide_gap` (see [`super::gaps`]), also `None` at a run of that many
/// space-like characters, or a tab, after text: the line is then normalised
/// segment by segment.
pub(super) fn quick(s: &str, wide_gap: Option<usize>) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // start of the text not yet copied
    let mut from = 0;
    // a space to write before the next character
    let mut pending = false;
    // the last character written, as the rules see it (NONE before the first)
    let mut prev = NONE;
    // what the character before the current run of marks is, and whether
    // the run has a tone
    let mut base = 0;
    let mut tone = false;
    // the run of space-like characters before this one, and whether it has a tab
    let mut run = 0;
    let mut run_tab = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII is one byte, the Thai block (U+0E00–U+0E7F) is E0 B8 xx / E0 B9 xx
        // (the character, or None for one not copied; its flags; its length;
        // whether it is space-like)
        let (code, flags, len, space) = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (b' ' | b'\t' | 0x0B | 0x0C, _, _) => (None, 0, 1, true),
            (0..0x80, _, _) => (Some(u32::from(b)), 0, 1, false),
            (0xE0, Some(&b1 @ (0xB8 | 0xB9)), Some(&b2)) => {
                let index = (usize::from(b1 & 1) << 6) | usize::from(b2 & 0x3F);
                let flags = THAI_FLAGS.get(index).copied().unwrap_or(STOP);
                (Some(0x0E00 + index as u32), flags, 3, false)
            }
            _ => {
                let c = s.get(i..)?.chars().next()?;
                let space = is_space_like(c);
                if !(space || is_invisible(c)) {
                    return None;
                }
                (None, 0, c.len_utf8(), space)
            }
        };
        if space {
            run += 1;
            run_tab |= b == b'\t';
        } else if code.is_some() {
            // (an invisible character neither ends a run of spaces nor
            // counts in it, as in the gaps' rule)
            if is_gap(wide_gap, run, run_tab, prev != NONE) {
                return None;
            }
            run = 0;
            run_tab = false;
        }
        let Some(code) = code else {
            // a space-like or invisible character: not copied
            out.push_str(s.get(from..i)?);
            from = i + len;
            pending |= space && prev != NONE;
            i += len;
            continue;
        };
        if pending {
            out.push(' ');
            pending = false;
            prev = u32::from(b' ');
        }
        if flags & STOP != 0 {
            return None;
        }
        if flags & MARK != 0 {
            let before = thai_flags(prev);
            if prev == NONE || prev == u32::from(b' ') {
                return None;
            }
            if before & MARK != 0 {
                let key = |code: u32, flags: u8| (flags >> RANK_SHIFT, code);
                if key(prev, before) >= key(code, flags) || (tone && flags & TONE != 0) {
                    return None;
                }
            } else {
                base = before;
                tone = false;
            }
            if flags & TONE != 0 && base & FOLLOW != 0 {
                return None;
            }
            tone |= flags & TONE != 0;
        } else if flags & REPEATABLE != 0 && prev == code {
            return None;
        }
        prev = code;
        i += len;
    }
    out.push_str(s.get(from..)?);
    Some(out)
}

/// No character written yet (no code point is this).
const NONE: u32 = u32::MAX;

/// Whether a run of `run` space-like characters (`tab`: one of them a tab)
/// after some text (`text_before`) is a wide gap of at least `wide_gap`.
fn is_gap(wide_gap: Option<usize>, run: usize, tab: bool, text_before: bool) -> bool {
    wide_gap.is_some_and(|w| run >= w || tab) && text_before
}

// What [`quick`] needs to know of a character of the Thai block.
/// A mark above or below its consonant.
const MARK: u8 = 1;
/// A tone mark.
const TONE: u8 = 2;
/// A vowel written after the consonant.
const FOLLOW: u8 = 4;
/// A spacing vowel typed twice is kept once.
const REPEATABLE: u8 = 8;
/// NIKHAHIT or ๅ: a rule may change the line.
const STOP: u8 = 16;
/// The mark's [`mark_rank`], in the top bits.
const RANK_SHIFT: u8 = 5;

/// [`MARK`], [`TONE`], … of each character U+0E00–U+0E7F.
#[allow(clippy::indexing_slicing)] // i < 128, the table's length
const THAI_FLAGS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = match char::from_u32(0x0E00 + i as u32) {
            Some(c) => c,
            None => '\0',
        };
        let mut f = mark_rank(c) << RANK_SHIFT;
        if is_thai_mark(c) {
            f |= MARK;
        }
        if is_tone(c) {
            f |= TONE;
        }
        if is_follow_vowel(c) {
            f |= FOLLOW;
        }
        if is_repeatable_vowel(c) {
            f |= REPEATABLE;
        }
        if c == NIKHAHIT || c == LAKKHANGYAO {
            f |= STOP;
        }
        table[i] = f;
        i += 1;
    }
    table
};

/// [`THAI_FLAGS`] of `code` (0 outside the Thai block).
fn thai_flags(code: u32) -> u8 {
    code.checked_sub(0x0E00)
        .and_then(|i| THAI_FLAGS.get(i as usize))
        .copied()
        .unwrap_or(0)
}

/// [`normalize_line`] by its rules, character by character.
fn normalize_slow(s: &str) -> String {
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
    use super::{normalize_slow, quick};
    use proptest::prelude::*;

    /// Text made of what the rules look at: consonants, every mark, spacing
    /// vowels, ๅ, spaces of every kind, invisibles, ASCII and é.
    fn rule_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                1 => "[ก-ฮ]",
                // a syllable: lead vowel, consonant, marks, follow vowel
                8 => "[เ-ไ]?[ก-ฮ][\u{0E31}\u{0E34}-\u{0E3A}\u{0E47}-\u{0E4E}]{0,2}[ะาำๅ]?",
                2 => Just(" ".to_string()),
                1 => "[\u{0E30}-\u{0E3A}\u{0E40}-\u{0E4E}]",
                1 => "[\u{0E00}-\u{0E7F}]",
                1 => "[ \u{00A0}\u{200B}\t\u{3000}\u{2028}\u{FEFF}\u{00AD}\u{0085}]",
                1 => "[a-z0-9.()]",
                1 => Just("e\u{0301}".to_string()),
            ],
            0..24,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

        /// The read-only check never lets through a line the rules change.
        #[test]
        fn a_line_found_normal_is_its_normal_form(s in rule_text()) {
            if let Some(q) = quick(&s, None) {
                prop_assert_eq!(q, normalize_slow(&s));
            }
            prop_assert_eq!(n(&s), normalize_slow(&s));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

        /// Nor a normal line with one thing typed into it.
        #[test]
        fn a_normal_line_with_a_slip_is_checked(
            s in rule_text(),
            slip in rule_text(),
            at in 0usize..64,
        ) {
            let t = normalize_slow(&s);
            let cut = t.char_indices().map(|(i, _)| i).nth(at).unwrap_or(t.len());
            let u = format!("{}{}{}", &t[..cut], slip.chars().take(2).collect::<String>(), &t[cut..]);
            if let Some(q) = quick(&u, None) {
                prop_assert_eq!(q, normalize_slow(&u));
            }
            let padded = format!(" \u{200B}{u}\t ");
            prop_assert_eq!(n(&padded), normalize_slow(&padded));
        }
    }

    /// Clean Thai text takes the quick path, its spaces mended (the quick path is
    /// not always `None`).
    #[test]
    fn clean_lines_are_found_normal() {
        for line in [
            "คำสั่งโรงเรียนบ้านหนองน้ำใส ที่ 123/2566",
            "1.1 นางสาวกิ่งแก้ว ใจดี ตำแหน่ง ครู วิทยฐานะ ครูชำนาญการพิเศษ",
            "กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ นายก ข ปฏิบัติงานแทน",
        ] {
            assert_eq!(quick(line, None).as_deref(), Some(line));
            let spaced = format!(" {}\u{00A0}\u{00A0}\u{200B}ก ", line.replace(' ', "  "));
            assert_eq!(quick(&spaced, None), Some(format!("{line} ก")));
        }
        assert_eq!(quick("ก\u{0E48}\u{0E34}", None), None);
        // ์ (rank 4) before ่ (rank 3): out of order by rank, though not by code point
        assert_eq!(quick("กก\u{0E4C}\u{0E48}", None), None);
        assert_eq!(n("กก\u{0E4C}\u{0E48}"), "กก\u{0E48}\u{0E4C}");
        assert_eq!(quick("ก \u{0E34}", None), None);
    }

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
