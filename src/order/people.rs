//! People: splitting a person's line into title, names, position, rank and role.

use crate::thai::lexicon::{
    DUTY_INTROS, POSITION_WORD, RANKS, ROLE_STARTS, TITLE_FALSE_FRIENDS, find_first,
    starts_with_any, title_at,
};

/// A name split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts<'a> {
    /// Title as written (นางสาว, ว่าที่ร้อยตรี, ดร.).
    pub title: &'a str,
    /// Given name.
    pub given: &'a str,
    /// Family name (`None` when only one word follows the title).
    pub family: Option<&'a str>,
    /// Title and name, normalised: "นางสาวธนะพร ฉายแสง".
    pub full: String,
    /// What follows the name.
    pub rest: &'a str,
}

impl NameParts<'_> {
    /// Key for matching the same person elsewhere in the order: given and family
    /// name without title or spaces (a title changes with marriage or rank).
    pub fn key(&self) -> String {
        let mut k = self.given.to_string();
        if let Some(f) = self.family {
            k.push_str(&f.replace(' ', ""));
        }
        k
    }
}

/// Split `title given family …` at the start of `text` (normalised: single
/// spaces). `None` when the text does not start with a known title followed by
/// a name.
pub fn split_name(text: &str) -> Option<NameParts<'_>> {
    if starts_with_any(text, TITLE_FALSE_FRIENDS).is_some() {
        return None;
    }
    let title = title_at(text)?;
    let after = &text[title.len()..];
    let spaced = after.starts_with(' ');
    let after = after.trim_start();
    let (given, rest) = split_word(after);
    if given.is_empty()
        || !given
            .chars()
            .next()
            .is_some_and(crate::thai::is_thai_letter)
    {
        return None;
    }
    let (mut family, mut rest) = split_word(rest);
    // "ณ อยุธยา": ณ ("of") is part of the family name
    if family == "ณ" {
        let (next, r) = split_word(rest);
        if !next.is_empty() {
            let start = family.as_ptr() as usize - text.as_ptr() as usize;
            let end = next.as_ptr() as usize - text.as_ptr() as usize + next.len();
            family = text.get(start..end).unwrap_or(family);
            rest = r;
        }
    }
    let family = (!family.is_empty()
        && family
            .chars()
            .next()
            .is_some_and(crate::thai::is_thai_letter))
    .then_some(family);
    let rest = if family.is_some() {
        rest
    } else {
        after.get(given.len()..).unwrap_or("").trim_start()
    };
    let mut full = String::from(title);
    if spaced {
        full.push(' ');
    }
    full.push_str(given);
    if let Some(f) = family {
        full.push(' ');
        full.push_str(f);
    }
    Some(NameParts {
        title,
        given,
        family,
        full,
        rest,
    })
}

/// First word (up to a space) and the rest after the space.
fn split_word(s: &str) -> (&str, &str) {
    match s.find(' ') {
        Some(i) => (&s[..i], s[i + 1..].trim_start()),
        None => (s, ""),
    }
}

/// The person an item names: either `title name … position` (the name first,
/// as in school orders) or `position (title name)` (the position first, as in
/// cabinet orders). Returns the name and the text that describes the position:
/// what follows the name, or what precedes the bracket plus what follows it.
pub fn person_in_item(text: &str) -> Option<(NameParts<'_>, String)> {
    if let Some(n) = split_name(text) {
        let rest = n.rest.to_string();
        return Some((n, rest));
    }
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
    let position = if after.is_empty() {
        before.to_string()
    } else {
        format!("{before} {after}")
    };
    Some((name, position))
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
}

/// Read `[ตำแหน่ง] position [rank] [acting role] [duty intro…]`.
pub fn split_position(rest: &str) -> PositionParts {
    let mut s = rest.trim();
    if let Some(r) = s.strip_prefix(POSITION_WORD) {
        s = r.trim_start();
    }
    if let Some((i, _)) = find_first(s, DUTY_INTROS) {
        s = s[..i].trim_end();
    }
    let mut role = None;
    if let Some((i, _)) = find_first(s, ROLE_STARTS) {
        role = non_empty(&s[i..]);
        s = s[..i].trim_end();
    }
    let mut rank = None;
    if let Some(r) = RANKS.iter().find(|r| s.ends_with(*r)) {
        rank = Some((*r).to_string());
        s = s[..s.len() - r.len()].trim_end();
        s = s.strip_suffix("วิทยฐานะ").unwrap_or(s).trim_end();
    }
    PositionParts {
        position: non_empty(s),
        rank,
        role,
    }
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
    fn names_with_and_without_space_after_title() {
        let n = split_name("ว่าที่ร้อยตรี สมชาย ใจดี ครู").unwrap();
        assert_eq!(
            (n.title, n.given, n.family, n.full.as_str()),
            ("ว่าที่ร้อยตรี", "สมชาย", Some("ใจดี"), "ว่าที่ร้อยตรี สมชาย ใจดี")
        );
        let n = split_name("นายสมศักดิ์ ณ อยุธยา").unwrap();
        assert_eq!(n.family, Some("ณ อยุธยา"));
        assert_eq!(n.key(), "สมศักดิ์ณอยุธยา");
        assert!(split_name("งานสารบรรณ").is_none());
        assert!(split_name("นาย").is_none());
    }

    #[test]
    fn position_without_the_word_and_without_rank() {
        let p = split_position("พนักงานธุรการ มีหน้าที่ปฏิบัติงาน ดังนี้");
        assert_eq!(
            p,
            PositionParts {
                position: Some("พนักงานธุรการ".into()),
                rank: None,
                role: None
            }
        );
        let p = split_position("ครู วิทยฐานะชำนาญการ");
        assert_eq!(
            (p.position.as_deref(), p.rank.as_deref()),
            (Some("ครู"), Some("ชำนาญการ"))
        );
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
    fn split_name_example() {
        let n = split_name("นางสาวธนะพร ฉายแสง ตำแหน่ง นักวิเคราะห์").unwrap();
        assert_eq!(
            (n.title, n.given, n.family, n.rest),
            ("นางสาว", "ธนะพร", Some("ฉายแสง"), "ตำแหน่ง นักวิเคราะห์")
        );
    }

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
    fn split_position_example() {
        let p = split_position(
            "ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการพิเศษ ปฏิบัติหน้าที่ผู้อำนวยการกลุ่ม ทำหน้าที่ควบคุม",
        );
        assert_eq!(p.position.as_deref(), Some("นักวิเคราะห์นโยบายและแผน"));
        assert_eq!(p.rank.as_deref(), Some("ชำนาญการพิเศษ"));
        assert_eq!(p.role.as_deref(), Some("ปฏิบัติหน้าที่ผู้อำนวยการกลุ่ม"));
    }
}
