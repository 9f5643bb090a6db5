//! The spreadsheet reader (.xlsx, .ods): a duty table gives the same order as
//! the typed .txt order of the same content.
//!
//! The workbooks are built here, in the test, from the parsed reference order
//! `fixtures/parse/phetchaburi1-policy-plan.txt` (one row per duty, its steps
//! and sub-steps as numbered lines of the duty cell): .xlsx with
//! `rust_xlsxwriter`, .ods as a minimal OpenDocument zip written with `zip`. So
//! CI needs nothing extra. Copies are committed in `fixtures/sheet/` for trying
//! the CLI by hand; regenerate them with
//! `UPDATE_SHEET_FIXTURES=1 cargo test --test it sheet::`.

use crate::common;

use std::io::Write;

use kamsang::diagnostic::Code;
use kamsang::model::{Duty, DutyOrder, OutlineNode};
use kamsang::{ErrorKind, Severity};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

/// A cell to write.
#[derive(Debug, Clone)]
enum V {
    Empty,
    Text(String),
    /// A number cell (Excel's General format).
    Num(f64),
    /// A number cell with a number format; the text is what LibreOffice shows.
    NumFmt(f64, &'static str, &'static str),
}

fn t(s: &str) -> V {
    V::Text(s.to_string())
}

type Rows = Vec<Vec<V>>;

// ---------------------------------------------------------------------------
// Writers

