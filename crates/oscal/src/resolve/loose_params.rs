//! Which loose parameters the resolved catalog keeps (specification, Import Phase: Handling
//! Params, `req-loose-param`; Pruning and Ordering, `req-prune-ref`): those the result inserts.

use std::collections::{HashMap, HashSet};

use super::references::References;
use crate::model::catalog::{Control, Group};
use crate::model::common::Parameter;

/// The loose parameters kept, and the ids of the candidates left out.
#[derive(Debug)]
pub struct LooseParams {
    pub kept: Vec<Parameter>,
    /// Candidates the result neither holds nor inserts: a profile's setting of one of them has no
    /// effect on the result.
    pub left_out: HashSet<String>,
}

/// The candidates that the kept controls and groups insert (`inserted`, found in them), directly
/// or through another kept parameter (a choice or guideline may insert one), in the candidates'
/// order. A parameter the structure already holds is not repeated, nor is a second candidate with
/// the same id.
pub fn keep_referenced(
    candidates: Vec<Parameter>,
    inserted: &HashSet<String>,
    controls: &[Control],
    groups: &[Group],
) -> LooseParams {
    let held = held_param_ids(controls, groups);
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for (index, param) in candidates.iter().enumerate() {
        if !held.contains(&param.id) {
            first_of.entry(param.id.as_str()).or_insert(index);
        }
    }
    let mut wanted: Vec<String> = inserted.iter().cloned().collect();
    let mut kept: HashSet<usize> = HashSet::new();
    while let Some(id) = wanted.pop() {
        let Some(&index) = first_of.get(id.as_str()) else {
            continue;
        };
        if !kept.insert(index) {
            continue;
        }
        let mut inner = References::default();
        inner.params(candidates.get(index..=index));
        wanted.extend(inner.inserted_params);
    }
    let mut loose = LooseParams {
        kept: Vec::new(),
        left_out: HashSet::new(),
    };
    for (index, param) in candidates.into_iter().enumerate() {
        if kept.contains(&index) {
            loose.kept.push(param);
        } else if !held.contains(&param.id) {
            loose.left_out.insert(param.id);
        }
    }
    // A duplicate candidate left out while its first copy is kept is not missing.
    for param in &loose.kept {
        loose.left_out.remove(&param.id);
    }
    loose
}

/// The ids of the parameters inside the kept controls and groups.
fn held_param_ids(controls: &[Control], groups: &[Group]) -> HashSet<String> {
    fn from_controls(controls: &[Control], into: &mut HashSet<String>) {
        for control in controls {
            into.extend(control.params.iter().flatten().map(|p| p.id.clone()));
            from_controls(control.controls.as_deref().unwrap_or_default(), into);
        }
    }
    fn from_groups(groups: &[Group], into: &mut HashSet<String>) {
        for group in groups {
            into.extend(group.params.iter().flatten().map(|p| p.id.clone()));
            from_controls(group.controls.as_deref().unwrap_or_default(), into);
            from_groups(group.groups.as_deref().unwrap_or_default(), into);
        }
    }
    let mut held = HashSet::new();
    from_controls(controls, &mut held);
    from_groups(groups, &mut held);
    held
}
