//! Batch conversion of whole archives: `kamsang batch`.
//!
//! A batch walks folder trees (or reads paths from stdin), parses the files in
//! parallel and mirrors the tree under OUTDIR (`a/b/x.docx` → `OUTDIR/a/b/x.docx.json`,
//! so `x.txt` and `x.docx` side by side never collide), or writes JSON lines.
//! Its promise is that nothing is lost: every input ends in exactly one count of
//! the [`Summary`], every failure is a line of `OUTDIR/failures.jsonl` with its
//! reason, and one bad file never stops the rest.
//!
//! Decisions, so that users can rely on them:
//! - **Paths given to the parser** (and so `source.path`): the input argument as
//!   typed joined with the path under it (`archive/2566/x.docx` for
//!   `kamsang batch archive`), or the stdin line as given. The JSON written for a
//!   file is then byte for byte what `kamsang parse` prints for that path (pretty,
//!   with a final newline); a JSON line is what `parse --compact` prints.
//! - **Several inputs** are mirrored each under its own name:
//!   `kamsang batch 2566 2567 -o out` writes `out/2566/…` and `out/2567/…`; a file
//!   given directly goes to `out/NAME.json`. Two inputs with the same name, or a
//!   name equal to `summary.json`/`failures.jsonl`, are refused (exit 2), as is an
//!   input inside another (it would be read twice).
//! - **OUTDIR never lies in an input tree**, nor an input in OUTDIR (exit 2) —
//!   except in a hidden folder (`archive/.json`), which the walk never enters.
//!   The same holds for a `--jsonl` file.
//! - **Walk** (see [`walk`]): hidden names passed over; `.txt .docx .xlsx .ods
//!   .pdf .doc .odt .rtf .xls` parsed (the last ones through their engines;
//!   without the engine, the refusal is listed; images are not taken); other files
//!   skipped and counted by extension; file links followed, folder links only out
//!   of the trees; a file reached twice parsed once.
//! - **No output over an input**: a `--jsonl` file that is an input (by
//!   identity, through links too) or one of OUTDIR's own files (`summary.json`,
//!   `failures.jsonl`, `.kamsang/`, a mirrored `NAME.json`), and an input given
//!   directly that is one of OUTDIR's files, are refused (exit 2). Every output
//!   is written atomically ([`crate::output`]); `failures.jsonl` a whole line at
//!   a time, synced at the end.
//! - **One batch per OUTDIR** ([`lock`]): a second one exits 2 with the PID
//!   of the first.
//! - **Resume** ([`resume`]): an input whose output exists, is no older than
//!   the input, and whose stamp records the same kamsang and schema version,
//!   parse options, input sha256 and output sha256 (the output read whole) is
//!   not parsed again; the summary counts it as resumed.
//! - An input that now fails to parse loses its old output (from an earlier
//!   run), so OUTDIR never contradicts `failures.jsonl`; an output that cannot
//!   be written keeps the old one.
//! - **A full disk or a removed OUTDIR stops the run**: every input found
//!   after that is counted as not reached, so the summary (on stderr even when
//!   `summary.json` cannot be written) still accounts for every input.
#![deny(clippy::indexing_slicing)]

pub mod archive;
pub mod jsonl;
pub mod lock;
pub mod resume;
mod run;
pub mod summary;
#[cfg(test)]
mod tests;
pub mod walk;
pub mod work;

use std::path::{Path, PathBuf};
use std::time::Instant;

pub use run::ProgressMode;
pub use summary::{Outcome, Record, Summary};
pub use walk::Found;

use kamsang::DutyOrder;
use walk::Root;

/// The parser a batch calls on each input: path (as it goes into
/// `source.path`) and bytes in, the order or `PATH: what is wrong` out. The CLI
/// passes one that turns a panic into an "internal error" message.
pub type ParseFn<'a> = dyn Fn(&str, &[u8]) -> std::result::Result<DutyOrder, String> + Sync + 'a;

