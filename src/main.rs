//! The `kamsang` command: a thin shell over the library.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod batch_cmd;

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
        #[command(flatten)]
        read: ReadArgs,
        /// Rewrite Thai digits (๐–๙) as Arabic digits in the output text.
        #[arg(long)]
        arabic_digits: bool,
    },
    /// Print diagnostics only, as PATH:LINE: severity: message.
    Check {
        /// Input files.
        #[arg(required = true)]
        files: Vec<String>,
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
    /// Write the order back as a clean document with corrected numbering.
    Render {
        /// Input file, or - for stdin.
        file: String,
        /// Output format.
        #[arg(long = "to", value_name = "FORMAT", value_parser = ["txt", "docx"])]
        to: String,
        /// Write the document here.
        #[arg(short, long)]
        output: String,
        /// How a .docx shows numbers: typed as text, or Word's automatic numbering.
        #[arg(long, default_value = "typed", value_parser = ["typed", "auto"])]
        numbering: String,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the JSON Schema of the output.
    Schema,
    /// Convert whole folder trees (or paths on stdin) in parallel.
    Batch(batch_cmd::BatchArgs),
}

#[derive(clap::Args)]
struct ReadArgs {
    /// Text encoding of the input (utf-8, utf-16le, utf-16be, tis-620,
    /// windows-874); detected when not given.
    #[arg(long, value_name = "E", value_parser = encoding_label)]
    encoding: Option<String>,
}

impl ReadArgs {
    fn options(&self) -> kamsang::Options {
        let options = kamsang::Options::default();
        match &self.encoding {
            Some(label) => options.with_encoding_label(label).unwrap_or(options),
            None => options,
        }
    }
}

/// Accept only encodings the reader knows.
fn encoding_label(label: &str) -> Result<String, String> {
    match kamsang::Options::default().with_encoding_label(label) {
        Some(_) => Ok(label.to_string()),
        None => Err(
            "unknown encoding (use utf-8, utf-16le, utf-16be, tis-620 or windows-874)".to_string(),
        ),
    }
}

fn main() -> ExitCode {
    // A panic is a bug: report it in one line per input, never as a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    match cli.command {
        Command::Parse {
            file,
            output,
            compact,
            read,
            arabic_digits,
        } => {
            let mut options = read.options();
            options.arabic_digits = arabic_digits;
            parse(&file, output.as_deref(), compact, &options)
        }
        Command::Check { files, read } => check(&files, &read.options()),
        Command::Normalize { file, read } => normalize(&file, &read.options()),
        Command::Render {
            file,
            to,
            output,
            numbering,
            read,
        } => render(&file, &to, &output, &numbering, &read.options()),
        Command::Batch(args) => batch_cmd::run(&args),
        Command::Schema => {
            print_or_fail(&kamsang::schema::schema_json());
            ExitCode::SUCCESS
        }
    }
}

/// Parse one input, turning a panic into an "internal error" message.
fn parse_guarded(path: &str, options: &kamsang::Options) -> Result<kamsang::DutyOrder, String> {
    guarded(path, || kamsang::parse_path_with(path, options))
}

/// Run `f` on one input; an error or a panic becomes `PATH: what is wrong`.
fn guarded<T>(path: &str, f: impl FnOnce() -> kamsang::Result<T>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!("{path}: internal error (please report)")),
    }
}

fn parse(path: &str, output: Option<&str>, compact: bool, options: &kamsang::Options) -> ExitCode {
    let order = match parse_guarded(path, options) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("kamsang: {msg}");
            return ExitCode::from(1);
        }
    };
    let json = if compact {
        serde_json::to_string(&order)
    } else {
        serde_json::to_string_pretty(&order)
    };
    let mut json = match json {
        Ok(j) => j,
        Err(e) => {
            eprintln!("kamsang: {path}: cannot serialise: {e}");
            return ExitCode::from(1);
        }
    };
    json.push('\n');
    match output {
        Some(out) => match std::fs::write(out, json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("kamsang: {out}: cannot write: {e}");
                ExitCode::from(1)
            }
        },
        None => print_or_fail(&json),
    }
}

fn check(files: &[String], options: &kamsang::Options) -> ExitCode {
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in files {
        match parse_guarded(path, options) {
            Ok(order) => {
                for d in &order.diagnostics {
                    if writeln!(out, "{path}:{}: {}: {}", d.line, d.severity, d.message).is_err() {
                        return ExitCode::from(1);
                    }
                }
            }
            Err(msg) => {
                failed = true;
                eprintln!("kamsang: {msg}");
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn normalize(path: &str, options: &kamsang::Options) -> ExitCode {
    let result = catch_unwind(AssertUnwindSafe(|| {
        kamsang::read_input(path).and_then(|bytes| kamsang::normalize_bytes(path, &bytes, options))
    }));
    let source = match result {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            eprintln!("kamsang: {e}");
            return ExitCode::from(1);
        }
        Err(_) => {
            eprintln!("kamsang: {path}: internal error (please report)");
            return ExitCode::from(1);
        }
    };
    for d in &source.diagnostics {
        eprintln!("{path}:{}: {}: {}", d.line, d.severity, d.message);
    }
    let mut text = String::with_capacity(source.lines.iter().map(|l| l.text.len() + 1).sum());
    for line in &source.lines {
        text.push_str(&line.text);
        text.push('\n');
    }
    print_or_fail(&text)
}

/// Parse one input and write it back as .txt or .docx (`to`) at `output`.
fn render(
    path: &str,
    to: &str,
    output: &str,
    numbering: &str,
    options: &kamsang::Options,
) -> ExitCode {
    let order = match parse_guarded(path, options) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("kamsang: {msg}");
            return ExitCode::from(1);
        }
    };
    let numbering = numbering.parse().unwrap_or_default();
    let rendered = catch_unwind(AssertUnwindSafe(|| match to {
        "docx" => kamsang::render::render_docx(&order, numbering).map_err(|e| e.to_string()),
        _ => Ok(kamsang::render::render_txt(&order).into_bytes()),
    }));
    let bytes = match rendered {
        Ok(Ok(b)) => b,
        Ok(Err(msg)) => {
            eprintln!("kamsang: {path}: {msg}");
            return ExitCode::from(1);
        }
        Err(_) => {
            eprintln!("kamsang: {path}: internal error (please report)");
            return ExitCode::from(1);
        }
    };
    match std::fs::write(output, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kamsang: {output}: cannot write: {e}");
            ExitCode::from(1)
        }
    }
}

/// Print to stdout; a closed pipe (`| head`) is not an error worth a message.
fn print_or_fail(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kamsang: stdout: {e}");
            ExitCode::from(1)
        }
    }
}
