//! The map the scheme ships with. It lives in `assurance/schemes.json` beside the crate, in both
//! languages, so that it can be read, reviewed and edited as data.

use super::scheme::AssuranceMap;

const FILE: &str = include_str!("../../assurance/schemes.json");

/// The shipped file was edited into a wrong shape or fails [`AssuranceMap::check`].
#[derive(Debug, thiserror::Error)]
#[error("assurance/schemes.json: {0}")]
pub struct AssuranceMapError(pub String);

/// The default map: every scheme a user may meet, placed by a reasoned judgement.
pub fn default_map() -> Result<AssuranceMap, AssuranceMapError> {
    let map: AssuranceMap =
        serde_json::from_str(FILE).map_err(|error| AssuranceMapError(error.to_string()))?;
    map.check()
        .map_err(|refusal| AssuranceMapError(refusal.to_string()))?;
    Ok(map)
}
