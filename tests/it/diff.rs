//! `kamsang diff`: the change list of hand-made "next year" orders, no noise,
//! self-diff, JSON inputs, the diff schema and the CLI.
//!
//! Each `fixtures/diff/<case>/` holds `old.txt`, `new.txt` (edited by hand from
//! a real order; the edits are listed in `changes.md`) and `expected.json`, the
//! full diff. To update after an intended change:
//! `UPDATE_GOLDEN=1 cargo test --test it diff::`, then read `git diff fixtures/diff`.

use crate::common;

use kamsang::diff::{Change, ChangeKind, Diff};

use common::parse_fixture as parse;

pub(crate) fn case(name: &str) -> Diff {
    kamsang::diff(
        &parse(&format!("fixtures/diff/{name}/old.txt")),
        &parse(&format!("fixtures/diff/{name}/new.txt")),
    )
}

/// A change in one line: kind, who, and the duty's old → new number.
pub(crate) fn line(c: &Change) -> String {
    let who = match c.kind {
        ChangeKind::DutyReassigned => format!(
            "{} -> {}",
            c.from_person.as_ref().map_or("?", |p| &p.full_name),
            c.to_person.as_ref().map_or("?", |p| &p.full_name)
        ),
        ChangeKind::HeaderChanged => c.field.clone().unwrap_or_default(),
        _ => c
            .person
            .as_ref()
            .map_or(String::new(), |p| p.full_name.clone()),
    };
    if c.kind == ChangeKind::DutiesRenumbered {
        let list = |v: &Option<kamsang::diff::Value>| match v {
            Some(kamsang::diff::Value::List(l)) => l.join(","),
            _ => String::new(),
        };
        return format!(
            "{} | {who} {}->{}",
            c.kind.as_str(),
            list(&c.old),
            list(&c.new)
        );
    }
    let duty = c.duty.as_ref().map_or(String::new(), |d| {
        format!(
            " {}->{}",
            d.old_number.as_deref().unwrap_or("_"),
            d.new_number.as_deref().unwrap_or("_")
        )
    });
    format!("{} | {who}{duty}", c.kind.as_str())
}

#[test]
fn next_year_gives_exactly_its_changes() {
    // Written from the edits in fixtures/diff/next-year/changes.md, not from output.
    let want = [
        // p1's list of substitutes: the retiree replaced by the newcomer (the
        // renamed p4 in the same list is the same person: no change for her)
        "substitutes_changed | นายชูศักดิ์ ประเสริฐ",
        // a new duty 2.3; the old 2.3–2.6 move down one number: one line
        "duty_added | นางสาวฐิติการ เพชรสวน _->2.3",
        "duties_renumbered | นางสาวฐิติการ เพชรสวน 2.3,2.4,2.5,2.6->2.4,2.5,2.6,2.7",
        // promotion and a reworded duty; the corrected 3.3.4/3.3.5 are no change
        "rank_changed | นางวราภรณ์ เวทย์วิทยานุวัฒน์",
        "duty_reworded | นางวราภรณ์ เวทย์วิทยานุวัฒน์ 3.2->3.2",
        // marriage; a step added under 4.2; corrected 4.2.x → 4.1.x is no change
        "person_renamed | นางธนะพร ใจดี",
        "steps_changed | นางธนะพร ใจดี 4.2->4.2",
        // 5.4 handed to p7, so 5.6 becomes 5.5 (re-indented block: no change)
        "duties_renumbered | นางสุภัทรา บูรณารมย์ 5.6->5.5",
        // the newcomer takes over the retiree's duties; her catch-all 6.5
        // ("other work as assigned") is not handed over: each has their own
        "person_added | นายสมชาย ใจงาม",
        "duty_reassigned | นางกรุณา บุญประเสริฐ -> นายสมชาย ใจงาม 6.1->6.1",
        "duty_reassigned | นางกรุณา บุญประเสริฐ -> นายสมชาย ใจงาม 6.2->6.2",
        "duty_reassigned | นางกรุณา บุญประเสริฐ -> นายสมชาย ใจงาม 6.3->6.3",
        // p7: another substitute, the duty from p5, and her last duty moves down
        "substitutes_changed | นางจงกล อรรถอาภรณ์",
        "duty_reassigned | นางสุภัทรา บูรณารมย์ -> นางจงกล อรรถอาภรณ์ 5.4->7.4",
        "duties_renumbered | นางจงกล อรรถอาภรณ์ 7.5->7.6",
        "person_removed | นางกรุณา บุญประเสริฐ",
    ];
    let d = case("next-year");
    let got: Vec<String> = d.changes.iter().map(line).collect();
    assert_eq!(got, want, "\n{}", got.join("\n"));
    assert_eq!(d.summary.total as usize, want.len());
    assert_eq!(d.summary.duty_reassigned, 4);
    assert_eq!(d.summary.duty_removed, 0);
    // each real change once: no two changes say the same thing
    let mut seen = std::collections::HashSet::new();
    for g in &got {
        assert!(seen.insert(g), "reported twice: {g}");
    }
    // no catch-all is ever handed from one person to another
    for c in &d.changes {
        if c.kind == ChangeKind::DutyReassigned {
            let title = &c.duty.as_ref().expect("duty").title;
            assert!(!title.contains("อื่น ๆ ตามที่ได้รับมอบหมาย"), "{title}");
        }
    }
}

