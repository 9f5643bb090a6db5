//! What the readable views (.html, .md) share: the Thai words of the page,
//! the diagnostics by line, the label as written beside the corrected
//! number, and who is listed under people.

use std::collections::{BTreeMap, HashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Duty, DutyKind, DutyOrder, Person, RoleKind};

/// The Thai words of the page (the UI of the views), one place.
pub(crate) mod th {
    /// The page's language.
    pub const LANG: &str = "th";
    /// Header fields.
    pub const ISSUER: &str = "หน่วยงานที่ออกคำสั่ง";
    /// The unit inside the office.
    pub const UNIT: &str = "หน่วยงานย่อย";
    /// The order number.
    pub const NUMBER: &str = "เลขที่คำสั่ง";
    /// The subject.
    pub const SUBJECT: &str = "เรื่อง";
    /// The preamble.
    pub const PREAMBLE: &str = "ความนำ";
    /// The effective clause.
    pub const EFFECTIVE: &str = "มีผลตั้งแต่";
    /// The date of signing.
    pub const DATE: &str = "สั่ง ณ วันที่";
    /// The signer.
    pub const SIGNED: &str = "ผู้ลงนาม";
    /// The people section.
    pub const PEOPLE: &str = "บุคลากรและหน้าที่";
    /// The committees section.
    pub const COMMITTEES: &str = "คณะกรรมการ";
    /// Position.
    pub const POSITION: &str = "ตำแหน่ง";
    /// Rank or academic standing.
    pub const RANK: &str = "วิทยฐานะ/ระดับ";
    /// Acting role.
    pub const ROLE: &str = "บทบาท";
    /// What the order makes the person.
    pub const APPOINTED: &str = "แต่งตั้งเป็น";
    /// Duties.
    pub const DUTIES: &str = "หน้าที่";
    /// Who stands in, in order.
    pub const SUBSTITUTES: &str = "ผู้ปฏิบัติงานแทนตามลำดับ";
    /// Column: number.
    pub const COL_NO: &str = "ลำดับ";
    /// Column: name.
    pub const COL_NAME: &str = "ชื่อ-สกุล";
    /// Column: committee role.
    pub const COL_ROLE: &str = "บทบาทในคณะ";
    /// Column: group inside the committee.
    pub const COL_GROUP: &str = "กลุ่ม";
    /// A seat held by a position (no name).
    pub const SEAT: &str = "(โดยตำแหน่ง)";
    /// The label as written, beside the corrected number.
    pub const WRITTEN: &str = "ต้นฉบับเขียน";
    /// Diagnostics that concern no listed line.
    pub const OTHER_NOTES: &str = "ข้อสังเกตอื่น";
    /// "line" in a diagnostic.
    pub const LINE: &str = "บรรทัด";
    /// Summary: people.
    pub const COUNT_PEOPLE: &str = "คน";
    /// Summary: committees.
    pub const COUNT_COMMITTEES: &str = "คณะ";
    /// Summary: diagnostics.
    pub const COUNT_NOTES: &str = "ข้อสังเกต";
    /// Summary heading.
    pub const SUMMARY: &str = "สรุป";
    /// What the view is.
    pub const VIEW_OF: &str = "สิ่งที่ kamsang อ่านได้จาก";
}

/// A duty kind in Thai words, for every kind but a plain duty or step.
pub(crate) fn kind_th(kind: DutyKind) -> Option<&'static str> {
    match kind {
        DutyKind::OtherAssigned => Some("งานอื่นที่ได้รับมอบหมาย"),
        DutyKind::SubstituteClause => Some("การปฏิบัติงานแทน"),
        DutyKind::Secretary => Some("เลขานุการ"),
        DutyKind::Duty | DutyKind::Step | DutyKind::Unknown => None,
    }
}

/// A committee role kind in Thai, for a member whose role is not written.
pub(crate) fn role_kind_th(kind: RoleKind) -> &'static str {
    match kind {
        RoleKind::Advisor => "ที่ปรึกษา",
        RoleKind::Chair => "ประธาน",
        RoleKind::ViceChair => "รองประธาน",
        RoleKind::Member => "กรรมการ",
        RoleKind::MemberSecretary => "กรรมการและเลขานุการ",
        RoleKind::Secretary => "เลขานุการ",
        RoleKind::AssistantSecretary => "ผู้ช่วยเลขานุการ",
        RoleKind::Treasurer => "เหรัญญิก",
        RoleKind::Other => "อื่น ๆ",
    }
}

