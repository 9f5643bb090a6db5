//! The order stage: the meaning of the outline — header, people, duties,
//! substitutes — assembled into the [`DutyOrder`] model.

pub mod appointments;
pub mod cell_people;
pub mod committee;
pub mod duties;
pub mod header;
pub mod kind;
pub mod people;
pub mod person_lines;
pub mod signature;
pub mod stand_ins;
pub mod table_rows;

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{
    DutyKind, DutyOrder, NodeKind as Role, OutlineNode, Person, SCHEMA_VERSION, SourceInfo,
    Substitute,
};
use crate::outline::{NodeKind, Outline, ParaKind};
use crate::read::Source;
use crate::thai::lexicon::{
    COMMITTEE_WORDS, DUTY_INTROS, NAMELY_WORD, POSITION_WORD, POST_TITLES, SUBJECT_APPOINTS,
    before_any, find_first, starts_position, starts_with_any,
};
use people::{
    NameParts, bracketed_person, made_after_bracket, names_in_text, person_in_item,
    post_before_bracket, split_name, split_position,
};

/// Assemble the model from a source and its outline.
pub fn build(source: &Source, mut outline: Outline) -> DutyOrder {
    compact(&mut outline);
    outline.assign_ids();
    // the outline's taken whole, array and all, not copied: an order of
    // repeated copies has a diagnostic every few lines (0.7 bytes per input
    // byte), and nothing below reads them; the reader's (few) go first
    let mut diagnostics = std::mem::take(&mut outline.diagnostics);
    diagnostics.splice(0..0, source.diagnostics.iter().cloned());

    let head = header::read(&outline);
    diagnostics.extend(head.diagnostics.iter().cloned());
    outline.set_roles(&head.kinds);

    // committees first: their member lines are not people with duties of
    // their own (a named member becomes a person below, once)
    let mut found = committee::read(&outline);
    let mut in_committee = vec![false; outline.nodes.len()];
    for &(i, _) in &found.kinds {
        if let Some(slot) = in_committee.get_mut(i) {
            *slot = true;
        }
    }
    let mut people = Vec::new();
    // line of each substitute name, parallel to `people[i].substitutes`
    let mut sub_lines: Vec<Vec<u32>> = Vec::new();
    // (person index, substitute name key) to resolve once everyone is known
    let mut keys: HashMap<String, String> = HashMap::new();
    let mut work_group: Option<String> = None;
    // top-level nodes, with the items under a top-level heading in its place
    // (`ฝ่ายวิชาการ` / `1. นาย…`: numbering that starts again under it)
    // (`ฝ่ายวิชาการ` / `1. นาย…`: numbering that starts again under it); the
    // people under the k-th heading get ids `h{k}.p{n}`, as their numbers repeat
    // what the people read below make of their nodes
    let mut roles: Vec<(usize, Role)> = Vec::new();
    let mut tops: Vec<(usize, Option<usize>)> = Vec::new();
    let mut headings = 0;
    for &i in outline.roots.iter().skip(head.body_start) {
        tops.push((i, None));
        if let Some(n) = outline.node(i)
            && n.kind == NodeKind::Paragraph(ParaKind::Heading)
        {
            headings += 1;
            tops.extend(n.children.iter().map(|&c| (c, Some(headings))));
        }
    }
    for &(i, heading) in &tops {
        let Some(n) = outline.node(i) else { continue };
        if in_committee.get(i).copied().unwrap_or(false) {
            continue;
        }
        match n.kind {
            NodeKind::Paragraph(ParaKind::WorkGroup) => {
                work_group = Some(n.text.to_string());
                roles.push((i, Role::WorkGroup));
            }
            // (a stand-in table's header row is no group of the rows under it)
            NodeKind::Paragraph(ParaKind::Heading) => {
                work_group = (!stand_ins::is_header_row(n)).then(|| n.text.to_string());
            }
            NodeKind::Item => {
                // a person at the top level, or people one level down under a
                // group item (`1. ฝ่ายบริหาร` → `1.1 นาย…`); a committee's
                // members are not people of their own
                let mut found = Vec::new();
                if let Some(p) = person_from(
                    &outline,
                    i,
                    heading,
                    work_group.as_deref(),
                    &mut roles,
                    &mut diagnostics,
                ) {
                    found.push(p);
                } else if !committee::introduces_committee(&n.text) {
                    // `๑. แต่งตั้งบุคคลดังต่อไปนี้เป็นที่ปรึกษา…` / `๑.๑ นายก ข`: the
                    // item says what the people under it are made, no group
                    let made = appointments::listed_made(&n.text);
                    let group =
                        (made.is_none() && n.text.chars().count() <= 80).then(|| n.text.clone());
                    for &c in &n.children {
                        if outline.node(c).is_some_and(|c| c.kind == NodeKind::Item)
                            && !in_committee.get(c).copied().unwrap_or(false)
                            && let Some(p) = person_from(
                                &outline,
                                c,
                                heading,
                                group.as_deref().or(work_group.as_deref()),
                                &mut roles,
                                &mut diagnostics,
                            )
                        {
                            found.push(p);
                        }
                    }
                    if let Some(made) = made {
                        for (p, _) in found.iter_mut().filter(|(p, _)| p.appointed_as.is_none()) {
                            p.appointed_as = Some(made.clone());
                        }
                    }
                }
                for (p, lines) in found {
                    let key = split_name(&p.full_name).map(|n| n.key());
                    // a person named again with nothing of their own (a table
                    // of who stands in for whom) is the person already listed
                    // (under another heading — a roster's next day — it is
                    // an entry of its own)
                    let first = key
                        .as_ref()
                        .and_then(|k| keys.get(k))
                        .and_then(|id| people.iter().find(|q: &&Person| &q.id == id));
                    if first.is_some_and(|f| f.work_group == p.work_group) && says_nothing(&p) {
                        continue;
                    }
                    let mut p = p;
                    p.same_as = first.map(|f| f.id.clone());
                    // the post a listing again gives fills what the first left out
                    if let Some(f) = people
                        .iter_mut()
                        .find(|q| p.same_as.as_ref() == Some(&q.id))
                        && f.position.is_none()
                    {
                        f.position.clone_from(&p.position);
                    }
                    if let Some(key) = key {
                        keys.entry(key).or_insert_with(|| p.id.clone());
                    }
                    people.push(p);
                    sub_lines.push(lines);
                }
            }
            _ => {}
        }
    }
    resolve_substitutes(&mut people, &sub_lines, &keys, &mut diagnostics);
    // people appointed in running text, in the nodes not read as people or
    // members
    outline.set_roles(&roles);
    let mut claimed = in_committee.clone();
    for (n, c) in outline.nodes.iter().zip(claimed.iter_mut()) {
        if n.role.is_some_and(|k| k != Role::Preamble) {
            *c = true;
        }
    }
    let appointed = appointments::read(&outline, &claimed);
    // people named on unnumbered lines, once each (a person listed under two
    // headings is one person)
    for (i, mut p) in person_lines::read(&outline, &in_committee) {
        outline.set_role(i, Role::Person);
        stand_ins::fill_entry(&mut outline, i, &mut p, &keys, &mut diagnostics);
        // removed and appointed again in the same order: the appointment is
        // what the order makes them
        add_once(&mut people, &mut keys, p, |first, p| {
            if first
                .appointed_as
                .as_deref()
                .is_some_and(person_lines::is_removal)
                && p.appointed_as
                    .as_deref()
                    .is_some_and(|a| !person_lines::is_removal(a))
            {
                first.appointed_as = p.appointed_as;
            }
            if first.substitutes.is_empty() {
                first.substitutes = p.substitutes;
            }
        });
    }
    // people in the person columns of a table row (`ตัวชี้วัด ⟶ ผู้กำกับดูแล…`):
    // a person in several rows is one person with each row's work
    for (i, p) in cell_people::read(&outline, &in_committee) {
        outline.set_role(i, Role::Person);
        add_once(&mut people, &mut keys, p, |first, p| {
            for mut d in p.duties {
                d.id = format!("{}.d{}", first.id, first.duties.len() + 1);
                first.duties.push(d);
            }
        });
    }
    for (_, p) in appointed {
        // listed elsewhere too (a table of the same people): what the running
        // text makes them fills what the listing left out
        add_once(&mut people, &mut keys, p, |first, p| {
            if first.appointed_as.is_none() {
                first.appointed_as = p.appointed_as;
            }
            if first.position.is_none() {
                first.position = p.position;
            }
        });
    }
    // `จึงแต่งตั้งบุคคลดังต่อไปนี้ เป็นข้าราชการการเมือง` / `๑. นายก ข`: what
    // the intro makes everyone listed who is given nothing of their own
    if let Some(made) = head
        .header
        .preamble
        .as_deref()
        .and_then(appointments::listed_made)
    {
        for p in people.iter_mut().filter(|p| p.appointed_as.is_none()) {
            p.appointed_as = Some(made.clone());
        }
    }
    committee::add_member_people(&mut found.committees, &mut people, &mut keys);
    // document order (stable: people of one line keep their order)
    people.sort_by_key(|p| p.line_start);

    // `เรื่อง แต่งตั้งอาจารย์ที่ปรึกษาวิทยานิพนธ์` / `๑. NAME ⟶ อาจารย์ที่ปรึกษา
    // วิทยานิพนธ์หลัก`: a post written after a name that starts with the post
    // the subject appoints to is what the order makes the person
    if let Some(post) = head.header.subject.as_deref().and_then(subject_post) {
        for p in people.iter_mut().filter(|p| p.appointed_as.is_none()) {
            if p.position.as_deref().is_some_and(|x| x.starts_with(post)) {
                p.appointed_as = p.position.take();
            }
        }
    }
    let tail = signature::read(&outline);
    let mut header = head.header;
    header.effective = tail.effective;
    header.date = tail.date;
    header.signed_by = tail.signed_by;
    diagnostics.extend(tail.diagnostics);

    outline.set_roles(&found.kinds);
    diagnostics.extend(found.diagnostics);
    if people.is_empty() && found.committees.is_empty() {
        let numbered = outline.nodes.iter().any(|n| n.kind == NodeKind::Item);
        let what = if numbered {
            "no people or committees were found: header and outline only"
        } else {
            "no numbered items and no people were found: header and outline only"
        };
        diagnostics.push(Diagnostic::new(
            Code::NotADutyOrder,
            outline.nodes.first().map_or(1, |n| n.line_start),
            what,
        ));
    }

    header.kind = kind::classify(&header, &outline, &people, &found.committees);
    diagnostics.sort_by_key(|d| d.line);
    let outline_model = to_model(outline);
    DutyOrder {
        schema_version: SCHEMA_VERSION.to_string(),
        source: SourceInfo {
            path: source.path.clone(),
            format: source.format.into(),
            encoding: source.encoding.clone(),
            sha256: source.sha256.clone(),
            bytes: source.bytes,
            pages: source.extraction.pages,
            ocr: source
                .extraction
                .ocr
                .iter()
                .map(|&(page, confidence)| crate::model::OcrPage { page, confidence })
                .collect(),
        },
        header,
        outline: outline_model,
        people,
        committees: found.committees,
        diagnostics,
    }
}

