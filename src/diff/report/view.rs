//! The report's view of a diff: sections (the header, each person, each
//! committee) of lines, each line a label and spans of plain, inserted and
//! removed text. The text and HTML reports only draw this.

use super::lang::{Lang, Words, field_label, kind_label};
use super::{Piece, word_diff};
use crate::diff::model::{
    Change, ChangeKind, CommitteeRef, Diff, MemberRef, OrderTitle, PersonRef, Value,
};

/// A run of text in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Span {
    /// Text as it is.
    Plain(String),
    /// Text only in the new order (inserted words, a name added to a list).
    Ins(String),
    /// Text only in the old order.
    Del(String),
    /// A name, as it is, never broken across two lines.
    Name(String),
}

fn plain(s: impl Into<String>) -> Span {
    Span::Plain(s.into())
}

/// How a line reads at a glance: something added, removed, or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Added,
    Removed,
    Changed,
}

/// Which side of a change a line shows: a person's own change, or a duty
/// handed over, seen by who took it (`Gained`) or who gave it (`Lost`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Own,
    Gained,
    Lost,
}

/// One change as a line of the report.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub kind: ChangeKind,
    pub side: Side,
    pub tone: Tone,
    /// What changed, in words ("งานใหม่", "ข้อ 3.2 …").
    pub label: String,
    /// The change itself.
    pub body: Vec<Span>,
    /// More lines under it: a reworded text's old and new wording, a
    /// duty's steps added and removed.
    pub detail: Vec<(String, Vec<Span>)>,
    /// How the two sides were paired (method and score), for a tooltip.
    pub matched: Option<String>,
}

/// Whom a section is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    Header,
    Person {
        old_id: Option<String>,
        new_id: Option<String>,
    },
    Committee {
        old_id: Option<String>,
        new_id: Option<String>,
    },
}

/// A heading and its lines.
#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub subject: Subject,
    pub title: String,
    /// "ใหม่" for a newcomer or a new committee, "ออก" for a leaver.
    pub badge: Option<&'static str>,
    /// True for a person who left: their lines list their duties with where
    /// each went.
    pub leaver: bool,
    pub lines: Vec<Line>,
}

fn person_subject(p: &PersonRef) -> Subject {
    Subject::Person {
        old_id: p.old_id.clone(),
        new_id: p.new_id.clone(),
    }
}

fn committee_subject(c: &CommitteeRef) -> Subject {
    Subject::Committee {
        old_id: c.old_id.clone(),
        new_id: c.new_id.clone(),
    }
}

/// The sections of a report, in the order their subject first appears in
/// the diff's change list (header, people in the new order's sequence,
/// leavers, committees).
pub(crate) fn sections(diff: &Diff, lang: Lang) -> Vec<Section> {
    let w = lang.words();
    let mut out: Vec<Section> = Vec::new();
    let mut place = |subject: Subject, title: &dyn Fn() -> String, line: Line| match out
        .iter_mut()
        .find(|s| s.subject == subject)
    {
        Some(s) => s.lines.push(line),
        None => out.push(Section {
            subject,
            title: title(),
            badge: None,
            leaver: false,
            lines: vec![line],
        }),
    };
    for c in &diff.changes {
        if c.kind == ChangeKind::DutyReassigned {
            if let Some(to) = &c.to_person {
                place(
                    person_subject(to),
                    &|| to.full_name.clone(),
                    line(c, Side::Gained, lang),
                );
            }
            if let Some(from) = &c.from_person {
                place(
                    person_subject(from),
                    &|| from.full_name.clone(),
                    line(c, Side::Lost, lang),
                );
            }
        } else if let Some(k) = &c.committee {
            let title = || k.name.clone();
            place(committee_subject(k), &title, line(c, Side::Own, lang));
        } else if let Some(p) = &c.person {
            place(
                person_subject(p),
                &|| p.full_name.clone(),
                line(c, Side::Own, lang),
            );
        } else {
            place(
                Subject::Header,
                &|| w.header.to_string(),
                line(c, Side::Own, lang),
            );
        }
    }
    for s in &mut out {
        let has = |k: ChangeKind| s.lines.iter().any(|l| l.kind == k);
        if has(ChangeKind::PersonAdded) || has(ChangeKind::CommitteeAdded) {
            s.badge = Some(w.new_badge);
        }
        if has(ChangeKind::PersonRemoved) || has(ChangeKind::CommitteeRemoved) {
            s.badge = Some(w.gone_badge);
            s.leaver = has(ChangeKind::PersonRemoved);
        }
        if s.leaver {
            // what they had, in their old order, each with where it went
            s.lines
                .sort_by_key(|l| (l.kind != ChangeKind::PersonRemoved, number_key(&l.label)));
        } else {
            s.lines.sort_by_key(rank);
        }
    }
    out
}

