//! Personal names: a title (คำนำหน้านาม), a given name and a family name, as
//! Thai orders write them. Pure text knowledge, used by the outline (which
//! lines name a person) and the order stage (who the people are).

use super::lexicon::{TITLE_FALSE_FRIENDS, starts_with_any, title_at};

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
///
/// ```
/// use kamsang::order::people::split_name;
/// let n = split_name("นางสาวธนะพร ฉายแสง ตำแหน่ง นักวิเคราะห์").unwrap();
/// assert_eq!((n.title, n.given, n.family, n.rest), ("นางสาว", "ธนะพร", Some("ฉายแสง"), "ตำแหน่ง นักวิเคราะห์"));
/// ```
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
}
