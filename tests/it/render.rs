//! `kamsang render`: an order written back as clean .txt or .docx parses again
//! into the same people, duties, steps and substitutes; the .docx with Word's
//! automatic numbering prints exactly the labels the typed one types.
//!
//! The committed .docx fixtures are made by the renderer itself. After a change
//! to the renderer, regenerate them with
//!
//! ```text
//! cargo test --test it render::regenerate -- --ignored
//! ```

use crate::common;

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use kamsang::DutyOrder;
use kamsang::model::Duty;
use kamsang::render::{Numbering, render_docx, render_txt};

use common::REFERENCE;
const TYPED_FIXTURE: &str = "fixtures/docx/phetchaburi1-typed.docx";
const AUTO_FIXTURE: &str = "fixtures/docx/phetchaburi1-autonum.docx";

use common::reference_order as reference;

fn parse_docx(bytes: &[u8]) -> DutyOrder {
    kamsang::parse_bytes("rendered.docx", bytes)
        .unwrap_or_else(|e| panic!("the rendered .docx does not parse: {e}"))
}

// ---------------------------------------------------------------------------
// What must survive a round trip
// ---------------------------------------------------------------------------

/// The parts of an order a round trip must keep, one line per fact.
fn summary(order: &DutyOrder) -> Vec<String> {
    let h = &order.header;
    let mut out = vec![
        format!("issuer {:?}", h.issuer),
        format!("unit {:?}", h.unit),
        format!(
            "order_number {:?}",
            h.order_number.as_ref().map(|n| &n.text)
        ),
        format!("subject {:?}", h.subject),
        format!("preamble {:?}", h.preamble),
    ];
    for p in &order.people {
        out.push(format!(
            "person {} {:?} | {} | position {:?} | rank {:?} | role {:?} | group {:?}",
            p.id, p.number, p.full_name, p.position, p.rank, p.role, p.work_group
        ));
        for d in &p.duties {
            duty_summary(d, 1, &mut out);
        }
        for s in &p.substitutes {
            out.push(format!("  substitute {} -> {:?}", s.full_name, s.person_id));
        }
    }
    out
}

fn duty_summary(d: &Duty, depth: usize, out: &mut Vec<String>) {
    out.push(format!(
        "{}{} {:?} {} | {}",
        "  ".repeat(depth),
        d.id,
        d.number,
        d.kind,
        d.title
    ));
    for s in &d.steps {
        duty_summary(s, depth + 1, out);
    }
}

/// Equal summaries, or a panic that names the first line that differs.
fn assert_same(want: &[String], got: &[String], what: &str) {
    for (k, (w, g)) in want.iter().zip(got).enumerate() {
        assert_eq!(w, g, "{what}: line {k} of the summary differs");
    }
    assert_eq!(
        want.len(),
        got.len(),
        "{what}: summaries differ in length; first extra line: {:?}",
        if want.len() > got.len() {
            want.get(got.len())
        } else {
            got.get(want.len())
        }
    );
}

fn count_items(order: &DutyOrder) -> usize {
    fn steps(d: &Duty) -> usize {
        1 + d.steps.iter().map(steps).sum::<usize>()
    }
    order
        .people
        .iter()
        .map(|p| 1 + p.duties.iter().map(steps).sum::<usize>())
        .sum()
}

// ---------------------------------------------------------------------------
// .txt
// ---------------------------------------------------------------------------

#[test]
fn txt_round_trip_keeps_people_duties_steps_and_substitutes() {
    let order = reference();
    let text = render_txt(&order);
    let again = kamsang::parse_str("rendered.txt", &text).expect("parses");
    assert_same(&summary(&order), &summary(&again), "txt round trip");
    // the sanity of the comparison itself
    assert_eq!(again.people.len(), 7);
    assert_eq!(again.people[0].substitutes.len(), 5);
}

