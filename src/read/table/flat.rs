//! Tables flattened to one cell per line — a table copied out of a PDF or a
//! web page into a text file, or typed so — turned back into rows, so that
//! the later stages read rows, not a run of loose lines.
//!
//! Such a table is known by its column headings, each a short line of its
//! own, and by its rows:
//!
//! ```text
//! ลำดับที่                                  ← the row-number column
//! รองนายกรัฐมนตรี                            ← the name column (here a post)
//! รองนายกรัฐมนตรีที่ปฏิบัติราชการแทน… ตามลำดับ   ← the list column
//! 1                                        ← a row: its number alone,
//! พลเอก ประวิตร  วงษ์สุวรรณ                    ←   the name cell,
//! 1. นายสุพัฒนพงษ์  พันธ์มีเชาว์                 ←   the list cell, one entry
//! 2. นายอนุทิน  ชาญวีรกูล                      ←   a line, from 1 in every row
//! 2
//! …
//! ```
//!
//! The row numbers count up 1, 2, 3 …; a table without a row-number column is
//! known only when its list column names stand-ins ([`STAND_IN_HEADS`]), each
//! row then a name followed by its list from `1.`. What is handed on:
//!
//! - the headings as one line of cells (a header row, as a text file types
//!   it with tabs), which the order stage reads the rows by;
//! - each row's name cell as the row's line, its number the line's
//!   [`Line::label`] (as a spreadsheet's ลำดับ column gives it) and the name
//!   its [`CellRole::Name`] cell;
//! - a list of names (the stand-ins) as one inline list of names
//!   (`1. นาย… 2. นาย…`), so it restarts in every row; a list of other
//!   entries (the row person's items) as lines whose labels are made whole
//!   (`N.k`), as a spreadsheet's duty cell gives them.
//!
//! A row number is never an item of its own and a list never counts on
//! across rows: no correction is made where the writer made no mistake.

use crate::label::{Family, Label, parse_label};
use crate::read::{CellRole, Line, ParaStart, TableCell};
use crate::thai::digits::parse_number;
use crate::thai::lexicon::{STAND_IN_HEADS, find_first};
use crate::thai::names::split_name;

/// The longest column heading, in characters: a heading is a few words
/// (`รองนายกรัฐมนตรีที่ปฏิบัติราชการแทนนายกรัฐมนตรี ตามลำดับ`, 55), never a
/// sentence of the order (the longest heading line of the corpus tables is
/// well under it; the order's own sentences run past 100).
const MAX_HEADING_CELL_CHARS: usize = 80;

/// The most column headings a flattened table is read with: the corpus's
/// tables have two and three; a run of more short lines is not a header.
const MAX_HEADINGS: usize = 5;

/// The longest row-number heading, in bytes (`ลำดับที่`, 24; a number
/// heading is one word), so that a longer line is not looked up as one.
const MAX_NUMBER_HEADING_BYTES: usize = 40;

/// Rebuild every flattened table in `lines` (normalised text) as rows.
pub(crate) fn rebuild(lines: &mut Vec<Line>) {
    // the cheap test first: a table's header has a row-number heading or
    // one that names stand-ins (most orders have neither: one look a line)
    if !lines.iter().any(|l| opens_header(&l.text)) {
        return;
    }
    let mut at = 0;
    let mut out: Option<Vec<Line>> = None;
    while at < lines.len() {
        match table_at(lines, at) {
            Some(t) => {
                let done = out.get_or_insert_with(|| lines.get(..at).unwrap_or_default().to_vec());
                emit(lines, &t, done);
                at = t.end;
            }
            None => {
                if let (Some(done), Some(l)) = (out.as_mut(), lines.get(at)) {
                    done.push(l.clone());
                }
                at += 1;
            }
        }
    }
    if let Some(done) = out {
        *lines = done;
    }
}

