//! Organisations in the store: the operator, providers, audit bodies and procurers, each
//! created once with the log event that records it.

use serde_json::json;
use shinrai_domain::log_audience::visibility_when_written;

use crate::log::event;
use crate::model::{ChangeBy, NewOrganisation, Organisation};
use crate::{Store, StoreResult, on_backend};

impl Store {
    pub async fn organisation_count(&self) -> StoreResult<u64> {
        on_backend!(self, b => b.organisation_count())
    }

    pub async fn create_organisation(
        &self,
        new: &NewOrganisation,
        by: &ChangeBy,
    ) -> StoreResult<Organisation> {
        let event = event(
            by,
            "organisation.create",
            &new.id,
            visibility_when_written("organisation.create", &new.id, &|_| false),
            json!({"id": new.id, "kind": new.kind.code(), "name": {"ja": new.name.ja, "en": new.name.en}}),
        );
        let created = on_backend!(self, b => b.create_organisation(new, event))?;
        self.checkpoint_if_due(by.at_ms).await?;
        Ok(created)
    }

    pub async fn organisations(&self) -> StoreResult<Vec<Organisation>> {
        on_backend!(self, b => b.organisations())
    }

    pub async fn organisation(&self, id: &str) -> StoreResult<Option<Organisation>> {
        on_backend!(self, b => b.organisation(id))
    }
}

/// Expands to the organisation operations of one backend type that has `pool` and `begin_write`.
macro_rules! organisation_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            pub async fn organisation_count(&self) -> crate::error::StoreResult<u64> {
                let row = sqlx::query(crate::sql::COUNT_ORGANISATIONS)
                    .fetch_one(&self.pool)
                    .await?;
                crate::rows::u64_of(crate::rows::get(&row, "n")?, "count")
            }

            pub async fn create_organisation(
                &self,
                new: &crate::model::NewOrganisation,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<crate::model::Organisation> {
                let mut tx = self.begin_write().await?;
                if sqlx::query(crate::sql::SELECT_ORGANISATION)
                    .bind(&new.id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some()
                {
                    return Err(crate::error::StoreError::Conflict {
                        what: crate::error::ORGANISATION.of(&new.id),
                    });
                }
                sqlx::query(crate::sql::INSERT_ORGANISATION)
                    .bind(&new.id)
                    .bind(new.kind.code())
                    .bind(&new.name.ja)
                    .bind(&new.name.en)
                    .bind(event.at_ms)
                    .execute(&mut *tx)
                    .await?;
                let at_ms = event.at_ms;
                let wrote = [crate::binding::Wrote::row(
                    &crate::binding::ORGANISATIONS,
                    &new.id,
                )];
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(crate::model::Organisation {
                    id: new.id.clone(),
                    kind: new.kind,
                    name: new.name.clone(),
                    created_at_ms: at_ms,
                })
            }

            pub async fn organisations(
                &self,
            ) -> crate::error::StoreResult<Vec<crate::model::Organisation>> {
                let rows = sqlx::query(crate::sql::SELECT_ORGANISATIONS)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(crate::rows::organisation).collect()
            }

            pub async fn organisation(
                &self,
                id: &str,
            ) -> crate::error::StoreResult<Option<crate::model::Organisation>> {
                let row = sqlx::query(crate::sql::SELECT_ORGANISATION)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(crate::rows::organisation).transpose()
            }
        }
    };
}

pub(crate) use organisation_operations;