/// Where a line goes in its person's section: who they are, their
/// substitutes, their duties, what they handed over or dropped, and last
/// the renumbering that follows from all that.
fn rank(l: &Line) -> u8 {
    use ChangeKind as K;
    match (l.kind, l.side) {
        (K::PersonAdded | K::PersonRemoved | K::PersonRenamed, _) => 0,
        (K::PositionChanged | K::RankChanged | K::RoleChanged | K::WorkGroupChanged, _) => 1,
        (K::SubstitutesChanged, _) => 2,
        (K::DutyReassigned, Side::Lost) | (K::DutyRemoved, _) => 4,
        (K::DutiesRenumbered, _) => 5,
        _ => 3,
    }
}

/// A dotted number at the start of a label ("ข้อ 6.2 …" → [6, 2]), for
/// listing a leaver's duties in their order.
fn number_key(label: &str) -> Vec<u32> {
    label
        .split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .map(|w| w.split('.').filter_map(|p| p.parse().ok()).collect())
        .unwrap_or_default()
}

/// The order as a title names it: "คำสั่งสำนักนายกรัฐมนตรี ที่ 207/2568".
pub(crate) fn order_name(t: &OrderTitle, lang: Lang) -> String {
    let w = lang.words();
    // the name as the order writes it (คำสั่ง + the body, no space:
    // คำสั่งโรงเรียน…), in either language; English only when the order
    // does not say which document it is
    let mut s = match (&t.document, &t.issuer, lang) {
        (Some(doc), Some(issuer), _) if issuer.starts_with(doc.as_str()) => issuer.clone(),
        (Some(doc), Some(issuer), _) => format!("{doc}{issuer}"),
        (None, Some(issuer), Lang::Th) => format!("{}{issuer}", w.order),
        (None, Some(issuer), _) => format!("{} — {issuer}", w.order),
        (Some(doc), None, _) => doc.clone(),
        (None, None, _) => w.order.to_string(),
    };
    match (&t.number, t.year_be) {
        (Some(n), _) => {
            s.push(' ');
            s.push_str(n);
        }
        (None, Some(y)) => s.push_str(&format!(" {} {y}", w.year)),
        (None, None) => {
            s.push(' ');
            s.push_str(w.no_number);
        }
    }
    s
}

/// The report's title: the two orders by number and year; when the two
/// read the same, which is the old version and which the new.
pub(crate) fn title(diff: &Diff, lang: Lang) -> (String, String) {
    let w = lang.words();
    let (a, b) = (
        order_name(&diff.old_order, lang),
        order_name(&diff.new_order, lang),
    );
    if a == b {
        (
            format!("{a} ({})", w.old_version),
            format!("{b} ({})", w.new_version),
        )
    } else {
        (a, b)
    }
}

/// The summary: each kind of change with its count.
pub(crate) fn summary(diff: &Diff, lang: Lang) -> Vec<(ChangeKind, &'static str, u32)> {
    ChangeKind::ALL
        .iter()
        .map(|&k| (k, kind_label(lang, k), diff.summary.get(k)))
        .filter(|(_, _, n)| *n > 0)
        .collect()
}

