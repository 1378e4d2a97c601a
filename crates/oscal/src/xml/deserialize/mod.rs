//! OSCAL XML read straight into serde types (the typed models, or a JSON `Value` for validation
//! and conversion) in one pass over the document's tokens, as the models' shapes say: attributes
//! become keys, repeated elements become arrays under their group's name, prose becomes
//! Markdown. Nothing stands in between (no tree, no JSON text), so typing a document costs
//! little more than tokenising it; only prose is gathered into a tree, to become Markdown.

use std::fmt;

use serde::de::{self, DeserializeOwned};
use serde_json::Value;
use shinrai_domain::text::Bilingual;

use super::markup::MarkupError;
use super::shapes::shapes;
use super::tree::{ParseError, Position, Tokenizer, after_root, first_element};
use crate::error::ErrorKind;
use crate::model::misfit::misfit;

/// The methods every deserializer of a value that is there shares: an `Option` reads as `Some`,
/// a newtype wraps the value, and everything else is read by `deserialize_any`.
macro_rules! present_value_methods {
    ($de:lifetime) => {
        fn deserialize_option<V: Visitor<$de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.visit_some(self)
        }

        fn deserialize_newtype_struct<V: Visitor<$de>>(
            self,
            _name: &'static str,
            visitor: V,
        ) -> Result<V::Value, Error> {
            visitor.visit_newtype_struct(self)
        }

        forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
        }
    };
}

mod children;
mod document;
mod members;
mod prose;
mod reader;
mod scalar;

use document::{ElementValue, Root};
use reader::Reader;

/// Why an XML text is not an OSCAL document, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadProblem {
    pub at: Position,
    pub why: Bilingual,
    pub kind: ErrorKind,
}

impl ReadProblem {
    fn model(at: Position, why: Bilingual) -> ReadProblem {
        ReadProblem {
            at,
            why,
            kind: ErrorKind::Model,
        }
    }
}

impl From<ParseError> for ReadProblem {
    fn from(error: ParseError) -> ReadProblem {
        ReadProblem {
            at: error.at,
            why: error.why,
            kind: error.kind,
        }
    }
}

/// Reads an OSCAL XML document as its JSON form, `{"<model>": {…}}`.
pub fn xml_to_value(text: &str) -> Result<Value, ReadProblem> {
    from_xml(text)
}

/// Reads an OSCAL XML document into any type that reads its JSON form.
pub fn from_xml<T: DeserializeOwned>(text: &str) -> Result<T, ReadProblem> {
    read(text, true)
}

/// Reads a document, plain prose written straight from the tokens or (`straight_prose` false,
/// for tests that hold the two ways to one result) every piece of prose read as a tree.
fn read<T: DeserializeOwned>(text: &str, straight_prose: bool) -> Result<T, ReadProblem> {
    let shapes = shapes().map_err(|detail| {
        ReadProblem::model(
            Position::default(),
            Bilingual::new(
                format!("XML の対応表が壊れています: {detail}"),
                format!("the XML shape table is broken: {detail}"),
            ),
        )
    })?;
    let mut tokens = Tokenizer::new(text);
    let root = first_element(&mut tokens)?;
    let Some((_, shape)) = shapes.root(root.name()) else {
        let name = root.name();
        return Err(ReadProblem {
            at: tokens.here(),
            why: Bilingual::new(
                format!("<{name}> は OSCAL のモデルのルート要素ではありません"),
                format!("<{name}> is not the root element of an OSCAL model"),
            ),
            kind: ErrorKind::NotOscal,
        });
    };
    let at = tokens.offset;
    let mut reader = Reader {
        shapes,
        tokens,
        peeked: None,
        prose_buffer: String::new(),
        straight_prose,
    };
    let document = Root {
        element: ElementValue {
            reader: &mut reader,
            tag: root,
            at,
            shape,
        },
    };
    let value = T::deserialize(document).map_err(|error| *error.problem)?;
    after_root(&mut reader.tokens)?;
    Ok(value)
}

/// A problem met while reading, and whether it has a place yet: the models' own complaints (a
/// missing field, say) come without one and take that of the element they are about.
#[derive(Debug)]
pub struct Error {
    /// Boxed: every value read passes back through a `Result` of this type, which stays small.
    problem: Box<ReadProblem>,
    placed: bool,
}

impl Error {
    fn at(at: Position, why: Bilingual) -> Error {
        Error {
            problem: Box::new(ReadProblem::model(at, why)),
            placed: true,
        }
    }

    fn placed_at(mut self, reader: &Reader<'_>, at: usize) -> Error {
        if !self.placed {
            self.problem.at = reader.tokens.position(at);
            self.placed = true;
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.problem.why.en)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error {
            problem: Box::new(ReadProblem::model(
                Position::default(),
                misfit(&message.to_string()),
            )),
            placed: false,
        }
    }
}

impl From<ParseError> for Error {
    fn from(error: ParseError) -> Error {
        Error {
            problem: Box::new(error.into()),
            placed: true,
        }
    }
}

impl From<MarkupError> for Error {
    fn from(error: MarkupError) -> Error {
        Error::at(error.at, error.why)
    }
}

#[cfg(test)]
mod tests;
