//! The corpus scoreboard: every `fixtures/corpus/NNN_*.txt` (real orders) is
//! parsed, and where a hand-read `NNN_*.facts.json` sits beside it, the output
//! is scored against those facts (format: `fixtures/corpus/README.md`).
//!
//! A ratchet: `fixtures/corpus/scoreboard.json` holds the last accepted score
//! per file; the test fails when a file's `right` goes down, an invented count
//! goes up, or `total` changed (facts edited) without re-recording. Record:
//! `KAMSANG_UPDATE_SCOREBOARD=1 cargo test --test it corpus:: -- --nocapture`.
//! The table alone: `scripts/corpus-report`.

use crate::common;

mod variants;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// The corpus directory (real orders), relative to the package root.
pub(super) const CORPUS_DIR: &str = "fixtures/corpus";
/// Synthetic orders in the kinds the held-out checks name, each written with
/// its facts before kamsang was run on it (`fixtures/heldout/README.md`).
pub(super) const HELDOUT_DIR: &str = "fixtures/heldout";
/// The recorded baseline the ratchet compares with, in each directory.
const BASELINE: &str = "scoreboard.json";
/// Set to re-record the baseline instead of comparing with it.
pub(super) const UPDATE_VAR: &str = "KAMSANG_UPDATE_SCOREBOARD";
/// Differences printed per file (the rest are counted).
const MAX_DIFF_LINES: usize = 8;
/// Marks around the table so `scripts/corpus-report` can cut it out.
const TABLE_BEGIN: &str = "=== corpus scoreboard ===";
const TABLE_END: &str = "=== end of corpus scoreboard ===";
/// Output roles accepted for a facts role (the model may write a code).
const ROLE_ALIASES: &[(&str, &str)] = &[("ที่ปรึกษา", "advisor")];

/// The scorer's text normalisation: NFC; NIKHAHIT + SARA AA (also with a tone
/// mark between) → SARA AM; zero-width characters dropped; every whitespace
/// run (NBSP, TAB) → one space; trimmed.
fn norm(s: &str) -> String {
    let chars: Vec<char> = s
        .nfc()
        .filter(|c| !matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}'))
        .collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let tone = |c: char| ('\u{0E48}'..='\u{0E4B}').contains(&c);
        if c == '\u{0E4D}' && chars.get(i + 1) == Some(&'\u{0E32}') {
            out.push('\u{0E33}');
            i += 2;
            continue;
        }
        if c == '\u{0E4D}'
            && chars.get(i + 1).is_some_and(|&t| tone(t))
            && chars.get(i + 2) == Some(&'\u{0E32}')
        {
            out.push(chars[i + 1]);
            out.push('\u{0E33}');
            i += 3;
            continue;
        }
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    out.trim().to_string()
}

/// Text keys compared without their spaces: where a wrapped line was joined
/// (with or without a space) is often not decidable, and a post, role,
/// subject or committee name means the same either way. Names keep theirs,
/// except the signer's: written as text (`นาย สมศักดิ์ รักเรียน` keeps the
/// space after its title), it has no title field to compare by.
const SPACE_BLIND_KEYS: &[&str] = &[
    "issuer",
    "subject",
    "position",
    "appointed_as",
    "role",
    "signer",
];

/// `norm` without any space, for the keys in `SPACE_BLIND_KEYS`.
fn loose(s: &str) -> String {
    norm(s).replace(' ', "")
}

/// A name with the space after a known title removed, so `พลตำรวจโท วิโรจน์ …`
/// and `พลตำรวจโทวิโรจน์ …` compare equal.
fn name_key(full: &str, titles: &[&str]) -> String {
    let full = norm(full);
    for t in titles.iter().map(|t| norm(t)).filter(|t| !t.is_empty()) {
        if let Some(rest) = full.strip_prefix(t.as_str()) {
            return format!("{t}{}", rest.trim_start());
        }
    }
    full
}

