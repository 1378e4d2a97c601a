//! A job's lock: one holder at a time across store handles (as across processes), each job its
//! own, freed by release and by a holder that goes away without releasing.

use std::time::Duration;

use shinrai_store::{JobLock, Store};

use crate::engines::TestStore;

/// Tries for a while: a dropped PostgreSQL lock is freed when its session has closed, which
/// happens just after the drop.
async fn take_soon(store: &Store, job: &str) -> JobLock {
    for _ in 0..50 {
        if let Some(lock) = store.try_job_lock(job).await.unwrap() {
            return lock;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the lock of {job} was never freed");
}

#[tokio::test]
async fn one_holder_of_a_job_at_a_time_across_handles() {
    for test in TestStore::both().await {
        let engine = test.engine;
        let other = Store::open(&test.config).await.unwrap();
        let held = test
            .store
            .try_job_lock("lifecycle")
            .await
            .unwrap()
            .expect("free at first");
        assert!(
            other.try_job_lock("lifecycle").await.unwrap().is_none(),
            "{engine}: held by the first handle"
        );
        let reminders = other
            .try_job_lock("reminders")
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{engine}: another job has its own lock"));
        reminders.release().await;
        held.release().await;
        let taken = other
            .try_job_lock("lifecycle")
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{engine}: free once released"));
        assert!(
            test.store
                .try_job_lock("lifecycle")
                .await
                .unwrap()
                .is_none()
        );
        drop(taken);
        take_soon(&test.store, "lifecycle").await.release().await;
        other.close().await;
        test.finish().await;
    }
}
