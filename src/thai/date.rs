//! Thai dates as written in orders (`4 กรกฎาคม 2568`, `๒๑ มีนาคม พุทธศักราช ๒๕๖๐`,
//! `1 ต.ค. พ.ศ. 2566`) read as day, month and year, and converted to ISO 8601.
//!
//! What is read, in this order, each part separated by optional spaces:
//! - an optional `วันที่` or `วัน<weekday>ที่` (`วันศุกร์ที่`);
//! - the day, in Thai or Arabic digits (with the Latin-o zero of
//!   [`leading_number`]: `๓o`);
//! - the month: a full name (`มกราคม` … `ธันวาคม`), optionally after `เดือน`; an
//!   abbreviation (`ม.ค.` … `ธ.ค.`) with or without spaces around its dots or
//!   the final dot; a misspelling or colloquial short form seen in real
//!   documents (`กรกฏาคม`, `พฤษจิกายน`, `กุมภาพันธุ์`, `มีนา` …, see
//!   [`MONTH_VARIANTS`]); or a number (`4/7/2568`, `04-07-2568`);
//! - an optional era marker: `พ.ศ.` / `พุทธศักราช` (Buddhist era, also assumed
//!   when there is none) or `ค.ศ.` / `คริสต์ศักราช` (Christian era);
//! - the year. A two-digit year is the usual Thai short form of a Buddhist year
//!   (`66` = 2566).
//!
//! Whatever follows the year (`เป็นต้นไป` …) is not part of the date.
//!
//! Conversion: a Buddhist year is the Christian year + 543. Before 1941 the Thai
//! year began on 1 April, so January–March of BE ≤ 2482 is BE − 542, and
//! January–March 2483 never existed. The day must exist in its month (leap years
//! included). Nothing is guessed: a date with a missing part, a day that does not
//! exist, or a four-digit year below 2400 with no `ค.ศ.` (a Christian year typed
//! by mistake, `2023`) gets no ISO form and a [`DateProblem`] that says why.

use std::fmt;
use std::ops::Range;

use crate::thai::digits::leading_number;

/// Full month names, January first.
pub const MONTHS: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// Abbreviated month names, January first. Read with or without spaces around
/// the dots and with or without dots.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

/// Misspelt and colloquial month names seen in real documents, with their
/// month (1–12). Sources: Thai government orders and announcements on the web,
/// the Royal Institute's list of commonly misspelt words (คำที่มักเขียนผิด):
/// ฏ for ฎ in กรกฎาคม, ษ for ศ in พฤศจิกายน and the reverse in พฤษภาคม, a
/// dropped or extra mark on กุมภาพันธ์, ม for the final น of -ายน; and the
/// short spoken forms without -คม / -ายน / -พันธ์.
pub const MONTH_VARIANTS: &[(&str, u32)] = &[
    ("มกรา", 1),
    ("กุมภาพันธ", 2),
    ("กุมภาพันธุ์", 2),
    ("กุมภาพัน", 2),
    ("กุมพาพันธ์", 2),
    ("กุมภา", 2),
    ("มีนา", 3),
    ("เมษายม", 4),
    ("เมสายน", 4),
    ("เมษา", 4),
    ("พฤศภาคม", 5),
    ("พฤษาคม", 5),
    ("พฤษภา", 5),
    ("มิถุนายม", 6),
    ("มิถุนา", 6),
    ("กรกฏาคม", 7),
    ("กรกฎา", 7),
    ("กรกฏา", 7),
    ("สิงหา", 8),
    ("กันยายม", 9),
    ("กันยา", 9),
    ("ตุลา", 10),
    ("พฤษจิกายน", 11),
    ("พฤศจิกายม", 11),
    ("พฤศจิกา", 11),
    ("พฤษจิกา", 11),
    ("ธันวา", 12),
];

/// Which era a year was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// `พ.ศ.` or `พุทธศักราช` written before the year.
    Buddhist,
    /// `ค.ศ.` or `คริสต์ศักราช` written before the year.
    Christian,
    /// No marker: read as Buddhist.
    Unmarked,
}