fn same_name(want: &str, want_title: Option<&str>, got: &Value) -> bool {
    let Some(got_full) = got.get("full_name").and_then(Value::as_str) else {
        return false;
    };
    let got_title = got.get("title").and_then(Value::as_str);
    let titles: Vec<&str> = [want_title, got_title].into_iter().flatten().collect();
    name_key(want, &titles) == name_key(got_full, &titles)
}

/// A value for a difference line: `"text"`, `null`, `(absent)`.
fn show(v: Option<&Value>) -> String {
    match v {
        None => "(absent)".into(),
        Some(Value::String(s)) => format!("\"{}\"", norm(s)),
        Some(v) => v.to_string(),
    }
}

/// `got` says what `want` says (after normalisation; spaces ignored for the
/// keys in `SPACE_BLIND_KEYS`). An absent key is wrong.
fn same_value(key: &str, want: &Value, got: Option<&Value>) -> bool {
    match (want, got) {
        (_, None) => false,
        (Value::String(w), Some(Value::String(g))) if SPACE_BLIND_KEYS.contains(&key) => {
            loose(w) == loose(g)
        }
        (Value::String(w), Some(Value::String(g))) => norm(w) == norm(g),
        (Value::Number(w), Some(Value::Number(g))) => w.as_f64() == g.as_f64(),
        (Value::Null, Some(Value::Null)) => true,
        (w, Some(g)) => w == g,
    }
}

fn same_role(want: &Value, got: Option<&Value>) -> bool {
    same_value("role", want, got)
        || match (want.as_str(), got.and_then(Value::as_str)) {
            (Some(w), Some(g)) => ROLE_ALIASES
                .iter()
                .any(|(t, code)| norm(w) == *t && g == *code),
            _ => false,
        }
}

/// One file's score and what the output looks like.
#[derive(Default)]
pub(super) struct Score {
    pub(super) right: u64,
    pub(super) total: u64,
    pub(super) invented_people: u64,
    pub(super) invented_members: u64,
    pub(super) invented_committees: u64,
    pub(super) diffs: Vec<String>,
}

impl Score {
    fn claim(&mut self, ok: bool, diff: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.right += 1;
        } else {
            self.diffs.push(diff());
        }
    }

    fn key_claim(&mut self, what: &str, key: &str, want: &Value, got: Option<&Value>) {
        let ok = same_value(key, want, got);
        self.claim(ok, || {
            format!("{what}: got {} want {}", show(got), show(Some(want)))
        });
    }

    fn record(&self) -> Value {
        serde_json::json!({
            "right": self.right,
            "total": self.total,
            "invented_people": self.invented_people,
            "invented_members": self.invented_members,
            "invented_committees": self.invented_committees,
        })
    }
}

/// Where each facts header key lives in kamsang's JSON.
const HEADER_PATHS: &[(&str, &str)] = &[
    ("issuer", "/header/issuer"),
    ("number", "/header/order_number/number"),
    ("year_be", "/header/order_number/year_be"),
    ("subject", "/header/subject"),
    ("date_iso", "/header/date/iso"),
    ("signer", "/header/signed_by/name"),
];

/// A JSON pointer that treats a null parent as a null value (a null
/// `order_number` says the number is null), and a missing key as absent.
fn lookup<'a>(v: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut cur = v;
    for part in pointer.split('/').skip(1) {
        match cur {
            Value::Null => return Some(cur),
            Value::Object(m) => cur = m.get(part)?,
            _ => return None,
        }
    }
    Some(cur)
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

pub(super) fn score(facts: &Value, out: &Value) -> Score {
    let mut s = Score::default();
    if let Some(want) = facts.get("kind") {
        let got = out.pointer("/header/kind").or_else(|| out.get("kind"));
        s.key_claim("kind", "kind", want, got);
    }
    if let Some(header) = facts.get("header").and_then(Value::as_object) {
        for (key, path) in HEADER_PATHS {
            if let Some(want) = header.get(*key) {
                s.key_claim(&format!("header.{key}"), key, want, lookup(out, path));
            }
        }
    }
    score_people(&mut s, facts, out);
    score_committees(&mut s, facts, out);
    s
}

