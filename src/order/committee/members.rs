//! Reading the members (name or office, role) in one item's text.

use super::duty_clauses::{duty_tail_start, strip_fillers};
use super::names::{cut_description, names_in, starts_with_name, who};
use super::roles::{
    clause_members, head_end, role_at_end, role_clauses, role_exact, role_first, role_prefix,
};
use super::text::clean;
use crate::order::people::person_in_item;
use crate::thai::find::{contains, find};
use crate::thai::lexicon::{CONTACT_WORDS, ORDINAL_WORD, is_number_word};

/// One member read from a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Seat {
    /// The name (with title) or the office, as written.
    pub(super) who: String,
    /// A named member's post written between the name and the role.
    pub(super) post: Option<String>,
    /// The role, as one of the written forms of the lexicon.
    pub(super) role: Option<&'static str>,
    /// The role exactly as written when it says more than that form: an
    /// ordinal (`รองประธานกรรมการ คนที่หนึ่ง`) or a second role
    /// (`ที่ปรึกษา/กรรมการ`).
    pub(super) role_text: Option<String>,
}

impl Seat {
    pub(super) fn new(who: String, role: Option<&'static str>) -> Self {
        Seat {
            who,
            post: None,
            role,
            role_text: None,
        }
    }
}

/// Members read from a text.
pub(super) type Found = Vec<Seat>;

/// What one member item (or member paragraph) says.
#[derive(Debug, Default, PartialEq)]
pub(super) struct MemberText {
    /// (name or office as written, role).
    pub(super) members: Found,
    /// Duty text after a glued duty intro (`Some("")` for `มีหน้าที่ ดังนี้`).
    pub(super) duty_tail: Option<String>,
    /// Lists kept whole because their members could not be told apart.
    pub(super) unsplit: Vec<String>,
}

/// Read the members in one item's text.
pub(super) fn parse_member_text(text: &str) -> MemberText {
    parse_member_clean(clean(text))
}

/// [`parse_member_text`] on text already through [`clean`].
/// Dashes a table writes in a cell it leaves empty.
const EMPTY_CELL_DASHES: &[&str] = &["-", "–", "—"];

/// `t` without a dash that stands alone as the cell before its last cell,
/// a whole committee role (`ผู้อำนวยการกองคลัง - กรรมการ`), or `None`.
fn empty_cell_before_role(t: &str) -> Option<String> {
    let (before, role) = t.rsplit_once(' ')?;
    crate::thai::lexicon::whole_role(role)?;
    let seat = EMPTY_CELL_DASHES
        .iter()
        .find_map(|d| before.strip_suffix(d))?
        .strip_suffix(' ')?;
    (!seat.trim().is_empty()).then(|| format!("{} {role}", seat.trim_end()))
}

pub(super) fn parse_member_clean(t: String) -> MemberText {
    let mut out = MemberText::default();
    // `… กรรมการและเลขานุการ โทร. ๐๖๒-๓๔๕-๖๗๘๙`: a member's phone after the
    // role is no part of the member (it stays in the outline)
    let t = match without_contact(&t) {
        Some(cut) => t.get(..cut).unwrap_or("").trim_end().to_string(),
        None => t,
    };
    // `ผู้อำนวยการกองคลัง ⟶ - ⟶ กรรมการ`: a dash alone just before the role
    // is an empty post cell, no part of the seat
    let t = empty_cell_before_role(&t).unwrap_or(t);
    let body = match duty_tail_start(&t) {
        Some(p) => {
            let rest = t.get(p..).unwrap_or("");
            let w = ["มีอำนาจหน้าที่", "มีหน้าที่", "หน้าที่"]
                .iter()
                .find(|w| rest.starts_with(*w))
                .map_or(0, |w| w.len());
            out.duty_tail = Some(strip_fillers(rest.get(w..).unwrap_or("")));
            t.get(..p).unwrap_or("").trim_end().to_string()
        }
        None => t,
    };
    let split = head_end(&body);
    let head = body.get(..split).unwrap_or("").trim();
    let (members, unsplit) = head_members(head);
    out.members = members;
    out.unsplit = unsplit;
    if split < body.len() {
        let (more, unsplit) = clause_members(&body, split);
        out.members.extend(more);
        out.unsplit.extend(unsplit);
    }
    out
}

