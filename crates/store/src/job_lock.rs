//! One run of a job at a time, across every process that shares the store. On PostgreSQL,
//! where several service instances may share one database, a session advisory lock held on a
//! connection of its own for the whole run; on SQLite, whose database is one file in the data
//! directory, an exclusive lock on a file beside it. The lock goes with the holder: a process
//! that dies mid-run frees it (its connection or file closes).

use std::fs::{File, OpenOptions, TryLockError};

use sha2::{Digest, Sha256};
use sqlx::Postgres;
use sqlx::pool::PoolConnection;

use crate::error::{StoreError, StoreResult};
use crate::{Backend, Store};

/// A job's lock, held until [`JobLock::release`] or drop.
#[derive(Debug)]
pub struct JobLock {
    held: Held,
}

#[derive(Debug)]
enum Held {
    File(File),
    Postgres {
        connection: Option<PoolConnection<Postgres>>,
        key: i64,
    },
}

/// The advisory-lock key of a job: the first eight bytes of a hash of its name, so that jobs
/// never share a key by accident and no other program's small integers are taken.
fn advisory_key(job: &str) -> i64 {
    let digest = Sha256::digest(format!("shinrai-job:{job}").as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(digest.get(..8).unwrap_or(&[0; 8]));
    i64::from_be_bytes(bytes)
}

impl Store {
    /// Takes the lock of `job` when no other process holds it; `None` when one does.
    pub async fn try_job_lock(&self, job: &str) -> StoreResult<Option<JobLock>> {
        match &self.backend {
            Backend::Sqlite(_) => {
                let path = self.data_dir.join(format!("job-{job}.lock"));
                // Private like every file of the data directory.
                crate::files::ensure_private_file(&path)?;
                let file = OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .map_err(|error| StoreError::Files {
                        path: path.display().to_string(),
                        detail: error.to_string(),
                    })?;
                match file.try_lock() {
                    Ok(()) => Ok(Some(JobLock {
                        held: Held::File(file),
                    })),
                    Err(TryLockError::WouldBlock) => Ok(None),
                    Err(TryLockError::Error(error)) => Err(StoreError::Files {
                        path: path.display().to_string(),
                        detail: error.to_string(),
                    }),
                }
            }
            Backend::Postgres(backend) => {
                let key = advisory_key(job);
                let mut connection = backend.pool.acquire().await?;
                let (taken,): (bool,) = sqlx::query_as("SELECT pg_try_advisory_lock($1)")
                    .bind(key)
                    .fetch_one(&mut *connection)
                    .await?;
                Ok(taken.then_some(JobLock {
                    held: Held::Postgres {
                        connection: Some(connection),
                        key,
                    },
                }))
            }
        }
    }
}

impl JobLock {
    /// Frees the lock for the next run.
    pub async fn release(mut self) {
        if let Held::File(file) = &self.held {
            // Closing the file would free it too; unlocking says so where it happens.
            let _ = file.unlock();
        }
        if let Held::Postgres { connection, key } = &mut self.held
            && let Some(mut connection) = connection.take()
        {
            let unlocked = sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(*key)
                .execute(&mut *connection)
                .await;
            if unlocked.is_err() {
                // The session ends with the connection, and the lock with it.
                connection.close_on_drop();
            }
        }
    }
}

impl Drop for JobLock {
    fn drop(&mut self) {
        // A lock not released (a run that panicked or was cancelled) must not go back to the
        // pool with its connection: closing the session frees it.
        if let Held::Postgres { connection, .. } = &mut self.held
            && let Some(mut connection) = connection.take()
        {
            connection.close_on_drop();
        }
    }
}
