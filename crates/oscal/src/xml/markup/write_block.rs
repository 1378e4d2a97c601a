//! Blocks as Markdown, in the layout NIST's converter gives them; and the check that what is
//! written reads back as the markup it came from.

use super::escape::{self, Escaping};
use super::normalize::normalize;
use super::plain;
use super::read;
use super::vocabulary::{heading_level, is_block_element, is_list};
use super::write_inline::{self, Context, Style};
use crate::xml::tree::{Element, Node};

/// Tried in turn until one reads back: NIST's escaping, then every syntax character escaped,
/// then inline HTML for what Markdown's delimiters cannot say.
const STYLES: [Style; 3] = [
    Style {
        escaping: Escaping::Nist,
        delimiters: true,
    },
    Style {
        escaping: Escaping::Full,
        delimiters: true,
    },
    Style {
        escaping: Escaping::Full,
        delimiters: false,
    },
];

/// A thematic break (`<hr/>`), as NIST writes it.
const RULE: &str = "---";

/// A normalized markup-line as Markdown.
pub(super) fn line(content: &[Node]) -> String {
    if content.iter().all(is_plain_inline) {
        return write_inline::line(content, paragraph(STYLES[0]));
    }
    first_that_reads_back(
        |style| write_inline::line(content, paragraph(style)),
        |markdown| normalize(&read::line(markdown), false) == content,
    )
}

/// A normalized markup-multiline as Markdown.
pub(super) fn multiline(content: &[Node]) -> String {
    if content.iter().all(is_plain_block) {
        return top_level(content, STYLES[0]);
    }
    first_that_reads_back(
        |style| top_level(content, style),
        |markdown| normalize(&read::blocks(markdown), true) == content,
    )
}

/// Paragraphs and lists of plain text and inserts: Markdown reads back what is written for
/// them, so the check by reading back (a parse of every piece of prose) can be skipped. This is
/// most prose of published catalogs, and the check is most of the time of reading an XML catalog.
fn is_plain_block(node: &Node) -> bool {
    match node {
        Node::Element(element) if element.name == "p" => {
            element.children.iter().all(is_plain_inline)
        }
        Node::Element(element) if is_list(&element.name) => is_plain_list(element),
        _ => false,
    }
}

/// A list of items that each start with plain inline content, followed by nothing but further
/// such lists (text after a nested list would read as part of its last item).
fn is_plain_list(list: &Element) -> bool {
    let mut items = list.children.iter().filter(|node| !is_blank_text(node));
    let mut any = false;
    let all_plain = items.all(|node| {
        any = true;
        match node {
            Node::Element(item) if item.name == "li" => is_plain_item(item),
            _ => false,
        }
    });
    any && all_plain
}

fn is_plain_item(item: &Element) -> bool {
    let inline = item
        .children
        .iter()
        .take_while(|node| !matches!(node, Node::Element(inner) if is_list(&inner.name)))
        .count();
    let (text, lists) = item.children.split_at(inline);
    !text.is_empty()
        && text.iter().all(is_plain_inline)
        && lists.iter().all(|node| match node {
            Node::Element(inner) => is_plain_list(inner),
            Node::Text(_) => is_blank_text(node),
        })
}

fn is_blank_text(node: &Node) -> bool {
    matches!(node, Node::Text(text) if text.trim().is_empty())
}

/// Text with no character Markdown or OSCAL's extensions could read as syntax, or an insert.
/// Characters that mean something only at a line's start (a digit, which could start a numbered
/// list, or `-`, `+`, `#`, `=`, `:`) are plain anywhere else; any text may stand at a line's
/// start here, so none may start with them.
fn is_plain_inline(node: &Node) -> bool {
    match node {
        Node::Text(text) => {
            !text.starts_with(plain::is_line_start_syntax) && plain::is_plain_text(text)
        }
        Node::Element(element) => element.name == "insert" && element.children.is_empty(),
    }
}

fn first_that_reads_back(
    write: impl Fn(Style) -> String,
    reads_back: impl Fn(&str) -> bool,
) -> String {
    let mut markdown = String::new();
    for style in STYLES {
        markdown = write(style);
        if reads_back(&markdown) {
            break;
        }
    }
    markdown
}

