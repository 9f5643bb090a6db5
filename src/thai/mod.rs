//! Thai text knowledge: normalisation, digits, dates and vocabulary. No document structure here.

pub mod date;
pub mod digits;
pub mod find;
pub mod gaps;
pub mod lexicon;
pub mod names;
pub mod normalize;
pub mod repair;

pub use normalize::normalize_line;

/// True for a Thai consonant, vowel or sign that is part of a word
/// (U+0E01–U+0E4E), but not the digits ๐–๙, ฯ (abbreviation) or ๆ (repetition),
/// which are followed by a space in running text.
pub fn is_thai_letter(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E4E}') && c != 'ฯ' && c != 'ๆ'
}

/// True for a Thai consonant (ก–ฮ, U+0E01–U+0E2E).
pub fn is_thai_consonant(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E2E}')
}
