//! Committees (คณะกรรมการ) appointed by an order: name, members with roles, duties.
//!
//! A committee is introduced by a node whose text names a body — `คณะกรรมการ…`,
//! `คณะอนุกรรมการ…`, `คณะทำงาน…` or an acronym such as `ก.ค.ศ.` / `อ.ก.ค.ศ.
//! วิสามัญ` — and whose body lists members with a committee role:
//!
//! - the items under it (`1.1 นายสมชาย ใจดี ผู้อำนวยการ ประธานกรรมการ`,
//!   `(๑) รัฐมนตรีว่าการ… เป็นประธานกรรมการ`, `(๒) กรรมการโดยตำแหน่ง ได้แก่ …`);
//! - or, when the introducing line is unnumbered and ends with `ประกอบด้วย` /
//!   `ดังนี้`, the items that follow it;
//! - or the intro's own text after `ประกอบด้วย` when it names people.
//!
//! Running text (`ให้เลขาธิการ ก.ค.ศ. เป็นกรรมการและเลขานุการ และให้ … แต่งตั้ง…
//! เป็นผู้ช่วยเลขานุการ`) adds members too, whether it stands in its own
//! paragraph or was joined onto the last member item as a wrapped line.
//!
//! Duties follow `มีหน้าที่ ดังนี้` / `หน้าที่` / `ให้คณะกรรมการ…มีอำนาจหน้าที่ ดังนี้`
//! and are built with [`duties::duty_from`], so they have the shape of a person's
//! duties. Where something cannot be told apart, the value stays null (or the
//! text stays whole) and an info diagnostic says so.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Committee, CommitteeMember, Duty, Person};
use crate::order::duties;
use crate::order::people::{NameParts, person_in_item, split_name};
use crate::outline::{NodeKind, Outline, ParaKind};
use crate::thai::digits::leading_number;
use crate::thai::lexicon::TITLES;

/// Committees found, the outline kinds of their nodes, and diagnostics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Committees {
    /// The committees, in document order.
    pub committees: Vec<Committee>,
    /// (outline node, kind) for nodes that belong to a committee.
    pub kinds: Vec<(usize, &'static str)>,
    /// What was noticed.
    pub diagnostics: Vec<Diagnostic>,
}

// ---------------------------------------------------------------------------
// Vocabulary (kept here, not in `thai::lexicon`, because only committees use it)
// ---------------------------------------------------------------------------

/// Committee roles as written → the role reported. Matched longest first, so
/// `กรรมการและเลขานุการ` wins over `กรรมการ`. The slash forms used in school
/// orders (`กรรมการ/เลขานุการ`) are reported in the `และ` form.
const ROLES: &[(&str, &str)] = &[
    ("กรรมการและผู้ช่วยเลขานุการ", "กรรมการและผู้ช่วยเลขานุการ"),
    ("กรรมการ/ผู้ช่วยเลขานุการ", "กรรมการและผู้ช่วยเลขานุการ"),
    ("กรรมการและเลขานุการ", "กรรมการและเลขานุการ"),
    ("กรรมการ/เลขานุการ", "กรรมการและเลขานุการ"),
    ("กรรมการและเหรัญญิก", "กรรมการและเหรัญญิก"),
    ("รองประธานกรรมการ", "รองประธานกรรมการ"),
    ("ประธานกรรมการ", "ประธานกรรมการ"),
    ("กรรมการ", "กรรมการ"),
    ("อนุกรรมการและผู้ช่วยเลขานุการ", "อนุกรรมการและผู้ช่วยเลขานุการ"),
    ("อนุกรรมการและเลขานุการ", "อนุกรรมการและเลขานุการ"),
    ("รองประธานอนุกรรมการ", "รองประธานอนุกรรมการ"),
    ("ประธานอนุกรรมการ", "ประธานอนุกรรมการ"),
    ("อนุกรรมการ", "อนุกรรมการ"),
    ("คณะทำงานและผู้ช่วยเลขานุการ", "คณะทำงานและผู้ช่วยเลขานุการ"),
    ("คณะทำงานและเลขานุการ", "คณะทำงานและเลขานุการ"),
    ("รองหัวหน้าคณะทำงาน", "รองหัวหน้าคณะทำงาน"),
    ("หัวหน้าคณะทำงาน", "หัวหน้าคณะทำงาน"),
    ("รองประธานคณะทำงาน", "รองประธานคณะทำงาน"),
    ("ประธานคณะทำงาน", "ประธานคณะทำงาน"),
    ("คณะทำงาน", "คณะทำงาน"),
    ("ผู้ช่วยเลขานุการ", "ผู้ช่วยเลขานุการ"),
    ("เลขานุการ", "เลขานุการ"),
    ("เหรัญญิก", "เหรัญญิก"),
    ("ประธานที่ปรึกษา", "ประธานที่ปรึกษา"),
    ("ที่ปรึกษา", "ที่ปรึกษา"),
    ("รองประธาน", "รองประธาน"),
    ("ประธาน", "ประธาน"),
];

/// The words every role in [`ROLES`] contains one of.
const ROLE_WORDS: &[&str] = &[
    "กรรมการ",
    "ประธาน",
    "เลขานุการ",
    "คณะทำงาน",
    "ที่ปรึกษา",
    "เหรัญญิก",
];

/// Words that name a collective body ("committee", "sub-committee", "working
/// group", "advisory board").
const COMMITTEE_WORDS: &[&str] = &["คณะอนุกรรมการ", "คณะกรรมการ", "คณะทำงาน", "คณะที่ปรึกษา"];

/// Words before a committee word that make it part of an office's name
/// (`สำนักงานคณะกรรมการ…` = "Office of the … Commission").
const OFFICE_PREFIXES: &[&str] = &["สำนักงาน", "สำนัก"];

/// What may stand before the body an item introduces: nothing, "appoint",
/// "let", "let there be" ….
const BODY_LEADS: &[&str] = &["", "แต่งตั้ง", "ให้", "โดยให้", "ให้มี", "ให้แต่งตั้ง", "และ"];

/// Acronym bodies written without dots (most are written `ก.ค.ศ.`, which the
/// pattern in [`acronym_len`] recognises).
const UNDOTTED_ACRONYMS: &[&str] = &["อกคศ.", "กคศ.", "กศจ.", "กพฐ."];

/// Where the name of a committee ends: "each body", "numbering", "which",
/// "under (a law)", "consisting of", "as follows", "has the duty" ….
const NAME_ENDS: &[&str] = &[
    " แต่ละคณะ",
    " มีจำนวน",
    " จำนวน",
    " ซึ่ง",
    " ตาม",
    "ประกอบด้วย",
    "ดังต่อไปนี้",
    "ดังนี้",
    "มีอำนาจหน้าที่",
    "มีหน้าที่",
    " โดยมี",
    " โดยให้",
    " ทำหน้าที่",
    " มีอำนาจ",
    " ให้",
    ":",
];

/// Words that end an introducing line whose members follow it.
const LIST_INTROS: &[&str] = &["ประกอบด้วย", "ดังต่อไปนี้", "ดังนี้", ":"];

/// Words that introduce the duties of a committee ("has the power and duty",
/// "has the duty", "role and duty", "duty").
const DUTY_INTROS: &[&str] = &["มีอำนาจหน้าที่", "อำนาจหน้าที่", "มีหน้าที่", "บทบาทหน้าที่", "หน้าที่"];

/// Filler after a duty intro: "and responsibility", "as follows", "namely".
const DUTY_FILLERS: &[&str] = &["และความรับผิดชอบ", "ดังต่อไปนี้", "ดังนี้", "คือ", ":"];

/// Words that open a clause giving a committee its duties ("let …", "in this
/// regard, let …").
const DUTY_CLAUSE_OPENERS: &[&str] = &["ให้", "โดยให้", "ทั้งนี้"];

/// Words that open a running-text clause naming a member ("let …", "with … as").
const CLAUSE_OPENERS: &[&str] = &["โดยให้", "โดยมี", "ให้"];

/// What may directly follow `เป็น<role>` in a clause that appoints a member:
/// a new clause glued on by a wrapped line (`…เป็นผู้ช่วยเลขานุการกรณีที่…`) or
/// a category (`เป็นกรรมการผู้ทรงคุณวุฒิ`).
const ROLE_CLAUSE_FOLLOWERS: &[&str] = &[
    "และ",
    "ให้",
    "กรณี",
    "ในกรณี",
    "โดย",
    "ทั้งนี้",
    "หาก",
    "นอกจาก",
    "อนึ่ง",
    "ผู้ทรงคุณวุฒิ",
    "ผู้แทน",
];

