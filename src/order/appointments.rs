//! People appointed in running text: `จึงมอบหมายให้รองนายกรัฐมนตรี (นายก ข)
//! เป็นรองประธานกรรมการใน…`, `แต่งตั้ง นายก ข ข้าราชการพลเรือนสามัญ ตำแหน่ง …
//! ให้ดำรงตำแหน่ง…`, `แต่งตั้งบุคคลดังกล่าว ให้ดำรงตำแหน่ง…`.
//!
//! An appointment is an appointing verb (แต่งตั้ง, มอบหมายให้ …), the person
//! right after it (a titled name, a post with the name in brackets, or "the
//! said person", the last person named before), and what they are made: the
//! text after `ให้ดำรงตำแหน่ง` / `ดำรงตำแหน่ง` / `เป็น`, up to a clause that
//! says when or by what (`ตั้งแต่…`, `ตาม…`). Without that last part nothing
//! is read: a name after แต่งตั้ง alone may be anything. The background of an
//! order (`ตามที่ … นั้น`, "whereas …") names earlier appointments, which are
//! not this order's, and is skipped.

use crate::model::Person;
use crate::order::people::{bracketed_person, names_in_text, split_name, split_position};
use crate::outline::{NodeKind, Outline, ParaKind};
use crate::thai::find::{contains, find, find_all, floor_prefix};
use crate::thai::lexicon::{
    ACTING_ENDS, ACTING_WORDS, APPOINTING_VERBS, APPOINTMENT_ENDS, APPOINTMENT_TRAILERS,
    BACKGROUND_END, BACKGROUND_STARTS, DUTIES_OF_WORD, DUTY_INTROS, HOLD_POST_WORD, IN_PLACE_WORD,
    LET_WORD, LIST_INTROS, LISTED_PEOPLE, MADE_WORDS, NAMELY_WORD, ON_BEHALF_WORDS, POSITION_WORD,
    REMOVAL_WORD, ROLE_STARTS, SAID_PERSON, STRIKING_WORDS, acts_in_office, before_any, find_first,
    starts_position, starts_with_any,
};

/// How far after an appointing verb a bracketed name may stand behind a post
/// (`มอบหมายให้รองนายกรัฐมนตรี (นายก ข)`), in bytes: a post of about 60 Thai
/// characters.
const MAX_POST_BEFORE_BRACKET: usize = 200;

/// The people appointed in the paragraphs and items of the outline that
/// `claimed` does not mark (people and members read elsewhere), in document
/// order, each once (a later appointment of the same person replaces what an
/// earlier one made them).
pub fn read(outline: &Outline, claimed: &[bool]) -> Vec<(usize, Person)> {
    let mut out: Vec<(usize, Person)> = Vec::new();
    let mut last_named: Option<String> = None;
    for (i, n) in outline.nodes.iter().enumerate() {
        let text_node = matches!(
            n.kind,
            NodeKind::Item | NodeKind::Paragraph(ParaKind::Text | ParaKind::Effective)
        );
        if !text_node || claimed.get(i).copied().unwrap_or(false) {
            continue;
        }
        let text = without_background(&n.text);
        let mut found = appointments(&text, &mut last_named);
        if found.is_empty()
            && n.kind == NodeKind::Paragraph(ParaKind::Text)
            && let Some((name, post)) = post_then_name(&text)
        {
            found.push((name, Some(post), String::new()));
        }
        for (name, post, made) in found {
            let Some(parts) = split_name(&name) else {
                continue;
            };
            let key = parts.key();
            let made = (!made.is_empty()).then_some(made);
            if let Some((_, p)) = out
                .iter_mut()
                .find(|(_, p)| split_name(&p.full_name).is_some_and(|q| q.key() == key))
            {
                if made.is_some() {
                    p.appointed_as = made;
                }
                continue;
            }
            let post = post.as_deref().map(split_position).unwrap_or_default();
            out.push((
                i,
                Person {
                    id: format!("a{}", out.len() + 1),
                    number: None,
                    label: None,
                    node: outline.id(i).map(String::from),
                    duty_intro: None,
                    same_as: None,
                    page: None,
                    title: Some(parts.title.to_string()),
                    given_name: parts.given_name(),
                    family_name: parts.family.map(str::to_string),
                    full_name: parts.full.clone(),
                    position: post.position,
                    rank: post.rank,
                    role: post.role,
                    work_group: None,
                    class: post.class,
                    appointed_as: made,
                    line_start: n.line_start,
                    line_end: n.line_end,
                    duties: Vec::new(),
                    substitutes: Vec::new(),
                },
            ));
        }
    }
    out
}

