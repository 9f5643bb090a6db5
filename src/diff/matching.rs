//! Pairing last year's people and duties with this year's, in passes.
//!
//! Each pass only looks at what earlier passes left unpaired, and records how it
//! paired (method and score), so a report can say why two items were taken for
//! the same one. Exact passes come first and cost a hash lookup; word
//! similarity (which needs Thai word segmentation) runs only on what is left.

use std::collections::{HashMap, VecDeque};

use super::model::Match;
use super::words;
use crate::model::{Duty, Person};

/// Text as compared: whitespace removed, so re-wrapping, re-indentation and
/// spacing never count as a change (the parser has already normalised the
/// Thai marks).
pub fn key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An optional text as compared.
pub fn key_opt(text: Option<&str>) -> String {
    text.map(key).unwrap_or_default()
}

/// Least word similarity for two duties under the same number of the same person.
const SAME_NUMBER_MIN: f64 = 0.4;
/// Least word similarity for two duties of the same person.
const SIMILAR_MIN: f64 = 0.55;
/// Least word similarity for a duty that moved to another person.
const SIMILAR_ACROSS_MIN: f64 = 0.7;
/// Least share of common duties for pairing two people by family name and position.
const SHARED_DUTIES_MIN: f64 = 0.5;

fn exact(method: &str) -> Match {
    Match {
        method: method.to_string(),
        score: 1.0,
    }
}

fn scored(method: &str, score: f64) -> Match {
    Match {
        method: method.to_string(),
        score: (score * 1000.0).round() / 1000.0,
    }
}

/// Which old item is which new one (people, or duties), and how each pair
/// was found.
#[derive(Debug, Default)]
pub struct Pairing {
    /// For each old item, the index of the same item in the new order.
    pub old_to_new: Vec<Option<usize>>,
    /// For each new item, the index of the same item in the old order.
    pub new_to_old: Vec<Option<usize>>,
    /// For each new item with an old one, how they were paired.
    pub how: Vec<Option<Match>>,
}

impl Pairing {
    fn new(old: usize, new: usize) -> Self {
        Pairing {
            old_to_new: vec![None; old],
            new_to_old: vec![None; new],
            how: vec![None; new],
        }
    }

    fn pair(&mut self, o: usize, n: usize, m: Match) {
        if let Some(slot) = self.old_to_new.get_mut(o) {
            *slot = Some(n);
        }
        if let Some(slot) = self.new_to_old.get_mut(n) {
            *slot = Some(o);
        }
        if let Some(slot) = self.how.get_mut(n) {
            *slot = Some(m);
        }
    }

    fn old_free(&self, o: usize) -> bool {
        matches!(self.old_to_new.get(o), Some(None))
    }

    fn new_free(&self, n: usize) -> bool {
        matches!(self.new_to_old.get(n), Some(None))
    }

    /// The new item paired with old item `o`.
    pub fn new_of(&self, o: usize) -> Option<usize> {
        self.old_to_new.get(o).copied().flatten()
    }

    /// The old item paired with new item `n`, and how.
    pub fn old_of(&self, n: usize) -> Option<(usize, &Match)> {
        let o = self.new_to_old.get(n).copied().flatten()?;
        Some((o, self.how.get(n)?.as_ref()?))
    }
}

/// The share of one person's duty titles found among the other's (0..=1).
fn shared_duties(a: &Person, b: &Person) -> f64 {
    let titles = |p: &Person| -> Vec<String> {
        p.duties
            .iter()
            .filter(|d| d.kind != "substitute_clause")
            .map(|d| key(&d.title))
            .collect()
    };
    let (ta, tb) = (titles(a), titles(b));
    let most = ta.len().max(tb.len());
    if most == 0 {
        return 0.0;
    }
    let common = ta.iter().filter(|t| tb.contains(t)).count();
    common as f64 / most as f64
}

/// The candidate with the highest score; the first in document order on a tie.
fn best_of(candidates: impl Iterator<Item = (usize, f64)>) -> Option<(usize, f64)> {
    candidates.fold(None, |best, (i, score)| match best {
        Some((_, top)) if top >= score => best,
        _ => Some((i, score)),
    })
}

