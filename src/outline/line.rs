//! What a single normalised line is: a header line, a heading, a clause start,
//! an inline list of names, or running text; and how wrapped lines join.

use super::ParaKind;
use crate::thai::digits::{digit_value, parse_number};
use crate::thai::find::contains;
use crate::thai::is_thai_letter;
use crate::thai::lexicon::{
    BODY_WORDS, COMMITTEE_ROLES, DOCUMENT_WORDS, ISSUER_STARTS, POSITION_WORD, PREAMBLE_STARTS,
    SUBJECT_WORD, SUBSTITUTE_STARTS, TITLE_BULLETS, UNIT_STARTS, is_steps_heading, starts_position,
    starts_with_any, title_at, whole_role,
};

/// Longest line (in characters) taken as a heading or office line.
const MAX_HEADING_CHARS: usize = 80;

/// Join a wrapped line onto the text it continues. Between two Thai letters no
/// space, since Thai writes words together and the break fell inside a phrase or
/// a word (`สำนักงานเขตพื้นที่` + `การศึกษา`) — unless the wrapped line ended in
/// exactly one typed space (`typed_space`), which marks a phrase boundary the
/// writer typed (`ขั้นพื้นฐาน ` + `หลักเกณฑ์`); longer runs of trailing spaces are
/// layout padding and say nothing. Next to Latin letters, digits, brackets, ฯ
/// or ๆ always one space.
pub fn join_wrapped(text: &mut String, next: &str, typed_space: bool) {
    if next.is_empty() {
        return;
    }
    let glue = match (text.chars().next_back(), next.chars().next()) {
        (None, _) => false,
        (Some(a), Some(b)) => {
            typed_space
                || !(is_thai_letter(a) && is_thai_letter(b))
                || awaits_family_name(text, next)
                || name_then_post(text, next)
                || starts_own_phrase(next)
                || role_alone_after(text, next)
        }
        _ => false,
    };
    if glue {
        text.push(' ');
    }
    text.push_str(next);
}

/// Whether `text` ends in a titled given name (`… จึงให้ นางสาวพรรณวดี`,
/// `(นางอัมพร`) and `next` starts with a word a name may go on with: the
/// line broke between the given and the family name, where the writer had a
/// space.
fn awaits_family_name(text: &str, next: &str) -> bool {
    let first = next.split(' ').next().unwrap_or("");
    if !crate::thai::lexicon::may_continue_name(first.trim_end_matches(')')) {
        return false;
    }
    let given_alone = |name: &str| {
        crate::thai::names::split_name(name)
            .is_some_and(|n| n.family.is_none() && n.rest.is_empty())
    };
    let mut words = text.rsplit(' ');
    let last = words.next().unwrap_or("");
    let last = last.rsplit('(').next().unwrap_or(last);
    if given_alone(last) {
        return true;
    }
    // the title a word of its own (`… (นาง อัมพร`)
    words.next().is_some_and(|t| {
        let t = t.rsplit('(').next().unwrap_or(t);
        title_at(t).is_some_and(|w| w.len() == t.len()) && given_alone(&format!("{t} {last}"))
    })
}

/// Whether `text` ends in a whole titled name (`… ได้แต่งตั้ง นางสุดา อิ่มเอิบ`)
/// and `next` starts with a post (`นักวิชาการสาธารณสุข…`, `ตำแหน่ง…`) or a
/// committee role (`กรรมการบริหารและผู้ช่วยเหรัญญิก`): the line broke between
/// the name and the next cell, where the writer had a space.
fn name_then_post(text: &str, next: &str) -> bool {
    let first = next.split(' ').next().unwrap_or("");
    // (most wraps go on with no post or role: nothing to look up)
    if !(starts_position(first)
        || first.starts_with(POSITION_WORD)
        || starts_with_any(first, COMMITTEE_ROLES).is_some()
        || starts_with_any(first, BODY_WORDS).is_some()
        // (a word no name goes on with: `รองนายแพทย์สาธารณสุขจังหวัด…`)
        || !crate::thai::lexicon::may_continue_name(first))
    {
        return false;
    }
    ends_in_whole_name(text)
}

/// Words a role's name may be cut after (`ผู้ช่วย` / `เลขานุการ`, `รอง` /
/// `ประธานกรรมการ`): the line after goes on with the same word.
const ROLE_PREFIXES: &[&str] = &["ผู้ช่วย", "รอง"];

/// Whether `next` is a committee role alone (`กรรมการ`) under a line that is
/// finished (`1.2 ปลัดสำนักนายกรัฐมนตรี` / `กรรมการ`): the member's role cell,
/// typed on the line under the seat, a word of its own.
fn role_alone_after(text: &str, next: &str) -> bool {
    whole_role(next).is_some()
        && !unfinished(text)
        && !ROLE_PREFIXES.iter().any(|p| text.ends_with(p))
}

/// "Of", the word inside a two-word family name (`ณ อยุธยา`, `สนิทวงศ์ ณ
/// อยุธยา`).
const FAMILY_OF: &str = "ณ";

