//! Finding committees: where a text names a body (`คณะกรรมการ…`, `ก.ค.ศ.`),
//! whether it introduces one, and the committee's name.

use super::text::ends_with_any;
use super::vocabulary::{
    BODY_CUE, BODY_LEADS, COMMITTEE_WORDS, LIST_INTROS, NAME_END, NAME_ENDS, OFFICE_PREFIXES,
    UNDOTTED_ACRONYMS, earliest,
};
use crate::thai::find::contains;

/// Whether `text` may name a body (see [`BODY_CUE`]).
pub(super) fn may_name_body(text: &str) -> bool {
    match BODY_CUE.as_ref() {
        Some(re) => re.is_match(text),
        None => {
            COMMITTEE_WORDS.iter().any(|w| text.contains(w))
                || text.contains("ก.")
                || UNDOTTED_ACRONYMS.iter().any(|w| text.contains(w))
        }
    }
}

/// Where bodies are named in `text` (byte offsets, in order): committee words
/// not inside an office's name (`สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน` is an
/// office), and acronym bodies that start a word.
pub(super) fn body_candidates(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let acronym_at = |i: usize, out: &mut Vec<usize>| {
        let before = text.get(..i).unwrap_or("");
        let word_start =
            i == 0 || before.ends_with(' ') || before.ends_with("ให้") || before.ends_with('(');
        if word_start && text.get(i..).is_some_and(|r| acronym_len(r) > 0) {
            out.push(i);
        }
    };
    let Some(re) = BODY_CUE.as_ref() else {
        return body_candidates_slow(text);
    };
    for m in re.find_iter(text) {
        let i = m.start();
        let found = text.get(m.range()).unwrap_or("");
        if found == "ก." {
            // every dotted acronym body holds `ก.`: `ก.ค.ศ.` or `อ.ก.ค.ศ.`
            acronym_at(i, &mut out);
            if let Some(s) = i.checked_sub("อ.".len())
                && text.get(s..i) == Some("อ.")
            {
                acronym_at(s, &mut out);
            }
        } else if UNDOTTED_ACRONYMS.contains(&found) {
            acronym_at(i, &mut out);
        } else {
            let before = text.get(..i).unwrap_or("");
            if !OFFICE_PREFIXES.iter().any(|p| before.ends_with(p)) {
                out.push(i);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// [`body_candidates`] without the automaton.
fn body_candidates_slow(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for w in COMMITTEE_WORDS {
        for (i, _) in text.match_indices(w) {
            let before = text.get(..i).unwrap_or("");
            if !OFFICE_PREFIXES.iter().any(|p| before.ends_with(p)) {
                out.push(i);
            }
        }
    }
    // every dotted acronym body holds `ก.`: look only there
    let mut starts: Vec<usize> = Vec::new();
    for (j, _) in text.match_indices("ก.") {
        starts.push(j);
        if let Some(s) = j.checked_sub("อ.".len())
            && text.get(s..j) == Some("อ.")
        {
            starts.push(s);
        }
    }
    for a in UNDOTTED_ACRONYMS {
        starts.extend(text.match_indices(a).map(|(j, _)| j));
    }
    for i in starts {
        let before = text.get(..i).unwrap_or("");
        let word_start =
            i == 0 || before.ends_with(' ') || before.ends_with("ให้") || before.ends_with('(');
        if word_start && text.get(i..).is_some_and(|r| acronym_len(r) > 0) {
            out.push(i);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Where a committee's name starts: the body named right after `แต่งตั้ง`
/// ("appoint"), else the first body named.
pub(super) fn body_start(text: &str) -> Option<usize> {
    let c = body_candidates(text);
    c.iter()
        .copied()
        .find(|&i| {
            text.get(..i)
                .is_some_and(|b| b.trim_end().ends_with("แต่งตั้ง"))
        })
        .or_else(|| c.first().copied())
}

/// Where the body a text introduces is named: a body at the start of the text
/// (after `แต่งตั้ง` / `ให้` …), or any body when the text gives a composition
/// (`ประกอบด้วย`) or ends with a list intro. `None` for texts that only
/// mention a body (`…รายงานต่อคณะกรรมการ…`).
pub(super) fn introduced_body(text: &str) -> Option<usize> {
    let c = body_candidates(text);
    let lead_ok = |i: usize| {
        text.get(..i).is_some_and(|b| {
            let b = b.trim();
            BODY_LEADS.contains(&b) || b.ends_with("แต่งตั้ง")
        })
    };
    if let Some(i) = c.iter().copied().find(|&i| lead_ok(i)) {
        return Some(i);
    }
    if c.is_empty() {
        return None;
    }
    if contains(text, "ประกอบด้วย") || ends_with_any(text, LIST_INTROS) {
        return body_start(text);
    }
    None
}

/// Length of an acronym body at the start of `s`, 0 when there is none.
pub(super) fn acronym_len(s: &str) -> usize {
    if let Some(a) = UNDOTTED_ACRONYMS.iter().find(|a| s.starts_with(*a)) {
        return a.len();
    }
    let start = if s.starts_with("อ.ก.") {
        "อ.ก.".len()
    } else if s.starts_with("ก.") {
        "ก.".len()
    } else {
        return 0;
    };
    let mut end = start;
    let mut groups = 0;
    loop {
        let rest = s.get(end..).unwrap_or("");
        let letters: usize = rest
            .chars()
            .take_while(|c| ('ก'..='ฮ').contains(c))
            .take(3)
            .map(char::len_utf8)
            .sum();
        if letters == 0
            || letters > 2 * 'ก'.len_utf8()
            || !rest.get(letters..).is_some_and(|r| r.starts_with('.'))
        {
            break;
        }
        end += letters + 1;
        groups += 1;
    }
    if groups == 0 { 0 } else { end }
}

pub(super) fn is_acronym_name(name: &str) -> bool {
    acronym_len(name) > 0
}

/// The committee's name from its introducing text: from the committee word or
/// acronym up to `ประกอบด้วย` / `ดังนี้` / `ตาม…` / `มีหน้าที่` ….
pub(super) fn committee_name(intro: &str) -> String {
    let start = introduced_body(intro)
        .or_else(|| body_start(intro))
        .unwrap_or_else(|| {
            let mut s = intro;
            for lead in ["แต่งตั้ง", "โดยให้", "ให้"] {
                s = s.strip_prefix(lead).unwrap_or(s).trim_start();
            }
            intro.len() - s.len()
        });
    let s = intro.get(start..).unwrap_or(intro);
    let first = s.chars().next().map_or(0, char::len_utf8);
    let end = earliest(&NAME_END, NAME_ENDS, s, first).unwrap_or(s.len());
    let name = s
        .get(..end)
        .unwrap_or(s)
        .trim()
        .trim_end_matches([':', ','])
        .trim();
    if name.is_empty() {
        intro.trim().to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_acronyms_of_committees() {
        assert_eq!(
            committee_name("ให้ ก.ค.ศ. ตามกฎหมายว่าด้วยระเบียบข้าราชการครูและบุคลากรทางการศึกษา ประกอบด้วย"),
            "ก.ค.ศ."
        );
        assert_eq!(
            committee_name("ให้ อ.ก.ค.ศ. วิสามัญ แต่ละคณะ มีจำนวนไม่เกินสิบห้าคน ประกอบด้วย"),
            "อ.ก.ค.ศ. วิสามัญ"
        );
        assert_eq!(
            committee_name("แต่งตั้งคณะกรรมการดำเนินงานวันครู ประกอบด้วย"),
            "คณะกรรมการดำเนินงานวันครู"
        );
        assert_eq!(
            committee_name("คณะกรรมการฝ่ายสถานที่ มีหน้าที่ จัดสถานที่"),
            "คณะกรรมการฝ่ายสถานที่"
        );
        assert_eq!(committee_name("ฝ่ายอำนวยการ ประกอบด้วย"), "ฝ่ายอำนวยการ");
        assert_eq!(acronym_len("ก.ค.ศ. ตาม"), "ก.ค.ศ.".len());
        assert_eq!(acronym_len("อ.ก.ค.ศ."), "อ.ก.ค.ศ.".len());
        assert_eq!(acronym_len("ก. ข"), 0);
        assert_eq!(acronym_len("พ.ศ. 2547"), 0);
    }
}