/// Where the inputs come from.
#[derive(Debug, Clone)]
pub enum Inputs {
    /// Folders (walked) and files.
    Paths(Vec<PathBuf>),
    /// Paths read from stdin, one per line, or NUL-separated when `nul`.
    Stdin {
        /// Paths are NUL-separated (`-0`).
        nul: bool,
    },
}

/// Where JSON lines go.
#[derive(Debug, Clone)]
pub enum JsonlTo {
    /// Standard output (`--jsonl -`).
    Stdout,
    /// A file.
    File(PathBuf),
}

/// What a batch does.
#[derive(Debug, Clone)]
pub struct Config {
    /// The inputs.
    pub inputs: Inputs,
    /// Mirror outputs, `summary.json` and `failures.jsonl` here.
    pub outdir: Option<PathBuf>,
    /// Also (or only) write one JSON document per line here.
    pub jsonl: Option<JsonlTo>,
    /// Also (or only) write every order into this SQLite archive
    /// ([`archive`]).
    pub db: Option<PathBuf>,
    /// Worker threads (≥ 1).
    pub jobs: usize,
    /// Skip inputs whose output is current.
    pub resume: bool,
    /// Hand results on as they finish instead of in input order.
    pub unordered: bool,
    /// How progress is shown on stderr.
    pub progress: ProgressMode,
    /// The options `parse` parses with: the file-size limit is checked here,
    /// before a file is read (the parser checks the other limits), and all of
    /// them are recorded with each output so that `--resume` parses again
    /// when they change.
    pub options: kamsang::Options,
    /// Write the mirrored outputs as one line of JSON (`parse --compact`)
    /// instead of pretty JSON.
    pub compact: bool,
    /// How much of the outline every output carries (`--outline`).
    pub outline: kamsang::json::OutlineMode,
}

/// Most worker threads a batch starts, whatever `-j` says: far more than the
/// cores of any machine it runs on (each worker holds up to 8 files in flight
/// and one parse's memory), and few enough to start in milliseconds
/// (`-j 10000` once spent a minute spawning threads for 3 files).
pub const MAX_JOBS: usize = 256;

/// Why a batch could not start (or had to stop): a usage error (exit 2) or a
/// failure to write its outputs (exit 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchError {
    /// One line, without the `kamsang: ` prefix.
    pub message: String,
    /// The command line is wrong (exit 2) rather than the system (exit 1).
    pub usage: bool,
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn usage(message: impl Into<String>) -> BatchError {
    BatchError {
        message: message.into(),
        usage: true,
    }
}

fn failure(message: impl Into<String>) -> BatchError {
    BatchError {
        message: message.into(),
        usage: false,
    }
}

