//! Tables of a .docx body: rows of cells, merged cells laid on the grid
//! (`gridSpan` leaves the columns it covers empty, a `vMerge` continuation
//! reads as the merged cell above it), tables nested in cells (their rows
//! are text of the cell, unless the row holds nothing but tables: a layout
//! table around the real one, whose tables are then read as tables of the
//! body), and whole tables handed to the table reader ([`crate::read::table`]).

use std::collections::HashMap;

use quick_xml::events::BytesStart;

use super::xml::attr;
use super::{Body, ParaStart};

/// Widest `gridSpan` honoured: a table has at most 63 columns in Word; a
/// larger span is a damaged file, read as that many columns.
const MAX_GRID_SPAN: usize = 64;

/// A table being read: the row's cells and the cell's paragraphs.
#[derive(Default)]
pub(super) struct Table {
    cells: Vec<String>,
    cell: String,
    /// The current cell's paragraphs, one per line.
    cell_lines: String,
    /// The current row's cells with their paragraphs on lines.
    cells_lines: Vec<String>,
    /// Rows so far: as a tab-joined line, and as cells for a header-row table.
    rows: Vec<(String, Vec<String>)>,
    /// Grid column of the current cell (cells before it, by their spans).
    grid_col: usize,
    /// The current cell's `gridSpan` (1 when none).
    span: usize,
    /// The current cell's `vMerge`: `Some(true)` starts a merged cell,
    /// `Some(false)` continues the one above.
    vmerge: Option<bool>,
    /// The text (joined, and on lines) of the merged cell started in each
    /// grid column: a continuing cell reads as it, as the page shows it.
    merged: HashMap<usize, (String, String)>,
    /// The current row has text of its own (not of a table nested in it).
    own_text: bool,
    /// Tables nested in the current row's cells, by their rows.
    nested: Vec<Vec<(String, Vec<String>)>>,
}

impl Table {
    /// A paragraph of the current cell (its label rendered, its soft
    /// breaks spaces).
    pub(super) fn add_paragraph(&mut self, text: &str) {
        self.own_text |= !text.trim().is_empty();
        join_cell(&mut self.cell, text);
        join_lines(&mut self.cell_lines, text);
    }
}

