//! The profile handed to resolution, checked before anything is resolved: it must be a profile,
//! and it must pass the crate's own validation. Problems stop resolution; notes do not.

use serde_json::Value;
use shinrai_domain::text::{Bilingual, Lang};

use crate::error::{ErrorKind, OscalError, Place};
use crate::model::{Model, ModelKind, Profile, root_model};
use crate::source::{Source, document_from_value};
use crate::validate::{Context, Report, validate_value};

/// The typed profile of `value`. When a profile does not read as one, validation's problems
/// (which say what to fix, where) are given before the reader's error.
pub fn typed_profile(source: &Source, value: &Value) -> Result<Profile, OscalError> {
    let document = match document_from_value(source, value) {
        Ok(document) => document,
        Err(unreadable) => {
            if root_model(value).ok() == Some(ModelKind::Profile) {
                refuse_invalid(&source.name, &validate_value(value, &Context::new()))?;
            }
            return Err(unreadable);
        }
    };
    match document.model {
        Model::Profile(profile) => Ok(*profile),
        other => Err(OscalError::new(
            source.name.clone(),
            Place::Pointer(String::new()),
            ErrorKind::Unsupported,
            Bilingual::new(
                format!("プロファイルではありません（{}）", other.kind().root_key()),
                format!("not a profile (a {})", other.kind().root_key()),
            ),
        )),
    }
}

/// An error listing every problem of the report, placed at the first; `Ok` when there is none.
pub fn refuse_invalid(file: &str, report: &Report) -> Result<(), OscalError> {
    let Some(first) = report.problems.first() else {
        return Ok(());
    };
    let listed = |lang: Lang| {
        report
            .problems
            .iter()
            .map(|problem| problem.describe(lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let count = report.problems.len();
    let en_count = if count == 1 {
        "1 problem".to_owned()
    } else {
        format!("{count} problems")
    };
    Err(OscalError::new(
        file,
        Place::Pointer(first.pointer.clone()),
        ErrorKind::Invalid,
        Bilingual::new(
            format!(
                "プロファイルが妥当ではないため解決しません（{count} 件の問題）: {}",
                listed(Lang::Ja)
            ),
            format!(
                "the profile is not valid, so it is not resolved ({en_count}): {}",
                listed(Lang::En)
            ),
        ),
    ))
}