/// The post an order's subject appoints to (`แต่งตั้งอาจารย์ที่ปรึกษาวิทยานิพนธ์`
/// → `อาจารย์ที่ปรึกษาวิทยานิพนธ์`): its first word after `แต่งตั้ง`, when that
/// word is a post and no body (`แต่งตั้งคณะกรรมการ…` appoints members).
fn subject_post(subject: &str) -> Option<&str> {
    let rest = subject.strip_prefix(SUBJECT_APPOINTS)?.trim_start();
    let word = rest.split(' ').next()?;
    (word.chars().count() >= MIN_SUBJECT_POST_CHARS
        && starts_with_any(word, COMMITTEE_WORDS).is_none()
        && (starts_position(word) || starts_with_any(word, POST_TITLES).is_some()))
    .then_some(word)
}

/// An item that names a role and, after `ได้แก่` ("namely"), the one person
/// who fills it (`ผู้ควบคุมงาน ได้แก่ นายสมหวัง ชูชัย นายช่างโยธาชำนาญงาน`): the
/// person, their post and the role. `None` when the role is a body's
/// (`คณะกรรมการ… ได้แก่ …`: its members), holds a name, or more than one
/// person follows.
fn namely_appointee(text: &str) -> Option<(NameParts<'_>, &str, &str)> {
    let i = crate::thai::find::find(text, NAMELY_WORD)?;
    let role = text.get(..i)?.trim();
    let after = text
        .get(i + NAMELY_WORD.len()..)?
        .trim_start_matches([' ', ':']);
    if role.is_empty()
        || role.chars().count() > MAX_NAMELY_ROLE_CHARS
        || starts_with_any(role, COMMITTEE_WORDS).is_some()
        || !names_in_text(role).is_empty()
    {
        return None;
    }
    let name = split_name(after)?;
    (name.family.is_some() && names_in_text(after).len() == 1).then(|| {
        let post = name.rest.trim();
        (name, post, role)
    })
}

