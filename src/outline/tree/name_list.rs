//! Inline lists of names in the outline: `1. นางสาวก  ข  2. นางค  ง  3.นางจ  ฉ`
//! on one line, or continued on the next, becomes one name-list node with a
//! name node per entry (numbered and checked like any item).

use super::Builder;
use crate::outline::label::{Family, Label};
use crate::outline::line::{NameEntry, consecutive_from, name_entries};
use crate::outline::{NodeKind, ParaKind};
use crate::read::Line;
use crate::thai::lexicon::{POSITION_WORD, title_at};

impl Builder {
    /// An inline list of names (`1. นาง… 2. นาย…`), on one line or continued
    /// from the line before. Returns false when the line is not one.
    pub(super) fn try_name_list(&mut self, line: &Line) -> bool {
        if self.ends_name_cut_after_title(line) {
            return true;
        }
        let entries = name_entries(&line.text);
        let Some(first) = entries.first() else {
            return false;
        };
        let last_node = self.last.and_then(|i| self.out.nodes.get(i));
        // continue the list of the line before
        if let Some(n) = last_node
            && n.kind == NodeKind::NameList
        {
            let last_value = n
                .children
                .last()
                .and_then(|&c| self.out.nodes.get(c))
                .and_then(|c| c.label.as_ref())
                .map_or(0, |l| l.last_value());
            if consecutive_from(&entries, last_value.saturating_add(1))
                && !self.next_person_after_stand_ins(n, &entries)
            {
                let list = self.last.unwrap_or_default();
                self.join_list(list, line, &entries);
                return true;
            }
        }
        let after_clause =
            last_node.is_some_and(|n| n.kind == NodeKind::Paragraph(ParaKind::Substitute));
        let is_list = consecutive_from(&entries, first.value)
            && (entries.len() >= 2 && (first.value == 1 || after_clause)
                || entries.len() == 1
                    && after_clause
                    && first.value == 1
                    && first.name.split(' ').count() <= 4);
        if !is_list {
            return false;
        }
        let parent = if after_clause {
            self.last
        } else {
            self.stack.last().copied()
        };
        let list = self.add(NodeKind::NameList, None, None, Vec::new(), line, parent);
        self.add_names(list, line, &entries);
        self.last = Some(list);
        self.cont = None;
        true
    }

    /// `กรณีที่ไม่สามารถ…แทนตามลำดับ` / `1. นายก ข 2. นางค ง` / `3. นายจ ฉ
    /// ตำแหน่ง …`: one name with its post after a substitute clause's list is
    /// the next person (a clean copy writes a person so), not one more
    /// stand-in, though its number follows the list's.
    fn next_person_after_stand_ins(
        &self,
        list: &crate::outline::Node,
        entries: &[NameEntry],
    ) -> bool {
        let [only] = entries else {
            return false;
        };
        list.parent
            .and_then(|p| self.out.nodes.get(p))
            .is_some_and(|p| p.kind == NodeKind::Paragraph(ParaKind::Substitute))
            && crate::thai::find::find(&only.name, POSITION_WORD).is_some()
    }

    /// `… 5. นาง` / `กรุณา บุญประเสริฐ`: a list whose last entry is a title
    /// alone at the end of its line goes on with the name on the next line
    /// (a text from a PDF wraps between them). The line, when it holds only
    /// that name, is joined to the entry (a title is written glued to the
    /// given name); anything else is left to the other rules.
    fn ends_name_cut_after_title(&mut self, line: &Line) -> bool {
        let Some(list) = self.last else {
            return false;
        };
        let Some(last_name) = self
            .out
            .nodes
            .get(list)
            .filter(|n| n.kind == NodeKind::NameList)
            .and_then(|n| n.children.last().copied())
        else {
            return false;
        };
        let title_alone =
            self.out.nodes.get(last_name).is_some_and(|n| {
                title_at(&n.text).is_some_and(|t| t.len() == n.text.trim_end().len())
            });
        if !title_alone || !name_entries(&line.text).is_empty() {
            return false;
        }
        let Some(joined) = self
            .out
            .nodes
            .get(last_name)
            .map(|n| format!("{}{}", n.text.trim_end(), line.text))
        else {
            return false;
        };
        if crate::thai::names::split_name(&joined)
            .is_none_or(|n| n.family.is_none() || !n.rest.is_empty())
        {
            return false;
        }
        for i in [last_name, list] {
            if let Some(n) = self.out.nodes.get_mut(i) {
                if i == last_name {
                    n.text.make_mut().clone_from(&joined);
                } else {
                    n.text.make_mut().push(' ');
                    n.text.make_mut().push_str(&line.text);
                }
                n.line_end = line.line;
            }
        }
        self.cont = None;
        true
    }

    fn join_list(&mut self, list: usize, line: &Line, entries: &[NameEntry]) {
        if let Some(n) = self.out.nodes.get_mut(list) {
            n.text.make_mut().push(' ');
            n.text.make_mut().push_str(&line.text);
            n.line_end = line.line;
        }
        self.add_names(list, line, entries);
        self.last = Some(list);
        self.cont = None;
    }

    fn add_names(&mut self, list: usize, line: &Line, entries: &[NameEntry]) {
        for e in entries {
            let seq = self.next_seq(Some(list));
            let label = Label {
                written: e.label.clone().into(),
                family: Family::Dotted,
                values: vec![e.value],
                latin_o: false,
            };
            let number = seq.to_string();
            self.check_number(&label, Some(list), &[seq], Some(&number), line.line);
            let i = self.add(
                NodeKind::Name,
                Some(label),
                Some(number),
                vec![seq],
                line,
                Some(list),
            );
            if let Some(n) = self.out.nodes.get_mut(i) {
                n.text = e.name.clone().into();
            }
        }
    }
}
