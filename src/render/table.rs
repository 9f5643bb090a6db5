//! The order as three tables — the responsibility matrix an office filters in
//! Excel — which the command writes as an .xlsx workbook or .csv files:
//!
//! - `people`: one row per person;
//! - `duties`: one row per step of every duty (a duty without steps: one row
//!   with empty step columns), sub-steps too, with numbers and kinds; the
//!   person's substitutes in order on every row of theirs; a committee's duties
//!   as rows of the committee;
//! - `committees`: one row per member of each committee (a seat held by a
//!   position has no name).
//!
//! Every row starts with `source` (`source.path` of the order), so the tables
//! of a whole archive can be concatenated ([`Sheets::extend`]) and filtered by
//! file. Column names are English and stable (a script reads them); cells are
//! text as the order writes them (numbers such as `1.10` are labels, not
//! quantities), and line numbers.
//!
//! With the feature `export` (which the command turns on, and the Python
//! package too) the tables are also the bytes of the files an office opens
//! ([`Sheets::to_xlsx`], [`Sheets::to_csv`]): an .xlsx workbook — sheets
//! `people`, `duties`, `committees`, a bold frozen header row with a filter,
//! Thai text in TH Sarabun New — and one .csv per table, UTF-8 with a
//! byte-order mark (so Excel opens Thai text correctly), comma-separated,
//! CRLF line ends, a header row.

use crate::model::{Duty, DutyKind, DutyOrder};

/// Columns of the `people` sheet.
pub const PEOPLE_COLUMNS: [&str; 16] = [
    "source",
    "person_id",
    "number",
    "title",
    "given_name",
    "family_name",
    "full_name",
    "position",
    "rank",
    "role",
    "work_group",
    "appointed_as",
    "duties",
    "other_assigned",
    "substitutes",
    "line",
];

/// Columns of the `duties` sheet.
pub const DUTY_COLUMNS: [&str; 15] = [
    "source",
    "owner_id",
    "owner",
    "duty_id",
    "duty_number",
    "duty_label",
    "duty_kind",
    "duty",
    "step_id",
    "step_number",
    "step_depth",
    "step_kind",
    "step",
    "substitutes",
    "line",
];

/// Columns of the `committees` sheet.
pub const COMMITTEE_COLUMNS: [&str; 13] = [
    "source",
    "committee_id",
    "committee_number",
    "committee",
    "member",
    "full_name",
    "title",
    "position",
    "role",
    "role_kind",
    "group",
    "person_id",
    "line",
];

/// Between substitutes' names in one cell (they stay in order).
pub const SUBSTITUTE_SEPARATOR: &str = "; ";

/// One table: a name, its columns, its rows (each as long as the columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// `people`, `duties` or `committees`.
    pub name: &'static str,
    /// Column names.
    pub columns: &'static [&'static str],
    /// The rows, in document order.
    pub rows: Vec<Vec<String>>,
}

/// The three tables of one order, or of many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheets {
    /// People, duties, committees, in that order.
    pub sheets: [Sheet; 3],
}

impl Default for Sheets {
    fn default() -> Self {
        Sheets {
            sheets: [
                Sheet {
                    name: "people",
                    columns: &PEOPLE_COLUMNS,
                    rows: Vec::new(),
                },
                Sheet {
                    name: "duties",
                    columns: &DUTY_COLUMNS,
                    rows: Vec::new(),
                },
                Sheet {
                    name: "committees",
                    columns: &COMMITTEE_COLUMNS,
                    rows: Vec::new(),
                },
            ],
        }
    }
}

impl Sheets {
    /// The tables of one order.
    pub fn of(order: &DutyOrder) -> Self {
        let mut s = Sheets::default();
        s.add(order);
        s
    }

    /// Add the rows of `order` (for an archive: one order after another).
    pub fn add(&mut self, order: &DutyOrder) {
        let [people, duties, committees] = &mut self.sheets;
        let source = order.source.path.as_str();
        for p in &order.people {
            let subs = p
                .substitutes
                .iter()
                .map(|s| s.full_name.as_str())
                .collect::<Vec<_>>()
                .join(SUBSTITUTE_SEPARATOR);
            let count = |kind: DutyKind| p.duties.iter().filter(|d| d.kind == kind).count();
            people.rows.push(vec![
                source.to_string(),
                p.id.clone(),
                opt(p.number.as_deref()),
                opt(p.title.as_deref()),
                opt(p.given_name.as_deref()),
                opt(p.family_name.as_deref()),
                p.full_name.clone(),
                opt(p.position.as_deref()),
                opt(p.rank.as_deref()),
                opt(p.role.as_deref()),
                opt(p.work_group.as_deref()),
                opt(p.appointed_as.as_deref()),
                // what a person is given to do: not the catch-all, not who stands in
                (count(DutyKind::Duty) + count(DutyKind::Secretary)).to_string(),
                count(DutyKind::OtherAssigned).to_string(),
                subs.clone(),
                p.line_start.to_string(),
            ]);
            let owner = Owner {
                source,
                id: &p.id,
                name: &p.full_name,
                substitutes: &subs,
            };
            for d in &p.duties {
                duty_rows(&owner, d, &mut duties.rows);
            }
        }
        for c in &order.committees {
            for (k, m) in c.members.iter().enumerate() {
                committees.rows.push(vec![
                    source.to_string(),
                    c.id.clone(),
                    opt(c.number.as_deref()),
                    c.name.clone(),
                    (k + 1).to_string(),
                    opt(m.full_name.as_deref()),
                    opt(m.title.as_deref()),
                    opt(m.position.as_deref()),
                    opt(m.role.as_deref()),
                    m.role_kind
                        .and_then(|r| serde_json::to_value(r).ok())
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    opt(m.group.as_deref()),
                    opt(m.person_id.as_deref()),
                    m.line_start.to_string(),
                ]);
            }
            let owner = Owner {
                source,
                id: &c.id,
                name: &c.name,
                substitutes: "",
            };
            for d in &c.duties {
                duty_rows(&owner, d, &mut duties.rows);
            }
        }
    }

