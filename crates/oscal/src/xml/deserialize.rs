//! OSCAL XML read straight into serde types (the typed models, or a JSON `Value` for validation
//! and conversion) in one pass over the document's tokens, as the models' shapes say: attributes
//! become keys, repeated elements become arrays under their group's name, prose becomes
//! Markdown. Nothing stands in between (no tree, no JSON text), so typing a document costs
//! little more than tokenising it; only prose is gathered into a tree, to become Markdown.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Number, Value};
use shinrai_domain::text::Bilingual;

use super::markup::{self, MarkupError};
use super::shapes::{ChildShape, FlagShape, Shape, Shapes, Target, ValueType, shapes};
use super::tree::{
    ContentAttributes, Node, ParseError, Position, Tag, Token, Tokenizer, after_root,
    first_element, is_blank, syntax,
};
use crate::error::ErrorKind;

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
    };
    let document = Root {
        element: ElementValue {
            reader: &mut reader,
            tag: root,
            at,
            shape,
        },
    };
    let value = T::deserialize(document).map_err(|error| error.problem)?;
    after_root(&mut reader.tokens)?;
    Ok(value)
}

/// A problem met while reading, and whether it has a place yet: the models' own complaints (a
/// missing field, say) come without one and take that of the element they are about.
#[derive(Debug)]
pub struct Error {
    problem: ReadProblem,
    placed: bool,
}

impl Error {
    fn at(at: Position, why: Bilingual) -> Error {
        Error {
            problem: ReadProblem::model(at, why),
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
            problem: ReadProblem::model(
                Position::default(),
                Bilingual::new(
                    format!("OSCAL のモデルに合いません: {message}"),
                    format!("does not fit the OSCAL model: {message}"),
                ),
            ),
            placed: false,
        }
    }
}

impl From<ParseError> for Error {
    fn from(error: ParseError) -> Error {
        Error {
            problem: error.into(),
            placed: true,
        }
    }
}

impl From<MarkupError> for Error {
    fn from(error: MarkupError) -> Error {
        Error::at(error.at, error.why)
    }
}

/// The tokens, with one that may have been read ahead: a run of repeated elements ends only
/// where something else starts.
struct Reader<'t> {
    shapes: &'static Shapes,
    tokens: Tokenizer<'t>,
    peeked: Option<(Token<'t>, usize)>,
}

