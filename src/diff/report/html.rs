//! The HTML report: one self-contained page (no scripts, no external
//! assets), Thai fonts first, a summary table on top, a section per person
//! or committee, and a print stylesheet for A4.

use std::fmt::Write;

use super::lang::Lang;
use super::view::{Line, Section, Side, Span, Subject, Tone, sections, summary, title};
use crate::diff::model::Diff;

const STYLE: &str = r#"
:root { font-family: "Sarabun", "TH Sarabun New", "Noto Sans Thai", "Noto Sans Thai UI",
  "Leelawadee UI", "Leelawadee", "Tahoma", "Loma", "Garuda", "Waree", sans-serif;
  line-height: 1.6; color: #1b1b1b; }
body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.45rem; margin: 0 0 .25rem; }
p.orders { font-size: 1.1rem; margin: 0; }
p.subject { color: #444; margin: .2rem 0 1rem; }
table.summary { border-collapse: collapse; margin: 0 0 1.5rem; min-width: 24rem; }
table.summary th, table.summary td { border: 1px solid #bbb; padding: .15rem .6rem; text-align: left; }
table.summary th { background: #eee; }
table.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.summary tr.total td { font-weight: bold; }
section { margin: 1.2rem 0; }
h2 { font-size: 1.1rem; border-bottom: 2px solid #ccc; padding-bottom: .1rem; margin: 0 0 .4rem; }
h3 { font-size: 1rem; margin: .3rem 0; color: #444; }
.badge { font-size: .8rem; border-radius: .6rem; padding: 0 .5rem; margin-left: .5rem;
  vertical-align: middle; border: 1px solid; }
.badge.new { color: #11632b; background: #e9f7ec; }
.badge.gone { color: #8a1c1c; background: #fbeaea; }
ul.changes { margin: 0; padding-left: 1.2rem; }
ul.changes > li { margin: .15rem 0; }
li.added::marker { content: "+ "; color: #11632b; }
li.removed::marker { content: "− "; color: #8a1c1c; }
li.changed::marker { content: "~ "; color: #8a6d00; }
.label { font-weight: 600; }
ul.detail { list-style: none; padding-left: 1rem; margin: 0; }
ul.detail .which { color: #666; margin-right: .4rem; }
del { background: #f7c6c6; text-decoration: line-through; }
ins { background: #bfe8c8; text-decoration: underline; text-decoration-color: #11632b; }
.nw { white-space: nowrap; }
footer { margin-top: 2rem; color: #666; font-size: .85rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  li, tr { break-inside: avoid; }
  del, ins, .badge, table.summary th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The diff as one HTML page, in `lang`.
pub fn html(diff: &Diff, lang: Lang) -> String {
    let w = lang.words();
    let mut out = String::with_capacity(8192 + diff.changes.len() * 512);
    let (old, new) = title(diff, lang);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">",
        lang.code()
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>{}: {} → {}</title>",
        esc(w.heading),
        esc(&old),
        esc(&new)
    );
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<h1>{}</h1>", esc(w.heading));
    let _ = writeln!(
        out,
        "<p class=\"orders\" id=\"orders\">{} → {}</p>",
        esc(&old),
        esc(&new)
    );
    if let Some(subject) = diff
        .new_order
        .subject
        .as_ref()
        .or(diff.old_order.subject.as_ref())
    {
        let _ = writeln!(
            out,
            "<p class=\"subject\">{} {}</p>",
            esc(w.subject),
            esc(subject)
        );
    }
    let counts = summary(diff, lang);
    if counts.is_empty() {
        let _ = writeln!(out, "<p id=\"no-changes\">{}</p>", esc(w.no_changes));
    } else {
        let _ = writeln!(
            out,
            "<table class=\"summary\" id=\"summary\">\n<tr><th>{}</th><th>{}</th></tr>",
            esc(w.kind),
            esc(w.count)
        );
        for (kind, label, n) in &counts {
            let _ = writeln!(
                out,
                "<tr data-kind=\"{}\"><td>{}</td><td class=\"n\">{n}</td></tr>",
                kind.as_str(),
                esc(label)
            );
        }
        let _ = writeln!(
            out,
            "<tr class=\"total\"><td>{}</td><td class=\"n\">{}</td></tr>\n</table>",
            esc(w.total),
            diff.summary.total
        );
    }
    for s in sections(diff, lang) {
        section(&mut out, &s, lang);
    }
    let _ = writeln!(
        out,
        "<footer>{}: {} → {}</footer>\n</body>\n</html>",
        esc(w.sources),
        esc(&diff.old.path),
        esc(&diff.new.path)
    );
    out
}

fn section(out: &mut String, s: &Section, lang: Lang) {
    let w = lang.words();
    let (class, ids) = match &s.subject {
        Subject::Header => ("header", (None, None)),
        Subject::Person { old_id, new_id } => ("person", (old_id.as_deref(), new_id.as_deref())),
        Subject::Committee { old_id, new_id } => {
            ("committee", (old_id.as_deref(), new_id.as_deref()))
        }
    };
    let _ = write!(out, "<section class=\"{class}\"");
    for (attr, id) in [("data-old", ids.0), ("data-new", ids.1)] {
        if let Some(id) = id {
            let _ = write!(out, " {attr}=\"{}\"", esc(id));
        }
    }
    out.push_str(">\n<h2>");
    out.push_str(&esc(&s.title));
    if let Some(b) = s.badge {
        let tone = if b == w.new_badge { "new" } else { "gone" };
        let _ = write!(out, "<span class=\"badge {tone}\">{}</span>", esc(b));
    }
    out.push_str("</h2>\n");
    let (first, rest) = if s.leaver {
        s.lines.split_at(s.lines.len().min(1))
    } else {
        (&[][..], s.lines.as_slice())
    };
    if s.leaver {
        list(out, first);
        let _ = writeln!(out, "<h3>{}</h3>", esc(w.leaver_duties));
    }
    list(out, rest);
    out.push_str("</section>\n");
}

fn list(out: &mut String, lines: &[Line]) {
    if lines.is_empty() {
        return;
    }
    out.push_str("<ul class=\"changes\">\n");
    for l in lines {
        item(out, l);
    }
    out.push_str("</ul>\n");
}

fn item(out: &mut String, l: &Line) {
    let tone = match l.tone {
        Tone::Added => "added",
        Tone::Removed => "removed",
        Tone::Changed => "changed",
    };
    let side = match l.side {
        Side::Own => "own",
        Side::Gained => "gained",
        Side::Lost => "lost",
    };
    let _ = write!(
        out,
        "<li class=\"{tone}\" data-kind=\"{}\" data-side=\"{side}\"",
        l.kind.as_str()
    );
    if let Some(m) = &l.matched {
        let _ = write!(out, " title=\"{}\"", esc(m));
    }
    let sep = if l.body.is_empty() { "" } else { ": " };
    let _ = write!(out, "><span class=\"label\">{}</span>{sep}", esc(&l.label));
    spans(out, &l.body);
    if !l.detail.is_empty() {
        out.push_str("<ul class=\"detail\">");
        for (which, d) in &l.detail {
            let _ = write!(out, "<li><span class=\"which\">{}</span>", esc(which));
            spans(out, d);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>\n");
}

/// Longest marked text kept on one line: a name with its number
/// ("นายสมชาย ใจงาม (เป็นข้อ 6.1)") or a short post. Chromium breaks Thai
/// between dictionary words, which splits a family name across two lines;
/// a longer text (a duty title) must wrap.
const NOWRAP_MAX_CHARS: usize = 40;

fn spans(out: &mut String, list: &[Span]) {
    for s in list {
        let (tag, t) = match s {
            Span::Plain(t) => {
                out.push_str(&esc(t));
                continue;
            }
            Span::Name(t) => {
                let _ = write!(out, "<span class=\"nw\">{}</span>", esc(t));
                continue;
            }
            Span::Ins(t) => ("ins", t),
            Span::Del(t) => ("del", t),
        };
        let class = if t.chars().count() <= NOWRAP_MAX_CHARS {
            " class=\"nw\""
        } else {
            ""
        };
        let _ = write!(out, "<{tag}{class}>{}</{tag}>", esc(t));
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
