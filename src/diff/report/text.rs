//! The terminal report: grouped by person, one line per change.

use std::fmt::Write;

use super::{Piece, groups, numbers, person_heading, summary_line, value_text, word_diff};
use crate::diff::model::{Change, ChangeKind, Diff};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The diff as text. With `colour`, additions are green, removals red and
/// other changes yellow, and reworded titles show their changed words.
pub fn text(diff: &Diff, colour: bool) -> String {
    let paint = |code: &str, s: &str| {
        if colour {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", diff.old.path, diff.new.path);
    let _ = writeln!(out, "{}", summary_line(diff));
    for (person, changes) in groups(diff) {
        let heading = person.map_or_else(|| "Header".to_string(), person_heading);
        let _ = writeln!(out, "\n{}", paint(BOLD, &heading));
        for c in changes {
            let (mark, code) = match c.kind {
                ChangeKind::PersonAdded | ChangeKind::DutyAdded => ("+", GREEN),
                ChangeKind::PersonRemoved | ChangeKind::DutyRemoved => ("-", RED),
                _ => ("~", YELLOW),
            };
            let line = format!("  {mark} {}", describe(c));
            let _ = writeln!(out, "{}", paint(code, &line));
            if c.kind == ChangeKind::DutyReworded && colour {
                let _ = writeln!(out, "      {}", highlighted(c, false));
                let _ = writeln!(out, "      {}", highlighted(c, true));
            }
        }
    }
    out
}

/// One change in words.
fn describe(c: &Change) -> String {
    let old = value_text(c.old.as_ref());
    let new = value_text(c.new.as_ref());
    let title = c
        .duty
        .as_ref()
        .map(|d| d.title.as_str())
        .unwrap_or_default();
    let nums = numbers(c);
    let name = |p: &Option<crate::diff::PersonRef>| {
        p.as_ref().map(|p| p.full_name.clone()).unwrap_or_default()
    };
    match c.kind {
        ChangeKind::HeaderChanged => {
            format!("{}: {old} → {new}", c.field.as_deref().unwrap_or("header"))
        }
        ChangeKind::PersonAdded => "joined".to_string(),
        ChangeKind::PersonRemoved => "left".to_string(),
        ChangeKind::PersonRenamed => format!("renamed: {old} → {new}"),
        ChangeKind::PositionChanged => format!("position: {old} → {new}"),
        ChangeKind::RankChanged => format!("rank: {old} → {new}"),
        ChangeKind::RoleChanged => format!("role: {old} → {new}"),
        ChangeKind::WorkGroupChanged => format!("work group: {old} → {new}"),
        ChangeKind::SubstitutesChanged => format!("substitutes: {old} → {new}"),
        ChangeKind::DutyAdded => format!("duty {nums} added: {title}"),
        ChangeKind::DutyRemoved => format!("duty {nums} removed: {title}"),
        ChangeKind::DutyReassigned => format!("duty {nums} from {}: {title}", name(&c.from_person)),
        ChangeKind::DutyReworded => format!("duty {nums} reworded: {old} → {new}"),
        ChangeKind::DutyRenumbered => format!("duty renumbered {old} → {new}: {title}"),
        ChangeKind::StepsChanged => {
            format!("duty {nums} steps changed ({title}): removed: {old}; added: {new}")
        }
    }
}

/// The old (or new) title with removed (or inserted) words in colour.
fn highlighted(c: &Change, new_side: bool) -> String {
    let old = value_text(c.old.as_ref());
    let new = value_text(c.new.as_ref());
    let mut s = String::from(if new_side { "new: " } else { "old: " });
    for piece in word_diff(&old, &new) {
        match piece {
            Piece::Same(t) => s.push_str(&t),
            Piece::Removed(t) if !new_side => {
                let _ = write!(s, "{RED}{t}{RESET}");
            }
            Piece::Inserted(t) if new_side => {
                let _ = write!(s, "{GREEN}{t}{RESET}");
            }
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_when_asked() {
        let old = crate::parse_str(
            "old.txt",
            "1. นายสมศักดิ์  รักงาน ตำแหน่ง ครู\n   1.1 งานจัดทำแผนปฏิบัติการประจำปี\n",
        )
        .unwrap();
        let new = crate::parse_str(
            "new.txt",
            "1. นายสมศักดิ์  รักงาน ตำแหน่ง ครู\n   1.1 งานจัดทำแผนปฏิบัติราชการประจำปี\n   1.2 งานสารบรรณ\n",
        )
        .unwrap();
        let d = crate::diff(&old, &new);
        let plain = text(&d, false);
        assert!(!plain.contains('\x1b'));
        assert!(
            plain.contains("  + duty 1.2 added: งานสารบรรณ\n"),
            "{plain}"
        );
        let coloured = text(&d, true);
        assert!(coloured.contains(&format!("{GREEN}  + duty 1.2 added: งานสารบรรณ{RESET}")));
        // the reworded title shows its new word in green
        assert!(
            coloured.contains(&format!("{GREEN}ราชการ{RESET}")),
            "{coloured}"
        );
    }
}
