//! Child elements of WordprocessingML properties put in schema order.
//!
//! docx-rs writes several property elements with their children out of the
//! sequence the ECMA-376 schema prescribes: `<w:rPr>` first inside `<w:pPr>`
//! (it comes last), `<w:sz>` before `<w:rFonts>`, `<w:numId>` before
//! `<w:ilvl>`, `<w:suff>` after `<w:rPr>` in a numbering level, `<w:zoom>`
//! after `<w:defaultTabStop>`. An OOXML validator reports ~600 such errors on
//! one rendered order, and Word is known to drop run properties it meets out of
//! order. This pass reorders the children of those elements (a stable sort by
//! the schema's sequence; children it does not know keep their order, at the
//! end) and drops empty `<w:rPr/>` from paragraph properties (where a numbering
//! level's or a style's `<w:pPr>` may not hold one at all). Everything else —
//! text, attributes, declarations — is copied byte for byte.

use quick_xml::Reader;
use quick_xml::events::Event;

/// `CT_PPr` (paragraph properties).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// `CT_RPr` / `CT_ParaRPr` (run properties; the paragraph mark's start with
/// the revision marks).
const RPR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// `CT_NumPr`.
const NUMPR: &[&str] = &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"];

/// `CT_Lvl` (a numbering level).
const LVL: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];

/// `CT_Style`.
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// `CT_Settings`, the elements before `w:compat` that docx-rs may write.
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:trackRevisions",
    "w:documentProtection",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:evenAndOddHeaders",
    "w:characterSpacingControl",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
];

fn order_of(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "w:pPr" => PPR,
        "w:rPr" => RPR,
        "w:numPr" => NUMPR,
        "w:lvl" => LVL,
        "w:style" => STYLE,
        "w:settings" => SETTINGS,
        _ => return None,
    })
}

/// A parsed XML node, kept as the bytes it was written with.
enum Node {
    Element {
        /// What stands between `<` and `>` (or `/>`): name and attributes.
        head: String,
        name: String,
        children: Vec<Node>,
        /// Written as `<…/>`.
        empty: bool,
    },
    /// Text, references, declarations, comments: copied as they are.
    Raw(String),
}

/// `xml` with the children of the property elements above in schema order.
pub fn canonical_order(xml: &[u8]) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    // open elements; the bottom one is the document itself
    let mut stack: Vec<(String, String, Vec<Node>)> =
        vec![(String::new(), String::new(), Vec::new())];
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let node = match event {
            Event::Start(e) => {
                stack.push((e[..].to_string(), e.name().0.to_string(), Vec::new()));
                continue;
            }
            Event::End(_) => {
                let (head, name, children) = stack.pop().ok_or("unbalanced XML")?;
                element(head, name, children, false)
            }
            Event::Empty(e) => element(e[..].to_string(), e.name().0.to_string(), Vec::new(), true),
            Event::Text(e) => Node::Raw(e[..].to_string()),
            Event::GeneralRef(e) => Node::Raw(format!("&{};", &e[..])),
            Event::CData(e) => Node::Raw(format!("<![CDATA[{}]]>", &e[..])),
            Event::Comment(e) => Node::Raw(format!("<!--{}-->", &e[..])),
            Event::Decl(e) => Node::Raw(format!("<?{}?>", &e[..])),
            Event::PI(e) => Node::Raw(format!("<?{}?>", &e[..])),
            Event::DocType(e) => Node::Raw(format!("<!DOCTYPE {}>", &e[..])),
            Event::Eof => break,
        };
        stack.last_mut().ok_or("unbalanced XML")?.2.push(node);
    }
    let (_, _, nodes) = stack.pop().ok_or("unbalanced XML")?;
    if !stack.is_empty() {
        return Err("unclosed element".to_string());
    }
    let mut out = String::with_capacity(xml.len());
    for n in &nodes {
        write(n, &mut out);
    }
    Ok(out.into_bytes())
}

/// An element, its children sorted when its type has an order.
fn element(head: String, name: String, mut children: Vec<Node>, empty: bool) -> Node {
    if let Some(order) = order_of(&name) {
        if name == "w:pPr" {
            children.retain(|c| !is_empty_rpr(c));
        }
        let rank = |n: &Node| match n {
            Node::Element { name, .. } => order
                .iter()
                .position(|o| *o == name.as_str())
                .unwrap_or(order.len()),
            // whitespace and the like stay with what follows them
            Node::Raw(_) => order.len(),
        };
        if children.iter().all(|c| matches!(c, Node::Element { .. })) {
            children.sort_by_key(rank);
        }
    }
    Node::Element {
        head,
        name,
        children,
        empty,
    }
}

fn is_empty_rpr(n: &Node) -> bool {
    matches!(n, Node::Element { name, children, head, .. }
        if name == "w:rPr" && children.is_empty() && head.trim_end() == "w:rPr")
}

fn write(n: &Node, out: &mut String) {
    match n {
        Node::Raw(b) => out.push_str(b),
        Node::Element {
            head,
            name,
            children,
            empty,
        } => {
            out.push('<');
            if *empty && children.is_empty() {
                out.push_str(head.trim_end());
                out.push_str(" />");
                return;
            }
            out.push_str(head);
            out.push('>');
            for c in children {
                write(c, out);
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        String::from_utf8(canonical_order(s.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn properties_in_schema_order() {
        assert_eq!(
            run(
                r#"<w:p><w:pPr><w:rPr /><w:numPr><w:numId w:val="2" /><w:ilvl w:val="1" /></w:numPr><w:ind w:left="720" /></w:pPr><w:r><w:rPr><w:sz w:val="32" /><w:rFonts w:cs="X" /></w:rPr><w:t xml:space="preserve">R&amp;D &lt;ก&gt;</w:t></w:r></w:p>"#
            ),
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1" /><w:numId w:val="2" /></w:numPr><w:ind w:left="720" /></w:pPr><w:r><w:rPr><w:rFonts w:cs="X" /><w:sz w:val="32" /></w:rPr><w:t xml:space="preserve">R&amp;D &lt;ก&gt;</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn other_markup_is_copied() {
        let s = "<?xml version=\"1.0\"?><a x=\"1\"><!-- c --><b/>t<![CDATA[<]]></a>";
        assert_eq!(run(s), s.replace("<b/>", "<b />"));
        assert!(canonical_order(b"<a><b></a>").is_err());
    }
}
