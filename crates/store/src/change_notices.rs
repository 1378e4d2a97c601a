//! What the store keeps of change notices (変更届出): one by id, the ones of a provider or in one
//! state (the operator's queue), and those of a service that still owe a new audit.

use shinrai_domain::workflow::change_notice::{ChangeNotice, ChangeNoticeStatus};

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for ChangeNotice {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::CHANGE_NOTICES;
    const WHAT: Noun = Noun::new("変更届出", "change notice");

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
    pub async fn change_notice(&self, id: &str) -> StoreResult<Option<Stored<ChangeNotice>>> {
        self.document(id).await
    }

    /// The notices a filter selects, the newest filed first.
    pub async fn change_notices(&self, filter: &Filter) -> StoreResult<Vec<Stored<ChangeNotice>>> {
        let mut notices: Vec<Stored<ChangeNotice>> = self.documents(filter).await?;
        notices.sort_by(|a, b| {
            (b.value.filed_at_ms, &b.value.id).cmp(&(a.value.filed_at_ms, &a.value.id))
        });
        Ok(notices)
    }

    /// The acknowledged notices of `service`: those a new audit's application may meet.
    pub async fn acknowledged_change_notices_of_service(
        &self,
        service: &str,
    ) -> StoreResult<Vec<Stored<ChangeNotice>>> {
        let filter = Filter {
            service: Some(service.to_owned()),
            status: Some(ChangeNoticeStatus::Acknowledged.code().to_owned()),
            ..Filter::default()
        };
        self.change_notices(&filter).await
    }
}