/// The lines of a table given as rows of cell texts (a .docx table, a
/// cell's paragraphs a line each) when it is a table of this shape — a
/// header row, then rows of a number, a name and a list of stand-ins or
/// items — read as the same table flattened to a cell per line is; `None`
/// for any other table.
pub(crate) fn table_lines(rows: &[(u32, Vec<String>)]) -> Option<Vec<Line>> {
    let mut cells = Vec::new();
    for (line, row) in rows {
        for cell in row {
            for l in super::cell_lines(cell) {
                cells.push(Line {
                    text: crate::thai::normalize_line(l),
                    line: *line,
                    ..Line::default()
                });
            }
        }
    }
    let t = table_at(&cells, 0).filter(|t| t.end == cells.len())?;
    let mut out = Vec::new();
    emit(&cells, &t, &mut out);
    Some(out)
}

/// A flattened table found in the lines: where its parts are.
struct Flat {
    /// The heading lines.
    headings: Vec<usize>,
    /// The rows.
    rows: Vec<FlatRow>,
    /// The list column names stand-ins.
    stand_ins: bool,
    /// The line after the table.
    end: usize,
}

struct FlatRow {
    /// The row-number line and its value, when the table has that column.
    number: Option<(usize, u32)>,
    /// The name cell's line.
    name: usize,
    /// The list cell's lines, each with its label and the text after it.
    list: Vec<(usize, Label, String)>,
}

