//! The readable views and the responsibility matrix:
//! - `render --to html|md` puts every person, duty, step, substitute,
//!   committee and member of every fixture on the page, with the written label
//!   beside a corrected number and the diagnostics beside their line;
//! - the html view in a real browser: `view_browser.rs`;
//! - `render --to xlsx|csv` and `export` over a JSON archive: calamine reads
//!   the workbook back with the rows the JSON has; the .csv files round-trip
//!   through the csv crate;
//! - `render` of kamsang's own JSON is the render of the order it holds.

use crate::common;

use std::path::Path;

use kamsang::DutyOrder;
use kamsang::model::Duty;
use kamsang::render::{Sheets, render_html, render_md, render_txt};

pub(crate) const COMMITTEE_ORDER: &str = "fixtures/committee/school-exam-committees.txt";

/// The visible text of an HTML page: tags dropped, entities decoded, the
/// style sheet left out.
fn page_text(html: &str) -> String {
    let body = html.split("</style>").last().unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Markdown text with its escapes removed.
fn md_text(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Every text a view must show: names, posts, duties, steps, substitutes,
/// committees, members, header fields.
fn must_show(order: &DutyOrder) -> Vec<String> {
    fn duty(d: &Duty, out: &mut Vec<String>) {
        out.push(d.title.to_string());
        for s in &d.steps {
            duty(s, out);
        }
    }
    let h = &order.header;
    let mut out: Vec<String> = [h.subject.clone(), h.unit.clone(), h.preamble.clone()]
        .into_iter()
        .flatten()
        .collect();
    if let Some(s) = &h.signed_by {
        out.extend(s.name.clone());
        out.extend(s.position.iter().cloned());
    }
    for p in &order.people {
        out.push(p.full_name.clone());
        out.extend(p.position.clone());
        out.extend(p.rank.clone());
        out.extend(p.role.clone());
        out.extend(p.appointed_as.clone());
        for d in &p.duties {
            duty(d, &mut out);
        }
        out.extend(p.substitutes.iter().map(|s| s.full_name.clone()));
    }
    for c in &order.committees {
        out.push(c.name.clone());
        for m in &c.members {
            out.extend(m.full_name.clone());
            out.extend(m.position.clone());
            out.extend(m.role.clone());
        }
        for d in &c.duties {
            duty(d, &mut out);
        }
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

#[test]
fn html_and_md_show_everything_of_every_fixture() {
    let files = crate::round_trip::inputs();
    assert!(files.len() >= 70);
    let mut missing = Vec::new();
    for file in &files {
        let order = common::parse_fixture(file);
        let html = page_text(&render_html(&order));
        let md = md_text(&render_md(&order));
        for want in must_show(&order) {
            if !html.contains(&want) {
                missing.push(format!("{file} (html): {want}"));
            }
            if !md.contains(&want) {
                missing.push(format!("{file} (md): {want}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not on the page:\n{}",
        missing.join("\n")
    );
}

#[test]
fn html_is_thai_self_contained_and_shows_corrections_beside_their_line() {
    let order = common::reference_order();
    let html = render_html(&order);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"th\">"));
    for banned in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(banned), "page refers to {banned}");
    }
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("@media print"));
    assert!(html.contains("<h2>บุคลากรและหน้าที่ (7 คน)</h2>"));
    // 4.2.2 written under 4.1 is shown as 4.1.2, with the written label and
    // the diagnostic in the same list item
    let item = html
        .split("<li ")
        .find(|li| li.contains("id=\"p4.d1.s2\""))
        .expect("the item p4.d1.s2");
    assert!(
        item.contains(
            "<span class=\"num\">4.1.2</span><span class=\"written\">ต้นฉบับเขียน 4.2.2</span>"
        ),
        "{item}"
    );
    assert!(item.contains("data-code=\"label_renumbered\""), "{item}");
    assert!(item.contains("แก้เลขข้อ 4.2.2 → 4.1.2"), "{item}");
    // every diagnostic is shown once, beside its line or at the end
    assert_eq!(
        html.matches("<span class=\"note ").count(),
        order.diagnostics.len()
    );

    let md = render_md(&order);
    assert!(
        md.contains("- **4.1.2** *(ต้นฉบับเขียน 4.2.2)* ศึกษาผลการดำเนินงาน"),
        "{md}"
    );
    assert_eq!(md.matches(" ⚠ ").count(), order.diagnostics.len());
}

#[test]
fn html_committee_members_in_a_table() {
    let order = common::parse_fixture(COMMITTEE_ORDER);
    let html = render_html(&order);
    assert_eq!(html.matches("<article class=\"committee\"").count(), 3);
    let rows = html.matches("<tr><td>").count();
    let members: usize = order.committees.iter().map(|c| c.members.len()).sum();
    assert_eq!(rows, members);
    assert!(
        html.contains(
            "<td><span class=\"seat\">(โดยตำแหน่ง)</span></td><td>ครูประจำชั้นทุกคน</td><td>กรรมการ</td>"
        ),
        "{html}"
    );
    // members are not listed again as people without duties
    assert!(!html.contains("<section id=\"people\">"));
}

// ---------------------------------------------------------------------------
// xlsx and csv
// ---------------------------------------------------------------------------

/// Rows of the duties sheet the JSON gives: one per step at any depth, or one
/// for a duty without steps.
fn duty_rows(order: &DutyOrder) -> usize {
    fn rows(d: &Duty) -> usize {
        fn all(d: &Duty) -> usize {
            d.steps.iter().map(|s| 1 + all(s)).sum()
        }
        all(d).max(1)
    }
    order
        .people
        .iter()
        .flat_map(|p| p.duties.iter())
        .chain(order.committees.iter().flat_map(|c| c.duties.iter()))
        .map(rows)
        .sum()
}

fn read_xlsx(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).expect("calamine opens the workbook");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn xlsx_has_the_rows_the_json_has() {
    let dir = tempfile::tempdir().expect("tempdir");
    for input in [common::REFERENCE, COMMITTEE_ORDER] {
        let order = common::parse_fixture(input);
        let out = dir.path().join("order.xlsx");
        let o = common::kamsang(&[
            "render",
            input,
            "--to",
            "xlsx",
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert!(o.status.success(), "{}", common::stderr(&o));
        let sheets = read_xlsx(&out);
        let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["people", "duties", "committees"]);
        let members: usize = order.committees.iter().map(|c| c.members.len()).sum();
        let want = [order.people.len(), duty_rows(&order), members];
        for ((name, rows), want) in sheets.iter().zip(want) {
            // the header row, then one row per fact
            assert_eq!(rows.len(), want + 1, "{input}: sheet {name}");
            assert_eq!(rows[0][0], "source");
            assert!(
                rows[1..].iter().all(|r| r[0] == input),
                "{input}: {name} source"
            );
        }
        // the people sheet, row by row, against the JSON
        let people = &sheets[0].1;
        let col = |name: &str| people[0].iter().position(|c| c == name).expect("column");
        for (row, p) in people[1..].iter().zip(&order.people) {
            assert_eq!(row[col("full_name")], p.full_name);
            assert_eq!(row[col("position")], p.position.clone().unwrap_or_default());
            assert_eq!(row[col("person_id")], p.id);
        }
        // the duties and committees sheets, row by row, against the order's
        // JSON (read as JSON: owner, duty number and kind, each step in
        // document order with its number and kind; committee, member, post, role)
        let json = serde_json::to_value(&order).expect("json");
        let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
        let mut want_duties: Vec<[String; 5]> = Vec::new();
        fn steps(
            owner: &str,
            duty: &serde_json::Value,
            step: &serde_json::Value,
            out: &mut Vec<[String; 5]>,
        ) {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            out.push([
                owner.to_string(),
                text(&duty["number"]),
                text(&duty["kind"]),
                text(&step["number"]),
                text(&step["kind"]),
            ]);
            for s in step["steps"].as_array().into_iter().flatten() {
                steps(owner, duty, s, out);
            }
        }
        let owners = json["people"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(json["committees"].as_array().into_iter().flatten());
        for owner in owners {
            let id = text(&owner["id"]);
            for d in owner["duties"].as_array().into_iter().flatten() {
                let subs = d["steps"].as_array().filter(|s| !s.is_empty());
                match subs {
                    None => want_duties.push([
                        id.clone(),
                        text(&d["number"]),
                        text(&d["kind"]),
                        String::new(),
                        String::new(),
                    ]),
                    Some(list) => {
                        for s in list {
                            steps(&id, d, s, &mut want_duties);
                        }
                    }
                }
            }
        }
        let duties = &sheets[1].1;
        let dcol = |name: &str| duties[0].iter().position(|c| c == name).expect("column");
        let got_duties: Vec<[String; 5]> = duties[1..]
            .iter()
            .map(|r| {
                [
                    "owner_id",
                    "duty_number",
                    "duty_kind",
                    "step_number",
                    "step_kind",
                ]
                .map(|c| r[dcol(c)].clone())
            })
            .collect();
        assert_eq!(got_duties, want_duties, "{input}: duties sheet");
        let mut want_members: Vec<[String; 5]> = Vec::new();
        for c in json["committees"].as_array().into_iter().flatten() {
            for m in c["members"].as_array().into_iter().flatten() {
                want_members.push([
                    text(&c["name"]),
                    text(&m["full_name"]),
                    text(&m["position"]),
                    text(&m["role"]),
                    text(&m["person_id"]),
                ]);
            }
        }
        let members = &sheets[2].1;
        let mcol = |name: &str| members[0].iter().position(|c| c == name).expect("column");
        let got_members: Vec<[String; 5]> = members[1..]
            .iter()
            .map(|r| {
                ["committee", "full_name", "position", "role", "person_id"]
                    .map(|c| r[mcol(c)].clone())
            })
            .collect();
        assert_eq!(got_members, want_members, "{input}: committees sheet");
        assert!(
            input != COMMITTEE_ORDER || got_members.len() >= 10,
            "{input}: {} members",
            got_members.len()
        );
    }
    // the reference order's first person: five substitutes, in order, on each duty row
    let order = common::reference_order();
    let sheets = Sheets::of(&order);
    let duties = &sheets.sheets[1];
    let subs = duties
        .columns
        .iter()
        .position(|c| *c == "substitutes")
        .expect("column");
    assert_eq!(
        duties.rows[0][subs],
        order.people[0]
            .substitutes
            .iter()
            .map(|s| s.full_name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    );
    // the catch-all is a duty of its own kind, not counted as a duty
    let people = &sheets.sheets[0];
    let duties_col = people
        .columns
        .iter()
        .position(|c| *c == "duties")
        .expect("col");
    let other_col = people
        .columns
        .iter()
        .position(|c| *c == "other_assigned")
        .expect("col");
    assert_eq!(people.rows[0][duties_col], "6");
    assert_eq!(people.rows[0][other_col], "1");
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("csv written");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{}: no UTF-8 BOM",
        path.display()
    );
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|rec| {
            rec.expect("a csv record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn csv_round_trips_through_the_csv_crate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("matrix");
    let o = common::kamsang(&[
        "render",
        common::REFERENCE,
        "--to",
        "csv",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let sheets = Sheets::of(&common::parse_fixture(common::REFERENCE));
    // … and the workbook of the same order, as calamine reads it: the .csv
    // files and the .xlsx carry the same cells
    let xlsx = dir.path().join("matrix.xlsx");
    let o = common::kamsang(&[
        "render",
        common::REFERENCE,
        "--to",
        "xlsx",
        "-o",
        xlsx.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let book = read_xlsx(&xlsx);
    for (sheet, (name, rows)) in sheets.sheets.iter().zip(&book) {
        let got = read_csv(&out.join(format!("{}.csv", sheet.name)));
        assert_eq!(got[0], sheet.columns, "{}", sheet.name);
        assert_eq!(got[1..], sheet.rows[..], "{}", sheet.name);
        assert_eq!(&got, rows, "{name}: .csv and .xlsx differ");
    }
    // a duty with a comma and quotes in it comes back whole
    let tricky = dir.path().join("tricky.txt");
    std::fs::write(
        &tricky,
        "คำสั่งโรงเรียนบ้านทดสอบ\nที่ 1/2567\nเรื่อง มอบหมายงาน\n\
         1. นายสมชาย ใจดี ตำแหน่ง ครู\n1.1 งาน \"ห้องสมุด\", งานสารบรรณ\n",
    )
    .expect("write");
    let tricky_out = dir.path().join("tricky");
    let o = common::kamsang(&[
        "render",
        tricky.to_str().expect("utf-8"),
        "--to",
        "csv",
        "-o",
        tricky_out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let duties = read_csv(&tricky_out.join("duties.csv"));
    let col = duties[0].iter().position(|c| c == "duty").expect("column");
    assert_eq!(duties[1][col], "งาน \"ห้องสมุด\", งานสารบรรณ");
    // an output that is a file is refused in one line
    let file = dir.path().join("file.csv");
    std::fs::write(&file, "x").expect("write");
    let o = common::kamsang(&[
        "render",
        common::REFERENCE,
        "--to",
        "csv",
        "-o",
        file.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        common::stderr(&o).lines().count(),
        1,
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn export_of_a_batch_archive_has_every_order_with_its_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let json = dir.path().join("json");
    let inputs = ["fixtures/committee", "fixtures/parse"];
    let mut args = vec!["batch"];
    args.extend(inputs);
    let json_s = json.to_str().expect("utf-8");
    args.extend(["-o", json_s]);
    let o = common::kamsang(&args);
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{}",
        common::stderr(&o)
    );

    // what the archive holds, order by order
    let mut want = [0usize; 3];
    let mut sources = std::collections::BTreeSet::new();
    let mut todo = vec![json.clone()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("dir").flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "summary.json" {
                continue;
            }
            if p.is_dir() {
                todo.push(p);
            } else if name.ends_with(".json") {
                let order = DutyOrder::from_json_slice(&std::fs::read(&p).expect("read"), 32)
                    .expect("batch JSON");
                want[0] += order.people.len();
                want[1] += duty_rows(&order);
                want[2] += order
                    .committees
                    .iter()
                    .map(|c| c.members.len())
                    .sum::<usize>();
                sources.insert(order.source.path.clone());
            }
        }
    }
    assert!(sources.len() > 15, "{sources:?}");

    let book = dir.path().join("archive.xlsx");
    let o = common::kamsang(&[
        "export",
        json_s,
        "--to",
        "xlsx",
        "-o",
        book.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let sheets = read_xlsx(&book);
    for ((name, rows), want) in sheets.iter().zip(want) {
        assert_eq!(rows.len(), want + 1, "sheet {name}");
    }
    let got: std::collections::BTreeSet<String> =
        sheets[0].1[1..].iter().map(|r| r[0].clone()).collect();
    let with_people: std::collections::BTreeSet<String> = sources
        .iter()
        .filter(|s| got.contains(*s))
        .cloned()
        .collect();
    assert_eq!(
        got, with_people,
        "every people row names an order of the archive"
    );

    let csv_dir = dir.path().join("csv");
    let o = common::kamsang(&[
        "export",
        json_s,
        "--to",
        "csv",
        "-o",
        csv_dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    for ((name, rows), file) in sheets.iter().zip(["people", "duties", "committees"]) {
        assert_eq!(
            &read_csv(&csv_dir.join(format!("{file}.csv"))),
            rows,
            "{name}"
        );
    }

    // a file that is not kamsang JSON: one line, exit 1, the rest written
    std::fs::write(json.join("broken.json"), "{\"schema_version\": 3}").expect("write");
    let o = common::kamsang(&[
        "export",
        json_s,
        "--to",
        "xlsx",
        "-o",
        book.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = common::stderr(&o);
    assert!(
        e.contains("broken.json: JSON that is not a kamsang duty order"),
        "{e}"
    );
}

#[test]
fn render_of_kamsang_json_is_the_render_of_the_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let json = dir.path().join("order.json");
    for input in [common::REFERENCE, COMMITTEE_ORDER] {
        let o = common::kamsang(&["parse", input, "-o", json.to_str().expect("utf-8")]);
        assert!(o.status.success(), "{}", common::stderr(&o));
        let order = common::parse_fixture(input);
        for to in ["txt", "html", "md"] {
            let out = dir.path().join(format!("order.{to}"));
            let o = common::kamsang(&[
                "render",
                json.to_str().expect("utf-8"),
                "--to",
                to,
                "-o",
                out.to_str().expect("utf-8"),
            ]);
            assert!(o.status.success(), "{}", common::stderr(&o));
            let got = std::fs::read_to_string(&out).expect("written");
            let want = match to {
                "txt" => render_txt(&order),
                "html" => render_html(&order),
                _ => render_md(&order),
            };
            // the JSON says where the order was read from; so does the page
            assert_eq!(got, want, "{input} → {to}");
        }
        // and the committees are there (they vanished before)
        let txt = std::fs::read_to_string(dir.path().join("order.txt")).expect("txt");
        for c in &order.committees {
            assert!(txt.contains(&c.name), "{}", c.name);
        }
    }
    // JSON that is not an order: one line, exit 1
    std::fs::write(&json, "{\"schema_version\": \"1.0.0\"}").expect("write");
    let out = dir.path().join("x.txt");
    let o = common::kamsang(&[
        "render",
        json.to_str().expect("utf-8"),
        "--to",
        "txt",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let e = common::stderr(&o);
    assert!(e.contains("JSON that is not a kamsang duty order"), "{e}");
    assert_eq!(e.lines().count(), 1);
}

#[test]
fn lang_en_gives_english_words_and_the_same_order_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let order = common::parse_fixture(COMMITTEE_ORDER);
    for to in ["html", "md"] {
        let out = dir.path().join(format!("en.{to}"));
        let o = common::kamsang(&[
            "render",
            COMMITTEE_ORDER,
            "--to",
            to,
            "--lang",
            "en",
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert!(o.status.success(), "{}", common::stderr(&o));
        let page = std::fs::read_to_string(&out).expect("written");
        let want = match to {
            "html" => kamsang::render::render_html_in(&order, kamsang::render::Lang::En),
            _ => kamsang::render::render_md_in(&order, kamsang::render::Lang::En),
        };
        assert_eq!(page, want);
        assert!(page.contains("Committees (3 committees)"), "{page}");
        assert!(page.contains("Committee role"), "{page}");
        assert!(!page.contains("คณะกรรมการ (3 คณะ)"), "{page}");
        // the order's own words are not translated
        assert!(page.contains("คณะกรรมการอำนวยการ"));
    }
    let html = kamsang::render::render_html_in(&order, kamsang::render::Lang::En);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let o = common::kamsang(&[
        "render",
        COMMITTEE_ORDER,
        "--to",
        "html",
        "--lang",
        "fr",
        "-o",
        "x.html",
    ]);
    assert_eq!(o.status.code(), Some(2));
}
