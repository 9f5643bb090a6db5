//! Double-spaced text: an order whose every line is followed by a blank line.
//!
//! Text copied out of a PDF viewer or a web page, and a Word document typed
//! with an empty paragraph after each one, put a blank line after every line,
//! wrapped or not. In such a text a single blank line says nothing: it stands
//! after the first half of a wrapped subject as after the last line of a
//! paragraph. Read as a paragraph break, it cuts a subject in two, parts a
//! member's line from its role and ends a running-text sentence at its line
//! end. So when blank lines stand between nearly all consecutive lines, the
//! single ones are dropped and a run of two or more (the writer's own break,
//! doubled with the rest) stays as one blank line. Blank lines carry no text:
//! the outline is lossless either way, and every line keeps its number.

use crate::read::Line;

/// The share of places between two text lines that hold a blank line for a
/// text to be double-spaced. A double-spaced text keeps a few places without
/// one (a Word table's rows, a signature block typed tight). Measured on the
/// 156 .txt fixtures as written: the highest share is 0.36 (a ประกาศ with an
/// annex, 20 places of 55); each of them double-spaced has 1.0.
const DOUBLE_SPACED_SHARE: f64 = 0.8;
/// And at least this many such places: a short text with a few paragraphs
/// of one line each is not double-spaced.
const DOUBLE_SPACED_MIN_GAPS: usize = 4;

/// A line that carries nothing: no text and no label a reader gave it.
fn is_blank(line: &Line) -> bool {
    line.text.is_empty() && line.label.is_none()
}

/// Whether blank lines stand between nearly all consecutive text lines: of
/// the places where one text line follows another (directly, or over blank
/// lines), at least [`DOUBLE_SPACED_SHARE`] have a blank line between them,
/// and at least [`DOUBLE_SPACED_MIN_GAPS`] have exactly one.
pub(super) fn is_double_spaced(lines: &[Line]) -> bool {
    let (mut single, mut spaced, mut places) = (0usize, 0usize, 0usize);
    let mut blanks: Option<usize> = None; // blanks since the last text line
    for line in lines {
        if is_blank(line) {
            if let Some(n) = blanks.as_mut() {
                *n += 1;
            }
            continue;
        }
        if let Some(n) = blanks {
            places += 1;
            single += usize::from(n == 1);
            spaced += usize::from(n >= 1);
        }
        blanks = Some(0);
    }
    single >= DOUBLE_SPACED_MIN_GAPS && spaced as f64 >= DOUBLE_SPACED_SHARE * places as f64
}

/// The lines of a double-spaced text without its single blank lines, and a
/// run of blank lines as one (see the module doc); any other text as it is.
pub(super) fn undouble(lines: Vec<Line>) -> Vec<Line> {
    if !is_double_spaced(&lines) {
        return lines;
    }
    let mut out: Vec<Line> = Vec::with_capacity(lines.len() / 2 + 1);
    let mut run: Vec<Line> = Vec::new();
    for line in lines {
        if is_blank(&line) {
            run.push(line);
            continue;
        }
        if run.len() >= 2 {
            out.extend(run.drain(..).next());
        }
        run.clear();
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.split('\n')
            .enumerate()
            .map(|(i, t)| Line {
                text: t.to_string(),
                line: u32::try_from(i + 1).unwrap_or(0),
                ..Line::default()
            })
            .collect()
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn a_double_spaced_text_loses_its_single_blank_lines_and_keeps_its_breaks() {
        let src = "คำสั่งโรงเรียนบ้านหนองบัว\n\nที่ 12/2567\n\nเรื่อง แต่งตั้งคณะกรรมการ\n\n\
                   ดำเนินงานวันเด็กแห่งชาติ\n\n\n\nเพื่อให้การดำเนินงาน\n\nเป็นไปด้วยความเรียบร้อย\n\n\
                   1. นายก ข\n\nประธานกรรมการ\n\n2. นายค ง\n\nกรรมการ\n";
        let out = undouble(lines(src));
        assert_eq!(
            texts(&out),
            [
                "คำสั่งโรงเรียนบ้านหนองบัว",
                "ที่ 12/2567",
                "เรื่อง แต่งตั้งคณะกรรมการ",
                "ดำเนินงานวันเด็กแห่งชาติ",
                "",
                "เพื่อให้การดำเนินงาน",
                "เป็นไปด้วยความเรียบร้อย",
                "1. นายก ข",
                "ประธานกรรมการ",
                "2. นายค ง",
                "กรรมการ",
            ]
        );
        // each line keeps its number
        assert_eq!(out.get(3).map(|l| l.line), Some(7));
    }

    #[test]
    fn a_text_with_paragraph_breaks_only_is_left_as_it_is() {
        // blank lines between paragraphs, several lines in a paragraph
        let src = "คำสั่งสำนักงาน\nที่ 1/2567\nเรื่อง แต่งตั้ง\n\nเพื่อให้\nการดำเนินงาน\n\n\
                   1. นายก ข\n2. นายค ง\n3. นายจ ฉ\n\nทั้งนี้ ตั้งแต่บัดนี้\n\nสั่ง ณ วันที่\n\n(นายก ข)\n\
                   ผู้อำนวยการ\n";
        let before = lines(src);
        let n = before.len();
        assert_eq!(undouble(before).len(), n);
    }

    #[test]
    fn a_short_text_is_not_called_double_spaced() {
        assert!(!is_double_spaced(&lines("ก\n\nข\n\nค\n\nง")));
    }
}