/// What an intro makes everyone listed after it: `… บุคคลดังต่อไปนี้
/// เป็นข้าราชการการเมือง` → `ข้าราชการการเมือง`, `… ผู้มีรายนามต่อไปนี้
/// รักษาราชการแทนผู้อำนวยการโรงเรียนตามลำดับ ดังนี้` → `รักษาราชการแทน
/// ผู้อำนวยการโรงเรียน`. `None` when the intro names no listed people or
/// gives them nothing.
pub fn listed_made(intro: &str) -> Option<String> {
    let (at, word) = find_first(intro, LISTED_PEOPLE)?;
    let mut rest = intro.get(at + word.len()..)?.trim_start();
    for w in ["ดังต่อไปนี้", "ต่อไปนี้", "ดังนี้"]
    {
        rest = rest.strip_prefix(w).unwrap_or(rest).trim_start();
    }
    let made = if starts_with_any(rest, ACTING_WORDS).is_some()
        || starts_with_any(rest, ON_BEHALF_WORDS).is_some()
    {
        rest
    } else {
        let w = starts_with_any(rest, MADE_WORDS)?;
        rest.get(w.len()..)?.trim_start()
    };
    let made = before_any(made, &[APPOINTMENT_ENDS, ACTING_ENDS, LIST_INTROS]).trim();
    (!made.is_empty()).then(|| made.to_string())
}

/// A short line that is a post and then one titled name, and nothing after
/// it: `ครูผู้ฝึกสอน นางสาวสุดา รักเรียน`, `ผู้อำนวยการโรงเรียน นายก ข`.
/// (name, post).
fn post_then_name(text: &str) -> Option<(String, String)> {
    // a heading's length: running text never is one
    if !crate::outline::line::is_heading_length(text) || !starts_position(text) {
        return None;
    }
    // `รองนายกรัฐมนตรี (นายภูมิธรรม เวชยชัย)`: the name in brackets
    if let Some((n, before, after)) = bracketed_person(text) {
        let post = before.trim();
        return (after.is_empty() && n.family.is_some() && !post.is_empty())
            .then(|| (n.full.clone(), post.to_string()));
    }
    let names = names_in_text(text);
    let [n] = names.as_slice() else {
        return None;
    };
    if !n.rest.trim().is_empty() || n.family.is_none() {
        return None;
    }
    let start = text.len().checked_sub(n.rest.len())?;
    let name_start = text.get(..start)?.rfind(n.title)?;
    let post = text.get(..name_start)?.trim();
    (!post.is_empty()).then(|| (n.full.clone(), post.to_string()))
}

