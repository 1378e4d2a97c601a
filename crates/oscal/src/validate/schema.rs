//! The JSON schema check, against the embedded OSCAL 1.2.1 complete schema.
//!
//! The complete schema's root is a `oneOf` over the models, so any error inside a document comes
//! back as one error at the root ("matches none of the alternatives"). Each model therefore gets
//! its own validator: the complete schema with that `oneOf` replaced by the model's branch, so
//! errors point inside the document. Validators are compiled on first use, once per model.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value;
use shinrai_domain::text::Bilingual;

use super::{Problem, brief, code, shorten};
use crate::model::ModelKind;

/// The NIST OSCAL 1.2.1 complete schema (draft-07), as released.
pub const COMPLETE_SCHEMA: &str = include_str!("../../schemas/oscal_complete_schema.json");

/// One compiled validator per model, in [`ModelKind::ALL`] order; `Err` holds why it could not
/// be built.
static VALIDATORS: [OnceLock<Result<Validator, String>>; 7] = [const { OnceLock::new() }; 7];

/// The compiled validator for a model (compiled on the first call).
pub fn validator(kind: ModelKind) -> Result<&'static Validator, &'static str> {
    let Some(cell) = ModelKind::ALL
        .iter()
        .position(|k| *k == kind)
        .and_then(|index| VALIDATORS.get(index))
    else {
        return Err("no validator slot for the model");
    };
    match cell.get_or_init(|| build(kind)) {
        Ok(validator) => Ok(validator),
        Err(why) => Err(why.as_str()),
    }
}

fn build(kind: ModelKind) -> Result<Validator, String> {
    let schema = model_schema(kind)?;
    jsonschema::draft7::options()
        .build(&schema)
        .map_err(|error| error.to_string())
}

/// The complete schema with its root `oneOf` narrowed to the branch requiring `kind`'s root key,
/// and `combine`'s `method` put back ([`restore_combine_method`]).
pub fn model_schema(kind: ModelKind) -> Result<Value, String> {
    let mut schema: Value = serde_json::from_str(COMPLETE_SCHEMA).map_err(|e| e.to_string())?;
    let root = schema
        .as_object_mut()
        .ok_or("the complete schema is not an object")?;
    let Some(Value::Array(branches)) = root.remove("oneOf") else {
        return Err("the complete schema has no root oneOf".to_owned());
    };
    let wanted = Value::Array(vec![Value::String(kind.root_key().to_owned())]);
    let branch = branches
        .into_iter()
        .find(|branch| branch.get("required") == Some(&wanted))
        .ok_or_else(|| format!("the complete schema has no branch for {}", kind.root_key()))?;
    let Value::Object(branch) = branch else {
        return Err(format!(
            "the branch for {} is not an object",
            kind.root_key()
        ));
    };
    root.extend(branch);
    allow_merge_without_structure(&mut schema);
    restore_combine_method(&mut schema);
    Ok(schema)
}

/// The released JSON schema requires `merge` to hold one of `flat`, `as-is` and `custom`, but the
/// profile-resolution specification gives a `merge` without one a meaning: "if a merge is given
/// without a structuring directive, structuring the output MUST be treated as if the structuring
/// directive flat was given" (`req-structure-none`; `req-merge-none` likewise for `combine`), and
/// NIST's own XML requirement tests use such profiles (`req-merge-usefirst2.xml`). A fourth
/// alternative, `combine` alone or nothing, is added.
fn allow_merge_without_structure(schema: &mut Value) {
    let Some(Value::Array(alternatives)) =
        schema.pointer_mut("/definitions/oscal-complete-oscal-profile:merge/anyOf")
    else {
        return;
    };
    let combine_only = alternatives.first().and_then(|first| {
        let combine = first.pointer("/properties/combine")?.clone();
        Some(serde_json::json!({
            "properties": {"combine": combine},
            "additionalProperties": false
        }))
    });
    alternatives.extend(combine_only);
}

