//! What a batch did, counted as it goes: every input lands in exactly one
//! count, so `files_seen` is their sum and a user can check that nothing was
//! lost. Only counters and the five slowest files are kept, never a list of
//! all files, so memory does not grow with the size of the archive.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

/// How many of the slowest files the summary names.
pub const SLOWEST: usize = 5;

/// How many distinct skipped extensions are named; the rest count as "…".
const EXTENSIONS: usize = 32;

/// What happened to one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Parsed and written; `warnings` when a diagnostic is a warning or error.
    Ok {
        /// Some diagnostic is a warning or an error.
        warnings: bool,
        /// A page or more was read by OCR (a scan: `source.ocr` not empty).
        ocr: bool,
        /// Converted by LibreOffice before it was read (.doc .odt .rtf .xls).
        converted: bool,
    },
    /// Output already current (`--resume`): not parsed.
    Resumed,
    /// Could not be converted.
    Failed {
        /// Why, without the path.
        error: String,
        /// The parser ran on it (it was read, then refused).
        parsed: bool,
    },
    /// Extension not taken.
    Skipped {
        /// The lowercase extension.
        ext: String,
    },
    /// Not an order by its name (an Office lock file, `Thumbs.db`, …).
    SkippedByName {
        /// What it is.
        name: &'static str,
    },
    /// Reached before by another path.
    Duplicate,
    /// A hidden file or folder.
    Hidden,
    /// A folder reached another way (link back into a tree, loop).
    RepeatedDir,
    /// Found after the run had to stop: neither converted nor failed.
    NotReached,
}

/// One input after its work, as the summary and the outputs need it.
#[derive(Debug, Clone)]
pub struct Record {
    /// The path as the parser got it.
    pub path: String,
    /// What happened.
    pub outcome: Outcome,
    /// Input size (0 when it was not read).
    pub bytes: u64,
    /// Time spent on it (read, hash, parse, serialise, write).
    pub elapsed: Duration,
    /// Its JSON line, when the batch writes JSONL.
    pub line: Option<String>,
    /// The order, when the batch writes a database (`--db`) and it was
    /// parsed (or read back from OUTDIR) and not yet imported.
    pub order: Option<Box<kamsang::DutyOrder>>,
}

/// One of the slowest files.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Slow {
    /// The path as the parser got it.
    pub path: String,
    /// Seconds spent on it.
    pub seconds: f64,
    /// Its size.
    pub bytes: u64,
}

/// The end-of-run report (also written as `OUTDIR/summary.json`).
///
/// `files_seen = ok + ok_with_warnings + failed + skipped + resumed +
/// duplicates + not_reached`.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Summary {
    /// Every file the walk met (or path read from stdin), hidden ones aside.
    pub files_seen: u64,
    /// Converted with no warning.
    pub ok: u64,
    /// Converted, with at least one warning or error diagnostic.
    pub ok_with_warnings: u64,
    /// Not converted; each is a line of `failures.jsonl`.
    pub failed: u64,
    /// Not taken because of their extension, or because their name says
    /// they are not orders (see `skipped_names`).
    pub skipped: u64,
    /// Output already current (`--resume`); not parsed again.
    pub resumed: u64,
    /// Reached a second time through a link; parsed once.
    pub duplicates: u64,
    /// Found after the run had to stop (a full disk, OUTDIR removed, a closed
    /// output): neither converted nor failed; a `--resume` run does them.
    pub not_reached: u64,
    /// Why the run stopped before the end (null when it did not).
    pub stopped: Option<String>,
    /// Failures written to `failures.jsonl` (all of `failed` unless the run
    /// could not write that file).
    pub failures_listed: u64,
    /// How many times the parser ran (0 on a resumed run that had nothing new).
    pub parsed: u64,
    /// Converted files (`ok` or `ok_with_warnings`) with a page or more read
    /// by OCR: a scanned PDF or an image, whose names and numbers may be
    /// misread (issue 16).
    pub read_by_ocr: u64,
    /// Converted files that LibreOffice converted first (.doc, .odt, .rtf,
    /// .xls).
    pub converted_by_libreoffice: u64,
    /// Hidden files and folders passed over (folders not entered).
    pub hidden: u64,
    /// Folders not entered because the walk reaches them another way.
    pub repeated_folders: u64,
    /// Bytes of the inputs read.
    pub bytes: u64,
    /// Wall time of the whole run.
    pub elapsed_seconds: f64,
    /// Files read (converted, failed or resumed) per second of wall time.
    pub files_per_second: f64,
    /// Megabytes (10^6 bytes) read per second of wall time.
    pub mb_per_second: f64,
    /// Worker threads.
    pub jobs: usize,
    /// The slowest files, slowest first.
    pub slowest: Vec<Slow>,
    /// Skipped files by extension ("" for none).
    pub skipped_extensions: BTreeMap<String, u64>,
    /// Files skipped by their name, by what they are (`office lock file
    /// (~$…)`, `Thumbs.db`, …); counted in `skipped` too.
    pub skipped_names: BTreeMap<String, u64>,
    /// What the run wrote to the database (`--db`); absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<super::archive::DbCounts>,
}

