//! People named on unnumbered lines ([`ParaKind::Entry`]): cabinet
//! reshuffles (`พลเอก ก ข      รองนายกรัฐมนตรี` / `พ้นจากความเป็นรัฐมนตรี`),
//! appointments (`น.ส.ก ข` / `ดำรงตำแหน่งประธานสภา…`), advisers listed under
//! club or unit headings (`นายก ข (คณะวิทยาศาสตร์)`).
//!
//! What follows the name is read as the current post (`position`) and what the
//! order makes the person (`appointed_as`): the text after `ดำรงตำแหน่ง` or a
//! leading `เป็น`, or a removal (`พ้นจาก…`); the rest is the post. A bracket
//! right after the name holds the person's unit, not a post, and is left in the
//! outline only.

use crate::model::Person;
use crate::order::committee::inline_duty;
use crate::order::people::{split_name, split_position};
use crate::order::table_rows;
use crate::outline::{NodeKind, Outline, ParaKind};
use crate::thai::find::find;
use crate::thai::lexicon::{
    APPOINTED_AS_WORDS, APPOINTMENT_ENDS, APPOINTMENT_TRAILERS, CLAUSE_OPENERS, LET_WORD,
    LIST_INTROS, REMOVAL_WORD, find_first, starts_position, starts_with_any,
};

/// The people of every person line that `claimed` does not mark (committee
/// members are read by the committee stage), with the node each came from.
pub fn read(outline: &Outline, claimed: &[bool]) -> Vec<(usize, Person)> {
    let mut out = Vec::new();
    for (i, n) in outline.nodes.iter().enumerate() {
        if n.kind != NodeKind::Paragraph(ParaKind::Entry)
            || claimed.get(i).copied().unwrap_or(false)
        {
            continue;
        }
        // `ม.๑/๑ ⟶ นางสาวก ข ⟶ นายค ง`: a row whose first cell labels the
        // whole names in the others (a class and its homeroom teachers); one
        // name after a post is that person's post
        let cells =
            crate::outline::line::name_cells(&crate::outline::line::cells_of(&n.text, &n.cells));
        // `นายก ข ⟶ นางค ง ⟶ …` under `วันจันทร์ ⟶ วันอังคาร ⟶ …`: a row of
        // whole names and nothing else is that many people (never one
        // person with the others as a post), each on the day of their column
        // when the header row names days
        if cells.len() >= 2 && cells.iter().all(|c| whole_name(c)) {
            let days = day_header(outline, i, cells.len());
            for (k, cell) in cells.iter().enumerate() {
                if let Some(name) = split_name(cell) {
                    let id = format!("u{}", out.len() + 1);
                    let mut person = named(outline, i, id, &name);
                    person.work_group = days
                        .as_ref()
                        .and_then(|d| d.get(k).cloned())
                        .or_else(|| heading_above(outline, i));
                    out.push((i, person));
                }
            }
            continue;
        }
        if let Some((label, names)) = cells.split_first()
            && crate::outline::line::labels_names(&cells)
        {
            let post = (names.len() == 1 && starts_position(label)).then(|| label.to_string());
            let group = post.is_none().then(|| label.to_string());
            for cell in names {
                if let Some(name) = split_name(cell) {
                    let id = format!("u{}", out.len() + 1);
                    let mut person = named(outline, i, id, &name);
                    person.position.clone_from(&post);
                    person.work_group = group.clone().or_else(|| heading_above(outline, i));
                    out.push((i, person));
                }
            }
            continue;
        }
        // a table row `1⇥นายก ข⇥สังคมศาสตร์/3⇥ค่ายอาสาพัฒนา`: the cells after
        // the name are not read without the table's header (null, not a guess)
        // …
        let row = row_number_start(&n.text);
        let Some(name) = split_name(n.text.get(row.unwrap_or(0)..).unwrap_or("")) else {
            continue;
        };
        // … unless the header row above names their columns
        let by_header = row.and_then(|_| {
            let header = table_rows::header_above(outline, i)?;
            let cells = table_rows::cells(n);
            // the name's cell: after the number and any code cells
            let at = cells
                .iter()
                .position(|c| split_name(c).is_some())
                .unwrap_or(1);
            table_rows::read_row(&header, &cells, at)
        });
        let (position, mut appointed_as) = if row.is_some() {
            (by_header.as_ref().and_then(|r| r.position.clone()), None)
        } else {
            post_and_appointment(name.rest)
        };
        let mut post = position.as_deref().map(split_position).unwrap_or_default();
        // … and a student's class, which says what it is by its form
        // (`ป.๖/๑`, `ชั้นมัธยมศึกษาปีที่ ๓/๑`)
        let id = format!("u{}", out.len() + 1);
        let mut duties = Vec::new();
        if let Some(r) = by_header {
            post.class = r.class.or(post.class);
            post.rank = r.rank.or(post.rank);
            appointed_as = r.appointed_as;
            if let Some(work) = r.duty {
                duties.push(inline_duty(
                    format!("{id}.d1"),
                    &work,
                    n.line_start,
                    n.line_end,
                ));
            }
        } else if row.is_some() {
            post.class = split_position(name.rest).class;
        }
        if duties.is_empty()
            && let Some(work) = post.work.take()
        {
            duties.push(inline_duty(
                format!("{id}.d1"),
                &work,
                n.line_start,
                n.line_end,
            ));
        }
        let person = Person {
            position: post.position,
            rank: post.rank,
            class: post.class,
            role: post.role,
            work_group: heading_above(outline, i),
            appointed_as: appointed_as.or(post.assigned),
            duties,
            ..named(outline, i, id, &name)
        };
        out.push((i, person));
    }
    out
}

