//! `kamsang diff`, issue 14: who is the same person (a given name alone is
//! not enough), catch-all duties, folded renumbering, committees, and the
//! reports' language and titles.

use crate::common;
use crate::diff::line;

use kamsang::diff::{ChangeKind, Diff};

use common::parse_fixture as parse;

fn lines(d: &Diff) -> Vec<String> {
    d.changes.iter().map(line).collect()
}

fn kinds(d: &Diff) -> Vec<&'static str> {
    d.changes.iter().map(|c| c.kind.as_str()).collect()
}

fn diff_str(old: &str, new: &str) -> Diff {
    kamsang::diff(
        &kamsang::parse_str("old.txt", old).expect("parses"),
        &kamsang::parse_str("new.txt", new).expect("parses"),
    )
}

/// Issue 14: the reference order against an unrelated cabinet order paired
/// นายชูศักดิ์ ประเสริฐ with นายชูศักดิ์ ศิรินิล by given name alone (score 1.0)
/// although family name, position and every duty differ.
#[test]
fn regression_given_name_alone_is_not_the_same_person() {
    let d = kamsang::diff(
        &parse("fixtures/parse/phetchaburi1-policy-plan.txt"),
        &parse("fixtures/parse/02_pm_207_2568_deputy_pm_ministry_assignment.txt"),
    );
    let got = lines(&d);
    assert!(
        !got.iter().any(|l| l.starts_with("person_renamed")),
        "{}",
        got.join("\n")
    );
    assert!(got.contains(&"person_removed | นายชูศักดิ์ ประเสริฐ".to_string()));
    assert!(got.contains(&"person_added | นายชูศักดิ์ ศิรินิล".to_string()));
    // nothing of the school office's is "handed" to a minister
    assert_eq!(d.summary.duty_reassigned, 0, "{}", got.join("\n"));
}

const OLD_ONE: &str = "1. นางสาวมาลี  ศรีสุข ตำแหน่ง ครู\n   1.1 งานสารบรรณ\n   1.2 งานพัสดุ\n   1.3 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";

#[test]
fn a_given_name_pairs_only_with_corroboration() {
    // marriage: นางสาว → นาง explains the new family name, even with a new
    // post and new duties
    let married =
        "1. นางมาลี  ใจดี ตำแหน่ง ครูผู้ช่วย\n   1.1 งานการเงิน\n   1.2 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
    let d = diff_str(OLD_ONE, married);
    assert_eq!(kinds(&d)[0], "person_renamed", "{:?}", lines(&d));
    // the same post corroborates
    let same_post = "1. นายมาลี  ทองคำ ตำแหน่ง ครู\n   1.1 งานการเงิน\n";
    assert_eq!(kinds(&diff_str(OLD_ONE, same_post))[0], "person_renamed");
    // a duty in common corroborates (the catch-all, which all have, does not)
    let shared = "1. นายมาลี  ทองคำ ตำแหน่ง นักวิชาการ\n   1.1 งานพัสดุ\n";
    assert_eq!(kinds(&diff_str(OLD_ONE, shared))[0], "person_renamed");
    // nothing but the given name: a leaver and a newcomer
    let stranger =
        "1. นายมาลี  ทองคำ ตำแหน่ง นักวิชาการ\n   1.1 งานการเงิน\n   1.2 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
    let d = diff_str(OLD_ONE, stranger);
    assert_eq!(
        kinds(&d),
        [
            "person_added",
            "duty_added",
            "person_removed",
            "duty_removed",
            "duty_removed"
        ],
        "{:?}",
        lines(&d)
    );
}

#[test]
fn catch_alls_are_never_reassigned_nor_reworded() {
    // a leaver and a newcomer, each with a catch-all worded their own way
    let newcomer = "1. นายปรีชา  ฉลาดดี ตำแหน่ง ครู\n   1.1 งานสารบรรณ\n   1.2 งานพัสดุ\n   1.3 ปฏิบัติงานอื่นๆ ตามที่ได้รับมอบหมาย\n";
    let d = diff_str(OLD_ONE, newcomer);
    assert_eq!(
        lines(&d),
        [
            "person_added | นายปรีชา ฉลาดดี",
            "duty_reassigned | นางสาวมาลี ศรีสุข -> นายปรีชา ฉลาดดี 1.1->1.1",
            "duty_reassigned | นางสาวมาลี ศรีสุข -> นายปรีชา ฉลาดดี 1.2->1.2",
            "person_removed | นางสาวมาลี ศรีสุข",
        ]
    );
    // the same person's catch-all reworded is no change
    let reworded = OLD_ONE.replace("งานอื่น ๆ ตามที่", "ปฏิบัติงานอื่น ๆ ตามที่");
    assert!(diff_str(OLD_ONE, &reworded).changes.is_empty());
}

