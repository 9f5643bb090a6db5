//! Spreadsheet reader (.xlsx, .ods via calamine): a duty table, one row per
//! person or duty, turned into the lines a .txt order of the same content
//! would have, so that the rest of the pipeline (normalise → outline → order)
//! parses it exactly like a typed order. The rows become lines in the
//! shared [`table`](super::table) module, which reads a .docx table by the
//! same rules; this module finds the sheet and its cells.
//!
//! # Which table
//! The first worksheet (visible sheets in workbook order, then hidden ones)
//! one of whose first [`HEADER_SCAN_ROWS`](super::table::HEADER_SCAN_ROWS)
//! rows is a header row naming the columns, in Thai or English, compared
//! after trimming and ignoring spaces, dashes and dots (`ชื่อ-สกุล` = `ชื่อ – สกุล` = `ชื่อสกุล`):
//!
//! | role | header texts |
//! |---|---|
//! | number | ลำดับ, ลำดับที่, ที่, เลขที่, No., Number, # |
//! | name | ชื่อ-สกุล, ชื่อ-นามสกุล, ชื่อ, Name, Full name |
//! | position | ตำแหน่ง…, Position |
//! | rank | วิทยฐานะ, Rank, Academic standing (appended to the position) |
//! | duties | หน้าที่, งานที่รับผิดชอบ, หน้าที่ความรับผิดชอบ, ภาระงาน …, Duty, Duties, Responsibilities, Tasks |
//! | note | หมายเหตุ, Remark, Note, Comment |
//!
//! A name column and a duty column are the minimum. No such sheet: an
//! [`ErrorKind::Unsupported`] error that lists the columns expected; only
//! empty sheets: [`ErrorKind::Empty`]; a damaged workbook: [`ErrorKind::Corrupt`]
//! with calamine's message. Other non-empty sheets are not read, and each gets
//! an info diagnostic (`sheet_not_read`) so that nothing is dropped silently.
//!
//! # Lines
//! - Rows above the header row (`คำสั่งโรงเรียน…`, `ที่ 12/2566`, `เรื่อง …`) become
//!   header lines in order, one per non-empty row, cells joined by a space (a
//!   single cell holding several lines gives one line each). The header row
//!   itself is table structure and gives no line.
//! - A row with a name is a person: a line labelled `N.` whose text is its
//!   name, position and rank cells joined by a space, each cell marked with
//!   its role ([`crate::read::TableCell`]), so that the position is read from
//!   its cell, never from a word put in the text; `N` is the row's number
//!   cell when it holds a whole number, else a running count; then the row's
//!   duty cell.
//! - A row with an empty name adds its duty cell to the person above.
//! - A row with neither name nor duty (a work-group heading merged across the
//!   table, `กลุ่มงานธุรการ`) is one plain line, after a blank line. From the
//!   first such row that starts with `ทั้งนี้` or `สั่ง ณ` on, the table is over:
//!   every row (effective clause, date, signature) is a plain line after a
//!   blank line.
//!
//! **Line numbers are spreadsheet row numbers** (1-based, as Excel and
//! LibreOffice show them), so every diagnostic points at the row to fix. The
//! lines of one row (a person line and its duty lines, the lines of a
//! multi-line cell) share that row's number; lines stay in row order.
//!
//! # Duty cells
//! A duty cell may hold several lines (Alt+Enter). The person's number lives in
//! another column, so duty numbers are made whole here, `N.k` with `k` running
//! per person:
//! - a first line without a label is the duty: it is numbered `N.k` (or takes
//!   the row's number cell when that holds a dotted label such as `1.10`, as in
//!   sheets that number every duty row). When no line of the cell has a label,
//!   every line is a duty of its own, except a steps heading
//!   (`ขั้นตอนการปฏิบัติงาน`), after which the lines are the steps `N.k.1`, `N.k.2` ….
//!   When some lines have labels (`2.1.1 …`, `1) …`), they are kept as written
//!   and nest under the duty by the usual rules; unlabelled lines among them
//!   continue the line before, as in a .txt order.
//! - a first line with a one-level label (`1.`, `1)`, `(1)`, `ก.`, `-`, `•`,
//!   `ข้อ 1`) starts a list of duties: every line of that label form is
//!   renumbered `N.k` (a dotted sub-label `1.2` under `1.` becomes `N.k.2`);
//!   the written one-level label carries nothing beyond its position.
//! - a first line with a dotted label of two or more parts (`2.1 …`) is kept as
//!   written, like every line after it; a two-part label moves `k` on.
//!
//! # Notes (หมายเหตุ) and other columns
//! A Thai office user puts in หมายเหตุ what is *about* the row (`ลาศึกษาต่อ`,
//! `หัวหน้ากลุ่มงาน`, `ย้ายมาจาก…`), not another duty. So the note is kept
//! losslessly as its own line `หมายเหตุ: <text>` (the column's header as written,
//! a colon, the note's lines joined by a space) after the lines of its row,
//! separated by a blank line: it stays in the outline as a paragraph under the
//! item it follows, searchable, but it never becomes a duty, never merges into
//! a duty's title and never alters a name or position. Columns the reader does
//! not know (`เบอร์โทร`, `ผู้ปฏิบัติงานแทน` …) are kept the same way, under
//! their own header. A whole-number ลำดับ on a duty row (a running row count) is
//! the only cell value not written out.
//!
//! # Cell text and the float trap
//! Cells are read with calamine's [`Data`]: `String` as is; `Int` in digits;
//! `Float` as Excel displays it where that can be known, and in any case whole
//! numbers without `.0` and at most 15 significant digits; dates as a Thai date
//! (`1 ตุลาคม 2566`, the form the header parser reads); booleans and errors as
//! Excel shows them (`TRUE`, `#N/A`).
//!
//! A duty number typed as a number is stored as a float: `1.10` is the float
//! 1.1, the same as `1.1`. For .xlsx the cell's number format is read with
//! [`Xlsx::worksheet_style`]: a fixed-decimals format (`0.00`) gives back the
//! displayed `1.10`. ODS keeps the displayed text (`<text:p>1.10</text:p>`) but
//! calamine 0.38 returns only `office:value` and no styles, and an .xlsx number
//! cell in the General format has no trace of the zero at all: that is the
//! limitation. So a number-cell label on a duty row is also checked against the
//! duty number expected next: `1.1` right after `1.9` reads as `1.10` (the
//! expected label, read as a number, equals the stored value), with a
//! `label_from_number` warning; a number-cell label that cannot be checked gets
//! a `label_is_number` info diagnostic advising to type labels as text.
//!
//! # Safety
//! calamine inflates parts without limits, so every XML part is first inflated
//! into a counter under the container [`Limits`]; a part past them is an
//! [`ErrorKind::Limit`] error (a likely zip bomb). calamine would also expand
//! sheets without limit (a dense range to the farthest cell, repeated rows and
//! columns, one shared string copied into every cell using it): .xlsx cells
//! are read sparsely through calamine's cell reader, an .ods's `content.xml`
//! is measured first ([`ods_guard`]), cell text is counted as it is copied
//! (a cell past `--max-line-length`, all cells past `--max-part-size`), and
//! the grid a sheet becomes is capped ([`Limits::max_sheet_cells`]). calamine is called under
//! `catch_unwind`: should it panic on a hostile file, that is a `Corrupt` error.
//!
//! [`Data`]: calamine::Data
//! [`Xlsx::worksheet_style`]: calamine::Xlsx::worksheet_style

