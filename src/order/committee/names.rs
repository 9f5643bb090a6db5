//! Who a phrase names: people (a personal title and a name) or offices.

use super::roles::{role_exact, role_prefix};
use super::vocabulary::{DESCRIPTION_ENDS, POSITION_CONTINUATIONS, TITLE_CUE};
use crate::order::people::{NameParts, split_name};
use crate::thai::lexicon::{find_first, starts_position};

/// True when the text starts with a personal title and a name (not an office
/// such as นายกรัฐมนตรี).
pub(super) fn starts_with_name(text: &str) -> bool {
    name_at(text, true).is_some()
}

/// A name at the start of `text`: its full form and the byte length it covers.
/// `first` allows a name without a family name.
fn name_at(text: &str, first: bool) -> Option<(String, usize)> {
    // offices such as นายกรัฐมนตรี are refused by split_name itself
    let n: NameParts<'_> = split_name(text)?;
    match n.family {
        // `นายสมชาย ประธานกรรมการ`: the "family name" is the role
        Some(f) if role_exact(f).is_some() => {
            let full = n
                .full
                .strip_suffix(f)
                .unwrap_or(&n.full)
                .trim_end()
                .to_string();
            let end = offset_in(text, f)?;
            Some((full, end))
        }
        Some(_) => Some((n.full.clone(), text.len().saturating_sub(n.rest.len()))),
        None if first || n.rest.is_empty() || role_prefix(n.rest).is_some() => {
            let end = text.len().saturating_sub(n.rest.len());
            Some((n.full.clone(), end))
        }
        None => None,
    }
}

/// Byte offset of `sub` (a slice of `text`) in `text`.
fn offset_in(text: &str, sub: &str) -> Option<usize> {
    let start = (sub.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start <= text.len()).then_some(start)
}

/// Every name in `text` where a title starts a word: (start, end, full).
pub(super) fn names_in(text: &str) -> Vec<(usize, usize, String)> {
    // titles where a word starts: at the text's start, after a space, comma or
    // bracket, or after และ ("and") / ให้ ("let") written against the name
    let starts: Vec<usize> = match TITLE_CUE.as_ref() {
        Some(re) => re.find_iter(text).map(|m| m.start()).collect(),
        None => text.char_indices().map(|(i, _)| i).collect(),
    };
    let starts = starts.into_iter().filter(|&i| {
        let before = text.get(..i).unwrap_or("");
        i == 0
            || before.ends_with([' ', ',', '('])
            || before.ends_with("และ")
            || before.ends_with("ให้")
    });
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut next_free = 0;
    for i in starts {
        if i < next_free || i >= text.len() {
            continue;
        }
        let Some(rest) = text.get(i..) else { continue };
        if let Some((full, len)) = name_at(rest, i == 0) {
            out.push((i, i + len, full));
            next_free = i + len.max(1);
        }
    }
    out
}

/// A member description cut before the clauses that say how the member is
/// chosen: `กรรมการผู้ทรงคุณวุฒิ ซึ่ง…` → `กรรมการผู้ทรงคุณวุฒิ`.
pub(super) fn cut_description(s: &str) -> String {
    let s = s.trim();
    let end = find_first(s, DESCRIPTION_ENDS).map_or(s.len(), |(i, _)| i);
    s.get(..end)
        .unwrap_or(s)
        .trim()
        .trim_end_matches([',', ' '])
        .to_string()
}

/// The members a phrase names: the names in it when it starts with one, else
/// the offices in it; when offices cannot be told apart, the whole phrase
/// (returned a second time, for a diagnostic).
pub(super) fn who(text: &str) -> (Vec<String>, Option<String>) {
    let t = text
        .trim()
        .trim_end_matches([',', ' '])
        .trim_end_matches("และ")
        .trim();
    if t.is_empty() {
        return (Vec::new(), None);
    }
    let names = names_in(t);
    if names.first().is_some_and(|n| n.0 == 0) {
        return (names.into_iter().map(|n| n.2).collect(), None);
    }
    if !t.contains(' ') && !t.contains(',') {
        return (vec![t.to_string()], None);
    }
    match split_positions(t) {
        Some(v) => (v, None),
        None => (vec![t.to_string()], Some(t.to_string())),
    }
}

/// A word that continues the office before it (`ก.พ.`, `เขต`, `1`).
fn continues_position(word: &str) -> bool {
    word.contains('.')
        || word
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || ('๐'..='๙').contains(&c))
        || POSITION_CONTINUATIONS.iter().any(|p| word.starts_with(p))
}

/// Split a list of offices: `รัฐมนตรีช่วยว่าการ… ปลัดกระทรวง… เลขาธิการ ก.พ. …
/// และเลขาธิการคุรุสภา` → one office per known start. `None` when unsure.
fn split_positions(list: &str) -> Option<Vec<String>> {
    let mut segs: Vec<String> = Vec::new();
    if list.contains(',') {
        for piece in list.split(',') {
            let p = piece.trim();
            let p = p.strip_prefix("และ").map_or(p, str::trim_start);
            if p.is_empty() {
                continue;
            }
            // the last piece may hold `X และY`
            match p.find(" และ") {
                Some(k) if starts_position(p.get(k + " และ".len()..).unwrap_or("")) => {
                    segs.push(p.get(..k).unwrap_or(p).trim().to_string());
                    segs.push(p.get(k + " และ".len()..).unwrap_or("").trim().to_string());
                }
                _ => segs.push(p.to_string()),
            }
        }
        return (!segs.is_empty()).then_some(segs);
    }
    let mut pending_and = false;
    for word in list.split(' ') {
        if word == "และ" {
            pending_and = true;
            continue;
        }
        let bare = word.strip_prefix("และ").filter(|b| starts_position(b));
        let (w, new) = match bare {
            Some(b) => (b, true),
            None => (word, starts_position(word)),
        };
        match segs.last_mut() {
            Some(last) if !new => {
                if pending_and || !continues_position(w) {
                    return None;
                }
                last.push(' ');
                last.push_str(w);
            }
            _ => {
                if !new {
                    return None;
                }
                segs.push(w.to_string());
            }
        }
        pending_and = false;
    }
    (!segs.is_empty()).then_some(segs)
}
