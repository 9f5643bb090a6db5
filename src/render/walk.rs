//! The walk of the outline that lays out the body of an order (see
//! [`super::layout`]): each person from the model — their line, duties and
//! steps, the lines under them no duty was read from, their substitutes — a
//! table row as its cells, every other node from its outline node with the
//! corrected label.

use std::collections::HashMap;

use super::{
    Block, BlockKind, Nodes, SUBSTITUTE_CLAUSE, from_header, item_label, node_label, non_empty,
    typed_label,
};
use crate::model::{CommitteeMember, Duty, DutyOrder, LabelForm, NodeKind, OutlineNode, Person};
use crate::thai::lexicon::{POSITION_WORD, RANK_WORDS, RANKS};

/// What the outline walk looks up: nodes by id, and the person each person
/// node names.
pub(super) struct Walk<'a> {
    nodes: Nodes<'a>,
    people: HashMap<&'a str, &'a Person>,
    /// The names the model read from each node (committee members, people).
    names: HashMap<&'a str, Vec<&'a str>>,
    /// The people read from each node, in order (a table row may name
    /// several).
    people_of: HashMap<&'a str, Vec<&'a Person>>,
    /// The committee members read from each node, in order.
    members: HashMap<&'a str, Vec<&'a CommitteeMember>>,
}

impl<'a> Walk<'a> {
    /// The look-ups of `order`'s walk.
    pub(super) fn new(order: &'a DutyOrder) -> Self {
        Walk {
            nodes: super::outline_nodes(&order.outline),
            people: order
                .people
                .iter()
                .filter_map(|p| Some((p.node.as_deref()?, p)))
                .collect(),
            names: names_by_node(order),
            people_of: people_by_node(order),
            members: members_by_node(order),
        }
    }
}

/// The committee members read from each outline node, in order.
fn members_by_node(order: &DutyOrder) -> HashMap<&str, Vec<&CommitteeMember>> {
    let mut map: HashMap<&str, Vec<&CommitteeMember>> = HashMap::new();
    for m in order.committees.iter().flat_map(|c| c.members.iter()) {
        if let Some(node) = m.node.as_deref() {
            map.entry(node).or_default().push(m);
        }
    }
    map
}

/// The people read from each outline node, in order.
fn people_by_node(order: &DutyOrder) -> HashMap<&str, Vec<&Person>> {
    let mut map: HashMap<&str, Vec<&Person>> = HashMap::new();
    for p in &order.people {
        if let Some(node) = p.node.as_deref() {
            map.entry(node).or_default().push(p);
        }
    }
    map
}

