//! Numbering labels: the `1.1.2`, `3)`, `(๑)`, `ก.`, `-`, `ข้อ 1` in front of items.
//!
//! A label's *form* (its family) says how it nests: dotted labels nest by their
//! number of components; other families nest inside whatever is open. The
//! written text is kept as evidence; values are read from Thai or Arabic digits.
//!
//! A leaf module: the readers (a spreadsheet's duty numbers), the outline
//! (nesting) and the writers (a label's form) all need this grammar, so it
//! imports nothing but the digit rules of [`crate::thai`]. It is not under
//! `thai/` because it is numbering structure (families, depth, the largest
//! value), not knowledge of Thai text.

use crate::thai::digits::is_digit;

/// Thai letters in the order used for numbering (ก ข ค …; the obsolete ฃ and ฅ
/// are never used as labels).
const THAI_LETTER_SEQUENCE: &str = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ";

/// Largest value a label component may have. No order has 100,000 items,
/// and a bound far below `u32::MAX` keeps every counter's `+ 1` exact: a
/// label of 4294967295 once saturated and gave two items the same id. A
/// larger number is not a label: the line stays text, with a
/// `label_out_of_range` diagnostic (see [`oversized_label`]).
pub const MAX_LABEL_VALUE: u32 = 99_999;

/// How a label is written; labels of one family are siblings of each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `1.` `1.1` `1.1.1` `1.5.` (Thai or Arabic digits); depth = number of parts.
    Dotted,
    /// `1)`
    ParenClose,
    /// `(1)`
    ParenBoth,
    /// `ก.`
    LetterDot,
    /// `ก)`
    LetterClose,
    /// `(ก)`
    LetterBoth,
    /// `-` `•` `๏` `●` `▪` `*`: unnumbered bullets, one family per symbol.
    Bullet(char),
    /// `ข้อ 1` (clause).
    Clause,
    /// `ลำดับที่ 1` ("number 1" in words: a ranking, a list of candidates).
    Ordinal,
}

/// Labels written as a word and a number: `ข้อ 1` (a clause of the order),
/// `ลำดับที่ 1` (number 1 of a ranked list: selected candidates, award winners).
const WORD_LABELS: &[(&str, Family)] = &[("ข้อ", Family::Clause), ("ลำดับที่", Family::Ordinal)];

/// A parsed label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Exactly as written (normalised), e.g. "4.2.2", "1.5.", "6)".
    pub written: crate::model::Text,
    /// The label's form.
    pub family: Family,
    /// The numbers written: `[4, 2, 2]` for "4.2.2", `[2]` for "ข)"; empty for bullets.
    pub values: Vec<u32>,
    /// A Latin `o` was read as Thai zero in the label (`๑o.`).
    pub latin_o: bool,
}

impl Label {
    /// A label a reader already knows the form and values of (a
    /// spreadsheet's person or duty number), written as `written`.
    pub fn new(written: impl Into<crate::model::Text>, family: Family, values: Vec<u32>) -> Label {
        let written = written.into();
        // the only Latin letter a label can hold is an o read as Thai zero
        let latin_o = written.contains(['o', 'O']);
        Label {
            written,
            family,
            values,
            latin_o,
        }
    }

    /// A dotted label written as its values (`[1, 10]` → "1.10").
    pub fn dotted(values: Vec<u32>) -> Label {
        let written = values
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".");
        Label::new(written, Family::Dotted, values)
    }

    /// The dotted label one level below this one (`1.10` → `1.10.3`),
    /// written after this one's writing.
    pub fn child(&self, value: u32) -> Label {
        let mut values = self.values.clone();
        values.push(value);
        Label::new(format!("{}.{value}", self.written), Family::Dotted, values)
    }

    /// Depth a dotted label implies (number of components); 1 for other families.
    pub fn dotted_depth(&self) -> usize {
        match self.family {
            Family::Dotted => self.values.len(),
            _ => 1,
        }
    }

    /// The last written value (0 for a bullet).
    pub fn last_value(&self) -> u32 {
        self.values.last().copied().unwrap_or(0)
    }
}

