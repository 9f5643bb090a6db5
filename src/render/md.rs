//! The order as Markdown: the same view as [`super::render_html`] (header,
//! people with their facts, duties and steps as nested lists, substitutes,
//! committees as tables, diagnostics beside their line), for a wiki, a merge
//! request or a chat.

use super::Lang;
use super::view::{self, Notes, Words};
use crate::diagnostic::Diagnostic;
use crate::model::{Committee, Duty, DutyOrder, Person};

/// The order as Markdown (CommonMark with GFM tables).
pub fn render_md(order: &DutyOrder) -> String {
    render_md_in(order, Lang::Th)
}

/// [`render_md`] with the page's words in `lang` (`--lang en`: English).
pub fn render_md_in(order: &DutyOrder, lang: Lang) -> String {
    let w = Words::of(lang);
    let mut notes = Notes::new(order);
    let mut out = String::with_capacity(16 * 1024);
    let h = &order.header;
    out.push_str(&format!("# {}\n\n", esc(&view::title(order, w))));
    out.push_str(&format!("*{} {}*\n\n", w.view_of, esc(&order.source.path)));
    let issuer = format!(
        "{}{}",
        h.document.as_deref().unwrap_or_default(),
        h.issuer.as_deref().unwrap_or_default()
    );
    let fields = [
        (w.issuer, Some(issuer)),
        (w.unit, h.unit.clone()),
        (w.number, h.order_number.as_ref().map(|n| n.text.clone())),
        (w.subject, h.subject.clone()),
        (w.preamble, h.preamble.clone()),
    ];
    for (name, value) in fields {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            out.push_str(&format!("- **{name}:** {}\n", esc(&v)));
        }
    }
    out.push_str(&format!(
        "\n**{}:** {} {} · {} {} · {} {}\n",
        w.summary,
        order.people.len(),
        w.count_people,
        order.committees.len(),
        w.count_committees,
        order.diagnostics.len(),
        w.count_notes
    ));

    let people = view::listed_people(order);
    if !people.is_empty() {
        out.push_str(&format!(
            "\n## {} ({} {})\n",
            w.people,
            people.len(),
            w.count_people
        ));
        for (group, p) in view::grouped_people(order) {
            if let Some(g) = group {
                out.push_str(&format!("\n### {}\n", esc(g)));
            }
            person(w, p, &mut notes, &mut out);
        }
    }
    if !order.committees.is_empty() {
        out.push_str(&format!(
            "\n## {} ({} {})\n",
            w.committees,
            order.committees.len(),
            w.count_committees
        ));
        for c in &order.committees {
            committee(w, c, &mut notes, &mut out);
        }
    }
    if h.effective.is_some() || h.date.is_some() || h.signed_by.is_some() {
        out.push_str("\n---\n\n");
        if let Some(e) = &h.effective {
            out.push_str(&format!("- **{}:** {}\n", w.effective, esc(e)));
        }
        if let Some(d) = &h.date {
            let iso = d
                .iso
                .as_deref()
                .map(|i| format!(" ({i})"))
                .unwrap_or_default();
            out.push_str(&format!("- **{}:** {}{iso}\n", w.date, esc(&d.text)));
        }
        if let Some(s) = &h.signed_by {
            let mut lines: Vec<String> = s.name.iter().map(|n| format!("({n})")).collect();
            lines.extend(s.position.iter().cloned());
            out.push_str(&format!(
                "- **{}:** {}\n",
                w.signed,
                esc(&lines.join(" / "))
            ));
        }
    }
    let rest = notes.rest();
    if !rest.is_empty() {
        out.push_str(&format!("\n## {}\n\n", w.other_notes));
        for d in rest {
            out.push_str(&format!("- {} {}:{}\n", w.line, d.line, note(w, d)));
        }
    }
    out
}

fn person(w: &Words, p: &Person, notes: &mut Notes<'_>, out: &mut String) {
    let number = p
        .number
        .as_deref()
        .map(|n| format!("{n}. "))
        .unwrap_or_default();
    out.push_str(&format!("\n#### {number}{}", esc(&p.full_name)));
    push_notes(w, notes.take(p.line_start), out);
    out.push_str("\n\n");
    let facts = [
        (w.position, p.position.as_deref()),
        (w.rank, p.rank.as_deref()),
        (w.role, p.role.as_deref()),
        (w.appointed, p.appointed_as.as_deref()),
    ];
    let mut any = false;
    for (name, value) in facts {
        if let Some(v) = value {
            out.push_str(&format!("- *{name}:* {}\n", esc(v)));
            any = true;
        }
    }
    if any {
        out.push('\n');
    }
    duties(w, &p.duties, 0, notes, out);
    if !p.substitutes.is_empty() {
        out.push_str(&format!("\n{}:\n\n", w.substitutes));
        for (k, s) in p.substitutes.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", k + 1, esc(&s.full_name)));
        }
    }
}

/// Duties and steps as nested bullet lists, the number in bold.
fn duties(w: &Words, list: &[Duty], depth: usize, notes: &mut Notes<'_>, out: &mut String) {
    for d in list {
        out.push_str(&"  ".repeat(depth));
        out.push('-');
        let number = view::shown_number(d);
        if !number.is_empty() {
            out.push_str(&format!(" **{}**", esc(&number)));
        }
        if let Some(label) = view::written_if_corrected(d) {
            out.push_str(&format!(" *({} {})*", w.written, esc(label)));
        }
        out.push_str(&format!(" {}", esc(&d.title)));
        if let Some(k) = w.kind(d.kind) {
            out.push_str(&format!(" `{k}`"));
        }
        push_notes(w, notes.take(d.line_start), out);
        out.push('\n');
        duties(w, &d.steps, depth + 1, notes, out);
    }
}

fn committee(w: &Words, c: &Committee, notes: &mut Notes<'_>, out: &mut String) {
    let number = c
        .number
        .as_deref()
        .map(|n| format!("{n}. "))
        .unwrap_or_default();
    out.push_str(&format!("\n### {number}{}\n\n", esc(&c.name)));
    if !c.members.is_empty() {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
            w.col_no, w.col_name, w.position, w.col_role, w.col_group
        ));
        for (k, m) in c.members.iter().enumerate() {
            let name = m
                .full_name
                .as_deref()
                .map_or_else(|| w.seat.to_string(), esc);
            let role = m
                .role
                .clone()
                .or_else(|| m.role_kind.map(|r| w.role(r).to_string()))
                .unwrap_or_default();
            let mut row_notes = String::new();
            push_notes(w, notes.take(m.line_start), &mut row_notes);
            out.push_str(&format!(
                "| {} | {name}{row_notes} | {} | {} | {} |\n",
                k + 1,
                esc(m.position.as_deref().unwrap_or_default()),
                esc(&role),
                esc(m.group.as_deref().unwrap_or_default())
            ));
        }
    }
    if !c.duties.is_empty() {
        out.push_str(&format!("\n{}:\n\n", w.duties));
        duties(w, &c.duties, 0, notes, out);
    }
}

fn push_notes(w: &Words, list: Vec<&Diagnostic>, out: &mut String) {
    for d in list {
        out.push_str(&note(w, d));
    }
}

/// A diagnostic as ` ⚠ แก้เลขข้อ 4.2.2 → 4.1.2`.
fn note(w: &Words, d: &Diagnostic) -> String {
    let mut text = format!(" ⚠ {}", w.code(d.code));
    if let (Some(l), Some(n)) = (&d.label, &d.number) {
        text.push_str(&format!(" {} → {}", esc(l), esc(n)));
    }
    text
}

/// Text with Markdown's special characters escaped (and `|` for tables).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
