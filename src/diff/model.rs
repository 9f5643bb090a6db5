//! The types that ARE the diff JSON (`schemas/duty-order-diff.v1.schema.json`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::SourceInfo;

/// Version of the diff JSON model.
///
/// 1.1.0 added committees (`committee_*`, `member_*` kinds; `committee`,
/// `member` on a change), the folded `duties_renumbered`, the names a
/// substitutes list gained and lost (`added`, `removed`), and each order's
/// title fields (`old_order`, `new_order`); objects no longer forbid
/// unknown properties, so a 1.1 consumer accepts a later 1.x diff.
pub const DIFF_SCHEMA_VERSION: &str = "1.1.0";

/// The `$id` of the published diff schema.
pub const DIFF_SCHEMA_ID: &str = "https://kamsang.dev/schemas/duty-order-diff.v1.schema.json";

/// What changed between two duty orders, person by person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "kamsang duty order diff",
    extend("$id" = "https://kamsang.dev/schemas/duty-order-diff.v1.schema.json")
)]
pub struct Diff {
    /// Version of this JSON model, "1.x.y".
    #[schemars(regex(pattern = r"^1\.[0-9]+\.[0-9]+$"))]
    pub schema_version: String,
    /// The older order (last year's).
    pub old: SourceInfo,
    /// The newer order.
    pub new: SourceInfo,
    /// What names the older order: its number, year, issuer, subject (1.1).
    #[serde(default)]
    pub old_order: OrderTitle,
    /// What names the newer order (1.1).
    #[serde(default)]
    pub new_order: OrderTitle,
    /// How many changes of each kind.
    pub summary: Summary,
    /// The changes: header first, then person by person in the new order's
    /// sequence, then the people who left, then committee by committee.
    pub changes: Vec<Change>,
}

/// What kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A person in the new order only.
    PersonAdded,
    /// A person in the old order only.
    PersonRemoved,
    /// The same person under another name or title (marriage: นางสาว → นาง and
    /// a new family name).
    PersonRenamed,
    /// Position (ตำแหน่ง) changed.
    PositionChanged,
    /// Rank or academic standing (วิทยฐานะ) changed: a promotion.
    RankChanged,
    /// Acting role changed.
    RoleChanged,
    /// Work group (กลุ่มงาน) changed.
    WorkGroupChanged,
    /// A duty that nobody had before.
    DutyAdded,
    /// A duty that nobody has any more.
    DutyRemoved,
    /// A duty that moved from one person to another.
    DutyReassigned,
    /// A duty whose wording changed.
    DutyReworded,
    /// A duty whose number under the same person changed because it moved
    /// among the person's other duties (its order changed).
    DutyRenumbered,
    /// The person's duties renumbered only because a duty was inserted or
    /// removed before them: one change per person, `old` and `new` the
    /// lists of numbers (1.1).
    DutiesRenumbered,
    /// The steps under a duty changed.
    StepsChanged,
    /// Who stands in for the person changed.
    SubstitutesChanged,
    /// A header field changed (order number, subject, date, signer …).
    HeaderChanged,
    /// A committee in the new order only (1.1).
    CommitteeAdded,
    /// A committee in the old order only (1.1).
    CommitteeRemoved,
    /// The same committee under another name (1.1).
    CommitteeRenamed,
    /// A member (named, or a seat held by a position) new in a committee (1.1).
    MemberJoined,
    /// A member no longer in a committee (1.1).
    MemberLeft,
    /// The same member under another name or title (นางสาว → นาง): the same
    /// given name, corroborated as for people; `old` and `new` the names (1.1).
    MemberRenamed,
    /// Another person holds the same seat (same post and role): `old` and
    /// `new` the names (1.1).
    MemberReplaced,
    /// A member's committee role changed (กรรมการ → ประธานกรรมการ) (1.1).
    MemberRoleChanged,
    /// A named member's post changed (1.1).
    MemberPositionChanged,
    /// A committee duty (หน้าที่และอำนาจ) new in the committee (1.1).
    CommitteeDutyAdded,
    /// A committee duty no longer there (1.1).
    CommitteeDutyRemoved,
    /// A committee duty whose wording changed (1.1).
    CommitteeDutyReworded,
}

