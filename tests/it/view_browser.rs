//! The html view in a real browser (headless Chromium): the DOM has every
//! person and member in order, a corrected number with the written label and
//! its diagnostic in the same list item, as the page shows it; the printed
//! PDF is A4, a sensible number of pages, with a Thai font embedded; a
//! screenshot of each page is written to `target/view-*.png` for a person to
//! look at.
//!
//! Needs `chromium` (`.ci/run` installs it and sets
//! `KAMSANG_REQUIRE_BROWSER=1`, so in CI a missing browser fails the test).

use crate::common;

use super::view::COMMITTEE_ORDER;

use common::browser::{chromium, headless};

/// Pages of a PDF (`/Type /Page` objects, not `/Pages`) and whether every
/// page is A4 (595 × 842 points).
fn pdf_pages(pdf: &[u8]) -> (usize, bool) {
    let text = String::from_utf8_lossy(pdf);
    let pages = regex::Regex::new(r"/Type\s*/Page\b[^s]")
        .expect("re")
        .find_iter(&text)
        .count();
    let boxes: Vec<(f64, f64)> =
        regex::Regex::new(r"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
            .expect("re")
            .captures_iter(&text)
            .map(|c| (c[1].parse().expect("w"), c[2].parse().expect("h")))
            .collect();
    let a4 = !boxes.is_empty()
        && boxes
            .iter()
            .all(|(w, h)| (w - 595.0).abs() < 2.0 && (h - 842.0).abs() < 2.0);
    (pages, a4)
}

/// Thai fonts the page may be set in (fonts-thai-tlwg and the TH Sarabun family).
const THAI_FONTS: [&str; 8] = [
    "Laksaman",
    "Garuda",
    "Loma",
    "Sarabun",
    "Norasi",
    "Kinnari",
    "Waree",
    "NotoSansThai",
];

#[test]
fn html_view_renders_and_prints_in_chromium() {
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
    // (input, screenshot, sensible A4 page range)
    // person 4 of the reference order and her duties (lines 132–151): the
    // children of 4.1 written 4.2.2 … are shown as 4.1.2 …
    let excerpt = dir.path().join("corrections.txt");
    let text = common::fixture_text("parse/phetchaburi1-policy-plan.txt");
    let lines: Vec<&str> = text.lines().skip(131).take(20).collect();
    std::fs::write(&excerpt, lines.join("\n") + "\n").expect("write excerpt");
    let excerpt = excerpt.to_str().expect("utf-8").to_string();
    let cases = [
        (common::REFERENCE, "view-reference.png", 8..=30),
        (COMMITTEE_ORDER, "view-committee.png", 1..=3),
        (excerpt.as_str(), "view-corrections.png", 1..=2),
    ];
    for (input, shot_name, pages) in cases {
        let order = kamsang::parse_path(input).expect("parses");
        let page = dir.path().join(format!("{shot_name}.html"));
        let o = common::kamsang(&[
            "render",
            input,
            "--to",
            "html",
            "-o",
            page.to_str().expect("utf-8"),
        ]);
        assert!(o.status.success(), "{}", common::stderr(&o));
        let url = format!("file://{}", page.display());

        let dom = headless(&browser, &["--dump-dom", &url]);
        assert!(dom.status.success(), "{}", common::stderr(&dom));
        let dom = String::from_utf8(dom.stdout).expect("utf-8 DOM");
        // every listed person's heading and every member's row, in order
        let names: Vec<&str> = dom
            .split("<span class=\"name\">")
            .skip(1)
            .filter_map(|s| s.split("</span>").next())
            .collect();
        let mut want: Vec<&str> = Vec::new();
        let members: std::collections::HashSet<&str> = order
            .committees
            .iter()
            .flat_map(|c| c.members.iter())
            .filter_map(|m| m.person_id.as_deref())
            .collect();
        for p in &order.people {
            if !p.duties.is_empty() || !members.contains(p.id.as_str()) {
                want.push(&p.full_name);
            }
        }
        for c in &order.committees {
            want.push(&c.name);
            want.extend(c.members.iter().filter_map(|m| m.full_name.as_deref()));
        }
        assert_eq!(names, want, "{input}: names in the DOM");
        assert!(dom.contains("<html lang=\"th\">"), "{input}");
        // every diagnostic on the page once, as the browser built it
        assert_eq!(
            dom.matches("<span class=\"note ").count(),
            order.diagnostics.len(),
            "{input}: diagnostics in the DOM"
        );
        // each corrected label: the canonical number, the written label and
        // the diagnostic in the list item of its line
        let mut corrected = 0;
        for d in order
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "label_renumbered")
        {
            let (Some(written), Some(number)) = (d.label.as_deref(), d.number.as_deref()) else {
                continue;
            };
            let shown = format!(
                "<span class=\"num\">{number}</span><span class=\"written\">ต้นฉบับเขียน {written}</span>"
            );
            let item = dom
                .split("<li ")
                .find(|li| li.contains(&shown))
                .unwrap_or_else(|| panic!("{input}: {number} (written {written}) not shown"));
            let item = item.split("<li ").next().unwrap_or(item);
            assert!(
                item.contains("data-code=\"label_renumbered\""),
                "{input}: the note of {written} is not beside it: {item}"
            );
            corrected += 1;
        }
        if shot_name == "view-corrections.png" {
            assert!(corrected >= 7, "{input}: {corrected} corrections shown");
        }

        let pdf_path = dir.path().join(format!("{shot_name}.pdf"));
        let o = headless(
            &browser,
            &[&format!("--print-to-pdf={}", pdf_path.display()), &url],
        );
        assert!(o.status.success(), "{}", common::stderr(&o));
        let pdf = std::fs::read(&pdf_path).expect("pdf written");
        let (n, a4) = pdf_pages(&pdf);
        assert!(a4, "{input}: pages are not A4");
        assert!(pages.contains(&n), "{input}: {n} pages, expected {pages:?}");
        let text = String::from_utf8_lossy(&pdf);
        assert!(
            THAI_FONTS.iter().any(|f| text.contains(&format!("+{f}"))),
            "{input}: no Thai font embedded in the PDF"
        );

        let shot = common::root().join("target").join(shot_name);
        let o = headless(
            &browser,
            &[
                "--window-size=1100,1600",
                &format!("--screenshot={}", shot.display()),
                &url,
            ],
        );
        assert!(o.status.success(), "{}", common::stderr(&o));
        let png = std::fs::read(&shot).expect("screenshot written");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
        assert!(
            png.len() > 50_000,
            "screenshot looks empty: {} bytes",
            png.len()
        );
    }
}

#[test]
fn pdf_page_count_sees_pages_not_the_page_tree() {
    let pdf = b"<< /Type /Pages /Count 2 >> << /Type /Page /MediaBox [0 0 594.96 841.92] >> << /Type /Page\n/MediaBox [0 0 594.96 841.92] >>";
    assert_eq!(pdf_pages(pdf), (2, true));
    let letter = b"<< /Type /Page /MediaBox [0 0 612 792] >>";
    assert_eq!(pdf_pages(letter), (1, false));
}
