//! Word .docx reader on zip + quick-xml (the versions calamine uses).
//!
//! Yields the same lines as the text reader: body paragraphs in document order
//! (including paragraphs in tables — each table row one line, cells joined by a
//! tab — and in text boxes), runs joined, `w:tab` as a tab, hyperlink and
//! field-result text included;
//! deleted revisions, field instructions, comments, headers and footers left
//! out. **Word's automatic numbering is rendered into the label** (see
//! [`numbering`]), so the outline sees `1.1.2 งาน…` exactly as the printed page
//! shows it. Line numbers are paragraph numbers: the n-th paragraph or table row
//! of the body, from 1.
//!
//! **Paragraphs are marked** ([`ParaStart`]): Word wraps lines itself, so the
//! first line of a `w:p` is a boundary the writer made. A soft break (`w:br`,
//! `w:cr`, as LibreOffice writes a line break) splits the paragraph into lines
//! that keep its number, each after the first marked [`ParaStart::SoftBreak`]
//! so the outline joins them by the rules of wrapped text; in a table cell a
//! soft break is a space (the cell is one line).

mod depth;
mod numbering;
mod table;
#[cfg(test)]
mod tests;
mod xml;

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::container::Container;
use super::{Format, Line, ParaStart, Source, sha256_hex};
use crate::error::{Error, ErrorKind, Result};
use numbering::{Numbering, NumberingState};
use table::Table;
use xml::{attr, local, open_reader};

/// Twips (1/20 pt) of indentation per character of the `indent` hint.
const TWIPS_PER_INDENT: i64 = 200;

/// Deepest table nesting read as tables. The rows of a nested table become
/// text of the cell around it, so every level copies the text below it once
/// more: 50 MB of tables nested a thousand deep took minutes. Real orders
/// nest two or three; deeper tables are read as the text of the cell at this
/// depth (their rows and cells joined by spaces), with one diagnostic.
const MAX_TABLE_NESTING: usize = 8;

/// Read a .docx container into lines.
pub fn read(path: &str, bytes: &[u8], mut container: Container<'_>) -> Result<Source> {
    let document = container.part("word/document.xml")?.ok_or_else(|| {
        Error::new(
            path,
            ErrorKind::Corrupt("no word/document.xml in the .docx".to_string()),
        )
    })?;
    let limits = container.limits();
    let numbering = match container.part("word/numbering.xml")? {
        Some(b) => Numbering::parse(path, &b, limits)?,
        None => Numbering::default(),
    };
    let styles = match container.part("word/styles.xml")? {
        Some(b) => Styles::parse(path, &b)?,
        None => Styles::default(),
    };
    let (lines, diagnostics) = Body::new(&numbering, &styles, limits).read(path, &document)?;
    if lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    Ok(Source {
        path: path.to_string(),
        format: Format::Docx,
        encoding: None,
        sha256: sha256_hex(bytes),
        bytes: bytes.len() as u64,
        lines,
        diagnostics,
        extraction: Default::default(),
    })
}

/// Paragraph properties that matter here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ParaProps {
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    ind_left: Option<i64>,
    /// `w:outlineLvl` (0-based): the level of a heading style, which gives a
    /// style-numbered paragraph its list level when neither it nor its style
    /// names one.
    outline_lvl: Option<u8>,
    /// The style is one for the lines of a text file (see [`TEXT_FILE_STYLES`]).
    text_lines: bool,
}

/// Paragraph styles in which office writers put the lines of a text file
/// they open or import, one paragraph a line, wrapped where the text was:
/// LibreOffice's "Preformatted Text", Word's "Plain Text", "HTML
/// Preformatted" (as ids or names, compared without spaces or case). Such a
/// paragraph is a line of a text ([`ParaStart::Unknown`]), joined like one.
const TEXT_FILE_STYLES: &[&str] = &["preformattedtext", "plaintext", "htmlpreformatted"];

/// Whether a style id or name is one of [`TEXT_FILE_STYLES`].
fn is_text_file_style(name: &str) -> bool {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    TEXT_FILE_STYLES.contains(&key.as_str())
}

