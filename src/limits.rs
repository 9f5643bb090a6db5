//! Safety limits: how big, how compressed, how long and how deep an input may
//! be before kamsang refuses it (or, for depth, stops nesting).
//!
//! An archive holds everything — zip bombs, 200 MB text dumps, labels 5,000
//! levels deep — and the promise is that one file never crashes, hangs or eats
//! the machine. Every limit has a default sized far above any real order and a
//! CLI flag to raise it; the message of a file that hits one names the limit
//! and the flag, so the user can decide.

use crate::error::{Error, ErrorKind};

/// Deepest outline the builder will nest, whatever [`Limits::max_depth`] says:
/// the order and serialisation stages recurse once per level, and this keeps
/// them far from the end of even a 2 MiB thread stack.
pub const MAX_DEPTH_CEILING: usize = 256;

/// Every limit on one input. `Limits::default()` is what the CLI uses when no
/// flag is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file, in bytes (default 256 MiB; `--max-file-size`).
    /// Checked before the file is read, so a huge file costs no memory.
    pub max_file_bytes: u64,
    /// Largest inflated size of one part of a .docx/.xlsx/.ods, in bytes
    /// (default 64 MiB; `--max-part-size`).
    pub max_part_bytes: u64,
    /// Largest ratio of inflated to compressed size of a part above 1 MiB
    /// (default 200; XML compresses about 10–30×; `--max-ratio`).
    pub max_ratio: u64,
    /// Longest line (paragraph, table row) in characters (default 100,000:
    /// about 30 pages of Thai text on one line; `--max-line-length`).
    pub max_line_chars: usize,
    /// Deepest nesting of numbered items (default 32; `--max-depth`, at most
    /// [`MAX_DEPTH_CEILING`]). Deeper items are kept as text of the deepest
    /// allowed item, with one diagnostic.
    pub max_depth: usize,
    /// Most outline nodes (items, paragraphs, names) in one input (default
    /// 1,000,000; `--max-nodes`). Memory grows by about 1 KB a node (node,
    /// model, diagnostics), so this bounds a file of many tiny items (a
    /// 256 MiB file of `ก. งาน` lines would otherwise need some 20 GB); a
    /// 200 MB real order has about 900,000.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * MIB,
            max_part_bytes: 64 * MIB,
            max_ratio: 200,
            max_line_chars: 100_000,
            max_depth: 32,
            max_nodes: 1_000_000,
        }
    }
}

/// Spreadsheet cells allowed per outline node of [`Limits::max_nodes`]: a
/// sheet is held as a dense grid (rows × used columns) while its table is
/// found, by calamine and then by the reader, at some 100 bytes a cell in all;
/// twice `--max-nodes` (2,000,000 cells by default, about 200 MB) is far above
/// any duty table (a 5,000-row, 20-column sheet is 100,000) and far below
/// what a hostile file asks for (one cell at XFD1048576: 17 billion).
pub const SHEET_CELLS_PER_NODE: usize = 2;

/// Numbering definitions (`w:abstractNum`, `w:num`, `w:lvl`) allowed per
/// outline node of [`Limits::max_nodes`] in one `word/numbering.xml`: each
/// costs about as much as a node, and a real document has a few hundred.
pub const NUMBERING_DEFINITIONS_PER_NODE: usize = 1;

/// Characters of label text (rendered Word numbering) allowed in one .docx
/// per character of [`Limits::max_line_chars`]: 100 lines' worth of labels
/// that are each as long as the longest line allowed.
pub const LABEL_CHARS_PER_LINE_CHAR: usize = 100;

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;
const GIB: u64 = 1024 * MIB;

impl Limits {
    /// The outline depth actually used: [`Limits::max_depth`], at least 1 and
    /// at most [`MAX_DEPTH_CEILING`].
    pub fn depth(&self) -> usize {
        self.max_depth.clamp(1, MAX_DEPTH_CEILING)
    }

    /// The error for an input of `size` bytes past [`Limits::max_file_bytes`];
    /// `None` when the input is a stream cut at the limit (its size unknown).
    pub(crate) fn file_too_big(&self, path: &str, size: Option<u64>) -> Error {
        let what = match size {
            Some(size) => format!(
                "input is {}, past the limit of {}",
                show_size(size),
                show_size(self.max_file_bytes)
            ),
            None => format!(
                "input is larger than {}, the limit",
                show_size(self.max_file_bytes)
            ),
        };
        Error::new(
            path,
            ErrorKind::Limit(format!(
                "{what} for one file (raise it with --max-file-size)"
            )),
        )
    }