#[test]
fn reorganised_gives_exactly_its_changes() {
    // Written from the edits in fixtures/diff/reorganised/changes.md.
    let want = [
        "role_changed | นายชูศักดิ์ ประเสริฐ",
        // she left: the list loses her; the renamed p4 in it is the same person
        "substitutes_changed | นายชูศักดิ์ ประเสริฐ",
        "position_changed | นางสาวฐิติการ เพชรสวน",
        // 3.4 dropped: 3.6 moves up (3.5, the substitute clause, is compared as
        // substitutes and did not change); removed duties follow the person's
        // other duty changes
        "duties_renumbered | นางวราภรณ์ เวทย์วิทยานุวัฒน์ 3.6->3.5",
        "duty_removed | นางวราภรณ์ เวทย์วิทยานุวัฒน์ 3.4->_",
        "person_renamed | นางธนะพร ฉายแสง",
        // a new heading above her; her clause still names the one who left: no change
        "work_group_changed | นางสุภัทรา บูรณารมย์",
        "duty_reassigned | นางจงกล อรรถอาภรณ์ -> นางกรุณา บุญประเสริฐ 7.1->6.4",
        "duties_renumbered | นางกรุณา บุญประเสริฐ 6.5->6.6",
        // her duties nobody took over; her catch-all 7.5 leaves with her
        "person_removed | นางจงกล อรรถอาภรณ์",
        "duty_removed | นางจงกล อรรถอาภรณ์ 7.2->_",
        "duty_removed | นางจงกล อรรถอาภรณ์ 7.3->_",
    ];
    let d = case("reorganised");
    let got: Vec<String> = d.changes.iter().map(line).collect();
    assert_eq!(got, want, "\n{}", got.join("\n"));
    let renamed = d
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::PersonRenamed)
        .expect("renamed");
    assert_eq!(
        renamed.matched.as_ref().map(|m| m.method.as_str()),
        Some("same_given_name")
    );
}

