//! The terminal report: the two orders by number, a summary, then a block
//! per person (or committee), one line per change.

use std::fmt::Write;

use super::lang::Lang;
use super::view::{Line, Span, Tone, order_name, sections, summary, title};
use crate::diff::model::Diff;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The diff as text, in `lang`. With `colour`, additions are green, removals
/// red and other changes yellow, and changed words are coloured; without,
/// changed words are marked as `git diff --word-diff` does: `[-old-]{+new+}`.
pub fn text(diff: &Diff, lang: Lang, colour: bool) -> String {
    let w = lang.words();
    let paint = |code: &str, s: &str| {
        if colour {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let (old, new) = title(diff, lang);
    let _ = writeln!(
        out,
        "{}",
        paint(BOLD, &format!("{}: {old} → {new}", w.heading))
    );
    if let Some(subject) = diff
        .new_order
        .subject
        .as_ref()
        .or(diff.old_order.subject.as_ref())
    {
        let _ = writeln!(out, "{} {subject}", w.subject);
    }
    let counts = summary(diff, lang);
    if counts.is_empty() {
        let _ = writeln!(out, "{}", w.no_changes);
    } else {
        let parts: Vec<String> = counts
            .iter()
            .map(|(_, label, n)| format!("{label} {n}"))
            .collect();
        let _ = writeln!(
            out,
            "{} {}: {}",
            w.total,
            diff.summary.total,
            parts.join(", ")
        );
    }
    for s in sections(diff, lang) {
        let badge = s.badge.map(|b| format!(" [{b}]")).unwrap_or_default();
        let _ = writeln!(out, "\n{}", paint(BOLD, &format!("{}{badge}", s.title)));
        for (i, l) in s.lines.iter().enumerate() {
            // a leaver: the line saying so, then their duties
            if s.leaver && i == 1 {
                let _ = writeln!(out, "  {}:", w.leaver_duties);
            }
            write_line(&mut out, l, colour);
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {} ({}) → {} ({})",
        w.sources,
        diff.old.path,
        order_name(&diff.old_order, lang),
        diff.new.path,
        order_name(&diff.new_order, lang)
    );
    out
}

fn write_line(out: &mut String, l: &Line, colour: bool) {
    let (mark, code) = match l.tone {
        Tone::Added => ("+", GREEN),
        Tone::Removed => ("-", RED),
        Tone::Changed => ("~", YELLOW),
    };
    let body = spans(&l.body, colour);
    let head = format!("  {mark} {}", l.label);
    let sep = if body.is_empty() { "" } else { ": " };
    if colour {
        let _ = writeln!(out, "{code}{head}{RESET}{sep}{body}");
    } else {
        let _ = writeln!(out, "{head}{sep}{body}");
    }
    for (label, detail) in &l.detail {
        let _ = writeln!(out, "      {label}: {}", spans(detail, colour));
    }
}

fn spans(list: &[Span], colour: bool) -> String {
    let mut s = String::new();
    for span in list {
        match (span, colour) {
            (Span::Plain(t) | Span::Name(t), _) => s.push_str(t),
            (Span::Ins(t), true) => {
                let _ = write!(s, "{GREEN}{t}{RESET}");
            }
            (Span::Del(t), true) => {
                let _ = write!(s, "{RED}{t}{RESET}");
            }
            (Span::Ins(t), false) => {
                let _ = write!(s, "{{+{t}+}}");
            }
            (Span::Del(t), false) => {
                let _ = write!(s, "[-{t}-]");
            }
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
        let plain = text(&d, Lang::En, false);
        assert!(!plain.contains('\x1b'));
        assert!(
            plain.contains("  + duty added item 1.2: {+งานสารบรรณ+}\n"),
            "{plain}"
        );
        let thai = text(&d, Lang::Th, false);
        assert!(
            thai.contains("  + งานใหม่ ข้อ 1.2: {+งานสารบรรณ+}\n"),
            "{thai}"
        );
        let coloured = text(&d, Lang::En, true);
        assert!(coloured.contains(&format!("{GREEN}  + duty added item 1.2{RESET}")));
        // the reworded title shows its new word in green
        assert!(
            coloured.contains(&format!("{GREEN}ราชการ{RESET}")),
            "{coloured}"
        );
    }
}
