//! The HTML diff report in a real browser: headless Chromium loads the page,
//! the rendered DOM has the Thai summary table and every person's changes, it
//! prints to A4 with Thai fonts, and a screenshot is written to
//! `target/diff-report.png` (the committee pair's: `target/diff-committee.png`)
//! for a person to look at.
//!
//! Needs `chromium` (Debian package; `.ci/run` installs it and sets
//! `KAMSANG_REQUIRE_BROWSER=1`, so in CI a missing browser fails the test).

use crate::common;

use std::path::PathBuf;

use common::browser::{chromium, headless};

/// The report of `fixtures/diff/<case>`, its JSON, and its page in `dir`.
fn report(case: &str, dir: &std::path::Path, lang: &str) -> (String, serde_json::Value, PathBuf) {
    let (old, new) = (
        format!("fixtures/diff/{case}/old.txt"),
        format!("fixtures/diff/{case}/new.txt"),
    );
    let page = dir.join(format!("{case}-{lang}.html"));
    let o = common::kamsang(&[
        "diff",
        &old,
        &new,
        "--format",
        "html",
        "--lang",
        lang,
        "-o",
        page.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let json = common::kamsang(&["diff", &old, &new, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    (
        std::fs::read_to_string(&page).expect("page written"),
        json,
        page,
    )
}

/// The texts between `open` and `close`, in order.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    text.split(open)
        .skip(1)
        .filter_map(|s| s.split(close).next())
        .collect()
}

/// Pages of a PDF (page objects, not the page tree) and their media boxes.
fn pdf_pages(pdf: &[u8]) -> (usize, Vec<String>) {
    let text = String::from_utf8_lossy(pdf);
    let pages = text
        .match_indices("/Type /Page")
        .filter(|(i, _)| !text[i + 11..].starts_with('s'))
        .count();
    let boxes = between(&text, "/MediaBox [", "]")
        .into_iter()
        .map(str::to_string)
        .collect();
    (pages, boxes)
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
    let (html, json, page) = report("next-year", dir.path(), "th");
    // self-contained: no scripts, no external assets
    for banned in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(banned), "page refers to {banned}");
    }
    let url = format!("file://{}", page.display());

    let dom = headless(&browser, &["--dump-dom", &url]);
    assert!(dom.status.success(), "{}", common::stderr(&dom));
    let dom = String::from_utf8(dom.stdout).expect("utf-8 DOM");
    assert!(dom.contains("<html lang=\"th\">"), "{dom}");
    assert!(dom.contains("<h1>รายงานการเปลี่ยนแปลงของคำสั่ง</h1>"), "{dom}");
    // the title names the orders, not the files
    let orders = between(&dom, "<p class=\"orders\" id=\"orders\">", "</p>");
    assert_eq!(orders.len(), 1);
    assert!(
        !orders[0].contains(".txt") && orders[0].contains("ฉบับใหม่"),
        "{orders:?}"
    );
    // the summary table on top: one row per kind that occurs, in Thai, with
    // the JSON's counts, and the total
    let summary = between(&dom, "<table class=\"summary\" id=\"summary\">", "</table>");
    assert_eq!(summary.len(), 1, "one summary table");
    assert!(
        dom.find("id=\"summary\"") < dom.find("<section"),
        "summary first"
    );
    let counts = json["summary"].as_object().expect("summary");
    let kinds: Vec<(&String, u64)> = counts
        .iter()
        .filter(|(k, _)| *k != "total")
        .filter_map(|(k, v)| Some((k, v.as_u64()?)))
        .filter(|(_, n)| *n > 0)
        .collect();
    for (kind, n) in &kinds {
        let row = format!("<tr data-kind=\"{kind}\"><td>");
        let cell = between(summary[0], &row, "</tr>");
        assert_eq!(cell.len(), 1, "{kind} row");
        assert!(
            cell[0].ends_with(&format!("<td class=\"n\">{n}</td>")),
            "{kind}: {}",
            cell[0]
        );
        assert!(
            !cell[0].contains('_'),
            "a Thai label, not the code: {}",
            cell[0]
        );
    }
    assert_eq!(summary[0].matches("<tr data-kind=").count(), kinds.len());
    let total = json["summary"]["total"].as_u64().expect("total");
    assert!(summary[0].contains(&format!("<td class=\"n\">{total}</td></tr>")));
    // one section per person with changes, in the new order's sequence, the
    // leaver next to the newcomer who took over her duties
    let headings: Vec<String> = between(&dom, "<h2>", "</h2>")
        .iter()
        .map(|h| h.split("<span").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        headings,
        [
            "นายชูศักดิ์ ประเสริฐ",
            "นางสาวฐิติการ เพชรสวน",
            "นางวราภรณ์ เวทย์วิทยานุวัฒน์",
            "นางธนะพร ใจดี",
            "นางสุภัทรา บูรณารมย์",
            "นายสมชาย ใจงาม",
            "นางกรุณา บุญประเสริฐ",
            "นางจงกล อรรถอาภรณ์",
        ]
    );
    // every change is a line once, a duty handed over twice (taken over /
    // handed to)
    let reassigned = json["summary"]["duty_reassigned"].as_u64().expect("count");
    assert_eq!(dom.matches("<li class=").count() as u64, total + reassigned);
    assert_eq!(
        dom.matches("data-side=\"gained\"").count() as u64,
        reassigned
    );
    assert_eq!(dom.matches("data-side=\"lost\"").count() as u64, reassigned);
    // no raw codes or match methods shown
    for code in ["duty_renumbered", "same_title", "same_given_name"] {
        assert!(!dom.contains(&format!(">{code}")), "{code} shown");
    }
    // the reworded title: the inserted words marked, the rest plain
    assert!(dom.contains(">และพัฒนา</ins>"), "{dom}");
    assert!(dom.contains(">จัดการศึกษา</ins>"), "{dom}");
    // the substitutes list: the newcomer marked, the leaver struck out
    assert!(dom.contains(">นายสมชาย ใจงาม</ins> — ตัดออก: <del"), "{dom}");
    // the leaver: her duties, each with where it went
    let leaver = between(
        &dom,
        "<section class=\"person\" data-old=\"p6\">",
        "</section>",
    );
    assert_eq!(leaver.len(), 1, "the leaver's section");
    assert!(leaver[0].contains("<h3>งานเดิมและผู้รับต่อ</h3>"));
    assert_eq!(leaver[0].matches("data-side=\"lost\"").count(), 3);
    assert_eq!(leaver[0].matches("นายสมชาย ใจงาม (เป็นข้อ 6.").count(), 3);
    // renumbering: one line per person, no catch-all handed over
    let lines_of = |kind: &str| {
        dom.matches(&format!("data-kind=\"{kind}\" data-side="))
            .count()
    };
    assert_eq!(lines_of("duties_renumbered"), 3);
    assert_eq!(lines_of("duty_renumbered"), 0);
    assert!(!leaver[0].contains("อื่น ๆ ตามที่ได้รับมอบหมาย"));

    // A4 print: the print stylesheet, Thai fonts embedded, a sensible count
    // of pages (measured: 2 for these 16 changes; a page per section, or a
    // screen-wide layout cut into slivers, would be many more)
    let pdf = dir.path().join("report.pdf");
    let o = headless(
        &browser,
        &[&format!("--print-to-pdf={}", pdf.display()), &url],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let bytes = std::fs::read(&pdf).expect("pdf written");
    let (pages, boxes) = pdf_pages(&bytes);
    assert!((1..=3).contains(&pages), "{pages} pages");
    assert_eq!(boxes.len(), pages, "{boxes:?}");
    for b in &boxes {
        let size: Vec<f64> = b
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        // A4 is 210 × 297 mm = 595 × 842 pt
        assert!(
            size.len() == 4 && (size[2] - 595.0).abs() < 2.0 && (size[3] - 842.0).abs() < 2.0,
            "not A4: {b}"
        );
    }
    let text = String::from_utf8_lossy(&bytes);
    let fonts = between(&text, "/BaseFont /", "/");
    let thai = [
        "Sarabun",
        "NotoSansThai",
        "Loma",
        "Garuda",
        "Waree",
        "Kinnari",
        "Norasi",
        "Tlwg",
    ];
    assert!(
        fonts.iter().any(|f| thai.iter().any(|t| f.contains(t))),
        "no Thai font embedded: {fonts:?} (install fonts-thai-tlwg)"
    );

    let shot = common::root().join("target/diff-report.png");
    let o = headless(
        &browser,
        &[
            "--window-size=1280,2000",
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

#[test]
fn committee_report_renders_in_chromium() {
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
    for lang in ["th", "en"] {
        let (_, json, page) = report("committee", dir.path(), lang);
        let url = format!("file://{}", page.display());
        let dom = headless(&browser, &["--dump-dom", &url]);
        assert!(dom.status.success(), "{}", common::stderr(&dom));
        let dom = String::from_utf8(dom.stdout).expect("utf-8 DOM");
        assert!(dom.contains(&format!("<html lang=\"{lang}\">")));
        // titled by the orders' numbers and years
        let orders = between(&dom, "<p class=\"orders\" id=\"orders\">", "</p>");
        assert_eq!(
            orders,
            ["คำสั่งสำนักนายกรัฐมนตรี ที่ 285/2566 → คำสั่งสำนักนายกรัฐมนตรี ที่ 121/2567"]
        );
        let committee = between(
            &dom,
            "<section class=\"committee\" data-old=\"c1\" data-new=\"c1\">",
            "</section>",
        );
        assert_eq!(committee.len(), 1);
        let total = json["summary"]["total"].as_u64().expect("total");
        let header = json["summary"]["header_changed"].as_u64().expect("header");
        assert_eq!(
            committee[0].matches("<li class=").count() as u64,
            total - header
        );
        for kind in [
            "member_replaced",
            "member_joined",
            "member_left",
            "member_role_changed",
        ] {
            assert_eq!(
                committee[0]
                    .matches(&format!("data-kind=\"{kind}\""))
                    .count(),
                1,
                "{kind}"
            );
        }
        let joined = if lang == "th" {
            "กรรมการเข้าใหม่"
        } else {
            "member joined"
        };
        assert!(
            committee[0].contains(&format!("<span class=\"label\">{joined}</span>")),
            "{dom}"
        );
        if lang != "th" {
            continue;
        }
        // printed: one A4 page or two for nine changes; a screenshot to look at
        let pdf = dir.path().join("committee.pdf");
        let o = headless(
            &browser,
            &[&format!("--print-to-pdf={}", pdf.display()), &url],
        );
        assert!(o.status.success(), "{}", common::stderr(&o));
        let (pages, boxes) = pdf_pages(&std::fs::read(&pdf).expect("pdf written"));
        assert!((1..=2).contains(&pages), "{pages} pages");
        assert_eq!(boxes.len(), pages, "{boxes:?}");
        let shot = common::root().join("target/diff-committee.png");
        let o = headless(
            &browser,
            &[
                "--window-size=1280,1200",
                &format!("--screenshot={}", shot.display()),
                &url,
            ],
        );
        assert!(o.status.success(), "{}", common::stderr(&o));
        let png = std::fs::read(&shot).expect("screenshot written");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
        assert!(
            png.len() > 30_000,
            "screenshot looks empty: {} bytes",
            png.len()
        );
    }
}