impl<'t> Reader<'t> {
    fn next(&mut self) -> Result<Token<'t>, Error> {
        if let Some((token, offset)) = self.peeked.take() {
            self.tokens.offset = offset;
            return Ok(token);
        }
        Ok(self.tokens.next()?)
    }

    /// Gives back the token just read, to be read again next.
    fn put_back(&mut self, token: Token<'t>) {
        self.peeked = Some((token, self.tokens.offset));
    }

    fn here(&self) -> Position {
        self.tokens.here()
    }

    fn shape(&self, index: usize) -> Result<&'static Shape, Error> {
        self.shapes.get(index).ok_or_else(|| {
            Error::at(
                self.here(),
                Bilingual::new(
                    "XML の対応表に定義がありません",
                    "the XML shape table lacks a definition",
                ),
            )
        })
    }

    /// The attributes of a tag, to be typed one by one as the element's reader asks for them.
    fn flags(
        &self,
        tag: &Tag<'t>,
        shapes: &'static [FlagShape],
        at: usize,
    ) -> Result<Flags<'t>, Error> {
        Ok(Flags {
            attributes: tag
                .attributes()
                .map_err(|detail| Error::from(syntax(self.here(), &detail)))?,
            shapes,
            element: tag.name(),
            at,
        })
    }

    /// Refuses attributes on an element that holds a value alone or wraps a group.
    fn no_attributes(&self, tag: &Tag<'_>, at: usize) -> Result<(), Error> {
        let mut attributes = tag
            .attributes()
            .map_err(|detail| Error::from(syntax(self.here(), &detail)))?;
        match attributes.next() {
            Some((key, _)) => Err(self.no_attribute(tag.name(), key, at)),
            None => Ok(()),
        }
    }

    /// The content of an element just opened, up to its end, as a value of its type. Most
    /// values are plain text, gathered directly; a tree is built only when an element turns up
    /// inside.
    fn value(&mut self, name: &str, value_type: ValueType, at: usize) -> Result<Scalar<'t>, Error> {
        let mut text: Cow<'t, str> = Cow::Borrowed("");
        let content = loop {
            match self.next()? {
                Token::Text(part) if text.is_empty() => text = part,
                Token::Text(part) => text.to_mut().push_str(&part),
                Token::Close => break None,
                Token::Eof => return Err(self.unexpected_end()),
                Token::Open(inner) => {
                    let mut content = Vec::new();
                    if !text.is_empty() {
                        content.push(Node::Text(std::mem::take(&mut text).into_owned()));
                    }
                    content.push(Node::Element(self.tokens.element(&inner)?));
                    content.extend(self.tokens.children()?);
                    break Some(content);
                }
            }
        };
        let markdown = match (value_type, content) {
            (ValueType::MarkupLine, None) => markup::text_line_to_markdown(&text),
            (ValueType::MarkupLine, Some(content)) => markup::line_to_markdown(&content)?,
            (ValueType::MarkupMultiline, content) => markup::multiline_to_markdown(
                &content.unwrap_or_else(|| vec![Node::Text(text.into_owned())]),
            )?,
            (_, Some(content)) => {
                let inner = content.iter().find_map(|node| match node {
                    Node::Element(inner) => Some(inner),
                    Node::Text(_) => None,
                });
                let (inner_name, inner_at) = inner
                    .map(|inner| (inner.name.as_str(), inner.at))
                    .unwrap_or(("?", Position::default()));
                return Err(Error::at(
                    inner_at,
                    Bilingual::new(
                        format!("<{name}> の中に <{inner_name}> は置けません"),
                        format!("<{inner_name}> is not allowed in <{name}>"),
                    ),
                ));
            }
            (_, None) => {
                return Scalar::of(text, value_type)
                    .map_err(|text| self.bad_value(name, name, &text, at));
            }
        };
        Ok(Scalar::Text(Cow::Owned(markdown)))
    }

    fn no_attribute(&self, name: &str, attribute: &str, at: usize) -> Error {
        Error::at(
            self.tokens.position(at),
            Bilingual::new(
                format!("<{name}> に属性 {attribute} はありません"),
                format!("<{name}> has no attribute {attribute} in OSCAL"),
            ),
        )
    }

    fn bad_value(&self, name: &str, what: &str, text: &str, at: usize) -> Error {
        Error::at(
            self.tokens.position(at),
            Bilingual::new(
                format!("<{name}> の {what} の値 {text:?} は型に合いません"),
                format!("<{name}> {what}: {text:?} is not of the expected type"),
            ),
        )
    }

    fn not_allowed(&self, child: &str, parent: &str) -> Error {
        Error::at(
            self.here(),
            Bilingual::new(
                format!("<{parent}> の中に <{child}> は置けません"),
                format!("<{child}> is not allowed in <{parent}>"),
            ),
        )
    }

    fn stray_text(&self, name: &str) -> Error {
        Error::at(
            self.here(),
            Bilingual::new(
                format!("<{name}> の中に直接テキストは置けません"),
                format!("<{name}> cannot hold text directly"),
            ),
        )
    }

    fn unexpected_end(&self) -> Error {
        Error::at(
            self.here(),
            Bilingual::new(
                "要素の途中で文書が終わっています",
                "the document ends inside an element",
            ),
        )
    }
}

/// The attributes of an element, each typed as its definition says when asked for; one the
/// definition lacks is refused, since it would be lost.
struct Flags<'t> {
    attributes: ContentAttributes<'t>,
    shapes: &'static [FlagShape],
    element: &'t str,
    at: usize,
}

