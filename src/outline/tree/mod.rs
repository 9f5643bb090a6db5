//! Building the outline tree from lines, iteratively (no recursion: a label 5,000
//! levels deep must not overflow the stack).
//!
//! Nesting stops at [`Limits::depth`]: an item that would sit deeper is kept as
//! text of the deepest allowed item (one diagnostic per document), so the
//! order and serialisation stages, which recurse once per level, stay bounded.
//! An outline with more nodes than [`Limits::max_nodes`] is an error.
//!
//! Placement of a numbered item (Laws.Africa style): its *form* says which open
//! item can hold it. A dotted label with k parts goes under the open dotted item
//! with fewer than k parts; any other form becomes the next sibling of the open
//! item of the same form, or the first child of the innermost open item. The
//! canonical number is then the parent's number plus the item's position, and
//! every label that differs from it gets a diagnostic.

mod body;
mod header_zone;
mod join;
mod labelled;
mod name_list;
mod numbering;
mod spacing;

use super::label::{Family, Label, format_value, parse_label};
use super::line::{
    body_line_kind, ends_in_role_cell, header_line_kind, is_catchword, is_header_row,
    is_heading_chars, is_heading_length, is_page_artefact, is_title_line, join_wrapped,
    person_line, row_number_cell, starts_own_paragraph,
};
use super::{Node, NodeKind, Outline, ParaKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::Result;
use crate::limits::Limits;
use crate::read::{Line, ParaStart, Source};
use crate::thai::date::is_day_heading;
use crate::thai::lexicon::{
    ADDRESSEE_CLAUSES, ADDRESSEE_REFERENCES, ANNEX_CAPTION_LEADS, ANNEX_MARK, AS_FOLLOWS,
    BODY_WORDS, CLAUSE_OPENERS, CLOSE_QUOTE, COMMITTEE_DUTY_INTROS, COMMITTEE_WORDS, CONNECTIVES,
    DOCUMENT_WORDS, IN_ORDER, LIST_INTROS, OPEN_QUOTE, PREAMBLE_STARTS, ROLE_CLAUSE_WORDS,
    TITLE_BULLETS, starts_position, starts_with_any, title_at, whole_role,
};

/// Build the outline of a normalised source under `limits`. The source's
/// lines are consumed one by one as they enter the tree (left empty), so a
/// big file's text is not held twice.
pub fn build_with(source: &mut Source, limits: &Limits) -> Result<Outline> {
    let lines = spacing::undouble(std::mem::take(&mut source.lines));
    let next_person = next_starts_person(&lines);
    let width = wrap_width(&lines);
    build_lines(Consumed::new(lines), next_person, width, limits)
        .map_err(|(_, line)| limits.too_many_nodes(&source.path, line))
}

/// The lines in order, each given up as the tree takes it, and their array
/// too: a `Vec`'s own iterator would hold all of it (a line is ~110 bytes
/// besides its text, as much again as the text of a reference order) until
/// the last line is in, while the nodes grow beside it.
struct Consumed {
    /// The lines not yet taken, last first.
    rest: Vec<Line>,
}

/// Lines taken between two looks at whether [`Consumed::rest`] holds twice
/// what it needs (a shrink of a big array is a remap, not a copy).
const SHRINK_EVERY: usize = 1 << 14;

impl Consumed {
    fn new(mut lines: Vec<Line>) -> Self {
        lines.reverse();
        Consumed { rest: lines }
    }
}

impl Iterator for Consumed {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let line = self.rest.pop()?;
        if self.rest.len().is_multiple_of(SHRINK_EVERY)
            && self.rest.capacity() > 2 * self.rest.len()
        {
            self.rest.shrink_to_fit();
        }
        Some(line)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.rest.len(), Some(self.rest.len()))
    }
}

impl ExactSizeIterator for Consumed {}