/// The names read from each outline node, in order: members of committees,
/// then people, each once.
fn names_by_node(order: &DutyOrder) -> HashMap<&str, Vec<&str>> {
    let mut map: HashMap<&str, Vec<&str>> = HashMap::new();
    let members = order.committees.iter().flat_map(|c| c.members.iter());
    let named = members
        .filter_map(|m| Some((m.node.as_deref()?, m.full_name.as_deref()?)))
        .chain(
            order
                .people
                .iter()
                .filter_map(|p| Some((p.node.as_deref()?, p.full_name.as_str()))),
        );
    for (node, name) in named {
        let names = map.entry(node).or_default();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    map
}

/// A line that names several people (a table row: `ห้อง ม.๑/๑ ⟶ นางสาวก ข ⟶
/// นายค ง`) written as cells again, a tab between them, as the reader gave
/// it; `None` when the line names fewer than two or not as written.
fn as_cells(text: &str, names: &[&str]) -> Option<String> {
    if names.len() < 2 {
        return None;
    }
    let mut cells: Vec<&str> = Vec::new();
    let mut rest = text;
    for name in names {
        let at = rest.find(name)?;
        let before = rest.get(..at)?.trim();
        if !before.is_empty() {
            cells.push(before);
        }
        cells.push(name);
        rest = rest.get(at + name.len()..)?;
    }
    let tail = rest.trim();
    if !tail.is_empty() {
        cells.push(tail);
    }
    Some(cells.join("\t"))
}

impl Walk<'_> {
    /// The blocks of `nodes` at `depth`; `top`: the outline's own top level,
    /// whose header and closing lines come from the header fields instead.
    pub(super) fn nodes_at(
        &self,
        nodes: &[OutlineNode],
        depth: usize,
        top: bool,
        out: &mut Vec<Block>,
    ) {
        for (k, n) in nodes.iter().enumerate() {
            if top && from_header(n.kind) || n.kind == NodeKind::PageArtefact {
                continue;
            }
            // the list of stand-ins after an unnumbered person (a stand-in
            // table's row without a row number): the list as written, after
            // the person's line
            if n.kind == NodeKind::SubstituteClause
                && k.checked_sub(1)
                    .and_then(|j| nodes.get(j))
                    .is_some_and(|m| self.unnumbered_with_stand_ins(m))
            {
                out.push(Block::text(BlockKind::Text, depth, n.text.clone()));
                continue;
            }
            // a line of cells that names no one is the header row of the
            // rows after it (or under it: a Word table's header heads the
            // rows numbered below it), or not a row at all (a quoted clause
            // with a gap)
            // (a group row under the header, `ที่ปรึกษา`, heads its rows in turn)
            let named_row = |m: &OutlineNode| self.names_someone(m) && self.is_row(m);
            let heads_rows = |m: Option<&OutlineNode>| {
                m.is_some_and(|m| {
                    named_row(m)
                        || (m.kind == NodeKind::Heading
                            && m.children.first().is_some_and(named_row))
                })
            };
            // (and a line of cells straight after a row is the table's next
            // row, also when the model keeps its person with an earlier row:
            // one person named in two rows)
            let after_row = out
                .last()
                .is_some_and(|b| matches!(b.kind, BlockKind::Row | BlockKind::TabbedRow));
            // (a heading of cells over the people it heads: a table's header
            // over its rows written as numbered people, a stand-in table's)
            let heads_people = n.kind == NodeKind::Heading
                && n.children.first().is_some_and(|m| self.names_someone(m))
                || nodes
                    .get(k + 1)
                    .is_some_and(|m| self.unnumbered_with_stand_ins(m));
            let row = self.is_row(n)
                || n.cells.len() >= 2
                    && (after_row
                        || !self.names_someone(n)
                            && (heads_people
                                || heads_rows(nodes.get(k + 1))
                                || heads_rows(n.children.first())));
            if row {
                // (the header row goes with the rows under it)
                let tabbed = self.numbered_member_row(n)
                    || !self.names_someone(n)
                        && nodes
                            .get(k + 1)
                            .is_some_and(|m| self.numbered_member_row(m));
                self.row(n, depth, out, n.cells.join("\t"), tabbed);
                continue;
            }
            // a seat or member whose line wrapped (so the reader kept no
            // cells) after a row: a row again, its two cells from the model
            if out
                .last()
                .is_some_and(|b| matches!(b.kind, BlockKind::Row | BlockKind::TabbedRow))
                && let Some(cells) = self.member_cells(n)
            {
                self.row(n, depth, out, cells, false);
                continue;
            }
            if n.kind == NodeKind::Person
                && let Some(p) = self.people.get(n.id.as_str())
            {
                self.person(p, depth, out);
                continue;
            }
            let (label, _) = node_label(n);
            let text = self
                .names
                .get(n.id.as_str())
                .and_then(|names| as_cells(&n.text, names))
                .unwrap_or_else(|| n.text.to_string());
            match label {
                Some(label) => out.push(Block {
                    kind: BlockKind::Item,
                    depth,
                    label: Some(label),
                    level: None,
                    text,
                }),
                None => {
                    // an unnumbered line after another line would read as its
                    // continuation; the first line under an unnumbered heading
                    // is read apart from it, as written
                    if out.last().is_some_and(|b| {
                        matches!(
                            b.kind,
                            BlockKind::Item | BlockKind::Row | BlockKind::TabbedRow
                        ) || b.kind == BlockKind::Text && b.depth >= depth
                    }) {
                        out.push(Block::blank());
                    }
                    out.push(Block::text(BlockKind::Text, depth, text));
                }
            }
            self.nodes_at(&n.children, depth + 1, false, out);
        }
    }
}

