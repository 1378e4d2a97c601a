//! Reading a document from disk: size limit, UTF-8, JSON or YAML, and errors that name the file
//! and the place (line and column, byte offset, or JSON pointer).

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_json::Value;
use shinrai_domain::text::Bilingual;

use crate::error::{ErrorKind, OscalError, Place};
use crate::model::misfit::misfit;
use crate::model::{Document, RootObject, RootProblem};

/// The three serialisations of OSCAL, all read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
    Xml,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Xml => "xml",
        }
    }

    /// From a file name: `.json`, `.yaml`, `.yml` or `.xml`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "xml" => Some(Format::Xml),
            _ => None,
        }
    }

    /// By the file name, else by the first character: JSON documents start with `{`, XML ones
    /// with `<`.
    pub fn detect(path: &Path, text: &str) -> Format {
        Format::from_path(path).unwrap_or_else(|| {
            let start = text.trim_start_matches('\u{feff}').trim_start();
            if start.starts_with('{') {
                Format::Json
            } else if start.starts_with('<') {
                Format::Xml
            } else {
                Format::Yaml
            }
        })
    }
}

/// Limits on what is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Files larger than this are refused before being read.
    pub max_bytes: u64,
}

/// 256 MiB: well above the largest published OSCAL content (the SP 800-53 catalog is 10 MB).
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// A document's text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name to show in messages: the path as given.
    pub name: String,
    pub path: PathBuf,
    pub format: Format,
    pub text: String,
}

impl Source {
    pub fn from_text(name: &str, format: Format, text: String) -> Source {
        Source {
            name: name.to_owned(),
            path: PathBuf::from(name),
            format,
            text,
        }
    }

    fn error(&self, place: Place, kind: ErrorKind, why: Bilingual) -> OscalError {
        OscalError::new(self.name.clone(), place, kind, why)
    }
}

/// Reads a file as UTF-8 text, refusing files over the limit.
pub fn read_source(path: &Path, limits: Limits) -> Result<Source, OscalError> {
    read_source_reporting(path, limits, &mut |_, _| {})
}

