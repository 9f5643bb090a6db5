//! Spreadsheet reader (.xlsx, .ods via calamine): a duty table, one row per
//! person or duty, turned into the lines a .txt order of the same content
//! would have, so that the rest of the pipeline (normalise → outline → order)
//! parses it exactly like a typed order.
//!
//! # Which table
//! The first worksheet (visible sheets in workbook order, then hidden ones)
//! one of whose first [`HEADER_SCAN_ROWS`] rows is a header row naming the
//! columns, in Thai or English, compared after trimming and ignoring spaces,
//! dashes and dots (`ชื่อ-สกุล` = `ชื่อ – สกุล` = `ชื่อสกุล`):
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
//! - A row with a name is a person: `N. <name> ตำแหน่ง <position>` (no
//!   `ตำแหน่ง …` without a position), where `N` is the row's number cell when
//!   it holds a whole number, else a running count; then the row's duty cell.
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
//! [`ErrorKind::Limit`] error (a likely zip bomb). calamine is called under
//! `catch_unwind`: should it panic on a hostile file, that is a `Corrupt` error.

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, SheetType, SheetVisible, StyleRange, Xlsx};

use super::container::Limits;
use super::{Format, Line, Source, sha256_hex};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::outline::ParaKind;
use crate::outline::label::{Family, Label, parse_label};
use crate::outline::line::body_line_kind;
use crate::thai::digits::parse_number;
use crate::thai::lexicon::{TITLES, starts_with_any};
use crate::thai::normalize::is_invisible;
use crate::thai::normalize_line;

/// The error message when no sheet has a recognisable header row.
pub const NO_HEADER: &str = "no sheet has a header row naming the columns ลำดับ, ชื่อ-สกุล, ตำแหน่ง, หน้าที่ (or No., Name, Position, Duty)";

/// How many rows from the top of a sheet are searched for the header row.
pub const HEADER_SCAN_ROWS: usize = 20;

/// Longest header cell, in characters (longer cells are titles, not headers).
const MAX_HEADER_CHARS: usize = 40;

/// Indentation given to duty and note lines: inside the table, never a
/// heading at the margin.
const CELL_INDENT: usize = 4;

