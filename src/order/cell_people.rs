//! People in the person columns of a table row: `ตัวชี้วัด ⟶
//! ผู้กำกับดูแลตัวชี้วัด ⟶ ผู้จัดเก็บข้อมูล` over `๑. ร้อยละของ… ⟶ นางสาวก ข
//! รองผู้อำนวยการ… ⟶ นายค ง นักวิชาการศึกษาชำนาญการ`. The row's first cell is
//! the work; each cell under a column whose heading says who does it
//! ([`TABLE_WHO_HEADS`]) holds a titled whole name and that person's post (a
//! Word cell writes them on two lines). Each such cell is a person with the
//! work as a duty; a person in several rows is one person with each row's
//! work.
//!
//! Read only under a header row with as many cells, and only when every
//! filled cell under a person column starts with a whole name: a row where
//! one does not is left unread (null, not a guess).

use crate::model::Person;
use crate::order::committee::inline_duty;
use crate::order::people::{NameParts, split_name, split_position};
use crate::order::table_rows;
use crate::outline::Outline;
use crate::outline::line::is_heading_length;
use crate::thai::lexicon::{
    EMPTY_CELLS, TABLE_NAME_HEADS, TABLE_WHO_HEADS, starts_position, starts_with_any, title_at,
};

/// The people of every row that `claimed` does not mark and that has no
/// role yet, with the node each came from (a person listed in two rows is
/// given once per row: the caller keeps one and merges the duties).
pub fn read(outline: &Outline, claimed: &[bool]) -> Vec<(usize, Person)> {
    let mut out = Vec::new();
    for (i, n) in outline.nodes.iter().enumerate() {
        if claimed.get(i).copied().unwrap_or(false) || n.role.is_some() || n.cells.is_empty() {
            continue;
        }
        let cells = table_rows::cells(n);
        let by_header = header_of(outline, i, cells.len())
            .and_then(|header| row_people(&header, &cells))
            .map(|found| (found, cells.first().copied().unwrap_or("").to_string()));
        let Some((found, work)) = by_header.or_else(|| said_in_row(&cells)) else {
            if let Some((label, name)) = label_then_name(&cells) {
                let id = format!("t{}", out.len() + 1);
                let mut person = crate::order::person_lines::named(outline, i, id, &name);
                if starts_position(label) {
                    person.position = Some(label.to_string());
                } else {
                    person.work_group = Some(label.to_string());
                }
                out.push((i, person));
            }
            continue;
        };
        let work = work.as_str();
        for name in found.into_iter().flat_map(|(cell, _)| names_of(cell)) {
            let id = format!("t{}", out.len() + 1);
            let post = split_position(name.rest);
            let duties = if work.is_empty() {
                Vec::new()
            } else {
                vec![inline_duty(
                    format!("{id}.d1"),
                    work,
                    n.line_start,
                    n.line_end,
                )]
            };
            let person = Person {
                position: post.position,
                rank: post.rank,
                duties,
                ..crate::order::person_lines::named(outline, i, id, &name)
            };
            out.push((i, person));
        }
    }
    out
}

/// A row that says who does its work in its own cells (`๑. งานสารบรรณ ⟶
/// ผู้รับผิดชอบ ⟶ นางสาวก ข`): a cell that is only a person column's word
/// ([`TABLE_WHO_HEADS`]), then cells of whole names. The names (each with
/// its place) and the work (the cells before the word).
fn said_in_row<'a>(row: &[&'a str]) -> Option<(Vec<(&'a str, usize)>, String)> {
    let k = row.iter().position(|c| {
        starts_with_any(c, TABLE_WHO_HEADS).is_some() && !c.contains(' ') && split_name(c).is_none()
    })?;
    if k == 0 {
        return None;
    }
    let names: Vec<(&str, usize)> = row
        .iter()
        .enumerate()
        .skip(k + 1)
        .filter(|(_, c)| !c.is_empty() && !EMPTY_CELLS.contains(c))
        .map(|(j, c)| (*c, j))
        .collect();
    let whole = |c: &str| {
        let people = names_of(c);
        !people.is_empty()
            && people
                .iter()
                .all(|n| n.family.is_some() && n.rest.trim().is_empty())
    };
    if names.is_empty() || !names.iter().all(|(c, _)| whole(c)) {
        return None;
    }
    let work = row.get(..k).unwrap_or_default().join(" ");
    Some((names, work))
}

/// `รางวัลชนะเลิศ ⟶ เด็กหญิงก ข ⟶ โรงเรียน…`: a short label first, one cell
/// that is a titled whole name and nothing else, and cells after it that
/// name no one (where the person is from). The label and the name; `None`
/// for anything else (two names, no label, a name in the label).
fn label_then_name<'a>(row: &[&'a str]) -> Option<(&'a str, NameParts<'a>)> {
    let (label, rest) = row.split_first()?;
    if rest.len() < 2 || split_name(label).is_some() || !is_heading_length(label) {
        return None;
    }
    let mut found = None;
    for c in rest {
        if let Some(n) = split_name(c) {
            if found.is_some() || n.family.is_none() || !n.rest.trim().is_empty() {
                return None;
            }
            found = Some(n);
        }
    }
    found.map(|n| (*label, n))
}

/// The people of one cell: a titled whole name, and after it either that
/// person's post or another whole name (a Word cell with two people on two
/// paragraphs reads `นางสาวก ข นายค ง`): a name is never a post.
fn names_of(cell: &str) -> Vec<NameParts<'_>> {
    let mut out = Vec::new();
    let mut rest = cell;
    while let Some(mut name) = split_name(rest) {
        let after = name.rest.trim_start();
        let next = (title_at(after).is_some())
            .then(|| split_name(after))
            .flatten()
            .filter(|m| m.family.is_some());
        if next.is_some() {
            name.rest = "";
            out.push(name);
            rest = after;
        } else {
            out.push(name);
            break;
        }
    }
    out
}