fn paragraph(style: Style) -> Context {
    Context {
        style,
        in_table: false,
        one_line: false,
    }
}

/// The document's blocks. As NIST writes them, a list ends with an empty line: one more line
/// break after it, before the next block or at the very end.
fn top_level(content: &[Node], style: Style) -> String {
    let mut out = blocks(content, style, Markers::default());
    if block_elements(content)
        .last()
        .is_some_and(|last| is_list(&last.name))
    {
        out.push('\n');
    }
    out
}

/// Which marker a list takes. Two lists of one kind in a row are one list to Markdown unless
/// their markers differ, and a list that starts its parent's item must differ from the parent
/// (`* * *` is a rule): such a list takes the other marker of its kind.
#[derive(Debug, Clone, Copy, Default)]
struct Markers<'n> {
    /// The list just before (or around) and whether it took the other marker.
    before: Option<(&'n str, bool)>,
}

impl<'n> Markers<'n> {
    fn inside(list: &'n str, alternate: bool) -> Markers<'n> {
        Markers {
            before: Some((list, alternate)),
        }
    }

    /// Whether the list `name`, coming next, takes the other marker.
    fn next_list(&mut self, name: &'n str) -> bool {
        let alternate = matches!(self.before, Some((before, other)) if before == name && !other);
        self.before = Some((name, alternate));
        alternate
    }

    fn not_a_list(&mut self) {
        self.before = None;
    }
}

/// Blocks separated by a blank line (two after a list, as NIST writes them at the top level).
fn blocks<'n>(content: &'n [Node], style: Style, mut markers: Markers<'n>) -> String {
    let mut out = String::new();
    let mut previous: Option<&Element> = None;
    for element in block_elements(content) {
        let alternate = if is_list(&element.name) {
            markers.next_list(&element.name)
        } else {
            markers.not_a_list();
            false
        };
        if let Some(before) = previous {
            let gap = if is_list(&before.name) {
                "\n\n\n"
            } else {
                "\n\n"
            };
            out.push_str(gap);
        }
        out.push_str(&block(element, style, alternate));
        previous = Some(element);
    }
    out
}

fn block_elements(content: &[Node]) -> impl Iterator<Item = &Element> {
    content.iter().filter_map(|node| match node {
        Node::Element(element) => Some(element),
        Node::Text(_) => None,
    })
}

fn block(element: &Element, style: Style, alternate: bool) -> String {
    let name = element.name.as_str();
    if let Some(level) = heading_level(name) {
        return heading(element, level, style);
    }
    match name {
        "pre" => fenced(&element.text()),
        "hr" => RULE.to_owned(),
        "blockquote" => {
            let quoted = blocks(&element.children, style, Markers::default());
            prefixed(&quoted, "> ", ">")
        }
        "ul" | "ol" => list(element, style, alternate, false),
        "table" => table(element, style),
        _ => write_inline::line(&element.children, paragraph(style)),
    }
}

fn heading(element: &Element, level: usize, style: Style) -> String {
    let context = Context {
        style,
        in_table: false,
        one_line: true,
    };
    let text = write_inline::line(&element.children, context);
    let marks = "#".repeat(level);
    if text.is_empty() {
        marks
    } else {
        format!("{marks} {text}")
    }
}

/// `pre` in a fence longer than any run of backticks inside it; reading drops the line break the
/// fence adds at the end.
fn fenced(text: &str) -> String {
    let fence = "`".repeat((escape::longest_run(text, '`') + 1).max(3));
    format!("{fence}\n{text}\n{fence}")
}

/// `after_text`: the list stands right under a line of its item's text. An empty item cannot
/// interrupt a paragraph in Markdown (the marker would read as more text), so an empty first
/// item is written holding a space by reference, which reads back as an empty item.
fn list(element: &Element, style: Style, alternate: bool, after_text: bool) -> String {
    let marker = match (element.name.as_str(), alternate) {
        ("ol", false) => "1.",
        ("ol", true) => "1)",
        (_, false) => "*",
        (_, true) => "-",
    };
    let items: Vec<&Element> = element.elements().collect();
    let loose = items.iter().any(|item| holds_block(item));
    let written: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(at, item)| {
            let markers = Markers::inside(&element.name, alternate);
            let body = if at == 0 && after_text && item.children.is_empty() {
                "&#32;".to_owned()
            } else if loose {
                blocks(&item.children, style, markers)
            } else {
                tight_item(&item.children, style, markers)
            };
            list_item(&body, marker)
        })
        .collect();
    written.join(if loose { "\n\n" } else { "\n" })
}

