//! The JSON Schema of the output, generated from the model types.

use crate::model::DutyOrder;

/// The JSON Schema (draft 2020-12) of [`DutyOrder`], as a JSON value.
pub fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(DutyOrder);
    schema.to_value()
}

/// The schema as pretty-printed JSON with a trailing newline, exactly as
/// committed in `schemas/duty-order.v1.schema.json`.
pub fn schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The JSON Schema (draft 2020-12) of [`Diff`](crate::diff::Diff), the output of
/// `kamsang diff --format json`.
pub fn diff_schema() -> serde_json::Value {
    schemars::schema_for!(crate::diff::Diff).to_value()
}

/// The diff schema as committed in `schemas/duty-order-diff.v1.schema.json`.
pub fn diff_schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&diff_schema()).unwrap_or_default();
    s.push('\n');
    s
}
