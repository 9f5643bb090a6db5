//! Held-out orders through other writers (issue 13, done-when: "checked
//! independently on .docx files you have not seen, written by several
//! tools"): six held-out .txt orders, whose facts were written by hand, are
//! put into each writer from their text alone (`tests/tools/plain_writers.py`:
//! no kamsang output goes in) and the .docx each writer saves must score the
//! same facts as the .txt (the held-out scorer of [`super::corpus`]):
//!
//! - pandoc, Markdown → .docx (each line a paragraph, items numbered by Word);
//! - LibreOffice from the .txt itself (`soffice --convert-to docx`), from
//!   pandoc's .html and from pandoc's .odt of the same Markdown;
//! - python-docx, each line a paragraph as typed, tabs kept.
//!
//! The files are made at test time in a temporary folder. A missing tool
//! skips its test with the reason printed, unless `KAMSANG_REQUIRE_PANDOC`,
//! `KAMSANG_REQUIRE_LIBREOFFICE` or `KAMSANG_REQUIRE_PYTHON_DOCX` is set.

use crate::common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::docx_writers::{have_pandoc, have_python_docx, have_soffice, run};

/// The held-out orders: work groups with teacher ranks, exam committees,
/// a working group's posts with names in brackets (tabs), dotted leaders,
/// a hospital committee, members' posts on the line under their names.
const ORDERS: &[&str] = &[
    "h09_school_duty_groups_teacher_ranks",
    "h11_school_midterm_exam_committees",
    "h25_ministry_working_group_posts_with_names",
    "h33_school_science_fair_dotted_leaders",
    "h45_hospital_infection_committee",
    "h53_office_committee_post_on_next_line",
];

fn txt(order: &str) -> PathBuf {
    common::fixture(&format!("heldout/{order}.txt"))
}

fn facts(order: &str) -> Value {
    let path = common::fixture(&format!("heldout/{order}.facts.json"));
    let text = std::fs::read_to_string(&path).expect("facts");
    serde_json::from_str(&text).expect("facts json")
}

/// `name`'s score against the order's facts: (right of total, inventions,
/// what was missed).
fn scored(order: &str, name: &str, bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    let parsed = kamsang::parse_bytes(name, bytes).map_err(|e| format!("{name}: {e}"))?;
    let out = serde_json::to_value(&parsed).expect("json");
    let s = super::corpus::score(&facts(order), &out);
    let line = format!(
        "{}/{} right, {} invented people, {} members, {} committees",
        s.right, s.total, s.invented_people, s.invented_members, s.invented_committees
    );
    Ok((line, s.diffs))
}

/// The report of each .docx that scores otherwise than its .txt (empty when
/// all score the same).
fn compare(writer: &str, files: &[(&str, PathBuf)]) -> String {
    let mut report = String::new();
    for (order, path) in files {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let txt_bytes = std::fs::read(txt(order)).expect("txt");
        let want = scored(order, &format!("{order}.txt"), &txt_bytes).expect("txt parses");
        let name = format!("{order}.{writer}.docx");
        match scored(order, &name, &bytes) {
            Err(e) => writeln!(report, "{e}").expect("string"),
            Ok(got) if got != want => {
                writeln!(report, "{name}: {} (the .txt: {})", got.0, want.0).expect("string");
                for d in got.1.iter().filter(|d| !want.1.contains(d)).take(12) {
                    writeln!(report, "    {d}").expect("string");
                }
            }
            Ok(_) => {}
        }
    }
    report
}

/// `tests/tools/plain_writers.py WHAT ORDER.txt OUT` for each order, into `dir`.
fn tool(dir: &Path, what: &str, ext: &str) -> Vec<(&'static str, PathBuf)> {
    std::fs::create_dir_all(dir).expect("mkdir");
    ORDERS
        .iter()
        .map(|order| {
            let out = dir.join(format!("{order}.{ext}"));
            run(Command::new("python3")
                .arg(common::root().join("tests/tools/plain_writers.py"))
                .arg(what)
                .arg(txt(order))
                .arg(&out));
            (*order, out)
        })
        .collect()
}

/// pandoc from each order's Markdown to `ext`, into `dir`.
fn pandoc(dir: &Path, ext: &str) -> Vec<(&'static str, PathBuf)> {
    tool(dir, "markdown", "md")
        .into_iter()
        .map(|(order, md)| {
            let out = md.with_extension(ext);
            run(Command::new("pandoc")
                .args(["-f", "markdown", "-s", "--metadata", "title=order"])
                .arg(&md)
                .arg("-o")
                .arg(&out));
            (order, out)
        })
        .collect()
}

/// LibreOffice converting every input of `files` to .docx in one run (with
/// a profile of its own, so it never meets another soffice running), into
/// `dir/out`.
fn soffice(
    dir: &Path,
    files: &[(&'static str, PathBuf)],
    filter: Option<&str>,
) -> Vec<(&'static str, PathBuf)> {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let mut cmd = Command::new("soffice");
    cmd.arg(&profile).arg("--headless");
    if let Some(f) = filter {
        cmd.arg(format!("--infilter={f}"));
    }
    cmd.args(["--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(dir.join("out"));
    for (_, input) in files {
        cmd.arg(input);
    }
    run(&mut cmd);
    files
        .iter()
        .map(|(order, input)| {
            let name = input.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            (*order, dir.join("out").join(format!("{name}.docx")))
        })
        .collect()
}

#[test]
fn pandoc_docx_scores_as_the_txt() {
    let reason = "pandoc is not installed (apt-get install pandoc)";
    if common::skip_without(have_pandoc(), "KAMSANG_REQUIRE_PANDOC", reason) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let report = compare("pandoc", &pandoc(dir.path(), "docx"));
    assert!(report.is_empty(), "{report}");
}

#[test]
fn libreoffice_docx_scores_as_the_txt() {
    let reason = "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)";
    if common::skip_without(have_soffice(), "KAMSANG_REQUIRE_LIBREOFFICE", reason) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let to = dir.path().join("txt");
    std::fs::create_dir_all(&to).expect("mkdir");
    let inputs: Vec<_> = ORDERS
        .iter()
        .map(|order| {
            let input = to.join(format!("{order}.txt"));
            std::fs::copy(txt(order), &input).expect("copy");
            (*order, input)
        })
        .collect();
    let from_txt = soffice(&to, &inputs, Some("Text (encoded):UTF8,LF,,"));
    let mut report = compare("libreoffice-txt", &from_txt);
    // the .html and .odt routes need pandoc to write them
    let reason = "pandoc is not installed: LibreOffice's .html and .odt are pandoc's";
    if !common::skip_without(have_pandoc(), "KAMSANG_REQUIRE_PANDOC", reason) {
        for (ext, filter) in [("html", Some("HTML (StarWriter)")), ("odt", None)] {
            let to = dir.path().join(ext);
            let files = soffice(&to, &pandoc(&to, ext), filter);
            report.push_str(&compare(&format!("libreoffice-{ext}"), &files));
        }
    }
    assert!(report.is_empty(), "{report}");
}

#[test]
fn python_docx_scores_as_the_txt() {
    let reason = "python-docx is not installed (pip install python-docx)";
    if common::skip_without(have_python_docx(), "KAMSANG_REQUIRE_PYTHON_DOCX", reason) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let report = compare("python-docx", &tool(dir.path(), "python-docx", "docx"));
    assert!(report.is_empty(), "{report}");
}
