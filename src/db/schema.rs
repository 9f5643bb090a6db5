//! The tables, indexes and views of the archive database, and its version.
//!
//! The database is a second form of the JSON, not a new model: every table
//! is one array of [`DutyOrder`](crate::model::DutyOrder) (`orders` one
//! document, `people` its `people[]`, `duties` every duty and step of a
//! person or a committee as a tree through `parent_id`, …) and its columns are
//! the JSON's field names. So its version is the JSON schema's
//! ([`crate::model::SCHEMA_VERSION`]): a database made by a kamsang of another
//! JSON schema version is refused rather than half understood, and
//! `PRAGMA user_version` carries the same version as one number
//! (`1.5.0` → 10500) for tools that read only that.
//!
//! What the JSON does not have is the archive's own: `persons` (the same
//! person across orders, see the module `link`), `failures` (inputs that could
//! not be converted), `runs` (what each run counted) and `meta`.

/// The version the database layout follows: the JSON schema's.
pub const DB_SCHEMA_VERSION: &str = crate::model::SCHEMA_VERSION;

/// `PRAGMA application_id` of a kamsang archive ("KSDB"), so `file(1)` and
/// tools can tell it from another SQLite file.
pub const APPLICATION_ID: i32 = 0x4B53_4442;

/// [`DB_SCHEMA_VERSION`] as one number (`1.5.0` → 10500) for
/// `PRAGMA user_version`; 0 (never a kamsang version) for a malformed one.
pub fn user_version(version: &str) -> i64 {
    let parts: Vec<i64> = version
        .split('.')
        .map(|p| p.parse::<i64>().unwrap_or(-1))
        .collect();
    match parts.as_slice() {
        [major, minor, patch] if *major >= 0 && *minor >= 0 && *patch >= 0 => {
            major * 10_000 + minor * 100 + patch
        }
        _ => 0,
    }
}

/// The layout of the tables within [`DB_SCHEMA_VERSION`] (`meta.layout`):
/// raised when a table changes without the JSON schema changing, so an
/// archive of another layout is refused with one line instead of failing
/// on its first insert. 2: `people` lost its name keys (`person_keys` has
/// them), `duties.order_id` lost its foreign key, and the indexes of
/// columns mostly null became partial.
pub const LAYOUT: &str = "2";

/// Tables and indexes, created once in an empty database (and harmless on
/// one that has them). Foreign keys cascade from `orders`, so replacing an
/// order is deleting its row: its people, committees, members, substitutes
/// and diagnostics by their `order_id`, the duties with the person or
/// committee that has them (and the steps with their duty).
///
/// Every foreign key has an index on its column (a delete looks its
/// children up there); where the column is mostly null (a person's duties
/// have no `committee_id`, a top-level duty no `parent_id`) the index is
/// partial, holding only the rows that point somewhere. An index is
/// written on every insert, so `duties`, the table of most rows, has only
/// those its deletes and linking need (benches/db.rs; README).
pub const TABLES: &str = r#"
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY,
    command     TEXT NOT NULL,
    kamsang     TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    -- the run's summary as JSON (batch: what summary.json says)
    summary     TEXT
);

