//! The facts the store adds to an event's payload as it appends it: the records of the rows
//! the event wrote and the size of the log at its latest checkpoint. Payloads are JSON objects
//! of any size (a statement's event carries its content), so the common case — a compact
//! object that does not already name those fields — is extended in place, without building
//! the whole object in memory and writing it out again.

use std::fmt;

use serde::Deserializer as _;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use shinrai_domain::log_rows::{LAST_CHECKPOINT_FIELD, ROWS_FIELD, RowRecord};

use crate::error::{StoreError, StoreResult};

/// The payload with the event's row records and the latest checkpoint's size set (whatever a
/// caller put under those names is replaced: only the store writes them).
pub fn with_facts(
    payload: &str,
    rows: &[RowRecord],
    last_checkpoint: Option<u64>,
) -> StoreResult<String> {
    match top_level(payload)? {
        TopLevel::Plain => append_facts(payload, rows, last_checkpoint),
        TopLevel::NamesFacts => rebuild_with_facts(payload, rows, last_checkpoint),
    }
}

fn corrupt(detail: impl fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("event payload: {detail}"))
}

/// What the payload's outermost object holds, as far as the facts are concerned.
enum TopLevel {
    /// Neither fact is named yet.
    Plain,
    /// A caller wrote one of the facts' names itself.
    NamesFacts,
}

/// Reads the outermost keys only; the values are skipped without being kept.
fn top_level(payload: &str) -> StoreResult<TopLevel> {
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = TopLevel;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
            let mut found = TopLevel::Plain;
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == ROWS_FIELD || key == LAST_CHECKPOINT_FIELD {
                    found = TopLevel::NamesFacts;
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(found)
        }
    }
    let mut reader = serde_json::Deserializer::from_str(payload);
    let found = (&mut reader).deserialize_map(Keys).map_err(corrupt)?;
    reader.end().map_err(corrupt)?;
    Ok(found)
}

/// Adds the facts before the object's closing brace.
fn append_facts(
    payload: &str,
    rows: &[RowRecord],
    last_checkpoint: Option<u64>,
) -> StoreResult<String> {
    let object = payload.trim();
    // A JSON object that parsed: it opens and closes with braces.
    let inside = object
        .strip_prefix('{')
        .and_then(|rest| rest.strip_suffix('}'))
        .ok_or_else(|| corrupt("not a JSON object"))?
        .trim();
    let rows_json = if rows.is_empty() {
        None
    } else {
        Some(serde_json::to_string(rows).map_err(corrupt)?)
    };
    let mut out =
        String::with_capacity(object.len() + rows_json.as_ref().map_or(0, String::len) + 48);
    out.push('{');
    out.push_str(inside);
    let mut field = |name: &str, value: &str| {
        if out.len() > 1 {
            out.push(',');
        }
        out.push('"');
        out.push_str(name);
        out.push_str("\":");
        out.push_str(value);
    };
    if let Some(rows_json) = &rows_json {
        field(ROWS_FIELD, rows_json);
    }
    if let Some(size) = last_checkpoint {
        field(LAST_CHECKPOINT_FIELD, &size.to_string());
    }
    out.push('}');
    Ok(out)
}

/// The whole object read, the caller's facts removed and the store's set.
fn rebuild_with_facts(
    payload: &str,
    rows: &[RowRecord],
    last_checkpoint: Option<u64>,
) -> StoreResult<String> {
    let mut value: serde_json::Value = serde_json::from_str(payload).map_err(corrupt)?;
    let object = value
        .as_object_mut()
        .ok_or_else(|| corrupt("not a JSON object"))?;
    object.remove(ROWS_FIELD);
    object.remove(LAST_CHECKPOINT_FIELD);
    if !rows.is_empty() {
        object.insert(
            ROWS_FIELD.to_owned(),
            serde_json::to_value(rows).map_err(corrupt)?,
        );
    }
    if let Some(size) = last_checkpoint {
        object.insert(LAST_CHECKPOINT_FIELD.to_owned(), size.into());
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn record() -> RowRecord {
        RowRecord {
            table: "users".into(),
            key: vec!["u".into()],
            sha256: Some("ab".into()),
        }
    }

    #[test]
    fn facts_replace_what_a_caller_put_there() {
        let payload = with_facts(
            r#"{"id":"u","rows":"forged","last_checkpoint":99}"#,
            std::slice::from_ref(&record()),
            Some(4),
        )
        .unwrap();
        assert_eq!(
            payload,
            r#"{"id":"u","rows":[{"table":"users","key":["u"],"sha256":"ab"}],"last_checkpoint":4}"#
        );
        assert_eq!(
            with_facts(r#"{"login":"x","rows":1}"#, &[], None).unwrap(),
            r#"{"login":"x"}"#
        );
    }

    #[test]
    fn a_plain_payload_is_extended_as_a_rebuild_would_write_it() {
        let payloads = [
            r#"{}"#,
            r#"{"id":"u"}"#,
            r#"{"content":{"rows":[1,2],"text":"行\"ja\""},"n":1.5,"list":[{"a":null}]}"#,
            r#"{"escaped\u0041key":true}"#,
        ];
        for payload in payloads {
            for rows in [Vec::new(), vec![record()]] {
                for last in [None, Some(7)] {
                    let extended = with_facts(payload, &rows, last).unwrap();
                    let rebuilt = rebuild_with_facts(payload, &rows, last).unwrap();
                    // The same bytes for the compact payloads serde writes; the same JSON for
                    // one with an escaped key, which a rebuild would write unescaped.
                    if payload.contains('\\') && payload.contains("u0041") {
                        let value =
                            |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
                        assert_eq!(value(&extended), value(&rebuilt), "{payload}");
                    } else {
                        assert_eq!(extended, rebuilt, "{payload}");
                    }
                }
            }
        }
    }

    #[test]
    fn anything_but_one_json_object_is_refused() {
        for payload in [
            "[1]",
            "1",
            "",
            "{",
            r#"{"a":1} {"b":2}"#,
            r#"{"a":1}x"#,
            "null",
        ] {
            assert!(
                matches!(with_facts(payload, &[], None), Err(StoreError::Corrupt(_))),
                "{payload}"
            );
        }
    }
}
