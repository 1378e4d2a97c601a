//! The prose most documents hold, written the short way: paragraphs of plain text and inserts.
//! Their Markdown is the text with its whitespace collapsed and each insert as
//! `{{ insert: type, id }}`, paragraphs a blank line apart — what the general path (check,
//! normalize, write) gives them, without building its trees. [`Paragraphs`] writes it from a
//! tree here and straight from a document's tokens when XML is read. Anything else goes the
//! general way.

use memchr::memchr3;

use super::normalize::collapse;

use crate::xml::tree::Node;

/// The Markdown of content made only of plain paragraphs (and whitespace between them), or
/// `None` when it holds anything else.
pub(super) fn paragraphs(content: &[Node]) -> Option<String> {
    let mut writer = Paragraphs::default();
    for node in content {
        match node {
            Node::Text(text) if is_blank(text) => {}
            Node::Element(element) if element.name == "p" => {
                writer.open();
                for node in &element.children {
                    match node {
                        Node::Text(text) => writer.text(text)?,
                        Node::Element(insert)
                            if insert.name == "insert" && insert.children.is_empty() =>
                        {
                            writer.insert(
                                insert.attribute("type").unwrap_or_default(),
                                insert.attribute("id-ref").unwrap_or_default(),
                            );
                        }
                        Node::Element(_) => return None,
                    }
                }
                writer.close();
            }
            _ => return None,
        }
    }
    Some(writer.finish())
}

/// The Markdown of a markup-line that is plain text alone: the text with its whitespace
/// collapsed and trimmed. `None` when the text holds anything else, or starts with what could
/// begin a block.
pub(super) fn line(text: &str) -> Option<String> {
    let content = text.trim_matches(is_xml_space);
    if !is_plain_or_space(content) || content.starts_with(is_line_start_syntax) {
        return None;
    }
    let mut out = String::with_capacity(content.len());
    push_collapsed(content, &mut out);
    Some(out)
}

/// The Markdown of plain paragraphs, written a piece at a time as they are read (from a tree or
/// straight from the tokens of a document): each paragraph's text with its whitespace collapsed,
/// each insert as `{{ insert: type, id }}` and each plain link as `[text](href)`, paragraphs a
/// blank line apart, an empty paragraph dropped with its separator.
#[derive(Debug, Default)]
pub(crate) struct Paragraphs {
    out: String,
    /// Where the paragraph open now starts, before its separator, and where its text starts.
    block_start: usize,
    text_start: usize,
    /// Whitespace seen but not yet written: it is written only when something follows it.
    space: bool,
}

impl Paragraphs {
    pub(crate) fn open(&mut self) {
        self.block_start = self.out.len();
        if self.block_start > 0 {
            self.out.push_str("\n\n");
        }
        self.text_start = self.out.len();
        self.space = false;
    }

    /// Text inside the paragraph; `None` when it is not plain.
    pub(crate) fn text(&mut self, text: &str) -> Option<()> {
        if !is_plain_or_space(text) {
            return None;
        }
        let content = text.trim_matches(is_xml_space);
        if content.is_empty() {
            self.space = true;
            return Some(());
        }
        let started = self.out.len() > self.text_start;
        if (self.space || text.starts_with(is_xml_space)) && started {
            self.out.push(' ');
        } else if !started && content.starts_with(is_line_start_syntax) {
            return None;
        }
        push_collapsed(content, &mut self.out);
        self.space = text.ends_with(is_xml_space);
        Some(())
    }

    /// An insert with no content inside the paragraph.
    pub(crate) fn insert(&mut self, kind: &str, id: &str) {
        if self.space && self.out.len() > self.text_start {
            self.out.push(' ');
        }
        self.space = false;
        self.out.push_str("{{ insert: ");
        self.out.push_str(kind);
        self.out.push_str(", ");
        self.out.push_str(id);
        self.out.push_str(" }}");
    }

    /// A link inside the paragraph, `[text](href)`; `None` unless its text is plain (with no
    /// whitespace at either end) and its destination needs no escaping, as for the general
    /// path's first style.
    pub(crate) fn link(&mut self, text: &str, href: &str) -> Option<()> {
        let content = text.trim_matches(is_xml_space);
        if content.is_empty()
            || content.len() != text.len()
            || !is_plain_or_space(text)
            || !is_plain_destination(href)
        {
            return None;
        }
        let started = self.out.len() > self.text_start;
        if self.space && started {
            self.out.push(' ');
        } else if started && self.out.ends_with('!') {
            // `!` right before a link would make it an image.
            self.out.insert(self.out.len() - 1, '\\');
        }
        self.space = false;
        self.out.push('[');
        push_collapsed(content, &mut self.out);
        self.out.push_str("](");
        self.out.push_str(href);
        self.out.push(')');
        Some(())
    }

