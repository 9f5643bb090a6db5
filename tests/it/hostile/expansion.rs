//! Tiny files that ask for huge memory or time (issue 12): a sheet cell far
//! out, repeated rows and columns, a shared string used everywhere, Word
//! numbering that renders megabytes per label or defines millions of lists,
//! deeply nested tables. Each is built here, a few KB compressed, and must end
//! in one line naming the limit's flag (or parse, when reading it sparsely
//! costs nothing), never in an abort.

use std::io::Write;

use super::{Dir, assert_fails, assert_parses};

/// A zip with these parts, deflated.
pub(super) fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes) in parts {
            z.start_file(*name, opts).expect("zip");
            z.write_all(bytes).expect("zip");
        }
        z.finish().expect("zip");
    }
    buf.into_inner()
}

/// The header row every sheet here starts with.
const HEADER: [&str; 4] = ["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "หน้าที่"];

/// An .xlsx with one sheet: the header row as shared strings 0–3, one
/// person row, then `extra` (raw `<row>` XML); `strings` are appended to the
/// shared strings (index 4 on).
pub(super) fn xlsx(extra: &str, strings: &[&str]) -> Vec<u8> {
    let mut sst = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    for s in HEADER
        .iter()
        .chain(["นายสมชาย ใจดี", "ครู", "งานสารบรรณ"].iter())
        .chain(strings)
    {
        sst.push_str(&format!("<si><t>{s}</t></si>"));
    }
    sst.push_str("</sst>");
    let cell = |r: &str, i: usize| format!(r#"<c r="{r}" t="s"><v>{i}</v></c>"#);
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1">{}{}{}{}</row><row r="2"><c r="A2"><v>1</v></c>{}{}{}</row>{extra}</sheetData></worksheet>"#,
        cell("A1", 0),
        cell("B1", 1),
        cell("C1", 2),
        cell("D1", 3),
        cell("B2", 4),
        cell("C2", 5),
        cell("D2", 6),
    );
    zip_of(&[
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/sharedStrings.xml", sst.as_bytes()),
    ])
}

/// An .ods with one table: the header row, one person row, then `extra`
/// (raw `<table:table-row>` XML).
pub(super) fn ods(extra: &str) -> Vec<u8> {
    let cell = |s: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
        )
    };
    let header: String = HEADER.iter().map(|s| cell(s)).collect();
    let person = format!(
        r#"<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>{}{}{}"#,
        cell("นายสมชาย ใจดี"),
        cell("ครู"),
        cell("งานสารบรรณ")
    );
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row>{header}</table:table-row><table:table-row>{person}</table:table-row>{extra}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        (
            "META-INF/manifest.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        ),
        ("content.xml", content.as_bytes()),
    ])
}

/// One cell at XFD1048576, the last cell of a sheet (with a 17-billion-cell
/// `dimension`): calamine's dense range would take the machine; read sparsely
/// it costs one cell, and the table above it parses.
pub(super) fn xlsx_far_cell() -> Vec<u8> {
    xlsx(
        r#"<row r="1048576"><c r="XFD1048576" t="s"><v>6</v></c></row>"#,
        &[],
    )
}

#[test]
fn xlsx_one_cell_at_xfd1048576_is_read_sparsely() {
    let d = Dir::new();
    let bytes = xlsx_far_cell();
    assert!(bytes.len() < 4096, "{} bytes", bytes.len());
    d.write("far.xlsx", &bytes);
    let v = assert_parses(&d.run(&["parse", "far.xlsx"]));
    assert_eq!(v["people"][0]["full_name"], "นายสมชาย ใจดี");
}

