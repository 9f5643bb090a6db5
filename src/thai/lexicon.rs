//! Thai vocabulary of duty orders, as data.
//!
//! Every table here is a list of written forms the parser recognises. Sources:
//! the real orders in `fixtures/`, the Royal Institute's list of personal titles
//! (คำนำหน้านาม), and the civil-service / teacher rank names of the OCSC and the
//! ก.ค.ศ. (Teacher Civil Service Commission).

use super::find::find;

/// Military and police ranks (ยศ), written and abbreviated, as personal
/// titles. A woman officer's rank is the rank with `หญิง` after it
/// (`ร้อยเอกหญิง`, `ร.อ.หญิง`, `พ.ต.ท.หญิง`): [`title_at`] knows each of these
/// with and without it.
pub const RANK_TITLES: &[&str] = &[
    // military and police ranks, including acting ranks (ว่าที่ = "acting")
    "ว่าที่ร้อยตำรวจตรี",
    "ว่าที่ร้อยตรีหญิง",
    "ว่าที่ร้อยตรี",
    "ว่าที่ร้อยโท",
    "ว่าที่ร้อยเอก",
    "ว่าที่ร้อยตำรวจโท",
    "ว่าที่ร้อยตำรวจเอก",
    "ว่าที่พันตรี",
    "ว่าที่ ร.ต.",
    "ว่าที่ร.ต.",
    "ว่าที่ ร.ท.",
    "ว่าที่ ร.อ.",
    "พลตำรวจเอก",
    "พลตำรวจโท",
    "พลตำรวจตรี",
    "ร้อยตำรวจเอก",
    "ร้อยตำรวจโท",
    "ร้อยตำรวจตรี",
    "จ่าสิบเอก",
    "จ่าสิบโท",
    "จ่าสิบตรี",
    "สิบเอก",
    "สิบโท",
    "สิบตรี",
    "พลเอก",
    "พลโท",
    "พลตรี",
    "พันเอก",
    "พันโท",
    "พันตรี",
    "ร้อยเอก",
    "ร้อยโท",
    "ร้อยตรี",
    "จ.ส.อ.",
    // police non-commissioned ranks (ดาบตำรวจ = senior sergeant major) and
    // the navy's and air force's, with their abbreviations
    "ดาบตำรวจ",
    "จ่าสิบตำรวจ",
    "สิบตำรวจเอก",
    "สิบตำรวจโท",
    "สิบตำรวจตรี",
    "พันจ่าเอก",
    "พันจ่าโท",
    "พันจ่าตรี",
    "จ่าเอก",
    "จ่าโท",
    "จ่าตรี",
    "พันจ่าอากาศเอก",
    "พันจ่าอากาศโท",
    "พันจ่าอากาศตรี",
    "จ่าอากาศเอก",
    "จ่าอากาศโท",
    "จ่าอากาศตรี",
    "ด.ต.",
    "จ.ส.ต.",
    "ส.ต.อ.",
    "ส.ต.ท.",
    "ส.ต.ต.",
    "ร.ต.",
    "ร.ท.",
    "ร.อ.",
    // navy and air force ranks; police and army ranks abbreviated
    "พลอากาศเอก",
    "พลอากาศโท",
    "พลอากาศตรี",
    "พลเรือเอก",
    "พลเรือโท",
    "พลเรือตรี",
    "นาวาอากาศเอก",
    "นาวาอากาศโท",
    "นาวาอากาศตรี",
    "นาวาเอก",
    "นาวาโท",
    "นาวาตรี",
    "พันตำรวจเอก",
    "พันตำรวจโท",
    "พันตำรวจตรี",
    "พล.ต.อ.",
    "พล.ต.ท.",
    "พล.ต.ต.",
    "พล.อ.อ.",
    "พล.ร.อ.",
    "พล.อ.",
    "พล.ท.",
    "พล.ต.",
    "พ.ต.อ.",
    "พ.ต.ท.",
    "พ.ต.ต.",
    "พ.อ.",
    "พ.ท.",
    "พ.ต.",
    "ร.ต.อ.",
    "ร.ต.ท.",
    "ร.ต.ต.",
    // privates (army, police), the army's corporals and sergeants, the
    // navy's and air force's officers and petty officers, abbreviated
    "พลทหาร",
    "พลตำรวจ",
    "จ.ส.ท.",
    "ส.อ.",
    "ส.ท.",
    "ส.ต.",
    "พล.ร.ท.",
    "พล.ร.ต.",
    "พล.อ.ท.",
    "พล.อ.ต.",
    "น.อ.",
    "น.ท.",
    "น.ต.",
    "พ.จ.อ.",
    "พ.จ.ท.",
    "พ.จ.ต.",
    "พ.อ.อ.",
    "พ.อ.ท.",
    "พ.อ.ต.",
    "จ.อ.",
    "จ.ท.",
    "จ.ต.",
];

/// What follows a rank to make it a woman officer's (see [`RANK_TITLES`]).
pub const FEMALE_RANK_MARK: &str = "หญิง";

/// Personal titles (คำนำหน้านาม) besides the ranks of [`RANK_TITLES`]: royal,
/// academic, medical and civil titles. Written directly before the given
/// name, with or without a space. [`title_at`] takes the longest that matches
/// (of these and the ranks), so that `นางสาว` wins over `นาง`, wherever it
/// stands in the list.
pub const TITLES: &[&str] = &[
    // royal and honorific titles (หม่อมราชวงศ์ = a king's great-grandchild)
    "หม่อมราชวงศ์",
    "หม่อมหลวง",
    "หม่อมเจ้า",
    "ม.จ.",
    "ม.ร.ว.",
    "ม.ล.",
    "ท่านผู้หญิง",
    "คุณหญิง",
    // academic titles; พิเศษ = adjunct, เกียรติคุณ = emeritus
    "ผู้ช่วยศาสตราจารย์พิเศษ",
    "รองศาสตราจารย์พิเศษ",
    "ศาสตราจารย์พิเศษ",
    "ศาสตราจารย์เกียรติคุณ",
    "ศ.ดร.",
    "ศ.",
    "ผู้ช่วยศาสตราจารย์ ดร.",
    "รองศาสตราจารย์ ดร.",
    "ศาสตราจารย์ ดร.",
    "ผู้ช่วยศาสตราจารย์",
    "รองศาสตราจารย์",
    "ศาสตราจารย์",
    "ผู้ช่วยศาสตราจารย์ดร.",
    "รองศาสตราจารย์ดร.",
    "ศาสตราจารย์ดร.",
    "ผศ. ดร.",
    "รศ. ดร.",
    "ศ. ดร.",
    // a lecturer with a doctorate: อาจารย์ alone is a post (อาจารย์ที่ปรึกษา…)
    "อาจารย์ ดร.",
    "อาจารย์ดร.",
    "อ.ดร.",
    // a lecturer who is a doctor, dentist or pharmacist: อ. alone is too
    // short a title (อ.เมือง is a district), so only before another
    "อ.นพ.",
    "อ.พญ.",
    "อ.ทพ.",
    "อ.ทพญ.",
    "อ.ภก.",
    "อ.ภญ.",
    "ผศ.ดร.",
    "รศ.ดร.",
    "ผศ.",
    "รศ.",
    "ดร.",
    // medical titles
    "นายแพทย์",
    "แพทย์หญิง",
    "ทันตแพทย์หญิง",
    "ทันตแพทย์",
    "นพ.",
    "พญ.",
    "ทพ.",
    // veterinarians (นายสัตวแพทย์, สัตวแพทย์หญิง) abbreviated, as livestock
    // offices write them
    "สัตวแพทย์หญิง",
    "น.สพ.",
    "สพ.ญ.",
    // pharmacists (เภสัชกร / เภสัชกรหญิง) and a woman dentist, abbreviated
    "ทพญ.",
    "ภก.",
    "ภญ.",
    // a novice monk (who keeps his family name)
    "สามเณร",
    // students (boy, girl, and their abbreviations)
    "เด็กชาย",
    "เด็กหญิง",
    "ด.ช.",
    "ด.ญ.",
    // civil titles; คุณ ("Khun", for ladies of royal and social boards) only
    // with a family name after it, and never in the words of
    // [`TITLE_FALSE_FRIENDS`] (คุณภาพ, คุณสมบัติ …)
    "คุณ",
    "นางสาว",
    "น.ส.",
    "นาง",
    "นาย",
];

