//! The members of an assembly or a field with attributes, in document order.

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess};
use shinrai_domain::text::Bilingual;

use super::super::attributes::same_name;
use super::super::markup::{self, Paragraphs};
use super::super::shapes::{ChildShape, ValueType};
use super::super::tree::{Node, Tag, Token, is_blank};
use super::Error;
use super::children::{ChildValue, Run};
use super::prose::{self, Prose};
use super::reader::{Flags, Reader};
use super::scalar::Scalar;

/// What the key just given holds, to be read as its value.
pub(super) enum Pending<'t> {
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
pub(super) struct Members<'r, 't> {
    pub(super) reader: &'r mut Reader<'t>,
    pub(super) tag: Tag<'t>,
    pub(super) flags: Flags<'t>,
    pub(super) children: &'static [ChildShape],
    pub(super) prose_slot: Option<usize>,
    pub(super) prose: Prose<'t>,
    /// The slots already written, one bit each: JSON holds each key once.
    pub(super) written: u64,
    pub(super) pending: Pending<'t>,
    pub(super) closed: bool,
}

impl<'t> Members<'_, 't> {
    pub(super) fn next_member(&mut self) -> Result<Option<&'static str>, Error> {
        if let Some((name, value)) = self.flags.next(self.reader)? {
            self.pending = Pending::Flag(value);
            return Ok(Some(name));
        }
        if self.closed {
            return Ok(None);
        }
        loop {
            let child = match self.reader.next_past_indentation()? {
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
                self.read_block(child)?;
                continue;
            }
            if !matches!(self.prose, Prose::None) {
                // Prose is written where it stood: before the parts that follow it.
                self.reader.put_back(Token::Open(child));
                return self.flush_prose();
            }
            let children = self.children;
            if let Some(slot) = children
                .iter()
                .position(|shape| shape.grouped && same_name(&shape.json_key, name))
            {
                self.reader.no_attributes(&child, at)?;
                self.start(slot)?;
                self.pending = Pending::Group { slot };
                return Ok(children.get(slot).map(|shape| shape.json_key.as_str()));
            }
            let Some(slot) = children.iter().position(|shape| {
                !shape.grouped && !shape.unwrapped && same_name(&shape.element, name)
            }) else {
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

    /// A block of prose just opened: written straight as Markdown while the prose is plain
    /// paragraphs, else read as a tree. Where plain prose meets a block that is not, the
    /// tokens go back to its first block and the blocks are read again as trees.
    fn read_block(&mut self, block: Tag<'t>) -> Result<(), Error> {
        let (first, mut writer) = match std::mem::replace(&mut self.prose, Prose::None) {
            Prose::Tree(mut nodes) => {
                nodes.push(Node::Element(self.reader.tokens.element(&block)?));
                self.prose = Prose::Tree(nodes);
                return Ok(());
            }
            Prose::None if !self.reader.straight_prose => {
                let element = self.reader.tokens.element(&block)?;
                self.prose = Prose::Tree(vec![Node::Element(element)]);
                return Ok(());
            }
            Prose::None => {
                let buffer = std::mem::take(&mut self.reader.prose_buffer);
                (self.reader.tokens.mark(block), Paragraphs::reusing(buffer))
            }
            Prose::Plain { first, writer } => (first, writer),
        };
        let tokens = &mut self.reader.tokens;
        self.prose = if prose::paragraph(tokens, &block, &mut writer) {
            Prose::Plain { first, writer }
        } else {
            // From the first block again, as trees; the blocks after it come again through
            // `next_member`.
            let first = tokens.rewind(first)?;
            Prose::Tree(vec![Node::Element(tokens.element(&first)?)])
        };
        Ok(())
    }

    /// The prose gathered so far, as Markdown under its key; `None` when there is none.
    pub(super) fn flush_prose(&mut self) -> Result<Option<&'static str>, Error> {
        if matches!(self.prose, Prose::None) {
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
        let markdown = match std::mem::replace(&mut self.prose, Prose::None) {
            Prose::None => String::new(),
            Prose::Plain { writer, .. } => {
                let (markdown, buffer) = writer.finish_reusing();
                self.reader.prose_buffer = buffer;
                markdown
            }
            Prose::Tree(nodes) => markup::multiline_to_markdown(&nodes)?,
        };
        self.pending = Pending::Prose(markdown);
        Ok(self.children.get(slot).map(|shape| shape.json_key.as_str()))
    }

    /// Marks a slot written; a second start is refused, since JSON holds each key once and
    /// repeats must stand together, as OSCAL's order has them.
    pub(super) fn start(&mut self, slot: usize) -> Result<(), Error> {
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

    pub(super) fn value<S: DeserializeSeed<'t>>(&mut self, seed: S) -> Result<S::Value, Error> {
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

    pub(super) fn slot(&self, slot: usize) -> Result<&'static ChildShape, Error> {
        let children: &'static [ChildShape] = self.children;
        children
            .get(slot)
            .ok_or_else(|| self.reader.not_allowed("?", self.tag.name()))
    }

    /// Reads whatever the visitor left unread, so that the document goes on after this element.
    pub(super) fn finish(&mut self) -> Result<(), Error> {
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
        read_key(seed, self.next_member()?)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        self.value(seed)
    }
}

/// The members of a field with attributes: the attributes, then its value under its key.
pub(super) struct FieldMembers<'r, 't> {
    pub(super) reader: &'r mut Reader<'t>,
    pub(super) tag: Tag<'t>,
    pub(super) at: usize,
    pub(super) flags: Flags<'t>,
    pub(super) value_key: &'static str,
    pub(super) value_type: ValueType,
    pub(super) value_read: bool,
    pub(super) pending: Option<Scalar<'t>>,
}

impl<'t> FieldMembers<'_, 't> {
    pub(super) fn next_member(&mut self) -> Result<Option<&'static str>, Error> {
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

    pub(super) fn finish(&mut self) -> Result<(), Error> {
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
        read_key(seed, self.next_member()?)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        match self.pending.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom("a value was asked for before its key")),
        }
    }
}

/// A member's key (a name from the shape table) read by the visitor's seed; `None` at the end.
pub(super) fn read_key<'de, K: DeserializeSeed<'de>>(
    seed: K,
    key: Option<&'static str>,
) -> Result<Option<K::Value>, Error> {
    match key {
        Some(key) => seed
            .deserialize(BorrowedStrDeserializer::new(key))
            .map(Some),
        None => Ok(None),
    }
}
