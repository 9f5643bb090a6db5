//! Every real order of the corpus as a .docx twin: each paragraph of the
//! order one `w:p`, built here at test time from the .txt, must give the same
//! people (name, position), committees and members as the .txt.
//!
//! The paragraphs are kamsang's own: a paragraph starts at every line where a
//! node of the .txt's outline starts (or after a blank line), and takes the
//! lines after it up to the next one. Its lines are joined as kamsang joined
//! them: without a space where the node's text has none at the break; with a
//! tab where the line before was padded to a column (`อธิการบดี      ` /
//! `ที่ปรึกษา`: the writer's next cell); with a space where the node's text has
//! one; and where kamsang moved the text around (a cell wrapped under the
//! cell before: `1.21 ปลัดกระทรวง…      กรรมการ` / `วิจัยและนวัตกรรม`) the lines
//! stay lines, with a soft break, as a writer keeps such a layout in Word.
//! Tabs stay `w:tab`; written labels stay text. A second
//! twin has a soft break (`w:br`, as LibreOffice writes a line break) in the
//! middle of a word in its longest paragraphs and after a space in the
//! next ones: it must read like the twin without.
//!
//! A ratchet: the differences that remain are listed in [`KNOWN`], each with
//! its reason; a new difference fails, and so does a listed one that is gone
//! (take it out of the list). The report: `cargo test --test it docx_twin:: -- --nocapture`;
//! with `KAMSANG_TWIN_DIR=DIR` the twins are also written there to look at.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::Value;

/// Differences that remain between a corpus order and its .docx twin:
/// (file number, difference, why). A difference is a fact line prefixed by
/// `-` (read from the .txt only) or `+` (from the .docx only).
const KNOWN: &[(&str, &str, &str)] = &[
    ("006", "+person นายจุรินทร์ ลักษณวิศิษฏ์ | null", FLAT_HEADINGS),
    (
        "006",
        "-person นายจุรินทร์ ลักษณวิศิษฏ์ | รองนายกรัฐมนตรี",
        FLAT_HEADINGS,
    ),
    ("006", "+person นายดอน ปรมัตถ์วินัย | null", FLAT_HEADINGS),
    (
        "006",
        "-person นายดอน ปรมัตถ์วินัย | รองนายกรัฐมนตรี",
        FLAT_HEADINGS,
    ),
    ("006", "+person นายวิษณุ เครืองาม | null", FLAT_HEADINGS),
    (
        "006",
        "-person นายวิษณุ เครืองาม | รองนายกรัฐมนตรี",
        FLAT_HEADINGS,
    ),
    ("006", "+person นายสุพัฒนพงษ์ พันธ์มีเชาว์ | null", FLAT_HEADINGS),
    (
        "006",
        "-person นายสุพัฒนพงษ์ พันธ์มีเชาว์ | รองนายกรัฐมนตรี",
        FLAT_HEADINGS,
    ),
    ("006", "+person นายอนุทิน ชาญวีรกูล | null", FLAT_HEADINGS),
    (
        "006",
        "-person นายอนุทิน ชาญวีรกูล | รองนายกรัฐมนตรี",
        FLAT_HEADINGS,
    ),
    ("006", "soft +person นายอนุชา นาคาศัย | null", FLAT_HEADINGS),
    (
        "006",
        "soft -person นายอนุชา นาคาศัย | รัฐมนตรีประจำสำนักนายกรัฐมนตรี",
        FLAT_HEADINGS,
    ),
];

/// Why 006's twin lacks the posts its .txt has: the .txt's stand-in table,
/// flattened to a cell per line, is read as rows, its three heading lines one
/// header row at the first line's number; the twin, which joins the lines of
/// a node's span, glues the second and third headings into one line
/// (`รองนายกรัฐมนตรีรองนายกรัฐมนตรีที่…`), which names no post, so the rows'
/// people keep the null they had before the table was read (a writer's .docx
/// has the headings apart, or as a Word table).
const FLAT_HEADINGS: &str = "stand-in table headings glued by the twin";

/// Paragraphs that get a soft break in the second twin: the longest ones
/// (mid-word) and the next ones (after a space).
const SOFT_BREAKS_PER_KIND: usize = 3;

/// Only a paragraph at least this long (in characters) gets a soft break: a
/// line break typed inside a long paragraph, wider than a page line.
const LONG_PARAGRAPH_CHARS: usize = 150;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A .docx (stored) with only a document part.
fn docx(document: &str) -> Vec<u8> {
    common::docx(&[("word/document.xml", document)])
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph's text as runs: tabs as `w:tab`, soft breaks (`\n`) as `w:br`.
fn runs(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:br/></w:r>");
        }
        for (j, cell) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:r><w:tab/></w:r>");
            }
            if !cell.is_empty() {
                write!(
                    out,
                    r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    escape(cell)
                )
                .expect("string");
            }
        }
    }
    out
}

