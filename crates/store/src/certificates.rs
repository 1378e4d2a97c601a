//! What the store keeps of a service's other certifications: each certificate one document, found
//! by its service and its provider.

use shinrai_domain::workflow::certification::Certificate;

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for Certificate {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::CERTIFICATES;
    const WHAT: Noun = Noun::new("認証", "certificate");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.service),
            provider: Some(&self.provider),
            audit_body: None,
            // Whether it still counts: lapsing depends on the day read, withdrawal does not.
            status: if self.withdrawn.is_some() {
                "withdrawn"
            } else {
                "declared"
            },
            audit: None,
        }
    }
}

impl Store {
    pub async fn certificate(&self, id: &str) -> StoreResult<Option<Stored<Certificate>>> {
        self.document(id).await
    }

    /// The certificates of the service `service`, withdrawn ones included, the earliest
    /// declared first.
    pub async fn certificates_of(&self, service: &str) -> StoreResult<Vec<Stored<Certificate>>> {
        let mut certificates: Vec<Stored<Certificate>> =
            self.documents(&Filter::service(service)).await?;
        certificates.sort_by(|a, b| {
            (a.value.created_at_ms, &a.value.id).cmp(&(b.value.created_at_ms, &b.value.id))
        });
        Ok(certificates)
    }
}