impl Walk<'_> {
    /// A table row written as its cells, as read (a row names its people in
    /// its cells: a class and its teachers, a room and its invigilators),
    /// with the corrected label; then what the row's people have on lines of
    /// their own (duties, substitutes), or the row's own children.
    fn row(
        &self,
        n: &OutlineNode,
        depth: usize,
        out: &mut Vec<Block>,
        cells: String,
        tabbed: bool,
    ) {
        let (label, _) = node_label(n);
        // a row straight after running text would join it
        if out
            .last()
            .is_some_and(|b| b.kind == BlockKind::Text || b.kind == BlockKind::Item)
        {
            out.push(Block::blank());
        }
        let people: Vec<&Person> = self
            .people_of
            .get(n.id.as_str())
            .map(|v| v.as_slice())
            .unwrap_or_default()
            .to_vec();
        // (a row after a tabbed one stays with it: one table is written one way)
        let kind = if tabbed || out.last().is_some_and(|b| b.kind == BlockKind::TabbedRow) {
            BlockKind::TabbedRow
        } else {
            BlockKind::Row
        };
        out.push(Block {
            kind,
            depth,
            label,
            level: None,
            text: cells,
        });
        if people.is_empty() {
            self.nodes_at(&n.children, depth + 1, false, out);
        }
        for p in people {
            self.person_lines(p, depth, out);
        }
    }
}

impl Walk<'_> {
    /// Whether a node is written as a table row: it has cells, names people
    /// or members, and is not the line of one numbered person, or of one
    /// over their duties, with a wide gap in it (`1. นายก ข   ตำแหน่ง ครู
    /// มีหน้าที่ ดังนี้`): that is written from the model as any person's line
    /// is.
    fn is_row(&self, n: &OutlineNode) -> bool {
        if n.cells.len() < 2 {
            return false;
        }
        match self.people_of.get(n.id.as_str()).map(Vec::as_slice) {
            Some([p]) => p.number.is_none() && n.children.is_empty(),
            Some(_) => true,
            None => self.members.contains_key(n.id.as_str()),
        }
    }

    /// Whether a node is a row of committee members that starts with its
    /// number cell (`๑⇥นายก ข⇥…`), not a label.
    fn numbered_member_row(&self, n: &OutlineNode) -> bool {
        n.label.is_none()
            && self.members.contains_key(n.id.as_str())
            && n.cells.first().is_some_and(|c| {
                let c = c.trim().trim_end_matches('.');
                !c.is_empty() && c.chars().all(crate::thai::digits::is_digit)
            })
    }

    /// Whether a node is an unnumbered person with stand-ins (a row of a
    /// stand-in table without row numbers: the list follows the line).
    fn unnumbered_with_stand_ins(&self, n: &OutlineNode) -> bool {
        n.kind == NodeKind::Person
            && self
                .people
                .get(n.id.as_str())
                .is_some_and(|p| p.number.is_none() && !p.substitutes.is_empty())
    }

    /// Whether the model read a person or a committee member from a node.
    fn names_someone(&self, n: &OutlineNode) -> bool {
        self.people_of.contains_key(n.id.as_str()) || self.members.contains_key(n.id.as_str())
    }

    /// The one member read from a node whose text is the member's name (or
    /// the seat's position) and role, as two cells a tab apart.
    fn member_cells(&self, n: &OutlineNode) -> Option<String> {
        let [m] = self.members.get(n.id.as_str())?.as_slice() else {
            return None;
        };
        let who = m.full_name.as_deref().or(m.position.as_deref())?;
        let role = m.role.as_deref()?;
        (n.text == format!("{who} {role}")).then(|| format!("{who}\t{role}"))
    }
}

