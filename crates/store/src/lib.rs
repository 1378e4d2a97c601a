//! Persistence for shinrai behind one type, [`Store`]: SQLite embedded in the data directory by
//! default, PostgreSQL for production, both with the same behaviour and their own migrations.
//! Every change of state appends an event to the tamper-evident log in the same transaction;
//! checkpoints of the log are signed with the data directory's Ed25519 key.

mod backend;
pub mod backup;
mod backup_rows;
pub mod binding;
mod blobs;
pub mod criteria;
mod error;
pub mod files;
mod keys;
pub mod model;
mod postgres;
mod read_only;
pub mod registry;
mod restore;
mod rows;
mod schema;
mod sql;
mod sqlite;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use ed25519_dalek::SigningKey;
use serde_json::json;
use shinrai_domain::log_audience::visibility_when_written;
use shinrai_domain::log_audit::AuditReport;
use shinrai_domain::log_chain::{Checkpoint, Event, NewEvent, Visibility};

pub use blobs::Blobs;
pub use error::{StoreError, StoreResult};
pub use keys::KEY_FILE;
use model::{
    ApiToken, BlobInfo, ChangeBy, NewApiToken, NewOrganisation, NewUser, Organisation, Principal,
    Session, User,
};
use postgres::PostgresBackend;
pub use read_only::{ReadOnlyStore, SigningKeyFile};
use sqlite::SqliteBackend;

/// Where the data lives.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    /// Holds the SQLite database (when no URL is given), the blobs and the signing key.
    pub data_dir: PathBuf,
    /// `postgres://…` or `sqlite://…`; `None` means `DATA_DIR/shinrai.db`.
    pub database_url: Option<String>,
    /// A checkpoint is signed once this many events follow the last one.
    pub checkpoint_every: u64,
}

pub const DATABASE_FILE: &str = "shinrai.db";
pub const BLOB_FOLDER: &str = "blobs";

#[derive(Debug)]
enum Backend {
    Sqlite(SqliteBackend),
    Postgres(PostgresBackend),
}

/// Runs the same operation on whichever engine is in use.
macro_rules! on_backend {
    ($store:expr, $backend:ident => $call:expr) => {
        match &$store.backend {
            Backend::Sqlite($backend) => $call.await,
            Backend::Postgres($backend) => $call.await,
        }
    };
}

#[derive(Debug)]
pub struct Store {
    backend: Backend,
    blobs: Blobs,
    signing_key: SigningKey,
    data_dir: PathBuf,
    checkpoint_every: u64,
    /// Registry writes made through this handle, so that this process sees its own writes at
    /// once; other processes' writes show in `registry_revision`.
    registry_writes: AtomicU64,
}

/// Whether a database URL names PostgreSQL.
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

impl Store {
    /// Opens the store, creating the data directory, database, blob folder and key as needed and
    /// applying migrations. What it creates is readable by its owner only (see [`files`]).
    pub async fn open(config: &StoreConfig) -> StoreResult<Store> {
        let data_dir = &config.data_dir;
        files::create_private_dir(data_dir)?;
        let backend = match config.database_url.as_deref() {
            Some(url) if is_postgres_url(url) => {
                Backend::Postgres(PostgresBackend::open(url).await?)
            }
            Some(url) => Backend::Sqlite(SqliteBackend::open_url(url).await?),
            None => Backend::Sqlite(SqliteBackend::open(&data_dir.join(DATABASE_FILE)).await?),
        };
        Ok(Store {
            backend,
            blobs: Blobs::in_folder(&data_dir.join(BLOB_FOLDER))?,
            signing_key: keys::load_or_create(data_dir)?,
            data_dir: data_dir.clone(),
            checkpoint_every: config.checkpoint_every.max(1),
            registry_writes: AtomicU64::new(0),
        })
    }

    pub fn engine(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub async fn health(&self) -> StoreResult<()> {
        on_backend!(self, b => b.health())
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(b) => b.close().await,
            Backend::Postgres(b) => b.close().await,
        }
    }

