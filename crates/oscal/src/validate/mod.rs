//! Validation of an already parsed OSCAL document: its model's JSON schema (OSCAL 1.2.1), then
//! the checks a schema cannot express (unique ids and uuids, references that must resolve, and a
//! profile's selections against the catalogs it imports).
//!
//! Everything works on a `serde_json::Value`, so documents the typed model cannot read are still
//! checked and every finding carries a JSON pointer into the document.

mod component;
mod imported;
mod profile_check;
pub mod schema;
pub mod semantic;

use std::cmp::Ordering;
use std::collections::HashMap;

use serde_json::Value;
use shinrai_domain::text::{Bilingual, Lang};

use crate::error::OscalError;
use crate::model::{Catalog, ModelKind};
use crate::source::{Source, parse_value};

/// Stable problem codes, for tests and machine use.
pub mod code {
    /// The root is not exactly one of the seven OSCAL models.
    pub const NOT_OSCAL: &str = "not_oscal";
    /// The document breaks its model's JSON schema.
    pub const SCHEMA: &str = "schema";
    /// The embedded schema could not be compiled (a defect of shinrai, not of the document).
    pub const SCHEMA_UNAVAILABLE: &str = "schema_unavailable";
    /// An id defined twice where OSCAL requires it to be unique.
    pub const DUPLICATE_ID: &str = "duplicate_id";
    /// A uuid given to two objects.
    pub const DUPLICATE_UUID: &str = "duplicate_uuid";
    /// A `#fragment` link that names nothing the document (or its imports) defines.
    pub const UNKNOWN_LINK: &str = "unknown_link";
    /// A `#uuid` that must name a back-matter resource but does not.
    pub const UNKNOWN_RESOURCE: &str = "unknown_resource";
    /// A parameter reference (`{{ insert: param, ID }}`, `param-id`) to no known parameter; a
    /// note for a profile's `set-parameters`, which resolution skips.
    pub const UNKNOWN_PARAM: &str = "unknown_param";
    /// A `role-id` naming no role.
    pub const UNKNOWN_ROLE: &str = "unknown_role";
    /// A note, not an error: a component definition's responsible role is neither declared in
    /// metadata nor one of the roles its model defines (OSCAL allows it; it may be a typo).
    pub const UNDECLARED_ROLE: &str = "undeclared_role";
    /// A party uuid naming no party.
    pub const UNKNOWN_PARTY: &str = "unknown_party";
    /// A location uuid naming no location.
    pub const UNKNOWN_LOCATION: &str = "unknown_location";
    /// Another uuid reference (component, subject, task, observation, risk, finding...) to nothing.
    pub const UNKNOWN_UUID: &str = "unknown_uuid";
    /// A profile names a control its imported catalog lacks.
    pub const MISSING_CONTROL: &str = "missing_control";
    /// A note: a profile alteration's `by-id` names a part or parameter its control lacks, or the
    /// control itself (the add is ignored, the remove does nothing).
    pub const UNKNOWN_PART: &str = "unknown_part";
    /// A profile selects a control its catalog marks withdrawn.
    pub const WITHDRAWN_CONTROL: &str = "withdrawn_control";
    /// A note, not an error: an import's catalog was not available, so checks against it were
    /// skipped.
    pub const IMPORT_NOT_CHECKED: &str = "import_not_checked";
    /// A note, not an error: a component definition's control-implementation `source` catalog was
    /// not available, so the parameters it names were not checked.
    pub const SOURCE_NOT_CHECKED: &str = "source_not_checked";
}

/// One finding: where, a stable code, and why in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// A JSON pointer into the document (`""` is the whole document).
    pub pointer: String,
    /// A stable snake_case code, one of [`code`].
    pub code: &'static str,
    pub message: Bilingual,
}

impl Problem {
    pub fn new(pointer: impl Into<String>, code: &'static str, message: Bilingual) -> Problem {
        Problem {
            pointer: pointer.into(),
            code,
            message,
        }
    }

    /// `POINTER: MESSAGE [CODE]`, with `/` for the whole document.
    pub fn describe(&self, lang: Lang) -> String {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        format!("{pointer}: {} [{}]", self.message.get(lang), self.code)
    }
}

/// The outcome of validating one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The document's model; `None` when the root is not one OSCAL model (then the only problem
    /// is [`code::NOT_OSCAL`]).
    pub model: Option<ModelKind>,
    /// Errors, sorted by pointer (numeric segments in numeric order) then code.
    pub problems: Vec<Problem>,
    /// Findings that do not make the document invalid, sorted the same way: checks that could not
    /// run ([`code::IMPORT_NOT_CHECKED`]) and warnings where OSCAL content as published does not
    /// hold to a rule (see [`semantic`]).
    pub notes: Vec<Problem>,
}

impl Report {
    /// No problems (notes do not count).
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What the checks need from outside the document.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// For a profile: the catalog each import brings (resolved already, when the import is a
    /// profile), by import index; `None` when it could not be loaded. Imports past the end of the
    /// list count as not loaded. Ignored for other models.
    pub imports: Vec<Option<&'a Catalog>>,
    /// For a component definition: the catalog (resolved already, when it is a profile) each
    /// control-implementation `source` names, keyed by the `source` text as written. A source
    /// missing here counts as not loaded. Ignored for other models.
    pub sources: HashMap<String, &'a Catalog>,
}