/// Whether `text` ends in a whole titled name: its last two words (`…
/// นางสุดา อิ่มเอิบ`, after an open bracket too), three with a title of its
/// own before them (`พลอากาศตรี จักรพงษ์ หอมไกรลาศ`), and one more for a
/// family name with `ณ` (`ดร.สุรเชษฐ์ ณ นคร`), nothing after the name.
fn ends_in_whole_name(text: &str) -> bool {
    let words: Vec<&str> = text.rsplit(' ').take(5).collect();
    // a monk's name is whole without a family name (`พระครูประภัสสรธรรมคุณ`,
    // `พระมหาสมศักดิ์ ปญฺญาวโร`)
    let monk = |tail: &str| {
        let tail = tail.rsplit_once('(').map_or(tail, |(_, t)| t);
        crate::thai::names::split_name(tail).is_some_and(|n| {
            crate::thai::lexicon::MONASTIC_TITLES.contains(&n.title) && n.rest.is_empty()
        })
    };
    if words.first().is_some_and(|w| monk(w))
        || (words.len() >= 2
            && text
                .len()
                .checked_sub(words.iter().take(2).map(|w| w.len() + 1).sum::<usize>() - 1)
                .and_then(|i| text.get(i..))
                .is_some_and(monk))
    {
        return true;
    }
    (2..=words.len()).any(|k| {
        let Some(first) = words.get(k - 1) else {
            return false;
        };
        let first = first.rsplit('(').next().unwrap_or(first);
        let Some(title) = title_at(first) else {
            return false;
        };
        // words of the name itself: the given name and the family name
        let own_title = title.len() == first.len();
        let name_words = k - usize::from(own_title);
        let of = words.iter().take(k).any(|w| *w == FAMILY_OF);
        if name_words != 2 + usize::from(of) {
            return false;
        }
        // (the k words and the k - 1 spaces between them end the text)
        let taken: usize = words.iter().take(k).map(|w| w.len() + 1).sum();
        let Some(tail) = (text.len() + 1)
            .checked_sub(taken)
            .and_then(|i| text.get(i..))
        else {
            return false;
        };
        let tail = tail.rsplit_once('(').map_or(tail, |(_, t)| t);
        crate::thai::names::split_name(tail)
            .is_some_and(|n| n.family.is_some() && n.rest.is_empty())
    })
}

/// Words a wrapped line may start with that open a phrase of their own,
/// never the rest of a word cut at the line's end: "from (the date)"
/// (ตั้งแต่วันที่…), "during" (ในระหว่าง…).
const PHRASE_STARTS: &[&str] = &["ตั้งแต่", "ในระหว่าง"];

/// Whether `next` starts a phrase of its own after a wrap: a word of
/// [`PHRASE_STARTS`], or a titled whole name, alone or after "and"/"or"
/// (`และนายอดิเรก สายสุข`): a name never goes on with the word before it.
fn starts_own_phrase(next: &str) -> bool {
    if starts_with_any(next, PHRASE_STARTS).is_some() {
        return true;
    }
    let name = starts_with_any(next, &["และ", "หรือ"]).map_or(next, |w| &next[w.len()..]);
    title_at(name).is_some()
        && crate::thai::names::split_name(name).is_some_and(|n| n.family.is_some())
}

/// Whether a line that the writer began as a paragraph of its own (a .docx
/// `w:p`, see [`crate::read::ParaStart`]) starts something that is never the
/// rest of the paragraph before it (`before`: the open item's or entry's
/// text): a titled name (`นายสมชาย ใจดี…`: a new person), a seat or post
/// whose last cell is a role (`อธิการบดี⇥ที่ปรึกษา`: a new member) or a
/// body's name (`คณะกรรมการ…`). Word wraps lines itself, so such a paragraph
/// is never a wrap. A post (`ตำแหน่ง…`) or a role alone (`กรรมการ`,
/// `คณะทำงาน`: a working group's member, though it is a body's word) is the
/// next cell of the entry before it and joins it, with a space; so does
/// every paragraph after an unfinished one (see [`unfinished`]: text pasted
/// from a wrapped .txt), and a post with its role cell after a name alone
/// (`๑. นายก ข` / `รองนายแพทย์…⇥ประธานกรรมการ`: the member's post and role).
/// Labels, headings and header lines are told apart before any join.
pub fn starts_own_paragraph(line: &crate::read::Line, before: Option<&str>) -> bool {
    if line.para_start != crate::read::ParaStart::Paragraph {
        return false;
    }
    let text = line.text.as_str();
    if crate::thai::names::split_name(text).is_some() {
        return true;
    }
    if before.is_some_and(unfinished) || whole_role(text).is_some() {
        return false;
    }
    let name_alone = before.is_some_and(|b| {
        crate::thai::names::split_name(b.trim())
            .is_some_and(|n| n.family.is_some() && n.rest.is_empty())
    });
    (ends_in_role_cell(line) && !name_alone) || starts_with_any(text, BODY_WORDS).is_some()
}

