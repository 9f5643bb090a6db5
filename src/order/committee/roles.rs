//! Committee roles: where a role is written, and the running-text clauses
//! that appoint members (`ให้ X เป็น<role>`).

use super::members::{Found, Seat};
use super::names::{cut_description, who};
use super::text::rfind_any;
use super::vocabulary::COMMITTEE_WORDS;
use super::vocabulary::{
    APPOINTEE_CLAUSE_OPENERS, NOT_AN_APPOINTMENT, ROLE_CLAUSE_FOLLOWERS, ROLE_CUE,
    ROLE_FIRST_FOLLOWERS, ROLE_WORDS,
};
use crate::thai::find::find_all;
use crate::thai::lexicon::{
    COMMITTEE_ROLES as ROLES, COMPOSED_OF, ORDINAL_WORD, ROLE_CLAUSE_WORDS, ROLE_QUALIFIERS,
    starts_with_any,
};

/// The role `s` is exactly (dots and spaces around ignored).
pub(super) fn role_exact(s: &str) -> Option<&'static str> {
    let t = s.trim_matches(|c: char| c == '.' || c == ' ' || c == ',');
    ROLES.iter().find(|w| **w == t).copied()
}

/// The longest role written at the start of `s`: (written length, role).
pub(super) fn role_prefix(s: &str) -> Option<(usize, &'static str)> {
    ROLES
        .iter()
        .filter(|w| s.starts_with(**w))
        .max_by_key(|w| w.len())
        .map(|w| (w.len(), *w))
}

/// The longest role written at the end of `s` after a word boundary: (start of
/// the role, role).
pub(super) fn role_at_end(s: &str) -> Option<(usize, &'static str)> {
    let t = s.trim_end_matches([' ', ',', ';', ':']);
    ROLES
        .iter()
        .filter(|w| t.ends_with(**w))
        .filter_map(|w| {
            let start = t.len() - w.len();
            let before = t.get(..start)?;
            let boundary =
                before.is_empty() || before.ends_with([' ', '.', ')', ']', '-', '/', ':', ',']);
            boundary.then_some((start, *w, w.len()))
        })
        .max_by_key(|&(_, _, len)| len)
        .map(|(start, r, _)| (start, r))
}

/// A role at the start of an item that describes a member by category
/// (`กรรมการผู้ทรงคุณวุฒิ ซึ่ง…`): the role and the text after it.
pub(super) fn role_first(s: &str) -> Option<(&'static str, &str)> {
    let (len, role) = role_prefix(s)?;
    let rest = s.get(len..)?;
    if seat_elsewhere(rest) {
        return None;
    }
    let ok = rest.is_empty()
        || rest.starts_with(' ')
        || ROLE_FIRST_FOLLOWERS.iter().any(|f| rest.starts_with(f));
    ok.then_some((role, rest))
}

/// Whether what follows a role says it is a seat in another body:
/// `กรรมการในคณะกรรมการป้องกัน…`, `รองประธานกรรมการ คนที่ 2 ในคณะกรรมการ…` —
/// an assignment to sit there, not a member of the committee being read.
pub(super) fn seat_elsewhere(after_role: &str) -> bool {
    let mut t = after_role.trim_start();
    if let Some(r) = t.strip_prefix(ORDINAL_WORD) {
        // `คนที่ 2 ใน…`
        t = r.trim_start();
        t = t.split_once(' ').map_or("", |(_, r)| r).trim_start();
    }
    t.strip_prefix("ใน").is_some_and(|r| {
        COMMITTEE_WORDS
            .iter()
            .any(|w| r.trim_start().starts_with(w))
    })
}

/// `เป็น<role>` (and `ทำหน้าที่<role>`, "serving as") appointments in `text`:
/// (offset of the word, role, end of the role), in text order.
pub(super) fn role_clauses(text: &str) -> Vec<(usize, &'static str, usize)> {
    let mut out = Vec::new();
    for w in ROLE_CLAUSE_WORDS {
        role_clauses_of(text, w, &mut out);
    }
    out.sort_by_key(|&(i, _, _)| i);
    out
}

/// Where the role of a clause found by [`role_clauses`] at `be` starts: after
/// its word.
pub(super) fn clause_role_start(text: &str, be: usize) -> usize {
    let rest = text.get(be..).unwrap_or("");
    be + ROLE_CLAUSE_WORDS
        .iter()
        .find(|w| rest.starts_with(**w))
        .map_or(0, |w| w.len())
}

