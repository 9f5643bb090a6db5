//! Walking the input trees: which files a batch takes, in a stable order, each
//! reached once.
//!
//! The walk is a depth-first iterator over sorted directory listings, so two runs
//! over the same tree see the files in the same order and memory holds only the
//! listings of the directories currently open (never the whole tree).
//!
//! Rules, chosen so that every file is accounted for exactly once:
//! - files that are not orders by their name ([`not_an_order`]: Office lock
//!   files `~$…`, `Thumbs.db`, `desktop.ini`, `.DS_Store`, AppleDouble `._…`)
//!   are counted as skipped by name, never read (a lock file of a .docx on a
//!   shared drive is not a broken order);
//! - other names starting with `.` (files and folders) are passed over and
//!   counted as hidden; a hidden folder is not entered;
//! - files with a taken extension ([`TAKEN`], any case) are parsed, other files are
//!   counted as skipped by extension;
//! - a symbolic link to a file is followed: it is read, unless its target is a file
//!   the walk reaches anyway (inside an input tree, on a path with no hidden
//!   folder), in which case it counts as a duplicate;
//! - a symbolic link to a folder is followed only when its target lies outside
//!   every input tree; a link back into a tree (including a loop) is not entered,
//!   because the walk reaches that folder directly. Folders outside the trees are
//!   remembered by their identity ([`identity`]: (device, inode) on Unix,
//!   (volume serial number, file index) on Windows), so loops out there end too;
//! - a file reached twice (a hard link, or a link into a folder entered through
//!   another link) is parsed once: identities are remembered only for
//!   files that can be reached twice (reached through a link, or with more than one
//!   hard link), so the set does not grow with the size of a plain tree;
//! - a dangling link or a pipe, socket or device with a taken extension is a
//!   failure with its reason, never a silent skip;
//! - nothing inside OUTDIR is read.

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::path::{Component, Path, PathBuf};

/// Extensions (lowercase) a walk takes: the formats kamsang reads, and the ones
/// it refuses with advice (so those are reported, not silently skipped).
/// Images (.png .jpg .tif) are not taken: an office archive holds photos
/// beside its orders, and OCR of every photo would cost minutes for nothing
/// (`kamsang parse SCAN.png` reads one; a scanned order is most often a PDF).
pub const TAKEN: &[&str] = &[
    "txt", "docx", "xlsx", "ods", "doc", "xls", "pdf", "odt", "rtf",
];

/// Files that are never orders, by their name: what an office machine and a
/// shared drive leave beside the documents. (prefix or whole name, compared
/// without case; what the summary calls them.)
const NOT_ORDERS: &[(NameRule, &str)] = &[
    // Word/Excel owner file while a document is open: `~$ชื่อไฟล์.docx`
    (NameRule::Prefix("~$"), "office lock file (~$…)"),
    // macOS resource fork on a FAT/SMB share: `._x.docx`
    (NameRule::Prefix("._"), "AppleDouble file (._…)"),
    // Windows Explorer thumbnail cache
    (NameRule::Whole("thumbs.db"), "Thumbs.db"),
    // Windows folder settings
    (NameRule::Whole("desktop.ini"), "desktop.ini"),
    // macOS Finder folder settings
    (NameRule::Whole(".ds_store"), ".DS_Store"),
];

