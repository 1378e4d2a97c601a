//! OSCAL XML as a plain element tree: parsing (namespace checked, entities resolved, every
//! element placed by line and column) and writing (indented where an element holds only
//! elements, exactly as held where it holds text).

use std::borrow::Cow;
use std::cell::Cell;

use super::attributes;
use super::malformed::Malformed;
use super::scanner::{Lexeme, Scanner};
use shinrai_domain::text::Bilingual;

use crate::error::ErrorKind;

/// The namespace of every OSCAL element, whatever the model or version.
pub const OSCAL_NAMESPACE: &str = "http://csrc.nist.gov/ns/oscal/1.0";

/// Elements nested deeper than this are refused: no OSCAL document comes near it, and it keeps
/// the recursive steps after parsing on a bounded stack.
pub const MAX_DEPTH: usize = 256;

/// Where something starts in the text, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One element: its local name, its attributes in document order, and its content.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
    pub at: Position,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn new(name: impl Into<String>) -> Element {
        Element {
            name: name.into(),
            ..Element::default()
        }
    }

    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The child elements, skipping text.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// All the text directly inside, joined.
    pub fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|node| match node {
                Node::Text(text) => Some(text.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }

    /// True when some text that is not only whitespace sits directly inside.
    pub fn has_text(&self) -> bool {
        self.children
            .iter()
            .any(|node| matches!(node, Node::Text(text) if !text.trim().is_empty()))
    }
}

/// Why a text is not a well-formed OSCAL XML document, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub at: Position,
    pub why: Bilingual,
    /// `Syntax`, `TooDeep`, or `NotOscal` for elements outside OSCAL's namespace.
    pub kind: ErrorKind,
}

/// One step through a document: an element opens (empty elements open and close at once),
/// closes, or text comes (entities already resolved; comments and processing instructions are
/// skipped).
#[derive(Debug)]
pub(crate) enum Token<'t> {
    Open(Tag<'t>),
    Close,
    Text(Cow<'t, str>),
    Eof,
}

/// An element's start tag, in OSCAL's namespace: its local name and the text of its attributes,
/// read as needed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tag<'t> {
    name: &'t str,
    attributes: &'t str,
}

impl<'t> Tag<'t> {
    pub fn name(&self) -> &'t str {
        self.name
    }

    /// The attributes that carry content, in document order, by local name: namespace
    /// declarations and attributes in other namespaces (`xsi:schemaLocation`) are left out.
    /// They are read as they are asked for; one that is not well-formed comes as an error.
    pub fn attributes(&self) -> ContentAttributes<'t> {
        ContentAttributes {
            scanned: attributes::Attributes::new(self.attributes),
        }
    }
}

/// The attributes of a tag that carry content, as name and value.
#[derive(Debug)]
pub(crate) struct ContentAttributes<'t> {
    scanned: attributes::Attributes<'t>,
}

impl<'t> Iterator for ContentAttributes<'t> {
    type Item = Result<(&'t str, Cow<'t, str>), Box<Malformed>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.scanned.next()? {
                Ok(attribute) if attribute.prefix().is_some() || attribute.declares().is_some() => {
                }
                Ok(attribute) => return Some(Ok((attribute.name, attribute.value))),
                Err(why) => return Some(Err(why)),
            }
        }
    }
}

/// A start tag and where the tokens stood before it, to read them again from there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark<'t> {
    tag: Tag<'t>,
    offset: usize,
    open: usize,
    namespaces: usize,
    depth: usize,
}

/// The tokens of a document, with the byte offset where each starts for placing errors.
pub(crate) struct Tokenizer<'t> {
    scanner: Scanner<'t>,
    lines: LineIndex<'t>,
    /// The qualified names of the elements open now, outermost first: each end tag must match.
    open: Vec<&'t str>,
    /// An empty element (`<x/>`) was just opened: its close comes next.
    closing_empty: bool,
    /// Namespace declarations in scope: prefix (`""` for the default), whether the namespace is
    /// OSCAL's, and the depth of the element that declared it. Only that answer is kept: it is
    /// asked for every element.
    namespaces: Vec<(String, bool, usize)>,
    /// Where the last token returned starts.
    pub offset: usize,
    depth: usize,
}