/// Format a canonical value in a family's own scheme: digits for numbers, the
/// Thai letter for letter families, empty for bullets.
pub fn format_value(family: Family, value: u32) -> String {
    match family {
        Family::LetterDot | Family::LetterClose | Family::LetterBoth => THAI_LETTER_SEQUENCE
            .chars()
            .nth(value.saturating_sub(1) as usize)
            .map(String::from)
            .unwrap_or_else(|| value.to_string()),
        Family::Bullet(_) => String::new(),
        _ => value.to_string(),
    }
}

fn letter_value(c: char) -> Option<u32> {
    THAI_LETTER_SEQUENCE
        .chars()
        .position(|l| l == c)
        .and_then(|p| u32::try_from(p + 1).ok())
}

/// Read a number at the start of `s`: (value, bytes used). A Latin `o` inside a
/// Thai-digit number reads as ๐ (see [`crate::thai::digits::leading_number`]).
/// With `bounded`, a value past [`MAX_LABEL_VALUE`] is no number; without,
/// any run of digits is one (past `u32::MAX` read as `u32::MAX`).
fn leading_number(s: &str, bounded: bool) -> Option<(u32, usize)> {
    match crate::thai::digits::leading_number(s) {
        Some(n) if !bounded || n.value <= MAX_LABEL_VALUE => Some((n.value, n.len)),
        Some(_) => None,
        None if bounded => None,
        None => {
            let len: usize = s
                .chars()
                .take_while(|&c| is_digit(c))
                .map(char::len_utf8)
                .sum();
            (len > 0).then_some((u32::MAX, len))
        }
    }
}

/// The label written at the start of `line` when it would be one but for a
/// number past [`MAX_LABEL_VALUE`] (`4294967296.`, `(100000)`): the caller
/// keeps the line as text and reports it.
pub fn oversized_label(line: &str) -> Option<String> {
    if parse_label_prefix(line, true).is_some() {
        return None;
    }
    parse_label_prefix(line, false).map(|(l, _)| l.written.into_string())
}

/// Parse a label at the start of a normalised line. Returns the label and the
/// rest of the line after it (leading spaces skipped). `None` when the line does
/// not start with a label.
pub fn parse_label(line: &str) -> Option<(Label, &str)> {
    let (label, used) = parse_label_prefix(line, true)?;
    let rest = line.get(used..)?.trim_start();
    // `07.30 น.`, `08.30 - 12.00 น.`: a time at a line start (hours and
    // minutes), not an item; `1. น.ส.ก ข` is an item naming a person
    if label.family == Family::Dotted
        && label.values.len() >= 2
        && !rest.starts_with(ABBREVIATED_MISS)
        && is_time_rest(rest)
    {
        return None;
    }
    Some((label, rest))
}

/// "Miss" abbreviated (น.ส., นางสาว): it starts like `น.` (นาฬิกา) but names
/// a person.
const ABBREVIATED_MISS: &str = "น.ส.";

/// Whether what follows a dotted number says it is a time of day: `น.`
/// (นาฬิกา, "o'clock") or a range to another time (`- 12.00 น.`, `ถึง`).
fn is_time_rest(rest: &str) -> bool {
    rest.starts_with("น.")
        || rest == "น"
        || rest.starts_with("น ")
        || ((rest.starts_with('-') || rest.starts_with("ถึง"))
            && rest.split_whitespace().take(3).any(|w| w.starts_with("น.")))
}