/// The next non-blank line from `i`.
fn next_filled(lines: &[Line], mut i: usize) -> Option<usize> {
    while let Some(l) = lines.get(i) {
        if !l.text.trim().is_empty() || l.label.is_some() {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The text of line `i`; nothing for a line its reader already structured
/// (a known label, cells): no table is read across it.
fn text(lines: &[Line], i: usize) -> &str {
    lines
        .get(i)
        .filter(|l| l.label.is_none() && l.cells.is_empty())
        .map_or("", |l| l.text.as_str())
}

/// A row number alone on its line (`1`, `๑`, `1.`).
fn bare_number(text: &str) -> Option<u32> {
    parse_number(text.trim().trim_end_matches('.'))
}

/// Whether a line can be a flattened table's row-number heading or its
/// stand-ins' heading.
fn opens_header(text: &str) -> bool {
    let t = text.trim();
    // (no character takes more than 4 bytes: a longer line is too long)
    t.len() <= 4 * MAX_HEADING_CELL_CHARS
        && (t.len() <= MAX_NUMBER_HEADING_BYTES && crate::read::table::names_number(t)
            || find_first(t, STAND_IN_HEADS).is_some())
}

/// A line that can be a column heading: short, no label, no name, no number.
fn heading_cell(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.len() <= 4 * MAX_HEADING_CELL_CHARS
        && t.chars().count() <= MAX_HEADING_CELL_CHARS
        && bare_number(t).is_none()
        && parse_label(t).is_none()
        && split_name(t).is_none()
}

/// A name cell: a titled name and nothing after it.
fn name_cell(text: &str) -> bool {
    split_name(text.trim()).is_some_and(|n| n.rest.trim().is_empty())
}

/// A list entry: a one-level label (`1.`, `1)`) whose value is `want`.
fn list_entry(text: &str, want: u32) -> Option<(Label, String)> {
    let (label, rest) = parse_label(text)?;
    (label.values.as_slice() == [want]
        && matches!(label.family, Family::Dotted | Family::ParenClose)
        && !rest.trim().is_empty())
    .then(|| (label, rest.trim().to_string()))
}

/// The flattened table whose first heading is line `at`, if one starts there.
fn table_at(lines: &[Line], at: usize) -> Option<Flat> {
    if !heading_cell(text(lines, at)) {
        return None;
    }
    let numbered = crate::read::table::names_number(text(lines, at).trim());
    // the headings: up to the first row (its number, or its name)
    let mut headings = vec![at];
    let mut i = next_filled(lines, at + 1)?;
    while heading_cell(text(lines, i)) && headings.len() < MAX_HEADINGS {
        headings.push(i);
        i = next_filled(lines, i + 1)?;
    }
    if headings.len() < 2 {
        return None;
    }
    let last = headings.last().map_or("", |&h| text(lines, h));
    let stand_ins = find_first(last, STAND_IN_HEADS).is_some();
    if !numbered && !stand_ins {
        return None;
    }
    let mut rows = Vec::new();
    let mut end = i;
    loop {
        let number = if numbered {
            let want = u32::try_from(rows.len() + 1).ok()?;
            match bare_number(text(lines, i)) {
                Some(v) if v == want => {
                    let n = i;
                    match next_filled(lines, i + 1) {
                        Some(next) => i = next,
                        None => break,
                    }
                    Some((n, v))
                }
                _ => break,
            }
        } else {
            None
        };
        if !name_cell(text(lines, i)) {
            break;
        }
        let name = i;
        let mut list = Vec::new();
        let mut j = next_filled(lines, i + 1);
        while let Some(k) = j {
            let want = u32::try_from(list.len() + 1).ok()?;
            let Some((label, rest)) = list_entry(text(lines, k), want) else {
                break;
            };
            list.push((k, label, rest));
            j = next_filled(lines, k + 1);
        }
        // a row is its name and its list (a name with another cell after
        // it is a table of more columns, not read here)
        if list.is_empty() {
            break;
        }
        end = list.last().map_or(name, |(k, _, _)| *k) + 1;
        rows.push(FlatRow { number, name, list });
        match j {
            Some(k) => i = k,
            None => break,
        }
    }
    (!rows.is_empty()).then_some(Flat {
        headings,
        rows,
        stand_ins,
        end,
    })
}

/// A line the reader made, in normal form, a boundary of its own.
fn made(text: String, line: u32) -> Line {
    Line {
        text,
        line,
        normalized: true,
        para_start: ParaStart::Paragraph,
        table_row: true,
        ..Line::default()
    }
}

/// The table's lines as rows, appended to `out`.
fn emit(lines: &[Line], t: &Flat, out: &mut Vec<Line>) {
    let line_of = |i: usize| lines.get(i).map_or(0, |l| l.line);
    // the header row: its cells a gap apart
    let mut header = String::new();
    let mut gaps = Vec::new();
    for &h in &t.headings {
        if !header.is_empty() {
            header.push(' ');
            gaps.push(header.len());
        }
        header.push_str(text(lines, h).trim());
    }
    let mut head = made(header, t.headings.first().map_or(0, |&h| line_of(h)));
    head.gaps = gaps;
    out.push(head);
    for row in &t.rows {
        let name = text(lines, row.name).trim().to_string();
        let mut line = made(name, line_of(row.number.map_or(row.name, |(n, _)| n)));
        line.cells = vec![TableCell {
            role: CellRole::Name,
            start: 0,
            end: line.text.len(),
        }];
        if let Some((n, value)) = row.number {
            let written = text(lines, n).trim().to_string();
            line.label = Some(Label::new(written, Family::Dotted, vec![value]));
        }
        out.push(line);
        let names = t.stand_ins || row.list.iter().all(|(_, _, rest)| name_cell(rest));
        match (row.number, names) {
            // the names as one inline list, from 1 in every row
            (_, true) if !row.list.is_empty() => {
                let list: Vec<String> = row
                    .list
                    .iter()
                    .map(|(_, label, rest)| format!("{} {rest}", label.written))
                    .collect();
                let first = row.list.first().map_or(0, |(k, _, _)| line_of(*k));
                out.push(made(list.join(" "), first));
            }
            // the row person's items, numbered under the row
            (Some((_, value)), false) => {
                for (k, label, rest) in &row.list {
                    let mut item = made(rest.clone(), line_of(*k));
                    let whole = vec![value, label.last_value()];
                    item.label = Some(Label::new(label.written.clone(), label.family, whole));
                    item.indent = 4;
                    out.push(item);
                }
            }
            _ => {
                for (k, _, _) in &row.list {
                    if let Some(l) = lines.get(*k) {
                        out.push(l.clone());
                    }
                }
            }
        }
    }
}
