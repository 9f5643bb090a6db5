//! People: splitting a person's line into title, names, position, rank and role.

use crate::read::{CellRole, TableCell};
use crate::thai::find::{contains, find, find_all};
use crate::thai::lexicon::{
    ACTING_ENDS, ACTING_WORDS, APPOINTED_AS_WORDS, APPOINTMENT_ENDS, CASE_OPENERS,
    CLASS_ABBREVIATIONS, CLASS_WORD, COURSE_WORDS, DEGREE_END, DUTY_INTROS, LET_WORD,
    ON_BEHALF_WORDS, OVERSIGHT_VERBS, POSITION_WORD, POST_FIELD_WORDS, PROVINCE_WORD, PURPOSE_WORD,
    RANK_WORDS, RANKS, ROLE_STARTS, ROSTER_WORDS, STANDING_NOUN_PREFIX, TEACHER_POST, WORK_DASHES,
    WORK_WORD, WORKPLACE_STARTS, before_any, find_first, starts_position, starts_with_any,
    trailing_teacher_grade,
};
pub use crate::thai::names::{NameParts, split_name};

/// The person an item names: either `title name … position` (the name first,
/// as in school orders) or `position (title name)` (the position first, as in
/// cabinet orders). Returns the name and the text that describes the position:
/// what follows the name, or what precedes the bracket plus what follows it.
pub fn person_in_item(text: &str) -> Option<(NameParts<'_>, String)> {
    if let Some(n) = split_name(text) {
        let rest = n.rest.to_string();
        return Some((n, rest));
    }
    // `๖๓๑๒๑๐๑๐๑๐๕ นางสาวก ข …`: the person's ID before the name
    if let Some((code, after)) = text.split_once(' ')
        && crate::outline::line::is_id_code(code)
        && let Some(n) = split_name(after.trim_start())
    {
        let rest = n.rest.to_string();
        return Some((n, rest));
    }
    let (name, before, after) = bracketed_person(text)?;
    let position = if after.is_empty() {
        before.to_string()
    } else {
        format!("{before} {after}")
    };
    Some((name, position))
}

/// The person of a table row whose reader knew its cells
/// ([`crate::outline::Node::roles`]): the name from the name cell, and the
/// text of the position from the position and rank cells (joined by a
/// space), or, without them, what follows the name in its cell. `None` when
/// no name cell holds a titled name.
pub fn person_in_cells<'a>(text: &'a str, cells: &[TableCell]) -> Option<(NameParts<'a>, String)> {
    let name = cells.iter().find(|c| c.role == CellRole::Name)?;
    let name = split_name(name.text(text))?;
    let post: Vec<&str> = cells
        .iter()
        .filter(|c| matches!(c.role, CellRole::Position | CellRole::Rank))
        .map(|c| c.text(text))
        .collect();
    let position = if post.is_empty() {
        name.rest.to_string()
    } else {
        post.join(" ")
    };
    Some((name, position))
}

/// `post (title name) rest`, the post first as cabinet orders write it: the
/// name, the text before the bracket and the text after it.
pub fn bracketed_person(text: &str) -> Option<(NameParts<'_>, &str, &str)> {
    let open = text.find('(')?;
    let close = open + text.get(open..)?.find(')')?;
    let inside = text.get(open + 1..close)?.trim();
    let name = split_name(inside)?;
    // the bracket holds only the name (and perhaps a rank), not a sentence
    if name.rest.split(' ').filter(|w| !w.is_empty()).count() > 2 {
        return None;
    }
    let before = text.get(..open)?.trim();
    if before.is_empty() {
        return None;
    }
    let after = text.get(close + 1..)?.trim();
    Some((name, before, after))
}

/// The post in the text before a bracketed name: the clause right before it,
/// after the last `ให้` ("let …") and without an opening `ในกรณีที่` ("in case
/// …"): `ในกรณีที่ … ให้รัฐมนตรีประจำสำนักนายกรัฐมนตรี` → `รัฐมนตรีประจำสำนัก…`.
pub fn post_before_bracket(before: &str) -> &str {
    let mut post = before.trim();
    if let Some(i) = post.rfind(LET_WORD) {
        let after = post.get(i + LET_WORD.len()..).unwrap_or("").trim();
        if !after.is_empty() {
            post = after;
        }
    }
    for opener in CASE_OPENERS {
        if let Some(r) = post.strip_prefix(opener) {
            post = r.trim_start();
        }
    }
    post
}

