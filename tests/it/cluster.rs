//! The cluster path: the contract engines drive (`kamsang batch - --jsonl -`:
//! paths on stdin, one JSON line out per path, in order), and the recipes in
//! README.md ("Batch and clusters") run for real — GNU parallel, `xargs -P` and
//! PySpark in local mode — on a small archive with a broken file. The recipes
//! are read from README.md, so the documentation is what is tested; Hadoop
//! Streaming cannot run here, so the contract it relies on is tested instead.

use crate::common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The code block that follows `<!-- recipe: NAME -->` in README.md.
fn recipe(name: &str) -> String {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README");
    let marker = format!("<!-- recipe: {name} -->");
    let after = &readme[readme.find(&marker).expect("recipe marker") + marker.len()..];
    let start = after.find("```").expect("code block");
    let body = &after[start..];
    let body = &body[body.find('\n').expect("fence line") + 1..];
    body[..body.find("```").expect("closing fence")].to_string()
}

/// A small archive: the fixtures in nested folders, one broken file, one file
/// that is not an order (not taken by `find`).
fn archive(t: &Path) -> Vec<String> {
    let files = [
        (
            "parse/phetchaburi1-policy-plan.txt",
            "archive/2566/a/policy.txt",
        ),
        (
            "parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt",
            "archive/2566/a/pm.txt",
        ),
        (
            "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
            "archive/2566/b/ncpo.txt",
        ),
        ("docx/phetchaburi1-typed.docx", "archive/2567/typed.docx"),
        ("docx/phetchaburi1-autonum.docx", "archive/2567/auto.docx"),
        (
            "docx/phetchaburi1-libreoffice.docx",
            "archive/2567/c/lo.docx",
        ),
        (
            "sheet/phetchaburi1-policy-plan.xlsx",
            "archive/2567/c/sheet.xlsx",
        ),
        (
            "sheet/phetchaburi1-policy-plan.ods",
            "archive/2568/sheet.ods",
        ),
    ];
    let mut paths = Vec::new();
    for (from, to) in files {
        let to_path = t.join(to);
        std::fs::create_dir_all(to_path.parent().expect("parent")).expect("mkdir");
        std::fs::copy(common::root().join("fixtures").join(from), &to_path).expect("copy");
        paths.push(to.to_string());
    }
    std::fs::write(t.join("archive/2568/broken.docx"), b"not a zip at all").expect("write");
    paths.push("archive/2568/broken.docx".to_string());
    std::fs::write(t.join("archive/2568/readme.md"), b"# not an order\n").expect("write");
    paths
}

/// What each path must give: its `parse --compact` line, or an error line.
fn expected(t: &Path, paths: &[String]) -> BTreeMap<String, String> {
    paths
        .iter()
        .map(|p| {
            let o = common::kamsang_bin()
                .args(["parse", "--compact", p])
                .current_dir(t)
                .output()
                .expect("parse");
            let line = if o.status.success() {
                String::from_utf8(o.stdout)
                    .expect("utf-8")
                    .trim_end()
                    .to_string()
            } else {
                let err = common::stderr(&o);
                let msg = err
                    .trim_end()
                    .strip_prefix(&format!("kamsang: {p}: "))
                    .expect("one-line error")
                    .to_string();
                // Key order as kamsang writes it: path, then error.
                let quote = |s: &str| serde_json::to_string(s).expect("string");
                format!("{{\"path\":{},\"error\":{}}}", quote(p), quote(&msg))
            };
            (p.clone(), line)
        })
        .collect()
}