impl Walk<'_> {
    /// A person's line, duties and substitutes, the person at `depth`.
    fn person(&self, p: &Person, depth: usize, out: &mut Vec<Block>) {
        let nodes = &self.nodes;
        let mut text = p.full_name.clone();
        if let Some(class) = non_empty(p.class.as_deref()) {
            text.push(' ');
            text.push_str(class);
        }
        if let Some(pos) = non_empty(p.position.as_deref()) {
            text.push(' ');
            text.push_str(POSITION_WORD);
            text.push(' ');
            text.push_str(pos);
        }
        if let Some(rank) = non_empty(p.rank.as_deref()) {
            // a standing that is not a bare rank word (ครูชำนาญการพิเศษ, คศ.๑):
            // written straight after the post it would read as part of it
            if !RANKS.iter().any(|r| rank.starts_with(r))
                && let Some(word) = RANK_WORDS.first()
            {
                text.push(' ');
                text.push_str(word);
            }
            text.push(' ');
            text.push_str(rank);
        }
        if let Some(role) = non_empty(p.role.as_deref()) {
            text.push(' ');
            text.push_str(role);
        }
        // a duty written in the person's sentence (`ครูผู้ช่วย งานห้องสมุด`) has no
        // line of its own: it stays in the sentence
        let inline: Vec<&Duty> = p.duties.iter().filter(|d| is_inline(d)).collect();
        if let Some(intro) = non_empty(p.duty_intro.as_deref()) {
            text.push(' ');
            text.push_str(intro);
        }
        // what the order makes the person (`ดำรงตำแหน่ง…`, `เป็น…`, `พ้นจาก…`) is
        // kept without its verb: the person's line is written as it was read
        if let Some(post) = non_empty(p.appointed_as.as_deref())
            && let Some(node) = p.node.as_deref().and_then(|id| nodes.get(id))
            && node.text.contains(post)
        {
            text = node.text.to_string();
        }
        for d in &inline {
            // (the words introducing the duties may hold them already)
            if !text.contains(d.title.as_str()) {
                // an unnumbered person is a table row or a name line: the duty
                // was a cell of its own; work right after a numbered person's
                // name is written after a dash (`นางสาวก ข – สอนวิชา…`), or it
                // would read back as the post
                if p.number.is_none() {
                    text.push('\t');
                } else if text == p.full_name {
                    text.push_str(" – ");
                } else {
                    text.push(' ');
                }
                text.push_str(&d.title);
            }
        }
        match p.number.as_deref() {
            Some(number) => out.push(Block {
                kind: BlockKind::Item,
                depth,
                // in the form written (`2.1` under a clause, `ข้อ 2`), corrected
                label: Some({
                    let written = p.label.as_deref().unwrap_or_default();
                    let form =
                        crate::label::parse_label(written).map(|(l, _)| LabelForm::from(l.family));
                    typed_label(number, written, form)
                }),
                level: (depth == 0).then_some(0),
                text,
            }),
            None => {
                if out.last().is_some_and(|b| b.kind == BlockKind::Item) {
                    out.push(Block::blank());
                }
                out.push(Block::text(BlockKind::Text, depth, text));
            }
        }

        self.person_lines(p, depth, out);
    }

    /// What a person at `depth` has on lines of their own, after the line that
    /// names them, in the order of the outline: duties and steps, and any line
    /// under the person that no duty was read from (an acting clause, a region's
    /// provinces, a person named under them); then the substitutes an unnumbered
    /// clause lists.
    fn person_lines(&self, p: &Person, depth: usize, out: &mut Vec<Block>) {
        let own: Vec<&Duty> = p.duties.iter().filter(|d| !is_inline(d)).collect();
        let mut ids = Vec::new();
        for d in &own {
            duty_nodes(d, &mut ids);
        }
        // the duties written so far (they are in outline order)
        let mut next = 0;
        let children = p
            .node
            .as_deref()
            .and_then(|id| self.nodes.get(id))
            .map(|n| n.children.as_slice())
            .unwrap_or_default();
        for c in children {
            if let Some(k) = own
                .iter()
                .position(|d| d.node.as_deref() == Some(c.id.as_str()))
            {
                for d in own.get(next..=k).unwrap_or_default() {
                    duty(d, depth + 1, &self.nodes, out);
                }
                next = next.max(k + 1);
                continue;
            }
            // the clause that names the substitutes is written from the model
            // below; any other line as the walk writes it (a line that holds
            // duties of the person deeper down: its own text only, the duties
            // follow in order)
            if c.kind == NodeKind::SubstituteClause {
                continue;
            }
            if holds_any(c, &ids) {
                let mut line = c.clone();
                line.children.clear();
                self.nodes_at(std::slice::from_ref(&line), depth + 1, false, out);
            } else {
                self.nodes_at(std::slice::from_ref(c), depth + 1, false, out);
            }
        }
        for d in own.get(next..).unwrap_or_default() {
            duty(d, depth + 1, &self.nodes, out);
        }
        // names not already written in a numbered substitute clause among the duties
        let rest: Vec<&str> = p
            .substitutes
            .iter()
            .filter(|s| s.duty_id.is_none())
            .map(|s| s.full_name.as_str())
            .collect();
        // (an unnumbered person's stand-ins are the list after their line,
        // written in its place)
        if !rest.is_empty() && p.number.is_some() {
            out.push(Block::text(BlockKind::Text, depth + 1, SUBSTITUTE_CLAUSE));
            let list: Vec<String> = rest
                .iter()
                .enumerate()
                .map(|(k, name)| format!("{}. {name}", k + 1))
                .collect();
            out.push(Block::text(BlockKind::Text, depth + 1, list.join(" ")));
        }
    }
}

