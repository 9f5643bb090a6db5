//! Plain-text reader: UTF-8 with or without BOM; CR, LF or CRLF line ends.
//!
//! Other encodings (TIS-620 / Windows-874, UTF-16) plug in here later; until
//! then they are refused with a clear error, never silently mangled.

use super::{Format, Line, Source, sha256_hex};
use crate::error::{Error, ErrorKind, Result};

/// Read a text file's bytes into lines.
pub fn read(path: &str, bytes: &[u8]) -> Result<Source> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::new(
            path,
            ErrorKind::Encoding("UTF-16 text is not read yet; save it as UTF-8".to_string()),
        ));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => {
            let line = 1 + body[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            return Err(Error::new(
                path,
                ErrorKind::Encoding(format!(
                    "invalid UTF-8 at byte {} (TIS-620/Windows-874 is not read yet)",
                    e.valid_up_to() + bytes.len() - body.len()
                )),
            )
            .at_line(u32::try_from(line).unwrap_or(u32::MAX)));
        }
    };
    if bytes.contains(&0) {
        return Err(Error::new(
            path,
            ErrorKind::Encoding("contains NUL bytes: binary data, not text".to_string()),
        ));
    }
    let lines = split_lines(text);
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    Ok(Source {
        path: path.to_string(),
        format: Format::Txt,
        encoding: Some("utf-8".to_string()),
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines,
    })
}

/// Split on CRLF, LF or a lone CR; number lines from 1; measure indentation.
pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut n: u32 = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let (line, tail) = match rest.find(['\n', '\r']) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], &rest[i + skip..])
            }
            None => (rest, ""),
        };
        n = n.saturating_add(1);
        lines.push(Line {
            text: line.to_string(),
            indent: indent_of(line),
            trailing: trailing_of(line),
            line: n,
        });
        rest = tail;
    }
    lines
}

/// Trailing whitespace in characters.
fn trailing_of(line: &str) -> usize {
    line.chars()
        .rev()
        .take_while(|&c| crate::thai::normalize::is_space_like(c))
        .count()
}

/// Leading whitespace in characters; a tab counts 4.
fn indent_of(line: &str) -> usize {
    let mut w = 0;
    for c in line.chars() {
        match c {
            '\t' => w += 4,
            c if crate::thai::normalize::is_space_like(c) => w += 1,
            _ => break,
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_numbers() {
        let l = split_lines("a\r\nb\rc\n\n  d ");
        assert_eq!(l[4].trailing, 1);
        let t: Vec<_> = l
            .iter()
            .map(|l| (l.text.as_str(), l.line, l.indent))
            .collect();
        assert_eq!(
            t,
            vec![
                ("a", 1, 0),
                ("b", 2, 0),
                ("c", 3, 0),
                ("", 4, 0),
                ("  d ", 5, 2)
            ]
        );
    }

    #[test]
    fn bom_stripped_and_invalid_utf8_located() {
        let s = read("x.txt", b"\xEF\xBB\xBFabc\n").map(|s| s.lines[0].text.clone());
        assert_eq!(s.as_deref(), Ok("abc"));
        let e = read("x.txt", b"ok\nok\n\xFF").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some(
                "x.txt: not readable text: invalid UTF-8 at byte 6 (TIS-620/Windows-874 is not read yet) (line 3)"
            )
        );
        assert_eq!(
            read("e.txt", b"  \n\n").err().map(|e| e.kind().clone()),
            Some(ErrorKind::Empty)
        );
    }
}
