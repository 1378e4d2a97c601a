//! Converting a document between JSON, YAML and XML. The document is carried as a plain JSON
//! value (keys in their original order), so every field survives, modelled or not.

use serde_json::Value;

use crate::error::{ErrorKind, OscalError, Place};
use crate::model::{ModelKind, root_model};
use crate::output::to_text;
use crate::source::{Format, Source, parse_value};

/// The text of `source` in `to`, after checking it is one OSCAL document.
pub fn convert(source: &Source, to: Format) -> Result<String, OscalError> {
    let value = parse_value(source)?;
    model_of(source, &value)?;
    to_text(&value, to, &source.name)
}

/// The model a parsed document holds, or why it is not an OSCAL document.
pub fn model_of(source: &Source, value: &Value) -> Result<ModelKind, OscalError> {
    root_model(value).map_err(|problem| {
        OscalError::new(
            source.name.clone(),
            Place::Pointer(String::new()),
            ErrorKind::NotOscal,
            problem.message(),
        )
    })
}