#[test]
fn txt_has_corrected_numbers_and_nothing_left_to_correct() {
    let order = reference();
    let text = render_txt(&order);
    // 4.2.2 … 4.2.8 written under 4.1 come out as 4.1.2 … 4.1.8; 3.3.4 as 3.2.4
    assert!(text.contains("\n        4.1.2 ศึกษาผลการดำเนินงาน"), "{text}");
    assert!(text.contains("\n        3.2.4 ให้บริการข้อมูลสารสนเทศ"));
    assert!(text.contains("\n    1.5 กลุ่มงานติดตามประเมินผลและรายงาน\n"));
    let again = kamsang::parse_str("rendered.txt", &text).expect("parses");
    let corrections: Vec<_> = again
        .diagnostics
        .iter()
        .filter(|d| {
            use kamsang::diagnostic::Code;
            matches!(
                d.code,
                Code::NumberSkipped
                    | Code::NumberDuplicated
                    | Code::NumberOutOfOrder
                    | Code::LabelRenumbered
            )
        })
        .collect();
    assert!(corrections.is_empty(), "{corrections:?}");
    // a fixed point: rendering the rendered order changes nothing
    assert_eq!(render_txt(&again), text);
}

#[test]
fn txt_layout() {
    let text = render_txt(&reference());
    assert!(!text.contains('\r'));
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1",
            "กลุ่มนโยบายและแผน",
            "เรื่อง การกำหนดหน้าที่และความรับผิดชอบของข้าราชการครูและบุคลากรทางการศึกษา",
        ]
    );
    // people at the margin, duties 4 spaces in, steps 8, sub-steps 12
    assert!(lines.contains(&"2. นางสาวฐิติการ เพชรสวน ตำแหน่ง พนักงานธุรการ มีหน้าที่ปฏิบัติงาน ดังนี้"));
    assert!(lines.contains(&"    2.1 งานสารบรรณ"));
    assert!(lines.contains(&"            5) ผู้มีอำนาจพิจารณาลงนาม"));
    // the steps heading where the source had one, above the steps
    let k = lines
        .iter()
        .position(|l| *l == "    2.1 งานสารบรรณ")
        .expect("2.1");
    assert_eq!(lines[k + 1], "        ขั้นตอนการปฏิบัติงาน");
    assert!(lines[k + 2].starts_with("        2.1.1 "));
    // a work group heading before the first person of the group, at the margin
    let g = lines
        .iter()
        .position(|l| *l == "กลุ่มงานธุรการ")
        .expect("group");
    assert!(lines[g + 1].starts_with("2. "));
    // person 1's substitutes come from an unnumbered clause: written with the
    // standard sentence and a numbered list; the others' are numbered duties
    assert_eq!(
        text.matches(kamsang::render::SUBSTITUTE_CLAUSE).count(),
        1,
        "{text}"
    );
    let c = lines
        .iter()
        .position(|l| l.trim() == kamsang::render::SUBSTITUTE_CLAUSE)
        .expect("clause");
    assert_eq!(
        lines[c + 1].trim(),
        "1. นางสาวธนะพร ฉายแสง 2. นางวราภรณ์ เวทย์วิทยานุวัฒน์ 3. นางสุภัทรา บูรณารมย์ 4. นางจงกล อรรถอาภรณ์ 5. นางกรุณา บุญประเสริฐ"
    );
    assert!(lines.contains(&"    3.5 กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ นางสาวธนะพร ฉายแสง ปฏิบัติงานแทน"));
}

/// Labels of every family, numbering that starts at 4, a step four parts deep,
/// an order number, a date and a signature, XML-special characters.
const VARIED: &str = "คำสั่งโรงเรียนบ้านหนองไผ่
ที่ 12/2567
เรื่อง แต่งตั้งผู้รับผิดชอบงาน
ด้วยโรงเรียนมีความจำเป็นต้องมอบหมายงาน
4. นายสมชาย ใจดี ตำแหน่ง ครู วิทยฐานะชำนาญการ มีหน้าที่ ดังนี้
    4.1 งานวิชาการ R&D <ใหม่>
        4.1.1 จัดทำหลักสูตร
            4.1.1.1 ระดับประถม
            4.1.1.2 ระดับมัธยม
        4.1.2 วัดผล
            (1) สอบกลางภาค
            (2) สอบปลายภาค
    4.2 งานกิจการนักเรียน
        ก. ดูแลความประพฤติ
        ข. ดูแลสุขภาพ
            - ตรวจสุขภาพประจำปี
    4.4 งานอื่น ๆ ตามที่ได้รับมอบหมาย
5. นางสาวสมหญิง รักดี ตำแหน่ง ครูผู้ช่วย
    5.1 งานการเงิน
        1) เบิกจ่าย
        2) รายงาน
    กรณีที่ไม่สามารถปฏิบัติราชการได้ให้บุคคลต่อไปนี้ปฏิบัติงานแทนตามลำดับ
    1. นายสมชาย ใจดี
";