fn text_of(v: Option<&Value>, w: &Words) -> String {
    match v {
        None => "—".to_string(),
        Some(Value::Text(t)) => t.clone(),
        Some(Value::List(l)) if l.is_empty() => w.none.to_string(),
        Some(Value::List(l)) => l.join(", "),
    }
}

fn list_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::List(l)) => l.clone(),
        Some(Value::Text(t)) => vec![t.clone()],
        None => Vec::new(),
    }
}

/// The old and the new text with their changed words marked.
fn marked(old: &str, new: &str) -> (Vec<Span>, Vec<Span>) {
    let (mut o, mut n) = (Vec::new(), Vec::new());
    for piece in word_diff(old, new) {
        match piece {
            Piece::Same(t) => {
                o.push(plain(t.clone()));
                n.push(plain(t));
            }
            Piece::Removed(t) => o.push(Span::Del(t)),
            Piece::Inserted(t) => n.push(Span::Ins(t)),
        }
    }
    (o, n)
}

/// "old → new" with the changed words marked.
fn old_to_new(c: &Change, w: &Words) -> Vec<Span> {
    let (old, new) = (text_of(c.old.as_ref(), w), text_of(c.new.as_ref(), w));
    if c.old.is_none() || c.new.is_none() {
        return vec![Span::Del(old), plain(" → "), Span::Ins(new)];
    }
    let (mut o, n) = marked(&old, &new);
    o.push(plain(" → "));
    o.extend(n);
    o
}

fn member_text(m: Option<&MemberRef>, w: &Words) -> String {
    let Some(m) = m else {
        return String::new();
    };
    let who = match (&m.full_name, &m.position) {
        (Some(name), Some(post)) => format!("{name} ({post})"),
        (Some(name), None) => name.clone(),
        (None, Some(post)) => format!("{} {post}", w.seat),
        (None, None) => "—".to_string(),
    };
    match &m.role {
        Some(role) => format!("{who} — {role}"),
        None => who,
    }
}

fn name_of(p: Option<&PersonRef>) -> String {
    p.map(|p| p.full_name.clone()).unwrap_or_default()
}