    pub(crate) fn close(&mut self) {
        if self.out.len() == self.text_start {
            self.out.truncate(self.block_start);
        }
    }

    /// Writes into `buffer`, whose room is used again: the Markdown grows there, and only its
    /// finished text is allocated, once, at its size.
    pub(crate) fn reusing(mut buffer: String) -> Paragraphs {
        buffer.clear();
        Paragraphs {
            out: buffer,
            ..Paragraphs::default()
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// The Markdown as a string of its own size, and the buffer back to be used again.
    pub(crate) fn finish_reusing(self) -> (String, String) {
        (self.out.as_str().to_owned(), self.out)
    }
}

/// A link destination Markdown reads as written, with no brackets and nothing escaped: letters,
/// digits and the punctuation of URLs but parentheses, `&` and `\`.
fn is_plain_destination(href: &str) -> bool {
    !href.is_empty() && href.bytes().all(|byte| in_mask(DESTINATION, byte))
}

/// Text made only of plain characters and XML whitespace.
fn is_plain_or_space(text: &str) -> bool {
    let mut beyond_ascii = false;
    // Letters, digits, spaces and the commonest punctuation are checked 32 bytes at a time
    // without a branch (which the compiler turns into vector instructions); only a chunk holding
    // anything else is looked at byte by byte.
    for chunk in text.as_bytes().chunks(32) {
        let common = chunk.iter().fold(true, |all, byte| {
            all & (byte.is_ascii_alphanumeric() | matches!(byte, b' ' | b',' | b'.' | b'-'))
        });
        if common {
            continue;
        }
        for byte in chunk {
            if byte.is_ascii() {
                if !in_mask(PLAIN_OR_SPACE, *byte) {
                    return false;
                }
            } else {
                beyond_ascii = true;
            }
        }
    }
    !beyond_ascii || text.chars().all(|c| is_plain(c) || is_xml_space(c))
}

/// Text (no whitespace at either end) with each run of whitespace written as one space; most
/// text has no run to collapse and is copied whole.
fn push_collapsed(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    // Two spaces in a row, looked for without a branch (vector instructions again).
    let double_space = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |any, (first, second)| {
            any | ((*first == b' ') & (*second == b' '))
        });
    if !double_space && memchr3(b'\t', b'\n', b'\r', bytes).is_none() {
        out.push_str(text);
        return;
    }
    out.push_str(&collapse(text));
}

/// Characters Markdown and OSCAL's extensions read as text wherever they stand: letters, digits,
/// punctuation that is no syntax, and any character beyond ASCII but whitespace and controls
/// (Markdown's syntax is all ASCII).
fn is_plain(c: char) -> bool {
    match u8::try_from(c) {
        Ok(byte) if byte.is_ascii() => is_plain_ascii(byte),
        _ => !c.is_whitespace() && !c.is_control(),
    }
}

/// [`is_plain`] for a whole text, ASCII checked a byte at a time.
pub(super) fn is_plain_text(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().all(is_plain_ascii)
    } else {
        text.chars().all(is_plain)
    }
}

fn is_plain_ascii(byte: u8) -> bool {
    in_mask(PLAIN, byte)
}

/// One bit per ASCII character: letters, digits, and the punctuation that is no syntax.
const PLAIN: u128 = ranges_mask(b"09AZaz") | mask(b" ,.;()'/%?$@-+#=:!");
const PLAIN_OR_SPACE: u128 = PLAIN | mask(b" \t\n\r");
const DESTINATION: u128 = ranges_mask(b"09AZaz") | mask(b"-._~:/?#@!$'*+,;=%");

fn in_mask(mask: u128, byte: u8) -> bool {
    byte.is_ascii() && (mask >> byte) & 1 == 1
}

const fn mask(mut bytes: &[u8]) -> u128 {
    let mut mask = 0;
    while let [first, rest @ ..] = bytes {
        mask |= 1 << *first;
        bytes = rest;
    }
    mask
}

/// The characters of inclusive ranges given as pairs of bounds.
const fn ranges_mask(mut bounds: &[u8]) -> u128 {
    let mut mask = 0;
    while let [low, high, rest @ ..] = bounds {
        let mut byte = *low;
        while byte <= *high {
            mask |= 1 << byte;
            byte += 1;
        }
        bounds = rest;
    }
    mask
}

/// Characters that could begin a block (a numbered list, a bullet, a heading, a rule) where a
/// line starts.
pub(super) fn is_line_start_syntax(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '-' | '+' | '#' | '=' | ':')
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn is_blank(text: &str) -> bool {
    text.chars().all(is_xml_space)
}