/// Members in the part of an item that describes its own member(s).
/// The seats of one member line, as `who` gives them, except that one seat
/// with a clause about it is kept whole (`รองอธิบดี… ที่กำกับดูแลกองแผนงาน`,
/// `เจ้าหน้าที่… ที่ได้รับมอบหมาย จำนวน 2 คน`: what the order wrote); names
/// and several offices are cut before the clause.
fn seats_in(s: &str) -> (Vec<String>, Option<String>) {
    let cut = cut_description(s);
    let whole = s.trim().trim_end_matches([',', ' ']);
    let (names, unsplit) = who(&cut);
    if cut.len() < whole.len() && names.len() == 1 && unsplit.is_none() && !starts_with_name(&cut) {
        (vec![whole.to_string()], None)
    } else {
        (names, unsplit)
    }
}

fn head_members(head: &str) -> (Found, Vec<String>) {
    if head.is_empty() {
        return (Vec::new(), Vec::new());
    }
    if starts_with_name(head) {
        return (name_members(head), Vec::new());
    }
    // `ผู้อำนวยการกองแผนงาน (นายปกรณ์ ศรีสุข) คณะทำงาน`: position, then the name
    if head.contains('(')
        && let Some((name, position)) = person_in_item(head)
    {
        return (vec![seat_after_name(name.full, &position)], Vec::new());
    }
    if let Some((role, rest)) = role_first(head) {
        // (`ประธานกรรมการ : นางสาวก ข ผู้อำนวยการโรงเรียน`: a colon after the role)
        let rest_t = rest.trim_start().trim_start_matches(':').trim_start();
        if rest.trim_start().starts_with(':')
            && let Some(n) = crate::order::people::split_name(rest_t)
            && n.family.is_some()
        {
            let post = n.rest.trim();
            return (
                vec![Seat {
                    post: (!post.is_empty()).then(|| post.to_string()),
                    ..Seat::new(n.full.clone(), Some(role))
                }],
                Vec::new(),
            );
        }
        let list = find(rest_t, "ได้แก่").map(|p| {
            rest_t
                .get(p + "ได้แก่".len()..)
                .unwrap_or("")
                .trim_start_matches([' ', ':'])
        });
        // `กรรมการผู้ทรงคุณวุฒิ ⟶ ศาสตราจารย์ ดร.…`: the role with the word
        // that qualifies it, then the name (a role-first line)
        let qualified = (!rest.starts_with(' '))
            .then(|| rest_t.split_once(' '))
            .flatten()
            .filter(|(_, after)| starts_with_name(after.trim_start()));
        let (listed, role_text) = match (list, qualified) {
            (Some(l), _) => (Some(l), None),
            (None, _) if starts_with_name(rest_t) => (Some(rest_t), None),
            (None, Some((qualifier, after))) => {
                (Some(after.trim_start()), Some(format!("{role}{qualifier}")))
            }
            (None, None) => (None, None),
        };
        return match listed {
            Some(l) => {
                let (names, whole) = who(l);
                let members = names
                    .into_iter()
                    .map(|n| Seat {
                        role_text: role_text.clone(),
                        ..Seat::new(n, Some(role))
                    })
                    .collect();
                (members, whole.into_iter().collect())
            }
            None => (
                vec![Seat::new(cut_description(head), Some(role))],
                Vec::new(),
            ),
        };
    }
    if let Some(&(be, role, _)) = role_clauses(head).first()
        && be > 0
    {
        let (names, whole) = seats_in(head.get(..be).unwrap_or(""));
        return (
            names
                .into_iter()
                .map(|n| Seat::new(n, Some(role)))
                .collect(),
            whole.into_iter().collect(),
        );
    }
    if let Some((start, text)) = written_role_at_end(head)
        && start > 0
    {
        let (names, whole) = seats_in(head.get(..start).unwrap_or(""));
        let role = role_prefix(&text).map(|(_, r)| r);
        return (
            names
                .into_iter()
                .map(|n| Seat {
                    who: n,
                    post: None,
                    role,
                    role_text: Some(text.clone()),
                })
                .collect(),
            whole.into_iter().collect(),
        );
    }
    if let Some((start, role)) = role_at_end(head)
        && start > 0
    {
        let (names, whole) = seats_in(head.get(..start).unwrap_or(""));
        return (
            names
                .into_iter()
                .map(|n| Seat::new(n, Some(role)))
                .collect(),
            whole.into_iter().collect(),
        );
    }
    (Vec::new(), Vec::new())
}

