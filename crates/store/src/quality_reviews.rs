//! What the store keeps of the operator's quality reviews of signed audits.

use shinrai_domain::workflow::quality_review::QualityReview;

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for QualityReview {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::QUALITY_REVIEWS;
    const WHAT: Noun = Noun::new("品質レビュー", "quality review");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        // A review spans audit bodies: it is listed whole and each reader sees its part.
        Keys {
            service: None,
            provider: None,
            audit_body: None,
            status: self.status.code(),
            audit: None,
        }
    }
}

impl Store {
    pub async fn quality_review(&self, id: &str) -> StoreResult<Option<Stored<QualityReview>>> {
        self.document(id).await
    }

    /// Every review, in the order of their ids.
    pub async fn quality_reviews(&self) -> StoreResult<Vec<Stored<QualityReview>>> {
        self.documents(&Filter::all()).await
    }
}
