//! Joining a wrapped line onto the node it continues: cell by cell for a
//! `seat ⟶ role` line, with or without a space for text.

use super::*;

impl Builder {
    /// Join a wrapped line onto a node whose line ended in a cell (`seat
    /// ⟶ role`): a line with a cell of its own continues both
    /// (`สำนักงานปลัด… ⟶ ผู้ช่วยเลขานุการ`); a line without one continues the
    /// last cell when that cell is an unfinished role (`กรรมการและ`) or the
    /// line is a role, and the cell before it when the last cell is a whole
    /// role (`กรรมการ` + `วิจัยและนวัตกรรม`, the rest of the seat). False when
    /// the node has no cells: join as usual.
    pub(super) fn join_cells(&mut self, i: usize, line: &Line) -> bool {
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
            // and no duties (`มีหน้าที่ …`); under a named member, only a post
            // (`(1) นายก ข ⟶ ประธาน` / `รัฐมนตรีว่าการ…`) is the rest of its cell
            [] if whole_role(&last).is_some()
                && (!is_whole_name(&head) || starts_position(&line.text))
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
            n.text = format!("{head} {last}").into();
            n.line_end = line.line;
        }
        self.last_cell = Some((i, cell));
        true
    }

    pub(super) fn join(&mut self, i: usize, line: &Line) {
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
            join_wrapped(n.text.make_mut(), &line.text, typed_space);
            n.line_end = line.line;
        }
    }
}
