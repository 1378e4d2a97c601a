//! Rows bound to the log. Every event that writes rows of a table that holds state records, in
//! its payload, each row it wrote (or deleted) by table and key with the SHA-256 of the row's
//! canonical encoding. Replaying those records gives the exact contents every bound table must
//! have; [`crate::log_audit`] compares them with the rows actually stored.
//!
//! The encoding is over typed values, not over an engine's text: the same row hashes alike on
//! SQLite and PostgreSQL, so a backup taken on one engine verifies on the other.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The payload field holding an event's row records.
pub const ROWS_FIELD: &str = "rows";
/// The payload field holding the size of the latest signed checkpoint when the event was
/// written, so the chain itself says which checkpoints existed.
pub const LAST_CHECKPOINT_FIELD: &str = "last_checkpoint";

/// One row an event wrote: the table, the primary key's values in key order, and the hash of
/// the row as written (`None`: the event deleted it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowRecord {
    pub table: String,
    pub key: Vec<String>,
    pub sha256: Option<String>,
}

/// One column's value as read from the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(&'a str),
    Int(i64),
    Bool(bool),
    Null,
    /// A value the column's type cannot hold (only a direct edit of the database makes one);
    /// it hashes unlike any value, so the row is reported as changed.
    Unreadable,
}

/// SHA-256 over a versioned, length-prefixed encoding of the table's name and every column's
/// name, type and value, so no two different rows encode alike.
pub fn row_hash(table: &str, columns: &[(&str, Cell<'_>)]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"shinrai-row-v1\n");
    let mut field = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_be_bytes());
        hasher.update(bytes);
    };
    field(table.as_bytes());
    for (name, cell) in columns {
        field(name.as_bytes());
        match cell {
            Cell::Text(text) => {
                field(b"t");
                field(text.as_bytes());
            }
            Cell::Int(value) => {
                field(b"i");
                field(&value.to_be_bytes());
            }
            Cell::Bool(value) => {
                field(b"b");
                field(&[u8::from(*value)]);
            }
            Cell::Null => field(b"n"),
            Cell::Unreadable => field(b"x"),
        }
    }
    hex::encode(hasher.finalize())
}

/// What an event's payload says about the tables and the checkpoints.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PayloadFacts {
    #[serde(default)]
    pub rows: Vec<RowRecord>,
    #[serde(default)]
    pub last_checkpoint: Option<u64>,
}

/// Reads the facts of a payload; payloads written before rows were bound have none. `Err`: the
/// payload holds these fields in a shape this version cannot read.
pub fn payload_facts(payload: &str) -> Result<PayloadFacts, String> {
    // Only objects carry facts: a chained payload that is not an object (old test logs) has none.
    if !payload.trim_start().starts_with('{') {
        return Ok(PayloadFacts::default());
    }
    serde_json::from_str(payload).map_err(|e| e.to_string())
}

/// A key as people read it: `id`, or `(user, role)` for a key of several columns.
pub fn display_key(key: &[String]) -> String {
    match key {
        [single] => single.clone(),
        several => format!("({})", several.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_and_type_counts() {
        let base = [("id", Cell::Text("u1")), ("disabled", Cell::Bool(false))];
        let hash = row_hash("users", &base);
        assert_eq!(hash.len(), 64);
        assert_eq!(hash, row_hash("users", &base), "deterministic");
        assert_ne!(hash, row_hash("organisations", &base), "the table counts");
        assert_ne!(
            hash,
            row_hash(
                "users",
                &[("id", Cell::Text("u1")), ("disabled", Cell::Bool(true))]
            )
        );
        assert_ne!(
            row_hash("t", &[("n", Cell::Int(1))]),
            row_hash("t", &[("n", Cell::Bool(true))]),
            "the type counts"
        );
        assert_ne!(
            row_hash("t", &[("n", Cell::Null)]),
            row_hash("t", &[("n", Cell::Text(""))])
        );
        assert_ne!(
            row_hash("t", &[("a", Cell::Text("bc")), ("d", Cell::Text(""))]),
            row_hash("t", &[("a", Cell::Text("b")), ("d", Cell::Text("c"))]),
            "length prefixes keep fields apart"
        );
        assert_ne!(
            row_hash("t", &[("n", Cell::Unreadable)]),
            row_hash("t", &[("n", Cell::Null)])
        );
    }

    #[test]
    fn facts_are_read_from_payloads_old_and_new() {
        assert_eq!(payload_facts("{\"id\":\"x\"}"), Ok(PayloadFacts::default()));
        assert_eq!(payload_facts("[1]"), Ok(PayloadFacts::default()));
        let facts = payload_facts(
            r#"{"id":"x","rows":[{"table":"users","key":["x"],"sha256":"ab"},{"table":"t","key":["a","b"],"sha256":null}],"last_checkpoint":5}"#,
        )
        .unwrap();
        assert_eq!(facts.rows.len(), 2);
        assert_eq!(facts.rows[1].sha256, None);
        assert_eq!(facts.last_checkpoint, Some(5));
        assert!(payload_facts(r#"{"rows":"nonsense"}"#).is_err());
        assert_eq!(display_key(&["a".into()]), "a");
        assert_eq!(display_key(&["a".into(), "b".into()]), "(a, b)");
    }
}