/// The outline, or the outline so far and the line at which it passed the
/// node limit. `next_person[i]`: the first non-blank line after line `i`
/// opens a person.
fn build_lines<L: std::borrow::Borrow<Line>>(
    lines: impl IntoIterator<Item = L, IntoIter: ExactSizeIterator>,
    next_person: Vec<Next>,
    wrap_width: usize,
    limits: &Limits,
) -> std::result::Result<Outline, (Outline, u32)> {
    let lines = lines.into_iter();
    let mut b = Builder {
        max_depth: u32::try_from(limits.depth()).unwrap_or(u32::MAX),
        wrap_width,
        ..Builder::default()
    };
    for (line, next_person) in lines.zip(next_person) {
        let line = line.borrow();
        b.next_starts_person = next_person.person;
        b.next_is_role = next_person.role;
        b.next_is_seat_rest = next_person.seat_rest;
        b.next_names_person = next_person.names_person;
        b.next_list_start = next_person.list_start;
        b.next_numbered = next_person.numbered;
        b.soft_chars = next_person.soft_chars;
        b.next_is_annex_mark = next_person.annex_mark;
        b.push_line(line);
        // one line adds a bounded number of nodes: checking after each is enough
        if b.out.nodes.len() > limits.max_nodes {
            return Err((b.finish(), line.line));
        }
    }
    Ok(b.finish())
}

/// What the first non-blank line after a line is.
#[derive(Debug, Clone, Copy, Default)]
struct Next {
    /// It opens a person (a work-group heading must stand above one).
    person: bool,
    /// It is a committee role alone (`ที่ปรึกษา`): the line before is a seat.
    role: bool,
    /// It starts a list at 1 (`1)`, `(1)`, `1.`, `ก.`): the family of the list.
    list_start: Option<Family>,
    /// It is an item one level deep, at any number: the family of its list.
    numbered: Option<Family>,
    /// It starts with a titled name (`นายก ข (คณะ…)`), numbered or not, or
    /// is a table row whose first cell is a number and whose next is a name.
    names_person: bool,
    /// It is the rest of a seat and its role (`ศึกษาธิการ      กรรมการและเลขานุการ`):
    /// one gap, a role after it, and before it no name, post or role.
    seat_rest: bool,
    /// It begins with "attached at the end" (`แนบท้ายคำสั่ง…`): the line
    /// before is the first line of an annex's caption.
    annex_mark: bool,
    /// Not about the next line: the characters of the lines after this one's
    /// soft breaks in its .docx paragraph (0 for text files), so that a
    /// paragraph's length is the whole paragraph's.
    soft_chars: usize,
}

/// For each line, what the first non-blank line after it is, in one
/// backward pass.
fn next_starts_person(lines: &[Line]) -> Vec<Next> {
    let mut out = vec![Next::default(); lines.len()];
    let mut next = Next::default();
    let mut soft = 0;
    for (slot, line) in out.iter_mut().zip(lines).rev() {
        *slot = Next {
            soft_chars: soft,
            ..next
        };
        soft = match line.para_start {
            ParaStart::SoftBreak => soft + 1 + labelled::typed_chars(line),
            _ => 0,
        };
        if let Some(label) = &line.label {
            next = labelled::next_of(label, line);
        } else if !line.text.is_empty() {
            next = Next {
                person: starts_person(&line.text),
                role: whole_role(&line.text).is_some(),
                seat_rest: is_seat_rest(line),
                names_person: line
                    .text
                    .get(row_number_cell(line).unwrap_or(0)..)
                    .and_then(|t| crate::thai::names::split_name(t.trim_start()))
                    .is_some_and(|n| n.family.is_some()),
                list_start: parse_label(&line.text)
                    .filter(|(l, _)| l.values.len() == 1 && l.values.first() == Some(&1))
                    .map(|(l, _)| l.family),
                numbered: parse_label(&line.text)
                    .filter(|(l, _)| l.values.len() == 1)
                    .map(|(l, _)| l.family),
                annex_mark: line.text.starts_with(ANNEX_MARK),
                soft_chars: 0,
            };
        }
    }
    out
}

