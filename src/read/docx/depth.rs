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

/// Bullets a deeper list level is read as when the printed one is already
/// open above it (the same `•` at every level): each a family of its own,
/// so the outline nests it. Only the family changes; the label stays as
/// printed.
const DEEPER_BULLETS: &[char] = &['◦', '▪', '▫', '‣', '⁃'];

/// The dotted number of each open list level, from the top, and the form
/// of the other labels open at each level.
#[derive(Debug, Default)]
pub struct ListPath {
    open: Vec<u32>,
    forms: Vec<Option<Family>>,
}

impl ListPath {
    /// A known label for the paragraph printed `printed` at `ilvl`, when its
    /// depth is in `ilvl` only (`own_only`: the level's text shows its own
    /// number alone); `None` keeps the printed label as text. Every
    /// numbered paragraph outside a table goes through here, in order.
    pub fn known(&mut self, printed: &str, ilvl: u8, own_only: bool) -> Option<Label> {
        let level = usize::from(ilvl);
        // the label as it stands before a paragraph's text (a bullet alone is
        // no label to the grammar)
        let probe = format!("{} ก", printed.trim());
        let parsed = parse_label(&probe)
            .filter(|(_, rest)| *rest == "ก")
            .map(|(l, _)| l);
        self.forms.truncate(level);
        let label = match parsed {
            Some(l) if l.family == Family::Dotted => l,
            other => {
                // another form: what was open at this level and below is closed
                self.open.truncate(level);
                return other.and_then(|l| self.other_form(l, level));
            }
        };
        self.forms.resize(level + 1, None);
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
    /// A label of another form than dotted at `level`: when the same form is
    /// open at a shallower level (`•` under `•`, `ก.` under `ก.`: Word draws
    /// them indented, a reader of the text alone takes them for siblings), a
    /// family of its own that no open level has, so it nests; `None` keeps
    /// the printed label as text.
    fn other_form(&mut self, label: Label, level: usize) -> Option<Label> {
        let open: Vec<Family> = self.forms.iter().flatten().copied().collect();
        let family = if open.contains(&label.family) {
            let candidates: Vec<Family> = match label.family {
                Family::Bullet(_) => DEEPER_BULLETS.iter().map(|&c| Family::Bullet(c)).collect(),
                Family::LetterDot | Family::LetterClose | Family::LetterBoth => {
                    vec![Family::LetterDot, Family::LetterClose, Family::LetterBoth]
                }
                Family::ParenClose | Family::ParenBoth => {
                    vec![Family::ParenClose, Family::ParenBoth]
                }
                _ => Vec::new(),
            };
            candidates.into_iter().find(|f| !open.contains(f))
        } else {
            None
        };
        self.forms.resize(level, None);
        self.forms.push(Some(family.unwrap_or(label.family)));
        family.map(|f| Label::new(label.written, f, label.values))
    }

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
    fn the_same_bullet_or_letter_deeper_down_is_a_form_of_its_own() {
        let mut p = ListPath::default();
        let family = |l: Option<Label>| l.map(|l| l.family);
        assert_eq!(family(p.known("•", 0, false)), None);
        assert_eq!(family(p.known("•", 1, true)), Some(Family::Bullet('◦')));
        assert_eq!(family(p.known("•", 1, true)), Some(Family::Bullet('◦')));
        assert_eq!(family(p.known("•", 0, false)), None);
        assert_eq!(family(p.known("ก.", 1, true)), None);
        assert_eq!(family(p.known("ก.", 2, true)), Some(Family::LetterClose));
        // a form no shallower level has stays as printed
        assert_eq!(family(p.known("-", 3, true)), None);
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
