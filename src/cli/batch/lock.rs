//! One batch per OUTDIR at a time: `OUTDIR/.kamsang/lock`.
//!
//! Two batches writing one OUTDIR would tear `failures.jsonl` and leave one
//! run's counts in `summary.json`. The lock is the operating system's advisory
//! lock on that file (`flock` on Unix, `LockFileEx` on Windows), held for the
//! whole run, with the holder's PID written in the file for the message. The
//! system drops the lock when its process ends, however it ends, so the lock
//! file a killed run leaves behind (a dead PID) is simply taken over: there is
//! no stale lock to clean up by hand.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The folder inside OUTDIR where a batch keeps its own state (the lock, the
/// resume stamps); hidden, and a name no input can be mirrored as.
pub const STATE_DIR: &str = ".kamsang";

/// The lock file's name in [`STATE_DIR`].
pub const LOCK_FILE: &str = "lock";

/// How many times (10 ms apart) a refused batch reads the holder's PID
/// before it says "unknown": the holder writes it right after locking.
const PID_TRIES: usize = 50;

/// The held lock; dropped (closed) at the end of the run, which releases it.
#[derive(Debug)]
pub(crate) struct OutdirLock {
    _file: std::fs::File,
}

/// Why the lock was not taken.
pub(crate) enum LockError {
    /// Another process holds it (its PID when the file says).
    Busy(Option<u32>),
    /// The lock file cannot be created or locked.
    Io(PathBuf, std::io::Error),
}

/// `OUTDIR/.kamsang`.
pub(crate) fn state_dir(outdir: &Path) -> PathBuf {
    outdir.join(STATE_DIR)
}

/// Take the lock of `outdir` (which exists), or say who holds it.
pub(crate) fn lock(outdir: &Path) -> Result<OutdirLock, LockError> {
    let dir = state_dir(outdir);
    let path = dir.join(LOCK_FILE);
    let io = |e| LockError::Io(path.clone(), e);
    std::fs::create_dir_all(&dir).map_err(io)?;
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            // the holder writes its PID just after it takes the lock
            let mut pid = None;
            for _ in 0..PID_TRIES {
                let mut text = String::new();
                let _ = file.rewind().and_then(|()| file.read_to_string(&mut text));
                pid = text.trim().parse().ok();
                if pid.is_some() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            return Err(LockError::Busy(pid));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
    }
    // Ours now (a PID left by a dead run is overwritten). The PID is only
    // for the message: on a full disk the lock holds without it.
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| write!(file, "{}", std::process::id()))
        .and_then(|()| file.flush());
    Ok(OutdirLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_a_released_one_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock(dir.path()).ok().unwrap();
        match lock(dir.path()) {
            Err(LockError::Busy(pid)) => assert_eq!(pid, Some(std::process::id())),
            _ => panic!("second lock taken"),
        }
        drop(first);
        // a lock file left by a dead run: PID of nobody, no lock held
        let path = dir.path().join(STATE_DIR).join(LOCK_FILE);
        std::fs::write(&path, "999999999").unwrap();
        assert!(lock(dir.path()).is_ok());
        let pid = std::fs::read_to_string(&path).unwrap();
        assert_eq!(pid, std::process::id().to_string());
    }
}
