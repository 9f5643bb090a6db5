//! The reference order and two corpus orders as other writers save them, with
//! real lists: pandoc (from Markdown: every level printed `1.`, a `num` per
//! list with nine `startOverride`s), LibreOffice (from HTML lists, and from
//! the .odt pandoc writes), python-docx (a numbering part as Word writes
//! it) and docx-rs (Word numbering in Thai digits, a list restarted by a
//! `num` with a level-0 `startOverride`, `1)` lists typed). Each must read as
//! its .txt: the same people (name, position, role, work group), duties and
//! steps with the same numbers, substitutes, committees and members.
//!
//! The paragraphs and lists come from `tests/tools/docx_writers.py` (see its
//! doc): one paragraph per outline node of the .txt, list items by depth. The
//! tool-made files are committed under `fixtures/docx/writers/` (12 files,
//! about 250 KB), so the comparison runs where no tool is installed; with the
//! tool present, the `regenerate_*` tests make them afresh in a temporary
//! folder and compare those (`KAMSANG_REQUIRE_PANDOC`,
//! `KAMSANG_REQUIRE_LIBREOFFICE`, `KAMSANG_REQUIRE_PYTHON_DOCX` make a missing
//! tool a failure); with `KAMSANG_UPDATE_WRITERS=1` they also replace the
//! committed files (`scripts/make-writer-docx.sh`).

use crate::common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The orders: the reference, a duty order with dotted numbering to four
/// levels, a committee order with `ข้อ N` clauses and `(๑)` members.
const ORDERS: &[&str] = &[
    common::REFERENCE,
    "fixtures/parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt",
    "fixtures/parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
];

/// The committed writers' files: `fixtures/docx/writers/ORDER.WRITER.docx`.
const WRITERS: &[&str] = &[
    "pandoc",
    "libreoffice-html",
    "libreoffice-odt",
    "python-docx",
];

fn stem(order: &str) -> &str {
    Path::new(order)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
}

fn writers_dir() -> PathBuf {
    common::fixture("docx/writers")
}

/// The facts a writer must keep, one per line.
pub(super) fn facts(order: &kamsang::DutyOrder) -> Vec<String> {
    facts_with(order, &|_, _| None)
}

/// The number a duty or step is expected to have in a writer's file, when
/// not its own: `renumber(duty, parent's number)`.
type Renumber<'a> = &'a dyn Fn(&Value, &str) -> Option<String>;

/// [`facts`], with some duties' numbers as `renumber` gives them.
fn facts_with(order: &kamsang::DutyOrder, renumber: Renumber<'_>) -> Vec<String> {
    fn s(v: &Value, k: &str) -> String {
        v.get(k)
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
            .unwrap_or_default()
    }
    fn duties(ds: &Value, parent: &str, indent: &str, f: Renumber<'_>, out: &mut Vec<String>) {
        for d in ds.as_array().into_iter().flatten() {
            let number = f(d, parent).unwrap_or_else(|| s(d, "number"));
            out.push(format!(
                "{indent}{number} {} {}",
                s(d, "kind"),
                s(d, "title")
            ));
            duties(&d["steps"], &number, &format!("{indent}  "), f, out);
        }
    }
    let v = serde_json::to_value(order).expect("json");
    let mut out = Vec::new();
    for p in v["people"].as_array().into_iter().flatten() {
        out.push(format!(
            "P {} {} | {} | {} | {} | {}",
            s(p, "number"),
            s(p, "full_name"),
            s(p, "position"),
            s(p, "rank"),
            s(p, "role"),
            s(p, "work_group")
        ));
        duties(&p["duties"], &s(p, "number"), "  ", renumber, &mut out);
        for sub in p["substitutes"].as_array().into_iter().flatten() {
            out.push(format!("  S {}", s(sub, "full_name")));
        }
    }
    for c in v["committees"].as_array().into_iter().flatten() {
        out.push(format!("C {} {}", s(c, "number"), s(c, "name")));
        for m in c["members"].as_array().into_iter().flatten() {
            out.push(format!(
                "  M {} | {} | {} | {}",
                s(m, "full_name"),
                s(m, "title"),
                s(m, "position"),
                s(m, "role")
            ));
        }
        duties(&c["duties"], &s(c, "number"), "  D ", renumber, &mut out);
    }
    out
}

