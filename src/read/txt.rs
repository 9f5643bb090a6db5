//! Plain-text reader: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
//! TIS-620 / Windows-874 detected when the bytes are not UTF-8 but look like
//! Thai single-byte text; or the encoding the user forces. CR, LF or CRLF line
//! ends. Decoding is done by encoding_rs.
//!
//! Bytes that cannot be decoded become U+FFFD in the text and an error
//! diagnostic on their line: never silent loss.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_874};

use super::{Format, Line, Source, sha256_hex};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, ErrorKind, Result};

/// Read a text file's bytes into lines, detecting the encoding unless `forced`.
pub fn read(path: &str, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Source> {
    let (text, encoding) = match forced {
        Some(enc) => (decode(enc, bytes), encoding_name(enc, bytes)),
        None => detect_and_decode(path, bytes)?,
    };
    let lines = split_lines(&text);
    // the decoded text is not needed once it is in lines (a big file: 200 MB)
    drop(text);
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    let diagnostics = undecodable(&lines, &encoding);
    Ok(Source {
        path: path.to_string(),
        format: Format::Txt,
        encoding: Some(encoding),
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines,
        diagnostics,
    })
}

/// Decode with `enc`, dropping its BOM if present; borrowed when the bytes
/// are already the text (UTF-8 without errors), so a big file is not copied.
fn decode<'a>(enc: &'static Encoding, bytes: &'a [u8]) -> Cow<'a, str> {
    enc.decode_with_bom_removal(bytes).0
}

/// The name written to `source.encoding`. Windows-874 is a superset of TIS-620
/// (it adds punctuation in 0x80–0x9F); a file that uses none of those bytes is
/// reported as the TIS-620 it is.
fn encoding_name(enc: &'static Encoding, bytes: &[u8]) -> String {
    if enc == WINDOWS_874 && !bytes.iter().any(|b| (0x80..=0x9F).contains(b)) {
        "tis-620".to_string()
    } else {
        enc.name().to_lowercase()
    }
}

fn detect_and_decode<'a>(path: &str, bytes: &'a [u8]) -> Result<(Cow<'a, str>, String)> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return Ok((decode(enc, bytes), enc.name().to_lowercase()));
    }
    if bytes.contains(&0) {
        return Err(not_text(
            path,
            "contains NUL bytes: binary data, or UTF-16 without a BOM (use --encoding utf-16le)",
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), "utf-8".to_string()));
    }
    if mostly_utf8(bytes) {
        return Ok((decode(UTF_8, bytes), "utf-8".to_string()));
    }
    if looks_like_thai_single_byte(bytes) {
        return Ok((
            decode(WINDOWS_874, bytes),
            encoding_name(WINDOWS_874, bytes),
        ));
    }
    Err(not_text(
        path,
        "not UTF-8, UTF-16 or TIS-620 text (binary data?); force one with --encoding",
    ))
}

fn not_text(path: &str, msg: &str) -> Error {
    Error::new(path, ErrorKind::Encoding(msg.to_string()))
}

/// UTF-8 with a few damaged bytes: at least four well-formed non-ASCII
/// characters for every malformed sequence.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let (mut good, mut bad) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        } else {
            good += 1;
        }
    }
    good >= 4 * bad.max(1)
}

/// Thai single-byte text: nearly every byte above 0x7F is a Thai letter, mark or
/// digit in TIS-620 (0xA1–0xDA, 0xDF–0xFB) or Windows-874 punctuation, and
/// control characters other than tab and line ends are rare.
fn looks_like_thai_single_byte(bytes: &[u8]) -> bool {
    let (mut high, mut thai, mut control) = (0usize, 0usize, 0usize);
    for &b in bytes {
        match b {
            // Thai letters, marks and digits; Windows-874 … ‘ ’ “ ” • – —
            0xA1..=0xDA | 0xDF..=0xFB | 0x85 | 0x91..=0x97 => {
                high += 1;
                thai += 1;
            }
            0x80..=0xFF => high += 1,
            b'\t' | b'\n' | b'\r' | 0x0C => {}
            0x00..=0x1F | 0x7F => control += 1,
            _ => {}
        }
    }
    high > 0 && thai * 100 >= high * 95 && control * 200 <= bytes.len()
}