/// A person of line node `i` who is only named there (nothing else known).
pub(crate) fn named(
    outline: &Outline,
    i: usize,
    id: String,
    name: &crate::order::people::NameParts<'_>,
) -> Person {
    let (line_start, line_end) = outline
        .node(i)
        .map_or((0, 0), |n| (n.line_start, n.line_end));
    Person {
        id,
        number: None,
        label: None,
        node: outline.id(i).map(String::from),
        duty_intro: None,
        same_as: None,
        page: None,
        title: Some(name.title.to_string()),
        given_name: name.given_name(),
        family_name: name.family.map(str::to_string),
        full_name: name.full.clone(),
        position: None,
        rank: None,
        class: None,
        role: None,
        work_group: None,
        appointed_as: None,
        line_start,
        line_end,
        duties: Vec::new(),
        substitutes: Vec::new(),
    }
}

/// Where the name starts after a bare row number (`1 นายก ข …`), when the
/// text starts with one.
fn row_number_start(text: &str) -> Option<usize> {
    let (num, mut rest) = text.split_once(' ')?;
    if num.is_empty() || !num.chars().all(crate::thai::digits::is_digit) {
        return None;
    }
    // (and the code cells after it: a student ID before the name)
    while let Some((word, after)) = rest.split_once(' ')
        && crate::outline::line::is_code(word)
    {
        rest = after;
    }
    Some(text.len() - rest.len())
}

/// Whether what an order makes a person is a removal from office (`พ้นจาก…`).
pub fn is_removal(appointed_as: &str) -> bool {
    appointed_as.starts_with(REMOVAL_WORD)
}

/// (position, appointed_as) from what follows a name on a person line.
pub fn post_and_appointment(rest: &str) -> (Option<String>, Option<String>) {
    let mut s = rest.trim();
    // `(คณะวิทยาศาสตร์)`: the person's unit
    if s.starts_with('(')
        && let Some(close) = s.find(')')
    {
        s = s.get(close + 1..).unwrap_or("").trim();
    }
    for w in APPOINTMENT_TRAILERS {
        s = s.strip_suffix(w).unwrap_or(s).trim_end();
    }
    let (before, appointed) = if let Some((i, w)) = APPOINTED_AS_WORDS
        .iter()
        .filter_map(|w| find(s, w).map(|i| (i, *w)))
        .min_by_key(|(i, _)| *i)
        .filter(|(i, w)| *i == 0 || *w != "เป็น")
    {
        (
            s.get(..i).unwrap_or(""),
            s.get(i + w.len()..).map(str::trim),
        )
    } else if let Some(i) = find(s, REMOVAL_WORD) {
        (s.get(..i).unwrap_or(""), s.get(i..).map(str::trim))
    } else {
        (s, None)
    };
    let non_empty = |t: &str| {
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_string())
    };
    // `… ให้ดำรงตำแหน่ง X ตั้งแต่วันที่ …`: "let" belongs to the verb, and
    // what they are made ends where the when or the by-what begins
    let before = before.trim_end();
    let before = before.strip_suffix(LET_WORD).unwrap_or(before);
    let appointed = appointed.map(|a| match find_first(a, APPOINTMENT_ENDS) {
        Some((end, _)) => a.get(..end).unwrap_or(a),
        None => a,
    });
    (non_empty(before), appointed.and_then(non_empty))
}

