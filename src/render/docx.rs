//! The order as a Word .docx (written with docx-rs).
//!
//! Every run is set in TH SarabunPSK 16 pt (the font of Thai government
//! documents), and every paragraph is indented by its depth with `w:ind
//! w:left` (720 twips, half an inch, a level).
//!
//! With [`Numbering::Auto`] the numbers of people, duties and steps are Word's
//! own: one abstract numbering definition (`abstractNumId` 2 — docx-rs always
//! writes a default definition and `w:num` with id 1) whose levels are
//!
//! | `ilvl` | `lvlText` | prints | used for |
//! |---|---|---|---|
//! | 0 | `%1.` | `3.` | people, counted through the whole order |
//! | 1 | `%1.%2` | `3.2` | duties, restarting under each person |
//! | 2 | `%1.%2.%3` | `3.2.1` | steps |
//! | 3 | `%4)` | `1)` | sub-steps written `1)` |
//! | 4 | `(%5)` | `(1)` | sub-steps written `(1)` |
//!
//! (decimal, starting at 1 — level 0 at the first person's number — followed
//! by a space), and a `w:num` (id 2) pointing at it. Each numbered paragraph
//! carries `w:numPr` (that `numId`, `ilvl` as above) and no typed label.
//! Paragraphs without `w:numPr` (header, work groups, steps headings,
//! substitute clauses) leave Word's counters alone; a numbered paragraph at
//! level L restarts the levels below it, which is what makes duties restart
//! under each person.
//!
//! The writer follows Word's counters as it goes and gives a paragraph `w:numPr`
//! only when Word will print exactly the canonical label there; otherwise
//! (letters, bullets, `ข้อ 1`, numbers four parts deep, an unusual nesting) the
//! label is typed, so the printed numbers are right in every case.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, IndentLevel, Level, LevelJc, LevelSuffixType,
    LevelText, NumberFormat, NumberingId, Paragraph, Run, RunFonts, Start, Table, TableCell,
    TableRow,
};

use super::ooxml::canonical_order;
use super::{Block, BlockKind, Numbering, RenderError, layout};
use crate::model::DutyOrder;

/// Font of every run.
pub const FONT: &str = "TH SarabunPSK";
/// Font size in half-points (16 pt).
pub const SIZE_HALF_POINTS: usize = 32;
/// Left indentation per level, in twips.
pub const TWIPS_PER_LEVEL: i32 = 720;
/// `abstractNumId` of the order's numbering (docx-rs writes its own default as 1).
pub const ABSTRACT_NUM_ID: usize = 2;
/// `numId` the numbered paragraphs refer to.
pub const NUM_ID: usize = 2;
/// `lvlText` of each list level, by `ilvl`.
pub const LEVEL_TEXTS: [&str; 5] = ["%1.", "%1.%2", "%1.%2.%3", "%4)", "(%5)"];

/// Bytes of `word/document.xml` a paragraph costs beyond its text: docx-rs
/// writes about 280 (paragraph and run properties, the font four times);
/// measured on the reference order (294 paragraphs, 66 KB of text, 149 KB of
/// XML), with room for the numbering properties.
const PARAGRAPH_XML_BYTES: u64 = 400;

/// The order as .docx bytes under the default limits (see [`render_docx_with`]).
pub fn render_docx(order: &DutyOrder, numbering: Numbering) -> Result<Vec<u8>, RenderError> {
    render_docx_with(order, numbering, crate::limits::Limits::default())
}

/// The order as .docx bytes, numbered with typed labels or with Word's
/// automatic numbering. A document whose `word/document.xml` would pass
/// `limits.max_part_bytes` is refused before it is built (a 9 MB order took
/// 2.7 GB, and kamsang could not read the result back): the estimate is the
/// text plus 400 bytes a paragraph (`PARAGRAPH_XML_BYTES`), and the part is checked
/// again once written.
pub fn render_docx_with(
    order: &DutyOrder,
    numbering: Numbering,
    limits: crate::limits::Limits,
) -> Result<Vec<u8>, RenderError> {
    let blocks = layout(order);
    let estimate = blocks.iter().fold(0u64, |n, b| {
        n.saturating_add(b.line().len() as u64)
            .saturating_add(PARAGRAPH_XML_BYTES)
    });
    if estimate > limits.max_part_bytes {
        return Err(too_big(estimate, limits));
    }
    let first_person = order
        .people
        .first()
        .and_then(|p| p.number.as_deref())
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1);

    let mut doc = Docx::new()
        .default_fonts(fonts())
        .default_size(SIZE_HALF_POINTS);
    if numbering == Numbering::Auto {
        doc = doc
            .add_abstract_numbering(abstract_numbering(first_person))
            .add_numbering(docx_rs::Numbering::new(NUM_ID, ABSTRACT_NUM_ID));
    }
    let mut counters = WordCounters::new(first_person);
    let mut rows: Vec<TableRow> = Vec::new();
    for b in &blocks {
        if b.kind == BlockKind::Row {
            rows.push(table_row(b));
            continue;
        }
        if !rows.is_empty() {
            doc = doc.add_table(Table::new(std::mem::take(&mut rows)));
        }
        let auto_level = match (numbering, b.level, &b.label) {
            (Numbering::Auto, Some(level), Some(label)) => {
                counters.take(level, label).then_some(level)
            }
            _ => None,
        };
        doc = doc.add_paragraph(paragraph(b, auto_level));
    }
    if !rows.is_empty() {
        doc = doc.add_table(Table::new(rows));
    }

    let mut stored = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut stored)
        .map_err(|e| RenderError(e.to_string()))?;
    deflate(stored.get_ref(), limits)
}

