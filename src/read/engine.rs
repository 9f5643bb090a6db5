//! External engines, run as programs: poppler's `pdftotext` and `pdftoppm`,
//! Tesseract, LibreOffice's `soffice`. One place starts them, so every run
//! is bounded the same way:
//!
//! - never through a shell: the program and each argument are passed as they
//!   are (a file name with a quote or a `;` is only a name);
//! - inputs and outputs live in a temporary directory that is removed when
//!   the read ends, whatever happens ([`Workdir`]);
//! - what the program prints is read through a cap, and a program that
//!   prints more is stopped: an engine's output never costs more memory than
//!   the limit ([`Limits::max_part_bytes`], the same cap as one inflated part
//!   of a .docx);
//! - a program that runs past its time limit is killed;
//! - a program that is not installed is a one-line error that says which
//!   package to install.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind, Result};
use crate::limits::{Limits, show_size};

/// An external program kamsang can run, and how a user gets it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Program {
    /// The command looked up on PATH.
    pub name: &'static str,
    /// What it is needed for, in the error when it is missing.
    pub needed_for: &'static str,
    /// How to install it (Debian / Ubuntu, the systems of the offices this is for).
    pub install: &'static str,
}

/// poppler's text extractor (the engine measured best on Thai PDFs: see
/// `read::pdf`).
pub(crate) const PDFTOTEXT: Program = Program {
    name: "pdftotext",
    needed_for: "reading a PDF",
    install: "apt-get install poppler-utils",
};

/// poppler's rasteriser, for the pages of a scanned PDF.
pub(crate) const PDFTOPPM: Program = Program {
    name: "pdftoppm",
    needed_for: "reading a scanned PDF",
    install: "apt-get install poppler-utils",
};

/// Tesseract OCR with its Thai model.
pub(crate) const TESSERACT: Program = Program {
    name: "tesseract",
    needed_for: "reading a scan (OCR)",
    install: "apt-get install tesseract-ocr tesseract-ocr-tha",
};

/// LibreOffice, for .doc / .odt / .rtf.
pub(crate) const SOFFICE: Program = Program {
    name: "soffice",
    needed_for: "reading a .doc, .odt or .rtf file",
    install: "apt-get install libreoffice-writer-nogui",
};

/// How often a running engine is looked at (for its end, its time limit and
/// its output cap): short against any engine's run, long enough to cost nothing.
const POLL: Duration = Duration::from_millis(10);

/// Bytes of an engine's standard error kept for its error message; the rest
/// is read and dropped (an engine that floods stderr must not block on it).
const STDERR_KEPT: u64 = 16 * 1024;

/// A temporary directory for one read, removed when dropped.
pub(crate) struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    /// A new, empty directory (under the system's temporary directory).
    pub fn new(path: &str) -> Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("kamsang-")
            .tempdir()
            .map_err(|e| {
                Error::new(
                    path,
                    ErrorKind::Io(format!(
                        "cannot make a temporary directory for the engine: {}",
                        crate::io_message(&e)
                    )),
                )
            })?;
        Ok(Workdir { dir })
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `name` inside the directory.
    pub fn join(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write `bytes` to `name` inside the directory; its path.
    pub fn write(&self, path: &str, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        let file = self.join(name);
        std::fs::write(&file, bytes).map_err(|e| {
            Error::new(
                path,
                ErrorKind::Io(format!(
                    "cannot write a temporary copy for the engine: {}",
                    crate::io_message(&e)
                )),
            )
        })?;
        Ok(file)
    }
}

/// How one engine run is bounded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// Most bytes of standard output kept; more stops the run with an error.
    pub max_output: u64,
    /// Longest the run may take.
    pub timeout: Duration,
}

impl Bounds {
    /// The output cap of `limits` ([`Limits::max_part_bytes`]) and `timeout`.
    pub fn new(limits: &Limits, timeout: Duration) -> Self {
        Bounds {
            max_output: limits.max_part_bytes,
            timeout,
        }
    }
}

/// Run `program` with `args` (no shell), `envs` added to its environment,
/// in `dir`; its standard output, read through the cap of `bounds`. `path`
/// names the input in errors. A missing program, a failed run (its first
/// line of stderr), an output past the cap and a run past the time limit
/// are each a one-line error.
pub(crate) fn run(
    path: &str,
    program: &Program,
    args: &[&OsStr],
    envs: &[(&str, &OsStr)],
    dir: &Path,
    bounds: Bounds,
) -> Result<Vec<u8>> {
    let mut command = Command::new(program.name);
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        command.env(k, v);
    }
    let mut child = command
        .spawn()
        .map_err(|e| spawn_error(path, program, &e))?;
    let over = Arc::new(AtomicBool::new(false));
    let stdout = child.stdout.take().map(|out| {
        let over = Arc::clone(&over);
        let cap = bounds.max_output;
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let read = out.take(cap.saturating_add(1)).read_to_end(&mut buf);
            if buf.len() as u64 > cap {
                // the pipe closes when `out` drops here: the engine stops writing
                over.store(true, Ordering::Relaxed);
            }
            read.map(|_| buf)
        })
    });
    let stderr = child.stderr.take().map(|err| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let mut err = err;
            let _ = (&mut err).take(STDERR_KEPT).read_to_end(&mut buf);
            let _ = std::io::copy(&mut err, &mut std::io::sink());
            buf
        })
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) => {}
            Err(e) => return Err(Error::io(path, e)),
        }
        if over.load(Ordering::Relaxed) || started.elapsed() > bounds.timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(POLL);
    };
    let out = stdout.map(|t| t.join());
    let err = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
    if over.load(Ordering::Relaxed) {
        return Err(Error::new(
            path,
            ErrorKind::Limit(format!(
                "{} printed more than {}, the limit for one part (raise it with --max-part-size)",
                program.name,
                show_size(bounds.max_output)
            )),
        ));
    }
    let Some(status) = status else {
        return Err(Error::new(
            path,
            ErrorKind::Limit(format!(
                "{} ran longer than {} s, the time limit for one engine run: stopped",
                program.name,
                bounds.timeout.as_secs()
            )),
        ));
    };
    if !status.success() {
        return Err(Error::new(
            path,
            ErrorKind::Corrupt(format!(
                "{} could not read it ({})",
                program.name,
                first_line(&err).unwrap_or_else(|| status.to_string())
            )),
        ));
    }
    match out {
        Some(Ok(Ok(bytes))) => Ok(bytes),
        Some(Ok(Err(e))) => Err(Error::io(path, e)),
        Some(Err(_)) | None => Ok(Vec::new()),
    }
}