/// OSCAL's profile model gives `merge/combine` a `method` flag (`use-first`, `merge`, `keep`),
/// which profile resolution reads, but the released JSON schema leaves it out
/// (usnistgov/OSCAL#2259), so every profile using it would fail. The flag is added back, with
/// the model's allowed values, to each alternative of `merge`.
fn restore_combine_method(schema: &mut Value) {
    let Some(Value::Array(alternatives)) =
        schema.pointer_mut("/definitions/oscal-complete-oscal-profile:merge/anyOf")
    else {
        return;
    };
    for alternative in alternatives {
        if let Some(Value::Object(combine)) = alternative.pointer_mut("/properties/combine") {
            combine.insert(
                "properties".to_owned(),
                serde_json::json!({"method": {"type": "string", "enum": ["use-first", "merge", "keep"]}}),
            );
        }
    }
}

/// Adds a [`code::SCHEMA`] problem for every schema error in `document`.
pub(crate) fn check(kind: ModelKind, document: &Value, problems: &mut Vec<Problem>) {
    let validator = match validator(kind) {
        Ok(validator) => validator,
        Err(why) => {
            problems.push(Problem::new(
                "",
                code::SCHEMA_UNAVAILABLE,
                Bilingual::new(
                    format!(
                        "{} のスキーマを用意できず、スキーマ検証をしていません: {why}",
                        kind.root_key()
                    ),
                    format!(
                        "the schema for {} could not be built, so it was not checked: {why}",
                        kind.root_key()
                    ),
                ),
            ));
            return;
        }
    };
    // Checking validity is much cheaper than collecting errors, and most documents are valid.
    if validator.is_valid(document) {
        return;
    }
    for error in validator.iter_errors(document) {
        report(&error, problems);
    }
}

/// One problem per error; an `anyOf`/`oneOf` that no branch matches is reported through the
/// errors of its closest branch, which says what to fix instead of "matches none of the
/// alternatives".
fn report(error: &ValidationError<'_>, problems: &mut Vec<Problem>) {
    if let ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } =
        error.kind()
        && let Some(closest) = closest_branch(error.instance_path().as_str(), context)
    {
        for inner in closest {
            report(inner, problems);
        }
        return;
    }
    problems.push(Problem::new(
        error.instance_path().as_str(),
        code::SCHEMA,
        describe(error),
    ));
}

/// The branch the value most likely meant: first one whose shape fits (no type or
/// unexpected-property error on the value itself: OSCAL's alternatives differ in which
/// properties they allow, e.g. a group holds either groups or controls), then the one with
/// fewest errors.
fn closest_branch<'e, 'a>(
    here: &str,
    branches: &'e [Vec<ValidationError<'a>>],
) -> Option<&'e Vec<ValidationError<'a>>> {
    branches
        .iter()
        .filter(|errors| !errors.is_empty())
        .min_by_key(|errors| {
            let misfits = errors
                .iter()
                .filter(|error| {
                    error.instance_path().as_str() == here
                        && matches!(
                            error.kind(),
                            ValidationErrorKind::Type { .. }
                                | ValidationErrorKind::AdditionalProperties { .. }
                        )
                })
                .count();
            (misfits, errors.len())
        })
}

