//! The `kamsang` command: a thin shell over the library.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod batch;
mod batch_cmd;
mod db_cmd;
mod output;
mod render_cmd;
mod size;

/// Thai duty orders (คำสั่ง) to schema-checked JSON.
#[derive(Parser)]
#[command(name = "kamsang", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse one order into JSON.
    Parse {
        /// Input file, or - for stdin.
        file: String,
        /// Write the JSON here instead of stdout.
        #[arg(short, long)]
        output: Option<String>,
        /// One line of JSON instead of pretty-printed.
        #[arg(long)]
        compact: bool,
        /// How much of the outline the JSON carries: full (every node with
        /// its text), ids (the tree and line ranges, no text), none (no
        /// node); people, duties and committees keep their text in every mode.
        #[arg(long, value_name = "MODE", default_value = "full", value_parser = kamsang::json::OutlineMode::NAMES)]
        outline: String,
        #[command(flatten)]
        read: ReadArgs,
        /// Rewrite Thai digits (๐–๙) as Arabic digits in the output text.
        #[arg(long)]
        arabic_digits: bool,
    },
    /// Print diagnostics only, as PATH:LINE: severity: message, then (on
    /// stderr) how many files were checked and how many have errors.
    Check {
        /// Input files.
        #[arg(required = true)]
        files: Vec<String>,
        /// Exit 1 when a file has a diagnostic of severity error, too.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the normalised text, one output line per input line.
    Normalize {
        /// Input file, or - for stdin.
        file: String,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Write the order back as a clean document with corrected numbering
    /// (txt, docx), as a page to check what was read (html, md, in Thai), or
    /// as the tables people / duties / committees (xlsx; csv: -o is a folder
    /// that gets people.csv, duties.csv, committees.csv, UTF-8 with BOM).
    Render {
        /// Input file (.txt, .docx, .xlsx, .ods, or JSON from `kamsang
        /// parse`), or - for stdin.
        file: String,
        /// Output format.
        #[arg(long = "to", value_name = "FORMAT", value_parser = ["txt", "docx", "html", "md", "xlsx", "csv"])]
        to: String,
        /// Write the document here (for csv: a folder).
        #[arg(short, long)]
        output: String,
        /// How a .docx shows numbers: typed as text, or Word's automatic numbering.
        #[arg(long, default_value = "typed", value_parser = ["typed", "auto"])]
        numbering: String,
        /// The language of the html / md page's own words (the order's text
        /// is never translated).
        #[arg(long, default_value = "th", value_parser = ["th", "en"])]
        lang: String,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// What changed between two orders (last year's and this year's): people
    /// who joined, left, were renamed or promoted; duties added, removed,
    /// reassigned, reworded.
    Diff {
        /// The older order (.txt, .docx, .xlsx, .ods, or JSON from `kamsang parse`).
        old: String,
        /// The newer order.
        new: String,
        /// Report format; text is coloured on a terminal (unless NO_COLOR is set).
        #[arg(long, default_value = "text", value_parser = ["text", "json", "html"])]
        format: String,
        /// Write the report here instead of stdout.
        #[arg(short, long)]
        output: Option<String>,
        /// Exit 1 when the orders differ, 0 when they do not (as `git diff
        /// --exit-code`).
        #[arg(long)]
        exit_code: bool,
        /// Language of the text and html reports (JSON keeps its codes).
        #[arg(long, default_value = "th", value_parser = ["th", "en"])]
        lang: String,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// The tables people / duties / committees of a whole archive of JSON
    /// (what `batch` or `parse` wrote; .jsonl: one order a line), in one
    /// workbook or one set of .csv files with a `source` column.
    Export {
        /// JSON files or folders of them (searched recursively).
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Output format.
        #[arg(long = "to", value_name = "FORMAT", value_parser = ["xlsx", "csv"])]
        to: String,
        /// Write the workbook here (for csv: a folder).
        #[arg(short, long)]
        output: String,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the JSON Schema of the output (with --diff: of `kamsang diff --format json`).
    Schema {
        /// The schema of the diff report instead of the order.
        #[arg(long)]
        diff: bool,
    },
    /// Convert whole folder trees (or paths on stdin) in parallel.
    Batch(batch_cmd::BatchArgs),
    /// The SQLite archive of orders (what `batch --db` writes).
    Db {
        #[command(subcommand)]
        action: DbAction,
    },
    /// Print a shell completion script (e.g. `kamsang completions bash >
    /// ~/.local/share/bash-completion/completions/kamsang`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`kamsang man | man -l -`), or write one
    /// page per command into a folder.
    Man {
        /// Write kamsang.1 and kamsang-COMMAND.1 for every command here instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
}

/// What `kamsang db` does.
#[derive(Subcommand)]
enum DbAction {
    /// Import JSON already made (`parse`, `batch -o` folders, `batch
    /// --jsonl` files, failures.jsonl) into the archive.
    Import(db_cmd::ImportArgs),
}

/// The encodings `--encoding` takes, as its help lists them.
const ENCODINGS: [&str; 5] = kamsang::ENCODING_LABELS;

/// The help heading of the `--max-*` flags.
const LIMITS: &str = "Limits";

#[derive(clap::Args)]
struct ReadArgs {
    /// Text encoding of the input; detected when not given.
    #[arg(long, value_name = "E", ignore_case = true, value_parser = clap::builder::PossibleValuesParser::new(ENCODINGS))]
    encoding: Option<String>,
    /// When to read a PDF page or an image by OCR (Tesseract's Thai model):
    /// auto reads pages without a text layer and images; always reads every
    /// page; never refuses scans.
    #[arg(long, value_name = "WHEN", default_value = "auto", value_parser = ["auto", "never", "always"])]
    ocr: String,
    /// Whether .doc, .odt, .rtf and .xls are converted by LibreOffice
    /// (soffice) before they are read.
    #[arg(long, value_name = "WHEN", default_value = "auto", value_parser = ["auto", "never"])]
    convert: String,
    /// Read a .txt as text extracted from a PDF (by pdftotext or a copy from
    /// a PDF viewer): repair its Thai extraction damage and remove page
    /// numbers and running headers and footers (pages by form feeds).
    #[arg(long)]
    repair_pdf_text: bool,
    /// Refuse an input file larger than this (bytes, or with K, M, G:
    /// powers of 1024) [default: 256M].
    #[arg(long, help_heading = LIMITS, value_name = "SIZE", value_parser = size::parse_size)]
    max_file_size: Option<u64>,
    /// Refuse a .docx/.xlsx/.ods part that inflates past this [default: 64M].
    #[arg(long, help_heading = LIMITS, value_name = "SIZE", value_parser = size::parse_size)]
    max_part_size: Option<u64>,
    /// Refuse a part (above 1 MiB) that inflates more than this many times its
    /// compressed size [default: 200].
    #[arg(long, help_heading = LIMITS, value_name = "N")]
    max_ratio: Option<u64>,
    /// Refuse an input with a line (paragraph, row) longer than this many
    /// characters [default: 100000].
    #[arg(long, help_heading = LIMITS, value_name = "CHARS")]
    max_line_length: Option<usize>,
    /// Nest numbered items at most this deep; deeper ones are kept as text of
    /// the item above, with a diagnostic [default: 32; at most 256].
    #[arg(long, help_heading = LIMITS, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    max_depth: Option<u16>,
    /// Refuse an input whose outline has more nodes (items, paragraphs, names)
    /// than this; memory is about 1 KB a node [default: 1000000].
    #[arg(long, help_heading = LIMITS, value_name = "N")]
    max_nodes: Option<usize>,
}

impl ReadArgs {
    fn options(&self) -> kamsang::Options {
        let mut options = kamsang::Options::default();
        if let Some(label) = &self.encoding {
            options = options.with_encoding_label(label).unwrap_or(options);
        }
        options = options
            .with_ocr(self.ocr.parse().unwrap_or_default())
            .with_convert(self.convert.parse().unwrap_or_default())
            .with_repair_pdf_text(self.repair_pdf_text);
        let limits = &mut options.limits;
        if let Some(n) = self.max_file_size {
            limits.max_file_bytes = n;
        }
        if let Some(n) = self.max_part_size {
            limits.max_part_bytes = n;
        }
        if let Some(n) = self.max_ratio {
            limits.max_ratio = n;
        }
        if let Some(n) = self.max_line_length {
            limits.max_line_chars = n;
        }
        if let Some(n) = self.max_depth {
            limits.max_depth = usize::from(n);
        }
        if let Some(n) = self.max_nodes {
            limits.max_nodes = n;
        }
        options
    }
}

/// `kamsang 0.1.0 (JSON schema 1.6.0, diff schema 1.1.0)`: what a consumer
/// of the JSON needs to know, in `--version`.
fn version() -> String {
    format!(
        "{} (JSON schema {}, diff schema {})",
        env!("CARGO_PKG_VERSION"),
        kamsang::model::SCHEMA_VERSION,
        kamsang::diff::DIFF_SCHEMA_VERSION
    )
}

/// The command line's definition, as parsing, completions and the man page see it.
fn command() -> clap::Command {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    Cli::command().version(VERSION.get_or_init(version).as_str())
}

fn main() -> ExitCode {
    // A panic is a bug: report it in one line per input, never as a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = match Cli::from_arg_matches(&command().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.command {
        Command::Parse {
            file,
            output,
            compact,
            outline,
            read,
            arabic_digits,
        } => {
            let mut options = read.options();
            options.arabic_digits = arabic_digits;
            let json = Json {
                compact,
                outline: kamsang::json::OutlineMode::from_name(&outline).unwrap_or_default(),
            };
            parse(&file, output.as_deref(), json, &options)
        }
        Command::Check {
            files,
            strict,
            read,
        } => check(&files, strict, &read.options()),
        Command::Normalize { file, read } => normalize(&file, &read.options()),
        Command::Render {
            file,
            to,
            output,
            numbering,
            lang,
            read,
        } => {
            let how = render_cmd::How {
                to: &to,
                numbering: numbering.parse().unwrap_or_default(),
                lang: lang.parse().unwrap_or_default(),
            };
            render_cmd::render(&file, &output, &how, &read.options())
        }
        Command::Batch(args) => batch_cmd::run(&args),
        Command::Db {
            action: DbAction::Import(args),
        } => db_cmd::import(&args),
        Command::Export {
            inputs,
            to,
            output,
            read,
        } => render_cmd::export(&inputs, &to, &output, &read.options()),
        Command::Diff {
            old,
            new,
            format,
            output,
            exit_code,
            lang,
            read,
        } => {
            let report = Report {
                format: &format,
                output: output.as_deref(),
                exit_code,
                lang: kamsang::diff::report::Lang::parse(&lang).unwrap_or_default(),
            };
            diff(&old, &new, &report, &read.options())
        }
        Command::Schema { diff } => print_or_fail(&if diff {
            kamsang::schema::diff_schema_json()
        } else {
            kamsang::schema::schema_json()
        }),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "kamsang", &mut script);
            stdout_done(std::io::stdout().lock().write_all(&script))
        }
        Command::Man { dir } => man(dir.as_deref()),
    }
}

/// The man page on stdout, or every command's page written into `dir`.
fn man(dir: Option<&std::path::Path>) -> ExitCode {
    let cmd = command();
    let Some(dir) = dir else {
        let mut page = Vec::new();
        return match clap_mangen::Man::new(cmd).render(&mut page) {
            Ok(()) => stdout_done(std::io::stdout().lock().write_all(&page)),
            Err(e) => stdout_done(Err(e)),
        };
    };
    match std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cmd, dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let name = dir.to_string_lossy();
            eprintln!("kamsang: {}: cannot write: {}", esc(&name), plain_io(&e));
            ExitCode::from(1)
        }
    }
}

