//! Writing a parsed order back as a clean document (.txt or .docx), as a
//! readable view (.html, .md: [`render_html`], [`render_md`]) or as the
//! tables of a responsibility matrix ([`table`], which the command writes
//! as .xlsx or .csv).
//!
//! The order is laid out once as a list of `Block`s — one paragraph each,
//! with its depth, its canonical label and the text normalised by the parser —
//! and each writer turns the blocks into its format:
//!
//! ```text
//! DutyOrder ──layout──▶ [Block] ──txt──▶ String
//!                               └─docx─▶ Vec<u8> (typed labels, or Word's own numbering)
//! ```
//!
//! What is written: the header (issuer, unit, `ที่ …`, `เรื่อง …`, preamble), each
//! work-group heading before the first person of its group, each person
//! (`N. name ตำแหน่ง position rank role` and the words that introduce their
//! duties), their duties, the `ขั้นตอนการปฏิบัติงาน` heading where the source had
//! one, steps and sub-steps with their **corrected** numbers, the substitute
//! clause with its list of names, then the effective clause, date and signature
//! when the order has them. Parsing the output again gives the same people,
//! duties, steps and substitutes.
//!
//! ```
//! let order = kamsang::parse_str("x.txt", "1. นายสมชาย ใจดี ตำแหน่ง ครู\n  1.1 งานสอน\n  1.3 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n")?;
//! let txt = kamsang::render::render_txt(&order);
//! assert_eq!(txt, "1. นายสมชาย ใจดี ตำแหน่ง ครู\n    1.1 งานสอน\n    1.2 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n");
//! # Ok::<(), kamsang::Error>(())
//! ```

mod docx;
mod html;
mod md;
mod ooxml;
pub mod table;
mod txt;
mod view;
#[cfg(feature = "export")]
mod workbook;

use std::collections::HashMap;

pub use docx::{render_docx, render_docx_with};
pub use html::{render_html, render_html_in};
pub use md::{render_md, render_md_in};
pub use table::{Sheet, Sheets};
pub use txt::render_txt;
#[cfg(feature = "export")]
pub use workbook::{UTF8_BOM, XLSX_COLUMN_WIDTH, XLSX_FONT, XLSX_FONT_SIZE};

use crate::model::{CommitteeMember, Duty, DutyOrder, LabelForm, NodeKind, OutlineNode, Person};
use crate::thai::lexicon::{ANNOUNCEMENT_WORD, LIST_INTROS, POSITION_WORD, RANK_WORDS, RANKS};

/// How a .docx shows the numbers of people, duties and steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Numbering {
    /// The label is typed as text at the start of the paragraph (`1.1 งาน…`).
    #[default]
    Typed,
    /// Word's automatic multi-level numbering (`w:numPr`); no typed label.
    Auto,
}

impl std::str::FromStr for Numbering {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "typed" => Ok(Numbering::Typed),
            "auto" => Ok(Numbering::Auto),
            _ => Err(format!("unknown numbering \"{s}\" (use typed or auto)")),
        }
    }
}

/// The language of a readable view's own words (headings, labels, notes);
/// the order's text is never translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Thai (the default: the people who read the orders).
    #[default]
    Th,
    /// English.
    En,
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "th" => Ok(Lang::Th),
            "en" => Ok(Lang::En),
            _ => Err(format!("unknown language \"{s}\" (use th or en)")),
        }
    }
}

/// A document could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write .docx: {0}")]
pub struct RenderError(pub String);

/// The sentence written before an unnumbered list of substitutes: "if (the
/// person) cannot perform official duty, the following people work in (their)
/// place, in this order".
pub const SUBSTITUTE_CLAUSE: &str = "กรณีที่ไม่สามารถปฏิบัติราชการได้ให้บุคคลต่อไปนี้ปฏิบัติงานแทนตามลำดับ";

/// The word that dates an order (`สั่ง ณ วันที่ …`: "ordered on").
const ORDER_DATE_WORD: &str = "สั่ง";

