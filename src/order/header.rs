//! The header: issuing office, unit, order number, subject, preamble.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Header, NodeKind as Role, OrderNumber};
use crate::outline::{NodeKind, Outline, ParaKind};
use crate::thai::digits::leading_number;
use crate::thai::lexicon::{
    DOCUMENT_WORDS, ISSUER_STARTS, LIST_INTROS, SUBJECT_WORD, TITLE_BULLETS, starts_with_any,
};

/// Outline kind names of header nodes, by node index.
pub struct HeaderResult {
    /// The header.
    pub header: Header,
    /// (node, kind) for every header node.
    pub kinds: Vec<(usize, Role)>,
    /// Index in `outline.roots` of the first node after the header.
    pub body_start: usize,
    /// What was noticed while reading the header.
    pub diagnostics: Vec<Diagnostic>,
}

/// Read the header from the top-level nodes before the first numbered item.
pub fn read(outline: &Outline) -> HeaderResult {
    let mut header = Header::default();
    let mut kinds = Vec::new();
    let mut diagnostics = Vec::new();
    let mut preamble: Vec<&str> = Vec::new();
    for &i in &outline.roots {
        let Some(n) = outline.node(i) else { continue };
        let NodeKind::Paragraph(pk) = n.kind else {
            break;
        };
        let text = n.text.as_str();
        let kind = match pk {
            ParaKind::Subject => {
                let s = text.strip_prefix(SUBJECT_WORD).unwrap_or(text).trim();
                header.subject.get_or_insert_with(|| s.to_string());
                Role::Subject
            }
            ParaKind::OrderTitle | ParaKind::OrderNumber => {
                // `คำสั่ง<office>ที่ 207/2568 เรื่อง …` may be one line, or three
                let (title, number, subject) = split_title_line(text);
                // the issuing body, without the document word (คำสั่ง / ประกาศ)
                let word = starts_with_any(title, DOCUMENT_WORDS);
                if let Some(w) = word {
                    header.document.get_or_insert_with(|| w.to_string());
                }
                let body = word
                    .and_then(|w| title.get(w.len()..))
                    .unwrap_or(title)
                    .trim();
                if !body.is_empty() {
                    header.issuer.get_or_insert_with(|| body.to_string());
                }
                if let Some(number) = number
                    && header.order_number.is_none()
                {
                    let (number, latin_o) = order_number(number);
                    if latin_o {
                        diagnostics.push(Diagnostic::new(
                            Code::LatinOAsZero,
                            n.line_start,
                            format!(
                                "Latin o read as Thai zero ๐ in order number \"{}\"",
                                number.text
                            ),
                        ));
                    }
                    header.order_number = Some(number);
                }
                if let Some(subject) = subject {
                    header.subject.get_or_insert_with(|| subject.to_string());
                }
                if pk == ParaKind::OrderTitle {
                    Role::Issuer
                } else {
                    Role::OrderNumber
                }
            }
            ParaKind::Office => {
                if starts_with_any(text, ISSUER_STARTS).is_some() && header.issuer.is_none() {
                    header.issuer = Some(text.to_string());
                    Role::Issuer
                } else if header.unit.is_none() {
                    header.unit = Some(text.to_string());
                    Role::Unit
                } else {
                    Role::Paragraph
                }
            }
            ParaKind::Rule => Role::Rule,
            // after `… ดังนี้` / `… ประกอบด้วย` the body begins (a group's
            // heading, `องค์การบริหาร องค์การนิสิต`, is no preamble)
            ParaKind::Text
                if preamble
                    .last()
                    .is_some_and(|p| LIST_INTROS.iter().any(|w| p.trim_end().ends_with(w))) =>
            {
                break;
            }
            // a table's header row (`ลำดับ ⟶ ชื่อ - สกุล ⟶ วุฒิการศึกษา ⟶ …`)
            // heads the body's rows: the preamble is over
            ParaKind::Text
                if crate::read::table::names_columns(&crate::order::table_rows::cells(n)) =>
            {
                break;
            }
            ParaKind::Text => {
                preamble.push(text);
                Role::Preamble
            }
            _ => break,
        };
        kinds.push((i, kind));
    }
    if !preamble.is_empty() {
        header.preamble = Some(preamble.join(" "));
    }
    HeaderResult {
        header,
        body_start: kinds.len(),
        kinds,
        diagnostics,
    }
}