    /// The rows of another set of tables after these.
    pub fn extend(&mut self, other: Sheets) {
        for (mine, theirs) in self.sheets.iter_mut().zip(other.sheets) {
            mine.rows.extend(theirs.rows);
        }
    }
}

/// Whose duties the rows are.
struct Owner<'a> {
    source: &'a str,
    id: &'a str,
    name: &'a str,
    substitutes: &'a str,
}

/// The rows of one duty: one per step at any depth, or one for the duty alone.
fn duty_rows(owner: &Owner<'_>, d: &Duty, rows: &mut Vec<Vec<String>>) {
    let duty_cells = |step: Option<(&Duty, usize)>| -> Vec<String> {
        let (step_id, step_number, depth, step_kind, step_title, line) = match step {
            Some((s, depth)) => (
                s.id.clone(),
                opt(s.number.as_deref()),
                depth.to_string(),
                s.kind.as_str().to_string(),
                s.title.clone(),
                s.line_start,
            ),
            None => Default::default(),
        };
        vec![
            owner.source.to_string(),
            owner.id.to_string(),
            owner.name.to_string(),
            d.id.clone(),
            opt(d.number.as_deref()),
            opt(d.label.as_deref()),
            d.kind.as_str().to_string(),
            d.title.to_string(),
            step_id,
            step_number,
            depth,
            step_kind,
            step_title.to_string(),
            owner.substitutes.to_string(),
            if step.is_some() { line } else { d.line_start }.to_string(),
        ]
    };
    if d.steps.is_empty() {
        rows.push(duty_cells(None));
        return;
    }
    let mut todo: Vec<(&Duty, usize)> = d.steps.iter().rev().map(|s| (s, 1)).collect();
    while let Some((s, depth)) = todo.pop() {
        rows.push(duty_cells(Some((s, depth))));
        todo.extend(s.steps.iter().rev().map(|c| (c, depth + 1)));
    }
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or_default().to_string()
}

/// The font of the workbook (the Thai government font, as in the .docx).
pub const XLSX_FONT: &str = "TH Sarabun New";
/// Font size of the workbook, in points.
pub const XLSX_FONT_SIZE: f64 = 14.0;
/// Width of a column, in characters: wide enough for a name or a short duty.
pub const XLSX_COLUMN_WIDTH: f64 = 22.0;
/// The byte-order mark that tells Excel a .csv is UTF-8.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// Rows of an Excel worksheet, the header row included.
#[cfg(feature = "export")]
const XLSX_MAX_ROWS: u32 = 1_048_576;

#[cfg(feature = "export")]
impl Sheets {
    /// The tables as the bytes of an .xlsx workbook; `Err`: what is wrong,
    /// in words (a sheet past Excel's rows).
    pub fn to_xlsx(&self) -> Result<Vec<u8>, String> {
        use rust_xlsxwriter::{Format, Workbook};
        let text = Format::new()
            .set_font_name(XLSX_FONT)
            .set_font_size(XLSX_FONT_SIZE);
        let bold = text.clone().set_bold();
        let mut book = Workbook::new();
        let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
        let many = || "too many columns".to_string();
        for sheet in &self.sheets {
            let ws = book.add_worksheet();
            ws.set_name(sheet.name).map_err(e)?;
            for (c, name) in sheet.columns.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| many())?;
                ws.write_string_with_format(0, c, *name, &bold).map_err(e)?;
                ws.set_column_width(c, XLSX_COLUMN_WIDTH).map_err(e)?;
            }
            for (r, row) in sheet.rows.iter().enumerate() {
                // the header is row 0
                let r = u32::try_from(r + 1)
                    .ok()
                    .filter(|&r| r < XLSX_MAX_ROWS)
                    .ok_or_else(|| {
                        format!(
                            "more than {} rows in sheet {}",
                            XLSX_MAX_ROWS - 1,
                            sheet.name
                        )
                    })?;
                for (c, cell) in row.iter().enumerate() {
                    let c = u16::try_from(c).map_err(|_| many())?;
                    if !cell.is_empty() {
                        ws.write_string_with_format(r, c, cell, &text).map_err(e)?;
                    }
                }
            }
            let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(0);
            let last_row = u32::try_from(sheet.rows.len()).unwrap_or(0);
            ws.set_freeze_panes(1, 0).map_err(e)?;
            ws.autofilter(0, 0, last_row, last_col).map_err(e)?;
        }
        book.save_to_buffer().map_err(e)
    }

    /// Each table as the bytes of a .csv file, with the table's name
    /// (`people`, `duties`, `committees`: the command writes `people.csv` …).
    pub fn to_csv(&self) -> Result<Vec<(&'static str, Vec<u8>)>, String> {
        let e = |e: csv::Error| e.to_string();
        let mut out = Vec::with_capacity(self.sheets.len());
        for sheet in &self.sheets {
            let mut bytes = UTF8_BOM.to_vec();
            {
                let mut w = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(&mut bytes);
                w.write_record(sheet.columns).map_err(e)?;
                for row in &sheet.rows {
                    w.write_record(row).map_err(e)?;
                }
                w.flush().map_err(|e| e.to_string())?;
            }
            out.push((sheet.name, bytes));
        }
        Ok(out)
    }
}
