//! Plain-text reader: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM,
//! UTF-32 LE/BE with BOM, and TIS-620 / Windows-874 detected when the bytes
//! are not UTF-8 but look like Thai single-byte text; or the encoding the user
//! forces. CR, LF or CRLF line ends. Decoding is done by encoding_rs (UTF-32,
//! which it does not know, here).
//!
//! A file that is not all UTF-8 is decoded **line by line**: a TIS-620 file
//! with a few UTF-8 lines (text pasted from the web into an old file) keeps
//! those lines as UTF-8, and a UTF-8 file with a TIS-620 line keeps that line
//! as Thai, each with a `mixed_encoding` warning, instead of mojibake.
//!
//! Bytes that cannot be decoded become U+FFFD in the text and an error
//! diagnostic on their line: never silent loss.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_874};

use super::{Format, Line, Source, sha256_hex};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::{Error, ErrorKind, Result};
use crate::thai::find::find_all;

/// Read a text file's bytes into lines, detecting the encoding unless `forced`.
pub fn read(path: &str, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Source> {
    let (text, encoding, mixed) = match forced {
        Some(enc) => (decode(enc, bytes), encoding_name(enc, bytes), Vec::new()),
        None => detect_and_decode(path, bytes)?,
    };
    let lines = split_lines(&text);
    // the decoded text is not needed once it is in lines (a big file: 200 MB)
    drop(text);
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    let mut diagnostics: Vec<Diagnostic> = mixed
        .into_iter()
        .map(|(line, other)| {
            Diagnostic::new(
                Code::MixedEncoding,
                line,
                format!("this line is {other} in a {encoding} file: read as {other}"),
            )
        })
        .collect();
    diagnostics.extend(undecodable(&lines, &encoding));
    diagnostics.sort_by_key(|d| d.line);
    Ok(Source {
        path: path.to_string(),
        format: Format::Txt,
        encoding: Some(encoding),
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines,
        diagnostics,
        extraction: Default::default(),
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

/// Lines (1-based) decoded in another encoding than the file's, and which.
type Mixed = Vec<(u32, &'static str)>;

fn detect_and_decode<'a>(path: &str, bytes: &'a [u8]) -> Result<(Cow<'a, str>, String, Mixed)> {
    // before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one
    if let Some((text, name)) = utf32(bytes) {
        return Ok((Cow::Owned(text), name.to_string(), Vec::new()));
    }
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return Ok((decode(enc, bytes), enc.name().to_lowercase(), Vec::new()));
    }
    if bytes.contains(&0) {
        return Err(not_text(
            path,
            "contains NUL bytes: binary data, or UTF-16 without a BOM (use --encoding utf-16le)",
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), "utf-8".to_string(), Vec::new()));
    }
    if mostly_utf8(bytes) {
        let (text, mixed) = by_line(bytes, false);
        return Ok((Cow::Owned(text), "utf-8".to_string(), mixed));
    }
    if looks_like_thai_single_byte(bytes) {
        let (text, mixed) = by_line(bytes, true);
        // Windows-874 punctuation counts only on the lines read as such
        let name = if mixed.is_empty() {
            encoding_name(WINDOWS_874, bytes)
        } else {
            let single: Vec<&[u8]> = bytes
                .split(|&b| b == b'\n' || b == b'\r')
                .filter(|l| std::str::from_utf8(l).is_err())
                .collect();
            let punct = single
                .iter()
                .any(|l| l.iter().any(|b| (0x80..=0x9F).contains(b)));
            if punct { "windows-874" } else { "tis-620" }.to_string()
        };
        return Ok((Cow::Owned(text), name, mixed));
    }
    Err(not_text(
        path,
        "not UTF-8, UTF-16 or TIS-620 text (binary data?); force one with --encoding",
    ))
}

/// Decode a file that is not all UTF-8 one line at a time (lines split as
/// [`split_lines`] splits them): a line that is valid UTF-8 with Thai in it
/// is UTF-8; a line that is not valid UTF-8 but looks like Thai single-byte
/// text is Windows-874; any other line is the file's encoding (`thai`: the
/// file is TIS-620 / Windows-874, else UTF-8 with U+FFFD for bad bytes).
fn by_line(bytes: &[u8], thai: bool) -> (String, Mixed) {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut mixed = Vec::new();
    let mut n: u32 = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let (line, tail) = rest.split_at(end);
        let ending = if tail.starts_with(b"\r\n") {
            2
        } else {
            usize::from(!tail.is_empty())
        };
        let (ending, tail) = tail.split_at(ending);
        n = n.saturating_add(1);
        let utf8 = std::str::from_utf8(line)
            .ok()
            .filter(|t| t.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)));
        match (utf8, thai) {
            (Some(t), true) => {
                mixed.push((n, "utf-8"));
                out.push_str(t);
            }
            (None, false) if !line.is_ascii() && looks_like_thai_single_byte(line) => {
                mixed.push((n, "tis-620"));
                out.push_str(&WINDOWS_874.decode_without_bom_handling(line).0);
            }
            (_, true) => out.push_str(&WINDOWS_874.decode_without_bom_handling(line).0),
            (_, false) => out.push_str(&String::from_utf8_lossy(line)),
        }
        out.push_str(std::str::from_utf8(ending).unwrap_or("\n"));
        rest = tail;
    }
    (out, mixed)
}