    /// The public half of the checkpoint key, in hex.
    pub fn public_key_hex(&self) -> String {
        hex::encode(self.signing_key.verifying_key().to_bytes())
    }

    // --- organisations ---------------------------------------------------------------------------

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

    // --- criteria ----------------------------------------------------------------------------------

    /// Stores a new criteria version (a draft, or published as shipped demo criteria are).
    pub async fn create_criteria(
        &self,
        version: &shinrai_domain::criteria::CriteriaVersion,
        by: &ChangeBy,
    ) -> StoreResult<criteria::CriteriaSummary> {
        let row = criteria::CriteriaRow::of(version, by.at_ms)?;
        let counts = version.counts();
        let event = event(
            by,
            "criteria.create",
            &version.version,
            visibility_when_written("criteria.create", &version.version, &|_| {
                version.status == shinrai_domain::criteria::Status::Published
            }),
            json!({"version": version.version, "status": row.status, "document_sha256": row.document_sha256,
                   "controls": counts.controls, "objectives": counts.objectives}),
        );
        on_backend!(self, b => b.create_criteria(&row, event))?;
        self.checkpoint_if_due(by.at_ms).await?;
        row.summary()
    }

    /// Publishes a draft on `date`; from then on it never changes.
    pub async fn publish_criteria(
        &self,
        version: &str,
        date: shinrai_domain::date::CalendarDate,
        by: &ChangeBy,
    ) -> StoreResult<criteria::CriteriaSummary> {
        let mut stored = self
            .criteria(version)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: format!("criteria version {version}"),
            })?;
        stored.status = shinrai_domain::criteria::Status::Published;
        stored.published_on = Some(date);
        let row = criteria::CriteriaRow::of(&stored, by.at_ms)?;
        let event = event(
            by,
            "criteria.publish",
            version,
            Visibility::Public,
            json!({"version": version, "published_on": date.to_string(), "document_sha256": row.document_sha256}),
        );
        on_backend!(self, b => b.update_draft_criteria(&row, event))?;
        self.checkpoint_if_due(by.at_ms).await?;
        let mut summary = row.summary()?;
        if let Some(listed) = self
            .criteria_list()
            .await?
            .into_iter()
            .find(|s| s.version == version)
        {
            summary.created_at_ms = listed.created_at_ms;
        }
        Ok(summary)
    }

    /// Every version, oldest first, without contents.
    pub async fn criteria_list(&self) -> StoreResult<Vec<criteria::CriteriaSummary>> {
        on_backend!(self, b => b.criteria_rows(false))?
            .iter()
            .map(criteria::CriteriaRow::summary)
            .collect()
    }

    /// One version with everything in it; its stored hash is checked on the way.
    pub async fn criteria(
        &self,
        version: &str,
    ) -> StoreResult<Option<shinrai_domain::criteria::CriteriaVersion>> {
        on_backend!(self, b => b.criteria_row(version, true))?
            .map(|row| row.version())
            .transpose()
    }

    /// One version and its summary, read together from one row.
    pub async fn criteria_with_summary(
        &self,
        version: &str,
    ) -> StoreResult<
        Option<(
            criteria::CriteriaSummary,
            shinrai_domain::criteria::CriteriaVersion,
        )>,
    > {
        on_backend!(self, b => b.criteria_row(version, true))?
            .map(|row| Ok((row.summary()?, row.version()?)))
            .transpose()
    }

    /// One version's summary, without reading its contents.
    pub async fn criteria_summary(
        &self,
        version: &str,
    ) -> StoreResult<Option<criteria::CriteriaSummary>> {
        on_backend!(self, b => b.criteria_row(version, false))?
            .map(|row| row.summary())
            .transpose()
    }

    // --- registry ----------------------------------------------------------------------------------

    /// Adds entries to the registry, all or none, each recorded in the log.
    pub async fn create_registry_entries(
        &self,
        entries: &[shinrai_domain::registry::RegistryEntry],
        by: &ChangeBy,
    ) -> StoreResult<()> {
        let mut rows = Vec::with_capacity(entries.len());
        for entry in entries {
            let row = registry::RegistryRow::of(entry, by.at_ms)?;
            let event = event(
                by,
                "registry.register",
                &entry.id,
                Visibility::Public,
                json!({"id": entry.id, "provider": entry.provider, "level": entry.level.get(),
                       "status": entry.status.code(), "document_sha256": row.document_sha256}),
            );
            rows.push((row, event));
        }
        let written = on_backend!(self, b => b.create_registry_entries(&rows));
        // Counted even on failure: a commit whose answer was lost may still have happened.
        self.registry_writes.fetch_add(1, Ordering::Release);
        written?;
        self.checkpoint_if_due(by.at_ms).await
    }

    /// Every entry, by registration number; each document's hash is checked on the way.
    pub async fn registry_entries(
        &self,
    ) -> StoreResult<Vec<shinrai_domain::registry::RegistryEntry>> {
        on_backend!(self, b => b.registry_entries())
    }

    /// How many times the registry has been written, by any process: one primary-key read,
    /// however many entries there are. A copy read at this revision is current while it stays.
    pub async fn registry_revision(&self) -> StoreResult<i64> {
        on_backend!(self, b => b.registry_revision())
    }

    /// How many registry writes this handle has attempted; cheaper than
    /// [`Store::registry_revision`] (no database), but blind to other processes.
    pub fn registry_writes_here(&self) -> u64 {
        self.registry_writes.load(Ordering::Acquire)
    }

    // --- users -------------------------------------------------------------------------------------

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

    // --- sessions ------------------------------------------------------------------------------------

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

    // --- API tokens ------------------------------------------------------------------------------------

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

    // --- blobs -------------------------------------------------------------------------------------------

    /// Stores bytes under their SHA-256 (the same content twice is stored once).
    pub async fn put_blob(
        &self,
        bytes: Bytes,
        media_type: &str,
        by: &ChangeBy,
    ) -> StoreResult<BlobInfo> {
        let sha256 = shinrai_domain::log_chain::sha256_hex(&bytes);
        let info = BlobInfo {
            sha256: sha256.clone(),
            size: bytes.len() as u64,
            media_type: media_type.to_owned(),
            created_at_ms: by.at_ms,
        };
        // Bytes first: metadata must never name a blob that is not there.
        self.blobs.put(&sha256, bytes).await?;
        let event = event(
            by,
            "blob.put",
            &sha256,
            Visibility::Internal,
            json!({"sha256": sha256, "size": info.size, "media_type": media_type}),
        );
        if on_backend!(self, b => b.insert_blob(&info, event))? {
            self.checkpoint_if_due(by.at_ms).await?;
            Ok(info)
        } else {
            Ok(on_backend!(self, b => b.blob_info(&sha256))?.unwrap_or(info))
        }
    }

    /// A blob's metadata and bytes, the bytes checked against their hash.
    pub async fn blob(&self, sha256: &str) -> StoreResult<Option<(BlobInfo, Bytes)>> {
        let Some(info) = on_backend!(self, b => b.blob_info(sha256))? else {
            return Ok(None);
        };
        let bytes = self
            .blobs
            .get(sha256)
            .await?
            .ok_or_else(|| StoreError::BlobCorrupt {
                sha256: sha256.to_owned(),
                actual: "missing".to_owned(),
            })?;
        Ok(Some((info, bytes)))
    }

    // --- the log --------------------------------------------------------------------------------------------

    pub async fn log_head(&self) -> StoreResult<(u64, String)> {
        on_backend!(self, b => b.log_head())
    }

    pub async fn events_after(
        &self,
        after: u64,
        limit: u32,
        public_only: bool,
    ) -> StoreResult<Vec<Event>> {
        on_backend!(self, b => b.events_after(after, limit, public_only))
    }

    pub async fn checkpoints(&self) -> StoreResult<Vec<Checkpoint>> {
        on_backend!(self, b => b.checkpoints())
    }

    pub async fn latest_checkpoint(&self) -> StoreResult<Option<Checkpoint>> {
        on_backend!(self, b => b.latest_checkpoint())
    }

    /// Records an event that goes with no other change (a failed sign-in, say).
    pub async fn record(
        &self,
        by: &ChangeBy,
        action: &str,
        subject: &str,
        visibility: Visibility,
        payload: serde_json::Value,
    ) -> StoreResult<Event> {
        let recorded =
            on_backend!(self, b => b.record(event(by, action, subject, visibility, payload)))?;
        self.checkpoint_if_due(by.at_ms).await?;
        Ok(recorded)
    }

    /// Signs a checkpoint of the current head unless the latest one already covers it.
    pub async fn checkpoint(&self, at_ms: i64) -> StoreResult<Option<Checkpoint>> {
        let (size, head) = self.log_head().await?;
        let covered = self.latest_checkpoint().await?.map_or(0, |c| c.size);
        if size == 0 || size <= covered {
            return Ok(None);
        }
        let checkpoint =
            shinrai_domain::log_chain::sign_checkpoint(&self.signing_key, size, &head, at_ms);
        match on_backend!(self, b => b.insert_checkpoint(&checkpoint)) {
            Ok(()) => Ok(Some(checkpoint)),
            // Another writer signed the same size at the same moment: theirs stands.
            Err(StoreError::Database(sqlx::Error::Database(error)))
                if error.is_unique_violation() =>
            {
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    async fn checkpoint_if_due(&self, at_ms: i64) -> StoreResult<()> {
        let (size, _) = self.log_head().await?;
        let covered = self.latest_checkpoint().await?.map_or(0, |c| c.size);
        if size >= covered + self.checkpoint_every {
            self.checkpoint(at_ms).await?;
        }
        Ok(())
    }

    /// Re-computes the whole chain and every stored checkpoint (and any given from elsewhere,
    /// e.g. a checkpoint file someone kept) against the public key, and compares every row of
    /// every bound table with what the events recorded; all in one snapshot. `Err(_)` means the
    /// store itself could not be read.
    pub async fn verify_log(
        &self,
        public_key: &ed25519_dalek::VerifyingKey,
        extra: Vec<Checkpoint>,
    ) -> StoreResult<AuditReport> {
        on_backend!(self, b => b.audit_log(Some(public_key), extra, self.checkpoint_every))
    }

    /// Writes a consistent backup of the database, the blobs and the signing key while the
    /// service keeps running (see [`backup`]).
    pub async fn backup(
        &self,
        out: &mut dyn std::io::Write,
        at_ms: i64,
    ) -> StoreResult<backup::Manifest> {
        let rows = on_backend!(self, b => b.export_rows())?;
        let mut blobs = Vec::with_capacity(rows.blobs.len());
        for blob in &rows.blobs {
            let bytes =
                self.blobs
                    .get(&blob.sha256)
                    .await?
                    .ok_or_else(|| StoreError::BlobCorrupt {
                        sha256: blob.sha256.clone(),
                        actual: "missing".to_owned(),
                    })?;
            blobs.push((blob.sha256.clone(), bytes.to_vec()));
        }
        let header = backup::Header {
            format: backup::FORMAT.to_owned(),
            version: backup::VERSION,
            created_at_ms: at_ms,
            engine: self.engine().to_owned(),
        };
        backup::write_backup(out, &header, &rows, &blobs, &self.signing_key.to_bytes())
    }

    /// The key this store signs with, for verification by the same installation.
    pub fn verifying_key(&self) -> ed25519_dalek::VerifyingKey {
        self.signing_key.verifying_key()
    }
}

fn event(
    by: &ChangeBy,
    action: &str,
    subject: &str,
    visibility: Visibility,
    payload: serde_json::Value,
) -> NewEvent {
    NewEvent {
        at_ms: by.at_ms,
        actor: by.actor.clone(),
        org: by.org.clone(),
        action: action.to_owned(),
        subject: subject.to_owned(),
        visibility,
        payload: payload.to_string(),
    }
}
