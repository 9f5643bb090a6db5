//! An archive you can ask questions: orders, people, duties and committees
//! in one SQLite file (feature `db`; `kamsang batch --db`, `kamsang db
//! import`).
//!
//! The JSON stays the contract; the database is the same model as tables
//! (see [`schema`]) plus what only an archive knows: the same person across
//! orders (module `link`), the inputs that failed, and what each run counted.
//!
//! How it stays whole, whatever happens to the process:
//! - **One transaction per group of orders** ([`GROUP_ORDERS`]): an order is
//!   in the database with all its rows or not at all, and a killed run loses
//!   at most the group it was writing (SQLite's journal rolls it back on the
//!   next open). WAL mode, so readers (a clerk's query, `--resume`'s check)
//!   never wait for the writer.
//! - **One row per input path**: an order imported again with the same
//!   sha256 and recipe (versions and options) is left as it is
//!   ([`Imported::Unchanged`]); a changed one has its rows deleted and
//!   written anew in the same transaction ([`Imported::Replaced`]).
//! - An input that now fails loses its order (as `batch` removes its stale
//!   JSON) and gets a row in `failures`; one that converts again leaves
//!   `failures`.

mod import;
mod link;
pub mod schema;

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::model::DutyOrder;

pub use schema::DB_SCHEMA_VERSION;

/// Orders written per transaction. Measured on the 600-file batch tree
/// (benches/db.rs): 1 per transaction spent most of its time in fsync (WAL
/// commit); 64 and more are within noise of one transaction for the whole
/// run, and a crash loses at most this many orders' work (a `--resume` run
/// writes them again).
pub const GROUP_ORDERS: usize = 64;

/// Prepared statements a connection keeps (rusqlite's default is 16):
/// more than the import, linking and delete paths use (about 25), so no
/// statement is prepared again for each order — with 16 they evicted each
/// other in turn and every order prepared every statement anew.
const STATEMENTS_CACHED: usize = 64;

/// How long (ms) a connection waits for another writer's lock before
/// giving up: a second batch into the same file waits this long, then fails
/// with a clear message instead of corrupting anything.
const BUSY_TIMEOUT_MS: u64 = 5_000;

/// Why the database could not be used: one line, `PATH: what is wrong`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbError {
    message: String,
}

impl DbError {
    fn new(path: &Path, what: impl std::fmt::Display) -> Self {
        DbError {
            message: format!(
                "{}: {what}",
                crate::error::escape_name(&path.to_string_lossy())
            ),
        }
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DbError {}

/// What [`Archive::import`] did with an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    /// A path not in the database before.
    Added,
    /// A path whose sha256 or recipe changed: its rows written anew.
    Replaced,
    /// The same path, sha256 and recipe: nothing written.
    Unchanged,
}

/// The stored sha256 and recipe of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The input's sha256 when it was imported.
    pub sha256: String,
    /// The recipe it was imported with.
    pub recipe: String,
}

/// An archive database open for writing (one writer at a time; see
/// [`Reader`] for the workers' lookups).
pub struct Archive {
    conn: Connection,
    path: PathBuf,
    /// Orders and failures written in the open transaction (0: none open).
    in_group: usize,
    /// The run rows are tagged with.
    run: Option<i64>,
    /// Persons' latest entries as linking compares them, so the rows just
    /// written are not read back for the next order.
    latest: link::Latest,
    /// `PRAGMA data_version` when the open transaction began: a change
    /// means another connection wrote in between, and `latest` is stale.
    data_version: i64,
}

/// The time now as ISO 8601 UTC seconds (`2024-05-01T09:30:00Z`).
fn now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Howard Hinnant's days-from-civil inverse: days since 1970-01-01 to a date.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

