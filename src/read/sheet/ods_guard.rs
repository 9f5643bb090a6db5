//! What calamine would allocate for an .ods, measured before it does.
//!
//! calamine reads every table of `content.xml` when the workbook is opened
//! and expands `table:number-rows-repeated` and
//! `table:number-columns-repeated` into dense cells (up to 1,048,576 rows ×
//! 16,384 columns, 100 million cells, each with a copy of its text): an .ods
//! under 1 KB asks for 3.4 GB. This module walks `content.xml` once with the
//! same rules (repeats capped as calamine caps them, a repeated empty cell
//! only counted when a cell follows it, the range spanning the first to the
//! last non-empty row) and refuses, with the limit's flag, a table whose cells
//! or text would pass the limits. The count is an upper bound: a cell that has
//! content in any form counts as non-empty.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, ErrorKind, Result};
use crate::limits::Limits;

/// calamine's cap on the rows of one table (Excel's row count).
const MAX_ROWS: u64 = 1_048_576;
/// calamine's cap on the columns of one row (Excel's column count).
const MAX_COLUMNS: u64 = 16_384;
/// The part calamine reads the tables from.
const PART: &str = "content.xml";

/// One table as calamine would expand it.
#[derive(Default)]
struct Table {
    name: String,
    /// Rows so far, repeats counted (capped at [`MAX_ROWS`]).
    rows: u64,
    /// Cells pushed while reading rows (before the range is built).
    read_cells: u64,
    /// Text bytes copied while reading rows.
    read_text: u64,
    /// Rows and text from the first non-empty row to the current one.
    span: Option<(u64, u64)>,
    /// Rows and text from the first to the last non-empty row.
    extent: (u64, u64),
    /// Widest non-empty row, in columns.
    width: u64,
}

impl Table {
    fn cells(&self) -> u64 {
        self.read_cells
            .saturating_add(self.extent.0.saturating_mul(self.width))
    }

    fn text(&self) -> u64 {
        self.read_text.saturating_add(self.extent.1)
    }
}

/// Refuse `content.xml` when a table would expand past the limits.
pub(super) fn check(path: &str, content: &[u8], limits: Limits) -> Result<()> {
    let damaged = |e: &dyn std::fmt::Display| {
        Error::new(
            path,
            ErrorKind::Corrupt(format!("damaged .ods workbook ({PART}: {e})")),
        )
    };
    let mut reader = Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut table: Option<Table> = None;
    let (mut cells, mut text) = (0u64, 0u64);
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|e| damaged(&e))?;
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                table = Some(Table {
                    name: attr(&e, "table:name").unwrap_or_default(),
                    ..Table::default()
                });
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(t) = table.take() {
                    cells = cells.saturating_add(t.cells());
                    text = text.saturating_add(t.text());
                    if cells > limits.max_sheet_cells() {
                        return Err(limits.too_many_cells(path, &t.name, cells));
                    }
                    if text > limits.max_part_bytes {
                        return Err(limits.text_too_big(path, "the cells of the sheets"));
                    }
                }
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                let Some(t) = table.as_mut() else {
                    continue;
                };
                let repeats = number(&e, "table:number-rows-repeated").min(MAX_ROWS - t.rows);
                t.rows = t.rows.saturating_add(repeats);
                let row = read_row(&mut reader, &mut buf).map_err(|e| damaged(&e))?;
                t.read_cells = t.read_cells.saturating_add(row.pushed);
                t.read_text = t.read_text.saturating_add(row.text);
                if let Some((r, x)) = t.span.as_mut() {
                    *r = r.saturating_add(repeats);
                    *x = x.saturating_add(row.text.saturating_mul(repeats));
                }
                if row.width > 0 {
                    let span = t
                        .span
                        .get_or_insert((repeats, row.text.saturating_mul(repeats)));
                    t.extent = *span;
                    t.width = t.width.max(row.width);
                }
                // stop as soon as one table is past the limits
                if cells.saturating_add(t.cells()) > limits.max_sheet_cells() {
                    return Err(limits.too_many_cells(
                        path,
                        &t.name,
                        cells.saturating_add(t.cells()),
                    ));
                }
                if text.saturating_add(t.text()) > limits.max_part_bytes {
                    return Err(limits.text_too_big(path, "the cells of the sheets"));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// One row: cells calamine pushes, its width to the last non-empty cell (0
/// when empty), and the text bytes it copies.
struct Row {
    pushed: u64,
    width: u64,
    text: u64,
}

fn read_row(reader: &mut Reader<&[u8]>, buf: &mut Vec<u8>) -> quick_xml::Result<Row> {
    let mut row = Row {
        pushed: 0,
        width: 0,
        text: 0,
    };
    let (mut columns, mut pending_empty) = (0u64, 0u64);
    loop {
        buf.clear();
        let before = reader.buffer_position();
        let (e, closed) = match reader.read_event_into(buf)? {
            Event::Start(e) => (e.into_owned(), false),
            Event::Empty(e) => (e.into_owned(), true),
            Event::End(e) if e.name().as_ref() == "table:table-row" => return Ok(row),
            Event::Eof => return Ok(row),
            _ => continue,
        };
        let name = e.name();
        let is_cell =
            name.as_ref() == "table:table-cell" || name.as_ref() == "table:covered-table-cell";
        if !closed {
            reader.read_to_end_into(name, buf)?;
        }
        if !is_cell {
            continue;
        }
        let span = reader.buffer_position().saturating_sub(before);
        let empties = pending_empty.min(MAX_COLUMNS - columns.min(MAX_COLUMNS));
        row.pushed = row.pushed.saturating_add(empties);
        columns = columns.saturating_add(empties);
        let repeats =
            number(&e, "table:number-columns-repeated").min(MAX_COLUMNS - columns.min(MAX_COLUMNS));
        let has_value = !closed
            || e.attributes().flatten().any(|a| {
                a.key.as_ref().starts_with("office:") && a.key.as_ref().ends_with("value")
            });
        if has_value {
            row.pushed = row.pushed.saturating_add(repeats);
            columns = columns.saturating_add(repeats);
            row.width = columns;
            row.text = row.text.saturating_add(span.saturating_mul(repeats));
            pending_empty = 0;
        } else {
            pending_empty = repeats;
        }
    }
}

/// A repeat count attribute (1 when absent or unreadable).
fn number(e: &BytesStart<'_>, key: &str) -> u64 {
    e.try_get_attribute(key)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    let a = e.try_get_attribute(key).ok().flatten()?;
    Some(a.value.into_owned())
}
