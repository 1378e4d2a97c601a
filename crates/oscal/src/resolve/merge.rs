//! Arranging the selected controls: as in their catalogs (`as-is`), in one flat list (the
//! default), or in the profile's own groups (`custom`); and what to do when two imports bring
//! the same control (`combine`).

use std::collections::{HashMap, HashSet};

use crate::model::Catalog;
use crate::model::catalog::{Control, Group};
use crate::model::common::Parameter;
use crate::model::profile::{Custom, CustomGroup, InsertControls, Merge};

use super::loader::ImportSite;
use super::select::{ControlTree, matches};
use crate::error::OscalError;

/// One import after selection.
pub struct Selected {
    pub catalog: Catalog,
    pub ids: HashSet<String>,
}

/// The structure of the resolved catalog before tailoring.
#[derive(Debug, Default)]
pub struct Merged {
    /// Parameters outside the structure: the catalogs' loose ones and those of the groups and
    /// controls the structure leaves out, in catalog order. The modify phase may still tailor
    /// them or insert them; only the ones the result refers to are kept in the end.
    pub params: Vec<Parameter>,
    pub controls: Vec<Control>,
    pub groups: Vec<Group>,
    /// Selected controls that a custom structure placed nowhere.
    pub unplaced: Vec<String>,
    /// Controls placed more than once because `combine` is `keep` (each id once, in order).
    pub kept_twice: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Combine {
    Keep,
    UseFirst,
    Merge,
}

fn combine_method(merge: Option<&Merge>) -> Combine {
    match merge
        .and_then(|m| m.combine.as_ref())
        .and_then(|c| c.method.as_deref())
    {
        Some("use-first") => Combine::UseFirst,
        Some("merge") => Combine::Merge,
        _ => Combine::Keep,
    }
}

/// Builds the structure the merge directive asks for.
pub fn merge(
    imports: Vec<Selected>,
    directive: Option<&Merge>,
    site: &ImportSite<'_>,
) -> Result<Merged, OscalError> {
    let combine = combine_method(directive);
    let mut duplicates = Duplicates::new(combine);
    let as_is = directive.and_then(|m| m.as_is).unwrap_or(false);
    let custom = directive.and_then(|m| m.custom.as_ref());
    let mut merged = Merged::default();
    // Custom groups select from the pool with the catalogs' nesting, so `with-child-controls`
    // still finds enhancements after the pool has been flattened.
    let mut nesting = ControlTree::empty();
    for Selected { catalog, ids } in imports {
        if custom.is_some() {
            nesting.extend_with(&catalog);
        }
        let Catalog {
            params,
            controls,
            groups,
            ..
        } = catalog;
        merged.params.extend(params.unwrap_or_default());
        let mut sieve = Sieve {
            ids: &ids,
            duplicates: &mut duplicates,
            loose: &mut merged.params,
        };
        if as_is && custom.is_none() {
            let (kept_controls, kept_groups) = prune_level(
                controls.unwrap_or_default(),
                groups.unwrap_or_default(),
                &mut sieve,
            );
            merged.controls.extend(kept_controls);
            merged.groups.extend(kept_groups);
        } else {
            let mut flat = Vec::new();
            flatten_controls(controls.unwrap_or_default(), &mut sieve, &mut flat);
            flatten_groups(groups.unwrap_or_default(), &mut sieve, &mut flat);
            merged.controls.extend(flat);
        }
    }
    if let Some(custom) = custom {
        let pool = std::mem::take(&mut merged.controls);
        let (controls, groups, unplaced) = arrange_custom(custom, pool, &nesting, site)?;
        merged.controls = controls;
        merged.groups = groups;
        merged.unplaced = unplaced;
    }
    duplicates.fold_into(&mut merged);
    Ok(merged)
}

/// Tracks controls already taken, to apply `combine`.
struct Duplicates {
    method: Combine,
    seen: HashSet<String>,
    /// Later copies waiting to be merged into the first one.
    later: HashMap<String, Vec<Control>>,
    /// Under `keep`, the ids placed a second time, each once.
    kept_twice: Vec<String>,
}

impl Duplicates {
    fn new(method: Combine) -> Duplicates {
        Duplicates {
            method,
            seen: HashSet::new(),
            later: HashMap::new(),
            kept_twice: Vec::new(),
        }
    }

