//! Word automatic numbering (`word/numbering.xml`), rendered into labels.
//!
//! A paragraph with `numId` N at level `ilvl` L is numbered by the abstract
//! definition behind N: level L's counter advances (from `start`, or the `num`'s
//! `startOverride` for level L the first time that `num` is used at level L:
//! an override applies to its own level only, as Word resolves it — pandoc
//! writes an override of every level in every `num`, and a sub-list's `num`
//! must not restart the list around it), deeper levels restart
//! (as `lvlRestart` allows), and `lvlText` such as `%1.%2.%3` is filled with each
//! level's counter in that level's `numFmt` (decimal, Thai digits, Thai
//! letters, Thai counting words, letters, roman, bullets). Counters belong to
//! the abstract definition, so two `num`s sharing it continue one list, as
//! Word does. `numId` 0 means "no number".

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;

use super::xml::{attr, local, next, open_reader};
use crate::error::Result;
use crate::limits::Limits;

const LEVELS: usize = 9;

/// One level of an abstract numbering definition.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `lvlRestart`: restart after this (1-based) level; 0 = never.
    restart: Option<u32>,
    legal: bool,
    suffix: &'static str,
    ind_left: Option<i64>,
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: "decimal".to_string(),
            text: String::new(),
            restart: None,
            legal: false,
            suffix: " ",
            ind_left: None,
            style: None,
        }
    }
}

/// A `w:num`: which abstract definition, and its per-level overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Num {
    abstract_id: u32,
    start_overrides: HashMap<u8, u32>,
    level_overrides: HashMap<u8, Level>,
}

/// The numbering definitions of a document. An abstract definition holds
/// only the levels it defines (an empty `abstractNum` costs no levels); the
/// others read as `default_level`.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<u32, Vec<Level>>,
    nums: HashMap<u32, Num>,
    default_level: Level,
}

/// Where the parser is inside numbering.xml.
enum Scope {
    None,
    Abstract(u32),
    Num(u32),
}