/// Words a text never ends with when it is finished ("and", "or"; "(hold
/// the) post (of)" and "as", whose post follows): the paragraph after goes
/// on with it (`… กรรมการและ` / `ผู้ช่วยเลขานุการ`, `… ให้ดำรงตำแหน่ง` /
/// `ศาสตราจารย์ ในสาขาวิชา…`: a title word there starts the post, not a name).
const DANGLING_ENDS: &[&str] = &["และ", "หรือ", ",", "ตำแหน่ง", "เป็น"];

/// Whether `text` stops where it cannot end: a bracket left open
/// (`ผู้อำนวยการกอง… (นางอัมพร` / `เจริญสุข)⇥รองประธานคณะทำงาน`) or a
/// word of [`DANGLING_ENDS`].
pub fn unfinished(text: &str) -> bool {
    let t = text.trim_end();
    t.matches('(').count() > t.matches(')').count() || DANGLING_ENDS.iter().any(|w| t.ends_with(w))
}

/// Whether the last cell of a line (after a wide gap or tab) is a committee
/// role: `อธิการบดี      ที่ปรึกษา`.
pub fn ends_in_role_cell(line: &crate::read::Line) -> bool {
    line.gaps
        .last()
        .and_then(|&g| line.text.get(g..))
        .is_some_and(|cell| whole_role(cell).is_some())
}

/// "Page", before a page number typed into the text.
const PAGE_WORD: &str = "หน้า";

/// Words that may follow a name on a person line: "holding the post of",
/// "as", "post".
const PERSON_LINE_FOLLOWERS: &[&str] = &["ดำรงตำแหน่ง", "เป็น", "ตำแหน่ง", "("];

/// Whether an unnumbered line names a person first (see
/// [`ParaKind::Entry`]), and whether the text after the name is a cell
/// that may wrap onto the next line (nothing, or a gap-separated post).
/// `None` when it is not a person line.
pub fn person_line(line: &crate::read::Line) -> Option<bool> {
    let (text, base) = match row_number_cell(line) {
        Some(start) => (line.text.get(start..)?, start),
        None => (line.text.as_str(), 0),
    };
    let n = crate::thai::names::split_name(text)?;
    n.family?;
    let name_end = text.len().checked_sub(n.rest.len())?;
    if n.rest.is_empty() {
        return Some(true);
    }
    // a table row: the row number, then a cell that starts with a name
    if base > 0 {
        return Some(false);
    }
    // a wide gap (or tab) right after the name: the next cell
    let name_end = name_end + base;
    let gap = line
        .gaps
        .iter()
        .any(|&g| g <= name_end + 1 && g + 1 >= name_end);
    if gap {
        return Some(true);
    }
    let rest = n.rest.trim_start();
    // `นายสุชาติ ทองมาก ประธานกรรมการ`, `นายก ข ครู กรรมการ`: a member's line
    // complete with its role at the end
    if ends_with_role(rest) {
        return Some(false);
    }
    starts_with_any(rest, PERSON_LINE_FOLLOWERS).map(|w| w != "(")
}

/// Whether the text ends with a whole committee role starting at a word
/// (`… ประธานกรรมการ`, `… รองประธานกรรมการ คนที่ ๑`).
pub fn ends_with_role(text: &str) -> bool {
    whole_role(text).is_some()
        || text
            .match_indices(' ')
            .any(|(i, _)| text.get(i + 1..).is_some_and(|t| whole_role(t).is_some()))
}

/// Where the row's own text starts when the first cell of a line is a bare
/// row number (`1⇥นายก ข⇥…`: a table row, its cells joined by tabs or wide
/// gaps): the second cell, or the cell after the code cells that follow the
/// number (`๑⇥๖๕๑๑๒๒๐๐๑๔⇥นางสาวก ข⇥…`: a student ID).
pub fn row_number_cell(line: &crate::read::Line) -> Option<usize> {
    let &first_gap = line.gaps.first()?;
    let cell = line.text.get(..first_gap)?.trim();
    if cell.is_empty() || !cell.chars().all(crate::thai::digits::is_digit) {
        return None;
    }
    let mut start = first_gap;
    for &g in line.gaps.iter().skip(1) {
        if line.text.get(start..g).is_some_and(|c| is_code(c.trim())) {
            start = g;
        } else {
            break;
        }
    }
    Some(start)
}

/// Longest code (an ID a table writes before the name), in characters.
const MAX_CODE_CHARS: usize = 20;

/// Whether a cell is a code, not text: digits (and dashes, dots, slashes,
/// Latin letters) without a Thai letter, at most [`MAX_CODE_CHARS`] long
/// (`๖๕๑๑๒๒๐๐๑๔`, `3-1001-00234-56-7`, `B6412345`).
pub fn is_code(cell: &str) -> bool {
    let n = cell.chars().count();
    n > 0
        && n <= MAX_CODE_CHARS
        && cell.chars().any(crate::thai::digits::is_digit)
        && cell.chars().all(|c| {
            crate::thai::digits::is_digit(c) || c.is_ascii_alphanumeric() || "-./".contains(c)
        })
}

/// Fewest digits of an ID written before a name in a numbered item (`๑.
/// ๖๓๑๒๑๐๑๐๑๐๕ นางสาวก ข`): student IDs run 10–13 digits, citizen IDs 13,
/// staff and post numbers 5–7; a shorter number there may be a count or a
/// room, not the person's code.
const MIN_ID_DIGITS: usize = 5;

