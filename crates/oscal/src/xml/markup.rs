//! TEMPORARY STUB (replaced by the helper's module before commit).
use super::tree::{Element, Node, Position};
use shinrai_domain::text::Bilingual;
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    pub at: Position,
    pub why: Bilingual,
}
fn flat(content: &[Node], out: &mut String) {
    for n in content {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => flat(&e.children, out),
        }
    }
}
pub fn line_to_markdown(content: &[Node]) -> Result<String, MarkupError> {
    let mut s = String::new();
    flat(content, &mut s);
    Ok(s)
}
pub fn multiline_to_markdown(content: &[Node]) -> Result<String, MarkupError> {
    let mut s = String::new();
    flat(content, &mut s);
    Ok(s.trim().to_owned())
}
pub fn markdown_to_line(markdown: &str) -> Vec<Node> {
    vec![Node::Text(markdown.to_owned())]
}
pub fn markdown_to_multiline(markdown: &str) -> Vec<Node> {
    let mut p = Element::new("p");
    p.children.push(Node::Text(markdown.to_owned()));
    vec![Node::Element(p)]
}
pub fn is_block_element(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "pre"
            | "hr"
            | "blockquote"
            | "table"
    )
}
pub fn normalize(content: &[Node], _multiline: bool) -> Vec<Node> {
    content.to_vec()
}
