//! What changed between two duty orders — usually last year's and this year's.
//!
//! The diff compares meaning, not lines: people are paired by name (then by
//! given name, then by family name, position and duties), duties by title
//! within and across people, steps as text under paired duties. Whitespace,
//! wrapping and indentation never count, and numbers are compared as the parser
//! corrected them, so a numbering mistake fixed this year is not a change.
//!
//! ```
//! let old = kamsang::parse_str("old.txt", "1. นางสาวธนะพร  ฉายแสง ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการ\n   1.1 งานวิเคราะห์\n")?;
//! let new = kamsang::parse_str("new.txt", "1. นางธนะพร  ใจดี ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการพิเศษ\n   1.1 งานวิเคราะห์\n")?;
//! let d = kamsang::diff(&old, &new);
//! let kinds: Vec<&str> = d.changes.iter().map(|c| c.kind.as_str()).collect();
//! assert_eq!(kinds, ["person_renamed", "rank_changed"]);
//! assert!(kamsang::diff(&new, &new).changes.is_empty());
//! # Ok::<(), kamsang::Error>(())
//! ```

mod committee;
pub(crate) mod matching;
mod model;
pub mod report;
mod words;

pub use model::{
    Change, ChangeKind, CommitteeRef, DIFF_SCHEMA_ID, DIFF_SCHEMA_VERSION, Diff, DutyRef, Match,
    MemberRef, OrderTitle, PersonRef, Summary, Value,
};

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use matching::{Entry, Pairing, key, key_opt};

use crate::model::{Duty, DutyOrder, Header, Person};

/// Compare two orders: what changed from `old` to `new`.
pub fn diff(old: &DutyOrder, new: &DutyOrder) -> Diff {
    let (old_people, new_people) = (listed_people(old), listed_people(new));
    let people = matching::match_people(&old_people, &new_people);
    let old_entries = matching::entries(&old_people);
    let new_entries = matching::entries(&new_people);
    let duties = matching::match_duties(&old_entries, &new_entries, &people);

    let index = |list: &'_ [Person]| -> HashMap<String, usize> {
        let mut ids = HashMap::new();
        for (i, p) in list.iter().enumerate() {
            // the first of a repeated id, as a search in order finds it
            ids.entry(p.id.clone()).or_insert(i);
        }
        ids
    };
    let sides = Sides {
        old: &old_people,
        new: &new_people,
        people: &people,
        old_ids: index(&old_people),
        new_ids: index(&new_people),
    };
    let mut changes = header_changes(&old.header, &new.header);
    // One group of changes per new person, then one per old person who left.
    let mut groups: Vec<Vec<Change>> = vec![Vec::new(); new_people.len()];
    let mut gone: Vec<Vec<Change>> = vec![Vec::new(); old_people.len()];

    for (n, (p, group)) in new_people.iter().zip(groups.iter_mut()).enumerate() {
        match people.old_of(n) {
            Some((o, how)) => {
                if let Some(q) = old_people.get(o) {
                    person_changes(q, p, n, Some(how.clone()), &sides, group);
                }
            }
            None => group.push(Change {
                person: Some(sides.person_ref(None, Some(n))),
                ..change(ChangeKind::PersonAdded)
            }),
        }
    }
    for (o, group) in gone.iter_mut().enumerate() {
        if people.new_of(o).is_none() {
            group.push(Change {
                person: Some(sides.person_ref(Some(o), None)),
                ..change(ChangeKind::PersonRemoved)
            });
        }
    }

    // For each new person, their duties kept from their old self, as
    // (old entry, new entry) in the new order's sequence.
    let mut kept: Vec<Vec<(usize, usize)>> = vec![Vec::new(); new_people.len()];
    for (n, ne) in new_entries.iter().enumerate() {
        let Some(group) = groups.get_mut(ne.person) else {
            continue;
        };
        let pair = duties.old_of(n);
        match pair.and_then(|(o, how)| old_entries.get(o).map(|oe| (o, oe, how))) {
            Some((o, oe, how)) => {
                duty_changes(oe, ne, how, &sides, group);
                if people.new_of(oe.person) == Some(ne.person)
                    && let Some(list) = kept.get_mut(ne.person)
                {
                    list.push((o, n));
                }
            }
            // a newcomer's catch-all comes with them: no change of its own
            None if ne.is_catch_all() && people.old_of(ne.person).is_none() => {}
            None => group.push(Change {
                person: Some(sides.new_person(ne.person)),
                duty: Some(duty_ref(None, Some(ne.duty))),
                ..change(ChangeKind::DutyAdded)
            }),
        }
    }
    for (n, (list, group)) in kept.iter().zip(groups.iter_mut()).enumerate() {
        renumbering(list, &old_entries, &new_entries, sides.new_person(n), group);
    }
    for (o, oe) in old_entries.iter().enumerate() {
        if duties.new_of(o).is_some() {
            continue;
        }
        let now = people.new_of(oe.person);
        // a leaver's catch-all leaves with them
        if now.is_none() && oe.is_catch_all() {
            continue;
        }
        let group = match now {
            Some(n) => groups.get_mut(n),
            None => gone.get_mut(oe.person),
        };
        if let Some(group) = group {
            group.push(Change {
                person: Some(sides.person_ref(Some(oe.person), now)),
                duty: Some(duty_ref(Some(oe.duty), None)),
                ..change(ChangeKind::DutyRemoved)
            });
        }
    }
    changes.extend(groups.into_iter().flatten());
    changes.extend(gone.into_iter().flatten());
    let everyone = committee::People::new(&old.people, &new.people);
    changes.extend(committee::changes(
        &old.committees,
        &new.committees,
        &everyone,
    ));

    Diff {
        schema_version: model::DIFF_SCHEMA_VERSION.to_string(),
        old: old.source.clone(),
        new: new.source.clone(),
        old_order: order_title(&old.header),
        new_order: order_title(&new.header),
        summary: Summary::of(&changes),
        changes,
    }
}