/// What a person named after their post is made, when the text after the
/// bracket says it: acting (`รักษาราชการแทน…`), on behalf of
/// (`ปฏิบัติราชการแทน…`), written as is up to a clause that says when or how;
/// `เป็น X` / `ดำรงตำแหน่ง X` → X. `None` for anything else (the intro of the
/// person's duties: `กำกับและติดตาม… ดังนี้`).
pub fn made_after_bracket(after: &str) -> Option<String> {
    let made = if starts_with_any(after, ACTING_WORDS).is_some()
        || starts_with_any(after, ON_BEHALF_WORDS).is_some()
    {
        after
    } else {
        let w = starts_with_any(after, APPOINTED_AS_WORDS)?;
        after.get(w.len()..)?.trim_start()
    };
    let made = before_any(made, &[APPOINTMENT_ENDS, DUTY_INTROS, ACTING_ENDS])
        .trim()
        .trim_end_matches(['”', '"', ' ']);
    (!made.is_empty()).then(|| made.to_string())
}

/// Position, rank and acting role read from the text after a name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PositionParts {
    /// ตำแหน่ง without rank.
    pub position: Option<String>,
    /// Rank / academic standing.
    pub rank: Option<String>,
    /// Acting role.
    pub role: Option<String>,
    /// A student's class (`ชั้นมัธยมศึกษาปีที่ ๒/๑`, `ม.๒/๑`).
    pub class: Option<String>,
    /// A post written after the standing: what the order gives the person
    /// (`ครู วิทยฐานะ ครูชำนาญการ หัวหน้าฝ่ายบริหารงานวิชาการ`).
    pub assigned: Option<String>,
    /// Work written after the post (`ครูผู้ช่วย งานห้องสมุด`, `ครู อันดับ คศ.๑
    /// งานสารบรรณ`): the person's duty, not part of the post.
    pub work: Option<String>,
}

/// A post written whole in brackets after a name (`นายก ข (ผู้อำนวยการ
/// โรงเรียน)`), without them; any other text as it is. A bracket that holds a
/// unit (`(คณะวิทยาศาสตร์)`) is no post and stays.
pub fn unbracketed_post(s: &str) -> &str {
    let t = s.trim();
    match t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) && starts_position(inner.trim()) => inner.trim(),
        _ => t,
    }
}