/// Words that start with a title but are positions, not names: นายกรัฐมนตรี
/// (prime minister) must not read as นาย + กรัฐมนตรี.
pub const TITLE_FALSE_FRIENDS: &[&str] = &[
    "นายกรัฐมนตรี",
    "นายกเทศมนตรี",
    "นายกองค์การ",
    "นายกองค์กร",
    "นายกสมาคม",
    "นายกสภา",
    "นายกฯ",
    "นายอำเภอ",
    "นายทะเบียน",
    "นายช่าง",
    "นายตำรวจ",
    "นายทหาร",
    "นายงาน",
    "นางพยาบาล",
    "นายกสโมสร",
    "นายกชมรม",
    "นายกเหล่ากาชาด",
    // posts named after a title word: the provincial chief medical officer,
    // doctors' and dentists' civil-service posts by level, the veterinary
    // post; employer, duty officer, checkpoint and station chief, broker,
    // bail guarantor
    "นายแพทย์สาธารณสุข",
    "นายแพทย์ใหญ่",
    "นายแพทย์ปฏิบัติการ",
    "นายแพทย์ชำนาญการ",
    "นายแพทย์เชี่ยวชาญ",
    "นายแพทย์ทรงคุณวุฒิ",
    "ทันตแพทย์ปฏิบัติการ",
    "ทันตแพทย์ชำนาญการ",
    "ทันตแพทย์เชี่ยวชาญ",
    "ทันตแพทย์ทรงคุณวุฒิ",
    "นายสัตวแพทย์",
    "นายจ้าง",
    "นายเวร",
    "นายด่าน",
    "นายสถานี",
    "นายหน้า",
    "นายประกัน",
    // คุณ + a noun: quality, qualification, virtue, value, benefit, feature,
    // degree, contribution; teacher, mother, father (a form of address)
    "คุณภาพ",
    "คุณสมบัติ",
    "คุณธรรม",
    "คุณค่า",
    "คุณประโยชน์",
    "คุณลักษณะ",
    "คุณวุฒิ",
    "คุณูปการ",
    "คุณงาม",
    "คุณการ",
    "คุณครู",
    "คุณแม่",
    "คุณพ่อ",
];

/// A course (รายวิชา, with its code and name after it): what a lecturer is
/// appointed to teach, written in a cell after the name; their work, never
/// a post.
pub const COURSE_WORDS: &[&str] = &["รายวิชา"];

/// "Work, task" (งาน…): a phrase after a person's post that starts with it
/// is the work the order gives them (`ครูผู้ช่วย งานห้องสมุด`), a duty.
pub const WORK_WORD: &str = "งาน";

/// The teacher's post (ครู): its academic standings are named with it
/// (วิทยฐานะ ครูชำนาญการพิเศษ), so `ครูชำนาญการพิเศษ` is the post ครู with the
/// standing ครูชำนาญการพิเศษ, as when written `ครู วิทยฐานะ ครูชำนาญการพิเศษ`.
pub const TEACHER_POST: &str = "ครู";

/// "One who" (ผู้…): with a standing after it, a word of its own
/// (`ผู้ทรงคุณวุฒิ`, an expert; `ผู้เชี่ยวชาญ`), never a post with its standing.
pub const STANDING_NOUN_PREFIX: &str = "ผู้";

/// Ranks and academic standings (ระดับ / วิทยฐานะ), longest first. Written after
/// the position, with or without a space ("นักวิชาการศึกษาชำนาญการ").
pub const RANKS: &[&str] = &[
    "ชำนาญการพิเศษ",
    "เชี่ยวชาญพิเศษ",
    "ทรงคุณวุฒิ",
    "ชำนาญการ",
    "ชำนาญงาน",
    "เชี่ยวชาญ",
    "ปฏิบัติการ",
    "ปฏิบัติงาน",
    "ทักษะพิเศษ",
    "อาวุโส",
    "ค.ศ.5",
    "ค.ศ.4",
    "ค.ศ.3",
    "ค.ศ.2",
    "ค.ศ.1",
    "ค.ศ. 5",
    "ค.ศ. 4",
    "ค.ศ. 3",
    "ค.ศ. 2",
    "ค.ศ. 1",
];

/// How a teacher's salary grade (อันดับ คศ.1 … คศ.5) is written after the post
/// without its word: `ครู คศ.๓`, `ครู ค.ศ.3`, `ครู ค.ศ. ๒`.
pub const TEACHER_GRADE_PREFIXES: &[&str] = &["ค.ศ.", "คศ."];

/// Where a teacher's grade ([`TEACHER_GRADE_PREFIXES`] and one or two digits,
/// Thai or Arabic) ends `s` as words of their own after the post: its start.
pub fn trailing_teacher_grade(s: &str) -> Option<usize> {
    TEACHER_GRADE_PREFIXES
        .iter()
        .filter_map(|p| {
            let i = s.rfind(p)?;
            let digits = s.get(i + p.len()..)?.trim_start();
            let whole = (1..=2).contains(&digits.chars().count())
                && digits.chars().all(crate::thai::digits::is_digit);
            (whole && i > 0 && s.get(..i)?.ends_with(' ')).then_some(i)
        })
        .min()
}

/// Words written before a rank or academic standing: "academic standing"
/// (วิทยฐานะ), "grade" (อันดับ, the teacher salary grade คศ.1 …), "level"
/// (ระดับ). Everything after one of them is the rank, as written. (ครูผู้ช่วย,
/// "assistant teacher", is a position, not a standing.)
pub const RANK_WORDS: &[&str] = &["วิทยฐานะ", "อันดับ", "ระดับ"];

/// How a degree ends (บัณฑิต "graduate": ครุศาสตรบัณฑิต, วิทยาศาสตรมหาบัณฑิต,
/// ปรัชญาดุษฎีบัณฑิต): written after a student's name with its สาขาวิชา, it
/// is their programme (kept as the class), never a post.
pub const DEGREE_END: &str = "บัณฑิต";

/// The word that opens a student's class (ชั้น… ปีที่ …: "class … year …").
pub const CLASS_WORD: &str = "ชั้น";

/// Abbreviated classes, followed by a digit: มัธยมศึกษา (ม.), ประถมศึกษา (ป.),
/// อนุบาล (อ.), ประกาศนียบัตรวิชาชีพ (ปวช.), … ชั้นสูง (ปวส.).
pub const CLASS_ABBREVIATIONS: &[&str] = &["ม.", "ป.", "อ.", "ปวช.", "ปวส."];

/// Words that start an acting role (ปฏิบัติหน้าที่ = "performing the duty of",
/// รักษาราชการแทน = "acting for", รักษาการในตำแหน่ง = "acting in the position").
pub const ROLE_STARTS: &[&str] = &["ปฏิบัติหน้าที่", "รักษาราชการแทน", "รักษาการในตำแหน่ง", "รักษาการแทน"];

/// Words after a person's position that introduce their duties ("has the duty
/// to…", "responsible for…"). Everything from the first of them on is not part
/// of the position.
pub const DUTY_INTROS: &[&str] = &["มีหน้าที่", "ทำหน้าที่", "รับผิดชอบ", "ให้ปฏิบัติ", "ดังนี้"];

/// Verbs of oversight that start, as a word of their own after a post, the
/// work an order gives the person (`รองผู้อำนวยการ… กำกับ ดูแล และปฏิบัติ
/// ราชการแทนในกลุ่ม…`): the post ends before them, and what follows is the
/// person's duty.
pub const OVERSIGHT_VERBS: &[&str] = &["กำกับ", "ดูแล", "ควบคุม", "บังคับบัญชา"];

/// The word for "position", written before it or left out.
pub const POSITION_WORD: &str = "ตำแหน่ง";

/// Heading of the procedure steps of a duty ("operating procedure").
pub const STEPS_HEADINGS: &[&str] = &["ขั้นตอนการปฏิบัติงาน", "ขั้นตอนการดำเนินงาน", "ขั้นตอนการปฏิบัติ"];

/// A line that is only a procedure-steps heading ([`STEPS_HEADINGS`]), a
/// colon or spaces after it allowed (`ขั้นตอนการปฏิบัติงาน :`).
pub fn is_steps_heading(text: &str) -> bool {
    STEPS_HEADINGS.contains(&text.trim_end_matches([':', ' ']))
}

/// Start of a substitute clause: "in case [the person] cannot perform official duty".
pub const SUBSTITUTE_STARTS: &[&str] = &[
    "กรณีที่ไม่สามารถปฏิบัติราชการได้",
    "กรณีไม่สามารถปฏิบัติราชการได้",
    "กรณีที่ไม่สามารถปฏิบัติงานได้",
    "กรณีไม่สามารถปฏิบัติงานได้",
    "ในกรณีที่ไม่สามารถปฏิบัติราชการได้",
];

/// The catch-all duty "other work as assigned"; written with or without the
/// space before ๆ and with ปฏิบัติงาน / งาน / หน้าที่ in front.
pub const OTHER_ASSIGNED: &[&str] = &[
    "อื่น ๆ ตามที่ได้รับมอบหมาย",
    "อื่นๆ ตามที่ได้รับมอบหมาย",
    "อื่นๆตามที่ได้รับมอบหมาย",
];

