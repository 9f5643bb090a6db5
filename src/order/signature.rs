//! The end of an order: effective clause, date of signing, signature block.
//!
//! Read from the top-level nodes of the outline, which already marks them
//! ([`ParaKind::Effective`], [`ParaKind::Signed`], [`ParaKind::Signature`]).
//!
//! **Effective clause** (`header.effective`): the text of the last top-level
//! `ทั้งนี้ ตั้งแต่…` paragraph, as normalised (wrapped lines joined), `ทั้งนี้`
//! kept. When there is none, the last top-level numbered item (or unnumbered
//! paragraph) that is an entry-into-force clause — `คำสั่งนี้ให้ใช้บังคับตั้งแต่…`,
//! `ให้มีผลตั้งแต่…`, `ทั้งนี้ ตั้งแต่…` (see [`is_entry_into_force`]) — whole, without
//! its label (`ข้อ ๑๕`). The item stays in the outline as it is.
//!
//! **Date** (`header.date`): from the first `สั่ง ณ วันที่ …` / `ประกาศ ณ วันที่ …`
//! line, read by [`parse_thai_date`]. `text` is the date part only: from the
//! day to the year, `สั่ง ณ วันที่` and trailing words (`เป็นต้นไป`) left out
//! (`4 กรกฎาคม 2568`). When day, month and year were not all read, `text` is
//! everything written after `สั่ง ณ วันที่`, so nothing is lost, `iso` is null and
//! an `unreadable_date` warning names the line; a date that was read but does not
//! exist (`31 เมษายน`, a Christian year `2023` without `ค.ศ.`) keeps its date
//! part as `text`, null `iso` and the same warning. A line with nothing after
//! `สั่ง ณ วันที่` (the date left blank for signing) gives `date: null` and the
//! warning — unless the next line is the date itself. Other findings:
//! `latin_o_as_zero` (warning), `month_nonstandard` (info: a misspelt or short
//! month name such as `กรกฏาคม`), `short_year` (info: `68` read as 2568).
//!
//! **Signature** (`header.signed_by`): the signature lines after the date line.
//! Lines that are only a signing mark (`(ลงชื่อ)`, `ลงชื่อ`, dots, underscores)
//! are dropped; a mark in front of a name (`ลงชื่อ นายสมชาย ใจดี`) is removed.
//! The first remaining line is the name when it is in brackets
//! (`( นายสมชาย  ใจดี )` → `นายสมชาย ใจดี`) or starts with a personal, academic
//! or military title (`พลเอก ประยุทธ์ จันทร์โอชา`, titles kept); otherwise `name`
//! is null and every line is a position line. The block ends at a copy
//! certification (`สำเนาถูกต้อง`) or a telephone / e-mail line. No signature lines
//! → `signed_by: null`.
//!
//! When no signature follows the date (some orders put the date after it, some
//! have no date line), a bracketed titled name in a top-level paragraph after
//! the last numbered item is taken as the signature — also when the outline
//! joined it to the effective clause, which is then cut before the bracket. The
//! outline joins such lines, so the position lines may come as one; an info
//! diagnostic `signature_not_after_date` says so.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{DateInfo, Signature};
use crate::outline::{Node, NodeKind, Outline, ParaKind};
use crate::thai::date::{DateProblem, MONTHS, ParsedDate, parse_thai_date};
use crate::thai::lexicon::title_at;

/// What the end of the order says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tail {
    /// Effective clause (`ทั้งนี้ ตั้งแต่…`).
    pub effective: Option<String>,
    /// Date of signing (`สั่ง ณ วันที่ …`).
    pub date: Option<DateInfo>,
    /// Who signed.
    pub signed_by: Option<Signature>,
    /// What could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// Positions that begin with a title (`นาย` + `กรัฐมนตรี`): never a name.
