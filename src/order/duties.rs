//! Duties, procedure steps and sub-steps of a person.

use crate::model::{Duty, DutyKind, NodeKind as Role};
use crate::outline::{NodeKind, Outline};
use crate::thai::find::contains;
use crate::thai::lexicon::{OTHER_ASSIGNED, SECRETARY_STARTS, SUBSTITUTE_STARTS, starts_with_any};

/// Kind of a duty from its text: `substitute_clause`, `other_assigned`,
/// `secretary` (serving as secretary to someone) or `duty`.
pub fn duty_kind(text: &str) -> DutyKind {
    if starts_with_any(text, SUBSTITUTE_STARTS).is_some() {
        DutyKind::SubstituteClause
    } else if OTHER_ASSIGNED.iter().any(|p| contains(text, p)) {
        DutyKind::OtherAssigned
    } else if starts_with_any(text, SECRETARY_STARTS).is_some() {
        DutyKind::Secretary
    } else {
        DutyKind::Duty
    }
}

/// The number in the id of an item after a sibling whose id number was
/// `prev`: the item's canonical value, or the next free number when a list
/// of another form went before it (`1.1` `1.2` `1.3` then `-`: the bullet's
/// value is 1, its id `….d4`, so that every id stays unique).
pub fn id_seq(prev: u32, item: &crate::outline::Node) -> u32 {
    let value = item.values.last().copied().unwrap_or(0);
    value.max(prev.saturating_add(1))
}

/// The duty (or step) at outline node `i`, with every numbered item under it as
/// a step, recursively. `kinds` receives the outline kind of each node visited.
pub fn duty_from(
    outline: &Outline,
    i: usize,
    id: String,
    kind: DutyKind,
    kinds: &mut Vec<(usize, Role)>,
) -> Option<Duty> {
    let n = outline.node(i)?;
    kinds.push((i, kind.into()));
    // sized up front: a big order has a million steps, and doubling would
    // leave a third of their memory unused
    let items = n
        .children
        .iter()
        .filter(|&&c| outline.node(c).is_some_and(|c| c.kind == NodeKind::Item))
        .count();
    let mut steps = Vec::with_capacity(items);
    let mut seq = 0;
    for &c in &n.children {
        let Some(child) = outline.node(c) else {
            continue;
        };
        if child.kind != NodeKind::Item {
            continue;
        }
        seq = id_seq(seq, child);
        if let Some(step) = duty_from(outline, c, format!("{id}.s{seq}"), DutyKind::Step, kinds) {
            steps.push(step);
        }
    }
    Some(Duty {
        id,
        number: n.number.clone(),
        label: n.label.as_ref().map(|l| l.written.clone()),
        label_form: n.label.as_ref().map(|l| l.family.into()),
        node: outline.id(i),
        title: n.text.clone(),
        kind,
        line_start: n.line_start,
        line_end: outline.subtree_end(i),
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::{DutyKind, duty_kind};

    #[test]
    fn kinds_from_text() {
        assert_eq!(
            duty_kind("ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย"),
            DutyKind::OtherAssigned
        );
        assert_eq!(duty_kind("งานอื่นๆ ตามที่ได้รับมอบหมาย"), DutyKind::OtherAssigned);
        assert_eq!(
            duty_kind("กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ นางจงกล อรรถอาภรณ์ ปฏิบัติงานแทน"),
            DutyKind::SubstituteClause
        );
        assert_eq!(duty_kind("งานสารบรรณ"), DutyKind::Duty);
        assert_eq!(
            duty_kind("ปฏิบัติหน้าที่ เลขานุการรองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"),
            DutyKind::Secretary
        );
        // a work group named after a secretariat is not a secretary duty
        assert_eq!(
            duty_kind("กลุ่มงานเลขานุการคณะกรรมการเขตพื้นที่การศึกษา"),
            DutyKind::Duty
        );
    }
}
