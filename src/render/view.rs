//! What the readable views (.html, .md) share: the Thai words of the page,
//! the diagnostics by line, the label as written beside the corrected
//! number, and who is listed under people.

use std::collections::{BTreeMap, HashSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Duty, DutyKind, DutyOrder, Person, RoleKind};

/// The words of a page (the UI of the views), in one language: Thai
/// ([`TH`], the default) or English ([`EN`], `--lang en`).
pub(crate) struct Words {
    /// The page's language.
    pub lang: &'static str,
    /// Header fields.
    pub issuer: &'static str,
    /// The unit inside the office.
    pub unit: &'static str,
    /// The order number.
    pub number: &'static str,
    /// The subject.
    pub subject: &'static str,
    /// The preamble.
    pub preamble: &'static str,
    /// The effective clause.
    pub effective: &'static str,
    /// The date of signing.
    pub date: &'static str,
    /// The signer.
    pub signed: &'static str,
    /// The people section.
    pub people: &'static str,
    /// The committees section.
    pub committees: &'static str,
    /// Position.
    pub position: &'static str,
    /// Rank or academic standing.
    pub rank: &'static str,
    /// Acting role.
    pub role: &'static str,
    /// What the order makes the person.
    pub appointed: &'static str,
    /// Duties.
    pub duties: &'static str,
    /// Who stands in, in order.
    pub substitutes: &'static str,
    /// Column: number.
    pub col_no: &'static str,
    /// Column: name.
    pub col_name: &'static str,
    /// Column: committee role.
    pub col_role: &'static str,
    /// Column: group inside the committee.
    pub col_group: &'static str,
    /// A seat held by a position (no name).
    pub seat: &'static str,
    /// The label as written, beside the corrected number.
    pub written: &'static str,
    /// Diagnostics that concern no listed line.
    pub other_notes: &'static str,
    /// "line" in a diagnostic.
    pub line: &'static str,
    /// Summary: people.
    pub count_people: &'static str,
    /// Summary: committees.
    pub count_committees: &'static str,
    /// Summary: diagnostics.
    pub count_notes: &'static str,
    /// Summary heading.
    pub summary: &'static str,
    /// What the view is.
    pub view_of: &'static str,
}

/// The page in Thai.
pub(crate) const TH: Words = Words {
    lang: "th",
    issuer: "หน่วยงานที่ออกคำสั่ง",
    unit: "หน่วยงานย่อย",
    number: "เลขที่คำสั่ง",
    subject: "เรื่อง",
    preamble: "ความนำ",
    effective: "มีผลตั้งแต่",
    date: "สั่ง ณ วันที่",
    signed: "ผู้ลงนาม",
    people: "บุคลากรและหน้าที่",
    committees: "คณะกรรมการ",
    position: "ตำแหน่ง",
    rank: "วิทยฐานะ/ระดับ",
    role: "บทบาท",
    appointed: "แต่งตั้งเป็น",
    duties: "หน้าที่",
    substitutes: "ผู้ปฏิบัติงานแทนตามลำดับ",
    col_no: "ลำดับ",
    col_name: "ชื่อ-สกุล",
    col_role: "บทบาทในคณะ",
    col_group: "กลุ่ม",
    seat: "(โดยตำแหน่ง)",
    written: "ต้นฉบับเขียน",
    other_notes: "ข้อสังเกตอื่น",
    line: "บรรทัด",
    count_people: "คน",
    count_committees: "คณะ",
    count_notes: "ข้อสังเกต",
    summary: "สรุป",
    view_of: "สิ่งที่ kamsang อ่านได้จาก",
};

/// The page in English.
pub(crate) const EN: Words = Words {
    lang: "en",
    issuer: "Issued by",
    unit: "Unit",
    number: "Order number",
    subject: "Subject",
    preamble: "Preamble",
    effective: "Effective",
    date: "Signed on",
    signed: "Signed by",
    people: "People and duties",
    committees: "Committees",
    position: "Position",
    rank: "Rank",
    role: "Role",
    appointed: "Appointed as",
    duties: "Duties",
    substitutes: "Stand-ins, in order",
    col_no: "No.",
    col_name: "Name",
    col_role: "Committee role",
    col_group: "Group",
    seat: "(ex officio)",
    written: "written",
    other_notes: "Other notes",
    line: "line",
    count_people: "people",
    count_committees: "committees",
    count_notes: "notes",
    summary: "Summary",
    view_of: "What kamsang read from",
};