const TITLE_LIKE_POSITIONS: &[&str] = &[
    "นายกรัฐมนตรี",
    "นายกเทศมนตรี",
    "นายกองค์การบริหารส่วน",
    "นายก อบ",
    "นายกอบ",
    "นายกสภา",
    "นายกสมาคม",
    "นายกเมืองพัทยา",
    "นายอำเภอ",
    "นายทะเบียน",
    "นายช่าง",
    "นายตำรวจ",
    "นายทหาร",
    "นายแพทย์สาธารณสุข",
    "นายแพทย์ใหญ่",
];

/// Words that mark where the signature goes, not a line of it.
const SIGN_MARKS: &[&str] = &[
    "(ลงชื่อ)",
    "( ลงชื่อ )",
    "(ลงนาม)",
    "( ลงนาม )",
    "ลงชื่อ",
    "ลงนาม",
    // the heading of a countersignature under a royal command: the name of
    // the minister who countersigns follows it
    "ผู้รับสนองพระราชโองการ",
];

/// How many lines of a signature block may come before the bracketed name:
/// the signing mark with the signature typed as a bare name (`(ลงนาม) ธีระ
/// สูตะบุตร`), then `(ศาสตราจารย์ธีระ สูตะบุตร)`.
const LINES_BEFORE_BRACKETED_NAME: usize = 2;

/// Lines that end the signature block: a copy certification or contact lines.
const BLOCK_ENDS: &[&str] = &[
    "สำเนาถูกต้อง",
    "รับรองสำเนาถูกต้อง",
    "สำเนาคู่ฉบับ",
    "โทรศัพท์",
    "โทรสาร",
    "โทร.",
    "โทร ",
    "ไปรษณีย์อิเล็กทรอนิกส์",
    "อีเมล",
    "e-mail",
    "E-mail",
    "Email",
];

/// Read the effective clause, date and signature from the outline.
/// Most lines a date of signing is written over (`สั่ง ณ วันที่` / `๑๖` /
/// `กันยายน` / `พ.ศ. ๒๕๖๗` is the most seen: four).
const MAX_DATE_LINES: usize = 4;

pub fn read(outline: &Outline) -> Tail {
    let roots: Vec<&Node> = outline
        .roots
        .iter()
        .filter_map(|&i| outline.node(i))
        .collect();
    let mut tail = Tail {
        effective: effective(&roots),
        ..Tail::default()
    };

    // date
    let signed = roots
        .iter()
        .position(|n| n.kind == NodeKind::Paragraph(ParaKind::Signed));
    let mut after = signed.map_or(roots.len(), |k| k + 1);
    if let Some(n) = signed.and_then(|k| roots.get(k)) {
        let written = after_signed_words(&n.text);
        let mut line = n.line_start;
        // a date split over lines (`สั่ง ณ วันที่` / `16 กันยายน` / `พ.ศ. 2567`,
        // `สั่ง ณ วันที่ ๑๐` / `เดือน มกราคม พ.ศ. ๒๕๖๗`): the next signature-zone
        // lines while each adds the month or the year the text lacks
        let mut date_text = written.to_string();
        for _ in 1..MAX_DATE_LINES {
            let d = parse_thai_date(&date_text);
            if d.month.is_some() && d.year.is_some() {
                break;
            }
            let Some(next) = roots.get(after).filter(|m| is_signature(m)) else {
                break;
            };
            let candidate = if date_text.is_empty() {
                next.text.to_string()
            } else {
                format!("{date_text} {}", next.text)
            };
            let c = parse_thai_date(&candidate);
            let gains = (c.month.is_some() && d.month.is_none())
                || (c.year.is_some() && d.year.is_none() && c.month.is_some());
            if !gains {
                break;
            }
            if date_text.is_empty() {
                line = next.line_start;
            }
            date_text = candidate;
            after += 1;
        }
        tail.date = read_date(&date_text, line, &mut tail.diagnostics);
    }

    // signature after the date
    let lines: Vec<&str> = roots
        .get(after..)
        .unwrap_or_default()
        .iter()
        .take_while(|n| {
            is_signature(n)
                || matches!(
                    n.kind,
                    NodeKind::Paragraph(ParaKind::Effective | ParaKind::Rule)
                )
        })
        .filter(|n| is_signature(n))
        .map(|n| n.text.as_str())
        .collect();
    tail.signed_by = signature_block(lines.iter().copied());
    if tail.signed_by.is_none() {
        // the signature block written before the date line
        let before: Vec<&str> = roots
            .get(..signed.unwrap_or(roots.len()))
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|n| is_signature(n))
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        tail.signed_by = signature_block(before.iter().copied());
    }
    if tail.signed_by.is_none() {
        signature_elsewhere(&roots, &mut tail);
    }
    tail
}