/// Both wordings of one schema error, from its kind and the offending value.
fn describe(error: &ValidationError<'_>) -> Bilingual {
    let value = brief(error.instance());
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = plain(property);
            Bilingual::new(
                format!("必須の項目 \"{name}\" がありません"),
                format!("required property \"{name}\" is missing"),
            )
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let names = quoted_list(unexpected);
            Bilingual::new(
                format!("定義されていない項目があります: {names}"),
                format!("property not allowed here: {names}"),
            )
        }
        // Long patterns (OSCAL's date-time one runs to 400 characters) help nobody in a message.
        ValidationErrorKind::Pattern { pattern } if pattern.chars().count() > 120 => {
            Bilingual::new(
                format!("値 {value} が求められる形式になっていません"),
                format!("value {value} does not have the required form"),
            )
        }
        ValidationErrorKind::Pattern { pattern } => {
            let pattern = visible(pattern);
            Bilingual::new(
                format!("値 {value} が形式 {pattern} に合いません"),
                format!("value {value} does not match the pattern {pattern}"),
            )
        }
        ValidationErrorKind::Type { kind } => {
            let (ja_expected, en_expected) = type_names(kind);
            let found = json_type(error.instance());
            Bilingual::new(
                format!("{ja_expected}であるべきところが {found} です"),
                format!("expected {en_expected}, found {found}"),
            )
        }
        ValidationErrorKind::Enum { options } => {
            let allowed = brief(options);
            Bilingual::new(
                format!("値 {value} は許された値 {allowed} のいずれでもありません"),
                format!("value {value} is not one of {allowed}"),
            )
        }
        ValidationErrorKind::Constant { expected_value } => {
            let expected = brief(expected_value);
            Bilingual::new(
                format!("値 {value} は {expected} でなければなりません"),
                format!("value {value} must be {expected}"),
            )
        }
        ValidationErrorKind::MinItems { limit } => Bilingual::new(
            format!(
                "要素が {limit} 個以上必要です（{} 個）",
                items(error.instance())
            ),
            format!(
                "needs at least {limit} item(s), has {}",
                items(error.instance())
            ),
        ),
        ValidationErrorKind::MaxItems { limit } => Bilingual::new(
            format!(
                "要素は {limit} 個までです（{} 個）",
                items(error.instance())
            ),
            format!(
                "allows at most {limit} item(s), has {}",
                items(error.instance())
            ),
        ),
        ValidationErrorKind::MinLength { limit } => Bilingual::new(
            format!("値 {value} が短すぎます（{limit} 文字以上）"),
            format!("value {value} is shorter than {limit} character(s)"),
        ),
        ValidationErrorKind::MaxLength { limit } => Bilingual::new(
            format!("値 {value} が長すぎます（{limit} 文字まで）"),
            format!("value {value} is longer than {limit} character(s)"),
        ),
        ValidationErrorKind::MinProperties { limit } => Bilingual::new(
            format!("項目が {limit} 個以上必要です"),
            format!("needs at least {limit} propert(ies)"),
        ),
        ValidationErrorKind::MaxProperties { limit } => Bilingual::new(
            format!("項目は {limit} 個までです"),
            format!("allows at most {limit} propert(ies)"),
        ),
        ValidationErrorKind::Minimum { limit } => Bilingual::new(
            format!("値 {value} は {limit} 以上でなければなりません"),
            format!("value {value} is less than the minimum {limit}"),
        ),
        ValidationErrorKind::Maximum { limit } => Bilingual::new(
            format!("値 {value} は {limit} 以下でなければなりません"),
            format!("value {value} is more than the maximum {limit}"),
        ),
        ValidationErrorKind::ExclusiveMinimum { limit } => Bilingual::new(
            format!("値 {value} は {limit} より大きくなければなりません"),
            format!("value {value} must be greater than {limit}"),
        ),
        ValidationErrorKind::ExclusiveMaximum { limit } => Bilingual::new(
            format!("値 {value} は {limit} より小さくなければなりません"),
            format!("value {value} must be less than {limit}"),
        ),
        ValidationErrorKind::MultipleOf { multiple_of } => Bilingual::new(
            format!("値 {value} は {multiple_of} の倍数でなければなりません"),
            format!("value {value} is not a multiple of {multiple_of}"),
        ),
        ValidationErrorKind::Format { format } => Bilingual::new(
            format!("値 {value} は {format} 形式として正しくありません"),
            format!("value {value} is not a valid {format}"),
        ),
        ValidationErrorKind::UniqueItems => {
            Bilingual::new("要素に重複があります", "items must be unique")
        }
        ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => {
            Bilingual::new(
                "許された形のいずれにも合いません",
                "matches none of the allowed forms",
            )
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => Bilingual::new(
            "許された形の複数に合ってしまい、どれか一つに決まりません",
            "matches more than one of the allowed forms",
        ),
        ValidationErrorKind::Not { .. } => {
            Bilingual::new("許されない形です", "matches a form that is not allowed")
        }
        ValidationErrorKind::FalseSchema => {
            Bilingual::new("ここには何も置けません", "nothing is allowed here")
        }
        ValidationErrorKind::AdditionalItems { limit } => Bilingual::new(
            format!("要素は {limit} 個までです"),
            format!("allows at most {limit} item(s)"),
        ),
        ValidationErrorKind::Contains => Bilingual::new(
            "条件に合う要素がありません",
            "no item matches the required form",
        ),
        ValidationErrorKind::PropertyNames { error } => {
            let inner = describe(error);
            Bilingual::new(
                format!("項目名が正しくありません: {}", inner.ja),
                format!("invalid property name: {}", inner.en),
            )
        }
        ValidationErrorKind::UnevaluatedItems { unexpected } => {
            let names = quoted_list(unexpected);
            Bilingual::new(
                format!("許されない要素があります: {names}"),
                format!("items not allowed here: {names}"),
            )
        }
        ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let names = quoted_list(unexpected);
            Bilingual::new(
                format!("定義されていない項目があります: {names}"),
                format!("property not allowed here: {names}"),
            )
        }
        ValidationErrorKind::ContentEncoding { content_encoding } => Bilingual::new(
            format!("値が {content_encoding} として正しくありません"),
            format!("value is not valid {content_encoding}"),
        ),
        ValidationErrorKind::ContentMediaType { content_media_type } => Bilingual::new(
            format!("値が {content_media_type} として正しくありません"),
            format!("value is not valid {content_media_type}"),
        ),
        ValidationErrorKind::FromUtf8 { .. } => Bilingual::new(
            "復号した値が UTF-8 ではありません",
            "the decoded value is not UTF-8",
        ),
        ValidationErrorKind::BacktrackLimitExceeded { .. }
        | ValidationErrorKind::RegexEngineFailure { .. } => Bilingual::new(
            format!("値 {value} を形式と照合できませんでした"),
            format!("value {value} could not be matched against its pattern"),
        ),
        ValidationErrorKind::Custom { keyword, message } => Bilingual::new(
            format!("{keyword}: {}", shorten(message)),
            format!("{keyword}: {}", shorten(message)),
        ),
        ValidationErrorKind::Referencing(reference) => {
            let why = shorten(&reference.to_string());
            Bilingual::new(
                format!("スキーマの参照を解決できません: {why}"),
                format!("a schema reference could not be resolved: {why}"),
            )
        }
    }
}