/// Longest role before `ได้แก่` that [`namely_appointee`] reads (a longer
/// text is a sentence, not a role).
const MAX_NAMELY_ROLE_CHARS: usize = 60;

/// Shortest post word taken from a subject (`ครู` alone is too general to say
/// what the order makes someone).
const MIN_SUBJECT_POST_CHARS: usize = 8;

/// The person whose whole name is the first cell of an item's line (cells
/// cut at wide gaps or tabs), and the text of the cells after it.
fn name_cell<'a>(text: &'a str, gaps: &[usize]) -> Option<(NameParts<'a>, String)> {
    let &first_gap = gaps.first()?;
    let cell = text.get(..first_gap)?.trim();
    let name = split_name(cell)?;
    (name.family.is_some() && name.rest.is_empty())
        .then(|| (name, text.get(first_gap..).unwrap_or("").trim().to_string()))
}

/// Add `p` to `people` unless the same name is there already; then `merge`
/// what it says into the first entry.
fn add_once(
    people: &mut Vec<Person>,
    keys: &mut HashMap<String, String>,
    p: Person,
    merge: impl FnOnce(&mut Person, Person),
) {
    let Some(key) = split_name(&p.full_name).map(|n| n.key()) else {
        return;
    };
    match keys.get(&key) {
        None => {
            keys.insert(key, p.id.clone());
            people.push(p);
        }
        Some(id) => {
            if let Some(first) = people.iter_mut().find(|q| &q.id == id) {
                merge(first, p);
            }
        }
    }
}

