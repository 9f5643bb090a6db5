//! Duties, procedure steps and sub-steps of a person.

use crate::model::Duty;
use crate::outline::{NodeKind, Outline};
use crate::thai::lexicon::{OTHER_ASSIGNED, SECRETARY_STARTS, SUBSTITUTE_STARTS, starts_with_any};

/// Kind of a duty from its text: `substitute_clause`, `other_assigned`,
/// `secretary` (serving as secretary to someone) or `duty`.
pub fn duty_kind(text: &str) -> &'static str {
    if starts_with_any(text, SUBSTITUTE_STARTS).is_some() {
        "substitute_clause"
    } else if OTHER_ASSIGNED.iter().any(|p| text.contains(p)) {
        "other_assigned"
    } else if starts_with_any(text, SECRETARY_STARTS).is_some() {
        "secretary"
    } else {
        "duty"
    }
}

/// The duty (or step) at outline node `i`, with every numbered item under it as
/// a step, recursively. `kinds` receives the outline kind of each node visited.
pub fn duty_from(
    outline: &Outline,
    i: usize,
    id: String,
    kind: &'static str,
    kinds: &mut Vec<(usize, &'static str)>,
) -> Option<Duty> {
    let n = outline.node(i)?;
    kinds.push((i, kind));
    // sized up front: a big order has a million steps, and doubling would
    // leave a third of their memory unused
    let items = n
        .children
        .iter()
        .filter(|&&c| outline.node(c).is_some_and(|c| c.kind == NodeKind::Item))
        .count();
    let mut steps = Vec::with_capacity(items);
    for &c in &n.children {
        let Some(child) = outline.node(c) else {
            continue;
        };
        if child.kind != NodeKind::Item {
            continue;
        }
        let seq = child.values.last().copied().unwrap_or(0);
        if let Some(step) = duty_from(outline, c, format!("{id}.s{seq}"), "step", kinds) {
            steps.push(step);
        }
    }
    Some(Duty {
        id,
        number: n.number.clone(),
        label: n.label.as_ref().map(|l| l.written.clone()),
        title: n.text.clone(),
        kind: kind.to_string(),
        line_start: n.line_start,
        line_end: outline.subtree_end(i),
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::duty_kind;

    #[test]
    fn kinds_from_text() {
        assert_eq!(duty_kind("ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย"), "other_assigned");
        assert_eq!(duty_kind("งานอื่นๆ ตามที่ได้รับมอบหมาย"), "other_assigned");
        assert_eq!(
            duty_kind("กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ นางจงกล อรรถอาภรณ์ ปฏิบัติงานแทน"),
            "substitute_clause"
        );
        assert_eq!(duty_kind("งานสารบรรณ"), "duty");
        assert_eq!(
            duty_kind("ปฏิบัติหน้าที่ เลขานุการรองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"),
            "secretary"
        );
        // a work group named after a secretariat is not a secretary duty
        assert_eq!(duty_kind("กลุ่มงานเลขานุการคณะกรรมการเขตพื้นที่การศึกษา"), "duty");
    }
}
