//! Walking the outline: a committee's intro, then the members and duties in
//! its body (its items, or the lines after an unnumbered intro).

use super::Committees;
use super::bodies::{committee_name, introduced_body, may_name_body};
use super::duty_clauses::{duty_intro, inline_duty, intro_duty_text};
use super::members::{Found, Seat, parse_member_clean, parse_member_text};
use super::names::starts_with_name;
use super::roles::{clause_members, has_role_word, head_end, role_exact, role_prefix};
use super::text::{clean, ends_with_any};
use super::vocabulary::{BODY_LEADS, COMMITTEE_WORDS, LIST_INTROS, role_kind};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::RoleKind;
use crate::model::{Committee, CommitteeMember, Duty};
use crate::order::people::split_name;
use crate::outline::line::join_wrapped;
use crate::outline::{NodeKind, Outline, ParaKind};
use crate::thai::find::{contains, find};
use crate::thai::lexicon::{
    ACT_TURNS, BACKGROUND_OPENERS, CLAUSE_OPENERS, COMPOSED_OF, EX_OFFICIO_MARK, POSITION_WORD,
    UNIT_STARTS, find_first, starts_position, starts_with_any,
};

/// Longest heading (in characters) taken as the name of an unnamed group of
/// members (`ฝ่ายปฏิคม`).
const MAX_GROUP_HEADING_CHARS: usize = 80;

/// Fewest names under a heading that names a body, with no role written,
/// for the names to be its members (one name could be anything).
const MIN_UNROLED_MEMBERS: usize = 2;

/// How deep member items are read for a duty list glued under them.
const MAX_MEMBER_NESTING: usize = 2;

pub(super) struct Reader<'a> {
    pub(super) outline: &'a Outline,
    pub(super) out: Committees,
    pub(super) consumed: Vec<bool>,
    pub(super) header_roots: Vec<usize>,
}

/// Where the body of a committee is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BodyMode {
    /// The intro's children.
    Children,
    /// The siblings after an unnumbered intro line.
    Siblings,
}

/// A committee being read; kept only when it has members.
pub(super) struct Draft {
    id: String,
    members: Vec<CommitteeMember>,
    pub(super) duties: Vec<Duty>,
    pub(super) used_seqs: Vec<u32>,
    pub(super) kinds: Vec<(usize, crate::model::NodeKind)>,
    diagnostics: Vec<Diagnostic>,
    pub(super) consumed: Vec<usize>,
    in_duties: bool,
    /// The node just read gave one member, whose cells may go on in an
    /// unnumbered line under it (see [`member_detail`]).
    open_member: bool,
    /// The unnumbered heading inside the committee being read (members are
    /// listed under it).
    group: Option<String>,
    /// Items under the intro that gave members with a role / that did not.
    role_items: usize,
    other_items: usize,
}

impl Draft {
    pub(super) fn new(id: String) -> Self {
        Draft {
            id,
            members: Vec::new(),
            duties: Vec::new(),
            used_seqs: Vec::new(),
            kinds: Vec::new(),
            diagnostics: Vec::new(),
            consumed: Vec::new(),
            in_duties: false,
            open_member: false,
            group: None,
            role_items: 0,
            other_items: 0,
        }
    }

    /// Next duty id: the item's own sequence number when it is free.
    pub(super) fn duty_id(&mut self, seq: Option<u32>) -> String {
        let seq = match seq {
            Some(s) if s > 0 && !self.used_seqs.contains(&s) => s,
            _ => self
                .used_seqs
                .iter()
                .copied()
                .max()
                .unwrap_or(0)
                .saturating_add(1),
        };
        self.used_seqs.push(seq);
        format!("{}.d{seq}", self.id)
    }
}

