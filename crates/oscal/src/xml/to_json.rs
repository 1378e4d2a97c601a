//! OSCAL XML to its JSON form, element by element as the models' shapes say: attributes become
//! keys, repeated elements become arrays under their group's name, prose becomes Markdown.
//! Keys come out in the definition's order, the order OSCAL's own JSON uses.

use serde_json::{Map, Number, Value};
use shinrai_domain::text::Bilingual;

use super::markup::{self, MarkupError};
use super::shapes::{ChildShape, FlagShape, Shape, Shapes, Target, ValueType, shapes};
use super::tree::{self, Element, Node, Position};
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

/// Reads an OSCAL XML document as its JSON form, `{"<model>": {…}}`.
pub fn xml_to_value(text: &str) -> Result<Value, ReadProblem> {
    let root = tree::parse(text).map_err(|error| ReadProblem {
        at: error.at,
        why: error.why,
        kind: error.kind,
    })?;
    let shapes = shapes().map_err(|detail| {
        ReadProblem::model(
            root.at,
            Bilingual::new(
                format!("XML の対応表が壊れています: {detail}"),
                format!("the XML shape table is broken: {detail}"),
            ),
        )
    })?;
    let Some((index, _)) = shapes.root(&root.name) else {
        return Err(ReadProblem {
            at: root.at,
            why: Bilingual::new(
                format!(
                    "<{}> は OSCAL のモデルのルート要素ではありません",
                    root.name
                ),
                format!("<{}> is not the root element of an OSCAL model", root.name),
            ),
            kind: ErrorKind::NotOscal,
        });
    };
    let body = Reader { shapes }.definition(&root, index)?;
    let mut document = Map::new();
    document.insert(root.name.clone(), body);
    Ok(Value::Object(document))
}

struct Reader {
    shapes: &'static Shapes,
}

impl Reader {
    fn definition(&self, element: &Element, index: usize) -> Result<Value, ReadProblem> {
        match self.shapes.get(index) {
            Some(Shape::Assembly {
                flags, children, ..
            }) => self.assembly(element, flags, children),
            Some(Shape::Field {
                value_type,
                value_key,
                flags,
                ..
            }) => {
                let mut object = attributes(element, flags)?;
                object.insert(value_key.clone(), value(element, *value_type)?);
                Ok(Value::Object(object))
            }
            None => Err(ReadProblem::model(
                element.at,
                Bilingual::new(
                    "XML の対応表に定義がありません",
                    "the XML shape table lacks a definition",
                ),
            )),
        }
    }

    fn assembly(
        &self,
        element: &Element,
        flags: &[FlagShape],
        children: &[ChildShape],
    ) -> Result<Value, ReadProblem> {
        let mut object = attributes(element, flags)?;
        let prose_slot = children.iter().position(|child| child.unwrapped);
        let mut prose: Vec<Node> = Vec::new();
        let mut collected: Vec<Vec<(Position, Value)>> = vec![Vec::new(); children.len()];
        for node in &element.children {
            let child = match node {
                Node::Text(text) if text.trim().is_empty() => continue,
                Node::Text(_) => return Err(stray_text(element)),
                Node::Element(child) => child,
            };
            if prose_slot.is_some() && markup::is_block_element(&child.name) {
                prose.push(node.clone());
                continue;
            }
            if let Some(slot) = children
                .iter()
                .position(|shape| shape.grouped && shape.json_key == child.name)
            {
                let shape = children
                    .get(slot)
                    .ok_or_else(|| unexpected(child, element))?;
                for grouped in &child.children {
                    let member = match grouped {
                        Node::Text(text) if text.trim().is_empty() => continue,
                        Node::Text(_) => return Err(stray_text(child)),
                        Node::Element(member) if member.name == shape.element => member,
                        Node::Element(member) => return Err(unexpected(member, child)),
                    };
                    let read = self.child(member, shape)?;
                    if let Some(values) = collected.get_mut(slot) {
                        values.push((member.at, read));
                    }
                }
                continue;
            }
            let slot = children
                .iter()
                .position(|shape| !shape.grouped && !shape.unwrapped && shape.element == child.name)
                .ok_or_else(|| unexpected(child, element))?;
            let shape = children
                .get(slot)
                .ok_or_else(|| unexpected(child, element))?;
            let read = self.child(child, shape)?;
            if let Some(values) = collected.get_mut(slot) {
                values.push((child.at, read));
            }
        }
        for (shape, values) in children.iter().zip(collected) {
            if shape.unwrapped {
                if !prose.is_empty() {
                    let markdown = markup::multiline_to_markdown(&prose)?;
                    object.insert(shape.json_key.clone(), Value::String(markdown));
                }
                continue;
            }
            if shape.many {
                if !values.is_empty() {
                    let array = values.into_iter().map(|(_, value)| value).collect();
                    object.insert(shape.json_key.clone(), Value::Array(array));
                }
                continue;
            }
            let mut values = values.into_iter();
            if let Some((_, first)) = values.next() {
                if let Some((at, _)) = values.next() {
                    return Err(ReadProblem::model(
                        at,
                        Bilingual::new(
                            format!(
                                "<{}> の中に <{}> が二つ以上あります",
                                element.name, shape.element
                            ),
                            format!(
                                "<{}> appears more than once in <{}>",
                                shape.element, element.name
                            ),
                        ),
                    ));
                }
                object.insert(shape.json_key.clone(), first);
            }
        }
        Ok(Value::Object(object))
    }

