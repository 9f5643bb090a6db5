//! Committees (คณะกรรมการ): name, members with their committee role, duties —
//! on the real order 05 (ก.ค.ศ. and อ.ก.ค.ศ. วิสามัญ) and on synthetic school,
//! office and ministry layouts the corpus does not show.

use kamsang::diagnostic::Code;
use kamsang::model::{Committee, DutyOrder};

/// The codes of the committee reader.
fn is_committee_code(code: Code) -> bool {
    matches!(
        code,
        Code::CommitteeItemUnread
            | Code::CommitteeMemberUnsplit
            | Code::CommitteeRoleMissing
            | Code::CommitteeUnresolved
    )
}

use crate::common::{self, node, parse};

/// (full_name, role) of members.
type Members<'a> = Vec<(&'a str, Option<&'a str>)>;

/// (name, or the position of a seat held by one; role) of every member.
fn members(c: &Committee) -> Members<'_> {
    c.members
        .iter()
        .map(|m| {
            let who = m.full_name.as_deref().or(m.position.as_deref());
            (who.unwrap_or(""), m.role.as_deref())
        })
        .collect()
}

/// (full_name, position, role) of every member.
fn seats(c: &Committee) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
    c.members
        .iter()
        .map(|m| {
            (
                m.full_name.as_deref(),
                m.position.as_deref(),
                m.role.as_deref(),
            )
        })
        .collect()
}

fn codes(order: &DutyOrder) -> Vec<(&str, u32)> {
    order
        .diagnostics
        .iter()
        .filter(|d| is_committee_code(d.code))
        .map(|d| (d.code.as_str(), d.line))
        .collect()
}

const SCHOOL: &str = "\
คำสั่งโรงเรียนบ้านหนองใหญ่
ที่ 45/2567
เรื่อง แต่งตั้งคณะกรรมการดำเนินงานวันครู
ด้วยโรงเรียนบ้านหนองใหญ่จะจัดงานวันครู ประจำปี 2567 จึงแต่งตั้งคณะกรรมการ ดังนี้
1. คณะกรรมการอำนวยการ ประกอบด้วย
1.1 นายสมชาย ใจดี ผู้อำนวยการโรงเรียน ประธานกรรมการ
1.2 นางสมศรี ดีใจ รองผู้อำนวยการ รองประธานกรรมการ
1.3 นายก ข ครู กรรมการและเลขานุการ
มีหน้าที่ ดังนี้
1) ให้คำปรึกษา แนะนำ
2) อำนวยความสะดวก
3) ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย
2. คณะกรรมการฝ่ายสถานที่
2.1 นายสมชาย ใจดี ............ ประธานกรรมการ
2.2 นางสาวมณี แก้วใส ............ กรรมการ
2.3 นายจ ฉ นางช ซ กรรมการ
2.4 นางสาวฌ ญ ............ กรรมการ/ผู้ช่วยเลขานุการ
หน้าที่ จัดเตรียมสถานที่
ทั้งนี้ ตั้งแต่วันที่ 1 มกราคม 2567 เป็นต้นไป
สั่ง ณ วันที่ 2 มกราคม พ.ศ. 2567
(นายสมชาย ใจดี)
ผู้อำนวยการโรงเรียนบ้านหนองใหญ่
";

/// Order 05 (คำสั่งหัวหน้า คสช. ที่ ๑๖/๒๕๖๐). Decisions:
///
/// - ข้อ ๒ appoints the ก.ค.ศ. (its name is the acronym; `ตามกฎหมายว่าด้วย…` is a
///   reference, not part of the name). Members named by office keep the office
///   as `full_name`; the ex-officio list after `ได้แก่` is split on office starts
///   (`เลขาธิการ ก.พ.` stays one office: `ก.พ.` continues it); the qualified
///   members of (๓) are one member described by category, cut before `ซึ่ง…`;
///   the paragraph after the items adds the secretary (`ให้เลขาธิการ ก.ค.ศ.
///   เป็นกรรมการและเลขานุการ`) and the assistant secretaries (`…แต่งตั้ง
///   ข้าราชการในสำนักงาน ก.ค.ศ. … เป็นผู้ช่วยเลขานุการ`: the appointee, not the
///   one who appoints). `กรณีที่จะแต่งตั้ง…ให้เป็นกรรมการตาม (๓)` appoints no one.
/// - ข้อ ๕ only lists kinds of อ.ก.ค.ศ. วิสามัญ the ก.ค.ศ. *may* appoint, with no
///   composition: no committee. ข้อ ๖ gives the composition shared by each of
///   them: committee `อ.ก.ค.ศ. วิสามัญ`. Its chair (๑) is a member by category;
///   `อาจแต่งตั้งบุคคลอื่นที่ไม่เป็นกรรมการใน ก.ค.ศ. เป็นประธานอนุกรรมการก็ได้`
///   is an alternative for the same seat, not another member.
/// - ข้อ ๑๑ (`ประกอบด้วยอนุกรรมการตามข้อ ๖ (๑) และ (๒)`) refers back: no committee.
/// - No member is a person of this order, and the order gives the committees
///   no duties list.
#[test]
fn order_05_teacher_personnel_committees() {
    let order = kamsang::parse_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/parse/05_ncpo_16_2560_teacher_personnel_committees.txt"
    ))
    .expect("fixture parses");
    assert_eq!(order.committees.len(), 2, "{:#?}", order.committees);

    let kcs = &order.committees[0];
    assert_eq!(
        (kcs.id.as_str(), kcs.number.as_deref(), kcs.name.as_str()),
        ("c1", Some("2"), "ก.ค.ศ.")
    );
    assert_eq!(
        members(kcs),
        [
            ("รัฐมนตรีว่าการกระทรวงศึกษาธิการ", Some("ประธานกรรมการ")),
            ("รัฐมนตรีช่วยว่าการกระทรวงศึกษาธิการ", Some("กรรมการ")),
            ("ปลัดกระทรวงศึกษาธิการ", Some("กรรมการ")),
            ("เลขาธิการ ก.พ.", Some("กรรมการ")),
            ("เลขาธิการสภาการศึกษา", Some("กรรมการ")),
            ("เลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน", Some("กรรมการ")),
            ("เลขาธิการคณะกรรมการการอุดมศึกษา", Some("กรรมการ")),
            ("เลขาธิการคณะกรรมการการอาชีวศึกษา", Some("กรรมการ")),
            ("เลขาธิการคุรุสภา", Some("กรรมการ")),
            ("กรรมการผู้ทรงคุณวุฒิ", Some("กรรมการ")),
            ("เลขาธิการ ก.ค.ศ.", Some("กรรมการและเลขานุการ")),
            ("ข้าราชการในสำนักงาน ก.ค.ศ.", Some("ผู้ช่วยเลขานุการ")),
        ]
    );
    assert!(kcs.members.iter().all(|m| m.person_id.is_none()));
    assert!(kcs.duties.is_empty());

    let okcs = &order.committees[1];
    assert_eq!(
        (okcs.id.as_str(), okcs.number.as_deref(), okcs.name.as_str()),
        ("c2", Some("6"), "อ.ก.ค.ศ. วิสามัญ")
    );
    assert_eq!(
        members(okcs),
        [
            ("ประธานอนุกรรมการ", Some("ประธานอนุกรรมการ")),
            ("อนุกรรมการผู้ทรงคุณวุฒิ", Some("อนุกรรมการ")),
            (
                "อนุกรรมการซึ่งเป็นข้าราชการครูและบุคลากรทางการศึกษา สังกัดกระทรวงศึกษาธิการ",
                Some("อนุกรรมการ")
            ),
            ("ข้าราชการในสำนักงาน ก.ค.ศ.", Some("อนุกรรมการและเลขานุการ")),
            ("ข้าราชการในสำนักงาน ก.ค.ศ.", Some("ผู้ช่วยเลขานุการ")),
        ]
    );

    // outline kinds: the introducing item and the member items
    let intro = node(&order.outline, "n7");
    assert_eq!(
        (intro.label.as_deref(), intro.kind.as_str()),
        (Some("ข้อ ๒"), "committee")
    );
    for child in &intro.children {
        if child.label.is_some() {
            assert_eq!(child.kind.as_str(), "member", "{}", child.text);
        }
    }
    assert_eq!(node(&order.outline, "n11").kind.as_str(), "committee");
    assert_eq!(
        node(&order.outline, "n10").kind.as_str(),
        "item",
        "ข้อ ๕ is no committee"
    );
    assert!(codes(&order).is_empty(), "{:?}", codes(&order));
}