impl<'t> Flags<'t> {
    fn next(&mut self, reader: &Reader<'t>) -> Result<Option<(&'static str, Scalar<'t>)>, Error> {
        let Some((key, text)) = self.attributes.next() else {
            return Ok(None);
        };
        let Some(flag) = self.shapes.iter().find(|flag| flag.name == key) else {
            return Err(reader.no_attribute(self.element, key, self.at));
        };
        let value = Scalar::of(text, flag.value_type)
            .map_err(|text| reader.bad_value(self.element, &format!("@{key}"), &text, self.at))?;
        Ok(Some((flag.name.as_str(), value)))
    }
}

/// A value of one of OSCAL's types: numbers and booleans as such, everything else as a string.
#[derive(Debug)]
enum Scalar<'t> {
    Text(Cow<'t, str>),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Bool(bool),
}

impl<'t> Scalar<'t> {
    /// The text as a value of the type; the text back when it is not one.
    fn of(text: Cow<'t, str>, value_type: ValueType) -> Result<Scalar<'t>, Cow<'t, str>> {
        let trimmed = text.trim();
        let value = match value_type {
            ValueType::Text | ValueType::MarkupLine | ValueType::MarkupMultiline => {
                return Ok(Scalar::Text(text));
            }
            ValueType::Integer => trimmed
                .strip_prefix('+')
                .unwrap_or(trimmed)
                .parse::<i64>()
                .ok()
                .map(Scalar::integer),
            ValueType::Decimal => serde_json::from_str::<Number>(trimmed)
                .ok()
                .or_else(|| trimmed.parse::<f64>().ok().and_then(Number::from_f64))
                .map(Scalar::number),
            ValueType::Boolean => match trimmed {
                "true" | "1" => Some(Scalar::Bool(true)),
                "false" | "0" => Some(Scalar::Bool(false)),
                _ => None,
            },
        };
        value.ok_or(text)
    }

    fn integer(number: i64) -> Scalar<'t> {
        u64::try_from(number).map_or(Scalar::Signed(number), Scalar::Unsigned)
    }

    /// As JSON reads a number: a whole number as an integer, anything else as a float.
    fn number(number: Number) -> Scalar<'t> {
        if let Some(unsigned) = number.as_u64() {
            Scalar::Unsigned(unsigned)
        } else if let Some(signed) = number.as_i64() {
            Scalar::Signed(signed)
        } else {
            Scalar::Float(number.as_f64().unwrap_or_default())
        }
    }
}

impl<'de> de::Deserializer<'de> for Scalar<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Scalar::Text(Cow::Borrowed(text)) => visitor.visit_borrowed_str(text),
            Scalar::Text(Cow::Owned(text)) => visitor.visit_string(text),
            Scalar::Unsigned(number) => visitor.visit_u64(number),
            Scalar::Signed(number) => visitor.visit_i64(number),
            Scalar::Float(number) => visitor.visit_f64(number),
            Scalar::Bool(value) => visitor.visit_bool(value),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
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
}

/// The document: one key, the model's, holding the root element.
struct Root<'r, 't> {
    element: ElementValue<'r, 't>,
}

