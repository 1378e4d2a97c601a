//! Markdown (CommonMark with GFM tables, `~sub~` and `^sup^`) read into prose markup.

use std::ops::Range;

use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};

use super::read_text::{Content, element};
use super::vocabulary::is_block_element;
use crate::xml::tree::{Element, MAX_DEPTH, Node};

/// Markdown nested deeper than this is read flat (its content kept, its elements dropped): half
/// of what markup may nest, as normalizing adds a paragraph to each item of a loose list.
const MAX_NESTING: usize = MAX_DEPTH / 2;

/// Markdown as blocks.
pub(super) fn blocks(markdown: &str) -> Vec<Node> {
    // Every line ending is one, as XML has them: a code block keeps no carriage return.
    let markdown = markdown.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = Reader::new(&markdown);
    let options = Options::ENABLE_TABLES | Options::ENABLE_SUPERSCRIPT | Options::ENABLE_SUBSCRIPT;
    for (event, range) in Parser::new_ext(&markdown, options).into_offset_iter() {
        reader.event(event, range);
    }
    reader.finish()
}

/// Markdown as the inline content of one line: what blocks hold, joined by a space.
pub(super) fn line(markdown: &str) -> Vec<Node> {
    inline_of(&blocks(markdown))
}

fn inline_of(nodes: &[Node]) -> Vec<Node> {
    let mut out = Vec::new();
    for node in nodes {
        match node {
            Node::Element(block) if is_block_element(&block.name) || is_block_part(block) => {
                let content = inline_of(&block.children);
                if !out.is_empty() && !content.is_empty() {
                    out.push(Node::Text(" ".to_owned()));
                }
                out.extend(content);
            }
            other => out.push(other.clone()),
        }
    }
    out
}

fn is_block_part(element: &Element) -> bool {
    matches!(element.name.as_str(), "li" | "tr" | "th" | "td")
}

/// What an open element is, for what its content becomes when it ends.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Markdown,
    /// An inline HTML tag the writer uses (`<em>`, …): an element if its end tag follows.
    Html,
    /// A code block: its text, less the line break before the closing fence.
    CodeBlock,
    /// An image: its content is its alt text.
    Image,
    /// A table's header row: dropped when every cell is empty (the writer's header for a table
    /// whose first row is not a header).
    TableHead,
    /// Syntax OSCAL has no element for, or nesting past [`MAX_NESTING`]: the content stays,
    /// the element goes.
    Transparent,
}

#[derive(Debug)]
struct Frame {
    element: Element,
    kind: Kind,
    content: Content,
}

