//! An order's JSON with less of its outline (`--outline full|ids|none`).
//!
//! The outline is lossless: every line of the input is in it once more, after
//! the same words in `people[]`, `committees[]` and `header` (compact JSON of
//! the reference order is 2.8× its input, pretty 4×). A consumer that wants
//! only the people and duties can leave it out (`none`: `outline` is `[]`),
//! or keep its shape — ids, numbers, labels, kinds, line ranges, pages — and
//! drop its words (`ids`: each node without `text` and `cells`; a person's,
//! duty's or member's `node` still names its node). Both still validate
//! against the schema, which says what each mode drops. [`OutlineMode::Full`]
//! is `serde_json` of the [`DutyOrder`] itself, byte for byte.
//!
//! The other modes serialise a view that borrows the order (no copy of it):
//! the same fields in the same order, only the outline written differently.

use std::io::Write;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::model::{DutyOrder, OutlineNode};

/// How much of the outline an order's JSON carries (`--outline`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum OutlineMode {
    /// Every node with its text and cells (the default).
    #[default]
    Full,
    /// Every node without `text` and `cells`: the tree, its numbers, labels,
    /// kinds and line ranges.
    Ids,
    /// No node: `outline` is `[]`.
    None,
}

impl OutlineMode {
    /// Every mode, as `--outline` names them.
    pub const NAMES: [&'static str; 3] = ["full", "ids", "none"];

    /// The mode of a name of [`OutlineMode::NAMES`].
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "full" => Some(OutlineMode::Full),
            "ids" => Some(OutlineMode::Ids),
            "none" => Some(OutlineMode::None),
            _ => None,
        }
    }

    /// The mode's name, as `--outline` takes it.
    pub fn name(self) -> &'static str {
        match self {
            OutlineMode::Full => "full",
            OutlineMode::Ids => "ids",
            OutlineMode::None => "none",
        }
    }
}

/// Write `order` as JSON (pretty unless `compact`) with its outline in `mode`.
pub fn to_writer(
    out: impl Write,
    order: &DutyOrder,
    mode: OutlineMode,
    compact: bool,
) -> serde_json::Result<()> {
    let view = View { order, mode };
    if compact {
        serde_json::to_writer(out, &view)
    } else {
        serde_json::to_writer_pretty(out, &view)
    }
}

/// `order` as JSON bytes (pretty unless `compact`) with its outline in `mode`.
pub fn to_vec(order: &DutyOrder, mode: OutlineMode, compact: bool) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    to_writer(&mut out, order, mode, compact)?;
    Ok(out)
}

/// `order` as one line of JSON with its outline in `mode`.
pub fn to_string(order: &DutyOrder, mode: OutlineMode) -> serde_json::Result<String> {
    let bytes = to_vec(order, mode, true)?;
    String::from_utf8(bytes).map_err(serde::ser::Error::custom)
}

/// An order serialised with its outline in a mode.
struct View<'a> {
    order: &'a DutyOrder,
    mode: OutlineMode,
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.mode == OutlineMode::Full {
            return self.order.serialize(s);
        }
        // DutyOrder's fields in its order (a test compares the two)
        let o = self.order;
        let mut st = s.serialize_struct("DutyOrder", 7)?;
        st.serialize_field("schema_version", &o.schema_version)?;
        st.serialize_field("source", &o.source)?;
        st.serialize_field("header", &o.header)?;
        let nodes: &[OutlineNode] = match self.mode {
            OutlineMode::None => &[],
            _ => &o.outline,
        };
        st.serialize_field("outline", &Nodes(nodes))?;
        st.serialize_field("people", &o.people)?;
        st.serialize_field("committees", &o.committees)?;
        st.serialize_field("diagnostics", &o.diagnostics)?;
        st.end()
    }
}

/// Outline nodes without their words.
struct Nodes<'a>(&'a [OutlineNode]);

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for node in self.0 {
            seq.serialize_element(&Node(node))?;
        }
        seq.end()
    }
}

