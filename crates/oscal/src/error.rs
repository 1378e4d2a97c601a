//! Everything that can go wrong with an OSCAL document, naming the file and the place.

use std::fmt;

use shinrai_domain::text::{Bilingual, Lang};

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A JSON pointer into the document (the empty pointer is the whole document).
    Pointer(String),
    LineColumn {
        line: usize,
        column: usize,
    },
    ByteOffset(usize),
    WholeFile,
}

impl Place {
    pub fn describe(&self, lang: Lang) -> String {
        let japanese = lang == Lang::Ja;
        match (self, japanese) {
            (Place::Pointer(pointer), _) if pointer.is_empty() => "/".to_owned(),
            (Place::Pointer(pointer), _) => pointer.clone(),
            (Place::LineColumn { line, column }, false) => format!("line {line} column {column}"),
            (Place::LineColumn { line, column }, true) => format!("{line} 行 {column} 列"),
            (Place::ByteOffset(offset), false) => format!("byte offset {offset}"),
            (Place::ByteOffset(offset), true) => format!("バイト位置 {offset}"),
            (Place::WholeFile, false) => "whole file".to_owned(),
            (Place::WholeFile, true) => "ファイル全体".to_owned(),
        }
    }
}

/// A problem that stops reading, resolving or writing a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OscalError {
    pub file: String,
    pub place: Place,
    pub kind: ErrorKind,
    pub why: Bilingual,
}

/// Stable names for the kinds of error, for tests and machine use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Unreadable,
    TooLarge,
    NotUtf8,
    Syntax,
    TooDeep,
    NotOscal,
    Model,
    Import,
    ImportCycle,
    UnknownReference,
    /// The profile to resolve fails validation (`validate`); the message lists every problem.
    Invalid,
    /// A profile's `merge` names more than one structuring directive (`flat`, `as-is`, `custom`).
    ConflictingStructure,
    Unsupported,
    Write,
}

impl OscalError {
    pub fn new(
        file: impl Into<String>,
        place: Place,
        kind: ErrorKind,
        why: Bilingual,
    ) -> OscalError {
        OscalError {
            file: file.into(),
            place,
            kind,
            why,
        }
    }

    /// `FILE: PLACE (WHY)`, the text after `error: `.
    pub fn describe(&self, lang: Lang) -> String {
        format!(
            "{}: {} ({})",
            self.file,
            self.place.describe(lang),
            self.why.get(lang)
        )
    }
}

impl fmt::Display for OscalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for OscalError {}
