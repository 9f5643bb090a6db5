//! The diff as a person reads it: a terminal report and a one-page HTML
//! report, in Thai by default ([`Lang`]).
//!
//! Both are drawn from one view (`view`): a section per person (or the
//! header, or a committee) with one line per change. A duty handed from one
//! person to another is one change, shown from both sides: "taken over from"
//! under the one who has it now, "handed to" under the one who had it; a
//! person who left has their duties listed with where each went.

mod html;
mod lang;
mod text;
mod view;

pub use html::html;
pub use lang::Lang;
pub use text::text;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::words;

/// A piece of a reworded text: kept, removed (old only) or inserted (new only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// In both texts.
    Same(String),
    /// In the old text only.
    Removed(String),
    /// In the new text only.
    Inserted(String),
}

impl Piece {
    /// The same piece with `more` appended when it has the same kind as `self`.
    fn merge(&mut self, next: &Piece) -> bool {
        match (self, next) {
            (Piece::Same(a), Piece::Same(b))
            | (Piece::Removed(a), Piece::Removed(b))
            | (Piece::Inserted(a), Piece::Inserted(b)) => {
                a.push_str(b);
                true
            }
            _ => false,
        }
    }
}

/// Word-level difference of two texts (Thai words from the dictionary
/// segmenter, cut only between grapheme clusters; spaces and punctuation as
/// their own pieces); neighbouring words of the same kind come as one piece.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for piece in word_pieces(old, new) {
        if !out.last_mut().is_some_and(|last| last.merge(&piece)) {
            out.push(piece);
        }
    }
    out
}

fn word_pieces(old: &str, new: &str) -> Vec<Piece> {
    let a: Vec<&str> = words::segments(old).iter().map(|s| s.text).collect();
    let b: Vec<&str> = words::segments(new).iter().map(|s| s.text).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let olds = a.get(old_range).unwrap_or_default();
        let news = b.get(new_range).unwrap_or_default();
        match tag {
            DiffTag::Equal => out.extend(olds.iter().map(|s| Piece::Same(s.to_string()))),
            DiffTag::Delete => out.extend(olds.iter().map(|s| Piece::Removed(s.to_string()))),
            DiffTag::Insert => out.extend(news.iter().map(|s| Piece::Inserted(s.to_string()))),
            DiffTag::Replace => {
                out.extend(olds.iter().map(|s| Piece::Removed(s.to_string())));
                out.extend(news.iter().map(|s| Piece::Inserted(s.to_string())));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_only_the_changed_words() {
        let d = word_diff("จัดทำแผนปฏิบัติการประจำปี", "จัดทำแผนปฏิบัติราชการประจำปี");
        let removed: String = d
            .iter()
            .filter_map(|p| match p {
                Piece::Removed(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        let inserted: String = d
            .iter()
            .filter_map(|p| match p {
                Piece::Inserted(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        assert!(!removed.contains("แผน"), "{d:?}");
        assert!(inserted.contains("ราชการ"), "{d:?}");
        let ins: Vec<&Piece> = d
            .iter()
            .filter(|p| matches!(p, Piece::Inserted(_)))
            .collect();
        assert_eq!(ins.len(), 1, "neighbouring words merge: {d:?}");
    }

    #[test]
    fn word_diff_never_splits_a_grapheme_cluster() {
        use unicode_segmentation::UnicodeSegmentation;
        // a tone mark or vowel changed on the same consonant: the whole
        // cluster is marked, never a bare mark
        for (old, new) in [
            ("งานน้ำประปา", "งานนำประปา"),
            ("ปั้นดินเผา", "ปั่นดินเผา"),
            ("เกื้อกูลกัน", "เกือกูลกัน"),
        ] {
            for piece in word_diff(old, new) {
                let (Piece::Removed(t) | Piece::Inserted(t) | Piece::Same(t)) = piece;
                let first = t.graphemes(true).next().unwrap_or_default();
                assert!(
                    !first.chars().next().is_some_and(|c| {
                        ('\u{0E31}'..='\u{0E3A}').contains(&c)
                            || ('\u{0E47}'..='\u{0E4E}').contains(&c)
                    }),
                    "{old} → {new}: piece {t:?} starts with a mark"
                );
            }
        }
    }
}
