//! Wide gaps in a raw line: three or more space-like characters, or a tab,
//! between text. A table typed with spaces, or cells joined by a tab, leaves
//! them, and an item label right after one starts a new item mid-line.
//! Normalising collapses every run of spaces to one, so the gaps are found in
//! the raw line and given as offsets into its normal form.

use super::normalize::{is_invisible, is_space_like, normalize_line, quick};

/// How many space-like characters in a row make a wide gap (a tab is one by
/// itself): two spaces are often typed between words, three are layout.
const WIDE_GAP: usize = 3;

/// `raw` in normal form ([`normalize_line`]) with the byte offsets in it where
/// the raw line had a wide gap. A line with gaps is normalised segment by
/// segment (what lies between its gaps), the segments joined by one space.
pub fn normalize_with_gaps(raw: &str) -> (String, Vec<usize>) {
    // most lines: one pass that copies the line and finds no gap
    if let Some(out) = quick(raw, Some(WIDE_GAP)) {
        return (out, Vec::new());
    }
    let segments = segments(raw);
    if segments.is_empty() {
        return (normalize_line(raw), Vec::new());
    }
    let mut gaps = Vec::new();
    let mut out = String::new();
    for seg in segments {
        let n = normalize_line(seg);
        if n.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
            if !name_cut_at_gap(&out, &n) {
                gaps.push(out.len());
            }
        }
        out.push_str(&n);
    }
    (out, gaps)
}

/// Whether a gap falls inside a person's name: the text before it ends in a
/// titled given name alone (`นายสมศักดิ์`, `(นางสาววันเพ็ญ`) and the segment
/// after it starts with a word that may be a family name. Word users line
/// names up with a tab between the given and the family name
/// (`นายสมศักดิ์⇥ดีงาม⇥ครู`), and a name is one cell however it is spaced.
fn name_cut_at_gap(before: &str, after: &str) -> bool {
    let last = before.trim_end().rsplit([' ', '(']).next().unwrap_or("");
    let first = after.split(' ').next().unwrap_or("");
    crate::thai::names::split_name(last).is_some_and(|n| n.family.is_none() && n.rest.is_empty())
        && crate::thai::lexicon::may_continue_name(first.trim_end_matches([')', ',']))
}

/// Whether `raw` has a wide gap: its normal form from [`normalize_with_gaps`]
/// is then not simply [`normalize_line`]'s.
pub fn has_wide_gap(raw: &str) -> bool {
    !segments(raw).is_empty()
}

