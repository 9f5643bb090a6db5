//! Who stands in for whom, as a table writes it: a row per person, the
//! person's name in one column and, in a column headed by the stand-ins'
//! words (`รองนายกรัฐมนตรีที่ปฏิบัติราชการแทนนายกรัฐมนตรี ตามลำดับ`, "the deputy
//! prime ministers who act for the prime minister, in order"), the list of
//! those who act for them:
//!
//! ```text
//! ลำดับที่ ⟶ รองนายกรัฐมนตรี ⟶ รองนายกรัฐมนตรีที่ปฏิบัติราชการแทน… ตามลำดับ
//! 1 ⟶ พลเอก ประวิตร วงษ์สุวรรณ ⟶ 1. นายสุพัฒนพงษ์ พันธ์มีเชาว์ 2. นายอนุทิน ชาญวีรกูล
//! ```
//!
//! The row's person gets the list as their substitutes, in order; a name
//! column headed by a post (`รองนายกรัฐมนตรี`, `รัฐมนตรีประจำสำนักนายกรัฐมนตรี`)
//! gives every person in it that post, when their row gives none. The header
//! row is no work group. The reader hands such a table over as rows whatever
//! way it was written (see [`crate::read::table`]'s flattened tables).
//!
//! The names of a substitute clause's inline list are read here too
//! ([`names_listed_under`]): a table's list cell is the same list.

use crate::model::{NodeKind as Role, Substitute};
use crate::outline::{Node, NodeKind, Outline, ParaKind};
use crate::read::CellRole;
use crate::thai::lexicon::{STAND_IN_HEADS, find_first, starts_position};
use crate::thai::names::split_name;

/// What the table a row is in says of the row's person.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RowTable {
    /// The name column's heading, when it is a post.
    pub post: Option<String>,
    /// The row's list of stand-ins (a name-list node), when the list
    /// column's heading names stand-ins.
    pub list: Option<usize>,
}

/// The header row's cells of a node that is a table's header row.
fn header_cells(n: &Node) -> Option<Vec<&str>> {
    let cells = crate::order::table_rows::cells(n);
    (cells.len() >= 2
        && matches!(
            n.kind,
            NodeKind::Paragraph(ParaKind::Heading | ParaKind::Text)
        ))
    .then_some(cells)
}

/// Whether a header row's cells are a stand-in table's: the last column names
/// stand-ins.
fn names_stand_ins(cells: &[&str]) -> bool {
    cells
        .last()
        .is_some_and(|c| find_first(c, STAND_IN_HEADS).is_some())
}

/// Whether a heading over rows is a table's header row — its first column
/// the row numbers (`ลำดับที่`), or its last the stand-ins — not a work group
/// or a section the people below belong to.
pub fn is_header_row(n: &Node) -> bool {
    header_cells(n).is_some_and(|c| {
        names_stand_ins(&c)
            || c.first()
                .is_some_and(|f| crate::read::table::names_number(f))
    })
}

/// A row's header: the nearest header row before it among its siblings
/// (past the rows and lists before it), or the heading the rows are under.
fn header_of(outline: &Outline, i: usize) -> Option<Vec<&str>> {
    for s in outline.siblings_before(i) {
        let m = outline.node(s)?;
        match m.kind {
            NodeKind::NameList | NodeKind::Paragraph(ParaKind::Entry) => continue,
            NodeKind::Item if !m.roles.is_empty() => continue,
            _ => return header_cells(m),
        }
    }
    let parent = outline.node(i)?.parent.and_then(|p| outline.node(p))?;
    header_cells(parent)
}

