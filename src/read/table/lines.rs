//! Rows turned into lines: the lines of the same order typed as text, with
//! duty numbers made whole (`N.k`) and notes kept as their own lines.
//!
//! A number the table gives (the person's row number, a duty's `N.k` made
//! from the person and the duty's place in the cell) is the line's
//! [`Line::label`], built from its values, not text for the outline to read
//! back; a label written inside a cell is left in the text.

use super::{Cell, Columns, Row, Table, cell_lines};
use crate::diagnostic::{Code, Diagnostic};
use crate::label::{Family, Label, parse_label};
use crate::read::{CellRole, Line, TableCell};
use crate::thai::digits::parse_number;
use crate::thai::gaps::has_wide_gap;
use crate::thai::lexicon::{is_steps_heading, title_at};
use crate::thai::normalize_line;

/// Indentation given to duty and note lines: inside the table, never a
/// heading at the margin.
const CELL_INDENT: usize = 4;

fn leading_width(s: &str) -> usize {
    let mut w = 0;
    for c in s.chars() {
        match c {
            '\t' => w += 4,
            c if c.is_whitespace() => w += 1,
            _ => break,
        }
    }
    w
}

fn trailing_width(s: &str) -> usize {
    s.chars().rev().take_while(|c| c.is_whitespace()).count()
}

/// A one-level label form: a list of duties when a duty cell starts with it.
fn is_list_label(l: &Label) -> bool {
    !(l.family == Family::Dotted && l.values.len() >= 2)
}

/// A line of a duty cell, with its label when it has one.
struct CellLine<'a> {
    raw: &'a str,
    label: Option<(Label, String)>,
    /// The line in normal form, read to find its label.
    norm: String,
    /// The line has a wide gap: its normal form as a line of the document
    /// (what the normalise stage makes of it, segment by segment) is not
    /// `norm`, so it is left to that stage.
    gapped: bool,
}

impl<'a> CellLine<'a> {
    pub(super) fn new(raw: &'a str) -> Self {
        let norm = normalize_line(raw);
        let label = parse_label(&norm).map(|(l, rest)| (l, rest.to_string()));
        CellLine {
            raw,
            label,
            norm,
            gapped: has_wide_gap(raw),
        }
    }
}

#[derive(Default)]
pub(super) struct Emitter {
    pub(super) lines: Vec<Line>,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Number of the current person.
    pub(super) person: Option<u32>,
    /// Number of the person before (for the running count).
    pub(super) last_person: u32,
    /// Duties of the current person so far (the `k` of `N.k`).
    pub(super) k: u32,
    /// The table is over (effective clause, date, signature follow).
    pub(super) footer: bool,
}

impl Emitter {
    fn push(&mut self, text: String, indent: usize, trailing: usize, line: u32) {
        self.lines.push(Line {
            text,
            indent,
            trailing,
            line,
            ..Line::default()
        });
    }

    /// A line built from cell texts in normal form ([`Cell::norm`]), joined by
    /// a space: normal itself, so the normalise stage leaves it.
    fn push_normal(&mut self, text: String, indent: usize, line: u32) {
        self.lines.push(Line {
            text,
            indent,
            line,
            normalized: true,
            ..Line::default()
        });
    }

    /// A line whose label the table gives; `text` is what follows it, in
    /// normal form (a cell's text read to find its label), with the cells
    /// of a person row by their roles.
    fn push_labelled(
        &mut self,
        label: Label,
        text: String,
        indent: usize,
        trailing: usize,
        line: u32,
    ) {
        self.push_cells(label, text, Vec::new(), indent, trailing, line);
    }

    fn push_cells(
        &mut self,
        label: Label,
        text: String,
        cells: Vec<TableCell>,
        indent: usize,
        trailing: usize,
        line: u32,
    ) {
        self.lines.push(Line {
            text,
            indent,
            trailing,
            line,
            label: Some(label),
            cells,
            normalized: true,
            ..Line::default()
        });
    }

    /// A raw line of a cell, indented by `base` plus its own leading spaces.
    fn push_raw(&mut self, raw: &str, base: usize, line: u32) {
        self.push(
            raw.to_string(),
            base + leading_width(raw),
            trailing_width(raw),
            line,
        );
    }

    /// A line of a duty cell as written (no label the table gives): its
    /// normal form, made once when the cell was read for labels, unless a
    /// wide gap leaves it to the normalise stage ([`CellLine::gapped`]) or
    /// normalising leaves nothing of it (the readers' test for a document
    /// with nothing in it reads what was typed).
    fn push_cell_line(&mut self, cl: &CellLine<'_>, line: u32) {
        if cl.gapped || cl.norm.is_empty() {
            self.push_raw(cl.raw, CELL_INDENT, line);
            return;
        }
        self.lines.push(Line {
            text: cl.norm.clone(),
            indent: CELL_INDENT + leading_width(cl.raw),
            trailing: trailing_width(cl.raw),
            line,
            normalized: true,
            ..Line::default()
        });
    }

