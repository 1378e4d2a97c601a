//! Writing documents and values as JSON, YAML or XML text.

mod pretty_json;
mod yaml;
mod yaml_types;

pub use pretty_json::{to_pretty_string, write_pretty};

use std::io::{BufWriter, Write};

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
        Format::Json => to_pretty_string(value)
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

/// Writes a typed document to `out`. JSON is written as it is made, so a large document never
/// stands in memory as text as well; YAML and XML are made from the untyped value first.
pub fn write_document(
    document: &Document,
    format: Format,
    name: &str,
    out: &mut dyn Write,
) -> Result<(), OscalError> {
    let written = match format {
        Format::Json => {
            let mut buffered = BufWriter::with_capacity(WRITE_BUFFER, out);
            write_pretty(&mut buffered, &document.as_root())
                .map_err(|e| e.to_string())
                .and_then(|()| {
                    buffered
                        .write_all(b"\n")
                        .and_then(|()| buffered.flush())
                        .map_err(|e| e.to_string())
                })
        }
        Format::Yaml | Format::Xml => {
            let text = document_to_text(document, format, name)?;
            out.write_all(text.as_bytes()).map_err(|e| e.to_string())
        }
    };
    written.map_err(|detail| write_error(name, format, &detail))
}

/// Large enough that writing a catalog takes few system calls, small enough to stay in cache.
const WRITE_BUFFER: usize = 64 * 1024;

/// A typed document as text.
pub fn document_to_text(
    document: &Document,
    format: Format,
    name: &str,
) -> Result<String, OscalError> {
    to_text(&document.as_root(), format, name)
}
