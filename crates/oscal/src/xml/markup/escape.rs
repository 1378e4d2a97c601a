//! Text as Markdown: the characters Markdown (and OSCAL's `{{ insert }}`) would read as syntax,
//! escaped with a backslash.

/// How much to escape. NIST escapes only `` ` ``, `~`, `^`, `*` and `"`; the rest of Markdown's
/// syntax characters are escaped when that is not enough (the writer reads its Markdown back to
/// know).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Escaping {
    Nist,
    Full,
}

/// Where a text is written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Place {
    /// First on its line, where `-`, `+`, `1.` and the like start blocks.
    pub line_start: bool,
    /// In a table cell, where `|` ends the cell.
    pub in_table: bool,
}

pub(super) fn text(text: &str, escaping: Escaping, place: Place) -> String {
    // NIST's escaping touches only these characters; most text has none of them.
    if escaping == Escaping::Nist && !text.contains(['`', '*', '~', '^', '"', '\\', '|']) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let marker = if place.line_start && escaping == Escaping::Full {
        line_start_marker(&chars)
    } else {
        None
    };
    let mut out = String::with_capacity(text.len() + 8);
    for (at, &c) in chars.iter().enumerate() {
        let before = at.checked_sub(1).and_then(|i| chars.get(i)).copied();
        let after = chars.get(at + 1).copied();
        let escaped = Some(at) == marker
            || match c {
                '`' | '*' | '~' | '^' | '"' => true,
                '\\' => after.is_none_or(|next| next.is_ascii_punctuation()),
                '|' => place.in_table || escaping == Escaping::Full,
                _ if escaping == Escaping::Nist => false,
                '[' | ']' | '<' | '#' => true,
                '_' => !(is_word(before) && is_word(after)),
                '&' => starts_entity(chars.get(at + 1..).unwrap_or_default()),
                '{' => after == Some('{'),
                _ => false,
            };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The character that would make a line start a block: `-`, `+`, `=`, `>` or `:` first, or the
/// `.` or `)` after leading digits.
fn line_start_marker(chars: &[char]) -> Option<usize> {
    let first = *chars.first()?;
    if matches!(first, '-' | '+' | '=' | '>' | ':') {
        return Some(0);
    }
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let after_digits = chars.get(digits)?;
    (digits > 0 && matches!(after_digits, '.' | ')')).then_some(digits)
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// `&` followed by what makes an entity or character reference: a name or number, then `;`.
fn starts_entity(rest: &[char]) -> bool {
    let rest = rest.strip_prefix(&['#']).unwrap_or(rest);
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// A code span: fenced by more backticks than any run inside, padded with a space where the
/// content would otherwise touch the fence or lose its own edge spaces. `None` when empty: an
/// empty code span does not exist in Markdown.
pub(super) fn code_span(content: &str, in_table: bool) -> Option<String> {
    if content.is_empty() {
        return None;
    }
    let content = if in_table {
        content.replace('|', "\\|")
    } else {
        content.to_owned()
    };
    let fence = "`".repeat(longest_run(&content, '`') + 1);
    let all_spaces = content.chars().all(|c| c == ' ');
    let pad = content.starts_with('`')
        || content.ends_with('`')
        || (content.starts_with(' ') && content.ends_with(' ') && !all_spaces);
    let space = if pad { " " } else { "" };
    Some(format!("{fence}{space}{content}{space}{fence}"))
}

pub(super) fn longest_run(text: &str, of: char) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for c in text.chars() {
        current = if c == of { current + 1 } else { 0 };
        longest = longest.max(current);
    }
    longest
}

/// A link's destination: as it is when Markdown reads it back unchanged, else in `<…>`.
pub(super) fn destination(href: &str) -> String {
    let needs_brackets = href.is_empty()
        || href
            .chars()
            .any(|c| c == ' ' || c.is_control() || c == '<' || c == '>')
        || !parentheses_balance(href);
    if needs_brackets {
        format!("<{}>", escape_some(href, &['<', '>']))
    } else {
        escape_some(href, &[])
    }
}

/// A link's title, in double quotes.
pub(super) fn title(title: &str) -> String {
    format!("\"{}\"", escape_some(title, &['"']))
}

/// Escapes `also`, a backslash that would escape what follows, and an `&` that would start an
/// entity: what destinations and titles read as syntax.
fn escape_some(text: &str, also: &[char]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 2);
    for (at, &c) in chars.iter().enumerate() {
        let rest = chars.get(at + 1..).unwrap_or_default();
        let escaped = also.contains(&c)
            || (c == '\\' && rest.first().is_none_or(|next| next.is_ascii_punctuation()))
            || (c == '&' && starts_entity(rest));
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn parentheses_balance(text: &str) -> bool {
    let mut depth = 0_usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return false,
            ')' => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}