/// The pieces of `raw` between its wide gaps (none when it has no gap).
fn segments(raw: &str) -> Vec<&str> {
    let mut seg_start = 0;
    let mut run_start = None;
    let mut run_len = 0;
    let mut run_tab = false;
    // whether some text (not space, not invisible) came before
    let mut text_seen = false;
    let mut segments: Vec<&str> = Vec::new();
    for (i, c) in raw.char_indices() {
        if is_space_like(c) {
            if run_start.is_none() {
                run_start = Some(i);
            }
            run_len += 1;
            // a tab is a cell boundary by itself (table rows joined by tabs)
            run_tab |= c == '\t';
        } else if !is_invisible(c) {
            // (an invisible character, a zero-width space pasted from a web
            // page, neither ends a run of spaces nor counts in it)
            if let Some(start) = run_start.take()
                && (run_len >= WIDE_GAP || run_tab)
                && text_seen
                && let Some(seg) = raw.get(seg_start..start)
            {
                segments.push(seg);
                seg_start = i;
            }
            run_len = 0;
            run_tab = false;
            text_seen = true;
        }
    }
    if !segments.is_empty()
        && let Some(last) = raw.get(seg_start..)
    {
        segments.push(last);
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::{has_wide_gap, normalize_with_gaps as gaps, segments};
    use crate::thai::normalize::{is_invisible, is_space_like, normalize_line};
    use proptest::prelude::*;

    /// [`segments`] character by character, as the rule reads.
    fn segments_by_char(raw: &str) -> Vec<&str> {
        let (mut seg_start, mut run_start, mut run_len, mut run_tab) = (0, None, 0, false);
        let mut out = Vec::new();
        for (i, c) in raw.char_indices() {
            if is_space_like(c) {
                run_start.get_or_insert(i);
                run_len += 1;
                run_tab |= c == '\t';
            } else if !is_invisible(c) {
                if let Some(start) = run_start.take()
                    && (run_len >= super::WIDE_GAP || run_tab)
                    && raw[..start]
                        .chars()
                        .any(|c| !is_space_like(c) && !is_invisible(c))
                {
                    out.push(&raw[seg_start..start]);
                    seg_start = i;
                }
                run_len = 0;
                run_tab = false;
            }
        }
        if !out.is_empty() {
            out.push(&raw[seg_start..]);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        /// The one-pass path (no gap found while copying) gives what the
        /// rule gives: segments as the rule reads them, each normalised.
        #[test]
        fn gaps_as_the_rule_reads_them(
            raw in "[กา่ a.\t\u{00A0}\u{00AD}\u{0085}\u{00E9}\u{1680}\u{2003}\u{200B}\u{2028}\u{2060}\u{3000}\u{FEFF}]{0,30}"
        ) {
            prop_assert_eq!(segments(&raw), segments_by_char(&raw));
            let segs = segments_by_char(&raw);
            let expected = if segs.is_empty() {
                (normalize_line(&raw), Vec::new())
            } else {
                let mut out = String::new();
                let mut at = Vec::new();
                for n in segs.iter().map(|s| normalize_line(s)).filter(|n| !n.is_empty()) {
                    if !out.is_empty() {
                        out.push(' ');
                        at.push(out.len());
                    }
                    out.push_str(&n);
                }
                (out, at)
            };
            prop_assert_eq!(gaps(&raw), expected);
        }
    }

    #[test]
    fn wide_gaps_are_offsets_in_the_normalised_text() {
        // three spaces, or one tab, between text: a cell boundary
        assert_eq!(
            gaps("นายก ข   ครู\tกรรมการ"),
            ("นายก ข ครู กรรมการ".to_string(), vec![17, 27])
        );
        // a run at the start is indentation, two spaces are no gap
        assert_eq!(gaps("   นายก  ข"), ("นายก ข".to_string(), vec![]));
        assert!(!has_wide_gap("   นายก  ข") && has_wide_gap("ก\tข"));
        // an empty segment between two gaps adds no gap of its own
        assert_eq!(gaps("ก   \u{200B}   ข"), ("ก ข".to_string(), vec![4]));
    }

    #[test]
    fn a_zero_width_space_inside_a_gap_leaves_it_a_gap() {
        // a web page's zero-width spaces after each space (021's NBSP gaps)
        let raw = "นายก ข\u{A0} \u{200B}\u{A0} \u{200B}กรรมการ";
        assert_eq!(gaps(raw), ("นายก ข กรรมการ".to_string(), vec![17]));
        // and two spaces split by one are still two
        assert!(!has_wide_gap("ก \u{200B} ข"));
    }

    #[test]
    fn a_gap_between_a_given_and_a_family_name_is_no_cell_boundary() {
        // held-out h113 / h117 / h62, the double space typed as a tab
        let (text, at) = gaps("นายสมศักดิ์\tดีงาม\tนางสาวอรพิน\tแก้วตา");
        assert_eq!(text, "นายสมศักดิ์ ดีงาม นางสาวอรพิน แก้วตา");
        assert_eq!(at, vec!["นายสมศักดิ์ ดีงาม ".len()]);
        let (_, at) = gaps("๑\tนางสาวจิราพร\tทองสุข\tครู\tครูชำนาญการ");
        assert_eq!(at.len(), 3, "number, name, post, rank");
        // a post or a role after a given name alone is a cell of its own
        let (_, at) = gaps("นายสมชาย\tกรรมการ");
        assert_eq!(at.len(), 1);
        // a whole name before the gap: the next cell is not its family name
        let (_, at) = gaps("นายสมชาย ใจดี\tสมหมาย");
        assert_eq!(at.len(), 1);
    }
}