/// Exit 2 with a pointer to `batch` when `path` is a folder: the commands
/// that read one file are not the tool for a tree.
fn refuse_folder(path: &str) -> Result<(), ExitCode> {
    if path == "-" || !std::path::Path::new(path).is_dir() {
        return Ok(());
    }
    eprintln!(
        "kamsang: {}: is a folder; use `kamsang batch` for a folder tree (kamsang batch FOLDER -o OUTDIR)",
        esc(path)
    );
    Err(ExitCode::from(2))
}

/// Parse one input, turning a panic into an "internal error" message.
fn parse_guarded(path: &str, options: &kamsang::Options) -> Result<kamsang::DutyOrder, String> {
    guarded(path, || {
        kamsang::Parser::with_options(*options).parse_path(path)
    })
}

/// Run `f` on one input; an error or a panic becomes `PATH: what is wrong`.
fn guarded<T>(path: &str, f: impl FnOnce() -> kamsang::Result<T>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(|| {
        debug_panic(path);
        f()
    })) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!(
            "{}: internal error (please report)",
            kamsang::error::escape_name(path)
        )),
    }
}

/// Debug builds only: `KAMSANG_DEBUG_PANIC=TEXT` makes the work on any path
/// containing TEXT panic, so tests can check that a panic (a bug no input
/// should reach) is reported in one line and the rest goes on.
fn debug_panic(path: &str) {
    #[cfg(debug_assertions)]
    if let Some(text) = std::env::var_os("KAMSANG_DEBUG_PANIC")
        && !text.is_empty()
        && path.contains(&*text.to_string_lossy())
    {
        panic!("KAMSANG_DEBUG_PANIC on {path}");
    }
    let _ = path;
}

