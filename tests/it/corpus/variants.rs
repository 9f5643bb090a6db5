//! The scoreboard again, on the same orders written the other ways Thai
//! offices write them. Every `.txt` order with facts in the corpus and the
//! held-out folder is rewritten by each variant below, parsed, and scored
//! against its facts (the facts rewritten the same way where the variant
//! touches what they say, i.e. digits). A human reads each variant exactly as
//! the original, so a fact lost in a variant is a rule that leans on the
//! surface of the files at hand rather than on what an order says: these are
//! the orders of the same kinds that nobody here has seen.
//!
//! A ratchet like the scoreboard's: `fixtures/{corpus,heldout}/variants.json`
//! hold the accepted score per variant and file; re-record with the
//! scoreboard's command (`KAMSANG_UPDATE_SCOREBOARD=1 cargo test --test it
//! corpus:: -- --nocapture`).

use super::{CORPUS_DIR, HELDOUT_DIR, Score, UPDATE_VAR, parse, score, stem, txt_files};
use crate::common;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;

/// The baseline file of each folder.
const BASELINE: &str = "variants.json";
/// Lines longer than this many grapheme clusters are wrapped by `rewrapped`:
/// a line of 16-point TH SarabunPSK on A4 holds about 70–90 clusters, and a
/// text taken from a PDF or a web page breaks wherever its own line ended.
const WRAP_WIDTH: usize = 60;
/// A wrapped line keeps at least this many clusters on each side, as a line
/// of a justified page does.
const WRAP_MIN: usize = 15;
/// Three spaces: the columns of a row typed with spaces.
const WIDE_GAP: &str = "   ";
/// Differences printed per file and variant.
const MAX_DIFF_LINES: usize = 4;
/// Set to a directory to write every variant's text there (to read what a
/// variant lost): `KAMSANG_VARIANTS_DUMP=/tmp/v cargo test --test it corpus::variants`.
const DUMP_VAR: &str = "KAMSANG_VARIANTS_DUMP";

/// One way of writing the same order.
struct Variant {
    name: &'static str,
    /// What offices do that this models.
    #[allow(dead_code)]
    why: &'static str,
    /// The order rewritten (the facts at hand, for a variant that rewrites
    /// what they name).
    text: fn(&str, &Value) -> String,
    /// The facts as this variant's text says them (digits as written).
    facts: fn(&Value) -> Value,
}

