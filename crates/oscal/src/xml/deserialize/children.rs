//! A child element read as its shape says, and a run of repeated elements read as one array.

use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;

use super::super::attributes::same_name;
use super::super::shapes::{ChildShape, Target};
use super::super::tree::{Tag, Token, is_blank};
use super::Error;
use super::document::ElementValue;
use super::reader::Reader;

/// A child element just opened, read as its shape says: an element of its own definition, or
/// a value alone.
pub(super) struct ChildValue<'r, 't> {
    pub(super) reader: &'r mut Reader<'t>,
    pub(super) tag: Tag<'t>,
    pub(super) at: usize,
    pub(super) shape: &'static ChildShape,
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

    present_value_methods!('de);
}

/// The members of one array: a run of repeated elements standing together, or the children of
/// the wrapper that groups them.
pub(super) struct Run<'r, 't> {
    pub(super) reader: &'r mut Reader<'t>,
    /// The first member, already opened (none in a wrapper).
    pub(super) first: Option<(Tag<'t>, usize)>,
    pub(super) shape: &'static ChildShape,
    pub(super) wrapped: bool,
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

    present_value_methods!('de);
}

pub(super) struct RunMembers<'r, 't> {
    pub(super) reader: &'r mut Reader<'t>,
    pub(super) first: Option<(Tag<'t>, usize)>,
    pub(super) shape: &'static ChildShape,
    pub(super) wrapped: bool,
    pub(super) ended: bool,
}

impl<'t> RunMembers<'_, 't> {
    /// The next member's start, or `None` where the run ends.
    pub(super) fn next_member(&mut self) -> Result<Option<(Tag<'t>, usize)>, Error> {
        if let Some(first) = self.first.take() {
            return Ok(Some(first));
        }
        if self.ended {
            return Ok(None);
        }
        let wrapper = self.shape.json_key.as_str();
        loop {
            let token = self.reader.next_past_indentation()?;
            match token {
                Token::Text(text) if is_blank(&text) => continue,
                Token::Open(tag) if same_name(tag.name(), &self.shape.element) => {
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
