//! Every hostile input of SPEC's "Bad input" section (issue 8), run through the
//! real binary in a temp directory: the exact exit code and the exact one-line
//! error (`kamsang: PATH: …`), or success with the diagnostic that says what
//! was odd. Inputs are built at test time (nothing of 2 GiB or 200 MB is
//! committed); small ones also live in `fixtures/hostile/` for the fuzzers.

use crate::common;
// the cases of issue 12 (memory and time bounded before allocation, text
// that cannot be right), in tests/it/hostile/
#[path = "hostile/expansion.rs"]
mod expansion;
#[path = "hostile/text.rs"]
mod text;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::Value;

use common::REFERENCE;
const REFERENCE_DOCX: &str = "fixtures/docx/phetchaburi1-typed.docx";

/// A temp directory with the files of one test; the binary runs inside it so
/// that paths in messages are the plain names written here.
struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Self {
        Dir(tempfile::tempdir().expect("tempdir"))
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.path().join(name);
        std::fs::write(&p, bytes).expect("write input");
        p
    }

    fn run(&self, args: &[&str]) -> Output {
        common::kamsang_bin()
            .args(args)
            .current_dir(self.0.path())
            .output()
            .expect("run kamsang")
    }
}

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(common::root().join(rel)).expect("fixture")
}

/// Exit 1, nothing on stdout, exactly `line` (plus its newline) on stderr.
fn assert_fails(o: &Output, line: &str) {
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("{line}\n"),
        "stderr"
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        o.stdout.is_empty(),
        "nothing on stdout when the input fails"
    );
}

/// Exit 0, nothing on stderr, schema-valid JSON on stdout.
fn assert_parses(o: &Output) -> Value {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    common::assert_valid(&common::validator(), &v, "output");
    v
}

