//! Committees compared: which committee is which, who joined or left it,
//! whose committee role or post changed, who holds a seat now, and how the
//! committee's duties (หน้าที่และอำนาจ) changed.
//!
//! Like people and duties, committees and members are paired in passes, each
//! over what the earlier ones left, and every pair records how it was found.
//! A member is a named person or a seat held by a position (ex officio,
//! `ปลัดกระทรวงการคลัง  กรรมการ`); a seat is known by its position, so a new
//! holder of the same post and role is one `member_replaced`, not a leaver
//! and a newcomer.

use std::collections::{HashMap, VecDeque};

use super::matching::{SAME_NUMBER_MIN, SIMILAR_MIN, key, key_opt, same_given_name_corroborated};
use super::model::{Change, ChangeKind, CommitteeRef, DutyRef, Match, MemberRef, Value};
use super::{change, text, words};
use crate::model::{Committee, CommitteeMember, Duty, Person};

/// Both orders' people by id: a named member is one of them, with the given
/// and family name split, which a rename needs.
pub struct People<'a> {
    old: HashMap<&'a str, &'a Person>,
    new: HashMap<&'a str, &'a Person>,
}

impl<'a> People<'a> {
    /// Index both orders' people.
    pub fn new(old: &'a [Person], new: &'a [Person]) -> Self {
        let index = |list: &'a [Person]| list.iter().map(|p| (p.id.as_str(), p)).collect();
        People {
            old: index(old),
            new: index(new),
        }
    }

    /// The given name of a named member, as compared.
    fn given(&self, old_side: bool, m: &CommitteeMember) -> Option<String> {
        let side = if old_side { &self.old } else { &self.new };
        m.full_name.as_ref()?;
        let person = side.get(m.person_id.as_deref()?)?;
        person.given_name.as_deref().map(key)
    }

    /// Whether old member `a` and new member `b`, named differently, are one
    /// person by the given-name rule (นางสาว → นาง and a new family name).
    fn renamed(&self, a: &CommitteeMember, b: &CommitteeMember) -> bool {
        let person = |side: &HashMap<&str, &'a Person>, m: &CommitteeMember| {
            m.person_id.as_deref().and_then(|id| side.get(id).copied())
        };
        match (person(&self.old, a), person(&self.new, b)) {
            (Some(p), Some(q)) => same_given_name_corroborated(p, q),
            _ => false,
        }
    }
}

/// Least word similarity of two committee names under the same number
/// (`คณะกรรมการติดตาม…` renamed `คณะกรรมการกำกับและติดตาม…`).
const SAME_NUMBER_NAME_MIN: f64 = 0.5;
/// Least word similarity of two committee names anywhere in the orders.
const SIMILAR_NAME_MIN: f64 = 0.7;
/// Least share of common members for two committees whose names differ
/// wholly: the same body renamed keeps most of its members.
const SHARED_MEMBERS_MIN: f64 = 0.5;

fn scored(method: &str, score: f64) -> Match {
    Match {
        method: method.to_string(),
        score: (score * 1000.0).round() / 1000.0,
    }
}

fn exact(method: &str) -> Match {
    scored(method, 1.0)
}

/// Dice coefficient of the dictionary words of two texts (word order ignored).
fn similarity(a: &str, b: &str) -> f64 {
    let mut x = words::words(a);
    let mut y = words::words(b);
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    x.sort_unstable();
    y.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(p), Some(q)) = (x.get(i), y.get(j)) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f64 / (x.len() + y.len()) as f64
}

/// Which old item is which new one, and how.
struct Pairs {
    old_to_new: Vec<Option<usize>>,
    new_to_old: Vec<Option<(usize, Match)>>,
}

impl Pairs {
    fn new(old: usize, new: usize) -> Self {
        Pairs {
            old_to_new: vec![None; old],
            new_to_old: vec![None; new],
        }
    }

    fn pair(&mut self, o: usize, n: usize, how: Match) {
        if let (Some(a), Some(b)) = (self.old_to_new.get_mut(o), self.new_to_old.get_mut(n)) {
            *a = Some(n);
            *b = Some((o, how));
        }
    }

    fn old_free(&self, o: usize) -> bool {
        matches!(self.old_to_new.get(o), Some(None))
    }

    fn new_free(&self, n: usize) -> bool {
        matches!(self.new_to_old.get(n), Some(None))
    }