/// How a [`NOT_ORDERS`] name is matched.
#[derive(Debug, Clone, Copy)]
enum NameRule {
    /// The name starts with this.
    Prefix(&'static str),
    /// The whole name, without case.
    Whole(&'static str),
}

/// What a file is by its name when it is never an order (see
/// [`NOT_ORDERS`]); `None` for any other name.
pub(crate) fn not_an_order(name: &OsStr) -> Option<&'static str> {
    let name = name.to_string_lossy().to_lowercase();
    NOT_ORDERS.iter().find_map(|(rule, what)| {
        let hit = match rule {
            NameRule::Prefix(p) => name.starts_with(p),
            NameRule::Whole(w) => name == *w,
        };
        hit.then_some(*what)
    })
}

/// Names a single-tree batch cannot mirror at the top of OUTDIR.
pub(crate) const RESERVED: &[&str] = &["summary.json", "failures.jsonl", super::lock::STATE_DIR];

/// One input given on the command line, resolved.
#[derive(Debug, Clone)]
pub(crate) struct Root {
    /// As typed (the parser gets paths built on it).
    pub given: PathBuf,
    /// Canonical path; `None` when it does not exist or cannot be resolved.
    pub canonical: Option<PathBuf>,
    /// Where its outputs go, relative to OUTDIR: "" for the only tree, the
    /// tree's name with several, `NAME.json` for a file given directly.
    pub out: PathBuf,
}

/// What the walk found at one path.
#[derive(Debug, Clone)]
pub enum Found {
    /// A file to parse, and its output path relative to OUTDIR.
    Take {
        /// The path as walked (input argument joined with the path under it).
        path: PathBuf,
        /// `a/b/x.docx.json`-style path under OUTDIR.
        out: PathBuf,
    },
    /// A file with an extension batch does not take.
    Skip {
        /// The path as walked.
        path: PathBuf,
        /// Its lowercase extension ("" when none).
        ext: String,
    },
    /// A file that is not an order by its name ([`not_an_order`]).
    NotAnOrder {
        /// The path as walked.
        path: PathBuf,
        /// What it is, as the summary counts it.
        name: &'static str,
        /// It came from stdin, where every path gets its output line.
        line: bool,
    },
    /// A file already reached by another path.
    Duplicate {
        /// The path as walked.
        path: PathBuf,
    },
    /// A hidden file or folder, not entered.
    Hidden {
        /// The path as walked.
        path: PathBuf,
    },
    /// A folder not entered because the walk reaches it another way (a link
    /// back into a tree, a loop, OUTDIR).
    RepeatedDir {
        /// The path as walked.
        path: PathBuf,
    },
    /// Something that should have been read and cannot be.
    Fail {
        /// The path as walked.
        path: PathBuf,
        /// Why, without the path.
        error: String,
    },
}

struct Frame {
    dir: PathBuf,
    out: PathBuf,
    names: std::vec::IntoIter<OsString>,
    via_link: bool,
    top_of_single: bool,
}

/// Depth-first walk over all roots, yielding every entry once.
pub(crate) struct Walker {
    roots: std::vec::IntoIter<Root>,
    /// Canonical paths of the input folders.
    trees: Vec<PathBuf>,
    /// Canonical OUTDIR, never read.
    exclude: Option<PathBuf>,
    single: bool,
    stack: Vec<Frame>,
    seen_files: HashSet<FileKey>,
    seen_dirs: HashSet<FileKey>,
}

impl Walker {
    pub(crate) fn new(roots: Vec<Root>, exclude: Option<PathBuf>) -> Self {
        let trees = roots
            .iter()
            .filter_map(|r| r.canonical.clone().filter(|c| c.is_dir()))
            .collect();
        let single = roots.len() == 1;
        Walker {
            roots: roots.into_iter(),
            trees,
            exclude,
            single,
            stack: Vec::new(),
            seen_files: HashSet::new(),
            seen_dirs: HashSet::new(),
        }
    }

    fn start(&mut self, root: Root) -> Option<Found> {
        let meta = match std::fs::metadata(&root.given) {
            Ok(m) => m,
            Err(e) => {
                return Some(Found::Fail {
                    path: root.given,
                    error: format!("cannot read: {}", crate::io_message(&e)),
                });
            }
        };
        if meta.is_dir() {
            match self.open(&root.given, root.out, false, self.single) {
                Ok(()) => None,
                Err(error) => Some(Found::Fail {
                    path: root.given,
                    error,
                }),
            }
        } else if meta.is_file() {
            if let Some(name) = root.given.file_name().and_then(not_an_order) {
                return Some(Found::NotAnOrder {
                    path: root.given,
                    name,
                    line: false,
                });
            }
            // A file named on the command line is parsed whatever its extension.
            if let Some((key, _)) = identity(&root.given, &meta) {
                self.seen_files.insert(key);
            }
            Some(Found::Take {
                path: root.given,
                out: root.out,
            })
        } else {
            Some(Found::Fail {
                path: root.given,
                error: "not a regular file (a pipe, socket or device): not read".to_string(),
            })
        }
    }

    /// Push a folder's sorted listing.
    fn open(
        &mut self,
        dir: &Path,
        out: PathBuf,
        via_link: bool,
        top_of_single: bool,
    ) -> Result<(), String> {
        let read = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read folder: {}", crate::io_message(&e)))?;
        let mut names = Vec::new();
        for entry in read {
            let entry =
                entry.map_err(|e| format!("cannot read folder: {}", crate::io_message(&e)))?;
            names.push(entry.file_name());
        }
        names.sort();
        self.stack.push(Frame {
            dir: dir.to_path_buf(),
            out,
            names: names.into_iter(),
            via_link,
            top_of_single,
        });
        Ok(())
    }

    /// Would the walk reach `canonical` directly (inside a tree, no hidden folder)?
    fn in_trees(&self, canonical: &Path) -> bool {
        self.trees.iter().any(|t| reaches(t, canonical))
    }

    fn excluded(&self, canonical: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|x| canonical.starts_with(x))
    }