/// Whether a word is a person's ID written before their name: a code
/// ([`is_code`]) of at least [`MIN_ID_DIGITS`] digits.
pub fn is_id_code(word: &str) -> bool {
    is_code(word)
        && word
            .chars()
            .filter(|&c| crate::thai::digits::is_digit(c))
            .count()
            >= MIN_ID_DIGITS
}

/// A page number typed into the text at a page foot or head: `- 2 -`,
/// `-๒-`, `หน้า 2`, `หน้า 2/5`.
pub fn is_page_artefact(text: &str) -> bool {
    let digits = |s: &str| {
        let s = s.trim();
        !s.is_empty()
            && s.chars()
                .all(|c| c == '/' || crate::thai::digits::is_digit(c))
            && s.chars().next().is_some_and(crate::thai::digits::is_digit)
    };
    if let Some(inner) = text.strip_prefix('-').and_then(|t| t.strip_suffix('-')) {
        return digits(inner);
    }
    text.strip_prefix(PAGE_WORD).is_some_and(digits)
}

/// A catchword at the foot of a page: the next page's first words after a
/// slash, cut off by dots (`/๔. นายพีรพล...`, `/ข้อ ๓…`), as Thai documents
/// cue the page to come. The page repeats them whole.
pub fn is_catchword(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('/') else {
        return false;
    };
    let cue = rest.trim_end_matches(['.', '…']).trim();
    (rest.ends_with("..") || rest.ends_with('…'))
        && !cue.is_empty()
        && !cue.starts_with('/')
        && is_heading_length(cue)
}

/// Whether a line is short enough to be a heading (a subject, an office, a
/// group name): at most [`MAX_HEADING_CHARS`] characters.
pub fn is_heading_length(text: &str) -> bool {
    is_heading_chars(text.chars().count())
}

/// Whether `chars` characters are few enough for a heading (see
/// [`is_heading_length`]).
pub fn is_heading_chars(chars: usize) -> bool {
    chars <= MAX_HEADING_CHARS
}

/// A rule line: only `-`, `_`, `=`, `*`, `~`, `.`, dashes, box-drawing lines
/// or ellipses (`…………`, as a word processor's AutoCorrect turns `...` into),
/// at least three of them; or one or two ellipses among dots (`…….`).
pub fn is_rule(text: &str) -> bool {
    let marks = text.chars().filter(|c| *c != ' ').count();
    let ellipses = text.chars().filter(|c| *c == '…').count();
    (marks >= 3 || (ellipses > 0 && marks >= 2))
        && text.chars().all(|c| {
            matches!(
                c,
                '-' | '_' | '=' | '*' | '~' | '.' | ' ' | '…' | '–' | '—' | '─' | '━'
            )
        })
}

/// Kind of an unnumbered line in the header zone (before the first item), or
/// `None` when it is running text. `preamble_started` says whether running text
/// has already begun (then office-like lines are text: they are wraps).
pub fn header_line_kind(text: &str, preamble_started: bool) -> Option<ParaKind> {
    if is_rule(text) {
        return Some(ParaKind::Rule);
    }
    if text.starts_with(SUBJECT_WORD) {
        return Some(ParaKind::Subject);
    }
    if starts_with_any(text, PREAMBLE_STARTS).is_some() {
        return None;
    }
    if is_title_line(text, preamble_started) {
        return Some(ParaKind::OrderTitle);
    }
    if is_order_number(text) {
        return Some(ParaKind::OrderNumber);
    }
    if !preamble_started
        && text.chars().count() <= MAX_HEADING_CHARS
        && (starts_with_any(text, ISSUER_STARTS).is_some()
            || starts_with_any(text, UNIT_STARTS).is_some())
    {
        return Some(ParaKind::Office);
    }
    None
}

/// A title line: `คำสั่ง…` anywhere in the header zone, `ประกาศ…` before the
/// preamble begins (later, `ประกาศ…` is running text; `ประกาศ ณ วันที่` is the
/// date line), with or without a bullet in front.
pub fn is_title_line(text: &str, preamble_started: bool) -> bool {
    let t = text.trim_start_matches(TITLE_BULLETS);
    match starts_with_any(t, DOCUMENT_WORDS) {
        Some("คำสั่ง") => true,
        Some(_) => !preamble_started && !is_signed_line(t),
        None => false,
    }
}

/// `ที่ 123/2566`, `ที่ ๑๖/๒๕๖๐`, `ที่ ศธ 04044/123`.
/// Longest registry prefix of an order number, in characters (`สป`, `ศธ`,
/// `นร.`: a ministry's or unit's initials).
const MAX_REGISTRY_PREFIX_CHARS: usize = 4;

