//! The one table reader: rows of cells (a spreadsheet's sheet, a .docx
//! table) turned into lines that say what the table knows — a person row's
//! number as its [`Line::label`](crate::read::Line::label) and its name,
//! position and rank as [`TableCell`](crate::read::TableCell)s, a duty's
//! number made whole (`N.k`) — never text for a later stage to parse again.
//! The rules are in the [`sheet`](crate::read::sheet) module's documentation;
//! a .docx table whose header row names its columns is read by the same
//! rules ([`table_lines`]).

mod flat;
mod header;
mod lines;

pub(crate) use flat::{rebuild as rebuild_flattened, table_lines as stand_in_table_lines};
pub(crate) use header::{Columns, committee_header_row, header_row, names_columns, names_number};

use std::cell::OnceCell;

use crate::diagnostic::Diagnostic;
use crate::read::Line;
use crate::thai::normalize::is_invisible;
use crate::thai::normalize_line;

/// How many rows from the top of a table are searched for the header row.
pub const HEADER_SCAN_ROWS: usize = 20;

/// One cell as text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cell {
    /// The text as displayed (several lines for Alt+Enter).
    pub(crate) text: String,
    /// The stored value, for number cells.
    pub(crate) number: Option<f64>,
    /// The text in normal form, its lines joined by a space ([`one_line`]):
    /// made the first time a rule asks, then kept, so that a cell is
    /// normalised once however many rules read it.
    norm: OnceCell<String>,
}

impl Cell {
    pub(crate) fn new(text: String, number: Option<f64>) -> Self {
        Cell {
            text,
            number,
            norm: OnceCell::new(),
        }
    }

    /// The text in normal form, its lines joined by a space, normalised
    /// the first time it is asked for.
    pub(crate) fn norm(&self) -> &str {
        self.norm.get_or_init(|| one_line(&self.text))
    }

    pub(crate) fn is_blank(&self) -> bool {
        is_blank(&self.text)
    }
}

pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// The lines of a cell, without blank ones.
pub(crate) fn cell_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .flat_map(|l| l.split('\r'))
        .filter(|l| !is_blank(l))
}

/// A cell's lines joined by a space, normalised.
pub(crate) fn one_line(text: &str) -> String {
    normalize_line(&cell_lines(text).collect::<Vec<_>>().join(" "))
}

/// One table row (a spreadsheet's, a .docx table's).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// 1-based row number, as the spreadsheet shows it (a .docx table row:
    /// its paragraph number).
    pub(crate) line: u32,
    /// Cells by absolute column (0 = column A).
    pub(crate) cells: Vec<Cell>,
}

impl Row {
    pub(crate) fn cell(&self, col: Option<usize>) -> Option<&Cell> {
        col.and_then(|c| self.cells.get(c))
            .filter(|c| !c.is_blank())
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    /// Non-blank cells with their column.
    pub(crate) fn filled(&self) -> impl Iterator<Item = (usize, &Cell)> {
        self.cells.iter().enumerate().filter(|(_, c)| !c.is_blank())
    }
}

/// A table: its rows, which of them is the header row, and what its
/// columns hold.
pub(crate) struct Table {
    pub(crate) rows: Vec<Row>,
    pub(crate) header: usize,
    pub(crate) columns: Columns,
}

/// The lines of `table` (after `diagnostics`, what its reader noticed) and
/// what reading them noticed.
pub(crate) fn lines(table: &Table, diagnostics: Vec<Diagnostic>) -> (Vec<Line>, Vec<Diagnostic>) {
    let mut e = lines::Emitter {
        diagnostics,
        ..lines::Emitter::default()
    };
    e.table(table);
    (e.lines, e.diagnostics)
}

/// Lines for a table given as rows of cell texts (a .docx table; a cell's
/// paragraphs separated by newlines), each row with its line number: when one
/// of the first rows names the columns (ลำดับ, ชื่อ-สกุล, ตำแหน่ง, หน้าที่ …), the
/// rows become the same lines a spreadsheet with that table gives; `None` when
/// no header row is found (the caller keeps the rows as they are).
pub fn table_lines(rows: Vec<(u32, Vec<String>)>) -> Option<(Vec<Line>, Vec<Diagnostic>)> {
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|(line, cells)| Row {
            line,
            cells: cells
                .into_iter()
                .map(|text| Cell::new(text, None))
                .collect(),
        })
        .collect();
    let (header, columns) = header_row(&rows)?;
    let table = Table {
        rows,
        header,
        columns,
    };
    Some(lines(&table, Vec::new()))
}

