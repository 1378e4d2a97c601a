//! What the store keeps of an audit's working papers: each control's papers, the frozen
//! populations, the evidence records and the requests for evidence. Every row names its audit,
//! so an engagement's rows are listed, counted and paged by it.

use shinrai_domain::workflow::working_papers::{
    ControlWork, Evidence, EvidenceRequest, Population,
};

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for ControlWork {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::CONTROL_WORK;
    const WHAT: Noun = Noun::new("監査調書", "working papers");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.service),
            provider: Some(&self.provider),
            audit_body: Some(&self.audit_body),
            status: self.stage(),
            audit: Some(&self.audit),
        }
    }
}

impl Document for Population {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::POPULATIONS;
    const WHAT: Noun = Noun::new("母集団", "population");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.service),
            provider: Some(&self.provider),
            audit_body: Some(&self.audit_body),
            status: "frozen",
            audit: Some(&self.audit),
        }
    }
}

impl Document for Evidence {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::EVIDENCE;
    const WHAT: Noun = Noun::new("証跡", "evidence");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.service),
            provider: Some(&self.provider),
            audit_body: Some(&self.audit_body),
            status: if self.withdrawn.is_some() {
                "withdrawn"
            } else {
                "standing"
            },
            audit: Some(&self.audit),
        }
    }
}

impl Document for EvidenceRequest {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::EVIDENCE_REQUESTS;
    const WHAT: Noun = Noun::new("証跡依頼", "request for evidence");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.service),
            provider: Some(&self.provider),
            audit_body: Some(&self.audit_body),
            status: self.status.code(),
            audit: Some(&self.audit),
        }
    }
}

impl Store {
    /// One control's papers in an audit.
    pub async fn control_work(&self, id: &str) -> StoreResult<Option<Stored<ControlWork>>> {
        self.document(id).await
    }

    /// Every control's papers in an audit, by control.
    pub async fn audit_work(&self, audit: &str) -> StoreResult<Vec<Stored<ControlWork>>> {
        self.documents(&Filter::audit(audit)).await
    }

    pub async fn population(&self, id: &str) -> StoreResult<Option<Stored<Population>>> {
        self.document(id).await
    }

    pub async fn evidence(&self, id: &str) -> StoreResult<Option<Stored<Evidence>>> {
        self.document(id).await
    }

    /// Every evidence record of an audit, in arrival order.
    pub async fn audit_evidence(&self, audit: &str) -> StoreResult<Vec<Stored<Evidence>>> {
        self.documents(&Filter::audit(audit)).await
    }

    /// One page of an audit's evidence, in arrival order, and how many there are in all.
    pub async fn audit_evidence_page(
        &self,
        audit: &str,
        offset: u64,
        limit: u32,
    ) -> StoreResult<(u64, Vec<Stored<Evidence>>)> {
        let total = self.documents_count::<Evidence>(audit).await?;
        let page = self.documents_page(audit, offset, limit).await?;
        Ok((total, page))
    }

    pub async fn evidence_count(&self, audit: &str) -> StoreResult<u64> {
        self.documents_count::<Evidence>(audit).await
    }

    pub async fn evidence_request(&self, id: &str) -> StoreResult<Option<Stored<EvidenceRequest>>> {
        self.document(id).await
    }

    /// Every request for evidence of an audit, in the order asked.
    pub async fn evidence_requests(
        &self,
        audit: &str,
    ) -> StoreResult<Vec<Stored<EvidenceRequest>>> {
        self.documents(&Filter::audit(audit)).await
    }

    pub async fn evidence_request_count(&self, audit: &str) -> StoreResult<u64> {
        self.documents_count::<EvidenceRequest>(audit).await
    }
}
