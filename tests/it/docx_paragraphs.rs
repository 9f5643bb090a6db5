//! Paragraphs are paragraphs (issue 13, point 2), as a property of every
//! .docx the tests have: the committed fixtures (kamsang's renders,
//! LibreOffice's, the writers' of `docx_writers`), the docx-rs versions,
//! the hand-written numbering shapes and every corpus twin of `docx_twin`
//! (which calls [`assert_no_glue`] on each twin it builds):
//!
//! - every `full_name` (of a person or a committee member) comes from one
//!   paragraph: its letters are in one paragraph's text;
//! - every join across paragraphs has a space: no outline node's text holds
//!   the end of one paragraph run into the start of the next.

use crate::common;

use std::collections::BTreeMap;

/// Characters each side of a paragraph boundary that make the glued text
/// looked for: long enough that the same letters elsewhere are unlikely.
const WINDOW: usize = 6;

fn letters(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraph styles in which a writer puts the lines of a text file (the
/// reader's `TEXT_FILE_STYLES`, as LibreOffice and Word write their ids):
/// such paragraphs are lines of a text, wrapped where the text was, so a
/// join between them may be a broken word's and is not checked.
const TEXT_FILE_STYLE_IDS: &[&str] = &["PreformattedText", "PlainText", "HTMLPreformatted"];

/// Whether the document's paragraphs are lines of a text file.
fn text_file_lines(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let mut doc = String::new();
    let read = zip
        .by_name("word/document.xml")
        .map(|mut f| std::io::Read::read_to_string(&mut f, &mut doc));
    read.is_ok()
        && TEXT_FILE_STYLE_IDS
            .iter()
            .any(|s| doc.contains(&format!(r#"w:pStyle w:val="{s}""#)))
}

/// The paragraphs of a .docx as the reader gives them: (paragraph number,
/// its lines' texts), in order.
fn paragraphs(name: &str, bytes: &[u8]) -> Vec<(u32, Vec<String>)> {
    let source = kamsang::Parser::new()
        .normalize_bytes(name, bytes)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for l in source.lines {
        out.entry(l.line).or_default().push(l.text);
    }
    out.into_iter().collect()
}

/// Every outline node's (first line, last line, text).
fn node_texts(nodes: &[kamsang::model::OutlineNode], out: &mut Vec<(u32, u32, String)>) {
    for n in nodes {
        out.push((n.line_start, n.line_end, collapse(&n.text)));
        node_texts(&n.children, out);
    }
}

/// What breaks the two properties in one .docx (empty when none).
pub(super) fn glue(name: &str, bytes: &[u8]) -> Vec<String> {
    let order = match kamsang::parse_bytes(name, bytes) {
        Ok(o) => o,
        Err(e) => return vec![format!("{name}: {e}")],
    };
    let names: Vec<String> = order
        .people
        .iter()
        .map(|p| p.full_name.clone())
        .chain(
            order
                .committees
                .iter()
                .flat_map(|c| c.members.iter().filter_map(|m| m.full_name.clone())),
        )
        .collect();
    let mut texts = Vec::new();
    node_texts(&order.outline, &mut texts);
    if text_file_lines(bytes) {
        texts.clear(); // lines of a text: only the full_name property holds
    }
    check(name, &paragraphs(name, bytes), &names, &texts)
}

/// The two properties on a document's paragraphs, its names and the texts
/// of its outline nodes.
fn check(
    name: &str,
    paras: &[(u32, Vec<String>)],
    names: &[String],
    texts: &[(u32, u32, String)],
) -> Vec<String> {
    let mut bad = Vec::new();
    let whole: Vec<String> = paras.iter().map(|(_, ls)| letters(&ls.concat())).collect();
    for full in names {
        let l = letters(full);
        if !l.is_empty() && !whole.iter().any(|p| p.contains(&l)) {
            bad.push(format!("{name}: full_name {full:?} is in no one paragraph"));
        }
    }
    for pair in paras.windows(2) {
        let (a, b) = (&pair[0].1, &pair[1].1);
        let (Some(a), Some(b)) = (a.last(), b.first()) else {
            continue;
        };
        let (a, b) = (collapse(a), collapse(b));
        if a.is_empty() || b.is_empty() {
            continue;
        }
        let tail: String = {
            let c: Vec<char> = a.chars().collect();
            c[c.len().saturating_sub(WINDOW)..].iter().collect()
        };
        let head: String = b.chars().take(WINDOW).collect();
        let glued = format!("{tail}{head}");
        // a node over both paragraphs holding their ends glued
        let (first, second) = (pair[0].0, pair[1].0);
        if let Some((_, _, t)) = texts
            .iter()
            .find(|(s, e, t)| *s <= first && *e >= second && t.contains(&glued))
        {
            bad.push(format!(
                "{name}: paragraphs {} and {} glued without a space ({glued:?}) in {t:?}",
                pair[0].0, pair[1].0
            ));
        }
    }
    bad
}

/// Panic when a .docx breaks either property.
pub(super) fn assert_no_glue(name: &str, bytes: &[u8]) {
    let bad = glue(name, bytes);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_word_is_glued_across_paragraphs_in_any_docx_fixture() {
    let mut files = common::files_with_ext(&common::fixture("docx"), "docx");
    files.extend(common::files_with_ext(
        &common::fixture("docx/writers"),
        "docx",
    ));
    assert!(files.len() >= 15, "{files:?}");
    let mut bad = Vec::new();
    for f in &files {
        let name = f.file_name().and_then(|s| s.to_str()).unwrap_or("x.docx");
        bad.extend(glue(name, &std::fs::read(f).expect("read")));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_property_sees_a_glued_name() {
    // the property can fail: issue 13's misreading, a name paragraph and the
    // position paragraph after it read as one full_name
    let paras = vec![
        (5, vec!["1. นายสมชาย ใจดี".to_string()]),
        (6, vec!["ครูชำนาญการ มีหน้าที่ดูแลอาคาร".to_string()]),
    ];
    let glued = ["นายสมชาย ใจดีครูชำนาญการ".to_string()];
    let text = [(5, 6, "นายสมชาย ใจดีครูชำนาญการ มีหน้าที่ดูแลอาคาร".to_string())];
    assert_eq!(check("x", &paras, &glued, &text).len(), 2);
    let apart = ["นายสมชาย ใจดี".to_string()];
    let text = [(5, 6, "นายสมชาย ใจดี ครูชำนาญการ มีหน้าที่ดูแลอาคาร".to_string())];
    assert!(check("x", &paras, &apart, &text).is_empty());
}
