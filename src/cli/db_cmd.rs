//! `kamsang db import`: JSON already made (by `parse`, `batch -o`, `batch
//! --jsonl`) into the SQLite archive of [`kamsang::db`], as `batch --db`
//! would have written it.
//!
//! What is read: `.json` files (one order each) and `.jsonl` files (one
//! document a line), given directly or found in folders (searched
//! recursively; hidden folders such as `.kamsang/` and `summary.json` passed
//! over), or JSON lines on stdin (`-`). A line `{"path":…,"error":…}` (a
//! batch's failure: `failures.jsonl`, or a failed input in `--jsonl`) is
//! recorded in the `failures` table; `{"path":…,"skipped":…}` is counted as
//! skipped. Every document is counted once: added, replaced, unchanged,
//! failure recorded, skipped, or failed (not kamsang JSON; also recorded,
//! under `FILE` or `FILE:LINE`).
//!
//! The recipe an imported order is stored with is `json SHA256`, the hash
//! of its JSON text: importing the same JSON again changes nothing, a JSON
//! written anew (another kamsang, other options) replaces the order.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kamsang::db::{Archive, Imported};

use crate::{esc, plain_io};

/// Arguments of `kamsang db import`.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// JSON files, JSON-lines files, or folders of them; - reads JSON lines
    /// from stdin.
    #[arg(required = true, value_name = "JSONDIR|JSONL")]
    inputs: Vec<PathBuf>,
    /// The SQLite archive to write (created when missing).
    #[arg(long, value_name = "FILE", required = true)]
    db: PathBuf,
}

/// What the import counted: every document in exactly one count.
#[derive(Debug, Default, serde::Serialize)]
struct Counts {
    documents: u64,
    added: u64,
    replaced: u64,
    unchanged: u64,
    failures_recorded: u64,
    skipped: u64,
    failed: u64,
}

/// A failure line of a batch: `{"path":…,"error":…}`.
#[derive(serde::Deserialize)]
struct FailureLine {
    path: String,
    error: Option<String>,
    skipped: Option<String>,
}

/// Run `db import`: exit 0 when every document went in, 1 when some could
/// not be read (the rest is imported), 2 on a usage error.
pub fn import(args: &ImportArgs) -> ExitCode {
    let stdin = args.inputs.iter().any(|p| p.as_os_str() == "-");
    if stdin && args.inputs.len() > 1 {
        eprintln!("kamsang: db import: - (JSON lines from stdin) must be the only input");
        return ExitCode::from(2);
    }
    if let Err(msg) = check(&args.db, &args.inputs) {
        eprintln!("kamsang: {msg}");
        return ExitCode::from(2);
    }
    let mut db = match Archive::open(&args.db) {
        Ok(db) => db,
        Err(e) => {
            eprintln!("kamsang: {e}");
            return ExitCode::from(1);
        }
    };
    let mut counts = Counts::default();
    let result = db.begin_run("db import").and_then(|()| {
        if stdin {
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => lines(&mut db, "-", &bytes, &mut counts),
                Err(e) => {
                    eprintln!("kamsang: stdin: cannot read: {}", plain_io(&e));
                    counts.failed += 1;
                    Ok(())
                }
            }
        } else {
            files(&args.inputs)
                .into_iter()
                .try_for_each(|f| file(&mut db, &f, &mut counts))
        }
    });
    let summary = serde_json::to_string(&counts).unwrap_or_default();
    if let Err(e) = result.and_then(|()| db.finish_run(&summary)) {
        eprintln!("kamsang: {e}; what was committed before stays");
        return ExitCode::from(1);
    }
    eprintln!(
        "kamsang: db import: {} documents: {} added, {} replaced, {} unchanged, {} failures recorded, {} skipped, {} failed",
        counts.documents,
        counts.added,
        counts.replaced,
        counts.unchanged,
        counts.failures_recorded,
        counts.skipped,
        counts.failed
    );
    if counts.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The database is never one of the inputs, nor inside an input folder.