#[derive(Default)]
struct Builder {
    out: Outline,
    /// Open items, outermost first.
    stack: Vec<usize>,
    /// Numbered children per node (parallel to `out.nodes`).
    counts: Vec<u32>,
    /// Whether a node is part of the dotted chain (1 → 1.1 → 1.1.1), parallel.
    chain: Vec<bool>,
    /// Numbered top-level items so far.
    root_count: u32,
    /// The node a following unnumbered line continues.
    cont: Option<usize>,
    /// A person line whose last cell (a post) may wrap onto the next line.
    person_cont: Option<usize>,
    /// Where the last cell (after a wide gap or tab) of the node created last
    /// starts in its text: `1.21 ปลัดกระทรวง…วิทยาศาสตร์      กรรมการ`.
    last_cell: Option<(usize, usize)>,
    /// That person line holds the name only: the next line is its next cell
    /// (`น.ส.ก ข` / `ดำรงตำแหน่ง…`), joined with a space.
    person_name_only: bool,
    /// The node created last.
    last: Option<usize>,
    /// No item has been seen yet: lines belong to the header.
    in_body: bool,
    /// Running text has begun in the header.
    preamble_started: bool,
    /// Trailing whitespace of the previous line.
    prev_trailing: usize,
    /// The first non-blank line after the current one opens a person.
    next_starts_person: bool,
    /// The first non-blank line after the current one is a committee role.
    next_is_role: bool,
    /// The first non-blank line after the current one is the rest of a seat
    /// and its role.
    next_is_seat_rest: bool,
    /// The first non-blank line after the current one starts with a name.
    next_names_person: bool,
    /// The first non-blank line after the current one starts a list at 1.
    next_list_start: Option<Family>,
    /// The first non-blank line after the current one is an item one level
    /// deep: the family of its list.
    next_numbered: Option<Family>,
    /// A table's header row was read and no clause or list intro came since
    /// (the rows of its table follow): how deep the stack was at it, and
    /// whether it was a Word table's row.
    under_header_row: Option<(usize, bool)>,
    /// The line being read is a piece of a line split at a label after a
    /// wide gap (`ครูผู้ฝึกสอน ⟶ ๑. นาย…`).
    in_split_line: bool,
    /// Characters after the current line's soft breaks in its paragraph.
    soft_chars: usize,
    /// The first non-blank line after the current one begins with
    /// `แนบท้าย…`.
    next_is_annex_mark: bool,
    /// The date line (`สั่ง ณ วันที่`) has been seen: what follows is the signature.
    in_tail: bool,
    /// Width (indent + characters) of the previous line.
    prev_width: usize,
    /// 90th percentile of line widths: the width at which the document wraps.
    wrap_width: usize,
    /// Depth of each node, 1 at the top level (parallel to `out.nodes`).
    depth: Vec<u32>,
    /// Deepest an item may sit.
    max_depth: u32,
    /// An item has been kept as text for being too deep (reported once).
    too_deep: bool,
    /// A heading opened beside an earlier one ([`Builder::sibling_heading`])
    /// and the last number of the list under that one: a list under the new
    /// heading may go on counting from it (`๑.` `๒.` / `คณะกรรมการ` / `๓.`).
    counting_on: Option<(usize, u32)>,
    /// The line before the current one was blank.
    after_blank: bool,
    /// The header zone has had its subject line (`เรื่อง …`).
    subject_seen: bool,
    /// The previous line was a row of a Word table with cells: the page
    /// shows it in a grid, so the line after it is no wrap of it.
    prev_row_of_cells: bool,
}

impl Builder {
    /// The outline, with the last line of every subtree filled in.
    fn finish(mut self) -> Outline {
        // parents come before children: one backward pass carries each end up
        let mut ends: Vec<u32> = self.out.nodes.iter().map(|n| n.line_end).collect();
        for i in (0..self.out.nodes.len()).rev() {
            let end = ends.get(i).copied().unwrap_or(0);
            if let Some(p) = self.out.nodes.get(i).and_then(|n| n.parent)
                && let Some(pe) = ends.get_mut(p)
            {
                *pe = (*pe).max(end);
            }
        }
        self.out.subtree_ends = ends;
        self.out
    }

