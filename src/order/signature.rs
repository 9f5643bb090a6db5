//! The end of an order: effective clause, date of signing, signature block.

use crate::diagnostic::Diagnostic;
use crate::model::{DateInfo, Signature};
use crate::outline::Outline;

/// What the end of the order says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tail {
    /// Effective clause (`ทั้งนี้ ตั้งแต่…`).
    pub effective: Option<String>,
    /// Date of signing (`สั่ง ณ วันที่ …`).
    pub date: Option<DateInfo>,
    /// Who signed.
    pub signed_by: Option<Signature>,
    /// What could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// Read the effective clause, date and signature from the outline.
pub fn read(_outline: &Outline) -> Tail {
    Tail::default()
}
