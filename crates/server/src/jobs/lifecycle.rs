//! One lifecycle run on a day: the stored registry, the renewal applications and the services'
//! evaluated bases read from the store, the run planned by the domain, and every change written
//! in one transaction with its events, together with the notifications it sends: to the
//! provider of each entry that fell, and the reminders due that day (renewals, reports). A run holds the job's lock from its reading to its
//! writing, so that of several processes sharing the store one runs at a time, and the next
//! reads what the last wrote. A dry run plans, takes no lock and writes nothing.

use std::collections::BTreeMap;

use crate::systems::users::Users;
use serde::Serialize;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::lifecycle_run::{self, Fall, Planned, RegistryFacts};
use shinrai_domain::workflow::notification::messages::fall_to_provider;
use shinrai_domain::workflow::notification::user_messages::ServiceNews;
use shinrai_domain::workflow::notification::{Draft, Notification};
use shinrai_domain::workflow::reminders::{self, ReminderFacts};
use shinrai_store::Store;
use shinrai_store::documents::Batch;
use shinrai_store::error::StoreResult;

/// What a run did (or, for a dry run, would do).
#[derive(Debug, Clone, Serialize)]
pub struct LifecycleRun {
    pub as_of: CalendarDate,
    pub dry_run: bool,
    pub changes: Vec<RunChange>,
    /// The notifications sent (or, for a dry run, that would be).
    pub notifications: Vec<RunNotification>,
}

/// One notification a run sent.
#[derive(Debug, Clone, Serialize)]
pub struct RunNotification {
    pub id: String,
    pub to: String,
    pub kind: &'static str,
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

/// How a run is made: on which day, recorded when, whether it writes, whether the messages it
/// sends wait to go by e-mail.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    pub as_of: CalendarDate,
    pub at_ms: i64,
    pub dry_run: bool,
    pub mail: bool,
}

/// Runs the lifecycle on `as_of`, the changes recorded at `at_ms`, unless another process is
/// running it.
pub async fn run(store: &Store, options: RunOptions) -> StoreResult<Attempt> {
    if options.dry_run {
        return plan_and_write(store, options).await.map(Attempt::Ran);
    }
    let Some(lock) = store.try_job_lock(JOB).await? else {
        return Ok(Attempt::Busy);
    };
    let ran = plan_and_write(store, options).await;
    lock.release().await;
    ran.map(Attempt::Ran)
}

async fn plan_and_write(store: &Store, options: RunOptions) -> StoreResult<LifecycleRun> {
    let RunOptions {
        as_of,
        at_ms,
        dry_run,
        mail,
    } = options;
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
    let audits = store.all_audits().await?;
    let audits: Vec<_> = audits.into_iter().map(|stored| stored.value).collect();
    let mut drafts = drafts(&entries, &planned, &applications, &audits, as_of);
    let by_id: BTreeMap<&str, &RegistryEntry> = entries
        .iter()
        .map(|entry| (entry.id.as_str(), entry))
        .collect();
    // The organisations using what fell are told too.
    if !planned.is_empty() {
        let users = Users::all(store).await?;
        for one in &planned {
            if let Some(entry) = by_id.get(one.entry.as_str()) {
                let news = ServiceNews::Fell(&one.fall);
                drafts.extend(users.tell(entry, news, one.fall.since()));
            }
        }
    }
    let at = Moment::at(at_ms);
    let mut batch = Batch::new();
    for one in &planned {
        if let Some(entry) = by_id.get(one.entry.as_str()) {
            batch = batch.registry(&lifecycle_run::apply(entry, one, at), false)?;
        }
    }
    let (batch, sent) =
        crate::notifications::outbox::add_new(store, batch, drafts, mail, at).await?;
    if !dry_run {
        store.commit(batch).await?;
    }
    Ok(LifecycleRun {
        as_of,
        dry_run,
        changes: planned.iter().map(RunChange::of).collect(),
        notifications: sent.iter().map(notified).collect(),
    })
}

fn notified(sent: &Notification) -> RunNotification {
    RunNotification {
        id: sent.id.clone(),
        to: sent.to.clone(),
        kind: sent.kind.code(),
    }
}

/// The messages of a run: each fall told to its provider, then the reminders due on `as_of`
/// for the entries that stay.
fn drafts(
    entries: &[RegistryEntry],
    planned: &[Planned],
    applications: &[shinrai_domain::workflow::application::Application],
    audits: &[shinrai_domain::workflow::audit::Audit],
    as_of: CalendarDate,
) -> Vec<Draft> {
    let by_id: BTreeMap<&str, &RegistryEntry> = entries
        .iter()
        .map(|entry| (entry.id.as_str(), entry))
        .collect();
    let mut drafts: Vec<Draft> = planned
        .iter()
        .filter_map(|one| {
            let entry = by_id.get(one.entry.as_str())?;
            let base_name = match &one.fall {
                Fall::Cascade { because, .. } => {
                    by_id.get(because.as_str()).map(|base| &base.service_name)
                }
                Fall::Expired { .. } => None,
            };
            Some(fall_to_provider(entry, &one.fall, base_name))
        })
        .collect();
    let staying: Vec<RegistryEntry> = entries
        .iter()
        .filter(|entry| !planned.iter().any(|one| one.entry == entry.id))
        .cloned()
        .collect();
    let facts = ReminderFacts {
        entries: &staying,
        applications,
        audits,
    };
    drafts.extend(reminders::due(facts, as_of));
    drafts
}