    fn push_line(&mut self, line: &Line) {
        let row_of_cells = line.table_row && !line.gaps.is_empty();
        if let Some(label) = &line.label {
            // (`๒. คณะกรรมการ… ประกอบด้วย`: a new list, the table above is done)
            if LIST_INTROS.iter().any(|w| line.text.ends_with(w)) {
                self.under_header_row = None;
            }
            self.push_labelled(label, line);
            self.prev_trailing = line.trailing;
            self.prev_width = line.indent + labelled::typed_chars(line);
            self.after_blank = false;
            self.prev_row_of_cells = row_of_cells;
            return;
        }
        // a label after a wide gap mid-line starts a new item on the same line;
        // a cell that is a bullet alone (`-` in a table row: the cell is
        // empty) starts nothing (a number alone does: `4.3.1 ⟶ สำนักงาน…`)
        let splits: Vec<usize> = line
            .gaps
            .iter()
            .copied()
            .filter(|&g| {
                let end = line.gaps.iter().copied().find(|&e| e > g);
                let cell = end.map_or(line.text.get(g..), |e| line.text.get(g..e));
                cell.and_then(parse_label).is_some_and(|(label, rest)| {
                    !(matches!(label.family, Family::Bullet(_)) && rest.trim().is_empty())
                })
            })
            .collect();
        if splits.is_empty() {
            self.push_line_inner(line);
        } else {
            let mut start = 0;
            for end in splits.into_iter().chain(std::iter::once(line.text.len())) {
                let piece = line.text.get(start..end).unwrap_or("").trim();
                if !piece.is_empty() {
                    let part = Line {
                        text: piece.to_string(),
                        indent: if start == 0 { line.indent } else { 0 },
                        trailing: 0,
                        line: line.line,
                        gaps: Vec::new(),
                        para_start: if start == 0 {
                            line.para_start
                        } else {
                            ParaStart::Unknown
                        },
                        table_row: line.table_row,
                        page: line.page,
                        ..Line::default()
                    };
                    self.in_split_line = true;
                    self.push_line_inner(&part);
                    self.in_split_line = false;
                }
                start = end;
            }
        }
        self.prev_trailing = line.trailing;
        self.prev_width = line.indent + line.text.chars().count();
        self.after_blank = line.text.is_empty();
        self.prev_row_of_cells = row_of_cells;
    }