/// The fact lines that differ, `-` from the .txt, `+` from the .docx.
fn differences(want: &[String], got: &[String]) -> Vec<String> {
    let want = want.join("\n") + "\n";
    let got = got.join("\n") + "\n";
    similar::TextDiff::from_lines(&want, &got)
        .iter_all_changes()
        .filter_map(|c| match c.tag() {
            similar::ChangeTag::Equal => None,
            similar::ChangeTag::Delete => Some(format!("-{}", c.value().trim_end())),
            similar::ChangeTag::Insert => Some(format!("+{}", c.value().trim_end())),
        })
        .collect()
}

/// The level text (`%4.`, `%5)`) of each numbered paragraph of a .docx,
/// by the paragraph's text (spaces collapsed), read from its XML: the `num`'s
/// abstract definition at the paragraph's `w:ilvl` (a `lvlOverride` with a
/// level of its own first).
fn printed_levels(bytes: &[u8]) -> BTreeMap<String, String> {
    let part = |name: &str| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut text = String::new();
        if let Ok(mut f) = zip.by_name(name) {
            std::io::Read::read_to_string(&mut f, &mut text).expect("utf-8 part");
        }
        text
    };
    let re = |r: &str| regex::Regex::new(r).expect("re");
    let (numbering, document) = (part("word/numbering.xml"), part("word/document.xml"));
    let lvl = re(r#"(?s)<w:lvl w:ilvl="(\d+)".*?<w:lvlText w:val="([^"]*)"/>"#);
    let levels = |xml: &str| -> BTreeMap<String, String> {
        lvl.captures_iter(xml)
            .map(|c| (c[1].to_string(), c[2].to_string()))
            .collect()
    };
    let abstracts: BTreeMap<String, BTreeMap<String, String>> =
        re(r#"(?s)<w:abstractNum [^>]*w:abstractNumId="(\d+)".*?</w:abstractNum>"#)
            .captures_iter(&numbering)
            .map(|c| (c[1].to_string(), levels(&c[0])))
            .collect();
    let abstract_id = re(r#"<w:abstractNumId w:val="(\d+)"/>"#);
    let nums: BTreeMap<String, BTreeMap<String, String>> =
        re(r#"(?s)<w:num w:numId="(\d+)"[^>]*>.*?</w:num>"#)
            .captures_iter(&numbering)
            .map(|c| {
                let mut l = abstract_id
                    .captures(&c[0])
                    .and_then(|a| abstracts.get(&a[1]).cloned())
                    .unwrap_or_default();
                l.extend(levels(&c[0]));
                (c[1].to_string(), l)
            })
            .collect();
    let (ilvl, num_id, run) = (
        re(r#"<w:ilvl w:val="(\d+)"/>"#),
        re(r#"<w:numId w:val="(\d+)"/>"#),
        re(r"<w:t(?: [^>]*)?>([^<]*)</w:t>"),
    );
    let mut out = BTreeMap::new();
    for p in re(r"(?s)<w:p[ >].*?</w:p>").find_iter(&document) {
        let p = p.as_str();
        let (Some(i), Some(n)) = (ilvl.captures(p), num_id.captures(p)) else {
            continue;
        };
        let text: String = run.captures_iter(p).map(|c| c[1].to_string()).collect();
        if let Some(t) = nums.get(&n[1]).and_then(|l| l.get(&i[1])) {
            out.insert(collapse(&text), t.clone());
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A writer's loss is proved from its file, never allowed by count: a list
/// item the .txt writes `N)` whose paragraph the .docx prints with a level
/// text ending in `.` (see [`printed_levels`]) shows `N.` on the page, so
/// it is read as the dotted level it shows, numbered from the item above
/// (`5.2.1` → `5.2.1.1`). pandoc 2.17's .odt writer is such a writer: its
/// `text:list-style` gets one level per nested list in the order it meets
/// them, not per depth, so in the reference order's person 5 the `)` sits on
/// level 5 (`style:num-suffix=")"`) while the `1)` lists are the fourth
/// nested `text:list`, whose level 4 has `num-suffix="."`; LibreOffice
/// keeps that (`w:lvl w:ilvl="3"` → `%4.`, `w:ilvl="4"` → `%5)`). The test
/// expects what the file prints for exactly those paragraphs and the .txt's
/// facts for every other line.
fn txt_facts_as_printed(order: &str, bytes: &[u8]) -> Vec<String> {
    let printed = printed_levels(bytes);
    let renumber = |d: &Value, parent: &str| -> Option<String> {
        let written = d["label"].as_str()?.trim();
        written.strip_suffix(')').filter(|n| is_number(n))?;
        let title = collapse(d["title"].as_str()?);
        printed
            .get(&title)
            .filter(|t| t.ends_with('.'))
            .map(|_| format!("{parent}.{}", last_value(d)))
    };
    facts_with(&common::parse_fixture(order), &renumber)
}

/// Compare one .docx with its order's .txt (as [`txt_facts_as_printed`]):
/// the report of what differs (empty when it reads the same).
fn check(order: &str, writer: &str, bytes: &[u8]) -> String {
    let name = format!("{}.{writer}.docx", stem(order));
    let docx = match kamsang::parse_bytes(&name, bytes) {
        Ok(o) => o,
        Err(e) => return format!("{name}: {e}\n"),
    };
    let want = txt_facts_as_printed(order, bytes);
    let got = facts(&docx);
    let glued = super::docx_paragraphs::glue(&name, bytes);
    let mut report = String::new();
    for g in glued {
        writeln!(report, "{g}").expect("string");
    }
    if want.is_empty() {
        writeln!(report, "{name}: the .txt has no people and no committees").expect("string");
    }
    let diff = differences(&want, &got);
    if !diff.is_empty() {
        writeln!(
            report,
            "{name}: {} fact lines differ from the .txt:",
            diff.len()
        )
        .expect("string");
        for d in diff.iter().take(30) {
            writeln!(report, "  {d}").expect("string");
        }
    }
    report
}

#[test]
fn every_writers_docx_reads_like_its_txt() {
    let mut report = String::new();
    for order in ORDERS {
        for writer in WRITERS {
            let path = writers_dir().join(format!("{}.{writer}.docx", stem(order)));
            let bytes = std::fs::read(&path).unwrap_or_else(|e| {
                panic!("{}: {e} (scripts/make-writer-docx.sh)", path.display())
            });
            report.push_str(&check(order, writer, &bytes));
        }
        report.push_str(&check(order, "docx-rs", &docx_rs_version(order)));
    }
    assert!(report.is_empty(), "{report}");
}

// ---------------------------------------------------------------- blocks

/// A paragraph of the writers' rendering (as `docx_writers.py` makes them).
#[derive(Debug)]
enum Block {
    /// A list item: level (list items around it), style, number, text, and
    /// whether it starts a new list.
    Item(usize, Style, u32, String, bool),
    /// Any other paragraph, typed as written, at its level.
    Para(usize, String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Decimal,
    Close,
    Both,
}

fn is_number(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || ('๐'..='๙').contains(&c))
}

fn style_of(n: &Value, dotted_depth: usize, all_dotted: bool) -> Option<Style> {
    let kind = n["kind"].as_str().unwrap_or("");
    if kind == "name" || kind == "name_list" {
        return None;
    }
    let label = n["label"].as_str().unwrap_or("").trim();
    let dotted = label.trim_end_matches('.').split('.').all(is_number);
    if !label.is_empty() && dotted {
        let depth = n["number"].as_str().unwrap_or("").split('.').count();
        return (all_dotted && depth == dotted_depth + 1).then_some(Style::Decimal);
    }
    if label.strip_suffix(')').is_some_and(is_number) {
        return Some(Style::Close);
    }
    if label
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .is_some_and(is_number)
    {
        return Some(Style::Both);
    }
    None
}

fn last_value(n: &Value) -> u32 {
    n["number"]
        .as_str()
        .and_then(|s| s.rsplit('.').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

fn blocks(order: &Value) -> Vec<Block> {
    fn walk(nodes: &Value, level: usize, dd: usize, all: bool, out: &mut Vec<Block>) {
        let mut prev = None;
        for n in nodes.as_array().into_iter().flatten() {
            let text = n["text"].as_str().unwrap_or("").to_string();
            match style_of(n, dd, all) {
                None => {
                    let label = n["label"].as_str().unwrap_or("");
                    out.push(Block::Para(
                        level,
                        format!("{label} {text}").trim().to_string(),
                    ));
                    prev = None;
                    if n["kind"] != "name_list" {
                        walk(&n["children"], level, dd, all, out);
                    }
                }
                Some(style) => {
                    out.push(Block::Item(
                        level,
                        style,
                        last_value(n),
                        text,
                        prev != Some(style),
                    ));
                    prev = Some(style);
                    let decimal = style == Style::Decimal;
                    walk(
                        &n["children"],
                        level + 1,
                        dd + usize::from(decimal),
                        all && decimal,
                        out,
                    );
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&order["outline"], 0, 0, true, &mut out);
    out
}

fn order_json(order: &str) -> Value {
    serde_json::to_value(common::parse_fixture(order)).expect("json")
}

// ---------------------------------------------------------------- docx-rs

/// The order built with docx-rs: Word numbering in Thai digits, whole labels
/// (`%1.` `%1.%2` `%1.%2.%3`), a list that goes on after a heading as a new
/// `num` with a level-0 `startOverride` (Word's "set numbering value"), and
/// the `1)` / `(1)` items typed: automatic and typed numbers mixed.
fn docx_rs_version(order: &str) -> Vec<u8> {
    use docx_rs::{
        AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelOverride, LevelText,
        NumberFormat, Numbering, NumberingId, Paragraph, Run, Start,
    };
    const ABSTRACT: usize = 7;
    let mut abs = AbstractNumbering::new(ABSTRACT);
    for ilvl in 0..9usize {
        let text: Vec<String> = (1..=ilvl + 1).map(|k| format!("%{k}")).collect();
        let text = text.join(".") + if ilvl == 0 { "." } else { "" };
        abs = abs.add_level(
            Level::new(
                ilvl,
                Start::new(1),
                NumberFormat::new("thaiNumbers"),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(Some(720 * (ilvl as i32 + 1)), None, None, None),
        );
    }
    let mut doc = Docx::new().add_abstract_numbering(abs);
    let mut next_num = 10usize;
    let mut num = None;
    for b in blocks(&order_json(order)) {
        let p =
            match b {
                Block::Item(level, Style::Decimal, value, text, new_list) => {
                    let id = match num {
                        Some(id) if !(new_list && level == 0) => id,
                        _ => {
                            next_num += 1;
                            doc = doc.add_numbering(
                                Numbering::new(next_num, ABSTRACT)
                                    .add_override(LevelOverride::new(0).start(value as usize)),
                            );
                            num = Some(next_num);
                            next_num
                        }
                    };
                    Paragraph::new()
                        .add_run(Run::new().add_text(text))
                        .numbering(NumberingId::new(id), IndentLevel::new(level))
                }
                Block::Item(level, style, value, text, _) => {
                    let typed = match style {
                        Style::Close => format!("{value}) {text}"),
                        _ => format!("({value}) {text}"),
                    };
                    Paragraph::new().add_run(Run::new().add_text(typed)).indent(
                        Some(720 * (level as i32 + 1)),
                        None,
                        None,
                        None,
                    )
                }
                Block::Para(level, text) => Paragraph::new()
                    .add_run(Run::new().add_text(text))
                    .indent(Some(720 * level as i32), None, None, None),
            };
        doc = doc.add_paragraph(p);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).expect("docx-rs packs");
    out.into_inner()
}

// ---------------------------------------------------------------- tools

pub(super) fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

pub(super) fn run(cmd: &mut Command) {
    let o = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        o.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `tests/tools/docx_writers.py WHAT ORDER.json OUT` for each order, in `dir`:
/// the paths of the outputs, by order.
fn tool_inputs(dir: &Path, what: &str, ext: &str) -> Vec<(&'static str, PathBuf)> {
    ORDERS
        .iter()
        .map(|order| {
            let json = dir.join(format!("{}.json", stem(order)));
            std::fs::write(&json, order_json(order).to_string()).expect("write json");
            let out = dir.join(format!("{}.{ext}", stem(order)));
            run(Command::new("python3")
                .arg(common::root().join("tests/tools/docx_writers.py"))
                .arg(what)
                .arg(&json)
                .arg(&out));
            (*order, out)
        })
        .collect()
}

/// LibreOffice converting `input` to .docx in `dir`, with a profile of its
/// own (so it never meets another soffice running).
pub(super) fn soffice_to_docx(dir: &Path, input: &Path, filter: Option<&str>) -> PathBuf {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let mut cmd = Command::new("soffice");
    cmd.arg(&profile).arg("--headless");
    if let Some(f) = filter {
        cmd.arg(format!("--infilter={f}"));
    }
    run(cmd
        .args(["--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(dir.join("out"))
        .arg(input));
    let name = input.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    dir.join("out").join(format!("{name}.docx"))
}

/// Compare fresh files with their .txt; with `KAMSANG_UPDATE_WRITERS` set,
/// also put them in `fixtures/docx/writers/`.
fn compare_fresh(writer: &str, files: &[(&str, PathBuf)]) {
    let mut report = String::new();
    for (order, path) in files {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        report.push_str(&check(order, writer, &bytes));
        if std::env::var_os("KAMSANG_UPDATE_WRITERS").is_some() {
            let to = writers_dir().join(format!("{}.{writer}.docx", stem(order)));
            std::fs::create_dir_all(writers_dir()).expect("mkdir");
            std::fs::write(&to, &bytes).expect("write fixture");
        }
    }
    assert!(report.is_empty(), "{report}");
}

pub(super) fn have_pandoc() -> bool {
    runs("pandoc", &["--version"])
}

pub(super) fn have_soffice() -> bool {
    runs("soffice", &["--version"])
}

pub(super) fn have_python_docx() -> bool {
    runs("python3", &["-c", "import docx"])
}

#[test]
fn regenerate_with_pandoc() {
    let reason = "pandoc is not installed (apt-get install pandoc)";
    if common::skip_without(have_pandoc(), "KAMSANG_REQUIRE_PANDOC", reason) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let files: Vec<_> = tool_inputs(dir.path(), "markdown", "md")
        .into_iter()
        .map(|(order, md)| {
            let out = md.with_extension("docx");
            run(Command::new("pandoc")
                .args(["-f", "markdown"])
                .arg(&md)
                .arg("-o")
                .arg(&out));
            (order, out)
        })
        .collect();
    compare_fresh("pandoc", &files);
}

#[test]
fn regenerate_with_libreoffice() {
    let reason = "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)";
    if common::skip_without(have_soffice(), "KAMSANG_REQUIRE_LIBREOFFICE", reason) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let files: Vec<_> = tool_inputs(dir.path(), "html", "html")
        .into_iter()
        .map(|(order, html)| {
            let out = soffice_to_docx(dir.path(), &html, Some("HTML (StarWriter)"));
            (order, out)
        })
        .collect();
    compare_fresh("libreoffice-html", &files);
    // the .odt route needs pandoc to write the .odt
    let reason = "pandoc is not installed: the .odt LibreOffice converts is pandoc's";
    if common::skip_without(have_pandoc(), "KAMSANG_REQUIRE_PANDOC", reason) {
        return;
    }
    let odt_dir = dir.path().join("odt");
    std::fs::create_dir_all(&odt_dir).expect("mkdir");
    let files: Vec<_> = tool_inputs(&odt_dir, "markdown", "md")
        .into_iter()
        .map(|(order, md)| {
            let odt = md.with_extension("odt");
            run(Command::new("pandoc")
                .args(["-f", "markdown"])
                .arg(&md)
                .arg("-o")
                .arg(&odt));
            (order, soffice_to_docx(&odt_dir, &odt, None))
        })
        .collect();
    compare_fresh("libreoffice-odt", &files);
}

#[test]
fn regenerate_with_python_docx() {
    let reason = "python-docx is not installed (pip install python-docx)";
    if common::skip_without(have_python_docx(), "KAMSANG_REQUIRE_PYTHON_DOCX", reason) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let files = tool_inputs(dir.path(), "python-docx", "docx");
    compare_fresh("python-docx", &files);
}
