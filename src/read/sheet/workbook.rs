//! The workbook, through calamine: its worksheets as rows of cell texts, and
//! the first one with a header row (the table read).

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, SheetType, SheetVisible, StyleRange, Xlsx};

use super::cells::{Cell, cell_of, is_blank_data};
use super::header::{Columns, header_row};
use crate::diagnostic::{Diagnostic, Severity};
use crate::read::Format;

enum Book<'a> {
    Xlsx(Box<Xlsx<Cursor<&'a [u8]>>>),
    Ods(Box<Ods<Cursor<&'a [u8]>>>),
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

    fn range(&mut self, name: &str) -> std::result::Result<Range<Data>, String> {
        match self {
            Book::Xlsx(b) => b.worksheet_range(name).map_err(|e| e.to_string()),
            Book::Ods(b) => b.worksheet_range(name).map_err(|e| e.to_string()),
        }
    }

    /// Cell styles (number formats), for .xlsx only.
    fn styles(&mut self, name: &str) -> Option<StyleRange> {
        match self {
            Book::Xlsx(b) => b.worksheet_style(name).ok(),
            Book::Ods(_) => None,
        }
    }
}

/// One spreadsheet row.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// 1-based row number, as the spreadsheet shows it.
    pub(super) line: u32,
    /// Cells by absolute column (0 = column A).
    pub(super) cells: Vec<Cell>,
}

impl Row {
    pub(super) fn cell(&self, col: Option<usize>) -> Option<&Cell> {
        col.and_then(|c| self.cells.get(c))
            .filter(|c| !c.is_blank())
    }

    pub(super) fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    /// Non-blank cells with their column.
    pub(super) fn filled(&self) -> impl Iterator<Item = (usize, &Cell)> {
        self.cells.iter().enumerate().filter(|(_, c)| !c.is_blank())
    }
}

/// The chosen sheet: its rows and where the header row is.
pub(super) struct Table {
    pub(super) rows: Vec<Row>,
    pub(super) header: usize,
    pub(super) columns: Columns,
}

pub(super) enum Outcome {
    Table(Table, Vec<Diagnostic>),
    Empty,
    NoHeader,
    Damaged(String),
}

/// Open the workbook and find the first sheet with a header row.
pub(super) fn find_table(bytes: &[u8], format: Format) -> Outcome {
    let mut book = match Book::open(bytes, format) {
        Ok(b) => b,
        Err(m) => return Outcome::Damaged(m),
    };
    let mut found: Option<(Table, String)> = None;
    let mut not_read: Vec<(String, bool)> = Vec::new();
    let mut any_data = false;
    let mut damage: Option<String> = None;
    for name in book.sheet_names() {
        let range = match book.range(&name) {
            Ok(r) => r,
            Err(m) => {
                damage.get_or_insert(format!("sheet \"{name}\": {m}"));
                continue;
            }
        };
        let has_data = range.used_cells().any(|(_, _, d)| !is_blank_data(d));
        if !has_data {
            continue;
        }
        any_data = true;
        if found.is_some() {
            not_read.push((name, false));
            continue;
        }
        let needs_styles = range
            .used_cells()
            .any(|(_, _, d)| matches!(d, Data::Float(f) if f.fract() != 0.0));
        let styles = if needs_styles {
            book.styles(&name)
        } else {
            None
        };
        let rows = grid(&range, styles.as_ref());
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
            Diagnostic {
                severity: Severity::Info,
                code: "sheet_not_read".to_string(),
                line: 1,
                message: format!("sheet \"{name}\" was not read: it {why}"),
                label: None,
                number: None,
            }
        })
        .collect();
    Outcome::Table(table, diagnostics)
}

/// The rows of a range as text, with absolute row numbers and columns.
fn grid(range: &Range<Data>, styles: Option<&StyleRange>) -> Vec<Row> {
    let Some((row0, col0)) = range.start() else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(range.height());
    for (i, cells) in range.rows().enumerate() {
        let r = row0.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        let mut row = Row {
            line: r.saturating_add(1),
            cells: vec![Cell::default(); usize::try_from(col0).unwrap_or(0)],
        };
        for (j, d) in cells.iter().enumerate() {
            let c = col0.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
            let code = styles
                .and_then(|s| s.get((r, c)))
                .and_then(|s| s.number_format.as_ref())
                .map(|f| f.format_code.as_str());
            row.cells.push(cell_of(d, code));
        }
        while row.cells.last().is_some_and(Cell::is_blank) {
            row.cells.pop();
        }
        out.push(row);
    }
    out
}
