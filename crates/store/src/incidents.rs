//! What the store keeps of incidents: one by id, and those a filter selects (a provider's own,
//! the operator's list by state), the newest reported first.

use shinrai_domain::workflow::incident::Incident;

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for Incident {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::INCIDENTS;
    const WHAT: Noun = Noun::new("インシデント", "incident");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: self.service.as_deref(),
            provider: Some(&self.provider),
            audit_body: None,
            status: self.status.code(),
            audit: None,
        }
    }
}

impl Store {
    pub async fn incident(&self, id: &str) -> StoreResult<Option<Stored<Incident>>> {
        self.document(id).await
    }

    /// The incidents a filter selects, the newest reported first.
    pub async fn incidents(&self, filter: &Filter) -> StoreResult<Vec<Stored<Incident>>> {
        let mut incidents: Vec<Stored<Incident>> = self.documents(filter).await?;
        incidents.sort_by(|a, b| {
            (b.value.quick.filed.at_ms, &b.value.id).cmp(&(a.value.quick.filed.at_ms, &a.value.id))
        });
        Ok(incidents)
    }
}