fn document(paragraphs: &[String]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p>{}</w:p>", runs(p)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// Every outline node as (line_start, line_end, text), children included.
fn nodes(outline: &[Value], out: &mut Vec<(u64, u64, String)>) {
    for n in outline {
        let at = |k: &str| n.get(k).and_then(Value::as_u64).unwrap_or(0);
        let text = n.get("text").and_then(Value::as_str).unwrap_or("");
        out.push((at("line_start"), at("line_end"), text.to_string()));
        if let Some(c) = n.get("children").and_then(Value::as_array) {
            nodes(c, out);
        }
    }
}

/// Up to `n` characters at the end / start of `s`.
fn tail(s: &str, n: usize) -> String {
    let c: Vec<char> = s.chars().collect();
    c[c.len().saturating_sub(n)..].iter().collect()
}
fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The order's paragraphs, from its raw lines and its outline (see the
/// module comment). Blank lines are empty paragraphs.
fn paragraphs(raw: &str, order: &Value, normalized: &BTreeMap<u64, String>) -> Vec<String> {
    let mut all = Vec::new();
    nodes(
        order["outline"].as_array().map_or(&[][..], Vec::as_slice),
        &mut all,
    );
    let starts: BTreeSet<u64> = all.iter().map(|n| n.0).collect();
    let norm = |n: u64| normalized.get(&n).map_or("", String::as_str);
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    let raw_lines: Vec<&str> = raw
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    for (k, line) in raw_lines.iter().enumerate() {
        let n = k as u64 + 1;
        let text = line.trim();
        if text.is_empty() {
            out.push(String::new());
            open = false;
            continue;
        }
        if !open || starts.contains(&n) {
            out.push(text.to_string());
            open = true;
            continue;
        }
        // the innermost node holding both lines says how kamsang joined them
        let (a, b) = (tail(norm(n - 1), 6), head(norm(n), 6));
        let node = all
            .iter()
            .filter(|(s, e, _)| *s < n && *e >= n)
            .max_by_key(|(s, _, _)| *s)
            .map_or("", |(_, _, t)| t.as_str());
        // two spaces or NBSPs (or a tab) at the end: padded to a column
        let padded = raw_lines.get(k - 1).is_some_and(|l| {
            let end: Vec<char> = l.chars().rev().take(2).collect();
            end.first() == Some(&'\t') || (end.len() == 2 && end.iter().all(|c| c.is_whitespace()))
        });
        let sep = if node.contains(&format!("{a}{b}")) {
            ""
        } else if padded {
            "\t"
        } else if node.contains(&format!("{a} {b}")) {
            " "
        } else {
            "\n"
        };
        if let Some(p) = out.last_mut() {
            p.push_str(sep);
            p.push_str(text);
        }
    }
    out
}

fn is_thai_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

/// The twin with soft breaks: in the longest paragraphs of running text a `w:br` in the
/// middle of a word (between a Thai character and a consonant), in the next
/// ones after a single space (not inside a wide gap between cells) — where a
/// writer's Shift+Enter falls.
fn with_soft_breaks(paragraphs: &[String]) -> Vec<String> {
    // running text only: not a layout of cells (tabs, wide gaps, lines kept)
    let mut by_len: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| {
            let p = &paragraphs[i];
            !p.contains(['\t', '\n']) && !p.contains("   ")
        })
        .collect();
    by_len.sort_by_key(|&i| std::cmp::Reverse(paragraphs[i].chars().count()));
    let mut out = paragraphs.to_vec();
    for (rank, &i) in by_len.iter().take(2 * SOFT_BREAKS_PER_KIND).enumerate() {
        let chars: Vec<char> = paragraphs[i].chars().collect();
        if chars.len() < LONG_PARAGRAPH_CHARS {
            break;
        }
        let mid_word = rank < SOFT_BREAKS_PER_KIND;
        let fits = |j: usize| {
            let (a, b) = (chars[j - 1], chars[j]);
            if mid_word {
                ('\u{0E01}'..='\u{0E4E}').contains(&a) && is_thai_consonant(b)
            } else {
                // after a single space, not inside a wide gap
                j > 1 && a == ' ' && !chars[j - 2].is_whitespace() && is_thai_consonant(b)
            }
        };
        let middle = chars.len() / 2;
        let at = (middle..chars.len())
            .chain((1..middle).rev())
            .find(|&j| j > 0 && fits(j));
        if let Some(at) = at {
            let mut s: String = chars[..at].iter().collect();
            s.push('\n');
            s.extend(&chars[at..]);
            out[i] = s;
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(Value::as_str)
        .map_or_else(|| "null".to_string(), collapse)
}

/// What is compared: people (name, position), committees, members (name,
/// position, role), as sorted fact lines.
fn facts(order: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let list = |k: &str| order[k].as_array().cloned().unwrap_or_default();
    for p in list("people") {
        out.push(format!(
            "person {} | {}",
            field(&p, "full_name"),
            field(&p, "position")
        ));
    }
    for c in list("committees") {
        let name = field(&c, "name");
        out.push(format!("committee {name}"));
        for m in c["members"].as_array().cloned().unwrap_or_default() {
            out.push(format!(
                "member {name} | {} | {} | {}",
                field(&m, "full_name"),
                field(&m, "position"),
                field(&m, "role")
            ));
        }
    }
    out.sort();
    out
}

/// `-fact` for facts only `want` has, `+fact` for those only `got` has
/// (as multisets).
fn differences(want: &[String], got: &[String]) -> Vec<String> {
    let mut count: BTreeMap<&str, i64> = BTreeMap::new();
    for f in want {
        *count.entry(f).or_default() += 1;
    }
    for f in got {
        *count.entry(f).or_default() -= 1;
    }
    let mut out = Vec::new();
    for (f, n) in count {
        let sign = if n > 0 { '-' } else { '+' };
        for _ in 0..n.unsigned_abs() {
            out.push(format!("{sign}{f}"));
        }
    }
    out
}

fn parse_docx(name: &str, paragraphs: &[String]) -> Value {
    let bytes = docx(&document(paragraphs));
    if let Some(dir) = std::env::var_os("KAMSANG_TWIN_DIR") {
        std::fs::write(
            std::path::Path::new(&dir).join(format!("{name}.docx")),
            &bytes,
        )
        .expect("write the twin");
    }
    let order = kamsang::parse_bytes(&format!("{name}.docx"), &bytes)
        .unwrap_or_else(|e| panic!("{name}.docx: {e}"));
    // no word glued across the twin's paragraphs (docx_paragraphs)
    super::docx_paragraphs::assert_no_glue(&format!("{name}.docx"), &bytes);
    serde_json::to_value(&order).expect("json")
}

#[test]
fn every_corpus_order_reads_the_same_as_a_docx_of_its_paragraphs() {
    let dir = common::root().join("fixtures/corpus");
    let mut files = common::files_with_ext(&dir, "txt");
    assert!(files.len() >= 30, "corpus: {}", files.len());
    // and the school, university and roster layouts no real order shows
    files.extend(common::files_with_ext(
        &common::root().join("fixtures/committee"),
        "txt",
    ));
    // and the held-out orders written blind (fixtures/heldout/README.md)
    files.extend(common::files_with_ext(
        &common::root().join("fixtures/heldout"),
        "txt",
    ));
    let mut report = String::new();
    let mut unexpected = Vec::new();
    let mut seen_known = BTreeSet::new();
    let mut total_breaks = 0;
    for path in &files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let number = stem.get(..3).unwrap_or("").to_string();
        let bytes = std::fs::read(path).expect("read");
        let raw = String::from_utf8(bytes.clone()).expect("corpus is UTF-8");
        let txt = kamsang::parse_bytes(&format!("{stem}.txt"), &bytes).expect("txt parses");
        let txt = serde_json::to_value(&txt).expect("json");
        let normalized: BTreeMap<u64, String> = kamsang::Parser::new()
            .normalize_bytes("x.txt", &bytes)
            .expect("normalises")
            .lines
            .into_iter()
            .map(|l| (u64::from(l.line), l.text))
            .collect();
        let paras = paragraphs(&raw, &txt, &normalized);
        let want = facts(&txt);
        let twin = facts(&parse_docx(&stem, &paras));
        let soft_paras = with_soft_breaks(&paras);
        let lines = |ps: &[String]| ps.iter().map(|p| p.matches('\n').count()).sum::<usize>();
        let breaks = lines(&soft_paras) - lines(&paras);
        total_breaks += breaks;
        let soft = facts(&parse_docx(&format!("{stem}.soft"), &soft_paras));
        let mut diffs = differences(&want, &twin);
        // the soft-break twin against the twin without
        diffs.extend(
            differences(&twin, &soft)
                .into_iter()
                .map(|d| format!("soft {d}")),
        );
        writeln!(
            report,
            "{stem}: {} paragraphs, {breaks} soft breaks added, {} facts, {} differ",
            paras.iter().filter(|p| !p.is_empty()).count(),
            want.len(),
            diffs.len()
        )
        .expect("string");
        for d in diffs {
            let known = KNOWN.iter().find(|(n, k, _)| *n == number && *k == d);
            match known {
                Some((_, _, why)) => {
                    seen_known.insert((number.clone(), d.clone()));
                    writeln!(report, "    known {d}   ({why})").expect("string");
                }
                None => {
                    writeln!(report, "    NEW   {d}").expect("string");
                    unexpected.push(format!("{number} {d}"));
                }
            }
        }
    }
    let gone: Vec<String> = KNOWN
        .iter()
        .filter(|(n, d, _)| !seen_known.contains(&(n.to_string(), d.to_string())))
        .map(|(n, d, _)| format!("{n} {d}"))
        .collect();
    println!("=== docx twins ===\n{report}=== end of docx twins ===");
    assert!(
        total_breaks >= files.len(),
        "soft breaks added: {total_breaks}"
    );
    assert!(
        unexpected.is_empty() && gone.is_empty(),
        "docx twins: {} new differences, {} listed differences gone (take them out of KNOWN):\n{}\n{}",
        unexpected.len(),
        gone.len(),
        unexpected.join("\n"),
        gone.join("\n")
    );
}