/// What after `เป็น<role>` shows that the role is not being given here: "a
/// member *of* ก.ค.ศ.", "a member *under* (3)", "*may also* be chair".
const NOT_AN_APPOINTMENT: &[&str] = &["ใน", "ของ", "ตาม", "ก็ได้", "แทน", "อยู่", "ได้"];

/// What may directly follow a role at the start of an item that describes a
/// member by category: `กรรมการผู้ทรงคุณวุฒิ ซึ่ง…`, `อนุกรรมการซึ่งเป็น…`,
/// `กรรมการโดยตำแหน่ง ได้แก่ …`.
const ROLE_FIRST_FOLLOWERS: &[&str] = &[
    "ผู้ทรงคุณวุฒิ",
    "ผู้แทน",
    "ซึ่ง",
    "โดยตำแหน่ง",
    "ที่",
    "จาก",
    "ได้แก่",
    "จำนวน",
    ":",
];

/// Where the description of a member named by category ends: the clauses that
/// say how the member is chosen ("who…", "numbering…", "except…").
const DESCRIPTION_ENDS: &[&str] = &[" ซึ่ง", " ที่", " จำนวน", " เว้นแต่", " โดย", ","];

/// How positions (offices) begin, for splitting a list of members named by
/// office (`รัฐมนตรีช่วยว่าการ… ปลัดกระทรวง… เลขาธิการ ก.พ. …`). A leading
/// `รอง` (deputy) or `ผู้ช่วย` (assistant) is allowed before each.
const POSITION_STARTS: &[&str] = &[
    "รัฐมนตรี",
    "นายกรัฐมนตรี",
    "นายกเทศมนตรี",
    "นายกองค์การ",
    "นายอำเภอ",
    "ปลัด",
    "เลขาธิการ",
    "ผู้อำนวยการ",
    "อธิบดี",
    "ผู้ว่าราชการ",
    "ผู้ตรวจราชการ",
    "ศึกษาธิการ",
    "ผู้แทน",
    "ประธาน",
    "อธิการบดี",
    "คณบดี",
    "หัวหน้า",
    "ผู้บัญชาการ",
    "ผู้บังคับการ",
    "ผู้กำกับการ",
    "อัยการ",
    "ผู้พิพากษา",
    "ผู้บริหาร",
    "ผู้ทรงคุณวุฒิ",
    "ผู้ประสานงาน",
    "ศึกษานิเทศก์",
    "ครู",
    "นักวิชาการ",
    "นักวิเคราะห์",
    "นักทรัพยากรบุคคล",
    "นิติกร",
    "เจ้าหน้าที่",
    "เจ้าพนักงาน",
    "ข้าราชการ",
    "พนักงาน",
    "ลูกจ้าง",
];

/// Words after a position that continue it rather than start a new one: an
/// area (`เขต 1`), a province, a unit.
const POSITION_CONTINUATIONS: &[&str] = &[
    "เขต",
    "จังหวัด",
    "ประจำ",
    "สังกัด",
    "กระทรวง",
    "กรม",
    "สำนักงาน",
    "สำนัก",
    "ฝ่าย",
    "กลุ่ม",
    "ภาค",
    "(",
];

/// Members read from a text: (name or office as written, role).
type Found = Vec<(String, Option<&'static str>)>;

/// Longest heading (in characters) taken as the name of an unnamed group of
/// members (`ฝ่ายปฏิคม`).
const MAX_GROUP_HEADING_CHARS: usize = 80;

/// How deep member items are read for a duty list glued under them.
const MAX_MEMBER_NESTING: usize = 2;

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Whether an item's text introduces a committee (`คณะกรรมการ… ประกอบด้วย`,
/// `ให้ ก.ค.ศ. … ประกอบด้วย`, or a heading that is a committee's name such as
/// `คณะกรรมการฝ่ายสถานที่`): its children are members, not people with duties
/// of their own.
pub fn introduces_committee(text: &str) -> bool {
    if !may_name_body(text) || introduced_body(text).is_none() {
        return false;
    }
    let t = clean(text);
    let Some(start) = introduced_body(&t) else {
        return false;
    };
    if t.contains("ประกอบด้วย") {
        return true;
    }
    // a heading that is the name itself, perhaps after แต่งตั้ง ("appoint")
    let lead = t.get(..start).unwrap_or("").trim();
    if !(lead.is_empty() || lead == "แต่งตั้ง") {
        return false;
    }
    let from = t.get(start..).unwrap_or("");
    let name = committee_name(&t);
    let rest = from.strip_prefix(name.as_str()).unwrap_or(from).trim();
    rest.is_empty() || duty_intro(rest).is_some() || LIST_INTROS.iter().any(|w| rest.starts_with(w))
}

/// Find the committees of an order.
pub fn read(outline: &Outline, people: &[Person]) -> Committees {
    let mut keys: HashMap<String, String> = HashMap::new();
    for p in people {
        if let Some(n) = split_name(&p.full_name)
            && n.family.is_some()
        {
            keys.entry(n.key()).or_insert_with(|| p.id.clone());
        }
    }
    let first_item_root = outline
        .roots
        .iter()
        .position(|&i| outline.node(i).is_some_and(|n| n.kind == NodeKind::Item))
        .unwrap_or(outline.roots.len());
    let mut r = Reader {
        outline,
        keys,
        out: Committees::default(),
        consumed: vec![false; outline.nodes.len()],
        header_roots: outline.roots.get(..first_item_root).unwrap_or(&[]).to_vec(),
    };
    // pre-order walk, document order, without recursion
    let mut todo: Vec<usize> = outline.roots.iter().rev().copied().collect();
    while let Some(i) = todo.pop() {
        if r.consumed.get(i).copied().unwrap_or(true) {
            continue;
        }
        if r.try_committee(i) || r.try_duty_clause(i) {
            continue;
        }
        if let Some(n) = outline.node(i) {
            todo.extend(n.children.iter().rev().copied());
        }
    }
    r.out
}

struct Reader<'a> {
    outline: &'a Outline,
    keys: HashMap<String, String>,
    out: Committees,
    consumed: Vec<bool>,
    header_roots: Vec<usize>,
}

/// Where the body of a committee is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BodyMode {
    /// The intro's children.
    Children,
    /// The siblings after an unnumbered intro line.
    Siblings,
}

/// A committee being read; kept only when it has members.
struct Draft {
    id: String,
    members: Vec<CommitteeMember>,
    duties: Vec<Duty>,
    used_seqs: Vec<u32>,
    kinds: Vec<(usize, &'static str)>,
    diagnostics: Vec<Diagnostic>,
    consumed: Vec<usize>,
    in_duties: bool,
    /// Items under the intro that gave members with a role / that did not.
    role_items: usize,
    other_items: usize,
}

impl Draft {
    fn new(id: String) -> Self {
        Draft {
            id,
            members: Vec::new(),
            duties: Vec::new(),
            used_seqs: Vec::new(),
            kinds: Vec::new(),
            diagnostics: Vec::new(),
            consumed: Vec::new(),
            in_duties: false,
            role_items: 0,
            other_items: 0,
        }
    }

    /// Next duty id: the item's own sequence number when it is free.
    fn duty_id(&mut self, seq: Option<u32>) -> String {
        let seq = match seq {
            Some(s) if s > 0 && !self.used_seqs.contains(&s) => s,
            _ => self
                .used_seqs
                .iter()
                .copied()
                .max()
                .unwrap_or(0)
                .saturating_add(1),
        };
        self.used_seqs.push(seq);
        format!("{}.d{seq}", self.id)
    }
}

impl Reader<'_> {
    fn consumed(&self, i: usize) -> bool {
        self.consumed.get(i).copied().unwrap_or(true)
    }

    fn mark(&mut self, i: usize) {
        if let Some(c) = self.consumed.get_mut(i) {
            *c = true;
        }
    }

    /// Siblings of `i` after it, in order.
    fn following_siblings(&self, i: usize) -> Vec<usize> {
        let Some(n) = self.outline.node(i) else {
            return Vec::new();
        };
        let list = match n.parent.and_then(|p| self.outline.node(p)) {
            Some(p) => &p.children,
            None => &self.outline.roots,
        };
        match list.iter().position(|&s| s == i) {
            Some(k) => list.get(k + 1..).unwrap_or(&[]).to_vec(),
            None => Vec::new(),
        }
    }