/// UTF-32 with a BOM (LE `FF FE 00 00`, BE `00 00 FE FF`), which encoding_rs
/// does not decode (and would take for UTF-16 LE): the text without its BOM,
/// a unit that is no character (or a cut last unit) as U+FFFD.
fn utf32(bytes: &[u8]) -> Option<(String, &'static str)> {
    let (body, little, name) = if let Some(b) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
        (b, true, "utf-32le")
    } else if let Some(b) = bytes.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
        (b, false, "utf-32be")
    } else {
        return None;
    };
    let mut out = String::with_capacity(body.len() / 2);
    let mut units = body.chunks_exact(4);
    for unit in units.by_ref() {
        let quad = [
            unit.first().copied().unwrap_or(0),
            unit.get(1).copied().unwrap_or(0),
            unit.get(2).copied().unwrap_or(0),
            unit.get(3).copied().unwrap_or(0),
        ];
        let v = if little {
            u32::from_le_bytes(quad)
        } else {
            u32::from_be_bytes(quad)
        };
        out.push(char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    if !units.remainder().is_empty() {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    Some((out, name))
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
/// control characters other than tab and line ends are rare. Lines that are
/// valid UTF-8 are left out of the count (a TIS-620 file may hold a few UTF-8
/// lines, read as such by [`by_line`]).
fn looks_like_thai_single_byte(bytes: &[u8]) -> bool {
    let mut all = ThaiCount::default();
    for line in bytes.split(|&b| b == b'\n' || b == b'\r') {
        if line.is_ascii() || std::str::from_utf8(line).is_err() {
            all.add(line);
        }
    }
    all.high > 0 && all.thai * 100 >= all.high * 95 && all.control * 200 <= bytes.len()
}

/// Bytes above 0x7F, those of them that are Thai in TIS-620, and control bytes.
#[derive(Default)]
struct ThaiCount {
    high: usize,
    thai: usize,
    control: usize,
}

impl ThaiCount {
    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            match b {
                // Thai letters, marks and digits; Windows-874 … ‘ ’ “ ” • – —
                0xA1..=0xDA | 0xDF..=0xFB | 0x85 | 0x91..=0x97 => {
                    self.high += 1;
                    self.thai += 1;
                }
                0x80..=0xFF => self.high += 1,
                b'\t' | 0x0C => {}
                0x00..=0x1F | 0x7F => self.control += 1,
                _ => {}
            }
        }
    }
}

/// An error diagnostic for every line holding U+FFFD (bytes that could not be
/// decoded).
fn undecodable(lines: &[Line], encoding: &str) -> Vec<Diagnostic> {
    lines
        .iter()
        .filter_map(|l| {
            let n = find_all(&l.text, "\u{FFFD}").count();
            (n > 0).then(|| Diagnostic::new(
                Code::UndecodableBytes,
                l.line,
                format!("{n} byte sequence(s) could not be decoded as {encoding} and were replaced by U+FFFD"),
            ))
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
        // (line ends are ASCII: a byte search finds them)
        let (line, tail) = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
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
            para_start: super::ParaStart::Unknown,
            label: None,
            cells: Vec::new(),
            normalized: false,
            table_row: false,
            page: None,
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
        assert_eq!(
            enc(b"\xFF\xFE\0\0a\0\0\0\n\0\0\0").as_deref(),
            Some("utf-32le")
        );
        assert_eq!(
            enc(b"\0\0\xFE\xFF\0\0\0a\0\0\0\n").as_deref(),
            Some("utf-32be")
        );
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
