//! What may stand where in prose markup: anything else cannot be written as Markdown and is
//! refused, placed at the element that holds it.

use shinrai_domain::text::Bilingual;

use super::MarkupError;
use super::vocabulary::{is_block_element, is_empty_element, is_inline_element};
use crate::xml::tree::{Element, MAX_DEPTH, Node};

/// The place being checked: the element holding the content, or the markup type itself.
#[derive(Clone, Copy)]
struct Holder<'a> {
    name: &'a str,
    inside_link: bool,
}

const LINE: &str = "markup-line";
const MULTILINE: &str = "markup-multiline";

pub(super) fn line(content: &[Node]) -> Result<(), MarkupError> {
    nesting(content, 0)?;
    inline_content(content, root(LINE))
}

pub(super) fn multiline(content: &[Node]) -> Result<(), MarkupError> {
    nesting(content, 0)?;
    block_content(content, root(MULTILINE))
}

/// Markup nested deeper than an XML document may be is refused: the steps after this one
/// recurse through it.
fn nesting(content: &[Node], depth: usize) -> Result<(), MarkupError> {
    for element in elements(content) {
        if depth >= MAX_DEPTH {
            return Err(MarkupError {
                at: element.at,
                why: Bilingual::new(
                    format!("マークアップの入れ子が {MAX_DEPTH} 段を超えています"),
                    format!("markup nests more than {MAX_DEPTH} deep"),
                ),
            });
        }
        nesting(&element.children, depth + 1)?;
    }
    Ok(())
}

fn root(name: &str) -> Holder<'_> {
    Holder {
        name,
        inside_link: false,
    }
}

fn holder(element: &Element, inside_link: bool) -> Holder<'_> {
    Holder {
        name: &element.name,
        inside_link: inside_link || element.name == "a",
    }
}

/// Blocks, with inline content among them (a paragraph of its own).
fn block_content(content: &[Node], within: Holder<'_>) -> Result<(), MarkupError> {
    for element in elements(content) {
        if is_block_element(&element.name) {
            block(element)?;
        } else {
            inline_element(element, within)?;
        }
    }
    Ok(())
}

fn block(element: &Element) -> Result<(), MarkupError> {
    let within = holder(element, false);
    match element.name.as_str() {
        "blockquote" => block_content(&element.children, within),
        "ul" | "ol" => only_children(element, &["li"], |item| {
            block_content(&item.children, holder(item, false))
        }),
        "table" => only_children(element, &["tr"], |row| {
            only_children(row, &["th", "td"], |cell| {
                inline_content(&cell.children, holder(cell, false))
            })
        }),
        "hr" => Ok(()),
        _ => inline_content(&element.children, within),
    }
}

fn inline_content(content: &[Node], within: Holder<'_>) -> Result<(), MarkupError> {
    elements(content).try_for_each(|element| inline_element(element, within))
}

fn inline_element(element: &Element, within: Holder<'_>) -> Result<(), MarkupError> {
    if !is_inline_element(&element.name) || (within.inside_link && element.name == "a") {
        return Err(misplaced(element, within));
    }
    if is_empty_element(&element.name) {
        return Ok(());
    }
    inline_content(&element.children, holder(element, within.inside_link))
}

/// Structure that holds only certain elements (a list its items, a table its rows): text there
/// is refused unless it is only whitespace.
fn only_children(
    element: &Element,
    allowed: &[&str],
    mut each: impl FnMut(&Element) -> Result<(), MarkupError>,
) -> Result<(), MarkupError> {
    for node in &element.children {
        match node {
            Node::Element(child) if allowed.contains(&child.name.as_str()) => each(child)?,
            Node::Element(child) => return Err(misplaced(child, holder(element, false))),
            Node::Text(text) if text.trim().is_empty() => {}
            Node::Text(_) => return Err(stray_text(element)),
        }
    }
    Ok(())
}

fn elements(content: &[Node]) -> impl Iterator<Item = &Element> {
    content.iter().filter_map(|node| match node {
        Node::Element(element) => Some(element),
        Node::Text(_) => None,
    })
}

fn misplaced(element: &Element, within: Holder<'_>) -> MarkupError {
    let name = &element.name;
    let known = is_inline_element(name)
        || is_block_element(name)
        || matches!(name.as_str(), "li" | "tr" | "th" | "td");
    let why = if !known {
        Bilingual::new(
            format!("<{name}> は OSCAL の文章マークアップの要素ではありません"),
            format!("<{name}> is not an element of OSCAL's prose markup"),
        )
    } else if within.name == LINE {
        Bilingual::new(
            format!("<{name}> は {LINE} (インラインの内容のみ) に置けません"),
            format!("<{name}> cannot stand in a {LINE} (inline content only)"),
        )
    } else if within.inside_link && name == "a" {
        Bilingual::new(
            "<a> の中に別の <a> は置けません",
            "<a> cannot stand inside another <a>",
        )
    } else {
        let place = place(within.name);
        Bilingual::new(
            format!("<{name}> は {place} の中に置けません"),
            format!("<{name}> cannot stand inside {place}"),
        )
    };
    MarkupError {
        at: element.at,
        why,
    }
}

fn place(name: &str) -> String {
    if name == MULTILINE {
        name.to_owned()
    } else {
        format!("<{name}>")
    }
}

fn stray_text(element: &Element) -> MarkupError {
    let name = &element.name;
    MarkupError {
        at: element.at,
        why: Bilingual::new(
            format!("<{name}> の直下に文字列は置けません"),
            format!("text cannot stand directly inside <{name}>"),
        ),
    }
}