/// Both orders' people and how they pair.
struct Sides<'a> {
    old: &'a [Person],
    new: &'a [Person],
    people: &'a Pairing,
    /// Person index by id, each side (a substitute names its person by id).
    old_ids: HashMap<String, usize>,
    new_ids: HashMap<String, usize>,
}

impl Sides<'_> {
    fn person_ref(&self, old: Option<usize>, new: Option<usize>) -> PersonRef {
        let o = old.and_then(|i| self.old.get(i));
        let n = new.and_then(|i| self.new.get(i));
        PersonRef {
            full_name: n.or(o).map(|p| p.full_name.clone()).unwrap_or_default(),
            old_id: o.map(|p| p.id.clone()),
            new_id: n.map(|p| p.id.clone()),
        }
    }

    /// The reference of old person `o`, with its new self when there is one.
    fn old_person(&self, o: usize) -> PersonRef {
        self.person_ref(Some(o), self.people.new_of(o))
    }

    /// The reference of new person `n`, with its old self when there is one.
    fn new_person(&self, n: usize) -> PersonRef {
        self.person_ref(self.people.old_of(n).map(|(o, _)| o), Some(n))
    }

    /// Who a substitute is, comparable across the two orders: the new
    /// person's index for anyone who is in the new order (so a new married
    /// name is the same substitute), else the name as compared.
    fn substitute_identity(&self, person_id: Option<&str>, name: &str, old_side: bool) -> String {
        let ids = if old_side {
            &self.old_ids
        } else {
            &self.new_ids
        };
        let index = person_id.and_then(|id| ids.get(id).copied());
        let now = if old_side {
            index.and_then(|o| self.people.new_of(o))
        } else {
            index
        };
        match now {
            Some(n) => format!("#{n}"),
            None => key(name),
        }
    }
}

