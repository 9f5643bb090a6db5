//! One order into the tables: its row, its people, their duties (the tree
//! as parent ids), substitutes, committees and members, diagnostics; then
//! its people linked to the archive's persons (`super::link`).
//!
//! Every function here runs inside the caller's transaction and writes an
//! order whole or returns the error that rolls it back.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::Imported;
use crate::diff::matching::key;
use crate::model::{Duty, DutyOrder};

/// The Buddhist era is the Common Era + 543 (an order dated 2023 is of
/// 2566), for an order whose number gives no year.
const BE_OFFSET: i64 = 543;

/// An enum of the model as the JSON writes it (`duty_assignment`, `docx`).
fn word<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The order's Buddhist year: its number's, else its date's.
pub(super) fn year_be(order: &DutyOrder) -> Option<i64> {
    let h = &order.header;
    h.order_number
        .as_ref()
        .and_then(|n| n.year_be)
        .map(i64::from)
        .or_else(|| {
            h.date
                .as_ref()
                .and_then(|d| d.iso.as_deref())
                .and_then(|iso| iso.get(..4))
                .and_then(|y| y.parse::<i64>().ok())
                .map(|y| y + BE_OFFSET)
        })
}

/// Write `order` under its path (see [`Imported`]).
pub(super) fn import(
    conn: &Connection,
    order: &DutyOrder,
    recipe: &str,
    run: Option<i64>,
    now: &str,
) -> rusqlite::Result<Imported> {
    let path = order.source.path.as_str();
    let before: Option<(i64, String, String)> = conn
        .prepare_cached("SELECT id, sha256, recipe FROM orders WHERE path = ?1")?
        .query_row([path], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let how = match &before {
        Some((_, sha, r)) if *sha == order.source.sha256 && r == recipe => {
            return Ok(Imported::Unchanged);
        }
        Some((id, _, _)) => {
            delete_order(conn, *id)?;
            Imported::Replaced
        }
        None => Imported::Added,
    };
    conn.prepare_cached("DELETE FROM failures WHERE path = ?1")?
        .execute([path])?;
    let order_id = insert_order(conn, order, recipe, run, now)?;
    let people = insert_people(conn, order_id, order)?;
    insert_committees(conn, order_id, order, &people)?;
    let mut diagnostics = conn.prepare_cached(
        "INSERT INTO diagnostics (order_id, seq, severity, code, line, message, label, number)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (seq, d) in order.diagnostics.iter().enumerate() {
        diagnostics.execute(params![
            order_id,
            seq as i64,
            word(&d.severity),
            word(&d.code),
            d.line,
            d.message,
            d.label,
            d.number
        ])?;
    }
    super::link::link_people(conn, order, &people.rows, year_be(order))?;
    Ok(how)
}

/// Record a failure of `path`, removing the order an earlier run imported.
pub(super) fn record_failure(
    conn: &Connection,
    path: &str,
    error: &str,
    run: Option<i64>,
    now: &str,
) -> rusqlite::Result<()> {
    let before: Option<i64> = conn
        .prepare_cached("SELECT id FROM orders WHERE path = ?1")?
        .query_row([path], |r| r.get(0))
        .optional()?;
    if let Some(id) = before {
        delete_order(conn, id)?;
    }
    conn.prepare_cached(
        "INSERT INTO failures (path, error, run_id, failed_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (path) DO UPDATE SET error = excluded.error, run_id = excluded.run_id,
         failed_at = excluded.failed_at",
    )?
    .execute(params![path, error, run, now])?;
    Ok(())
}

/// Delete an order's rows (its children cascade) and the persons that no
/// other order names any more.
fn delete_order(conn: &Connection, order_id: i64) -> rusqlite::Result<()> {
    let persons: Vec<i64> = conn
        .prepare_cached(
            "SELECT DISTINCT person_id FROM people WHERE order_id = ?1 AND person_id IS NOT NULL",
        )?
        .query_map([order_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    conn.prepare_cached("DELETE FROM orders WHERE id = ?1")?
        .execute([order_id])?;
    let mut orphan = conn.prepare_cached(
        "DELETE FROM persons WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM people WHERE person_id = ?1)",
    )?;
    for &p in &persons {
        orphan.execute([p])?;
    }
    for p in persons {
        super::link::find_latest(conn, p)?;
    }
    Ok(())
}

fn insert_order(
    conn: &Connection,
    order: &DutyOrder,
    recipe: &str,
    run: Option<i64>,
    now: &str,
) -> rusqlite::Result<i64> {
    let (s, h) = (&order.source, &order.header);
    let number = h.order_number.as_ref();
    let date = h.date.as_ref();
    let signer = h.signed_by.as_ref();
    conn.prepare_cached(
        "INSERT INTO orders (path, sha256, recipe, bytes, format, encoding, schema_version, kind,
            document, issuer, unit, number_text, number, number_year_be, subject, effective,
            date_text, date_iso, year_be, signer, signer_position, run_id, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23)",
    )?
    .execute(params![
        s.path,
        s.sha256,
        recipe,
        i64::try_from(s.bytes).unwrap_or(i64::MAX),
        word(&s.format),
        s.encoding,
        order.schema_version,
        word(&h.kind),
        h.document,
        h.issuer,
        h.unit,
        number.map(|n| n.text.as_str()),
        number.and_then(|n| n.number),
        number.and_then(|n| n.year_be),
        h.subject,
        h.effective,
        date.map(|d| d.text.as_str()),
        date.and_then(|d| d.iso.as_deref()),
        year_be(order),
        signer.and_then(|x| x.name.as_deref()),
        signer
            .filter(|x| !x.position.is_empty())
            .map(|x| x.position.join("\n")),
        run,
        now
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The rows of an order's people: by index in `people[]`, and by JSON id
/// (the first entry of a repeated id, as `diff` finds it).
pub(super) struct PeopleRows {
    pub rows: Vec<i64>,
    pub by_id: HashMap<String, i64>,
}

fn insert_people(
    conn: &Connection,
    order_id: i64,
    order: &DutyOrder,
) -> rusqlite::Result<PeopleRows> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO people (order_id, seq, json_id, number, label, title, given_name, family_name,
            full_name, position, rank, role, work_group, class, appointed_as, same_as, line_start,
            line_end, page, name_key, given_key, family_key, position_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23)",
    )?;
    let mut rows = Vec::with_capacity(order.people.len());
    let mut by_id = HashMap::new();
    for (seq, p) in order.people.iter().enumerate() {
        insert.execute(params![
            order_id,
            seq as i64,
            p.id,
            p.number,
            p.label,
            p.title,
            p.given_name,
            p.family_name,
            p.full_name,
            p.position,
            p.rank,
            p.role,
            p.work_group,
            p.class,
            p.appointed_as,
            p.same_as,
            p.line_start,
            p.line_end,
            p.page,
            key(&p.full_name),
            p.given_name.as_deref().map(key),
            p.family_name.as_deref().map(key),
            p.position.as_deref().map(key),
        ])?;
        let row = conn.last_insert_rowid();
        rows.push(row);
        by_id.entry(p.id.clone()).or_insert(row);
    }
    drop(insert);
    let mut duty_rows = HashMap::new();
    for (p, &row) in order.people.iter().zip(&rows) {
        insert_duties(
            conn,
            order_id,
            Owner::Person(row),
            &p.duties,
            &mut duty_rows,
        )?;
    }
    let mut subs = conn.prepare_cached(
        "INSERT INTO substitutes (order_id, people_id, seq, full_name, substitute_people_id, duty_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (p, &row) in order.people.iter().zip(&rows) {
        for (seq, s) in p.substitutes.iter().enumerate() {
            let stand_in = s.person_id.as_ref().and_then(|id| by_id.get(id));
            let duty = s.duty_id.as_ref().and_then(|id| duty_rows.get(id.as_str()));
            subs.execute(params![
                order_id,
                row,
                seq as i64,
                s.full_name,
                stand_in,
                duty
            ])?;
        }
    }
    Ok(PeopleRows { rows, by_id })
}

/// Whose duties.
#[derive(Clone, Copy)]
enum Owner {
    Person(i64),
    Committee(i64),
}

/// Insert a tree of duties (preorder, an explicit stack: a deep outline
/// never deepens the call stack); `ids` gets each duty's row by JSON id (the
/// first of a repeated id).
fn insert_duties<'a>(
    conn: &Connection,
    order_id: i64,
    owner: Owner,
    duties: &'a [Duty],
    ids: &mut HashMap<&'a str, i64>,
) -> rusqlite::Result<()> {
    let (people_id, committee_id) = match owner {
        Owner::Person(p) => (Some(p), None),
        Owner::Committee(c) => (None, Some(c)),
    };
    let mut insert = conn.prepare_cached(
        "INSERT INTO duties (order_id, people_id, committee_id, parent_id, seq, depth, json_id,
            number, label, kind, title, line_start, line_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut stack: Vec<(&Duty, Option<i64>, usize, usize)> = duties
        .iter()
        .enumerate()
        .rev()
        .map(|(seq, d)| (d, None, seq, 0))
        .collect();
    while let Some((d, parent, seq, depth)) = stack.pop() {
        insert.execute(params![
            order_id,
            people_id,
            committee_id,
            parent,
            seq as i64,
            depth as i64,
            d.id,
            d.number,
            d.label,
            word(&d.kind),
            d.title,
            d.line_start,
            d.line_end
        ])?;
        let row = conn.last_insert_rowid();
        ids.entry(d.id.as_str()).or_insert(row);
        stack.extend(
            d.steps
                .iter()
                .enumerate()
                .rev()
                .map(|(i, s)| (s, Some(row), i, depth + 1)),
        );
    }
    Ok(())
}

fn insert_committees(
    conn: &Connection,
    order_id: i64,
    order: &DutyOrder,
    people: &PeopleRows,
) -> rusqlite::Result<()> {
    let mut committee = conn.prepare_cached(
        "INSERT INTO committees (order_id, seq, json_id, number, name) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut member = conn.prepare_cached(
        "INSERT INTO members (order_id, committee_id, seq, people_id, full_name, title, position,
            role, role_kind, group_name, line_start, line_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut ids = HashMap::new();
    for (seq, c) in order.committees.iter().enumerate() {
        committee.execute(params![order_id, seq as i64, c.id, c.number, c.name])?;
        let row = conn.last_insert_rowid();
        for (k, m) in c.members.iter().enumerate() {
            let person = m.person_id.as_ref().and_then(|id| people.by_id.get(id));
            member.execute(params![
                order_id,
                row,
                k as i64,
                person,
                m.full_name,
                m.title,
                m.position,
                m.role,
                m.role_kind.as_ref().map(word),
                m.group,
                m.line_start,
                m.line_end
            ])?;
        }
        insert_duties(conn, order_id, Owner::Committee(row), &c.duties, &mut ids)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_is_the_numbers_else_the_dates() {
        let mut o = crate::parse_str("x.txt", "ที่ 12/2566\nเรื่อง ทดสอบ\n").expect("parses");
        assert_eq!(year_be(&o), Some(2566));
        o.header.order_number = None;
        o.header.date = Some(crate::model::DateInfo {
            text: "1 ตุลาคม 2567".into(),
            iso: Some("2024-10-01".into()),
        });
        assert_eq!(year_be(&o), Some(2567));
        o.header.date = None;
        assert_eq!(year_be(&o), None);
    }

    #[test]
    fn enums_are_the_jsons_words() {
        assert_eq!(
            word(&crate::model::DocumentKind::DutyAssignment),
            "duty_assignment"
        );
        assert_eq!(
            word(&crate::model::DutyKind::OtherAssigned),
            "other_assigned"
        );
    }
}
