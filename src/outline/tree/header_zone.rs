//! The header zone of the outline: the lines before the body (title, number,
//! subject, preamble), and where a header line stops and the body begins.

use super::*;

impl Builder {
    pub(super) fn header_text(&mut self, line: &Line) {
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
        // `เรื่อง ระเบียบว่าด้วย…` inside the preamble, after the subject: the
        // title of a document the preamble cites, wrapped to the line's start
        if kind == Some(ParaKind::Subject) && self.preamble_started && self.subject_seen {
            kind = None;
        }
        // `ประกาศ` alone on the title line, or a title line that ends with
        // `เรื่อง` (`คำสั่ง… ที่ ๒๗/๒๕๖๐ เรื่อง`, the subject wrapped to the next
        // line): the subject follows without เรื่อง
        if kind.is_none()
            && (self.after_bare_title() || self.after_subject_word())
            && is_heading_length(text)
        {
            kind = Some(ParaKind::Subject);
        }
        match kind {
            Some(kind) => {
                let i = self.paragraph(kind, line, None);
                self.cont = (kind == ParaKind::Subject).then_some(i);
                self.subject_seen |= kind == ParaKind::Subject;
            }
            None => {
                // `… ดังนี้` / `องค์การบริหาร องค์การนิสิต` / `นายก ข (คณะ…)`: a
                // short line between a list intro and a name heads the names,
                // never the intro's rest
                let heads_names = self.next_names_person
                    && is_heading_length(text)
                    && crate::thai::names::split_name(text).is_none()
                    && self.after_list_intro();
                // where each line is a paragraph, a clause (`ในกรณีที่…`, `ให้…`)
                // opens a paragraph of the preamble too
                let clause_paragraph = self.wrap_width > PARAGRAPH_PER_LINE_WIDTH
                    && line.para_start != ParaStart::SoftBreak
                    && starts_with_any(text, CLAUSE_OPENERS).is_some();
                // a line of cells after a list intro (`… ดังนี้` / `ชั้น ⟶
                // ครูที่ปรึกษา`): a table's first row, never the intro's rest
                let row_after_intro = !line.gaps.is_empty() && self.after_list_intro();
                // `… โดยเรียงตามลำดับคะแนน ดังนี้` / `ตำแหน่ง ผู้ช่วยนักวิชาการ…`:
                // a clause that ends with "as follows" is finished
                let after_as_follows = self
                    .cont
                    .and_then(|c| self.out.nodes.get(c))
                    .is_some_and(|n| n.text.trim_end().ends_with(AS_FOLLOWS));
                // `… นางจันทร์เพ็ญ ทองดี … เป็นกรรมการและเลขานุการ` / `ให้คณะกรรมการ
                // มีหน้าที่ …`: after the last member's role, a clause of its own
                let clause_after_role = starts_with_any(text, CLAUSE_OPENERS).is_some()
                    && self.text_of(self.cont).is_some_and(last_word_is_role);
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
    pub(super) fn role_after_list_intro(&self, text: &str) -> bool {
        whole_role(text).is_some() && self.after_list_intro()
    }

    /// Whether `line` is a role alone written like an open role heading. A
    /// list whose roles head its members (`ประธานกรรมการ` / `นายก ข ⟶ …` /
    /// `กรรมการ` / …) writes every role so: while the innermost open heading is
    /// a role, a role alone is the next heading wherever it is indented
    /// (indents in real files are inconsistent). Under a group's heading
    /// (`คณะกรรมการ` over `๑. รองผู้ว่าราชการจังหวัด` / `ประธานกรรมการ`) a
    /// role alone is a heading only at that heading's indent, left of the
    /// member lines (or level with them where the layout keeps no indents);
    /// further right it is the member's own role cell.
    pub(super) fn is_next_role_heading(&self, line: &Line) -> bool {
        let heads_group = |t: &str| whole_role(t).is_some() || COMMITTEE_WORDS.contains(&t);
        if !heads_group(&line.text) {
            return false;
        }
        let innermost = self.stack.iter().rev().find_map(|&h| {
            self.out.nodes.get(h).filter(|n| {
                n.kind == NodeKind::Paragraph(ParaKind::Heading) && heads_group(&n.text)
            })
        });
        let Some(heading) = innermost else {
            return false;
        };
        if whole_role(&heading.text).is_some() {
            return true;
        }
        let open_indent = self
            .person_cont
            .or(self.last)
            .and_then(|c| self.out.nodes.get(c))
            .map(|n| n.indent);
        open_indent.is_some_and(|m| line.indent <= m as usize)
            && self.stack.iter().any(|&h| {
                self.out.nodes.get(h).is_some_and(|n| {
                    n.kind == NodeKind::Paragraph(ParaKind::Heading)
                        && n.indent as usize == line.indent
                        && heads_group(&n.text)
                })
            })
    }

    /// The last node is a title or number line that ends with the subject
    /// word (`… ที่ 103/2563 เรื่อง`).
    pub(super) fn after_subject_word(&self) -> bool {
        self.last
            .and_then(|i| self.out.nodes.get(i))
            .is_some_and(|n| {
                matches!(
                    n.kind,
                    NodeKind::Paragraph(ParaKind::OrderTitle | ParaKind::OrderNumber)
                ) && n
                    .text
                    .trim_end()
                    .ends_with(crate::thai::lexicon::SUBJECT_WORD)
            })
    }

    /// The last node is a title line holding only the document word (`ประกาศ`).
    pub(super) fn after_bare_title(&self) -> bool {
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
    pub(super) fn continues_subject(&self, c: usize, text: &str) -> bool {
        let subject = self
            .out
            .nodes
            .get(c)
            .is_some_and(|n| n.kind == NodeKind::Paragraph(ParaKind::Subject));
        !subject || self.heading_length(text) || starts_with_any(text, CONNECTIVES).is_some()
    }

    /// Whether the paragraph that `text` begins is short enough for a
    /// heading: with the lines after its soft breaks in a .docx.
    pub(super) fn heading_length(&self, text: &str) -> bool {
        is_heading_length(text)
            && (self.soft_chars == 0 || is_heading_chars(text.chars().count() + self.soft_chars))
    }
}
