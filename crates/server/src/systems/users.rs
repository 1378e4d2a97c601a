//! The messages to the organisations recorded as users of a registered service on a day, and to
//! those whose systems watch it: one per organisation, naming its systems that use or watch it. Every path that changes what a service is for
//! its users (an expiry, a fall, a measure, a withdrawal, an acknowledged change, an incident)
//! adds them to the batch that writes the change.

use std::collections::BTreeMap;

use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::notification::Draft;
use shinrai_domain::workflow::notification::user_messages::{ServiceNews, ServiceUser, to_user};
use shinrai_domain::workflow::procurement::{InformationSystem, ServiceUsage, users_of};
use shinrai_store::Store;
use shinrai_store::error::StoreResult;

/// The usages and the watching systems read once, with the names of the systems the usages
/// belong to: what a run that tells the users of many services at once needs.
#[derive(Debug)]
pub struct Users {
    /// The usages by the registration number they use.
    usages: BTreeMap<String, Vec<ServiceUsage>>,
    /// The systems with a watch list.
    watchers: Vec<InformationSystem>,
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
        let watchers: Vec<InformationSystem> = store
            .watching_systems()
            .await?
            .into_iter()
            .map(|stored| stored.value)
            .collect();
        let mut usages: BTreeMap<String, Vec<ServiceUsage>> = BTreeMap::new();
        let mut names: BTreeMap<String, BTreeMap<String, Bilingual>> = BTreeMap::new();
        for system in &watchers {
            names
                .entry(system.org.clone())
                .or_default()
                .insert(system.id.clone(), system.details.name.clone());
        }
        for stored in stored {
            let usage = stored.value;
            let known = names.get(&usage.org);
            if known.is_none_or(|systems| !systems.contains_key(&usage.system)) {
                let systems = names.entry(usage.org.clone()).or_default();
                for stored in store.systems_of(&usage.org).await? {
                    systems.insert(stored.value.id, stored.value.details.name);
                }
            }
            usages.entry(usage.entry.clone()).or_default().push(usage);
        }
        Ok(Users {
            usages,
            watchers,
            names,
        })
    }

    /// The messages telling the users and watchers of `entry` on `day` about `news`.
    pub fn tell(
        &self,
        entry: &RegistryEntry,
        news: ServiceNews<'_>,
        day: CalendarDate,
    ) -> Vec<Draft> {
        let usages = self.usages.get(&entry.id).map_or(&[][..], Vec::as_slice);
        users_of(usages, &self.watchers, &entry.id, day)
            .into_iter()
            .map(|user| {
                let names = self.names.get(&user.org);
                let named = |ids: &[String]| -> Vec<Bilingual> {
                    ids.iter()
                        .map(|id| {
                            names
                                .and_then(|names| names.get(id))
                                .cloned()
                                .unwrap_or_else(|| Bilingual::new(id.clone(), id.clone()))
                        })
                        .collect()
                };
                let recipient = ServiceUser {
                    systems: named(&user.systems),
                    watching: named(&user.watching),
                    org: user.org,
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