fn change(kind: ChangeKind) -> Change {
    Change {
        kind,
        person: None,
        field: None,
        old: None,
        new: None,
        duty: None,
        from_person: None,
        to_person: None,
        matched: None,
        added: None,
        removed: None,
        committee: None,
        member: None,
    }
}

/// The people the person-by-person diff compares: committee members are
/// people too (`people[]` lists every named member), but a member with no
/// duty of their own is diffed as a member of their committee, once.
fn listed_people(order: &DutyOrder) -> Cow<'_, [Person]> {
    let members: HashSet<&str> = order
        .committees
        .iter()
        .flat_map(|c| c.members.iter())
        .filter_map(|m| m.person_id.as_deref())
        .collect();
    let member_only = |p: &Person| {
        members.contains(p.id.as_str()) && p.duties.is_empty() && p.substitutes.is_empty()
    };
    if order.people.iter().any(member_only) {
        Cow::Owned(
            order
                .people
                .iter()
                .filter(|p| !member_only(p))
                .cloned()
                .collect(),
        )
    } else {
        Cow::Borrowed(&order.people)
    }
}

/// What names an order in a report's title.
fn order_title(h: &Header) -> OrderTitle {
    // the Buddhist era is the Common Era + 543
    const BE_OFFSET: u32 = 543;
    let date_year = h
        .date
        .as_ref()
        .and_then(|d| d.iso.as_deref())
        .and_then(|iso| iso.get(..4))
        .and_then(|y| y.parse::<u32>().ok())
        .map(|y| y + BE_OFFSET);
    OrderTitle {
        document: h.document.clone(),
        issuer: h.issuer.clone(),
        number: h.order_number.as_ref().map(|n| n.text.clone()),
        year_be: h
            .order_number
            .as_ref()
            .and_then(|n| n.year_be)
            .or(date_year),
        subject: h.subject.clone(),
        date: h.date.as_ref().map(|d| d.text.clone()),
    }
}

