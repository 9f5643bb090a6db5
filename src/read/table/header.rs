//! The header row: which column holds the number, name, position, rank, duty
//! and note, recognised by its header text in Thai or English.

use super::{Cell, HEADER_SCAN_ROWS, Row};

/// What a committee-role header holds (compared as header keys, without
/// spaces): `หน้าที่ในคณะกรรมการ`, `ตำแหน่งในคณะกรรมการ`, `ในคณะทำงาน`,
/// `ในคณะอนุกรรมการ`: the seat a member holds in the committee.
const COMMITTEE_ROLE_HEADERS: &[&str] = &["ในคณะกรรมการ", "ในคณะทำงาน", "ในคณะอนุกรรมการ"];

/// Longest header cell, in characters (longer cells are titles, not headers).
const MAX_HEADER_CHARS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Number,
    Name,
    Position,
    Rank,
    Duty,
    Note,
    /// The member's role in a committee (หน้าที่ในคณะกรรมการ).
    Seat,
}

/// Where each column is; `headers` keeps the header texts by column.
#[derive(Debug, Clone, Default)]
pub(crate) struct Columns {
    pub(crate) number: Option<usize>,
    pub(crate) name: Option<usize>,
    pub(crate) position: Option<usize>,
    pub(crate) rank: Option<usize>,
    pub(crate) duty: Option<usize>,
    note: Option<usize>,
    /// The committee role column (หน้าที่ในคณะกรรมการ, บทบาท).
    pub(crate) role: Option<usize>,
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
            Role::Seat => &mut self.role,
        }
    }

    /// Whether column `c` has a role the reader uses.
    pub(crate) fn known(&self, c: usize) -> bool {
        [self.number, self.name, self.position, self.rank, self.duty].contains(&Some(c))
    }

    /// The header text of column `c` ("" when none).
    pub(crate) fn header(&self, c: usize) -> &str {
        self.headers.get(c).map_or("", String::as_str)
    }
}

/// A header cell's text (in normal form) for matching: lower case, without
/// spaces, dashes, dots, colons, slashes and brackets.
fn header_key(s: &str) -> String {
    s.chars()
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
    if COMMITTEE_ROLE_HEADERS.iter().any(|h| k.contains(h)) {
        return Some(Role::Seat);
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
    // `หน้าที่ในคณะกรรมการ`, `ตำแหน่งในคณะทำงาน`: the member's seat, not a duty
    if COMMITTEE_ROLE_HEADERS.iter().any(|h| k.contains(h)) || k == "บทบาท" || k == "role"
    {
        return Some(Role::Seat);
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
pub(crate) fn header_row(rows: &[Row]) -> Option<(usize, Columns)> {
    for (i, row) in rows.iter().enumerate().take(HEADER_SCAN_ROWS) {
        let mut cols = Columns::default();
        for (c, cell) in row.filled() {
            if cell.number.is_some() {
                continue;
            }
            if let Some(role) = role_of(cell.norm()) {
                let slot = cols.slot(role);
                if slot.is_none() {
                    *slot = Some(c);
                }
            }
        }
        // a committee-role column read as the duty column, as before the
        // committee tables of .docx (a spreadsheet has no committee reading)
        if cols.duty.is_none() {
            cols.duty = cols.role;
        }
        // people with their duties, or a list of people with their posts
        // (`วันที่ | ชื่อ - สกุล | ตำแหน่ง | หมายเลขโทรศัพท์`: a roster)
        if cols.name.is_some()
            && (cols.duty.is_some() || cols.position.is_some() || cols.rank.is_some())
        {
            cols.headers = row.cells.iter().map(|c| c.norm().to_string()).collect();
            return Some((i, cols));
        }
    }
    None
}

/// Whether the cells of one line are a table's header row, as a text file
/// types it (`ลำดับ ⟶ ชื่อ - สกุล ⟶ ตำแหน่ง ⟶ หน้าที่`): two or more cells
/// name a column the reader knows, one of them the name's.
pub(crate) fn names_columns(cells: &[&str]) -> bool {
    let roles: Vec<Role> = cells.iter().filter_map(|c| role_of(c)).collect();
    roles.len() >= 2 && roles.contains(&Role::Name)
}

/// Whether a header cell names the row-number column (`ที่`, `ลำดับ`, `No.`).
pub(crate) fn names_number(cell: &str) -> bool {
    role_of(cell) == Some(Role::Number)
}

/// The header row of a committee's member table (ลำดับ | ชื่อ-สกุล |
/// ตำแหน่ง | หน้าที่ในคณะกรรมการ): a name and a committee-role column.
pub(crate) fn committee_header_row(rows: &[Row]) -> Option<(usize, Columns)> {
    for (i, row) in rows.iter().enumerate().take(HEADER_SCAN_ROWS) {
        let mut cols = Columns::default();
        for (c, cell) in row.filled() {
            if let Some(role) = role_of(cell.norm()) {
                let slot = cols.slot(role);
                if slot.is_none() {
                    *slot = Some(c);
                }
            }
        }
        // a duty column whose every cell below is a committee role
        // (`ชื่อ - สกุล | ตำแหน่ง | หน้าที่` / `… | ประธานกรรมการ`) is the role column
        if cols.role.is_none()
            && let Some(d) = cols.duty
        {
            let below: Vec<&str> = rows
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .filter_map(|r| r.cell(Some(d)).map(Cell::norm))
                .filter(|t| !t.is_empty())
                .collect();
            if !below.is_empty()
                && below
                    .iter()
                    .all(|t| crate::thai::lexicon::whole_role(t).is_some())
            {
                cols.role = cols.duty.take();
            }
        }
        if cols.name.is_some() && cols.role.is_some() {
            cols.headers = row.cells.iter().map(|c| c.norm().to_string()).collect();
            return Some((i, cols));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("หน้าที่ในคณะกรรมการ", Role::Seat),
            ("ตำแหน่งในคณะกรรมการ", Role::Seat),
            ("หน้าที่ในคณะทำงาน", Role::Seat),
            ("บทบาท", Role::Seat),
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
}
