//! OCR damage to numbering labels, undone before the outline reads them.
//!
//! Tesseract's Thai model reads the small dot of a dotted label as a space,
//! or puts a space beside it: on a 300 dpi scan of the reference order,
//! `5.1.4` came out as `5 1.4`, `5.2` as `5 2`, `5.3` as `5 .3`, `3.1` as
//! `3 1` (19 of its 262 labels). The outline, which is right to read `5 2`
//! as text in a typed file, then loses the item and renumbers its siblings.
//!
//! The rule, a statement about OCR of Thai orders: at the start of an
//! OCR-read line, digit groups separated by a space where a dot belongs
//! (` `, ` .`, `. `, ` . `), then a space and Thai text, in a document whose
//! other labels are dotted, are a dotted label when, read with dots, they
//! continue the numbering just before them (the next sibling at some level,
//! or a first child). That last condition is what keeps numbers that are
//! not labels as they were: a year or a date (`2566 1 ตุลาคม`, `15 1
//! ตุลาคม`), a phone number (`032 123 456`), a time (`8 30 น.`), a count
//! (`3 2 คน` after item 7.1) never continue the numbering, or fail the
//! shape before that. Applied only to the lines of OCR-read pages: a typed
//! `.txt` or `.docx` says what its writer typed.

use crate::diagnostic::{Code, Diagnostic};
use crate::label::{Family, parse_label};
use crate::read::Source;
use crate::thai::date::{MONTH_ABBREVIATIONS, MONTHS};
use crate::thai::digits::digit_value;

/// Most digits in one group of a damaged label: a component of a label in
/// an order is one or two digits (`4.2.10`); three or four at a line start
/// are a year (`2566`), a phone prefix (`032`) or an amount.
const MAX_GROUP_DIGITS: usize = 2;

/// Dotted labels of two or more parts, read as written, that a document
/// needs before a damaged one is read as dotted: the reference scan has
/// 243; an order that numbers `1.` `2.` only, or not at all, has none.
const MIN_DOTTED_LABELS: usize = 3;

/// How far a repaired label may step past the one before it: 1 is the next
/// number, 2 lets one label between them be lost to OCR too (`5.4.2` read
/// as `5 (2` on the reference scan, then `5 .4.3` after `5.4.1`).
const MAX_STEP: u32 = 2;

/// One label repaired: where, what OCR gave, what it now reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Repaired {
    /// The line's number.
    pub line: u32,
    /// The label as OCR gave it (`5 1.4`).
    pub written: String,
    /// The label as it now reads (`5.1.4`).
    pub label: String,
}

/// A damaged label at the start of `text`: its groups' values, the text of
/// the damaged label, and the byte range it takes in `text` (its leading
/// spaces aside). `None` when `text` does not start with one.
fn damaged_label(text: &str) -> Option<(Vec<u32>, std::ops::Range<usize>)> {
    let start = text.len() - text.trim_start().len();
    let s = text.get(start..)?;
    let mut values = Vec::new();
    let mut damaged = false;
    let mut i = 0;
    let bytes = s.as_bytes();
    loop {
        // a digit group
        let group: String = s
            .get(i..)?
            .chars()
            .take_while(|&c| digit_value(c).is_some())
            .collect();
        let n = group.chars().count();
        if n == 0 || n > MAX_GROUP_DIGITS {
            return None;
        }
        values.push(
            group
                .chars()
                .filter_map(digit_value)
                .fold(0, |v, d| v * 10 + d),
        );
        i += group.len();
        // a separator: ` `, `.`, ` .`, `. `, ` . ` before another group
        let mut j = i;
        let mut spaced = false;
        if bytes.get(j) == Some(&b' ') {
            j += 1;
            spaced = true;
        }
        let dot = bytes.get(j) == Some(&b'.');
        if dot {
            j += 1;
            if bytes.get(j) == Some(&b' ') {
                j += 1;
                spaced = true;
            }
        }
        let next_is_digit = s
            .get(j..)
            .and_then(|r| r.chars().next())
            .and_then(digit_value)
            .is_some();
        if (spaced || dot) && next_is_digit {
            damaged |= spaced;
            i = j;
            continue;
        }
        break;
    }
    // a trailing dot, then a space and Thai text
    if bytes.get(i) == Some(&b'.') {
        i += 1;
    }
    let rest = s.get(i..)?.strip_prefix(' ')?.trim_start();
    let thai = rest.chars().next().is_some_and(crate::thai::is_thai_letter);
    let date = MONTHS
        .iter()
        .chain(MONTH_ABBREVIATIONS.iter())
        .any(|m| rest.starts_with(m));
    (damaged && values.len() >= 2 && thai && !date).then(|| (values, start..start + i))
}