fn too_big(bytes: u64, limits: crate::limits::Limits) -> RenderError {
    RenderError(format!(
        "the .docx would hold a word/document.xml of about {}, past {}, the limit for one part that kamsang reads back (raise it with --max-part-size)",
        crate::limits::show_size(bytes),
        crate::limits::show_size(limits.max_part_bytes)
    ))
}

/// docx-rs stores its parts uncompressed (about 11× the size for Thai text)
/// and writes property elements out of schema order: the same parts, with
/// [`canonical_order`] applied to the `word/` XML, deflated, in the same order,
/// without the directory entries and with a fixed timestamp so that one order
/// always gives the same bytes.
fn deflate(stored: &[u8], limits: crate::limits::Limits) -> Result<Vec<u8>, RenderError> {
    let out = deflate_parts(stored, limits, &[])?;
    // a very repetitive order may deflate past the ratio kamsang accepts when
    // it reads the file back (a zip bomb guard): such parts are stored
    let dense = too_dense(&out, limits)?;
    if dense.is_empty() {
        return Ok(out);
    }
    deflate_parts(stored, limits, &dense)
}

/// Parts above the ratio-free size that inflate more than `max_ratio` times.
fn too_dense(zip: &[u8], limits: crate::limits::Limits) -> Result<Vec<String>, RenderError> {
    let err = |e: zip::result::ZipError| RenderError(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).map_err(err)?;
    let mut dense = Vec::new();
    for k in 0..archive.len() {
        let part = archive.by_index_raw(k).map_err(err)?;
        if part.size() > RATIO_FREE
            && part.size() > part.compressed_size().saturating_mul(limits.max_ratio)
        {
            dense.push(part.name().map_err(err)?.into_owned());
        }
    }
    Ok(dense)
}

/// Parts up to this size are never refused for their ratio when read back
/// (the reader's own threshold, [`crate::read::container`]).
const RATIO_FREE: u64 = 1024 * 1024;

fn deflate_parts(
    stored: &[u8],
    limits: crate::limits::Limits,
    keep_stored: &[String],
) -> Result<Vec<u8>, RenderError> {
    let err = |e: zip::result::ZipError| RenderError(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(stored)).map_err(err)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for k in 0..archive.len() {
        let mut part = archive.by_index(k).map_err(err)?;
        if part.is_dir() {
            continue;
        }
        let name = part.name().map_err(err)?.into_owned();
        if part.size() > limits.max_part_bytes {
            return Err(too_big(part.size(), limits));
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes)
            .map_err(|e| RenderError(e.to_string()))?;
        if name.starts_with("word/") && name.ends_with(".xml") {
            bytes = canonical_order(&bytes).map_err(|e| RenderError(format!("{name}: {e}")))?;
        }
        let options = if keep_stored.contains(&name) {
            options.compression_method(zip::CompressionMethod::Stored)
        } else {
            options
        };
        out.start_file(name, options).map_err(err)?;
        out.write_all(&bytes)
            .map_err(|e| RenderError(e.to_string()))?;
    }
    Ok(out.finish().map_err(err)?.into_inner())
}

/// One block as a paragraph; `auto_level`: numbered by Word at that level.
fn paragraph(b: &Block, auto_level: Option<u8>) -> Paragraph {
    let mut p = Paragraph::new();
    if b.depth > 0 {
        let left = i32::try_from(b.depth)
            .unwrap_or(i32::MAX / TWIPS_PER_LEVEL)
            .saturating_mul(TWIPS_PER_LEVEL);
        p = p.indent(Some(left), None, None, None);
    }
    if b.kind == BlockKind::Heading {
        p = p.align(AlignmentType::Center);
    }
    let text = match auto_level {
        Some(level) => {
            p = p.numbering(
                NumberingId::new(NUM_ID),
                IndentLevel::new(usize::from(level)),
            );
            b.text.clone()
        }
        None => b.line(),
    };
    if !text.is_empty() {
        // cells kept in one paragraph (a line naming several people), a
        // `w:tab` between them
        let mut run = Run::new();
        for (k, part) in text.split('\t').enumerate() {
            if k > 0 {
                run = run.add_tab();
            }
            if !part.is_empty() {
                run = run.add_text(part);
            }
        }
        p = p.add_run(run.fonts(fonts()).size(SIZE_HALF_POINTS));
    }
    p
}