/// Assert that two path → line maps are equal, naming the first difference
/// (the lines are far too long to print whole).
fn assert_same(got: &BTreeMap<String, String>, want: &BTreeMap<String, String>) {
    let got_keys: Vec<&String> = got.keys().collect();
    let want_keys: Vec<&String> = want.keys().collect();
    assert_eq!(got_keys, want_keys, "not the same paths");
    for (path, line) in want {
        let other = &got[path];
        if other != line {
            let at = line
                .bytes()
                .zip(other.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(line.len().min(other.len()));
            let from = at.saturating_sub(40);
            panic!(
                "{path}: lines differ at byte {at}: want …{}… got …{}…",
                String::from_utf8_lossy(&line.as_bytes()[from..(at + 40).min(line.len())]),
                String::from_utf8_lossy(&other.as_bytes()[from..(at + 40).min(other.len())])
            );
        }
    }
}

/// Key a JSON line by the path it is about.
fn by_path(lines: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in lines.lines() {
        let v: Value = serde_json::from_str(line).expect("each line is JSON");
        let path = v["source"]["path"]
            .as_str()
            .or_else(|| v["path"].as_str())
            .expect("a path")
            .to_string();
        assert!(
            map.insert(path.clone(), line.to_string()).is_none(),
            "{path} twice"
        );
    }
    map
}

/// PATH with the directory of the kamsang binary first, as the recipes say `kamsang`.
fn path_with_kamsang() -> String {
    let bin = common::test_exe();
    let dir = bin.parent().expect("bin dir").display().to_string();
    format!("{dir}:{}", std::env::var("PATH").unwrap_or_default())
}

fn shell(t: &Path, script: &str) -> Output {
    Command::new("bash")
        .args(["-c", script])
        .current_dir(t)
        .env("PATH", path_with_kamsang())
        .output()
        .expect("bash")
}

fn have(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn gnu_parallel_recipe_converts_every_file_in_order() {
    if common::unix_binary_only() {
        return;
    }
    if common::skip_without(
        have("parallel", "--version"),
        "KAMSANG_REQUIRE_PARALLEL",
        "GNU parallel is not installed (apt-get install parallel)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let paths = archive(t);
    // Chunks of 3 instead of 50, so that 9 paths make 3 jobs to keep in order.
    let o = shell(t, &recipe("parallel").replace("-N 50", "-N 3"));
    // One chunk had the broken file: parallel's exit code counts failed chunks.
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let out = std::fs::read_to_string(t.join("orders.jsonl")).expect("orders.jsonl");
    assert_same(&by_path(&out), &expected(t, &paths));
    // --keep-order: the lines come in the order find listed the paths.
    let listed = Command::new("find")
        .args(["archive", "-type", "f", "!", "-name", "*.md"])
        .current_dir(t)
        .output()
        .expect("find");
    let order: Vec<String> = String::from_utf8(listed.stdout)
        .expect("utf-8")
        .lines()
        .map(String::from)
        .collect();
    let got: Vec<String> = out
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json");
            v["source"]["path"]
                .as_str()
                .or_else(|| v["path"].as_str())
                .expect("path")
                .to_string()
        })
        .collect();
    assert_eq!(got, order);
}

#[test]
fn xargs_recipe_converts_every_file() {
    if common::unix_binary_only() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let paths = archive(t);
    // Chunks of 3 instead of 50, so that 9 paths make 3 processes.
    let o = shell(t, &recipe("xargs").replace("-n 50", "-n 3"));
    assert!(o.status.success(), "{}", common::stderr(&o));
    let parts = std::fs::read_dir(t.join("parts")).expect("parts").count();
    assert_eq!(parts, 3);
    let out = std::fs::read_to_string(t.join("orders.jsonl")).expect("orders.jsonl");
    assert_same(&by_path(&out), &expected(t, &paths));
}

/// Run the real binary in `dir` with `stdin` piped in.
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    common::run_in(dir, args, Some(stdin))
}

use common::copy;

/// What `kamsang parse --compact PATH` prints, without the newline.
use common::parse_compact as compact;