/// What a block is, for the writers' layout choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A heading line of the order (issuer, unit, order number, subject) or of
    /// the signature block: centred in a .docx.
    Heading,
    /// Running text without a label (preamble, work group, steps heading,
    /// substitute clause and names, effective clause, date).
    Text,
    /// An empty line: ends the paragraph before it, so the next line cannot be
    /// read as its continuation.
    Blank,
    /// A numbered person, duty, step or sub-step.
    Item,
    /// A row of a table: its cells in `text`, a tab between them (a .txt
    /// writes them so, a .docx as a row of a Word table), after the
    /// corrected label when the row has one.
    Row,
    /// A row of a table that opens with a header row (a row that names no
    /// one: `ลำดับ⇥ชื่อ - สกุล⇥ตำแหน่ง`): written as a line whose cells a tab
    /// parts in every format, a .docx too. (kamsang's .docx reader reads a
    /// Word table with a header row by its columns — the ลำดับ cell as the
    /// person's number, the cells in another order — which the same rows in
    /// a .txt do not get, so a Word table would read back otherwise.)
    TabbedRow,
}

/// One paragraph of the rendered order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Indentation level (person 0, duty 1, step 2, sub-step 3 …).
    pub depth: usize,
    /// The canonical label as typed ("1.", "1.1", "1.1.1", "1)"), for items.
    pub label: Option<String>,
    /// The Word list level (`ilvl`) whose `lvlText` prints `label`, when one
    /// does (see [`docx`]); `None`: the label is always typed.
    pub level: Option<u8>,
    /// The text after the label.
    pub text: String,
}

impl Block {
    fn text(kind: BlockKind, depth: usize, text: impl Into<String>) -> Self {
        Block {
            kind,
            depth,
            label: None,
            level: None,
            text: text.into(),
        }
    }

    fn blank() -> Self {
        Block::text(BlockKind::Blank, 0, "")
    }

    /// The cells of a row, the label first when it has one.
    pub fn cells(&self) -> Vec<&str> {
        self.label
            .as_deref()
            .into_iter()
            .chain(self.text.split('\t'))
            .collect()
    }

    /// The label and the text, as one line without indentation.
    pub fn line(&self) -> String {
        match (&self.label, self.text.is_empty()) {
            (Some(l), true) => l.clone(),
            (Some(l), false) => format!("{l} {}", self.text),
            (None, _) => self.text.clone(),
        }
    }
}

/// The order laid out as paragraphs, in the order of its outline: the header
/// from the model's header fields, each person from the model (their line,
/// duties, steps and substitutes), every other node — committees and their
/// members, headings, work groups, numbered items, running text — from its
/// outline node with the **corrected** label; then the effective clause, date
/// and signature.
pub(crate) fn layout(order: &DutyOrder) -> Vec<Block> {
    let mut out = Vec::new();
    header(order, &mut out);

    let walk = Walk {
        nodes: outline_nodes(&order.outline),
        people: order
            .people
            .iter()
            .filter_map(|p| Some((p.node.as_deref()?, p)))
            .collect(),
        names: names_by_node(order),
        people_of: people_by_node(order),
        members: members_by_node(order),
    };
    let body = out.len();
    walk.nodes_at(&order.outline, 0, true, &mut out);
    // an unnumbered heading straight after a preamble that introduces a
    // list (`… ประกอบด้วย` / `ที่ปรึกษา`) is written under it, as orders
    // write it: after a blank line it is not read as the list's heading
    if body > 0
        && out
            .get(body - 1)
            .is_some_and(|b| b.kind == BlockKind::Blank)
        && out.get(body).is_some_and(|b| b.kind == BlockKind::Text)
        && order
            .header
            .preamble
            .as_deref()
            .is_some_and(|p| LIST_INTROS.iter().any(|w| p.trim_end().ends_with(w)))
        && order
            .outline
            .iter()
            .find(|n| !from_header(n.kind) && n.kind != NodeKind::PageArtefact)
            .is_some_and(|n| n.label.is_none() && !n.children.is_empty())
    {
        out.remove(body - 1);
    }

    closing(order, &mut out);
    while out.last().is_some_and(|b| b.kind == BlockKind::Blank) {
        out.pop();
    }
    out
}

