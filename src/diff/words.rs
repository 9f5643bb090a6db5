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
use unicode_segmentation::GraphemeCursor;

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

/// Whether `at` is a boundary between two grapheme clusters of `text` (a
/// Thai consonant and the vowel and tone marks on it are one cluster).
fn is_grapheme_boundary(text: &str, at: usize) -> bool {
    GraphemeCursor::new(at, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(false)
}

/// `text` cut into words and the gaps between them; the segments joined give
/// `text` back. A cut falls only between grapheme clusters, so a highlighted
/// word never starts with a mark torn from its consonant: the dictionary
/// segmenter may break a Thai run it does not know anywhere (a stray mark
/// after a space, a run of marks), and a reader must see whole characters.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (end, kind) in segmenter().segment_str(text).iter_with_word_type() {
        if end <= start || (end < text.len() && !is_grapheme_boundary(text, end)) {
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

    /// Byte offsets where one segment ends and the next begins.
    fn cuts(text: &str) -> Vec<usize> {
        let mut at = 0;
        let mut out = Vec::new();
        for s in segments(text) {
            at += s.text.len();
            out.push(at);
        }
        out.pop();
        out
    }

    #[test]
    fn cuts_fall_between_grapheme_clusters() {
        use unicode_segmentation::UnicodeSegmentation;
        // น้ำ: NO NU + MAI THO + SARA AM, one syllable of three code points;
        // ปั้น, เกื้อ: marks above and below; a mark after a space or a digit
        for text in [
            "น้ำท่วมบ้านเรือน",
            "งานปั้นเกื้อกูล",
            "ก ้า",
            "งาน 1\u{0E49}\u{0E34} ปั้น",
            "\u{0E49}\u{0E49}\u{0E49}",
        ] {
            let clusters: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
            for cut in cuts(text) {
                assert!(clusters.contains(&cut), "{text:?}: cut at byte {cut}");
            }
            let s: String = segments(text).iter().map(|s| s.text).collect();
            assert_eq!(s, text);
        }
        assert!(
            !is_grapheme_boundary("น้ำ", 3),
            "a tone mark sits on its consonant"
        );
        assert_eq!(words("น้ำท่วม").concat(), "น้ำท่วม");
    }

    #[test]
    fn random_thai_code_points_are_cut_between_clusters() {
        // measured: on such strings ICU's dictionary segmenter cuts inside a
        // cluster at 7% of its breaks (12,572 of 176,675 over 20,000 strings;
        // none of 58,917 over the fixtures' 3,746 lines)
        use unicode_segmentation::UnicodeSegmentation;
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..12 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.extend(char::from_u32(0x0E01 + (x % 0x5A) as u32));
                if x.is_multiple_of(7) {
                    text.push(' ');
                }
            }
            let clusters: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
            for cut in cuts(&text) {
                assert!(clusters.contains(&cut), "{text:?}: cut at byte {cut}");
            }
            let s: String = segments(&text).iter().map(|s| s.text).collect();
            assert_eq!(s, text);
        }
    }

    #[test]
    fn segments_give_the_text_back() {
        let text = "งานธุรการ (สารบรรณ) 2568, และอื่น ๆ";
        let s: String = segments(text).iter().map(|s| s.text).collect();
        assert_eq!(s, text);
        assert!(!words(text).contains(&" "));
    }
}