    fn blank(&mut self, line: u32) {
        if self.lines.last().is_some_and(|l| !l.text.is_empty()) {
            self.push(String::new(), 0, 0, line);
        }
    }

    pub(super) fn table(&mut self, t: &Table) {
        for row in t.rows.iter().take(t.header) {
            self.plain_row(row, 0);
        }
        for row in t.rows.iter().skip(t.header + 1) {
            if row.is_blank() {
                continue;
            }
            if self.footer {
                // each its own paragraph: a row is never a wrapped line
                self.blank(row.line);
                self.plain_row(row, 0);
            } else {
                self.data_row(row, &t.columns);
            }
        }
    }

    /// A row as plain lines: one line of its cells joined by a space, or the
    /// lines of its only cell.
    fn plain_row(&mut self, row: &Row, indent: usize) {
        let filled: Vec<&Cell> = row.filled().map(|(_, c)| c).collect();
        match filled.as_slice() {
            [] => {}
            [only] => {
                for l in cell_lines(&only.text) {
                    self.push_raw(l, indent, row.line);
                }
            }
            many => {
                let text = many
                    .iter()
                    .map(|c| c.norm())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                self.push_normal(text, indent, row.line);
            }
        }
    }

    fn data_row(&mut self, row: &Row, cols: &Columns) {
        if let Some(rows) = one_row_per_name(row, cols) {
            for r in &rows {
                self.data_row(r, cols);
            }
            return;
        }
        let name = row.cell(cols.name);
        let duty = row.cell(cols.duty);
        let number = row.cell(cols.number);
        let position = [cols.position, cols.rank]
            .iter()
            .filter_map(|&c| row.cell(c))
            .map(|c| c.norm())
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_none() && starts_footer(row) {
            self.footer = true;
            self.blank(row.line);
            self.plain_row(row, 0);
            return;
        }
        // a heading merged across the table, or written in the name column
        let heading_only = name.is_some_and(|n| {
            duty.is_none()
                && number.is_none()
                && position.is_empty()
                && title_at(n.norm()).is_none()
        });
        if (name.is_none() && duty.is_none()) || heading_only {
            let only_extras = row.filled().all(|(c, _)| !cols.known(c));
            if only_extras {
                self.extras(row, cols, true);
            } else {
                self.blank(row.line);
                self.plain_row(row, 0);
            }
            return;
        }
        let mut number_is_text = false;
        let mut row_label = None;
        if let Some(n) = name {
            let (written, value) = match person_number(number) {
                Some(p) => p,
                None => {
                    number_is_text = number.is_some();
                    let v = self.last_person.saturating_add(1);
                    (v.to_string(), v)
                }
            };
            self.person = Some(value);
            self.last_person = value;
            self.k = 0;
            let (text, cells) = person_cells(row, n, cols);
            let label = Label::new(format!("{written}."), Family::Dotted, vec![value]);
            self.push_cells(label, text, cells, 0, 0, row.line);
        } else if let Some(cell) = number {
            match self.duty_row_label(cell, row.line, cols) {
                RowNumber::Label(l) => row_label = Some(l),
                RowNumber::Count => {}
                RowNumber::Text => number_is_text = true,
            }
        }
        if name.is_none() {
            // a position without a name: kept, under its header
            for c in [cols.position, cols.rank].into_iter().flatten() {
                if let Some(cell) = row.cell(Some(c)) {
                    self.labelled(cols.header(c), cell, row.line);
                }
            }
        }
        if let Some(d) = duty {
            self.duty_cell(&d.text, row.line, row_label);
        }
        self.extras(row, cols, false);
        if number_is_text && let (Some(c), Some(cell)) = (cols.number, number) {
            self.labelled(cols.header(c), cell, row.line);
        }
    }

    /// The note and unknown columns of a row, each as its own labelled line.
    fn extras(&mut self, row: &Row, cols: &Columns, all: bool) {
        for (c, cell) in row.filled() {
            if all || !cols.known(c) {
                self.labelled(cols.header(c), cell, row.line);
            }
        }
    }

    /// `หมายเหตุ: text` after a blank line (just the text without a header).
    fn labelled(&mut self, header: &str, cell: &Cell, line: u32) {
        let value = cell.norm().to_string();
        if value.is_empty() {
            return;
        }
        let text = if header.is_empty() || value.starts_with(header) {
            value
        } else {
            format!("{header}: {value}")
        };
        self.blank(line);
        // (the header is a cell's text in normal form too)
        self.push_normal(text, CELL_INDENT, line);
        self.blank(line);
    }

