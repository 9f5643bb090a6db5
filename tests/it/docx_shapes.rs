//! Word numbering as each writer shapes `word/numbering.xml`, written here by
//! hand on one small order (three people, each with duties and steps, a
//! work-group heading between them), and the same order typed as a .txt:
//! every shape must read as the .txt (the facts of
//! [`super::docx_writers::facts`]).
//!
//! pandoc, LibreOffice, python-docx and docx-rs are run for real in
//! `docx_writers`; the shapes of Google Docs, WPS Office and Word for Mac
//! are **hand-written** here from what those writers are known to save (no
//! such tool runs on this machine): Google Docs a `num` per list with
//! `%1.` `%2.` `%3.` (each level its own number) and list items continued
//! after a heading; WPS whole labels `%1.%2.` in Thai digits, `w:tentative`
//! levels and `lvlRestart`; Word for Mac a `hybridMultilevel` list with
//! `w:tplc` ids, `(%3)` steps, and the list after the heading a new `num`
//! with a level-0 `startOverride` ("set numbering value"). The pandoc and
//! LibreOffice shapes are here too, reduced to what broke: each fails on
//! the reader before issue 13.

use crate::common;

use std::fmt::Write as _;

use super::docx_writers::facts;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A paragraph of the order: list level (None: not numbered) and text.
type Para = (Option<u8>, &'static str);

/// The order: three people, a work-group heading before the second.
const ORDER: &[Para] = &[
    (None, "คำสั่งโรงเรียนบ้านหนองบัว"),
    (None, "ที่ 15/2567"),
    (None, "เรื่อง มอบหมายหน้าที่ครูและบุคลากร"),
    (None, "อาศัยอำนาจตามมาตรา 39 จึงมอบหมายหน้าที่ ดังนี้"),
    (Some(0), "นายสมชาย ใจดี ตำแหน่ง ครู มีหน้าที่ ดังนี้"),
    (Some(1), "งานสารบรรณ"),
    (Some(2), "รับหนังสือราชการ"),
    (Some(2), "ส่งหนังสือราชการ"),
    (Some(1), "งานการเงิน"),
    (Some(2), "เบิกจ่ายเงิน"),
    (Some(2), "รายงานการเงิน"),
    (None, "กลุ่มงานบุคคล"),
    (Some(0), "นางสมศรี ดีงาม ตำแหน่ง ครู มีหน้าที่ ดังนี้"),
    (Some(1), "งานทะเบียนประวัติ"),
    (Some(2), "บันทึกประวัติ"),
    (Some(1), "งานอื่น ๆ ตามที่ได้รับมอบหมาย"),
    (Some(0), "นางสาวมาลี สวยงาม ตำแหน่ง ครูผู้ช่วย มีหน้าที่ ดังนี้"),
    (Some(1), "งานพัสดุ"),
    (Some(2), "จัดซื้อจัดจ้าง"),
    (Some(2), "ตรวจรับพัสดุ"),
    (None, "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"),
    (None, "สั่ง ณ วันที่ 1 ตุลาคม พ.ศ. 2567"),
    (None, "(นายใหญ่ ใจกว้าง)"),
    (None, "ผู้อำนวยการโรงเรียนบ้านหนองบัว"),
];

/// The numbers of each list paragraph, as the page shows them whole.
fn numbers() -> Vec<Option<Vec<u32>>> {
    let mut open: Vec<u32> = Vec::new();
    ORDER
        .iter()
        .map(|(lvl, _)| {
            let l = usize::from((*lvl)?);
            open.truncate(l + 1);
            if open.len() == l + 1 {
                if let Some(v) = open.last_mut() {
                    *v += 1;
                }
            } else {
                open.push(1);
            }
            Some(open.clone())
        })
        .collect()
}

/// The order typed as a .txt, steps labelled by `step` (their last number).
fn txt(step: fn(&[u32]) -> String) -> String {
    txt_with(|lvl, n| match lvl {
        2 => step(n),
        0 => format!("{}.", n[0]),
        _ => dotted(n),
    })
}

/// The order typed as a .txt, each list paragraph labelled by `label`
/// (its level, its numbers).
fn txt_with(label: impl Fn(u8, &[u32]) -> String) -> String {
    let mut out = String::new();
    for ((lvl, text), n) in ORDER.iter().zip(numbers()) {
        let label = match (lvl, n) {
            (Some(l), Some(n)) => label(*l, &n),
            _ => String::new(),
        };
        writeln!(out, "{label} {text}").expect("string");
    }
    out
}

fn dotted(n: &[u32]) -> String {
    n.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
}

fn p(num: Option<(u32, u8)>, text: &str) -> String {
    let ppr = num.map_or_else(String::new, |(id, lvl)| {
        format!(
            r#"<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#
        )
    });
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn docx(paragraphs: &str, numbering: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{paragraphs}<w:sectPr/></w:body></w:document>"#
    );
    let num = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {W} xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">{numbering}</w:numbering>"#
    );
    common::docx(&[("word/document.xml", &doc), ("word/numbering.xml", &num)])
}

