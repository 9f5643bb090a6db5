//! What an order does (`header.kind`), read from what was found in it.
//!
//! The rules are about Thai orders, in this order of precedence:
//! - an order that sets up a committee (with members) is a `committee` order,
//!   whatever else it says;
//! - one whose subject (or, without a subject, whose text) says who acts in
//!   a post (รักษาราชการแทน) is `acting`;
//! - people with duties make a `duty_assignment`, and so do people listed
//!   under days (a roster, whatever it calls them), people given no post
//!   under a subject that gives work (แต่งตั้ง…ปฏิบัติงาน…), and people listed
//!   with none of their own when a clause gives them all duties (`ให้ครู
//!   ที่ปรึกษามีหน้าที่ …`);
//! - people all appointed to the post the subject appoints make an
//!   `appointment`, whatever work each is given with it;
//! - people appointed to a post (`appointed_as`), or people named under an
//!   appointing subject (แต่งตั้ง…, ให้…พ้นจาก…, ย้าย…), make an `appointment`;
//! - a ประกาศ (announcement) that does none of these is an `announcement`;
//! - anything else (revocations, amendments without people, operational
//!   orders, and people listed with neither work nor a post given, as a
//!   salary-step order lists them) is `other`.

use crate::model::{Committee, DocumentKind, Header, Person};
use crate::outline::{NodeKind, Outline, ParaKind};
use crate::thai::date::is_day_heading;
use crate::thai::lexicon::{
    ACTING_WORDS, ANNOUNCEMENT_WORD, APPOINTING_WORDS, DUTIES_GIVEN, LET_WORD, PURPOSE_WORD,
    ROSTER_WORDS, WORK_SUBJECT_WORDS, acts_in_office,
};

/// The kind of an order from its header, outline, people and committees.
pub fn classify(
    header: &Header,
    outline: &Outline,
    people: &[Person],
    committees: &[Committee],
) -> DocumentKind {
    if committees.iter().any(|c| !c.members.is_empty()) {
        return DocumentKind::Committee;
    }
    let subject = header.subject.as_deref().unwrap_or("");
    let about = |words: &[&str]| {
        if subject.is_empty() {
            outline
                .nodes
                .iter()
                .any(|n| words.iter().any(|w| n.text.contains(w)))
        } else {
            words.iter().any(|w| subject.contains(w))
        }
    };
    if !people.is_empty() && (about(ACTING_WORDS) || acts_in_office(subject).is_some()) {
        return DocumentKind::Acting;
    }
    // duties, or a roster of duty days (แต่งตั้งครูเวร…), or duties given to
    // everyone listed in a clause of their own (`ให้ครูที่ปรึกษามีหน้าที่ …`)
    let duties_for_all = || {
        outline
            .roots
            .iter()
            .filter_map(|&r| outline.node(r))
            .any(|n| {
                n.kind == NodeKind::Paragraph(ParaKind::Text)
                    && n.text.starts_with(LET_WORD)
                    && DUTIES_GIVEN.iter().any(|w| n.text.contains(w))
            })
    };
    // (people listed under days, `วันจันทร์ที่ ๑๐ มีนาคม ๒๕๖๘` / `ห้อง ๑๐๑ ⟶ นาย…`,
    // are on duty those days: a roster whatever it calls them)
    let by_day = || {
        outline.nodes.iter().any(|n| {
            n.kind == NodeKind::Paragraph(ParaKind::Heading)
                && !n.children.is_empty()
                && is_day_heading(&n.text)
        })
    };
    // everyone appointed to the post the subject appoints (`แต่งตั้งอาจารย์
    // พิเศษ…` over lecturers each `เป็นอาจารย์พิเศษ`, a course after each):
    // an appointment, whatever work each is given with the post
    let appointed_to_subject_post = !people.is_empty()
        && APPOINTING_WORDS.iter().any(|w| subject.starts_with(w))
        && people.iter().all(|p| {
            p.appointed_as
                .as_deref()
                .is_some_and(|a| !a.is_empty() && subject.contains(a))
        });
    if appointed_to_subject_post {
        return DocumentKind::Appointment;
    }
    if people.iter().any(|p| !p.duties.is_empty())
        || (!people.is_empty()
            && (about(ROSTER_WORDS)
                || by_day()
                || duties_for_all()
                || (people.iter().all(|p| p.appointed_as.is_none()) && about(WORK_SUBJECT_WORDS))))
    {
        return DocumentKind::DutyAssignment;
    }
    // (`รายชื่อผู้ผ่านการประเมินบุคคลเพื่อเลื่อนขึ้นแต่งตั้ง…`: an appointing
    // word after เพื่อ is the purpose of what is announced, a step still to
    // come, not what this order does)
    let appointing_subject = if subject.is_empty() {
        about(APPOINTING_WORDS)
    } else {
        let act = subject
            .find(PURPOSE_WORD)
            .map_or(subject, |i| &subject[..i]);
        APPOINTING_WORDS.iter().any(|w| act.contains(w))
    };
    if people.iter().any(|p| p.appointed_as.is_some()) || (!people.is_empty() && appointing_subject)
    {
        return DocumentKind::Appointment;
    }
    let announced = header.document.as_deref() == Some(ANNOUNCEMENT_WORD)
        || header
            .issuer
            .as_deref()
            .is_some_and(|i| i.starts_with(ANNOUNCEMENT_WORD))
        || outline
            .roots
            .first()
            .and_then(|&r| outline.node(r))
            .is_some_and(|n| n.text.starts_with(ANNOUNCEMENT_WORD))
        || header
            .date
            .as_ref()
            .is_some_and(|d| d.text.replace(' ', "").starts_with("ประกาศณ"));
    // people listed with no duties and no post given: in an announcement
    // (ประกาศรายชื่อ…) they are what is announced; in an order they are
    // neither given work nor a post (เลื่อนเงินเดือน…, a pay or leave order),
    // so the order is `other`, not a guess at a duty assignment
    if announced {
        DocumentKind::Announcement
    } else {
        DocumentKind::Other
    }
}