impl<'t> Tokenizer<'t> {
    pub fn new(text: &'t str) -> Tokenizer<'t> {
        Tokenizer {
            scanner: Scanner::new(text),
            lines: LineIndex::new(text),
            open: Vec::new(),
            closing_empty: false,
            namespaces: Vec::new(),
            offset: 0,
            depth: 0,
        }
    }

    /// Marks `tag`, the start tag just read, to come back to.
    pub fn mark(&self, tag: Tag<'t>) -> Mark<'t> {
        let depth = self.depth.saturating_sub(1);
        Mark {
            tag,
            offset: self.offset,
            open: depth,
            // Declarations are kept outermost first: the tag's own come last.
            namespaces: self
                .namespaces
                .iter()
                .take_while(|(_, _, declared)| *declared <= depth)
                .count(),
            depth,
        }
    }

    /// Goes back to just after a marked start tag, and gives the tag back. The state before
    /// the tag is restored and the tag read again: rewinding only within the element around
    /// the mark, everything read since opened and closed above that state, so dropping what
    /// was added restores it.
    pub fn rewind(&mut self, mark: Mark<'t>) -> Result<Tag<'t>, ParseError> {
        self.scanner.rewind(mark.offset);
        self.open.truncate(mark.open);
        self.namespaces.truncate(mark.namespaces);
        self.depth = mark.depth;
        self.closing_empty = false;
        self.next()?;
        Ok(mark.tag)
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(offset)
    }

    /// Where the last token starts.
    pub fn here(&self) -> Position {
        self.lines.position(self.offset)
    }

    /// The next token, with indentation before it passed over: for readers of content where
    /// whitespace between elements means nothing, so that it costs no token.
    pub fn next_past_indentation(&mut self) -> Result<Token<'t>, ParseError> {
        if !self.closing_empty {
            self.scanner.skip_indentation();
        }
        self.next()
    }

    /// Inlined into the readers of content, for the same reason as the scanner's `next`.
    #[inline]
    pub fn next(&mut self) -> Result<Token<'t>, ParseError> {
        if self.closing_empty {
            self.closing_empty = false;
            self.close();
            return Ok(Token::Close);
        }
        self.offset = self.scanner.offset();
        let lexeme = self
            .scanner
            .next()
            .map_err(|error| syntax(self.position(error.offset), *error.why))?;
        match lexeme {
            Lexeme::Start {
                name,
                attributes,
                empty,
            } => {
                if self.depth >= MAX_DEPTH {
                    return Err(ParseError {
                        at: self.here(),
                        why: Bilingual::new(
                            format!("要素の入れ子が {MAX_DEPTH} 段を超えています"),
                            format!("elements nest more than {MAX_DEPTH} deep"),
                        ),
                        kind: ErrorKind::TooDeep,
                    });
                }
                self.depth += 1;
                self.open.push(name);
                self.closing_empty = empty;
                self.open_tag(name, attributes)
            }
            Lexeme::End { name } => {
                match self.open.last() {
                    Some(open) if *open == name => {}
                    Some(open) => {
                        return Err(syntax(
                            self.here(),
                            Malformed::EndTagMismatch {
                                end: name.to_owned(),
                                open: (*open).to_owned(),
                            },
                        ));
                    }
                    None => {
                        return Err(syntax(
                            self.here(),
                            Malformed::EndTagClosesNothing {
                                end: name.to_owned(),
                            },
                        ));
                    }
                }
                self.close();
                Ok(Token::Close)
            }
            Lexeme::Text(text) => Ok(Token::Text(text)),
            Lexeme::DocType => Err(ParseError {
                at: self.here(),
                why: Bilingual::new(
                    "DOCTYPE 宣言は受け付けません (OSCAL は DTD を使いません)",
                    "a DOCTYPE declaration is not accepted (OSCAL uses no DTD)",
                ),
                kind: ErrorKind::Syntax,
            }),
            Lexeme::Eof if self.depth > 0 => Err(syntax(self.here(), Malformed::EndsInsideElement)),
            Lexeme::Eof => Ok(Token::Eof),
        }
    }

    /// The element open now closes: its namespace declarations go out of scope.
    fn close(&mut self) {
        let depth = self.depth;
        if self
            .namespaces
            .last()
            .is_some_and(|(_, _, declared)| *declared >= depth)
        {
            self.namespaces.retain(|(_, _, declared)| *declared < depth);
        }
        self.open.pop();
        self.depth = depth.saturating_sub(1);
    }

    /// An element opens: its namespace declarations come into scope, and its name must be in
    /// OSCAL's namespace.
    fn open_tag(&mut self, qualified: &'t str, raw: &'t str) -> Result<Token<'t>, ParseError> {
        if attributes::may_declare(raw) {
            for attribute in attributes::Attributes::new(raw) {
                let attribute = attribute.map_err(|detail| syntax(self.here(), *detail))?;
                let Some(prefix) = attribute.declares() else {
                    continue;
                };
                let is_oscal = attribute.value == OSCAL_NAMESPACE;
                self.namespaces
                    .push((prefix.to_owned(), is_oscal, self.depth));
            }
        }
        let (prefix, name) = match qualified.bytes().position(|byte| byte == b':') {
            Some(colon) => (
                qualified.get(..colon).unwrap_or_default(),
                qualified.get(colon + 1..).unwrap_or_default(),
            ),
            None => ("", qualified),
        };
        let in_oscal = self
            .namespaces
            .iter()
            .rev()
            // Most elements have no prefix: that case is settled without comparing text.
            .find(|(declared, _, _)| {
                if prefix.is_empty() {
                    declared.is_empty()
                } else {
                    declared == prefix
                }
            })
            .is_some_and(|(_, is_oscal, _)| *is_oscal);
        if !in_oscal {
            return Err(ParseError {
                at: self.here(),
                why: Bilingual::new(
                    format!("要素 <{name}> の名前空間が {OSCAL_NAMESPACE} ではありません"),
                    format!("element <{name}> is not in the namespace {OSCAL_NAMESPACE}"),
                ),
                kind: ErrorKind::NotOscal,
            });
        }
        Ok(Token::Open(Tag {
            name,
            attributes: raw,
        }))
    }

