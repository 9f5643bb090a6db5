//! Unnumbered lines of the body: headings, entries, roster days, the tail
//! (date, signature, annex), and whether a line starts a paragraph of its own
//! or continues the one before it.

use super::*;

impl Builder {
    /// A table's header row (`ชื่อ - สกุล ⟶ ตำแหน่ง ⟶ หน้าที่`) is a line of
    /// its own: never the rest of the heading above, never a member's entry,
    /// never joined by the row below. Whether `line` was one (and taken).
    pub(super) fn header_row(&mut self, line: &Line) -> bool {
        if self.in_tail || !is_header_row(line) {
            return false;
        }
        self.person_cont = None;
        self.person_name_only = false;
        let parent = self.stack.last().copied();
        self.paragraph(ParaKind::Text, line, parent);
        self.cont = None;
        self.under_header_row = Some((self.stack.len(), line.table_row));
        true
    }

    /// Under a table's header row, a row of one short cell over a numbered
    /// row (`ที่ปรึกษา`, `คณะกรรมการ`, `ฝ่ายเลขานุการ` merged across the
    /// table) heads the members below it, their numbers running on or not:
    /// never a member, never a committee of its own. A clause (`ให้คณะกรรมการ
    /// มีหน้าที่ ดังนี้`) ends the table. Whether `line` was such a row.
    pub(super) fn group_row(&mut self, line: &Line) -> bool {
        let Some((open, in_table)) = self.under_header_row.filter(|_| !self.in_tail) else {
            return false;
        };
        let text = line.text.as_str();
        // (a Word table ends where its rows do)
        if (in_table && !line.table_row)
            || starts_with_any(text, CLAUSE_OPENERS).is_some()
            || LIST_INTROS.iter().any(|w| text.ends_with(w))
            || crate::thai::lexicon::starts_duty_intro(text)
        {
            self.under_header_row = None;
            return false;
        }
        // (a cell before a number mid-line, `ครูผู้ฝึกสอน ⟶ ๑. นาย…`, is no row)
        if self.next_numbered.is_none()
            || self.in_split_line
            || line.label.is_some()
            || !line.gaps.is_empty()
            || !is_heading_length(text)
            || parse_label(text).is_some()
            || crate::thai::names::split_name(text).is_some()
        {
            return false;
        }
        self.person_cont = None;
        self.person_name_only = false;
        // what is open under the header row closes: the group before and
        // its members, whose last number the next group may count on from
        let mut last_number = None;
        while self.stack.len() > open {
            let Some(top) = self.stack.pop() else { break };
            if let Some(l) = self.out.nodes.get(top).and_then(|n| n.label.as_ref())
                && l.family == Family::Dotted
                && l.values.len() == 1
            {
                last_number = Some(l.last_value());
            }
        }
        let parent = self.stack.last().copied();
        let i = self.paragraph(ParaKind::Heading, line, parent);
        self.stack.push(i);
        self.cont = None;
        self.counting_on = last_number.map(|v| (i, v));
        true
    }

    /// `line` joined to node `c` as the next phrase of its text, after a
    /// space (never inside a word, never as a cell).
    fn join_phrase(&mut self, c: usize, line: &Line) {
        if let Some(n) = self.out.nodes.get_mut(c) {
            join_wrapped(n.text.make_mut(), &line.text, true);
            n.line_end = line.line;
        }
    }

