//! The header: issuing office, unit, order number, subject, preamble.

use crate::model::{Header, OrderNumber};
use crate::outline::{NodeKind, Outline, ParaKind};
use crate::thai::digits::parse_number;
use crate::thai::lexicon::{ISSUER_STARTS, SUBJECT_WORD, starts_with_any};

/// Outline kind names of header nodes, by node index.
pub struct HeaderResult {
    /// The header.
    pub header: Header,
    /// (node, kind) for every header node.
    pub kinds: Vec<(usize, &'static str)>,
}

/// Read the header from the top-level nodes before the first numbered item.
pub fn read(outline: &Outline) -> HeaderResult {
    let mut header = Header::default();
    let mut kinds = Vec::new();
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
                "subject"
            }
            ParaKind::OrderTitle => {
                header.issuer.get_or_insert_with(|| text.to_string());
                "issuer"
            }
            ParaKind::OrderNumber => {
                header
                    .order_number
                    .get_or_insert_with(|| order_number(text));
                "order_number"
            }
            ParaKind::Office => {
                if starts_with_any(text, ISSUER_STARTS).is_some() && header.issuer.is_none() {
                    header.issuer = Some(text.to_string());
                    "issuer"
                } else if header.unit.is_none() {
                    header.unit = Some(text.to_string());
                    "unit"
                } else {
                    "paragraph"
                }
            }
            ParaKind::Rule => "rule",
            ParaKind::Text => {
                preamble.push(text);
                "preamble"
            }
            _ => break,
        };
        kinds.push((i, kind));
    }
    if !preamble.is_empty() {
        header.preamble = Some(preamble.join(" "));
    }
    HeaderResult { header, kinds }
}

/// `ที่ 123/2566` → number 123, year 2566 (Thai or Arabic digits).
fn order_number(text: &str) -> OrderNumber {
    let body = text.strip_prefix("ที่").unwrap_or(text).trim();
    let mut parts = body.splitn(2, '/');
    let num = parts
        .next()
        .map(str::trim)
        .and_then(|s| s.rsplit(' ').next())
        .and_then(parse_number);
    let year = parts
        .next()
        .map(|s| {
            s.trim()
                .chars()
                .take_while(|c| crate::thai::digits::is_digit(*c))
                .collect::<String>()
        })
        .and_then(|s| parse_number(&s));
    OrderNumber {
        text: text.to_string(),
        number: num,
        year_be: year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers() {
        let o = order_number("ที่ ๑๖/๒๕๖๐");
        assert_eq!((o.number, o.year_be), (Some(16), Some(2560)));
        let o = order_number("ที่ 209/2568");
        assert_eq!((o.number, o.year_be), (Some(209), Some(2568)));
    }
}
