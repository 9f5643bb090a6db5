//! The HTML report: one self-contained page (no scripts, no external assets).

use std::fmt::Write;

use super::{Piece, groups, numbers, person_heading, summary_line, value_text, word_diff};
use crate::diff::model::{Change, ChangeKind, Diff, Value};

const STYLE: &str = r#"
:root { font-family: "Sarabun", "TH Sarabun New", "Noto Sans Thai", "Noto Sans Thai UI",
  "Leelawadee UI", "Leelawadee", "Tahoma", "Loma", "Garuda", sans-serif; line-height: 1.6; }
body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.files { color: #555; margin-top: 0; }
.summary { border-collapse: collapse; margin: 1rem 0 2rem; }
.summary td, .summary th { border: 1px solid #ccc; padding: .2rem .6rem; text-align: left; }
.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
section { margin: 1.5rem 0; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; }
table.changes { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.changes th, table.changes td { border: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; }
table.changes th { background: #f4f4f4; text-align: left; }
table.changes col.kind { width: 14rem; }
tr.added td.new, tr.added td.kind { background: #e9f7ec; }
tr.removed td.old, tr.removed td.kind { background: #fbeaea; }
del { background: #f7c6c6; text-decoration: line-through; }
ins { background: #bfe8c8; text-decoration: none; }
.match { color: #777; font-size: .85em; }
ul { margin: 0; padding-left: 0; list-style: none; }
"#;

/// The diff as one HTML page.
pub fn html(diff: &Diff) -> String {
    let mut out = String::with_capacity(8192 + diff.changes.len() * 512);
    out.push_str("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>kamsang diff: {} → {}</title>",
        esc(&diff.old.path),
        esc(&diff.new.path)
    );
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    out.push_str("<h1>What changed</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"files\">{} → {}</p>",
        esc(&diff.old.path),
        esc(&diff.new.path)
    );
    let _ = writeln!(
        out,
        "<p id=\"summary-line\">{}</p>",
        esc(&summary_line(diff))
    );
    out.push_str(
        "<table class=\"summary\" id=\"summary\"><tr><th>change</th><th>count</th></tr>\n",
    );
    for kind in ChangeKind::ALL {
        let n = diff.summary.get(kind);
        if n > 0 {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{n}</td></tr>",
                kind.as_str()
            );
        }
    }
    out.push_str("</table>\n");
    for (person, changes) in groups(diff) {
        let heading = person.map_or_else(|| "Header".to_string(), person_heading);
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(&heading));
        out.push_str(
            "<table class=\"changes\"><colgroup><col class=\"kind\"><col><col></colgroup>\n",
        );
        out.push_str("<tr><th>change</th><th>old</th><th>new</th></tr>\n");
        for c in changes {
            row(&mut out, c);
        }
        out.push_str("</table>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn row(out: &mut String, c: &Change) {
    let class = match c.kind {
        ChangeKind::PersonAdded | ChangeKind::DutyAdded => "added",
        ChangeKind::PersonRemoved | ChangeKind::DutyRemoved => "removed",
        _ => "changed",
    };
    let mut label = c.kind.as_str().to_string();
    if let Some(field) = &c.field {
        let _ = write!(label, " ({field})");
    }
    let nums = numbers(c);
    if !nums.is_empty() {
        let _ = write!(label, " {nums}");
    }
    let (old, new) = cells(c);
    let how = c
        .matched
        .as_ref()
        .map(|m| {
            format!(
                "<br><span class=\"match\">{} {}</span>",
                esc(&m.method),
                m.score
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<tr class=\"{class}\"><td class=\"kind\">{}{how}</td><td class=\"old\">{old}</td><td class=\"new\">{new}</td></tr>",
        esc(&label)
    );
}

/// The old and new cells of a change, escaped.
fn cells(c: &Change) -> (String, String) {
    let title = c.duty.as_ref().map(|d| esc(&d.title)).unwrap_or_default();
    let name = |p: &Option<crate::diff::PersonRef>| {
        p.as_ref().map(|p| esc(&p.full_name)).unwrap_or_default()
    };
    match c.kind {
        ChangeKind::PersonAdded => (String::new(), name(&c.person)),
        ChangeKind::PersonRemoved => (name(&c.person), String::new()),
        ChangeKind::DutyAdded => (String::new(), title),
        ChangeKind::DutyRemoved => (title, String::new()),
        ChangeKind::DutyReassigned => (
            format!("{}<br>{title}", name(&c.from_person)),
            format!("{}<br>{title}", name(&c.to_person)),
        ),
        ChangeKind::DutyReworded => {
            let (old, new) = (value_text(c.old.as_ref()), value_text(c.new.as_ref()));
            let (mut o, mut n) = (String::new(), String::new());
            for piece in word_diff(&old, &new) {
                match piece {
                    Piece::Same(t) => {
                        o.push_str(&esc(&t));
                        n.push_str(&esc(&t));
                    }
                    Piece::Removed(t) => {
                        let _ = write!(o, "<del>{}</del>", esc(&t));
                    }
                    Piece::Inserted(t) => {
                        let _ = write!(n, "<ins>{}</ins>", esc(&t));
                    }
                }
            }
            (o, n)
        }
        ChangeKind::DutyRenumbered => (
            format!("{}<br>{title}", value_html(c.old.as_ref())),
            format!("{}<br>{title}", value_html(c.new.as_ref())),
        ),
        _ => (value_html(c.old.as_ref()), value_html(c.new.as_ref())),
    }
}

fn value_html(v: Option<&Value>) -> String {
    match v {
        Some(Value::List(items)) if !items.is_empty() => {
            let mut s = String::from("<ul>");
            for i in items {
                let _ = write!(s, "<li>{}</li>", esc(i));
            }
            s.push_str("</ul>");
            s
        }
        other => esc(&value_text(other)),
    }
}

/// Text made safe for HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