    fn entry(
        &mut self,
        dir: PathBuf,
        out: PathBuf,
        name: OsString,
        frame_flags: (bool, bool),
    ) -> Option<Found> {
        let (via_link, top_of_single) = frame_flags;
        let path = dir.join(&name);
        if let Some(what) = not_an_order(&name)
            && !std::fs::metadata(&path).is_ok_and(|m| m.is_dir())
        {
            return Some(Found::NotAnOrder {
                path,
                name: what,
                line: false,
            });
        }
        if name.as_encoded_bytes().first() == Some(&b'.') {
            return Some(Found::Hidden { path });
        }
        let out = out.join(&name);
        let lmeta = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                return Some(Found::Fail {
                    path,
                    error: format!("cannot read: {}", crate::io_message(&e)),
                });
            }
        };
        if lmeta.file_type().is_symlink() {
            return self.link(path, out);
        }
        if lmeta.is_dir() {
            if via_link
                && identity(&path, &lmeta).is_some_and(|(key, _)| !self.seen_dirs.insert(key))
            {
                return Some(Found::RepeatedDir { path });
            }
            if top_of_single && RESERVED.iter().any(|r| name == OsStr::new(r)) {
                return Some(Found::Fail {
                    path,
                    error: "a folder with this name cannot be mirrored: OUTDIR keeps the batch's own file of that name there; rename the folder".to_string(),
                });
            }
            return match self.open(&path, out, via_link, false) {
                Ok(()) => None,
                Err(error) => Some(Found::Fail { path, error }),
            };
        }
        if lmeta.is_file() {
            if let Some((key, links)) = identity(&path, &lmeta)
                && (via_link || links > 1)
                && !self.seen_files.insert(key)
            {
                return Some(Found::Duplicate { path });
            }
            return Some(classify(path, out));
        }
        Some(special(path))
    }

    /// A symbolic link: follow it unless the walk reaches its target anyway.
    fn link(&mut self, path: PathBuf, out: PathBuf) -> Option<Found> {
        let (meta, canonical) = match std::fs::metadata(&path)
            .and_then(|m| std::fs::canonicalize(&path).map(|c| (m, c)))
        {
            Ok(x) => x,
            Err(e) => {
                return Some(if taken(&path) {
                    Found::Fail {
                        path,
                        error: format!(
                            "broken symbolic link: its target cannot be read ({})",
                            crate::io_message(&e)
                        ),
                    }
                } else {
                    Found::Skip {
                        ext: extension(&path),
                        path,
                    }
                });
            }
        };
        if meta.is_dir() {
            if self.excluded(&canonical)
                || self.in_trees(&canonical)
                || identity(&path, &meta).is_some_and(|(key, _)| !self.seen_dirs.insert(key))
            {
                return Some(Found::RepeatedDir { path });
            }
            return match self.open(&path, out, true, false) {
                Ok(()) => None,
                Err(error) => Some(Found::Fail { path, error }),
            };
        }
        if meta.is_file() {
            if self.excluded(&canonical) {
                return Some(Found::Skip {
                    ext: extension(&path),
                    path,
                });
            }
            if self.in_trees(&canonical)
                || identity(&path, &meta).is_some_and(|(key, _)| !self.seen_files.insert(key))
            {
                return Some(Found::Duplicate { path });
            }
            return Some(classify(path, out));
        }
        Some(special(path))
    }
}