/// Why a date has no ISO form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing that looks like a date.
    Empty,
    /// No day (often left blank to be filled in by hand when signing).
    NoDay,
    /// No month could be read.
    NoMonth,
    /// No year after the month.
    NoYear,
    /// A numeric month outside 1–12.
    BadMonth(u32),
    /// The day does not exist in that month and year.
    NoSuchDay {
        /// Day as written.
        day: u32,
        /// Month 1–12.
        month: u32,
        /// Year as written.
        year: u32,
    },
    /// A four-digit year below 2400 without `ค.ศ.`: probably a Christian year
    /// typed where a Buddhist one belongs.
    ChristianYear(u32),
    /// A year outside the range the calendar conversion knows.
    YearOutOfRange(u32),
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateProblem::Empty => f.write_str("no date is written"),
            DateProblem::NoDay => f.write_str("the day is missing"),
            DateProblem::NoMonth => f.write_str("no month can be read"),
            DateProblem::NoYear => f.write_str("the year is missing"),
            DateProblem::BadMonth(m) => write!(f, "there is no month {m}"),
            DateProblem::NoSuchDay { day, month, year } => {
                let name = month
                    .checked_sub(1)
                    .and_then(|i| MONTHS.get(i as usize))
                    .copied()
                    .unwrap_or("?");
                write!(f, "there is no day {day} in {name} {year}")
            }
            DateProblem::ChristianYear(y) => write!(
                f,
                "year {y} looks like a Christian-era year where a Buddhist one (พ.ศ.) is expected"
            ),
            DateProblem::YearOutOfRange(y) => write!(f, "year {y} is out of range"),
        }
    }
}

/// A date read from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDate {
    /// Bytes of the input holding the date, from the day (or the month when the
    /// day is missing) to the end of the last part read; `None` when no part of
    /// a date was read. A leading `วันที่` and trailing words are outside it.
    pub span: Option<Range<usize>>,
    /// Day as written.
    pub day: Option<u32>,
    /// Month 1–12.
    pub month: Option<u32>,
    /// Year as written (a two-digit year already expanded: `66` → 2566).
    pub year: Option<u32>,
    /// Era of [`ParsedDate::year`].
    pub era: Era,
    /// ISO 8601 (Gregorian) `YYYY-MM-DD`, `None` when the date cannot be read.
    pub iso: Option<String>,
    /// Why there is no ISO form.
    pub problem: Option<DateProblem>,
    /// A Latin `o` was read as Thai zero (๐) in a number.
    pub latin_o: bool,
    /// The month as written, when it is a misspelling or a short form
    /// ([`MONTH_VARIANTS`]).
    pub month_variant: Option<&'static str>,
    /// The year was written with two digits.
    pub short_year: bool,
}

impl ParsedDate {
    fn new() -> Self {
        ParsedDate {
            span: None,
            day: None,
            month: None,
            year: None,
            era: Era::Unmarked,
            iso: None,
            problem: None,
            latin_o: false,
            month_variant: None,
            short_year: false,
        }
    }

    /// The date part of `text` (the input this was parsed from), or `None`.
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        self.span.clone().and_then(|r| text.get(r))
    }
}

/// Read the date at the start of `text` (after an optional `วันที่`).
pub fn parse_thai_date(text: &str) -> ParsedDate {
    let mut d = ParsedDate::new();
    let mut pos = skip_spaces(text, 0);
    if let Some(n) = rest(text, pos)
        .strip_prefix("วันที่")
        .map(|r| text.len() - r.len())
    {
        pos = skip_spaces(text, n);
    } else if let Some(n) = weekday_prefix(rest(text, pos)) {
        pos = skip_spaces(text, pos + n);
    }
    let start = pos;
    let mut end = pos;

    // day
    let mut numeric_month = false;
    if let Some(n) = leading_number(rest(text, pos)) {
        d.day = Some(n.value);
        d.latin_o |= n.latin_o;
        pos += n.len;
        end = pos;
        // 4/7/2568, 04-07-2568, 4.7.2568
        if let Some(sep) = rest(text, pos)
            .chars()
            .next()
            .filter(|c| "/-.".contains(*c))
            && let Some(m) = leading_number(rest(text, pos + sep.len_utf8()))
        {
            d.month = Some(m.value);
            d.latin_o |= m.latin_o;
            pos += sep.len_utf8() + m.len;
            end = pos;
            numeric_month = true;
            if rest(text, pos).starts_with(sep) {
                pos += sep.len_utf8();
            }
        }
        pos = skip_spaces(text, pos);
    }

    // month
    if !numeric_month {
        let mut at = pos;
        if let Some(r) = rest(text, at).strip_prefix("เดือน") {
            at = skip_spaces(text, text.len() - r.len());
        }
        match read_month(rest(text, at)) {
            Some((month, len, variant)) => {
                d.month = Some(month);
                d.month_variant = variant;
                pos = at + len;
                end = pos;
                pos = skip_spaces(text, pos);
            }
            None => {
                d.span = (end > start).then_some(start..end);
                d.problem = Some(if d.day.is_some() {
                    DateProblem::NoMonth
                } else {
                    DateProblem::Empty
                });
                return d;
            }
        }
    }

    // era and year
    if let Some((era, len)) = read_era(rest(text, pos)) {
        d.era = era;
        pos = skip_spaces(text, pos + len);
    }
    if let Some(n) = leading_number(rest(text, pos)) {
        let digits = rest(text, pos)
            .get(..n.len)
            .map_or(0, |s| s.chars().count());
        d.latin_o |= n.latin_o;
        let mut year = n.value;
        if digits == 2 && d.era != Era::Christian {
            year += 2500;
            d.short_year = true;
        }
        d.year = Some(year);
        end = pos + n.len;
    }
    d.span = Some(start..end);
    match convert(&d) {
        Ok(iso) => d.iso = Some(iso),
        Err(p) => d.problem = Some(p),
    }
    d
}

