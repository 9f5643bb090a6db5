//! The end of an order: effective clause, date of signing (→ ISO) and
//! signature block, on the tails of two corpus orders and synthetic ones.

use crate::common;

use kamsang::diagnostic::Code;
use kamsang::model::{DateInfo, DutyOrder, Signature};

fn corpus(name: &str) -> DutyOrder {
    let path = common::root().join("fixtures/parse").join(name);
    let text = std::fs::read_to_string(&path).expect("corpus fixture");
    kamsang::parse_str("x.txt", &text).expect("parses")
}

/// A small school order with `tail` after its last duty.
fn order_with_tail(tail: &str) -> DutyOrder {
    let text = format!(
        "คำสั่งโรงเรียนบ้านลาด\n\
         ที่ 12/2566\n\
         เรื่อง แต่งตั้งครูเวรประจำวัน\n\
         ---------------------\n\
         เพื่อให้การดูแลนักเรียนเป็นไปด้วยความเรียบร้อย จึงแต่งตั้งครูเวร ดังนี้\n\
         1. นางสาวกานดา มีสุข ตำแหน่ง ครู\n\
         \x20  1.1 เวรประจำวันจันทร์\n\
         2. นายสมศักดิ์ รักงาน ตำแหน่ง ครู\n\
         \x20  2.1 เวรประจำวันอังคาร\n\
         {tail}"
    );
    kamsang::parse_str("x.txt", &text).expect("parses")
}

fn date(text: &str, iso: Option<&str>) -> Option<DateInfo> {
    Some(DateInfo {
        text: text.to_string(),
        iso: iso.map(str::to_string),
    })
}

fn signed(name: Option<&str>, position: &[&str]) -> Option<Signature> {
    Some(Signature {
        name: name.map(str::to_string),
        position: position.iter().map(|s| s.to_string()).collect(),
    })
}

/// (line, code) of the diagnostics with one of `codes`.
fn diags(order: &DutyOrder, codes: &[Code]) -> Vec<(u32, Code)> {
    order
        .diagnostics
        .iter()
        .filter(|d| codes.contains(&d.code))
        .map(|d| (d.line, d.code))
        .collect()
}

const TAIL_CODES: &[Code] = &[
    Code::UnreadableDate,
    Code::LatinOAsZero,
    Code::MonthNonstandard,
    Code::ShortYear,
    Code::SignatureNotAfterDate,
];

#[test]
fn ncpo_16_2560_tail() {
    let o = corpus("05_ncpo_16_2560_teacher_personnel_committees.txt");
    let h = &o.header;
    // no ทั้งนี้ paragraph: the entry-into-force item ข้อ ๑๕, without its label
    assert_eq!(
        h.effective.as_deref(),
        Some("คำสั่งนี้ให้ใช้บังคับตั้งแต่วันประกาศในราชกิจจานุเบกษาเป็นต้นไป")
    );
    assert_eq!(h.date, date("๒๑ มีนาคม พุทธศักราช ๒๕๖๐", Some("2017-03-21")));
    assert_eq!(
        h.signed_by,
        signed(
            Some("พลเอก ประยุทธ์ จันทร์โอชา"),
            &["หัวหน้าคณะรักษาความสงบแห่งชาติ"]
        )
    );
    assert_eq!(diags(&o, TAIL_CODES), []);
}

#[test]
fn pm_207_2568_tail() {
    let o = corpus("02_pm_207_2568_deputy_pm_ministry_assignment.txt");
    let h = &o.header;
    assert_eq!(h.effective.as_deref(), Some("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"));
    // `เป็นต้นไป` after the year is not part of the date
    assert_eq!(h.date, date("4 กรกฎาคม 2568", Some("2025-07-04")));
    assert_eq!(h.signed_by, None);
    assert_eq!(diags(&o, TAIL_CODES), []);
}

#[test]
fn bracketed_acting_rank_name_and_two_positions() {
    let o = order_with_tail(
        "ทั้งนี้ ตั้งแต่วันที่ 1 ตุลาคม 2566 เป็นต้นไป\n\
         \n\
         \x20                 สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2566\n\
         \n\
         \x20                 ( ว่าที่ร้อยตรี สมชาย  ใจดี )\n\
         \x20                 ผู้อำนวยการโรงเรียนบ้านลาด\n\
         \x20                 ปฏิบัติราชการแทนผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา\n",
    );
    let h = &o.header;
    assert_eq!(
        h.effective.as_deref(),
        Some("ทั้งนี้ ตั้งแต่วันที่ 1 ตุลาคม 2566 เป็นต้นไป")
    );
    assert_eq!(h.date, date("1 ตุลาคม พ.ศ. 2566", Some("2023-10-01")));
    assert_eq!(
        h.signed_by,
        signed(
            Some("ว่าที่ร้อยตรี สมชาย ใจดี"),
            &[
                "ผู้อำนวยการโรงเรียนบ้านลาด",
                "ปฏิบัติราชการแทนผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"
            ]
        )
    );
    assert_eq!(diags(&o, TAIL_CODES), []);
    // the people before the tail are untouched
    assert_eq!(o.people.len(), 2);
    assert_eq!(o.people[1].duties.len(), 1);
}