/// The text with its background spans (`ตามที่ … นั้น`) blanked out; a
/// background that never closes runs to the end.
pub(crate) fn without_background(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((i, _)) = find_first(rest, BACKGROUND_STARTS) {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i..).unwrap_or("");
        match find(after, BACKGROUND_END) {
            Some(j) => rest = after.get(j + BACKGROUND_END.len()..).unwrap_or(""),
            None => return out,
        }
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// (name, current post, what they are made) for each appointment in `text`.
/// `last_named` carries the last titled name seen, for `บุคคลดังกล่าว`.
fn appointments(
    text: &str,
    last_named: &mut Option<String>,
) -> Vec<(String, Option<String>, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((at, verb)) = text
        .get(from..)
        .and_then(|t| find_first(t, APPOINTING_VERBS))
    {
        let start = from + at + verb.len();
        from = start;
        let Some(after) = text.get(start..).map(str::trim_start) else {
            break;
        };
        let (name, rest, post_before) =
            if let Some(n) = split_name(after).filter(|n| n.family.is_some()) {
                (n.full.clone(), n.rest, None)
            } else if let Some(r) = after.strip_prefix(SAID_PERSON) {
                match last_named.clone() {
                    Some(name) => (name, r, None),
                    None => continue,
                }
            } else if let Some((name, rest, post)) = bracketed_name(after) {
                (name, rest, Some(post))
            } else if let Some((names, made)) = listed_appointees(after) {
                // `แต่งตั้งพนักงานเทศบาล ได้แก่ นายก ข, นางค ง และนายจ ฉ เป็น…`
                *last_named = names.last().cloned();
                out.extend(names.into_iter().map(|n| (n, None, made.clone())));
                continue;
            } else {
                continue;
            };
        *last_named = Some(name.clone());
        let Some((post_after, made)) = what_they_are_made(rest) else {
            continue;
        };
        out.push((name, post_before.or(post_after), made));
    }
    out.extend(struck_names(text, last_named));
    out.extend(acting_appointments(text, last_named));
    out.extend(let_hold_post(text, last_named));
    // in the order the text names them (each reading finds its own kind)
    out.sort_by_key(|(name, _, _)| find(text, name).unwrap_or(usize::MAX));
    out
}

/// `ยกเลิกรายชื่อ NAME`: a person struck from an earlier order's list is
/// named by this one (and made nothing). Only a whole titled name right
/// after the striking words.
fn struck_names(
    text: &str,
    last_named: &mut Option<String>,
) -> Vec<(String, Option<String>, String)> {
    let mut out = Vec::new();
    for w in STRIKING_WORDS {
        for at in find_all(text, w) {
            let Some(after) = text.get(at + w.len()..).map(str::trim_start) else {
                continue;
            };
            if let Some(n) = split_name(after).filter(|n| n.family.is_some()) {
                *last_named = Some(n.full.clone());
                out.push((n.full.clone(), None, String::new()));
            }
        }
    }
    out
}

/// `ให้ NAME [POST] ดำรงตำแหน่งX` ("let NAME hold the post X"): an
/// appointment without an appointing verb, as an order's clauses write it.
/// Only with ดำรงตำแหน่ง right after the name or its post (a name after ให้
/// followed by anything else — work, a duty — is no appointment here).
fn let_hold_post(
    text: &str,
    last_named: &mut Option<String>,
) -> Vec<(String, Option<String>, String)> {
    let mut out = Vec::new();
    for at in find_all(text, LET_WORD) {
        let Some(after) = text.get(at + LET_WORD.len()..).map(str::trim_start) else {
            continue;
        };
        let Some(n) = split_name(after).filter(|n| n.family.is_some()) else {
            continue;
        };
        let Some(i) = find(n.rest, HOLD_POST_WORD) else {
            continue;
        };
        let before = n.rest.get(..i).unwrap_or("").trim();
        // nothing but the name's post before ดำรงตำแหน่ง, and no other ให้
        if contains(before, LET_WORD) || (!before.is_empty() && !starts_position(before)) {
            continue;
        }
        let Some((post, made)) = what_they_are_made(n.rest.get(i..).unwrap_or("")) else {
            continue;
        };
        let post = post.or_else(|| (!before.is_empty()).then(|| before.to_string()));
        *last_named = Some(n.full.clone());
        out.push((n.full.clone(), post, made));
    }
    out
}

/// Longest text between an appointing verb and `ได้แก่` (the kind of staff:
/// `พนักงานเทศบาล`), in bytes: about 50 Thai characters.
const MAX_CATEGORY_BYTES: usize = 150;

/// `[category] ได้แก่ NAME, NAME และNAME เป็น X` after an appointing verb:
/// the names (a list of whole names and nothing else: commas and `และ`
/// between them) and what they are all made. `None` for anything else.
fn listed_appointees(after: &str) -> Option<(Vec<String>, String)> {
    let i = find(after, NAMELY_WORD).filter(|&i| i <= MAX_CATEGORY_BYTES)?;
    if !names_in_text(after.get(..i)?).is_empty() {
        return None;
    }
    let rest = after.get(i + NAMELY_WORD.len()..)?;
    let (j, w) = find_first(rest, MADE_WORDS)?;
    let list = rest.get(..j)?;
    let names = names_in_text(list);
    if names.len() < 2 {
        return None;
    }
    // nothing but the names, commas and และ in the list
    let mut left = list.to_string();
    for n in &names {
        left = left.replacen(n.full.as_str(), "", 1);
    }
    if !left
        .replace("และ", "")
        .chars()
        .all(|c| c == ',' || c.is_whitespace())
    {
        return None;
    }
    let made = before_any(
        rest.get(j + w.len()..)?,
        &[APPOINTMENT_ENDS, DUTY_INTROS, ACTING_ENDS],
    )
    .trim();
    (!made.is_empty()).then(|| {
        (
            names.iter().map(|n| n.full.clone()).collect(),
            made.to_string(),
        )
    })
}

/// How far after `ให้` the acting word may stand (`ให้รองนายกรัฐมนตรี พลเอก
/// ก ข รักษาราชการแทน…`), in bytes: a post and a name of about 100 Thai
/// characters.
const MAX_LET_SPAN: usize = 300;

/// Bytes of the longest acting word (`รักษาการในตำแหน่ง`, 17 Thai letters),
/// so that one starting at [`MAX_LET_SPAN`] is found whole.
const ACTING_WORD_BYTES: usize = 60;

/// `s` up to at most `max` bytes, cut at a character boundary.
/// `ให้ [post] title name [post] รักษาราชการแทน X` (acting), `… ปฏิบัติ
/// ราชการแทน X` (on behalf of) and `… พ้นจากตำแหน่ง X` (removed): one titled name between `ให้` and the acting
/// word, nothing else that lets someone act. (name, post, what they are made
/// — the acting words and their object, as written).
fn acting_appointments(
    text: &str,
    last_named: &mut Option<String>,
) -> Vec<(String, Option<String>, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| find(t, LET_WORD)) {
        let start = from + at + LET_WORD.len();
        from = start;
        let Some(after) = text.get(start..) else {
            break;
        };
        // only the span the acting word may stand in is searched (a long
        // paragraph has many ให้)
        let window = floor_prefix(after, MAX_LET_SPAN + ACTING_WORD_BYTES);
        let found = [ACTING_WORDS, ON_BEHALF_WORDS, &[REMOVAL_WORD]]
            .iter()
            .filter_map(|words| find_first(window, words))
            .chain(acts_in_office(window).map(|i| (i, DUTIES_OF_WORD)))
            .min_by_key(|(i, _)| *i);
        let Some((end, _)) = found.filter(|(i, _)| *i <= MAX_LET_SPAN) else {
            continue;
        };
        let span = after.get(..end).unwrap_or("").trim();
        if contains(span, LET_WORD) {
            continue;
        }
        let (full, post) = if span.contains('(') {
            // `ให้รองคณบดีฝ่ายบริหาร (ผู้ช่วยศาสตราจารย์ ดร.ก ข) รักษาราชการแทน…`:
            // the post, then the name in brackets, and nothing else
            match bracketed_name(span) {
                Some((name, rest, post)) if rest.trim().is_empty() && !post.is_empty() => {
                    (name, Some(post))
                }
                _ => continue,
            }
        } else {
            let names = names_in_text(span);
            let [n] = names.as_slice() else {
                continue;
            };
            // the post before the name: the span up to where the name's title is
            let before = find(span, n.title)
                .and_then(|t| span.get(..t))
                .unwrap_or("")
                .trim();
            let post_after = n.rest.trim();
            let post_after = post_after
                .strip_prefix(POSITION_WORD)
                .unwrap_or(post_after)
                .trim();
            let post = if !before.is_empty() && split_name(before).is_none() {
                Some(before.to_string())
            } else {
                (!post_after.is_empty()).then(|| post_after.to_string())
            };
            (n.full.clone(), post)
        };
        let made = before_any(
            after.get(end..).unwrap_or(""),
            &[APPOINTMENT_ENDS, DUTY_INTROS, ACTING_ENDS],
        );
        let made = made.trim().trim_end_matches(['”', '"', ' ']);
        if made.is_empty() {
            continue;
        }
        *last_named = Some(full.clone());
        out.push((full, post, made.to_string()));
    }
    out
}