/// Whether `next` continues the numbering after `previous`: its next sibling
/// at some level, or its first child, at most [`MAX_STEP`] on.
fn continues(previous: &[u32], next: &[u32]) -> bool {
    let Some((&last, head)) = next.split_last() else {
        return false;
    };
    let step = |from: u32| last > from && last - from <= MAX_STEP;
    if next.len() <= previous.len() {
        previous.get(..head.len()) == Some(head)
            && previous.get(head.len()).is_some_and(|&p| step(p))
    } else {
        next.len() == previous.len() + 1 && head == previous && step(0)
    }
}

/// The values of a dotted label that `text` starts with as typed (`1.`,
/// `2.1.3`), for the numbering a damaged label must continue.
fn dotted_values(text: &str) -> Option<Vec<u32>> {
    let (label, _) = parse_label(text.trim_start())?;
    (label.family == Family::Dotted).then_some(label.values)
}

/// `text` with its damaged label read as dotted when it continues
/// `previous`: the new text and the label's values and writing.
pub(crate) fn repair_label(
    text: &str,
    previous: Option<&[u32]>,
) -> Option<(String, Vec<u32>, String, String)> {
    let (values, range) = damaged_label(text)?;
    if !previous.is_some_and(|p| continues(p, &values)) {
        return None;
    }
    let written = text.get(range.clone())?;
    // the digits as written, each separator a dot
    let mut label = written
        .split(|c: char| digit_value(c).is_none())
        .filter(|g| !g.is_empty())
        .collect::<Vec<_>>()
        .join(".");
    if written.ends_with('.') {
        label.push('.');
    }
    let repaired = format!(
        "{}{label}{}",
        text.get(..range.start)?,
        text.get(range.end..)?
    );
    // what the outline will read: a dotted label of these values (not a time)
    if dotted_values(&repaired).as_deref() != Some(values.as_slice()) {
        return None;
    }
    Some((repaired, values, written.to_string(), label))
}