struct Reader<'s> {
    source: &'s str,
    open: Vec<Frame>,
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl<'s> Reader<'s> {
    fn new(source: &'s str) -> Reader<'s> {
        Reader {
            source,
            open: vec![frame(
                element("prose", Vec::new(), Vec::new()),
                Kind::Markdown,
            )],
            alignments: Vec::new(),
            in_head: false,
            column: 0,
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(&tag),
            Event::Text(text) => self.text(&text, range),
            Event::Code(code) => {
                let children = vec![Node::Text(code.into_string())];
                self.node(Node::Element(element("code", Vec::new(), children)));
            }
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::HardBreak => self.node(Node::Element(element("br", Vec::new(), Vec::new()))),
            Event::Rule => self.node(Node::Element(element("hr", Vec::new(), Vec::new()))),
            Event::SoftBreak => self.literal(" "),
            Event::Html(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.literal(&text);
            }
            Event::FootnoteReference(label) => self.literal(&format!("[^{label}]")),
            Event::TaskListMarker(done) => self.literal(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let (name, attributes, kind): (&str, Vec<(String, String)>, Kind) = match tag {
            Tag::Paragraph | Tag::HtmlBlock => ("p", Vec::new(), Kind::Markdown),
            Tag::Heading { level, .. } => {
                (heading_name(level as usize), Vec::new(), Kind::Markdown)
            }
            Tag::BlockQuote(_) => ("blockquote", Vec::new(), Kind::Markdown),
            Tag::CodeBlock(_) => ("pre", Vec::new(), Kind::CodeBlock),
            Tag::List(Some(_)) => ("ol", Vec::new(), Kind::Markdown),
            Tag::List(None) => ("ul", Vec::new(), Kind::Markdown),
            Tag::Item => ("li", Vec::new(), Kind::Markdown),
            Tag::Table(alignments) => {
                self.alignments = alignments;
                ("table", Vec::new(), Kind::Markdown)
            }
            Tag::TableHead => self.row(true),
            Tag::TableRow => self.row(false),
            Tag::TableCell => self.cell(),
            Tag::Emphasis => ("em", Vec::new(), Kind::Markdown),
            Tag::Strong => ("strong", Vec::new(), Kind::Markdown),
            Tag::Superscript => ("sup", Vec::new(), Kind::Markdown),
            Tag::Subscript => ("sub", Vec::new(), Kind::Markdown),
            Tag::Link {
                dest_url, title, ..
            } => ("a", target("href", &dest_url, &title), Kind::Markdown),
            Tag::Image {
                dest_url, title, ..
            } => ("img", target("src", &dest_url, &title), Kind::Image),
            _ => ("", Vec::new(), Kind::Transparent),
        };
        // OSCAL nests no link in a link (an autolink in a link's text would be one).
        let nested_link = name == "a" && self.open.iter().any(|open| open.element.name == "a");
        let kind = if self.open.len() > MAX_NESTING || nested_link {
            Kind::Transparent
        } else {
            kind
        };
        self.open
            .push(frame(element(name, attributes, Vec::new()), kind));
    }

    fn row(&mut self, head: bool) -> (&'static str, Vec<(String, String)>, Kind) {
        self.in_head = head;
        self.column = 0;
        let kind = if head {
            Kind::TableHead
        } else {
            Kind::Markdown
        };
        ("tr", Vec::new(), kind)
    }

    fn cell(&mut self) -> (&'static str, Vec<(String, String)>, Kind) {
        let align = match self.alignments.get(self.column) {
            Some(Alignment::Left) => Some("left"),
            Some(Alignment::Center) => Some("center"),
            Some(Alignment::Right) => Some("right"),
            Some(Alignment::None) | None => None,
        };
        self.column += 1;
        let attributes = align
            .map(|align| vec![("align".to_owned(), align.to_owned())])
            .unwrap_or_default();
        let name = if self.in_head { "th" } else { "td" };
        (name, attributes, Kind::Markdown)
    }

    fn end(&mut self, tag: &TagEnd) {
        self.close_unfinished_html();
        if matches!(tag, TagEnd::TableHead) {
            self.in_head = false;
        }
        // The root is never ended.
        if self.open.len() > 1
            && let Some(ended) = self.open.pop()
        {
            self.close(ended);
        }
    }

    /// Puts an ended element into its parent.
    fn close(&mut self, ended: Frame) {
        let Frame {
            mut element,
            kind,
            content,
        } = ended;
        let Some(parent) = self.open.last_mut() else {
            return;
        };
        match kind {
            Kind::Transparent => return parent.content.absorb(content),
            Kind::CodeBlock => {
                let mut text = text_of(&content.finish());
                if text.ends_with('\n') {
                    text.pop();
                }
                element.children = vec![Node::Text(text)];
            }
            Kind::Image => {
                let alt = text_of(&content.finish());
                element.attributes.insert(0, ("alt".to_owned(), alt));
            }
            Kind::Html | Kind::TableHead | Kind::Markdown => element.children = content.finish(),
        }
        let empty_head =
            kind == Kind::TableHead && element.elements().all(|cell| cell.children.is_empty());
        if !empty_head {
            parent.content.node(Node::Element(element));
        }
    }

    /// HTML start tags whose end tag never came are text after all.
    fn close_unfinished_html(&mut self) {
        while self.open.last().is_some_and(|top| top.kind == Kind::Html) {
            let Some(unfinished) = self.open.pop() else {
                return;
            };
            if let Some(parent) = self.open.last_mut() {
                parent
                    .content
                    .literal(&format!("<{}>", unfinished.element.name));
                parent.content.absorb(unfinished.content);
            }
        }
    }

    fn inline_html(&mut self, html: &str) {
        match html_tag(html) {
            Some(HtmlTag::Break) => {
                self.node(Node::Element(element("br", Vec::new(), Vec::new())));
            }
            Some(HtmlTag::Open(name)) if self.open.len() <= MAX_NESTING => {
                let opened = frame(element(name, Vec::new(), Vec::new()), Kind::Html);
                self.open.push(opened);
            }
            Some(HtmlTag::Close(name)) if self.closes_open_html(name) => {
                if let Some(ended) = self.open.pop() {
                    self.close(ended);
                }
            }
            _ => self.literal(html),
        }
    }

    fn closes_open_html(&self, name: &str) -> bool {
        self.open
            .last()
            .is_some_and(|top| top.kind == Kind::Html && top.element.name == name)
    }

    /// Text: where its characters stand in the Markdown exactly as read (no escape, no entity
    /// made them), OSCAL's syntax in them counts — but not in code, nor in an image's alt text,
    /// which is plain text.
    fn text(&mut self, text: &str, range: Range<usize>) {
        let as_written = self.source.get(range.clone()) == Some(text);
        let plain = self
            .open
            .iter()
            .any(|open| matches!(open.kind, Kind::CodeBlock | Kind::Image));
        let Some(top) = self.open.last_mut() else {
            return;
        };
        if !as_written || plain {
            return top.content.literal(text);
        }
        // An escaped character starts a text of its own, right after its backslash.
        let before = self.source.get(..range.start).unwrap_or_default();
        let backslashes = before.chars().rev().take_while(|&c| c == '\\').count();
        let mut chars = text.chars();
        if backslashes % 2 == 1
            && let Some(first) = chars.next()
        {
            top.content.literal(first.encode_utf8(&mut [0; 4]));
        }
        top.content.syntax_text(chars.as_str());
    }

    fn literal(&mut self, text: &str) {
        if let Some(top) = self.open.last_mut() {
            top.content.literal(text);
        }
    }

    fn node(&mut self, node: Node) {
        if let Some(top) = self.open.last_mut() {
            top.content.node(node);
        }
    }

    fn finish(mut self) -> Vec<Node> {
        self.close_unfinished_html();
        while self.open.len() > 1 {
            if let Some(ended) = self.open.pop() {
                self.close(ended);
            }
        }
        self.open
            .pop()
            .map(|root| root.content.finish())
            .unwrap_or_default()
    }
}

fn frame(element: Element, kind: Kind) -> Frame {
    Frame {
        element,
        kind,
        content: Content::default(),
    }
}

fn heading_name(level: usize) -> &'static str {
    match level {
        1 => "h1",
        2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}

fn target(key: &str, destination: &str, title: &str) -> Vec<(String, String)> {
    let mut attributes = vec![(key.to_owned(), destination.to_owned())];
    if !title.is_empty() {
        attributes.push(("title".to_owned(), title.to_owned()));
    }
    attributes
}

fn text_of(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|node| match node {
            Node::Text(text) => text.clone(),
            Node::Element(element) => text_of(&element.children),
        })
        .collect()
}

enum HtmlTag<'t> {
    Open(&'t str),
    Close(&'t str),
    Break,
}

/// The inline HTML the writer uses, and nothing else (any other HTML is read as text).
fn html_tag(html: &str) -> Option<HtmlTag<'static>> {
    const NAMES: [&str; 6] = ["em", "strong", "sub", "sup", "q", "code"];
    if matches!(html, "<br>" | "<br/>" | "<br />") {
        return Some(HtmlTag::Break);
    }
    let inner = html.strip_prefix('<')?.strip_suffix('>')?;
    let (closing, name) = match inner.strip_prefix('/') {
        Some(name) => (true, name),
        None => (false, inner),
    };
    let name = NAMES.into_iter().find(|known| *known == name)?;
    Some(if closing {
        HtmlTag::Close(name)
    } else {
        HtmlTag::Open(name)
    })
}