/// Run a batch. Failures of single inputs are counted in the summary (and listed
/// in `failures.jsonl`), never returned. A run that had to stop (a full disk, a
/// removed OUTDIR, a closed stdout, a `summary.json` that cannot be written)
/// still returns its summary, with the reason in [`Summary::stopped`] and the
/// inputs it did not reach in [`Summary::not_reached`]; an `Err` means the
/// batch could not start (a usage error, OUTDIR in use, no worker threads).
pub fn run(config: &Config, parse: &ParseFn) -> Result<Summary, BatchError> {
    let started = Instant::now();
    check_flags(config)?;
    let roots = match &config.inputs {
        Inputs::Paths(paths) => Some(plan_roots(paths, config.outdir.is_some())?),
        Inputs::Stdin { .. } => None,
    };
    let trees: Vec<PathBuf> = roots
        .iter()
        .flatten()
        .filter_map(|r| r.canonical.clone().filter(|c| c.is_dir()))
        .collect();
    // Check every layout rule before anything is created.
    check_outputs(config, roots.as_deref().unwrap_or_default(), &trees)?;
    if let Some(db) = &config.db {
        archive::check(
            db,
            config.jsonl.as_ref(),
            config.outdir.as_deref(),
            roots.as_deref().unwrap_or_default(),
            &trees,
        )?;
    }
    let (outdir, mut outdir_id) = match &config.outdir {
        Some(dir) => {
            let (dir, canonical, id) = prepare_outdir(dir, &trees)?;
            (Some((dir, canonical)), Some(id))
        }
        None => (None, None),
    };
    let _lock = match &outdir {
        Some((dir, _)) => Some(lock::lock(dir).map_err(|e| match e {
            lock::LockError::Busy(pid) => usage(format!(
                "{}: OUTDIR is in use by PID {} (another kamsang batch); wait for it to end or choose another OUTDIR",
                shown(dir),
                pid.map_or_else(|| "unknown".to_string(), |p| p.to_string())
            )),
            lock::LockError::Io(path, e) => failure(format!(
                "{}: cannot lock: {}",
                shown(&path),
                crate::io_message(&e)
            )),
        })?),
        None => None,
    };
    let (mut database, lookup) = match &config.db {
        Some(db) => {
            let (writer, lookup) = archive::open(db, &config.options)?;
            (Some(writer), Some(lookup))
        }
        None => (None, None),
    };
    let exclude = outdir.as_ref().map(|(_, canonical)| canonical.clone());
    let jobs = effective_jobs(config, roots.as_deref(), exclude.as_ref());
    let jsonl_id = match &config.jsonl {
        Some(JsonlTo::File(path)) => same_file::Handle::from_path(path).ok(),
        _ => None,
    };
    let mut lines = match &config.jsonl {
        Some(JsonlTo::Stdout) => Some(jsonl::LineWriter::stdout()),
        Some(JsonlTo::File(path)) => Some(jsonl::LineWriter::atomic(path).map_err(failure)?),
        None => None,
    };
    let mut failures = match &outdir {
        Some((dir, _)) => {
            let path = dir.join("failures.jsonl");
            // unlinked, not truncated: a hard link to it keeps its bytes
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(failure(format!(
                        "{}: cannot replace: {}",
                        shown(&path),
                        crate::io_message(&e)
                    )));
                }
                _ => {}
            }
            Some(jsonl::LineWriter::lines(&path).map_err(failure)?)
        }
        None => None,
    };

    let mut progress = run::Progress::new(config.progress);
    let counting = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    if let (Some(roots), true) = (&roots, progress.shown()) {
        let walker = walk::Walker::new(roots.clone(), exclude.clone());
        let total = progress.total.clone();
        let going = counting.clone();
        // A counting walk, so the bar has a length; it only reads folder listings.
        std::thread::spawn(move || {
            for found in walker {
                if !going.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                if matches!(found, Found::Take { .. }) {
                    total.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            }
        });
    }

    let work = work::Work {
        outdir: outdir
            .as_ref()
            .zip(outdir_id.take())
            .map(|((d, _), id)| (d.clone(), id)),
        resume: config.resume,
        lines: lines.is_some(),
        parse,
        limits: &config.options.limits,
        recipe: resume::Recipe::new(&config.options, config.compact).with_outline(config.outline),
        jsonl_id,
        jsonl_is_input: std::sync::atomic::AtomicBool::new(false),
        halted: std::sync::atomic::AtomicBool::new(false),
        reason: std::sync::Mutex::new(None),
        db: lookup,
    };
    let mut stdin_error = None;
    let inputs: Box<dyn Iterator<Item = Found> + Send> = match (&config.inputs, roots) {
        (_, Some(roots)) => Box::new(walk::Walker::new(roots, exclude.clone())),
        (Inputs::Stdin { nul }, None) => {
            let (paths, errors) = jsonl::StdinPaths::new(*nul);
            stdin_error = Some(errors);
            Box::new(paths)
        }
        (Inputs::Paths(_), None) => Box::new(std::iter::empty()),
    };
    let mut summary = Summary {
        jobs,
        ..Summary::default()
    };
    run::pipeline(
        inputs,
        jobs,
        config.unordered,
        |found| work::process(found, &work),
        |mut record: Record| {
            summary.add(&record);
            let written = hand_on(&record, &mut progress, lines.as_mut(), failures.as_mut())
                .and_then(|()| match database.as_mut() {
                    Some(db) if !work.halted() => db.hand_on(&mut record),
                    _ => Ok(()),
                });
            progress.update(&summary);
            if let Err(e) = written {
                // a closed stdout or a full disk: count the rest, write nothing
                work.halt(e);
            }
            true
        },
    )
    .map_err(failure)?;
    counting.store(false, std::sync::atomic::Ordering::Relaxed);
    progress.finish();
    if let Some(e) = stdin_error.and_then(|rx| rx.try_recv().ok()) {
        work.halt(e);
    }
    let mut stopped = work.reason.lock().ok().and_then(|mut r| r.take());
    if let Some(l) = lines.as_mut() {
        if work
            .jsonl_is_input
            .load(std::sync::atomic::Ordering::SeqCst)
        {
            // dropped uncommitted: the input keeps its bytes
            lines = None;
            stopped.get_or_insert_with(|| {
                "the --jsonl file is one of the inputs: it was not replaced".to_string()
            });
        } else if let Err(e) = l.finish() {
            stopped.get_or_insert(e);
        }
    }
    drop(lines);
    if let Some(f) = failures.as_mut() {
        summary.failures_listed = f.lines;
        if let Err(e) = f.finish() {
            stopped.get_or_insert(e);
        }
    }
    summary.finish(started.elapsed());
    summary.stopped = stopped.map(|e| format!("{e}; the batch stopped early"));
    if let Some(db) = database.as_mut() {
        summary.database = Some(db.counts.clone());
        if let Err(e) = db.finish(&summary) {
            summary.stopped = Some(match summary.stopped.take() {
                Some(s) => format!("{s}; {e}"),
                None => e,
            });
        }
    }
    if let Some((dir, _)) = &outdir {
        let path = dir.join("summary.json");
        let written = serde_json::to_vec_pretty(&summary)
            .map_err(std::io::Error::other)
            .and_then(|mut text| {
                text.push(b'\n');
                crate::output::atomic_write(&path, &text)
            });
        if let Err(e) = written {
            let e = format!("{}: cannot write: {}", shown(&path), crate::io_message(&e));
            summary.stopped = Some(match summary.stopped.take() {
                Some(s) => format!("{s}; {e}"),
                None => e,
            });
        }
    }
    Ok(summary)
}