    /// The error for a line of `chars` characters past [`Limits::max_line_chars`].
    pub(crate) fn line_too_long(&self, path: &str, line: u32, chars: usize) -> Error {
        Error::new(
            path,
            ErrorKind::Limit(format!(
                "a line of {chars} characters, past the limit of {} (raise it with --max-line-length)",
                self.max_line_chars
            )),
        )
        .at_line(line)
    }

    /// The error for an outline past [`Limits::max_nodes`].
    pub(crate) fn too_many_nodes(&self, path: &str, line: u32) -> Error {
        Error::new(
            path,
            ErrorKind::Limit(format!(
                "more than {} outline items and paragraphs (raise it with --max-nodes)",
                self.max_nodes
            )),
        )
        .at_line(line)
    }
}

impl Limits {
    /// Most cells (rows × used columns) of one sheet: `SHEET_CELLS_PER_NODE`
    /// × [`Limits::max_nodes`].
    pub(crate) fn max_sheet_cells(&self) -> u64 {
        u64::try_from(self.max_nodes.saturating_mul(SHEET_CELLS_PER_NODE)).unwrap_or(u64::MAX)
    }

    /// The error for a sheet that would expand to `cells` cells.
    pub(crate) fn too_many_cells(&self, path: &str, sheet: &str, cells: u64) -> Error {
        Error::new(
            path,
            ErrorKind::Limit(format!(
                "sheet {sheet:?} spans {cells} cells (rows × columns, repeats counted), past the limit of {}, {SHEET_CELLS_PER_NODE} per outline node (raise it with --max-nodes)",
                self.max_sheet_cells()
            )),
        )
    }

    /// The error for cells or labels that expand past
    /// [`Limits::max_part_bytes`] of text in all (one shared string used by
    /// many cells, repeated cells).
    pub(crate) fn text_too_big(&self, path: &str, what: &str) -> Error {
        Error::new(
            path,
            ErrorKind::Limit(format!(
                "{what} expand to more than {} of text, the limit for one part (raise it with --max-part-size)",
                show_size(self.max_part_bytes)
            )),
        )
    }

    /// Most numbering definitions in one `word/numbering.xml`.
    pub(crate) fn max_numbering_definitions(&self) -> usize {
        self.max_nodes
            .saturating_mul(NUMBERING_DEFINITIONS_PER_NODE)
    }

    /// The error for a numbering part with too many definitions.
    pub(crate) fn too_many_numbering_definitions(&self, path: &str) -> Error {
        Error::new(
            path,
            ErrorKind::Limit(format!(
                "word/numbering.xml has more than {} numbering definitions (abstractNum, num, lvl), past the limit of {NUMBERING_DEFINITIONS_PER_NODE} per outline node (raise it with --max-nodes)",
                self.max_numbering_definitions()
            )),
        )
    }

    /// Most characters of rendered numbering labels in one document.
    pub(crate) fn max_label_chars(&self) -> usize {
        self.max_line_chars
            .saturating_mul(LABEL_CHARS_PER_LINE_CHAR)
    }

    /// The error for numbering labels past [`Limits::max_label_chars`] in all.
    pub(crate) fn labels_too_long(&self, path: &str, line: u32) -> Error {
        Error::new(
            path,
            ErrorKind::Limit(format!(
                "the numbering labels render to more than {} characters, {LABEL_CHARS_PER_LINE_CHAR} times the line limit (raise it with --max-line-length)",
                self.max_label_chars()
            )),
        )
        .at_line(line)
    }
}

/// A size for people: whole KiB/MiB/GiB when exact, bytes otherwise.
pub(crate) fn show_size(bytes: u64) -> String {
    for (unit, name) in [(GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")] {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", bytes / unit);
        }
    }
    if bytes >= MIB {
        // not a whole number of MiB: one decimal is enough to compare with a limit
        return format!("{:.1} MiB ({bytes} bytes)", bytes as f64 / MIB as f64);
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_show_in_whole_units_when_exact() {
        assert_eq!(show_size(256 * 1024 * 1024), "256 MiB");
        assert_eq!(show_size(2048), "2 KiB");
        assert_eq!(show_size(1000), "1000 bytes");
        assert_eq!(
            show_size(300 * 1024 * 1024 + 1),
            "300.0 MiB (314572801 bytes)"
        );
    }

    #[test]
    fn depth_is_clamped() {
        let mut l = Limits::default();
        assert_eq!(l.depth(), 32);
        l.max_depth = 0;
        assert_eq!(l.depth(), 1);
        l.max_depth = 1_000_000;
        assert_eq!(l.depth(), MAX_DEPTH_CEILING);
    }
}