fn parse_label_prefix(line: &str, bounded: bool) -> Option<(Label, usize)> {
    let first = line.chars().next()?;
    let (family, values, used) = if is_digit(first) {
        dotted_or_paren(line, bounded)?
    } else if first == '(' {
        let inner = &line[1..];
        let c = inner.chars().next()?;
        if let Some((n, u)) = leading_number(inner, bounded) {
            inner[u..]
                .starts_with(')')
                .then_some((Family::ParenBoth, vec![n], 1 + u + 1))?
        } else {
            let v = letter_value(c)?;
            let u = c.len_utf8();
            inner[u..]
                .starts_with(')')
                .then_some((Family::LetterBoth, vec![v], 1 + u + 1))?
        }
    } else if let Some((family, after)) = WORD_LABELS
        .iter()
        .find_map(|(w, f)| line.strip_prefix(w).map(|a| (*f, a)))
    {
        let t = after.trim_start();
        let (n, u) = leading_number(t, bounded)?;
        let rest = &t[u..];
        let rest_trim = rest.strip_prefix('.').unwrap_or(rest);
        if !(rest_trim.is_empty() || rest_trim.starts_with(' ')) {
            return None;
        }
        let used = line.len() - rest_trim.len();
        (family, vec![n], used)
    } else if let Some(v) = letter_value(first) {
        let u = first.len_utf8();
        let after = &line[u..];
        let fam = if after.starts_with('.') {
            Family::LetterDot
        } else if after.starts_with(')') {
            Family::LetterClose
        } else {
            return None;
        };
        // "ก." must be followed by a space: "ก.ค.ศ." is an abbreviation.
        let next = after[1..].chars().next();
        if !matches!(next, Some(' ')) {
            return None;
        }
        (fam, vec![v], u + 1)
    } else if matches!(first, '-' | '•' | '๏' | '●' | '▪' | '*' | '◦' | '➢' | '✓') {
        let u = first.len_utf8();
        // a bullet is followed by a space; "----" is a rule, "-5" a number
        if !line[u..].starts_with(' ') {
            return None;
        }
        (Family::Bullet(first), Vec::new(), u)
    } else {
        return None;
    };
    let written = line[..used].to_string();
    // the only Latin letter a label can hold is an o read as Thai zero
    let latin_o = written.contains(['o', 'O']);
    Some((
        Label {
            written: written.into(),
            family,
            values,
            latin_o,
        },
        used,
    ))
}

