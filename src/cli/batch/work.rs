//! The work on one input, on a worker thread: read it, decide whether an
//! earlier output still stands for it (`--resume`, see [`super::resume`]),
//! parse it, and write its JSON so that a crash never leaves half a file
//! (see [`crate::output`]).
//!
//! A write that fails keeps the earlier output of that input (the temporary
//! file is removed, the final name never touched). A full disk (or quota, or
//! a read-only file system) and an OUTDIR removed or replaced during the run
//! are not one input's failure: they stop the run, and every input found
//! after that is counted as not reached instead of failing one by one.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::summary::{Outcome, Record};
use super::walk::Found;

/// What the workers need to know.
pub(crate) struct Work<'a> {
    /// Where mirrored outputs go, and the folder it was when the run started
    /// (a run never recreates an OUTDIR removed under it).
    pub outdir: Option<(PathBuf, same_file::Handle)>,
    /// Skip inputs whose output is current.
    pub resume: bool,
    /// Produce each order's JSON line.
    pub lines: bool,
    /// The parser.
    pub parse: &'a super::ParseFn<'a>,
    /// Limits (the file size is checked before reading).
    pub limits: &'a kamsang::Limits,
    /// The versions and options recorded with each output.
    pub recipe: super::resume::Recipe,
    /// The `--jsonl` file as it was when the run started, if it existed.
    pub jsonl_id: Option<same_file::Handle>,
    /// Set when an input is that file: it is then never replaced.
    pub jsonl_is_input: AtomicBool,
    /// Set when the run must stop; inputs after it are not reached.
    pub halted: AtomicBool,
    /// Why the run stopped (the first reason).
    pub reason: Mutex<Option<String>>,
    /// The database (`--db`): what is imported already, and the order of
    /// each input goes on to the receiving thread.
    pub db: Option<super::archive::Lookup>,
}

impl Work<'_> {
    /// Stop the run for `reason` (the first reason given is kept).
    pub(crate) fn halt(&self, reason: String) {
        if let Ok(mut r) = self.reason.lock() {
            r.get_or_insert(reason);
        }
        self.halted.store(true, Ordering::SeqCst);
    }

    pub(crate) fn halted(&self) -> bool {
        self.halted.load(Ordering::SeqCst)
    }

    /// Is OUTDIR still the folder the run started with?
    fn outdir_intact(&self) -> bool {
        self.outdir
            .as_ref()
            .is_none_or(|(dir, id)| same_file::Handle::from_path(dir).is_ok_and(|h| &h == id))
    }
}

/// Is a write error one that every later write would meet too?
fn fatal_kind(e: &std::io::Error) -> bool {
    use std::io::ErrorKind as K;
    matches!(
        e.kind(),
        K::StorageFull | K::QuotaExceeded | K::ReadOnlyFilesystem
    )
}

/// Remove an output left by an earlier run for an input that now fails to
/// parse, so OUTDIR never shows a result the failure list contradicts.
pub fn remove_stale(out: &Path) {
    let _ = std::fs::remove_file(out);
}

/// The work on one input, on a worker thread. A panic anywhere in it becomes a
/// failure of that input; the batch goes on.
pub(crate) fn process(found: Found, work: &Work) -> Record {
    let started = Instant::now();
    let mut order = None;
    let (path, outcome, bytes, line) = match found {
        Found::Take { path, .. } if work.halted() => {
            (path, Outcome::NotReached, 0, None).into_shown()
        }
        Found::Take { path, out } => {
            let shown = path.to_string_lossy().into_owned();
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                convert(&path, &shown, &out, work, &mut order)
            }));
            let (outcome, bytes, line) = done.unwrap_or_else(|_| {
                let error = "internal error (please report)".to_string();
                (
                    Outcome::Failed {
                        error,
                        parsed: true,
                    },
                    0,
                    None,
                )
            });
            (shown, outcome, bytes, line)
        }
        Found::Skip { path, ext } => (path, Outcome::Skipped { ext }, 0, None).into_shown(),
        Found::NotAnOrder { path, name, line } => {
            let shown = path.to_string_lossy().into_owned();
            let line = (line && work.lines).then(|| super::jsonl::skipped_line(&shown, name));
            (shown, Outcome::SkippedByName { name }, 0, line)
        }
        Found::Duplicate { path } => (path, Outcome::Duplicate, 0, None).into_shown(),
        Found::Hidden { path } => (path, Outcome::Hidden, 0, None).into_shown(),
        Found::RepeatedDir { path } => (path, Outcome::RepeatedDir, 0, None).into_shown(),
        Found::Fail { path, error } => {
            let outcome = Outcome::Failed {
                error,
                parsed: false,
            };
            (path, outcome, 0, None).into_shown()
        }
    };
    Record {
        path,
        outcome,
        bytes,
        elapsed: started.elapsed(),
        line,
        order,
    }
}