fn xlsx(sheets: &[(&str, Rows)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = ExcelDateTime::from_ymd(2024, 1, 1).expect("date");
    wb.set_properties(&DocProperties::new().set_creation_datetime(&date));
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r).expect("row");
            for (c, v) in row.iter().enumerate() {
                let c = u16::try_from(c).expect("col");
                match v {
                    V::Empty => {}
                    V::Text(s) => {
                        ws.write_string(r, c, s).expect("write");
                    }
                    V::Num(f) => {
                        ws.write_number(r, c, *f).expect("write");
                    }
                    V::NumFmt(f, code, _) => {
                        let fmt = Format::new().set_num_format(*code);
                        ws.write_number_with_format(r, c, *f, &fmt).expect("write");
                    }
                }
            }
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A minimal .ods: mimetype (stored, first), manifest and content.xml.
fn ods(sheets: &[(&str, Rows)]) -> Vec<u8> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, rows) in sheets {
        content.push_str(&format!(
            r#"<table:table table:name="{}">"#,
            xml_escape(name)
        ));
        for row in rows {
            content.push_str("<table:table-row>");
            if row.is_empty() {
                content.push_str("<table:table-cell/>");
            }
            for v in row {
                match v {
                    V::Empty => content.push_str("<table:table-cell/>"),
                    V::Text(s) => {
                        content.push_str(r#"<table:table-cell office:value-type="string">"#);
                        for line in s.split('\n') {
                            content.push_str(&format!("<text:p>{}</text:p>", xml_escape(line)));
                        }
                        content.push_str("</table:table-cell>");
                    }
                    V::Num(f) => content.push_str(&format!(
                        r#"<table:table-cell office:value-type="float" office:value="{f}"><text:p>{f}</text:p></table:table-cell>"#
                    )),
                    V::NumFmt(f, _, shown) => content.push_str(&format!(
                        r#"<table:table-cell office:value-type="float" office:value="{f}"><text:p>{shown}</text:p></table:table-cell>"#
                    )),
                }
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(zip::DateTime::default());
        let deflated = stored.compression_method(zip::CompressionMethod::Deflated);
        z.start_file("mimetype", stored).expect("zip");
        z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .expect("zip");
        z.start_file("META-INF/manifest.xml", deflated)
            .expect("zip");
        z.write_all(manifest.as_bytes()).expect("zip");
        z.start_file("content.xml", deflated).expect("zip");
        z.write_all(content.as_bytes()).expect("zip");
        z.finish().expect("zip");
    }
    out.into_inner()
}

// ---------------------------------------------------------------------------
// The reference order as a duty table

use common::reference_order as reference;

/// Line of every outline node that has a steps heading (`ขั้นตอนการปฏิบัติงาน`)
/// among its children.
fn with_steps_heading(nodes: &[OutlineNode], out: &mut Vec<u32>) {
    for n in nodes {
        if n.children
            .iter()
            .any(|c| c.kind.as_str() == "steps_heading")
        {
            out.push(n.line_start);
        }
        with_steps_heading(&n.children, out);
    }
}

fn step_lines(steps: &[Duty], out: &mut Vec<String>) {
    for s in steps {
        out.push(format!("{} {}", s.label.as_deref().unwrap_or(""), s.title));
        step_lines(&s.steps, out);
    }
}

/// One row per duty: ลำดับ | ชื่อ-สกุล | ตำแหน่ง | หน้าที่ | หมายเหตุ. A person's
/// row carries the number (a number cell), name, position with rank and role,
/// and the first duty; the next rows only a duty. A duty cell holds the duty's
/// title (unnumbered: the reader numbers it), the steps heading when the .txt
/// has one, then every step and sub-step with its label as written (mistakes
/// such as `4.2.2` under 4.1 included). Work-group headings are rows of their
/// own. Not written: person 1's unnumbered substitute clause with its list of
/// names, which is no duty.
fn reference_rows(order: &DutyOrder) -> Rows {
    let h = &order.header;
    let mut rows: Rows = vec![
        vec![t(&format!("เรื่อง {}", h.subject.as_deref().unwrap_or("")))],
        vec![t(h.unit.as_deref().unwrap_or(""))],
        vec![t(h.issuer.as_deref().unwrap_or(""))],
        vec![t(h.preamble.as_deref().unwrap_or(""))],
        vec![],
        vec![t("ลำดับ"), t("ชื่อ-สกุล"), t("ตำแหน่ง"), t("หน้าที่"), t("หมายเหตุ")],
    ];
    let mut headed = Vec::new();
    with_steps_heading(&order.outline, &mut headed);
    let mut group: Option<&str> = None;
    for p in &order.people {
        if p.work_group.is_some() && p.work_group.as_deref() != group {
            group = p.work_group.as_deref();
            rows.push(vec![t(group.unwrap_or(""))]);
        }
        let position = [&p.position, &p.rank, &p.role]
            .iter()
            .filter_map(|s| s.as_deref())
            .collect::<Vec<_>>()
            .join(" ");
        for (k, d) in p.duties.iter().enumerate() {
            let mut cell = vec![d.title.to_string()];
            if headed.contains(&d.line_start) {
                cell.push("ขั้นตอนการปฏิบัติงาน".to_string());
            }
            step_lines(&d.steps, &mut cell);
            let duty = t(&cell.join("\n"));
            if k == 0 {
                let n: f64 = p.number.as_deref().unwrap_or("0").parse().expect("number");
                rows.push(vec![V::Num(n), t(&p.full_name), t(&position), duty]);
            } else {
                rows.push(vec![V::Empty, V::Empty, V::Empty, duty]);
            }
        }
    }
    rows
}

// ---------------------------------------------------------------------------
// Comparing orders

fn duty_tree(duties: &[Duty]) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(ds: &[Duty], depth: usize, out: &mut Vec<String>) {
        for d in ds {
            out.push(format!(
                "{}{} [{}] {}",
                "  ".repeat(depth),
                d.number.as_deref().unwrap_or("-"),
                d.kind,
                d.title
            ));
            walk(&d.steps, depth + 1, out);
        }
    }
    walk(duties, 0, &mut out);
    out
}

/// The same people, positions, ranks, roles, work groups and duty counts, and
/// the same duty numbers, kinds and titles to every depth.
fn assert_same_people(got: &DutyOrder, want: &DutyOrder, what: &str) {
    let names =
        |o: &DutyOrder| -> Vec<String> { o.people.iter().map(|p| p.full_name.clone()).collect() };
    assert_eq!(names(got), names(want), "{what}: people");
    for (g, w) in got.people.iter().zip(&want.people) {
        let who = format!("{what}: {}", w.full_name);
        assert_eq!(g.number, w.number, "{who}: number");
        assert_eq!(
            (&g.title, &g.given_name, &g.family_name),
            (&w.title, &w.given_name, &w.family_name),
            "{who}: name parts"
        );
        assert_eq!((&g.position, &g.rank), (&w.position, &w.rank), "{who}");
        assert_eq!(g.role, w.role, "{who}: role");
        assert_eq!(g.work_group, w.work_group, "{who}: work group");
        assert_eq!(g.duties.len(), w.duties.len(), "{who}: duty count");
        let (gt, wt) = (duty_tree(&g.duties), duty_tree(&w.duties));
        if gt != wt {
            let (old, new) = (wt.join("\n"), gt.join("\n"));
            let diff = similar::TextDiff::from_lines(&old, &new)
                .unified_diff()
                .header("txt", "sheet")
                .to_string();
            panic!("{who}: duties differ\n{diff}");
        }
    }
}

use common::parse_as as parse;

fn numbers(duties: &[Duty]) -> Vec<String> {
    duties
        .iter()
        .map(|d| d.number.as_deref().unwrap_or_default().to_string())
        .collect()
}

fn labels(duties: &[Duty]) -> Vec<String> {
    duties
        .iter()
        .map(|d| d.label.as_deref().unwrap_or_default().to_string())
        .collect()
}

fn find_text<'a>(nodes: &'a [OutlineNode], text: &str) -> Option<&'a OutlineNode> {
    nodes.iter().find_map(|n| {
        if n.text == text {
            Some(n)
        } else {
            find_text(&n.children, text)
        }
    })
}

