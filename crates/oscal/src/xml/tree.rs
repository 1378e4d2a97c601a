//! OSCAL XML as a plain element tree: parsing (namespace checked, entities resolved, every
//! element placed by line and column) and writing (indented where an element holds only
//! elements, exactly as held where it holds text).

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
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

/// Parses a document and returns its root element. Comments, processing instructions and the
/// XML declaration are dropped; a DTD is refused, since OSCAL defines no entities and a DTD's
/// entities are a known way to make a small file expand without bound.
pub fn parse(text: &str) -> Result<Element, ParseError> {
    let lines = LineIndex::new(text);
    let mut reader = NsReader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let at = lines.position(offset);
        let (namespace, event) = match reader.read_resolved_event() {
            Ok((namespace, event)) => (namespace_of(&namespace), event),
            Err(error) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(syntax(lines.position(offset), &error.to_string()));
            }
        };
        match event {
            Event::Start(start) => {
                let element = start_element(&reader, &start, namespace, at)?;
                if open.len() >= MAX_DEPTH {
                    return Err(ParseError {
                        at,
                        why: Bilingual::new(
                            format!("要素の入れ子が {MAX_DEPTH} 段を超えています"),
                            format!("elements nest more than {MAX_DEPTH} deep"),
                        ),
                        kind: ErrorKind::TooDeep,
                    });
                }
                open.push(element);
            }
            Event::Empty(start) => {
                let element = start_element(&reader, &start, namespace, at)?;
                close(&mut open, &mut root, element, at)?;
            }
            Event::End(_) => {
                let element = open
                    .pop()
                    .ok_or_else(|| syntax(at, "end tag without a start tag"))?;
                close(&mut open, &mut root, element, at)?;
            }
            Event::Text(text) => push_text(&mut open, &text.xml10_content(), at)?,
            Event::CData(data) => push_text(&mut open, &data, at)?,
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(character)) => character.to_string(),
                    Ok(None) => predefined_entity(&reference)
                        .ok_or_else(|| syntax(at, &format!("unknown entity &{};", &*reference)))?
                        .to_owned(),
                    Err(error) => return Err(syntax(at, &error.to_string())),
                };
                push_text(&mut open, &resolved, at)?;
            }
            Event::DocType(_) => {
                return Err(ParseError {
                    at,
                    why: Bilingual::new(
                        "DOCTYPE 宣言は受け付けません (OSCAL は DTD を使いません)",
                        "a DOCTYPE declaration is not accepted (OSCAL uses no DTD)",
                    ),
                    kind: ErrorKind::Syntax,
                });
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    match (root, open.last()) {
        (Some(root), None) => Ok(root),
        (_, Some(unclosed)) => Err(syntax(
            unclosed.at,
            &format!("element <{}> is never closed", unclosed.name),
        )),
        (None, None) => Err(syntax(Position { line: 1, column: 1 }, "no root element")),
    }
}

fn namespace_of(resolved: &ResolveResult<'_>) -> Option<String> {
    match resolved {
        ResolveResult::Bound(namespace) => Some(namespace.as_ref().to_owned()),
        ResolveResult::Unbound | ResolveResult::Unknown(_) => None,
    }
}

fn start_element(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    namespace: Option<String>,
    at: Position,
) -> Result<Element, ParseError> {
    let name = start.local_name().as_ref().to_owned();
    if namespace.as_deref() != Some(OSCAL_NAMESPACE) {
        let found = namespace.unwrap_or_else(|| "none".to_owned());
        return Err(ParseError {
            at,
            why: Bilingual::new(
                format!(
                    "要素 <{name}> の名前空間が {OSCAL_NAMESPACE} ではありません (実際: {found})"
                ),
                format!(
                    "element <{name}> is not in the namespace {OSCAL_NAMESPACE} (found: {found})"
                ),
            ),
            kind: ErrorKind::NotOscal,
        });
    }
    let mut element = Element {
        name,
        at,
        ..Element::default()
    };
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|error| syntax(at, &error.to_string()))?;
        let key = attribute.key;
        // Namespace declarations and attributes in other namespaces (xsi:schemaLocation) carry
        // nothing of the document's content.
        if key.as_namespace_binding().is_some() || key.prefix().is_some() {
            continue;
        }
        let (_, local) = reader.resolver().resolve_attribute(key);
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|error| syntax(at, &error.to_string()))?;
        element
            .attributes
            .push((local.as_ref().to_owned(), value.into_owned()));
    }
    Ok(element)
}

fn close(
    open: &mut [Element],
    root: &mut Option<Element>,
    element: Element,
    at: Position,
) -> Result<(), ParseError> {
    match open.last_mut() {
        Some(parent) => parent.children.push(Node::Element(element)),
        None if root.is_none() => *root = Some(element),
        None => return Err(syntax(at, "more than one root element")),
    }
    Ok(())
}

fn push_text(open: &mut [Element], text: &str, at: Position) -> Result<(), ParseError> {
    match open.last_mut() {
        Some(parent) => {
            if let Some(Node::Text(last)) = parent.children.last_mut() {
                last.push_str(text);
            } else {
                parent.children.push(Node::Text(text.to_owned()));
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err(syntax(at, "text outside the root element")),
    }
}

fn predefined_entity(name: &str) -> Option<&'static str> {
    match name {
        "lt" => Some("<"),
        "gt" => Some(">"),
        "amp" => Some("&"),
        "apos" => Some("'"),
        "quot" => Some("\""),
        _ => None,
    }
}

fn syntax(at: Position, detail: &str) -> ParseError {
    ParseError {
        at,
        why: Bilingual::new(
            format!("XML の構文が正しくありません: {detail}"),
            format!("not well-formed XML: {detail}"),
        ),
        kind: ErrorKind::Syntax,
    }
}

/// Byte offsets to lines and columns (columns count characters).
struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> LineIndex<'t> {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text));
        LineIndex { text, starts }
    }

    fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count())
            + 1;
        Position { line, column }
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, byte)| byte == b'\n')
        .map(|(at, _)| at + 1)
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
        return;
    }
    out.push('>');
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
    out.push_str("</");
    out.push_str(&element.name);
    out.push('>');
}

/// An element inside text: no whitespace added anywhere beneath it.
fn write_inline(out: &mut String, element: &Element) {
    out.push('<');
    out.push_str(&element.name);
    for (key, value) in &element.attributes {
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        escape_into(out, value, true);
        out.push('"');
    }
    if element.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for node in &element.children {
        match node {
            Node::Element(child) => write_inline(out, child),
            Node::Text(text) => escape_into(out, text, false),
        }
    }
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
