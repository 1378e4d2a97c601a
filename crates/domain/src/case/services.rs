//! Services named in a case (the cascade's registry, the lifecycle's registrations): each one
//! listed once, and every other mention naming one of those.

use super::{CaseError, Node, Pointer, Problem, Read, Referent};
use crate::fast_hash::FastSet;

/// The id of a service being listed, refused when it was listed before.
pub fn listed_once(node: &Node<'_>, listed: &mut FastSet<String>) -> Read<String> {
    let id = node.id()?;
    if !listed.insert(id.clone()) {
        return Err(node.error(Problem::Duplicate {
            referent: Referent::Service,
            id,
        }));
    }
    Ok(id)
}

/// The id of a service that must be among those listed.
pub fn listed(node: &Node<'_>, listed: &FastSet<String>) -> Read<String> {
    let id = node.id()?;
    if !listed.contains(&id) {
        return Err(node.error(unknown_service(id)));
    }
    Ok(id)
}

/// The first id of `ids` (at `pointer`) that is not among those listed, as the case's error.
pub fn check_listed(ids: &[String], pointer: Pointer, listed: &FastSet<String>) -> Read<()> {
    match ids.iter().enumerate().find(|(_, id)| !listed.contains(*id)) {
        Some((position, id)) => Err(CaseError::new(
            pointer.index(position),
            unknown_service(id.clone()),
        )),
        None => Ok(()),
    }
}

fn unknown_service(id: String) -> Problem {
    Problem::UnknownReference {
        referent: Referent::Service,
        id,
    }
}
