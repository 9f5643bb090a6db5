//! What `--resume` trusts: a stamp beside each output, and the output read
//! whole.
//!
//! Each output `OUTDIR/a/x.docx.json` gets a stamp
//! `OUTDIR/.kamsang/resume/a/x.docx.json`: one line of JSON with the kamsang
//! and schema versions, the parse options (encoding, `--arabic-digits`, every
//! limit), the input's sha256 and the output's sha256 and size. A later
//! `--resume` run keeps the output only when all of it matches the run's own
//! versions and options, the input's bytes, and the output file as it is now,
//! read whole and hashed: the same sha256 and size are the very bytes kamsang
//! wrote, so a whole and valid order (with `--jsonl` it is parsed too, for its
//! line). Anything else (other options, a newer kamsang, a truncated or
//! edited output, no stamp) is parsed again. Hashing instead of parsing keeps
//! resume fast: serde reading 2,400 outputs (543 MB) took 27 s, hashing them
//! about a second.
//!
//! Why a stamp and not a field in the JSON: the output must stay byte for
//! byte what `kamsang parse` prints (a promise of batch, and what the golden
//! tests check), and the 1.0 schema forbids unknown fields in `source`, so a
//! consumer validating against it would reject a document that carried one.
//! The stamp's name is the output's name, so it is a legal name whenever the
//! output's is. It is written after the output: a run killed between the two
//! leaves an output whose sha256 the old stamp does not match, parsed again.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use kamsang::DutyOrder;

/// The folder of stamps inside OUTDIR's state folder.
const RESUME_DIR: &str = "resume";

/// Everything an output depends on besides its input's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Recipe {
    /// The kamsang version that wrote the output.
    kamsang: String,
    /// The JSON model's version.
    schema_version: String,
    /// Forced encoding, or null when detected.
    encoding: Option<String>,
    arabic_digits: bool,
    max_file_bytes: u64,
    max_part_bytes: u64,
    max_ratio: u64,
    max_line_chars: usize,
    max_depth: usize,
    max_nodes: usize,
    /// One line of JSON (`--compact`) instead of pretty JSON; absent (false)
    /// in the stamps of runs before the flag, which wrote pretty JSON.
    #[serde(default)]
    pub(super) compact: bool,
    /// `--outline` when not `full` (issue 17); absent for `full`, so the
    /// stamps and archive recipes of full runs are the same as before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outline: Option<String>,
    /// `--ocr`, `--convert` and `--repair-pdf-text` (issue 16); absent in
    /// older stamps, whose runs read with the defaults.
    #[serde(default)]
    extraction: String,
}

impl Recipe {
    /// The recipe of a run with `options`, writing compact JSON or not.
    pub(crate) fn new(options: &kamsang::Options, compact: bool) -> Self {
        let l = &options.limits;
        Recipe {
            kamsang: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: kamsang::model::SCHEMA_VERSION.to_string(),
            encoding: options.encoding.map(|e| e.name().to_ascii_lowercase()),
            arabic_digits: options.arabic_digits,
            max_file_bytes: l.max_file_bytes,
            max_part_bytes: l.max_part_bytes,
            max_ratio: l.max_ratio,
            max_line_chars: l.max_line_chars,
            max_depth: l.depth(),
            max_nodes: l.max_nodes,
            compact,
            outline: None,
            extraction: format!(
                "ocr={:?} convert={:?} repair_pdf_text={}",
                options.ocr, options.convert, options.repair_pdf_text
            ),
        }
    }
}

impl Recipe {
    /// The same recipe writing the outline in `mode`.
    pub(crate) fn with_outline(mut self, mode: kamsang::json::OutlineMode) -> Self {
        self.outline = (mode != kamsang::json::OutlineMode::Full).then(|| mode.name().to_string());
        self
    }

    /// How much of the outline the outputs carry.
    pub(crate) fn outline(&self) -> kamsang::json::OutlineMode {
        self.outline
            .as_deref()
            .and_then(kamsang::json::OutlineMode::from_name)
            .unwrap_or_default()
    }
}

/// The stamp of one output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    #[serde(flatten)]
    recipe: Recipe,
    input_sha256: String,
    output_sha256: String,
    output_bytes: u64,
}

/// Where the stamp of the output `out` (relative to OUTDIR) lives.
pub(crate) fn stamp_path(outdir: &Path, out: &Path) -> PathBuf {
    super::lock::state_dir(outdir).join(RESUME_DIR).join(out)
}

/// Record that `json` (just written at the output `out`) came from an input
/// with `input_sha256` under `recipe`.
pub(crate) fn write_stamp(
    outdir: &Path,
    out: &Path,
    recipe: &Recipe,
    input_sha256: &str,
    json: &[u8],
) -> std::io::Result<()> {
    let stamp = Stamp {
        recipe: recipe.clone(),
        input_sha256: input_sha256.to_string(),
        output_sha256: crate::sha256_hex(json),
        output_bytes: json.len() as u64,
    };
    let mut line = serde_json::to_vec(&stamp).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let path = stamp_path(outdir, out);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    crate::output::atomic_write(&path, &line)
}

/// Remove the stamp of an output that is gone or no longer stands.
pub(crate) fn remove_stamp(outdir: &Path, out: &Path) {
    let _ = std::fs::remove_file(stamp_path(outdir, out));
}

