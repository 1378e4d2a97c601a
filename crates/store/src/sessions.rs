//! Browser sessions in the store, found by the hash of their secret. Starting and ending one is
//! logged; the rows themselves are not bound to the log (see `crate::binding::EXEMPT_TABLES`).

use serde_json::json;
use shinrai_domain::log_chain::Visibility;

use crate::log::event;
use crate::model::{ChangeBy, Principal, Session};
use crate::{Store, StoreResult, on_backend};

impl Store {
    pub async fn create_session(&self, session: &Session, by: &ChangeBy) -> StoreResult<()> {
        let event = event(
            by,
            "session.start",
            &session.user_id,
            Visibility::Internal,
            json!({"user": session.user_id}),
        );
        on_backend!(self, b => b.create_session(session, event))?;
        self.checkpoint_if_due(by.at_ms).await
    }

    /// A live session and its user: not expired, user not disabled.
    pub async fn live_session(
        &self,
        secret_hash: &str,
        now_ms: i64,
    ) -> StoreResult<Option<(Session, Principal)>> {
        let Some(session) = on_backend!(self, b => b.session(secret_hash))? else {
            return Ok(None);
        };
        if session.expires_at_ms <= now_ms {
            return Ok(None);
        }
        Ok(self
            .principal(&session.user_id)
            .await?
            .filter(|principal| !principal.user.disabled)
            .map(|principal| (session, principal)))
    }

    pub async fn end_session(
        &self,
        secret_hash: &str,
        user_id: &str,
        by: &ChangeBy,
    ) -> StoreResult<()> {
        let event = event(
            by,
            "session.end",
            user_id,
            Visibility::Internal,
            json!({"user": user_id}),
        );
        on_backend!(self, b => b.end_session(secret_hash, event))?;
        self.checkpoint_if_due(by.at_ms).await
    }
}

/// Expands to the session operations of one backend type that has `pool` and `begin_write`.
macro_rules! session_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            pub async fn create_session(
                &self,
                session: &crate::model::Session,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query(crate::sql::DELETE_EXPIRED_SESSIONS)
                    .bind(session.created_at_ms)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(crate::sql::INSERT_SESSION)
                    .bind(&session.secret_hash)
                    .bind(&session.user_id)
                    .bind(&session.csrf_token)
                    .bind(session.created_at_ms)
                    .bind(session.expires_at_ms)
                    .execute(&mut *tx)
                    .await?;
                // Sessions are not bound to the log (see `crate::binding::EXEMPT_TABLES`).
                Self::append(&mut tx, event, &[]).await?;
                tx.commit().await?;
                Ok(())
            }

            pub async fn session(
                &self,
                secret_hash: &str,
            ) -> crate::error::StoreResult<Option<crate::model::Session>> {
                let row = sqlx::query(crate::sql::SELECT_SESSION)
                    .bind(secret_hash)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(crate::rows::session).transpose()
            }

            pub async fn end_session(
                &self,
                secret_hash: &str,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query(crate::sql::DELETE_SESSION)
                    .bind(secret_hash)
                    .execute(&mut *tx)
                    .await?;
                Self::append(&mut tx, event, &[]).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use session_operations;