/// Start of a duty to serve as secretary (เลขานุการ) to someone: "perform the
/// duty of secretary to the deputy director …".
pub const SECRETARY_STARTS: &[&str] = &[
    "ปฏิบัติหน้าที่ เลขานุการ",
    "ปฏิบัติหน้าที่เลขานุการ",
    "ทำหน้าที่ เลขานุการ",
    "ทำหน้าที่เลขานุการ",
    "เป็นเลขานุการ",
    "เลขานุการ",
];

/// Start of an office line in the header: the issuing body.
pub const ISSUER_STARTS: &[&str] = &[
    "คำสั่ง",
    "สำนักงาน",
    "โรงเรียน",
    "กระทรวง",
    "กรม",
    "มหาวิทยาลัย",
    "วิทยาลัย",
    "องค์การบริหารส่วน",
    "เทศบาล",
    "ศาลากลาง",
    "สพป.",
    "สพม.",
];

/// Fields of a staff record written after the post, each ending it
/// (`ตำแหน่ง พยาบาลวิชาชีพชำนาญการ ตำแหน่งเลขที่ ๒๓๑๔๕ กลุ่มงาน…`,
/// `ตำแหน่งที่ขอประเมิน …`): the post's number, and another post the record
/// names (applied for, to be appointed to).
pub const POST_FIELD_WORDS: &[&str] = &["ตำแหน่งเลขที่", "เลขที่ตำแหน่ง", "ตำแหน่งที่"];

/// How the unit a post is held in starts when it is written after the post
/// (`ครูชำนาญการ โรงเรียนบ้านบึง`, `นักวิชาการศึกษาชำนาญการ สำนักงานเขตพื้นที่…`,
/// `พยาบาลวิชาชีพชำนาญการ โรงพยาบาลโพธาราม`): schools, offices, universities,
/// hospitals, local governments, and `สังกัด` ("attached to").
pub const WORKPLACE_STARTS: &[&str] = &[
    "โรงเรียน",
    "สำนักงาน",
    "มหาวิทยาลัย",
    "วิทยาลัย",
    "โรงพยาบาล",
    "องค์การบริหารส่วน",
    "เทศบาล",
    "สังกัด",
];

/// Start of a unit line in the header: the group or section the order is about.
pub const UNIT_STARTS: &[&str] = &["กลุ่ม", "ฝ่าย", "งาน", "หน่วย", "กอง", "ส่วน", "ศูนย์", "สำนัก"];

/// Words that open a preamble paragraph ("whereas", "by virtue of", "in order
/// to" …): such a line starts the preamble even right after the subject line.
pub const PREAMBLE_STARTS: &[&str] = &[
    "โดยที่",
    "ตามที่",
    "อาศัยอำนาจ",
    "ด้วย",
    "เพื่อให้",
    "เนื่องจาก",
    "เนื่องด้วย",
    "บัดนี้",
    // an amendment's closing formula: "the rest stays as it was"
    // (นอกนั้นให้คงเดิม)
    "นอกนั้น",
    "มีหน้าที่",
    "เพื่อ",
    // "by resolution of" (ตามมติคณะรัฐมนตรี…), "further to" (อนุสนธิ…), "a royal
    // command" (มีพระราชโองการ…, the body of a royal appointment)
    "ตามมติ",
    "อนุสนธิ",
    "มีพระราชโองการ",
    // "therefore …" (จึงแต่งตั้ง, จึงมีคำสั่ง): the order's own clause, never
    // the rest of a subject
    "จึง",
];

/// The words a title line opens with: the kind of document ("order",
/// "announcement"). The issuing body follows them (`คำสั่งสำนักนายกรัฐมนตรี`,
/// `ประกาศมหาวิทยาลัยเกษตรศาสตร์`); a bare `ประกาศ` (royal announcements) has
/// its subject on the next line, without `เรื่อง`.
pub const DOCUMENT_WORDS: &[&str] = &["คำสั่ง", "ประกาศ"];

/// Words an order's structure is read by that PDF text layers (the Royal
/// Gazette's among them) are seen to split with a space between two of their
/// syllables (`คำ สั่ง`, `ตำ แหน่ง`): in text that came from a PDF or OCR
/// (and only there), such a split is closed again. Each is a word no Thai
/// sentence writes as two (`คำ` + `สั่ง` is always `คำสั่ง`).
pub const PDF_SPLIT_WORDS: &[&str] = &[
    "คำสั่ง",
    "ประกาศ",
    "ตำแหน่ง",
    "เรื่อง",
    "ปฏิบัติ",
    "กรรมการ",
    "ผู้อำนวยการ",
    "ราชการ",
];

/// Marks written in front of a title line, as in texts copied from web pages
/// (`● คำสั่ง…`).
pub const TITLE_BULLETS: &[char] = &['●', '•', '*', ' '];

/// Words that open a new clause in legal Thai ("let…", "in case…", "besides…"):
/// after a short line, a line starting with one of them is a new paragraph and
/// not the wrap of the line before.
pub const CLAUSE_OPENERS: &[&str] = &["ให้", "ในกรณี", "กรณี", "นอกจาก", "ทั้งนี้", "หาก", "อนึ่ง"];

/// Connectives that continue a sentence across a line break ("that/which",
/// "and", "or", "by", "in order to", "of" …): a line starting with one of them
/// goes on with the line before even where lines are whole paragraphs.
pub const CONNECTIVES: &[&str] = &[
    "ที่",
    "และ",
    "หรือ",
    "ซึ่ง",
    "โดย",
    "เพื่อ",
    "ของ",
    "แห่ง",
    "ตาม",
    "ใน",
    "กับ",
    "แก่",
    "จาก",
    "ถึง",
    "ด้วย",
    "รวมทั้ง",
    "รวมถึง",
    "ยกเว้น",
    "เว้นแต่",
    "ตลอดจน",
    "อันเป็น",
    "(",
    // the year of the era (พ.ศ. ๒๕๖๘, "B.E."): it follows the word it dates
    // (`ประจำปีงบประมาณ` / `พ.ศ. ๒๕๖๘ ประกอบด้วย`)
    "พ.ศ.",
];

/// The subject marker (เรื่อง = "subject").
pub const SUBJECT_WORD: &str = "เรื่อง";

/// The longest personal title at the start of `s`.
pub fn title_at(s: &str) -> Option<&'static str> {
    // only the titles that start with the same letter are compared: names
    // are looked for at every word of every line
    let first = s.chars().next()?;
    let title = TITLES_BY_FIRST
        .iter()
        .find(|(c, _)| *c == first)?
        .1
        .iter()
        .copied()
        .filter(|t| s.starts_with(t))
        .max_by_key(|t| t.len());
    title.or_else(|| POST_TITLES.iter().copied().find(|t| post_title_names(s, t)))
}

/// Titles that never follow another title: the civil ones and the
/// students'. Every other title may stand after one, and the two are one
/// title (`นาวาเอก หม่อมหลวง…`, `รองศาสตราจารย์ หม่อมราชวงศ์…`,
/// `ศาสตราจารย์ นายแพทย์…`, `พลตำรวจโท ดร.…`).
pub const CIVIL_TITLES: &[&str] = &[
    "คุณ",
    "นางสาว",
    "น.ส.",
    "นาง",
    "นาย",
    "เด็กชาย",
    "เด็กหญิง",
    "ด.ช.",
    "ด.ญ.",
];

/// Titles that are also the name of a post: a lecturer is addressed as
/// อาจารย์ (`อาจารย์จิราภรณ์ พึ่งทอง`), and อาจารย์ is the lecturer's post too
/// (`อาจารย์ประจำหลักสูตร`, `อาจารย์ที่ปรึกษา…`, `อาจารย์พิเศษ`). One is a
/// title only before a whole name: a given and a family name that are both
/// words a name may have (see [`post_title_names`]).
pub const POST_TITLES: &[&str] = &["อาจารย์"];

/// Words that follow a post title in a post, never in a name: a post of the
/// course, an advisor, a lecturer who teaches / supervises, an adjunct, a
/// head teacher, a contract lecturer, a department or field.
pub const POST_TITLE_FALSE_FRIENDS: &[&str] = &[
    "ประจำ",
    "ที่ปรึกษา",
    "ผู้",
    "พิเศษ",
    "ใหญ่",
    "นิเทศ",
    "สอน",
    "อัตราจ้าง",
    "ภาควิชา",
    "สาขา",
    "คณะ",
    "พี่เลี้ยง",
    "อาวุโส",
];

/// `s` starts with the post title `t` and then a whole name: a given name
/// (glued or after a space) and a family name, both words a name may have.
fn post_title_names(s: &str, t: &str) -> bool {
    let Some(rest) = s.strip_prefix(t) else {
        return false;
    };
    let rest = rest.trim_start();
    let mut words = rest.split(' ');
    let (Some(given), Some(family)) = (words.next(), words.next()) else {
        return false;
    };
    starts_with_any(given, POST_TITLE_FALSE_FRIENDS).is_none()
        && may_continue_name(given)
        && may_continue_name(family)
}