#[test]
fn school_layout_role_at_the_end_dotted_leader_several_in_one_item() {
    let order = parse(SCHOOL);
    assert_eq!(order.committees.len(), 2, "{:#?}", order.committees);
    let c1 = &order.committees[0];
    assert_eq!(
        (c1.id.as_str(), c1.number.as_deref(), c1.name.as_str()),
        ("c1", Some("1"), "คณะกรรมการอำนวยการ")
    );
    assert_eq!(
        members(c1),
        [
            ("นายสมชาย ใจดี", Some("ประธานกรรมการ")),
            ("นางสมศรี ดีใจ", Some("รองประธานกรรมการ")),
            ("นายก ข", Some("กรรมการและเลขานุการ")),
        ]
    );
    // `มีหน้าที่ ดังนี้` and the items after it: duties of the committee
    let titles: Vec<(&str, &str, &str)> = c1
        .duties
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str(), d.kind.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("c1.d1", "ให้คำปรึกษา แนะนำ", "duty"),
            ("c1.d2", "อำนวยความสะดวก", "duty"),
            ("c1.d3", "ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย", "other_assigned"),
        ]
    );
    assert_eq!(c1.duties[0].label.as_deref(), Some("1)"));

    let c2 = &order.committees[1];
    assert_eq!(
        (c2.id.as_str(), c2.number.as_deref(), c2.name.as_str()),
        ("c2", Some("2"), "คณะกรรมการฝ่ายสถานที่")
    );
    assert_eq!(
        members(c2),
        [
            ("นายสมชาย ใจดี", Some("ประธานกรรมการ")),
            ("นางสาวมณี แก้วใส", Some("กรรมการ")),
            ("นายจ ฉ", Some("กรรมการ")),
            ("นางช ซ", Some("กรรมการ")),
            // the role as written; its kind says what it is
            ("นางสาวฌ ญ", Some("กรรมการ/ผู้ช่วยเลขานุการ")),
        ]
    );
    // `หน้าที่ จัดเตรียมสถานที่` in running text: one duty without a number
    assert_eq!(c2.duties.len(), 1);
    assert_eq!(
        (
            c2.duties[0].id.as_str(),
            c2.duties[0].title.as_str(),
            c2.duties[0].number.as_deref()
        ),
        ("c2.d1", "จัดเตรียมสถานที่", None)
    );

    assert_eq!(node(&order.outline, "n5").kind.as_str(), "committee");
    assert_eq!(node(&order.outline, "n5.1").kind.as_str(), "member");
    assert_eq!(node(&order.outline, "n6.3").kind.as_str(), "member");
    // named members are people, once each (นายสมชาย ใจดี sits on both
    // committees), without duties of their own
    let people: Vec<(&str, &str)> = order
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.full_name.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("c1.m1", "นายสมชาย ใจดี"),
            ("c1.m2", "นางสมศรี ดีใจ"),
            ("c1.m3", "นายก ข"),
            ("c2.m2", "นางสาวมณี แก้วใส"),
            ("c2.m3", "นายจ ฉ"),
            ("c2.m4", "นางช ซ"),
            ("c2.m5", "นางสาวฌ ญ"),
        ]
    );
    assert!(order.people.iter().all(|p| p.duties.is_empty()));
    assert_eq!(c2.members[0].person_id.as_deref(), Some("c1.m1"));
    assert_eq!(
        c2.members[4].role_kind,
        Some(kamsang::model::RoleKind::AssistantSecretary)
    );
    assert!(codes(&order).is_empty(), "{:?}", codes(&order));
}

#[test]
fn duties_heading_on_its_own_after_a_blank_line() {
    let order = parse(
        "เรื่อง แต่งตั้งคณะกรรมการ
1. แต่งตั้งคณะกรรมการดำเนินงานวันครู ประกอบด้วย
1.1 นายสมชาย ใจดี ผู้อำนวยการโรงเรียน ประธานกรรมการ
1.2 นายก ข ครู กรรมการและเลขานุการ

มีหน้าที่และความรับผิดชอบ ดังนี้
1) จัดทำแผนงาน
- กำหนดวัน
2) สรุปผล
",
    );
    assert_eq!(order.committees.len(), 1, "{:#?}", order.committees);
    let c = &order.committees[0];
    assert_eq!(c.name, "คณะกรรมการดำเนินงานวันครู");
    assert_eq!(
        members(c),
        [
            ("นายสมชาย ใจดี", Some("ประธานกรรมการ")),
            ("นายก ข", Some("กรรมการและเลขานุการ")),
        ]
    );
    let titles: Vec<&str> = c.duties.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["จัดทำแผนงาน", "สรุปผล"]);
    assert_eq!(c.duties[0].steps.len(), 1);
    assert_eq!(c.duties[0].steps[0].kind.as_str(), "step");
    assert_eq!(c.duties[0].steps[0].id, "c1.d1.s1");
}

#[test]
fn member_person_id_resolves_to_the_people_of_the_order() {
    let order = parse(
        "คำสั่งโรงเรียนบ้านหนองใหญ่
ที่ 50/2567
เรื่อง มอบหมายหน้าที่และแต่งตั้งคณะทำงาน
1. นายสมชาย ใจดี ตำแหน่ง ผู้อำนวยการโรงเรียน มีหน้าที่ ดังนี้
1.1 บริหารงานทั่วไป
2. นางสาวมณี แก้วใส ตำแหน่ง ครู วิทยฐานะชำนาญการ มีหน้าที่ ดังนี้
2.1 งานสารบรรณ
3. แต่งตั้งคณะทำงานจัดทำแผนปฏิบัติการ ประกอบด้วย
3.1 นายสมชาย ใจดี ผู้อำนวยการโรงเรียน หัวหน้าคณะทำงาน
3.2 นางสาวมณี แก้วใส ครู คณะทำงานและเลขานุการ
3.3 ผู้อำนวยการกองแผนงาน (นายปกรณ์ ศรีสุข) คณะทำงาน
",
    );
    let ids: Vec<(&str, &str)> = order
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.full_name.as_str()))
        .collect();
    // a named member is a person too, once (นายปกรณ์ is only a member)
    assert_eq!(
        ids,
        [
            ("p1", "นายสมชาย ใจดี"),
            ("p2", "นางสาวมณี แก้วใส"),
            ("c1.m3", "นายปกรณ์ ศรีสุข")
        ]
    );
    assert_eq!(
        order.people[2].position.as_deref(),
        Some("ผู้อำนวยการกองแผนงาน")
    );
    assert_eq!(order.committees.len(), 1);
    let c = &order.committees[0];
    assert_eq!(c.name, "คณะทำงานจัดทำแผนปฏิบัติการ");
    let got: Vec<(&str, Option<&str>, Option<&str>)> = c
        .members
        .iter()
        .map(|m| {
            (
                m.full_name.as_deref().unwrap_or(""),
                m.person_id.as_deref(),
                m.role.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("นายสมชาย ใจดี", Some("p1"), Some("หัวหน้าคณะทำงาน")),
            ("นางสาวมณี แก้วใส", Some("p2"), Some("คณะทำงานและเลขานุการ")),
            // position first, name in brackets
            ("นายปกรณ์ ศรีสุข", Some("c1.m3"), Some("คณะทำงาน")),
        ]
    );
}

#[test]
fn unnumbered_intro_with_members_as_the_following_items() {
    let order = parse(
        "คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1
ที่ 12/2567
เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ
ด้วยสำนักงานเขตพื้นที่การศึกษาได้จัดซื้อวัสดุ จึงแต่งตั้งคณะกรรมการตรวจรับพัสดุ ประกอบด้วย
1. นายสมชาย ใจดี ผู้อำนวยการกลุ่มบริหารงานการเงิน ประธานกรรมการ
2. นางสาวมณี แก้วใส นักวิชาการพัสดุ กรรมการ
3. นายปกรณ์ ศรีสุข นักวิชาการเงินและบัญชี กรรมการ
ให้คณะกรรมการมีหน้าที่ตรวจรับพัสดุให้เป็นไปตามระเบียบ
สั่ง ณ วันที่ 2 มกราคม พ.ศ. 2567
",
    );
    assert_eq!(order.committees.len(), 1, "{:#?}", order.committees);
    let c = &order.committees[0];
    assert_eq!(
        (c.number.as_deref(), c.name.as_str()),
        (None, "คณะกรรมการตรวจรับพัสดุ")
    );
    assert_eq!(
        members(c),
        [
            ("นายสมชาย ใจดี", Some("ประธานกรรมการ")),
            ("นางสาวมณี แก้วใส", Some("กรรมการ")),
            ("นายปกรณ์ ศรีสุข", Some("กรรมการ")),
        ]
    );
    // each named member is a person of the order, with the post written
    // between the name and the role
    let pids: Vec<Option<&str>> = c.members.iter().map(|m| m.person_id.as_deref()).collect();
    assert_eq!(pids, [Some("c1.m1"), Some("c1.m2"), Some("c1.m3")]);
    let posts: Vec<Option<&str>> = order.people.iter().map(|p| p.position.as_deref()).collect();
    assert_eq!(
        posts,
        [
            Some("ผู้อำนวยการกลุ่มบริหารงานการเงิน"),
            Some("นักวิชาการพัสดุ"),
            Some("นักวิชาการเงินและบัญชี")
        ]
    );
    assert_eq!(c.duties.len(), 1);
    assert_eq!(c.duties[0].title, "ตรวจรับพัสดุให้เป็นไปตามระเบียบ");
    // the preamble keeps its header kind
    assert_eq!(node(&order.outline, "n4").kind.as_str(), "preamble");
    assert_eq!(node(&order.outline, "n5").kind.as_str(), "member");
}