impl Words {
    /// The words of `lang`.
    pub fn of(lang: super::Lang) -> &'static Words {
        match lang {
            super::Lang::Th => &TH,
            super::Lang::En => &EN,
        }
    }

    fn thai(&self) -> bool {
        self.lang == TH.lang
    }

    /// A duty kind, for every kind but a plain duty or step.
    pub fn kind(&self, kind: DutyKind) -> Option<&'static str> {
        let thai = kind_th(kind)?;
        Some(if self.thai() {
            thai
        } else {
            match kind {
                DutyKind::OtherAssigned => "other duties as assigned",
                DutyKind::SubstituteClause => "stand-ins",
                DutyKind::Secretary => "secretary",
                _ => kind.as_str(),
            }
        })
    }

    /// A committee role kind, for a member whose role is not written.
    pub fn role(&self, kind: RoleKind) -> &'static str {
        if self.thai() {
            role_kind_th(kind)
        } else {
            match kind {
                RoleKind::Advisor => "advisor",
                RoleKind::Chair => "chair",
                RoleKind::ViceChair => "vice chair",
                RoleKind::Member => "member",
                RoleKind::MemberSecretary => "member and secretary",
                RoleKind::Secretary => "secretary",
                RoleKind::AssistantSecretary => "assistant secretary",
                RoleKind::Treasurer => "treasurer",
                RoleKind::Other => "other",
            }
        }
    }

    /// What a diagnostic code means, in a few words.
    pub fn code(&self, code: Code) -> &'static str {
        if self.thai() {
            code_th(code)
        } else {
            code.as_str()
        }
    }
}

/// A duty kind in Thai words, for every kind but a plain duty or step.
fn kind_th(kind: DutyKind) -> Option<&'static str> {
    match kind {
        DutyKind::OtherAssigned => Some("งานอื่นที่ได้รับมอบหมาย"),
        DutyKind::SubstituteClause => Some("การปฏิบัติงานแทน"),
        DutyKind::Secretary => Some("เลขานุการ"),
        DutyKind::Duty | DutyKind::Step | DutyKind::Unknown => None,
    }
}

/// A committee role kind in Thai, for a member whose role is not written.
fn role_kind_th(kind: RoleKind) -> &'static str {
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
fn code_th(code: Code) -> &'static str {
    match code {
        Code::CommitteeItemUnread => "อ่านรายการในคณะกรรมการไม่ได้",
        Code::CommitteeMemberUnsplit => "แยกชื่อกับตำแหน่งของกรรมการไม่ได้",
        Code::CommitteeRoleMissing => "ไม่พบบทบาทในคณะกรรมการ",
        Code::CommitteeUnresolved => "ระบุคณะกรรมการไม่ได้",
        Code::ExtractionRepaired => "ซ่อมข้อความภาษาไทยที่ได้จาก PDF",
        Code::FormatConverted => "แปลงแฟ้มด้วย LibreOffice",
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
        Code::OcrLowConfidence => "อ่านด้วย OCR ได้ไม่ชัด",
        Code::OcrText => "อ่านข้อความด้วย OCR",
        Code::PageArtefact => "ตัดเลขหน้าออก",
        Code::PageArtefactRemoved => "ตัดหัวกระดาษ ท้ายกระดาษ หรือเลขหน้าออก",
        Code::PageNotRead => "อ่านหน้านี้ไม่ได้",
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

/// [`listed_people`] in order, each with the work group heading that starts
/// before it (`Some` on the first person of a new group).
pub(crate) fn grouped_people(order: &DutyOrder) -> Vec<(Option<&str>, &Person)> {
    let mut group: Option<&str> = None;
    listed_people(order)
        .into_iter()
        .map(|p| {
            let g = p.work_group.as_deref();
            let starts = g.filter(|g| group != Some(*g));
            group = g;
            (starts, p)
        })
        .collect()
}

/// The page title: document word, issuer, number and subject.
pub(crate) fn title(order: &DutyOrder, w: &Words) -> String {
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
        parts.push(format!("{} {}", w.subject, s.trim()));
    }
    if parts.is_empty() {
        order.source.path.clone()
    } else {
        parts.join(" ")
    }
}