/// Whether an item holds a block other than a list, which makes its list loose.
fn holds_block(item: &Element) -> bool {
    item.elements()
        .any(|child| is_block_element(&child.name) && !is_list(&child.name))
}

/// A tight item: its inline content, each nested list on lines of its own.
fn tight_item<'n>(content: &'n [Node], style: Style, mut markers: Markers<'n>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Vec<Node> = Vec::new();
    for node in content {
        match node {
            Node::Element(element) if is_list(&element.name) => {
                let after_text = !run.is_empty();
                if after_text {
                    parts.push(write_inline::line(&run, paragraph(style)));
                    run.clear();
                    markers.not_a_list();
                }
                let alternate = markers.next_list(&element.name);
                parts.push(list(element, style, alternate, after_text));
            }
            other => run.push(other.clone()),
        }
    }
    if !run.is_empty() {
        parts.push(write_inline::line(&run, paragraph(style)));
    }
    parts.join("\n")
}

/// An item's body after its marker, the lines after the first indented to the body's column.
/// A rule first in a `-` item is written `___`: `- ---` would read as one rule, not an item.
fn list_item(body: &str, marker: &str) -> String {
    let indent = " ".repeat(marker.len() + 1);
    let mut out = String::with_capacity(body.len() + 8);
    for (at, line) in body.split('\n').enumerate() {
        if at == 0 {
            out.push_str(marker);
            if !line.is_empty() {
                out.push(' ');
            }
            if marker == "-" && line == RULE {
                out.push_str("___");
                continue;
            }
        } else {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&indent);
            }
        }
        out.push_str(line);
    }
    out
}

/// Every line behind `prefix` (`bare` for an empty line).
fn prefixed(body: &str, prefix: &str, bare: &str) -> String {
    body.split('\n')
        .map(|line| {
            if line.is_empty() {
                bare.to_owned()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A GFM table. Its first row is the header when it holds only `th`; otherwise the header is
/// left empty (and reading drops an empty header). A column's alignment is its first cell's.
/// What GFM cannot say does not come back: `th` past the first row (read as `td`), rows shorter
/// than the longest (read padded with empty cells), a cell aligned unlike its column's first.
fn table(element: &Element, style: Style) -> String {
    let rows: Vec<Vec<&Element>> = element
        .elements()
        .map(|row| row.elements().collect())
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let first = rows.first().cloned().unwrap_or_default();
    let header_row = !first.is_empty() && first.iter().all(|cell| cell.name == "th");
    let alignments = (0..columns).map(|column| {
        let align = first.get(column).and_then(|cell| cell.attribute("align"));
        match align {
            Some("left") => ":---",
            Some("right") => "---:",
            Some("center") => ":---:",
            _ => "---",
        }
    });
    let mut lines = Vec::with_capacity(rows.len() + 2);
    let body = if header_row {
        lines.push(table_row(&first, columns, style));
        rows.get(1..).unwrap_or_default()
    } else {
        lines.push(table_row(&[], columns, style));
        rows.as_slice()
    };
    lines.push(format!(
        "|{}",
        alignments.map(|a| format!(" {a} |")).collect::<String>()
    ));
    lines.extend(body.iter().map(|row| table_row(row, columns, style)));
    lines.join("\n")
}

fn table_row(cells: &[&Element], columns: usize, style: Style) -> String {
    let context = Context {
        style,
        in_table: true,
        one_line: true,
    };
    let mut out = String::from("|");
    for column in 0..columns {
        let text = cells
            .get(column)
            .map(|cell| write_inline::line(&cell.children, context))
            .unwrap_or_default();
        out.push(' ');
        out.push_str(&text);
        out.push_str(" |");
    }
    out
}