/// English titles before a name in Latin letters (a foreign lecturer or
/// expert: `Mr. David Thompson`, `Dr. Stefan Müller`), longest first where
/// one starts another. Their given and family names are Latin words with a
/// capital letter.
pub const LATIN_TITLES: &[&str] = &[
    "Assoc. Prof. Dr.",
    "Asst. Prof. Dr.",
    "Prof. Dr.",
    "Assoc. Prof.",
    "Asst. Prof.",
    "Prof.",
    "Mrs.",
    "Mr.",
    "Ms.",
    "Miss",
    "Dr.",
];

/// Titles of monks (สมณศักดิ์ and the words a monk is addressed by), longest
/// first where one starts another. A monk has no family name: what may follow
/// his name is his Pali monastic name (ฉายา, `พระมหาสมศักดิ์ ปญฺญาวโร`), see
/// [`is_monastic_name`]; an ecclesiastical title name is the whole name
/// (`พระครูสิริธรรมวิมล`). School boards seat a representative of the Sangha,
/// and monks advise many school and community committees. `พระ` alone is no
/// title here: it starts too many words (พระราชบัญญัติ, พระภิกษุสงฆ์ …).
pub const MONASTIC_TITLES: &[&str] = &[
    "พระครูปลัด",
    "พระครูสมุห์",
    "พระครูใบฎีกา",
    "พระครูวินัยธร",
    "พระครูธรรมธร",
    "พระครู",
    "พระมหา",
    "พระอธิการ",
    "พระปลัด",
    "พระสมุห์",
    "พระใบฎีกา",
    "พระวินัยธร",
    "พระธรรมธร",
    "พระอาจารย์",
];

/// Whether `word` after a monk's name is his Pali monastic name (ฉายา): Pali
/// as Thai writes it, with a PHINTHU (ฺ, a consonant without vowel:
/// `ปญฺญาวโร`, `ฐิตธมฺโม`) or ending in the nominative -o written โ + a
/// consonant (`สุเมโธ`, `จนฺทสาโร`). Anything else after the name (a seat,
/// a post) is not part of it.
pub fn is_monastic_name(word: &str) -> bool {
    const PHINTHU: char = '\u{0E3A}';
    const SARA_O: char = '\u{0E42}';
    let mut tail = word.chars().rev();
    word.contains(PHINTHU)
        || (tail.next().is_some_and(super::is_thai_consonant) && tail.next() == Some(SARA_O))
}

/// Every personal title: the ranks (each also with [`FEMALE_RANK_MARK`]),
/// then [`TITLES`], [`MONASTIC_TITLES`] and [`LATIN_TITLES`]. Built once; the woman officers' ranks are made here, not
/// listed twice by hand.
pub static ALL_TITLES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut all: Vec<&'static str> = RANK_TITLES.to_vec();
    for r in RANK_TITLES {
        if r.ends_with(FEMALE_RANK_MARK) || r.ends_with(' ') {
            continue;
        }
        let female = format!("{r}{FEMALE_RANK_MARK}");
        if !all.contains(&female.as_str()) {
            // a fixed set made once for the life of the program
            all.push(Box::leak(female.into_boxed_str()));
        }
    }
    all.extend_from_slice(TITLES);
    all.extend_from_slice(MONASTIC_TITLES);
    all.extend_from_slice(LATIN_TITLES);
    all
});

/// [`ALL_TITLES`] grouped by their first letter.
static TITLES_BY_FIRST: std::sync::LazyLock<Vec<(char, Vec<&'static str>)>> =
    std::sync::LazyLock::new(|| {
        let mut groups: Vec<(char, Vec<&'static str>)> = Vec::new();
        for t in ALL_TITLES.iter() {
            let Some(c) = t.chars().next() else { continue };
            match groups.iter_mut().find(|(g, _)| *g == c) {
                Some((_, v)) => v.push(t),
                None => groups.push((c, vec![t])),
            }
        }
        groups
    });

/// The first of `words` that `s` starts with.
pub fn starts_with_any<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| s.starts_with(w))
}

/// `s` up to the earliest place where a word of any of `lists` starts (all of
/// `s` when none does): what an appointment makes someone ends at a when, a
/// duty intro, the next clause.
pub fn before_any<'a>(s: &'a str, lists: &[&[&str]]) -> &'a str {
    let end = lists
        .iter()
        .filter_map(|words| find_first(s, words).map(|(i, _)| i))
        .min()
        .unwrap_or(s.len());
    s.get(..end).unwrap_or(s)
}

/// "Consists of": what a body's members follow.
pub const COMPOSED_OF: &str = "ประกอบด้วย";

/// "Hold the post of": after `ให้ NAME` it appoints without an appointing
/// verb (`ให้ นายก ข ดำรงตำแหน่งประธานหลักสูตร…`).
pub const HOLD_POST_WORD: &str = "ดำรงตำแหน่ง";

/// What an appointment makes someone, after the name: "be appointed to the
/// post of", "hold the post of", "be".
pub const MADE_WORDS: &[&str] = &["ให้ดำรงตำแหน่ง", "ดำรงตำแหน่ง", "เป็น"];

/// The earliest position in `s` of any of `words` (byte offset, word).
pub fn find_first<'a>(s: &str, words: &[&'a str]) -> Option<(usize, &'a str)> {
    words
        .iter()
        .filter_map(|w| find(s, w).map(|i| (i, *w)))
        .min_by_key(|(i, w)| (*i, usize::MAX - w.len()))
}

/// Words that say someone acts in another's post while it is vacant or its
/// holder absent: "acting for" (รักษาราชการแทน, รักษาการแทน), "acting in the
/// position" (รักษาการในตำแหน่ง). Not ปฏิบัติราชการแทน ("performs official
/// duty on behalf of"): that delegates duties, an assignment.
pub const ACTING_WORDS: &[&str] = &["รักษาราชการแทน", "รักษาการแทน", "รักษาการในตำแหน่ง"];

/// "Performs the duties of": followed by a head's office (`ปฏิบัติหน้าที่
/// นายกเทศมนตรี`, `ปฏิบัติหน้าที่ผู้อำนวยการโรงเรียน`), someone acts in that
/// office, as [`ACTING_WORDS`] say (elected offices are acted in this way).
/// Followed by anything else it is only work (`ปฏิบัติหน้าที่ครูเวร`,
/// `ปฏิบัติหน้าที่ ดังนี้`).
pub const DUTIES_OF_WORD: &str = "ปฏิบัติหน้าที่";

/// How the office of the head of a body begins (mayor, director, permanent
/// secretary, head, rector, dean, governor, district chief, director-general,
/// secretary-general, commanders, chair): see [`DUTIES_OF_WORD`].
pub const HEAD_OFFICES: &[&str] = &[
    "นายก",
    "ผู้อำนวยการ",
    "ปลัด",
    "หัวหน้า",
    "อธิการบดี",
    "คณบดี",
    "ผู้ว่าราชการ",
    "นายอำเภอ",
    "อธิบดี",
    "เลขาธิการ",
    "ผู้บัญชาการ",
    "ผู้บังคับการ",
    "ผู้กำกับการ",
    "ประธาน",
];

/// Where in `s` someone is made to act in a head's office by
/// [`DUTIES_OF_WORD`] (`… ปฏิบัติหน้าที่นายกเทศมนตรี…`): the word's offset.
pub fn acts_in_office(s: &str) -> Option<usize> {
    s.match_indices(DUTIES_OF_WORD).map(|(i, _)| i).find(|&i| {
        s.get(i + DUTIES_OF_WORD.len()..)
            .is_some_and(|after| starts_with_any(after.trim_start(), HEAD_OFFICES).is_some())
    })
}

/// "Performs official duty on behalf of": a delegation written after a
/// person (`… (นายก ข) ปฏิบัติราชการแทนนายกรัฐมนตรี`).
pub const ON_BEHALF_WORDS: &[&str] = &["ปฏิบัติราชการแทน", "ปฏิบัติหน้าที่แทน"];

/// Where an acting or on-behalf clause ends besides [`APPOINTMENT_ENDS`]: the
/// next condition or order (`… รักษาราชการแทน หากไม่อยู่ให้ …`), and "in
/// that order" (ตามลำดับ) after a list of stand-ins.
pub const ACTING_ENDS: &[&str] = &[
    " หาก",
    " ให้",
    " ในกรณี",
    " กรณี",
    "ตามลำดับ",
    // when: "on that day", "during", "until"
    " ในวัน",
    " ในระหว่าง",
    " ระหว่าง",
    " จนกว่า",
];

