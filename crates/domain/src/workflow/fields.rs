//! Checks every workflow input shares: ids, texts in both languages, list sizes. Each problem is
//! collected at its field so that one answer names them all.

use std::collections::HashSet;

use super::FieldError;
use crate::case::bounds::{MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::text::Bilingual;

pub use crate::text::is_blank;

/// A bilingual text counts as empty when both languages are.
pub fn is_blank_text(text: &Bilingual) -> bool {
    is_blank(&text.ja) && is_blank(&text.en)
}

/// Words the pages use in addresses beside ids (`/services/new`, `/audits/new`): no thing may
/// be named so, or its address would be the form's.
pub const RESERVED_IDS: [&str; 1] = ["new"];

/// Whether `id` may name a service, statement, audit or application: it appears in addresses,
/// so 1 to 64 ASCII letters, digits, `_` and `-`, starting with a letter or digit, and not a
/// word the pages reserve ([`RESERVED_IDS`]).
pub fn is_valid_id(id: &str) -> bool {
    !RESERVED_IDS.contains(&id.to_ascii_lowercase().as_str())
        && (1..=64).contains(&id.len())
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
}

/// The problems of one input, gathered before any is reported.
#[derive(Debug, Default)]
pub struct Problems {
    errors: Vec<FieldError>,
}

impl Problems {
    pub fn new() -> Problems {
        Problems::default()
    }

    pub fn push(&mut self, field: impl Into<String>, code: &'static str, message: Bilingual) {
        self.errors.push(FieldError::new(field, code, message));
    }

    /// A text that must not be empty, of at most `max` characters in each language.
    pub fn required_text(&mut self, field: &str, text: &Bilingual, max: usize) {
        if is_blank_text(text) {
            self.push(
                field,
                "required",
                Bilingual::new(
                    format!("{field} を日本語か英語で入力してください"),
                    format!("{field} must not be empty in both languages"),
                ),
            );
        }
        self.text_length(field, text, max);
    }

    /// A text that may be empty, of at most `max` characters in each language.
    pub fn text_length(&mut self, field: &str, text: &Bilingual, max: usize) {
        for (lang, value) in [("ja", &text.ja), ("en", &text.en)] {
            let chars = value.chars().count();
            if chars > max {
                self.push(
                    format!("{field}/{lang}"),
                    "too_long",
                    Bilingual::new(
                        format!("{field}/{lang} は {max} 文字以内にしてください（{chars} 文字）"),
                        format!("{field}/{lang} has {chars} characters; at most {max} are allowed"),
                    ),
                );
            }
        }
    }

    /// A name: required, short.
    pub fn name(&mut self, field: &str, text: &Bilingual) {
        self.required_text(field, text, MAX_NAME_CHARS);
    }

    /// A long text that must not be empty: scopes, reasons, individual controls.
    pub fn long_text(&mut self, field: &str, text: &Bilingual) {
        self.required_text(field, text, MAX_TEXT_CHARS);
    }

    /// An id given in the input that must look like one.
    pub fn id(&mut self, field: &str, id: &str) {
        if !is_valid_id(id) {
            self.push(
                field,
                "invalid_id",
                Bilingual::new(
                    format!(
                        "{field} は英数字・「_」「-」の 1〜64 文字で指定してください（「new」は使えません）"
                    ),
                    format!(
                        "{field} must be 1 to 64 ASCII letters, digits, `_` or `-`, and not `new`"
                    ),
                ),
            );
        }
    }

    /// A reference to something else by id (a control, a registry entry): not empty, not huge.
    pub fn reference(&mut self, field: &str, id: &str) {
        if is_blank(id) || id.chars().count() > MAX_ID_CHARS {
            self.push(
                field,
                "invalid_reference",
                Bilingual::new(
                    format!("{field} は 1〜{MAX_ID_CHARS} 文字の識別子で指定してください"),
                    format!("{field} must be an id of 1 to {MAX_ID_CHARS} characters"),
                ),
            );
        }
    }

    /// A list of at most `max` entries.
    pub fn list_size(&mut self, field: &str, len: usize, max: usize) -> bool {
        if len > max {
            self.push(
                field,
                "too_long",
                Bilingual::new(
                    format!("{field} は {max} 件以内にしてください（{len} 件）"),
                    format!("{field} has {len} entries; at most {max} are allowed"),
                ),
            );
            return false;
        }
        true
    }

    /// Reports every key seen before at `field(index)`.
    pub fn duplicates<'a>(
        &mut self,
        keys: impl IntoIterator<Item = &'a str>,
        field: impl Fn(usize) -> String,
    ) {
        let mut seen = HashSet::new();
        for (index, key) in keys.into_iter().enumerate() {
            if !seen.insert(key) {
                let field = field(index);
                self.push(
                    field.clone(),
                    "duplicate",
                    Bilingual::new(
                        format!("{field}: {key} が重複しています"),
                        format!("{field}: {key} appears more than once"),
                    ),
                );
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The refusal of what was found, when the caller already knows something was.
    pub fn refusal(self) -> super::Refusal {
        super::Refusal::Invalid(self.errors)
    }

    /// `Ok` when nothing was found, else every problem.
    pub fn finish(self) -> Result<(), super::Refusal> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(super::Refusal::Invalid(self.errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_of_any_script_is_empty() {
        assert!(is_blank(" \t\u{3000}\u{00A0}\n"));
        assert!(!is_blank(" x "));
        assert!(is_blank_text(&Bilingual::new("\u{3000}", "")));
        assert!(!is_blank_text(&Bilingual::new("", "scope")));
    }

    #[test]
    fn ids_are_safe_in_addresses() {
        assert!(is_valid_id("svc-1"));
        assert!(is_valid_id("A_b-9"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id("あ"));
        assert!(!is_valid_id(&"a".repeat(65)));
        assert!(
            !is_valid_id("new") && !is_valid_id("New"),
            "the pages' own word"
        );
    }

    #[test]
    fn every_problem_is_kept_at_its_field() {
        let mut problems = Problems::new();
        problems.name("/name", &Bilingual::new(" ", ""));
        problems.text_length("/scope", &Bilingual::new("長".repeat(3), ""), 2);
        problems.duplicates(["a", "b", "a"], |i| format!("/built_on/{i}"));
        let Err(super::super::Refusal::Invalid(errors)) = problems.finish() else {
            panic!("expected problems");
        };
        let fields: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            [
                ("/name", "required"),
                ("/scope/ja", "too_long"),
                ("/built_on/2", "duplicate")
            ]
        );
    }
}
