//! Inline markup as Markdown.

use super::escape::{self, Escaping, Place};
use crate::xml::tree::{Element, Node};

/// How to write: how much to escape, and whether Markdown's delimiters may be used at all (when
/// not, `em`, `strong`, `sub` and `sup` are written as inline HTML, which always reads back).
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub escaping: Escaping,
    pub delimiters: bool,
}

/// Where inline content is written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    pub style: Style,
    /// In a table cell: `|` is escaped, and there is no line to break.
    pub in_table: bool,
    /// In a heading or a table cell: a line break can only be `<br/>`.
    pub one_line: bool,
}

/// What comes before a sequence: the start of a line, or the opening of its parent.
#[derive(Debug, Clone, Copy)]
enum Edge {
    LineStart,
    Delimiter(char),
}

/// Inline content that starts a line (a paragraph, a list item, a heading, a cell).
pub(super) fn line(nodes: &[Node], context: Context) -> String {
    sequence(nodes, context, Edge::LineStart, None, None)
}

fn sequence(
    nodes: &[Node],
    context: Context,
    before: Edge,
    after: Option<char>,
    parent: Option<&str>,
) -> String {
    let mut out = String::new();
    for (at, node) in nodes.iter().enumerate() {
        let previous = match (out.chars().last(), before) {
            (Some(last), _) => Some(last),
            (None, Edge::Delimiter(opening)) => Some(opening),
            (None, Edge::LineStart) => None,
        };
        let next = match nodes.get(at + 1) {
            Some(following) => first_char(following, context),
            None => after,
        };
        match node {
            Node::Text(text) => {
                let line_start =
                    (out.is_empty() && matches!(before, Edge::LineStart)) || out.ends_with('\n');
                let place = Place {
                    line_start,
                    in_table: context.in_table,
                };
                let mut written = escape::text(text, context.style.escaping, place);
                // `!` right before a link would make it an image.
                if next == Some('[') && written.ends_with('!') {
                    written.insert(written.len() - 1, '\\');
                }
                out.push_str(&written);
            }
            Node::Element(element) => {
                let neighbours = Neighbours {
                    previous,
                    next,
                    next_is_text: matches!(nodes.get(at + 1), Some(Node::Text(_))),
                    parent,
                };
                out.push_str(&element_markdown(element, context, neighbours));
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
struct Neighbours<'p> {
    previous: Option<char>,
    next: Option<char>,
    next_is_text: bool,
    parent: Option<&'p str>,
}

fn element_markdown(element: &Element, context: Context, around: Neighbours<'_>) -> String {
    match element.name.as_str() {
        "em" | "i" => delimited(element, "*", "em", context, around),
        "strong" | "b" => delimited(element, "**", "strong", context, around),
        "sub" => delimited(element, "~", "sub", context, around),
        "sup" => delimited(element, "^", "sup", context, around),
        "q" => quotation(element, context, around),
        "code" => code(element, context, around),
        "a" => link(element, context),
        "img" => image(element, context),
        "insert" => insert(element),
        "br" if around.next_is_text && !context.one_line => "\\\n".to_owned(),
        "br" => "<br/>".to_owned(),
        _ => content(element, context, '<', '<'),
    }
}

/// `*…*` and the like where Markdown reads them back as written, else the element in HTML.
fn delimited(
    element: &Element,
    delimiter: &str,
    tag: &str,
    context: Context,
    around: Neighbours<'_>,
) -> String {
    let mark = delimiter.chars().next().unwrap_or('*');
    let inner = content(element, context, mark, mark);
    if context.style.delimiters && delimiters_hold(mark, around, &inner) {
        format!("{delimiter}{inner}{delimiter}")
    } else {
        format!("<{tag}>{inner}</{tag}>")
    }
}

/// Whether `mark` around `inner` is read as emphasis (or sub, sup) exactly there: CommonMark's
/// flanking rules, cautiously (an unknown character next to a delimiter counts against it).
fn delimiters_hold(mark: char, around: Neighbours<'_>, inner: &str) -> bool {
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().last()) else {
        return false;
    };
    let merges = [around.previous, around.next, Some(first), Some(last)].contains(&Some(mark));
    if first.is_whitespace() || last.is_whitespace() || merges {
        return false;
    }
    let free = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
    if mark == '*' {
        (first.is_alphanumeric() || free(around.previous))
            && (last.is_alphanumeric() || free(around.next))
    } else {
        // `~` and `^`, like `_`, never open or close inside a word.
        free(around.previous) && free(around.next)
    }
}

/// A quotation between straight double quotes; one directly inside another is written as
/// `<q>` so that the quotes pair as they should.
fn quotation(element: &Element, context: Context, around: Neighbours<'_>) -> String {
    let inner = content(element, context, '"', '"');
    if around.parent == Some("q") {
        format!("<q>{inner}</q>")
    } else {
        format!("\"{inner}\"")
    }
}

/// A code span; in HTML when empty (Markdown has no empty code span) or right beside a backtick
/// (the fences would run together).
fn code(element: &Element, context: Context, around: Neighbours<'_>) -> String {
    let text = element.text();
    let beside_backtick = around.previous == Some('`') || around.next == Some('`');
    match escape::code_span(&text, context.in_table) {
        Some(span) if !beside_backtick => span,
        _ => {
            let place = Place {
                line_start: false,
                in_table: context.in_table,
            };
            format!(
                "<code>{}</code>",
                escape::text(&text, Escaping::Full, place)
            )
        }
    }
}

fn link(element: &Element, context: Context) -> String {
    let text = content(element, context, '[', ']');
    let href = element.attribute("href").unwrap_or_default();
    format!("[{text}]({})", target(href, element.attribute("title")))
}

fn image(element: &Element, context: Context) -> String {
    let place = Place {
        line_start: false,
        in_table: context.in_table,
    };
    let alt = escape::text(
        element.attribute("alt").unwrap_or_default(),
        context.style.escaping,
        place,
    );
    let src = element.attribute("src").unwrap_or_default();
    format!("![{alt}]({})", target(src, element.attribute("title")))
}

fn target(destination: &str, title: Option<&str>) -> String {
    let destination = escape::destination(destination);
    match title {
        Some(title) if !title.is_empty() => format!("{destination} {}", escape::title(title)),
        _ => destination,
    }
}

fn insert(element: &Element) -> String {
    let kind = element.attribute("type").unwrap_or_default();
    let id = element.attribute("id-ref").unwrap_or_default();
    format!("{{{{ insert: {kind}, {id} }}}}")
}

/// An element's content, written between `opening` and `closing`.
fn content(element: &Element, context: Context, opening: char, closing: char) -> String {
    sequence(
        &element.children,
        context,
        Edge::Delimiter(opening),
        Some(closing),
        Some(&element.name),
    )
}

/// The first character a node is written with, as far as its neighbours' delimiters care.
fn first_char(node: &Node, context: Context) -> Option<char> {
    match node {
        Node::Text(text) => {
            let place = Place {
                line_start: false,
                in_table: context.in_table,
            };
            escape::text(text, context.style.escaping, place)
                .chars()
                .next()
        }
        Node::Element(element) => Some(match element.name.as_str() {
            "em" | "i" | "strong" | "b" => '*',
            "sub" => '~',
            "sup" => '^',
            "a" => '[',
            "img" => '!',
            "insert" => '{',
            "code" => '`',
            "q" => '"',
            _ => '<',
        }),
    }
}