type Done<P> = (P, Outcome, u64, Option<String>);

trait IntoShown {
    fn into_shown(self) -> Done<String>;
}

impl IntoShown for Done<PathBuf> {
    fn into_shown(self) -> Done<String> {
        (
            self.0.to_string_lossy().into_owned(),
            self.1,
            self.2,
            self.3,
        )
    }
}

/// Read, maybe resume, parse, write: outcome, bytes read, JSON line; the
/// order goes into `keep` when the database needs it.
fn convert(
    path: &Path,
    shown: &str,
    out: &Path,
    work: &Work,
    keep: &mut Option<Box<kamsang::DutyOrder>>,
) -> (Outcome, u64, Option<String>) {
    let fail = |error: String, parsed: bool| Outcome::Failed { error, parsed };
    let escaped = kamsang::error::escape_name(shown);
    let reason = |e: kamsang::Error| {
        let e = e.to_string();
        e.strip_prefix(&*escaped)
            .and_then(|m| m.strip_prefix(": "))
            .unwrap_or(&e)
            .to_string()
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            return (
                fail(format!("cannot read: {}", crate::io_message(&e)), false),
                0,
                None,
            );
        }
    };
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "cannot read: is a folder, not a file"
        } else {
            "not a regular file (a pipe, socket or device): not read"
        };
        return (fail(what.to_string(), false), 0, None);
    }
    if let Some(id) = &work.jsonl_id
        && same_file::Handle::from_path(path).is_ok_and(|h| &h == id)
    {
        // paths from stdin cannot be checked before the run
        work.jsonl_is_input.store(true, Ordering::SeqCst);
        let what =
            "the --jsonl output file itself: not read, and the --jsonl file is kept as it was";
        return (fail(what.to_string(), false), 0, None);
    }
    if work.db.as_ref().is_some_and(|d| d.is_db(path)) {
        let what = "the --db database file itself: not read";
        return (fail(what.to_string(), false), 0, None);
    }
    // the reader of `parse`: a file past the limit is refused from its
    // metadata, before reading (memory never holds it); one that lies about
    // its size is cut
    let parser =
        kamsang::Parser::with_options(kamsang::Options::default().with_limits(*work.limits));
    let bytes = match parser.read_file(path, shown) {
        Ok(b) => b,
        Err(e) => {
            let known = meta.len() > work.limits.max_file_bytes;
            return (
                fail(reason(e), false),
                if known { meta.len() } else { 0 },
                None,
            );
        }
    };
    let size = bytes.len() as u64;
    let target = work
        .outdir
        .as_ref()
        .map(|(d, _)| (d.as_path(), d.join(out)));
    let sha = crate::sha256_hex(&bytes);
    // with --db, the database is one more output that must be current
    let db_wants = work
        .db
        .as_ref()
        .is_some_and(|d| !(work.resume && d.current(shown, &sha)));
    if let (true, Some((dir, _))) = (work.resume, &target) {
        let mtime = meta.modified().ok();
        let parsed = work.lines || db_wants;
        match super::resume::current(dir, out, &work.recipe, &sha, mtime, parsed) {
            Some(super::resume::Standing::Yes) => return (Outcome::Resumed, size, None),
            // The stored JSON, re-emitted compact: the same line a parse gives.
            Some(super::resume::Standing::Parsed(order)) => {
                let line = if work.lines {
                    kamsang::json::to_string(&order, work.recipe.outline()).ok()
                } else {
                    None
                };
                if line.is_some() || !work.lines {
                    if db_wants {
                        *keep = Some(order);
                    }
                    return (Outcome::Resumed, size, line);
                }
            }
            None => {}
        }
    } else if work.resume && work.db.is_some() && !db_wants && !work.lines && target.is_none() {
        // in the database already, and no other output needs a parse
        return (Outcome::Resumed, size, None);
    }
    let order = match (work.parse)(shown, &bytes) {
        Ok(order) => order,
        Err(message) => {
            if let Some((dir, target)) = &target {
                remove_stale(target);
                super::resume::remove_stamp(dir, out);
            }
            let error = message
                .strip_prefix(&*escaped)
                .and_then(|m| m.strip_prefix(": "))
                .unwrap_or(&message)
                .to_string();
            return (fail(error, true), size, None);
        }
    };
    drop(bytes);
    let warnings = order
        .diagnostics
        .iter()
        .any(|d| d.severity >= kamsang::Severity::Warning);
    if let Some((dir, target)) = &target
        && let Err(error) = write_output(dir, out, target, &order, &sha, work)
    {
        return (fail(error, true), size, None);
    }
    let line = if work.lines {
        match kamsang::json::to_string(&order, work.recipe.outline()) {
            Ok(l) => Some(l),
            Err(e) => {
                return (fail(format!("cannot serialise: {e}"), true), size, None);
            }
        }
    } else {
        None
    };
    let ocr = !order.source.ocr.is_empty();
    let converted = matches!(
        order.source.format,
        kamsang::model::Format::Doc
            | kamsang::model::Format::Odt
            | kamsang::model::Format::Rtf
            | kamsang::model::Format::Xls
    );
    if work.db.is_some() {
        *keep = Some(Box::new(order));
    }
    (
        Outcome::Ok {
            warnings,
            ocr,
            converted,
        },
        size,
        line,
    )
}