    /// Read a committee introduced at node `i`; true when one was found.
    fn try_committee(&mut self, i: usize) -> bool {
        let Some(n) = self.outline.node(i) else {
            return false;
        };
        if !matches!(n.kind, NodeKind::Item | NodeKind::Paragraph(ParaKind::Text)) {
            return false;
        }
        // cheap tests first: most nodes neither name a body nor head a list of
        // members with a role
        let maybe_named = may_name_body(&n.text);
        let item_children: Vec<usize> = n
            .children
            .iter()
            .copied()
            .filter(|&c| {
                self.outline
                    .node(c)
                    .is_some_and(|c| c.kind == NodeKind::Item)
            })
            .collect();
        let group_of_members = n.kind == NodeKind::Item
            && !item_children.is_empty()
            && n.text.chars().count() <= MAX_GROUP_HEADING_CHARS
            && item_children
                .iter()
                .all(|&c| self.outline.node(c).is_some_and(|c| has_role_word(&c.text)));
        if !maybe_named && !group_of_members {
            return false;
        }
        // (normalised text differs from its cleaned form only by leaders)
        let named = maybe_named && introduced_body(&n.text).is_some();
        if !named && !group_of_members {
            return false;
        }
        let intro = clean(&n.text);
        if intro.is_empty() || starts_with_name(&intro) {
            return false;
        }
        let ends_list = ends_with_any(&intro, LIST_INTROS);
        let mode = if n.kind == NodeKind::Item && !n.children.is_empty() {
            Some(BodyMode::Children)
        } else if named && ends_list {
            Some(BodyMode::Siblings)
        } else {
            None
        };
        let seq = self.out.committees.len() + 1;
        let mut d = Draft::new(format!("c{seq}"));

        // members written in the intro itself: `… ประกอบด้วย นายก ข ประธานกรรมการ …`
        if let Some(p) = intro.find("ประกอบด้วย") {
            let tail = intro.get(p + "ประกอบด้วย".len()..).unwrap_or("").trim();
            if starts_with_name(tail) {
                let found = parse_member_text(tail);
                self.add_members(&mut d, found.members, n.line_start, found.unsplit);
            }
        }
        // members appointed in the intro's running text: `… โดยให้ X เป็นประธาน`
        let (clause_members, unsplit) = clause_members(&intro, head_end(&intro));
        self.add_members(&mut d, clause_members, n.line_start, unsplit);
        // duties written in the intro: `คณะกรรมการฝ่ายสถานที่ มีหน้าที่ จัดเตรียมสถานที่`
        if let Some(rest) = intro_duty_text(&intro) {
            let id = d.duty_id(None);
            d.duties
                .push(inline_duty(id, &rest, n.line_start, n.line_end));
        }

        match mode {
            Some(BodyMode::Children) => {
                for &c in &n.children {
                    self.body_node(&mut d, c, 0);
                }
            }
            Some(BodyMode::Siblings) => {
                for s in self.following_siblings(i) {
                    if !self.sibling_member(&mut d, s) {
                        break;
                    }
                }
            }
            None => {}
        }

        let with_role = d.members.iter().any(|m| m.role.is_some());
        // a committee with no body of its own must be appointed with its
        // composition (`แต่งตั้งคณะกรรมการ… ประกอบด้วย …`), not merely mentioned
        // (`ให้ X เป็นประธาน อ.ก.พ.` makes X chair of a body set up elsewhere)
        let composed = mode.is_some() || intro.contains("ประกอบด้วย") || intro.starts_with("แต่งตั้ง");
        let accept = if !composed {
            false
        } else if named {
            with_role
        } else {
            // an unnamed group (`1. ฝ่ายอำนวยการ`) counts only when every item
            // under it is a member with a role
            with_role && d.role_items > 0 && d.other_items == 0
        };
        if !accept {
            return false;
        }

        let header_para = self.header_roots.contains(&i);
        if !header_para {
            d.kinds.push((i, "committee"));
        }
        self.mark(i);
        for c in std::mem::take(&mut d.consumed) {
            self.mark(c);
        }
        self.out.kinds.extend(d.kinds);
        self.out.diagnostics.extend(d.diagnostics);
        self.out.committees.push(Committee {
            id: d.id,
            number: n.number.clone(),
            name: committee_name(&intro),
            members: d.members,
            duties: d.duties,
        });
        true
    }

    fn add_members(&self, d: &mut Draft, found: Found, line: u32, unsplit: Vec<String>) {
        for text in unsplit {
            d.diagnostics.push(info(
                "committee_member_unsplit",
                line,
                format!("cannot tell the members apart in \"{text}\"; kept as one member"),
            ));
        }
        for (full_name, role) in found {
            if role.is_none() {
                d.diagnostics.push(info(
                    "committee_role_missing",
                    line,
                    format!("no committee role found for member \"{full_name}\""),
                ));
            }
            let person_id = split_name(&full_name)
                .filter(|n| n.family.is_some())
                .and_then(|n| self.keys.get(&n.key()).cloned());
            d.members.push(CommitteeMember {
                full_name,
                person_id,
                role: role.map(str::to_string),
            });
        }
    }