impl ChangeKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [ChangeKind; 28] = [
        ChangeKind::HeaderChanged,
        ChangeKind::PersonAdded,
        ChangeKind::PersonRemoved,
        ChangeKind::PersonRenamed,
        ChangeKind::PositionChanged,
        ChangeKind::RankChanged,
        ChangeKind::RoleChanged,
        ChangeKind::WorkGroupChanged,
        ChangeKind::DutyAdded,
        ChangeKind::DutyRemoved,
        ChangeKind::DutyReassigned,
        ChangeKind::DutyReworded,
        ChangeKind::DutyRenumbered,
        ChangeKind::DutiesRenumbered,
        ChangeKind::StepsChanged,
        ChangeKind::SubstitutesChanged,
        ChangeKind::CommitteeAdded,
        ChangeKind::CommitteeRemoved,
        ChangeKind::CommitteeRenamed,
        ChangeKind::MemberJoined,
        ChangeKind::MemberLeft,
        ChangeKind::MemberRenamed,
        ChangeKind::MemberReplaced,
        ChangeKind::MemberRoleChanged,
        ChangeKind::MemberPositionChanged,
        ChangeKind::CommitteeDutyAdded,
        ChangeKind::CommitteeDutyRemoved,
        ChangeKind::CommitteeDutyReworded,
    ];

    /// The JSON name ("duty_added").
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::PersonAdded => "person_added",
            ChangeKind::PersonRemoved => "person_removed",
            ChangeKind::PersonRenamed => "person_renamed",
            ChangeKind::PositionChanged => "position_changed",
            ChangeKind::RankChanged => "rank_changed",
            ChangeKind::RoleChanged => "role_changed",
            ChangeKind::WorkGroupChanged => "work_group_changed",
            ChangeKind::DutyAdded => "duty_added",
            ChangeKind::DutyRemoved => "duty_removed",
            ChangeKind::DutyReassigned => "duty_reassigned",
            ChangeKind::DutyReworded => "duty_reworded",
            ChangeKind::DutyRenumbered => "duty_renumbered",
            ChangeKind::StepsChanged => "steps_changed",
            ChangeKind::SubstitutesChanged => "substitutes_changed",
            ChangeKind::HeaderChanged => "header_changed",
            ChangeKind::DutiesRenumbered => "duties_renumbered",
            ChangeKind::CommitteeAdded => "committee_added",
            ChangeKind::CommitteeRemoved => "committee_removed",
            ChangeKind::CommitteeRenamed => "committee_renamed",
            ChangeKind::MemberJoined => "member_joined",
            ChangeKind::MemberLeft => "member_left",
            ChangeKind::MemberRenamed => "member_renamed",
            ChangeKind::MemberReplaced => "member_replaced",
            ChangeKind::MemberRoleChanged => "member_role_changed",
            ChangeKind::MemberPositionChanged => "member_position_changed",
            ChangeKind::CommitteeDutyAdded => "committee_duty_added",
            ChangeKind::CommitteeDutyRemoved => "committee_duty_removed",
            ChangeKind::CommitteeDutyReworded => "committee_duty_reworded",
        }
    }
}

