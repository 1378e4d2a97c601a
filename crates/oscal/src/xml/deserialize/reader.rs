//! The tokens as the deserializers read them: one token of look-ahead, the attributes typed as
//! asked for, values gathered (prose turned into Markdown), and the errors placed.

use std::borrow::Cow;

use shinrai_domain::text::Bilingual;

use super::super::attributes::same_name;
use super::super::markup;
use super::super::shapes::{FlagShape, Shape, Shapes, ValueType};
use super::super::tree::{
    ContentAttributes, Node, Position, Tag, Token, Tokenizer, is_blank, syntax,
};
use super::Error;
use super::prose;
use super::scalar::Scalar;

/// The tokens, with one that may have been read ahead: a run of repeated elements ends only
/// where something else starts.
pub(super) struct Reader<'t> {
    pub(super) shapes: &'static Shapes,
    pub(super) tokens: Tokenizer<'t>,
    pub(super) peeked: Option<(Token<'t>, usize)>,
    /// Room for prose being written as Markdown, used again from one piece of prose to the next.
    pub(super) prose_buffer: String,
    /// Plain prose is written straight from the tokens (else every piece is read as a tree).
    pub(super) straight_prose: bool,
}

impl<'t> Reader<'t> {
    pub(super) fn next(&mut self) -> Result<Token<'t>, Error> {
        match self.take_peeked() {
            Some(token) => Ok(token),
            None => Ok(self.tokens.next()?),
        }
    }

    /// The next token past any indentation, in content where whitespace between elements
    /// means nothing.
    pub(super) fn next_past_indentation(&mut self) -> Result<Token<'t>, Error> {
        match self.take_peeked() {
            Some(token) => Ok(token),
            None => Ok(self.tokens.next_past_indentation()?),
        }
    }

    /// The token read ahead, if any, placed where it was read.
    fn take_peeked(&mut self) -> Option<Token<'t>> {
        let (token, offset) = self.peeked.take()?;
        self.tokens.offset = offset;
        Some(token)
    }

    /// Gives back the token just read, to be read again next.
    pub(super) fn put_back(&mut self, token: Token<'t>) {
        self.peeked = Some((token, self.tokens.offset));
    }

    pub(super) fn here(&self) -> Position {
        self.tokens.here()
    }

    pub(super) fn shape(&self, index: usize) -> Result<&'static Shape, Error> {
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
    pub(super) fn flags(
        &self,
        tag: &Tag<'t>,
        shapes: &'static [FlagShape],
        at: usize,
    ) -> Flags<'t> {
        Flags {
            attributes: tag.attributes(),
            shapes,
            element: tag.name(),
            at,
        }
    }

    /// Refuses attributes on an element that holds a value alone or wraps a group.
    pub(super) fn no_attributes(&self, tag: &Tag<'_>, at: usize) -> Result<(), Error> {
        match tag.attributes().next() {
            Some(Ok((key, _))) => Err(self.no_attribute(tag.name(), key, at)),
            Some(Err(detail)) => Err(syntax(self.tokens.position(at), *detail).into()),
            None => Ok(()),
        }
    }

    /// The content of an element just opened, up to its end, as a value of its type. Most
    /// values are plain text, gathered directly; a tree is built only when an element turns up
    /// inside.
    pub(super) fn value(
        &mut self,
        name: &str,
        value_type: ValueType,
        at: usize,
    ) -> Result<Scalar<'t>, Error> {
        let mut text: Cow<'t, str> = Cow::Borrowed("");
        let content = loop {
            match self.next()? {
                Token::Text(part) if text.is_empty() => text = part,
                Token::Text(part) => text.to_mut().push_str(&part),
                Token::Close => break None,
                Token::Eof => return Err(self.unexpected_end()),
                Token::Open(inner) => {
                    // Plain paragraphs are written straight as Markdown, without a tree.
                    if value_type == ValueType::MarkupMultiline
                        && self.straight_prose
                        && is_blank(&text)
                        && let Some(markdown) =
                            prose::plain_value(&mut self.tokens, &inner, &mut self.prose_buffer)?
                    {
                        return Ok(Scalar::Text(Cow::Owned(markdown)));
                    }
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

    pub(super) fn no_attribute(&self, name: &str, attribute: &str, at: usize) -> Error {
        Error::at(
            self.tokens.position(at),
            Bilingual::new(
                format!("<{name}> に属性 {attribute} はありません"),
                format!("<{name}> has no attribute {attribute} in OSCAL"),
            ),
        )
    }

    pub(super) fn bad_value(&self, name: &str, what: &str, text: &str, at: usize) -> Error {
        Error::at(
            self.tokens.position(at),
            Bilingual::new(
                format!("<{name}> の {what} の値 {text:?} は型に合いません"),
                format!("<{name}> {what}: {text:?} is not of the expected type"),
            ),
        )
    }

    pub(super) fn not_allowed(&self, child: &str, parent: &str) -> Error {
        Error::at(
            self.here(),
            Bilingual::new(
                format!("<{parent}> の中に <{child}> は置けません"),
                format!("<{child}> is not allowed in <{parent}>"),
            ),
        )
    }

    pub(super) fn stray_text(&self, name: &str) -> Error {
        Error::at(
            self.here(),
            Bilingual::new(
                format!("<{name}> の中に直接テキストは置けません"),
                format!("<{name}> cannot hold text directly"),
            ),
        )
    }

    pub(super) fn unexpected_end(&self) -> Error {
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
pub(super) struct Flags<'t> {
    pub(super) attributes: ContentAttributes<'t>,
    pub(super) shapes: &'static [FlagShape],
    pub(super) element: &'t str,
    pub(super) at: usize,
}

impl<'t> Flags<'t> {
    pub(super) fn next(
        &mut self,
        reader: &Reader<'t>,
    ) -> Result<Option<(&'static str, Scalar<'t>)>, Error> {
        let (key, text) = match self.attributes.next() {
            None => return Ok(None),
            Some(Ok(attribute)) => attribute,
            Some(Err(detail)) => {
                return Err(syntax(reader.tokens.position(self.at), *detail).into());
            }
        };
        let Some(flag) = self.shapes.iter().find(|flag| same_name(&flag.name, key)) else {
            return Err(reader.no_attribute(self.element, key, self.at));
        };
        let value = Scalar::of(text, flag.value_type)
            .map_err(|text| reader.bad_value(self.element, &format!("@{key}"), &text, self.at))?;
        Ok(Some((flag.name.as_str(), value)))
    }
}
