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

mod labelled;
mod name_list;

use super::label::{Family, Label, format_value, parse_label};
use super::line::{
    body_line_kind, ends_in_role_cell, header_line_kind, is_header_row, is_heading_chars,
    is_heading_length, is_page_artefact, is_title_line, join_wrapped, person_line, row_number_cell,
    starts_own_paragraph,
};
use super::{Node, NodeKind, Outline, ParaKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::Result;
use crate::limits::Limits;
use crate::read::{Line, ParaStart, Source};
use crate::thai::date::is_day_heading;
use crate::thai::lexicon::{
    ADDRESSEE_CLAUSES, AS_FOLLOWS, BODY_WORDS, CLAUSE_OPENERS, COMMITTEE_DUTY_INTROS,
    COMMITTEE_WORDS, CONNECTIVES, DOCUMENT_WORDS, LIST_INTROS, PREAMBLE_STARTS, ROLE_CLAUSE_WORDS,
    TITLE_BULLETS, starts_position, starts_with_any, title_at, whole_role,
};

/// Build the outline of a normalised source under `limits`. The source's
/// lines are consumed one by one as they enter the tree (left empty), so a
/// big file's text is not held twice.
pub fn build_with(source: &mut Source, limits: &Limits) -> Result<Outline> {
    let lines = std::mem::take(&mut source.lines);
    let next_person = next_starts_person(&lines);
    let width = wrap_width(&lines);
    build_lines(lines, next_person, width, limits)
        .map_err(|(_, line)| limits.too_many_nodes(&source.path, line))
}

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
        b.soft_chars = next_person.soft_chars;
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
    /// It starts with a titled name (`นายก ข (คณะ…)`), numbered or not, or
    /// is a table row whose first cell is a number and whose next is a name.
    names_person: bool,
    /// It is the rest of a seat and its role (`ศึกษาธิการ      กรรมการและเลขานุการ`):
    /// one gap, a role after it, and before it no name, post or role.
    seat_rest: bool,
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
    /// Characters after the current line's soft breaks in its paragraph.
    soft_chars: usize,
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
                    self.push_line_inner(&part);
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
        if is_page_artefact(text) {
            let (cont, person_cont, stack) =
                (self.cont, self.person_cont, std::mem::take(&mut self.stack));
            let (last, last_cell) = (self.last, self.last_cell);
            self.paragraph(ParaKind::PageArtefact, line, None);
            (self.cont, self.person_cont, self.stack) = (cont, person_cont, stack);
            (self.last, self.last_cell) = (last, last_cell);
            self.out.diagnostics.push(Diagnostic::new(
                crate::diagnostic::Code::PageArtefact,
                line.line,
                format!("\"{text}\" is a page number typed into the text: left out of the order"),
            ));
            return;
        }
        // a bulleted title line (`● คำสั่ง…`) is the header, not an item
        if !self.in_body && is_title_line(text, self.preamble_started) {
            self.header_text(line);
            return;
        }
        if let Some((label, rest)) = parse_label(text) {
            self.item(label, rest, line);
            return;
        }
        // a table row of people after the signature is the annex's
        // (`บัญชีรายชื่อแนบท้าย…`: `1⇥นายก ข⇥…`), not a signature line
        let annex_row = self.in_tail && row_number_cell(line).is_some();
        if (!self.in_tail || annex_row) && (self.in_body || self.preamble_started) {
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

    fn header_text(&mut self, line: &Line) {
        let text = line.text.as_str();
        // `วันจันทร์` / `1. นาย…`: the first list of the body, under a heading
        if self.preamble_started
            && let Some(family) = self.heads_a_list(line)
        {
            self.in_body = true;
            self.heading(line, Some(family));
            return;
        }
        // `… จึงแต่งตั้งคณะกรรมการ… ประกอบด้วย` / `ที่ปรึกษา` / `ผู้ว่าราชการจังหวัด`: a
        // role alone after the list's intro heads a group of members, however
        // the members under it are written; so does a roster's day
        // (`วันที่ ๑๓ เมษายน ๒๕๖๗` / `นายก ข   หัวหน้าเวร`)
        if self.preamble_started && (self.role_after_list_intro(text) || is_day_heading(text)) {
            self.in_body = true;
            self.heading(line, None);
            return;
        }
        let mut kind = header_line_kind(text, self.preamble_started);
        // `ประกาศ` alone on the title line: the subject follows without เรื่อง
        if kind.is_none() && self.after_bare_title() && is_heading_length(text) {
            kind = Some(ParaKind::Subject);
        }
        match kind {
            Some(kind) => {
                let i = self.paragraph(kind, line, None);
                self.cont = (kind == ParaKind::Subject).then_some(i);
            }
            None => {
                // `… ดังนี้` / `องค์การบริหาร องค์การนิสิต` / `นายก ข (คณะ…)`: a
                // short line between a list intro and a name heads the names,
                // never the intro's rest
                let heads_names = self.next_names_person
                    && is_heading_length(text)
                    && crate::thai::names::split_name(text).is_none()
                    && self
                        .cont
                        .and_then(|c| self.out.nodes.get(c))
                        .is_some_and(|n| {
                            LIST_INTROS.iter().any(|w| n.text.trim_end().ends_with(w))
                        });
                // where each line is a paragraph, a clause (`ในกรณีที่…`, `ให้…`)
                // opens a paragraph of the preamble too
                let clause_paragraph = self.wrap_width > PARAGRAPH_PER_LINE_WIDTH
                    && line.para_start != ParaStart::SoftBreak
                    && starts_with_any(text, CLAUSE_OPENERS).is_some();
                // a line of cells after a list intro (`… ดังนี้` / `ชั้น ⟶
                // ครูที่ปรึกษา`): a table's first row, never the intro's rest
                let row_after_intro = !line.gaps.is_empty()
                    && self
                        .cont
                        .and_then(|c| self.out.nodes.get(c))
                        .is_some_and(|n| {
                            LIST_INTROS.iter().any(|w| n.text.trim_end().ends_with(w))
                        });
                // `… โดยเรียงตามลำดับคะแนน ดังนี้` / `ตำแหน่ง ผู้ช่วยนักวิชาการ…`:
                // a clause that ends with "as follows" is finished
                let after_as_follows = self
                    .cont
                    .and_then(|c| self.out.nodes.get(c))
                    .is_some_and(|n| n.text.trim_end().ends_with(AS_FOLLOWS));
                // `… นางจันทร์เพ็ญ ทองดี … เป็นกรรมการและเลขานุการ` / `ให้คณะกรรมการ
                // มีหน้าที่ …`: after the last member's role, a clause of its own
                let clause_after_role = starts_with_any(text, CLAUSE_OPENERS).is_some()
                    && self.text_of(self.cont).is_some_and(ends_with_role);
                let starts = heads_names
                    || row_after_intro
                    || after_as_follows
                    || clause_after_role
                    || self.row_of_its_own(line)
                    || clause_paragraph
                    || starts_with_any(text, PREAMBLE_STARTS).is_some()
                    || starts_own_paragraph(line, self.text_of(self.cont))
                    || self.cont.is_some_and(|c| !self.continues_subject(c, text));
                match self.cont {
                    Some(c) if !starts => self.join(c, line),
                    _ => {
                        let i = self.paragraph(ParaKind::Text, line, None);
                        self.preamble_started = true;
                        self.cont = Some(i);
                    }
                }
            }
        }
    }

    /// Whether `text` is a committee role alone (`ที่ปรึกษา`, `คณะกรรมการ`)
    /// right after the open paragraph's list intro (`… ประกอบด้วย`).
    fn role_after_list_intro(&self, text: &str) -> bool {
        whole_role(text).is_some()
            && self
                .cont
                .and_then(|c| self.out.nodes.get(c))
                .is_some_and(|n| LIST_INTROS.iter().any(|w| n.text.trim_end().ends_with(w)))
    }

    /// Whether `line` is a role alone written like an open role heading: at
    /// its indent, not right of the open member line (see the caller).
    fn is_next_role_heading(&self, line: &Line) -> bool {
        let open_indent = self
            .person_cont
            .or(self.last)
            .and_then(|c| self.out.nodes.get(c))
            .map(|n| n.indent);
        let heads_group = |t: &str| whole_role(t).is_some() || COMMITTEE_WORDS.contains(&t);
        // (left of the member lines, or level with them where the layout
        // keeps no indents: a .docx of paragraphs)
        heads_group(&line.text)
            && open_indent.is_some_and(|m| line.indent <= m)
            && self.stack.iter().any(|&h| {
                self.out.nodes.get(h).is_some_and(|n| {
                    n.kind == NodeKind::Paragraph(ParaKind::Heading)
                        && n.indent == line.indent
                        && heads_group(&n.text)
                })
            })
    }

    /// The last node is a title line holding only the document word (`ประกาศ`).
    fn after_bare_title(&self) -> bool {
        self.last
            .and_then(|i| self.out.nodes.get(i))
            .is_some_and(|n| {
                n.kind == NodeKind::Paragraph(ParaKind::OrderTitle)
                    && DOCUMENT_WORDS.contains(&n.text.trim_matches(TITLE_BULLETS))
            })
    }

    /// Whether `text` goes on with the open header paragraph `c`: anything
    /// goes on with the preamble; a subject is a heading, so its wrapped lines
    /// are heading-length or start with a connective (`และ…`), and a long line
    /// after it is the first paragraph of the body.
    fn continues_subject(&self, c: usize, text: &str) -> bool {
        let subject = self
            .out
            .nodes
            .get(c)
            .is_some_and(|n| n.kind == NodeKind::Paragraph(ParaKind::Subject));
        !subject || self.heading_length(text) || starts_with_any(text, CONNECTIVES).is_some()
    }

    /// Whether the paragraph that `text` begins is short enough for a
    /// heading: with the lines after its soft breaks in a .docx.
    fn heading_length(&self, text: &str) -> bool {
        is_heading_length(text)
            && (self.soft_chars == 0 || is_heading_chars(text.chars().count() + self.soft_chars))
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
                n.kind == NodeKind::Paragraph(ParaKind::Entry) && ends_with_role(&n.text)
            })
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
    fn entry(&mut self, line: &Line, cell_follows: bool) {
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
        let after_list_intro = self
            .cont
            .and_then(|c| self.out.nodes.get(c))
            .is_some_and(|n| LIST_INTROS.iter().any(|w| n.text.trim_end().ends_with(w)));
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
                n.kind == NodeKind::Paragraph(ParaKind::Heading) && n.indent == line.indent
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

    fn body_text(&mut self, line: &Line) {
        // a table's header row (`ชื่อ - สกุล ⟶ ตำแหน่ง ⟶ หน้าที่`) is a line of
        // its own: never the rest of the heading above, never joined by the
        // row below
        if !self.in_tail && is_header_row(line) {
            self.person_cont = None;
            self.person_name_only = false;
            let parent = self.stack.last().copied();
            self.paragraph(ParaKind::Text, line, parent);
            self.cont = None;
            return;
        }
        let mut kind = body_line_kind(&line.text);
        // a roster's day (`วันที่ ๑๔ เมษายน ๒๕๖๗`) heads the people after it,
        // never the wrapped rest of the entry before it
        if kind.is_none() && !self.in_tail && is_day_heading(&line.text) {
            self.person_cont = None;
            self.person_name_only = false;
            // (over a numbered list: the list before it closes)
            self.heading(line, self.next_list_start);
            return;
        }
        if kind.is_none()
            && self.person_cont.is_none()
            && let Some(family) = self.heads_a_list(line)
        {
            self.heading(line, Some(family));
            return;
        }
        // a work group (`ฝ่ายบริหารงานทั่วไป`) over a list that starts again
        // at 1 is a heading like the first group's: its people are its
        // children, never siblings of the list before
        if kind == Some(ParaKind::WorkGroup)
            && self.person_cont.is_none()
            && let Some(family) = self.next_list_start
            && self
                .stack
                .iter()
                .any(|&i| self.family_of(i) == Some(family))
        {
            self.heading(line, Some(family));
            return;
        }
        // `ประธานกรรมการ` / members / `กรรมการ` / members: a role alone at the
        // indent of an earlier role heading, left of the member lines, heads
        // the members after it too (never the last member's role)
        if kind.is_none() && self.person_cont.is_some() && self.is_next_role_heading(line) {
            self.person_cont = None;
            self.person_name_only = false;
            self.sibling_heading(line);
            return;
        }
        // `มีหน้าที่ …` after a person's or member's line: the duties of the
        // list, never the rest of that line
        // (`ให้คณะกรรมการมีอำนาจหน้าที่ …` after an entry complete with its
        // role: a clause of its own)
        if starts_own_paragraph(line, self.text_of(self.person_cont))
            || (self.person_cont.is_some()
                && (starts_with_any(&line.text, COMMITTEE_DUTY_INTROS).is_some()
                    || addressed_to_all(&line.text)))
            || (self.person_cont.is_some()
                && (self.after_complete_entry() || self.person_cont_is_row())
                && starts_with_any(&line.text, CLAUSE_OPENERS).is_some())
        {
            self.person_cont = None;
            self.person_name_only = false;
        }
        if kind.is_none()
            && let Some(c) = self.person_cont
        {
            // `พลเอก ก ข      รัฐมนตรีว่าการกระทรวงการพัฒนาสังคม` / `และความมั่นคงของมนุษย์`
            if std::mem::take(&mut self.person_name_only) {
                if let Some(n) = self.out.nodes.get_mut(c) {
                    join_wrapped(&mut n.text, &line.text, true);
                    n.line_end = line.line;
                }
            } else {
                self.join(c, line);
            }
            // a role completes the entry
            if whole_role(&line.text).is_some() {
                self.person_cont = None;
            }
            return;
        }
        // a work-group heading stands above a person; otherwise it is a wrapped
        // line that happens to start with กลุ่ม…
        if kind == Some(ParaKind::WorkGroup) && !self.next_starts_person {
            kind = None;
        }
        if kind.is_none() && !self.in_tail && is_bracketed_name(&line.text) {
            // `( นายสมชาย ใจดี )` on its own line: a signature, even before the date
            self.in_tail = true;
        }
        // a table row (a caption row of one merged cell too), a line of
        // three or more table cells (`ชื่อนิสิต⇥ผลงาน⇥…`) or an annex's
        // caption (`บัญชีรายชื่อ… แนบท้ายคำสั่ง…`) is no signature line: an
        // annex begins
        let table_row = line.table_row
            || line.gaps.len() >= 2
            || crate::thai::lexicon::annex_caption(&line.text).is_some();
        if self.in_tail && kind.is_none() && !table_row {
            // after the date or the signer's name: each line stands alone
            kind = Some(ParaKind::Signature);
        } else if self.in_tail && kind.is_none() {
            self.in_tail = false;
            self.cont = None;
        }
        match kind {
            Some(
                k @ (ParaKind::WorkGroup | ParaKind::Part | ParaKind::Signed | ParaKind::Signature),
            ) => {
                self.stack.clear();
                self.paragraph(k, line, None);
                self.cont = None;
                self.in_tail |= k == ParaKind::Signed;
            }
            Some(ParaKind::Effective) => {
                self.stack.clear();
                let i = self.paragraph(ParaKind::Effective, line, None);
                self.cont = Some(i);
            }
            Some(ParaKind::Substitute) => {
                // closes the duties of the person it belongs to
                self.stack.truncate(1);
                let parent = self.stack.last().copied();
                let i = self.paragraph(ParaKind::Substitute, line, parent);
                self.cont = Some(i);
            }
            Some(k) => {
                let parent = self.stack.last().copied();
                self.paragraph(k, line, parent);
                self.cont = None;
            }
            // a new paragraph closes the innermost open list item
            None if self.cont.is_some() && self.ends_paragraph(line) => {
                if addressed_to_all(&line.text) {
                    // to everyone the lists name: outside them all
                    self.stack.clear();
                } else if self.stack.len() > 1 {
                    self.stack.pop();
                }
                let parent = self.stack.last().copied();
                let i = self.paragraph(ParaKind::Text, line, parent);
                self.cont = Some(i);
            }
            None => match self.cont {
                Some(c) => self.join(c, line),
                None => {
                    // a clause to everyone the lists name stands outside them
                    if addressed_to_all(&line.text) {
                        self.stack.clear();
                    } else if self.stack.len() > 1 && self.closes_item_after_blank(line) {
                        self.stack.pop();
                    }
                    let parent = self.stack.last().copied();
                    let i = self.paragraph(ParaKind::Text, line, parent);
                    self.cont = Some(i);
                }
            },
        }
    }

    /// Whether the open person line is a table row of three or more cells
    /// (`นายก ข ⟶ นางค ง ⟶ …`): a clause after it (`ให้ครูเวร…`) is a
    /// paragraph of its own, never the wrapped rest of its last cell.
    fn person_cont_is_row(&self) -> bool {
        self.person_cont
            .and_then(|c| self.out.nodes.get(c))
            .is_some_and(|n| n.cells.len() >= 2)
    }

    /// Whether a line of cells under a line of cells is a row of its own: a
    /// titled whole name after its first cell (`ชั้น ⟶ ครูประจำชั้น` / `ม.๑/๑
    /// ⟶ นางสาวก ข …`) starts a row, never the wrapped rest of the row above.
    fn row_of_its_own(&self, line: &Line) -> bool {
        !line.gaps.is_empty()
            && self
                .cont
                .and_then(|c| self.out.nodes.get(c))
                .is_some_and(|n| !n.cells.is_empty())
            && crate::outline::line::cells_of(&line.text, &line.gaps)
                .iter()
                .skip(1)
                .any(|c| crate::thai::names::split_name(c).is_some_and(|n| n.family.is_some()))
    }

    /// Whether an unnumbered line starts a new paragraph instead of continuing
    /// the text before it. In a wrapped layout (lines no wider than a page,
    /// [`PARAGRAPH_PER_LINE_WIDTH`]) a line continues unless the line before
    /// was short and this one opens a clause (ให้…, กรณี…). In a layout of one
    /// paragraph per line (web text, Word paragraphs) a line is a new paragraph
    /// unless it starts with a connective (ที่…, และ…, ซึ่ง…) that is not a
    /// clause opener (ในกรณี… starts with ใน but opens a clause).
    fn ends_paragraph(&self, line: &Line) -> bool {
        // `คณะกรรมการฝ่ายสนาม` over the names of its members: a heading
        if self.next_names_person
            && is_heading_length(&line.text)
            && starts_with_any(&line.text, BODY_WORDS).is_some()
        {
            return true;
        }
        let text = line.text.as_str();
        // a .docx paragraph that starts a name, role, seat or body; a clause
        // to all the order names (`ให้ผู้ที่ได้รับแต่งตั้ง…`)
        if starts_own_paragraph(line, self.text_of(self.cont))
            || addressed_to_all(text)
            || is_header_row(line)
        {
            return true;
        }
        // the line after a Word table's row of cells: the row is never
        // wrapped onto it (`๑ ⟶ ภาษาไทย ⟶ …` / `๒ ⟶ คณิตศาสตร์ ⟶ …`, or the
        // clause after the table). (A row after running text may be its
        // rest: a wrapped .txt pasted into a table puts a member's post and
        // role in a row under the name.)
        if self.prev_row_of_cells {
            return true;
        }
        if self.row_of_its_own(line) {
            return true;
        }
        // … and a row of cells after a list intro (`… ดังนี้` / `ชั้น ⟶
        // ครูประจำชั้น`) is the table's first row, never the intro's rest
        if line.table_row
            && !line.gaps.is_empty()
            && self
                .text_of(self.cont)
                .is_some_and(|t| LIST_INTROS.iter().any(|w| t.trim_end().ends_with(w)))
        {
            return true;
        }
        // `1.3 นางสาวมาลี รักเรียน … กรรมการและเลขานุการ` / `มีหน้าที่ …`: the
        // committee's duties after its last member, never the member's text
        let member_done = self
            .cont
            .and_then(|c| self.out.nodes.get(c))
            .is_some_and(|n| {
                is_whole_name(&n.text)
                    || n.text
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| whole_role(w).is_some())
            });
        // (and so is a clause after it: `ให้คณะกรรมการมีหน้าที่ …`)
        if member_done
            && (starts_with_any(text, COMMITTEE_DUTY_INTROS).is_some()
                || starts_with_any(text, CLAUSE_OPENERS).is_some())
        {
            return true;
        }
        // a row of cells (`2. เด็กชายก ข ชั้น…   นักเรียนแกนนำ`) is no prose
        // that wraps: a clause or a long line after it is a paragraph
        let row = self.last_cell.is_some_and(|(n, _)| Some(n) == self.cont);
        if row && (starts_with_any(text, CLAUSE_OPENERS).is_some() || !is_heading_length(text)) {
            return true;
        }
        // after a soft break the writer typed inside a .docx paragraph, the
        // rule of wrapped text: the break may fall mid-sentence
        if self.wrap_width > PARAGRAPH_PER_LINE_WIDTH && line.para_start != ParaStart::SoftBreak {
            starts_with_any(text, CLAUSE_OPENERS).is_some()
                || starts_with_any(text, CONNECTIVES).is_none()
        } else {
            self.prev_width * 10 < self.wrap_width * 6
                && starts_with_any(text, CLAUSE_OPENERS).is_some()
        }
    }

    /// Whether an unnumbered paragraph after a blank line stands outside the
    /// innermost open item: written no further right than the item's own
    /// label, it is the next paragraph beside the item, as a paragraph that
    /// ends the item's text without a blank line is; right of the label, it
    /// is the item's own (a quoted clause under `1.2 ให้เพิ่มความต่อไปนี้`).
    fn closes_item_after_blank(&self, line: &Line) -> bool {
        self.after_blank
            && self
                .stack
                .last()
                .and_then(|&i| self.out.nodes.get(i))
                .is_some_and(|n| n.kind == NodeKind::Item && line.indent <= n.indent)
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

    /// Join a wrapped line onto a node whose line ended in a cell (`seat
    /// ⟶ role`): a line with a cell of its own continues both
    /// (`สำนักงานปลัด… ⟶ ผู้ช่วยเลขานุการ`); a line without one continues the
    /// last cell when that cell is an unfinished role (`กรรมการและ`) or the
    /// line is a role, and the cell before it when the last cell is a whole
    /// role (`กรรมการ` + `วิจัยและนวัตกรรม`, the rest of the seat). False when
    /// the node has no cells: join as usual.
    fn join_cells(&mut self, i: usize, line: &Line) -> bool {
        let Some((node, at)) = self.last_cell else {
            return false;
        };
        if node != i {
            return false;
        }
        let Some(n) = self.out.nodes.get(i) else {
            return false;
        };
        let (Some(head), Some(last)) = (n.text.get(..at), n.text.get(at..)) else {
            return false;
        };
        let (mut head, mut last) = (head.trim_end().to_string(), last.trim().to_string());
        let unfinished = last.ends_with("และ") || last.ends_with('/');
        match line.gaps.as_slice() {
            [g] => {
                let (a, b) = line.text.split_at((*g).min(line.text.len()));
                join_wrapped(&mut head, a.trim(), false);
                join_wrapped(&mut last, b.trim(), !unfinished);
            }
            [] if unfinished || whole_role(&line.text).is_some() => {
                join_wrapped(&mut last, &line.text, !unfinished);
            }
            // the rest of a seat is short and opens no clause (`ในกรณีที่…`)
            // and no duties (`มีหน้าที่ …`)
            [] if whole_role(&last).is_some()
                && is_heading_length(&line.text)
                && starts_with_any(&line.text, CLAUSE_OPENERS).is_none()
                && starts_with_any(&line.text, COMMITTEE_DUTY_INTROS).is_none() =>
            {
                join_wrapped(&mut head, &line.text, false)
            }
            _ => return false,
        }
        let cell = head.len() + 1;
        if let Some(n) = self.out.nodes.get_mut(i) {
            n.text = format!("{head} {last}");
            n.line_end = line.line;
        }
        self.last_cell = Some((i, cell));
        true
    }

    fn join(&mut self, i: usize, line: &Line) {
        if self.join_cells(i, line) {
            return;
        }
        // a committee role on a line of its own is the next cell of a member
        // (`(1) นางมนพร เจริญศรี` / `ที่ปรึกษา/กรรมการ`), never a broken word
        // a .docx paragraph boundary is a word boundary (Word wraps lines
        // itself; the lines of a text file in a .docx are not marked)
        let word_boundary = line.para_start == ParaStart::Paragraph;
        // whitespace typed before a soft break is a space, never padding
        let before_soft_break = line.para_start == ParaStart::SoftBreak && self.prev_trailing > 0;
        let typed_space = self.prev_trailing == 1
            || word_boundary
            || before_soft_break
            // after a line that is a whole name, its post: a line that starts
            // like one, or one that ends in the member's role cell
            // (`๑. นายแพทย์ปรีชา วงศ์ไทย` / `รองนายแพทย์สาธารณสุข… ⟶ ประธานกรรมการ`)
            || ((starts_position(&line.text) || ends_in_role_cell(line))
                && self
                    .out
                    .nodes
                    .get(i)
                    .is_some_and(|n| is_whole_name(&n.text)))
            || (whole_role(&line.text).is_some()
                && self.out.nodes.get(i).is_some_and(|n| {
                    // `กรรมการและ` / `ผู้ช่วยเลขานุการ` is one role, broken
                    !n.text.ends_with("และ") && !n.text.ends_with('/')
                }));
        if let Some(n) = self.out.nodes.get_mut(i) {
            join_wrapped(&mut n.text, &line.text, typed_space);
            n.line_end = line.line;
        }
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
            number,
            text,
            line_start: line.line,
            line_end: line.line,
            indent: line.indent,
            parent,
            children: Vec::new(),
            values,
            cells,
            roles: Vec::new(),
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

    /// Numbered children of `parent` so far, plus one.
    fn next_seq(&mut self, parent: Option<usize>) -> u32 {
        let slot = match parent {
            Some(p) => self.counts.get_mut(p),
            None => Some(&mut self.root_count),
        };
        match slot {
            Some(c) => {
                *c = c.saturating_add(1);
                *c
            }
            None => 1,
        }
    }

    /// The written last value of the previous numbered sibling of the same family.
    fn prev_sibling_value(&self, parent: Option<usize>, family: Family) -> Option<u32> {
        let siblings = match parent.and_then(|p| self.out.nodes.get(p)) {
            Some(p) => &p.children,
            None => &self.out.roots,
        };
        siblings.iter().rev().find_map(|&s| {
            let n = self.out.nodes.get(s)?;
            let l = n.label.as_ref()?;
            (l.family == family).then(|| l.last_value())
        })
    }

    fn item(&mut self, label: Label, rest: &str, line: &Line) {
        self.in_body = true;
        let (parent, values, chain) = match label.family {
            Family::Dotted => self.place_dotted(&label, rest),
            f => self.place_by_family(f),
        };
        if let Some(p) = parent
            && self.depth.get(p).is_some_and(|&d| d >= self.max_depth)
        {
            self.keep_as_text(p, line);
            return;
        }
        let number = match label.family {
            Family::Dotted => Some(join_values(&values)),
            Family::Bullet(_) => None,
            f => values.last().map(|&v| format_value(f, v)),
        };
        self.check_number(&label, parent, &values, number.as_deref(), line.line);
        if label.latin_o {
            self.out.diagnostics.push(
                Diagnostic::new(
                    Code::LatinOAsZero,
                    line.line,
                    format!("Latin o read as Thai zero ๐ in label {}", label.written),
                )
                .with_label(&label.written, number.as_deref().unwrap_or_default()),
            );
        }
        let i = self.add(NodeKind::Item, Some(label), number, values, line, parent);
        // the item's text is the line after its label, its cells the line's
        // cells after the label
        let base = (rest.as_ptr() as usize).saturating_sub(line.text.as_ptr() as usize);
        if let Some(n) = self.out.nodes.get_mut(i) {
            n.text = rest.to_string();
            n.cells = line
                .gaps
                .iter()
                .filter_map(|&g| g.checked_sub(base))
                .filter(|&g| g > 0 && g < rest.len())
                .collect();
        }
        self.last_cell = line
            .gaps
            .last()
            .and_then(|&g| g.checked_sub(base))
            .filter(|&g| g > 0 && g < rest.len())
            .map(|g| (i, g));
        if let Some(c) = self.chain.get_mut(i) {
            *c = chain;
        }
        self.stack.push(i);
        self.cont = Some(i);
    }

    /// An item too deep to nest: its whole line (label included) becomes text
    /// of `parent`, the deepest allowed item, which stays open for what follows.
    fn keep_as_text(&mut self, parent: usize, line: &Line) {
        let typed;
        let line = match &line.label {
            Some(l) => {
                typed = labelled::typed_line(l, line);
                &typed
            }
            None => line,
        };
        // placement counted the item among the parent's children: it is not one
        if let Some(c) = self.counts.get_mut(parent) {
            *c = c.saturating_sub(1);
        }
        if !self.too_deep {
            self.too_deep = true;
            self.out.diagnostics.push(Diagnostic::new(
                Code::OutlineTooDeep,
                line.line,
                format!(
                    "items nested deeper than {} levels are kept as text of the item above them (raise the limit with --max-depth)",
                    self.max_depth
                ),
            ));
        }
        self.join(parent, line);
        self.cont = Some(parent);
    }

    fn is_chain(&self, i: usize) -> bool {
        self.chain.get(i).copied().unwrap_or(false)
    }

    fn values_of(&self, i: usize) -> &[u32] {
        self.out.nodes.get(i).map_or(&[], |n| n.values.as_slice())
    }

    fn family_of(&self, i: usize) -> Option<Family> {
        self.out.nodes.get(i)?.label.as_ref().map(|l| l.family)
    }

    /// Parent, canonical values and chain membership of a dotted label.
    fn place_dotted(&mut self, label: &Label, rest: &str) -> (Option<usize>, Vec<u32>, bool) {
        let k = label.values.len();
        if k == 1 {
            return self.place_dotted_single(label, rest);
        }
        while let Some(&top) = self.stack.last() {
            let stop = match self.family_of(top) {
                Some(Family::Clause) => true,
                Some(Family::Dotted) => self.is_chain(top) && self.values_of(top).len() < k,
                _ => false,
            };
            if stop {
                break;
            }
            self.stack.pop();
        }
        let parent = self.stack.last().copied();
        let seq = self.next_seq(parent);
        let mut values = match parent {
            Some(p) if self.is_chain(p) && self.values_of(p).len() + 1 == k => {
                self.values_of(p).to_vec()
            }
            _ => label
                .values
                .get(..k - 1)
                .map(<[u32]>::to_vec)
                .unwrap_or_default(),
        };
        values.push(seq);
        let chain = parent.is_none_or(|p| self.is_chain(p));
        (parent, values, chain)
    }

    /// `N.`: a top-level item, unless it restarts at 1 inside an open item (a
    /// nested list of steps written `1.` `2.`) or continues such a list. When
    /// `N` could be either the next top-level item or the next nested one, a
    /// line that starts with a personal title is taken as top-level, unless
    /// the nested items name people and the item they are under does not.
    /// The parent and sequence number of the next sibling of the open item
    /// at `pos` in the stack, which closes (with everything inside it).
    fn next_sibling_of(&mut self, pos: usize) -> (Option<usize>, u32) {
        let parent = self
            .stack
            .get(pos)
            .and_then(|&i| self.out.nodes.get(i))
            .and_then(|n| n.parent);
        self.stack.truncate(pos);
        (parent, self.next_seq(parent))
    }

    fn place_dotted_single(
        &mut self,
        label: &Label,
        rest: &str,
    ) -> (Option<usize>, Vec<u32>, bool) {
        let v = label.last_value();
        // the first item under a heading (`วันจันทร์` / `1. นาย…`): its list
        // starts there, as a top-level list would
        if v == 1
            && let Some(&top) = self.stack.last()
            && self.out.nodes.get(top).is_some_and(|n| {
                n.kind == NodeKind::Paragraph(ParaKind::Heading) && n.children.is_empty()
            })
        {
            let seq = self.next_seq(Some(top));
            return (Some(top), vec![seq], true);
        }
        // … or goes on counting from the list under the heading beside it
        // (`ที่ปรึกษา` / `๑.` `๒.` / `คณะกรรมการ` / `๓.`)
        if let Some(&top) = self.stack.last()
            && let Some((h, last)) = self.counting_on
            && h == top
            && v == last.saturating_add(1)
            && self
                .out
                .nodes
                .get(top)
                .is_some_and(|n| n.children.is_empty())
        {
            self.counting_on = None;
            if let Some(c) = self.counts.get_mut(top) {
                *c = last;
            }
            let seq = self.next_seq(Some(top));
            return (Some(top), vec![seq], true);
        }
        // the next item of a list under a heading: a sibling there
        let is_heading = |i: usize| {
            self.out
                .nodes
                .get(i)
                .is_some_and(|n| n.kind == NodeKind::Paragraph(ParaKind::Heading))
        };
        if let Some(pos) = self.stack.iter().rposition(|&i| {
            self.family_of(i) == Some(Family::Dotted)
                && self.values_of(i).len() == 1
                && self
                    .out
                    .nodes
                    .get(i)
                    .and_then(|n| n.parent)
                    .is_some_and(is_heading)
        }) {
            let (parent, seq) = self.next_sibling_of(pos);
            return (parent, vec![seq], true);
        }
        let nested_open = self.stack.iter().rposition(|&i| {
            self.family_of(i) == Some(Family::Dotted)
                && !self.is_chain(i)
                && self.values_of(i).len() == 1
        });
        let top_level_next = self.root_count.saturating_add(1);
        if let Some(pos) = nested_open {
            let written_prev = self
                .stack
                .get(pos)
                .and_then(|&i| self.out.nodes.get(i))
                .and_then(|n| n.label.as_ref())
                .map(|l| l.last_value());
            let person = title_at(rest).is_some();
            // … unless the nested list is the list of people and the item
            // it is under names none (`๑. ฝ่ายอำนวยการ` / `๑. นาย…` `๒. นาง…`):
            // a line goes where the lines like it are
            let names_at = |i: Option<usize>| {
                i.and_then(|i| self.out.nodes.get(i))
                    .is_some_and(|n| title_at(&n.text).is_some())
            };
            let nested = self.stack.get(pos).copied();
            let people_nested = names_at(nested)
                && !names_at(
                    nested
                        .and_then(|i| self.out.nodes.get(i))
                        .and_then(|n| n.parent),
                );
            if written_prev.map(|p| p.saturating_add(1)) == Some(v)
                && (v != top_level_next || !person || people_nested)
            {
                let (parent, seq) = self.next_sibling_of(pos);
                return (parent, vec![seq], false);
            }
        }
        if v == 1 && self.root_count >= 1 && !self.stack.is_empty() {
            let parent = self.stack.last().copied();
            let seq = self.next_seq(parent);
            return (parent, vec![seq], false);
        }
        self.stack.clear();
        // the first top-level item sets where numbering starts (an excerpt or a
        // continued order may begin at 4.)
        if self.root_count == 0 && v > 1 {
            self.root_count = v - 1;
        }
        let seq = self.next_seq(None);
        (None, vec![seq], true)
    }

    /// Parent and canonical value of a non-dotted label.
    fn place_by_family(&mut self, family: Family) -> (Option<usize>, Vec<u32>, bool) {
        let parent = match self
            .stack
            .iter()
            .rposition(|&i| self.family_of(i) == Some(family))
        {
            Some(pos) => {
                let p = self
                    .stack
                    .get(pos)
                    .and_then(|&i| self.out.nodes.get(i))
                    .and_then(|n| n.parent);
                self.stack.truncate(pos);
                p
            }
            None => self.stack.last().copied(),
        };
        // a list of another form under the same parent numbers from 1
        // (`1.1 … 1.3` members, then `1) … 3)` duties)
        let siblings = match parent.and_then(|p| self.out.nodes.get(p)) {
            Some(p) => &p.children,
            None => &self.out.roots,
        };
        let last_family = siblings
            .iter()
            .rev()
            .find_map(|&c| self.out.nodes.get(c).and_then(|n| n.label.as_ref()))
            .map(|l| l.family);
        if last_family.is_some_and(|f| f != family) {
            match parent {
                Some(p) => {
                    if let Some(c) = self.counts.get_mut(p) {
                        *c = 0;
                    }
                }
                None => self.root_count = 0,
            }
        }
        let seq = self.next_seq(parent);
        (parent, vec![seq], false)
    }

    /// A diagnostic when the written label differs from the canonical number.
    fn check_number(
        &mut self,
        label: &Label,
        parent: Option<usize>,
        values: &[u32],
        number: Option<&str>,
        line: u32,
    ) {
        let Some(number) = number else { return };
        let written = &label.values;
        let differs = match label.family {
            Family::Dotted => written.as_slice() != values,
            _ => written.last() != values.last(),
        };
        if !differs {
            return;
        }
        let w = label.written.trim_end_matches('.');
        let k = written.len();
        let prefix_differs =
            label.family == Family::Dotted && written.get(..k - 1) != values.get(..k - 1);
        let diag = if prefix_differs {
            let parent_number = parent
                .and_then(|p| self.out.nodes.get(p))
                .and_then(|n| n.number.clone())
                .unwrap_or_default();
            let begun = join_values(written.get(..k - 1).unwrap_or_default());
            Diagnostic::new(
                Code::LabelRenumbered,
                line,
                format!(
                    "{w} is written under {parent_number} before {begun} has begun: read as {number}"
                ),
            )
        } else {
            let expected = values.last().copied().unwrap_or(0);
            let got = label.last_value();
            let prev = self.prev_sibling_value(parent, label.family);
            let (code, what) = if prev == Some(got) {
                (Code::NumberDuplicated, "repeats the number before it")
            } else if got > expected {
                (Code::NumberSkipped, "skips a number")
            } else {
                (Code::NumberOutOfOrder, "is out of order")
            };
            Diagnostic::new(code, line, format!("{w} {what}: read as {number}"))
        };
        self.out
            .diagnostics
            .push(diag.with_label(&label.written, number));
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
    starts_with_any(text, ADDRESSEE_CLAUSES).is_some()
}

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

/// Whether a text ends with a committee role, alone or after `เป็น` /
/// `ทำหน้าที่` (`… เป็นกรรมการและเลขานุการ`): a member's entry complete with
/// its role.
fn ends_with_role(text: &str) -> bool {
    text.rsplit(' ').next().is_some_and(|w| {
        let w = starts_with_any(w, ROLE_CLAUSE_WORDS).map_or(w, |c| &w[c.len()..]);
        whole_role(w).is_some()
    })
}
