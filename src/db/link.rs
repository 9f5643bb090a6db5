//! The same person across orders: each entry of an order's `people[]` is
//! linked to a row of `persons`, so a clerk can ask for one teacher's
//! orders, duties and committees over the years.
//!
//! Who is the same person is decided exactly as `kamsang diff` decides it
//! between last year's order and this year's (`diff::matching::match_people`):
//! the same full name; else the same given name with
//! corroboration (the same family name, position or a shared duty, or a
//! title change that explains a new family name — marriage); else the same
//! family name and position with mostly the same duties. The "old order" it
//! is given is the archive: for every person that some name of the new
//! order could match (by the same keys, through `person_keys`), their
//! latest entry (by year, then the last imported: `persons.latest_people_id`)
//! with its top-level duties. Both are lookups of a few rows, so linking
//! costs the same in the ten-thousandth order as in the first; and the
//! latest entries a run wrote or read are kept in memory ([`Latest`],
//! bounded), so the next order naming the same staff reads none back. A
//! different name and title are kept, not overwritten: the
//! `person_aliases` view lists every way an archive names a person.
//!
//! Linking comes in two steps around the people's rows: [`pair`] decides
//! each entry's person before the rows are written (so each is written once,
//! with its `person_id`), [`record`] then makes the new rows the persons'
//! latest entries and adds the keys they were seen with.
//!
//! Within one order, an entry with `same_as` (a roster naming someone
//! again) and a repeated full name are the earlier entry's person. Names
//! are matched across the whole archive, whatever the issuing office: two
//! offices' staff of the same full name are one person (a name is what the
//! orders give; the issue asked for the name key).

use std::borrow::Cow;
use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use crate::diff::matching::{key, match_people};
use crate::model::{Duty, DutyKind, DutyOrder, Person};

/// Most persons one key (a name, a given name, a family name and position)
/// brings in as candidates: diff's own cap on a bucket
/// (`matching::MAX_CANDIDATES`), so an archive with thousands of one given
/// name (สมชาย) keeps linking in constant time per person.
const CANDIDATES_PER_KEY: i64 = 64;

/// The latest entry of persons, as linking compares them
/// ([`representative`]), kept between orders so that an entry just written
/// is not read back for the next order that names the same person. Only
/// the writer's own transactions change it: [`Latest::clear`] when a
/// transaction is rolled back or another connection wrote in between.
#[derive(Default)]
pub(super) struct Latest {
    by_person: HashMap<i64, Person>,
}

/// Most persons [`Latest`] holds (a few KB each: the name and top-level
/// duties); past it, it starts again empty. An office's archive names a
/// few hundred staff, so a batch finds nearly all of them here.
const LATEST_CACHED: usize = 1024;

impl Latest {
    /// Forget everything (after a rollback, or another writer's commit).
    pub(super) fn clear(&mut self) {
        self.by_person.clear();
    }

    /// Forget one person (an order of theirs was deleted).
    pub(super) fn forget(&mut self, person: i64) {
        self.by_person.remove(&person);
    }

    fn put(&mut self, person: i64, latest: Person) {
        if self.by_person.len() >= LATEST_CACHED && !self.by_person.contains_key(&person) {
            self.by_person.clear();
        }
        self.by_person.insert(person, latest);
    }
}

/// A person of an order as [`representative`] reads them back: the names,
/// post, rank, lines and the top-level duties' id, title, kind and lines.
fn as_latest(p: &Person) -> Person {
    Person {
        id: p.id.clone(),
        number: None,
        label: None,
        node: None,
        title: p.title.clone(),
        given_name: p.given_name.clone(),
        family_name: p.family_name.clone(),
        full_name: p.full_name.clone(),
        position: p.position.clone(),
        rank: p.rank.clone(),
        role: None,
        work_group: None,
        class: None,
        appointed_as: None,
        duty_intro: None,
        same_as: None,
        line_start: p.line_start,
        line_end: p.line_end,
        page: None,
        duties: p
            .duties
            .iter()
            .map(|d| Duty {
                id: d.id.clone(),
                number: None,
                label: None,
                label_form: None,
                node: None,
                title: d.title.clone(),
                kind: d.kind,
                line_start: d.line_start,
                line_end: d.line_end,
                steps: Vec::new(),
            })
            .collect(),
        substitutes: Vec::new(),
    }
}

/// Who the people of an order are: [`pair`]'s answer, completed by
/// [`record`] once their rows are written.
pub(super) struct Linked {
    /// The person of each entry of `people[]`.
    pub person_of: Vec<Option<i64>>,
    /// The entries that stand for themselves, each with its person.
    heads: Vec<(usize, i64)>,
}