fn score_people(s: &mut Score, facts: &Value, out: &Value) {
    // an entry that says it is an earlier entry's person (`same_as`) is that
    // person listed again, not one more person
    let got_people: Vec<&Value> = array(out, "people")
        .iter()
        .filter(|p| p.get("same_as").is_none_or(Value::is_null))
        .collect();
    let mut used = vec![false; got_people.len()];
    for want in array(facts, "people") {
        let name = want.get("full_name").and_then(Value::as_str).unwrap_or("");
        let title = want.get("title").and_then(Value::as_str);
        let found = got_people
            .iter()
            .enumerate()
            .find(|(i, g)| !used[*i] && same_name(name, title, g));
        s.claim(found.is_some(), || format!("missing person {}", norm(name)));
        let Some((i, got)) = found else {
            // Each key of a missing person is a missed claim too.
            let keys = want.as_object().map_or(0, |m| m.len().saturating_sub(1));
            s.total += keys as u64;
            continue;
        };
        used[i] = true;
        for (key, value) in want.as_object().into_iter().flatten() {
            if key != "full_name" {
                s.key_claim(
                    &format!("person {} {key}", norm(name)),
                    key,
                    value,
                    got.get(key),
                );
            }
        }
    }
    for (g, _) in got_people.iter().zip(&used).filter(|(_, u)| !**u) {
        s.invented_people += 1;
        let name = g.get("full_name").and_then(Value::as_str).unwrap_or("?");
        s.diffs.push(format!("invented person {}", norm(name)));
    }
}

/// A committee's name as compared (spaces ignored, as for posts).
fn committee_name(c: &Value) -> String {
    loose(shown_name(c).as_str())
}

/// A committee's name as printed in a difference line.
fn shown_name(c: &Value) -> String {
    norm(c.get("name").and_then(Value::as_str).unwrap_or(""))
}

fn score_committees(s: &mut Score, facts: &Value, out: &Value) {
    let got_all = array(out, "committees");
    let mut used = vec![false; got_all.len()];
    for want in array(facts, "committees") {
        let name = committee_name(want);
        // An exact name first, then containment either way.
        let exact = (0..got_all.len()).find(|&i| !used[i] && committee_name(&got_all[i]) == name);
        let found = exact.or_else(|| {
            (0..got_all.len()).find(|&i| {
                let g = committee_name(&got_all[i]);
                !used[i]
                    && !g.is_empty()
                    && !name.is_empty()
                    && (g.contains(&name) || name.contains(&g))
            })
        });
        s.claim(found.is_some(), || {
            format!("missing committee {}", shown_name(want))
        });
        let want_members = array(want, "members");
        let Some(i) = found else {
            for m in want_members {
                s.total += 1 + m
                    .as_object()
                    .map_or(0, |o| u64::from(o.contains_key("role")));
                let named = m.get("full_name").and_then(Value::as_str).is_some();
                s.total += u64::from(named && m.get("position").is_some());
            }
            continue;
        };
        used[i] = true;
        score_members(
            s,
            &shown_name(want),
            want_members,
            array(&got_all[i], "members"),
        );
    }
    for (g, _) in got_all.iter().zip(&used).filter(|(_, u)| !**u) {
        s.invented_committees += 1;
        s.invented_members += array(g, "members").len() as u64;
        s.diffs
            .push(format!("invented committee {}", shown_name(g)));
    }
}