/// What a diagnostic code means, in a few Thai words.
pub(crate) fn code_th(code: Code) -> &'static str {
    match code {
        Code::CommitteeItemUnread => "อ่านรายการในคณะกรรมการไม่ได้",
        Code::CommitteeMemberUnsplit => "แยกชื่อกับตำแหน่งของกรรมการไม่ได้",
        Code::CommitteeRoleMissing => "ไม่พบบทบาทในคณะกรรมการ",
        Code::CommitteeUnresolved => "ระบุคณะกรรมการไม่ได้",
        Code::FormatMismatch => "ชนิดแฟ้มไม่ตรงกับนามสกุล",
        Code::LabelFromNumber => "เลขข้อสร้างจากตัวเลข",
        Code::LabelIsNumber => "ตัวเลขต้นบรรทัดเป็นเลขข้อ",
        Code::LabelOutOfRange => "เลขข้อเกินขอบเขต",
        Code::LabelRenumbered => "แก้เลขข้อ",
        Code::LatinOAsZero => "อ่านตัวโอละตินเป็นเลขศูนย์",
        Code::MixedEncoding => "รหัสอักขระปนกัน",
        Code::MonthNonstandard => "ชื่อเดือนไม่ตามแบบ",
        Code::NameUnsplit => "แยกชื่อกับนามสกุลไม่ได้",
        Code::NotADutyOrder => "ไม่ใช่คำสั่งมอบหมายหน้าที่",
        Code::NumberDuplicated => "เลขข้อซ้ำ",
        Code::PageArtefact => "ตัดเลขหน้าออก",
        Code::NumberOutOfOrder => "เลขข้อไม่เรียงลำดับ",
        Code::NumberSkipped => "เลขข้อข้าม",
        Code::OutlineTooDeep => "ลำดับชั้นลึกเกินกำหนด",
        Code::SheetNotRead => "ไม่ได้อ่านแผ่นงาน",
        Code::ShortYear => "ปีเขียนแบบย่อ",
        Code::SignatureNotAfterDate => "ลายมือชื่อไม่อยู่หลังวันที่",
        Code::SubstituteUnresolved => "ไม่พบผู้ปฏิบัติงานแทนในคำสั่ง",
        Code::TableFlattened => "อ่านตารางเป็นข้อความ",
        Code::UndecodableBytes => "มีไบต์ที่ถอดรหัสไม่ได้",
        Code::UndefinedEntity => "อักขระพิเศษที่ไม่รู้จัก",
        Code::UnreadableDate => "อ่านวันที่ไม่ได้",
        Code::Unknown => "ข้อสังเกต",
    }
}

/// The diagnostics of an order by line; each is taken once, by the first
/// line shown that it concerns, and the rest are listed at the end.
pub(crate) struct Notes<'a> {
    by_line: BTreeMap<u32, Vec<&'a Diagnostic>>,
}

impl<'a> Notes<'a> {
    pub fn new(order: &'a DutyOrder) -> Self {
        let mut by_line: BTreeMap<u32, Vec<&Diagnostic>> = BTreeMap::new();
        for d in &order.diagnostics {
            by_line.entry(d.line).or_default().push(d);
        }
        Notes { by_line }
    }

    /// The diagnostics of `line`, taken.
    pub fn take(&mut self, line: u32) -> Vec<&'a Diagnostic> {
        self.by_line.remove(&line).unwrap_or_default()
    }

    /// What no shown line took, in line order.
    pub fn rest(self) -> Vec<&'a Diagnostic> {
        self.by_line.into_values().flatten().collect()
    }
}

/// The label as written when it differs from the corrected number (Thai
/// digits and a trailing dot aside): `4.2.2` for the corrected `4.1.2`.
pub(crate) fn written_if_corrected(d: &Duty) -> Option<&str> {
    let written = d.label.as_deref()?;
    let number = d.number.as_deref()?;
    let plain = crate::thai::digits::to_arabic(written);
    let plain = plain.trim_matches(|c: char| c == '.' || c == '(' || c == ')' || c == ' ');
    (plain != number).then_some(written)
}

/// The number of a duty as shown: the corrected number in the form of the
/// written label (`4.1.2`, `1)`), or the bullet as written.
pub(crate) fn shown_number(d: &Duty) -> String {
    if d.number.is_none() && d.label.is_none() {
        // a duty written in a sentence: no number to show
        return String::new();
    }
    super::item_label(d).0
}

/// The people the people section lists: everyone but a named committee
/// member without duties (the committee's table shows them).
pub(crate) fn listed_people(order: &DutyOrder) -> Vec<&Person> {
    let members: HashSet<&str> = order
        .committees
        .iter()
        .flat_map(|c| c.members.iter())
        .filter_map(|m| m.person_id.as_deref())
        .collect();
    order
        .people
        .iter()
        .filter(|p| !p.duties.is_empty() || !members.contains(p.id.as_str()))
        .collect()
}

/// The page title: document word, issuer, number and subject.
pub(crate) fn title(order: &DutyOrder) -> String {
    let h = &order.header;
    let mut parts = Vec::new();
    let doc = format!(
        "{}{}",
        h.document.as_deref().unwrap_or_default(),
        h.issuer.as_deref().unwrap_or_default()
    );
    if !doc.trim().is_empty() {
        parts.push(doc.trim().to_string());
    }
    if let Some(n) = &h.order_number {
        parts.push(n.text.trim().to_string());
    }
    if let Some(s) = h.subject.as_deref().filter(|s| !s.trim().is_empty()) {
        parts.push(format!("{} {}", th::SUBJECT, s.trim()));
    }
    if parts.is_empty() {
        order.source.path.clone()
    } else {
        parts.join(" ")
    }
}
