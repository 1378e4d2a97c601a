//! The document and its elements: the model's one key at the root, and an element as a map of
//! its attributes and content.

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::forward_to_deserialize_any;

use super::super::shapes::Shape;
use super::super::tree::Tag;
use super::Error;
use super::members::{FieldMembers, Members, Pending, read_key};
use super::prose::Prose;
use super::reader::Reader;

/// The document: one key, the model's, holding the root element.
pub(super) struct Root<'r, 't> {
    pub(super) element: ElementValue<'r, 't>,
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

pub(super) struct RootMembers<'r, 't> {
    pub(super) element: Option<ElementValue<'r, 't>>,
}

impl<'de> MapAccess<'de> for RootMembers<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        read_key(
            seed,
            self.element.as_ref().map(|element| element.shape.key()),
        )
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
pub(super) struct ElementValue<'r, 't> {
    pub(super) reader: &'r mut Reader<'t>,
    pub(super) tag: Tag<'t>,
    pub(super) at: usize,
    pub(super) shape: &'static Shape,
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
                let flags = reader.flags(&tag, flags, at);
                let mut members = Members {
                    reader: &mut *reader,
                    tag,
                    flags,
                    children,
                    prose_slot: children.iter().position(|child| child.unwrapped),
                    prose: Prose::None,
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
                let flags = reader.flags(&tag, flags, at);
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

    present_value_methods!('de);
}