/// "Namely": between a role an item names and the one person who fills it
/// (`ผู้ควบคุมงาน ได้แก่ นายก ข นายช่างโยธาชำนาญงาน`).
pub const NAMELY_WORD: &str = "ได้แก่";

/// "The people named below": an intro that gives everyone in the list after
/// it the same post or acting role (`จึงแต่งตั้งบุคคลดังต่อไปนี้
/// เป็นข้าราชการการเมือง`, `จึงให้ผู้มีรายนามต่อไปนี้ รักษาราชการแทน…`).
pub const LISTED_PEOPLE: &[&str] = &[
    "ผู้มีรายนาม",
    "ผู้มีรายชื่อ",
    "บุคคลดังต่อไปนี้",
    "บุคคลต่อไปนี้",
    "ข้าราชการดังต่อไปนี้",
];

/// The words of the date-of-signing line, spaces left out: "ordered on"
/// (สั่ง ณ), "announced on" (ประกาศ ณ).
pub const SIGNED_ON: &[&str] = &["สั่งณ", "ประกาศณ"];

/// `สั่ง ณ วันที่ …` / `ประกาศ ณ วันที่ …`: the date the order was signed.
pub fn is_signed_line(text: &str) -> bool {
    SIGNED_ON.iter().any(|w| {
        let mut t = text.chars().filter(|&c| c != ' ');
        w.chars().all(|c| t.next() == Some(c))
    })
}

/// "Province": the word before each province's name.
pub const PROVINCE_WORD: &str = "จังหวัด";

/// "In order to": before ทำหน้าที่ it makes "to serve as", part of a post
/// (`ที่ปรึกษา…เพื่อทำหน้าที่ผู้แทนการค้าไทย`), not the start of duties.
pub const PURPOSE_WORD: &str = "เพื่อ";

/// "Let …": the word before the one an order tells to act
/// (`ให้รัฐมนตรี… (นายก ข) ปฏิบัติราชการแทน`).
pub const LET_WORD: &str = "ให้";

/// "In case …", "if …": openers of a condition clause, which names a post
/// without giving it anything (`ในกรณีที่รัฐมนตรี… ไม่อยู่`).
pub const CASE_OPENERS: &[&str] = &["ในกรณีที่", "ในกรณี", "กรณีที่", "หาก"];

/// Words of an order that appoints people to posts or removes them: "appoint"
/// (แต่งตั้ง), "hold the position" (ดำรงตำแหน่ง), "leave office" (พ้นจาก).
/// A transfer (ย้าย) appoints each person to a post elsewhere.
pub const APPOINTING_WORDS: &[&str] = &["แต่งตั้ง", "ดำรงตำแหน่ง", "พ้นจาก", "ย้าย"];

/// Words of a subject that says the people named are given work to do
/// ("to work", "to perform duties", "assign duties / work", "the ones
/// responsible for …"): a duty assignment, whatever else they are called.
pub const WORK_SUBJECT_WORDS: &[&str] = &[
    "ปฏิบัติงาน",
    "ปฏิบัติหน้าที่",
    "มอบหมายหน้าที่",
    "มอบหมายงาน",
    "ผู้รับผิดชอบ",
];

/// The word that opens an announcement (ประกาศ), on its title line and its
/// date line (`ประกาศ ณ วันที่ …`).
pub const ANNOUNCEMENT_WORD: &str = "ประกาศ";

/// Committee roles as written (บทบาทในคณะกรรมการ), longest first where one
/// holds another, so that `กรรมการและเลขานุการ` wins over `กรรมการ`. Committees
/// (คณะกรรมการ), sub-committees (คณะอนุกรรมการ) and working groups (คณะทำงาน)
/// each have their own words; school orders write `กรรมการ/เลขานุการ` for
/// `กรรมการและเลขานุการ`.
pub const COMMITTEE_ROLES: &[&str] = &[
    "กรรมการและผู้ช่วยเลขานุการ",
    "กรรมการ/ผู้ช่วยเลขานุการ",
    "กรรมการและเลขานุการ",
    "กรรมการ/เลขานุการ",
    "กรรมการและเหรัญญิก",
    "รองประธานกรรมการ",
    "ประธานกรรมการ",
    "กรรมการ",
    "อนุกรรมการและผู้ช่วยเลขานุการ",
    "อนุกรรมการและเลขานุการ",
    "รองประธานอนุกรรมการ",
    "ประธานอนุกรรมการ",
    "อนุกรรมการ",
    "คณะทำงานและผู้ช่วยเลขานุการ",
    "คณะทำงานและเลขานุการ",
    "รองหัวหน้าคณะทำงาน",
    "หัวหน้าคณะทำงาน",
    "รองประธานคณะทำงาน",
    "ประธานคณะทำงาน",
    "คณะทำงาน",
    // the head, deputy and secretary of a section (ฝ่าย) of a working body
    "ผู้ช่วยเลขานุการฝ่าย",
    "เลขานุการฝ่าย",
    "ผู้ช่วยหัวหน้าฝ่าย",
    "รองหัวหน้าฝ่าย",
    "หัวหน้าฝ่าย",
    "ผู้ช่วยเลขานุการ",
    "เลขานุการ",
    "เหรัญญิก",
    "ประธานที่ปรึกษา",
    "ที่ปรึกษา",
    "รองประธาน",
    "ประธาน",
    // an assistant in a section (ฝ่าย): last, so that every longer role
    // starting with it wins (`ผู้ช่วยเลขานุการ`); never a post
    // (`ผู้ช่วยผู้อำนวยการ` is one: a role is followed by a space or nothing)
    "ผู้ช่วย",
];

/// Words written right after a committee role that qualify it, part of the
/// role as written (`กรรมการผู้ทรงคุณวุฒิ`, an expert member), never a seat of
/// their own.
pub const ROLE_QUALIFIERS: &[&str] = &["ผู้ทรงคุณวุฒิ"];

/// The word before the ordinal of a seat (`รองประธานกรรมการ คนที่หนึ่ง`,
/// `คนที่ ๒`): "the n-th person".
pub const ORDINAL_WORD: &str = "คนที่";

/// Thai digit words, one to nine (หนึ่ง … เก้า): ordinals of seats
/// (`คนที่หนึ่ง`) and Word's Thai counting numbering are written with them.
pub const DIGIT_WORDS: [&str; 9] = ["หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"];

/// "Ten" (สิบ), the word the tens are counted with.
pub const TEN_WORD: &str = "สิบ";

/// Whether `w` is a seat's ordinal written as a word (หนึ่ง … สิบ).
pub fn is_number_word(w: &str) -> bool {
    DIGIT_WORDS.contains(&w) || w == TEN_WORD
}

/// The length of a committee role (with its ordinal, or a second role after
/// `/`) that makes up the whole of `text`, or `None`: `ที่ปรึกษา/กรรมการ`,
/// `รองประธานกรรมการ คนที่หนึ่ง`, `กรรมการ`.
pub fn whole_role(text: &str) -> Option<usize> {
    let t = text.trim();
    let mut rest = t;
    let mut first = true;
    loop {
        let w = COMMITTEE_ROLES
            .iter()
            .filter(|w| rest.starts_with(**w))
            .max_by_key(|w| w.len())?;
        rest = rest.get(w.len()..)?;
        match rest.strip_prefix('/') {
            Some(r) if first => {
                rest = r;
                first = false;
            }
            _ => break,
        }
    }
    let after = rest.trim_start();
    if after.is_empty() {
        return Some(t.len());
    }
    let n = after.strip_prefix(ORDINAL_WORD)?.trim_start();
    let numbered =
        !n.is_empty() && (n.chars().all(crate::thai::digits::is_digit) || is_number_word(n));
    numbered.then_some(t.len())
}

/// Words after a person's name that introduce the post the order gives them:
/// "to hold the post of" (ดำรงตำแหน่ง), "as" (เป็น, only right after the name).
pub const APPOINTED_AS_WORDS: &[&str] = &["ดำรงตำแหน่ง", "เป็น"];

/// The start of a removal from office: "leaves the office of" (พ้นจาก…).
pub const REMOVAL_WORD: &str = "พ้นจาก";

/// Words after an appointed post that say it is held besides another ("as
/// a further post"): not part of the post's name.
pub const APPOINTMENT_TRAILERS: &[&str] = &["อีกตำแหน่งหนึ่ง"];

/// Typographic quotes around a quoted clause (the new text an amendment
/// puts in: `“3.1.5 คณะกรรมการ…”`).
pub const OPEN_QUOTE: char = '\u{201C}';
pub const CLOSE_QUOTE: char = '\u{201D}';

/// "In place of (someone)" at the end of an appointment (`… เป็นกรรมการ
/// ฝ่ายจัดนิทรรศการแทน`): who is replaced, not part of what the person is made
/// (unless it ends an acting phrase, `รักษาราชการแทน`).
pub const IN_PLACE_WORD: &str = "แทน";