/// Whether `text` starts an order's number: `ที่ 12/2567`, `ที่ สป ๑๒๐๕/๒๕๖๗`, or
/// a number left blank for the registry (`ที่ ......../2561`).
pub fn is_order_number(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("ที่") else {
        return false;
    };
    let mut rest = rest.trim_start();
    // a unit's registry prefix before the number (`ที่ สป ๑๒๐๕/๒๕๖๗`: a short
    // word of Thai letters, with or without dots)
    if rest.len() < text.len() - "ที่".len()
        && let Some((prefix, after)) = rest.split_once(' ')
        && (1..=MAX_REGISTRY_PREFIX_CHARS).contains(&prefix.chars().count())
        && prefix.chars().all(|c| is_thai_letter(c) || c == '.')
    {
        rest = after.trim_start();
    }
    // `ที่ 12/2567`, or a number left blank for the registry: `ที่ ......../2561`
    rest.len() < text.len()
        && rest
            .chars()
            .next()
            .is_some_and(|c| digit_value(c).is_some() || matches!(c, '.' | '…' | '_'))
        && rest.contains('/')
}

/// Kind of an unnumbered line in the body, when it is not running text.
/// Indentation plays no part: a work-group heading is known by its words and,
/// in the tree builder, by the person line under it (next year's order may
/// indent it differently).
pub fn body_line_kind(text: &str) -> Option<ParaKind> {
    if is_rule(text) {
        return Some(ParaKind::Rule);
    }
    if is_steps_heading(text) {
        return Some(ParaKind::StepsHeading);
    }
    if starts_with_any(text, SUBSTITUTE_STARTS).is_some() {
        return Some(ParaKind::Substitute);
    }
    if is_part_heading(text) {
        return Some(ParaKind::Part);
    }
    if is_signed_line(text) {
        return Some(ParaKind::Signed);
    }
    if text.starts_with("ทั้งนี้") && (contains(text, "ตั้งแต่") || contains(text, "เป็นต้นไป"))
    {
        return Some(ParaKind::Effective);
    }
    if text.chars().count() <= MAX_HEADING_CHARS
        && starts_with_any(text, &["กลุ่มงาน", "กลุ่ม", "ฝ่าย"]).is_some()
        && text.matches(' ').count() <= 3
    {
        return Some(ParaKind::WorkGroup);
    }
    None
}

/// `ส่วนที่ 2`, `ส่วนที่ ๒ นิยาม`, `หมวด 1`, `บทเฉพาะกาล`: a part heading.
pub fn is_part_heading(text: &str) -> bool {
    if text == "บทเฉพาะกาล" {
        return true;
    }
    let Some(rest) = starts_with_any(text, &["ส่วนที่", "หมวดที่", "หมวด"]).map(|w| &text[w.len()..])
    else {
        return false;
    };
    let rest = rest.trim_start();
    rest.chars()
        .next()
        .is_some_and(|c| digit_value(c).is_some())
        && text.chars().count() <= MAX_HEADING_CHARS
}

pub use crate::thai::lexicon::is_signed_line;

/// One entry of an inline name list: `3.นางสุภัทรา บูรณารมย์`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    /// Label as written ("3.").
    pub label: String,
    /// Its value (3).
    pub value: u32,
    /// The name text (title, given name, family name and whatever follows up to
    /// the next entry).
    pub name: String,
}

/// Entries `N. <title>name` found in a line, where each label is at the start
/// of the line or after a space. Returns all entries only if the first one is
/// at the very start of the line.
pub fn name_entries(text: &str) -> Vec<NameEntry> {
    // (label start, value, name start)
    let mut found: Vec<(usize, u32, usize, String)> = Vec::new();
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if prev_space && digit_value(c).is_some() {
            let digits_end = text[i..]
                .find(|ch: char| digit_value(ch).is_none())
                .map_or(text.len(), |j| i + j);
            if text[digits_end..].starts_with('.') {
                let after = &text[digits_end + 1..];
                let trimmed = after.trim_start();
                if title_at(trimmed).is_some()
                    && let Some(v) = parse_number(&text[i..digits_end])
                {
                    let name_start = text.len() - trimmed.len();
                    found.push((i, v, name_start, text[i..digits_end + 1].to_string()));
                }
            }
        }
        if found.is_empty() {
            // the first entry must be at the very start
            return Vec::new();
        }
        prev_space = c == ' ';
    }
    if found.first().map(|f| f.0) != Some(0) {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(found.len());
    for (k, (_, value, name_start, label)) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(text.len(), |n| n.0);
        out.push(NameEntry {
            label: label.clone(),
            value: *value,
            name: text[*name_start..end].trim().to_string(),
        });
    }
    out
}