fn role_clauses_of(text: &str, w: &str, out: &mut Vec<(usize, &'static str, usize)>) {
    for i in find_all(text, w) {
        let before = text.get(..i).unwrap_or("");
        if before.ends_with("ไม่") || before.ends_with("ไม่ ") {
            continue;
        }
        let after_raw = text.get(i + w.len()..).unwrap_or("");
        let after = after_raw.trim_start();
        let Some((len, role)) = role_prefix(after) else {
            continue;
        };
        let follower = after.get(len..).unwrap_or("");
        let next_word = follower.trim_start();
        if NOT_AN_APPOINTMENT.iter().any(|x| next_word.starts_with(x)) {
            continue;
        }
        let ok = follower.is_empty()
            || follower.starts_with([' ', ',', ')', ';'])
            || ROLE_CLAUSE_FOLLOWERS
                .iter()
                .any(|f| follower.starts_with(f));
        if ok {
            // `เป็นกรรมการผู้ทรงคุณวุฒิ`: the word that qualifies the role is
            // part of it, never the next member
            let qualifier = starts_with_any(follower, ROLE_QUALIFIERS).map_or(0, str::len);
            let end = text.len() - follower.len() + qualifier;
            out.push((i, role, end));
        }
    }
}

/// Where running-text appointments (`ให้ X เป็น<role>`) begin in an item's
/// text: the opener of the first such clause; the text before it describes the
/// item's own member. The length of the text when there is none.
pub(super) fn head_end(text: &str) -> usize {
    let mut prev_end = 0;
    for (be, _, end) in role_clauses(text) {
        let seg = text.get(prev_end..be).unwrap_or("");
        if let Some(q) = rfind_any(seg, APPOINTEE_CLAUSE_OPENERS) {
            return prev_end + q;
        }
        prev_end = end;
    }
    text.len()
}

/// Members appointed by clauses at or after `from`, and the texts that could
/// not be split.
pub(super) fn clause_members(text: &str, from: usize) -> (Found, Vec<String>) {
    let mut members = Vec::new();
    let mut unsplit = Vec::new();
    let mut prev_end = from;
    for (be, role, end) in role_clauses(text) {
        if be < from {
            continue;
        }
        let seg = text.get(prev_end..be).unwrap_or("");
        prev_end = end;
        let who_text = appointee(seg);
        // the role as written, when a word qualifies it
        let written = text
            .get(clause_role_start(text, be)..end)
            .map(str::trim)
            .filter(|w| *w != role)
            .map(str::to_string);
        // one person and their post (`นายก ข รองผู้อำนวยการ… เป็นประธานกรรมการ`)
        if let Some(n) = crate::order::people::split_name(&who_text)
            && n.family.is_some()
            && !n.rest.is_empty()
            && super::names::names_in(&who_text).len() == 1
        {
            members.push(Seat {
                post: Some(n.rest.trim().to_string()),
                role_text: written,
                ..Seat::new(n.full.clone(), Some(role))
            });
            continue;
        }
        let (names, whole) = who(&who_text);
        if let Some(w) = whole {
            unsplit.push(w);
        }
        members.extend(names.into_iter().map(|n| Seat {
            role_text: written.clone(),
            ..Seat::new(n, Some(role))
        }));
    }
    (members, unsplit)
}

/// The member named in a clause segment `…ให้ A แต่งตั้ง B จำนวน…` → `B`.
fn appointee(seg: &str) -> String {
    let mut s = seg.trim();
    // `ให้คณะกรรมการ… ประกอบด้วยรัฐมนตรีว่าการ… เป็นประธานกรรมการ`: the body and
    // "consists of" come before the first member
    if let Some(p) = s.rfind(COMPOSED_OF) {
        s = s.get(p + COMPOSED_OF.len()..).unwrap_or("");
    } else if let Some(p) = s.rfind("แต่งตั้ง") {
        s = s.get(p + "แต่งตั้ง".len()..).unwrap_or("");
    } else if let Some(p) = rfind_any(s, APPOINTEE_CLAUSE_OPENERS) {
        let w = APPOINTEE_CLAUSE_OPENERS
            .iter()
            .find(|w| s.get(p..).is_some_and(|r| r.starts_with(*w)))
            .map_or(0, |w| w.len());
        s = s.get(p + w..).unwrap_or("");
    }
    let mut s = s.trim();
    for lead in ["และ", "อาจ", "โดย"] {
        s = s.strip_prefix(lead).unwrap_or(s).trim_start();
    }
    cut_description(s)
}

/// Whether `text` holds a role word.
pub(super) fn has_role_word(text: &str) -> bool {
    match ROLE_CUE.as_ref() {
        Some(re) => re.is_match(text),
        None => ROLE_WORDS.iter().any(|w| text.contains(w)),
    }
}