impl Archive {
    /// Open (or create) the archive at `path`: WAL mode, foreign keys on,
    /// the tables and views made when missing. A file that is not a kamsang
    /// archive of this schema version and layout is refused, never changed.
    ///
    /// `synchronous = NORMAL` in WAL mode: a commit is appended to the WAL
    /// without waiting for the disk, and the WAL is synced before each
    /// checkpoint copies it into the database. A killed process (or a
    /// crashed program) loses nothing committed and never leaves the
    /// database inconsistent — SQLite rolls an unfinished transaction back
    /// on the next open; only a power cut or an OS crash may lose the last
    /// committed groups, and even then the database stays consistent
    /// (`--resume` writes them again).
    pub fn open(path: &Path) -> Result<Archive, DbError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| DbError::new(path, format!("cannot open: {}", plain(&e))))?;
        let err = |e: rusqlite::Error| DbError::new(path, plain(&e));
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))
            .map_err(err)?;
        check_identity(&conn, path)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
        )
        .map_err(err)?;
        conn.set_prepared_statement_cache_capacity(STATEMENTS_CACHED);
        // The query planner stability guarantee: a statement's plan never
        // depends on the values bound to it. Without it SQLite (3.54)
        // marks `col = ?` and `LIMIT ?` statements to be prepared again
        // whenever their values change, and since rusqlite clears the
        // values of a statement put back in its cache, every cached lookup
        // was prepared again on each use. The plans here need no values:
        // every lookup is by key through an index.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(err)?;
        conn.execute_batch("BEGIN IMMEDIATE").map_err(err)?;
        let made = conn
            .execute_batch(schema::TABLES)
            .and_then(|()| conn.execute_batch(schema::VIEWS))
            .and_then(|()| {
                conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?1)",
                    [DB_SCHEMA_VERSION],
                )
            })
            .and_then(|_| {
                conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('layout', ?1)",
                    [schema::LAYOUT],
                )
            })
            .and_then(|_| {
                conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('created_by', ?1)",
                    [concat!("kamsang ", env!("CARGO_PKG_VERSION"))],
                )
            })
            .and_then(|_| {
                conn.execute_batch(&format!(
                    "PRAGMA application_id = {}; PRAGMA user_version = {};",
                    schema::APPLICATION_ID,
                    schema::user_version(DB_SCHEMA_VERSION)
                ))
            });
        match made.and_then(|()| conn.execute_batch("COMMIT")) {
            Ok(()) => {}
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(err(e));
            }
        }
        Ok(Archive {
            conn,
            path: path.to_path_buf(),
            in_group: 0,
            run: None,
            latest: link::Latest::default(),
            data_version: 0,
        })
    }

    /// The path it was opened at.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn fail(&self, e: rusqlite::Error) -> DbError {
        DbError::new(&self.path, plain(&e))
    }

    /// Start a run of `command` (`batch`, `db import`): its row in `runs`,
    /// which the orders and failures it writes point to.
    pub fn begin_run(&mut self, command: &str) -> Result<(), DbError> {
        self.conn
            .execute(
                "INSERT INTO runs (command, kamsang, started_at) VALUES (?1, ?2, ?3)",
                params![command, env!("CARGO_PKG_VERSION"), now()],
            )
            .map_err(|e| self.fail(e))?;
        self.run = Some(self.conn.last_insert_rowid());
        Ok(())
    }

    /// Commit what is written and record the run's `summary` (JSON).
    pub fn finish_run(&mut self, summary: &str) -> Result<(), DbError> {
        self.commit()?;
        if let Some(run) = self.run {
            self.conn
                .execute(
                    "UPDATE runs SET finished_at = ?1, summary = ?2 WHERE id = ?3",
                    params![now(), summary, run],
                )
                .map_err(|e| self.fail(e))?;
        }
        Ok(())
    }

    /// The sha256 and recipe `path` was imported with, if it is in the archive.
    pub fn stored(&self, path: &str) -> Result<Option<Stored>, DbError> {
        stored(&self.conn, path).map_err(|e| self.fail(e))
    }

    /// Open a transaction if none is, and count one more item in it.
    fn enter(&mut self) -> Result<(), DbError> {
        if self.in_group == 0 {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.fail(e))?;
            let version: i64 = self
                .conn
                .query_row("PRAGMA data_version", [], |r| r.get(0))
                .map_err(|e| self.fail(e))?;
            if version != self.data_version {
                self.latest.clear();
                self.data_version = version;
            }
        }
        self.in_group += 1;
        Ok(())
    }

    /// Commit the group when it is full.
    fn leave(&mut self) -> Result<(), DbError> {
        if self.in_group >= GROUP_ORDERS {
            self.commit()?;
        }
        Ok(())
    }

    /// Write `order` (read with `recipe`: the versions and options that made
    /// it) under its `source.path`; see [`Imported`]. Part of the open
    /// group's transaction: committed with the group, or by [`Archive::commit`].
    pub fn import(&mut self, order: &DutyOrder, recipe: &str) -> Result<Imported, DbError> {
        self.enter()?;
        let done = import::import(
            &self.conn,
            &mut self.latest,
            order,
            recipe,
            self.run,
            &now(),
        );
        match done {
            Ok(how) => {
                self.leave()?;
                Ok(how)
            }
            Err(e) => Err(self.abort(e)),
        }
    }

    /// Record that `path` failed with `error` (one line, without the path):
    /// its order, if an earlier run imported it, is removed.
    pub fn record_failure(&mut self, path: &str, error: &str) -> Result<(), DbError> {
        self.enter()?;
        let done =
            import::record_failure(&self.conn, &mut self.latest, path, error, self.run, &now());
        match done {
            Ok(()) => self.leave(),
            Err(e) => Err(self.abort(e)),
        }
    }

    /// A write failed: roll the group back (the database stays as it was
    /// before the group) and say why.
    fn abort(&mut self, e: rusqlite::Error) -> DbError {
        if self.in_group > 0 {
            let _ = self.conn.execute_batch("ROLLBACK");
            self.in_group = 0;
            // what it remembered of the rolled-back rows is gone with them
            self.latest.clear();
        }
        self.fail(e)
    }

    /// Commit the open group, if any.
    pub fn commit(&mut self) -> Result<(), DbError> {
        if self.in_group == 0 {
            return Ok(());
        }
        match self.conn.execute_batch("COMMIT") {
            Ok(()) => {
                self.in_group = 0;
                Ok(())
            }
            Err(e) => Err(self.abort(e)),
        }
    }

    /// Counts of the main tables, for summaries and tests:
    /// (orders, people, duties, committees, members, persons, failures).
    pub fn counts(&self) -> Result<Counts, DbError> {
        let n = |table: &str| -> rusqlite::Result<u64> {
            self.conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|v| u64::try_from(v).unwrap_or(0))
        };
        let counts = (|| {
            Ok(Counts {
                orders: n("orders")?,
                people: n("people")?,
                duties: n("duties")?,
                committees: n("committees")?,
                members: n("members")?,
                persons: n("persons")?,
                failures: n("failures")?,
            })
        })();
        counts.map_err(|e| self.fail(e))
    }
}