    /// Whether to place this control; a later copy is dropped or set aside for merging.
    fn admit(&mut self, control: &Control) -> bool {
        let first = self.seen.insert(control.id.clone());
        if self.method == Combine::Keep {
            // Kept, clash and all (`req-merge-keep`); worth a warning (`req-merge-keep-warning`).
            if !first && !self.kept_twice.contains(&control.id) {
                self.kept_twice.push(control.id.clone());
            }
            return true;
        }
        if first {
            return true;
        }
        if self.method == Combine::Merge {
            self.later
                .entry(control.id.clone())
                .or_default()
                .push(control.clone());
        }
        false
    }

    fn fold_into(mut self, merged: &mut Merged) {
        merged.kept_twice = std::mem::take(&mut self.kept_twice);
        if self.later.is_empty() {
            return;
        }
        let mut visit = |control: &mut Control| {
            if let Some(copies) = self.later.remove(&control.id) {
                for copy in copies {
                    merge_control(control, copy);
                }
            }
        };
        for_each_control_mut(&mut merged.controls, &mut merged.groups, &mut visit);
    }
}

/// Adds to `first` what `other` has that `first` lacks (by id, or by whole value).
fn merge_control(first: &mut Control, other: Control) {
    fn union<T: PartialEq>(into: &mut Option<Vec<T>>, more: Option<Vec<T>>) {
        for item in more.unwrap_or_default() {
            let list = into.get_or_insert_with(Vec::new);
            if !list.contains(&item) {
                list.push(item);
            }
        }
    }
    union(&mut first.params, other.params);
    union(&mut first.props, other.props);
    union(&mut first.links, other.links);
    union(&mut first.parts, other.parts);
}

pub fn for_each_control_mut(
    controls: &mut [Control],
    groups: &mut [Group],
    visit: &mut dyn FnMut(&mut Control),
) {
    for control in controls.iter_mut() {
        visit(control);
        for_each_control_mut(
            control.controls.as_deref_mut().unwrap_or_default(),
            &mut [],
            visit,
        );
    }
    for group in groups.iter_mut() {
        for_each_control_mut(
            group.controls.as_deref_mut().unwrap_or_default(),
            group.groups.as_deref_mut().unwrap_or_default(),
            visit,
        );
    }
}

/// Decides, control by control, what one import's structure keeps: the selected controls, each
/// once when the combine rule says so. What is left out lends its parameters to the loose ones, so
/// that an insertion of them in the kept content still finds them (Import Phase, Handling Params:
/// loose parameters; Pruning and Ordering, `req-prune-ref`: a referenced object is not pruned).
struct Sieve<'a> {
    ids: &'a HashSet<String>,
    duplicates: &'a mut Duplicates,
    loose: &'a mut Vec<Parameter>,
}

impl Sieve<'_> {
    /// Whether the control stays. One not selected gives its parameters to the loose ones; a later
    /// copy of a selected one does not, its parameters being those of the copy that stays.
    fn keeps(&mut self, control: &mut Control) -> bool {
        if !self.ids.contains(&control.id) {
            self.loose.extend(control.params.take().unwrap_or_default());
            return false;
        }
        self.duplicates.admit(control)
    }
}