/// Paragraph styles: numbering and indentation, with `basedOn` inheritance.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, (Option<String>, ParaProps)>,
}

impl Styles {
    fn parse(path: &str, bytes: &[u8]) -> Result<Self> {
        let mut reader = open_reader(path, "word/styles.xml", bytes)?;
        let mut styles = Styles::default();
        let mut current: Option<(String, Option<String>, ParaProps)> = None;
        loop {
            let event = xml::next(path, "word/styles.xml", &mut reader)?;
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    let name = local(e);
                    match name {
                        "style" => {
                            let is_para = attr(e, "type").is_none_or(|t| t == "paragraph");
                            current = match (is_para, attr(e, "styleId")) {
                                (true, Some(id)) => {
                                    let props = ParaProps {
                                        text_lines: is_text_file_style(&id),
                                        ..ParaProps::default()
                                    };
                                    Some((id, None, props))
                                }
                                _ => None,
                            };
                        }
                        _ => {
                            if let Some((_, based_on, props)) = current.as_mut() {
                                if name == "basedOn" {
                                    *based_on = attr(e, "val");
                                } else if name == "name" {
                                    props.text_lines |=
                                        attr(e, "val").is_some_and(|n| is_text_file_style(&n));
                                } else {
                                    read_para_prop(e, name, props);
                                }
                            }
                        }
                    }
                    if matches!(event, Event::Empty(_)) && name == "style" {
                        current = None;
                    }
                }
                Event::End(e) if e.local_name().into_inner() == "style" => {
                    if let Some((id, based_on, props)) = current.take() {
                        styles.by_id.insert(id, (based_on, props));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(styles)
    }

    /// The style's numbering and indentation, inherited along `basedOn`.
    fn resolve(&self, id: &str) -> ParaProps {
        let mut out = ParaProps::default();
        let mut next = Some(id.to_string());
        let mut seen = 0;
        while let Some(id) = next.take() {
            seen += 1;
            if seen > 32 {
                break; // a basedOn loop
            }
            let Some((based_on, p)) = self.by_id.get(&id) else {
                break;
            };
            if out.num_id.is_none() {
                out.num_id = p.num_id;
                if out.ilvl.is_none() {
                    out.ilvl = p.ilvl;
                }
            }
            out.ind_left = out.ind_left.or(p.ind_left);
            out.outline_lvl = out.outline_lvl.or(p.outline_lvl);
            out.text_lines |= p.text_lines;
            if out.style.is_none() {
                out.style = Some(id.clone());
            }
            next.clone_from(based_on);
        }
        out
    }
}

/// Read one property element inside a `w:pPr` (pStyle, numPr's ilvl/numId, ind).
fn read_para_prop(e: &BytesStart<'_>, name: &str, props: &mut ParaProps) {
    match name {
        "pStyle" => props.style = attr(e, "val"),
        "ilvl" => props.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
        "numId" => props.num_id = attr(e, "val").and_then(|v| v.parse().ok()),
        "outlineLvl" => props.outline_lvl = attr(e, "val").and_then(|v| v.parse().ok()),
        "ind" => {
            props.ind_left = attr(e, "left")
                .or_else(|| attr(e, "start"))
                .and_then(|v| v.parse().ok())
        }
        _ => {}
    }
}

/// Elements whose content is never text of the document.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "del"
            | "moveFrom"
            | "instrText"
            | "delInstrText"
            | "Fallback"
            | "pPrChange"
            | "rPrChange"
            | "sdtPr"
            | "tabs"
    )
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    props: ParaProps,
    /// Byte offsets in `text` of its soft breaks (`w:br`, `w:cr`).
    breaks: Vec<usize>,
}