impl Reader<'_> {
    pub(super) fn consumed(&self, i: usize) -> bool {
        self.consumed.get(i).copied().unwrap_or(true)
    }

    pub(super) fn mark(&mut self, i: usize) {
        if let Some(c) = self.consumed.get_mut(i) {
            *c = true;
        }
    }

    /// Siblings of `i` after it, in order.
    fn following_siblings(&self, i: usize) -> Vec<usize> {
        let Some(n) = self.outline.node(i) else {
            return Vec::new();
        };
        let list = match n.parent.and_then(|p| self.outline.node(p)) {
            Some(p) => &p.children,
            None => &self.outline.roots,
        };
        match list.iter().position(|&s| s == i) {
            Some(k) => list.get(k + 1..).unwrap_or(&[]).to_vec(),
            None => Vec::new(),
        }
    }

    /// The sibling right after node `i` is a line of people or seats (after
    /// the header row of their table, when there is one).
    fn next_is_entry(&self, i: usize) -> bool {
        self.following_siblings(i)
            .iter()
            .filter_map(|&s| self.outline.node(s))
            .find(|s| !is_header_paragraph(s))
            .is_some_and(|s| s.kind == NodeKind::Paragraph(ParaKind::Entry))
    }

    /// The sibling right after node `i` is an item that is a member line
    /// (`- นายแพทย์ก ข รองผู้อำนวยการ… ประธานกรรมการ`: a role at its end),
    /// as a list of bullets under a body's name writes its members.
    fn next_is_member_item(&self, i: usize) -> bool {
        self.following_siblings(i)
            .iter()
            .filter_map(|&s| self.outline.node(s))
            .next()
            .is_some_and(|s| s.kind == NodeKind::Item && has_role_word(&s.text))
    }

    /// The sibling right after node `i` (after the header row of a table)
    /// is a row of a table, numbered or not: the first of an annex's
    /// members.
    fn next_is_member_row(&self, i: usize) -> bool {
        self.following_siblings(i)
            .iter()
            .filter_map(|&s| self.outline.node(s))
            .find(|s| !is_header_paragraph(s))
            .is_some_and(|s| {
                matches!(
                    s.kind,
                    NodeKind::Item | NodeKind::Paragraph(ParaKind::Entry)
                )
            })
    }

    /// Read a committee introduced at node `i`; true when one was found.
    pub(super) fn try_committee(&mut self, i: usize) -> bool {
        let Some(n) = self.outline.node(i) else {
            return false;
        };
        // (an unnumbered heading over its members' list, `คณะกรรมการฝ่ายพิธีการ`
        // / `๑. นาย… ประธานกรรมการ`, names a committee like a numbered item)
        let heading = n.kind == NodeKind::Paragraph(ParaKind::Heading);
        if !matches!(n.kind, NodeKind::Item | NodeKind::Paragraph(ParaKind::Text)) && !heading {
            return false;
        }
        // cheap tests first: most nodes neither name a body nor head a list of
        // members with a role
        let maybe_named = may_name_body(&n.text);
        let item_children: Vec<usize> = self.outline.item_children(i);
        let lines = self.member_lines(i);
        let group_of_members = (n.kind == NodeKind::Item || heading)
            && !lines.is_empty()
            && n.text.chars().count() <= MAX_GROUP_HEADING_CHARS
            && lines
                .iter()
                .all(|&c| self.outline.node(c).is_some_and(|c| has_role_word(&c.text)));
        if !maybe_named && !group_of_members {
            return false;
        }
        // (normalised text differs from its cleaned form only by leaders)
        // an annex's caption names the body whose member table follows
        // (`รายชื่อคณะกรรมการ… แนบท้ายคำสั่ง…`)
        let caption = maybe_named
            && n.kind == NodeKind::Paragraph(ParaKind::Text)
            && crate::thai::lexicon::annex_caption(&n.text)
                .is_some_and(|rest| starts_with_any(rest, COMMITTEE_WORDS).is_some());
        let named = maybe_named && (caption || introduced_body(&n.text).is_some());
        if !named && !group_of_members {
            return false;
        }
        let intro = clean(&n.text);
        if intro.is_empty() || starts_with_name(&intro) || delegated(&intro) {
            return false;
        }
        // a background paragraph that never turns to the order's act (`โดยที่
        // พระราชบัญญัติ… บัญญัติให้คณะกรรมการ… ประกอบด้วย…`) tells what the law
        // or an earlier order set up: no committee of this order
        // (and one that does names the committee in its act: `… จึงแต่งตั้ง
        // บุคคลดังต่อไปนี้ เป็นกรรมการ…ในคณะกรรมการ…` seats people on a body
        // the law set up)
        if starts_with_any(&intro, BACKGROUND_OPENERS).is_some()
            && find_first(&intro, ACT_TURNS)
                .and_then(|(k, _)| intro.get(k..))
                .is_none_or(|act| introduced_body(act).is_none())
        {
            return false;
        }
        let ends_list = ends_with_any(&intro, LIST_INTROS);
        let mode = if (n.kind == NodeKind::Item || heading) && !n.children.is_empty() {
            Some(BodyMode::Children)
        } else if named && ends_list && appoints_body(&intro) {
            Some(BodyMode::Siblings)
        } else if caption && self.next_is_member_row(i) {
            // the members' table of an annex, under its caption
            Some(BodyMode::Siblings)
        } else if named
            && n.kind == NodeKind::Paragraph(ParaKind::Text)
            && intro.chars().count() <= MAX_GROUP_HEADING_CHARS
            && starts_with_any(&intro, COMMITTEE_WORDS).is_some()
            && (self.next_is_entry(i) || self.next_is_member_item(i))
        {
            // an unnumbered heading that names a body (`คณะกรรมการฝ่ายสนาม`)
            // over unnumbered member lines
            Some(BodyMode::Siblings)
        } else {
            None
        };
        // a body listed by its sub-bodies (`๑. คณะกรรมการดำเนินการรับนักเรียน` /
        // `๑.๑ คณะกรรมการรับสมัคร ประกอบด้วย` / `๑.๑.๑ นาย…`): the sub-bodies are
        // the committees, read when the walk reaches them
        if mode == Some(BodyMode::Children)
            && item_children.iter().any(|&c| {
                self.outline
                    .node(c)
                    .is_some_and(|n| introduced_body(&n.text).is_some())
                    && !self.outline.item_children(c).is_empty()
            })
        {
            return false;
        }
        let seq = self.out.committees.len() + 1;
        let mut d = Draft::new(format!("c{seq}"));

        // members written in the intro itself: `… ประกอบด้วย นายก ข ประธานกรรมการ …`
        if let Some(p) = find(&intro, COMPOSED_OF) {
            let tail = intro.get(p + COMPOSED_OF.len()..).unwrap_or("").trim();
            if starts_with_name(tail) {
                let found = parse_member_text(tail);
                self.add_members(
                    &mut d,
                    found.members,
                    i,
                    (n.line_start, n.line_end),
                    found.unsplit,
                );
            }
        }
        // members appointed in the intro's running text: `… โดยให้ X เป็นประธาน`
        // (a member the composition already names is the same sentence read
        // twice: `ประกอบด้วย นายก ข POST เป็นประธานกรรมการ …`)
        let (mut clause_members, unsplit) = clause_members(&intro, head_end(&intro));
        clause_members.retain(|seat| {
            !d.members.iter().any(|have| {
                have.full_name
                    .as_deref()
                    .is_some_and(|name| seat.who.starts_with(name))
            })
        });
        self.add_members(
            &mut d,
            clause_members,
            i,
            (n.line_start, n.line_end),
            unsplit,
        );
        // duties written in the intro: `คณะกรรมการฝ่ายสถานที่ มีหน้าที่ จัดเตรียมสถานที่`
        if let Some(rest) = intro_duty_text(&intro) {
            let id = d.duty_id(None);
            d.duties
                .push(inline_duty(id, &rest, n.line_start, n.line_end));
        }

        match mode {
            Some(BodyMode::Children) => {
                for &c in &n.children {
                    self.body_node(&mut d, c, 0);
                }
            }
            Some(BodyMode::Siblings) => {
                for s in self.following_siblings(i) {
                    if !self.sibling_member(&mut d, s) {
                        break;
                    }
                }
            }
            None => {}
        }

        // most members of a committee have a role; a list of people with
        // posts that one running-text clause gives a role is no committee
        let with_role = d.members.iter().any(|m| m.role.is_some())
            && d.members.iter().filter(|m| m.role.is_some()).count() * 2 >= d.members.len();
        // a committee with no body of its own must be appointed with its
        // composition (`แต่งตั้งคณะกรรมการ… ประกอบด้วย …`), not merely mentioned
        // (`ให้ X เป็นประธาน อ.ก.พ.` makes X chair of a body set up elsewhere)
        // (or appointed in running text after its background: `… จึงแต่งตั้ง
        // คณะกรรมการสืบสวนข้อเท็จจริง โดยมี นายก ข … เป็นประธานกรรมการ …`)
        let composed = mode.is_some()
            || contains(&intro, COMPOSED_OF)
            || intro.starts_with("แต่งตั้ง")
            || appoints_body(&crate::order::appointments::without_background(&intro));
        // a heading that names a body (`๒. คณะกรรมการกำกับห้องสอบ`) over a
        // list of names and nothing else: its members, roles unwritten
        let name_list = mode == Some(BodyMode::Children)
            && starts_with_any(&intro, COMMITTEE_WORDS).is_some()
            && intro.chars().count() <= MAX_GROUP_HEADING_CHARS
            && d.members.len() >= MIN_UNROLED_MEMBERS
            && d.members
                .iter()
                .all(|m| m.full_name.is_some() && m.role.is_none());
        let accept = if !composed {
            false
        } else if named {
            with_role || name_list
        } else {
            // an unnamed group (`1. ฝ่ายอำนวยการ`) counts only when every item
            // under it is a member with a role
            with_role && d.role_items > 0 && d.other_items == 0
        };
        if !accept {
            return false;
        }

        let header_para = self.header_roots.contains(&i);
        if !header_para {
            d.kinds.push((i, crate::model::NodeKind::Committee));
        }
        self.mark(i);
        for c in std::mem::take(&mut d.consumed) {
            self.mark(c);
        }
        self.out.kinds.extend(d.kinds);
        self.out.diagnostics.extend(d.diagnostics);
        self.out.committees.push(Committee {
            id: d.id,
            number: n.number.as_deref().map(str::to_string),
            name: committee_name(&intro),
            members: d.members,
            duties: d.duties,
        });
        true
    }

    /// The members of node `c`'s own line (read without splitting its text),
    /// the node marked a member line.
    fn add_line_members(&self, d: &mut Draft, c: usize, seats: Found) {
        let Some(node) = self.outline.node(c) else {
            return;
        };
        d.kinds.push((c, crate::model::NodeKind::Member));
        self.add_members(d, seats, c, (node.line_start, node.line_end), Vec::new());
    }

    fn add_members(
        &self,
        d: &mut Draft,
        found: Found,
        at: usize,
        lines: (u32, u32),
        unsplit: Vec<String>,
    ) {
        let line = lines.0;
        for text in unsplit {
            d.diagnostics.push(info(
                Code::CommitteeMemberUnsplit,
                line,
                format!("cannot tell the members apart in \"{text}\"; kept as one member"),
            ));
        }
        for mut seat in found {
            // under a heading that is a role (`ที่ปรึกษา` / `๑. …`), a member
            // with no role of its own has the heading's
            if seat.role.is_none()
                && let Some(r) = d.group.as_deref().and_then(role_exact)
            {
                seat.role = Some(r);
            }
            if seat.role.is_none() {
                d.diagnostics.push(info(
                    Code::CommitteeRoleMissing,
                    line,
                    format!("no committee role found for member \"{}\"", seat.who),
                ));
            }
            let mut m = Self::member(seat, lines, self.outline.id(at).map(String::from));
            m.group.clone_from(&d.group);
            d.members.push(m);
        }
    }

    /// A named member (a personal title and a name) or a seat held by a
    /// position: only a name makes a person.
    fn member(
        seat: Seat,
        (line_start, line_end): (u32, u32),
        node: Option<String>,
    ) -> CommitteeMember {
        let role_kind = seat.role.and_then(role_kind);
        let role = seat.role_text.or_else(|| seat.role.map(str::to_string));
        // (the word "post" before a member's post is no part of it: `ตำแหน่ง ครู`)
        // (nor are brackets around it: `นายก ข (ผู้อำนวยการโรงเรียน)`)
        let post = seat.post.map(|p| match p.strip_prefix(POSITION_WORD) {
            Some(rest) if !rest.trim().is_empty() => rest.trim_start().to_string(),
            _ => crate::order::people::unbracketed_post(&p).to_string(),
        });
        match split_name(&seat.who) {
            Some(n) => CommitteeMember {
                person_id: None,
                full_name: Some(n.full.clone()),
                title: Some(n.title.to_string()),
                position: post,
                role,
                role_kind,
                group: None,
                node: node.clone(),
                line_start,
                line_end,
            },
            None => CommitteeMember {
                full_name: None,
                person_id: None,
                title: None,
                // `ผู้ว่าราชการจังหวัด… (โดยตำแหน่ง)`: "ex officio" says how the
                // seat is held; the post is what holds it
                position: Some(
                    seat.who
                        .strip_suffix(EX_OFFICIO_MARK)
                        .map(str::trim_end)
                        .filter(|p| !p.is_empty())
                        .map_or(seat.who.clone(), str::to_string),
                ),
                role,
                role_kind,
                group: None,
                node,
                line_start,
                line_end,
            },
        }
    }

    /// One node under a committee's intro (or under one of its members, at
    /// `depth` > 0).
    fn body_node(&mut self, d: &mut Draft, c: usize, depth: usize) {
        let Some(node) = self.outline.node(c) else {
            return;
        };
        let text = without_row_number(node, clean(&node.text));
        let open_member = std::mem::replace(&mut d.open_member, false);
        match node.kind {
            NodeKind::NameList => {
                d.consumed.push(c);
                for &e in &node.children {
                    self.body_node(d, e, depth);
                }
            }
            NodeKind::Name => {
                let found = parse_member_clean(text);
                if !found.members.is_empty() {
                    d.kinds.push((c, crate::model::NodeKind::Member));
                    d.consumed.push(c);
                    d.open_member = found.members.len() == 1;
                    self.add_members(
                        d,
                        found.members,
                        c,
                        (node.line_start, node.line_end),
                        found.unsplit,
                    );
                }
            }
            NodeKind::Item if d.in_duties => self.duty_item(d, c),
            NodeKind::Item
            | NodeKind::Paragraph(ParaKind::Text | ParaKind::Entry | ParaKind::Heading) => {
                d.consumed.push(c);
                if let Some(rest) = duty_intro(&text) {
                    // `มีหน้าที่ ดังนี้`: the items from here on are duties
                    d.in_duties = true;
                    if !rest.is_empty() {
                        let id = d.duty_id(None);
                        d.duties
                            .push(inline_duty(id, &rest, node.line_start, node.line_end));
                    }
                    for &g in &node.children {
                        if self
                            .outline
                            .node(g)
                            .is_some_and(|g| g.kind == NodeKind::Item)
                        {
                            self.duty_item(d, g);
                        }
                    }
                    return;
                }
                // an unnumbered heading over a list that starts again under it
                // (`ที่ปรึกษา` / `1. นาย…`) is no member: it is the group of the
                // members in it
                if node.kind == NodeKind::Paragraph(ParaKind::Heading) {
                    let group = !ends_with_any(&text, LIST_INTROS)
                        && text.chars().count() <= MAX_GROUP_HEADING_CHARS;
                    let outer = group.then(|| d.group.replace(text.clone()));
                    if depth < MAX_MEMBER_NESTING {
                        for &g in &node.children {
                            self.body_node(d, g, depth + 1);
                        }
                    }
                    if let Some(outer) = outer {
                        d.group = outer;
                    }
                    return;
                }
                // `ห้อง ม.๑/๑ ⟶ นางสาวก ข ⟶ นายค ง`: the names of a row, its first
                // cell their group (the room they invigilate)
                if let Some((label, names)) = names_row(node) {
                    // (`กรรมการผู้ทรงคุณวุฒิ ⟶ ศาสตราจารย์ ดร.…`: a role written
                    // first labels its names with the role, not a group)
                    if let Some((_, role)) = role_prefix(&label) {
                        let seats = names
                            .into_iter()
                            .map(|n| Seat {
                                role_text: Some(label.clone()),
                                ..Seat::new(n, Some(role))
                            })
                            .collect();
                        self.add_line_members(d, c, seats);
                        return;
                    }
                    let outer = d.group.replace(label);
                    let seats = names.into_iter().map(|n| Seat::new(n, None)).collect();
                    self.add_line_members(d, c, seats);
                    d.group = outer;
                    return;
                }
                let found = parse_member_clean(text.clone());
                let is_item = node.kind == NodeKind::Item;
                let is_line = is_member_line(node);
                // a numbered heading over members (`๑. ผู้ทรงคุณวุฒิภายนอก` /
                // `๑.๑ ศาสตราจารย์… กรรมการ`): the group of the members under it
                let group_heading = found.members.is_empty()
                    && is_item
                    && depth == 0
                    && plain_short_line(&text)
                    && !self.outline.item_children(c).is_empty();
                if group_heading {
                    let before = d.members.len();
                    let outer = d.group.replace(text.clone());
                    for &g in &node.children {
                        self.body_node(d, g, depth + 1);
                    }
                    d.group = outer;
                    if d.members.len() > before {
                        return;
                    }
                }
                if found.members.is_empty() {
                    if open_member
                        && node.kind == NodeKind::Paragraph(ParaKind::Text)
                        && member_detail(&mut d.members, &text, node.line_end)
                    {
                        d.open_member = true;
                    } else if let Some(seat) = seat_under_role(d.group.as_deref(), &text) {
                        // `ที่ปรึกษา` / `ผู้ว่าราชการจังหวัด…`: a seat whose role is
                        // its group's heading
                        d.open_member = true;
                        self.add_line_members(d, c, vec![seat]);
                    } else if is_item && depth == 0 {
                        d.other_items += 1;
                        d.diagnostics.push(info(
                            Code::CommitteeItemUnread,
                            node.line_start,
                            format!(
                                "item under a committee is neither a member nor a duty: \"{text}\""
                            ),
                        ));
                    }
                } else {
                    if is_line && depth == 0 {
                        if found.members.iter().any(|m| m.role.is_some()) {
                            d.role_items += 1;
                        } else {
                            d.other_items += 1;
                        }
                    }
                    d.kinds.push((c, crate::model::NodeKind::Member));
                    d.open_member = found.members.len() == 1;
                    self.add_members(
                        d,
                        found.members,
                        c,
                        (node.line_start, node.line_end),
                        found.unsplit,
                    );
                }
                if let Some(rest) = found.duty_tail {
                    // `… กรรมการและเลขานุการ` + wrapped `มีหน้าที่ ดังนี้`
                    d.in_duties = true;
                    if !rest.is_empty() {
                        let id = d.duty_id(None);
                        d.duties
                            .push(inline_duty(id, &rest, node.line_start, node.line_end));
                    }
                }
                if depth < MAX_MEMBER_NESTING {
                    for &g in &node.children {
                        self.body_node(d, g, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    /// A sibling after an unnumbered intro line: true while members (or the
    /// committee's duties) go on.
    fn sibling_member(&mut self, d: &mut Draft, s: usize) -> bool {
        let Some(node) = self.outline.node(s) else {
            return false;
        };
        let text = clean(&node.text);
        match node.kind {
            NodeKind::NameList | NodeKind::Name => {
                let before = d.members.len();
                self.body_node(d, s, 0);
                d.members.len() > before
            }
            NodeKind::Item if d.in_duties => {
                if introduced_body(&text).is_some() {
                    return false;
                }
                self.duty_item(d, s);
                true
            }
            // a section with its own chair is a committee of its own (also
            // under an unnumbered heading: a panel's row merged across a table)
            NodeKind::Item | NodeKind::Paragraph(ParaKind::Heading) if self.is_section(s) => false,
            // the header row of the members' table (`ที่ ⟶ ชื่อ - สกุล ⟶ …`)
            NodeKind::Paragraph(ParaKind::Text) if is_header_paragraph(node) => {
                d.consumed.push(s);
                true
            }
            NodeKind::Item
            | NodeKind::Paragraph(ParaKind::Text | ParaKind::Entry | ParaKind::Heading) => {
                // (a committee word alone, `คณะกรรมการ`, names no body: inside
                // a committee's list it heads a group of its members)
                if introduced_body(&text).is_some()
                    && duty_intro(&text).is_none()
                    && !COMMITTEE_WORDS.contains(&text.as_str())
                {
                    // the next committee
                    return false;
                }
                let before = (d.members.len(), d.in_duties, d.duties.len());
                self.body_node(d, s, 0);
                let grew = d.members.len() > before.0
                    || d.in_duties != before.1
                    || d.duties.len() > before.2;
                if !grew {
                    // not part of this committee after all
                    d.consumed.retain(|&c| c != s);
                    d.diagnostics
                        .retain(|x| x.code != Code::CommitteeItemUnread);
                }
                grew
            }
            _ => false,
        }
    }
}

impl Reader<'_> {
    /// The children of node `i` that may each be a member: its items, and its
    /// unnumbered one-line entries (`นายก ข ⟶ ปลัดเทศบาล ⟶ หัวหน้าฝ่าย` under
    /// `๑. ฝ่ายอำนวยการ`).
    fn member_lines(&self, i: usize) -> Vec<usize> {
        self.outline.node(i).map_or_else(Vec::new, |n| {
            n.children
                .iter()
                .copied()
                .filter(|&c| self.outline.node(c).is_some_and(is_member_line))
                .collect()
        })
    }

    /// A numbered heading over members (`๑. ฝ่ายอำนวยการ` / `๑. นาย… ประธาน`):
    /// no member of its own, items under it that are; `Some(has a chair)`.
    fn heading_over_members(&self, s: usize) -> Option<bool> {
        let node = self.outline.node(s)?;
        let text = clean(&node.text);
        if !matches!(
            node.kind,
            NodeKind::Item | NodeKind::Paragraph(ParaKind::Heading)
        ) || !plain_short_line(&text)
            || !parse_member_clean(text).members.is_empty()
        {
            return None;
        }
        let mut any = false;
        let mut chair = false;
        for &c in &self.member_lines(s) {
            let Some(c) = self.outline.node(c) else {
                continue;
            };
            let found = parse_member_clean(without_row_number(c, clean(&c.text)));
            any |= !found.members.is_empty();
            chair |= found
                .members
                .iter()
                .any(|m| m.role.and_then(role_kind) == Some(RoleKind::Chair));
        }
        any.then_some(chair)
    }

    /// A numbered section of a body's work (`๑. ฝ่ายอำนวยการ` / `๑. นาย…
    /// ประธาน`, then `๒. ฝ่ายพิธีการ` / `๑. นาง… ประธาน`): a committee of its
    /// own, named by its heading, not a group of the body that lists the
    /// sections. Every heading over members beside it has its own chair too
    /// (`๑. ผู้ทรงคุณวุฒิภายนอก` without one makes them all groups of one
    /// committee), and there are two or more, or the heading names a unit of
    /// work (ฝ่าย…, งาน…).
    fn is_section(&self, s: usize) -> bool {
        if self.heading_over_members(s) != Some(true) {
            return false;
        }
        let siblings: Vec<Option<bool>> = self
            .outline
            .node(s)
            .map(|n| match n.parent.and_then(|p| self.outline.node(p)) {
                Some(p) => p.children.clone(),
                None => self.outline.roots.clone(),
            })
            .unwrap_or_default()
            .into_iter()
            .map(|k| self.heading_over_members(k))
            .filter(Option::is_some)
            .collect();
        let unit = self
            .outline
            .node(s)
            .is_some_and(|n| starts_with_any(&clean(&n.text), UNIT_STARTS).is_some());
        siblings.iter().all(|h| *h == Some(true)) && (siblings.len() >= 2 || unit)
    }
}

/// A node that may be a member's line: an item, or an unnumbered one-line
/// entry.
fn is_member_line(node: &crate::outline::Node) -> bool {
    node.kind == NodeKind::Item
        || (node.kind == NodeKind::Paragraph(ParaKind::Entry) && node.line_start == node.line_end)
}

/// A paragraph that is a table's header row (`ที่ ⟶ ชื่อ - สกุล ⟶ …`).
fn is_header_paragraph(node: &crate::outline::Node) -> bool {
    node.kind == NodeKind::Paragraph(ParaKind::Text)
        && crate::read::table::names_columns(&crate::outline::line::cells_of(
            &node.text,
            &node.cells,
        ))
}

/// A row of a table of members typed with its row number in a cell of its
/// own (`๑ ⟶ นายก ข ⟶ ครู ⟶ ประธานกรรมการ`): the member is in the cells
/// after it, as after a label.
fn without_row_number(node: &crate::outline::Node, text: String) -> String {
    let cells = crate::outline::line::cells_of(&node.text, &node.cells);
    match cells.split_first() {
        Some((first, rest))
            if !rest.is_empty()
                && !first.is_empty()
                && first.chars().all(crate::thai::digits::is_digit) =>
        {
            clean(&rest.join(" "))
        }
        _ => text,
    }
}

/// A one-line entry whose first cell labels the whole names in its other
/// cells (see [`crate::outline::line::labels_names`]): (label, names).
fn names_row(node: &crate::outline::Node) -> Option<(String, Vec<String>)> {
    if node.kind != NodeKind::Paragraph(ParaKind::Entry) || node.line_start != node.line_end {
        return None;
    }
    let cells =
        crate::outline::line::name_cells(&crate::outline::line::cells_of(&node.text, &node.cells));
    let (first, names) = cells.split_first()?;
    crate::outline::line::labels_names(&cells).then(|| {
        (
            (*first).to_string(),
            names.iter().map(|c| (*c).to_string()).collect(),
        )
    })
}

/// A line under a heading that is a role (`ที่ปรึกษา`) holding only a post
/// (`ผู้ว่าราชการจังหวัดเพชรบุรี`): a seat, its role the heading's. Short lines
/// that start like a post only; never a clause or a list intro.
fn seat_under_role(group: Option<&str>, text: &str) -> Option<Seat> {
    role_exact(group?)?;
    let first = text.split(' ').next().unwrap_or("");
    (plain_short_line(text) && starts_position(first)).then(|| Seat::new(text.to_string(), None))
}

/// A short line that is neither a clause (`ให้…`, `ทั้งนี้…`), a list intro nor
/// a name: what may be one cell of a member (a seat, a post, its wrapped rest).
fn plain_short_line(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= MAX_GROUP_HEADING_CHARS
        && starts_with_any(text, CLAUSE_OPENERS).is_none()
        && !ends_with_any(text, LIST_INTROS)
        && !starts_with_name(text)
}

/// An unnumbered line right under a member's line that carries no member
/// itself is the rest of that member's first cell, as tables of members are
/// typed (`(1) นายก ข ⟶ ประธาน` / `รัฐมนตรีว่าการกระทรวง…`, `(7) ผู้อำนวยการสำนักงาน
/// คณะกรรมการ ⟶ กรรมการ` / `นโยบายรัฐวิสาหกิจ`): a named member's post when it
/// starts like one, else the wrapped rest of a seat's post. Short lines only,
/// and never a clause (`ให้…`, `ทั้งนี้…`) or a name. True when it was taken.
fn member_detail(members: &mut [CommitteeMember], text: &str, line_end: u32) -> bool {
    let Some(m) = members.last_mut() else {
        return false;
    };
    if !plain_short_line(text) {
        return false;
    }
    let taken = match (&m.full_name, &mut m.position) {
        (Some(_), post @ None) if starts_position(text) => {
            *post = Some(text.to_string());
            true
        }
        (None, Some(post)) if !starts_position(text) => {
            join_wrapped(post, text, false);
            true
        }
        _ => false,
    };
    if taken {
        m.line_end = m.line_end.max(line_end);
    }
    taken
}

/// Whether the body an intro names is one the order tells someone else to
/// appoint (`ให้รัฐมนตรีว่าการกระทรวงศึกษาธิการแต่งตั้งคณะกรรมการคณะหนึ่ง…`):
/// `ให้ X แต่งตั้ง` with someone between "let" and "appoint". `ให้แต่งตั้ง`
/// and `ให้มีการแต่งตั้ง` are this order's own appointment.
fn delegated(intro: &str) -> bool {
    let Some(start) = introduced_body(intro) else {
        return false;
    };
    let before = intro.get(..start).unwrap_or("");
    let Some(p) = before.rfind("แต่งตั้ง") else {
        return false;
    };
    let seg = before.get(..p).unwrap_or("");
    let Some(q) = seg.rfind("ให้") else {
        return false;
    };
    let between = seg.get(q + "ให้".len()..).unwrap_or("").trim();
    // someone named between: a post, in the same clause (จึง, "therefore",
    // opens the order's own operative clause)
    !between.is_empty()
        && !between.starts_with("มี")
        && !contains(between, "จึง")
        && between.len() <= MAX_DELEGATE_BYTES
}

/// Longest text between `ให้` and `แต่งตั้ง` read as the one told to appoint
/// (`รัฐมนตรีว่าการกระทรวงศึกษาธิการ`, 96 bytes), in bytes: a post of about
/// 60 Thai characters.
const MAX_DELEGATE_BYTES: usize = 200;

/// Whether an unnumbered intro line appoints the body it names — the body
/// starts the text (after `แต่งตั้ง` / `ให้` …), follows `แต่งตั้ง`, or is given
/// its composition (`ประกอบด้วย`) — and does not only mention it in a
/// preamble (`ตามที่ได้มีคำสั่ง… คณะกรรมการ… จึงให้ยกเลิก… ดังนี้`).
fn appoints_body(intro: &str) -> bool {
    if contains(intro, COMPOSED_OF) {
        return true;
    }
    let Some(start) = introduced_body(intro) else {
        return false;
    };
    let before = intro.get(..start).unwrap_or("").trim_end();
    before.is_empty() || BODY_LEADS.contains(&before) || before.ends_with("แต่งตั้ง")
}

pub(super) fn info(code: Code, line: u32, message: String) -> Diagnostic {
    Diagnostic::new(code, line, message)
}