CREATE TABLE IF NOT EXISTS orders (
    id             INTEGER PRIMARY KEY,
    -- source.path: the path as the parser got it; one row per path
    path           TEXT NOT NULL UNIQUE,
    sha256         TEXT NOT NULL,
    -- the versions and options it was read with (a changed one re-imports)
    recipe         TEXT NOT NULL,
    bytes          INTEGER NOT NULL,
    format         TEXT NOT NULL,
    encoding       TEXT,
    schema_version TEXT NOT NULL,
    kind           TEXT NOT NULL,
    document       TEXT,
    issuer         TEXT,
    unit           TEXT,
    number_text    TEXT,
    number         INTEGER,
    number_year_be INTEGER,
    subject        TEXT,
    effective      TEXT,
    date_text      TEXT,
    date_iso       TEXT,
    -- the order's Buddhist year: its number's (ที่ 12/2566), else its date's
    year_be        INTEGER,
    signer         TEXT,
    -- signed_by.position, one line each
    signer_position TEXT,
    run_id         INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    imported_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_year ON orders(year_be);
CREATE INDEX IF NOT EXISTS orders_sha256 ON orders(sha256);

CREATE TABLE IF NOT EXISTS persons (
    id        INTEGER PRIMARY KEY,
    -- the name as the person's latest entry (by year, then import) writes it
    full_name TEXT NOT NULL,
    name_key  TEXT NOT NULL,
    -- that entry: who the person is when the next order is linked
    latest_people_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    latest_year_be   INTEGER
);
CREATE INDEX IF NOT EXISTS persons_name ON persons(name_key);
CREATE INDEX IF NOT EXISTS persons_latest ON persons(latest_people_id);

-- every (name, given name, family name and position) a person was seen
-- with, as diff compares them ('' for none): how linking finds candidates
CREATE TABLE IF NOT EXISTS person_keys (
    person_id    INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    name_key     TEXT NOT NULL,
    given_key    TEXT NOT NULL,
    family_key   TEXT NOT NULL,
    position_key TEXT NOT NULL,
    UNIQUE (person_id, name_key, given_key, family_key, position_key)
);
-- covering (the person id in the index): a lookup reads no table row and
-- needs no temporary b-tree for its DISTINCT
CREATE INDEX IF NOT EXISTS person_keys_name ON person_keys(name_key, person_id);
CREATE INDEX IF NOT EXISTS person_keys_given ON person_keys(given_key, person_id);
CREATE INDEX IF NOT EXISTS person_keys_family ON person_keys(family_key, position_key, person_id);

CREATE TABLE IF NOT EXISTS people (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    -- the index in people[] (json_id may repeat in an order)
    seq          INTEGER NOT NULL,
    json_id      TEXT NOT NULL,
    person_id    INTEGER REFERENCES persons(id),
    number       TEXT,
    label        TEXT,
    title        TEXT,
    given_name   TEXT,
    family_name  TEXT,
    full_name    TEXT NOT NULL,
    position     TEXT,
    rank         TEXT,
    role         TEXT,
    work_group   TEXT,
    class        TEXT,
    appointed_as TEXT,
    same_as      TEXT,
    line_start   INTEGER NOT NULL,
    line_end     INTEGER NOT NULL,
    page         INTEGER,
    UNIQUE (order_id, seq)
);
CREATE INDEX IF NOT EXISTS people_person ON people(person_id);

CREATE TABLE IF NOT EXISTS committees (
    id       INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    json_id  TEXT NOT NULL,
    number   TEXT,
    name     TEXT NOT NULL,
    UNIQUE (order_id, seq)
);

CREATE TABLE IF NOT EXISTS members (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    committee_id INTEGER NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    -- the member's entry in people[]; null for a seat held by a position
    people_id    INTEGER REFERENCES people(id) ON DELETE CASCADE,
    full_name    TEXT,
    title        TEXT,
    position     TEXT,
    role         TEXT,
    role_kind    TEXT,
    group_name   TEXT,
    line_start   INTEGER NOT NULL,
    line_end     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS members_committee ON members(committee_id);
CREATE INDEX IF NOT EXISTS members_people ON members(people_id) WHERE people_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS members_order ON members(order_id);

CREATE TABLE IF NOT EXISTS duties (
    id           INTEGER PRIMARY KEY,
    -- the order (orders.id), for queries; the rows go with their person or
    -- committee, so this column needs neither a foreign key nor an index
    -- (on each of the many duties they cost an eighth of an import)
    order_id     INTEGER NOT NULL,
    -- whose duty: a person's or a committee's (exactly one of the two)
    people_id    INTEGER REFERENCES people(id) ON DELETE CASCADE,
    committee_id INTEGER REFERENCES committees(id) ON DELETE CASCADE,
    -- the duty a step belongs to; null for a top-level duty
    parent_id    INTEGER REFERENCES duties(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    depth        INTEGER NOT NULL,
    json_id      TEXT NOT NULL,
    number       TEXT,
    label        TEXT,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    line_start   INTEGER NOT NULL,
    line_end     INTEGER NOT NULL,
    CHECK ((people_id IS NULL) <> (committee_id IS NULL))
);
CREATE INDEX IF NOT EXISTS duties_people ON duties(people_id) WHERE people_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS duties_committee ON duties(committee_id) WHERE committee_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS duties_parent ON duties(parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS substitutes (
    id                   INTEGER PRIMARY KEY,
    order_id             INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    -- who is stood in for
    people_id            INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    seq                  INTEGER NOT NULL,
    full_name            TEXT NOT NULL,
    -- who stands in, when they are a person of the same order
    substitute_people_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
    -- the substitute clause that names them
    duty_id              INTEGER REFERENCES duties(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS substitutes_order ON substitutes(order_id);
CREATE INDEX IF NOT EXISTS substitutes_people ON substitutes(people_id);
CREATE INDEX IF NOT EXISTS substitutes_substitute ON substitutes(substitute_people_id)
    WHERE substitute_people_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS substitutes_duty ON substitutes(duty_id) WHERE duty_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS diagnostics (
    id       INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    severity TEXT NOT NULL,
    code     TEXT NOT NULL,
    line     INTEGER NOT NULL,
    message  TEXT NOT NULL,
    label    TEXT,
    number   TEXT
);
CREATE INDEX IF NOT EXISTS diagnostics_order ON diagnostics(order_id);

CREATE TABLE IF NOT EXISTS failures (
    -- the input as the batch names it (its failures.jsonl line's path)
    path      TEXT PRIMARY KEY,
    error     TEXT NOT NULL,
    run_id    INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    failed_at TEXT NOT NULL
);
"#;

/// The views a clerk queries (see README): the same person across orders,
/// by year, and on committees.
pub const VIEWS: &str = r#"
CREATE VIEW IF NOT EXISTS person_aliases AS
SELECT p.person_id, p.full_name, p.title, p.given_name, p.family_name,
       COUNT(*) AS entries, MIN(o.year_be) AS first_year_be, MAX(o.year_be) AS last_year_be
FROM people p JOIN orders o ON o.id = p.order_id
WHERE p.person_id IS NOT NULL
GROUP BY p.person_id, p.full_name;

CREATE VIEW IF NOT EXISTS person_orders AS
SELECT DISTINCT ps.id AS person_id, ps.full_name AS person, p.full_name AS named_as,
       o.id AS order_id, o.path, o.year_be, o.number_text, o.date_iso, o.kind, o.subject
FROM people p
JOIN persons ps ON ps.id = p.person_id
JOIN orders o ON o.id = p.order_id;

CREATE VIEW IF NOT EXISTS person_duties_by_year AS
SELECT ps.id AS person_id, ps.full_name AS person, o.year_be, o.id AS order_id, o.path,
       d.id AS duty_id, d.number, d.kind, d.title
FROM duties d
JOIN people p ON p.id = d.people_id
JOIN persons ps ON ps.id = p.person_id
JOIN orders o ON o.id = d.order_id
WHERE d.parent_id IS NULL;

CREATE VIEW IF NOT EXISTS committee_memberships AS
SELECT p.person_id, m.full_name, m.title, m.position, m.role, m.role_kind, m.group_name,
       c.id AS committee_id, c.name AS committee, o.id AS order_id, o.path, o.year_be,
       o.subject
FROM members m
JOIN committees c ON c.id = m.committee_id
JOIN orders o ON o.id = m.order_id
LEFT JOIN people p ON p.id = m.people_id;

CREATE VIEW IF NOT EXISTS substitutions AS
SELECT o.id AS order_id, o.path, o.year_be,
       absent.person_id AS person_id, absent.full_name AS person,
       standin.person_id AS substitute_person_id, s.full_name AS substitute, s.seq
FROM substitutes s
JOIN people absent ON absent.id = s.people_id
JOIN orders o ON o.id = s.order_id
LEFT JOIN people standin ON standin.id = s.substitute_people_id;
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_version_is_the_schema_version_as_one_number() {
        assert_eq!(user_version("1.5.0"), 10500);
        assert_eq!(user_version("2.13.7"), 21307);
        assert_eq!(user_version("1.x.0"), 0);
        assert_eq!(user_version("1.5"), 0);
        assert!(user_version(DB_SCHEMA_VERSION) > 10000);
    }
}