/// One change as a line.
fn line(c: &Change, side: Side, lang: Lang) -> Line {
    use ChangeKind as K;
    let w = lang.words();
    let tone = match c.kind {
        K::PersonAdded
        | K::DutyAdded
        | K::CommitteeAdded
        | K::MemberJoined
        | K::CommitteeDutyAdded => Tone::Added,
        K::PersonRemoved
        | K::DutyRemoved
        | K::CommitteeRemoved
        | K::MemberLeft
        | K::CommitteeDutyRemoved => Tone::Removed,
        K::DutyReassigned if side == Side::Gained => Tone::Added,
        K::DutyReassigned => Tone::Removed,
        _ => Tone::Changed,
    };
    let duty = c.duty.as_ref();
    let title = duty.map(|d| d.title.clone()).unwrap_or_default();
    let old_no = duty.and_then(|d| d.old_number.clone()).unwrap_or_default();
    let new_no = duty.and_then(|d| d.new_number.clone()).unwrap_or_default();
    let numbered = |n: &str| {
        if n.is_empty() {
            String::new()
        } else {
            format!("{} {n}", w.number)
        }
    };
    let mut label = kind_label(lang, c.kind).to_string();
    let mut detail = Vec::new();
    let body: Vec<Span> = match c.kind {
        K::HeaderChanged => {
            label = field_label(lang, c.field.as_deref().unwrap_or_default());
            old_to_new(c, w)
        }
        K::PersonAdded => {
            label = w.joined.to_string();
            Vec::new()
        }
        K::PersonRemoved => {
            label = w.left.to_string();
            Vec::new()
        }
        K::PersonRenamed
        | K::PositionChanged
        | K::RankChanged
        | K::RoleChanged
        | K::WorkGroupChanged
        | K::CommitteeRenamed => old_to_new(c, w),
        K::SubstitutesChanged => substitutes(c, w),
        K::DutyAdded | K::CommitteeDutyAdded => {
            label = format!("{label} {}", numbered(&new_no));
            vec![Span::Ins(title)]
        }
        K::DutyRemoved
            if side == Side::Own && c.person.as_ref().is_some_and(|p| p.new_id.is_none()) =>
        {
            // a leaver's duty that nobody took over
            label = numbered(&old_no);
            vec![plain(title), plain(" → "), Span::Del(w.dropped.to_string())]
        }
        K::DutyRemoved | K::CommitteeDutyRemoved => {
            label = format!("{label} {}", numbered(&old_no));
            vec![Span::Del(title)]
        }
        K::DutyReassigned if side == Side::Gained => {
            label = format!("{} {}", numbered(&new_no), w.gained_from);
            vec![
                plain(title),
                plain(" ← "),
                Span::Name(name_of(c.from_person.as_ref())),
                plain(format!(" ({} {old_no})", w.was_number)),
            ]
        }
        K::DutyReassigned => {
            let to = name_of(c.to_person.as_ref());
            label = format!("{} {}", numbered(&old_no), w.lost_to);
            vec![
                plain(title),
                plain(" → "),
                Span::Ins(format!("{to} ({} {new_no})", w.as_number)),
            ]
        }
        K::DutyReworded | K::CommitteeDutyReworded => {
            label = format!("{label} {}", numbered(&new_no));
            let (old, new) = (text_of(c.old.as_ref(), w), text_of(c.new.as_ref(), w));
            let (o, n) = marked(&old, &new);
            detail.push((w.old_text.to_string(), o));
            n
        }
        K::DutyRenumbered => {
            label = format!("{} {old_no} → {new_no}", w.moved_number);
            vec![plain(title)]
        }
        K::DutiesRenumbered => {
            label = w.renumbered_after.to_string();
            let (old, new) = (list_of(c.old.as_ref()), list_of(c.new.as_ref()));
            vec![plain(renumbered_runs(&old, &new))]
        }
        K::StepsChanged => {
            label = format!("{label} {}", numbered(&new_no));
            for (head, v, ins) in [
                (w.steps_added, &c.new, true),
                (w.steps_removed, &c.old, false),
            ] {
                for step in list_of(v.as_ref()) {
                    let span = if ins {
                        Span::Ins(step)
                    } else {
                        Span::Del(step)
                    };
                    detail.push((head.to_string(), vec![span]));
                }
            }
            vec![plain(title)]
        }
        K::CommitteeAdded | K::CommitteeRemoved => {
            let name = c
                .committee
                .as_ref()
                .map(|k| k.name.clone())
                .unwrap_or_default();
            vec![if c.kind == K::CommitteeAdded {
                Span::Ins(name)
            } else {
                Span::Del(name)
            }]
        }
        K::MemberJoined => vec![Span::Ins(member_text(c.member.as_ref(), w))],
        K::MemberLeft => vec![Span::Del(member_text(c.member.as_ref(), w))],
        K::MemberReplaced => {
            let m = c.member.as_ref();
            let seat = m
                .map(|m| {
                    let post = m.position.clone().unwrap_or_default();
                    match &m.role {
                        Some(role) => format!("{post} — {role}: "),
                        None => format!("{post}: "),
                    }
                })
                .unwrap_or_default();
            let mut spans = vec![plain(seat)];
            spans.extend(old_to_new(c, w));
            spans
        }
        K::MemberRenamed => old_to_new(c, w),
        K::MemberRoleChanged | K::MemberPositionChanged => {
            let who = c
                .member
                .as_ref()
                .and_then(|m| m.full_name.clone().or_else(|| m.position.clone()))
                .unwrap_or_default();
            let mut spans = vec![plain(format!("{who}: "))];
            spans.extend(old_to_new(c, w));
            spans
        }
    };
    Line {
        kind: c.kind,
        side,
        tone,
        label: label.trim().to_string(),
        body,
        detail,
        matched: c
            .matched
            .as_ref()
            .map(|m| format!("{} {} {}", w.match_how, m.method, m.score)),
    }
}

