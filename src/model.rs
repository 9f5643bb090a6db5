//! The types that ARE the JSON output.
//!
//! Field names here are a public contract (SPEC "JSON model"): other office systems
//! and our own checks read them. The JSON Schema in `schemas/` is generated from
//! these types with schemars; a test fails when the committed schema drifts.
//! Adding a field is a minor version bump of [`SCHEMA_VERSION`]; renaming or
//! removing one is a major one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
pub use crate::text::Text;

/// Version of the JSON model (semver; an additive change bumps the minor number).
pub const SCHEMA_VERSION: &str = "1.6.0";

/// The `$id` of the published schema.
pub const SCHEMA_ID: &str = "https://kamsang.dev/schemas/duty-order.v1.schema.json";

/// One duty order (คำสั่ง) as structured data.
///
/// Lines (`line_start`, `line_end`, `diagnostics[].line`) count from 1: text
/// lines for .txt, paragraph numbers for .docx (the n-th body paragraph or table
/// row), row numbers as the spreadsheet shows them for .xlsx/.ods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "kamsang duty order",
    extend("$id" = "https://kamsang.dev/schemas/duty-order.v1.schema.json")
)]
pub struct DutyOrder {
    /// Version of this JSON model, "1.x.y".
    #[schemars(regex(pattern = r"^1\.[0-9]+\.[0-9]+$"))]
    pub schema_version: String,
    /// Where the order was read from.
    pub source: SourceInfo,
    /// Issuing body, subject, preamble, date and signature.
    pub header: Header,
    /// The whole document as a tree, lossless: every non-blank line of the input
    /// belongs to exactly one node (`line_start..=line_end`). What it carries
    /// depends on `--outline`: `full` (the default) every node with its
    /// `text` and `cells`; `ids` every node without `text` and `cells` (its
    /// id, number, label, kind, line range, page and children); `none` no
    /// node (an empty array). People, duties and committees carry their text
    /// in every mode.
    pub outline: Vec<OutlineNode>,
    /// Named staff with their duties, in document order.
    pub people: Vec<Person>,
    /// Committees appointed by the order (แต่งตั้งคณะกรรมการ…).
    pub committees: Vec<Committee>,
    /// Everything the parser noticed and corrected, in line order.
    pub diagnostics: Vec<Diagnostic>,
}

impl DutyOrder {
    /// The same order with Thai digits (๐–๙) rewritten as Arabic ones in every
    /// text field (`--arabic-digits`); `source` keeps the path as given.
    pub fn with_arabic_digits(self) -> Self {
        let Ok(mut value) = serde_json::to_value(&self) else {
            return self;
        };
        let mut todo: Vec<&mut serde_json::Value> = Vec::new();
        if let Some(obj) = value.as_object_mut() {
            todo.extend(
                obj.iter_mut()
                    .filter(|(k, _)| k.as_str() != "source")
                    .map(|(_, v)| v),
            );
        }
        while let Some(v) = todo.pop() {
            match v {
                serde_json::Value::String(s) => *s = crate::thai::digits::to_arabic(s),
                serde_json::Value::Array(a) => todo.extend(a.iter_mut()),
                serde_json::Value::Object(o) => todo.extend(o.values_mut()),
                _ => {}
            }
        }
        serde_json::from_value(value).unwrap_or(self)
    }
}

/// Provenance of the parsed input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceInfo {
    /// The path as it was given ("-" for stdin).
    pub path: String,
    /// Input format: what the content was (not only what the name said).
    pub format: Format,
    /// Text encoding that was read, e.g. "utf-8"; null for binary containers.
    pub encoding: Option<String>,
    /// SHA-256 of the input bytes, lowercase hex.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Pages of a paged input (a PDF, a scan; a .txt from a PDF with its
    /// form feeds); absent for others (1.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub pages: Option<u32>,
    /// The pages read by OCR, each with Tesseract's mean word confidence;
    /// absent (empty) when no page was (1.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ocr: Vec<OcrPage>,
}

/// A page read by OCR (`source.ocr[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OcrPage {
    /// The page (1-based).
    #[schemars(range(min = 1))]
    pub page: u32,
    /// Mean word confidence, 0–100, weighted by word length (Tesseract's
    /// own measure: not a share of correct characters).
    pub confidence: f32,
}