impl Numbering {
    /// Read `word/numbering.xml`. Definitions (`abstractNum`, `num`, `lvl`)
    /// past [`Limits::max_numbering_definitions`] are an error: 1.5 million
    /// empty `abstractNum`s would otherwise take gigabytes.
    pub fn parse(path: &str, bytes: &[u8], limits: Limits) -> Result<Self> {
        const PART: &str = "word/numbering.xml";
        let mut reader = open_reader(path, PART, bytes)?;
        let mut out = Numbering::default();
        let mut scope = Scope::None;
        let mut level: Option<(u8, Level)> = None;
        let mut override_level: Option<u8> = None;
        let mut definitions = 0usize;
        loop {
            let event = next(path, PART, &mut reader)?;
            if let Event::Start(e) | Event::Empty(e) = &event
                && matches!(local(e), "abstractNum" | "num" | "lvl")
            {
                definitions += 1;
                if definitions > limits.max_numbering_definitions() {
                    return Err(limits.too_many_numbering_definitions(path));
                }
            }
            match event {
                Event::Start(e) | Event::Empty(e) => {
                    let val = || attr(&e, "val");
                    match local(&e) {
                        "abstractNum" => {
                            if let Some(id) = attr(&e, "abstractNumId").and_then(|v| v.parse().ok())
                            {
                                out.abstracts.entry(id).or_default();
                                scope = Scope::Abstract(id);
                            }
                        }
                        "num" => {
                            if let Some(id) = attr(&e, "numId").and_then(|v| v.parse().ok()) {
                                out.nums.insert(id, Num::default());
                                scope = Scope::Num(id);
                            }
                        }
                        "abstractNumId" => {
                            if let (Scope::Num(id), Some(a)) =
                                (&scope, val().and_then(|v| v.parse().ok()))
                                && let Some(n) = out.nums.get_mut(id)
                            {
                                n.abstract_id = a;
                            }
                        }
                        "lvlOverride" => {
                            override_level = attr(&e, "ilvl").and_then(|v| v.parse().ok())
                        }
                        "startOverride" => {
                            if let (Scope::Num(id), Some(l), Some(s)) =
                                (&scope, override_level, val().and_then(|v| v.parse().ok()))
                                && let Some(n) = out.nums.get_mut(id)
                            {
                                n.start_overrides.insert(l, s);
                            }
                        }
                        "lvl" => {
                            let ilvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            level = Some((ilvl, Level::default()));
                        }
                        name => {
                            if let Some((_, l)) = level.as_mut() {
                                read_level_prop(name, &e, l);
                            }
                        }
                    }
                }
                Event::End(e) => match e.local_name().into_inner() {
                    "lvl" => {
                        if let Some((ilvl, l)) = level.take() {
                            match &scope {
                                Scope::Abstract(id) => {
                                    let at = usize::from(ilvl);
                                    if let Some(levels) = out.abstracts.get_mut(id)
                                        && at < LEVELS
                                    {
                                        if levels.len() <= at {
                                            levels.resize(at + 1, Level::default());
                                        }
                                        if let Some(slot) = levels.get_mut(at) {
                                            *slot = l;
                                        }
                                    }
                                }
                                Scope::Num(id) => {
                                    if let Some(n) = out.nums.get_mut(id) {
                                        n.level_overrides.insert(override_level.unwrap_or(ilvl), l);
                                    }
                                }
                                Scope::None => {}
                            }
                        }
                    }
                    "lvlOverride" => override_level = None,
                    "abstractNum" | "num" => scope = Scope::None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    /// The level definition that applies to `num_id` at `ilvl`.
    fn level(&self, num_id: u32, ilvl: u8) -> Option<&Level> {
        let num = self.nums.get(&num_id)?;
        num.level_overrides.get(&ilvl).or_else(|| {
            let levels = self.abstracts.get(&num.abstract_id)?;
            if usize::from(ilvl) >= LEVELS {
                return None;
            }
            Some(levels.get(usize::from(ilvl)).unwrap_or(&self.default_level))
        })
    }

    /// Left indentation a numbering level gives its paragraphs (twips).
    pub fn indent(&self, num_id: u32, ilvl: u8) -> Option<i64> {
        self.level(num_id, ilvl)?.ind_left
    }

    /// Whether the label of `num_id` at `ilvl` (below the top) shows its own
    /// level's number only (`%2.` at level 1, as pandoc and LibreOffice write
    /// nested lists, every level printed `1.`): its depth is then in `ilvl`,
    /// not in the printed label.
    pub fn shows_own_level_only(&self, num_id: u32, ilvl: u8) -> bool {
        let Some(level) = self.level(num_id, ilvl) else {
            return false;
        };
        let own = char::from_digit(u32::from(ilvl) + 1, 10);
        let mut placeholders = level
            .text
            .split('%')
            .skip(1)
            .filter_map(|p| p.chars().next().filter(char::is_ascii_digit));
        ilvl > 0 && placeholders.next() == own && placeholders.next().is_none()
    }

    /// The level of `num_id` whose definition names paragraph style `style`.
    pub fn level_for_style(&self, num_id: u32, style: &str) -> Option<u8> {
        let num = self.nums.get(&num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        levels
            .iter()
            .position(|l| l.style.as_deref() == Some(style))
            .and_then(|p| u8::try_from(p).ok())
    }
}

fn read_level_prop(name: &str, e: &quick_xml::events::BytesStart<'_>, l: &mut Level) {
    let val = attr(e, "val");
    match name {
        "start" => l.start = val.and_then(|v| v.parse().ok()).unwrap_or(1),
        "numFmt" => l.format = val.unwrap_or_else(|| "decimal".to_string()),
        "lvlText" => l.text = val.unwrap_or_default(),
        "lvlRestart" => l.restart = val.and_then(|v| v.parse().ok()),
        "isLgl" => l.legal = val.is_none_or(|v| v != "0" && v != "false"),
        "suff" => {
            l.suffix = match val.as_deref() {
                Some("nothing") => "",
                _ => " ",
            }
        }
        "ind" => {
            l.ind_left = attr(e, "left")
                .or_else(|| attr(e, "start"))
                .and_then(|v| v.parse().ok())
        }
        "pStyle" => l.style = val,
        _ => {}
    }
}

/// Counters as the document is read.
#[derive(Debug, Default)]
pub struct NumberingState {
    /// Counter per abstract definition and level (`None` = not started).
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    /// The `num` that last (re)started each level of each abstract
    /// definition: a level restarted by a deeper-level rule starts again at
    /// that `num`'s `startOverride` (or the level's `start`).
    starters: HashMap<(u32, u8), u32>,
    /// (`num`, level) pairs already used: a level's override applies once,
    /// the first time its `num` numbers a paragraph at that level.
    used: HashSet<(u32, u8)>,
}

/// A label that would be longer than the longest line allowed: its length
/// in characters (at least).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong(pub usize);

impl NumberingState {
    /// The label of the next paragraph of `num_id` at level `ilvl`, and the
    /// separator after it; `None` for numId 0 or an unknown definition;
    /// [`TooLong`] when it would pass `max_chars` (a `start` of 4294967295 in
    /// `thaiLetters` is 97 million letters): it is never built.
    pub fn label(
        &mut self,
        numbering: &Numbering,
        num_id: u32,
        ilvl: u8,
        max_chars: usize,
    ) -> std::result::Result<Option<(String, &'static str)>, TooLong> {
        if num_id == 0 || usize::from(ilvl) >= LEVELS {
            return Ok(None);
        }
        let Some(num) = numbering.nums.get(&num_id) else {
            return Ok(None);
        };
        let abs = num.abstract_id;
        if self.used.insert((num_id, ilvl)) && num.start_overrides.contains_key(&ilvl) {
            self.starters.insert((abs, ilvl), num_id);
            if let Some(c) = self
                .counters
                .get_mut(&abs)
                .and_then(|c| c.get_mut(usize::from(ilvl)))
            {
                *c = None;
            }
        }
        let Some(level) = numbering.level(num_id, ilvl) else {
            return Ok(None);
        };
        let start_of = |state: &Self, l: u8| {
            let starter = state.starters.get(&(abs, l)).copied().unwrap_or(num_id);
            numbering
                .nums
                .get(&starter)
                .and_then(|n| n.start_overrides.get(&l))
                .copied()
                .or_else(|| numbering.level(num_id, l).map(|d| d.start))
                .unwrap_or(1)
        };
        let current = self
            .counters
            .get(&abs)
            .and_then(|c| c.get(usize::from(ilvl)))
            .copied()
            .flatten();
        let value = match current {
            Some(v) => v.saturating_add(1),
            None => start_of(self, ilvl),
        };
        let counters = self.counters.entry(abs).or_insert([None; LEVELS]);
        if let Some(c) = counters.get_mut(usize::from(ilvl)) {
            *c = Some(value);
        }
        // deeper levels restart, unless their lvlRestart says otherwise
        for deeper in usize::from(ilvl) + 1..LEVELS {
            let restart = u8::try_from(deeper)
                .ok()
                .and_then(|d| numbering.level(num_id, d))
                .and_then(|d| d.restart);
            let restarts = restart.is_none_or(|r| r != 0 && u32::from(ilvl) < r);
            if restarts && let Some(c) = counters.get_mut(deeper) {
                *c = None;
            }
        }
        let counters = *counters;
        let mut text = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(k)) if (1..=9).contains(&k) => {
                    chars.next();
                    let l = u8::try_from(k - 1).unwrap_or(0);
                    let v = counters
                        .get(usize::from(l))
                        .copied()
                        .flatten()
                        .unwrap_or_else(|| start_of(self, l));
                    let format = if level.legal {
                        "decimal"
                    } else {
                        numbering
                            .level(num_id, l)
                            .map_or("decimal", |d| d.format.as_str())
                    };
                    let left = max_chars.saturating_sub(text.len());
                    match format_number(v, format, left) {
                        Ok(n) => text.push_str(&n),
                        Err(n) => return Err(TooLong(text.chars().count().saturating_add(n))),
                    }
                }
                _ => text.push(bullet(c)),
            }
            // bytes ≥ characters: only a long label needs counting
            if text.len() > max_chars && text.chars().count() > max_chars {
                return Err(TooLong(text.chars().count()));
            }
        }
        if level.format == "none" && !level.text.contains('%') && level.text.is_empty() {
            return Ok(None);
        }
        Ok(Some((text, level.suffix)))
    }
}

/// Symbol-font bullets (private use area) shown as •.
fn bullet(c: char) -> char {
    match c {
        '\u{F000}'..='\u{F0FF}' => '•',
        c => c,
    }
}

const THAI_LETTERS: &str = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ";

/// A counter value in a `numFmt`; `Err(length)` when it would be longer than
/// `max_chars` characters (letters repeat and roman numerals grow with the
/// value: they are measured before they are built).
pub fn format_number(v: u32, format: &str, max_chars: usize) -> std::result::Result<String, usize> {
    let grows = match format {
        "thaiLetters" => Some(v / THAI_LETTERS_COUNT + 1),
        "lowerLetter" | "upperLetter" => Some(v / 26 + 1),
        "lowerRoman" | "upperRoman" => Some(v / 1000 + 15),
        _ => None,
    };
    if let Some(n) = grows.map(|n| usize::try_from(n).unwrap_or(usize::MAX))
        && n > max_chars
    {
        return Err(n);
    }
    let s = match format {
        "thaiNumbers" => crate::thai::digits::to_thai(&v.to_string()),
        "thaiLetters" => letters(v, THAI_LETTERS),
        "thaiCounting" => thai_counting(v),
        "lowerLetter" => letters(v, "abcdefghijklmnopqrstuvwxyz"),
        "upperLetter" => letters(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        "lowerRoman" => roman(v).to_lowercase(),
        "upperRoman" => roman(v),
        "decimalZero" => format!("{v:02}"),
        "none" | "bullet" => String::new(),
        _ => v.to_string(),
    };
    Ok(s)
}

/// How many letters [`THAI_LETTERS`] has.
const THAI_LETTERS_COUNT: u32 = 41;

/// Letter numbering: a, b, … z, aa, bb, … (Word repeats the letter).
fn letters(v: u32, alphabet: &str) -> String {
    let set: Vec<char> = alphabet.chars().collect();
    let n = u32::try_from(set.len()).unwrap_or(1).max(1);
    let v = v.max(1) - 1;
    let c = set.get((v % n) as usize).copied().unwrap_or('?');
    std::iter::repeat_n(c, (v / n + 1) as usize).collect()
}

fn roman(mut v: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (n, r) in TABLE {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

/// Thai counting words (หนึ่ง, สอง, … สิบเอ็ด, ยี่สิบ, … หนึ่งร้อย).
fn thai_counting(v: u32) -> String {
    let word = |d: u32| {
        d.checked_sub(1)
            .and_then(|i| crate::thai::lexicon::DIGIT_WORDS.get(i as usize))
            .copied()
            .unwrap_or("")
    };
    if v == 0 {
        return "ศูนย์".to_string();
    }
    let mut s = String::new();
    let (h, t, u) = (v / 100, (v / 10) % 10, v % 10);
    if h > 0 {
        s.push_str(&thai_counting(h));
        s.push_str("ร้อย");
    }
    match t {
        0 => {}
        1 => s.push_str("สิบ"),
        2 => s.push_str("ยี่สิบ"),
        t => {
            s.push_str(word(t));
            s.push_str("สิบ");
        }
    }
    if u == 1 && (t > 0 || h > 0) {
        s.push_str("เอ็ด");
    } else {
        s.push_str(word(u));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let f = |v, fmt| format_number(v, fmt, 100).unwrap_or_default();
        assert_eq!(f(12, "thaiNumbers"), "๑๒");
        assert_eq!(f(3, "thaiLetters"), "ค");
        assert_eq!(f(21, "thaiCounting"), "ยี่สิบเอ็ด");
        assert_eq!(f(11, "thaiCounting"), "สิบเอ็ด");
        assert_eq!(f(1, "thaiCounting"), "หนึ่ง");
        assert_eq!(f(28, "lowerLetter"), "bb");
        assert_eq!(f(14, "upperRoman"), "XIV");
        assert_eq!(f(7, "decimalZero"), "07");
        assert!(!f(4_294_967_295, "thaiCounting").is_empty());
    }

    #[test]
    fn long_labels_are_measured_before_they_are_built() {
        assert_eq!(THAI_LETTERS.chars().count() as u32, THAI_LETTERS_COUNT);
        assert_eq!(
            format_number(u32::MAX, "thaiLetters", 100_000),
            Err(104_755_300)
        );
        assert!(format_number(u32::MAX, "upperRoman", 100_000).is_err());
        assert_eq!(format_number(26 * 5, "lowerLetter", 5), Err(6));
        assert_eq!(
            format_number(26 * 4 + 1, "lowerLetter", 5).as_deref(),
            Ok("aaaaa")
        );
    }
}