/// The codes of an order's diagnostics, in order.
fn codes(v: &Value) -> Vec<&str> {
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

/// Deterministic pseudo-random bytes (xorshift64*), so a failure reproduces.
fn noise(len: usize, seed: u64, keep: impl Fn(u8) -> bool) -> Vec<u8> {
    let mut x = seed;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        let b = (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8;
        if keep(b) {
            out.push(b);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Empty, binary and misnamed files

#[test]
fn empty_file() {
    let d = Dir::new();
    d.write("empty.txt", b"");
    assert_fails(
        &d.run(&["parse", "empty.txt"]),
        "kamsang: empty.txt: empty input: no text to parse",
    );
    // only blank lines is empty too
    d.write("blank.txt", b"\n  \r\n\t\n");
    assert_fails(
        &d.run(&["parse", "blank.txt"]),
        "kamsang: blank.txt: empty input: no text to parse",
    );
}

#[test]
fn zero_byte_docx() {
    let d = Dir::new();
    d.write("empty.docx", b"");
    assert_fails(
        &d.run(&["parse", "empty.docx"]),
        "kamsang: empty.docx: empty input: no text to parse",
    );
}

#[test]
fn random_bytes_as_txt() {
    let d = Dir::new();
    d.write("random.txt", &noise(4096, 0x5eed, |_| true));
    assert_fails(
        &d.run(&["parse", "random.txt"]),
        "kamsang: random.txt: not readable text: contains NUL bytes: binary data, or UTF-16 without a BOM (use --encoding utf-16le)",
    );
    // without NULs: high bytes that are neither UTF-8 nor Thai single-byte text
    d.write("random2.txt", &noise(4096, 0x5eed, |b| b != 0));
    assert_fails(
        &d.run(&["parse", "random2.txt"]),
        "kamsang: random2.txt: not readable text: not UTF-8, UTF-16 or TIS-620 text (binary data?); force one with --encoding",
    );
}

#[test]
fn random_bytes_as_docx() {
    let d = Dir::new();
    d.write("random.docx", &noise(4096, 0xd0c5, |_| true));
    assert_fails(
        &d.run(&["parse", "random.docx"]),
        "kamsang: random.docx: named .docx but is not a Word .docx file (it is not a zip container); rename it or convert it",
    );
    // random bytes after a zip signature: a zip, but not a readable one
    let mut zipish = b"PK\x03\x04".to_vec();
    zipish.extend(noise(4096, 0xd0c5, |_| true));
    d.write("zipish.docx", &zipish);
    assert_fails(
        &d.run(&["parse", "zipish.docx"]),
        "kamsang: zipish.docx: not a readable zip container (invalid Zip archive: Could not find EOCD); the file may be truncated",
    );
}

#[test]
fn truncated_docx() {
    let d = Dir::new();
    let docx = fixture(REFERENCE_DOCX);
    d.write("half.docx", docx.get(..docx.len() / 2).expect("half"));
    assert_fails(
        &d.run(&["parse", "half.docx"]),
        "kamsang: half.docx: not a readable zip container (invalid Zip archive: Could not find EOCD); the file may be truncated",
    );
}

#[test]
fn docx_with_a_damaged_part() {
    // one byte of document.xml's deflated data flipped: the zip opens, the
    // part does not inflate to what its checksum says
    let d = Dir::new();
    let mut docx = fixture(REFERENCE_DOCX);
    let at = find(&docx, b"word/document.xml").expect("local header") + 17 + 40;
    if let Some(b) = docx.get_mut(at) {
        *b ^= 0xFF;
    }
    d.write("damaged.docx", &docx);
    assert_fails(
        &d.run(&["parse", "damaged.docx"]),
        "kamsang: damaged.docx: damaged part word/document.xml in the zip container (corrupt deflate stream)",
    );
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn text_named_docx() {
    let d = Dir::new();
    d.write("order.docx", "1. นายสมชาย ใจดี ตำแหน่ง ครู\n".as_bytes());
    assert_fails(
        &d.run(&["parse", "order.docx"]),
        "kamsang: order.docx: named .docx but is not a Word .docx file (it looks like plain text); rename it or convert it",
    );
}

#[test]
fn docx_named_txt_is_read_as_docx() {
    let d = Dir::new();
    d.write("order.txt", &fixture(REFERENCE_DOCX));
    let v = assert_parses(&d.run(&["parse", "order.txt"]));
    assert_eq!(v["source"]["format"], "docx");
    assert_eq!(v["people"].as_array().map(Vec::len), Some(7));
    let first = &v["diagnostics"][0];
    assert_eq!(first["code"], "format_mismatch");
    assert_eq!(
        first["message"],
        "named .txt but is a .docx file: read as .docx"
    );
}

#[test]
fn xlsx_that_is_text() {
    let d = Dir::new();
    d.write("list.xlsx", "ลำดับ,ชื่อ-สกุล\n1,นายสมชาย ใจดี\n".as_bytes());
    assert_fails(
        &d.run(&["parse", "list.xlsx"]),
        "kamsang: list.xlsx: named .xlsx but is not an Excel .xlsx file (it looks like plain text); rename it or convert it",
    );
}

/// The first bytes of an OLE2 compound file (legacy .doc/.xls).
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// One line on stderr that is one of `lines` (which depends on whether the
/// engine is installed: under Wine, or on a machine without it, the line says
/// how to install it), exit 1, nothing on stdout.
fn assert_fails_one_of(o: &Output, lines: &[String]) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        lines.iter().any(|l| err == format!("{l}\n")),
        "stderr {err:?} is none of {lines:?}"
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        o.stdout.is_empty(),
        "nothing on stdout when the input fails"
    );
}

#[test]
fn ole_doc() {
    let d = Dir::new();
    let mut doc = OLE.to_vec();
    doc.extend(noise(1024, 0x01e, |_| true));
    // the bytes decide, under any name: a damaged .doc, refused by LibreOffice
    // (its Word 97 filter named, so it never falls back to reading bytes as text)
    for name in ["old.doc", "old.docx", "old.txt"] {
        d.write(name, &doc);
        assert_fails_one_of(
            &d.run(&["parse", name]),
            &[
                format!(
                    "kamsang: {name}: LibreOffice (soffice) could not convert this .doc file (it may be damaged or not a .doc)"
                ),
                format!(
                    "kamsang: {name}: reading a .doc, .odt or .rtf file needs soffice, which is not on PATH; install it (`apt-get install libreoffice-writer-nogui`)"
                ),
            ],
        );
    }
    // with --convert never, the advice
    assert_fails(
        &d.run(&["parse", "--convert", "never", "old.doc"]),
        "kamsang: old.doc: a .doc file is read only through LibreOffice, and --convert never was given; convert it with `soffice --headless --convert-to docx FILE`",
    );
}

#[test]
fn pdf() {
    let d = Dir::new();
    d.write(
        "scan.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    );
    assert_fails_one_of(
        &d.run(&["parse", "scan.pdf"]),
        &[
            "kamsang: scan.pdf: pdftotext could not read it (Syntax Error: Couldn't find trailer dictionary)".to_string(),
            "kamsang: scan.pdf: reading a PDF needs pdftotext, which is not on PATH; install it (`apt-get install poppler-utils`)".to_string(),
        ],
    );
}

#[test]
fn missing_file_and_directory() {
    let d = Dir::new();
    assert_fails(
        &d.run(&["parse", "nowhere.txt"]),
        "kamsang: nowhere.txt: cannot read: no such file",
    );
    std::fs::create_dir(d.0.path().join("folder.txt")).expect("mkdir");
    // a folder is the wrong command (batch), not a failed input: exit 2
    let o = d.run(&["parse", "folder.txt"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "kamsang: folder.txt: is a folder; use `kamsang batch` for a folder tree (kamsang batch FOLDER -o OUTDIR)\n"
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

// ---------------------------------------------------------------------------
// Bombs

/// A zip holding one stored-name part `word/document.xml` whose deflated data
/// is `data`; the headers declare `size` inflated bytes and `crc`.
fn zip_with_deflated_part(data: &[u8], size: u32, crc: u32) -> Vec<u8> {
    let name = b"word/document.xml";
    let compressed = u32::try_from(data.len()).expect("small enough");
    let name_len = u16::try_from(name.len()).expect("short name");
    let mut z = Vec::with_capacity(data.len() + 200);
    // local file header: version 20, no flags, method 8 (deflate), no time
    z.extend(b"PK\x03\x04");
    z.extend(20u16.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(8u16.to_le_bytes());
    z.extend([0u8; 4]);
    z.extend(crc.to_le_bytes());
    z.extend(compressed.to_le_bytes());
    z.extend(size.to_le_bytes());
    z.extend(name_len.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(name);
    z.extend(data);
    let cd_start = u32::try_from(z.len()).expect("small enough");
    // central directory entry for the same part, at offset 0
    z.extend(b"PK\x01\x02");
    z.extend(20u16.to_le_bytes());
    z.extend(20u16.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(8u16.to_le_bytes());
    z.extend([0u8; 4]);
    z.extend(crc.to_le_bytes());
    z.extend(compressed.to_le_bytes());
    z.extend(size.to_le_bytes());
    z.extend(name_len.to_le_bytes());
    z.extend([0u8; 12]); // extra, comment, disk, internal and external attributes
    z.extend(0u32.to_le_bytes()); // offset of the local header
    z.extend(name);
    let cd_len = u32::try_from(z.len()).expect("small enough") - cd_start;
    // end of central directory: one entry
    z.extend(b"PK\x05\x06");
    z.extend([0u8; 4]);
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(cd_len.to_le_bytes());
    z.extend(cd_start.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z
}

/// Raw deflate data that inflates to `groups × 8 × 258 + 1` zero bytes,
/// built without compressing anything: one fixed-Huffman block of a literal 0
/// and then runs of <length 258, distance 1> (13 bits each). Eight runs are
/// exactly 13 bytes, so past its first two bytes the stream is one 13-byte
/// pattern repeated, then a tail with the end-of-block code.
fn zeros_deflate(groups: usize) -> Vec<u8> {
    let mut w = BitWriter::default();
    w.put(1, 1); // BFINAL
    w.put(1, 2); // BTYPE 01: fixed Huffman
    w.code(0x30, 8); // literal 0
    for _ in 0..16 {
        w.code(0xC5, 8); // length symbol 285: 258, no extra bits
        w.code(0, 5); // distance code 0: distance 1
    }
    w.code(0, 7); // end of block
    // two groups: bytes 0–1 the header and the first bits, 2–14 one full
    // period, 15–28 the last group's end and the end-of-block code
    let b = w.bytes;
    assert_eq!(b.len(), 29);
    let (head, rest) = b.split_at(2);
    let (period, tail) = rest.split_at(13);
    let mut out = Vec::with_capacity(groups * 13 + 16);
    out.extend_from_slice(head);
    for _ in 1..groups {
        out.extend_from_slice(period);
    }
    out.extend_from_slice(tail);
    out
}

#[test]
fn zeros_deflate_inflates_to_zeros() {
    // the bomb's construction, checked on a small size with a real inflater
    let data = zeros_deflate(5);
    let zip = zip_with_deflated_part(&data, 5 * 8 * 258 + 1, crc_of_zeros(5 * 8 * 258 + 1));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("zip");
    let mut part = archive.by_index(0).expect("part");
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut part, &mut out).expect("inflates, checksum matches");
    assert_eq!(out.len(), 5 * 8 * 258 + 1);
    assert!(out.iter().all(|&b| b == 0));
}

/// CRC-32 of `n` zero bytes (bitwise: only for the small check above).
fn crc_of_zeros(n: usize) -> u32 {
    let mut crc = !0u32;
    for _ in 0..n {
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Least-significant-bit-first bit writer, as deflate wants.
#[derive(Clone, Default)]
struct BitWriter {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    /// `n` bits of `value`, least significant first (header fields, extra bits).
    fn put(&mut self, value: u32, n: usize) {
        for k in 0..n {
            if self.bits.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> k) & 1 == 1 {
                let at = self.bits / 8;
                if let Some(b) = self.bytes.get_mut(at) {
                    *b |= 1 << (self.bits % 8);
                }
            }
            self.bits += 1;
        }
    }

    /// A Huffman code of `n` bits, most significant first.
    fn code(&mut self, code: u32, n: usize) {
        for k in (0..n).rev() {
            self.put((code >> k) & 1, 1);
        }
    }
}

#[test]
fn zip_bomb_of_2_gib() {
    let d = Dir::new();
    // 2 GiB of zeros: 1,040,448 groups of eight 258-byte runs, plus one byte
    let groups = 1_040_448;
    let data = zeros_deflate(groups);
    let inflated = groups as u64 * 8 * 258 + 1;
    assert!((2 << 30..(2 << 30) + 4096).contains(&inflated));
    // CRC-32 of those bytes (computed once with zlib.crc32 in Python: the
    // reader refuses long before it could check it, but the zip is honest)
    let crc = 0xcb8d_95b6;
    // honest headers: refused from the declared size, before inflating
    let size = u32::try_from(inflated).expect("under 4 GiB");
    d.write("bomb.docx", &zip_with_deflated_part(&data, size, crc));
    assert_fails(
        &d.run(&["parse", "bomb.docx"]),
        "kamsang: bomb.docx: part word/document.xml inflates past 64 MiB, the limit for one part (raise it with --max-part-size): refused as a likely zip bomb",
    );
    // lying headers (1 KiB declared): the zip reader stops at the declared
    // size (and kamsang's own cap would stop it at 64 MiB if it did not)
    d.write("liar.docx", &zip_with_deflated_part(&data, 1024, crc));
    assert_fails(
        &d.run(&["parse", "liar.docx"]),
        "kamsang: liar.docx: damaged part word/document.xml in the zip container (File is larger than its declared uncompressed size)",
    );
    // with a part limit above 2 GiB, the ratio cap (13 MiB × 10) stops it
    // after 130 MiB of inflating
    assert_fails(
        &d.run(&[
            "parse",
            "bomb.docx",
            "--max-part-size",
            "3G",
            "--max-ratio",
            "10",
        ]),
        "kamsang: bomb.docx: part word/document.xml inflates more than 10× its compressed size, the limit (raise it with --max-ratio): refused as a likely zip bomb",
    );
}

#[test]
fn billion_laughs_in_document_xml() {
    let d = Dir::new();
    let xml = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", opts).expect("zip");
        z.write_all(xml.as_bytes()).expect("zip");
        z.finish().expect("zip");
    }
    d.write("laughs.docx", buf.get_ref());
    assert_fails(
        &d.run(&["parse", "laughs.docx"]),
        "kamsang: laughs.docx: word/document.xml declares a DOCTYPE: refused (entity expansion)",
    );
}

// ---------------------------------------------------------------------------
// Long, deep, odd and big text

#[test]
fn a_1_mb_line() {
    let d = Dir::new();
    let mut text = "เรื่อง ทดสอบบรรทัดยาว\n1. นายสมชาย ใจดี ตำแหน่ง ครู ".to_string();
    text.push_str(&"งานสารบรรณ ".repeat(1024 * 1024 / "งานสารบรรณ ".len()));
    text.push('\n');
    let chars = text.lines().nth(1).expect("line 2").chars().count();
    d.write("long.txt", text.as_bytes());
    assert_fails(
        &d.run(&["parse", "long.txt"]),
        &format!(
            "kamsang: long.txt: a line of {chars} characters, past the limit of 100000 (raise it with --max-line-length) (line 2)"
        ),
    );
    // raised, the line is one person's item like any other
    let v = assert_parses(&d.run(&["parse", "long.txt", "--max-line-length", "2000000"]));
    assert_eq!(v["people"][0]["full_name"], "นายสมชาย ใจดี");
}

#[test]
fn invalid_utf8_in_the_middle_of_a_utf8_file() {
    let d = Dir::new();
    let text = fixture(REFERENCE);
    // cut at a line start so the damage sits on a line of its own making
    let mid = text.len() / 2;
    let at = mid
        + text
            .get(mid..)
            .and_then(|t| t.iter().position(|&b| b == b'\n'))
            .unwrap_or(0)
        + 1;
    let line = 1 + text
        .get(..at)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    let mut bytes = text.get(..at).unwrap_or_default().to_vec();
    bytes.extend(b"\xff\xfe\xc3 ");
    bytes.extend(text.get(at..).unwrap_or_default());
    d.write("damaged.txt", &bytes);
    let v = assert_parses(&d.run(&["parse", "damaged.txt"]));
    assert_eq!(v["source"]["encoding"], "utf-8");
    let bad: Vec<&Value> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "undecodable_bytes")
        .collect();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0]["severity"], "error");
    assert_eq!(bad[0]["line"], line);
    assert_eq!(
        bad[0]["message"],
        "3 byte sequence(s) could not be decoded as utf-8 and were replaced by U+FFFD"
    );
    // everyone is still there
    assert_eq!(v["people"].as_array().map(Vec::len), Some(7));
}

#[test]
fn a_file_with_no_numbering_at_all() {
    let d = Dir::new();
    d.write(
        "memo.txt",
        "บันทึกข้อความ\nเรื่อง ขอเชิญประชุม\nขอเชิญคณะครูทุกท่านประชุมในวันจันทร์\nณ ห้องประชุมโรงเรียน\n".as_bytes(),
    );
    let v = assert_parses(&d.run(&["parse", "memo.txt"]));
    assert_eq!(codes(&v), ["not_a_duty_order"]);
    assert_eq!(
        v["diagnostics"][0]["message"],
        "no numbered items and no people were found: header and outline only"
    );
    assert_eq!(v["people"], Value::Array(Vec::new()));
    // lossless: every line's text is somewhere in the outline
    let outline = v["outline"].to_string();
    for text in [
        "บันทึกข้อความ",
        "ขอเชิญประชุม",
        "ขอเชิญคณะครูทุกท่าน",
        "ณ ห้องประชุมโรงเรียน",
    ] {
        assert!(outline.contains(text), "{text} missing from {outline}");
    }
}

/// `1.`, `1.1`, `1.1.1` … down to `depth` levels, one line each.
fn chain(depth: usize) -> String {
    let mut text = String::from("เรื่อง ทดสอบ\n1. นายสมชาย ใจดี ตำแหน่ง ครู\n");
    let mut label = String::from("1");
    for d in 2..=depth {
        label.push_str(".1");
        text.push_str(&format!("{label} งานระดับ {d}\n"));
    }
    text
}

/// Depth of the deepest node of a JSON outline (an explicit stack: the test
/// must not recurse either).
fn outline_depth(v: &Value) -> usize {
    let mut deepest = 0;
    let mut todo: Vec<(&Value, usize)> = v["outline"]
        .as_array()
        .expect("outline")
        .iter()
        .map(|n| (n, 1))
        .collect();
    while let Some((n, d)) = todo.pop() {
        deepest = deepest.max(d);
        if let Some(children) = n["children"].as_array() {
            todo.extend(children.iter().map(|c| (c, d + 1)));
        }
    }
    deepest
}

#[test]
fn a_chain_5000_levels_deep_stops_nesting_at_the_limit() {
    let d = Dir::new();
    d.write("deep.txt", chain(5000).as_bytes());
    let v = assert_parses(&d.run(&["parse", "deep.txt"]));
    // the subject paragraph, then the person and 31 levels under it
    assert_eq!(outline_depth(&v), 32);
    assert_eq!(codes(&v), ["outline_too_deep"]);
    let diag = &v["diagnostics"][0];
    assert_eq!(diag["line"], 34); // the first item at level 33 (line 1 is the subject)
    assert_eq!(
        diag["message"],
        "items nested deeper than 32 levels are kept as text of the item above them (raise the limit with --max-depth)"
    );
    // nothing is lost: the deepest item holds the text of every deeper one
    let mut p = &v["people"][0]["duties"][0];
    for _ in 0..30 {
        p = &p["steps"][0];
    }
    let text = p["title"].as_str().expect("title");
    assert!(
        text.starts_with("งานระดับ 32 1.1.1"),
        "{}",
        text.get(..40).unwrap_or(text)
    );
    assert!(text.ends_with("งานระดับ 5000"));
    assert_eq!(p["steps"], Value::Array(Vec::new()));

    // --max-depth sets the level (on a shorter chain: the debug build is slow
    // on 25 MB of labels)
    d.write("deep50.txt", chain(50).as_bytes());
    let v = assert_parses(&d.run(&["parse", "deep50.txt", "--max-depth", "4"]));
    assert_eq!(outline_depth(&v), 4);
    assert_eq!(
        v["diagnostics"][0]["message"],
        "items nested deeper than 4 levels are kept as text of the item above them (raise the limit with --max-depth)"
    );
}

#[test]
fn a_label_5000_levels_deep_on_one_line() {
    let d = Dir::new();
    let label = vec!["1"; 5000].join(".");
    d.write(
        "label.txt",
        format!("เรื่อง ทดสอบ\n1. นายสมชาย ใจดี ตำแหน่ง ครู\n{label} งานลึก\n").as_bytes(),
    );
    let v = assert_parses(&d.run(&["parse", "label.txt"]));
    // one step under the person: its number is as written, 5,000 parts long,
    // and nothing about it is odd enough for a diagnostic
    let duty = &v["people"][0]["duties"][0];
    assert_eq!(duty["number"], label.as_str());
    assert_eq!(duty["label"], label.as_str());
    assert_eq!(duty["title"], "งานลึก");
    assert_eq!(duty["steps"], Value::Array(Vec::new()));
    assert_eq!(outline_depth(&v), 2);
    assert_eq!(codes(&v), Vec::<&str>::new());
}

#[test]
fn file_size_limit() {
    let d = Dir::new();
    let text = fixture(REFERENCE);
    d.write("order.txt", &text);
    assert_fails(
        &d.run(&["parse", "order.txt", "--max-file-size", "64K"]),
        &format!(
            "kamsang: order.txt: input is {} bytes, past the limit of 64 KiB for one file (raise it with --max-file-size)",
            text.len()
        ),
    );
    // stdin is cut one byte past the limit, never read whole
    let mut child = common::kamsang_bin()
        .args(["parse", "-", "--max-file-size", "1K"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    // the reader stops early: a closed pipe on this side is expected
    let _ = stdin.write_all(&text);
    drop(stdin);
    let o = child.wait_with_output().expect("wait");
    assert_fails(
        &o,
        "kamsang: -: input is larger than 1 KiB, the limit for one file (raise it with --max-file-size)",
    );
    // a bad size is a usage error
    let o = d.run(&["parse", "order.txt", "--max-file-size", "12Q"]);
    assert_eq!(o.status.code(), Some(2));
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_device_is_cut_at_the_size_limit() {
    if common::unix_binary_only() {
        return;
    }
    // /dev/zero reports size 0 and never ends: read up to the limit, no further
    let d = Dir::new();
    assert_fails(
        &d.run(&["parse", "/dev/zero", "--max-file-size", "1M"]),
        "kamsang: /dev/zero: input is larger than 1 MiB, the limit for one file (raise it with --max-file-size)",
    );
}

#[test]
fn node_limit() {
    let d = Dir::new();
    d.write("order.txt", &fixture(REFERENCE));
    // the 101st node is made on line 120
    assert_fails(
        &d.run(&["parse", "order.txt", "--max-nodes", "100"]),
        "kamsang: order.txt: more than 100 outline items and paragraphs (raise it with --max-nodes) (line 120)",
    );
    // the default is far above a real order
    assert_parses(&d.run(&["parse", "order.txt"]));
}

#[test]
fn check_goes_on_after_a_bad_file() {
    // the batch promise in small: one bad file, one good, exit 1, both reported
    let d = Dir::new();
    d.write("empty.txt", b"");
    d.write("order.txt", &fixture(REFERENCE));
    let o = d.run(&["check", "empty.txt", "order.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "kamsang: empty.txt: empty input: no text to parse\n2 files checked, 1 with errors\n"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.lines().count() > 0 && out.lines().all(|l| l.starts_with("order.txt:")));
}

/// Peak resident memory of the largest child process waited for so far, in KiB.
#[cfg(unix)]
fn children_peak_rss_kib() -> i64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_CHILDREN is valid.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) };
    assert_eq!(rc, 0);
    // SAFETY: initialised by the successful call above.
    unsafe { usage.assume_init() }.ru_maxrss
}

/// The reference order's header once and its seven people repeated with
/// their numbers carried on (the Rust twin of scripts/big-order.py).
fn big_order(path: &Path, target_bytes: usize) -> usize {
    let text = String::from_utf8(fixture(REFERENCE)).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("1."))
        .expect("person 1");
    let (head, body) = lines.split_at(first);
    let renumber = |l: &str, off: usize| -> String {
        let indent = l.len() - l.trim_start().len();
        let (pad, rest) = l.split_at(indent);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (num, after) = rest.split_at(digits);
        let person = indent == 0 && after.starts_with(". ") || after.starts_with(".  ");
        let dotted =
            after.starts_with('.') && after.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
        match num.parse::<usize>() {
            Ok(n) if (indent == 0 && person) || dotted => format!("{pad}{}{after}", n + off),
            _ => l.to_string(),
        }
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    writeln!(out, "{}", head.join("\n")).expect("write");
    let (mut size, mut copies) = (0, 0);
    while size < target_bytes {
        for l in body {
            let l = renumber(l, copies * 7);
            size += l.len() + 1;
            writeln!(out, "{l}").expect("write");
        }
        copies += 1;
    }
    out.flush().expect("flush");
    copies * 7
}

/// ~200 MB of valid order: must succeed. Run by .ci/run against the release
/// binary (`KAMSANG_TEST_EXE=target/release/kamsang cargo test --test it hostile:: --
/// --ignored`); a debug build takes minutes for it. Speed is measured by
/// scripts/big-input.sh, not here.
#[test]
#[ignore = "200 MB: run by .ci/run with KAMSANG_TEST_EXE=target/release/kamsang"]
fn a_200_mb_text_file_parses() {
    let d = Dir::new();
    let people = big_order(&d.0.path().join("big.txt"), 200 * 1024 * 1024);
    let o = common::kamsang_bin()
        .args(["parse", "big.txt", "--compact", "-o", "big.json"])
        .current_dir(d.0.path())
        .output()
        .expect("run kamsang");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stderr.is_empty());
    // ~600 MB of JSON: checked at its ends, not parsed whole by a debug build
    let json = std::fs::read(d.0.path().join("big.json")).expect("output");
    assert!(json.starts_with(b"{\"schema_version\":\"1."));
    assert!(json.ends_with(b"}\n"));
    // people come before committees and diagnostics: the last id that starts
    // with "p" is the last person's (or one of their duties'), numbered in
    // sequence from p1 to p{people}
    let key = b"\"id\":\"p";
    let at = json
        .windows(key.len())
        .rposition(|w| w == key)
        .expect("a person id");
    let id: Vec<u8> = json
        .get(at + key.len() - 1..)
        .unwrap_or_default()
        .iter()
        .copied()
        .take_while(|&b| b != b'"')
        .collect();
    let id = String::from_utf8(id).expect("utf-8 id");
    assert!(
        id == format!("p{people}") || id.starts_with(&format!("p{people}.")),
        "last person id {id}, want p{people}"
    );
    // a regression guard on memory; the goal is 1 GiB, not met yet (README);
    // getrusage is Unix only
    #[cfg(unix)]
    {
        let peak = children_peak_rss_kib();
        eprintln!("peak RSS of kamsang: {} MiB", peak / 1024);
        assert!(peak < 1536 * 1024, "peak RSS {peak} KiB");
    }
}

#[test]
fn big_order_generator_keeps_numbers_in_sequence() {
    // the generator itself, on a small size: people 1..=14 in order
    let d = Dir::new();
    let path = d.0.path().join("two.txt");
    let people = big_order(&path, 100_000);
    assert_eq!(people, 14);
    let o = d.run(&["parse", "two.txt"]);
    let v = assert_parses(&o);
    let ids: Vec<&str> = v["people"]
        .as_array()
        .expect("people")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    let want: Vec<String> = (1..=14).map(|k| format!("p{k}")).collect();
    assert_eq!(ids, want);
}

/// A panic is a bug no input should reach; debug builds can force one with
/// `KAMSANG_DEBUG_PANIC` to check that it is still one line and the rest goes on.
fn kamsang_panicking_on(text: &str, args: &[&str]) -> std::process::Output {
    common::kamsang_bin()
        .args(args)
        .current_dir(common::root())
        .env("KAMSANG_DEBUG_PANIC", text)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("run kamsang")
}

#[test]
fn a_panic_is_one_line_and_the_other_inputs_go_on() {
    if common::unix_binary_only() {
        return;
    }
    // the binary's test hook (KAMSANG_DEBUG_PANIC) exists in debug builds only;
    // the test binary and the CLI share cargo's profile
    if !cfg!(debug_assertions) {
        eprintln!(
            "skipped: KAMSANG_DEBUG_PANIC is compiled into debug builds only (cargo test without --release runs this)"
        );
        return;
    }
    let reference = "fixtures/parse/phetchaburi1-policy-plan.txt";
    let other = "fixtures/parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt";
    let o = kamsang_panicking_on("phetchaburi1", &["parse", reference]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        common::stderr(&o),
        format!("kamsang: {reference}: internal error (please report)\n")
    );
    assert!(o.stdout.is_empty());
    // check goes on with the next file
    let o = kamsang_panicking_on("phetchaburi1", &["check", reference, other]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        common::stderr(&o),
        format!(
            "kamsang: {reference}: internal error (please report)\n2 files checked, 1 with errors\n"
        )
    );
    // a batch lists it and converts the rest
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let o = kamsang_panicking_on(
        "phetchaburi1",
        &[
            "batch",
            "fixtures/parse",
            "-o",
            out.to_str().expect("utf-8"),
            "--progress",
            "none",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let failures = std::fs::read_to_string(out.join("failures.jsonl")).expect("failures");
    assert_eq!(
        failures,
        "{\"path\":\"fixtures/parse/phetchaburi1-policy-plan.txt\",\"error\":\"internal error (please report)\"}\n"
    );
    assert!(
        out.join("02_pm_207_2568_deputy_pm_ministry_assignment.txt.json")
            .exists()
    );
    assert!(
        !common::stderr(&o).contains("panicked"),
        "{}",
        common::stderr(&o)
    );
    // diff names the file too
    let o = kamsang_panicking_on("phetchaburi1", &["diff", other, reference]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        common::stderr(&o),
        format!("kamsang: {reference}: internal error (please report)\n")
    );
}
