//! Pages of a paged input (a PDF, a scan, a .txt from a PDF): the running
//! page headers, footers and page numbers that every page repeats are not
//! the order's text and are removed, each with a diagnostic; and the page of
//! every line is kept as provenance on the outline and the people.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{DutyOrder, OutlineNode};
use crate::read::{Line, Source};

/// Lines at the head and at the foot of a page looked at for a page number
/// or a running header/footer: a header is one or two lines (an office's
/// name, then `หน้า 2`), and so is a footer.
const EDGE_LINES: usize = 2;

/// A line is a running header or footer when the same text (digits aside)
/// stands at the same edge of at least this share of the pages after the
/// first, and on two pages at least: half, so that a footer a section's
/// last page leaves out is still one, and a line that two pages happen to
/// start with in a 10-page order is not.
const RUNNING_SHARE: f64 = 0.5;

/// Most digits of a page number: an order has fewer than 1,000 pages, and a
/// line of four digits alone is more likely a year (`2566`).
const MAX_PAGE_DIGITS: usize = 3;

/// Words that say "page" in a page number (`หน้า 2`, `Page 2`).
const PAGE_WORDS: &[&str] = &["หน้า", "Page", "page"];

/// Whether `text` is only a page number: `2`, `- 2 -`, `-๒-`, `(2)`,
/// `หน้า 2`, `หน้า 2/5`, `2/5`, `Page 2 of 5`.
pub(crate) fn is_page_number(text: &str) -> bool {
    let is_digit = crate::thai::digits::is_digit;
    let mut t = text.trim();
    for w in PAGE_WORDS {
        if let Some(rest) = t.strip_prefix(w) {
            t = rest.trim_start();
            break;
        }
    }
    let t = t
        .trim_matches(|c: char| c == '-' || c == '–' || c == ' ')
        .trim_start_matches('(')
        .trim_end_matches(')');
    let t = t.replace(" of ", "/").replace(" / ", "/");
    let mut parts = t.split('/');
    let number = |s: Option<&str>| {
        s.is_some_and(|s| {
            !s.is_empty() && s.chars().count() <= MAX_PAGE_DIGITS && s.chars().all(is_digit)
        })
    };
    number(parts.next()) && parts.next().is_none_or(|s| number(Some(s))) && parts.next().is_none()
}

/// `text` with its digits as `#` and its spaces as one, for comparing the
/// running header of page 2 with page 3's.
fn shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| {
            if crate::thai::digits::is_digit(c) {
                '#'
            } else {
                c
            }
        }));
    }
    out
}

/// A page and the indices of its first and last non-blank lines (at most
/// [`EDGE_LINES`] each).
type Edges = (u32, Vec<usize>, Vec<usize>);

/// Remove page numbers and running headers and footers from the lines of a
/// paged source (lines with a [`Line::page`]), with one
/// [`Code::PageArtefactRemoved`] diagnostic for each line removed. The
/// first page's head is kept whatever it repeats (it is the order's own
/// title), and nothing is removed from an input of one page but a page
/// number.
pub(crate) fn remove_page_artefacts(source: &mut Source) {
    let lines = &source.lines;
    // the indices of the non-blank lines at each page's head and foot
    let mut pages: Vec<Edges> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(page) = l.page else { continue };
        if l.text.trim().is_empty() || l.text.trim() == "\u{000C}" {
            continue;
        }
        if pages.last().is_none_or(|p| p.0 != page) {
            pages.push((page, Vec::new(), Vec::new()));
        }
        if let Some(p) = pages.last_mut() {
            if p.1.len() < EDGE_LINES {
                p.1.push(i);
            }
            p.2.push(i);
            if p.2.len() > EDGE_LINES {
                p.2.remove(0);
            }
        }
    }
    if pages.is_empty() {
        return;
    }
    let later = pages.len().saturating_sub(1);
    let needed = ((later as f64 * RUNNING_SHARE).ceil() as usize).max(2);
    // how many pages after the first have each shape at their head / foot
    let count = |edge: &dyn Fn(&Edges) -> &Vec<usize>| {
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for p in pages.iter().skip(1) {
            let mut shapes: Vec<String> = edge(p)
                .iter()
                .filter_map(|&i| lines.get(i))
                .map(|l| shape(&l.text))
                .collect();
            shapes.dedup();
            for s in shapes {
                *seen.entry(s).or_default() += 1;
            }
        }
        seen
    };
    let heads = count(&|p| &p.1);
    let feet = count(&|p| &p.2);
    let mut remove: Vec<(usize, &'static str)> = Vec::new();
    for (k, (_, head, foot)) in pages.iter().enumerate() {
        for (edge, counts, what) in [(head, &heads, "header"), (foot, &feet, "footer")] {
            for &i in edge {
                let Some(l) = lines.get(i) else { continue };
                let text = l.text.trim().trim_start_matches('\u{000C}');
                let running = later >= 2
                    && counts.get(&shape(&l.text)).is_some_and(|&n| n >= needed)
                    && !(k == 0 && what == "header");
                if is_page_number(text) {
                    remove.push((i, "page number"));
                } else if running {
                    remove.push((
                        i,
                        if what == "header" {
                            "running header"
                        } else {
                            "running footer"
                        },
                    ));
                }
            }
        }
    }
    remove.sort_unstable();
    remove.dedup_by_key(|r| r.0);
    for &(i, what) in remove.iter().rev() {
        if i < source.lines.len() {
            let l = source.lines.remove(i);
            source.diagnostics.push(Diagnostic::new(
                Code::PageArtefactRemoved,
                l.line,
                format!(
                    "page {}: {what} removed: {}",
                    l.page.unwrap_or(0),
                    l.text.trim().trim_start_matches('\u{000C}')
                ),
            ));
        }
    }
    source.diagnostics.sort_by_key(|d| d.line);
}

