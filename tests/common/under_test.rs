//! The `kamsang` binary the CLI tests run: the one cargo built for them, or
//! `KAMSANG_TEST_EXE` (relative to the package root), started through
//! `KAMSANG_TEST_RUNNER` when that is set.
//!
//! `.ci/run` uses this twice: the 200 MB case against the release build
//! (`KAMSANG_TEST_EXE=target/release/kamsang`), and the CLI's tests against
//! the Windows build under Wine (`KAMSANG_TEST_EXE=…/kamsang.exe
//! KAMSANG_TEST_RUNNER=/usr/lib/wine/wine64`). The tests that cannot hold for
//! a Windows binary under Wine are listed, with why, in
//! [`UNIX_BINARY_ONLY`]: each calls [`unix_binary_only`], which prints its
//! reason and tells it to stop.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::root;

/// The binary cargo built for these tests (the Linux one on Linux).
pub fn cargo_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_kamsang"))
}

/// The binary under test: `KAMSANG_TEST_EXE` or [`cargo_bin`].
pub fn test_exe() -> PathBuf {
    std::env::var_os("KAMSANG_TEST_EXE").map_or_else(cargo_bin, |p| root().join(p))
}

/// `KAMSANG_TEST_RUNNER`, the program that starts the binary (`wine`).
fn runner() -> Option<PathBuf> {
    std::env::var_os("KAMSANG_TEST_RUNNER")
        .filter(|r| !r.is_empty())
        .map(PathBuf::from)
}

/// Whether `program` is Wine's loader (`wine`, `wine64`).
fn is_wine(program: &Path) -> bool {
    program
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("wine"))
}

/// Whether the binary under test is a Windows one run through Wine.
pub fn under_wine() -> bool {
    runner().is_some_and(|r| is_wine(&r))
}

/// A `Command` that runs the binary under test (arguments, folder and
/// standard streams are the caller's).
pub fn kamsang_bin() -> Command {
    let exe = test_exe();
    match runner() {
        Some(wine) if is_wine(&wine) => {
            boot_wine(&wine);
            wine_command(&wine, &exe)
        }
        Some(runner) => {
            let mut c = Command::new(runner);
            c.arg(exe);
            c
        }
        None => Command::new(exe),
    }
}

/// The name of the binary under test as clap prints it in usage lines
/// (`kamsang.exe` on Windows).
pub fn program_name() -> &'static str {
    if under_wine() {
        "kamsang.exe"
    } else {
        "kamsang"
    }
}

/// `path` (written with `/`) as the binary under test spells a path it
/// joined itself, such as one a batch walked to: with `\` on Windows, where
/// `source.path` of `in/a/x.txt` reads `in\a\x.txt` (README, Windows).
pub fn native(path: &str) -> String {
    if under_wine() {
        path.replace('/', "\\")
    } else {
        path.to_string()
    }
}

/// What the system of the binary under test says of a full disk: Wine's
/// words for `ERROR_DISK_FULL` under Wine (Windows' own are "There is not
/// enough space on the disk").
pub fn disk_full() -> &'static str {
    if under_wine() {
        "Disk full"
    } else {
        "No space left on device"
    }
}

