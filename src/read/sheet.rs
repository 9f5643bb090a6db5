//! Spreadsheet reader (.xlsx, .ods via calamine): one row per person or duty.

use super::{Format, Source};
use crate::error::{Error, ErrorKind, Result};

/// Read a spreadsheet into lines.
pub fn read(path: &str, _bytes: &[u8], format: Format) -> Result<Source> {
    Err(Error::new(
        path,
        ErrorKind::Unsupported(format!(".{} is not read yet", format.as_str())),
    ))
}