const VARIANTS: &[Variant] = &[
    Variant {
        name: "thai_digits",
        why: "government style writes every number in Thai digits",
        text: |t, _| map_digits(t, to_thai_digit),
        facts: |f| map_fact_strings(f, &|s| map_digits(s, to_thai_digit)),
    },
    Variant {
        name: "arabic_digits",
        why: "most school and university orders write Arabic digits",
        text: |t, _| map_digits(t, to_arabic_digit),
        facts: |f| map_fact_strings(f, &|s| map_digits(s, to_arabic_digit)),
    },
    Variant {
        name: "double_spaced",
        why: "text copied out of a PDF or a web page has a blank line after every line",
        text: |t, _| t.lines().map(|l| format!("{l}\n\n")).collect(),
        facts: Value::clone,
    },
    Variant {
        name: "no_indent",
        why: "text pasted from a web page or a chat loses every indentation",
        text: |t, _| t.lines().map(|l| format!("{}\n", l.trim_start())).collect(),
        facts: Value::clone,
    },
    Variant {
        name: "tab_gaps",
        why: "Word users line columns up with a tab where others type spaces",
        text: |t, _| tab_gaps(t),
        facts: Value::clone,
    },
    Variant {
        name: "rewrapped",
        why: "a PDF's or a narrower page's line ends fall elsewhere in a long line",
        text: |t, _| rewrapped(t),
        facts: Value::clone,
    },
    Variant {
        name: "no_blank_lines",
        why: "many offices type an order without a single blank line",
        text: |t, _| {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| format!("{l}\n"))
                .collect()
        },
        facts: Value::clone,
    },
    Variant {
        name: "jittered_indent",
        why: "indentation in real files is inconsistent: tabs, spaces, none",
        text: |t, _| {
            t.lines()
                .enumerate()
                .map(|(i, l)| {
                    let pad = ["", "    ", "\t", "  "][i % 4];
                    format!("{pad}{}\n", l.trim_start())
                })
                .collect()
        },
        facts: Value::clone,
    },
    Variant {
        name: "title_spaced",
        why: "many writers put a space between the title and the given name (นาย สมชาย ใจดี)",
        text: title_spaced,
        facts: Value::clone,
    },
    Variant {
        name: "titles_abbreviated",
        why: "school and university orders abbreviate titles (น.ส., รศ.ดร., ด.ช., พล.อ.)",
        text: |t, f| abbreviate(t, &abbreviations(f)),
        facts: abbreviated_facts,
    },
    Variant {
        name: "role_next_line",
        why: "a member's role typed on the line under the name or seat, as a narrow page wraps it",
        text: role_next_line,
        facts: Value::clone,
    },
    Variant {
        name: "nbsp_gaps",
        why: "Word and web pages saved as text keep their columns and indents as no-break spaces",
        text: |t, _| nbsp_gaps(t),
        facts: Value::clone,
    },
    Variant {
        name: "zero_width",
        why: "Thai text copied from a web page carries zero-width spaces at word breaks",
        text: zero_width,
        facts: Value::clone,
    },
    Variant {
        name: "name_gap",
        why: "typists line family names up with two or more spaces after the given name",
        text: name_gap,
        facts: Value::clone,
    },
    Variant {
        name: "title_glued",
        why: "a rank or title written spaced in one office is glued to the name in another (พลเอกประวิตร)",
        text: title_glued,
        facts: Value::clone,
    },
    Variant {
        name: "crlf",
        why: "Windows line ends",
        text: |t, _| t.lines().map(|l| format!("{l}\r\n")).collect(),
        facts: Value::clone,
    },
];

/// Titles and the abbreviation offices write for them, as the facts write
/// the title (`รองศาสตราจารย์ ดร.`), longest first.
const TITLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("ผู้ช่วยศาสตราจารย์ ดร.", "ผศ.ดร."),
    ("รองศาสตราจารย์ ดร.", "รศ.ดร."),
    ("ศาสตราจารย์ ดร.", "ศ.ดร."),
    ("ผู้ช่วยศาสตราจารย์", "ผศ."),
    ("รองศาสตราจารย์", "รศ."),
    ("ศาสตราจารย์", "ศ."),
    ("พลตำรวจเอก", "พล.ต.อ."),
    ("พลตำรวจโท", "พล.ต.ท."),
    ("พลเอก", "พล.อ."),
    ("เด็กหญิง", "ด.ญ."),
    ("เด็กชาย", "ด.ช."),
    ("นางสาว", "น.ส."),
];

/// Every committee member of the facts.
fn members(facts: &Value) -> impl Iterator<Item = &Value> {
    facts
        .get("committees")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .flat_map(|c| {
            c.get("members")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
}

/// Every person, then every committee member, of the facts.
fn people_and_members(facts: &Value) -> impl Iterator<Item = &Value> {
    facts
        .get("people")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(members(facts))
}

/// Every person and member of the facts whose title has an abbreviation, as
/// `(title, given name, abbreviated)`: `("นางสาว", "กาญจนา", "น.ส.กาญจนา")`,
/// longest first.
fn abbreviations(facts: &Value) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = people_and_members(facts)
        .filter_map(|v| {
            let full = v.get("full_name").and_then(Value::as_str)?;
            let title = v.get("title").and_then(Value::as_str)?;
            let (_, short) = TITLE_ABBREVIATIONS.iter().find(|(t, _)| *t == title)?;
            let given = full.strip_prefix(title)?.trim_start().split(' ').next()?;
            (!given.is_empty()).then(|| {
                (
                    title.to_string(),
                    given.to_string(),
                    format!("{short}{given}"),
                )
            })
        })
        .collect();
    out.sort();
    out.dedup();
    out.sort_by_key(|(t, g, _)| std::cmp::Reverse(t.len() + g.len()));
    out
}

/// Each title and given name of `names` (glued, or with spaces after the
/// title) that stands as a word of its own written abbreviated.
fn abbreviate(t: &str, names: &[(String, String, String)]) -> String {
    let mut out = t.to_string();
    for (title, given, short) in names {
        let mut next = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(title.as_str()) {
            let after_title = &rest[i + title.len()..];
            let after_space = after_title.trim_start_matches([' ', '\u{00A0}', '\t']);
            let whole = after_space.strip_prefix(given.as_str()).filter(|after| {
                after
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || matches!(c, ')' | ','))
            });
            next.push_str(&rest[..i]);
            match whole {
                Some(after) => {
                    next.push_str(short);
                    rest = after;
                }
                None => {
                    next.push_str(title);
                    rest = after_title;
                }
            }
        }
        next.push_str(rest);
        out = next;
    }
    out
}

