//! The content of one element as it is read: text in which OSCAL's own syntax is found (a
//! `{{ insert: … }}`, a `"` that opens or closes a quotation) where Markdown left the characters
//! unescaped.

use crate::xml::tree::{Element, Node};

/// Nodes, quotation marks still to pair, and text not yet scanned.
#[derive(Debug, Default)]
pub(super) struct Content {
    pieces: Vec<Piece>,
    /// Runs of text, each either as written (where OSCAL's syntax counts) or literal.
    pending: Vec<(String, bool)>,
}

#[derive(Debug)]
enum Piece {
    Node(Node),
    Quote,
}

impl Content {
    /// Text exactly as written in the Markdown, where an unescaped `"` or `{{` is syntax.
    pub(super) fn syntax_text(&mut self, text: &str) {
        self.push_pending(text, true);
    }

    /// Text from an escape, an entity or a code-like place: never syntax.
    pub(super) fn literal(&mut self, text: &str) {
        self.push_pending(text, false);
    }

    pub(super) fn node(&mut self, node: Node) {
        self.scan_pending();
        self.pieces.push(Piece::Node(node));
    }

    /// Takes in the content of an element that turned out not to be one (an HTML tag never
    /// closed), its quotation marks still unpaired.
    pub(super) fn absorb(&mut self, mut other: Content) {
        self.scan_pending();
        other.scan_pending();
        self.pieces.append(&mut other.pieces);
    }

    /// The nodes, each pair of quotation marks made a `q` and an unpaired mark left as text.
    pub(super) fn finish(mut self) -> Vec<Node> {
        self.scan_pending();
        let mut out: Vec<Node> = Vec::new();
        let mut quoted: Option<Vec<Node>> = None;
        for piece in self.pieces {
            match (piece, quoted.as_mut()) {
                (Piece::Node(node), Some(inside)) => push_node(inside, node),
                (Piece::Node(node), None) => push_node(&mut out, node),
                (Piece::Quote, Some(_)) => {
                    let inside = quoted.take().unwrap_or_default();
                    out.push(Node::Element(element("q", Vec::new(), inside)));
                }
                (Piece::Quote, None) => quoted = Some(Vec::new()),
            }
        }
        if let Some(rest) = quoted {
            push_node(&mut out, Node::Text("\"".to_owned()));
            rest.into_iter().for_each(|node| push_node(&mut out, node));
        }
        out
    }

    fn push_pending(&mut self, text: &str, syntax: bool) {
        match self.pending.last_mut() {
            Some((last, was_syntax)) if *was_syntax == syntax => last.push_str(text),
            _ => self.pending.push((text.to_owned(), syntax)),
        }
    }

    fn scan_pending(&mut self) {
        for (text, syntax) in std::mem::take(&mut self.pending) {
            if syntax {
                self.scan(&text);
            } else {
                self.pieces.push(Piece::Node(Node::Text(text)));
            }
        }
    }

    /// Splits text into plain text, inserts and quotation marks.
    fn scan(&mut self, text: &str) {
        let mut rest = text;
        while let Some(at) = rest.find(['{', '"']) {
            let (before, from) = rest.split_at(at);
            self.plain(before);
            if let Some(after) = from.strip_prefix('"') {
                self.pieces.push(Piece::Quote);
                rest = after;
            } else if let Some((insert, after)) = parse_insert(from) {
                self.pieces.push(Piece::Node(Node::Element(insert)));
                rest = after;
            } else {
                self.plain("{");
                rest = from.get(1..).unwrap_or_default();
            }
        }
        self.plain(rest);
    }

    fn plain(&mut self, text: &str) {
        if !text.is_empty() {
            self.pieces.push(Piece::Node(Node::Text(text.to_owned())));
        }
    }
}

/// `{{ insert: type, id-ref }}` at the start of `text` (spaces optional), and what follows it.
fn parse_insert(text: &str) -> Option<(Element, &str)> {
    let rest = text.strip_prefix("{{")?.trim_start();
    let rest = rest.strip_prefix("insert:")?.trim_start();
    let (kind, rest) = token(rest)?;
    let rest = rest.trim_start().strip_prefix(',')?.trim_start();
    let (id, rest) = token(rest)?;
    let rest = rest.trim_start().strip_prefix("}}")?;
    let attributes = vec![
        ("type".to_owned(), kind.to_owned()),
        ("id-ref".to_owned(), id.to_owned()),
    ];
    Some((element("insert", attributes, Vec::new()), rest))
}

/// A run of characters that are neither spaces nor `,` nor `}`.
fn token(text: &str) -> Option<(&str, &str)> {
    let end = text
        .find(|c: char| c.is_whitespace() || c == ',' || c == '}')
        .unwrap_or(text.len());
    (end > 0).then(|| text.split_at(end))
}

pub(super) fn element(
    name: &str,
    attributes: Vec<(String, String)>,
    children: Vec<Node>,
) -> Element {
    Element {
        name: name.to_owned(),
        attributes,
        children,
        at: Default::default(),
    }
}

fn push_node(nodes: &mut Vec<Node>, node: Node) {
    match (nodes.last_mut(), node) {
        (Some(Node::Text(last)), Node::Text(text)) => last.push_str(&text),
        (_, node) => nodes.push(node),
    }
}
