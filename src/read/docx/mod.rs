//! Word .docx reader (zip + quick-xml): body paragraphs with Word's automatic
//! numbering rendered into the label.

use super::Source;
use super::container::Container;
use crate::error::{Error, ErrorKind, Result};

/// Read a .docx container into lines (one per paragraph or table row).
pub fn read(path: &str, _bytes: &[u8], _container: Container<'_>) -> Result<Source> {
    Err(Error::new(
        path,
        ErrorKind::Unsupported(".docx is not read yet".to_string()),
    ))
}
