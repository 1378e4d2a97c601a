//! The store's operations on the log and on accounts (organisations, users, sessions, tokens)
//! and blobs, written once and instantiated for each engine by `relational!`. The engines differ
//! only in how a writing transaction starts (see each backend's `begin_write`). Criteria, the
//! registry, the binding of rows to the log and backups have macros of their own beside them.

/// Expands to the operations of one backend type that has `pool` and `begin_write`.
macro_rules! relational {
    ($backend:ident, $database:ty) => {
        impl $backend {
            pub async fn health(&self) -> crate::error::StoreResult<()> {
                sqlx::query(crate::sql::HEALTH).execute(&self.pool).await?;
                Ok(())
            }

            // --- the log -------------------------------------------------------------------

            /// Appends an event in the caller's transaction, after the current head. The
            /// transaction began with `begin_write`, so no other writer can append meanwhile.
            /// `wrote` names the rows of bound tables the change wrote: each is read back here,
            /// after the write and in the same transaction, and its hash goes into the payload
            /// with the size of the latest checkpoint (see `crate::binding`).
            async fn append(
                tx: &mut sqlx::Transaction<'_, $database>,
                mut new: shinrai_domain::log_chain::NewEvent,
                wrote: &[crate::binding::Wrote],
            ) -> crate::error::StoreResult<shinrai_domain::log_chain::Event> {
                let mut records = Vec::with_capacity(wrote.len());
                for row in wrote {
                    records.push(Self::bound_row(tx, row).await?);
                }
                let last_checkpoint = sqlx::query(crate::sql::SELECT_LATEST_CHECKPOINT)
                    .fetch_optional(&mut **tx)
                    .await?
                    .as_ref()
                    .map(crate::rows::checkpoint)
                    .transpose()?
                    .map(|checkpoint| checkpoint.size);
                new.payload = crate::binding::with_facts(&new.payload, &records, last_checkpoint)?;
                let head = sqlx::query(crate::sql::SELECT_LOG_HEAD)
                    .fetch_optional(&mut **tx)
                    .await?;
                let (seq, hash) = match head {
                    Some(row) => (
                        crate::rows::u64_of(crate::rows::get(&row, "seq")?, "sequence number")?,
                        crate::rows::get::<_, String>(&row, "hash")?,
                    ),
                    None => (0, shinrai_domain::log_chain::GENESIS.to_owned()),
                };
                let event = shinrai_domain::log_chain::seal(new, seq, &hash);
                sqlx::query(crate::sql::INSERT_EVENT)
                    .bind(crate::rows::i64_of(event.seq)?)
                    .bind(event.at_ms)
                    .bind(&event.actor)
                    .bind(&event.org)
                    .bind(&event.action)
                    .bind(&event.subject)
                    .bind(event.visibility.code())
                    .bind(&event.payload)
                    .bind(&event.payload_hash)
                    .bind(&event.prev_hash)
                    .bind(&event.hash)
                    .execute(&mut **tx)
                    .await?;
                Ok(event)
            }

            /// Records an event that goes with no other change.
            pub async fn record(
                &self,
                new: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<shinrai_domain::log_chain::Event> {
                let mut tx = self.begin_write().await?;
                let event = Self::append(&mut tx, new, &[]).await?;
                tx.commit().await?;
                Ok(event)
            }

            pub async fn log_head(&self) -> crate::error::StoreResult<(u64, String)> {
                match sqlx::query(crate::sql::SELECT_LOG_HEAD)
                    .fetch_optional(&self.pool)
                    .await?
                {
                    Some(row) => Ok((
                        crate::rows::u64_of(crate::rows::get(&row, "seq")?, "sequence number")?,
                        crate::rows::get(&row, "hash")?,
                    )),
                    None => Ok((0, shinrai_domain::log_chain::GENESIS.to_owned())),
                }
            }

            pub async fn events_after(
                &self,
                after: u64,
                limit: u32,
                public_only: bool,
            ) -> crate::error::StoreResult<Vec<shinrai_domain::log_chain::Event>> {
                let sql = if public_only {
                    crate::sql::SELECT_PUBLIC_EVENTS_AFTER
                } else {
                    crate::sql::SELECT_EVENTS_AFTER
                };
                // No stored sequence exceeds i64::MAX, so a larger `after` simply finds nothing.
                let after = i64::try_from(after).unwrap_or(i64::MAX);
                let rows = sqlx::query(sql)
                    .bind(after)
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(crate::rows::event).collect()
            }

            pub async fn checkpoints(
                &self,
            ) -> crate::error::StoreResult<Vec<shinrai_domain::log_chain::Checkpoint>> {
                let rows = sqlx::query(crate::sql::SELECT_CHECKPOINTS)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(crate::rows::checkpoint).collect()
            }

            pub async fn latest_checkpoint(
                &self,
            ) -> crate::error::StoreResult<Option<shinrai_domain::log_chain::Checkpoint>> {
                let row = sqlx::query(crate::sql::SELECT_LATEST_CHECKPOINT)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(crate::rows::checkpoint).transpose()
            }

            pub async fn insert_checkpoint(
                &self,
                checkpoint: &shinrai_domain::log_chain::Checkpoint,
            ) -> crate::error::StoreResult<()> {
                sqlx::query(crate::sql::INSERT_CHECKPOINT)
                    .bind(crate::rows::i64_of(checkpoint.size)?)
                    .bind(&checkpoint.head_hash)
                    .bind(checkpoint.at_ms)
                    .bind(&checkpoint.signature)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            // --- organisations ---------------------------------------------------------------

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
                        what: format!("organisation {}", new.id),
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

            // --- users -------------------------------------------------------------------------

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
                        what: format!("organisation {}", new.org_id),
                    });
                }
                if sqlx::query(crate::sql::SELECT_USER_BY_LOGIN)
                    .bind(&new.login)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some()
                {
                    return Err(crate::error::StoreError::Conflict {
                        what: format!("login {}", new.login),
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
                        what: format!("user {id}"),
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

            // --- sessions ----------------------------------------------------------------------

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

            // --- API tokens ----------------------------------------------------------------------

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
                        what: format!("active token {id}"),
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

            // --- blobs ---------------------------------------------------------------------------

            /// Records a blob's metadata once; storing the same content again changes nothing.
            pub async fn insert_blob(
                &self,
                info: &crate::model::BlobInfo,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<bool> {
                let mut tx = self.begin_write().await?;
                if sqlx::query(crate::sql::SELECT_BLOB)
                    .bind(&info.sha256)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some()
                {
                    return Ok(false);
                }
                sqlx::query(crate::sql::INSERT_BLOB)
                    .bind(&info.sha256)
                    .bind(crate::rows::i64_of(info.size)?)
                    .bind(&info.media_type)
                    .bind(info.created_at_ms)
                    .execute(&mut *tx)
                    .await?;
                let wrote = [crate::binding::Wrote::row(
                    &crate::binding::BLOBS,
                    &info.sha256,
                )];
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(true)
            }

            pub async fn blob_info(
                &self,
                sha256: &str,
            ) -> crate::error::StoreResult<Option<crate::model::BlobInfo>> {
                let row = sqlx::query(crate::sql::SELECT_BLOB)
                    .bind(sha256)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(crate::rows::blob).transpose()
            }
        }
    };
}

pub(crate) use relational;