/// Lines for a committee's member table (a .docx table whose header row
/// names a committee-role column: ลำดับ | ชื่อ-สกุล | ตำแหน่ง |
/// หน้าที่ในคณะกรรมการ): each member row the line the same member is typed
/// as in a text order, `N. name⇥position⇥role` (its other cells after), so
/// the committee reader takes it as a member with a seat; the rows above
/// and the header row stay as they are; a row that repeats the header (a
/// header printed again on each page, pasted from a PDF) is left out, with a
/// diagnostic. `None` when no row names such columns.
pub fn committee_table_lines(rows: &[(u32, Vec<String>)]) -> Option<(Vec<Line>, Vec<Diagnostic>)> {
    let table: Vec<Row> = rows
        .iter()
        .map(|(line, cells)| Row {
            line: *line,
            cells: cells.iter().map(|t| Cell::new(t.clone(), None)).collect(),
        })
        .collect();
    let (header, cols) = committee_header_row(&table)?;
    let key = |r: &Row| {
        r.cells
            .iter()
            .map(|c| c.norm().to_string())
            .collect::<Vec<_>>()
    };
    let header_key = table.get(header).map(key).unwrap_or_default();
    let mut lines = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, row) in table.iter().enumerate() {
        let cell = |c: Option<usize>| row.cell(c).map(Cell::norm).unwrap_or("");
        let text = if i <= header {
            row.cells
                .iter()
                .map(Cell::norm)
                .collect::<Vec<_>>()
                .join("\t")
        } else if key(row) == header_key {
            diagnostics.push(Diagnostic::new(
                crate::diagnostic::Code::PageArtefact,
                row.line,
                "the table's header row repeated (as on each printed page): left out".to_string(),
            ));
            continue;
        } else if row.cell(cols.name).is_none() && row.cell(cols.role).is_none() {
            // a row with no member in it (a heading merged across the table:
            // the panel or group of the members below) is kept as it is
            row.filled()
                .map(|(_, c)| c.norm())
                .collect::<Vec<_>>()
                .join("\t")
        } else {
            // a column the header names otherwise (`หน่วยงาน`, `สังกัด`) left
            // of the role stays before it, as the same row typed with tabs
            // has it (`1⇥name⇥unit⇥role`: the member's seat is the unit);
            // one right of it (`หมายเหตุ`) after it
            let mut parts: Vec<&str> = Vec::new();
            for c in [cols.name, cols.position, cols.rank] {
                parts.push(cell(c));
            }
            let mut after_role: Vec<&str> = Vec::new();
            for (c, other) in row.filled() {
                if !cols.known(c) && Some(c) != cols.role {
                    if cols.role.is_some_and(|r| c > r) {
                        after_role.push(other.norm());
                    } else {
                        parts.push(other.norm());
                    }
                }
            }
            parts.push(cell(cols.role));
            parts.extend(after_role);
            // a number cell that is no number is kept as written, last
            let number = cell(cols.number);
            if !number.is_empty()
                && crate::thai::digits::parse_number(number.trim_end_matches('.')).is_none()
            {
                parts.push(number);
            }
            let cells = parts
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("\t");
            match crate::thai::digits::parse_number(cell(cols.number).trim_end_matches('.')) {
                Some(n) if !cells.is_empty() => format!("{n}. {cells}"),
                _ => cells,
            }
        };
        if is_blank(&text) {
            continue;
        }
        lines.push(Line {
            text,
            line: row.line,
            para_start: crate::read::ParaStart::Paragraph,
            ..Line::default()
        });
    }
    Some((lines, diagnostics))
}

#[cfg(test)]
mod tests {
    use super::cell_lines;
    use crate::label::Family;
    use crate::read::{CellRole, Line, type_labels};