/// Members in a text that starts with a name: each name with the role written
/// after it; a name without one takes the role of the next (`นายก ข นางค ง
/// กรรมการ` → both กรรมการ).
fn name_members(text: &str) -> Found {
    let names = names_in(text);
    let mut out: Vec<Seat> = Vec::with_capacity(names.len());
    for (k, (_, end, full)) in names.iter().enumerate() {
        let next = names.get(k + 1).map_or(text.len(), |n| n.0);
        let rest = text.get(*end..next).unwrap_or("").trim();
        let rest = rest
            .trim_end_matches([',', ' '])
            .trim_end_matches("และ")
            .trim();
        out.push(seat_after_name(full.clone(), rest));
    }
    let mut next_role = None;
    for m in out.iter_mut().rev() {
        match m.role {
            Some(r) => next_role = Some(r),
            None => m.role = next_role,
        }
    }
    out
}

/// The member named `who`, with the post and role written after the name.
fn seat_after_name(who: String, rest: &str) -> Seat {
    if let Some((start, text)) = written_role_at_end(rest) {
        let post = rest.get(..start).unwrap_or("").trim();
        return Seat {
            who,
            post: (!post.is_empty())
                .then(|| post.trim_end_matches(['/', ',', '-', ' ']).to_string()),
            role: role_prefix(&text).map(|(_, r)| r),
            role_text: Some(text),
        };
    }
    Seat {
        who,
        post: post_before_role(rest),
        role: role_after_name(rest),
        role_text: None,
    }
}

/// A role at the end of `rest` that says more than one written form: with an
/// ordinal after it (`… รองประธานกรรมการ คนที่ ๒`), a second role before a
/// `/` (`ที่ปรึกษา/กรรมการ`), or a board's qualifier glued on
/// (`ประธานกรรมการบริหาร`, `รองประธานกรรมการฝ่ายวิชาการ`,
/// `กรรมการบริหารและผู้ช่วยเหรัญญิก`). (where it starts, the role as written).
fn written_role_at_end(rest: &str) -> Option<(usize, String)> {
    let t = rest.trim_end();
    // `กรรมการ (ผู้แทนคณาจารย์)`: a role and the bracket that says which seat
    // it is, written as one (a name in the bracket is no qualifier)
    if let Some(open) = t.rfind(" (")
        && t.ends_with(')')
        && let Some(inner) = t.get(open + 2..t.len() - 1)
        && inner.chars().count() <= MAX_ROLE_QUALIFIER_CHARS
        && crate::order::people::split_name(inner.trim()).is_none()
        && let Some((start, _)) = role_at_end(t.get(..open)?)
    {
        return Some((start, t.get(start..)?.to_string()));
    }
    let (body, ordinal) = split_ordinal(t);
    let start = match role_at_end(body) {
        Some((mut start, _)) => {
            if let Some(before) = body.get(..start).and_then(|b| b.strip_suffix('/'))
                && let Some((s, _)) = role_at_end(before)
            {
                start = s;
            }
            let compound = body
                .get(start..)
                .is_some_and(|r| r.contains('/') && role_exact(r).is_none());
            if ordinal.is_none() && !compound {
                return None;
            }
            start
        }
        None => qualified_role_start(body)?,
    };
    Some((start, t.get(start..)?.to_string()))
}

/// Longest bracketed qualifier after a role (`(ผู้ทรงคุณวุฒิภายนอก)`), in
/// characters; a longer bracket is a clause of its own.
const MAX_ROLE_QUALIFIER_CHARS: usize = 40;

/// Where the last word of `s` starts when it is a committee role with a
/// qualifier glued on (`กรรมการบริหาร`, `ประธานกรรมการฝ่ายวิชาการ`): the word
/// begins with a role that holds กรรมการ or คณะทำงาน, and what follows is not
/// `การ…` (`กรรมการการศึกษา…` names an office, the Commission on Education).
fn qualified_role_start(s: &str) -> Option<usize> {
    let start = s.rfind(' ').map_or(0, |i| i + 1);
    let word = s.get(start..)?;
    let (len, role) = role_prefix(word)?;
    let qualifier = word.get(len..)?;
    let board_role = contains(role, "กรรมการ") || contains(role, "คณะทำงาน");
    (board_role && !qualifier.is_empty() && !qualifier.starts_with("การ")).then_some(start)
}