/// Pair people: the same full name; then the same given name (a new title
/// or family name: marriage); then the same family name, position and mostly
/// the same duties (a changed given name). A wholly different name is never
/// the same person, even with the same position and duties: that is a
/// retirement and a newcomer taking over.
pub fn match_people(old: &[Person], new: &[Person]) -> Pairing {
    let mut m = Pairing::new(old.len(), new.len());

    // Pass 1: same full name (title included).
    let mut by_name: HashMap<String, VecDeque<usize>> = HashMap::new();
    for (i, p) in old.iter().enumerate() {
        by_name.entry(key(&p.full_name)).or_default().push_back(i);
    }
    for (n, p) in new.iter().enumerate() {
        if let Some(o) = by_name
            .get_mut(&key(&p.full_name))
            .and_then(VecDeque::pop_front)
        {
            m.pair(o, n, exact("same_name"));
        }
    }

    // Pass 2: same given name; among several, the one sharing most duties.
    for (n, p) in new.iter().enumerate() {
        let Some(given) = p.given_name.as_deref().map(key) else {
            continue;
        };
        if !m.new_free(n) {
            continue;
        }
        let best = old
            .iter()
            .enumerate()
            .filter(|(o, q)| {
                m.old_free(*o) && q.given_name.as_deref().map(key).as_deref() == Some(&given)
            })
            .map(|(o, q)| {
                // the same family name first, then the most shared duties
                let family = key_opt(q.family_name.as_deref()) == key_opt(p.family_name.as_deref());
                (o, 2.0 * f64::from(u8::from(family)) + shared_duties(q, p))
            });
        if let Some((o, _)) = best_of(best) {
            m.pair(o, n, exact("same_given_name"));
        }
    }

    // Pass 3: same family name and position, mostly the same duties.
    for (n, p) in new.iter().enumerate() {
        let (Some(family), Some(position)) = (p.family_name.as_deref(), p.position.as_deref())
        else {
            continue;
        };
        if !m.new_free(n) {
            continue;
        }
        let best = old
            .iter()
            .enumerate()
            .filter(|(o, q)| {
                m.old_free(*o)
                    && key_opt(q.family_name.as_deref()) == key(family)
                    && key_opt(q.position.as_deref()) == key(position)
            })
            .map(|(o, q)| (o, shared_duties(q, p)))
            .filter(|(_, s)| *s >= SHARED_DUTIES_MIN);
        if let Some((o, score)) = best_of(best) {
            m.pair(o, n, scored("family_name_position_duties", score));
        }
    }
    m
}

/// A top-level duty of a person, as the matcher sees it.
#[derive(Debug)]
pub struct Entry<'a> {
    /// Index of the person in its order.
    pub person: usize,
    /// The duty.
    pub duty: &'a Duty,
    /// Its title as compared.
    pub key: String,
    /// Its number under the person ("2" for duty 4.2 of person 4).
    pub local: Option<String>,
}

/// The duties of `people` that the diff compares, in document order. Clauses
/// naming who stands in (`substitute_clause`) are left out: their content is
/// the person's `substitutes`, compared on its own.
pub fn entries(people: &[Person]) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for (i, p) in people.iter().enumerate() {
        for d in p.duties.iter().filter(|d| d.kind != "substitute_clause") {
            out.push(Entry {
                person: i,
                duty: d,
                key: key(&d.title),
                local: local_number(d.number.as_deref(), p.number.as_deref()),
            });
        }
    }
    out
}

/// A duty's number without its person's ("4.2" under person "4" → "2").
pub fn local_number(duty: Option<&str>, person: Option<&str>) -> Option<String> {
    let duty = duty?;
    let local = person
        .and_then(|p| duty.strip_prefix(p))
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(duty);
    Some(local.to_string())
}

/// The words of the titles left unpaired by the exact passes, as sorted word
/// ids (one id space for both orders), and for each word the old entries that
/// use it: similarity then costs a merge of two short lists, and only pairs
/// sharing a word are ever scored.
struct Words {
    old: Vec<Vec<u32>>,
    new: Vec<Vec<u32>>,
    /// For each word id, the old entries whose title has it (each once).
    postings: Vec<Vec<usize>>,
}

impl Words {
    fn new(old: &[Entry<'_>], new: &[Entry<'_>], m: &Pairing) -> Words {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |text: &str| -> Vec<u32> {
            let mut v: Vec<u32> = words::words(text)
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w.to_string()).or_insert(next)
                })
                .collect();
            v.sort_unstable();
            v
        };
        let mut side = |entries: &[Entry<'_>], free: &dyn Fn(usize) -> bool| -> Vec<Vec<u32>> {
            let words = entries.iter().enumerate();
            words
                .map(|(i, e)| {
                    if free(i) {
                        intern(&e.duty.title)
                    } else {
                        Vec::new()
                    }
                })
                .collect()
        };
        let old_words = side(old, &|i| m.old_free(i));
        let new_words = side(new, &|i| m.new_free(i));
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
        for (i, ws) in old_words.iter().enumerate() {
            let mut last = None;
            for &w in ws {
                if last != Some(w) {
                    if let Some(p) = postings.get_mut(w as usize) {
                        p.push(i);
                    }
                    last = Some(w);
                }
            }
        }
        Words {
            old: old_words,
            new: new_words,
            postings,
        }
    }

    fn similarity(&self, o: usize, n: usize) -> f64 {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return 0.0;
        };
        dice(a, b)
    }

    /// Old entries sharing at least one word with new entry `n`.
    fn candidates(&self, n: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .new
            .get(n)
            .into_iter()
            .flatten()
            .filter_map(|w| self.postings.get(*w as usize))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Dice coefficient of two sorted word-id multisets (2·common / (|a| + |b|)).
/// Word order is ignored on purpose: a reworded duty often moves a clause.
fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f64 / (a.len() + b.len()) as f64
}

