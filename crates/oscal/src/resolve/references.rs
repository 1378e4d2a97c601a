//! What a resolved catalog refers to: `#fragment` links (to back matter or to controls), in its
//! content and its metadata, and parameters inserted into prose, so that only what is used is
//! carried over.

use std::collections::HashSet;

use serde_json::Value;

use crate::model::catalog::{Control, Group};
use crate::model::common::{Link, Metadata, Parameter, Part};

#[derive(Debug, Default)]
pub struct References {
    /// Fragments of `#...` links and of Markdown links `](#...)` in prose.
    pub fragments: HashSet<String>,
    /// Parameters named by `{{ insert: param, ID }}`.
    pub inserted_params: HashSet<String>,
}

impl References {
    pub fn collect(controls: &[Control], groups: &[Group]) -> References {
        let mut refs = References::default();
        refs.controls(controls);
        refs.groups(groups);
        refs
    }

    fn groups(&mut self, groups: &[Group]) {
        for group in groups {
            self.links(group.links.as_deref());
            self.params(group.params.as_deref());
            self.parts(group.parts.as_deref());
            self.controls(group.controls.as_deref().unwrap_or_default());
            self.groups(group.groups.as_deref().unwrap_or_default());
        }
    }

    fn controls(&mut self, controls: &[Control]) {
        for control in controls {
            self.links(control.links.as_deref());
            self.params(control.params.as_deref());
            self.parts(control.parts.as_deref());
            self.controls(control.controls.as_deref().unwrap_or_default());
        }
    }

    pub fn params(&mut self, params: Option<&[Parameter]>) {
        for param in params.unwrap_or_default() {
            self.links(param.links.as_deref());
            for guideline in param.guidelines.iter().flatten() {
                self.prose(&guideline.prose);
            }
            if let Some(label) = &param.label {
                self.prose(label);
            }
            // A choice may insert another parameter's value.
            for choice in param.select.iter().flat_map(|s| s.choice.iter().flatten()) {
                self.prose(choice);
            }
        }
    }

    /// Fragments anywhere in the metadata: `#…` links (a party's logo, a role's or location's
    /// link) and Markdown links in its remarks. Metadata nests many kinds of object, so it is
    /// read in its JSON form.
    pub fn metadata(&mut self, metadata: &Metadata) {
        if let Ok(value) = serde_json::to_value(metadata) {
            self.json(&value);
        }
    }

    fn json(&mut self, value: &Value) {
        match value {
            Value::Object(fields) => {
                for (key, field) in fields {
                    match field {
                        Value::String(href) if key == "href" => {
                            if let Some(fragment) = href.strip_prefix('#') {
                                self.fragments.insert(fragment.to_owned());
                            }
                        }
                        Value::String(text) => self.prose(text),
                        other => self.json(other),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| self.json(item)),
            _ => {}
        }
    }

    fn parts(&mut self, parts: Option<&[Part]>) {
        for part in parts.unwrap_or_default() {
            self.links(part.links.as_deref());
            if let Some(prose) = &part.prose {
                self.prose(prose);
            }
            self.parts(part.parts.as_deref());
        }
    }

    fn links(&mut self, links: Option<&[Link]>) {
        for link in links.unwrap_or_default() {
            if let Some(fragment) = link.href.strip_prefix('#') {
                self.fragments.insert(fragment.to_owned());
            }
        }
    }

    fn prose(&mut self, text: &str) {
        // Every piece of prose of a catalog is searched, so the searches are memchr's.
        let mut rest = text;
        while let Some(at) = find(rest, "{{") {
            let after = rest.get(at + 2..).unwrap_or_default();
            let Some(end) = find(after, "}}") else { break };
            let inside = after.get(..end).unwrap_or_default();
            if let Some(id) = parse_insert(inside) {
                self.inserted_params.insert(id.to_owned());
            }
            rest = after.get(end + 2..).unwrap_or_default();
        }
        let mut rest = text;
        while let Some(at) = find(rest, "](#") {
            let after = rest.get(at + 3..).unwrap_or_default();
            let end = memchr::memchr(b')', after.as_bytes()).unwrap_or(after.len());
            self.fragments
                .insert(after.get(..end).unwrap_or_default().to_owned());
            rest = after.get(end..).unwrap_or_default();
        }
    }
}

/// Where `needle` (ASCII) first starts in `text`.
fn find(text: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes())
}

/// The id in ` insert: param, ID ` (the text between `{{` and `}}`).
pub fn parse_insert(inside: &str) -> Option<&str> {
    let rest = inside
        .trim()
        .strip_prefix("insert")?
        .trim_start()
        .strip_prefix(':')?;
    let (kind, id) = rest.split_once(',')?;
    (kind.trim() == "param")
        .then(|| id.trim())
        .filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inserts_and_fragment_links() {
        let mut refs = References::default();
        refs.prose(
            "Review {{ insert: param, ac-1_prm_1 }} per [AU-2](#au-2) and {{insert: param,x}}.",
        );
        assert!(refs.inserted_params.contains("ac-1_prm_1"));
        assert!(refs.inserted_params.contains("x"));
        assert!(refs.fragments.contains("au-2"));
        assert_eq!(parse_insert(" insert: choice, y "), None);
    }
}