impl Body<'_> {
    pub(super) fn start_row(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            t.cells.clear();
            t.cells_lines.clear();
            t.grid_col = 0;
            t.own_text = false;
            t.nested.clear();
        }
    }

    pub(super) fn start_cell(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            t.cell.clear();
            t.cell_lines.clear();
            t.span = 1;
            t.vmerge = None;
        }
    }

    /// `gridSpan` or `vMerge` in a cell's properties.
    pub(super) fn cell_prop(&mut self, e: &BytesStart<'_>, name: &str) {
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        if name == "gridSpan" {
            let span = attr(e, "val").and_then(|v| v.parse::<usize>().ok());
            t.span = span.unwrap_or(1).clamp(1, MAX_GRID_SPAN);
        } else {
            t.vmerge = Some(attr(e, "val").is_some_and(|v| v == "restart"));
        }
    }

    pub(super) fn end_cell(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            let mut cell = std::mem::take(&mut t.cell).trim().to_string();
            let mut lines = std::mem::take(&mut t.cell_lines);
            match t.vmerge {
                Some(true) => {
                    t.merged.insert(t.grid_col, (cell.clone(), lines.clone()));
                }
                Some(false) if cell.is_empty() => {
                    if let Some((c, l)) = t.merged.get(&t.grid_col) {
                        (cell, lines) = (c.clone(), l.clone());
                    }
                }
                _ => {
                    t.merged.remove(&t.grid_col);
                }
            }
            t.cells.push(cell);
            t.cells_lines.push(lines);
            // a cell spanning columns: the columns it covers are
            // empty, so the cells after it stay under their headers
            for _ in 1..t.span {
                t.cells.push(String::new());
                t.cells_lines.push(String::new());
            }
            t.grid_col = t.grid_col.saturating_add(t.span);
        }
    }

    pub(super) fn end_row(&mut self) {
        let nested = self.tables.len() > 1;
        // a row that only holds tables (a layout table around the
        // real one): those tables are read as tables of the body
        if !nested
            && self
                .tables
                .last()
                .is_some_and(|t| !t.own_text && !t.nested.is_empty())
        {
            self.promote_nested();
            return;
        }
        if let Some(t) = self.tables.last_mut() {
            let row = t.cells.join("\t");
            let cells = std::mem::take(&mut t.cells_lines);
            t.cells.clear();
            if nested {
                // a nested table: its rows are text of the outer
                // cell, and kept as rows in case the outer row holds
                // nothing else
                t.rows.push((row.clone(), cells));
                let depth = self.tables.len() - 2;
                if let Some(outer) = self.tables.get_mut(depth) {
                    join_cell(&mut outer.cell, &row);
                    join_lines(&mut outer.cell_lines, &row);
                }
            } else if let Some(t) = self.tables.last_mut() {
                t.rows.push((row, cells));
            }
        }
    }

    pub(super) fn end_table(&mut self) {
        if let Some(t) = self.tables.pop() {
            match self.tables.last_mut() {
                None => self.finish_table(t.rows),
                Some(outer) => outer.nested.push(t.rows),
            }
        }
    }

    /// The current row of the top-level table holds only tables: the rows
    /// of the table so far are read, then each nested table, as tables of
    /// the body (their rows no longer text of one cell).
    pub(super) fn promote_nested(&mut self) {
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let before = std::mem::take(&mut t.rows);
        let nested = std::mem::take(&mut t.nested);
        t.cells.clear();
        t.cells_lines.clear();
        if !before.is_empty() {
            self.finish_table(before);
        }
        for rows in nested {
            self.finish_table(rows);
        }
    }

    /// A table's rows: a committee's member table as its members; read like
    /// a spreadsheet when a row names the columns (ที่ | ชื่อ-สกุล | ตำแหน่ง |
    /// หน้าที่ …) and a cell holds several paragraphs, so its people, duties
    /// and steps are found; otherwise one tab-joined line a row, as a text
    /// file types the table. Either way a row takes one line
    /// number.
    pub(super) fn finish_table(&mut self, rows: Vec<(String, Vec<String>)>) {
        let base = self.paragraphs;
        let numbered: Vec<(u32, Vec<String>)> = rows
            .iter()
            .enumerate()
            .map(|(k, (_, cells))| {
                (
                    base.saturating_add(u32::try_from(k + 1).unwrap_or(u32::MAX)),
                    cells.clone(),
                )
            })
            .collect();
        // a table of people whose cells are one paragraph each is the same
        // rows typed with tabs, and reads as they do (`๑⇥นายก ข⇥ครู⇥งาน…`
        // under `ลำดับ⇥ชื่อ - สกุล⇥…`: the same people as the .txt, not
        // numbered by the ลำดับ cell); a cell of several paragraphs (a duty
        // and its steps) needs the sheet's reading. (A committee's member
        // table keeps its own reading: its group rows and seats are read
        // better so than as typed rows, held-out h72.)
        let one_line_cells = rows
            .iter()
            .all(|(_, cells)| cells.iter().all(|c| !c.contains('\n')));
        // (a table of who stands in for whom, or of a number, a name and a
        // list, read as the same table flattened to a cell per line is)
        let flat = || crate::read::table::stand_in_table_lines(&numbered);
        let read = crate::read::table::committee_table_lines(&numbered)
            .or_else(|| {
                (!one_line_cells)
                    .then(|| crate::read::table::table_lines(numbered.clone()))
                    .flatten()
            })
            .or_else(|| flat().map(|lines| (lines, Vec::new())));
        let first = self.lines.len();
        match read {
            Some((lines, diagnostics)) => {
                self.lines.extend(lines);
                self.diagnostics.extend(diagnostics);
                self.paragraphs =
                    base.saturating_add(u32::try_from(rows.len()).unwrap_or(u32::MAX));
            }
            None => {
                for (row, _) in rows {
                    self.emit(row, 0, ParaStart::Paragraph, true);
                }
            }
        }
        for line in self.lines.iter_mut().skip(first) {
            line.table_row = true;
        }
    }
}

/// The paragraphs of one cell, one per line (for a table read as a sheet).
fn join_lines(cell: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push('\n');
    }
    cell.push_str(text);
}

/// Paragraphs of one cell are joined by a space.
fn join_cell(cell: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(text);
}