#[test]
fn next_year_values_and_match_methods() {
    let d = case("next-year");
    let find = |kind: ChangeKind| {
        d.changes
            .iter()
            .find(|c| c.kind == kind)
            .expect("change present")
    };
    let renamed = find(ChangeKind::PersonRenamed);
    let m = renamed
        .matched
        .as_ref()
        .expect("a rename says how it matched");
    assert_eq!(m.method, "same_given_name");
    assert_eq!(
        serde_json::to_value(&renamed.old).expect("json"),
        "นางสาวธนะพร ฉายแสง"
    );
    assert_eq!(
        serde_json::to_value(&renamed.new).expect("json"),
        "นางธนะพร ใจดี"
    );
    let rank = find(ChangeKind::RankChanged);
    assert_eq!(serde_json::to_value(&rank.old).expect("json"), "ชำนาญการ");
    assert_eq!(
        serde_json::to_value(&rank.new).expect("json"),
        "ชำนาญการพิเศษ"
    );
    let reworded = find(ChangeKind::DutyReworded);
    let m = reworded.matched.as_ref().expect("match");
    assert_eq!(m.method, "same_number");
    assert!(m.score > 0.5 && m.score < 1.0, "{m:?}");
    let steps = find(ChangeKind::StepsChanged);
    assert_eq!(
        serde_json::to_value(&steps.old).expect("json"),
        serde_json::json!([])
    );
    assert_eq!(
        serde_json::to_value(&steps.new).expect("json"),
        serde_json::json!(["4.2.11 จัดทำแผนปฏิบัติการประจำปีของสำนักงานเขตพื้นที่การศึกษา"])
    );
    let subs = find(ChangeKind::SubstitutesChanged);
    assert_eq!(
        serde_json::to_value(&subs.new).expect("json")[4],
        "นายสมชาย ใจงาม"
    );
    // who joined and left the list, by identity: p4's new married name is
    // in both lists, so in neither of these
    assert_eq!(
        subs.added.as_deref(),
        Some(&["นายสมชาย ใจงาม".to_string()][..])
    );
    assert_eq!(
        subs.removed.as_deref(),
        Some(&["นางกรุณา บุญประเสริฐ".to_string()][..])
    );
}

#[test]
fn golden_diffs() {
    let root = common::root();
    let mut cases: Vec<_> = std::fs::read_dir(root.join("fixtures/diff"))
        .expect("fixtures/diff")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for dir in cases {
        let name = dir.file_name().and_then(|n| n.to_str()).expect("name");
        let mut got = serde_json::to_string_pretty(&case(name)).expect("json");
        got.push('\n');
        if let Some(diff) = common::golden(&dir.join("expected.json"), &got) {
            panic!("{diff}\n(UPDATE_GOLDEN=1 to accept, then read the diff)");
        }
    }
}

#[test]
fn self_diff_is_empty() {
    let root = common::root();
    let mut inputs: Vec<String> = common::files_with_ext(&root.join("fixtures/parse"), "txt")
        .into_iter()
        .chain(common::files_with_ext(&root.join("fixtures/docx"), "docx"))
        .map(|p| p.strip_prefix(&root).expect("root").display().to_string())
        .collect();
    inputs.push("fixtures/diff/next-year/new.txt".to_string());
    for rel in inputs {
        let o = parse(&rel);
        let d = kamsang::diff(&o, &o);
        assert!(d.changes.is_empty(), "{rel}: {:?}", d.changes);
        assert_eq!(d.summary.total, 0);
    }
}

#[test]
fn the_same_order_in_other_formats_and_layouts_is_no_change() {
    let txt = parse("fixtures/parse/phetchaburi1-policy-plan.txt");
    for other in [
        "fixtures/docx/phetchaburi1-typed.docx",
        "fixtures/docx/phetchaburi1-autonum.docx",
        "fixtures/docx/phetchaburi1-libreoffice.docx",
    ] {
        let d = kamsang::diff(&txt, &parse(other));
        assert!(d.changes.is_empty(), "{other}: {:?}", d.changes);
    }
    // Re-indented by a different amount on every line, tabs for spaces, and
    // spaces doubled: none of it is a change.
    let text =
        std::fs::read_to_string(common::root().join("fixtures/parse/phetchaburi1-policy-plan.txt"))
            .expect("fixture");
    let shuffled: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let pad = if l.trim().is_empty() {
                String::new()
            } else if i % 3 == 0 {
                "\t".to_string()
            } else {
                " ".repeat(i % 7)
            };
            format!("{pad}{}\n", l.trim_start().replace(' ', "  "))
        })
        .collect();
    let d = kamsang::diff(
        &txt,
        &kamsang::parse_str("shuffled.txt", &shuffled).expect("parses"),
    );
    assert!(d.changes.is_empty(), "{:?}", d.changes);
}