/// `… กรรมการ คนที่ ๒` → (`… กรรมการ`, Some(`คนที่ ๒`)); the text itself
/// when it does not end in an ordinal.
fn split_ordinal(t: &str) -> (&str, Option<&str>) {
    if let Some(i) = t.rfind(ORDINAL_WORD)
        && i > 0
    {
        let n = t.get(i + ORDINAL_WORD.len()..).unwrap_or("").trim();
        let numbered =
            !n.is_empty() && (n.chars().all(crate::thai::digits::is_digit) || is_number_word(n));
        if numbered {
            return (t.get(..i).unwrap_or(t).trim_end(), t.get(i..));
        }
    }
    (t, None)
}

/// Where a contact written at the end of a member's text starts (`โทร.
/// ๐๘๑-๒๓๔-๕๖๗๘`): one of [`CONTACT_WORDS`] at a word start followed by a
/// number and nothing else (digits, dashes, dots, commas, spaces).
fn without_contact(t: &str) -> Option<usize> {
    CONTACT_WORDS
        .iter()
        .filter_map(|w| {
            let i = crate::thai::find::find_all(t, w)
                .find(|&i| i > 0 && t.get(..i).is_some_and(|b| b.ends_with(' ')))?;
            let rest = t.get(i + w.len()..)?;
            let number = rest.chars().any(crate::thai::digits::is_digit)
                && rest
                    .chars()
                    .all(|c| crate::thai::digits::is_digit(c) || "-., /".contains(c));
            number.then_some(i)
        })
        .min()
}

/// The post written after a name and before its role: `ผู้อำนวยการโรงเรียน
/// ประธานกรรมการ` → `ผู้อำนวยการโรงเรียน`; `ครู เป็นกรรมการ` → `ครู`. Null when
/// only a role (or nothing) is written, or when the role comes first.
fn post_before_role(rest: &str) -> Option<String> {
    let rest = rest.trim();
    let cut = if role_exact(rest).is_some() {
        0
    } else if let Some((start, _)) = role_at_end(rest) {
        start
    } else if let Some(&(be, _, _)) = role_clauses(rest).first() {
        be
    } else if role_prefix(rest).is_some() {
        0
    } else {
        rest.len()
    };
    let post = rest
        .get(..cut)
        .unwrap_or("")
        .trim()
        .trim_end_matches(['/', ',', '-', ' '])
        .trim();
    (!post.is_empty()).then(|| post.to_string())
}

