//! Numbered items: where a label puts an item (its parent, by the label's
//! form), its canonical number, and the diagnostics for every label that
//! differs from it.

use super::*;

impl Builder {
    /// Numbered children of `parent` so far, plus one.
    pub(super) fn next_seq(&mut self, parent: Option<usize>) -> u32 {
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
    pub(super) fn prev_sibling_value(&self, parent: Option<usize>, family: Family) -> Option<u32> {
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

    pub(super) fn item(&mut self, label: Label, rest: &str, line: &Line) {
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
            n.text = rest.to_string().into();
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
    pub(super) fn keep_as_text(&mut self, parent: usize, line: &Line) {
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

    pub(super) fn is_chain(&self, i: usize) -> bool {
        self.chain.get(i).copied().unwrap_or(false)
    }

    pub(super) fn values_of(&self, i: usize) -> &[u32] {
        self.out.nodes.get(i).map_or(&[], |n| &*n.values)
    }

    pub(super) fn family_of(&self, i: usize) -> Option<Family> {
        self.out.nodes.get(i)?.label.as_ref().map(|l| l.family)
    }

    /// Parent, canonical values and chain membership of a dotted label.
    pub(super) fn place_dotted(
        &mut self,
        label: &Label,
        rest: &str,
    ) -> (Option<usize>, Vec<u32>, bool) {
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
    pub(super) fn next_sibling_of(&mut self, pos: usize) -> (Option<usize>, u32) {
        let parent = self
            .stack
            .get(pos)
            .and_then(|&i| self.out.nodes.get(i))
            .and_then(|n| n.parent);
        self.stack.truncate(pos);
        (parent, self.next_seq(parent))
    }

    pub(super) fn place_dotted_single(
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
    pub(super) fn place_by_family(&mut self, family: Family) -> (Option<usize>, Vec<u32>, bool) {
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
    pub(super) fn check_number(
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
