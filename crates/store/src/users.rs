//! Users in the store, with their roles and password hashes. Disabling a user also ends their
//! sessions, in the same transaction.

use serde_json::json;
use shinrai_domain::log_chain::Visibility;

use crate::log::event;
use crate::model::{ChangeBy, NewUser, Principal, User};
use crate::{Store, StoreError, StoreResult, on_backend};

impl Store {
    pub async fn create_user(&self, new: &NewUser, by: &ChangeBy) -> StoreResult<User> {
        let roles: Vec<&str> = new.roles.iter().map(|r| r.code()).collect();
        let event = event(
            by,
            "user.create",
            &new.id,
            Visibility::Internal,
            json!({"id": new.id, "org": new.org_id, "login": new.login, "display_name": new.display_name, "roles": roles}),
        );
        let created = on_backend!(self, b => b.create_user(new, event))?;
        self.checkpoint_if_due(by.at_ms).await?;
        Ok(created)
    }

    pub async fn users(&self, org: Option<&str>) -> StoreResult<Vec<User>> {
        let users = on_backend!(self, b => b.users_with_hashes(org))?;
        Ok(users.into_iter().map(|(user, _)| user).collect())
    }

    pub async fn user(&self, id: &str) -> StoreResult<Option<User>> {
        Ok(on_backend!(self, b => b.user_with_hash(id))?.map(|(user, _)| user))
    }

    /// A user and their password hash, for signing in.
    pub async fn user_for_login(&self, login: &str) -> StoreResult<Option<(User, String)>> {
        on_backend!(self, b => b.user_by_login(login))
    }

    /// The user with their organisation's kind, as requests need them.
    pub async fn principal(&self, user_id: &str) -> StoreResult<Option<Principal>> {
        let Some(user) = self.user(user_id).await? else {
            return Ok(None);
        };
        let org = self.organisation(&user.org_id).await?.ok_or_else(|| {
            StoreError::Corrupt(format!(
                "user {} belongs to missing organisation {}",
                user.id, user.org_id
            ))
        })?;
        Ok(Some(Principal {
            user,
            org_kind: org.kind,
        }))
    }

    pub async fn set_user_disabled(
        &self,
        id: &str,
        disabled: bool,
        by: &ChangeBy,
    ) -> StoreResult<()> {
        let action = if disabled {
            "user.disable"
        } else {
            "user.enable"
        };
        let event = event(by, action, id, Visibility::Internal, json!({"id": id}));
        on_backend!(self, b => b.set_user_disabled(id, disabled, event))?;
        self.checkpoint_if_due(by.at_ms).await
    }
}

/// Expands to the user operations of one backend type that has `pool` and `begin_write`.
macro_rules! user_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            async fn roles_of(
                &self,
                user_id: &str,
            ) -> crate::error::StoreResult<Vec<shinrai_domain::accounts::Role>> {
                let rows = sqlx::query(crate::sql::SELECT_ROLES)
                    .bind(user_id)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|row| crate::rows::role(&crate::rows::get::<_, String>(row, "role")?))
                    .collect()
            }

            async fn with_roles(
                &self,
                rows: Vec<<$database as sqlx::Database>::Row>,
            ) -> crate::error::StoreResult<Vec<(crate::model::User, String)>> {
                let mut users = Vec::with_capacity(rows.len());
                for row in &rows {
                    let (mut user, hash) = crate::rows::user(row)?;
                    user.roles = self.roles_of(&user.id).await?;
                    users.push((user, hash));
                }
                Ok(users)
            }

            pub async fn create_user(
                &self,
                new: &crate::model::NewUser,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<crate::model::User> {
                let mut tx = self.begin_write().await?;
                if sqlx::query(crate::sql::SELECT_ORGANISATION)
                    .bind(&new.org_id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_none()
                {
                    return Err(crate::error::StoreError::NotFound {
                        what: crate::error::ORGANISATION.of(&new.org_id),
                    });
                }
                if sqlx::query(crate::sql::SELECT_USER_BY_LOGIN)
                    .bind(&new.login)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some()
                {
                    return Err(crate::error::StoreError::Conflict {
                        what: crate::error::LOGIN.of(&new.login),
                    });
                }
                sqlx::query(crate::sql::INSERT_USER)
                    .bind(&new.id)
                    .bind(&new.org_id)
                    .bind(&new.login)
                    .bind(&new.display_name)
                    .bind(&new.password_hash)
                    .bind(false)
                    .bind(event.at_ms)
                    .execute(&mut *tx)
                    .await?;
                let mut roles = new.roles.clone();
                roles.sort();
                roles.dedup();
                let mut wrote = vec![crate::binding::Wrote::row(&crate::binding::USERS, &new.id)];
                for role in &roles {
                    sqlx::query(crate::sql::INSERT_ROLE)
                        .bind(&new.id)
                        .bind(role.code())
                        .execute(&mut *tx)
                        .await?;
                    wrote.push(crate::binding::Wrote::row_of(
                        &crate::binding::USER_ROLES,
                        &[new.id.as_str(), role.code()],
                    ));
                }
                let at_ms = event.at_ms;
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(crate::model::User {
                    id: new.id.clone(),
                    org_id: new.org_id.clone(),
                    login: new.login.clone(),
                    display_name: new.display_name.clone(),
                    roles,
                    disabled: false,
                    created_at_ms: at_ms,
                })
            }

            /// Every user (of one organisation, when given) with the password hash.
            pub async fn users_with_hashes(
                &self,
                org: Option<&str>,
            ) -> crate::error::StoreResult<Vec<(crate::model::User, String)>> {
                let rows = match org {
                    Some(org) => {
                        sqlx::query(crate::sql::SELECT_USERS_OF_ORG)
                            .bind(org)
                            .fetch_all(&self.pool)
                            .await?
                    }
                    None => {
                        sqlx::query(crate::sql::SELECT_USERS)
                            .fetch_all(&self.pool)
                            .await?
                    }
                };
                self.with_roles(rows).await
            }

            pub async fn user_with_hash(
                &self,
                id: &str,
            ) -> crate::error::StoreResult<Option<(crate::model::User, String)>> {
                let rows = sqlx::query(crate::sql::SELECT_USER)
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(self.with_roles(rows).await?.pop())
            }

            pub async fn user_by_login(
                &self,
                login: &str,
            ) -> crate::error::StoreResult<Option<(crate::model::User, String)>> {
                let rows = sqlx::query(crate::sql::SELECT_USER_BY_LOGIN)
                    .bind(login)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(self.with_roles(rows).await?.pop())
            }

            /// Disables or enables a user; disabling also ends their sessions.
            pub async fn set_user_disabled(
                &self,
                id: &str,
                disabled: bool,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                let changed = sqlx::query(crate::sql::SET_USER_DISABLED)
                    .bind(disabled)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if changed == 0 {
                    return Err(crate::error::StoreError::NotFound {
                        what: crate::error::USER.of(id),
                    });
                }
                if disabled {
                    sqlx::query(crate::sql::DELETE_SESSIONS_OF_USER)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                let wrote = [crate::binding::Wrote::row(&crate::binding::USERS, id)];
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use user_operations;
