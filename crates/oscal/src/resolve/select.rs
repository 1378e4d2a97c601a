//! Which controls an import selects: include all, ids, glob patterns, child controls, and
//! exclusions (which always win).

use std::collections::{HashMap, HashSet};

use shinrai_domain::text::Bilingual;

use super::loader::ImportSite;
use crate::error::{ErrorKind, OscalError};
use crate::model::profile::SelectControls;
use crate::model::{Catalog, Control};

/// The controls of a catalog with their descendants, in document order.
pub struct ControlTree {
    order: Vec<String>,
    children: HashMap<String, Vec<String>>,
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
        }
    }

    fn add(&mut self, control: &Control) {
        self.order.push(control.id.clone());
        let kids = control
            .controls
            .iter()
            .flatten()
            .map(|child| child.id.clone())
            .collect();
        self.children.insert(control.id.clone(), kids);
    }

    pub fn contains(&self, id: &str) -> bool {
        self.children.contains_key(id)
    }

    pub fn ids(&self) -> &[String] {
        &self.order
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

/// The ids one import selects from its catalog.
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
    for (index, rule) in exclude.unwrap_or_default().iter().enumerate() {
        let pointer = format!("{}/exclude-controls/{index}", site.pointer);
        for id in matches(tree, rule, &pointer, site)? {
            selected.remove(&id);
        }
    }
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
    use super::glob_matches;

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