/// The format of an input, as read (by content: a .docx named .txt is `docx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text (.txt or stdin), in any encoding kamsang reads.
    Txt,
    /// A Word document (.docx).
    Docx,
    /// An Excel workbook (.xlsx).
    Xlsx,
    /// An OpenDocument spreadsheet (.ods).
    Ods,
    /// A PDF: its text layer, or its pages read by OCR (1.5).
    Pdf,
    /// A scanned image (.png, .jpg, .tif) read by OCR (1.5).
    Image,
    /// A legacy Word document (.doc), read through LibreOffice (1.5).
    Doc,
    /// An OpenDocument text (.odt), read through LibreOffice (1.5).
    Odt,
    /// A Rich Text Format file (.rtf), read through LibreOffice (1.5).
    Rtf,
    /// A legacy Excel workbook (.xls), read through LibreOffice (1.5).
    Xls,
    /// A format a later 1.x version reads, in a document this version reads
    /// back (never written by this version).
    #[serde(other)]
    #[schemars(skip)]
    Unknown,
}

impl Format {
    /// The name used in JSON (`txt`, `docx`, `xlsx`, `ods`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Ods => "ods",
            Format::Pdf => "pdf",
            Format::Image => "image",
            Format::Doc => "doc",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
            Format::Xls => "xls",
            Format::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<crate::read::Format> for Format {
    fn from(f: crate::read::Format) -> Self {
        match f {
            crate::read::Format::Txt => Format::Txt,
            crate::read::Format::Docx => Format::Docx,
            crate::read::Format::Xlsx => Format::Xlsx,
            crate::read::Format::Ods => Format::Ods,
            crate::read::Format::Pdf => Format::Pdf,
            crate::read::Format::Image => Format::Image,
            crate::read::Format::Doc => Format::Doc,
            crate::read::Format::Odt => Format::Odt,
            crate::read::Format::Rtf => Format::Rtf,
            crate::read::Format::Xls => Format::Xls,
        }
    }
}

/// The heading part of an order: who issues it, about what, and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Header {
    /// What the order does, read from its content (1.1).
    #[serde(default)]
    pub kind: DocumentKind,
    /// The document word of the title line as written: `คำสั่ง` (order) or
    /// `ประกาศ` (announcement); null when there is no title line (1.1).
    #[serde(default)]
    pub document: Option<String>,
    /// Issuing body: what follows the document word on the title line
    /// (`คำสั่งสำนักนายกรัฐมนตรี` → "สำนักนายกรัฐมนตรี"), or the office line
    /// (e.g. "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1"). Until 1.1 the
    /// document word was part of it.
    pub issuer: Option<String>,
    /// The unit inside the issuing office the order is about (e.g. "กลุ่มนโยบายและแผน").
    pub unit: Option<String>,
    /// Order number (`ที่ 123/2566`).
    pub order_number: Option<OrderNumber>,
    /// Subject, the text after `เรื่อง`.
    pub subject: Option<String>,
    /// Text between the heading and the first numbered item.
    pub preamble: Option<String>,
    /// Effective clause (`ทั้งนี้ ตั้งแต่…`).
    pub effective: Option<String>,
    /// Date of signing (`สั่ง ณ วันที่ …`).
    pub date: Option<DateInfo>,
    /// Who signed the order.
    pub signed_by: Option<Signature>,
}

/// What an order does, so that readers of the JSON can filter on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Duties given to named staff or posts (มอบหมายหน้าที่, กำหนดหน้าที่).
    DutyAssignment,
    /// Sets up one or more committees, sub-committees or working groups
    /// (แต่งตั้งคณะกรรมการ…, คณะทำงาน…) with their members.
    Committee,
    /// Appoints named people to posts, or removes them (แต่งตั้ง… ให้ดำรงตำแหน่ง…).
    Appointment,
    /// Says who acts for whom (รักษาราชการแทน, ปฏิบัติราชการแทน).
    Acting,
    /// An announcement (ประกาศ) that does none of the above.
    Announcement,
    /// Anything else: revocations, amendments without people, operational
    /// orders; also any kind a newer 1.x version adds.
    #[default]
    #[serde(other)]
    Other,
}

/// An order number as written and as numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrderNumber {
    /// As written, e.g. "ที่ ๑๖/๒๕๖๐".
    pub text: String,
    /// The running number (16).
    pub number: Option<u32>,
    /// Buddhist-era year (2560).
    pub year_be: Option<u32>,
}

/// A date as written and in ISO form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateInfo {
    /// As written.
    pub text: String,
    /// ISO 8601 date (Gregorian), null when it cannot be read.
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub iso: Option<String>,
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Signature {
    /// Name of the signer.
    pub name: Option<String>,
    /// Position lines under the name.
    pub position: Vec<String>,
}

