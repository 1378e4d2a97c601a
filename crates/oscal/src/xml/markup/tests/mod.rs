//! Tests of prose markup and Markdown: each construct, escaping, errors, NIST's own prose both
//! ways, and random Markdown.

mod blocks;
mod inline;
mod nist_data;
mod plain;
mod random;
mod twins;
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

/// Why NIST's Markdown and ours spell the same prose differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// Spaces at the start or end of a paragraph or title, or blank lines after the last block:
    /// Markdown gives them no meaning, so markup read from it cannot keep them (NIST copies the
    /// spaces of the XML's text, `<p>text </p>`, into the JSON).
    EdgeSpaces,
    /// NIST writes an empty `<p/>` as an empty line, so blocks stand three or more lines apart,
    /// and an item `<li> text</li>` as `*  text`: no meaning in Markdown, no trace in the markup.
    EmptyParagraphs,
    /// NIST's converter writes a nested list on its item's line (`* a    * b   * c  `), which
    /// Markdown reads as one item holding literal asterisks.
    NestedListOnOneLine,
    /// NIST writes `<em> Security…</em>` as `* Security…*`; an asterisk before a space opens
    /// nothing, so Markdown reads two literal asterisks.
    SpacedEmphasis,
    /// A list marked `-` (written by hand in FedRAMP's JSON, where the XML has a paragraph that
    /// starts with `- `).
    DashList,
}

impl Spelling {
    /// Whether the difference between NIST's string and ours is the one claimed.
    fn explains(self, nist: &str, ours: &str) -> bool {
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        match self {
            Spelling::EdgeSpaces => words(nist) == words(ours),
            Spelling::EmptyParagraphs => {
                words(nist) == words(ours)
                    && (nist.contains("\n\n\n\n") || nist.contains("\n\n \n\n"))
            }
            Spelling::NestedListOnOneLine => nist
                .lines()
                .any(|line| line.starts_with("* ") && line.contains("   * ")),
            Spelling::SpacedEmphasis => nist.contains(": * ") && ours.contains(": \\* "),
            Spelling::DashList => nist.contains("\n\n- "),
        }
    }
}

/// Where two strings part, with some context.
fn first_difference(left: &str, right: &str) -> String {
    let same = left
        .chars()
        .zip(right.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let from = same.saturating_sub(30);
    let excerpt = |text: &str| text.chars().skip(from).take(80).collect::<String>();
    format!("{:?} ≠ {:?}", excerpt(left), excerpt(right))
}