fn score_members(s: &mut Score, committee: &str, want: &[Value], got: &[Value]) {
    // cut between grapheme clusters: a Thai vowel or tone mark stays on its
    // consonant (3 of the 18 corpus committee names end mid-cluster at 30 chars)
    let short: String = committee.graphemes(true).take(30).collect();
    let mut used = vec![false; got.len()];
    for w in want {
        let full = w.get("full_name").and_then(Value::as_str);
        let position = w.get("position").and_then(Value::as_str).unwrap_or("");
        let found = (0..got.len()).find(|&i| {
            !used[i]
                && match full {
                    Some(name) => same_name(name, None, &got[i]),
                    None => got[i]
                        .get("position")
                        .and_then(Value::as_str)
                        .is_some_and(|p| loose(p) == loose(position)),
                }
        });
        let label = full.map_or_else(|| format!("seat {}", norm(position)), norm);
        s.claim(found.is_some(), || {
            format!("{short}…: missing member {label}")
        });
        let Some(i) = found else {
            s.total += u64::from(w.get("role").is_some());
            s.total += u64::from(full.is_some() && w.get("position").is_some());
            continue;
        };
        used[i] = true;
        let g = &got[i];
        if full.is_none() && g.get("full_name").is_some_and(|v| !v.is_null()) {
            s.invented_members += 1;
            s.diffs
                .push(format!("{short}…: seat {label} given a full_name"));
        }
        if let Some(role) = w.get("role") {
            let ok = same_role(role, g.get("role"));
            s.claim(ok, || {
                format!(
                    "{short}…: {label} role: got {} want {}",
                    show(g.get("role")),
                    show(Some(role))
                )
            });
        }
        if let (Some(_), Some(p)) = (full, w.get("position")) {
            s.key_claim(
                &format!("{short}…: {label} position"),
                "position",
                p,
                g.get("position"),
            );
        }
    }
    for (g, _) in got.iter().zip(&used).filter(|(_, u)| !**u) {
        s.invented_members += 1;
        let name = g
            .get("full_name")
            .and_then(Value::as_str)
            .unwrap_or("(no name)");
        s.diffs
            .push(format!("{short}…: invented member {}", norm(name)));
    }
}

/// Outline nodes and the deepest nesting.
fn outline_stats(nodes: &[Value], depth: usize) -> (usize, usize) {
    nodes.iter().fold((0, 0), |(n, d), node| {
        let (cn, cd) = outline_stats(array(node, "children"), depth + 1);
        (n + 1 + cn, d.max(depth + 1).max(cd))
    })
}

/// One row of the table: the output's shape, whatever the facts say.
fn shape(out: &Value) -> String {
    let committees = array(out, "committees");
    let members: usize = committees.iter().map(|c| array(c, "members").len()).sum();
    let (nodes, depth) = outline_stats(array(out, "outline"), 0);
    format!(
        "{:>4} {:>4} {:>5} {:>5} {:>5} {:>5}",
        array(out, "people").len(),
        committees.len(),
        members,
        nodes,
        depth,
        array(out, "diagnostics").len()
    )
}

/// Parse one corpus file to JSON, naming the file if the parser panics.
pub(super) fn parse(rel: &str, bytes: &[u8]) -> Value {
    let result = std::panic::catch_unwind(|| kamsang::parse_bytes(rel, bytes));
    let order = match result {
        Ok(Ok(order)) => order,
        Ok(Err(e)) => panic!("{rel}: does not parse: {e}"),
        Err(_) => panic!("{rel}: the parser panicked"),
    };
    serde_json::to_value(&order).expect("serialise")
}

fn corpus_files() -> Vec<std::path::PathBuf> {
    txt_files(CORPUS_DIR)
}

pub(super) fn txt_files(dir: &str) -> Vec<std::path::PathBuf> {
    let files = common::files_with_ext(&common::root().join(dir), "txt");
    assert!(!files.is_empty(), "no .txt orders in {dir}");
    files
}

/// The orders of a scoreboard folder: its .txt and .docx files, by name
/// (the held-out folder has orders written in Word as well as text).
fn order_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files = txt_files(dir);
    files.extend(common::files_with_ext(&common::root().join(dir), "docx"));
    files.sort();
    files
}

pub(super) fn stem(p: &Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .expect("utf-8 name")
        .to_string()
}