    fn push_line_inner(&mut self, line: &Line) {
        let text = line.text.as_str();
        if text.is_empty() {
            self.cont = None;
            self.person_cont = None;
            return;
        }
        if self.try_name_list(line) {
            return;
        }
        // (`ที่ปรึกษา` / `๑. …` / `๒. …` / `คณะกรรมการ` / `๓. …`: the next group's
        // heading at the first one's indent, never the last item's wrap)
        if self.person_cont.is_none() && self.is_next_role_heading(line) {
            self.sibling_heading(line);
            return;
        }
        // `- 2 -`: a page number typed into the text; kept in the outline on
        // its own, not joined to the text around it, not an item
        let catchword = is_catchword(text);
        if catchword || is_page_artefact(text) {
            let (cont, person_cont, stack) =
                (self.cont, self.person_cont, std::mem::take(&mut self.stack));
            let (last, last_cell) = (self.last, self.last_cell);
            self.paragraph(ParaKind::PageArtefact, line, None);
            (self.cont, self.person_cont, self.stack) = (cont, person_cont, stack);
            (self.last, self.last_cell) = (last, last_cell);
            self.out.diagnostics.push(Diagnostic::new(
                crate::diagnostic::Code::PageArtefact,
                line.line,
                if catchword {
                    format!("\"{text}\" cues the next page's first words at a page foot: left out of the order")
                } else {
                    format!("\"{text}\" is a page number typed into the text: left out of the order")
                },
            ));
            return;
        }
        // a bulleted title line (`● คำสั่ง…`) is the header, not an item
        if !self.in_body && is_title_line(text, self.preamble_started) {
            self.header_text(line);
            return;
        }
        if self.header_row(line) || self.group_row(line) {
            return;
        }
        if let Some((label, rest)) = parse_label(text) {
            self.item(label, rest, line);
            return;
        }
        // a table row of people after the signature is the annex's
        // (`บัญชีรายชื่อแนบท้าย…`: `1⇥นายก ข⇥…`), not a signature line
        let annex_row = self.in_tail && row_number_cell(line).is_some();
        // (the open text stops where it cannot end: this line is its rest)
        let open_unfinished = self
            .text_of(self.cont.or(self.person_cont))
            .is_some_and(crate::outline::line::unfinished);
        if (!self.in_tail || annex_row)
            && (self.in_body || self.preamble_started)
            && !open_unfinished
        {
            if let Some(wraps) = person_line(line) {
                self.person_line(line, wraps);
                return;
            }
            // a member written role first with single spaces (`ประธานกรรมการ
            // รองศาสตราจารย์ ดร.ก ข`) where a list may start: an entry, complete
            if line.gaps.is_empty()
                && self.list_may_start()
                && crate::outline::line::is_role_then_name(text)
            {
                self.entry(line, false);
                self.person_cont = None;
                return;
            }
            // a row that labels the names in its other cells (`ห้อง ม.๑/๑ ⟶
            // นางสาวก ข ⟶ นายค ง`: who invigilates which room): an entry, complete
            if crate::outline::line::labels_names(&crate::outline::line::name_cells(
                &crate::outline::line::cells_of(&line.text, &line.gaps),
            )) {
                self.entry(line, false);
                self.person_cont = None;
                return;
            }
            // a seat and its role in cells (`อธิการบดี⇥ที่ปรึกษา`,
            // `ปลัดกระทรวงศึกษาธิการ      รองประธานกรรมการ`) where a list may
            // start: an entry, complete
            if ends_in_role_cell(line)
                && self.list_may_start()
                && (line.para_start == ParaStart::Paragraph
                    || (is_seat_row(line)
                        // (not the rest of an entry still waiting for it)
                        && (self.person_cont.is_none() || self.after_complete_entry())))
            {
                self.entry(line, false);
                self.person_cont = None;
                return;
            }
            // a seat and its role with single spaces (`อธิการบดี ที่ปรึกษา`),
            // short, right after the list intro or a complete entry: the
            // list's next entry, complete (written so by `render`, or typed
            // where the layout keeps no gaps)
            if line.gaps.is_empty()
                && is_heading_length(text)
                && last_word_is_role(text)
                && whole_role(text).is_none()
                && crate::thai::names::split_name(text).is_none()
                && (self.after_complete_entry() || self.after_list_intro())
            {
                self.entry(line, false);
                self.person_cont = None;
                return;
            }
            // a seat whose rest and role stand on the next line, after a
            // complete entry: `ผู้อำนวยการสำนักงานปลัดกระทรวง` / `ศึกษาธิการ ⟶
            // กรรมการและเลขานุการ`
            if self.next_is_seat_rest
                && line.gaps.is_empty()
                && is_heading_length(text)
                && starts_position(text)
                && whole_role(text).is_none()
                && self.list_may_start()
                && self.after_complete_entry()
            {
                // the seat's rest joins as a wrapped line (no space inside a
                // Thai word), not as a cell after a name
                self.entry(line, false);
                return;
            }
            // a seat whose role stands on the next line: `อธิการบดี` / `ที่ปรึกษา`
            if self.next_is_role
                && self.list_may_start()
                && is_heading_length(text)
                && whole_role(text).is_none()
            {
                self.entry(line, true);
                return;
            }
        }
        if let Some(written) = crate::outline::label::oversized_label(text) {
            let mut d = Diagnostic::new(
                Code::LabelOutOfRange,
                line.line,
                format!(
                    "{written} has a number past {}: kept as text, not as an item",
                    crate::outline::label::MAX_LABEL_VALUE
                ),
            );
            d.label = Some(written);
            self.out.diagnostics.push(d);
        }
        // a part heading, the effective clause and the date end the header zone
        // (and so does a table's header row after the preamble, or a Word
        // table's row of cells: the body's table begins)
        let closes_header = matches!(
            body_line_kind(text),
            Some(ParaKind::Part | ParaKind::Signed | ParaKind::Effective)
        ) || (self.preamble_started
            && (is_header_row(line) || (line.table_row && !line.gaps.is_empty())));
        if !self.in_body && !closes_header {
            self.header_text(line);
        } else {
            self.in_body = true;
            self.body_text(line);
        }
    }

    /// An unnumbered line that names a person: a paragraph of its own under
    /// the open item (it opens the body when the order has no numbered
    /// items). When its last cell may wrap, the lines after it that start
    /// nothing continue it.
    fn person_line(&mut self, line: &Line, wraps: bool) {
        let name_only =
            crate::thai::names::split_name(&line.text).is_some_and(|n| n.rest.is_empty());
        self.entry(line, name_only);
        if !wraps {
            self.person_cont = None;
        }
    }

    /// The text of node `i`, when there is one (the open item or entry).
    fn text_of(&self, i: Option<usize>) -> Option<&str> {
        i.and_then(|i| self.out.nodes.get(i))
            .map(|n| n.text.as_str())
    }

    /// The last node is an entry whose last cell is a committee role.
    fn after_complete_entry(&self) -> bool {
        self.last
            .and_then(|i| self.out.nodes.get(i))
            .is_some_and(|n| {
                n.kind == NodeKind::Paragraph(ParaKind::Entry) && last_word_is_role(&n.text)
            })
    }

