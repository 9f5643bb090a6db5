//! The workbook, through calamine: its worksheets as rows of cell texts, and
//! the first one with a header row (the table read).

use std::io::Cursor;

use std::collections::HashMap;

use calamine::{Data, DataRef, Ods, Reader, SheetType, SheetVisible, Xlsx, XlsxError};

use super::cells::{cell_of, is_blank_data};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::Error;
use crate::limits::Limits;
use crate::read::Format;
use crate::read::table::{Cell, Row, Table, header_row};

enum Book<'a> {
    Xlsx(Box<Xlsx<Cursor<&'a [u8]>>>),
    Ods(Box<Ods<Cursor<&'a [u8]>>>),
}

/// Why a sheet could not be read.
pub(super) enum Fail {
    /// calamine's message about a damaged workbook.
    Damaged(String),
    /// A limit passed, with the error that names it.
    Refused(Error),
}

/// One non-empty cell, at its absolute position.
struct RawCell {
    row: u32,
    col: u32,
    data: Data,
    /// Number format code (for .xlsx floats).
    format: Option<std::rc::Rc<str>>,
}

/// What reading the cells of a workbook may cost: text copied out of shared
/// strings and repeated cells is counted while it is copied, against
/// [`Limits::max_part_bytes`] in all and [`Limits::max_line_chars`] a cell.
pub(super) struct Budget<'p> {
    pub(super) path: &'p str,
    pub(super) limits: Limits,
    text: u64,
}

impl<'p> Budget<'p> {
    pub(super) fn new(path: &'p str, limits: Limits) -> Self {
        Budget {
            path,
            limits,
            text: 0,
        }
    }

    /// Count the text of a cell at (0-based) `row` before it is copied.
    fn take(&mut self, s: &str, row: u32) -> std::result::Result<(), Fail> {
        let line = row.saturating_add(1);
        let max = self.limits.max_line_chars;
        if s.len() > max
            && let Some(chars) = s
                .split(['\n', '\r'])
                .filter(|l| l.len() > max)
                .map(|l| l.chars().count())
                .find(|&c| c > max)
        {
            return Err(Fail::Refused(
                self.limits.line_too_long(self.path, line, chars),
            ));
        }
        self.text = self.text.saturating_add(s.len() as u64);
        if self.text > self.limits.max_part_bytes {
            return Err(Fail::Refused(
                self.limits
                    .text_too_big(self.path, "the cells of the sheets"),
            ));
        }
        Ok(())
    }
}

/// The text a cell value would copy.
fn text_of<'d>(d: &'d DataRef<'_>) -> &'d str {
    match d {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s,
        DataRef::SharedString(s) => s,
        _ => "",
    }
}

impl<'a> Book<'a> {
    fn open(bytes: &'a [u8], format: Format) -> std::result::Result<Self, String> {
        match format {
            Format::Ods => Ods::new(Cursor::new(bytes))
                .map(|b| Book::Ods(Box::new(b)))
                .map_err(|e| e.to_string()),
            _ => Xlsx::new(Cursor::new(bytes))
                .map(|b| Book::Xlsx(Box::new(b)))
                .map_err(|e| e.to_string()),
        }
    }

    /// Worksheet names: visible ones in workbook order, then hidden ones.
    fn sheet_names(&self) -> Vec<String> {
        let meta = match self {
            Book::Xlsx(b) => b.sheets_metadata(),
            Book::Ods(b) => b.sheets_metadata(),
        };
        let sheets = meta.iter().filter(|s| s.typ == SheetType::WorkSheet);
        let (visible, hidden): (Vec<_>, Vec<_>) =
            sheets.partition(|s| s.visible == SheetVisible::Visible);
        visible
            .into_iter()
            .chain(hidden)
            .map(|s| s.name.clone())
            .collect()
    }

    /// The non-empty cells of a sheet, sparse: a cell far out (XFD1048576)
    /// costs one cell, not the dense range to it. With `first_only`, stop at
    /// the first non-blank cell (a sheet that is only checked for data).
    fn cells(
        &mut self,
        name: &str,
        budget: &mut Budget<'_>,
        first_only: bool,
    ) -> std::result::Result<Vec<RawCell>, Fail> {
        let mut out = Vec::new();
        match self {
            Book::Xlsx(b) => {
                let mut reader = match b.worksheet_cells_reader(name) {
                    Ok(r) => r,
                    Err(XlsxError::NotAWorksheet(_)) => return Ok(out),
                    Err(e) => return Err(Fail::Damaged(e.to_string())),
                };
                let mut formats: HashMap<usize, Option<std::rc::Rc<str>>> = HashMap::new();
                while let Some((cell, style)) = reader
                    .next_cell_with_style_id()
                    .map_err(|e| Fail::Damaged(e.to_string()))?
                {
                    let (row, col) = cell.get_position();
                    let value = cell.get_value();
                    if matches!(value, DataRef::Empty) {
                        continue;
                    }
                    budget.take(text_of(value), row)?;
                    let data = Data::from(value.clone());
                    let blank = is_blank_data(&data);
                    let format = if matches!(data, Data::Float(_)) {
                        let styles = reader.styles();
                        formats
                            .entry(style)
                            .or_insert_with(|| {
                                styles
                                    .get(style)
                                    .and_then(|s| s.number_format.as_ref())
                                    .map(|f| std::rc::Rc::from(f.format_code.as_str()))
                            })
                            .clone()
                    } else {
                        None
                    };
                    out.push(RawCell {
                        row,
                        col,
                        data,
                        format,
                    });
                    if first_only && !blank {
                        break;
                    }
                }
            }
            Book::Ods(b) => {
                // dense already, within the limits checked by ods_guard
                let range = b
                    .worksheet_range(name)
                    .map_err(|e| Fail::Damaged(e.to_string()))?;
                let (row0, col0) = range.start().unwrap_or((0, 0));
                for (r, c, d) in range.used_cells() {
                    let row = row0.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
                    let col = col0.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
                    if let Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) = d {
                        budget.take(s, row)?;
                    }
                    out.push(RawCell {
                        row,
                        col,
                        data: d.clone(),
                        format: None,
                    });
                    if first_only && !is_blank_data(d) {
                        break;
                    }
                }
            }
        }
        Ok(out)
    }
}