#[test]
fn every_corpus_file_parses_and_validates() {
    let validator = common::validator();
    for path in corpus_files() {
        let rel = format!("{CORPUS_DIR}/{}.txt", stem(&path));
        let out = parse(&rel, &std::fs::read(&path).expect("read"));
        common::assert_valid(&validator, &out, &rel);
    }
}

#[test]
fn scoreboard() {
    board(CORPUS_DIR);
}

#[test]
fn heldout_scoreboard() {
    board(HELDOUT_DIR);
}

/// Score every order of `dir` that has facts, print the table and ratchet.
fn board(dir: &str) {
    let mut table = String::new();
    let mut details = String::new();
    let mut scores: BTreeMap<String, Value> = BTreeMap::new();
    let (mut right, mut total, mut inv) = (0u64, 0u64, [0u64; 3]);
    let _ = writeln!(
        table,
        "{:<58} {:>9} {:>4} {:>4} {:>4} | {:>4} {:>4} {:>5} {:>5} {:>5} {:>5}",
        "file", "right", "invP", "invM", "invC", "ppl", "com", "membr", "nodes", "depth", "diags"
    );
    for path in order_files(dir) {
        let name = stem(&path);
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt");
        let rel = format!("{dir}/{name}.{ext}");
        let out = parse(&rel, &std::fs::read(&path).expect("read"));
        let facts_path = path.with_extension("facts.json");
        if !facts_path.exists() {
            let _ = writeln!(
                table,
                "{name:<58} {:>9} {:>4} {:>4} {:>4} | {}",
                "no facts",
                "-",
                "-",
                "-",
                shape(&out)
            );
            continue;
        }
        let text = std::fs::read_to_string(&facts_path).expect("read facts");
        let facts: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", facts_path.display()));
        let s = score(&facts, &out);
        right += s.right;
        total += s.total;
        inv[0] += s.invented_people;
        inv[1] += s.invented_members;
        inv[2] += s.invented_committees;
        let _ = writeln!(
            table,
            "{name:<58} {:>9} {:>4} {:>4} {:>4} | {}",
            format!("{}/{}", s.right, s.total),
            s.invented_people,
            s.invented_members,
            s.invented_committees,
            shape(&out)
        );
        if !s.diffs.is_empty() {
            let _ = writeln!(details, "{name}:");
            for d in s.diffs.iter().take(MAX_DIFF_LINES) {
                let _ = writeln!(details, "  {d}");
            }
            if s.diffs.len() > MAX_DIFF_LINES {
                let _ = writeln!(details, "  … {} more", s.diffs.len() - MAX_DIFF_LINES);
            }
        }
        scores.insert(name, s.record());
    }
    let pct = if total == 0 {
        0.0
    } else {
        100.0 * right as f64 / total as f64
    };
    let _ = writeln!(
        table,
        "{:<58} {:>9} {:>4} {:>4} {:>4} | {right}/{total} = {pct:.1}%",
        "TOTAL",
        format!("{pct:.1}%"),
        inv[0],
        inv[1],
        inv[2]
    );
    println!("\n{TABLE_BEGIN} {dir}\n{table}{TABLE_END}\n\nfirst differences per file:\n{details}");
    ratchet(dir, &scores);
}