impl Iterator for Walker {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let next = match self.stack.last_mut() {
                Some(frame) => match frame.names.next() {
                    Some(name) => Some((
                        frame.dir.clone(),
                        frame.out.clone(),
                        name,
                        (frame.via_link, frame.top_of_single),
                    )),
                    None => None,
                },
                None => match self.roots.next() {
                    Some(root) => {
                        if let Some(found) = self.start(root) {
                            return Some(found);
                        }
                        continue;
                    }
                    None => return None,
                },
            };
            match next {
                Some((dir, out, name, flags)) => {
                    if let Some(found) = self.entry(dir, out, name, flags) {
                        return Some(found);
                    }
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

/// Which file or folder a path is, whatever the name it is reached by.
type FileKey = (u64, u64);

/// The identity of `path` (whose metadata is `meta`, taken through the same
/// link or not) and its number of hard links: (device, inode) on Unix, from
/// the metadata at hand.
#[cfg(unix)]
fn identity(_path: &Path, meta: &std::fs::Metadata) -> Option<(FileKey, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some(((meta.dev(), meta.ino()), meta.nlink()))
}

/// The identity of `path` and its number of hard links: (volume serial number,
/// file index) on Windows, which the metadata does not carry on stable Rust,
/// so the file is opened (following a link, as `meta` was taken). `None` when it
/// cannot be opened: the file is then never taken for a duplicate, and its
/// read reports the error.
#[cfg(windows)]
fn identity(path: &Path, _meta: &std::fs::Metadata) -> Option<(FileKey, u64)> {
    let handle = winapi_util::Handle::from_path_any(path).ok()?;
    let info = winapi_util::file::information(&handle).ok()?;
    Some((
        (info.volume_serial_number(), info.file_index()),
        info.number_of_links(),
    ))
}

/// Elsewhere no identity is known: no file is taken for a duplicate.
#[cfg(not(any(unix, windows)))]
fn identity(_path: &Path, _meta: &std::fs::Metadata) -> Option<(FileKey, u64)> {
    None
}

/// Does a walk of `tree` reach `path` (both canonical)? Yes when `path` is
/// `tree` or under it with no hidden folder on the way.
pub(crate) fn reaches(tree: &Path, path: &Path) -> bool {
    match path.strip_prefix(tree) {
        Ok(rest) => !rest
            .components()
            .any(|c| c.as_os_str().as_encoded_bytes().first() == Some(&b'.')),
        Err(_) => false,
    }
}

/// The lowercase extension of `path` ("" when none).
pub(crate) fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn taken(path: &Path) -> bool {
    TAKEN.contains(&extension(path).as_str())
}

fn classify(path: PathBuf, out: PathBuf) -> Found {
    if taken(&path) {
        let mut out = out.into_os_string();
        out.push(".json");
        Found::Take {
            path,
            out: PathBuf::from(out),
        }
    } else {
        Found::Skip {
            ext: extension(&path),
            path,
        }
    }
}

/// A pipe, socket or device: never opened (a pipe would block the batch).
fn special(path: PathBuf) -> Found {
    if taken(&path) {
        Found::Fail {
            path,
            error: "not a regular file (a pipe, socket or device): not read".to_string(),
        }
    } else {
        Found::Skip {
            ext: extension(&path),
            path,
        }
    }
}

/// `path` made absolute with every existing part resolved (links, `..`); the
/// part that does not exist yet is appended as written, `..` applied lexically.
pub(crate) fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut tail: Vec<OsString> = Vec::new();
    let mut head = absolute.as_path();
    let mut base = loop {
        if let Ok(c) = std::fs::canonicalize(head) {
            break c;
        }
        match (head.parent(), head.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_os_string());
                head = parent;
            }
            // `..` as the last component, or the root itself: resolve lexically.
            (Some(parent), None) => {
                tail.push(OsString::from(".."));
                head = parent;
            }
            (None, _) => break PathBuf::from("/"),
        }
    };
    for part in tail.iter().rev() {
        match Path::new(part).components().next() {
            Some(Component::ParentDir) => {
                base.pop();
            }
            Some(Component::CurDir) | None => {}
            Some(_) => base.push(part),
        }
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn resolve_follows_what_exists_and_applies_dotdot_to_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(real.join("a")).unwrap();
        std::os::unix::fs::symlink(real.join("a"), real.join("link")).unwrap();
        assert_eq!(
            resolve(&real.join("link/new/x")).unwrap(),
            real.join("a/new/x")
        );
        assert_eq!(
            resolve(&real.join("link/new/../y")).unwrap(),
            real.join("a/y")
        );
        assert_eq!(resolve(&real.join("a/..")).unwrap(), real);
    }

    #[test]
    fn files_that_are_not_orders_are_known_by_name() {
        let what = |n: &str| not_an_order(OsStr::new(n));
        assert_eq!(what("~$คำสั่ง.docx"), Some("office lock file (~$…)"));
        assert_eq!(what("THUMBS.DB"), Some("Thumbs.db"));
        assert_eq!(what("Desktop.ini"), Some("desktop.ini"));
        assert_eq!(what(".DS_Store"), Some(".DS_Store"));
        assert_eq!(what("._order.docx"), Some("AppleDouble file (._…)"));
        assert_eq!(what("order~$.docx"), None);
        assert_eq!(what("thumbs.db.txt"), None);
        assert_eq!(what(".hidden.txt"), None);
    }

    #[test]
    fn a_hidden_folder_on_the_way_is_not_reached() {
        let t = Path::new("/data/archive");
        assert!(reaches(t, Path::new("/data/archive")));
        assert!(reaches(t, Path::new("/data/archive/2566/x.txt")));
        assert!(!reaches(t, Path::new("/data/archive/.json/x.txt")));
        assert!(!reaches(t, Path::new("/data/archive-2")));
        assert!(!reaches(t, Path::new("/data")));
    }
}
