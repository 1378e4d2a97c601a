//! Tests of prose markup and Markdown: each construct, escaping, errors, NIST's own prose both
//! ways, and random Markdown.

mod blocks;
mod inline;
mod nist_data;
mod random;
mod xml_data;

use super::*;
use crate::xml::tree::{self, Element, OSCAL_NAMESPACE};

/// The children of a `<remarks>` holding `xml`.
fn prose(xml: &str) -> Vec<Node> {
    let text = format!("<remarks xmlns=\"{OSCAL_NAMESPACE}\">{xml}</remarks>");
    tree::parse(&text).unwrap().children
}

/// Markup as Markdown, checked to read back as the markup it came from.
fn multiline(xml: &str) -> String {
    let content = prose(xml);
    let markdown = multiline_to_markdown(&content).unwrap();
    assert_eq!(
        markdown_to_multiline(&markdown),
        normalize(&content, true),
        "read back from {markdown:?}"
    );
    markdown
}

/// Inline markup as Markdown, checked to read back as the markup it came from.
fn line(xml: &str) -> String {
    let content = prose(xml);
    let markdown = line_to_markdown(&content).unwrap();
    assert_eq!(
        markdown_to_line(&markdown),
        normalize(&content, false),
        "read back from {markdown:?}"
    );
    markdown
}

/// Markdown as markup written back to Markdown: the same string.
fn markdown_round_trip(markdown: &str) -> String {
    multiline_to_markdown(&markdown_to_multiline(markdown)).unwrap()
}

fn text(value: &str) -> Node {
    Node::Text(value.to_owned())
}

fn element(name: &str, attributes: &[(&str, &str)], children: Vec<Node>) -> Node {
    Node::Element(Element {
        name: name.to_owned(),
        attributes: attributes
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect(),
        children,
        at: Position::default(),
    })
}
