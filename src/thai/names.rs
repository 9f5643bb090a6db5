//! Personal names: a title (คำนำหน้านาม), a given name and a family name, as
//! Thai orders write them. Pure text knowledge, used by the outline (which
//! lines name a person) and the order stage (who the people are).

use super::lexicon::{
    CIVIL_TITLES, LATIN_TITLES, MONASTIC_TITLES, TITLE_FALSE_FRIENDS, is_monastic_name,
    may_continue_name, starts_with_any, title_at, whole_role,
};

/// How many titles may stand one after another before a name (a rank, a
/// royal title, a doctorate: `พลเอก หม่อมหลวง ดร.…` is three).
const MAX_STACKED_TITLES: usize = 3;

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
    /// The given name as the model reports it: known when a family name
    /// follows it (one word after a title alone may be a name cut short), or
    /// for a monk, who has none.
    pub fn given_name(&self) -> Option<String> {
        (self.family.is_some() || MONASTIC_TITLES.contains(&self.title))
            .then(|| self.given.to_string())
    }

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
    // the title first: it is looked up by its first letter, and most texts
    // asked about start with none (the false friends all start with one)
    let first = title_at(text)?;
    if starts_with_any(text, TITLE_FALSE_FRIENDS).is_some() {
        return None;
    }
    // a title after the title is part of it (a rank, then a royal title)
    let mut end = first.len();
    for _ in 1..MAX_STACKED_TITLES {
        let next = text[end..].trim_start();
        match title_at(next) {
            Some(t)
                if !CIVIL_TITLES.contains(&t)
                    && starts_with_any(next, TITLE_FALSE_FRIENDS).is_none() =>
            {
                end = text.len() - next.len() + t.len();
            }
            _ => break,
        }
    }
    let title = &text[..end];
    let after = &text[end..];
    let spaced = after.starts_with(' ');
    let after = after.trim_start();
    let (given, rest) = split_word(after);
    // a name in Latin letters after an English title: capitalised words
    let latin = LATIN_TITLES.contains(&first);
    let starts_name = |w: &str| {
        w.chars().next().is_some_and(|c| {
            if latin {
                c.is_uppercase()
            } else {
                crate::thai::is_thai_letter(c)
            }
        })
    };
    // (a given name is never an abbreviation itself: `ส.อ.บ.ต.` is no
    // corporal ส.อ. named บ.ต.)
    if given.is_empty() || !starts_name(given) || given.chars().nth(1) == Some('.') {
        return None;
    }
    // a monk: no family name, only his Pali monastic name if one follows
    if MONASTIC_TITLES.contains(&first) {
        let (word, after_word) = split_word(rest);
        let family = is_monastic_name(word).then_some(word);
        let rest = if family.is_some() { after_word } else { rest };
        let mut full = format!("{title}{}{given}", if spaced { " " } else { "" });
        if let Some(f) = family {
            full.push(' ');
            full.push_str(f);
        }
        return Some(NameParts {
            title,
            given,
            family,
            full,
            rest,
        });
    }
    let (mut family, mut rest) = split_word(rest);
    // "ณ อยุธยา", "สนิทวงศ์ ณ อยุธยา": ณ ("of") and the word after it are
    // part of the family name
    let (of, after_of) = if family == "ณ" {
        (true, rest)
    } else {
        let (w, r) = split_word(rest);
        (w == "ณ", r)
    };
    if of && !family.is_empty() {
        let (next, r) = split_word(after_of);
        if let (Some(start), Some(end)) = (offset_in(text, family), offset_in(text, next))
            && !next.is_empty()
            && let Some(f) = text.get(start..end + next.len())
        {
            family = f;
            rest = r;
        }
    }
    // a third word that ends the name's cell (nothing after it, or only a
    // committee role) and could be no post: `นางประภา เหตระกูล ศรีนวลนัด กรรมการ`
    if !of && !family.is_empty() {
        let (next, r) = split_word(rest);
        if (r.is_empty() || whole_role(r).is_some())
            && may_continue_name(next)
            && let (Some(start), Some(end)) = (offset_in(text, family), offset_in(text, next))
            && let Some(f) = text.get(start..end + next.len())
        {
            family = f;
            rest = r;
        }
    }
    let family = (!family.is_empty() && starts_name(family)).then_some(family);
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

/// Byte offset of `sub` (a slice of `text`) in `text`; `None` for a slice of
/// something else (an empty literal).
fn offset_in(text: &str, sub: &str) -> Option<usize> {
    let start = (sub.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + sub.len() <= text.len()).then_some(start)
}