    /// The open paragraph ends with a list intro (`… ประกอบด้วย`).
    fn after_list_intro(&self) -> bool {
        self.text_of(self.cont)
            .is_some_and(|t| LIST_INTROS.iter().any(|w| t.trim_end().ends_with(w)))
    }

    /// Whether a list entry may start here: no text is open, or the open
    /// paragraph ends with a list intro (`… ประกอบด้วย`) or is an entry that
    /// ends with its role (`ผู้มีอำนาจสั่งการ… กรรมการ`). A line inside a
    /// wrapped item (`(1) นายก ข` / `รองเลขาธิการ…` / `สำนัก…` / `กรรมการ`) is
    /// the item's, even when a role follows it.
    fn list_may_start(&self) -> bool {
        // a name alone waits for its next cell (`นายก ข` / `ตำแหน่ง…` / `กรรมการ`)
        if self.person_cont.is_some() && self.person_name_only {
            return false;
        }
        match self.cont.and_then(|c| self.out.nodes.get(c)) {
            None => true,
            // the list intro, or an entry of the list complete with its role
            Some(n) => {
                let t = n.text.trim_end();
                matches!(n.kind, NodeKind::Paragraph(_))
                    && (LIST_INTROS.iter().any(|w| t.ends_with(w))
                        || t.rsplit(' ')
                            .next()
                            .is_some_and(|w| whole_role(w).is_some()))
            }
        }
    }

    /// An entry of a list of people or seats ([`ParaKind::Entry`]), whose
    /// next cell (`cell_follows`: the post or role on the next line) or
    /// wrapped last cell continues it.
    pub(super) fn entry(&mut self, line: &Line, cell_follows: bool) {
        self.in_body = true;
        let parent = self.stack.last().copied();
        let i = self.paragraph(ParaKind::Entry, line, parent);
        self.cont = None;
        self.person_cont = Some(i);
        self.person_name_only = cell_follows;
    }

    /// Whether an unnumbered line is a heading over the list that starts on
    /// the next line (`ห้องสอบที่ 1 ชั้นประถมศึกษาปีที่ 1` / `1) นาย…`): short,
    /// not a role or a continuation (`และ…`), and either the list restarts
    /// (a list of that form is already open: `1) … 2) … heading 1) …`) or the
    /// line before was short, so this line cannot be its wrap.
    fn heads_a_list(&self, line: &Line) -> Option<Family> {
        let text = line.text.as_str();
        let family = self.next_list_start?;
        if self.in_tail
            || !self.heading_length(text)
            // (`ที่ปรึกษา` is a role, though it starts like `ที่…`)
            || (starts_with_any(text, CONNECTIVES).is_some() && whole_role(text).is_none())
            || crate::thai::names::split_name(text).is_some()
        {
            return None;
        }
        // `1.1` alone, its text on the next line (a table flattened to a cell
        // per line): the item's own text
        if self
            .cont
            .and_then(|c| self.out.nodes.get(c))
            .is_some_and(|n| n.kind == NodeKind::Item && n.text.is_empty())
        {
            return None;
        }
        // `กรณีที่ไม่สามารถปฏิบัติราชการได้ให้บุคคลต่อไปนี้ปฏิบัติงาน` / `แทน
        // ตามลำดับ` / `1. …`: a substitute clause goes on until it introduces
        // its list (a text from a PDF wraps it anywhere)
        if self
            .cont
            .and_then(|c| self.out.nodes.get(c))
            .is_some_and(|n| {
                n.kind == NodeKind::Paragraph(ParaKind::Substitute)
                    && !LIST_INTROS.iter().any(|w| n.text.trim_end().ends_with(w))
                    && !n.text.trim_end().ends_with(IN_ORDER)
            })
        {
            return None;
        }
        let restarts = self
            .stack
            .iter()
            .any(|&i| self.family_of(i) == Some(family));
        // a line after a soft break is in the middle of its paragraph, however
        // short the line before it
        let after_short_line = line.para_start != ParaStart::SoftBreak
            && (self.wrap_width > PARAGRAPH_PER_LINE_WIDTH
                || self.prev_width * 10 < self.wrap_width * 6);
        // `… จึงแต่งตั้งครูเวร ดังนี้` / `วันจันทร์` / `1. …`
        let after_list_intro = self.after_list_intro();
        // a role alone (`ที่ปรึกษา`, `กรรมการ`) is a member's next cell, unless
        // the list starts again under it or it follows the list's intro: then
        // it heads a group of members (`ที่ปรึกษา` / `๑. …` / `กรรมการ` / `๑. …`)
        if whole_role(text).is_some() {
            return (restarts || after_list_intro).then_some(family);
        }
        (restarts || after_short_line || after_list_intro).then_some(family)
    }

