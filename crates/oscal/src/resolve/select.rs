//! Which controls an import selects: include all, ids, glob patterns, child controls, the
//! ancestors of what is included, and exclusions (which always win).

use std::collections::{HashMap, HashSet};

use shinrai_domain::text::Bilingual;

use super::loader::ImportSite;
use crate::error::{ErrorKind, OscalError};
use crate::model::profile::SelectControls;
use crate::model::{Catalog, Control};

/// The controls of a catalog with their descendants and parents, in document order.
pub struct ControlTree {
    order: Vec<String>,
    children: HashMap<String, Vec<String>>,
    parent: HashMap<String, String>,
}

impl ControlTree {
    pub fn of(catalog: &Catalog) -> ControlTree {
        let mut tree = ControlTree::empty();
        catalog.for_each_control(|control| tree.add(control));
        tree
    }

    /// Adds a catalog's controls (for selections that span several imports).
    pub fn extend_with(&mut self, catalog: &Catalog) {
        catalog.for_each_control(|control| self.add(control));
    }

    pub fn empty() -> ControlTree {
        ControlTree {
            order: Vec::new(),
            children: HashMap::new(),
            parent: HashMap::new(),
        }
    }

    fn add(&mut self, control: &Control) {
        self.order.push(control.id.clone());
        let kids: Vec<String> = control
            .controls
            .iter()
            .flatten()
            .map(|child| child.id.clone())
            .collect();
        for kid in &kids {
            self.parent.insert(kid.clone(), control.id.clone());
        }
        self.children.insert(control.id.clone(), kids);
    }

    pub fn contains(&self, id: &str) -> bool {
        self.children.contains_key(id)
    }

    pub fn ids(&self) -> &[String] {
        &self.order
    }

    /// The control's parent, its parent's parent, and so on up to a control directly under a
    /// group or the catalog.
    fn ancestors<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a String> {
        std::iter::successors(self.parent.get(id), |current| {
            self.parent.get(current.as_str())
        })
    }

    fn add_descendants(&self, id: &str, into: &mut HashSet<String>) {
        let mut stack: Vec<&str> = vec![id];
        while let Some(current) = stack.pop() {
            for child in self.children.get(current).into_iter().flatten() {
                if into.insert(child.clone()) {
                    stack.push(child);
                }
            }
        }
    }
}

/// The ids one import selects from its catalog. Including a control includes its ancestors too
/// ("Dealing with Nested Controls and Groups": by default, inclusion of a control also causes any
/// of that control's ancestors to also be included), unless they are excluded: a control both
/// included and excluded is excluded (`req-exclude`), and its included descendants are then
/// up-leveled by `as-is`.
pub fn select(
    tree: &ControlTree,
    include_all: bool,
    include: Option<&[SelectControls]>,
    exclude: Option<&[SelectControls]>,
    site: &ImportSite<'_>,
) -> Result<HashSet<String>, OscalError> {
    let mut selected = HashSet::new();
    // With no inclusion at all (only exclusions, or nothing), everything is included.
    if include_all || include.is_none() {
        selected.extend(tree.ids().iter().cloned());
    }
    for (index, rule) in include.unwrap_or_default().iter().enumerate() {
        let pointer = format!("{}/include-controls/{index}", site.pointer);
        selected.extend(matches(tree, rule, &pointer, site)?);
    }
    let mut excluded = HashSet::new();
    for (index, rule) in exclude.unwrap_or_default().iter().enumerate() {
        let pointer = format!("{}/exclude-controls/{index}", site.pointer);
        excluded.extend(matches(tree, rule, &pointer, site)?);
    }
    selected.retain(|id| !excluded.contains(id));
    let ancestors: Vec<String> = selected
        .iter()
        .flat_map(|id| tree.ancestors(id))
        .filter(|ancestor| !excluded.contains(*ancestor))
        .cloned()
        .collect();
    selected.extend(ancestors);
    Ok(selected)
}