/// The facts with the names abbreviated as in the text, and each person's
/// or member's title the abbreviation.
fn abbreviated_facts(facts: &Value) -> Value {
    let names = abbreviations(facts);
    fn walk(v: &Value, names: &[(String, String, String)]) -> Value {
        match v {
            Value::String(s) => Value::String(abbreviate(s, names)),
            Value::Array(a) => Value::Array(a.iter().map(|x| walk(x, names)).collect()),
            Value::Object(m) => {
                let mut o: serde_json::Map<String, Value> =
                    m.iter().map(|(k, x)| (k.clone(), walk(x, names))).collect();
                let short_title = o.get("full_name").and_then(Value::as_str).and_then(|full| {
                    TITLE_ABBREVIATIONS
                        .iter()
                        .map(|(_, a)| *a)
                        .filter(|a| full.starts_with(a))
                        .max_by_key(|a| a.len())
                });
                let was = m.get("full_name").and_then(Value::as_str);
                let changed = was != o.get("full_name").and_then(Value::as_str);
                if let (Some(a), true) = (short_title, changed) {
                    o.insert("title".into(), Value::String(a.to_string()));
                }
                Value::Object(o)
            }
            _ => v.clone(),
        }
    }
    walk(facts, &names)
}

/// A member's role after a wide gap at a line's end (`นายก ข      กรรมการ`)
/// moved to the line under it, at the line's indent: the roles are the ones
/// the facts give the members. A line of more cells (a table's row) keeps
/// them.
fn role_next_line(t: &str, facts: &Value) -> String {
    let mut roles: Vec<&str> = members(facts)
        .filter_map(|m| m.get("role").and_then(Value::as_str))
        .collect();
    roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
    roles.dedup();
    let mut out = String::with_capacity(t.len() + 64);
    for line in t.lines() {
        let body = line.trim_end();
        let split = roles.iter().find_map(|r| {
            let head = body.strip_suffix(r)?;
            let gap = head.len() - head.trim_end().len();
            let wide = head.ends_with('\t') || gap >= 2;
            // a row of more cells is a table's: its cells stay in the row
            let cells_before = head.trim().contains('\t') || head.trim().contains(WIDE_GAP);
            (wide && !cells_before && !head.trim().is_empty()).then_some(head.trim_end())
        });
        match split {
            Some(head) => {
                let indent = &line[..line.len() - line.trim_start().len()];
                let role = &body[head.len()..].trim_start();
                out.push_str(&format!("{head}\n{indent}{role}\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The names the facts give with the title glued to the given name
/// (`นายสมชาย ใจดี`), as `(glued, spaced)`: `("นายสมชาย", "นาย สมชาย")`.
fn glued_titles(facts: &Value) -> Vec<(String, String)> {
    let names = people_and_members(facts).filter_map(|v| {
        Some((
            v.get("full_name").and_then(Value::as_str)?,
            v.get("title").and_then(Value::as_str)?,
        ))
    });
    let mut out: Vec<(String, String)> = names
        .into_iter()
        .filter_map(|(full, title)| {
            let given = full.strip_prefix(title)?;
            // glued: a Thai letter right after the title
            if !given
                .chars()
                .next()
                .is_some_and(|c| ('\u{0E01}'..='\u{0E2E}').contains(&c))
            {
                return None;
            }
            let given = given.split(' ').next()?;
            Some((format!("{title}{given}"), format!("{title} {given}")))
        })
        .collect();
    out.sort();
    out.dedup();
    // longest first: `นางสาวก` before `นางก`
    out.sort_by_key(|(g, _)| std::cmp::Reverse(g.len()));
    out
}

/// Every name the facts give with a glued title written with a space after
/// the title, where the glued form stands as a word of its own (a space,
/// a bracket or the line's end after it).
fn title_spaced(t: &str, facts: &Value) -> String {
    let mut out = t.to_string();
    for (glued, spaced) in glued_titles(facts) {
        out = replace_words(&out, &glued, &spaced);
    }
    out
}

/// Replaces each `from` in `t` that stands as a word of its own (a space,
/// a bracket, a comma or the line's end after it) by `to`.
fn replace_words(t: &str, from: &str, to: &str) -> String {
    let mut next = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find(from) {
        let after = &rest[i + from.len()..];
        let word_ends = after
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ')' | ',' | '\u{00A0}'));
        next.push_str(&rest[..i]);
        next.push_str(if word_ends { to } else { from });
        rest = after;
    }
    next.push_str(rest);
    next
}

/// Every space of an indent and every run of two or more spaces inside a
/// line becomes as many no-break spaces (U+00A0).
fn nbsp_gaps(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + t.len() / 8);
    for line in t.lines() {
        let body = line.trim_start_matches(' ');
        out.push_str(&"\u{00A0}".repeat(line.len() - body.len()));
        let mut spaces = 0;
        for c in body.chars().chain(['\n']) {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            match spaces {
                0 => {}
                1 => out.push(' '),
                n => out.push_str(&"\u{00A0}".repeat(n)),
            }
            spaces = 0;
            out.push(c);
        }
    }
    out
}

/// A zero-width space where a web page breaks words: between a glued title
/// and the given name the facts give, and after every space.
fn zero_width(t: &str, facts: &Value) -> String {
    let mut out = t.replace(' ', " \u{200B}");
    for (glued, spaced) in glued_titles(facts) {
        let broken = spaced.replacen(' ', "\u{200B}", 1);
        out = replace_words(&out, &glued, &broken);
    }
    out
}

/// `(given family, given  family)` for every name the facts give: the last
/// word before the family name and the family name, with the single space
/// between them doubled.
fn name_gaps(facts: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = people_and_members(facts)
        .filter_map(|v| {
            let full = v.get("full_name").and_then(Value::as_str)?;
            let (head, family) = full.rsplit_once(' ')?;
            let given = head.rsplit(' ').next()?;
            (!given.is_empty() && !family.is_empty())
                .then(|| (format!("{given} {family}"), format!("{given}  {family}")))
        })
        .collect();
    out.sort();
    out.dedup();
    out.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    out
}

/// Every name the facts give written with two spaces before the family name.
fn name_gap(t: &str, facts: &Value) -> String {
    let mut out = t.to_string();
    for (single, double) in name_gaps(facts) {
        out = replace_words(&out, &single, &double);
    }
    out
}

/// Every name the facts give with a spaced title (`พลเอก ประวิตร วงษ์สุวรรณ`)
/// written with the title glued to the given name.
fn title_glued(t: &str, facts: &Value) -> String {
    let mut pairs: Vec<(String, String)> = people_and_members(facts)
        .filter_map(|v| {
            let full = v.get("full_name").and_then(Value::as_str)?;
            let title = v.get("title").and_then(Value::as_str)?;
            let given = full
                .strip_prefix(title)?
                .strip_prefix(' ')?
                .split(' ')
                .next()?;
            (!given.is_empty() && !title.contains(' '))
                .then(|| (format!("{title} {given}"), format!("{title}{given}")))
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    pairs.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut out = t.to_string();
    for (spaced, glued) in pairs {
        out = replace_words(&out, &spaced, &glued);
    }
    out
}

fn to_thai_digit(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(0x0E50 + (c as u32 - '0' as u32)).unwrap_or(c),
        _ => c,
    }
}

fn to_arabic_digit(c: char) -> char {
    match c {
        '\u{0E50}'..='\u{0E59}' => char::from_u32('0' as u32 + (c as u32 - 0x0E50)).unwrap_or(c),
        _ => c,
    }
}

fn map_digits(s: &str, f: fn(char) -> char) -> String {
    s.chars().map(f).collect()
}

/// Every string of the facts through `f`, except the ISO date (a value, not
/// text as written).
fn map_fact_strings(v: &Value, f: &dyn Fn(&str) -> String) -> Value {
    match v {
        Value::String(s) => Value::String(f(s)),
        Value::Array(a) => Value::Array(a.iter().map(|x| map_fact_strings(x, f)).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| {
                    let x = if k == "date_iso" {
                        x.clone()
                    } else {
                        map_fact_strings(x, f)
                    };
                    (k.clone(), x)
                })
                .collect(),
        ),
        _ => v.clone(),
    }
}

/// Each run of two or more spaces inside a line (after its first non-space)
/// becomes one TAB.
fn tab_gaps(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for line in t.lines() {
        let body = line.trim_start();
        out.push_str(&line[..line.len() - body.len()]);
        let mut spaces = 0;
        for c in body.chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            match spaces {
                0 => {}
                1 => out.push(' '),
                _ => out.push('\t'),
            }
            spaces = 0;
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// Where a wrapped line may not begin: a word that starts like a label, a
/// bullet or a bracket would read as a new item, and a reader would not wrap
/// there either (a typesetter keeps `ข้อ 1` or `(1)` with what follows).
fn may_begin_line(word: &str) -> bool {
    let Some(c) = word.chars().next() else {
        return false;
    };
    !(c.is_ascii_digit()
        || ('\u{0E50}'..='\u{0E59}').contains(&c)
        || matches!(c, '(' | '-' | '•' | '๏' | '*' | '–' | '"' | '“'))
}

/// Lines longer than `WRAP_WIDTH` clusters broken at the last space that
/// leaves both sides at least `WRAP_MIN` clusters, as often as needed; the
/// continuation is not indented. Lines with a TAB or a wide gap (table rows,
/// columns typed with spaces) stay whole.
fn rewrapped(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + t.len() / 40);
    for line in t.lines() {
        // (trailing padding is no text: it never makes a line long)
        let body = line.trim_end();
        let padding = &line[body.len()..];
        let mut rest = body;
        loop {
            if rest.contains('\t')
                || rest.contains(WIDE_GAP)
                || rest.graphemes(true).count() <= WRAP_WIDTH
            {
                break;
            }
            let mut cut = None;
            for (clusters, (i, g)) in rest.grapheme_indices(true).enumerate() {
                if clusters >= WRAP_WIDTH {
                    break;
                }
                if g == " " && clusters >= WRAP_MIN {
                    let after = rest[i..].trim_start();
                    let left = after.graphemes(true).count();
                    let head = rest[..i].trim_end();
                    if left >= WRAP_MIN && !head.is_empty() && may_begin_line(after) {
                        cut = Some(i);
                    }
                }
            }
            let Some(i) = cut else { break };
            out.push_str(rest[..i].trim_end());
            out.push('\n');
            rest = rest[i..].trim_start();
        }
        out.push_str(rest);
        out.push_str(padding);
        out.push('\n');
    }
    out
}

/// One folder's orders that have facts, with their text and facts.
fn orders(dir: &str) -> Vec<(String, String, Value)> {
    let mut v = Vec::new();
    for path in txt_files(dir) {
        let facts_path = path.with_extension("facts.json");
        let Ok(facts) = std::fs::read_to_string(&facts_path) else {
            continue;
        };
        let facts: Value = serde_json::from_str(&facts).expect("facts are JSON");
        let text = std::fs::read_to_string(&path).expect("UTF-8 order");
        v.push((stem(&path), text, facts));
    }
    v
}

fn pct(right: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * right as f64 / total as f64
    }
}

/// Score every variant of every order of `dir`, print the table and the facts
/// each variant lost, and ratchet against the folder's baseline.
fn variants_board(dir: &str) {
    let orders = orders(dir);
    let originals: Vec<Score> = orders
        .iter()
        .map(|(name, text, facts)| {
            score(facts, &parse(&format!("{dir}/{name}.txt"), text.as_bytes()))
        })
        .collect();
    let mut table = String::new();
    let mut details = String::new();
    let mut record: BTreeMap<String, Value> = BTreeMap::new();
    let _ = writeln!(
        table,
        "{:<16} {:>13} {:>7} {:>6} {:>5} {:>5} {:>5}",
        "variant", "right", "%", "worse", "invP", "invM", "invC"
    );
    for variant in VARIANTS {
        let (mut right, mut total, mut worse, mut inv) = (0u64, 0u64, 0u64, [0u64; 3]);
        let mut files = serde_json::Map::new();
        for ((name, text, facts), original) in orders.iter().zip(&originals) {
            let rel = format!("{dir}/{name}.{}.txt", variant.name);
            let varied = (variant.text)(text, facts);
            if let Some(to) = std::env::var_os(DUMP_VAR) {
                let to = std::path::Path::new(&to);
                std::fs::create_dir_all(to).expect("dump dir");
                std::fs::write(to.join(format!("{name}.{}.txt", variant.name)), &varied)
                    .expect("dump a variant");
            }
            let out = parse(&rel, varied.as_bytes());
            let s = score(&(variant.facts)(facts), &out);
            right += s.right;
            total += s.total;
            inv[0] += s.invented_people;
            inv[1] += s.invented_members;
            inv[2] += s.invented_committees;
            let lost = s.right < original.right
                || s.invented_people > original.invented_people
                || s.invented_members > original.invented_members
                || s.invented_committees > original.invented_committees;
            if lost {
                worse += 1;
                let _ = writeln!(
                    details,
                    "{} {name}: {}/{} (original {}/{}), invented {}/{}/{}",
                    variant.name,
                    s.right,
                    s.total,
                    original.right,
                    original.total,
                    s.invented_people,
                    s.invented_members,
                    s.invented_committees
                );
                let new: Vec<&String> = s
                    .diffs
                    .iter()
                    .filter(|d| !original.diffs.contains(d))
                    .collect();
                for d in new.iter().take(MAX_DIFF_LINES) {
                    let _ = writeln!(details, "  {d}");
                }
                if new.len() > MAX_DIFF_LINES {
                    let _ = writeln!(details, "  … {} more", new.len() - MAX_DIFF_LINES);
                }
            }
            files.insert(
                name.clone(),
                serde_json::json!([
                    s.right,
                    s.invented_people,
                    s.invented_members,
                    s.invented_committees
                ]),
            );
        }
        let _ = writeln!(
            table,
            "{:<16} {:>13} {:>6.1}% {:>6} {:>5} {:>5} {:>5}",
            variant.name,
            format!("{right}/{total}"),
            pct(right, total),
            worse,
            inv[0],
            inv[1],
            inv[2]
        );
        record.insert(variant.name.to_string(), Value::Object(files));
    }
    println!(
        "\n=== variants scoreboard === {dir} ({} orders with facts)\n{table}=== end of variants scoreboard ===\n\nfacts lost per variant (beyond the original's misses):\n{details}",
        orders.len()
    );
    ratchet(dir, &record);
}

/// Compare with (or re-record) `DIR/variants.json`: per variant and file,
/// `[right, invented people, invented members, invented committees]`.
fn ratchet(dir: &str, now: &BTreeMap<String, Value>) {
    let path = common::root().join(dir).join(BASELINE);
    if std::env::var_os(UPDATE_VAR).is_some() {
        let doc = serde_json::json!({
            "about": format!("variants scoreboard baseline: per variant and file [right, invented people, members, committees]; re-record with {UPDATE_VAR}=1 cargo test --test it corpus:: -- --nocapture"),
            "variants": now,
        });
        let mut text = serde_json::to_string_pretty(&doc).expect("json");
        text.push('\n');
        std::fs::write(&path, text).expect("write variants baseline");
        println!("recorded {}", path.display());
        return;
    }
    let Ok(text) = std::fs::read_to_string(&path) else {
        panic!(
            "{}: no baseline; record it with {UPDATE_VAR}=1 cargo test --test it corpus:: -- --nocapture",
            path.display()
        );
    };
    let baseline: Value = serde_json::from_str(&text).expect("variants.json is JSON");
    let mut problems = Vec::new();
    for (variant, files) in now {
        let Some(files) = files.as_object() else {
            continue;
        };
        for (name, got) in files {
            let Some(was) = baseline.pointer(&format!("/variants/{variant}/{name}")) else {
                problems.push(format!("{variant} {name}: not in the baseline"));
                continue;
            };
            let n = |v: &Value, i: usize| v.get(i).and_then(Value::as_u64).unwrap_or(0);
            if n(got, 0) < n(was, 0) {
                problems.push(format!(
                    "{variant} {name}: right {} → {}",
                    n(was, 0),
                    n(got, 0)
                ));
            }
            for (i, what) in [(1, "people"), (2, "members"), (3, "committees")] {
                if n(got, i) > n(was, i) {
                    problems.push(format!(
                        "{variant} {name}: invented {what} {} → {}",
                        n(was, i),
                        n(got, i)
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{dir}: a variant scores worse than {BASELINE}:\n  {}\nRe-record only if intended: \
         {UPDATE_VAR}=1 cargo test --test it corpus:: -- --nocapture",
        problems.join("\n  ")
    );
}

#[test]
fn corpus_variants_scoreboard() {
    variants_board(CORPUS_DIR);
}

#[test]
fn heldout_variants_scoreboard() {
    variants_board(HELDOUT_DIR);
}

#[test]
fn the_variants_rewrite_what_they_say_and_nothing_else() {
    assert_eq!(map_digits("ที่ 12/2566", to_thai_digit), "ที่ ๑๒/๒๕๖๖");
    assert_eq!(map_digits("๑.๒ ข้อ", to_arabic_digit), "1.2 ข้อ");
    assert_eq!(
        tab_gaps("  1. นายก  ข     ประธาน\n"),
        "  1. นายก\tข\tประธาน\n"
    );
    assert_eq!(
        nbsp_gaps("  ก ข   ค\n"),
        "\u{A0}\u{A0}ก ข\u{A0}\u{A0}\u{A0}ค\n"
    );
    let facts = serde_json::json!({"people": [
        {"full_name": "นายสมชาย ใจดี", "title": "นาย"},
        {"full_name": "พลเอก ประวิตร วงษ์สุวรรณ", "title": "พลเอก"}
    ]});
    assert_eq!(
        name_gap("1. นายสมชาย ใจดีมาก นายสมชาย ใจดี\n", &facts),
        "1. นายสมชาย ใจดีมาก นายสมชาย  ใจดี\n"
    );
    assert_eq!(
        title_glued("ให้ พลเอก ประวิตร วงษ์สุวรรณ\n", &facts),
        "ให้ พลเอกประวิตร วงษ์สุวรรณ\n"
    );
    assert_eq!(
        zero_width("ให้ นายสมชาย ใจดี", &facts),
        "ให้ \u{200B}นาย\u{200B}สมชาย \u{200B}ใจดี"
    );
    let long = format!("{} (๑) {}", "ก".repeat(40), "ข ".repeat(30));
    let wrapped = rewrapped(&long);
    for line in wrapped.lines() {
        assert!(line.graphemes(true).count() <= WRAP_WIDTH + 1, "{line}");
        assert!(
            may_begin_line(line),
            "a wrapped line begins like a label: {line}"
        );
    }
    assert_eq!(
        wrapped.split_whitespace().collect::<Vec<_>>(),
        long.split_whitespace().collect::<Vec<_>>(),
        "rewrapping keeps every word"
    );
    let facts = serde_json::json!({"header": {"date_iso": "2023-10-01", "subject": "ปี 2566"}});
    assert_eq!(
        map_fact_strings(&facts, &|s| map_digits(s, to_thai_digit)),
        serde_json::json!({"header": {"date_iso": "2023-10-01", "subject": "ปี ๒๕๖๖"}})
    );
}
