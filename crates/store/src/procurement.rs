//! What the store keeps of the procurer's records: an organisation's information systems, and
//! the usages of registered services (by organisation, by system, by registry entry), and the
//! systems that watch services.

use shinrai_domain::workflow::procurement::{InformationSystem, ServiceUsage};

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for InformationSystem {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::SYSTEMS;
    const WHAT: Noun = Noun::new("情報システム", "information system");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: None,
            provider: Some(&self.org),
            audit_body: None,
            // Lists find the systems whose watchers are to be told by this key.
            status: if self.watching.is_empty() {
                KEPT
            } else {
                WATCHING
            },
            audit: None,
        }
    }
}

impl Document for ServiceUsage {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::SERVICE_USAGES;
    const WHAT: Noun = Noun::new("サービスの利用", "service usage");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        // The registration number goes where lists find the users of an entry.
        Keys {
            service: Some(&self.entry),
            provider: Some(&self.org),
            audit_body: None,
            status: self.status.code(),
            audit: None,
        }
    }
}

/// The status key of a system with an empty watch list, and of one watching services.
const KEPT: &str = "kept";
const WATCHING: &str = "watching";

fn of_org(org: &str) -> Filter {
    Filter {
        provider: Some(org.to_owned()),
        ..Filter::default()
    }
}

impl Store {
    pub async fn system(&self, id: &str) -> StoreResult<Option<Stored<InformationSystem>>> {
        self.document(id).await
    }

    /// The systems an organisation keeps, by name.
    pub async fn systems_of(&self, org: &str) -> StoreResult<Vec<Stored<InformationSystem>>> {
        let mut systems: Vec<Stored<InformationSystem>> = self.documents(&of_org(org)).await?;
        systems.sort_by(|a, b| {
            (&a.value.details.name.ja, &a.value.id).cmp(&(&b.value.details.name.ja, &b.value.id))
        });
        Ok(systems)
    }

    /// The systems of every organisation that watch at least one service.
    pub async fn watching_systems(&self) -> StoreResult<Vec<Stored<InformationSystem>>> {
        let filter = Filter {
            status: Some(WATCHING.to_owned()),
            ..Filter::default()
        };
        let mut systems: Vec<Stored<InformationSystem>> = self.documents(&filter).await?;
        systems.sort_by(|a, b| a.value.id.cmp(&b.value.id));
        Ok(systems)
    }

    pub async fn usage(&self, id: &str) -> StoreResult<Option<Stored<ServiceUsage>>> {
        self.document(id).await
    }

    /// The usages an organisation recorded, the earliest first.
    pub async fn usages_of_org(&self, org: &str) -> StoreResult<Vec<Stored<ServiceUsage>>> {
        let mut usages: Vec<Stored<ServiceUsage>> = self.documents(&of_org(org)).await?;
        sort_usages(&mut usages);
        Ok(usages)
    }

    /// The usages of the registry entry `entry`, the earliest first.
    pub async fn usages_of_entry(&self, entry: &str) -> StoreResult<Vec<Stored<ServiceUsage>>> {
        let mut usages: Vec<Stored<ServiceUsage>> = self.documents(&Filter::service(entry)).await?;
        sort_usages(&mut usages);
        Ok(usages)
    }

    /// Every usage recorded, the earliest first: the operator's view of who uses what.
    pub async fn all_usages(&self) -> StoreResult<Vec<Stored<ServiceUsage>>> {
        let mut usages: Vec<Stored<ServiceUsage>> = self.documents(&Filter::all()).await?;
        sort_usages(&mut usages);
        Ok(usages)
    }
}

fn sort_usages(usages: &mut [Stored<ServiceUsage>]) {
    usages.sort_by(|a, b| (a.value.from, &a.value.id).cmp(&(b.value.from, &b.value.id)));
}