#[test]
fn academic_title_stays_with_the_name() {
    let o = order_with_tail(
        "สั่ง ณ วันที่ ๑๕ พ.ย. ๒๕๖๖\n\
         ผู้ช่วยศาสตราจารย์ ดร.สมหญิง  แก้วใส\n\
         รองอธิการบดีฝ่ายวิชาการ\n",
    );
    let h = &o.header;
    assert_eq!(h.date, date("๑๕ พ.ย. ๒๕๖๖", Some("2023-11-15")));
    assert_eq!(
        h.signed_by,
        signed(
            Some("ผู้ช่วยศาสตราจารย์ ดร.สมหญิง แก้วใส"),
            &["รองอธิการบดีฝ่ายวิชาการ"]
        )
    );
    assert_eq!(h.effective, None);
}

#[test]
fn signing_marks_are_dropped() {
    let o = order_with_tail(
        "สั่ง ณ วันที่ 30 กันยายน 2566\n\
         (ลงชื่อ)\n\
         ลงชื่อ.................................\n\
         (นางวิไล  ศรีสุข)\n\
         ครู รักษาการในตำแหน่งผู้อำนวยการโรงเรียนบ้านลาด\n",
    );
    assert_eq!(
        o.header.signed_by,
        signed(
            Some("นางวิไล ศรีสุข"),
            &["ครู รักษาการในตำแหน่งผู้อำนวยการโรงเรียนบ้านลาด"]
        )
    );
    assert_eq!(o.header.date, date("30 กันยายน 2566", Some("2023-09-30")));
}

#[test]
fn first_line_not_a_name_makes_every_line_a_position() {
    let o = order_with_tail(
        "สั่ง ณ วันที่ 1 ตุลาคม 2566\n\
         นายกรัฐมนตรี\n",
    );
    assert_eq!(o.header.signed_by, signed(None, &["นายกรัฐมนตรี"]));
    let o = order_with_tail(
        "สั่ง ณ วันที่ 1 ตุลาคม 2566\n\
         ผู้อำนวยการโรงเรียนบ้านลาด\n",
    );
    assert_eq!(
        o.header.signed_by,
        signed(None, &["ผู้อำนวยการโรงเรียนบ้านลาด"])
    );
}

#[test]
fn unreadable_date_keeps_its_text() {
    // 31 เมษายน does not exist
    let o = order_with_tail(
        "สั่ง ณ วันที่ 31 เมษายน 2568\n\
         (นายสมชาย ใจดี)\n",
    );
    assert_eq!(o.header.date, date("31 เมษายน 2568", None));
    assert_eq!(diags(&o, TAIL_CODES), [(10, Code::UnreadableDate)]);
    assert_eq!(o.header.signed_by, signed(Some("นายสมชาย ใจดี"), &[]));

    // the day left blank for signing: everything written is kept
    let o = order_with_tail("สั่ง ณ วันที่        ตุลาคม พ.ศ. 2566\n");
    assert_eq!(o.header.date, date("ตุลาคม พ.ศ. 2566", None));
    assert_eq!(diags(&o, TAIL_CODES), [(10, Code::UnreadableDate)]);

    // garbage
    let o = order_with_tail("สั่ง ณ วันที่ ยังไม่ได้ลงนาม\n");
    assert_eq!(o.header.date, date("ยังไม่ได้ลงนาม", None));
    assert_eq!(diags(&o, TAIL_CODES), [(10, Code::UnreadableDate)]);

    // a Christian year typed by mistake: no guess
    let o = order_with_tail("สั่ง ณ วันที่ 1 ตุลาคม 2023\n");
    assert_eq!(o.header.date, date("1 ตุลาคม 2023", None));
    assert_eq!(diags(&o, TAIL_CODES), [(10, Code::UnreadableDate)]);

    // nothing written at all
    let o = order_with_tail("สั่ง ณ วันที่\n");
    assert_eq!(o.header.date, None);
    assert_eq!(diags(&o, TAIL_CODES), [(10, Code::UnreadableDate)]);
}

#[test]
fn latin_o_misspelt_month_and_short_year_are_reported() {
    let o = order_with_tail("สั่ง ณ วันที่ ๓o กรกฏาคม ๒๕๕o\n");
    assert_eq!(o.header.date, date("๓o กรกฏาคม ๒๕๕o", Some("2007-07-30")));
    assert_eq!(
        diags(&o, TAIL_CODES),
        [(10, Code::LatinOAsZero), (10, Code::MonthNonstandard)]
    );
    let o = order_with_tail("ประกาศ ณ วันที่ 1 ต.ค. 66\n");
    assert_eq!(o.header.date, date("1 ต.ค. 66", Some("2023-10-01")));
    assert_eq!(diags(&o, TAIL_CODES), [(10, Code::ShortYear)]);
}