// ---------------------------------------------------------------------------
// The reference order

#[test]
fn xlsx_gives_the_same_order_as_the_txt() {
    let want = reference();
    let rows = reference_rows(&want);
    let bytes = xlsx(&[("คำสั่ง", rows)]);
    let got = parse("x.xlsx", &bytes);
    assert_same_people(&got, &want, "xlsx");
    // substitutes from the numbered substitute clauses (person 1's is not in
    // the sheet: see `reference_rows`)
    for (g, w) in got.people.iter().zip(&want.people).skip(1) {
        assert_eq!(g.substitutes, w.substitutes, "{}", w.full_name);
    }
    let (gh, wh) = (&got.header, &want.header);
    assert_eq!(gh.subject, wh.subject);
    assert_eq!(gh.unit, wh.unit);
    assert_eq!(gh.issuer, wh.issuer);
    assert_eq!(gh.preamble, wh.preamble);

    assert_eq!(got.source.format.as_str(), "xlsx");
    assert_eq!(got.source.encoding, None);
    assert_eq!(got.source.path, "x.xlsx");
    assert_eq!(got.source.bytes, bytes.len() as u64);
    let json = serde_json::to_value(&got).expect("serialise");
    assert_eq!(json["source"]["format"], "xlsx");
    assert!(json["source"]["encoding"].is_null());
    common::assert_valid(&common::validator(), &json, "xlsx order");

    // line numbers are row numbers: 4 title rows, a blank row, the header row
    let p1 = got.people.first().expect("person 1");
    assert_eq!(
        p1.line_start, 7,
        "person 1 is on row 7, under the header row 6"
    );
    assert_eq!(p1.duties.first().map(|d| d.line_start), Some(7));
    assert_eq!(p1.duties.get(1).map(|d| d.line_start), Some(8));
    // the corrected 4.2.2 under 4.1 is reported on its row, as in the .txt
    let renumbered: Vec<_> = got
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::LabelRenumbered)
        .map(|d| (d.label.clone(), d.number.clone()))
        .collect();
    let want_renumbered: Vec<_> = want
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::LabelRenumbered)
        .map(|d| (d.label.clone(), d.number.clone()))
        .collect();
    assert_eq!(renumbered, want_renumbered);
}

#[test]
fn ods_gives_the_same_order_as_the_txt() {
    let want = reference();
    let bytes = ods(&[("คำสั่ง", reference_rows(&want))]);
    let got = parse("x.ods", &bytes);
    assert_same_people(&got, &want, "ods");
    assert_eq!(got.source.format.as_str(), "ods");
    assert_eq!(got.source.encoding, None);
}

#[test]
fn committed_sheet_fixtures_match_the_txt() {
    let root = common::root();
    let want = reference();
    let rows = reference_rows(&want);
    let dir = root.join("fixtures/sheet");
    let files = [
        (
            "phetchaburi1-policy-plan.xlsx",
            xlsx(&[("คำสั่ง", rows.clone())]),
        ),
        ("phetchaburi1-policy-plan.ods", ods(&[("คำสั่ง", rows)])),
    ];
    for (name, fresh) in files {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_SHEET_FIXTURES").is_some() {
            std::fs::create_dir_all(&dir).expect("fixture dir");
            std::fs::write(&path, &fresh).expect("write fixture");
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; generate it with UPDATE_SHEET_FIXTURES=1 cargo test --test it sheet::",
                path.display()
            )
        });
        let got = parse(name, &bytes);
        // people and duty numbers only: the titles are frozen in the file
        let flat = |o: &DutyOrder| -> Vec<(String, Option<String>, Vec<String>)> {
            o.people
                .iter()
                .map(|p| (p.full_name.clone(), p.rank.clone(), numbers(&p.duties)))
                .collect()
        };
        assert_eq!(
            flat(&got),
            flat(&want),
            "{name} (regenerate with UPDATE_SHEET_FIXTURES=1)"
        );
    }
}