    fn child(&self, element: &Element, shape: &ChildShape) -> Result<Value, ReadProblem> {
        match shape.target {
            Target::Definition(index) => self.definition(element, index),
            Target::Value(value_type) => {
                attributes(element, &[])?;
                value(element, value_type)
            }
        }
    }
}

/// The attributes as JSON keys, in the definition's order; an attribute the definition does not
/// have is refused, since it would be lost.
fn attributes(element: &Element, flags: &[FlagShape]) -> Result<Map<String, Value>, ReadProblem> {
    if let Some((name, _)) = element
        .attributes
        .iter()
        .find(|(name, _)| !flags.iter().any(|flag| &flag.name == name))
    {
        return Err(ReadProblem::model(
            element.at,
            Bilingual::new(
                format!("<{}> に属性 {name} はありません", element.name),
                format!("<{}> has no attribute {name} in OSCAL", element.name),
            ),
        ));
    }
    let mut object = Map::new();
    for flag in flags {
        if let Some(text) = element.attribute(&flag.name) {
            let read = scalar(text, flag.value_type)
                .ok_or_else(|| bad_value(element, &format!("@{}", flag.name), text))?;
            object.insert(flag.name.clone(), read);
        }
    }
    Ok(object)
}

fn value(element: &Element, value_type: ValueType) -> Result<Value, ReadProblem> {
    match value_type {
        ValueType::MarkupLine => Ok(Value::String(markup::line_to_markdown(&element.children)?)),
        ValueType::MarkupMultiline => Ok(Value::String(markup::multiline_to_markdown(
            &element.children,
        )?)),
        _ => {
            if let Some(inner) = element.elements().next() {
                return Err(unexpected(inner, element));
            }
            let text = element.text();
            scalar(&text, value_type).ok_or_else(|| bad_value(element, &element.name, &text))
        }
    }
}

/// A value of a given type as JSON: numbers and booleans as such, everything else as text.
fn scalar(text: &str, value_type: ValueType) -> Option<Value> {
    let trimmed = text.trim();
    match value_type {
        ValueType::Text | ValueType::MarkupLine | ValueType::MarkupMultiline => {
            Some(Value::String(text.to_owned()))
        }
        ValueType::Integer => trimmed
            .strip_prefix('+')
            .unwrap_or(trimmed)
            .parse::<i64>()
            .ok()
            .map(|number| Value::Number(number.into())),
        ValueType::Decimal => serde_json::from_str::<Number>(trimmed)
            .ok()
            .or_else(|| trimmed.parse::<f64>().ok().and_then(Number::from_f64))
            .map(Value::Number),
        ValueType::Boolean => match trimmed {
            "true" | "1" => Some(Value::Bool(true)),
            "false" | "0" => Some(Value::Bool(false)),
            _ => None,
        },
    }
}

fn bad_value(element: &Element, what: &str, text: &str) -> ReadProblem {
    ReadProblem::model(
        element.at,
        Bilingual::new(
            format!(
                "<{}> の {what} の値 {text:?} は型に合いません",
                element.name
            ),
            format!(
                "<{}> {what}: {text:?} is not of the expected type",
                element.name
            ),
        ),
    )
}

fn unexpected(child: &Element, parent: &Element) -> ReadProblem {
    ReadProblem::model(
        child.at,
        Bilingual::new(
            format!("<{}> の中に <{}> は置けません", parent.name, child.name),
            format!("<{}> is not allowed in <{}>", child.name, parent.name),
        ),
    )
}

fn stray_text(element: &Element) -> ReadProblem {
    ReadProblem::model(
        element.at,
        Bilingual::new(
            format!("<{}> の中に直接テキストは置けません", element.name),
            format!("<{}> cannot hold text directly", element.name),
        ),
    )
}