impl<'de> de::Deserializer<'de> for Root<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(RootMembers {
            element: Some(self.element),
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct RootMembers<'r, 't> {
    element: Option<ElementValue<'r, 't>>,
}

impl<'de> MapAccess<'de> for RootMembers<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match &self.element {
            Some(element) => seed
                .deserialize(BorrowedStrDeserializer::new(element.shape.key()))
                .map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        match self.element.take() {
            Some(element) => seed.deserialize(element),
            None => Err(de::Error::custom("a value was asked for before its key")),
        }
    }
}

/// An element just opened whose definition is an assembly or a field with attributes: a map of
/// its attributes and its content.
struct ElementValue<'r, 't> {
    reader: &'r mut Reader<'t>,
    tag: Tag<'t>,
    at: usize,
    shape: &'static Shape,
}

impl<'de> de::Deserializer<'de> for ElementValue<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let ElementValue {
            reader,
            tag,
            at,
            shape,
        } = self;
        let result = match shape {
            Shape::Assembly {
                flags, children, ..
            } => {
                let flags = reader.flags(&tag, flags, at)?;
                let mut members = Members {
                    reader: &mut *reader,
                    tag,
                    flags,
                    children,
                    prose_slot: children.iter().position(|child| child.unwrapped),
                    prose: Vec::new(),
                    written: 0,
                    pending: Pending::Nothing,
                    closed: false,
                };
                visitor
                    .visit_map(&mut members)
                    .and_then(|value| members.finish().map(|()| value))
            }
            Shape::Field {
                value_type,
                value_key,
                flags,
                ..
            } => {
                let flags = reader.flags(&tag, flags, at)?;
                let mut members = FieldMembers {
                    reader: &mut *reader,
                    tag,
                    at,
                    flags,
                    value_key,
                    value_type: *value_type,
                    value_read: false,
                    pending: None,
                };
                visitor
                    .visit_map(&mut members)
                    .and_then(|value| members.finish().map(|()| value))
            }
        };
        result.map_err(|error| error.placed_at(reader, at))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
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
}

/// What the key just given holds, to be read as its value.
enum Pending<'t> {
    Nothing,
    Flag(Scalar<'t>),
    Prose(String),
    /// A child element just opened, in this slot of its parent's shape.
    Child {
        tag: Tag<'t>,
        at: usize,
        slot: usize,
    },
    /// A wrapper just opened whose children are the members of one array (`<revisions>`).
    Group {
        slot: usize,
    },
}

/// The members of an assembly: its attributes, then its children in document order, each run of
/// repeats one array; prose is gathered and written where it stood.
struct Members<'r, 't> {
    reader: &'r mut Reader<'t>,
    tag: Tag<'t>,
    flags: Flags<'t>,
    children: &'static [ChildShape],
    prose_slot: Option<usize>,
    prose: Vec<Node>,
    /// The slots already written, one bit each: JSON holds each key once.
    written: u64,
    pending: Pending<'t>,
    closed: bool,
}