/// The document body, read as a stream of events.
struct Body<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    state: NumberingState,
    lines: Vec<Line>,
    paras: Vec<Para>,
    tables: Vec<Table>,
    /// Names of the open elements (only those the reader looks at; others "").
    stack: Vec<&'static str>,
    /// Stack depth at which a skipped element began.
    skip_from: Option<usize>,
    /// Paragraphs (and table rows) so far: the line number of the last one.
    paragraphs: u32,
    /// What was noticed (from tables read as sheets).
    diagnostics: Vec<crate::diagnostic::Diagnostic>,
    /// Depth of `txbxContent` elements open (paragraphs in a text box are lines
    /// of their own, even inside a table).
    textbox_depths: Vec<usize>,
    limits: crate::limits::Limits,
    /// Characters of rendered labels so far (at most
    /// [`crate::limits::Limits::max_label_chars`]).
    label_chars: usize,
    /// Tables open past [`MAX_TABLE_NESTING`], read as text.
    flattened: usize,
    /// The numbers of the list levels open, for labels whose depth is in
    /// `w:ilvl` only.
    depth: depth::ListPath,
    /// A label or the labels in all passed a limit: the error, raised once
    /// the event that found it is done.
    refused: Option<Error>,
}

impl<'a> Body<'a> {
    fn new(numbering: &'a Numbering, styles: &'a Styles, limits: crate::limits::Limits) -> Self {
        Body {
            limits,
            label_chars: 0,
            flattened: 0,
            refused: None,
            depth: depth::ListPath::default(),
            numbering,
            styles,
            state: NumberingState::default(),
            lines: Vec::new(),
            paras: Vec::new(),
            tables: Vec::new(),
            stack: Vec::new(),
            skip_from: None,
            paragraphs: 0,
            diagnostics: Vec::new(),
            textbox_depths: Vec::new(),
        }
    }

    fn read(
        mut self,
        path: &str,
        bytes: &[u8],
    ) -> Result<(Vec<Line>, Vec<crate::diagnostic::Diagnostic>)> {
        let mut reader = open_reader(path, "word/document.xml", bytes)?;
        loop {
            match xml::next(path, "word/document.xml", &mut reader)? {
                Event::Start(e) => {
                    let name = local(&e);
                    self.start(&e, name);
                    self.stack.push(intern(name));
                    if self.stack.len() > xml::MAX_DEPTH {
                        return Err(Error::new(
                            path,
                            ErrorKind::Limit(format!(
                                "word/document.xml nests deeper than {} elements",
                                xml::MAX_DEPTH
                            )),
                        ));
                    }
                }
                Event::Empty(e) => {
                    let name = local(&e);
                    self.start(&e, name);
                    self.end(name);
                }
                Event::End(_) => {
                    let name = self.stack.pop().unwrap_or_default();
                    self.end(name);
                }
                Event::Text(t) if self.in_text() => {
                    let s = t.xml10_content();
                    self.push_text(&s);
                }
                Event::CData(t) if self.in_text() => {
                    let s = t.xml10_content().into_owned();
                    self.push_text(&s);
                }
                Event::GeneralRef(r) if self.in_text() => match xml::resolve_ref(&r) {
                    Some(c) => {
                        let mut buf = [0u8; 4];
                        self.push_text(c.encode_utf8(&mut buf));
                    }
                    None => self.undefined_entity(&r),
                },
                Event::Eof => break,
                _ => {}
            }
            if let Some(e) = self.refused.take() {
                let again = Error::new(path, e.kind().clone());
                return Err(match e.line() {
                    Some(line) => again.at_line(line),
                    None => again,
                });
            }
        }
        Ok((self.lines, self.diagnostics))
    }

    /// An entity XML does not define (no DTD is read): kept as written, so
    /// nothing is lost, with a warning on its paragraph.
    fn undefined_entity(&mut self, r: &quick_xml::events::BytesRef<'_>) {
        let name: &str = r.as_ref();
        let written = format!("&{name};");
        self.push_text(&written);
        self.diagnostics.push(crate::diagnostic::Diagnostic::new(
            crate::diagnostic::Code::UndefinedEntity,
            self.paragraphs.saturating_add(1),
            format!("word/document.xml uses the undefined entity {written:?}: kept as written"),
        ));
    }

    fn skipping(&self) -> bool {
        self.skip_from.is_some()
    }