#[test]
fn txt_round_trip_of_every_label_family() {
    let order = kamsang::parse_str("varied.txt", VARIED).expect("parses");
    let text = render_txt(&order);
    for line in [
        "4. นายสมชาย ใจดี ตำแหน่ง ครู ชำนาญการ มีหน้าที่ ดังนี้",
        "    4.1 งานวิชาการ R&D <ใหม่>",
        "            4.1.1.1 ระดับประถม",
        "            (2) สอบปลายภาค",
        "        ข. ดูแลสุขภาพ",
        "            - ตรวจสุขภาพประจำปี",
        "    4.3 งานอื่น ๆ ตามที่ได้รับมอบหมาย",
        "        2) รายงาน",
        "    1. นายสมชาย ใจดี",
        "ที่ 12/2567",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in\n{text}"
        );
    }
    let again = kamsang::parse_str("rendered.txt", &text).expect("parses");
    assert_same(&summary(&order), &summary(&again), "varied txt round trip");
}

// ---------------------------------------------------------------------------
// .docx: the XML itself (independent of the .docx reader)
// ---------------------------------------------------------------------------

fn zip_part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut part = zip.by_name(name).expect("part present");
    let mut s = String::new();
    part.read_to_string(&mut s).expect("utf-8 part");
    s
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// One body paragraph as written in document.xml.
#[derive(Debug)]
struct Para {
    num: Option<(u32, usize)>,
    ind_left: Option<i32>,
    text: String,
    xml: String,
}