    /// One node under a committee's intro (or under one of its members, at
    /// `depth` > 0).
    fn body_node(&mut self, d: &mut Draft, c: usize, depth: usize) {
        let Some(node) = self.outline.node(c) else {
            return;
        };
        let text = clean(&node.text);
        match node.kind {
            NodeKind::NameList => {
                d.consumed.push(c);
                for &e in &node.children {
                    self.body_node(d, e, depth);
                }
            }
            NodeKind::Name => {
                let found = parse_member_clean(text);
                if !found.members.is_empty() {
                    d.kinds.push((c, "member"));
                    d.consumed.push(c);
                    self.add_members(d, found.members, node.line_start, found.unsplit);
                }
            }
            NodeKind::Item if d.in_duties => self.duty_item(d, c),
            NodeKind::Item | NodeKind::Paragraph(ParaKind::Text) => {
                d.consumed.push(c);
                if let Some(rest) = duty_intro(&text) {
                    // `มีหน้าที่ ดังนี้`: the items from here on are duties
                    d.in_duties = true;
                    if !rest.is_empty() {
                        let id = d.duty_id(None);
                        d.duties
                            .push(inline_duty(id, &rest, node.line_start, node.line_end));
                    }
                    for &g in &node.children {
                        if self
                            .outline
                            .node(g)
                            .is_some_and(|g| g.kind == NodeKind::Item)
                        {
                            self.duty_item(d, g);
                        }
                    }
                    return;
                }
                let found = parse_member_clean(text.clone());
                let is_item = node.kind == NodeKind::Item;
                if found.members.is_empty() {
                    if is_item && depth == 0 {
                        d.other_items += 1;
                        d.diagnostics.push(info(
                            "committee_item_unread",
                            node.line_start,
                            format!(
                                "item under a committee is neither a member nor a duty: \"{text}\""
                            ),
                        ));
                    }
                } else {
                    if is_item && depth == 0 {
                        if found.members.iter().any(|m| m.1.is_some()) {
                            d.role_items += 1;
                        } else {
                            d.other_items += 1;
                        }
                    }
                    d.kinds.push((c, "member"));
                    self.add_members(d, found.members, node.line_start, found.unsplit);
                }
                if let Some(rest) = found.duty_tail {
                    // `… กรรมการและเลขานุการ` + wrapped `มีหน้าที่ ดังนี้`
                    d.in_duties = true;
                    if !rest.is_empty() {
                        let id = d.duty_id(None);
                        d.duties
                            .push(inline_duty(id, &rest, node.line_start, node.line_end));
                    }
                }
                if depth < MAX_MEMBER_NESTING {
                    for &g in &node.children {
                        self.body_node(d, g, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    /// A duty (with its steps) from item `c`.
    fn duty_item(&mut self, d: &mut Draft, c: usize) {
        let Some(node) = self.outline.node(c) else {
            return;
        };
        let kind = duties::duty_kind(&node.text);
        let id = d.duty_id(node.values.last().copied());
        let mut kinds = Vec::new();
        if let Some(duty) = duties::duty_from(self.outline, c, id, kind, &mut kinds) {
            d.duties.push(duty);
        }
        for &(k, _) in &kinds {
            d.consumed.push(k);
        }
        d.kinds.extend(kinds);
    }

    /// A sibling after an unnumbered intro line: true while members (or the
    /// committee's duties) go on.
    fn sibling_member(&mut self, d: &mut Draft, s: usize) -> bool {
        let Some(node) = self.outline.node(s) else {
            return false;
        };
        let text = clean(&node.text);
        match node.kind {
            NodeKind::NameList | NodeKind::Name => {
                let before = d.members.len();
                self.body_node(d, s, 0);
                d.members.len() > before
            }
            NodeKind::Item if d.in_duties => {
                if body_start(&text).is_some() {
                    return false;
                }
                self.duty_item(d, s);
                true
            }
            NodeKind::Item | NodeKind::Paragraph(ParaKind::Text) => {
                if body_start(&text).is_some() && duty_intro(&text).is_none() {
                    // the next committee
                    return false;
                }
                let before = (d.members.len(), d.in_duties, d.duties.len());
                self.body_node(d, s, 0);
                let grew = d.members.len() > before.0
                    || d.in_duties != before.1
                    || d.duties.len() > before.2;
                if !grew {
                    // not part of this committee after all
                    d.consumed.retain(|&c| c != s);
                    d.diagnostics.retain(|x| x.code != "committee_item_unread");
                }
                grew
            }
            _ => false,
        }
    }

    /// `ให้คณะกรรมการตามข้อ ๒ มีอำนาจหน้าที่ ดังนี้ (๑)…`: duties of a committee
    /// found earlier. True when the node was taken.
    fn try_duty_clause(&mut self, i: usize) -> bool {
        let Some(n) = self.outline.node(i) else {
            return false;
        };
        if !matches!(n.kind, NodeKind::Item | NodeKind::Paragraph(ParaKind::Text))
            || self.out.committees.is_empty()
        {
            return false;
        }
        if !n.text.contains("หน้าที่") {
            return false;
        }
        let text = clean(&n.text);
        if starts_with_name(&text) {
            return false;
        }
        let Some((p, word)) = find_any(&text, &["มีอำนาจหน้าที่", "มีหน้าที่"])
        else {
            return false;
        };
        let before = text.get(..p).unwrap_or("");
        let rest = strip_fillers(text.get(p + word.len()..).unwrap_or(""));
        let items: Vec<usize> = n
            .children
            .iter()
            .copied()
            .filter(|&c| {
                self.outline
                    .node(c)
                    .is_some_and(|c| c.kind == NodeKind::Item)
            })
            .collect();
        if items.is_empty() && rest.is_empty() {
            return false;
        }
        if body_start(before).is_none()
            && !self
                .out
                .committees
                .iter()
                .any(|c| before.contains(c.name.as_str()))
        {
            return false;
        }
        // a clause about the committee (`ให้คณะกรรมการ… มีหน้าที่`, `คณะกรรมการ
        // ตามข้อ ๑ มีหน้าที่`), not a person's duty that mentions one
        let about_committee = DUTY_CLAUSE_OPENERS.iter().any(|o| before.starts_with(o))
            || body_candidates(before).first() == Some(&0);
        if !about_committee {
            return false;
        }
        let Some(target) = self.duty_target(before) else {
            self.out.diagnostics.push(info(
                "committee_unresolved",
                n.line_start,
                format!("cannot tell which committee these duties belong to: \"{before}\""),
            ));
            return false;
        };
        let Some(c) = self.out.committees.get(target) else {
            return false;
        };
        let mut d = Draft::new(c.id.clone());
        d.used_seqs = c
            .duties
            .iter()
            .filter_map(|x| x.id.rsplit(".d").next()?.parse().ok())
            .collect();
        if !rest.is_empty() {
            let id = d.duty_id(None);
            d.duties
                .push(inline_duty(id, &rest, n.line_start, n.line_end));
        }
        for c in items {
            if !self.consumed(c) {
                self.duty_item(&mut d, c);
            }
        }
        self.mark(i);
        for c in std::mem::take(&mut d.consumed) {
            self.mark(c);
        }
        self.out.kinds.extend(d.kinds);
        if let Some(c) = self.out.committees.get_mut(target) {
            c.duties.extend(d.duties);
        }
        true
    }

    /// Which committee a clause refers to: `ตามข้อ N`, its name, or the last one.
    fn duty_target(&self, text: &str) -> Option<usize> {
        for (p, w) in text.match_indices("ข้อ") {
            let after = text.get(p + w.len()..).unwrap_or("").trim_start();
            if let Some(num) = leading_number(after) {
                let want = num.value.to_string();
                return self
                    .out
                    .committees
                    .iter()
                    .position(|c| c.number.as_deref() == Some(want.as_str()));
            }
        }
        let by_name = self
            .out
            .committees
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.name.chars().count() > "คณะกรรมการ".chars().count() || is_acronym_name(&c.name)
            })
            .filter(|(_, c)| text.contains(c.name.as_str()))
            .max_by_key(|(k, c)| (c.name.len(), *k))
            .map(|(k, _)| k);
        if by_name.is_some() {
            return by_name;
        }
        find_any(text, COMMITTEE_WORDS).and_then(|_| self.out.committees.len().checked_sub(1))
    }
}

fn info(code: &str, line: u32, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Info,
        code: code.to_string(),
        line,
        message,
        label: None,
        number: None,
    }
}

/// A duty written in running text (no item of its own).
fn inline_duty(id: String, title: &str, line_start: u32, line_end: u32) -> Duty {
    Duty {
        id,
        number: None,
        label: None,
        title: title.to_string(),
        kind: duties::duty_kind(title).to_string(),
        line_start,
        line_end,
        steps: Vec::new(),
    }
}

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

/// Text with dotted leaders (`....`, `…`), underscores and tabs turned into
/// single spaces, trimmed. Acronym dots (`ก.ค.ศ.`) stay.
fn clean(text: &str) -> String {
    let plain = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text
            .bytes()
            .any(|x| matches!(x, b'.' | b'_' | b'-' | 0xE2 | b'\t' | b'\n' | b'\r'));
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    // the text is normalised (single plain spaces); tabs and line breaks are
    // treated as leaders, in case
    for word in text.split(' ') {
        if word.is_empty() {
            continue;
        }
        if has_leader(word.as_bytes()) {
            for piece in leader_free(word) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(piece);
            }
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Whether a word holds a dotted leader: `..`, `…`, `___` or `---`.
fn has_leader(b: &[u8]) -> bool {
    if !b
        .iter()
        .any(|&x| matches!(x, b'.' | b'_' | b'-' | 0xE2 | b'\t' | b'\n' | b'\r'))
    {
        return false;
    }
    b.iter().any(|&x| matches!(x, b'\t' | b'\n' | b'\r'))
        || b.windows(2).any(|w| w == b"..")
        || b.windows(3)
            .any(|w| w == b"___" || w == b"---" || w == "…".as_bytes())
}

/// The pieces of a word between its leaders.
fn leader_free(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        let mut run = 1;
        if matches!(c, '.' | '_' | '-') {
            while let Some(&(j, d)) = chars.peek() {
                if d != c {
                    break;
                }
                end = j + d.len_utf8();
                run += 1;
                chars.next();
            }
        }
        let leader = match c {
            '.' => run >= 2,
            '_' | '-' => run >= 3,
            '…' | '\t' | '\n' | '\r' => true,
            _ => false,
        };
        if leader {
            if let Some(p) = word.get(start..i).filter(|p| !p.is_empty()) {
                pieces.push(p);
            }
            start = end;
        }
    }
    if let Some(p) = word.get(start..).filter(|p| !p.is_empty()) {
        pieces.push(p);
    }
    pieces
}

/// The earliest occurrence of any of `words` (byte offset, word); the longer
/// word wins at the same offset.
fn find_any<'a>(s: &str, words: &[&'a str]) -> Option<(usize, &'a str)> {
    words
        .iter()
        .filter_map(|w| s.find(w).map(|i| (i, *w)))
        .min_by_key(|(i, w)| (*i, usize::MAX - w.len()))
}

fn ends_with_any(s: &str, words: &[&str]) -> bool {
    let t = s.trim_end();
    words.iter().any(|w| t.ends_with(w))
}

/// True when the text starts with a personal title and a name (not an office
/// such as นายกรัฐมนตรี).
fn starts_with_name(text: &str) -> bool {
    name_at(text, true).is_some()
}

/// A name at the start of `text`: its full form and the byte length it covers.
/// `first` allows a name without a family name.
fn name_at(text: &str, first: bool) -> Option<(String, usize)> {
    // offices such as นายกรัฐมนตรี are refused by split_name itself
    let n: NameParts<'_> = split_name(text)?;
    match n.family {
        // `นายสมชาย ประธานกรรมการ`: the "family name" is the role
        Some(f) if role_exact(f).is_some() => {
            let full = n
                .full
                .strip_suffix(f)
                .unwrap_or(&n.full)
                .trim_end()
                .to_string();
            let end = offset_in(text, f)?;
            Some((full, end))
        }
        Some(_) => Some((n.full.clone(), text.len().saturating_sub(n.rest.len()))),
        None if first || n.rest.is_empty() || role_prefix(n.rest).is_some() => {
            let end = text.len().saturating_sub(n.rest.len());
            Some((n.full.clone(), end))
        }
        None => None,
    }
}

/// Byte offset of `sub` (a slice of `text`) in `text`.
fn offset_in(text: &str, sub: &str) -> Option<usize> {
    let start = (sub.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start <= text.len()).then_some(start)
}

/// Every name in `text` where a title starts a word: (start, end, full).
fn names_in(text: &str) -> Vec<(usize, usize, String)> {
    // titles where a word starts: at the text's start, after a space, comma or
    // bracket, or after และ ("and") / ให้ ("let") written against the name
    let starts: Vec<usize> = match TITLE_CUE.as_ref() {
        Some(re) => re.find_iter(text).map(|m| m.start()).collect(),
        None => text.char_indices().map(|(i, _)| i).collect(),
    };
    let starts = starts.into_iter().filter(|&i| {
        let before = text.get(..i).unwrap_or("");
        i == 0
            || before.ends_with([' ', ',', '('])
            || before.ends_with("และ")
            || before.ends_with("ให้")
    });
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut next_free = 0;
    for i in starts {
        if i < next_free || i >= text.len() {
            continue;
        }
        let Some(rest) = text.get(i..) else { continue };
        if let Some((full, len)) = name_at(rest, i == 0) {
            out.push((i, i + len, full));
            next_free = i + len.max(1);
        }
    }
    out
}

/// The role `s` is exactly (dots and spaces around ignored).
fn role_exact(s: &str) -> Option<&'static str> {
    let t = s.trim_matches(|c: char| c == '.' || c == ' ' || c == ',');
    ROLES.iter().find(|(w, _)| *w == t).map(|(_, r)| *r)
}

/// The longest role written at the start of `s`: (written length, role).
fn role_prefix(s: &str) -> Option<(usize, &'static str)> {
    ROLES
        .iter()
        .filter(|(w, _)| s.starts_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|(w, r)| (w.len(), *r))
}

/// The longest role written at the end of `s` after a word boundary: (start of
/// the role, role).
fn role_at_end(s: &str) -> Option<(usize, &'static str)> {
    let t = s.trim_end_matches([' ', ',', ';', ':']);
    ROLES
        .iter()
        .filter(|(w, _)| t.ends_with(w))
        .filter_map(|(w, r)| {
            let start = t.len() - w.len();
            let before = t.get(..start)?;
            let boundary =
                before.is_empty() || before.ends_with([' ', '.', ')', ']', '-', '/', ':', ',']);
            boundary.then_some((start, *r, w.len()))
        })
        .max_by_key(|&(_, _, len)| len)
        .map(|(start, r, _)| (start, r))
}

/// A role at the start of an item that describes a member by category
/// (`กรรมการผู้ทรงคุณวุฒิ ซึ่ง…`): the role and the text after it.
fn role_first(s: &str) -> Option<(&'static str, &str)> {
    let (len, role) = role_prefix(s)?;
    let rest = s.get(len..)?;
    let ok = rest.is_empty()
        || rest.starts_with(' ')
        || ROLE_FIRST_FOLLOWERS.iter().any(|f| rest.starts_with(f));
    ok.then_some((role, rest))
}

/// `เป็น<role>` appointments in `text`: (offset of เป็น, role, end of the role).
fn role_clauses(text: &str) -> Vec<(usize, &'static str, usize)> {
    let mut out = Vec::new();
    for (i, w) in text.match_indices("เป็น") {
        let before = text.get(..i).unwrap_or("");
        if before.ends_with("ไม่") || before.ends_with("ไม่ ") {
            continue;
        }
        let after_raw = text.get(i + w.len()..).unwrap_or("");
        let after = after_raw.trim_start();
        let Some((len, role)) = role_prefix(after) else {
            continue;
        };
        let follower = after.get(len..).unwrap_or("");
        let next_word = follower.trim_start();
        if NOT_AN_APPOINTMENT.iter().any(|x| next_word.starts_with(x)) {
            continue;
        }
        let ok = follower.is_empty()
            || follower.starts_with([' ', ',', ')', ';'])
            || ROLE_CLAUSE_FOLLOWERS
                .iter()
                .any(|f| follower.starts_with(f));
        if ok {
            let end = text.len() - follower.len();
            out.push((i, role, end));
        }
    }
    out
}

/// Where running-text appointments (`ให้ X เป็น<role>`) begin in an item's
/// text: the opener of the first such clause; the text before it describes the
/// item's own member. The length of the text when there is none.
fn head_end(text: &str) -> usize {
    let mut prev_end = 0;
    for (be, _, end) in role_clauses(text) {
        let seg = text.get(prev_end..be).unwrap_or("");
        if let Some(q) = rfind_any(seg, CLAUSE_OPENERS) {
            return prev_end + q;
        }
        prev_end = end;
    }
    text.len()
}

/// The last occurrence of any of `words` (byte offset).
fn rfind_any(s: &str, words: &[&str]) -> Option<usize> {
    words.iter().filter_map(|w| s.rfind(w)).max()
}

/// Members appointed by clauses at or after `from`, and the texts that could
/// not be split.
fn clause_members(text: &str, from: usize) -> (Found, Vec<String>) {
    let mut members = Vec::new();
    let mut unsplit = Vec::new();
    let mut prev_end = from;
    for (be, role, end) in role_clauses(text) {
        if be < from {
            continue;
        }
        let seg = text.get(prev_end..be).unwrap_or("");
        prev_end = end;
        let who_text = appointee(seg);
        let (names, whole) = who(&who_text);
        if let Some(w) = whole {
            unsplit.push(w);
        }
        members.extend(names.into_iter().map(|n| (n, Some(role))));
    }
    (members, unsplit)
}

/// The member named in a clause segment `…ให้ A แต่งตั้ง B จำนวน…` → `B`.
fn appointee(seg: &str) -> String {
    let mut s = seg.trim();
    if let Some(p) = s.rfind("แต่งตั้ง") {
        s = s.get(p + "แต่งตั้ง".len()..).unwrap_or("");
    } else if let Some(p) = rfind_any(s, CLAUSE_OPENERS) {
        let w = CLAUSE_OPENERS
            .iter()
            .find(|w| s.get(p..).is_some_and(|r| r.starts_with(*w)))
            .map_or(0, |w| w.len());
        s = s.get(p + w..).unwrap_or("");
    }
    let mut s = s.trim();
    for lead in ["และ", "อาจ", "โดย"] {
        s = s.strip_prefix(lead).unwrap_or(s).trim_start();
    }
    cut_description(s)
}

/// A member description cut before the clauses that say how the member is
/// chosen: `กรรมการผู้ทรงคุณวุฒิ ซึ่ง…` → `กรรมการผู้ทรงคุณวุฒิ`.
fn cut_description(s: &str) -> String {
    let s = s.trim();
    let end = find_any(s, DESCRIPTION_ENDS).map_or(s.len(), |(i, _)| i);
    s.get(..end)
        .unwrap_or(s)
        .trim()
        .trim_end_matches([',', ' '])
        .to_string()
}

/// The members a phrase names: the names in it when it starts with one, else
/// the offices in it; when offices cannot be told apart, the whole phrase
/// (returned a second time, for a diagnostic).
fn who(text: &str) -> (Vec<String>, Option<String>) {
    let t = text
        .trim()
        .trim_end_matches([',', ' '])
        .trim_end_matches("และ")
        .trim();
    if t.is_empty() {
        return (Vec::new(), None);
    }
    let names = names_in(t);
    if names.first().is_some_and(|n| n.0 == 0) {
        return (names.into_iter().map(|n| n.2).collect(), None);
    }
    if !t.contains(' ') && !t.contains(',') {
        return (vec![t.to_string()], None);
    }
    match split_positions(t) {
        Some(v) => (v, None),
        None => (vec![t.to_string()], Some(t.to_string())),
    }
}

/// True when a word starts an office (`เลขาธิการ…`, `รองผู้อำนวยการ…`).
fn starts_position(word: &str) -> bool {
    let w = word
        .strip_prefix("รอง")
        .or_else(|| word.strip_prefix("ผู้ช่วย"))
        .filter(|w| !w.is_empty())
        .unwrap_or(word);
    POSITION_STARTS.iter().any(|p| w.starts_with(p))
        || POSITION_STARTS.iter().any(|p| word.starts_with(p))
}

/// A word that continues the office before it (`ก.พ.`, `เขต`, `1`).
fn continues_position(word: &str) -> bool {
    word.contains('.')
        || word
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || ('๐'..='๙').contains(&c))
        || POSITION_CONTINUATIONS.iter().any(|p| word.starts_with(p))
}

