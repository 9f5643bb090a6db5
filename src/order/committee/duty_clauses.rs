//! Duties of committees: duty intros (`มีหน้าที่ ดังนี้`), duties written inline,
//! and clauses that give a committee found earlier its duties
//! (`ให้คณะกรรมการตามข้อ ๒ มีอำนาจหน้าที่ ดังนี้`).

use super::bodies::{body_candidates, body_start, is_acronym_name};
use super::names::starts_with_name;
use super::reader::{Draft, Reader, info};
use super::roles::{role_at_end, role_clauses};
use super::text::clean;
use super::vocabulary::{COMMITTEE_WORDS, DUTY_CLAUSE_OPENERS, DUTY_FILLERS, DUTY_INTROS};
use crate::diagnostic::Code;
use crate::model::Duty;
use crate::order::duties;
use crate::outline::{NodeKind, ParaKind};
use crate::thai::digits::leading_number;
use crate::thai::find::{contains, find_all};
use crate::thai::lexicon::find_first;

impl Reader<'_> {
    /// A duty (with its steps) from item `c`.
    pub(super) fn duty_item(&mut self, d: &mut Draft, c: usize) {
        let Some(node) = self.outline.node(c) else {
            return;
        };
        let kind = duties::duty_kind(&node.text);
        let id = d.duty_id(node.values.last().copied());
        let mut kinds = Vec::new();
        if let Some(duty) = duties::duty_from(self.outline, c, id, kind, &mut kinds) {
            d.duties.push(duty);
        }
        for &(k, _) in &kinds {
            d.consumed.push(k);
        }
        d.kinds.extend(kinds);
    }

    /// `ให้คณะกรรมการตามข้อ ๒ มีอำนาจหน้าที่ ดังนี้ (๑)…`: duties of a committee
    /// found earlier. True when the node was taken.
    pub(super) fn try_duty_clause(&mut self, i: usize) -> bool {
        let Some(n) = self.outline.node(i) else {
            return false;
        };
        if !matches!(n.kind, NodeKind::Item | NodeKind::Paragraph(ParaKind::Text))
            || self.out.committees.is_empty()
        {
            return false;
        }
        if !contains(&n.text, "หน้าที่") {
            return false;
        }
        let text = clean(&n.text);
        if starts_with_name(&text) {
            return false;
        }
        let Some((p, word)) = find_first(&text, &["มีอำนาจหน้าที่", "มีหน้าที่"])
        else {
            return false;
        };
        let before = text.get(..p).unwrap_or("");
        let rest = strip_fillers(text.get(p + word.len()..).unwrap_or(""));
        let items: Vec<usize> = self.outline.item_children(i);
        if items.is_empty() && rest.is_empty() {
            return false;
        }
        if body_start(before).is_none()
            && !self
                .out
                .committees
                .iter()
                .any(|c| before.contains(c.name.as_str()))
        {
            return false;
        }
        // a clause about the committee (`ให้คณะกรรมการ… มีหน้าที่`, `คณะกรรมการ
        // ตามข้อ ๑ มีหน้าที่`), not a person's duty that mentions one
        let about_committee = DUTY_CLAUSE_OPENERS.iter().any(|o| before.starts_with(o))
            || body_candidates(before).first() == Some(&0);
        if !about_committee {
            return false;
        }
        let Some(target) = self.duty_target(before) else {
            self.out.diagnostics.push(info(
                Code::CommitteeUnresolved,
                n.line_start,
                format!("cannot tell which committee these duties belong to: \"{before}\""),
            ));
            return false;
        };
        let Some(c) = self.out.committees.get(target) else {
            return false;
        };
        let mut d = Draft::new(c.id.clone());
        d.used_seqs = c
            .duties
            .iter()
            .filter_map(|x| x.id.rsplit(".d").next()?.parse().ok())
            .collect();
        if !rest.is_empty() {
            let id = d.duty_id(None);
            d.duties
                .push(inline_duty(id, &rest, n.line_start, n.line_end));
        }
        for c in items {
            if !self.consumed(c) {
                self.duty_item(&mut d, c);
            }
        }
        self.mark(i);
        for c in std::mem::take(&mut d.consumed) {
            self.mark(c);
        }
        self.out.kinds.extend(d.kinds);
        if let Some(c) = self.out.committees.get_mut(target) {
            c.duties.extend(d.duties);
        }
        true
    }

    /// Which committee a clause refers to: `ตามข้อ N`, its name, or the last one.
    fn duty_target(&self, text: &str) -> Option<usize> {
        for (p, w) in text.match_indices("ข้อ") {
            let after = text.get(p + w.len()..).unwrap_or("").trim_start();
            if let Some(num) = leading_number(after) {
                let want = num.value.to_string();
                return self
                    .out
                    .committees
                    .iter()
                    .position(|c| c.number.as_deref() == Some(want.as_str()));
            }
        }
        let by_name = self
            .out
            .committees
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.name.chars().count() > "คณะกรรมการ".chars().count() || is_acronym_name(&c.name)
            })
            .filter(|(_, c)| text.contains(c.name.as_str()))
            .max_by_key(|(k, c)| (c.name.len(), *k))
            .map(|(k, _)| k);
        if by_name.is_some() {
            return by_name;
        }
        find_first(text, COMMITTEE_WORDS).and_then(|_| self.out.committees.len().checked_sub(1))
    }
}