/// The heading right above a person line among its siblings (a short
/// unnumbered line, such as a club or unit name), skipping the person lines
/// under the same heading.
/// Most words in a heading over a group of names (`องค์การบริหาร องค์การนิสิต`,
/// `ชมรมค่ายอาสาพัฒนา`): a running-text line has more.
const MAX_GROUP_HEADING_WORDS: usize = 4;

/// A short line that names a group: a few words, no clause (`ให้…`, `ทั้งนี้…`)
/// and no list intro (`… ดังนี้`).
fn is_group_heading(text: &str) -> bool {
    crate::outline::line::is_heading_length(text)
        && text.split(' ').count() <= MAX_GROUP_HEADING_WORDS
        && starts_with_any(text, CLAUSE_OPENERS).is_none()
        && !LIST_INTROS.iter().any(|w| text.ends_with(w))
}

/// A titled whole name and nothing else.
fn whole_name(cell: &str) -> bool {
    split_name(cell).is_some_and(|n| n.family.is_some() && n.rest.is_empty())
}

/// The days a roster's header row names over the row at `i` (`วันจันทร์ ⟶
/// วันอังคาร ⟶ …`, as many cells as the row): the nearest earlier sibling
/// line of cells whose every cell is a day, past rows of the same width.
fn day_header(outline: &Outline, i: usize, width: usize) -> Option<Vec<String>> {
    for s in outline.siblings_before(i) {
        let m = outline.node(s)?;
        let cells = table_rows::cells(m);
        if cells.len() != width {
            return None;
        }
        if cells.iter().all(|c| crate::thai::date::is_day_heading(c)) {
            return Some(cells.iter().map(|c| (*c).to_string()).collect());
        }
    }
    None
}

fn heading_above(outline: &Outline, i: usize) -> Option<String> {
    for s in outline.siblings_before(i) {
        let m = outline.node(s)?;
        match m.kind {
            NodeKind::Paragraph(ParaKind::Entry) => continue,
            // (a line the header read as the end of its preamble, `จึงแต่งตั้งให้`,
            // is no heading over the names after it)
            NodeKind::Paragraph(ParaKind::Text | ParaKind::WorkGroup)
                if m.role != Some(crate::model::NodeKind::Preamble)
                    && is_group_heading(&m.text) =>
            {
                return Some(m.text.to_string());
            }
            _ => return None,
        }
    }
    // the first entries under a heading (`วันที่ ๑๓ เมษายน ๒๕๖๗` / `นายก ข  หัวหน้าเวร`)
    let parent = outline.node(i)?.parent.and_then(|p| outline.node(p))?;
    (parent.kind == NodeKind::Paragraph(ParaKind::Heading) && is_group_heading(&parent.text))
        .then(|| parent.text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pa(rest: &str) -> (Option<String>, Option<String>) {
        post_and_appointment(rest)
    }

    #[test]
    fn post_and_what_the_order_makes_the_person() {
        assert_eq!(
            pa("รองนายกรัฐมนตรีพ้นจากความเป็นรัฐมนตรี"),
            (
                Some("รองนายกรัฐมนตรี".into()),
                Some("พ้นจากความเป็นรัฐมนตรี".into())
            )
        );
        assert_eq!(
            pa("เป็นรัฐมนตรีว่าการกระทรวงพลังงาน"),
            (None, Some("รัฐมนตรีว่าการกระทรวงพลังงาน".into()))
        );
        assert_eq!(
            pa("ดำรงตำแหน่งประธานสภาผู้แทนนิสิต"),
            (None, Some("ประธานสภาผู้แทนนิสิต".into()))
        );
        assert_eq!(
            pa("เป็นรองนายกรัฐมนตรีอีกตำแหน่งหนึ่ง"),
            (None, Some("รองนายกรัฐมนตรี".into()))
        );
        assert_eq!(pa("(คณะวิทยาศาสตร์)"), (None, None));
        assert_eq!(pa("ครู"), (Some("ครู".into()), None));
    }
}