/// Read `[ตำแหน่ง] position [rank] [acting role] [duty intro…]`.
pub fn split_position(rest: &str) -> PositionParts {
    // `นางสาวก ข – สอนวิชาภาษาไทย ชั้น…`: a dash after the name introduces
    // the person's work, not a post (nor a class: the class is the work's)
    if let Some(work) = WORK_DASHES
        .iter()
        .find_map(|d| rest.trim_start().strip_prefix(d))
        .filter(|w| w.starts_with(' '))
        .and_then(non_empty)
    {
        return PositionParts {
            work: Some(work),
            ..PositionParts::default()
        };
    }
    let mut s = unbracketed_post(rest);
    // a student's class, written where a post would be
    let mut class = None;
    let mut after_class = "";
    if let Some((i, end)) = class_span(s) {
        class = non_empty(&s[i..end]);
        after_class = s[end..].trim();
        s = s[..i].trim_end();
    }
    // `ครุศาสตรบัณฑิต สาขาวิชาคณิตศาสตร์`: a graduate's degree and programme
    if class.is_none() && s.split(' ').next().is_some_and(|w| w.ends_with(DEGREE_END)) {
        class = non_empty(s);
        s = "";
    }
    // `ชั้นประถมศึกษาปีที่ 6/1 นักเรียนแกนนำ`: what follows the class is the post
    if s.is_empty() && !after_class.is_empty() {
        s = after_class;
    }
    if let Some(r) = s.strip_prefix(POSITION_WORD) {
        s = r.trim_start();
    } else if let Some(i) = find_all(s, POSITION_WORD)
        .find(|&i| s.get(..i).is_some_and(|b| b.ends_with(' ')))
        .map(|i| i - 1)
    {
        // `พนักงานมหาวิทยาลัย ตำแหน่ง รองศาสตราจารย์`, `ข้าราชการพลเรือนสามัญ
        // ตำแหน่ง …`: the kind of staff, then the post (the post is after ตำแหน่ง)
        let after = s[i + 1 + POSITION_WORD.len()..].trim_start();
        if !after.is_empty() {
            s = after;
        }
    }
    // `พยาบาลวิชาชีพชำนาญการ ตำแหน่งเลขที่ ๒๓๑๔๕ กลุ่มงาน…`: the post's
    // number, and the record's other fields after it, end the post
    if let Some(i) = POST_FIELD_WORDS
        .iter()
        .filter_map(|w| find_all(s, w).find(|&i| i > 0 && s[..i].ends_with(' ')))
        .min()
    {
        s = s[..i].trim_end();
    }
    // (`ที่ปรึกษานายกรัฐมนตรีเพื่อทำหน้าที่ผู้แทนการค้าไทย`: "in order to serve
    // as" is part of the post, not the start of duties)
    if let Some((i, _)) =
        find_first(s, DUTY_INTROS).filter(|(i, _)| !s[..*i].ends_with(PURPOSE_WORD))
    {
        s = s[..i].trim_end();
    }
    let mut oversight = None;
    if let Some(i) = OVERSIGHT_VERBS
        .iter()
        .filter_map(|v| find_all(s, v).find(|&i| i > 0 && s[..i].ends_with(' ')))
        .min()
    {
        oversight = non_empty(&s[i..]);
        s = s[..i].trim_end();
    }
    let mut role = None;
    if let Some((i, _)) = find_first(s, ROLE_STARTS) {
        role = non_empty(&s[i..]);
        s = s[..i].trim_end();
    }
    let mut rank = None;
    let mut assigned = None;
    let mut work = None;
    // `รายวิชา 001201 ภาษาอังกฤษพื้นฐาน`: the course a lecturer is to teach
    // is their work, never a post
    if starts_with_any(s, COURSE_WORDS).is_some() {
        work = non_empty(s);
        s = "";
    }
    // `รัฐมนตรีว่าการกระทรวงการคลังจังหวัดอุบลราชธานี จังหวัดอุดรธานี และ
    // จังหวัดศรีสะเกษ`: a list of provinces after the post is the area the
    // order gives, not part of the post (one province may name the post:
    // ผู้ว่าราชการจังหวัด…)
    if let Some(i) = province_list_start(s) {
        assigned = non_empty(&s[i..]);
        s = s[..i].trim_end();
    }
    // `พยาบาลวิชาชีพชำนาญการ ⟶ หัวหน้าเวร`: a roster's role as the last
    // word after the post is what the person does on that turn
    if let Some((post, last)) = s.rsplit_once(' ')
        && role.is_none()
        && ROSTER_WORDS.iter().any(|w| contains(last, w))
        && !post.trim().is_empty()
    {
        role = non_empty(last);
        s = post.trim_end();
    }
    // `ตำแหน่ง ครู เป็นเจ้าหน้าที่พัสดุ`: after the post, เป็น (or
    // ดำรงตำแหน่ง) and a post is what the order makes the person
    if assigned.is_none()
        && let Some((i, w)) = APPOINTED_AS_WORDS
            .iter()
            .filter_map(|w| {
                find_all(s, w)
                    .find(|&i| {
                        i > 0
                            && s[..i].ends_with(' ')
                            && starts_position(s[i + w.len()..].trim_start())
                    })
                    .map(|i| (i, *w))
            })
            .min()
    {
        assigned = non_empty(&s[i + w.len()..]);
        s = s[..i].trim_end();
    }
    // `ครู วิทยฐานะ ครูชำนาญการพิเศษ`, `ครู อันดับ คศ.1`: the standing is
    // the word after its word (and a number after it: `ค.ศ. ๓`); what
    // follows it is a post this order gives (`… หัวหน้าฝ่ายวิชาการ`)
    if let Some((i, w)) = find_first(s, RANK_WORDS)
        && i > 0
    {
        let (standing, rest) = standing_and_rest(&s[i + w.len()..]);
        rank = non_empty(standing);
        assigned = non_empty(rest).or(assigned);
        s = s[..i].trim_end();
    } else if let Some(i) = s
        .match_indices(WORK_WORD)
        .map(|(i, _)| i)
        .find(|&i| s[..i].ends_with(' '))
        .map(|i| i - 1)
        && s[..i].split(' ').next().is_some_and(starts_position)
    {
        // `ครูผู้ช่วย งานห้องสมุด`: the work after the post
        work = non_empty(&s[i..]);
        s = s[..i].trim_end();
    } else if let Some(i) = trailing_teacher_grade(s) {
        // `ครู คศ.๓`: the grade written after the post without อันดับ
        rank = non_empty(&s[i..]);
        s = s[..i].trim_end();
    } else if let Some((first, after)) = s.split_once(' ')
        && let Some((post, standing)) = glued_standing(first)
        && (starts_with_any(after, WORKPLACE_STARTS).is_some() || starts_position(after))
    {
        // `ครูชำนาญการพิเศษ โรงเรียนวิสุทธรังษี`: the standing glued to the
        // post, then the unit it is held in (the post stays as written, with
        // its unit); `ครูชำนาญการพิเศษ หัวหน้ากลุ่มสาระ`: then a post this
        // order gives (as after `วิทยฐานะ ครูชำนาญการ`)
        rank = Some(standing);
        if starts_with_any(after, WORKPLACE_STARTS).is_none() {
            assigned = non_empty(after).or(assigned);
            s = post;
        }
    } else if let Some(r) = trailing_standing(s) {
        let before = &s[..s.len() - r.len()];
        let post = before.trim_end();
        // (a teacher's standing is named with the post, glued: ครูชำนาญการพิเศษ;
        // `ครู ชำนาญการ` writes the standing apart)
        rank = Some(if before == TEACHER_POST {
            s.to_string()
        } else {
            (*r).to_string()
        });
        s = post;
    }
    // `… ครูชำนาญการ งานทะเบียนและวัดผล`: after the standing, work is a duty
    if assigned
        .as_deref()
        .is_some_and(|a| a.starts_with(WORK_WORD))
    {
        work = assigned.take();
    }
    if work.is_none() {
        work = oversight;
    }
    // `นายก ข ⟶ หัวหน้าเวร`: a roster's role (one word of a turn of duty) is
    // what the person does on that turn, not a post
    if role.is_none() && !s.contains(' ') && ROSTER_WORDS.iter().any(|w| contains(s, w)) {
        role = non_empty(s);
        s = "";
    }
    PositionParts {
        position: non_empty(s),
        rank,
        role,
        class,
        assigned,
        work,
    }
}

