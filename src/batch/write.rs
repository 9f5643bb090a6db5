//! Writing outputs so that a crash never leaves half a JSON, and reading back
//! what an earlier run recorded (for `--resume`).
//!
//! Each output is written to a hidden temporary file in the folder it belongs in
//! and renamed over the final name: a rename within one folder is atomic, so a
//! reader (or a resumed run) sees either the old file, the new one, or none —
//! never a prefix. The temporary name starts with a dot, so a later walk of
//! OUTDIR passes over it; a run killed mid-write can leave one behind
//! (`.NAME.json.kamsang-PID-N.tmp`), which is safe to delete. There is no
//! fsync: this protects against a crashed or killed process, not a power cut.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Write `bytes` at `path` atomically (temp file in the same folder + rename),
/// creating the folders above it.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)?;
    let temp = temp_name(parent, path);
    let written = std::fs::File::create(&temp).and_then(|mut f| f.write_all(bytes));
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        // The final name was never touched; do not leave the temp file either.
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    Ok(())
}

fn temp_name(parent: &Path, path: &Path) -> PathBuf {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".kamsang-{}-{n}.tmp", std::process::id()));
    parent.join(name)
}

/// How many bytes of an output are read to find its `source.sha256`: the
/// `source` object comes second in the JSON, after `schema_version`.
const PREFIX: u64 = 64 * 1024;

/// The `source.sha256` recorded in the JSON at `path`, when it can be read from
/// the start of the file (as kamsang writes it: pretty, `source` first).
pub fn recorded_sha256(path: &Path) -> Option<String> {
    let mut prefix = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(PREFIX)
        .read_to_end(&mut prefix)
        .ok()?;
    let text = String::from_utf8_lossy(&prefix);
    // Keys are written unescaped with exactly these spaces; inside a JSON string
    // a quote is escaped, so these patterns cannot match inside `source.path`.
    let source = text.find("\"source\": {")?;
    let after = text.get(source..)?;
    let key = "\"sha256\": \"";
    let start = after.find(key)? + key.len();
    let hex = after.get(start..start + 64)?;
    let closes = after.get(start + 64..start + 65) == Some("\"");
    (closes && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| hex.to_string())
}

/// Can the output at `out` stand for the input? It must exist, be no older than
/// the input (`input_mtime`), and record the same sha256 as the input's bytes.
pub fn is_current(out: &Path, input_mtime: Option<SystemTime>, sha256: &str) -> bool {
    let Ok(meta) = std::fs::metadata(out) else {
        return false;
    };
    let newer = match (meta.modified().ok(), input_mtime) {
        (Some(o), Some(i)) => o >= i,
        _ => false,
    };
    newer && recorded_sha256(out).as_deref() == Some(sha256)
}

/// Remove an output left by an earlier run for an input that now fails, so
/// OUTDIR never shows a result the failure list contradicts.
pub fn remove_stale(out: &Path) {
    let _ = std::fs::remove_file(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_sha_is_found_after_source_and_not_in_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        let sha = "ab".repeat(32);
        let fake = "cd".repeat(32);
        let text = format!(
            "{{\n  \"schema_version\": \"1.0.0\",\n  \"source\": {{\n    \"path\": \"a\\\"sha256\\\": \\\"{fake}\\\"\",\n    \"format\": \"txt\",\n    \"encoding\": \"utf-8\",\n    \"sha256\": \"{sha}\",\n    \"bytes\": 3\n  }}\n}}\n"
        );
        std::fs::write(&p, text).unwrap();
        assert_eq!(recorded_sha256(&p), Some(sha));
    }

    #[test]
    fn no_sha_in_a_truncated_or_foreign_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        std::fs::write(&p, "{\n  \"source\": {\n    \"sha256\": \"abc").unwrap();
        assert_eq!(recorded_sha256(&p), None);
        std::fs::write(&p, "[1, 2]").unwrap();
        assert_eq!(recorded_sha256(&p), None);
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b/x.txt.json");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a/b"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("x.txt.json")]);
    }
}
