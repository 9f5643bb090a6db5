//! Small helpers over quick-xml for the Office parts: UTF-8 check, DOCTYPE
//! refusal (no entity expansion), element and attribute names without prefix.

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::error::{Error, ErrorKind, Result};

/// Deepest element nesting accepted in a part.
pub const MAX_DEPTH: usize = 4096;

/// A reader over a part's XML text.
pub fn open_reader<'a>(path: &str, part: &str, bytes: &'a [u8]) -> Result<Reader<&'a [u8]>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::new(
            path,
            ErrorKind::Corrupt(format!("{part} is not UTF-8 XML ({e})")),
        )
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    Ok(reader)
}

/// The next event; a DOCTYPE (the door to entity-expansion bombs) and
/// malformed XML are errors naming the part.
pub fn next<'a>(path: &str, part: &str, reader: &mut Reader<&'a [u8]>) -> Result<Event<'a>> {
    match reader.read_event() {
        Ok(Event::DocType(_)) => Err(Error::new(
            path,
            ErrorKind::Limit(format!(
                "{part} declares a DOCTYPE: refused (entity expansion)"
            )),
        )),
        Ok(e) => Ok(e),
        Err(e) => Err(Error::new(
            path,
            ErrorKind::Corrupt(format!(
                "{part} is damaged XML at byte {} ({e})",
                reader.error_position()
            )),
        )),
    }
}

/// Element name without namespace prefix (`w:p` → `p`).
pub fn local<'b>(e: &'b BytesStart<'_>) -> &'b str {
    let name = e.name().into_inner();
    name.rsplit(':').next().unwrap_or(name)
}

/// Value of the attribute with this local name (`w:val` → `val`), unescaped.
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.into_inner();
        let local = key.rsplit(':').next().unwrap_or(key);
        (local == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.clone().into_owned())
        })
    })
}

/// A character or one of XML's five predefined entities.
pub fn resolve_ref(r: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.xml10_content().as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}