/// A node of the document tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OutlineNode {
    /// Stable path id ("n3", "n3.2"): the node's position among its siblings.
    pub id: Text,
    /// Corrected canonical number ("4.1.2"), null for unnumbered nodes.
    pub number: Option<Text>,
    /// The label as written ("4.2.2", "1)", "1.5."), null for unnumbered nodes.
    pub label: Option<Text>,
    /// What the node is (see [`NodeKind`]).
    pub kind: NodeKind,
    /// Normalised text without the label, wrapped lines joined. Absent in
    /// the JSON of `--outline ids`, which keeps the tree and drops its words
    /// (read back as "").
    #[serde(default)]
    pub text: Text,
    /// First input line (1-based; paragraph number for .docx, row for sheets).
    #[schemars(range(min = 1))]
    pub line_start: u32,
    /// Last input line (1-based, inclusive; paragraph number for .docx, row for sheets).
    #[schemars(range(min = 1))]
    pub line_end: u32,
    /// The page `line_start` is on, for a paged input (a PDF, a scan);
    /// absent for others (1.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub page: Option<u32>,
    /// The cells of the node's line when it is a row of a table — a Word
    /// table's row, or a text line whose cells a tab or a wide gap parts
    /// (`ม.๑/๑⇥นางสาวก ข⇥นายค ง`) — trimmed, in order, after the label; `text`
    /// holds the same words joined by spaces. Absent (empty) for any other
    /// line (1.4), and in the JSON of `--outline ids`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<String>,
    /// Nested nodes.
    pub children: Vec<OutlineNode>,
}

/// What an outline node is (`outline[].kind`). A later 1.x version may add
/// values: this version reads them as [`NodeKind::Unknown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NodeKind {
    /// `เรื่อง …`: the subject line.
    Subject,
    /// The title line or office line naming the issuing body.
    Issuer,
    /// The unit inside the issuing office.
    Unit,
    /// `ที่ 123/2566`: the order number.
    OrderNumber,
    /// A line of `-`, `_` or `=`.
    Rule,
    /// Running text of the header.
    Preamble,
    /// `ส่วนที่ 2` / `หมวด 1`: a part heading.
    Part,
    /// An unnumbered heading over a list whose numbering starts again.
    Heading,
    /// `กลุ่มงาน…`: a work-group heading between people.
    WorkGroup,
    /// A named person (numbered item or unnumbered line).
    Person,
    /// An unnumbered entry of a list of people or seats not read as a person.
    Entry,
    /// A duty.
    Duty,
    /// งานอื่น ๆ ตามที่ได้รับมอบหมาย: other duties as assigned.
    OtherAssigned,
    /// กรณีที่ไม่สามารถปฏิบัติราชการได้…: who stands in.
    SubstituteClause,
    /// ปฏิบัติหน้าที่เลขานุการ…: serving as secretary.
    Secretary,
    /// `ขั้นตอนการปฏิบัติงาน`: the procedure steps heading.
    StepsHeading,
    /// A procedure step or sub-step.
    Step,
    /// An inline list of names (`1. นาง… 2. นาย…`).
    NameList,
    /// One name of a name list.
    Name,
    /// A committee's heading item.
    Committee,
    /// A committee member or seat.
    Member,
    /// A numbered item no later stage named.
    Item,
    /// Unnumbered text no later stage named.
    Paragraph,
    /// A page number typed into the text (`- 2 -`), read as nothing.
    PageArtefact,
    /// `ทั้งนี้ ตั้งแต่…`: the effective clause.
    Effective,
    /// `สั่ง ณ วันที่ …`: the date of signing.
    Date,
    /// A line of the signature block.
    Signature,
    /// A kind a later 1.x version adds, in a document this version reads
    /// back (never written by this version).
    #[serde(other)]
    #[schemars(skip)]
    Unknown,
}

