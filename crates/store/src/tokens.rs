//! API tokens in the store, found by the hash of their secret (the secret itself is never
//! stored). A token works until it is revoked or expires, and only while its user is enabled.

use serde_json::json;
use shinrai_domain::log_chain::Visibility;

use crate::log::event;
use crate::model::{ApiToken, ChangeBy, NewApiToken, Principal};
use crate::{Store, StoreResult, on_backend};

impl Store {
    pub async fn create_token(&self, new: &NewApiToken, by: &ChangeBy) -> StoreResult<ApiToken> {
        let event = event(
            by,
            "token.create",
            &new.id,
            Visibility::Internal,
            json!({"id": new.id, "user": new.user_id, "name": new.name, "expires_at_ms": new.expires_at_ms}),
        );
        let created = on_backend!(self, b => b.create_token(new, event))?;
        self.checkpoint_if_due(by.at_ms).await?;
        Ok(created)
    }

    pub async fn tokens(&self, user_id: &str) -> StoreResult<Vec<ApiToken>> {
        on_backend!(self, b => b.tokens(user_id))
    }

    pub async fn token(&self, id: &str) -> StoreResult<Option<ApiToken>> {
        on_backend!(self, b => b.token(id))
    }

    /// The token and its user when the secret belongs to a token that is neither revoked nor
    /// expired at `now_ms` and whose user is not disabled; notes the use.
    pub async fn principal_for_token(
        &self,
        secret_hash: &str,
        now_ms: i64,
    ) -> StoreResult<Option<(ApiToken, Principal)>> {
        let Some(token) = on_backend!(self, b => b.token_by_secret(secret_hash))? else {
            return Ok(None);
        };
        if token.revoked_at_ms.is_some() || token.expires_at_ms <= now_ms {
            return Ok(None);
        }
        let Some(principal) = self
            .principal(&token.user_id)
            .await?
            .filter(|p| !p.user.disabled)
        else {
            return Ok(None);
        };
        on_backend!(self, b => b.touch_token(&token.id, now_ms))?;
        Ok(Some((token, principal)))
    }

    pub async fn revoke_token(&self, id: &str, by: &ChangeBy) -> StoreResult<()> {
        let event = event(
            by,
            "token.revoke",
            id,
            Visibility::Internal,
            json!({"id": id}),
        );
        on_backend!(self, b => b.revoke_token(id, event))?;
        self.checkpoint_if_due(by.at_ms).await
    }
}

/// Expands to the API token operations of one backend type that has `pool` and `begin_write`.
macro_rules! token_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            pub async fn create_token(
                &self,
                new: &crate::model::NewApiToken,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<crate::model::ApiToken> {
                let mut tx = self.begin_write().await?;
                sqlx::query(crate::sql::INSERT_TOKEN)
                    .bind(&new.id)
                    .bind(&new.user_id)
                    .bind(&new.name)
                    .bind(&new.secret_hash)
                    .bind(event.at_ms)
                    .bind(new.expires_at_ms)
                    .execute(&mut *tx)
                    .await?;
                let at_ms = event.at_ms;
                let wrote = [crate::binding::Wrote::row(
                    &crate::binding::API_TOKENS,
                    &new.id,
                )];
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(crate::model::ApiToken {
                    id: new.id.clone(),
                    user_id: new.user_id.clone(),
                    name: new.name.clone(),
                    created_at_ms: at_ms,
                    expires_at_ms: new.expires_at_ms,
                    revoked_at_ms: None,
                    last_used_at_ms: None,
                })
            }

            pub async fn tokens(
                &self,
                user_id: &str,
            ) -> crate::error::StoreResult<Vec<crate::model::ApiToken>> {
                let rows = sqlx::query(crate::sql::SELECT_TOKENS_OF_USER)
                    .bind(user_id)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(crate::rows::token).collect()
            }

            pub async fn token(
                &self,
                id: &str,
            ) -> crate::error::StoreResult<Option<crate::model::ApiToken>> {
                let row = sqlx::query(crate::sql::SELECT_TOKEN)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(crate::rows::token).transpose()
            }

            pub async fn token_by_secret(
                &self,
                secret_hash: &str,
            ) -> crate::error::StoreResult<Option<crate::model::ApiToken>> {
                let row = sqlx::query(crate::sql::SELECT_TOKEN_BY_SECRET)
                    .bind(secret_hash)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(crate::rows::token).transpose()
            }

            pub async fn revoke_token(
                &self,
                id: &str,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                let changed = sqlx::query(crate::sql::REVOKE_TOKEN)
                    .bind(event.at_ms)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 0 {
                    return Err(crate::error::StoreError::NotFound {
                        what: crate::error::ACTIVE_TOKEN.of(id),
                    });
                }
                let wrote = [crate::binding::Wrote::row(&crate::binding::API_TOKENS, id)];
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(())
            }

            /// Notes when a token was last used; not a change of state, so not logged.
            pub async fn touch_token(&self, id: &str, at_ms: i64) -> crate::error::StoreResult<()> {
                sqlx::query(crate::sql::TOUCH_TOKEN)
                    .bind(at_ms)
                    .bind(id)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
        }
    };
}

pub(crate) use token_operations;