/// One outline node without `text` and `cells`, its fields in
/// [`OutlineNode`]'s order.
struct Node<'a>(&'a OutlineNode);

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.0;
        let mut st = s.serialize_struct("OutlineNode", 8)?;
        st.serialize_field("id", &n.id)?;
        st.serialize_field("number", &n.number)?;
        st.serialize_field("label", &n.label)?;
        st.serialize_field("kind", &n.kind)?;
        st.serialize_field("line_start", &n.line_start)?;
        st.serialize_field("line_end", &n.line_end)?;
        if let Some(page) = n.page {
            st.serialize_field("page", &page)?;
        }
        st.serialize_field("children", &Nodes(&n.children))?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "เรื่อง การกำหนดหน้าที่\n1. นางสาวธนะพร  ฉายแสง ตำแหน่ง นักวิเคราะห์นโยบายและแผน\n   1.1 งานวิเคราะห์\n       1.1.1 ศึกษา\n   1.2 งานอื่น ๆ ตามที่ได้รับมอบหมาย\n";

    fn order() -> DutyOrder {
        crate::parse_str("t.txt", TEXT).unwrap()
    }

    fn value(order: &DutyOrder, mode: OutlineMode) -> serde_json::Value {
        serde_json::from_slice(&to_vec(order, mode, true).unwrap()).unwrap()
    }

    #[test]
    fn full_is_the_order_itself() {
        let o = order();
        assert_eq!(
            to_string(&o, OutlineMode::Full).unwrap(),
            serde_json::to_string(&o).unwrap()
        );
        assert_eq!(
            to_vec(&o, OutlineMode::Full, false).unwrap(),
            serde_json::to_vec_pretty(&o).unwrap()
        );
    }

    #[test]
    fn the_view_writes_every_field_of_the_order_in_its_order() {
        // without an outline the modes cannot differ: a field added to
        // DutyOrder and not to the view fails here
        let mut o = order();
        o.outline.clear();
        let full = serde_json::to_string(&o).unwrap();
        assert_eq!(to_string(&o, OutlineMode::Ids).unwrap(), full);
        assert_eq!(to_string(&o, OutlineMode::None).unwrap(), full);
    }

    #[test]
    fn ids_keeps_the_tree_and_drops_the_words() {
        let o = order();
        let full = value(&o, OutlineMode::Full);
        let ids = value(&o, OutlineMode::Ids);
        // the same nodes, each without text and cells and otherwise equal
        fn strip(v: &mut serde_json::Value) {
            if let Some(m) = v.as_object_mut() {
                m.remove("text");
                m.remove("cells");
                for c in m
                    .get_mut("children")
                    .and_then(|c| c.as_array_mut())
                    .into_iter()
                    .flatten()
                {
                    strip(c);
                }
            }
        }
        let mut want = full["outline"].clone();
        want.as_array_mut().unwrap().iter_mut().for_each(strip);
        assert_eq!(ids["outline"], want);
        assert!(!want.as_array().unwrap().is_empty());
        assert!(!ids["outline"].to_string().contains("งานวิเคราะห์"));
        assert!(full["outline"].to_string().contains("งานวิเคราะห์"));
        // the people keep their text
        assert_eq!(ids["people"], full["people"]);
        assert!(
            ids["people"][0]["duties"][0]["title"]
                .as_str()
                .unwrap()
                .contains("งานวิเคราะห์")
        );
    }

    #[test]
    fn none_empties_the_outline_only() {
        let o = order();
        let mut full = value(&o, OutlineMode::Full);
        let none = value(&o, OutlineMode::None);
        assert_eq!(none["outline"], serde_json::json!([]));
        full["outline"] = serde_json::json!([]);
        assert_eq!(none, full);
    }

    #[test]
    fn names_round_trip() {
        for name in OutlineMode::NAMES {
            assert_eq!(OutlineMode::from_name(name).unwrap().name(), name);
        }
        assert_eq!(OutlineMode::from_name("text"), None);
    }
}