/// Control characters spelled out, so a pattern such as `^[^\n]+$` stays on one line.
fn visible(text: &str) -> String {
    text.replace('\n', "\\n")
        .replace('\r', "\\r")
        .replace('\t', "\\t")
}

/// A property name as given (without JSON quotes when it is a string).
fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn quoted_list(names: &[String]) -> String {
    shorten(
        &names
            .iter()
            .map(|name| format!("\"{name}\""))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

fn items(value: &Value) -> usize {
    value.as_array().map_or(0, Vec::len)
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The expected type(s), in Japanese and English.
fn type_names(kind: &TypeKind) -> (String, String) {
    let names: Vec<String> = match kind {
        TypeKind::Single(single) => vec![single.to_string()],
        TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
    };
    let ja: Vec<&str> = names.iter().map(|name| japanese_type(name)).collect();
    (ja.join("または"), names.join(" or "))
}

fn japanese_type(name: &str) -> &'static str {
    match name {
        "null" => "null",
        "boolean" => "真偽値",
        "integer" => "整数",
        "number" => "数値",
        "string" => "文字列",
        "array" => "配列",
        "object" => "オブジェクト",
        _ => "別の型",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_has_a_validator() {
        for kind in ModelKind::ALL {
            let built = validator(kind);
            assert!(built.is_ok(), "{kind:?}: {built:?}", built = built.err());
        }
    }
}