/// Pair the people of `order` with the archive's persons (creating those it
/// does not have, their latest entry still to be set by [`record`]).
pub(super) fn pair(
    conn: &Connection,
    latest: &mut Latest,
    order: &DutyOrder,
) -> rusqlite::Result<Linked> {
    let people = &order.people;
    let names: Vec<String> = people.iter().map(|p| key(&p.full_name)).collect();
    // Which entry stands for each one: itself, or an earlier entry of the
    // same person (same_as, or the same full name).
    let mut stands_for: Vec<usize> = (0..people.len()).collect();
    let mut first_by_id: HashMap<&str, usize> = HashMap::new();
    let mut first_by_name: HashMap<&str, usize> = HashMap::new();
    for (i, (p, name)) in people.iter().zip(&names).enumerate() {
        first_by_id.entry(p.id.as_str()).or_insert(i);
        let earlier = p
            .same_as
            .as_deref()
            .and_then(|id| first_by_id.get(id).copied())
            .filter(|&j| j < i)
            .or_else(|| first_by_name.get(name.as_str()).copied());
        match earlier {
            Some(j) => {
                if let (Some(root), Some(slot)) =
                    (stands_for.get(j).copied(), stands_for.get_mut(i))
                {
                    *slot = root;
                }
            }
            None => {
                first_by_name.insert(name, i);
            }
        }
    }
    let heads: Vec<usize> = (0..people.len())
        .filter(|&i| stands_for.get(i) == Some(&i))
        .collect();
    let new: Cow<'_, [Person]> = if heads.len() == people.len() {
        Cow::Borrowed(people)
    } else {
        Cow::Owned(
            heads
                .iter()
                .filter_map(|&i| people.get(i).cloned())
                .collect(),
        )
    };

    let candidates = candidates(conn, &new)?;
    let mut known = Vec::with_capacity(candidates.len());
    let mut known_ids = Vec::with_capacity(candidates.len());
    for id in candidates {
        // lent to the matcher and given back, never copied
        let found = match latest.by_person.remove(&id) {
            Some(p) => Some(p),
            None => representative(conn, id)?,
        };
        if let Some(p) = found {
            known.push(p);
            known_ids.push(id);
        }
    }
    let pairing = match_people(&known, &new);
    for (&id, p) in known_ids.iter().zip(known) {
        latest.put(id, p);
    }

    let mut create =
        conn.prepare_cached("INSERT INTO persons (full_name, name_key) VALUES (?1, ?2)")?;
    let mut person_heads = Vec::with_capacity(heads.len());
    for (n, (&head, p)) in heads.iter().zip(new.iter()).enumerate() {
        let existing = pairing
            .old_of(n)
            .and_then(|(o, _)| known_ids.get(o).copied());
        let id = match existing {
            Some(id) => id,
            None => {
                let name = names.get(head).map_or("", String::as_str);
                create.execute(params![p.full_name, name])?;
                conn.last_insert_rowid()
            }
        };
        person_heads.push((head, id));
    }
    let by_head: HashMap<usize, i64> = person_heads.iter().copied().collect();
    let person_of = stands_for
        .iter()
        .map(|head| by_head.get(head).copied())
        .collect();
    Ok(Linked {
        person_of,
        heads: person_heads,
    })
}

/// After the people of `order` are written (their rows `rows`): each
/// person's latest entry (when this one is newer: a later year, or the same
/// year imported later) and every key they are now seen with.
pub(super) fn record(
    conn: &Connection,
    latest: &mut Latest,
    order: &DutyOrder,
    linked: &Linked,
    rows: &[i64],
    year_be: Option<i64>,
) -> rusqlite::Result<()> {
    let mut newer = conn.prepare_cached(
        "UPDATE persons SET full_name = ?2, name_key = ?3, latest_people_id = ?4, latest_year_be = ?5
         WHERE id = ?1 AND (latest_people_id IS NULL
               OR coalesce(?5, -1) >= coalesce(latest_year_be, -1))",
    )?;
    let mut keys = conn.prepare_cached(
        "INSERT OR IGNORE INTO person_keys (person_id, name_key, given_key, family_key, position_key)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for &(head, id) in &linked.heads {
        let (Some(p), Some(&row)) = (order.people.get(head), rows.get(head)) else {
            continue;
        };
        // named as in their latest entry: those keys are in person_keys
        // already (every recorded entry's are, and they stay while the
        // person does)
        let known = latest.by_person.get(&id).is_some_and(|l| {
            l.full_name == p.full_name
                && l.given_name == p.given_name
                && l.family_name == p.family_name
                && l.position == p.position
        });
        let name = key(&p.full_name);
        if newer.execute(params![id, p.full_name, name, row, year_be])? > 0 {
            latest.put(id, as_latest(p));
        }
        if known {
            continue;
        }
        let k = |t: Option<&str>| t.map(key).unwrap_or_default();
        keys.execute(params![
            id,
            name,
            k(p.given_name.as_deref()),
            k(p.family_name.as_deref()),
            k(p.position.as_deref())
        ])?;
    }
    Ok(())
}