impl NodeKind {
    /// The name used in JSON (`work_group`).
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Subject => "subject",
            NodeKind::Issuer => "issuer",
            NodeKind::Unit => "unit",
            NodeKind::OrderNumber => "order_number",
            NodeKind::Rule => "rule",
            NodeKind::Preamble => "preamble",
            NodeKind::Part => "part",
            NodeKind::Heading => "heading",
            NodeKind::WorkGroup => "work_group",
            NodeKind::Person => "person",
            NodeKind::Entry => "entry",
            NodeKind::Duty => "duty",
            NodeKind::OtherAssigned => "other_assigned",
            NodeKind::SubstituteClause => "substitute_clause",
            NodeKind::Secretary => "secretary",
            NodeKind::StepsHeading => "steps_heading",
            NodeKind::Step => "step",
            NodeKind::NameList => "name_list",
            NodeKind::Name => "name",
            NodeKind::Committee => "committee",
            NodeKind::Member => "member",
            NodeKind::Item => "item",
            NodeKind::Paragraph => "paragraph",
            NodeKind::PageArtefact => "page_artefact",
            NodeKind::Effective => "effective",
            NodeKind::Date => "date",
            NodeKind::Signature => "signature",
            NodeKind::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for NodeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a duty is (`duties[].kind`, `steps[].kind`). A later 1.x version may
/// add values: this version reads them as [`DutyKind::Unknown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DutyKind {
    /// A duty.
    Duty,
    /// งานอื่น ๆ ตามที่ได้รับมอบหมาย: other duties as assigned.
    OtherAssigned,
    /// กรณีที่ไม่สามารถปฏิบัติราชการได้…: who stands in.
    SubstituteClause,
    /// ปฏิบัติหน้าที่เลขานุการ…: serving as secretary to someone.
    Secretary,
    /// A procedure step or sub-step.
    Step,
    /// A kind a later 1.x version adds, in a document this version reads
    /// back (never written by this version).
    #[serde(other)]
    #[schemars(skip)]
    Unknown,
}

impl DutyKind {
    /// The name used in JSON (`other_assigned`).
    pub fn as_str(self) -> &'static str {
        NodeKind::from(self).as_str()
    }
}

impl std::fmt::Display for DutyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<DutyKind> for NodeKind {
    /// The outline node of a duty has the duty's kind.
    fn from(k: DutyKind) -> Self {
        match k {
            DutyKind::Duty => NodeKind::Duty,
            DutyKind::OtherAssigned => NodeKind::OtherAssigned,
            DutyKind::SubstituteClause => NodeKind::SubstituteClause,
            DutyKind::Secretary => NodeKind::Secretary,
            DutyKind::Step => NodeKind::Step,
            DutyKind::Unknown => NodeKind::Unknown,
        }
    }
}

/// A named member of staff and what they are assigned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// Stable id from the canonical number ("p4").
    pub id: String,
    /// Canonical number of the person's item ("4").
    pub number: Option<String>,
    /// The label of the person's item as written ("4.", "๔."); null for a
    /// person on an unnumbered line (1.2).
    #[serde(default)]
    pub label: Option<String>,
    /// `id` of the outline node that names the person ("n5"): their item,
    /// line or the member line that names them (1.2).
    #[serde(default)]
    pub node: Option<String>,
    /// Title / prefix (คำนำหน้า): นาย, นาง, นางสาว, ว่าที่ร้อยตรี, ดร. …
    pub title: Option<String>,
    /// Given name (ชื่อ).
    pub given_name: Option<String>,
    /// Family name (นามสกุล).
    pub family_name: Option<String>,
    /// Title and name as written (normalised), e.g. "นางสาวธนะพร ฉายแสง".
    pub full_name: String,
    /// Position (ตำแหน่ง) without rank, e.g. "นักวิเคราะห์นโยบายและแผน".
    pub position: Option<String>,
    /// Rank or academic standing (วิทยฐานะ / ระดับ), e.g. "ชำนาญการพิเศษ".
    pub rank: Option<String>,
    /// Acting role, e.g. "ปฏิบัติหน้าที่ผู้อำนวยการกลุ่มนโยบายและแผน".
    pub role: Option<String>,
    /// Work group heading above the person (กลุ่มงาน…).
    pub work_group: Option<String>,
    /// A student's class as written (`ชั้นมัธยมศึกษาปีที่ ๒/๑`, `ม.๒/๑`),
    /// kept apart from the name and the position (1.1).
    #[serde(default)]
    pub class: Option<String>,
    /// What this order makes the person, in its words: a post
    /// (`อธิการบดีมหาวิทยาลัยศิลปากร`), an acting role, a seat; null when the
    /// order only gives duties or a committee membership (that is the
    /// member's `role`). Added in 1.1.
    #[serde(default)]
    pub appointed_as: Option<String>,
    /// The words after the person's name and post that introduce their
    /// duties, as written (`มีหน้าที่ ดังนี้`); null when there are none (1.2).
    #[serde(default)]
    pub duty_intro: Option<String>,
    /// `id` of the earlier entry of `people[]` that names the same person
    /// (the same given and family name), when the order lists them again
    /// under another heading — a roster's next day, another section — with
    /// that listing's own group and role; null for a person's first entry, so
    /// the people of an order are the entries whose `same_as` is null (1.3).
    #[serde(default)]
    pub same_as: Option<String>,
    /// First input line of the person's block.
    #[schemars(range(min = 1))]
    pub line_start: u32,
    /// Last input line of the person's block.
    #[schemars(range(min = 1))]
    pub line_end: u32,
    /// The page the person's block starts on, for a paged input (a PDF, a
    /// scan); absent for others (1.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub page: Option<u32>,
    /// Duties in order.
    pub duties: Vec<Duty>,
    /// Who stands in when the person cannot work, in order.
    pub substitutes: Vec<Substitute>,
}

