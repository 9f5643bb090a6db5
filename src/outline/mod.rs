//! The outline stage: normalised lines → a tree of items with corrected numbers.
//!
//! Depth comes from the label's form and from what is open, never from
//! indentation alone. Wrapped lines join the item they continue. Numbering
//! mistakes are corrected and each correction becomes a diagnostic.

/// The label grammar lives in the leaf [`crate::label`] (the readers use it
/// too); `outline::label` keeps its old path.
pub(crate) use crate::label;
pub mod line;
mod tree;

/// Build the outline of a normalised source under `limits` (see
/// [`tree::build_with`]). A line whose label the reader already knows
/// ([`crate::read::Line::label`]) is an item placed by that label, its text
/// never read for one; so a spreadsheet row gives the same tree as the same
/// order typed as text.
pub fn build_with(
    source: &mut crate::read::Source,
    limits: &crate::limits::Limits,
) -> crate::error::Result<Outline> {
    tree::build_with(source, limits)
}

use crate::diagnostic::Diagnostic;
use crate::label::Label;

/// What an unnumbered paragraph is, as far as structure is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    /// `เรื่อง …` (subject).
    Subject,
    /// `คำสั่ง…` (the order's title line).
    OrderTitle,
    /// `ที่ 123/2566` (order number).
    OrderNumber,
    /// A short office or unit line in the header.
    Office,
    /// A line of `-`, `_` or `=`.
    Rule,
    /// A page number typed into the text (`- 2 -`): kept on its own, read as
    /// nothing.
    PageArtefact,
    /// `กลุ่มงาน…` heading between people.
    WorkGroup,
    /// `ขั้นตอนการปฏิบัติงาน` (procedure steps heading).
    StepsHeading,
    /// `กรณีที่ไม่สามารถปฏิบัติราชการได้ให้ …` (substitute clause without a number).
    Substitute,
    /// An unnumbered entry of a list of people or seats: a line that names a
    /// person first — a titled name alone, or followed by a wide gap and a
    /// post or role (`พลเอก ก ข      รองนายกรัฐมนตรี`), a bracket (`นายก ข
    /// (คณะวิทยาศาสตร์)`) or `ดำรงตำแหน่ง…` / `เป็น…` — or a seat whose role
    /// stands alone on the next line (`อธิการบดี` / `ที่ปรึกษา`), with the lines
    /// that continue it.
    Entry,
    /// `ส่วนที่ 2` / `หมวด 1`: a part heading, never an item.
    Part,
    /// An unnumbered heading over a list whose numbering starts again under
    /// it (a room, a faculty, a club, a day of a roster): the list's items
    /// are its children.
    Heading,
    /// `ทั้งนี้ ตั้งแต่…` (effective clause) after the body.
    Effective,
    /// `สั่ง ณ วันที่ …` (date of signing).
    Signed,
    /// A line of the signature block after the date (name, position lines).
    Signature,
    /// Any other text.
    Text,
}

/// Structural kind of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A numbered (or bulleted) item.
    Item,
    /// Unnumbered text.
    Paragraph(ParaKind),
    /// An inline list of names (`1. นาง… 2. นาย…`), possibly over several lines.
    NameList,
    /// One name of a [`NodeKind::NameList`].
    Name,
}

/// A node of the outline tree (stored in an arena; see [`Outline::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// The label as written, for items and names.
    pub label: Option<Label>,
    /// Corrected canonical number ("4.1.2"; "1" for `1)`).
    pub number: Option<crate::model::Text>,
    /// Normalised text without the label, wrapped lines joined; owned while
    /// the builder grows it, shared once the order stage reads it (a duty's
    /// title and the model's node hold the same characters).
    pub text: crate::model::Text,
    /// First line (1-based).
    pub line_start: u32,
    /// Last line (1-based).
    pub line_end: u32,
    /// Indentation of the first line (a hint).
    pub indent: u32,
    /// Parent node, `None` at the top level.
    pub parent: Option<usize>,
    /// Children in order.
    pub children: Vec<usize>,
    /// Canonical number as values (dotted path, or the single sequence value).
    pub values: Box<[u32]>,
    /// Where the cells of the node's first line start in `text` (after a wide
    /// gap or a tab; byte offsets), when its text is that line: a table row
    /// or a table's header as a text file writes them.
    pub cells: Box<[usize]>,
    /// The cells of the node's line by what they hold (name, position, rank),
    /// as byte ranges of `text`, when its reader knew them (a spreadsheet's
    /// person row); empty otherwise.
    pub roles: Box<[crate::read::TableCell]>,
    /// What the order stage read the node as (a person, a duty, a committee
    /// member …), set by its sub-stages ([`Outline::set_role`]); `None` for a
    /// node it left to its shape.
    pub role: Option<crate::model::NodeKind>,
}

