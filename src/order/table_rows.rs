//! Table rows of people as a text file writes them (`1⇥นายก ข⇥ป.๖/๑⇥…`): the
//! cells after the name are read by the table's header row above them
//! (`ลำดับที่⇥ชื่อ - นามสกุล⇥คณะ/ชั้นปีที่⇥ประธานชมรม`), never guessed. A cell
//! whose column the header does not name is left unread.

use crate::outline::{Node, NodeKind, Outline, ParaKind};
use crate::thai::lexicon::{
    COMMITTEE_ROLES, EMPTY_CELLS, GROUP_WORDS, TABLE_APPOINTED_HEADS, TABLE_CLASS_HEADS,
    TABLE_DUTY_HEADS, TABLE_NAME_HEADS, TABLE_POSITION_HEADS, TABLE_RANK_HEADS, starts_position,
    starts_with_any,
};

/// What a row's cells say about its person, by the header's columns.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RowFields {
    /// The cell under a `ตำแหน่ง` column.
    pub position: Option<String>,
    /// The cell under a `วิทยฐานะ` column.
    pub rank: Option<String>,
    /// The cell under a `ชั้น` column (a class, a faculty and year).
    pub class: Option<String>,
    /// The cell under a duty column (`หน้าที่`, `ปฏิบัติหน้าที่`) when it is a
    /// post or a role (`ครูประจำชั้น ป.๑`, `หัวหน้างาน…`), or a role column's
    /// heading with the cell (`ประธานชมรม` + `ค่ายอาสาพัฒนา`).
    pub appointed_as: Option<String>,
    /// The cell under a duty column when it is work to do, not a post
    /// (`งานสารบรรณของกลุ่ม`, `กำกับ ดูแล ติดตาม…`).
    pub duty: Option<String>,
}

/// The cells of a one-line node, trimmed.
pub fn cells(n: &Node) -> Vec<&str> {
    if n.line_start != n.line_end || n.cells.is_empty() {
        return Vec::new();
    }
    crate::outline::line::cells_of(&n.text, &n.cells)
}

/// The header row above the row at node `i`: the nearest earlier sibling
/// that is not a row itself, when it is a line of cells.
pub fn header_above(outline: &Outline, i: usize) -> Option<Vec<&str>> {
    for s in outline.siblings_before(i) {
        let m = outline.node(s)?;
        match m.kind {
            NodeKind::Paragraph(ParaKind::Entry) => continue,
            NodeKind::Paragraph(ParaKind::Text) => {
                let c = cells(m);
                return (c.len() >= 2).then_some(c);
            }
            _ => return None,
        }
    }
    None
}

/// Read a row by its header: both must have the same number of cells and the
/// name in the header's name column; `None` otherwise.
pub fn read_row(header: &[&str], row: &[&str], name_cell: usize) -> Option<RowFields> {
    if header.len() != row.len() {
        return None;
    }
    let name_col = header
        .iter()
        .position(|h| TABLE_NAME_HEADS.iter().any(|w| h.contains(w)))?;
    if name_col != name_cell {
        return None;
    }
    let mut out = RowFields::default();
    for (k, (h, cell)) in header.iter().zip(row).enumerate() {
        if k == name_col || cell.is_empty() || EMPTY_CELLS.contains(cell) {
            continue;
        }
        let cell = (*cell).to_string();
        // `ตำแหน่ง/วิทยฐานะ` is a position column (its cells hold both);
        // `ตำแหน่งที่ได้รับแต่งตั้ง` the post the order gives
        if TABLE_POSITION_HEADS.iter().any(|w| h.contains(w))
            && TABLE_APPOINTED_HEADS.iter().any(|w| h.contains(w))
        {
            out.appointed_as.get_or_insert(cell);
        } else if TABLE_POSITION_HEADS.iter().any(|w| h.contains(w)) {
            out.position.get_or_insert(cell);
        } else if TABLE_RANK_HEADS.iter().any(|w| h.contains(w)) {
            out.rank.get_or_insert(cell);
        } else if TABLE_CLASS_HEADS.iter().any(|w| h.contains(w)) {
            out.class.get_or_insert(cell);
        } else if TABLE_DUTY_HEADS.iter().any(|w| h.contains(w)) {
            if is_post(&cell) {
                out.appointed_as.get_or_insert(cell);
            } else {
                out.duty.get_or_insert(cell);
            }
        } else if starts_with_any(h, COMMITTEE_ROLES).is_some() {
            out.appointed_as.get_or_insert_with(|| joined(h, &cell));
        }
    }
    Some(out)
}