/// Renumbered duties of one person, from the duties kept from their old
/// self (`kept`: old and new entry, in the new order's sequence). The
/// longest run kept in the old order did not move: its new numbers only
/// follow duties inserted or removed before them, and are folded into one
/// `duties_renumbered`; a duty outside that run moved among the others and
/// is a `duty_renumbered` of its own.
fn renumbering(
    kept: &[(usize, usize)],
    old: &[Entry<'_>],
    new: &[Entry<'_>],
    person: PersonRef,
    out: &mut Vec<Change>,
) {
    let order: Vec<usize> = kept.iter().map(|&(o, _)| o).collect();
    let in_order = longest_increasing(&order);
    let (mut from, mut to) = (Vec::new(), Vec::new());
    for (&(o, n), stayed) in kept.iter().zip(in_order) {
        let (Some(oe), Some(ne)) = (old.get(o), new.get(n)) else {
            continue;
        };
        if oe.local == ne.local {
            continue;
        }
        let (old_number, new_number) = (
            oe.duty.number.as_deref().map(str::to_string),
            ne.duty.number.as_deref().map(str::to_string),
        );
        if stayed {
            from.push(old_number.unwrap_or_default());
            to.push(new_number.unwrap_or_default());
        } else {
            out.push(Change {
                person: Some(person.clone()),
                duty: Some(duty_ref(Some(oe.duty), Some(ne.duty))),
                old: old_number.map(Value::Text),
                new: new_number.map(Value::Text),
                ..change(ChangeKind::DutyRenumbered)
            });
        }
    }
    if !from.is_empty() {
        out.push(Change {
            person: Some(person),
            old: Some(Value::List(from)),
            new: Some(Value::List(to)),
            ..change(ChangeKind::DutiesRenumbered)
        });
    }
}

/// For each item of `seq`, whether it is in one longest strictly increasing
/// subsequence (patience sorting, O(n log n)).
fn longest_increasing(seq: &[usize]) -> Vec<bool> {
    // tails[k]: index of the smallest tail of an increasing run of length k + 1
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let at = tails.partition_point(|&t| seq.get(t).is_some_and(|&v| v < x));
        if let (Some(slot), Some(before)) = (prev.get_mut(i), at.checked_sub(1)) {
            *slot = tails.get(before).copied();
        }
        match tails.get_mut(at) {
            Some(t) => *t = i,
            None => tails.push(i),
        }
    }
    let mut keep = vec![false; seq.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
        at = prev.get(i).copied().flatten();
    }
    keep
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn duty_ref(old: Option<&Duty>, new: Option<&Duty>) -> DutyRef {
    DutyRef {
        old_number: old.and_then(|d| d.number.as_deref().map(str::to_string)),
        new_number: new.and_then(|d| d.number.as_deref().map(str::to_string)),
        title: new.or(old).map(|d| d.title.to_string()).unwrap_or_default(),
    }
}

fn header_changes(old: &Header, new: &Header) -> Vec<Change> {
    let sign = |h: &Header| {
        h.signed_by.as_ref().map(|s| {
            let mut parts: Vec<&str> = s.name.iter().map(String::as_str).collect();
            parts.extend(s.position.iter().map(String::as_str));
            parts.join(" ")
        })
    };
    let fields: [(&str, Option<String>, Option<String>); 8] = [
        ("issuer", old.issuer.clone(), new.issuer.clone()),
        ("unit", old.unit.clone(), new.unit.clone()),
        (
            "order_number",
            old.order_number.as_ref().map(|n| n.text.clone()),
            new.order_number.as_ref().map(|n| n.text.clone()),
        ),
        ("subject", old.subject.clone(), new.subject.clone()),
        ("preamble", old.preamble.clone(), new.preamble.clone()),
        ("effective", old.effective.clone(), new.effective.clone()),
        (
            "date",
            old.date.as_ref().map(|d| d.text.clone()),
            new.date.as_ref().map(|d| d.text.clone()),
        ),
        ("signed_by", sign(old), sign(new)),
    ];
    fields
        .into_iter()
        .filter(|(_, o, n)| key_opt(o.as_deref()) != key_opt(n.as_deref()))
        .map(|(field, o, n)| Change {
            field: Some(field.to_string()),
            old: o.map(Value::Text),
            new: n.map(Value::Text),
            ..change(ChangeKind::HeaderChanged)
        })
        .collect()
}

/// Changes of one person present in both orders.
fn person_changes(
    old: &Person,
    new: &Person,
    n: usize,
    how: Option<Match>,
    sides: &Sides<'_>,
    out: &mut Vec<Change>,
) {
    let person = Some(sides.new_person(n));
    let field_change = |kind: ChangeKind, o: Option<&str>, n: Option<&str>| Change {
        person: person.clone(),
        old: o.map(text),
        new: n.map(text),
        matched: how.clone(),
        ..change(kind)
    };
    if key(&old.full_name) != key(&new.full_name) {
        out.push(field_change(
            ChangeKind::PersonRenamed,
            Some(&old.full_name),
            Some(&new.full_name),
        ));
    }
    let fields = [
        (ChangeKind::PositionChanged, &old.position, &new.position),
        (ChangeKind::RankChanged, &old.rank, &new.rank),
        (ChangeKind::RoleChanged, &old.role, &new.role),
        (
            ChangeKind::WorkGroupChanged,
            &old.work_group,
            &new.work_group,
        ),
    ];
    for (kind, o, n) in fields {
        if key_opt(o.as_deref()) != key_opt(n.as_deref()) {
            out.push(field_change(kind, o.as_deref(), n.as_deref()));
        }
    }
    let ids = |p: &Person, old_side: bool| -> Vec<String> {
        p.substitutes
            .iter()
            .map(|s| sides.substitute_identity(s.person_id.as_deref(), &s.full_name, old_side))
            .collect()
    };
    let (old_ids, new_ids) = (ids(old, true), ids(new, false));
    if old_ids != new_ids {
        let names =
            |p: &Person| Value::List(p.substitutes.iter().map(|s| s.full_name.clone()).collect());
        // who is only on one side, by identity (a renamed person is on both)
        let only = |p: &Person, mine: &[String], theirs: &[String]| -> Vec<String> {
            p.substitutes
                .iter()
                .zip(mine)
                .filter(|(_, id)| !theirs.contains(id))
                .map(|(s, _)| s.full_name.clone())
                .collect()
        };
        out.push(Change {
            person: person.clone(),
            old: Some(names(old)),
            new: Some(names(new)),
            matched: how.clone(),
            added: Some(only(new, &new_ids, &old_ids)),
            removed: Some(only(old, &old_ids, &new_ids)),
            ..change(ChangeKind::SubstitutesChanged)
        });
    }
}

/// Changes of one duty present in both orders.
fn duty_changes(
    old: &Entry<'_>,
    new: &Entry<'_>,
    how: &Match,
    sides: &Sides<'_>,
    out: &mut Vec<Change>,
) {
    let moved = sides.people.new_of(old.person) != Some(new.person);
    let duty = Some(duty_ref(Some(old.duty), Some(new.duty)));
    // a moved duty's other changes (reworded, steps) are its new holder's
    let person = Some(sides.new_person(new.person));
    let base = |kind: ChangeKind| Change {
        person: person.clone(),
        duty: duty.clone(),
        matched: Some(how.clone()),
        ..change(kind)
    };
    if moved {
        out.push(Change {
            person: None,
            from_person: Some(sides.old_person(old.person)),
            to_person: Some(sides.new_person(new.person)),
            ..base(ChangeKind::DutyReassigned)
        });
    }
    // a catch-all is paired by what it is, whatever its wording
    if old.key != new.key && !(old.is_catch_all() && new.is_catch_all()) {
        out.push(Change {
            old: Some(text(&old.duty.title)),
            new: Some(text(&new.duty.title)),
            ..base(ChangeKind::DutyReworded)
        });
    }
    let (old_steps, new_steps) = (steps(old.duty), steps(new.duty));
    if let Some((removed, inserted)) = steps_diff(&old_steps, &new_steps) {
        out.push(Change {
            old: Some(Value::List(removed)),
            new: Some(Value::List(inserted)),
            ..base(ChangeKind::StepsChanged)
        });
    }
}

/// The steps only in the old list and only in the new one (as "number text"),
/// compared by text so renumbering alone is no change; `None` when the same.
fn steps_diff(
    old: &[(String, String)],
    new: &[(String, String)],
) -> Option<(Vec<String>, Vec<String>)> {
    let old_keys: Vec<String> = old.iter().map(|(_, t)| key(t)).collect();
    let new_keys: Vec<String> = new.iter().map(|(_, t)| key(t)).collect();
    if old_keys == new_keys {
        return None;
    }
    let shown = |(n, t): &(String, String)| {
        if n.is_empty() {
            t.clone()
        } else {
            format!("{n} {t}")
        }
    };
    let (mut removed, mut inserted) = (Vec::new(), Vec::new());
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old_keys, &new_keys) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        removed.extend(old.get(o).unwrap_or_default().iter().map(shown));
        inserted.extend(new.get(n).unwrap_or_default().iter().map(shown));
    }
    Some((removed, inserted))
}

/// Every step under `duty`, depth first, as (canonical number, text).
fn steps(duty: &Duty) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut todo: Vec<&Duty> = duty.steps.iter().rev().collect();
    while let Some(d) = todo.pop() {
        let label = d.number.clone().or_else(|| d.label.clone());
        out.push((label.unwrap_or_default().into_string(), d.title.to_string()));
        todo.extend(d.steps.iter().rev());
    }
    out
}
