//! Thai words, for comparing duty titles.
//!
//! Thai is written without spaces between words, so a similarity over
//! space-separated tokens would see a whole clause as one "word". ICU4X's
//! segmenter in dictionary mode splits Thai with a compiled-in word list
//! (its LSTM mode, the default "auto", is not built in: it guesses worse on
//! office Thai and costs a model in the binary).

use std::sync::OnceLock;

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;

/// One segment of a text: a word (Thai or Latin letters, a number) or the
/// space and punctuation between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The segment's text.
    pub text: &'a str,
    /// True for letters and numbers, false for spaces and punctuation.
    pub is_word: bool,
}

fn segmenter() -> &'static icu_segmenter::WordSegmenterBorrowed<'static> {
    static SEGMENTER: OnceLock<icu_segmenter::WordSegmenterBorrowed<'static>> = OnceLock::new();
    SEGMENTER.get_or_init(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()))
}

/// `text` cut into words and the gaps between them; the segments joined give
/// `text` back.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (end, kind) in segmenter().segment_str(text).iter_with_word_type() {
        if end <= start {
            continue;
        }
        if let Some(piece) = text.get(start..end) {
            out.push(Segment {
                text: piece,
                is_word: kind.is_word_like(),
            });
        }
        start = end;
    }
    out
}

/// The words of `text`, without spaces and punctuation.
pub fn words(text: &str) -> Vec<&str> {
    segments(text)
        .into_iter()
        .filter(|s| s.is_word)
        .map(|s| s.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_is_cut_into_dictionary_words() {
        let w = words("จัดทำแผนปฏิบัติการประจำปี");
        assert!(w.len() >= 4, "{w:?}");
        assert_eq!(w.concat(), "จัดทำแผนปฏิบัติการประจำปี");
        assert!(w.contains(&"แผน"), "{w:?}");
    }

    #[test]
    fn segments_give_the_text_back() {
        let text = "งานธุรการ (สารบรรณ) 2568, และอื่น ๆ";
        let s: String = segments(text).iter().map(|s| s.text).collect();
        assert_eq!(s, text);
        assert!(!words(text).contains(&" "));
    }
}
