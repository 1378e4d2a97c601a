//! Applications for registration in the store.

use shinrai_domain::workflow::application::{Application, ApplicationStatus};

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for Application {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::APPLICATIONS;
    const WHAT: Noun = Noun::new("登録申請", "application");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.service),
            provider: Some(&self.provider),
            audit_body: Some(&self.audit_body),
            status: self.status.code(),
            audit: None,
        }
    }
}

impl Store {
    pub async fn application(&self, id: &str) -> StoreResult<Option<Stored<Application>>> {
        self.document(id).await
    }

    pub async fn applications_of_service(
        &self,
        service: &str,
    ) -> StoreResult<Vec<Stored<Application>>> {
        self.documents(&Filter::service(service)).await
    }

    /// The applications still waiting for their end, by id.
    pub async fn open_applications(&self) -> StoreResult<Vec<Stored<Application>>> {
        let mut open = Vec::new();
        for status in ApplicationStatus::ALL.into_iter().filter(|s| s.is_open()) {
            open.extend(self.documents(&Filter::status(status.code())).await?);
        }
        open.sort_by(|a: &Stored<Application>, b| a.value.id.cmp(&b.value.id));
        Ok(open)
    }

    /// Every application, by id: the operator's review queue.
    pub async fn applications(&self) -> StoreResult<Vec<Stored<Application>>> {
        self.documents(&Filter::all()).await
    }
}