/// Read an item's row (its number is the item's label, so the row has one
/// cell fewer than the header) by a header whose first column is the number.
pub fn read_item_row(header: &[&str], row: &[&str]) -> Option<RowFields> {
    let (first, rest) = header.split_first()?;
    if !crate::read::table::names_number(first) {
        return None;
    }
    read_row(rest, row, 0)
}

/// Whether a duty cell names a post or role the person is given (it starts
/// like a post, `ครูประจำชั้น…` / `หัวหน้า…`, or is a committee role) rather
/// than the work itself.
fn is_post(cell: &str) -> bool {
    let first = cell.split(' ').next().unwrap_or("");
    starts_position(first) || starts_with_any(cell, COMMITTEE_ROLES).is_some()
}

/// A role column's heading and its cell as one phrase, the heading's last
/// word written once: `ประธานชมรม` + `ค่ายอาสาพัฒนา` → `ประธานชมรมค่ายอาสาพัฒนา`,
/// `ประธานชมรม` + `ชมรมรักษ์ช้างไทย` → `ประธานชมรมรักษ์ช้างไทย`.
fn joined(heading: &str, cell: &str) -> String {
    // only a whole word the two share (`ชมรม`), never a letter
    // (`ประธานชมรม` + `มหาวิทยาลัยชาวบ้าน`)
    let overlap = GROUP_WORDS
        .iter()
        .filter(|w| heading.ends_with(**w) && cell.starts_with(**w))
        .map(|w| heading.len() - w.len())
        .min();
    match overlap {
        Some(i) => format!("{}{cell}", heading.get(..i).unwrap_or(heading)),
        None => format!("{heading}{cell}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_by_their_header() {
        // real order 030
        let header = ["ลำดับที่", "ชื่อ - นามสกุล", "คณะ/ชั้นปีที่", "ประธานชมรม"];
        let row = ["1", "นายเกียรติภูมิ เรือนแก้ว", "สังคมศาสตร์/3", "ค่ายอาสาพัฒนา"];
        let got = read_row(&header, &row, 1).unwrap();
        assert_eq!(got.class.as_deref(), Some("สังคมศาสตร์/3"));
        assert_eq!(got.appointed_as.as_deref(), Some("ประธานชมรมค่ายอาสาพัฒนา"));
        assert_eq!(got.position, None);
        let row = ["13", "นายก ข", "วนศาสตร์", "ชมรมรักษ์ช้างไทย"];
        let got = read_row(&header, &row, 1).unwrap();
        assert_eq!(got.appointed_as.as_deref(), Some("ประธานชมรมรักษ์ช้างไทย"));
        let row = ["6", "นายก ข", "สัตวแพทย์/3", "มหาวิทยาลัยชาวบ้าน"];
        let got = read_row(&header, &row, 1).unwrap();
        assert_eq!(
            got.appointed_as.as_deref(),
            Some("ประธานชมรมมหาวิทยาลัยชาวบ้าน")
        );
        // a school's staff table
        let header = ["ที่", "ชื่อ-สกุล", "ตำแหน่ง", "หน้าที่", "หมายเหตุ"];
        let row = ["1", "นางสมศรี ใจงาม", "ครู", "ครูประจำชั้น ป.๑", "-"];
        let got = read_row(&header, &row, 1).unwrap();
        assert_eq!(
            (
                got.position.as_deref(),
                got.appointed_as.as_deref(),
                got.class
            ),
            (Some("ครู"), Some("ครูประจำชั้น ป.๑"), None)
        );
        // a duty column holding the work, not a post (held-out order h04)
        let office = ["ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง", "หน้าที่ที่ได้รับมอบหมาย"];
        for (work, post) in [
            ("งานสารบรรณของกลุ่ม", "เจ้าพนักงานธุรการปฏิบัติงาน"),
            ("กำกับ ดูแล ติดตามการปฏิบัติงานของกลุ่ม", "ผู้อำนวยการกลุ่ม"),
        ] {
            let got = read_row(&office, &["๔", "นางสาวศิริพร แก้วกาญจนา", post, work], 1).unwrap();
            assert_eq!(
                (
                    got.position.as_deref(),
                    got.duty.as_deref(),
                    got.appointed_as
                ),
                (Some(post), Some(work), None)
            );
        }
        // cells that do not line up with the header: not read
        assert_eq!(read_row(&header, &row[..4], 1), None);
        assert_eq!(
            read_row(&["ลำดับ", "หน่วยงาน", "ชื่อ"], &["1", "นายก ข", "x"], 1),
            None
        );
    }
}