/// `as-is` (Merge Phase, `id-structure-as-is-list-1`): groups and nesting as in the catalog. A
/// group stays, whole but for its controls, when it holds a selected control; a selected control
/// whose parent control was not selected is "up-leveled" into that parent's place, as far as it
/// takes to sit under a kept control, a group or the catalog.
fn prune_level(
    controls: Vec<Control>,
    groups: Vec<Group>,
    sieve: &mut Sieve<'_>,
) -> (Vec<Control>, Vec<Group>) {
    let kept_controls = controls
        .into_iter()
        .flat_map(|control| prune_control(control, sieve))
        .collect();
    let kept_groups = groups
        .into_iter()
        .filter_map(|group| prune_group(group, sieve))
        .collect();
    (kept_controls, kept_groups)
}

/// The control with its kept descendants when it is kept; else its kept descendants alone, to
/// take its place.
fn prune_control(mut control: Control, sieve: &mut Sieve<'_>) -> Vec<Control> {
    let kept = sieve.keeps(&mut control);
    let children: Vec<Control> = control
        .controls
        .take()
        .unwrap_or_default()
        .into_iter()
        .flat_map(|child| prune_control(child, sieve))
        .collect();
    if kept {
        control.controls = (!children.is_empty()).then_some(children);
        return vec![control];
    }
    children
}

/// The group when it still holds a control; else nothing, its parameters (and those its
/// subgroups and controls lent) joining the loose ones in catalog order.
fn prune_group(mut group: Group, sieve: &mut Sieve<'_>) -> Option<Group> {
    let mut lent = Vec::new();
    let (controls, groups) = prune_level(
        group.controls.take().unwrap_or_default(),
        group.groups.take().unwrap_or_default(),
        &mut Sieve {
            ids: sieve.ids,
            duplicates: &mut *sieve.duplicates,
            loose: &mut lent,
        },
    );
    if controls.is_empty() && groups.is_empty() {
        sieve.loose.extend(group.params.take().unwrap_or_default());
        sieve.loose.extend(lent);
        return None;
    }
    sieve.loose.extend(lent);
    group.controls = (!controls.is_empty()).then_some(controls);
    group.groups = (!groups.is_empty()).then_some(groups);
    Some(group)
}

/// Flat (Merge Phase, `req-merge-flat-list`): every selected control at the top level, in
/// document order, enhancements unnested.
fn flatten_controls(controls: Vec<Control>, sieve: &mut Sieve<'_>, out: &mut Vec<Control>) {
    for mut control in controls {
        let children = control.controls.take().unwrap_or_default();
        if sieve.keeps(&mut control) {
            out.push(control);
        }
        flatten_controls(children, sieve, out);
    }
}

/// Groups are discarded (`req-merge-flat-list-3`); their parameters become loose ones
/// (`req-merge-flat-list-2`).
fn flatten_groups(groups: Vec<Group>, sieve: &mut Sieve<'_>, out: &mut Vec<Control>) {
    for group in groups {
        sieve.loose.extend(group.params.unwrap_or_default());
        flatten_controls(group.controls.unwrap_or_default(), sieve, out);
        flatten_groups(group.groups.unwrap_or_default(), sieve, out);
    }
}

/// The result of a custom arrangement: loose controls, groups, and the controls placed nowhere.
type Arranged = (Vec<Control>, Vec<Group>, Vec<String>);

/// `custom`: the profile's groups, each filled by its `insert-controls` from the selected pool.
fn arrange_custom(
    custom: &Custom,
    pool: Vec<Control>,
    tree: &ControlTree,
    site: &ImportSite<'_>,
) -> Result<Arranged, OscalError> {
    let mut placed = HashSet::new();
    let base = format!("{}/merge/custom", site.pointer);
    let controls = insert_all(
        custom.insert_controls.as_deref(),
        &pool,
        tree,
        &mut placed,
        &base,
        site,
    )?;
    let mut groups = Vec::new();
    for (index, group) in custom.groups.iter().flatten().enumerate() {
        groups.push(build_group(
            group,
            &pool,
            tree,
            &mut placed,
            &format!("{base}/groups/{index}"),
            site,
        )?);
    }
    let unplaced = pool
        .iter()
        .filter(|control| !placed.contains(&control.id))
        .map(|control| control.id.clone())
        .collect();
    Ok((controls, groups, unplaced))
}