/// True when the entries count up by one from `first`.
pub fn consecutive_from(entries: &[NameEntry], first: u32) -> bool {
    entries
        .iter()
        .enumerate()
        .all(|(k, e)| u32::try_from(k).ok().and_then(|k| first.checked_add(k)) == Some(e.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_of_dots_dashes_and_ellipses() {
        for rule in [
            "-----",
            "…………………",
            "…………………………………………….",
            "___ ___",
            "──────",
            "….",
        ] {
            assert!(is_rule(rule), "{rule}");
        }
        for text in ["-", "..", "เรื่อง ……", "- ๒ -", "1..."] {
            assert!(!is_rule(text), "{text}");
        }
    }

    #[test]
    fn wrapped_lines_join_by_script() {
        let mut s = String::from("ที่เกี่ยวข้องกับ");
        join_wrapped(&mut s, "กลุ่มนโยบายและแผน", false);
        assert_eq!(s, "ที่เกี่ยวข้องกับกลุ่มนโยบายและแผน");
        let mut s = String::from("โดยใช้เทคนิคของ School");
        join_wrapped(&mut s, "Mapping", false);
        assert_eq!(s, "โดยใช้เทคนิคของ School Mapping");
        let mut s = String::from("เป็นสำคัญ");
        join_wrapped(&mut s, "( STRATEGIC", false);
        assert_eq!(s, "เป็นสำคัญ ( STRATEGIC");
        let mut s = String::from("ระบบเครือข่ายฯ");
        join_wrapped(&mut s, "ที่อาจ", false);
        assert_eq!(s, "ระบบเครือข่ายฯ ที่อาจ");
    }

    #[test]
    fn a_name_cut_between_its_given_and_family_name_keeps_its_space() {
        // held-out h29 (running text) and h25 (inside brackets)
        for (a, b, want) in [
            (
                "จึงให้ นางสาวพรรณวดี",
                "เกียรติสกุล รองปลัด",
                "จึงให้ นางสาวพรรณวดี เกียรติสกุล รองปลัด",
            ),
            (
                "ผู้อำนวยการกอง (นางอัมพร",
                "เจริญสุข)",
                "ผู้อำนวยการกอง (นางอัมพร เจริญสุข)",
            ),
            // a post or a role after the given name is no family name (a
            // role alone is a word of its own all the same), and a word cut
            // after a title word is no name at all
            ("ให้ นายสมชาย", "กรรมการ", "ให้ นายสมชาย กรรมการ"),
            ("ให้ นายสมชาย", "กรรมการบริหาร", "ให้ นายสมชายกรรมการบริหาร"),
            ("ตามมติของนายก", "รัฐมนตรี", "ตามมติของนายกรัฐมนตรี"),
            // a role after a whole name is its next cell (corpus 020,
            // wrapped at another width)
            (
                "๒๕. พลอากาศตรี จักรพงษ์ หอมไกรลาศ",
                "กรรมการบริหารและผู้ช่วยเหรัญญิก",
                "๒๕. พลอากาศตรี จักรพงษ์ หอมไกรลาศ กรรมการบริหารและผู้ช่วยเหรัญญิก",
            ),
            // … or a word no name goes on with (held-out h53, its role on
            // a line of its own)
            (
                "๑. นายแพทย์ปรีชา วงศ์ไทย",
                "รองนายแพทย์สาธารณสุขจังหวัดราชบุรี (ด้านเวชกรรมป้องกัน)",
                "๑. นายแพทย์ปรีชา วงศ์ไทย รองนายแพทย์สาธารณสุขจังหวัดราชบุรี (ด้านเวชกรรมป้องกัน)",
            ),
            // … but a family name cut in two goes on without one
            ("๒. นายสมชาย วงศ์", "ไทยแท้", "๒. นายสมชาย วงศ์ไทยแท้"),
            // … a family name of two words (held-out h02, wrapped)
            (
                "๔. ดร.สุรเชษฐ์ ณ นคร",
                "กรรมการผู้ทรงคุณวุฒิภายนอก",
                "๔. ดร.สุรเชษฐ์ ณ นคร กรรมการผู้ทรงคุณวุฒิภายนอก",
            ),
            // a name after "and" starts a phrase of its own (held-out h86)
            (
                "นางสาวรัชดา วงศ์ใหญ่",
                "และนายอดิเรก สายสุข",
                "นางสาวรัชดา วงศ์ใหญ่ และนายอดิเรก สายสุข",
            ),
            // so does a date phrase (corpus 024, wrapped)
            (
                "สังกัดคณะนิเทศศาสตร์ จุฬาลงกรณ์มหาวิทยาลัย",
                "ตั้งแต่วันที่ ๑๔ พฤษภาคม ๒๕๕๘",
                "สังกัดคณะนิเทศศาสตร์ จุฬาลงกรณ์มหาวิทยาลัย ตั้งแต่วันที่ ๑๔ พฤษภาคม ๒๕๕๘",
            ),
        ] {
            let mut s = a.to_string();
            join_wrapped(&mut s, b, false);
            assert_eq!(s, want);
        }
    }

    #[test]
    fn a_role_alone_on_the_next_line_is_a_word_of_its_own() {
        // corpus 015 with its roles typed under the seats
        for (a, b, want) in [
            (
                "1.2 ปลัดสำนักนายกรัฐมนตรี",
                "กรรมการ",
                "1.2 ปลัดสำนักนายกรัฐมนตรี กรรมการ",
            ),
            (
                "ผู้อำนวยการสำนักงาน",
                "กรรมการและเลขานุการ",
                "ผู้อำนวยการสำนักงาน กรรมการและเลขานุการ",
            ),
            // a role cut inside its name stays one word
            (
                "๕. นายก ข กรรมการและ",
                "เลขานุการ",
                "๕. นายก ข กรรมการและเลขานุการ",
            ),
            ("๖. นายค ง ผู้ช่วย", "เลขานุการ", "๖. นายค ง ผู้ช่วยเลขานุการ"),
        ] {
            let mut s = a.to_string();
            join_wrapped(&mut s, b, false);
            assert_eq!(s, want);
        }
    }

    #[test]
    fn a_whole_name_at_the_end_of_a_text() {
        for (text, want) in [
            ("นางสุดา อิ่มเอิบ", true),
            ("ได้แต่งตั้ง นางสุดา อิ่มเอิบ", true),
            ("๒๕. พลอากาศตรี จักรพงษ์ หอมไกรลาศ", true),
            ("๔. ดร.สุรเชษฐ์ ณ นคร", true),
            ("ผู้อำนวยการกอง (นางอัมพร เจริญสุข", true),
            // a title word over a post is no name (corpus 024)
            (
                "ตำแหน่ง รองศาสตราจารย์ สังกัดคณะวิทยาศาสตร์ มหาวิทยาลัย ให้ดำรง",
                false,
            ),
            ("จึงให้ นางสาวพรรณวดี", false),
            ("", false),
            (" ", false),
            ("นาย", false),
        ] {
            assert_eq!(ends_in_whole_name(text), want, "{text}");
        }
    }

    #[test]
    fn header_and_body_lines() {
        assert_eq!(
            header_line_kind("เรื่อง การกำหนดหน้าที่", false),
            Some(ParaKind::Subject)
        );
        assert_eq!(
            header_line_kind("กลุ่มนโยบายและแผน", false),
            Some(ParaKind::Office)
        );
        assert_eq!(header_line_kind("สำนักงานเขตพื้นที่การศึกษา", true), None);
        assert_eq!(
            header_line_kind("ที่ ๑๖/๒๕๖๐", false),
            Some(ParaKind::OrderNumber)
        );
        assert_eq!(
            header_line_kind("ที่ ........../2561", false),
            Some(ParaKind::OrderNumber)
        );
        // a unit's registry prefix (held-out h38)
        assert_eq!(
            header_line_kind("ที่ สป ๑๒๐๕/๒๕๖๗", false),
            Some(ParaKind::OrderNumber)
        );
        assert_eq!(header_line_kind("ที่ประชุม ๑/๒๕๖๗", false), None);
        assert_eq!(
            header_line_kind("-----------------------------", false),
            Some(ParaKind::Rule)
        );
        assert_eq!(header_line_kind("มีหน้าที่ ส่งเสริม", false), None);
        assert_eq!(
            body_line_kind("ขั้นตอนการปฏิบัติงาน"),
            Some(ParaKind::StepsHeading)
        );
        assert_eq!(body_line_kind("กลุ่มงานธุรการ"), Some(ParaKind::WorkGroup));
        // a heading by its words; the tree builder keeps it only above a person
        assert_eq!(body_line_kind("กลุ่มนโยบายและแผน"), Some(ParaKind::WorkGroup));
        assert_eq!(
            body_line_kind("กรณีที่ไม่สามารถปฏิบัติราชการได้ให้บุคคลต่อไปนี้"),
            Some(ParaKind::Substitute)
        );
        assert_eq!(body_line_kind("การศึกษา"), None);
    }

    #[test]
    fn page_numbers_typed_into_the_text() {
        assert!(is_catchword("/๔. นายพีรพล..."));
        assert!(is_catchword("/ข้อ ๓…"));
        assert!(!is_catchword("/๒๕๖๘"));
        assert!(!is_catchword("๔. นายพีรพล..."));
        assert!(!is_catchword("/..."));
        assert!(is_page_artefact("- 2 -"));
        assert!(is_page_artefact("-๒-"));
        assert!(is_page_artefact("หน้า 2/5"));
        assert!(!is_page_artefact("- งานสารบรรณ"));
        assert!(!is_page_artefact("หน้าที่ ดังนี้"));
        assert!(!is_page_artefact("-"));
    }

    #[test]
    fn name_entries_need_a_title_and_start_of_line() {
        assert!(name_entries("งาน 1. นายก ข").is_empty());
        assert!(name_entries("1. งานสารบรรณ").is_empty());
        let e = name_entries("4. นางจงกล อรรถอาภรณ์ 5. นางกรุณา บุญประเสริฐ");
        assert!(consecutive_from(&e, 4));
        assert!(!consecutive_from(&e, 1));
    }
}

#[cfg(test)]
mod doc_examples {
    //! The examples that were doctests when this module was public.
    use super::*;

    #[test]
    fn a_post_after_a_monks_name_is_a_word_of_its_own() {
        // held-out h142: `พระครู…` / `เจ้าคณะตำบล…` after a soft break
        let mut t = String::from("พระครูประภัสสรธรรมคุณ");
        join_wrapped(&mut t, "เจ้าคณะตำบลหนองบัว", false);
        assert_eq!(t, "พระครูประภัสสรธรรมคุณ เจ้าคณะตำบลหนองบัว");
        let mut u = String::from("พระมหาสมศักดิ์ ปญฺญาวโร");
        join_wrapped(&mut u, "เจ้าอาวาสวัดบ้านนา", false);
        assert_eq!(u, "พระมหาสมศักดิ์ ปญฺญาวโร เจ้าอาวาสวัดบ้านนา");
    }

    #[test]
    fn join_wrapped_example() {
        let mut s = String::from("สำนักงานเขตพื้นที่");
        join_wrapped(&mut s, "การศึกษา", false);
        assert_eq!(s, "สำนักงานเขตพื้นที่การศึกษา");
        join_wrapped(&mut s, "และสถานศึกษา", true);
        assert_eq!(s, "สำนักงานเขตพื้นที่การศึกษา และสถานศึกษา");
        join_wrapped(&mut s, "1 ที่", false);
        assert_eq!(s, "สำนักงานเขตพื้นที่การศึกษา และสถานศึกษา 1 ที่");
    }

    #[test]
    fn name_entries_example() {
        let e = name_entries("1. นางสาวธนะพร ฉายแสง 2. นางวราภรณ์ เวทย์วิทยานุวัฒน์ 3.นางสุภัทรา บูรณารมย์");
        let v: Vec<_> = e.iter().map(|e| (e.value, e.name.as_str())).collect();
        assert_eq!(
            v,
            [
                (1, "นางสาวธนะพร ฉายแสง"),
                (2, "นางวราภรณ์ เวทย์วิทยานุวัฒน์"),
                (3, "นางสุภัทรา บูรณารมย์")
            ]
        );
    }
}

/// The cells of a line of text split at `gaps` (byte offsets where a cell
/// starts), each trimmed.
pub fn cells_of<'a>(text: &'a str, gaps: &[usize]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(gaps.len() + 1);
    let mut from = 0;
    for &g in gaps {
        if let Some(c) = text.get(from..g) {
            out.push(c.trim());
        }
        from = g;
    }
    out.push(text.get(from..).unwrap_or("").trim());
    out
}

/// The cells of a row with a cell that lists whole names apart split into
/// one cell a name (`ม.๑/๑ ⟶ นางสาวก ข, นายค ง`: two teachers in one
/// cell), the first cell (the row's label) as it is.
pub fn name_cells<'a>(cells: &[&'a str]) -> Vec<&'a str> {
    let whole = |c: &str| {
        crate::thai::names::split_name(c).is_some_and(|n| n.rest.is_empty() && n.family.is_some())
    };
    let mut out = Vec::with_capacity(cells.len());
    for (k, cell) in cells.iter().enumerate() {
        let parts: Vec<&str> = cell.split(',').map(str::trim).collect();
        if k > 0 && parts.len() > 1 && parts.iter().all(|p| whole(p)) {
            out.extend(parts);
        } else {
            out.push(cell);
        }
    }
    out
}