/// Compare with (or, with `KAMSANG_UPDATE_SCOREBOARD`, rewrite) the baseline.
fn ratchet(dir: &str, scores: &BTreeMap<String, Value>) {
    let baseline_rel = format!("{dir}/{BASELINE}");
    let path = common::root().join(&baseline_rel);
    if std::env::var_os(UPDATE_VAR).is_some() {
        let doc = serde_json::json!({
            "about": format!("corpus scoreboard baseline; re-record with {UPDATE_VAR}=1 cargo test --test it corpus:: -- --nocapture"),
            "files": scores,
        });
        let mut text = serde_json::to_string_pretty(&doc).expect("json");
        text.push('\n');
        std::fs::write(&path, text).expect("write scoreboard");
        println!("recorded {}", path.display());
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| "{}".into());
    let baseline: Value = serde_json::from_str(&text).expect("scoreboard.json is JSON");
    let empty = serde_json::Map::new();
    let old = baseline
        .get("files")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut problems = Vec::new();
    let mut better = Vec::new();
    let num = |v: &Value, k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
    for (name, now) in scores {
        let Some(was) = old.get(name) else {
            problems.push(format!("{name}: not in the baseline"));
            continue;
        };
        if num(now, "total") != num(was, "total") {
            problems.push(format!(
                "{name}: total {} → {} (facts changed)",
                num(was, "total"),
                num(now, "total")
            ));
        }
        for key in [
            "right",
            "invented_people",
            "invented_members",
            "invented_committees",
        ] {
            let (a, b) = (num(was, key), num(now, key));
            let worse = if key == "right" { b < a } else { b > a };
            if worse {
                problems.push(format!("{name}: {key} {a} → {b}"));
            } else if a != b {
                better.push(format!("{name}: {key} {a} → {b}"));
            }
        }
    }
    for name in old.keys().filter(|k| !scores.contains_key(*k)) {
        problems.push(format!(
            "{name}: in the baseline but has no facts or no file"
        ));
    }
    if !better.is_empty() {
        println!(
            "better than the baseline (record it to lock it in):\n  {}",
            better.join("\n  ")
        );
    }
    assert!(
        problems.is_empty(),
        "{dir} scoreboard is worse than {baseline_rel} (or out of date):\n  {}\n\
         If this is intended (facts edited, or a trade-off you accept), re-record with\n  \
         {UPDATE_VAR}=1 cargo test --test it corpus:: -- --nocapture\nand commit the new baseline.",
        problems.join("\n  ")
    );
}

#[test]
fn scorer_counts_claims_misses_and_inventions() {
    // The scorer itself: NIKHAHIT + SARA AA, NBSP and the title space.
    assert_eq!(norm("ตํา\u{a0}\u{a0}แหน่ง\t"), "ตำ แหน่ง");
    assert_eq!(norm("น\u{0E4D}\u{0E49}\u{0E32}"), "น\u{0E49}\u{0E33}");
    assert_eq!(
        name_key("พลตำรวจโท วิโรจน์ เปาอินทร์", &["พลตำรวจโท"]),
        name_key("พลตำรวจโทวิโรจน์ เปาอินทร์", &["พลตำรวจโท"])
    );
    let facts = serde_json::json!({
        "kind": "committee",
        "header": {"number": null, "subject": "แต่งตั้ง คณะ"},
        "people": [{"full_name": "นายก ข", "title": "นาย", "position": null}],
        "committees": [{"name": "คณะกรรมการ ก", "members": [
            {"full_name": null, "position": "ปลัดกระทรวง", "role": "ที่ปรึกษา"},
            {"full_name": "นายก ข", "position": null, "role": "กรรมการ"}
        ]}]
    });
    let out = serde_json::json!({
        "header": {"order_number": null, "subject": "แต่งตั้งคณะ"},
        "people": [{"full_name": "นาย ก ข", "title": "นาย", "position": "กรรมการ"},
                   {"full_name": "ประธานกรรมการ", "title": null}],
        "committees": [{"name": "1. คณะกรรมการ ก ประกอบด้วย", "members": [
            {"full_name": "ปลัดกระทรวง", "position": "ปลัดกระทรวง", "role": "advisor"},
            {"full_name": "นายก ข", "role": "กรรมการ"},
            {"full_name": "รองปลัด", "role": "กรรมการ"}
        ]}]
    });
    let s = score(&facts, &out);
    // kind (absent: wrong), number, subject, person + title + position (wrong),
    // committee, seat + role, named member + role + position (absent: wrong).
    assert_eq!((s.right, s.total), (9, 12), "{:?}", s.diffs);
    assert_eq!(
        (s.invented_people, s.invented_members, s.invented_committees),
        (1, 2, 0)
    );
}