/// What the table says of the person of the row at node `i`: a numbered row
/// (its name the item's [`CellRole::Name`] cell, its list under it), or an
/// unnumbered row (a line that is a name, its list after it). `None` when the
/// row is in no stand-in table.
pub fn row(outline: &Outline, i: usize) -> Option<RowTable> {
    let n = outline.node(i)?;
    let numbered = n.kind == NodeKind::Item;
    if numbered && !n.roles.iter().any(|c| c.role == CellRole::Name) {
        return None;
    }
    let header = header_of(outline, i)?;
    if !names_stand_ins(&header) {
        return None;
    }
    // the name column: after the row-number column when there is one
    let (first, rest) = header.split_first()?;
    let heading = if crate::read::table::names_number(first) {
        rest.first()?
    } else {
        first
    };
    // (a post alone: a heading that also names the stand-ins is two
    // headings run together, no post)
    let post = (starts_position(heading) && find_first(heading, STAND_IN_HEADS).is_none())
        .then(|| heading.to_string());
    let list = if numbered {
        n.children.iter().copied().find(|&c| is_list(outline, c))
    } else {
        next_sibling(outline, i).filter(|&c| is_list(outline, c))
    };
    Some(RowTable { post, list })
}

fn is_list(outline: &Outline, i: usize) -> bool {
    outline
        .node(i)
        .is_some_and(|n| n.kind == NodeKind::NameList)
}

fn next_sibling(outline: &Outline, i: usize) -> Option<usize> {
    let n = outline.node(i)?;
    let list: &[usize] = match n.parent.and_then(|p| outline.node(p)) {
        Some(p) => &p.children,
        None => &outline.roots,
    };
    let at = list.iter().position(|&s| s == i)?;
    list.get(at + 1).copied()
}

/// The substitutes a row's list names, each with its line; the list is
/// marked as the row's substitute clause in `roles`.
pub fn listed(
    outline: &Outline,
    t: &RowTable,
    roles: &mut Vec<(usize, Role)>,
) -> Vec<(Substitute, u32)> {
    let Some(list) = t.list else {
        return Vec::new();
    };
    roles.push((list, Role::SubstituteClause));
    names_of(outline, list)
}

/// Names (and their lines) of the inline lists under a clause paragraph, in order.
pub fn names_listed_under(outline: &Outline, clause: usize) -> Vec<(Substitute, u32)> {
    let Some(n) = outline.node(clause) else {
        return Vec::new();
    };
    n.children
        .iter()
        .filter(|&&l| is_list(outline, l))
        .flat_map(|&l| names_of(outline, l))
        .collect()
}

/// The names of one name-list node, in order.
fn names_of(outline: &Outline, list: usize) -> Vec<(Substitute, u32)> {
    let Some(list) = outline.node(list) else {
        return Vec::new();
    };
    list.children
        .iter()
        .filter_map(|&e| outline.node(e))
        .map(|entry| {
            let full = split_name(&entry.text).map_or_else(|| entry.text.to_string(), |p| p.full);
            (
                Substitute {
                    full_name: full,
                    person_id: None,
                    duty_id: None,
                },
                entry.line_start,
            )
        })
        .collect()
}

/// A person read from an unnumbered row at node `i` (a name on a line of
/// its own, its list after it): the table's post when the row gives none,
/// and the list's substitutes, each pointed at the person of the same name
/// among those read so far (`keys`: name key → id).
pub fn fill_entry(
    outline: &mut Outline,
    i: usize,
    p: &mut crate::model::Person,
    keys: &std::collections::HashMap<String, String>,
    diagnostics: &mut Vec<crate::diagnostic::Diagnostic>,
) {
    let Some(t) = row(outline, i) else {
        return;
    };
    if p.position.is_none() {
        p.position.clone_from(&t.post);
    }
    let mut roles = Vec::new();
    for (mut s, line) in listed(outline, &t, &mut roles) {
        s.person_id = split_name(&s.full_name).and_then(|n| keys.get(&n.key()).cloned());
        if s.person_id.is_none() {
            diagnostics.push(crate::diagnostic::Diagnostic::new(
                crate::diagnostic::Code::SubstituteUnresolved,
                line,
                format!(
                    "substitute \"{}\" of {} is not among the people of this order",
                    s.full_name, p.full_name
                ),
            ));
        }
        p.substitutes.push(s);
    }
    outline.set_roles(&roles);
}
