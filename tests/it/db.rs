//! `batch --db` and `db import` (issue 18): the SQLite archive holds every
//! order, person, duty and member the JSON has; a killed run leaves it
//! consistent and `--resume` completes it; persons are linked as `diff`
//! pairs people; the README's queries answer the clerk's questions.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use kamsang::DutyOrder;
use kamsang::diff::ChangeKind;
use kamsang::model::{Duty, DutyKind};
use rusqlite::{Connection, OpenFlags};

use crate::common::{self, copy, fixture, run_in};

fn open_ro(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open db")
}

fn one(db: &Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// `PRAGMA integrity_check` says ok and no foreign key is broken.
fn assert_whole(db: &Connection) {
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok");
    let broken = db
        .prepare("PRAGMA foreign_key_check")
        .expect("fk check")
        .query_map([], |_| Ok(()))
        .expect("fk rows")
        .count();
    assert_eq!(broken, 0, "foreign keys broken");
}

/// A duty tree in preorder, as (json id, title, depth).
fn preorder(duties: &[Duty], out: &mut Vec<(String, String, i64)>) {
    let mut stack: Vec<(&Duty, i64)> = duties.iter().rev().map(|d| (d, 0)).collect();
    while let Some((d, depth)) = stack.pop() {
        out.push((d.id.clone(), d.title.to_string(), depth));
        stack.extend(d.steps.iter().rev().map(|s| (s, depth + 1)));
    }
}

fn rows3(db: &Connection, sql: &str, id: i64) -> Vec<(String, String, i64)> {
    db.prepare(sql)
        .expect("prepare")
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

/// Every order of `order`'s JSON is in the database with the same people,
/// duties (each tree, in order), substitutes, committees, members and
/// diagnostics; returns the rows it accounted for.
fn assert_order_in_db(db: &Connection, order: &DutyOrder) -> [i64; 5] {
    let path = &order.source.path;
    let id: i64 = db
        .query_row(
            "SELECT id FROM orders WHERE path = ?1 AND sha256 = ?2",
            [path, &order.source.sha256],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{path}: not in the database: {e}"));
    let people = rows3(
        db,
        "SELECT json_id, full_name, id FROM people WHERE order_id = ?1 ORDER BY seq",
        id,
    );
    let want: Vec<(&str, &str)> = order
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.full_name.as_str()))
        .collect();
    let got: Vec<(&str, &str)> = people
        .iter()
        .map(|(a, b, _)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(got, want, "{path}: people");
    let mut duties = 0;
    for (p, (_, _, row)) in order.people.iter().zip(&people) {
        let mut want = Vec::new();
        preorder(&p.duties, &mut want);
        let got = rows3(
            db,
            "SELECT json_id, title, depth FROM duties WHERE people_id = ?1 ORDER BY id",
            *row,
        );
        assert_eq!(got, want, "{path}: duties of {}", p.id);
        duties += want.len() as i64;
        let subs = rows3(
            db,
            "SELECT full_name, '', seq FROM substitutes WHERE people_id = ?1 ORDER BY seq",
            *row,
        );
        let names: Vec<&str> = subs.iter().map(|s| s.0.as_str()).collect();
        let want: Vec<&str> = p.substitutes.iter().map(|s| s.full_name.as_str()).collect();
        assert_eq!(names, want, "{path}: substitutes of {}", p.id);
    }
    let committees = rows3(
        db,
        "SELECT json_id, name, id FROM committees WHERE order_id = ?1 ORDER BY seq",
        id,
    );
    assert_eq!(
        committees.len(),
        order.committees.len(),
        "{path}: committees"
    );
    let mut members = 0;
    for (c, (cid, name, row)) in order.committees.iter().zip(&committees) {
        assert_eq!((cid, name), (&c.id, &c.name), "{path}");
        let got = rows3(
            db,
            "SELECT coalesce(full_name, ''), coalesce(role, ''), (people_id IS NOT NULL)
             FROM members WHERE committee_id = ?1 ORDER BY seq",
            *row,
        );
        let want: Vec<(String, String, i64)> = c
            .members
            .iter()
            .map(|m| {
                let named = m
                    .person_id
                    .as_ref()
                    .is_some_and(|p| order.people.iter().any(|x| &x.id == p));
                (
                    m.full_name.clone().unwrap_or_default(),
                    m.role.clone().unwrap_or_default(),
                    i64::from(named),
                )
            })
            .collect();
        assert_eq!(got, want, "{path}: members of {}", c.id);
        members += want.len() as i64;
        let mut want = Vec::new();
        preorder(&c.duties, &mut want);
        let got = rows3(
            db,
            "SELECT json_id, title, depth FROM duties WHERE committee_id = ?1 ORDER BY id",
            *row,
        );
        assert_eq!(got, want, "{path}: duties of {}", c.id);
        duties += want.len() as i64;
    }
    let diagnostics: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM diagnostics WHERE order_id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(diagnostics, order.diagnostics.len() as i64, "{path}");
    [
        1,
        order.people.len() as i64,
        duties,
        order.committees.len() as i64,
        members,
    ]
}

fn json_outputs(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json")
                && p.file_name().is_some_and(|n| n != "summary.json")
            {
                found.push(p);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_600_file_batch_tree_into_sqlite_holds_every_order_person_duty_and_member() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let sources = [
        "parse/phetchaburi1-policy-plan.txt",
        "docx/phetchaburi1-typed.docx",
        "committee/school-exam-committees.txt",
        "committee/school-unnumbered-committees-and-members.txt",
        "parse/05_ncpo_16_2560_teacher_personnel_committees.txt",
        "committee/office-inline-duties-and-stand-ins.txt",
        "sheet/phetchaburi1-policy-plan.xlsx",
        "committee/school-duty-groups-restart.txt",
    ];
    let (mut good, mut broken) = (0usize, BTreeSet::new());
    for i in 0..600usize {
        let folder = format!("in/{}/office-{:02}", 2560 + i % 5, i % 12);
        std::fs::create_dir_all(t.join(&folder)).expect("mkdir");
        match i % 20 {
            0 => {
                let rel = format!("{folder}/{i:03}-broken.docx");
                std::fs::write(t.join(&rel), format!("not a docx {i}")).expect("write");
                broken.insert(rel);
            }
            19 => std::fs::write(t.join(format!("{folder}/{i:03}.md")), "notes").expect("write"),
            k => {
                let from = sources[k % sources.len()];
                let ext = from.rsplit('.').next().expect("ext");
                copy(from, &t.join(format!("{folder}/{i:03}.{ext}")));
                good += 1;
            }
        }
    }
    let o = run_in(
        t,
        &[
            "batch",
            "in",
            "-o",
            "out",
            "--db",
            "archive.sqlite",
            "-j",
            "2",
            "--progress",
            "none",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let db = open_ro(&t.join("archive.sqlite"));
    assert_whole(&db);

    // Walk the JSON and find each order, person, duty and member in the db,
    // and nothing more.
    let outputs = json_outputs(&t.join("out"));
    assert_eq!(outputs.len(), good);
    let mut total = [0i64; 5];
    for out in &outputs {
        let order: DutyOrder =
            serde_json::from_slice(&std::fs::read(out).expect("read")).expect("order JSON");
        for (t, n) in total.iter_mut().zip(assert_order_in_db(&db, &order)) {
            *t += n;
        }
    }
    let counted = [
        one(&db, "SELECT COUNT(*) FROM orders"),
        one(&db, "SELECT COUNT(*) FROM people"),
        one(&db, "SELECT COUNT(*) FROM duties"),
        one(&db, "SELECT COUNT(*) FROM committees"),
        one(&db, "SELECT COUNT(*) FROM members"),
    ];
    assert_eq!(counted, total);
    assert_eq!(
        one(&db, "SELECT COUNT(*) FROM people WHERE person_id IS NULL"),
        0
    );
    // the same people in 540 copies are few persons
    let persons = one(&db, "SELECT COUNT(*) FROM persons");
    let distinct_names = one(
        &db,
        "SELECT COUNT(DISTINCT replace(full_name, ' ', '')) FROM people",
    );
    assert!(
        persons > 0 && persons <= distinct_names,
        "{persons} > {distinct_names}"
    );

    // The failures table lists what failures.jsonl lists.
    let failed: BTreeSet<String> = db
        .prepare("SELECT path FROM failures")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(failed, broken);
    let listed = std::fs::read_to_string(t.join("out/failures.jsonl")).expect("failures");
    assert_eq!(listed.lines().count(), broken.len());
    // every input is counted, in the run's row too
    let summary: serde_json::Value = serde_json::from_str(
        &db.query_row("SELECT summary FROM runs", [], |r| r.get::<_, String>(0))
            .expect("run"),
    )
    .expect("summary JSON");
    assert_eq!(summary["files_seen"], 600);
    assert_eq!(summary["database"]["added"], good);
    assert_eq!(summary["database"]["failures"], broken.len());

    // `db import` of the same JSON makes the same tables.
    let o = run_in(t, &["db", "import", "out", "--db", "again.sqlite"], None);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let again = open_ro(&t.join("again.sqlite"));
    for table in [
        "orders",
        "people",
        "duties",
        "substitutes",
        "committees",
        "members",
        "diagnostics",
        "failures",
        "persons",
    ] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        assert_eq!(one(&again, &sql), one(&db, &sql), "{table}");
    }
    // and again: nothing changes
    let o = run_in(t, &["db", "import", "out", "--db", "again.sqlite"], None);
    assert!(
        common::stderr(&o).contains(&format!("0 added, 0 replaced, {good} unchanged")),
        "{}",
        common::stderr(&o)
    );
}

/// A small order with `n` as its number: two people from a pool of names,
/// so orders share persons.
fn tiny_order(n: usize) -> String {
    const GIVEN: [&str; 6] = ["สมชาย", "มาลี", "วิชัย", "สมศรี", "ประยูร", "จันทร์เพ็ญ"];
    const FAMILY: [&str; 5] = ["ใจดี", "ศรีสุข", "ทองคำ", "แก้วใส", "มีสุข"];
    let a = (GIVEN[n % 6], FAMILY[n % 5]);
    let b = (GIVEN[(n + 1) % 6], FAMILY[(n + 3) % 5]);
    format!(
        "ที่ {n}/2566\nเรื่อง มอบหมายหน้าที่\n1. นาย{}  {} ตำแหน่ง ครู\n   1.1 งานสารบรรณ\n   1.2 งานพัสดุ\n2. นาง{}  {} ตำแหน่ง ครู\n   2.1 งานการเงิน\n   2.2 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n",
        a.0, a.1, b.0, b.1
    )
}

#[cfg(unix)]
#[test]
fn a_killed_batch_leaves_a_consistent_database_and_resume_completes_it() {
    const FILES: usize = 2000;
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    for i in 0..FILES {
        let folder = t.join(format!("in/{:02}", i % 40));
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(folder.join(format!("{i:04}.txt")), tiny_order(i + 1)).expect("write");
    }
    let db_path = t.join("archive.sqlite");
    let mut child = common::kamsang_bin()
        .args([
            "batch",
            "in",
            "--db",
            "archive.sqlite",
            "-j",
            "1",
            "--progress",
            "none",
        ])
        .current_dir(t)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Kill it once a few groups are committed, mid-run.
    let mut committed = 0;
    for _ in 0..3000 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        if db_path.exists() {
            committed = Connection::open_with_flags(&db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|db| {
                    db.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get::<_, i64>(0))
                })
                .unwrap_or(0);
        }
        if committed as usize >= 3 * kamsang::db::GROUP_ORDERS {
            break;
        }
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    assert!(committed > 0, "nothing was committed before the kill");

    {
        // opening recovers the WAL; what is there is whole
        let db = Connection::open(&db_path).expect("open");
        assert_whole(&db);
        let orders = one(&db, "SELECT COUNT(*) FROM orders");
        assert!(
            orders < FILES as i64,
            "the batch finished before it was killed: make it longer"
        );
        assert_eq!(
            orders as usize % kamsang::db::GROUP_ORDERS,
            0,
            "a group was half written"
        );
        let half = one(
            &db,
            "SELECT COUNT(*) FROM orders o WHERE
               (SELECT COUNT(*) FROM people WHERE order_id = o.id) <> 2
               OR (SELECT COUNT(*) FROM duties WHERE order_id = o.id) <> 4",
        );
        assert_eq!(half, 0, "an order is in the database without all its rows");
        assert_eq!(
            one(&db, "SELECT COUNT(*) FROM people WHERE person_id IS NULL"),
            0
        );
    }

    let o = run_in(
        t,
        &[
            "batch",
            "in",
            "--db",
            "archive.sqlite",
            "--resume",
            "-j",
            "2",
            "--progress",
            "none",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let db = open_ro(&db_path);
    assert_whole(&db);
    let resumed = one(
        &db,
        "SELECT json_extract(summary, '$.resumed') FROM runs ORDER BY id DESC LIMIT 1",
    );
    let orders = one(&db, "SELECT COUNT(*) FROM orders");
    assert_eq!(orders, FILES as i64);
    assert!(resumed > 0 && resumed < FILES as i64, "resumed {resumed}");
    assert_eq!(one(&db, "SELECT COUNT(*) FROM people"), 2 * FILES as i64);
    assert_eq!(one(&db, "SELECT COUNT(*) FROM duties"), 4 * FILES as i64);
    // diff's rule across the archive: everyone is a ครู, so the same given
    // name and the same position are one person, whatever the family name
    let given = one(
        &db,
        "SELECT COUNT(DISTINCT replace(given_name, ' ', '')) FROM people",
    );
    assert_eq!(one(&db, "SELECT COUNT(*) FROM persons"), given);
}

/// The person of each people entry of the order at `path`, by json id.
fn persons_of(db: &Connection, path: &str) -> Vec<(String, i64)> {
    db.prepare(
        "SELECT p.json_id, p.person_id FROM people p JOIN orders o ON o.id = p.order_id
         WHERE o.path = ?1 ORDER BY p.seq",
    )
    .expect("prepare")
    .query_map([path], |r| Ok((r.get(0)?, r.get(1)?)))
    .expect("query")
    .map(|r| r.expect("row"))
    .collect()
}

#[test]
fn persons_link_the_reference_and_its_next_year_as_diff_pairs_them() {
    let old = common::parse_fixture("fixtures/diff/next-year/old.txt");
    let new = common::parse_fixture("fixtures/diff/next-year/new.txt");
    let d = kamsang::diff(&old, &new);
    let mut pairs = Vec::new();
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for c in &d.changes {
        let Some(p) = &c.person else { continue };
        match (c.kind, &p.old_id, &p.new_id) {
            (ChangeKind::PersonAdded, _, Some(n)) => added.push(n.clone()),
            (ChangeKind::PersonRemoved, Some(o), _) => removed.push(o.clone()),
            (_, Some(o), Some(n)) => pairs.push((o.clone(), n.clone())),
            _ => {}
        }
    }
    assert!(
        d.changes
            .iter()
            .any(|c| c.kind == ChangeKind::PersonRenamed),
        "the reference pair has a marriage"
    );
    assert!(!added.is_empty() && !removed.is_empty());
    // imported in either order, the archive links as diff pairs
    for first_old in [true, false] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut db = kamsang::db::Archive::open(&dir.path().join("a.sqlite")).expect("open");
        let (a, b) = if first_old {
            (&old, &new)
        } else {
            (&new, &old)
        };
        db.import(a, "test").expect("import");
        db.import(b, "test").expect("import");
        db.commit().expect("commit");
        drop(db);
        let conn = open_ro(&dir.path().join("a.sqlite"));
        let olds = persons_of(&conn, &old.source.path);
        let news = persons_of(&conn, &new.source.path);
        let of = |list: &[(String, i64)], id: &str| {
            list.iter()
                .find(|(j, _)| j == id)
                .map(|(_, p)| *p)
                .unwrap_or_else(|| panic!("no {id}"))
        };
        for (o, n) in &pairs {
            assert_eq!(
                of(&olds, o),
                of(&news, n),
                "{o} ~ {n} (old first: {first_old})"
            );
        }
        for n in &added {
            let p = of(&news, n);
            assert!(
                olds.iter().all(|(_, q)| *q != p),
                "added {n} linked to an old person"
            );
        }
        for o in &removed {
            let p = of(&olds, o);
            assert!(
                news.iter().all(|(_, q)| *q != p),
                "removed {o} linked to a new person"
            );
        }
        // everyone diff does not call added is someone of last year
        for (n, p) in &news {
            if !added.contains(n) {
                assert!(olds.iter().any(|(_, q)| q == p), "{n} unlinked");
            }
        }
    }
}

/// The clerk's queries between the README's markers, in order.
fn readme_queries() -> Vec<String> {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README");
    let start = readme
        .find("<!-- db-queries:start -->")
        .expect("start marker");
    let end = readme.find("<!-- db-queries:end -->").expect("end marker");
    readme[start..end]
        .split("```sql\n")
        .skip(1)
        .map(|b| b.split("```").next().expect("block").trim().to_string())
        .collect()
}

fn sqlite3(db: &Path, sql: &str) -> Vec<Vec<String>> {
    let o = std::process::Command::new("sqlite3")
        .args(["-separator", "\t"])
        .arg(db)
        .arg(sql)
        .output()
        .expect("run sqlite3");
    assert!(
        o.status.success(),
        "{sql}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// The README's database: the reference order in 2566, its next-year
/// version in 2567, that version in 2568 without นายสมชาย ใจงาม (he left),
/// and two committee orders of 2567.
fn clerks_archive(t: &Path) -> String {
    let dated = |text: &str, year: u32| format!("{text}\nสั่ง ณ วันที่ 1 ตุลาคม พ.ศ. {year}\n");
    let old = std::fs::read_to_string(fixture("diff/next-year/old.txt")).expect("old");
    let new = std::fs::read_to_string(fixture("diff/next-year/new.txt")).expect("new");
    let lines: Vec<&str> = new.lines().collect();
    let from = lines
        .iter()
        .position(|l| l.starts_with("6. นายสมชาย"))
        .expect("item 6");
    let to = lines
        .iter()
        .position(|l| l.starts_with("7. นางจงกล"))
        .expect("item 7");
    let left: Vec<&str> = lines[..from].iter().chain(&lines[to..]).copied().collect();
    let left = left.join("\n").replace("    5. นายสมชาย  ใจงาม", "");
    for (year, text) in [(2566, &old), (2567, &new), (2568, &left)] {
        let folder = t.join(format!("archive/{year}"));
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(folder.join("policy-plan.txt"), dated(text, year)).expect("write");
    }
    copy(
        "committee/school-exam-committees.txt",
        &t.join("archive/2567/exam.txt"),
    );
    copy(
        "committee/school-exam-rooms-names-only.txt",
        &t.join("archive/2567/rooms.txt"),
    );
    new
}

#[test]
fn the_readme_queries_answer_the_clerks_questions() {
    let available = std::process::Command::new("sqlite3")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if common::skip_without(
        available,
        "KAMSANG_REQUIRE_SQLITE3",
        "the sqlite3 command-line tool is not installed",
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    let new = clerks_archive(t);
    let o = run_in(
        t,
        &[
            "batch",
            "archive",
            "--db",
            "archive.sqlite",
            "--progress",
            "none",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let db = t.join("archive.sqlite");
    let queries = readme_queries();
    assert_eq!(queries.len(), 5, "{queries:?}");
    let pick = |rows: &[Vec<String>], cols: &[usize]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| cols.iter().map(|&c| r[c].clone()).collect())
            .collect()
    };
    let v = |rows: &[&[&str]]| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    };

    // 1. งานบริหารงบประมาณ: p5's in 2566, handed to p7 in 2567, still hers in 2568
    let rows = sqlite3(&db, &queries[0]);
    assert_eq!(
        pick(&rows, &[0, 1, 3]),
        v(&[
            &["2566", "นางสุภัทรา บูรณารมย์", "งานบริหารงบประมาณ"],
            &["2567", "นางจงกล อรรถอาภรณ์", "งานบริหารงบประมาณ"],
            &["2568", "นางจงกล อรรถอาภรณ์", "งานบริหารงบประมาณ"],
        ])
    );
    // 2. the director chairs one exam committee and is secretary of another
    let rows = sqlite3(&db, &queries[1]);
    assert_eq!(
        pick(&rows, &[0, 1, 2]),
        v(&[
            &["2567", "คณะกรรมการอำนวยการ", "ประธานกรรมการ"],
            &["2567", "คณะกรรมการอำนวยการ", "กรรมการและเลขานุการ"],
        ]),
        "{rows:?}"
    );
    // 3. p7's stand-in changed in 2567 (edit 7 of next-year)
    let rows = sqlite3(&db, &queries[2]);
    assert_eq!(
        rows,
        v(&[
            &["2566", "นางสุภัทรา บูรณารมย์"],
            &["2567", "นางวราภรณ์ เวทย์วิทยานุวัฒน์"],
            &["2568", "นางวราภรณ์ เวทย์วิทยานุวัฒน์"],
        ])
    );
    // 4. one person under her maiden and married names
    let rows = sqlite3(&db, &queries[3]);
    assert_eq!(
        pick(&rows, &[0, 1]),
        v(&[
            &["2566", "นางสาวธนะพร ฉายแสง"],
            &["2567", "นางธนะพร ใจดี"],
            &["2568", "นางธนะพร ใจดี"],
        ])
    );
    // 5. the duties of the one who left in 2568, which nobody took over
    let rows = sqlite3(&db, &queries[4]);
    let somchai = kamsang::parse_str("2567.txt", &new).expect("parses");
    let somchai = somchai
        .people
        .iter()
        .find(|p| p.full_name == "นายสมชาย ใจงาม")
        .expect("นายสมชาย in 2567");
    let want: Vec<Vec<String>> = somchai
        .duties
        .iter()
        .filter(|d| d.kind == DutyKind::Duty)
        .map(|d| {
            vec![
                somchai.full_name.clone(),
                d.number.clone().expect("number").to_string(),
                d.title.to_string(),
            ]
        })
        .collect();
    assert!(!want.is_empty());
    assert_eq!(rows, want);
}

#[test]
fn the_database_is_never_an_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy("parse/phetchaburi1-policy-plan.txt", &t.join("in/a.txt"));
    let before = std::fs::read(t.join("in/a.txt")).expect("read");
    for (args, what) in [
        (
            &["batch", "in", "--db", "in/archive.sqlite"][..],
            "inside an input folder",
        ),
        (
            &["batch", "in/a.txt", "--db", "in/a.txt"][..],
            "is the input",
        ),
        (
            &["batch", "in", "--db", "x.jsonl", "--jsonl", "x.jsonl"][..],
            "the same file",
        ),
        (
            &["db", "import", "in", "--db", "in/archive.sqlite"][..],
            "inside the input folder",
        ),
    ] {
        let o = run_in(t, args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", common::stderr(&o));
        assert!(
            common::stderr(&o).contains(what),
            "{args:?}: {}",
            common::stderr(&o)
        );
    }
    assert!(!t.join("in/archive.sqlite").exists());
    assert_eq!(std::fs::read(t.join("in/a.txt")).expect("read"), before);
    // --resume works with --db alone; a changed file replaces its rows
    let o = run_in(t, &["batch", "in", "--db", "a.sqlite", "--resume"], None);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    std::fs::write(
        t.join("in/a.txt"),
        "1. นางสาวมาลี  ศรีสุข ตำแหน่ง ครู\n   1.1 งานพัสดุ\n",
    )
    .expect("write");
    let o = run_in(t, &["batch", "in", "--db", "a.sqlite", "--resume"], None);
    assert!(
        common::stderr(&o).contains("0 added, 1 replaced"),
        "{}",
        common::stderr(&o)
    );
    let db = open_ro(&t.join("a.sqlite"));
    assert_eq!(one(&db, "SELECT COUNT(*) FROM people"), 1);
    assert_eq!(one(&db, "SELECT COUNT(*) FROM persons"), 1);
    assert_eq!(one(&db, "SELECT COUNT(*) FROM duties"), 1);
}

#[test]
fn paths_on_stdin_go_into_the_database_every_one_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path();
    copy("parse/phetchaburi1-policy-plan.txt", &t.join("a.txt"));
    std::fs::write(t.join("bad.docx"), "text").expect("write");
    let o = run_in(
        t,
        &["batch", "-", "--db", "a.sqlite", "--jsonl", "-"],
        Some(b"a.txt\nbad.docx\nmissing.txt\n"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(common::stdout(&o).lines().count(), 3);
    let db = open_ro(&t.join("a.sqlite"));
    assert_eq!(one(&db, "SELECT COUNT(*) FROM orders"), 1);
    assert_eq!(one(&db, "SELECT COUNT(*) FROM failures"), 2);
    assert_eq!(
        one(
            &db,
            "SELECT json_extract(summary, '$.files_seen') FROM runs"
        ),
        3
    );
    // the JSON lines, imported, are the same archive
    std::fs::write(t.join("lines.jsonl"), &o.stdout).expect("write");
    let o = run_in(
        t,
        &["db", "import", "lines.jsonl", "--db", "b.sqlite"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let b = open_ro(&t.join("b.sqlite"));
    assert_eq!(
        one(&b, "SELECT COUNT(*) FROM duties"),
        one(&db, "SELECT COUNT(*) FROM duties")
    );
    assert_eq!(one(&b, "SELECT COUNT(*) FROM failures"), 2);
}