#[test]
fn renumbering_is_folded_unless_a_duty_moved() {
    let old = "1. นายสมศักดิ์  รักงาน ตำแหน่ง ครู\n   1.1 งานสารบรรณ\n   1.2 งานพัสดุ\n   1.3 งานการเงิน\n   1.4 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
    // 1.3 moved to the top: it is renumbered; the others only follow it
    let moved = "1. นายสมศักดิ์  รักงาน ตำแหน่ง ครู\n   1.1 งานการเงิน\n   1.2 งานสารบรรณ\n   1.3 งานพัสดุ\n   1.4 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
    assert_eq!(
        lines(&diff_str(old, moved)),
        [
            "duty_renumbered | นายสมศักดิ์ รักงาน 1.3->1.1",
            "duties_renumbered | นายสมศักดิ์ รักงาน 1.1,1.2->1.2,1.3",
        ]
    );
    // a duty removed: the rest move up, in one line
    let removed = "1. นายสมศักดิ์  รักงาน ตำแหน่ง ครู\n   1.1 งานพัสดุ\n   1.2 งานการเงิน\n   1.3 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";
    assert_eq!(
        lines(&diff_str(old, removed)),
        [
            "duties_renumbered | นายสมศักดิ์ รักงาน 1.2,1.3,1.4->1.1,1.2,1.3",
            "duty_removed | นายสมศักดิ์ รักงาน 1.1->_",
        ]
    );
}

fn committee_case() -> Diff {
    kamsang::diff(
        &parse("fixtures/diff/committee/old.txt"),
        &parse("fixtures/diff/committee/new.txt"),
    )
}

#[test]
fn committee_gives_exactly_its_changes() {
    // Written from fixtures/diff/committee/changes.md, not from output.
    let d = committee_case();
    let got: Vec<String> = d
        .changes
        .iter()
        .map(|c| {
            let member = c.member.as_ref().map_or(String::new(), |m| {
                m.full_name
                    .clone()
                    .or(m.position.clone())
                    .unwrap_or_default()
            });
            let value = |v: &Option<kamsang::diff::Value>| match v {
                Some(kamsang::diff::Value::Text(t)) => t.clone(),
                _ => String::new(),
            };
            match c.kind {
                ChangeKind::HeaderChanged => {
                    format!("header_changed | {}", c.field.clone().unwrap_or_default())
                }
                ChangeKind::CommitteeDutyReworded => format!(
                    "{} | {}",
                    c.kind.as_str(),
                    c.duty
                        .as_ref()
                        .and_then(|d| d.new_number.clone())
                        .unwrap_or_default()
                ),
                _ => format!(
                    "{} | {member} | {} -> {}",
                    c.kind.as_str(),
                    value(&c.old),
                    value(&c.new)
                ),
            }
        })
        .collect();
    let want = [
        "header_changed | order_number",
        "header_changed | effective",
        "header_changed | date",
        "member_replaced | นายวีรพงษ์ ทองประเสริฐ | นายสุริยะ จึงรุ่งเรืองกิจ -> นายวีรพงษ์ ทองประเสริฐ",
        "member_role_changed | นายกฤษฎา จีนะวิจารณะ | กรรมการ -> รองประธานกรรมการ",
        "member_position_changed | นายกฤษฎา จีนะวิจารณะ | รัฐมนตรีช่วยว่าการกระทรวงการคลัง -> รัฐมนตรีว่าการกระทรวงการคลัง",
        "member_joined | นางสาวรัชนี ศรีสุวรรณ |  -> ",
        "member_left | นายพิชิต ชื่นบาน |  -> ",
        "committee_duty_reworded | 6",
    ];
    assert_eq!(got, want, "\n{}", got.join("\n"));
    // every change of the committee names it
    for c in d
        .changes
        .iter()
        .filter(|c| c.kind != ChangeKind::HeaderChanged)
    {
        let k = c.committee.as_ref().expect("committee");
        assert_eq!(
            (k.old_id.as_deref(), k.new_id.as_deref()),
            (Some("c1"), Some("c1"))
        );
    }
    assert_eq!(d.old_order.number.as_deref(), Some("ที่ 285/2566"));
    assert_eq!(d.new_order.year_be, Some(2567));
}