/// Like [`read_source`], telling `progress` (bytes read, file size) as the file comes in.
pub fn read_source_reporting(
    path: &Path,
    limits: Limits,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Source, OscalError> {
    let name = path.display().to_string();
    let unreadable = |error: std::io::Error| {
        OscalError::new(
            name.clone(),
            Place::WholeFile,
            ErrorKind::Unreadable,
            Bilingual::new(
                format!("読み込めません: {error}"),
                format!("cannot read: {error}"),
            ),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > limits.max_bytes {
        return Err(OscalError::new(
            name,
            Place::WholeFile,
            ErrorKind::TooLarge,
            too_large(size, limits.max_bytes),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read one byte past the limit so a file that grows while being read is still caught.
    let mut reader = file.take(limits.max_bytes + 1);
    // Straight into the text's own buffer, a step at a time for the progress report.
    loop {
        let read = (&mut reader)
            .take(PROGRESS_STEP)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if read == 0 {
            break;
        }
        progress(bytes.len() as u64, size);
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(OscalError::new(
            name,
            Place::WholeFile,
            ErrorKind::TooLarge,
            too_large(bytes.len() as u64, limits.max_bytes),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        OscalError::new(
            name.clone(),
            Place::ByteOffset(error.utf8_error().valid_up_to()),
            ErrorKind::NotUtf8,
            Bilingual::new("UTF-8 として正しくありません", "not valid UTF-8"),
        )
    })?;
    Ok(Source {
        format: Format::detect(path, &text),
        name,
        path: path.to_owned(),
        text,
    })
}

/// How much is read between two progress reports.
const PROGRESS_STEP: u64 = 1 << 20;

fn too_large(size: u64, limit: u64) -> Bilingual {
    Bilingual::new(
        format!("{size} バイトで、上限の {limit} バイトを超えています"),
        format!("{size} bytes, over the limit of {limit} bytes"),
    )
}

/// Parses the text as an untyped JSON value (for schema validation and conversion).
pub fn parse_value(source: &Source) -> Result<Value, OscalError> {
    match source.format {
        Format::Json => serde_json::from_str(&source.text).map_err(|e| json_syntax(source, &e)),
        Format::Yaml => yaml_value(source),
        Format::Xml => xml_value(source),
    }
}

/// XML is read through its JSON form: the shapes of the models say where everything goes.
fn xml_value(source: &Source) -> Result<Value, OscalError> {
    crate::xml::xml_to_value(&source.text).map_err(|problem| xml_error(source, problem))
}

fn xml_error(source: &Source, problem: crate::xml::ReadProblem) -> OscalError {
    source.error(
        Place::LineColumn {
            line: problem.at.line,
            column: problem.at.column,
        },
        problem.kind,
        problem.why,
    )
}

/// Parses the text straight into a typed document. The fast path does not track where it is;
/// only when reading fails is the text read again with the path tracked, to name the place.
pub fn parse_document(source: &Source) -> Result<Document, OscalError> {
    let root: RootObject = parse_typed(source)?;
    Document::from_root(root).map_err(|problem| not_oscal(source, &problem))
}

/// Types an already parsed value (after schema validation, say).
pub fn document_from_value(source: &Source, value: &Value) -> Result<Document, OscalError> {
    let root: RootObject = match RootObject::deserialize_from(value) {
        Ok(root) => root,
        Err(error) => {
            let tracked: Result<RootObject, _> = serde_path_to_error::deserialize(value);
            return Err(model_error(source, tracked, &error.to_string()));
        }
    };
    Document::from_root(root).map_err(|problem| not_oscal(source, &problem))
}

impl RootObject {
    fn deserialize_from(value: &Value) -> Result<RootObject, serde_json::Error> {
        serde::Deserialize::deserialize(value)
    }
}

fn parse_typed<T: DeserializeOwned>(source: &Source) -> Result<T, OscalError> {
    match source.format {
        Format::Json => typed_from_json(source, &source.text),
        Format::Xml => {
            crate::xml::from_xml(&source.text).map_err(|problem| xml_error(source, problem))
        }
        Format::Yaml => {
            let value = yaml_value(source)?;
            match T::deserialize(&value) {
                Ok(typed) => Ok(typed),
                Err(error) => {
                    let tracked: Result<T, _> = serde_path_to_error::deserialize(&value);
                    Err(model_error(source, tracked, &error.to_string()))
                }
            }
        }
    }
}

/// Types JSON text. The fast path does not track where it is; only when typing fails is the
/// text read again with the path tracked, to name the place. The text is read as a `str`, which
/// is already known to be UTF-8, so its strings are not checked again one by one.
fn typed_from_json<T: DeserializeOwned>(source: &Source, json: &str) -> Result<T, OscalError> {
    match serde_json::from_str::<T>(json) {
        Ok(value) => Ok(value),
        Err(error) if error.is_data() => {
            let mut deserializer = serde_json::Deserializer::from_str(json);
            let tracked: Result<T, _> = serde_path_to_error::deserialize(&mut deserializer);
            Err(model_error(
                source,
                tracked,
                &strip_position(&error.to_string()),
            ))
        }
        Err(error) => Err(json_syntax(source, &error)),
    }
}

/// Nesting deeper than this is refused, as serde_json refuses it for JSON.
const MAX_YAML_FLOW_DEPTH: usize = 128;

fn yaml_value(source: &Source) -> Result<Value, OscalError> {
    // The YAML parser takes time quadratic in the depth of flow collections (`[[[…`), so a small
    // hostile file could hold a reader for minutes: refuse deep flow nesting before parsing.
    if let Some((line, column)) = flow_nesting_beyond(&source.text, MAX_YAML_FLOW_DEPTH) {
        return Err(source.error(
            Place::LineColumn { line, column },
            ErrorKind::TooDeep,
            Bilingual::new("入れ子が深すぎます", "not valid YAML: nesting is too deep"),
        ));
    }
    serde_norway::from_str::<Value>(&source.text).map_err(|error| {
        let place = error
            .location()
            .map_or(Place::WholeFile, |location| Place::LineColumn {
                line: location.line(),
                column: location.column(),
            });
        let detail = strip_position(&error.to_string());
        let (kind, ja) = if detail.contains("recursion limit") {
            (ErrorKind::TooDeep, "入れ子が深すぎます")
        } else {
            (ErrorKind::Syntax, "YAML の構文が正しくありません")
        };
        source.error(
            place,
            kind,
            Bilingual::new(ja, format!("not valid YAML: {detail}")),
        )
    })
}

/// Where `[`/`{` nesting outside quotes and comments first goes beyond `limit`, if it does.
/// Block scalars are not recognised, so a run of brackets in literal text counts too; no real
/// document has 128 of them open at once.
fn flow_nesting_beyond(text: &str, limit: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let (mut line, mut column) = (1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut comment = false;
    let mut previous = '\n';
    for c in text.chars() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
            comment = false;
            previous = c;
            continue;
        }
        if comment {
            continue;
        }
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                // A quote opens a quoted scalar only where a token can start.
                '"' | '\'' if previous.is_whitespace() || "[{,:".contains(previous) => {
                    quote = Some(c)
                }
                '#' if previous.is_whitespace() => comment = true,
                '[' | '{' => {
                    depth += 1;
                    if depth > limit {
                        return Some((line, column));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        previous = c;
    }
    None
}

fn json_syntax(source: &Source, error: &serde_json::Error) -> OscalError {
    let detail = strip_position(&error.to_string());
    let place = Place::LineColumn {
        line: error.line(),
        column: error.column(),
    };
    let (kind, ja) = if detail.contains("recursion limit") {
        (ErrorKind::TooDeep, "入れ子が深すぎます")
    } else if error.is_eof() {
        (ErrorKind::Syntax, "JSON が途中で終わっています")
    } else {
        (ErrorKind::Syntax, "JSON の構文が正しくありません")
    };
    source.error(
        place,
        kind,
        Bilingual::new(ja, format!("not valid JSON: {detail}")),
    )
}

/// A document that does not fit the model, placed where the path-tracking second read stopped.
fn model_error<T, E>(
    source: &Source,
    tracked: Result<T, serde_path_to_error::Error<E>>,
    detail: &str,
) -> OscalError {
    let pointer = tracked
        .err()
        .map(|e| pointer_of(e.path()))
        .unwrap_or_default();
    source.error(Place::Pointer(pointer), ErrorKind::Model, misfit(detail))
}

fn not_oscal(source: &Source, problem: &RootProblem) -> OscalError {
    source.error(
        Place::Pointer(String::new()),
        ErrorKind::NotOscal,
        problem.message(),
    )
}

/// serde appends " at line L column C"; the place is reported on its own.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

/// A serde path (`a.b[3].c`) as a JSON pointer (`/a/b/3/c`).
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            serde_path_to_error::Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            serde_path_to_error::Segment::Enum { variant } => {
                pointer.push('/');
                pointer.push_str(variant);
            }
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let deep = format!("catalog: {}", "[".repeat(50_000));
        let error = parse_value(&Source::from_text("deep.yaml", Format::Yaml, deep)).unwrap_err();
        assert_eq!(error.kind, ErrorKind::TooDeep);
        assert_eq!(
            error.place,
            Place::LineColumn {
                line: 1,
                column: 138
            }
        );
    }

    #[test]
    fn brackets_in_quotes_and_comments_do_not_count() {
        let quoted = format!(
            "title: \"{}\"\nnote: '{}' # {}\n",
            "[".repeat(500),
            "{".repeat(500),
            "[".repeat(500)
        );
        assert_eq!(flow_nesting_beyond(&quoted, 128), None);
        let source = Source::from_text("q.yaml", Format::Yaml, quoted);
        assert!(parse_value(&source).is_ok());
        assert_eq!(flow_nesting_beyond("a: [[1], {b: [2]}]\n", 3), None);
        assert_eq!(flow_nesting_beyond("a: [[[1]]]\n", 2), Some((1, 6)));
    }
}