/// The CLI tests that cannot hold for the Windows binary under Wine, by test name, with why. The list is exact: a test calling
/// [`unix_binary_only`] must be here, and
/// `windows::the_tests_wine_cannot_run_are_listed_exactly` checks that each
/// name here is a test that calls it (and prints the list).
pub const UNIX_BINARY_ONLY: &[(&str, &str)] = &[
    (
        "batch::every_file_in_the_tree_is_accounted_for_once",
        "its tree holds a FIFO, a dangling link and a link loop: Wine shows a Unix symbolic link as its target, not as the link a Windows walk would see",
    ),
    (
        "batch::resume_does_no_parsing_work_and_notices_changes",
        "its tree holds a link loop (Unix symbolic links, seen through by Wine)",
    ),
    (
        "batch::safety::links_to_endless_files_meet_the_size_limit",
        "links to /proc/self/pagemap and /dev/zero: Linux files",
    ),
    (
        "batch::safety::a_newline_in_a_file_name_cannot_forge_a_message_line",
        "a newline, CR and ESC in file names: not allowed in a Windows name",
    ),
    (
        "cluster::nul_separated_paths_allow_newlines_in_names",
        "a newline in a file name: not allowed in a Windows name",
    ),
    (
        "cluster::gnu_parallel_recipe_converts_every_file_in_order",
        "a README recipe for a Unix shell with GNU parallel",
    ),
    (
        "cluster::xargs_recipe_converts_every_file",
        "a README recipe for a Unix shell with xargs",
    ),
    (
        "cluster::pyspark_recipe_runs_in_local_mode",
        "a README recipe for Spark on Linux",
    ),
    (
        "hostile::an_endless_device_is_cut_at_the_size_limit",
        "/dev/zero: a Linux device",
    ),
    (
        "hostile::a_panic_is_one_line_and_the_other_inputs_go_on",
        "KAMSANG_DEBUG_PANIC works in debug builds only, and CI builds kamsang.exe in release",
    ),
    (
        "hostile::expansion::worst_inputs_under_a_4_gib_address_space_cap",
        "prlimit caps a Linux process's address space and getrusage measures it",
    ),
];

/// `true` when the running test (named as libtest names its thread) cannot
/// hold for the binary under test: it prints why (from
/// [`UNIX_BINARY_ONLY`]) and the test stops.
pub fn unix_binary_only() -> bool {
    let thread = std::thread::current();
    let name = thread.name().unwrap_or("");
    let Some((_, reason)) = UNIX_BINARY_ONLY.iter().find(|(n, _)| *n == name) else {
        panic!("{name} calls unix_binary_only() but is not in common::UNIX_BINARY_ONLY");
    };
    if !under_wine() {
        return false;
    }
    eprintln!("skipped under Wine: {name}: {reason}");
    true
}

/// Wine's loader: `wine` or `wine64` on PATH, or Debian's wine64 package's
/// own place (it installs no `wine` command without the `wine` package).
pub fn find_wine() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("wine"), d.join("wine64")])
        .chain([PathBuf::from("/usr/lib/wine/wine64")])
        .find(|p| p.is_file())
}

/// The mingw-w64 C compiler, for the stand-in DLL (see [`boot_wine`]).
pub const MINGW_GCC: &str = "x86_64-w64-mingw32-gcc";

/// Where Wine keeps its prefix: made once (tens of seconds) and kept in
/// target/ for later runs.
fn wine_prefix() -> PathBuf {
    root().join("target/wine-prefix")
}

/// Make the prefix once, before the tests (which run in parallel) use it,
/// and give it `bcryptprimitives.dll` where Wine lacks it (Wine 8: Rust's std
/// calls its `ProcessPrng`; tests/wine/bcryptprimitives.c says more).
pub fn boot_wine(wine: &Path) {
    static BOOT: std::sync::Once = std::sync::Once::new();
    BOOT.call_once(|| {
        let system32 = wine_prefix().join("drive_c/windows/system32");
        if !system32.is_dir() {
            let o = wine_command(wine, Path::new("wineboot"))
                .arg("--init")
                .current_dir(root())
                .stdin(std::process::Stdio::null())
                .output()
                .expect("run wineboot");
            assert!(
                system32.is_dir(),
                "wineboot made no prefix: {}",
                super::stderr(&o)
            );
        }
        let dll = system32.join("bcryptprimitives.dll");
        let builtin =
            Path::new("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/bcryptprimitives.dll");
        if !dll.is_file() && !builtin.is_file() {
            let o = Command::new(MINGW_GCC)
                .args(["-shared", "-O2", "-s", "-o"])
                .arg(&dll)
                .arg(root().join("tests/wine/bcryptprimitives.c"))
                .arg("-ladvapi32")
                .output()
                .expect("run mingw gcc");
            assert!(o.status.success(), "{MINGW_GCC}: {}", super::stderr(&o));
        }
    });
}

/// `wine PROGRAM`, quiet, without a display, with no Mono or Gecko
/// installer popping up.
pub fn wine_command(wine: &Path, program: &Path) -> Command {
    let mut c = Command::new(wine);
    c.arg(program)
        .env("WINEPREFIX", wine_prefix())
        .env("WINEDEBUG", "-all")
        .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    c
}
