//! Pairing last year's people and duties with this year's, in passes.
//!
//! Each pass only looks at what earlier passes left unpaired, and records how it
//! paired (method and score), so a report can say why two items were taken for
//! the same one. Exact passes come first and cost a hash lookup; word
//! similarity (which needs Thai word segmentation) runs only on what is left.

use std::collections::{HashMap, VecDeque};
use std::sync::LazyLock;

use super::model::Match;
use super::words;
use crate::model::{Duty, DutyKind, Person};
use crate::thai::lexicon::{MARRIED_WOMAN_TITLES, UNMARRIED_WOMAN_TITLES};

/// Text as compared: whitespace removed, so re-wrapping, re-indentation and
/// spacing never count as a change (the parser has already normalised the
/// Thai marks).
pub fn key(text: &str) -> String {
    // sized once, and copied a run of letters at a time (collecting the
    // chars one by one grew and re-encoded the string: a tenth of the time
    // of an archive import went here)
    let mut out = String::with_capacity(text.len());
    for part in text.split(char::is_whitespace) {
        out.push_str(part);
    }
    out
}

/// An optional text as compared.
pub fn key_opt(text: Option<&str>) -> String {
    text.map(key).unwrap_or_default()
}

/// Least word similarity for two duties under the same number of the same person.
pub const SAME_NUMBER_MIN: f64 = 0.4;
/// Least word similarity for two duties of the same person.
pub const SIMILAR_MIN: f64 = 0.55;
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

/// Most candidates scored for one person or duty: the free items of its
/// bucket (same given name; same family name and position; same person and
/// number; sharing a rare word) in document order. A real order has a few
/// namesakes; a hostile one with 16,000 people of one name would otherwise
/// make the matcher quadratic (16k × 16k people took 109 s).
const MAX_CANDIDATES: usize = 64;

/// A person's names and duty titles as compared, computed once (not once
/// per candidate pair).
struct PersonKeys {
    title: Option<String>,
    given: Option<String>,
    family: Option<String>,
    position: Option<String>,
    /// Duty titles (not substitute clauses nor the catch-all, which
    /// everyone has), sorted.
    titles: Vec<String>,
}

impl PersonKeys {
    fn of(p: &Person) -> Self {
        let mut titles: Vec<String> = p
            .duties
            .iter()
            .filter(|d| !matches!(d.kind, DutyKind::SubstituteClause | DutyKind::OtherAssigned))
            .map(|d| key(&d.title))
            .collect();
        titles.sort_unstable();
        PersonKeys {
            title: p.title.as_deref().map(key),
            given: p.given_name.as_deref().map(key),
            family: p.family_name.as_deref().map(key),
            position: p.position.as_deref().map(key),
            titles,
        }
    }
}

/// The share of one person's duty titles found among the other's (0..=1).
fn shared_duties(a: &PersonKeys, b: &PersonKeys) -> f64 {
    let most = a.titles.len().max(b.titles.len());
    if most == 0 {
        return 0.0;
    }
    let common = a
        .titles
        .iter()
        .filter(|t| b.titles.binary_search(t).is_ok())
        .count();
    common as f64 / most as f64
}

/// [`UNMARRIED_WOMAN_TITLES`] and [`MARRIED_WOMAN_TITLES`] as compared,
/// keyed once (not once per candidate pair).
static WOMAN_TITLE_KEYS: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let keys = |list: &[&str]| list.iter().map(|w| key(w)).collect();
    (keys(UNMARRIED_WOMAN_TITLES), keys(MARRIED_WOMAN_TITLES))
});

/// Whether two people with the same given name are shown to be one: the
/// same family name (only the title changed), the same position, a duty in
/// common, or a title change that explains a new family name (นางสาว → นาง:
/// marriage, or back). Shared given names are common among school staff, so
/// without one of these it is a leaver and a newcomer.
fn corroborated(old: &PersonKeys, new: &PersonKeys) -> bool {
    let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
    let in_list = |t: &Option<String>, list: &[String]| {
        t.as_deref().is_some_and(|t| list.iter().any(|w| w == t))
    };
    let (unmarried, married) = &*WOMAN_TITLE_KEYS;
    let marriage = (in_list(&old.title, unmarried) && in_list(&new.title, married))
        || (in_list(&old.title, married) && in_list(&new.title, unmarried));
    same(&old.family, &new.family)
        || same(&old.position, &new.position)
        || shared_duties(old, new) > 0.0
        || marriage
}

/// Whether two people with different full names are one person by the
/// given-name rule: the same given name, corroborated (see `corroborated`).
/// For committee members, who are people without duties of their own.
pub fn same_given_name_corroborated(old: &Person, new: &Person) -> bool {
    let (a, b) = (PersonKeys::of(old), PersonKeys::of(new));
    a.given.is_some() && a.given == b.given && corroborated(&a, &b)
}