/// The standing (ระดับ / วิทยฐานะ) a text ends with, after a post: never the
/// end of a word of its own that only looks like one (`ผู้ทรงคุณวุฒิ`, an
/// expert; `ผู้เชี่ยวชาญ`).
fn trailing_standing(s: &str) -> Option<&'static str> {
    RANKS.iter().copied().find(|r| {
        s.strip_suffix(*r)
            .is_some_and(|post| !post.is_empty() && post.trim_end() != STANDING_NOUN_PREFIX)
    })
}

/// A post with its standing glued on, as one word: the post and the
/// standing as written for that post (`ครูชำนาญการพิเศษ` → `ครู`,
/// `ครูชำนาญการพิเศษ`: a teacher's standing is named with the post;
/// `นักวิชาการศึกษาชำนาญการ` → `นักวิชาการศึกษา`, `ชำนาญการ`).
fn glued_standing(word: &str) -> Option<(&str, String)> {
    let r = trailing_standing(word)?;
    let post = word.get(..word.len() - r.len())?;
    let standing = if post == TEACHER_POST { word } else { r };
    Some((post, standing.to_string()))
}

/// Where a list of two or more provinces (`จังหวัดก จังหวัดข และจังหวัดค`) that
/// runs to the end of `s` starts, after some text.
fn province_list_start(s: &str) -> Option<usize> {
    let at = find_all(s, PROVINCE_WORD).find(|&i| {
        let tail = &s[i..];
        find_all(tail, PROVINCE_WORD).count() >= 2
            && tail.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
                w == "และ"
                    || w.starts_with(PROVINCE_WORD)
                    || w.strip_prefix("และ")
                        .is_some_and(|r| r.starts_with(PROVINCE_WORD))
            })
    })?;
    (at > 0).then_some(at)
}