/// A path for a message: one line, whatever its name.
fn shown(path: &Path) -> String {
    kamsang::error::escape_name(&path.to_string_lossy()).into_owned()
}

/// `-j` capped at [`MAX_JOBS`] and at the number of files to convert when
/// there are fewer (found by a walk that stops as soon as there are enough).
fn effective_jobs(config: &Config, roots: Option<&[Root]>, exclude: Option<&PathBuf>) -> usize {
    let jobs = config.jobs.clamp(1, MAX_JOBS);
    match roots {
        Some(roots) if jobs > 1 => walk::Walker::new(roots.to_vec(), exclude.cloned())
            .filter(|f| matches!(f, Found::Take { .. }))
            .take(jobs)
            .count()
            .max(1),
        _ => jobs,
    }
}

/// No output of the batch may be one of its inputs, nor two outputs one
/// file: the `--jsonl` file against the inputs and OUTDIR's own files, and
/// each input given directly against OUTDIR's files (exit 2).
fn check_outputs(config: &Config, roots: &[Root], trees: &[PathBuf]) -> Result<(), BatchError> {
    let outdir = match &config.outdir {
        Some(dir) => Some(walk::resolve(dir).map_err(|e| failure(format!("{}: {e}", shown(dir))))?),
        None => None,
    };
    let files: Vec<&Path> = roots
        .iter()
        .filter_map(|r| r.canonical.as_deref().filter(|c| c.is_file()))
        .collect();
    if let Some(JsonlTo::File(path)) = &config.jsonl {
        let resolved = walk::resolve(path).map_err(|e| failure(format!("{}: {e}", shown(path))))?;
        if trees.iter().any(|t| walk::reaches(t, &resolved)) {
            return Err(usage(format!(
                "{}: the JSONL file would be inside an input folder; write it elsewhere",
                shown(path)
            )));
        }
        if let Some(input) = crate::output::clobbered_input(path, files.iter().copied()) {
            return Err(usage(crate::output::clobber_message(path, input)));
        }
        if let (Some(dir), Some(rel)) = (
            &outdir,
            outdir.as_ref().and_then(|d| resolved.strip_prefix(d).ok()),
        ) {
            let own = [dir.join("summary.json"), dir.join("failures.jsonl")];
            if owned_by_outdir(rel) || crate::output::clobbered_input(path, &own).is_some() {
                return Err(usage(format!(
                    "{}: the JSONL file would be one of OUTDIR's own files (summary.json, failures.jsonl, .kamsang/ or a mirrored NAME.json); name it NAME.jsonl or write it elsewhere",
                    shown(path)
                )));
            }
        }
    }
    let Some(dir) = &outdir else { return Ok(()) };
    for root in roots {
        let Some(file) = root.canonical.as_deref().filter(|c| c.is_file()) else {
            continue;
        };
        let written_here = file.strip_prefix(dir).ok().is_some_and(|rel| {
            owned_by_outdir(rel)
                || roots.iter().any(|r| {
                    let is_dir = r.canonical.as_ref().is_some_and(|c| c.is_dir());
                    if is_dir {
                        rel.starts_with(&r.out)
                    } else {
                        rel == r.out
                    }
                })
        });
        let targets: Vec<PathBuf> = roots.iter().map(|r| dir.join(&r.out)).collect();
        let linked = targets
            .iter()
            .any(|t| crate::output::clobbered_input(t, [file]).is_some());
        if written_here || linked {
            return Err(usage(format!(
                "{}: the input is one of the files this batch writes in OUTDIR; move it out or choose another OUTDIR",
                shown(&root.given)
            )));
        }
    }
    Ok(())
}