    pub(super) fn body_text(&mut self, line: &Line) {
        // `- นางสาวก ข … กรรมการและเลขานุการ` / `คณะกรรมการดำเนินงาน`: a short
        // line that names a body after a member item complete with its role
        // is the next committee's name, at the top level, never a paragraph
        // of that member
        if !self.in_tail
            && starts_with_any(&line.text, BODY_WORDS).is_some()
            && is_heading_length(&line.text)
            && self
                .stack
                .last()
                .and_then(|&i| self.out.nodes.get(i))
                .is_some_and(|n| n.kind == NodeKind::Item && last_word_is_role(&n.text))
        {
            self.person_cont = None;
            self.person_name_only = false;
            self.stack.clear();
            let i = self.paragraph(ParaKind::Text, line, None);
            self.cont = Some(i);
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
                && (crate::thai::lexicon::starts_duty_intro(&line.text)
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
                self.join_phrase(c, line);
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
        // `ลำดับที่ ๔  ผู้ตรวจราชการกรม…` / `(นายเฉลิมพล  ศรีเมฆ)`: the holder
        // of an item that is a post alone, his bracketed name wrapped onto the
        // line right under it, is the rest of that item (POST (NAME)), never
        // the signature: a signer's name stands apart from the list
        if kind.is_none()
            && !self.in_tail
            && !self.after_blank
            && is_bracketed_name(&line.text)
            && let Some(c) = self.cont
            && self
                .out
                .nodes
                .get(c)
                .is_some_and(|n| n.kind == NodeKind::Item && awaits_holder(&n.text))
        {
            self.join_phrase(c, line);
            return;
        }
        if kind.is_none() && !self.in_tail && is_bracketed_name(&line.text) {
            // `( นายสมชาย ใจดี )` on its own line: a signature, even before the date
            self.in_tail = true;
        }
        // a table row (a caption row of one merged cell too), a line of
        // three or more table cells (`ชื่อนิสิต⇥ผลงาน⇥…`) or an annex's
        // caption (`บัญชีรายชื่อ… แนบท้ายคำสั่ง…`) is no signature line: an
        // annex begins
        // (a caption over two lines: `บัญชีรายชื่อคณะกรรมการ…` / `แนบท้ายคำสั่ง…`)
        let table_row = line.table_row
            || line.gaps.len() >= 2
            || crate::thai::lexicon::annex_caption(&line.text).is_some()
            || (self.next_is_annex_mark
                && starts_with_any(&line.text, ANNEX_CAPTION_LEADS).is_some());
        if self.in_tail && kind.is_none() && !table_row {
            // after the date or the signer's name: each line stands alone
            kind = Some(ParaKind::Signature);
        } else if self.in_tail && kind.is_none() {
            self.in_tail = false;
            self.cont = None;
        }
        // `แนบท้ายคำสั่ง…` under the first line of an annex's caption: its rest
        if kind.is_none()
            && line.text.starts_with(ANNEX_MARK)
            && let Some(c) = self.cont
            && self.text_of(Some(c)).is_some_and(|t| {
                starts_with_any(t, ANNEX_CAPTION_LEADS).is_some() && !t.contains(ANNEX_MARK)
            })
        {
            // (the caption's two lines are two phrases: its subject, then
            // where it is attached)
            self.join_phrase(c, line);
            return;
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
                // closes the duties of the person it belongs to (the item at
                // the top, or under the innermost heading: a table's header
                // over its people, a group heading)
                let keep = self
                    .stack
                    .iter()
                    .rposition(|&i| {
                        self.out
                            .nodes
                            .get(i)
                            .is_some_and(|n| n.kind == NodeKind::Paragraph(ParaKind::Heading))
                    })
                    .map_or(1, |h| h + 2);
                self.stack.truncate(keep);
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
    pub(super) fn person_cont_is_row(&self) -> bool {
        self.person_cont
            .and_then(|c| self.out.nodes.get(c))
            .is_some_and(|n| n.cells.len() >= 2)
    }

    /// Whether a line of cells under a line of cells is a row of its own: a
    /// titled whole name after its first cell (`ชั้น ⟶ ครูประจำชั้น` / `ม.๑/๑
    /// ⟶ นางสาวก ข …`) starts a row, never the wrapped rest of the row above.
    pub(super) fn row_of_its_own(&self, line: &Line) -> bool {
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
    pub(super) fn ends_paragraph(&self, line: &Line) -> bool {
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
        // `“3.3.4 คณะกรรมการ…”` / `รองนายกรัฐมนตรี (นาย…)`: a clause quoted
        // whole (the new text of an amendment) is finished at its closing
        // quote, wherever the page wrapped it
        if self.text_of(self.cont).is_some_and(quoted_whole) {
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
            // (`1.2 ปลัดสำนักนายกรัฐมนตรี` / `กรรมการ`: a role alone under a
            // seat or name that has none is its role cell, in this layout too)
            let role_cell = whole_role(text).is_some() && !member_done;
            !role_cell
                && (starts_with_any(text, CLAUSE_OPENERS).is_some()
                    || starts_with_any(text, CONNECTIVES).is_none())
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
    pub(super) fn closes_item_after_blank(&self, line: &Line) -> bool {
        self.after_blank
            && self
                .stack
                .last()
                .and_then(|&i| self.out.nodes.get(i))
                .is_some_and(|n| n.kind == NodeKind::Item && line.indent <= n.indent as usize)
    }
}

/// Whether a text ends with a quoted clause, closed: it ends with the `”`
/// that closes its last `“` (as many opened as closed), and the quotation is
/// the whole text or a numbered clause (`1.3 ให้เพิ่มความต่อไปนี้เป็นข้อ 3.3.4
/// “3.3.4 คณะกรรมการ…”`), never a term quoted mid-sentence (`เรียกว่า “…”`).
fn quoted_whole(text: &str) -> bool {
    let t = text.trim();
    if !t.ends_with(CLOSE_QUOTE) || t.matches(OPEN_QUOTE).count() != t.matches(CLOSE_QUOTE).count()
    {
        return false;
    }
    let Some(open) = t.rfind(OPEN_QUOTE) else {
        return false;
    };
    let quoted = t.get(open + OPEN_QUOTE.len_utf8()..).unwrap_or("");
    open == 0 || parse_label(quoted).is_some()
}

/// An item that is a post and nothing more (`ผู้ตรวจราชการกรม…`): no name in
/// it, no bracket, no role: its holder may follow in brackets.
fn awaits_holder(text: &str) -> bool {
    starts_position(text)
        && !text.contains('(')
        && whole_role(text).is_none()
        && !last_word_is_role(text)
        && !text.split(' ').any(|w| title_at(w).is_some())
}
