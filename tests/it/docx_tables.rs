//! Tables anywhere (issue 13, point 3): merged cells (`gridSpan`,
//! `vMerge`), a header row repeated inside the table, a layout table around
//! the real one, and a committee's member table (ลำดับ | ชื่อ-สกุล | ตำแหน่ง |
//! หน้าที่ในคณะกรรมการ) read as the committee's members with their seats.

use crate::common;

use kamsang::DutyOrder;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn p(t: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>"#)
}

/// A cell: its text (paragraphs split at `\n`), `gridSpan`, `vMerge`
/// ("restart", "continue" or none).
fn tc(text: &str, span: usize, vmerge: Option<&str>) -> String {
    let mut pr = String::new();
    if span > 1 {
        pr.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    match vmerge {
        Some("restart") => pr.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Some(_) => pr.push_str("<w:vMerge/>"),
        None => {}
    }
    let paras: String = if text.is_empty() {
        "<w:p/>".to_string()
    } else {
        text.split('\n').map(p).collect()
    };
    format!("<w:tc><w:tcPr>{pr}</w:tcPr>{paras}</w:tc>")
}

fn c(text: &str) -> String {
    tc(text, 1, None)
}

fn tr(cells: &[String], header: bool) -> String {
    let pr = if header {
        "<w:trPr><w:tblHeader/></w:trPr>"
    } else {
        ""
    };
    format!("<w:tr>{pr}{}</w:tr>", cells.concat())
}

fn tbl(rows: &[String]) -> String {
    format!("<w:tbl><w:tblPr/><w:tblGrid/>{}</w:tbl>", rows.concat())
}

fn header() -> String {
    tr(
        &[c("ลำดับ"), c("ชื่อ-สกุล"), c("ตำแหน่ง"), c("หน้าที่ในคณะกรรมการ")],
        true,
    )
}

fn member(n: &str, name: &str, post: &str, role: &str) -> String {
    tr(&[c(n), c(name), c(post), c(role)], false)
}

/// The order around `table`: a committee appointed, the members in it.
fn order(table: &str) -> DutyOrder {
    let body = [
        p("คำสั่งโรงเรียนบ้านหนองบัว"),
        p("ที่ 20/2567"),
        p("เรื่อง แต่งตั้งคณะกรรมการดำเนินงานกีฬาสี"),
        p("จึงแต่งตั้งคณะกรรมการดำเนินงาน ประกอบด้วย"),
        table.to_string(),
        p("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"),
        p("สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2567"),
        p("(นายใหญ่ ใจกว้าง)"),
        p("ผู้อำนวยการโรงเรียนบ้านหนองบัว"),
    ]
    .concat();
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    common::parse_as("t.docx", &common::docx(&[("word/document.xml", &doc)]))
}

type Seat = (Option<String>, Option<String>, Option<String>);

fn members(o: &DutyOrder) -> Vec<Seat> {
    assert_eq!(o.committees.len(), 1, "{:?}", o.committees);
    o.committees[0]
        .members
        .iter()
        .map(|m| (m.full_name.clone(), m.position.clone(), m.role.clone()))
        .collect()
}

fn seat(name: &str, post: &str, role: &str) -> Seat {
    (
        Some(name.to_string()),
        Some(post.to_string()),
        Some(role.to_string()),
    )
}

fn three() -> Vec<Seat> {
    vec![
        seat("นายสมชาย ใจดี", "ผู้อำนวยการโรงเรียน", "ประธานกรรมการ"),
        seat("นางสมศรี ดีงาม", "ครูชำนาญการ", "กรรมการ"),
        seat("นางสาวมาลี สวยงาม", "ครู", "กรรมการและเลขานุการ"),
    ]
}

fn rows_of_three() -> Vec<String> {
    vec![
        member("1", "นายสมชาย ใจดี", "ผู้อำนวยการโรงเรียน", "ประธานกรรมการ"),
        member("2", "นางสมศรี ดีงาม", "ครูชำนาญการ", "กรรมการ"),
        member("3", "นางสาวมาลี สวยงาม", "ครู", "กรรมการและเลขานุการ"),
    ]
}

#[test]
fn regression_a_committee_member_table_is_the_committee() {
    // issue 13: the role column หน้าที่ในคณะกรรมการ was read as the members'
    // duties (`1.1 ประธานกรรมการ`), and each role became a seat of its own
    let mut rows = vec![header()];
    rows.extend(rows_of_three());
    let o = order(&tbl(&rows));
    assert_eq!(members(&o), three());
}

#[test]
fn a_header_row_repeated_in_the_table_is_left_out() {
    let mut rows = vec![header()];
    let three_rows = rows_of_three();
    rows.extend(three_rows[..2].iter().cloned());
    rows.push(header()); // printed again at the top of page 2, pasted from a PDF
    rows.push(three_rows[2].clone());
    let o = order(&tbl(&rows));
    assert_eq!(members(&o), three());
    assert!(
        o.diagnostics
            .iter()
            .any(|d| d.code.as_str() == "page_artefact"),
        "{:?}",
        o.diagnostics
    );
}

#[test]
fn a_merged_role_cell_is_every_row_s_role() {
    // vMerge: one กรรมการ cell merged down two rows
    let rows = [
        header(),
        member("1", "นายสมชาย ใจดี", "ผู้อำนวยการโรงเรียน", "ประธานกรรมการ"),
        tr(
            &[
                c("2"),
                c("นางสมศรี ดีงาม"),
                c("ครูชำนาญการ"),
                tc("กรรมการ", 1, Some("restart")),
            ],
            false,
        ),
        tr(
            &[
                c("3"),
                c("นายมานะ อดทน"),
                c("ครู"),
                tc("", 1, Some("continue")),
            ],
            false,
        ),
        member("4", "นางสาวมาลี สวยงาม", "ครู", "กรรมการและเลขานุการ"),
    ];
    let o = order(&tbl(&rows));
    let got = members(&o);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[2], seat("นายมานะ อดทน", "ครู", "กรรมการ"));
}

