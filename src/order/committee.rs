//! Committees (คณะกรรมการ) appointed by an order: name, members with roles, duties.

use crate::diagnostic::Diagnostic;
use crate::model::{Committee, Person};
use crate::outline::Outline;

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

/// Find the committees of an order.
pub fn read(_outline: &Outline, _people: &[Person]) -> Committees {
    Committees::default()
}

/// Whether an item's text introduces a committee (`คณะกรรมการ… ประกอบด้วย`):
/// its children are members, not people with duties of their own.
pub fn introduces_committee(text: &str) -> bool {
    ["คณะกรรมการ", "คณะทำงาน", "คณะอนุกรรมการ"]
        .iter()
        .any(|w| text.contains(w))
        && text.contains("ประกอบด้วย")
}
