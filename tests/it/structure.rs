//! Focused behaviour on excerpts of the reference order
//! (`fixtures/parse/phetchaburi1-policy-plan.txt`) and small synthetic cases
//! for what the real file does not show.

use kamsang::diagnostic::Code;
use kamsang::model::{Duty, DutyOrder};

/// Lines `from..=to` (1-based) of the reference order.
fn reference_lines(from: usize, to: usize) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/parse/phetchaburi1-policy-plan.txt"
    ))
    .expect("reference fixture");
    let mut out = String::new();
    for l in text.lines().skip(from - 1).take(to + 1 - from) {
        out.push_str(l);
        out.push('\n');
    }
    out
}

fn numbers(duties: &[Duty]) -> Vec<(String, String)> {
    duties
        .iter()
        .map(|d| {
            (
                d.label.as_deref().unwrap_or_default().to_string(),
                d.number.as_deref().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn codes(order: &DutyOrder) -> Vec<(u32, &str, Option<&str>, Option<&str>)> {
    order
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.line,
                d.code.as_str(),
                d.label.as_deref(),
                d.number.as_deref(),
            )
        })
        .collect()
}

#[test]
fn regression_renumber_4_2_2_under_4_1() {
    // person 4 and duties 4.1 – 4.2.1 (lines 132–151)
    let order = kamsang::parse_str("x.txt", &reference_lines(132, 151)).expect("parses");
    let p = &order.people[0];
    assert_eq!(p.full_name, "นางสาวธนะพร ฉายแสง");
    let d41 = &p.duties[0];
    assert_eq!(d41.number.as_deref(), Some("4.1"));
    let want: Vec<(String, String)> = [
        ("4.1.1", "4.1.1"),
        ("4.2.2", "4.1.2"),
        ("4.2.3", "4.1.3"),
        ("4.2.4", "4.1.4"),
        ("4.2.5", "4.1.5"),
        ("4.2.6", "4.1.6"),
        ("4.2.7", "4.1.7"),
        ("4.2.8", "4.1.8"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(numbers(&d41.steps), want);
    // 4.2 itself begins its own children again at 4.2.1
    assert_eq!(p.duties[1].number.as_deref(), Some("4.2"));
    assert_eq!(
        numbers(&p.duties[1].steps),
        vec![("4.2.1".to_string(), "4.2.1".to_string())]
    );
    // one diagnostic per corrected label, on the label's own line
    let diags = codes(&order);
    assert_eq!(diags.len(), 7);
    assert_eq!(
        diags[0],
        (137 - 131, "label_renumbered", Some("4.2.2"), Some("4.1.2"))
    );
    assert!(diags.iter().all(|d| d.1 == "label_renumbered"));
}

#[test]
fn regression_renumber_3_3_4_after_3_2_3() {
    let order = kamsang::parse_str("x.txt", &reference_lines(91, 120)).expect("parses");
    let d32 = &order.people[0].duties[1];
    let got = numbers(&d32.steps);
    assert_eq!(got[3], ("3.3.4".to_string(), "3.2.4".to_string()));
    assert_eq!(got[4], ("3.3.5".to_string(), "3.2.5".to_string()));
    // the real 3.3 keeps its own 3.3.4
    let d33 = &order.people[0].duties[2];
    assert_eq!(d33.number.as_deref(), Some("3.3"));
    assert_eq!(d33.steps[3].number.as_deref(), Some("3.3.4"));
    assert_eq!(d33.steps[3].label.as_deref(), Some("3.3.4"));
    assert_eq!(order.diagnostics.len(), 2);
}

#[test]
fn inline_list_of_substitutes_is_not_people() {
    // person 1's last duty, the substitute clause, the two-line inline list,
    // the next work group and person 2 (lines 42–48)
    let order = kamsang::parse_str(
        "x.txt",
        &format!("{}{}", reference_lines(11, 11), reference_lines(42, 48)),
    )
    .expect("parses");
    let names: Vec<&str> = order.people.iter().map(|p| p.full_name.as_str()).collect();
    assert_eq!(names, ["นายชูศักดิ์ ประเสริฐ", "นางสาวฐิติการ เพชรสวน"]);
    let subs: Vec<&str> = order.people[0]
        .substitutes
        .iter()
        .map(|s| s.full_name.as_str())
        .collect();
    assert_eq!(
        subs,
        [
            "นางสาวธนะพร ฉายแสง",
            "นางวราภรณ์ เวทย์วิทยานุวัฒน์",
            "นางสุภัทรา บูรณารมย์",
            "นางจงกล อรรถอาภรณ์",
            "นางกรุณา บุญประเสริฐ"
        ]
    );
    // person 2 keeps its own number and work group
    assert_eq!(order.people[1].number.as_deref(), Some("2"));
    assert_eq!(order.people[1].work_group.as_deref(), Some("กลุ่มงานธุรการ"));
    // the clause is not a duty; 1.7 keeps only its own text
    assert_eq!(order.people[0].duties.len(), 1);
    assert_eq!(order.people[0].duties[0].title, "งานอื่น ๆ ตามที่ได้รับมอบหมาย");
    assert_eq!(order.people[0].duties[0].kind.as_str(), "other_assigned");
    // the excerpt has only 1.7 (read as 1.1) and none of the substitutes as people
    let diags: Vec<(u32, &str)> = order
        .diagnostics
        .iter()
        .map(|d| (d.line, d.code.as_str()))
        .collect();
    assert_eq!(
        diags,
        [
            (2, "number_skipped"),
            (4, "substitute_unresolved"),
            (4, "substitute_unresolved"),
            (4, "substitute_unresolved"),
            (5, "substitute_unresolved"),
            (5, "substitute_unresolved")
        ]
    );
}

#[test]
fn wrapped_title_of_duty_2_5_is_whole() {
    let order = kamsang::parse_str("x.txt", &reference_lines(47, 89)).expect("parses");
    let d = &order.people[0].duties[4];
    assert_eq!(d.number.as_deref(), Some("2.5"));
    assert!(
        d.title.ends_with("เขต 1 ที่ควบคุมกลุ่มนโยบายและแผน"),
        "{}",
        d.title
    );
    assert_eq!((d.line_start, d.line_end), (40, 41));
    // a blank line ends the wrap: 2.6 is its own duty
    assert_eq!(
        order.people[0].duties[5].title,
        "ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย"
    );
}

#[test]
fn wrapped_word_joins_without_space_and_typed_space_is_kept() {
    let order = kamsang::parse_str("x.txt", &reference_lines(91, 99)).expect("parses");
    let s = &order.people[0].duties[0].steps;
    // "…ของ    " + "สำนักงานเขต…": padding, no space
    assert!(
        s[2].title.ends_with("จัดการศึกษาของสำนักงานเขตพื้นที่การศึกษา"),
        "{}",
        s[2].title
    );
    // "…ของสำนักงานเขตพื้นที่" + "การศึกษา…": a word broken in two
    assert!(
        s[1].title.contains("สำนักงานเขตพื้นที่การศึกษาและสถานศึกษา"),
        "{}",
        s[1].title
    );
    // "…ขั้นพื้นฐาน " (one typed space) + "การขยายชั้นเรียน"
    let order = kamsang::parse_str(
        "x.txt",
        &format!("{}{}", reference_lines(132, 132), reference_lines(190, 193)),
    )
    .expect("parses");
    let t = &order.people[0].duties[0].steps[0].title;
    assert!(t.contains("สถานศึกษาขั้นพื้นฐาน การขยายชั้นเรียน"), "{t}");
}

#[test]
fn people_fields_with_and_without_the_word_position() {
    let order = kamsang::parse_str(
        "x.txt",
        &format!("{}{}", reference_lines(11, 12), reference_lines(46, 47)),
    )
    .expect("parses");
    let p1 = &order.people[0];
    assert_eq!(
        (
            p1.title.as_deref(),
            p1.given_name.as_deref(),
            p1.family_name.as_deref()
        ),
        (Some("นาย"), Some("ชูศักดิ์"), Some("ประเสริฐ"))
    );
    assert_eq!(p1.position.as_deref(), Some("นักวิเคราะห์นโยบายและแผน"));
    assert_eq!(p1.rank.as_deref(), Some("ชำนาญการพิเศษ"));
    assert_eq!(p1.role.as_deref(), Some("ปฏิบัติหน้าที่ผู้อำนวยการกลุ่มนโยบายและแผน"));
    assert_eq!(p1.work_group, None);
    let p2 = &order.people[1];
    assert_eq!(p2.position.as_deref(), Some("พนักงานธุรการ"));
    assert_eq!((p2.rank.as_deref(), p2.role.as_deref()), (None, None));
    assert_eq!(p2.work_group.as_deref(), Some("กลุ่มงานธุรการ"));
}

#[test]
fn sub_steps_nest_under_the_step_and_close_at_the_next_step() {
    let order = kamsang::parse_str("x.txt", &reference_lines(47, 63)).expect("parses");
    let d = &order.people[0].duties[0];
    assert_eq!(d.steps.len(), 5);
    let s2 = &d.steps[1];
    assert_eq!(s2.id, "p2.d1.s2");
    assert_eq!(
        numbers(&s2.steps)
            .iter()
            .map(|n| n.1.as_str())
            .collect::<Vec<_>>(),
        ["1", "2", "3", "4", "5"]
    );
    assert_eq!(s2.steps[4].id, "p2.d1.s2.s5");
    assert_eq!(s2.steps[4].kind.as_str(), "step");
    assert!(d.steps[2].steps.is_empty());
}

#[test]
fn skipped_duplicated_and_out_of_order_numbers_are_corrected() {
    let diag = |text: &str| -> Vec<(Code, Option<String>, Option<String>)> {
        let order = kamsang::parse_str("x.txt", text).expect("parses");
        order
            .diagnostics
            .iter()
            .map(|d| (d.code, d.label.clone(), d.number.clone()))
            .collect()
    };
    let one = |code: Code, label: &str, number: &str| {
        vec![(code, Some(label.to_string()), Some(number.to_string()))]
    };
    assert_eq!(
        diag("1. นายก ข\n1.1 งานหนึ่ง\n1.3 งานสอง\n"),
        one(Code::NumberSkipped, "1.3", "1.2")
    );
    assert_eq!(
        diag("1. นายก ข\n1.1 งานหนึ่ง\n1.1 งานสอง\n"),
        one(Code::NumberDuplicated, "1.1", "1.2")
    );
    assert_eq!(
        diag("1. นายก ข\n1)งานหนึ่ง\n2) งานสอง\n1) งานสาม\n"),
        one(Code::NumberOutOfOrder, "1)", "3")
    );
    // numbering that follows on from a correction is read in sequence, each label reported
    assert_eq!(diag("1. นายก ข\n1.1 ก\n1.3 ข\n1.4 ค\n").len(), 2);
}

#[test]
fn depth_comes_from_the_label_not_the_indentation() {
    let text = "1. นายก ข\n            1.1 งานหนึ่ง\n1.1.1 ขั้นหนึ่ง\n                    1.2 งานสอง\n2. นางค ง\n";
    let order = kamsang::parse_str("x.txt", text).expect("parses");
    assert_eq!(order.people.len(), 2);
    assert_eq!(order.people[0].duties.len(), 2);
    assert_eq!(
        order.people[0].duties[0].steps[0].number.as_deref(),
        Some("1.1.1")
    );
}

#[test]
fn nested_list_numbered_with_dots_stays_inside_its_duty() {
    let text = "1. นายก ข\n1.1 งานหนึ่ง\n1. ขั้นแรก\n2. ขั้นสอง\n1.2 งานสอง\n2. นางค ง\n";
    let order = kamsang::parse_str("x.txt", text).expect("parses");
    assert_eq!(order.people.len(), 2);
    let d = &order.people[0].duties[0];
    assert_eq!(
        d.steps.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
        ["ขั้นแรก", "ขั้นสอง"]
    );
}

#[test]
fn thai_digit_and_letter_labels() {
    let text = "๑. นายก ข\n๑.๑ งานหนึ่ง\nก. ย่อยแรก\nข. ย่อยสอง\n๑.๒ งานสอง\n";
    let order = kamsang::parse_str("x.txt", text).expect("parses");
    let p = &order.people[0];
    assert_eq!(p.number.as_deref(), Some("1"));
    assert_eq!(
        numbers(&p.duties),
        [
            ("๑.๑".to_string(), "1.1".to_string()),
            ("๑.๒".to_string(), "1.2".to_string())
        ]
    );
    assert_eq!(
        numbers(&p.duties[0].steps),
        [
            ("ก.".to_string(), "ก".to_string()),
            ("ข.".to_string(), "ข".to_string())
        ]
    );
}

#[test]
fn header_of_the_reference_order() {
    let order = kamsang::parse_str("x.txt", &reference_lines(1, 12)).expect("parses");
    let h = &order.header;
    assert_eq!(
        h.subject.as_deref(),
        Some("การกำหนดหน้าที่และความรับผิดชอบของข้าราชการครูและบุคลากรทางการศึกษา")
    );
    assert_eq!(h.unit.as_deref(), Some("กลุ่มนโยบายและแผน"));
    assert_eq!(
        h.issuer.as_deref(),
        Some("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1")
    );
    let pre = h.preamble.as_deref().unwrap_or_default();
    assert!(pre.starts_with("มีหน้าที่ ส่งเสริม สนับสนุน"), "{pre}");
    assert!(pre.ends_with("การกำกับ ติดตามผล อย่างเป็นระบบ"), "{pre}");
    assert_eq!(
        (h.order_number.clone(), h.date.clone(), h.signed_by.clone()),
        (None, None, None)
    );
    let kinds: Vec<&str> = order.outline.iter().map(|n| n.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["subject", "unit", "issuer", "rule", "preamble", "person"]
    );
}

#[test]
fn text_with_no_numbering_is_kept_whole() {
    let order =
        kamsang::parse_str("x.txt", "เรื่อง ทดสอบ\nตามที่มีข้อความธรรมดา\nไม่มีเลขข้อ\n").expect("parses");
    assert!(order.people.is_empty());
    assert_eq!(order.outline.len(), 2);
    assert_eq!(order.outline[1].text, "ตามที่มีข้อความธรรมดาไม่มีเลขข้อ");
    assert_eq!(
        order.header.preamble.as_deref(),
        Some("ตามที่มีข้อความธรรมดาไม่มีเลขข้อ")
    );
    // a subject that wraps onto a second line stays one subject
    let order =
        kamsang::parse_str("x.txt", "เรื่อง แต่งตั้งคณะกรรมการ\nดำเนินงานวันครู\n").expect("parses");
    assert_eq!(
        order.header.subject.as_deref(),
        Some("แต่งตั้งคณะกรรมการดำเนินงานวันครู")
    );
}

#[test]
fn signature_before_the_date_is_read_line_by_line() {
    // a school layout: the signer's name in brackets and two position lines, then the date
    let text = "เรื่อง แต่งตั้งครูเวร\n1. นายสมชาย ใจดี ตำแหน่ง ครู\n1.1 เวรประจำวันจันทร์\n( นายสมศักดิ์  รักเรียน )\nผู้อำนวยการโรงเรียนบ้านหนองบัว\nปฏิบัติหน้าที่ผู้อำนวยการ\nสั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2566\n";
    let order = kamsang::parse_str("x.txt", text).expect("parses");
    let kinds: Vec<&str> = order.outline.iter().map(|n| n.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "subject",
            "person",
            "signature",
            "signature",
            "signature",
            "date"
        ]
    );
    // the last duty keeps only its own text
    assert_eq!(order.people[0].duties[0].title, "เวรประจำวันจันทร์");
    let signed = order.header.signed_by.as_ref().expect("signature");
    assert_eq!(signed.name.as_deref(), Some("นายสมศักดิ์ รักเรียน"));
    assert_eq!(
        signed.position,
        ["ผู้อำนวยการโรงเรียนบ้านหนองบัว", "ปฏิบัติหน้าที่ผู้อำนวยการ"]
    );
    assert_eq!(
        order.header.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2023-10-01")
    );
}

/// Every outline node by its id.
fn nodes_by_id(
    order: &DutyOrder,
) -> std::collections::HashMap<String, kamsang::model::OutlineNode> {
    let mut map = std::collections::HashMap::new();
    let mut todo: Vec<&kamsang::model::OutlineNode> = order.outline.iter().collect();
    while let Some(n) = todo.pop() {
        let mut leaf = n.clone();
        leaf.children.clear();
        map.insert(n.id.to_string(), leaf);
        todo.extend(n.children.iter());
    }
    map
}

fn check_duty_nodes(
    nodes: &std::collections::HashMap<String, kamsang::model::OutlineNode>,
    d: &Duty,
    what: &str,
) -> usize {
    let mut checked = 0;
    if let Some(id) = &d.node {
        let n = nodes
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{what}: {} names no node {id}", d.id));
        assert_eq!(
            (n.line_start, &n.label, n.kind.as_str()),
            (d.line_start, &d.label, d.kind.as_str()),
            "{what}: {}",
            d.id
        );
        checked += 1;
    }
    d.steps
        .iter()
        .map(|s| check_duty_nodes(nodes, s, what))
        .sum::<usize>()
        + checked
}

/// 1.2: people, duties and members name the outline node they were read
/// from, and that node is theirs (same first line, same written label, the
/// node's kind says what they are), on every parse fixture and corpus order.
#[test]
fn people_duties_and_members_name_their_outline_node() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["fixtures/parse", "fixtures/corpus", "fixtures/committee"] {
        for e in std::fs::read_dir(root.join(dir)).expect("fixture dir") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    let (mut people, mut duties, mut members) = (0, 0, 0);
    for f in files {
        let what = f.display().to_string();
        let order = kamsang::parse_path(&what).expect("fixture parses");
        let nodes = nodes_by_id(&order);
        for p in &order.people {
            if let Some(id) = &p.node {
                let n = nodes
                    .get(id)
                    .unwrap_or_else(|| panic!("{what}: {} names no node {id}", p.id));
                assert!(
                    n.line_start <= p.line_start && p.line_start <= n.line_end,
                    "{what}: {} at line {} but node {id} is lines {}-{}",
                    p.id,
                    p.line_start,
                    n.line_start,
                    n.line_end
                );
                if p.label.is_some() {
                    assert_eq!(
                        (n.label.as_deref(), n.kind.as_str()),
                        (p.label.as_deref(), "person"),
                        "{what}: {}",
                        p.id
                    );
                }
                people += 1;
            }
            for d in &p.duties {
                duties += check_duty_nodes(&nodes, d, &what);
            }
        }
        for c in &order.committees {
            for m in &c.members {
                let id = m
                    .node
                    .as_ref()
                    .unwrap_or_else(|| panic!("{what}: member of {} without node", c.id));
                let n = nodes
                    .get(id)
                    .unwrap_or_else(|| panic!("{what}: member names no node {id}"));
                assert_eq!(n.line_start, m.line_start, "{what}: member {id}");
                members += 1;
            }
            for d in &c.duties {
                duties += check_duty_nodes(&nodes, d, &what);
            }
        }
    }
    assert!(
        people > 100 && duties > 100 && members > 100,
        "{people} {duties} {members}"
    );
}

/// The last line of a preamble (`จึงแต่งตั้งให้`, "therefore appoints") that
/// the names follow is the end of the header's sentence, not a work-group
/// heading over them (029 read it as every student's `work_group`).
#[test]
fn regression_preamble_end_is_no_work_group() {
    let text = "ประกาศมหาวิทยาลัยเกษตรศาสตร์\nเรื่อง แต่งตั้งคณะกรรมการสภาผู้แทนนิสิต\n\
                ตามที่ สภาผู้แทนนิสิตได้มีการประชุม มีมติให้แต่งตั้งคณะกรรมการ\n\
                จึงแต่งตั้งให้\n\
                น.ส.ษนภร  อู๋ทรัพย์ ดำรงตำแหน่งประธานสภาผู้แทนนิสิต\n\
                นายวันชัย  น้ำใส ดำรงตำแหน่งเหรัญญิกสภาผู้แทนนิสิต\n\
                ประกาศ ณ วันที่ 5 เมษายน พ.ศ. 2545\n";
    let order = kamsang::parse_str("x.txt", text).expect("parses");
    assert_eq!(order.people.len(), 2);
    assert!(
        order
            .header
            .preamble
            .as_deref()
            .is_some_and(|p| p.ends_with("จึงแต่งตั้งให้")),
        "{:?}",
        order.header.preamble
    );
    for p in &order.people {
        assert_eq!(p.work_group, None, "{}", p.full_name);
        assert!(p.appointed_as.is_some(), "{}", p.full_name);
    }
}

/// A clause that ends with ดังนี้ ("as follows") is finished: the heading on
/// the next line (`ตำแหน่ง …` over a table of names) is never glued onto the
/// preamble (held-out h93, where it was, and the header row with it).
#[test]
fn regression_a_heading_after_as_follows_is_not_the_preamble() {
    let text = std::fs::read_to_string(
        "fixtures/heldout/h93_provincial_admin_selection_results_by_post.txt",
    )
    .expect("h93");
    let order = kamsang::parse_str("h93.txt", &text).expect("parses");
    let preamble = order.header.preamble.as_deref().unwrap_or("");
    assert!(preamble.ends_with("ดังนี้"), "{preamble}");
    let heading = order
        .outline
        .iter()
        .find(|n| n.text == "ตำแหน่ง ผู้ช่วยนักวิชาการเงินและบัญชี");
    assert!(heading.is_some(), "the post heading is a node of its own");
}

/// A paragraph after a blank line written level with the open item's label
/// stands beside the item (as a paragraph that ends the item's text without
/// a blank line does); indented right of the label it is the item's own. (012 rendered: the blank line the clean
/// copy writes before a quoted clause put the bullet after it under `1.3`.)
#[test]
fn regression_blank_line_before_a_paragraph_level_with_the_item() {
    let order_with = |quote_indent: &str, blank: &str| {
        format!(
            "คำสั่งโรงเรียนบ้านทดสอบ\nที่ 1/2567\nเรื่อง แก้ไขคำสั่ง\n\
             1. นายสมชาย ใจดี ตำแหน่ง ครู\n    1.1 งานวิชาการ\n    1.2 ให้เพิ่มความต่อไปนี้\n\
             {blank}{quote_indent}“ข้อความที่เพิ่ม”\n    - งานห้องสมุด\n\
             สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2566\n"
        )
    };
    let shape = |text: &str| {
        let order = kamsang::parse_str("x.txt", text).expect("parses");
        let p = &order.people[0];
        p.duties
            .iter()
            .map(|d| (d.title.to_string(), d.steps.len()))
            .collect::<Vec<_>>()
    };
    let beside = vec![
        ("งานวิชาการ".to_string(), 0),
        ("ให้เพิ่มความต่อไปนี้".to_string(), 0),
        ("งานห้องสมุด".to_string(), 0),
    ];
    // level with `1.2`: the bullet after the clause is the person's duty
    assert_eq!(shape(&order_with("    ", "\n")), beside);
    // the clause indented under 1.2: the bullet is a step of 1.2
    assert_eq!(
        shape(&order_with("        ", "\n")),
        vec![
            ("งานวิชาการ".to_string(), 0),
            ("ให้เพิ่มความต่อไปนี้".to_string(), 1),
        ]
    );
}

/// A `เรื่อง …` line inside the preamble, after the subject, is the title of
/// a document the preamble cites (`… แห่งประกาศสภามหาวิทยาลัยเกษตรศาสตร์` /
/// `เรื่อง ระเบียบว่าด้วย…`): running text of the preamble, never a second
/// subject, so neither the header nor `render` loses it (corpus 027, whose
/// rendered copy dropped two lines of its preamble).
#[test]
fn regression_a_cited_title_in_the_preamble_is_not_a_second_subject() {
    let path = "fixtures/corpus/027_ku_announce_2542_activity_fund_committee_positions.txt";
    let text = std::fs::read_to_string(path).expect("027");
    let order = kamsang::parse_str("027.txt", &text).expect("parses");
    let preamble = order.header.preamble.as_deref().unwrap_or("");
    assert!(
        preamble.contains("เรื่อง ระเบียบว่าด้วยการบริหารเงินบำรุง"),
        "{preamble}"
    );
    let subjects = order
        .outline
        .iter()
        .filter(|n| n.kind == kamsang::model::NodeKind::Subject)
        .count();
    assert_eq!(subjects, 1);
}

/// A double-spaced text (a blank line after every line, as text copied out
/// of a PDF viewer or a web page comes) reads as the same text without its
/// blank lines: the subject wrapped over two lines stays whole, and each
/// member keeps the role on the line under it (corpus 001, 027, double-spaced).
#[test]
fn regression_a_double_spaced_order_reads_as_written_single_spaced() {
    for path in [
        "fixtures/corpus/001_pm_241_2566_royal_celebration_committee.txt",
        "fixtures/corpus/027_ku_announce_2542_activity_fund_committee_positions.txt",
    ] {
        let text = std::fs::read_to_string(path).expect("fixture");
        let doubled: String = text.lines().map(|l| format!("{l}\n\n")).collect();
        let a = kamsang::parse_str("a.txt", &text).expect("parses");
        let b = kamsang::parse_str("b.txt", &doubled).expect("parses");
        assert_eq!(a.header.subject, b.header.subject, "{path}");
        let members = |o: &kamsang::model::DutyOrder| -> Vec<(Option<String>, Option<String>)> {
            o.committees
                .iter()
                .flat_map(|c| c.members.iter())
                .map(|m| (m.position.clone(), m.role.clone()))
                .collect()
        };
        assert!(!members(&a).is_empty(), "{path}");
        assert_eq!(members(&a), members(&b), "{path}");
    }
}

/// An annex whose caption takes two lines (`บัญชีรายชื่อคณะกรรมการ…` /
/// `แนบท้ายคำสั่ง…`) after the signature: the caption is one paragraph that
/// names the committee, its table's rows are the members, and `render`
/// writes the annex after the signature again (held-out h137, an order that
/// appoints its committee only "as in the attached list").
#[test]
fn regression_an_annex_caption_over_two_lines_names_the_committee_of_its_table() {
    let path = "fixtures/heldout/h137_education_office_committee_in_attached_list.txt";
    let text = std::fs::read_to_string(path).expect("h137");
    let order = kamsang::parse_str("h137.txt", &text).expect("parses");
    let names: Vec<&str> = order.committees.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["คณะกรรมการตรวจรับพัสดุ"]);
    let members: Vec<(Option<&str>, Option<&str>)> = order.committees[0]
        .members
        .iter()
        .map(|m| (m.full_name.as_deref(), m.role.as_deref()))
        .collect();
    assert_eq!(
        members,
        [
            (Some("นายอนุชา ภูมิสวัสดิ์"), Some("ประธานกรรมการ")),
            (Some("นางรุ่งนภา คำภา"), Some("กรรมการ")),
            (Some("นายธนากร สุขเจริญ"), Some("กรรมการ")),
        ]
    );
    assert_eq!(order.header.kind, kamsang::model::DocumentKind::Committee);
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("h137.txt");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_kamsang"))
        .args(["render", path, "--to", "txt", "--output"])
        .arg(&out)
        .status()
        .expect("kamsang runs");
    assert!(status.success());
    let rendered = std::fs::read_to_string(&out).expect("rendered");
    let signer = rendered.find("(นายสุเมธ แก้วประเสริฐ)").expect("signer");
    let caption = rendered.find("บัญชีรายชื่อคณะกรรมการ").expect("caption");
    assert!(signer < caption, "the annex is written after the signature");
}

/// A clause an amendment quotes whole (`1.3 ให้เพิ่มความต่อไปนี้เป็นข้อ 3.3.4` /
/// `“3.3.4 คณะกรรมการ…”`) is finished at its closing quote: the line after it
/// (`รองนายกรัฐมนตรี (นายภูมิธรรม เวชยชัย)`) is a paragraph of its own even
/// when the page wraps every long line, so a text wrapped narrower reads
/// the same people (corpus 012 with its preamble wrapped at 60 characters).
#[test]
fn regression_a_quoted_clause_is_finished_at_its_closing_quote() {
    let path = "fixtures/corpus/012_pm_292_2566_amend_glued_labels.txt";
    let text = std::fs::read_to_string(path).expect("012");
    let mut wrapped = String::new();
    for line in text.lines() {
        if line.chars().count() <= 200 {
            wrapped.push_str(line);
            wrapped.push('\n');
            continue;
        }
        let mut width = 0;
        for word in line.split(' ') {
            let n = word.chars().count();
            if width > 0 && width + n > 60 {
                wrapped.push('\n');
                width = 0;
            } else if width > 0 {
                wrapped.push(' ');
                width += 1;
            }
            wrapped.push_str(word);
            width += n;
        }
        wrapped.push('\n');
    }
    assert!(wrapped.lines().count() > text.lines().count() + 5);
    for t in [&text, &wrapped] {
        let order = kamsang::parse_str("012.txt", t).expect("parses");
        let names: Vec<&str> = order.people.iter().map(|p| p.full_name.as_str()).collect();
        assert!(names.contains(&"นายภูมิธรรม เวชยชัย"), "{names:?}");
    }
}