impl<'t> Members<'_, 't> {
    fn next_member(&mut self) -> Result<Option<&'static str>, Error> {
        if let Some((name, value)) = self.flags.next(self.reader)? {
            self.pending = Pending::Flag(value);
            return Ok(Some(name));
        }
        if self.closed {
            return Ok(None);
        }
        loop {
            let child = match self.reader.next()? {
                Token::Close => {
                    self.closed = true;
                    return self.flush_prose();
                }
                Token::Eof => return Err(self.reader.unexpected_end()),
                Token::Text(text) if is_blank(&text) => continue,
                Token::Text(_) => return Err(self.reader.stray_text(self.tag.name())),
                Token::Open(child) => child,
            };
            let at = self.reader.tokens.offset;
            let name = child.name();
            if self.prose_slot.is_some() && markup::is_block_element(name) {
                let element = self.reader.tokens.element(&child)?;
                self.prose.push(Node::Element(element));
                continue;
            }
            if !self.prose.is_empty() {
                // Prose is written where it stood: before the parts that follow it.
                self.reader.put_back(Token::Open(child));
                return self.flush_prose();
            }
            let children = self.children;
            if let Some(slot) = children
                .iter()
                .position(|shape| shape.grouped && shape.json_key == name)
            {
                self.reader.no_attributes(&child, at)?;
                self.start(slot)?;
                self.pending = Pending::Group { slot };
                return Ok(children.get(slot).map(|shape| shape.json_key.as_str()));
            }
            let Some(slot) = children
                .iter()
                .position(|shape| !shape.grouped && !shape.unwrapped && shape.element == name)
            else {
                return Err(self.reader.not_allowed(name, self.tag.name()));
            };
            self.start(slot)?;
            self.pending = Pending::Child {
                tag: child,
                at,
                slot,
            };
            return Ok(children.get(slot).map(|shape| shape.json_key.as_str()));
        }
    }

    /// The prose gathered so far, as Markdown under its key; `None` when there is none.
    fn flush_prose(&mut self) -> Result<Option<&'static str>, Error> {
        if self.prose.is_empty() {
            return Ok(None);
        }
        let Some(slot) = self.prose_slot else {
            return Ok(None);
        };
        if self.written & (1 << slot) != 0 {
            return Err(Error::at(
                self.reader.here(),
                Bilingual::new(
                    "本文が他の要素で分断されています (OSCAL の順序ではまとめて置きます)",
                    "prose is split by other elements (OSCAL's order keeps it together)",
                ),
            ));
        }
        self.written |= 1 << slot;
        let markdown = markup::multiline_to_markdown(&std::mem::take(&mut self.prose))?;
        self.pending = Pending::Prose(markdown);
        Ok(self.children.get(slot).map(|shape| shape.json_key.as_str()))
    }

    /// Marks a slot written; a second start is refused, since JSON holds each key once and
    /// repeats must stand together, as OSCAL's order has them.
    fn start(&mut self, slot: usize) -> Result<(), Error> {
        let bit = 1u64 << slot;
        if self.written & bit == 0 {
            self.written |= bit;
            return Ok(());
        }
        let parent = self.tag.name();
        let element = self
            .children
            .get(slot)
            .map_or("?", |shape| shape.element.as_str());
        let (ja, en) = if self.children.get(slot).is_some_and(|shape| shape.many) {
            (
                "離れた位置にもあります (OSCAL の順序ではまとめて置きます)",
                "appears apart from the others of its kind (OSCAL's order keeps them together)",
            )
        } else {
            ("二つ以上あります", "appears more than once")
        };
        Err(Error::at(
            self.reader.here(),
            Bilingual::new(
                format!("<{parent}> の中に <{element}> が{ja}"),
                format!("<{element}> {en} in <{parent}>"),
            ),
        ))
    }

    fn value<S: DeserializeSeed<'t>>(&mut self, seed: S) -> Result<S::Value, Error> {
        match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::Flag(value) => seed.deserialize(value),
            Pending::Prose(markdown) => seed.deserialize(Scalar::Text(Cow::Owned(markdown))),
            Pending::Child { tag, at, slot } => {
                let shape = self.slot(slot)?;
                if shape.many {
                    seed.deserialize(Run {
                        reader: &mut *self.reader,
                        first: Some((tag, at)),
                        shape,
                        wrapped: false,
                    })
                } else {
                    seed.deserialize(ChildValue {
                        reader: &mut *self.reader,
                        tag,
                        at,
                        shape,
                    })
                }
            }
            Pending::Group { slot } => {
                let shape = self.slot(slot)?;
                seed.deserialize(Run {
                    reader: &mut *self.reader,
                    first: None,
                    shape,
                    wrapped: true,
                })
            }
            Pending::Nothing => Err(de::Error::custom("a value was asked for before its key")),
        }
    }

    fn slot(&self, slot: usize) -> Result<&'static ChildShape, Error> {
        let children: &'static [ChildShape] = self.children;
        children
            .get(slot)
            .ok_or_else(|| self.reader.not_allowed("?", self.tag.name()))
    }

    /// Reads whatever the visitor left unread, so that the document goes on after this element.
    fn finish(&mut self) -> Result<(), Error> {
        if !matches!(self.pending, Pending::Nothing) {
            self.value(PhantomData::<IgnoredAny>)?;
        }
        while self.next_member()?.is_some() {
            self.value(PhantomData::<IgnoredAny>)?;
        }
        Ok(())
    }
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.next_member()? {
            Some(key) => seed
                .deserialize(BorrowedStrDeserializer::new(key))
                .map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        self.value(seed)
    }
}

