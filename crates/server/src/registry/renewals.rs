//! The renewals under review, shown in the registry beside the entries they keep valid. Read
//! from the open applications when a page or answer is made: an application's steps do not
//! touch the registry, so the cached registry cannot hold them.

use std::collections::BTreeMap;

use shinrai_domain::date::CalendarDate;
use shinrai_domain::workflow::application::renewals_under_review;
use shinrai_store::Store;
use shinrai_store::error::StoreResult;

/// Entry → the day its renewal was applied for, for each renewal under review.
pub async fn under_review(store: &Store) -> StoreResult<BTreeMap<String, CalendarDate>> {
    let open: Vec<_> = store
        .open_applications()
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect();
    Ok(renewals_under_review(&open))
}