/// An error diagnostic for every line holding U+FFFD (bytes that could not be
/// decoded).
fn undecodable(lines: &[Line], encoding: &str) -> Vec<Diagnostic> {
    lines
        .iter()
        .filter_map(|l| {
            let n = l.text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
            (n > 0).then(|| Diagnostic {
                severity: Severity::Error,
                code: "undecodable_bytes".to_string(),
                line: l.line,
                message: format!("{n} byte sequence(s) could not be decoded as {encoding} and were replaced by U+FFFD"),
                label: None,
                number: None,
            })
        })
        .collect()
}

/// An encoding by its label ("utf-8", "utf-16le", "utf-16be", "tis-620",
/// "windows-874", "cp874", …), for `--encoding`.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    match label.to_ascii_lowercase().as_str() {
        "utf-16le" | "utf16le" | "utf-16" => Some(UTF_16LE),
        "utf-16be" | "utf16be" => Some(UTF_16BE),
        "tis620" | "tis-620" | "cp874" | "windows-874" | "windows874" => Some(WINDOWS_874),
        "utf8" => Some(UTF_8),
        l => Encoding::for_label(l.as_bytes()),
    }
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
            gaps: Vec::new(),
        });
        rest = tail;
    }
    lines
}

/// Trailing whitespace in characters.
pub(crate) fn trailing_of(line: &str) -> usize {
    line.chars()
        .rev()
        .take_while(|&c| crate::thai::normalize::is_space_like(c))
        .count()
}

/// Leading whitespace in characters; a tab counts 4.
pub(crate) fn indent_of(line: &str) -> usize {
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

    fn enc(bytes: &[u8]) -> Option<String> {
        read("x.txt", bytes, None).ok().and_then(|s| s.encoding)
    }

    #[test]
    fn encodings_detected() {
        assert_eq!(enc("งาน\n".as_bytes()).as_deref(), Some("utf-8"));
        assert_eq!(enc(b"\xEF\xBB\xBFabc\n").as_deref(), Some("utf-8"));
        assert_eq!(enc(b"\xFF\xFEa\x00\n\x00").as_deref(), Some("utf-16le"));
        assert_eq!(enc(b"\xFE\xFF\x00a\x00\n").as_deref(), Some("utf-16be"));
        // "งานสารบรรณ" in TIS-620
        assert_eq!(
            enc(b"\xA7\xD2\xB9\xCA\xD2\xC3\xBA\xC3\xC3\xB3\n").as_deref(),
            Some("tis-620")
        );
        // with a Windows-874 ellipsis
        assert_eq!(enc(b"\xA7\xD2\xB9\x85\n").as_deref(), Some("windows-874"));
    }

    #[test]
    fn damaged_utf8_keeps_the_rest_and_says_where() {
        let mut bytes = "งานสารบรรณ\nงานประสานงาน\n".as_bytes().to_vec();
        bytes.insert(10, 0xFF);
        let s = read("x.txt", &bytes, None).expect("mostly UTF-8");
        assert_eq!(s.encoding.as_deref(), Some("utf-8"));
        assert_eq!(s.diagnostics.len(), 1);
        assert_eq!(
            (s.diagnostics[0].line, s.diagnostics[0].code.as_str()),
            (1, "undecodable_bytes")
        );
        assert_eq!(s.lines[1].text, "งานประสานงาน");
    }

    #[test]
    fn binary_and_empty_refused() {
        let e = read("x.txt", b"ok\nok\n\xFF\x01\x02\x03", None)
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some(
                "x.txt: not readable text: not UTF-8, UTF-16 or TIS-620 text (binary data?); force one with --encoding"
            )
        );
        assert_eq!(
            read("e.txt", b"  \n\n", None)
                .err()
                .map(|e| e.kind().clone()),
            Some(ErrorKind::Empty)
        );
        assert!(read("z.txt", b"a\x00b", None).is_err());
    }

    #[test]
    fn forced_encoding_is_used() {
        let s = read("x.txt", b"\xA7\xD2\xB9\n", encoding_for_label("tis-620")).expect("decodes");
        assert_eq!(s.lines[0].text, "งาน");
        assert_eq!(s.encoding.as_deref(), Some("tis-620"));
    }
}
