//! A plain paragraph after a list item (issue 13, point 2): a .docx
//! paragraph boundary is a word boundary. A paragraph that starts a name, a
//! member's seat with its role, a heading or a body is never joined to the
//! one before; one that goes on with it (text pasted from a wrapped .txt,
//! each line a `w:p`) joins with a space: after a name alone (the member's
//! post and role), after an open bracket or a dangling `และ`, and a role
//! alone (`คณะทำงาน`, a working group's member, though it is a body's word).
//!
//! The excerpts are real orders' (the held-out and corpus .txt files), with
//! Word numbering on their items; and every held-out and corpus .txt, each
//! of its lines pasted as a paragraph (labels typed), must read as the .txt:
//! the same facts, spaces aside (a line the .txt wrapped mid-word is two
//! paragraphs, joined with a space), and no word glued across paragraphs.

use crate::common;

use kamsang::DutyOrder;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph: `#N text` is an item of the Word list at level N (numbered
/// `%1.` / `%1.%2` …, in Thai digits), anything else a plain paragraph;
/// tabs are `w:tab`.
fn para(line: &str) -> String {
    let (pr, text) = match line.strip_prefix('#').and_then(|l| l.split_once(' ')) {
        Some((level, text)) => (
            format!(
                r#"<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>"#
            ),
            text,
        ),
        None => (String::new(), line),
    };
    let runs: Vec<String> = text
        .split('\t')
        .map(|t| {
            format!(
                r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(t)
            )
        })
        .collect();
    format!("<w:p>{pr}{}</w:p>", runs.join("<w:r><w:tab/></w:r>"))
}

fn numbering() -> String {
    let levels: String = (0..9)
        .map(|i| {
            let text: Vec<String> = (1..=i + 1).map(|k| format!("%{k}")).collect();
            let dot = if i == 0 { "." } else { "" };
            format!(
                r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="thaiNumbers"/><w:lvlText w:val="{}{dot}"/></w:lvl>"#,
                text.join(".")
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

fn docx_of(lines: &[&str]) -> Vec<u8> {
    let body: String = lines.iter().map(|l| para(l)).collect();
    let doc =
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
    common::docx(&[
        ("word/document.xml", &doc),
        ("word/numbering.xml", &numbering()),
    ])
}

fn read(lines: &[&str]) -> DutyOrder {
    let bytes = docx_of(lines);
    super::docx_paragraphs::assert_no_glue("t.docx", &bytes);
    common::parse_as("t.docx", &bytes)
}

type Seat = (Option<String>, Option<String>, Option<String>);

fn seats(o: &DutyOrder) -> Vec<Seat> {
    o.committees
        .iter()
        .flat_map(|c| &c.members)
        .map(|m| (m.full_name.clone(), m.position.clone(), m.role.clone()))
        .collect()
}

fn seat(name: Option<&str>, post: &str, role: &str) -> Seat {
    (
        name.map(str::to_string),
        Some(post.to_string()),
        Some(role.to_string()),
    )
}

const HEAD: &[&str] = &[
    "คำสั่งสำนักงานสาธารณสุขจังหวัดราชบุรี",
    "ที่ ๕๕๑/๒๕๖๗",
    "เรื่อง แต่งตั้งคณะกรรมการพัฒนาระบบบริการสุขภาพ สาขาโรคไม่ติดต่อเรื้อรัง",
    "จึงแต่งตั้งคณะกรรมการพัฒนาระบบบริการสุขภาพ สาขาโรคไม่ติดต่อเรื้อรัง ประกอบด้วย",
];

const TAIL: &[&str] = &[
    "สั่ง ณ วันที่ ๑๔ สิงหาคม พ.ศ. ๒๕๖๗",
    "(นายแพทย์ชาตรี ประสิทธิ์)",
    "นายแพทย์สาธารณสุขจังหวัดราชบุรี",
];

fn order(body: &[&str]) -> DutyOrder {
    let lines: Vec<&str> = HEAD.iter().chain(body).chain(TAIL).copied().collect();
    read(&lines)
}

/// [`order`] for a name the writer broke over two paragraphs: no
/// `full_name` can come from one paragraph, the join must have its space.
fn order_with_broken_name(body: &[&str]) -> DutyOrder {
    let lines: Vec<&str> = HEAD.iter().chain(body).chain(TAIL).copied().collect();
    common::parse_as("t.docx", &docx_of(&lines))
}

#[test]
fn regression_a_post_and_role_paragraph_after_a_name_item_is_the_member_s() {
    // h53: each member's name an item, the post and role cell the paragraph
    // under it (was: a seat of its own, the name with no post and no role)
    let o = order(&[
        "#0 นายแพทย์ปรีชา วงศ์ไทย",
        "รองนายแพทย์สาธารณสุขจังหวัดราชบุรี (ด้านเวชกรรมป้องกัน)\t\tประธานกรรมการ",
        "#0 นายอาทิตย์ บุญมี",
        "สาธารณสุขอำเภอเมืองราชบุรี\t\tกรรมการ",
        "#0 นางวันดี แสงทอง",
        "นักวิชาการสาธารณสุขชำนาญการ\t\tกรรมการและเลขานุการ",
        "ให้คณะกรรมการมีหน้าที่ วางแผนพัฒนาระบบบริการ ติดตามผลการดำเนินงาน",
    ]);
    assert_eq!(
        seats(&o),
        [
            seat(
                Some("นายแพทย์ปรีชา วงศ์ไทย"),
                "รองนายแพทย์สาธารณสุขจังหวัดราชบุรี (ด้านเวชกรรมป้องกัน)",
                "ประธานกรรมการ"
            ),
            seat(Some("นายอาทิตย์ บุญมี"), "สาธารณสุขอำเภอเมืองราชบุรี", "กรรมการ"),
            seat(
                Some("นางวันดี แสงทอง"),
                "นักวิชาการสาธารณสุขชำนาญการ",
                "กรรมการและเลขานุการ"
            ),
        ]
    );
    assert_eq!(o.committees[0].duties.len(), 1, "{:?}", o.committees);
}

#[test]
fn regression_a_paragraph_after_an_open_bracket_or_a_dangling_and_goes_on_with_it() {
    // h25: `(นางอัมพร` / `เจริญสุข)⇥รองประธานคณะทำงาน`; 001: `… กรรมการและ` /
    // `สำนักงานปลัด…⇥ผู้ช่วยเลขานุการ` (was: each a seat of its own)
    let o = order_with_broken_name(&[
        "#0 รองอธิบดีกรมส่งเสริมการเรียนรู้ (นายพิทักษ์ ศรีวิชัย)\t\tประธานกรรมการ",
        "#0 ผู้อำนวยการกองพัฒนาการศึกษานอกระบบ (นางอัมพร",
        "เจริญสุข)\t\tรองประธานกรรมการ",
        "#0 ผู้อำนวยการสำนักงานเสริมสร้างเอกลักษณ์ของชาติ\t\tกรรมการและ",
        "สำนักงานปลัดสำนักนายกรัฐมนตรี\t\tผู้ช่วยเลขานุการ",
    ]);
    let s = seats(&o);
    assert_eq!(s.len(), 3, "{s:?}");
    assert_eq!(s[1].0.as_deref(), Some("นางอัมพร เจริญสุข"), "{s:?}");
    assert_eq!(s[1].2.as_deref(), Some("รองประธานกรรมการ"), "{s:?}");
    assert_eq!(s[2].2.as_deref(), Some("กรรมการและผู้ช่วยเลขานุการ"), "{s:?}");
}

#[test]
fn regression_a_role_alone_is_the_member_s_role_not_a_body() {
    // h25: `(นายธีรวัฒน์ บุญมาก)` / `คณะทำงาน` (a working group's member; was a
    // seat `คณะทำงาน` of its own and a member with no role)
    let o = order(&[
        "#0 รองอธิบดีกรมส่งเสริมการเรียนรู้ (นายพิทักษ์ ศรีวิชัย)\t\tประธานคณะทำงาน",
        "#0 ผู้อำนวยการสถาบันการศึกษาและพัฒนาต่อเนื่องสิรินธร (นายธีรวัฒน์ บุญมาก)",
        "\t\tคณะทำงาน",
        "#0 นางสาวปัทมา ทองดี นักวิชาการศึกษาชำนาญการพิเศษ\t\tคณะทำงานและเลขานุการ",
    ]);
    let roles: Vec<Option<String>> = seats(&o).into_iter().map(|s| s.2).collect();
    assert_eq!(
        roles,
        [
            Some("ประธานคณะทำงาน".to_string()),
            Some("คณะทำงาน".to_string()),
            Some("คณะทำงานและเลขานุการ".to_string()),
        ]
    );
}

#[test]
fn a_name_heading_or_body_paragraph_after_an_item_stands_alone() {
    // names after a name alone, the next committee after its last member, and
    // a duty clause: never the rest of the item before
    let o = order(&[
        "#0 นายแพทย์ปรีชา วงศ์ไทย\t\tประธานกรรมการ",
        "#0 นายอาทิตย์ บุญมี",
        "นางวันดี แสงทอง\t\tกรรมการ",
        "คณะกรรมการฝ่ายประเมินผล",
        "#0 นางสาวกรรณิการ์ ทองสุข\t\tประธานกรรมการ",
    ]);
    let names: Vec<&str> = o.people.iter().map(|p| p.full_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "นายแพทย์ปรีชา วงศ์ไทย",
            "นายอาทิตย์ บุญมี",
            "นางวันดี แสงทอง",
            "นางสาวกรรณิการ์ ทองสุข"
        ]
    );
    assert!(
        o.people.iter().all(|p| !p.full_name.contains("คณะ")),
        "{:?}",
        o.people
    );
}

#[test]
fn a_continuation_paragraph_joins_its_item_with_a_space() {
    // the reference order's person 1, its wrapped lines pasted as paragraphs
    // (the second breaks `ผู้อำนวยการ` / `กลุ่ม…` where the .txt wrapped)
    let lines = [
        "คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต ๑",
        "ที่ ๑๐๐/๒๕๖๖",
        "เรื่อง การกำหนดหน้าที่และความรับผิดชอบ",
        "อาศัยอำนาจตามความในมาตรา ๓๗ จึงมอบหมายหน้าที่ ดังนี้",
        "#0 นายชูศักดิ์ ประเสริฐ ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการพิเศษ",
        "ปฏิบัติหน้าที่ผู้อำนวยการ",
        "กลุ่มนโยบายและแผน ทำหน้าที่และรับผิดชอบงานควบคุม ดังนี้",
        "#1 งานสารบรรณ",
        "ขั้นตอนการปฏิบัติงาน",
        "#2 นำระบบเครือข่ายเทคโนโลยีสารสนเทศมาใช้ในการปฏิบัติงาน",
        "รับ-ส่งหนังสือราชการ",
    ];
    let o = read(&lines);
    assert_eq!(o.people.len(), 1, "{:?}", o.people);
    let p = &o.people[0];
    assert_eq!(p.position.as_deref(), Some("นักวิเคราะห์นโยบายและแผน"));
    let duty = &p.duties[0];
    assert_eq!(duty.title, "งานสารบรรณ");
    assert_eq!(
        duty.steps[0].title,
        "นำระบบเครือข่ายเทคโนโลยีสารสนเทศมาใช้ในการปฏิบัติงาน รับ-ส่งหนังสือราชการ"
    );
}

// ------------------------------------------------ every order, line by line

fn facts(o: &DutyOrder) -> Vec<String> {
    super::docx_writers::facts(o)
        .into_iter()
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

/// `(file, why)`: orders whose wrapped lines, pasted one paragraph each,
/// do not read as their .txt yet. The test fails when a listed file reads
/// the same (take it off) and when one not listed differs.
const KNOWN: &[(&str, &str)] = &[
    (
        "h148_school_holiday_guard_roster_dates_shift_roles_nbsp_web_page.txt",
        "two roster entries on one line parted by an NBSP run (`นางพเยาว์ … ครู ⟶ นางสาวเยาวเรศ … หัวหน้าเวรกลางวัน`): the .txt reads the second as the first's post and misses her (a miss of its own); pasted, the line parts differently",
    ),
    (
        "h74_province_committee_seats_wrapped_representatives.txt",
        "a member's post wrapped after a name and post (`๕. นายก ข ประธานสมาคม…จังหวัด` / `กาญจนบุรี ⟶ กรรมการ`): as its own paragraph the rest is read as a member line of its own, the person's post is lost",
    ),
    (
        "h80_office_revoke_and_appoint_heads_running_text.txt",
        "a running-text appointment wrapped before the name (`… และแต่งตั้ง` / `นางสาวก ข … ให้ดำรงตำแหน่ง …`): a preamble paragraph that starts with a name is not joined to the sentence it ends, so the second appointee is missed",
    ),
];

#[test]
fn every_order_pasted_line_by_line_reads_as_its_txt() {
    let mut files = common::files_with_ext(&common::fixture("heldout"), "txt");
    files.extend(common::files_with_ext(&common::fixture("corpus"), "txt"));
    assert!(files.len() >= 80, "{}", files.len());
    let mut report = Vec::new();
    for f in &files {
        let name = f.file_name().and_then(|s| s.to_str()).unwrap_or("x.txt");
        let text = std::fs::read_to_string(f).expect("utf-8 .txt");
        // each line its own paragraph, as it was typed (a `#` is text here)
        let lines: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                l.strip_prefix('#')
                    .map_or(l.to_string(), |r| format!("\u{200b}#{r}"))
            })
            .collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let bytes = docx_of(&refs);
        let want = facts(&common::parse_as(name, text.as_bytes()));
        let got = facts(&common::parse_as(&format!("{name}.docx"), &bytes));
        let known = KNOWN.iter().any(|(k, _)| *k == name);
        if known {
            if want == got {
                report.push(format!("{name}: reads as its .txt now: take it off KNOWN"));
            }
            continue;
        }
        if want != got {
            let first = want
                .iter()
                .zip(&got)
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("-{a}\n    +{b}"))
                .unwrap_or_else(|| format!("{} vs {} fact lines", want.len(), got.len()));
            report.push(format!("{name}:\n    {first}"));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
