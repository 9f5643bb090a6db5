//! Headless Chromium for the tests that check a page in a real browser (the
//! diff report, the Thai view).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The browser on PATH, if any.
pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(|name| {
            Command::new("sh")
                .args(["-c", &format!("command -v {name}")])
                .output()
        })
        .filter_map(Result::ok)
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .next()
}

/// Run `browser` headless with `args` (`--dump-dom`, `--screenshot=…`,
/// `--print-to-pdf=…` and the page).
pub fn headless(browser: &Path, args: &[&str]) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .args(args)
        .output()
        .expect("run chromium")
}
