//! The structuring directive of a profile's `merge`. The specification ("The 'structuring'
//! Directive") allows at most one of `flat`, `as-is` and `custom`; more than one is an error that
//! stops processing, before anything is merged.

use shinrai_domain::text::Bilingual;

use super::loader::ImportSite;
use crate::error::{ErrorKind, OscalError, Place};
use crate::model::profile::Merge;

/// Refuses a `merge` naming two or three structuring directives. A directive counts when it
/// appears, whatever its value (`as-is: false` too), as the specification words it and as the
/// schema's alternatives for `merge` have it.
pub fn check_one_structure(merge: Option<&Merge>, site: &ImportSite<'_>) -> Result<(), OscalError> {
    let Some(merge) = merge else {
        return Ok(());
    };
    let named: Vec<&str> = [
        ("flat", merge.flat.is_some()),
        ("as-is", merge.as_is.is_some()),
        ("custom", merge.custom.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, given)| given.then_some(name))
    .collect();
    if named.len() < 2 {
        return Ok(());
    }
    let list = named.join(", ");
    Err(OscalError::new(
        site.file,
        Place::Pointer(format!("{}/merge", site.pointer)),
        ErrorKind::ConflictingStructure,
        Bilingual::new(
            format!(
                "merge に構成の指定が複数あります（{list}）。flat・as-is・custom のうち 1 つだけを指定してください"
            ),
            format!(
                "merge names more than one structuring directive ({list}); give only one of flat, as-is and custom"
            ),
        ),
    ))
}