impl Summary {
    /// Count one record.
    pub fn add(&mut self, r: &Record) {
        self.bytes += r.bytes;
        match &r.outcome {
            Outcome::Ok {
                warnings,
                ocr,
                converted,
            } => {
                self.parsed += 1;
                self.read_by_ocr += u64::from(*ocr);
                self.converted_by_libreoffice += u64::from(*converted);
                if *warnings {
                    self.ok_with_warnings += 1;
                } else {
                    self.ok += 1;
                }
            }
            Outcome::Resumed => self.resumed += 1,
            Outcome::Failed { parsed, .. } => {
                self.failed += 1;
                if *parsed {
                    self.parsed += 1;
                }
            }
            Outcome::Skipped { ext } => {
                self.skipped += 1;
                let known = self.skipped_extensions.len() < EXTENSIONS
                    || self.skipped_extensions.contains_key(ext);
                let key = if known {
                    ext.clone()
                } else {
                    "…".to_string()
                };
                *self.skipped_extensions.entry(key).or_insert(0) += 1;
            }
            Outcome::SkippedByName { name } => {
                self.skipped += 1;
                *self.skipped_names.entry((*name).to_string()).or_insert(0) += 1;
            }
            Outcome::Duplicate => self.duplicates += 1,
            Outcome::Hidden => self.hidden += 1,
            Outcome::RepeatedDir => self.repeated_folders += 1,
            Outcome::NotReached => self.not_reached += 1,
        }
        if !matches!(r.outcome, Outcome::Hidden | Outcome::RepeatedDir) {
            self.files_seen += 1;
        }
        if matches!(r.outcome, Outcome::Ok { .. } | Outcome::Failed { .. }) {
            self.note_time(r);
        }
    }

    fn note_time(&mut self, r: &Record) {
        let seconds = r.elapsed.as_secs_f64();
        let slower = self.slowest.len() < SLOWEST
            || self.slowest.last().is_some_and(|s| s.seconds < seconds);
        if !slower {
            return;
        }
        let at = self.slowest.partition_point(|s| s.seconds >= seconds);
        self.slowest.insert(
            at,
            Slow {
                path: r.path.clone(),
                seconds,
                bytes: r.bytes,
            },
        );
        self.slowest.truncate(SLOWEST);
    }

    /// Files that were read: converted, failed or resumed.
    pub fn files_read(&self) -> u64 {
        self.ok + self.ok_with_warnings + self.failed + self.resumed
    }

    /// Set the elapsed time and the rates from it.
    pub fn finish(&mut self, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        self.elapsed_seconds = round3(secs);
        if secs > 0.0 {
            self.files_per_second = round3(self.files_read() as f64 / secs);
            self.mb_per_second = round3(self.bytes as f64 / 1e6 / secs);
        }
        for s in &mut self.slowest {
            s.seconds = round3(s.seconds);
        }
    }

