//! The elements of OSCAL's prose markup, and the attributes Markdown can carry for each.

/// The names of the block elements of markup-multiline (p, h1..h6, ul, ol, pre, hr, blockquote,
/// table) — used by the caller to pick a part's prose out of its other children.
pub fn is_block_element(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "pre"
            | "hr"
            | "blockquote"
            | "table"
    )
}

/// The inline elements of markup-line (and of the text inside blocks).
pub(super) fn is_inline_element(name: &str) -> bool {
    matches!(
        name,
        "a" | "insert" | "br" | "code" | "em" | "i" | "strong" | "b" | "sub" | "sup" | "q" | "img"
    )
}

/// Elements that hold nothing.
pub(super) fn is_empty_element(name: &str) -> bool {
    matches!(name, "insert" | "br" | "img" | "hr")
}

pub(super) fn is_list(name: &str) -> bool {
    matches!(name, "ul" | "ol")
}

pub(super) fn heading_level(name: &str) -> Option<usize> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// The attributes an element keeps through Markdown; any other is lost on the way, so the
/// comparison after a round trip leaves it out.
pub(super) fn carried_attributes(name: &str) -> &'static [&'static str] {
    match name {
        "a" => &["href", "title"],
        "img" => &["alt", "src", "title"],
        "insert" => &["id-ref", "type"],
        "th" | "td" => &["align"],
        _ => &[],
    }
}

/// A table cell's alignment as Markdown can state it.
pub(super) fn is_markdown_alignment(value: &str) -> bool {
    matches!(value, "left" | "center" | "right")
}