    /// The attributes of a tag as owned pairs, in document order.
    pub fn owned_attributes(&self, tag: &Tag<'_>) -> Result<Vec<(String, String)>, ParseError> {
        let mut attributes = Vec::new();
        for attribute in tag.attributes() {
            let (key, value) = attribute.map_err(|detail| syntax(self.here(), *detail))?;
            attributes.push((key.to_owned(), value.into_owned()));
        }
        Ok(attributes)
    }

    /// The element whose tag was just read, with all its content, up to its end.
    pub fn element(&mut self, tag: &Tag<'_>) -> Result<Element, ParseError> {
        let at = self.here();
        let attributes = self.owned_attributes(tag)?;
        Ok(Element {
            name: tag.name().to_owned(),
            attributes,
            children: self.children()?,
            at,
        })
    }

    /// Reads the content of an element just opened, up to and including its end, as nodes.
    pub fn children(&mut self) -> Result<Vec<Node>, ParseError> {
        let mut children: Vec<Node> = Vec::new();
        loop {
            match self.next()? {
                Token::Open(tag) => {
                    let element = self.element(&tag)?;
                    children.push(Node::Element(element));
                }
                Token::Text(text) => {
                    if let Some(Node::Text(last)) = children.last_mut() {
                        last.push_str(&text);
                    } else {
                        children.push(Node::Text(text.into_owned()));
                    }
                }
                Token::Close => return Ok(children),
                Token::Eof => {
                    return Err(syntax(self.here(), Malformed::EndsInsideElement));
                }
            }
        }
    }
}

/// Parses a document and returns its root element. Comments, processing instructions and the
/// XML declaration are dropped; a DTD is refused, since OSCAL defines no entities and a DTD's
/// entities are a known way to make a small file expand without bound.
pub fn parse(text: &str) -> Result<Element, ParseError> {
    let mut tokens = Tokenizer::new(text);
    let root = first_element(&mut tokens)?;
    let root = tokens.element(&root)?;
    after_root(&mut tokens)?;
    Ok(root)
}

/// The root element's start, past any leading whitespace.
pub(crate) fn first_element<'t>(tokens: &mut Tokenizer<'t>) -> Result<Tag<'t>, ParseError> {
    loop {
        match tokens.next()? {
            Token::Open(tag) => return Ok(tag),
            Token::Text(text) if is_blank(&text) => {}
            Token::Text(_) => return Err(syntax(tokens.here(), Malformed::TextOutsideRoot)),
            Token::Close | Token::Eof => {
                return Err(syntax(tokens.here(), Malformed::NoRootElement));
            }
        }
    }
}

