//! Tables flattened to one cell per line — a PDF's or a web page's table
//! pasted as text: column headings as lines, then per row the row number
//! alone, the name cell and the list cell, one entry a line, from `1.` in
//! every row. Each row is one person; the list is their stand-ins
//! (substitutes, when the list column's heading names them:
//! `…ที่ปฏิบัติราชการแทน… ตามลำดับ`) or their items; no list counts on across
//! rows, no row number is an item, no one is invented.

use crate::common;

use kamsang::diagnostic::Code;
use kamsang::model::DutyOrder;

/// Lines `from..=to` (1-based) of a fixture.
fn fixture_lines(path: &str, from: usize, to: usize) -> String {
    let text =
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    let lines: Vec<&str> = text.lines().skip(from - 1).take(to + 1 - from).collect();
    lines.join("\n") + "\n"
}

/// A person as a stand-in table row gives them: number, name, post, group,
/// stand-ins.
type RowPerson<'a> = (
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Vec<&'a str>,
);

/// A row's person with their duties: number, name, group, (number, title).
type RowDuties<'a> = (
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    Vec<(Option<&'a str>, &'a str)>,
);

fn row_people(order: &DutyOrder) -> Vec<RowPerson<'_>> {
    order
        .people
        .iter()
        .map(|p| {
            (
                p.number.as_deref(),
                p.full_name.as_str(),
                p.position.as_deref(),
                p.work_group.as_deref(),
                p.substitutes.iter().map(|s| s.full_name.as_str()).collect(),
            )
        })
        .collect()
}

fn corrections(order: &DutyOrder) -> Vec<(u32, String)> {
    order
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NumberOutOfOrder)
        .map(|d| (d.line, d.message.clone()))
        .collect()
}

/// Real order 006's stand-in tables (lines 14–48): a table with the row
/// numbers, then one without (ส่วนที่ 3: the minister's row). The deputy in
/// each row is one person with the stand-ins as substitutes, the name
/// column's heading their post.
#[test]
fn regression_flattened_stand_in_table_rows() {
    let file = "fixtures/corpus/006_pm_215_2565_acting_pm_flattened_table.txt";
    let order = kamsang::parse_str("x.txt", &fixture_lines(file, 14, 48)).expect("parses");
    assert_eq!(corrections(&order), []);
    let deputy = Some("รองนายกรัฐมนตรี");
    let minister = Some("รัฐมนตรีประจำสำนักนายกรัฐมนตรี");
    let (prawit, wissanu, anutin) = ("พลเอก ประวิตร วงษ์สุวรรณ", "นายวิษณุ เครืองาม", "นายอนุทิน ชาญวีรกูล");
    let (jurin, don, supattanapong) = (
        "นายจุรินทร์ ลักษณวิศิษฏ์",
        "นายดอน ปรมัตถ์วินัย",
        "นายสุพัฒนพงษ์ พันธ์มีเชาว์",
    );
    let want: Vec<RowPerson<'_>> = vec![
        (Some("1"), prawit, deputy, None, vec![supattanapong, anutin]),
        (Some("2"), wissanu, deputy, None, vec![anutin, jurin]),
        (Some("3"), anutin, deputy, None, vec![don, supattanapong]),
        (Some("4"), jurin, deputy, None, vec![prawit, don]),
        (Some("5"), don, deputy, None, vec![wissanu, supattanapong]),
        (Some("6"), supattanapong, deputy, None, vec![jurin, wissanu]),
        (
            None,
            "นายอนุชา นาคาศัย",
            minister,
            None,
            vec![wissanu, prawit],
        ),
    ];
    assert_eq!(row_people(&order), want);
    // every stand-in is one of the people; a list of names is no duty
    assert!(order.people.iter().all(|p| p.duties.is_empty()));
    assert!(
        order
            .people
            .iter()
            .flat_map(|p| &p.substitutes)
            .all(|s| s.person_id.is_some())
    );
}

