//! One order into the tables: its row; its people, each linked to the
//! archive's persons first (`super::link`) so the row is written once with
//! its person; committees and members; every duty (the tree as parent ids),
//! numbered here and written many rows per statement; substitutes;
//! diagnostics.
//!
//! Every function here runs inside the caller's transaction and writes an
//! order whole or returns the error that rolls it back.

use std::collections::HashMap;
use std::sync::OnceLock;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::Imported;
use super::link::Latest;
use crate::model::{Duty, DutyKind, DutyOrder};

/// The Buddhist era is the Common Era + 543 (an order dated 2023 is of
/// 2566), for an order whose number gives no year.
const BE_OFFSET: i64 = 543;

/// Duties written by one `INSERT` of many rows: one statement's work (open
/// the table and its indexes, check the keys, close) shared by this many
/// rows; the rest of an order's duties go 4 and 1 at a time
/// ([`DUTY_BATCHES`]). Measured (benches/db.rs, instructions of an import):
/// one row a statement cost 8% more; 16 rows bind 224 values, far below
/// SQLite's limit of 32,766.
const DUTY_ROWS_PER_INSERT: usize = 16;

/// The sizes of duty inserts, largest first: [`DUTY_ROWS_PER_INSERT`], then
/// 4, then 1 (an order's remainder of under 16 rows in at most 6 statements).
const DUTY_BATCHES: [usize; 3] = [DUTY_ROWS_PER_INSERT, 4, 1];

/// Columns of a duty row, in the order of [`duty_insert_sql`]'s values.
const DUTY_COLUMNS: usize = 14;

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
    latest: &mut Latest,
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
            delete_order(conn, latest, *id)?;
            Imported::Replaced
        }
        None => Imported::Added,
    };
    conn.prepare_cached("DELETE FROM failures WHERE path = ?1")?
        .execute([path])?;
    let order_id = insert_order(conn, order, recipe, run, now)?;
    let linked = super::link::pair(conn, latest, order)?;
    let people = insert_people(conn, order_id, order, &linked.person_of)?;
    let committees = insert_committees(conn, order_id, order, &people)?;
    let duties = number_duties(conn, order, &people, &committees)?;
    insert_duties(conn, order_id, &duties)?;
    insert_substitutes(conn, order_id, order, &people, &duties)?;
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
    super::link::record(conn, latest, order, &linked, &people.rows, year_be(order))?;
    Ok(how)
}

/// Record a failure of `path`, removing the order an earlier run imported.
pub(super) fn record_failure(
    conn: &Connection,
    latest: &mut Latest,
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
        delete_order(conn, latest, id)?;
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
/// other order names any more; the others' latest entry found again.
fn delete_order(conn: &Connection, latest: &mut Latest, order_id: i64) -> rusqlite::Result<()> {
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
        latest.forget(p);
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

/// Write the people of `order`, each with its person (`person_of`, by index).
fn insert_people(
    conn: &Connection,
    order_id: i64,
    order: &DutyOrder,
    person_of: &[Option<i64>],
) -> rusqlite::Result<PeopleRows> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO people (order_id, seq, json_id, person_id, number, label, title, given_name,
            family_name, full_name, position, rank, role, work_group, class, appointed_as, same_as,
            line_start, line_end, page)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20)",
    )?;
    let mut rows = Vec::with_capacity(order.people.len());
    let mut by_id = HashMap::new();
    for (seq, p) in order.people.iter().enumerate() {
        insert.execute(params![
            order_id,
            seq as i64,
            p.id,
            person_of.get(seq).copied().flatten(),
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
        ])?;
        let row = conn.last_insert_rowid();
        rows.push(row);
        by_id.entry(p.id.clone()).or_insert(row);
    }
    Ok(PeopleRows { rows, by_id })
}

