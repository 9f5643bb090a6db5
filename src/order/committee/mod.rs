//! Committees (คณะกรรมการ) appointed by an order: name, members with roles, duties.
//!
//! A committee is introduced by a node whose text names a body — `คณะกรรมการ…`,
//! `คณะอนุกรรมการ…`, `คณะทำงาน…` or an acronym such as `ก.ค.ศ.` / `อ.ก.ค.ศ.
//! วิสามัญ` — and whose body lists members with a committee role:
//!
//! - the items under it (`1.1 นายสมชาย ใจดี ผู้อำนวยการ ประธานกรรมการ`,
//!   `(๑) รัฐมนตรีว่าการ… เป็นประธานกรรมการ`, `(๒) กรรมการโดยตำแหน่ง ได้แก่ …`);
//! - or, when the introducing line is unnumbered and ends with `ประกอบด้วย` /
//!   `ดังนี้`, the items that follow it;
//! - or the intro's own text after `ประกอบด้วย` when it names people.
//!
//! Running text (`ให้เลขาธิการ ก.ค.ศ. เป็นกรรมการและเลขานุการ และให้ … แต่งตั้ง…
//! เป็นผู้ช่วยเลขานุการ`) adds members too, whether it stands in its own
//! paragraph or was joined onto the last member item as a wrapped line.
//!
//! Duties follow `มีหน้าที่ ดังนี้` / `หน้าที่` / `ให้คณะกรรมการ…มีอำนาจหน้าที่ ดังนี้`
//! and are built with [`duties::duty_from`], so they have the shape of a person's
//! duties. Where something cannot be told apart, the value stays null (or the
//! text stays whole) and an info diagnostic says so.
//!
//! [`duties::duty_from`]: crate::order::duties::duty_from

mod bodies;
mod duty_clauses;
mod members;
mod names;
mod reader;
mod roles;
mod text;
mod vocabulary;

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{Committee, Person};
use crate::order::people::{split_name, split_position};
use crate::outline::{NodeKind, Outline};
use crate::thai::find::contains;
use bodies::{committee_name, introduced_body, may_name_body};
use duty_clauses::duty_intro;
pub(crate) use duty_clauses::{inline_duty, person_duty_text};
use reader::Reader;
use text::clean;
use vocabulary::LIST_INTROS;

/// Committees found, the outline kinds of their nodes, and diagnostics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Committees {
    /// The committees, in document order.
    pub committees: Vec<Committee>,
    /// (outline node, kind) for nodes that belong to a committee.
    pub kinds: Vec<(usize, crate::model::NodeKind)>,
    /// What was noticed.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether an item's text introduces a committee (`คณะกรรมการ… ประกอบด้วย`,
/// `ให้ ก.ค.ศ. … ประกอบด้วย`, or a heading that is a committee's name such as
/// `คณะกรรมการฝ่ายสถานที่`): its children are members, not people with duties
/// of their own.
pub fn introduces_committee(text: &str) -> bool {
    if !may_name_body(text) || introduced_body(text).is_none() {
        return false;
    }
    let t = clean(text);
    let Some(start) = introduced_body(&t) else {
        return false;
    };
    if contains(&t, "ประกอบด้วย") {
        return true;
    }
    // a heading that is the name itself, perhaps after แต่งตั้ง ("appoint")
    let lead = t.get(..start).unwrap_or("").trim();
    if !(lead.is_empty() || lead == "แต่งตั้ง") {
        return false;
    }
    let from = t.get(start..).unwrap_or("");
    let name = committee_name(&t);
    let rest = from.strip_prefix(name.as_str()).unwrap_or(from).trim();
    rest.is_empty() || duty_intro(rest).is_some() || LIST_INTROS.iter().any(|w| rest.starts_with(w))
}

/// Find the committees of an order (members' `person_id`s are set by
/// [`add_member_people`]).
pub fn read(outline: &Outline) -> Committees {
    let first_item_root = outline
        .roots
        .iter()
        .position(|&i| outline.node(i).is_some_and(|n| n.kind == NodeKind::Item))
        .unwrap_or(outline.roots.len());
    let mut r = Reader {
        outline,
        out: Committees::default(),
        consumed: vec![false; outline.nodes.len()],
        header_roots: outline.roots.get(..first_item_root).unwrap_or(&[]).to_vec(),
    };
    // pre-order walk, document order, without recursion
    let mut todo: Vec<usize> = outline.roots.iter().rev().copied().collect();
    while let Some(i) = todo.pop() {
        if r.consumed.get(i).copied().unwrap_or(true) {
            continue;
        }
        if r.try_committee(i) || r.try_duty_clause(i) {
            continue;
        }
        if let Some(n) = outline.node(i) {
            todo.extend(n.children.iter().rev().copied());
        }
    }
    r.out
}

/// Make every named member one person of the order — once, even when they
/// sit on two committees — and point each member at that person. `keys`
/// holds the name keys of the people already known (given and family name
/// without title or spaces) and gains the new ones. A seat held by a
/// position (`full_name: null`) is never a person.
pub fn add_member_people(
    committees: &mut [Committee],
    people: &mut Vec<Person>,
    keys: &mut HashMap<String, String>,
) {
    for c in committees.iter_mut() {
        for (k, m) in c.members.iter_mut().enumerate() {
            let Some(full) = m.full_name.as_deref() else {
                continue;
            };
            let Some(n) = split_name(full) else { continue };
            let key = n.key();
            if let Some(id) = keys.get(&key) {
                m.person_id = Some(id.clone());
                continue;
            }
            let id = format!("{}.m{}", c.id, k + 1);
            let post = m
                .position
                .as_deref()
                .map(split_position)
                .unwrap_or_default();
            people.push(Person {
                id: id.clone(),
                number: None,
                label: None,
                node: m.node.clone(),
                duty_intro: None,
                same_as: None,
                page: None,
                title: Some(n.title.to_string()),
                given_name: n.given_name(),
                family_name: n.family.map(str::to_string),
                full_name: n.full.clone(),
                position: post.position,
                rank: post.rank,
                class: post.class,
                role: post.role,
                work_group: None,
                appointed_as: None,
                line_start: m.line_start,
                line_end: m.line_end,
                duties: Vec::new(),
                substitutes: Vec::new(),
            });
            keys.insert(key, id.clone());
            m.person_id = Some(id);
        }
    }
}
