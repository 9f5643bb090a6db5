//! The normalise stage: `Source ──normalize──▶ Source`, every line's text in
//! one canonical form and the layout hints (wide gaps) the outline needs.
//!
//! The text rules themselves are pure functions in [`crate::thai::normalize`]
//! (one line in, one line out); this stage applies them to a document and
//! records where the raw line had a cell boundary, which only a stage that
//! sees the raw and the normalised line together can do.

use crate::read::Source;
use crate::thai::normalize::{is_invisible, is_space_like, normalize_line};

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

/// Normalise a line segment by segment, split at wide gaps, so that the gaps
/// can be located in the result.
fn normalize_with_gaps(raw: &str) -> (String, Vec<usize>) {
    let mut gaps = Vec::new();
    let mut out = String::new();
    let mut seg_start = 0;
    let mut run_start = None;
    let mut run_len = 0;
    let mut run_tab = false;
    let mut segments: Vec<&str> = Vec::new();
    for (i, c) in raw.char_indices() {
        if is_space_like(c) {
            if run_start.is_none() {
                run_start = Some(i);
            }
            run_len += 1;
            // a tab is a cell boundary by itself (table rows joined by tabs)
            run_tab |= c == '\t';
        } else {
            if let Some(start) = run_start.take()
                && (run_len >= 3 || run_tab)
                && raw[..start]
                    .chars()
                    .any(|c| !is_space_like(c) && !is_invisible(c))
            {
                segments.push(&raw[seg_start..start]);
                seg_start = i;
            }
            run_len = 0;
            run_tab = false;
        }
    }
    if segments.is_empty() {
        return (normalize_line(raw), gaps);
    }
    segments.push(&raw[seg_start..]);
    for seg in segments {
        let n = normalize_line(seg);
        if n.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
            gaps.push(out.len());
        }
        out.push_str(&n);
    }
    (out, gaps)
}

#[cfg(test)]
mod tests {
    use super::normalize_with_gaps as gaps;

    #[test]
    fn wide_gaps_are_offsets_in_the_normalised_text() {
        // three spaces, or one tab, between text: a cell boundary
        assert_eq!(
            gaps("นายก ข   ครู\tกรรมการ"),
            ("นายก ข ครู กรรมการ".to_string(), vec![17, 27])
        );
        // a run at the start is indentation, two spaces are no gap
        assert_eq!(gaps("   นายก  ข"), ("นายก ข".to_string(), vec![]));
        // an empty segment between two gaps adds no gap of its own
        assert_eq!(gaps("ก   \u{200B}   ข"), ("ก ข".to_string(), vec![4]));
    }
}
