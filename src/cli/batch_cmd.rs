//! `kamsang batch`: the command-line side of [`crate::batch`].

use std::path::PathBuf;
use std::process::ExitCode;

use crate::batch::{Config, Inputs, JsonlTo, ProgressMode};

use crate::ReadArgs;

/// Arguments of `kamsang batch`.
#[derive(clap::Args)]
pub struct BatchArgs {
    /// Folders (walked) or files to convert; a single - reads paths from stdin.
    #[arg(required = true, value_name = "DIR")]
    inputs: Vec<PathBuf>,
    /// Mirror the tree here as NAME.json files, with summary.json and failures.jsonl.
    #[arg(short, long, value_name = "OUTDIR")]
    output: Option<PathBuf>,
    /// Also (or only) write one JSON document per line to FILE, or stdout with -.
    #[arg(long, value_name = "FILE|-")]
    jsonl: Option<PathBuf>,
    /// Also (or only) write every order into this SQLite archive (tables
    /// orders, people, duties, committees, members, persons, failures …); a
    /// re-run replaces changed orders and leaves the rest.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Worker threads [default: the number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Skip files whose JSON in OUTDIR is newer and records the same sha256
    /// (with --db: that the database holds with the same sha256 and options).
    #[arg(long)]
    resume: bool,
    /// Paths on stdin are NUL-separated (as from find -print0).
    #[arg(short = '0', long = "null")]
    null: bool,
    /// Hand results on as files finish instead of in input order (JSON lines
    /// and failures.jsonl).
    #[arg(long)]
    unordered: bool,
    /// Progress on stderr: a bar on a terminal and plain lines otherwise (auto).
    #[arg(long, value_name = "HOW", default_value = "auto", value_parser = ["auto", "bar", "plain", "none"])]
    progress: String,
    #[command(flatten)]
    read: ReadArgs,
    /// Rewrite Thai digits (๐–๙) as Arabic digits in the output text.
    #[arg(long)]
    arabic_digits: bool,
    /// Write each NAME.json in OUTDIR as one line of JSON (as `parse
    /// --compact`) instead of pretty-printed; JSON lines are one line anyway.
    #[arg(long)]
    compact: bool,
    /// How much of the outline each output carries: full (every node with
    /// its text), ids (the tree and line ranges, no text), none (no node);
    /// people, duties and committees keep their text in every mode.
    #[arg(long, value_name = "MODE", default_value = "full", value_parser = kamsang::json::OutlineMode::NAMES)]
    outline: String,
}

/// Run a batch; exit 0 when every input converted, 1 when some failed (the rest
/// is written), 2 on a usage error.
pub fn run(args: &BatchArgs) -> ExitCode {
    let stdin = args.inputs.len() == 1 && args.inputs.iter().all(|p| p.as_os_str() == "-");
    let config = Config {
        inputs: if stdin {
            Inputs::Stdin { nul: args.null }
        } else {
            Inputs::Paths(args.inputs.clone())
        },
        outdir: args.output.clone(),
        jsonl: args.jsonl.as_ref().map(|p| {
            if p.as_os_str() == "-" {
                JsonlTo::Stdout
            } else {
                JsonlTo::File(p.clone())
            }
        }),
        db: args.db.clone(),
        jobs: args.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, usize::from),
            usize::from,
        ),
        resume: args.resume,
        unordered: args.unordered,
        progress: match args.progress.as_str() {
            "bar" => ProgressMode::Bar,
            "plain" => ProgressMode::Plain,
            "none" => ProgressMode::Off,
            _ => ProgressMode::Auto,
        },
        options: {
            let mut options = args.read.options();
            options.arabic_digits = args.arabic_digits;
            options
        },
        compact: args.compact,
        outline: kamsang::json::OutlineMode::from_name(&args.outline).unwrap_or_default(),
    };
    let options = config.options;
    let parse = |path: &str, bytes: &[u8]| {
        crate::guarded(path, || {
            kamsang::Parser::with_options(options).parse_bytes(path, bytes)
        })
    };
    match crate::batch::run(&config, &parse) {
        Ok(summary) => {
            eprint!("{}", summary.to_text());
            if let Some(why) = &summary.stopped {
                let rest = match summary.not_reached {
                    0 => String::new(),
                    n => format!("; {n} files not reached (run again with --resume to finish)"),
                };
                eprintln!("kamsang: batch: {why}{rest}");
            }
            if summary.failed > 0
                && let Some(dir) = &args.output
            {
                eprintln!("kamsang: batch: {}", failures_note(&summary, dir));
            }
            if summary.failed > 0 || summary.stopped.is_some() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("kamsang: {e}");
            ExitCode::from(if e.usage { 2 } else { 1 })
        }
    }
}

/// Where the failures are listed: never "listed in failures.jsonl" when that
/// file is not there or lacks some.
fn failures_note(summary: &crate::batch::Summary, dir: &std::path::Path) -> String {
    let path = dir.join("failures.jsonl");
    let name = kamsang::error::escape_name(&path.to_string_lossy()).into_owned();
    let n = summary.failed;
    match summary.failures_listed {
        m if m == n && path.is_file() => format!("{n} failed, listed in {name}"),
        m if m > 0 && path.is_file() => {
            format!("{n} failed, {m} of them listed in {name} (every one is on stderr above)")
        }
        _ => format!("{n} failed, listed on stderr above ({name} could not be written)"),
    }
}
