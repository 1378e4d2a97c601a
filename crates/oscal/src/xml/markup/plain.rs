//! The prose most documents hold, written the short way: paragraphs of plain text and inserts.
//! Their Markdown is the text with its whitespace collapsed and each insert as
//! `{{ insert: type, id }}`, paragraphs a blank line apart — what the general path (check,
//! normalize, write) gives them, without building its trees. Anything else goes that way.

use crate::xml::tree::{Element, Node};

/// The Markdown of content made only of plain paragraphs (and whitespace between them), or
/// `None` when it holds anything else.
pub(super) fn paragraphs(content: &[Node]) -> Option<String> {
    let mut out = String::new();
    for node in content {
        match node {
            Node::Text(text) if is_blank(text) => {}
            Node::Element(element) if element.name == "p" => {
                let start = out.len();
                if start > 0 {
                    out.push_str("\n\n");
                }
                let written = paragraph(element, &mut out)?;
                if !written {
                    // An empty paragraph is dropped, with its separator.
                    out.truncate(start);
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Writes one paragraph's Markdown; false when it holds nothing. `None` when some of it is not
/// plain.
fn paragraph(element: &Element, out: &mut String) -> Option<bool> {
    let start = out.len();
    // Whitespace seen but not yet written: it is written only when something follows it.
    let mut space = false;
    // Whether the next character starts the paragraph's line, where some characters would
    // begin Markdown syntax.
    let mut text_starts = true;
    for node in &element.children {
        match node {
            Node::Text(text) => {
                out.reserve(text.len());
                for word in text.split(is_xml_space) {
                    if word.is_empty() {
                        space = true;
                        continue;
                    }
                    if space && out.len() > start {
                        out.push(' ');
                        text_starts = false;
                    }
                    let first = word.chars().next()?;
                    if (text_starts && is_line_start_syntax(first)) || !is_plain_text(word) {
                        return None;
                    }
                    out.push_str(word);
                    text_starts = false;
                    space = true;
                }
                // The split gives a last word after the last space; a text not ending in space
                // leaves nothing pending.
                space = text.ends_with(is_xml_space);
            }
            Node::Element(insert) if insert.name == "insert" && insert.children.is_empty() => {
                if space && out.len() > start {
                    out.push(' ');
                }
                space = false;
                out.push_str("{{ insert: ");
                out.push_str(insert.attribute("type").unwrap_or_default());
                out.push_str(", ");
                out.push_str(insert.attribute("id-ref").unwrap_or_default());
                out.push_str(" }}");
            }
            Node::Element(_) => return None,
        }
    }
    Some(out.len() > start)
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
    byte.is_ascii_alphanumeric()
        || matches!(
            byte,
            b' ' | b','
                | b'.'
                | b';'
                | b'('
                | b')'
                | b'\''
                | b'/'
                | b'%'
                | b'?'
                | b'$'
                | b'@'
                | b'-'
                | b'+'
                | b'#'
                | b'='
                | b':'
                | b'!'
        )
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