/// Count of changes per kind (every kind present, zero when none; the
/// counters of 1.1 kinds read as zero from a 1.0 diff).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
#[allow(missing_docs)] // one counter per ChangeKind, named as the kind
pub struct Summary {
    /// All changes.
    pub total: u32,
    pub header_changed: u32,
    pub person_added: u32,
    pub person_removed: u32,
    pub person_renamed: u32,
    pub position_changed: u32,
    pub rank_changed: u32,
    pub role_changed: u32,
    pub work_group_changed: u32,
    pub duty_added: u32,
    pub duty_removed: u32,
    pub duty_reassigned: u32,
    pub duty_reworded: u32,
    pub duty_renumbered: u32,
    pub steps_changed: u32,
    pub substitutes_changed: u32,
    pub duties_renumbered: u32,
    pub committee_added: u32,
    pub committee_removed: u32,
    pub committee_renamed: u32,
    pub member_joined: u32,
    pub member_left: u32,
    pub member_renamed: u32,
    pub member_replaced: u32,
    pub member_role_changed: u32,
    pub member_position_changed: u32,
    pub committee_duty_added: u32,
    pub committee_duty_removed: u32,
    pub committee_duty_reworded: u32,
}

impl Summary {
    /// The counts of `changes`.
    pub fn of(changes: &[Change]) -> Summary {
        let mut s = Summary::default();
        for c in changes {
            s.total += 1;
            *s.counter(c.kind) += 1;
        }
        s
    }

    /// The number of changes of `kind`.
    pub fn get(&self, kind: ChangeKind) -> u32 {
        let mut copy = self.clone();
        *copy.counter(kind)
    }

    fn counter(&mut self, kind: ChangeKind) -> &mut u32 {
        match kind {
            ChangeKind::PersonAdded => &mut self.person_added,
            ChangeKind::PersonRemoved => &mut self.person_removed,
            ChangeKind::PersonRenamed => &mut self.person_renamed,
            ChangeKind::PositionChanged => &mut self.position_changed,
            ChangeKind::RankChanged => &mut self.rank_changed,
            ChangeKind::RoleChanged => &mut self.role_changed,
            ChangeKind::WorkGroupChanged => &mut self.work_group_changed,
            ChangeKind::DutyAdded => &mut self.duty_added,
            ChangeKind::DutyRemoved => &mut self.duty_removed,
            ChangeKind::DutyReassigned => &mut self.duty_reassigned,
            ChangeKind::DutyReworded => &mut self.duty_reworded,
            ChangeKind::DutyRenumbered => &mut self.duty_renumbered,
            ChangeKind::StepsChanged => &mut self.steps_changed,
            ChangeKind::SubstitutesChanged => &mut self.substitutes_changed,
            ChangeKind::HeaderChanged => &mut self.header_changed,
            ChangeKind::DutiesRenumbered => &mut self.duties_renumbered,
            ChangeKind::CommitteeAdded => &mut self.committee_added,
            ChangeKind::CommitteeRemoved => &mut self.committee_removed,
            ChangeKind::CommitteeRenamed => &mut self.committee_renamed,
            ChangeKind::MemberJoined => &mut self.member_joined,
            ChangeKind::MemberLeft => &mut self.member_left,
            ChangeKind::MemberRenamed => &mut self.member_renamed,
            ChangeKind::MemberReplaced => &mut self.member_replaced,
            ChangeKind::MemberRoleChanged => &mut self.member_role_changed,
            ChangeKind::MemberPositionChanged => &mut self.member_position_changed,
            ChangeKind::CommitteeDutyAdded => &mut self.committee_duty_added,
            ChangeKind::CommitteeDutyRemoved => &mut self.committee_duty_removed,
            ChangeKind::CommitteeDutyReworded => &mut self.committee_duty_reworded,
        }
    }
}

