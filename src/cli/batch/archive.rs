//! The `--db FILE` side of a batch: every converted order into the SQLite
//! archive of [`kamsang::db`], every failure into its `failures` table, and
//! the run's summary into `runs`.
//!
//! The workers only read the database (`--resume`: is this input imported
//! with the same sha256 and recipe?), through one read-only connection; the
//! receiving thread is its only writer, so orders go in in the order they
//! are handed on, a group of [`kamsang::db::GROUP_ORDERS`] per transaction.
//!
//! Decisions where the issue was silent:
//! - **Without `--resume`** every input is parsed (its JSON is written as
//!   usual), and an order whose path, sha256 and recipe are already in the
//!   database is not written again (counted `unchanged`). **With
//!   `--resume`** such an input is not parsed either (counted `resumed`),
//!   unless `--jsonl` needs its line and no OUTDIR holds its JSON.
//! - The recipe is the `--resume` stamp's (kamsang and schema versions, the
//!   parse options), so a newer kamsang or other options re-import.
//! - The database file obeys the rules of `--jsonl`: never an input (also
//!   through a link), never inside an input tree (hidden folders aside),
//!   never one of OUTDIR's own files, nor the `--jsonl` file.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;

use kamsang::db::{Archive, Imported, Reader};

use super::summary::{Outcome, Record, Summary};
use super::walk::Root;
use super::{BatchError, JsonlTo, failure, shown, usage};

/// What the run did to the database (in `summary.json` and `runs`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DbCounts {
    /// The database file, as given.
    pub path: String,
    /// Orders not in it before.
    pub added: u64,
    /// Orders whose input (or recipe) changed: their rows written anew.
    pub replaced: u64,
    /// Orders already there with the same sha256 and recipe: not written.
    pub unchanged: u64,
    /// Failures recorded in its `failures` table.
    pub failures: u64,
}

/// The workers' view of the database: is an input already imported?
pub(crate) struct Lookup {
    reader: Mutex<Reader>,
    /// The recipe orders of this run are imported with.
    pub recipe: String,
    /// The database file as it was when the run started, so that a path
    /// from stdin naming it is never read as an input.
    pub id: Option<same_file::Handle>,
}

impl Lookup {
    /// Is `path` in the database with this sha256 and this run's recipe?
    /// (An error reading it means: parse again.)
    pub(crate) fn current(&self, path: &str, sha256: &str) -> bool {
        self.reader
            .lock()
            .ok()
            .and_then(|r| r.current(path, sha256, &self.recipe).ok())
            .unwrap_or(false)
    }

    /// Is `path` the database file itself?
    pub(crate) fn is_db(&self, path: &Path) -> bool {
        self.id
            .as_ref()
            .is_some_and(|id| same_file::Handle::from_path(path).is_ok_and(|h| &h == id))
    }
}

/// The receiving thread's side: the archive open for writing.
pub(crate) struct Writer {
    archive: Archive,
    recipe: String,
    pub counts: DbCounts,
}

/// The recipe of a run with `options`: the `--resume` stamp's, as JSON.
pub(crate) fn recipe(options: &kamsang::Options) -> String {
    serde_json::to_string(&super::resume::Recipe::new(options, false)).unwrap_or_default()
}

/// The layout rules of the database file (exit 2 when one is broken).
pub(crate) fn check(
    db: &Path,
    jsonl: Option<&JsonlTo>,
    outdir: Option<&Path>,
    roots: &[Root],
    trees: &[PathBuf],
) -> Result<(), BatchError> {
    let resolved = super::walk::resolve(db).map_err(|e| failure(format!("{}: {e}", shown(db))))?;
    if trees.iter().any(|t| super::walk::reaches(t, &resolved)) {
        return Err(usage(format!(
            "{}: the database would be inside an input folder; write it elsewhere",
            shown(db)
        )));
    }
    let files: Vec<&Path> = roots
        .iter()
        .filter_map(|r| r.canonical.as_deref().filter(|c| c.is_file()))
        .collect();
    if let Some(input) = crate::output::clobbered_input(db, files.iter().copied()) {
        return Err(usage(crate::output::clobber_message(db, input)));
    }
    if let Some(JsonlTo::File(j)) = jsonl {
        let same = crate::output::clobbered_input(db, [j.as_path()]).is_some()
            || super::walk::resolve(j).is_ok_and(|r| r == resolved);
        if same {
            return Err(usage(format!(
                "{}: --db and --jsonl name the same file; give them two",
                shown(db)
            )));
        }
    }
    if let Some(dir) = outdir {
        let dir = super::walk::resolve(dir).map_err(|e| failure(format!("{}: {e}", shown(dir))))?;
        if let Ok(rel) = resolved.strip_prefix(&dir)
            && super::owned_by_outdir(rel)
        {
            return Err(usage(format!(
                "{}: the database would be one of OUTDIR's own files (summary.json, failures.jsonl, .kamsang/ or a mirrored NAME.json); name it NAME.sqlite or write it elsewhere",
                shown(db)
            )));
        }
    }
    Ok(())
}

/// Open the database for the run: the writer and the workers' lookup.
pub(crate) fn open(db: &Path, options: &kamsang::Options) -> Result<(Writer, Lookup), BatchError> {
    let mut archive = Archive::open(db).map_err(|e| failure(e.to_string()))?;
    archive
        .begin_run("batch")
        .map_err(|e| failure(e.to_string()))?;
    let reader = Reader::open(db).map_err(|e| failure(e.to_string()))?;
    let recipe = recipe(options);
    let lookup = Lookup {
        reader: Mutex::new(reader),
        recipe: recipe.clone(),
        id: same_file::Handle::from_path(db).ok(),
    };
    let writer = Writer {
        archive,
        recipe,
        counts: DbCounts {
            path: db.to_string_lossy().into_owned(),
            ..DbCounts::default()
        },
    };
    Ok((writer, lookup))
}

impl Writer {
    /// Write what `record` brings: its order, or its failure. An error (a
    /// full disk, a database locked past the timeout) stops the run; what
    /// was committed stays.
    pub(crate) fn hand_on(&mut self, record: &mut Record) -> Result<(), String> {
        let order = record.order.take();
        match (&record.outcome, order) {
            (Outcome::Failed { error, .. }, _) => {
                self.archive
                    .record_failure(&record.path, error)
                    .map_err(|e| e.to_string())?;
                self.counts.failures += 1;
            }
            (_, Some(order)) => match self
                .archive
                .import(&order, &self.recipe)
                .map_err(|e| e.to_string())?
            {
                Imported::Added => self.counts.added += 1,
                Imported::Replaced => self.counts.replaced += 1,
                Imported::Unchanged => self.counts.unchanged += 1,
            },
            _ => {}
        }
        Ok(())
    }

    /// Commit the last group and record the run's summary.
    pub(crate) fn finish(&mut self, summary: &Summary) -> Result<(), String> {
        let text = serde_json::to_string(summary).unwrap_or_default();
        self.archive.finish_run(&text).map_err(|e| e.to_string())
    }
}
