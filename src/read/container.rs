//! Safe reading of zip containers (.docx, .xlsx, .ods): every part is inflated
//! through a cap on its size and on its compression ratio, so a zip bomb is an
//! error and not an out-of-memory; a truncated or corrupt zip is an error with
//! the path, never a panic.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::error::{Error, ErrorKind, Result};

/// The limits a container is read under (part size and ratio are the ones
/// used here); kept under this name for callers of the first releases.
pub use crate::limits::Limits;

/// Parts up to this size are never refused for their ratio: a small XML
/// part of repeated markup may well compress 500×.
const RATIO_FREE: u64 = 1024 * 1024;

/// What kind of container a zip is, from the parts it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Word document (`word/document.xml`).
    Docx,
    /// Excel workbook (`xl/workbook.xml`).
    Xlsx,
    /// OpenDocument spreadsheet (`mimetype` = `application/vnd.oasis.opendocument.spreadsheet`).
    Ods,
    /// OpenDocument text (`mimetype` = `application/vnd.oasis.opendocument.text`).
    Odt,
    /// Any other zip.
    Other,
}

/// An open zip container.
pub struct Container<'a> {
    path: &'a str,
    archive: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
}

impl<'a> Container<'a> {
    /// Open the zip in `bytes`; an error names what is wrong with it.
    pub fn open(path: &'a str, bytes: &'a [u8], limits: Limits) -> Result<Self> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            Error::new(
                path,
                ErrorKind::Corrupt(format!(
                    "not a readable zip container ({e}); the file may be truncated"
                )),
            )
        })?;
        // two parts of one name: which one Word, LibreOffice or calamine reads
        // differs, so the document is ambiguous (and may hide a second text)
        if archive.has_duplicate_names() {
            return Err(Error::new(
                path,
                ErrorKind::Corrupt(
                    "the zip container holds two parts of the same name (which one is the document is ambiguous): refused"
                        .to_string(),
                ),
            ));
        }
        Ok(Container {
            path,
            archive,
            limits,
        })
    }

    /// The limits the container is read under.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Which kind of Office file this is.
    pub fn kind(&mut self) -> Kind {
        if self.has("word/document.xml") {
            Kind::Docx
        } else if self.has("xl/workbook.xml") {
            Kind::Xlsx
        } else if self
            .part("mimetype")
            .ok()
            .flatten()
            .is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"))
        {
            Kind::Ods
        } else if self.part("mimetype").ok().flatten().is_some_and(|m| {
            m.strip_prefix(b"application/vnd.oasis.opendocument.text")
                .is_some_and(|rest| rest.iter().all(u8::is_ascii_whitespace))
        }) {
            Kind::Odt
        } else {
            Kind::Other
        }
    }

    /// Whether a part exists.
    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The inflated bytes of a part, `None` when it does not exist. Errors when
    /// the part is damaged or passes the limits.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let mut out = Vec::new();
        self.inflate(index, &mut out)?;
        Ok(Some(out))
    }

    /// Inflate every part whose name passes `wanted` (into nothing), so that a
    /// reader that inflates parts itself (calamine) meets only parts known to be
    /// within the limits.
    pub fn check_parts(&mut self, wanted: impl Fn(&str) -> bool) -> Result<()> {
        for index in 0..self.archive.len() {
            let name = self.part_name(index);
            if wanted(&name) {
                self.inflate(index, &mut std::io::sink())?;
            }
        }
        Ok(())
    }

    /// The name of part `index` ("?" when the zip cannot say).
    fn part_name(&self, index: usize) -> String {
        match self.archive.name_for_index(index) {
            Some(Ok(n)) => n.into_owned(),
            _ => "?".to_string(),
        }
    }

    /// Inflate part `index` into `out` through the size and ratio caps.
    fn inflate(&mut self, index: usize, out: &mut impl std::io::Write) -> Result<u64> {
        let path = self.path;
        let limits = self.limits;
        let name = self.part_name(index);
        let corrupt = |e: &dyn std::fmt::Display| {
            Error::new(
                path,
                ErrorKind::Corrupt(format!("damaged part {name} in the zip container ({e})")),
            )
        };
        let mut file = self.archive.by_index(index).map_err(|e| corrupt(&e))?;
        let compressed = file.compressed_size().max(1);
        if file.size() > limits.max_part_bytes {
            return Err(too_big(path, &name, limits));
        }
        // The declared size may lie: inflate through both caps, stopping one
        // byte past the smaller, so a bomb never costs more than the cap.
        let ratio_cap = compressed.saturating_mul(limits.max_ratio).max(RATIO_FREE);
        let cap = limits.max_part_bytes.min(ratio_cap);
        let mut limited = (&mut file).take(cap.saturating_add(1));
        let size = std::io::copy(&mut limited, out).map_err(|e| corrupt(&e))?;
        if size > limits.max_part_bytes {
            return Err(too_big(path, &name, limits));
        }
        if size > ratio_cap {
            return Err(Error::new(
                path,
                ErrorKind::Limit(format!(
                    "part {name} inflates more than {}× its compressed size, the limit (raise it with --max-ratio): refused as a likely zip bomb",
                    limits.max_ratio
                )),
            ));
        }
        Ok(size)
    }
}

fn too_big(path: &str, name: &str, limits: Limits) -> Error {
    Error::new(
        path,
        ErrorKind::Limit(format!(
            "part {name} inflates past {}, the limit for one part (raise it with --max-part-size): refused as a likely zip bomb",
            crate::limits::show_size(limits.max_part_bytes)
        )),
    )
}

/// True for the first bytes of a zip file.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}