    /// A heading at the indent of an open heading (see
    /// [`Builder::is_next_role_heading`]): its sibling, whatever is open
    /// under that one; the items after it its children, their numbers
    /// restarting or not.
    fn sibling_heading(&mut self, line: &Line) {
        let mut last_number = None;
        while let Some(top) = self.stack.pop() {
            let node = self.out.nodes.get(top);
            if last_number.is_none()
                && node
                    .and_then(|n| n.label.as_ref())
                    .is_some_and(|l| l.family == Family::Dotted && l.values.len() == 1)
            {
                last_number = node.and_then(|n| n.label.as_ref()).map(Label::last_value);
            }
            let same = node.is_some_and(|n| {
                n.kind == NodeKind::Paragraph(ParaKind::Heading) && n.indent as usize == line.indent
            });
            if same {
                break;
            }
        }
        let parent = self.stack.last().copied();
        let i = self.paragraph(ParaKind::Heading, line, parent);
        self.stack.push(i);
        self.cont = None;
        self.counting_on = last_number.map(|v| (i, v));
    }

    /// A heading over a list: a sibling of the list (and of an earlier
    /// heading) it restarts, the list's items its children.
    fn heading(&mut self, line: &Line, family: Option<Family>) {
        while let Some(&top) = self.stack.last() {
            let is_heading = self
                .out
                .nodes
                .get(top)
                .is_some_and(|n| n.kind == NodeKind::Paragraph(ParaKind::Heading));
            if is_heading || (family.is_some() && self.family_of(top) == family) {
                self.stack.pop();
            } else {
                break;
            }
        }
        let parent = self.stack.last().copied();
        let i = self.paragraph(ParaKind::Heading, line, parent);
        self.stack.push(i);
        self.cont = None;
    }

    /// A new unnumbered paragraph under `parent`.
    fn paragraph(&mut self, kind: ParaKind, line: &Line, parent: Option<usize>) -> usize {
        self.add(
            NodeKind::Paragraph(kind),
            None,
            None,
            Vec::new(),
            line,
            parent,
        )
    }

    fn add(
        &mut self,
        kind: NodeKind,
        label: Option<Label>,
        number: Option<String>,
        values: Vec<u32>,
        line: &Line,
        parent: Option<usize>,
    ) -> usize {
        let (text, cells) = match &label {
            Some(_) if kind == NodeKind::Item => (String::new(), Vec::new()),
            _ => (line.text.clone(), line.gaps.clone()),
        };
        let i = self.out.nodes.len();
        self.out.nodes.push(Node {
            kind,
            label,
            number: number.map(Into::into),
            text: text.into(),
            line_start: line.line,
            line_end: line.line,
            indent: u32::try_from(line.indent).unwrap_or(u32::MAX),
            parent,
            children: Vec::new(),
            values: values.into(),
            cells: cells.into(),
            roles: Box::default(),
            role: None,
        });
        self.counts.push(0);
        self.chain.push(false);
        let depth = parent
            .and_then(|p| self.depth.get(p))
            .map_or(1, |d| d.saturating_add(1));
        self.depth.push(depth);
        match parent.and_then(|p| self.out.nodes.get_mut(p)) {
            Some(p) => p.children.push(i),
            None => self.out.roots.push(i),
        }
        self.last = Some(i);
        self.person_cont = None;
        // the last cell of the line, when the node's text is the whole line
        self.last_cell = line.gaps.last().map(|&g| (i, g));
        i
    }
}

/// Lines wider than this (90th percentile, in characters) are not wrapped at a
/// page width: the text has one paragraph per line.
const PARAGRAPH_PER_LINE_WIDTH: usize = 150;