/// A `w:lvl` with `extra` elements inside (before `w:pPr`).
fn lvl(ilvl: u8, fmt: &str, text: &str, attrs: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"{attrs}><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="360"/></w:pPr></w:lvl>"#,
        720 * (u32::from(ilvl) + 1)
    )
}

/// Every paragraph numbered by `num_of` (the numId for a list paragraph,
/// from its index and level).
fn body(mut num_of: impl FnMut(usize, u8) -> u32) -> String {
    ORDER
        .iter()
        .enumerate()
        .map(|(i, (lvl, text))| p(lvl.map(|l| (num_of(i, l), l)), text))
        .collect()
}

fn assert_reads_like_txt(name: &str, bytes: &[u8], step: fn(&[u32]) -> String) {
    assert_reads_like(name, bytes, &txt(step));
}

fn assert_reads_like(name: &str, bytes: &[u8], txt: &str) {
    let want = facts(&common::parse(txt));
    let got = facts(&common::parse_as(&format!("{name}.docx"), bytes));
    super::docx_paragraphs::assert_no_glue(&format!("{name}.docx"), bytes);
    assert_eq!(want.iter().filter(|f| f.starts_with("P ")).count(), 3);
    assert_eq!(got, want, "{name}");
}

/// pandoc: each list (each sub-list too) a `num` of its own with a
/// `startOverride` on all nine levels, every level printed `%k.`; a list
/// after a heading starts at its number.
fn pandoc_shape() -> Vec<u8> {
    let levels: String = (0..9u8)
        .map(|l| lvl(l, "decimal", &format!("%{}.", l + 1), "", ""))
        .collect();
    let mut nums = String::new();
    let mut next = 1000u32;
    let mut open: Vec<Option<u32>> = vec![None; 9];
    let values = numbers();
    let body = ORDER
        .iter()
        .enumerate()
        .map(|(i, (lvl, text))| {
            let Some(l) = lvl else {
                if i > 4 {
                    open.iter_mut().for_each(|o| *o = None);
                }
                return p(None, text);
            };
            let l = usize::from(*l);
            let id = match open[l] {
                Some(id) => id,
                None => {
                    next += 1;
                    let start = values[i].as_ref().and_then(|v| v.last()).copied().unwrap_or(1);
                    let overrides: String = (0..9)
                        .map(|k| format!(r#"<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{start}"/></w:lvlOverride>"#))
                        .collect();
                    write!(nums, r#"<w:num w:numId="{next}"><w:abstractNumId w:val="99411"/>{overrides}</w:num>"#).expect("string");
                    open[l] = Some(next);
                    next
                }
            };
            open.iter_mut().skip(l + 1).for_each(|o| *o = None);
            p(Some((id, l as u8)), text)
        })
        .collect::<String>();
    docx(
        &body,
        &format!(
            r#"<w:abstractNum w:abstractNumId="99411"><w:nsid w:val="A99411"/><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>{nums}"#
        ),
    )
}

#[test]
fn regression_pandoc_lists_are_three_people_not_one() {
    // issue 13: each sub-list's num restarted the whole list (its nine
    // startOverrides applied to every level on first use): one person, and
    // in the nested version the second person inside the first one's steps
    assert_reads_like_txt("pandoc", &pandoc_shape(), dotted);
}

#[test]
fn regression_libreoffice_levels_printed_1_come_from_ilvl() {
    // issue 13: LibreOffice re-saved the list with every level printed `1.`
    // (`%2.` at ilvl 1): read by its labels alone, a duty went missing and
    // the second person became number 3
    let levels: String = (0..9u8)
        .map(|l| {
            lvl(
                l,
                "decimal",
                &format!("%{}.", l + 1),
                "",
                r#"<w:suff w:val="tab"/>"#,
            )
        })
        .collect();
    let bytes = docx(
        &body(|_, _| 1),
        &format!(
            r#"<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
        ),
    );
    assert_reads_like_txt("libreoffice", &bytes, dotted);
}

#[test]
fn google_docs_shape_a_num_per_list_each_level_its_own_number() {
    // hand-written: Google Docs' export (`kix` list ids as abstractNum
    // nsids, `%1.` `%2.` `%3.`, an underline-none rPr on each level, the list
    // continued after the heading in the same num)
    let levels: String = (0..9u8)
        .map(|l| {
            lvl(l, "decimal", &format!("%{}.", l + 1), "", "")
                .replace("</w:pPr>", r#"</w:pPr><w:rPr><w:u w:val="none"/></w:rPr>"#)
        })
        .collect();
    let bytes = docx(
        &body(|_, _| 1),
        &format!(
            r#"<w:abstractNum w:abstractNumId="1"><w:nsid w:val="0F2B3C4D"/><w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
        ),
    );
    assert_reads_like_txt("google-docs", &bytes, dotted);
}

#[test]
fn wps_shape_whole_thai_labels_with_tentative_levels() {
    // hand-written: WPS Office's `1. 1.1. 1.1.1.` preset in Thai digits,
    // `w:tentative` levels, `lvlRestart` on the deeper levels
    let text = |l: u8| {
        let parts: Vec<String> = (1..=l + 1).map(|k| format!("%{k}")).collect();
        parts.join(".") + "."
    };
    let levels: String = (0..9u8)
        .map(|l| {
            let restart = if l > 0 {
                format!(r#"<w:lvlRestart w:val="{l}"/><w:suff w:val="space"/>"#)
            } else {
                r#"<w:suff w:val="space"/>"#.to_string()
            };
            lvl(l, "thaiNumbers", &text(l), r#" w:tentative="0""#, &restart)
        })
        .collect();
    let bytes = docx(
        &body(|_, _| 3),
        &format!(
            r#"<w:abstractNum w:abstractNumId="0"><w:nsid w:val="7A1B2C3D"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="7A1B2C3D"/>{levels}</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>"#
        ),
    );
    assert_reads_like_txt("wps", &bytes, dotted);
}

#[test]
fn word_for_mac_shape_restart_by_a_new_num_and_paren_steps() {
    // hand-written: Word for Mac's hybrid list (`w:tplc` on each level),
    // steps `(%3)` restarting after level 2, and the list after the heading
    // a new num on the same abstract with a level-0 startOverride of 2
    let texts = ["%1.", "%1.%2", "(%3)"];
    let levels: String = (0..9u8)
        .map(|l| {
            let text = texts
                .get(usize::from(l))
                .map_or_else(|| format!("%{}.", l + 1), |t| (*t).to_string());
            let restart = if l == 2 {
                r#"<w:lvlRestart w:val="2"/>"#
            } else {
                ""
            };
            lvl(
                l,
                "decimal",
                &text,
                &format!(r#" w:tplc="0409000{l}""#),
                restart,
            )
        })
        .collect();
    let heading = ORDER
        .iter()
        .position(|(_, t)| *t == "กลุ่มงานบุคคล")
        .unwrap_or(0);
    let bytes = docx(
        &body(|i, _| if i < heading { 1 } else { 2 }),
        &format!(
            r#"<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1C2D3E4F"/><w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="0409001F"/>{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>"#
        ),
    );
    assert_reads_like_txt("word-mac", &bytes, |n| format!("({})", n[2]));
}

#[test]
fn typed_person_numbers_with_automatic_duty_numbers() {
    // mixed: the people typed `1.` `2.` `3.` (no numPr), their duties and
    // steps Word-numbered with each level its own number (`%2.`, `%3.`)
    let levels: String = (0..9u8)
        .map(|l| lvl(l, "decimal", &format!("%{}.", l + 1), "", ""))
        .collect();
    let values = numbers();
    let mut person = 0;
    let mut nums = String::new();
    let mut next = 1;
    let body: String = ORDER
        .iter()
        .enumerate()
        .map(|(i, (lvl, text))| match lvl {
            Some(0) => {
                person += 1;
                next += 1;
                // each person's duties a list of their own, restarted
                write!(nums, r#"<w:num w:numId="{next}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#).expect("string");
                let n = values[i].as_ref().map_or(0, |v| v[0]);
                p(None, &format!("{n}. {text}"))
            }
            Some(l) => p(Some((next, *l)), text),
            None => p(None, text),
        })
        .collect();
    assert_eq!(person, 3);
    let bytes = docx(
        &body,
        &format!(r#"<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>{nums}"#),
    );
    assert_reads_like_txt("mixed", &bytes, dotted);
}

#[test]
fn outline_level_of_a_heading_style_gives_the_list_level() {
    // LibreOffice's chapter numbering: Heading styles numbered through the
    // style, their level from w:outlineLvl (no ilvl anywhere)
    let styles = format!(
        r#"<?xml version="1.0"?><w:styles {W}>{}</w:styles>"#,
        (1..=3)
            .map(|k| format!(r#"<w:style w:type="paragraph" w:styleId="Heading{k}"><w:name w:val="heading {k}"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="{}"/></w:pPr></w:style>"#, k - 1))
            .collect::<String>()
    );
    let levels: String = (0..9u8)
        .map(|l| lvl(l, "decimal", &format!("%{}.", l + 1), "", ""))
        .collect();
    let paragraphs: String = ORDER
        .iter()
        .map(|(lvl, text)| match lvl {
            Some(l) => format!(
                r#"<w:p><w:pPr><w:pStyle w:val="Heading{}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#,
                l + 1
            ),
            None => p(None, text),
        })
        .collect();
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{paragraphs}</w:body></w:document>"#
    );
    let num = format!(
        r#"<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="4">{levels}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num></w:numbering>"#
    );
    let bytes = common::docx(&[
        ("word/document.xml", &doc),
        ("word/numbering.xml", &num),
        ("word/styles.xml", &styles),
    ]);
    assert_reads_like_txt("outline-level", &bytes, dotted);
}

#[test]
fn the_same_bullet_or_thai_letter_at_every_level_nests_by_ilvl() {
    // Word draws `•` (a Symbol-font bullet) at levels 1 and 2, indented:
    // the printed label is the same, the depth is in ilvl; typed, the same
    // order needs two bullet forms (`-` and `•`)
    let levels = [
        lvl(0, "decimal", "%1.", "", ""),
        lvl(1, "bullet", "\u{F0B7}", "", ""),
        lvl(2, "bullet", "\u{F0B7}", "", ""),
    ]
    .concat();
    let bytes = docx(
        &body(|_, _| 1),
        &format!(
            r#"<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
        ),
    );
    let typed = txt_with(|l, n| match l {
        0 => format!("{}.", n[0]),
        1 => "-".to_string(),
        _ => "•".to_string(),
    });
    assert_reads_like("bullets", &bytes, &typed);
    // Thai letters `ก.` at levels 1 and 2; typed `ก.` and `ก)`
    let levels = [
        lvl(0, "decimal", "%1.", "", ""),
        lvl(1, "thaiLetters", "%2.", "", ""),
        lvl(2, "thaiLetters", "%3.", "", ""),
    ]
    .concat();
    let bytes = docx(
        &body(|_, _| 1),
        &format!(
            r#"<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
        ),
    );
    let letter = |v: u32| "กขคงจ".chars().nth(v as usize - 1).unwrap_or('?');
    let typed = txt_with(|l, n| match l {
        0 => format!("{}.", n[0]),
        1 => format!("{}.", letter(n[1])),
        _ => format!("{})", letter(n[2])),
    });
    assert_reads_like("thai-letters", &bytes, &typed);
}
