//! The normalise stage: `Source ──normalize──▶ Source`, every line's text in
//! one canonical form and the layout hints (wide gaps) the outline needs.
//!
//! The text rules themselves are pure functions in [`crate::thai::normalize`]
//! (one line in, one line out) and [`crate::thai::gaps`] (where the raw line
//! had a cell boundary, as offsets into its normal form); this stage applies
//! them to a document. Text that came from a PDF or OCR is first repaired
//! ([`crate::thai::repair`]; on OCR-read pages, the labels of
//! [`crate::ocr_labels`]; then the page artefacts of [`crate::pages`]).

use crate::diagnostic::{Code, Diagnostic};
use crate::read::Source;
use crate::thai::gaps::normalize_with_gaps;
use crate::thai::repair::{Repairs, repair_line};

/// The normalise stage of the pipeline: every line of `source` normalised
/// (but those its reader gave in normal form, [`crate::read::Line::normalized`]), and
/// the wide gaps of the raw line (three or more space-like characters, or a
/// tab, between text) recorded as offsets into the normalised text.
pub(crate) fn normalize(mut source: Source) -> Source {
    if source.extraction.repair {
        repair(&mut source);
        crate::ocr_labels::repair_ocr_labels(&mut source);
        crate::pages::remove_page_artefacts(&mut source);
    }
    for line in source.lines.iter_mut().filter(|l| !l.normalized) {
        let (text, gaps) = normalize_with_gaps(&line.text);
        line.text = text;
        line.gaps = gaps;
    }
    // a table flattened to a cell per line, read by its normal text
    crate::read::table::rebuild_flattened(&mut source.lines);
    source
}

/// The Thai repair of extraction damage on every line, and one diagnostic
/// that counts what it changed, at the first line it changed.
fn repair(source: &mut Source) {
    let mut all = Repairs::default();
    let mut first = None;
    for line in source.lines.iter_mut().filter(|l| !l.normalized) {
        let (text, r) = repair_line(&line.text);
        if r.any() {
            first.get_or_insert(line.line);
            line.text = text;
            all.add(r);
        }
    }
    let Some(line) = first else { return };
    let parts: Vec<String> = [
        (
            all.pua,
            "glyph variants of the Private Use Area mapped back",
        ),
        (all.spaces, "spaces inside a syllable removed"),
        (
            all.tones,
            "tone marks moved back before the final consonant",
        ),
        (all.sara_am, "NIKHAHIT + SARA AA joined as SARA AM"),
        (all.words, "split words joined"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    source.diagnostics.push(Diagnostic::new(
        Code::ExtractionRepaired,
        line,
        format!("Thai repair of extracted text: {}", parts.join(", ")),
    ));
    source.diagnostics.sort_by_key(|d| d.line);
}