#[test]
fn a_cell_spanning_columns_keeps_the_cells_after_it_in_place() {
    // gridSpan: the columns a cell covers are empty cells, so a row whose
    // first cell spans the number and name columns keeps its role under
    // หน้าที่ในคณะกรรมการ (an ex-officio seat: no number, no name)
    let mut rows = vec![header()];
    rows.extend(rows_of_three());
    rows.push(tr(
        &[tc("", 2, None), c("รองผู้อำนวยการโรงเรียน"), c("กรรมการ")],
        false,
    ));
    let o = order(&tbl(&rows));
    let got = members(&o);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[3].2.as_deref(), Some("กรรมการ"), "{got:?}");
    let doc = format!(
        r#"<?xml version="1.0"?><w:document {W}><w:body>{}</w:body></w:document>"#,
        tbl(&[tr(&[tc("ก", 3, None), c("ข")], false)])
    );
    let src = kamsang::Parser::new()
        .normalize_bytes("t.docx", &common::docx(&[("word/document.xml", &doc)]))
        .expect("reads");
    assert_eq!(src.lines.len(), 1);
    assert_eq!(src.lines[0].text, "ก ข");
}

#[test]
fn a_table_inside_a_layout_table_is_read_as_a_table() {
    // Word users put the member table in a one-cell borderless table; its
    // rows were one cell's text, `ลำดับ ชื่อ-สกุล … 1 นายสมชาย …` in one seat
    let mut rows = vec![header()];
    rows.extend(rows_of_three());
    let inner = tbl(&rows);
    let outer = tbl(&[format!("<w:tr><w:tc>{inner}<w:p/></w:tc></w:tr>")]);
    let o = order(&outer);
    assert_eq!(members(&o), three());
    // a nested table beside text in the same row stays that cell's text
    let mixed = tbl(&[format!(
        "<w:tr>{}<w:tc>{inner}<w:p/></w:tc></w:tr>",
        c("แนบ")
    )]);
    let o = order(&mixed);
    assert!(
        o.committees.iter().all(|c| c.members.len() <= 1),
        "{:?}",
        o.committees
    );
}

