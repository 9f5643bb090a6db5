//! The order as one self-contained HTML page, in Thai: how a user checks what
//! kamsang understood before importing the JSON.
//!
//! The page has no script and refers to nothing outside itself (fonts are the
//! Thai fonts the reader has: TH Sarabun, Sarabun, Laksaman, Garuda …). It
//! shows the header block; each person with position, rank, role and work
//! group, their duties and steps as nested lists with the corrected numbers
//! (and the label as written when it was corrected); the substitutes in
//! order; each committee with a table of its members (name or seat,
//! position, role, group) and its duties; each diagnostic beside the line it
//! concerns, the rest at the end; then the effective clause, date and
//! signature. A print stylesheet sets A4 pages.

use super::Lang;
use super::view::{self, Notes, Words};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Committee, Duty, DutyOrder, Person};

/// The page's style: screen and print (A4).
const STYLE: &str = r#"
:root { --ink: #1b1b1b; --muted: #5b6470; --rule: #d7dbe0; --warn: #8a5300; --warnbg: #fff4e0; --info: #24527a; --infobg: #eaf2fb; --err: #9b1c1c; --errbg: #fdeaea; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f6f7f9; font-family: "TH SarabunPSK", "TH Sarabun New", Sarabun, Laksaman, Garuda, Loma, "Noto Sans Thai", sans-serif; font-size: 18px; line-height: 1.5; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff; }
h1 { font-size: 1.6rem; margin: .2rem 0 .6rem; line-height: 1.3; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin: 2rem 0 .8rem; }
h3.group { font-size: 1.15rem; color: var(--muted); margin: 1.4rem 0 .4rem; }
.view-of { color: var(--muted); margin: 0; font-size: .9rem; }
dl.header, dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .4rem 0; }
dl.header dt, dl.facts dt { color: var(--muted); }
dl.header dd, dl.facts dd { margin: 0; }
.summary { background: #f0f2f5; padding: .4rem .8rem; border-radius: 4px; }
article.person, article.committee { border-top: 1px solid var(--rule); padding: .6rem 0 .4rem; }
article h4, article h3 { margin: .2rem 0; font-size: 1.2rem; }
.num { font-weight: bold; margin-right: .4rem; font-variant-numeric: tabular-nums; }
.written { font-size: .8rem; color: var(--warn); background: var(--warnbg); border-radius: 3px; padding: 0 .3rem; margin-right: .4rem; }
.kind { font-size: .8rem; color: var(--info); background: var(--infobg); border-radius: 3px; padding: 0 .3rem; margin-left: .4rem; }
ol.duties, ol.steps, ol.subs { list-style: none; margin: .2rem 0; padding-left: 1.6rem; }
ol.duties { padding-left: .8rem; }
li { margin: .1rem 0; }
.subs-head { margin: .4rem 0 0 .8rem; color: var(--muted); }
.note { display: inline-block; font-size: .8rem; border-radius: 3px; padding: 0 .35rem; margin-left: .4rem; }
.note.warning { color: var(--warn); background: var(--warnbg); }
.note.info { color: var(--info); background: var(--infobg); }
.note.error { color: var(--err); background: var(--errbg); }
table.members { border-collapse: collapse; width: 100%; margin: .4rem 0; }
table.members th, table.members td { border: 1px solid var(--rule); padding: .15rem .5rem; text-align: left; vertical-align: top; }
table.members th { background: #f0f2f5; font-weight: normal; color: var(--muted); }
.seat { color: var(--muted); font-style: italic; }
footer.closing { margin-top: 2rem; border-top: 2px solid var(--rule); padding-top: .6rem; }
footer.closing .sign { text-align: center; margin-top: 1rem; }
@page { size: A4; margin: 18mm 16mm 18mm 22mm; }
@media print {
  body { background: #fff; font-size: 14pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  article h4, article h3, h3.group { break-after: avoid; }
  li, tr { break-inside: avoid; }
  .note, .written, .kind { border: 1px solid currentColor; background: none; }
}
"#;

/// The order as one HTML page (UTF-8, `lang="th"`).
pub fn render_html(order: &DutyOrder) -> String {
    render_html_in(order, Lang::Th)
}

/// [`render_html`] with the page's words in `lang` (`--lang en`: English).
pub fn render_html_in(order: &DutyOrder, lang: Lang) -> String {
    let w = Words::of(lang);
    let mut notes = Notes::new(order);
    let mut out = String::with_capacity(16 * 1024);
    let title = view::title(order, w);
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(w.lang);
    out.push_str(
        "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"kamsang\">\n",
    );
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    out.push_str(&esc(&title));
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    header(w, order, &title, &mut out);

    let people = view::listed_people(order);
    if !people.is_empty() {
        out.push_str(&format!(
            "<section id=\"people\">\n<h2>{} ({} {})</h2>\n",
            w.people,
            people.len(),
            w.count_people
        ));
        for (group, p) in view::grouped_people(order) {
            if let Some(g) = group {
                out.push_str(&format!("<h3 class=\"group\">{}</h3>\n", esc(g)));
            }
            person(w, p, &mut notes, &mut out);
        }
        out.push_str("</section>\n");
    }
    if !order.committees.is_empty() {
        out.push_str(&format!(
            "<section id=\"committees\">\n<h2>{} ({} {})</h2>\n",
            w.committees,
            order.committees.len(),
            w.count_committees
        ));
        for c in &order.committees {
            committee(w, c, &mut notes, &mut out);
        }
        out.push_str("</section>\n");
    }
    closing(w, order, &mut notes, &mut out);
    let rest = notes.rest();
    if !rest.is_empty() {
        out.push_str(&format!(
            "<section id=\"notes\">\n<h2>{}</h2>\n<ul>\n",
            w.other_notes
        ));
        for d in rest {
            out.push_str(&format!("<li>{} {}{}</li>\n", w.line, d.line, note(w, d)));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The title, the header fields and the summary line.
fn header(w: &Words, order: &DutyOrder, title: &str, out: &mut String) {
    let h = &order.header;
    out.push_str("<header>\n");
    out.push_str(&format!(
        "<p class=\"view-of\">{} {}</p>\n<h1>{}</h1>\n<dl class=\"header\">\n",
        w.view_of,
        esc(&order.source.path),
        esc(title)
    ));
    let issuer = match (h.document.as_deref(), h.issuer.as_deref()) {
        (Some(d), Some(i)) => Some(format!("{d}{i}")),
        (None, Some(i)) => Some(i.to_string()),
        (Some(d), None) => Some(d.to_string()),
        (None, None) => None,
    };
    let fields = [
        (w.issuer, issuer),
        (w.unit, h.unit.clone()),
        (w.number, h.order_number.as_ref().map(|n| n.text.clone())),
        (w.subject, h.subject.clone()),
        (w.preamble, h.preamble.clone()),
    ];
    for (name, value) in fields {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            out.push_str(&format!("<dt>{name}</dt><dd>{}</dd>\n", esc(&v)));
        }
    }
    out.push_str("</dl>\n");
    out.push_str(&format!(
        "<p class=\"summary\" id=\"summary\">{}: {} {} · {} {} · {} {}</p>\n</header>\n",
        w.summary,
        order.people.len(),
        w.count_people,
        order.committees.len(),
        w.count_committees,
        order.diagnostics.len(),
        w.count_notes
    ));
}

/// One person: name, facts, duties, substitutes.
fn person(w: &Words, p: &Person, notes: &mut Notes<'_>, out: &mut String) {
    out.push_str(&format!(
        "<article class=\"person\" id=\"{}\">\n<h4>",
        esc(&p.id)
    ));
    if let Some(n) = &p.number {
        out.push_str(&format!("<span class=\"num\">{}.</span>", esc(n)));
    }
    out.push_str(&format!(
        "<span class=\"name\">{}</span>",
        esc(&p.full_name)
    ));
    push_notes(w, notes.take(p.line_start), out);
    out.push_str("</h4>\n");
    let facts = [
        (w.position, p.position.as_deref()),
        (w.rank, p.rank.as_deref()),
        (w.role, p.role.as_deref()),
        (w.appointed, p.appointed_as.as_deref()),
    ];
    if facts.iter().any(|(_, v)| v.is_some()) {
        out.push_str("<dl class=\"facts\">\n");
        for (name, value) in facts {
            if let Some(v) = value {
                out.push_str(&format!("<dt>{name}</dt><dd>{}</dd>\n", esc(v)));
            }
        }
        out.push_str("</dl>\n");
    }
    duties(w, &p.duties, "duties", notes, out);
    if !p.substitutes.is_empty() {
        out.push_str(&format!(
            "<p class=\"subs-head\">{}</p>\n<ol class=\"subs\">\n",
            w.substitutes
        ));
        for (k, s) in p.substitutes.iter().enumerate() {
            out.push_str(&format!(
                "<li><span class=\"num\">{}.</span>{}</li>\n",
                k + 1,
                esc(&s.full_name)
            ));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</article>\n");
}

/// Duties or steps as a list, nested.
fn duties(w: &Words, list: &[Duty], class: &str, notes: &mut Notes<'_>, out: &mut String) {
    if list.is_empty() {
        return;
    }
    out.push_str(&format!("<ol class=\"{class}\">\n"));
    for d in list {
        out.push_str(&format!(
            "<li class=\"{}\" id=\"{}\">",
            esc(d.kind.as_str()),
            esc(&d.id)
        ));
        let number = view::shown_number(d);
        if !number.is_empty() {
            out.push_str(&format!("<span class=\"num\">{}</span>", esc(&number)));
        }
        if let Some(label) = view::written_if_corrected(d) {
            out.push_str(&format!(
                "<span class=\"written\">{} {}</span>",
                w.written,
                esc(label)
            ));
        }
        out.push_str(&format!("<span class=\"title\">{}</span>", esc(&d.title)));
        if let Some(k) = w.kind(d.kind) {
            out.push_str(&format!("<span class=\"kind\">{k}</span>"));
        }
        push_notes(w, notes.take(d.line_start), out);
        out.push('\n');
        duties(w, &d.steps, "steps", notes, out);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

/// One committee: name, members' table, duties.
fn committee(w: &Words, c: &Committee, notes: &mut Notes<'_>, out: &mut String) {
    out.push_str(&format!(
        "<article class=\"committee\" id=\"{}\">\n<h3>",
        esc(&c.id)
    ));
    if let Some(n) = &c.number {
        out.push_str(&format!("<span class=\"num\">{}.</span>", esc(n)));
    }
    out.push_str(&format!(
        "<span class=\"name\">{}</span></h3>\n",
        esc(&c.name)
    ));
    if !c.members.is_empty() {
        out.push_str(&format!(
            "<table class=\"members\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            w.col_no,
            w.col_name,
            w.position,
            w.col_role,
            w.col_group
        ));
        for (k, m) in c.members.iter().enumerate() {
            let name = match &m.full_name {
                Some(n) => format!("<span class=\"name\">{}</span>", esc(n)),
                None => format!("<span class=\"seat\">{}</span>", w.seat),
            };
            let role = m
                .role
                .clone()
                .or_else(|| m.role_kind.map(|r| w.role(r).to_string()))
                .unwrap_or_default();
            let mut row_notes = String::new();
            push_notes(w, notes.take(m.line_start), &mut row_notes);
            out.push_str(&format!(
                "<tr><td>{}</td><td>{name}{row_notes}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                k + 1,
                esc(m.position.as_deref().unwrap_or_default()),
                esc(&role),
                esc(m.group.as_deref().unwrap_or_default())
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if !c.duties.is_empty() {
        out.push_str(&format!("<p class=\"subs-head\">{}</p>\n", w.duties));
        duties(w, &c.duties, "duties", notes, out);
    }
    out.push_str("</article>\n");
}

/// Effective clause, date and signature.
fn closing(w: &Words, order: &DutyOrder, notes: &mut Notes<'_>, out: &mut String) {
    let h = &order.header;
    if h.effective.is_none() && h.date.is_none() && h.signed_by.is_none() {
        return;
    }
    let _ = notes;
    out.push_str("<footer class=\"closing\">\n<dl class=\"header\">\n");
    if let Some(e) = &h.effective {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", w.effective, esc(e)));
    }
    if let Some(d) = &h.date {
        let iso = d
            .iso
            .as_deref()
            .map(|i| format!(" ({i})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}{}</dd>\n",
            w.date,
            esc(&d.text),
            esc(&iso)
        ));
    }
    out.push_str("</dl>\n");
    if let Some(s) = &h.signed_by {
        out.push_str(&format!("<div class=\"sign\" title=\"{}\">\n", w.signed));
        if let Some(n) = &s.name {
            out.push_str(&format!("<p class=\"signer\">({})</p>\n", esc(n)));
        }
        for line in &s.position {
            out.push_str(&format!("<p>{}</p>\n", esc(line)));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</footer>\n");
}

/// Diagnostics as small notes beside the line they concern.
fn push_notes(w: &Words, list: Vec<&Diagnostic>, out: &mut String) {
    for d in list {
        out.push_str(&note(w, d));
    }
}

fn note(w: &Words, d: &Diagnostic) -> String {
    let class = match d.severity {
        Severity::Info => "info",
        Severity::Warning => "warning",
        Severity::Error => "error",
    };
    let mut text = w.code(d.code).to_string();
    if let (Some(l), Some(n)) = (&d.label, &d.number) {
        text.push_str(&format!(" {l} → {n}"));
    }
    format!(
        "<span class=\"note {class}\" data-code=\"{}\" title=\"{}\">{}</span>",
        d.code.as_str(),
        esc(&d.message),
        esc(&text)
    )
}

/// Text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