#[test]
fn ministry_layout_with_duties_in_a_later_clause() {
    let order = parse(
        "คำสั่งกระทรวงศึกษาธิการ
ที่ 100/2567
เรื่อง แต่งตั้งคณะกรรมการพัฒนาหลักสูตร
อาศัยอำนาจตามความในมาตรา 12 จึงมีคำสั่ง ดังต่อไปนี้
ข้อ 1 แต่งตั้งคณะกรรมการพัฒนาหลักสูตร ประกอบด้วย
(1) ปลัดกระทรวงศึกษาธิการ เป็นประธานกรรมการ
(2) ผู้แทนสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน ผู้แทนสำนักงานคณะกรรมการการอาชีวศึกษา เป็นกรรมการ
(3) นายสมชาย ใจดี เป็นกรรมการ
ให้ผู้อำนวยการสำนักวิชาการ เป็นกรรมการและเลขานุการ
ข้อ 2 ให้คณะกรรมการตามข้อ 1 มีอำนาจหน้าที่ ดังนี้
(1) จัดทำร่างหลักสูตร
(2) เสนอแนะแนวทาง
(ก) ด้านการวัดผล
(3) ปฏิบัติงานอื่น ๆ ตามที่ได้รับมอบหมาย
ข้อ 3 แต่งตั้งคณะทำงานติดตามผล ประกอบด้วย นายปกรณ์ ศรีสุข ประธานคณะทำงาน นางสาวมณี แก้วใส คณะทำงานและเลขานุการ
สั่ง ณ วันที่ 2 มกราคม พ.ศ. 2567
",
    );
    assert_eq!(order.committees.len(), 2, "{:#?}", order.committees);
    let c1 = &order.committees[0];
    assert_eq!(
        (c1.number.as_deref(), c1.name.as_str()),
        (Some("1"), "คณะกรรมการพัฒนาหลักสูตร")
    );
    assert_eq!(
        members(c1),
        [
            ("ปลัดกระทรวงศึกษาธิการ", Some("ประธานกรรมการ")),
            ("ผู้แทนสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", Some("กรรมการ")),
            ("ผู้แทนสำนักงานคณะกรรมการการอาชีวศึกษา", Some("กรรมการ")),
            ("นายสมชาย ใจดี", Some("กรรมการ")),
            ("ผู้อำนวยการสำนักวิชาการ", Some("กรรมการและเลขานุการ")),
        ]
    );
    // ข้อ 2 gives the duties of the committee of ข้อ 1
    let duties: Vec<(&str, Option<&str>, &str)> = c1
        .duties
        .iter()
        .map(|d| (d.id.as_str(), d.number.as_deref(), d.kind.as_str()))
        .collect();
    assert_eq!(
        duties,
        [
            ("c1.d1", Some("1"), "duty"),
            ("c1.d2", Some("2"), "duty"),
            ("c1.d3", Some("3"), "other_assigned"),
        ]
    );
    assert_eq!(c1.duties[1].steps[0].id, "c1.d2.s1");
    assert_eq!(c1.duties[1].steps[0].title, "ด้านการวัดผล");

    // members written in the intro's own text
    let c2 = &order.committees[1];
    assert_eq!(
        (c2.id.as_str(), c2.name.as_str()),
        ("c2", "คณะทำงานติดตามผล")
    );
    assert_eq!(
        members(c2),
        [
            ("นายปกรณ์ ศรีสุข", Some("ประธานคณะทำงาน")),
            ("นางสาวมณี แก้วใส", Some("คณะทำงานและเลขานุการ")),
        ]
    );
}

#[test]
fn inline_name_list_under_a_committee_and_unnamed_groups() {
    let order = parse(
        "เรื่อง แต่งตั้งคณะกรรมการ
1. คณะกรรมการเปิดซองสอบราคา
1. นางสาวมณี แก้วใส ประธานกรรมการ 2. นายปกรณ์ ศรีสุข กรรมการ 3.นางจ ฉ กรรมการและเลขานุการ
2. ฝ่ายปฏิคม
2.1 นางสาวมณี แก้วใส ประธาน
2.2 นายก ข เลขานุการ
3. งานสารบรรณ
3.1 นายก ข รับผิดชอบ
",
    );
    let got: Vec<(&str, Members<'_>)> = order
        .committees
        .iter()
        .map(|c| (c.name.as_str(), members(c)))
        .collect();
    assert_eq!(
        got,
        [
            (
                "คณะกรรมการเปิดซองสอบราคา",
                vec![
                    ("นางสาวมณี แก้วใส", Some("ประธานกรรมการ")),
                    ("นายปกรณ์ ศรีสุข", Some("กรรมการ")),
                    ("นางจ ฉ", Some("กรรมการและเลขานุการ")),
                ]
            ),
            // a group without a committee word counts when every item under it
            // is a member with a role
            (
                "ฝ่ายปฏิคม",
                vec![
                    ("นางสาวมณี แก้วใส", Some("ประธาน")),
                    ("นายก ข", Some("เลขานุการ")),
                ]
            ),
        ]
    );
}

#[test]
fn unclear_cases_stay_whole_or_null_with_a_diagnostic() {
    let order = parse(
        "เรื่อง แต่งตั้งคณะกรรมการ
ข้อ 1 แต่งตั้งคณะกรรมการประสานงาน ประกอบด้วย
(1) กรรมการโดยตำแหน่ง ได้แก่ ปลัดกระทรวงศึกษาธิการ บุคคลภายนอกที่มีความรู้
(2) นายสมชาย ใจดี ผู้อำนวยการโรงเรียน ประธานกรรมการ
(3) นางสาวมณี แก้วใส
",
    );
    assert_eq!(order.committees.len(), 1, "{:#?}", order.committees);
    let c = &order.committees[0];
    assert_eq!(
        members(c),
        [
            ("ปลัดกระทรวงศึกษาธิการ บุคคลภายนอกที่มีความรู้", Some("กรรมการ")),
            ("นายสมชาย ใจดี", Some("ประธานกรรมการ")),
            ("นางสาวมณี แก้วใส", None),
        ]
    );
    assert_eq!(
        codes(&order),
        [
            ("committee_member_unsplit", 3),
            ("committee_role_missing", 5)
        ]
    );
    assert!(
        order
            .diagnostics
            .iter()
            .filter(|d| is_committee_code(d.code))
            .all(|d| d.severity == kamsang::Severity::Info)
    );
}

#[test]
fn orders_without_committees() {
    for name in [
        "phetchaburi1-policy-plan.txt",
        // `ให้ … เป็นประธาน อ.ก.พ.` names the chair of a body set up elsewhere
        "02_pm_207_2568_deputy_pm_ministry_assignment.txt",
    ] {
        let path = format!("{}/fixtures/parse/{name}", env!("CARGO_MANIFEST_DIR"));
        let order = kamsang::parse_path(&path).expect("fixture parses");
        assert!(
            order.committees.is_empty(),
            "{name}: {:#?}",
            order.committees
        );
        let json = serde_json::to_value(&order).expect("serialise");
        assert_eq!(json["committees"], serde_json::json!([]));
    }
    let order = parse("เรื่อง งานสารบรรณ\n1. นายก ข ครู\n1.1 งานสารบรรณ\n");
    assert!(order.committees.is_empty());
}

#[test]
fn odd_text_never_panics_and_parses_the_same_twice() {
    for text in [
        "ประกอบด้วย",
        "1. ประกอบด้วย\n1.1 เป็น\n",
        "1. คณะกรรมการ\n1.1 กรรมการ\n",
        "1. ก.\n1.1 อ.ก. เป็นประธาน\n",
        "1. ให้ ก.ค.ศ. ประกอบด้วย\n(1) ได้แก่\n(2) เป็นกรรมการและ\n",
        "1. คณะทำงาน ประกอบด้วย\n1.1 นาย ........ \n1.2 ....กรรมการ....\n",
        "ให้คณะกรรมการมีหน้าที่\n1. คณะกรรมการ ก ประกอบด้วย นาย\n2. ให้คณะกรรมการตามข้อ 99 มีหน้าที่ ดังนี้\n2.1 ก\n",
        "1. คณะกรรมการ ก ประกอบด้วย\n1.1 นายก ข กรรมการหน้าที่\n1.1.1 ก\n1.1.1.1 ข\n",
    ] {
        let a = parse(text);
        let b = parse(text);
        assert_eq!(
            serde_json::to_string(&a).expect("json"),
            serde_json::to_string(&b).expect("json"),
            "{text}"
        );
    }
}

#[test]
fn a_persons_duty_that_mentions_a_committee_stays_the_persons() {
    let order = parse(
        "เรื่อง มอบหมายหน้าที่
1. แต่งตั้งคณะกรรมการสถานศึกษา ประกอบด้วย
1.1 นายก ข ประธานกรรมการ
1.2 นางค ง กรรมการและเลขานุการ
2. นายจ ฉ ตำแหน่ง ครู มีหน้าที่ ดังนี้
2.1 เลขานุการคณะกรรมการสถานศึกษา มีหน้าที่จัดประชุม
2.2 งานสารบรรณ
",
    );
    assert_eq!(order.committees.len(), 1);
    assert!(order.committees[0].duties.is_empty());
    // the members are people of the order too, without duties; the duty
    // that mentions the committee stays นายจ ฉ's
    let people: Vec<(&str, &str, usize)> = order
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.full_name.as_str(), p.duties.len()))
        .collect();
    assert_eq!(
        people,
        [
            ("c1.m1", "นายก ข", 0),
            ("c1.m2", "นางค ง", 0),
            ("p2", "นายจ ฉ", 2)
        ]
    );
}

