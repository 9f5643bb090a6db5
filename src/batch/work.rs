//! The work on one input, on a worker thread: read it, decide whether an
//! earlier output still stands for it (`--resume`), parse it, and write its JSON
//! so that a crash never leaves half a file.
//!
//! Each output is written to a hidden temporary file in the folder it belongs in
//! and renamed over the final name: a rename within one folder is atomic, so a
//! reader (or a resumed run) sees either the old file, the new one, or none —
//! never a prefix. The temporary name starts with a dot, so a later walk of
//! OUTDIR passes over it; a run killed mid-write can leave one behind
//! (`.NAME.json.kamsang-PID-N.tmp`), which is safe to delete. There is no
//! fsync: this protects against a crashed or killed process, not a power cut.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Instant, SystemTime};

use super::summary::{Outcome, Record};
use super::walk::Found;
use crate::DutyOrder;

/// What the workers need to know.
pub(crate) struct Work<'a> {
    /// Where mirrored outputs go.
    pub outdir: Option<PathBuf>,
    /// Skip inputs whose output is current.
    pub resume: bool,
    /// Produce each order's JSON line.
    pub lines: bool,
    /// The parser.
    pub parse: &'a super::ParseFn<'a>,
    /// Limits (the file size is checked before reading).
    pub limits: &'a crate::Limits,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Write `bytes` at `path` atomically (temp file in the same folder + rename),
/// creating the folders above it.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)?;
    let temp = temp_name(parent, path);
    let written = std::fs::File::create(&temp).and_then(|mut f| f.write_all(bytes));
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        // The final name was never touched; do not leave the temp file either.
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    Ok(())
}

fn temp_name(parent: &Path, path: &Path) -> PathBuf {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".kamsang-{}-{n}.tmp", std::process::id()));
    parent.join(name)
}

/// How many bytes of an output are read to find its `source.sha256`: the
/// `source` object comes second in the JSON, after `schema_version`.
const PREFIX: u64 = 64 * 1024;

/// The `source.sha256` recorded in the JSON at `path`, when it can be read from
/// the start of the file (as kamsang writes it: pretty, `source` first).
pub fn recorded_sha256(path: &Path) -> Option<String> {
    let mut prefix = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(PREFIX)
        .read_to_end(&mut prefix)
        .ok()?;
    let text = String::from_utf8_lossy(&prefix);
    // Keys are written unescaped with exactly these spaces; inside a JSON string
    // a quote is escaped, so these patterns cannot match inside `source.path`.
    let source = text.find("\"source\": {")?;
    let after = text.get(source..)?;
    let key = "\"sha256\": \"";
    let start = after.find(key)? + key.len();
    let hex = after.get(start..start + 64)?;
    let closes = after.get(start + 64..start + 65) == Some("\"");
    (closes && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| hex.to_string())
}

/// Can the output at `out` stand for the input? It must exist, be no older than
/// the input (`input_mtime`), and record the same sha256 as the input's bytes.
pub fn is_current(out: &Path, input_mtime: Option<SystemTime>, sha256: &str) -> bool {
    let Ok(meta) = std::fs::metadata(out) else {
        return false;
    };
    let newer = match (meta.modified().ok(), input_mtime) {
        (Some(o), Some(i)) => o >= i,
        _ => false,
    };
    newer && recorded_sha256(out).as_deref() == Some(sha256)
}

/// Remove an output left by an earlier run for an input that now fails, so
/// OUTDIR never shows a result the failure list contradicts.
pub fn remove_stale(out: &Path) {
    let _ = std::fs::remove_file(out);
}