/// The same table as a Word table (006's rows, a cell of two paragraphs for
/// the stand-ins, built here from the .txt's lines): the same people, posts
/// and substitutes as the flattened text gives.
#[test]
fn the_same_table_as_a_word_table_reads_the_same() {
    let file = "fixtures/corpus/006_pm_215_2565_acting_pm_flattened_table.txt";
    let cells: Vec<String> = fixture_lines(file, 15, 41)
        .lines()
        .map(str::to_string)
        .collect();
    let p = |t: &str| format!(r#"<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>"#);
    let cell = |ps: &[&String]| {
        let paras: String = ps.iter().map(|t| p(t)).collect();
        format!("<w:tc>{paras}</w:tc>")
    };
    let header: String = cells[..3].iter().map(|h| cell(&[h])).collect();
    let mut rows = vec![format!("<w:tr>{header}</w:tr>")];
    // each row: its number, the deputy, two stand-ins in one cell
    for r in cells[3..].chunks(4) {
        let row = [cell(&[&r[0]]), cell(&[&r[1]]), cell(&[&r[2], &r[3]])].concat();
        rows.push(format!("<w:tr>{row}</w:tr>"));
    }
    let intro = p(fixture_lines(file, 14, 14).trim());
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{intro}<w:tbl>{}</w:tbl></w:body></w:document>"#,
        rows.concat()
    );
    let word = common::parse_as("x.docx", &common::docx(&[("word/document.xml", &doc)]));
    let text = kamsang::parse_str("x.txt", &fixture_lines(file, 14, 41)).expect("parses");
    assert_eq!(row_people(&text).len(), 6);
    assert_eq!(row_people(&word), row_people(&text));
    assert_eq!(corrections(&word), []);
}

/// A school's duty table flattened the same way, the row numbers in Thai
/// digits: the list cell is the row's person's duties, numbered under the
/// row (`1.1`, `1.2`, `2.1` …) as they are written, from 1 in each row.
#[test]
fn flattened_table_rows_with_their_items() {
    let text = "คำสั่งโรงเรียนบ้านหนองบัว\n\
                ที่ 12/2567\n\
                เรื่อง มอบหมายหน้าที่\n\
                \n\
                ลำดับ\nชื่อ-สกุล\nหน้าที่\n\
                ๑\nนางสาวสมศรี ใจดี\n1. งานสารบรรณ\n2. งานพัสดุ\n\
                ๒\nนายสมชาย ใจงาม\n1. งานการเงิน\n2. งานบัญชี\n\
                3. งานอื่น ๆ ตามที่ได้รับมอบหมาย\n\
                สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2567\n";
    let order = kamsang::parse_str("x.txt", text).expect("parses");
    assert_eq!(corrections(&order), []);
    let got: Vec<RowDuties<'_>> = order
        .people
        .iter()
        .map(|p| {
            (
                p.number.as_deref(),
                p.full_name.as_str(),
                p.work_group.as_deref(),
                p.duties
                    .iter()
                    .map(|d| (d.number.as_deref(), d.title.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("1"),
                "นางสาวสมศรี ใจดี",
                None,
                vec![(Some("1.1"), "งานสารบรรณ"), (Some("1.2"), "งานพัสดุ")]
            ),
            (
                Some("2"),
                "นายสมชาย ใจงาม",
                None,
                vec![
                    (Some("2.1"), "งานการเงิน"),
                    (Some("2.2"), "งานบัญชี"),
                    (Some("2.3"), "งานอื่น ๆ ตามที่ได้รับมอบหมาย")
                ]
            ),
        ]
    );
}

/// Short lines after a `ลำดับที่` line that no row follows (no titled name
/// after the row number) are not a table: no header row of cells is made of
/// them and no one is made up.
#[test]
fn short_lines_without_rows_are_no_table() {
    let text = "ลำดับที่\nรายการ\nจำนวน\n1\nโต๊ะนักเรียน\n2\nเก้าอี้\n";
    let order = kamsang::parse_str("x.txt", text).expect("parses");
    assert!(order.people.is_empty(), "{:?}", row_people(&order));
    fn no_cells(nodes: &[kamsang::model::OutlineNode]) -> bool {
        nodes
            .iter()
            .all(|n| n.cells.is_empty() && no_cells(&n.children))
    }
    assert!(no_cells(&order.outline));
    assert!(
        order.outline.iter().any(|n| n.text.contains("ลำดับที่รายการ")),
        "the lines are read as they were"
    );
}