/// Split a list of offices: `รัฐมนตรีช่วยว่าการ… ปลัดกระทรวง… เลขาธิการ ก.พ. …
/// และเลขาธิการคุรุสภา` → one office per known start. `None` when unsure.
fn split_positions(list: &str) -> Option<Vec<String>> {
    let mut segs: Vec<String> = Vec::new();
    if list.contains(',') {
        for piece in list.split(',') {
            let p = piece.trim();
            let p = p.strip_prefix("และ").map_or(p, str::trim_start);
            if p.is_empty() {
                continue;
            }
            // the last piece may hold `X และY`
            match p.find(" และ") {
                Some(k) if starts_position(p.get(k + " และ".len()..).unwrap_or("")) => {
                    segs.push(p.get(..k).unwrap_or(p).trim().to_string());
                    segs.push(p.get(k + " และ".len()..).unwrap_or("").trim().to_string());
                }
                _ => segs.push(p.to_string()),
            }
        }
        return (!segs.is_empty()).then_some(segs);
    }
    let mut pending_and = false;
    for word in list.split(' ') {
        if word == "และ" {
            pending_and = true;
            continue;
        }
        let bare = word.strip_prefix("และ").filter(|b| starts_position(b));
        let (w, new) = match bare {
            Some(b) => (b, true),
            None => (word, starts_position(word)),
        };
        match segs.last_mut() {
            Some(last) if !new => {
                if pending_and || !continues_position(w) {
                    return None;
                }
                last.push(' ');
                last.push_str(w);
            }
            _ => {
                if !new {
                    return None;
                }
                segs.push(w.to_string());
            }
        }
        pending_and = false;
    }
    (!segs.is_empty()).then_some(segs)
}

