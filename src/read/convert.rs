//! Legacy office files (.doc, .odt, .rtf, .xls) converted by LibreOffice
//! (`soffice --headless --convert-to`) in a temporary directory, then read as
//! the .docx or .xlsx it writes. The source keeps the original's format,
//! size and SHA-256; a diagnostic says the text went through a conversion.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::time::Duration;

use super::engine::{self, Bounds, Workdir};
use super::{Format, Source, sha256_hex};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, ErrorKind, Result};

/// Longest one conversion may take: LibreOffice starts in 3–8 s here (its
/// profile made afresh each time, so parallel runs never share one) and
/// converts an order in under a second more.
const CONVERT_TIMEOUT: Duration = Duration::from_secs(180);

/// A file LibreOffice converts, by what its bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Legacy {
    /// Word 97–2003 (an OLE compound file).
    Doc,
    /// OpenDocument text.
    Odt,
    /// Rich Text Format.
    Rtf,
    /// Excel 97–2003 (an OLE compound file named .xls).
    Xls,
}

impl Legacy {
    fn ext(self) -> &'static str {
        match self {
            Legacy::Doc => "doc",
            Legacy::Odt => "odt",
            Legacy::Rtf => "rtf",
            Legacy::Xls => "xls",
        }
    }

    fn format(self) -> Format {
        match self {
            Legacy::Doc => Format::Doc,
            Legacy::Odt => Format::Odt,
            Legacy::Rtf => Format::Rtf,
            Legacy::Xls => Format::Xls,
        }
    }

    /// LibreOffice's import filter for it: named, so that a damaged file is
    /// refused instead of read as plain text (LibreOffice's fallback for
    /// bytes no filter claims).
    fn filter(self) -> &'static str {
        match self {
            Legacy::Doc => "--infilter=MS Word 97",
            Legacy::Odt => "--infilter=writer8",
            Legacy::Rtf => "--infilter=Rich Text Format",
            Legacy::Xls => "--infilter=MS Excel 97",
        }
    }

    /// What LibreOffice writes it as.
    fn target(self) -> &'static str {
        match self {
            Legacy::Xls => "xlsx",
            _ => "docx",
        }
    }
}

/// OLE compound files: Word 97–2003, Excel 97–2003, PowerPoint.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The legacy file `bytes` are, by their first bytes (an OLE file by the
/// extension: .xls is a workbook, .ppt is refused by the caller, anything
/// else a Word document).
pub(crate) fn legacy_kind(bytes: &[u8], ext: &str) -> Option<Legacy> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Some(if ext == "xls" {
            Legacy::Xls
        } else {
            Legacy::Doc
        });
    }
    bytes.starts_with(b"{\\rtf").then_some(Legacy::Rtf)
}

/// A `file://` URL for a local directory, as LibreOffice's
/// `-env:UserInstallation` takes it.
fn file_url(dir: &Path) -> OsString {
    let s = dir.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if s.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for c in s.chars() {
        match c {
            ' ' => url.push_str("%20"),
            '%' => url.push_str("%25"),
            '#' => url.push_str("%23"),
            c => url.push(c),
        }
    }
    OsString::from(url)
}

/// Read a legacy file through LibreOffice, as `options.convert` allows.
pub(crate) fn read(
    path: &str,
    bytes: &[u8],
    kind: Legacy,
    options: &crate::Options,
) -> Result<Source> {
    let ext = kind.ext();
    let target = kind.target();
    if options.convert == crate::ConvertMode::Never {
        return Err(Error::new(
            path,
            ErrorKind::Unsupported(format!(
                "a .{ext} file is read only through LibreOffice, and --convert never was given; convert it with `soffice --headless --convert-to {target} FILE`"
            )),
        ));
    }
    let work = Workdir::new(path)?;
    let input = work.write(path, &format!("in.{ext}"), bytes)?;
    let mut profile = OsString::from("-env:UserInstallation=");
    profile.push(file_url(&work.join("profile")));
    let out_dir = work.join("out");
    let args = [
        profile.as_os_str(),
        OsStr::new("--headless"),
        OsStr::new("--norestore"),
        OsStr::new("--nolockcheck"),
        OsStr::new(kind.filter()),
        OsStr::new("--convert-to"),
        OsStr::new(target),
        OsStr::new("--outdir"),
        out_dir.as_os_str(),
        input.as_os_str(),
    ];
    engine::run(
        path,
        &engine::SOFFICE,
        &args,
        &[],
        work.path(),
        Bounds::new(&options.limits, CONVERT_TIMEOUT),
    )?;
    let converted = out_dir.join(format!("in.{target}"));
    if !converted.is_file() {
        return Err(Error::new(
            path,
            ErrorKind::Corrupt(format!(
                "LibreOffice (soffice) could not convert this .{ext} file (it may be damaged or not a .{ext})"
            )),
        ));
    }
    let office = engine::read_output_file(
        path,
        &converted,
        options.limits.max_file_bytes,
        &format!("the converted .{target}"),
    )?;
    drop(work);
    let mut source = match kind {
        Legacy::Xls => super::sheet::read(path, &office, Format::Xlsx, options.limits)?,
        _ => {
            let container = super::container::Container::open(path, &office, options.limits)?;
            super::docx::read(path, &office, container)?
        }
    };
    source.format = kind.format();
    source.sha256 = sha256_hex(bytes);
    source.bytes = bytes.len() as u64;
    source.diagnostics.insert(
        0,
        Diagnostic::new(
            Code::FormatConverted,
            1,
            format!("converted from .{ext} to .{target} by LibreOffice before reading"),
        ),
    );
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_files_are_known_by_their_bytes() {
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend_from_slice(b"....");
        assert_eq!(legacy_kind(&ole, "doc"), Some(Legacy::Doc));
        assert_eq!(legacy_kind(&ole, ""), Some(Legacy::Doc));
        assert_eq!(legacy_kind(&ole, "xls"), Some(Legacy::Xls));
        assert_eq!(legacy_kind(b"{\\rtf1\\ansi", "txt"), Some(Legacy::Rtf));
        assert_eq!(legacy_kind(b"plain", "doc"), None);
    }

    #[test]
    fn profile_urls_are_file_urls() {
        assert_eq!(
            file_url(Path::new("/tmp/kamsang-x/profile")),
            OsString::from("file:///tmp/kamsang-x/profile")
        );
        assert_eq!(
            file_url(Path::new("C:\\Users\\A B\\Temp\\p")),
            OsString::from("file:///C:/Users/A%20B/Temp/p")
        );
    }
}