/// A duty, a procedure step or a sub-step (the same shape at every depth).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Duty {
    /// Stable id ("p4.d1", "p4.d1.s2", "p2.d1.s2.s1").
    pub id: String,
    /// Corrected canonical number ("4.1.2"; "1" for a `1)` sub-step).
    pub number: Option<Text>,
    /// The label as written ("4.2.2", "1)").
    pub label: Option<Text>,
    /// The form of the written label (`dotted` for "4.2.2", `paren_close`
    /// for "1)"), which a clean copy keeps; null without a label (1.2).
    #[serde(default)]
    pub label_form: Option<LabelForm>,
    /// `id` of the duty's outline node ("n5.2"); null for a duty written
    /// inside a sentence, which has no node of its own (1.2).
    #[serde(default)]
    pub node: Option<Text>,
    /// Text of the duty, wrapped lines joined.
    // (the same characters as its outline node's `text`, held once)
    pub title: Text,
    /// What the duty is (see [`DutyKind`]).
    pub kind: DutyKind,
    /// First input line.
    #[schemars(range(min = 1))]
    pub line_start: u32,
    /// Last input line.
    #[schemars(range(min = 1))]
    pub line_end: u32,
    /// Steps and sub-steps, recursively.
    pub steps: Vec<Duty>,
}

/// One person named to stand in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Substitute {
    /// Name as written (normalised), with title.
    pub full_name: String,
    /// `id` of the same person in this order, when there is one.
    pub person_id: Option<String>,
    /// `id` of the numbered duty (a substitute clause, `4.5 กรณีที่ไม่สามารถ…`)
    /// whose text names them; null when an unnumbered clause lists them (1.2).
    #[serde(default)]
    pub duty_id: Option<String>,
}

/// A committee (คณะกรรมการ) appointed by the order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Committee {
    /// Stable id ("c1").
    pub id: String,
    /// Canonical number of the committee's item.
    pub number: Option<String>,
    /// Committee name.
    pub name: String,
    /// Members with their role.
    pub members: Vec<CommitteeMember>,
    /// The committee's duties.
    pub duties: Vec<Duty>,
}

/// A member of a committee: a named person, or a seat held by a position
/// (ex officio, `ปลัดกระทรวงศึกษาธิการ  กรรมการ`), which has `full_name: null`
/// and is never a person.
///
/// Changed in 1.1: `full_name` may be null; `title`, `position`, `role_kind`,
/// `line_start` and `line_end` were added; `role` is the role as written.
/// Added in 1.2: `group`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CommitteeMember {
    /// Title and name of a named member ("นางมนพร เจริญศรี"); null for a seat
    /// held by a position.
    pub full_name: Option<String>,
    /// `id` of the same person among `people` (every named member is one).
    pub person_id: Option<String>,
    /// Title of a named member (นาย, พลตำรวจโท, รองศาสตราจารย์ …).
    #[serde(default)]
    pub title: Option<String>,
    /// The post: the seat's position, or the named member's post when written.
    #[serde(default)]
    pub position: Option<String>,
    /// The committee role as written: ประธานกรรมการ, กรรมการและเลขานุการ,
    /// `รองประธานกรรมการ คนที่หนึ่ง`, `ที่ปรึกษา/กรรมการ` …
    pub role: Option<String>,
    /// What the role is, whatever its wording.
    #[serde(default)]
    pub role_kind: Option<RoleKind>,
    /// The unnumbered heading the member is listed under inside the
    /// committee, as written (`ที่ปรึกษา`, `ผู้แทนภาคเอกชน`, `ห้องสอบที่ 1`);
    /// null when none (1.2).
    #[serde(default)]
    pub group: Option<String>,
    /// `id` of the outline node the member is read from ("n7.3") (1.2).
    #[serde(default)]
    pub node: Option<String>,
    /// First input line of the member.
    #[serde(default = "one")]
    #[schemars(range(min = 1))]
    pub line_start: u32,
    /// Last input line of the member.
    #[serde(default = "one")]
    #[schemars(range(min = 1))]
    pub line_end: u32,
}