/// The ISO form of a fully read date, or why there is none.
fn convert(d: &ParsedDate) -> Result<String, DateProblem> {
    let month = d.month.ok_or(DateProblem::NoMonth)?;
    if !(1..=12).contains(&month) {
        return Err(DateProblem::BadMonth(month));
    }
    let day = d.day.ok_or(DateProblem::NoDay)?;
    let year = d.year.ok_or(DateProblem::NoYear)?;
    let ce = match d.era {
        Era::Christian if (1800..=2300).contains(&year) => year,
        Era::Christian => return Err(DateProblem::YearOutOfRange(year)),
        _ if (2400..=2800).contains(&year) => {
            if month <= 3 && year == 2483 {
                // the year 2483 began on 1 April 1940 and ended on 31 December
                return Err(DateProblem::NoSuchDay { day, month, year });
            }
            if month <= 3 && year < 2483 {
                year - 542
            } else {
                year - 543
            }
        }
        _ if (1000..2400).contains(&year) => return Err(DateProblem::ChristianYear(year)),
        _ => return Err(DateProblem::YearOutOfRange(year)),
    };
    if day == 0 || day > days_in_month(ce, month) {
        return Err(DateProblem::NoSuchDay { day, month, year });
    }
    Ok(format!("{ce:04}-{month:02}-{day:02}"))
}

/// Days in `month` (1–12) of the Gregorian year `year`.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// Whether `text` is a day and nothing else, as a roster heads each day's
/// people: a weekday (`วันจันทร์`, `วันเสาร์ที่ ๑๓ เมษายน ๒๕๖๗`) or a date
/// after `วันที่` (`วันที่ ๑๓ เมษายน ๒๕๖๗`, with its month).
pub fn is_day_heading(text: &str) -> bool {
    let t = text.trim();
    if let Some(n) = weekday_prefix(t) {
        let after = rest(t, n).trim();
        if after.is_empty() {
            return true;
        }
        let d = parse_thai_date(t);
        return d.month.is_some() && d.span.is_some_and(|r| r.end == t.len());
    }
    if !t.starts_with("วันที่") {
        return false;
    }
    let d = parse_thai_date(t);
    d.day.is_some() && d.month.is_some() && d.span.is_some_and(|r| r.end == t.len())
}

/// Bytes of `วันจันทร์ที่` (any weekday, `ที่` optional) at the start of `s`.
fn weekday_prefix(s: &str) -> Option<usize> {
    let r = s.strip_prefix("วัน")?;
    let day = WEEKDAYS.iter().find(|w| r.starts_with(*w))?;
    let r = r.get(day.len()..)?.trim_start();
    let r = r.strip_prefix("ที่").unwrap_or(r);
    Some(s.len() - r.len())
}

/// Weekday names as written after `วัน` (`พฤหัสบดี` before its short form).
const WEEKDAYS: [&str; 8] = [
    "อาทิตย์",
    "จันทร์",
    "อังคาร",
    "พุธ",
    "พฤหัสบดี",
    "พฤหัส",
    "ศุกร์",
    "เสาร์",
];

/// `s` from byte `pos`, empty when out of range.
fn rest(s: &str, pos: usize) -> &str {
    s.get(pos..).unwrap_or("")
}

