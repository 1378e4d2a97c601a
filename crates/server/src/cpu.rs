//! Bounds on CPU-heavy work, each job on a blocking thread, in two lanes that never wait on
//! each other:
//!
//! - password hashing (signing in, creating users) has slots of its own, so that no amount of
//!   other work delays a sign-in;
//! - everything else (decisions, reading uploaded criteria) shares one slot per core but one.
//!   Decisions, which anyone may ask for, may wait only so many at once: beyond that they are
//!   refused with `busy` (503, `Retry-After`) instead of queueing without end.
//!
//! A burst of requests thus waits here instead of starting hundreds of threads that each hold
//! a parsed case or an argon2 buffer.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};

use crate::error::ApiError;

/// How long a refused decision is told to wait: slots free up within milliseconds.
const BUSY_RETRY_AFTER: Duration = Duration::from_secs(1);

#[derive(Debug, Clone)]
pub struct CpuPool {
    work: Arc<Semaphore>,
    passwords: Arc<Semaphore>,
    /// Decisions waiting for a `work` slot, and how many may.
    decisions_waiting: Arc<AtomicUsize>,
    decision_queue: usize,
}

impl CpuPool {
    /// Work on all cores but one (at least one), so that answering requests and signing in
    /// always find a core free of it; password hashing on as many as there are; at most
    /// `decision_queue` decisions waiting.
    pub fn per_core(decision_queue: usize) -> CpuPool {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        CpuPool::with_slots(cores.saturating_sub(1), cores, decision_queue)
    }

    pub fn with_slots(work: usize, passwords: usize, decision_queue: usize) -> CpuPool {
        CpuPool {
            work: Arc::new(Semaphore::new(work.max(1))),
            passwords: Arc::new(Semaphore::new(passwords.max(1))),
            decisions_waiting: Arc::new(AtomicUsize::new(0)),
            decision_queue,
        }
    }

    /// Runs `job` (reading an upload, say) once a work slot is free, however long that takes.
    pub async fn run<T, F>(&self, job: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        // The semaphore is never closed, so acquiring only waits.
        let slot = self.work.acquire().await.map_err(ApiError::internal)?;
        on_blocking_thread(slot, job).await
    }

    /// Runs a decision once a work slot is free; `busy` when too many are waiting already.
    pub async fn run_decision<T, F>(&self, job: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let slot = match self.work.try_acquire() {
            Ok(slot) => slot,
            Err(_) => {
                let _waiting = Waiting::join(&self.decisions_waiting, self.decision_queue).ok_or(
                    ApiError::Busy {
                        retry_after: BUSY_RETRY_AFTER,
                    },
                )?;
                self.work.acquire().await.map_err(ApiError::internal)?
            }
        };
        on_blocking_thread(slot, job).await
    }

    /// Hashes or checks a password in the lane of its own.
    pub async fn run_password<T, F>(&self, job: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let slot = self.passwords.acquire().await.map_err(ApiError::internal)?;
        on_blocking_thread(slot, job).await
    }
}

/// A job that panics is an internal error, answered with an incident number like every other.
async fn on_blocking_thread<T, F>(slot: SemaphorePermit<'_>, job: F) -> Result<T, ApiError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let done = tokio::task::spawn_blocking(job)
        .await
        .map_err(ApiError::internal);
    drop(slot);
    done
}

/// One place in the decisions' queue, given back when dropped (also when the client leaves
/// while waiting).
struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    fn join(count: &'a AtomicUsize, most: usize) -> Option<Waiting<'a>> {
        count
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |now| {
                (now < most).then_some(now + 1)
            })
            .ok()
            .map(|_| Waiting(count))
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_jobs_run_at_once_than_there_are_slots() {
        let pool = CpuPool::with_slots(2, 1, 100);
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let jobs = (0..12).map(|_| {
            let (pool, running, most) = (pool.clone(), running.clone(), most.clone());
            tokio::spawn(async move {
                pool.run_decision(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                })
                .await
            })
        });
        for job in jobs.collect::<Vec<_>>() {
            assert!(job.await.unwrap().is_ok());
        }
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn decisions_beyond_the_queue_are_refused_and_passwords_never_wait_for_them() {
        let pool = CpuPool::with_slots(1, 1, 2);
        let (release, released) = std::sync::mpsc::channel::<()>();
        let released = Arc::new(std::sync::Mutex::new(released));
        // One decision runs (and holds the only work slot), two wait.
        let mut held = Vec::new();
        for _ in 0..3 {
            let (pool, released) = (pool.clone(), released.clone());
            held.push(tokio::spawn(async move {
                pool.run_decision(move || {
                    let _ = released.lock().unwrap().recv();
                })
                .await
            }));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let refused = pool.run_decision(|| ()).await;
        assert!(matches!(refused, Err(ApiError::Busy { .. })), "{refused:?}");

        let start = std::time::Instant::now();
        assert_eq!(pool.run_password(|| 7).await.unwrap(), 7);
        assert!(start.elapsed() < Duration::from_secs(1));

        for _ in 0..3 {
            release.send(()).unwrap();
        }
        for job in held {
            assert!(job.await.unwrap().is_ok());
        }
        // The queue is free again.
        assert!(pool.run_decision(|| ()).await.is_ok());
    }
}