/// The page of each line, kept while the outline consumes the lines.
pub(crate) struct PageMap {
    /// (first line, page) at every change of page, in line order.
    starts: Vec<(u32, u32)>,
}

impl PageMap {
    /// The pages of `lines` (empty for an input without pages).
    pub fn of(lines: &[Line]) -> Self {
        let mut starts: Vec<(u32, u32)> = Vec::new();
        for l in lines {
            if let Some(page) = l.page
                && starts.last().is_none_or(|s| s.1 != page)
            {
                starts.push((l.line, page));
            }
        }
        PageMap { starts }
    }

    /// The page of line `line`.
    fn page(&self, line: u32) -> Option<u32> {
        let i = self.starts.partition_point(|s| s.0 <= line);
        i.checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .map(|s| s.1)
    }

    /// Every outline node and person of `order` given the page its first
    /// line is on.
    pub fn apply(&self, order: &mut DutyOrder) {
        if self.starts.is_empty() {
            return;
        }
        let mut todo: Vec<&mut OutlineNode> = order.outline.iter_mut().collect();
        while let Some(n) = todo.pop() {
            n.page = self.page(n.line_start);
            todo.extend(n.children.iter_mut());
        }
        for p in &mut order.people {
            p.page = self.page(p.line_start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_the_forms_orders_use() {
        for yes in [
            "2",
            "- 2 -",
            "-๒-",
            "(3)",
            "หน้า 2",
            "หน้า ๒/๕",
            "2/5",
            "Page 2 of 5",
            "– 12 –",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "1.",
            "2566",
            "12345",
            "หน้าที่",
            "- งานสารบรรณ",
            "ที่ 12/2566",
            "1.1",
            "",
            "-",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    fn source(pages: &[&[&str]]) -> Source {
        let mut lines = Vec::new();
        let mut n = 0;
        for (p, texts) in pages.iter().enumerate() {
            for t in *texts {
                n += 1;
                lines.push(crate::read::pdf::line((*t).to_string(), n, p as u32 + 1));
            }
        }
        Source {
            path: "x.pdf".into(),
            format: crate::read::Format::Pdf,
            encoding: None,
            sha256: String::new(),
            bytes: 0,
            lines,
            diagnostics: Vec::new(),
            extraction: Default::default(),
        }
    }

    fn texts(s: &Source) -> Vec<&str> {
        s.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn running_headers_footers_and_numbers_go_with_a_diagnostic() {
        let header = "คำสั่งสำนักงานเขตพื้นที่การศึกษา ที่ 12/2566";
        let mut s = source(&[
            &[header, "เรื่อง การกำหนดหน้าที่", "1. นายก ข", "เอกสารลับ"],
            &["หน้า 2", header, "1.1 งานสารบรรณ", "เอกสารลับ"],
            &["หน้า 3", header, "2. นางค ง", "เอกสารลับ"],
            &["- 4 -", header, "2.1 งานการเงิน", "เอกสารลับ"],
        ]);
        remove_page_artefacts(&mut s);
        assert_eq!(
            texts(&s),
            [
                header,
                "เรื่อง การกำหนดหน้าที่",
                "1. นายก ข",
                "1.1 งานสารบรรณ",
                "2. นางค ง",
                "2.1 งานการเงิน"
            ]
        );
        let d: Vec<_> = s
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(d.len(), 10, "{d:?}");
        assert_eq!(d[0], (4, "page 1: running footer removed: เอกสารลับ"));
        assert_eq!(d[1], (5, "page 2: page number removed: หน้า 2"));
        assert_eq!(
            d[2],
            (
                6,
                "page 2: running header removed: คำสั่งสำนักงานเขตพื้นที่การศึกษา ที่ 12/2566"
            )
        );
        assert!(
            s.diagnostics
                .iter()
                .all(|d| d.code == Code::PageArtefactRemoved)
        );
    }

    #[test]
    fn lines_that_only_happen_to_repeat_stay() {
        // two pages of ten open with the same duty: not a header
        let letters = ["ก", "ข", "ค", "ง", "จ", "ฉ", "ช", "ซ", "ฌ", "ญ"];
        let pages: Vec<Vec<String>> = (0..10)
            .map(|i| {
                let head = if i == 3 || i == 7 {
                    "1.1 งานสารบรรณ"
                } else {
                    letters[9 - i]
                };
                let text = |w: &str| format!("{w}{}", letters[i]);
                vec![
                    head.to_string(),
                    text("งาน"),
                    text("ข้อ"),
                    text("กลุ่ม"),
                    text("ครู"),
                ]
            })
            .collect();
        let pages: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| p.iter().map(String::as_str).collect())
            .collect();
        let refs: Vec<&[&str]> = pages.iter().map(|p| p.as_slice()).collect();
        let mut s = source(&refs);
        let before = s.lines.len();
        remove_page_artefacts(&mut s);
        assert_eq!(s.lines.len(), before);
        // one page: only a page number goes
        let mut one = source(&[&["เรื่อง ก", "1. นายก ข", "1"]]);
        remove_page_artefacts(&mut one);
        assert_eq!(texts(&one), ["เรื่อง ก", "1. นายก ข"]);
    }

    #[test]
    fn a_line_maps_to_its_page() {
        let s = source(&[&["a", "b"], &["c"], &["d", "e"]]);
        let m = PageMap::of(&s.lines);
        let pages: Vec<_> = (1..=6).map(|l| m.page(l)).collect();
        assert_eq!(
            pages,
            [Some(1), Some(1), Some(2), Some(3), Some(3), Some(3)]
        );
        assert_eq!(PageMap::of(&[]).page(1), None);
    }
}