/// Any of [`ROLE_WORDS`], as one automaton (a quick test run on every node).
static ROLE_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| alternation(ROLE_WORDS));

/// What naming a body needs: a committee word, `ก.` (every dotted acronym body
/// has it), or an acronym written without dots. [`body_start`] decides.
static BODY_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let mut words = COMMITTEE_WORDS.to_vec();
    words.push("ก.");
    words.extend_from_slice(UNDOTTED_ACRONYMS);
    alternation(&words)
});

/// Personal titles as one automaton, to find where names may start.
static TITLE_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| alternation(TITLES));

/// [`NAME_ENDS`] as one automaton.
static NAME_END: LazyLock<Option<Regex>> = LazyLock::new(|| alternation(NAME_ENDS));

/// The earliest of `words` in `s` at or after byte `from` (through `re` when
/// it compiled).
fn earliest(re: &LazyLock<Option<Regex>>, words: &[&str], s: &str, from: usize) -> Option<usize> {
    match re.as_ref() {
        Some(re) => re.find_at(s, from).map(|m| m.start()),
        None => words
            .iter()
            .filter_map(|w| {
                let tail = s.get(from..)?;
                tail.find(w).map(|i| i + from)
            })
            .min(),
    }
}

fn alternation(words: &[&str]) -> Option<Regex> {
    let pattern: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    Regex::new(&pattern.join("|")).ok()
}

/// Whether `text` holds a role word.
fn has_role_word(text: &str) -> bool {
    match ROLE_CUE.as_ref() {
        Some(re) => re.is_match(text),
        None => ROLE_WORDS.iter().any(|w| text.contains(w)),
    }
}

/// Whether `text` may name a body (see [`BODY_CUE`]).
fn may_name_body(text: &str) -> bool {
    match BODY_CUE.as_ref() {
        Some(re) => re.is_match(text),
        None => {
            COMMITTEE_WORDS.iter().any(|w| text.contains(w))
                || text.contains("ก.")
                || UNDOTTED_ACRONYMS.iter().any(|w| text.contains(w))
        }
    }
}

