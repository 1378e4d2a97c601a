//! The tamper-evident log in the store: every change appends its event in the same transaction
//! (`append`, which every aggregate's writes call), events and checkpoints are read back, a
//! checkpoint is signed with the data directory's Ed25519 key once enough events follow the
//! last one, and the whole chain can be verified against the rows it records.

use shinrai_domain::log_audit::AuditReport;
use shinrai_domain::log_chain::{Checkpoint, Event, NewEvent, Visibility};

use crate::model::ChangeBy;
use crate::{Store, StoreError, StoreResult, on_backend};

impl Store {
    /// The public half of the checkpoint key, in hex.
    pub fn public_key_hex(&self) -> String {
        hex::encode(self.signing_key.verifying_key().to_bytes())
    }

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

    /// The events of one action about one subject, in order.
    pub async fn events_about(&self, subject: &str, action: &str) -> StoreResult<Vec<Event>> {
        on_backend!(self, b => b.events_about(subject, action))
    }

    /// The event at a sequence number.
    pub async fn event_at(&self, seq: u64) -> StoreResult<Option<Event>> {
        on_backend!(self, b => b.event_at(seq))
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

    /// Signs a checkpoint once `checkpoint_every` events follow the last one; every change calls
    /// it after its commit.
    pub(crate) async fn checkpoint_if_due(&self, at_ms: i64) -> StoreResult<()> {
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

    /// The key this store signs with, for verification by the same installation.
    pub fn verifying_key(&self) -> ed25519_dalek::VerifyingKey {
        self.signing_key.verifying_key()
    }
}

/// The event a change records, by whom and when it was made.
pub(crate) fn event(
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

/// The log's head and latest checkpoint size as a transaction last saw them: (sequence number,
/// hash, checkpoint size); unknown until the first event of the transaction reads them.
#[derive(Debug, Default)]
pub(crate) struct ChainTip {
    pub(crate) known: Option<(u64, String, Option<u64>)>,
}

/// Expands to the log operations of one backend type that has `pool` and `begin_write`.
macro_rules! log_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            /// Appends an event in the caller's transaction, after the current head. The
            /// transaction began with `begin_write`, so no other writer can append meanwhile.
            /// `wrote` names the rows of bound tables the change wrote: each is read back here,
            /// after the write and in the same transaction, and its hash goes into the payload
            /// with the size of the latest checkpoint (see `crate::binding`).
            async fn append(
                tx: &mut sqlx::Transaction<'_, $database>,
                new: shinrai_domain::log_chain::NewEvent,
                wrote: &[crate::binding::Wrote],
            ) -> crate::error::StoreResult<shinrai_domain::log_chain::Event> {
                Self::append_after(tx, &mut crate::log::ChainTip::default(), new, wrote).await
            }

            /// As `append`, for one of several events of a transaction: `tip` keeps the head
            /// and the latest checkpoint once read, and moves on with each event, so a batch
            /// of thousands does not ask for them again each time (nothing else writes the log
            /// while the transaction holds the write).
            async fn append_after(
                tx: &mut sqlx::Transaction<'_, $database>,
                tip: &mut crate::log::ChainTip,
                mut new: shinrai_domain::log_chain::NewEvent,
                wrote: &[crate::binding::Wrote],
            ) -> crate::error::StoreResult<shinrai_domain::log_chain::Event> {
                let mut records = Vec::with_capacity(wrote.len());
                for row in wrote {
                    records.push(Self::bound_row(tx, row).await?);
                }
                let (seq, hash, last_checkpoint) = match tip.known.take() {
                    Some(known) => known,
                    None => {
                        let last_checkpoint = sqlx::query(crate::sql::SELECT_LATEST_CHECKPOINT)
                            .fetch_optional(&mut **tx)
                            .await?
                            .as_ref()
                            .map(crate::rows::checkpoint)
                            .transpose()?
                            .map(|checkpoint| checkpoint.size);
                        let head = sqlx::query(crate::sql::SELECT_LOG_HEAD)
                            .fetch_optional(&mut **tx)
                            .await?;
                        let (seq, hash) = match head {
                            Some(row) => (
                                crate::rows::u64_of(
                                    crate::rows::get(&row, "seq")?,
                                    "sequence number",
                                )?,
                                crate::rows::get::<_, String>(&row, "hash")?,
                            ),
                            None => (0, shinrai_domain::log_chain::GENESIS.to_owned()),
                        };
                        (seq, hash, last_checkpoint)
                    }
                };
                new.payload =
                    crate::event_payload::with_facts(&new.payload, &records, last_checkpoint)?;
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
                tip.known = Some((event.seq, event.hash.clone(), last_checkpoint));
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

            pub async fn events_about(
                &self,
                subject: &str,
                action: &str,
            ) -> crate::error::StoreResult<Vec<shinrai_domain::log_chain::Event>> {
                let rows = sqlx::query(crate::sql::SELECT_EVENTS_ABOUT)
                    .bind(subject)
                    .bind(action)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(crate::rows::event).collect()
            }

            pub async fn event_at(
                &self,
                seq: u64,
            ) -> crate::error::StoreResult<Option<shinrai_domain::log_chain::Event>> {
                let Ok(seq) = i64::try_from(seq) else {
                    return Ok(None);
                };
                let row = sqlx::query(crate::sql::SELECT_EVENT_AT)
                    .bind(seq)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(crate::rows::event).transpose()
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
        }
    };
}

pub(crate) use log_operations;