/// Nothing but whitespace may follow the root element.
pub(crate) fn after_root(tokens: &mut Tokenizer<'_>) -> Result<(), ParseError> {
    loop {
        match tokens.next()? {
            Token::Eof => return Ok(()),
            Token::Text(text) if is_blank(&text) => {}
            Token::Text(_) => return Err(syntax(tokens.here(), Malformed::TextOutsideRoot)),
            Token::Open(_) | Token::Close => {
                return Err(syntax(tokens.here(), Malformed::SecondRootElement));
            }
        }
    }
}

#[cold]
pub(crate) fn syntax(at: Position, malformed: Malformed) -> ParseError {
    let detail = malformed.detail();
    ParseError {
        at,
        why: Bilingual::new(
            format!("XML の構文が正しくありません: {}", detail.ja),
            format!("not well-formed XML: {}", detail.en),
        ),
        kind: ErrorKind::Syntax,
    }
}

/// Byte offsets to lines and columns (columns count characters). Offsets come mostly in
/// increasing order, so the index walks forward from the last one asked for instead of indexing
/// every line of a large document up front; going back starts again from the top.
struct LineIndex<'t> {
    text: &'t str,
    /// The last offset asked for with its line and column (both from 1).
    cursor: Cell<(usize, usize, usize)>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> LineIndex<'t> {
        LineIndex {
            text,
            cursor: Cell::new((0, 1, 1)),
        }
    }

    fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let (mut from, mut line, mut column) = self.cursor.get();
        if offset < from {
            (from, line, column) = (0, 1, 1);
        }
        let passed = self.text.as_bytes().get(from..offset).unwrap_or_default();
        // Lines are counted a word at a time; only the last line's characters are counted one
        // by one, for the column.
        let breaks = memchr::memchr_iter(b'\n', passed).count();
        let line_start = match memchr::memrchr(b'\n', passed) {
            Some(last) => {
                line += breaks;
                column = 1;
                last + 1
            }
            None => 0,
        };
        // Bytes that are not UTF-8 continuation bytes each start a character.
        column += passed
            .get(line_start..)
            .unwrap_or_default()
            .iter()
            .filter(|byte| **byte & 0xC0 != 0x80)
            .count();
        self.cursor.set((offset, line, column));
        Position { line, column }
    }
}

/// Writes a document: the XML declaration, then the root with OSCAL's namespace. Elements that
/// hold only elements are indented two spaces a level; an element holding any text is written
/// on one line exactly as held, since whitespace in prose is content.
pub fn write(root: &Element) -> String {
    let mut out = String::with_capacity(1 << 16);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    write_element(&mut out, root, 0, true);
    out.push('\n');
    out
}

fn write_element(out: &mut String, element: &Element, depth: usize, root: bool) {
    if !start_tag(out, element, root) {
        return;
    }
    let indented = element
        .children
        .iter()
        .all(|node| matches!(node, Node::Element(_)));
    for node in &element.children {
        match node {
            Node::Element(child) if indented => {
                out.push('\n');
                push_indent(out, depth + 1);
                write_element(out, child, depth + 1, false);
            }
            Node::Element(child) => write_inline(out, child),
            Node::Text(text) => escape_into(out, text, false),
        }
    }
    if indented {
        out.push('\n');
        push_indent(out, depth);
    }
    end_tag(out, element);
}

/// An element inside text: no whitespace added anywhere beneath it.
fn write_inline(out: &mut String, element: &Element) {
    if !start_tag(out, element, false) {
        return;
    }
    for node in &element.children {
        match node {
            Node::Element(child) => write_inline(out, child),
            Node::Text(text) => escape_into(out, text, false),
        }
    }
    end_tag(out, element);
}

/// The start tag with its attributes (and OSCAL's namespace on the root); an element without
/// content is closed at once. True when content and an end tag are to follow.
fn start_tag(out: &mut String, element: &Element, root: bool) -> bool {
    out.push('<');
    out.push_str(&element.name);
    if root {
        out.push_str(" xmlns=\"");
        out.push_str(OSCAL_NAMESPACE);
        out.push('"');
    }
    for (key, value) in &element.attributes {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        escape_into(out, value, true);
        out.push('"');
    }
    if element.children.is_empty() {
        out.push_str("/>");
        return false;
    }
    out.push('>');
    true
}

fn end_tag(out: &mut String, element: &Element) {
    out.push_str("</");
    out.push_str(&element.name);
    out.push('>');
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for character in text.chars() {
        match character {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' if attribute => out.push_str("&quot;"),
            // Attribute values are normalised on reading: keep these as they are.
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            other => out.push(other),
        }
    }
}

