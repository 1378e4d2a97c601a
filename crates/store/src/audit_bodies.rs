//! What the store keeps of audit bodies for audits: their selection records and their auditors'
//! profiles.

use shinrai_domain::workflow::audit_body::{AuditBodyRecord, AuditorProfile};

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for AuditBodyRecord {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::AUDIT_BODY_RECORDS;
    const WHAT: Noun = Noun::new("監査機関の記録", "audit body record");

    fn id(&self) -> &str {
        &self.org
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: None,
            provider: None,
            audit_body: Some(&self.org),
            status: self.status.name(),
            audit: None,
        }
    }
}

impl Document for AuditorProfile {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::AUDITOR_PROFILES;
    const WHAT: Noun = Noun::new("監査人の資格情報", "auditor profile");

    fn id(&self) -> &str {
        &self.user
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: None,
            provider: None,
            audit_body: Some(&self.org),
            status: if self.may_sign { "signing" } else { "auditor" },
            audit: None,
        }
    }
}

impl Store {
    pub async fn audit_body_record(
        &self,
        org: &str,
    ) -> StoreResult<Option<Stored<AuditBodyRecord>>> {
        self.document(org).await
    }

    pub async fn audit_body_records(&self) -> StoreResult<Vec<Stored<AuditBodyRecord>>> {
        self.documents(&Filter::all()).await
    }

    pub async fn auditor_profile(&self, user: &str) -> StoreResult<Option<Stored<AuditorProfile>>> {
        self.document(user).await
    }

    /// The auditors of one audit body.
    pub async fn auditor_profiles(&self, org: &str) -> StoreResult<Vec<Stored<AuditorProfile>>> {
        self.documents(&Filter::audit_body(org)).await
    }
}