/// The error for a program that could not be started.
fn spawn_error(path: &str, program: &Program, e: &std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound {
        return missing(path, program);
    }
    Error::new(
        path,
        ErrorKind::Io(format!(
            "cannot run {}: {}",
            program.name,
            crate::io_message(e)
        )),
    )
}

/// The one-line error for a program that is not installed.
pub(crate) fn missing(path: &str, program: &Program) -> Error {
    Error::new(
        path,
        ErrorKind::Unsupported(format!(
            "{} needs {}, which is not on PATH; install it (`{}`)",
            program.needed_for, program.name, program.install
        )),
    )
}

/// The first non-blank line of an engine's standard error, trimmed.
fn first_line(err: &[u8]) -> Option<String> {
    String::from_utf8_lossy(err)
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

/// The bytes of a file an engine wrote, refused past `max` bytes (from its
/// size before it is read, and one byte past `max` while reading).
pub(crate) fn read_output_file(path: &str, file: &Path, max: u64, what: &str) -> Result<Vec<u8>> {
    let io = |e: std::io::Error| {
        Error::new(
            path,
            ErrorKind::Io(format!("cannot read {what}: {}", crate::io_message(&e))),
        )
    };
    let f = std::fs::File::open(file).map_err(io)?;
    let len = f.metadata().map_err(io)?.len();
    let too_big = || {
        Error::new(
            path,
            ErrorKind::Limit(format!(
                "{what} is larger than {}, the limit for one part (raise it with --max-part-size)",
                show_size(max)
            )),
        )
    };
    if len > max {
        return Err(too_big());
    }
    let mut buf = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    f.take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(io)?;
    if buf.len() as u64 > max {
        return Err(too_big());
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOWHERE: Program = Program {
        name: "kamsang-no-such-engine",
        needed_for: "testing",
        install: "apt-get install nothing",
    };

    fn bounds(max_output: u64, secs: u64) -> Bounds {
        Bounds {
            max_output,
            timeout: Duration::from_secs(secs),
        }
    }

    #[test]
    fn a_missing_program_says_how_to_install_it() {
        let dir = std::env::temp_dir();
        let e = run("a.pdf", &NOWHERE, &[], &[], &dir, bounds(10, 5)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.pdf: testing needs kamsang-no-such-engine, which is not on PATH; install it (`apt-get install nothing`)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn output_past_the_cap_stops_the_program() {
        let yes = Program {
            name: "yes",
            needed_for: "testing",
            install: "",
        };
        let dir = std::env::temp_dir();
        let e = run("a.pdf", &yes, &[], &[], &dir, bounds(1000, 30)).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Limit(_)), "{e}");
        assert!(
            e.to_string().contains("yes printed more than 1000 bytes"),
            "{e}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_run_past_its_time_is_killed() {
        let sleep = Program {
            name: "sleep",
            needed_for: "testing",
            install: "",
        };
        let dir = std::env::temp_dir();
        let args = [OsStr::new("30")];
        let e = run(
            "a.pdf",
            &sleep,
            &args,
            &[],
            &dir,
            Bounds {
                max_output: 10,
                timeout: Duration::from_millis(200),
            },
        )
        .unwrap_err();
        assert!(e.to_string().contains("sleep ran longer than"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_run_gives_its_first_line_of_stderr() {
        let ls = Program {
            name: "ls",
            needed_for: "testing",
            install: "",
        };
        let dir = std::env::temp_dir();
        let args = [OsStr::new("/kamsang/no/such/file")];
        let e = run("a.pdf", &ls, &args, &[], &dir, bounds(1000, 30)).unwrap_err();
        assert!(
            e.to_string().starts_with("a.pdf: ls could not read it ("),
            "{e}"
        );
        assert!(!e.to_string().contains('\n'));
    }

    #[test]
    fn an_output_file_is_read_through_its_cap() {
        let w = Workdir::new("a.pdf").unwrap();
        let f = w.write("a.pdf", "out.txt", b"0123456789").unwrap();
        assert_eq!(read_output_file("a.pdf", &f, 10, "x").unwrap().len(), 10);
        let e = read_output_file("a.pdf", &f, 9, "the text").unwrap_err();
        assert!(
            e.to_string().contains("the text is larger than 9 bytes"),
            "{e}"
        );
    }
}