/// Words that strike a named person from an earlier order's list ("cancel
/// the name of", "withdraw the name of"): the person is named by this order
/// and what it does to them is to remove them.
pub const STRIKING_WORDS: &[&str] = &["ยกเลิกรายชื่อ", "ถอนรายชื่อ"];

/// "(Held) ex officio", after a seat's post (`ผู้ว่าราชการจังหวัด…
/// (โดยตำแหน่ง)`): how the seat is held, not part of the post.
pub const EX_OFFICIO_MARK: &str = "(โดยตำแหน่ง)";

/// Verbs that appoint someone in running text: "appoint (to)" (แต่งตั้ง,
/// แต่งตั้งให้), "assign (to)" (มอบหมายให้).
pub const APPOINTING_VERBS: &[&str] = &["แต่งตั้งให้", "แต่งตั้ง", "มอบหมายให้"];

/// Where what an appointment makes someone ends: when (ตั้งแต่…), under what
/// (ตาม…), the end of a background clause (นั้น), the next clause (และได้…,
/// ทั้งนี้…, โดย…), the next appointment in the same sentence (และย้าย…,
/// และแต่งตั้ง…, และให้…).
pub const APPOINTMENT_ENDS: &[&str] = &[
    " ตั้งแต่",
    " ทั้งนี้",
    " นั้น",
    " และได้",
    " และย้าย",
    " และแต่งตั้ง",
    " และให้",
    " โดย",
    " ตามประกาศ",
    " ตามคำสั่ง",
];

/// "The said person": an appointee named earlier in the order.
pub const SAID_PERSON: &str = "บุคคลดังกล่าว";

/// The background of an order, "whereas … [that]": `ตามที่ … นั้น` names what
/// happened before (earlier appointments), not what the order does; so does
/// "by order / announcement …" (`ตามคำสั่ง… ได้แต่งตั้ง… นั้น`).
pub const BACKGROUND_STARTS: &[&str] = &["ตามที่", "ตามคำสั่ง", "ตามประกาศ"];

/// Words that open a paragraph of background ("whereas", "as", "since"): what
/// the law says or what happened, not what the order does, until the
/// paragraph turns to the order's act (see [`ACT_TURNS`]).
pub const BACKGROUND_OPENERS: &[&str] = &["โดยที่", "ตามที่", "เนื่องจาก", "เนื่องด้วย", "ด้วย"];

/// Words that turn a background paragraph to the order's act: "therefore"
/// (จึงแต่งตั้ง…), "hence" (ดังนั้น), "by virtue of" (อาศัยอำนาจ…).
pub const ACT_TURNS: &[&str] = &["จึง", "ดังนั้น", "อาศัยอำนาจ"];

/// The end of a background clause (see [`BACKGROUND_STARTS`]).
pub const BACKGROUND_END: &str = "นั้น";

/// Words that end an introducing line whose list (members, people, duties)
/// follows it: "consisting of", "as follows" (also `ดังรายนามต่อไปนี้` /
/// `ตามรายชื่อต่อไปนี้`, "by the names that follow", and `…ข้างล่างนี้`,
/// "below"), a colon.
pub const LIST_INTROS: &[&str] = &["ประกอบด้วย", "ดังต่อไปนี้", "ต่อไปนี้", "ข้างล่างนี้", "ดังนี้", ":"];

/// "As follows": the word that closes a clause before its list (`… จึงประกาศ
/// รายชื่อ… ดังนี้`). A running-text line that ends with it is finished; the
/// next line starts something of its own (the list, its heading, a table's
/// header row), never the clause's rest. (`ต่อไปนี้`, "the following", does
/// not: `ผู้มีรายชื่อต่อไปนี้` / `ให้ดำรงตำแหน่ง…` goes on.)
pub const AS_FOLLOWS: &str = "ดังนี้";

/// The words a member's role follows in running text: "as" (`เป็นประธาน
/// กรรมการ`) and "serving as" (`ทำหน้าที่ประธานกรรมการ`).
pub const ROLE_CLAUSE_WORDS: &[&str] = &["เป็น", "ทำหน้าที่"];

/// "In that order": what ends a substitute clause before its list of stand-ins
/// (`… ปฏิบัติงานแทนตามลำดับ` / `1. …`).
pub const IN_ORDER: &str = "ตามลำดับ";

/// Words in a table's column heading that say the column lists who stands
/// in, in order (`รองนายกรัฐมนตรีที่ปฏิบัติราชการแทนนายกรัฐมนตรี ตามลำดับ`, "the
/// deputy prime ministers who act for the prime minister, in order"): each
/// row's list under it is the row's person's substitutes.
pub const STAND_IN_HEADS: &[&str] = &[
    "ปฏิบัติราชการแทน",
    "ปฏิบัติหน้าที่แทน",
    "ปฏิบัติงานแทน",
    "รักษาราชการแทน",
];

/// Words before a phone number written after a person or member
/// (`โทร. ๐๘๑-…`, `โทรศัพท์ …`, `มือถือ …`): the contact is no post or role.
pub const CONTACT_WORDS: &[&str] = &["โทรศัพท์", "มือถือ", "โทร.", "โทร"];

/// Dashes that, after a person's name (`นางสาวก ข – สอนวิชาภาษาไทย`),
/// introduce the work they are given (en dash, em dash, hyphen).
pub const WORK_DASHES: &[&str] = &["–", "—", "-"];

/// Words that begin the name of a body of people: a committee (คณะกรรมการ), a
/// sub-committee (คณะอนุกรรมการ), a working group (คณะทำงาน). A .docx
/// paragraph that begins with one names a body and is never the rest of the
/// paragraph before it.
pub const BODY_WORDS: &[&str] = &["คณะกรรมการ", "คณะอนุกรรมการ", "คณะทำงาน"];

/// "Appoint": a subject that starts with it and then a post
/// (`แต่งตั้งอาจารย์ที่ปรึกษาวิทยานิพนธ์`) names the post the order gives.
pub const SUBJECT_APPOINTS: &str = "แต่งตั้ง";

/// "Has the duty / the power and duty to": in a clause to everyone an order
/// lists, the words that give them duties (`ให้ครูที่ปรึกษามีหน้าที่ …`), not
/// merely a capacity to serve in (`ทำหน้าที่ให้คำปรึกษา`, an appointment's).
pub const DUTIES_GIVEN: &[&str] = &["มีหน้าที่", "มีอำนาจหน้าที่"];

/// Words that introduce the duties of a committee ("has the power and duty",
/// "has the duty", "role and duty", "duty"), longest first.
pub const COMMITTEE_DUTY_INTROS: &[&str] =
    &["มีอำนาจหน้าที่", "อำนาจหน้าที่", "มีหน้าที่", "บทบาทหน้าที่", "หน้าที่"];

/// "With" before a duty intro (`โดยมีหน้าที่…` after a list of those
/// appointed): the same intro, written as the sentence's last clause.
pub const DUTY_INTRO_LEAD: &str = "โดย";

/// Whether `text` starts with a duty intro of [`COMMITTEE_DUTY_INTROS`],
/// after [`DUTY_INTRO_LEAD`] or not.
pub fn starts_duty_intro(text: &str) -> bool {
    let t = text.strip_prefix(DUTY_INTRO_LEAD).unwrap_or(text);
    starts_with_any(t, COMMITTEE_DUTY_INTROS).is_some()
}

/// The word of a duty roster (ตารางเวร: who is on duty which day): เวร, "a
/// turn of duty" (ครูเวร, เวรยาม, หัวหน้าเวร).
pub const ROSTER_WORDS: &[&str] = &["เวร"];

