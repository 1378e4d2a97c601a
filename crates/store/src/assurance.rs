//! What the store keeps of the map of assurance schemes: one document, the operator's latest edit.

use shinrai_domain::assurance::{ASSURANCE_MAP_ID, AssuranceRecord};

use crate::Store;
use crate::documents::{Document, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for AssuranceRecord {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::ASSURANCE_MAPS;
    const WHAT: Noun = Noun::new("保証の対応図", "assurance map");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: None,
            provider: None,
            audit_body: None,
            status: "in_use",
            audit: None,
        }
    }
}

impl Store {
    /// The map as the operator last edited it; `None` before the first edit.
    pub async fn assurance_map(&self) -> StoreResult<Option<Stored<AssuranceRecord>>> {
        self.document(ASSURANCE_MAP_ID).await
    }
}