/// A person entry that carries only a name: no post, rank, role, class,
/// appointment, duty or substitute.
fn says_nothing(p: &Person) -> bool {
    p.position.is_none()
        && p.rank.is_none()
        && p.role.is_none()
        && p.class.is_none()
        && p.appointed_as.is_none()
        && p.duties.is_empty()
        && p.substitutes.is_empty()
}

/// Free what the order stage never reads (a label's parsed values; the slack
/// of texts and child lists grown line by line), so that the people and the
/// model built next can reuse the memory: a 200 MB order has a million nodes.
fn compact(outline: &mut Outline) {
    for n in &mut outline.nodes {
        if let Some(l) = &mut n.label {
            l.values = Vec::new();
        }
        n.text.share();
        if let Some(number) = &mut n.number {
            number.share();
        }
        if let Some(l) = &mut n.label {
            l.written.share();
        }
        n.children.shrink_to_fit();
    }
}

/// A person from a top-level item that starts with a titled name, with the
/// line of each of their substitutes.
fn person_from(
    outline: &Outline,
    i: usize,
    heading: Option<usize>,
    work_group: Option<&str>,
    roles: &mut Vec<(usize, Role)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Person, Vec<u32>)> {
    let n = outline.node(i)?;
    // `post (title name) what they do`: the post is the clause before the
    // bracket; what follows is what they are made, or their duties' intro
    // a table row whose cells the reader knew: the name and the position
    // are its cells'
    let by_cells =
        people::person_in_cells(&n.text, &n.roles).or_else(|| name_cell(&n.text, &n.cells));
    // … and a text table's row read by the header row above it (`ที่ ⟶ ชื่อ -
    // สกุล ⟶ ตำแหน่ง ⟶ วิทยฐานะ ⟶ …`): each cell by its column, never guessed
    let by_header = (n.roles.is_empty() && by_cells.is_some())
        .then(|| table_rows::header_above(outline, i))
        .flatten()
        .and_then(|h| table_rows::read_item_row(&h, &table_rows::cells(n)));
    let by_cells = match (&by_header, by_cells) {
        (Some(r), Some((name, _))) => Some((name, r.position.clone().unwrap_or_default())),
        (_, b) => b,
    };
    let namely = namely_appointee(&n.text);
    let (name, position_text, made) = match bracketed_person(&n.text) {
        // (or a whole name in the first cell of the line: `๑. ร้อยตำรวจเอก
        // สมชาย พึ่งทอง ⟶ ร้อยเวรสอบสวน` — a word after the gap is never its
        // family name)
        _ if by_cells.is_some() => {
            let (name, text) = by_cells?;
            (name, text, None)
        }
        // `ผู้ควบคุมงาน ได้แก่ นายก ข นายช่างโยธา…`: the role, and its one holder
        _ if namely.is_some() => {
            let (name, post, role) = namely?;
            (name, post.to_string(), Some(role.to_string()))
        }
        Some((name, before, after)) if split_name(&n.text).is_none() => (
            name,
            post_before_bracket(before).to_string(),
            made_after_bracket(after),
        ),
        _ => {
            let (name, text) = person_in_item(&n.text)?;
            (name, text, None)
        }
    };
    let number = n.number.as_deref().unwrap_or("0");
    let id = match heading {
        Some(k) => format!("h{k}.p{number}"),
        None => format!("p{number}"),
    };
    if name.family.is_none() {
        diagnostics.push(Diagnostic::new(
            Code::NameUnsplit,
            n.line_start,
            format!(
                "cannot tell given name from family name in \"{}\"",
                name.full
            ),
        ));
    }
    // `นายก ข เป็นที่ปรึกษา…`, `… ให้ดำรงตำแหน่ง…`, `… พ้นจากตำแหน่ง…`: what
    // the order makes them, apart from the post they hold
    let (held, made) = match made {
        Some(m) => (position_text.clone(), Some(m)),
        None => match person_lines::post_and_appointment(&position_text) {
            (post, Some(a)) => (
                post.unwrap_or_default(),
                Some(before_any(&a, &[DUTY_INTROS]).trim_end().to_string()),
            ),
            _ => (position_text.clone(), None),
        },
    };
    let mut pos = split_position(&held);
    let mut made = made;
    if let Some(r) = by_header {
        pos.rank = r.rank.or(pos.rank);
        pos.class = r.class.or(pos.class);
        made = r.appointed_as.or(made);
        pos.work = r.duty.or(pos.work);
    }
    roles.push((i, Role::Person));

    let mut duties = Vec::with_capacity(n.children.len());
    let mut substitutes = Vec::new();
    let mut sub_lines = Vec::new();
    let mut visited = Vec::new();
    let mut dseq = 0;
    for &c in &n.children {
        let Some(child) = outline.node(c) else {
            continue;
        };
        match child.kind {
            NodeKind::Item => {
                let kind = duties::duty_kind(&child.text);
                dseq = duties::id_seq(dseq, child);
                if let Some(d) =
                    duties::duty_from(outline, c, format!("{id}.d{dseq}"), kind, &mut visited)
                {
                    if kind == DutyKind::SubstituteClause {
                        for name in names_in_text(&child.text) {
                            substitutes.push(Substitute {
                                duty_id: Some(d.id.clone()),
                                ..substitute(&name)
                            });
                            sub_lines.push(child.line_start);
                        }
                    }
                    duties.push(d);
                }
            }
            NodeKind::Paragraph(ParaKind::Substitute) => {
                roles.push((c, Role::SubstituteClause));
                let listed = stand_ins::names_listed_under(outline, c);
                if listed.is_empty() {
                    for name in names_in_text(&child.text) {
                        substitutes.push(substitute(&name));
                        sub_lines.push(child.line_start);
                    }
                } else {
                    for (s, line) in listed {
                        substitutes.push(s);
                        sub_lines.push(line);
                    }
                }
            }
            _ => {}
        }
    }
    roles.extend(visited);
    // a row of a table of who stands in for whom: the row's list, and the
    // post its name column is headed by
    if let Some(t) = stand_ins::row(outline, i) {
        pos.position = pos.position.or_else(|| t.post.clone());
        for (s, line) in stand_ins::listed(outline, &t, roles) {
            substitutes.push(s);
            sub_lines.push(line);
        }
    }
    // duties written on the person's own line (`… มีหน้าที่กำกับ ดูแล กลุ่ม…`)
    // when no items under it hold them
    if duties.is_empty()
        && let Some(text) = committee::person_duty_text(&position_text).or(pos.work)
    {
        duties.push(committee::inline_duty(
            format!("{id}.d1"),
            &text,
            n.line_start,
            n.line_end,
        ));
    }
    let person = Person {
        id,
        number: n.number.as_deref().map(str::to_string),
        label: n.label.as_ref().map(|l| l.written.to_string()),
        node: outline.id(i).map(String::from),
        duty_intro: duty_intro(&n.text).map(str::to_string),
        same_as: None,
        page: None,
        title: Some(name.title.to_string()),
        // a name whose parts cannot be told apart keeps only full_name
        given_name: name.given_name(),
        family_name: name.family.map(str::to_string),
        full_name: name.full.clone(),
        position: pos.position,
        rank: pos.rank,
        class: pos.class,
        role: pos.role,
        work_group: work_group.map(str::to_string),
        appointed_as: made.or(pos.assigned),
        line_start: n.line_start,
        line_end: outline.subtree_end(i),
        duties,
        substitutes,
    };
    Some((person, sub_lines))
}