/// Read a spreadsheet into lines: the duty table of its first sheet with a
/// header row, as the lines of the same order typed as text. Each line's
/// `line` is the 1-based spreadsheet row it comes from (see the module
/// documentation for the rules).
pub fn read(path: &str, bytes: &[u8], format: Format, limits: Limits) -> Result<Source> {
    guard_parts(path, bytes, limits)?;
    let outcome = std::panic::catch_unwind(|| find_table(bytes, format)).unwrap_or_else(|_| {
        Outcome::Damaged("the spreadsheet reader failed on this file".to_string())
    });
    let (table, diagnostics) = match outcome {
        Outcome::Table(t, d) => (t, d),
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
    let mut e = Emitter {
        diagnostics,
        ..Emitter::default()
    };
    e.table(&table);
    if e.lines.iter().all(|l| is_blank(&l.text)) {
        // a header row and nothing else
        return Err(Error::new(path, ErrorKind::Empty));
    }
    Ok(Source {
        path: path.to_string(),
        format,
        encoding: None,
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines: e.lines,
        diagnostics: e.diagnostics,
    })
}

// ---------------------------------------------------------------------------
// Safety: inflation limits

/// Inflate every XML part into a counter, refusing one past `limits`.
fn guard_parts(path: &str, bytes: &[u8], limits: Limits) -> Result<()> {
    super::container::Container::open(path, bytes, limits)?
        .check_parts(|name| name.ends_with(".xml") || name.ends_with(".rels"))
}

// ---------------------------------------------------------------------------
// The workbook, through calamine

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

/// One cell as text.
#[derive(Debug, Clone, Default)]
struct Cell {
    /// The text as displayed (several lines for Alt+Enter).
    text: String,
    /// The stored value, for number cells.
    number: Option<f64>,
}

impl Cell {
    fn is_blank(&self) -> bool {
        is_blank(&self.text)
    }
}

/// One spreadsheet row.
#[derive(Debug, Clone)]
struct Row {
    /// 1-based row number, as the spreadsheet shows it.
    line: u32,
    /// Cells by absolute column (0 = column A).
    cells: Vec<Cell>,
}

impl Row {
    fn cell(&self, col: Option<usize>) -> Option<&Cell> {
        col.and_then(|c| self.cells.get(c))
            .filter(|c| !c.is_blank())
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    /// Non-blank cells with their column.
    fn filled(&self) -> impl Iterator<Item = (usize, &Cell)> {
        self.cells.iter().enumerate().filter(|(_, c)| !c.is_blank())
    }
}

/// The chosen sheet: its rows and where the header row is.
struct Table {
    rows: Vec<Row>,
    header: usize,
    columns: Columns,
}

enum Outcome {
    Table(Table, Vec<Diagnostic>),
    Empty,
    NoHeader,
    Damaged(String),
}

/// Open the workbook and find the first sheet with a header row.
fn find_table(bytes: &[u8], format: Format) -> Outcome {
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

fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

fn is_blank_data(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => is_blank(s),
        _ => false,
    }
}

/// A cell's text as displayed, as far as calamine tells it.
fn cell_of(d: &Data, number_format: Option<&str>) -> Cell {
    let (text, number) = match d {
        Data::Empty => (String::new(), None),
        Data::String(s) => (s.clone(), None),
        Data::Int(i) => (i.to_string(), Some(*i as f64)),
        Data::Float(f) => (format_float(*f, number_format), Some(*f)),
        Data::Bool(b) => ((if *b { "TRUE" } else { "FALSE" }).to_string(), None),
        Data::DateTime(dt) => {
            let (y, mo, day, h, mi, s, _) = dt.to_ymd_hms_milli();
            let text = if dt.is_duration() {
                let total = dt.as_f64() * 24.0;
                format!("{}:{:02}:{:02}", total.floor(), mi, s)
            } else if dt.as_f64() < 1.0 {
                format!("{h:02}:{mi:02}")
            } else {
                thai_date(i32::from(y), mo, day, h, mi)
            };
            (text, None)
        }
        Data::DateTimeIso(s) => (iso_to_thai(s).unwrap_or_else(|| s.clone()), None),
        Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (e.to_string(), None),
    };
    Cell { text, number }
}

/// `1 ตุลาคม 2566` (Buddhist year), with the time when it is not midnight.
fn thai_date(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> String {
    let name = crate::thai::date::MONTHS
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("");
    let mut s = format!("{day} {name} {}", year + 543);
    if hour != 0 || minute != 0 {
        s.push_str(&format!(" {hour:02}:{minute:02}"));
    }
    s
}

/// An ODS ISO date (`2023-10-01` or `2023-10-01T08:30:00`) as a Thai date.
fn iso_to_thai(s: &str) -> Option<String> {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let mut parts = date.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut t = time.split(':');
    let h: u8 = t.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    let mi: u8 = t.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    Some(thai_date(y, m, d, h, mi))
}

/// A float as Excel displays it: by a fixed-decimals number format when the
/// cell has one, else like Excel's General format (no `.0` on whole numbers,
/// at most 15 significant digits).
fn format_float(f: f64, number_format: Option<&str>) -> String {
    number_format
        .and_then(|code| fixed_format(f, code))
        .unwrap_or_else(|| general(f))
}

fn general(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f == 0.0 {
        return "0".to_string();
    }
    if f.fract() == 0.0 {
        return format!("{f:.0}");
    }
    let magnitude = f.abs().log10().floor() as i32;
    let decimals = usize::try_from((14 - magnitude).clamp(0, 30)).unwrap_or(0);
    trim_fraction(format!("{f:.decimals$}"), 0)
}

/// Drop trailing zeros of a decimal fraction down to `keep` decimals (and the
/// dot when none remain).
fn trim_fraction(mut s: String, keep: usize) -> String {
    let Some(dot) = s.find('.') else { return s };
    while s.len() > dot + 1 + keep && s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// Apply a number format of the fixed-decimals kind (`0`, `0.00`, `#,##0.0`,
/// `0.0%`); `None` for any other (General, text, dates, scientific, literals).
fn fixed_format(f: f64, code: &str) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    let section = code.split(';').next()?;
    let mut kept = String::new();
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '[' => {
                // colour or locale: [Red], [$-41E]
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '0' | '#' | '?' | ',' | '.' | '%' => kept.push(c),
            ' ' => {}
            _ => return None,
        }
    }
    if !kept.contains(['0', '#', '?']) {
        return None;
    }
    let (int_part, frac_part) = kept.split_once('.').unwrap_or((kept.as_str(), ""));
    let max = frac_part
        .chars()
        .filter(|c| matches!(c, '0' | '#' | '?'))
        .count();
    let min = frac_part.chars().filter(|&c| c == '0').count();
    let percent = kept.contains('%');
    let group = int_part.trim_end_matches(',').contains(',');
    let value = if percent { f * 100.0 } else { f };
    let mut s = trim_fraction(format!("{value:.max$}"), min);
    if group {
        s = group_thousands(&s);
    }
    if percent {
        s.push('%');
    }
    Some(s)
}

/// `1234567.5` → `1,234,567.5`.
fn group_thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let mut out = String::from(sign);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

// ---------------------------------------------------------------------------
// The header row

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Number,
    Name,
    Position,
    Rank,
    Duty,
    Note,
}

/// Where each column is; `headers` keeps the header texts by column.
#[derive(Debug, Clone, Default)]
struct Columns {
    number: Option<usize>,
    name: Option<usize>,
    position: Option<usize>,
    rank: Option<usize>,
    duty: Option<usize>,
    note: Option<usize>,
    headers: Vec<String>,
}

impl Columns {
    fn slot(&mut self, role: Role) -> &mut Option<usize> {
        match role {
            Role::Number => &mut self.number,
            Role::Name => &mut self.name,
            Role::Position => &mut self.position,
            Role::Rank => &mut self.rank,
            Role::Duty => &mut self.duty,
            Role::Note => &mut self.note,
        }
    }

    /// Whether column `c` has a role the reader uses.
    fn known(&self, c: usize) -> bool {
        [self.number, self.name, self.position, self.rank, self.duty].contains(&Some(c))
    }

    /// The header text of column `c` ("" when none).
    fn header(&self, c: usize) -> &str {
        self.headers.get(c).map_or("", String::as_str)
    }
}

/// A header cell's text for matching: normalised, lower case, without spaces,
/// dashes, dots, colons, slashes and brackets.
fn header_key(s: &str) -> String {
    normalize_line(s)
        .chars()
        .filter(|&c| {
            !(c.is_whitespace()
                || matches!(
                    c,
                    '-' | '–'
                        | '—'
                        | '‐'
                        | '‑'
                        | '‒'
                        | '−'
                        | '_'
                        | '.'
                        | ':'
                        | '/'
                        | '('
                        | ')'
                        | '*'
                ))
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The role a header cell names, if any.
fn role_of(header: &str) -> Option<Role> {
    if header.trim().chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    let k = header_key(header);
    let k = k.as_str();
    if k.is_empty() {
        return None;
    }
    let number = [
        "ลำดับ",
        "ลำดับที่",
        "ที่",
        "เลขที่",
        "ข้อ",
        "no",
        "number",
        "nr",
        "#",
        "item",
        "seq",
    ];
    if number.contains(&k) {
        return Some(Role::Number);
    }
    if k == "ชื่อ"
        || (k.starts_with("ชื่อ") && k.contains("สกุล"))
        || ["name", "fullname", "firstnamelastname", "firstandlastname"].contains(&k)
        || (k.starts_with("name") && (k.contains("surname") || k.contains("lastname")))
    {
        return Some(Role::Name);
    }
    if k.starts_with("ตำแหน่ง") || k.starts_with("position") || k == "jobtitle" {
        return Some(Role::Position);
    }
    if ["วิทยฐานะ", "rank", "academicstanding", "academicrank"].contains(&k) {
        return Some(Role::Rank);
    }
    if [
        "หมายเหตุ",
        "remark",
        "remarks",
        "note",
        "notes",
        "comment",
        "comments",
    ]
    .contains(&k)
    {
        return Some(Role::Note);
    }
    let thai_duty = !k.contains("แทน")
        && !k.starts_with("ผู้")
        && (k.contains("หน้าที่")
            || k.contains("รับผิดชอบ")
            || ["ภาระงาน", "งาน", "งานที่ได้รับมอบหมาย"].contains(&k));
    let english_duty = ["dut", "responsib", "task", "assignment"]
        .iter()
        .any(|p| k.starts_with(p));
    (thai_duty || english_duty).then_some(Role::Duty)
}

/// The header row among the first rows: its index and the columns it names.
fn header_row(rows: &[Row]) -> Option<(usize, Columns)> {
    for (i, row) in rows.iter().enumerate().take(HEADER_SCAN_ROWS) {
        let mut cols = Columns::default();
        for (c, cell) in row.filled() {
            if cell.number.is_some() {
                continue;
            }
            if let Some(role) = role_of(&cell.text) {
                let slot = cols.slot(role);
                if slot.is_none() {
                    *slot = Some(c);
                }
            }
        }
        if cols.name.is_some() && cols.duty.is_some() {
            cols.headers = row.cells.iter().map(|c| one_line(&c.text)).collect();
            return Some((i, cols));
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Lines

/// The lines of a cell, without blank ones.
fn cell_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .flat_map(|l| l.split('\r'))
        .filter(|l| !is_blank(l))
}

/// A cell's lines joined by a space, normalised.
fn one_line(text: &str) -> String {
    normalize_line(&cell_lines(text).collect::<Vec<_>>().join(" "))
}

fn leading_width(s: &str) -> usize {
    let mut w = 0;
    for c in s.chars() {
        match c {
            '\t' => w += 4,
            c if c.is_whitespace() => w += 1,
            _ => break,
        }
    }
    w
}

fn trailing_width(s: &str) -> usize {
    s.chars().rev().take_while(|c| c.is_whitespace()).count()
}

/// A one-level label form: a list of duties when a duty cell starts with it.
fn is_list_label(l: &Label) -> bool {
    !(l.family == Family::Dotted && l.values.len() >= 2)
}

/// A line of a duty cell, with its label when it has one.
struct CellLine<'a> {
    raw: &'a str,
    label: Option<(Label, String)>,
    norm: String,
}

impl<'a> CellLine<'a> {
    fn new(raw: &'a str) -> Self {
        let norm = normalize_line(raw);
        let label = parse_label(&norm).map(|(l, rest)| (l, rest.to_string()));
        CellLine { raw, label, norm }
    }
}

#[derive(Default)]
struct Emitter {
    lines: Vec<Line>,
    diagnostics: Vec<Diagnostic>,
    /// Number of the current person.
    person: Option<u32>,
    /// Number of the person before (for the running count).
    last_person: u32,
    /// Duties of the current person so far (the `k` of `N.k`).
    k: u32,
    /// The table is over (effective clause, date, signature follow).
    footer: bool,
}

impl Emitter {
    fn push(&mut self, text: String, indent: usize, trailing: usize, line: u32) {
        self.lines.push(Line {
            text,
            indent,
            trailing,
            line,
            gaps: Vec::new(),
        });
    }

    /// A raw line of a cell, indented by `base` plus its own leading spaces.
    fn push_raw(&mut self, raw: &str, base: usize, line: u32) {
        self.push(
            raw.to_string(),
            base + leading_width(raw),
            trailing_width(raw),
            line,
        );
    }

    fn blank(&mut self, line: u32) {
        if self.lines.last().is_some_and(|l| !l.text.is_empty()) {
            self.push(String::new(), 0, 0, line);
        }
    }

    fn table(&mut self, t: &Table) {
        for row in t.rows.iter().take(t.header) {
            self.plain_row(row, 0);
        }
        for row in t.rows.iter().skip(t.header + 1) {
            if row.is_blank() {
                continue;
            }
            if self.footer {
                // each its own paragraph: a row is never a wrapped line
                self.blank(row.line);
                self.plain_row(row, 0);
            } else {
                self.data_row(row, &t.columns);
            }
        }
    }

    /// A row as plain lines: one line of its cells joined by a space, or the
    /// lines of its only cell.
    fn plain_row(&mut self, row: &Row, indent: usize) {
        let filled: Vec<&Cell> = row.filled().map(|(_, c)| c).collect();
        match filled.as_slice() {
            [] => {}
            [only] => {
                for l in cell_lines(&only.text) {
                    self.push_raw(l, indent, row.line);
                }
            }
            many => {
                let text = many
                    .iter()
                    .map(|c| one_line(&c.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                self.push(text, indent, 0, row.line);
            }
        }
    }

    fn data_row(&mut self, row: &Row, cols: &Columns) {
        let name = row.cell(cols.name);
        let duty = row.cell(cols.duty);
        let number = row.cell(cols.number);
        let position = [cols.position, cols.rank]
            .iter()
            .filter_map(|&c| row.cell(c))
            .map(|c| one_line(&c.text))
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_none() && starts_footer(row) {
            self.footer = true;
            self.blank(row.line);
            self.plain_row(row, 0);
            return;
        }
        // a heading merged across the table, or written in the name column
        let heading_only = name.is_some_and(|n| {
            duty.is_none()
                && number.is_none()
                && position.is_empty()
                && starts_with_any(&normalize_line(&n.text), TITLES).is_none()
        });
        if (name.is_none() && duty.is_none()) || heading_only {
            let only_extras = row.filled().all(|(c, _)| !cols.known(c));
            if only_extras {
                self.extras(row, cols, true);
            } else {
                self.blank(row.line);
                self.plain_row(row, 0);
            }
            return;
        }
        let mut number_is_text = false;
        let mut row_label = None;
        if let Some(n) = name {
            let (written, value) = match person_number(number) {
                Some(p) => p,
                None => {
                    number_is_text = number.is_some();
                    let v = self.last_person.saturating_add(1);
                    (v.to_string(), v)
                }
            };
            self.person = Some(value);
            self.last_person = value;
            self.k = 0;
            let name = one_line(&n.text);
            let text = if position.is_empty() {
                format!("{written}. {name}")
            } else if position.starts_with("ตำแหน่ง") {
                format!("{written}. {name} {position}")
            } else {
                format!("{written}. {name} ตำแหน่ง {position}")
            };
            self.push(text, 0, 0, row.line);
        } else if let Some(cell) = number {
            match self.duty_row_label(cell, row.line, cols) {
                RowNumber::Label(l) => row_label = Some(l),
                RowNumber::Count => {}
                RowNumber::Text => number_is_text = true,
            }
        }
        if name.is_none() {
            // a position without a name: kept, under its header
            for c in [cols.position, cols.rank].into_iter().flatten() {
                if let Some(cell) = row.cell(Some(c)) {
                    self.labelled(cols.header(c), &cell.text, row.line);
                }
            }
        }
        if let Some(d) = duty {
            self.duty_cell(&d.text, row.line, row_label);
        }
        self.extras(row, cols, false);
        if number_is_text && let (Some(c), Some(cell)) = (cols.number, number) {
            self.labelled(cols.header(c), &cell.text, row.line);
        }
    }

    /// The note and unknown columns of a row, each as its own labelled line.
    fn extras(&mut self, row: &Row, cols: &Columns, all: bool) {
        for (c, cell) in row.filled() {
            if all || !cols.known(c) {
                self.labelled(cols.header(c), &cell.text, row.line);
            }
        }
    }

    /// `หมายเหตุ: text` after a blank line (just the text without a header).
    fn labelled(&mut self, header: &str, text: &str, line: u32) {
        let value = one_line(text);
        if value.is_empty() {
            return;
        }
        let text = if header.is_empty() || value.starts_with(header) {
            value
        } else {
            format!("{header}: {value}")
        };
        self.blank(line);
        self.push(text, CELL_INDENT, 0, line);
        self.blank(line);
    }

    /// What the number cell of a duty row (no name) says.
    fn duty_row_label(&mut self, cell: &Cell, line: u32, cols: &Columns) -> RowNumber {
        let shown = normalize_line(&cell.text);
        let shown = shown.trim_end_matches('.');
        if let Some(v) = cell.number
            && v.fract() == 0.0
        {
            return RowNumber::Count;
        }
        if parse_number(shown).is_some() {
            return RowNumber::Count;
        }
        let expected = self
            .person
            .map(|n| format!("{n}.{}", self.k.saturating_add(1)));
        let header = cols.header(cols.number.unwrap_or(0)).to_string();
        let text = match (cell.number, expected) {
            (Some(v), Some(exp)) if exp.parse::<f64>().ok() == Some(v) => {
                if exp != shown {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "label_from_number",
                            line,
                            format!(
                                "{header} {shown} is a number cell, read as {exp}, the next duty number (a number cell drops trailing zeros: 1.10 is stored as 1.1); type duty numbers as text"
                            ),
                        )
                        .with_label(shown, &exp),
                    );
                }
                exp
            }
            (Some(_), _) => {
                self.diagnostics.push(Diagnostic {
                    severity: Severity::Info,
                    code: "label_is_number".to_string(),
                    line,
                    message: format!(
                        "{header} {shown} is a number cell: a trailing zero may be lost (1.10 is stored as 1.1); type duty numbers as text"
                    ),
                    label: Some(shown.to_string()),
                    number: None,
                });
                shown.to_string()
            }
            (None, _) => shown.to_string(),
        };
        match parse_label(&text) {
            Some((l, rest))
                if l.family == Family::Dotted && l.values.len() >= 2 && rest.is_empty() =>
            {
                RowNumber::Label(l)
            }
            _ => RowNumber::Text,
        }
    }

    /// The lines of a duty cell (see the module documentation).
    fn duty_cell(&mut self, text: &str, line: u32, row_label: Option<Label>) {
        let lines: Vec<CellLine<'_>> = cell_lines(text).map(CellLine::new).collect();
        let Some(first) = lines.first() else { return };
        let Some(n) = self.person else {
            // duties before any person: as written
            for (i, l) in lines.iter().enumerate() {
                match (&row_label, i, &l.label) {
                    (Some(rl), 0, None) => self.push(
                        format!("{} {}", rl.written, l.norm),
                        CELL_INDENT,
                        trailing_width(l.raw),
                        line,
                    ),
                    _ => self.push_raw(l.raw, CELL_INDENT, line),
                }
            }
            return;
        };
        match &first.label {
            Some((l, _)) if is_list_label(l) => {
                let family = l.family;
                // written value of each list item → its k
                let mut map: Vec<(u32, u32)> = Vec::new();
                for cl in &lines {
                    match &cl.label {
                        Some((l, rest)) if l.family == family && is_list_label(l) => {
                            self.k = self.k.saturating_add(1);
                            map.push((l.last_value(), self.k));
                            self.push(
                                format!("{n}.{} {rest}", self.k),
                                CELL_INDENT,
                                trailing_width(cl.raw),
                                line,
                            );
                        }
                        Some((l, rest))
                            if family == Family::Dotted && l.family == Family::Dotted =>
                        {
                            let head = l.values.first().copied().unwrap_or(0);
                            match map.iter().rev().find(|(w, _)| *w == head) {
                                Some(&(_, k)) => {
                                    let tail: Vec<String> =
                                        l.values.iter().skip(1).map(u32::to_string).collect();
                                    self.push(
                                        format!("{n}.{k}.{} {rest}", tail.join(".")),
                                        CELL_INDENT,
                                        trailing_width(cl.raw),
                                        line,
                                    );
                                }
                                None => self.push_raw(cl.raw, CELL_INDENT, line),
                            }
                        }
                        _ => self.push_raw(cl.raw, CELL_INDENT, line),
                    }
                }
            }
            Some(_) => {
                for cl in &lines {
                    self.note_two_part(cl);
                    self.push_raw(cl.raw, CELL_INDENT, line);
                }
            }
            None => {
                let any_label = lines.iter().any(|l| l.label.is_some());
                let mut duty = self.duty_label(n, row_label);
                self.push(
                    format!("{duty} {}", first.norm),
                    CELL_INDENT,
                    trailing_width(first.raw),
                    line,
                );
                let mut step: Option<u32> = None;
                for cl in lines.iter().skip(1) {
                    if any_label {
                        self.note_two_part(cl);
                        self.push_raw(cl.raw, CELL_INDENT, line);
                    } else if body_line_kind(&cl.norm, CELL_INDENT) == Some(ParaKind::StepsHeading)
                    {
                        step = Some(0);
                        self.push_raw(cl.raw, CELL_INDENT, line);
                    } else if let Some(j) = step.as_mut() {
                        *j = j.saturating_add(1);
                        self.push(
                            format!("{duty}.{j} {}", cl.norm),
                            CELL_INDENT,
                            trailing_width(cl.raw),
                            line,
                        );
                    } else {
                        duty = self.duty_label(n, None);
                        self.push(
                            format!("{duty} {}", cl.norm),
                            CELL_INDENT,
                            trailing_width(cl.raw),
                            line,
                        );
                    }
                }
            }
        }
    }

    /// The label of the next duty of person `n`: the row's own label when it
    /// has one, else `N.k`.
    fn duty_label(&mut self, n: u32, row_label: Option<Label>) -> String {
        match row_label {
            Some(l) => {
                if l.values.len() == 2 {
                    self.k = l.last_value();
                }
                l.written
            }
            None => {
                self.k = self.k.saturating_add(1);
                format!("{n}.{}", self.k)
            }
        }
    }

    /// A two-part label written in a cell moves the duty count on.
    fn note_two_part(&mut self, cl: &CellLine<'_>) {
        if let Some((l, _)) = &cl.label
            && l.family == Family::Dotted
            && l.values.len() == 2
        {
            self.k = l.last_value();
        }
    }
}

enum RowNumber {
    /// A dotted label for the row's duty (`1.10`).
    Label(Label),
    /// A whole number: a running row count.
    Count,
    /// Anything else: kept as text.
    Text,
}

/// The person number in a number cell: (as written, value).
fn person_number(cell: Option<&Cell>) -> Option<(String, u32)> {
    let cell = cell?;
    if let Some(v) = cell.number {
        return (v.fract() == 0.0 && v >= 0.0 && v <= f64::from(u32::MAX)).then(|| {
            let n = v as u32;
            (n.to_string(), n)
        });
    }
    let t = normalize_line(&cell.text);
    let t = t.trim_end_matches('.');
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t);
    parse_number(t).map(|n| (t.to_string(), n))
}

/// A row that ends the table: the effective clause or the date line.
fn starts_footer(row: &Row) -> bool {
    row.filled().next().is_some_and(|(_, c)| {
        let t = normalize_line(&c.text);
        t.starts_with("ทั้งนี้") || t.starts_with("สั่ง ณ") || t.starts_with("สั่งณ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_displayed() {
        assert_eq!(format_float(1.0, None), "1");
        assert_eq!(format_float(1.1, None), "1.1");
        assert_eq!(format_float(0.1 + 0.2, None), "0.3");
        assert_eq!(format_float(-0.0, None), "0");
        assert_eq!(format_float(1.1, Some("0.00")), "1.10");
        assert_eq!(format_float(1.1, Some("General")), "1.1");
        assert_eq!(format_float(1234567.5, Some("#,##0.00")), "1,234,567.50");
        assert_eq!(format_float(0.25, Some("0%")), "25%");
        assert_eq!(format_float(1.5, Some("0.0#")), "1.5");
        assert_eq!(format_float(1.25, Some("[Red]0.0")), "1.2");
        assert_eq!(format_float(1.1, Some("0.00\" บาท\"")), "1.1");
        assert_eq!(format_float(1e20, None), "100000000000000000000");
    }

    #[test]
    fn header_names() {
        for (h, r) in [
            ("ลำดับ", Role::Number),
            ("ที่", Role::Number),
            ("No.", Role::Number),
            ("ชื่อ-สกุล", Role::Name),
            ("ชื่อ – สกุล", Role::Name),
            ("ชื่อ - สกุล", Role::Name),
            ("ชื่อสกุล", Role::Name),
            ("ชื่อ-นามสกุล", Role::Name),
            ("Name", Role::Name),
            ("ตำแหน่ง", Role::Position),
            ("ตำแหน่ง/วิทยฐานะ", Role::Position),
            ("วิทยฐานะ", Role::Rank),
            ("หน้าที่", Role::Duty),
            ("งานที่รับผิดชอบ", Role::Duty),
            ("หน้าที่ความรับผิดชอบ", Role::Duty),
            ("Duties", Role::Duty),
            ("Responsibilities", Role::Duty),
            ("หมายเหตุ", Role::Note),
            ("Remark", Role::Note),
        ] {
            assert_eq!(role_of(h), Some(r), "{h}");
        }
        assert_eq!(role_of("ผู้ปฏิบัติหน้าที่แทน"), None);
        assert_eq!(role_of("ผู้รับผิดชอบ"), None);
        assert_eq!(
            role_of("คำสั่งโรงเรียนบ้านหนองใหญ่ ที่ 12/2566 เรื่อง แต่งตั้งหน้าที่"),
            None
        );
    }

    #[test]
    fn dates_in_thai() {
        assert_eq!(thai_date(2023, 10, 1, 0, 0), "1 ตุลาคม 2566");
        assert_eq!(iso_to_thai("2023-10-01").as_deref(), Some("1 ตุลาคม 2566"));
        assert_eq!(iso_to_thai("2023-13-01"), None);
    }

    #[test]
    fn cell_lines_split_on_every_line_end() {
        let v: Vec<_> = cell_lines("a\r\nb\rc\n\n  \nd").collect();
        assert_eq!(v, ["a", "b", "c", "d"]);
    }
}
