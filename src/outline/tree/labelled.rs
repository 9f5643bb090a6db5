//! Lines whose label their reader knows ([`Line::label`]: a spreadsheet
//! row's person number, a duty number made whole as `N.k`): the tree builder
//! places them by that label, without reading their text for one.
//!
//! Such a line is an item, whatever its text says: a table row is never a
//! wrapped line, a page number, a title or an inline list of names. Its
//! reader gave it in normal form (see [`Line::normalized`]), so it has no
//! wide gaps to split at; its cells, when it has them, go to its node
//! ([`crate::outline::Node::roles`]).
//!
//! What the builder measures of a line (its width, for wrapping) counts the
//! label as typed (`label`, a space, `text`), so a spreadsheet gives the same
//! tree as the same order typed as text.

use super::{Builder, Next};
use crate::label::Label;
use crate::outline::NodeKind;
use crate::read::Line;
use crate::thai::lexicon::title_at;

impl Builder {
    /// A line with a known label: an item placed by it.
    pub(super) fn push_labelled(&mut self, label: &Label, line: &Line) {
        let before = self.out.nodes.len();
        self.item(label.clone(), &line.text, line);
        // the node just made for this line (not when it was too deep to be one)
        if self.out.nodes.len() > before
            && let Some(n) = self.out.nodes.last_mut()
            && n.kind == NodeKind::Item
        {
            n.roles = line.cells.as_slice().into();
        }
    }
}

/// The width of a line in characters as typed: a known label, a space, then
/// the text (the label alone when there is no text).
pub(super) fn typed_chars(line: &Line) -> usize {
    let chars = line.text.chars().count();
    match &line.label {
        Some(l) if chars == 0 => l.written.chars().count(),
        Some(l) => l.written.chars().count() + 1 + chars,
        None => chars,
    }
}

/// What a line with a known label tells the line before it: it opens a
/// person when the label is one level deep and a title starts the text; it
/// starts a list at 1 when its label's value is 1. A numbered item is never a
/// committee role alone, the rest of a seat, or a line that starts with a
/// name (its label does).
pub(super) fn next_of(label: &Label, line: &Line) -> Next {
    Next {
        person: label.dotted_depth() == 1 && title_at(&line.text).is_some(),
        list_start: (label.values.len() == 1 && label.values.first() == Some(&1))
            .then_some(label.family),
        numbered: (label.values.len() == 1).then_some(label.family),
        ..Next::default()
    }
}

/// The line as typed (label, space, text), for where a labelled line
/// becomes text after all (an item too deep to nest keeps its label in
/// its text).
pub(super) fn typed_line(label: &Label, line: &Line) -> Line {
    let text = if line.text.is_empty() {
        label.written.to_string()
    } else {
        format!("{} {}", label.written, line.text)
    };
    Line {
        text,
        label: None,
        cells: Vec::new(),
        gaps: Vec::new(),
        ..line.clone()
    }
}

#[cfg(test)]
mod tests {
    use crate::label::Label;
    use crate::outline::{NodeKind, Outline};
    use crate::read::{CellRole, Format, Line, Source, TableCell};

    fn outline(lines: Vec<Line>) -> Outline {
        let mut source = Source {
            path: "x.xlsx".to_string(),
            format: Format::Xlsx,
            encoding: None,
            sha256: String::new(),
            bytes: 0,
            lines,
            diagnostics: Vec::new(),
            extraction: Default::default(),
        };
        match super::super::build_with(&mut source, &crate::limits::Limits::default()) {
            Ok(o) => o,
            Err(e) => panic!("{e}"),
        }
    }

    fn labelled(values: Vec<u32>, text: &str, line: u32) -> Line {
        Line {
            text: text.to_string(),
            line,
            label: Some(Label::dotted(values)),
            normalized: true,
            ..Line::default()
        }
    }

    /// A line with a known label is an item by that label, whatever its
    /// text looks like (here a page number, and nothing), and its cells go
    /// to its node.
    #[test]
    fn a_known_label_places_the_line_without_reading_its_text() {
        let mut person = labelled(vec![1], "นายก ข ครู", 1);
        person.cells = vec![
            TableCell {
                role: CellRole::Name,
                start: 0,
                end: "นายก ข".len(),
            },
            TableCell {
                role: CellRole::Position,
                start: "นายก ข ".len(),
                end: "นายก ข ครู".len(),
            },
        ];
        let o = outline(vec![
            person,
            labelled(vec![1, 1], "- 2 -", 2),
            labelled(vec![1, 2], "", 3),
        ]);
        let items: Vec<(Option<&str>, &str, NodeKind)> = o
            .nodes
            .iter()
            .map(|n| (n.number.as_deref(), n.text.as_str(), n.kind))
            .collect();
        assert_eq!(
            items,
            [
                (Some("1"), "นายก ข ครู", NodeKind::Item),
                (Some("1.1"), "- 2 -", NodeKind::Item),
                (Some("1.2"), "", NodeKind::Item),
            ]
        );
        let first = o.nodes.first().map(|n| (n.roles.len(), n.children.len()));
        assert_eq!(first, Some((2, 2)));
        assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
    }
}