/// Would a file at `rel` (relative to OUTDIR) be written by a batch: its own
/// files, its state folder, or (ending in `.json`) a mirrored output?
fn owned_by_outdir(rel: &Path) -> bool {
    let first = rel.components().next().map(|c| c.as_os_str());
    let top_file = rel.components().count() == 1;
    first.is_some_and(|f| f == lock::STATE_DIR)
        || (top_file && first.is_some_and(|f| walk::RESERVED.iter().any(|r| f == *r)))
        || rel.extension().is_some_and(|e| e == "json")
}

/// Flag combinations that make no sense (exit 2).
fn check_flags(config: &Config) -> Result<(), BatchError> {
    if config.jobs == 0 {
        return Err(usage("-j must be at least 1"));
    }
    if config.outdir.is_none() && config.jsonl.is_none() && config.db.is_none() {
        return Err(usage(
            "batch needs -o OUTDIR, --jsonl FILE|-, --db FILE, or several of them",
        ));
    }
    if config.resume && config.outdir.is_none() && config.db.is_none() {
        return Err(usage(
            "--resume needs -o OUTDIR or --db FILE (it compares with what was written there)",
        ));
    }
    if matches!(config.inputs, Inputs::Stdin { .. }) && config.outdir.is_some() {
        return Err(usage(
            "paths from stdin (-) are written as JSON lines only: use --jsonl FILE|- without -o",
        ));
    }
    Ok(())
}

