//! Criteria documents as earlier releases stored them, read into today's shape.
//!
//! Until technology examples had ids, every item and control held them as one free text per
//! language, `"examples": {"ja", "en"}`. Such a document reads as if each of them had
//! `technology_examples` made by [`examples_from_free_text`]: numbered `ex1`, `ex2`… The
//! document itself is not rewritten, so the hash recorded when it was stored still holds.

use serde_json::Value;

use super::examples::examples_from_free_text;
use super::model::CriteriaVersion;
use crate::text::Bilingual;

/// The field the earlier shape used for examples.
const OLD_EXAMPLES: &str = "examples";
const EXAMPLES: &str = "technology_examples";

/// Reads a stored criteria document of today's shape or of the earlier one. The error is that of
/// today's shape, unless the document is of the earlier shape: then it is the error reading the
/// document after its examples were converted.
pub fn read_stored_document(document: &str) -> Result<CriteriaVersion, serde_json::Error> {
    let error = match serde_json::from_str(document) {
        Ok(version) => return Ok(version),
        Err(error) => error,
    };
    let Ok(mut value) = serde_json::from_str::<Value>(document) else {
        return Err(error);
    };
    if !convert_old_examples(&mut value) {
        return Err(error);
    }
    serde_json::from_value(value)
}

/// Replaces the free-text examples of every control by numbered examples; whether there were
/// any to replace.
fn convert_old_examples(document: &mut Value) -> bool {
    let Some(controls) = document.get_mut("controls").and_then(Value::as_array_mut) else {
        return false;
    };
    let mut converted = false;
    for control in controls {
        let Some(fields) = control.as_object_mut() else {
            continue;
        };
        if fields.contains_key(EXAMPLES) {
            continue;
        }
        let Some(old) = fields.remove(OLD_EXAMPLES) else {
            continue;
        };
        let Ok(text) = serde_json::from_value::<Bilingual>(old.clone()) else {
            // Not the earlier shape after all: leave it for the reader to refuse.
            fields.insert(OLD_EXAMPLES.to_owned(), old);
            continue;
        };
        let examples = examples_from_free_text(&text);
        if let Ok(examples) = serde_json::to_value(examples) {
            fields.insert(EXAMPLES.to_owned(), examples);
            converted = true;
        }
    }
    converted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::TechnologyExample;
    use crate::level::Level;

    /// A version as an earlier release wrote it: free-text examples.
    const OLD: &str = r#"{"version":"old-1","title":{"ja":"旧","en":"Old"},"status":"published",
      "published_on":"2025-04-01","groups":[{"id":"9.4.2","part":"control",
      "title":{"ja":"ログオン","en":"Log-on"},"text":{"ja":"安全なログオン","en":"Secure log-on"}}],
      "controls":[{"id":"9.4.2.1","part":"control","objective":"9.4.2",
        "text":{"ja":"多要素認証を使う","en":"Use MFA"},"mandatory":true,"actor":"provider",
        "min_level":2,"integrity":false,"availability":false,"service_models":["SaaS"],
        "examples":{"ja":"ワンタイムパスワード\nFIDO2 セキュリティキー","en":"One-time passwords\nFIDO2 security keys"},
        "references":[]},
       {"id":"9.4.2.2","part":"control","objective":"9.4.2",
        "text":{"ja":"記録する","en":"Record"},"mandatory":false,"actor":"both",
        "min_level":1,"integrity":true,"availability":false,"service_models":["IaaS","PaaS"],
        "examples":{"ja":"",  "en":""},"references":[]}]}"#;

    #[test]
    fn an_old_document_reads_with_numbered_examples() {
        let version = read_stored_document(OLD).unwrap();
        assert_eq!(version.version, "old-1");
        let first = &version.controls[0];
        assert_eq!(first.min_level, Level::MIDDLE);
        assert_eq!(
            first.technology_examples,
            vec![
                TechnologyExample::new("ex1", "ワンタイムパスワード", "One-time passwords"),
                TechnologyExample::new("ex2", "FIDO2 セキュリティキー", "FIDO2 security keys"),
            ]
        );
        assert!(version.controls[1].technology_examples.is_empty());
    }

    #[test]
    fn a_current_document_reads_as_it_is_and_a_broken_one_is_refused() {
        let version = read_stored_document(OLD).unwrap();
        let current = serde_json::to_string(&version).unwrap();
        assert!(!current.contains("\"examples\""));
        assert_eq!(read_stored_document(&current).unwrap(), version);

        let broken = OLD.replace("\"min_level\":2", "\"min_level\":4");
        let error = read_stored_document(&broken).unwrap_err();
        assert!(error.to_string().contains("level 4"), "{error}");
        let unknown = current.replace("\"references\"", "\"referenses\"");
        assert!(read_stored_document(&unknown).is_err());
        assert!(read_stored_document("not json").is_err());
    }
}