impl Drop for Archive {
    fn drop(&mut self) {
        // an Archive dropped without finish keeps what its last full group
        // committed, and what it wrote since (never half an order)
        let _ = self.commit();
    }
}

/// Rows in the main tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Orders.
    pub orders: u64,
    /// Entries of `people[]`.
    pub people: u64,
    /// Duties and steps, of people and committees.
    pub duties: u64,
    /// Committees.
    pub committees: u64,
    /// Committee members (named and seats).
    pub members: u64,
    /// Distinct persons across the archive.
    pub persons: u64,
    /// Inputs that failed.
    pub failures: u64,
}

/// A read-only connection for lookups while an [`Archive`] writes (WAL: it
/// sees what was committed). A worker thread asks it whether an input is
/// already imported before parsing it (`batch --resume`).
pub struct Reader {
    conn: Connection,
    path: PathBuf,
}

impl Reader {
    /// Open `path` (an archive made by [`Archive::open`]) for reading.
    pub fn open(path: &Path) -> Result<Reader, DbError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| DbError::new(path, format!("cannot open: {}", plain(&e))))?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))
            .map_err(|e| DbError::new(path, plain(&e)))?;
        Ok(Reader {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Is `path` imported with this `sha256` and `recipe`?
    pub fn current(&self, path: &str, sha256: &str, recipe: &str) -> Result<bool, DbError> {
        let found = stored(&self.conn, path).map_err(|e| DbError::new(&self.path, plain(&e)))?;
        Ok(found.is_some_and(|s| s.sha256 == sha256 && s.recipe == recipe))
    }
}

fn stored(conn: &Connection, path: &str) -> rusqlite::Result<Option<Stored>> {
    conn.prepare_cached("SELECT sha256, recipe FROM orders WHERE path = ?1")?
        .query_row([path], |r| {
            Ok(Stored {
                sha256: r.get(0)?,
                recipe: r.get(1)?,
            })
        })
        .optional()
}

/// Refuse a file that is a SQLite database of something else, or a kamsang
/// archive of another schema version, before anything is written to it.
fn check_identity(conn: &Connection, path: &Path) -> Result<(), DbError> {
    let err = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            DbError::new(path, "not a SQLite database; choose another --db file")
        }
        _ => DbError::new(path, plain(&e)),
    };
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(err)?;
    let tables: i64 = conn
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(err)?;
    if tables == 0 {
        return Ok(());
    }
    if app != schema::APPLICATION_ID {
        return Err(DbError::new(
            path,
            "a SQLite database that is not a kamsang archive; choose another --db file",
        ));
    }
    let version: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(err)?;
    let layout: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'layout'", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(err)?;
    match version {
        Some(v) if v == DB_SCHEMA_VERSION && layout.as_deref() == Some(schema::LAYOUT) => Ok(()),
        Some(v) if v == DB_SCHEMA_VERSION => Err(DbError::new(
            path,
            "an archive of an earlier table layout (made by an earlier kamsang); import into a new --db file (`kamsang db import` reads its JSON)",
        )),
        Some(v) => Err(DbError::new(
            path,
            format!(
                "an archive of JSON schema {v}, and this kamsang writes {DB_SCHEMA_VERSION}; import into a new --db file (`kamsang db import` reads the JSON of any 1.x)"
            ),
        )),
        None => Err(DbError::new(
            path,
            "a kamsang archive without its schema version; choose another --db file",
        )),
    }
}