/// `รองนายกรัฐมนตรี (นายก ข) rest` → (name, rest, post).
fn bracketed_name(s: &str) -> Option<(String, &str, String)> {
    let open = s
        .find('(')
        .filter(|&o| o > 0 && o <= MAX_POST_BEFORE_BRACKET)?;
    let close = open + s.get(open..)?.find(')')?;
    let n = split_name(s.get(open + 1..close)?.trim())?;
    if n.family.is_none() || !n.rest.is_empty() {
        return None;
    }
    let post = s.get(..open)?.trim().to_string();
    Some((n.full.clone(), s.get(close + 1..)?, post))
}

/// (the post written before, what the person is made) from what follows the
/// name: `ข้าราชการพลเรือนสามัญ ตำแหน่ง X ให้ดำรงตำแหน่ง Y ตั้งแต่…` → (X, Y).
fn what_they_are_made(rest: &str) -> Option<(Option<String>, String)> {
    let (at, word) = find_first(rest, MADE_WORDS)?;
    let before = rest.get(..at)?.trim();
    let mut made = rest.get(at + word.len()..)?.trim();
    if let Some((end, _)) = find_first(made, APPOINTMENT_ENDS) {
        made = made.get(..end)?.trim_end();
    }
    for w in APPOINTMENT_TRAILERS {
        made = made.strip_suffix(w).unwrap_or(made).trim_end();
    }
    // `… เป็นกรรมการฝ่ายจัดนิทรรศการแทน`: in place of someone, not part of
    // the role (`… รักษาราชการแทน` is the acting role itself)
    if let Some(m) = made.strip_suffix(IN_PLACE_WORD)
        && ![ACTING_WORDS, ON_BEHALF_WORDS, ROLE_STARTS]
            .iter()
            .any(|ws| ws.iter().any(|w| made.ends_with(w)))
    {
        made = m.trim_end();
    }
    if made.is_empty() {
        return None;
    }
    // `ข้าราชการพลเรือนสามัญ ตำแหน่ง นักวิชาการ…`: the post after ตำแหน่ง
    let post = match find(before, POSITION_WORD) {
        Some(p) => before.get(p + POSITION_WORD.len()..)?.trim(),
        None => before,
    };
    Some((
        (!post.is_empty()).then(|| post.to_string()),
        made.to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Vec<(String, Option<String>, String)> {
        appointments(&without_background(text), &mut None)
    }

    #[test]
    fn an_amendment_names_whom_it_strikes_and_whom_it_appoints_in_place() {
        // held-out h141: one member struck, another appointed in his place
        let got = read_text(
            "จึงขอยกเลิกรายชื่อ นายสุริยา ทองดี และแต่งตั้ง นางสาวเพ็ญศรี อินต๊ะ ตำแหน่ง ครูผู้ช่วย เป็นกรรมการฝ่ายจัดนิทรรศการแทน",
        );
        assert_eq!(
            got,
            [
                ("นายสุริยา ทองดี".to_string(), None, String::new()),
                (
                    "นางสาวเพ็ญศรี อินต๊ะ".to_string(),
                    Some("ครูผู้ช่วย".to_string()),
                    "กรรมการฝ่ายจัดนิทรรศการ".to_string()
                ),
            ]
        );
        // an acting role keeps its แทน
        let got = read_text("แต่งตั้ง นายก ข เป็นผู้รักษาราชการแทน ตั้งแต่วันที่ ๑ ตุลาคม");
        assert_eq!(got[0].2, "ผู้รักษาราชการแทน");
    }

    #[test]
    fn appointments_in_running_text() {
        let got = read_text(
            "เพื่อให้… จึงมอบหมายให้รองนายกรัฐมนตรี (นายวิษณุ เครืองาม) เป็นรองประธานกรรมการในคณะกรรมการนโยบายตำรวจแห่งชาติ",
        );
        assert_eq!(
            got,
            [(
                "นายวิษณุ เครืองาม".to_string(),
                Some("รองนายกรัฐมนตรี".to_string()),
                "รองประธานกรรมการในคณะกรรมการนโยบายตำรวจแห่งชาติ".to_string()
            )]
        );
        let got = read_text(
            "มีพระราชโองการโปรดเกล้าโปรดกระหม่อมแต่งตั้ง นายพีระ รัตนวิจิตร ข้าราชการพลเรือนสามัญ ตำแหน่ง นักวิชาการศึกษาเชี่ยวชาญ ให้ดำรงตำแหน่งที่ปรึกษาด้านมาตรฐานการศึกษา ตั้งแต่วันที่ ๓๐ กันยายน ๒๕๕๙",
        );
        assert_eq!(got[0].1.as_deref(), Some("นักวิชาการศึกษาเชี่ยวชาญ"));
        assert_eq!(got[0].2, "ที่ปรึกษาด้านมาตรฐานการศึกษา");
    }

    #[test]
    fn acting_after_let_with_the_name_in_brackets_after_the_post() {
        // held-out h34: a university's acting dean
        let got = read_text(
            "อาศัยอำนาจตามความในมาตรา ๓๖ จึงให้รองคณบดีฝ่ายบริหาร (ผู้ช่วยศาสตราจารย์ ดร.วิชิต ชูศรี) รักษาราชการแทนคณบดีคณะเกษตรศาสตร์ ในระหว่างวันดังกล่าว",
        );
        assert_eq!(
            got,
            [(
                "ผู้ช่วยศาสตราจารย์ ดร.วิชิต ชูศรี".to_string(),
                Some("รองคณบดีฝ่ายบริหาร".to_string()),
                "รักษาราชการแทนคณบดีคณะเกษตรศาสตร์".to_string()
            )]
        );
        // two brackets, or words after the bracket: not one person, nothing read
        assert!(read_text("จึงให้รองคณบดี (นายก ข) และ (นายค ง) รักษาราชการแทนคณบดี").is_empty());
    }

    #[test]
    fn the_background_names_earlier_appointments() {
        let got = read_text(
            "ตามที่ได้มีคำสั่ง แต่งตั้ง นางนลินี ทวีสิน เป็นที่ปรึกษา ตั้งแต่วันที่ 16 กันยายน 2567 นั้น อาศัยอำนาจ… จึงมีคำสั่งแต่งตั้งให้ นางนลินี ทวีสิน ที่ปรึกษานายกรัฐมนตรี เป็นประธานผู้แทนการค้าไทย",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_deref(), Some("ที่ปรึกษานายกรัฐมนตรี"));
        assert_eq!(got[0].2, "ประธานผู้แทนการค้าไทย");
        // a name after แต่งตั้ง with nothing it is made: not read
        assert!(read_text("จึงแต่งตั้ง นายก ข").is_empty());
        assert!(read_text("ตามที่ได้แต่งตั้ง นายก ข เป็นครู").is_empty());
    }

    #[test]
    fn what_an_intro_makes_the_people_listed() {
        assert_eq!(
            listed_made("จึงแต่งตั้งบุคคลดังต่อไปนี้ เป็นข้าราชการการเมือง").as_deref(),
            Some("ข้าราชการการเมือง")
        );
        assert_eq!(
            listed_made("จึงให้ผู้มีรายนามต่อไปนี้ รักษาราชการแทนผู้อำนวยการโรงเรียนตามลำดับ ดังนี้").as_deref(),
            Some("รักษาราชการแทนผู้อำนวยการโรงเรียน")
        );
        // listed, but given nothing the intro says
        assert_eq!(listed_made("จึงแต่งตั้งให้ผู้มีรายนามตามท้ายประกาศนี้ ดังนี้"), None);
        assert_eq!(listed_made("จึงมอบหมายหน้าที่ ดังนี้"), None);
    }

    #[test]
    fn a_post_then_a_name() {
        assert_eq!(
            post_then_name("ครูผู้ฝึกสอน นางสาวสุดา รักเรียน"),
            Some(("นางสาวสุดา รักเรียน".to_string(), "ครูผู้ฝึกสอน".to_string()))
        );
        // a name with more after it, two names, no post, running text: no
        assert_eq!(post_then_name("ครูผู้ฝึกสอน นางสาวสุดา รักเรียน และคณะ"), None);
        assert_eq!(
            post_then_name("ครูผู้ฝึกสอน นางสาวสุดา รักเรียน นายปรีชา ฉลาดดี"),
            None
        );
        assert_eq!(post_then_name("นางสาวสุดา รักเรียน"), None);
        // real order 012: the name in brackets
        assert_eq!(
            post_then_name("รองนายกรัฐมนตรี (นายภูมิธรรม เวชยชัย)"),
            Some(("นายภูมิธรรม เวชยชัย".to_string(), "รองนายกรัฐมนตรี".to_string()))
        );
        assert_eq!(
            post_then_name("รองนายกรัฐมนตรี (นายภูมิธรรม เวชยชัย) เป็นประธาน"),
            None
        );
        assert_eq!(post_then_name("ขอบคุณ นางสาวสุดา รักเรียน"), None);
    }

    #[test]
    fn acting_and_on_behalf_after_let() {
        // real order 006: the post before the name
        let got = read_text("ให้รองนายกรัฐมนตรี พลเอก ประวิตร วงษ์สุวรรณ รักษาราชการแทนนายกรัฐมนตรี");
        assert_eq!(
            got,
            [(
                "พลเอก ประวิตร วงษ์สุวรรณ".to_string(),
                Some("รองนายกรัฐมนตรี".to_string()),
                "รักษาราชการแทนนายกรัฐมนตรี".to_string()
            )]
        );
        // a school's acting order (synthetic): the post after the name
        let got = read_text(
            "จึงให้ นายสมชาย ใจดี ตำแหน่ง รองผู้อำนวยการโรงเรียน รักษาราชการแทนผู้อำนวยการโรงเรียนบ้านนา ตั้งแต่วันที่ 1 ตุลาคม 2567",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_deref(), Some("รองผู้อำนวยการโรงเรียน"));
        assert_eq!(got[0].2, "รักษาราชการแทนผู้อำนวยการโรงเรียนบ้านนา");
        // no name, two names, or a condition: nothing
        assert!(
            read_text("ในกรณีที่รองนายกรัฐมนตรี รักษาราชการแทนนายกรัฐมนตรีตาม 1. ไม่อาจปฏิบัติราชการได้")
                .is_empty()
        );
        assert!(read_text("ให้ผู้รักษาราชการแทนตาม 1. มีอำนาจหน้าที่").is_empty());
        assert!(read_text("ให้ นายสมชาย ใจดี และ นางสมศรี ใจงาม รักษาราชการแทนผู้อำนวยการ").is_empty());
        // held-out h105: performing a head's duties is acting in the office
        let got = read_text(
            "จึงให้ นายอภิชาติ สมบูรณ์ชัย รองนายกเทศมนตรีตำบลบ้านโป่ง ปฏิบัติหน้าที่นายกเทศมนตรีตำบลบ้านโป่ง ในระหว่างวันดังกล่าว",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_deref(), Some("รองนายกเทศมนตรีตำบลบ้านโป่ง"));
        assert_eq!(got[0].2, "ปฏิบัติหน้าที่นายกเทศมนตรีตำบลบ้านโป่ง");
        // … performing a turn of duty is not
        assert!(read_text("ให้ นายสมชาย ใจดี ปฏิบัติหน้าที่ครูเวรประจำวันจันทร์").is_empty());
    }

    #[test]
    fn let_a_named_person_hold_a_post() {
        // held-out h118: an order's clause without an appointing verb
        let got = read_text(
            "ให้ อาจารย์ ดร.สุรเชษฐ์ ทองประเสริฐ ดำรงตำแหน่งประธานหลักสูตรวิทยาศาสตรบัณฑิต สาขาวิชาวิทยาการคอมพิวเตอร์",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "อาจารย์ ดร.สุรเชษฐ์ ทองประเสริฐ");
        assert_eq!(
            got[0].2,
            "ประธานหลักสูตรวิทยาศาสตรบัณฑิต สาขาวิชาวิทยาการคอมพิวเตอร์"
        );
        // no name, or a name given work: nothing
        assert!(read_text("ให้ผู้ได้รับแต่งตั้งมีวาระการดำรงตำแหน่งคราวละสองปี").is_empty());
        assert!(read_text("ให้ นายก ข ดูแลการดำรงตำแหน่งของกรรมการ").is_empty());
    }

    #[test]
    fn the_said_person_is_the_last_one_named() {
        let mut last = None;
        let first = appointments(
            "ที่ประชุมมีมติให้เสนอแต่งตั้ง นายวันชัย สุทธะนันท์ ดำรงตำแหน่งอธิการบดีมหาวิทยาลัยศิลปากร และได้นำความกราบบังคมทูล",
            &mut last,
        );
        assert_eq!(first[0].2, "อธิการบดีมหาวิทยาลัยศิลปากร");
        let got = appointments(
            "บัดนี้ ได้มีพระราชโองการโปรดเกล้าโปรดกระหม่อมแต่งตั้งบุคคลดังกล่าว ให้ดำรงตำแหน่งอธิการบดีมหาวิทยาลัยศิลปากร ตั้งแต่วันที่ ๒๓ มีนาคม ๒๕๖๐",
            &mut last,
        );
        assert_eq!(got[0].0, "นายวันชัย สุทธะนันท์");
    }
}
