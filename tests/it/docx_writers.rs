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

/// Differences that remain: (order stem, writer, fact line, why). A fact line
/// is prefixed `-` (the .txt only) or `+` (the .docx only).
const KNOWN: &[(&str, &str, &str, &str)] = &[];

/// Differences of the .odt route that come from pandoc 2.17's .odt writer,
/// not from the reader: pandoc gives the innermost of five nested lists a
/// style whose `)` is one level too deep (level 5 of its `text:list-style`
/// where the list sits at level 4), LibreOffice prints that `1)` list as
/// `1.`, and kamsang reads what LibreOffice prints (`5.2.1.1`, not `1)`).
/// (order stem, how many fact lines differ.)
const ODT_ROUTE_DIFFERENCES: &[(&str, usize)] = &[("phetchaburi1-policy-plan", 50)];

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
    fn s(v: &Value, k: &str) -> String {
        v.get(k)
            .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
            .unwrap_or_default()
    }
    fn duties(ds: &Value, indent: &str, out: &mut Vec<String>) {
        for d in ds.as_array().into_iter().flatten() {
            out.push(format!(
                "{indent}{} {} {}",
                s(d, "number"),
                s(d, "kind"),
                s(d, "title")
            ));
            duties(&d["steps"], &format!("{indent}  "), out);
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
        duties(&p["duties"], "  ", &mut out);
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
        duties(&c["duties"], "  D ", &mut out);
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

fn txt_facts(order: &str) -> Vec<String> {
    facts(&common::parse_fixture(order))
}

/// Compare one .docx with its order's .txt; the report of what differs
/// beyond [`KNOWN`] and [`ODT_ROUTE_DIFFERENCES`] (empty when it reads the same).
fn check(order: &str, writer: &str, bytes: &[u8]) -> String {
    let name = format!("{}.{writer}.docx", stem(order));
    let docx = match kamsang::parse_bytes(&name, bytes) {
        Ok(o) => o,
        Err(e) => return format!("{name}: {e}\n"),
    };
    let want = txt_facts(order);
    let got = facts(&docx);
    let glued = super::docx_paragraphs::glue(&name, bytes);
    let mut report = String::new();
    for g in glued {
        writeln!(report, "{g}").expect("string");
    }
    if want.is_empty() {
        writeln!(report, "{name}: the .txt has no people and no committees").expect("string");
    }
    let diff: Vec<String> = differences(&want, &got)
        .into_iter()
        .filter(|d| {
            !KNOWN
                .iter()
                .any(|(o, w, line, _)| *o == stem(order) && *w == writer && line == d)
        })
        .collect();
    let allowed = match writer {
        "libreoffice-odt" => ODT_ROUTE_DIFFERENCES
            .iter()
            .find(|(o, _)| *o == stem(order))
            .map_or(0, |(_, n)| *n),
        _ => 0,
    };
    if diff.len() != allowed {
        writeln!(
            report,
            "{name}: {} fact lines differ from the .txt (allowed {allowed}):",
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

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn run(cmd: &mut Command) {
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
fn soffice_to_docx(dir: &Path, input: &Path, filter: Option<&str>) -> PathBuf {
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

fn have_pandoc() -> bool {
    runs("pandoc", &["--version"])
}

fn have_soffice() -> bool {
    runs("soffice", &["--version"])
}

fn have_python_docx() -> bool {
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