fn one() -> u32 {
    1
}

/// How a label is written, which decides how it nests (`Duty.label_form`).
/// A later 1.x version may add values: this version reads them as
/// [`LabelForm::Unknown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LabelForm {
    /// `1.` `1.1` `1.1.1` `1.5.` (Thai or Arabic digits).
    Dotted,
    /// `1)`
    ParenClose,
    /// `(1)`
    ParenBoth,
    /// `ก.`
    LetterDot,
    /// `ก)`
    LetterClose,
    /// `(ก)`
    LetterBoth,
    /// `-` `•` `๏` …: an unnumbered bullet.
    Bullet,
    /// `ข้อ 1` (clause).
    Clause,
    /// `ลำดับที่ 1` (a number in words, 1.3).
    Ordinal,
    /// A form a later 1.x version adds, in a document this version reads
    /// back (never written by this version).
    #[serde(other)]
    #[schemars(skip)]
    Unknown,
}

impl From<crate::label::Family> for LabelForm {
    fn from(f: crate::label::Family) -> Self {
        use crate::label::Family;
        match f {
            Family::Dotted => LabelForm::Dotted,
            Family::ParenClose => LabelForm::ParenClose,
            Family::ParenBoth => LabelForm::ParenBoth,
            Family::LetterDot => LabelForm::LetterDot,
            Family::LetterClose => LabelForm::LetterClose,
            Family::LetterBoth => LabelForm::LetterBoth,
            Family::Bullet(_) => LabelForm::Bullet,
            Family::Clause => LabelForm::Clause,
            Family::Ordinal => LabelForm::Ordinal,
        }
    }
}

/// A committee role, whatever its wording (คณะกรรมการ, คณะอนุกรรมการ and
/// คณะทำงาน use different words for the same seats).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    /// ที่ปรึกษา: an advisor, not a seat of the committee.
    Advisor,
    /// ประธาน…, หัวหน้าคณะทำงาน.
    Chair,
    /// รองประธาน…, รองหัวหน้าคณะทำงาน.
    ViceChair,
    /// กรรมการ, อนุกรรมการ, คณะทำงาน.
    Member,
    /// กรรมการและเลขานุการ (a member who is also the secretary).
    MemberSecretary,
    /// เลขานุการ alone.
    Secretary,
    /// ผู้ช่วยเลขานุการ, กรรมการและผู้ช่วยเลขานุการ.
    AssistantSecretary,
    /// เหรัญญิก, กรรมการและเหรัญญิก.
    Treasurer,
    /// Any other role, also any a newer 1.x version adds.
    #[serde(other)]
    Other,
}

/// JSON nesting an order written by kamsang needs besides its outline: the
/// document, its arrays and the node objects around the deepest tree.
const JSON_DEPTH_BASE: usize = 16;

/// JSON nesting per outline level: a node object and its `children` array.
const JSON_DEPTH_PER_LEVEL: usize = 2;

impl DutyOrder {
    /// An order from JSON that kamsang wrote, nested no deeper than an
    /// outline of `max_depth` levels needs (serde_json's own limit of 128
    /// would refuse an order parsed with `--max-depth` 63 or more; the depth
    /// is checked first, so the reader's recursion stays bounded).
    pub fn from_json_slice(body: &[u8], max_depth: usize) -> Result<Self, String> {
        let depth = json_depth(body);
        let allowed = JSON_DEPTH_BASE
            + JSON_DEPTH_PER_LEVEL * max_depth.min(crate::limits::MAX_DEPTH_CEILING);
        if depth > allowed {
            return Err(format!(
                "nested {depth} levels deep, more than an outline of {max_depth} levels needs \
                 (raise it with --max-depth)"
            ));
        }
        let mut de = serde_json::Deserializer::from_slice(body);
        de.disable_recursion_limit();
        let order = Self::deserialize(&mut de).map_err(|e| e.to_string())?;
        de.end().map_err(|e| e.to_string())?;
        Ok(order)
    }
}

/// The deepest nesting of objects and arrays in JSON text (strings skipped).
fn json_depth(body: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in body {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}