/// One change. Fields that do not apply to its kind are null.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Change {
    /// What kind of change.
    pub kind: ChangeKind,
    /// The person the change is about (null for header changes and for
    /// `duty_reassigned`, which has `from_person` and `to_person`).
    pub person: Option<PersonRef>,
    /// For `header_changed`: which field (`issuer`, `unit`, `order_number`,
    /// `subject`, `preamble`, `effective`, `date`, `signed_by`).
    pub field: Option<String>,
    /// The old value: a name, position, rank, role, work group, duty title,
    /// number (`duty_renumbered`), header text, or a list: the substitutes'
    /// names in order, or for `steps_changed` the steps found only in the old
    /// duty ("number text"; steps compare by text, so renumbering alone is no
    /// change).
    pub old: Option<Value>,
    /// The new value, in the same form as `old` (for `steps_changed`: the
    /// steps found only in the new duty).
    pub new: Option<Value>,
    /// The duty concerned (duty_* and steps_changed).
    pub duty: Option<DutyRef>,
    /// For `duty_reassigned`: who had the duty.
    pub from_person: Option<PersonRef>,
    /// For `duty_reassigned`: who has it now.
    pub to_person: Option<PersonRef>,
    /// How the old and new items were paired, for changes between two matched
    /// items (null for added/removed).
    #[serde(rename = "match")]
    pub matched: Option<Match>,
    /// For `substitutes_changed`: the substitutes only in the new list (a
    /// renamed person in both lists is in neither) (1.1).
    #[serde(default)]
    pub added: Option<Vec<String>>,
    /// For `substitutes_changed`: the substitutes only in the old list (1.1).
    #[serde(default)]
    pub removed: Option<Vec<String>>,
    /// The committee concerned (committee_* and member_*) (1.1).
    #[serde(default)]
    pub committee: Option<CommitteeRef>,
    /// The member concerned (member_*): the new order's, or the old one's
    /// for a member who left (1.1).
    #[serde(default)]
    pub member: Option<MemberRef>,
}

/// What names an order in a report title: "คำสั่งโรงเรียน… ที่ 12/2567".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrderTitle {
    /// คำสั่ง or ประกาศ, as written.
    pub document: Option<String>,
    /// The issuing body.
    pub issuer: Option<String>,
    /// The order number as written (`ที่ 12/2567`).
    pub number: Option<String>,
    /// The Buddhist year of the order number, else of the date.
    pub year_be: Option<u32>,
    /// The subject (เรื่อง …).
    pub subject: Option<String>,
    /// The date as written.
    pub date: Option<String>,
}

/// A committee in one or both orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CommitteeRef {
    /// The name: the new order's, or the old one's for a removed committee.
    pub name: String,
    /// The committee's `id` in the old order (null when added).
    pub old_id: Option<String>,
    /// The committee's `id` in the new order (null when removed).
    pub new_id: Option<String>,
}

/// A committee member as a change names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MemberRef {
    /// Title and name; null for a seat held by a position.
    pub full_name: Option<String>,
    /// The post (the seat's position, or the named member's post).
    pub position: Option<String>,
    /// The committee role as written.
    pub role: Option<String>,
}

/// A value before or after a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Value {
    /// One text.
    Text(String),
    /// A list of texts (substitutes' names; steps as "number text").
    List(Vec<String>),
}

/// A person in one or both orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRef {
    /// The name as written: the new order's, or the old one's for a person who left.
    pub full_name: String,
    /// The person's `id` in the old order (null when added).
    pub old_id: Option<String>,
    /// The person's `id` in the new order (null when removed).
    pub new_id: Option<String>,
}

/// A duty in one or both orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DutyRef {
    /// Canonical number in the old order (null when added).
    pub old_number: Option<String>,
    /// Canonical number in the new order (null when removed).
    pub new_number: Option<String>,
    /// The title: the new order's, or the old one's for a removed duty.
    pub title: String,
}

/// How two items were paired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Match {
    /// People: `same_name`, `same_given_name` (with the same family name,
    /// position, a shared duty, or a title change that explains a new family
    /// name), `family_name_position_duties`. Duties: `same_title`,
    /// `same_number`, `similar_title`, `catch_all` (the catch-all duties of
    /// one person). Committees: `same_name`, `same_number`, `similar_name`,
    /// `shared_members`. Members: `same_name`, `same_given_name`, `same_position`.
    pub method: String,
    /// Confidence in 0..=1, three decimals (1 for exact methods; word
    /// similarity of the titles for `same_number`/`similar_title`; share of
    /// common duties for `family_name_position_duties`).
    #[schemars(range(min = 0.0, max = 1.0))]
    pub score: f64,
}
