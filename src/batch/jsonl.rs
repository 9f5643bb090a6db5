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
//! one is listed twice, so the output lines match the input lines one to one.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::walk::Found;

/// Paths read lazily from stdin, so a list of millions streams through.
pub(crate) struct StdinPaths {
    reader: std::io::BufReader<std::io::Stdin>,
    separator: u8,
    /// An error reading stdin ends the list and is sent here for the caller.
    errors: std::sync::mpsc::Sender<String>,
}

impl StdinPaths {
    /// The paths, and where an error reading them is reported.
    pub(crate) fn new(nul: bool) -> (Self, std::sync::mpsc::Receiver<String>) {
        let (errors, rx) = std::sync::mpsc::channel();
        let paths = StdinPaths {
            reader: std::io::BufReader::new(std::io::stdin()),
            separator: if nul { 0 } else { b'\n' },
            errors,
        };
        (paths, rx)
    }
}

impl Iterator for StdinPaths {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let mut buf = Vec::new();
            match self.reader.read_until(self.separator, &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    let _ = self
                        .errors
                        .send(format!("stdin: cannot read: {}", crate::io_message(&e)));
                    return None;
                }
            }
            if buf.last() == Some(&self.separator) {
                buf.pop();
            }
            if self.separator == b'\n' && buf.last() == Some(&b'\r') {
                buf.pop();
            }
            if buf.is_empty() {
                continue; // blank lines are not paths
            }
            let path = PathBuf::from(bytes_to_os(buf));
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

/// Where JSON lines go: stdout (flushed after each line, so a consumer reading
/// a pipe gets each document as soon as it is in order) or a file.
pub(crate) struct LineWriter {
    out: Box<dyn Write>,
    name: String,
    flush_each: bool,
}

impl LineWriter {
    pub(crate) fn stdout() -> Self {
        LineWriter {
            out: Box::new(std::io::BufWriter::new(std::io::stdout())),
            name: "stdout".to_string(),
            flush_each: true,
        }
    }

    pub(crate) fn file(path: &std::path::Path) -> Result<Self, String> {
        let f = std::fs::File::create(path).map_err(|e| {
            format!(
                "{}: cannot write: {}",
                path.display(),
                crate::io_message(&e)
            )
        })?;
        Ok(LineWriter {
            out: Box::new(std::io::BufWriter::new(f)),
            name: path.display().to_string(),
            flush_each: false,
        })
    }

    /// Write one line; the error names the output.
    pub(crate) fn line(&mut self, text: &str) -> Result<(), String> {
        let r = self
            .out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"))
            .and_then(|()| {
                if self.flush_each {
                    self.out.flush()
                } else {
                    Ok(())
                }
            });
        r.map_err(|e| self.failed(&e))
    }

    pub(crate) fn flush(&mut self) -> Result<(), String> {
        self.out.flush().map_err(|e| self.failed(&e))
    }

    fn failed(&self, e: &std::io::Error) -> String {
        format!("{}: cannot write: {}", self.name, crate::io_message(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_line_escapes_quotes_and_keeps_thai() {
        let line = failure_line("a/\"x\".txt", "ไม่ได้: bad");
        assert_eq!(line, r#"{"path":"a/\"x\".txt","error":"ไม่ได้: bad"}"#);
    }
}
