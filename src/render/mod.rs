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
//! What is written: the header (issuer, unit, `ที่ …`, `เรื่อง …`, the preamble's
//! paragraphs), each work-group heading before the first person of its group,
//! each person (`N. name ตำแหน่ง position rank role` and the words that
//! introduce their duties), their duties, the `ขั้นตอนการปฏิบัติงาน` heading
//! where the source had one, steps and sub-steps with their **corrected**
//! numbers, any other line under the person in its place, the substitute
//! clause with its list of names; a table row (`OutlineNode::cells`) as its
//! cells — a tab between them in .txt, a row of a Word table in .docx — with
//! every person it names; then the effective clause, date and signature when
//! the order has them. Parsing the output again gives the same people,
//! duties, steps, substitutes, committees and members (`tests/it/round_trip.rs`).
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
mod walk;

use std::collections::HashMap;

pub use docx::{render_docx, render_docx_with};
pub use html::{render_html, render_html_in};
pub use md::{render_md, render_md_in};
pub use table::{Sheet, Sheets};
pub use table::{UTF8_BOM, XLSX_COLUMN_WIDTH, XLSX_FONT, XLSX_FONT_SIZE};
pub use txt::render_txt;
use walk::Walk;

use crate::model::{Duty, DutyOrder, LabelForm, NodeKind, OutlineNode};
use crate::thai::lexicon::{ANNOUNCEMENT_WORD, LIST_INTROS};

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
    /// writes them so, a .docx as a row of a Word table, which kamsang
    /// reads as the same rows typed with tabs, a header row over them too),
    /// after the corrected label when the row has one.
    Row,
    /// A committee member's row that starts with its number (`๑⇥นายก ข⇥
    /// หน่วยงาน⇥ประธานกรรมการ`), and the header row over such rows: written
    /// as a line whose cells a tab parts in every format, a .docx too.
    /// (kamsang's .docx reader reads a Word table of members by its
    /// columns, the ลำดับ cell as the member's label `1.`, which the same
    /// rows in a .txt do not get, so a Word table would read back with
    /// numbered items the order does not have.)
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
/// and signature; then what followed the signature (an annex).
pub(crate) fn layout(order: &DutyOrder) -> Vec<Block> {
    let mut out = Vec::new();
    header(order, &mut out);

    let walk = Walk::new(order);
    let body = out.len();
    // what follows the signature (an annex: `บัญชีรายชื่อ… แนบท้ายคำสั่ง…` and
    // its table) is written after it again
    let annex_at = order
        .outline
        .iter()
        .rposition(|n| n.kind == NodeKind::Signature)
        .map_or(order.outline.len(), |i| i + 1);
    let (main, annex) = order.outline.split_at(annex_at);
    walk.nodes_at(main, 0, true, &mut out);
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
    if annex
        .iter()
        .any(|n| !from_header(n.kind) && n.kind != NodeKind::PageArtefact)
    {
        out.push(Block::blank());
        walk.nodes_at(annex, 0, true, &mut out);
    }
    while out.last().is_some_and(|b| b.kind == BlockKind::Blank) {
        out.pop();
    }
    out
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
        let parts: Vec<&OutlineNode> = order
            .outline
            .iter()
            .filter(|n| n.kind == NodeKind::Preamble)
            .collect();
        let joined = parts
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if parts.len() > 1 && joined == s {
            for (k, part) in parts.iter().enumerate() {
                // a blank line where the order had one: a paragraph that
                // went on to the next line (`… มีประสิทธิภาพ` / `จึงแต่งตั้ง
                // คณะทำงาน ประกอบด้วย`) is one paragraph again
                let apart = k > 0
                    && parts
                        .get(k - 1)
                        .is_some_and(|before| part.line_start > before.line_end + 1);
                if apart {
                    out.push(Block::blank());
                }
                out.push(Block::text(BlockKind::Text, 0, part.text.as_str()));
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