pub(super) enum Outcome {
    Table(Table, Vec<Diagnostic>),
    Empty,
    NoHeader,
    Damaged(String),
    Refused(Error),
}

/// Open the workbook and find the first sheet with a header row.
pub(super) fn find_table(bytes: &[u8], format: Format, budget: &mut Budget<'_>) -> Outcome {
    let mut book = match Book::open(bytes, format) {
        Ok(b) => b,
        Err(m) => return Outcome::Damaged(m),
    };
    let mut found: Option<(Table, String)> = None;
    let mut not_read: Vec<(String, bool)> = Vec::new();
    let mut any_data = false;
    let mut damage: Option<String> = None;
    for name in book.sheet_names() {
        let cells = match book.cells(&name, budget, found.is_some()) {
            Ok(c) => c,
            Err(Fail::Refused(e)) => return Outcome::Refused(e),
            Err(Fail::Damaged(m)) => {
                damage.get_or_insert(format!("sheet {name:?}: {m}"));
                continue;
            }
        };
        if cells.iter().all(|c| is_blank_data(&c.data)) {
            continue;
        }
        any_data = true;
        if found.is_some() {
            not_read.push((name, false));
            continue;
        }
        let rows = match grid(cells, &name, budget) {
            Ok(rows) => rows,
            Err(e) => return Outcome::Refused(e),
        };
        match header_row(&rows) {
            Some((header, columns)) => {
                found = Some((
                    Table {
                        rows,
                        header,
                        columns,
                    },
                    name,
                ));
            }
            None => not_read.push((name, true)),
        }
    }
    let Some((table, chosen)) = found else {
        return match damage {
            Some(m) => Outcome::Damaged(m),
            None if any_data => Outcome::NoHeader,
            None => Outcome::Empty,
        };
    };
    let diagnostics = not_read
        .into_iter()
        .map(|(name, before)| {
            let why = if before {
                "has no header row naming the columns".to_string()
            } else {
                format!("follows \"{chosen}\", the sheet read (only the first duty table is read)")
            };
            Diagnostic::new(
                Code::SheetNotRead,
                1,
                format!("sheet \"{name}\" was not read: it {why}"),
            )
        })
        .collect();
    Outcome::Table(table, diagnostics)
}

/// The rows of a sheet as text, with absolute row numbers and columns, from
/// the first to the last row with a cell. The grid is dense by column up to
/// each row's last cell, so its size is checked first against
/// [`Limits::max_sheet_cells`].
fn grid(
    mut cells: Vec<RawCell>,
    sheet: &str,
    budget: &Budget<'_>,
) -> std::result::Result<Vec<Row>, Error> {
    cells.sort_by_key(|c| (c.row, c.col));
    let (Some(first), Some(last)) = (cells.first(), cells.last()) else {
        return Ok(Vec::new());
    };
    let (row0, row_end) = (first.row, last.row);
    let col0 = cells.iter().map(|c| c.col).min().unwrap_or(0);
    // rows, plus each row's cells up to its last one
    let mut size = u64::from(row_end - row0) + 1;
    let mut widths = cells.iter().peekable();
    while let Some(c) = widths.next() {
        if widths.peek().is_none_or(|n| n.row != c.row) {
            size = size.saturating_add(u64::from(c.col) + 1);
        }
    }
    if size > budget.limits.max_sheet_cells() {
        return Err(budget.limits.too_many_cells(budget.path, sheet, size));
    }
    // a fixed-decimals format shows whole numbers with decimals too (1.00):
    // it is applied on sheets that hold a fraction, as before
    let styled = cells
        .iter()
        .any(|c| matches!(c.data, Data::Float(f) if f.fract() != 0.0));
    let height = usize::try_from(row_end - row0).unwrap_or(0) + 1;
    let mut out: Vec<Row> = (0..height)
        .map(|i| Row {
            line: row0
                .saturating_add(u32::try_from(i).unwrap_or(u32::MAX))
                .saturating_add(1),
            cells: Vec::new(),
        })
        .collect();
    for c in cells {
        let Some(row) = out.get_mut(usize::try_from(c.row - row0).unwrap_or(usize::MAX)) else {
            continue;
        };
        let col = usize::try_from(c.col).unwrap_or(usize::MAX);
        if row.cells.is_empty() {
            row.cells = vec![Cell::default(); usize::try_from(col0).unwrap_or(0)];
        }
        while row.cells.len() < col {
            row.cells.push(Cell::default());
        }
        let code = if styled { c.format.as_deref() } else { None };
        let cell = cell_of(&c.data, code);
        match row.cells.get_mut(col) {
            Some(slot) => *slot = cell,
            None => row.cells.push(cell),
        }
    }
    for row in &mut out {
        while row.cells.last().is_some_and(Cell::is_blank) {
            row.cells.pop();
        }
    }
    Ok(out)
}