    /// Pair each free new item with the first free old item of the same key.
    fn by_key<K: std::hash::Hash + Eq>(
        &mut self,
        old: impl Iterator<Item = Option<K>>,
        new: impl Iterator<Item = Option<K>>,
        how: &Match,
    ) {
        let mut index: HashMap<K, VecDeque<usize>> = HashMap::new();
        for (o, k) in old.enumerate() {
            if let (Some(k), true) = (k, self.old_free(o)) {
                index.entry(k).or_default().push_back(o);
            }
        }
        for (n, k) in new.enumerate() {
            if !self.new_free(n) {
                continue;
            }
            if let Some(o) = k.and_then(|k| index.get_mut(&k)?.pop_front()) {
                self.pair(o, n, how.clone());
            }
        }
    }

    /// Pair free items by a score of at least `min`, best pairs first.
    fn by_score(&mut self, score: impl Fn(usize, usize) -> f64, min: f64, method: &str) {
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for n in (0..self.new_to_old.len()).filter(|&n| self.new_free(n)) {
            for o in (0..self.old_to_new.len()).filter(|&o| self.old_free(o)) {
                let s = score(o, n);
                if s >= min {
                    candidates.push((s, o, n));
                }
            }
        }
        candidates.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.2.cmp(&b.2))
                .then(a.1.cmp(&b.1))
        });
        for (s, o, n) in candidates {
            if self.old_free(o) && self.new_free(n) {
                self.pair(o, n, scored(method, s));
            }
        }
    }
}

/// Most old members of one given name tried for a renamed new member: a
/// committee has a few namesakes at most; a hostile one with thousands of
/// one name would otherwise make the pass quadratic.
const MAX_NAMESAKES: usize = 64;

/// Most committees on one side scored pairwise by name or members: a real
/// order has a handful (the largest corpus order, 11); past this, only the
/// exact passes run, so a hostile order cannot make the diff quadratic.
const MAX_SCORED_COMMITTEES: usize = 256;

/// The committee changes from `old` to `new`: committee by committee in the
/// new order's sequence (renamed, then its members, then its duties), then
/// the committees removed.
pub fn changes(old: &[Committee], new: &[Committee], people: &People<'_>) -> Vec<Change> {
    let mut m = Pairs::new(old.len(), new.len());
    m.by_key(
        old.iter().map(|c| Some(key(&c.name))),
        new.iter().map(|c| Some(key(&c.name))),
        &exact("same_name"),
    );
    if old.len().max(new.len()) <= MAX_SCORED_COMMITTEES {
        let (o_names, n_names): (Vec<&str>, Vec<&str>) = (
            old.iter().map(|c| c.name.as_str()).collect(),
            new.iter().map(|c| c.name.as_str()).collect(),
        );
        let name_score = |o: usize, n: usize| match (o_names.get(o), n_names.get(n)) {
            (Some(a), Some(b)) => similarity(a, b),
            _ => 0.0,
        };
        let same_number = |o: usize, n: usize| {
            let number = |c: Option<&Committee>| c.and_then(|c| c.number.clone());
            let (a, b) = (number(old.get(o)), number(new.get(n)));
            if a.is_some() && a == b {
                name_score(o, n)
            } else {
                0.0
            }
        };
        m.by_score(same_number, SAME_NUMBER_NAME_MIN, "same_number");
        m.by_score(name_score, SIMILAR_NAME_MIN, "similar_name");
        let shared = |o: usize, n: usize| match (old.get(o), new.get(n)) {
            (Some(a), Some(b)) => shared_members(a, b),
            _ => 0.0,
        };
        m.by_score(shared, SHARED_MEMBERS_MIN, "shared_members");
    }

    let mut out = Vec::new();
    for (n, c) in new.iter().enumerate() {
        let paired = m.new_to_old.get(n).cloned().flatten();
        match paired.and_then(|(o, how)| Some((old.get(o)?, how))) {
            Some((before, how)) => committee_changes(before, c, &how, people, &mut out),
            None => out.push(Change {
                committee: Some(committee_ref(None, Some(c))),
                ..change(ChangeKind::CommitteeAdded)
            }),
        }
    }
    for (o, c) in old.iter().enumerate() {
        if m.old_free(o) {
            out.push(Change {
                committee: Some(committee_ref(Some(c), None)),
                ..change(ChangeKind::CommitteeRemoved)
            });
        }
    }
    out
}