#[test]
fn a_changed_given_name_is_a_rename_when_family_position_and_duties_agree() {
    let old = "1. นายสมศักดิ์  รักงาน ตำแหน่ง นักวิเคราะห์นโยบายและแผน ชำนาญการ\n   1.1 งานวิเคราะห์งบประมาณ\n   1.2 งานจัดสรรงบประมาณ\n   1.3 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
    let new = old.replace("นายสมศักดิ์", "นายธนกฤต");
    let d = kamsang::diff(
        &kamsang::parse_str("old.txt", old).expect("parses"),
        &kamsang::parse_str("new.txt", &new).expect("parses"),
    );
    let kinds: Vec<&str> = d.changes.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds, ["person_renamed"]);
    let m = d.changes[0].matched.as_ref().expect("match");
    assert_eq!(m.method, "family_name_position_duties");
    assert_eq!(m.score, 1.0);
    // With another family name too, it is someone else taking over.
    let other = old.replace("นายสมศักดิ์  รักงาน", "นางสาวมาลี  ศรีสุข");
    let d = kamsang::diff(
        &kamsang::parse_str("old.txt", old).expect("parses"),
        &kamsang::parse_str("new.txt", &other).expect("parses"),
    );
    let kinds: Vec<&str> = d.changes.iter().map(|c| c.kind.as_str()).collect();
    // (the catch-all 1.3 is each person's own: not handed over)
    assert_eq!(
        kinds,
        [
            "person_added",
            "duty_reassigned",
            "duty_reassigned",
            "person_removed"
        ]
    );
}

#[test]
fn a_replaced_duty_is_removed_and_added_not_reworded() {
    let old = "1. นายสมศักดิ์  รักงาน ตำแหน่ง ครู\n   1.1 งานวิเคราะห์งบประมาณรายจ่ายประจำปี\n   1.2 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
    let new = old.replace("งานวิเคราะห์งบประมาณรายจ่ายประจำปี", "ดูแลยานพาหนะของสำนักงาน");
    let d = kamsang::diff(
        &kamsang::parse_str("old.txt", old).expect("parses"),
        &kamsang::parse_str("new.txt", &new).expect("parses"),
    );
    let kinds: Vec<&str> = d.changes.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds, ["duty_added", "duty_removed"]);
}

#[test]
fn header_changes_are_reported_by_field() {
    let old = "คำสั่งโรงเรียนบ้านหนองไผ่\nที่ 12/2567\nเรื่อง แต่งตั้งครูปฏิบัติหน้าที่\n1. นายสมศักดิ์  รักงาน ตำแหน่ง ครู\n   1.1 งานสารบรรณ\nสั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2567\n";
    let new = old
        .replace("12/2567", "15/2568")
        .replace("1 ตุลาคม พ.ศ. 2567", "2 ตุลาคม พ.ศ. 2568");
    let d = kamsang::diff(
        &kamsang::parse_str("old.txt", old).expect("parses"),
        &kamsang::parse_str("new.txt", &new).expect("parses"),
    );
    let got: Vec<String> = d.changes.iter().map(line).collect();
    assert_eq!(
        got,
        ["header_changed | order_number", "header_changed | date"]
    );
}