    fn row(line: u32, cells: &[&str]) -> (u32, Vec<String>) {
        (line, cells.iter().map(|c| c.to_string()).collect())
    }

    /// The table's numbers are labels built from values, the text is the
    /// cell's; typed, the lines read as the same order written as text.
    #[test]
    fn table_numbers_are_labels_not_text() {
        let rows = vec![
            row(1, &["ที่", "ชื่อ-สกุล", "ตำแหน่ง", "หน้าที่"]),
            row(
                2,
                &["3", "นายก ข", "ครู", "งานสารบรรณ\nขั้นตอนการปฏิบัติงาน\nรับหนังสือ"],
            ),
            row(3, &["", "", "", "1) งานการเงิน\n2) งานพัสดุ"]),
        ];
        let Some((lines, _)) = super::table_lines(rows) else {
            panic!("a table with a header row");
        };
        let labelled: Vec<(&str, Vec<u32>, &str)> = lines
            .iter()
            .filter_map(|l| {
                l.label
                    .as_ref()
                    .map(|b| (b.written.as_str(), b.values.clone(), l.text.as_str()))
            })
            .collect();
        assert_eq!(
            labelled,
            [
                ("3.", vec![3], "นายก ข ครู"),
                ("3.1", vec![3, 1], "งานสารบรรณ"),
                ("3.1.1", vec![3, 1, 1], "รับหนังสือ"),
                ("3.2", vec![3, 2], "งานการเงิน"),
                ("3.3", vec![3, 3], "งานพัสดุ"),
            ]
        );
        assert!(
            lines
                .iter()
                .filter_map(|l| l.label.as_ref())
                .all(|l| l.family == Family::Dotted)
        );
        // the person row's cells by their roles, no word put in for them
        let person = lines.iter().find(|l| !l.cells.is_empty());
        let cells: Vec<(CellRole, &str)> = person
            .map(|l| l.cells.iter().map(|c| (c.role, c.text(&l.text))).collect())
            .unwrap_or_default();
        assert_eq!(
            cells,
            [(CellRole::Name, "นายก ข"), (CellRole::Position, "ครู")]
        );
        assert!(
            lines
                .iter()
                .filter(|l| l.label.is_some())
                .all(|l| l.normalized)
        );
        let mut typed: Vec<Line> = lines;
        type_labels(&mut typed);
        let texts: Vec<&str> = typed
            .iter()
            .filter(|l| !l.text.is_empty())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "3. นายก ข ครู",
                "3.1 งานสารบรรณ",
                "ขั้นตอนการปฏิบัติงาน",
                "3.1.1 รับหนังสือ",
                "3.2 งานการเงิน",
                "3.3 งานพัสดุ",
            ]
        );
        assert!(typed.iter().all(|l| l.label.is_none()));
    }

    /// A duty cell's lines written with their own labels are handed over in
    /// the normal form they were read in (normalised once), but for a line
    /// with a wide gap, whose form the normalise stage makes.
    #[test]
    fn written_duty_lines_are_normalised_once() {
        let rows = vec![
            row(1, &["ที่", "ชื่อ-สกุล", "หน้าที่"]),
            row(
                2,
                &[
                    "1",
                    "นายก ข",
                    "1.1.1\u{00A0}รับ\u{200B}หนังสือ  \n1.1.2 ส่ง   หนังสือ",
                ],
            ),
        ];
        let Some((lines, _)) = super::table_lines(rows) else {
            panic!("a table with a header row");
        };
        let written: Vec<(&str, bool, usize)> = lines
            .iter()
            .filter(|l| l.label.is_none() && !l.text.is_empty())
            .map(|l| (l.text.as_str(), l.normalized, l.trailing))
            .collect();
        assert_eq!(
            written,
            [("1.1.1 รับหนังสือ", true, 2), ("1.1.2 ส่ง   หนังสือ", false, 0)]
        );
    }

    #[test]
    fn cell_lines_split_on_every_line_end() {
        let v: Vec<_> = cell_lines("a\r\nb\rc\n\n  \nd").collect();
        assert_eq!(v, ["a", "b", "c", "d"]);
    }
}