/// The role in what follows a name: at the end (`ครู กรรมการ`), after `เป็น`,
/// or first (`ประธานกรรมการ ผู้อำนวยการโรงเรียน`).
fn role_after_name(rest: &str) -> Option<&'static str> {
    if rest.is_empty() {
        return None;
    }
    if let Some(r) = role_exact(rest) {
        return Some(r);
    }
    if let Some((_, r)) = role_at_end(rest) {
        return Some(r);
    }
    if let Some(&(_, r, _)) = role_clauses(rest).first() {
        return Some(r);
    }
    let (len, r) = role_prefix(rest)?;
    let after = rest.get(len..)?;
    (after.is_empty() || after.starts_with(' ')).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(text: &str) -> Vec<(String, Option<&'static str>)> {
        parse_member_text(text)
            .members
            .into_iter()
            .map(|s| (s.who, s.role))
            .collect()
    }

    fn pairs(t: &MemberText) -> Vec<(String, Option<&'static str>)> {
        t.members.iter().map(|s| (s.who.clone(), s.role)).collect()
    }

    fn m(name: &str, role: &'static str) -> (String, Option<&'static str>) {
        (name.to_string(), Some(role))
    }

    #[test]
    fn roles_as_written_with_ordinal_or_second_role() {
        let t = parse_member_text("นายวิสุทธิ์ ไชยณรุณ รองประธานกรรมการ คนที่หนึ่ง");
        assert_eq!(
            t.members[0].role_text.as_deref(),
            Some("รองประธานกรรมการ คนที่หนึ่ง")
        );
        assert_eq!(t.members[0].role, Some("รองประธานกรรมการ"));
        let t = parse_member_text("นางมนพร เจริญศรี ที่ปรึกษา/กรรมการ");
        assert_eq!(t.members[0].role_text.as_deref(), Some("ที่ปรึกษา/กรรมการ"));
        let t = parse_member_text("นายก ข ผู้อำนวยการโรงเรียน กรรมการ คนที่ ๒");
        assert_eq!(t.members[0].post.as_deref(), Some("ผู้อำนวยการโรงเรียน"));
        assert_eq!(t.members[0].role_text.as_deref(), Some("กรรมการ คนที่ ๒"));
        // a plain role needs no text of its own
        let t = parse_member_text("นายก ข ครู กรรมการ");
        assert_eq!(
            (t.members[0].role, t.members[0].role_text.as_deref()),
            (Some("กรรมการ"), None)
        );
    }

    #[test]
    fn role_at_the_end_longest_first() {
        assert_eq!(
            members("นายสมชาย ใจดี ผู้อำนวยการโรงเรียน ประธานกรรมการ"),
            [m("นายสมชาย ใจดี", "ประธานกรรมการ")]
        );
        assert_eq!(
            members("นางสมศรี ดีใจ รองผู้อำนวยการ รองประธานกรรมการ"),
            [m("นางสมศรี ดีใจ", "รองประธานกรรมการ")]
        );
        assert_eq!(
            members("นายก ข ครู กรรมการและเลขานุการ"),
            [m("นายก ข", "กรรมการและเลขานุการ")]
        );
        assert_eq!(
            members("นางสาวฌ ญ ครู กรรมการ/ผู้ช่วยเลขานุการ"),
            [m("นางสาวฌ ญ", "กรรมการ/ผู้ช่วยเลขานุการ")]
        );
    }

    #[test]
    fn dotted_leader_and_name_without_family() {
        assert_eq!(
            members("นายสมชาย ใจดี ............ ประธานกรรมการ"),
            [m("นายสมชาย ใจดี", "ประธานกรรมการ")]
        );
        assert_eq!(members("นายสมชาย ……… กรรมการ"), [m("นายสมชาย", "กรรมการ")]);
    }

    #[test]
    fn several_names_share_the_role_after_them() {
        assert_eq!(
            members("นายจ ฉ นางช ซ กรรมการ"),
            [m("นายจ ฉ", "กรรมการ"), m("นางช ซ", "กรรมการ")]
        );
        assert_eq!(
            members("นายจ ฉ ครู, นางช ซ ครู และนายฎ ฏ ครู กรรมการ"),
            [
                m("นายจ ฉ", "กรรมการ"),
                m("นางช ซ", "กรรมการ"),
                m("นายฎ ฏ", "กรรมการ")
            ]
        );
        assert_eq!(
            members("นายจ ฉ ประธานกรรมการ นางช ซ กรรมการและเลขานุการ"),
            [
                m("นายจ ฉ", "ประธานกรรมการ"),
                m("นางช ซ", "กรรมการและเลขานุการ")
            ]
        );
    }

    #[test]
    fn office_with_be_and_role_first_categories() {
        assert_eq!(
            members("รัฐมนตรีว่าการกระทรวงศึกษาธิการ เป็นประธานกรรมการ"),
            [m("รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "ประธานกรรมการ")]
        );
        assert_eq!(
            members(
                "ประธานอนุกรรมการ ซึ่งแต่งตั้งจากกรรมการใน ก.ค.ศ. เว้นแต่มีเหตุผลความจำเป็น อาจแต่งตั้งบุคคลอื่นที่ไม่เป็นกรรมการใน ก.ค.ศ. เป็นประธานอนุกรรมการก็ได้"
            ),
            [m("ประธานอนุกรรมการ", "ประธานอนุกรรมการ")]
        );
        assert_eq!(
            members("ผู้อำนวยการโรงเรียนบ้านหนองใหญ่ ประธานกรรมการ"),
            [m("ผู้อำนวยการโรงเรียนบ้านหนองใหญ่", "ประธานกรรมการ")]
        );
        assert_eq!(
            members("นายกรัฐมนตรี เป็นประธานกรรมการ"),
            [m("นายกรัฐมนตรี", "ประธานกรรมการ")]
        );
    }

    #[test]
    fn list_after_dai_kae_split_on_office_starts() {
        let got =
            members("กรรมการโดยตำแหน่ง ได้แก่ ปลัดกระทรวงศึกษาธิการ เลขาธิการ ก.พ. และเลขาธิการคุรุสภา");
        assert_eq!(
            got,
            [
                m("ปลัดกระทรวงศึกษาธิการ", "กรรมการ"),
                m("เลขาธิการ ก.พ.", "กรรมการ"),
                m("เลขาธิการคุรุสภา", "กรรมการ")
            ]
        );
        let t = parse_member_text("กรรมการโดยตำแหน่ง ได้แก่ ปลัดกระทรวงศึกษาธิการ บุคคลภายนอก");
        assert_eq!(
            members("กรรมการโดยตำแหน่ง ได้แก่ ปลัดกระทรวงศึกษาธิการ บุคคลภายนอก"),
            [m("ปลัดกระทรวงศึกษาธิการ บุคคลภายนอก", "กรรมการ")]
        );
        assert_eq!(t.unsplit.len(), 1);
    }

    #[test]
    fn running_text_appointments_after_a_joined_wrap() {
        let t = parse_member_text(
            "กรรมการผู้ทรงคุณวุฒิ ซึ่งรัฐมนตรีแต่งตั้ง ด้านละหนึ่งคนให้เลขาธิการ ก.ค.ศ. เป็นกรรมการและเลขานุการ และให้เลขาธิการ ก.ค.ศ. แต่งตั้งข้าราชการในสำนักงาน ก.ค.ศ. จำนวนไม่เกินสองคนเป็นผู้ช่วยเลขานุการกรณีที่จะแต่งตั้งผู้ใดให้เป็นกรรมการตาม (๓) ผู้นั้นต้อง…",
        );
        assert_eq!(
            pairs(&t),
            [
                m("กรรมการผู้ทรงคุณวุฒิ", "กรรมการ"),
                m("เลขาธิการ ก.ค.ศ.", "กรรมการและเลขานุการ"),
                m("ข้าราชการในสำนักงาน ก.ค.ศ.", "ผู้ช่วยเลขานุการ")
            ]
        );
    }

    #[test]
    fn duty_intro_glued_after_the_role() {
        let t = parse_member_text("นายก ข ครู กรรมการและเลขานุการมีหน้าที่ ดังนี้");
        assert_eq!(pairs(&t), [m("นายก ข", "กรรมการและเลขานุการ")]);
        assert_eq!(t.duty_tail.as_deref(), Some(""));
        let t = parse_member_text("นางสาวฌ ญ ..... กรรมการหน้าที่ จัดเตรียมสถานที่");
        assert_eq!(t.duty_tail.as_deref(), Some("จัดเตรียมสถานที่"));
        // an acting role is no duty intro
        let t = parse_member_text("นายก ข ปฏิบัติหน้าที่ผู้อำนวยการ ประธานกรรมการ");
        assert_eq!(t.duty_tail, None);
        assert_eq!(pairs(&t), [m("นายก ข", "ประธานกรรมการ")]);
    }

    #[test]
    fn not_a_role_when_negated_or_qualified() {
        assert!(role_clauses("บุคคลอื่นที่ไม่เป็นกรรมการใน ก.ค.ศ.").is_empty());
        assert!(role_clauses("ให้เป็นกรรมการตาม (๓)").is_empty());
        assert!(role_clauses("เป็นประธานอนุกรรมการก็ได้").is_empty());
        assert_eq!(role_clauses("ให้นายก ข เป็นประธาน").len(), 1);
        // a phone after the role (held-out h121)
        assert_eq!(
            members("นายเกียรติศักดิ์ มั่นใจ ครูผู้ช่วย กรรมการและเลขานุการ โทร. ๐๖๒-๓๔๕-๖๗๘๙"),
            [m("นายเกียรติศักดิ์ มั่นใจ", "กรรมการและเลขานุการ")]
        );
        // "serving as" (held-out h112)
        assert_eq!(
            members("นายสุเมธ รัตนพงษ์ ตำแหน่ง สาธารณสุขอำเภอบ้านโป่ง ทำหน้าที่ประธานกรรมการ"),
            [m("นายสุเมธ รัตนพงษ์", "ประธานกรรมการ")]
        );
        assert!(role_at_end("แต่งตั้งคณะกรรมการ").is_none());
        assert!(members("งานสารบรรณ").is_empty());
    }
}