// ---------------------------------------------------------------------------
// Small tables

fn small(header_rows: Rows, body: Rows) -> Rows {
    let mut rows = header_rows;
    rows.extend(body);
    rows
}

#[test]
fn header_row_under_two_title_rows() {
    let rows = small(
        vec![
            vec![t("คำสั่งโรงเรียนบ้านหนองใหญ่")],
            vec![t("เรื่อง แต่งตั้งข้าราชการครูปฏิบัติหน้าที่")],
            vec![t("ที่"), t("ชื่อ – สกุล"), t("ตำแหน่ง"), t("งานที่รับผิดชอบ")],
        ],
        vec![
            vec![
                V::Num(1.0),
                t("นายสมชาย ใจดี"),
                t("ครู ชำนาญการพิเศษ"),
                t("งานสารบรรณ"),
            ],
            vec![V::Empty, V::Empty, V::Empty, t("งานพัสดุ")],
            vec![
                V::Num(2.0),
                t("นางสาวสมหญิง รักเรียน"),
                t("ครูผู้ช่วย"),
                t("งานการเงิน\nงานบัญชี\nงานอื่น ๆ ตามที่ได้รับมอบหมาย"),
            ],
        ],
    );
    for (name, bytes) in [
        ("x.xlsx", xlsx(&[("Sheet1", rows.clone())])),
        ("x.ods", ods(&[("Sheet1", rows)])),
    ] {
        let o = parse(name, &bytes);
        assert_eq!(
            o.header.subject.as_deref(),
            Some("แต่งตั้งข้าราชการครูปฏิบัติหน้าที่"),
            "{name}"
        );
        let people: Vec<_> = o
            .people
            .iter()
            .map(|p| {
                (
                    p.number.as_deref(),
                    p.full_name.as_str(),
                    p.position.as_deref(),
                    p.rank.as_deref(),
                    p.line_start,
                )
            })
            .collect();
        assert_eq!(
            people,
            [
                (
                    Some("1"),
                    "นายสมชาย ใจดี",
                    Some("ครู"),
                    Some("ชำนาญการพิเศษ"),
                    4
                ),
                // ครูผู้ช่วย (assistant teacher) is a position (issue 19)
                (Some("2"), "นางสาวสมหญิง รักเรียน", Some("ครูผู้ช่วย"), None, 6),
            ],
            "{name}"
        );
        let (p1, p2) = (&o.people[0], &o.people[1]);
        assert_eq!(numbers(&p1.duties), ["1.1", "1.2"], "{name}");
        // row numbers: one row, several lines, one line number
        let lines: Vec<_> = p1.duties.iter().map(|d| d.line_start).collect();
        assert_eq!(lines, [4, 5], "{name}");
        assert_eq!(numbers(&p2.duties), ["2.1", "2.2", "2.3"], "{name}");
        assert!(p2.duties.iter().all(|d| d.line_start == 6), "{name}");
        assert_eq!(p2.duties[2].kind.as_str(), "other_assigned", "{name}");
        assert!(o.diagnostics.is_empty(), "{name}: {:?}", o.diagnostics);
    }
}