fn build_group(
    group: &CustomGroup,
    pool: &[Control],
    tree: &ControlTree,
    placed: &mut HashSet<String>,
    pointer: &str,
    site: &ImportSite<'_>,
) -> Result<Group, OscalError> {
    let controls = insert_all(
        group.insert_controls.as_deref(),
        pool,
        tree,
        placed,
        pointer,
        site,
    )?;
    let mut groups = Vec::new();
    for (index, child) in group.groups.iter().flatten().enumerate() {
        groups.push(build_group(
            child,
            pool,
            tree,
            placed,
            &format!("{pointer}/groups/{index}"),
            site,
        )?);
    }
    Ok(Group {
        id: group.id.clone(),
        class: group.class.clone(),
        title: group.title.clone(),
        params: group.params.clone(),
        props: group.props.clone(),
        links: group.links.clone(),
        parts: group.parts.clone(),
        groups: (!groups.is_empty()).then_some(groups),
        controls: (!controls.is_empty()).then_some(controls),
        extra: group.extra.clone(),
    })
}

fn insert_all(
    inserts: Option<&[InsertControls]>,
    pool: &[Control],
    tree: &ControlTree,
    placed: &mut HashSet<String>,
    pointer: &str,
    site: &ImportSite<'_>,
) -> Result<Vec<Control>, OscalError> {
    let mut out = Vec::new();
    for (index, insert) in inserts.unwrap_or_default().iter().enumerate() {
        let here = format!("{pointer}/insert-controls/{index}");
        let here_site = ImportSite {
            pointer: here,
            ..site.clone()
        };
        let mut chosen: HashSet<String> =
            if insert.include_all.is_some() || insert.include_controls.is_none() {
                pool.iter().map(|c| c.id.clone()).collect()
            } else {
                HashSet::new()
            };
        for (rule_index, rule) in insert.include_controls.iter().flatten().enumerate() {
            let rule_pointer = format!("{}/include-controls/{rule_index}", here_site.pointer);
            chosen.extend(matches(tree, rule, &rule_pointer, &here_site)?);
        }
        for (rule_index, rule) in insert.exclude_controls.iter().flatten().enumerate() {
            let rule_pointer = format!("{}/exclude-controls/{rule_index}", here_site.pointer);
            for id in matches(tree, rule, &rule_pointer, &here_site)? {
                chosen.remove(&id);
            }
        }
        let mut picked: Vec<Control> = pool
            .iter()
            .filter(|control| chosen.contains(&control.id))
            .cloned()
            .collect();
        match insert.order.as_deref() {
            Some("ascending") => picked.sort_by(|a, b| natural_order(&a.id, &b.id)),
            Some("descending") => picked.sort_by(|a, b| natural_order(&b.id, &a.id)),
            _ => {}
        }
        placed.extend(picked.iter().map(|c| c.id.clone()));
        out.extend(picked);
    }
    Ok(out)
}

/// Orders ids the way people read them: `ac-2` before `ac-10`.
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn pieces(text: &str) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for c in text.chars() {
            let digit = c.is_ascii_digit();
            match out.last_mut() {
                Some((was_digit, piece)) if *was_digit == digit => piece.push(c),
                _ => out.push((digit, c.to_string())),
            }
        }
        out
    }
    let (left, right) = (pieces(a), pieces(b));
    for ((left_digit, left), (right_digit, right)) in left.iter().zip(right.iter()) {
        let order = if *left_digit && *right_digit {
            let (l, r) = (left.trim_start_matches('0'), right.trim_start_matches('0'));
            l.len().cmp(&r.len()).then_with(|| l.cmp(r))
        } else {
            left.cmp(right)
        };
        if order != std::cmp::Ordering::Equal {
            return order;
        }
    }
    left.len().cmp(&right.len())
}