/// The substitutes of each person: who stands in (a person of the order,
/// when there is one) and the clause that names them.
fn insert_substitutes(
    conn: &Connection,
    order_id: i64,
    order: &DutyOrder,
    people: &PeopleRows,
    duties: &DutyRows<'_>,
) -> rusqlite::Result<()> {
    let mut subs = conn.prepare_cached(
        "INSERT INTO substitutes (order_id, people_id, seq, full_name, substitute_people_id, duty_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (p, &row) in order.people.iter().zip(&people.rows) {
        for (seq, s) in p.substitutes.iter().enumerate() {
            let stand_in = s.person_id.as_ref().and_then(|id| people.by_id.get(id));
            let duty = s
                .duty_id
                .as_ref()
                .and_then(|id| duties.of_people.get(id.as_str()));
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
    Ok(())
}

/// One duty row to write.
struct DutyRow<'a> {
    id: i64,
    people_id: Option<i64>,
    committee_id: Option<i64>,
    parent_id: Option<i64>,
    seq: usize,
    depth: usize,
    duty: &'a Duty,
    /// Index of its kind's word in [`DutyRows::kinds`].
    kind: usize,
}

/// Every duty and step of an order, numbered.
struct DutyRows<'a> {
    rows: Vec<DutyRow<'a>>,
    /// The words of the kinds that occur (`duty`, `step`, …), each made once.
    kinds: Vec<(DutyKind, String)>,
    /// The row of each people's duty a substitute names, by JSON id (the
    /// first of a repeated id).
    of_people: HashMap<&'a str, i64>,
}

/// Number every duty of `order`: the people's, person by person, then the
/// committees', each tree in preorder with an explicit stack (a deep
/// outline never deepens the call stack), from the table's next rowid. The
/// caller's transaction holds the write lock, so the ids are those SQLite
/// would give; knowing them first lets a step name its duty and many rows
/// share one insert.
fn number_duties<'a>(
    conn: &Connection,
    order: &'a DutyOrder,
    people: &PeopleRows,
    committees: &[i64],
) -> rusqlite::Result<DutyRows<'a>> {
    let mut next: i64 = conn
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM duties")?
        .query_row([], |r| r.get(0))?;
    let named: Vec<&str> = order
        .people
        .iter()
        .flat_map(|p| &p.substitutes)
        .filter_map(|s| s.duty_id.as_deref())
        .collect();
    let mut out = DutyRows {
        rows: Vec::new(),
        kinds: Vec::new(),
        of_people: HashMap::new(),
    };
    let owners = order
        .people
        .iter()
        .zip(&people.rows)
        .map(|(p, &row)| (Some(row), None, &p.duties))
        .chain(
            order
                .committees
                .iter()
                .zip(committees)
                .map(|(c, &row)| (None, Some(row), &c.duties)),
        );
    for (people_id, committee_id, duties) in owners {
        let mut stack: Vec<(&Duty, Option<i64>, usize, usize)> = duties
            .iter()
            .enumerate()
            .rev()
            .map(|(seq, d)| (d, None, seq, 0))
            .collect();
        while let Some((duty, parent_id, seq, depth)) = stack.pop() {
            let id = next;
            next += 1;
            if people_id.is_some() && named.contains(&duty.id.as_str()) {
                out.of_people.entry(duty.id.as_str()).or_insert(id);
            }
            let kind = match out.kinds.iter().position(|(k, _)| *k == duty.kind) {
                Some(k) => k,
                None => {
                    out.kinds.push((duty.kind, word(&duty.kind)));
                    out.kinds.len() - 1
                }
            };
            out.rows.push(DutyRow {
                id,
                people_id,
                committee_id,
                parent_id,
                seq,
                depth,
                duty,
                kind,
            });
            stack.extend(
                duty.steps
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, s)| (s, Some(id), i, depth + 1)),
            );
        }
    }
    Ok(out)
}

/// `INSERT INTO duties … VALUES (…), (…)` of `rows` rows, one text per size
/// of [`DUTY_BATCHES`], made once.
fn duty_insert_sql(rows: usize) -> &'static str {
    static SQL: OnceLock<Vec<String>> = OnceLock::new();
    let all = SQL.get_or_init(|| {
        DUTY_BATCHES
            .iter()
            .map(|&n| {
                let one = format!("({})", vec!["?"; DUTY_COLUMNS].join(", "));
                format!(
                    "INSERT INTO duties (id, order_id, people_id, committee_id, parent_id, seq,
                        depth, json_id, number, label, kind, title, line_start, line_end)
                     VALUES {}",
                    vec![one; n].join(", ")
                )
            })
            .collect()
    });
    DUTY_BATCHES
        .iter()
        .position(|&n| n == rows)
        .and_then(|i| all.get(i))
        .map_or("", String::as_str)
}

