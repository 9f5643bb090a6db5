//! The JSON Schema of the output, generated from the model types.

use crate::model::DutyOrder;

/// The enums of the model a later 1.x version may add values to (SPEC:
/// "a minor version only adds"). Their schema lists the values this version
/// writes and also accepts any other string, so that a consumer validating
/// against this schema accepts a newer 1.y document; kamsang reads such a
/// value as the enum's `unknown` (`other` for the kinds that have it).
/// `Severity` stays closed: a consumer must know how serious a finding is.
const OPEN_ENUMS: &[&str] = &[
    "Code",
    "DocumentKind",
    "DutyKind",
    "Format",
    "LabelForm",
    "NodeKind",
    "RoleKind",
];

/// The JSON Schema (draft 2020-12) of [`DutyOrder`], as a JSON value.
pub fn schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(DutyOrder).to_value();
    open_enums(&mut schema);
    schema
}

/// Each of [`OPEN_ENUMS`] in `$defs`: `{oneOf: [known values]}` becomes
/// `{anyOf: [{oneOf: [known values]}, {type: string}]}`.
fn open_enums(schema: &mut serde_json::Value) {
    let Some(defs) = schema
        .get_mut("$defs")
        .and_then(serde_json::Value::as_object_mut)
    else {
        return;
    };
    for name in OPEN_ENUMS {
        let Some(def) = defs
            .get_mut(*name)
            .and_then(serde_json::Value::as_object_mut)
        else {
            continue;
        };
        let Some(known) = def.remove("oneOf") else {
            continue;
        };
        def.insert(
            "anyOf".to_string(),
            serde_json::json!([
                { "oneOf": known },
                {
                    "type": "string",
                    "description": "A value a later 1.x version adds."
                }
            ]),
        );
    }
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