/// Bytes of a stamp read at most: one line of a few hundred bytes.
const STAMP_MAX: u64 = 4096;

/// What [`current`] gives back for an output that stands.
pub(crate) enum Standing {
    /// It stands (its bytes were hashed, not parsed).
    Yes,
    /// It stands, and here it is parsed (asked for with `parsed`).
    Parsed(Box<DutyOrder>),
}

/// Whether the output at `OUTDIR/out` still stands for an input with
/// `input_sha256` and `input_mtime` under `recipe`: no older than the input,
/// stamped with the same recipe and input, and read whole with the stamped
/// sha256 and size — the bytes kamsang wrote, so a whole, valid order. With
/// `parsed` it is also parsed (for its JSON line) and must record the input's
/// sha256. `None` means: parse the input again.
pub(crate) fn current(
    outdir: &Path,
    out: &Path,
    recipe: &Recipe,
    input_sha256: &str,
    input_mtime: Option<std::time::SystemTime>,
    parsed: bool,
) -> Option<Standing> {
    let target = outdir.join(out);
    let meta = std::fs::metadata(&target).ok()?;
    if !(meta.is_file() && meta.modified().ok()? >= input_mtime?) {
        return None;
    }
    let mut text = Vec::new();
    std::fs::File::open(stamp_path(outdir, out))
        .ok()?
        .take(STAMP_MAX)
        .read_to_end(&mut text)
        .ok()?;
    let stamp: Stamp = serde_json::from_slice(&text).ok()?;
    if &stamp.recipe != recipe
        || stamp.input_sha256 != input_sha256
        || stamp.output_bytes != meta.len()
    {
        return None;
    }
    if parsed {
        // the line is needed: read it into memory (one output at a time)
        let bytes = std::fs::read(&target).ok()?;
        if bytes.len() as u64 != stamp.output_bytes
            || crate::sha256_hex(&bytes) != stamp.output_sha256
        {
            return None;
        }
        let order: DutyOrder = serde_json::from_slice(&bytes).ok()?;
        return (order.source.sha256 == input_sha256).then(|| Standing::Parsed(Box::new(order)));
    }
    // Hashed whole as it streams by: a cut or edited file does not match, and
    // memory holds 64 KiB of it, whatever its size.
    let file = std::fs::File::open(&target).ok()?;
    let (sha, bytes) = hash_all(file).ok()?;
    (sha == stamp.output_sha256 && bytes == stamp.output_bytes).then_some(Standing::Yes)
}

/// SHA-256 (hex) and size of everything `r` gives.
fn hash_all(mut r: impl Read) -> std::io::Result<(String, u64)> {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    let mut chunk = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = match r.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(chunk.get(..n).unwrap_or_default());
        total += n as u64;
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hex, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, Recipe, String, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let order = kamsang::parse_str("x.txt", "1. นายก ข\n1.1 งาน\n").unwrap();
        let mut json = serde_json::to_vec_pretty(&order).unwrap();
        json.push(b'\n');
        let recipe = Recipe::new(&kamsang::Options::default(), false);
        std::fs::write(dir.path().join("x.txt.json"), &json).unwrap();
        write_stamp(
            dir.path(),
            Path::new("x.txt.json"),
            &recipe,
            &order.source.sha256,
            &json,
        )
        .unwrap();
        (dir, recipe, order.source.sha256, json)
    }

    #[test]
    fn a_stamped_whole_output_stands_and_anything_else_does_not() {
        let (dir, recipe, sha, json) = setup();
        let out = Path::new("x.txt.json");
        let old = Some(std::time::SystemTime::UNIX_EPOCH);
        assert!(current(dir.path(), out, &recipe, &sha, old, false).is_some());
        assert!(current(dir.path(), out, &recipe, &sha, old, true).is_some());
        // other options, another input
        let mut options = kamsang::Options::default();
        options.limits.max_depth = 40;
        assert!(
            current(
                dir.path(),
                out,
                &Recipe::new(&options, false),
                &sha,
                old,
                false
            )
            .is_none()
        );
        options = kamsang::Options::default().with_arabic_digits(true);
        assert!(
            current(
                dir.path(),
                out,
                &Recipe::new(&options, false),
                &sha,
                old,
                false
            )
            .is_none()
        );
        assert!(current(dir.path(), out, &recipe, &"0".repeat(64), old, false).is_none());
        // an output edited in place, same size, still a valid order
        let mut edited = json.clone();
        assert_eq!(&edited[..3], b"{\n ");
        edited[2] = b'\t';
        assert!(serde_json::from_slice::<DutyOrder>(&edited).is_ok());
        std::fs::write(dir.path().join(out), &edited).unwrap();
        assert!(current(dir.path(), out, &recipe, &sha, old, false).is_none());
        assert!(current(dir.path(), out, &recipe, &sha, old, true).is_none());
        // cut
        std::fs::write(dir.path().join(out), &json[..json.len() / 2]).unwrap();
        assert!(current(dir.path(), out, &recipe, &sha, old, false).is_none());
        // whole again but the stamp is gone
        std::fs::write(dir.path().join(out), &json).unwrap();
        assert!(current(dir.path(), out, &recipe, &sha, old, false).is_some());
        remove_stamp(dir.path(), out);
        assert!(current(dir.path(), out, &recipe, &sha, old, false).is_none());
    }
}