/// A school's exam order, as schools write it (no real one is in the corpus,
/// so this is written to their layout): a blank number, members as
/// `name<gap>post<gap>role`, duties right after the last member, room
/// headings under which the numbering starts again, an unnumbered role line,
/// the year of the date on its own line.
#[test]
fn school_exam_committees_with_room_headings() {
    let text = common::fixture_text("committee/school-exam-committees.txt");
    let order = parse(&text);
    let h = &order.header;
    assert_eq!(h.kind, kamsang::model::DocumentKind::Committee);
    let number = h.order_number.as_ref().expect("number");
    assert_eq!((number.number, number.year_be), (None, Some(2567)));
    assert_eq!(
        h.date.as_ref().and_then(|d| d.iso.as_deref()),
        Some("2024-09-16")
    );
    assert_eq!(
        h.signed_by.as_ref().and_then(|s| s.name.as_deref()),
        Some("นายสมชาย ใจดี")
    );
    let names: Vec<&str> = order.committees.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "คณะกรรมการอำนวยการ",
            "คณะกรรมการกำกับห้องสอบ",
            "คณะกรรมการตรวจข้อสอบ"
        ]
    );
    assert_eq!(
        members(&order.committees[0]),
        [
            ("นายสมชาย ใจดี", Some("ประธานกรรมการ")),
            ("นางสมศรี มีสุข", Some("รองประธานกรรมการ")),
            ("นางสาวมาลี รักเรียน", Some("กรรมการและเลขานุการ")),
        ]
    );
    // the duty paragraph after the last member is the committee's, not hers
    assert_eq!(
        order.committees[0].members[2].position.as_deref(),
        Some("ครูผู้ช่วย")
    );
    assert_eq!(order.committees[0].duties.len(), 1);
    // numbering that starts again under each room heading: four members,
    // no out-of-order numbers, the headings not glued to the names
    assert_eq!(
        members(&order.committees[1]),
        [
            ("นายวิชัย ใจงาม", Some("กรรมการ")),
            ("นางวิไล สายทอง", Some("กรรมการ")),
            ("นางสาวพร ทองดี", Some("กรรมการ")),
            ("ว่าที่ร้อยตรีสมศักดิ์ แก้วใส", Some("กรรมการ")),
        ]
    );
    assert!(
        order.diagnostics.iter().all(|d| !matches!(
            d.code,
            Code::NumberSkipped | Code::NumberDuplicated | Code::NumberOutOfOrder
        )),
        "{:?}",
        order.diagnostics
    );
    // a seat held by every class teacher: a position, never a person
    let last = order.committees[2].members.last().expect("member");
    assert_eq!(
        (last.full_name.as_deref(), last.position.as_deref()),
        (None, Some("ครูประจำชั้นทุกคน"))
    );
    assert_eq!(order.people.len(), 9);
    let teacher = &order.people[1];
    assert_eq!(
        (teacher.position.as_deref(), teacher.rank.as_deref()),
        (Some("ครู"), Some("ครูชำนาญการพิเศษ"))
    );
}

/// A school's duty roster, as schools write it (none is in the corpus): day
/// headings under which the numbering starts again, a page number typed in
/// (`- 2 -`), a student with a class, times at a line start.
#[test]
fn school_duty_roster_with_day_headings() {
    let text = common::fixture_text("committee/school-duty-roster.txt");
    let order = parse(&text);
    assert_eq!(
        order.header.kind,
        kamsang::model::DocumentKind::DutyAssignment
    );
    // a roster's role is the person's role on that turn; a person on two
    // days is listed on both, the second entry pointing at the first
    type Entry<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>);
    let people: Vec<(Entry<'_>, Option<&str>, Option<&str>)> = order
        .people
        .iter()
        .map(|p| {
            (
                (
                    p.id.as_str(),
                    p.full_name.as_str(),
                    p.position.as_deref(),
                    p.work_group.as_deref(),
                ),
                p.role.as_deref(),
                p.same_as.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                ("h1.p1", "นายสมพงษ์ ทองคำ", None, Some("วันจันทร์")),
                Some("หัวหน้าเวร"),
                None
            ),
            (
                ("h1.p2", "นางสาวจินดา ใจเย็น", None, Some("วันจันทร์")),
                Some("ครูเวร"),
                None
            ),
            (
                ("h2.p1", "นางสุดา พรหมมา", None, Some("วันอังคาร")),
                Some("หัวหน้าเวร"),
                None
            ),
            (
                ("h2.p2", "นายอนันต์ ศรีสวัสดิ์", None, Some("วันอังคาร")),
                Some("ครูเวร"),
                None
            ),
            (
                ("h3.p1", "นางสาวจินดา ใจเย็น", None, Some("วันพุธ")),
                Some("หัวหน้าเวร"),
                Some("h1.p2")
            ),
            (
                ("h3.p2", "เด็กชายกล้า หาญสู้", Some("นักเรียนแกนนำ"), Some("วันพุธ")),
                None,
                None
            ),
        ]
    );
    assert_eq!(order.people[5].class.as_deref(), Some("ชั้นประถมศึกษาปีที่ 6/1"));
    // the page number is reported and read as nothing; no renumbering, and
    // 07.30 น. is a time, not item 7.3
    let codes: Vec<&str> = order.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["page_artefact"]);
}

/// A member's first cell that goes on in the unnumbered line under it (real
/// order 003): a named member's post, or the wrapped rest of a seat.
#[test]
fn member_cell_continued_on_the_line_below() {
    let text = common::fixture_text("corpus/003_pm_285_2566_thai_airways_committee.txt");
    let order = parse(&text);
    let c = &order.committees[0];
    type Row<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, u32, u32);
    let got: Vec<Row> = c
        .members
        .iter()
        .map(|m| {
            (
                m.full_name.as_deref(),
                m.position.as_deref(),
                m.role.as_deref(),
                m.line_start,
                m.line_end,
            )
        })
        .collect();
    assert_eq!(
        got.first(),
        Some(&(
            Some("นายสุริยะ จึงรุ่งเรืองกิจ"),
            Some("รัฐมนตรีว่าการกระทรวงคมนาคม"),
            Some("ประธาน"),
            6,
            7
        ))
    );
    assert_eq!(
        got.get(6),
        Some(&(
            None,
            Some("ผู้อำนวยการสำนักงานคณะกรรมการนโยบายรัฐวิสาหกิจ"),
            Some("กรรมการ"),
            14,
            15
        ))
    );
    assert_eq!(
        got.last(),
        Some(&(
            None,
            Some("ผู้อำนวยการสำนักงานนโยบายและแผนการขนส่งและจราจร"),
            Some("กรรมการและเลขานุการ"),
            21,
            22
        ))
    );
    // the member lines already holding their post take nothing more
    assert_eq!(got.get(7).map(|m| m.1), Some(None));
}

/// What follows a member is not always its cell: a clause, or a line that
/// does not start like a post under a named member, stays out of it.
#[test]
fn a_clause_under_a_member_is_not_its_post() {
    let order = parse(
        "คำสั่งสำนักงานเขตพื้นที่การศึกษา\n\
         เรื่อง แต่งตั้งคณะกรรมการจัดงาน\n\
         ๑. คณะกรรมการอำนวยการ ประกอบด้วย\n\
         (1) นายสมชาย ใจดี      ประธานกรรมการ\n\
         ทั้งนี้ ให้ปฏิบัติหน้าที่จนแล้วเสร็จ\n\
         (2) นายสมหมาย ใจงาม      กรรมการ\n\
         งานเลี้ยงรับรอง\n",
    );
    let c = &order.committees[0];
    let posts: Vec<Option<&str>> = c.members.iter().map(|m| m.position.as_deref()).collect();
    assert_eq!(posts, [None, None]);
}