/// Write the output at `target` (`out` under `dir`) and its resume stamp.
/// An error is the input's failure; it stops the run when every later write
/// would fail too.
fn write_output(
    dir: &Path,
    out: &Path,
    target: &Path,
    order: &kamsang::DutyOrder,
    sha: &str,
    work: &Work,
) -> Result<(), String> {
    let shown = kamsang::error::escape_name(&target.to_string_lossy()).into_owned();
    let gone = || {
        format!(
            "{}: OUTDIR was removed or replaced during the run",
            kamsang::error::escape_name(&dir.to_string_lossy())
        )
    };
    if !work.outdir_intact() {
        let reason = gone();
        work.halt(reason.clone());
        return Err(format!("not written: {reason}"));
    }
    // Exactly what `kamsang parse [--compact] [--outline M]` prints: JSON
    // and a newline. Serialised into memory first: serde_json writes many
    // small pieces, which a Vec takes faster than a BufWriter over the file.
    let mut json = kamsang::json::to_vec(order, work.recipe.outline(), work.recipe.compact)
        .map_err(|e| format!("cannot serialise: {e}"))?;
    json.push(b'\n');
    let written = match target.parent() {
        Some(parent) => std::fs::create_dir_all(parent),
        None => Ok(()),
    }
    .and_then(|()| crate::output::atomic_write(target, &json));
    if let Err(e) = written {
        let why = format!("cannot write {shown}: {}", crate::io_message(&e));
        if fatal_kind(&e) {
            work.halt(why.clone());
        } else if !work.outdir_intact() {
            work.halt(gone());
        }
        let kept = if target.is_file() {
            " (its earlier output is kept)"
        } else {
            ""
        };
        return Err(format!("{why}{kept}"));
    }
    if super::resume::write_stamp(dir, out, &work.recipe, sha, &json).is_err() {
        // without a stamp the output is parsed again on --resume; a full disk
        // stops the run at the next output
        super::resume::remove_stamp(dir, out);
    }
    Ok(())
}