/// 300 rows with a cell in column XFD: a dense grid of 4.9 M cells.
pub(super) fn xlsx_wide() -> Vec<u8> {
    let rows: String = (3..303)
        .map(|r| format!(r#"<row r="{r}"><c r="XFD{r}"><v>{r}</v></c></row>"#))
        .collect();
    xlsx(&rows, &[])
}

#[test]
fn xlsx_with_many_far_cells_is_refused_before_the_grid() {
    let d = Dir::new();
    d.write("wide.xlsx", &xlsx_wide());
    assert_fails(
        &d.run(&["parse", "wide.xlsx"]),
        "kamsang: wide.xlsx: sheet \"Sheet1\" spans 4915510 cells (rows × columns, repeats counted), past the limit of 2000000, 2 per outline node (raise it with --max-nodes)",
    );
}

/// One 14 KB shared string used by 300,000 cells: 4.2 GB once copied.
pub(super) fn xlsx_shared_string_everywhere() -> Vec<u8> {
    let long = "งานสารบรรณ".repeat(470);
    let rows: String = (3..300_003)
        .map(|r| format!(r#"<row r="{r}"><c r="D{r}" t="s"><v>7</v></c></row>"#))
        .collect();
    xlsx(&rows, &[&long])
}

#[test]
fn xlsx_shared_string_used_300k_times_is_refused_while_copying() {
    let d = Dir::new();
    d.write("sst.xlsx", &xlsx_shared_string_everywhere());
    assert_fails(
        &d.run(&["parse", "sst.xlsx"]),
        "kamsang: sst.xlsx: the cells of the sheets expand to more than 64 MiB of text, the limit for one part (raise it with --max-part-size)",
    );
}

/// A row of one non-empty cell repeated 16,384 columns, repeated 1,048,574
/// rows: calamine would allocate 17 billion cells (capped at 100 M, 3.4 GB).
pub(super) fn ods_repeated() -> Vec<u8> {
    ods(
        r#"<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
    )
}

#[test]
fn ods_with_repeated_rows_and_columns_is_refused_before_calamine() {
    let d = Dir::new();
    let bytes = ods_repeated();
    assert!(bytes.len() < 2048, "{} bytes", bytes.len());
    d.write("rep.ods", &bytes);
    let o = d.run(&["parse", "rep.ods"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("kamsang: rep.ods: sheet \"Sheet1\" spans ")
            && err.ends_with("(raise it with --max-nodes)\n"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn ods_trailing_empty_repeats_as_libreoffice_writes_them_still_parse() {
    // LibreOffice pads a table with a repeated empty row and empty columns:
    // those cost calamine nothing and must not be refused
    let d = Dir::new();
    d.write(
        "pad.ods",
        &ods(
            r#"<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        ),
    );
    let v = assert_parses(&d.run(&["parse", "pad.ods"]));
    assert_eq!(v["people"][0]["full_name"], "นายสมชาย ใจดี");
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A .docx of these body paragraphs (raw XML) and this numbering.xml.
pub(super) fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        ),
        ("word/document.xml", document.as_bytes()),
    ];
    let numbering = numbering.map(|n| {
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>{n}</w:numbering>"#)
    });
    if let Some(n) = &numbering {
        parts.push(("word/numbering.xml", n.as_bytes()));
    }
    zip_of(&parts)
}

fn para(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

/// A numbered paragraph (numId 1, level 0).
fn numbered(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// numId 1 on an abstract definition whose level 0 starts at `start` in `format`.
fn one_list(start: u32, format: &str) -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
    )
}

/// A list starting at 4294967295 in Thai letters: 105 million letters a label.
pub(super) fn docx_thai_letters_label() -> Vec<u8> {
    docx(
        &format!("{}{}", para("คำสั่งโรงเรียน"), numbered("งานสารบรรณ")),
        Some(&one_list(u32::MAX, "thaiLetters")),
    )
}

#[test]
fn docx_label_of_105_million_thai_letters_is_measured_not_built() {
    let d = Dir::new();
    d.write("letters.docx", &docx_thai_letters_label());
    assert_fails(
        &d.run(&["parse", "letters.docx"]),
        "kamsang: letters.docx: a line of 104755300 characters, past the limit of 100000 (raise it with --max-line-length) (line 2)",
    );
    // a real letter list is read as before
    d.write(
        "ok.docx",
        &docx(&numbered("งานสารบรรณ"), Some(&one_list(3, "thaiLetters"))),
    );
    let v = assert_parses(&d.run(&["parse", "ok.docx"]));
    assert_eq!(v["outline"][0]["label"], "ค.");
}

#[test]
fn docx_numbering_definitions_are_counted_against_the_node_limit() {
    // 1.5 million empty abstractNum took 2.15 GB; the count is bounded by
    // --max-nodes (shown here with a small one, so the file stays small)
    let d = Dir::new();
    let many: String = (0..1_001)
        .map(|i| format!(r#"<w:abstractNum w:abstractNumId="{i}"/>"#))
        .collect();
    d.write("lists.docx", &docx(&para("คำสั่งโรงเรียน"), Some(&many)));
    assert_fails(
        &d.run(&["parse", "--max-nodes", "1000", "lists.docx"]),
        "kamsang: lists.docx: word/numbering.xml has more than 1000 numbering definitions (abstractNum, num, lvl), past the limit of 1 per outline node (raise it with --max-nodes)",
    );
    let v = assert_parses(&d.run(&["parse", "lists.docx"]));
    assert_eq!(v["outline"][0]["text"], "คำสั่งโรงเรียน");
}

/// Tables nested `depth` deep, one cell each, the text at the bottom.
pub(super) fn nested_tables(depth: usize, text: &str) -> String {
    let open = "<w:tbl><w:tr><w:tc>".repeat(depth);
    let close = "</w:tc></w:tr></w:tbl>".repeat(depth);
    format!("{open}{}{close}", para(text))
}

#[test]
fn docx_tables_nested_1000_deep_are_read_as_text_below_the_nesting_limit() {
    let d = Dir::new();
    d.write(
        "nest.docx",
        &docx(
            &format!(
                "{}{}",
                para("คำสั่งโรงเรียน"),
                nested_tables(1000, "งานสารบรรณ")
            ),
            None,
        ),
    );
    let v = assert_parses(&d.run(&["parse", "nest.docx"]));
    assert!(super::codes(&v).contains(&"table_flattened"), "{v}");
    let text = v["outline"].to_string();
    assert!(text.contains("งานสารบรรณ"), "the text is kept: {text}");
}

#[test]
fn render_to_docx_past_the_part_limit_is_refused_up_front() {
    // 2,000 people with 90 duties each: a word/document.xml of some 75 MiB,
    // which kamsang would refuse to read back (--max-part-size): refused
    // before it is built
    let d = Dir::new();
    let mut text = String::from("คำสั่งโรงเรียนบ้านหนองแก\nเรื่อง แต่งตั้งผู้รับผิดชอบงาน\n");
    for n in 1..=2_000 {
        text.push_str(&format!("{n}. นายสมชาย ใจดี ตำแหน่ง ครู\n"));
        for k in 1..=90 {
            text.push_str(&format!("{n}.{k} งาน\n"));
        }
    }
    d.write("many.txt", text.as_bytes());
    let o = d.run(&["render", "many.txt", "--to", "docx", "-o", "many.docx"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("kamsang: many.txt: cannot write .docx: the .docx would hold a word/document.xml of about ")
            && err.ends_with(", past 64 MiB, the limit for one part that kamsang reads back (raise it with --max-part-size)\n")
            && err.lines().count() == 1,
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!d.0.path().join("many.docx").exists());
}

/// The worst inputs of issue 12, under a 4 GiB address-space cap: each ends
/// with exit 1 and one line naming its path (or parses), never an abort, and
/// the largest child stays under 1 GiB resident.
#[test]
fn worst_inputs_under_a_4_gib_address_space_cap() {
    if crate::common::unix_binary_only() {
        return;
    }
    let available = std::process::Command::new("prlimit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if crate::common::skip_without(
        available,
        "KAMSANG_REQUIRE_PRLIMIT",
        "prlimit (util-linux) caps the address space",
    ) {
        return;
    }
    let d = Dir::new();
    let cases: [(&str, Vec<u8>, bool); 6] = [
        ("far.xlsx", xlsx_far_cell(), true),
        ("wide.xlsx", xlsx_wide(), false),
        ("sst.xlsx", xlsx_shared_string_everywhere(), false),
        ("rep.ods", ods_repeated(), false),
        ("letters.docx", docx_thai_letters_label(), false),
        (
            "nest.docx",
            docx(&nested_tables(1000, "งานสารบรรณ"), None),
            true,
        ),
    ];
    for (name, bytes, parses) in &cases {
        d.write(name, bytes);
        let o = std::process::Command::new("prlimit")
            .arg("--as=4294967296")
            .arg(crate::common::test_exe())
            .args(["parse", name])
            .current_dir(d.0.path())
            .output()
            .expect("run prlimit");
        let err = String::from_utf8_lossy(&o.stderr);
        if *parses {
            assert_eq!(o.status.code(), Some(0), "{name}: {err}");
        } else {
            assert_eq!(o.status.code(), Some(1), "{name}: {err}");
            assert!(
                err.lines().count() == 1 && err.starts_with(&format!("kamsang: {name}: ")),
                "{name}: {err}"
            );
        }
    }
    // getrusage is Unix only (and so is prlimit)
    #[cfg(unix)]
    {
        let peak = super::children_peak_rss_kib();
        assert!(peak < 1024 * 1024, "peak RSS {peak} KiB");
    }
}