/// A heading that names a body over lists of names with no role written
/// (synthetic: a school's exam invigilators by room): the names are its
/// members, each under its room, role null with a diagnostic; a teacher in
/// two rooms is one person.
#[test]
fn names_only_under_a_committee_heading_grouped_by_room() {
    let text = common::fixture_text("committee/school-exam-rooms-names-only.txt");
    let order = parse(&text);
    assert_eq!(order.committees.len(), 2);
    let c = &order.committees[1];
    assert_eq!(c.name, "คณะกรรมการกำกับห้องสอบ");
    let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = c
        .members
        .iter()
        .map(|m| {
            (
                m.full_name.as_deref(),
                m.role.as_deref(),
                m.group.as_deref(),
            )
        })
        .collect();
    let room1 = Some("ห้องสอบที่ ๑ ชั้นประถมศึกษาปีที่ ๑");
    let room2 = Some("ห้องสอบที่ ๒ ชั้นประถมศึกษาปีที่ ๒");
    assert_eq!(
        got,
        [
            (Some("นางสาวสุดา รักเรียน"), None, room1),
            (Some("นายปรีชา ฉลาดดี"), None, room1),
            (Some("นางมาลี ดอกไม้"), None, room2),
            (Some("นายปรีชา ฉลาดดี"), None, room2),
        ]
    );
    assert_eq!(c.duties.len(), 1);
    // the first committee's duty line is not its secretary's post
    let first = &order.committees[0];
    assert_eq!(first.members[2].position.as_deref(), Some("ครู"));
    assert_eq!(first.duties.len(), 1);
    // one person per name; every unroled member reported
    let names: Vec<&str> = order.people.iter().map(|p| p.full_name.as_str()).collect();
    assert_eq!(names.iter().filter(|n| **n == "นายปรีชา ฉลาดดี").count(), 1);
    assert_eq!(
        codes(&order)
            .iter()
            .filter(|(c, _)| *c == "committee_role_missing")
            .count(),
        4
    );
}

/// One name under a heading that names a body is no committee: it could be
/// a person's duty or a mention.
#[test]
fn one_name_under_a_committee_heading_is_no_committee() {
    let order = parse(
        "คำสั่งโรงเรียนบ้านนา\n\
         เรื่อง มอบหมายงาน\n\
         ๑. คณะกรรมการสถานศึกษาขั้นพื้นฐาน\n\
         ๑) นายสมชาย ใจดี\n",
    );
    assert!(order.committees.is_empty());
}

/// A school's duty assignment (synthetic) with two work groups, numbering
/// starting again under each: both groups are headings with their people
/// (ids `h1.p1`, `h2.p1`, never two `p1`), the teacher's standing is the word
/// after วิทยฐานะ / อันดับ, and the post written after it is what the order
/// gives (`appointed_as`).
#[test]
fn school_duty_groups_restart_and_standing_then_post() {
    let text = common::fixture_text("committee/school-duty-groups-restart.txt");
    let order = parse(&text);
    type Row<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        usize,
    );
    let got: Vec<Row> = order
        .people
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.full_name.as_str(),
                p.position.as_deref(),
                p.rank.as_deref(),
                p.appointed_as.as_deref(),
                p.work_group.as_deref(),
                p.duties.len(),
            )
        })
        .collect();
    let academic = Some("ฝ่ายบริหารงานวิชาการ");
    let general = Some("ฝ่ายบริหารงานทั่วไป");
    assert_eq!(
        got,
        [
            (
                "h1.p1",
                "นางสมศรี ใจงาม",
                Some("ครู"),
                Some("ครูชำนาญการพิเศษ"),
                Some("หัวหน้าฝ่ายบริหารงานวิชาการ"),
                academic,
                2
            ),
            (
                "h1.p2",
                "นายสมชาย ใจดี",
                Some("ครูผู้ช่วย"),
                None,
                None,
                academic,
                2
            ),
            (
                "h2.p1",
                "นางสาวมาลี รักเรียน",
                Some("ครู"),
                Some("คศ.๑"),
                Some("หัวหน้าฝ่ายบริหารงานทั่วไป"),
                general,
                2
            ),
            (
                "h2.p2",
                "นายบุญมี ทองดี",
                Some("นักการภารโรง"),
                None,
                None,
                general,
                1
            ),
        ]
    );
    assert_eq!(
        order.header.kind,
        kamsang::model::DocumentKind::DutyAssignment
    );
}

/// A university committee (synthetic) whose members are listed under role
/// headings (`ที่ปรึกษา` / `๑. …` / `กรรมการ` / `๑. …`) after an intro in the
/// preamble: the headings are groups, never members; a member without a role
/// of its own has the heading's; `อาจารย์ ดร.` is a title; the date written
/// over two lines (`สั่ง ณ วันที่ ๑๐` / `เดือน มกราคม พ.ศ. ๒๕๖๗`) is read.
#[test]
fn university_members_under_role_headings() {
    let text = common::fixture_text("committee/university-groups-under-role-headings.txt");
    let order = parse(&text);
    assert_eq!(order.committees.len(), 1);
    let c = &order.committees[0];
    assert_eq!(c.name, "คณะกรรมการพัฒนาหลักสูตร");
    let got: Vec<(&str, Option<&str>, Option<&str>)> = c
        .members
        .iter()
        .map(|m| {
            (
                m.full_name
                    .as_deref()
                    .or(m.position.as_deref())
                    .unwrap_or(""),
                m.role.as_deref(),
                m.group.as_deref(),
            )
        })
        .collect();
    let (advisors, members) = (Some("ที่ปรึกษา"), Some("กรรมการ"));
    assert_eq!(
        got,
        [
            ("รองศาสตราจารย์ ดร.สมศักดิ์ ศรีสวัสดิ์", advisors, advisors),
            ("ผศ.ดร.วิไลวรรณ ใจดี", advisors, advisors),
            (
                "ผู้ช่วยศาสตราจารย์ ดร.ประภาพร สุขใจ",
                Some("ประธานกรรมการ"),
                members
            ),
            ("อาจารย์ ดร.ธีรวัฒน์ มั่นคง", Some("กรรมการ"), members),
            ("คณบดีคณะครุศาสตร์", Some("กรรมการ"), members),
            ("ผู้ทรงคุณวุฒิภายนอก จำนวน ๒ คน", Some("กรรมการ"), members),
            ("นางสาวกัลยา แก้วมณี", Some("กรรมการและเลขานุการ"), members),
        ]
    );
    assert_eq!(
        c.members[0].role_kind,
        Some(kamsang::model::RoleKind::Advisor)
    );
    assert_eq!(c.duties.len(), 3);
    let date = order.header.date.as_ref().expect("date");
    assert_eq!(date.iso.as_deref(), Some("2024-01-10"));
    assert!(codes(&order).is_empty(), "{:?}", codes(&order));
}

/// A roster by dates (synthetic): a teacher on two days with nothing else
/// written is an entry under each day (the day is what the entry says), while
/// the same name repeated under the same heading with nothing of its own is
/// the person already listed (real order 006: a table of stand-ins).
#[test]
fn roster_days_keep_repeated_people() {
    let text = common::fixture_text("committee/school-roster-dates-repeated.txt");
    let order = parse(&text);
    let got: Vec<(&str, &str)> = order
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.full_name.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("h1.p1", "นางสาวจิราพร ใจเย็น"),
            ("h1.p2", "นายอดิศร กล้าหาญ"),
            ("h2.p1", "นางพรทิพย์ สายสุข"),
            ("h2.p2", "นายอดิศร กล้าหาญ"),
            ("h3.p1", "นางสาวจิราพร ใจเย็น"),
            ("h3.p2", "นางมณี ศรีงาม"),
        ]
    );
    let real = common::fixture_text("corpus/006_pm_215_2565_acting_pm_flattened_table.txt");
    let order = parse(&real);
    // no second entry that only repeats a name (006 still has one repeat that
    // took the flattened table's rows as duties: a known defect)
    for (k, p) in order.people.iter().enumerate() {
        let earlier = order.people[..k]
            .iter()
            .any(|q| q.full_name == p.full_name && q.work_group == p.work_group);
        assert!(
            !earlier || !p.duties.is_empty() || p.position.is_some(),
            "{} repeated with nothing of its own",
            p.full_name
        );
    }
}

/// A short order with no background (synthetic): `จึงแต่งตั้ง… ประกอบด้วย`
/// right after the subject is the order's clause, never the subject's
/// wrapped rest, so the list after it is read.
#[test]
fn therefore_clause_right_after_the_subject() {
    let order = parse(
        "คำสั่งโรงเรียนบ้านนา\n\
         ที่ ๑/๒๕๖๗\n\
         เรื่อง แต่งตั้งคณะกรรมการจัดงานวันไหว้ครู\n\
         จึงแต่งตั้งคณะกรรมการจัดงาน ประกอบด้วย\n\
         ๑. นายสมชาย ใจดี ผู้อำนวยการโรงเรียน ประธานกรรมการ\n\
         ๒. นางสมศรี ใจงาม ครู กรรมการและเลขานุการ\n\
         สั่ง ณ วันที่ ๑ มิถุนายน พ.ศ. ๒๕๖๗\n",
    );
    assert_eq!(
        order.header.subject.as_deref(),
        Some("แต่งตั้งคณะกรรมการจัดงานวันไหว้ครู")
    );
    assert_eq!(order.committees.len(), 1);
    assert_eq!(members(&order.committees[0]).len(), 2);
}