mod cells;
mod ods_guard;
mod workbook;

use super::container::Limits;
use super::table::is_blank;
use super::{Format, Source, sha256_hex};
use crate::error::{Error, ErrorKind, Result};
use workbook::{Budget, Outcome, find_table};

/// The error message when no sheet has a recognisable header row.
pub const NO_HEADER: &str = "no sheet has a header row naming the columns ลำดับ, ชื่อ-สกุล, ตำแหน่ง, หน้าที่ (or No., Name, Position, Duty)";

/// Read a spreadsheet into lines: the duty table of its first sheet with a
/// header row, as the lines of the same order typed as text. Each line's
/// `line` is the 1-based spreadsheet row it comes from (see the module
/// documentation for the rules).
pub fn read(path: &str, bytes: &[u8], format: Format, limits: Limits) -> Result<Source> {
    guard_parts(path, bytes, format, limits)?;
    let mut budget = Budget::new(path, limits);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        find_table(bytes, format, &mut budget)
    }))
    .unwrap_or_else(|_| Outcome::Damaged("the spreadsheet reader failed on this file".to_string()));
    let (table, diagnostics) = match outcome {
        Outcome::Table(t, d) => (t, d),
        Outcome::Refused(e) => return Err(e),
        Outcome::Empty => return Err(Error::new(path, ErrorKind::Empty)),
        Outcome::NoHeader => {
            return Err(Error::new(
                path,
                ErrorKind::Unsupported(NO_HEADER.to_string()),
            ));
        }
        Outcome::Damaged(m) => {
            return Err(Error::new(
                path,
                ErrorKind::Corrupt(format!("damaged .{} workbook ({m})", format.as_str())),
            ));
        }
    };
    let (lines, diagnostics) = super::table::lines(&table, diagnostics);
    if lines.iter().all(|l| is_blank(&l.text)) {
        // a header row and nothing else
        return Err(Error::new(path, ErrorKind::Empty));
    }
    Ok(Source {
        path: path.to_string(),
        format,
        encoding: None,
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines,
        diagnostics,
        extraction: Default::default(),
    })
}

// ---------------------------------------------------------------------------
// Safety: inflation limits

/// Inflate every XML part into a counter, refusing one past `limits`; for an
/// .ods, also measure what calamine's dense tables would take (see
/// [`ods_guard`]) before calamine allocates them.
fn guard_parts(path: &str, bytes: &[u8], format: Format, limits: Limits) -> Result<()> {
    let mut container = super::container::Container::open(path, bytes, limits)?;
    container.check_parts(|name| name.ends_with(".xml") || name.ends_with(".rels"))?;
    if format == Format::Ods
        && let Some(content) = container.part("content.xml")?
    {
        ods_guard::check(path, &content, limits)?;
    }
    Ok(())
}
