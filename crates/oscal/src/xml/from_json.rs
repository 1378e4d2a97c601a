//! The JSON form of an OSCAL document written as XML: the models' shapes give each key its
//! element or attribute and the order XML requires; Markdown becomes prose markup.

use serde_json::{Map, Value};
use shinrai_domain::text::Bilingual;

use super::characters::first_disallowed;
use super::markup;
use super::shapes::{ChildShape, FlagShape, Shape, Shapes, Target, ValueType, shapes};
use super::tree::{self, Element, Node};

/// Why a value cannot be written as OSCAL XML, at its JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteProblem {
    pub pointer: String,
    pub why: Bilingual,
}

impl WriteProblem {
    fn new(pointer: &str, why: Bilingual) -> WriteProblem {
        WriteProblem {
            pointer: pointer.to_owned(),
            why,
        }
    }
}

/// Writes a document's JSON form, `{"$schema"?, "<model>": {…}}`, as XML text. `$schema` names
/// the JSON schema and has no XML counterpart, so it is left out.
pub fn value_to_xml(document: &Value) -> Result<String, WriteProblem> {
    let shapes = shapes().map_err(|detail| {
        WriteProblem::new(
            "",
            Bilingual::new(
                format!("XML の対応表が壊れています: {detail}"),
                format!("the XML shape table is broken: {detail}"),
            ),
        )
    })?;
    let object = document
        .as_object()
        .ok_or_else(|| expected("", "オブジェクト", "an object"))?;
    let mut models = object.iter().filter(|(key, _)| key.as_str() != "$schema");
    let (Some((name, body)), None) = (models.next(), models.next()) else {
        return Err(WriteProblem::new(
            "",
            Bilingual::new(
                "ルートにはモデルがちょうど一つ必要です",
                "the root must hold exactly one model",
            ),
        ));
    };
    let (index, _) = shapes.root(name).ok_or_else(|| {
        WriteProblem::new(
            &pointer_to(&[name]),
            Bilingual::new(
                format!("{name} は OSCAL のモデルではありません"),
                format!("{name} is not an OSCAL model"),
            ),
        )
    })?;
    let root = Writer { shapes }.definition(name, body, index, &pointer_to(&[name]))?;
    Ok(tree::write(&root))
}

struct Writer {
    shapes: &'static Shapes,
}

impl Writer {
    fn definition(
        &self,
        name: &str,
        value: &Value,
        index: usize,
        pointer: &str,
    ) -> Result<Element, WriteProblem> {
        let object = value
            .as_object()
            .ok_or_else(|| expected(pointer, "オブジェクト", "an object"))?;
        let mut element = Element::new(name);
        match self.shapes.get(index) {
            Some(Shape::Assembly {
                flags, children, ..
            }) => {
                refuse_unknown_keys(object, pointer, |key| {
                    flags.iter().any(|flag| flag.name == key)
                        || children.iter().any(|child| child.json_key == key)
                })?;
                element.attributes = attributes(object, flags, pointer)?;
                for child in children {
                    if let Some(value) = object.get(&child.json_key) {
                        let at = format!("{pointer}/{}", escape(&child.json_key));
                        self.child_elements(&mut element, child, value, &at)?;
                    }
                }
            }
            Some(Shape::Field {
                value_type,
                value_key,
                flags,
                ..
            }) => {
                refuse_unknown_keys(object, pointer, |key| {
                    key == value_key || flags.iter().any(|flag| flag.name == key)
                })?;
                element.attributes = attributes(object, flags, pointer)?;
                if let Some(value) = object.get(value_key) {
                    let at = format!("{pointer}/{}", escape(value_key));
                    element.children = content(value, *value_type, &at)?;
                }
            }
            None => {
                return Err(WriteProblem::new(
                    pointer,
                    Bilingual::new(
                        "XML の対応表に定義がありません",
                        "the XML shape table lacks a definition",
                    ),
                ));
            }
        }
        Ok(element)
    }

