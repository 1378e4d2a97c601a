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
/// - a list is tight or loose as a whole: when one item holds a block other than a list (or text
///   after a nested list), the inline content of every item is a paragraph (unless the list is
///   one item holding one paragraph, which Markdown cannot make loose: that paragraph is plain
///   inline content);
/// - a table's rows without cells, and a first row of empty header cells, are dropped;
/// - whitespace right after a `br` is dropped (a Markdown line does not start with it), and a
///   block holding only line breaks is empty;
/// - `pre` and `code` hold only their text;
/// - attributes are those Markdown carries (`a`: href, title; `img`: alt, src, title; `insert`:
///   id-ref, type; a cell's align when left, center or right), in that order, empty ones dropped;
///   an image's alt text has its whitespace collapsed.
pub fn normalize(content: &[Node], multiline: bool) -> Vec<Node> {
    if multiline {
        blocks(content)
    } else {
        inline_run(content)
    }
}

/// Blocks, each run of inline content among them made a paragraph.
fn blocks(content: &[Node]) -> Vec<Node> {
    paragraphs(segments(content))
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
    let items: Vec<(&Element, Vec<Segment>)> = child_elements(element, &["li"])
        .map(|item| (item, segments(&item.children)))
        .collect();
    if items.is_empty() {
        return None;
    }
    // Markdown makes a list loose with a blank line between items, or between two blocks of an
    // item: one item holding one block has no place for it.
    let loose = items.iter().any(|(_, segments)| needs_loose(segments))
        && (items.len() > 1 || items.iter().any(|(_, segments)| parts(segments) > 1));
    let items = items
        .into_iter()
        .map(|(item, segments)| {
            let content = if loose {
                paragraphs(segments)
            } else {
                tight_item(segments)
            };
            Node::Element(rebuilt(item, content))
        })
        .collect();
    Some(rebuilt(element, items))
}

/// Content cut into the runs of inline content between blocks (as they stand) and the blocks
/// (normalized); `Dropped` where a block that holds nothing stood.
enum Segment {
    Run(Vec<Node>),
    Block(Element),
    Dropped,
}

fn segments(content: &[Node]) -> Vec<Segment> {
    let mut out = Vec::new();
    for node in content {
        match (node, out.last_mut()) {
            (Node::Element(element), _) if is_block_element(&element.name) => {
                out.push(block(element).map_or(Segment::Dropped, Segment::Block));
            }
            (other, Some(Segment::Run(run))) => run.push(other.clone()),
            (other, _) => out.push(Segment::Run(vec![other.clone()])),
        }
    }
    out
}

/// Blocks, each run a paragraph (a dropped block still parts two runs, as two lines in HTML).
fn paragraphs(segments: Vec<Segment>) -> Vec<Node> {
    segments
        .into_iter()
        .filter_map(|segment| match segment {
            Segment::Run(run) => Some(inline_run(&run))
                .filter(|inline| !inline.is_empty())
                .map(|inline| Node::Element(rebuilt_as("p", &Element::default(), inline))),
            Segment::Block(block) => Some(Node::Element(block)),
            Segment::Dropped => None,
        })
        .collect()
}

/// A tight item's content: inline runs (a dropped block parts nothing here: a tight item has no
/// way to), and blocks (lists, or the single block of a single item; a paragraph there is its
/// inline content).
fn tight_item(segments: Vec<Segment>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    for segment in segments {
        match segment {
            Segment::Run(nodes) => run.extend(nodes),
            Segment::Dropped => {}
            Segment::Block(block) => {
                out.extend(inline_run(&std::mem::take(&mut run)));
                if block.name == "p" {
                    out.extend(block.children);
                } else {
                    out.push(Node::Element(block));
                }
            }
        }
    }
    out.extend(inline_run(&run));
    out
}

/// Whether an item needs a loose list: it holds a block other than a list, or text after a
/// nested list (which would otherwise continue the nested list's last item).
fn needs_loose(segments: &[Segment]) -> bool {
    let mut after_list = false;
    segments.iter().any(|segment| match segment {
        Segment::Block(block) if is_list(&block.name) => {
            after_list = true;
            false
        }
        Segment::Block(_) => true,
        Segment::Run(run) => after_list && !inline_run(run).is_empty(),
        Segment::Dropped => false,
    })
}

/// How many blocks an item makes in a loose list.
fn parts(segments: &[Segment]) -> usize {
    segments
        .iter()
        .filter(|segment| match segment {
            Segment::Run(run) => !inline_run(run).is_empty(),
            Segment::Block(_) => true,
            Segment::Dropped => false,
        })
        .count()
}

/// A table of rows of cells. A first row of empty header cells is no row: it is what Markdown
/// writes for a table without a header.
fn table(element: &Element) -> Option<Element> {
    let mut rows: Vec<Element> = child_elements(element, &["tr"])
        .map(|row| {
            let cells = child_elements(row, &["th", "td"])
                .map(|cell| Node::Element(rebuilt(cell, inline_run(&cell.children))))
                .collect();
            rebuilt(row, cells)
        })
        .filter(|row| !row.children.is_empty())
        .collect();
    let empty_header = rows.first().is_some_and(|row| {
        row.elements()
            .all(|cell| cell.name == "th" && cell.children.is_empty())
    });
    if empty_header {
        rows.remove(0);
    }
    (!rows.is_empty()).then(|| rebuilt(element, rows.into_iter().map(Node::Element).collect()))
}

/// Inline content that fills a block: its edges trimmed. Line breaks alone fill nothing (in
/// Markdown a line holding only `<br/>` is an HTML block, not a break).
fn inline_run(content: &[Node]) -> Vec<Node> {
    let mut nodes = inline_nodes(content);
    if let Some(Node::Text(first)) = nodes.first_mut() {
        *first = first.trim_start_matches(is_xml_space).to_owned();
    }
    if let Some(Node::Text(last)) = nodes.last_mut() {
        *last = last.trim_end_matches(is_xml_space).to_owned();
    }
    nodes.retain(|node| !matches!(node, Node::Text(text) if text.is_empty()));
    if nodes.iter().all(is_break) {
        nodes.clear();
    }
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
        after_break = is_break(&node);
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
        "img" => {
            // The alt text is inline text in Markdown, its whitespace collapsed like any.
            let mut image = rebuilt(element, Vec::new());
            for (key, value) in &mut image.attributes {
                if key == "alt" {
                    *value = collapse(value);
                }
            }
            image
        }
        "insert" | "br" => rebuilt(element, Vec::new()),
        _ => rebuilt(element, inline_nodes(&element.children)),
    }
}

fn is_break(node: &Node) -> bool {
    matches!(node, Node::Element(element) if element.name == "br")
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

pub(super) fn collapse(text: &str) -> String {
    // Most text has nothing to collapse: no tab or line end, no two spaces together.
    if !text.contains(['\t', '\n', '\r']) && !text.contains("  ") {
        return text.to_owned();
    }
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