/// Byte position of the first non-space at or after `pos`.
fn skip_spaces(s: &str, pos: usize) -> usize {
    let r = rest(s, pos);
    pos + (r.len() - r.trim_start().len())
}

/// The month at the start of `s`: (month, bytes, the variant when misspelt).
/// The longest form that matches wins (`มีนาคม` over `มีนา`).
fn read_month(s: &str) -> Option<(u32, usize, Option<&'static str>)> {
    type Found = Option<(u32, usize, Option<&'static str>)>;
    fn consider(best: &mut Found, month: u32, len: usize, variant: Option<&'static str>) {
        if best.is_none_or(|(_, l, _)| len > l) {
            *best = Some((month, len, variant));
        }
    }
    let mut best: Found = None;
    for (m, name) in (1u32..).zip(MONTHS) {
        if s.starts_with(name) {
            consider(&mut best, m, name.len(), None);
        }
    }
    for &(name, m) in MONTH_VARIANTS {
        // a short form must end at a word boundary (not inside a longer word)
        if s.starts_with(name)
            && !s
                .get(name.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(crate::thai::is_thai_letter)
        {
            consider(&mut best, m, name.len(), Some(name));
        }
    }
    if best.is_none() {
        for (m, abbr) in (1u32..).zip(MONTH_ABBREVIATIONS) {
            if let Some(len) = eat_abbreviation(s, abbr) {
                consider(&mut best, m, len, None);
            }
        }
    }
    best
}

/// `พ.ศ.` / `พุทธศักราช` / `ค.ศ.` / `คริสต์ศักราช` at the start of `s`.
fn read_era(s: &str) -> Option<(Era, usize)> {
    for (word, era) in [("พุทธศักราช", Era::Buddhist), ("คริสต์ศักราช", Era::Christian)]
    {
        if s.starts_with(word) {
            return Some((era, word.len()));
        }
    }
    for (abbr, era) in [("พ.ศ.", Era::Buddhist), ("ค.ศ.", Era::Christian)] {
        if let Some(len) = eat_abbreviation(s, abbr) {
            return Some((era, len));
        }
    }
    None
}

/// Bytes of `s` taken by the abbreviation `abbr` (letters and dots) at its
/// start: spaces are allowed around a dot, and any dot may be missing. When
/// the final dot is missing, the abbreviation must not run on into a word.
fn eat_abbreviation(s: &str, abbr: &str) -> Option<usize> {
    let mut i = 0;
    let mut after_dot = false;
    let mut last_dot = false;
    for p in abbr.chars() {
        if p == '.' {
            let j = skip_spaces(s, i);
            if rest(s, j).starts_with('.') {
                i = j + 1;
                after_dot = true;
                last_dot = true;
            } else {
                last_dot = false;
            }
        } else {
            let j = if after_dot { skip_spaces(s, i) } else { i };
            if !rest(s, j).starts_with(p) {
                return None;
            }
            i = j + p.len_utf8();
            after_dot = false;
            last_dot = false;
        }
    }
    if !last_dot
        && rest(s, i)
            .chars()
            .next()
            .is_some_and(crate::thai::is_thai_letter)
    {
        return None;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_headings_of_rosters() {
        for day in [
            "วันจันทร์",
            "วันพฤหัสบดี",
            "วันที่ ๑๓ เมษายน ๒๕๖๗",
            "วันที่ 14 เม.ย. 67",
            "วันเสาร์ที่ ๑๓ เมษายน ๒๕๖๗",
        ] {
            assert!(is_day_heading(day), "{day}");
        }
        for not in [
            "วันที่ ๑๓ เมษายน ๒๕๖๗ ให้ครูทุกคนมาประชุม",
            "วันที่",
            "วันละ ๒ ชั่วโมง",
            "วันจันทร์ถึงวันศุกร์ เวลา ๐๘.๓๐ น.",
        ] {
            assert!(!is_day_heading(not), "{not}");
        }
    }

    /// (input, iso, date text, problem?)
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, Option<&str>, Option<&str>)] = &[
        // full names, both digit systems, all twelve months
        ("1 มกราคม 2566", Some("2023-01-01"), Some("1 มกราคม 2566")),
        (
            "๒๘ กุมภาพันธ์ ๒๕๖๖",
            Some("2023-02-28"),
            Some("๒๘ กุมภาพันธ์ ๒๕๖๖"),
        ),
        ("๒๑ มีนาคม พุทธศักราช ๒๕๖๐", Some("2017-03-21"), None),
        ("30 เมษายน พ.ศ. 2567", Some("2024-04-30"), None),
        ("๑๕ พฤษภาคม ๒๕๖๕", Some("2022-05-15"), None),
        ("30 มิถุนายน 2568", Some("2025-06-30"), None),
        (
            "4 กรกฎาคม 2568 เป็นต้นไป",
            Some("2025-07-04"),
            Some("4 กรกฎาคม 2568"),
        ),
        ("๓๑ สิงหาคม ๒๕๖๔", Some("2021-08-31"), None),
        ("16 กันยายน 2561", Some("2018-09-16"), None),
        (
            "1 ตุลาคม พ.ศ. 2566",
            Some("2023-10-01"),
            Some("1 ตุลาคม พ.ศ. 2566"),
        ),
        ("๒๐ พฤศจิกายน ๒๕๖๓", Some("2020-11-20"), None),
        ("25 ธันวาคม 2562", Some("2019-12-25"), None),
        (
            "วันที่ 1 เดือนตุลาคม พ.ศ. 2566",
            Some("2023-10-01"),
            Some("1 เดือนตุลาคม พ.ศ. 2566"),
        ),
        ("1 เดือน ตุลาคม 2566", Some("2023-10-01"), None),
        (
            "วันศุกร์ที่ 4 กรกฎาคม 2568",
            Some("2025-07-04"),
            Some("4 กรกฎาคม 2568"),
        ),
        (
            "วันพฤหัสบดี ที่ 3 ก.ค. 2568",
            Some("2025-07-03"),
            Some("3 ก.ค. 2568"),
        ),
        // abbreviations, all twelve, with and without spaces and dots
        ("1 ม.ค. 2566", Some("2023-01-01"), None),
        ("๒ ก.พ. ๒๕๖๖", Some("2023-02-02"), None),
        ("3 มี.ค.2566", Some("2023-03-03"), Some("3 มี.ค.2566")),
        ("4 เม. ย. 2566", Some("2023-04-04"), Some("4 เม. ย. 2566")),
        ("5 พ.ค. พ.ศ. 2566", Some("2023-05-05"), None),
        ("6 มิ.ย 2566", Some("2023-06-06"), Some("6 มิ.ย 2566")),
        ("7 ก.ค. 68", Some("2025-07-07"), Some("7 ก.ค. 68")),
        ("8 ส.ค. 2566", Some("2023-08-08"), None),
        ("9 ก . ย . 2566", Some("2023-09-09"), None),
        ("10 ต.ค. 2566", Some("2023-10-10"), None),
        ("11 พ.ย. 2566", Some("2023-11-11"), None),
        ("12 ธค 2566", Some("2023-12-12"), Some("12 ธค 2566")),
        // misspellings and short forms
        ("4 กรกฏาคม 2568", Some("2025-07-04"), None),
        ("๑ พฤษจิกายน ๒๕๖๖", Some("2023-11-01"), None),
        ("1 กุมภาพันธ 2566", Some("2023-02-01"), None),
        ("1 กุมภาพันธุ์ 2566", Some("2023-02-01"), None),
        ("1 มีนา 2566", Some("2023-03-01"), Some("1 มีนา 2566")),
        ("1 เมษายม 2566", Some("2023-04-01"), None),
        // Latin o for zero in Thai-digit numbers
        ("๓o กันยายน ๒๕๕o", Some("2007-09-30"), Some("๓o กันยายน ๒๕๕o")),
        // numeric
        ("4/7/2568", Some("2025-07-04"), Some("4/7/2568")),
        ("๐๔-๐๗-๒๕๖๘", Some("2025-07-04"), None),
        // leap years
        ("29 กุมภาพันธ์ 2567", Some("2024-02-29"), None),
        ("29 กุมภาพันธ์ 2566", None, Some("29 กุมภาพันธ์ 2566")),
        ("29 กุมภาพันธ์ 2543", Some("2000-02-29"), None),
        // before 1941 the year began on 1 April
        ("1 มกราคม 2482", Some("1940-01-01"), None),
        ("1 เมษายน 2482", Some("1939-04-01"), None),
        ("1 มกราคม 2483", None, None),
        // Christian era
        ("1 ตุลาคม ค.ศ. 2023", Some("2023-10-01"), None),
        ("1 ตุลาคม 2023", None, Some("1 ตุลาคม 2023")),
        // invalid or incomplete
        ("31 เมษายน 2568", None, Some("31 เมษายน 2568")),
        ("0 มกราคม 2568", None, None),
        ("ตุลาคม พ.ศ. 2566", None, Some("ตุลาคม พ.ศ. 2566")),
        ("4 กรกฎาคม", None, Some("4 กรกฎาคม")),
        ("4 กรกฎาคม เป็นต้นไป", None, Some("4 กรกฎาคม")),
        ("13/13/2566", None, None),
        ("4 ฟฟฟ 2568", None, Some("4")),
        ("บัดนี้", None, None),
        ("", None, None),
        ("1 ตุลาคม 256", None, None),
        ("1 ตุลาคม 99999999999", None, Some("1 ตุลาคม")),
    ];

    #[test]
    fn date_forms() {
        assert!(CASES.len() >= 25);
        for &(input, iso, text) in CASES {
            let d = parse_thai_date(input);
            assert_eq!(d.iso.as_deref(), iso, "iso of {input:?}: {d:?}");
            assert_eq!(d.iso.is_none(), d.problem.is_some(), "{input:?}: {d:?}");
            if let Some(t) = text {
                assert_eq!(d.text(input), Some(t), "text of {input:?}");
            }
        }
    }

    #[test]
    fn problems_and_flags() {
        let p = |s: &str| parse_thai_date(s).problem;
        assert_eq!(
            p("31 เมษายน 2568"),
            Some(DateProblem::NoSuchDay {
                day: 31,
                month: 4,
                year: 2568
            })
        );
        assert_eq!(p("ตุลาคม 2566"), Some(DateProblem::NoDay));
        assert_eq!(p("4 กรกฎาคม"), Some(DateProblem::NoYear));
        assert_eq!(p("4 ฟฟฟ"), Some(DateProblem::NoMonth));
        assert_eq!(p("ไม่ระบุ"), Some(DateProblem::Empty));
        assert_eq!(p("1 ตุลาคม 2023"), Some(DateProblem::ChristianYear(2023)));
        assert_eq!(p("13/13/2566"), Some(DateProblem::BadMonth(13)));
        assert!(parse_thai_date("ไม่ระบุ").span.is_none());

        let d = parse_thai_date("๓o กันยายน ๒๕๕o");
        assert!(d.latin_o);
        assert!(!parse_thai_date("30 กันยายน 2550").latin_o);
        let d = parse_thai_date("4 กรกฏาคม 2568");
        assert_eq!(d.month_variant, Some("กรกฏาคม"));
        assert_eq!(parse_thai_date("4 กรกฎาคม 2568").month_variant, None);
        let d = parse_thai_date("7 ก.ค. 68");
        assert!(d.short_year);
        assert_eq!((d.year, d.era), (Some(2568), Era::Unmarked));
        let d = parse_thai_date("21 มีนาคม พุทธศักราช 2560");
        assert_eq!(d.era, Era::Buddhist);
        // the problem reads as a sentence
        let msg = DateProblem::NoSuchDay {
            day: 31,
            month: 4,
            year: 2568,
        }
        .to_string();
        assert_eq!(msg, "there is no day 31 in เมษายน 2568");
    }

    #[test]
    fn tables_are_normalised() {
        let all = MONTHS
            .iter()
            .chain(MONTH_ABBREVIATIONS.iter())
            .copied()
            .chain(MONTH_VARIANTS.iter().map(|(w, _)| *w));
        for w in all {
            assert_eq!(crate::thai::normalize_line(w), w, "{w:?}");
        }
    }

    #[test]
    fn days_in_months() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2023, 4), 30);
        assert_eq!(days_in_month(2023, 13), 0);
    }
}

#[cfg(test)]
mod doc_examples {
    //! The examples that were doctests when this module was public.
    use super::*;

    #[test]
    fn parse_thai_date_example() {
        let d = parse_thai_date("๒๑ มีนาคม พุทธศักราช ๒๕๖๐");
        assert_eq!(d.iso.as_deref(), Some("2017-03-21"));
        let t = "4 ก.ค. 2568 เป็นต้นไป";
        let d = parse_thai_date(t);
        assert_eq!(
            (d.iso.as_deref(), d.text(t)),
            (Some("2025-07-04"), Some("4 ก.ค. 2568"))
        );
        assert_eq!(parse_thai_date("31 เมษายน 2568").iso, None);
    }
}