    /// Adds the elements one JSON key stands for: one, several, in a wrapper, or loose prose.
    fn child_elements(
        &self,
        parent: &mut Element,
        child: &ChildShape,
        value: &Value,
        pointer: &str,
    ) -> Result<(), WriteProblem> {
        if child.unwrapped {
            let markdown = value
                .as_str()
                .ok_or_else(|| expected(pointer, "文字列", "a string"))?;
            let prose = markup::markdown_to_multiline(markdown);
            writable_nodes(&prose, pointer)?;
            parent.children.extend(prose);
            return Ok(());
        }
        let items: Vec<(String, &Value)> = match value {
            Value::Array(items) if child.many => items
                .iter()
                .enumerate()
                .map(|(at, item)| (format!("{pointer}/{at}"), item))
                .collect(),
            Value::Array(_) => return Err(expected(pointer, "配列以外の値", "a single value")),
            single => vec![(pointer.to_owned(), single)],
        };
        let mut built = Vec::with_capacity(items.len());
        for (at, item) in items {
            built.push(Node::Element(self.child(child, item, &at)?));
        }
        if child.grouped {
            let mut wrapper = Element::new(child.json_key.clone());
            wrapper.children = built;
            parent.children.push(Node::Element(wrapper));
        } else {
            parent.children.extend(built);
        }
        Ok(())
    }

    fn child(
        &self,
        child: &ChildShape,
        value: &Value,
        pointer: &str,
    ) -> Result<Element, WriteProblem> {
        match child.target {
            Target::Definition(index) => self.definition(&child.element, value, index, pointer),
            Target::Value(value_type) => {
                let mut element = Element::new(child.element.clone());
                element.children = content(value, value_type, pointer)?;
                Ok(element)
            }
        }
    }
}

fn refuse_unknown_keys(
    object: &Map<String, Value>,
    pointer: &str,
    known: impl Fn(&str) -> bool,
) -> Result<(), WriteProblem> {
    match object.keys().find(|key| !known(key)) {
        Some(key) => Err(WriteProblem::new(
            &format!("{pointer}/{}", escape(key)),
            Bilingual::new(
                format!("{key} は OSCAL のこの位置にないため XML に書けません"),
                format!("{key} has no place here in OSCAL, so it cannot be written as XML"),
            ),
        )),
        None => Ok(()),
    }
}

fn attributes(
    object: &Map<String, Value>,
    flags: &[FlagShape],
    pointer: &str,
) -> Result<Vec<(String, String)>, WriteProblem> {
    let mut attributes = Vec::new();
    for flag in flags {
        if let Some(value) = object.get(&flag.name) {
            let at = format!("{pointer}/{}", escape(&flag.name));
            attributes.push((flag.name.clone(), scalar_text(value, &at)?));
        }
    }
    Ok(attributes)
}

fn content(value: &Value, value_type: ValueType, pointer: &str) -> Result<Vec<Node>, WriteProblem> {
    let text = scalar_text(value, pointer)?;
    let nodes = match value_type {
        ValueType::MarkupLine => markup::markdown_to_line(&text),
        ValueType::MarkupMultiline => markup::markdown_to_multiline(&text),
        _ if text.is_empty() => return Ok(Vec::new()),
        _ => return Ok(vec![Node::Text(text)]),
    };
    // Markdown's character references (`&#1;`) may bring in what the string did not hold.
    writable_nodes(&nodes, pointer)?;
    Ok(nodes)
}

fn scalar_text(value: &Value, pointer: &str) -> Result<String, WriteProblem> {
    match value {
        Value::String(text) => {
            writable(text, pointer)?;
            Ok(text.clone())
        }
        Value::Number(number) => Ok(number.to_string()),
        Value::Bool(flag) => Ok(flag.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => Err(expected(
            pointer,
            "文字列・数・真偽値",
            "a string, number or boolean",
        )),
    }
}

/// Refuses prose whose text or attributes hold a character XML cannot hold.
fn writable_nodes(nodes: &[Node], pointer: &str) -> Result<(), WriteProblem> {
    for node in nodes {
        match node {
            Node::Text(text) => writable(text, pointer)?,
            Node::Element(element) => {
                for (_, value) in &element.attributes {
                    writable(value, pointer)?;
                }
                writable_nodes(&element.children, pointer)?;
            }
        }
    }
    Ok(())
}

/// Refuses a string that holds a character XML cannot hold, not even as a reference.
fn writable(text: &str, pointer: &str) -> Result<(), WriteProblem> {
    match first_disallowed(text) {
        Some((_, character)) => {
            let code = u32::from(character);
            Err(WriteProblem::new(
                pointer,
                Bilingual::new(
                    format!("U+{code:04X} は XML で表せない文字です"),
                    format!("U+{code:04X} is a character XML has no way to hold"),
                ),
            ))
        }
        None => Ok(()),
    }
}

fn expected(pointer: &str, ja: &str, en: &str) -> WriteProblem {
    WriteProblem::new(
        pointer,
        Bilingual::new(format!("{ja}が必要です"), format!("expected {en}")),
    )
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn pointer_to(keys: &[&str]) -> String {
    keys.iter().map(|key| format!("/{}", escape(key))).collect()
}
