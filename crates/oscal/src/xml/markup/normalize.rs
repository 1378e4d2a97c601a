//! Prose as compared after a round trip, and as written: what Markdown cannot tell apart is made
//! the same here.

use super::vocabulary::{carried_attributes, is_block_element, is_list, is_markdown_alignment};
use crate::xml::tree::{Element, Node};

/// Prose as compared after a round trip: whitespace-only text between blocks dropped, runs of
/// whitespace in inline text collapsed to one space and trimmed at the start and end of each
/// block (not inside `<pre>`), adjacent text nodes merged, empty text dropped, positions zeroed.
///
/// Also what Markdown cannot carry, so a round trip cannot keep it either:
/// - `i` is `em` and `b` is `strong` (written `*…*` and `**…**`, as NIST writes them);
/// - inline content standing among blocks is a paragraph, and an empty paragraph is dropped;
/// - a list is tight or loose as a whole: when one item holds a block other than a list, the
///   inline content of every item is a paragraph;
/// - whitespace right after a `br` is dropped (a Markdown line does not start with it);
/// - `pre` and `code` hold only their text;
/// - attributes are those Markdown carries (`a`: href, title; `img`: alt, src, title; `insert`:
///   id-ref, type; a cell's align when left, center or right), in that order, empty ones dropped.
pub fn normalize(content: &[Node], multiline: bool) -> Vec<Node> {
    if multiline {
        blocks(content)
    } else {
        inline_run(content)
    }
}

/// Blocks, each run of inline content among them made a paragraph.
fn blocks(content: &[Node]) -> Vec<Node> {
    let mut out = Vec::new();
    let mut run: Vec<Node> = Vec::new();
    for node in content {
        match node {
            Node::Element(element) if is_block_element(&element.name) => {
                push_paragraph(&mut out, &run);
                run.clear();
                out.extend(block(element).map(Node::Element));
            }
            other => run.push(other.clone()),
        }
    }
    push_paragraph(&mut out, &run);
    out
}

fn push_paragraph(out: &mut Vec<Node>, run: &[Node]) {
    let inline = inline_run(run);
    if !inline.is_empty() {
        out.push(Node::Element(rebuilt_as("p", &Element::default(), inline)));
    }
}

fn block(element: &Element) -> Option<Element> {
    let children = &element.children;
    match element.name.as_str() {
        "p" => Some(inline_run(children))
            .filter(|inline| !inline.is_empty())
            .map(|inline| rebuilt(element, inline)),
        "pre" => Some(rebuilt(element, text_node(text_content(children)))),
        "ul" | "ol" => list(element),
        "blockquote" => Some(rebuilt(element, blocks(children))),
        "table" => table(element),
        "hr" => Some(rebuilt(element, Vec::new())),
        _ => Some(rebuilt(element, inline_run(children))),
    }
}

fn list(element: &Element) -> Option<Element> {
    let items: Vec<&Element> = child_elements(element, &["li"]).collect();
    if items.is_empty() {
        return None;
    }
    let loose = items.iter().any(|item| holds_paragraph_block(item));
    let items = items
        .into_iter()
        .map(|item| {
            let content = if loose {
                blocks(&item.children)
            } else {
                tight_item(&item.children)
            };
            Node::Element(rebuilt(item, content))
        })
        .collect();
    Some(rebuilt(element, items))
}

/// A block that makes its list loose: any block but a nested list, if it is not empty.
fn holds_paragraph_block(item: &Element) -> bool {
    item.elements().any(|child| {
        is_block_element(&child.name) && !is_list(&child.name) && block(child).is_some()
    })
}

/// A tight item: inline content, and the lists nested in it.
fn tight_item(content: &[Node]) -> Vec<Node> {
    let mut out = Vec::new();
    let mut run: Vec<Node> = Vec::new();
    for node in content {
        match node {
            Node::Element(element) if is_list(&element.name) => {
                out.extend(inline_run(&run));
                run.clear();
                out.extend(list(element).map(Node::Element));
            }
            other => run.push(other.clone()),
        }
    }
    out.extend(inline_run(&run));
    out
}

