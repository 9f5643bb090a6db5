//! The .docx reader's raw lines (before normalisation) on a document built
//! here, part by part: tables, revisions, fields, text boxes and breaks.
//! (Moved from tests/docx.rs when the reader became private.)

use std::io::Write;

use crate::read::ParaStart;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

/// A .docx (stored, not deflated) with these parts.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("[Content_Types].xml", opts).expect("zip");
        z.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
            .expect("zip");
        for (name, text) in parts {
            z.start_file(*name, opts).expect("zip");
            z.write_all(text.as_bytes()).expect("zip");
        }
        z.finish().expect("zip");
    }
    buf.into_inner()
}

fn body(paragraphs: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{paragraphs}<w:sectPr/></w:body></w:document>"#
    )
}

#[test]
fn tables_revisions_fields_text_boxes_and_breaks() {
    let doc = body(&[
        r#"<w:p><w:r><w:t>ก่อน</w:t></w:r><w:del w:id="1"><w:r><w:delText>ลบแล้ว</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>แทรก</w:t></w:r></w:ins></w:p>"#,
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>๕</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>ลิงก์</w:t></w:r></w:hyperlink></w:p>"#,
        r#"<w:p><w:r><w:t>บรรทัดแรก</w:t><w:br/><w:t>บรรทัดสอง</w:t><w:tab/><w:t>หลังแท็บ &amp; &#3585;</w:t></w:r></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ลำดับ</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>ชื่อ</w:t></w:r></w:p><w:p><w:r><w:t>สกุล</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#,
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>ในกล่อง</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>ในกล่อง</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>เจ้าของกล่อง</w:t></w:r></w:p>"#,
        r#"<w:p/>"#,
    ]
    .concat());
    let bytes = docx(&[("word/document.xml", &doc)]);
    let src = crate::read::read_bytes("t.docx", &bytes, &crate::Options::default()).expect("reads");
    let got: Vec<(u32, &str, ParaStart)> = src
        .lines
        .iter()
        .map(|l| (l.line, l.text.as_str(), l.para_start))
        .collect();
    // a soft break splits its paragraph into lines that keep its number
    let (p, soft) = (ParaStart::Paragraph, ParaStart::SoftBreak);
    assert_eq!(
        got,
        [
            (1, "ก่อนแทรก", p),
            (2, "๕ลิงก์", p),
            (3, "บรรทัดแรก", p),
            (3, "บรรทัดสอง\tหลังแท็บ & ก", soft),
            (4, "ลำดับ\tชื่อ สกุล", p),
            (5, "1\t", p),
            (6, "ในกล่อง", p),
            (7, "เจ้าของกล่อง", p),
            (8, "", p),
        ]
    );
}

#[test]
fn paragraphs_in_a_text_file_style_are_lines_of_a_text() {
    // LibreOffice imports a .txt as "Preformatted Text" paragraphs, one a
    // line, wrapped where the text was: not paragraphs the writer made
    let styles = format!(
        r#"<?xml version="1.0"?><w:styles {W}><w:style w:type="paragraph" w:styleId="a1"><w:name w:val="Plain Text"/></w:style><w:style w:type="paragraph" w:styleId="a2"><w:basedOn w:val="a1"/></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#
    );
    let doc = body(&[
        r#"<w:p><w:pPr><w:pStyle w:val="a2"/></w:pPr><w:r><w:t>สำนักงานเขตพื้นที่</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>การศึกษา</w:t></w:r></w:p>"#,
    ]
    .concat());
    let bytes = docx(&[("word/document.xml", &doc), ("word/styles.xml", &styles)]);
    let src = crate::read::read_bytes("t.docx", &bytes, &crate::Options::default()).expect("reads");
    let got: Vec<ParaStart> = src.lines.iter().map(|l| l.para_start).collect();
    assert_eq!(got, [ParaStart::Unknown, ParaStart::Paragraph]);
}
