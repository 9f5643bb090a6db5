//! The HTML diff report in a real browser: headless Chromium loads the page,
//! the rendered DOM has the summary and every person's changes, and a
//! screenshot is written to `target/diff-report.png` for a person to look at.
//!
//! Needs `chromium` (Debian package; `.ci/run` installs it and sets
//! `KAMSANG_REQUIRE_BROWSER=1`, so in CI a missing browser fails the test).

use crate::common;

use std::path::PathBuf;
use std::process::Command;

fn chromium() -> Option<PathBuf> {
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

fn headless(browser: &PathBuf, args: &[&str]) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
        ])
        .args(args)
        .output()
        .expect("run chromium")
}

#[test]
fn html_report_renders_in_chromium() {
    let browser = chromium();
    if common::skip_without(
        browser.is_some(),
        "KAMSANG_REQUIRE_BROWSER",
        "no chromium on PATH (apt-get install chromium)",
    ) {
        return;
    }
    let Some(browser) = browser else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("diff.html");
    let o = common::kamsang(&[
        "diff",
        "fixtures/diff/next-year/old.txt",
        "fixtures/diff/next-year/new.txt",
        "--format",
        "html",
        "-o",
        page.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let html = std::fs::read_to_string(&page).expect("page written");
    // self-contained: no scripts, no external assets
    for banned in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(banned), "page refers to {banned}");
    }
    let url = format!("file://{}", page.display());

    let dom = headless(&browser, &["--dump-dom", &url]);
    assert!(dom.status.success(), "{}", common::stderr(&dom));
    let dom = String::from_utf8(dom.stdout).expect("utf-8 DOM");
    assert!(dom.contains("<p id=\"summary-line\">20 changes: "), "{dom}");
    // one section per person with changes, in the diff's order
    let headings: Vec<&str> = dom
        .split("<h2>")
        .skip(1)
        .filter_map(|s| s.split("</h2>").next())
        .collect();
    assert_eq!(
        headings,
        [
            "นายชูศักดิ์ ประเสริฐ (p1)",
            "นางสาวฐิติการ เพชรสวน (p2)",
            "นางวราภรณ์ เวทย์วิทยานุวัฒน์ (p3)",
            "นางธนะพร ใจดี (p4)",
            "นางสุภัทรา บูรณารมย์ (p5)",
            "นายสมชาย ใจงาม (p6, new)",
            "นางจงกล อรรถอาภรณ์ (p7)",
            "นางกรุณา บุญประเสริฐ (was p6)",
        ]
    );
    assert_eq!(dom.matches("<tr class=").count(), 20, "one row per change");
    // the reworded title: the inserted words marked, the rest plain
    assert!(dom.contains("<ins>และพัฒนา</ins>"), "{dom}");
    assert!(dom.contains("<ins>จัดการศึกษา</ins>"), "{dom}");

    let shot = common::root().join("target/diff-report.png");
    let o = headless(
        &browser,
        &[
            "--window-size=1280,2400",
            &format!("--screenshot={}", shot.display()),
            &url,
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // a blank page of this size compresses to a few kB; the report is far more
    assert!(
        png.len() > 50_000,
        "screenshot looks empty: {} bytes",
        png.len()
    );
}