/// `1.` `1.1` `1.1.1.` or `1)` at the start of `line` (which starts with a digit).
fn dotted_or_paren(line: &str, bounded: bool) -> Option<(Family, Vec<u32>, usize)> {
    let (first, mut used) = leading_number(line, bounded)?;
    let rest = &line[used..];
    if rest.starts_with(')') {
        return Some((Family::ParenClose, vec![first], used + 1));
    }
    let mut values = vec![first];
    let mut trailing_dot = false;
    loop {
        let rest = &line[used..];
        let Some(after_dot) = rest.strip_prefix('.') else {
            break;
        };
        match leading_number(after_dot, bounded) {
            Some((n, u)) => {
                values.push(n);
                used += 1 + u;
            }
            None => {
                trailing_dot = true;
                used += 1;
                break;
            }
        }
    }
    // "1" alone is a number in running text, not a label; "1." or "1.1" is.
    if values.len() == 1 && !trailing_dot {
        return None;
    }
    // what follows must not continue a number, date or decimal ("1.5%", "1/2566")
    let next = line[used..].chars().next();
    if matches!(next, Some(c) if c.is_ascii_alphanumeric() || matches!(c, '/' | ',' | '%' | '-' | '.' | ':'))
    {
        return None;
    }
    Some((Family::Dotted, values, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_not_labels() {
        assert!(parse_label("07.30 น. ถึงเวลา 16.30 น.").is_none());
        assert!(parse_label("08.30 - 12.00 น. ประชุม").is_none());
        assert!(parse_label("1.1 งานสารบรรณ").is_some());
        assert!(parse_label("3. นางสาวก ข").is_some());
        // "Miss" abbreviated starts like น. (o'clock): an item all the same
        assert!(parse_label("๒. น.ส.อัมพร ทองมา ครูชำนาญการ กรรมการ").is_some());
        assert!(parse_label("1.5 น.ส.อัมพร ทองมา").is_some());
    }

    fn lab(s: &str) -> Option<(Family, Vec<u32>, String, String)> {
        parse_label(s).map(|(l, r)| (l.family, l.values, l.written.into_string(), r.to_string()))
    }

    #[test]
    fn dotted_forms() {
        assert_eq!(
            lab("1. นาย ก"),
            Some((Family::Dotted, vec![1], "1.".into(), "นาย ก".into()))
        );
        assert_eq!(
            lab("1.5. กลุ่มงาน"),
            Some((Family::Dotted, vec![1, 5], "1.5.".into(), "กลุ่มงาน".into()))
        );
        assert_eq!(
            lab("4.2.10 ติดตาม"),
            Some((
                Family::Dotted,
                vec![4, 2, 10],
                "4.2.10".into(),
                "ติดตาม".into()
            ))
        );
        assert_eq!(
            lab("3.นางสุภัทรา"),
            Some((Family::Dotted, vec![3], "3.".into(), "นางสุภัทรา".into()))
        );
        assert_eq!(
            lab("๑.๒ งาน"),
            Some((Family::Dotted, vec![1, 2], "๑.๒".into(), "งาน".into()))
        );
        assert_eq!(lab("1.1.1.1 x").map(|l| l.1), Some(vec![1, 1, 1, 1]));
    }

    #[test]
    fn paren_and_letter_forms() {
        assert_eq!(
            lab("6)การติดตาม").map(|l| (l.0, l.1, l.3)),
            Some((Family::ParenClose, vec![6], "การติดตาม".into()))
        );
        assert_eq!(
            lab("(๓) กรรมการ").map(|l| (l.0, l.1)),
            Some((Family::ParenBoth, vec![3]))
        );
        assert_eq!(
            lab("ข. งาน").map(|l| (l.0, l.1)),
            Some((Family::LetterDot, vec![2]))
        );
        assert_eq!(
            lab("(ค) งาน").map(|l| (l.0, l.1)),
            Some((Family::LetterBoth, vec![3]))
        );
        assert_eq!(
            lab("ข้อ ๑ ให้").map(|l| (l.0, l.1, l.3)),
            Some((Family::Clause, vec![1], "ให้".into()))
        );
        // held-out h22: a ranked list of candidates
        assert_eq!(
            lab("ลำดับที่ ๒ นายภาณุวัฒน์ เรืองศรี").map(|l| (l.0, l.1, l.3)),
            Some((Family::Ordinal, vec![2], "นายภาณุวัฒน์ เรืองศรี".into()))
        );
        assert_eq!(lab("ลำดับที่ของผู้สมัคร").map(|l| l.0), None);
        assert_eq!(lab("- งาน").map(|l| l.0), Some(Family::Bullet('-')));
    }

    #[test]
    fn not_labels() {
        for s in [
            "2566 เป็นต้นไป",
            "1/2566",
            "ก.ค.ศ. กำหนด",
            "-----",
            "1.5%",
            "การศึกษา",
            "(STRATEGIC)",
            "ขอ 1",
        ] {
            assert_eq!(lab(s), None, "{s}");
        }
    }

    #[test]
    fn latin_o_as_thai_zero() {
        let (l, rest) = parse_label("๑o. งาน").unwrap();
        assert_eq!(
            (l.values.as_slice(), l.latin_o, rest),
            (&[10][..], true, "งาน")
        );
        assert!(!parse_label("๑.๒ งาน").unwrap().0.latin_o);
        // "1o." is not a label: o is no digit among Arabic digits
        assert!(parse_label("1o. งาน").is_none());
    }

    #[test]
    fn letter_values_format_back() {
        assert_eq!(format_value(Family::LetterDot, 3), "ค");
        assert_eq!(format_value(Family::Dotted, 3), "3");
    }
}

#[cfg(test)]
mod doc_examples {
    //! The examples that were doctests when this module was public.
    use super::*;

    #[test]
    fn parse_label_example() {
        let (l, rest) = parse_label("4.2.2 ศึกษาผล").unwrap();
        assert_eq!(
            (l.family, l.values.as_slice(), rest),
            (Family::Dotted, &[4, 2, 2][..], "ศึกษาผล")
        );
        assert!(parse_label("2566 เป็นต้นไป").is_none());
        assert!(parse_label("ก.ค.ศ. กำหนด").is_none());
    }
}
