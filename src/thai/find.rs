//! Finding a word in a text as [`str::find`] does, without building a
//! searcher for each word.
//!
//! `str::find(&str)` first builds a two-way searcher for its needle, which
//! for a Thai word of ten characters costs about 1,000 instructions
//! (callgrind, `<StrSearcher>::new`: 26M of a 430M-instruction parse, 12,199
//! of them from the word lists of [`super::lexicon::find_first`] alone),
//! more than searching the short texts of an order then costs. Here the
//! search looks for one byte of the word with `memchr` and compares the word
//! where it is found: nothing to build.

/// The longest start of `s` of at most `max` bytes that ends between
/// characters (a bound on how far a search looks, never mid-letter).
pub fn floor_prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or(s)
}

/// The byte offset of the first `word` in `text`, as `text.find(word)`.
pub fn find(text: &str, word: &str) -> Option<usize> {
    let (h, w) = (text.as_bytes(), word.as_bytes());
    // the last byte of the word's first character: a Thai character's first
    // two bytes (E0 B8, E0 B9) are those of the whole block, its last one is
    // its own
    let k = word.chars().next().map_or(0, |c| c.len_utf8() - 1);
    let Some(&key) = w.get(k) else {
        return Some(0);
    };
    let last = h.len().checked_sub(w.len())?;
    let mut at = 0;
    while at <= last {
        let start = at + memchr::memchr(key, h.get(at + k..=last + k)?)?;
        if h.get(start..start + w.len()) == Some(w) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Whether `word` is in `text`, as `text.contains(word)`.
pub fn contains(text: &str, word: &str) -> bool {
    find(text, word).is_some()
}

/// Where `word` is in `text`, each place after the end of the one before
/// (byte offsets), as `text.match_indices(word)`.
pub fn find_all<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let at = from?;
        let found = text.get(at..).and_then(|t| find(t, word)).map(|i| at + i);
        // an empty word is found at every character and at the end, as
        // match_indices finds it
        from = found.and_then(|i| {
            let step = if word.is_empty() {
                text.get(i..)?.chars().next()?.len_utf8()
            } else {
                word.len()
            };
            Some(i + step)
        });
        found
    })
}

#[cfg(test)]
mod tests {
    use super::{find, find_all};
    use proptest::prelude::*;

    #[test]
    fn finds_what_str_find_finds() {
        for (text, word) in [
            ("ให้ดำรงตำแหน่ง ครู", "ตำแหน่ง"),
            ("ตำแหน่ง", "ตำแหน่ง"),
            ("ตำแหน", "ตำแหน่ง"),
            ("abc", ""),
            ("", ""),
            ("", "ก"),
            ("กกกข", "กข"),
            ("a.b.c", ".c"),
            ("นาย ก นาย ข", "นาย ข"),
        ] {
            assert_eq!(find(text, word), text.find(word), "{text:?} {word:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn same_as_str_find(text in "[กขคา่ ab.]{0,40}", word in "[กขคา่ ab.]{0,4}") {
            prop_assert_eq!(find(&text, &word), text.find(&word));
            let all: Vec<usize> = find_all(&text, &word).collect();
            let std: Vec<usize> = text.match_indices(&word).map(|(i, _)| i).collect();
            prop_assert_eq!(all, std);
        }
    }
}