/// A substitutes list: the new list with the names it gained marked, then
/// the names it lost, struck out.
fn substitutes(c: &Change, w: &Words) -> Vec<Span> {
    let (old, new) = (list_of(c.old.as_ref()), list_of(c.new.as_ref()));
    // a 1.0 diff has no added/removed: compare the names as written
    let added = c
        .added
        .clone()
        .unwrap_or_else(|| new.iter().filter(|n| !old.contains(n)).cloned().collect());
    let removed = c
        .removed
        .clone()
        .unwrap_or_else(|| old.iter().filter(|o| !new.contains(o)).cloned().collect());
    let mut spans = Vec::new();
    for (i, name) in new.iter().enumerate() {
        if i > 0 {
            spans.push(plain(", "));
        }
        spans.push(if added.contains(name) {
            Span::Ins(name.clone())
        } else {
            Span::Name(name.clone())
        });
    }
    if new.is_empty() {
        spans.push(plain(w.none));
    }
    if !removed.is_empty() {
        spans.push(plain(format!(" — {}: ", w.removed_names)));
        for (i, name) in removed.iter().enumerate() {
            if i > 0 {
                spans.push(plain(", "));
            }
            spans.push(Span::Del(name.clone()));
        }
    }
    spans
}

/// Renumbered items as runs: "2.3–2.6 → 2.4–2.7" for a block that moved
/// together, "5.6 → 5.5" for one.
fn renumbered_runs(old: &[String], new: &[String]) -> String {
    let last = |n: &str| n.rsplit('.').next().and_then(|x| x.parse::<i64>().ok());
    let stem = |n: &str| {
        n.rsplit_once('.')
            .map(|(s, _)| s.to_string())
            .unwrap_or_default()
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for i in 0..old.len().min(new.len()) {
        let continues = runs.last().is_some_and(|&(_, end)| {
            let pairs = [(old.get(end), old.get(i)), (new.get(end), new.get(i))];
            pairs.iter().all(|(a, b)| match (a, b) {
                (Some(a), Some(b)) => {
                    stem(a) == stem(b) && last(a).zip(last(b)).is_some_and(|(x, y)| y == x + 1)
                }
                _ => false,
            })
        });
        match runs.last_mut() {
            Some(run) if continues => run.1 = i,
            _ => runs.push((i, i)),
        }
    }
    let at = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                format!("{} → {}", at(old, a), at(new, a))
            } else {
                format!(
                    "{}–{} → {}–{}",
                    at(old, a),
                    at(old, b),
                    at(new, a),
                    at(new, b)
                )
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbered_blocks_read_as_runs() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            renumbered_runs(
                &s(&["2.3", "2.4", "2.5", "2.6"]),
                &s(&["2.4", "2.5", "2.6", "2.7"])
            ),
            "2.3–2.6 → 2.4–2.7"
        );
        assert_eq!(renumbered_runs(&s(&["5.6"]), &s(&["5.5"])), "5.6 → 5.5");
        assert_eq!(
            renumbered_runs(&s(&["1.2", "1.4"]), &s(&["1.3", "1.5"])),
            "1.2 → 1.3, 1.4 → 1.5"
        );
    }

    #[test]
    fn numbers_sort_as_numbers() {
        assert!(number_key("ข้อ 6.10") > number_key("ข้อ 6.9"));
        assert_eq!(number_key("ข้อ 6.2 โอนให้"), [6, 2]);
    }
}
