//! The JSON-lines side of a batch: paths read from stdin, one JSON document per
//! output line.
//!
//! This is the contract a distributed engine drives (Spark `RDD.pipe`, Hadoop
//! Streaming, GNU parallel, `xargs -P`): paths in on stdin, one per line (or
//! NUL-separated with `-0`), and exactly one line out per path — the order as
//! compact JSON (the same bytes as `kamsang parse --compact PATH`, without the
//! final newline), or `{"path":…,"error":…}` when it failed. A consumer tells
//! them apart by the `error` key (an order has `schema_version` instead).
//! Paths from stdin are all processed, whatever their extension and even when
//! one is listed twice, so the output lines match the input lines one to one;
//! a path that is not an order by its name (an Office lock file `~$…`,
//! `Thumbs.db`, …: see [`super::walk::not_an_order`]) is not read, and its
//! line is `{"path":…,"skipped":…}`.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::walk::Found;

/// Longest path line read from stdin, in bytes. A path is at most 4 KiB on
/// Linux (PATH_MAX) and 32 Ki UTF-16 units on Windows; a longer line is no
/// path, and reading it whole could take all memory (a 1.5 GB line once
/// did): it is refused with one failure line, and the list goes on.
pub const MAX_PATH_LINE: usize = 64 * 1024;

/// How much of an overlong line is shown in its failure.
const SHOWN_OF_LONG_LINE: usize = 64;

/// Paths read lazily from stdin, so a list of millions streams through.
pub(crate) struct StdinPaths<R = std::io::BufReader<std::io::Stdin>> {
    reader: R,
    separator: u8,
    /// An error reading stdin ends the list and is sent here for the caller.
    errors: std::sync::mpsc::Sender<String>,
}

impl StdinPaths {
    /// The paths, and where an error reading them is reported.
    pub(crate) fn new(nul: bool) -> (Self, std::sync::mpsc::Receiver<String>) {
        Self::from_reader(std::io::BufReader::new(std::io::stdin()), nul)
    }
}

impl<R: BufRead> StdinPaths<R> {
    fn from_reader(reader: R, nul: bool) -> (Self, std::sync::mpsc::Receiver<String>) {
        let (errors, rx) = std::sync::mpsc::channel();
        let paths = StdinPaths {
            reader,
            separator: if nul { 0 } else { b'\n' },
            errors,
        };
        (paths, rx)
    }

    /// The next line without its separator, at most [`MAX_PATH_LINE`] bytes
    /// of it kept (`true` when there was more); `None` at the end.
    fn line(&mut self) -> std::io::Result<Option<(Vec<u8>, bool)>> {
        let mut buf = Vec::new();
        let mut long = false;
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any.then_some((buf, long)));
            }
            any = true;
            let (part, used, ends) = match chunk.iter().position(|&b| b == self.separator) {
                Some(at) => (chunk.get(..at).unwrap_or_default(), at + 1, true),
                None => (chunk, chunk.len(), false),
            };
            let room = (MAX_PATH_LINE + 1).saturating_sub(buf.len());
            buf.extend_from_slice(part.get(..room.min(part.len())).unwrap_or_default());
            if buf.len() > MAX_PATH_LINE {
                long = true;
                buf.truncate(MAX_PATH_LINE);
            }
            self.reader.consume(used);
            if ends {
                return Ok(Some((buf, long)));
            }
        }
    }
}

impl<R: BufRead> Iterator for StdinPaths<R> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let (mut buf, long) = match self.line() {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(e) => {
                    let _ = self
                        .errors
                        .send(format!("stdin: cannot read: {}", crate::io_message(&e)));
                    return None;
                }
            };
            if long {
                let mut shown =
                    String::from_utf8_lossy(buf.get(..SHOWN_OF_LONG_LINE).unwrap_or_default())
                        .into_owned();
                shown.push('…');
                return Some(Found::Fail {
                    path: PathBuf::from(shown),
                    error: format!(
                        "a line of more than {} KiB on stdin: not a path, not read",
                        MAX_PATH_LINE / 1024
                    ),
                });
            }
            if self.separator == b'\n' && buf.last() == Some(&b'\r') {
                buf.pop();
            }
            if buf.is_empty() {
                continue; // blank lines are not paths
            }
            let path = PathBuf::from(bytes_to_os(buf));
            if let Some(name) = path.file_name().and_then(super::walk::not_an_order) {
                return Some(Found::NotAnOrder {
                    path,
                    name,
                    line: true,
                });
            }
            return Some(Found::Take {
                path,
                out: PathBuf::new(),
            });
        }
    }
}

#[cfg(unix)]
fn bytes_to_os(buf: Vec<u8>) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStringExt;
    std::ffi::OsString::from_vec(buf)
}

#[cfg(not(unix))]
fn bytes_to_os(buf: Vec<u8>) -> std::ffi::OsString {
    String::from_utf8_lossy(&buf).into_owned().into()
}

/// One line of `failures.jsonl`, or of a JSONL stream for a failed input.
#[derive(Serialize)]
struct Failure<'a> {
    path: &'a str,
    error: &'a str,
}

/// `{"path":…,"error":…}` (no newline).
pub fn failure_line(path: &str, error: &str) -> String {
    serde_json::to_string(&Failure { path, error })
        .unwrap_or_else(|_| String::from("{\"path\":null,\"error\":\"unprintable\"}"))
}

/// One line of a JSONL stream for a path from stdin that is not an order by
/// its name: `{"path":…,"skipped":…}` (no newline), so every path still has
/// its line; a consumer tells it apart by the `skipped` key.
pub fn skipped_line(path: &str, what: &str) -> String {
    #[derive(Serialize)]
    struct Skipped<'a> {
        path: &'a str,
        skipped: &'a str,
    }
    serde_json::to_string(&Skipped {
        path,
        skipped: what,
    })
    .unwrap_or_else(|_| String::from("{\"path\":null,\"skipped\":\"unprintable\"}"))
}