/// The members of a field with attributes: the attributes, then its value under its key.
struct FieldMembers<'r, 't> {
    reader: &'r mut Reader<'t>,
    tag: Tag<'t>,
    at: usize,
    flags: Flags<'t>,
    value_key: &'static str,
    value_type: ValueType,
    value_read: bool,
    pending: Option<Scalar<'t>>,
}

impl<'t> FieldMembers<'_, 't> {
    fn next_member(&mut self) -> Result<Option<&'static str>, Error> {
        if let Some((name, value)) = self.flags.next(self.reader)? {
            self.pending = Some(value);
            return Ok(Some(name));
        }
        if self.value_read {
            return Ok(None);
        }
        self.value_read = true;
        self.pending = Some(
            self.reader
                .value(self.tag.name(), self.value_type, self.at)?,
        );
        Ok(Some(self.value_key))
    }

    fn finish(&mut self) -> Result<(), Error> {
        while self.next_member()?.is_some() {}
        Ok(())
    }
}

impl<'de> MapAccess<'de> for FieldMembers<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.next_member()? {
            Some(key) => seed
                .deserialize(BorrowedStrDeserializer::new(key))
                .map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        match self.pending.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom("a value was asked for before its key")),
        }
    }
}

/// A child element just opened, read as its shape says: an element of its own definition, or
/// a value alone.
struct ChildValue<'r, 't> {
    reader: &'r mut Reader<'t>,
    tag: Tag<'t>,
    at: usize,
    shape: &'static ChildShape,
}