/// How positions (offices) begin, for splitting a list of members named by
/// office (`รัฐมนตรีช่วยว่าการ… ปลัดกระทรวง… เลขาธิการ ก.พ. …`). A leading
/// `รอง` (deputy) or `ผู้ช่วย` (assistant) is allowed before each.
pub const POSITION_STARTS: &[&str] = &[
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
    // the provincial and district health officers (สาธารณสุขจังหวัด…, สาธารณสุขอำเภอ…)
    "สาธารณสุข",
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

/// True when a word starts an office (`เลขาธิการ…`, `รองผู้อำนวยการ…`): one of
/// [`POSITION_STARTS`], also after `รอง` (deputy) or `ผู้ช่วย` (assistant).
pub fn starts_position(word: &str) -> bool {
    let w = word
        .strip_prefix("รอง")
        .or_else(|| word.strip_prefix("ผู้ช่วย"))
        .filter(|w| !w.is_empty())
        .unwrap_or(word);
    POSITION_STARTS.iter().any(|p| w.starts_with(p))
        || POSITION_STARTS.iter().any(|p| word.starts_with(p))
}

/// How words that never continue a person's name begin: posts and trades
/// not in [`POSITION_STARTS`], units and places, grades, and the words of
/// running text after a name (`เป็น…`, `รักษาราชการแทน`, `พ้นจากตำแหน่ง`). A
/// third word after a name that starts otherwise is the second word of a
/// family name (`นางประภา เหตระกูล ศรีนวลนัด`) or of a given name, when it ends
/// the name's cell (see [`crate::thai::names::split_name`]).
pub const NOT_NAME_STARTS: &[&str] = &[
    // running text after a name
    "ตำแหน่ง",
    "ดำรง",
    "เป็น",
    "รักษา",
    "พ้น",
    "ปฏิบัติ",
    "ทำหน้าที่",
    "มีหน้าที่",
    "และ",
    "หรือ",
    "กับ",
    "ซึ่ง",
    "ที่",
    "ใน",
    "ของ",
    "จาก",
    "ตาม",
    "โดย",
    "เพื่อ",
    "แทน",
    // posts and trades
    "อาจารย์",
    "แพทย์",
    "ทันตแพทย์",
    "เภสัชกร",
    "พยาบาล",
    "วิศวกร",
    "สถาปนิก",
    "ทนาย",
    "กำนัน",
    "ผู้",
    "นัก",
    "สมาชิก",
    "บรรณารักษ์",
    "ช่าง",
    "พระ",
    "ประชาชน",
    "นิสิต",
    "ตัวแทน",
    "เจ้า",
    "ข้า",
    "ประจำ",
    "สังกัด",
    // units and places
    "โรงเรียน",
    "มหาวิทยาลัย",
    "วิทยาลัย",
    "คณะ",
    "กระทรวง",
    "กรม",
    "จังหวัด",
    "อำเภอ",
    "ตำบล",
    "บริษัท",
    "ธนาคาร",
    "สถาบัน",
    "องค์",
    "สมาคม",
    "มูลนิธิ",
    "ชมรม",
    "สภา",
    "เทศบาล",
    "สถานี",
    "โรงพยาบาล",
];

/// Whether a word may be one more word of a name: Thai letters only, and
/// starting as no post, unit, title, role, rank or running text does.
pub fn may_continue_name(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().all(|c| ('\u{0E01}'..='\u{0E4E}').contains(&c))
        && word.chars().next().is_some_and(crate::thai::is_thai_letter)
        && !word.chars().any(crate::thai::digits::is_digit)
        && starts_with_any(word, NOT_NAME_STARTS).is_none()
        && starts_with_any(word, UNIT_STARTS).is_none()
        && starts_with_any(word, RANK_WORDS).is_none()
        && starts_with_any(word, COMMITTEE_ROLES).is_none()
        && !word.starts_with(CLASS_WORD)
        && !starts_position(word)
        && title_at(word).is_none()
        // a roster's role (`ร้อยเวรสอบสวน`, `หัวหน้าเวร`), never part of a name
        && !ROSTER_WORDS.iter().any(|w| word.contains(w))
        // a post with its civil-service level glued on (`บุคลากรชำนาญการ`)
        && !RANKS.iter().any(|r| word.ends_with(r))
        // a graduate's degree (`ครุศาสตรบัณฑิต`)
        && !word.ends_with(DEGREE_END)
        // a provincial or district post (`พัฒนาการจังหวัดสุพรรณบุรี`,
        // `เกษตรอำเภอ…`): a name word never holds the area's word
        && !AREA_WORDS.iter().any(|w| word.contains(w))
}

/// The words of an administrative area (province, district) that provincial
/// and district posts are named with (`เกษตรจังหวัด…`, `สาธารณสุขอำเภอ…`).
pub const AREA_WORDS: &[&str] = &[PROVINCE_WORD, "อำเภอ"];

/// Words that name a group of people (club, circle, society, faculty, and
/// the units of [`UNIT_STARTS`]): a table's column heading may end in one
/// that its cells repeat (`ประธานชมรม` / `ชมรมรักษ์ช้างไทย`).
pub const GROUP_WORDS: &[&str] = &[
    "ชมรม",
    "ชุมนุม",
    "สโมสร",
    "คณะ",
    "กลุ่ม",
    "ฝ่าย",
    "งาน",
    "หน่วย",
    "ศูนย์",
];

/// Words of a table's header row that name its columns: the name
/// (ชื่อ - สกุล), the post (ตำแหน่ง), the class (ชั้น, คณะ/ชั้นปีที่), the duty
/// (หน้าที่, ปฏิบัติหน้าที่, งานที่รับผิดชอบ).
pub const TABLE_NAME_HEADS: &[&str] = &["ชื่อ"];
/// See [`TABLE_NAME_HEADS`].
pub const TABLE_POSITION_HEADS: &[&str] = &["ตำแหน่ง"];
/// See [`TABLE_NAME_HEADS`]: a post column that holds the post the order
/// gives (`ตำแหน่งที่ได้รับแต่งตั้ง`, `ตำแหน่งใหม่`, `ย้ายไปดำรงตำแหน่ง`), not the
/// one held (`ตำแหน่งเดิม`).
pub const TABLE_APPOINTED_HEADS: &[&str] = &["แต่งตั้ง", "ใหม่", "ย้ายไป"];
/// See [`TABLE_NAME_HEADS`]: the teacher's standing (วิทยฐานะ), a column of
/// its own in staff and transfer tables.
pub const TABLE_RANK_HEADS: &[&str] = &["วิทยฐานะ"];
/// A cell that says "none" (`-`, `–`): an empty cell, as a table types it.
pub const EMPTY_CELLS: &[&str] = &["-", "–", "—", "--"];
/// See [`TABLE_NAME_HEADS`].
pub const TABLE_CLASS_HEADS: &[&str] = &["ชั้น"];
/// How the heading of a column that holds people begins when it names what
/// they do, not their name (`ผู้กำกับดูแลตัวชี้วัด`, `ผู้จัดเก็บข้อมูล`,
/// `ผู้รับผิดชอบ`, `ครูที่ปรึกษา`, `ครูผู้สอน`, `กรรมการคุมสอบ`): ผู้… is "the
/// one who …", a ครู… column holds the teachers who do it, a กรรมการ… column
/// the members who do it.
pub const TABLE_WHO_HEADS: &[&str] = &["ผู้", "ครู", "กรรมการ"];
/// See [`TABLE_NAME_HEADS`].
pub const TABLE_DUTY_HEADS: &[&str] = &["หน้าที่", "ปฏิบัติ", "รับผิดชอบ"];

// ---- committees: the words the committee reader looks for ----

/// The words every role in [`COMMITTEE_ROLES`] contains one of.
pub const ROLE_WORDS: &[&str] = &[
    "กรรมการ",
    "หัวหน้าฝ่าย",
    "ผู้ช่วย",
    "ประธาน",
    "เลขานุการ",
    "คณะทำงาน",
    "ที่ปรึกษา",
    "เหรัญญิก",
];

/// Words that name a collective body ("committee", "sub-committee", "working
/// group", "advisory board").
pub const COMMITTEE_WORDS: &[&str] = &["คณะอนุกรรมการ", "คณะกรรมการ", "คณะทำงาน", "คณะที่ปรึกษา"];

/// Words before a committee word that make it part of an office's name
/// (`สำนักงานคณะกรรมการ…` = "Office of the … Commission").
pub const OFFICE_PREFIXES: &[&str] = &["สำนักงาน", "สำนัก"];

/// What may stand before the body an item introduces: nothing, "appoint",
/// "let", "let there be" ….
pub const BODY_LEADS: &[&str] = &["", "แต่งตั้ง", "ให้", "โดยให้", "ให้มี", "ให้แต่งตั้ง", "และ"];

/// How the caption of an annex begins ("list of names", "list", "names"):
/// `บัญชีรายชื่อคณะกรรมการ… แนบท้ายคำสั่ง…` over the annex's table. Longer
/// first: the caption's subject is what follows.
pub const ANNEX_CAPTION_LEADS: &[&str] = &["บัญชีรายชื่อ", "บัญชีรายนาม", "รายชื่อ", "รายนาม", "บัญชี"];

/// "Attached at the end (of the order)": what makes a caption an annex's.
pub const ANNEX_MARK: &str = "แนบท้าย";

/// The subject of an annex's caption (`คณะกรรมการ… แนบท้ายคำสั่ง…` of
/// `รายชื่อคณะกรรมการ… แนบท้ายคำสั่ง…`): a caption begins with one of
/// [`ANNEX_CAPTION_LEADS`] and says [`ANNEX_MARK`]; `None` for other text.
pub fn annex_caption(text: &str) -> Option<&str> {
    let lead = starts_with_any(text, ANNEX_CAPTION_LEADS)?;
    text.contains(ANNEX_MARK)
        .then(|| text.get(lead.len()..).unwrap_or("").trim_start())
}

/// Acronym bodies written without dots (most are written `ก.ค.ศ.`, which the
/// pattern in the committee reader's `acronym_len` recognises).
pub const UNDOTTED_ACRONYMS: &[&str] = &["อกคศ.", "กคศ.", "กศจ.", "กพฐ."];

/// Where the name of a committee ends: "each body", "numbering", "which",
/// "under (a law)", "consisting of", "as follows", "has the duty" ….
pub const NAME_ENDS: &[&str] = &[
    " แต่ละคณะ",
    " มีจำนวน",
    " จำนวน",
    " ซึ่ง",
    " ตาม",
    "ประกอบด้วย",
    "ดังต่อไปนี้",
    // `… ดังรายนามต่อไปนี้` / `ตามรายชื่อแนบท้าย`: the names follow
    " ดังราย",
    // an annex's caption: `รายชื่อคณะกรรมการ… แนบท้ายคำสั่ง…`
    " แนบท้าย",
    " ดังมีราย",
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

/// Filler after a duty intro: "and responsibility", "as follows", "namely".
pub const DUTY_FILLERS: &[&str] = &["และความรับผิดชอบ", "ดังต่อไปนี้", "ดังนี้", "คือ", ":"];

/// Words that open a clause giving a committee its duties ("let …", "in this
/// regard, let …").
pub const DUTY_CLAUSE_OPENERS: &[&str] = &["ให้", "โดยให้", "ทั้งนี้"];

/// Clauses addressed to everyone the order names ("let those appointed /
/// assigned / listed …", "let the said persons …", "let the committee …"):
/// such a line opens a paragraph of its own, never the wrapped rest of the
/// person or member line before it.
pub const ADDRESSEE_CLAUSES: &[&str] = &[
    "ให้ผู้ที่ได้รับ",
    "ให้ผู้ได้รับ",
    "ให้ผู้ที่มีรายชื่อ",
    "ให้ผู้มีรายชื่อ",
    "ให้ผู้ผ่านการ",
    "ให้ผู้ที่ผ่านการ",
    "ให้บุคคลดังกล่าว",
    "ให้บุคลากรที่ได้รับ",
    "ให้คณะกรรมการ",
    "ให้คณะอนุกรรมการ",
    "ให้คณะทำงาน",
];

/// Words that refer back to the people an order names ("who were assigned",
/// "who were appointed"): a few words after `ให้` they address them all
/// (`ให้ครูผู้ได้รับมอบหมาย…`), as [`ADDRESSEE_CLAUSES`] do.
pub const ADDRESSEE_REFERENCES: &[&str] = &["ได้รับมอบหมาย", "ได้รับแต่งตั้ง"];

/// Words that open a running-text clause naming a member ("let …", "with … as").
pub const APPOINTEE_CLAUSE_OPENERS: &[&str] = &["โดยให้", "โดยมี", "ให้"];

/// What may directly follow `เป็น<role>` in a clause that appoints a member:
/// a new clause glued on by a wrapped line (`…เป็นผู้ช่วยเลขานุการกรณีที่…`) or
/// a category (`เป็นกรรมการผู้ทรงคุณวุฒิ`).
pub const ROLE_CLAUSE_FOLLOWERS: &[&str] = &[
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
pub const NOT_AN_APPOINTMENT: &[&str] = &["ใน", "ของ", "ตาม", "ก็ได้", "แทน", "อยู่", "ได้"];

/// What may directly follow a role at the start of an item that describes a
/// member by category: `กรรมการผู้ทรงคุณวุฒิ ซึ่ง…`, `อนุกรรมการซึ่งเป็น…`,
/// `กรรมการโดยตำแหน่ง ได้แก่ …`.
pub const ROLE_FIRST_FOLLOWERS: &[&str] = &[
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
pub const DESCRIPTION_ENDS: &[&str] = &[" ซึ่ง", " ที่", " จำนวน", " เว้นแต่", " โดย", ","];

/// Words after a position that continue it rather than start a new one: an
/// area (`เขต 1`), a province, a unit.
pub const POSITION_CONTINUATIONS: &[&str] = &[
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
    // a noun made with การ ("the … of"), the rest of an office's name broken
    // by a space (`สำนักงานคณะกรรมการมาตรฐาน การบริหารงานบุคคลส่วนท้องถิ่น`):
    // no office starts with it
    "การ",
];

/// Titles of an unmarried woman (นางสาว, abbreviated น.ส.). A change from
/// one of these to [`MARRIED_WOMAN_TITLES`] (marriage) or back (divorce) is
/// what explains a new family name under the same given name; the diff
/// pairs two people by given name alone only with such evidence.
pub const UNMARRIED_WOMAN_TITLES: &[&str] = &["นางสาว", "น.ส."];

/// Titles of a married woman (นาง); see [`UNMARRIED_WOMAN_TITLES`].
pub const MARRIED_WOMAN_TITLES: &[&str] = &["นาง"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_roles_with_ordinals_and_slashes() {
        assert!(whole_role("ที่ปรึกษา/กรรมการ").is_some());
        assert!(whole_role("รองประธานกรรมการ คนที่หนึ่ง").is_some());
        assert!(whole_role("กรรมการ คนที่ ๒").is_some());
        assert!(whole_role("กรรมการ").is_some());
        // a broken word, not a role: สำนักงานคณะ / กรรมการการศึกษา
        assert!(whole_role("กรรมการการศึกษา").is_none());
        assert!(whole_role("กรรมการ คนที่ทำงาน").is_none());
        assert!(whole_role("นายสมชาย").is_none());
    }

    #[test]
    fn the_longest_title_wins() {
        assert_eq!(title_at("นางสาวมณี"), Some("นางสาว"));
        assert_eq!(title_at("ศาสตราจารย์พิเศษธงทอง"), Some("ศาสตราจารย์พิเศษ"));
        assert_eq!(title_at("พลเรือเอก อภิวัฒน์"), Some("พลเรือเอก"));
        // a woman officer's rank (held-out h61), written and abbreviated
        assert_eq!(title_at("ร.อ.หญิง วิภาวรรณ"), Some("ร.อ.หญิง"));
        assert_eq!(title_at("ร้อยตำรวจเอกหญิงสมศรี"), Some("ร้อยตำรวจเอกหญิง"));
        assert_eq!(title_at("พ.ต.ท.หญิง อร"), Some("พ.ต.ท.หญิง"));
        assert_eq!(title_at("ว่าที่ร้อยตรีหญิงกานดา"), Some("ว่าที่ร้อยตรีหญิง"));
        // หญิง after a civil or academic title is no part of it
        assert_eq!(title_at("นางหญิงใจ"), Some("นาง"));
        assert_eq!(title_at("งานสารบรรณ"), None);
    }

    #[test]
    fn police_ranks_are_titles_and_posts_with_levels_no_name_words() {
        // held-out h44, h47
        for (text, title) in [
            ("ดาบตำรวจ วิชัย ศรีสุข", "ดาบตำรวจ"),
            ("จ่าสิบตำรวจ ประเสริฐ ทองดี", "จ่าสิบตำรวจ"),
            ("สิบตำรวจโท ธีรพงษ์ มั่นคง", "สิบตำรวจโท"),
            ("ด.ต.วิชัย ศรีสุข", "ด.ต."),
        ] {
            assert_eq!(title_at(text), Some(title), "{text}");
        }
        for word in ["บุคลากรชำนาญการ", "ร้อยเวรสอบสวน", "หัวหน้าเวร"]
        {
            assert!(!may_continue_name(word), "{word}");
        }
        assert!(may_continue_name("ศรีนวลนัด"));
    }

    #[test]
    fn a_post_title_is_a_title_only_before_a_whole_name() {
        // held-out h16, h24: a lecturer without a doctorate
        assert_eq!(title_at("อาจารย์จิราภรณ์ พึ่งทอง กรรมการ"), Some("อาจารย์"));
        assert_eq!(title_at("อาจารย์ ศุภชัย มั่นคงดี"), Some("อาจารย์"));
        for post in [
            "อาจารย์ประจำหลักสูตร กรรมการ",
            "อาจารย์ที่ปรึกษา ชมรมดนตรี",
            "อาจารย์ผู้สอน รายวิชา",
            "อาจารย์พิเศษ คณะนิติศาสตร์",
            "อาจารย์ใหญ่ โรงเรียนบ้านนา",
            "อาจารย์ภาควิชาคณิตศาสตร์ คณะวิทยาศาสตร์",
            "อาจารย์ คณะครุศาสตร์",
            "อาจารย์สมชาย",
            "อาจารย์สมชาย กรรมการ",
        ] {
            assert_eq!(title_at(post), None, "{post}");
        }
        // the doctorate title is no post: it stays whatever follows
        assert_eq!(title_at("อาจารย์ ดร.กฤษดา มณีรัตน์"), Some("อาจารย์ ดร."));
    }
}