#[test]
fn english_headers_and_numbered_duty_lines() {
    let rows = vec![
        vec![t("No."), t("Name"), t("Position"), t("Duties"), t("Remark")],
        vec![
            V::Num(1.0),
            t("นายสมชาย ใจดี"),
            t("ครู"),
            // a list of duties numbered in the cell: renumbered 1.1, 1.2
            t("1. งานสารบรรณ\n1.1 รับหนังสือ\n2. งานพัสดุ"),
        ],
        vec![
            V::Num(2.0),
            t("นางสมศรี มีสุข"),
            t("ครู"),
            t("- งานการเงิน\n- งานบัญชี"),
        ],
        vec![
            V::Num(3.0),
            t("นายสมศักดิ์ ดีมาก"),
            t("ครู"),
            // numbered as in a typed order: kept
            t("3.1 งานวิชาการ\n3.1.1 จัดตารางสอน\n3.2 งานวัดผล"),
        ],
        // an unnumbered duty after numbered ones continues the count
        vec![
            V::Empty,
            V::Empty,
            V::Empty,
            t("งานทะเบียน\n1) รับสมัคร\n2) ออกเอกสาร"),
        ],
    ];
    let o = parse("x.xlsx", &xlsx(&[("Sheet1", rows)]));
    let p: Vec<_> = o.people.iter().map(|p| numbers(&p.duties)).collect();
    assert_eq!(
        p,
        [
            vec!["1.1", "1.2"],
            vec!["2.1", "2.2"],
            vec!["3.1", "3.2", "3.3"]
        ]
    );
    assert_eq!(numbers(&o.people[0].duties[0].steps), ["1.1.1"]);
    assert_eq!(o.people[0].duties[0].title, "งานสารบรรณ");
    assert_eq!(o.people[1].duties[1].title, "งานบัญชี");
    assert_eq!(numbers(&o.people[2].duties[2].steps), ["1", "2"]);
    assert_eq!(o.people[2].duties[2].title, "งานทะเบียน");
    assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
}

#[test]
fn notes_are_kept_apart_from_duties() {
    let rows = vec![
        vec![
            t("ลำดับ"),
            t("ชื่อ-สกุล"),
            t("ตำแหน่ง"),
            t("หน้าที่"),
            t("หมายเหตุ"),
            t("เบอร์โทร"),
        ],
        vec![
            V::Num(1.0),
            t("นายสมชาย ใจดี"),
            t("ครู"),
            t("งานสารบรรณ"),
            t("หัวหน้ากลุ่มงาน"),
            t("081-234-5678"),
        ],
        vec![V::Empty, V::Empty, V::Empty, t("งานพัสดุ"), t("1. ชั่วคราว")],
        vec![V::Empty, V::Empty, V::Empty, t("งานการเงิน")],
        vec![V::Num(2.0), t("นางสมศรี มีสุข"), t("ครู"), t("งานบัญชี")],
    ];
    let o = parse("x.xlsx", &xlsx(&[("Sheet1", rows)]));
    let p: Vec<_> = o
        .people
        .iter()
        .map(|p| {
            let n = numbers(&p.duties);
            (p.position.clone(), n.join(" "))
        })
        .collect();
    assert_eq!(
        p,
        [
            (Some("ครู".to_string()), "1.1 1.2 1.3".to_string()),
            (Some("ครู".to_string()), "2.1".to_string())
        ]
    );
    let titles: Vec<_> = o.people[0]
        .duties
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(titles, ["งานสารบรรณ", "งานพัสดุ", "งานการเงิน"]);
    for (text, row) in [
        ("หมายเหตุ: หัวหน้ากลุ่มงาน", 2),
        ("เบอร์โทร: 081-234-5678", 2),
        ("หมายเหตุ: 1. ชั่วคราว", 3),
    ] {
        let n = find_text(&o.outline, text).unwrap_or_else(|| panic!("{text} kept"));
        assert_eq!(n.line_start, row, "{text}");
    }
}

