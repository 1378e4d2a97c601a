//! Audits and their signed reports in the store.

use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::report::AuditReport;

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for Audit {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::AUDITS;
    const WHAT: Noun = Noun::new("監査", "audit");

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

/// A report is kept under its audit's id, exactly as signed.
impl Document for AuditReport {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::AUDIT_REPORTS;
    const WHAT: Noun = Noun::new("監査報告書", "audit report");

    fn id(&self) -> &str {
        &self.audit
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.service),
            provider: Some(&self.provider),
            audit_body: Some(&self.audit_body),
            status: "signed",
            audit: None,
        }
    }
}

impl Store {
    pub async fn audit(&self, id: &str) -> StoreResult<Option<Stored<Audit>>> {
        self.document(id).await
    }

    /// Every audit on record (an operator's quality review chooses among the signed ones).
    pub async fn all_audits(&self) -> StoreResult<Vec<Stored<Audit>>> {
        self.documents(&Filter::all()).await
    }

    pub async fn audits_of_service(&self, service: &str) -> StoreResult<Vec<Stored<Audit>>> {
        self.documents(&Filter::service(service)).await
    }

    /// The engagements an audit body was asked for.
    pub async fn audits_for_body(&self, audit_body: &str) -> StoreResult<Vec<Stored<Audit>>> {
        self.documents(&Filter::audit_body(audit_body)).await
    }

    /// The signed report of an audit.
    pub async fn audit_report(&self, audit: &str) -> StoreResult<Option<AuditReport>> {
        Ok(self
            .document::<AuditReport>(audit)
            .await?
            .map(|stored| stored.value))
    }
}