fn table(element: &Element) -> Option<Element> {
    let rows: Vec<Node> = child_elements(element, &["tr"])
        .map(|row| {
            let cells = child_elements(row, &["th", "td"])
                .map(|cell| Node::Element(rebuilt(cell, inline_run(&cell.children))))
                .collect();
            Node::Element(rebuilt(row, cells))
        })
        .collect();
    (!rows.is_empty()).then(|| rebuilt(element, rows))
}

/// Inline content that fills a block: its edges trimmed.
fn inline_run(content: &[Node]) -> Vec<Node> {
    let mut nodes = inline_nodes(content);
    if let Some(Node::Text(first)) = nodes.first_mut() {
        *first = first.trim_start_matches(is_xml_space).to_owned();
    }
    if let Some(Node::Text(last)) = nodes.last_mut() {
        *last = last.trim_end_matches(is_xml_space).to_owned();
    }
    nodes.retain(|node| !matches!(node, Node::Text(text) if text.is_empty()));
    nodes
}

/// Inline content, texts merged and their whitespace collapsed.
fn inline_nodes(content: &[Node]) -> Vec<Node> {
    let mut merged: Vec<Node> = Vec::new();
    for node in content {
        match node {
            Node::Text(text) => push_text(&mut merged, text),
            Node::Element(element) => merged.push(Node::Element(inline_element(element))),
        }
    }
    let mut after_break = false;
    let mut out = Vec::with_capacity(merged.len());
    for node in merged {
        let node = match node {
            Node::Text(text) if after_break => {
                Node::Text(collapse(&text).trim_start_matches(' ').to_owned())
            }
            Node::Text(text) => Node::Text(collapse(&text)),
            element => element,
        };
        after_break = matches!(&node, Node::Element(element) if element.name == "br");
        if !matches!(&node, Node::Text(text) if text.is_empty()) {
            out.push(node);
        }
    }
    out
}

fn inline_element(element: &Element) -> Element {
    match element.name.as_str() {
        "i" => rebuilt_as("em", element, inline_nodes(&element.children)),
        "b" => rebuilt_as("strong", element, inline_nodes(&element.children)),
        "code" => rebuilt(
            element,
            text_node(collapse(&text_content(&element.children))),
        ),
        "insert" | "br" | "img" => rebuilt(element, Vec::new()),
        _ => rebuilt(element, inline_nodes(&element.children)),
    }
}

fn push_text(nodes: &mut Vec<Node>, text: &str) {
    if let Some(Node::Text(last)) = nodes.last_mut() {
        last.push_str(text);
    } else {
        nodes.push(Node::Text(text.to_owned()));
    }
}

/// All the text beneath, elements left out.
fn text_content(content: &[Node]) -> String {
    let mut text = String::new();
    for node in content {
        match node {
            Node::Text(part) => text.push_str(part),
            Node::Element(element) => text.push_str(&text_content(&element.children)),
        }
    }
    text
}

fn text_node(text: String) -> Vec<Node> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Node::Text(text)]
    }
}

/// Whitespace as XML and HTML count it (a no-break space is content).
pub(super) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if is_xml_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

fn child_elements<'e>(
    element: &'e Element,
    names: &'e [&'e str],
) -> impl Iterator<Item = &'e Element> + 'e {
    element
        .elements()
        .filter(move |child| names.contains(&child.name.as_str()))
}

fn rebuilt(element: &Element, children: Vec<Node>) -> Element {
    rebuilt_as(&element.name, element, children)
}

/// The element under `name`, with the attributes Markdown carries and nothing of its place.
fn rebuilt_as(name: &str, element: &Element, children: Vec<Node>) -> Element {
    let attributes = carried_attributes(name)
        .iter()
        .filter_map(|key| {
            let value = element.attribute(key)?;
            let kept = !value.is_empty() && (*key != "align" || is_markdown_alignment(value));
            kept.then(|| ((*key).to_owned(), value.to_owned()))
        })
        .collect();
    Element {
        name: name.to_owned(),
        attributes,
        children,
        at: Default::default(),
    }
}