/// A line that is a committee role and then a whole name, nothing else
/// (`ประธานกรรมการ รองศาสตราจารย์ ดร.สมบัติ จันทรวงศ์`, `กรรมการผู้ทรงคุณวุฒิ
/// ศาสตราจารย์ ดร.…`): a member written role first.
pub fn is_role_then_name(text: &str) -> bool {
    let Some(role) = crate::thai::lexicon::COMMITTEE_ROLES
        .iter()
        .filter(|r| text.starts_with(**r))
        .max_by_key(|r| r.len())
    else {
        return false;
    };
    let mut rest = &text[role.len()..];
    if let Some(q) = starts_with_any(rest, crate::thai::lexicon::ROLE_QUALIFIERS) {
        rest = &rest[q.len()..];
    }
    // `ประธานกรรมการ : นางสาวก ข ผู้อำนวยการโรงเรียน`: after a colon the name
    // may have its post after it
    if let Some(after) = rest.trim_start().strip_prefix(':') {
        return crate::thai::names::split_name(after.trim_start())
            .is_some_and(|n| n.family.is_some());
    }
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    crate::thai::names::split_name(rest.trim_start())
        .is_some_and(|n| n.family.is_some() && n.rest.is_empty())
}

/// A line of three or more cells that is a table's header row (`ลำดับ ⟶
/// ชื่อ - สกุล ⟶ ตำแหน่ง ⟶ หน้าที่`): it heads the rows after it, never
/// the rest of the line before it.
pub fn is_header_row(line: &crate::read::Line) -> bool {
    line.gaps.len() >= 2 && crate::read::table::names_columns(&cells_of(&line.text, &line.gaps))
}

/// Whether the first of `cells` labels the whole names in all the others
/// (`ห้อง ม.๑/๑ ⟶ นางสาวก ข ⟶ นายค ง`: who invigilates which room): every
/// cell after the first is a name (title, given and family name) and
/// nothing else, and the first is a short label, no name.
pub fn labels_names(cells: &[&str]) -> bool {
    let whole = |c: &str| {
        crate::thai::names::split_name(c).is_some_and(|n| n.rest.is_empty() && n.family.is_some())
    };
    match cells.split_first() {
        Some((first, names)) => {
            !names.is_empty()
                && !whole(first)
                && is_heading_length(first)
                && names.iter().all(|c| whole(c))
        }
        None => false,
    }
}