#[test]
fn people_in_a_table_after_the_signature_are_the_annex_s_people() {
    // an annex after the signature: its people are people, never lines of
    // the signer's position
    let mut rows = vec![tr(&[c("ที่"), c("ชื่อ-สกุล"), c("ตำแหน่ง"), c("หน้าที่")], true)];
    rows.push(tr(
        &[c("1"), c("นายสมชาย ใจดี"), c("ครู"), c("ครูเวรวันจันทร์")],
        false,
    ));
    rows.push(tr(
        &[c("2"), c("นางสมศรี ดีงาม"), c("ครู"), c("ครูเวรวันอังคาร")],
        false,
    ));
    let body = [
        p("คำสั่งโรงเรียนบ้านหนองบัว"),
        p("ที่ 21/2567"),
        p("เรื่อง แต่งตั้งครูเวรประจำวัน"),
        p("จึงแต่งตั้งครูเวรประจำวัน ตามบัญชีแนบท้ายคำสั่งนี้"),
        p("สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2567"),
        p("(นายใหญ่ ใจกว้าง)"),
        p("ผู้อำนวยการโรงเรียนบ้านหนองบัว"),
        tbl(&rows),
    ]
    .concat();
    let doc =
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
    let o = common::parse_as("t.docx", &common::docx(&[("word/document.xml", &doc)]));
    let names: Vec<&str> = o.people.iter().map(|p| p.full_name.as_str()).collect();
    assert_eq!(names, ["นายสมชาย ใจดี", "นางสมศรี ดีงาม"]);
    let signed = o.header.signed_by.as_ref().expect("signed");
    assert_eq!(signed.position, ["ผู้อำนวยการโรงเรียนบ้านหนองบัว"]);
}

/// An order that refers to its annex, signed, then the annex: `annex`.
fn annexed(subject: &str, clause: &str, annex: &str) -> DutyOrder {
    let body = [
        p("คำสั่งโรงเรียนบ้านหนองบัว"),
        p("ที่ 21/2567"),
        p(&format!("เรื่อง {subject}")),
        p(clause),
        p("สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2567"),
        p("(นายใหญ่ ใจกว้าง)"),
        p("ผู้อำนวยการโรงเรียนบ้านหนองบัว"),
        annex.to_string(),
    ]
    .concat();
    let doc =
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
    common::parse_as("t.docx", &common::docx(&[("word/document.xml", &doc)]))
}