#[test]
fn stdin_paths_give_one_line_each_in_input_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy("docx/phetchaburi1-typed.docx", &t.join("a.docx"));
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("b.txt"),
    );
    std::fs::create_dir(t.join("d.txt")).expect("a folder named like a file");
    // CRLF ends, a blank line (ignored), a missing file, a path listed twice.
    let list = "a.docx\r\nmissing.txt\r\n\r\nd.txt\r\nb.txt\r\na.docx\r\n";
    let o = run_in(
        t,
        &["batch", "-", "--jsonl", "-", "-j", "2"],
        list.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let out = String::from_utf8(o.stdout.clone()).expect("utf-8");
    let lines: Vec<&str> = out.lines().collect();
    let a = compact(t, "a.docx");
    let b = compact(t, "b.txt");
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(lines[0], a);
    assert_eq!(
        lines[1],
        r#"{"path":"missing.txt","error":"cannot read: no such file"}"#
    );
    assert_eq!(
        lines[2],
        r#"{"path":"d.txt","error":"cannot read: is a folder, not a file"}"#
    );
    assert_eq!(lines[3], b);
    assert_eq!(lines[4], a);
    let err = common::stderr(&o);
    assert!(
        err.contains("kamsang: missing.txt: cannot read: no such file\n"),
        "{err}"
    );

    // Unordered: the same lines, in any order.
    let o = run_in(
        t,
        &["batch", "-", "--jsonl", "-", "--unordered"],
        list.as_bytes(),
    );
    let mut got: Vec<String> = String::from_utf8(o.stdout)
        .expect("utf-8")
        .lines()
        .map(String::from)
        .collect();
    let mut want: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn nul_separated_paths_allow_newlines_in_names() {
    if common::unix_binary_only() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy(
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        &t.join("two\nlines.txt"),
    );
    copy("docx/phetchaburi1-typed.docx", &t.join("a.docx"));
    let o = run_in(
        t,
        &["batch", "-", "-0", "--jsonl", "-"],
        b"two\nlines.txt\0a.docx\0",
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let out = String::from_utf8(o.stdout).expect("utf-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[0], compact(t, "two\nlines.txt"));
    assert_eq!(lines[1], compact(t, "a.docx"));
}

#[test]
fn hadoop_streaming_contract_one_line_per_path_without_tabs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let paths = archive(t);
    let mut input = paths.join("\n");
    input.push('\n');
    // The mapper command of the README recipe, with the binary on PATH.
    let mut child = common::kamsang_bin()
        .args([
            "batch",
            "-",
            "--jsonl",
            "-",
            "-j",
            "1",
            "--progress",
            "none",
        ])
        .current_dir(t)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(1), "one path fails");
    let out = String::from_utf8(o.stdout.clone()).expect("utf-8");
    assert!(!out.contains('\t') && !out.contains('\r'));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), paths.len());
    let want = expected(t, &paths);
    for (path, line) in paths.iter().zip(&lines) {
        let one = |l: &str| BTreeMap::from([(path.clone(), l.to_string())]);
        assert_same(&one(line), &one(&want[path]));
    }
    let err = common::stderr(&o);
    assert!(
        err.contains("kamsang: archive/2568/broken.docx: named .docx but"),
        "{err}"
    );
}

#[test]
fn readme_spark_recipe_is_the_tested_script() {
    let script = std::fs::read_to_string(common::root().join("scripts/spark_batch.py"))
        .expect("scripts/spark_batch.py");
    let shown = recipe("spark");
    assert!(
        script.contains(&shown),
        "README's Spark recipe differs from the script"
    );
}

/// The `spark-submit` shipped inside the installed pyspark package (a pip
/// install does not always put it on PATH), else whatever PATH has.
fn spark_submit() -> PathBuf {
    let code = "import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), 'bin', 'spark-submit'))";
    match Command::new("python3").args(["-c", code]).output() {
        Ok(o) if o.status.success() => {
            PathBuf::from(String::from_utf8_lossy(&o.stdout).trim().to_string())
        }
        _ => PathBuf::from("spark-submit"),
    }
}

#[test]
fn pyspark_recipe_runs_in_local_mode() {
    if common::unix_binary_only() {
        return;
    }
    let pyspark = have("java", "-version")
        && Command::new("python3")
            .args(["-c", "import pyspark"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if common::skip_without(
        pyspark,
        "KAMSANG_REQUIRE_SPARK",
        "Spark needs java (Java 17) and pyspark (pip install pyspark)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let paths = archive(t);
    let list: String = paths.iter().map(|p| format!("{p}\n")).collect();
    std::fs::write(t.join("paths.txt"), list).expect("paths.txt");
    let script = common::root().join("scripts/spark_batch.py");
    let mut child = Command::new(spark_submit())
        .args(["--master", "local[2]"])
        .arg(&script)
        .args(["paths.txt", "json-out"])
        .arg(common::test_exe())
        .current_dir(t)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spark-submit (pip install pyspark; .ci/run does)");
    // A guard against a hung JVM, not a speed check.
    let started = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if started.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            panic!("spark-submit did not finish in 10 minutes");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let o = child.wait_with_output().expect("wait");
    assert!(
        o.status.success(),
        "spark-submit failed:\n{}",
        common::stderr(&o)
    );
    let mut out = String::new();
    let mut parts: Vec<PathBuf> = std::fs::read_dir(t.join("json-out"))
        .expect("json-out")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
        })
        .collect();
    parts.sort();
    assert!(!parts.is_empty());
    for p in parts {
        out.push_str(&std::fs::read_to_string(p).expect("part"));
    }
    assert_same(&by_path(&out), &expected(t, &paths));
}