    /// The summary for stderr: a few lines, each starting `kamsang: batch: `.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "kamsang: batch: {} files: {} ok, {} ok with warnings, {} failed, {} skipped, {} resumed, {} duplicates{} ({} parsed; {} hidden passed over)\n",
            self.files_seen,
            self.ok,
            self.ok_with_warnings,
            self.failed,
            self.skipped,
            self.resumed,
            self.duplicates,
            match self.not_reached {
                0 => String::new(),
                n => format!(", {n} not reached"),
            },
            self.parsed,
            self.hidden
        );
        s.push_str(&format!(
            "kamsang: batch: {:.1} MB in {:.2} s with {} jobs: {:.1} files/s, {:.1} MB/s\n",
            self.bytes as f64 / 1e6,
            self.elapsed_seconds,
            self.jobs,
            self.files_per_second,
            self.mb_per_second
        ));
        if !self.slowest.is_empty() {
            let list: Vec<String> = self
                .slowest
                .iter()
                .map(|x| {
                    let path = kamsang::error::escape_name(&x.path);
                    format!("{path} ({:.3} s)", x.seconds)
                })
                .collect();
            s.push_str(&format!("kamsang: batch: slowest: {}\n", list.join(", ")));
        }
        if let Some(db) = &self.database {
            s.push_str(&format!(
                "kamsang: batch: database {}: {} added, {} replaced, {} unchanged, {} failures recorded\n",
                kamsang::error::escape_name(&db.path),
                db.added,
                db.replaced,
                db.unchanged,
                db.failures
            ));
        }
        if self.read_by_ocr + self.converted_by_libreoffice > 0 {
            s.push_str(&format!(
                "kamsang: batch: {} read by OCR (check names and numbers against the scans), {} converted by LibreOffice\n",
                self.read_by_ocr, self.converted_by_libreoffice
            ));
        }
        if !self.skipped_names.is_empty() {
            let list: Vec<String> = self
                .skipped_names
                .iter()
                .map(|(what, n)| format!("{n} {what}"))
                .collect();
            s.push_str(&format!(
                "kamsang: batch: not orders, skipped by name: {}\n",
                list.join(", ")
            ));
        }
        s
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(path: &str, outcome: Outcome, ms: u64) -> Record {
        Record {
            path: path.to_string(),
            outcome,
            bytes: 10,
            elapsed: Duration::from_millis(ms),
            line: None,
            order: None,
        }
    }

    #[test]
    fn every_outcome_lands_in_one_count_and_slowest_keeps_five() {
        let mut s = Summary::default();
        for (i, ms) in [5, 1, 9, 3, 7, 2, 8].iter().enumerate() {
            s.add(&rec(
                &format!("f{i}"),
                Outcome::Ok {
                    warnings: i % 2 == 0,
                    ocr: i == 1,
                    converted: i == 2 || i == 4,
                },
                *ms,
            ));
        }
        s.add(&rec(
            "bad",
            Outcome::Failed {
                error: "x".into(),
                parsed: false,
            },
            4,
        ));
        s.add(&rec("r", Outcome::Resumed, 100));
        s.add(&rec("k", Outcome::Skipped { ext: "png".into() }, 0));
        s.add(&rec("d", Outcome::Duplicate, 0));
        s.add(&rec(".h", Outcome::Hidden, 0));
        assert_eq!(s.files_seen, 11);
        assert_eq!(
            s.ok + s.ok_with_warnings + s.failed + s.skipped + s.resumed + s.duplicates,
            s.files_seen
        );
        assert_eq!((s.ok, s.ok_with_warnings, s.parsed), (3, 4, 7));
        let slow: Vec<&str> = s.slowest.iter().map(|x| x.path.as_str()).collect();
        // Resumed files are not timed: only work done counts.
        assert_eq!(slow, ["f2", "f6", "f4", "f0", "bad"]);
        assert_eq!(s.skipped_extensions.get("png"), Some(&1));
        // OCR and LibreOffice counted among the converted files, and said
        assert_eq!((s.read_by_ocr, s.converted_by_libreoffice), (1, 2));
        assert!(
            s.to_text()
                .contains("kamsang: batch: 1 read by OCR (check names and numbers against the scans), 2 converted by LibreOffice\n"),
            "{}",
            s.to_text()
        );
        // a batch without either says nothing of them
        let mut plain = Summary::default();
        plain.add(&rec(
            "a",
            Outcome::Ok {
                warnings: false,
                ocr: false,
                converted: false,
            },
            1,
        ));
        assert!(!plain.to_text().contains("OCR"), "{}", plain.to_text());
    }
}