/// Resolve the inputs and decide where each one's outputs go; names are
/// checked for collisions only when they are `mirrored` under an OUTDIR.
fn plan_roots(paths: &[PathBuf], mirrored: bool) -> Result<Vec<Root>, BatchError> {
    if paths.is_empty() {
        return Err(usage("batch needs at least one folder or file"));
    }
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(usage("- (paths from stdin) must be the only input"));
    }
    // A mistyped input is a usage error found before OUTDIR is created; a
    // dangling link stays a failure of its own (it is there, its target is not).
    if let Some(missing) = paths.iter().find(|p| {
        std::fs::symlink_metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    }) {
        return Err(usage(format!(
            "{}: no such folder or file; nothing was written",
            shown(missing)
        )));
    }
    let single = paths.len() == 1;
    let mut roots: Vec<Root> = Vec::new();
    for given in paths {
        let canonical = std::fs::canonicalize(given).ok();
        let is_dir = canonical.as_ref().is_some_and(|c| c.is_dir());
        let name = given
            .file_name()
            .or_else(|| canonical.as_ref().and_then(|c| c.file_name()))
            .map(|n| n.to_os_string());
        let out = match (single && is_dir, is_dir, name) {
            (true, _, _) => PathBuf::new(),
            (false, true, Some(name)) => PathBuf::from(name),
            (false, false, Some(mut name)) => {
                name.push(".json");
                PathBuf::from(name)
            }
            (false, _, None) => {
                return Err(usage(format!(
                    "{}: an input needs a name to be mirrored under in OUTDIR",
                    shown(given)
                )));
            }
        };
        if mirrored && !single && canonical.is_some() {
            if walk::RESERVED.iter().any(|r| out.as_os_str() == *r) {
                return Err(usage(format!(
                    "{}: its output would be OUTDIR/{}, the batch's own file; rename it",
                    shown(given),
                    shown(&out)
                )));
            }
            if let Some(other) = roots.iter().find(|r| r.canonical.is_some() && r.out == out) {
                return Err(usage(format!(
                    "{} and {} would both be mirrored as OUTDIR/{}; run them as two batches",
                    shown(&other.given),
                    shown(given),
                    shown(&out)
                )));
            }
        }
        if let Some(c) = &canonical {
            let overlap = roots.iter().find(|other| {
                other.canonical.as_ref().is_some_and(|oc| {
                    (oc.is_dir() && walk::reaches(oc, c)) || (is_dir && walk::reaches(c, oc))
                })
            });
            if let Some(other) = overlap {
                return Err(usage(format!(
                    "{} and {} overlap (one is inside the other): give it once",
                    shown(&other.given),
                    shown(given)
                )));
            }
        }
        roots.push(Root {
            given: given.clone(),
            canonical,
            out,
        });
    }
    Ok(roots)
}

/// Check OUTDIR against the input trees, create it, and return it with its
/// canonical path (which the walk then never enters).
fn prepare_outdir(
    dir: &Path,
    trees: &[PathBuf],
) -> Result<(PathBuf, PathBuf, same_file::Handle), BatchError> {
    let name = shown(dir);
    let resolved = walk::resolve(dir).map_err(|e| failure(format!("{name}: {e}")))?;
    for tree in trees {
        if walk::reaches(tree, &resolved) {
            return Err(usage(format!(
                "{name}: OUTDIR is inside the input folder {}; choose a folder outside it (or a hidden one such as {}/.kamsang)",
                shown(tree),
                shown(tree)
            )));
        }
        if tree.starts_with(&resolved) {
            return Err(usage(format!(
                "{name}: OUTDIR contains the input folder {}; choose a folder outside it",
                shown(tree)
            )));
        }
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| failure(format!("{name}: cannot create: {}", crate::io_message(&e))))?;
    let canonical = std::fs::canonicalize(dir)
        .map_err(|e| failure(format!("{name}: {}", crate::io_message(&e))))?;
    let id = same_file::Handle::from_path(dir)
        .map_err(|e| failure(format!("{name}: {}", crate::io_message(&e))))?;
    Ok((dir.to_path_buf(), canonical, id))
}

/// On the receiving thread: tell the user about a failure, list it, and pass the
/// input's JSON line on. An `Err` (an output that cannot be written) stops the run.
fn hand_on(
    record: &Record,
    progress: &mut run::Progress,
    lines: Option<&mut jsonl::LineWriter>,
    failures: Option<&mut jsonl::LineWriter>,
) -> Result<(), String> {
    if let Outcome::Failed { error, .. } = &record.outcome {
        let path = kamsang::error::escape_name(&record.path);
        progress.println(&format!("kamsang: {path}: {error}"));
        let line = jsonl::failure_line(&record.path, error);
        if let Some(f) = failures {
            f.line(&line)?;
        }
        if let Some(l) = lines {
            l.line(&line)?;
        }
    } else if let (Some(l), Some(line)) = (lines, &record.line) {
        l.line(line)?;
    }
    Ok(())
}