/// Where bodies are named in `text` (byte offsets, in order): committee words
/// not inside an office's name (`สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน` is an
/// office), and acronym bodies that start a word.
fn body_candidates(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let acronym_at = |i: usize, out: &mut Vec<usize>| {
        let before = text.get(..i).unwrap_or("");
        let word_start =
            i == 0 || before.ends_with(' ') || before.ends_with("ให้") || before.ends_with('(');
        if word_start && text.get(i..).is_some_and(|r| acronym_len(r) > 0) {
            out.push(i);
        }
    };
    let Some(re) = BODY_CUE.as_ref() else {
        return body_candidates_slow(text);
    };
    for m in re.find_iter(text) {
        let i = m.start();
        if m.as_str() == "ก." {
            // every dotted acronym body holds `ก.`: `ก.ค.ศ.` or `อ.ก.ค.ศ.`
            acronym_at(i, &mut out);
            if let Some(s) = i.checked_sub("อ.".len())
                && text.get(s..i) == Some("อ.")
            {
                acronym_at(s, &mut out);
            }
        } else if UNDOTTED_ACRONYMS.contains(&m.as_str()) {
            acronym_at(i, &mut out);
        } else {
            let before = text.get(..i).unwrap_or("");
            if !OFFICE_PREFIXES.iter().any(|p| before.ends_with(p)) {
                out.push(i);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// [`body_candidates`] without the automaton.
fn body_candidates_slow(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for w in COMMITTEE_WORDS {
        for (i, _) in text.match_indices(w) {
            let before = text.get(..i).unwrap_or("");
            if !OFFICE_PREFIXES.iter().any(|p| before.ends_with(p)) {
                out.push(i);
            }
        }
    }
    // every dotted acronym body holds `ก.`: look only there
    let mut starts: Vec<usize> = Vec::new();
    for (j, _) in text.match_indices("ก.") {
        starts.push(j);
        if let Some(s) = j.checked_sub("อ.".len())
            && text.get(s..j) == Some("อ.")
        {
            starts.push(s);
        }
    }
    for a in UNDOTTED_ACRONYMS {
        starts.extend(text.match_indices(a).map(|(j, _)| j));
    }
    for i in starts {
        let before = text.get(..i).unwrap_or("");
        let word_start =
            i == 0 || before.ends_with(' ') || before.ends_with("ให้") || before.ends_with('(');
        if word_start && text.get(i..).is_some_and(|r| acronym_len(r) > 0) {
            out.push(i);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Where a committee's name starts: the body named right after `แต่งตั้ง`
/// ("appoint"), else the first body named.
fn body_start(text: &str) -> Option<usize> {
    let c = body_candidates(text);
    c.iter()
        .copied()
        .find(|&i| {
            text.get(..i)
                .is_some_and(|b| b.trim_end().ends_with("แต่งตั้ง"))
        })
        .or_else(|| c.first().copied())
}

/// Where the body a text introduces is named: a body at the start of the text
/// (after `แต่งตั้ง` / `ให้` …), or any body when the text gives a composition
/// (`ประกอบด้วย`) or ends with a list intro. `None` for texts that only
/// mention a body (`…รายงานต่อคณะกรรมการ…`).
fn introduced_body(text: &str) -> Option<usize> {
    let c = body_candidates(text);
    let lead_ok = |i: usize| {
        text.get(..i).is_some_and(|b| {
            let b = b.trim();
            BODY_LEADS.contains(&b) || b.ends_with("แต่งตั้ง")
        })
    };
    if let Some(i) = c.iter().copied().find(|&i| lead_ok(i)) {
        return Some(i);
    }
    if c.is_empty() {
        return None;
    }
    if text.contains("ประกอบด้วย") || ends_with_any(text, LIST_INTROS) {
        return body_start(text);
    }
    None
}

/// Length of an acronym body at the start of `s`, 0 when there is none.
fn acronym_len(s: &str) -> usize {
    if let Some(a) = UNDOTTED_ACRONYMS.iter().find(|a| s.starts_with(*a)) {
        return a.len();
    }
    let start = if s.starts_with("อ.ก.") {
        "อ.ก.".len()
    } else if s.starts_with("ก.") {
        "ก.".len()
    } else {
        return 0;
    };
    let mut end = start;
    let mut groups = 0;
    loop {
        let rest = s.get(end..).unwrap_or("");
        let letters: usize = rest
            .chars()
            .take_while(|c| ('ก'..='ฮ').contains(c))
            .take(3)
            .map(char::len_utf8)
            .sum();
        if letters == 0
            || letters > 2 * 'ก'.len_utf8()
            || !rest.get(letters..).is_some_and(|r| r.starts_with('.'))
        {
            break;
        }
        end += letters + 1;
        groups += 1;
    }
    if groups == 0 { 0 } else { end }
}

fn is_acronym_name(name: &str) -> bool {
    acronym_len(name) > 0
}

/// The committee's name from its introducing text: from the committee word or
/// acronym up to `ประกอบด้วย` / `ดังนี้` / `ตาม…` / `มีหน้าที่` ….
fn committee_name(intro: &str) -> String {
    let start = introduced_body(intro)
        .or_else(|| body_start(intro))
        .unwrap_or_else(|| {
            let mut s = intro;
            for lead in ["แต่งตั้ง", "โดยให้", "ให้"] {
                s = s.strip_prefix(lead).unwrap_or(s).trim_start();
            }
            intro.len() - s.len()
        });
    let s = intro.get(start..).unwrap_or(intro);
    let first = s.chars().next().map_or(0, char::len_utf8);
    let end = earliest(&NAME_END, NAME_ENDS, s, first).unwrap_or(s.len());
    let name = s
        .get(..end)
        .unwrap_or(s)
        .trim()
        .trim_end_matches([':', ','])
        .trim();
    if name.is_empty() {
        intro.trim().to_string()
    } else {
        name.to_string()
    }
}

/// Duties written inline in a committee's intro after its name
/// (`คณะกรรมการฝ่ายสถานที่ มีหน้าที่ จัดเตรียมสถานที่`); `None` when there are
/// none or only `ดังนี้`.
fn intro_duty_text(intro: &str) -> Option<String> {
    let (p, w) = find_any(intro, &["มีอำนาจหน้าที่", "มีหน้าที่"])?;
    let rest = strip_fillers(intro.get(p + w.len()..).unwrap_or(""));
    (!rest.is_empty() && !rest.contains("ประกอบด้วย")).then_some(rest)
}

/// Text after a duty intro without `และความรับผิดชอบ`, `ดังนี้`, `:`.
fn strip_fillers(s: &str) -> String {
    let mut s = s.trim();
    loop {
        let before = s.len();
        for f in DUTY_FILLERS {
            s = s.strip_prefix(f).unwrap_or(s).trim_start();
        }
        if s.len() == before {
            break;
        }
    }
    s.trim().to_string()
}

/// `มีหน้าที่ ดังนี้` / `หน้าที่ จัดเตรียมสถานที่` / `ให้คณะกรรมการมีหน้าที่ ดังนี้`:
/// the inline duty text after the intro (maybe empty), or `None` when the text
/// is no duty intro.
fn duty_intro(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some(w) = DUTY_INTROS.iter().find(|w| t.starts_with(*w)) {
        let rest = t.get(w.len()..).unwrap_or("");
        // `หน้าที่` must stand alone, not start a longer word
        if *w == "หน้าที่"
            && !(rest.is_empty()
                || rest.starts_with([' ', ':'])
                || DUTY_FILLERS.iter().any(|f| rest.starts_with(f)))
        {
            return None;
        }
        return Some(strip_fillers(rest));
    }
    let opener = DUTY_CLAUSE_OPENERS.iter().any(|o| t.starts_with(o));
    if opener
        && let Some((p, w)) = find_any(t, &["มีอำนาจหน้าที่", "มีหน้าที่"])
        && role_clauses(t.get(..p).unwrap_or("")).is_empty()
        && body_start(t.get(..p).unwrap_or("")).is_some()
    {
        return Some(strip_fillers(t.get(p + w.len()..).unwrap_or("")));
    }
    None
}

/// The start of a duty intro glued onto a member line after its role
/// (`… กรรมการและเลขานุการมีหน้าที่ ดังนี้`).
fn duty_tail_start(text: &str) -> Option<usize> {
    let mut best: Option<usize> = None;
    for w in ["มีอำนาจหน้าที่", "มีหน้าที่", "หน้าที่"]
    {
        for (p, _) in text.match_indices(w) {
            let head = text.get(..p).unwrap_or("").trim_end();
            if !head.is_empty()
                && role_at_end(head).is_some_and(|(s, _)| s > 0 || head.len() < text.len())
            {
                best = Some(best.map_or(p, |b: usize| b.min(p)));
                break;
            }
        }
    }
    best
}

/// What one member item (or member paragraph) says.
#[derive(Debug, Default, PartialEq)]
struct MemberText {
    /// (name or office as written, role).
    members: Found,
    /// Duty text after a glued duty intro (`Some("")` for `มีหน้าที่ ดังนี้`).
    duty_tail: Option<String>,
    /// Lists kept whole because their members could not be told apart.
    unsplit: Vec<String>,
}

/// Read the members in one item's text.
fn parse_member_text(text: &str) -> MemberText {
    parse_member_clean(clean(text))
}

/// [`parse_member_text`] on text already through [`clean`].
fn parse_member_clean(t: String) -> MemberText {
    let mut out = MemberText::default();
    let body = match duty_tail_start(&t) {
        Some(p) => {
            let rest = t.get(p..).unwrap_or("");
            let w = ["มีอำนาจหน้าที่", "มีหน้าที่", "หน้าที่"]
                .iter()
                .find(|w| rest.starts_with(*w))
                .map_or(0, |w| w.len());
            out.duty_tail = Some(strip_fillers(rest.get(w..).unwrap_or("")));
            t.get(..p).unwrap_or("").trim_end().to_string()
        }
        None => t,
    };
    let split = head_end(&body);
    let head = body.get(..split).unwrap_or("").trim();
    let (members, unsplit) = head_members(head);
    out.members = members;
    out.unsplit = unsplit;
    if split < body.len() {
        let (more, unsplit) = clause_members(&body, split);
        out.members.extend(more);
        out.unsplit.extend(unsplit);
    }
    out
}

/// Members in the part of an item that describes its own member(s).
fn head_members(head: &str) -> (Found, Vec<String>) {
    if head.is_empty() {
        return (Vec::new(), Vec::new());
    }
    if starts_with_name(head) {
        return (name_members(head), Vec::new());
    }
    // `ผู้อำนวยการกองแผนงาน (นายปกรณ์ ศรีสุข) คณะทำงาน`: position, then the name
    if head.contains('(')
        && let Some((name, position)) = person_in_item(head)
    {
        return (vec![(name.full, role_after_name(&position))], Vec::new());
    }
    if let Some((role, rest)) = role_first(head) {
        let rest_t = rest.trim_start();
        let list = rest_t.find("ได้แก่").map(|p| {
            rest_t
                .get(p + "ได้แก่".len()..)
                .unwrap_or("")
                .trim_start_matches([' ', ':'])
        });
        let listed = match list {
            Some(l) => Some(l),
            None if starts_with_name(rest_t) => Some(rest_t),
            None => None,
        };
        return match listed {
            Some(l) => {
                let (names, whole) = who(l);
                let members = names.into_iter().map(|n| (n, Some(role))).collect();
                (members, whole.into_iter().collect())
            }
            None => (vec![(cut_description(head), Some(role))], Vec::new()),
        };
    }
    if let Some(&(be, role, _)) = role_clauses(head).first()
        && be > 0
    {
        let (names, whole) = who(&cut_description(head.get(..be).unwrap_or("")));
        return (
            names.into_iter().map(|n| (n, Some(role))).collect(),
            whole.into_iter().collect(),
        );
    }
    if let Some((start, role)) = role_at_end(head)
        && start > 0
    {
        let (names, whole) = who(&cut_description(head.get(..start).unwrap_or("")));
        return (
            names.into_iter().map(|n| (n, Some(role))).collect(),
            whole.into_iter().collect(),
        );
    }
    (Vec::new(), Vec::new())
}

/// Members in a text that starts with a name: each name with the role written
/// after it; a name without one takes the role of the next (`นายก ข นางค ง
/// กรรมการ` → both กรรมการ).
fn name_members(text: &str) -> Found {
    let names = names_in(text);
    let mut out: Vec<(String, Option<&'static str>)> = Vec::with_capacity(names.len());
    for (k, (_, end, full)) in names.iter().enumerate() {
        let next = names.get(k + 1).map_or(text.len(), |n| n.0);
        let rest = text.get(*end..next).unwrap_or("").trim();
        let rest = rest
            .trim_end_matches([',', ' '])
            .trim_end_matches("และ")
            .trim();
        out.push((full.clone(), role_after_name(rest)));
    }
    let mut next_role = None;
    for m in out.iter_mut().rev() {
        match m.1 {
            Some(r) => next_role = Some(r),
            None => m.1 = next_role,
        }
    }
    out
}

/// The role in what follows a name: at the end (`ครู กรรมการ`), after `เป็น`,
/// or first (`ประธานกรรมการ ผู้อำนวยการโรงเรียน`).
fn role_after_name(rest: &str) -> Option<&'static str> {
    if rest.is_empty() {
        return None;
    }
    if let Some(r) = role_exact(rest) {
        return Some(r);
    }
    if let Some((_, r)) = role_at_end(rest) {
        return Some(r);
    }
    if let Some(&(_, r, _)) = role_clauses(rest).first() {
        return Some(r);
    }
    let (len, r) = role_prefix(rest)?;
    let after = rest.get(len..)?;
    (after.is_empty() || after.starts_with(' ')).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(text: &str) -> Vec<(String, Option<&'static str>)> {
        parse_member_text(text).members
    }

    fn m(name: &str, role: &'static str) -> (String, Option<&'static str>) {
        (name.to_string(), Some(role))
    }

    #[test]
    fn role_at_the_end_longest_first() {
        assert_eq!(
            members("นายสมชาย ใจดี ผู้อำนวยการโรงเรียน ประธานกรรมการ"),
            [m("นายสมชาย ใจดี", "ประธานกรรมการ")]
        );
        assert_eq!(
            members("นางสมศรี ดีใจ รองผู้อำนวยการ รองประธานกรรมการ"),
            [m("นางสมศรี ดีใจ", "รองประธานกรรมการ")]
        );
        assert_eq!(
            members("นายก ข ครู กรรมการและเลขานุการ"),
            [m("นายก ข", "กรรมการและเลขานุการ")]
        );
        assert_eq!(
            members("นางสาวฌ ญ ครู กรรมการ/ผู้ช่วยเลขานุการ"),
            [m("นางสาวฌ ญ", "กรรมการและผู้ช่วยเลขานุการ")]
        );
    }

    #[test]
    fn dotted_leader_and_name_without_family() {
        assert_eq!(
            members("นายสมชาย ใจดี ............ ประธานกรรมการ"),
            [m("นายสมชาย ใจดี", "ประธานกรรมการ")]
        );
        assert_eq!(members("นายสมชาย ……… กรรมการ"), [m("นายสมชาย", "กรรมการ")]);
    }

    #[test]
    fn several_names_share_the_role_after_them() {
        assert_eq!(
            members("นายจ ฉ นางช ซ กรรมการ"),
            [m("นายจ ฉ", "กรรมการ"), m("นางช ซ", "กรรมการ")]
        );
        assert_eq!(
            members("นายจ ฉ ครู, นางช ซ ครู และนายฎ ฏ ครู กรรมการ"),
            [
                m("นายจ ฉ", "กรรมการ"),
                m("นางช ซ", "กรรมการ"),
                m("นายฎ ฏ", "กรรมการ")
            ]
        );
        assert_eq!(
            members("นายจ ฉ ประธานกรรมการ นางช ซ กรรมการและเลขานุการ"),
            [
                m("นายจ ฉ", "ประธานกรรมการ"),
                m("นางช ซ", "กรรมการและเลขานุการ")
            ]
        );
    }

    #[test]
    fn office_with_be_and_role_first_categories() {
        assert_eq!(
            members("รัฐมนตรีว่าการกระทรวงศึกษาธิการ เป็นประธานกรรมการ"),
            [m("รัฐมนตรีว่าการกระทรวงศึกษาธิการ", "ประธานกรรมการ")]
        );
        assert_eq!(
            members(
                "ประธานอนุกรรมการ ซึ่งแต่งตั้งจากกรรมการใน ก.ค.ศ. เว้นแต่มีเหตุผลความจำเป็น อาจแต่งตั้งบุคคลอื่นที่ไม่เป็นกรรมการใน ก.ค.ศ. เป็นประธานอนุกรรมการก็ได้"
            ),
            [m("ประธานอนุกรรมการ", "ประธานอนุกรรมการ")]
        );
        assert_eq!(
            members("ผู้อำนวยการโรงเรียนบ้านหนองใหญ่ ประธานกรรมการ"),
            [m("ผู้อำนวยการโรงเรียนบ้านหนองใหญ่", "ประธานกรรมการ")]
        );
        assert_eq!(
            members("นายกรัฐมนตรี เป็นประธานกรรมการ"),
            [m("นายกรัฐมนตรี", "ประธานกรรมการ")]
        );
    }

    #[test]
    fn list_after_dai_kae_split_on_office_starts() {
        let got =
            members("กรรมการโดยตำแหน่ง ได้แก่ ปลัดกระทรวงศึกษาธิการ เลขาธิการ ก.พ. และเลขาธิการคุรุสภา");
        assert_eq!(
            got,
            [
                m("ปลัดกระทรวงศึกษาธิการ", "กรรมการ"),
                m("เลขาธิการ ก.พ.", "กรรมการ"),
                m("เลขาธิการคุรุสภา", "กรรมการ")
            ]
        );
        let t = parse_member_text("กรรมการโดยตำแหน่ง ได้แก่ ปลัดกระทรวงศึกษาธิการ บุคคลภายนอก");
        assert_eq!(t.members, [m("ปลัดกระทรวงศึกษาธิการ บุคคลภายนอก", "กรรมการ")]);
        assert_eq!(t.unsplit.len(), 1);
    }

    #[test]
    fn running_text_appointments_after_a_joined_wrap() {
        let t = parse_member_text(
            "กรรมการผู้ทรงคุณวุฒิ ซึ่งรัฐมนตรีแต่งตั้ง ด้านละหนึ่งคนให้เลขาธิการ ก.ค.ศ. เป็นกรรมการและเลขานุการ และให้เลขาธิการ ก.ค.ศ. แต่งตั้งข้าราชการในสำนักงาน ก.ค.ศ. จำนวนไม่เกินสองคนเป็นผู้ช่วยเลขานุการกรณีที่จะแต่งตั้งผู้ใดให้เป็นกรรมการตาม (๓) ผู้นั้นต้อง…",
        );
        assert_eq!(
            t.members,
            [
                m("กรรมการผู้ทรงคุณวุฒิ", "กรรมการ"),
                m("เลขาธิการ ก.ค.ศ.", "กรรมการและเลขานุการ"),
                m("ข้าราชการในสำนักงาน ก.ค.ศ.", "ผู้ช่วยเลขานุการ")
            ]
        );
    }

    #[test]
    fn duty_intro_glued_after_the_role() {
        let t = parse_member_text("นายก ข ครู กรรมการและเลขานุการมีหน้าที่ ดังนี้");
        assert_eq!(t.members, [m("นายก ข", "กรรมการและเลขานุการ")]);
        assert_eq!(t.duty_tail.as_deref(), Some(""));
        let t = parse_member_text("นางสาวฌ ญ ..... กรรมการหน้าที่ จัดเตรียมสถานที่");
        assert_eq!(t.duty_tail.as_deref(), Some("จัดเตรียมสถานที่"));
        // an acting role is no duty intro
        let t = parse_member_text("นายก ข ปฏิบัติหน้าที่ผู้อำนวยการ ประธานกรรมการ");
        assert_eq!(t.duty_tail, None);
        assert_eq!(t.members, [m("นายก ข", "ประธานกรรมการ")]);
    }

    #[test]
    fn names_and_acronyms_of_committees() {
        assert_eq!(
            committee_name("ให้ ก.ค.ศ. ตามกฎหมายว่าด้วยระเบียบข้าราชการครูและบุคลากรทางการศึกษา ประกอบด้วย"),
            "ก.ค.ศ."
        );
        assert_eq!(
            committee_name("ให้ อ.ก.ค.ศ. วิสามัญ แต่ละคณะ มีจำนวนไม่เกินสิบห้าคน ประกอบด้วย"),
            "อ.ก.ค.ศ. วิสามัญ"
        );
        assert_eq!(
            committee_name("แต่งตั้งคณะกรรมการดำเนินงานวันครู ประกอบด้วย"),
            "คณะกรรมการดำเนินงานวันครู"
        );
        assert_eq!(
            committee_name("คณะกรรมการฝ่ายสถานที่ มีหน้าที่ จัดสถานที่"),
            "คณะกรรมการฝ่ายสถานที่"
        );
        assert_eq!(committee_name("ฝ่ายอำนวยการ ประกอบด้วย"), "ฝ่ายอำนวยการ");
        assert_eq!(acronym_len("ก.ค.ศ. ตาม"), "ก.ค.ศ.".len());
        assert_eq!(acronym_len("อ.ก.ค.ศ."), "อ.ก.ค.ศ.".len());
        assert_eq!(acronym_len("ก. ข"), 0);
        assert_eq!(acronym_len("พ.ศ. 2547"), 0);
    }

    #[test]
    fn not_a_role_when_negated_or_qualified() {
        assert!(role_clauses("บุคคลอื่นที่ไม่เป็นกรรมการใน ก.ค.ศ.").is_empty());
        assert!(role_clauses("ให้เป็นกรรมการตาม (๓)").is_empty());
        assert!(role_clauses("เป็นประธานอนุกรรมการก็ได้").is_empty());
        assert_eq!(role_clauses("ให้นายก ข เป็นประธาน").len(), 1);
        assert!(role_at_end("แต่งตั้งคณะกรรมการ").is_none());
        assert!(members("งานสารบรรณ").is_empty());
    }

    #[test]
    fn clean_keeps_acronym_dots() {
        assert_eq!(
            clean("นาย ก .......... ก.ค.ศ.  กรรมการ"),
            "นาย ก ก.ค.ศ. กรรมการ"
        );
        assert_eq!(clean("a\t\tb___c"), "a b c");
        assert_eq!(clean("a__b"), "a__b");
        assert_eq!(clean("a______b"), "a b");
    }
}