#[test]
fn float_trap_duty_numbers_typed_as_numbers() {
    // ลำดับ on every duty row, typed as numbers: 1.10 is stored as 1.1
    let mut rows = vec![vec![t("ลำดับ"), t("ชื่อ-สกุล"), t("ตำแหน่ง"), t("หน้าที่")]];
    rows.push(vec![V::Num(1.0), t("นายสมชาย ใจดี"), t("ครู"), t("งานที่ 1")]);
    for k in 2..=11 {
        let label = format!("1.{k}");
        let value: f64 = label.parse().expect("float");
        rows.push(vec![
            V::Num(value),
            V::Empty,
            V::Empty,
            t(&format!("งานที่ {k}")),
        ]);
    }
    // the second person's 2.10 has the number format 0.00, as a user makes it
    // show 2.10
    rows.push(vec![V::Num(2.0), t("นางสมศรี มีสุข"), t("ครู"), t("งานที่ 1")]);
    for k in 2..=10 {
        let v = if k == 10 {
            V::NumFmt(2.1, "0.00", "2.10")
        } else {
            V::Num(format!("2.{k}").parse().expect("float"))
        };
        rows.push(vec![v, V::Empty, V::Empty, t(&format!("งานที่ {k}"))]);
    }
    // a label typed as text is read as written
    rows.push(vec![t("2.11"), V::Empty, V::Empty, t("งานที่ 11")]);

    for (name, bytes) in [
        ("x.xlsx", xlsx(&[("Sheet1", rows.clone())])),
        ("x.ods", ods(&[("Sheet1", rows.clone())])),
    ] {
        let o = parse(name, &bytes);
        let want1: Vec<String> = (1..=11).map(|k| format!("1.{k}")).collect();
        let want2: Vec<String> = (1..=11).map(|k| format!("2.{k}")).collect();
        assert_eq!(o.people[0].number.as_deref(), Some("1"), "{name}: no .0");
        assert_eq!(numbers(&o.people[0].duties), want1, "{name}");
        assert_eq!(labels(&o.people[0].duties), want1, "{name}: 1.10 kept");
        assert_eq!(numbers(&o.people[1].duties), want2, "{name}");
        assert_eq!(labels(&o.people[1].duties), want2, "{name}: 2.10 kept");
        // the repair of 1.1 → 1.10 is reported on its row (row 11)
        let repaired: Vec<_> = o
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::LabelFromNumber)
            .map(|d| (d.line, d.number.as_deref()))
            .collect();
        let want_repaired: &[(u32, Option<&str>)] = if name.ends_with("xlsx") {
            // 2.10 is read through its number format, nothing to repair
            &[(11, Some("1.10"))]
        } else {
            // ODS: calamine gives only the value
            &[(11, Some("1.10")), (22, Some("2.10"))]
        };
        assert_eq!(repaired, want_repaired, "{name}");
        assert!(
            o.diagnostics.iter().all(|d| d.severity != Severity::Error),
            "{name}"
        );
    }
}

#[test]
fn no_recognisable_header_is_a_clear_error() {
    let rows = vec![
        vec![t("รายชื่อ"), t("สังกัด")],
        vec![t("นายสมชาย ใจดี"), t("กลุ่มงานธุรการ")],
    ];
    for (name, bytes) in [
        ("x.xlsx", xlsx(&[("Sheet1", rows.clone())])),
        ("x.ods", ods(&[("Sheet1", rows)])),
    ] {
        let e = kamsang::parse_bytes(name, &bytes).expect_err("no header");
        assert!(matches!(e.kind(), ErrorKind::Unsupported(_)), "{name}");
        assert_eq!(
            e.to_string(),
            format!(
                "{name}: no sheet has a header row naming the columns ลำดับ, ชื่อ-สกุล, ตำแหน่ง, หน้าที่ (or No., Name, Position, Duty)"
            )
        );
    }
}

#[test]
fn only_empty_sheets_is_empty_input() {
    for (name, bytes) in [
        (
            "x.xlsx",
            xlsx(&[("Sheet1", vec![]), ("Sheet2", vec![vec![t("  ")]])]),
        ),
        ("x.ods", ods(&[("Sheet1", vec![])])),
        // a header row and no data
        (
            "h.xlsx",
            xlsx(&[("Sheet1", vec![vec![t("ชื่อ-สกุล"), t("หน้าที่")]])]),
        ),
    ] {
        let e = kamsang::parse_bytes(name, &bytes).expect_err("empty");
        assert_eq!(e.kind(), &ErrorKind::Empty, "{name}: {e}");
    }
}

#[test]
fn first_sheet_with_a_header_is_read_and_others_reported() {
    let table = vec![
        vec![t("ชื่อสกุล"), t("หน้าที่")],
        vec![t("นายสมชาย ใจดี"), t("งานสารบรรณ")],
    ];
    let bytes = xlsx(&[
        ("ปก", vec![vec![t("คำสั่งโรงเรียนบ้านหนองใหญ่")]]),
        ("ว่าง", vec![]),
        ("หน้าที่", table.clone()),
        ("สำรอง", table),
    ]);
    let o = parse("x.xlsx", &bytes);
    assert_eq!(o.people.len(), 1);
    assert_eq!(numbers(&o.people[0].duties), ["1.1"]);
    let skipped: Vec<_> = o
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::SheetNotRead)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].contains("\"ปก\""), "{skipped:?}");
    assert!(skipped[1].contains("\"สำรอง\""), "{skipped:?}");
}