    /// What the number cell of a duty row (no name) says.
    fn duty_row_label(&mut self, cell: &Cell, line: u32, cols: &Columns) -> RowNumber {
        let shown = cell.norm().trim_end_matches('.');
        if let Some(v) = cell.number
            && v.fract() == 0.0
        {
            return RowNumber::Count;
        }
        if parse_number(shown).is_some() {
            return RowNumber::Count;
        }
        let expected = self
            .person
            .map(|n| format!("{n}.{}", self.k.saturating_add(1)));
        let header = cols.header(cols.number.unwrap_or(0)).to_string();
        let text = match (cell.number, expected) {
            (Some(v), Some(exp)) if exp.parse::<f64>().ok() == Some(v) => {
                if exp != shown {
                    self.diagnostics.push(
                        Diagnostic::new(
                            Code::LabelFromNumber,
                            line,
                            format!(
                                "{header} {shown} is a number cell, read as {exp}, the next duty number (a number cell drops trailing zeros: 1.10 is stored as 1.1); type duty numbers as text"
                            ),
                        )
                        .with_label(shown, &exp),
                    );
                }
                exp
            }
            (Some(_), _) => {
                self.diagnostics.push(Diagnostic {
                    label: Some(shown.to_string()),
                    ..Diagnostic::new(
                        Code::LabelIsNumber,
                        line,
                        format!(
                            "{header} {shown} is a number cell: a trailing zero may be lost (1.10 is stored as 1.1); type duty numbers as text"
                        ),
                    )
                });
                shown.to_string()
            }
            (None, _) => shown.to_string(),
        };
        match parse_label(&text) {
            Some((l, rest))
                if l.family == Family::Dotted && l.values.len() >= 2 && rest.is_empty() =>
            {
                RowNumber::Label(l)
            }
            _ => RowNumber::Text,
        }
    }

    /// The lines of a duty cell (see the module documentation).
    fn duty_cell(&mut self, text: &str, line: u32, row_label: Option<Label>) {
        let lines: Vec<CellLine<'_>> = cell_lines(text).map(CellLine::new).collect();
        let Some(first) = lines.first() else { return };
        let Some(n) = self.person else {
            // duties before any person: as written
            for (i, l) in lines.iter().enumerate() {
                match (&row_label, i, &l.label) {
                    (Some(rl), 0, None) => self.push_labelled(
                        rl.clone(),
                        l.norm.clone(),
                        CELL_INDENT,
                        trailing_width(l.raw),
                        line,
                    ),
                    _ => self.push_cell_line(l, line),
                }
            }
            return;
        };
        match &first.label {
            Some((l, _)) if is_list_label(l) => {
                let family = l.family;
                // written value of each list item → its k
                let mut map: Vec<(u32, u32)> = Vec::new();
                for cl in &lines {
                    match &cl.label {
                        Some((l, rest)) if l.family == family && is_list_label(l) => {
                            self.k = self.k.saturating_add(1);
                            map.push((l.last_value(), self.k));
                            self.push_labelled(
                                Label::dotted(vec![n, self.k]),
                                rest.clone(),
                                CELL_INDENT,
                                trailing_width(cl.raw),
                                line,
                            );
                        }
                        Some((l, rest))
                            if family == Family::Dotted && l.family == Family::Dotted =>
                        {
                            let head = l.values.first().copied().unwrap_or(0);
                            match map.iter().rev().find(|(w, _)| *w == head) {
                                Some(&(_, k)) => {
                                    let mut values = vec![n, k];
                                    values.extend(l.values.iter().skip(1));
                                    self.push_labelled(
                                        Label::dotted(values),
                                        rest.clone(),
                                        CELL_INDENT,
                                        trailing_width(cl.raw),
                                        line,
                                    );
                                }
                                None => self.push_cell_line(cl, line),
                            }
                        }
                        _ => self.push_cell_line(cl, line),
                    }
                }
            }
            Some(_) => {
                for cl in &lines {
                    self.note_two_part(cl);
                    self.push_cell_line(cl, line);
                }
            }
            None => {
                let any_label = lines.iter().any(|l| l.label.is_some());
                let mut duty = self.duty_label(n, row_label);
                self.push_labelled(
                    duty.clone(),
                    first.norm.clone(),
                    CELL_INDENT,
                    trailing_width(first.raw),
                    line,
                );
                let mut step: Option<u32> = None;
                for cl in lines.iter().skip(1) {
                    if any_label {
                        self.note_two_part(cl);
                        self.push_cell_line(cl, line);
                    } else if is_steps_heading(&cl.norm) {
                        step = Some(0);
                        self.push_cell_line(cl, line);
                    } else if let Some(j) = step.as_mut() {
                        *j = j.saturating_add(1);
                        self.push_labelled(
                            duty.child(*j),
                            cl.norm.clone(),
                            CELL_INDENT,
                            trailing_width(cl.raw),
                            line,
                        );
                    } else {
                        duty = self.duty_label(n, None);
                        self.push_labelled(
                            duty.clone(),
                            cl.norm.clone(),
                            CELL_INDENT,
                            trailing_width(cl.raw),
                            line,
                        );
                    }
                }
            }
        }
    }

