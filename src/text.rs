//! [`Text`]: a string that several parts of the model can hold at the cost of
//! one (issue 17, memory). An outline node's text is also the title of the
//! duty read from it; as two `String`s a big order kept every duty's words
//! twice (0.8 bytes per input byte of the reference order). The outline
//! builder grows a node's text line by line as an owned `String`; the order
//! stage then [shares](Text::share) it, and every later copy — the duty's
//! title, the model's outline node — is a reference count, not a copy.
//!
//! It reads as a `&str` (`Deref`), compares, hashes and orders as its
//! characters, and is a plain string in JSON and in the schema.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string of the model, owned while it is built and shared once it is
/// read (see the module doc). Cloning a shared text copies no characters.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    /// Still being built (or read from JSON): a clone copies.
    Owned(String),
    /// Frozen: a clone is a reference count.
    Shared(Arc<str>),
}

impl Text {
    /// An empty text.
    pub const fn new() -> Text {
        Text(Repr::Owned(String::new()))
    }

    /// The characters.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(s) => s,
            Repr::Shared(s) => s,
        }
    }

    /// The text to change in place; a shared text is copied out first (only
    /// the stage that builds a text changes it, before it is shared).
    pub fn make_mut(&mut self) -> &mut String {
        if let Repr::Shared(s) = &self.0 {
            self.0 = Repr::Owned(s.to_string());
        }
        match &mut self.0 {
            Repr::Owned(s) => s,
            // (as std's `Cow::to_mut`: made owned just above)
            Repr::Shared(_) => unreachable!("a text made owned is owned"),
        }
    }

    /// Freeze the text: from now on a clone shares its characters. The one
    /// copy this makes (into the shared allocation) is exact-sized.
    pub fn share(&mut self) {
        if let Repr::Owned(s) = &mut self.0 {
            let s = std::mem::take(s);
            self.0 = Repr::Shared(Arc::from(s));
        }
    }

    /// The text as a `String` (a copy unless it was owned).
    pub fn into_string(self) -> String {
        match self.0 {
            Repr::Owned(s) => s,
            Repr::Shared(s) => s.to_string(),
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::new()
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Repr::Owned(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(Repr::Owned(s.to_string()))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.into_string()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

/// In the schema a text is the string it is.
impl JsonSchema for Text {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(feature = "db")]
impl rusqlite::types::ToSql for Text {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
    }
}

#[cfg(feature = "db")]
impl rusqlite::types::FromSql for Text {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        String::column_result(value).map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn a_shared_clone_is_the_same_characters() {
        let mut t = Text::from("งานสารบรรณ".to_string());
        t.make_mut().push_str(" ๑");
        t.share();
        let u = t.clone();
        assert_eq!(u, "งานสารบรรณ ๑");
        assert_eq!(u.as_ptr(), t.as_ptr());
        // changing a shared text copies it out, the other keeps its words
        let mut v = u.clone();
        v.make_mut().push('x');
        assert_eq!(u, "งานสารบรรณ ๑");
        assert_eq!(v, "งานสารบรรณ ๑x");
    }

    #[test]
    fn json_is_a_plain_string() {
        let mut t = Text::from("ก");
        t.share();
        assert_eq!(serde_json::to_string(&t).ok().as_deref(), Some("\"ก\""));
        let back: Option<Text> = serde_json::from_str("\"ก\"").ok();
        assert_eq!(back, Some(t));
    }
}