/// The order of `path` for a command that writes `output`: a folder, an
/// output that is the input, or an input that cannot be read is refused with
/// its one line and exit code.
fn order_for_output(
    path: &str,
    output: Option<&str>,
    options: &kamsang::Options,
) -> Result<kamsang::DutyOrder, ExitCode> {
    refuse_folder(path).and_then(|()| refuse_clobber(output, &[path]))?;
    parse_guarded(path, options).map_err(|msg| {
        eprintln!("kamsang: {msg}");
        ExitCode::from(1)
    })
}

/// How `parse` writes its JSON.
#[derive(Debug, Clone, Copy)]
struct Json {
    /// One line instead of pretty-printed.
    compact: bool,
    /// How much of the outline it carries.
    outline: kamsang::json::OutlineMode,
}

fn parse(path: &str, output: Option<&str>, json: Json, options: &kamsang::Options) -> ExitCode {
    let order = match order_for_output(path, output, options) {
        Ok(o) => o,
        Err(code) => return code,
    };
    // streamed, not built as one String: a 200 MB order's JSON is larger still
    write_output(output, |out| write_json(out, &order, json))
}

/// Exit 2 with one line when `output` (a file; `None` and `-` are stdout) is
/// one of the `inputs` (by identity: through a symbolic or hard link too).
fn refuse_clobber(output: Option<&str>, inputs: &[&str]) -> Result<(), ExitCode> {
    let Some(out) = output.filter(|o| *o != "-") else {
        return Ok(());
    };
    let inputs = inputs
        .iter()
        .filter(|i| **i != "-")
        .map(std::path::Path::new);
    match crate::output::clobbered_input(std::path::Path::new(out), inputs) {
        Some(input) => {
            let msg = crate::output::clobber_message(std::path::Path::new(out), input);
            eprintln!("kamsang: {msg}");
            Err(ExitCode::from(2))
        }
        None => Ok(()),
    }
}

