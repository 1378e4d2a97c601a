//! The map of assurance schemes in use and the operator's edits of it. Until the first edit the
//! shipped map is in use; each edit replaces the map whole, checked by the domain, with its event.

use shinrai_domain::assurance::{ASSURANCE_MAP_ID, AssuranceMap, default_map, revise_map};
use shinrai_domain::workflow::Moment;
use shinrai_store::documents::Batch;

use crate::error::ApiError;
use crate::state::AppState;
use crate::workflow::{Acting, Failure, Outcome};

/// What the map is called in messages.
pub const MAP: (&str, &str) = ("保証の対応図", "assurance map");
/// What a scheme is called in messages.
pub const SCHEME: (&str, &str) = ("保証制度", "assurance scheme");

/// The map in use, with the revision an edit must name (0 while the shipped map is in use) and
/// the day of the last edit.
#[derive(Debug, Clone)]
pub struct InUse {
    pub map: AssuranceMap,
    pub revision: i64,
    pub revised_on: Option<String>,
}

/// The map in use: the operator's last edit, or the shipped map before any.
pub async fn in_use(state: &AppState) -> Outcome<InUse> {
    match state.store.assurance_map().await? {
        Some(stored) => Ok(InUse {
            revised_on: Some(Moment::at(stored.value.revised_at_ms).date().to_string()),
            map: stored.value.map,
            revision: stored.revision,
        }),
        None => Ok(InUse {
            map: default_map()
                .map_err(|error| Failure::Service(ApiError::internal(error.to_string())))?,
            revision: 0,
            revised_on: None,
        }),
    }
}

/// An administrator of the operator replaces the map with `next`, made from the revision
/// `made_from` when the editor names one (a form read before someone else's edit is refused as
/// stale rather than undoing it). The same map again writes nothing.
pub async fn revise(
    state: &AppState,
    by: &Acting,
    next: AssuranceMap,
    made_from: Option<i64>,
) -> Outcome<AssuranceMap> {
    let current = in_use(state).await?;
    if made_from.is_some_and(|revision| revision != current.revision) {
        return Err(Failure::stale(MAP, ASSURANCE_MAP_ID));
    }
    let Some(change) = revise_map(&current.map, next, &by.member, by.at)? else {
        return Ok(current.map);
    };
    let batch = if current.revision == 0 {
        Batch::new().create(&change)?
    } else {
        Batch::new().update(&change, current.revision)?
    };
    state.store.commit(batch).await?;
    Ok(change.state.map)
}