/// The standing written after its word and the rest: one word, with the
/// number after it when it is one (`ค.ศ. ๓`, `ระดับ 8`).
fn standing_and_rest(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    let mut end = s.find(' ').unwrap_or(s.len());
    let after = s[end..].trim_start();
    let next = after.split(' ').next().unwrap_or("");
    if !next.is_empty() && next.chars().all(crate::thai::digits::is_digit) {
        end = s.len() - after.len() + next.len();
    }
    (s[..end].trim_end(), s[end..].trim())
}

/// Where a student's class is in the text after a name (start, end): `ชั้น…
/// ปีที่ N/M` up to the word after ปีที่, or an abbreviation such as `ม.๒/๑`,
/// `ป.6`, at a word start, up to the end of its word.
fn class_span(s: &str) -> Option<(usize, usize)> {
    let at_word = |i: usize| i == 0 || s[..i].ends_with(' ');
    let word_end = |from: usize| s[from..].find(' ').map_or(s.len(), |j| from + j);
    if let Some(i) = find(s, CLASS_WORD)
        && at_word(i)
        && let Some(y) = find(&s[i..], "ปีที่").map(|y| i + y + "ปีที่".len())
    {
        let after = s[y..].trim_start();
        let from = s.len() - after.len();
        return Some((i, if after.is_empty() { y } else { word_end(from) }));
    }
    CLASS_ABBREVIATIONS.iter().find_map(|a| {
        find_all(s, a)
            .find(|&i| {
                at_word(i)
                    && s[i + a.len()..]
                        .chars()
                        .next()
                        .is_some_and(crate::thai::digits::is_digit)
            })
            .map(|i| (i, word_end(i)))
    })
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Every name (with a title) in running text, where the title starts a word:
/// "…ได้ให้ นางสาวธนะพร ฉายแสง ปฏิบัติงานแทน" → one name.
pub fn names_in_text(text: &str) -> Vec<NameParts<'_>> {
    let mut out: Vec<NameParts<'_>> = Vec::new();
    for (i, _) in text.char_indices() {
        let before = &text[..i];
        let word_start =
            i == 0 || before.ends_with(' ') || before.ends_with("ให้") || before.ends_with("และ");
        if word_start
            && let Some(n) = split_name(&text[i..])
            && n.family.is_some()
            // the same name is found again inside a longer title (ว่าที่ ร.ต. / ร.ต.)
            && out.last().is_none_or(|p| p.rest != n.rest)
        {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_first_with_the_name_in_brackets() {
        // real orders 007, 009, 013
        let text = "ในกรณีที่รัฐมนตรีประจำสำนักนายกรัฐมนตรี (นายธนกร วังบุญคงชนะ) ไม่อยู่ ให้รัฐมนตรีประจำสำนักนายกรัฐมนตรี (นายอนุชา นาคาศัย) ปฏิบัติราชการแทน”";
        let (n, before, after) = bracketed_person(text).unwrap();
        assert_eq!(n.full, "นายธนกร วังบุญคงชนะ");
        assert_eq!(post_before_bracket(before), "รัฐมนตรีประจำสำนักนายกรัฐมนตรี");
        assert_eq!(made_after_bracket(after), None);
        let (_, before, after) = bracketed_person(
            "มอบหมายให้ รัฐมนตรีประจำสำนักนายกรัฐมนตรี (นายธนกร วังบุญคงชนะ) ปฏิบัติราชการแทนนายกรัฐมนตรี ดังนี้",
        )
        .unwrap();
        assert_eq!(post_before_bracket(before), "รัฐมนตรีประจำสำนักนายกรัฐมนตรี");
        assert_eq!(
            made_after_bracket(after).as_deref(),
            Some("ปฏิบัติราชการแทนนายกรัฐมนตรี")
        );
        let (_, before, after) =
            bracketed_person("รองนายกรัฐมนตรี (นายภูมิธรรม เวชยชัย) กำกับและติดตามการปฏิบัติราชการ ดังนี้")
                .unwrap();
        assert_eq!(post_before_bracket(before), "รองนายกรัฐมนตรี");
        assert_eq!(made_after_bracket(after), None);
        assert_eq!(
            made_after_bracket("เป็นประธานกรรมการ ตั้งแต่วันที่ 1").as_deref(),
            Some("ประธานกรรมการ")
        );
    }

    #[test]
    fn position_without_the_word_and_without_rank() {
        let p = split_position("พนักงานธุรการ มีหน้าที่ปฏิบัติงาน ดังนี้");
        assert_eq!(
            p,
            PositionParts {
                position: Some("พนักงานธุรการ".into()),
                rank: None,
                role: None,
                class: None,
                assigned: None,
                work: None
            }
        );
        let p = split_position("ครู วิทยฐานะชำนาญการ");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref()),
            (Some("ครู"), Some("ชำนาญการ"))
        );
    }

    #[test]
    fn teacher_posts_as_schools_write_them() {
        let p = split_position("ตำแหน่ง ครู วิทยฐานะ ครูชำนาญการพิเศษ");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref()),
            (Some("ครู"), Some("ครูชำนาญการพิเศษ"))
        );
        let p = split_position("ตำแหน่ง ครูผู้ช่วย");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref()),
            (Some("ครูผู้ช่วย"), None)
        );
        // work after the post or the standing is a duty (held-out h09)
        for (text, post, rank, work) in [
            ("ตำแหน่ง ครูผู้ช่วย งานห้องสมุด", "ครูผู้ช่วย", None, "งานห้องสมุด"),
            (
                "ตำแหน่ง ครู อันดับ คศ.๑ งานสารบรรณ",
                "ครู",
                Some("คศ.๑"),
                "งานสารบรรณ",
            ),
            (
                "ตำแหน่ง ครู วิทยฐานะ ครูชำนาญการ งานทะเบียนและวัดผล",
                "ครู",
                Some("ครูชำนาญการ"),
                "งานทะเบียนและวัดผล",
            ),
        ] {
            let p = split_position(text);
            assert_eq!(
                (
                    p.position.as_deref(),
                    p.rank.as_deref(),
                    p.work.as_deref(),
                    p.assigned
                ),
                (Some(post), rank, Some(work), None),
                "{text}"
            );
        }
        // the standing alone, as a committee list writes the post (held-out h01)
        let p = split_position("ครูชำนาญการพิเศษ");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref()),
            (Some("ครู"), Some("ครูชำนาญการพิเศษ"))
        );
        for (text, rank) in [("ครู คศ.๓", "คศ.๓"), ("ครู ค.ศ. ๒", "ค.ศ. ๒")]
        {
            let p = split_position(text);
            assert_eq!(
                (p.position.as_deref(), p.rank.as_deref()),
                (Some("ครู"), Some(rank)),
                "{text}"
            );
        }
        // after the post, เป็น and a post is the post given (held-out h99)
        for (text, post, rank, given) in [
            ("ตำแหน่ง ครู เป็นเจ้าหน้าที่พัสดุ", "ครู", None, "เจ้าหน้าที่พัสดุ"),
            (
                "ตำแหน่ง ครู วิทยฐานะ ครูชำนาญการ เป็นเจ้าหน้าที่การเงิน",
                "ครู",
                Some("ครูชำนาญการ"),
                "เจ้าหน้าที่การเงิน",
            ),
        ] {
            let p = split_position(text);
            assert_eq!(
                (
                    p.position.as_deref(),
                    p.rank.as_deref(),
                    p.assigned.as_deref()
                ),
                (Some(post), rank, Some(given)),
                "{text}"
            );
        }
        // a glued standing, then a post given (held-out h115)
        let p = split_position("ครูชำนาญการพิเศษ หัวหน้ากลุ่มสาระ");
        assert_eq!(
            (
                p.position.as_deref(),
                p.rank.as_deref(),
                p.assigned.as_deref()
            ),
            (Some("ครู"), Some("ครูชำนาญการพิเศษ"), Some("หัวหน้ากลุ่มสาระ"))
        );
        // a roster's role after the post (held-out h101)
        let p = split_position("พยาบาลวิชาชีพชำนาญการ หัวหน้าเวร");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref(), p.role.as_deref()),
            (Some("พยาบาลวิชาชีพ"), Some("ชำนาญการ"), Some("หัวหน้าเวร"))
        );
        // (เป็น and no post after it is not a post given)
        assert_eq!(split_position("ครู เป็นที่ปรึกษาชมรม").assigned, None);
        let p = split_position("ตำแหน่ง ครู อันดับ คศ.1");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref()),
            (Some("ครู"), Some("คศ.1"))
        );
        let p = split_position("นักวิชาการศึกษาชำนาญการ");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref()),
            (Some("นักวิชาการศึกษา"), Some("ชำนาญการ"))
        );
        // the standing glued to the post, then the unit it is held in
        // (held-out h72: `ตำแหน่ง / สังกัด` in one column): the post as
        // written (corpus 023), the standing read from it
        for (text, rank) in [
            ("ครูชำนาญการพิเศษ โรงเรียนวิสุทธรังษี", "ครูชำนาญการพิเศษ"),
            ("นักวิชาการศึกษาชำนาญการ สำนักงานเขตพื้นที่การศึกษา", "ชำนาญการ"),
        ] {
            let p = split_position(text);
            assert_eq!(
                (p.position.as_deref(), p.rank.as_deref()),
                (Some(text), Some(rank)),
                "{text}"
            );
        }
        // a post that only ends in a unit word is not split
        let p = split_position("ผู้อำนวยการโรงเรียนวัดลาดหญ้า");
        assert_eq!(
            (p.position.as_deref(), p.rank),
            (Some("ผู้อำนวยการโรงเรียนวัดลาดหญ้า"), None)
        );
    }

    #[test]
    fn a_dash_after_the_name_introduces_work() {
        // held-out h126
        let p = split_position("– สอนวิชาภาษาไทย ชั้นประถมศึกษาปีที่ ๑ – ๓");
        assert_eq!(
            (p.position, p.class, p.work.as_deref()),
            (None, None, Some("สอนวิชาภาษาไทย ชั้นประถมศึกษาปีที่ ๑ – ๓"))
        );
    }

    #[test]
    fn a_graduates_degree_is_the_programme_not_a_post() {
        let p = split_position("ครุศาสตรบัณฑิต สาขาวิชาคณิตศาสตร์");
        assert_eq!(
            (p.position, p.class.as_deref()),
            (None, Some("ครุศาสตรบัณฑิต สาขาวิชาคณิตศาสตร์"))
        );
        // and the ID before a name in an item is not the name (held-out h96)
        let (n, rest) = person_in_item("๖๓๑๒๑๐๑๐๑๐๕ นางสาวกมลวรรณ ใจดี ครุศาสตรบัณฑิต").unwrap();
        assert_eq!(
            (n.full.as_str(), rest.as_str()),
            ("นางสาวกมลวรรณ ใจดี", "ครุศาสตรบัณฑิต")
        );
        assert!(
            person_in_item("๑๒๓ นายก ขคง").is_none(),
            "a short number is not an ID"
        );
    }

    #[test]
    fn a_students_class_is_kept_apart() {
        let p = split_position("ชั้นมัธยมศึกษาปีที่ ๒/๑");
        assert_eq!(
            (p.position, p.class.as_deref()),
            (None, Some("ชั้นมัธยมศึกษาปีที่ ๒/๑"))
        );
        let p = split_position("ชั้นประถมศึกษาปีที่ 6/1 นักเรียนแกนนำ");
        assert_eq!(
            (p.position.as_deref(), p.class.as_deref()),
            (Some("นักเรียนแกนนำ"), Some("ชั้นประถมศึกษาปีที่ 6/1"))
        );
        let p = split_position("นักเรียน ม.๒/๑");
        assert_eq!(
            (p.position.as_deref(), p.class.as_deref()),
            (Some("นักเรียน"), Some("ม.๒/๑"))
        );
        let n = split_name("เด็กหญิงมณี ใจดี ม.๒/๑").unwrap();
        assert_eq!((n.title, n.full.as_str()), ("เด็กหญิง", "เด็กหญิงมณี ใจดี"));
        let n = split_name("ด.ช.สมชาย ใจดี").unwrap();
        assert_eq!(n.title, "ด.ช.");
    }

    #[test]
    fn names_in_a_substitute_clause() {
        let t = "กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ นางสาวฐิติการ เพชรสวน พนักงานธุรการ ปฏิบัติงานแทน";
        let v: Vec<_> = names_in_text(t).into_iter().map(|n| n.full).collect();
        assert_eq!(v, ["นางสาวฐิติการ เพชรสวน"]);
        let t = "ให้นายก ข และนางค ง ปฏิบัติงานแทน";
        let v: Vec<_> = names_in_text(t).into_iter().map(|n| n.full).collect();
        assert_eq!(v, ["นายก ข", "นางค ง"]);
    }
}

