//! OSCAL XML to its JSON form, in one pass over the document's tokens as the models' shapes
//! say: attributes become keys, repeated elements become arrays under their group's name, prose
//! becomes Markdown. The JSON is written as text, which serde then types as fast as a JSON file;
//! only prose is gathered into a tree, to be turned into Markdown.

use serde_json::{Number, Value};
use shinrai_domain::text::Bilingual;

use super::markup::{self, MarkupError};
use super::shapes::{ChildShape, FlagShape, Shape, Shapes, Target, ValueType, shapes};
use super::tree::{
    Node, ParseError, Position, Tag, Token, Tokenizer, after_root, first_element, is_blank, syntax,
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

impl From<MarkupError> for ReadProblem {
    fn from(error: MarkupError) -> ReadProblem {
        ReadProblem::model(error.at, error.why)
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
    let json = xml_to_json_text(text)?;
    serde_json::from_slice(&json).map_err(|error| {
        ReadProblem::model(
            Position::default(),
            Bilingual::new(
                format!("XML から作った JSON が読めません: {error}"),
                format!("the JSON made from the XML does not read: {error}"),
            ),
        )
    })
}

/// Reads an OSCAL XML document and writes its JSON form as compact JSON text.
pub fn xml_to_json_text(text: &str) -> Result<Vec<u8>, ReadProblem> {
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
    let name = root.name();
    let Some((index, _)) = shapes.root(name) else {
        return Err(ReadProblem {
            at: tokens.here(),
            why: Bilingual::new(
                format!("<{name}> は OSCAL のモデルのルート要素ではありません"),
                format!("<{name}> is not the root element of an OSCAL model"),
            ),
            kind: ErrorKind::NotOscal,
        });
    };
    let mut writer = Writer {
        shapes,
        tokens,
        out: Vec::with_capacity(text.len()),
    };
    writer.out.push(b'{');
    writer.string(name);
    writer.out.push(b':');
    writer.definition(&root, index)?;
    writer.out.push(b'}');
    after_root(&mut writer.tokens)?;
    Ok(writer.out)
}

struct Writer<'t> {
    shapes: &'static Shapes,
    tokens: Tokenizer<'t>,
    out: Vec<u8>,
}

/// An assembly being written: which of its children have been written, and the array open now.
struct Members {
    count: usize,
    written: Vec<bool>,
    open_array: Option<usize>,
    prose: Vec<Node>,
}

impl Writer<'_> {
    /// Writes the element just opened (its start already read), up to its end.
    fn definition(&mut self, tag: &Tag<'_>, index: usize) -> Result<(), ReadProblem> {
        let at = self.tokens.offset;
        let name = tag.name();
        match self.shapes.get(index) {
            Some(Shape::Assembly {
                flags, children, ..
            }) => self.assembly(tag, flags, children),
            Some(Shape::Field {
                value_type,
                value_key,
                flags,
                ..
            }) => {
                self.out.push(b'{');
                let count = self.attributes(tag, flags, at)?;
                if count > 0 {
                    self.out.push(b',');
                }
                self.string(value_key);
                self.out.push(b':');
                self.value(name, *value_type, at)?;
                self.out.push(b'}');
                Ok(())
            }
            None => Err(ReadProblem::model(
                self.tokens.position(at),
                Bilingual::new(
                    "XML の対応表に定義がありません",
                    "the XML shape table lacks a definition",
                ),
            )),
        }
    }

    fn assembly(
        &mut self,
        tag: &Tag<'_>,
        flags: &[FlagShape],
        children: &[ChildShape],
    ) -> Result<(), ReadProblem> {
        let start = self.tokens.offset;
        let name = tag.name();
        self.out.push(b'{');
        let mut members = Members {
            count: self.attributes(tag, flags, start)?,
            written: vec![false; children.len()],
            open_array: None,
            prose: Vec::new(),
        };
        let prose_slot = children.iter().position(|child| child.unwrapped);
        loop {
            let child = match self.tokens.next()? {
                Token::Close => break,
                Token::Eof => return Err(self.unexpected_end()),
                Token::Text(text) if is_blank(&text) => continue,
                Token::Text(_) => return Err(self.stray_text(name)),
                Token::Open(child) => child,
            };
            let child_name = child.name();
            if prose_slot.is_some() && markup::is_block_element(child_name) {
                let element = self.tokens.element(&child)?;
                members.prose.push(Node::Element(element));
                continue;
            }
            // Prose is written where it stood: before the parts that follow it.
            self.flush_prose(children, prose_slot, &mut members)?;
            if let Some(slot) = children
                .iter()
                .position(|shape| shape.grouped && shape.json_key == child_name)
            {
                self.grouped(name, &child, children, slot, &mut members)?;
                continue;
            }
            let slot = children
                .iter()
                .position(|shape| !shape.grouped && !shape.unwrapped && shape.element == child_name)
                .ok_or_else(|| self.not_allowed(child_name, name))?;
            self.member(name, children, slot, &mut members)?;
            self.child(&child, children.get(slot))?;
        }
        self.flush_prose(children, prose_slot, &mut members)?;
        self.close_array(&mut members);
        self.out.push(b'}');
        Ok(())
    }

    fn flush_prose(
        &mut self,
        children: &[ChildShape],
        prose_slot: Option<usize>,
        members: &mut Members,
    ) -> Result<(), ReadProblem> {
        if members.prose.is_empty() {
            return Ok(());
        }
        let Some(slot) = prose_slot.and_then(|slot| children.get(slot)) else {
            return Ok(());
        };
        if members.written.get(prose_slot.unwrap_or_default()).copied() == Some(true) {
            return Err(ReadProblem::model(
                self.tokens.here(),
                Bilingual::new(
                    "本文が他の要素で分断されています (OSCAL の順序ではまとめて置きます)",
                    "prose is split by other elements (OSCAL's order keeps it together)",
                ),
            ));
        }
        let markdown = markup::multiline_to_markdown(&std::mem::take(&mut members.prose))?;
        self.close_array(members);
        if let Some(written) = prose_slot.and_then(|at| members.written.get_mut(at)) {
            *written = true;
        }
        self.key(&slot.json_key, members);
        self.string(&markdown);
        Ok(())
    }

    /// A wrapper element whose children are the members of one array (`<revisions>`).
    fn grouped(
        &mut self,
        parent: &str,
        wrapper: &Tag<'_>,
        children: &[ChildShape],
        slot: usize,
        members: &mut Members,
    ) -> Result<(), ReadProblem> {
        let wrapper_name = wrapper.name();
        if let Some((key, _)) = self.content_attributes(wrapper)?.first() {
            return Err(self.no_attribute(wrapper_name, key, self.tokens.offset));
        }
        let shape = children
            .get(slot)
            .ok_or_else(|| self.not_allowed(wrapper_name, parent))?;
        loop {
            let member = match self.tokens.next()? {
                Token::Close => return Ok(()),
                Token::Eof => return Err(self.unexpected_end()),
                Token::Text(text) if is_blank(&text) => continue,
                Token::Text(_) => return Err(self.stray_text(wrapper_name)),
                Token::Open(member) if member.name() == shape.element => member,
                Token::Open(other) => return Err(self.not_allowed(other.name(), wrapper_name)),
            };
            self.member(parent, children, slot, members)?;
            self.child(&member, Some(shape))?;
        }
    }

    /// Starts the next member of an assembly: its key, or the next place in its open array.
    fn member(
        &mut self,
        parent: &str,
        children: &[ChildShape],
        slot: usize,
        members: &mut Members,
    ) -> Result<(), ReadProblem> {
        let shape = children
            .get(slot)
            .ok_or_else(|| self.not_allowed("?", parent))?;
        if shape.many && members.open_array == Some(slot) {
            self.out.push(b',');
            return Ok(());
        }
        self.close_array(members);
        let seen = members.written.get(slot).copied().unwrap_or(false);
        if seen {
            // JSON holds each key once: repeats must stand together, as OSCAL's order has them.
            let (ja, en) = if shape.many {
                (
                    "離れた位置にもあります (OSCAL の順序ではまとめて置きます)",
                    "appears apart from the others of its kind (OSCAL's order keeps them together)",
                )
            } else {
                ("二つ以上あります", "appears more than once")
            };
            return Err(ReadProblem::model(
                self.tokens.here(),
                Bilingual::new(
                    format!("<{parent}> の中に <{}> が{ja}", shape.element),
                    format!("<{}> {en} in <{parent}>", shape.element),
                ),
            ));
        }
        if let Some(written) = members.written.get_mut(slot) {
            *written = true;
        }
        self.key(&shape.json_key, members);
        if shape.many {
            self.out.push(b'[');
            members.open_array = Some(slot);
        }
        Ok(())
    }

    fn close_array(&mut self, members: &mut Members) {
        if members.open_array.take().is_some() {
            self.out.push(b']');
        }
    }

    fn key(&mut self, key: &str, members: &mut Members) {
        if members.count > 0 {
            self.out.push(b',');
        }
        members.count += 1;
        self.string(key);
        self.out.push(b':');
    }

    /// Writes the value of a child element just opened.
    fn child(&mut self, tag: &Tag<'_>, shape: Option<&ChildShape>) -> Result<(), ReadProblem> {
        let at = self.tokens.offset;
        match shape.map(|shape| shape.target) {
            Some(Target::Definition(index)) => self.definition(tag, index),
            Some(Target::Value(value_type)) => {
                if let Some((key, _)) = self.content_attributes(tag)?.first() {
                    return Err(self.no_attribute(tag.name(), key, at));
                }
                self.value(tag.name(), value_type, at)
            }
            None => Err(self.not_allowed(tag.name(), "?")),
        }
    }

    /// The attributes as keys, in the document's order; one the definition lacks is refused,
    /// since it would be lost. Returns how many were written.
    fn attributes(
        &mut self,
        tag: &Tag<'_>,
        flags: &[FlagShape],
        at: usize,
    ) -> Result<usize, ReadProblem> {
        let mut count = 0;
        for (key, text) in self.content_attributes(tag)? {
            let Some(flag) = flags.iter().find(|flag| flag.name == key) else {
                return Err(self.no_attribute(tag.name(), key, at));
            };
            if count > 0 {
                self.out.push(b',');
            }
            count += 1;
            self.string(key);
            self.out.push(b':');
            if !self.scalar(&text, flag.value_type) {
                return Err(self.bad_value(tag.name(), &format!("@{key}"), &text, at));
            }
        }
        Ok(count)
    }

    fn content_attributes<'a>(
        &self,
        tag: &'a Tag<'_>,
    ) -> Result<Vec<(&'a str, std::borrow::Cow<'a, str>)>, ReadProblem> {
        tag.attributes()
            .map_err(|detail| ReadProblem::from(syntax(self.tokens.here(), &detail)))
    }

    /// The content of an element just opened, up to its end, as a value of its type. Most
    /// values are plain text: the text is gathered directly, and a tree is built only when an
    /// element turns up inside.
    fn value(&mut self, name: &str, value_type: ValueType, at: usize) -> Result<(), ReadProblem> {
        let mut text = String::new();
        let content = loop {
            match self.tokens.next()? {
                Token::Text(part) => text.push_str(&part),
                Token::Close => break None,
                Token::Eof => return Err(self.unexpected_end()),
                Token::Open(inner) => {
                    let mut content = Vec::new();
                    if !text.is_empty() {
                        content.push(Node::Text(std::mem::take(&mut text)));
                    }
                    content.push(Node::Element(self.tokens.element(&inner)?));
                    content.extend(self.tokens.children()?);
                    break Some(content);
                }
            }
        };
        let markdown = match (value_type, content) {
            (ValueType::MarkupLine, content) => {
                markup::line_to_markdown(&content.unwrap_or_else(|| vec![Node::Text(text)]))?
            }
            (ValueType::MarkupMultiline, content) => {
                markup::multiline_to_markdown(&content.unwrap_or_else(|| vec![Node::Text(text)]))?
            }
            (_, Some(content)) => {
                let inner = content.iter().find_map(|node| match node {
                    Node::Element(inner) => Some(inner),
                    Node::Text(_) => None,
                });
                let (inner_name, inner_at) = inner
                    .map(|inner| (inner.name.as_str(), inner.at))
                    .unwrap_or(("?", Position::default()));
                return Err(ReadProblem::model(
                    inner_at,
                    Bilingual::new(
                        format!("<{name}> の中に <{inner_name}> は置けません"),
                        format!("<{inner_name}> is not allowed in <{name}>"),
                    ),
                ));
            }
            (_, None) => {
                if !self.scalar(&text, value_type) {
                    return Err(self.bad_value(name, name, &text, at));
                }
                return Ok(());
            }
        };
        self.string(&markdown);
        Ok(())
    }

    /// Writes a value of a given type: numbers and booleans as such, everything else as a
    /// string. False when the text is not of the type.
    fn scalar(&mut self, text: &str, value_type: ValueType) -> bool {
        let trimmed = text.trim();
        match value_type {
            ValueType::Text | ValueType::MarkupLine | ValueType::MarkupMultiline => {
                self.string(text);
                true
            }
            ValueType::Integer => match trimmed.strip_prefix('+').unwrap_or(trimmed).parse::<i64>()
            {
                Ok(number) => {
                    self.out.extend_from_slice(number.to_string().as_bytes());
                    true
                }
                Err(_) => false,
            },
            ValueType::Decimal => {
                let number = serde_json::from_str::<Number>(trimmed)
                    .ok()
                    .or_else(|| trimmed.parse::<f64>().ok().and_then(Number::from_f64));
                match number {
                    Some(number) => {
                        self.out.extend_from_slice(number.to_string().as_bytes());
                        true
                    }
                    None => false,
                }
            }
            ValueType::Boolean => match trimmed {
                "true" | "1" => {
                    self.out.extend_from_slice(b"true");
                    true
                }
                "false" | "0" => {
                    self.out.extend_from_slice(b"false");
                    true
                }
                _ => false,
            },
        }
    }

    fn string(&mut self, text: &str) {
        // Writing a str into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut self.out, text);
    }

    fn no_attribute(&self, name: &str, attribute: &str, at: usize) -> ReadProblem {
        ReadProblem::model(
            self.tokens.position(at),
            Bilingual::new(
                format!("<{name}> に属性 {attribute} はありません"),
                format!("<{name}> has no attribute {attribute} in OSCAL"),
            ),
        )
    }

    fn bad_value(&self, name: &str, what: &str, text: &str, at: usize) -> ReadProblem {
        ReadProblem::model(
            self.tokens.position(at),
            Bilingual::new(
                format!("<{name}> の {what} の値 {text:?} は型に合いません"),
                format!("<{name}> {what}: {text:?} is not of the expected type"),
            ),
        )
    }

    fn not_allowed(&self, child: &str, parent: &str) -> ReadProblem {
        ReadProblem::model(
            self.tokens.here(),
            Bilingual::new(
                format!("<{parent}> の中に <{child}> は置けません"),
                format!("<{child}> is not allowed in <{parent}>"),
            ),
        )
    }

    fn stray_text(&self, name: &str) -> ReadProblem {
        ReadProblem::model(
            self.tokens.here(),
            Bilingual::new(
                format!("<{name}> の中に直接テキストは置けません"),
                format!("<{name}> cannot hold text directly"),
            ),
        )
    }

    fn unexpected_end(&self) -> ReadProblem {
        ReadProblem::model(
            self.tokens.here(),
            Bilingual::new(
                "要素の途中で文書が終わっています",
                "the document ends inside an element",
            ),
        )
    }
}
