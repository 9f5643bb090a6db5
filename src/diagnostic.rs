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

/// The catalogue: every code the crate emits, each with its severity and
/// its meaning (the variant's doc comment: in the schema, in rustdoc and in
/// README's table, which a test keeps equal to this list).
macro_rules! catalogue {
    ($($(#[doc = $meaning:literal])+ $code:ident => $severity:ident,)+) => {
        /// What a diagnostic is about: a stable machine-readable code,
        /// serialised in snake_case (`label_renumbered`). A new code is a
        /// minor version of the schema; a code is never renamed.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
        )]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $meaning])+ $code,)+
            /// A code a later 1.x version adds, in a document this version
            /// reads back (never emitted; not in [`Code::ALL`]).
            #[serde(other)]
            #[schemars(skip)]
            Unknown,
        }

        impl Code {
            /// Every code, in the catalogue's order.
            pub const ALL: &[Code] = &[$(Code::$code,)+];

            /// How serious a diagnostic with this code is (one severity a code).
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$code => Severity::$severity,)+
                    // the diagnostic's own `severity` says; none is emitted
                    Code::Unknown => Severity::Info,
                }
            }

            /// What the code means, in one line.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$code => concat!($($meaning),+).trim_ascii(),)+
                    Code::Unknown => "A code a later 1.x version adds.",
                }
            }
        }
    };
}

catalogue! {
    /// An item under a committee is neither a member nor a duty: counted, its text not read.
    CommitteeItemUnread => Info,
    /// Several committee members on one line cannot be told apart: kept as one member.
    CommitteeMemberUnsplit => Info,
    /// A committee member has no committee role (ประธานกรรมการ, กรรมการ …).
    CommitteeRoleMissing => Info,
    /// Duties follow a committee heading that names no committee of this order.
    CommitteeUnresolved => Info,
    /// Text extracted from a PDF or a scan had Thai extraction damage (glyph variants, spaces inside syllables, split SARA AM), or OCR read a label's dots as spaces (`5 1.4` for `5.1.4`), and it was repaired.
    ExtractionRepaired => Info,
    /// A .doc, .odt, .rtf or .xls was converted by LibreOffice before it was read.
    FormatConverted => Info,
    /// The extension names another format than the content: read by its content.
    FormatMismatch => Warning,
    /// A spreadsheet number cell (1.10 stored as 1.1) read as the next duty number.
    LabelFromNumber => Warning,
    /// A spreadsheet duty number is a number cell: a trailing zero may be lost.
    LabelIsNumber => Info,
    /// A label with a number past the largest an order uses: kept as text, not as an item.
    LabelOutOfRange => Warning,
    /// A label written under an item before its own prefix began (4.2.2 under 4.1): renumbered (4.1.2).
    LabelRenumbered => Warning,
    /// A Latin o among Thai digits (๒๕๕o) read as Thai zero ๐.
    LatinOAsZero => Warning,
    /// A line in another encoding than the rest of a text file: read in its own.
    MixedEncoding => Warning,
    /// A month written in a non-standard form, read as the standard month.
    MonthNonstandard => Info,
    /// A person's given name cannot be told from the family name.
    NameUnsplit => Warning,
    /// No people and no committees were found: header and outline only.
    NotADutyOrder => Info,
    /// A page read by OCR has a low mean word confidence: its names and numbers may be misread.
    OcrLowConfidence => Warning,
    /// The text was read by OCR (Tesseract), with each page's mean word confidence.
    OcrText => Info,
    /// An item repeats the number before it: renumbered.
    NumberDuplicated => Warning,
    /// A page number typed into the text (`- 2 -`): kept in the outline, read as nothing.
    PageArtefact => Info,
    /// A page number or a running page header or footer of a PDF or a scan: removed from the text.
    PageArtefactRemoved => Info,
    /// A page of a PDF has no text layer and could not be read by OCR: its text is missing.
    PageNotRead => Warning,
    /// An item's number is lower than the one expected: renumbered.
    NumberOutOfOrder => Warning,
    /// An item skips a number: renumbered.
    NumberSkipped => Warning,
    /// Items nested deeper than the depth limit (--max-depth) are kept as text of the item above.
    OutlineTooDeep => Warning,
    /// A spreadsheet sheet was not read (empty, or no header row found).
    SheetNotRead => Info,
    /// A two-digit year read as a Buddhist year (66 → 2566).
    ShortYear => Info,
    /// A signature read from text that does not follow the date line.
    SignatureNotAfterDate => Info,
    /// A substitute is not among the people of this order.
    SubstituteUnresolved => Info,
    /// Tables nested deeper than the reader follows: read as the text of the cell around them.
    TableFlattened => Warning,
    /// Bytes that cannot be decoded in the detected encoding, replaced by U+FFFD.
    UndecodableBytes => Error,
    /// A .docx uses an XML entity it does not define: kept as written.
    UndefinedEntity => Warning,
    /// The date of signing cannot be read.
    UnreadableDate => Warning,
}