    /// Inside a `w:t` of a run that is not skipped.
    fn in_text(&self) -> bool {
        !self.skipping() && self.stack.last() == Some(&"t") && !self.paras.is_empty()
    }

    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }

    fn parent_is(&self, name: &str) -> bool {
        self.stack.last() == Some(&name)
    }

    fn in_ppr(&self) -> bool {
        // pPr of the innermost paragraph: pPr directly, or numPr inside it
        let n = self.stack.len();
        let at = |k: usize| n.checked_sub(k).and_then(|i| self.stack.get(i)).copied();
        at(1) == Some("pPr") || (at(1) == Some("numPr") && at(2) == Some("pPr"))
    }

    fn start(&mut self, e: &BytesStart<'_>, name: &str) {
        if self.skipping() {
            return;
        }
        if is_skipped(name) {
            self.skip_from = Some(self.stack.len());
            return;
        }
        match name {
            "p" => self.paras.push(Para::default()),
            "tbl" if self.flattened > 0 || self.tables.len() >= MAX_TABLE_NESTING => {
                if self.flattened == 0 {
                    self.diagnostics.push(crate::diagnostic::Diagnostic::new(
                        crate::diagnostic::Code::TableFlattened,
                        self.paragraphs.saturating_add(1),
                        format!(
                            "tables nested deeper than {MAX_TABLE_NESTING} are read as the text of the cell around them"
                        ),
                    ));
                }
                self.flattened += 1;
            }
            "tr" | "tc" if self.flattened > 0 => {}
            "tbl" => self.tables.push(Table::default()),
            "tr" => self.start_row(),
            "tc" => self.start_cell(),
            "gridSpan" | "vMerge" if self.parent_is("tcPr") => self.cell_prop(e, name),
            "txbxContent" => self.textbox_depths.push(self.stack.len()),
            "tab" if self.parent_is("r") => self.push_text("\t"),
            "br" | "cr" if self.parent_is("r") => {
                if let Some(p) = self.paras.last_mut() {
                    p.breaks.push(p.text.len());
                }
            }
            "noBreakHyphen" if self.parent_is("r") => self.push_text("-"),
            _ if self.in_ppr() => {
                if let Some(p) = self.paras.last_mut() {
                    read_para_prop(e, name, &mut p.props);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(from) = self.skip_from {
            if self.stack.len() <= from {
                self.skip_from = None;
            }
            return;
        }
        match name {
            "p" => {
                if let Some(p) = self.paras.pop() {
                    self.finish_paragraph(p);
                }
            }
            "tbl" if self.flattened > 0 => self.flattened -= 1,
            "tr" | "tc" if self.flattened > 0 => {}
            "tc" => self.end_cell(),
            "tr" => self.end_row(),
            "tbl" => self.end_table(),
            "txbxContent" => {
                self.textbox_depths.pop();
            }
            _ => {}
        }
    }

    /// Render the paragraph's number and send it to its table cell or out as a line.
    fn finish_paragraph(&mut self, p: Para) {
        let style = p
            .props
            .style
            .as_deref()
            .map(|s| self.styles.resolve(s))
            .unwrap_or_default();
        let num_id = p.props.num_id.or(style.num_id);
        let ilvl = p
            .props
            .ilvl
            .or(style.ilvl)
            .or_else(|| {
                let (id, style_id) = (num_id?, p.props.style.as_deref()?);
                self.numbering.level_for_style(id, style_id)
            })
            .or(p
                .props
                .outline_lvl
                .or(style.outline_lvl)
                .filter(|_| num_id.is_some()));
        let max = self.limits.max_line_chars;
        let label =
            match num_id.map(|id| self.state.label(self.numbering, id, ilvl.unwrap_or(0), max)) {
                // a label that prints nothing (pandoc numbers a list item's
                // second paragraph with a blank bullet) is no label
                Some(Ok(Some((l, _)))) if l.trim().is_empty() => None,
                Some(Ok(label)) => label,
                Some(Err(numbering::TooLong(chars))) => {
                    let line = self.paragraphs.saturating_add(1);
                    self.refused = Some(self.limits.line_too_long("", line, chars));
                    return;
                }
                None => None,
            };
        if let Some((l, _)) = &label {
            self.label_chars = self.label_chars.saturating_add(l.len());
            if self.label_chars > self.limits.max_label_chars() {
                let line = self.paragraphs.saturating_add(1);
                self.refused = Some(self.limits.labels_too_long("", line));
                return;
            }
        }
        let ind = p
            .props
            .ind_left
            .or_else(|| num_id.and_then(|id| self.numbering.indent(id, ilvl.unwrap_or(0))))
            .or(style.ind_left)
            .unwrap_or(0);
        let in_cell = !self.tables.is_empty() && self.textbox_depths.is_empty();
        let known = match (&label, num_id) {
            (Some((l, _)), Some(id)) if !in_cell => self.depth.known(
                l,
                ilvl.unwrap_or(0),
                self.numbering.shows_own_level_only(id, ilvl.unwrap_or(0)),
            ),
            _ => None,
        };
        if label.is_none() && !in_cell {
            self.depth.typed(&p.text);
        }
        let label = match label {
            _ if known.is_some() => String::new(),
            Some((label, sep)) if !label.is_empty() => format!("{label}{sep}"),
            _ => String::new(),
        };
        // paragraphs of a text box are lines of their own, even in a table
        if in_cell {
            let text = format!("{label}{}", soft_lines(&p).collect::<Vec<_>>().join(" "));
            if let Some(t) = self.tables.last_mut() {
                t.add_paragraph(&text);
            }
            return;
        }
        let indent = usize::try_from(ind.max(0) / TWIPS_PER_INDENT).unwrap_or(0);
        // the lines of the paragraph, soft breaks that leave nothing dropped;
        // a paragraph in a text file's style is a line of that text
        let (start, soft) = if style.text_lines {
            (ParaStart::Unknown, ParaStart::Unknown)
        } else {
            (ParaStart::Paragraph, ParaStart::SoftBreak)
        };
        let mut pieces = soft_lines(&p).filter(|s| !s.trim().is_empty());
        let first = pieces.next().unwrap_or("");
        self.emit(format!("{label}{first}"), indent, start, true);
        if let Some(line) = self.lines.last_mut() {
            line.label = known;
        }
        for piece in pieces {
            self.emit(piece.to_string(), 0, soft, false);
        }
    }

    /// A line out; typed leading and trailing spaces count as in a text file.
    /// A paragraph's first line takes the next paragraph number
    /// (`new_paragraph`); a line after a soft break keeps its paragraph's.
    fn emit(&mut self, text: String, indent: usize, para_start: ParaStart, new_paragraph: bool) {
        if new_paragraph {
            self.paragraphs = self.paragraphs.saturating_add(1);
        }
        let line = self.paragraphs;
        let trailing = super::txt::trailing_of(&text);
        self.lines.push(Line {
            indent: indent.max(super::txt::indent_of(&text)),
            text,
            trailing,
            line,
            gaps: Vec::new(),
            para_start,
            label: None,
            cells: Vec::new(),
            normalized: false,
            table_row: false,
            page: None,
        });
    }
}

/// The text of a paragraph between its soft breaks.
fn soft_lines(p: &Para) -> impl Iterator<Item = &str> {
    let ends = p
        .breaks
        .iter()
        .copied()
        .chain(std::iter::once(p.text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let piece = p.text.get(start..end).unwrap_or("");
        start = end;
        piece
    })
}

/// The element names the reader compares against, as static strings (the stack
/// of open elements allocates nothing); any other name is "".
fn intern(name: &str) -> &'static str {
    match name {
        "p" => "p",
        "t" => "t",
        "r" => "r",
        "pPr" => "pPr",
        "numPr" => "numPr",
        "tc" => "tc",
        "tr" => "tr",
        "tbl" => "tbl",
        "txbxContent" => "txbxContent",
        "tcPr" => "tcPr",
        _ => "",
    }
}