/// The candidate with the highest score; the first in document order on a tie.
fn best_of(candidates: impl Iterator<Item = (usize, f64)>) -> Option<(usize, f64)> {
    candidates.fold(None, |best, (i, score)| match best {
        Some((_, top)) if top >= score => best,
        _ => Some((i, score)),
    })
}

/// Old people by a key, in document order.
fn index_by<K: std::hash::Hash + Eq>(
    keys: &[PersonKeys],
    by: impl Fn(&PersonKeys) -> Option<K>,
) -> HashMap<K, Vec<usize>> {
    let mut out: HashMap<K, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = by(k) {
            out.entry(k).or_default().push(i);
        }
    }
    out
}

/// Pair people: the same full name; then the same given name (a new title
/// or family name: marriage); then the same family name, position and mostly
/// the same duties (a changed given name). A wholly different name is never
/// the same person, even with the same position and duties: that is a
/// retirement and a newcomer taking over. Old people are indexed by each key
/// first, so a pass looks only at the few with the same key (at most
/// [`MAX_CANDIDATES`] free ones).
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
    // the later passes only pair people left free: when the names paired
    // everyone (the usual case year on year), their keys are not needed
    if !(0..new.len()).any(|n| m.new_free(n)) {
        return m;
    }

    let old_keys: Vec<PersonKeys> = old.iter().map(PersonKeys::of).collect();
    let new_keys: Vec<PersonKeys> = new.iter().map(PersonKeys::of).collect();

    // Pass 2: same given name and some evidence that it is the same person
    // (see `corroborated`); among several, the one sharing most duties.
    let by_given = index_by(&old_keys, |k| k.given.clone());
    for (n, p) in new_keys.iter().enumerate() {
        let Some(given) = p.given.as_ref() else {
            continue;
        };
        if !m.new_free(n) {
            continue;
        }
        let bucket = by_given.get(given).map_or(&[][..], Vec::as_slice);
        let best = bucket
            .iter()
            .copied()
            .filter(|&o| m.old_free(o))
            .take(MAX_CANDIDATES)
            .filter_map(|o| Some((o, old_keys.get(o)?)))
            .filter(|(_, q)| corroborated(q, p))
            .map(|(o, q)| {
                // the same family name first, then the most shared duties
                let family = q.family.as_deref().unwrap_or("") == p.family.as_deref().unwrap_or("");
                (o, 2.0 * f64::from(u8::from(family)) + shared_duties(q, p))
            });
        if let Some((o, _)) = best_of(best) {
            m.pair(o, n, exact("same_given_name"));
        }
    }

    // Pass 3: same family name and position, mostly the same duties.
    let by_family_position = index_by(&old_keys, |k| {
        Some((
            k.family.clone().unwrap_or_default(),
            k.position.clone().unwrap_or_default(),
        ))
    });
    for (n, p) in new_keys.iter().enumerate() {
        let (Some(family), Some(position)) = (p.family.as_ref(), p.position.as_ref()) else {
            continue;
        };
        if !m.new_free(n) {
            continue;
        }
        let bucket = by_family_position
            .get(&(family.clone(), position.clone()))
            .map_or(&[][..], Vec::as_slice);
        let best = bucket
            .iter()
            .copied()
            .filter(|&o| m.old_free(o))
            .take(MAX_CANDIDATES)
            .filter_map(|o| Some((o, shared_duties(old_keys.get(o)?, p))))
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

impl Entry<'_> {
    /// The catch-all "other work as assigned" (`other_assigned`): every
    /// person has one, so it never moves from one person to another.
    pub fn is_catch_all(&self) -> bool {
        self.duty.kind == DutyKind::OtherAssigned
    }
}

