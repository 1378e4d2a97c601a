//! Writing documents and values as JSON, YAML or XML text.

mod yaml;
mod yaml_types;

use serde::Serialize;
use shinrai_domain::text::Bilingual;

use crate::error::{ErrorKind, OscalError, Place};
use crate::model::Document;
use crate::source::Format;

/// Serialises anything as pretty JSON (two-space indent, trailing newline), YAML (block style,
/// strings quoted wherever a YAML 1.1 or 1.2 reader would type them otherwise: see [`yaml`]) or,
/// for an OSCAL document, XML (see [`crate::xml`]).
pub fn to_text<T: Serialize>(value: &T, format: Format, name: &str) -> Result<String, OscalError> {
    let written = match format {
        Format::Json => serde_json::to_string_pretty(value)
            .map(|mut text| {
                text.push('\n');
                text
            })
            .map_err(|e| e.to_string()),
        Format::Yaml => serde_json::to_value(value)
            .map(|value| yaml::to_yaml(&value))
            .map_err(|e| e.to_string()),
        Format::Xml => {
            let value = serde_json::to_value(value).map_err(|e| e.to_string());
            return match value {
                Ok(value) => crate::xml::value_to_xml(&value).map_err(|problem| {
                    OscalError::new(
                        name,
                        Place::Pointer(problem.pointer),
                        ErrorKind::Write,
                        Bilingual::new(
                            format!("xml として書き出せません: {}", problem.why.ja),
                            format!("cannot be written as xml: {}", problem.why.en),
                        ),
                    )
                }),
                Err(detail) => Err(write_error(name, format, &detail)),
            };
        }
    };
    written.map_err(|detail| write_error(name, format, &detail))
}

fn write_error(name: &str, format: Format, detail: &str) -> OscalError {
    OscalError::new(
        name,
        Place::WholeFile,
        ErrorKind::Write,
        Bilingual::new(
            format!("{} として書き出せません: {detail}", format.name()),
            format!("cannot be written as {}: {detail}", format.name()),
        ),
    )
}

/// A typed document as text.
pub fn document_to_text(
    document: &Document,
    format: Format,
    name: &str,
) -> Result<String, OscalError> {
    to_text(&document.as_root(), format, name)
}