/// Write through `write` to stdout (`None` or `-`) or to the file `output`,
/// atomically (a temporary file beside it, renamed when whole), so a failed
/// write leaves an earlier file as it was.
fn write_output(
    output: Option<&str>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> ExitCode {
    let result = match output.filter(|o| *o != "-") {
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            write(&mut out).and_then(|()| out.flush())
        }
        Some(path) => {
            crate::output::AtomicFile::create(std::path::Path::new(path)).and_then(|file| {
                let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
                write(&mut out)?;
                out.into_inner().map_err(|e| e.into_error())?.commit()
            })
        }
    };
    match (result, output.filter(|o| *o != "-")) {
        (Ok(()), _) => ExitCode::SUCCESS,
        (Err(e), None) => stdout_done(Err(e)),
        (Err(e), Some(path)) => {
            eprintln!("kamsang: {}: cannot write: {}", esc(path), plain_io(&e));
            ExitCode::from(1)
        }
    }
}

/// The exit code of a write to stdout; a closed pipe (`| head`) is not an
/// error worth a message.
fn stdout_done(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kamsang: stdout: cannot write: {}", plain_io(&e));
            ExitCode::from(1)
        }
    }
}

/// Windows' `ERROR_PIPE_NOT_CONNECTED`, which std does not count as a broken
/// pipe: what a write to a pipe whose reader has gone gives under Wine (on
/// Windows itself it is `ERROR_NO_DATA`, which std does count).
#[cfg(windows)]
const ERROR_PIPE_NOT_CONNECTED: i32 = 233;

