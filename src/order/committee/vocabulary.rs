//! The committee reader's view of the vocabulary: its word lists (all in
//! [`crate::thai::lexicon`], each once), the automata built from them, and
//! what a written role is.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::RoleKind;
use crate::thai::find::contains;
use crate::thai::lexicon::{ALL_TITLES, POST_TITLES};

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
    let kind = if contains(first, "ที่ปรึกษา") {
        RoleKind::Advisor
    } else if first.starts_with("รองประธาน") || first.starts_with("รองหัวหน้า")
    {
        RoleKind::ViceChair
    } else if first.starts_with("ประธาน") || first.starts_with("หัวหน้า")
    {
        RoleKind::Chair
    } else if contains(first, "ผู้ช่วยเลขานุการ") {
        RoleKind::AssistantSecretary
    } else if contains(first, "เลขานุการ") {
        if first.starts_with("เลขานุการ") {
            RoleKind::Secretary
        } else {
            RoleKind::MemberSecretary
        }
    } else if contains(first, "เหรัญญิก") {
        RoleKind::Treasurer
    } else if contains(first, "กรรมการ") || contains(first, "คณะทำงาน")
    {
        RoleKind::Member
    } else {
        RoleKind::Other
    };
    Some(kind)
}

pub(super) use crate::thai::lexicon::COMMITTEE_DUTY_INTROS as DUTY_INTROS;
pub(super) use crate::thai::lexicon::LIST_INTROS;
pub(super) use crate::thai::lexicon::{
    APPOINTEE_CLAUSE_OPENERS, BODY_LEADS, COMMITTEE_WORDS, DESCRIPTION_ENDS, DUTY_CLAUSE_OPENERS,
    DUTY_FILLERS, NAME_ENDS, NOT_AN_APPOINTMENT, OFFICE_PREFIXES, POSITION_CONTINUATIONS,
    ROLE_CLAUSE_FOLLOWERS, ROLE_FIRST_FOLLOWERS, ROLE_WORDS, UNDOTTED_ACRONYMS,
};

/// Any of [`ROLE_WORDS`], as one automaton (a quick test run on every node).
pub(super) static ROLE_CUE: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| alternation(ROLE_WORDS));

/// What naming a body needs: a committee word, `ก.` (every dotted acronym body
/// has it), or an acronym written without dots. [`body_start`] decides.
///
/// [`body_start`]: super::bodies::body_start
pub(super) static BODY_CUE: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let mut words = COMMITTEE_WORDS.to_vec();
    words.push("ก.");
    words.extend_from_slice(UNDOTTED_ACRONYMS);
    alternation(&words)
});

/// Personal titles as one automaton, to find where names may start.
pub(super) static TITLE_CUE: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let all: Vec<&str> = ALL_TITLES.iter().chain(POST_TITLES).copied().collect();
    alternation(&all)
});

/// [`NAME_ENDS`] as one automaton.
pub(super) static NAME_END: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| alternation(NAME_ENDS));

/// The earliest of `words` in `s` at or after byte `from` (through `re` when
/// it was built).
pub(super) fn earliest(
    re: &LazyLock<Option<AhoCorasick>>,
    words: &[&str],
    s: &str,
    from: usize,
) -> Option<usize> {
    let tail = s.get(from..)?;
    match re.as_ref() {
        Some(re) => re.find(tail).map(|m| m.start() + from),
        None => words
            .iter()
            .filter_map(|w| tail.find(w))
            .min()
            .map(|i| i + from),
    }
}

/// `words` as one automaton that matches as a regular expression `a|b|c`
/// does: at the leftmost place, the first word listed that matches there
/// (`None` if it could not be built, and the callers search word by word).
fn alternation(words: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(words)
        .ok()
}
