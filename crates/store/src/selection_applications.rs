//! What the store keeps of audit bodies' applications to be selected.

use shinrai_domain::workflow::selection_application::SelectionApplication;

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for SelectionApplication {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::SELECTION_APPLICATIONS;
    const WHAT: Noun = Noun::new("選定申請", "selection application");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: None,
            provider: None,
            audit_body: Some(&self.org),
            status: self.status.code(),
            audit: None,
        }
    }
}

impl Store {
    pub async fn selection_application(
        &self,
        id: &str,
    ) -> StoreResult<Option<Stored<SelectionApplication>>> {
        self.document(id).await
    }

    /// Every application of one audit body, or of all when `org` is `None`.
    pub async fn selection_applications(
        &self,
        org: Option<&str>,
    ) -> StoreResult<Vec<Stored<SelectionApplication>>> {
        let filter = org.map_or_else(Filter::all, Filter::audit_body);
        self.documents(&filter).await
    }
}
