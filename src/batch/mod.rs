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
//! - **Walk** (see [`walk`]): hidden names passed over; `.txt .docx .xlsx .ods`
//!   parsed, `.doc .xls .pdf` taken so their refusal is listed; other files
//!   skipped and counted by extension; file links followed, folder links only out
//!   of the trees; a file reached twice parsed once.
//! - **Resume**: an input whose output exists, is no older than the input and
//!   records the sha256 of the input's bytes is not parsed again (it is hashed,
//!   not parsed); the summary counts it as resumed.
//! - A failed input's old output (from an earlier run) is removed, so OUTDIR
//!   never contradicts `failures.jsonl`.
#![deny(clippy::indexing_slicing)]

pub mod jsonl;
mod run;
pub mod summary;
pub mod walk;
pub mod work;

use std::path::{Path, PathBuf};
use std::time::Instant;

pub use run::ProgressMode;
pub use summary::{Outcome, Record, Summary};
pub use walk::Found;

use crate::DutyOrder;
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
    /// Worker threads (≥ 1).
    pub jobs: usize,
    /// Skip inputs whose output is current.
    pub resume: bool,
    /// Hand results on as they finish instead of in input order.
    pub unordered: bool,
    /// How progress is shown on stderr.
    pub progress: ProgressMode,
    /// Limits; the file-size limit is checked here, from each file's
    /// metadata, before the file is read (the parser checks the rest).
    pub limits: crate::Limits,
}

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
/// in `failures.jsonl`), never returned; an `Err` means the batch could not start
/// or could not write its own outputs (a closed stdout, a full disk).
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
    if let Some(JsonlTo::File(path)) = &config.jsonl {
        let resolved =
            walk::resolve(path).map_err(|e| failure(format!("{}: {e}", path.display())))?;
        if trees.iter().any(|t| walk::reaches(t, &resolved)) {
            return Err(usage(format!(
                "{}: the JSONL file would be inside an input folder; write it elsewhere",
                path.display()
            )));
        }
    }
    let outdir = match &config.outdir {
        Some(dir) => Some(prepare_outdir(dir, &trees)?),
        None => None,
    };
    let mut lines = match &config.jsonl {
        Some(JsonlTo::Stdout) => Some(jsonl::LineWriter::stdout()),
        Some(JsonlTo::File(path)) => Some(jsonl::LineWriter::file(path).map_err(failure)?),
        None => None,
    };
    let mut failures = match &outdir {
        Some((dir, _)) => {
            Some(jsonl::LineWriter::file(&dir.join("failures.jsonl")).map_err(failure)?)
        }
        None => None,
    };

    let exclude = outdir.as_ref().map(|(_, canonical)| canonical.clone());
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
        outdir: outdir.as_ref().map(|(d, _)| d.clone()),
        resume: config.resume,
        lines: lines.is_some(),
        parse,
        limits: &config.limits,
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
        jobs: config.jobs,
        ..Summary::default()
    };
    let mut stopped: Option<String> = None;
    run::pipeline(
        inputs,
        config.jobs,
        config.unordered,
        |found| work::process(found, &work),
        |record: Record| {
            summary.add(&record);
            let written = hand_on(&record, &mut progress, lines.as_mut(), failures.as_mut());
            progress.update(&summary);
            match written {
                Ok(()) => true,
                Err(e) => {
                    stopped = Some(e);
                    false
                }
            }
        },
    )
    .map_err(failure)?;
    counting.store(false, std::sync::atomic::Ordering::Relaxed);
    progress.finish();
    if let Some(e) = stdin_error.and_then(|rx| rx.try_recv().ok()) {
        stopped.get_or_insert(e);
    }
    for w in lines.iter_mut().chain(failures.iter_mut()) {
        if let Err(e) = w.flush() {
            stopped.get_or_insert(e);
        }
    }
    summary.finish(started.elapsed());
    if let Some((dir, _)) = &outdir {
        let mut text =
            serde_json::to_string_pretty(&summary).map_err(|e| failure(e.to_string()))?;
        text.push('\n');
        let path = dir.join("summary.json");
        work::atomic_write(&path, text.as_bytes()).map_err(|e| {
            failure(format!(
                "{}: cannot write: {}",
                path.display(),
                crate::io_message(&e)
            ))
        })?;
    }
    match stopped {
        Some(e) => Err(failure(format!("{e}; the batch stopped early"))),
        None => Ok(summary),
    }
}

/// Flag combinations that make no sense (exit 2).
fn check_flags(config: &Config) -> Result<(), BatchError> {
    if config.jobs == 0 {
        return Err(usage("-j must be at least 1"));
    }
    if config.outdir.is_none() && config.jsonl.is_none() {
        return Err(usage("batch needs -o OUTDIR, --jsonl FILE|-, or both"));
    }
    if config.resume && config.outdir.is_none() {
        return Err(usage(
            "--resume needs -o OUTDIR (it compares with the JSON written there)",
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
                    given.display()
                )));
            }
        };
        if mirrored && !single && canonical.is_some() {
            if walk::RESERVED.iter().any(|r| out.as_os_str() == *r) {
                return Err(usage(format!(
                    "{}: its output would be OUTDIR/{}, the batch's own file; rename it",
                    given.display(),
                    out.display()
                )));
            }
            if let Some(other) = roots.iter().find(|r| r.canonical.is_some() && r.out == out) {
                return Err(usage(format!(
                    "{} and {} would both be mirrored as OUTDIR/{}; run them as two batches",
                    other.given.display(),
                    given.display(),
                    out.display()
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
                    other.given.display(),
                    given.display()
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
fn prepare_outdir(dir: &Path, trees: &[PathBuf]) -> Result<(PathBuf, PathBuf), BatchError> {
    let shown = dir.display();
    let resolved = walk::resolve(dir).map_err(|e| failure(format!("{shown}: {e}")))?;
    for tree in trees {
        if walk::reaches(tree, &resolved) {
            return Err(usage(format!(
                "{shown}: OUTDIR is inside the input folder {}; choose a folder outside it (or a hidden one such as {}/.kamsang)",
                tree.display(),
                tree.display()
            )));
        }
        if tree.starts_with(&resolved) {
            return Err(usage(format!(
                "{shown}: OUTDIR contains the input folder {}; choose a folder outside it",
                tree.display()
            )));
        }
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| failure(format!("{shown}: cannot create: {}", crate::io_message(&e))))?;
    let canonical = std::fs::canonicalize(dir)
        .map_err(|e| failure(format!("{shown}: {}", crate::io_message(&e))))?;
    Ok((dir.to_path_buf(), canonical))
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
        progress.println(&format!("kamsang: {}: {error}", record.path));
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
