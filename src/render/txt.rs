//! The order as plain UTF-8 text: one line per paragraph, LF line ends, four
//! spaces of indentation per level, labels typed.

use super::{BlockKind, layout};
use crate::model::DutyOrder;

/// Spaces of indentation per level.
const INDENT: &str = "    ";

/// The order as clean text: corrected numbers, normalised text, indentation by
/// depth (four spaces a level), LF line ends, a final newline.
pub fn render_txt(order: &DutyOrder) -> String {
    let mut out = String::new();
    for b in layout(order) {
        if b.kind != BlockKind::Blank {
            for _ in 0..b.depth {
                out.push_str(INDENT);
            }
            out.push_str(b.line().trim_end());
        }
        out.push('\n');
    }
    out
}