/// Persons that one of `people` could be, by diff's keys (the same full
/// name; the same given name; the same family name and position), in
/// ascending id (so linking does not depend on hash order).
fn candidates(conn: &Connection, people: &[Person]) -> rusqlite::Result<Vec<i64>> {
    let mut by_name = conn.prepare_cached(
        "SELECT DISTINCT person_id FROM person_keys WHERE name_key = ?1 LIMIT ?2",
    )?;
    let mut by_given = conn.prepare_cached(
        "SELECT DISTINCT person_id FROM person_keys WHERE given_key = ?1 LIMIT ?2",
    )?;
    let mut by_family = conn.prepare_cached(
        "SELECT DISTINCT person_id FROM person_keys
         WHERE family_key = ?1 AND position_key = ?2 LIMIT ?3",
    )?;
    let mut found: Vec<i64> = Vec::new();
    for p in people {
        let ids =
            by_name.query_map(params![key(&p.full_name), CANDIDATES_PER_KEY], |r| r.get(0))?;
        for id in ids {
            found.push(id?);
        }
        if let Some(given) = p.given_name.as_deref().map(key).filter(|g| !g.is_empty()) {
            let ids = by_given.query_map(params![given, CANDIDATES_PER_KEY], |r| r.get(0))?;
            for id in ids {
                found.push(id?);
            }
        }
        if let (Some(family), Some(position)) = (p.family_name.as_deref(), p.position.as_deref()) {
            let ids = by_family.query_map(
                params![key(family), key(position), CANDIDATES_PER_KEY],
                |r| r.get(0),
            )?;
            for id in ids {
                found.push(id?);
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    Ok(found)
}

/// After an order of `person` was deleted: point the person at their
/// latest remaining entry again (if the deleted one was it).
pub(super) fn find_latest(conn: &Connection, person: i64) -> rusqlite::Result<()> {
    let latest: Option<(i64, Option<i64>, String)> = conn
        .prepare_cached(
            "SELECT p.id, o.year_be, p.full_name
             FROM persons s JOIN people p ON p.person_id = s.id JOIN orders o ON o.id = p.order_id
             WHERE s.id = ?1 AND s.latest_people_id IS NULL
             ORDER BY coalesce(o.year_be, -1) DESC, p.id DESC LIMIT 1",
        )?
        .query_row([person], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if let Some((row, year, name)) = latest {
        conn.prepare_cached(
            "UPDATE persons SET latest_people_id = ?2, latest_year_be = ?3, full_name = ?4,
                name_key = ?5
             WHERE id = ?1",
        )?
        .execute(params![person, row, year, name, key(&name)])?;
    }
    Ok(())
}

/// A person's latest entry (the latest year; among equal years, the last
/// imported) with its top-level duties, as diff sees a person of the old
/// order.
fn representative(conn: &Connection, person: i64) -> rusqlite::Result<Option<Person>> {
    let row = conn
        .prepare_cached(
            "SELECT p.id, p.json_id, p.title, p.given_name, p.family_name, p.full_name,
                    p.position, p.rank, p.line_start, p.line_end
             FROM persons s JOIN people p ON p.id = s.latest_people_id
             WHERE s.id = ?1",
        )?
        .query_row([person], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Person {
                    id: r.get(1)?,
                    number: None,
                    label: None,
                    node: None,
                    title: r.get(2)?,
                    given_name: r.get(3)?,
                    family_name: r.get(4)?,
                    full_name: r.get(5)?,
                    position: r.get(6)?,
                    rank: r.get(7)?,
                    role: None,
                    work_group: None,
                    class: None,
                    appointed_as: None,
                    duty_intro: None,
                    same_as: None,
                    line_start: r.get(8)?,
                    line_end: r.get(9)?,
                    page: None,
                    duties: Vec::new(),
                    substitutes: Vec::new(),
                },
            ))
        });
    let (row, mut person) = match row {
        Ok(found) => found,
        Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
        Err(e) => return Err(e),
    };
    let duties = conn
        .prepare_cached(
            "SELECT json_id, title, kind, line_start, line_end FROM duties
             WHERE people_id = ?1 AND parent_id IS NULL ORDER BY seq",
        )?
        .query_map([row], |r| {
            let kind: String = r.get(2)?;
            Ok(Duty {
                id: r.get(0)?,
                number: None,
                label: None,
                label_form: None,
                node: None,
                title: r.get::<_, String>(1)?.into(),
                kind: serde_json::from_value(serde_json::Value::String(kind))
                    .unwrap_or(DutyKind::Unknown),
                line_start: r.get(3)?,
                line_end: r.get(4)?,
                steps: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<Duty>>>()?;
    person.duties = duties;
    Ok(Some(person))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::db::Archive;

    /// The person of each entry of each order, in import order.
    fn persons(db: &Path) -> Vec<(String, String, i64)> {
        let conn = rusqlite::Connection::open(db).expect("open");
        conn.prepare(
            "SELECT o.path, p.json_id, p.person_id FROM people p
             JOIN orders o ON o.id = p.order_id ORDER BY p.id",
        )
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
    }

    fn orders() -> Vec<crate::DutyOrder> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for round in 0..3 {
            for (k, rel) in [
                "fixtures/diff/next-year/old.txt",
                "fixtures/diff/next-year/new.txt",
                "fixtures/parse/phetchaburi1-policy-plan.txt",
            ]
            .iter()
            .enumerate()
            {
                let bytes = std::fs::read(root.join(rel)).expect("fixture");
                let path = format!("{round}/{k}.txt");
                out.push(crate::parse_bytes(&path, &bytes).expect("parses"));
            }
        }
        out
    }

    /// Linking against the latest entries kept in memory gives the same
    /// persons as reading every one back from the database (a fresh
    /// connection for each order).
    #[test]
    fn the_latest_entries_kept_link_as_those_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (warm, cold) = (
            dir.path().join("warm.sqlite"),
            dir.path().join("cold.sqlite"),
        );
        let orders = orders();
        let mut db = Archive::open(&warm).expect("open");
        for o in &orders {
            db.import(o, "r").expect("import");
        }
        db.commit().expect("commit");
        // what it keeps is what it would read back
        assert!(!db.latest.by_person.is_empty());
        for (&id, kept) in &db.latest.by_person {
            let read = super::representative(&db.conn, id).expect("read");
            assert_eq!(read.as_ref(), Some(kept), "person {id}");
        }
        drop(db);
        for o in &orders {
            let mut db = Archive::open(&cold).expect("open");
            db.import(o, "r").expect("import");
            db.commit().expect("commit");
        }
        let (a, b) = (persons(&warm), persons(&cold));
        assert_eq!(a, b);
        let distinct: std::collections::BTreeSet<i64> = a.iter().map(|r| r.2).collect();
        assert!(
            distinct.len() < a.len() / 2,
            "the copies are linked: {distinct:?}"
        );
    }

    /// What another connection wrote between two groups is seen: here it
    /// deleted a person and gave the id to someone else.
    #[test]
    fn another_writer_between_groups_is_seen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.sqlite");
        let order = |path: &str, text: &str| crate::parse_str(path, text).expect("parses");
        let somchai = order("a.txt", "1. นายสมชาย  ใจดี ตำแหน่ง ครู\n   1.1 งานสารบรรณ\n");
        let malee = "1. นางสาวมาลี  ศรีสุข ตำแหน่ง ครู\n   1.1 งานพัสดุ\n";
        let mut db = Archive::open(&path).expect("open");
        db.import(&somchai, "r").expect("import");
        db.commit().expect("commit");
        {
            let mut other = Archive::open(&path).expect("open");
            other.record_failure("a.txt", "gone").expect("fail");
            other.import(&order("c.txt", malee), "r").expect("import");
            other.commit().expect("commit");
        }
        db.import(&order("b.txt", malee), "r").expect("import");
        db.commit().expect("commit");
        drop(db);
        let conn = rusqlite::Connection::open(&path).expect("open");
        let persons: i64 = conn
            .query_row("SELECT COUNT(DISTINCT person_id) FROM people", [], |r| {
                r.get(0)
            })
            .expect("count");
        assert_eq!(persons, 1, "มาลี of c.txt and b.txt are one person");
    }
}
