//! Backups' rows in the store: every row read in one snapshot, and every row written into an empty
//! database in one transaction, for each engine.

/// Expands to the backup operations of one backend type that has `pool`, `begin_read` and the
/// schema's migrator.
macro_rules! backup_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            /// Every row, read in one snapshot (see `begin_read`): rows and the events that
            /// record them agree even while the service writes.
            pub async fn export_rows(&self) -> crate::error::StoreResult<crate::backup::Rows> {
                use crate::backup::*;
                use crate::rows::get;
                let mut tx = self.begin_read().await?;
                let mut rows = Rows::default();
                for row in sqlx::query(crate::sql::SELECT_ORGANISATIONS)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    rows.organisations.push(OrganisationRow {
                        id: get(&row, "id")?,
                        kind: get(&row, "kind")?,
                        name_ja: get(&row, "name_ja")?,
                        name_en: get(&row, "name_en")?,
                        created_at_ms: get(&row, "created_at_ms")?,
                    });
                }
                let mut roles: std::collections::HashMap<String, Vec<String>> =
                    std::collections::HashMap::new();
                for row in sqlx::query(crate::sql::SELECT_ROLES_RAW)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    roles
                        .entry(get(&row, "user_id")?)
                        .or_default()
                        .push(get(&row, "role")?);
                }
                for row in sqlx::query(crate::sql::SELECT_USERS_RAW)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    let id: String = get(&row, "id")?;
                    rows.users.push(UserRow {
                        roles: roles.remove(&id).unwrap_or_default(),
                        id,
                        org_id: get(&row, "org_id")?,
                        login: get(&row, "login")?,
                        display_name: get(&row, "display_name")?,
                        password_hash: get(&row, "password_hash")?,
                        disabled: get(&row, "disabled")?,
                        created_at_ms: get(&row, "created_at_ms")?,
                    });
                }
                for row in sqlx::query(crate::sql::SELECT_TOKENS_RAW)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    rows.tokens.push(TokenRow {
                        id: get(&row, "id")?,
                        user_id: get(&row, "user_id")?,
                        name: get(&row, "name")?,
                        secret_hash: get(&row, "secret_hash")?,
                        created_at_ms: get(&row, "created_at_ms")?,
                        expires_at_ms: Some(get(&row, "expires_at_ms")?),
                        revoked_at_ms: get(&row, "revoked_at_ms")?,
                        last_used_at_ms: get(&row, "last_used_at_ms")?,
                    });
                }
                for row in sqlx::query(crate::sql::SELECT_ALL_EVENTS)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    rows.events.push(EventRow {
                        seq: get(&row, "seq")?,
                        at_ms: get(&row, "at_ms")?,
                        actor: get(&row, "actor")?,
                        org: get(&row, "org")?,
                        action: get(&row, "action")?,
                        subject: get(&row, "subject")?,
                        visibility: get(&row, "visibility")?,
                        payload: get(&row, "payload")?,
                        payload_hash: get(&row, "payload_hash")?,
                        prev_hash: get(&row, "prev_hash")?,
                        hash: get(&row, "hash")?,
                    });
                }
                for row in sqlx::query(crate::sql::SELECT_CHECKPOINTS)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    rows.checkpoints.push(CheckpointRow {
                        size: get(&row, "size")?,
                        head_hash: get(&row, "head_hash")?,
                        at_ms: get(&row, "at_ms")?,
                        signature: get(&row, "signature")?,
                    });
                }
                for row in sqlx::query(crate::sql::SELECT_BLOBS)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    rows.blobs.push(BlobRow {
                        sha256: get(&row, "sha256")?,
                        size: get(&row, "size")?,
                        media_type: get(&row, "media_type")?,
                        created_at_ms: get(&row, "created_at_ms")?,
                    });
                }
                for row in sqlx::query(crate::sql::SELECT_ALL_CRITERIA)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    rows.criteria.push(crate::criteria::row(&row)?);
                }
                for row in sqlx::query(crate::sql::SELECT_REGISTRY_ENTRIES)
                    .fetch_all(&mut *tx)
                    .await?
                {
                    rows.registry.push(crate::registry::row(&row)?);
                }
                for table in crate::binding::DOCUMENT_TABLES {
                    for row in sqlx::query(crate::documents::select_all(table))
                        .fetch_all(&mut *tx)
                        .await?
                    {
                        rows.documents.push(DocumentLine {
                            table: table.name.to_owned(),
                            row: crate::documents::row(table, &row)?,
                        });
                    }
                }
                tx.commit().await?;
                Ok(rows)
            }

            /// Writes every row of a backup, as it was, into an empty database in one
            /// transaction that also brings the schema up to date: when anything fails, the
            /// database is left exactly as it was, schema included.
            pub async fn import_into_empty(
                &self,
                rows: &crate::backup::Rows,
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                Self::migrator().run(&mut *tx).await?;
                let organisations = sqlx::query(crate::sql::COUNT_ORGANISATIONS)
                    .fetch_one(&mut *tx)
                    .await?;
                let events = sqlx::query(crate::sql::COUNT_EVENTS)
                    .fetch_one(&mut *tx)
                    .await?;
                if crate::rows::get::<_, i64>(&organisations, "n")? != 0
                    || crate::rows::get::<_, i64>(&events, "n")? != 0
                {
                    return Err(crate::error::StoreError::NotEmpty {
                        detail: shinrai_domain::text::Bilingual::new(
                            "データベースに組織又はログのイベントが既にあります",
                            "the database already holds organisations or log events",
                        ),
                    });
                }
                for row in &rows.organisations {
                    sqlx::query(crate::sql::INSERT_ORGANISATION)
                        .bind(&row.id)
                        .bind(&row.kind)
                        .bind(&row.name_ja)
                        .bind(&row.name_en)
                        .bind(row.created_at_ms)
                        .execute(&mut *tx)
                        .await?;
                }
                for row in &rows.users {
                    sqlx::query(crate::sql::INSERT_USER)
                        .bind(&row.id)
                        .bind(&row.org_id)
                        .bind(&row.login)
                        .bind(&row.display_name)
                        .bind(&row.password_hash)
                        .bind(row.disabled)
                        .bind(row.created_at_ms)
                        .execute(&mut *tx)
                        .await?;
                    for role in &row.roles {
                        sqlx::query(crate::sql::INSERT_ROLE)
                            .bind(&row.id)
                            .bind(role)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
                for row in &rows.tokens {
                    sqlx::query(crate::sql::INSERT_TOKEN_RAW)
                        .bind(&row.id)
                        .bind(&row.user_id)
                        .bind(&row.name)
                        .bind(&row.secret_hash)
                        .bind(row.created_at_ms)
                        .bind(row.expires_at_ms())
                        .bind(row.revoked_at_ms)
                        .bind(row.last_used_at_ms)
                        .execute(&mut *tx)
                        .await?;
                }
                for row in &rows.events {
                    sqlx::query(crate::sql::INSERT_EVENT)
                        .bind(row.seq)
                        .bind(row.at_ms)
                        .bind(&row.actor)
                        .bind(&row.org)
                        .bind(&row.action)
                        .bind(&row.subject)
                        .bind(&row.visibility)
                        .bind(&row.payload)
                        .bind(&row.payload_hash)
                        .bind(&row.prev_hash)
                        .bind(&row.hash)
                        .execute(&mut *tx)
                        .await?;
                }
                for row in &rows.checkpoints {
                    sqlx::query(crate::sql::INSERT_CHECKPOINT)
                        .bind(row.size)
                        .bind(&row.head_hash)
                        .bind(row.at_ms)
                        .bind(&row.signature)
                        .execute(&mut *tx)
                        .await?;
                }
                for row in &rows.criteria {
                    Self::insert_criteria(&mut tx, row).await?;
                }
                for row in &rows.registry {
                    Self::insert_registry_entry(&mut tx, row).await?;
                }
                Self::bump_registry_revision(&mut tx).await?;
                for line in &rows.documents {
                    let Some(table) = crate::binding::DOCUMENT_TABLES
                        .into_iter()
                        .find(|table| table.name == line.table)
                    else {
                        return Err(crate::error::StoreError::Corrupt(format!(
                            "a backup row of an unknown table {}",
                            line.table
                        )));
                    };
                    let row = &line.row;
                    let mut insert = sqlx::query(crate::documents::insert(table))
                        .bind(&row.id)
                        .bind(&row.service)
                        .bind(&row.provider)
                        .bind(&row.audit_body)
                        .bind(&row.status)
                        .bind(row.revision)
                        .bind(&row.document)
                        .bind(&row.document_sha256)
                        .bind(row.updated_at_ms);
                    if table.has_audit() {
                        insert = insert.bind(&row.audit);
                    }
                    if insert.execute(&mut *tx).await?.rows_affected() != 1 {
                        return Err(crate::error::StoreError::Corrupt(format!(
                            "the backup holds row {} of {} twice",
                            row.id, line.table
                        )));
                    }
                }
                for row in &rows.blobs {
                    sqlx::query(crate::sql::INSERT_BLOB)
                        .bind(&row.sha256)
                        .bind(row.size)
                        .bind(&row.media_type)
                        .bind(row.created_at_ms)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use backup_operations;
