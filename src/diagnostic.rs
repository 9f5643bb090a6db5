//! Diagnostics: what the parser noticed, corrected or could not read.
//!
//! Structural oddities are never errors (the parser always returns a tree); they
//! are reported here, each with the 1-based line it concerns.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: nothing was changed.
    Info,
    /// Something was corrected or could not be fully read.
    Warning,
    /// Part of the input was lost or is unusable.
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding, tied to a line of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `label_renumbered`.
    pub code: String,
    /// 1-based input line (paragraph number for .docx, row number for spreadsheets).
    #[schemars(range(min = 1))]
    pub line: u32,
    /// Human-readable explanation.
    pub message: String,
    /// The label as written, when the finding is about a label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The corrected canonical number, when the finding is about a label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

impl Diagnostic {
    /// A warning with the given code.
    pub fn warning(code: &str, line: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code: code.to_string(),
            line,
            message: message.into(),
            label: None,
            number: None,
        }
    }

    /// Attach the written label and the corrected number.
    pub fn with_label(mut self, label: &str, number: &str) -> Self {
        self.label = Some(label.to_string());
        self.number = Some(number.to_string());
        self
    }
}