/// An education office's assignment (synthetic): each deputy's duties are
/// written on their own line after `มีหน้าที่`, and a closing clause names who
/// acts for the director (`ให้ นาย… รักษาราชการแทน หากไม่อยู่ให้ นาง…
/// รักษาราชการแทนตามลำดับ`): each acting clause ends where the next begins.
#[test]
fn inline_duties_and_stand_ins_in_running_text() {
    let text = common::fixture_text("committee/office-inline-duties-and-stand-ins.txt");
    let order = parse(&text);
    let got: Vec<(&str, Option<&str>, Vec<&str>)> = order
        .people
        .iter()
        .map(|p| {
            (
                p.full_name.as_str(),
                p.appointed_as.as_deref(),
                p.duties.iter().map(|d| d.title.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "นายวีระ สุขสันต์",
                Some("รักษาราชการแทน"),
                vec!["กำกับ ดูแล กลุ่มบริหารงานบุคคล กลุ่มนโยบายและแผน และหน่วยตรวจสอบภายใน"]
            ),
            (
                "นางสาวรัตนา ทองมา",
                Some("รักษาราชการแทน"),
                vec!["กำกับ ดูแล กลุ่มส่งเสริมการจัดการศึกษา และกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"]
            ),
        ]
    );
    assert_eq!(
        order.header.kind,
        kamsang::model::DocumentKind::DutyAssignment
    );
}

/// A ministry announcement (synthetic) whose committee is unnumbered rows of
/// `seat      role` after an intro in the preamble, one seat wrapped before
/// its role (`ผู้อำนวยการสำนักงานปลัด` / `กระทรวงศึกษาธิการ      กรรมการและ
/// เลขานุการ`), and a closing `ให้คณะกรรมการมีอำนาจหน้าที่ …` that is the
/// committee's duty, never the last member's text.
#[test]
fn unnumbered_seat_rows_and_a_wrapped_seat() {
    let text = common::fixture_text("committee/ministry-announce-seat-rows.txt");
    let order = parse(&text);
    assert_eq!(order.committees.len(), 1);
    let c = &order.committees[0];
    assert_eq!(
        members(c),
        [
            ("รัฐมนตรีว่าการกระทรวงศึกษาธิการ", Some("ประธานกรรมการ")),
            ("ปลัดกระทรวงศึกษาธิการ", Some("รองประธานกรรมการ")),
            ("นายสมบัติ ศรีทอง", Some("กรรมการ")),
            (
                "ผู้อำนวยการสำนักงานปลัดกระทรวงศึกษาธิการ",
                Some("กรรมการและเลขานุการ")
            ),
            ("นางสาวอรุณี แสงจันทร์", Some("ผู้ช่วยเลขานุการ")),
        ]
    );
    assert_eq!(c.duties.len(), 1);
    // seats are never people
    assert_eq!(order.people.len(), 2);
    assert_eq!(order.header.kind, kamsang::model::DocumentKind::Committee);
}

/// A school's announcement of students in a table (synthetic): each row's
/// student with the class cell (known by its form), the other cells left
/// null without a reading of the header; the trainer written `post name`
/// after the table is a person with that post.
#[test]
fn student_table_rows_and_a_post_then_name_line() {
    let text = common::fixture_text("committee/school-announce-student-table.txt");
    let order = parse(&text);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = order
        .people
        .iter()
        .map(|p| {
            (
                p.full_name.as_str(),
                p.position.as_deref(),
                p.class.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("เด็กหญิงพิมพ์ชนก ใจดี", None, Some("ป.๖/๑")),
            ("เด็กชายธนกร สุขสม", None, Some("ป.๕/๒")),
            ("เด็กหญิงกมลวรรณ แก้วใส", None, Some("ป.๔/๑")),
            ("นางสาวสุดา รักเรียน", Some("ครูผู้ฝึกสอน"), None),
        ]
    );
    assert_eq!(
        order.header.kind,
        kamsang::model::DocumentKind::Announcement
    );
}

/// An order appointing people by numbered items (synthetic, as the Prime
/// Minister's office writes them): `๑. นายก ข เป็นที่ปรึกษานายกรัฐมนตรี` is
/// what the order makes the person (appointed_as), not a post they hold; the
/// signer under a bare typed name is read from the bracketed name.
#[test]
fn numbered_appointments_are_what_the_order_makes() {
    let text = common::fixture_text("committee/pm-political-appointees.txt");
    let order = parse(&text);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = order
        .people
        .iter()
        .map(|p| {
            (
                p.full_name.as_str(),
                p.position.as_deref(),
                p.appointed_as.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("นายประเสริฐ จันทรรวงทอง", None, Some("ที่ปรึกษานายกรัฐมนตรี")),
            (
                "นางสาวธนพร ศรีวิราช",
                None,
                Some("ผู้ช่วยเลขานุการนายกรัฐมนตรีฝ่ายการเมือง")
            ),
            (
                "ว่าที่ร้อยตรี ธนวัฒน์ วงศ์ไชย",
                None,
                Some("เลขานุการรัฐมนตรีประจำสำนักนายกรัฐมนตรี")
            ),
        ]
    );
    assert_eq!(order.header.kind, kamsang::model::DocumentKind::Appointment);
    let signer = order.header.signed_by.as_ref().expect("signer");
    assert_eq!(signer.name.as_deref(), Some("นายเศรษฐา ทวีสิน"));
}

/// Real order 028: names grouped under unnumbered headings, the first right
/// after the intro's `… ดังนี้`: it is the first group (never glued to the
/// intro, never part of the preamble), a heading of two words included.
#[test]
fn first_group_heading_right_after_the_intro() {
    let text = common::fixture_text("corpus/028_ku_announce_2546_club_advisors_grouped.txt");
    let order = parse(&text);
    let preamble = order.header.preamble.as_deref().unwrap_or("");
    assert!(preamble.ends_with("ดังนี้"), "{preamble}");
    let groups: Vec<(&str, Option<&str>)> = order
        .people
        .iter()
        .take(4)
        .map(|p| (p.full_name.as_str(), p.work_group.as_deref()))
        .collect();
    let first = Some("องค์การบริหาร องค์การนิสิต");
    assert_eq!(
        groups,
        [
            ("นายชัยวัฒน์ ศีตะจิตต์", first),
            ("นายจิรวัฒน์ วีรังกร", first),
            ("นางพัชรา ผนึกทอง", first),
            ("นางอัจฉราวดี โปษยะนันทน์", Some("สภาผู้แทนนิสิต")),
        ]
    );
}

/// An education office's committee (synthetic) with its duty clause right
/// after the last member (`ให้คณะกรรมการมีหน้าที่…`: the committee's duty, not
/// the member's role), a blank number and day left for the signer, a signer
/// acting for the director over three lines, and a `สำเนาถูกต้อง` certifier
/// after the signature who is not the signer.
#[test]
fn duty_clause_after_the_last_member_and_a_certified_copy() {
    let text = common::fixture_text("committee/office-inspection-committee-certified-copy.txt");
    let order = parse(&text);
    let c = &order.committees[0];
    assert_eq!(members(c).last(), Some(&("นางรัตนา สุขใจ", Some("กรรมการ"))));
    assert_eq!(c.duties.len(), 1);
    assert_eq!(c.duties[0].title, "ตรวจรับพัสดุให้เป็นไปตามสัญญา");
    let number = order.header.order_number.as_ref().expect("number");
    assert_eq!((number.number, number.year_be), (None, Some(2567)));
    let signer = order.header.signed_by.as_ref().expect("signer");
    assert_eq!(signer.name.as_deref(), Some("นายสมพงษ์ ใจกว้าง"));
    assert_eq!(signer.position.len(), 3);
    assert!(
        !signer
            .position
            .iter()
            .any(|p| p.contains("สำเนา") || p.contains("กานดา"))
    );
    assert!(order.people.iter().all(|p| !p.full_name.contains("กานดา")));
}

/// A school's committees (synthetic) each named by an unnumbered heading
/// over a list that starts again at ๑ (`คณะกรรมการฝ่ายพิธีการ` / `๑. นาย…
/// ประธานกรรมการ`): each heading is a committee with its members and duty,
/// not a work group of people.
#[test]
fn unnumbered_committee_headings_over_restarted_lists() {
    school_sports_committees("school-unnumbered-committee-headings.txt");
}

/// The same order with its member lines unnumbered too (`นายก ข
/// ประธานกรรมการ`, single spaces): each line ending in a role is a member's,
/// the heading over them names their committee, and `มีหน้าที่ …` ends it.
#[test]
fn unnumbered_committees_with_unnumbered_member_lines() {
    school_sports_committees("school-unnumbered-committees-and-members.txt");
}

fn school_sports_committees(file: &str) {
    let text = common::fixture_text(&format!("committee/{file}"));
    let order = parse(&text);
    let names: Vec<&str> = order.committees.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["คณะกรรมการฝ่ายพิธีการ", "คณะกรรมการฝ่ายสนาม"]);
    assert_eq!(
        members(&order.committees[1]),
        [
            ("นายประยูร แก้วกล้า", Some("ประธานกรรมการ")),
            ("นักการภารโรง", Some("กรรมการ")),
            ("นายวีระ ชัยชนะ", Some("กรรมการและเลขานุการ")),
        ]
    );
    assert!(order.committees.iter().all(|c| c.duties.len() == 1));
    assert_eq!(order.people.len(), 5);
    assert!(order.people.iter().all(|p| p.position.is_none()));
    assert_eq!(order.header.kind, kamsang::model::DocumentKind::Committee);
}

/// Acting orders of a school (synthetic): a list of stand-ins under an intro
/// that gives them all the acting role (`จึงให้ผู้มีรายนามต่อไปนี้
/// รักษาราชการแทน… ตามลำดับ ดังนี้`), and one teacher made acting in running
/// text for one day (`… เป็นผู้รักษาราชการแทนผู้อำนวยการโรงเรียน ในวันดังกล่าว`).
#[test]
fn acting_stand_ins_listed_and_in_running_text() {
    let read = |file: &str| {
        let text = common::fixture_text(&format!("committee/{file}"));
        parse(&text)
    };
    let people = |order: &DutyOrder| -> Vec<(String, Option<String>, Option<String>)> {
        order
            .people
            .iter()
            .map(|p| {
                (
                    p.full_name.clone(),
                    p.position.clone(),
                    p.appointed_as.clone(),
                )
            })
            .collect()
    };
    let acting = Some("รักษาราชการแทนผู้อำนวยการโรงเรียน".to_string());
    let order = read("school-acting-stand-ins-listed.txt");
    assert_eq!(order.header.kind, kamsang::model::DocumentKind::Acting);
    assert_eq!(
        people(&order),
        [
            (
                "นายสมชาย ใจดี".to_string(),
                Some("รองผู้อำนวยการ".to_string()),
                acting.clone()
            ),
            (
                "นางสมศรี ใจงาม".to_string(),
                Some("ครู".to_string()),
                acting.clone()
            ),
        ]
    );
    let order = read("school-acting-one-day.txt");
    assert_eq!(order.header.kind, kamsang::model::DocumentKind::Acting);
    assert_eq!(
        people(&order),
        [("นางสมศรี ใจงาม".to_string(), Some("ครู".to_string()), acting)]
    );
    assert_eq!(order.people[0].rank.as_deref(), Some("ครูชำนาญการพิเศษ"));
}

/// Real order 017: a committee set up in prose (`ให้คณะกรรมการ… ประกอบด้วย
/// รัฐมนตรีว่าการกระทรวงศึกษาธิการ เป็นประธานกรรมการ …`): the body's name and
/// "consists of" are not the first seat, and the list of offices before
/// `เป็นกรรมการ` is one seat per office, an office's name broken by a space
/// before `การ…` kept whole.
#[test]
fn composed_of_is_not_part_of_the_first_seat() {
    let text = common::fixture_text("corpus/017_ncpo_17_2560_amend_kurusapha_boards.txt");
    let order = parse(&text);
    let c = &order.committees[0];
    assert_eq!(
        members(c).first(),
        Some(&("รัฐมนตรีว่าการกระทรวงศึกษาธิการ", Some("ประธานกรรมการ")))
    );
    assert_eq!(c.members.len(), 10);
    assert_eq!(
        members(c).get(9),
        Some(&(
            "หัวหน้าสำนักงานคณะกรรมการมาตรฐาน การบริหารงานบุคคลส่วนท้องถิ่น",
            Some("กรรมการ")
        ))
    );
    assert!(codes(&order).is_empty(), "{:?}", codes(&order));
}

/// A body listed by its sections (`จึงแต่งตั้งคณะกรรมการดำเนินงาน ดังนี้` /
/// `๑. ฝ่ายอำนวยการ` / `๑. นาย… ประธาน` `๒. นาง…`): each section with its own
/// chair is a committee, its members the people numbered again under it
/// (siblings there, never the next section); a numbered heading over members
/// that has no chair of its own is their group (held-out h16, h17).
#[test]
fn sections_with_their_own_chair_and_numbered_member_groups() {
    let order = parse(
        "จึงแต่งตั้งคณะกรรมการดำเนินงาน ดังนี้
๑. ฝ่ายอำนวยการ
\t๑. นายชาญชัย ศรีอ่อน\t\tผู้อำนวยการโรงเรียน\t\tประธาน
\t๒. นางสาววรรณา ทองประเสริฐ\tครู\t\tกรรมการและเลขานุการ
\tมีหน้าที่ ให้คำปรึกษา
๒. ฝ่ายพิธีการ
\t๑. นางบุษบา แก้วมณี\t\tครู\t\tประธาน
\t๒. นายอดิศร พันธ์ดี\t\tครู\t\tกรรมการ
\tมีหน้าที่ จัดลำดับพิธีการ
",
    );
    let got: Vec<(&str, Members<'_>)> = order
        .committees
        .iter()
        .map(|c| (c.name.as_str(), members(c)))
        .collect();
    assert_eq!(
        got,
        [
            (
                "ฝ่ายอำนวยการ",
                vec![
                    ("นายชาญชัย ศรีอ่อน", Some("ประธาน")),
                    ("นางสาววรรณา ทองประเสริฐ", Some("กรรมการและเลขานุการ")),
                ]
            ),
            (
                "ฝ่ายพิธีการ",
                vec![
                    ("นางบุษบา แก้วมณี", Some("ประธาน")),
                    ("นายอดิศร พันธ์ดี", Some("กรรมการ")),
                ]
            ),
        ]
    );
    assert_eq!(order.committees[0].duties.len(), 1);
    let order = parse(
        "จึงแต่งตั้งคณะกรรมการพัฒนาหลักสูตร ดังนี้
\t๑. ผู้ทรงคุณวุฒิภายนอก
\t\t๑.๑ รศ.ดร.ปราณี  ทองคำ\t\tมหาวิทยาลัยเกษตรศาสตร์\t\tกรรมการ
\t๒. อาจารย์ประจำหลักสูตร
\t\t๒.๑ ผศ.ดร.อนุชา  ศรีสวัสดิ์\t\t\tประธานกรรมการ
\t\t๒.๒ อาจารย์จิราภรณ์  พึ่งทอง\t\t\tกรรมการและเลขานุการ
",
    );
    let got: Vec<(&str, Option<&str>)> = order.committees[0]
        .members
        .iter()
        .map(|m| (m.full_name.as_deref().unwrap_or(""), m.group.as_deref()))
        .collect();
    assert_eq!(order.committees.len(), 1);
    assert_eq!(
        got,
        [
            ("รศ.ดร.ปราณี ทองคำ", Some("ผู้ทรงคุณวุฒิภายนอก")),
            ("ผศ.ดร.อนุชา ศรีสวัสดิ์", Some("อาจารย์ประจำหลักสูตร")),
            ("อาจารย์จิราภรณ์ พึ่งทอง", Some("อาจารย์ประจำหลักสูตร")),
        ]
    );
    assert!(codes(&order).is_empty(), "{:?}", codes(&order));
}

/// Members typed as a table in a text file (held-out h19): a header row of
/// column names (`ลำดับ ⟶ ชื่อ - สกุล ⟶ ตำแหน่ง ⟶ หน้าที่`) is a line of its
/// own, never the rest of the committee's heading, and a row's bare number
/// cell is its label, not part of the member.
#[test]
fn a_text_table_of_members_with_a_header_row() {
    let order = parse(
        "จึงแต่งตั้งคณะกรรมการ ดังต่อไปนี้
\t๑. คณะกรรมการอำนวยการ ประกอบด้วย
ลำดับ\tชื่อ - สกุล\tตำแหน่ง\tหน้าที่
๑\tนายวีรชัย สุขประเสริฐ\tผู้อำนวยการโรงเรียน\tประธานกรรมการ
๒\tนางรัชนี พึ่งบุญ\tครูชำนาญการพิเศษ\tกรรมการและเลขานุการ
\tมีหน้าที่ วางแผน อำนวยการ
",
    );
    assert_eq!(order.committees.len(), 1);
    let c = &order.committees[0];
    assert_eq!(c.name, "คณะกรรมการอำนวยการ");
    let got = seats(c);
    assert_eq!(
        got,
        [
            (
                Some("นายวีรชัย สุขประเสริฐ"),
                Some("ผู้อำนวยการโรงเรียน"),
                Some("ประธานกรรมการ")
            ),
            (
                Some("นางรัชนี พึ่งบุญ"),
                Some("ครูชำนาญการพิเศษ"),
                Some("กรรมการและเลขานุการ")
            ),
        ]
    );
    assert_eq!(c.duties.len(), 1);
}

/// A committee written role first (`ประธานกรรมการ ⟶ รองศาสตราจารย์ ดร.…`,
/// held-out h26): the first cell is each member's role, never a group, also
/// when a word qualifies the role (`กรรมการผู้ทรงคุณวุฒิ`), with tabs or with
/// single spaces (then a line of a role and a whole name is a member's line,
/// never the wrapped rest of the line before).
#[test]
fn members_written_role_first() {
    for sep in ["\t\t", "\t", " "] {
        let order = parse(&format!(
            "จึงแต่งตั้งคณะกรรมการสอบวิทยานิพนธ์ ดังนี้
\t\tประธานกรรมการ{sep}รองศาสตราจารย์ ดร.สมบัติ  จันทรวงศ์
\t\tกรรมการผู้ทรงคุณวุฒิ{sep}ศาสตราจารย์ ดร.ประพนธ์  เรืองณรงค์
\t\tกรรมการและเลขานุการ{sep}อาจารย์ ดร.ธนพร  หงษ์พันธุ์
\tโดยกำหนดสอบในวันที่ ๑๕ มกราคม ๒๕๖๘
"
        ));
        assert_eq!(order.committees.len(), 1, "{sep:?}");
        let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = order.committees[0]
            .members
            .iter()
            .map(|m| {
                (
                    m.full_name.as_deref(),
                    m.role.as_deref(),
                    m.group.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("รองศาสตราจารย์ ดร.สมบัติ จันทรวงศ์"),
                    Some("ประธานกรรมการ"),
                    None
                ),
                (
                    Some("ศาสตราจารย์ ดร.ประพนธ์ เรืองณรงค์"),
                    Some("กรรมการผู้ทรงคุณวุฒิ"),
                    None
                ),
                (
                    Some("อาจารย์ ดร.ธนพร หงษ์พันธุ์"),
                    Some("กรรมการและเลขานุการ"),
                    None
                ),
            ],
            "{sep:?}"
        );
    }
}

/// A table whose first cell labels the whole names in the others, outside any
/// committee (held-out h27: a class and its two homeroom teachers): each name
/// is a person, the label their group; a clause to them all that gives duties
/// makes the order a duty assignment.
#[test]
fn people_in_rows_labelled_by_their_first_cell() {
    let order = parse(
        "เรื่อง แต่งตั้งครูที่ปรึกษาประจำชั้น
\tจึงแต่งตั้งครูที่ปรึกษาประจำชั้น ดังนี้
ม.๑/๑\tนางสาวสุนิสา แก้วประดับ\tนายปริญญา ทองสุข
ม.๑/๒\tนางวิไลวรรณ ศรีสุข\tนายกฤษณะ ใจงาม
\tให้ครูที่ปรึกษามีหน้าที่ ดูแล ให้คำปรึกษา และติดตามพฤติกรรมของนักเรียน
",
    );
    let got: Vec<(&str, Option<&str>)> = order
        .people
        .iter()
        .map(|p| (p.full_name.as_str(), p.work_group.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("นางสาวสุนิสา แก้วประดับ", Some("ม.๑/๑")),
            ("นายปริญญา ทองสุข", Some("ม.๑/๑")),
            ("นางวิไลวรรณ ศรีสุข", Some("ม.๑/๒")),
            ("นายกฤษณะ ใจงาม", Some("ม.๑/๒")),
        ]
    );
    assert!(order.committees.is_empty());
    assert_eq!(
        order.header.kind,
        kamsang::model::DocumentKind::DutyAssignment
    );
}

/// A body listed by its sub-bodies (held-out h54): `๑. คณะกรรมการดำเนินการ…`
/// over `๑.๑ คณะกรรมการรับสมัคร ประกอบด้วย` / `๑.๑.๑ นาย…` is no committee of its
/// own; the sub-bodies are, each with its members.
#[test]
fn a_body_listed_by_its_sub_bodies() {
    let order = parse(
        "จึงแต่งตั้งคณะกรรมการ ดังนี้
๑. คณะกรรมการดำเนินการรับนักเรียน
\t๑.๑ คณะกรรมการรับสมัคร ประกอบด้วย
\t\t๑.๑.๑ นางนงนุช ศรีประเสริฐ รองผู้อำนวยการโรงเรียน ประธานกรรมการ
\t\t๑.๑.๒ นางสาววิภาดา มากมี ครู กรรมการและเลขานุการ
\t๑.๒ คณะกรรมการจัดสอบ ประกอบด้วย
\t\t๑.๒.๑ นายพีรพล ทองอินทร์ ครู ประธานกรรมการ
",
    );
    let got: Vec<(&str, usize)> = order
        .committees
        .iter()
        .map(|c| (c.name.as_str(), c.members.len()))
        .collect();
    assert_eq!(got, [("คณะกรรมการรับสมัคร", 2), ("คณะกรรมการจัดสอบ", 1)]);
}

/// A member's name alone on its numbered line, the post and role on the line
/// under it (held-out h53): the post starts a new word after the name.
#[test]
fn a_members_post_and_role_on_the_line_under_the_name() {
    let order = parse(
        "จึงแต่งตั้งคณะกรรมการพัฒนาระบบบริการสุขภาพ ประกอบด้วย
\t๑. นายแพทย์ปรีชา วงศ์ไทย
\t    รองนายแพทย์สาธารณสุขจังหวัดราชบุรี (ด้านเวชกรรมป้องกัน)\t\t\tประธานกรรมการ
\t๒. นายอาทิตย์ บุญมี
\t    สาธารณสุขอำเภอเมืองราชบุรี\t\t\tกรรมการ
",
    );
    let got = seats(&order.committees[0]);
    assert_eq!(
        got,
        [
            (
                Some("นายแพทย์ปรีชา วงศ์ไทย"),
                Some("รองนายแพทย์สาธารณสุขจังหวัดราชบุรี (ด้านเวชกรรมป้องกัน)"),
                Some("ประธานกรรมการ")
            ),
            (
                Some("นายอาทิตย์ บุญมี"),
                Some("สาธารณสุขอำเภอเมืองราชบุรี"),
                Some("กรรมการ")
            ),
        ]
    );
}

/// Held-out batch 10: a committee appointed in running text after its
/// background (h58; the person complained about is no member), and members
/// written `ROLE : NAME POST` (h60).
#[test]
fn running_text_committee_after_background_and_colon_roles() {
    let order = parse(
        "\tด้วยได้รับหนังสือร้องเรียนกรณี นายสมบัติ แก้วกล้า ครูโรงเรียนบ้านหนองกลางดง ไม่มาปฏิบัติหน้าที่ราชการ จึงแต่งตั้งคณะกรรมการสืบสวนข้อเท็จจริง โดยมี นายวิโรจน์ ทองประเสริฐ รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา เป็นประธานกรรมการ และนายอนุชา ศรีทอง ศึกษานิเทศก์ชำนาญการพิเศษ เป็นกรรมการและเลขานุการ
",
    );
    let got = seats(&order.committees[0]);
    assert_eq!(
        got,
        [
            (
                Some("นายวิโรจน์ ทองประเสริฐ"),
                Some("รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"),
                Some("ประธานกรรมการ")
            ),
            (
                Some("นายอนุชา ศรีทอง"),
                Some("ศึกษานิเทศก์ชำนาญการพิเศษ"),
                Some("กรรมการและเลขานุการ")
            ),
        ]
    );
    assert!(order.people.iter().all(|p| p.full_name != "นายสมบัติ แก้วกล้า"));
    // the background of a revocation names an earlier committee: none here
    let order = parse(
        "\tตามที่ได้มีคำสั่งที่ ๓๒๑/๒๕๖๗ แต่งตั้งคณะกรรมการสอบสวนข้อเท็จจริง โดยมี นายประยุทธ ศักดิ์ดี รองผู้อำนวยการ เป็นประธานกรรมการ นั้น
\tบัดนี้ เรื่องดังกล่าวได้ยุติแล้ว จึงให้ยกเลิกคำสั่งดังกล่าว
",
    );
    assert!(order.committees.is_empty() && order.people.is_empty());
    let order = parse(
        "\tจึงแต่งตั้งคณะกรรมการดำเนินงานโครงการอาหารกลางวัน ดังนี้
\tประธานกรรมการ : นางสาวนวลจันทร์ พรหมมา ผู้อำนวยการโรงเรียน
\tกรรมการและเลขานุการ : นางสาวสุพรรษา แจ่มใส ครู
",
    );
    let got = seats(&order.committees[0]);
    assert_eq!(
        got,
        [
            (
                Some("นางสาวนวลจันทร์ พรหมมา"),
                Some("ผู้อำนวยการโรงเรียน"),
                Some("ประธานกรรมการ")
            ),
            (
                Some("นางสาวสุพรรษา แจ่มใส"),
                Some("ครู"),
                Some("กรรมการและเลขานุการ")
            ),
        ]
    );
}

/// A post written after a name that starts with the post the subject
/// appoints to is what the order makes the person (held-out h59).
#[test]
fn the_post_the_subject_appoints_to_is_appointed_as() {
    let order = parse(
        "เรื่อง แต่งตั้งอาจารย์ที่ปรึกษาวิทยานิพนธ์
\tจึงแต่งตั้งอาจารย์ที่ปรึกษาวิทยานิพนธ์ ดังนี้
\t1. รองศาสตราจารย์ ดร.พงศ์ธร  สุวรรณโชติ\tอาจารย์ที่ปรึกษาวิทยานิพนธ์หลัก
",
    );
    let p = &order.people[0];
    assert_eq!(
        (p.position.as_deref(), p.appointed_as.as_deref()),
        (None, Some("อาจารย์ที่ปรึกษาวิทยานิพนธ์หลัก"))
    );
}