fn committee_ref(old: Option<&Committee>, new: Option<&Committee>) -> CommitteeRef {
    CommitteeRef {
        name: new.or(old).map(|c| c.name.clone()).unwrap_or_default(),
        old_id: old.map(|c| c.id.clone()),
        new_id: new.map(|c| c.id.clone()),
    }
}

fn member_ref(m: &CommitteeMember) -> MemberRef {
    MemberRef {
        full_name: m.full_name.clone(),
        position: m.position.clone(),
        role: m.role.clone(),
    }
}

/// Who a member is: a named member by name, a seat by its position.
fn identity(m: &CommitteeMember) -> Option<String> {
    match (&m.full_name, &m.position) {
        (Some(name), _) => Some(format!("n:{}", key(name))),
        (None, Some(post)) => Some(format!("s:{}", key(post))),
        (None, None) => None,
    }
}

/// The share of members of the larger committee that are in both.
fn shared_members(a: &Committee, b: &Committee) -> f64 {
    let most = a.members.len().max(b.members.len());
    if most == 0 {
        return 0.0;
    }
    let mut theirs: Vec<String> = b.members.iter().filter_map(identity).collect();
    theirs.sort_unstable();
    let common = a
        .members
        .iter()
        .filter_map(identity)
        .filter(|k| theirs.binary_search(k).is_ok())
        .count();
    common as f64 / most as f64
}

/// Whether two members' roles differ: by what the role is when both are
/// known (ประธาน and ประธานกรรมการ are one role), else by wording.
fn role_differs(a: &CommitteeMember, b: &CommitteeMember) -> bool {
    match (a.role_kind, b.role_kind) {
        (Some(x), Some(y)) => x != y,
        _ => key_opt(a.role.as_deref()) != key_opt(b.role.as_deref()),
    }
}

/// Changes of one committee present in both orders.
fn committee_changes(
    old: &Committee,
    new: &Committee,
    how: &Match,
    people: &People<'_>,
    out: &mut Vec<Change>,
) {
    let committee = committee_ref(Some(old), Some(new));
    let base = |kind: ChangeKind| Change {
        committee: Some(committee.clone()),
        ..change(kind)
    };
    if key(&old.name) != key(&new.name) {
        out.push(Change {
            old: Some(text(&old.name)),
            new: Some(text(&new.name)),
            matched: Some(how.clone()),
            ..base(ChangeKind::CommitteeRenamed)
        });
    }

    // Members: the same name (or, for a seat, the same post); then a new
    // holder of the same post and role.
    let (om, nm) = (&old.members, &new.members);
    let mut m = Pairs::new(om.len(), nm.len());
    m.by_key(
        om.iter().map(identity),
        nm.iter().map(identity),
        &exact("same_name"),
    );
    // a new name for the same person (marriage), as for people: only among
    // old members of the same given name (at most MAX_NAMESAKES of them)
    let mut by_given: HashMap<String, Vec<usize>> = HashMap::new();
    for (o, before) in om.iter().enumerate() {
        if let (true, Some(g)) = (m.old_free(o), people.given(true, before)) {
            by_given.entry(g).or_default().push(o);
        }
    }
    for (n, after) in nm.iter().enumerate() {
        let Some(bucket) = people.given(false, after).and_then(|g| by_given.get(&g)) else {
            continue;
        };
        if !m.new_free(n) {
            continue;
        }
        let found = bucket
            .iter()
            .copied()
            .filter(|&o| m.old_free(o))
            .take(MAX_NAMESAKES)
            .find(|&o| {
                om.get(o)
                    .is_some_and(|before| people.renamed(before, after))
            });
        if let Some(o) = found {
            m.pair(o, n, exact("same_given_name"));
        }
    }
    let post = |x: &CommitteeMember| {
        let p = key_opt(x.position.as_deref());
        (!p.is_empty()).then(|| (p, x.role_kind.map(|k| format!("{k:?}"))))
    };
    m.by_key(
        om.iter().map(post),
        nm.iter().map(post),
        &exact("same_position"),
    );
    for (n, after) in nm.iter().enumerate() {
        let paired = m.new_to_old.get(n).cloned().flatten();
        let member = Some(member_ref(after));
        let Some((before, how)) = paired.and_then(|(o, how)| Some((om.get(o)?, how))) else {
            out.push(Change {
                member,
                ..base(ChangeKind::MemberJoined)
            });
            continue;
        };
        let field = |kind: ChangeKind, o: Option<&str>, n: Option<&str>| Change {
            member: member.clone(),
            old: o.map(text),
            new: n.map(text),
            matched: Some(how.clone()),
            ..base(kind)
        };
        if how.method == "same_position" {
            out.push(field(
                ChangeKind::MemberReplaced,
                before.full_name.as_deref(),
                after.full_name.as_deref(),
            ));
            continue;
        }
        if key_opt(before.full_name.as_deref()) != key_opt(after.full_name.as_deref()) {
            out.push(field(
                ChangeKind::MemberRenamed,
                before.full_name.as_deref(),
                after.full_name.as_deref(),
            ));
        }
        if role_differs(before, after) {
            out.push(field(
                ChangeKind::MemberRoleChanged,
                before.role.as_deref(),
                after.role.as_deref(),
            ));
        }
        // a seat is its post: only a named member's post can change
        let moved_post = key_opt(before.position.as_deref()) != key_opt(after.position.as_deref());
        if after.full_name.is_some() && moved_post {
            out.push(field(
                ChangeKind::MemberPositionChanged,
                before.position.as_deref(),
                after.position.as_deref(),
            ));
        }
    }
    for (o, before) in om.iter().enumerate() {
        if m.old_free(o) {
            out.push(Change {
                member: Some(member_ref(before)),
                ..base(ChangeKind::MemberLeft)
            });
        }
    }
    duty_changes(&old.duties, &new.duties, &base, out);
}