/// Write the numbered duties, [`DUTY_BATCHES`] rows per statement.
fn insert_duties(conn: &Connection, order_id: i64, duties: &DutyRows<'_>) -> rusqlite::Result<()> {
    let mut rest = duties.rows.as_slice();
    for size in DUTY_BATCHES {
        if rest.len() < size {
            continue;
        }
        let mut insert = conn.prepare_cached(duty_insert_sql(size))?;
        while rest.len() >= size {
            let (batch, later) = rest.split_at(size);
            for (k, row) in batch.iter().enumerate() {
                let at = k * DUTY_COLUMNS;
                let d = row.duty;
                let kind = duties.kinds.get(row.kind).map_or("", |(_, w)| w.as_str());
                insert.raw_bind_parameter(at + 1, row.id)?;
                insert.raw_bind_parameter(at + 2, order_id)?;
                insert.raw_bind_parameter(at + 3, row.people_id)?;
                insert.raw_bind_parameter(at + 4, row.committee_id)?;
                insert.raw_bind_parameter(at + 5, row.parent_id)?;
                insert.raw_bind_parameter(at + 6, row.seq as i64)?;
                insert.raw_bind_parameter(at + 7, row.depth as i64)?;
                insert.raw_bind_parameter(at + 8, &d.id)?;
                insert.raw_bind_parameter(at + 9, &d.number)?;
                insert.raw_bind_parameter(at + 10, &d.label)?;
                insert.raw_bind_parameter(at + 11, kind)?;
                insert.raw_bind_parameter(at + 12, d.title.as_str())?;
                insert.raw_bind_parameter(at + 13, d.line_start)?;
                insert.raw_bind_parameter(at + 14, d.line_end)?;
            }
            insert.raw_execute()?;
            rest = later;
        }
    }
    Ok(())
}

/// Write the committees and their members; their rows, in order.
fn insert_committees(
    conn: &Connection,
    order_id: i64,
    order: &DutyOrder,
    people: &PeopleRows,
) -> rusqlite::Result<Vec<i64>> {
    let mut committee = conn.prepare_cached(
        "INSERT INTO committees (order_id, seq, json_id, number, name) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut member = conn.prepare_cached(
        "INSERT INTO members (order_id, committee_id, seq, people_id, full_name, title, position,
            role, role_kind, group_name, line_start, line_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut rows = Vec::with_capacity(order.committees.len());
    for (seq, c) in order.committees.iter().enumerate() {
        committee.execute(params![order_id, seq as i64, c.id, c.number, c.name])?;
        let row = conn.last_insert_rowid();
        rows.push(row);
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
    }
    Ok(rows)
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

    /// Every substitute that names its clause points at that duty of the
    /// same order's people, and the duties' kinds are the JSON's words.
    #[test]
    fn a_substitute_points_at_the_clause_that_names_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read(root.join("fixtures/parse/phetchaburi1-policy-plan.txt"))
            .expect("fixture");
        let order = crate::parse_bytes("ref.txt", &text).expect("parses");
        let named: Vec<&str> = order
            .people
            .iter()
            .flat_map(|p| &p.substitutes)
            .filter_map(|s| s.duty_id.as_deref())
            .collect();
        assert!(named.len() >= 2, "the fixture names its clauses");
        let dir = tempfile::tempdir().expect("tempdir");
        let mut db = super::super::Archive::open(&dir.path().join("a.sqlite")).expect("open");
        db.import(&order, "r").expect("import");
        db.commit().expect("commit");
        drop(db);
        let conn = Connection::open(dir.path().join("a.sqlite")).expect("reopen");
        let got: Vec<String> = conn
            .prepare(
                "SELECT d.json_id FROM substitutes s JOIN duties d ON d.id = s.duty_id
                 JOIN people p ON p.id = d.people_id
                 WHERE p.order_id = s.order_id ORDER BY s.id",
            )
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        assert_eq!(got, named);
        let mut kinds = Vec::new();
        let mut stack: Vec<&Duty> = order.people.iter().flat_map(|p| &p.duties).collect();
        while let Some(d) = stack.pop() {
            kinds.push(word(&d.kind));
            stack.extend(&d.steps);
        }
        kinds.sort();
        let mut stored: Vec<String> = conn
            .prepare("SELECT kind FROM duties WHERE people_id IS NOT NULL")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        stored.sort();
        assert_eq!(stored, kinds);
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
