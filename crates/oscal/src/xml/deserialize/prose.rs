//! Prose read straight from the tokens into Markdown while it is plain paragraphs (text, inserts
//! and links with plain text), as most prose is: no tree is built for it. Where something else
//! turns up, the tokens go back to where the prose began and it is read as a tree, the way for
//! every kind of markup; a document that is not well-formed takes that way too, so its error is
//! the same.

use super::super::markup::Paragraphs;
use super::super::tree::{Mark, Node, ParseError, Tag, Token, Tokenizer, is_blank};

/// The prose of an assembly being gathered: none yet, plain so far (from the block marked), or
/// read as a tree.
pub(super) enum Prose<'t> {
    None,
    Plain { first: Mark<'t>, writer: Paragraphs },
    Tree(Vec<Node>),
}

/// Reads one block just opened, `tag`, into the writer when it is a plain paragraph; false
/// when it is anything else (the tokens then stand somewhere inside it).
pub(super) fn paragraph(
    tokens: &mut Tokenizer<'_>,
    tag: &Tag<'_>,
    writer: &mut Paragraphs,
) -> bool {
    // Attributes of a paragraph are passed over, as the tree's plain path does, but they must
    // be well-formed.
    if tag.name() != "p" || tag.attributes().any(|attribute| attribute.is_err()) {
        return false;
    }
    writer.open();
    loop {
        match tokens.next() {
            Ok(Token::Text(text)) => {
                if writer.text(&text).is_none() {
                    return false;
                }
            }
            Ok(Token::Open(insert)) if insert.name() == "insert" => {
                let (mut kind, mut id) = (None, None);
                for attribute in insert.attributes() {
                    match attribute {
                        Ok(("type", value)) if kind.is_none() => kind = Some(value),
                        Ok(("id-ref", value)) if id.is_none() => id = Some(value),
                        Ok(_) => {}
                        Err(_) => return false,
                    }
                }
                // An insert holds nothing, not even whitespace.
                if !matches!(tokens.next(), Ok(Token::Close)) {
                    return false;
                }
                writer.insert(
                    kind.as_deref().unwrap_or_default(),
                    id.as_deref().unwrap_or_default(),
                );
            }
            Ok(Token::Open(link)) if link.name() == "a" => {
                let mut href = None;
                for attribute in link.attributes() {
                    match attribute {
                        Ok(("href", value)) if href.is_none() => href = Some(value),
                        _ => return false,
                    }
                }
                let (Some(href), Ok(Token::Text(text)), Ok(Token::Close)) =
                    (href, tokens.next(), tokens.next())
                else {
                    return false;
                };
                if writer.link(&text, &href).is_none() {
                    return false;
                }
            }
            Ok(Token::Close) => {
                writer.close();
                return true;
            }
            _ => return false,
        }
    }
}

/// The Markdown of a markup-multiline value whose first block, `first`, was just opened, read
/// up to the value's end; `None` when it is not all plain paragraphs, and the tokens are then
/// back just after `first`. The Markdown is written in `buffer`, whose room is kept.
pub(super) fn plain_value<'t>(
    tokens: &mut Tokenizer<'t>,
    first: &Tag<'t>,
    buffer: &mut String,
) -> Result<Option<String>, ParseError> {
    let mark = tokens.mark(*first);
    let mut writer = Paragraphs::reusing(std::mem::take(buffer));
    let mut block = *first;
    loop {
        if !paragraph(tokens, &block, &mut writer) {
            tokens.rewind(mark)?;
            return Ok(None);
        }
        block = loop {
            match tokens.next_past_indentation() {
                Ok(Token::Text(text)) if is_blank(&text) => {}
                Ok(Token::Open(next)) => break next,
                Ok(Token::Close) => {
                    let (markdown, room) = writer.finish_reusing();
                    *buffer = room;
                    return Ok(Some(markdown));
                }
                _ => {
                    tokens.rewind(mark)?;
                    return Ok(None);
                }
            }
        };
    }
}