/// The document as a tree plus what was noticed while building it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// All nodes; parents before children.
    pub nodes: Vec<Node>,
    /// Top-level nodes in order.
    pub roots: Vec<usize>,
    /// Corrections and oddities, in line order.
    pub diagnostics: Vec<Diagnostic>,
    /// Last line covered by each node and its descendants (parallel to
    /// `nodes`; filled by the builder so that asking for every duty's end is
    /// linear, not once per ancestor).
    pub subtree_ends: Vec<u32>,
    /// The model id of each node (`n3.2`: its position among its siblings at
    /// every level), parallel to `nodes`; empty until [`Outline::assign_ids`].
    /// The order stage gives them to the people, duties and members it reads,
    /// so that the model says which node each came from.
    /// (A boxed slice: it is never grown, and the outline stays small.)
    pub ids: Box<[crate::model::Text]>,
}

impl Outline {
    /// The siblings before node `i`, nearest first.
    pub fn siblings_before(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let n = self.node(i);
        let list: &[usize] = match n.and_then(|n| n.parent).and_then(|p| self.node(p)) {
            Some(p) => &p.children,
            None if n.is_some() => &self.roots,
            None => &[],
        };
        let at = list.iter().position(|&s| s == i).unwrap_or(0);
        list.get(..at).unwrap_or(&[]).iter().rev().copied()
    }

    /// The node at `i`. Panics never: indices come from this outline.
    pub fn node(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i)
    }

    /// The numbered items directly under node `i`, in order.
    pub fn item_children(&self, i: usize) -> Vec<usize> {
        self.node(i).map_or_else(Vec::new, |n| {
            n.children
                .iter()
                .copied()
                .filter(|&c| self.node(c).is_some_and(|c| c.kind == NodeKind::Item))
                .collect()
        })
    }

    /// Give every node its model id (see [`Outline::ids`]), top-down with an
    /// explicit stack (no recursion: depth costs nothing).
    pub fn assign_ids(&mut self) {
        let mut ids = vec![String::new(); self.nodes.len()];
        let mut todo: Vec<usize> = Vec::new();
        for (k, &r) in self.roots.iter().enumerate() {
            if let Some(slot) = ids.get_mut(r) {
                *slot = format!("n{}", k + 1);
                todo.push(r);
            }
        }
        while let Some(i) = todo.pop() {
            let Some(n) = self.nodes.get(i) else { continue };
            // the parent's id lent out while its children's are written
            let parent = ids.get_mut(i).map(std::mem::take).unwrap_or_default();
            for (k, &c) in n.children.iter().enumerate() {
                if let Some(slot) = ids.get_mut(c) {
                    *slot = format!("{parent}.{}", k + 1);
                    todo.push(c);
                }
            }
            if let Some(slot) = ids.get_mut(i) {
                *slot = parent;
            }
        }
        // shared: the people, duties and members read from a node hold its
        // id too
        self.ids = ids
            .into_iter()
            .map(|id| {
                let mut id = crate::model::Text::from(id);
                id.share();
                id
            })
            .collect();
    }

    /// Say what node `i` is, as read by the order stage (a later reading of
    /// the same node wins).
    pub fn set_role(&mut self, i: usize, role: crate::model::NodeKind) {
        if let Some(n) = self.nodes.get_mut(i) {
            n.role = Some(role);
        }
    }

    /// [`Outline::set_role`] for each (node, role), in order.
    pub fn set_roles(&mut self, roles: &[(usize, crate::model::NodeKind)]) {
        for &(i, role) in roles {
            self.set_role(i, role);
        }
    }

    /// The model id of node `i` (see [`Outline::ids`]).
    pub fn id(&self, i: usize) -> Option<crate::model::Text> {
        self.ids.get(i).filter(|s| !s.is_empty()).cloned()
    }

    /// Last line covered by `i` and all its descendants.
    pub fn subtree_end(&self, i: usize) -> u32 {
        if let Some(&end) = self.subtree_ends.get(i) {
            return end;
        }
        // an outline built by hand, without the precomputed ends
        let mut end = 0;
        let mut todo = vec![i];
        while let Some(j) = todo.pop() {
            if let Some(n) = self.nodes.get(j) {
                end = end.max(n.line_end);
                todo.extend(n.children.iter().copied());
            }
        }
        end
    }
}
