//! The words of the reports, in Thai (the default: the readers are Thai
//! offices) and in English (`--lang en`). Every word a report prints is here,
//! once per language; the JSON keeps the codes (`duty_added`).

use crate::diff::model::ChangeKind;

/// The language of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Lang {
    /// ภาษาไทย.
    #[default]
    Th,
    /// English.
    En,
}

impl Lang {
    /// `th` or `en` (as `--lang` takes it).
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "th" => Some(Lang::Th),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The HTML `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Th => "th",
            Lang::En => "en",
        }
    }

    pub(crate) fn words(self) -> &'static Words {
        match self {
            Lang::Th => &TH,
            Lang::En => &EN,
        }
    }
}

/// The fixed words of a report.
pub(crate) struct Words {
    pub heading: &'static str,
    pub order: &'static str,
    pub no_number: &'static str,
    pub year: &'static str,
    pub old_version: &'static str,
    pub new_version: &'static str,
    pub subject: &'static str,
    pub no_changes: &'static str,
    pub total: &'static str,
    pub kind: &'static str,
    pub count: &'static str,
    pub header: &'static str,
    pub sources: &'static str,
    pub joined: &'static str,
    pub left: &'static str,
    pub new_badge: &'static str,
    pub gone_badge: &'static str,
    pub gained_from: &'static str,
    pub lost_to: &'static str,
    pub was_number: &'static str,
    pub as_number: &'static str,
    pub number: &'static str,
    pub none: &'static str,
    pub dropped: &'static str,
    pub leaver_duties: &'static str,
    pub steps_removed: &'static str,
    pub steps_added: &'static str,
    pub renumbered_after: &'static str,
    pub moved_number: &'static str,
    pub removed_names: &'static str,
    pub old_text: &'static str,
    pub seat: &'static str,
    pub match_how: &'static str,
}

const TH: Words = Words {
    heading: "รายงานการเปลี่ยนแปลงของคำสั่ง",
    order: "คำสั่ง",
    no_number: "ไม่ระบุเลขที่",
    year: "พ.ศ.",
    old_version: "ฉบับเดิม",
    new_version: "ฉบับใหม่",
    subject: "เรื่อง",
    no_changes: "ไม่มีการเปลี่ยนแปลง",
    total: "รวม",
    kind: "การเปลี่ยนแปลง",
    count: "จำนวน",
    header: "ส่วนหัวของคำสั่ง",
    sources: "แฟ้มที่เปรียบเทียบ",
    joined: "เข้าใหม่ในคำสั่งนี้",
    left: "ไม่อยู่ในคำสั่งใหม่",
    new_badge: "ใหม่",
    gone_badge: "ออก",
    gained_from: "รับโอนจาก",
    lost_to: "โอนให้",
    was_number: "เดิมข้อ",
    as_number: "เป็นข้อ",
    number: "ข้อ",
    none: "(ไม่มี)",
    dropped: "ยกเลิก ไม่มีผู้รับต่อ",
    leaver_duties: "งานเดิมและผู้รับต่อ",
    steps_removed: "ตัดออก",
    steps_added: "เพิ่ม",
    renumbered_after: "เลขข้อเลื่อนตามงานที่เพิ่มหรือลด",
    moved_number: "ย้ายลำดับ",
    removed_names: "ตัดออก",
    old_text: "เดิม",
    seat: "ตำแหน่ง",
    match_how: "จับคู่โดย",
};

const EN: Words = Words {
    heading: "What changed in the order",
    order: "Order",
    no_number: "without a number",
    year: "B.E.",
    old_version: "old version",
    new_version: "new version",
    subject: "Subject",
    no_changes: "No changes",
    total: "Total",
    kind: "Change",
    count: "Count",
    header: "Order header",
    sources: "Files compared",
    joined: "new in this order",
    left: "not in the new order",
    new_badge: "new",
    gone_badge: "left",
    gained_from: "taken over from",
    lost_to: "handed to",
    was_number: "was",
    as_number: "now",
    number: "item",
    none: "(none)",
    dropped: "dropped, nobody took it over",
    leaver_duties: "Their duties and who has them now",
    steps_removed: "removed",
    steps_added: "added",
    renumbered_after: "renumbered after a duty was added or removed",
    moved_number: "moved",
    removed_names: "removed",
    old_text: "old",
    seat: "post",
    match_how: "paired by",
};

/// The name of a kind of change, as the summary table and the lines say it.
pub(crate) fn kind_label(lang: Lang, kind: ChangeKind) -> &'static str {
    use ChangeKind as K;
    let (th, en) = match kind {
        K::HeaderChanged => ("ส่วนหัวเปลี่ยน", "header changed"),
        K::PersonAdded => ("บุคลากรเข้าใหม่", "joined"),
        K::PersonRemoved => ("บุคลากรที่ออก", "left"),
        K::PersonRenamed => ("เปลี่ยนชื่อหรือคำนำหน้า", "renamed"),
        K::PositionChanged => ("เปลี่ยนตำแหน่ง", "position changed"),
        K::RankChanged => ("เปลี่ยนวิทยฐานะหรือระดับ", "rank changed"),
        K::RoleChanged => ("เปลี่ยนการปฏิบัติหน้าที่หรือรักษาการ", "acting role changed"),
        K::WorkGroupChanged => ("เปลี่ยนกลุ่มงาน", "work group changed"),
        K::DutyAdded => ("งานใหม่", "duty added"),
        K::DutyRemoved => ("งานที่ยกเลิก", "duty removed"),
        K::DutyReassigned => ("งานที่โอนไปผู้อื่น", "duty handed over"),
        K::DutyReworded => ("งานที่ปรับถ้อยคำ", "duty reworded"),
        K::DutyRenumbered => ("งานที่ย้ายลำดับ", "duty moved"),
        K::DutiesRenumbered => ("เลขข้อเลื่อนตาม", "duties renumbered"),
        K::StepsChanged => ("ขั้นตอนการปฏิบัติงานเปลี่ยน", "steps changed"),
        K::SubstitutesChanged => ("ผู้ปฏิบัติงานแทนเปลี่ยน", "substitutes changed"),
        K::CommitteeAdded => ("คณะกรรมการใหม่", "committee added"),
        K::CommitteeRemoved => ("คณะกรรมการที่ยกเลิก", "committee removed"),
        K::CommitteeRenamed => ("เปลี่ยนชื่อคณะกรรมการ", "committee renamed"),
        K::MemberJoined => ("กรรมการเข้าใหม่", "member joined"),
        K::MemberLeft => ("กรรมการที่พ้นจากคณะ", "member left"),
        K::MemberRenamed => ("กรรมการเปลี่ยนชื่อหรือคำนำหน้า", "member renamed"),
        K::MemberReplaced => ("เปลี่ยนผู้ดำรงตำแหน่งในคณะ", "seat holder changed"),
        K::MemberRoleChanged => ("เปลี่ยนบทบาทในคณะ", "member role changed"),
        K::MemberPositionChanged => ("เปลี่ยนตำแหน่งของกรรมการ", "member post changed"),
        K::CommitteeDutyAdded => ("หน้าที่ของคณะที่เพิ่ม", "committee duty added"),
        K::CommitteeDutyRemoved => ("หน้าที่ของคณะที่ยกเลิก", "committee duty removed"),
        K::CommitteeDutyReworded => ("หน้าที่ของคณะที่ปรับถ้อยคำ", "committee duty reworded"),
    };
    match lang {
        Lang::Th => th,
        Lang::En => en,
    }
}

/// The name of a header field (`header_changed`'s `field`).
pub(crate) fn field_label(lang: Lang, field: &str) -> String {
    let (th, en) = match field {
        "issuer" => ("ผู้ออกคำสั่ง", "issuer"),
        "unit" => ("หน่วยงาน", "unit"),
        "order_number" => ("เลขที่คำสั่ง", "order number"),
        "subject" => ("เรื่อง", "subject"),
        "preamble" => ("ข้อความนำ", "preamble"),
        "effective" => ("วันที่มีผล", "effective"),
        "date" => ("วันที่สั่ง", "date"),
        "signed_by" => ("ผู้ลงนาม", "signed by"),
        other => (other, other),
    };
    match lang {
        Lang::Th => th.to_string(),
        Lang::En => en.to_string(),
    }
}