/// Repair the damaged labels of the OCR-read lines of `source` (those on a
/// page of `extraction.ocr`), each with an
/// [`Code::ExtractionRepaired`] diagnostic; the repairs made.
pub(crate) fn repair_ocr_labels(source: &mut Source) -> Vec<Repaired> {
    let ocr_pages: Vec<u32> = source.extraction.ocr.iter().map(|(p, _)| *p).collect();
    let is_ocr = |page: Option<u32>| page.is_some_and(|p| ocr_pages.contains(&p));
    if !source.lines.iter().any(|l| is_ocr(l.page)) {
        return Vec::new();
    }
    let dotted = source
        .lines
        .iter()
        .filter_map(|l| dotted_values(&l.text))
        .filter(|v| v.len() >= 2)
        .count();
    if dotted < MIN_DOTTED_LABELS {
        return Vec::new();
    }
    let mut previous: Option<Vec<u32>> = None;
    let mut done = Vec::new();
    for l in source.lines.iter_mut().filter(|l| !l.normalized) {
        if is_ocr(l.page)
            && let Some((text, values, written, label)) = repair_label(&l.text, previous.as_deref())
        {
            l.text = text;
            previous = Some(values);
            done.push(Repaired {
                line: l.line,
                written,
                label,
            });
            continue;
        }
        if let Some(values) = dotted_values(&l.text) {
            previous = Some(values);
        }
    }
    for r in &done {
        source.diagnostics.push(
            Diagnostic::new(
                Code::ExtractionRepaired,
                r.line,
                format!(
                    "OCR read the label {} with a space for a dot: read as {}",
                    r.written, r.label
                ),
            )
            .with_label(&r.written, &r.label),
        );
    }
    if !done.is_empty() {
        source.diagnostics.sort_by_key(|d| d.line);
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of Tesseract 5.3 (`-l tha`) on the reference order scanned at
    /// 300 dpi, after the label before them: what they must read as.
    const REPAIRED: &[(&[u32], &str, &str)] = &[
        (
            &[3],
            "3 1 งานจัดทำแผนพัฒนาเทคโนโลยีสารสนเทศและการสื่อสาร",
            "3.1 งานจัดทำแผนพัฒนาเทคโนโลยีสารสนเทศและการสื่อสาร",
        ),
        (
            &[5, 1, 3],
            "5 1.4 สำนักงานเขตพื้นที่การศึกษา นำเสนอผู้อำนวยการ",
            "5.1.4 สำนักงานเขตพื้นที่การศึกษา นำเสนอผู้อำนวยการ",
        ),
        (
            &[5, 1, 6],
            "5 2 งานจัดตั้งและเสนอของบประมาณ",
            "5.2 งานจัดตั้งและเสนอของบประมาณ",
        ),
        (
            &[5, 2],
            "5 2.1 การจัดตั้ง และเสนอของบประมาณประจำปีและใน",
            "5.2.1 การจัดตั้ง และเสนอของบประมาณประจำปีและใน",
        ),
        (&[5, 2, 2], "5 .3 งานจัดสรรงบประมาณ", "5.3 งานจัดสรรงบประมาณ"),
        (
            &[5, 4, 1],
            "5 .4.3 วิเคราะห์ผลการใช้จ่ายเงินงบประมาณตามผลการ",
            "5.4.3 วิเคราะห์ผลการใช้จ่ายเงินงบประมาณตามผลการ",
        ),
        (
            &[5, 4, 9],
            "5 4.10 ติดตาม ประเมินและรายงานผลการดำเนินงาน",
            "5.4.10 ติดตาม ประเมินและรายงานผลการดำเนินงาน",
        ),
        (
            &[5, 4, 10],
            "5 5 กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ นางจงกล อรรถ",
            "5.5 กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ นางจงกล อรรถ",
        ),
        // the same damage in Thai digits, a dot and a space, leading spaces
        (&[2, 3], "๒ ๔ งานจัดการความรู้", "๒.๔ งานจัดการความรู้"),
        (&[1, 1], "1. 2 กลุ่มงานข้อมูลสารสนเทศ", "1.2 กลุ่มงานข้อมูลสารสนเทศ"),
        (&[4, 2, 1], "   4 2 . 2 ศึกษารายงาน", "   4.2.2 ศึกษารายงาน"),
        (&[6], "6 1. งานติดตาม", "6.1. งานติดตาม"),
    ];

    #[test]
    fn ocr_damaged_labels_that_continue_the_numbering_are_dotted() {
        for (previous, ocr, typed) in REPAIRED {
            let got = repair_label(ocr, Some(previous)).map(|r| r.0);
            assert_eq!(got.as_deref(), Some(*typed), "{ocr}");
            // and the repair is idempotent: a typed label is left
            assert_eq!(repair_label(typed, Some(previous)), None, "{typed}");
        }
    }

    /// Numbers at a line start that are not labels, each after a label it
    /// could be taken to continue, and damaged-looking labels that do not
    /// continue the numbering.
    const LEFT: &[(&[u32], &str)] = &[
        // dates, years, phone numbers, times, counts
        (&[2566], "2566 1 ตุลาคม"),
        (&[15], "15 1 ตุลาคม 2566"),
        (&[1], "1 2 ต.ค. 2566"),
        (&[3], "032 123 456 โทรสาร"),
        (&[8], "8 30 น. ประชุม"),
        (&[8, 29], "8 30 น. ประชุม"),
        (&[7, 1], "3 2 คน"),
        (&[4], "4 4 คน"),
        // not Thai text after it, or nothing
        (&[3], "3 1"),
        (&[3], "3 1 2 3"),
        (&[3], "3 1 ABC"),
        // out of sequence: a jump, a level skipped, a step back
        (&[3, 1], "9 9 งาน"),
        (&[3], "3 1 1 งาน"),
        (&[5, 4], "5 1 งาน"),
        (&[5, 1, 3], "5 1.7 งาน"),
        // no dotted label before it
        (&[], "3 1 งาน"),
        // typed labels: nothing to repair
        (&[3], "3.1 งาน"),
        (&[3], "3. นาง"),
        // a time's dot read as a space continues nothing either
        (&[10, 29], "10 30 น."),
    ];

    #[test]
    fn numbers_that_are_not_damaged_labels_are_left() {
        for (previous, text) in LEFT {
            let previous = (!previous.is_empty()).then_some(*previous);
            assert_eq!(repair_label(text, previous), None, "{text}");
        }
        // "ปี 2566 1 ตุลาคม": no digits at the line start
        assert_eq!(damaged_label("ปี 2566 1 ตุลาคม"), None);
    }

    #[test]
    fn continuing_is_a_next_sibling_or_a_first_child() {
        let yes: &[(&[u32], &[u32])] = &[
            (&[3], &[3, 1]),
            (&[3], &[3, 2]),
            (&[5, 1, 6], &[5, 2]),
            (&[5, 1, 6], &[6]),
            (&[5, 1, 6], &[5, 1, 7]),
            (&[5, 1, 6], &[5, 1, 8]),
            (&[5, 1, 6], &[5, 1, 6, 1]),
        ];
        for (p, n) in yes {
            assert!(continues(p, n), "{p:?} {n:?}");
        }
        let no: &[(&[u32], &[u32])] = &[
            (&[3], &[3, 3]),
            (&[3], &[3, 1, 1]),
            (&[5, 1, 6], &[5, 1, 6]),
            (&[5, 1, 6], &[5, 1, 9]),
            (&[5, 1, 6], &[4, 2]),
            (&[5, 1, 6], &[5, 1, 5]),
            (&[5, 1], &[5, 1, 6]),
            (&[3], &[]),
        ];
        for (p, n) in no {
            assert!(!continues(p, n), "{p:?} {n:?}");
        }
    }

    fn source(texts: &[&str], ocr: bool) -> Source {
        let lines = texts
            .iter()
            .zip(1..)
            .map(|(t, n)| crate::read::pdf::line((*t).to_string(), n, 1))
            .collect();
        Source {
            path: "x.pdf".into(),
            format: crate::read::Format::Pdf,
            encoding: None,
            sha256: String::new(),
            bytes: 0,
            lines,
            diagnostics: Vec::new(),
            extraction: crate::read::Extraction {
                pages: Some(1),
                ocr: if ocr { vec![(1, 90.0)] } else { Vec::new() },
                repair: true,
            },
        }
    }

    const PAGE: &[&str] = &[
        "5. นางสุภัทรา บูรณารมย์",
        "5.1 งานวิเคราะห์งบประมาณรายจ่าย",
        "5.1.1 สำนักงานเขตพื้นที่การศึกษา",
        "5 1.2 สำนักงานเขตพื้นที่การศึกษาแต่งตั้ง",
        "ปี 2566 1 ตุลาคม",
        "5 2 งานจัดตั้งและเสนอของบประมาณ",
        "5.3 งานจัดสรรงบประมาณ",
    ];

    #[test]
    fn only_the_lines_of_ocr_pages_are_repaired_each_with_a_diagnostic() {
        let mut s = source(PAGE, true);
        let done = repair_ocr_labels(&mut s);
        let texts: Vec<&str> = s.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[3], "5.1.2 สำนักงานเขตพื้นที่การศึกษาแต่งตั้ง");
        assert_eq!(texts[4], "ปี 2566 1 ตุลาคม");
        assert_eq!(texts[5], "5.2 งานจัดตั้งและเสนอของบประมาณ");
        assert_eq!(done.len(), 2);
        assert_eq!(s.diagnostics.len(), 2);
        assert_eq!(s.diagnostics[0].line, 4);
        assert_eq!(s.diagnostics[0].code, Code::ExtractionRepaired);
        assert_eq!(
            s.diagnostics[0].message,
            "OCR read the label 5 1.2 with a space for a dot: read as 5.1.2"
        );
        // a PDF's text layer (no OCR page): what was extracted stays
        let mut typed = source(PAGE, false);
        assert!(repair_ocr_labels(&mut typed).is_empty());
        assert_eq!(typed.lines[3].text, PAGE[3]);
        assert!(typed.diagnostics.is_empty());
        // a document without dotted labels of two parts: nothing is read as one
        let mut plain = source(&["3. นาง ก", "3 1 งาน ข"], true);
        assert!(repair_ocr_labels(&mut plain).is_empty());
    }
}