/// True when the text is only XML whitespace, checked byte by byte (the common case between
/// elements, so worth a fast path).
pub(crate) fn is_blank(text: &str) -> bool {
    text.bytes()
        .all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oscal(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<catalog xmlns=\"{OSCAL_NAMESPACE}\" uuid=\"u\">{body}</catalog>"
        )
    }

    #[test]
    fn parses_elements_attributes_text_and_entities() {
        let root = parse(&oscal("\n  <title>A &amp; B &#x41;<em>x</em></title>")).unwrap();
        assert_eq!(root.name, "catalog");
        assert_eq!(root.attribute("uuid"), Some("u"));
        let title = root.elements().next().unwrap();
        assert_eq!(title.at, Position { line: 3, column: 3 });
        assert_eq!(title.text(), "A & B A");
        assert_eq!(title.elements().next().unwrap().name, "em");
    }

    #[test]
    fn refuses_other_namespaces_dtds_and_broken_text() {
        let error = parse("<catalog><title/></catalog>").unwrap_err();
        assert!(error.why.en.contains("namespace"), "{error:?}");
        let error = parse(&format!(
            "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><catalog xmlns=\"{OSCAL_NAMESPACE}\"/>"
        ))
        .unwrap_err();
        assert!(error.why.en.contains("DOCTYPE"), "{error:?}");
        let error = parse(&oscal("<title>x</titl>")).unwrap_err();
        assert_eq!(error.at.line, 2, "{error:?}");
        let error = parse(&oscal("&bogus;")).unwrap_err();
        assert!(error.why.en.contains("bogus"), "{error:?}");
    }

    #[test]
    fn syntax_errors_are_told_in_japanese_and_in_english() {
        for broken in [
            "<catalog".to_owned(),
            "<catalog x=\"1></catalog>".to_owned(),
            oscal("<title>x</titl>"),
            oscal("</title>"),
            oscal("<title a=1/>"),
            oscal("<title a=\"1\" a=\"2\"/>"),
            oscal("<title>"),
            oscal("<title>a\u{1}</title>"),
            oscal("") + &format!("<catalog xmlns=\"{OSCAL_NAMESPACE}\"/>"),
            oscal("") + "text",
            "   ".to_owned(),
        ] {
            let error = parse(&broken).unwrap_err();
            let (Some(ja), Some(en)) = (
                error.why.ja.strip_prefix("XML の構文が正しくありません: "),
                error.why.en.strip_prefix("not well-formed XML: "),
            ) else {
                panic!("{broken}: {error:?}");
            };
            assert!(
                ja.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}')),
                "{broken}: {ja}"
            );
            // No English word of the detail is left in the Japanese one, but the names of the
            // document's own elements and attributes.
            for word in en.split(|c: char| !c.is_ascii_alphabetic()) {
                assert!(
                    word.len() < 4 || broken.contains(word) || !ja.contains(word),
                    "{broken}: {ja} / {en}"
                );
            }
        }
    }

    #[test]
    fn refuses_nesting_beyond_the_limit() {
        let deep = format!(
            "{}{}",
            "<part>".repeat(MAX_DEPTH + 1),
            "</part>".repeat(MAX_DEPTH + 1)
        );
        let error = parse(&oscal(&deep)).unwrap_err();
        assert_eq!(error.kind, ErrorKind::TooDeep);
    }

    #[test]
    fn writes_what_it_reads() {
        let text = oscal(
            "<metadata><title>A <em>b</em> &lt;c&gt;</title></metadata><param id=\"p&quot;\"/>",
        );
        let root = parse(&text).unwrap();
        let written = write(&root);
        assert!(
            written.contains("\n  <metadata>\n    <title>A <em>b</em> &lt;c&gt;</title>"),
            "{written}"
        );
        let reread = parse(&written).unwrap();
        assert_eq!(strip_positions(reread), strip_positions(root));
    }

    fn strip_positions(mut element: Element) -> Element {
        element.at = Position::default();
        element.children = element
            .children
            .into_iter()
            .filter_map(|node| match node {
                Node::Element(child) => Some(Node::Element(strip_positions(child))),
                Node::Text(text) if text.trim().is_empty() => None,
                Node::Text(text) => Some(Node::Text(text)),
            })
            .collect();
        element
    }
}
