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
//! costs the same in the ten-thousandth order as in the first. A different name and title are kept, not overwritten: the
//! `person_aliases` view lists every way an archive names a person.
//!
//! Within one order, an entry with `same_as` (a roster naming someone
//! again) and a repeated full name are the earlier entry's person. Names
//! are matched across the whole archive, whatever the issuing office: two
//! offices' staff of the same full name are one person (a name is what the
//! orders give; the issue asked for the name key).

use std::borrow::Cow;
use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::diff::matching::{key, match_people};
use crate::model::{Duty, DutyKind, DutyOrder, Person};

/// Most persons one key (a name, a given name, a family name and position)
/// brings in as candidates: diff's own cap on a bucket
/// (`matching::MAX_CANDIDATES`), so an archive with thousands of one given
/// name (สมชาย) keeps linking in constant time per person.
const CANDIDATES_PER_KEY: i64 = 64;

/// Link the people of the order `order_id` (their rows `rows`, in
/// `people[]` order) to persons, creating those the archive does not have.
pub(super) fn link_people(
    conn: &Connection,
    order: &DutyOrder,
    rows: &[i64],
    year_be: Option<i64>,
) -> rusqlite::Result<()> {
    let people = &order.people;
    // Which entry stands for each one: itself, or an earlier entry of the
    // same person (same_as, or the same full name).
    let mut stands_for: Vec<usize> = (0..people.len()).collect();
    let mut first_by_id: HashMap<&str, usize> = HashMap::new();
    let mut first_by_name: HashMap<String, usize> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        first_by_id.entry(p.id.as_str()).or_insert(i);
        let earlier = p
            .same_as
            .as_deref()
            .and_then(|id| first_by_id.get(id).copied())
            .filter(|&j| j < i)
            .or_else(|| first_by_name.get(&key(&p.full_name)).copied());
        match earlier {
            Some(j) => {
                if let (Some(root), Some(slot)) =
                    (stands_for.get(j).copied(), stands_for.get_mut(i))
                {
                    *slot = root;
                }
            }
            None => {
                first_by_name.insert(key(&p.full_name), i);
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
        if let Some(p) = representative(conn, id)? {
            known.push(p);
            known_ids.push(id);
        }
    }
    let pairing = match_people(&known, &new);

    let mut person_of_head: HashMap<usize, i64> = HashMap::new();
    let mut create = conn.prepare_cached(
        "INSERT INTO persons (full_name, name_key, latest_people_id, latest_year_be)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    // the newest entry (a later year, or the same year imported later) is
    // who the person is now
    let mut newer = conn.prepare_cached(
        "UPDATE persons SET full_name = ?2, name_key = ?3, latest_people_id = ?4, latest_year_be = ?5
         WHERE id = ?1 AND (latest_people_id IS NULL
               OR coalesce(?5, -1) >= coalesce(latest_year_be, -1))",
    )?;
    let mut keys = conn.prepare_cached(
        "INSERT OR IGNORE INTO person_keys (person_id, name_key, given_key, family_key, position_key)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (n, (&head, p)) in heads.iter().zip(new.iter()).enumerate() {
        let existing = pairing
            .old_of(n)
            .and_then(|(o, _)| known_ids.get(o).copied());
        let row = rows.get(head).copied();
        let name = key(&p.full_name);
        let id = match existing {
            Some(id) => {
                newer.execute(params![id, p.full_name, name, row, year_be])?;
                id
            }
            None => {
                create.execute(params![p.full_name, name, row, year_be])?;
                conn.last_insert_rowid()
            }
        };
        let k = |t: Option<&str>| t.map(key).unwrap_or_default();
        keys.execute(params![
            id,
            name,
            k(p.given_name.as_deref()),
            k(p.family_name.as_deref()),
            k(p.position.as_deref())
        ])?;
        person_of_head.insert(head, id);
    }
    let mut set = conn.prepare_cached("UPDATE people SET person_id = ?2 WHERE id = ?1")?;
    for (i, &row) in rows.iter().enumerate() {
        let head = stands_for.get(i).copied().unwrap_or(i);
        if let Some(id) = person_of_head.get(&head) {
            set.execute(params![row, id])?;
        }
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
    conn.prepare_cached(
        "UPDATE persons SET (latest_people_id, latest_year_be, full_name, name_key) =
           (SELECT p.id, o.year_be, p.full_name, p.name_key
            FROM people p JOIN orders o ON o.id = p.order_id
            WHERE p.person_id = persons.id
            ORDER BY coalesce(o.year_be, -1) DESC, p.id DESC LIMIT 1)
         WHERE id = ?1 AND latest_people_id IS NULL",
    )?
    .execute([person])?;
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
                title: r.get(1)?,
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