    /// The label of the next duty of person `n`: the row's own label when it
    /// has one, else `N.k`.
    fn duty_label(&mut self, n: u32, row_label: Option<Label>) -> Label {
        match row_label {
            Some(l) => {
                if l.values.len() == 2 {
                    self.k = l.last_value();
                }
                l
            }
            None => {
                self.k = self.k.saturating_add(1);
                Label::dotted(vec![n, self.k])
            }
        }
    }

    /// A two-part label written in a cell moves the duty count on.
    fn note_two_part(&mut self, cl: &CellLine<'_>) {
        if let Some((l, _)) = &cl.label
            && l.family == Family::Dotted
            && l.values.len() == 2
        {
            self.k = l.last_value();
        }
    }
}

enum RowNumber {
    /// A dotted label for the row's duty (`1.10`).
    Label(Label),
    /// A whole number: a running row count.
    Count,
    /// Anything else: kept as text.
    Text,
}

/// The person number in a number cell: (as written, value).
fn person_number(cell: Option<&Cell>) -> Option<(String, u32)> {
    let cell = cell?;
    if let Some(v) = cell.number {
        return (v.fract() == 0.0 && v >= 0.0 && v <= f64::from(u32::MAX)).then(|| {
            let n = v as u32;
            (n.to_string(), n)
        });
    }
    let t = cell.norm().trim_end_matches('.');
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t);
    parse_number(t).map(|n| (t.to_string(), n))
}

/// A person row's text, its name, position and rank cells (each in normal
/// form, the empty ones left out) joined by a space, and where each cell is
/// in it: the position is the position cell's, not text for a later stage
/// to find after a word put in for it.
fn person_cells(row: &Row, name: &Cell, cols: &Columns) -> (String, Vec<TableCell>) {
    let mut text = String::new();
    let mut cells = Vec::new();
    let values = [(CellRole::Name, Some(name))].into_iter().chain(
        [
            (CellRole::Position, cols.position),
            (CellRole::Rank, cols.rank),
        ]
        .into_iter()
        .map(|(role, c)| (role, row.cell(c))),
    );
    for (role, cell) in values {
        let Some(cell) = cell else { continue };
        let value = cell.norm();
        if value.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(value);
        cells.push(TableCell {
            role,
            start,
            end: text.len(),
        });
    }
    (text, cells)
}

/// A row whose name cell holds several people, one titled name a line
/// (`นายธีรพงษ์ สายทอง` / `นางสาวสุกัญญา ปานทอง`, the people on duty that
/// day), as one row per person: each takes the line of the same place in
/// every cell with as many lines (their posts, their phones), and the first
/// takes the other cells whole (the date, the row number) — a post is never
/// guessed for a person when the lines do not pair. `None` for a row of one
/// person.
fn one_row_per_name(row: &Row, cols: &Columns) -> Option<Vec<Row>> {
    let name = row.cell(cols.name)?;
    let names: Vec<&str> = cell_lines(&name.text).collect();
    if names.len() < 2
        || !names
            .iter()
            .all(|l| title_at(normalize_line(l).as_str()).is_some())
    {
        return None;
    }
    // each cell's lines, split once for all the people of the row
    let split: Vec<Vec<&str>> = row
        .cells
        .iter()
        .map(|c| cell_lines(&c.text).collect())
        .collect();
    let mut out = Vec::with_capacity(names.len());
    for k in 0..names.len() {
        let cells = row
            .cells
            .iter()
            .zip(&split)
            .enumerate()
            .map(|(c, (cell, lines))| {
                let text = if lines.len() == names.len() {
                    lines.get(k).copied().unwrap_or("").to_string()
                } else if k == 0 && Some(c) != cols.position && Some(c) != cols.rank {
                    cell.text.clone()
                } else {
                    String::new()
                };
                Cell::new(text, if k == 0 { cell.number } else { None })
            })
            .collect();
        out.push(Row {
            line: row.line,
            cells,
        });
    }
    Some(out)
}

/// A row that ends the table: the effective clause or the date line.
fn starts_footer(row: &Row) -> bool {
    row.filled().next().is_some_and(|(_, c)| {
        let t = c.norm();
        t.starts_with("ทั้งนี้") || crate::thai::lexicon::is_signed_line(t)
    })
}