impl<'a> Context<'a> {
    /// No imported catalogs: a profile's selections are not checked (and a note says so).
    pub fn new() -> Context<'a> {
        Context::default()
    }

    pub fn with_imports(imports: Vec<Option<&'a Catalog>>) -> Context<'a> {
        Context {
            imports,
            ..Context::default()
        }
    }

    /// Adds the catalogs of a component definition's sources, by `source` text.
    pub fn with_sources(
        mut self,
        sources: impl IntoIterator<Item = (String, &'a Catalog)>,
    ) -> Context<'a> {
        self.sources.extend(sources);
        self
    }
}

/// Validates a parsed document: its model's schema, then the semantic checks.
pub fn validate_value(value: &Value, context: &Context<'_>) -> Report {
    validate_schema_checked(value, check_schema(value), context)
}

/// What the schema check of a document found. It needs nothing but the document, so it can be
/// made apart from the semantic checks, for instance while the catalogs they need are loaded.
#[derive(Debug)]
pub struct SchemaChecked {
    model: Result<ModelKind, Problem>,
    problems: Vec<Problem>,
}

/// The document's model and its schema check, the first half of [`validate_value`].
pub fn check_schema(value: &Value) -> SchemaChecked {
    let model = model_of(value);
    let mut problems = Vec::new();
    if let Ok(model) = model {
        schema::check(model, value, &mut problems);
    }
    SchemaChecked { model, problems }
}

/// The second half of [`validate_value`]: the semantic checks, added to the schema check made
/// of the same `value`.
pub fn validate_schema_checked(
    value: &Value,
    checked: SchemaChecked,
    context: &Context<'_>,
) -> Report {
    let model = match checked.model {
        Ok(kind) => kind,
        Err(problem) => {
            return Report {
                model: None,
                problems: vec![problem],
                notes: Vec::new(),
            };
        }
    };
    let mut findings = Findings {
        problems: checked.problems,
        notes: Vec::new(),
    };
    semantic::check(model, value, context, &mut findings);
    findings.into_report(model)
}

/// Reads the source's text ([`parse_value`]) and validates it. Syntax errors are `OscalError`s.
pub fn validate_source(source: &Source, context: &Context<'_>) -> Result<Report, OscalError> {
    Ok(validate_value(&parse_value(source)?, context))
}

/// Problems and notes as they are found, before sorting.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    pub(crate) problems: Vec<Problem>,
    pub(crate) notes: Vec<Problem>,
}

impl Findings {
    fn into_report(self, model: ModelKind) -> Report {
        Report {
            model: Some(model),
            problems: sorted(self.problems),
            notes: sorted(self.notes),
        }
    }
}

fn sorted(mut problems: Vec<Problem>) -> Vec<Problem> {
    problems.sort_by(|a, b| {
        compare_pointers(&a.pointer, &b.pointer)
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.message.en.cmp(&b.message.en))
    });
    problems.dedup();
    problems
}

/// Segment by segment, numbers as numbers, so `/x/2` comes before `/x/10` (document order).
fn compare_pointers(a: &str, b: &str) -> Ordering {
    let mut left = a.split('/');
    let mut right = b.split('/');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let order = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(m), Ok(n)) => m.cmp(&n),
                    _ => x.cmp(y),
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

/// The one model the root holds, else a `not_oscal` problem at the root.
fn model_of(value: &Value) -> Result<ModelKind, Problem> {
    crate::model::root_model(value)
        .map_err(|problem| Problem::new("", code::NOT_OSCAL, problem.message()))
}

/// Appends one JSON pointer segment, escaped (`~` as `~0`, `/` as `~1`).
pub(crate) fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// A value, shown briefly in a message: as JSON (strings quoted, newlines escaped), cut short.
/// Writing stops early, so a whole catalog given as the value costs nothing.
pub(crate) fn brief(value: &Value) -> String {
    let mut capped = Capped(Vec::new());
    // The writer refuses bytes past its cap: that error is expected and what was written is kept.
    let _ = serde_json::to_writer(&mut capped, value);
    let bytes = capped.0;
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(error) => bytes
            .get(..error.valid_up_to())
            .and_then(|valid| std::str::from_utf8(valid).ok())
            .unwrap_or_default(),
    };
    shorten(text)
}

/// A writer keeping only the first few hundred bytes.
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        const CAP: usize = 400;
        if self.0.len() >= CAP {
            return Err(std::io::Error::other("enough"));
        }
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(MAX).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_sort_in_document_order() {
        let mut pointers = vec!["/a/10", "/a/2/b", "/a/2", "", "/a/b"];
        pointers.sort_by(|a, b| compare_pointers(a, b));
        assert_eq!(pointers, vec!["", "/a/2", "/a/2/b", "/a/10", "/a/b"]);
    }

    #[test]
    fn segments_are_escaped() {
        let mut pointer = String::new();
        push_segment(&mut pointer, "a/b~c");
        assert_eq!(pointer, "/a~1b~0c");
    }
}