/// Pair duties: the same title under the same person; the same title under
/// another person (reassigned); the same number under the same person with
/// similar words; similar words under the same person; similar words under
/// another person.
pub fn match_duties(old: &[Entry<'_>], new: &[Entry<'_>], people: &Pairing) -> Pairing {
    let mut m = Pairing::new(old.len(), new.len());
    let same_person = |o: &Entry<'_>, n: &Entry<'_>| people.new_of(o.person) == Some(n.person);

    // Pass 1: same title, same person.
    let mut by_person_title: HashMap<(usize, &str), VecDeque<usize>> = HashMap::new();
    for (i, e) in old.iter().enumerate() {
        by_person_title
            .entry((e.person, e.key.as_str()))
            .or_default()
            .push_back(i);
    }
    for (n, e) in new.iter().enumerate() {
        let Some((op, _)) = people.old_of(e.person) else {
            continue;
        };
        if let Some(o) = by_person_title
            .get_mut(&(op, e.key.as_str()))
            .and_then(VecDeque::pop_front)
        {
            m.pair(o, n, exact("same_title"));
        }
    }

    // Pass 2: same title, another person.
    let mut by_title: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, e) in old.iter().enumerate() {
        if m.old_free(i) {
            by_title.entry(e.key.as_str()).or_default().push_back(i);
        }
    }
    for (n, e) in new.iter().enumerate() {
        if !m.new_free(n) {
            continue;
        }
        if let Some(o) = by_title
            .get_mut(e.key.as_str())
            .and_then(VecDeque::pop_front)
        {
            m.pair(o, n, exact("same_title"));
        }
    }

    let words = Words::new(old, new, &m);

    // Pass 3: same number under the same person, similar enough words.
    for (n, e) in new.iter().enumerate() {
        if !m.new_free(n) || e.local.is_none() {
            continue;
        }
        let found = old
            .iter()
            .enumerate()
            .find(|(o, oe)| m.old_free(*o) && same_person(oe, e) && oe.local == e.local);
        if let Some((o, _)) = found {
            let score = words.similarity(o, n);
            if score >= SAME_NUMBER_MIN {
                m.pair(o, n, scored("same_number", score));
            }
        }
    }

    // Pass 4: similar words, same person; pass 5: similar words, anyone.
    for across in [false, true] {
        let min = if across {
            SIMILAR_ACROSS_MIN
        } else {
            SIMILAR_MIN
        };
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for (n, ne) in new.iter().enumerate() {
            if !m.new_free(n) {
                continue;
            }
            for o in words.candidates(n) {
                let Some(oe) = old.get(o) else {
                    continue;
                };
                if !m.old_free(o) || (!across && !same_person(oe, ne)) {
                    continue;
                }
                let score = words.similarity(o, n);
                if score >= min {
                    candidates.push((score, o, n));
                }
            }
        }
        candidates.sort_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.2.cmp(&b.2))
                .then(a.1.cmp(&b.1))
        });
        for (score, o, n) in candidates {
            if m.old_free(o) && m.new_free(n) {
                m.pair(o, n, scored("similar_title", score));
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dice over the dictionary words of two titles (ids local to the pair).
    fn similarity(a: &'static str, b: &'static str) -> f64 {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut side = |t: &'static str| {
            let mut v: Vec<u32> = words::words(t)
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            v.sort_unstable();
            v
        };
        let (x, y) = (side(a), side(b));
        dice(&x, &y)
    }

    #[test]
    fn dice_counts_shared_words() {
        let a = "จัดทำแผนปฏิบัติการประจำปี";
        assert!(similarity(a, "จัดทำแผนปฏิบัติการประจำปีงบประมาณ") > 0.7);
        assert!(similarity(a, "ดูแลยานพาหนะของสำนักงาน") < 0.2);
        assert_eq!(similarity(a, a), 1.0);
        // a repeated word counts as often as both sides have it
        assert_eq!(dice(&[1, 1, 2], &[1, 3]), 0.4);
        assert_eq!(dice(&[], &[]), 1.0);
    }
}
