//! Depth from the list level (`w:ilvl`) when the printed label does not show it.
//!
//! pandoc and LibreOffice write a nested list with `%2.` at level 1, `%3.` at
//! level 2: the page shows `1.` at every level, indented, and a reader of the
//! text alone would take the second person's duties for people. Word knows
//! the depth from `w:ilvl`; so does this reader. A paragraph whose label is
//! one dotted number (`3.`, `๓.`) at a level below the top, under open
//! dotted levels, gets a label made whole from them (`1.2.3`, as the
//! spreadsheet reader makes `N.k`), handed to the outline as a known label:
//! its number is where the list puts it, and its written label stays what
//! the page shows.
//!
//! The open levels are the last dotted numbers seen at each level, whatever
//! `num` printed them: pandoc gives every sub-list a `num` of its own. A
//! label of another form (`1)`, `ก.`, a bullet) closes the levels from its
//! own down and is left to the outline, which nests it by its form.

use crate::label::{Family, Label, parse_label};

/// The dotted number of each open list level, from the top.
#[derive(Debug, Default)]
pub struct ListPath {
    open: Vec<u32>,
}

impl ListPath {
    /// A known label for the paragraph printed `printed` at `ilvl`, when its
    /// depth is in `ilvl` only (`own_only`: the level's text shows its own
    /// number alone); `None` keeps the printed label as text. Every
    /// numbered paragraph outside a table goes through here, in order.
    pub fn known(&mut self, printed: &str, ilvl: u8, own_only: bool) -> Option<Label> {
        let level = usize::from(ilvl);
        let parsed = parse_label(printed.trim()).filter(|(_, rest)| rest.is_empty());
        let Some((label, _)) = parsed.filter(|(l, _)| l.family == Family::Dotted) else {
            // another form: what was open at this level and below is closed
            self.open.truncate(level);
            return None;
        };
        match label.values.as_slice() {
            &[v] if level == 0 => {
                self.open = vec![v];
                None
            }
            &[v] if own_only && self.open.len() >= level => {
                self.open.truncate(level);
                self.open.push(v);
                Some(Label::new(label.written, Family::Dotted, self.open.clone()))
            }
            values => {
                // the label shows its depth (or cannot be placed): as printed
                self.open = values.to_vec();
                None
            }
        }
    }
}

impl ListPath {
    /// A paragraph without automatic numbering whose text starts with a
    /// typed dotted label (`2.` `2.1`): the levels it shows are open, so
    /// Word-numbered duties under a typed person number `2.` are 2.1, 2.2
    /// (automatic and typed numbers mixed in one document).
    pub fn typed(&mut self, text: &str) {
        if let Some((label, _)) = parse_label(text.trim_start())
            && label.family == Family::Dotted
        {
            self.open = label.values;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(l: Option<Label>) -> Option<Vec<u32>> {
        l.map(|l| l.values)
    }

    #[test]
    fn a_level_printed_with_its_own_number_only_is_made_whole() {
        let mut p = ListPath::default();
        assert_eq!(values(p.known("1.", 0, false)), None);
        assert_eq!(values(p.known("1.", 1, true)), Some(vec![1, 1]));
        assert_eq!(values(p.known("1.", 2, true)), Some(vec![1, 1, 1]));
        assert_eq!(values(p.known("2.", 2, true)), Some(vec![1, 1, 2]));
        // another form is the outline's to nest, and closes its level
        assert_eq!(values(p.known("1)", 3, true)), None);
        assert_eq!(values(p.known("2.", 1, true)), Some(vec![1, 2]));
        assert_eq!(values(p.known("2.", 0, false)), None);
        assert_eq!(values(p.known("๑.", 1, true)), Some(vec![2, 1]));
        // a whole label is printed as it is, and opens its levels
        assert_eq!(values(p.known("3.1", 1, false)), None);
        assert_eq!(values(p.known("2.", 2, true)), Some(vec![3, 1, 2]));
    }

    #[test]
    fn a_typed_dotted_label_opens_its_levels() {
        let mut p = ListPath::default();
        p.typed("2. นางสมศรี ดีงาม");
        assert_eq!(values(p.known("1.", 1, true)), Some(vec![2, 1]));
        p.typed("งานทะเบียน");
        assert_eq!(values(p.known("2.", 1, true)), Some(vec![2, 2]));
        p.typed("3.1 งานพัสดุ");
        assert_eq!(values(p.known("1.", 2, true)), Some(vec![3, 1, 1]));
    }

    #[test]
    fn without_open_levels_the_printed_label_stays() {
        let mut p = ListPath::default();
        assert_eq!(values(p.known("1.", 1, true)), None);
        assert_eq!(values(p.known("ก.", 0, false)), None);
        assert_eq!(values(p.known("1.", 1, true)), None);
        // a level whose text shows the levels above is printed whole
        assert_eq!(values(p.known("4.", 0, false)), None);
        assert_eq!(values(p.known("2.", 1, false)), None);
    }
}