#[test]
fn committees_added_removed_and_renamed() {
    let old = parse("fixtures/diff/committee/old.txt");
    let mut renamed = old.clone();
    renamed.committees[0].name = renamed.committees[0].name.replace("ติดตาม", "กำกับและติดตาม");
    let d = kamsang::diff(&old, &renamed);
    assert_eq!(kinds(&d), ["committee_renamed"]);
    assert_eq!(
        d.changes[0].matched.as_ref().map(|m| m.method.as_str()),
        Some("same_number")
    );
    // an unrelated committee order: one committee out, another in; its
    // members are not listed one by one, nor as people
    let other = parse("fixtures/corpus/001_pm_241_2566_royal_celebration_committee.txt");
    let d = kamsang::diff(&old, &other);
    let k = kinds(&d);
    assert!(
        k.contains(&"committee_added") && k.contains(&"committee_removed"),
        "{k:?}"
    );
    assert!(
        !k.iter()
            .any(|k| k.starts_with("member_") || k.starts_with("person_")),
        "{k:?}"
    );
}

#[test]
fn reports_are_thai_by_default_and_titled_by_order_number() {
    let d = committee_case();
    let th = kamsang::diff::report::text(&d, Default::default(), false);
    assert!(
        th.starts_with("รายงานการเปลี่ยนแปลงของคำสั่ง: คำสั่งสำนักนายกรัฐมนตรี ที่ 285/2566 → คำสั่งสำนักนายกรัฐมนตรี ที่ 121/2567\n"),
        "{th}"
    );
    assert!(
        th.contains("  ~ เปลี่ยนบทบาทในคณะ: นายกฤษฎา จีนะวิจารณะ: กรรมการ → {+รองประธาน+}กรรมการ\n"),
        "{th}"
    );
    let en = kamsang::diff::report::text(&d, kamsang::diff::report::Lang::En, false);
    assert!(en.starts_with("What changed in the order: "), "{en}");
    assert!(
        en.contains("  + member joined: {+นางสาวรัชนี ศรีสุวรรณ — กรรมการ+}\n"),
        "{en}"
    );
    let html = kamsang::diff::report::html(&d, Default::default());
    assert!(html.contains("<html lang=\"th\">"));
    assert!(html.contains("<title>รายงานการเปลี่ยนแปลงของคำสั่ง: คำสั่งสำนักนายกรัฐมนตรี ที่ 285/2566 → คำสั่งสำนักนายกรัฐมนตรี ที่ 121/2567</title>"));
    assert!(!html.contains("fixtures/diff/committee/old.txt →</title>"));
    // the JSON keeps its codes
    let json = serde_json::to_value(&d).expect("json");
    assert_eq!(json["changes"][3]["kind"], "member_replaced");
    assert_eq!(json["summary"]["member_replaced"], 1);
}

#[test]
fn a_diff_of_schema_1_0_reads() {
    // what 1.0.0 wrote: no order titles, no committee, member, added, removed
    let mut v = serde_json::to_value(crate::diff::case("next-year")).expect("json");
    for key in ["old_order", "new_order"] {
        v.as_object_mut().expect("object").remove(key);
    }
    for c in v["changes"].as_array_mut().expect("changes") {
        for key in ["added", "removed", "committee", "member"] {
            c.as_object_mut().expect("object").remove(key);
        }
    }
    let d: Diff = serde_json::from_value(v).expect("a 1.0 diff reads");
    assert!(d.old_order.number.is_none());
    // its report marks the substitutes by name as written
    let text = kamsang::diff::report::text(&d, Default::default(), false);
    assert!(text.contains("{+นายสมชาย ใจงาม+}"), "{text}");
}

#[test]
fn a_married_member_is_renamed_not_left_and_joined() {
    let text = common::fixture_text("diff/committee/new.txt");
    let married = text.replace("นางสาวรัชนี ศรีสุวรรณ", "นางรัชนี ทองดี");
    let d = diff_str(&text, &married);
    assert_eq!(kinds(&d), ["member_renamed"], "{:?}", lines(&d));
    assert_eq!(
        d.changes[0].matched.as_ref().map(|m| m.method.as_str()),
        Some("same_given_name")
    );
    // another man of the same given name with no post, title or family name
    // in common is someone else
    let other = text.replace("นายวรวิทย์ จำปีรัตน์", "นายวรวิทย์ ใจซื่อ");
    assert_eq!(
        kinds(&diff_str(&text, &other)),
        ["member_joined", "member_left"]
    );
}