#[cfg(test)]
mod doc_examples {
    //! The examples that were doctests when this module was public.
    use super::*;

    #[test]
    fn person_in_item_example() {
        let (n, pos) = person_in_item("รองนายกรัฐมนตรี (นายภูมิธรรม เวชยชัย)").unwrap();
        assert_eq!(
            (n.full.as_str(), pos.as_str()),
            ("นายภูมิธรรม เวชยชัย", "รองนายกรัฐมนตรี")
        );
        assert!(person_in_item("นายกรัฐมนตรีมอบหมาย").is_none());
    }

    #[test]
    fn provinces_after_the_post_are_the_area_given() {
        // real order 005 (the wrapped line joined without a space)
        let p =
            split_position("รัฐมนตรีว่าการกระทรวงการคลังจังหวัดอุบลราชธานี จังหวัดอุดรธานี และจังหวัดศรีสะเกษ");
        assert_eq!(
            (p.position.as_deref(), p.assigned.as_deref()),
            (
                Some("รัฐมนตรีว่าการกระทรวงการคลัง"),
                Some("จังหวัดอุบลราชธานี จังหวัดอุดรธานี และจังหวัดศรีสะเกษ")
            )
        );
        // one province names the post
        let p = split_position("ผู้ว่าราชการจังหวัดเพชรบุรี");
        assert_eq!(
            (p.position.as_deref(), p.assigned),
            (Some("ผู้ว่าราชการจังหวัดเพชรบุรี"), None)
        );
    }

