//! The diff as a person reads it: a terminal report and a one-page HTML report.

mod html;
mod text;

pub use html::html;
pub use text::text;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::model::{Change, ChangeKind, Diff, PersonRef, Value};
use super::words;

/// A piece of a reworded text: kept, removed (old only) or inserted (new only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// In both texts.
    Same(String),
    /// In the old text only.
    Removed(String),
    /// In the new text only.
    Inserted(String),
}

impl Piece {
    /// The same piece with `more` appended when it has the same kind as `self`.
    fn merge(&mut self, next: &Piece) -> bool {
        match (self, next) {
            (Piece::Same(a), Piece::Same(b))
            | (Piece::Removed(a), Piece::Removed(b))
            | (Piece::Inserted(a), Piece::Inserted(b)) => {
                a.push_str(b);
                true
            }
            _ => false,
        }
    }
}

/// Word-level difference of two texts (Thai words from the dictionary
/// segmenter, spaces and punctuation as their own pieces); neighbouring
/// words of the same kind come as one piece.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for piece in word_pieces(old, new) {
        if !out.last_mut().is_some_and(|last| last.merge(&piece)) {
            out.push(piece);
        }
    }
    out
}

fn word_pieces(old: &str, new: &str) -> Vec<Piece> {
    let a: Vec<&str> = words::segments(old).iter().map(|s| s.text).collect();
    let b: Vec<&str> = words::segments(new).iter().map(|s| s.text).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let olds = a.get(old_range).unwrap_or_default();
        let news = b.get(new_range).unwrap_or_default();
        match tag {
            DiffTag::Equal => out.extend(olds.iter().map(|s| Piece::Same(s.to_string()))),
            DiffTag::Delete => out.extend(olds.iter().map(|s| Piece::Removed(s.to_string()))),
            DiffTag::Insert => out.extend(news.iter().map(|s| Piece::Inserted(s.to_string()))),
            DiffTag::Replace => {
                out.extend(olds.iter().map(|s| Piece::Removed(s.to_string())));
                out.extend(news.iter().map(|s| Piece::Inserted(s.to_string())));
            }
        }
    }
    out
}

/// Changes grouped as the report shows them: the header, then one group per
/// person (the diff already lists changes person by person).
pub(crate) fn groups(diff: &Diff) -> Vec<(Option<&PersonRef>, Vec<&Change>)> {
    let mut out: Vec<(Option<&PersonRef>, Vec<&Change>)> = Vec::new();
    for c in &diff.changes {
        let who = group_person(c);
        match out.last_mut() {
            Some((last, list)) if same_person(*last, who) => list.push(c),
            _ => out.push((who, vec![c])),
        }
    }
    out
}

fn group_person(c: &Change) -> Option<&PersonRef> {
    if c.kind == ChangeKind::DutyReassigned {
        c.to_person.as_ref()
    } else {
        c.person.as_ref()
    }
}

fn same_person(a: Option<&PersonRef>, b: Option<&PersonRef>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.old_id == b.old_id && a.new_id == b.new_id,
        _ => false,
    }
}

/// A person as a heading: name and ids ("นางธนะพร ใจดี (p4, was p4)").
pub(crate) fn person_heading(p: &PersonRef) -> String {
    match (&p.old_id, &p.new_id) {
        (Some(o), Some(n)) if o == n => format!("{} ({n})", p.full_name),
        (Some(o), Some(n)) => format!("{} ({n}, was {o})", p.full_name),
        (None, Some(n)) => format!("{} ({n}, new)", p.full_name),
        (Some(o), None) => format!("{} (was {o})", p.full_name),
        (None, None) => p.full_name.clone(),
    }
}

/// A value in one line.
pub(crate) fn value_text(v: Option<&Value>) -> String {
    match v {
        None => "—".to_string(),
        Some(Value::Text(t)) => t.clone(),
        Some(Value::List(l)) if l.is_empty() => "(none)".to_string(),
        Some(Value::List(l)) => l.join(", "),
    }
}

/// The summary in words: "3 changes: 1 person_added, 2 duty_reworded".
pub(crate) fn summary_line(diff: &Diff) -> String {
    let parts: Vec<String> = ChangeKind::ALL
        .iter()
        .filter(|k| diff.summary.get(**k) > 0)
        .map(|k| format!("{} {}", diff.summary.get(*k), k.as_str()))
        .collect();
    match diff.summary.total {
        0 => "no changes".to_string(),
        1 => format!("1 change: {}", parts.join(", ")),
        n => format!("{n} changes: {}", parts.join(", ")),
    }
}

/// The duty's numbers as "3.2 → 3.3", "3.2" or "new".
pub(crate) fn numbers(c: &Change) -> String {
    let Some(d) = &c.duty else {
        return String::new();
    };
    match (&d.old_number, &d.new_number) {
        (Some(o), Some(n)) if o == n => n.clone(),
        (Some(o), Some(n)) => format!("{o} → {n}"),
        (None, Some(n)) => n.clone(),
        (Some(o), None) => o.clone(),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_only_the_changed_words() {
        let d = word_diff("จัดทำแผนปฏิบัติการประจำปี", "จัดทำแผนปฏิบัติราชการประจำปี");
        let removed: String = d
            .iter()
            .filter_map(|p| match p {
                Piece::Removed(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        let inserted: String = d
            .iter()
            .filter_map(|p| match p {
                Piece::Inserted(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        assert!(!removed.contains("แผน"), "{d:?}");
        assert!(inserted.contains("ราชการ"), "{d:?}");
        let ins: Vec<&Piece> = d
            .iter()
            .filter(|p| matches!(p, Piece::Inserted(_)))
            .collect();
        assert_eq!(ins.len(), 1, "neighbouring words merge: {d:?}");
    }
}
