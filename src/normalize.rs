//! The normalise stage: `Source ──normalize──▶ Source`, every line's text in
//! one canonical form and the layout hints (wide gaps) the outline needs.
//!
//! The text rules themselves are pure functions in [`crate::thai::normalize`]
//! (one line in, one line out) and [`crate::thai::gaps`] (where the raw line
//! had a cell boundary, as offsets into its normal form); this stage applies
//! them to a document.

use crate::read::Source;
use crate::thai::gaps::normalize_with_gaps;

/// The normalise stage of the pipeline: every line of `source` normalised
/// (but those its reader gave in normal form, [`crate::read::Line::normalized`]), and
/// the wide gaps of the raw line (three or more space-like characters, or a
/// tab, between text) recorded as offsets into the normalised text.
pub(crate) fn normalize(mut source: Source) -> Source {
    for line in source.lines.iter_mut().filter(|l| !l.normalized) {
        let (text, gaps) = normalize_with_gaps(&line.text);
        line.text = text;
        line.gaps = gaps;
    }
    source
}