/// A row block as a row of a Word table: its label (when it has one) and
/// each cell a cell, each holding one paragraph.
fn table_row(b: &Block) -> TableRow {
    let cells = b
        .cells()
        .into_iter()
        .map(|c| {
            let mut p = Paragraph::new();
            if !c.is_empty() {
                p = p.add_run(Run::new().add_text(c).fonts(fonts()).size(SIZE_HALF_POINTS));
            }
            TableCell::new().add_paragraph(p)
        })
        .collect();
    TableRow::new(cells)
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// The multi-level list of people, duties and steps.
fn abstract_numbering(first_person: u32) -> AbstractNumbering {
    let mut a = AbstractNumbering::new(ABSTRACT_NUM_ID);
    for (ilvl, text) in LEVEL_TEXTS.iter().enumerate() {
        let start = if ilvl == 0 { first_person } else { 1 };
        let left = i32::try_from(ilvl).unwrap_or(0) * TWIPS_PER_LEVEL;
        a = a.add_level(
            Level::new(
                ilvl,
                Start::new(start as usize),
                NumberFormat::new("decimal"),
                LevelText::new(*text),
                LevelJc::new("left"),
            )
            .indent(Some(left), None, None, None)
            .suffix(LevelSuffixType::Space)
            .fonts(fonts())
            .size(SIZE_HALF_POINTS),
        );
    }
    a
}

/// Word's list counters for the one `w:num` of the document: what each level
/// last printed. A numbered paragraph at level L advances L (from its start
/// value) and restarts every deeper level; other paragraphs change nothing.
#[derive(Debug, Clone)]
struct WordCounters {
    starts: [u32; LEVEL_TEXTS.len()],
    values: [Option<u32>; LEVEL_TEXTS.len()],
}

impl WordCounters {
    fn new(first_person: u32) -> Self {
        let mut starts = [1; LEVEL_TEXTS.len()];
        if let Some(first) = starts.first_mut() {
            *first = first_person;
        }
        WordCounters {
            starts,
            values: [None; LEVEL_TEXTS.len()],
        }
    }

    /// Number the next paragraph at `level` if Word would print `label` there
    /// (and advance the counters); false, changing nothing, if it would not.
    fn take(&mut self, level: u8, label: &str) -> bool {
        let l = usize::from(level);
        let (Some(start), Some(text)) = (self.starts.get(l), LEVEL_TEXTS.get(l)) else {
            return false;
        };
        let mut values = self.values;
        let Some(slot) = values.get_mut(l) else {
            return false;
        };
        *slot = Some(slot.map_or(*start, |v| v.saturating_add(1)));
        if fill_level_text(text, &values).as_deref() != Some(label) {
            return false;
        }
        for v in values.iter_mut().skip(l + 1) {
            *v = None;
        }
        self.values = values;
        true
    }
}

/// `%1.%2` with the counters' values; `None` when a level it shows has no value.
fn fill_level_text(text: &str, values: &[Option<u32>]) -> Option<String> {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            let d = chars.next()?.to_digit(10)?;
            let v = values
                .get(usize::try_from(d).ok()?.checked_sub(1)?)?
                .as_ref()?;
            out.push_str(&v.to_string());
        } else {
            out.push(c);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_follow_word() {
        let mut c = WordCounters::new(1);
        assert!(c.take(0, "1."));
        assert!(c.take(1, "1.1"));
        assert!(c.take(2, "1.1.1"));
        assert!(c.take(3, "1)"));
        assert!(c.take(3, "2)"));
        assert!(c.take(2, "1.1.2"));
        // a sub-step list restarts under the next step
        assert!(c.take(3, "1)"));
        assert!(c.take(1, "1.2"));
        assert!(c.take(0, "2."));
        // duties restart under the next person
        assert!(c.take(1, "2.1"));
        // a label Word would not print stays typed and changes nothing
        assert!(!c.take(1, "2.3"));
        assert!(c.take(1, "2.2"));
        // a level whose parent level never printed shows nothing sensible
        let mut c = WordCounters::new(1);
        assert!(!c.take(1, "1.1"));
        assert!(c.take(3, "1)"));
    }

    #[test]
    fn first_person_sets_the_start() {
        let mut c = WordCounters::new(4);
        assert!(!c.take(0, "1."));
        assert!(c.take(0, "4."));
        assert!(c.take(1, "4.1"));
    }

    #[test]
    fn level_text() {
        let v = [Some(3), Some(2), Some(1), None, None];
        assert_eq!(fill_level_text("%1.%2.%3", &v).as_deref(), Some("3.2.1"));
        assert_eq!(fill_level_text("%4)", &v), None);
        assert_eq!(fill_level_text("%1.", &v).as_deref(), Some("3."));
    }
}
