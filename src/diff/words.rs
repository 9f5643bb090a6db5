//! Thai words, for comparing duty titles.
//!
//! Thai is written without spaces between words, so a similarity over
//! space-separated tokens would see a whole clause as one "word". ICU4X's
//! segmenter in dictionary mode splits Thai with a compiled-in word list
//! (its LSTM mode, the default "auto", is not built in: it guesses worse on
//! office Thai and costs a model in the binary).

use std::collections::HashMap;
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

/// Word similarity of two texts in 0..=1: the Dice coefficient of their word
/// multisets (2·common / (|a| + |b|)). Word order is ignored on purpose: a
/// reworded duty often moves a clause.
pub fn similarity(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i32> = HashMap::with_capacity(a.len());
    for w in a {
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut common = 0usize;
    for w in b {
        if let Some(c) = counts.get_mut(w)
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    (2 * common) as f64 / (a.len() + b.len()) as f64
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

    #[test]
    fn similarity_counts_shared_words() {
        let a = words("จัดทำแผนปฏิบัติการประจำปี");
        let b = words("จัดทำแผนปฏิบัติการประจำปีงบประมาณ");
        let c = words("ดูแลยานพาหนะของสำนักงาน");
        assert!(similarity(&a, &b) > 0.7);
        assert!(similarity(&a, &c) < 0.2);
        assert_eq!(similarity(&a, &a), 1.0);
    }
}