fn is_signature(n: &Node) -> bool {
    n.kind == NodeKind::Paragraph(ParaKind::Signature)
}

/// The effective clause: the last `ทั้งนี้ ตั้งแต่…` paragraph, else the last
/// entry-into-force item.
fn effective(roots: &[&Node]) -> Option<String> {
    let para = roots
        .iter()
        .rev()
        .find(|n| n.kind == NodeKind::Paragraph(ParaKind::Effective));
    let clause = || {
        roots.iter().rev().find(|n| {
            matches!(n.kind, NodeKind::Item | NodeKind::Paragraph(ParaKind::Text))
                && is_entry_into_force(&n.text)
        })
    };
    para.or_else(clause)
        .map(|n| n.text.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// True for an entry-into-force clause: `คำสั่งนี้ให้ใช้บังคับตั้งแต่…`,
/// `ให้มีผลตั้งแต่…`, `ทั้งนี้ ตั้งแต่…`, `คำสั่งนี้มีผลบังคับใช้นับแต่…`: optional
/// `ทั้งนี้`, `คำสั่งนี้` and `ให้`, then `ใช้บังคับ`, `มีผล…` or `บังคับใช้` (or
/// `ตั้งแต่` straight after `ทั้งนี้`), and a `ตั้งแต่` / `นับแต่` / `เป็นต้นไป`
/// somewhere.
pub fn is_entry_into_force(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let when = ["ตั้งแต่", "นับแต่", "เป็นต้นไป"];
    if !when.iter().any(|w| compact.contains(w)) {
        return false;
    }
    let mut s = compact.as_str();
    if let Some(r) = s.strip_prefix("ทั้งนี้") {
        if r.starts_with("ตั้งแต่") {
            return true;
        }
        s = r;
    }
    s = s.strip_prefix("คำสั่งนี้").unwrap_or(s);
    s = s.strip_prefix("ให้").unwrap_or(s);
    ["ใช้บังคับ", "มีผล", "บังคับใช้"].iter().any(|w| s.starts_with(w))
}

/// What follows `สั่ง ณ` / `ประกาศ ณ` (and `วันที่`) on the date line, trimmed.
fn after_signed_words(text: &str) -> &str {
    let t = text.trim_start();
    let t = ["สั่ง", "ประกาศ"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .unwrap_or(t)
        .trim_start();
    let t = t.strip_prefix("ณ").unwrap_or(t).trim_start();
    t.strip_prefix("วันที่").unwrap_or(t).trim()
}

/// The date of `written` (the text after `สั่ง ณ วันที่`) and what to report
/// about it on `line`.
fn read_date(written: &str, line: u32, diagnostics: &mut Vec<Diagnostic>) -> Option<DateInfo> {
    let d = parse_thai_date(written);
    if written.is_empty() {
        diagnostics.push(Diagnostic::new(
            Code::UnreadableDate,
            line,
            format!("date of signing cannot be read: {}", DateProblem::Empty),
        ));
        return None;
    }
    let all_read = d.day.is_some() && d.month.is_some() && d.year.is_some();
    let text = match d.text(written) {
        Some(t) if all_read => t,
        _ => written,
    }
    .to_string();
    if let Some(p) = &d.problem {
        diagnostics.push(Diagnostic::new(
            Code::UnreadableDate,
            line,
            format!("date of signing \"{text}\" cannot be read: {p}"),
        ));
    }
    notes(&d, &text, line, diagnostics);
    Some(DateInfo { text, iso: d.iso })
}

/// Findings about a date that was read: Latin o, unusual month, short year.
fn notes(d: &ParsedDate, text: &str, line: u32, diagnostics: &mut Vec<Diagnostic>) {
    if d.latin_o {
        diagnostics.push(Diagnostic::new(
            Code::LatinOAsZero,
            line,
            format!("Latin o read as Thai zero ๐ in date \"{text}\""),
        ));
    }
    if let Some(v) = d.month_variant {
        let month = d
            .month
            .and_then(|m| m.checked_sub(1))
            .and_then(|i| MONTHS.get(i as usize))
            .copied()
            .unwrap_or("?");
        diagnostics.push(info(
            Code::MonthNonstandard,
            line,
            format!("month written \"{v}\", read as {month}"),
        ));
    }
    if d.short_year
        && let Some(y) = d.year
    {
        diagnostics.push(info(
            Code::ShortYear,
            line,
            format!("two-digit year read as Buddhist year {y}"),
        ));
    }
}

fn info(code: Code, line: u32, message: String) -> Diagnostic {
    Diagnostic::new(code, line, message)
}

/// The signature from its lines, in order; `None` when nothing is left once
/// signing marks are dropped.
fn signature_block<'a>(lines: impl Iterator<Item = &'a str>) -> Option<Signature> {
    let lines: Vec<&str> = lines
        .take_while(|raw| !BLOCK_ENDS.iter().any(|w| raw.trim_start().starts_with(w)))
        .filter_map(without_marks)
        .collect();
    let mut name = None;
    let mut position = Vec::new();
    // the bracketed name, also after a typed copy of the signature
    let bracket = lines
        .iter()
        .take(LINES_BEFORE_BRACKETED_NAME + 1)
        .position(|l| bracketed(l).is_some_and(|(inner, _)| looks_like_signer(inner)));
    let rest = match bracket {
        Some(k) => {
            if let Some((inner, after)) = lines.get(k).and_then(|l| bracketed(l)) {
                // a rank typed alone on the line above a bracketed name
                // without a title (`พันตำรวจเอก` / `(ธนกร วงศ์ใหญ่)`, as police
                // and military orders sign): the signer's title
                let rank = k
                    .checked_sub(1)
                    .and_then(|j| lines.get(j))
                    .map(|l| l.trim())
                    .filter(|l| longest_title(l).is_some_and(|t| t.len() == l.len()))
                    .filter(|_| longest_title(inner.trim()).is_none());
                // the same name typed above with its title (`(ลงชื่อ) พันโท
                // ชัยวัฒน์ ศรีสุข` / `( ชัยวัฒน์  ศรีสุข )`): the titled one
                let typed = k
                    .checked_sub(1)
                    .and_then(|j| lines.get(j))
                    .map(|l| spaces_normalised(l))
                    .filter(|l| {
                        longest_title(inner.trim()).is_none()
                            && is_titled_name(l)
                            && untitled(l) == spaces_normalised(inner)
                    });
                name = Some(match (typed, rank) {
                    (Some(t), _) => t,
                    // (an abbreviated rank is written glued to the name,
                    // `พ.ต.อ.ธีรวัฒน์`; a rank in words apart)
                    (None, Some(r)) if r.ends_with('.') => {
                        format!("{r}{}", spaces_normalised(inner))
                    }
                    (None, Some(r)) => format!("{r} {}", spaces_normalised(inner)),
                    (None, None) => spaces_normalised(inner),
                });
                if !after.is_empty() {
                    position.push(spaces_normalised(after));
                }
            }
            lines.get(k + 1..).unwrap_or_default()
        }
        None => match lines.first() {
            Some(first) if bracketed(first).is_some() || is_titled_name(first) => {
                match bracketed(first) {
                    Some((inner, after)) => {
                        name = Some(spaces_normalised(inner));
                        if !after.is_empty() {
                            position.push(spaces_normalised(after));
                        }
                    }
                    None => name = Some(spaces_normalised(first)),
                }
                lines.get(1..).unwrap_or_default()
            }
            _ => &lines[..],
        },
    };
    position.extend(rest.iter().map(|l| spaces_normalised(l)));
    (name.is_some() || !position.is_empty()).then_some(Signature { name, position })
}

/// A bracketed text that is a signer's name: titled, or two words at most
/// (a name without its title).
fn looks_like_signer(inner: &str) -> bool {
    is_titled_name(inner) || (inner.split_whitespace().count() == 2 && !inner.contains('.'))
}

/// The line without signing marks and dot leaders; `None` when nothing else
/// is on it.
fn without_marks(line: &str) -> Option<&str> {
    let leaders: &[char] = &['.', '…', '_', '-', '─', ' '];
    let mut s = line.trim();
    loop {
        let before = s.len();
        s = s.trim_start_matches(leaders);
        if let Some(w) = SIGN_MARKS.iter().find(|w| s.starts_with(*w)) {
            s = s.get(w.len()..).unwrap_or("");
        }
        if s.len() == before {
            break;
        }
    }
    // (a rank alone, abbreviated, keeps its dots: `พ.ต.อ.` over the name)
    if title_at(s).is_none_or(|t| t.len() != s.len()) {
        s = s.trim_end_matches(leaders);
    }
    // `ลงชื่อ ........ ผู้สั่ง`
    if s == "ผู้สั่ง" || s.is_empty() || s.trim_matches(['(', ')', ' ']).is_empty() {
        return None;
    }
    Some(s)
}

/// `(inner) rest` → (inner, rest); an unclosed bracket runs to the end.
fn bracketed(line: &str) -> Option<(&str, &str)> {
    let s = line.strip_prefix('(')?;
    let (inner, rest) = s.split_once(')').unwrap_or((s, ""));
    let inner = inner.trim();
    (!inner.is_empty()).then_some((inner, rest.trim()))
}

/// True when `line` starts with one or more titles followed by a name, and is
/// not a position that starts like a title (`นายกรัฐมนตรี`, `นายอำเภอ…`).
fn is_titled_name(line: &str) -> bool {
    if TITLE_LIKE_POSITIONS.iter().any(|p| line.starts_with(p)) {
        return false;
    }
    let mut s = line;
    let mut titled = false;
    while let Some(t) = longest_title(s) {
        s = s.get(t.len()..).unwrap_or("").trim_start();
        titled = true;
    }
    titled
        && s.chars().next().is_some_and(crate::thai::is_thai_letter)
        && s.split_whitespace().count() <= 4
}

/// `s` without the titles it starts with.
fn untitled(s: &str) -> &str {
    let mut s = s.trim_start();
    while let Some(t) = longest_title(s) {
        s = s.get(t.len()..).unwrap_or("").trim_start();
    }
    s
}

/// The longest title at the start of `s`.
fn longest_title(s: &str) -> Option<&'static str> {
    title_at(s)
}

fn spaces_normalised(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// No signature after the date: a bracketed titled name in a top-level
/// paragraph after the last numbered item (possibly joined to the effective
/// clause), with what follows it as position lines.
fn signature_elsewhere(roots: &[&Node], tail: &mut Tail) {
    let body_end = roots
        .iter()
        .rposition(|n| n.kind == NodeKind::Item)
        .map_or(0, |k| k + 1);
    let candidates = roots.get(body_end..).unwrap_or_default();
    for (k, n) in candidates.iter().enumerate() {
        let kind = n.kind;
        if !matches!(
            kind,
            NodeKind::Paragraph(ParaKind::Text | ParaKind::Effective)
        ) {
            continue;
        }
        let Some(at) = bracketed_name_at(&n.text) else {
            continue;
        };
        if kind == NodeKind::Paragraph(ParaKind::Text) && at > 0 {
            continue;
        }
        let first = n.text.get(at..).unwrap_or("");
        let more = candidates
            .get(k + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|m| m.kind == NodeKind::Paragraph(ParaKind::Text))
            .map(|m| m.text.as_str());
        let Some(sig) = signature_block(std::iter::once(first).chain(more)) else {
            continue;
        };
        if kind == NodeKind::Paragraph(ParaKind::Effective) {
            let cut = n.text.get(..at).unwrap_or("").trim();
            if tail.effective.as_deref() == Some(n.text.trim()) {
                tail.effective = (!cut.is_empty()).then(|| cut.to_string());
            }
        }
        tail.diagnostics.push(info(
            Code::SignatureNotAfterDate,
            n.line_start,
            "signature read from text that does not follow the date line; its position lines may be joined into one".to_string(),
        ));
        tail.signed_by = Some(sig);
        return;
    }
}

/// Byte offset of a `(` that opens a bracketed titled name (at the start of
/// the text or after a space).
fn bracketed_name_at(text: &str) -> Option<usize> {
    text.match_indices('(')
        .map(|(i, _)| i)
        .filter(|&i| i == 0 || text.get(..i).is_some_and(|b| b.ends_with(' ')))
        .find(|&i| {
            text.get(i..)
                .and_then(bracketed)
                .is_some_and(|(inner, _)| is_titled_name(inner))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(lines: &[&str]) -> Option<Signature> {
        signature_block(lines.iter().copied())
    }

    #[test]
    fn names_and_positions() {
        let s = block(&[
            "( ว่าที่ร้อยตรี สมชาย  ใจดี )",
            "ผู้อำนวยการโรงเรียน",
            "ปฏิบัติราชการแทน",
        ]);
        assert_eq!(
            s,
            Some(Signature {
                name: Some("ว่าที่ร้อยตรี สมชาย ใจดี".into()),
                position: vec!["ผู้อำนวยการโรงเรียน".into(), "ปฏิบัติราชการแทน".into()],
            })
        );
        let s = block(&["นายกรัฐมนตรี"]).unwrap();
        assert_eq!((s.name, s.position), (None, vec!["นายกรัฐมนตรี".to_string()]));
        let s = block(&["ลงชื่อ .............", "(นางสาวกานดา มีสุข)", "ครู"]).unwrap();
        assert_eq!(s.name.as_deref(), Some("นางสาวกานดา มีสุข"));
        let s = block(&["ลงชื่อ นายสมชาย ใจดี", "ผู้อำนวยการ"]).unwrap();
        assert_eq!(s.name.as_deref(), Some("นายสมชาย ใจดี"));
        let s = block(&["พล.อ. ประยุทธ์ จันทร์โอชา", "นายกรัฐมนตรี"]).unwrap();
        assert_eq!(s.name.as_deref(), Some("พล.อ. ประยุทธ์ จันทร์โอชา"));
        let s = block(&["(นายสมชาย ใจดี)", "ผู้อำนวยการ", "สำเนาถูกต้อง", "(นางสาวเอ บี)"]).unwrap();
        assert_eq!(s.position, vec!["ผู้อำนวยการ".to_string()]);
        // held-out h44: the rank on the line above the bracketed name
        let s = block(&[
            "พันตำรวจเอก",
            "(ธนกร วงศ์ใหญ่)",
            "ผู้กำกับการสถานีตำรวจภูธรเมืองเพชรบุรี",
        ])
        .unwrap();
        assert_eq!(s.name.as_deref(), Some("พันตำรวจเอก ธนกร วงศ์ใหญ่"));
        assert_eq!(
            s.position,
            vec!["ผู้กำกับการสถานีตำรวจภูธรเมืองเพชรบุรี".to_string()]
        );
        // held-out h97: the rank abbreviated (its dots kept), glued on
        let s = block(&["พ.ต.อ.", "(ธีรวัฒน์  ศรีสุวรรณ)", "ผกก.สภ.เมืองราชบุรี"]).unwrap();
        assert_eq!(s.name.as_deref(), Some("พ.ต.อ.ธีรวัฒน์ ศรีสุวรรณ"));
        // held-out h61: the name typed with its rank after (ลงชื่อ), then
        // bracketed without it
        let s = block(&[
            "(ลงชื่อ) พันโท ชัยวัฒน์ ศรีสุข",
            "( ชัยวัฒน์  ศรีสุข )",
            "ผู้บังคับกองพันทหารช่างที่ ๑๑",
        ])
        .unwrap();
        assert_eq!(s.name.as_deref(), Some("พันโท ชัยวัฒน์ ศรีสุข"));
        // a different name typed above is not the bracketed one's title
        let s = block(&["(ลงชื่อ) นายเอ บี", "( ชัยวัฒน์  ศรีสุข )", "ผู้บังคับ"]).unwrap();
        assert_eq!(s.name.as_deref(), Some("ชัยวัฒน์ ศรีสุข"));
        assert_eq!(block(&["(ลงชื่อ)", "________", "( )"]), None);
        assert_eq!(block(&[]), None);
    }

    #[test]
    fn marks() {
        assert_eq!(without_marks("(ลงชื่อ)"), None);
        assert_eq!(without_marks("ลงชื่อ...................ผู้สั่ง"), None);
        assert_eq!(without_marks("…………"), None);
        assert_eq!(without_marks("(ลงชื่อ) นายเอ บี"), Some("นายเอ บี"));
    }

    #[test]
    fn signed_words() {
        assert_eq!(
            after_signed_words("สั่ง ณ วันที่ 4 กรกฎาคม 2568"),
            "4 กรกฎาคม 2568"
        );
        assert_eq!(
            after_signed_words("สั่งณวันที่ 4 กรกฎาคม 2568"),
            "4 กรกฎาคม 2568"
        );
        assert_eq!(after_signed_words("ประกาศ ณ วันที่"), "");
        assert_eq!(after_signed_words("สั่ง ณ 4 กรกฎาคม 2568"), "4 กรกฎาคม 2568");
    }

    #[test]
    fn entry_into_force() {
        for s in [
            "คำสั่งนี้ให้ใช้บังคับตั้งแต่วันประกาศในราชกิจจานุเบกษาเป็นต้นไป",
            "ให้ใช้บังคับตั้งแต่วันที่ 1 ตุลาคม 2566 เป็นต้นไป",
            "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป",
            "ทั้งนี้ ให้มีผลตั้งแต่วันที่ 1 ตุลาคม 2566",
            "คำสั่งนี้ให้มีผลใช้บังคับนับแต่วันที่ลงนามเป็นต้นไป",
        ] {
            assert!(is_entry_into_force(s), "{s}");
        }
        for s in [
            "ในกรณีที่มีปัญหาเกี่ยวกับการปฏิบัติตามคำสั่งนี้ ให้เป็นไปตามคำวินิจฉัยของ ก.ค.ศ.",
            "ให้ใช้บังคับ", // no "from when"
            "ทั้งนี้ ให้ปฏิบัติหน้าที่อย่างเคร่งครัด",
        ] {
            assert!(!is_entry_into_force(s), "{s}");
        }
    }
}

#[cfg(test)]
mod doc_examples {
    //! The examples that were doctests when this module was public.
    use super::*;

    #[test]
    fn is_entry_into_force_example() {
        assert!(is_entry_into_force(
            "คำสั่งนี้ให้ใช้บังคับตั้งแต่วันประกาศในราชกิจจานุเบกษาเป็นต้นไป"
        ));
        assert!(is_entry_into_force("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"));
        assert!(!is_entry_into_force("ให้ยกเลิกคำสั่งที่ 12/2566 ตั้งแต่บัดนี้"));
    }
}