#[test]
fn footer_rows_end_the_table() {
    let rows = vec![
        vec![t("ลำดับ"), t("ชื่อ-สกุล"), t("ตำแหน่ง"), t("หน้าที่")],
        vec![V::Num(1.0), t("นายสมชาย ใจดี"), t("ครู"), t("งานสารบรรณ")],
        vec![],
        vec![V::Empty, V::Empty, V::Empty, t("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป")],
        vec![
            V::Empty,
            V::Empty,
            V::Empty,
            t("สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2566"),
        ],
        vec![V::Empty, V::Empty, V::Empty, t("(นายใหญ่ ใจดี)")],
    ];
    let o = parse("x.xlsx", &xlsx(&[("Sheet1", rows)]));
    assert_eq!(numbers(&o.people[0].duties), ["1.1"]);
    assert_eq!(o.people[0].duties[0].title, "งานสารบรรณ");
    for (text, row) in [
        ("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป", 4),
        ("สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2566", 5),
        ("(นายใหญ่ ใจดี)", 6),
    ] {
        let n = find_text(&o.outline, text).unwrap_or_else(|| panic!("{text} kept"));
        assert_eq!(n.line_start, row, "{text}");
    }
}

#[test]
fn damaged_workbooks_are_errors_not_panics() {
    let want = reference();
    let bytes = xlsx(&[("คำสั่ง", reference_rows(&want))]);
    // truncated anywhere: always an error
    let mut cut = 1;
    while cut < bytes.len() {
        let r = kamsang::parse_bytes("x.xlsx", &bytes[..cut]);
        assert!(r.is_err(), "truncated at {cut} of {}", bytes.len());
        cut += 509;
    }
    let e = kamsang::parse_bytes("x.xlsx", &bytes[..bytes.len() / 2]).expect_err("truncated");
    assert!(matches!(e.kind(), ErrorKind::Corrupt(_)), "{e}");
    // bytes overwritten inside the compressed parts: an error or a partial
    // read, never a panic
    for at in (200..bytes.len().saturating_sub(200)).step_by(997) {
        let mut bad = bytes.clone();
        for b in bad.iter_mut().skip(at).take(16) {
            *b ^= 0x5A;
        }
        let _ = kamsang::parse_bytes("x.xlsx", &bad);
    }
    // the same for .ods
    let ods_bytes = ods(&[("คำสั่ง", reference_rows(&want))]);
    let e = kamsang::parse_bytes("x.ods", &ods_bytes[..ods_bytes.len() - 30]).expect_err("cut");
    assert!(matches!(e.kind(), ErrorKind::Corrupt(_)), "{e}");
}

/// A person row's cells keep their roles: the position is the position
/// cell's and the name the name cell's, with no word put in the text
/// between them (a name cell of a title and a given name alone is not split
/// at an inserted `ตำแหน่ง`).
#[test]
fn regression_person_row_cells_by_role() {
    let rows: Rows = vec![
        vec![t("คำสั่งโรงเรียนบ้านทดสอบ")],
        vec![t("ที่"), t("ชื่อ-สกุล"), t("ตำแหน่ง"), t("หน้าที่")],
        vec![t("1"), t("นายสมชาย ใจดี"), t("ครู"), t("งานสารบรรณ")],
        vec![t("2"), t("นางสมศรี"), t("ครูผู้ช่วย"), t("งานการเงิน")],
    ];
    for (name, bytes) in [
        ("x.xlsx", xlsx(&[("คำสั่ง", rows.clone())])),
        ("x.ods", ods(&[("คำสั่ง", rows)])),
    ] {
        let got = parse(name, &bytes);
        let people: Vec<(Option<&str>, Option<&str>, &str)> = got
            .people
            .iter()
            .map(|p| {
                (
                    p.family_name.as_deref(),
                    p.position.as_deref(),
                    p.full_name.as_str(),
                )
            })
            .collect();
        assert_eq!(
            people,
            [
                (Some("ใจดี"), Some("ครู"), "นายสมชาย ใจดี"),
                (None, Some("ครูผู้ช่วย"), "นางสมศรี"),
            ],
            "{name}"
        );
        let texts: Vec<&str> = got.outline.iter().map(|n| n.text.as_str()).collect();
        assert!(texts.contains(&"นายสมชาย ใจดี ครู"), "{name}: {texts:?}");
        assert!(
            texts.iter().all(|t| !t.contains("ตำแหน่ง")),
            "{name}: {texts:?}"
        );
    }
}
