//! OSCAL prose: the markup of the XML form (its metaschema's `markup-line` and
//! `markup-multiline`, a subset of HTML) to and from the Markdown of the JSON and YAML forms.
//!
//! The Markdown written is the Markdown NIST's own XML-to-JSON converter writes, so that a
//! document converted here reads like the JSON NIST publishes:
//!
//! - blocks are separated by a blank line; lists use `* ` and `1. ` for every item, nested lists
//!   are indented under their item, and a list at the top level is followed by one more line
//!   break (NIST's converter ends every list with an empty line);
//! - `*em*`, `**strong**`, `` `code` ``, `~sub~`, `^sup^`, `[text](href "title")`,
//!   `![alt](src "title")`, `{{ insert: param, ac-1_prm_1 }}`, a fenced block for `pre`, `---`,
//!   `> ` quotes and GFM pipe tables (a first row of `th` is the header; otherwise an empty
//!   header is written, and an empty header row is dropped on reading);
//! - `q` is a pair of straight double quotes: an unescaped `"` opens or closes a quotation, and a
//!   `"` in text is written `\"` (as NIST does). A quotation directly inside another is written as
//!   `<q>…</q>` so the quotes pair as they should;
//! - `i` is written `*…*` and `b` `**…**`, as NIST's converter writes them: Markdown has no form
//!   of its own for them, so they read back as `em` and `strong`, and [`normalize`] counts `i` as
//!   `em` and `b` as `strong`;
//! - text is escaped as NIST escapes it (`` ` ``, `~`, `^`, `*`, `"`, and a `\` that would escape
//!   what follows), and every string written is read back before it is returned: when the reading
//!   differs (a `[`, `_`, `<`, `&`, `{{`, `#` or a line-start marker that Markdown would take as
//!   syntax), the text is written again with all such characters escaped;
//! - where Markdown's delimiters cannot say what the markup says (`<em> x</em>` with space inside
//!   its edges, `H<sub>2</sub>O` inside a word, a line break in a table cell), the element is
//!   written as inline HTML (`<em>`, `<strong>`, `<sub>`, `<sup>`, `<q>`, `<code>`, `<br/>`),
//!   which is read back; any other HTML in Markdown is read as literal text.
//!
//! Whitespace follows HTML: in inline text a run of spaces, tabs and line ends is one space, and
//! it is trimmed at the start and end of each block and after a line break. `pre` keeps its text
//! exactly (inline elements inside it are read as their text: a Markdown code block holds text).

mod check;
mod escape;
mod normalize;
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

/// markup-multiline: block content (the children of `<remarks>`, `<description>`, or the block
/// children of a `<part>`: its prose). Inline content standing among the blocks is a paragraph.
pub fn multiline_to_markdown(content: &[Node]) -> Result<String, MarkupError> {
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
