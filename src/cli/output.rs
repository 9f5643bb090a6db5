//! Writing outputs without ever losing an input: the two helpers every
//! command uses.
//!
//! - [`clobbered_input`]: is this output path one of the inputs? Compared by
//!   identity (device and inode on Unix, volume and file index on Windows,
//!   through the `same-file` crate), so a symbolic or hard link to an input is
//!   caught as well as the same name. A command refuses such an output before
//!   it reads anything (exit 2).
//! - [`AtomicFile`] / [`atomic_write`]: an output is written to a hidden
//!   temporary file in the folder it belongs in and renamed over the final
//!   name. A rename within one folder is atomic, so a reader sees the old file
//!   or the new one, never a prefix, and a write that fails (a full disk)
//!   leaves the old file as it was. The final name's folder is not created:
//!   callers that mirror a tree create their folders themselves. An output
//!   that exists and is no regular file (`-o /dev/null`, a FIFO, a link to a
//!   device) is written in place: a rename would replace the device itself.
//!
//! The temporary name is `.kamsang-HASH-PID-N.tmp` — short whatever the
//! final name (a Thai file name of 85 characters is already 255 bytes, the
//! limit of one name, so the final name cannot be a part of it), hidden so
//! that a walk of the folder passes over it, and safe to delete when a killed
//! run leaves one behind. There is no fsync of outputs: this protects against
//! a crashed or killed process, not a power cut.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes of the SHA-256 of the final name kept in a temporary name (as hex,
/// twice as many characters): enough to tell apart the temporaries of one
/// folder in a listing; uniqueness comes from the PID and counter.
const TEMP_HASH_BYTES: usize = 6;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The first of `inputs` that `output` is (the same file, by identity), if
/// any. An output that does not exist yet is no input; a dangling link is not
/// either (renaming over it replaces the link, not a file).
pub fn clobbered_input<'a, P: AsRef<Path> + ?Sized>(
    output: &Path,
    inputs: impl IntoIterator<Item = &'a P>,
) -> Option<&'a P> {
    let out = same_file::Handle::from_path(output).ok()?;
    inputs
        .into_iter()
        .find(|input| same_file::Handle::from_path(input.as_ref()).is_ok_and(|h| h == out))
}

/// The one-line refusal of an output that is an input (`PATH: what is wrong`,
/// without the `kamsang: ` prefix; names escaped).
pub fn clobber_message(output: &Path, input: &Path) -> String {
    let (o, i) = (output.to_string_lossy(), input.to_string_lossy());
    // (`./people.csv` and `people.csv` name the file the same way, no link)
    let plain = |p: &Path| -> std::path::PathBuf {
        p.components()
            .filter(|c| *c != std::path::Component::CurDir)
            .collect()
    };
    let same = if plain(output) == plain(input) {
        "the output is the input".to_string()
    } else {
        format!(
            "the output is the input {} (the same file, through a link)",
            kamsang::error::escape_name(&i)
        )
    };
    format!(
        "{}: {same}: it would be overwritten; write the output elsewhere",
        kamsang::error::escape_name(&o)
    )
}

/// An output being written: a temporary file beside `path`, renamed over it
/// by [`AtomicFile::commit`]. Dropped without a commit, the temporary file is
/// removed and `path` is untouched.
pub struct AtomicFile {
    file: Option<std::fs::File>,
    temp: PathBuf,
    path: PathBuf,
}

impl AtomicFile {
    /// Start writing `path` (its folder must exist). A `path` that is there
    /// and is no regular file — a device (`-o /dev/null`), a FIFO, a link to
    /// one — is written in place: renaming over it would replace the device
    /// with a file (as root, `/dev/null` itself).
    pub fn create(path: &Path) -> std::io::Result<Self> {
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = std::fs::OpenOptions::new().write(true).open(path)?;
            return Ok(AtomicFile {
                file: Some(file),
                temp: PathBuf::new(),
                path: path.to_path_buf(),
            });
        }
        let temp = temp_name(path);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        Ok(AtomicFile {
            file: Some(file),
            temp,
            path: path.to_path_buf(),
        })
    }

    /// Rename the finished file over `path` (or, written in place, flush it).
    pub fn commit(mut self) -> std::io::Result<()> {
        let file = self.file.take();
        if self.temp.as_os_str().is_empty() {
            return match file {
                Some(mut f) => f.flush(),
                None => Ok(()),
            };
        }
        // closed first: Windows cannot rename an open file
        drop(file);
        std::fs::rename(&self.temp, &self.path)?;
        self.temp = PathBuf::new();
        Ok(())
    }

    fn file(&mut self) -> std::io::Result<&mut std::fs::File> {
        self.file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("output already committed"))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file()?.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        drop(self.file.take());
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Write `bytes` at `path` atomically (temporary file in the same folder +
/// rename). The folder must exist; on any error `path` is as it was.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes)?;
    f.commit()
}

/// `.kamsang-HASH-PID-N.tmp` in the folder of `path`, HASH from its name.
fn temp_name(path: &Path) -> PathBuf {
    use sha2::Digest;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default();
    let digest = sha2::Sha256::digest(name.as_encoded_bytes());
    let hash: String = digest
        .iter()
        .take(TEMP_HASH_BYTES)
        .map(|b| format!("{b:02x}"))
        .collect();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    parent.join(format!(".kamsang-{hash}-{}-{n}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `-o /dev/null` (here a link to it, so a failure would replace the link,
    /// never the device) writes through: the device stays a device.
    #[cfg(unix)]
    #[test]
    fn regression_output_to_a_device_is_written_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("out.json");
        std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
        atomic_write(&link, b"{}").expect("written");
        let m = std::fs::symlink_metadata(&link).expect("link");
        assert!(m.file_type().is_symlink(), "the link was replaced");
        let dev = std::fs::metadata("/dev/null").expect("/dev/null");
        assert!(dev.file_type().is_char_device());
        // and nothing was left beside it
        assert_eq!(names(dir.path()), ["out.json"]);
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.txt.json");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["x.txt.json"]);
    }

    #[test]
    fn an_uncommitted_file_leaves_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        std::fs::write(&p, b"old").unwrap();
        let mut f = AtomicFile::create(&p).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["x.json"]);
    }

    #[test]
    fn temp_names_stay_short_for_the_longest_names() {
        let dir = tempfile::tempdir().unwrap();
        // 83 Thai characters + ".json": 254 bytes, a legal name; a temporary
        // name built on it (".NAME.kamsang-PID-N.tmp") would not be
        let name = format!("{}.json", "ก".repeat(83));
        assert!(name.len() <= 255);
        let p = dir.path().join(&name);
        assert!(temp_name(&p).file_name().unwrap().len() < 64);
        atomic_write(&p, b"x").unwrap();
        assert_eq!(names(dir.path()), [name]);
    }

    #[cfg(unix)]
    #[test]
    fn links_to_an_input_are_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.txt");
        std::fs::write(&input, b"x").unwrap();
        let soft = dir.path().join("soft");
        let hard = dir.path().join("hard");
        std::os::unix::fs::symlink(&input, &soft).unwrap();
        std::fs::hard_link(&input, &hard).unwrap();
        let inputs = [input.as_path()];
        for out in [&input, &soft, &hard] {
            assert!(clobbered_input(out, inputs).is_some(), "{}", out.display());
        }
        let other = dir.path().join("other.txt");
        assert!(clobbered_input(&other, inputs).is_none());
        std::fs::write(&other, b"x").unwrap();
        assert!(clobbered_input(&other, inputs).is_none());
    }
}
