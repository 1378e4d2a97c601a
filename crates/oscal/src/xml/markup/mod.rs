//! OSCAL prose: the markup of the XML form (its metaschema's `markup-line` and
//! `markup-multiline`, a subset of HTML) to and from the Markdown of the JSON and YAML forms.
//!
//! The Markdown written is the Markdown NIST's own XML-to-JSON converter writes, so that a
//! document converted here reads like the JSON NIST and FedRAMP publish:
//!
//! - blocks are separated by a blank line; lists use `* ` and `1. ` for every item, a nested
//!   list is indented under its item's text, and a list at the top level is followed by one more
//!   line break (NIST ends every list with an empty line). Two lists in a row, or a list that
//!   starts its parent's item, take the other marker (`-`, `1)`) so Markdown keeps them apart;
//! - `*em*`, `**strong**`, `` `code` ``, `~sub~`, `^sup^`, `[text](href "title")`,
//!   `![alt](src "title")`, `{{ insert: param, ac-1_prm_1 }}`, `---`, `> ` quotes, a fenced block
//!   for `pre`, GFM pipe tables (a first row of `th` is the header; otherwise an empty header is
//!   written, and an empty header is dropped on reading), a line break as `\` at the line's end;
//! - `q` is a pair of straight double quotes: an unescaped `"` opens or closes a quotation, and a
//!   `"` in text is written `\"` (as NIST writes it). An unpaired `"` reads as text;
//! - `i` is written `*…*` and `b` `**…**`, as NIST's converter writes them: Markdown has no form
//!   of its own for them, so they read back as `em` and `strong`, and [`normalize`] counts `i` as
//!   `em` and `b` as `strong`;
//! - text is escaped as NIST escapes it (`` ` ``, `~`, `^`, `*`, `"`, and a `\` that would escape
//!   what follows; `|` in a table), leaving `_`, `[`, `#`, `&` and the like alone where Markdown
//!   reads them as text. Every string written is read back before it is returned: when the
//!   reading differs (a `[x](y)`, `<em>`, `&amp;`, `{{ insert` or line-start `1. ` in the text),
//!   the whole string is written again with every such character escaped (`_ [ ] < & { # |`, and
//!   `- + = > :` or the `.` of `1.` at a line's start);
//! - where Markdown's delimiters cannot say what the markup says (`<em> x</em>` with a space
//!   inside its edge, `H<sub>2</sub>O` inside a word, an empty `<code/>`, a `q` right inside a
//!   `q`, a line break in a table cell or heading), the element is written as inline HTML
//!   (`<em>`, `<strong>`, `<sub>`, `<sup>`, `<q>`, `<code>`, `<br/>`), which reads back; any
//!   other HTML in Markdown reads as literal text (NIST's `<BREAK>` key stays text).
//!
//! Whitespace follows HTML: in inline text a run of spaces, tabs and line ends is one space, and
//! it is trimmed at the start and end of each block and after a line break. `pre` keeps its text
//! exactly (elements inside it are read as their text: a Markdown code block holds only text).
//! What Markdown cannot say at all is listed on [`normalize`], which is the comparison a round
//! trip keeps to.

mod check;
mod escape;
mod normalize;
mod plain;
mod read;
mod read_text;
mod vocabulary;
mod write_block;
mod write_inline;

#[cfg(test)]
mod tests;

use shinrai_domain::text::Bilingual;

use super::tree::{Node, Position};

pub use normalize::normalize;
pub(crate) use plain::Paragraphs;
pub use vocabulary::is_block_element;

/// Why some markup cannot be written as Markdown, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    pub at: Position,
    pub why: Bilingual,
}

/// markup-line: the children of an element such as `<title>` (inline content only).
pub fn line_to_markdown(content: &[Node]) -> Result<String, MarkupError> {
    check::line(content)?;
    Ok(write_block::line(&normalize(content, false)))
}

/// markup-line given as text alone (no element inside), as most titles are.
pub fn text_line_to_markdown(text: &str) -> String {
    match plain::line(text) {
        Some(markdown) => markdown,
        None => write_block::line(&normalize(&[Node::Text(text.to_owned())], false)),
    }
}

/// markup-multiline: block content (the children of `<remarks>`, `<description>`, or the block
/// children of a `<part>`: its prose). Inline content standing among the blocks is a paragraph.
pub fn multiline_to_markdown(content: &[Node]) -> Result<String, MarkupError> {
    match plain::paragraphs(content) {
        Some(markdown) => Ok(markdown),
        None => general_multiline(content),
    }
}

/// The way for every kind of markup: checked, normalized, written.
fn general_multiline(content: &[Node]) -> Result<String, MarkupError> {
    check::multiline(content)?;
    Ok(write_block::multiline(&normalize(content, true)))
}

/// Reads the Markdown of a markup-line. Block syntax has no place in a line: what a block would
/// hold is read as inline content, blocks joined by a space.
pub fn markdown_to_line(markdown: &str) -> Vec<Node> {
    normalize(&read::line(markdown), false)
}

/// Reads the Markdown of a markup-multiline.
pub fn markdown_to_multiline(markdown: &str) -> Vec<Node> {
    normalize(&read::blocks(markdown), true)
}
