//! The map in use: the operator's administrators edit it (the baseline, a scheme added, changed or
//! removed), every edit checked whole and recorded as one event; until the first edit the shipped
//! map ([`super::default_map`]) is in use.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::scheme::{AssuranceMap, AssuranceScheme};
use crate::policy::Member;
use crate::workflow::{Change, Moment, NotAllowed, Refusal, WorkflowEvent};

/// The one id the map is kept under: there is one map for the scheme.
pub const ASSURANCE_MAP_ID: &str = "map";

/// The event of an edit of the map.
pub const ASSURANCE_REVISED: &str = "assurance.revise";

/// The map as the operator last left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssuranceRecord {
    /// Always [`ASSURANCE_MAP_ID`].
    pub id: String,
    pub map: AssuranceMap,
    /// The administrator who made the last edit.
    pub revised_by: String,
    pub revised_at_ms: i64,
}

/// An administrator of the operator replaces the map in use (`current`) by `next`. `next` is
/// checked whole, so that every problem is reported at once; the same map again writes nothing
/// (`None`), as a saved form sent twice should not add to the log.
pub fn revise_map(
    current: &AssuranceMap,
    next: AssuranceMap,
    by: &Member,
    at: Moment,
) -> Result<Option<Change<AssuranceRecord>>, Refusal> {
    if !by.is_operator_admin() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator));
    }
    next.check()?;
    if next == *current {
        return Ok(None);
    }
    let record = AssuranceRecord {
        id: ASSURANCE_MAP_ID.to_owned(),
        map: next,
        revised_by: by.user_id.clone(),
        revised_at_ms: at.at_ms,
    };
    let event = WorkflowEvent::new(
        by,
        at,
        ASSURANCE_REVISED,
        ASSURANCE_MAP_ID,
        json!({ "assurance": record }),
    );
    Ok(Some(Change {
        state: record,
        event,
    }))
}

impl AssuranceMap {
    /// The map with `scheme` in place of the one called `replacing`, or added at the end when
    /// `replacing` is `None` or names none. The result is checked when it is saved, so a new id
    /// that repeats another is reported there.
    pub fn with_scheme(&self, replacing: Option<&str>, scheme: AssuranceScheme) -> AssuranceMap {
        let mut schemes = self.schemes.clone();
        match replacing.and_then(|id| schemes.iter().position(|old| old.id == id)) {
            Some(index) => {
                if let Some(slot) = schemes.get_mut(index) {
                    *slot = scheme;
                }
            }
            None => schemes.push(scheme),
        }
        AssuranceMap {
            baseline: self.baseline,
            schemes,
        }
    }

    /// The map without the scheme `id`; `None` when it holds none of that id.
    pub fn without_scheme(&self, id: &str) -> Option<AssuranceMap> {
        self.scheme(id)?;
        Some(AssuranceMap {
            baseline: self.baseline,
            schemes: self
                .schemes
                .iter()
                .filter(|scheme| scheme.id != id)
                .cloned()
                .collect(),
        })
    }

    /// The map with another baseline.
    pub fn with_baseline(&self, baseline: u8) -> AssuranceMap {
        AssuranceMap {
            baseline,
            schemes: self.schemes.clone(),
        }
    }
}