impl Code {
    /// The code as written in JSON (`label_renumbered`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::CommitteeItemUnread => "committee_item_unread",
            Code::CommitteeMemberUnsplit => "committee_member_unsplit",
            Code::CommitteeRoleMissing => "committee_role_missing",
            Code::CommitteeUnresolved => "committee_unresolved",
            Code::ExtractionRepaired => "extraction_repaired",
            Code::FormatConverted => "format_converted",
            Code::FormatMismatch => "format_mismatch",
            Code::LabelFromNumber => "label_from_number",
            Code::LabelIsNumber => "label_is_number",
            Code::LabelOutOfRange => "label_out_of_range",
            Code::LabelRenumbered => "label_renumbered",
            Code::LatinOAsZero => "latin_o_as_zero",
            Code::MixedEncoding => "mixed_encoding",
            Code::MonthNonstandard => "month_nonstandard",
            Code::NameUnsplit => "name_unsplit",
            Code::NotADutyOrder => "not_a_duty_order",
            Code::OcrLowConfidence => "ocr_low_confidence",
            Code::OcrText => "ocr_text",
            Code::NumberDuplicated => "number_duplicated",
            Code::PageArtefact => "page_artefact",
            Code::PageArtefactRemoved => "page_artefact_removed",
            Code::PageNotRead => "page_not_read",
            Code::NumberOutOfOrder => "number_out_of_order",
            Code::NumberSkipped => "number_skipped",
            Code::OutlineTooDeep => "outline_too_deep",
            Code::SheetNotRead => "sheet_not_read",
            Code::ShortYear => "short_year",
            Code::SignatureNotAfterDate => "signature_not_after_date",
            Code::SubstituteUnresolved => "substitute_unresolved",
            Code::TableFlattened => "table_flattened",
            Code::UndecodableBytes => "undecodable_bytes",
            Code::UndefinedEntity => "undefined_entity",
            Code::UnreadableDate => "unreadable_date",
            Code::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding, tied to a line of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `label_renumbered` (see [`Code`]).
    pub code: Code,
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
    /// A finding with `code` (and the code's severity) at a 1-based line.
    pub fn new(code: Code, line: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: code.severity(),
            code,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// README's table of codes, one row a code, as the catalogue gives it.
    fn table() -> String {
        let mut t = String::from("| code | severity | meaning |\n|---|---|---|\n");
        for c in Code::ALL {
            t.push_str(&format!("| `{c}` | {} | {} |\n", c.severity(), c.meaning()));
        }
        t
    }

    #[test]
    fn readme_lists_every_code_of_the_catalogue() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        let start = "<!-- diagnostic codes: generated from src/diagnostic.rs -->\n";
        let section = readme
            .split_once(start)
            .and_then(|(_, rest)| rest.split_once("<!-- end of diagnostic codes -->"))
            .map(|(table, _)| table);
        assert_eq!(
            section,
            Some(table().as_str()),
            "README's table of diagnostic codes is not the catalogue; it should read:\n{}",
            table()
        );
    }

    #[test]
    fn codes_serialise_as_their_names_and_back() {
        for &c in Code::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), c);
            assert!(!c.meaning().is_empty() && !c.meaning().contains('\n'));
        }
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
        assert_eq!(Code::UndecodableBytes.severity(), Severity::Error);
    }
}