/// Where lines go: stdout (flushed after each line, so a consumer reading a
/// pipe gets each document as soon as it is in order), a `--jsonl` file
/// (written to a temporary file, renamed over the name when the run ends, so
/// an earlier file is replaced whole or not at all), or `failures.jsonl`
/// (appended a whole line at a time, so it is a list of whole lines however
/// the run ends, and synced to disk at the end).
pub(crate) struct LineWriter {
    to: To,
    name: String,
    /// Lines written.
    pub(crate) lines: u64,
}

enum To {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    Atomic(std::io::BufWriter<crate::output::AtomicFile>),
    /// The file and the length of its whole lines.
    Lines(std::fs::File, u64),
    /// Broken by an earlier error; nothing more is written.
    Closed,
}

impl LineWriter {
    pub(crate) fn stdout() -> Self {
        LineWriter {
            to: To::Stdout(std::io::BufWriter::new(std::io::stdout())),
            name: "stdout".to_string(),
            lines: 0,
        }
    }

    /// A `--jsonl` file, replaced at [`LineWriter::finish`].
    pub(crate) fn atomic(path: &std::path::Path) -> Result<Self, String> {
        let f = crate::output::AtomicFile::create(path).map_err(|e| failed(path, &e))?;
        Ok(LineWriter {
            to: To::Atomic(std::io::BufWriter::with_capacity(1 << 16, f)),
            name: shown(path),
            lines: 0,
        })
    }

    /// `failures.jsonl`: emptied now, then a line at a time.
    pub(crate) fn lines(path: &std::path::Path) -> Result<Self, String> {
        let f = std::fs::File::create(path).map_err(|e| failed(path, &e))?;
        Ok(LineWriter {
            to: To::Lines(f, 0),
            name: shown(path),
            lines: 0,
        })
    }

    /// Write one line; the error names the output, and the writer is closed.
    pub(crate) fn line(&mut self, text: &str) -> Result<(), String> {
        let r = match &mut self.to {
            To::Stdout(out) => out
                .write_all(text.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .and_then(|()| out.flush()),
            To::Atomic(out) => out
                .write_all(text.as_bytes())
                .and_then(|()| out.write_all(b"\n")),
            To::Lines(f, whole) => {
                // one write of the whole line; a short write (a full disk) is
                // cut back to the last whole line
                let mut line = Vec::with_capacity(text.len() + 1);
                line.extend_from_slice(text.as_bytes());
                line.push(b'\n');
                match f.write_all(&line) {
                    Ok(()) => {
                        *whole += line.len() as u64;
                        Ok(())
                    }
                    Err(e) => {
                        let _ = f.set_len(*whole);
                        Err(e)
                    }
                }
            }
            To::Closed => return Err(format!("{}: not written after an earlier error", self.name)),
        };
        match r {
            Ok(()) => {
                self.lines += 1;
                Ok(())
            }
            Err(e) => {
                self.to = To::Closed;
                Err(self.failed(&e))
            }
        }
    }

    /// Flush (stdout), rename into place (`--jsonl` file) or sync to disk
    /// (`failures.jsonl`). A writer closed by an error leaves the earlier
    /// `--jsonl` file as it was.
    pub(crate) fn finish(&mut self) -> Result<(), String> {
        let r = match std::mem::replace(&mut self.to, To::Closed) {
            To::Stdout(mut out) => out.flush(),
            To::Atomic(out) => out
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)
                .and_then(|f| f.commit()),
            To::Lines(f, _) => f.sync_all(),
            To::Closed => Ok(()),
        };
        r.map_err(|e| self.failed(&e))
    }

    fn failed(&self, e: &std::io::Error) -> String {
        format!("{}: cannot write: {}", self.name, crate::io_message(e))
    }
}

fn shown(path: &std::path::Path) -> String {
    kamsang::error::escape_name(&path.to_string_lossy()).into_owned()
}

fn failed(path: &std::path::Path, e: &std::io::Error) -> String {
    format!("{}: cannot write: {}", shown(path), crate::io_message(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_line_escapes_quotes_and_keeps_thai() {
        let line = failure_line("a/\"x\".txt", "ไม่ได้: bad");
        assert_eq!(line, r#"{"path":"a/\"x\".txt","error":"ไม่ได้: bad"}"#);
    }

    fn paths(input: &[u8], nul: bool) -> Vec<Found> {
        let (p, _rx) = StdinPaths::from_reader(std::io::BufReader::with_capacity(7, input), nul);
        p.collect()
    }

    #[test]
    fn an_overlong_stdin_line_is_one_failure_and_the_list_goes_on() {
        let mut input = b"a.txt\r\n\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', MAX_PATH_LINE + 10));
        input.extend(b"\nb.txt\n");
        input.extend(std::iter::repeat_n(b'y', MAX_PATH_LINE));
        let found = paths(&input, false);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(matches!(&found[0], Found::Take { path, .. } if path.as_os_str() == "a.txt"));
        assert!(
            matches!(&found[1], Found::Fail { path, error } if path.to_string_lossy().len() < 100 && error.contains("64 KiB"))
        );
        assert!(matches!(&found[2], Found::Take { path, .. } if path.as_os_str() == "b.txt"));
        // exactly the limit, no separator at the end: still a path
        assert!(
            matches!(&found[3], Found::Take { path, .. } if path.as_os_str().len() == MAX_PATH_LINE)
        );
        let found = paths(b"a\0b\nc\0", true);
        assert_eq!(found.len(), 2);
    }
}