/// First word (up to a space) and the rest after the space.
fn split_word(s: &str) -> (&str, &str) {
    // a name word ends at a space, or at a comma (`นายก ข, นางค ง`: the comma
    // stays with what follows)
    match s.find([' ', ',']) {
        Some(i) if s[i..].starts_with(',') => (&s[..i], &s[i..]),
        Some(i) => (&s[..i], s[i + 1..].trim_start()),
        None => (s, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_ends_a_name() {
        // held-out h86: names listed with commas in running text
        let n = split_name("นายกิตติศักดิ์ บุญมี, นางสาวรัชดา วงศ์ใหญ่").unwrap();
        assert_eq!(
            (n.given, n.family, n.rest),
            ("กิตติศักดิ์", Some("บุญมี"), ", นางสาวรัชดา วงศ์ใหญ่")
        );
        let n = split_name("นายก ข,").unwrap();
        assert_eq!((n.family, n.rest), (Some("ข"), ","));
    }

    #[test]
    fn a_monk_has_no_family_name_only_his_pali_name() {
        // held-out h134: the Sangha's representatives on a school board
        let n = split_name("พระครูสิริธรรมวิมล ผู้แทนพระภิกษุสงฆ์ กรรมการ").unwrap();
        assert_eq!(
            (n.title, n.given, n.family, n.full.as_str(), n.rest),
            (
                "พระครู",
                "สิริธรรมวิมล",
                None,
                "พระครูสิริธรรมวิมล",
                "ผู้แทนพระภิกษุสงฆ์ กรรมการ"
            )
        );
        assert_eq!(n.given_name().as_deref(), Some("สิริธรรมวิมล"));
        let n = split_name("พระมหาสมศักดิ์ ปญฺญาวโร ผู้แทนพระภิกษุสงฆ์").unwrap();
        assert_eq!(
            (n.title, n.given, n.family, n.rest),
            ("พระมหา", "สมศักดิ์", Some("ปญฺญาวโร"), "ผู้แทนพระภิกษุสงฆ์")
        );
        // -o written โ + consonant, without a PHINTHU
        let n = split_name("พระอธิการสมชาย สุเมโธ เจ้าอาวาสวัดบ้านนา").unwrap();
        assert_eq!(n.family, Some("สุเมโธ"));
        // a lay name cut short keeps no given name
        assert_eq!(split_name("นายสมชาย").unwrap().given_name(), None);
        // พระ alone is no title
        assert!(split_name("พระราชบัญญัติ ระเบียบ").is_none());
    }

    #[test]
    fn navy_air_force_and_other_ranks_abbreviated() {
        for (text, title) in [
            ("น.อ.สมชาย ใจดี", "น.อ."),
            ("พ.จ.อ.สมชาย ใจดี", "พ.จ.อ."),
            ("พ.อ.อ.หญิงสมชาย ใจดี", "พ.อ.อ.หญิง"),
            ("พลทหารสมชาย ใจดี", "พลทหาร"),
            ("ส.อ.สมชาย ใจดี", "ส.อ."),
            ("น.สพ.สมชาย ใจดี", "น.สพ."),
            ("ม.จ.สมชาย ใจดี", "ม.จ."),
        ] {
            let n = split_name(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (n.title, n.given, n.family),
                (title, "สมชาย", Some("ใจดี")),
                "{text}"
            );
        }
        // an abbreviation that only starts like a rank names nobody
        assert!(split_name("ส.อ.บ.ต.สมชาย ใจดี").is_none());
    }

    #[test]
    fn an_english_title_before_a_name_in_latin_letters() {
        // held-out h136: foreign special lecturers
        let n = split_name("Mr. David Thompson รายวิชา 001201").unwrap();
        assert_eq!(
            (n.title, n.given, n.family, n.full.as_str(), n.rest),
            (
                "Mr.",
                "David",
                Some("Thompson"),
                "Mr. David Thompson",
                "รายวิชา 001201"
            )
        );
        assert_eq!(
            split_name("Dr. Stefan Müller").unwrap().family,
            Some("Müller")
        );
        // a Latin name needs its capitals; a Thai title a Thai name
        assert!(split_name("Mr. david").is_none());
        assert!(split_name("นาย David Thompson").is_none());
    }

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
        let n = split_name("นายปีติพงศ์ พึ่งบุญ ณ อยุธยา กรรมการ").unwrap();
        assert_eq!((n.family, n.rest), (Some("พึ่งบุญ ณ อยุธยา"), "กรรมการ"));
        // a third name word that ends the cell: a two-word family name
        let n = split_name("นางประภา เหตระกูล ศรีนวลนัด กรรมการ").unwrap();
        assert_eq!((n.family, n.rest), (Some("เหตระกูล ศรีนวลนัด"), "กรรมการ"));
        assert_eq!(n.full, "นางประภา เหตระกูล ศรีนวลนัด");
        // … but never a post, a unit, a role or running text
        for (text, rest) in [
            ("นายสมชาย ใจดี ครู", "ครู"),
            ("นายสมชาย ใจดี อาจารย์", "อาจารย์"),
            ("นายสมชาย ใจดี โรงเรียนบ้านนา", "โรงเรียนบ้านนา"),
            ("นายสมชาย ใจดี กรรมการ", "กรรมการ"),
            ("นายสมชาย ใจดี รองผู้อำนวยการ", "รองผู้อำนวยการ"),
            ("นายสมชาย ใจดี รักษาราชการแทน", "รักษาราชการแทน"),
            ("นายสมชาย ใจดี ม.2/1", "ม.2/1"),
            ("นายสมชาย ใจดี นางสมศรี ใจดี", "นางสมศรี ใจดี"),
            ("นายสมชาย ใจดี ศรีนวล ครู", "ศรีนวล ครู"),
        ] {
            let n = split_name(text).unwrap();
            assert_eq!((n.family, n.rest), (Some("ใจดี"), rest), "{text}");
        }
        // คุณ before a name (real order 020), never before a noun
        let n = split_name("คุณจันทนี ธนรักษ์ กรรมการบริหาร").unwrap();
        assert_eq!((n.title, n.full.as_str()), ("คุณ", "คุณจันทนี ธนรักษ์"));
        for noun in [
            "คุณภาพการศึกษา ดีขึ้น",
            "คุณสมบัติ ดังนี้",
            "คุณครูสมศรี ใจดี",
            "นายกสโมสรนิสิต คณะวิทยาศาสตร์",
            // posts that start with a title word (held-out order h08)
            "นายแพทย์สาธารณสุขจังหวัดเพชรบุรี กรรมการ",
            "นายแพทย์ชำนาญการพิเศษ โรงพยาบาลเพชรบุรี",
            "ทันตแพทย์ชำนาญการ",
            "นายเวรประจำวัน",
            "นายจ้าง ลูกจ้าง",
        ] {
            assert!(split_name(noun).is_none(), "{noun}");
        }
        // ... while the medical title before a name stays a title
        let n = split_name("นายแพทย์สมชาย ใจดี นายแพทย์ชำนาญการ").unwrap();
        assert_eq!((n.title, n.given), ("นายแพทย์", "สมชาย"));
        assert!(split_name("งานสารบรรณ").is_none());
        assert!(split_name("นาย").is_none());
    }

    #[test]
    fn titles_one_after_another_are_one_title() {
        // held-out h20, h24: a rank or an academic title before a royal title
        for (text, title, given) in [
            (
                "นาวาเอก หม่อมหลวงปริญญ์ เทวกุล ผู้บังคับการ",
                "นาวาเอก หม่อมหลวง",
                "ปริญญ์",
            ),
            (
                "รองศาสตราจารย์ หม่อมราชวงศ์พีรพงษ์ จักรพันธุ์",
                "รองศาสตราจารย์ หม่อมราชวงศ์",
                "พีรพงษ์",
            ),
            ("ศาสตราจารย์ นายแพทย์สมชาย ใจดี", "ศาสตราจารย์ นายแพทย์", "สมชาย"),
            ("พลตำรวจโท ดร.สมชาย ใจดี", "พลตำรวจโท ดร.", "สมชาย"),
        ] {
            let n = split_name(text).unwrap();
            assert_eq!((n.title, n.given), (title, given), "{text}");
            assert!(n.family.is_some() && n.full.starts_with(title), "{text}");
        }
        // a civil title after a rank is not stacked (นาย + ก… stays a name)
        let n = split_name("พลเอก นายก ใจดี").unwrap();
        assert_eq!((n.title, n.given), ("พลเอก", "นายก"));
        // nor is a post that starts with a title word
        let n = split_name("พลเอก นายแพทย์สาธารณสุข").unwrap();
        assert_eq!(n.title, "พลเอก");
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
}
