//! The messages to the organisations recorded as users of a registered service on a day: one per
//! organisation, naming its systems that use it. Every path that changes what a service is for
//! its users (an expiry, a fall, a measure, a withdrawal, an acknowledged change, an incident)
//! adds them to the batch that writes the change.

use std::collections::BTreeMap;

use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::notification::Draft;
use shinrai_domain::workflow::notification::user_messages::{ServiceNews, ServiceUser, to_user};
use shinrai_domain::workflow::procurement::users_of;
use shinrai_store::Store;
use shinrai_store::error::StoreResult;

/// The messages telling the users of `entry` on `day` about `news`.
pub async fn tell_users(
    store: &Store,
    entry: &RegistryEntry,
    news: ServiceNews<'_>,
    day: CalendarDate,
) -> StoreResult<Vec<Draft>> {
    let usages: Vec<_> = store
        .usages_of_entry(&entry.id)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect();
    let mut drafts = Vec::new();
    for user in users_of(&usages, &entry.id, day) {
        let names: BTreeMap<String, Bilingual> = store
            .systems_of(&user.org)
            .await?
            .into_iter()
            .map(|stored| (stored.value.id, stored.value.details.name))
            .collect();
        let systems = user
            .systems
            .iter()
            .map(|id| {
                names
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| Bilingual::new(id.clone(), id.clone()))
            })
            .collect();
        let recipient = ServiceUser {
            org: user.org,
            systems,
        };
        drafts.push(to_user(entry, news, &recipient));
    }
    Ok(drafts)
}