/// An SQLite error in a few words, on one line.
fn plain(e: &rusqlite::Error) -> String {
    let s = e.to_string();
    s.lines().next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_from_1970() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(now().len(), "2024-05-01T09:30:00Z".len());
    }

    #[test]
    fn an_order_imported_twice_is_unchanged_and_a_new_sha_replaces_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.sqlite");
        let text = "1. นางสาวมาลี  ศรีสุข ตำแหน่ง ครู\n   1.1 งานสารบรรณ\n   1.2 งานพัสดุ\n";
        let order = crate::parse_str("x.txt", text).expect("parses");
        let mut db = Archive::open(&path).expect("open");
        assert_eq!(db.import(&order, "r").expect("import"), Imported::Added);
        assert_eq!(db.import(&order, "r").expect("import"), Imported::Unchanged);
        assert_eq!(db.import(&order, "r2").expect("import"), Imported::Replaced);
        db.commit().expect("commit");
        let c = db.counts().expect("counts");
        assert_eq!((c.orders, c.people, c.duties, c.persons), (1, 1, 2, 1));
        db.record_failure("x.txt", "broken").expect("fail");
        db.commit().expect("commit");
        let c = db.counts().expect("counts");
        assert_eq!(
            (c.orders, c.people, c.duties, c.persons, c.failures),
            (0, 0, 0, 0, 1)
        );
        drop(db);
        // reopened: the same archive, not recreated
        let db = Archive::open(&path).expect("reopen");
        assert_eq!(db.counts().expect("counts").failures, 1);
    }

    /// A committee order replaced, then failing: every row of it goes,
    /// the committees' duties and steps too (they go with their committee).
    #[test]
    fn a_replaced_or_failed_order_leaves_no_row_behind() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read(root.join("fixtures/committee/school-exam-committees.txt"))
            .expect("fixture");
        let order = crate::parse_bytes("c.txt", &text).expect("parses");
        let dir = tempfile::tempdir().expect("tempdir");
        let mut db = Archive::open(&dir.path().join("a.sqlite")).expect("open");
        db.import(&order, "r").expect("import");
        db.commit().expect("commit");
        let once = db.counts().expect("counts");
        assert!(once.committees > 0 && once.members > 0 && once.duties > 0);
        let committee_duties = |db: &Archive| -> i64 {
            db.conn
                .query_row(
                    "SELECT COUNT(*) FROM duties WHERE committee_id IS NOT NULL",
                    [],
                    |r| r.get(0),
                )
                .expect("count")
        };
        assert!(
            committee_duties(&db) > 0,
            "the fixture has committee duties"
        );
        assert_eq!(db.import(&order, "r2").expect("import"), Imported::Replaced);
        db.commit().expect("commit");
        assert_eq!(db.counts().expect("counts"), once);
        db.record_failure("c.txt", "broken").expect("fail");
        db.commit().expect("commit");
        let c = db.counts().expect("counts");
        assert_eq!(
            (
                c.orders,
                c.people,
                c.duties,
                c.committees,
                c.members,
                c.persons
            ),
            (0, 0, 0, 0, 0, 0)
        );
        for table in ["substitutes", "diagnostics", "person_keys"] {
            let n: i64 = db
                .conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
                .expect("count");
            assert_eq!(n, 0, "{table}");
        }
    }

    /// An archive of the layout before this one (no `meta.layout`) is
    /// refused with one line, and left as it was.
    #[test]
    fn an_archive_of_an_earlier_layout_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.sqlite");
        drop(Archive::open(&path).expect("open"));
        let conn = Connection::open(&path).expect("raw");
        conn.execute("DELETE FROM meta WHERE key = 'layout'", [])
            .expect("delete");
        drop(conn);
        let e = Archive::open(&path).err().expect("refused");
        assert!(e.to_string().contains("earlier table layout"), "{e}");
        assert!(!e.to_string().contains('\n'));
    }

    #[test]
    fn a_file_that_is_not_an_archive_is_refused_and_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("order.txt");
        let bytes = "1. นางสาวมาลี  ศรีสุข ตำแหน่ง ครู\n".repeat(40);
        std::fs::write(&path, &bytes).expect("write");
        let e = Archive::open(&path).err().expect("refused");
        assert!(e.to_string().contains("not a SQLite database"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), bytes);
    }
}