/// Split a title line into the issuer (`คำสั่ง…`), the order number (`ที่ N/YYYY`)
/// and the subject (after `เรื่อง`), any of which may be missing. A bullet before
/// the title is dropped.
///
/// `คำสั่งสำนักนายกรัฐมนตรีที่ 207/2568 เรื่อง มอบหมาย` →
/// (`คำสั่งสำนักนายกรัฐมนตรี`, `ที่ 207/2568`, `มอบหมาย`)
fn split_title_line(text: &str) -> (&str, Option<&str>, Option<&str>) {
    let t = text
        .trim_start_matches(TITLE_BULLETS)
        .trim_start_matches('-')
        .trim_start();
    let (head, subject) = match t.find(SUBJECT_WORD) {
        Some(i) => (
            &t[..i],
            Some(t[i + SUBJECT_WORD.len()..].trim()).filter(|s| !s.is_empty()),
        ),
        None => (t, None),
    };
    for (i, _) in head.match_indices("ที่") {
        if crate::outline::line::is_order_number(&head[i..]) {
            return (head[..i].trim(), Some(head[i..].trim()), subject);
        }
    }
    (head.trim(), None, subject)
}

/// `ที่ 123/2566` → number 123, year 2566 (Thai or Arabic digits; a Latin o
/// inside Thai digits reads as ๐, reported by the flag).
fn order_number(text: &str) -> (OrderNumber, bool) {
    let body = text.strip_prefix("ที่").unwrap_or(text).trim();
    let mut parts = body.splitn(2, '/');
    let num = parts
        .next()
        .map(str::trim)
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|s| leading_number(s).filter(|n| n.len == s.len()));
    let year = parts.next().map(str::trim).and_then(leading_number);
    let latin_o = num.is_some_and(|n| n.latin_o) || year.is_some_and(|n| n.latin_o);
    let number = OrderNumber {
        text: text.to_string(),
        number: num.map(|n| n.value),
        year_be: year.map(|n| n.value),
    };
    (number, latin_o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_titles() {
        assert_eq!(
            split_title_line("คำสั่งสำนักนายกรัฐมนตรีที่ 207/2568 เรื่อง มอบหมายและมอบอำนาจ"),
            (
                "คำสั่งสำนักนายกรัฐมนตรี",
                Some("ที่ 207/2568"),
                Some("มอบหมายและมอบอำนาจ")
            )
        );
        assert_eq!(
            split_title_line("● คำสั่งนายกรัฐมนตรี"),
            ("คำสั่งนายกรัฐมนตรี", None, None)
        );
        assert_eq!(
            split_title_line("ที่ ๕ /๒๕๖๓เรื่อง แต่งตั้ง"),
            ("", Some("ที่ ๕ /๒๕๖๓"), Some("แต่งตั้ง"))
        );
        assert_eq!(
            split_title_line("คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1"),
            ("คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1", None, None)
        );
        let (o, _) = order_number("ที่ ๕ /๒๕๖๓");
        assert_eq!((o.number, o.year_be), (Some(5), Some(2563)));
        // the number left blank for the registry
        let (o, _) = order_number("ที่ ........../2561");
        assert_eq!((o.number, o.year_be), (None, Some(2561)));
    }

    #[test]
    fn order_numbers() {
        let (o, latin_o) = order_number("ที่ ๑๖/๒๕๖๐");
        assert_eq!(
            (o.number, o.year_be, latin_o),
            (Some(16), Some(2560), false)
        );
        let (o, _) = order_number("ที่ 209/2568");
        assert_eq!((o.number, o.year_be), (Some(209), Some(2568)));
        let (o, _) = order_number("ที่ สป ๑๒๐๕/๒๕๖๗");
        assert_eq!((o.number, o.year_be), (Some(1205), Some(2567)));
        let (o, latin_o) = order_number("ที่ ๑๒/๒๕๕o");
        assert_eq!((o.number, o.year_be, latin_o), (Some(12), Some(2550), true));
    }
}