/// The outline nodes of a duty and its steps.
fn duty_nodes<'a>(d: &'a Duty, out: &mut Vec<&'a str>) {
    if let Some(n) = d.node.as_deref() {
        out.push(n);
    }
    for s in &d.steps {
        duty_nodes(s, out);
    }
}

/// Whether a node or a node under it is one of `ids`.
fn holds_any(n: &OutlineNode, ids: &[&str]) -> bool {
    let mut todo = vec![n];
    while let Some(n) = todo.pop() {
        if ids.contains(&n.id.as_str()) {
            return true;
        }
        todo.extend(n.children.iter());
    }
    false
}

/// A duty written in the person's sentence (`ครูผู้ช่วย งานห้องสมุด`): it has
/// no line of its own.
fn is_inline(d: &Duty) -> bool {
    d.node.is_none() && d.label.is_none() && d.steps.is_empty()
}

/// A duty or step at `depth` and everything under it.
fn duty(d: &Duty, depth: usize, nodes: &Nodes<'_>, out: &mut Vec<Block>) {
    let (label, level) = item_label(d);
    out.push(Block {
        kind: BlockKind::Item,
        depth,
        label: Some(label),
        level,
        text: d.title.to_string(),
    });
    if let Some(heading) = d
        .node
        .as_deref()
        .and_then(|id| nodes.get(id))
        .and_then(|n| steps_heading(n))
    {
        out.push(Block::text(BlockKind::Text, depth + 1, heading));
    }
    for s in &d.steps {
        duty(s, depth + 1, nodes, out);
    }
}

/// The `ขั้นตอนการปฏิบัติงาน` heading under an outline item, as written.
fn steps_heading(node: &OutlineNode) -> Option<&str> {
    node.children
        .iter()
        .find(|c| c.kind == NodeKind::StepsHeading)
        .map(|c| c.text.as_str())
}