fn paragraphs(docx: &[u8]) -> Vec<Para> {
    let xml = zip_part(docx, "word/document.xml");
    let p_re = regex::Regex::new(r"(?s)<w:p[ >].*?</w:p>|<w:p [^>]*/>").expect("re");
    let num_re = regex::Regex::new(r"(?s)<w:numPr>(.*?)</w:numPr>").expect("re");
    let ilvl_re = regex::Regex::new(r#"<w:ilvl w:val="(\d+)" ?/>"#).expect("re");
    let num_id_re = regex::Regex::new(r#"<w:numId w:val="(\d+)" ?/>"#).expect("re");
    let ind_re = regex::Regex::new(r#"<w:ind w:left="(-?\d+)""#).expect("re");
    let t_re = regex::Regex::new(r"(?s)<w:t(?: [^>]*)?>(.*?)</w:t>").expect("re");
    p_re.find_iter(&xml)
        .map(|m| {
            let p = m.as_str();
            Para {
                num: num_re.captures(p).map(|c| {
                    let num_id = num_id_re.captures(&c[1]).expect("numId")[1].parse();
                    let ilvl = ilvl_re.captures(&c[1]).expect("ilvl")[1].parse();
                    (num_id.expect("numId"), ilvl.expect("ilvl"))
                }),
                ind_left: ind_re.captures(p).map(|c| c[1].parse().expect("twips")),
                text: t_re
                    .captures_iter(p)
                    .map(|c| unescape(&c[1]))
                    .collect::<String>(),
                xml: p.to_string(),
            }
        })
        .collect()
}

/// `(start, lvlText, numFmt)` of each level of the abstract numbering behind
/// each `numId`.
fn numbering_levels(docx: &[u8]) -> HashMap<u32, Vec<(u32, String, String)>> {
    let xml = zip_part(docx, "word/numbering.xml");
    let abs_re = regex::Regex::new(
        r#"(?s)<w:abstractNum w:abstractNumId="(\d+)"[^>]*>(.*?)</w:abstractNum>"#,
    )
    .expect("re");
    let lvl_re = regex::Regex::new(
        r#"(?s)<w:lvl w:ilvl="(\d+)"[^>]*>.*?<w:start w:val="(\d+)" ?/>.*?<w:numFmt w:val="([^"]*)" ?/>.*?<w:lvlText w:val="([^"]*)" ?/>.*?</w:lvl>"#,
    )
    .expect("re");
    let num_re =
        regex::Regex::new(r#"<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)" ?/>"#)
            .expect("re");
    let mut abstracts: HashMap<u32, Vec<(u32, String, String)>> = HashMap::new();
    for a in abs_re.captures_iter(&xml) {
        let mut levels = Vec::new();
        for l in lvl_re.captures_iter(&a[2]) {
            assert_eq!(l[1].parse::<usize>().expect("ilvl"), levels.len());
            levels.push((
                l[2].parse().expect("start"),
                l[4].to_string(),
                l[3].to_string(),
            ));
        }
        abstracts.insert(a[1].parse().expect("id"), levels);
    }
    num_re
        .captures_iter(&xml)
        .map(|n| {
            let levels = abstracts
                .get(&n[2].parse().expect("abstract id"))
                .cloned()
                .unwrap_or_default();
            (n[1].parse().expect("numId"), levels)
        })
        .collect()
}

/// The text of each paragraph as Word prints it: the label Word's numbering
/// gives a `w:numPr` paragraph (counters per `numId`; a level restarts when a
/// level above it is used), then a space, then the paragraph's own text.
fn printed_lines(docx: &[u8]) -> Vec<String> {
    let levels = numbering_levels(docx);
    let mut counters: HashMap<u32, Vec<Option<u32>>> = HashMap::new();
    paragraphs(docx)
        .into_iter()
        .map(|p| {
            let Some((num_id, ilvl)) = p.num else {
                return p.text;
            };
            let defs = levels.get(&num_id).expect("numId defined");
            let c = counters
                .entry(num_id)
                .or_insert_with(|| vec![None; defs.len()]);
            c[ilvl] = Some(c[ilvl].map_or(defs[ilvl].0, |v| v + 1));
            for v in c.iter_mut().skip(ilvl + 1) {
                *v = None;
            }
            assert_eq!(defs[ilvl].2, "decimal");
            let mut label = String::new();
            let mut chars = defs[ilvl].1.chars();
            while let Some(ch) = chars.next() {
                if ch == '%' {
                    let k = chars.next().and_then(|d| d.to_digit(10)).expect("%N") as usize;
                    let v = c[k - 1].expect("a level shown in lvlText has a value");
                    label.push_str(&v.to_string());
                } else {
                    label.push(ch);
                }
            }
            format!("{label} {}", p.text)
        })
        .collect()
}

#[test]
fn auto_numbering_definition() {
    let docx = render_docx(&reference(), Numbering::Auto).expect("docx");
    let levels = numbering_levels(&docx);
    let mine = &levels[&2];
    let texts: Vec<&str> = mine.iter().map(|l| l.1.as_str()).collect();
    assert_eq!(texts, ["%1.", "%1.%2", "%1.%2.%3", "%4)", "(%5)"]);
    assert!(mine.iter().all(|l| l.0 == 1 && l.2 == "decimal"));
    let xml = zip_part(&docx, "word/numbering.xml");
    assert_eq!(
        xml.matches(r#"<w:suff w:val="space" /><w:lvlText "#)
            .count(),
        5,
        "suff before lvlText (CT_Lvl order)"
    );
}

#[test]
fn auto_docx_prints_what_the_typed_docx_types() {
    let order = reference();
    let typed = render_docx(&order, Numbering::Typed).expect("typed");
    let auto = render_docx(&order, Numbering::Auto).expect("auto");
    let typed_paras = paragraphs(&typed);
    let auto_paras = paragraphs(&auto);
    // typed: no Word numbering at all
    assert!(typed_paras.iter().all(|p| p.num.is_none()));
    // auto: every person, duty, step and sub-step is a Word list paragraph, and
    // none carries a typed label
    let numbered: Vec<&Para> = auto_paras.iter().filter(|p| p.num.is_some()).collect();
    assert_eq!(numbered.len(), count_items(&order));
    assert!(numbered.iter().all(|p| p.num.map(|n| n.0) == Some(2)));
    assert!(
        numbered
            .iter()
            .all(|p| !p.text.starts_with(|c: char| c.is_ascii_digit())),
        "a typed label in an auto-numbered paragraph"
    );
    // sub-steps `1)` are level 3, right under a level-2 step
    assert!(numbered.iter().any(|p| p.num == Some((2, 3))));
    // what Word prints is the typed document, line for line
    let typed_lines: Vec<String> = typed_paras.into_iter().map(|p| p.text).collect();
    assert_same(&typed_lines, &printed_lines(&auto), "printed auto vs typed");
    // and that is the text rendering without its indentation
    let txt: Vec<String> = render_txt(&order)
        .lines()
        .map(|l| l.trim_start().to_string())
        .collect();
    assert_same(&txt, &typed_lines, "typed docx vs txt");
}

#[test]
fn auto_docx_of_every_label_family_prints_right() {
    let order = kamsang::parse_str("varied.txt", VARIED).expect("parses");
    let typed = render_docx(&order, Numbering::Typed).expect("typed");
    let auto = render_docx(&order, Numbering::Auto).expect("auto");
    let typed_lines: Vec<String> = paragraphs(&typed).into_iter().map(|p| p.text).collect();
    assert_same(&typed_lines, &printed_lines(&auto), "varied auto vs typed");
    assert!(typed_lines.contains(&"4.1 งานวิชาการ R&D <ใหม่>".to_string()));
    // numbering starts where the order does
    assert_eq!(numbering_levels(&auto)[&2][0].0, 4);
    let paras = paragraphs(&auto);
    let by_text = |t: &str| {
        paras
            .iter()
            .find(|p| p.text == t)
            .unwrap_or_else(|| panic!("no paragraph {t:?}"))
    };
    // Word numbers what it can print…
    assert_eq!(by_text("สอบปลายภาค").num, Some((2, 4)));
    assert_eq!(by_text("รายงาน").num, Some((2, 3)));
    // …and the rest keeps a typed label
    assert_eq!(by_text("4.1.1.1 ระดับประถม").num, None);
    assert_eq!(by_text("ข. ดูแลสุขภาพ").num, None);
    assert_eq!(by_text("- ตรวจสุขภาพประจำปี").num, None);
}

#[test]
fn docx_fonts_and_indentation() {
    let order = reference();
    for numbering in [Numbering::Typed, Numbering::Auto] {
        let docx = render_docx(&order, numbering).expect("docx");
        let paras = paragraphs(&docx);
        let txt = render_txt(&order);
        assert_eq!(paras.len(), txt.lines().count());
        for (p, line) in paras.iter().zip(txt.lines()) {
            let depth = (line.len() - line.trim_start().len()) / 4;
            let want = (depth > 0).then(|| i32::try_from(depth * 720).expect("small"));
            assert_eq!(p.ind_left, want, "{numbering:?} {line}");
            if !p.text.is_empty() {
                assert!(
                    p.xml.contains(r#"w:cs="TH SarabunPSK""#)
                        && p.xml.contains(r#"w:ascii="TH SarabunPSK""#)
                        && p.xml.contains(r#"<w:szCs w:val="32" />"#),
                    "{}",
                    p.xml
                );
                // schema order (ECMA-376 CT_RPr, CT_NumPr, CT_PPr): rFonts
                // before sz, ilvl before numId, no rPr ahead of the rest
                assert!(p.xml.contains("<w:rPr><w:rFonts "), "{}", p.xml);
            }
            assert!(!p.xml.contains("<w:pPr><w:rPr"), "{}", p.xml);
            if p.num.is_some() {
                assert!(p.xml.contains("<w:numPr><w:ilvl "), "{}", p.xml);
            }
        }
    }
}

#[test]
fn docx_is_deterministic() {
    let order = reference();
    for numbering in [Numbering::Typed, Numbering::Auto] {
        let a = render_docx(&order, numbering).expect("docx");
        let b = render_docx(&order, numbering).expect("docx");
        assert!(a == b, "{numbering:?}: two renders differ");
    }
}

// ---------------------------------------------------------------------------
// .docx round trips (through the .docx reader)
// ---------------------------------------------------------------------------

#[test]
fn docx_round_trips_typed_and_auto() {
    let order = reference();
    for (numbering, what) in [
        (Numbering::Typed, "docx typed round trip"),
        (Numbering::Auto, "docx auto round trip"),
    ] {
        let docx = render_docx(&order, numbering).expect("docx");
        assert_same(&summary(&order), &summary(&parse_docx(&docx)), what);
    }
}

#[test]
fn docx_round_trip_of_every_label_family() {
    let order = kamsang::parse_str("varied.txt", VARIED).expect("parses");
    for numbering in [Numbering::Typed, Numbering::Auto] {
        let docx = render_docx(&order, numbering).expect("docx");
        assert_same(
            &summary(&order),
            &summary(&parse_docx(&docx)),
            &format!("varied docx {numbering:?} round trip"),
        );
    }
}

#[test]
fn committed_docx_fixtures_parse_like_fresh_renders() {
    let order = reference();
    for (path, numbering) in [
        (TYPED_FIXTURE, Numbering::Typed),
        (AUTO_FIXTURE, Numbering::Auto),
    ] {
        let committed = std::fs::read(common::root().join(path)).unwrap_or_else(|e| {
            panic!("{path}: {e} (regenerate: cargo test --test it render::regenerate -- --ignored)")
        });
        let fresh = render_docx(&order, numbering).expect("docx");
        // the committed file holds what the renderer writes today
        assert_same(
            &printed_lines(&fresh),
            &printed_lines(&committed),
            &format!("{path}: printed text (regenerate the fixtures?)"),
        );
        assert_same(
            &summary(&parse_docx(&fresh)),
            &summary(&parse_docx(&committed)),
            &format!("{path}: parsed"),
        );
    }
}

/// Regression: a spreadsheet row is one line, so every duty and step of a row
/// starts on the same line; joining the model to the outline by line once put
/// the `ขั้นตอนการปฏิบัติงาน` heading under every step of the row. Render now
/// follows each duty's outline node: the .xlsx renders its steps headings
/// where the .txt of the same order does.
#[test]
fn regression_steps_heading_once_per_duty_in_a_spreadsheet() {
    let heading = "ขั้นตอนการปฏิบัติงาน";
    let txt = render_txt(&reference());
    let xlsx = kamsang::parse_path(
        common::root()
            .join("fixtures/sheet/phetchaburi1-policy-plan.xlsx")
            .to_str()
            .expect("utf-8 path"),
    )
    .expect("the committed .xlsx parses");
    let sheet = render_txt(&xlsx);
    let headings = |s: &str| -> Vec<String> {
        let lines: Vec<&str> = s.lines().collect();
        lines
            .windows(2)
            .filter(|w| w[1].trim() == heading)
            .map(|w| w[0].trim().to_string())
            .collect()
    };
    let want = headings(&txt);
    assert!(want.len() > 10, "{}", want.len());
    assert_eq!(headings(&sheet), want);
}

/// Writes the committed .docx fixtures from the reference order.
#[test]
#[ignore = "writes fixtures/docx/; run: cargo test --test it render::regenerate -- --ignored"]
fn regenerate_docx_fixtures() {
    let order = reference();
    let dir = common::root().join("fixtures/docx");
    std::fs::create_dir_all(&dir).expect("fixtures/docx");
    for (path, numbering) in [
        (TYPED_FIXTURE, Numbering::Typed),
        (AUTO_FIXTURE, Numbering::Auto),
    ] {
        let bytes = render_docx(&order, numbering).expect("docx");
        std::fs::write(common::root().join(path), bytes).expect("write fixture");
    }
}

// ---------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------

use common::{kamsang, stderr};

fn out_path(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[test]
fn cli_render_txt_and_docx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let order = reference();

    let txt = out_path(&dir, "order.txt");
    let o = kamsang(&[
        "render",
        REFERENCE,
        "--to",
        "txt",
        "-o",
        txt.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
    assert_eq!(
        std::fs::read_to_string(&txt).expect("written"),
        render_txt(&order)
    );

    for (numbering, want) in [
        (None, Numbering::Typed),
        (Some("typed"), Numbering::Typed),
        (Some("auto"), Numbering::Auto),
    ] {
        let docx = out_path(&dir, "order.docx");
        let mut args = vec!["render", REFERENCE, "--to", "docx", "--output"];
        args.push(docx.to_str().expect("utf-8"));
        if let Some(n) = numbering {
            args.extend(["--numbering", n]);
        }
        let o = kamsang(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let bytes = std::fs::read(&docx).expect("written");
        assert!(
            bytes == render_docx(&order, want).expect("docx"),
            "{numbering:?}"
        );
    }
}

#[test]
fn cli_render_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = out_path(&dir, "x.txt");
    let out = out.to_str().expect("utf-8");

    let o = kamsang(&["render", "no/such/order.txt", "--to", "txt", "-o", out]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "kamsang: no/such/order.txt: cannot read: no such file\n"
    );
    assert!(!std::path::Path::new(out).exists());

    let o = kamsang(&[
        "render",
        REFERENCE,
        "--to",
        "txt",
        "-o",
        "no/such/dir/x.txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.starts_with("kamsang: no/such/dir/x.txt: cannot write"),
        "{e}"
    );
    assert_eq!(e.lines().count(), 1, "{e}");

    // usage errors: exit 2
    for args in [
        &["render", REFERENCE, "--to", "pdf", "-o", out][..],
        &["render", REFERENCE, "-o", out],
        &["render", REFERENCE, "--to", "txt"],
        &[
            "render",
            REFERENCE,
            "--to",
            "docx",
            "-o",
            out,
            "--numbering",
            "roman",
        ],
    ] {
        let o = kamsang(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
}