/// The 90th percentile of the widths of non-blank lines (a .docx paragraph
/// with soft breaks counts as one line: Word wraps it whole).
fn wrap_width(lines: &[Line]) -> usize {
    let mut w: Vec<usize> = Vec::new();
    for l in lines
        .iter()
        .filter(|l| l.label.is_some() || !l.text.is_empty())
    {
        let chars = labelled::typed_chars(l);
        match (l.para_start, w.last_mut()) {
            (ParaStart::SoftBreak, Some(last)) => *last += 1 + chars,
            _ => w.push(l.indent + chars),
        }
    }
    w.sort_unstable();
    w.get(w.len() * 9 / 10).copied().unwrap_or(0)
}

/// A whole line that is a titled name in brackets: `( นายสมชาย  ใจดี )`.
fn is_bracketed_name(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return false;
    };
    let inner = inner.trim();
    title_at(inner).is_some() && inner.split(' ').count() <= 5
}

/// Whether `text` opens a clause to everyone the order names
/// (`ให้ผู้ที่ได้รับแต่งตั้ง…`, [`ADDRESSEE_CLAUSES`]): a paragraph of its own,
/// outside every list.
fn addressed_to_all(text: &str) -> bool {
    if starts_with_any(text, ADDRESSEE_CLAUSES).is_some() {
        return true;
    }
    // `ให้ครูผู้ได้รับมอบหมาย…`, `ให้ข้าราชการที่ได้รับแต่งตั้ง…`: "let the
    // <people> who were assigned / appointed", a few words after ให้
    text.strip_prefix(crate::thai::lexicon::LET_WORD)
        .map(|rest| crate::thai::find::floor_prefix(rest, MAX_ADDRESSEE_BYTES))
        .is_some_and(|head| ADDRESSEE_REFERENCES.iter().any(|w| head.contains(w)))
}

/// How far after `ให้` the words that refer back to everyone the order names
/// may stand (`ให้ครูผู้ได้รับมอบหมาย`), in bytes: about 25 Thai characters.
const MAX_ADDRESSEE_BYTES: usize = 75;

/// A line of two cells, a seat and its role, as a text file writes a table
/// row (`ปลัดกระทรวงศึกษาธิการ      รองประธานกรรมการ`): one gap, a first cell
/// short enough for a post and not itself a role.
fn is_seat_row(line: &Line) -> bool {
    let [g] = line.gaps.as_slice() else {
        return false;
    };
    line.text
        .get(..*g)
        .map(str::trim)
        .is_some_and(|c| !c.is_empty() && is_heading_length(c) && whole_role(c).is_none())
}

/// The rest of a seat and its role on the line after the seat's start
/// (`ศึกษาธิการ      กรรมการและเลขานุการ`): a seat row whose first cell starts
/// no name and no post.
fn is_seat_rest(line: &Line) -> bool {
    is_seat_row(line)
        && ends_in_role_cell(line)
        && line
            .gaps
            .first()
            .and_then(|&g| line.text.get(..g))
            .is_some_and(|c| {
                let c = c.trim();
                crate::thai::names::split_name(c).is_none() && !starts_position(c)
            })
}

/// A text that is one whole name (title, given and family name) and nothing
/// more: a post on the next line starts a new cell (`(1) นายสมคิด เชื้อคง` /
/// `รองเลขาธิการ…`), never the rest of the family name.
fn is_whole_name(text: &str) -> bool {
    crate::thai::names::split_name(text).is_some_and(|n| n.family.is_some() && n.rest.is_empty())
}

/// A line that opens a person: a top-level label followed by a personal title.
fn starts_person(text: &str) -> bool {
    parse_label(text).is_some_and(|(l, rest)| l.dotted_depth() == 1 && title_at(rest).is_some())
}

/// "4.1.2" from `[4, 1, 2]`.
pub fn join_values(values: &[u32]) -> String {
    let mut s = String::new();
    for (k, v) in values.iter().enumerate() {
        if k > 0 {
            s.push('.');
        }
        s.push_str(&v.to_string());
    }
    s
}

/// Whether a text's last word is a committee role, alone or after `เป็น` /
/// `ทำหน้าที่` (unlike [`crate::outline::line::ends_with_role`], which takes a
/// role of several words) (`… เป็นกรรมการและเลขานุการ`): a member's entry complete with
/// its role.
fn last_word_is_role(text: &str) -> bool {
    text.rsplit(' ').next().is_some_and(|w| {
        let w = starts_with_any(w, ROLE_CLAUSE_WORDS).map_or(w, |c| &w[c.len()..]);
        whole_role(w).is_some()
    })
}
