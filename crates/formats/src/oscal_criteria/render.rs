//! Plain text of a foreign catalog's control: its statement with item labels, parameters
//! written the way SP 800-53 prints them (`[Assignment: …]`, `[Selection (one or more): …]`),
//! and Markdown links to other parts of the catalog reduced to their text.

use std::collections::HashMap;

use shinrai_oscal::model::catalog::{Catalog, Control, Group};
use shinrai_oscal::model::common::{Parameter, Part};
use shinrai_oscal::resolve::parse_insert;

/// Parameters can insert other parameters into their choices; deeper than this is a cycle.
const MAX_DEPTH: usize = 8;

/// Every parameter of a catalog by id (catalog, groups and controls).
pub struct Params<'a>(HashMap<&'a str, &'a Parameter>);

impl<'a> Params<'a> {
    pub fn of(catalog: &'a Catalog) -> Params<'a> {
        fn add<'a>(into: &mut HashMap<&'a str, &'a Parameter>, list: Option<&'a [Parameter]>) {
            for param in list.unwrap_or_default() {
                into.entry(param.id.as_str()).or_insert(param);
            }
        }
        fn controls<'a>(into: &mut HashMap<&'a str, &'a Parameter>, list: &'a [Control]) {
            for control in list {
                add(into, control.params.as_deref());
                controls(into, control.controls.as_deref().unwrap_or_default());
            }
        }
        fn groups<'a>(into: &mut HashMap<&'a str, &'a Parameter>, list: &'a [Group]) {
            for group in list {
                add(into, group.params.as_deref());
                controls(into, group.controls.as_deref().unwrap_or_default());
                groups(into, group.groups.as_deref().unwrap_or_default());
            }
        }
        let mut map = HashMap::new();
        add(&mut map, catalog.params.as_deref());
        controls(&mut map, catalog.controls.as_deref().unwrap_or_default());
        groups(&mut map, catalog.groups.as_deref().unwrap_or_default());
        Params(map)
    }

    /// Prose with every `{{ insert: param, ID }}` written out.
    pub fn fill(&self, prose: &str) -> String {
        self.fill_at(prose, 0)
    }

    fn fill_at(&self, prose: &str, depth: usize) -> String {
        let mut out = String::with_capacity(prose.len());
        let mut rest = prose;
        while let Some(start) = rest.find("{{") {
            let (before, from) = rest.split_at(start);
            out.push_str(before);
            let after_open = from.get(2..).unwrap_or_default();
            let Some(end) = after_open.find("}}") else {
                out.push_str(from);
                return out;
            };
            let inside = after_open.get(..end).unwrap_or_default();
            match parse_insert(inside) {
                Some(id) => out.push_str(&self.param(id, depth)),
                None => out.push_str(from.get(..end + 4).unwrap_or_default()),
            }
            rest = after_open.get(end + 2..).unwrap_or_default();
        }
        out.push_str(rest);
        out
    }

    /// A parameter as SP 800-53 prints it: its set values, else its choices, else its label or
    /// guideline as an assignment.
    fn param(&self, id: &str, depth: usize) -> String {
        let Some(param) = self.0.get(id).filter(|_| depth < MAX_DEPTH) else {
            return format!("[Assignment: {id}]");
        };
        let values = param.values.as_deref().unwrap_or_default();
        if !values.is_empty() {
            let filled: Vec<String> = values
                .iter()
                .map(|value| self.fill_at(value, depth + 1).trim().to_owned())
                .collect();
            return filled.join(", ");
        }
        if let Some(select) = &param.select {
            let choices: Vec<String> = select
                .choice
                .as_deref()
                .unwrap_or_default()
                .iter()
                .map(|choice| self.fill_at(choice, depth + 1).trim().to_owned())
                .collect();
            let head = match select.how_many.as_deref() {
                Some("one-or-more") => "Selection (one or more)",
                _ => "Selection",
            };
            return format!("[{head}: {}]", choices.join("; "));
        }
        let described = param
            .label
            .as_deref()
            .map(str::trim)
            .filter(|label| !label.is_empty())
            .map(str::to_owned)
            .or_else(|| {
                param
                    .guidelines
                    .as_deref()
                    .unwrap_or_default()
                    .iter()
                    .map(|guideline| guideline.prose.trim())
                    .find(|prose| !prose.is_empty())
                    .map(|prose| self.fill_at(prose, depth + 1))
            })
            .unwrap_or_else(|| id.to_owned());
        format!("[Assignment: {described}]")
    }
}

/// `[text](#fragment)` as `text`: links into the catalog or its back matter mean nothing once
/// the text is out of it. Other links are kept.
pub fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("](#") {
        let (before, from) = rest.split_at(at);
        let after = from.get(3..).unwrap_or_default();
        match (before.rfind('['), after.find(')')) {
            (Some(open), Some(close)) => {
                out.push_str(before.get(..open).unwrap_or_default());
                out.push_str(before.get(open + 1..).unwrap_or_default());
                rest = after.get(close + 1..).unwrap_or_default();
            }
            _ => {
                out.push_str(before);
                out.push_str("](#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `TITLE: STATEMENT` with the statement's items on lines of their own (`a. …`, nested items
/// indented by two spaces per level), or the title alone when there is no statement.
pub fn control_text(control: &Control, params: &Params<'_>) -> String {
    let title = unlink(control.title.trim());
    let mut lines: Vec<(usize, String)> = Vec::new();
    for statement in control
        .parts
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|part| part.name == "statement" && part.ns.is_none())
    {
        statement_lines(statement, 0, params, &mut lines);
    }
    let mut text = title;
    let mut first = true;
    for (depth, line) in &lines {
        if first && *depth == 0 {
            text.push_str(": ");
        } else {
            if first {
                text.push(':');
            }
            text.push('\n');
            text.push_str(&"  ".repeat(depth.saturating_sub(1)));
        }
        text.push_str(line);
        first = false;
    }
    text
}

fn statement_lines(
    part: &Part,
    depth: usize,
    params: &Params<'_>,
    lines: &mut Vec<(usize, String)>,
) {
    let label = part
        .props
        .as_deref()
        .unwrap_or_default()
        .iter()
        .find(|p| p.name == "label" && p.ns.is_none())
        .map(|p| p.value.trim());
    let prose = part
        .prose
        .as_deref()
        .map(|prose| unlink(&params.fill(prose.trim())))
        .unwrap_or_default();
    let line = match (label, prose.is_empty()) {
        (Some(label), false) => format!("{label} {prose}"),
        (Some(label), true) => label.to_owned(),
        (None, _) => prose,
    };
    if !line.is_empty() {
        lines.push((depth, line));
    }
    for child in part.parts.as_deref().unwrap_or_default() {
        statement_lines(child, depth + 1, params, lines);
    }
}

/// The prose of the control's guidance parts, paragraphs kept, links reduced to their text.
pub fn guidance_text(control: &Control, params: &Params<'_>) -> String {
    let pieces: Vec<String> = control
        .parts
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|part| part.name == "guidance" && part.ns.is_none())
        .filter_map(|part| part.prose.as_deref())
        .map(|prose| unlink(&params.fill(prose.trim())))
        .filter(|prose| !prose.is_empty())
        .collect();
    pieces.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_into_the_catalog_become_their_text() {
        assert_eq!(
            unlink("See [AC-2](#ac-2) and [x](https://e.org)."),
            "See AC-2 and [x](https://e.org)."
        );
        assert_eq!(unlink("odd ](#x"), "odd ](#x");
    }
}
