//! One lifecycle run on a day: the stored registry, the renewal applications and the services'
//! evaluated bases read from the store, the run planned by the domain, and every change written
//! in one transaction with its events. A run holds the job's lock from its reading to its
//! writing, so that of several processes sharing the store one runs at a time, and the next
//! reads what the last wrote. A dry run plans, takes no lock and writes nothing.

use std::collections::BTreeMap;

use serde::Serialize;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::lifecycle_run::{self, Fall, Planned, RegistryFacts};
use shinrai_store::Store;
use shinrai_store::documents::Batch;
use shinrai_store::error::StoreResult;

/// What a run did (or, for a dry run, would do).
#[derive(Debug, Clone, Serialize)]
pub struct LifecycleRun {
    pub as_of: CalendarDate,
    pub dry_run: bool,
    pub changes: Vec<RunChange>,
}

/// One entry that left the registry in the run.
#[derive(Debug, Clone, Serialize)]
pub struct RunChange {
    pub entry: String,
    /// `expired`, or `cascade` with the base it fell with.
    pub fall: &'static str,
    pub since: CalendarDate,
    pub because: Option<String>,
}

impl RunChange {
    fn of(planned: &Planned) -> RunChange {
        RunChange {
            entry: planned.entry.clone(),
            fall: planned.fall.code(),
            since: planned.fall.since(),
            because: match &planned.fall {
                Fall::Cascade { because, .. } => Some(because.clone()),
                Fall::Expired { .. } => None,
            },
        }
    }
}

/// The name of the job's lock.
pub const JOB: &str = "lifecycle";

/// What asking for a run came to.
#[derive(Debug)]
pub enum Attempt {
    Ran(LifecycleRun),
    /// Another process holds the job's lock: it is running the job now.
    Busy,
}

/// Runs the lifecycle on `as_of`, the changes recorded at `at_ms`, unless another process is
/// running it.
pub async fn run(
    store: &Store,
    as_of: CalendarDate,
    at_ms: i64,
    dry_run: bool,
) -> StoreResult<Attempt> {
    if dry_run {
        return plan_and_write(store, as_of, at_ms, true)
            .await
            .map(Attempt::Ran);
    }
    let Some(lock) = store.try_job_lock(JOB).await? else {
        return Ok(Attempt::Busy);
    };
    let ran = plan_and_write(store, as_of, at_ms, false).await;
    lock.release().await;
    ran.map(Attempt::Ran)
}

async fn plan_and_write(
    store: &Store,
    as_of: CalendarDate,
    at_ms: i64,
    dry_run: bool,
) -> StoreResult<LifecycleRun> {
    let entries = store.registry_entries().await?;
    let applications: Vec<_> = store
        .applications()
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect();
    let mut evaluated_in_audit = BTreeMap::new();
    for entry in &entries {
        let Some(service) = entry.service.as_deref() else {
            continue;
        };
        if let Some(stored) = store.service(service).await? {
            let bases = stored.value.details.underlying_evaluated_in_audit;
            evaluated_in_audit.insert(entry.id.clone(), bases);
        }
    }
    let facts = RegistryFacts {
        entries: &entries,
        applications: &applications,
        evaluated_in_audit: &evaluated_in_audit,
    };
    let planned = lifecycle_run::plan(facts, as_of);
    if !dry_run && !planned.is_empty() {
        let at = Moment::at(at_ms);
        let mut batch = Batch::new();
        for one in &planned {
            if let Some(entry) = entries.iter().find(|entry| entry.id == one.entry) {
                batch = batch.registry(&lifecycle_run::apply(entry, one, at), false)?;
            }
        }
        store.commit(batch).await?;
    }
    Ok(LifecycleRun {
        as_of,
        dry_run,
        changes: planned.iter().map(RunChange::of).collect(),
    })
}
