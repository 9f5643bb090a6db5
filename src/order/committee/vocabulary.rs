//! Vocabulary of committees (kept here, not in `thai::lexicon`, because only
//! committees use it), and the automata built from it.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::RoleKind;
use crate::thai::lexicon::TITLES;

/// What a role written as `written` (one of [`COMMITTEE_ROLES`], perhaps with
/// an ordinal, or two joined by `/`) is, by the words it is made of: an
/// advisor first (`ที่ปรึกษา/กรรมการ`), then chairs, secretaries
/// (`กรรมการ/ผู้ช่วยเลขานุการ` is an assistant secretary), treasurers, members.
///
/// [`COMMITTEE_ROLES`]: crate::thai::lexicon::COMMITTEE_ROLES
pub(super) fn role_kind(written: &str) -> Option<RoleKind> {
    let first = written.trim();
    if first.is_empty() {
        return None;
    }
    let kind = if first.contains("ที่ปรึกษา") {
        RoleKind::Advisor
    } else if first.starts_with("รองประธาน") || first.starts_with("รองหัวหน้า")
    {
        RoleKind::ViceChair
    } else if first.starts_with("ประธาน") || first.starts_with("หัวหน้า")
    {
        RoleKind::Chair
    } else if first.contains("ผู้ช่วยเลขานุการ") {
        RoleKind::AssistantSecretary
    } else if first.contains("เลขานุการ") {
        if first.starts_with("เลขานุการ") {
            RoleKind::Secretary
        } else {
            RoleKind::MemberSecretary
        }
    } else if first.contains("เหรัญญิก") {
        RoleKind::Treasurer
    } else if first.contains("กรรมการ") || first.contains("คณะทำงาน")
    {
        RoleKind::Member
    } else {
        RoleKind::Other
    };
    Some(kind)
}

/// The words every role in [`COMMITTEE_ROLES`] contains one of.
///
/// [`COMMITTEE_ROLES`]: crate::thai::lexicon::COMMITTEE_ROLES
pub(super) const ROLE_WORDS: &[&str] = &[
    "กรรมการ",
    "ประธาน",
    "เลขานุการ",
    "คณะทำงาน",
    "ที่ปรึกษา",
    "เหรัญญิก",
];

/// Words that name a collective body ("committee", "sub-committee", "working
/// group", "advisory board").
pub(super) const COMMITTEE_WORDS: &[&str] =
    &["คณะอนุกรรมการ", "คณะกรรมการ", "คณะทำงาน", "คณะที่ปรึกษา"];

/// Words before a committee word that make it part of an office's name
/// (`สำนักงานคณะกรรมการ…` = "Office of the … Commission").
pub(super) const OFFICE_PREFIXES: &[&str] = &["สำนักงาน", "สำนัก"];

/// What may stand before the body an item introduces: nothing, "appoint",
/// "let", "let there be" ….
pub(super) const BODY_LEADS: &[&str] = &["", "แต่งตั้ง", "ให้", "โดยให้", "ให้มี", "ให้แต่งตั้ง", "และ"];

/// Acronym bodies written without dots (most are written `ก.ค.ศ.`, which the
/// pattern in [`acronym_len`] recognises).
///
/// [`acronym_len`]: super::bodies::acronym_len
pub(super) const UNDOTTED_ACRONYMS: &[&str] = &["อกคศ.", "กคศ.", "กศจ.", "กพฐ."];

/// Where the name of a committee ends: "each body", "numbering", "which",
/// "under (a law)", "consisting of", "as follows", "has the duty" ….
pub(super) const NAME_ENDS: &[&str] = &[
    " แต่ละคณะ",
    " มีจำนวน",
    " จำนวน",
    " ซึ่ง",
    " ตาม",
    "ประกอบด้วย",
    "ดังต่อไปนี้",
    "ดังนี้",
    "มีอำนาจหน้าที่",
    "มีหน้าที่",
    " โดยมี",
    " โดยให้",
    " ทำหน้าที่",
    " มีอำนาจ",
    " ให้",
    ":",
];

pub(super) use crate::thai::lexicon::LIST_INTROS;

pub(super) use crate::thai::lexicon::COMMITTEE_DUTY_INTROS as DUTY_INTROS;

/// Filler after a duty intro: "and responsibility", "as follows", "namely".
pub(super) const DUTY_FILLERS: &[&str] = &["และความรับผิดชอบ", "ดังต่อไปนี้", "ดังนี้", "คือ", ":"];

