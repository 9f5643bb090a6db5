//! The command line's conventions (issue 15): completions, the man page,
//! `--version`, folders given to one-file commands, `check --strict`,
//! `diff --exit-code`, `--encoding`, the limits' help heading, and a batch
//! whose input is missing.

use crate::common;

use common::{kamsang, stderr};

use common::{REFERENCE as ORDER, stdout};

/// The subcommands as `kamsang --help` lists them (so a new one is checked
/// without editing this test).
fn subcommands() -> Vec<String> {
    let help = stdout(&kamsang(&["--help"]));
    let names: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect();
    assert!(
        names.len() >= 9 && names.iter().any(|n| n == "batch"),
        "subcommands read from --help: {names:?}\n{help}"
    );
    names
}

#[test]
fn completions_for_every_shell_name_every_subcommand() {
    let names = subcommands();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = kamsang(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains("kamsang"), "{shell}: {script}");
        for name in &names {
            assert!(
                script.contains(name.as_str()),
                "{shell} completions lack {name}"
            );
        }
        // flags of a subcommand are completed too
        assert!(
            script.contains("max-file-size"),
            "{shell}: no --max-file-size"
        );
    }
    let o = kamsang(&["completions", "tcsh"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn bash_completion_script_is_valid_bash() {
    let o = kamsang(&["completions", "bash"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("kamsang.bash");
    std::fs::write(&path, &o.stdout).expect("write");
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("bash");
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn man_page_names_every_subcommand_and_the_version() {
    let o = kamsang(&["man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(
        page.starts_with(".ie") || page.contains(".TH kamsang 1"),
        "{page}"
    );
    assert!(page.contains(".TH kamsang 1"), "{page}");
    // roff escapes a hyphen as \-
    let roff = page.replace("\\-", "-");
    for name in subcommands() {
        assert!(
            roff.contains(&format!("kamsang-{name}(1)")),
            "man page lacks {name}"
        );
    }
    assert!(page.contains(kamsang::model::SCHEMA_VERSION));
}

#[test]
fn man_dir_writes_one_page_per_subcommand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("man1");
    let o = kamsang(&["man", "--dir", out.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("kamsang.1").is_file());
    for name in subcommands() {
        let page = out.join(format!("kamsang-{name}.1"));
        let text = std::fs::read_to_string(&page).unwrap_or_default();
        assert!(text.contains(".TH"), "{} missing or empty", page.display());
    }
}

#[test]
fn version_names_the_schema_versions() {
    let o = kamsang(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        format!(
            "kamsang {} (JSON schema {}, diff schema {})\n",
            env!("CARGO_PKG_VERSION"),
            kamsang::model::SCHEMA_VERSION,
            kamsang::diff::DIFF_SCHEMA_VERSION
        )
    );
}

#[test]
fn a_folder_given_to_a_one_file_command_points_at_batch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().to_str().expect("utf-8");
    let out = dir.path().join("out.txt");
    let o_ = out.to_str().expect("utf-8");
    for args in [
        &["parse", d][..],
        &["normalize", d][..],
        &["render", d, "--to", "txt", "-o", o_][..],
        &["diff", ORDER, d][..],
        &["check", ORDER, d][..],
    ] {
        let o = kamsang(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&o),
            format!(
                "kamsang: {d}: is a folder; use `kamsang batch` for a folder tree (kamsang batch FOLDER -o OUTDIR)\n"
            ),
            "{args:?}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    assert!(!out.exists(), "render wrote nothing");
}

/// A file whose one diagnostic is an error (bytes that are not UTF-8).
fn damaged(dir: &std::path::Path) -> String {
    let path = dir.join("damaged.txt");
    let mut bytes = "1. นายสมชาย ใจดี\n1.1 งานสารบรรณ\n".as_bytes().to_vec();
    bytes.insert(3, 0xFF);
    std::fs::write(&path, &bytes).expect("write");
    path.to_str().expect("utf-8").to_string()
}

#[test]
fn check_counts_files_and_strict_fails_on_an_error_diagnostic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = damaged(dir.path());
    let o = kamsang(&["check", ORDER, &bad]);
    assert_eq!(o.status.code(), Some(0), "errors are reported, not fatal");
    assert!(stdout(&o).contains(": error: "), "{}", stdout(&o));
    assert_eq!(stderr(&o), "2 files checked, 1 with errors\n");

    let o = kamsang(&["check", "--strict", ORDER, &bad]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = kamsang(&["check", "--strict", ORDER]);
    assert_eq!(o.status.code(), Some(0), "warnings only: {}", stderr(&o));
    assert_eq!(stderr(&o), "1 file checked, 0 with errors\n");

    let missing = dir.path().join("missing.txt");
    let o = kamsang(&["check", ORDER, missing.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).ends_with("2 files checked, 1 with errors\n"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn diff_exit_code_is_1_when_the_orders_differ() {
    let dir = tempfile::tempdir().expect("tempdir");
    let changed = dir.path().join("changed.txt");
    let text = std::fs::read_to_string(common::root().join(ORDER)).expect("order");
    std::fs::write(&changed, text.replacen("ฐิติการ", "ฐิติพร", 1)).expect("write");
    assert_ne!(std::fs::read_to_string(&changed).ok(), Some(text.clone()));
    let c = changed.to_str().expect("utf-8");

    let same = kamsang(&["diff", "--exit-code", ORDER, ORDER]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    let differ = kamsang(&["diff", "--exit-code", ORDER, c]);
    assert_eq!(differ.status.code(), Some(1), "{}", stderr(&differ));
    assert!(!differ.stdout.is_empty(), "the report is still written");
    let plain = kamsang(&["diff", ORDER, c]);
    assert_eq!(plain.status.code(), Some(0), "without the flag, 0");
}

#[test]
fn encoding_takes_exactly_the_listed_names() {
    let help = stdout(&kamsang(&["parse", "--help"]));
    // the values listed under --encoding (other options list theirs too)
    let listed: Vec<&str> = help
        .split("--encoding <")
        .nth(1)
        .and_then(|rest| rest.split("[possible values: ").nth(1))
        .and_then(|rest| rest.split(']').next())
        .map(|l| l.split(", ").collect())
        .unwrap_or_default();
    assert_eq!(listed.len(), 5, "{help}");
    for name in &listed {
        let o = kamsang(&["parse", "--compact", "--encoding", name, ORDER]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let upper = name.to_uppercase();
        let o = kamsang(&["parse", "--compact", "--encoding", &upper, ORDER]);
        assert_eq!(o.status.code(), Some(0), "{upper}: {}", stderr(&o));
    }
    // labels encoding_rs knows but the help does not list
    for other in ["latin1", "utf8", "cp874", "iso-8859-11", "shift_jis"] {
        let o = kamsang(&["parse", "--encoding", other, ORDER]);
        assert_eq!(o.status.code(), Some(2), "{other} is refused");
    }
}

#[test]
fn limit_flags_share_one_help_heading() {
    for cmd in ["parse", "check", "normalize", "render", "diff", "batch"] {
        let help = stdout(&kamsang(&[cmd, "--help"]));
        let limits = help
            .split("\nLimits:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{cmd}: no Limits heading\n{help}"));
        let before = help.split("\nLimits:\n").next().unwrap_or_default();
        assert!(
            !before.contains("--max-"),
            "{cmd}: a --max- flag outside Limits"
        );
        for flag in [
            "--max-file-size",
            "--max-part-size",
            "--max-ratio",
            "--max-depth",
        ] {
            assert!(limits.contains(flag), "{cmd}: {flag} not under Limits");
        }
    }
    let schema = stdout(&kamsang(&["schema", "--help"]));
    assert!(!schema.contains("--max-"), "schema reads no input");
}

#[test]
fn batch_with_a_missing_input_is_a_usage_error_that_creates_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    std::fs::create_dir(t.join("in")).expect("mkdir");
    std::fs::copy(common::root().join(ORDER), t.join("in/a.txt")).expect("copy");
    let out = t.join("out");
    let o = common::kamsang_bin()
        .args(["batch", "in", "nothere", "-o", "out"])
        .current_dir(t)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "kamsang: nothere: no such folder or file; nothing was written\n"
    );
    assert!(!out.exists(), "OUTDIR not created");
}