/// The work on one input, on a worker thread. A panic anywhere in it becomes a
/// failure of that input; the batch goes on.
pub(crate) fn process(found: Found, work: &Work) -> Record {
    let started = Instant::now();
    let (path, outcome, bytes, line) = match found {
        Found::Take { path, out } => {
            let shown = path.to_string_lossy().into_owned();
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                convert(&path, &shown, &out, work)
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

/// Read, maybe resume, parse, write: outcome, bytes read, JSON line.
fn convert(path: &Path, shown: &str, out: &Path, work: &Work) -> (Outcome, u64, Option<String>) {
    let fail = |error: String, parsed: bool| Outcome::Failed { error, parsed };
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
    if meta.len() > work.limits.max_file_bytes {
        // refused before reading: memory never holds a file past the limit
        let e = work
            .limits
            .file_too_big(shown, Some(meta.len()))
            .to_string();
        let reason = e
            .strip_prefix(shown)
            .and_then(|m| m.strip_prefix(": "))
            .unwrap_or(&e)
            .to_string();
        return (fail(reason, false), meta.len(), None);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                fail(format!("cannot read: {}", crate::io_message(&e)), false),
                0,
                None,
            );
        }
    };
    let size = bytes.len() as u64;
    let target = work.outdir.as_ref().map(|d| d.join(out));
    if let (true, Some(target)) = (work.resume, &target) {
        let sha = crate::read::sha256_hex(&bytes);
        if is_current(target, meta.modified().ok(), &sha) {
            if !work.lines {
                return (Outcome::Resumed, size, None);
            }
            // The stored JSON, re-emitted compact: the same line a parse gives.
            let stored = std::fs::read(target)
                .ok()
                .and_then(|b| serde_json::from_slice::<DutyOrder>(&b).ok())
                .and_then(|o| serde_json::to_string(&o).ok());
            if let Some(line) = stored {
                return (Outcome::Resumed, size, Some(line));
            }
        }
    }
    let order = match (work.parse)(shown, &bytes) {
        Ok(order) => order,
        Err(message) => {
            if let Some(target) = &target {
                remove_stale(target);
            }
            let error = message
                .strip_prefix(shown)
                .and_then(|m| m.strip_prefix(": "))
                .unwrap_or(&message)
                .to_string();
            return (fail(error, true), size, None);
        }
    };
    let warnings = order
        .diagnostics
        .iter()
        .any(|d| d.severity >= crate::Severity::Warning);
    if let Some(target) = &target {
        // Exactly what `kamsang parse` prints: pretty JSON and a newline.
        // Serialised into memory first: serde_json writes many small pieces,
        // which a Vec takes faster than a BufWriter over the file.
        let written = serde_json::to_vec_pretty(&order)
            .map_err(std::io::Error::other)
            .and_then(|mut json| {
                json.push(b'\n');
                atomic_write(target, &json)
            })
            .map_err(|e| {
                format!(
                    "cannot write {}: {}",
                    target.display(),
                    crate::io_message(&e)
                )
            });
        if let Err(error) = written {
            remove_stale(target);
            return (fail(error, true), size, None);
        }
    }
    let line = if work.lines {
        match serde_json::to_string(&order) {
            Ok(l) => Some(l),
            Err(e) => {
                return (fail(format!("cannot serialise: {e}"), true), size, None);
            }
        }
    } else {
        None
    };
    (Outcome::Ok { warnings }, size, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_sha_is_found_after_source_and_not_in_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        let sha = "ab".repeat(32);
        let fake = "cd".repeat(32);
        let text = format!(
            "{{\n  \"schema_version\": \"1.0.0\",\n  \"source\": {{\n    \"path\": \"a\\\"sha256\\\": \\\"{fake}\\\"\",\n    \"format\": \"txt\",\n    \"encoding\": \"utf-8\",\n    \"sha256\": \"{sha}\",\n    \"bytes\": 3\n  }}\n}}\n"
        );
        std::fs::write(&p, text).unwrap();
        assert_eq!(recorded_sha256(&p), Some(sha));
    }

    #[test]
    fn no_sha_in_a_truncated_or_foreign_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        std::fs::write(&p, "{\n  \"source\": {\n    \"sha256\": \"abc").unwrap();
        assert_eq!(recorded_sha256(&p), None);
        std::fs::write(&p, "[1, 2]").unwrap();
        assert_eq!(recorded_sha256(&p), None);
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b/x.txt.json");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a/b"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("x.txt.json")]);
    }
}