fn substitute(n: &NameParts<'_>) -> Substitute {
    Substitute {
        full_name: n.full.clone(),
        person_id: None,
        duty_id: None,
    }
}

/// The words after a person's name and post that introduce their duties
/// (`มีหน้าที่ปฏิบัติงาน ดังนี้`), from the text of the person's item.
fn duty_intro(person_text: &str) -> Option<&str> {
    let rest = split_name(person_text)?.rest;
    let rest = rest.strip_prefix(POSITION_WORD).unwrap_or(rest);
    let (i, _) = find_first(rest, DUTY_INTROS)?;
    rest.get(i..).map(str::trim).filter(|s| !s.is_empty())
}

/// Point each substitute at the person of the same name in this order.
fn resolve_substitutes(
    people: &mut [Person],
    lines: &[Vec<u32>],
    keys: &HashMap<String, String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (p, lines) in people.iter_mut().zip(lines) {
        for (k, s) in p.substitutes.iter_mut().enumerate() {
            s.person_id = split_name(&s.full_name).and_then(|n| keys.get(&n.key()).cloned());
            if s.person_id.is_none() {
                diagnostics.push(Diagnostic::new(
                    Code::SubstituteUnresolved,
                    lines.get(k).copied().unwrap_or(p.line_start),
                    format!(
                        "substitute \"{}\" of {} is not among the people of this order",
                        s.full_name, p.full_name
                    ),
                ));
            }
        }
    }
}