#[test]
fn date_on_the_line_after_its_words() {
    let o = order_with_tail(
        "สั่ง ณ วันที่\n\
         ๑ ตุลาคม ๒๕๖๖\n\
         (นายสมชาย ใจดี)\n\
         ผู้อำนวยการโรงเรียนบ้านลาด\n",
    );
    assert_eq!(o.header.date, date("๑ ตุลาคม ๒๕๖๖", Some("2023-10-01")));
    assert_eq!(
        o.header.signed_by,
        signed(Some("นายสมชาย ใจดี"), &["ผู้อำนวยการโรงเรียนบ้านลาด"])
    );
}

#[test]
fn no_tail_at_all() {
    let o = order_with_tail("");
    assert_eq!(o.header.effective, None);
    assert_eq!(o.header.date, None);
    assert_eq!(o.header.signed_by, None);
    assert_eq!(diags(&o, TAIL_CODES), []);
}

#[test]
fn effective_paragraph_wins_over_an_entry_into_force_item() {
    let o = order_with_tail(
        "3. คำสั่งนี้ให้ใช้บังคับตั้งแต่วันที่ 1 ตุลาคม 2566 เป็นต้นไป\n\
         ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\n\
         สั่ง ณ วันที่ 1 ตุลาคม 2566\n",
    );
    assert_eq!(o.header.effective.as_deref(), Some("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"));
    let o = order_with_tail(
        "3. ให้ใช้บังคับตั้งแต่วันที่ 1 ตุลาคม 2566 เป็นต้นไป\n\
         สั่ง ณ วันที่ 1 ตุลาคม 2566\n",
    );
    assert_eq!(
        o.header.effective.as_deref(),
        Some("ให้ใช้บังคับตั้งแต่วันที่ 1 ตุลาคม 2566 เป็นต้นไป")
    );
}

#[test]
fn signature_before_the_date() {
    let o = order_with_tail(
        "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\n\
         \n\
         (นายสมชาย  ใจดี)\n\
         ผู้อำนวยการโรงเรียนบ้านลาด\n\
         \n\
         สั่ง ณ วันที่ 1 ตุลาคม 2566\n",
    );
    let h = &o.header;
    assert_eq!(h.effective.as_deref(), Some("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"));
    assert_eq!(h.date, date("1 ตุลาคม 2566", Some("2023-10-01")));
    assert_eq!(
        h.signed_by,
        signed(Some("นายสมชาย ใจดี"), &["ผู้อำนวยการโรงเรียนบ้านลาด"])
    );

    // no date line: the bracketed name starts the signature block in the outline
    let o = order_with_tail(
        "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป\n\
         (นายสมชาย ใจดี)\n\
         ผู้อำนวยการโรงเรียนบ้านลาด\n",
    );
    let h = &o.header;
    assert_eq!(h.effective.as_deref(), Some("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"));
    assert_eq!(h.date, None);
    assert_eq!(
        h.signed_by,
        signed(Some("นายสมชาย ใจดี"), &["ผู้อำนวยการโรงเรียนบ้านลาด"])
    );
    assert_eq!(diags(&o, TAIL_CODES), []);
}

#[test]
fn tails_validate_against_the_schema() {
    let v = common::validator();
    for tail in [
        "สั่ง ณ วันที่ 31 เมษายน 2568\n(นายสมชาย ใจดี)\n",
        "สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2566\n( ว่าที่ร้อยตรี สมชาย  ใจดี )\nผู้อำนวยการ\n",
    ] {
        let o = order_with_tail(tail);
        let value = serde_json::to_value(&o).expect("serialise");
        common::assert_valid(&v, &value, tail);
    }
}

#[test]
fn weekday_before_the_day() {
    let o = order_with_tail("สั่ง ณ วันศุกร์ที่ 4 กรกฎาคม 2568\n");
    assert_eq!(o.header.date, date("4 กรกฎาคม 2568", Some("2025-07-04")));
}

#[test]
fn scrambled_tails_never_panic() {
    const PIECES: &[&str] = &[
        "สั่ง ณ วันที่",
        "ประกาศ ณ",
        "๑",
        "๒๕",
        "o",
        "3",
        "29",
        ".",
        " ",
        "ม.ค.",
        "ก. พ",
        "กุมภาพันธ์",
        "กรกฏา",
        "(",
        ")",
        "( ",
        "ลงชื่อ",
        "นาย",
        "ว่าที่ร้อยตรี",
        "\n",
        "ทั้งนี้ ตั้งแต่",
        "เป็นต้นไป",
        "1. ",
        "พ.ศ.",
        "ค.ศ.",
        "วัน",
        "ที่",
        "/",
        "-",
        "…",
        "_",
        "สำเนาถูกต้อง",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..3000 {
        let mut tail = String::new();
        for _ in 0..next(24) {
            tail.push_str(PIECES[next(PIECES.len())]);
        }
        let o = order_with_tail(&tail);
        if let Some(iso) = o.header.date.as_ref().and_then(|d| d.iso.as_deref()) {
            assert_eq!(iso.len(), 10, "{tail:?} → {iso}");
        }
        if let Some(s) = &o.header.signed_by {
            assert!(s.name.is_some() || !s.position.is_empty(), "{tail:?}");
        }
    }
}