#[test]
fn regression_an_annex_table_s_caption_row_is_no_signer_position() {
    // the caption of an annex table is a merged cell over the whole row
    // (`บัญชีรายชื่อ… แนบท้ายคำสั่ง…`): a table row, never a line of the
    // signer's position
    let rows = [
        tr(
            &[tc(
                "บัญชีรายชื่อครูเวรประจำวัน แนบท้ายคำสั่งโรงเรียนบ้านหนองบัว ที่ 21/2567",
                4,
                None,
            )],
            false,
        ),
        tr(&[c("ที่"), c("ชื่อ-สกุล"), c("ตำแหน่ง"), c("หน้าที่")], true),
        tr(
            &[c("1"), c("นายสมชาย ใจดี"), c("ครู"), c("ครูเวรวันจันทร์")],
            false,
        ),
        tr(
            &[c("2"), c("นางสมศรี ดีงาม"), c("ครู"), c("ครูเวรวันอังคาร")],
            false,
        ),
    ];
    let o = annexed(
        "แต่งตั้งครูเวรประจำวัน",
        "จึงแต่งตั้งครูเวรประจำวัน ตามบัญชีแนบท้ายคำสั่งนี้",
        &tbl(&rows),
    );
    let signed = o.header.signed_by.as_ref().expect("signed");
    assert_eq!(signed.position, ["ผู้อำนวยการโรงเรียนบ้านหนองบัว"]);
    let names: Vec<&str> = o.people.iter().map(|p| p.full_name.as_str()).collect();
    assert_eq!(names, ["นายสมชาย ใจดี", "นางสมศรี ดีงาม"]);
    // a one-cell caption row of its own, and a caption paragraph above the
    // table, are no position lines either
    let caption = tr(&[c("รายชื่อครูเวรประจำวัน แนบท้ายคำสั่งโรงเรียนบ้านหนองบัว")], false);
    let mut one_cell = vec![caption];
    one_cell.extend(rows.iter().skip(1).cloned());
    let o = annexed(
        "แต่งตั้งครูเวรประจำวัน",
        "จึงแต่งตั้งครูเวรประจำวัน ตามบัญชีแนบท้ายคำสั่งนี้",
        &tbl(&one_cell),
    );
    let signed = o.header.signed_by.as_ref().expect("signed");
    assert_eq!(signed.position, ["ผู้อำนวยการโรงเรียนบ้านหนองบัว"]);
    assert_eq!(o.people.len(), 2, "{:?}", o.people);
    let paragraph = [
        p("บัญชีรายชื่อครูเวรประจำวัน แนบท้ายคำสั่งโรงเรียนบ้านหนองบัว ที่ 21/2567"),
        tbl(rows.get(1..).unwrap_or(&[])),
    ]
    .concat();
    let o = annexed(
        "แต่งตั้งครูเวรประจำวัน",
        "จึงแต่งตั้งครูเวรประจำวัน ตามบัญชีแนบท้ายคำสั่งนี้",
        &paragraph,
    );
    let signed = o.header.signed_by.as_ref().expect("signed");
    assert_eq!(signed.position, ["ผู้อำนวยการโรงเรียนบ้านหนองบัว"]);
    assert_eq!(o.people.len(), 2, "{:?}", o.people);
}

#[test]
fn regression_an_annex_member_table_is_a_committee() {
    // the committee appointed `ตามบัญชีแนบท้าย`: its member table after the
    // signature is the committee, under the annex's caption
    let mut rows = vec![tr(
        &[tc(
            "รายชื่อคณะกรรมการดำเนินงานกีฬาสี แนบท้ายคำสั่งโรงเรียนบ้านหนองบัว ที่ 21/2567",
            4,
            None,
        )],
        false,
    )];
    rows.push(header());
    rows.extend(rows_of_three());
    let o = annexed(
        "แต่งตั้งคณะกรรมการดำเนินงานกีฬาสี",
        "จึงแต่งตั้งคณะกรรมการดำเนินงานกีฬาสี ตามบัญชีรายชื่อแนบท้ายคำสั่งนี้",
        &tbl(&rows),
    );
    let signed = o.header.signed_by.as_ref().expect("signed");
    assert_eq!(signed.position, ["ผู้อำนวยการโรงเรียนบ้านหนองบัว"]);
    assert_eq!(members(&o), three());
    assert_eq!(o.committees[0].name, "คณะกรรมการดำเนินงานกีฬาสี");
    let names: Vec<&str> = o.people.iter().map(|p| p.full_name.as_str()).collect();
    assert_eq!(names, ["นายสมชาย ใจดี", "นางสมศรี ดีงาม", "นางสาวมาลี สวยงาม"]);
}

/// A held-out .txt as a .docx a writer makes of it: each line a paragraph
/// (its leading tabs left out), and each run of lines with cells (a tab
/// inside the line) one Word table, a cell for each. The number of tables.
fn as_word_tables(text: &str) -> (Vec<u8>, usize) {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    let mut rows: Vec<String> = Vec::new();
    let mut tables = 0;
    let mut flush = |rows: &mut Vec<String>, body: &mut String| {
        if !rows.is_empty() {
            body.push_str(&tbl(rows));
            rows.clear();
            tables += 1;
        }
    };
    for line in text.lines() {
        let line = line.trim_start_matches('\t');
        if line.contains('\t') {
            let cells: Vec<String> = line.split('\t').map(|t| c(&esc(t))).collect();
            rows.push(tr(&cells, false));
        } else {
            flush(&mut rows, &mut body);
            body.push_str(&if line.is_empty() {
                "<w:p/>".to_string()
            } else {
                p(&esc(line))
            });
        }
    }
    flush(&mut rows, &mut body);
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    (common::docx(&[("word/document.xml", &doc)]), tables)
}