/// A duty written in running text (no item of its own).
pub(crate) fn inline_duty(id: String, title: &str, line_start: u32, line_end: u32) -> Duty {
    Duty {
        id,
        number: None,
        label: None,
        title: title.into(),
        kind: duties::duty_kind(title),
        label_form: None,
        node: None,
        line_start,
        line_end,
        steps: Vec::new(),
    }
}

/// Duties written inline after a person's name and post (`นายก ข
/// รองผู้อำนวยการ… มีหน้าที่กำกับ ดูแล กลุ่ม…`); `None` when there are none or
/// only `ดังนี้` (the duties are the items under it).
pub(crate) fn person_duty_text(text: &str) -> Option<String> {
    let (p, w) = find_first(text, &["มีหน้าที่", "ทำหน้าที่"])?;
    let rest = strip_fillers(text.get(p + w.len()..).unwrap_or(""));
    (!rest.is_empty()).then_some(rest)
}

/// Duties written inline in a committee's intro after its name
/// (`คณะกรรมการฝ่ายสถานที่ มีหน้าที่ จัดเตรียมสถานที่`); `None` when there are
/// none or only `ดังนี้`.
pub(super) fn intro_duty_text(intro: &str) -> Option<String> {
    let (p, w) = find_first(intro, &["มีอำนาจหน้าที่", "มีหน้าที่"])?;
    let rest = strip_fillers(intro.get(p + w.len()..).unwrap_or(""));
    (!rest.is_empty() && !contains(&rest, "ประกอบด้วย")).then_some(rest)
}

/// Text after a duty intro without `และความรับผิดชอบ`, `ดังนี้`, `:`.
pub(super) fn strip_fillers(s: &str) -> String {
    let mut s = s.trim();
    loop {
        let before = s.len();
        for f in DUTY_FILLERS {
            s = s.strip_prefix(f).unwrap_or(s).trim_start();
        }
        if s.len() == before {
            break;
        }
    }
    s.trim().to_string()
}

/// `มีหน้าที่ ดังนี้` / `หน้าที่ จัดเตรียมสถานที่` / `ให้คณะกรรมการมีหน้าที่ ดังนี้`:
/// the inline duty text after the intro (maybe empty), or `None` when the text
/// is no duty intro.
pub(super) fn duty_intro(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(w) = DUTY_INTROS.iter().find(|w| t.starts_with(*w)) {
        let rest = t.get(w.len()..).unwrap_or("");
        // `หน้าที่` must stand alone, not start a longer word
        if *w == "หน้าที่"
            && !(rest.is_empty()
                || rest.starts_with([' ', ':'])
                || DUTY_FILLERS.iter().any(|f| rest.starts_with(f)))
        {
            return None;
        }
        return Some(strip_fillers(rest));
    }
    let opener = DUTY_CLAUSE_OPENERS.iter().any(|o| t.starts_with(o));
    if opener
        && let Some((p, w)) = find_first(t, &["มีอำนาจหน้าที่", "มีหน้าที่"])
        && role_clauses(t.get(..p).unwrap_or("")).is_empty()
        && body_start(t.get(..p).unwrap_or("")).is_some()
    {
        return Some(strip_fillers(t.get(p + w.len()..).unwrap_or("")));
    }
    None
}

/// The start of a duty intro glued onto a member line after its role
/// (`… กรรมการและเลขานุการมีหน้าที่ ดังนี้`).
pub(super) fn duty_tail_start(text: &str) -> Option<usize> {
    let mut best: Option<usize> = None;
    for w in ["มีอำนาจหน้าที่", "มีหน้าที่", "หน้าที่"]
    {
        for p in find_all(text, w) {
            let head = text.get(..p).unwrap_or("").trim_end();
            // (`… ครูผู้ช่วย เป็นกรรมการและเลขานุการมีหน้าที่ …`: the role
            // after the verb เป็น ends the member's text too)
            let role_clause_ends = || {
                role_clauses(head)
                    .last()
                    .is_some_and(|&(be, _, end)| be > 0 && end == head.len())
            };
            if !head.is_empty()
                && (role_at_end(head).is_some_and(|(s, _)| s > 0 || head.len() < text.len())
                    || role_clause_ends())
            {
                best = Some(best.map_or(p, |b: usize| b.min(p)));
                break;
            }
        }
    }
    best
}