    #[test]
    fn an_expert_is_no_post_with_a_standing() {
        // held-out h134: ผู้ทรงคุณวุฒิ (an expert seat) is one word, never
        // the post ผู้ with the standing ทรงคุณวุฒิ
        let p = split_position("ผู้ทรงคุณวุฒิ");
        assert_eq!((p.position.as_deref(), p.rank), (Some("ผู้ทรงคุณวุฒิ"), None));
        let p = split_position("นักวิชาการศึกษาทรงคุณวุฒิ");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref()),
            (Some("นักวิชาการศึกษา"), Some("ทรงคุณวุฒิ"))
        );
    }

    #[test]
    fn a_course_after_a_name_is_work_not_a_post() {
        // held-out h136: special lecturers with the course each teaches
        let p = split_position("รายวิชา 001201 ภาษาอังกฤษพื้นฐาน");
        assert_eq!(p.position, None);
        assert_eq!(p.work.as_deref(), Some("รายวิชา 001201 ภาษาอังกฤษพื้นฐาน"));
    }

    #[test]
    fn kind_of_staff_then_the_post() {
        // real order 024
        let p = split_position("พนักงานมหาวิทยาลัย ตำแหน่ง รองศาสตราจารย์ สังกัดคณะแพทยศาสตร์");
        assert_eq!(
            p.position.as_deref(),
            Some("รองศาสตราจารย์ สังกัดคณะแพทยศาสตร์")
        );
    }

    #[test]
    fn standing_then_a_post_given() {
        let p = split_position("ตำแหน่ง ครู วิทยฐานะ ครูชำนาญการพิเศษ หัวหน้าฝ่ายบริหารงานวิชาการ มีหน้าที่ดังนี้");
        assert_eq!(
            (
                p.position.as_deref(),
                p.rank.as_deref(),
                p.assigned.as_deref()
            ),
            (
                Some("ครู"),
                Some("ครูชำนาญการพิเศษ"),
                Some("หัวหน้าฝ่ายบริหารงานวิชาการ")
            )
        );
        let p = split_position("ตำแหน่ง ครู อันดับ ค.ศ. ๓ หัวหน้างานวัดผล");
        assert_eq!(
            (p.rank.as_deref(), p.assigned.as_deref()),
            (Some("ค.ศ. ๓"), Some("หัวหน้างานวัดผล"))
        );
    }

    #[test]
    fn split_position_example() {
        let p = split_position(
            "ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการพิเศษ ปฏิบัติหน้าที่ผู้อำนวยการกลุ่ม ทำหน้าที่ควบคุม",
        );
        assert_eq!(p.position.as_deref(), Some("นักวิเคราะห์นโยบายและแผน"));
        assert_eq!(p.rank.as_deref(), Some("ชำนาญการพิเศษ"));
        assert_eq!(p.role.as_deref(), Some("ปฏิบัติหน้าที่ผู้อำนวยการกลุ่ม"));
    }
}