/// A committee's duties compared by their text: the same text; the same
/// number with similar words; similar words. Renumbering alone is no change.
fn duty_changes(
    old: &[Duty],
    new: &[Duty],
    base: &dyn Fn(ChangeKind) -> Change,
    out: &mut Vec<Change>,
) {
    let mut m = Pairs::new(old.len(), new.len());
    m.by_key(
        old.iter().map(|d| Some(key(&d.title))),
        new.iter().map(|d| Some(key(&d.title))),
        &exact("same_title"),
    );
    let score = |o: usize, n: usize| match (old.get(o), new.get(n)) {
        (Some(a), Some(b)) => similarity(&a.title, &b.title),
        _ => 0.0,
    };
    if old.len().max(new.len()) <= MAX_SCORED_COMMITTEES {
        let same_number = |o: usize, n: usize| {
            let (a, b) = (
                old.get(o).and_then(|d| d.number.as_ref()),
                new.get(n).and_then(|d| d.number.as_ref()),
            );
            if a.is_some() && a == b {
                score(o, n)
            } else {
                0.0
            }
        };
        m.by_score(same_number, SAME_NUMBER_MIN, "same_number");
        m.by_score(score, SIMILAR_MIN, "similar_title");
    }
    let duty_ref = |o: Option<&Duty>, n: Option<&Duty>| DutyRef {
        old_number: o.and_then(|d| d.number.as_deref().map(str::to_string)),
        new_number: n.and_then(|d| d.number.as_deref().map(str::to_string)),
        title: n.or(o).map(|d| d.title.to_string()).unwrap_or_default(),
    };
    for (n, d) in new.iter().enumerate() {
        let paired = m.new_to_old.get(n).cloned().flatten();
        match paired.and_then(|(o, how)| Some((old.get(o)?, how))) {
            Some((before, how)) if key(&before.title) != key(&d.title) => out.push(Change {
                duty: Some(duty_ref(Some(before), Some(d))),
                old: Some(Value::Text(before.title.to_string())),
                new: Some(Value::Text(d.title.to_string())),
                matched: Some(how),
                ..base(ChangeKind::CommitteeDutyReworded)
            }),
            Some(_) => {}
            None => out.push(Change {
                duty: Some(duty_ref(None, Some(d))),
                ..base(ChangeKind::CommitteeDutyAdded)
            }),
        }
    }
    for (o, d) in old.iter().enumerate() {
        if m.old_free(o) {
            out.push(Change {
                duty: Some(duty_ref(Some(d), None)),
                ..base(ChangeKind::CommitteeDutyRemoved)
            });
        }
    }
}