/// Whether a write failed because the reader of the pipe has gone (`| head`).
fn closed_pipe(e: &std::io::Error) -> bool {
    #[cfg(windows)]
    if e.raw_os_error() == Some(ERROR_PIPE_NOT_CONNECTED) {
        return true;
    }
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// An I/O error without Rust's `(os error N)`, and without the full stop
/// Windows ends its system messages with (ours go on after it).
fn plain_io(e: &std::io::Error) -> String {
    let s = e.to_string();
    let message = s.split_once(" (os error").map_or(s.as_str(), |(m, _)| m);
    message.trim_end().trim_end_matches('.').to_string()
}

/// An I/O error in a few plain words: "no such file", "permission denied",
/// or [`plain_io`] (the words of the library's [`kamsang::ErrorKind::Io`]).
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => plain_io(e),
    }
}

/// Lowercase hex SHA-256 of `bytes` (the `source.sha256` of the JSON, and
/// the stamps of `batch --resume`).
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 0xF), 16).unwrap_or('0'));
    }
    s
}

/// The order as JSON (pretty unless compact, its outline as asked) and a
/// newline, through a buffer.
fn write_json(
    mut out: &mut dyn Write,
    order: &kamsang::DutyOrder,
    json: Json,
) -> std::io::Result<()> {
    kamsang::json::to_writer(&mut out, order, json.outline, json.compact)?;
    out.write_all(b"\n")
}

fn check(files: &[String], strict: bool, options: &kamsang::Options) -> ExitCode {
    if let Err(code) = files.iter().try_for_each(|f| refuse_folder(f)) {
        return code;
    }
    let mut failed = false;
    let mut with_errors = 0usize;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in files {
        match parse_guarded(path, options) {
            Ok(order) => {
                if order
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == kamsang::diagnostic::Severity::Error)
                {
                    with_errors += 1;
                    failed |= strict;
                }
                for d in &order.diagnostics {
                    if writeln!(
                        out,
                        "{}:{}: {}: {}",
                        esc(path),
                        d.line,
                        d.severity,
                        d.message
                    )
                    .is_err()
                    {
                        return ExitCode::from(1);
                    }
                }
            }
            Err(msg) => {
                failed = true;
                with_errors += 1;
                eprintln!("kamsang: {msg}");
            }
        }
    }
    let _ = out.flush();
    let files_word = if files.len() == 1 { "file" } else { "files" };
    eprintln!(
        "{} {files_word} checked, {with_errors} with errors",
        files.len()
    );
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn normalize(path: &str, options: &kamsang::Options) -> ExitCode {
    if let Err(code) = refuse_folder(path) {
        return code;
    }
    let result = catch_unwind(AssertUnwindSafe(|| {
        let parser = kamsang::Parser::with_options(*options);
        parser
            .read_path(path)
            .and_then(|bytes| parser.normalize_bytes(path, &bytes))
    }));
    let source = match result {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            eprintln!("kamsang: {e}");
            return ExitCode::from(1);
        }
        Err(_) => {
            eprintln!("kamsang: {}: internal error (please report)", esc(path));
            return ExitCode::from(1);
        }
    };
    for d in &source.diagnostics {
        eprintln!("{}:{}: {}: {}", esc(path), d.line, d.severity, d.message);
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = source
        .lines
        .iter()
        .try_for_each(|line| writeln!(out, "{}", line.text))
        .and_then(|()| out.flush());
    stdout_done(written)
}

