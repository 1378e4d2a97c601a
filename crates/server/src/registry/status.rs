//! What is done to an entry after registration: the operator's measures (suspend, reinstate,
//! deregister, record its expiry), notices and remarks, and the provider's withdrawal. Each loads
//! the entry as stored, lets the domain decide, and writes the entry with its event.

use shinrai_domain::registry::{NoticeKind, RegistryEntry};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Change;
use shinrai_domain::workflow::registry_status::{self, NoticeText, StatusDecision, StatusMove};
use shinrai_store::documents::Batch;

use crate::jobs::lifecycle::{self, Attempt, RunChange};
use crate::notifications::outbox;
use crate::state::AppState;
use crate::systems::users::tell_users;
use crate::workflow::{Acting, Failure, Outcome};
use shinrai_domain::workflow::notification::messages;
use shinrai_domain::workflow::notification::user_messages::ServiceNews;

/// What registry entries are called in messages.
pub(crate) const ENTRY: (&str, &str) = ("登録簿の項目", "registry entry");

/// Changes where the entry `id` stands: the operator's measure. Its provider is told in its
/// inbox in the same transaction; when the registration ends, what is built on it falls at once.
pub async fn take_measure(
    state: &AppState,
    by: &Acting,
    id: &str,
    change: StatusMove,
    decision: StatusDecision,
) -> Outcome<Ending> {
    let entry = stored_entry(state, id).await?;
    let reason = decision.reason.clone();
    let written = registry_status::change_status(&entry, change, decision, &by.member, by.at)?;
    let on = by.at.date();
    let mut told = vec![messages::measure_to_provider(
        &written.state,
        change,
        &reason,
        on,
    )];
    let news = ServiceNews::Measure {
        change,
        reason: &reason,
        on,
    };
    told.extend(tell_users(&state.store, &written.state, news, on).await?);
    let batch = Batch::new().registry(&written, false)?;
    let (batch, _) =
        outbox::add_new(&state.store, batch, told, state.outbox.mails(), by.at).await?;
    state.store.commit(batch).await?;
    state.outbox.committed();
    let ends = matches!(change, StatusMove::Deregister | StatusMove::Expire);
    let fallen = if ends {
        cascade_now(state, by.at).await?
    } else {
        Some(Vec::new())
    };
    Ok(Ending {
        entry: written.state,
        fallen,
    })
}

/// What a change that may end an entry came to: the entry, and the services that fell with it
/// in the lifecycle run made at once (`None` when another process kept the job's lock
/// throughout: its run, or the next scheduled one, brings them down).
#[derive(Debug)]
pub struct Ending {
    pub entry: RegistryEntry,
    pub fallen: Option<Vec<RunChange>>,
}

/// The provider withdraws the entry `id`; the services built on it fall in cascade at once.
pub async fn withdraw(
    state: &AppState,
    by: &Acting,
    id: &str,
    reason: Bilingual,
) -> Outcome<Ending> {
    let entry = stored_entry(state, id).await?;
    let change = registry_status::withdraw(&entry, reason, &by.member, by.at)?;
    let on = by.at.date();
    let told = tell_users(
        &state.store,
        &change.state,
        ServiceNews::Withdrawn { on },
        on,
    )
    .await?;
    let batch = Batch::new().registry(&change, false)?;
    let (batch, _) =
        outbox::add_new(&state.store, batch, told, state.outbox.mails(), by.at).await?;
    state.store.commit(batch).await?;
    state.outbox.committed();
    let entry = change.state;
    let fallen = cascade_now(state, by.at).await?;
    Ok(Ending { entry, fallen })
}

/// How often, and how long apart, a cascade waits for another process's run to end.
const CASCADE_TRIES: u32 = 50;
const CASCADE_PAUSE: std::time::Duration = std::time::Duration::from_millis(100);

/// Runs the lifecycle job at `at`, the moment an entry ended, so that what is built on it
/// falls with it; another process's run under way is waited for a while (its run is short).
pub async fn cascade_now(
    state: &AppState,
    at: shinrai_domain::workflow::Moment,
) -> Outcome<Option<Vec<RunChange>>> {
    for _ in 0..CASCADE_TRIES {
        let options = lifecycle::RunOptions {
            as_of: at.date(),
            at_ms: at.at_ms,
            dry_run: false,
            mail: state.outbox.mails(),
        };
        match lifecycle::run(&state.store, options).await? {
            Attempt::Ran(run) => {
                state.outbox.committed();
                return Ok(Some(run.changes));
            }
            Attempt::Busy => tokio::time::sleep(CASCADE_PAUSE).await,
        }
    }
    Ok(None)
}

/// Publishes a notice about the entry `id`.
pub async fn publish_notice(
    state: &AppState,
    by: &Acting,
    id: &str,
    kind: NoticeKind,
    notice: NoticeText,
) -> Outcome<RegistryEntry> {
    let entry = stored_entry(state, id).await?;
    let change = registry_status::publish_notice(&entry, kind, notice, &by.member, by.at)?;
    write(state, change).await
}

/// Rewrites the remarks of the entry `id`.
pub async fn set_remarks(
    state: &AppState,
    by: &Acting,
    id: &str,
    remarks: Bilingual,
) -> Outcome<RegistryEntry> {
    let entry = stored_entry(state, id).await?;
    let change = registry_status::set_remarks(&entry, remarks, &by.member, by.at)?;
    write(state, change).await
}

/// The entry as stored now, not as the registry held in memory last read it.
pub(crate) async fn stored_entry(state: &AppState, id: &str) -> Outcome<RegistryEntry> {
    state
        .store
        .registry_entries()
        .await?
        .into_iter()
        .find(|entry| entry.id == id)
        .ok_or_else(|| Failure::not_found(ENTRY, id))
}

async fn write(state: &AppState, change: Change<RegistryEntry>) -> Outcome<RegistryEntry> {
    state
        .store
        .commit(Batch::new().registry(&change, false)?)
        .await?;
    Ok(change.state)
}