/// A Word table whose first row names the columns (ลำดับ | ชื่อ - สกุล |
/// ตำแหน่ง | หน้าที่ …) reads as the same rows typed with tabs: the same
/// people, duties, committees and members, field for field. A table of
/// people whose cells are one paragraph each reads exactly as typed, its
/// numbered items too (h04 read otherwise: the ลำดับ cell became the
/// person's number and the duty `1.1`); a member table keeps its own
/// reading, the ลำดับ cell the member's label, so its rows are numbered
/// items the .txt has not (h46's หน่วยงาน column, put after the role, was
/// no member's seat).
#[test]
fn regression_a_word_table_with_a_header_row_reads_as_its_rows_typed() {
    for (order, same_items) in [
        ("h04_office_duty_table", true),
        ("h46_university_announcement_committee_table", false),
        ("h19_school_onet_exam_table", false),
    ] {
        let rel = format!("fixtures/heldout/{order}.txt");
        let text = std::fs::read_to_string(common::root().join(&rel)).expect("held-out order");
        let (bytes, tables) = as_word_tables(&text);
        assert!(tables >= 1, "{order}: no table made");
        let keep = |facts: Vec<String>| -> Vec<String> {
            facts
                .into_iter()
                .filter(|f| same_items || !f.starts_with("item "))
                .collect()
        };
        let want = keep(crate::round_trip::facts(&common::parse_fixture(&rel)));
        let got = keep(crate::round_trip::facts(&common::parse_as(
            "t.docx", &bytes,
        )));
        assert_eq!(got, want, "{order}");
        assert!(
            want.iter()
                .any(|f| f.starts_with("person ") || f.starts_with("  member ")),
            "{order}: no one read"
        );
    }
}

/// kamsang's clean .docx writes such rows as a Word table (the header row
/// its first row), and they read back as the .txt's.
#[test]
fn render_writes_a_header_row_table_as_a_word_table() {
    let rel = "fixtures/heldout/h04_office_duty_table.txt";
    let order = common::parse_fixture(rel);
    let bytes =
        kamsang::render::render_docx(&order, kamsang::render::Numbering::Typed).expect("renders");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document part"),
        &mut xml,
    )
    .expect("utf-8");
    let table = xml
        .split("<w:tbl>")
        .nth(1)
        .and_then(|t| t.split("</w:tbl>").next())
        .expect("a Word table");
    assert_eq!(
        table.matches("<w:tr").count() - table.matches("<w:trPr").count(),
        5
    );
    for cell in [
        "ลำดับ",
        "หน้าที่ที่ได้รับมอบหมาย",
        "นางรัชนี สุขประเสริฐ",
        "งานสารบรรณของกลุ่ม",
    ] {
        assert!(table.contains(cell), "{cell} not in the table");
    }
    let again = kamsang::parse_bytes("again.docx", &bytes).expect("reads");
    assert_eq!(
        crate::round_trip::facts(&again),
        crate::round_trip::facts(&order)
    );
    // a member table's rows, which start with their number, stay tabbed
    // paragraphs, the header row with them
    let order =
        common::parse_fixture("fixtures/heldout/h46_university_announcement_committee_table.txt");
    let bytes =
        kamsang::render::render_docx(&order, kamsang::render::Numbering::Typed).expect("renders");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document part"),
        &mut xml,
    )
    .expect("utf-8");
    assert!(!xml.contains("<w:tbl>"), "a Word table of members");
    assert_eq!(
        xml.matches("<w:tab />").count(),
        15,
        "3 tabs in each of 5 rows"
    );
}