/// The header row over the row at `i` with `width` cells: the nearest
/// earlier sibling line of as many cells that names a person column (the
/// rows between are rows of the same table), or the parent when it is one
/// (a Word table's header row heads the rows numbered under it).
fn header_of(outline: &Outline, i: usize, width: usize) -> Option<Vec<&str>> {
    let names_people = |c: &[&str]| {
        c.len() == width
            && c.iter()
                .skip(1)
                .any(|h| starts_with_any(h, TABLE_WHO_HEADS).is_some())
    };
    for s in outline.siblings_before(i) {
        let c = table_rows::cells(outline.node(s)?);
        if c.len() != width {
            break;
        }
        if names_people(&c) {
            return Some(c);
        }
    }
    let p = outline.node(i)?.parent.and_then(|p| outline.node(p))?;
    Some(table_rows::cells(p)).filter(|c| names_people(c))
}

/// The person cells of a row under `header` (each with its column), when
/// the header has person columns after the first, none of them a name
/// column (a `ชื่อ - สกุล` table is read by its own columns), and every
/// filled cell under them starts with a whole name; `None` otherwise.
fn row_people<'a>(header: &[&str], row: &[&'a str]) -> Option<Vec<(&'a str, usize)>> {
    if header
        .iter()
        .any(|h| TABLE_NAME_HEADS.iter().any(|w| h.contains(w)))
    {
        return None;
    }
    let mut found = Vec::new();
    for (k, (h, cell)) in header.iter().zip(row).enumerate().skip(1) {
        if starts_with_any(h, TABLE_WHO_HEADS).is_none()
            || cell.is_empty()
            || EMPTY_CELLS.contains(cell)
        {
            continue;
        }
        let whole = split_name(cell).is_some_and(|n| n.family.is_some());
        if !whole {
            return None;
        }
        found.push((*cell, k));
    }
    (!found.is_empty()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_under_columns_that_say_who_does_the_work() {
        let header = ["ตัวชี้วัด", "ผู้กำกับดูแลตัวชี้วัด", "ผู้จัดเก็บข้อมูล"];
        let row = [
            "ร้อยละของนักเรียนที่มีผลสัมฤทธิ์ทางการเรียนเพิ่มขึ้น",
            "นางสาวปวีณา ศรีทอง รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
            "-",
        ];
        let found = row_people(&header, &row).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, 1);
    }

    #[test]
    fn a_person_column_that_holds_no_name_leaves_the_row_unread() {
        let header = ["งาน", "ผู้รับผิดชอบ"];
        assert!(row_people(&header, &["งานสารบรรณ", "กลุ่มบริหารงานทั่วไป"]).is_none());
        // a name column: read by the table's own columns, not here
        let header = ["ที่", "ชื่อ - สกุล", "ผู้รับผิดชอบ"];
        assert!(row_people(&header, &["๑", "นายก ขคง", "นายจ ฉช"]).is_none());
        // no person column at all
        let header = ["ชั้น", "ห้อง"];
        assert!(row_people(&header, &["ม.๑", "นายก ขคง"]).is_none());
    }

    #[test]
    fn a_row_that_says_who_does_its_work() {
        // held-out h117
        let (names, work) = said_in_row(&["งานสารบรรณ", "ผู้รับผิดชอบ", "นางสาวพัชรี อินทร์แก้ว"]).unwrap();
        assert_eq!(
            (names, work.as_str()),
            (vec![("นางสาวพัชรี อินทร์แก้ว", 2)], "งานสารบรรณ")
        );
        // the cells after the word must be whole names and nothing else
        assert!(said_in_row(&["งานสารบรรณ", "ผู้รับผิดชอบ", "กลุ่มบริหารงานทั่วไป"]).is_none());
        assert!(said_in_row(&["ผู้รับผิดชอบ", "นางสาวพัชรี อินทร์แก้ว"]).is_none());
    }

    #[test]
    fn a_label_then_one_name_then_where_from() {
        // held-out h129
        let (label, n) =
            label_then_name(&["รางวัลชนะเลิศ", "เด็กหญิงกัญญาณัฐ ศรีสุข", "โรงเรียนอนุบาลราชบุรี"]).unwrap();
        assert_eq!(
            (label, n.full.as_str()),
            ("รางวัลชนะเลิศ", "เด็กหญิงกัญญาณัฐ ศรีสุข")
        );
        // two names, or a name with more in its cell: not this reading
        assert!(label_then_name(&["ห้อง ๑", "นายก ขคง", "นายจ ฉช"]).is_none());
        assert!(label_then_name(&["ห้อง ๑", "นายก ขคง ครู", "โรงเรียน"]).is_none());
    }

    #[test]
    fn two_names_in_one_cell_are_two_people_and_neither_is_a_post() {
        let names: Vec<(String, &str)> = names_of("นางสาวชลธิชา บุญมา นายกิตติศักดิ์ ใจเย็น")
            .into_iter()
            .map(|n| (n.full, n.rest))
            .collect();
        assert_eq!(
            names,
            [
                ("นางสาวชลธิชา บุญมา".to_string(), ""),
                ("นายกิตติศักดิ์ ใจเย็น".to_string(), "")
            ]
        );
        let one = names_of("นายธนากร ใจดี ผู้อำนวยการกลุ่มนิเทศ");
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].rest, "ผู้อำนวยการกลุ่มนิเทศ");
    }
}
