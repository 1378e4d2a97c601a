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
use shinrai_domain::workflow::procurement::{ServiceUsage, users_of};
use shinrai_store::Store;
use shinrai_store::error::StoreResult;

/// The usages read once, with the names of the systems they belong to: what a run that tells
/// the users of many services at once needs.
#[derive(Debug)]
pub struct Users {
    /// The usages by the registration number they use.
    usages: BTreeMap<String, Vec<ServiceUsage>>,
    /// System names by organisation, then by system id.
    names: BTreeMap<String, BTreeMap<String, Bilingual>>,
}

impl Users {
    /// Every usage recorded (for the lifecycle job, which may touch many entries).
    pub async fn all(store: &Store) -> StoreResult<Users> {
        Users::of(store, store.all_usages().await?).await
    }

    /// The usages of the entry `entry`.
    pub async fn of_entry(store: &Store, entry: &str) -> StoreResult<Users> {
        Users::of(store, store.usages_of_entry(entry).await?).await
    }

    async fn of(
        store: &Store,
        stored: Vec<shinrai_store::documents::Stored<ServiceUsage>>,
    ) -> StoreResult<Users> {
        let mut usages: BTreeMap<String, Vec<ServiceUsage>> = BTreeMap::new();
        let mut names = BTreeMap::new();
        for stored in stored {
            let usage = stored.value;
            if !names.contains_key(&usage.org) {
                let systems: BTreeMap<String, Bilingual> = store
                    .systems_of(&usage.org)
                    .await?
                    .into_iter()
                    .map(|stored| (stored.value.id, stored.value.details.name))
                    .collect();
                names.insert(usage.org.clone(), systems);
            }
            usages.entry(usage.entry.clone()).or_default().push(usage);
        }
        Ok(Users { usages, names })
    }

    /// The messages telling the users of `entry` on `day` about `news`.
    pub fn tell(
        &self,
        entry: &RegistryEntry,
        news: ServiceNews<'_>,
        day: CalendarDate,
    ) -> Vec<Draft> {
        let usages = self.usages.get(&entry.id).map_or(&[][..], Vec::as_slice);
        users_of(usages, &entry.id, day)
            .into_iter()
            .map(|user| {
                let names = self.names.get(&user.org);
                let systems = user
                    .systems
                    .iter()
                    .map(|id| {
                        names
                            .and_then(|names| names.get(id))
                            .cloned()
                            .unwrap_or_else(|| Bilingual::new(id.clone(), id.clone()))
                    })
                    .collect();
                let recipient = ServiceUser {
                    org: user.org,
                    systems,
                };
                to_user(entry, news, &recipient)
            })
            .collect()
    }
}

/// The messages telling the users of `entry` on `day` about `news`.
pub async fn tell_users(
    store: &Store,
    entry: &RegistryEntry,
    news: ServiceNews<'_>,
    day: CalendarDate,
) -> StoreResult<Vec<Draft>> {
    Ok(Users::of_entry(store, &entry.id)
        .await?
        .tell(entry, news, day))
}