impl<'de> de::Deserializer<'de> for ChildValue<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let ChildValue {
            reader,
            tag,
            at,
            shape,
        } = self;
        match shape.target {
            Target::Definition(index) => {
                let shape = reader.shape(index)?;
                ElementValue {
                    reader,
                    tag,
                    at,
                    shape,
                }
                .deserialize_any(visitor)
            }
            Target::Value(value_type) => {
                reader.no_attributes(&tag, at)?;
                let value = reader.value(tag.name(), value_type, at)?;
                value
                    .deserialize_any(visitor)
                    .map_err(|error| error.placed_at(reader, at))
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
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
}

/// The members of one array: a run of repeated elements standing together, or the children of
/// the wrapper that groups them.
struct Run<'r, 't> {
    reader: &'r mut Reader<'t>,
    /// The first member, already opened (none in a wrapper).
    first: Option<(Tag<'t>, usize)>,
    shape: &'static ChildShape,
    wrapped: bool,
}

impl<'de> de::Deserializer<'de> for Run<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let mut run = RunMembers {
            reader: self.reader,
            first: self.first,
            shape: self.shape,
            wrapped: self.wrapped,
            ended: false,
        };
        let value = visitor.visit_seq(&mut run)?;
        while run.next_element_seed(PhantomData::<IgnoredAny>)?.is_some() {}
        Ok(value)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
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
}

struct RunMembers<'r, 't> {
    reader: &'r mut Reader<'t>,
    first: Option<(Tag<'t>, usize)>,
    shape: &'static ChildShape,
    wrapped: bool,
    ended: bool,
}

impl<'t> RunMembers<'_, 't> {
    /// The next member's start, or `None` where the run ends.
    fn next_member(&mut self) -> Result<Option<(Tag<'t>, usize)>, Error> {
        if let Some(first) = self.first.take() {
            return Ok(Some(first));
        }
        if self.ended {
            return Ok(None);
        }
        let wrapper = self.shape.json_key.as_str();
        loop {
            let token = self.reader.next()?;
            match token {
                Token::Text(text) if is_blank(&text) => continue,
                Token::Open(tag) if tag.name() == self.shape.element => {
                    return Ok(Some((tag, self.reader.tokens.offset)));
                }
                // Outside a wrapper, whatever is not the next member belongs to the parent.
                other if !self.wrapped => {
                    self.reader.put_back(other);
                    self.ended = true;
                    return Ok(None);
                }
                Token::Close => {
                    self.ended = true;
                    return Ok(None);
                }
                Token::Eof => return Err(self.reader.unexpected_end()),
                Token::Text(_) => return Err(self.reader.stray_text(wrapper)),
                Token::Open(other) => return Err(self.reader.not_allowed(other.name(), wrapper)),
            }
        }
    }
}

impl<'de> SeqAccess<'de> for RunMembers<'_, 'de> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        match self.next_member()? {
            Some((tag, at)) => seed
                .deserialize(ChildValue {
                    reader: &mut *self.reader,
                    tag,
                    at,
                    shape: self.shape,
                })
                .map(Some),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RootObject;
    use crate::xml::tree::OSCAL_NAMESPACE;

    fn catalog(attributes: &str, body: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<catalog xmlns=\"{OSCAL_NAMESPACE}\"{attributes}>\n\
             <metadata><title>T</title><last-modified>2026-01-01T00:00:00Z</last-modified>\
             <version>1</version><oscal-version>1.1.2</oscal-version></metadata>\n{body}\n</catalog>\n"
        )
    }

    #[test]
    fn reads_the_json_form_with_arrays_numbers_and_prose() {
        let text = catalog(
            " uuid=\"u\"",
            "<param id=\"p\"><select how-many=\"one\"><choice>a</choice><choice>b</choice></select></param>\
             <control id=\"c-1\" class=\"x\"><title>C <em>one</em></title>\
             <prop name=\"n\" value=\"1\"/><prop name=\"m\" value=\"2\"/>\
             <part id=\"c-1_smt\" name=\"statement\"><p>First.</p><p>Second <insert type=\"param\" id-ref=\"p\"/>.</p></part>\
             </control>",
        );
        let value = xml_to_value(&text).unwrap();
        let control = &value["catalog"]["controls"][0];
        assert_eq!(control["title"], "C *one*");
        assert_eq!(control["props"][1]["value"], "2");
        assert_eq!(
            control["parts"][0]["prose"],
            "First.\n\nSecond {{ insert: param, p }}."
        );
        assert_eq!(value["catalog"]["params"][0]["select"]["choice"][1], "b");
        let typed: RootObject = from_xml(&text).unwrap();
        let typed = typed.catalog.unwrap();
        assert_eq!(typed.uuid, "u");
        assert_eq!(typed.control_ids(), ["c-1"]);
    }

    #[test]
    fn a_model_error_is_placed_at_its_element() {
        let error = from_xml::<RootObject>(&catalog("", "")).unwrap_err();
        assert_eq!(error.kind, ErrorKind::Model);
        assert_eq!(error.at, Position { line: 2, column: 1 }, "{error:?}");
        assert!(error.why.en.contains("missing field `uuid`"), "{error:?}");
    }

    #[test]
    fn repeats_apart_and_unknown_elements_are_refused() {
        let apart = catalog(
            " uuid=\"u\"",
            "<param id=\"a\"/><control id=\"c\"><title>C</title></control><param id=\"b\"/>",
        );
        let error = xml_to_value(&apart).unwrap_err();
        assert!(error.why.en.contains("apart"), "{error:?}");
        assert_eq!(error.at.line, 4, "{error:?}");
        let unknown = catalog(" uuid=\"u\"", "<nonsense/>");
        let error = xml_to_value(&unknown).unwrap_err();
        assert!(
            error
                .why
                .en
                .contains("<nonsense> is not allowed in <catalog>"),
            "{error:?}"
        );
    }

    #[test]
    fn a_reader_that_skips_everything_still_reads_to_the_end() {
        let text = catalog(
            " uuid=\"u\"",
            "<control id=\"c\"><title>C</title></control>",
        );
        assert!(from_xml::<IgnoredAny>(&text).is_ok());
        let broken = format!("{text}<extra/>");
        assert!(from_xml::<IgnoredAny>(&broken).is_err());
    }
}