/// Words that open a clause giving a committee its duties ("let …", "in this
/// regard, let …").
pub(super) const DUTY_CLAUSE_OPENERS: &[&str] = &["ให้", "โดยให้", "ทั้งนี้"];

/// Words that open a running-text clause naming a member ("let …", "with … as").
pub(super) const APPOINTEE_CLAUSE_OPENERS: &[&str] = &["โดยให้", "โดยมี", "ให้"];

/// What may directly follow `เป็น<role>` in a clause that appoints a member:
/// a new clause glued on by a wrapped line (`…เป็นผู้ช่วยเลขานุการกรณีที่…`) or
/// a category (`เป็นกรรมการผู้ทรงคุณวุฒิ`).
pub(super) const ROLE_CLAUSE_FOLLOWERS: &[&str] = &[
    "และ",
    "ให้",
    "กรณี",
    "ในกรณี",
    "โดย",
    "ทั้งนี้",
    "หาก",
    "นอกจาก",
    "อนึ่ง",
    "ผู้ทรงคุณวุฒิ",
    "ผู้แทน",
];

/// What after `เป็น<role>` shows that the role is not being given here: "a
/// member *of* ก.ค.ศ.", "a member *under* (3)", "*may also* be chair".
pub(super) const NOT_AN_APPOINTMENT: &[&str] = &["ใน", "ของ", "ตาม", "ก็ได้", "แทน", "อยู่", "ได้"];

/// What may directly follow a role at the start of an item that describes a
/// member by category: `กรรมการผู้ทรงคุณวุฒิ ซึ่ง…`, `อนุกรรมการซึ่งเป็น…`,
/// `กรรมการโดยตำแหน่ง ได้แก่ …`.
pub(super) const ROLE_FIRST_FOLLOWERS: &[&str] = &[
    "ผู้ทรงคุณวุฒิ",
    "ผู้แทน",
    "ซึ่ง",
    "โดยตำแหน่ง",
    "ที่",
    "จาก",
    "ได้แก่",
    "จำนวน",
    ":",
];

/// Where the description of a member named by category ends: the clauses that
/// say how the member is chosen ("who…", "numbering…", "except…").
pub(super) const DESCRIPTION_ENDS: &[&str] = &[" ซึ่ง", " ที่", " จำนวน", " เว้นแต่", " โดย", ","];

/// Words after a position that continue it rather than start a new one: an
/// area (`เขต 1`), a province, a unit.
pub(super) const POSITION_CONTINUATIONS: &[&str] = &[
    "เขต",
    "จังหวัด",
    "ประจำ",
    "สังกัด",
    "กระทรวง",
    "กรม",
    "สำนักงาน",
    "สำนัก",
    "ฝ่าย",
    "กลุ่ม",
    "ภาค",
    "(",
    // a noun made with การ ("the … of"), the rest of an office's name broken
    // by a space (`สำนักงานคณะกรรมการมาตรฐาน การบริหารงานบุคคลส่วนท้องถิ่น`):
    // no office starts with it
    "การ",
];

/// Any of [`ROLE_WORDS`], as one automaton (a quick test run on every node).
pub(super) static ROLE_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| alternation(ROLE_WORDS));

/// What naming a body needs: a committee word, `ก.` (every dotted acronym body
/// has it), or an acronym written without dots. [`body_start`] decides.
///
/// [`body_start`]: super::bodies::body_start
pub(super) static BODY_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let mut words = COMMITTEE_WORDS.to_vec();
    words.push("ก.");
    words.extend_from_slice(UNDOTTED_ACRONYMS);
    alternation(&words)
});

/// Personal titles as one automaton, to find where names may start.
pub(super) static TITLE_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| alternation(TITLES));

/// [`NAME_ENDS`] as one automaton.
pub(super) static NAME_END: LazyLock<Option<Regex>> = LazyLock::new(|| alternation(NAME_ENDS));

/// The earliest of `words` in `s` at or after byte `from` (through `re` when
/// it compiled).
pub(super) fn earliest(
    re: &LazyLock<Option<Regex>>,
    words: &[&str],
    s: &str,
    from: usize,
) -> Option<usize> {
    match re.as_ref() {
        Some(re) => re.find_at(s, from).map(|m| m.start()),
        None => words
            .iter()
            .filter_map(|w| {
                let tail = s.get(from..)?;
                tail.find(w).map(|i| i + from)
            })
            .min(),
    }
}

fn alternation(words: &[&str]) -> Option<Regex> {
    let pattern: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&pattern.join("|")).ok()
}
