//! A test-only reader of the chart's markup: enough XML to tell that tags balance, attributes
//! are quoted and no raw `<` or stray `&` is left in text.

/// One element as the reader met it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Element {
    pub name: String,
    /// The raw attribute text, as written between the name and the end of the tag.
    pub attributes: String,
    /// The element's text with entities left as they are (direct text only).
    pub text: String,
}

/// Every element in document order, or why the markup is not well formed.
pub(super) fn elements(markup: &str) -> Result<Vec<Element>, String> {
    let mut open: Vec<usize> = Vec::new();
    let mut found: Vec<Element> = Vec::new();
    let mut rest = markup;
    while !rest.is_empty() {
        let (text, after) = rest.split_once('<').unwrap_or((rest, ""));
        check_text(text)?;
        if let Some(element) = open.last().and_then(|&index| found.get_mut(index)) {
            element.text.push_str(text);
        } else if !text.trim().is_empty() {
            return Err(format!("text outside the root: {text:?}"));
        }
        if after.is_empty() && !rest.contains('<') {
            break;
        }
        let (tag, after) = after
            .split_once('>')
            .ok_or_else(|| "a tag that never ends".to_owned())?;
        rest = after;
        if let Some(name) = tag.strip_prefix('/') {
            let index = open
                .pop()
                .ok_or_else(|| format!("</{name}> closes nothing"))?;
            let opened = found
                .get(index)
                .map(|e| e.name.as_str())
                .unwrap_or_default();
            if opened != name.trim() {
                return Err(format!("<{opened}> closed by </{name}>"));
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attributes) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!("a bad tag name in <{tag}>"));
        }
        check_attributes(attributes)?;
        if open.is_empty() && !found.is_empty() {
            return Err(format!("a second root <{name}>"));
        }
        found.push(Element {
            name: name.to_owned(),
            attributes: attributes.to_owned(),
            text: String::new(),
        });
        if !self_closing {
            open.push(found.len() - 1);
        }
    }
    if let Some(index) = open.last() {
        let name = found
            .get(*index)
            .map(|e| e.name.clone())
            .unwrap_or_default();
        return Err(format!("<{name}> never closed"));
    }
    Ok(found)
}

/// Text may hold `&` only as the start of a known entity, and never `>` unescaped.
fn check_text(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err(format!("a raw > in {text:?}"));
    }
    let mut rest = text;
    while let Some((_, after)) = rest.split_once('&') {
        let (entity, tail) = after
            .split_once(';')
            .ok_or_else(|| format!("a stray & in {text:?}"))?;
        let known = matches!(entity, "amp" | "lt" | "gt" | "quot" | "apos")
            || entity.strip_prefix('#').is_some_and(|digits| {
                !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
            });
        if !known {
            return Err(format!("an unknown entity &{entity}; in {text:?}"));
        }
        rest = tail;
    }
    Ok(())
}

/// Attributes are `name="value"` pairs, values without `<` or `"` and with known entities.
fn check_attributes(attributes: &str) -> Result<(), String> {
    let mut rest = attributes.trim();
    while !rest.is_empty() {
        let (name, after) = rest
            .split_once("=\"")
            .ok_or_else(|| format!("an attribute without a quoted value: {rest:?}"))?;
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(format!("a bad attribute name {name:?}"));
        }
        let (value, after) = after
            .split_once('"')
            .ok_or_else(|| format!("an unterminated value in {attributes:?}"))?;
        if value.contains('<') {
            return Err(format!("a raw < in the value {value:?}"));
        }
        check_text(value)?;
        rest = after.trim_start();
    }
    Ok(())
}

#[test]
fn the_reader_refuses_what_is_not_well_formed() {
    assert!(elements("<svg><a href=\"x\">t</a><circle r=\"1\"/></svg>").is_ok());
    for bad in [
        "<svg><a></svg>",
        "<svg></a>",
        "<svg>a < b</svg>",
        "<svg>R&D</svg>",
        "<svg><a href=x/></svg>",
        "<svg><a href=\"<\"/></svg>",
        "<svg></svg><svg></svg>",
        "<svg>",
    ] {
        assert!(elements(bad).is_err(), "{bad}");
    }
}