#[test]
fn diff_output_validates_against_the_committed_diff_schema() {
    let text =
        std::fs::read_to_string(common::root().join("schemas/duty-order-diff.v1.schema.json"))
            .expect("committed diff schema");
    assert_eq!(
        text,
        kamsang::schema::diff_schema_json(),
        "schemas/duty-order-diff.v1.schema.json is stale: run `cargo run -q -- schema --diff > schemas/duty-order-diff.v1.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(schema["$id"], kamsang::diff::DIFF_SCHEMA_ID);
    let v = jsonschema::validator_for(&schema).expect("compiles");
    let value = serde_json::to_value(case("next-year")).expect("json");
    common::assert_valid(&v, &value, "next-year diff");
    let mut broken = value.clone();
    broken["changes"][0]["kind"] = serde_json::json!("person_teleported");
    assert!(!v.is_valid(&broken));
    let mut broken = value;
    broken["changes"][0]["match"]["score"] = serde_json::json!(1.5);
    assert!(!v.is_valid(&broken));
}

#[test]
fn cli_diffs_json_written_earlier_like_the_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old_json = dir.path().join("old.json");
    let o = common::kamsang(&[
        "parse",
        "fixtures/diff/next-year/old.txt",
        "-o",
        old_json.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let from_json = common::kamsang(&[
        "diff",
        old_json.to_str().expect("utf-8"),
        "fixtures/diff/next-year/new.txt",
        "--format",
        "json",
    ]);
    assert!(from_json.status.success(), "{}", common::stderr(&from_json));
    let from_txt = common::kamsang(&[
        "diff",
        "fixtures/diff/next-year/old.txt",
        "fixtures/diff/next-year/new.txt",
        "--format",
        "json",
    ]);
    let a: serde_json::Value = serde_json::from_slice(&from_json.stdout).expect("json");
    let b: serde_json::Value = serde_json::from_slice(&from_txt.stdout).expect("json");
    assert_eq!(a["changes"], b["changes"]);
    assert_eq!(a["summary"]["total"], 16);
}

#[test]
fn cli_text_report_is_grouped_by_person_without_colour_in_a_pipe() {
    let o = common::kamsang(&[
        "diff",
        "fixtures/diff/next-year/old.txt",
        "fixtures/diff/next-year/new.txt",
    ]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
    // Thai by default
    assert!(text.contains("\nรวม 16: "), "{text}");
    assert!(
        text.contains("\nนางธนะพร ใจดี\n  ~ เปลี่ยนชื่อหรือคำนำหน้า: [-นางสาว-]ธนะพร [-ฉายแสง-] → {+นาง+}ธนะพร {+ใจดี+}\n"),
        "{text}"
    );
    // the leaver: then her duties, each with where it went
    assert!(
        text.contains(
            "\nนางกรุณา บุญประเสริฐ [ออก]\n  - ไม่อยู่ในคำสั่งใหม่\n  งานเดิมและผู้รับต่อ:\n  - ข้อ 6.1 โอนให้: "
        ),
        "{text}"
    );
    assert!(
        !text.contains("fixtures/diff/next-year/old.txt →"),
        "title from the orders, not paths"
    );
    let o = common::kamsang(&[
        "diff",
        "fixtures/diff/next-year/old.txt",
        "fixtures/diff/next-year/new.txt",
        "--lang",
        "en",
    ]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(text.contains("\nTotal 16: "), "{text}");
    assert!(
        text.contains("\nนางกรุณา บุญประเสริฐ [left]\n  - not in the new order\n"),
        "{text}"
    );
    assert!(text.contains("taken over from: "), "{text}");
    let o = common::kamsang(&["diff", "a.txt", "b.txt", "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn cli_errors_name_the_file_and_exit_1() {
    let o = common::kamsang(&["diff", "fixtures/diff/next-year/old.txt", "no/such.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        common::stderr(&o),
        "kamsang: no/such.txt: cannot read: no such file\n"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let bogus = dir.path().join("x.json");
    std::fs::write(&bogus, r#"{"schema_version": "1.0.0", "people": 3}"#).expect("write");
    let o = common::kamsang(&[
        "diff",
        bogus.to_str().expect("utf-8"),
        "fixtures/diff/next-year/old.txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = common::stderr(&o);
    assert!(
        err.starts_with(&format!(
            "kamsang: {}: JSON that is not a kamsang duty order: ",
            bogus.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    let o = common::kamsang(&["diff", "a.txt", "b.txt", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Issue 12: serde_json's recursion limit (128) refused kamsang's own JSON of
/// an order parsed with `--max-depth` 63 or more. The depth allowed now
/// follows `--max-depth`, and is checked before reading.
#[test]
fn regression_diff_reads_its_own_deep_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("เรื่อง ลึก\n1. นายก ข ตำแหน่ง ครู\n");
    let mut label = String::from("1");
    for _ in 2..90 {
        label.push_str(".1");
        text.push_str(&format!("{label} งาน\n"));
    }
    let txt = dir.path().join("deep.txt");
    let json = dir.path().join("deep.json");
    std::fs::write(&txt, text).expect("write");
    let (t, j) = (txt.to_str().expect("utf-8"), json.to_str().expect("utf-8"));
    let o = common::kamsang(&["parse", t, "--max-depth", "100", "-o", j]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = common::kamsang(&["diff", j, j, "--max-depth", "100", "--format", "json"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    // under the default depth it is refused, one line per input, naming the flag
    let o = common::kamsang(&["diff", j, j, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = common::stderr(&o);
    assert!(
        err.lines()
            .all(|l| l.starts_with("kamsang: ") && l.contains("--max-depth")),
        "{err}"
    );
}