/// How `diff` reports.
struct Report<'a> {
    /// text, json or html.
    format: &'a str,
    /// A file, or stdout (`None`, `-`).
    output: Option<&'a str>,
    /// Exit 1 when the orders differ.
    exit_code: bool,
    /// Language of the text and html reports.
    lang: kamsang::diff::report::Lang,
}

/// Compare two orders and write the report.
fn diff(old: &str, new: &str, report: &Report, options: &kamsang::Options) -> ExitCode {
    let Report {
        format,
        output,
        exit_code,
        lang,
    } = *report;
    if let Err(code) = refuse_folder(old)
        .and_then(|()| refuse_folder(new))
        .and_then(|()| refuse_clobber(output, &[old, new]))
    {
        return code;
    }
    let load = |path: &str| {
        guarded(path, || {
            kamsang::Parser::with_options(*options).load_order(path)
        })
    };
    let (old_order, new_order) = match (load(old), load(new)) {
        (Ok(o), Ok(n)) => (o, n),
        (o, n) => {
            for msg in [o.err(), n.err()].into_iter().flatten() {
                eprintln!("kamsang: {msg}");
            }
            return ExitCode::from(1);
        }
    };
    // anstream decides (a terminal, NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM)
    // and, on a Windows console, turns ANSI processing on or speaks its API.
    let to_stdout = output.is_none_or(|o| o == "-");
    let choice = anstream::AutoStream::choice(&std::io::stdout());
    let colour = to_stdout && choice != anstream::ColorChoice::Never;
    let report = catch_unwind(AssertUnwindSafe(|| {
        let d = kamsang::diff(&old_order, &new_order);
        let changed = !d.changes.is_empty();
        match format {
            "json" => serde_json::to_string_pretty(&d).map(|mut s| {
                s.push('\n');
                (s, changed)
            }),
            "html" => Ok((kamsang::diff::report::html(&d, lang), changed)),
            _ => Ok((kamsang::diff::report::text(&d, lang, colour), changed)),
        }
    }));
    let (report, changed) = match report {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            eprintln!(
                "kamsang: {} → {}: cannot serialise: {e}",
                esc(old),
                esc(new)
            );
            return ExitCode::from(1);
        }
        Err(_) => {
            eprintln!(
                "kamsang: {} → {}: internal error (please report)",
                esc(old),
                esc(new)
            );
            return ExitCode::from(1);
        }
    };
    let written = if colour {
        let mut out = anstream::AutoStream::new(std::io::stdout().lock(), choice);
        stdout_done(out.write_all(report.as_bytes()).and_then(|()| out.flush()))
    } else {
        write_output(output, |out| out.write_all(report.as_bytes()))
    };
    if written == ExitCode::SUCCESS && exit_code && changed {
        ExitCode::from(1)
    } else {
        written
    }
}

/// A name for a one-line message.
fn esc(name: &str) -> std::borrow::Cow<'_, str> {
    kamsang::error::escape_name(name)
}

/// Print to stdout; a closed pipe (`| head`) is not an error worth a message.
fn print_or_fail(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    stdout_done(out.write_all(s.as_bytes()).and_then(|()| out.flush()))
}