/// The controls one `include-controls` or `exclude-controls` rule names.
pub fn matches(
    tree: &ControlTree,
    rule: &SelectControls,
    pointer: &str,
    site: &ImportSite<'_>,
) -> Result<HashSet<String>, OscalError> {
    let mut found = HashSet::new();
    for (index, id) in rule.with_ids.iter().flatten().enumerate() {
        if !tree.contains(id) {
            let site = ImportSite {
                pointer: format!("{pointer}/with-ids/{index}"),
                ..site.clone()
            };
            return Err(site.error(
                ErrorKind::UnknownReference,
                Bilingual::new(
                    format!("取り込むカタログに管理策 {id} がありません"),
                    format!("the imported catalog has no control {id}"),
                ),
            ));
        }
        found.insert(id.clone());
    }
    for matching in rule.matching.iter().flatten() {
        if let Some(pattern) = &matching.pattern {
            found.extend(
                tree.ids()
                    .iter()
                    .filter(|id| glob_matches(pattern, id))
                    .cloned(),
            );
        }
    }
    if rule.with_child_controls.as_deref() == Some("yes") {
        let named: Vec<String> = found.iter().cloned().collect();
        for id in named {
            tree.add_descendants(&id, &mut found);
        }
    }
    Ok(found)
}

/// `*` matches any run of characters, `?` any one; everything else matches itself.
pub fn glob_matches(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    // Where the last `*` was, and how much of the text it has eaten so far.
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(c) if *c == '?' || Some(c) == text.get(t) => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern
        .get(p..)
        .is_some_and(|rest| rest.iter().all(|c| *c == '*'))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// `p` holds `p.1`, which holds `p.1.a`; `q` stands alone.
    fn tree() -> ControlTree {
        let catalog: Catalog = serde_json::from_value(serde_json::json!({
            "uuid": "00000000-0000-4000-8000-000000000001",
            "metadata": {"title": "T", "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.2"},
            "controls": [
                {"id": "p", "title": "P", "controls": [
                    {"id": "p.1", "title": "P.1", "controls": [{"id": "p.1.a", "title": "P.1.a"}]}
                ]},
                {"id": "q", "title": "Q"}
            ]
        }))
        .expect("a catalog");
        ControlTree::of(&catalog)
    }

    fn rule(json: serde_json::Value) -> Vec<SelectControls> {
        serde_json::from_value(json).expect("selection rules")
    }

    fn sorted(ids: HashSet<String>) -> Vec<String> {
        let mut ids: Vec<String> = ids.into_iter().collect();
        ids.sort();
        ids
    }

    #[test]
    fn including_a_control_includes_its_ancestors_unless_they_are_excluded() {
        let site = ImportSite {
            file: "p.json",
            path: Path::new("p.json"),
            pointer: "/profile/imports/0".to_owned(),
        };
        let include = rule(serde_json::json!([{"with-ids": ["p.1.a"]}]));
        let chosen = select(&tree(), false, Some(&include), None, &site);
        assert_eq!(sorted(chosen.expect("selects")), ["p", "p.1", "p.1.a"]);
        let exclude = rule(serde_json::json!([{"with-ids": ["p.1"]}]));
        let chosen = select(&tree(), false, Some(&include), Some(&exclude), &site);
        assert_eq!(sorted(chosen.expect("selects")), ["p", "p.1.a"]);
        // An excluded control brings in nothing.
        let exclude = rule(serde_json::json!([{"with-ids": ["p.1.a"]}]));
        let chosen = select(&tree(), false, Some(&include), Some(&exclude), &site);
        assert!(chosen.expect("selects").is_empty());
    }

    #[test]
    fn globs() {
        assert!(glob_matches("ac-*", "ac-2.1"));
        assert!(glob_matches("ac-?", "ac-2"));
        assert!(!glob_matches("ac-?", "ac-22"));
        assert!(glob_matches("*", ""));
        assert!(glob_matches("*.1", "ac-2.1"));
        assert!(!glob_matches("*.1", "ac-2.11"));
        assert!(glob_matches("a*b*c", "axxbyyc"));
        assert!(!glob_matches("a*b*c", "axxbyy"));
        assert!(glob_matches("ac-2", "ac-2"));
        assert!(!glob_matches("ac-2", "ac-20"));
    }
}