/// The duties of `people` that the diff compares, in document order. Clauses
/// naming who stands in (`substitute_clause`) are left out: their content is
/// the person's `substitutes`, compared on its own.
pub fn entries(people: &[Person]) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for (i, p) in people.iter().enumerate() {
        for d in p
            .duties
            .iter()
            .filter(|d| d.kind != DutyKind::SubstituteClause)
        {
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

    /// The old entries of `pool` that share a word with new entry `n`.
    fn sharing(&self, n: usize, pool: &[usize]) -> Vec<usize> {
        let Some(a) = self.new.get(n) else {
            return Vec::new();
        };
        pool.iter()
            .copied()
            .filter(|&o| {
                self.old
                    .get(o)
                    .is_some_and(|b| b.iter().any(|w| a.binary_search(w).is_ok()))
            })
            .collect()
    }

    fn similarity(&self, o: usize, n: usize) -> f64 {
        let (Some(a), Some(b)) = (self.old.get(o), self.new.get(n)) else {
            return 0.0;
        };
        dice(a, b)
    }

    /// Old entries that can reach a Dice score of `min` with new entry `n`:
    /// those sharing a word of its *prefix* (prefix filtering, as in set
    /// similarity joins). Dice ≥ t needs at least ⌈t·|a| / (2 − t)⌉ common
    /// words, so a match shares one of the |a| − that + 1 rarest words of
    /// `a`: common words (งาน, ตาม …), whose old entries are many, are not
    /// probed, and the candidates stay few. At most [`MAX_WORD_CANDIDATES`],
    /// in document order.
    fn candidates(&self, n: usize, min: f64) -> Vec<usize> {
        let Some(words) = self.new.get(n) else {
            return Vec::new();
        };
        let posting = |w: u32| self.postings.get(w as usize).map_or(&[][..], Vec::as_slice);
        let mut rare: Vec<u32> = words.clone();
        rare.sort_by_key(|&w| (posting(w).len(), w));
        let size = rare.len() as f64;
        let needed = (min * size / (2.0 - min)).ceil().max(1.0) as usize;
        let prefix = rare.len().saturating_sub(needed) + 1;
        let mut out: Vec<usize> = rare
            .iter()
            .take(prefix)
            .flat_map(|&w| posting(w).iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out.truncate(MAX_WORD_CANDIDATES);
        out
    }
}

/// Most old duties scored against one new duty in the across-people pass
/// (see [`Words::candidates`]): a bound for titles that are all the same
/// few words, which prefix filtering cannot thin out.
const MAX_WORD_CANDIDATES: usize = 1024;

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
/// another person (reassigned); a person's catch-all with their catch-all
/// (a catch-all is never paired across people); the same number under the same person with
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
        if !m.new_free(n) || e.is_catch_all() {
            continue;
        }
        if let Some(o) = by_title
            .get_mut(e.key.as_str())
            .and_then(VecDeque::pop_front)
        {
            m.pair(o, n, exact("same_title"));
        }
    }

    // Pass 2b: a person's catch-all, whatever its wording (งานอื่น ๆ …,
    // ปฏิบัติงานอื่น ๆ …): never reworded, never reassigned.
    // The free old catch-alls by person, in document order (indexed once:
    // searching all old entries for each new catch-all was quadratic).
    let mut catch_alls: HashMap<usize, VecDeque<usize>> = HashMap::new();
    for (o, oe) in old.iter().enumerate() {
        if oe.is_catch_all() && m.old_free(o) {
            catch_alls.entry(oe.person).or_default().push_back(o);
        }
    }
    for (n, e) in new.iter().enumerate() {
        if !m.new_free(n) || !e.is_catch_all() {
            continue;
        }
        let Some((op, _)) = people.old_of(e.person) else {
            continue;
        };
        if let Some(o) = catch_alls.get_mut(&op).and_then(VecDeque::pop_front) {
            m.pair(o, n, exact("catch_all"));
        }
    }

    let words = Words::new(old, new, &m);
    let mut by_person: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, e) in old.iter().enumerate() {
        by_person.entry(e.person).or_default().push(i);
    }

    // Pass 3: same number under the same person, similar enough words.
    let mut by_person_number: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (i, e) in old.iter().enumerate() {
        if let Some(local) = e.local.as_deref() {
            by_person_number
                .entry((e.person, local))
                .or_default()
                .push(i);
        }
    }
    for (n, e) in new.iter().enumerate() {
        if !m.new_free(n) {
            continue;
        }
        let (Some(local), Some((op, _))) = (e.local.as_deref(), people.old_of(e.person)) else {
            continue;
        };
        let found = by_person_number
            .get(&(op, local))
            .and_then(|b| b.iter().copied().find(|&o| m.old_free(o)));
        let both_duties = found
            .and_then(|o| old.get(o))
            .is_some_and(|oe| !oe.is_catch_all() && !e.is_catch_all());
        if let (Some(o), true) = (found, both_duties) {
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
            if !m.new_free(n) || ne.is_catch_all() {
                continue;
            }
            // same person: that person's old duties; anyone: by rare words
            let pool = if across {
                words.candidates(n, min)
            } else {
                people
                    .old_of(ne.person)
                    .and_then(|(op, _)| by_person.get(&op))
                    .map(|b| words.sharing(n, b))
                    .unwrap_or_default()
            };
            for o in pool {
                let Some(oe) = old.get(o) else {
                    continue;
                };
                if !m.old_free(o) || oe.is_catch_all() || (!across && !same_person(oe, ne)) {
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
