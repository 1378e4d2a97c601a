//! Providers' services in the store (see [`crate::documents`] for how they are kept).

use shinrai_domain::workflow::service::Service;

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for Service {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::SERVICES;
    const WHAT: Noun = Noun::new("サービス", "service");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.id),
            provider: Some(&self.provider),
            audit_body: None,
            status: "active",
            audit: None,
        }
    }
}

impl Store {
    pub async fn service(&self, id: &str) -> StoreResult<Option<Stored<Service>>> {
        self.document(id).await
    }

    /// The services of one provider, by id.
    pub async fn services_of(&self, provider: &str) -> StoreResult<Vec<Stored<Service>>> {
        self.documents(&Filter::provider(provider)).await
    }
}