/// What the outline walk looks up: nodes by id, and the person each person
/// node names.
struct Walk<'a> {
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
    fn nodes_at(&self, nodes: &[OutlineNode], depth: usize, top: bool, out: &mut Vec<Block>) {
        for (k, n) in nodes.iter().enumerate() {
            if top && from_header(n.kind) || n.kind == NodeKind::PageArtefact {
                continue;
            }
            // a line of cells that names no one is the header row of the
            // rows after it, or not a row at all (a quoted clause with a gap)
            let row = self.is_row(n)
                || n.cells.len() >= 2
                    && !self.names_someone(n)
                    && nodes
                        .get(k + 1)
                        .is_some_and(|m| self.names_someone(m) && self.is_row(m));
            if row {
                self.row(n, depth, out, n.cells.join("\t"));
                continue;
            }
            // a seat or member whose line wrapped (so the reader kept no
            // cells) after a row: a row again, its two cells from the model
            if out
                .last()
                .is_some_and(|b| matches!(b.kind, BlockKind::Row | BlockKind::TabbedRow))
                && let Some(cells) = self.member_cells(n)
            {
                self.row(n, depth, out, cells);
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
                .unwrap_or_else(|| n.text.clone());
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
    fn row(&self, n: &OutlineNode, depth: usize, out: &mut Vec<Block>, cells: String) {
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
        let names_no_one = people.is_empty() && !self.members.contains_key(n.id.as_str());
        let kind = if names_no_one || out.last().is_some_and(|b| b.kind == BlockKind::TabbedRow) {
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

/// Outline kinds at the top level that the header fields write (issuer, unit,
/// order number, subject, preamble at the top; effective clause, date and
/// signature at the end).
fn from_header(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Issuer
            | NodeKind::Unit
            | NodeKind::OrderNumber
            | NodeKind::Subject
            | NodeKind::Rule
            | NodeKind::Preamble
            | NodeKind::Effective
            | NodeKind::Date
            | NodeKind::Signature
    )
}

/// The corrected label of an outline node in the form of its written label,
/// and the form; `None` for an unnumbered node.
fn node_label(n: &OutlineNode) -> (Option<String>, Option<LabelForm>) {
    let Some(written) = n.label.as_deref() else {
        return (None, None);
    };
    let form = crate::label::parse_label(written).map(|(l, _)| LabelForm::from(l.family));
    let label = match n.number.as_deref() {
        Some(number) => typed_label(number, written, form),
        None => written.to_string(),
    };
    (Some(label), form)
}

/// Issuer, unit, order number, subject, then the preamble after a blank line.
fn header(order: &DutyOrder, out: &mut Vec<Block>) {
    let h = &order.header;
    let start = out.len();
    match (
        non_empty(h.document.as_deref()),
        non_empty(h.issuer.as_deref()),
    ) {
        (Some(d), Some(s)) => out.push(Block::text(BlockKind::Heading, 0, format!("{d}{s}"))),
        (Some(s), None) | (None, Some(s)) => out.push(Block::text(BlockKind::Heading, 0, s)),
        (None, None) => {}
    }
    if let Some(s) = non_empty(h.unit.as_deref()) {
        out.push(Block::text(BlockKind::Heading, 0, s));
    }
    if let Some(n) = &h.order_number
        && let Some(s) = non_empty(Some(&n.text))
    {
        let s = if s.starts_with("ที่") {
            s.to_string()
        } else {
            format!("ที่ {s}")
        };
        out.push(Block::text(BlockKind::Heading, 0, s));
    }
    if let Some(s) = non_empty(h.subject.as_deref()) {
        out.push(Block::text(BlockKind::Heading, 0, format!("เรื่อง {s}")));
    }
    if let Some(s) = non_empty(h.preamble.as_deref()) {
        if out.len() > start {
            out.push(Block::blank());
        }
        // its paragraphs as the outline has them, when they make it (the
        // sentence that names a committee, `… จึงแต่งตั้งคณะกรรมการ…
        // ประกอบด้วย`, is the one before the members), else as one
        let parts: Vec<&str> = order
            .outline
            .iter()
            .filter(|n| n.kind == NodeKind::Preamble)
            .map(|n| n.text.as_str())
            .collect();
        if parts.len() > 1 && parts.join(" ") == s {
            for (k, part) in parts.into_iter().enumerate() {
                if k > 0 {
                    out.push(Block::blank());
                }
                out.push(Block::text(BlockKind::Text, 0, part));
            }
        } else {
            out.push(Block::text(BlockKind::Text, 0, s));
        }
    }
    if out.len() > start {
        out.push(Block::blank());
    }
}

/// Effective clause, date and signature, after a blank line.
fn closing(order: &DutyOrder, out: &mut Vec<Block>) {
    let h = &order.header;
    let mut tail = Vec::new();
    if let Some(s) = non_empty(h.effective.as_deref()) {
        tail.push(Block::text(BlockKind::Text, 0, s));
    }
    if let Some(d) = &h.date
        && let Some(s) = non_empty(Some(&d.text))
    {
        // an announcement is dated ประกาศ ณ, an order สั่ง ณ
        let verb = match h.document.as_deref() {
            Some(ANNOUNCEMENT_WORD) => ANNOUNCEMENT_WORD,
            _ => ORDER_DATE_WORD,
        };
        let s = if s.starts_with(ORDER_DATE_WORD) || s.starts_with(ANNOUNCEMENT_WORD) {
            s.to_string()
        } else if s.starts_with("วันที่") {
            format!("{verb} ณ {s}")
        } else {
            format!("{verb} ณ วันที่ {s}")
        };
        tail.push(Block::text(BlockKind::Text, 0, s));
    }
    if let Some(sig) = &h.signed_by {
        if let Some(name) = non_empty(sig.name.as_deref()) {
            let name = if name.starts_with('(') {
                name.to_string()
            } else {
                format!("({name})")
            };
            tail.push(Block::text(BlockKind::Heading, 0, name));
        }
        for line in &sig.position {
            if let Some(s) = non_empty(Some(line)) {
                tail.push(Block::text(BlockKind::Heading, 0, s));
            }
        }
    }
    if !tail.is_empty() {
        if out.last().is_some_and(|b| b.kind != BlockKind::Blank) {
            out.push(Block::blank());
        }
        out.extend(tail);
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
            text = node.text.clone();
        }
        for d in &inline {
            // (the words introducing the duties may hold them already)
            if !text.contains(d.title.as_str()) {
                // an unnumbered person is a table row or a name line: the duty
                // was a cell of its own
                text.push(if p.number.is_some() { ' ' } else { '\t' });
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
        if !rest.is_empty() {
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
        text: d.title.clone(),
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

/// Typed label and Word list level of a duty or step, from its
/// canonical number in the form of the label as written: dotted numbers as
/// `1.1` / `1.1.1`, `1)` as `1)`, `(1)` as `(1)`, letters and bullets as written.
fn item_label(d: &Duty) -> (String, Option<u8>) {
    let written = d.label.as_deref().unwrap_or_default();
    let Some(number) = d.number.as_deref() else {
        // a bullet: no number to correct
        let label = if written.is_empty() { "-" } else { written };
        return (label.to_string(), None);
    };
    let level = match (number.contains('.'), d.label_form) {
        (true, _) => match number.split('.').count() {
            2 => Some(1),
            3 => Some(2),
            _ => None,
        },
        (false, Some(LabelForm::ParenClose)) => Some(3),
        (false, Some(LabelForm::ParenBoth)) => Some(4),
        _ => None,
    };
    (typed_label(number, written, d.label_form), level)
}

/// A canonical `number` typed in the form of the label as written: dotted
/// numbers as `1.1` / `1.1.1` (one part: `1.`), `1)` as `1)`, `(1)` as `(1)`,
/// `ข้อ 1`, letters in their brackets, a bullet as written.
fn typed_label(number: &str, written: &str, form: Option<LabelForm>) -> String {
    if number.contains('.') {
        return number.to_string();
    }
    match form {
        Some(LabelForm::ParenClose | LabelForm::LetterClose) => format!("{number})"),
        Some(LabelForm::ParenBoth | LabelForm::LetterBoth) => format!("({number})"),
        Some(LabelForm::Clause) => format!("ข้อ {number}"),
        Some(LabelForm::Ordinal) => format!("ลำดับที่ {number}"),
        // a bullet's label is its symbol, as written
        Some(LabelForm::Bullet) => written.to_string(),
        _ => format!("{number}."),
    }
}

/// Outline nodes by their id (`n5.2`), which people and duties name.
type Nodes<'a> = HashMap<&'a str, &'a OutlineNode>;

/// Every outline node by its id.
fn outline_nodes(outline: &[OutlineNode]) -> Nodes<'_> {
    let mut map = HashMap::new();
    let mut todo: Vec<&OutlineNode> = outline.iter().collect();
    while let Some(n) = todo.pop() {
        map.insert(n.id.as_str(), n);
        todo.extend(n.children.iter());
    }
    map
}

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}