/// Nodes taken out of the arena between two shrinks of it in [`to_model`].
const SHRINK_NODES: usize = 1 << 14;

/// The outline as model nodes with path ids ("n3", "n3.2"). The outline is
/// consumed from its last node back (children come after their parents, so
/// every child is built before its parent): texts move into the model instead
/// of being copied, and the arena shrinks while the model grows, so a 200 MB
/// order never holds both whole. No recursion: depth costs nothing here.
fn to_model(mut outline: Outline) -> Vec<OutlineNode> {
    let roots = std::mem::take(&mut outline.roots);
    let mut nodes = std::mem::take(&mut outline.nodes);
    let mut ids = std::mem::take(&mut outline.ids);
    drop(outline);
    // Built nodes whose parent is not built yet, the smallest index on top.
    // Children come after their parent in the arena, in order, each followed
    // by its own subtree; so when a node is built its children are on top of
    // this stack in order. (A child found elsewhere is searched for, so an
    // arena in another order is still right, only slower.)
    let mut pending: Vec<(usize, OutlineNode)> = Vec::new();
    let take = |pending: &mut Vec<(usize, OutlineNode)>, want: usize| {
        if pending.last().is_some_and(|(j, _)| *j == want) {
            return pending.pop().map(|(_, node)| node);
        }
        let at = pending.iter().rposition(|(j, _)| *j == want)?;
        Some(pending.remove(at).1)
    };
    while let Some(n) = nodes.pop() {
        let i = nodes.len();
        let kind = n.role.unwrap_or_else(|| default_kind(n.kind));
        let cells = if n.cells.is_empty() {
            Vec::new()
        } else {
            crate::outline::line::cells_of(&n.text, &n.cells)
                .into_iter()
                .map(str::to_string)
                .collect()
        };
        let children = n
            .children
            .iter()
            .filter_map(|c| take(&mut pending, *c))
            .collect();
        pending.push((
            i,
            OutlineNode {
                id: ids.get_mut(i).map(std::mem::take).unwrap_or_default(),
                number: n.number,
                label: n.label.map(|l| l.written),
                kind,
                text: n.text,
                line_start: n.line_start,
                line_end: n.line_end,
                page: None,
                cells,
                children,
            },
        ));
        // the arena given up as it empties, a slice at a time (a shrink of a
        // big array is a remap, not a copy): a tail of taken nodes left in
        // it until half was gone held 80 MiB of a 200 MB order's peak
        if nodes.capacity() - nodes.len() >= SHRINK_NODES {
            nodes.shrink_to_fit();
        }
    }
    // ids: the ones the order stage handed out ([`Outline::assign_ids`])
    roots
        .iter()
        .filter_map(|r| take(&mut pending, *r))
        .collect()
}

/// The `kind` of an outline node that no later stage named.
fn default_kind(kind: NodeKind) -> Role {
    match kind {
        NodeKind::Item => Role::Item,
        NodeKind::NameList => Role::NameList,
        NodeKind::Name => Role::Name,
        NodeKind::Paragraph(ParaKind::StepsHeading) => Role::StepsHeading,
        NodeKind::Paragraph(ParaKind::Substitute) => Role::SubstituteClause,
        NodeKind::Paragraph(ParaKind::Entry) => Role::Entry,
        NodeKind::Paragraph(ParaKind::WorkGroup) => Role::WorkGroup,
        NodeKind::Paragraph(ParaKind::Rule) => Role::Rule,
        NodeKind::Paragraph(ParaKind::Part) => Role::Part,
        NodeKind::Paragraph(ParaKind::Heading) => Role::Heading,
        NodeKind::Paragraph(ParaKind::PageArtefact) => Role::PageArtefact,
        NodeKind::Paragraph(ParaKind::Effective) => Role::Effective,
        NodeKind::Paragraph(ParaKind::Signed) => Role::Date,
        NodeKind::Paragraph(ParaKind::Signature) => Role::Signature,
        NodeKind::Paragraph(_) => Role::Paragraph,
    }
}