fn check(db: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    let files: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    if let Some(input) = crate::output::clobbered_input(db, files.iter().copied()) {
        return Err(crate::output::clobber_message(db, input));
    }
    let resolved = crate::batch::walk::resolve(db)
        .map_err(|e| format!("{}: {e}", esc(&db.to_string_lossy())))?;
    for dir in inputs.iter().filter(|p| p.is_dir()) {
        if let Ok(tree) = std::fs::canonicalize(dir)
            && crate::batch::walk::reaches(&tree, &resolved)
        {
            return Err(format!(
                "{}: the database would be inside the input folder {}; write it elsewhere",
                esc(&db.to_string_lossy()),
                esc(&dir.to_string_lossy())
            ));
        }
    }
    Ok(())
}

/// The files to read, in a stable order: the inputs as given, folders
/// searched recursively for `.json` and `.jsonl` (hidden names and
/// `summary.json` passed over; links to folders not followed).
fn files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        let mut todo = vec![input.clone()];
        let mut found = Vec::new();
        while let Some(dir) = todo.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                // counted as a failed document when read
                found.push(dir);
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with('.') || name == "summary.json" {
                    continue;
                }
                let path = entry.path();
                if entry.file_type().is_ok_and(|t| t.is_dir()) {
                    todo.push(path);
                } else if path
                    .extension()
                    .is_some_and(|e| e == "json" || e == "jsonl")
                {
                    found.push(path);
                }
            }
        }
        found.sort();
        out.extend(found);
    }
    out
}

/// One file: a JSON order, or JSON lines.
fn file(db: &mut Archive, path: &Path, counts: &mut Counts) -> Result<(), kamsang::db::DbError> {
    let name = path.to_string_lossy();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let error = format!("cannot read: {}", crate::io_message(&e));
            return failed(db, &name, &error, counts);
        }
    };
    if path.extension().is_some_and(|e| e == "jsonl") {
        return lines(db, &name, &bytes, counts);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    document(db, &name, body, counts)
}

/// JSON lines: orders, failure lines, skipped lines.
fn lines(
    db: &mut Archive,
    name: &str,
    bytes: &[u8],
    counts: &mut Counts,
) -> Result<(), kamsang::db::DbError> {
    for (k, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let at = format!("{name}:{}", k + 1);
        if !line
            .windows(b"\"schema_version\"".len())
            .any(|w| w == b"\"schema_version\"")
            && let Ok(f) = serde_json::from_slice::<FailureLine>(line)
        {
            counts.documents += 1;
            match (f.error, f.skipped) {
                (Some(error), _) => {
                    db.record_failure(&f.path, &error)?;
                    counts.failures_recorded += 1;
                }
                (None, Some(_)) => counts.skipped += 1,
                (None, None) => {
                    let error = "a JSON line that is neither an order nor a batch's failure or skipped line";
                    failed_counted(db, &at, error, counts)?;
                }
            }
            continue;
        }
        document(db, &at, line, counts)?;
    }
    Ok(())
}

/// One JSON order (`at` names it in a failure).
fn document(
    db: &mut Archive,
    at: &str,
    body: &[u8],
    counts: &mut Counts,
) -> Result<(), kamsang::db::DbError> {
    let order = match kamsang::DutyOrder::from_json_slice(body, kamsang::Limits::default().depth())
    {
        Ok(o) => o,
        Err(e) => return failed(db, at, &format!("not a kamsang duty order: {e}"), counts),
    };
    counts.documents += 1;
    let recipe = format!("json {}", crate::sha256_hex(body));
    match db.import(&order, &recipe)? {
        Imported::Added => counts.added += 1,
        Imported::Replaced => counts.replaced += 1,
        Imported::Unchanged => counts.unchanged += 1,
    }
    Ok(())
}

/// A document that could not be read: said on stderr, counted, recorded.
fn failed(
    db: &mut Archive,
    at: &str,
    error: &str,
    counts: &mut Counts,
) -> Result<(), kamsang::db::DbError> {
    counts.documents += 1;
    failed_counted(db, at, error, counts)
}

fn failed_counted(
    db: &mut Archive,
    at: &str,
    error: &str,
    counts: &mut Counts,
) -> Result<(), kamsang::db::DbError> {
    eprintln!("kamsang: {}: {error}", esc(at));
    counts.failed += 1;
    db.record_failure(at, error)
}
